/* test_review.c — the Leitner review queue with an injected clock, due
 * counts, the quiz key, saving and loading, damaged files set aside. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "review.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define DAY 86400L
/* 2026-11-27 10:15:00 UTC; the tests run with TZ=UTC */
static const time_t T0 = 1795774500;

static char dir[256];

static int setup(void **state)
{
    (void)state;
    setenv("TZ", "UTC", 1);
    tzset();
    snprintf(dir, sizeof dir, "/tmp/seqtutor-review-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static char *path_in_dir(const char *name)
{
    static char buf[320];
    snprintf(buf, sizeof buf, "%s/%s", dir, name);
    return buf;
}

static void calendar_days(void **state)
{
    (void)state;
    assert_int_equal(review_day(0), 0);
    assert_int_equal(review_day(DAY - 1), 0);
    assert_int_equal(review_day(DAY), 1);
    assert_int_equal(review_day(T0), 20784); /* 2026-11-27 */
    assert_int_equal(review_interval(1), 1);
    assert_int_equal(review_interval(2), 2);
    assert_int_equal(review_interval(3), 4);
    assert_int_equal(review_interval(4), 8);
    assert_int_equal(review_interval(5), 16);
}

static void leitner_transitions(void **state)
{
    (void)state;
    review_store rs;
    review_init(&rs);
    long today = review_day(T0);

    /* a right answer to a question not in the queue changes nothing */
    review_record_answer(&rs, "week1", "q01", 1, T0);
    assert_int_equal(rs.n_cards, 0);

    /* a miss: box 1, due tomorrow, not today */
    review_record_answer(&rs, "week1", "q01", 0, T0);
    const review_card *c = review_find(&rs, "week1", "q01");
    assert_non_null(c);
    assert_int_equal(c->box, 1);
    assert_int_equal(c->due_day, today + 1);
    assert_false(review_is_due(&rs, "week1", "q01", T0));
    assert_false(review_is_due(&rs, "week1", "q01", T0 + 13 * 3600)); /* 23:15 the same day */
    assert_true(review_is_due(&rs, "week1", "q01", T0 + 14 * 3600));  /* 00:15 the next day */

    /* right too early: unchanged */
    review_record_answer(&rs, "week1", "q01", 1, T0 + 3600);
    c = review_find(&rs, "week1", "q01");
    assert_int_equal(c->box, 1);
    assert_int_equal(c->due_day, today + 1);

    /* right when due: box 2, due 2 days later; then 4, 8, 16 */
    time_t t = T0 + DAY;
    review_record_answer(&rs, "week1", "q01", 1, t);
    c = review_find(&rs, "week1", "q01");
    assert_int_equal(c->box, 2);
    assert_int_equal(c->due_day, today + 1 + 2);
    t += 2 * DAY;
    review_record_answer(&rs, "week1", "q01", 1, t);
    assert_int_equal(review_find(&rs, "week1", "q01")->box, 3);
    assert_int_equal(review_find(&rs, "week1", "q01")->due_day, review_day(t) + 4);
    t += 4 * DAY;
    review_record_answer(&rs, "week1", "q01", 1, t);
    assert_int_equal(review_find(&rs, "week1", "q01")->box, 4);
    assert_int_equal(review_find(&rs, "week1", "q01")->due_day, review_day(t) + 8);

    /* a miss in box 4 sends it back to box 1, due tomorrow */
    review_record_answer(&rs, "week1", "q01", 0, t + 60);
    assert_int_equal(review_find(&rs, "week1", "q01")->box, 1);
    assert_int_equal(review_find(&rs, "week1", "q01")->due_day, review_day(t) + 1);

    /* climb to box 5; a right answer there leaves the queue */
    for (int box = 1; box < REVIEW_BOXES; box++) {
        t += review_interval(box) * DAY;
        review_record_answer(&rs, "week1", "q01", 1, t);
        assert_int_equal(review_find(&rs, "week1", "q01")->box, box + 1);
    }
    t += 15 * DAY;
    assert_false(review_is_due(&rs, "week1", "q01", t));
    t += DAY;
    assert_true(review_is_due(&rs, "week1", "q01", t));
    review_record_answer(&rs, "week1", "q01", 1, t);
    assert_null(review_find(&rs, "week1", "q01"));
    assert_int_equal(rs.n_cards, 0);
    review_free(&rs);
}

static void due_counts_and_ids(void **state)
{
    (void)state;
    review_store rs;
    review_init(&rs);
    review_record_answer(&rs, "week1", "q01", 0, T0);
    review_record_answer(&rs, "week1", "q02", 0, T0);
    review_record_answer(&rs, "week2", "q01", 0, T0);
    review_record_answer(&rs, "week1", "q03", 0, T0 + DAY); /* due a day later */
    assert_int_equal(review_due_count(&rs, "week1", T0), 0);
    assert_int_equal(review_due_count(&rs, "week1", T0 + DAY), 2);
    assert_int_equal(review_due_count(&rs, NULL, T0 + DAY), 3);
    assert_int_equal(review_due_count(&rs, "week1", T0 + 2 * DAY), 3);
    assert_int_equal(review_due_count(&rs, "other", T0 + 2 * DAY), 0);
    size_t n = 0;
    const char **ids = review_due_ids(&rs, "week1", T0 + DAY, &n);
    assert_int_equal(n, 2);
    assert_string_equal(ids[0], "q01");
    assert_string_equal(ids[1], "q02");
    free(ids);

    const char *keep[] = {"q02", "q03"};
    assert_int_equal(review_prune(&rs, "week1", keep, 2), 1);
    assert_null(review_find(&rs, "week1", "q01"));
    assert_non_null(review_find(&rs, "week2", "q01")); /* other quizzes are untouched */
    review_free(&rs);
}

static void quiz_keys(void **state)
{
    (void)state;
    char *k;
    k = review_quiz_key("quizzes/week1.zh.quiz");
    assert_string_equal(k, "week1");
    free(k);
    k = review_quiz_key("/a/b/week1.en.quiz");
    assert_string_equal(k, "week1");
    free(k);
    k = review_quiz_key("my quiz.quiz");
    assert_string_equal(k, "my_quiz");
    free(k);
    k = review_quiz_key("rnn.v2.quiz"); /* not a language suffix */
    assert_string_equal(k, "rnn.v2");
    free(k);
    k = review_quiz_key("plain");
    assert_string_equal(k, "plain");
    free(k);
}

static char *slurp(const char *path)
{
    char err[ERRBUF];
    return file_read(path, 1 << 20, NULL, err, sizeof err);
}

static void save_and_load_round_trip(void **state)
{
    (void)state;
    char *path = xstrdup(path_in_dir("sub/dir/quiz-progress.txt"));
    review_store rs;
    review_init(&rs);
    review_record_answer(&rs, "week1", "q03", 0, T0);
    review_record_answer(&rs, "week1", "l02-1", 0, T0);
    review_record_answer(&rs, "week1", "l02-1", 1, T0 + DAY); /* box 2 */
    review_add_attempt(&rs, "week1", "zh", 7, 10, 125, T0);
    review_add_attempt(&rs, "week1", NULL, 3, 4, 30, T0 + DAY);
    char err[ERRBUF];
    assert_int_equal(review_save(&rs, path, err, sizeof err), 0);
    char *text = slurp(path);
    assert_non_null(text);
    assert_string_equal(text, "seqtutor-quiz-progress 1\n"
                              "# card QUIZ ID BOX DUE-DATE: a question in the review queue (boxes 1-5)\n"
                              "# attempt WHEN QUIZ LANG SCORE TOTAL SECONDS: a finished quiz\n"
                              "card week1 q03 1 2026-11-28\n"
                              "card week1 l02-1 2 2026-11-30\n"
                              "attempt 2026-11-27T10:15:00Z week1 zh 7 10 125\n"
                              "attempt 2026-11-28T10:15:00Z week1 - 3 4 30\n");
    free(text);

    review_store back;
    review_init(&back);
    char msg[ERRBUF];
    assert_int_equal(review_load(&back, path, msg, sizeof msg), REVIEW_OK);
    assert_int_equal(back.n_cards, 2);
    assert_int_equal(review_find(&back, "week1", "l02-1")->box, 2);
    assert_int_equal(review_find(&back, "week1", "l02-1")->due_day, review_day(T0) + 3);
    assert_int_equal(back.n_attempts, 2);
    assert_true(back.attempts[0].when == T0);
    assert_string_equal(back.attempts[0].lang, "zh");
    assert_int_equal(back.attempts[0].score, 7);
    assert_int_equal(back.attempts[0].total, 10);
    assert_int_equal(back.attempts[0].seconds, 125);
    assert_string_equal(back.attempts[1].lang, "-");
    /* no temporary file is left behind */
    char *tmp_dir = xstrdup(path_in_dir("sub/dir"));
    char cmd[400];
    snprintf(cmd, sizeof cmd, "test $(ls '%s' | wc -l) -eq 1", tmp_dir);
    assert_int_equal(system(cmd), 0);
    free(tmp_dir);
    review_free(&back);
    review_free(&rs);
    free(path);
}

static void missing_file_is_empty(void **state)
{
    (void)state;
    review_store rs;
    review_init(&rs);
    char msg[ERRBUF];
    assert_int_equal(review_load(&rs, path_in_dir("none.txt"), msg, sizeof msg), REVIEW_MISSING);
    assert_int_equal(rs.n_cards, 0);
    review_free(&rs);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void corrupt_file_is_set_aside(void **state)
{
    (void)state;
    static const char *const damaged[] = {
        "seqtutor-quiz-progress 1\ncard week1 q01 1 2026-11-28\ncard week1 q02 9 2026-11-28\n",
        "seqtutor-quiz-progress 1\ncard week1 q01 1 2026-02-30\n",
        "seqtutor-quiz-progress 1\nattempt 2026-11-27T10:15:00Z week1 en 11 10 5\n",
        "seqtutor-quiz-progress 1\nsomething else\n",
        "not a progress file\n",
        "",
        "seqtutor-quiz-progress 1\ncard week1 q\xff 1 2026-11-28\n",
    };
    for (size_t i = 0; i < sizeof damaged / sizeof damaged[0]; i++) {
        char *path = xstrdup(path_in_dir("p.txt"));
        char *aside = xstrdup(path_in_dir("p.txt.corrupt"));
        write_file(path, damaged[i]);
        review_store rs;
        review_init(&rs);
        review_record_answer(&rs, "old", "x", 0, T0); /* load replaces what was there */
        char msg[ERRBUF];
        assert_int_equal(review_load(&rs, path, msg, sizeof msg), REVIEW_CORRUPT);
        assert_int_equal(rs.n_cards, 0);
        assert_non_null(strstr(msg, "p.txt.corrupt"));
        if (i == 0) assert_non_null(strstr(msg, "line 3"));
        struct stat st;
        assert_int_not_equal(stat(path, &st), 0); /* moved away... */
        char *kept = slurp(aside);                /* ...with its content intact */
        assert_non_null(kept);
        assert_string_equal(kept, damaged[i]);
        free(kept);
        /* a fresh file can be written again */
        char err[ERRBUF];
        review_record_answer(&rs, "week1", "q01", 0, T0);
        assert_int_equal(review_save(&rs, path, err, sizeof err), 0);
        review_store again;
        review_init(&again);
        assert_int_equal(review_load(&again, path, msg, sizeof msg), REVIEW_OK);
        assert_int_equal(again.n_cards, 1);
        review_free(&again);
        review_free(&rs);
        unlink(aside);
        unlink(path);
        free(path);
        free(aside);
    }
}

static void unreadable_file_is_not_clobbered(void **state)
{
    (void)state;
    char *path = xstrdup(path_in_dir("adir"));
    assert_int_equal(mkdir(path, 0700), 0);
    review_store rs;
    review_init(&rs);
    char msg[ERRBUF];
    assert_int_equal(review_load(&rs, path, msg, sizeof msg), REVIEW_UNREADABLE);
    assert_non_null(strstr(msg, "adir"));
    assert_true(rs.read_only);
    char err[ERRBUF];
    assert_int_equal(review_save(&rs, path, err, sizeof err), -1);
    assert_non_null(strstr(err, "not saved"));
    review_free(&rs);
    rmdir(path);
    free(path);
}

static void comments_and_blank_lines_are_fine(void **state)
{
    (void)state;
    char *path = xstrdup(path_in_dir("c.txt"));
    write_file(path, "seqtutor-quiz-progress 1\n\n# a note\ncard week1 q01 3 2026-11-28\r\n");
    review_store rs;
    review_init(&rs);
    char msg[ERRBUF];
    assert_int_equal(review_load(&rs, path, msg, sizeof msg), REVIEW_OK);
    assert_int_equal(review_find(&rs, "week1", "q01")->box, 3);
    review_free(&rs);
    unlink(path);
    free(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(calendar_days),
        cmocka_unit_test(leitner_transitions),
        cmocka_unit_test(due_counts_and_ids),
        cmocka_unit_test(quiz_keys),
        cmocka_unit_test(save_and_load_round_trip),
        cmocka_unit_test(missing_file_is_empty),
        cmocka_unit_test(corrupt_file_is_set_aside),
        cmocka_unit_test(unreadable_file_is_not_clobbered),
        cmocka_unit_test(comments_and_blank_lines_are_fine),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
