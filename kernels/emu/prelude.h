// Just enough of CUDA's device dialect for the kernels to compile as ordinary C++20.
#pragma once
#include <algorithm>
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
//
// EMU_NAN_SHM (the sanitized build, run.sh EMU_SANITIZE=1): dynamic shared memory is filled with NaN before each block,
// as a GPU gives a block whatever an earlier block left there; a kernel reading a slot it has not written then shows NaN.
#ifdef EMU_NAN_SHM
inline void poison_shm() { std::fill(g_shm.begin(), g_shm.end(), std::nan("")); }
#else
inline void poison_shm() {}
#endif
template <class F> void launch_blocks(long blocks, int block, bool syncs, F kernel) {
    blockDim.x = block; gridDim.x = (unsigned)blocks;
    if (!syncs) {
        for (long bx = 0; bx < blocks; bx++) {
            poison_shm();
            for (int tx = 0; tx < block; tx++) { blockIdx.x = bx; threadIdx.x = tx; kernel(); }
        }
        return;
    }
    std::barrier<> bar(block);
    g_barrier = &bar;
    std::vector<std::thread> ts;
    poison_shm();
    for (int tx = 0; tx < block; tx++)
        ts.emplace_back([&, tx] {
            threadIdx.x = tx;
            for (long bx = 0; bx < blocks; bx++) {
                blockIdx.x = bx; kernel(); bar.arrive_and_wait();
#ifdef EMU_NAN_SHM
                if (tx == 0) poison_shm();   // between blocks: all threads have left this one, none has entered the next
                bar.arrive_and_wait();
#endif
            }
        });
    for (auto& t : ts) t.join();
}
