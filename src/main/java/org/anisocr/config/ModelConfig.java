package org.anisocr.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import org.anisocr.config.AnalysisConfig;
import org.anisocr.field.MagneticField;
import org.anisocr.grid.CartesianGrid3D;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.Convection;
import org.anisocr.operator.DiffusionTensor;
import org.anisocr.operator.EnergyLosses;
import org.anisocr.operator.Scheme;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A model file (TOML) made into validated, immutable parameters. Every table is read strictly:
 * unknown keys, wrong types and out-of-range values throw {@link ConfigException} naming the key.
 *
 * <p>A 3D model ({@code [grid] geometry = "cartesian3d"}) has {@code model3d}: its Cartesian grid, 3D field and 3D
 * source. Its {@code grid} is then the 2D (R, z) grid of the same domain and spacing (dR = Δx, the rings of the
 * azimuthal averages), {@code field} the 2D field that {@code model3d}'s field rotates (null for a field that exists
 * in 3D only: jf12, pshirkov2011) and {@code source} the 2D source it evaluates at R = √(x² + y²) (null for the
 * spiral arms). A 2D model has {@code model3d == null}.
 */
public record ModelConfig(String name, SpatialGrid grid, MomentumGrid momenta, DiffusionTensor diffusion,
                          MagneticField field, Source source, SolverSettings solver, OutputSettings output,
                          String text, AnalysisConfig analysis, GasSettings gas, Convection convection,
                          EnergyLosses losses, Model3D model3d, SkySettings sky) {

    /** A 2D model without a [sky] table. */
    public ModelConfig(String name, SpatialGrid grid, MomentumGrid momenta, DiffusionTensor diffusion,
                       MagneticField field, Source source, SolverSettings solver, OutputSettings output,
                       String text, AnalysisConfig analysis, GasSettings gas, Convection convection,
                       EnergyLosses losses) {
        this(name, grid, momenta, diffusion, field, source, solver, output, text, analysis, gas, convection, losses,
                null, SkySettings.defaults());
    }

    /** Whether this is a 3D model ({@code [grid] geometry = "cartesian3d"}). */
    public boolean is3d() { return model3d != null; }

    /** This model, or a ConfigException (exit 2) when it is 3D and {@code what} (e.g. "sweep") takes 2D models. */
    public ModelConfig require2d(String what) {
        if (is3d()) {
            throw new ConfigException(name + " is a 3D model ([grid] geometry = \"" + Model3D.GEOMETRY + "\"): "
                    + what + " takes 2D models (solve a 3D model with `anisocr run`)");
        }
        return this;
    }

    /** Whether the model has a wind or energy losses, the terms that couple the momentum bins. */
    public boolean couplesBins() { return convection.isOn() || losses.isOn(); }

    public static ModelConfig load(Path file) {
        String text = readText(file);
        return parse(nameOf(file), text).withGasTableFrom(file.toAbsolutePath().getParent());
    }

    /**
     * This model with a relative [gas] table_file taken from {@code folder} (the model file's): the losses and the
     * γ-ray products then read the table the model file names, wherever the command runs.
     */
    ModelConfig withGasTableFrom(Path folder) {
        if (gas.tableFile() == null || folder == null || Path.of(gas.tableFile()).isAbsolute()) {
            return this;
        }
        GasSettings resolved = new GasSettings(gas.model(), gas.xCo(), folder.resolve(gas.tableFile()).toString());
        return new ModelConfig(name, grid, momenta, diffusion, field, source, solver, output, text, analysis, resolved,
                convection, losses, model3d, sky);
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
        TableReader gridTable = top.table("grid", true);
        boolean threeD = Model3D.GEOMETRY.equals(gridTable.optString("geometry", Geometry.CYLINDRICAL.key(),
                GEOMETRIES));
        CartesianGrid3D grid3d = threeD ? readGrid3D(gridTable) : null;
        SpatialGrid grid = threeD ? embedding(grid3d) : readGrid(gridTable);
        MomentumGrid momenta = readMomenta(top.table("momentum", true));
        DiffusionTensor diffusion = readDiffusion(top.table("diffusion", true));
        Model3D model3d = null;
        MagneticField field;
        Source source;
        if (threeD) {
            FieldTable.Field3D f = FieldTable.read3D(top.table("field", true));
            SourceTable.Source3DTable s = SourceTable.read3D(top.table("source", true));
            field = f.axisymmetric();
            source = s.twoD();
            model3d = new Model3D(grid3d, f.field(), s.source());
        } else {
            field = FieldTable.read(top.table("field", true));
            source = SourceTable.read(top.table("source", true));
        }
        TableReader solverTable = top.table("solver", false);
        boolean schemeGiven = solverTable.has("scheme");
        SolverSettings solver = SolverSettings.read(solverTable);
        if (threeD) {
            require3dSolver(solver, schemeGiven);
        }
        OutputSettings output = OutputSettings.read(top.table("output", false));
        boolean analysisGiven = top.has("analysis");
        AnalysisConfig analysis = AnalysisConfig.read(top.table("analysis", false));
        GasSettings gas = top.has("gas") ? GasSettings.read(top.table("gas", false)) : GasSettings.defaults();
        Convection convection = top.has("convection") ? readConvection(top.table("convection", false))
                : Convection.NONE;
        EnergyLosses losses = top.has("losses") ? readLosses(top.table("losses", false)) : EnergyLosses.NONE;
        SkySettings sky = top.has("sky") ? SkySettings.read(top.table("sky", false)) : SkySettings.defaults();
        top.rejectUnknown();
        requireCoupledBinsFit(threeD, convection.isOn() || losses.isOn(), output, momenta);
        // An explicit [analysis] table must fit the momentum grid; the defaults are skipped quietly where they don't.
        String misfit = analysis.problemWith(momenta);
        if (analysisGiven && misfit != null) {
            throw new ConfigException("[analysis]: " + misfit);
        }
        requireDragon2Fits(output, grid, momenta);
        return new ModelConfig(modelName, grid, momenta, diffusion, field, source, solver, output, text, analysis,
                gas, convection, losses, model3d, sky);
    }

    /** The wind and the losses couple the bins of a 2D model; a 3D model, and DRAGON2's 2D file, refuse them. */
    private static void requireCoupledBinsFit(boolean threeD, boolean coupled, OutputSettings output,
                                              MomentumGrid momenta) {
        if (threeD && coupled) {
            throw new ConfigException("[convection] and [losses] are solved in 2D models only: a 3D model"
                    + " ([grid] geometry = \"cartesian3d\") has independent momentum bins; leave the tables out");
        }
        if (threeD && output.dragon2()) {
            throw ConfigException.outOfRange("output.dragon2", "true", "false in a 3D model (DRAGON2's 2D file holds"
                    + " an axisymmetric (R, z) model; run the axisymmetric 2D model for HERMES)");
        }
        if (coupled && momenta.count() < 2) {
            throw ConfigException.outOfRange("momentum.count", momenta.count(),
                    "≥ 2 with [convection] or [losses] (their momentum term couples neighbouring bins)");
        }
    }

    /**
     * [convection]: the wind v_z = sign(z)(v0 + dv/dz |z|) (GALPROP's v0_conv, dvdz_conv). The table switches it on,
     * so at least one of the two must be > 0.
     */
    static Convection readConvection(TableReader t) {
        double v0 = t.optDouble("v0_km_s", 0, 0, 3000);
        double dvdz = t.optDouble("dv_dz_km_s_per_kpc", 0, 0, 1000);
        t.rejectUnknown();
        if (v0 == 0 && dvdz == 0) {
            throw new ConfigException("[convection] needs " + t.key("v0_km_s") + " > 0 or "
                    + t.key("dv_dz_km_s_per_kpc") + " > 0 (leave the table out for no wind)");
        }
        return new Convection(v0, dvdz);
    }

    /** [losses]: which proton energy losses are on (all by default once the table is given) and T_e. */
    static EnergyLosses readLosses(TableReader t) {
        boolean ionisation = t.optBoolean("ionisation", true);
        boolean coulomb = t.optBoolean("coulomb", true);
        boolean pion = t.optBoolean("pion", true);
        double te = t.optDouble("electron_temperature_K", EnergyLosses.DEFAULT_ELECTRON_TEMPERATURE_K, 10, 1e9);
        t.rejectUnknown();
        if (!ionisation && !coulomb && !pion) {
            throw new ConfigException("[losses] switches every loss off: set " + t.key("ionisation") + ", "
                    + t.key("coulomb") + " or " + t.key("pion") + " to true, or leave the table out");
        }
        return new EnergyLosses(ionisation, coulomb, pion, te);
    }

    /**
     * {@code [output] dragon2 = true} asks for DRAGON2's 2D file: the R ≥ 0 half-plane of an axisymmetric model on a
     * kinetic-energy grid spanning at least two momenta. Refused before any work when the model cannot give it.
     */
    private static void requireDragon2Fits(OutputSettings output, SpatialGrid grid, MomentumGrid momenta) {
        if (!output.dragon2()) {
            return;
        }
        if (grid.geometry() != Geometry.CYLINDRICAL) {
            throw new ConfigException("[output] dragon2 = true needs [grid] geometry = \"cylindrical\": DRAGON2's "
                    + "2D file holds the R ≥ 0 half-plane of an axisymmetric Galaxy, and this model is "
                    + grid.geometry().key() + " (x, z)");
        }
        if (momenta.count() < 2) {
            throw new ConfigException("[output] dragon2 = true needs at least 2 momentum bins for its energy axis; "
                    + "[momentum] count = " + momenta.count());
        }
    }

    /** [grid] geometry spellings: the 2D ones, then the 3D one. */
    static final List<String> GEOMETRIES = geometries();

    private static List<String> geometries() {
        List<String> g = new ArrayList<>();
        for (Geometry x : Geometry.values()) {
            g.add(x.key());
        }
        g.add(Model3D.GEOMETRY);
        return List.copyOf(g);
    }

    /** A 3D model is solved as a steady state with the symmetric scheme (the one 3D discretisation). */
    private static void require3dSolver(SolverSettings solver, boolean schemeGiven) {
        if (solver.mode() != Mode.STEADY) {
            throw ConfigException.outOfRange("solver.mode", "\"" + solver.mode().key() + "\"",
                    "\"steady\" in a 3D model ([grid] geometry = \"cartesian3d\": no time stepping in 3D)");
        }
        if (schemeGiven && solver.scheme() != Scheme.SYMMETRIC) {
            throw ConfigException.outOfRange("solver.scheme", "\"" + solver.scheme().key() + "\"",
                    "\"symmetric\" in a 3D model (the symmetric scheme of Günter et al. 2005 is the 3D"
                            + " discretisation; leave the key out)");
        }
    }

    /**
     * The 3D [grid]: R_max, H, the spacing (dx_kpc, the same in x and y, or n_xy nodes across; dz_kpc or n_z) and
     * {@code cylinder} (N = 0 at √(x² + y²) ≥ R_max, default on). The planes x = 0, y = 0 and z = 0 must be nodes
     * (the slices and the azimuthal averages sit there), so counts are odd and spacings divide R_max and H.
     */
    static CartesianGrid3D readGrid3D(TableReader t) {
        double rMax = t.optDouble("r_max_kpc", 20, 1e-6, 1e5);
        double h = t.optDouble("half_height_kpc", 4, 1e-6, 1e5);
        int nXY = centredCount(t, "n_xy", "dx_kpc", rMax, "r_max_kpc");
        int nZ = centredCount(t, "n_z", "dz_kpc", h, "half_height_kpc");
        boolean cylinder = t.optBoolean("cylinder", true);
        t.rejectUnknown();
        try {
            return new CartesianGrid3D(rMax, h, nXY, nXY, nZ, cylinder);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("[grid]: " + e.getMessage());
        }
    }

    /** Nodes across [−half, half] from the count key (odd) or the spacing key (dividing half), exactly one given. */
    private static int centredCount(TableReader t, String countKey, String spacingKey, double half, String halfKey) {
        if (t.has(countKey) && t.has(spacingKey)) {
            throw new ConfigException("give either " + t.key(countKey) + " or " + t.key(spacingKey) + ", not both");
        }
        if (t.has(spacingKey)) {
            double h = t.requireDouble(spacingKey, half / 50_000, half);
            double cells = half / h;
            if (Math.abs(cells - Math.rint(cells)) > 1e-6 * cells) {
                throw ConfigException.outOfRange(t.key(spacingKey), h, "a spacing that divides " + halfKey + " = "
                        + half + " kpc into whole cells (so that the plane through 0 is a node)");
            }
            return 2 * (int) Math.rint(cells) + 1;
        }
        if (!t.has(countKey)) {
            throw new ConfigException("missing key " + t.key(spacingKey) + " or " + t.key(countKey) + " in a 3D grid"
                    + ("n_xy".equals(countKey) ? " (x and y share the spacing)" : ""));
        }
        int n = t.requireInt(countKey, 3, 100_001);
        if (n % 2 == 0) {
            throw ConfigException.outOfRange(t.key(countKey), n, "an odd count (so that the plane through 0 is a"
                    + " node)");
        }
        return n;
    }

    /** The 2D (R, z) grid of a 3D grid's domain: dR = Δx, the same z nodes. */
    static SpatialGrid embedding(CartesianGrid3D g) {
        return new SpatialGrid(Geometry.CYLINDRICAL, g.rMaxKpc(), g.halfHeightKpc(), (g.nX() - 1) / 2 + 1, g.nZ());
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

    /** The 2D [grid], its geometry already read (a 2D spelling). */
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
