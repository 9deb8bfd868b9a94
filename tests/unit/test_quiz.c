/* test_quiz.c — the quiz parser and checker: a clean file, every error and
 * warning with its exact line and column, CJK columns, the printer. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "quiz.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static quiz_file *parse(const char *text) { return quiz_parse("t.quiz", text, strlen(text)); }

/* The diagnostic at line:col whose message contains needle, or NULL. */
static const quiz_diag *find_diag(const quiz_file *qf, quiz_severity sev, int line, int col,
                                  const char *needle)
{
    for (size_t i = 0; i < qf->n_diags; i++) {
        const quiz_diag *d = &qf->diags[i];
        if (d->severity == sev && d->line == line && d->col == col && strstr(d->message, needle))
            return d;
    }
    return NULL;
}

static void dump(const quiz_file *qf)
{
    quiz_print_diags(stderr, qf, 0);
}

/* Asserts there is exactly one error, at line:col, mentioning needle. */
static void expect_only_error(const char *text, int line, int col, const char *needle)
{
    quiz_file *qf = parse(text);
    if (qf->n_errors != 1 || !find_diag(qf, QUIZ_ERROR, line, col, needle)) {
        fprintf(stderr, "expected one error %d:%d '%s' in:\n%s\ngot:\n", line, col, needle, text);
        dump(qf);
    }
    assert_int_equal(qf->n_errors, 1);
    assert_non_null(find_diag(qf, QUIZ_ERROR, line, col, needle));
    quiz_free(qf);
}

/* A correct question to append after the broken part of a test file. */
#define GOOD_Q(id)                                                                                 \
    "## " id " single: fine\nlesson: 1\nStem.\n- [x] yes\n- [ ] no\n  > because\nexplain: e\n"

static const char CLEAN[] =
    "% comment\n"
    "# Week 1 · RNNs\n"
    "lang: en\n"
    "\n"
    "## q01 single: first\n"
    "lesson: 3\n"
    "Paragraph one\n"
    "continues here.\n"
    "\n"
    "```\n"
    "  a<1> --> [ ] {x} # = ~ :\n"
    "\n"
    "% not a comment inside a fence\n"
    "```\n"
    "- item one\n"
    "  more of item one\n"
    "- [ ] wrong\n"
    "  > why it is wrong\n"
    "  > second feedback line\n"
    "- [x] right\n"
    "  continued text\n"
    "explain: because\n"
    "  second line\n"
    "\n"
    "## q-2_b multi: second\n"
    "lesson: 10\n"
    "Pick all.\n"
    "- [X] a\n"
    "- [x] b\n"
    "- [ ] c\n"
    "  > no\n"
    "explain: both\n";

static void clean_file_parses(void **state)
{
    (void)state;
    quiz_file *qf = parse(CLEAN);
    if (qf->n_diags) dump(qf);
    assert_int_equal(qf->n_diags, 0);
    assert_string_equal(qf->title, "Week 1 · RNNs");
    assert_string_equal(qf->lang, "en");
    assert_int_equal(qf->n_questions, 2);

    const quiz_question *q = &qf->questions[0];
    assert_string_equal(q->id, "q01");
    assert_int_equal(q->kind, QUIZ_SINGLE);
    assert_string_equal(q->title, "first");
    assert_int_equal(q->lesson, 3);
    assert_int_equal(q->line, 5);
    assert_int_equal(q->lesson_line, 6);
    assert_int_equal(q->stem_line, 7);
    assert_int_equal(q->n_blocks, 3);
    assert_int_equal(q->blocks[0].kind, QUIZ_BLOCK_PARAGRAPH);
    assert_string_equal(q->blocks[0].text, "Paragraph one\ncontinues here.");
    assert_int_equal(q->blocks[1].kind, QUIZ_BLOCK_FENCE);
    assert_int_equal(q->blocks[1].line, 10);
    assert_string_equal(q->blocks[1].text,
                        "  a<1> --> [ ] {x} # = ~ :\n\n% not a comment inside a fence");
    assert_int_equal(q->blocks[2].kind, QUIZ_BLOCK_ITEM);
    assert_string_equal(q->blocks[2].text, "item one\nmore of item one");
    assert_non_null(strstr(q->stem, "```\n  a<1> --> [ ] {x} # = ~ :\n\n% not a comment"));
    assert_int_equal(q->n_options, 2);
    assert_int_equal(q->n_correct, 1);
    assert_string_equal(q->options[0].text, "wrong");
    assert_false(q->options[0].correct);
    assert_string_equal(q->options[0].feedback, "why it is wrong\nsecond feedback line");
    assert_int_equal(q->options[0].line, 17);
    assert_int_equal(q->options[0].feedback_line, 18);
    assert_string_equal(q->options[1].text, "right\ncontinued text");
    assert_true(q->options[1].correct);
    assert_null(q->options[1].feedback);
    assert_string_equal(q->explanation, "because\nsecond line");
    assert_int_equal(q->explain_line, 22);

    q = &qf->questions[1];
    assert_string_equal(q->id, "q-2_b");
    assert_int_equal(q->kind, QUIZ_MULTI);
    assert_int_equal(q->lesson, 10);
    assert_int_equal(q->n_options, 3);
    assert_int_equal(q->n_correct, 2);
    assert_int_equal(quiz_find(qf, "q-2_b"), 1);
    assert_int_equal(quiz_find(qf, "nope"), -1);
    quiz_free(qf);
}

static void duplicate_id(void **state)
{
    (void)state;
    quiz_file *qf = parse("# T\n" GOOD_Q("a1") "\n" GOOD_Q("a1"));
    assert_int_equal(qf->n_errors, 1);
    const quiz_diag *d = find_diag(qf, QUIZ_ERROR, 10, 4, "duplicate question id 'a1'");
    assert_non_null(d);
    assert_non_null(d->hint);
    assert_non_null(strstr(d->hint, "line 2"));
    quiz_free(qf);
}

static void single_needs_exactly_one_right(void **state)
{
    (void)state;
    expect_only_error("# T\n## s1 single: t\nlesson: 1\nStem.\n- [ ] a\n  > x\n- [ ] b\n  > y\nexplain: e\n",
                      2, 1, "single-choice question 's1' has no right option");
    /* the second [x] is pointed at, in its box */
    expect_only_error("# T\n## s1 single: t\nlesson: 1\nStem.\n- [x] a\n- [ ] b\n  > y\n- [x] c\nexplain: e\n",
                      8, 4, "has 2 right options; it needs exactly one");
}

static void multi_needs_a_right_option(void **state)
{
    (void)state;
    expect_only_error("# T\n## m1 multi: t\nlesson: 1\nStem.\n- [ ] a\n  > x\n- [ ] b\n  > y\nexplain: e\n",
                      2, 1, "multiple-choice question 'm1' has no right option");
}

static void option_counts(void **state)
{
    (void)state;
    expect_only_error("# T\n## o1 single: t\nlesson: 1\nStem.\n- [x] a\nexplain: e\n", 2, 1,
                      "has 1 option; at least two are needed");
    /* nine options: the ninth is pointed at */
    expect_only_error("# T\n## o1 multi: t\nlesson: 1\nStem.\n- [x] 1\n- [x] 2\n- [x] 3\n- [x] 4\n"
                      "- [x] 5\n- [x] 6\n- [x] 7\n- [x] 8\n- [x] 9\nexplain: e\n",
                      13, 1, "has 9 options; at most 8");
}

static void misplaced_before_any_question(void **state)
{
    (void)state;
    quiz_file *qf = parse("# T\nlang: en\n- [x] early\nexplain: early\n" GOOD_Q("g1"));
    assert_int_equal(qf->n_errors, 2);
    assert_non_null(find_diag(qf, QUIZ_ERROR, 3, 1, "option before any question"));
    assert_non_null(find_diag(qf, QUIZ_ERROR, 4, 1, "explain: before any question"));
    assert_int_equal(qf->n_questions, 1);
    quiz_free(qf);
    expect_only_error("# T\n  > stray\n" GOOD_Q("g1"), 2, 1, "feedback line before any question");
    expect_only_error("# T\nlesson: 3\n" GOOD_Q("g1"), 2, 1, "lesson: before any question");
    expect_only_error("# T\nsome words\n" GOOD_Q("g1"), 2, 1, "text before the first question");
}

static void unterminated_fence(void **state)
{
    (void)state;
    /* at the end of the file: the fence swallowed the options too */
    quiz_file *qf = parse("# T\n" GOOD_Q("g1") "## f1 single: t\nlesson: 1\nStem.\n```\ndiagram\n- [x] a\n- [ ] b\n");
    assert_int_equal(qf->n_errors, 2);
    assert_non_null(find_diag(qf, QUIZ_ERROR, 12, 1, "unterminated fenced block: no closing ```"));
    assert_non_null(find_diag(qf, QUIZ_ERROR, 9, 1, "has 0 options"));
    assert_string_equal(qf->questions[1].blocks[1].text, "diagram\n- [x] a\n- [ ] b");
    quiz_free(qf);
    /* before the next question: parsing resumes there, so the next question is read */
    qf = parse("# T\n## f1 single: t\nlesson: 1\nStem.\n```\ndiagram\n- [x] a\n" GOOD_Q("g2"));
    assert_non_null(find_diag(qf, QUIZ_ERROR, 5, 1, "unterminated fenced block"));
    assert_int_equal(qf->n_questions, 2);
    assert_string_equal(qf->questions[1].id, "g2");
    assert_int_equal(qf->questions[1].n_options, 2);
    /* the swallowed lines count as the fence, so f1 also has no options */
    assert_non_null(find_diag(qf, QUIZ_ERROR, 2, 1, "has 0 options"));
    assert_int_equal(qf->n_errors, 2);
    quiz_free(qf);
}

static void empty_stem(void **state)
{
    (void)state;
    expect_only_error("# T\n## e1 single: t\nlesson: 1\n\n- [x] a\n- [ ] b\n  > no\nexplain: e\n", 2, 1,
                      "question 'e1' has no stem");
}

static void unknown_kind(void **state)
{
    (void)state;
    quiz_file *qf = parse("# T\n## k1 mutli: t\nlesson: 1\nStem.\n- [x] a\n- [ ] b\n  > no\nexplain: e\n");
    assert_int_equal(qf->n_errors, 1);
    const quiz_diag *d = find_diag(qf, QUIZ_ERROR, 2, 7, "unknown question kind 'mutli'");
    assert_non_null(d);
    assert_non_null(strstr(d->hint, "single"));
    assert_non_null(strstr(d->hint, "multi"));
    quiz_free(qf);
}

static void malformed_option_markers(void **state)
{
    (void)state;
    static const struct {
        const char *line;
        int col;
        const char *needle;
    } cases[] = {
        {"-[x] a", 2, "space is missing between '-' and '['"},
        {"-  [x] a", 3, "exactly one space"},
        {"-\t[x] a", 2, "exactly one space"},
        {"- [y] a", 4, "holds a space (wrong) or 'x'"},
        {"- [] a", 4, "box is empty"},
        {"- [x a", 5, "']' is missing"},
        {"- [xx] a", 5, "']' is missing"},
        {"- [x]a", 6, "a space must follow ']'"},
        {"- [x]", 6, "has no text"},
        {"* [x] a", 1, "an option starts with '-'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[512];
        snprintf(text, sizeof text,
                 "# T\n## m1 multi: t\nlesson: 1\nStem.\n- [x] good\n%s\n- [ ] other\n  > no\nexplain: e\n",
                 cases[i].line);
        expect_only_error(text, 6, cases[i].col, cases[i].needle);
    }
    /* an option marker that is indented */
    expect_only_error("# T\n## m1 multi: t\nlesson: 1\nStem.\n- [x] good\n- [ ] other\n  > no\n  - [x] c\n"
                      "explain: e\n",
                      8, 3, "must start at column 1");
    /* ... also in the stem */
    expect_only_error("# T\n## m1 multi: t\nlesson: 1\nStem.\n - [x] c\n- [x] good\n- [ ] other\n  > no\n"
                      "explain: e\n",
                      5, 2, "must start at column 1");
    /* feedback at column 1 is reported, and still kept as the option's feedback */
    quiz_file *qf = parse("# T\n## m1 multi: t\nlesson: 1\nStem.\n- [x] good\n- [ ] other\n> not indented\n"
                          "explain: e\n");
    assert_int_equal(qf->n_errors, 1);
    assert_non_null(find_diag(qf, QUIZ_ERROR, 7, 1, "feedback line is not indented"));
    assert_string_equal(qf->questions[0].options[1].feedback, "not indented");
    assert_int_equal(qf->n_warnings, 0);
    quiz_free(qf);
    /* a list line after the options lacks its box */
    expect_only_error("# T\n## m1 multi: t\nlesson: 1\nStem.\n- [x] good\n- [ ] other\n  > no\n- third\n"
                      "explain: e\n",
                      8, 3, "option box is missing");
}

static void invalid_utf8_line_and_column(void **state)
{
    (void)state;
    quiz_file *qf = parse("# T\n## u1 single: t\nlesson: 1\nBad \xC3\x28 byte.\n- [x] a\n- [ ] b\n  > no\n"
                          "explain: e\n");
    assert_int_equal(qf->n_errors, 1);
    assert_non_null(find_diag(qf, QUIZ_ERROR, 4, 5, "invalid UTF-8 byte 0xC3"));
    /* the text goes on, with U+FFFD in place of the bad byte */
    assert_string_equal(qf->questions[0].blocks[0].text, "Bad \xEF\xBF\xBD( byte.");
    quiz_free(qf);
    /* NUL bytes and control characters are reported the same way */
    static const char nul[] = "# T\n## u1 single: t\nlesson: 1\nA\0B\n- [x] a\n- [ ] b\n  > no\nexplain: e\n";
    qf = quiz_parse("t.quiz", nul, sizeof nul - 1);
    assert_non_null(find_diag(qf, QUIZ_ERROR, 4, 2, "NUL byte"));
    quiz_free(qf);
    expect_only_error("# T\n## u1 single: t\nlesson: 1\nA\x1b[31mB\n- [x] a\n- [ ] b\n  > no\nexplain: e\n",
                      4, 2, "control character U+001B");
}

static void cjk_columns(void **state)
{
    (void)state;
    assert_int_equal(quiz_text_width("中文a", strlen("中文a")), 5);
    assert_int_equal(quiz_text_width("a\tb", 3), 9);
    assert_int_equal(quiz_text_width("中\tb", strlen("中\tb")), 9);
    /* "题干：中文" is 10 columns wide, so the bad byte after it is column 11 */
    expect_only_error("# 测验\n## c1 single: 标题\nlesson: 1\n题干：中文\xFF\n- [x] 对\n- [ ] 错\n  > 不对\n"
                      "explain: 解释\n",
                      4, 11, "invalid UTF-8 byte 0xFF");
    /* a CJK character in an id: pointed at after the two-column characters before it */
    expect_only_error("# 测验\n## q题 single: 标题\nlesson: 1\n题干\n- [x] 对\n- [ ] 错\n  > 不对\nexplain: 解释\n",
                      2, 5, "not allowed in a question id");
    /* a lesson value after CJK text on a repaired line: 'lesson: ' is 8 columns */
    expect_only_error("# 测验\n## c1 single: 标题\nlesson: 十\n题干\n- [x] 对\n- [ ] 错\n  > 不对\nexplain: 解释\n",
                      3, 9, "not '十'");
}

static void lesson_values(void **state)
{
    (void)state;
    expect_only_error("# T\n## l1 single: t\nlesson: 11\nS.\n- [x] a\n- [ ] b\n  > n\nexplain: e\n", 3, 9,
                      "from 1 to 10, not '11'");
    expect_only_error("# T\n## l1 single: t\nlesson: 0\nS.\n- [x] a\n- [ ] b\n  > n\nexplain: e\n", 3, 9,
                      "not '0'");
    expect_only_error("# T\n## l1 single: t\nlesson:   four\nS.\n- [x] a\n- [ ] b\n  > n\nexplain: e\n", 3,
                      11, "not 'four'");
    expect_only_error("# T\n## l1 single: t\nlesson: 3x\nS.\n- [x] a\n- [ ] b\n  > n\nexplain: e\n", 3, 9,
                      "not '3x'");
    expect_only_error("# T\n## l1 single: t\nlesson:\nS.\n- [x] a\n- [ ] b\n  > n\nexplain: e\n", 3, 8,
                      "needs a number");
    expect_only_error("# T\n## l1 single: t\nS.\nlesson: 2\n- [x] a\n- [ ] b\n  > n\nexplain: e\n", 4, 1,
                      "must come right after");
    quiz_file *qf = parse("# T\n## l1 single: t\nlesson: 10\nS.\n- [x] a\n- [ ] b\n  > n\nexplain: e\n");
    assert_int_equal(qf->n_diags, 0);
    assert_int_equal(qf->questions[0].lesson, 10);
    quiz_free(qf);
}

static void no_questions(void **state)
{
    (void)state;
    expect_only_error("# Only a title\nlang: en\n", 1, 1, "the file has no questions");
    quiz_file *qf = parse("");
    assert_non_null(find_diag(qf, QUIZ_ERROR, 1, 1, "no questions"));
    assert_non_null(find_diag(qf, QUIZ_ERROR, 1, 1, "no title line"));
    assert_int_equal(qf->n_errors, 2);
    quiz_free(qf);
}

static void garbled_headers(void **state)
{
    (void)state;
    static const struct {
        const char *header;
        int col;
        const char *needle;
    } cases[] = {
        {"##h1 single: t", 3, "a space must follow '##'"},
        {"### h1 single: t", 3, "exactly two '#'"},
        {"## h1 single t", 13, "':' is missing after the kind 'single'"},
        {"## h1: t", 6, "kind is missing after the id 'h1'"},
        {"## single: t", 4, "id is missing before 'single'"},
        {"## h1", 6, "kind (single or multi) is missing"},
        {"## h1 single:", 14, "no title"},
        {"## h.1 single: t", 5, "'.' is not allowed in a question id"},
        {"# h1 single: t", 1, "starts with '##', not '#'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[512];
        snprintf(text, sizeof text, "# T\n" GOOD_Q("g0") "%s\nlesson: 1\nStem.\n- [x] a\n- [ ] b\n  > n\nexplain: e\n",
                 cases[i].header);
        expect_only_error(text, 9, cases[i].col, cases[i].needle);
    }
    /* a header line that lost its "## " after the options */
    expect_only_error("# T\n" GOOD_Q("g0") "h1 single: t\n", 9, 1, "without '## '");
    /* no title line: the first question header comes first */
    expect_only_error(GOOD_Q("g0"), 1, 1, "no title line");
    expect_only_error("lang: en\n" GOOD_Q("g0"), 1, 1, "the first line must be the title");
}

static void structure_errors(void **state)
{
    (void)state;
    expect_only_error("# T\n## s1 single: t\nlesson: 1\nS.\nexplain: early\n- [x] a\n- [ ] b\n  > n\n", 5, 1,
                      "explain: comes before the options");
    expect_only_error("# T\n## s1 single: t\nlesson: 1\nS.\n- [x] a\n- [ ] b\n  > n\nexplain: e\nexplain: f\n", 9,
                      1, "second explain:");
    expect_only_error("# T\n## s1 single: t\nlesson: 1\nS.\n- [x] a\nexplain: e\n- [ ] b\n  > n\n", 7, 1,
                      "option after the explanation");
    expect_only_error("# T\n## s1 single: t\nlesson: 1\nS.\n- [x] a\n- [ ] b\n  > n\nloose words\nexplain: e\n", 8,
                      1, "text after the options");
    expect_only_error("# T\n## s1 single: t\nlesson: 1\nS.\n- [x] a\n- [ ] b\n  > n\nexplain: e\nloose words\n", 9,
                      1, "text after the explanation");
    expect_only_error("# T\n## s1 single: t\nlesson: 1\nS.\n- [x] a\n- [ ] b\n  > n\n\n  stray\nexplain: e\n", 9,
                      1, "continues nothing");
    expect_only_error("# T\n## s1 single: t\nlesson: 1\nS.\n- [x] a\n- [ ] b\n  > n\n```\nx\n```\nexplain: e\n", 8,
                      1, "fenced block must be part of the stem");
}

static void warnings(void **state)
{
    (void)state;
    quiz_file *qf = parse("# T\n## w1 single: t\nStem.\n- [x] a\n- [ ] b\n- [ ] c\n  > n\n- [ ] a\n  > same\n");
    assert_int_equal(qf->n_errors, 0);
    assert_int_equal(qf->n_warnings, 4);
    assert_non_null(find_diag(qf, QUIZ_WARNING, 2, 1, "not linked to a lesson"));
    assert_non_null(find_diag(qf, QUIZ_WARNING, 2, 1, "has no explanation"));
    assert_non_null(find_diag(qf, QUIZ_WARNING, 5, 1, "wrong option without feedback"));
    assert_non_null(find_diag(qf, QUIZ_WARNING, 8, 7, "same text as the one at line 4"));
    /* a right option needs no feedback: no warning for line 4 */
    assert_null(find_diag(qf, QUIZ_WARNING, 4, 1, "without feedback"));
    quiz_free(qf);

    /* explain: with no text at all counts as missing */
    qf = parse("# T\n## w2 single: t\nlesson: 2\nStem.\n- [x] a\n- [ ] b\n  > n\nexplain:\n");
    assert_int_equal(qf->n_errors, 0);
    assert_int_equal(qf->n_warnings, 1);
    assert_non_null(find_diag(qf, QUIZ_WARNING, 2, 1, "has no explanation"));
    quiz_free(qf);

    qf = quiz_parse("quizzes/week1.zh.quiz", "# T\nlang: en\ncolour: red\n" GOOD_Q("g1"),
                    strlen("# T\nlang: en\ncolour: red\n" GOOD_Q("g1")));
    assert_int_equal(qf->n_errors, 0);
    assert_non_null(find_diag(qf, QUIZ_WARNING, 2, 7, "file name says 'zh' but lang: says 'en'"));
    assert_non_null(find_diag(qf, QUIZ_WARNING, 3, 1, "unknown header line 'colour:'"));
    quiz_free(qf);
}

static void diagnostics_are_sorted(void **state)
{
    (void)state;
    /* question-end checks point back at the header; the list is still in order */
    quiz_file *qf = parse("# T\n## z1 single: t\nS.\n- [x] a\n- [y] b\n## z2 multi: u\nS.\n- [ ] a\n");
    for (size_t i = 1; i < qf->n_diags; i++) {
        const quiz_diag *a = &qf->diags[i - 1], *b = &qf->diags[i];
        assert_true(a->line < b->line || (a->line == b->line && a->col <= b->col));
    }
    assert_true(qf->n_errors >= 3);
    quiz_free(qf);
}

static void printer_format(void **state)
{
    (void)state;
    quiz_file *qf = quiz_parse("dir/x.quiz", "# T\n## p1 single: t\nlesson: 1\nS.\n- [x] a\n- [y] b\n  > n\nexplain: e\n",
                               strlen("# T\n## p1 single: t\nlesson: 1\nS.\n- [x] a\n- [y] b\n  > n\nexplain: e\n"));
    assert_int_equal(qf->n_diags, 1);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    quiz_print_diags(f, qf, 1);
    fclose(f);
    assert_string_equal(buf,
                        "dir/x.quiz:6:4: error: the option box holds a space (wrong) or 'x' (right), nothing else\n"
                        "    6 | - [y] b\n"
                        "      |    ^\n"
                        "    hint: write '- [ ] text' for a wrong option and '- [x] text' for a right one\n");
    free(buf);
    f = open_memstream(&buf, &len);
    quiz_print_diags(f, qf, 0);
    fclose(f);
    assert_non_null(strstr(buf, "dir/x.quiz:6:4: error: "));
    assert_null(strstr(buf, " | "));
    free(buf);
    quiz_free(qf);

    /* the caret sits under a CJK line's problem, tabs expanded */
    qf = parse("# T\n## p1 single: t\nlesson: 1\n中文\t\xFF\n- [x] a\n- [ ] b\n  > n\nexplain: e\n");
    f = open_memstream(&buf, &len);
    quiz_print_diags(f, qf, 1);
    fclose(f);
    assert_non_null(strstr(buf, "t.quiz:4:9: error: invalid UTF-8 byte 0xFF\n"
                                "    4 | 中文    \xEF\xBF\xBD\n"
                                "      |         ^\n"));
    free(buf);
    quiz_free(qf);
}

static void compare_language_versions(void **state)
{
    (void)state;
    quiz_file *en = parse("# T\n" GOOD_Q("a") GOOD_Q("b") GOOD_Q("c"));
    quiz_file *zh = parse("# T\n" GOOD_Q("a") GOOD_Q("c")
                          "## b multi: t\nlesson: 1\nS.\n- [x] a\n- [x] b\nexplain: e\n");
    assert_int_equal(en->n_diags, 0);
    assert_int_equal(quiz_compare_versions(en, zh, "x.zh.quiz"), 1);
    assert_non_null(find_diag(en, QUIZ_WARNING, 9, 4, "'b' is single here but multi in x.zh.quiz"));
    quiz_file *fewer = parse("# T\n" GOOD_Q("a"));
    assert_int_equal(quiz_compare_versions(en, fewer, "y.quiz"), 2);
    assert_non_null(find_diag(en, QUIZ_WARNING, 16, 4, "'c' is missing in y.quiz"));
    assert_int_equal(en->n_errors, 0);
    quiz_free(en);
    quiz_free(zh);
    quiz_free(fewer);
}

static void hostile_inputs_do_not_crash(void **state)
{
    (void)state;
    static const char *const inputs[] = {
        "", "\n", "#", "##", "## ", "```", "- [", "-", "  >", "lesson:", "explain:",
        "# T\n## a single: t\n```\n", "# T\n## a single: t\n- [x", "\xEF\xBB\xBF# T\r\n## a single: t\r\n",
        "# T\n## a multi: t\nS\n- [x] a\n  continued\n  > fb\n  more fb\n- [x] b\nexplain:\n  later\n",
        "\xff\xfe\xfd", "# T\n## a single: t\nlesson: 99999999999999999999\n",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        quiz_file *qf = parse(inputs[i]);
        assert_non_null(qf);
        assert_int_equal(qf->n_errors + qf->n_warnings, qf->n_diags);
        quiz_free(qf);
    }
    /* a byte order mark and CRLF line ends are accepted */
    quiz_file *qf = parse("\xEF\xBB\xBF# T\r\n## a single: t\r\nlesson: 1\r\nS.\r\n- [x] a\r\n- [ ] b\r\n  > n\r\n"
                          "explain: e\r\n");
    assert_int_equal(qf->n_diags, 0);
    assert_string_equal(qf->title, "T");
    assert_string_equal(qf->questions[0].options[0].text, "a");
    quiz_free(qf);
}

static void load_reports_missing_file(void **state)
{
    (void)state;
    char err[256] = "";
    assert_null(quiz_load("/nonexistent/dir/q.quiz", err, sizeof err));
    assert_non_null(strstr(err, "/nonexistent/dir/q.quiz"));
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(clean_file_parses),
        cmocka_unit_test(duplicate_id),
        cmocka_unit_test(single_needs_exactly_one_right),
        cmocka_unit_test(multi_needs_a_right_option),
        cmocka_unit_test(option_counts),
        cmocka_unit_test(misplaced_before_any_question),
        cmocka_unit_test(unterminated_fence),
        cmocka_unit_test(empty_stem),
        cmocka_unit_test(unknown_kind),
        cmocka_unit_test(malformed_option_markers),
        cmocka_unit_test(invalid_utf8_line_and_column),
        cmocka_unit_test(cjk_columns),
        cmocka_unit_test(lesson_values),
        cmocka_unit_test(no_questions),
        cmocka_unit_test(garbled_headers),
        cmocka_unit_test(structure_errors),
        cmocka_unit_test(warnings),
        cmocka_unit_test(diagnostics_are_sorted),
        cmocka_unit_test(printer_format),
        cmocka_unit_test(compare_language_versions),
        cmocka_unit_test(hostile_inputs_do_not_crash),
        cmocka_unit_test(load_reports_missing_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
