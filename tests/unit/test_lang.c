/* The course language rule (lang.h), one step at a time: --lang, the saved
 * choice, LANGUAGE (not in the C locale), LC_ALL, LC_MESSAGES, LANG,
 * English; and the saved choice read back from a progress file. */
#include "testutil.h"

#include "lang.h"
#include "progress.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void clear_env(void)
{
    unsetenv("LANGUAGE");
    unsetenv("LC_ALL");
    unsetenv("LC_MESSAGES");
    unsetenv("LANG");
}

static int setup(void **state)
{
    clear_env();
    return 0;
}

static void test_nothing_set_is_english(void **state)
{
    assert_string_equal(lang_choose(NULL, NULL), "en");
    setenv("LANG", "fr_FR.UTF-8", 1);
    assert_string_equal(lang_choose(NULL, NULL), "en");
}

static void test_flag_wins_over_everything(void **state)
{
    setenv("LC_ALL", "zh_CN.UTF-8", 1);
    setenv("LANGUAGE", "zh", 1);
    assert_string_equal(lang_choose("en", "zh"), "en");
    assert_string_equal(lang_choose("zh", "en"), "zh");
    assert_null(lang_choose("fr", "en"));
    assert_null(lang_pick("ZH"));
}

static void test_saved_choice_wins_over_the_environment(void **state)
{
    setenv("LC_ALL", "zh_CN.UTF-8", 1);
    setenv("LANGUAGE", "zh_CN:zh", 1);
    assert_string_equal(lang_choose(NULL, "en"), "en");
    setenv("LC_ALL", "en_US.UTF-8", 1);
    assert_string_equal(lang_choose(NULL, "zh"), "zh");
    /* an empty or unknown saved value is no choice */
    assert_string_equal(lang_choose(NULL, ""), "zh"); /* LANGUAGE's zh_CN */
    assert_string_equal(lang_choose(NULL, "xx"), "zh");
}

static void test_language_list(void **state)
{
    setenv("LANG", "en_US.UTF-8", 1);
    setenv("LANGUAGE", "zh_CN:en", 1);
    assert_string_equal(lang_from_env(), "zh");
    setenv("LANGUAGE", "fr:de:en_GB:zh", 1); /* the first one we have */
    assert_string_equal(lang_from_env(), "en");
    setenv("LANGUAGE", "fr:de", 1); /* none we have: on to the locale */
    setenv("LANG", "zh_TW.UTF-8", 1);
    assert_string_equal(lang_from_env(), "zh");
    setenv("LANGUAGE", "zhx:zh", 1); /* "zhx" is not Chinese */
    setenv("LANG", "en_US.UTF-8", 1);
    assert_string_equal(lang_from_env(), "zh");
}

static void test_language_ignored_in_the_c_locale(void **state)
{
    setenv("LANGUAGE", "zh_CN:zh", 1);
    assert_string_equal(lang_from_env(), "en"); /* no locale at all: C */
    setenv("LANG", "C", 1);
    assert_string_equal(lang_from_env(), "en");
    setenv("LANG", "POSIX", 1);
    assert_string_equal(lang_from_env(), "en");
    setenv("LC_ALL", "C.UTF-8", 1);
    setenv("LANG", "zh_CN.UTF-8", 1); /* LC_ALL wins, and it is C */
    assert_string_equal(lang_from_env(), "en");
    unsetenv("LC_ALL");
    assert_string_equal(lang_from_env(), "zh");
}

static void test_lc_all_then_lc_messages_then_lang(void **state)
{
    setenv("LANG", "zh_CN.UTF-8", 1);
    assert_string_equal(lang_from_env(), "zh");
    setenv("LC_MESSAGES", "en_US.UTF-8", 1);
    assert_string_equal(lang_from_env(), "en");
    setenv("LC_ALL", "zh_SG.UTF-8", 1);
    assert_string_equal(lang_from_env(), "zh");
    setenv("LC_ALL", "", 1); /* empty counts as unset */
    assert_string_equal(lang_from_env(), "en");
    unsetenv("LC_MESSAGES");
    setenv("LANG", "en_US.UTF-8", 1);
    setenv("LC_MESSAGES", "zh_CN.UTF-8", 1);
    assert_string_equal(lang_from_env(), "zh");
}

static void test_saved_choice_read_from_the_progress_file(void **state)
{
    char dir[] = "/tmp/seqtutor-lang-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/progress", dir);
    assert_null(progress_peek_lang(path));
    progress p;
    progress_init(&p);
    progress_set_lang(&p, "zh");
    char err[256];
    assert_int_equal(progress_save(&p, path, err, sizeof err), 0);
    assert_string_equal(progress_peek_lang(path), "zh");
    progress_set_lang(&p, "en");
    assert_int_equal(progress_save(&p, path, err, sizeof err), 0);
    assert_string_equal(progress_peek_lang(path), "en");
    FILE *f = fopen(path, "w");
    fputs("something else\nlang zh\n", f);
    fclose(f);
    assert_null(progress_peek_lang(path)); /* not a progress file: no choice */
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_nothing_set_is_english, setup),
        cmocka_unit_test_setup(test_flag_wins_over_everything, setup),
        cmocka_unit_test_setup(test_saved_choice_wins_over_the_environment, setup),
        cmocka_unit_test_setup(test_language_list, setup),
        cmocka_unit_test_setup(test_language_ignored_in_the_c_locale, setup),
        cmocka_unit_test_setup(test_lc_all_then_lc_messages_then_lang, setup),
        cmocka_unit_test_setup(test_saved_choice_read_from_the_progress_file, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
