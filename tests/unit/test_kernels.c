/* The kernel paths (kernels.h): every path this machine runs gives the bits
 * of a plain scalar loop for every product shape (windows, tails, negative
 * strides, rows < vector width), the same tanh, exp and clipping as every
 * other path, exp within 1 ulp of the true value; the paths a CPU reports
 * are the ones found; SEQTUTOR_KERNEL is obeyed and checked; and a whole
 * training step gives the same bits on every path. */
#include "testutil.h"

#include "charrnn.h"
#include "kernels.h"
#include "rng.h"

#include <stdlib.h>
#include <string.h>

/* The supported paths, baseline first. */
static int supported_paths(const kernel_ops **out)
{
    int n = 0;
    for (int i = 0; kernel_path(i); i++)
        if (kernel_supported(kernel_path(i))) out[n++] = kernel_path(i);
    return n;
}

static void fill(rng_state *r, double *x, size_t n)
{
    rng_randn_fill(r, x, n);
}

/* out = Σ_k s_k x_k in order k = 0.. from +0.0: what every path must equal. */
static void gemm_reference(double *out, ptrdiff_t out_rs, const double *S, ptrdiff_t s_rs,
                           ptrdiff_t s_ks, const double *X, ptrdiff_t x_ks, int R, int K, int n)
{
    for (int r = 0; r < R; r++)
        for (int i = 0; i < n; i++) {
            double acc = 0.0;
            for (int k = 0; k < K; k++) acc += S[r * s_rs + k * s_ks] * X[k * x_ks + i];
            out[r * out_rs + i] = acc;
        }
}

static void test_gemm_equals_scalar_loop_on_every_path(void **state)
{
    const kernel_ops *paths[8];
    int np = supported_paths(paths);
    assert_true(np >= 1);
    assert_string_equal(paths[0]->name, "baseline");
    enum { BIG = 1 << 16 };
    double *S = malloc(BIG * sizeof *S), *X = malloc(BIG * sizeof *X);
    double *want = malloc(BIG * sizeof *want), *got = malloc(BIG * sizeof *got);
    rng_state r;
    rng_seed(&r, 21);
    fill(&r, S, BIG);
    fill(&r, X, BIG);
    /* n from 1 to past two passes of the widest block; R = 1 (a
     * recurrence) and several rows; forward and backward strides. */
    const int ns[] = {1, 2, 3, 5, 7, 8, 9, 13, 16, 27, 31, 50, 64, 100, 129};
    const int Rs[] = {1, 2, 3, 5, 9, 13, 27, 50};
    const int Ks[] = {1, 2, 13, 50};
    int shapes = 0;
    for (size_t a = 0; a < sizeof ns / sizeof *ns; a++)
        for (size_t b = 0; b < sizeof Rs / sizeof *Rs; b++)
            for (size_t c = 0; c < sizeof Ks / sizeof *Ks; c++)
                for (int backward = 0; backward < 2; backward++) {
                    int n = ns[a], R = Rs[b], K = Ks[c];
                    ptrdiff_t x_ks = n + 3, s_ks = backward ? -(R + 1) : 1;
                    ptrdiff_t s_rs = backward ? 1 : K + 2, out_rs = n + 1;
                    /* backward: S and X start at their last row */
                    const double *Sb = backward ? S + (K - 1) * (R + 1) : S;
                    const double *Xb = backward ? X + (K - 1) * x_ks : X;
                    if (backward) x_ks = -x_ks;
                    gemm_reference(want, out_rs, Sb, s_rs, s_ks, Xb, x_ks, R, K, n);
                    for (int p = 0; p < np; p++) {
                        memset(got, 0xff, (size_t)R * out_rs * sizeof *got);
                        paths[p]->gemm(got, out_rs, Sb, s_rs, s_ks, Xb, x_ks, R, K, n);
                        for (int i = 0; i < R; i++)
                            if (memcmp(got + i * out_rs, want + i * out_rs, (size_t)n * sizeof *got)) {
                                print_error("%s: R=%d K=%d n=%d %s differs in row %d\n",
                                            paths[p]->name, R, K, n, backward ? "backward" : "forward", i);
                                fail();
                            }
                    }
                    shapes++;
                }
    print_message("%d shapes on %d paths\n", shapes, np);
    free(S);
    free(X);
    free(want);
    free(got);
}

static double ulp_of(double x) { return nextafter(fabs(x), INFINITY) - fabs(x); }

static void test_tanh_and_exp_agree_across_paths(void **state)
{
    const kernel_ops *paths[8];
    int np = supported_paths(paths);
    enum { N = 40001 };
    double *x = malloc(N * sizeof *x), *ref = malloc(N * sizeof *ref), *y = malloc(N * sizeof *y);
    rng_state r;
    rng_seed(&r, 8);
    for (int i = 0; i < N; i++) x[i] = rng_randn(&r) * (i % 4 == 0 ? 0.01 : i % 4 == 1 ? 1.0 : i % 4 == 2 ? 6.0 : 300.0);
    x[0] = 0.0;
    x[1] = -0.0;
    x[2] = NAN;
    x[3] = INFINITY;
    x[4] = -INFINITY;
    x[5] = -745.5;
    x[6] = 709.7;
    x[7] = -708.5; /* subnormal exp */
    for (int f = 0; f < 2; f++) {
        for (int p = 0; p < np; p++) {
            /* out of place, in place, and odd lengths (tails) */
            for (int len = N; len > N - 5; len--) {
                memcpy(y, x, (size_t)len * sizeof *y);
                if (f == 0) paths[p]->tanh(y, y, len); else paths[p]->exp(y, y, len);
                if (p == 0 && len == N) memcpy(ref, y, N * sizeof *ref);
                double *o = malloc((size_t)len * sizeof *o);
                if (f == 0) paths[p]->tanh(o, x, len); else paths[p]->exp(o, x, len);
                for (int i = 0; i < len; i++) {
                    int same = (isnan(ref[i]) && isnan(y[i]) && isnan(o[i])) ||
                               (memcmp(&ref[i], &y[i], 8) == 0 && memcmp(&ref[i], &o[i], 8) == 0);
                    if (!same) {
                        print_error("%s %s(%.17g) = %.17g / %.17g, baseline %.17g\n", paths[p]->name,
                                    f ? "exp" : "tanh", x[i], y[i], o[i], ref[i]);
                        fail();
                    }
                }
                free(o);
            }
        }
    }
    /* exp within 1 ulp of the true value (long double's expl) */
    double worst = 0;
    memcpy(y, x, N * sizeof *y);
    kernel_active()->exp(y, y, N);
    for (int i = 0; i < N; i++) {
        if (!isfinite(x[i]) || x[i] > 709 || x[i] < -708) continue;
        long double t = expl((long double)x[i]);
        double u = (double)(fabsl((long double)y[i] - t) / ulp_of((double)t));
        if (u > worst) worst = u;
    }
    print_message("worst exp error: %.3f ulp\n", worst);
    assert_true(worst <= 1.0);
    double e[8] = {0.0, -0.0, NAN, INFINITY, -INFINITY, -800.0, 800.0, -708.5};
    kernel_active()->exp(e, e, 8);
    assert_true(e[0] == 1.0 && e[1] == 1.0 && isnan(e[2]) && e[3] == INFINITY && e[4] == 0.0);
    assert_true(e[5] == 0.0 && e[6] == INFINITY);
    assert_true(e[7] > 0 && e[7] < 2.3e-308); /* subnormal, not flushed */
    free(x);
    free(ref);
    free(y);
}

static void test_clip_update_agrees_across_paths(void **state)
{
    const kernel_ops *paths[8];
    int np = supported_paths(paths);
    enum { N = 5277 }; /* the course's parameter count: a tail after the groups of 8 */
    double *g0 = malloc(N * sizeof *g0), *p0 = malloc(N * sizeof *p0);
    double *g = malloc(N * sizeof *g), *p = malloc(N * sizeof *p);
    double *gw = malloc(N * sizeof *gw), *pw = malloc(N * sizeof *pw);
    rng_state r;
    rng_seed(&r, 9);
    fill(&r, g0, N);
    fill(&r, p0, N);
    for (int i = 0; i < N; i++) g0[i] *= 4;
    g0[17] = NAN;
    long want_count = 0;
    double want_ss = 0;
    for (int q = 0; q < np; q++) {
        memcpy(g, g0, N * sizeof *g);
        memcpy(p, p0, N * sizeof *p);
        double ss;
        long count = paths[q]->clip_update(g, p, N, 5.0, -0.01, &ss);
        if (q == 0) {
            memcpy(gw, g, N * sizeof *g);
            memcpy(pw, p, N * sizeof *p);
            want_count = count;
            want_ss = ss;
            long c = 0;
            for (int i = 0; i < N; i++) c += !(fabs(g0[i]) <= 5.0);
            assert_int_equal(count, c); /* NaN counts, as np.clip keeps it */
            assert_true(isnan(ss));
        } else {
            assert_int_equal(count, want_count);
            assert_memory_equal(&ss, &want_ss, sizeof ss);
            assert_memory_equal(g, gw, N * sizeof *g);
            assert_memory_equal(p, pw, N * sizeof *p);
        }
    }
    for (int i = 0; i < N; i++) {
        if (i == 17) continue;
        double c = g0[i] > 5 ? 5 : g0[i] < -5 ? -5 : g0[i];
        assert_true(gw[i] == c);
        assert_true(pw[i] == p0[i] + -0.01 * c);
    }
    free(g0); free(p0); free(g); free(p); free(gw); free(pw);
}

/* One step of the course's model on every path: the same bits. */
static void test_training_step_identical_on_every_path(void **state)
{
    const kernel_ops *paths[8];
    int np = supported_paths(paths);
    const int X[9] = {-1, 3, 1, 14, 15, 19, 1, 21, 18}, Y[9] = {3, 1, 14, 15, 19, 1, 21, 18, 0};
    double loss0 = 0;
    charrnn ref;
    for (int q = 0; q < np; q++) {
        kernel_set_active(paths[q]);
        charrnn m;
        charrnn_init(&m, 50, 27, 27, 9);
        assert_ptr_equal(m.k, paths[q]);
        charrnn_init_params(&m);
        double a0[50] = {0};
        double loss = 0;
        for (int it = 0; it < 3; it++) {
            loss = charrnn_forward(&m, X, Y, 9, it ? charrnn_last_a(&m, 9) : a0);
            charrnn_backward(&m, X, Y, 9);
            charrnn_clip_update(&m, 5.0, 0.01, NULL);
        }
        if (q == 0) {
            ref = m;
            loss0 = loss;
            assert_close(loss, 29.6, 0.5); /* ~9 ln 27: an untrained model */
        } else {
            assert_memory_equal(&loss, &loss0, sizeof loss);
            assert_memory_equal(m.param_mem, ref.param_mem, m.n_params * sizeof(double));
            assert_memory_equal(m.grad_mem, ref.grad_mem, m.n_params * sizeof(double));
            charrnn_free(&m);
        }
    }
    charrnn_free(&ref);
    kernel_set_active(kernel_best());
}

/* The paths this CPU reports (Linux, x86-64) are compiled in and supported. */
static void test_paths_match_the_cpu(void **state)
{
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (!f) {
        print_message("no /proc/cpuinfo: skipped\n");
        return;
    }
    char line[8192];
    int avx2 = 0, avx512 = 0, x86 = 0;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "flags", 5) != 0) continue;
        x86 = 1;
        avx2 = strstr(line, " avx2") != NULL;
        avx512 = strstr(line, " avx512f") != NULL;
        break;
    }
    fclose(f);
    assert_non_null(kernel_find("baseline"));
    assert_true(kernel_supported(kernel_find("baseline")));
#if defined(__x86_64__)
    assert_true(x86);
    assert_non_null(kernel_find("avx2"));
    assert_non_null(kernel_find("avx512"));
    assert_int_equal(kernel_supported(kernel_find("avx2")), avx2);
    assert_int_equal(kernel_supported(kernel_find("avx512")), avx512);
    const char *best = avx512 ? "avx512" : avx2 ? "avx2" : "baseline";
    assert_string_equal(kernel_best()->name, best);
    print_message("CPU: avx2 %d, avx512f %d; best path %s\n", avx2, avx512, best);
#else
    (void)avx2;
    (void)avx512;
    (void)x86;
    assert_null(kernel_find("avx2"));
#endif
}

static void test_select_from_environment(void **state)
{
    char err[256];
    setenv("SEQTUTOR_KERNEL", "baseline", 1);
    assert_int_equal(kernel_select(err, sizeof err), 0);
    assert_string_equal(kernel_active()->name, "baseline");
    setenv("SEQTUTOR_KERNEL", "auto", 1);
    assert_int_equal(kernel_select(err, sizeof err), 0);
    assert_ptr_equal(kernel_active(), kernel_best());
    setenv("SEQTUTOR_KERNEL", "sse9", 1);
    assert_int_equal(kernel_select(err, sizeof err), -1);
    assert_non_null(strstr(err, "SEQTUTOR_KERNEL=sse9: unknown kernel path"));
    assert_non_null(strstr(err, "baseline"));
    for (int i = 0; kernel_path(i); i++)
        if (!kernel_supported(kernel_path(i))) {
            setenv("SEQTUTOR_KERNEL", kernel_path(i)->name, 1);
            assert_int_equal(kernel_select(err, sizeof err), -1);
            assert_non_null(strstr(err, "this CPU cannot run it"));
        }
    unsetenv("SEQTUTOR_KERNEL");
    assert_int_equal(kernel_select(err, sizeof err), 0);
    char d[128];
    kernel_describe(d, sizeof d);
    assert_non_null(strstr(d, kernel_best()->name));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gemm_equals_scalar_loop_on_every_path),
        cmocka_unit_test(test_tanh_and_exp_agree_across_paths),
        cmocka_unit_test(test_clip_update_agrees_across_paths),
        cmocka_unit_test(test_training_step_identical_on_every_path),
        cmocka_unit_test(test_paths_match_the_cpu),
        cmocka_unit_test(test_select_from_environment),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
