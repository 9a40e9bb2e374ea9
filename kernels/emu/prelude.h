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
