package org.anisocr.solver.gpu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The compiled kernels ship as a committed resource (built by kernels/build.sh) so that building the
 * project needs no CUDA toolkit. The resource records the SHA-256 of the sources it was built from;
 * a test compares it with the sources in the tree so a stale fatbin cannot slip through.
 */
public final class KernelSources {
    public static final String FATBIN_RESOURCE = "/kernels/anisocr.fatbin";
    public static final String HASH_RESOURCE = "/kernels/anisocr.fatbin.sha256";

    private KernelSources() {}

    /** The fatbin bytes from the classpath. */
    public static byte[] fatbin() {
        return resource(FATBIN_RESOURCE);
    }

    /** The source hash recorded when the fatbin was built (hex, lower case). */
    public static String recordedHash() {
        return new String(resource(HASH_RESOURCE), StandardCharsets.US_ASCII).trim();
    }

    /** SHA-256 of kernels/*.cu concatenated in file-name order (the rule kernels/build.sh uses). */
    public static String sourceHash(Path kernelsDir) throws IOException {
        List<Path> sources;
        try (Stream<Path> s = Files.list(kernelsDir)) {
            sources = s.filter(p -> p.getFileName().toString().endsWith(".cu"))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path p : sources) {
                md.update(Files.readAllBytes(p));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = KernelSources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " (run kernels/build.sh)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
