// Just enough of CUDA's device dialect for the kernels to compile as ordinary C++20.
#pragma once
#include <barrier>
#include <cmath>
#include <cstring>
#include <thread>
#include <vector>
struct Dim { unsigned x = 0, y = 0, z = 0; };
thread_local Dim threadIdx, blockIdx;
Dim blockDim, gridDim;
std::barrier<>* g_barrier;
std::vector<double> g_shm;
#define __global__
#define __shared__ static
#define __launch_bounds__(n)
#define __device__
#define __forceinline__ inline
#define __restrict__ __restrict
#define __syncthreads() g_barrier->arrive_and_wait()
template <class T> inline T __ldg(const T* p) { return *p; }
inline double __longlong_as_double(long long v) { double d; std::memcpy(&d, &v, 8); return d; }
using std::isfinite; using std::fmax; using std::fmin; using std::fabs;
using std::min; using std::max;

// Runs a grid of `blocks` blocks, one after the other: sequential threads, or (syncs = true) one std::thread per CUDA
// thread meeting at a std::barrier when the kernel calls __syncthreads. The threads are made once per launch and walk
// the blocks together, meeting once more at the end of each block (so that none starts the next block, and rewrites
// shared memory, before all have finished this one); as before, every thread of a block must reach each __syncthreads.
template <class F> void launch_blocks(long blocks, int block, bool syncs, F kernel) {
    blockDim.x = block; gridDim.x = (unsigned)blocks;
    if (!syncs) {
        for (long bx = 0; bx < blocks; bx++)
            for (int tx = 0; tx < block; tx++) { blockIdx.x = bx; threadIdx.x = tx; kernel(); }
        return;
    }
    std::barrier<> bar(block);
    g_barrier = &bar;
    std::vector<std::thread> ts;
    for (int tx = 0; tx < block; tx++)
        ts.emplace_back([&, tx] {
            threadIdx.x = tx;
            for (long bx = 0; bx < blocks; bx++) { blockIdx.x = bx; kernel(); bar.arrive_and_wait(); }
        });
    for (auto& t : ts) t.join();
}
