// anisocr CUDA kernels: the paper's operator-split step (SPEC §3) for a batch of independent
// problems. A "batch entry" b is one (model, momentum bin) pair; entries differ only by the two
// tensor scalars (D⊥, D∥ − D⊥), the coefficient tables of their model and their source.
//
// Conventions shared with the Java host (org.anisocr.solver.gpu.GpuBatchStepper):
//  * Grid node idx = j*nR + i (R fastest), as SpatialGrid.index.
//  * Batched fields (state, source, scratch) are INTERLEAVED: value of entry b at node idx lives at
//    [idx*B + b]. Neighbouring threads take neighbouring b at the same node, so every sweep reads
//    and writes whole cache lines (coalesced) whatever the sweep direction, and they all read the
//    SAME coefficient address (one broadcast transaction per warp).
//  * Coefficient tables are OperatorCoefficients' isotropic and anisotropic tables, uploaded once
//    per distinct model: coef[model*14*G + t*G + idx] for the isotropic row t (Stencil ordinal)
//    and coef[model*14*G + (7+t)*G + idx] for the anisotropic one. The stencil is assembled in
//    Java only; here it is combined with the scalars exactly as BinStencil does.
//  * Arithmetic mirrors CpuSplitStepper / Tridiagonal / DiscreteOperator operation by operation
//    (same association order). Built with -fmad=false so no multiply-add is contracted and the
//    results match the Java reference to the last bits (Java never fuses).
//  * All kernels are extern "C" so the host finds them by their plain names.

#include <stdint.h>

#define R_LOWER 0
#define R_CENTRE 1
#define R_UPPER 2
#define Z_LOWER 3
#define Z_CENTRE 4
#define Z_UPPER 5
#define MIXED 6
#define TERMS 7

// D⊥·iso + (D∥ − D⊥)·ani for row t at node idx (BinStencil's formula).
__device__ __forceinline__ double coefficient(const double* __restrict__ tables, long G, int t, long idx,
                                              double dPerp, double dAni) {
    return dPerp * __ldg(tables + t * G + idx) + dAni * __ldg(tables + (TERMS + t) * G + idx);
}

// ---------------------------------------------------------------------------------------------
// Crank–Nicolson line solves, one thread per (line, batch entry), Thomas algorithm.
// The right-hand side needs the OLD neighbours, but the forward sweep overwrites n[i] with d'_i;
// so the old values are carried in registers (nPrev, nCur, nNext), each n[i] is read exactly once
// before it is overwritten, and the solve runs in place in the state. c'_i goes to the scratch
// array (same layout). n and cprime never alias (__restrict__), which lets the compiler issue the
// next row's loads before this row's stores: a thread's rows are a serial chain, so memory-level
// parallelism per thread is what keeps these latency-bound loops fed.
// ---------------------------------------------------------------------------------------------

// R sweep: line = z-row j = 1..nZ-2; unknowns i = 0..nR-2 (N_{nR-1} = 0 held).
extern "C" __global__ void sweep_r_thomas(int nR, int nZ, int B, double dt,
                                          const int* __restrict__ model, const double* __restrict__ dPerpOf,
                                          const double* __restrict__ dAniOf, const double* __restrict__ coef,
                                          const double* __restrict__ src, double* __restrict__ n, double* __restrict__ cprime) {
    long t = (long)blockIdx.x * blockDim.x + threadIdx.x;
    if (t >= (long)B * (nZ - 2)) return;
    int b = (int)(t % B);
    int j = (int)(t / B) + 1;
    long G = (long)nR * nZ;
    const double* tables = coef + (long)model[b] * 2 * TERMS * G;
    double dp = dPerpOf[b], da = dAniOf[b];
    double h = dt / 2, third = dt / 3;
    int m = nR - 1;
    long row = (long)j * nR;

    double nPrev = 0, nCur = n[row * B + b], dPrev = 0, beta = 0, upperPrev = 0;
    for (int i = 0; i < m; i++) {
        long idx = row + i;
        double l = coefficient(tables, G, R_LOWER, idx, dp, da);
        double c = coefficient(tables, G, R_CENTRE, idx, dp, da);
        double u = coefficient(tables, G, R_UPPER, idx, dp, da);
        double lower = -h * l, diag = 1 + h * c, upper = -h * u;
        double nNext = n[(idx + 1) * B + b];
        double rhs = (1 - h * c) * nCur + h * u * nNext + third * src[idx * B + b];
        if (i > 0) rhs += h * l * nPrev;
        double d;
        if (i == 0) {
            beta = diag;
            d = rhs / beta;
        } else {
            double cp = upperPrev / beta;
            cprime[idx * B + b] = cp;
            beta = diag - lower * cp;
            d = (rhs - lower * dPrev) / beta;
        }
        n[idx * B + b] = d;
        dPrev = d; upperPrev = upper; nPrev = nCur; nCur = nNext;
    }
    double x = dPrev;
    for (int i = m - 2; i >= 0; i--) {
        long idx = row + i;
        x = n[idx * B + b] - cprime[(idx + 1) * B + b] * x;
        n[idx * B + b] = x;
    }
}

// z sweep: line = R-column i = 0..nR-2; unknowns j = 1..nZ-2 (N = 0 at z = ±H held).
extern "C" __global__ void sweep_z_thomas(int nR, int nZ, int B, double dt,
                                          const int* __restrict__ model, const double* __restrict__ dPerpOf,
                                          const double* __restrict__ dAniOf, const double* __restrict__ coef,
                                          const double* __restrict__ src, double* __restrict__ n, double* __restrict__ cprime) {
    long t = (long)blockIdx.x * blockDim.x + threadIdx.x;
    if (t >= (long)B * (nR - 1)) return;
    int b = (int)(t % B);
    int i = (int)(t / B);
    long G = (long)nR * nZ;
    const double* tables = coef + (long)model[b] * 2 * TERMS * G;
    double dp = dPerpOf[b], da = dAniOf[b];
    double h = dt / 2, third = dt / 3;
    int m = nZ - 2;

    double nPrev = n[(long)i * B + b];          // j = 0, Dirichlet
    double nCur = n[((long)nR + i) * B + b];    // j = 1
    double dPrev = 0, beta = 0, upperPrev = 0;
    for (int q = 0; q < m; q++) {
        long idx = (long)(q + 1) * nR + i;
        double l = coefficient(tables, G, Z_LOWER, idx, dp, da);
        double c = coefficient(tables, G, Z_CENTRE, idx, dp, da);
        double u = coefficient(tables, G, Z_UPPER, idx, dp, da);
        double lower = -h * l, diag = 1 + h * c, upper = -h * u;
        double nNext = n[(idx + nR) * B + b];
        double rhs = (1 - h * c) * nCur + h * u * nNext + h * l * nPrev + third * src[idx * B + b];
        double d;
        if (q == 0) {
            beta = diag;
            d = rhs / beta;
        } else {
            double cp = upperPrev / beta;
            cprime[idx * B + b] = cp;
            beta = diag - lower * cp;
            d = (rhs - lower * dPrev) / beta;
        }
        n[idx * B + b] = d;
        dPrev = d; upperPrev = upper; nPrev = nCur; nCur = nNext;
    }
    double x = dPrev;
    for (int q = m - 2; q >= 0; q--) {
        long idx = (long)(q + 1) * nR + i;
        x = n[idx * B + b] - cprime[(idx + nR) * B + b] * x;
        n[idx * B + b] = x;
    }
}

// ---------------------------------------------------------------------------------------------
// Parallel cyclic reduction variant: one thread block per (line, batch entry), one thread per
// unknown, the line held in shared memory. log2(m) steps of O(1) work instead of m dependent
// steps: much more parallelism when lines are few and long (e.g. one model, few bins). It is a
// different elimination order than Thomas, so results agree with the reference to round-off
// (~1e-15 relative), not bitwise. Needs blockDim.x = power of two >= m, m <= 1024.
// ---------------------------------------------------------------------------------------------
__device__ void pcr_solve(int m, double* a, double* bd, double* c, double* d) {
    int k = threadIdx.x;
    for (int stride = 1; stride < m; stride <<= 1) {
        double na = 0, nb = 1, nc = 0, nd = 0;
        if (k < m) {
            double ak = a[k], bk = bd[k], ck = c[k], dk = d[k];
            double alpha = 0, gamma = 0;
            nb = bk; nd = dk;
            if (k - stride >= 0) {
                alpha = -ak / bd[k - stride];
                na = alpha * a[k - stride];
                nb += alpha * c[k - stride];
                nd += alpha * d[k - stride];
            }
            if (k + stride < m) {
                gamma = -ck / bd[k + stride];
                nc = gamma * c[k + stride];
                nb += gamma * a[k + stride];
                nd += gamma * d[k + stride];
            }
        }
        __syncthreads();
        if (k < m) { a[k] = na; bd[k] = nb; c[k] = nc; d[k] = nd; }
        __syncthreads();
    }
}

// Shared layout: 4 arrays of blockDim.x doubles (dynamic shared memory 32*blockDim.x bytes).
// dir = 0: R sweep, grid.x = B*(nZ-2) lines; dir = 1: z sweep, grid.x = B*(nR-1) lines.
extern "C" __global__ void __launch_bounds__(1024) sweep_pcr(int dir, int nR, int nZ, int B, double dt,
                                     const int* __restrict__ model, const double* __restrict__ dPerpOf,
                                     const double* __restrict__ dAniOf, const double* __restrict__ coef,
                                     const double* __restrict__ src, double* n) {
    extern __shared__ double shm[];
    int P = blockDim.x;
    double *a = shm, *bd = shm + P, *c = shm + 2 * P, *d = shm + 3 * P;
    int line = blockIdx.x;
    // a block beyond the lines returns at once (the whole block: no __syncthreads is left waiting)
    if (line >= (long)B * (dir == 0 ? nZ - 2 : nR - 1)) return;
    int b = line % B;
    int lineIndex = line / B;
    long G = (long)nR * nZ;
    const double* tables = coef + (long)model[b] * 2 * TERMS * G;
    double dp = dPerpOf[b], da = dAniOf[b];
    double h = dt / 2, third = dt / 3;
    int m, lo, ce, up;
    long first, step;
    if (dir == 0) { m = nR - 1; first = (long)(lineIndex + 1) * nR; step = 1; lo = R_LOWER; ce = R_CENTRE; up = R_UPPER; }
    else { m = nZ - 2; first = (long)nR + lineIndex; step = nR; lo = Z_LOWER; ce = Z_CENTRE; up = Z_UPPER; }
    int k = threadIdx.x;
    if (k < m) {
        long idx = first + k * step;
        double l = coefficient(tables, G, lo, idx, dp, da);
        double cc = coefficient(tables, G, ce, idx, dp, da);
        double u = coefficient(tables, G, up, idx, dp, da);
        // Same association order as CpuSplitStepper: in R the lower term is added last (row 0, the
        // axis row, has none); in z it comes before the source (row 0's lower neighbour is the wall).
        double rhs = (1 - h * cc) * n[idx * B + b] + h * u * n[(idx + step) * B + b];
        if (dir == 0) {
            rhs += third * src[idx * B + b];
            if (k > 0) rhs += h * l * n[(idx - step) * B + b];
        } else {
            rhs = rhs + h * l * n[(idx - step) * B + b] + third * src[idx * B + b];
        }
        a[k] = k > 0 ? -h * l : 0;
        bd[k] = 1 + h * cc;
        c[k] = k < m - 1 ? -h * u : 0;
        d[k] = rhs;
    }
    __syncthreads();   // all old values read before anyone writes the line
    pcr_solve(m, a, bd, c, d);
    if (k < m) n[(first + k * step) * B + b] = d[k] / bd[k];
}

// ---------------------------------------------------------------------------------------------
// Explicit mixed step from the pre-step state nIn into nOut (double buffer), one thread per
// (node, entry): out = N + dt M cross(N) + dt/3 S; axis column: N + dt/3 S; Dirichlet nodes 0.
// ---------------------------------------------------------------------------------------------
extern "C" __global__ void mixed_step(int nR, int nZ, int B, double dt,
                                      const int* __restrict__ model, const double* __restrict__ dPerpOf,
                                      const double* __restrict__ dAniOf, const double* __restrict__ coef,
                                      const double* __restrict__ src, const double* __restrict__ nIn,
                                      double* __restrict__ nOut) {
    long e = (long)blockIdx.x * blockDim.x + threadIdx.x;
    long G = (long)nR * nZ;
    if (e >= G * B) return;
    int b = (int)(e % B);
    long idx = e / B;
    int i = (int)(idx % nR), j = (int)(idx / nR);
    if (i == nR - 1 || j == 0 || j == nZ - 1) { nOut[e] = 0; return; }
    double third = dt / 3;
    if (i == 0) { nOut[e] = nIn[e] + third * src[e]; return; }
    const double* tables = coef + (long)model[b] * 2 * TERMS * G;
    long rowB = (long)nR * B;   // one z-row up/down in the interleaved layout
    double cross = nIn[e + rowB + B] - nIn[e - rowB + B] - nIn[e + rowB - B] + nIn[e - rowB - B];
    double mx = coefficient(tables, G, MIXED, idx, dPerpOf[b], dAniOf[b]);
    nOut[e] = nIn[e] + dt * mx * cross + third * src[e];
}

// ---------------------------------------------------------------------------------------------
// Reductions. Stage 1: T = B*P threads, thread t has fixed entry b = t % B and strides through the
// array by T (a multiple of B), so loads are coalesced and no atomics are needed; it writes its
// partial results at [t] (i.e. [p*B + b]). Stage 2 (reduce_columns): one block per entry b.
// Two stages keep the sums deterministic (same order every run).
// ---------------------------------------------------------------------------------------------

// Change per step: max |N − Nprev|, max |N|, and the first non-finite element (+inf when none).
extern "C" __global__ void change_partial(long total, long T, const double* __restrict__ nNew,
                                          const double* __restrict__ nOld, double* diffMax, double* magMax,
                                          double* firstBad) {
    long t = (long)blockIdx.x * blockDim.x + threadIdx.x;   // T = B*P threads, a multiple of B
    if (t >= T) return;
    double diff = 0, mag = 0, bad = __longlong_as_double(0x7ff0000000000000LL);
    for (long e = t; e < total; e += T) {
        double v = nNew[e];
        if (!isfinite(v)) { if ((double)e < bad) bad = (double)e; continue; }
        diff = fmax(diff, fabs(v - nOld[e]));
        mag = fmax(mag, fabs(v));
    }
    diffMax[t] = diff; magMax[t] = mag; firstBad[t] = bad;
}

// Residual of the unsplit operator (DiscreteOperator.apply): partial Σ(LN + S)² and Σ S².
extern "C" __global__ void residual_partial(int nR, int nZ, int B, long T, const int* __restrict__ model,
                                            const double* __restrict__ dPerpOf, const double* __restrict__ dAniOf,
                                            const double* __restrict__ coef, const double* __restrict__ src,
                                            const double* __restrict__ n, double* sumR2, double* sumS2) {
    long t = (long)blockIdx.x * blockDim.x + threadIdx.x;   // T = B*P threads, a multiple of B
    if (t >= T) return;
    long G = (long)nR * nZ, total = G * B;
    int b = (int)(t % B);
    const double* tables = coef + (long)model[b] * 2 * TERMS * G;
    double dp = dPerpOf[b], da = dAniOf[b];
    long rowB = (long)nR * B;
    double r2 = 0, s2 = 0;
    for (long e = t; e < total; e += T) {
        long idx = e / B;
        int i = (int)(idx % nR), j = (int)(idx / nR);
        double ln = 0;
        if (!(i == nR - 1 || j == 0 || j == nZ - 1)) {
            ln = -(coefficient(tables, G, R_CENTRE, idx, dp, da) + coefficient(tables, G, Z_CENTRE, idx, dp, da)) * n[e]
                 + coefficient(tables, G, R_UPPER, idx, dp, da) * n[e + B]
                 + coefficient(tables, G, Z_LOWER, idx, dp, da) * n[e - rowB]
                 + coefficient(tables, G, Z_UPPER, idx, dp, da) * n[e + rowB];
            if (i > 0)
                ln += coefficient(tables, G, R_LOWER, idx, dp, da) * n[e - B]
                      + coefficient(tables, G, MIXED, idx, dp, da)
                        * (n[e + rowB + B] - n[e - rowB + B] - n[e + rowB - B] + n[e - rowB - B]);
        }
        double s = src[e], r = ln + s;
        r2 += r * r;
        s2 += s * s;
    }
    sumR2[t] = r2; sumS2[t] = s2;
}

// Stage 2: out[b] = op over p of partial[p*B + b]; op 0 = sum, 1 = max, 2 = min. blockDim 256.
extern "C" __global__ void reduce_columns(const double* __restrict__ partial, int B, int P, int op, double* out) {
    __shared__ double acc[256];
    int b = blockIdx.x;
    if (b >= B) return;   // the whole block: the host launches exactly B blocks of 256 (GpuRuntime checks the 256)
    double init = op == 0 ? 0.0 : (op == 1 ? -__longlong_as_double(0x7ff0000000000000LL)
                                           : __longlong_as_double(0x7ff0000000000000LL));
    double v = init;
    for (int p = threadIdx.x; p < P; p += blockDim.x) {
        double x = partial[(long)p * B + b];
        v = op == 0 ? v + x : (op == 1 ? fmax(v, x) : fmin(v, x));
    }
    acc[threadIdx.x] = v;
    __syncthreads();
    for (int s = blockDim.x / 2; s > 0; s >>= 1) {
        if (threadIdx.x < s) {
            double o = acc[threadIdx.x + s];
            acc[threadIdx.x] = op == 0 ? acc[threadIdx.x] + o : (op == 1 ? fmax(acc[threadIdx.x], o) : fmin(acc[threadIdx.x], o));
        }
        __syncthreads();
    }
    if (threadIdx.x == 0) out[b] = acc[0];
}

// ---------------------------------------------------------------------------------------------
// Steady state (issue 6, GPU half): L N + S = 0 solved exactly for a batch of systems (model ×
// momentum bin), ONE THREAD BLOCK PER SYSTEM, by banded LU with partial pivoting in LAPACK dgbtf2
// order followed by the two triangular solves. It is the device twin of
// org.anisocr.solver.steady.DirectSteadySolver → BandedFactorisation → BandedLu:
//  * unknowns = non-Dirichlet nodes i = 0..nR−2, j = 1..nZ−2, numbered along the SHORTER grid
//    direction first (BandedFactorisation.unknown), kl = ku = min(nR−1, nZ−2) + 1;
//  * band column-major with fill-in room: A(r, c) at band[kv + r − c + c·ld], kv = kl + ku,
//    ld = 2kl + ku + 1 (BandedLu.at);
//  * the matrix is −L of PaperSteadyOperator.matrix(k) (the ONLY duplicated numerics, forced by the
//    kernel language; keep in step with PaperSteadyOperator and BandedFactorisation): per row (i, j)
//      centre  rCentre + zCentre          R+1   −rUpper
//      z−1     −zLower                    z+1   −zUpper
//      and for i > 0 only: R−1 −rLower, (R+1,z+1) −mixed, (R+1,z−1) +mixed, (R−1,z+1) +mixed,
//      (R−1,z−1) −mixed;
//    couplings to Dirichlet / outside nodes dropped and zero values not stored (clearBoundaries,
//    "v != 0"); each coefficient = D⊥·iso + (D∥−D⊥)·ani (coefficient(), as BinStencil).
//  * every band element receives the same operations in the same order as in BandedLu (pivot = first
//    largest |a| in the column, row swap over columns j..ju, column scaled by 1/pivot, rank-1 update
//    skipping zero row entries), and with -fmad=false the factors and the solution are bitwise those
//    of the Java reference (checked by kernels/emu).
// Threads of the block share each column step: a max-reduction for the pivot (shared memory, ties →
// lowest row, i.e. Java's strict ">"), then the swap + scaling, then the (ju−j)×km update in parallel.
// Memory per system: band ld·n doubles + pivots n ints + work n doubles (host chunks the batch).
// Launch: grid.x = systems in this chunk (entry = first + blockIdx.x), blockDim.x = power of two
// ≤ STEADY_MAX_BLOCK = 256; dynamic shared memory only for the _shm variant (below). src / nOut use the interleaved layout
// [idx*B + b] of the split-step kernels, so residual_partial applies to nOut unchanged.
// ---------------------------------------------------------------------------------------------
// Threads per block of the steady kernels: a power of two <= 256. The pivot reduction's static shared
// arrays are sized for 256 (5 KB), so that two blocks of steady_band_lu_shm (105.6 KB window each at
// 201×81) fit in one H100 SM's 228 KB.
#define STEADY_MAX_BLOCK 256

__device__ __forceinline__ int steady_unknown(int i, int j, int nI, int nJ, bool radialFastest) {
    int jj = j - 1;
    if (i < 0 || i >= nI || jj < 0 || jj >= nJ) return -1;
    return radialFastest ? jj * nI + i : i * nJ + jj;
}

// The geometry of one system's band and where its data live; the same for both factor kernels.
struct SteadySystem {
    int nR, nZ, nI, nJ, n, kl, ku, kv, ld, e, B;
    bool radialFastest;
    long G;
    double* band;
    int* pivot;
    double* x;
    const double* tables;
    double dp, da;
    __device__ double& ab(int r, int c) const { return band[(long)kv + r - c + (long)c * ld]; }
};

__device__ SteadySystem steady_system(int nR, int nZ, int B, int first, const int* model, const double* dPerpOf,
                                      const double* dAniOf, const double* coef, double* bandAll, int* pivotAll, double* workAll) {
    SteadySystem s;
    s.nR = nR; s.nZ = nZ; s.B = B;
    s.e = first + blockIdx.x;                 // batch entry (system)
    s.nI = nR - 1; s.nJ = nZ - 2;
    s.radialFastest = s.nI <= s.nJ;
    s.kl = (s.radialFastest ? s.nI : s.nJ) + 1; s.ku = s.kl; s.kv = s.kl + s.ku; s.ld = 2 * s.kl + s.ku + 1;
    s.n = s.nI * s.nJ;
    s.G = (long)nR * nZ;
    s.band = bandAll + (long)blockIdx.x * s.ld * s.n;
    s.pivot = pivotAll + (long)blockIdx.x * s.n;
    s.x = workAll + (long)blockIdx.x * s.n;
    s.tables = coef + (long)model[s.e] * 2 * TERMS * s.G;
    s.dp = dPerpOf[s.e]; s.da = dAniOf[s.e];
    return s;
}

// Zero the band, then assemble −L row by row (each row's entries written by one thread).
__device__ void steady_assemble(const SteadySystem& s) {
    const int T = blockDim.x, tid = threadIdx.x;
    for (long q = tid; q < (long)s.ld * s.n; q += T) s.band[q] = 0;
    __syncthreads();
    for (int row = tid; row < s.n; row += T) {
        int i = s.radialFastest ? row % s.nI : row / s.nJ;
        int j = (s.radialFastest ? row / s.nI : row % s.nJ) + 1;
        long idx = (long)j * s.nR + i;
        const double* tb = s.tables; long G = s.G; double dp = s.dp, da = s.da;
        double v9[9] = {0, 0, 0, 0, 0, 0, 0, 0, 0};   // L's slots (b+1)*3 + (a+1), as NinePointMatrix
        v9[4] = -(coefficient(tb, G, R_CENTRE, idx, dp, da) + coefficient(tb, G, Z_CENTRE, idx, dp, da));
        v9[5] = coefficient(tb, G, R_UPPER, idx, dp, da);
        v9[1] = coefficient(tb, G, Z_LOWER, idx, dp, da);
        v9[7] = coefficient(tb, G, Z_UPPER, idx, dp, da);
        if (i > 0) {
            v9[3] = coefficient(tb, G, R_LOWER, idx, dp, da);
            double mx = coefficient(tb, G, MIXED, idx, dp, da);
            v9[8] = mx; v9[2] = -mx; v9[6] = -mx; v9[0] = mx;
        }
        for (int bb = -1; bb <= 1; bb++)
            for (int a = -1; a <= 1; a++) {
                double v = v9[(bb + 1) * 3 + (a + 1)];
                int col = steady_unknown(i + a, j + bb, s.nI, s.nJ, s.radialFastest);
                if (col >= 0 && v != 0) s.ab(row, col) = -v;
            }
    }
    __syncthreads();
}

// Pivot search of one column: the first largest |v| among count candidates (candidate t from get(t)).
// Block-wide max-reduction in shared memory, ties → lowest t (Java's strict ">"). All threads call it.
// Returns t; *value = the candidate's signed value, *absMax its magnitude (uniform across the block).
template <class Get>
__device__ int steady_pivot(int count, Get get, double* redAbs, double* redVal, int* redIdx, double* value, double* absMax) {
    const int T = blockDim.x, tid = threadIdx.x;
    double best = -1, bestVal = 0; int bestT = 0;
    for (int t = tid; t < count; t += T) {
        double v = get(t), av = fabs(v);
        if (av > best) { best = av; bestVal = v; bestT = t; }
    }
    int P = 1;
    while (P < T && P < count) P <<= 1;       // threads >= P hold nothing
    if (tid < P) { redAbs[tid] = best; redVal[tid] = bestVal; redIdx[tid] = bestT; }
    __syncthreads();
    for (int sft = P / 2; sft > 0; sft >>= 1) {
        if (tid < sft) {
            double o = redAbs[tid + sft]; int oi = redIdx[tid + sft];
            if (o > redAbs[tid] || (o == redAbs[tid] && o >= 0 && oi < redIdx[tid])) {
                redAbs[tid] = o; redVal[tid] = redVal[tid + sft]; redIdx[tid] = oi;
            }
        }
        __syncthreads();
    }
    *value = redVal[0]; *absMax = redAbs[0];
    return redIdx[0];
}

// Right-hand side S at the unknowns, forward (L, with the interchanges) and back (U) solve on the factored
// band (BandedLu.solve), then scatter to the interleaved node layout (Dirichlet nodes 0).
__device__ void steady_gather_rhs(const SteadySystem& s, const double* src) {
    const int T = blockDim.x, tid = threadIdx.x;
    for (int row = tid; row < s.n; row += T) {
        int i = s.radialFastest ? row % s.nI : row / s.nJ;
        int j = (s.radialFastest ? row / s.nI : row % s.nJ) + 1;
        s.x[row] = src[((long)j * s.nR + i) * s.B + s.e];
    }
    __syncthreads();
}

// forward = false: the forward substitution was already done during the factorisation (steady_band_lu_shm).
__device__ void steady_solve_scatter(const SteadySystem& s, const double* src, double* nOut, bool forward = true,
                                     bool back = true) {
    const int T = blockDim.x, tid = threadIdx.x;
    const int n = s.n, kl = s.kl, kv = s.kv;
    double* x = s.x;
    if (forward) steady_gather_rhs(s, src);
    for (int j = 0; forward && j < n; j++) {
        int p = s.pivot[j];
        int km = min(kl, n - 1 - j);
        double bj = x[p], bOld = x[j];
        __syncthreads();
        if (tid == 0 && p != j) { x[j] = bj; x[p] = bOld; }
        __syncthreads();
        if (bj != 0)
            for (int t = tid; t < km; t += T) x[j + 1 + t] -= s.ab(j + 1 + t, j) * bj;
        __syncthreads();
    }
    for (int j = n - 1; back && j >= 0; j--) {
        double bj = x[j] / s.ab(j, j);
        __syncthreads();
        if (tid == 0) x[j] = bj;
        int top = max(0, j - kv);
        if (bj != 0)
            for (int r = top + tid; r < j; r += T) x[r] -= s.ab(r, j) * bj;
        __syncthreads();
    }
    for (long idx = tid; idx < s.G; idx += T) {
        int i = (int)(idx % s.nR), j = (int)(idx / s.nR);
        int row = steady_unknown(i, j, s.nI, s.nJ, s.radialFastest);
        nOut[idx * s.B + s.e] = row >= 0 ? x[row] : 0.0;
    }
}

// Global-memory variant: the factorisation works on the band in global memory (L1/L2 cached).
extern "C" __global__ void __launch_bounds__(STEADY_MAX_BLOCK) steady_band_lu(int nR, int nZ, int B, int first,
        const int* __restrict__ model, const double* __restrict__ dPerpOf, const double* __restrict__ dAniOf,
        const double* __restrict__ coef, const double* __restrict__ src,
        double* __restrict__ bandAll, int* __restrict__ pivotAll, double* __restrict__ workAll,
        double* __restrict__ nOut, int* __restrict__ status) {
    __shared__ double redAbs[STEADY_MAX_BLOCK];
    __shared__ double redVal[STEADY_MAX_BLOCK];
    __shared__ int redIdx[STEADY_MAX_BLOCK];
    __shared__ double colDiag;
    const int T = blockDim.x, tid = threadIdx.x;
    const SteadySystem s = steady_system(nR, nZ, B, first, model, dPerpOf, dAniOf, coef, bandAll, pivotAll, workAll);
    const int n = s.n, kl = s.kl, ku = s.ku;
    steady_assemble(s);

    // factor (BandedLu.factor). ju is block-uniform: every thread computes it from shared values.
    int ju = 0;
    bool singular = false;
    for (int j = 0; j < n; j++) {
        int km = min(kl, n - 1 - j);
        if (tid == 0) colDiag = s.ab(j, j);
        double pv, amax;
        int jp = steady_pivot(km + 1, [&](int t) { return s.ab(j + t, j); }, redAbs, redVal, redIdx, &pv, &amax);
        double diagOld = colDiag;
        if (amax == 0) singular = true;    // uniform; keep going so every thread meets every barrier
        ju = max(ju, min(j + ku + jp, n - 1));
        double inv = 1 / pv;
        // swap rows j and j+jp over columns j+1..ju; column j itself: pivot on the diagonal, multipliers scaled
        if (tid == 0) s.pivot[j] = j + jp;
        for (int q = tid; q < km + (jp != 0 ? ju - j : 0); q += T) {
            if (q < km) {
                int r = j + 1 + q;                  // post-swap row r of column j
                double v = (jp != 0 && r == j + jp) ? diagOld : s.ab(r, j);
                s.ab(r, j) = v * inv;
            } else {
                int c = j + 1 + (q - km);
                double tmp = s.ab(j, c); s.ab(j, c) = s.ab(j + jp, c); s.ab(j + jp, c) = tmp;
            }
        }
        if (tid == 0) s.ab(j, j) = pv;
        __syncthreads();
        // rank-1 update of rows j+1..j+km, columns j+1..ju (skip zero row entries, as BandedLu)
        long work = (long)(ju - j) * km;
        for (long q = tid; q < work; q += T) {
            int c = j + 1 + (int)(q / km), t = (int)(q % km);
            double a = s.ab(j, c);
            if (a == 0) continue;
            s.ab(j + 1 + t, c) -= s.ab(j + 1 + t, j) * a;
        }
        __syncthreads();
    }
    steady_solve_scatter(s, src, nOut);
    if (tid == 0) status[s.e] = singular ? 1 : 0;
}

// Shared-memory variant: the same operations on the same values, but the active window of the
// factorisation — rows j..j+kl × columns j..j+kv, (kl+1)(kv+1) doubles, 104 KB at 201×81 — lives in
// dynamic shared memory as a circular buffer (row r in slot r mod (kl+1), column c in slot c mod (kv+1)).
// After column j is eliminated, its row j (U) and column j (L multipliers) are written back to the band
// in global memory and their slots refilled with row j+kl+1 and column j+kv+1 of the assembled matrix
// (untouched until then). The forward substitution is fused into the elimination (the right-hand side's
// active rows j..j+kl ride along in a circular buffer of kl+1 doubles: interchange at step j, then
// x[j+1..j+km] −= l·x[j], exactly BandedLu.solve's order), so only the back substitution is left.
// Dynamic shared memory: ((kl+1)·(kv+1) + kl+1)·8 bytes (host opts in above 48 KB; needs sm_80+ at 201×81).
extern "C" __global__ void __launch_bounds__(STEADY_MAX_BLOCK) steady_band_lu_shm(int nR, int nZ, int B, int first,
        const int* __restrict__ model, const double* __restrict__ dPerpOf, const double* __restrict__ dAniOf,
        const double* __restrict__ coef, const double* __restrict__ src,
        double* __restrict__ bandAll, int* __restrict__ pivotAll, double* __restrict__ workAll,
        double* __restrict__ nOut, int* __restrict__ status) {
    extern __shared__ double shm[];
    __shared__ double redAbs[STEADY_MAX_BLOCK];
    __shared__ double redVal[STEADY_MAX_BLOCK];
    __shared__ int redIdx[STEADY_MAX_BLOCK];
    const int T = blockDim.x, tid = threadIdx.x;
    const SteadySystem s = steady_system(nR, nZ, B, first, model, dPerpOf, dAniOf, coef, bandAll, pivotAll, workAll);
    const int n = s.n, kl = s.kl, ku = s.ku, kv = s.kv;
    const int R1 = kl + 1, C1 = kv + 1;
    double* W = shm;
    double* xw = shm + R1 * C1;               // right-hand side rows j..j+kl, row r in slot r mod R1
#define WI(r, c) W[((r) % R1) * C1 + ((c) % C1)]
    steady_assemble(s);
    steady_gather_rhs(s, src);
    for (int q = tid; q < R1 * C1; q += T) {
        int r = q / C1, c = q % C1;
        WI(r, c) = (r < n && c < n) ? s.ab(r, c) : 0.0;
    }
    for (int r = tid; r < R1; r += T) xw[r] = r < n ? s.x[r] : 0.0;
    __syncthreads();

    int ju = 0;
    bool singular = false;
    for (int j = 0; j < n; j++) {
        int km = min(kl, n - 1 - j);
        double diagOld = WI(j, j);            // read by every thread before anyone writes the window
        double pv, amax;
        int jp = steady_pivot(km + 1, [&](int t) { return WI(j + t, j); }, redAbs, redVal, redIdx, &pv, &amax);
        if (amax == 0) singular = true;
        ju = max(ju, min(j + ku + jp, n - 1));
        double inv = 1 / pv;
        if (tid == 0) s.pivot[j] = j + jp;
        for (int q = tid; q < km + (jp != 0 ? ju - j : 0); q += T) {
            if (q < km) {
                int r = j + 1 + q;
                double v = (jp != 0 && r == j + jp) ? diagOld : WI(r, j);
                WI(r, j) = v * inv;
            } else {
                int c = j + 1 + (q - km);
                double tmp = WI(j, c); WI(j, c) = WI(j + jp, c); WI(j + jp, c) = tmp;
            }
        }
        if (tid == 0) {
            WI(j, j) = pv;
            if (jp != 0) { double t = xw[j % R1]; xw[j % R1] = xw[(j + jp) % R1]; xw[(j + jp) % R1] = t; }
        }
        __syncthreads();
        // forward substitution of column j (BandedLu.solve: skipped when x[j] = 0)
        {
            double bj = xw[j % R1];
            if (bj != 0)
                for (int t = tid; t < km; t += T) xw[(j + 1 + t) % R1] -= WI(j + 1 + t, j) * bj;
        }
        // (same element order as steady_band_lu: q = (c − j − 1)·km + t; slots advanced incrementally,
        // no integer division in the loop)
        if (km > 0) {
            long work = (long)(ju - j) * km;
            const int dT = T % km, dC = T / km, jR = j % R1, jC = j % C1, rBase = (j + 1) % R1;
            int t = tid % km, cOff = 1 + tid / km;            // column c = j + cOff
            for (long q = tid; q < work; q += T) {
                int rs = rBase + t; if (rs >= R1) rs -= R1;   // t < km ≤ kl < R1
                int cs = jC + cOff; if (cs >= C1) cs -= C1;   // cOff ≤ ju − j ≤ kv < C1
                double a = W[jR * C1 + cs];
                if (a != 0) W[rs * C1 + cs] -= W[rs * C1 + jC] * a;
                t += dT; cOff += dC;
                if (t >= km) { t -= km; cOff++; }
            }
        }
        __syncthreads();
        // retire row j and column j to the band, refill their slots (each cell read, then written, by one thread)
        for (int q = tid; q < C1 + kl; q += T) {
            if (q < C1) {                       // row slot of j: column c = j + q
                int c = j + q;
                double v = WI(j, c);
                if (c < n) s.ab(j, c) = v;
                int r2 = j + R1, c2 = q == 0 ? j + C1 : c;
                WI(j, c) = (r2 < n && c2 < n) ? s.ab(r2, c2) : 0.0;
                if (q == 0) {                   // right-hand side: retire x[j], bring in x[j+kl+1]
                    s.x[j] = xw[j % R1];
                    xw[j % R1] = r2 < n ? s.x[r2] : 0.0;
                }
            } else {                            // column slot of j: row r = j+1..j+kl
                int r = j + 1 + (q - C1);
                double v = WI(r, j);
                if (r < n) s.ab(r, j) = v;
                int c2 = j + C1;
                WI(r, j) = (r < n && c2 < n) ? s.ab(r, c2) : 0.0;
            }
        }
        __syncthreads();
    }
#undef WI
    // Back substitution (BandedLu.solve, same operations and order). When one thread per row of a U column
    // is available (T >= kv), the active rows j−kv..j of x live in a circular shared buffer of kv+1 slots
    // (the window's memory, free now) and each step's global operands — U column j, its diagonal, and the
    // row x[j−kv−1] that enters the window — are loaded one step ahead into registers, so a step costs two
    // barriers rather than a dependent global round trip. Otherwise the plain loop of steady_solve_scatter.
    bool fastBack = T >= kv;
    if (fastBack) {
        double* xs = W;                       // row r in slot r mod C1
        for (int q = tid; q < C1; q += T) { int r = n - 1 - q; if (r >= 0) xs[r % C1] = s.x[r]; }
        int j = n - 1, r = j - 1 - tid;       // this thread's row of U column j: r = j−1−tid ≥ max(0, j−kv)
        double u = (tid < kv && r >= 0) ? s.ab(r, j) : 0.0;
        double d = s.ab(j, j);
        double xin = (tid == 0 && j - C1 >= 0) ? s.x[j - C1] : 0.0;
        __syncthreads();
        for (; j >= 0; j--) {
            int jn = j - 1, rn = jn - 1 - tid;
            double un = 0, dn = 1, xn = 0;
            if (jn >= 0) {
                if (tid < kv && rn >= 0) un = s.ab(rn, jn);
                dn = s.ab(jn, jn);
                if (tid == 0 && jn - C1 >= 0) xn = s.x[jn - C1];
            }
            double bj = xs[j % C1] / d;
            __syncthreads();
            if (bj != 0 && tid < kv && r >= 0) xs[r % C1] -= u * bj;
            if (tid == 0) { s.x[j] = bj; xs[j % C1] = xin; }   // row j final; row j−kv−1 takes its slot
            __syncthreads();
            u = un; d = dn; xin = xn; r = rn;
        }
    }
    steady_solve_scatter(s, src, nOut, false, !fastBack);
    if (tid == 0) status[s.e] = singular ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Batched mg-gmres (issue 13): its own file, compiled into this module (one fatbin, one module).
// ---------------------------------------------------------------------------------------------
#include "multigrid.cu"

// ---------------------------------------------------------------------------------------------
// Batched mg-gmres setup on the device (issue 13): its own file, compiled into this module.
// ---------------------------------------------------------------------------------------------
#include "multigrid_setup.cu"
