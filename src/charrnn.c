/* charrnn.c — see charrnn.h.
 *
 * Legend: n_a hidden units, n_x = n_y vocabulary size, T steps of one example.
 * Every product goes through the kernel path's gemm (kernels.h), in "axpy
 * form" (out = Σ_k scalar_k * contiguous row_k), so each output element is
 * computed by the same sequence of additions whatever the vector width:
 * results do not depend on the machine.
 */
#include "charrnn.h"

#include "kernels.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

double charrnn_tanh(double x)
{
    kernel_active()->tanh(&x, &x, 1);
    return x;
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

/* y = softmax(z / temperature), in place allowed; temperature 1 is exact.
 * tmp: n doubles of scratch (the exponentials are taken out of place). */
static void softmax(const kernel_ops *k, double *y, const double *z, int n, double temperature,
                    double *tmp)
{
    double zmax = z[0];
    for (int i = 1; i < n; i++)
        if (z[i] > zmax) zmax = z[i];
    if (temperature == 1.0) {
        for (int i = 0; i < n; i++) tmp[i] = z[i] - zmax;
    } else {
        for (int i = 0; i < n; i++) tmp[i] = (z[i] - zmax) / temperature;
    }
    k->exp(y, tmp, n);
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
    m->k = kernel_active();
    m->WaaT = xcalloc((size_t)n_a * n_a, sizeof(double));
    m->WyaT = xcalloc((size_t)n_a * n_y, sizeof(double));
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
    free(m->WyaT);
    free(m->a);
    free(m->y_hat);
    free(m->da_raw);
    free(m->wdy);
    free(m->scratch);
    memset(m, 0, sizeof *m);
}

/* dst (cols, rows) = src (rows, cols) transposed: 4 x 4 blocks of sixteen
 * loads then sixteen stores, so every cache line touched is used four
 * times; the edges one element at a time. */
static void transpose(double *restrict dst, const double *restrict src, int rows, int cols)
{
    int r4 = rows & ~3, c4 = cols & ~3;
    for (int i = 0; i < r4; i += 4) {
        const double *s0 = src + (size_t)i * cols;
        for (int j = 0; j < c4; j += 4) {
            double b[4][4]; /* unrolled at any -O: sixteen registers */
#pragma GCC unroll 4
            for (int u = 0; u < 4; u++)
#pragma GCC unroll 4
                for (int v = 0; v < 4; v++) b[u][v] = s0[(size_t)u * cols + j + v];
#pragma GCC unroll 4
            for (int v = 0; v < 4; v++)
#pragma GCC unroll 4
                for (int u = 0; u < 4; u++) dst[(size_t)(j + v) * rows + i + u] = b[u][v];
        }
    }
    for (int i = 0; i < rows; i++)
        for (int j = i < r4 ? c4 : 0; j < cols; j++) dst[(size_t)j * rows + i] = src[(size_t)i * cols + j];
}

void charrnn_sync(charrnn *m)
{
    transpose(m->WaaT, m->p.Waa, m->n_a, m->n_a);
    transpose(m->WyaT, m->p.Wya, m->n_y, m->n_a);
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

/* a_next = tanh(Wax x + Waa a_prev + b) with x one-hot at ix (ix < 0: the
 * zero vector); tmp is n_a scratch. Waa a_prev is summed over j in order,
 * as Σ_j a_prev[j] * WaaT[j, :]. */
static void step_hidden(const charrnn *m, int ix, const double *a_prev, double *a_next,
                        double *tmp)
{
    int n_a = m->n_a, n_x = m->n_x;
    m->k->gemm(tmp, 0, a_prev, 0, 1, m->WaaT, n_a, 1, n_a, n_a);
    for (int i = 0; i < n_a; i++) {
        double wx = ix >= 0 ? m->p.Wax[(size_t)i * n_x + ix] : 0.0;
        tmp[i] = (wx + tmp[i]) + m->p.b[i];
    }
    m->k->tanh(a_next, tmp, n_a);
}

int charrnn_stopped(const charrnn *m)
{
    return m->stop && atomic_load_explicit(m->stop, memory_order_relaxed) != 0;
}

double charrnn_forward(charrnn *m, const int *X, const int *Y, int T, const double *a_prev)
{
    int n_a = m->n_a, n_y = m->n_y;
    memcpy(m->a, a_prev, (size_t)n_a * sizeof(double));
    /* The recurrence: a<t> = tanh(Wax x<t> + Waa a<t-1> + b). */
    for (int t = 0; t < T; t++) {
        if (charrnn_stopped(m)) return NAN;
        step_hidden(m, X[t], m->a + (size_t)t * n_a, m->a + (size_t)(t + 1) * n_a, m->scratch);
    }
    /* The outputs need no recurrence: z<t> = Wya a<t> for all steps in one
     * product (each z<t>[k] summed over j in order), written into y_hat,
     * then ŷ<t> = softmax(z<t> + by). */
    m->k->gemm(m->y_hat, n_y, m->a + n_a, n_a, 1, m->WyaT, n_y, T, n_a, n_y);
    double loss = 0.0;
    for (int t = 0; t < T; t++) {
        double *y = m->y_hat + (size_t)t * n_y;
        for (int k = 0; k < n_y; k++) y[k] += m->p.by[k];
        softmax(m->k, y, y, n_y, 1.0, m->scratch);
        loss -= log(y[Y[t]]);
    }
    return loss;
}

void charrnn_backward(charrnn *m, const int *X, const int *Y, int T)
{
    int n_a = m->n_a, n_x = m->n_x, n_y = m->n_y;
    const kernel_ops *k = m->k;
    /* dWya and dWaa are written whole below; the rest is accumulated. */
    memset(m->g.Wax, 0, (size_t)n_a * n_x * sizeof(double));
    memset(m->g.b, 0, (size_t)n_a * sizeof(double));
    memset(m->g.by, 0, (size_t)n_y * sizeof(double));
    /* dy<t> = ŷ<t> - onehot(Y[t]); turned in place in y_hat. */
    for (int t = 0; t < T; t++) m->y_hat[(size_t)t * n_y + Y[t]] -= 1.0;
    /* wdy<t> = Wya^T dy<t> = Σ_k dy<t>[k] Wya[k, :]: no recurrence, so one
     * product for all steps up front. */
    k->gemm(m->wdy, n_a, m->y_hat, n_y, 1, m->p.Wya, n_a, T, n_y, n_a);
    /* The recurrence, right to left:
     *   da     = Wya^T dy<t> + da_next
     *   daraw  = (1 - a<t>^2) * da
     *   da_next = Waa^T daraw = Σ_i daraw[i] Waa[i, :] */
    double *da_next = m->scratch, *da = m->scratch + n_a;
    memset(da_next, 0, (size_t)n_a * sizeof(double));
    for (int t = T - 1; t >= 0; t--) {
        if (charrnn_stopped(m)) return;
        const double *a_t = m->a + (size_t)(t + 1) * n_a;
        const double *wdy = m->wdy + (size_t)t * n_a;
        double *daraw = m->da_raw + (size_t)t * n_a;
        for (int i = 0; i < n_a; i++) {
            da[i] = wdy[i] + da_next[i];
            daraw[i] = (1 - a_t[i] * a_t[i]) * da[i];
        }
        if (t > 0) k->gemm(da_next, 0, daraw, 0, 1, m->p.Waa, n_a, 1, n_a, n_a);
    }
    /* Weight gradients, each element summed from t = T-1 down to 0 as the
     * step-by-step reference does (negative strides walk t backwards):
     *   dWya[k, :] = Σ_t dy<t>[k] a<t>,  dWaa[i, :] = Σ_t daraw<t>[i] a<t-1>,
     *   dby += dy, db += daraw, dWax[:, X[t]] += daraw. */
    k->gemm(m->g.Wya, n_a, m->y_hat + (size_t)(T - 1) * n_y, 1, -n_y, m->a + (size_t)T * n_a, -n_a,
            n_y, T, n_a);
    k->gemm(m->g.Waa, n_a, m->da_raw + (size_t)(T - 1) * n_a, 1, -n_a, m->a + (size_t)(T - 1) * n_a,
            -n_a, n_a, T, n_a);
    for (int t = T - 1; t >= 0; t--) {
        const double *dy = m->y_hat + (size_t)t * n_y;
        for (int q = 0; q < n_y; q++) m->g.by[q] += dy[q];
        const double *daraw = m->da_raw + (size_t)t * n_a;
        for (int i = 0; i < n_a; i++) m->g.b[i] += daraw[i];
        if (X[t] >= 0)
            for (int i = 0; i < n_a; i++) m->g.Wax[(size_t)i * n_x + X[t]] += daraw[i];
    }
}

int charrnn_clip(charrnn *m, double max_value, double *norm_before)
{
    double ss;
    long changed = m->k->clip_update(m->grad_mem, NULL, m->n_params, max_value, 0.0, &ss);
    if (norm_before) *norm_before = sqrt(ss);
    return changed != 0;
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
    long changed = m->k->clip_update(m->grad_mem, m->param_mem, m->n_params, max_value, -lr, &ss);
    if (norm_before) *norm_before = sqrt(ss);
    charrnn_sync(m);
    return changed != 0;
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
    while (ix != newline_ix && count < max_len && !charrnn_stopped(m)) {
        step_hidden(m, ix, a_prev, a, tmp);
        m->k->gemm(z, 0, a, 0, 1, m->WyaT, n_y, 1, n_a, n_y); /* z = Wya a */
        for (int q = 0; q < n_y; q++) z[q] += m->p.by[q];
        if (count < n_prefix) {
            ix = prefix[count];
        } else {
            softmax(m->k, z, z, n_y, temperature, tmp);
            rng_seed(r, seed + (unsigned)count * 2u);
            ix = (int)rng_choice(r, z, (size_t)n_y, cdf);
        }
        out[count++] = ix;
        memcpy(a_prev, a, (size_t)n_a * sizeof(double));
    }
    if (count == max_len) out[count++] = newline_ix; /* as the course does, even after a newline */
    else if (count == 0 || out[count - 1] != newline_ix) out[count++] = newline_ix; /* stopped */
    return count;
}
