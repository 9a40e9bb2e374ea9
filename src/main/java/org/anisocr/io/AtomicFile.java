package org.anisocr.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * A single result file (bench or validation JSON, a merged index) written all at once: into a hidden sibling,
 * then renamed over the target. The target is checked by {@link OutputLocation#checkFile} first; an existing file
 * is replaced only when the caller allows it ({@code overwrite}) and it is anisocr's.
 */
public final class AtomicFile {
    /** The key every JSON result anisocr writes carries, so that {@code --overwrite} can tell it from a user's file. */
    public static final String JSON_SIGNATURE_KEY = "written_by";

    private AtomicFile() {}

    /** Writes the bytes; see the class comment. */
    public static void write(Path target, boolean overwrite, String option, byte[] bytes) throws IOException {
        write(target, overwrite, option, AtomicFile::isAnisocrJsonOrCsv, bytes);
    }

    /**
     * Writes the bytes; an existing target is replaced only with {@code overwrite} and only when {@code ours} says
     * anisocr wrote it (e.g. {@link #isAnisocrFits} for a FITS file).
     */
    public static void write(Path target, boolean overwrite, String option, Predicate<Path> ours, byte[] bytes)
            throws IOException {
        Path abs = OutputLocation.checkFile(target, overwrite, option, ours);
        Files.createDirectories(abs.getParent());
        Path tmp = abs.resolveSibling("." + abs.getFileName() + StagingMarker.PARTIAL
                + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL));
        try {
            Files.write(tmp, bytes); // a new file: the umask's permissions, like any other output
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            if (DiskFull.explains(e, abs.getParent(), DiskFull::usableSpace)) {
                throw new NoSpaceLeftException(DiskFull.message(abs.getFileName().toString(), abs), e);
            }
            throw e;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A name beside {@code preferred} that does not exist yet ({@code x.json}, {@code x-2.json}, …): default result
     * names never replace anything.
     */
    public static Path freshName(Path preferred) {
        if (!Files.exists(preferred, LinkOption.NOFOLLOW_LINKS)) {
            return preferred;
        }
        String name = preferred.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int i = 2; ; i++) {
            Path p = preferred.resolveSibling(stem + "-" + i + ext);
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                return p;
            }
        }
    }

    /**
     * True for a FITS file whose primary header has CREATOR = 'anisocr …' (every FITS anisocr writes has it). The
     * header cards are read here, 80 bytes each up to END, rather than by nom-tam-fits, which logs a stack trace for a
     * file that is not FITS (a user's file named .fits must just be "not ours").
     */
    public static boolean isAnisocrFits(Path file) {
        final int card = 80;
        final int maxCards = 36 * 64; // 64 header blocks: far more than any primary header anisocr writes
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = 0; n < maxCards; n++) {
                byte[] b = in.readNBytes(card);
                if (b.length < card) {
                    return false;
                }
                String c = new String(b, StandardCharsets.US_ASCII);
                if (n == 0 && !c.startsWith("SIMPLE  =")) {
                    return false;
                }
                if (c.startsWith("END     ")) {
                    return false;
                }
                if (c.startsWith("CREATOR = '")) {
                    return c.substring(11).startsWith("anisocr ");
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** True for a JSON object with {@value #JSON_SIGNATURE_KEY} = "anisocr", or a CSV whose header anisocr writes. */
    public static boolean isAnisocrJsonOrCsv(Path file) {
        try {
            if (Files.size(file) > (16 << 20)) {
                return false; // no result of ours is that large
            }
            String head = Files.readString(file);
            if (head.startsWith("{")) {
                JsonNode n = new ObjectMapper().readTree(head);
                return n != null && n.path(JSON_SIGNATURE_KEY).asText().startsWith("anisocr");
            }
            return head.startsWith("index,") || head.startsWith("model,"); // sweep indexes, figure summaries
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
