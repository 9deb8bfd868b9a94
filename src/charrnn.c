/* charrnn.c — see charrnn.h.
 *
 * Legend: n_a hidden units, n_x = n_y vocabulary size, T steps of one example.
 * Every product is written in "axpy form" (out += scalar * contiguous row), so
 * each output element is computed by the same sequence of additions whatever
 * the vector width the compiler picks: results do not depend on the machine.
 */
#include "charrnn.h"

#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The one kernel behind every product of the training step:
 *
 *   out[0..n) = Σ_{k = 0 .. K-1}  s[k * s_step] * x[k * x_step + (0..n)]
 *
 * summed in the order k = 0, 1, ..., K-1 for every element (a negative step
 * walks backwards, which is how gradients are summed from t = T-1 down to 0).
 * A block of outputs stays in registers for the whole sum, and because each
 * element sees the same additions in the same order whatever the block or
 * vector width, the AVX-512, AVX2 and baseline versions below give
 * bit-identical results. */
typedef double v8d __attribute__((vector_size(64), aligned(8)));

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(__SANITIZE_ADDRESS__)
#define KERNEL_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define KERNEL_CLONES
#endif

/* Up to four windows of eight outputs, summed over k in one pass so the four
 * dependency chains overlap. */
__attribute__((always_inline)) static inline void sum_windows(double *restrict out, const double *restrict s, ptrdiff_t s_step,
                               const double *restrict x, ptrdiff_t x_step, int K, int w0, int w1,
                               int w2, int w3, int nw)
{
    v8d a0 = {0}, a1 = {0}, a2 = {0}, a3 = {0};
    for (int k = 0; k < K; k++) {
        const double *row = x + k * x_step;
        double sk = s[k * s_step];
        a0 += sk * *(const v8d *)(row + w0);
        if (nw > 1) a1 += sk * *(const v8d *)(row + w1);
        if (nw > 2) a2 += sk * *(const v8d *)(row + w2);
        if (nw > 3) a3 += sk * *(const v8d *)(row + w3);
    }
    *(v8d *)(out + w0) = a0;
    if (nw > 1) *(v8d *)(out + w1) = a1;
    if (nw > 2) *(v8d *)(out + w2) = a2;
    if (nw > 3) *(v8d *)(out + w3) = a3;
}

KERNEL_CLONES
static void sum_scaled_rows(double *restrict out, const double *restrict s, ptrdiff_t s_step,
                            const double *restrict x, ptrdiff_t x_step, int K, int n)
{
    if (n < 8) {
        for (int i = 0; i < n; i++) {
            double acc = 0.0;
            for (int k = 0; k < K; k++) acc += s[k * s_step] * x[k * x_step + i];
            out[i] = acc;
        }
        return;
    }
    /* Windows start at 0, 8, 16, ...; the last one is moved back to end at n.
     * Where it overlaps its neighbour it recomputes the same sums in the same
     * order, so the overlap is harmless. */
    int windows = (n + 7) / 8;
    for (int w = 0; w < windows; w += 4) {
        int st[4];
        int nw = windows - w < 4 ? windows - w : 4;
        for (int q = 0; q < 4; q++) {
            int at = (w + (q < nw ? q : nw - 1)) * 8;
            st[q] = at + 8 <= n ? at : n - 8;
        }
        switch (nw) {
        case 1: sum_windows(out, s, s_step, x, x_step, K, st[0], st[1], st[2], st[3], 1); break;
        case 2: sum_windows(out, s, s_step, x, x_step, K, st[0], st[1], st[2], st[3], 2); break;
        case 3: sum_windows(out, s, s_step, x, x_step, K, st[0], st[1], st[2], st[3], 3); break;
        default: sum_windows(out, s, s_step, x, x_step, K, st[0], st[1], st[2], st[3], 4); break;
        }
    }
}

typedef long long v8l __attribute__((vector_size(64), aligned(8)));
#define BCAST(v) {v, v, v, v, v, v, v, v}

/* tanh of eight lanes: tanh|x| = e / (e + 2) with e = expm1(2|x|), the sign
 * put back afterwards. expm1 by the usual reduction u = k ln2 + r,
 * |r| <= ln2/2, and its Taylor series to r^13 (truncation < 0.1 ulp), then
 * expm1(u) = 2^k expm1(r) + (2^k - 1). |x| > 20 gives exactly ±1 (as libm
 * does); NaN stays NaN. Measured against libm: within 4 ulp (tests). */
__attribute__((always_inline)) static inline void tanh8(double *xp)
{
    v8d x = *(const v8d *)xp;
    const v8l sign_bit = BCAST((long long)0x8000000000000000ULL);
    const v8d lim = BCAST(40.0), one = BCAST(1.0), two = BCAST(2.0);
    const v8d inv_ln2 = BCAST(1.4426950408889634), shifter = BCAST(6755399441055744.0);
    const v8d ln2_hi = BCAST(6.93147180369123816490e-01), ln2_lo = BCAST(1.90821492927058770002e-10);
    const v8l bias = BCAST(1023LL);
    v8l bits = (v8l)x;
    v8l sign = bits & sign_bit;
    v8d ax = (v8d)(bits & ~sign_bit);
    v8d u = ax + ax;
    v8l big = u > lim;
    u = (v8d)(((v8l)u & ~big) | ((v8l)lim & big));
    v8d t = u * inv_ln2 + shifter; /* round(u / ln2) sits in t's low bits */
    v8d kd = t - shifter;
    v8l k = (v8l)t - (v8l)shifter;
    v8d r = (u - kd * ln2_hi) - kd * ln2_lo;
    v8d q = BCAST(1.0 / 6227020800.0);
    q = q * r + (v8d)BCAST(1.0 / 479001600.0);
    q = q * r + (v8d)BCAST(1.0 / 39916800.0);
    q = q * r + (v8d)BCAST(1.0 / 3628800.0);
    q = q * r + (v8d)BCAST(1.0 / 362880.0);
    q = q * r + (v8d)BCAST(1.0 / 40320.0);
    q = q * r + (v8d)BCAST(1.0 / 5040.0);
    q = q * r + (v8d)BCAST(1.0 / 720.0);
    q = q * r + (v8d)BCAST(1.0 / 120.0);
    q = q * r + (v8d)BCAST(1.0 / 24.0);
    q = q * r + (v8d)BCAST(1.0 / 6.0);
    q = q * r + (v8d)BCAST(0.5);
    v8d p = r + (r * r) * q;                 /* expm1(r) */
    v8d two_k = (v8d)((k + bias) << 52);
    v8d e = two_k * p + (two_k - one);       /* expm1(u) */
    v8d y = e / (e + two);
    v8l nan = x != x;
    y = (v8d)(((v8l)y & ~nan) | ((v8l)x & nan));
    *(v8d *)xp = (v8d)((v8l)y | sign);
}

/* x[0..n) = tanh(x[0..n)); the tail goes through the same eight-lane code so
 * every element gets the same result wherever it sits. */
KERNEL_CLONES
static void tanh_inplace(double *x, int n)
{
    int i = 0;
    for (; i + 8 <= n; i += 8) tanh8(x + i);
    if (i < n) {
        double lane[8] = {0};
        memcpy(lane, x + i, (size_t)(n - i) * sizeof *x);
        tanh8(lane);
        memcpy(x + i, lane, (size_t)(n - i) * sizeof *x);
    }
}

double charrnn_tanh(double x)
{
    tanh_inplace(&x, 1);
    return x;
}

/* out = M v for M (rows, cols) given as its transpose MT (cols, rows):
 * out = Σ_j v[j] * MT[j, :], summed in order j = 0 .. cols-1. */
static void matvec_t(double *restrict out, const double *restrict MT, const double *restrict v,
                     int rows, int cols)
{
    sum_scaled_rows(out, v, 1, MT, rows, cols, rows);
}

/* NumPy's pairwise summation (used by e_x.sum()) for the softmax denominator. */
static double pairwise_sum(const double *x, int n)
{
    if (n < 8) {
        double s = 0.0;
        for (int i = 0; i < n; i++) s += x[i];
        return s;
    }
    if (n <= 128) {
        double r[8];
        for (int k = 0; k < 8; k++) r[k] = x[k];
        int i;
        for (i = 8; i < n - (n % 8); i += 8)
            for (int k = 0; k < 8; k++) r[k] += x[i + k];
        double s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; i++) s += x[i];
        return s;
    }
    int n2 = n / 2;
    n2 -= n2 % 8;
    return pairwise_sum(x, n2) + pairwise_sum(x + n2, n - n2);
}

/* y = softmax(z / temperature), in place allowed; temperature 1 is exact. */
static void softmax(double *y, const double *z, int n, double temperature)
{
    double zmax = z[0];
    for (int i = 1; i < n; i++)
        if (z[i] > zmax) zmax = z[i];
    if (temperature == 1.0) {
        for (int i = 0; i < n; i++) y[i] = exp(z[i] - zmax);
    } else {
        for (int i = 0; i < n; i++) y[i] = exp((z[i] - zmax) / temperature);
    }
    double s = pairwise_sum(y, n);
    for (int i = 0; i < n; i++) y[i] /= s;
}

void charrnn_init(charrnn *m, int n_a, int n_x, int n_y, int max_T)
{
    memset(m, 0, sizeof *m);
    m->n_a = n_a;
    m->n_x = n_x;
    m->n_y = n_y;
    m->max_T = max_T;
    m->n_params = (size_t)n_a * n_x + (size_t)n_a * n_a + (size_t)n_y * n_a + n_a + n_y;
    m->param_mem = xcalloc(m->n_params, sizeof(double));
    m->grad_mem = xcalloc(m->n_params, sizeof(double));
    double *mem[2] = {m->param_mem, m->grad_mem};
    charrnn_params *set[2] = {&m->p, &m->g};
    for (int k = 0; k < 2; k++) {
        double *q = mem[k];
        set[k]->Wax = q; q += (size_t)n_a * n_x;
        set[k]->Waa = q; q += (size_t)n_a * n_a;
        set[k]->Wya = q; q += (size_t)n_y * n_a;
        set[k]->b = q;   q += n_a;
        set[k]->by = q;
    }
    m->WaaT = xcalloc((size_t)n_a * n_a, sizeof(double));
    m->T_pad = (max_T + 7) / 8 * 8;
    m->aT = xcalloc((size_t)n_a * m->T_pad, sizeof(double));
    m->zT = xcalloc((size_t)n_y * m->T_pad, sizeof(double));
    m->a = xcalloc((size_t)(max_T + 1) * n_a, sizeof(double));
    m->y_hat = xcalloc((size_t)max_T * n_y, sizeof(double));
    m->da_raw = xcalloc((size_t)max_T * n_a, sizeof(double));
    m->wdy = xcalloc((size_t)max_T * n_a, sizeof(double));
    int w = n_a > n_y ? n_a : n_y;
    m->scratch = xcalloc((size_t)3 * w, sizeof(double));
}

void charrnn_free(charrnn *m)
{
    free(m->param_mem);
    free(m->grad_mem);
    free(m->WaaT);
    free(m->aT);
    free(m->zT);
    free(m->a);
    free(m->y_hat);
    free(m->da_raw);
    free(m->wdy);
    free(m->scratch);
    memset(m, 0, sizeof *m);
}

void charrnn_sync(charrnn *m)
{
    int n_a = m->n_a;
    /* contiguous writes, strided reads: the cheaper way round */
    for (int j = 0; j < n_a; j++)
        for (int i = 0; i < n_a; i++) m->WaaT[(size_t)j * n_a + i] = m->p.Waa[(size_t)i * n_a + j];
}

void charrnn_init_params(charrnn *m)
{
    rng_state r;
    rng_seed(&r, 1);
    size_t sizes[3] = {(size_t)m->n_a * m->n_x, (size_t)m->n_a * m->n_a, (size_t)m->n_y * m->n_a};
    double *dst[3] = {m->p.Wax, m->p.Waa, m->p.Wya};
    for (int k = 0; k < 3; k++) {
        rng_randn_fill(&r, dst[k], sizes[k]);
        for (size_t i = 0; i < sizes[k]; i++) dst[k][i] *= 0.01;
    }
    memset(m->p.b, 0, (size_t)m->n_a * sizeof(double));
    memset(m->p.by, 0, (size_t)m->n_y * sizeof(double));
    charrnn_sync(m);
}

/* One step: a_next = tanh(Wax x + Waa a_prev + b), with x one-hot at ix
 * (ix < 0: the zero vector); z = Wya a_next + by. tmp is n_a scratch. */
static void step_forward(const charrnn *m, int ix, const double *a_prev, double *a_next,
                         double *z, double *tmp)
{
    int n_a = m->n_a, n_x = m->n_x, n_y = m->n_y;
    matvec_t(tmp, m->WaaT, a_prev, n_a, n_a);
    for (int i = 0; i < n_a; i++) {
        double wx = ix >= 0 ? m->p.Wax[(size_t)i * n_x + ix] : 0.0;
        a_next[i] = (wx + tmp[i]) + m->p.b[i];
    }
    tanh_inplace(a_next, n_a);
    /* z = Wya a_next + by; each z[k] summed over j in order, like the
     * batched product in charrnn_forward. */
    for (int k = 0; k < n_y; k++) {
        const double *row = m->p.Wya + (size_t)k * n_a;
        double acc = 0.0;
        for (int j = 0; j < n_a; j++) acc += row[j] * a_next[j];
        z[k] = acc + m->p.by[k];
    }
}

double charrnn_forward(charrnn *m, const int *X, const int *Y, int T, const double *a_prev)
{
    int n_a = m->n_a, n_x = m->n_x, n_y = m->n_y, T_pad = m->T_pad;
    memcpy(m->a, a_prev, (size_t)n_a * sizeof(double));
    double *tmp = m->scratch;
    /* The recurrence: a<t> = tanh(Wax x<t> + Waa a<t-1> + b). Each a<t> is
     * also written as column t of aT (n_a, T_pad) for the batched output. */
    for (int t = 0; t < T; t++) {
        const double *prev = m->a + (size_t)t * n_a;
        double *next = m->a + (size_t)(t + 1) * n_a;
        matvec_t(tmp, m->WaaT, prev, n_a, n_a);
        int ix = X[t];
        for (int i = 0; i < n_a; i++) {
            double wx = ix >= 0 ? m->p.Wax[(size_t)i * n_x + ix] : 0.0;
            next[i] = (wx + tmp[i]) + m->p.b[i];
        }
        tanh_inplace(next, n_a);
        for (int i = 0; i < n_a; i++) m->aT[(size_t)i * T_pad + t] = next[i];
    }
    /* The outputs need no recurrence: zT = Wya aT for all steps at once
     * (columns past T are scratch), then ŷ<t> = softmax(z<t> + by). */
    for (int k = 0; k < n_y; k++)
        sum_scaled_rows(m->zT + (size_t)k * T_pad, m->p.Wya + (size_t)k * n_a, 1, m->aT, T_pad, n_a,
                        T_pad);
    double loss = 0.0;
    for (int t = 0; t < T; t++) {
        double *y = m->y_hat + (size_t)t * n_y;
        for (int k = 0; k < n_y; k++) y[k] = m->zT[(size_t)k * T_pad + t] + m->p.by[k];
        softmax(y, y, n_y, 1.0);
        loss -= log(y[Y[t]]);
    }
    return loss;
}

void charrnn_backward(charrnn *m, const int *X, const int *Y, int T)
{
    int n_a = m->n_a, n_x = m->n_x, n_y = m->n_y;
    /* dWya and dWaa are written whole below; the rest is accumulated. */
    memset(m->g.Wax, 0, (size_t)n_a * n_x * sizeof(double));
    memset(m->g.b, 0, (size_t)n_a * sizeof(double));
    memset(m->g.by, 0, (size_t)n_y * sizeof(double));
    /* dy<t> = ŷ<t> - onehot(Y[t]); turned in place in y_hat. */
    for (int t = 0; t < T; t++) m->y_hat[(size_t)t * n_y + Y[t]] -= 1.0;
    /* wdy<t> = Wya^T dy<t>: no recurrence, so done for all steps up front. */
    for (int t = 0; t < T; t++) {
        sum_scaled_rows(m->wdy + (size_t)t * n_a, m->y_hat + (size_t)t * n_y, 1, m->p.Wya, n_a,
                        n_y, n_a);
    }
    /* The recurrence, right to left:
     *   da     = Wya^T dy<t> + da_next
     *   daraw  = (1 - a<t>^2) * da
     *   da_next = Waa^T daraw */
    double *da_next = m->scratch, *da = m->scratch + n_a;
    memset(da_next, 0, (size_t)n_a * sizeof(double));
    for (int t = T - 1; t >= 0; t--) {
        const double *a_t = m->a + (size_t)(t + 1) * n_a;
        const double *wdy = m->wdy + (size_t)t * n_a;
        double *daraw = m->da_raw + (size_t)t * n_a;
        for (int i = 0; i < n_a; i++) {
            da[i] = wdy[i] + da_next[i];
            daraw[i] = (1 - a_t[i] * a_t[i]) * da[i];
        }
        if (t > 0) sum_scaled_rows(da_next, daraw, 1, m->p.Waa, n_a, n_a, n_a);
    }
    /* Weight gradients, each element summed from t = T-1 down to 0 as the
     * step-by-step reference does: dWya += dy a^T, dby += dy, db += daraw,
     * dWax[:, X[t]] += daraw, dWaa += daraw a<t-1>^T. */
    for (int k = 0; k < n_y; k++)
        sum_scaled_rows(m->g.Wya + (size_t)k * n_a, m->y_hat + (size_t)(T - 1) * n_y + k, -n_y,
                        m->a + (size_t)T * n_a, -n_a, T, n_a);
    for (int t = T - 1; t >= 0; t--) {
        const double *dy = m->y_hat + (size_t)t * n_y;
        for (int k = 0; k < n_y; k++) m->g.by[k] += dy[k];
        const double *daraw = m->da_raw + (size_t)t * n_a;
        for (int i = 0; i < n_a; i++) m->g.b[i] += daraw[i];
        if (X[t] >= 0)
            for (int i = 0; i < n_a; i++) m->g.Wax[(size_t)i * n_x + X[t]] += daraw[i];
    }
    for (int i = 0; i < n_a; i++)
        sum_scaled_rows(m->g.Waa + (size_t)i * n_a, m->da_raw + (size_t)(T - 1) * n_a + i, -n_a,
                        m->a + (size_t)(T - 1) * n_a, -n_a, T, n_a);
}

/* g = clip(g, -max_value, max_value) element-wise (NaN stays NaN, as in
 * np.clip); returns 1 when anything was clipped; *ss = Σ g² before clipping
 * (summed in eight lanes: it is only shown, never fed back). */
/* g = clip(g, -max_value, max_value) element-wise (NaN stays NaN, as in
 * np.clip); with p, also p += neg_lr * g in the same pass. Returns 1 when
 * anything was clipped; *ss = Σ g² before clipping (summed in eight lanes:
 * it is only shown, never fed back). */
KERNEL_CLONES
static int clip_values(double *restrict g, double *restrict p, size_t n, double max_value,
                       double neg_lr, double *ss)
{
    v8d acc = {0};
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        v8d v = *(const v8d *)(g + i);
        acc += v * v;
    }
    double tail = 0.0;
    for (size_t k = i; k < n; k++) tail += g[k] * g[k];
    *ss = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7])) + tail;
    /* Clipped elements are counted as those the clamp changed (a NaN,
     * which np.clip keeps, counts too: training stops on it anyway). */
    long changed = 0;
    for (i = 0; i < n; i++) {
        double v = g[i];
        double c = v > max_value ? max_value : v;
        c = c < -max_value ? -max_value : c;
        changed += c != v;
        g[i] = c;
    }
    if (p)
        for (i = 0; i < n; i++) p[i] += neg_lr * g[i];
    return changed != 0;
}

int charrnn_clip(charrnn *m, double max_value, double *norm_before)
{
    double ss;
    int clipped = clip_values(m->grad_mem, NULL, m->n_params, max_value, 0.0, &ss);
    if (norm_before) *norm_before = sqrt(ss);
    return clipped;
}

void charrnn_update(charrnn *m, double lr)
{
    double s = -lr;
    for (size_t i = 0; i < m->n_params; i++) m->param_mem[i] += s * m->grad_mem[i];
    charrnn_sync(m);
}

int charrnn_clip_update(charrnn *m, double max_value, double lr, double *norm_before)
{
    double ss;
    int clipped = clip_values(m->grad_mem, m->param_mem, m->n_params, max_value, -lr, &ss);
    if (norm_before) *norm_before = sqrt(ss);
    charrnn_sync(m);
    return clipped;
}

const double *charrnn_last_a(const charrnn *m, int T) { return m->a + (size_t)T * m->n_a; }

int charrnn_params_finite(const charrnn *m)
{
    for (size_t i = 0; i < m->n_params; i++)
        if (!isfinite(m->param_mem[i])) return 0;
    return 1;
}

int charrnn_sample(charrnn *m, rng_state *r, unsigned seed, int newline_ix, const int *prefix,
                   int n_prefix, double temperature, int max_len, int *out)
{
    int n_a = m->n_a, n_y = m->n_y;
    double *a_prev = m->scratch, *a = m->scratch + n_a, *tmp = m->scratch + 2 * n_a;
    /* z, y and cdf share the gradient buffers' row of wdy/da_raw: sampling
     * never runs during a training step. */
    double *z = m->y_hat, *cdf = m->y_hat + n_y;
    memset(a_prev, 0, (size_t)n_a * sizeof(double));
    int ix = -1, count = 0;
    while (ix != newline_ix && count < max_len) {
        step_forward(m, ix, a_prev, a, z, tmp);
        if (count < n_prefix) {
            ix = prefix[count];
        } else {
            softmax(z, z, n_y, temperature);
            rng_seed(r, seed + (unsigned)count * 2u);
            ix = (int)rng_choice(r, z, (size_t)n_y, cdf);
        }
        out[count++] = ix;
        memcpy(a_prev, a, (size_t)n_a * sizeof(double));
    }
    if (count == max_len) out[count++] = newline_ix;
    return count;
}
