// Runs kernel steady_band_lu of kernels/anisocr.cu as plain C++ (the threads of a block as std::threads
// meeting at a std::barrier for __syncthreads, blocks one after another) on a steady problem exported by
// SteadyEmulationExport, and compares the solution with the Java direct solve (DirectSteadySolver) and
// the device residual (residual_partial + reduce_columns) with the Java residual.
// Usage: emulate_steady FILE BLOCKDIM [CHUNK] [global|shm]
#include "prelude.h"
#include "anisocr_emu.cu.inc"
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <algorithm>
#include <string>

int main(int argc, char** argv) {
    FILE* f = fopen(argv[1], "rb");
    int block = argc > 2 ? atoi(argv[2]) : 64;
    int nR, nZ, B, tables;
    if (fread(&nR, 4, 1, f) != 1) return 2;
    fread(&nZ, 4, 1, f); fread(&B, 4, 1, f); fread(&tables, 4, 1, f);
    long G = (long)nR * nZ;
    std::vector<int> model(B); std::vector<double> dp(B), da(B), coef(14 * G * tables), src(G * B), ref(G * B), res(B);
    fread(model.data(), 4, B, f); fread(dp.data(), 8, B, f); fread(da.data(), 8, B, f);
    fread(coef.data(), 8, 14 * G * tables, f); fread(src.data(), 8, G * B, f); fread(ref.data(), 8, G * B, f);
    fread(res.data(), 8, B, f);
    fclose(f);
    int chunk = argc > 3 ? atoi(argv[3]) : B;
    bool shmKernel = argc > 4 && std::string(argv[4]) == "shm";
    int nI = nR - 1, nJ = nZ - 2, kl = std::min(nI, nJ) + 1, ld = 3 * kl + 1, n = nI * nJ;
    std::vector<double> band((long)chunk * ld * n), work((long)chunk * n), out(G * B, -1.0);
    std::vector<int> piv((long)chunk * n), status(B, -1);
    long swaps = 0;   // row interchanges (pivot != diagonal): shows the pivoting path is exercised
    for (int first = 0; first < B; first += chunk) {
        int m = std::min(chunk, B - first);
        g_shm.assign((long)(kl + 1) * (2 * kl + 1) + kl + 1, 0.0);   // (kl+1)(kv+1) window + kl+1 rhs rows of steady_band_lu_shm
        launch_blocks(m, block, true, [&] {
            if (shmKernel)
                steady_band_lu_shm(nR, nZ, B, first, model.data(), dp.data(), da.data(), coef.data(), src.data(),
                                   band.data(), piv.data(), work.data(), out.data(), status.data());
            else
                steady_band_lu(nR, nZ, B, first, model.data(), dp.data(), da.data(), coef.data(), src.data(),
                               band.data(), piv.data(), work.data(), out.data(), status.data());
        });
        for (int b = 0; b < m; b++) for (int j = 0; j < n; j++) swaps += piv[(long)b * n + j] != j;
    }
    // residual on the "device": the split-step backend's reduction kernels
    int P = std::max(1, std::min(1024, 65536 / B)); long T = (long)P * B;
    std::vector<double> pa(T), pb(T), results(2 * B);
    launch_blocks((T + 255) / 256, 256, false, [&] { residual_partial(nR, nZ, B, T, model.data(), dp.data(), da.data(), coef.data(), src.data(), out.data(), pa.data(), pb.data()); });
    launch_blocks(B, 256, true, [&] { reduce_columns(pa.data(), B, P, 0, results.data()); });
    launch_blocks(B, 256, true, [&] { reduce_columns(pb.data(), B, P, 0, results.data() + B); });
    double worst = 0, worstRes = 0, maxRes = 0; long bitwise = 0; int bad = 0;
    for (int b = 0; b < B; b++) {
        if (status[b] != 0) bad++;
        double d = 0, m = 0;
        for (long idx = 0; idx < G; idx++) {
            double a = out[idx * B + b], r = ref[idx * B + b];
            d = std::max(d, std::fabs(a - r)); m = std::max(m, std::fabs(r));
            if (a != r) bitwise++;
        }
        worst = std::max(worst, m > 0 ? d / m : d);
        double rr = results[B + b] == 0 ? std::sqrt(results[b]) : std::sqrt(results[b] / results[B + b]);
        maxRes = std::max(maxRes, rr);
        worstRes = std::max(worstRes, std::fabs(rr - res[b]) / std::max(res[b], 1e-300));
    }
    printf("%s %dx%d, %d systems, %d tables, block %d, chunk %d: max rel diff vs Java direct %.3e (%ld of %ld values not bitwise equal), "
           "device residual max %.3e (rel diff vs Java residual %.2e), singular %d, row interchanges %ld\n",
           shmKernel ? "shm   " : "global", nR, nZ, B, tables, block, chunk, worst, bitwise, G * B, maxRes, worstRes, bad, swaps);
    bool ok = worst <= 1e-12 && bad == 0 && maxRes <= 1e-10;
    printf("%s\n", ok ? "OK" : "MISMATCH");
    return ok ? 0 : 1;
}
