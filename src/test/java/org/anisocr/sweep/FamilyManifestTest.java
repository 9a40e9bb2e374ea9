package org.anisocr.sweep;

import org.anisocr.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.anisocr.sweep.SweepRoundTripTest.BASE;
import static org.anisocr.sweep.SweepRoundTripTest.cli;
import static org.junit.jupiter.api.Assertions.*;

/** family.json: one family per folder, merge names what is missing, shards share a folder, files are readable. */
class FamilyManifestTest {
    static final String[] VARY = {"--vary", "eps_D=0.1,0.01", "--vary", "delta_perp=0.5:0.7:3"};

    static String[] sweep(Path base, Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("sweep", base.toString(), "--out", out.toString(), "--threads", "1"));
        a.addAll(List.of(VARY));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    static Path base(Path tmp) throws Exception {
        Path base = tmp.resolve("tiny.toml");
        Files.writeString(base, BASE);
        return base;
    }

    static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anotherFamilyInTheSameFolderIsRefusedBeforeWork(@TempDir Path tmp) throws Exception {
        Path base = base(tmp);
        Path out = tmp.resolve("fam");
        var first = cli(sweep(base, out, "--shard", "1/3"));
        assertEquals(0, first.code(), first.err());
        FamilyManifest m = FamilyManifest.read(out).orElseThrow();
        assertEquals(6, m.count());
        assertEquals("m0005-eps_D0.01-delta_perp0.7", m.members().get(5));
        List<String> before = listing(out);

        // other axes
        var otherAxes = cli("sweep", base.toString(), "--out", out.toString(), "--vary", "eps_D=0.1,0.03");
        assertEquals(2, otherAxes.code(), otherAxes.out() + otherAxes.err());
        assertTrue(otherAxes.err().contains(out.toString()) && otherAxes.err().contains("another family")
                && otherAxes.err().contains(m.fingerprint()) && otherAxes.err().contains("axes"), otherAxes.err());

        // same axes, other base config content (a comment alone would not count)
        Path other = tmp.resolve("other.toml");
        Files.writeString(other, BASE.replace("eps_B = 0.5", "eps_B = 0.2"));
        var otherBase = cli(sweep(other, out));
        assertEquals(2, otherBase.code());
        assertTrue(otherBase.err().contains("base config"), otherBase.err());
        assertEquals(before, listing(out), "nothing written by a refused sweep");

        Path commented = tmp.resolve("tiny2.toml");
        Files.writeString(
                commented, "# the same model, written differently\n" + BASE.replace("eps_B = 0.5", "eps_B   = 0.50"));
        var dry = cli(sweep(commented, out, "--shard", "2/3", "--dry-run"));
        assertEquals(0, dry.code(), dry.err());

        // A folder of this family's models written before family.json existed is adopted.
        Files.delete(out.resolve(FamilyManifest.FILE));
        var adopted = cli(sweep(base, out, "--shard", "1/3"));
        assertEquals(0, adopted.code(), adopted.err());
        assertTrue(adopted.out().contains("skipped 2 complete"), adopted.out());
        assertEquals(m, FamilyManifest.read(out).orElseThrow());
    }

    @Test
    void aFolderOfUserFilesIsRefusedAndLeftAlone(@TempDir Path tmp) throws Exception {
        Path base = base(tmp);
        Path out = tmp.resolve("mine");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        var r = cli(sweep(base, out));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("notes.txt") && r.err().contains(out.toString()), r.err());
        assertEquals(List.of("notes.txt"), listing(out));
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
    }

    @Test
    void mergeOfEmptyAndIncompleteFamiliesExitsOneNamingTheMissing(@TempDir Path tmp) throws Exception {
        Path base = base(tmp);
        // A family whose every task failed: the manifest is there, no model is.
        Path empty = tmp.resolve("empty");
        FamilyManifest.of(new ModelFamily(base, List.of(ParameterAxis.parse("eps_D=0.1,0.01")))).claim(empty, true);
        Path csv = tmp.resolve("empty.csv");
        var none = cli("merge", empty.toString(), "--out", csv.toString());
        assertEquals(1, none.code());
        assertTrue(none.err().contains("no finished model") && none.err().contains("all 2 models"), none.err());
        assertFalse(Files.exists(csv));

        Path bare = tmp.resolve("bare");
        Files.createDirectories(bare);
        var nothing = cli("merge", bare.toString());
        assertEquals(1, nothing.code());
        assertTrue(nothing.err().contains("nothing to merge"), nothing.err());

        // Only shard 1 of 3 ran: members 0 and 3. The last two members are missing too, and named.
        Path part = tmp.resolve("part");
        assertEquals(0, cli(sweep(base, part, "--shard", "1/3")).code());
        var partial = cli("merge", part.toString(), "--out", tmp.resolve("p.csv").toString());
        assertEquals(1, partial.code());
        assertTrue(partial.out().contains("merged 2 of 6"), partial.out());
        assertTrue(partial.err().contains("4 of 6 models missing, indices [1, 2, 4, 5]")
                && partial.err().contains("m0005-eps_D0.01-delta_perp0.7"), partial.err());

        // A user's file is not replaced by a merged index.
        Path precious = tmp.resolve("precious.csv");
        Files.writeString(precious, "my data\n");
        var refused = cli("merge", part.toString(), "--out", precious.toString());
        assertEquals(2, refused.code());
        assertEquals("my data\n", Files.readString(precious));
    }

    /**
     * Three shards as separate JVMs (as in a job array) share one folder: no index row is lost, no staging is left,
     * and index, manifest and merged index are as readable as the umask allows (not owner-only).
     */
    @Slow
    @Test
    void shardsInSeparateProcessesLoseNoRowAndFilesAreReadableAsTheUmaskAllows(@TempDir Path tmp) throws Exception {
        Path base = base(tmp);
        Path out = tmp.resolve("procs");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> ps = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            List<String> cmd = new ArrayList<>(List.of(
                    javaBin,
                    "-Xmx256m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    "org.anisocr.cli.Main",
                    "sweep",
                    base.toString(),
                    "--out",
                    out.toString(),
                    "--threads",
                    "1",
                    "--backend",
                    "cpu",
                    VARY[0],
                    VARY[1],
                    VARY[2],
                    VARY[3],
                    "--shard",
                    i + "/3"));
            ps.add(new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("log" + i).toFile())
                    .start());
        }
        for (int i = 0; i < ps.size(); i++) {
            assertTrue(ps.get(i).waitFor(5, TimeUnit.MINUTES), "shard " + (i + 1) + " finished");
            assertEquals(0, ps.get(i).exitValue(), Files.readString(tmp.resolve("log" + (i + 1))));
        }
        assertEquals(7, Files.readAllLines(out.resolve("index.csv")).size(), "header + 6 rows, none lost");
        assertEquals(6, FamilyManifest.read(out).orElseThrow().count());
        assertTrue(listing(out).stream().noneMatch(n -> n.contains(".partial")), listing(out).toString());
        Path merged = tmp.resolve("merged.csv");
        assertEquals(0, cli("merge", out.toString(), "--out", merged.toString()).code());

        // A file created the ordinary way gets 0666 less the umask; the index, manifest and merged index must match it.
        Path reference = Files.createFile(tmp.resolve("reference"));
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(reference);
        for (Path p : List.of(out.resolve("index.csv"), out.resolve(FamilyManifest.FILE), merged)) {
            assertEquals(expected, Files.getPosixFilePermissions(p), p.toString());
        }
    }
}
