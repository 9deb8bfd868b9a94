/* rnn.c — see rnn.h. */
#include "rnn.h"

#include "mat.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void rnn_cell_forward(double *a_next, double *yt_pred, const double *xt, const double *a_prev,
                      const rnn_params *p, int m)
{
    int n_a = p->n_a;
    double *wx = xmalloc((size_t)n_a * m * sizeof *wx);
    /* a_next = tanh(Waa a_prev + Wax xt + ba) */
    mat_mul_bias(a_next, p->Waa, a_prev, NULL, n_a, n_a, m);
    mat_mul_bias(wx, p->Wax, xt, p->ba, n_a, p->n_x, m);
    for (int i = 0; i < n_a * m; i++) a_next[i] = tanh(a_next[i] + wx[i]);
    /* yt_pred = softmax(Wya a_next + by) */
    mat_mul_bias(yt_pred, p->Wya, a_next, p->by, p->n_y, n_a, m);
    mat_softmax_cols(yt_pred, yt_pred, p->n_y, m);
    free(wx);
}

void rnn_forward(double *a, double *y_pred, const double *x, const double *a0, const rnn_params *p,
                 int m, int T_x)
{
    size_t sa = (size_t)p->n_a * m, sx = (size_t)p->n_x * m, sy = (size_t)p->n_y * m;
    double *buf = xmalloc((2 * sa + sx + sy) * sizeof *buf);
    double *a_prev = buf, *a_next = buf + sa, *xt = buf + 2 * sa, *yt = buf + 2 * sa + sx;
    memcpy(a_prev, a0, sa * sizeof *buf);
    for (int t = 0; t < T_x; t++) {
        mat_get_step(xt, x, p->n_x, m, T_x, t);
        rnn_cell_forward(a_next, yt, xt, a_prev, p, m);
        mat_set_step(a, a_next, p->n_a, m, T_x, t);
        mat_set_step(y_pred, yt, p->n_y, m, T_x, t);
        memcpy(a_prev, a_next, sa * sizeof *buf);
    }
    free(buf);
}
