/* Round trip of the week-1 quiz files: parse, write the parsed questions back
 * in the file format, parse again, and get the same questions (nothing
 * dropped, no continuation line lost, no text changed); writing is then
 * stable. Also: the two language versions agree question by question. */
#include "testutil.h"

#include "paths.h"
#include "quiz.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* text with every line after the first indented by `indent` */
static void put_lines(strbuf *sb, const char *first_prefix, const char *indent, const char *text)
{
    sb_puts(sb, first_prefix);
    for (const char *p = text; *p; p++) {
        if (*p == '\n') {
            sb_puts(sb, "\n");
            sb_puts(sb, indent);
        } else {
            sb_append(sb, p, 1);
        }
    }
    sb_puts(sb, "\n");
}

static void write_quiz(const quiz_file *qf, strbuf *sb)
{
    sb_printf(sb, "# %s\n", qf->title);
    if (qf->lang) sb_printf(sb, "lang: %s\n", qf->lang);
    for (size_t i = 0; i < qf->n_questions; i++) {
        const quiz_question *q = &qf->questions[i];
        sb_printf(sb, "\n## %s %s: %s\n", q->id, q->kind == QUIZ_MULTI ? "multi" : "single", q->title);
        if (q->lesson) sb_printf(sb, "lesson: %d\n", q->lesson);
        sb_printf(sb, "%s\n", q->stem);
        for (size_t k = 0; k < q->n_options; k++) {
            const quiz_option *o = &q->options[k];
            put_lines(sb, o->correct ? "- [x] " : "- [ ] ", "  ", o->text);
            if (o->feedback) put_lines(sb, "  > ", "  > ", o->feedback);
        }
        if (q->explanation) put_lines(sb, "explain: ", "  ", q->explanation);
    }
}

static void assert_same_questions(const quiz_file *a, const quiz_file *b)
{
    assert_string_equal(a->title, b->title);
    assert_int_equal(a->n_questions, b->n_questions);
    for (size_t i = 0; i < a->n_questions; i++) {
        const quiz_question *p = &a->questions[i], *q = &b->questions[i];
        assert_string_equal(p->id, q->id);
        assert_int_equal(p->kind, q->kind);
        assert_string_equal(p->title, q->title);
        assert_int_equal(p->lesson, q->lesson);
        assert_string_equal(p->stem, q->stem);
        assert_int_equal(p->n_blocks, q->n_blocks);
        for (size_t k = 0; k < p->n_blocks; k++) {
            assert_int_equal(p->blocks[k].kind, q->blocks[k].kind);
            assert_string_equal(p->blocks[k].text, q->blocks[k].text);
        }
        assert_int_equal(p->n_options, q->n_options);
        for (size_t k = 0; k < p->n_options; k++) {
            assert_string_equal(p->options[k].text, q->options[k].text);
            assert_int_equal(p->options[k].correct, q->options[k].correct);
            assert_true((p->options[k].feedback == NULL) == (q->options[k].feedback == NULL));
            if (p->options[k].feedback) assert_string_equal(p->options[k].feedback, q->options[k].feedback);
        }
        assert_non_null(p->explanation);
        assert_string_equal(p->explanation, q->explanation);
    }
}

static quiz_file *load_week1(const char *lang)
{
    char rel[64], err[ERRBUF];
    snprintf(rel, sizeof rel, "quizzes/week1.%s.quiz", lang);
    char *path = paths_data_file(rel);
    assert_non_null(path);
    quiz_file *qf = quiz_load(path, err, sizeof err);
    free(path);
    assert_non_null(qf);
    return qf;
}

/* The text's non-blank lines, trailing spaces dropped, joined with '\n'. */
static char *content_lines(const char *text)
{
    strbuf sb;
    sb_init(&sb);
    while (*text) {
        const char *end = strchr(text, '\n');
        if (!end) end = text + strlen(text);
        const char *last = end;
        while (last > text && (last[-1] == ' ' || last[-1] == '\r')) last--;
        if (last > text) {
            sb_append(&sb, text, (size_t)(last - text));
            sb_puts(&sb, "\n");
        }
        text = *end ? end + 1 : end;
    }
    return sb.data ? sb.data : xstrdup("");
}

static void round_trip(const char *lang)
{
    quiz_file *qf = load_week1(lang);
    assert_int_equal(qf->n_errors, 0);
    assert_int_equal(qf->n_warnings, 0);
    assert_true(qf->n_questions >= 30);
    strbuf once;
    sb_init(&once);
    write_quiz(qf, &once);
    quiz_file *again = quiz_parse("written", once.data, once.len);
    if (again->n_errors) quiz_print_diags(stderr, again, 1);
    assert_int_equal(again->n_errors, 0);
    assert_same_questions(qf, again);
    /* Nothing of the source was dropped: the written file has the source's
     * lines (the week-1 files are written in this canonical layout). */
    char rel[64], err[ERRBUF];
    snprintf(rel, sizeof rel, "quizzes/week1.%s.quiz", lang);
    char *path = paths_data_file(rel);
    size_t len;
    char *source = file_read(path, 1 << 22, &len, err, sizeof err);
    assert_non_null(source);
    char *a = content_lines(source), *b = content_lines(once.data);
    assert_string_equal(a, b);
    free(a);
    free(b);
    free(source);
    free(path);
    strbuf twice;
    sb_init(&twice);
    write_quiz(again, &twice);
    assert_string_equal(once.data, twice.data);
    sb_free(&once);
    sb_free(&twice);
    quiz_free(again);
    quiz_free(qf);
}

static void test_round_trip_en(void **state) { round_trip("en"); }
static void test_round_trip_zh(void **state) { round_trip("zh"); }

/* Every lesson has at least three questions (the course quiz plus two more
 * of our own each), every wrong option explains itself, and the two
 * languages agree on ids, kinds, lessons and right answers. */
static void test_week1_coverage_and_languages_agree(void **state)
{
    quiz_file *en = load_week1("en"), *zh = load_week1("zh");
    int per_lesson[QUIZ_MAX_LESSON + 1] = {0};
    assert_int_equal(en->n_questions, zh->n_questions);
    for (size_t i = 0; i < en->n_questions; i++) {
        const quiz_question *a = &en->questions[i], *b = &zh->questions[i];
        assert_string_equal(a->id, b->id);
        assert_int_equal(a->kind, b->kind);
        assert_int_equal(a->lesson, b->lesson);
        assert_int_equal(a->n_options, b->n_options);
        for (size_t k = 0; k < a->n_options; k++) {
            assert_int_equal(a->options[k].correct, b->options[k].correct);
            if (!a->options[k].correct) {
                assert_non_null(a->options[k].feedback);
                assert_non_null(b->options[k].feedback);
            }
        }
        assert_true(a->lesson >= 1 && a->lesson <= QUIZ_MAX_LESSON);
        per_lesson[a->lesson]++;
    }
    for (int l = 1; l <= QUIZ_MAX_LESSON; l++) assert_true(per_lesson[l] >= 2);
    /* the course quiz: q03 is the multi question with options 2 and 4 right */
    long q3 = quiz_find(en, "q03");
    assert_true(q3 >= 0);
    const quiz_question *q = &en->questions[q3];
    assert_int_equal(q->kind, QUIZ_MULTI);
    assert_int_equal(q->n_options, 4);
    assert_true(!q->options[0].correct && q->options[1].correct && !q->options[2].correct &&
                q->options[3].correct);
    quiz_free(en);
    quiz_free(zh);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip_en),
        cmocka_unit_test(test_round_trip_zh),
        cmocka_unit_test(test_week1_coverage_and_languages_agree),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
