package org.anisocr.solver.gpu;

import org.anisocr.operator.OperatorCoefficients;
import org.anisocr.operator.TransportProblem;

import java.util.List;
import java.util.Map;

/**
 * The entries of a GPU batch as the kernels index them: entry b = firstEntry[m] + k is bin k of model m,
 * with its coefficient-table number, its two tensor scalars, and its fields interleaved ([idx·count + b]).
 * Its arrays and collections are shared, not copied: built by one factory per batch and read by index in the
 * setup loops of this package only.
 */
record BatchEntries(List<TransportProblem> models, int count, int[] firstEntry,
                    Map<OperatorCoefficients, Integer> tableIndex, int[] model, double[] dPerp, double[] dAni) {

    static BatchEntries of(List<TransportProblem> models) {
        int[] first = new int[models.size() + 1];
        for (int m = 0; m < models.size(); m++) {
            first[m + 1] = first[m] + models.get(m).bins();
        }
        int count = first[models.size()];
        Map<OperatorCoefficients, Integer> tableIndex = CoefficientTables.index(models);
        int[] model = new int[count];
        double[] dPerp = new double[count];
        double[] dAni = new double[count];
        for (int m = 0; m < models.size(); m++) {
            TransportProblem p = models.get(m);
            for (int k = 0; k < p.bins(); k++) {
                int b = first[m] + k;
                model[b] = tableIndex.get(p.coefficients());
                dPerp[b] = p.dPerp(k);
                dAni[b] = p.dAni(k);
            }
        }
        return new BatchEntries(List.copyOf(models), count, first, tableIndex, model, dPerp, dAni);
    }

    /** Writes one entry's field into the interleaved array. */
    void interleave(double[] field, int entry, double[] out) {
        for (int idx = 0; idx < field.length; idx++) {
            out[idx * count + entry] = field[idx];
        }
    }

    /** Every entry's source rate, interleaved. */
    double[] interleavedSources(long nodes) {
        double[] out = new double[Math.toIntExact(nodes * count)];
        for (int m = 0; m < models.size(); m++) {
            for (int k = 0; k < models.get(m).bins(); k++) {
                interleave(models.get(m).sourceRate(k), firstEntry[m] + k, out);
            }
        }
        return out;
    }
}
