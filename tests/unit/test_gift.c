/* test_gift.c — Moodle GIFT output: escaping, weights, one whole question. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "gift.h"

#include <string.h>

static void escaping(void **state)
{
    (void)state;
    strbuf sb;
    sb_init(&sb);
    gift_escape(&sb, "a~b=c#d{e}f:g\\h <EOS> & x\ny", 0);
    assert_string_equal(sb.data, "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h &lt;EOS&gt; &amp; x<br>y");
    sb_free(&sb);
    gift_escape(&sb, "line 1\nline: 2", 1);
    assert_string_equal(sb.data, "line 1\\nline\\: 2");
    sb_free(&sb);
}

static void weights(void **state)
{
    (void)state;
    assert_string_equal(gift_weight(1), "100");
    assert_string_equal(gift_weight(2), "50");
    assert_string_equal(gift_weight(3), "33.33333");
    assert_string_equal(gift_weight(6), "16.66667");
    assert_string_equal(gift_weight(7), "14.28571");
    assert_string_equal(gift_weight(8), "12.5");
}

static void whole_questions(void **state)
{
    (void)state;
    static const char text[] =
        "# T: quiz\n"
        "## m1 multi: a {b}\nlesson: 3\nPick:\n- one\n```\n x = 1\n```\n"
        "- [x] r1\n- [x] r2\n- [x] r3\n- [ ] w1\n  > no: #1\nexplain: E\n  F\n"
        "## s1 single: s\nlesson: 1\nQ?\n- [ ] w\n  > f\n- [x] r\n";
    quiz_file *qf = quiz_parse("t.quiz", text, strlen(text));
    assert_int_equal(qf->n_errors, 0);
    strbuf sb;
    sb_init(&sb);
    gift_write(&sb, qf, "t.quiz");
    assert_string_equal(sb.data,
                        "// T: quiz\n"
                        "// 2 questions from t.quiz, written by seqtutor export-gift.\n"
                        "// Question names are the ids of the quiz file.\n\n"
                        "// m1, lesson 3\n"
                        "::m1::[html]<p><b>a \\{b\\}</b></p><p>Pick\\:</p><ul><li>one</li></ul>"
                        "<pre> x \\= 1</pre>{\n"
                        "\t~%33.33333%r1\n"
                        "\t~%33.33333%r2\n"
                        "\t~%33.33333%r3\n"
                        "\t~%-100%w1#no\\: \\#1\n"
                        "\t####E<br>F\n"
                        "}\n\n"
                        "// s1, lesson 1\n"
                        "::s1::[html]<p><b>s</b></p><p>Q?</p>{\n"
                        "\t~w#f\n"
                        "\t=r\n"
                        "}\n\n");
    sb_free(&sb);
    quiz_free(qf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(escaping),
        cmocka_unit_test(weights),
        cmocka_unit_test(whole_questions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
