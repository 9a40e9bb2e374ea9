package org.anisocr.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import org.anisocr.config.AnalysisConfig;
import org.anisocr.field.MagneticField;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.DiffusionTensor;
import org.anisocr.operator.Source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A model file (TOML) made into validated, immutable parameters. Every table is read strictly:
 * unknown keys, wrong types and out-of-range values throw {@link ConfigException} naming the key.
 */
public record ModelConfig(String name, SpatialGrid grid, MomentumGrid momenta, DiffusionTensor diffusion,
                          MagneticField field, Source source, SolverSettings solver, OutputSettings output,
                          String text, AnalysisConfig analysis, GasSettings gas, SkySettings sky) {

    public static ModelConfig load(Path file) {
        String text = readText(file);
        return parse(nameOf(file), text);
    }

    /** The model name a config file gives: its file name without ".toml". */
    public static String nameOf(Path file) {
        return file.getFileName().toString().replaceFirst("\\.toml$", "");
    }

    /**
     * The largest model file read, in bytes (1 MiB). The longest model file in configs/ is a few kB; the limit keeps
     * a wrong argument (a log, a data cube, /dev/zero) from being read into memory before TOML parsing refuses it.
     */
    public static final long MAX_MODEL_FILE_BYTES = 1L << 20;

    /**
     * The text of a config file; ConfigException when it is missing, not a regular file (a FIFO would block, a
     * device would be read forever), larger than {@link #MAX_MODEL_FILE_BYTES}, binary or not UTF-8. The kind and
     * the size are checked before the file is opened.
     */
    public static String readText(Path file) {
        String kind = ModelFileKind.of(file);
        if (kind != null) {
            throw new ConfigException("config file " + file + " is " + kind + ", not a regular file: a TOML model file"
                    + " of at most " + MAX_MODEL_FILE_BYTES + " bytes (1 MiB) is expected (see configs/)");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_MODEL_FILE_BYTES) {
                throw tooLarge(file, size);
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_MODEL_FILE_BYTES + 1); // the file may grow after the size check
            }
            if (bytes.length > MAX_MODEL_FILE_BYTES) {
                throw tooLarge(file, bytes.length);
            }
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (text.indexOf('\0') >= 0) {
                throw new ConfigException("config file " + file
                        + " is binary, not UTF-8 TOML text: a TOML model file is expected (see configs/)");
            }
            return text;
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + " does not exist");
        } catch (CharacterCodingException e) {
            throw new ConfigException(
                    "config file " + file + " is not UTF-8 text: a TOML model file is expected (see configs/)");
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
    }

    private static ConfigException tooLarge(Path file, long size) {
        return new ConfigException(String.format(Locale.ROOT, "config file %s is %d bytes, more than the %d bytes"
                + " (1 MiB) allowed for a model file: a TOML model file is expected (see configs/)", file, size,
                MAX_MODEL_FILE_BYTES));
    }

    public static ModelConfig parse(String name, String text) {
        JsonNode root;
        try {
            root = new TomlMapper().readTree(text);
        } catch (IOException e) {
            throw new ConfigException(syntaxError(e, text));
        }
        TableReader top = new TableReader("", root);
        String modelName = top.optString("name", name, null);
        SpatialGrid grid = readGrid(top.table("grid", true));
        MomentumGrid momenta = readMomenta(top.table("momentum", true));
        DiffusionTensor diffusion = readDiffusion(top.table("diffusion", true));
        MagneticField field = FieldTable.read(top.table("field", true));
        Source source = SourceTable.read(top.table("source", true));
        SolverSettings solver = SolverSettings.read(top.table("solver", false));
        OutputSettings output = OutputSettings.read(top.table("output", false));
        boolean analysisGiven = top.has("analysis");
        AnalysisConfig analysis = AnalysisConfig.read(top.table("analysis", false));
        GasSettings gas = top.has("gas") ? GasSettings.read(top.table("gas", false)) : GasSettings.defaults();
        SkySettings sky = top.has("sky") ? SkySettings.read(top.table("sky", false)) : SkySettings.defaults();
        top.rejectUnknown();
        // An explicit [analysis] table must fit the momentum grid; the defaults are skipped quietly where they don't.
        String misfit = analysis.problemWith(momenta);
        if (analysisGiven && misfit != null) {
            throw new ConfigException("[analysis]: " + misfit);
        }
        return new ModelConfig(modelName, grid, momenta, diffusion, field, source, solver, output, text, analysis,
                gas, sky);
    }

    /** A TOML syntax error with its line, the line's text and, for a repeated key, the key. */
    static String syntaxError(IOException e, String text) {
        String what = e instanceof JsonProcessingException j && j.getOriginalMessage() != null
                ? j.getOriginalMessage() : String.valueOf(e.getMessage());
        what = what.lines().findFirst().orElse("");
        int line = e instanceof JsonProcessingException j && j.getLocation() != null
                ? j.getLocation().getLineNr() : -1;
        String[] lines = text.split("\n", -1);
        if (line < 1 || line > lines.length) {
            return "not valid TOML: " + what;
        }
        String src = lines[line - 1].strip();
        if (what.toLowerCase(Locale.ROOT).contains("duplicate")) {
            // the parser reports where it noticed, not the repeated line: find the first key seen twice in one table
            Set<String> seen = new HashSet<>();
            String table = "";
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i].strip();
                if (l.startsWith("#") || l.isEmpty()) {
                    continue;
                }
                if (l.startsWith("[")) { table = l; continue; }
                int eq = l.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String key = l.substring(0, eq).strip();
                if (!seen.add(table + "\u0000" + key)) {
                    return "not valid TOML at line " + (i + 1) + ": duplicate key " + key
                            + (table.isEmpty() ? "" : " in " + table) + " (each key may appear once per table)";
                }
            }
            return "not valid TOML near line " + line + ": " + what;
        }
        return "not valid TOML at line " + line + " (\"" + src + "\"): " + what;
    }

    static SpatialGrid readGrid(TableReader t) {
        Geometry geometry = t.optEnum("geometry", Geometry.CYLINDRICAL, Geometry.values(), Geometry::key);
        double rMax = t.optDouble("r_max_kpc", 20, 1e-6, 1e5);
        double h = t.optDouble("half_height_kpc", 4, 1e-6, 1e5);
        int nR = gridCount(t, "n_r", "dr_kpc", rMax);
        int nZ = gridCount(t, "n_z", "dz_kpc", 2 * h);
        t.rejectUnknown();
        return new SpatialGrid(geometry, rMax, h, nR, nZ);
    }

    /** Node count from either the count key or the spacing key (exactly one of them). */
    private static int gridCount(TableReader t, String countKey, String spacingKey, double length) {
        if (t.has(countKey) && t.has(spacingKey)) {
            throw new ConfigException("give either " + t.key(countKey) + " or " + t.key(spacingKey) + ", not both");
        }
        if (t.has(spacingKey)) {
            double h = t.requireDouble(spacingKey, length / 100_000, length / 2);
            double cells = length / h;
            if (Math.abs(cells - Math.rint(cells)) > 1e-6 * cells) {
                throw ConfigException.outOfRange(
                        t.key(spacingKey), h, "a spacing that divides " + length + " kpc into whole cells");
            }
            return (int) Math.rint(cells) + 1;
        }
        return t.requireInt(countKey, 3, 100_001);
    }

    static MomentumGrid readMomenta(TableReader t) {
        double pMin = t.optDouble("p_min_GeV", 1, 1e-6, 1e12);
        double pMax = t.optDouble("p_max_GeV", 1e4, 1e-6, 1e12);
        if (pMax < pMin) {
            throw new ConfigException(t.key("p_min_GeV") + " = " + TableReader.fmt(pMin) + " is larger than "
                    + t.key("p_max_GeV") + " = " + TableReader.fmt(pMax) + ": expected p_min_GeV ≤ p_max_GeV");
        }
        if (t.has("count") && t.has("bins_per_decade")) {
            throw new ConfigException(
                    "give either " + t.key("count") + " or " + t.key("bins_per_decade") + ", not both");
        }
        int count;
        if (t.has("bins_per_decade")) {
            double perDecade = t.requireDouble("bins_per_decade", 0.1, 1000);
            count = (int) Math.round(Math.log10(pMax / pMin) * perDecade) + 1;
        } else {
            count = t.optInt("count", 33, 1, 100_000);
        }
        if (count == 1 && pMax != pMin) {
            throw ConfigException.outOfRange(t.key("count"), 1, "≥ 2 when p_max_GeV ≠ p_min_GeV");
        }
        t.rejectUnknown();
        return new MomentumGrid(pMin, pMax, count);
    }

    /** The [diffusion] table that {@link #readDiffusion} turns back into {@code d} (D0 in cm²/s, as it is given). */
    static Map<String, Object> writeDiffusion(DiffusionTensor d) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("D0_cm2_s", d.d0Kpc2PerMyr() * DiffusionTensor.CM2_PER_S_PER_KPC2_PER_MYR);
        t.put("delta_par", d.deltaPar());
        t.put("delta_perp", d.deltaPerp());
        t.put("eps_D", d.epsD());
        t.put("p0_GeV", d.p0GeV());
        return t;
    }

    static DiffusionTensor readDiffusion(TableReader t) {
        double d0 = t.optDouble("D0_cm2_s", 1e28, 1e20, 1e35);
        DiffusionTensor d = new DiffusionTensor(d0 / DiffusionTensor.CM2_PER_S_PER_KPC2_PER_MYR,
                t.optDouble("delta_par", 0.3, -2, 2), t.optDouble("delta_perp", 0.5, -2, 2),
                t.optDouble("eps_D", 0.1, 1e-8, 1e4), t.optDouble("p0_GeV", 1, 1e-6, 1e9));
        t.rejectUnknown();
        return d;
    }
}
