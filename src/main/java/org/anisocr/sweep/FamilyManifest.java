package org.anisocr.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.anisocr.config.ConfigException;
import org.anisocr.io.AtomicFile;
import org.anisocr.io.OutputLocation;
import org.anisocr.io.OutputMarker;
import org.anisocr.io.Version;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a family folder is meant to hold, written as {@code family.json} when a sweep starts: the base config's
 * content hash, the axes, the member count and folder names. The fingerprint (hash of base config and axes) tells
 * whether a second sweep into the same folder continues this family or would mix in another; the member list
 * lets {@code merge} name the members that never finished, including the last ones of the family.
 */
public record FamilyManifest(String fingerprint, String base, String baseConfigSha256, List<Axis> axes, int count,
                             List<String> members) {

    public static final String FILE = "family.json";

    public FamilyManifest {
        axes = List.copyOf(axes);
        members = List.copyOf(members);
    }

    /** One --vary axis as the index prints its values. */
    public record Axis(String key, List<String> values) {
        public Axis {
            values = List.copyOf(values);
        }
    }

    public static FamilyManifest of(ModelFamily family) {
        List<Axis> axes = new ArrayList<>();
        for (ParameterAxis a : family.axes()) {
            axes.add(new Axis(a.key(), a.values().stream().map(ParameterAxis::text).toList()));
        }
        List<String> members = family.members().stream().map(ModelFamily.Member::folder).toList();
        return new FamilyManifest(fingerprint(family.baseConfigSha256(), axes), family.baseName(),
                family.baseConfigSha256(), List.copyOf(axes), members.size(), members);
    }

    static String fingerprint(String baseSha, List<Axis> axes) {
        StringBuilder s = new StringBuilder("base ").append(baseSha);
        for (Axis a : axes) {
            s.append("\naxis ").append(a.key()).append('=').append(String.join(",", a.values()));
        }
        return sha256(s.toString()).substring(0, 16);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JVM has SHA-256
        }
    }

    /** "base config … ≠ …; axes … ≠ …": what makes other a different family. */
    public String differences(FamilyManifest other) {
        List<String> d = new ArrayList<>();
        if (!baseConfigSha256.equals(other.baseConfigSha256)) {
            d.add((base.equals(other.base)
                            ? "base config " + base + ": other content"
                            : "base config " + base + " vs " + other.base)
                    + " (sha256 " + baseConfigSha256.substring(0, 12) + "… vs "
                    + other.baseConfigSha256.substring(0, 12) + "…)");
        }
        if (!axes.equals(other.axes)) {
            d.add("axes " + axesText() + " vs " + other.axesText());
        }
        return d.isEmpty() ? "same base config and axes" : String.join("; ", d);
    }

    public String axesText() {
        List<String> out = new ArrayList<>();
        for (Axis a : axes) {
            out.add(a.key() + "=" + String.join(",", a.values()));
        }
        return String.join(" ", out);
    }

    /** The manifest in dir, if it has one. A damaged one is bad input (exit 2): it cannot be guessed around. */
    public static Optional<FamilyManifest> read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode j = new ObjectMapper().readTree(file.toFile());
            List<Axis> axes = new ArrayList<>();
            for (JsonNode a : j.get("axes")) {
                List<String> values = new ArrayList<>();
                for (JsonNode v : a.get("values")) {
                    values.add(v.asText());
                }
                axes.add(new Axis(a.get("key").asText(), List.copyOf(values)));
            }
            List<String> members = new ArrayList<>();
            for (JsonNode m : j.get("members")) {
                members.add(m.asText());
            }
            FamilyManifest m = new FamilyManifest(
                    j.get("fingerprint").asText(),
                    j.get("base").asText(),
                    j.get("base_config_sha256").asText(),
                    List.copyOf(axes),
                    j.get("count").asInt(),
                    List.copyOf(members));
            if (m.count != members.size() || !m.fingerprint.equals(fingerprint(m.baseConfigSha256, m.axes))) {
                throw new ConfigException(file + " is inconsistent (count or fingerprint does not match its content)");
            }
            return Optional.of(m);
        } catch (IOException | NullPointerException e) {
            throw new ConfigException(file + " is not a readable family manifest: " + e.getMessage());
        }
    }

    /** Writes dir/family.json atomically (temporary file, then rename), readable as the umask allows. */
    void write(Path dir) {
        ObjectMapper om = new ObjectMapper();
        ObjectNode j = om.createObjectNode();
        j.put(AtomicFile.JSON_SIGNATURE_KEY, Version.get());
        j.put("fingerprint", fingerprint);
        j.put("base", base);
        j.put("base_config_sha256", baseConfigSha256);
        ArrayNode ax = j.putArray("axes");
        for (Axis a : axes) {
            ObjectNode o = ax.addObject();
            o.put("key", a.key());
            ArrayNode vs = o.putArray("values");
            a.values().forEach(vs::add);
        }
        j.put("count", count);
        ArrayNode ms = j.putArray("members");
        members.forEach(ms::add);
        try {
            AtomicFile.write(
                    dir.resolve(FILE),
                    true,
                    "--out",
                    (om.writerWithDefaultPrettyPrinter().writeValueAsString(j) + "\n")
                            .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes out this family's folder, or refuses (exit 2) before any work: when it is no place to write or holds
     * the user's files ({@link OutputLocation#checkFamilyFolder}), when its family.json names another family, or
     * when it has no family.json but holds something other than this family's model folders and index. A family
     * folder written before family.json existed is adopted. With write = true the folder is created and, under the
     * family lock (the shards of an array start at once), given its output marker and family.json; with write =
     * false (a dry run, or the check before a sweep prints its plan) nothing is written.
     */
    public void claim(Path out, boolean write) {
        Path dir = out.toAbsolutePath().normalize();
        boolean settingUp = false;
        try {
            OutputLocation.checkFamilyFolder(out, "--out");
        } catch (ConfigException e) {
            // The lock file exists only once a shard passed this check: it may be setting the folder up right now
            // (marker and family.json not both there yet). Checked again under the lock.
            if (!Files.exists(dir.resolve(FamilyLock.FILE))) {
                throw e;
            }
            settingUp = true;
        }
        if (!write) {
            if (settingUp) {
                FamilyLock.with(dir, () -> {
                    OutputLocation.checkFamilyFolder(dir, "--out");
                    check(dir);
                });
            } else if (Files.isDirectory(dir)) {
                check(dir);
            }
            return;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ConfigException("cannot create the family folder " + dir + ": " + e.getMessage());
        }
        FamilyLock.with(dir, () -> {
            OutputLocation.Checked c = OutputLocation.checkFamilyFolder(dir, "--out");
            check(dir);
            try {
                if (c.marker().isEmpty()) {
                    OutputMarker.now(OutputLocation.FAMILY_KIND, null).writeInto(dir);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the output marker in " + dir, e);
            }
            if (read(dir).isEmpty()) {
                write(dir);
            }
        });
    }

    /**
     * Refuses (exit 2) another family's folder, or a folder without family.json holding more than this family's models.
     */
    private void check(Path dir) {
        for (int attempt = 0; ; attempt++) {
            Optional<FamilyManifest> there = read(dir);
            if (there.isPresent()) {
                requireSameFamily(there.get(), dir);
                return;
            }
            List<String> foreign = foreignEntries(dir);
            if (foreign.contains(FILE) && attempt == 0) {
                // Another shard, under the family lock, wrote family.json between the read and the listing (a check
                // without the lock: the dry run, the plan): read it again rather than call it foreign.
                continue;
            }
            if (!foreign.isEmpty()) {
                throw new ConfigException(dir.toAbsolutePath().normalize() + " is not empty and is not this family's"
                        + " folder (no " + FILE + "; it holds "
                        + String.join(", ", foreign.subList(0, Math.min(5, foreign.size())))
                        + (foreign.size() > 5 ? ", …" : "") + "); choose another --out");
            }
            return;
        }
    }

    private void requireSameFamily(FamilyManifest there, Path dir) {
        if (!there.fingerprint.equals(fingerprint)) {
            throw new ConfigException(dir.toAbsolutePath().normalize() + " holds another family (" + FILE
                    + ": fingerprint " + there.fingerprint + ", this sweep " + fingerprint + "; "
                    + there.differences(this) + "); choose another --out");
        }
    }

    /** What dir holds besides hidden entries, index.csv and this family's model folders. */
    private List<String> foreignEntries(Path dir) {
        List<String> foreign = new ArrayList<>();
        Set<String> memberSet = new HashSet<>(members);
        try (var s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith(".") || n.equals("index.csv") || memberSet.contains(n)) {
                    continue;
                }
                foreign.add(n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return foreign;
    }

    /** Folder names of the members whose index is not in done. */
    public List<String> missing(Set<Integer> done) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (!done.contains(i)) {
                out.add(members.get(i));
            }
        }
        return out;
    }
}
