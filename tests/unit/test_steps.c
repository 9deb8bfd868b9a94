/* The seed's step-by-step functions against the published values. */
#include "testutil.h"

#include "lstm.h"
#include "rng.h"
#include "rnn.h"

#include <stdlib.h>

static double *draw(rng_state *r, size_t n)
{
    double *p = malloc(n * sizeof *p);
    rng_randn_fill(r, p, n);
    return p;
}

static void test_rnn_cell_forward(void **state)
{
    rng_state r;
    rng_seed(&r, 1);
    double *xt = draw(&r, 30), *a_prev = draw(&r, 50), *Waa = draw(&r, 25), *Wax = draw(&r, 15);
    double *Wya = draw(&r, 10), *ba = draw(&r, 5), *by = draw(&r, 2);
    rnn_params p = {3, 5, 2, Waa, Wax, Wya, ba, by};
    double a_next[50], yt[20];
    rnn_cell_forward(a_next, yt, xt, a_prev, &p, 10);
    const double a4[10] = {0.59584544, 0.18141802, 0.61311866, 0.99808218, 0.85016201,
                           0.99980978, -0.18887155, 0.99815551, 0.6531151, 0.82872037};
    const double y1[10] = {0.9888161, 0.01682021, 0.21140899, 0.36817467, 0.98988387,
                           0.88945212, 0.36920224, 0.9966312, 0.9982559, 0.17746526};
    for (int j = 0; j < 10; j++) {
        assert_close(a_next[4 * 10 + j], a4[j], 1e-8);
        assert_close(yt[1 * 10 + j], y1[j], 1e-8);
    }
    free(xt); free(a_prev); free(Waa); free(Wax); free(Wya); free(ba); free(by);
}

static void test_rnn_forward(void **state)
{
    rng_state r;
    rng_seed(&r, 1);
    double *x = draw(&r, 3 * 10 * 4), *a0 = draw(&r, 50), *Waa = draw(&r, 25), *Wax = draw(&r, 15);
    double *Wya = draw(&r, 10), *ba = draw(&r, 5), *by = draw(&r, 2);
    rnn_params p = {3, 5, 2, Waa, Wax, Wya, ba, by};
    double a[5 * 10 * 4], y[2 * 10 * 4];
    rnn_forward(a, y, x, a0, &p, 10, 4);
    const double a41[4] = {-0.99999375, 0.77911235, -0.99861469, -0.99833267};
    const double y13[4] = {0.79560373, 0.86224861, 0.11118257, 0.81515947};
    for (int t = 0; t < 4; t++) {
        assert_close(a[(4 * 10 + 1) * 4 + t], a41[t], 1e-8);
        assert_close(y[(1 * 10 + 3) * 4 + t], y13[t], 1e-8);
    }
    free(x); free(a0); free(Waa); free(Wax); free(Wya); free(ba); free(by);
}

typedef struct {
    double *Wf, *bf, *Wi, *bi, *Wo, *bo, *Wc, *bc, *Wy, *by;
} lstm_draws;

/* Parameters in the order the notebook draws them. */
static lstm_params draw_lstm(rng_state *r, lstm_draws *d)
{
    d->Wf = draw(r, 40); d->bf = draw(r, 5);
    d->Wi = draw(r, 40); d->bi = draw(r, 5);
    d->Wo = draw(r, 40); d->bo = draw(r, 5);
    d->Wc = draw(r, 40); d->bc = draw(r, 5);
    d->Wy = draw(r, 10); d->by = draw(r, 2);
    lstm_params p = {3, 5, 2, d->Wf, d->bf, d->Wi, d->bi, d->Wc, d->bc, d->Wo, d->bo, d->Wy, d->by};
    return p;
}

static void free_lstm(lstm_draws *d)
{
    free(d->Wf); free(d->bf); free(d->Wi); free(d->bi); free(d->Wo);
    free(d->bo); free(d->Wc); free(d->bc); free(d->Wy); free(d->by);
}

static void test_lstm_cell_forward(void **state)
{
    rng_state r;
    rng_seed(&r, 1);
    double *xt = draw(&r, 30), *a_prev = draw(&r, 50), *c_prev = draw(&r, 50);
    lstm_draws d;
    lstm_params p = draw_lstm(&r, &d);
    double a_next[50], c_next[50], yt[20];
    lstm_cell_forward(a_next, c_next, yt, xt, a_prev, c_prev, &p, 10);
    const double a4[10] = {-0.66408471, 0.0036921, 0.02088357, 0.22834167, -0.85575339,
                           0.00138482, 0.76566531, 0.34631421, -0.00215674, 0.43827275};
    const double c2[10] = {0.63267805, 1.00570849, 0.35504474, 0.20690913, -1.64566718,
                           0.11832942, 0.76449811, -0.0981561, -0.74348425, -0.26810932};
    const double y1[10] = {0.79913913, 0.15986619, 0.22412122, 0.15606108, 0.97057211,
                           0.31146381, 0.00943007, 0.12666353, 0.39380172, 0.07828381};
    for (int j = 0; j < 10; j++) {
        assert_close(a_next[40 + j], a4[j], 1e-8);
        assert_close(c_next[20 + j], c2[j], 1e-8);
        assert_close(yt[10 + j], y1[j], 1e-8);
    }
    free(xt); free(a_prev); free(c_prev);
    free_lstm(&d);
}

static void test_lstm_forward(void **state)
{
    rng_state r;
    rng_seed(&r, 1);
    double *x = draw(&r, 3 * 10 * 7), *a0 = draw(&r, 50);
    lstm_draws d;
    lstm_params p = draw_lstm(&r, &d);
    double a[5 * 10 * 7], c[5 * 10 * 7], y[2 * 10 * 7];
    lstm_forward(a, y, c, x, a0, &p, 10, 7);
    assert_close(a[(4 * 10 + 3) * 7 + 6], 0.1721177675329167, 1e-12);
    assert_close(y[(1 * 10 + 4) * 7 + 3], 0.9508734618501101, 1e-12);
    assert_close(c[(1 * 10 + 2) * 7 + 1], -0.8555449167181982, 1e-12);
    free(x); free(a0);
    free_lstm(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rnn_cell_forward),
        cmocka_unit_test(test_rnn_forward),
        cmocka_unit_test(test_lstm_cell_forward),
        cmocka_unit_test(test_lstm_forward),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
