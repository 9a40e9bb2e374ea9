package org.anisocr.io;

import nom.tam.fits.Fits;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The version every output carries names the commit it was built from (or says it is unknown). */
class VersionTest {
    @TempDir Path tmp;

    @Test void theVersionIsTheReleaseThenTheCommitOrUnknown() {
        String commit = Version.commit();
        assertTrue(commit.matches("[0-9a-f]{7,40}") || commit.equals(Version.UNKNOWN_COMMIT), commit);
        String number = Version.number();
        String expectedTail = commit.equals(Version.UNKNOWN_COMMIT) ? "+unknown"
                : "+g" + commit + (Version.dirty() ? ".dirty" : "");
        assertTrue(number.matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.]+)?\\+.+"), number);
        assertTrue(number.endsWith(expectedTail), number + " should end with " + expectedTail);
        assertEquals("anisocr " + number, Version.get());
    }

    /** Built in a git checkout: the stamped commit is this checkout's HEAD, as git names it. */
    @Test void aBuildInAGitCheckoutCarriesItsHeadCommit() throws IOException, InterruptedException {
        Path project = Path.of("").toAbsolutePath();
        assumeTrue(Files.exists(project.resolve(".git")) && Files.exists(project.resolve("pom.xml")),
                "run from the project's git checkout");
        Process git;
        try {
            git = new ProcessBuilder("git", "--git-dir=" + project.resolve(".git"), "rev-parse", "--short=7", "HEAD")
                    .redirectErrorStream(true).start();
        } catch (IOException noGit) {
            assumeTrue(false, "no git on this machine: " + noGit.getMessage());
            return;
        }
        String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assumeTrue(git.waitFor() == 0, "git rev-parse failed: " + head);
        assertEquals(head, Version.commit());
    }

    @Test void fitsCreatorCarriesTheCommit() throws Exception {
        SpatialGrid g = new SpatialGrid(Geometry.CYLINDRICAL, 2, 1, 3, 3);
        MomentumGrid m = new MomentumGrid(1, 10, 2);
        Path f = tmp.resolve("N.fits");
        FitsCubeWriter.writeCube(f, g, m, new double[][] {new double[9], new double[9]}, "arbitrary", "");
        try (Fits fits = new Fits(f.toFile())) {
            String creator = fits.getHDU(0).getHeader().getStringValue("CREATOR");
            assertEquals(Version.get(), creator);
            assertTrue(creator.contains(Version.commit()), creator);
        }
    }

    /** N_maps.fits, field.fits and gamma_emissivity.fits are written by MapFits: they carry the same CREATOR. */
    @Test void mapFitsCreatorCarriesTheCommit() throws Exception {
        SpatialGrid g = new SpatialGrid(Geometry.CYLINDRICAL, 2, 1, 3, 3);
        Path f = tmp.resolve("maps.fits");
        MapFits.write(f, g, List.of(new MapFits.Plane("N", "", new double[9])), Map.of());
        try (Fits fits = new Fits(f.toFile())) {
            assertEquals(Version.get(), fits.getHDU(0).getHeader().getStringValue("CREATOR"));
        }
    }
}
