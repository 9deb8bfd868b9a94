/* quiz_page.c — see quiz_page.h. */
#include "quiz_page.h"

#include "util.h"
#include "wrap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the words of the pages ---- */

typedef struct {
    const char *kind_single, *kind_multi;
    const char *right, *wrong;
    const char *answer, *answers;
    const char *explain;
    const char *score;        /* format: %zu/%zu (%d%%) */
    const char *time;         /* format: %s */
    const char *by_lesson;
    const char *lesson_n;     /* format: %d */
    const char *no_lesson;
    const char *missed;
    const char *due;          /* format: %ld */
    const char *come_back;  /* when the missed questions are due */
    const char *actions[4];
} page_words;

static const page_words WORDS_EN = {
    "choose one",
    "choose all that apply",
    "Right.",
    "Wrong.",
    "Right answer:",
    "Right answers:",
    "Explanation:",
    "Score: %zu/%zu (%d%%)",
    "Time: %s",
    "By lesson:",
    "Lesson %d",
    "not linked to a lesson",
    "Missed:",
    "Questions due for review now: %ld",
    "The missed questions come back for review tomorrow (seqtutor quiz --review).",
    {"Review mistakes", "Retry missed questions", "Take the whole quiz again", "Back"},
};

static const page_words WORDS_ZH = {
    "单选",
    "多选：选出所有正确答案",
    "正确。",
    "错误。",
    "正确答案：",
    "正确答案：",
    "解析：",
    "得分：%zu/%zu（%d%%）",
    "用时：%s",
    "各课成绩：",
    "第 %d 课",
    "未关联课程",
    "答错的题：",
    "现在待复习的题：%ld",
    "答错的题明天会再出现，供复习（seqtutor quiz --review）。",
    {"查看错题", "重做答错的题", "重新做整套测验", "返回"},
};

static const page_words *words(const char *lang)
{
    return lang && strcmp(lang, "zh") == 0 ? &WORDS_ZH : &WORDS_EN;
}

/* ---- building blocks ---- */

void qp_init(qp_page *p, int width)
{
    memset(p, 0, sizeof *p);
    p->width = width < 16 ? 16 : width;
    p->verdict_line = QP_NONE;
    for (size_t e = 0; e < QP_MAX_ENTRIES; e++) p->entry_first[e] = p->entry_last[e] = QP_NONE;
}

void qp_free(qp_page *p)
{
    for (size_t i = 0; i < p->n_lines; i++) {
        free(p->lines[i].mark);
        free(p->lines[i].text);
    }
    free(p->lines);
    int width = p->width;
    qp_init(p, width);
}

static char *dup_n(const char *s, size_t n)
{
    char *d = xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

static qp_line *push_line(qp_page *p, qp_style style, int indent, const char *mark, qp_style mark_style,
                          int text_col, const char *text, size_t len, int entry)
{
    if (p->n_lines == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 32;
        p->lines = xrealloc(p->lines, p->cap * sizeof *p->lines);
    }
    qp_line *ln = &p->lines[p->n_lines];
    memset(ln, 0, sizeof *ln);
    ln->style = style;
    ln->mark_style = mark_style;
    ln->indent = indent;
    ln->mark = mark ? xstrdup(mark) : NULL;
    ln->text_col = text_col;
    ln->text = dup_n(text, len);
    ln->width = text_width(text, len);
    ln->entry = entry;
    if (entry >= 0 && entry < QP_MAX_ENTRIES) {
        if (p->entry_first[entry] == QP_NONE) p->entry_first[entry] = p->n_lines;
        p->entry_last[entry] = p->n_lines;
        if ((size_t)entry + 1 > p->n_entries) p->n_entries = (size_t)entry + 1;
    }
    p->n_lines++;
    return ln;
}

void qp_add_blank(qp_page *p)
{
    push_line(p, QP_BLANK, 0, NULL, QP_BLANK, 0, "", 0, -1);
}

void qp_add_text(qp_page *p, qp_style style, int indent, const char *mark, qp_style mark_style,
                 const char *text, int entry)
{
    if (indent < 0) indent = 0;
    int text_col = indent + (mark ? text_width(mark, strlen(mark)) : 0);
    /* never narrower than a few columns, however deep the indent */
    int avail = p->width - text_col;
    if (avail < 8) avail = 8;
    if (!text) text = "";
    wrap_line *lines;
    size_t n = wrap_text(text, strlen(text), avail, &lines);
    for (size_t i = 0; i < n; i++)
        push_line(p, style, indent, i == 0 ? mark : NULL, mark_style, text_col, text + lines[i].start,
                  lines[i].end - lines[i].start, entry);
    free(lines);
}

void qp_add_verbatim(qp_page *p, qp_style style, int indent, const char *text)
{
    const char *s = text ? text : "";
    for (;;) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        qp_line *ln = push_line(p, style, indent, NULL, style, indent, s, n, -1);
        ln->verbatim = 1;
        if (!nl) break;
        s = nl + 1;
    }
}

char qp_letter(size_t d) { return (char)('a' + d); }

/* ---- a question ---- */

static const char *sym(int utf8, const char *u, const char *a) { return utf8 ? u : a; }

/* "b) " for displayed position d. */
static void letter_mark(char *buf, size_t len, size_t d)
{
    snprintf(buf, len, "%c) ", qp_letter(d));
}

static void add_stem(qp_page *p, const quiz_question *q, int utf8)
{
    for (size_t b = 0; b < q->n_blocks; b++) {
        const quiz_block *blk = &q->blocks[b];
        /* list items follow each other without a blank line */
        if (b > 0 && !(blk->kind == QUIZ_BLOCK_ITEM && q->blocks[b - 1].kind == QUIZ_BLOCK_ITEM))
            qp_add_blank(p);
        switch (blk->kind) {
        case QUIZ_BLOCK_PARAGRAPH:
            qp_add_text(p, QP_TEXT, 0, NULL, QP_TEXT, blk->text, -1);
            break;
        case QUIZ_BLOCK_ITEM:
            qp_add_text(p, QP_TEXT, 0, sym(utf8, "• ", "- "), QP_DIM, blk->text, -1);
            break;
        case QUIZ_BLOCK_FENCE:
            qp_add_verbatim(p, QP_FENCE, 2, blk->text);
            break;
        }
    }
}

/* The verdict below an answered question. */
static void add_verdict(qp_page *p, const quiz_session *s, const quiz_item *it, const page_words *w,
                        int utf8)
{
    const quiz_question *q = quiz_session_question(s, it);
    quiz_verdict v = quiz_check(q, it->chosen);
    char mark[32];
    qp_add_blank(p);
    p->verdict_line = p->n_lines;
    if (v.correct) qp_add_text(p, QP_RIGHT, 0, sym(utf8, "✓ ", "+ "), QP_RIGHT, w->right, -1);
    else qp_add_text(p, QP_WRONG, 0, sym(utf8, "✗ ", "x "), QP_WRONG, w->wrong, -1);
    /* the feedback of each wrong choice, in displayed order */
    for (size_t d = 0; d < it->n_shown; d++) {
        if (!(v.wrong_chosen >> it->shown[d] & 1u)) continue;
        const quiz_option *o = quiz_session_option(s, it, d);
        letter_mark(mark, sizeof mark, d);
        qp_add_text(p, QP_WRONG, 2, mark, QP_WRONG, o->text, -1);
        if (o->feedback) qp_add_text(p, QP_FEEDBACK, 5, NULL, QP_FEEDBACK, o->feedback, -1);
    }
    if (!v.correct) {
        size_t n_right = 0;
        for (size_t d = 0; d < it->n_shown; d++) n_right += v.right >> it->shown[d] & 1u;
        qp_add_text(p, QP_LABEL, 0, NULL, QP_LABEL, n_right > 1 ? w->answers : w->answer, -1);
        for (size_t d = 0; d < it->n_shown; d++) {
            if (!(v.right >> it->shown[d] & 1u)) continue;
            letter_mark(mark, sizeof mark, d);
            qp_add_text(p, QP_RIGHT, 2, mark, QP_RIGHT, quiz_session_option(s, it, d)->text, -1);
        }
    }
    if (q->explanation && *q->explanation) {
        qp_add_blank(p);
        qp_add_text(p, QP_LABEL, 0, NULL, QP_LABEL, w->explain, -1);
        qp_add_text(p, QP_TEXT, 2, NULL, QP_TEXT, q->explanation, -1);
    }
}

void qp_question(qp_page *p, const quiz_session *s, const quiz_item *it, unsigned selected,
                 const char *lang, int utf8)
{
    const page_words *w = words(lang);
    const quiz_question *q = quiz_session_question(s, it);
    int multi = q->kind == QUIZ_MULTI;
    qp_add_text(p, QP_TITLE, 0, NULL, QP_TITLE, q->title, -1);
    qp_add_text(p, multi ? QP_LABEL : QP_DIM, 0, NULL, QP_DIM, multi ? w->kind_multi : w->kind_single, -1);
    qp_add_blank(p);
    add_stem(p, q, utf8);
    qp_add_blank(p);

    quiz_verdict v;
    memset(&v, 0, sizeof v);
    if (it->answered) {
        v = quiz_check(q, it->chosen);
        selected = quiz_item_to_shown(it, it->chosen);
    }
    for (size_t d = 0; d < it->n_shown; d++) {
        const quiz_option *o = quiz_session_option(s, it, d);
        int on = selected >> d & 1u;
        int is_right = v.right >> it->shown[d] & 1u;
        const char *box = multi ? (on ? "[x]" : "[ ]") : (on ? sym(utf8, "(•)", "(*)") : "( )");
        const char *judge = "  ";
        qp_style style = QP_OPTION, mark_style = QP_OPTION;
        if (it->answered) {
            if (is_right) {
                judge = sym(utf8, "✓ ", "+ ");
                style = mark_style = QP_RIGHT;
            } else if (on) {
                judge = sym(utf8, "✗ ", "x ");
                style = mark_style = QP_WRONG;
            }
        }
        char mark[48];
        snprintf(mark, sizeof mark, "%s%s %c) ", judge, box, qp_letter(d));
        qp_add_text(p, style, 0, mark, mark_style, o->text, (int)d);
    }
    if (it->answered) add_verdict(p, s, it, w, utf8);
}

/* ---- results ---- */

void qp_format_time(char *buf, size_t len, double seconds, const char *lang)
{
    long secs = seconds > 0 ? (long)(seconds + 0.5) : 0;
    int zh = lang && strcmp(lang, "zh") == 0;
    if (secs >= 60) snprintf(buf, len, zh ? "%ld 分 %ld 秒" : "%ld min %ld s", secs / 60, secs % 60);
    else snprintf(buf, len, zh ? "%ld 秒" : "%ld s", secs);
}

int qp_action_key(qp_action a)
{
    switch (a) {
    case QP_ACT_MISTAKES: return 'm';
    case QP_ACT_RETRY: return 't';
    case QP_ACT_AGAIN: return 'a';
    case QP_ACT_BACK: return 'q';
    }
    return 0;
}

void qp_results(qp_page *p, const quiz_session *s, const char *const *lesson_titles, long due,
                const qp_action *actions, size_t n_actions, const char *lang)
{
    const page_words *w = words(lang);
    char buf[512], mark[64];
    size_t total = s->n_answered;
    int pct = total ? (int)(s->n_right * 100 / total) : 0;
    snprintf(buf, sizeof buf, w->score, s->n_right, total, pct);
    qp_add_text(p, QP_TITLE, 0, NULL, QP_TITLE, buf, -1);
    char t[64];
    qp_format_time(t, sizeof t, quiz_session_seconds(s), lang);
    snprintf(buf, sizeof buf, w->time, t);
    qp_add_text(p, QP_TEXT, 0, NULL, QP_TEXT, buf, -1);

    quiz_lesson_score by[QUIZ_MAX_LESSON + 1];
    quiz_session_breakdown(s, by);
    qp_add_blank(p);
    qp_add_text(p, QP_LABEL, 0, NULL, QP_LABEL, w->by_lesson, -1);
    for (int l = 1; l <= QUIZ_MAX_LESSON + 1; l++) {
        int li = l == QUIZ_MAX_LESSON + 1 ? 0 : l; /* unlinked questions last */
        if (!by[li].total) continue;
        qp_style st = by[li].right == by[li].total ? QP_RIGHT : by[li].right == 0 ? QP_WRONG : QP_TEXT;
        char score[32];
        snprintf(score, sizeof score, "%d/%d", by[li].right, by[li].total);
        snprintf(mark, sizeof mark, "%7s  ", score);
        if (li == 0) {
            snprintf(buf, sizeof buf, "%s", w->no_lesson);
        } else {
            int n = snprintf(buf, sizeof buf, w->lesson_n, li);
            const char *title = lesson_titles ? lesson_titles[li - 1] : NULL;
            if (title && *title && n > 0 && (size_t)n < sizeof buf)
                snprintf(buf + n, sizeof buf - (size_t)n, " · %s", title);
        }
        qp_add_text(p, QP_TEXT, 0, mark, st, buf, -1);
    }

    size_t n_missed = quiz_session_missed(s, NULL, 0);
    if (n_missed) {
        const char **ids = xmalloc(n_missed * sizeof *ids);
        quiz_session_missed(s, ids, n_missed);
        strbuf sb;
        sb_init(&sb);
        for (size_t i = 0; i < n_missed; i++) sb_printf(&sb, "%s%s", i ? ", " : "", ids[i]);
        qp_add_blank(p);
        qp_add_text(p, QP_WRONG, 0, NULL, QP_WRONG, w->missed, -1);
        qp_add_text(p, QP_TEXT, 2, NULL, QP_TEXT, sb.data, -1);
        sb_free(&sb);
        free(ids);
    }
    if (due > 0 || (due == 0 && n_missed)) {
        qp_add_blank(p);
        if (due > 0) snprintf(buf, sizeof buf, w->due, due);
        else snprintf(buf, sizeof buf, "%s", w->come_back);
        qp_add_text(p, QP_DIM, 0, NULL, QP_DIM, buf, -1);
    }
    if (n_actions) qp_add_blank(p);
    for (size_t i = 0; i < n_actions && i < QP_MAX_ENTRIES; i++) {
        snprintf(mark, sizeof mark, "  %c  ", qp_action_key(actions[i]));
        qp_add_text(p, QP_TEXT, 0, mark, QP_KEY, w->actions[actions[i]], (int)i);
    }
}

/* ---- diagnostics ---- */

static const char *plural(size_t n, const char *one, const char *many) { return n == 1 ? one : many; }

void qp_diagnostics(qp_page *p, const quiz_file *qf)
{
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (mem) {
        quiz_print_diags(mem, qf, 1);
        fprintf(mem, "%zu %s, %zu %s in 1 file\n", qf->n_errors, plural(qf->n_errors, "error", "errors"),
                qf->n_warnings, plural(qf->n_warnings, "warning", "warnings"));
        fclose(mem);
    }
    const char *s = text ? text : "";
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        char *line = dup_n(s, n);
        /* the source excerpt ("   14 | ...", "      |    ^") keeps its columns */
        const char *bar = strstr(line, " | ");
        size_t lead = strspn(line, " 0123456789");
        int excerpt = (bar && (size_t)(bar - line) <= lead) || (lead > 0 && line[lead] == '|');
        if (excerpt) {
            qp_add_verbatim(p, QP_SOURCE, 0, line);
        } else if (strncmp(line + strspn(line, " "), "hint:", 5) == 0) {
            qp_add_text(p, QP_DIM, (int)strspn(line, " "), NULL, QP_DIM, line + strspn(line, " "), -1);
        } else {
            const char *sev = strstr(line, ": error: ");
            const char *warn = strstr(line, ": warning: ");
            qp_style st = sev ? QP_ERROR : warn ? QP_WARNING : QP_TEXT;
            if (!sev) sev = warn;
            if (sev && text_width(line, strlen(line)) > p->width) {
                /* "FILE:LINE:COL: error:" whole on its line, the message under it */
                char *msg = strchr(sev + 2, ' ');
                *msg++ = '\0';
                qp_add_text(p, st, 0, NULL, st, line, -1);
                qp_add_text(p, st, 4, NULL, st, msg, -1);
            } else {
                qp_add_text(p, st, 0, NULL, st, line, -1);
            }
        }
        free(line);
        if (!nl) break;
        s = nl + 1;
    }
    free(text);
}
