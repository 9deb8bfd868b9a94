/* NumPy legacy RandomState test vectors (shared/reference/course-values.md). */
#include "testutil.h"

#include "rng.h"

static void test_randn_seed1(void **state)
{
    rng_state r;
    rng_seed(&r, 1);
    assert_true(rng_randn(&r) == 1.6243453636632417);
    assert_true(rng_randn(&r) == -0.6117564136500754);
    assert_true(rng_randn(&r) == -0.5281717522634557);
}

static void test_random_sample_seed0(void **state)
{
    rng_state r;
    rng_seed(&r, 0);
    assert_true(rng_random_sample(&r) == 0.5488135039273248);
    assert_true(rng_random_sample(&r) == 0.7151893663724195);
}

static void test_seed_clears_cached_gaussian(void **state)
{
    rng_state r;
    rng_seed(&r, 1);
    rng_randn(&r); /* caches the second value */
    rng_seed(&r, 1);
    assert_true(rng_randn(&r) == 1.6243453636632417);
}

static void test_shuffle_seed0(void **state)
{
    rng_state r;
    rng_seed(&r, 0);
    size_t l[10];
    for (size_t i = 0; i < 10; i++) l[i] = i;
    rng_shuffle(&r, l, 10);
    const size_t want[10] = {2, 8, 4, 9, 1, 6, 7, 3, 0, 5};
    for (int i = 0; i < 10; i++) assert_int_equal(l[i], want[i]);
}

static void test_choice_seed3(void **state)
{
    rng_state r;
    rng_seed(&r, 3);
    const double p[5] = {0.1, 0.2, 0.3, 0.25, 0.15};
    double cdf[5];
    assert_int_equal(rng_choice(&r, p, 5, cdf), 2);
}

static void test_choice_follows_probabilities(void **state)
{
    /* A point mass must always be chosen, whatever the draw. */
    rng_state r;
    const double p[4] = {0.0, 0.0, 1.0, 0.0};
    double cdf[4];
    for (unsigned s = 0; s < 50; s++) {
        rng_seed(&r, s);
        assert_int_equal(rng_choice(&r, p, 4, cdf), 2);
    }
}

static void test_interval_bounds(void **state)
{
    rng_state r;
    rng_seed(&r, 42);
    for (int i = 0; i < 1000; i++) assert_true(rng_interval(&r, 6) <= 6);
    assert_int_equal(rng_interval(&r, 0), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_randn_seed1),
        cmocka_unit_test(test_random_sample_seed0),
        cmocka_unit_test(test_seed_clears_cached_gaussian),
        cmocka_unit_test(test_shuffle_seed0),
        cmocka_unit_test(test_choice_seed3),
        cmocka_unit_test(test_choice_follows_probabilities),
        cmocka_unit_test(test_interval_bounds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
