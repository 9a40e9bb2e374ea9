// Batched mg-gmres, SETUP phase (issue 13): the multigrid hierarchies of E systems (models × momentum bins, one
// grid) built on the device from the paper operator's coefficient tables, straight into the layout the solve-phase
// kernels read (org.anisocr.solver.PackedMultigrid; host: org.anisocr.solver.gpu.GpuMultigridSetup). Included at the
// end of anisocr.cu, so the fatbin stays one module; uses its coefficient() and table layout.
//
// Layout (PackedMultigrid): node (i, j) of a level is idx = j*nR + i; every array is INTERLEAVED, value of system b at
// [idx*E + b]. Level operator L: slot p = (b+1)*3 + (a+1) (coupling to (i+a, j+b)) at [(p*nodes + idx)*E + b]. Line
// factors: k = 0 1/β along R, 1 c along R, 2 1/β along z, 3 c along z, at [(k*nodes + idx)*E + b]. Coarsest banded LU
// (dgbtf2 layout): band position pos at [pos*E + b], pivot of step j at [j*E + b].
// Threads: one per (node or line, system), system fastest (b = t % E), so that a warp reads consecutive addresses.
//
// Bitwise equality with the Java setup (org.anisocr.solver.steady.MultigridHierarchy, checked by kernels/emu): every
// value gets the operations of the Java code in the Java order (build.sh passes -fmad=false). In particular the Java
// builds accumulate with += into zero-initialised slots (NinePointMatrix.add), so 0.0 + v is kept (it turns −0 into
// +0), and the Galerkin sums of a coarse node are added in the Java loop order (fine neighbour d, then slot p).
// The only duplicated numerics (forced by the kernel language): keep in step with PaperSteadyOperator.matrix,
// NinePointMatrix.clearBoundaries, GalerkinCoarsening.halve, TridiagonalLines, BandedFactorisation and BandedLu.factor.
//
// Status per system (int, zeroed by the host before the setup): 1 = zero or non-finite pivot in a line factor
// (TridiagonalLines throws; the Java setup meets it first too), 2 = singular coarsest matrix (BandedLu.factor throws).
// The values of a failed system are then meaningless (mg_coarsest_factor skips it); the host names the model and bin.

#define MGS_LINE_PIVOT 1
#define MGS_COARSEST_SINGULAR 2

// SpatialGrid.isDirichlet: the outer radius and both z faces carry N = 0.
__device__ __forceinline__ bool mgs_dirichlet(int i, int j, int nR, int nZ) { return i == nR - 1 || j == 0 || j == nZ - 1; }

// The fine operator of every system: PaperSteadyOperator.matrix(k) then NinePointMatrix.clearBoundaries, into the
// level-0 coefficients `out` (9*nodes*E). One thread per (node, system). Table of system b: model[b]; its scalars
// dPerpOf[b], dAniOf[b] (one entry per SYSTEM of this setup, not per bin of a DeviceBatch).
extern "C" __global__ void mg_assemble_paper(int nR, int nZ, int E, const int* __restrict__ model,
                                             const double* __restrict__ dPerpOf, const double* __restrict__ dAniOf,
                                             const double* __restrict__ coef, double* __restrict__ out) {
    long t = (long)blockIdx.x * blockDim.x + threadIdx.x;
    long G = (long)nR * nZ;
    if (t >= G * E) return;
    int b = (int)(t % E);
    long idx = t / E;
    int i = (int)(idx % nR), j = (int)(idx / nR);
    double acc[9] = {0, 0, 0, 0, 0, 0, 0, 0, 0};   // NinePointMatrix's zero-initialised slots
    if (!mgs_dirichlet(i, j, nR, nZ)) {
        const double* tb = coef + (long)model[b] * 2 * TERMS * G;
        double dp = dPerpOf[b], da = dAniOf[b];
        acc[4] += -(coefficient(tb, G, R_CENTRE, idx, dp, da) + coefficient(tb, G, Z_CENTRE, idx, dp, da));
        acc[5] += coefficient(tb, G, R_UPPER, idx, dp, da);
        acc[1] += coefficient(tb, G, Z_LOWER, idx, dp, da);
        acc[7] += coefficient(tb, G, Z_UPPER, idx, dp, da);
        if (i > 0) {   // the axis row has no i − 1 and no mixed term
            acc[3] += coefficient(tb, G, R_LOWER, idx, dp, da);
            double mx = coefficient(tb, G, MIXED, idx, dp, da);
            acc[8] += mx;
            acc[2] += -mx;
            acc[6] += -mx;
            acc[0] += mx;
        }
        // clearBoundaries: couplings to Dirichlet or out-of-grid nodes are zero
        for (int p = 0; p < 9; p++) {
            int ii = i + p % 3 - 1, jj = j + p / 3 - 1;
            if (ii < 0 || ii >= nR || jj < 0 || jj >= nZ || mgs_dirichlet(ii, jj, nR, nZ)) acc[p] = 0;
        }
    }
    for (int p = 0; p < 9; p++) out[((long)p * G + idx) * E + b] = acc[p];
}

// GalerkinCoarsening.add: v onto the coupling of coarse node (ic, jc) to its neighbour at (along, across), unless
// that neighbour is a Dirichlet node of the coarse grid.
__device__ __forceinline__ void mgs_add(double* ac, bool alongR, int along, int across, double v, int nRc, int nZc,
                                        int ic, int jc) {
    int s = alongR ? along : across, bb = alongR ? across : along;
    if (mgs_dirichlet(ic + s, jc + bb, nRc, nZc)) return;
    ac[(bb + 1) * 3 + (s + 1)] += v;
}

// One one-directional Galerkin pass P1ᵀ L P1 (GalerkinCoarsening.halve): halves R (alongR = 1) or z (alongR = 0) of
// the nRf × nZf operator `fine` into `coarse` (((nRf−1)/2+1) × nZf, or nRf × ((nZf−1)/2+1)); both 9*nodes*E.
// A level coarsened in both directions takes two passes, R then z (GalerkinCoarsening.coarsen), through a temporary.
// One thread per (coarse node, system); it writes all 9 slots of its node (zeros on Dirichlet rows).
extern "C" __global__ void mg_galerkin_halve(int nRf, int nZf, int E, int alongR, const double* __restrict__ fine,
                                             double* __restrict__ coarse) {
    long t = (long)blockIdx.x * blockDim.x + threadIdx.x;
    bool r = alongR != 0;
    int nRc = r ? (nRf - 1) / 2 + 1 : nRf, nZc = r ? nZf : (nZf - 1) / 2 + 1;
    long Gc = (long)nRc * nZc, Gf = (long)nRf * nZf;
    if (t >= Gc * E) return;
    int b = (int)(t % E);
    long ctr = t / E;
    int ic = (int)(ctr % nRc), jc = (int)(ctr / nRc);
    double ac[9] = {0, 0, 0, 0, 0, 0, 0, 0, 0};
    if (jc >= 1 && jc < nZc - 1 && ic < nRc - 1) {
        int centre = r ? 2 * ic : 2 * jc;       // fine position of the coarse node along the halved direction
        int limit = r ? nRf - 1 : nZf - 1;      // last fine index (Dirichlet, or out of range beyond)
        int self = r ? ic : jc;
        for (int d = -1; d <= 1; d++) {
            int pos = centre + d;
            if (pos < 0 || pos >= limit || (!r && pos == 0)) continue;   // outside, or a Dirichlet node
            double wr = d == 0 ? 1 : 0.5;
            int fi = r ? pos : ic, fj = r ? jc : pos;
            long f = (long)fj * nRf + fi;
            for (int p = 0; p < 9; p++) {
                double v = fine[((long)p * Gf + f) * E + b];
                if (v == 0) continue;
                int s = p % 3 - 1, bb = p / 3 - 1;
                int g = r ? fi + s : fj + bb;   // neighbour's fine position along the halved direction
                int across = r ? bb : s;        // offset across, unchanged
                if ((g & 1) == 0) mgs_add(ac, r, g / 2 - self, across, wr * v, nRc, nZc, ic, jc);
                else {
                    int lo = (g - 1) / 2;
                    mgs_add(ac, r, lo - self, across, 0.5 * wr * v, nRc, nZc, ic, jc);
                    mgs_add(ac, r, lo + 1 - self, across, 0.5 * wr * v, nRc, nZc, ic, jc);
                }
            }
        }
    }
    for (int p = 0; p < 9; p++) coarse[((long)p * Gc + ctr) * E + b] = ac[p];
}

// The Thomas factors of both line directions of a level (TridiagonalLines, ALONG_R and ALONG_Z) into `lines`
// (4*nodes*E, ZEROED by the host: Dirichlet nodes keep 0). One thread per (line, system): threads t < (nZ−2)·E take
// the R-lines j = 1..nZ−2, the next (nR−1)·E the z-lines i = 0..nR−2.
//   β_q = −d_q − (−l_q c_{q−1}) (none at the line's first node),  inv_q = 1/β_q,  c_q = (−u_q)·inv_q
extern "C" __global__ void mg_line_factors(int nR, int nZ, int E, const double* __restrict__ coef,
                                           double* __restrict__ lines, int* __restrict__ status) {
    long t = (long)blockIdx.x * blockDim.x + threadIdx.x;
    int rLines = nZ - 2, zLines = nR - 1;
    if (t >= (long)(rLines + zLines) * E) return;
    int b = (int)(t % E);
    int line = (int)(t / E);
    long G = (long)nR * nZ;
    bool alongR = line < rLines;
    // slots: lower W (3) / S (1), centre 4, upper E (5) / N (7); factors k = 0, 1 / 2, 3
    const double* lower = coef + (alongR ? 3 : 1) * G * E + b;
    const double* diag = coef + 4 * G * E + b;
    const double* upper = coef + (alongR ? 5 : 7) * G * E + b;
    double* inv = lines + (alongR ? 0 : 2) * G * E + b;
    double* c = lines + (alongR ? 1 : 3) * G * E + b;
    int count = alongR ? nR - 1 : nZ - 2;
    long q0 = alongR ? (long)(line + 1) * nR : (long)nR + (line - rLines);   // first node of the line
    long step = alongR ? 1 : nR;
    double cPrev = 0;
    for (int s = 0; s < count; s++) {
        long q = (q0 + s * step) * E;
        double beta = -diag[q] - (s > 0 ? -lower[q] * cPrev : 0);
        if (beta == 0 || !isfinite(beta)) { status[b] = MGS_LINE_PIVOT; return; }
        double iv = 1 / beta;
        inv[q] = iv;
        cPrev = -upper[q] * iv;
        c[q] = cPrev;
    }
}

// The exact banded LU of the coarsest level of every system (BandedFactorisation: −L on the unknowns i = 0..nR−2,
// j = 1..nZ−2, numbered along the shorter direction first; BandedLu.factor = LAPACK dgbtf2 with partial pivoting),
// into band (ld*n*E) and pivot (n*E). One thread per system: n ≈ 225, kl = ku ≈ 10 on the paper grids, and neighbouring
// threads (systems) touch neighbouring addresses at every step.
extern "C" __global__ void mg_coarsest_factor(int nR, int nZ, int E, const double* __restrict__ coef,
                                              double* __restrict__ band, int* __restrict__ pivot, int* __restrict__ status) {
    long t = (long)blockIdx.x * blockDim.x + threadIdx.x;
    if (t >= E) return;
    int b = (int)t;
    if (status[b] != 0) return;   // a line factor failed: the setup of this system has already failed
    int nI = nR - 1, nJ = nZ - 2;
    bool radialFastest = nI <= nJ;
    int kl = (radialFastest ? nI : nJ) + 1, ku = kl, kv = kl + ku, ld = 2 * kl + ku + 1;
    int n = nI * nJ;
    long G = (long)nR * nZ;
    double* ab = band + b;   // A(r, c) at ab[(kv + r − c + c·ld)·E]
    for (long pos = 0; pos < (long)ld * n; pos++) ab[pos * E] = 0;
    for (int j = 1; j <= nJ; j++)
        for (int i = 0; i < nI; i++) {
            long idx = (long)j * nR + i;
            int row = steady_unknown(i, j, nI, nJ, radialFastest);
            for (int bb = -1; bb <= 1; bb++)
                for (int a = -1; a <= 1; a++) {
                    double v = coef[((long)((bb + 1) * 3 + (a + 1)) * G + idx) * E + b];
                    int col = steady_unknown(i + a, j + bb, nI, nJ, radialFastest);
                    if (col >= 0 && v != 0) ab[((long)kv + row - col + (long)col * ld) * E] = -v;   // −L: positive diagonal
                }
        }
    // BandedLu.factor
    int ju = 0;
    for (int j = 0; j < n; j++) {
        int km = min(kl, n - 1 - j);
        int jp = 0;
        long diagPos = (long)kv + (long)j * ld;   // at(j, j)
        double mx = fabs(ab[diagPos * E]);
        for (int s = 1; s <= km; s++) {
            double v = fabs(ab[(diagPos + s) * E]);
            if (v > mx) { mx = v; jp = s; }
        }
        pivot[(long)j * E + b] = j + jp;
        if (mx == 0) { status[b] = MGS_COARSEST_SINGULAR; return; }
        ju = max(ju, min(j + ku + jp, n - 1));
        if (jp != 0)
            for (int c = j; c <= ju; c++) {
                long pa = ((long)kv + j - c + (long)c * ld) * E, pb = ((long)kv + j + jp - c + (long)c * ld) * E;
                double tmp = ab[pa]; ab[pa] = ab[pb]; ab[pb] = tmp;
            }
        double iv = 1 / ab[diagPos * E];
        long col = diagPos + 1;   // at(j + 1, j)
        for (int s = 0; s < km; s++) ab[(col + s) * E] *= iv;
        for (int c = j + 1; c <= ju; c++) {
            double a = ab[((long)kv + j - c + (long)c * ld) * E];
            if (a == 0) continue;
            long dst = (long)kv + j + 1 - c + (long)c * ld;   // at(j + 1, c)
            for (int s = 0; s < km; s++) ab[(dst + s) * E] -= ab[(col + s) * E] * a;
        }
    }
}
