/* kernel_impl.h — the kernels of kernels.h, written once for any vector
 * width. Included by kernel_baseline.c, kernel_avx2.c and kernel_avx512.c,
 * each after defining
 *
 *   KERNEL_LANES    doubles per vector (2, 4 or 8)
 *   KERNEL_ACC_MAX  accumulators one block may keep in registers
 *   KERNEL_WB_ONE   windows per pass for a single row (the recurrences)
 *   KERNEL_WB_MULTI windows per pass for several rows (narrower, so that
 *                   more rows share each loaded window)
 *   KERNEL_RB_MAX   rows per block, at most (default 4; blocks for 5-8
 *                   rows are compiled only where it is 6 or 8)
 *   KERNEL_SYM(x)   the path's name for symbol x (x ## _avx2)
 *   KERNEL_NAME     "avx2"
 *
 * and, for a wider instruction set than the build's default, the pragma
 * that compiles the rest of the file for it. Only GNU C vector extensions
 * (GCC, clang) are used: the same source is SSE2 or NEON at 2 lanes.
 *
 * Why the results are the same at every width: each output element lives
 * in one lane of one accumulator from its first product to its store, and a
 * lane sees exactly the additions a scalar loop would make, in the same
 * order. Blocking only changes which elements are computed side by side.
 */
#include "kernels.h"

#include <string.h>

#define VW KERNEL_LANES

typedef double vd __attribute__((vector_size(VW * 8), aligned(8), may_alias));
typedef long long vl __attribute__((vector_size(VW * 8), aligned(8), may_alias));

/* Broadcasts, written as initialisers (a lane-by-lane loop compiles to
 * masked inserts at some widths). */
#if VW == 2
#define LANES(x) {x, x}
#elif VW == 4
#define LANES(x) {x, x, x, x}
#elif VW == 8
#define LANES(x) {x, x, x, x, x, x, x, x}
#else
#error "KERNEL_LANES must be 2, 4 or 8"
#endif
static inline __attribute__((always_inline)) vd splat(double x) { return (vd)LANES(x); }
static inline __attribute__((always_inline)) vl splat_l(long long x) { return (vl)LANES(x); }

static inline __attribute__((always_inline)) vd load(const double *p) { return *(const vd *)p; }
static inline __attribute__((always_inline)) void store(double *p, vd v) { *(vd *)p = v; }

#ifndef KERNEL_RB_MAX
#define KERNEL_RB_MAX 4
#endif
enum { RB_MAX = KERNEL_RB_MAX, WB_MAX = 14 };

/* The block loops below must become straight-line code, so that the
 * accumulators are registers, at any optimisation level a distribution
 * builds with (its -O2 comes after our -O3). */
#define UNROLL _Pragma("GCC unroll 16")

/* A block of RB rows × WB windows of VW outputs, all summed over k in one
 * pass: RB·WB independent accumulator chains, each x window loaded once per
 * k for all RB rows, each s broadcast once per k for all WB windows. RB and
 * WB are constants after inlining, so the accumulators are registers.
 * Windows 0 .. WB-2 start at c0, c0 + VW, ...; the last one at c_last (moved
 * back when the row does not end on a window boundary). Both are walked with
 * their own pointer, so every load is pointer + constant. */
static inline __attribute__((always_inline)) void gemm_block(
    double *out, ptrdiff_t out_rs, const double *S, ptrdiff_t s_rs, ptrdiff_t s_ks,
    const double *X, ptrdiff_t x_ks, int K, const int RB, const int WB, int c0, int c_last)
{
    vd acc[RB_MAX][WB_MAX];
    UNROLL for (int r = 0; r < RB; r++)
        UNROLL for (int w = 0; w < WB; w++) acc[r][w] = splat(0.0);
    const double *xp = X + c0, *xl = X + c_last, *sp = S;
    for (int k = 0; k < K; k++) {
        vd xv[WB_MAX];
        UNROLL for (int w = 0; w < WB - 1; w++) xv[w] = load(xp + w * VW);
        xv[WB - 1] = load(xl);
        UNROLL for (int r = 0; r < RB; r++) {
            vd s = splat(sp[r * s_rs]);
            UNROLL for (int w = 0; w < WB; w++) acc[r][w] += s * xv[w];
        }
        xp += x_ks;
        xl += x_ks;
        sp += s_ks;
    }
    UNROLL for (int r = 0; r < RB; r++) {
        UNROLL for (int w = 0; w < WB - 1; w++) store(out + r * out_rs + c0 + w * VW, acc[r][w]);
        store(out + r * out_rs + c_last, acc[r][WB - 1]);
    }
}

#define CASE(rb, wb)                                                                             \
    case rb * 32 + wb:                                                                           \
        gemm_block(out, out_rs, S, s_rs, s_ks, X, x_ks, K, rb, wb, c0, c_last);                  \
        break;
#define BLOCK_CASES(rb) CASE(rb, 1) CASE(rb, 2) CASE(rb, 3) CASE(rb, 4) CASE(rb, 5) CASE(rb, 6) CASE(rb, 7) CASE(rb, 8)

static void run_block(double *out, ptrdiff_t out_rs, const double *S, ptrdiff_t s_rs,
                      ptrdiff_t s_ks, const double *X, ptrdiff_t x_ks, int K, int rb, int wb,
                      int c0, int c_last)
{
    switch (rb * 32 + wb) {
        BLOCK_CASES(1)
        CASE(1, 9) CASE(1, 10) CASE(1, 11) CASE(1, 12) CASE(1, 13) CASE(1, 14)
        BLOCK_CASES(2)
        BLOCK_CASES(3)
        BLOCK_CASES(4)
#if KERNEL_RB_MAX >= 6
        BLOCK_CASES(5)
        BLOCK_CASES(6)
#endif
#if KERNEL_RB_MAX >= 8
        BLOCK_CASES(7)
        BLOCK_CASES(8)
#endif
    default: break;
    }
}

/* Rows of fewer than VW outputs: the same sums, one element at a time. */
static void gemm_narrow(double *out, ptrdiff_t out_rs, const double *S, ptrdiff_t s_rs,
                        ptrdiff_t s_ks, const double *X, ptrdiff_t x_ks, int R, int K, int n)
{
    for (int r = 0; r < R; r++)
        for (int i = 0; i < n; i++) {
            double acc = 0.0;
            for (int k = 0; k < K; k++) acc += S[r * s_rs + k * s_ks] * X[k * x_ks + i];
            out[r * out_rs + i] = acc;
        }
}

/* The plan: n outputs a row in ceil(n / VW) windows (the last one moved
 * back to end at n; where it overlaps its neighbour it recomputes the same
 * sums in the same order), split into passes of at most WB_MAX windows of
 * balanced size; rows in blocks of as many as the accumulator budget lets
 * each pass keep in registers. */
static void KERNEL_SYM(gemm)(double *out, ptrdiff_t out_rs, const double *S, ptrdiff_t s_rs,
                             ptrdiff_t s_ks, const double *X, ptrdiff_t x_ks, int R, int K, int n)
{
    if (R <= 0 || n <= 0) return;
    if (n < VW || K <= 0) {
        gemm_narrow(out, out_rs, S, s_rs, s_ks, X, x_ks, R, K, n);
        return;
    }
    int windows = (n + VW - 1) / VW;
    /* One row (a recurrence): as many windows as registers allow. Several
     * rows: narrower passes so that more rows share each loaded window. */
    int per_pass = R == 1 ? KERNEL_WB_ONE : KERNEL_WB_MULTI;
    int passes = windows <= per_pass ? 1 : (windows + per_pass - 1) / per_pass;
    int w_done = 0;
    for (int p = 0; p < passes; p++) {
        int wb = passes == 1 ? windows : windows / passes + (p < windows % passes);
        int c0 = w_done * VW, c_last = (w_done + wb - 1) * VW;
        if (c_last + VW > n) c_last = n - VW;
        w_done += wb;
        int rb_fit = KERNEL_ACC_MAX / wb;
        if (rb_fit > RB_MAX) rb_fit = RB_MAX;
        if (rb_fit < 1) rb_fit = 1;
        for (int r = 0; r < R;) {
            int rb = R - r < rb_fit ? R - r : rb_fit;
            run_block(out + r * out_rs, out_rs, S + r * s_rs, s_rs, s_ks, X, x_ks, K, rb, wb, c0, c_last);
            r += rb;
        }
    }
}

/* expm1(r) for |r| <= ln2/2: r + r²·q(r), q the Taylor series to r^13
 * (truncation < 0.1 ulp). q is evaluated in Estrin's scheme (pairs of
 * terms, then pairs of pairs): its latency is four multiply-add levels
 * instead of Horner's eleven, and tanh sits between two steps of the
 * recurrence, where latency is what counts. */
static inline __attribute__((always_inline)) vd expm1_reduced(vd r)
{
    vd r2 = r * r, r4 = r2 * r2;
    vd p01 = splat(1.0 / 2.0) + splat(1.0 / 6.0) * r;
    vd p23 = splat(1.0 / 24.0) + splat(1.0 / 120.0) * r;
    vd p45 = splat(1.0 / 720.0) + splat(1.0 / 5040.0) * r;
    vd p67 = splat(1.0 / 40320.0) + splat(1.0 / 362880.0) * r;
    vd p89 = splat(1.0 / 3628800.0) + splat(1.0 / 39916800.0) * r;
    vd pab = splat(1.0 / 479001600.0) + splat(1.0 / 6227020800.0) * r;
    vd q03 = p01 + p23 * r2, q47 = p45 + p67 * r2, q8b = p89 + pab * r2;
    vd q = q03 + (q47 + q8b * r4) * r4;
    return r + r2 * q;
}

/* u = k·ln2 + r with |r| <= ln2/2: k (as a double and as an integer) and r.
 * ln2 is split in two so that k·ln2_hi is exact. */
static inline __attribute__((always_inline)) vd reduce_ln2(vd u, vd *kd, vl *k)
{
    const vd inv_ln2 = splat(1.4426950408889634), shifter = splat(6755399441055744.0);
    const vd ln2_hi = splat(6.93147180369123816490e-01), ln2_lo = splat(1.90821492927058770002e-10);
    vd t = u * inv_ln2 + shifter; /* round(u / ln2) sits in t's low bits */
    *kd = t - shifter;
    *k = (vl)t - (vl)shifter;
    return (u - *kd * ln2_hi) - *kd * ln2_lo;
}

/* 2^k for -1022 <= k <= 1023, built from its exponent bits. */
static inline __attribute__((always_inline)) vd pow2(vl k) { return (vd)((k + splat_l(1023)) << 52); }

/* tanh of VW lanes: tanh|x| = e / (e + 2) with e = expm1(2|x|), the sign
 * put back afterwards, and expm1(u) = 2^k expm1(r) + (2^k - 1). |x| > 20
 * gives exactly ±1 (as libm does); NaN gives NaN. */
static inline __attribute__((always_inline)) void tanh_lanes(double *out, const double *in)
{
    vd x = load(in);
    const vl sign_bit = splat_l((long long)0x8000000000000000ULL);
    const vd lim = splat(40.0), one = splat(1.0), two = splat(2.0);
    vl bits = (vl)x;
    vl sign = bits & sign_bit;
    vd ax = (vd)(bits & ~sign_bit);
    vd u = ax + ax;
    vl big = u > lim;
    u = (vd)(((vl)u & ~big) | ((vl)lim & big));
    vd kd;
    vl k;
    vd r = reduce_ln2(u, &kd, &k);
    vd p = expm1_reduced(r);
    vd two_k = pow2(k);
    vd e = two_k * p + (two_k - one); /* expm1(u) */
    vd y = e / (e + two); /* a NaN input runs through as NaN */
    store(out, (vd)((vl)y | sign));
}

/* exp of VW lanes: 2^k · (1 + expm1(r)). The power is applied in two exact
 * halves so that results down to the smallest subnormal come out right;
 * x < -746 gives 0, x > 709.8 gives infinity, NaN gives NaN. */
static inline __attribute__((always_inline)) void exp_lanes(double *out, const double *in)
{
    vd x = load(in);
    const vd lo = splat(-746.0), hi = splat(710.0);
    vl under = x < lo, over = x > hi;
    vd u = (vd)(((vl)x & ~(under | over)) | ((vl)lo & under) | ((vl)hi & over));
    vd kd;
    vl k;
    vd r = reduce_ln2(u, &kd, &k);
    vd y = splat(1.0) + expm1_reduced(r);
    vl k1 = k >> 1;
    y = (y * pow2(k1)) * pow2(k - k1);
    store(out, y); /* a NaN input runs through as NaN */
}

/* out[0..n) = fn(in[0..n)) in whole vectors. Out of place, the last
 * vector is moved back to end at n (its overlap is computed twice from the
 * same inputs); in place, or for fewer than VW elements, the tail goes
 * through a lane buffer. Either way each element is computed by the same
 * lane code, so it gets the same result wherever it sits. */
#define LANEWISE(fn, out, in, n)                                                                 \
    do {                                                                                         \
        int i_ = 0;                                                                              \
        for (; i_ + VW <= (n); i_ += VW) fn((out) + i_, (in) + i_);                              \
        if (i_ < (n)) {                                                                          \
            if ((out) != (in) && (n) >= VW) {                                                    \
                fn((out) + (n) - VW, (in) + (n) - VW);                                           \
            } else {                                                                             \
                double lane_[VW] = {0};                                                          \
                memcpy(lane_, (in) + i_, (size_t)((n) - i_) * sizeof(double));                   \
                fn(lane_, lane_);                                                                \
                memcpy((out) + i_, lane_, (size_t)((n) - i_) * sizeof(double));                  \
            }                                                                                    \
        }                                                                                        \
    } while (0)

static void KERNEL_SYM(tanh)(double *out, const double *in, int n) { LANEWISE(tanh_lanes, out, in, n); }
static void KERNEL_SYM(exp)(double *out, const double *in, int n) { LANEWISE(exp_lanes, out, in, n); }

static long KERNEL_SYM(clip_update)(double *g, double *p, size_t n, double max_value,
                                    double neg_lr, double *ss)
{
    /* Σ g² in 8 lanes: 8 / VW vectors side by side make one group of 8. */
    enum { GROUP = 8 / VW };
    vd sq[GROUP];
    for (int j = 0; j < GROUP; j++) sq[j] = splat(0.0);
    const vd hi = splat(max_value), lo = splat(-max_value), step = splat(neg_lr);
    vl changed = splat_l(0);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        for (int j = 0; j < GROUP; j++) {
            double *gp = g + i + (size_t)j * VW;
            vd v = load(gp);
            sq[j] += v * v;
            /* c = min(max(v, lo), hi) as np.clip does it, NaN kept */
            vl above = v > hi, below = v < lo;
            vd c = (vd)(((vl)v & ~above) | ((vl)hi & above));
            c = (vd)(((vl)c & ~below) | ((vl)lo & below));
            changed -= above | below | (v != v); /* a true lane is -1 */
            store(gp, c);
            if (p) store(p + i + (size_t)j * VW, load(p + i + (size_t)j * VW) + step * c);
        }
    }
    double lane[8];
    for (int j = 0; j < GROUP; j++)
        for (int l = 0; l < VW; l++) lane[j * VW + l] = sq[j][l];
    double tail = 0.0;
    long count = 0;
    for (int l = 0; l < VW; l++) count += (long)changed[l];
    for (size_t k = i; k < n; k++) {
        double v = g[k];
        tail += v * v;
        double c = v > max_value ? max_value : v;
        c = c < -max_value ? -max_value : c;
        count += c != v;
        g[k] = c;
        if (p) p[k] += neg_lr * c;
    }
    *ss = ((lane[0] + lane[1]) + (lane[2] + lane[3])) + ((lane[4] + lane[5]) + (lane[6] + lane[7])) +
          tail;
    return count;
}

/* The peak probe: independent chains a = a * m + c (one multiply and one
 * add, as the kernels use them), as many as the registers hold. */
static double KERNEL_SYM(mul_add_probe)(long n, double *flops)
{
    enum { CHAINS = KERNEL_ACC_MAX + 2 };
    vd a[CHAINS];
    for (int i = 0; i < CHAINS; i++) a[i] = splat(1.0 + i * 1e-3);
    vd m = splat(0.999999), c = splat(1e-6);
    for (long it = 0; it < n; it++) {
        for (int i = 0; i < CHAINS; i++) a[i] = a[i] * m + c;
    }
    double sum = 0.0;
    for (int i = 0; i < CHAINS; i++)
        for (int l = 0; l < VW; l++) sum += a[i][l];
    *flops = 2.0 * CHAINS * VW * (double)n;
    return sum;
}

const kernel_ops KERNEL_SYM(kernel) = {
    KERNEL_NAME, VW, KERNEL_SYM(gemm), KERNEL_SYM(tanh), KERNEL_SYM(exp), KERNEL_SYM(clip_update),
    KERNEL_SYM(mul_add_probe),
};
