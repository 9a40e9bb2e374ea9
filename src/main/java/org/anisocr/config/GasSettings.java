package org.anisocr.config;

import org.anisocr.gas.AnalyticGas;
import org.anisocr.gas.GasModel;
import org.anisocr.gas.XCo;

import java.util.Locale;

/**
 * [gas]: the interstellar gas a model's products use (γ-ray sky maps, emissivity maps, energy losses). Either one of
 * the published analytic models of the {@code gas} package, or a user's (R, z) table in FITS. The table is only named
 * here: {@code io.GasModels} reads it, because config parses model files and nothing else.
 *
 * @param model       which gas
 * @param xCo         the CO-to-H2 factor of the analytic molecular gas (unused for a table)
 * @param tableFile   the FITS table's path as the model file gives it (null unless {@code model = "table"})
 */
public record GasSettings(Model model, XCo xCo, String tableFile) {

    /** The kinds of gas a model file may name. */
    public enum Model {
        /** GALPROP's default analytic gas ({@link AnalyticGas#galprop(XCo)}). */
        GALPROP,
        /** A FITS table on an (R, z) grid (see {@code io.GasTableFits}). */
        TABLE;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The X_CO choices, as a model file spells them. */
    enum XCoKind {
        CONSTANT, STRONG2004;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public GasSettings {
        if (model == null || xCo == null) {
            throw new IllegalArgumentException("gas settings need a model and an X_CO");
        }
        if ((model == Model.TABLE) != (tableFile != null)) {
            throw new IllegalArgumentException("a gas table file is given exactly when the model is a table");
        }
    }

    /** No [gas] table: GALPROP's default gas with X_CO = 1.9e20. */
    public static GasSettings defaults() {
        return new GasSettings(Model.GALPROP, XCo.strongMattox1996(), null);
    }

    /** The analytic model; an IllegalStateException for a table, which only {@code io} can read. */
    public GasModel analytic() {
        if (model != Model.GALPROP) {
            throw new IllegalStateException("a gas table is read by io.GasModels, not built here");
        }
        return AnalyticGas.galprop(xCo);
    }

    static GasSettings read(TableReader t) {
        Model model = t.optEnum("model", Model.GALPROP, Model.values(), Model::key);
        XCoKind kind = t.optEnum("x_co", XCoKind.CONSTANT, XCoKind.values(), XCoKind::key);
        double value = t.optDouble("x_co_cm2_per_K_km_s", 1.9e20, 1e18, 1e23);
        if (kind == XCoKind.STRONG2004 && t.has("x_co_cm2_per_K_km_s")) {
            throw new ConfigException(t.key("x_co_cm2_per_K_km_s") + " is only read with " + t.key("x_co")
                    + " = \"constant\"; \"strong2004\" is the radial table of Strong et al. 2004");
        }
        String file = t.has("table_file") ? t.optString("table_file", "", null) : null;
        if (model == Model.TABLE && file == null) {
            throw new ConfigException(t.key("model") + " = \"table\" needs " + t.key("table_file")
                    + " (a FITS gas table on an (R, z) grid)");
        }
        if (model != Model.TABLE && file != null) {
            throw new ConfigException(t.key("table_file") + " is only read with " + t.key("model") + " = \"table\"");
        }
        t.rejectUnknown();
        XCo xCo = kind == XCoKind.STRONG2004 ? new XCo.StrongEtAl2004() : new XCo.Constant(value);
        return new GasSettings(model, xCo, file);
    }
}
