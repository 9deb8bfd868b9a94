/* test_quiz_session.c — typed answers, seeded shuffling checked by option,
 * filters, scores, the per-lesson breakdown and the missed questions. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "quiz_session.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Six questions; the right options are at different positions, lessons vary. */
static const char QUIZ[] =
    "# Session test\nlang: en\n"
    "## s1 single: one\nlesson: 1\nStem 1.\n- [x] s1 right\n- [ ] s1 w1\n  > f\n- [ ] s1 w2\n  > f\n- [ ] s1 w3\n  > f\nexplain: e1\n"
    "## s2 single: two\nlesson: 1\nStem 2.\n- [ ] s2 w1\n  > f\n- [x] s2 right\n- [ ] s2 w2\n  > f\nexplain: e2\n"
    "## m3 multi: three\nlesson: 4\nStem 3.\n- [ ] m3 w1\n  > f\n- [x] m3 r1\n- [ ] m3 w2\n  > f\n- [x] m3 r2\nexplain: e3\n"
    "## s4 single: four\nlesson: 4\nStem 4.\n- [ ] s4 w1\n  > f\n- [ ] s4 w2\n  > f\n- [x] s4 right\nexplain: e4\n"
    "## m5 multi: five\nlesson: 7\nStem 5.\n- [x] m5 r1\n- [x] m5 r2\n- [x] m5 r3\n- [ ] m5 w1\n  > f\nexplain: e5\n"
    "## s6 single: six\nStem 6.\n- [ ] s6 w1\n  > f\n- [x] s6 right\nexplain: e6\n";

static quiz_file *load_quiz(void)
{
    quiz_file *qf = quiz_parse("s.quiz", QUIZ, strlen(QUIZ));
    assert_int_equal(qf->n_errors, 0);
    assert_int_equal(qf->n_questions, 6);
    return qf;
}

static void accepted_answers(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int single;
        unsigned mask;
    } ok[] = {
        {"b", 1, 0x2},      {"2", 1, 0x2},        {"B", 1, 0x2},        {" b ", 1, 0x2},
        {"b,d", 0, 0xA},    {"b d", 0, 0xA},      {"2 4", 0, 0xA},      {" b , d ", 0, 0xA},
        {"D,b", 0, 0xA},    {"b,,d", 0, 0xA},     {"b\td\n", 0, 0xA},   {"b，d", 0, 0xA},
        {"b、d", 0, 0xA},   {"a b c d", 0, 0xF},  {"1,b", 0, 0x3},      {"b,b", 1, 0x2},
        {"d", 1, 0x8},      {"4", 1, 0x8},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        unsigned mask = 0xFFFF;
        char msg[256] = "";
        int rc = quiz_parse_answer(ok[i].text, 4, ok[i].single, "en", &mask, msg, sizeof msg);
        if (rc != 0) fprintf(stderr, "rejected '%s': %s\n", ok[i].text, msg);
        assert_int_equal(rc, 0);
        assert_int_equal(mask, ok[i].mask);
    }
}

static void rejected_answers(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int single;
        const char *needle;
    } bad[] = {
        {"zz", 1, "'zz' is not an answer: use the letters a–d or the numbers 1–4"},
        {"e", 1, "there is no option e: choose from a–d"},
        {"E", 0, "there is no option e"},
        {"0", 1, "there is no option 0: choose from 1–4"},
        {"5", 0, "there is no option 5"},
        {"b,d", 1, "this question has one right answer: choose only one option"},
        {"2 4", 1, "one right answer"},
        {"", 1, "type the letter of your answer (a–d)"},
        {"  ,  ", 0, "type the letters of all right answers"},
        {"bd", 0, "'bd' is not an answer"},
        {"b,x1", 0, "'x1' is not an answer"},
        {"-1", 1, "'-1' is not an answer"},
        {"ｂ", 1, "is not an answer"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        unsigned mask = 0xFFFF;
        char msg[256] = "";
        int rc = quiz_parse_answer(bad[i].text, 4, bad[i].single, "en", &mask, msg, sizeof msg);
        if (rc == 0 || !strstr(msg, bad[i].needle))
            fprintf(stderr, "'%s' -> rc %d, message '%s', wanted '%s'\n", bad[i].text, rc, msg, bad[i].needle);
        assert_int_equal(rc, -1);
        assert_int_equal(mask, 0);
        assert_non_null(strstr(msg, bad[i].needle));
    }
    /* Chinese messages */
    unsigned mask;
    char msg[256];
    assert_int_equal(quiz_parse_answer("e", 4, 1, "zh", &mask, msg, sizeof msg), -1);
    assert_string_equal(msg, "没有选项 e：请在 a–d 中选择");
    /* a quiz with two options: c is already too far */
    assert_int_equal(quiz_parse_answer("c", 2, 1, "en", &mask, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "choose from a–b"));
}

static void init_with(quiz_session *s, const quiz_file *qf, uint32_t seed, int no_shuffle)
{
    quiz_session_config cfg = {seed, no_shuffle, 0, NULL, 0, "en"};
    assert_int_equal(quiz_session_init(s, qf, &cfg, 100.0), qf->n_questions);
}

/* The asking order and option order as one string, to compare sessions. */
static void describe(const quiz_session *s, char *out, size_t n)
{
    size_t k = 0;
    out[0] = '\0';
    for (size_t i = 0; i < s->n_items && k + 16 < n; i++) {
        const quiz_item *it = &s->items[i];
        k += (size_t)snprintf(out + k, n - k, "%zu:", it->question);
        for (size_t d = 0; d < it->n_shown; d++) k += (size_t)snprintf(out + k, n - k, "%zu", it->shown[d]);
        k += (size_t)snprintf(out + k, n - k, " ");
    }
}

static void no_shuffle_keeps_file_order(void **state)
{
    (void)state;
    quiz_file *qf = load_quiz();
    quiz_session s;
    init_with(&s, qf, 7, 1);
    char d[512];
    describe(&s, d, sizeof d);
    assert_string_equal(d, "0:0123 1:012 2:0123 3:012 4:0123 5:01 ");
    quiz_session_free(&s);
    quiz_free(qf);
}

static void seeded_shuffle_is_repeatable(void **state)
{
    (void)state;
    quiz_file *qf = load_quiz();
    quiz_session a, b, c;
    init_with(&a, qf, 7, 0);
    init_with(&b, qf, 7, 0);
    init_with(&c, qf, 8, 0);
    char da[512], db[512], dc[512];
    describe(&a, da, sizeof da);
    describe(&b, db, sizeof db);
    describe(&c, dc, sizeof dc);
    assert_string_equal(da, db);
    assert_string_not_equal(da, dc);
    assert_string_not_equal(da, "0:0123 1:012 2:0123 3:012 4:0123 5:01 ");
    /* every question once, every option once */
    int seen[6] = {0};
    for (size_t i = 0; i < a.n_items; i++) {
        seen[a.items[i].question]++;
        unsigned opts = 0;
        for (size_t d = 0; d < a.items[i].n_shown; d++) opts |= 1u << a.items[i].shown[d];
        assert_int_equal(opts, (1u << qf->questions[a.items[i].question].n_options) - 1);
    }
    for (int i = 0; i < 6; i++) assert_int_equal(seen[i], 1);
    quiz_session_free(&a);
    quiz_session_free(&b);
    quiz_session_free(&c);
    quiz_free(qf);
}

/* The letters naming the right options of the current item, as displayed. */
static void right_letters(const quiz_session *s, char *out)
{
    const quiz_item *it = quiz_session_current(s);
    size_t k = 0;
    for (size_t d = 0; d < it->n_shown; d++)
        if (quiz_session_option(s, it, d)->correct) {
            if (k) out[k++] = ',';
            out[k++] = (char)('a' + d);
        }
    out[k] = '\0';
}

static void answers_are_checked_by_option(void **state)
{
    (void)state;
    quiz_file *qf = load_quiz();
    quiz_session s;
    init_with(&s, qf, 12345, 0);
    double now = 100.0;
    while (!quiz_session_done(&s)) {
        const quiz_item *it = quiz_session_current(&s);
        const quiz_question *q = quiz_session_question(&s, it);
        char letters[32], msg[128];
        right_letters(&s, letters);
        unsigned chosen;
        assert_int_equal(quiz_session_parse(&s, letters, &chosen, msg, sizeof msg), 0);
        /* the mask is in original option indices: exactly the [x] options */
        assert_int_equal(chosen, quiz_check(q, chosen).right);
        now += 2.5;
        quiz_verdict v = quiz_session_submit(&s, chosen, now);
        assert_true(v.correct);
        assert_int_equal(v.wrong_chosen, 0);
        assert_int_equal(v.missed, 0);
    }
    assert_int_equal(s.n_right, 6);
    assert_int_equal(s.n_answered, 6);
    assert_true(quiz_session_seconds(&s) > 14.99 && quiz_session_seconds(&s) < 15.01);
    assert_true(s.items[0].seconds > 2.49 && s.items[0].seconds < 2.51);
    quiz_session_free(&s);

    /* the same letters that were right in the shuffled order are checked
     * against the options they show, not against the file's positions */
    init_with(&s, qf, 12345, 0);
    const quiz_item *it = quiz_session_current(&s);
    const quiz_question *q = quiz_session_question(&s, it);
    size_t wrong_d = 0;
    while (quiz_session_option(&s, it, wrong_d)->correct) wrong_d++;
    char letter[2] = {(char)('a' + wrong_d), '\0'}, msg[128];
    unsigned chosen;
    assert_int_equal(quiz_session_parse(&s, letter, &chosen, msg, sizeof msg), 0);
    assert_int_equal(chosen, 1u << it->shown[wrong_d]);
    quiz_verdict v = quiz_session_submit(&s, chosen, 101.0);
    assert_false(v.correct);
    assert_int_equal(v.wrong_chosen, 1u << it->shown[wrong_d]);
    assert_false(q->options[it->shown[wrong_d]].correct);
    assert_int_equal(s.n_right, 0);
    assert_int_equal(s.current, 1);
    quiz_session_free(&s);
    quiz_free(qf);
}

static void multi_needs_every_right_option(void **state)
{
    (void)state;
    quiz_file *qf = load_quiz();
    const quiz_question *m3 = &qf->questions[2]; /* right: 1 and 3 */
    quiz_verdict v = quiz_check(m3, 0x2);
    assert_false(v.correct);
    assert_int_equal(v.missed, 0x8);
    assert_int_equal(v.wrong_chosen, 0);
    v = quiz_check(m3, 0xA | 0x1);
    assert_false(v.correct);
    assert_int_equal(v.wrong_chosen, 0x1);
    v = quiz_check(m3, 0xA);
    assert_true(v.correct);
    quiz_free(qf);
}

static void mask_conversions(void **state)
{
    (void)state;
    quiz_item it;
    memset(&it, 0, sizeof it);
    it.n_shown = 4;
    it.shown[0] = 2;
    it.shown[1] = 0;
    it.shown[2] = 3;
    it.shown[3] = 1;
    assert_int_equal(quiz_item_to_original(&it, 0x1), 0x4); /* a shows option 2 */
    assert_int_equal(quiz_item_to_original(&it, 0xA), 0x3); /* b, d show options 0, 1 */
    assert_int_equal(quiz_item_to_shown(&it, 0x3), 0xA);
    assert_int_equal(quiz_item_to_shown(&it, quiz_item_to_original(&it, 0x5)), 0x5);
}

static void filter_asks_only_listed_ids(void **state)
{
    (void)state;
    quiz_file *qf = load_quiz();
    const char *ids[] = {"s4", "s1", "gone"};
    quiz_session_config cfg = {1, 1, 1, ids, 3, "en"};
    quiz_session s;
    assert_int_equal(quiz_session_init(&s, qf, &cfg, 0.0), 2);
    assert_string_equal(quiz_session_question(&s, &s.items[0])->id, "s1");
    assert_string_equal(quiz_session_question(&s, &s.items[1])->id, "s4");
    quiz_session_free(&s);
    /* an empty filter asks nothing */
    cfg.n_only_ids = 0;
    assert_int_equal(quiz_session_init(&s, qf, &cfg, 0.0), 0);
    assert_true(quiz_session_done(&s));
    assert_null(quiz_session_current(&s));
    char msg[64];
    unsigned chosen;
    assert_int_equal(quiz_session_parse(&s, "a", &chosen, msg, sizeof msg), -1);
    quiz_verdict v = quiz_session_submit(&s, 1, 1.0);
    assert_false(v.correct);
    assert_int_equal(s.n_answered, 0);
    quiz_session_free(&s);
    quiz_free(qf);
}

static void breakdown_and_missed(void **state)
{
    (void)state;
    quiz_file *qf = load_quiz();
    quiz_session s;
    init_with(&s, qf, 0, 1);
    /* file order: s1 right, s2 wrong, m3 right, s4 wrong, m5 partly (wrong), s6 right */
    const unsigned answers[6] = {0x1, 0x1, 0xA, 0x1, 0x3, 0x2};
    for (int i = 0; i < 6; i++) quiz_session_submit(&s, answers[i], 200.0 + i);
    assert_int_equal(s.n_right, 3);
    quiz_lesson_score by[QUIZ_MAX_LESSON + 1];
    quiz_session_breakdown(&s, by);
    assert_int_equal(by[1].right, 1);
    assert_int_equal(by[1].total, 2);
    assert_int_equal(by[4].right, 1);
    assert_int_equal(by[4].total, 2);
    assert_int_equal(by[7].right, 0);
    assert_int_equal(by[7].total, 1);
    assert_int_equal(by[0].right, 1); /* s6 has no lesson */
    assert_int_equal(by[0].total, 1);
    assert_int_equal(by[2].total, 0);
    const char *missed[8];
    assert_int_equal(quiz_session_missed(&s, missed, 8), 3);
    assert_string_equal(missed[0], "s2");
    assert_string_equal(missed[1], "s4");
    assert_string_equal(missed[2], "m5");
    /* retrying the missed questions is a filtered session */
    quiz_session_config retry = {0, 1, 1, missed, 3, "en"};
    quiz_session r;
    assert_int_equal(quiz_session_init(&r, qf, &retry, 0.0), 3);
    quiz_session_free(&r);
    quiz_session_free(&s);

    /* a stopped session counts only what was answered */
    init_with(&s, qf, 0, 1);
    quiz_session_submit(&s, 0x2, 1.0); /* s1 wrong */
    quiz_session_breakdown(&s, by);
    assert_int_equal(by[1].total, 1);
    assert_int_equal(by[4].total, 0);
    assert_int_equal(quiz_session_missed(&s, missed, 8), 1);
    assert_false(quiz_session_done(&s));
    quiz_session_free(&s);
    quiz_free(qf);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(accepted_answers),
        cmocka_unit_test(rejected_answers),
        cmocka_unit_test(no_shuffle_keeps_file_order),
        cmocka_unit_test(seeded_shuffle_is_repeatable),
        cmocka_unit_test(answers_are_checked_by_option),
        cmocka_unit_test(multi_needs_every_right_option),
        cmocka_unit_test(mask_conversions),
        cmocka_unit_test(filter_asks_only_listed_ids),
        cmocka_unit_test(breakdown_and_missed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
