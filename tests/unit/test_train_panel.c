/* The training panel's rules that need no terminal: pace levels, ':set'
 * parsing and its messages, the save file name and the header's formats. */
#include "testutil.h"

#include "train_panel.h"

#include <string.h>

static void test_pace_levels_up_to_full_speed(void **state)
{
    double p = 50;
    const double want[] = {100, 200, 500, 1000, 2000, 5000, 10000, 0, 0};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        p = panel_pace_step(p, +1);
        assert_true(p == want[i]);
    }
}

static void test_pace_levels_down_from_full_speed(void **state)
{
    double p = 0;
    const double want[] = {10000, 5000, 2000, 1000, 500, 200, 100, 50, 50};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        p = panel_pace_step(p, -1);
        assert_true(p == want[i]);
    }
}

static void test_pace_between_levels_goes_to_neighbour(void **state)
{
    assert_true(panel_pace_step(300, +1) == 500);
    assert_true(panel_pace_step(300, -1) == 200);
    assert_true(panel_pace_step(20, -1) == 50);
    assert_true(panel_pace_step(20, +1) == 50);
    assert_true(panel_pace_step(20000, +1) == 0);
    assert_true(panel_pace_step(20000, -1) == 10000);
    assert_true(panel_pace_step(PANEL_PACE_DEFAULT, +1) == 1000);
}

static void test_set_good_values(void **state)
{
    trainer_config c;
    trainer_config_defaults(&c);
    int which = -2;
    assert_int_equal(panel_set_apply(&c, "lr", "0.05", &which), PANEL_SET_OK);
    assert_int_equal(which, PANEL_SET_LR);
    assert_close(c.lr, 0.05, 0);
    assert_int_equal(panel_set_apply(&c, "hidden", "100", &which), PANEL_SET_OK);
    assert_int_equal(c.hidden, 100);
    assert_int_equal(panel_set_apply(&c, "every", "500", &which), PANEL_SET_OK);
    assert_int_equal(c.every, 500);
    assert_int_equal(panel_set_apply(&c, "names", "10", &which), PANEL_SET_OK);
    assert_int_equal(c.names, 10);
    assert_int_equal(panel_set_apply(&c, "iterations", "1000000", &which), PANEL_SET_OK);
    assert_int_equal(c.iterations, 1000000);
    assert_int_equal(which, PANEL_SET_ITERATIONS);
    char out[32];
    panel_setting_format(&c, PANEL_SET_LR, out, sizeof out);
    assert_string_equal(out, "0.05");
    panel_setting_format(&c, PANEL_SET_ITERATIONS, out, sizeof out);
    assert_string_equal(out, "1000000");
}

static void test_set_bad_values_leave_config_alone(void **state)
{
    trainer_config c, before;
    trainer_config_defaults(&c);
    before = c;
    int which = -2;
    assert_int_equal(panel_set_apply(&c, "lr", "abc", &which), PANEL_SET_NOT_NUMBER);
    assert_int_equal(which, PANEL_SET_LR);
    assert_int_equal(panel_set_apply(&c, "lr", "0.05x", &which), PANEL_SET_NOT_NUMBER);
    assert_int_equal(panel_set_apply(&c, "lr", "0", &which), PANEL_SET_RANGE);
    assert_int_equal(panel_set_apply(&c, "lr", "-1", &which), PANEL_SET_RANGE);
    assert_int_equal(panel_set_apply(&c, "lr", "nan", &which), PANEL_SET_NOT_NUMBER);
    assert_int_equal(panel_set_apply(&c, "hidden", "0", &which), PANEL_SET_RANGE);
    assert_int_equal(panel_set_apply(&c, "hidden", "1025", &which), PANEL_SET_RANGE);
    assert_int_equal(panel_set_apply(&c, "hidden", "2.5", &which), PANEL_SET_NOT_NUMBER);
    assert_int_equal(panel_set_apply(&c, "names", "33", &which), PANEL_SET_RANGE);
    assert_int_equal(panel_set_apply(&c, "every", NULL, &which), PANEL_SET_MISSING);
    assert_int_equal(panel_set_apply(&c, "every", "", &which), PANEL_SET_MISSING);
    assert_int_equal(panel_set_apply(&c, "colour", "1", &which), PANEL_SET_UNKNOWN);
    assert_int_equal(which, -1);
    assert_int_equal(panel_set_apply(&c, NULL, NULL, &which), PANEL_SET_UNKNOWN);
    assert_memory_equal(&c, &before, sizeof c);
}

static void test_set_messages_in_both_languages(void **state)
{
    char m[256];
    panel_set_message(PANEL_SET_NOT_NUMBER, PANEL_SET_LR, "lr", "abc", "en", m, sizeof m);
    assert_string_equal(m, "learning rate must be a number, not 'abc'");
    panel_set_message(PANEL_SET_RANGE, PANEL_SET_HIDDEN, "hidden", "0", "en", m, sizeof m);
    assert_string_equal(m, "hidden units n_a must be 1..1024, not 0");
    panel_set_message(PANEL_SET_UNKNOWN, -1, "colour", "1", "en", m, sizeof m);
    assert_string_equal(m, "no setting 'colour'; try lr, hidden, every, names or iterations");
    panel_set_message(PANEL_SET_NOT_NUMBER, PANEL_SET_LR, "lr", "abc", "zh", m, sizeof m);
    assert_string_equal(m, "学习率 必须是数字，“abc”不是");
    panel_set_message(PANEL_SET_RANGE, PANEL_SET_LR, "lr", "0", "zh", m, sizeof m);
    assert_non_null(strstr(m, "> 0, <= 1e+06"));
    panel_set_message(PANEL_SET_MISSING, PANEL_SET_EVERY, "every", NULL, "en", m, sizeof m);
    assert_string_equal(m, ":set every needs a value (1..2000000000)");
}

static void test_save_name(void **state)
{
    char out[128];
    panel_save_name("/x/data/dinos.txt", 12000, out, sizeof out);
    assert_string_equal(out, "dinos-12000.model");
    panel_save_name("names", 5, out, sizeof out);
    assert_string_equal(out, "names-5.model");
    panel_save_name("dir.d/archive.tar.gz", 7, out, sizeof out);
    assert_string_equal(out, "archive.tar-7.model");
    panel_save_name("/x/.hidden", 3, out, sizeof out);
    assert_string_equal(out, ".hidden-3.model");
    panel_save_name(NULL, 0, out, sizeof out);
    assert_string_equal(out, "model-0.model");
    panel_save_name("dir/", 9, out, sizeof out);
    assert_string_equal(out, "model-9.model");
}

static void test_formats(void **state)
{
    char out[32];
    panel_format_duration(-3, out, sizeof out);
    assert_string_equal(out, "0.0s");
    panel_format_duration(9.96, out, sizeof out);
    assert_string_equal(out, "9.9s");
    panel_format_duration(42.9, out, sizeof out);
    assert_string_equal(out, "42s");
    panel_format_duration(187, out, sizeof out);
    assert_string_equal(out, "3:07");
    panel_format_duration(3723, out, sizeof out);
    assert_string_equal(out, "1:02:03");
    panel_format_bytes(823, out, sizeof out);
    assert_string_equal(out, "823 B");
    panel_format_bytes(19866, out, sizeof out);
    assert_string_equal(out, "19.4 KB");
    panel_format_bytes(2202010, out, sizeof out);
    assert_string_equal(out, "2.1 MB");
    assert_int_equal(panel_bar_fill(0, 100, 20), 0);
    assert_int_equal(panel_bar_fill(49, 100, 20), 9);
    assert_int_equal(panel_bar_fill(50, 100, 20), 10);
    assert_int_equal(panel_bar_fill(100, 100, 20), 20);
    assert_int_equal(panel_bar_fill(200, 100, 20), 20);
    assert_int_equal(panel_bar_fill(5, 0, 20), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pace_levels_up_to_full_speed),
        cmocka_unit_test(test_pace_levels_down_from_full_speed),
        cmocka_unit_test(test_pace_between_levels_goes_to_neighbour),
        cmocka_unit_test(test_set_good_values),
        cmocka_unit_test(test_set_bad_values_leave_config_alone),
        cmocka_unit_test(test_set_messages_in_both_languages),
        cmocka_unit_test(test_save_name),
        cmocka_unit_test(test_formats),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
