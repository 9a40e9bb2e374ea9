package org.anisocr.solver.steady3d;

/**
 * Trilinear interpolation P between two levels (per axis: halved axes take coarse node c at fine node 2c and
 * half of each neighbour at 2c ± 1; kept axes copy) and its transpose, the restriction. Both are gathers: each
 * output node reads its own inputs, so every node is one independent thread. Fixed nodes get nothing.
 */
final class Transfer {
    private Transfer() {}

    /** coarse = Pᵀ fine at the coarse level's free nodes (0 at its fixed nodes). */
    static void restrict(LevelShape fine, LevelShape coarse, boolean[] halved, double[] r, double[] out,
                         PlaneLoops loops) {
        loops.forEach(0, coarse.nZ, 1, k -> {
            for (int j = 0; j < coarse.nY; j++) {
                for (int i = 0; i < coarse.nX; i++) {
                    int pc = coarse.index(i, j, k);
                    out[pc] = coarse.fixed[pc] ? 0 : gather(fine, halved, r, i, j, k);
                }
            }
        });
    }

    private static double gather(LevelShape fine, boolean[] halved, double[] r, int i, int j, int k) {
        int hx = halved[0] ? 1 : 0;
        int hy = halved[1] ? 1 : 0;
        int hz = halved[2] ? 1 : 0;
        int fi = i << hx;
        int fj = j << hy;
        int fk = k << hz;
        double sum = 0;
        for (int dk = -hz; dk <= hz; dk++) {
            int zk = fk + dk;
            if (zk < 0 || zk >= fine.nZ) {
                continue;
            }
            double wz = dk == 0 ? 1 : 0.5;
            for (int dj = -hy; dj <= hy; dj++) {
                int yj = fj + dj;
                if (yj < 0 || yj >= fine.nY) {
                    continue;
                }
                double wyz = wz * (dj == 0 ? 1 : 0.5);
                for (int di = -hx; di <= hx; di++) {
                    int xi = fi + di;
                    if (xi < 0 || xi >= fine.nX) {
                        continue;
                    }
                    sum += wyz * (di == 0 ? 1 : 0.5) * r[fine.index(xi, yj, zk)];
                }
            }
        }
        return sum;
    }

    /** fine += P coarse at the fine level's free nodes. */
    static void interpolateAdd(LevelShape fine, LevelShape coarse, boolean[] halved, double[] e, double[] x,
                               PlaneLoops loops) {
        loops.forEach(1, fine.nZ - 1, 1, k -> {
            for (int j = 1; j < fine.nY - 1; j++) {
                for (int i = 1; i < fine.nX - 1; i++) {
                    int p = fine.index(i, j, k);
                    if (!fine.fixed[p]) {
                        x[p] += interpolate(coarse, halved, e, i, j, k);
                    }
                }
            }
        });
    }

    private static double interpolate(LevelShape coarse, boolean[] halved, double[] e, int i, int j, int k) {
        int ci = halved[0] ? i >> 1 : i;
        int cj = halved[1] ? j >> 1 : j;
        int ck = halved[2] ? k >> 1 : k;
        // on a halved axis an odd fine index lies between coarse c and c + 1, half of each
        int ni = halved[0] && (i & 1) == 1 ? 1 : 0;
        int nj = halved[1] && (j & 1) == 1 ? 1 : 0;
        int nk = halved[2] && (k & 1) == 1 ? 1 : 0;
        double w = (ni == 1 ? 0.5 : 1) * (nj == 1 ? 0.5 : 1) * (nk == 1 ? 0.5 : 1);
        double sum = 0;
        for (int dk = 0; dk <= nk; dk++) {
            for (int dj = 0; dj <= nj; dj++) {
                for (int di = 0; di <= ni; di++) {
                    sum += e[coarse.index(ci + di, cj + dj, ck + dk)];
                }
            }
        }
        return w * sum;
    }
}
