package org.anisocr.solver.gpu;

import jcuda.driver.CUdeviceptr;

/**
 * One typed Java method per kernel of kernels/anisocr.cu and the multigrid.cu it includes (as the JCuda samples do):
 * the parameters in the kernel's order, under the kernel's names. The batch arguments (model, dPerpOf, dAniOf, coef,
 * src) come from a {@link DeviceBatch}; the mg_* arguments from {@link GpuMultigridBatch}. KernelSignatureTest checks
 * every method against the .cu declarations.
 */
final class Kernels {
    private Kernels() {}

    /** What reduce_columns combines over the partitions of each entry. */
    enum ReduceOp {
        SUM(0), MAX(1), MIN(2);
        final int code;
        ReduceOp(int code) { this.code = code; }
    }

    static KernelCall sweepRThomas(
            int nR,
            int nZ,
            int B,
            double dt,
            CUdeviceptr model,
            CUdeviceptr dPerpOf,
            CUdeviceptr dAniOf,
            CUdeviceptr coef,
            CUdeviceptr src,
            CUdeviceptr n,
            CUdeviceptr cprime) {
        return thomas("sweep_r_thomas", nR, nZ, B, dt, model, dPerpOf, dAniOf, coef, src, n, cprime);
    }

    static KernelCall sweepZThomas(
            int nR,
            int nZ,
            int B,
            double dt,
            CUdeviceptr model,
            CUdeviceptr dPerpOf,
            CUdeviceptr dAniOf,
            CUdeviceptr coef,
            CUdeviceptr src,
            CUdeviceptr n,
            CUdeviceptr cprime) {
        return thomas("sweep_z_thomas", nR, nZ, B, dt, model, dPerpOf, dAniOf, coef, src, n, cprime);
    }

    /** The two Thomas sweeps share one parameter list (they differ in the line direction inside). */
    private static KernelCall thomas(
            String kernel,
            int nR,
            int nZ,
            int B,
            double dt,
            CUdeviceptr model,
            CUdeviceptr dPerpOf,
            CUdeviceptr dAniOf,
            CUdeviceptr coef,
            CUdeviceptr src,
            CUdeviceptr n,
            CUdeviceptr cprime) {
        return new KernelCall(kernel).i("nR", nR).i("nZ", nZ).i("B", B).d("dt", dt).p("model", model)
                .p("dPerpOf", dPerpOf).p("dAniOf", dAniOf).p("coef", coef).p("src", src).p("n", n).p("cprime", cprime);
    }

    static KernelCall sweepPcr(int dir, int nR, int nZ, int B, double dt, CUdeviceptr model, CUdeviceptr dPerpOf,
                               CUdeviceptr dAniOf, CUdeviceptr coef, CUdeviceptr src, CUdeviceptr n) {
        return new KernelCall("sweep_pcr").i("dir", dir).i("nR", nR).i("nZ", nZ).i("B", B).d("dt", dt).p("model", model)
                .p("dPerpOf", dPerpOf).p("dAniOf", dAniOf).p("coef", coef).p("src", src).p("n", n);
    }

    static KernelCall mixedStep(
            int nR,
            int nZ,
            int B,
            double dt,
            CUdeviceptr model,
            CUdeviceptr dPerpOf,
            CUdeviceptr dAniOf,
            CUdeviceptr coef,
            CUdeviceptr src,
            CUdeviceptr nIn,
            CUdeviceptr nOut) {
        return new KernelCall("mixed_step").i("nR", nR).i("nZ", nZ).i("B", B).d("dt", dt).p("model", model)
                .p("dPerpOf", dPerpOf).p("dAniOf", dAniOf).p("coef", coef).p("src", src).p("nIn", nIn).p("nOut", nOut);
    }

    static KernelCall changePartial(long total, long T, CUdeviceptr nNew, CUdeviceptr nOld, CUdeviceptr diffMax,
                                    CUdeviceptr magMax, CUdeviceptr firstBad) {
        return new KernelCall("change_partial").l("total", total).l("T", T).p("nNew", nNew).p("nOld", nOld)
                .p("diffMax", diffMax).p("magMax", magMax).p("firstBad", firstBad);
    }

    static KernelCall residualPartial(
            int nR,
            int nZ,
            int B,
            long T,
            CUdeviceptr model,
            CUdeviceptr dPerpOf,
            CUdeviceptr dAniOf,
            CUdeviceptr coef,
            CUdeviceptr src,
            CUdeviceptr n,
            CUdeviceptr sumR2,
            CUdeviceptr sumS2) {
        return new KernelCall("residual_partial").i("nR", nR).i("nZ", nZ).i("B", B).l("T", T).p("model", model)
                .p("dPerpOf", dPerpOf).p("dAniOf", dAniOf).p("coef", coef).p("src", src).p("n", n)
                .p("sumR2", sumR2).p("sumS2", sumS2);
    }

    static KernelCall reduceColumns(CUdeviceptr partial, int B, int P, ReduceOp op, CUdeviceptr out) {
        return new KernelCall("reduce_columns")
                .p("partial", partial)
                .i("B", B)
                .i("P", P)
                .i("op", op.code)
                .p("out", out);
    }

    static KernelCall steadyBandLu(
            int nR,
            int nZ,
            int B,
            int first,
            CUdeviceptr model,
            CUdeviceptr dPerpOf,
            CUdeviceptr dAniOf,
            CUdeviceptr coef,
            CUdeviceptr src,
            CUdeviceptr bandAll,
            CUdeviceptr pivotAll,
            CUdeviceptr workAll,
            CUdeviceptr nOut,
            CUdeviceptr status) {
        return steady(
                "steady_band_lu",
                nR,
                nZ,
                B,
                first,
                model,
                dPerpOf,
                dAniOf,
                coef,
                src,
                bandAll,
                pivotAll,
                workAll,
                nOut,
                status);
    }

    static KernelCall steadyBandLuShm(
            int nR,
            int nZ,
            int B,
            int first,
            CUdeviceptr model,
            CUdeviceptr dPerpOf,
            CUdeviceptr dAniOf,
            CUdeviceptr coef,
            CUdeviceptr src,
            CUdeviceptr bandAll,
            CUdeviceptr pivotAll,
            CUdeviceptr workAll,
            CUdeviceptr nOut,
            CUdeviceptr status) {
        return steady(
                "steady_band_lu_shm",
                nR,
                nZ,
                B,
                first,
                model,
                dPerpOf,
                dAniOf,
                coef,
                src,
                bandAll,
                pivotAll,
                workAll,
                nOut,
                status);
    }

    /** The two steady kernels share one parameter list (the shared-memory one differs only inside). */
    private static KernelCall steady(
            String kernel,
            int nR,
            int nZ,
            int B,
            int first,
            CUdeviceptr model,
            CUdeviceptr dPerpOf,
            CUdeviceptr dAniOf,
            CUdeviceptr coef,
            CUdeviceptr src,
            CUdeviceptr bandAll,
            CUdeviceptr pivotAll,
            CUdeviceptr workAll,
            CUdeviceptr nOut,
            CUdeviceptr status) {
        return new KernelCall(kernel).i("nR", nR).i("nZ", nZ).i("B", B).i("first", first).p("model", model)
                .p("dPerpOf", dPerpOf).p("dAniOf", dAniOf).p("coef", coef).p("src", src).p("bandAll", bandAll)
                .p("pivotAll", pivotAll).p("workAll", workAll).p("nOut", nOut).p("status", status);
    }

    // ---- batched mg-gmres (kernels/multigrid.cu), arrays interleaved [idx·E + b] as PackedMultigrid ----

    static KernelCall mgRelaxR(int nR, int nZ, int E, int parity, CUdeviceptr coef, CUdeviceptr inv, CUdeviceptr c,
                               CUdeviceptr f, CUdeviceptr x) {
        return relax("mg_relax_r", nR, nZ, E, parity, coef, inv, c, f, x);
    }

    static KernelCall mgRelaxZ(int nR, int nZ, int E, int parity, CUdeviceptr coef, CUdeviceptr inv, CUdeviceptr c,
                               CUdeviceptr f, CUdeviceptr x) {
        return relax("mg_relax_z", nR, nZ, E, parity, coef, inv, c, f, x);
    }

    static KernelCall mgRelaxPcr(
            int dir, int nR, int nZ, int E, int parity, CUdeviceptr coef, CUdeviceptr f, CUdeviceptr x) {
        return new KernelCall("mg_relax_pcr").i("dir", dir).i("nR", nR).i("nZ", nZ).i("E", E).i("parity", parity)
                .p("coef", coef).p("f", f).p("x", x);
    }

    /** The two zebra half-sweeps share one parameter list (they differ in the line direction inside). */
    private static KernelCall relax(String kernel, int nR, int nZ, int E, int parity, CUdeviceptr coef, CUdeviceptr inv,
                                    CUdeviceptr c, CUdeviceptr f, CUdeviceptr x) {
        return new KernelCall(kernel)
                .i("nR", nR)
                .i("nZ", nZ)
                .i("E", E)
                .i("parity", parity)
                .p("coef", coef)
                .p("inv", inv)
                .p("c", c)
                .p("f", f)
                .p("x", x);
    }

    static KernelCall mgStencil(int nR, int nZ, int E, CUdeviceptr coef, double alpha, CUdeviceptr x, double beta,
                                CUdeviceptr f, CUdeviceptr out) {
        return new KernelCall("mg_stencil")
                .i("nR", nR)
                .i("nZ", nZ)
                .i("E", E)
                .p("coef", coef)
                .d("alpha", alpha)
                .p("x", x)
                .d("beta", beta)
                .p("f", f)
                .p("out", out);
    }

    static KernelCall mgRestrict(int nRf, int nZf, int nRc, int nZc, int coarsenR, int coarsenZ, int E, CUdeviceptr rf,
                                 CUdeviceptr fc) {
        return new KernelCall("mg_restrict")
                .i("nRf", nRf)
                .i("nZf", nZf)
                .i("nRc", nRc)
                .i("nZc", nZc)
                .i("coarsenR", coarsenR)
                .i("coarsenZ", coarsenZ)
                .i("E", E)
                .p("rf", rf)
                .p("fc", fc);
    }

    static KernelCall mgProlongAdd(
            int nRf, int nZf, int nRc, int nZc, int coarsenR, int coarsenZ, int E, CUdeviceptr xc, CUdeviceptr xf) {
        return new KernelCall("mg_prolong_add")
                .i("nRf", nRf)
                .i("nZf", nZf)
                .i("nRc", nRc)
                .i("nZc", nZc)
                .i("coarsenR", coarsenR)
                .i("coarsenZ", coarsenZ)
                .i("E", E)
                .p("xc", xc)
                .p("xf", xf);
    }

    static KernelCall mgCoarsestSolve(int nR, int nZ, int n, int kl, int ku, int radialFastest, int E, CUdeviceptr band,
                                      CUdeviceptr pivot, CUdeviceptr f, CUdeviceptr x, CUdeviceptr work) {
        return new KernelCall("mg_coarsest_solve")
                .i("nR", nR)
                .i("nZ", nZ)
                .i("n", n)
                .i("kl", kl)
                .i("ku", ku)
                .i("radialFastest", radialFastest)
                .i("E", E)
                .p("band", band)
                .p("pivot", pivot)
                .p("f", f)
                .p("x", x)
                .p("work", work);
    }

    static KernelCall mgDotPartial(
            long nodes, int E, int count, int P, CUdeviceptr basis, CUdeviceptr w, CUdeviceptr partial) {
        return new KernelCall("mg_dot_partial")
                .l("nodes", nodes)
                .i("E", E)
                .i("count", count)
                .i("P", P)
                .p("basis", basis)
                .p("w", w)
                .p("partial", partial);
    }

    static KernelCall mgCombine(long total, int E, int count, CUdeviceptr basis, CUdeviceptr coeff, CUdeviceptr y) {
        return new KernelCall("mg_combine")
                .l("total", total)
                .i("E", E)
                .i("count", count)
                .p("basis", basis)
                .p("coeff", coeff)
                .p("y", y);
    }

    static KernelCall mgScale(long total, int E, CUdeviceptr s, CUdeviceptr x) {
        return new KernelCall("mg_scale").l("total", total).i("E", E).p("s", s).p("x", x);
    }

    // ---- batched mg-gmres setup (kernels/multigrid_setup.cu), host: GpuMultigridSetup ----

    static KernelCall mgAssemblePaper(int nR, int nZ, int E, CUdeviceptr model, CUdeviceptr dPerpOf, CUdeviceptr dAniOf,
                                      CUdeviceptr coef, CUdeviceptr out) {
        return new KernelCall("mg_assemble_paper")
                .i("nR", nR)
                .i("nZ", nZ)
                .i("E", E)
                .p("model", model)
                .p("dPerpOf", dPerpOf)
                .p("dAniOf", dAniOf)
                .p("coef", coef)
                .p("out", out);
    }

    static KernelCall mgGalerkinHalve(int nRf, int nZf, int E, boolean alongR, CUdeviceptr fine, CUdeviceptr coarse) {
        return new KernelCall("mg_galerkin_halve").i("nRf", nRf).i("nZf", nZf).i("E", E).i("alongR", alongR ? 1 : 0)
                .p("fine", fine).p("coarse", coarse);
    }

    static KernelCall mgLineFactors(int nR, int nZ, int E, CUdeviceptr coef, CUdeviceptr lines, CUdeviceptr status) {
        return new KernelCall("mg_line_factors")
                .i("nR", nR)
                .i("nZ", nZ)
                .i("E", E)
                .p("coef", coef)
                .p("lines", lines)
                .p("status", status);
    }

    static KernelCall mgCoarsestFactor(
            int nR, int nZ, int E, CUdeviceptr coef, CUdeviceptr band, CUdeviceptr pivot, CUdeviceptr status) {
        return new KernelCall("mg_coarsest_factor").i("nR", nR).i("nZ", nZ).i("E", E).p("coef", coef).p("band", band)
                .p("pivot", pivot).p("status", status);
    }
}
