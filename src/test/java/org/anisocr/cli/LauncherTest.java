package org.anisocr.cli;

import org.anisocr.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The {@code ./anisocr} launcher on a fresh copy of the project (no target/), as a Slurm job array starts it:
 * several launchers at once must all succeed with one Maven build; a jar damaged the way a build race damaged it
 * (a truncated class file inside a jar newer than the sources) must be detected and rebuilt, with one line saying
 * so. Builds use the Maven wrapper and the local repository of the build running this test (about 30 s each).
 * Skipped where a POSIX shell, flock or the wrapper's Maven are not available.
 */
@Slow
class LauncherTest {
    static final Path PROJECT = Path.of("").toAbsolutePath();
    static final int LAUNCHERS = 3;

    record Result(int code, String out, String err) {}

    @Test
    void concurrentLaunchersOnAFreshCloneBuildOnceAndADamagedJarIsRebuilt(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isRegularFile(PROJECT.resolve("anisocr")) && Files.isRegularFile(PROJECT.resolve("mvnw")),
                "run from the project root");
        assumeTrue(
                onPath("sh") && onPath("flock") && onPath("cksum") && onPath("java"), "needs sh, flock, cksum, java");
        assumeTrue(Files.isDirectory(Path.of(System.getProperty("user.home"), ".m2", "wrapper")),
                "needs the Maven wrapper's distribution in ~/.m2/wrapper (present once ./mvnw has run)");

        Path clone = tmp.resolve("clone");
        for (String p : List.of("anisocr", "mvnw", "pom.xml", ".mvn", "src/main")) {
            copyTree(PROJECT.resolve(p), clone.resolve(p));
        }
        assertFalse(Files.exists(clone.resolve("target")));

        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < LAUNCHERS; i++) {
            ps.add(start(clone, tmp.resolve("out" + i), tmp.resolve("err" + i), "--version"));
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < LAUNCHERS; i++) {
            results.add(finish(ps.get(i), tmp.resolve("out" + i), tmp.resolve("err" + i)));
        }
        int builds = 0;
        for (Result r : results) {
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().startsWith("anisocr "), r.out());
            if (r.err().contains("first use: building target/anisocr.jar")) {
                builds++;
            } else {
                assertTrue(r.err().isEmpty() || r.err().contains("waiting for another anisocr launcher"), r.err());
            }
        }
        assertEquals(1, builds, "exactly one launcher builds: " + results);
        Path jar = clone.resolve("target/anisocr.jar");
        assertTrue(Files.isRegularFile(clone.resolve("target/anisocr.jar.cksum")));
        assertEquals(List.of(), partials(clone.resolve("target")), "no temporary jar left");

        // The failure seen on a cluster: FlexibleGmres.class truncated inside a jar newer than the sources.
        truncateEntry(jar, "org/anisocr/solver/steady/FlexibleGmres.class");
        Result damaged = run(clone, tmp, "--version");
        assertEquals(0, damaged.code(), damaged.err());
        assertTrue(
                damaged.err().contains("target/anisocr.jar is damaged")
                        && damaged.err().contains("Truncated class file"),
                damaged.err());
        assertEquals(1, damaged.err().lines().filter(l -> l.contains("building")).count(), damaged.err());

        Result after = run(clone, tmp, "--version");
        assertEquals(0, after.code());
        assertEquals("", after.err(), "a verified jar starts at once, silently");
    }

    static boolean onPath(String cmd) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, cmd))) {
                return true;
            }
        }
        return false;
    }

    static Process start(Path dir, Path out, Path err, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("./anisocr"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        // The outer Maven's wrapper variables would point the inner build at this project.
        pb.environment()
                .keySet()
                .removeIf(k -> k.startsWith("MAVEN_PROJECTBASEDIR") || k.equals("MAVEN_CMD_LINE_ARGS"));
        pb.environment().remove("ANISOCR_JAVA_OPTS");
        return pb.start();
    }

    static Result finish(Process p, Path out, Path err) throws Exception {
        if (!p.waitFor(8, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("launcher did not finish in 8 minutes: " + Files.readString(err));
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    static Result run(Path dir, Path tmp, String... args) throws Exception {
        Path out = Files.createTempFile(tmp, "out", "");
        Path err = Files.createTempFile(tmp, "err", "");
        return finish(start(dir, out, err, args), out, err);
    }

    static List<String> partials(Path target) throws IOException {
        try (Stream<Path> s = Files.list(target)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".partial")).toList();
        }
    }

    /** Rewrites the jar with one entry cut to half its bytes (a valid zip, with a valid CRC of the cut bytes). */
    static void truncateEntry(Path jar, String entry) throws IOException {
        Path tmp = jar.resolveSibling("damaged.jar");
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] b = in.readAllBytes();
                if (e.getName().equals(entry)) {
                    b = Arrays.copyOf(b, b.length / 2);
                    found = true;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(b);
                out.closeEntry();
            }
        }
        assertTrue(found, entry + " in " + jar);
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.createDirectories(q.getParent());
                    Files.copy(p, q, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
