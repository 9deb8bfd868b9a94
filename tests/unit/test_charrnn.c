/* The char-RNN: published clip/optimize values, a finite-difference gradient
 * check, the vectorised tanh against libm, sampling and NaN detection. */
#include "testutil.h"

#include "charrnn.h"
#include "rng.h"

#include <float.h>
#include <stdlib.h>
#include <string.h>

static void test_clip_published(void **state)
{
    charrnn m;
    charrnn_init(&m, 5, 3, 2, 2);
    rng_state r;
    rng_seed(&r, 3);
    /* drawn in the notebook's order: dWax, dWaa, dWya, db, dby */
    double *order[5] = {m.g.Wax, m.g.Waa, m.g.Wya, m.g.b, m.g.by};
    size_t sizes[5] = {15, 25, 10, 5, 2};
    for (int k = 0; k < 5; k++) {
        rng_randn_fill(&r, order[k], sizes[k]);
        for (size_t i = 0; i < sizes[k]; i++) order[k][i] *= 10;
    }
    double norm = 0;
    assert_int_equal(charrnn_clip(&m, 10.0, &norm), 1);
    assert_true(norm > 10.0);
    assert_true(m.g.Waa[1 * 5 + 2] == 10.0);
    assert_true(m.g.Wax[3 * 3 + 1] == -10.0);
    assert_close(m.g.Wya[1 * 5 + 2], 0.2971381536101662, 1e-15);
    assert_true(m.g.b[4] == 10.0);
    assert_close(m.g.by[1], 8.45833407057182, 1e-14);
    charrnn_free(&m);
}

static void test_optimize_published(void **state)
{
    charrnn m;
    charrnn_init(&m, 100, 27, 27, 6);
    rng_state r;
    rng_seed(&r, 1);
    double a_prev[100];
    rng_randn_fill(&r, a_prev, 100);
    rng_randn_fill(&r, m.p.Wax, 100 * 27);
    rng_randn_fill(&r, m.p.Waa, 100 * 100);
    rng_randn_fill(&r, m.p.Wya, 27 * 100);
    rng_randn_fill(&r, m.p.b, 100);
    rng_randn_fill(&r, m.p.by, 27);
    charrnn_sync(&m);
    const int X[6] = {12, 3, 5, 11, 22, 3}, Y[6] = {4, 14, 11, 22, 25, 26};
    double loss = charrnn_forward(&m, X, Y, 6, a_prev);
    charrnn_backward(&m, X, Y, 6);
    charrnn_clip(&m, 5.0, NULL);
    charrnn_update(&m, 0.01);
    assert_close(loss, 126.50397572165366, 1e-10);
    assert_close(m.g.Waa[1 * 100 + 2], 0.1947093153471317, 1e-12);
    size_t best = 0;
    for (size_t i = 1; i < 100 * 27; i++)
        if (m.g.Wax[i] > m.g.Wax[best]) best = i;
    assert_int_equal(best, 93);
    assert_close(m.g.Wya[1 * 100 + 2], -0.007773876032002393, 1e-14);
    assert_close(m.g.b[4], -0.06809825015246915, 1e-13);
    assert_close(m.g.by[1], 0.015381922316514546, 1e-14);
    assert_close(charrnn_last_a(&m, 6)[4], -0.9999999999998515, 1e-12);
    charrnn_free(&m);
}

/* Relative error |num - ana| / max(|num| + |ana|, floor) for every parameter. */
static void test_gradient_check(void **state)
{
    const int n_a = 7, V = 6, T = 5;
    charrnn m;
    charrnn_init(&m, n_a, V, V, T);
    rng_state r;
    rng_seed(&r, 11);
    rng_randn_fill(&r, m.param_mem, m.n_params);
    for (size_t i = 0; i < m.n_params; i++) m.param_mem[i] *= 0.5;
    charrnn_sync(&m);
    double a0[7];
    rng_randn_fill(&r, a0, n_a);
    const int X[5] = {-1, 2, 0, 5, 3}, Y[5] = {2, 0, 5, 3, 1};
    charrnn_forward(&m, X, Y, T, a0);
    charrnn_backward(&m, X, Y, T);
    double *ana = malloc(m.n_params * sizeof *ana);
    memcpy(ana, m.grad_mem, m.n_params * sizeof *ana);
    double worst = 0;
    for (size_t i = 0; i < m.n_params; i++) {
        const double h = 1e-5;
        double keep = m.param_mem[i];
        m.param_mem[i] = keep + h;
        charrnn_sync(&m);
        double lp = charrnn_forward(&m, X, Y, T, a0);
        m.param_mem[i] = keep - h;
        charrnn_sync(&m);
        double lm = charrnn_forward(&m, X, Y, T, a0);
        m.param_mem[i] = keep;
        charrnn_sync(&m);
        double num = (lp - lm) / (2 * h);
        double rel = fabs(num - ana[i]) / fmax(fabs(num) + fabs(ana[i]), 1e-7);
        if (rel > worst) worst = rel;
    }
    print_message("worst relative error over %zu parameters: %.3g\n", m.n_params, worst);
    assert_true(worst < 1e-6);
    free(ana);
    charrnn_free(&m);
}

static double ulp_distance(double a, double b)
{
    if (a == b) return 0;
    return fabs(a - b) / (nextafter(fabs(b), INFINITY) - fabs(b));
}

static void test_tanh_matches_libm(void **state)
{
    double worst = 0;
    rng_state r;
    rng_seed(&r, 5);
    for (int i = 0; i < 200000; i++) {
        double x = rng_randn(&r) * (i % 3 == 0 ? 0.01 : i % 3 == 1 ? 1.0 : 8.0);
        double u = ulp_distance(charrnn_tanh(x), tanh(x));
        if (u > worst) worst = u;
    }
    print_message("worst tanh error: %.2f ulp\n", worst);
    assert_true(worst <= 4.0);
    assert_true(charrnn_tanh(0.0) == 0.0);
    assert_true(charrnn_tanh(25.0) == 1.0);
    assert_true(charrnn_tanh(-25.0) == -1.0);
    assert_true(charrnn_tanh(1e-300) == 1e-300);
    assert_true(isnan(charrnn_tanh(NAN)));
    assert_true(charrnn_tanh(INFINITY) == 1.0);
}

static void test_sample_is_repeatable_and_ends(void **state)
{
    charrnn m;
    charrnn_init(&m, 10, 5, 5, 2);
    charrnn_init_params(&m);
    rng_state r;
    int a[51], b[51];
    int na = charrnn_sample(&m, &r, 3, 0, NULL, 0, 1.0, 50, a);
    int nb = charrnn_sample(&m, &r, 3, 0, NULL, 0, 1.0, 50, b);
    assert_int_equal(na, nb);
    assert_memory_equal(a, b, (size_t)na * sizeof *a);
    assert_int_equal(a[na - 1], 0); /* always ends with the newline */
    assert_true(na <= 51);
    /* A prefix is kept as given. */
    const int pre[2] = {3, 4};
    int n = charrnn_sample(&m, &r, 0, 0, pre, 2, 1.0, 50, a);
    assert_true(n >= 3);
    assert_int_equal(a[0], 3);
    assert_int_equal(a[1], 4);
    charrnn_free(&m);
}

/* The fused pass used by the trainer gives the same bits as clip + update. */
static void test_clip_update_equals_clip_then_update(void **state)
{
    charrnn a, b;
    charrnn_init(&a, 9, 11, 11, 2);
    charrnn_init(&b, 9, 11, 11, 2);
    rng_state r;
    rng_seed(&r, 4);
    rng_randn_fill(&r, a.param_mem, a.n_params);
    rng_randn_fill(&r, a.grad_mem, a.n_params);
    for (size_t i = 0; i < a.n_params; i++) a.grad_mem[i] *= 4;
    memcpy(b.param_mem, a.param_mem, a.n_params * sizeof(double));
    memcpy(b.grad_mem, a.grad_mem, a.n_params * sizeof(double));
    double na, nb;
    int ca = charrnn_clip(&a, 5.0, &na);
    charrnn_update(&a, 0.01);
    int cb = charrnn_clip_update(&b, 5.0, 0.01, &nb);
    assert_int_equal(ca, 1);
    assert_int_equal(cb, 1);
    assert_true(na == nb);
    assert_memory_equal(a.param_mem, b.param_mem, a.n_params * sizeof(double));
    assert_memory_equal(a.grad_mem, b.grad_mem, a.n_params * sizeof(double));
    assert_memory_equal(a.WaaT, b.WaaT, 81 * sizeof(double));
    assert_true(b.WaaT[1 * 9 + 2] == b.p.Waa[2 * 9 + 1]);
    charrnn_free(&a);
    charrnn_free(&b);
}

static void test_nan_parameters_detected(void **state)
{
    charrnn m;
    charrnn_init(&m, 4, 3, 3, 2);
    charrnn_init_params(&m);
    assert_true(charrnn_params_finite(&m));
    m.p.Waa[5] = NAN;
    assert_false(charrnn_params_finite(&m));
    m.p.Waa[5] = INFINITY;
    assert_false(charrnn_params_finite(&m));
    charrnn_free(&m);
}

static void test_init_params_course(void **state)
{
    /* initialize_parameters: seed(1), randn*0.01 for Wax first. */
    charrnn m;
    charrnn_init(&m, 50, 27, 27, 2);
    charrnn_init_params(&m);
    assert_close(m.p.Wax[0], 1.6243453636632417 * 0.01, 1e-18);
    assert_close(m.p.Wax[1], -0.6117564136500754 * 0.01, 1e-18);
    assert_true(m.p.b[0] == 0.0 && m.p.by[26] == 0.0);
    charrnn_free(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clip_published),
        cmocka_unit_test(test_optimize_published),
        cmocka_unit_test(test_gradient_check),
        cmocka_unit_test(test_tanh_matches_libm),
        cmocka_unit_test(test_sample_is_repeatable_and_ends),
        cmocka_unit_test(test_clip_update_equals_clip_then_update),
        cmocka_unit_test(test_nan_parameters_detected),
        cmocka_unit_test(test_init_params_course),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
