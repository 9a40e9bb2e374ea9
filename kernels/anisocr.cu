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
