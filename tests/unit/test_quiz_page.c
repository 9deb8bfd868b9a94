/* test_quiz_page.c — the pages of the full-screen quiz (wrapping with a
 * hanging indent, verbatim fences, a question before and after the answer,
 * the results, the error list) and carrying an attempt over to a reloaded
 * or translated file. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "quiz_carry.h"
#include "quiz_page.h"
#include "wrap.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char QUIZ[] =
    "# Page test\nlang: en\n"
    "## s1 single: first\nlesson: 2\nWhich comes first?\n"
    "- [x] Alpha\n- [ ] Beta\n  > Beta is second.\n- [ ] Gamma\n  > Gamma is third.\n"
    "explain: Alpha is first.\n"
    "## m1 multi: diagram\nlesson: 4\nLook:\n```\nx<1> --> [RNN] --> y<1> --> a very long line that goes on and on and on\n```\nWhich?\n"
    "- [x] Right one\n- [ ] Wrong one\n  > Feedback of the wrong one.\n- [x] Right two\n- [ ] Wrong two\n  > Never shown.\n"
    "explain: Two are right.\n"
    "## s2 single: third\nlesson: 5\nThird?\n- [ ] No\n  > Not this.\n- [x] Yes\nexplain: Yes.\n";

static quiz_file *load(const char *text)
{
    quiz_file *qf = quiz_parse("p.quiz", text, strlen(text));
    assert_int_equal(qf->n_errors, 0);
    return qf;
}

static void start(quiz_session *s, const quiz_file *qf, int no_shuffle, uint32_t seed)
{
    quiz_session_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.seed = seed;
    cfg.no_shuffle = no_shuffle;
    cfg.lang = "en";
    quiz_session_init(s, qf, &cfg, 0.0);
}

/* The index of the first line whose text contains needle, or -1. */
static long find_text(const qp_page *p, const char *needle)
{
    for (size_t i = 0; i < p->n_lines; i++)
        if (strstr(p->lines[i].text, needle)) return (long)i;
    return -1;
}

static long find_mark(const qp_page *p, const char *needle)
{
    for (size_t i = 0; i < p->n_lines; i++)
        if (p->lines[i].mark && strstr(p->lines[i].mark, needle)) return (long)i;
    return -1;
}

static void wrapped_text_hangs_under_the_mark(void **state)
{
    (void)state;
    qp_page p;
    qp_init(&p, 20);
    qp_add_text(&p, QP_OPTION, 2, "b) ", QP_OPTION, "one two three four five six seven", 3);
    assert_true(p.n_lines >= 2);
    for (size_t i = 0; i < p.n_lines; i++) {
        assert_int_equal(p.lines[i].text_col, 5);          /* indent 2 + "b) " */
        assert_true(p.lines[i].text_col + p.lines[i].width <= 20);
        assert_int_equal(p.lines[i].entry, 3);
        assert_int_equal(p.lines[i].mark != NULL, i == 0); /* the mark on the first line only */
    }
    assert_string_equal(p.lines[0].text, "one two three");
    assert_int_equal(p.entry_first[3], 0);
    assert_int_equal(p.entry_last[3], p.n_lines - 1);
    assert_int_equal(p.n_entries, 4);
    qp_free(&p);
    assert_int_equal(p.n_lines, 0);
    assert_int_equal(p.width, 20);
}

static void chinese_wraps_by_columns_and_newlines_break(void **state)
{
    (void)state;
    qp_page p;
    qp_init(&p, 16);
    /* 20 CJK characters = 40 columns: at most 16 per line, never a split character */
    qp_add_text(&p, QP_TEXT, 0, NULL, QP_TEXT, "循环神经网络可以处理任意长度的序列数据。", -1);
    assert_true(p.n_lines >= 3);
    for (size_t i = 0; i < p.n_lines; i++) {
        assert_true(p.lines[i].width <= 16);
        assert_int_equal(p.lines[i].width, text_width(p.lines[i].text, strlen(p.lines[i].text)));
    }
    /* the full stop never starts a line */
    for (size_t i = 0; i < p.n_lines; i++) assert_true(strncmp(p.lines[i].text, "。", 3) != 0);
    qp_free(&p);
    qp_add_text(&p, QP_TEXT, 0, NULL, QP_TEXT, "first\nsecond", -1);
    assert_int_equal(p.n_lines, 2);
    assert_string_equal(p.lines[1].text, "second");
    qp_free(&p);
}

static void fences_stay_verbatim(void **state)
{
    (void)state;
    quiz_file *qf = load(QUIZ);
    quiz_session s;
    start(&s, qf, 1, 0);
    qp_page p;
    qp_init(&p, 30);
    s.current = 1;
    qp_question(&p, &s, &s.items[1], 0, "en", 1);
    long f = find_text(&p, "x<1> --> [RNN] --> y<1> --> a very long");
    assert_true(f >= 0);
    assert_true(p.lines[f].verbatim);
    assert_int_equal(p.lines[f].style, QP_FENCE);
    assert_true(p.lines[f].width > 30); /* not wrapped: the screen clips it */
    assert_true(find_text(&p, "choose all that apply") >= 0);
    qp_free(&p);
    quiz_session_free(&s);
    quiz_free(qf);
}

static void unanswered_question_shows_ticks_and_entries(void **state)
{
    (void)state;
    quiz_file *qf = load(QUIZ);
    quiz_session s;
    start(&s, qf, 1, 0);
    s.current = 1;
    qp_page p;
    qp_init(&p, 60);
    qp_question(&p, &s, &s.items[1], 0x2 | 0x8, "en", 1); /* b and d ticked */
    assert_int_equal(p.n_entries, 4);
    assert_int_equal(p.verdict_line, QP_NONE);
    long b = find_mark(&p, "[x] b) ");
    long a = find_mark(&p, "[ ] a) ");
    assert_true(b >= 0 && a >= 0);
    assert_int_equal(p.lines[b].entry, 1);
    assert_string_equal(p.lines[b].text, "Wrong one");
    assert_true(find_mark(&p, "[x] d) ") >= 0);
    assert_int_equal(find_text(&p, "Feedback of the wrong one."), -1); /* not before the answer */
    assert_int_equal(find_text(&p, "Two are right."), -1);
    qp_free(&p);
    /* single choice: a round mark, ASCII without UTF-8 */
    qp_question(&p, &s, &s.items[0], 0x1, "en", 0);
    assert_true(find_mark(&p, "(*) a) ") >= 0);
    assert_true(find_text(&p, "choose one") >= 0);
    qp_free(&p);
    quiz_session_free(&s);
    quiz_free(qf);
}

static void wrong_answer_shows_feedback_answers_and_explanation(void **state)
{
    (void)state;
    quiz_file *qf = load(QUIZ);
    quiz_session s;
    start(&s, qf, 0, 7); /* shuffled: everything is checked by option, not position */
    size_t k = 0;
    while (strcmp(quiz_session_question(&s, &s.items[k])->id, "m1") != 0) k++;
    s.current = k;
    quiz_item *it = &s.items[k];
    /* choose "Right one" and "Wrong one" (original options 0 and 1) */
    quiz_session_submit(&s, 0x3, 1.0);
    qp_page p;
    qp_init(&p, 60);
    qp_question(&p, &s, it, 0, "en", 1);
    assert_true(p.verdict_line != QP_NONE);
    assert_string_equal(p.lines[p.verdict_line].text, "Wrong.");
    assert_int_equal(p.lines[p.verdict_line].style, QP_WRONG);
    long fb = find_text(&p, "Feedback of the wrong one.");
    assert_true(fb > (long)p.verdict_line);
    assert_int_equal(p.lines[fb].style, QP_FEEDBACK);
    assert_int_equal(find_text(&p, "Never shown."), -1); /* a wrong option not chosen */
    long ra = find_text(&p, "Right answers:");
    assert_true(ra > fb);
    assert_true(find_text(&p, "Two are right.") > ra);
    /* the option lines: "Right two" was missed (right), "Wrong one" chosen (wrong) */
    for (size_t d = 0; d < it->n_shown; d++) {
        const char *text = quiz_session_option(&s, it, d)->text;
        size_t line = p.entry_first[d];
        assert_string_equal(p.lines[line].text, text);
        char letter[8];
        snprintf(letter, sizeof letter, "%c) ", qp_letter(d));
        assert_non_null(strstr(p.lines[line].mark, letter));
        if (strcmp(text, "Wrong one") == 0) {
            assert_int_equal(p.lines[line].style, QP_WRONG);
            assert_non_null(strstr(p.lines[line].mark, "✗ [x]"));
        } else if (strncmp(text, "Right", 5) == 0) {
            assert_int_equal(p.lines[line].style, QP_RIGHT);
        } else {
            assert_int_equal(p.lines[line].style, QP_OPTION);
        }
    }
    qp_free(&p);
    /* Chinese words */
    qp_question(&p, &s, it, 0, "zh", 1);
    assert_true(find_text(&p, "错误。") >= 0);
    assert_true(find_text(&p, "解析：") >= 0);
    qp_free(&p);
    quiz_session_free(&s);
    quiz_free(qf);
}

static void results_give_score_lessons_missed_and_actions(void **state)
{
    (void)state;
    quiz_file *qf = load(QUIZ);
    quiz_session s;
    start(&s, qf, 1, 0);
    quiz_session_submit(&s, 0x1, 10.0);  /* s1 right */
    quiz_session_submit(&s, 0x2, 20.0);  /* m1 wrong */
    quiz_session_submit(&s, 0x1, 125.0); /* s2 wrong */
    const char *titles[10] = {NULL, "Notation", NULL, "Types of RNN", NULL};
    qp_action acts[] = {QP_ACT_MISTAKES, QP_ACT_RETRY, QP_ACT_AGAIN, QP_ACT_BACK};
    qp_page p;
    qp_init(&p, 70);
    qp_results(&p, &s, titles, 2, acts, 4, "en");
    assert_string_equal(p.lines[0].text, "Score: 1/3 (33%)");
    assert_true(find_text(&p, "Time: 2 min 5 s") >= 0);
    long l2 = find_text(&p, "Lesson 2 · Notation");
    long l4 = find_text(&p, "Lesson 4 · Types of RNN");
    long l5 = find_text(&p, "Lesson 5");
    assert_true(l2 >= 0 && l4 > l2 && l5 > l4);
    assert_string_equal(p.lines[l2].mark, "    1/1  ");
    assert_int_equal(p.lines[l2].mark_style, QP_RIGHT);
    assert_string_equal(p.lines[l5].mark, "    0/1  ");
    assert_int_equal(p.lines[l5].mark_style, QP_WRONG);
    assert_true(find_text(&p, "m1, s2") >= 0);
    assert_true(find_text(&p, "Questions due for review now: 2") >= 0);
    assert_int_equal(p.n_entries, 4);
    assert_string_equal(p.lines[p.entry_first[0]].text, "Review mistakes");
    assert_string_equal(p.lines[p.entry_first[1]].text, "Retry missed questions");
    assert_non_null(strstr(p.lines[p.entry_first[1]].mark, "t"));
    qp_free(&p);
    qp_results(&p, &s, NULL, 0, acts + 2, 2, "zh");
    assert_string_equal(p.lines[0].text, "得分：1/3（33%）");
    assert_true(find_text(&p, "第 4 课") >= 0);
    assert_true(find_text(&p, "明天") >= 0); /* nothing due yet: when the misses come back */
    assert_int_equal(p.n_entries, 2);
    qp_free(&p);
    quiz_session_free(&s);
    quiz_free(qf);
    assert_int_equal(qp_action_key(QP_ACT_MISTAKES), 'm');
    assert_int_equal(qp_action_key(QP_ACT_RETRY), 't');
}

static void time_format(void **state)
{
    (void)state;
    char buf[64];
    qp_format_time(buf, sizeof buf, 59.4, "en");
    assert_string_equal(buf, "59 s");
    qp_format_time(buf, sizeof buf, 59.6, "en");
    assert_string_equal(buf, "1 min 0 s");
    qp_format_time(buf, sizeof buf, 3725, "zh");
    assert_string_equal(buf, "62 分 5 秒");
    qp_format_time(buf, sizeof buf, -3, "en");
    assert_string_equal(buf, "0 s");
}

static void diagnostics_in_check_quiz_words(void **state)
{
    (void)state;
    const char *bad = "# Broken\n\n## b1 single: x\nlesson: 1\nStem.\n- [y] one\n- [x] two\nexplain: e\n";
    quiz_file *qf = quiz_parse("dir/bad.quiz", bad, strlen(bad));
    assert_true(qf->n_errors > 0);
    qp_page p;
    qp_init(&p, 100);
    qp_diagnostics(&p, qf);
    long e = find_text(&p, "dir/bad.quiz:6:4: error: ");
    assert_true(e >= 0);
    assert_int_equal(p.lines[e].style, QP_ERROR);
    long src = find_text(&p, "6 | - [y] one");
    assert_true(src > e);
    assert_true(p.lines[src].verbatim);
    assert_int_equal(p.lines[src].style, QP_SOURCE);
    assert_string_equal(p.lines[src + 1].text, "      |    ^"); /* the caret keeps its column */
    char summary[64];
    snprintf(summary, sizeof summary, "%zu error%s, %zu warning", qf->n_errors, qf->n_errors == 1 ? "" : "s",
             qf->n_warnings);
    assert_non_null(strstr(p.lines[p.n_lines - 1].text, summary));
    qp_free(&p);
    /* narrow: "FILE:LINE:COL: error:" stays whole, the message goes below */
    qp_init(&p, 30);
    qp_diagnostics(&p, qf);
    e = find_text(&p, "dir/bad.quiz:6:4: error:");
    assert_true(e >= 0);
    assert_string_equal(p.lines[e].text, "dir/bad.quiz:6:4: error:");
    assert_int_equal(p.lines[e + 1].text_col, 4);
    qp_free(&p);
    quiz_free(qf);
}

/* ---- carrying an attempt over ---- */

static void carry_keeps_answers_and_place(void **state)
{
    (void)state;
    quiz_file *old = load(QUIZ);
    quiz_session from;
    start(&from, old, 0, 3);
    /* answer the first two asked, whatever they are: the first right, the second wrong */
    for (int i = 0; i < 2; i++) {
        const quiz_item *it = quiz_session_current(&from);
        quiz_verdict v = quiz_check(quiz_session_question(&from, it), 0);
        unsigned wrong = ~v.right & ((1u << it->n_shown) - 1u);
        wrong &= -wrong; /* one wrong option, valid for a single choice too */
        quiz_session_submit(&from, i == 0 ? v.right : wrong, 5.0 * (i + 1));
    }
    const char *asked0 = quiz_session_question(&from, &from.items[0])->id;
    const char *asked1 = quiz_session_question(&from, &from.items[1])->id;
    const char *current = quiz_session_question(&from, &from.items[2])->id;

    /* the same file, reloaded: a different seed would shuffle differently */
    quiz_file *same = load(QUIZ);
    quiz_session to;
    start(&to, same, 0, 99);
    assert_int_equal(quiz_carry_over(&to, &from), 2);
    assert_int_equal(to.n_answered, 2);
    assert_int_equal(to.n_right, 1);
    assert_int_equal(to.current, 2);
    assert_string_equal(quiz_session_question(&to, &to.items[0])->id, asked0);
    assert_string_equal(quiz_session_question(&to, &to.items[1])->id, asked1);
    assert_string_equal(quiz_session_question(&to, &to.items[2])->id, current);
    for (size_t k = 0; k < 3; k++) /* the options did not move */
        assert_memory_equal(to.items[k].shown, from.items[k].shown, sizeof to.items[k].shown);
    assert_true(to.items[0].correct);
    assert_false(to.items[1].correct);
    assert_true(to.last == from.last && to.started == from.started);
    quiz_session_free(&to);
    quiz_free(same);
    quiz_session_free(&from);
    quiz_free(old);
}

static void carry_judges_again_and_drops_deleted_questions(void **state)
{
    (void)state;
    quiz_file *old = load(QUIZ);
    quiz_session from;
    start(&from, old, 1, 0);
    quiz_session_submit(&from, 0x2, 1.0); /* s1: Beta, wrong */
    quiz_session_submit(&from, 0x5, 2.0); /* m1: right */
    /* the edit: Beta becomes the right answer of s1, m1 is deleted */
    static const char EDITED[] =
        "# Page test\nlang: en\n"
        "## s1 single: first\nlesson: 2\nWhich comes first?\n"
        "- [ ] Alpha\n  > no\n- [x] Beta\n- [ ] Gamma\n  > no\nexplain: Beta now.\n"
        "## s2 single: third\nlesson: 5\nThird?\n- [ ] No\n  > Not this.\n- [x] Yes\nexplain: Yes.\n"
        "## n1 single: new\nlesson: 6\nNew?\n- [x] Yes\n- [ ] No\n  > no\nexplain: new.\n";
    quiz_file *nf = load(EDITED);
    quiz_session to;
    start(&to, nf, 1, 0);
    assert_int_equal(quiz_carry_over(&to, &from), 1);
    assert_int_equal(to.n_items, 3);
    assert_int_equal(to.n_right, 1); /* s1 is right now */
    assert_string_equal(quiz_session_question(&to, &to.items[0])->id, "s1");
    assert_string_equal(quiz_session_question(&to, &to.items[1])->id, "s2"); /* was being asked */
    assert_string_equal(quiz_session_question(&to, &to.items[2])->id, "n1"); /* added */
    assert_false(quiz_session_done(&to));
    quiz_session_free(&to);
    quiz_free(nf);
    quiz_session_free(&from);
    quiz_free(old);
}

static void carry_asks_again_when_the_chosen_options_are_gone(void **state)
{
    (void)state;
    quiz_file *old = load(QUIZ);
    quiz_session from;
    start(&from, old, 1, 0);
    quiz_session_submit(&from, 0x4, 1.0); /* s1: Gamma (the third option) */
    static const char SHORTER[] =
        "# Page test\nlang: en\n"
        "## s1 single: first\nlesson: 2\nWhich comes first?\n- [x] Alpha\n- [ ] Beta\n  > no\nexplain: e\n";
    quiz_file *nf = load(SHORTER);
    quiz_session to;
    start(&to, nf, 1, 0);
    assert_int_equal(quiz_carry_over(&to, &from), 0);
    assert_int_equal(to.current, 0);
    assert_false(to.items[0].answered);
    quiz_session_free(&to);
    quiz_free(nf);
    quiz_session_free(&from);
    quiz_free(old);
}

int main(void)
{
    setlocale(LC_CTYPE, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(wrapped_text_hangs_under_the_mark),
        cmocka_unit_test(chinese_wraps_by_columns_and_newlines_break),
        cmocka_unit_test(fences_stay_verbatim),
        cmocka_unit_test(unanswered_question_shows_ticks_and_entries),
        cmocka_unit_test(wrong_answer_shows_feedback_answers_and_explanation),
        cmocka_unit_test(results_give_score_lessons_missed_and_actions),
        cmocka_unit_test(time_format),
        cmocka_unit_test(diagnostics_in_check_quiz_words),
        cmocka_unit_test(carry_keeps_answers_and_place),
        cmocka_unit_test(carry_judges_again_and_drops_deleted_questions),
        cmocka_unit_test(carry_asks_again_when_the_chosen_options_are_gone),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
