package org.anisocr.sweep;

import org.anisocr.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A 6-model family run whole, in two shards + merge, and resumed: the same index comes out every way. */
class SweepRoundTripTest {
    static final String BASE = """
        name = "tiny"
        [grid]
        r_max_kpc = 8.0
        half_height_kpc = 2.0
        dr_kpc = 0.5
        dz_kpc = 0.5
        [momentum]
        p_min_GeV = 1.0
        p_max_GeV = 10000.0
        count = 5
        [diffusion]
        delta_par = 0.1
        delta_perp = 0.6
        eps_D = 0.1
        [field]
        model = "toy"
        eps_B = 0.5
        [source]
        model = "pulsar"
        [solver]
        mode = "direct"
        [analysis]
        map_p_GeV = [100.0]
        """;

    record Cli(int code, String out, String err) {}

    static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    /** index.csv rows without the machine-dependent columns (wall time, directory). */
    static List<String> stable(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        List<String> head = List.of(lines.get(0).split(","));
        int wall = head.indexOf("wall_seconds");
        int dir = head.indexOf("dir");
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            List<String> cells = new ArrayList<>(List.of(l.split(",")));
            cells.remove(dir);
            cells.remove(wall);
            out.add(String.join(",", cells));
        }
        return out;
    }

    @Test
    void wholeShardedMergedAndResumedAgree(@TempDir Path tmp) throws Exception {
        Path base = tmp.resolve("tiny.toml");
        Files.writeString(base, BASE);
        String[] vary = {"--vary", "eps_D=0.1,0.01", "--vary", "delta_perp=0.5:0.7:3"};

        Path whole = tmp.resolve("whole");
        Cli w = cli(concat(new String[] {"sweep", base.toString(), "--out", whole.toString(), "--threads", "1"}, vary));
        assertEquals(0, w.code(), w.out() + w.err());
        List<String> expected = stable(whole.resolve("index.csv"));
        assertEquals(7, expected.size(), "header + 6 models");
        assertTrue(
                expected.get(0).startsWith("index,model,eps_D,delta_perp,alpha_inner,alpha_sun,alpha_sun_minus_inner"));
        assertTrue(expected.get(2).contains(",0.1,0.6,"), expected.get(2)); // first axis slowest: m0001 = (0.1, 0.6)
        assertTrue(Files.isRegularFile(whole.resolve("m0005-eps_D0.01-delta_perp0.7/alpha.csv")));

        Path s1 = tmp.resolve("part1");
        Path s2 = tmp.resolve("part2");
        assertEquals(
                0,
                cli(concat(new String[] {"sweep", base.toString(), "--out", s1.toString(), "--shard", "1/2"}, vary))
                        .code());
        assertEquals(
                0,
                cli(concat(new String[] {"sweep", base.toString(), "--out", s2.toString(), "--shard", "2/2"}, vary))
                        .code());
        assertEquals(4, stable(s1.resolve("index.csv")).size()); // models 0, 2, 4
        Path merged = tmp.resolve("merged.csv");
        Cli m = cli("merge", s1.toString(), s2.toString(), "--out", merged.toString());
        assertEquals(0, m.code(), m.err());
        assertEquals(expected, stable(merged));

        // Merging only one part reports the missing models and fails.
        Cli partial = cli("merge", s1.toString(), "--out", tmp.resolve("p.csv").toString());
        assertEquals(1, partial.code());
        assertTrue(partial.err().contains("[1, 3, 5]"), partial.err());

        // Resume: an interrupted run left a staging directory and one model never finished.
        Path interruptedStaging = s1.resolve(".m0002-eps_D0.1-delta_perp0.7.partial-12345");
        Files.createDirectories(interruptedStaging);
        Files.writeString(interruptedStaging.resolve("N.fits"), "half-written");
        // its owner was killed (SIGKILL): the staging marker names a process that no longer exists on this host
        String host =
                System.getenv("HOSTNAME") != null && !System.getenv("HOSTNAME").isBlank()
                        ? System.getenv("HOSTNAME")
                        : InetAddress.getLocalHost().getHostName();
        Files.writeString(
                interruptedStaging.resolve(".anisocr-staging"), "pid=2147483646\nprocess_start=\nhost=" + host + "\n");
        deleteTree(s1.resolve("m0002-eps_D0.1-delta_perp0.7"));
        Cli again =
                cli(concat(new String[] {"sweep", base.toString(), "--out", s1.toString(), "--shard", "1/2"}, vary));
        assertEquals(0, again.code());
        assertTrue(again.out().contains("ran 1, skipped 2 complete"), again.out());
        assertFalse(Files.exists(interruptedStaging), "half-written staging directory removed");
        assertEquals(expected, stable(mergeTo(tmp, s1, s2)));
    }

    @Test
    void badAxesAreRefusedBeforeAnythingRuns(@TempDir Path tmp) throws Exception {
        Path base = tmp.resolve("tiny.toml");
        Files.writeString(base, BASE);
        Path out = tmp.resolve("o");
        Cli unknown = cli("sweep", base.toString(), "--out", out.toString(), "--vary", "eps_X=1,2");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("eps_X"), unknown.err());
        Cli outOfRange = cli("sweep", base.toString(), "--out", out.toString(), "--vary", "eps_D=0.1,-1");
        assertEquals(2, outOfRange.code());
        assertTrue(outOfRange.err().contains("eps_D"), outOfRange.err());
        Cli badShard = cli("sweep", base.toString(), "--out", out.toString(), "--vary", "eps_D=0.1", "--shard", "3/2");
        assertEquals(2, badShard.code());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void rangesAndLists() {
        assertEquals(List.of(0.5, 0.55, 0.6, 0.65, 0.7),
                ParameterAxis.parse("delta_perp=0.5:0.7:5").values().stream().map(v -> v.doubleValue()).toList());
        ParameterAxis a = ParameterAxis.parse("grid.n_r=41,81");
        assertTrue(a.values().get(0).isInt());
        assertEquals("realistic", ParameterAxis.parse("field.model=realistic").values().get(0).textValue());
    }

    private static Path mergeTo(Path tmp, Path... dirs) {
        Path f = tmp.resolve("merged2.csv");
        List<String> args = new ArrayList<>(List.of("merge"));
        for (Path d : dirs) {
            args.add(d.toString());
        }
        args.add("--out");
        args.add(f.toString());
        assertEquals(0, cli(args.toArray(new String[0])).code());
        return f;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void deleteTree(Path p) throws Exception {
        try (var s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
