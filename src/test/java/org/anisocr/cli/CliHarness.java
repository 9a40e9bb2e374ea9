package org.anisocr.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs the CLI in this JVM or as a separate process, and fingerprints folders of user files. */
final class CliHarness {
    private CliHarness() {}

    record Result(int code, String out, String err) {
        String all() { return out + err; }
    }

    /** In this JVM (paths should be absolute: the working directory is the project's). */
    static Result inProcess(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** A separate JVM started in {@code cwd} with {@code user.home} = {@code home}, as a user would run it. */
    static Process start(Path cwd, Path home, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Duser.home=" + home,
                "-Djava.awt.headless=true",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(cwd.toFile()).redirectOutput(ProcessBuilder.Redirect.PIPE)
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
    }

    static Result subprocess(Path cwd, Path home, String... args) throws IOException, InterruptedException {
        Process p = start(cwd, home, args);
        return finish(p);
    }

    static Result finish(Process p) throws IOException, InterruptedException {
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the command did not end within 300 s");
        }
        return new Result(
                p.exitValue(),
                new String(p.getInputStream().readAllBytes()),
                new String(p.getErrorStream().readAllBytes()));
    }

    /** Relative path → SHA-256 of every file (and "dir" for every folder) below {@code root}. */
    static Map<String, String> fingerprint(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                String rel = root.relativize(p).toString();
                if (Files.isDirectory(p)) {
                    m.put(rel + "/", "dir");
                } else {
                    m.put(rel, sha256(Files.readAllBytes(p)));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause(); // Files.walk reports a folder it cannot read this way
        }
        return m;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A tiny, fast steady model (11×7 grid, 3 momenta). */
    static final String TINY = """
        [grid]
        r_max_kpc = 4.0
        half_height_kpc = 2.0
        n_r = 11
        n_z = 7
        [momentum]
        p_min_GeV = 1.0
        p_max_GeV = 100.0
        count = 3
        [diffusion]
        eps_D = 0.05
        [field]
        model = "uniform"
        b_r_uG = 10.0
        b_z_uG = 10.0
        [source]
        model = "pulsar"
        r_sun_kpc = 2.0
        [analysis]
        r_sun_kpc = 2.0
        p_fit_min_GeV = 1.0
        p_fit_max_GeV = 100.0
        flux_p_min_GeV = 1.0
        map_p_GeV = [10.0]
        [output]
        csv_momenta_GeV = [10.0]
        r_sun_kpc = 2.0
        """;
}
