// cuSPARSE baseline for `anisocr bench`: times cusparseDgtsv2StridedBatch and
// cusparseDgtsvInterleavedBatch (algo 0, Thomas) on exactly the tridiagonal systems of the split
// step's R and z sweeps, as exported by `anisocr bench --export-systems FILE` (format: see
// Benchmark.exportSystems: int32 m, int32 batch, float64 lower[], diag[], upper[] in strided layout,
// first the R sweep then the z sweep). Right-hand sides are ones. Prints one JSON object on stdout.
//
// Build on the GPU machine: bench/cusparse/build.sh OUTPUT (finds cuSPARSE in the CUDA wheels or /usr/local/cuda*;
// CUDA 13 ships only libcusparse.so.12, linked as -L DIR -l:libcusparse.so.12). run-on-device.sh does it.
// Usage: gtsv_bench SYSTEMS_FILE [REPLICATE=1] [REPS=20]
//   REPLICATE tiles model 0's systems to stand for a family of that many models.
#include <cuda_runtime.h>
#include <cusparse.h>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#define CUDA(call) do { cudaError_t e_ = (call); if (e_ != cudaSuccess) { \
    fprintf(stderr, "CUDA error %s at %s:%d\n", cudaGetErrorString(e_), __FILE__, __LINE__); exit(1); } } while (0)
#define SPARSE(call) do { cusparseStatus_t s_ = (call); if (s_ != CUSPARSE_STATUS_SUCCESS) { \
    fprintf(stderr, "cuSPARSE error %d at %s:%d\n", (int)s_, __FILE__, __LINE__); exit(1); } } while (0)

struct Systems { int m = 0, batch = 0; std::vector<double> dl, d, du; };

static bool readSystems(FILE* f, Systems& s, int replicate) {
    int head[2];
    if (fread(head, 4, 2, f) != 2) return false;
    int m = head[0], batch = head[1];
    std::vector<double> a((size_t)m * batch), b(a.size()), c(a.size());
    if (fread(a.data(), 8, a.size(), f) != a.size() || fread(b.data(), 8, b.size(), f) != b.size()
        || fread(c.data(), 8, c.size(), f) != c.size()) return false;
    s.m = m; s.batch = batch * replicate;
    for (int r = 0; r < replicate; r++) {
        s.dl.insert(s.dl.end(), a.begin(), a.end());
        s.d.insert(s.d.end(), b.begin(), b.end());
        s.du.insert(s.du.end(), c.begin(), c.end());
    }
    return true;
}

// max |A x − 1| over the first few systems (strided layout), a check that the solve happened.
static double residual(const Systems& s, const std::vector<double>& x, bool interleaved) {
    double worst = 0;
    int check = s.batch < 8 ? s.batch : 8;
    for (int b = 0; b < check; b++)
        for (int i = 0; i < s.m; i++) {
            auto X = [&](int k) { return interleaved ? x[(size_t)k * s.batch + b] : x[(size_t)b * s.m + k]; };
            size_t q = (size_t)b * s.m + i;
            double ax = s.d[q] * X(i);
            if (i > 0) ax += s.dl[q] * X(i - 1);
            if (i < s.m - 1) ax += s.du[q] * X(i + 1);
            worst = fmax(worst, fabs(ax - 1));
        }
    return worst;
}

static void bench(const char* name, const Systems& s, int reps, cusparseHandle_t h, bool last) {
    size_t n = (size_t)s.m * s.batch, bytes = n * sizeof(double);
    std::vector<double> ones(n, 1.0);
    // Interleaved copies: element i of system b at [i*batch + b].
    std::vector<double> il(n), id(n), iu(n);
    for (int b = 0; b < s.batch; b++)
        for (int i = 0; i < s.m; i++) {
            il[(size_t)i * s.batch + b] = s.dl[(size_t)b * s.m + i];
            id[(size_t)i * s.batch + b] = s.d[(size_t)b * s.m + i];
            iu[(size_t)i * s.batch + b] = s.du[(size_t)b * s.m + i];
        }
    double *dl, *d, *du, *x, *pl, *pd, *pu, *px;   // working arrays and pristine copies
    CUDA(cudaMalloc(&dl, bytes)); CUDA(cudaMalloc(&d, bytes)); CUDA(cudaMalloc(&du, bytes)); CUDA(cudaMalloc(&x, bytes));
    CUDA(cudaMalloc(&pl, bytes)); CUDA(cudaMalloc(&pd, bytes)); CUDA(cudaMalloc(&pu, bytes)); CUDA(cudaMalloc(&px, bytes));
    cudaEvent_t e0, e1;
    CUDA(cudaEventCreate(&e0)); CUDA(cudaEventCreate(&e1));
    std::vector<double> host(n);

    // --- gtsv2StridedBatch: systems one after another, matrices read-only ---
    CUDA(cudaMemcpy(dl, s.dl.data(), bytes, cudaMemcpyHostToDevice));
    CUDA(cudaMemcpy(d, s.d.data(), bytes, cudaMemcpyHostToDevice));
    CUDA(cudaMemcpy(du, s.du.data(), bytes, cudaMemcpyHostToDevice));
    CUDA(cudaMemcpy(px, ones.data(), bytes, cudaMemcpyHostToDevice));
    size_t bufSize = 0;
    SPARSE(cusparseDgtsv2StridedBatch_bufferSizeExt(h, s.m, dl, d, du, x, s.batch, s.m, &bufSize));
    void* buf; CUDA(cudaMalloc(&buf, bufSize ? bufSize : 8));
    double stridedUs = 0;
    for (int r = -2; r < reps; r++) {   // two untimed warm-ups
        CUDA(cudaMemcpy(x, px, bytes, cudaMemcpyDeviceToDevice));
        CUDA(cudaEventRecord(e0));
        SPARSE(cusparseDgtsv2StridedBatch(h, s.m, dl, d, du, x, s.batch, s.m, buf));
        CUDA(cudaEventRecord(e1)); CUDA(cudaEventSynchronize(e1));
        float ms; CUDA(cudaEventElapsedTime(&ms, e0, e1));
        if (r >= 0) stridedUs += ms * 1000.0 / reps;
    }
    CUDA(cudaMemcpy(host.data(), x, bytes, cudaMemcpyDeviceToHost));
    double resStrided = residual(s, host, false);
    CUDA(cudaFree(buf));

    // --- gtsvInterleavedBatch, algo 0 (Thomas): overwrites the matrices, restored before each call ---
    CUDA(cudaMemcpy(pl, il.data(), bytes, cudaMemcpyHostToDevice));
    CUDA(cudaMemcpy(pd, id.data(), bytes, cudaMemcpyHostToDevice));
    CUDA(cudaMemcpy(pu, iu.data(), bytes, cudaMemcpyHostToDevice));
    SPARSE(cusparseDgtsvInterleavedBatch_bufferSizeExt(h, 0, s.m, pl, pd, pu, px, s.batch, &bufSize));
    CUDA(cudaMalloc(&buf, bufSize ? bufSize : 8));
    double interleavedUs = 0;
    for (int r = -2; r < reps; r++) {
        CUDA(cudaMemcpy(dl, pl, bytes, cudaMemcpyDeviceToDevice));
        CUDA(cudaMemcpy(d, pd, bytes, cudaMemcpyDeviceToDevice));
        CUDA(cudaMemcpy(du, pu, bytes, cudaMemcpyDeviceToDevice));
        CUDA(cudaMemcpy(x, px, bytes, cudaMemcpyDeviceToDevice));
        CUDA(cudaEventRecord(e0));
        SPARSE(cusparseDgtsvInterleavedBatch(h, 0, s.m, dl, d, du, x, s.batch, buf));
        CUDA(cudaEventRecord(e1)); CUDA(cudaEventSynchronize(e1));
        float ms; CUDA(cudaEventElapsedTime(&ms, e0, e1));
        if (r >= 0) interleavedUs += ms * 1000.0 / reps;
    }
    CUDA(cudaMemcpy(host.data(), x, bytes, cudaMemcpyDeviceToHost));
    double resInterleaved = residual(s, host, true);
    CUDA(cudaFree(buf));
    for (double* p : {dl, d, du, x, pl, pd, pu, px}) CUDA(cudaFree(p));
    CUDA(cudaEventDestroy(e0)); CUDA(cudaEventDestroy(e1));
    printf("  \"%s\": {\"m\": %d, \"batch\": %d, \"gtsv2StridedBatch_us\": %.3f, \"gtsvInterleavedBatch_us\": %.3f, "
           "\"interleaved_algo\": 0, \"residual_strided\": %.3e, \"residual_interleaved\": %.3e}%s\n",
           name, s.m, s.batch, stridedUs, interleavedUs, resStrided, resInterleaved, last ? "" : ",");
}

int main(int argc, char** argv) {
    if (argc < 2) { fprintf(stderr, "usage: %s SYSTEMS_FILE [REPLICATE=1] [REPS=20]\n", argv[0]); return 2; }
    int replicate = argc > 2 ? atoi(argv[2]) : 1, reps = argc > 3 ? atoi(argv[3]) : 20;
    FILE* f = fopen(argv[1], "rb");
    if (!f) { fprintf(stderr, "cannot open %s\n", argv[1]); return 2; }
    Systems r, z;
    if (!readSystems(f, r, replicate) || !readSystems(f, z, replicate)) { fprintf(stderr, "short file %s\n", argv[1]); return 2; }
    fclose(f);
    cudaDeviceProp prop; CUDA(cudaGetDeviceProperties(&prop, 0));
    cusparseHandle_t h; SPARSE(cusparseCreate(&h));
    int version = 0; SPARSE(cusparseGetVersion(h, &version));
    printf("{\n  \"device\": \"%s\", \"cusparse_version\": %d, \"replicate\": %d, \"reps\": %d,\n", prop.name, version, replicate, reps);
    bench("r", r, reps, h, false);
    bench("z", z, reps, h, true);
    printf("}\n");
    SPARSE(cusparseDestroy(h));
    return 0;
}
