// Shared by the emulators of the multigrid kernels: reading the little-endian files the Java exporters write, and a
// one-dimensional launch of `threads` CUDA threads (blocks of `block`) without synchronisation.
#pragma once
#include "prelude.h"
#include <cstdio>
#include <cstdlib>
#include <vector>

static FILE* in;
template <class T> static std::vector<T> readVec(long n) {
    std::vector<T> v(n);
    if (n > 0 && fread(v.data(), sizeof(T), n, in) != (size_t)n) { fprintf(stderr, "file too short\n"); exit(2); }
    return v;
}
static int readInt() { return readVec<int>(1)[0]; }

template <class F> static void launch(long threads, int block, F kernel) {
    launch_blocks((threads + block - 1) / block, block, false, kernel);
}
