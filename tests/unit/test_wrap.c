/* test_wrap.c — width measurement, clipping, CJK-aware wrapping and the
 * lesson layout. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "lesson.h"
#include "wrap.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Wraps s and returns its lines joined by '|' (a static buffer). Also checks
 * what must hold for every result: widths are right and within the limit,
 * and no line starts or ends with a space. */
static const char *wrapped(const char *s, int width)
{
    static char buf[4096];
    wrap_line *v = NULL;
    size_t n = wrap_text(s, strlen(s), width, &v);
    assert_true(n >= 1);
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        size_t len = v[i].end - v[i].start;
        assert_true(v[i].start <= v[i].end);
        assert_int_equal(v[i].width, text_width(s + v[i].start, len));
        assert_true(v[i].width <= width);
        if (len) {
            assert_true(s[v[i].start] != ' ');
            assert_true(s[v[i].end - 1] != ' ');
        }
        if (i) buf[o++] = '|';
        memcpy(buf + o, s + v[i].start, len);
        o += len;
        buf[o] = '\0';
    }
    free(v);
    return buf;
}

static void test_width_measurement(void **state)
{
    (void)state;
    assert_int_equal(text_width("", 0), 0);
    assert_int_equal(text_width("abc", 3), 3);
    assert_int_equal(text_width("中文ab", strlen("中文ab")), 6);
    assert_int_equal(text_width("，。", strlen("，。")), 4);
    assert_int_equal(text_width("e\xCC\x81", 3), 1); /* e + combining acute */
    assert_int_equal(text_width("\xFF" "a", 2), 2);  /* an invalid byte counts 1 */
    assert_int_equal(text_width("c⟨t⟩", strlen("c⟨t⟩")), 4);
}

static void test_clipping(void **state)
{
    (void)state;
    const char *s = "中文ab";
    int used = -1;
    assert_int_equal(text_clip(s, strlen(s), 3, &used), 3); /* 文 would straddle column 3 */
    assert_int_equal(used, 2);
    assert_int_equal(text_clip(s, strlen(s), 4, &used), 6);
    assert_int_equal(used, 4);
    assert_int_equal(text_clip(s, strlen(s), 5, &used), 7);
    assert_int_equal(text_clip(s, strlen(s), 0, &used), 0);
    assert_int_equal(used, 0);
    assert_int_equal(text_clip(s, strlen(s), 100, NULL), strlen(s));
    /* the combining mark stays with its e */
    const char *c = "ae\xCC\x81" "b";
    assert_int_equal(text_clip(c, strlen(c), 2, &used), 4);
    assert_int_equal(used, 2);
}

static void test_skipping_columns(void **state)
{
    (void)state;
    const char *s = "ab中文cd";
    int skipped = -1;
    assert_int_equal(text_skip(s, strlen(s), 0, &skipped), 0);
    assert_int_equal(skipped, 0);
    assert_int_equal(text_skip(s, strlen(s), 2, &skipped), 2);
    assert_int_equal(skipped, 2);
    /* column 3 is the right half of 中: skip the whole character */
    assert_int_equal(text_skip(s, strlen(s), 3, &skipped), 5);
    assert_int_equal(skipped, 4);
    assert_int_equal(text_skip(s, strlen(s), 100, &skipped), strlen(s));
    assert_int_equal(skipped, 8);
}

static void test_cjk_breaks_between_characters(void **state)
{
    (void)state;
    assert_string_equal(wrapped("一二三四五六七八九十", 6), "一二三|四五六|七八九|十");
    assert_string_equal(wrapped("一二三四五六七八九十", 20), "一二三四五六七八九十");
}

static void test_wide_char_never_straddles_edge(void **state)
{
    (void)state;
    /* width 5: a third character would occupy columns 5-6 */
    assert_string_equal(wrapped("一二三四五", 5), "一二|三四|五");
    assert_string_equal(wrapped("a一二三", 4), "a一|二三");
    wrap_line *v;
    size_t n = wrap_text("一二三四五", strlen("一二三四五"), 5, &v);
    assert_int_equal(n, 3);
    assert_int_equal(v[0].width, 4);
    assert_int_equal(v[0].end, 6);
    free(v);
}

static void test_closing_punctuation_never_starts_a_line(void **state)
{
    (void)state;
    const char *marks[] = {"，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "》",
                           ",", ".", ";", ":", "?", "!", ")"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        char text[64], want[64];
        /* "一二三" fills the 6 columns, so the mark would start line 2; instead
         * 三 moves down with it. */
        snprintf(text, sizeof text, "一二三%s四", marks[i]);
        snprintf(want, sizeof want, "一二|三%s四", marks[i]);
        assert_string_equal(wrapped(text, 6), want);
    }
    /* after a space too: "word ," keeps the comma on the line */
    assert_string_equal(wrapped("aaaa bb ,cc", 7), "aaaa|bb ,cc");
}

static void test_opening_punctuation_never_ends_a_line(void **state)
{
    (void)state;
    const char *marks[] = {"（", "「", "『", "《"};
    for (size_t i = 0; i < 4; i++) {
        char text[64], want[64];
        snprintf(text, sizeof text, "一二%s三四", marks[i]);
        snprintf(want, sizeof want, "一二|%s三四", marks[i]);
        assert_string_equal(wrapped(text, 6), want);
    }
}

static void test_latin_words_not_split_when_they_fit(void **state)
{
    (void)state;
    assert_string_equal(wrapped("hello world foo", 11), "hello world|foo");
    assert_string_equal(wrapped("hello world foo", 10), "hello|world foo");
    assert_string_equal(wrapped("hello world foo", 5), "hello|world|foo");
}

static void test_long_latin_word_split_by_width(void **state)
{
    (void)state;
    assert_string_equal(wrapped("abcdefghijkl xy", 5), "abcde|fghij|kl xy");
    assert_string_equal(wrapped("a abcdefgh", 4), "a|abcd|efgh");
}

static void test_mixed_cjk_and_latin(void **state)
{
    (void)state;
    /* a break is allowed between CJK and Latin text, never inside "RNN" */
    assert_string_equal(wrapped("这是RNN模型", 5), "这是|RNN模|型");
    assert_string_equal(wrapped("RNN用于序列", 6), "RNN用|于序列");
    assert_string_equal(wrapped("中文abcdef", 6), "中文|abcdef");
    assert_string_equal(wrapped("门控循环单元（gated recurrent unit，GRU）改造", 20),
                        "门控循环单元（gated|recurrent unit，|GRU）改造");
}

static void test_combining_marks_stay_with_base(void **state)
{
    (void)state;
    const char *s = "e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "e\xCC\x81"; /* éééé, decomposed */
    wrap_line *v;
    size_t n = wrap_text(s, strlen(s), 2, &v);
    /* no break point in a Latin word: cut by width, after each mark */
    assert_int_equal(n, 2);
    assert_int_equal(v[0].start, 0);
    assert_int_equal(v[0].end, 6);
    assert_int_equal(v[0].width, 2);
    assert_int_equal(v[1].start, 6);
    assert_int_equal(v[1].end, 12);
    free(v);
    /* a CJK character with a combining mark keeps it when moved */
    const char *t = "一二\xCC\x81三";
    n = wrap_text(t, strlen(t), 4, &v);
    assert_int_equal(n, 2);
    assert_int_equal(v[0].end, 8); /* 一 二 + U+0301 */
    free(v);
}

static void test_spaces_at_breaks_dropped(void **state)
{
    (void)state;
    const char *s = "aaa   bbb";
    wrap_line *v;
    size_t n = wrap_text(s, strlen(s), 4, &v);
    assert_int_equal(n, 2);
    assert_int_equal(v[0].end, 3);
    assert_int_equal(v[0].width, 3);
    assert_int_equal(v[1].start, 6);
    free(v);
}

static void test_newlines_and_empty_text(void **state)
{
    (void)state;
    assert_string_equal(wrapped("ab\n\ncd", 10), "ab||cd");
    wrap_line *v;
    assert_int_equal(wrap_text("", 0, 10, &v), 1);
    assert_int_equal(v[0].width, 0);
    free(v);
}

static lesson *parse(const char *text)
{
    return lesson_parse(text, strlen(text), "content/en/02-test.md", "en");
}

static void test_layout_kinds_and_indent(void **state)
{
    (void)state;
    lesson *l = parse("# Title\n\n## Part\n\nSome words that need wrapping here.\n\n"
                      "- one item that wraps\n- two\n\n10. ten\n\n> a note that wraps around\n\n"
                      "```\nthis fence line is much wider than twenty columns\n  x\n```\n");
    lesson_layout *lay = lesson_layout_new(l, 20);
    assert_int_equal(lay->width, 20);
    assert_int_equal(lay->n_blocks, l->n_blocks);
    const layout_line *ln = lay->lines;
    /* title, blank, heading */
    assert_int_equal(ln[0].kind, LAYOUT_HEADING);
    assert_int_equal(ln[0].level, 1);
    assert_int_equal(ln[1].kind, LAYOUT_BLANK);
    assert_int_equal(ln[2].kind, LAYOUT_HEADING);
    assert_int_equal(ln[2].level, 2);
    /* paragraph wrapped at 20 */
    size_t p = lay->block_first[2];
    assert_int_equal(ln[p].kind, LAYOUT_TEXT);
    assert_int_equal(ln[p].first, 1);
    assert_int_equal(ln[p + 1].kind, LAYOUT_TEXT);
    assert_int_equal(ln[p + 1].first, 0);
    /* list: "• " indent 2, text width 18; the second item follows with no blank */
    size_t a = lay->block_first[3], b = lay->block_first[4];
    assert_int_equal(ln[a].kind, LAYOUT_LIST);
    assert_int_equal(ln[a].indent, 2);
    assert_int_equal(ln[a + 1].indent, 2);
    assert_int_equal(ln[a + 1].first, 0);
    assert_int_equal(ln[b - 1].kind, LAYOUT_LIST);
    for (size_t i = a; i < b; i++) assert_true(ln[i].indent + ln[i].width <= 20);
    /* "10." item: indent 4; list items stay together even across a blank
     * source line */
    size_t c = lay->block_first[5];
    assert_int_equal(ln[c - 1].kind, LAYOUT_LIST);
    assert_int_equal(ln[c].indent, 4);
    /* note indent */
    size_t d = lay->block_first[6];
    assert_int_equal(ln[d].kind, LAYOUT_NOTE);
    assert_int_equal(ln[d].indent, LAYOUT_NOTE_INDENT);
    assert_true(ln[d + 1].kind == LAYOUT_NOTE);
    /* fence lines: not wrapped, full width kept */
    size_t f = lay->block_first[7];
    assert_int_equal(ln[f].kind, LAYOUT_FENCE);
    assert_int_equal(ln[f].width, 49);
    assert_int_equal(ln[f].end - ln[f].start, 49);
    assert_int_equal(ln[f + 1].kind, LAYOUT_FENCE);
    assert_int_equal(ln[f + 1].width, 3);
    assert_int_equal(f + 2, lay->n_lines);
    lesson_layout_free(lay);
    lesson_free(l);
}

static void test_layout_keeps_position_across_resize(void **state)
{
    (void)state;
    lesson *l = parse("# T\n\nalpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu\n");
    lesson_layout *wide = lesson_layout_new(l, 40);
    lesson_layout *narrow = lesson_layout_new(l, 12);
    /* "kappa" in block 1 */
    size_t off = (size_t)(strstr(l->blocks[1].text, "kappa") - l->blocks[1].text);
    size_t i = lesson_layout_find(narrow, 1, off);
    const layout_line *ln = &narrow->lines[i];
    assert_int_equal(ln->block, 1);
    assert_true(ln->start <= off && off < ln->end);
    assert_memory_equal(l->blocks[1].text + ln->start, "iota kappa", 10);
    /* an offset in the space dropped at a break belongs to the next line */
    size_t space = off - 1;
    size_t j = lesson_layout_find(narrow, 1, space);
    assert_true(narrow->lines[j].start <= space + 1);
    /* the top line of one layout maps into the other */
    size_t k = lesson_layout_find(wide, 1, narrow->lines[i].start);
    assert_true(wide->lines[k].start <= narrow->lines[i].start);
    assert_true(narrow->lines[i].start < wide->lines[k].end);
    /* out of range block: the last line */
    assert_int_equal(lesson_layout_find(narrow, 99, 0), narrow->n_lines - 1);
    lesson_layout_free(wide);
    lesson_layout_free(narrow);
    lesson_free(l);
}

static void test_layout_cjk_paragraph(void **state)
{
    (void)state;
    lesson *l = parse("# T\n\n记忆细胞就，是激活值。\n");
    lesson_layout *lay = lesson_layout_new(l, 10);
    size_t p = lay->block_first[1];
    const lesson_block *b = &l->blocks[1];
    /* 10 columns = 5 characters; "，" may not start line 2, so 就 moves down */
    assert_int_equal(lay->lines[p].width, 8);
    assert_int_equal(lay->lines[p + 1].start, strlen("记忆细胞"));
    assert_int_equal(lay->lines[p + 1].end, strlen("记忆细胞就，是激活"));
    assert_int_equal(lay->lines[p + 1].width, 10);
    assert_memory_equal(b->text + lay->lines[p + 2].start, "值。", strlen("值。"));
    lesson_layout_free(lay);
    lesson_free(l);
}

int main(void)
{
    setlocale(LC_CTYPE, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_width_measurement),
        cmocka_unit_test(test_clipping),
        cmocka_unit_test(test_skipping_columns),
        cmocka_unit_test(test_cjk_breaks_between_characters),
        cmocka_unit_test(test_wide_char_never_straddles_edge),
        cmocka_unit_test(test_closing_punctuation_never_starts_a_line),
        cmocka_unit_test(test_opening_punctuation_never_ends_a_line),
        cmocka_unit_test(test_latin_words_not_split_when_they_fit),
        cmocka_unit_test(test_long_latin_word_split_by_width),
        cmocka_unit_test(test_mixed_cjk_and_latin),
        cmocka_unit_test(test_combining_marks_stay_with_base),
        cmocka_unit_test(test_spaces_at_breaks_dropped),
        cmocka_unit_test(test_newlines_and_empty_text),
        cmocka_unit_test(test_layout_kinds_and_indent),
        cmocka_unit_test(test_layout_keeps_position_across_resize),
        cmocka_unit_test(test_layout_cjk_paragraph),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
