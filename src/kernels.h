/* kernels.h — the vector kernels of the training step, one copy per
 * instruction set ("path"), chosen when the program starts.
 *
 * Paths: "baseline" (every CPU: SSE2 on x86-64, NEON on aarch64, plain C
 * elsewhere — 2 doubles per vector), "avx2" (4 doubles) and "avx512"
 * (8 doubles) on x86-64. All three are compiled from one source,
 * src/kernel_impl.h, at their own vector width.
 *
 * Bit-identical results: every output element is computed by the same
 * floating-point operations in the same order on every path (a vector lane
 * does exactly what a scalar loop would do for that element; no fused
 * multiply-add, see the Makefile's -ffp-contract=off). A path only decides
 * how many elements are in flight at once. tests/cli/kernels.sh compares the
 * paths' outputs byte for byte on every path the test machine can run.
 *
 * Choosing: kernel_select() reads SEQTUTOR_KERNEL (baseline|avx2|avx512|
 * auto, unset = auto: the widest path this CPU runs). main() calls it first
 * and exits with status 2 on its error; afterwards kernel_active() is the
 * chosen path. A charrnn keeps the path it was created with (charrnn_init),
 * so tests can run one model per path in one process.
 */
#ifndef SEQTUTOR_KERNELS_H
#define SEQTUTOR_KERNELS_H

#include <stddef.h>

typedef struct {
    const char *name; /* "baseline", "avx2", "avx512" */
    int lanes;        /* doubles per vector register */

    /* The one product of the training step, in axpy form:
     *
     *   out[r*out_rs + i] = Σ_{k = 0 .. K-1}  S[r*s_rs + k*s_ks] * X[k*x_ks + i]
     *
     * for r < R, i < n; every element starts from +0.0 and adds its K
     * products in the order k = 0, 1, ... (negative strides walk backwards,
     * which is how gradients are summed from t = T-1 down to 0). out must not
     * overlap S or X. */
    void (*gemm)(double *out, ptrdiff_t out_rs, const double *S, ptrdiff_t s_rs, ptrdiff_t s_ks,
                 const double *X, ptrdiff_t x_ks, int R, int K, int n);

    /* out[0..n) = tanh(in[0..n)), within 4 ulp of libm's (tests). out and
     * in are the same array or do not overlap (out of place is faster). */
    void (*tanh)(double *out, const double *in, int n);
    /* out[0..n) = exp(in[0..n)), within 1 ulp of the correctly rounded
     * value (tests): the softmax's exponentials, the same on every machine.
     * out and in as for tanh. */
    void (*exp)(double *out, const double *in, int n);

    /* g = clip(g, -max_value, max_value) element-wise (NaN stays NaN, as in
     * np.clip); with p != NULL also p += neg_lr * g (the clipped g). Returns
     * how many elements the clamp changed (a NaN counts); *ss receives Σ g²
     * before clipping, summed in 8 lanes (element i in lane i mod 8, the
     * lanes added as ((l0+l1)+(l2+l3))+((l4+l5)+(l6+l7)), then the tail) on
     * every path. */
    long (*clip_update)(double *g, double *p, size_t n, double max_value, double neg_lr,
                        double *ss);

    /* For the benchmark: n rounds of independent multiply-then-add chains at
     * this width; *flops receives the floating-point operations done.
     * Returns a checksum (so the work cannot be optimised away). */
    double (*mul_add_probe)(long n, double *flops);
} kernel_ops;

/* The paths compiled into this binary, narrowest first; NULL past the end. */
const kernel_ops *kernel_path(int i);
/* 1 when this CPU (and its operating system) can run the path. */
int kernel_supported(const kernel_ops *k);
/* The path named name among those compiled in, or NULL. */
const kernel_ops *kernel_find(const char *name);
/* The widest supported path. */
const kernel_ops *kernel_best(void);

/* Reads SEQTUTOR_KERNEL and makes that path active. Returns 0, or -1 with a
 * one-line message in err (unknown name, or a path this CPU cannot run). */
int kernel_select(char *err, size_t errlen);
/* The active path (kernel_best() when kernel_select was never called). */
const kernel_ops *kernel_active(void);
/* Makes k active (tests, benchmarks). k must be supported. */
void kernel_set_active(const kernel_ops *k);
/* "avx2 (available: baseline avx2 avx512)" into buf. */
void kernel_describe(char *buf, size_t len);

#endif
