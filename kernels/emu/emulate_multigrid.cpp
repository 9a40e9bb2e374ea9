// Runs the batched mg-gmres kernels of kernels/multigrid.cu (mg_*, plus reduce_columns) as plain C++ on the
// hierarchies and inputs exported by MultigridEmulationExport, and compares every operation with the Java
// reference (CpuMultigridBatch): relaxation, residual, A·z, restriction, prolongation, coarsest solve, combine
// and scale must agree bit for bit (the kernels mirror Java's operation order and are built without FMA); the
// dot products (summed in partitions, then a tree) to 1e-13 relative. With "pcr": also mg_relax_pcr (parallel cyclic
// reduction, threaded launch with __syncthreads) in both directions and parities on every smoothed level, against the
// same Java relaxation to 1e-13 relative per system (max norm): another elimination order, equal to rounding.
// Usage: emulate_multigrid FILE [BLOCK] [pcr]
//        emulate_multigrid zero-lines   (line kernels launched with no line, or a block beyond their lines)
#include "prelude.h"
#include "anisocr_emu.cu.inc"
#include "emu_input.h"
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

static bool allOk = true;

// Compares a device result with the Java one: max |diff| / max |ref| and the number of values not bitwise equal.
struct Compare {
    double worst = 0;
    long unequal = 0, values = 0;
    void add(const std::vector<double>& got, const std::vector<double>& ref) {
        double d = 0, m = 0;
        for (size_t q = 0; q < ref.size(); q++) {
            d = std::max(d, std::fabs(got[q] - ref[q]));
            m = std::max(m, std::fabs(ref[q]));
            if (std::memcmp(&got[q], &ref[q], 8) != 0) unequal++;   // bit patterns: −0 ≠ +0
        }
        values += (long)ref.size();
        worst = std::max(worst, m > 0 ? d / m : d);
    }
    // the same, but the relative difference of each system (values [idx*E + b]) on its own: max over b of
    // max_idx |diff| / max_idx |ref|
    void addPerSystem(const std::vector<double>& got, const std::vector<double>& ref, int E) {
        for (int b = 0; b < E; b++) {
            double d = 0, m = 0;
            for (size_t q = b; q < ref.size(); q += E) {
                d = std::max(d, std::fabs(got[q] - ref[q]));
                m = std::max(m, std::fabs(ref[q]));
                if (std::memcmp(&got[q], &ref[q], 8) != 0) unequal++;
            }
            worst = std::max(worst, m > 0 ? d / m : d);
        }
        values += (long)ref.size();
    }
    void report(const char* what, double tolerance) {
        if (values == 0) return;   // an operation of the smoothed levels on a one-level hierarchy
        bool ok = worst <= tolerance && (tolerance > 0 || unequal == 0);
        printf("%-22s max rel diff vs Java %.3e (%ld of %ld values not bitwise equal)\n%s\n", what, worst, unequal, values,
               ok ? "OK" : "MISMATCH");
        allOk = allOk && ok;
    }
};

// The host's launch arithmetic (LaunchRules.blocks): blocks covering the threads, none for no thread.
static long javaBlocks(long threads, int block) { return (threads + block - 1) / block; }
static int javaLineCount(int first, int end) { return first < end ? (end - 1 - first) / 2 + 1 : 0; }

// Line kernels run with no line to solve, or with a block beyond their last line, must leave every value as it was.
// A half-sweep without lines (GpuMultigridBatch.relax on a 401×3-like grid, rows 2, 4, … below nZ − 1 = 2: none) is
// launched once as the host launches it now (0 blocks) and once with the one block the host used to force
// (Math.max(blocks, 1)), so that the kernels' own guard is what keeps x unchanged; the arrays are sized exactly, so the
// sanitized build (EMU_SANITIZE=1) reports any read past them. sweep_pcr gets one block beyond its B·(nZ − 2) lines.
static int zeroLines() {
    bool ok = true;
    auto fillValues = [](std::vector<double>& v, double scale) {
        for (size_t q = 0; q < v.size(); q++) v[q] = scale * (0.25 + 0.5 * std::sin(0.7 * q + 0.3));
    };
    struct Case { int nR, nZ, dir, parity; };
    for (Case c : {Case{9, 3, 0, 0}, Case{2, 5, 1, 1}}) {
        const int E = 3;
        long NE = (long)c.nR * c.nZ * E;
        std::vector<double> coef(9 * NE), f(NE), x(NE), lf(4 * NE);
        fillValues(coef, -1.0); fillValues(f, 1.0); fillValues(x, 2.0); fillValues(lf, 0.5);
        int first = c.dir == 0 ? 1 + ((1 + c.parity) & 1) : c.parity;
        int lines = c.dir == 0 ? javaLineCount(first, c.nZ - 1) : javaLineCount(first, c.nR - 1);
        int m = c.dir == 0 ? c.nR - 1 : c.nZ - 2, pb = 32;
        while (pb < m) pb <<= 1;
        long changed = 0;
        for (int forced = 0; forced < 2; forced++) {
            long pcrBlocks = javaBlocks((long)lines * E * pb, pb), thomasBlocks = javaBlocks((long)lines * E, 128);
            if (forced) { pcrBlocks = std::max(pcrBlocks, 1L); thomasBlocks = std::max(thomasBlocks, 1L); }
            std::vector<double> y = x, z = x;
            g_shm.assign(4 * pb, 0.0);
            launch_blocks(pcrBlocks, pb, true, [&] { mg_relax_pcr(c.dir, c.nR, c.nZ, E, c.parity, coef.data(), f.data(), y.data()); });
            launch_blocks(thomasBlocks, 128, false, [&] {
                if (c.dir == 0) mg_relax_r(c.nR, c.nZ, E, c.parity, coef.data(), lf.data(), lf.data() + NE, f.data(), z.data());
                else mg_relax_z(c.nR, c.nZ, E, c.parity, coef.data(), lf.data() + 2 * NE, lf.data() + 3 * NE, f.data(), z.data());
            });
            for (long q = 0; q < NE; q++) changed += (std::memcmp(&y[q], &x[q], 8) != 0) + (std::memcmp(&z[q], &x[q], 8) != 0);
        }
        printf("zero-line half-sweep %dx%d along %s parity %d: %d lines, host launch %ld blocks; values changed %ld\n%s\n", c.nR, c.nZ,
               c.dir == 0 ? "R" : "z", c.parity, lines, javaBlocks((long)lines * E, 128), changed, changed == 0 && lines == 0 ? "OK" : "MISMATCH");
        ok = ok && changed == 0 && lines == 0;
    }
    // sweep_pcr (split step): one block beyond the lines changes nothing
    const int nR = 9, nZ = 6, B = 2, TABLE = 14;
    long G = (long)nR * nZ;
    std::vector<int> model(B, 0);
    std::vector<double> dp(B, 0.01), da(B, 0.02), coef(TABLE * G), src(G * B), n(G * B);
    fillValues(coef, 1.0); fillValues(src, 1.0); fillValues(n, 1.0);
    long changed = 0;
    for (int dir = 0; dir < 2; dir++) {
        int m = dir == 0 ? nR - 1 : nZ - 2, pb = 32;
        while (pb < m) pb <<= 1;
        long lines = (long)B * (dir == 0 ? nZ - 2 : nR - 1);
        std::vector<double> exact = n, extra = n;
        g_shm.assign(4 * pb, 0.0);
        launch_blocks(lines, pb, true, [&] { sweep_pcr(dir, nR, nZ, B, 0.1, model.data(), dp.data(), da.data(), coef.data(), src.data(), exact.data()); });
        launch_blocks(lines + 1, pb, true, [&] { sweep_pcr(dir, nR, nZ, B, 0.1, model.data(), dp.data(), da.data(), coef.data(), src.data(), extra.data()); });
        for (long q = 0; q < G * B; q++) changed += std::memcmp(&exact[q], &extra[q], 8) != 0;
    }
    printf("sweep_pcr with one block beyond its lines (both directions): values differing from the exact launch %ld\n%s\n", changed,
           changed == 0 ? "OK" : "MISMATCH");
    ok = ok && changed == 0;
    return ok ? 0 : 1;
}

int main(int argc, char** argv) {
    if (argc > 1 && std::string(argv[1]) == "zero-lines") return zeroLines();
    in = fopen(argv[1], "rb");
    if (!in) { perror(argv[1]); return 2; }
    int block = argc > 2 ? atoi(argv[2]) : 128;
    bool pcr = argc > 3 && std::string(argv[3]) == "pcr";
    int E = readInt(), L = readInt();
    std::vector<int> nR(L), nZ(L), cR(L), cZ(L);
    for (int k = 0; k < L; k++) { nR[k] = readInt(); nZ[k] = readInt(); cR[k] = readInt(); cZ[k] = readInt(); }
    int n = readInt(), kl = readInt(), ku = readInt(), radialFastest = readInt(), bandLength = readInt();
    std::vector<std::vector<double>> coef(L), lines(L);
    auto nodes = [&](int k) { return (long)nR[k] * nZ[k]; };
    for (int k = 0; k < L; k++) {
        coef[k] = readVec<double>(9 * nodes(k) * E);
        lines[k] = readVec<double>(k < L - 1 ? 4 * nodes(k) * E : 0);
    }
    std::vector<double> band = readVec<double>((long)bandLength * E);
    std::vector<int> pivot = readVec<int>((long)n * E);
    long swaps = 0;   // row interchanges of the coarsest LU: shows the pivoting path of the solve is exercised
    for (long j = 0; j < (long)n * E; j++) swaps += pivot[j] != j / E;
    printf("mg %dx%d, %d levels, %d systems, coarsest %d unknowns (kl %d, %s first, %ld row interchanges), block %d\n", nR[0], nZ[0],
           L, E, n, kl, radialFastest ? "R" : "z", swaps, block);

    // the per-level inputs and Java outputs, in MultigridEmulationExport's order
    struct LevelData { std::vector<double> f, x, relax[4], residual, restricted, prolonged, solved; };
    std::vector<LevelData> d(L);
    for (int k = 0; k < L; k++) {
        long NE = nodes(k) * E;
        d[k].f = readVec<double>(NE);
        d[k].x = readVec<double>(NE);
        if (k < L - 1) {
            for (auto& r : d[k].relax) r = readVec<double>(NE);
            d[k].residual = readVec<double>(NE);
            d[k].restricted = readVec<double>(nodes(k + 1) * E);
            d[k].prolonged = readVec<double>(NE);
        } else {
            d[k].solved = readVec<double>(NE);
        }
    }
    long NE = nodes(0) * E;
    const int count = 3;
    std::vector<double> refA = readVec<double>(NE), basis = readVec<double>(count * NE), refDots = readVec<double>(count * E);
    std::vector<double> coeff = readVec<double>(count * E), refCombine = readVec<double>(NE);
    std::vector<double> factors = readVec<double>(E), refScale = readVec<double>(NE);
    if (fgetc(in) != EOF) { fprintf(stderr, "file longer than expected: format mismatch\n"); return 2; }
    fclose(in);

    Compare relaxR, relaxZ, pcrR, pcrZ, residual, restrictC, prolong, coarsest;
    for (int k = 0; k < L; k++) {
        long NE = nodes(k) * E;
        const std::vector<double>& f = d[k].f;
        const std::vector<double>& x = d[k].x;
        if (k < L - 1) {
            const double* lf = lines[k].data();
            for (int alongR = 1, slot = 0; alongR >= 0; alongR--)
                for (int parity = 0; parity < 2; parity++, slot++) {
                    std::vector<double> y = x;
                    if (alongR) {
                        int first = 1 + ((1 + parity) & 1), rows = first < nZ[k] - 1 ? (nZ[k] - 2 - first) / 2 + 1 : 0;
                        launch((long)rows * E, block, [&] { mg_relax_r(nR[k], nZ[k], E, parity, coef[k].data(), lf, lf + NE, f.data(), y.data()); });
                        relaxR.add(y, d[k].relax[slot]);
                    } else {
                        int cols = parity < nR[k] - 1 ? (nR[k] - 2 - parity) / 2 + 1 : 0;
                        launch((long)cols * E, block, [&] { mg_relax_z(nR[k], nZ[k], E, parity, coef[k].data(), lf + 2 * NE, lf + 3 * NE, f.data(), y.data()); });
                        relaxZ.add(y, d[k].relax[slot]);
                    }
                    if (!pcr) continue;
                    // GpuMultigridBatch's launch: one block per (line, system), the next power of two ≥ unknowns, ≥ 32
                    int m = alongR ? nR[k] - 1 : nZ[k] - 2, pb = 32;
                    while (pb < m) pb <<= 1;
                    int lines = alongR ? (1 + ((1 + parity) & 1) < nZ[k] - 1 ? (nZ[k] - 2 - (1 + ((1 + parity) & 1))) / 2 + 1 : 0)
                                       : (parity < nR[k] - 1 ? (nR[k] - 2 - parity) / 2 + 1 : 0);
                    std::vector<double> z = x;
                    g_shm.assign(4 * pb, 0.0);
                    launch_blocks((long)lines * E, pb, true, [&] { mg_relax_pcr(alongR ? 0 : 1, nR[k], nZ[k], E, parity, coef[k].data(), f.data(), z.data()); });
                    (alongR ? pcrR : pcrZ).addPerSystem(z, d[k].relax[slot], E);
                }
            std::vector<double> r(NE, -7.0);
            launch(NE, block, [&] { mg_stencil(nR[k], nZ[k], E, coef[k].data(), 1.0, x.data(), 1.0, f.data(), r.data()); });
            residual.add(r, d[k].residual);
            long NEc = nodes(k + 1) * E;
            std::vector<double> fc(NEc, -7.0);
            launch(NEc, block, [&] { mg_restrict(nR[k], nZ[k], nR[k + 1], nZ[k + 1], cR[k], cZ[k], E, f.data(), fc.data()); });
            restrictC.add(fc, d[k].restricted);
            std::vector<double> xf = x;
            launch(NE, block, [&] { mg_prolong_add(nR[k], nZ[k], nR[k + 1], nZ[k + 1], cR[k], cZ[k], E, d[k + 1].x.data(), xf.data()); });
            prolong.add(xf, d[k].prolonged);
        } else {
            std::vector<double> y(NE, -7.0), work((long)n * E);
            launch(E, block, [&] { mg_coarsest_solve(nR[k], nZ[k], n, kl, ku, radialFastest, E, band.data(), pivot.data(), f.data(), y.data(), work.data()); });
            coarsest.add(y, d[k].solved);
            // f and x the same array, as the Java reference allows
            std::vector<double> z = f;
            launch(E, block, [&] { mg_coarsest_solve(nR[k], nZ[k], n, kl, ku, radialFastest, E, band.data(), pivot.data(), z.data(), z.data(), work.data()); });
            coarsest.add(z, d[k].solved);
        }
    }
    relaxR.report("relax along R", 0);
    relaxZ.report("relax along z", 0);
    if (pcr) {
        pcrR.report("relax PCR along R", 1e-13);
        pcrZ.report("relax PCR along z", 1e-13);
    }
    residual.report("residual f + L x", 0);
    restrictC.report("restrict", 0);
    prolong.report("prolong add", 0);
    coarsest.report("coarsest solve", 0);

    // finest-level GMRES operations on x0, the finest x of the file
    const std::vector<double>& x0 = d[0].x;
    Compare applyA, dots, combine, scale;
    {
        std::vector<double> w(NE, -7.0);
        launch(NE, block, [&] { mg_stencil(nR[0], nZ[0], E, coef[0].data(), -1.0, x0.data(), 0.0, x0.data(), w.data()); });
        applyA.add(w, refA);
    }
    for (int P : {1, 7, 256}) {   // partitions per column: one, a few (uneven), many
        std::vector<double> partial((long)count * E * P), out(count * E, -7.0);
        launch((long)count * E * P, block, [&] { mg_dot_partial(nodes(0), E, count, P, basis.data(), x0.data(), partial.data()); });
        launch_blocks((long)count * E, 256, true, [&] { reduce_columns(partial.data(), count * E, P, 0, out.data()); });
        // relative to each dot (the inputs keep them away from zero)
        double worst = 0;
        for (int q = 0; q < count * E; q++) worst = std::max(worst, std::fabs(out[q] - refDots[q]) / std::fabs(refDots[q]));
        dots.worst = std::max(dots.worst, worst);
        for (int q = 0; q < count * E; q++) dots.unequal += std::memcmp(&out[q], &refDots[q], 8) != 0;
        dots.values += count * E;
    }
    {
        std::vector<double> y = x0;
        launch(NE, block, [&] { mg_combine(NE, E, count, basis.data(), coeff.data(), y.data()); });
        combine.add(y, refCombine);
    }
    {
        std::vector<double> y = x0;
        launch(NE, block, [&] { mg_scale(NE, E, factors.data(), y.data()); });
        scale.add(y, refScale);
    }
    applyA.report("A z = -L z", 0);
    dots.report("dots (P = 1, 7, 256)", 1e-13);
    combine.report("combine", 0);
    scale.report("scale", 0);
    return allOk ? 0 : 1;
}
