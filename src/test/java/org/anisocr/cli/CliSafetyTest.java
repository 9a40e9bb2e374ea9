package org.anisocr.cli;

import org.anisocr.Slow;
import org.anisocr.solver.gpu.GpuDevice;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Nothing a user owns is ever lost: every case runs a command in a folder of user files and asserts the exit code,
 * the message, and that every user file is byte-identical afterwards (and, on refusal, that nothing was added).
 * Cases whose target depends on the working or home folder run as a separate process started there.
 */
class CliSafetyTest {
    @TempDir Path tmp;

    /**
     * @param args    the arguments; "{w}" is replaced by the workspace folder, "{cfg}" by its model file
     * @param created the entry the command may add to the workspace on success (null: none)
     */
    record Case(String name, boolean separateProcess, int exit, String message, String created, String... args) {}

    static final String BAD_CONFIG_PREFIX = "bad:";

    // Long on purpose: a data table, one Case per line (command, exit code, message), not logic.
    @SuppressWarnings("checkstyle:MethodLength")
    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // output folders (`--out .` must never delete the working directory: run replaces its output folder)
        c.add(new Case("run --out .", true, 2, "is the current folder", null, "run", "model.toml", "--out", "."));
        c.add(new Case("run --out= (empty)", true, 2, "--out is empty", null, "run", "model.toml", "--out="));
        c.add(new Case(
                "run --out ..", true, 2, "ancestor of the current folder", null, "run", "model.toml", "--out", ".."));
        c.add(new Case("run --out / ", true, 2, "file-system root", null, "run", "model.toml", "--out", "/"));
        c.add(new Case(
                "run --out ~ (home)", true, 2, "your home folder", null, "run", "model.toml", "--out", "{home}"));
        c.add(new Case(
                "run --out . --overwrite",
                true,
                2,
                "is the current folder",
                null,
                "run",
                "model.toml",
                "--out",
                ".",
                "--overwrite"));
        c.add(new Case(
                "run --out results.txt (a file)",
                false,
                2,
                "is an existing file",
                null,
                "run",
                "{cfg}",
                "--out",
                "{w}/results.txt"));
        c.add(new Case(
                "run --out existing-folder",
                false,
                2,
                "not an anisocr output folder",
                null,
                "run",
                "{cfg}",
                "--out",
                "{w}/existing-folder"));
        c.add(new Case("run --out existing-folder --overwrite", false, 2, "not an anisocr output folder", null,
                "run", "{cfg}", "--out", "{w}/existing-folder", "--overwrite"));
        c.add(new Case(
                "run --out marked (no --overwrite)",
                false,
                2,
                "add --overwrite",
                null,
                "run",
                "{cfg}",
                "--out",
                "{w}/marked"));
        c.add(new Case(
                "run --out marked --overwrite",
                false,
                0,
                "cpu backend, mode steady",
                "marked",
                "run",
                "{cfg}",
                "--out",
                "{w}/marked",
                "--overwrite",
                "--backend",
                "cpu"));
        c.add(new Case(
                "run --out new",
                false,
                0,
                "cpu backend, mode steady",
                "new",
                "run",
                "{cfg}",
                "--out",
                "{w}/new",
                "--backend",
                "cpu"));
        c.add(new Case(
                "run --out a link", false, 2, "symbolic link", null, "run", "{cfg}", "--out", "{w}/link-to-folder"));
        c.add(new Case(
                "field --out existing-folder",
                false,
                2,
                "not an anisocr output folder",
                null,
                "field",
                "{cfg}",
                "--out",
                "{w}/existing-folder"));
        c.add(new Case("field --out .", true, 2, "is the current folder", null, "field", "model.toml", "--out", "."));
        c.add(new Case("sweep --out existing-folder", false, 2, "not an anisocr sweep folder", null,
                "sweep", "{cfg}", "--vary", "eps_D=0.1,0.2", "--out", "{w}/existing-folder"));
        c.add(new Case("sweep --out marked (a run, not a family)", false, 2, "not an anisocr sweep folder", null,
                "sweep", "{cfg}", "--vary", "eps_D=0.1,0.2", "--out", "{w}/marked"));
        c.add(new Case(
                "sweep --out ..",
                true,
                2,
                "ancestor of the current folder",
                null,
                "sweep",
                "model.toml",
                "--vary",
                "eps_D=0.1,0.2",
                "--out",
                ".."));
        c.add(new Case(
                "figures --out existing-folder",
                false,
                2,
                "not an anisocr output folder",
                null,
                "figures",
                "--out",
                "{w}/existing-folder"));
        c.add(new Case("figures --out .", true, 2, "is the current folder", null, "figures", "--out", "."));
        c.add(new Case("bench --out results.txt (a user's file)", false, 2, "was not written by anisocr", null,
                "bench", "--out", "{w}/results.txt", "--backend", "cpu", "--grid", "11x7", "--momenta", "1"));
        c.add(new Case(
                "bench --out existing-folder",
                false,
                2,
                "is a folder",
                null,
                "bench",
                "--out",
                "{w}/existing-folder",
                "--backend",
                "cpu"));
        c.add(new Case(
                "steady-bench --out results.txt",
                false,
                2,
                "was not written by anisocr",
                null,
                "steady-bench",
                "{cfg}",
                "--out",
                "{w}/results.txt"));
        c.add(new Case("bench methods --out results.txt", false, 2, "was not written by anisocr", null,
                "bench", "methods", "{cfg}", "--out", "{w}/results.txt"));
        c.add(new Case("bench split --out results.txt", false, 2, "was not written by anisocr", null,
                "bench", "split", "--out", "{w}/results.txt", "--backend", "cpu", "--grid", "11x7", "--momenta", "1"));
        c.add(new Case(
                "validate --json results.txt",
                false,
                2,
                "was not written by anisocr",
                null,
                "validate",
                "--quick",
                "--only",
                "zero-source",
                "--json",
                "{w}/results.txt"));
        c.add(new Case(
                "merge --out results.txt",
                false,
                2,
                "was not written by anisocr",
                null,
                "merge",
                "{w}/existing-folder",
                "--out",
                "{w}/results.txt"));
        c.add(new Case("export --out results.txt", true, 2, "was not written by anisocr", null,
                "export", "--format", "dragon2", "{w}/marked", "--out", "{w}/results.txt"));
        c.add(new Case("export of a run that does not reach R_sun", false, 2, "lies outside the grid", null,
                "export", "--format", "dragon2", "{w}/marked", "--out", "{w}/dragon2.fits"));
        // arguments
        c.add(new Case(
                "--threads -1",
                false,
                2,
                "--threads = -1 is not allowed",
                null,
                "run",
                "{cfg}",
                "--threads",
                "-1",
                "--out",
                "{w}/t"));
        c.add(new Case("--backend tpu", false, 2, "tpu", null, "run", "{cfg}", "--backend", "tpu", "--out", "{w}/t"));
        c.add(new Case("unknown option", false, 2, "Unknown option", null, "run", "{cfg}", "--outt", "{w}/t"));
        c.add(new Case(
                "missing config file", false, 2, "does not exist", null, "run", "{w}/missing.toml", "--out", "{w}/t"));
        c.add(new Case(
                "unwritable --out (under a file)",
                false,
                2,
                "is not writable",
                null,
                "run",
                "{cfg}",
                "--out",
                "{w}/results.txt/sub"));
        // bad configs (docs/bad-inputs.md): "bad:<find>|<replace>" edits the tiny model
        c.add(bad(
                "unknown key",
                "eps_D = 0.05|eps_D = 0.05\nepsD = 0.2",
                "unknown key diffusion.epsD: did you mean diffusion.eps_D?"));
        c.add(bad(
                "negative grid size",
                "n_r = 11|n_r = -5",
                "grid.n_r = -5 is not allowed: expected an integer in [3, 100001]"));
        c.add(bad("NaN parameter", "eps_D = 0.05|eps_D = nan", "diffusion.eps_D = NaN is not allowed"));
        c.add(bad(
                "p_min > p_max",
                "p_min_GeV = 1.0|p_min_GeV = 1000.0",
                "momentum.p_min_GeV = 1000 is larger than momentum.p_max_GeV = 100"));
        c.add(bad("misspelt table", "[diffusion]|[diffusoin]", "did you mean [diffusion]?"));
        c.add(bad(
                "unknown table",
                "[source]|[solvers]\nmode = \"direct\"\n[source]",
                "unknown table [solvers]: did you mean [solver]?"));
        c.add(bad("TOML syntax error", "n_z = 7|n_z = = 7", "not valid TOML at line 5"));
        c.add(bad("duplicate key", "n_z = 7|n_z = 7\nn_z = 9", "duplicate key n_z in [grid]"));
        c.add(bad("wrong type", "eps_D = 0.05|eps_D = \"small\"", "diffusion.eps_D = \"small\" has the wrong type"));
        c.add(bad("huge grid (memory)", "n_r = 11\nn_z = 7|n_r = 100001\nn_z = 100001", "needs about"));
        c.add(bad("unstable dt", "[source]|[solver]\nmode = \"ladder\"\n[solver.ladder]\ndt_max_Myr = 64.0\n[source]",
                "solver.ladder.dt_max_Myr = 64.0000 Myr is unstable"));
        c.add(new Case(
                "binary config", false, 2, "is not UTF-8 text", null, "run", "{w}/binary.toml", "--out", "{w}/t"));
        // every subcommand answers --help
        for (String cmd : List.of(
                "run", "sweep", "field", "export", "merge", "validate", "figures", "steady-bench", "info", "bench",
                "help")) {
            c.add(new Case(cmd + " --help", false, 0, "Usage:", null, cmd, "--help"));
        }
        for (String sub : List.of("split", "steady", "methods")) {
            c.add(new Case("bench " + sub + " --help", false, 0, "Usage:", null, "bench", sub, "--help"));
        }
        c.add(new Case("run -h", false, 0, "Usage:", null, "run", "-h"));
        return c;
    }

    static Case bad(String name, String edit, String message) {
        return new Case(
                "bad config: " + name,
                false,
                2,
                message,
                null,
                "run",
                BAD_CONFIG_PREFIX + edit,
                "--out",
                "{w}/t",
                "--backend",
                "cpu");
    }

    /** A workspace of user files as a user would have them, plus an earlier anisocr output "marked". */
    Path workspace(String name) throws IOException {
        Path w = tmp.resolve(name.replaceAll("[^A-Za-z0-9]+", "_") + "-" + Integer.toHexString(name.hashCode()));
        Files.createDirectories(w.resolve("existing-folder"));
        Files.writeString(w.resolve("model.toml"), CliHarness.TINY);
        Files.writeString(w.resolve("notes.txt"), "my notes");
        Files.writeString(w.resolve("results.txt"), "12 months of results");
        Files.writeString(w.resolve("existing-folder/a.txt"), "user file a");
        Files.write(w.resolve("existing-folder/b.dat"), new byte[] {0, 1, 2, 3});
        Files.createDirectories(w.resolve("real-folder"));
        Files.createSymbolicLink(w.resolve("link-to-folder"), w.resolve("real-folder"));
        Files.write(w.resolve("binary.toml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        CliHarness.Result r = CliHarness.inProcess(
                "run",
                w.resolve("model.toml").toString(),
                "--out",
                w.resolve("marked").toString(),
                "--backend",
                "cpu");
        assertEquals(0, r.code(), r.all());
        return w;
    }

    @Slow
    @TestFactory Stream<DynamicTest> everyCaseKeepsUserFilesIntact() {
        boolean gpu = GpuDevice.probe().available();
        return cases().stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    Path w = workspace(c.name());
                    Path home = Files.createDirectories(tmp.resolve("home-" + w.getFileName()));
                    Files.writeString(home.resolve(".bashrc"), "# the user's");
                    Map<String, String> before = CliHarness.fingerprint(w);
                    Map<String, String> homeBefore = CliHarness.fingerprint(home);
                    Function<String, String> fill = a -> a.replace("{w}", w.toString())
                            .replace("{cfg}", w.resolve("model.toml").toString())
                            .replace("{home}", home.toString());
                    List<String> args = new ArrayList<>();
                    for (String a : c.args()) {
                        if (a.startsWith(BAD_CONFIG_PREFIX)) {
                            String[] e = a.substring(BAD_CONFIG_PREFIX.length()).split("\\|", 2);
                            assertTrue(CliHarness.TINY.contains(e[0]), "edit applies: " + e[0]);
                            Path cfg = w.resolve("bad.toml");
                            Files.writeString(cfg, CliHarness.TINY.replace(e[0], e[1]));
                            before = CliHarness.fingerprint(w);
                            args.add(cfg.toString());
                        } else {
                            args.add(fill.apply(a));
                        }
                    }
                    CliHarness.Result r = c.separateProcess()
                            ? CliHarness.subprocess(w, home, args.toArray(String[]::new))
                            : CliHarness.inProcess(args.toArray(String[]::new));
                    assertToldTheUser(c, r);
                    assertUserFilesKept(c, before, CliHarness.fingerprint(w));
                    assertEquals(homeBefore, CliHarness.fingerprint(home), "home folder untouched");
                    if (c.name().contains("gpu")) {
                        assumeTrue(!gpu);
                    }
                }));
    }

    /** The exit code and message the case expects, no stack trace, and at most one error line for an argument error. */
    private static void assertToldTheUser(Case c, CliHarness.Result r) {
        assertEquals(c.exit(), r.code(), c.name() + ": " + r.all());
        assertTrue(
                r.all().contains(c.message()),
                c.name() + ": expected «" + c.message() + "» in: " + r.all());
        assertFalse(
                r.all().contains("\tat org.") || r.all().contains("Exception in thread"),
                "no stack trace: " + r.all());
        if (c.exit() == 2) {
            long errorLines = r.err().lines().filter(l -> l.startsWith("error:")).count();
            assertTrue(errorLines <= 1, "one error line: " + r.err());
        }
    }

    /** Every file of the workspace is as it was, but the one output the case may replace or create. */
    private static void assertUserFilesKept(Case c, Map<String, String> before, Map<String, String> after) {
        for (var e : before.entrySet()) {
            if (c.created() != null && e.getKey().startsWith(c.created())) {
                continue; // the output it was asked to replace
            }
            assertEquals(
                    e.getValue(),
                    after.get(e.getKey()),
                    c.name() + ": user file " + e.getKey() + " changed or vanished");
        }
        for (String k : after.keySet()) {
            if (!before.containsKey(k)) {
                assertTrue(
                        c.created() != null && k.startsWith(c.created()),
                        c.name() + ": unexpected new entry " + k);
            }
        }
    }

    @Test void backendGpuWithoutAGpuIsAnArgumentError() throws IOException {
        assumeTrue(!GpuDevice.probe().available(), "a GPU is present");
        Path w = workspace("gpu");
        CliHarness.Result r = CliHarness.inProcess(
                "run",
                w.resolve("model.toml").toString(),
                "--backend",
                "gpu",
                "--out",
                w.resolve("g").toString());
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("--backend gpu"), r.err());
        assertFalse(Files.exists(w.resolve("g")));
    }

    @Slow
    @Test void anInterruptRemovesItsStagingAndSaysSo() throws Exception {
        Path w = workspace("interrupt");
        // a ladder run long enough to be interrupted in the middle (it would take minutes)
        Files.writeString(
                w.resolve("slow.toml"),
                CliHarness.TINY
                        .replace("n_r = 11", "n_r = 81")
                        .replace("n_z = 7", "n_z = 41")
                        .replace(
                                "[source]",
                                "[solver]\nmode = \"ladder\"\n[solver.ladder]\ndt_max_Myr = 0.01\ndt_min_Myr = 0.01\n"
                                        + "tolerance = 1e-16\nmax_steps = 100000000\n[source]"));
        Map<String, String> before = CliHarness.fingerprint(w);
        // A JVM started with SIGINT ignored (nohup, `cmd &` in a script) keeps ignoring it, as it should, and so does
        // the child it starts: then only SIGTERM can be tested here.
        List<String> signals = sigintIgnored() ? List.of("TERM") : List.of("INT", "TERM");
        for (String signal : signals) {
            Process p = CliHarness.start(w, tmp, "run", "slow.toml", "--out", "slow-out", "--backend", "cpu");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!stagingExists(w) && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(stagingExists(w), "the run started writing");
            Thread.sleep(300);
            assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor());
            CliHarness.Result r = CliHarness.finish(p);
            assertEquals(signal.equals("INT") ? 130 : 143, r.code(), r.all());
            assertTrue(r.err().contains("interrupted; nothing written to " + w.resolve("slow-out")), r.err());
            assertEquals(before, CliHarness.fingerprint(w), "no staging folder, no output, user files intact");
        }
    }

    /** Whether this process inherited an ignored SIGINT (bit 1 of SigIgn in /proc/self/status). */
    static boolean sigintIgnored() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 0x2L) != 0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return false; // no /proc: assume the usual default disposition
        }
        return false;
    }

    private static boolean stagingExists(Path w) throws IOException {
        try (Stream<Path> s = Files.list(w)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith(".slow-out.partial-"));
        }
    }

    @Test void aStaleStagingFolderOfAKilledRunIsRemovedWithOneLine() throws Exception {
        Path w = workspace("stale");
        Path stale = w.resolve(".old-run.partial-424242-abc");
        Files.createDirectories(stale);
        Files.writeString(stale.resolve("N.fits"), "half-written");
        Files.writeString(
                stale.resolve(".anisocr-staging"), "pid=2147483646\nprocess_start=\nhost=" + hostName() + "\n");
        Path foreign = w.resolve(".notes.partial-1"); // a user's folder that only looks like staging
        Files.createDirectories(foreign);
        Map<String, String> before = CliHarness.fingerprint(w);
        CliHarness.Result r = CliHarness.inProcess(
                "run",
                w.resolve("model.toml").toString(),
                "--out",
                w.resolve("fresh").toString(),
                "--backend",
                "cpu");
        assertEquals(0, r.code(), r.all());
        assertEquals(1, r.err().lines().filter(l -> l.contains("removed stale staging folder")).count(), r.err());
        assertFalse(Files.exists(stale));
        Map<String, String> after = CliHarness.fingerprint(w);
        for (var e : before.entrySet()) {
            if (!e.getKey().startsWith(".old-run.partial")) {
                assertEquals(e.getValue(), after.get(e.getKey()), e.getKey());
            }
        }
    }

    static String hostName() throws IOException {
        String h = System.getenv("HOSTNAME");
        return h != null && !h.isBlank() ? h : InetAddress.getLocalHost().getHostName();
    }
}
