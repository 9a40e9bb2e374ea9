package org.anisocr.solver.gpu;

import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import org.anisocr.operator.OperatorCoefficients;
import org.anisocr.operator.Stencil;
import org.anisocr.operator.TransportProblem;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;

/**
 * The stencil tables of a batch's distinct models in the layout every kernel reads:
 * coef[m·14·G + t·G + idx] is the isotropic row t (Stencil ordinal) of model m, coef[m·14·G + (7+t)·G + idx]
 * its anisotropic row. Models sharing one OperatorCoefficients instance share one table.
 */
final class CoefficientTables {
    private CoefficientTables() {}

    /** Table number of each distinct coefficient set, in order of first appearance. */
    static Map<OperatorCoefficients, Integer> index(List<TransportProblem> models) {
        Map<OperatorCoefficients, Integer> tableIndex = new IdentityHashMap<>();
        for (TransportProblem p : models) {
            tableIndex.putIfAbsent(p.coefficients(), tableIndex.size());
        }
        return tableIndex;
    }

    /** Copies every table into coef (allocated for tableIndex.size() × 14 × nodes doubles). */
    static void upload(CUdeviceptr coef, Map<OperatorCoefficients, Integer> tableIndex, long nodes) {
        long tableDoubles = 2L * Stencil.COUNT * nodes;
        for (Map.Entry<OperatorCoefficients, Integer> e : tableIndex.entrySet()) {
            cuMemcpyHtoD(
                    coef.withByteOffset(8 * tableDoubles * e.getValue()),
                    Pointer.to(flatten(e.getKey(), nodes)),
                    8 * tableDoubles);
        }
    }

    /**
     * One model's table as the kernels read it: isotropic rows t·nodes + idx, then the anisotropic rows (7 + t)·nodes +
     * idx.
     */
    static double[] flatten(OperatorCoefficients c, long nodes) {
        double[] flat = new double[Math.toIntExact(2L * Stencil.COUNT * nodes)];
        double[][] iso = c.isotropicTable();
        double[][] ani = c.anisotropicTable();
        for (int t = 0; t < Stencil.COUNT; t++) {
            System.arraycopy(iso[t], 0, flat, (int) (t * nodes), (int) nodes);
            System.arraycopy(ani[t], 0, flat, (int) ((Stencil.COUNT + t) * nodes), (int) nodes);
        }
        return flat;
    }
}
