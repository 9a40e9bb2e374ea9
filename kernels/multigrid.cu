// Batched mg-gmres, solve phase (issue 13): the operations of org.anisocr.solver.MultigridBatchOps for E
// systems (models × momentum bins) on one grid, as kernels. Included at the end of anisocr.cu, so that the
// fatbin is one module (GpuRuntime loads one); reduce_columns of anisocr.cu finishes mg_dot_partial.
//
// Conventions (org.anisocr.solver.PackedMultigrid, uploaded by org.anisocr.solver.gpu.GpuMultigridBatch):
//  * Node (i, j) of a level is idx = j*nR + i. Every array is INTERLEAVED: value of system b at node idx
//    lives at [idx*E + b]. Thread t works on system b = t % E, so neighbouring threads read neighbouring
//    addresses (coalesced) whatever the node or line they are on.
//  * Level operator L (9-point, negative centre; A = −L is what is solved): slot p = (b+1)*3 + (a+1) holds
//    the coupling to (i+a, j+b), at [(p*nodes + idx)*E + b]. Rows of Dirichlet nodes (i = nR−1, j = 0,
//    j = nZ−1) are zero, and so are couplings to Dirichlet or out-of-grid nodes: only the axis i = 0 needs
//    its own expression (no i−1 neighbour may be read there).
//  * Line factors of a level (TridiagonalLines): inv = 1/β, c = u·inv per node, same layout as a vector;
//    the lower coupling of a line is read from the stencil (slot W along R, slot S along z).
//  * Arithmetic mirrors the Java reference operation by operation (ZebraLineRelaxation.halfSweep,
//    NinePointMatrix.apply, GridTransfer, BandedLu.solve, CpuMultigridBatch.combine/scale): same association
//    order, no contraction (build.sh passes -fmad=false), so the results are bitwise equal to Java's.
//    Only the dot products sum in another order (partitions, then a tree): equal to rounding.

#define MG_SW 0
#define MG_S 1
#define MG_SE 2
#define MG_W 3
#define MG_C 4
#define MG_E 5
#define MG_NW 6
#define MG_N 7
#define MG_NE 8

// Number of lines k = first, first + 2, … below `end` (exclusive).
__device__ __forceinline__ int mg_lines(int first, int end) { return first < end ? (end - 1 - first) / 2 + 1 : 0; }

// Zebra half-sweep along R: every interior row j ≡ parity (mod 2), 1 ≤ j ≤ nZ−2 (parity 0: rows 2, 4, …;
// parity 1: rows 1, 3, …), solved exactly with rows j ± 1 held. One thread per (row, system); the right-hand
// side of a node (f plus the six couplings to rows j ± 1) is formed inside the forward elimination (fused),
// then back substitution. ZebraLineRelaxation.halfSweep, ALONG_R. inv, c: the level's line factors k = 0, 1.
extern "C" __global__ void mg_relax_r(int nR, int nZ, int E, int parity, const double* __restrict__ coef,
                                      const double* __restrict__ inv, const double* __restrict__ c,
                                      const double* __restrict__ f, double* __restrict__ x) {
    long t = (long)blockIdx.x * blockDim.x + threadIdx.x;
    int first = 1 + ((1 + parity) & 1);
    if (t >= (long)mg_lines(first, nZ - 1) * E) return;
    int b = (int)(t % E);
    int j = first + 2 * (int)(t / E);
    long NE = (long)nR * nZ * E;   // one coefficient slot
    long rowE = (long)nR * E;      // one grid row
    const double* sw = coef + MG_SW * NE + b; const double* s = coef + MG_S * NE + b; const double* se = coef + MG_SE * NE + b;
    const double* w = coef + MG_W * NE + b;
    const double* nw = coef + MG_NW * NE + b; const double* no = coef + MG_N * NE + b; const double* ne = coef + MG_NE * NE + b;
    long first_q = (long)j * nR * E;   // [idx*E] of the axis node of the row
    long q = first_q;                  // axis node: no i − 1 couplings
    double y = (f[q + b] + s[q] * x[q - rowE + b] + no[q] * x[q + rowE + b] + se[q] * x[q - rowE + E + b]
                + ne[q] * x[q + rowE + E + b]) * inv[q + b];
    x[q + b] = y;
    for (int i = 1; i < nR - 1; i++) {
        q = first_q + (long)i * E;
        double rhs = f[q + b] + s[q] * x[q - rowE + b] + no[q] * x[q + rowE + b]
                     + sw[q] * x[q - rowE - E + b] + se[q] * x[q - rowE + E + b]
                     + nw[q] * x[q + rowE - E + b] + ne[q] * x[q + rowE + E + b];
        y = (rhs + w[q] * y) * inv[q + b];
        x[q + b] = y;
    }
    // back substitution: x_i −= c_i x_{i+1}, i = nR−3 … 0 (y holds x_{i+1})
    for (int i = nR - 3; i >= 0; i--) {
        q = first_q + (long)i * E + b;
        y = x[q] - c[q] * y;
        x[q] = y;
    }
}

// Zebra half-sweep along z: every column i ≡ parity (mod 2), 0 ≤ i ≤ nR−2, solved exactly with columns i ± 1
// held. One thread per (column, system), forward over j = 1 … nZ−2 then back; threads of neighbouring columns
// and systems walk the rows together. Each node's expression is ZebraLineRelaxation.halfSweep's (ALONG_Z):
// the axis column has no i − 1 terms, row 1 no lower term. inv, c: the level's line factors k = 2, 3.
extern "C" __global__ void mg_relax_z(int nR, int nZ, int E, int parity, const double* __restrict__ coef,
                                      const double* __restrict__ inv, const double* __restrict__ c,
                                      const double* __restrict__ f, double* __restrict__ x) {
    long t = (long)blockIdx.x * blockDim.x + threadIdx.x;
    if (t >= (long)mg_lines(parity, nR - 1) * E) return;
    int b = (int)(t % E);
    int i = parity + 2 * (int)(t / E);
    long NE = (long)nR * nZ * E;
    long rowE = (long)nR * E;
    const double* sw = coef + MG_SW * NE + b; const double* s = coef + MG_S * NE + b; const double* se = coef + MG_SE * NE + b;
    const double* w = coef + MG_W * NE + b; const double* e = coef + MG_E * NE + b;
    const double* nw = coef + MG_NW * NE + b; const double* ne = coef + MG_NE * NE + b;   // slot N is in the line factors
    double y = 0;   // x of the node below (the forward result of row j − 1)
    if (i == 0) {   // axis line
        for (int j = 1; j < nZ - 1; j++) {
            long q = ((long)j * nR) * E;
            double rhs = f[q + b] + e[q] * x[q + E + b] + se[q] * x[q - rowE + E + b] + ne[q] * x[q + rowE + E + b];
            y = (rhs + (j > 1 ? s[q] * y : 0.0)) * inv[q + b];
            x[q + b] = y;
        }
    } else {
        for (int j = 1; j < nZ - 1; j++) {
            long q = ((long)j * nR + i) * E;
            double sum = f[q + b] + w[q] * x[q - E + b] + e[q] * x[q + E + b]
                         + sw[q] * x[q - rowE - E + b] + se[q] * x[q - rowE + E + b]
                         + nw[q] * x[q + rowE - E + b] + ne[q] * x[q + rowE + E + b];
            if (j > 1) sum = sum + s[q] * y;
            y = sum * inv[q + b];
            x[q + b] = y;
        }
    }
    // back substitution: x_j −= c_j x_{j+1}, j = nZ−3 … 1 (y holds x_{j+1})
    for (int j = nZ - 3; j >= 1; j--) {
        long q = ((long)j * nR + i) * E + b;
        y = x[q] - c[q] * y;
        x[q] = y;
    }
}

// Zebra half-sweep by parallel cyclic reduction, for batches too small to fill the device with one thread per line
// (one model: E = 33 bins, ~40 lines of a parity on 201×81): one thread BLOCK per (line of the parity, system), one
// thread per unknown of the line. dir 0: R-lines (rows j ≡ parity as mg_relax_r, unknowns i = 0 … nR−2); dir 1: z-lines
// (columns i ≡ parity as mg_relax_z, unknowns j = 1 … nZ−2). Each thread forms its node's right-hand side (f plus the
// couplings to the other lines times their current x: ZebraLineRelaxation.lineRightHandSides, same terms and order)
// and its row of the line matrix −L restricted to the line (diagonal −centre; lower −W / −S, upper −E / −N, zero at
// the line ends); pcr_solve (anisocr.cu) solves it in shared memory in log2(unknowns) steps. Another elimination order
// than Thomas (mg_relax_r/z): equal to the Java reference to rounding, not bitwise. The neighbouring lines have the other
// parity, so nothing this launch writes is read by it; the __syncthreads between building and solving keeps the
// reads of x before the writes anyway (as sweep_pcr). Launch: grid lines·E blocks (line-major: block = line·E + b),
// block = the next power of two ≥ unknowns (≤ 1024), dynamic shared memory 4·block doubles.
extern "C" __global__ void __launch_bounds__(1024) mg_relax_pcr(int dir, int nR, int nZ, int E, int parity,
                                                                const double* __restrict__ coef,
                                                                const double* __restrict__ f, double* x) {
    extern __shared__ double shm[];
    int P = blockDim.x;
    double *a = shm, *bd = shm + P, *c = shm + 2 * P, *d = shm + 3 * P;
    // A block beyond the half-sweep's lines returns at once (the whole block, so no __syncthreads is left waiting):
    // with no line of this parity (nZ = 3 keeps one interior row) it would read past x and write a boundary row.
    int firstLine = dir == 0 ? 1 + ((1 + parity) & 1) : parity;
    if (blockIdx.x >= (long)mg_lines(firstLine, dir == 0 ? nZ - 1 : nR - 1) * E) return;
    int b = (int)(blockIdx.x % E);
    int line = (int)(blockIdx.x / E);
    long NE = (long)nR * nZ * E, rowE = (long)nR * E;
    int m, lo, up;
    long first, step;   // node index of the line's first unknown, and between unknowns
    if (dir == 0) { m = nR - 1; first = (long)(1 + ((1 + parity) & 1) + 2 * line) * nR; step = 1; lo = MG_W; up = MG_E; }
    else { m = nZ - 2; first = (long)nR + parity + 2 * line; step = nR; lo = MG_S; up = MG_N; }
    int k = threadIdx.x;
    if (k < m) {
        long idx = first + k * step;
        long q = idx * E;          // slot offset of the node; + b for this system
        long t = q + b;            // the node of this system in a vector
        const double* cf = coef + b;
        bool axis = idx % nR == 0;   // i = 0: no i − 1 couplings
        double rhs;
        if (dir == 0)
            rhs = axis ? f[t] + cf[MG_S * NE + q] * x[t - rowE] + cf[MG_N * NE + q] * x[t + rowE]
                         + cf[MG_SE * NE + q] * x[t - rowE + E] + cf[MG_NE * NE + q] * x[t + rowE + E]
                       : f[t] + cf[MG_S * NE + q] * x[t - rowE] + cf[MG_N * NE + q] * x[t + rowE]
                         + cf[MG_SW * NE + q] * x[t - rowE - E] + cf[MG_SE * NE + q] * x[t - rowE + E]
                         + cf[MG_NW * NE + q] * x[t + rowE - E] + cf[MG_NE * NE + q] * x[t + rowE + E];
        else
            rhs = axis ? f[t] + cf[MG_E * NE + q] * x[t + E] + cf[MG_SE * NE + q] * x[t - rowE + E]
                         + cf[MG_NE * NE + q] * x[t + rowE + E]
                       : f[t] + cf[MG_W * NE + q] * x[t - E] + cf[MG_E * NE + q] * x[t + E]
                         + cf[MG_SW * NE + q] * x[t - rowE - E] + cf[MG_SE * NE + q] * x[t - rowE + E]
                         + cf[MG_NW * NE + q] * x[t + rowE - E] + cf[MG_NE * NE + q] * x[t + rowE + E];
        a[k] = k > 0 ? -cf[lo * NE + q] : 0;
        bd[k] = -cf[MG_C * NE + q];
        c[k] = k < m - 1 ? -cf[up * NE + q] : 0;
        d[k] = rhs;
    }
    __syncthreads();   // every read of x before any write of the line
    pcr_solve(m, a, bd, c, d);
    if (k < m) x[(first + k * step) * E + b] = d[k] / bd[k];
}

// out = alpha·(L x) + beta·f per node (f is not read when beta == 0), L x in NinePointMatrix.apply's order and
// 0 on Dirichlet nodes. The residual r = f + L x is alpha = beta = 1 (1·a + 1·f rounds as a + f); the GMRES
// product A z = −L z is alpha = −1, beta = 0 (−1·a = −a). On Dirichlet nodes out = alpha·0 + beta·f, as Java's
// apply-then-add (0 where f is 0, which every vector of the solve is there).
extern "C" __global__ void mg_stencil(int nR, int nZ, int E, const double* __restrict__ coef, double alpha,
                                      const double* __restrict__ x, double beta, const double* __restrict__ f,
                                      double* __restrict__ out) {
    long t = (long)blockIdx.x * blockDim.x + threadIdx.x;
    long nodes = (long)nR * nZ;
    if (t >= nodes * E) return;
    long idx = t / E;
    int i = (int)(idx % nR), j = (int)(idx / nR);
    int b = (int)(t % E);
    long NE = nodes * E, rowE = (long)nR * E;
    long q = idx * E;   // slot offset of the node; + b for this system
    double lx = 0;
    if (!(j == 0 || j == nZ - 1 || i == nR - 1)) {
        const double* cf = coef + b;
        if (i == 0)     // axis node: no i − 1 neighbours
            lx = cf[MG_C * NE + q] * x[t] + cf[MG_E * NE + q] * x[t + E] + cf[MG_S * NE + q] * x[t - rowE]
                 + cf[MG_N * NE + q] * x[t + rowE] + cf[MG_SE * NE + q] * x[t - rowE + E] + cf[MG_NE * NE + q] * x[t + rowE + E];
        else
            lx = cf[MG_C * NE + q] * x[t] + cf[MG_W * NE + q] * x[t - E] + cf[MG_E * NE + q] * x[t + E]
                 + cf[MG_S * NE + q] * x[t - rowE] + cf[MG_N * NE + q] * x[t + rowE]
                 + cf[MG_SW * NE + q] * x[t - rowE - E] + cf[MG_SE * NE + q] * x[t - rowE + E]
                 + cf[MG_NW * NE + q] * x[t + rowE - E] + cf[MG_NE * NE + q] * x[t + rowE + E];
    }
    out[t] = beta == 0 ? alpha * lx : alpha * lx + beta * f[t];
}

// fc = Pᵀ rf (GridTransfer.restrict): coarse node (I, J) sums the fine 3×3 neighbourhood of (2I, 2J) with weights
// 1, ½, ¼ (1×3 or 3×1 where a direction is not coarsened: semi-coarsening), in Java's loop order; 0 on coarse
// Dirichlet nodes. One thread per (coarse node, system).
extern "C" __global__ void mg_restrict(int nRf, int nZf, int nRc, int nZc, int coarsenR, int coarsenZ, int E,
                                       const double* __restrict__ rf, double* __restrict__ fc) {
    long t = (long)blockIdx.x * blockDim.x + threadIdx.x;
    if (t >= (long)nRc * nZc * E) return;
    long idx = t / E;
    int ic = (int)(idx % nRc), jc = (int)(idx / nRc);
    int b = (int)(t % E);
    if (jc == 0 || jc == nZc - 1 || ic == nRc - 1) { fc[t] = 0; return; }
    int sR = coarsenR ? 2 : 1, sZ = coarsenZ ? 2 : 1;
    int hR = coarsenR ? 1 : 0, hZ = coarsenZ ? 1 : 0;
    int jf0 = jc * sZ, if0 = ic * sR;
    double sum = 0;
    for (int dj = -hZ; dj <= hZ; dj++) {
        int jf = jf0 + dj;
        double wz = dj == 0 ? 1.0 : 0.5;
        long rowF = (long)jf * nRf;
        for (int di = -hR; di <= hR; di++) {
            int iff = if0 + di;
            if (iff < 0 || iff >= nRf) continue;
            sum += wz * (di == 0 ? 1.0 : 0.5) * rf[(rowF + iff) * E + b];
        }
    }
    fc[t] = sum;
}

// xf += P xc (GridTransfer.prolongAdd, bilinear) on the fine non-Dirichlet nodes. One thread per (fine node, system).
extern "C" __global__ void mg_prolong_add(int nRf, int nZf, int nRc, int nZc, int coarsenR, int coarsenZ, int E,
                                          const double* __restrict__ xc, double* __restrict__ xf) {
    long t = (long)blockIdx.x * blockDim.x + threadIdx.x;
    if (t >= (long)nRf * nZf * E) return;
    long idx = t / E;
    int iff = (int)(idx % nRf), jf = (int)(idx / nRf);
    int b = (int)(t % E);
    if (jf == 0 || jf == nZf - 1 || iff == nRf - 1) return;
    int j0, j1;
    double wz0, wz1;
    if (!coarsenZ) { j0 = jf; j1 = jf; wz0 = 1; wz1 = 0; }
    else if (jf % 2 == 0) { j0 = jf / 2; j1 = j0; wz0 = 1; wz1 = 0; }
    else { j0 = (jf - 1) / 2; j1 = j0 + 1; wz0 = 0.5; wz1 = 0.5; }
    long row0 = (long)j0 * nRc, row1 = (long)j1 * nRc;
    double v;
    if (!coarsenR) v = wz0 * xc[(row0 + iff) * E + b] + wz1 * xc[(row1 + iff) * E + b];
    else if (iff % 2 == 0) {
        int ic = iff / 2;
        v = wz0 * xc[(row0 + ic) * E + b] + wz1 * xc[(row1 + ic) * E + b];
    } else {
        int ic = (iff - 1) / 2;
        v = 0.5 * (wz0 * (xc[(row0 + ic) * E + b] + xc[(row0 + ic + 1) * E + b])
                   + wz1 * (xc[(row1 + ic) * E + b] + xc[(row1 + ic + 1) * E + b]));
    }
    xf[t] += v;
}

// x = A⁻¹ f on the coarsest level: BandedFactorisation.solve with the exact factors (BandedLu.solve(double[])).
// One thread per system (the coarsest grid has ≤ 600 nodes). The unknowns (nodes i = 0..nR−2, j = 1..nZ−2)
// are gathered into work (n values a system, interleaved: [u*E + b]) in BandedFactorisation's numbering,
// solved in place (forward elimination with the row interchanges, back substitution, LAPACK dgbtrs order,
// skipping zero multipliers as Java does), and scattered; x = 0 on every other node. f and x may be the same.
// Band: A(row, col) at [(kv + row − col + col*ld)*E + b], kv = kl + ku, ld = 2 kl + ku + 1; pivot of step j at [j*E + b].
extern "C" __global__ void mg_coarsest_solve(int nR, int nZ, int n, int kl, int ku, int radialFastest, int E,
                                             const double* __restrict__ band, const int* __restrict__ pivot,
                                             const double* f, double* x, double* __restrict__ work) {
    long t = (long)blockIdx.x * blockDim.x + threadIdx.x;
    if (t >= E) return;
    int b = (int)t;
    int nI = nR - 1, nJ = nZ - 2;
    int kv = kl + ku, ld = 2 * kl + ku + 1;
    double* v = work + b;   // v[u*E] = unknown u of this system
    for (int j = 1; j <= nJ; j++)
        for (int i = 0; i < nI; i++) {
            long u = radialFastest ? (long)(j - 1) * nI + i : (long)i * nJ + (j - 1);
            v[u * E] = f[((long)j * nR + i) * E + b];
        }
    const double* ab = band + b;
    for (int j = 0; j < n; j++) {
        int p = pivot[(long)j * E + b];
        if (p != j) { double tmp = v[(long)j * E]; v[(long)j * E] = v[(long)p * E]; v[(long)p * E] = tmp; }
        int km = min(kl, n - 1 - j);
        double bj = v[(long)j * E];
        if (bj == 0) continue;
        long col = kv + 1 + (long)j * ld;   // A(j + 1, j)
        for (int r = 0; r < km; r++) v[(long)(j + 1 + r) * E] -= ab[(col + r) * E] * bj;
    }
    for (int j = n - 1; j >= 0; j--) {
        v[(long)j * E] /= ab[(kv + (long)j * ld) * E];
        double bj = v[(long)j * E];
        if (bj == 0) continue;
        int top = max(0, j - kv);
        long base = kv + top - j + (long)j * ld;   // A(top, j)
        for (int r = top; r < j; r++) v[(long)r * E] -= ab[(base + (r - top)) * E] * bj;
    }
    long nodes = (long)nR * nZ;
    for (long idx = 0; idx < nodes; idx++) x[idx * E + b] = 0;
    for (int j = 1; j <= nJ; j++)
        for (int i = 0; i < nI; i++) {
            long u = radialFastest ? (long)(j - 1) * nI + i : (long)i * nJ + (j - 1);
            x[((long)j * nR + i) * E + b] = v[u * E];
        }
}

// Dot products ⟨basis_i, w⟩ of every system, stage 1: basis = count vectors of nodes*E values back to back.
// Thread t < count*P*E takes column col = t % (count*E) = i*E + b and partition p = t / (count*E), and sums
// basis_i[idx*E + b]·w[idx*E + b] over the nodes idx ≡ p (mod P) in ascending order into
// partial[p*(count*E) + col]. Stage 2: reduce_columns(partial, count*E, P, 0, out) → out[i*E + b].
// Deterministic (fixed order), but not Java's sequential order: equal to rounding.
extern "C" __global__ void mg_dot_partial(long nodes, int E, int count, int P, const double* __restrict__ basis,
                                          const double* __restrict__ w, double* __restrict__ partial) {
    long t = (long)blockIdx.x * blockDim.x + threadIdx.x;
    long cols = (long)count * E;
    if (t >= cols * P) return;
    long col = t % cols;
    long p = t / cols;
    int i = (int)(col / E), b = (int)(col % E);
    const double* v = basis + (long)i * nodes * E + b;
    const double* u = w + b;
    double sum = 0;
    for (long idx = p; idx < nodes; idx += P) sum += v[idx * E] * u[idx * E];
    partial[t] = sum;
}

// y += Σ_{i<count} coeff[i*E + b]·basis_i (total = nodes*E values a vector, b = q % E): the sum starts at y and
// adds the terms in ascending i, as CpuMultigridBatch.combine.
extern "C" __global__ void mg_combine(long total, int E, int count, const double* __restrict__ basis,
                                      const double* __restrict__ coeff, double* __restrict__ y) {
    long q = (long)blockIdx.x * blockDim.x + threadIdx.x;
    if (q >= total) return;
    int b = (int)(q % E);
    double sum = y[q];
    for (int i = 0; i < count; i++) sum += coeff[(long)i * E + b] * basis[(long)i * total + q];
    y[q] = sum;
}

// x[q] *= s[q % E] (total = nodes*E).
extern "C" __global__ void mg_scale(long total, int E, const double* __restrict__ s, double* __restrict__ x) {
    long q = (long)blockIdx.x * blockDim.x + threadIdx.x;
    if (q >= total) return;
    x[q] *= s[q % E];
}
