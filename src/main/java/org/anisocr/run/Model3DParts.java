package org.anisocr.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.anisocr.config.ConfigException;
import org.anisocr.config.ModelConfig;
import org.anisocr.grid.CartesianGrid3D;
import org.anisocr.io.AtomicOutputDir;
import org.anisocr.io.DensityBins;
import org.anisocr.io.OutputMarker;
import org.anisocr.io.Version;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The partial result of {@code run --bins i/n} and the {@code merge} that joins the parts of one 3D model.
 * A part folder holds {@value #PART_FILE} (marked partial: the model, the SHA-256 of its model text, the grid, the
 * bins it solved and what each took) and {@value #DENSITY_FILE}, the exact doubles of its bins ({@link DensityBins}).
 * The merge checks that the parts are of one model and together hold every bin exactly once, normalises the joined
 * density as a whole run does and hands it to {@link Run3DOutput}: the same files as a single run, N bit for bit.
 */
public final class Model3DParts {
    public static final String PART_FILE = "part.json";
    public static final String DENSITY_FILE = "density.f64";
    /** part.json's "kind": what marks a folder as a partial 3D result. */
    static final String KIND = "anisocr-3d-part";

    private Model3DParts() {}

    /** Whether {@code dir} holds a partial 3D result. */
    public static boolean isPart(Path dir) {
        return Files.isRegularFile(dir.resolve(PART_FILE));
    }

    /** Writes a part's files into the staging folder and commits it. */
    static void write(Run3DResult r, AtomicOutputDir out) throws IOException {
        ModelConfig c = r.config();
        CartesianGrid3D g = c.model3d().grid();
        List<Integer> bins = r.bins().stream().map(Run3DResult.BinStats::bin).toList();
        double[][] held = new double[bins.size()][];
        for (int q = 0; q < held.length; q++) {
            held[q] = r.density()[bins.get(q)];
        }
        DensityBins.write(out.path(DENSITY_FILE), held);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("written_by", "anisocr");
        m.put("kind", KIND);
        m.put("partial", true);
        m.put("model", c.name());
        m.put("model_sha256", OutputMarker.sha256(c.text()));
        m.put("code_version", Version.get());
        m.put("part", r.selection().label());
        m.put("parts", r.selection().parts());
        m.put("warm_start_block", BinSelection.WARM_START_BLOCK);
        m.put("grid", Run3DOutput.gridJson(g));
        m.put("momentum_count", c.momenta().count());
        m.put("bins", bins);
        m.put("density_file", DENSITY_FILE);
        m.put("density_format", "IEEE-754 float64, big-endian, x fastest then y then z, one block per bin in 'bins'"
                + " order, not normalised");
        m.put("wall_seconds", r.wallSeconds());
        m.put("threads", r.threads());
        m.put("bin_stats", Run3DOutput.binsJson(r.bins()));
        m.put("config", c.text());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.path(PART_FILE).toFile(), m);
        out.commit(OutputMarker.now("run-part", c.text()));
    }

    /** One part as read back: its folder, the model it was cut from, its bins and their stats. */
    record Part(Path dir, String label, String modelSha256, ModelConfig config, List<Integer> bins,
                List<Run3DResult.BinStats> stats, double wallSeconds, int threads) {
        Part {
            bins = List.copyOf(bins);
            stats = List.copyOf(stats);
        }
    }

    /** Reads and checks a part folder's JSON (not its densities). */
    static Part read(Path dir) {
        JsonNode n;
        try {
            n = new ObjectMapper().readTree(dir.resolve(PART_FILE).toFile());
        } catch (IOException e) {
            throw new ConfigException("cannot read " + dir.resolve(PART_FILE) + ": " + e.getMessage());
        }
        if (n == null || !KIND.equals(n.path("kind").asText()) || !n.path("config").isTextual()) {
            throw new ConfigException(dir + " is not a part of a 3D run (" + PART_FILE + " without kind \"" + KIND
                    + "\" and the model text)");
        }
        String text = n.path("config").asText();
        String sha = n.path("model_sha256").asText();
        if (!OutputMarker.sha256(text).equals(sha)) {
            throw new ConfigException(dir.resolve(PART_FILE) + ": the model text does not match its hash; the part"
                    + " was edited or damaged");
        }
        ModelConfig c = ModelConfig.parse(n.path("model").asText(), text);
        List<Integer> bins = new ArrayList<>();
        n.path("bins").forEach(b -> bins.add(b.asInt()));
        List<Run3DResult.BinStats> stats = new ArrayList<>();
        for (JsonNode b : n.path("bin_stats")) {
            stats.add(new Run3DResult.BinStats(b.path("bin").asInt(), b.path("p_GeV").asDouble(),
                    b.path("iterations").asInt(), b.path("relative_residual").asDouble(),
                    b.path("converged").asBoolean(), b.path("warm_start").asBoolean(), b.path("seconds").asDouble()));
        }
        return new Part(dir, n.path("part").asText(), sha, c, bins, stats, n.path("wall_seconds").asDouble(),
                n.path("threads").asInt());
    }

    /**
     * The parts in {@code dirs} joined into the whole run: every check before the densities are read (same model,
     * each bin exactly once, none missing), then the normalisation of a whole run.
     */
    public static Run3DResult join(List<Path> dirs) {
        List<Part> parts = new ArrayList<>();
        for (Path d : dirs) {
            parts.add(read(d));
        }
        Part first = parts.get(0);
        for (Part p : parts) {
            if (!p.modelSha256().equals(first.modelSha256())) {
                throw new ConfigException("not parts of one model: " + first.dir() + " is part " + first.label()
                        + " of " + first.config().name() + " (model text " + first.modelSha256().substring(0, 12)
                        + "…), " + p.dir() + " part " + p.label() + " of " + p.config().name() + " (model text "
                        + p.modelSha256().substring(0, 12) + "…)" + gridDifference(first, p));
            }
        }
        ModelConfig c = first.config();
        int count = c.momenta().count();
        Map<Integer, Path> owner = new TreeMap<>();
        for (Part p : parts) {
            for (int k : p.bins()) {
                Path before = owner.put(k, p.dir());
                if (before != null) {
                    throw new ConfigException("momentum bin " + k + " is in two parts: " + before + " and " + p.dir()
                            + " (the same part given twice, or parts of different splits)");
                }
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            if (!owner.containsKey(k)) {
                missing.add(k);
            }
        }
        if (!missing.isEmpty()) {
            throw new ConfigException("incomplete: " + missing.size() + " of " + count + " momentum bins missing "
                    + missing + "; the parts given are " + parts.stream().map(Part::label).toList()
                    + " of " + first.label().replaceFirst("^\\d+/", "") + " (run the missing parts with --bins i/n)");
        }
        return assemble(c, parts);
    }

    private static String gridDifference(Part a, Part b) {
        CartesianGrid3D ga = a.config().model3d().grid();
        CartesianGrid3D gb = b.config().model3d().grid();
        return ga.equals(gb) ? "" : "; their grids differ: " + ga + " and " + gb;
    }

    private static Run3DResult assemble(ModelConfig c, List<Part> parts) {
        int nodes = c.model3d().grid().size();
        double[][] density = new double[c.momenta().count()][];
        List<Run3DResult.BinStats> stats = new ArrayList<>();
        double wall = 0;
        int threads = 0;
        for (Part p : parts) {
            double[][] held;
            try {
                held = DensityBins.read(p.dir().resolve(DENSITY_FILE), p.bins().size(), nodes);
            } catch (IOException e) {
                throw new ConfigException("cannot read the densities of " + p.dir() + ": " + e.getMessage());
            }
            for (int q = 0; q < held.length; q++) {
                density[p.bins().get(q)] = held[q];
            }
            stats.addAll(p.stats());
            wall += p.wallSeconds();
            threads = Math.max(threads, p.threads());
        }
        stats.sort(Comparator.comparingInt(Run3DResult.BinStats::bin));
        double scale = Steady3DRunner.normalise(c, density);
        return new Run3DResult(c, BinSelection.whole(), density, stats, scale, wall, threads);
    }

    /** The part folders' labels and paths, for the merged summary. */
    static List<Map<String, Object>> describe(List<Path> dirs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Path d : dirs) {
            Part p = read(d);
            out.add(Map.of("part", p.label(), "folder", d.toAbsolutePath().normalize().toString(),
                    "bins", p.bins()));
        }
        return out;
    }

    /** The model the parts were cut from (the first part's), read before any check or density. */
    public static ModelConfig model(Path dir) {
        return read(dir).config();
    }
}
