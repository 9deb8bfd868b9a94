/* test_quiz_attempt.c — a recorded attempt: answers go to the review queue
 * and are saved at once, the history gets one line, review and retry ask
 * the right questions, unusable files are reported. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "quiz_attempt.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define DAY 86400L
static const time_t T0 = 1795774500; /* 2026-11-27 10:15:00 UTC */

static char dir[128], quiz_path[200], store_path[200], broken_path[200];

static const char QUIZ[] =
    "# Attempt test\nlang: zh\n"
    "## a1 single: one\nlesson: 1\nS1.\n- [x] right\n- [ ] wrong\n  > f\nexplain: e\n"
    "## a2 single: two\nlesson: 2\nS2.\n- [ ] wrong\n  > f\n- [x] right\nexplain: e\n"
    "## a3 multi: three\nlesson: 2\nS3.\n- [x] r1\n- [x] r2\n- [ ] wrong\n  > f\nexplain: e\n";

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int setup(void **state)
{
    (void)state;
    setenv("TZ", "UTC", 1);
    tzset();
    snprintf(dir, sizeof dir, "/tmp/seqtutor-attempt-XXXXXX");
    if (!mkdtemp(dir)) return -1;
    snprintf(quiz_path, sizeof quiz_path, "%s/week1.zh.quiz", dir);
    snprintf(store_path, sizeof store_path, "%s/state/quiz-progress.txt", dir);
    snprintf(broken_path, sizeof broken_path, "%s/broken.quiz", dir);
    write_file(quiz_path, QUIZ);
    write_file(broken_path, "# B\n## x1 mutli: t\nS.\n- [x] a\n- [ ] b\n");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static quiz_attempt_config config(time_t now)
{
    quiz_attempt_config c;
    memset(&c, 0, sizeof c);
    c.no_shuffle = 1;
    c.lang = "en";
    c.now = now;
    c.started = 10.0;
    c.store_path = store_path;
    return c;
}

/* Answers the current item right (1) or with its first wrong option (0). */
static quiz_verdict answer(quiz_attempt *a, int right, double t)
{
    const quiz_item *it = quiz_session_current(&a->session);
    const quiz_question *q = quiz_session_question(&a->session, it);
    unsigned chosen = 0;
    for (size_t i = 0; i < q->n_options; i++)
        if (right ? q->options[i].correct : (!q->options[i].correct && !chosen)) chosen |= 1u << i;
    return quiz_attempt_submit(a, chosen, t);
}

static void records_misses_and_history(void **state)
{
    (void)state;
    remove(store_path);
    quiz_attempt a;
    quiz_attempt_config c = config(T0);
    char err[ERRBUF];
    assert_int_equal(quiz_attempt_open(&a, quiz_path, &c, err, sizeof err), QUIZ_ATTEMPT_OK);
    assert_string_equal(a.key, "week1");
    assert_string_equal(a.lang, "zh"); /* from the file's lang:, not cfg.lang */
    assert_string_equal(a.note, "");
    assert_int_equal(a.session.n_items, 3);

    assert_true(answer(&a, 1, 11.0).correct);
    assert_false(answer(&a, 0, 12.0).correct);
    /* saved at once: the miss is already in the file */
    review_store check;
    review_init(&check);
    char msg[ERRBUF];
    assert_int_equal(review_load(&check, store_path, msg, sizeof msg), REVIEW_OK);
    assert_non_null(review_find(&check, "week1", "a2"));
    assert_null(review_find(&check, "week1", "a1"));
    assert_int_equal(check.n_attempts, 0);
    review_free(&check);

    quiz_attempt_finish(&a);
    quiz_attempt_finish(&a); /* only once */
    assert_int_equal(a.store.n_attempts, 1);
    assert_int_equal(a.store.attempts[0].score, 1);
    assert_int_equal(a.store.attempts[0].total, 2);
    assert_int_equal(a.store.attempts[0].seconds, 2);
    assert_string_equal(a.store.attempts[0].lang, "zh");
    assert_int_equal(quiz_attempt_due(&a), 0); /* due tomorrow */
    quiz_attempt_close(&a);

    review_init(&check);
    assert_int_equal(review_load(&check, store_path, msg, sizeof msg), REVIEW_OK);
    assert_int_equal(check.n_attempts, 1);
    review_free(&check);
}

static void review_asks_the_due_questions(void **state)
{
    (void)state;
    remove(store_path);
    quiz_attempt a;
    quiz_attempt_config c = config(T0);
    char err[ERRBUF];
    assert_int_equal(quiz_attempt_open(&a, quiz_path, &c, err, sizeof err), QUIZ_ATTEMPT_OK);
    answer(&a, 0, 11.0); /* a1 missed */
    answer(&a, 1, 12.0);
    answer(&a, 0, 13.0); /* a3 missed */
    quiz_attempt_close(&a);

    c.review = 1;
    assert_int_equal(quiz_attempt_open(&a, quiz_path, &c, err, sizeof err), QUIZ_ATTEMPT_OK);
    assert_int_equal(a.session.n_items, 0); /* the same day: nothing due */
    quiz_attempt_close(&a);

    c.now = T0 + DAY;
    assert_int_equal(quiz_attempt_open(&a, quiz_path, &c, err, sizeof err), QUIZ_ATTEMPT_OK);
    assert_int_equal(quiz_attempt_due(&a), 2);
    assert_int_equal(a.session.n_items, 2);
    assert_string_equal(quiz_session_question(&a.session, &a.session.items[0])->id, "a1");
    assert_string_equal(quiz_session_question(&a.session, &a.session.items[1])->id, "a3");
    answer(&a, 1, 11.0); /* a1 moves to box 2 */
    quiz_attempt_close(&a);  /* closes a partial attempt: recorded too */

    review_store check;
    review_init(&check);
    char msg[ERRBUF];
    assert_int_equal(review_load(&check, store_path, msg, sizeof msg), REVIEW_OK);
    assert_int_equal(review_find(&check, "week1", "a1")->box, 2);
    assert_int_equal(review_find(&check, "week1", "a3")->box, 1);
    assert_int_equal(check.n_attempts, 2);
    assert_int_equal(check.attempts[1].total, 1);
    review_free(&check);

    /* retrying given ids wins over review */
    const char *retry[] = {"a2"};
    c.only_ids = retry;
    c.n_only_ids = 1;
    assert_int_equal(quiz_attempt_open(&a, quiz_path, &c, err, sizeof err), QUIZ_ATTEMPT_OK);
    assert_int_equal(a.session.n_items, 1);
    assert_string_equal(quiz_session_question(&a.session, &a.session.items[0])->id, "a2");
    quiz_attempt_close(&a);
}

static void retry_asks_the_missed_ones(void **state)
{
    (void)state;
    remove(store_path);
    quiz_attempt a;
    quiz_attempt_config c = config(T0);
    char err[ERRBUF];
    assert_int_equal(quiz_attempt_open(&a, quiz_path, &c, err, sizeof err), QUIZ_ATTEMPT_OK);
    answer(&a, 0, 11.0); /* a1 */
    answer(&a, 1, 12.0); /* a2 */
    answer(&a, 0, 13.0); /* a3 */
    assert_int_equal(quiz_attempt_retry(&a, 5, 20.0), 2);
    assert_int_equal(a.store.n_attempts, 1); /* the first round is in the history */
    assert_string_equal(quiz_session_question(&a.session, &a.session.items[0])->id, "a1");
    assert_string_equal(quiz_session_question(&a.session, &a.session.items[1])->id, "a3");
    assert_int_equal(a.session.items[0].shown[0], 0); /* no_shuffle is kept */
    answer(&a, 1, 21.0);
    answer(&a, 1, 22.0);
    assert_int_equal(quiz_attempt_retry(&a, 5, 30.0), 0);
    assert_true(quiz_session_done(&a.session));
    assert_int_equal(a.store.n_attempts, 2);
    assert_int_equal(a.store.attempts[1].score, 2);
    quiz_attempt_close(&a);
}

static void unusable_files(void **state)
{
    (void)state;
    quiz_attempt a;
    quiz_attempt_config c = config(T0);
    char err[ERRBUF] = "";
    char missing[220];
    snprintf(missing, sizeof missing, "%s/none.quiz", dir);
    assert_int_equal(quiz_attempt_open(&a, missing, &c, err, sizeof err), QUIZ_ATTEMPT_UNREADABLE);
    assert_null(a.quiz);
    assert_non_null(strstr(err, "none.quiz"));
    quiz_attempt_close(&a);

    assert_int_equal(quiz_attempt_open(&a, broken_path, &c, err, sizeof err), QUIZ_ATTEMPT_HAS_ERRORS);
    assert_non_null(a.quiz);
    assert_int_equal(a.quiz->n_errors, 1);
    int found = 0;
    for (size_t i = 0; i < a.quiz->n_diags; i++)
        found |= a.quiz->diags[i].severity == QUIZ_ERROR && a.quiz->diags[i].line == 2 &&
                 a.quiz->diags[i].col == 7 && strcmp(a.quiz->diags[i].message, "unknown question kind 'mutli'") == 0;
    assert_true(found);
    quiz_attempt_close(&a);
}

static void damaged_progress_gives_a_note(void **state)
{
    (void)state;
    char aside[220];
    snprintf(aside, sizeof aside, "%s.corrupt", store_path);
    write_file(store_path, "rubbish\n");
    quiz_attempt a;
    quiz_attempt_config c = config(T0);
    char err[ERRBUF];
    assert_int_equal(quiz_attempt_open(&a, quiz_path, &c, err, sizeof err), QUIZ_ATTEMPT_OK);
    assert_non_null(strstr(a.note, ".corrupt"));
    struct stat st;
    assert_int_equal(stat(aside, &st), 0);
    answer(&a, 0, 11.0);
    quiz_attempt_close(&a);
    review_store check;
    review_init(&check);
    char msg[ERRBUF];
    assert_int_equal(review_load(&check, store_path, msg, sizeof msg), REVIEW_OK);
    assert_int_equal(check.n_cards, 1);
    review_free(&check);
}

static void clock_and_default_path(void **state)
{
    (void)state;
    setenv("SEQTUTOR_NOW", "1795774500", 1);
    assert_true(quiz_clock() == T0);
    setenv("SEQTUTOR_NOW", "soon", 1);
    assert_true(quiz_clock() > T0 - 10 * 365 * DAY); /* ignored: the real clock */
    unsetenv("SEQTUTOR_NOW");

    char home[200], content[220];
    snprintf(home, sizeof home, "%s/home", dir);
    snprintf(content, sizeof content, "%s/content", home);
    assert_int_equal(mkdir(home, 0700), 0);
    assert_int_equal(mkdir(content, 0700), 0);
    setenv("SEQTUTOR_HOME", home, 1);
    char *p = quiz_default_path("zh");
    char want[260];
    snprintf(want, sizeof want, "%s/quizzes/week1.zh.quiz", home);
    assert_string_equal(p, want);
    free(p);
    p = quiz_default_path("fr");
    snprintf(want, sizeof want, "%s/quizzes/week1.en.quiz", home);
    assert_string_equal(p, want);
    free(p);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(records_misses_and_history),
        cmocka_unit_test(review_asks_the_due_questions),
        cmocka_unit_test(retry_asks_the_missed_ones),
        cmocka_unit_test(unusable_files),
        cmocka_unit_test(damaged_progress_gives_a_note),
        cmocka_unit_test(clock_and_default_path),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
