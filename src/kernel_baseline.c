/* kernel_baseline.c — the kernels at 2 doubles per vector: SSE2 on x86-64,
 * NEON on aarch64, whatever the compiler makes of 16-byte vectors elsewhere.
 * Every CPU runs this path. */
#define KERNEL_LANES 2
#define KERNEL_ACC_MAX 12
#define KERNEL_WB_ONE 13
#define KERNEL_WB_MULTI 4
#define KERNEL_NAME "baseline"
#define KERNEL_SYM(x) x##_baseline
#include "kernel_impl.h"
