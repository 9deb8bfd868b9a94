/* lstm.c — see lstm.h. */
#include "lstm.h"

#include "mat.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void lstm_cell_forward(double *a_next, double *c_next, double *yt, const double *xt,
                       const double *a_prev, const double *c_prev, const lstm_params *p, int m)
{
    int n_a = p->n_a, n_x = p->n_x, n_c = n_a + n_x;
    size_t sa = (size_t)n_a * m;
    double *buf = xmalloc(((size_t)n_c * m + 4 * sa) * sizeof *buf);
    double *concat = buf, *ft = buf + (size_t)n_c * m, *ut = ft + sa, *cct = ut + sa, *ot = cct + sa;
    memcpy(concat, a_prev, sa * sizeof *buf);
    memcpy(concat + sa, xt, (size_t)n_x * m * sizeof *buf);
    mat_mul_bias(ft, p->Wf, concat, p->bf, n_a, n_c, m);
    mat_mul_bias(ut, p->Wi, concat, p->bi, n_a, n_c, m);
    mat_mul_bias(cct, p->Wc, concat, p->bc, n_a, n_c, m);
    mat_mul_bias(ot, p->Wo, concat, p->bo, n_a, n_c, m);
    for (size_t i = 0; i < sa; i++) {
        double f = mat_sigmoid(ft[i]), u = mat_sigmoid(ut[i]), o = mat_sigmoid(ot[i]);
        c_next[i] = f * c_prev[i] + u * tanh(cct[i]); /* c<t> = Γf*c<t-1> + Γu*c~ */
        a_next[i] = o * tanh(c_next[i]);               /* a<t> = Γo*tanh(c<t>) */
    }
    mat_mul_bias(yt, p->Wy, a_next, p->by, p->n_y, n_a, m);
    mat_softmax_cols(yt, yt, p->n_y, m);
    free(buf);
}

void lstm_forward(double *a, double *y, double *c, const double *x, const double *a0,
                  const lstm_params *p, int m, int T_x)
{
    size_t sa = (size_t)p->n_a * m, sx = (size_t)p->n_x * m, sy = (size_t)p->n_y * m;
    double *buf = xcalloc(4 * sa + sx + sy, sizeof *buf);
    double *a_prev = buf, *c_prev = buf + sa, *a_next = buf + 2 * sa, *c_next = buf + 3 * sa;
    double *xt = buf + 4 * sa, *yt = xt + sx;
    memcpy(a_prev, a0, sa * sizeof *buf);
    for (int t = 0; t < T_x; t++) {
        mat_get_step(xt, x, p->n_x, m, T_x, t);
        lstm_cell_forward(a_next, c_next, yt, xt, a_prev, c_prev, p, m);
        mat_set_step(a, a_next, p->n_a, m, T_x, t);
        mat_set_step(c, c_next, p->n_a, m, T_x, t);
        mat_set_step(y, yt, p->n_y, m, T_x, t);
        memcpy(a_prev, a_next, sa * sizeof *buf);
        memcpy(c_prev, c_next, sa * sizeof *buf);
    }
    free(buf);
}
