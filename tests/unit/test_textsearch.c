/* test_textsearch.c — case-insensitive (ASCII) search in UTF-8 text. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "textsearch.h"

#include <string.h>

static void test_ascii_case_folds(void **state)
{
    const char *s = "The GRU and the gru";
    assert_int_equal(text_search(s, strlen(s), 0, "gru"), 8);
    assert_int_equal(text_search(s, strlen(s), 9, "GRU"), 16);
    assert_int_equal(text_search(s, strlen(s), 17, "gru"), -1);
    assert_int_equal(text_search(s, strlen(s), 0, ""), -1);
    assert_int_equal(text_search(s, strlen(s), 0, "lstm"), -1);
}

static void test_chinese_exact(void **state)
{
    const char *s = "门控循环单元（GRU）解决梯度消失";
    long at = text_search(s, strlen(s), 0, "梯度");
    assert_true(at > 0);
    assert_int_equal(strncmp(s + at, "梯度", strlen("梯度")), 0);
    assert_int_equal(text_search(s, strlen(s), 0, "gru"), (long)strlen("门控循环单元（"));
    /* A search that starts inside a character finds only later matches. */
    assert_int_equal(text_search(s, strlen(s), 1, "门控"), -1);
}

static void test_bounds(void **state)
{
    assert_int_equal(text_search("abc", 3, 4, "a"), -1);
    assert_int_equal(text_search("abc", 3, 0, "abcd"), -1);
    assert_int_equal(text_search("abc", 2, 0, "abc"), -1);
    assert_int_equal(text_search("abcabc", 6, 1, "ABC"), 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ascii_case_folds),
        cmocka_unit_test(test_chinese_exact),
        cmocka_unit_test(test_bounds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
