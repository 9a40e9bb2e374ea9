// Runs the CUDA kernels of kernels/anisocr.cu as plain C++ (one host thread per CUDA thread where a
// kernel synchronises, sequential otherwise) on a problem exported by KernelEmulationExport, and
// compares with the Java reference. A development check for machines without a GPU: it exercises the
// kernels' indexing and arithmetic, not the JCuda host code or real-GPU behaviour.
#include "prelude.h"
#include "anisocr_emu.cu.inc"
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <string>
#include <algorithm>

template <class F> void launch(long threads, int block, bool syncs, F kernel) {
    launch_blocks((threads + block - 1) / block, block, syncs, kernel);
}

int main(int argc, char** argv) {
    FILE* f = fopen(argv[1], "rb");
    bool pcr = argc > 2 && std::string(argv[2]) == "pcr";
    int nR, nZ, B, steps, tables; double dt;
    fread(&nR, 4, 1, f); fread(&nZ, 4, 1, f); fread(&B, 4, 1, f); fread(&steps, 4, 1, f); fread(&dt, 8, 1, f); fread(&tables, 4, 1, f);
    long G = (long)nR * nZ;
    std::vector<int> model(B); std::vector<double> dp(B), da(B), coef(14 * G * tables), src(G * B), n(G * B), ref(G * B), res(B);
    fread(model.data(), 4, B, f); fread(dp.data(), 8, B, f); fread(da.data(), 8, B, f);
    fread(coef.data(), 8, 14 * G * tables, f); fread(src.data(), 8, G * B, f); fread(n.data(), 8, G * B, f); fread(ref.data(), 8, G * B, f);
    double refChange; fread(&refChange, 8, 1, f); fread(res.data(), 8, B, f);
    fclose(f);
    std::vector<double> out(G * B, 0.0), prev(G * B), scratch(G * B, 0.0);
    double* cur = n.data(); double* oth = out.data();
    for (int s = 0; s < steps; s++) {
        if (s == steps - 1) std::copy(cur, cur + G * B, prev.begin());
        if (pcr) {
            int blk = 32; while (blk < nR - 1) blk <<= 1;
            g_shm.assign(4 * blk, 0.0);
            launch((long)B * (nZ - 2) * blk, blk, true, [&] { sweep_pcr(0, nR, nZ, B, dt, model.data(), dp.data(), da.data(), coef.data(), src.data(), cur); });
            blk = 32; while (blk < nZ - 2) blk <<= 1;
            g_shm.assign(4 * blk, 0.0);
            launch((long)B * (nR - 1) * blk, blk, true, [&] { sweep_pcr(1, nR, nZ, B, dt, model.data(), dp.data(), da.data(), coef.data(), src.data(), cur); });
        } else {
            launch((long)B * (nZ - 2), 128, false, [&] { sweep_r_thomas(nR, nZ, B, dt, model.data(), dp.data(), da.data(), coef.data(), src.data(), cur, scratch.data()); });
            launch((long)B * (nR - 1), 128, false, [&] { sweep_z_thomas(nR, nZ, B, dt, model.data(), dp.data(), da.data(), coef.data(), src.data(), cur, scratch.data()); });
        }
        launch(G * B, 256, false, [&] { mixed_step(nR, nZ, B, dt, model.data(), dp.data(), da.data(), coef.data(), src.data(), cur, oth); });
        std::swap(cur, oth);
    }
    // change per step through the two-stage reduction
    int P = std::max(1, std::min(1024, 65536 / B)); long T = (long)P * B;
    std::vector<double> pa(T), pb(T), pc(T), results(3 * B);
    launch(T, 256, false, [&] { change_partial(G * B, T, cur, prev.data(), pa.data(), pb.data(), pc.data()); });
    for (int q = 0; q < 3; q++) {
        double* part = q == 0 ? pa.data() : q == 1 ? pb.data() : pc.data();
        launch(256L * B, 256, true, [&] { reduce_columns(part, B, P, q == 2 ? 2 : 1, results.data() + q * B); });
    }
    double change = 0;
    for (int b = 0; b < B; b++) {
        if (std::isfinite(results[2 * B + b])) { printf("non-finite at %g\n", results[2 * B + b]); return 1; }
        change = std::max(change, results[B + b] > 0 ? results[b] / results[B + b] : 0);
    }
    launch(T, 256, false, [&] { residual_partial(nR, nZ, B, T, model.data(), dp.data(), da.data(), coef.data(), src.data(), cur, pa.data(), pb.data()); });
    launch(256L * B, 256, true, [&] { reduce_columns(pa.data(), B, P, 0, results.data()); });
    launch(256L * B, 256, true, [&] { reduce_columns(pb.data(), B, P, 0, results.data() + B); });
    double worst = 0, worstRes = 0; long bitwise = 0;
    for (int b = 0; b < B; b++) {
        double d = 0, m = 0;
        for (long idx = 0; idx < G; idx++) {
            double a = cur[idx * B + b], r = ref[idx * B + b];
            d = std::max(d, std::fabs(a - r)); m = std::max(m, std::fabs(r));
            if (a != r) bitwise++;
        }
        worst = std::max(worst, m > 0 ? d / m : d);
        double rr = results[B + b] == 0 ? std::sqrt(results[b]) : std::sqrt(results[b] / results[B + b]);
        worstRes = std::max(worstRes, std::fabs(rr - res[b]) / res[b]);
    }
    printf("%s, %d entries, %d tables: max rel diff vs Java %.3e (%ld values not bitwise equal of %ld), change %.17g vs %.17g, residual rel diff %.2e\n",
           pcr ? "pcr" : "thomas", B, tables, worst, bitwise, G * B, change, refChange, worstRes);
    bool ok = worst <= 1e-12 && std::fabs(change - refChange) <= 1e-12 * refChange && worstRes <= 1e-10;
    printf("%s\n", ok ? "OK" : "MISMATCH");
    return ok ? 0 : 1;
}
