/* test_progress.c — the lesson progress file: round trip, corrupt files. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "progress.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[256];

static int setup(void **state)
{
    snprintf(dir, sizeof dir, "/tmp/test_progress.XXXXXX");
    assert_non_null(mkdtemp(dir));
    return 0;
}

static int teardown(void **state)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Each call returns a new string, valid until the test program ends. */
static char *path_in(const char *name)
{
    static char bufs[16][320];
    static int next;
    char *buf = bufs[next++ % 16];
    snprintf(buf, 320, "%s/%s", dir, name);
    return buf;
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void test_missing_file_is_fresh(void **state)
{
    progress p;
    char err[ERRBUF];
    assert_int_equal(progress_load(&p, path_in("progress"), err, sizeof err), PROGRESS_MISSING);
    assert_string_equal(p.lang, "");
    assert_int_equal(progress_is_read(&p, 1), 0);
    assert_int_equal(p.dirty, 0);
}

static void test_round_trip(void **state)
{
    progress p;
    progress_init(&p);
    progress_set_lang(&p, "zh");
    progress_mark_read(&p, 3);
    progress_mark_read(&p, 10);
    progress_set_pos(&p, 6, "zh", 12, 40, 55);
    progress_set_pos(&p, 6, "en", 7, 0, 30);
    progress_set_pos(&p, 11, "en", 1, 1, 1); /* ignored: no lesson 11 */
    assert_int_equal(p.dirty, 1);
    char err[ERRBUF];
    const char *path = path_in("progress");
    assert_int_equal(progress_save(&p, path, err, sizeof err), 0);
    assert_int_equal(p.dirty, 0);

    progress q;
    assert_int_equal(progress_load(&q, path, err, sizeof err), PROGRESS_OK);
    assert_string_equal(q.lang, "zh");
    assert_int_equal(progress_is_read(&q, 3), 1);
    assert_int_equal(progress_is_read(&q, 10), 1);
    assert_int_equal(progress_is_read(&q, 4), 0);
    const progress_pos *zh = progress_get_pos(&q, 6, "zh");
    assert_int_equal(zh->set, 1);
    assert_int_equal(zh->block, 12);
    assert_int_equal(zh->offset, 40);
    assert_int_equal(zh->percent, 55);
    const progress_pos *en = progress_get_pos(&q, 6, "en");
    assert_int_equal(en->block, 7);
    assert_int_equal(en->percent, 30);
    assert_int_equal(progress_get_pos(&q, 5, "en")->set, 0);
    assert_int_equal(progress_percent(&q, 6), 55);
    assert_int_equal(progress_percent(&q, 3), 100);
    assert_int_equal(progress_percent(&q, 1), 0);
    assert_null(progress_get_pos(&q, 0, "en"));
}

static void test_setters_only_dirty_on_change(void **state)
{
    progress p;
    progress_init(&p);
    progress_set_pos(&p, 2, "en", 1, 2, 3);
    p.dirty = 0;
    progress_set_pos(&p, 2, "en", 1, 2, 3);
    assert_int_equal(p.dirty, 0);
    progress_set_pos(&p, 2, "en", 1, 2, 250); /* clamped to 100 */
    assert_int_equal(p.dirty, 1);
    assert_int_equal(progress_get_pos(&p, 2, "en")->percent, 100);
    p.dirty = 0;
    progress_set_lang(&p, "fr");
    assert_int_equal(p.dirty, 0);
    assert_string_equal(p.lang, "");
}

static void test_corrupt_file_is_set_aside(void **state)
{
    const char *path = path_in("progress");
    write_text(path, "seqtutor-progress 1\nlang zh\nread 3\npos 6 zh twelve 0 5\n");
    progress p;
    char err[ERRBUF];
    assert_int_equal(progress_load(&p, path, err, sizeof err), PROGRESS_CORRUPT);
    assert_non_null(strstr(err, ":4:"));
    assert_non_null(strstr(err, "progress.corrupt"));
    /* Nothing of the bad file survives, not even its valid first lines. */
    assert_string_equal(p.lang, "");
    assert_int_equal(progress_is_read(&p, 3), 0);
    assert_int_equal(p.dirty, 1);
    struct stat st;
    assert_int_equal(stat(path_in("progress.corrupt"), &st), 0);
    assert_int_not_equal(stat(path, &st), 0);
    /* A fresh file can be written and read back. */
    assert_int_equal(progress_save(&p, path, err, sizeof err), 0);
    assert_int_equal(progress_load(&p, path, err, sizeof err), PROGRESS_OK);
}

static void test_wrong_magic_and_binary(void **state)
{
    const char *path = path_in("progress");
    progress p;
    char err[ERRBUF];
    write_text(path, "hello\n");
    assert_int_equal(progress_load(&p, path, err, sizeof err), PROGRESS_CORRUPT);
    assert_non_null(strstr(err, ":1:"));
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite("seqtutor-progress 1\n\xff\xfe\x00x", 1, 24, f);
    fclose(f);
    assert_int_equal(progress_load(&p, path, err, sizeof err), PROGRESS_CORRUPT);
    write_text(path, "");
    assert_int_equal(progress_load(&p, path, err, sizeof err), PROGRESS_CORRUPT);
    write_text(path, "seqtutor-progress 1\nread 11\n");
    assert_int_equal(progress_load(&p, path, err, sizeof err), PROGRESS_CORRUPT);
    write_text(path, "seqtutor-progress 1\n# a comment\n\nread 10\n");
    assert_int_equal(progress_load(&p, path, err, sizeof err), PROGRESS_OK);
    assert_int_equal(progress_is_read(&p, 10), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_missing_file_is_fresh, setup, teardown),
        cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_setters_only_dirty_on_change, setup, teardown),
        cmocka_unit_test_setup_teardown(test_corrupt_file_is_set_aside, setup, teardown),
        cmocka_unit_test_setup_teardown(test_wrong_magic_and_binary, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
