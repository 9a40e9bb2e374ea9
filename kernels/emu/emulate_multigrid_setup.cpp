// Runs the device multigrid setup of kernels/multigrid_setup.cu (mg_assemble_paper, mg_line_factors,
// mg_galerkin_halve, mg_coarsest_factor) as plain C++ on the inputs exported by MultigridSetupEmulationExport, in the
// order GpuMultigridSetup launches them (each level built from the kernels' own previous level), and compares every
// array with the Java setup (CpuMultigridBatch.pack): all must be bitwise equal (same operations in the same order,
// no contraction), and the status of every system must be the Java setup's (0, or 1 / 2 where it throws in a line
// factor / the coarsest LU; the values of such a system are not compared).
// Usage: emulate_multigrid_setup FILE [BLOCK]
#include "prelude.h"
#include "anisocr_emu.cu.inc"
#include "emu_input.h"
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

static bool allOk = true;
static std::vector<int> expectedStatus;   // per system; values of a system the Java setup rejects are not compared

// Bitwise comparison (−0 ≠ +0) of a device array with the Java one, with the max relative difference for information.
template <class T> static void compare(const char* what, int level, const std::vector<T>& got, const std::vector<T>& ref) {
    long unequal = 0, compared = 0;
    double d = 0, m = 0;
    long E = (long)expectedStatus.size();
    for (size_t q = 0; q < ref.size(); q++) {
        if (expectedStatus[q % E] != 0) continue;   // interleaved: system b = q mod E
        compared++;
        if (std::memcmp(&got[q], &ref[q], sizeof(T)) != 0) unequal++;
        d = std::max(d, std::fabs((double)got[q] - (double)ref[q]));
        m = std::max(m, std::fabs((double)ref[q]));
    }
    bool ok = got.size() == ref.size() && unequal == 0;
    printf("  %-18s level %d: %9ld values, max rel diff vs Java %.3e, %ld not bitwise equal\n%s\n", what, level, compared,
           m > 0 ? d / m : d, unequal, ok ? "OK" : "MISMATCH");
    allOk = allOk && ok;
}

int main(int argc, char** argv) {
    in = fopen(argv[1], "rb");
    if (!in) { perror(argv[1]); return 2; }
    int block = argc > 2 ? atoi(argv[2]) : 128;
    int E = readInt(), T = readInt(), L = readInt();
    std::vector<int> nR(L), nZ(L), cR(L), cZ(L);
    for (int k = 0; k < L; k++) { nR[k] = readInt(); nZ[k] = readInt(); cR[k] = readInt(); cZ[k] = readInt(); }
    int n = readInt(), kl = readInt(), ku = readInt(), radialFastest = readInt(), bandLength = readInt();
    auto nodes = [&](int k) { return (long)nR[k] * nZ[k]; };
    std::vector<int> model = readVec<int>(E);
    std::vector<double> dPerp = readVec<double>(E), dAni = readVec<double>(E);
    std::vector<double> tables = readVec<double>((long)T * 2 * TERMS * nodes(0));
    std::vector<std::vector<double>> refCoef(L), refLines(L);
    for (int k = 0; k < L; k++) {
        refCoef[k] = readVec<double>(9 * nodes(k) * E);
        refLines[k] = readVec<double>(k < L - 1 ? 4 * nodes(k) * E : 0);
    }
    std::vector<double> refBand = readVec<double>((long)bandLength * E);
    std::vector<int> refPivot = readVec<int>((long)n * E);
    expectedStatus = readVec<int>(E);
    long rejected = 0;
    for (int v : expectedStatus) rejected += v != 0;
    long swaps = 0;   // row interchanges of the coarsest LU (the systems set up): is the pivoting path exercised?
    for (long q = 0; q < (long)n * E; q++) swaps += expectedStatus[q % E] == 0 && refPivot[q] != q / E;
    printf("mg setup %dx%d, %d levels, %d systems (%ld singular), %d tables, coarsest %dx%d: %d unknowns (kl %d, ku %d, %s first, %ld row interchanges), block %d\n",
           nR[0], nZ[0], L, E, rejected, T, nR[L - 1], nZ[L - 1], n, kl, ku, radialFastest ? "R" : "z", swaps, block);

    auto t0 = std::chrono::steady_clock::now();
    std::vector<int> status(E, 0);
    std::vector<std::vector<double>> coef(L), lines(L);
    coef[0].assign(9 * nodes(0) * E, -1.0);   // garbage: the kernel writes every slot
    launch(nodes(0) * E, block, [&] {
        mg_assemble_paper(nR[0], nZ[0], E, model.data(), dPerp.data(), dAni.data(), tables.data(), coef[0].data());
    });
    compare("operator", 0, coef[0], refCoef[0]);
    for (int k = 0; k + 1 < L; k++) {
        lines[k].assign(4 * nodes(k) * E, 0.0);   // the host clears them (Dirichlet nodes keep 0)
        launch((long)(nZ[k] - 2 + nR[k] - 1) * E, block, [&] {
            mg_line_factors(nR[k], nZ[k], E, coef[k].data(), lines[k].data(), status.data());
        });
        compare("line factors", k, lines[k], refLines[k]);
        coef[k + 1].assign(9 * nodes(k + 1) * E, -1.0);
        if (cR[k] && cZ[k]) {   // R then z, through the temporary
            int nRh = (nR[k] - 1) / 2 + 1;
            std::vector<double> half(9L * nRh * nZ[k] * E, -1.0);
            launch((long)nRh * nZ[k] * E, block, [&] { mg_galerkin_halve(nR[k], nZ[k], E, 1, coef[k].data(), half.data()); });
            launch(nodes(k + 1) * E, block, [&] { mg_galerkin_halve(nRh, nZ[k], E, 0, half.data(), coef[k + 1].data()); });
        } else {
            launch(nodes(k + 1) * E, block, [&] { mg_galerkin_halve(nR[k], nZ[k], E, cR[k], coef[k].data(), coef[k + 1].data()); });
        }
        compare("operator", k + 1, coef[k + 1], refCoef[k + 1]);
    }
    std::vector<double> band((long)bandLength * E, -1.0);
    std::vector<int> pivot((long)n * E, -1);
    launch(E, 32, [&] { mg_coarsest_factor(nR[L - 1], nZ[L - 1], E, coef[L - 1].data(), band.data(), pivot.data(), status.data()); });
    compare("coarsest band", L - 1, band, refBand);
    compare("coarsest pivots", L - 1, pivot, refPivot);
    long flagged = 0, wrong = 0;
    for (int b = 0; b < E; b++) { flagged += status[b] != 0; wrong += status[b] != expectedStatus[b]; }
    printf("  status: %ld of %d systems flagged, %ld differ from the Java setup's\n%s\n", flagged, E, wrong, wrong == 0 ? "OK" : "MISMATCH");
    allOk = allOk && wrong == 0;
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    printf("  emulated setup: %.0f ms on the CPU\n", ms);
    return allOk ? 0 : 1;
}
