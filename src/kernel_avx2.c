/* kernel_avx2.c — the kernels at 4 doubles per vector, for x86-64 CPUs with
 * AVX2 (16 ymm registers: 12 accumulators leave room for the broadcast and
 * the loaded windows). Only these functions are compiled for AVX2; the
 * dispatcher (kernels.c) calls them only on a CPU that has it. No FMA: the
 * results must equal the other paths' bit for bit. */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#ifdef __clang__
#pragma clang attribute push(__attribute__((target("avx2"))), apply_to = function)
#else
#pragma GCC target("avx2")
#endif
#define KERNEL_LANES 4
#define KERNEL_ACC_MAX 12
#define KERNEL_WB_ONE 13
#define KERNEL_WB_MULTI 4
#define KERNEL_NAME "avx2"
#define KERNEL_SYM(x) x##_avx2
#include "kernel_impl.h"
#ifdef __clang__
#pragma clang attribute pop
#endif
#else
typedef int kernel_avx2_unused; /* not an x86-64 build: no AVX2 path */
#endif
