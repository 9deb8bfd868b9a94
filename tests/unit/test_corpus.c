/* Names files: examples, vocabulary and every bad-input message. */
#include "testutil.h"

#include "corpus.h"
#include "util.h"

#include <string.h>

static int load(corpus *c, const char *text, char *err)
{
    return corpus_load_buffer(c, "names.txt", text, strlen(text), err, ERRBUF);
}

static void test_examples_and_vocab(void **state)
{
    corpus c;
    char err[ERRBUF];
    assert_int_equal(load(&c, "Aachenosaurus\n\n  zby \r\nAbc\n", err), 0);
    assert_int_equal(c.n_examples, 3);
    /* vocabulary: \n a b c e h n o r s u y z */
    assert_int_equal(c.V, 13);
    assert_int_equal(c.vocab[0], '\n');
    assert_int_equal(c.newline_ix, 0);
    assert_int_equal(c.offsets[1] - c.offsets[0], 13); /* "aachenosaurus" */
    assert_int_equal(c.offsets[2] - c.offsets[1], 3);  /* "zby", trimmed */
    assert_int_equal(c.vocab[c.tokens[0]], 'a');       /* lower-cased */
    assert_int_equal(c.max_len, 13);
    corpus_free(&c);
}

static void test_unicode_names(void **state)
{
    corpus c;
    char err[ERRBUF];
    assert_int_equal(load(&c, "霸王龙\n三角龙\nÉlan\n", err), 0);
    assert_int_equal(c.n_examples, 3);
    /* \n, É (not lower-cased: ASCII only), a, l, n, 三, 王, 角, 霸, 龙 */
    assert_int_equal(c.V, 10);
    assert_true(corpus_index_of(&c, 0x9F99) >= 0); /* 龙 */
    assert_true(corpus_index_of(&c, 0xC9) >= 0);   /* É */
    char buf[8];
    corpus_symbol_utf8(&c, corpus_index_of(&c, 0x9F99), buf);
    assert_string_equal(buf, "龙");
    corpus_free(&c);
}

static void test_errors_name_file_and_line(void **state)
{
    corpus c;
    char err[ERRBUF];
    assert_int_equal(corpus_load_buffer(&c, "names.txt", "", 0, err, ERRBUF), -1);
    assert_non_null(strstr(err, "names.txt: the file is empty"));
    assert_int_equal(load(&c, "\n  \n\t\n", err), -1);
    assert_non_null(strstr(err, "no usable line"));
    assert_int_equal(corpus_load_buffer(&c, "names.txt", "ab\ncd\ne\0f\n", 10, err, ERRBUF), -1);
    assert_non_null(strstr(err, "names.txt:3: contains a NUL byte"));
    assert_int_equal(load(&c, "ok\nfine\nbad \xff here\n", err), -1);
    assert_non_null(strstr(err, "names.txt:3: invalid UTF-8"));
    assert_int_equal(load(&c, "\xc0\xaf\n", err), -1); /* overlong */
    assert_non_null(strstr(err, "names.txt:1: invalid UTF-8"));
}

static void test_too_many_symbols(void **state)
{
    strbuf sb;
    sb_init(&sb);
    for (uint32_t cp = 0x4E00; cp < 0x4E00 + 5000; cp++) {
        char u[4];
        sb_append(&sb, u, utf8_encode(cp, u));
        if (cp % 10 == 0) sb_puts(&sb, "\n");
    }
    corpus c;
    char err[ERRBUF];
    assert_int_equal(corpus_load_buffer(&c, "big.txt", sb.data, sb.len, err, ERRBUF), -1);
    assert_non_null(strstr(err, "big.txt: 5001 distinct symbols; the limit is 4096"));
    sb_free(&sb);
}

static void test_symbols_render_whole_characters_within_cap(void **state)
{
    corpus c;
    char err[ERRBUF];
    assert_int_equal(load(&c, "霸王龙\nab\n", err), 0);
    int ix[3] = {corpus_index_of(&c, 0x9738), corpus_index_of(&c, 0x738B), corpus_index_of(&c, 0x9F99)};
    char out[16];
    assert_int_equal(corpus_symbols_utf8(&c, ix, 3, out, sizeof out), 9);
    assert_string_equal(out, "霸王龙");
    /* 8 bytes leave room for two 3-byte characters and the NUL, not three */
    assert_int_equal(corpus_symbols_utf8(&c, ix, 3, out, 8), 6);
    assert_string_equal(out, "霸王");
    assert_int_equal(corpus_symbols_utf8(&c, ix, 3, out, 1), 0);
    assert_string_equal(out, "");
    corpus_free(&c);
}

static void test_missing_file(void **state)
{
    corpus c;
    char err[ERRBUF];
    assert_int_equal(corpus_load(&c, "/nonexistent/names.txt", err, ERRBUF), -1);
    assert_non_null(strstr(err, "/nonexistent/names.txt: cannot open"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_examples_and_vocab),
        cmocka_unit_test(test_unicode_names),
        cmocka_unit_test(test_errors_name_file_and_line),
        cmocka_unit_test(test_too_many_symbols),
        cmocka_unit_test(test_symbols_render_whole_characters_within_cap),
        cmocka_unit_test(test_missing_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
