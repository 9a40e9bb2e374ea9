package org.anisocr.io;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The densities of some momentum bins as raw IEEE-754 doubles, big-endian, one block of {@code nodes} values per
 * bin in the order given: the exact numbers a partial 3D run hands to {@code merge}, so that the merged result is
 * the single run's bit for bit. Not a format for users (they get FITS); the part's JSON says what the blocks are.
 */
public final class DensityBins {
    private DensityBins() {}

    public static void write(Path file, double[][] bins) throws IOException {
        try (OutputStream os = Files.newOutputStream(file);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 16))) {
            for (double[] bin : bins) {
                for (double v : bin) {
                    out.writeDouble(v);
                }
            }
        }
    }

    /** {@code count} blocks of {@code nodes} doubles; an IOException naming the file when it is shorter or longer. */
    public static double[][] read(Path file, int count, int nodes) throws IOException {
        long expected = 8L * count * nodes;
        long size = Files.size(file);
        if (size != expected) {
            throw new IOException(file + " has " + size + " bytes, expected " + expected + " (" + count + " bins of "
                    + nodes + " nodes): the part is damaged or from another grid");
        }
        double[][] bins = new double[count][nodes];
        try (InputStream is = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(is, 1 << 16))) {
            for (double[] bin : bins) {
                for (int i = 0; i < nodes; i++) {
                    bin[i] = in.readDouble();
                }
            }
        } catch (EOFException e) {
            throw new IOException(file + " ended early: the part is damaged", e);
        }
        return bins;
    }
}
