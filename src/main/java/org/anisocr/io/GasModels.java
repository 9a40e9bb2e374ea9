package org.anisocr.io;

import org.anisocr.config.ConfigException;
import org.anisocr.config.GasSettings;
import org.anisocr.gas.GasModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The gas a model's [gas] table names, made into a {@link GasModel}: analytic, or read from its FITS table. */
public final class GasModels {
    private GasModels() {}

    /**
     * The gas of {@code settings}; a table file's relative path is taken from {@code baseDir} (the model file's
     * folder, or the working directory). A missing or malformed table is a ConfigException naming [gas].table_file.
     */
    public static GasModel resolve(GasSettings settings, Path baseDir) {
        if (settings.model() != GasSettings.Model.TABLE) {
            return settings.analytic();
        }
        Path file = baseDir == null ? Path.of(settings.tableFile()) : baseDir.resolve(settings.tableFile());
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("gas.table_file = \"" + settings.tableFile() + "\": no such file (" + file
                    + "); a FITS gas table on an (R, z) grid is expected");
        }
        try {
            return GasTableFits.read(file);
        } catch (IOException e) {
            throw new ConfigException("gas.table_file = \"" + settings.tableFile() + "\": " + e.getMessage());
        }
    }
}
