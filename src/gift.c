/* gift.c — see gift.h. */
#include "gift.h"

#include <string.h>

const char *gift_weight(size_t n)
{
    /* 100/n rounded to five decimals, as Moodle writes its grade list */
    static const char *const w[QUIZ_MAX_OPTIONS + 1] = {"0",  "100",      "50",       "33.33333", "25",
                                                        "20", "16.66667", "14.28571", "12.5"};
    return n <= QUIZ_MAX_OPTIONS ? w[n] : "0";
}

void gift_escape(strbuf *out, const char *text, int in_pre)
{
    for (const char *s = text; *s; s++) {
        switch (*s) {
        case '&': sb_puts(out, "&amp;"); break;
        case '<': sb_puts(out, "&lt;"); break;
        case '>': sb_puts(out, "&gt;"); break;
        case '\n': sb_puts(out, in_pre ? "\\n" : "<br>"); break;
        case '\\': case '~': case '=': case '#': case '{': case '}': case ':':
            sb_append(out, "\\", 1);
            sb_append(out, s, 1);
            break;
        default: sb_append(out, s, 1);
        }
    }
}

static void write_stem(strbuf *out, const quiz_question *q)
{
    int in_list = 0;
    for (size_t b = 0; b < q->n_blocks; b++) {
        const quiz_block *blk = &q->blocks[b];
        if (blk->kind != QUIZ_BLOCK_ITEM && in_list) {
            sb_puts(out, "</ul>");
            in_list = 0;
        }
        switch (blk->kind) {
        case QUIZ_BLOCK_PARAGRAPH:
            sb_puts(out, "<p>");
            gift_escape(out, blk->text, 0);
            sb_puts(out, "</p>");
            break;
        case QUIZ_BLOCK_ITEM:
            if (!in_list) sb_puts(out, "<ul>");
            in_list = 1;
            sb_puts(out, "<li>");
            gift_escape(out, blk->text, 0);
            sb_puts(out, "</li>");
            break;
        case QUIZ_BLOCK_FENCE:
            sb_puts(out, "<pre>");
            gift_escape(out, blk->text, 1);
            sb_puts(out, "</pre>");
            break;
        }
    }
    if (in_list) sb_puts(out, "</ul>");
}

void gift_write(strbuf *out, const quiz_file *qf, const char *source_name)
{
    sb_puts(out, "// ");
    sb_puts(out, qf->title);
    sb_printf(out, "\n// %zu questions from %s, written by seqtutor export-gift.\n"
                   "// Question names are the ids of the quiz file.\n\n",
              qf->n_questions, source_name);
    for (size_t i = 0; i < qf->n_questions; i++) {
        const quiz_question *q = &qf->questions[i];
        size_t n_right = 0, n_wrong = 0;
        for (size_t o = 0; o < q->n_options; o++) {
            if (q->options[o].correct) n_right++;
            else n_wrong++;
        }
        if (q->lesson) sb_printf(out, "// %s, lesson %d\n", q->id, q->lesson);
        sb_puts(out, "::");
        gift_escape(out, q->id, 0);
        sb_puts(out, "::[html]<p><b>");
        gift_escape(out, q->title, 0);
        sb_puts(out, "</b></p>");
        write_stem(out, q);
        sb_puts(out, "{\n");
        for (size_t o = 0; o < q->n_options; o++) {
            const quiz_option *opt = &q->options[o];
            if (q->kind == QUIZ_SINGLE) sb_puts(out, opt->correct ? "\t=" : "\t~");
            else if (opt->correct) sb_printf(out, "\t~%%%s%%", gift_weight(n_right));
            else sb_printf(out, "\t~%%-%s%%", gift_weight(n_wrong));
            gift_escape(out, opt->text, 0);
            if (opt->feedback) {
                sb_puts(out, "#");
                gift_escape(out, opt->feedback, 0);
            }
            sb_puts(out, "\n");
        }
        if (q->explanation) {
            sb_puts(out, "\t####");
            gift_escape(out, q->explanation, 0);
            sb_puts(out, "\n");
        }
        sb_puts(out, "}\n\n");
    }
}
