/* test_lesson.c — the lesson parser: block kinds, inline spans, CJK line
 * joining, the table of contents, repairs of malformed files (with the exact
 * line in each warning) and loading a folder with a file missing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "lesson.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char fixture_home[4096]; /* tests/fixtures/lessons (holds content/en) */

static lesson *parse_as(const char *path, const char *text)
{
    return lesson_parse(text, strlen(text), path, "en");
}

static lesson *parse(const char *text) { return parse_as("content/en/02-test.md", text); }

static void assert_block(const lesson *l, size_t i, lesson_block_kind kind, int level,
                         const char *marker, const char *text, int line)
{
    assert_true(i < l->n_blocks);
    const lesson_block *b = &l->blocks[i];
    assert_int_equal(b->kind, kind);
    assert_int_equal(b->level, level);
    assert_string_equal(b->marker, marker);
    assert_string_equal(b->text, text);
    assert_int_equal(b->len, strlen(text));
    assert_int_equal(b->line, line);
}

static void test_every_block_kind(void **state)
{
    (void)state;
    lesson *l = parse("# The Title\n"          /* 1 */
                      "\n"
                      "## Section A\n"         /* 3 */
                      "\n"
                      "First line of a\n"      /* 5 */
                      "paragraph.\n"
                      "\n"
                      "### Sub a\n"            /* 8 */
                      "\n"
                      "- bullet one\n"         /* 10 */
                      "  continued\n"
                      "- bullet two\n"         /* 12 */
                      "12. numbered\n"         /* 13 */
                      "\n"
                      "> a note\n"             /* 15 */
                      "> second line\n"
                      "\n"
                      "```text\n"              /* 18 */
                      "  keep   this\n"
                      "\ttab\n"
                      "```\n"
                      "#### not a heading\n"); /* 22 */
    assert_int_equal(l->n_warnings, 0);
    assert_string_equal(l->title, "The Title");
    assert_int_equal(l->number, 2);
    assert_string_equal(l->slug, "test");
    assert_string_equal(l->lang, "en");
    assert_int_equal(l->placeholder, 0);
    assert_int_equal(l->n_blocks, 10);
    assert_block(l, 0, LESSON_HEADING, 1, "", "The Title", 1);
    assert_block(l, 1, LESSON_HEADING, 2, "", "Section A", 3);
    assert_block(l, 2, LESSON_PARAGRAPH, 0, "", "First line of a paragraph.", 5);
    assert_block(l, 3, LESSON_HEADING, 3, "", "Sub a", 8);
    assert_block(l, 4, LESSON_LIST_ITEM, 0, "•", "bullet one continued", 10);
    assert_block(l, 5, LESSON_LIST_ITEM, 0, "•", "bullet two", 12);
    assert_block(l, 6, LESSON_LIST_ITEM, 0, "12.", "numbered", 13);
    assert_block(l, 7, LESSON_NOTE, 0, "", "a note second line", 15);
    assert_block(l, 8, LESSON_FENCE, 0, "", "  keep   this\n    tab", 18);
    assert_block(l, 9, LESSON_PARAGRAPH, 0, "", "#### not a heading", 22);
    lesson_free(l);
}

static void test_text_that_only_looks_like_markup(void **state)
{
    (void)state;
    lesson *l = parse("# T\n\n#no space\n-no space\n3.no space\n\n> one\n>\n> two\n");
    assert_int_equal(l->n_blocks, 4);
    assert_block(l, 1, LESSON_PARAGRAPH, 0, "", "#no space -no space 3.no space", 3);
    /* a line with only ">" separates two notes */
    assert_block(l, 2, LESSON_NOTE, 0, "", "one", 7);
    assert_block(l, 3, LESSON_NOTE, 0, "", "two", 9);
    lesson_free(l);
}

static void test_inline_spans(void **state)
{
    (void)state;
    lesson *l = parse("# T\n\na **bold** and `code` end\n\n**x `y` z**\n\n`` a`b ``\n\n"
                      "`**not bold**`\n\n## A `code` heading\n");
    const lesson_block *b = &l->blocks[1];
    assert_string_equal(b->text, "a bold and code end");
    assert_int_equal(b->n_spans, 2);
    assert_int_equal(b->spans[0].start, 2);
    assert_int_equal(b->spans[0].end, 6);
    assert_int_equal(b->spans[0].style, LESSON_STYLE_BOLD);
    assert_int_equal(b->spans[1].start, 11);
    assert_int_equal(b->spans[1].end, 15);
    assert_int_equal(b->spans[1].style, LESSON_STYLE_CODE);
    /* code inside bold: three runs */
    b = &l->blocks[2];
    assert_string_equal(b->text, "x y z");
    assert_int_equal(b->n_spans, 3);
    assert_int_equal(b->spans[0].style, LESSON_STYLE_BOLD);
    assert_int_equal(b->spans[1].start, 2);
    assert_int_equal(b->spans[1].end, 3);
    assert_int_equal(b->spans[1].style, LESSON_STYLE_BOLD | LESSON_STYLE_CODE);
    assert_int_equal(b->spans[2].start, 3);
    assert_int_equal(b->spans[2].end, 5);
    /* double backticks hold a single one; padding spaces dropped */
    b = &l->blocks[3];
    assert_string_equal(b->text, "a`b");
    assert_int_equal(b->n_spans, 1);
    assert_int_equal(b->spans[0].end, 3);
    /* ** inside code is literal */
    b = &l->blocks[4];
    assert_string_equal(b->text, "**not bold**");
    assert_int_equal(b->n_spans, 1);
    assert_int_equal(b->spans[0].style, LESSON_STYLE_CODE);
    /* headings have spans too */
    b = &l->blocks[5];
    assert_string_equal(b->text, "A code heading");
    assert_int_equal(b->n_spans, 1);
    assert_int_equal(b->spans[0].start, 2);
    lesson_free(l);
}

static void test_unmatched_markers_are_text(void **state)
{
    (void)state;
    lesson *l = parse("# T\n\na ** b and ` c\n\n**one** two **\n");
    assert_string_equal(l->blocks[1].text, "a ** b and ` c");
    assert_int_equal(l->blocks[1].n_spans, 0);
    assert_string_equal(l->blocks[2].text, "one two **");
    assert_int_equal(l->blocks[2].n_spans, 1);
    assert_int_equal(l->blocks[2].spans[0].end, 3);
    lesson_free(l);
}

static void test_style_runs(void **state)
{
    (void)state;
    lesson *l = parse("# T\n\nab **cd** ef `gh`\n");
    const lesson_block *b = &l->blocks[1]; /* "ab cd ef gh" */
    lesson_span runs[8];
    size_t n = lesson_style_runs(b, 1, 10, runs, 8); /* "b cd ef g" */
    assert_int_equal(n, 4);
    assert_int_equal(runs[0].start, 1);
    assert_int_equal(runs[0].end, 3);
    assert_int_equal(runs[0].style, 0);
    assert_int_equal(runs[1].start, 3);
    assert_int_equal(runs[1].end, 5);
    assert_int_equal(runs[1].style, LESSON_STYLE_BOLD);
    assert_int_equal(runs[2].end, 9);
    assert_int_equal(runs[2].style, 0);
    assert_int_equal(runs[3].start, 9);
    assert_int_equal(runs[3].end, 10);
    assert_int_equal(runs[3].style, LESSON_STYLE_CODE);
    assert_int_equal(lesson_style_runs(b, 0, b->len, NULL, 0), 4);
    assert_int_equal(lesson_style_runs(b, 5, 5, runs, 8), 0);
    lesson_free(l);
}

static void test_cjk_lines_join_without_space(void **state)
{
    (void)state;
    lesson *l = parse("# T\n\n循环神经\n网络很有用。\n\n中文\nEnglish\n\nEnglish\n中文\n\n"
                      "使用**门控**\n单元，\n然后\n\n- 列表项\n  继续\n\n> 注意\n> 这里\n");
    assert_string_equal(l->blocks[1].text, "循环神经网络很有用。");
    assert_string_equal(l->blocks[2].text, "中文 English");
    assert_string_equal(l->blocks[3].text, "English 中文");
    /* markers at the line ends are looked through; fullwidth punctuation is CJK */
    assert_string_equal(l->blocks[4].text, "使用门控单元，然后");
    assert_int_equal(l->blocks[4].n_spans, 1);
    assert_string_equal(l->blocks[5].text, "列表项继续");
    assert_string_equal(l->blocks[6].text, "注意这里");
    lesson_free(l);
}

static void test_missing_title(void **state)
{
    (void)state;
    lesson *l = parse_as("content/en/03-backprop-through-time.md", "\nSome text\n");
    assert_int_equal(l->n_warnings, 1);
    const char *want = "content/en/03-backprop-through-time.md:2: ";
    assert_memory_equal(l->warnings[0], want, strlen(want));
    assert_non_null(strstr(l->warnings[0], "title"));
    assert_string_equal(l->title, "Backprop through time");
    assert_int_equal(l->number, 3);
    assert_string_equal(l->slug, "backprop-through-time");
    assert_block(l, 0, LESSON_HEADING, 1, "", "Backprop through time", 0);
    assert_block(l, 1, LESSON_PARAGRAPH, 0, "", "Some text", 2);
    lesson_free(l);
}

static void test_empty_file(void **state)
{
    (void)state;
    lesson *l = parse_as("x/05-gates.md", "");
    assert_int_equal(l->n_blocks, 1);
    assert_string_equal(l->title, "Gates");
    assert_int_equal(l->n_warnings, 1);
    assert_memory_equal(l->warnings[0], "x/05-gates.md:1: ", 17);
    lesson_free(l);
}

static void test_unterminated_fence(void **state)
{
    (void)state;
    lesson *l = parse("# T\n\ntext\n\n```\ncode a\n\ncode b\n");
    assert_int_equal(l->n_warnings, 1);
    const char *want = "content/en/02-test.md:5: ";
    assert_memory_equal(l->warnings[0], want, strlen(want));
    assert_non_null(strstr(l->warnings[0], "never closed"));
    assert_int_equal(l->n_blocks, 3);
    assert_block(l, 2, LESSON_FENCE, 0, "", "code a\n\ncode b", 5);
    lesson_free(l);
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    lesson *l = parse("# T\n\nok\nbad \xff\xfe here\nlast \xe4\xb8");
    assert_int_equal(l->n_warnings, 2);
    const char *w4 = "content/en/02-test.md:4: ", *w5 = "content/en/02-test.md:5: ";
    assert_memory_equal(l->warnings[0], w4, strlen(w4));
    assert_non_null(strstr(l->warnings[0], "UTF-8"));
    assert_memory_equal(l->warnings[1], w5, strlen(w5));
    assert_string_equal(l->blocks[1].text,
                        "ok bad \xEF\xBF\xBD\xEF\xBF\xBD here last \xEF\xBF\xBD\xEF\xBF\xBD");
    lesson_free(l);
}

static void test_control_character(void **state)
{
    (void)state;
    lesson *l = parse("# T\r\n\r\na\x07" "b\r\n");
    assert_int_equal(l->n_warnings, 1);
    const char *want = "content/en/02-test.md:3: ";
    assert_memory_equal(l->warnings[0], want, strlen(want));
    assert_non_null(strstr(l->warnings[0], "U+0007"));
    assert_string_equal(l->blocks[0].text, "T"); /* "\r" of CRLF is not content */
    assert_string_equal(l->blocks[1].text, "a\xEF\xBF\xBD" "b");
    lesson_free(l);
}

static void test_warnings_in_file_order(void **state)
{
    (void)state;
    /* no title (line 2), fence never closed (line 3), invalid byte (line 5) */
    lesson *l = parse("\nintro\n```\nx\n\xff\n");
    assert_int_equal(l->n_warnings, 3);
    assert_non_null(strstr(l->warnings[0], ":2: "));
    assert_non_null(strstr(l->warnings[1], ":3: "));
    assert_non_null(strstr(l->warnings[2], ":5: "));
    lesson_free(l);
}

static void test_many_warnings_are_capped(void **state)
{
    (void)state;
    char text[1024] = "# T\n\n";
    for (int i = 0; i < 100; i++) strcat(text, "\xff\n");
    lesson *l = parse(text);
    assert_int_equal(l->n_warnings, 50);
    assert_non_null(strstr(l->warnings[0], ":3: "));
    assert_non_null(strstr(l->warnings[49], "51 more warnings"));
    lesson_free(l);
}

static void test_table_of_contents(void **state)
{
    (void)state;
    lesson *l = parse("# T\n\nintro\n\n## One\n\na\n\n### One.a\n\nb\n\n# Not in toc\n\n## Two\n");
    assert_int_equal(l->n_toc, 3);
    assert_int_equal(l->toc[0].block, 2);
    assert_int_equal(l->toc[0].level, 2);
    assert_string_equal(l->blocks[l->toc[0].block].text, "One");
    assert_int_equal(l->toc[1].block, 4);
    assert_int_equal(l->toc[1].level, 3);
    assert_int_equal(l->toc[2].block, 7);
    assert_string_equal(l->blocks[7].text, "Two");
    assert_int_equal(l->blocks[6].level, 1);
    /* sections of blocks */
    assert_int_equal(lesson_section_of_block(l, 0), -1);
    assert_int_equal(lesson_section_of_block(l, 1), -1);
    assert_int_equal(lesson_section_of_block(l, 2), 0);
    assert_int_equal(lesson_section_of_block(l, 3), 0);
    assert_int_equal(lesson_section_of_block(l, 5), 1);
    assert_int_equal(lesson_section_of_block(l, 7), 2);
    assert_int_equal(lesson_section_block(l, 1), 4);
    assert_int_equal(lesson_section_block(l, 99), 7);
    assert_int_equal(lesson_section_block(l, -1), 0);
    lesson_free(l);
}

static void test_same_section_in_other_language(void **state)
{
    (void)state;
    lesson *en = parse_as("content/en/06-gru.md",
                          "# GRU\n\n## Memory\n\nwords\n\nmore words\n\n## Gates\n\ntext\n\n## End\n");
    const char *zh_text = "# GRU\n\n## 记忆\n\n一段\n\n## 门\n\n二\n\n三\n\n## 结束\n";
    lesson *zh = lesson_parse(zh_text, strlen(zh_text), "content/zh/06-gru.md", "zh");
    assert_int_equal(zh->n_toc, 3);
    /* "more words" (en block 3) is in section 0 -> zh block 1 */
    assert_int_equal(lesson_same_section(en, 3, zh), 1);
    /* en block 5 ("text") is in section 1 -> zh block 3 ("## 门") */
    assert_int_equal(lesson_same_section(en, 5, zh), 3);
    assert_string_equal(zh->blocks[3].text, "门");
    /* and back: zh block 5 ("三") -> en "## Gates" (block 4) */
    assert_int_equal(lesson_same_section(zh, 5, en), 4);
    /* the title maps to the title */
    assert_int_equal(lesson_same_section(en, 0, zh), 0);
    /* a shorter lesson: the last section */
    const char *short_text = "# GRU\n\n## 记忆\n";
    lesson *short_zh = lesson_parse(short_text, strlen(short_text), "content/zh/06-gru.md", "zh");
    assert_int_equal(lesson_same_section(en, 6, short_zh), 1);
    lesson_free(short_zh);
    lesson_free(zh);
    lesson_free(en);
}

static void test_search(void **state)
{
    (void)state;
    lesson *l = parse("# Gates\n\nThe gate opens.\n\n## 门控\n\nA GATE closes; the 门控 gate.\n");
    size_t b = 99, o = 99;
    /* forward from the start: the title "Gates" matches first, case-folded */
    assert_int_equal(lesson_search(l, "gate", 0, 0, 0, &b, &o), 1);
    assert_int_equal(b, 0);
    assert_int_equal(o, 0);
    assert_int_equal(lesson_search(l, "gate", 0, 1, 0, &b, &o), 1);
    assert_int_equal(b, 1);
    assert_int_equal(o, 4);
    assert_int_equal(lesson_search(l, "GATE", 1, 5, 0, &b, &o), 1);
    assert_int_equal(b, 3);
    assert_int_equal(o, 2);
    assert_int_equal(lesson_search(l, "门控", 3, 0, 0, &b, &o), 1);
    assert_int_equal(b, 3);
    assert_int_equal(o, strlen("A GATE closes; the "));
    /* backward: the match before block 3, offset 2 is in block 1 */
    assert_int_equal(lesson_search(l, "gate", 3, 2, 1, &b, &o), 1);
    assert_int_equal(b, 1);
    assert_int_equal(o, 4);
    /* backward from past the end: the last match */
    assert_int_equal(lesson_search(l, "gate", 99, 0, 1, &b, &o), 1);
    assert_int_equal(b, 3);
    assert_int_equal(o, strlen("A GATE closes; the 门控 "));
    assert_int_equal(lesson_search(l, "gate", 3, 30, 0, &b, &o), 0);
    assert_int_equal(lesson_search(l, "absent", 0, 0, 0, &b, &o), 0);
    assert_int_equal(lesson_search(l, "", 0, 0, 0, &b, &o), 0);
    lesson_free(l);
}

static void check_fixture_set(const lesson_set *set)
{
    for (int i = 0; i < LESSON_COUNT; i++) {
        assert_non_null(set->lessons[i]);
        assert_int_equal(set->lessons[i]->number, i + 1);
    }
    assert_string_equal(set->lessons[0]->title, "Fixture lesson 01");
    assert_int_equal(set->lessons[0]->n_warnings, 0);
    assert_int_equal(set->lessons[0]->n_toc, 2);
    assert_string_equal(set->lessons[9]->title, "Fixture lesson 10");
    /* 04 is missing: a placeholder that says so; 05 still loads */
    const lesson *missing = set->lessons[3];
    assert_int_equal(missing->placeholder, 1);
    assert_int_equal(missing->n_warnings, 1);
    assert_non_null(strstr(missing->warnings[0], "04-*.md"));
    assert_non_null(strstr(missing->title, "4"));
    assert_true(missing->n_blocks >= 2);
    assert_non_null(strstr(missing->blocks[1].text, "04-*.md"));
    assert_string_equal(set->lessons[4]->title, "Fixture lesson 05");
    assert_int_equal(set->lessons[4]->placeholder, 0);
    /* two files numbered 02: the first by name wins, the other is named */
    assert_string_equal(set->lessons[1]->title, "Fixture lesson 02");
    assert_int_equal(set->lessons[1]->n_warnings, 1);
    assert_non_null(strstr(set->lessons[1]->warnings[0], "02-zz-duplicate.md"));
    /* 07 has no title line: the title comes from its name */
    assert_string_equal(set->lessons[6]->title, "Untitled lesson");
    assert_string_equal(set->lessons[6]->slug, "untitled-lesson");
    assert_non_null(strstr(set->lessons[6]->warnings[0], "07-untitled-lesson.md:1: "));
}

static void test_load_dir_with_missing_file(void **state)
{
    (void)state;
    char dir[4200];
    snprintf(dir, sizeof dir, "%s/content/en", fixture_home);
    lesson_set *set = lesson_load_dir(dir, "en");
    assert_string_equal(set->lang, "en");
    check_fixture_set(set);
    lesson_set_free(set);
}

static void test_load_all_from_data_home(void **state)
{
    (void)state;
    setenv("SEQTUTOR_HOME", fixture_home, 1);
    char err[512] = "";
    lesson_set *set = lesson_load_all("en", err, sizeof err);
    assert_non_null(set);
    check_fixture_set(set);
    lesson_set_free(set);
    /* the fixture home has no content/zh: ten placeholders, no crash */
    set = lesson_load_all("zh", err, sizeof err);
    assert_non_null(set);
    for (int i = 0; i < LESSON_COUNT; i++) {
        assert_int_equal(set->lessons[i]->placeholder, 1);
        assert_non_null(strstr(set->lessons[i]->warnings[0], "content/zh"));
        assert_non_null(strstr(set->lessons[i]->title, "第"));
    }
    lesson_set_free(set);
}

static void test_load_unreadable_file(void **state)
{
    (void)state;
    lesson *l = lesson_load("/nonexistent-dir/08-bidirectional.md", "en");
    assert_int_equal(l->placeholder, 1);
    assert_int_equal(l->number, 8);
    assert_string_equal(l->slug, "bidirectional");
    assert_non_null(strstr(l->warnings[0], "/nonexistent-dir/08-bidirectional.md"));
    assert_string_equal(l->blocks[0].text, l->title);
    lesson_free(l);
    /* a folder is not a lesson */
    l = lesson_load("/", "en");
    assert_int_equal(l->placeholder, 1);
    lesson_free(l);
}

int main(void)
{
    setlocale(LC_CTYPE, "C.UTF-8");
    const char *root = getenv("SEQTUTOR_HOME");
    snprintf(fixture_home, sizeof fixture_home, "%s/tests/fixtures/lessons", root ? root : ".");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_block_kind),
        cmocka_unit_test(test_text_that_only_looks_like_markup),
        cmocka_unit_test(test_inline_spans),
        cmocka_unit_test(test_unmatched_markers_are_text),
        cmocka_unit_test(test_style_runs),
        cmocka_unit_test(test_cjk_lines_join_without_space),
        cmocka_unit_test(test_missing_title),
        cmocka_unit_test(test_empty_file),
        cmocka_unit_test(test_unterminated_fence),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_control_character),
        cmocka_unit_test(test_warnings_in_file_order),
        cmocka_unit_test(test_many_warnings_are_capped),
        cmocka_unit_test(test_table_of_contents),
        cmocka_unit_test(test_same_section_in_other_language),
        cmocka_unit_test(test_search),
        cmocka_unit_test(test_load_dir_with_missing_file),
        cmocka_unit_test(test_load_all_from_data_home),
        cmocka_unit_test(test_load_unreadable_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
