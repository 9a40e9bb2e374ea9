package org.anisocr.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The file {@value #FILE_NAME} that anisocr writes into every output folder it commits. It is how a later
 * command tells an anisocr output (which {@code --overwrite} may replace) from a user's folder (which nothing
 * may touch): an existing folder without this marker is never replaced or deleted.
 *
 * @param kind         what wrote the folder: "run", "field", "figures", "sweep-family", …
 * @param configSha256 SHA-256 of the config text the output was made from ("" where there is none)
 */
public record OutputMarker(String kind, String version, String configSha256, String createdUtc) {
    public static final String FILE_NAME = ".anisocr-output";

    /** A marker for an output made now by this code version from {@code configText} (may be null). */
    public static OutputMarker now(String kind, String configText) {
        return new OutputMarker(
                kind,
                Version.get(),
                configText == null ? "" : sha256(configText),
                Instant.now().toString());
    }

    public void writeInto(Path dir) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("written_by", "anisocr");
        m.put("kind", kind);
        m.put("version", version);
        m.put("config_sha256", configSha256);
        m.put("created_utc", createdUtc);
        Files.writeString(dir.resolve(FILE_NAME),
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m) + "\n");
    }

    /** The marker of {@code dir}, or empty when the folder has none (or an unreadable one: then it is not ours). */
    public static Optional<OutputMarker> readFrom(Path dir) {
        Path f = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            JsonNode n = new ObjectMapper().readTree(Files.readString(f));
            if (n == null || !"anisocr".equals(n.path("written_by").asText())) {
                return Optional.empty();
            }
            return Optional.of(new OutputMarker(n.path("kind").asText(), n.path("version").asText(),
                    n.path("config_sha256").asText(), n.path("created_utc").asText()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
