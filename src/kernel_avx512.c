/* kernel_avx512.c — the kernels at 8 doubles per vector, for x86-64 CPUs
 * with AVX-512F (32 zmm registers: up to 24 accumulators). Only these
 * functions are compiled for AVX-512; the dispatcher (kernels.c) calls them
 * only on a CPU that has it. No FMA, as everywhere. */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#ifdef __clang__
#pragma clang attribute push(__attribute__((target("avx512f"))), apply_to = function)
#else
#pragma GCC target("avx512f")
#endif
#define KERNEL_LANES 8
#define KERNEL_ACC_MAX 24
#define KERNEL_RB_MAX 8
#define KERNEL_WB_ONE 8
#define KERNEL_WB_MULTI 2
#define KERNEL_NAME "avx512"
#define KERNEL_SYM(x) x##_avx512
#include "kernel_impl.h"
#ifdef __clang__
#pragma clang attribute pop
#endif
#else
typedef int kernel_avx512_unused; /* not an x86-64 build: no AVX-512 path */
#endif
