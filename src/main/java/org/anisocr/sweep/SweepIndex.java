package org.anisocr.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.anisocr.config.ConfigException;
import org.anisocr.io.AtomicFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import java.util.stream.Stream;

/**
 * The index table of a model family, built from the summary.json of every complete model folder (a folder exists
 * only once complete: outputs are renamed into place). Because it is rebuilt from the folders, the index of a
 * sweep, of one shard, and of `merge DIR…` are the same function over different sets of folders.
 */
public final class SweepIndex {
    private SweepIndex() {}

    /**
     * One model row: its sweep index, the family's size and fingerprint (null for models written before family
     * manifests), folder, parameters (in axis order) and headline results.
     */
    public record Row(int index, int familySize, String family, String model, Path folder,
                      Map<String, String> parameters, Map<String, String> results) {
        /** Copies that keep the column order (axis order, RESULT_COLUMNS order). */
        public Row {
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
            results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
        }
    }

    static final List<String> RESULT_COLUMNS = List.of("alpha_inner", "alpha_sun", "alpha_sun_minus_inner",
            "N_above_pmin_at_sun", "residual", "converged", "wall_seconds");

    /** Complete sweep models directly under dir (folders with a summary.json that has a "sweep" block). */
    public static List<Row> scan(Path dir) {
        List<Row> rows = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            throw new ConfigException("not a directory: " + dir);
        }
        ObjectMapper om = new ObjectMapper();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path folder : s.sorted().toList()) {
                if (folder.getFileName().toString().startsWith(".")) {
                    continue; // staging / old copies
                }
                Path summary = folder.resolve("summary.json");
                if (!Files.isRegularFile(summary)) {
                    continue;
                }
                JsonNode j = om.readTree(summary.toFile());
                JsonNode sw = j.get("sweep");
                if (sw == null) {
                    continue;
                }
                LinkedHashMap<String, String> params = new LinkedHashMap<>();
                sw.get("parameters").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
                LinkedHashMap<String, String> res = new LinkedHashMap<>();
                JsonNode a = j.path("analysis");
                for (String k : List.of("alpha_inner", "alpha_sun", "alpha_sun_minus_inner", "N_above_pmin_at_sun")) {
                    res.put(k, a.hasNonNull(k) ? a.get(k).asText() : "nan");
                }
                res.put("residual", j.hasNonNull("residual") ? j.get("residual").asText() : "nan");
                res.put("converged", j.path("converged").asText());
                res.put("wall_seconds", j.path("wall_seconds").asText());
                rows.add(new Row(sw.get("index").asInt(), sw.get("count").asInt(),
                        sw.hasNonNull("family") ? sw.get("family").asText() : null, j.path("model").asText(),
                        folder.toAbsolutePath().normalize(), params, res));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /**
     * Rows of several directories joined and sorted by index. The same index twice is allowed only for identical
     * parameters (a model re-run in two places); it is kept once. Different parameters under one index mean the
     * directories hold different families: an error.
     */
    public static List<Row> join(List<Path> dirs) {
        TreeMap<Integer, Row> byIndex = new TreeMap<>();
        Set<Integer> sizes = new TreeSet<>();
        Set<String> families = new TreeSet<>();
        for (Path d : dirs) {
            for (Row r : scan(d)) {
                sizes.add(r.familySize());
                if (r.family() != null) {
                    families.add(r.family());
                }
                Row old = byIndex.putIfAbsent(r.index(), r);
                if (old != null && !old.parameters().equals(r.parameters())) {
                    throw new ConfigException("model index " + r.index() + " has parameters " + old.parameters()
                            + " in " + old.folder() + " but " + r.parameters() + " in " + r.folder()
                            + ": these are not parts of one family");
                }
            }
        }
        if (sizes.size() > 1) {
            throw new ConfigException("the directories hold families of different sizes " + sizes);
        }
        if (families.size() > 1) {
            throw new ConfigException("the directories hold models of different families " + families);
        }
        return new ArrayList<>(byIndex.values());
    }

    /** Indices 0..size−1 not present in rows. */
    public static List<Integer> missing(List<Row> rows, int size) {
        Set<Integer> have = indices(rows);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (!have.contains(i)) {
                out.add(i);
            }
        }
        return out;
    }

    public static Set<Integer> indices(List<Row> rows) {
        Set<Integer> have = new HashSet<>();
        for (Row r : rows) {
            have.add(r.index());
        }
        return have;
    }

    /**
     * Writes the CSV atomically (temporary file in the same directory, then rename), created with the umask's
     * permissions like the model folders beside it (not owner-only, as a {@code Files.createTempFile} would be).
     */
    public static void write(Path csv, List<Row> rows) {
        Set<String> paramCols = new LinkedHashSet<>();
        for (Row r : rows) {
            paramCols.addAll(r.parameters().keySet());
        }
        StringBuilder w = new StringBuilder();
        List<String> head = new ArrayList<>(List.of("index", "model"));
        head.addAll(paramCols);
        head.addAll(RESULT_COLUMNS);
        head.add("dir");
        w.append(String.join(",", head)).append('\n');
        for (Row r : rows) {
            List<String> cells = new ArrayList<>(List.of(Integer.toString(r.index()), r.model()));
            for (String p : paramCols) {
                cells.add(r.parameters().getOrDefault(p, ""));
            }
            for (String c : RESULT_COLUMNS) {
                cells.add(r.results().getOrDefault(c, ""));
            }
            cells.add(r.folder().toString());
            w.append(String.join(",", cells)).append('\n');
        }
        try {
            // callers have checked the target (merge: --out and --overwrite); an index.csv of ours is replaced
            AtomicFile.write(csv, true, "--out", w.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + csv, e);
        }
    }
}
