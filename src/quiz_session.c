/* quiz_session.c — see quiz_session.h. */
#include "quiz_session.h"

#include "rng.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

size_t quiz_session_init(quiz_session *s, const quiz_file *qf, const quiz_session_config *cfg,
                         double now)
{
    memset(s, 0, sizeof *s);
    s->quiz = qf;
    s->started = s->last = now;
    snprintf(s->lang, sizeof s->lang, "%s", cfg->lang && strcmp(cfg->lang, "zh") == 0 ? "zh" : "en");

    /* the filter's ids sorted, for lookups in O(log n) */
    const char **wanted = xmalloc((cfg->n_only_ids + 1) * sizeof *wanted);
    if (cfg->use_filter && cfg->n_only_ids) {
        memcpy(wanted, cfg->only_ids, cfg->n_only_ids * sizeof *wanted);
        qsort(wanted, cfg->n_only_ids, sizeof *wanted, cmp_str);
    }
    size_t *order = xmalloc((qf->n_questions + 1) * sizeof *order);
    size_t n = 0;
    for (size_t i = 0; i < qf->n_questions; i++) {
        const char *id = qf->questions[i].id;
        if (!cfg->use_filter || (cfg->n_only_ids &&
                                 bsearch(&id, wanted, cfg->n_only_ids, sizeof *wanted, cmp_str)))
            order[n++] = i;
    }
    free(wanted);
    rng_state rng;
    rng_seed(&rng, cfg->seed);
    if (!cfg->no_shuffle) rng_shuffle(&rng, order, n);

    s->items = xcalloc(n + 1, sizeof *s->items);
    s->n_items = n;
    for (size_t k = 0; k < n; k++) {
        quiz_item *it = &s->items[k];
        const quiz_question *q = &qf->questions[order[k]];
        it->question = order[k];
        it->n_shown = q->n_options < QUIZ_MAX_OPTIONS ? q->n_options : QUIZ_MAX_OPTIONS;
        for (size_t d = 0; d < it->n_shown; d++) it->shown[d] = d;
        if (!cfg->no_shuffle) rng_shuffle(&rng, it->shown, it->n_shown);
    }
    free(order);
    return n;
}

void quiz_session_free(quiz_session *s)
{
    free(s->items);
    memset(s, 0, sizeof *s);
}

int quiz_session_done(const quiz_session *s) { return s->current >= s->n_items; }

const quiz_item *quiz_session_current(const quiz_session *s)
{
    return quiz_session_done(s) ? NULL : &s->items[s->current];
}

const quiz_question *quiz_session_question(const quiz_session *s, const quiz_item *item)
{
    return &s->quiz->questions[item->question];
}

const quiz_option *quiz_session_option(const quiz_session *s, const quiz_item *item, size_t d)
{
    if (d >= item->n_shown) return NULL;
    return &quiz_session_question(s, item)->options[item->shown[d]];
}

/* ---- typed answers ---------------------------------------------------- */

/* Length of a separator at s: space, tab, ',', ';', or the Chinese comma,
 * enumeration comma and ideographic space an input method produces. */
static size_t separator_len(const char *s)
{
    if (*s == ' ' || *s == '\t' || *s == ',' || *s == ';' || *s == '\r' || *s == '\n') return 1;
    if (strncmp(s, "\xEF\xBC\x8C", 3) == 0 || strncmp(s, "\xE3\x80\x81", 3) == 0 ||
        strncmp(s, "\xE3\x80\x80", 3) == 0 || strncmp(s, "\xEF\xBC\x9B", 3) == 0)
        return 3;
    return 0;
}

int quiz_parse_answer(const char *text, size_t n_options, int single, const char *lang,
                      unsigned *shown_mask, char *msg, size_t msglen)
{
    int zh = lang && strcmp(lang, "zh") == 0;
    if (n_options > QUIZ_MAX_OPTIONS) n_options = QUIZ_MAX_OPTIONS;
    char last = (char)('a' + (n_options ? n_options - 1 : 0));
    unsigned mask = 0;
    *shown_mask = 0;
    const char *s = text ? text : "";
    for (;;) {
        size_t sep;
        while ((sep = separator_len(s)) > 0) s += sep;
        if (!*s) break;
        const char *tok = s;
        while (*s && !separator_len(s)) s++;
        size_t len = (size_t)(s - tok);
        long pos = -1;
        int is_letter = 0;
        if (len == 1 && ((*tok >= 'a' && *tok <= 'z') || (*tok >= 'A' && *tok <= 'Z'))) {
            pos = (*tok | 0x20) - 'a';
            is_letter = 1;
        } else if (len <= 3 && strspn(tok, "0123456789") >= len) {
            pos = strtol(tok, NULL, 10) - 1;
        } else {
            /* clip at a character boundary for the message */
            size_t shown = len > 24 ? 24 : len;
            while (shown < len && shown > 0 && ((unsigned char)tok[shown] & 0xC0) == 0x80) shown--;
            if (zh)
                snprintf(msg, msglen, "“%.*s”不是有效的答案：请用字母 a–%c 或数字 1–%zu 作答",
                         (int)shown, tok, last, n_options);
            else
                snprintf(msg, msglen, "'%.*s' is not an answer: use the letters a–%c or the numbers 1–%zu",
                         (int)shown, tok, last, n_options);
            return -1;
        }
        if (pos < 0 || (size_t)pos >= n_options) {
            if (is_letter) {
                if (zh) snprintf(msg, msglen, "没有选项 %c：请在 a–%c 中选择", *tok | 0x20, last);
                else snprintf(msg, msglen, "there is no option %c: choose from a–%c", *tok | 0x20, last);
            } else {
                if (zh) snprintf(msg, msglen, "没有选项 %.*s：请在 1–%zu 中选择", (int)len, tok, n_options);
                else snprintf(msg, msglen, "there is no option %.*s: choose from 1–%zu", (int)len, tok, n_options);
            }
            return -1;
        }
        mask |= 1u << pos;
    }
    if (mask == 0) {
        if (zh)
            snprintf(msg, msglen, single ? "请输入答案的字母（a–%c）"
                                         : "请输入所有正确答案的字母，例如 a,c（a–%c）", last);
        else
            snprintf(msg, msglen, single ? "type the letter of your answer (a–%c)"
                                         : "type the letters of all right answers, e.g. a,c (a–%c)", last);
        return -1;
    }
    if (single && (mask & (mask - 1))) {
        snprintf(msg, msglen, zh ? "本题只有一个正确答案：请只选一项"
                                 : "this question has one right answer: choose only one option");
        return -1;
    }
    *shown_mask = mask;
    return 0;
}

unsigned quiz_item_to_original(const quiz_item *item, unsigned shown_mask)
{
    unsigned m = 0;
    for (size_t d = 0; d < item->n_shown; d++)
        if (shown_mask >> d & 1u) m |= 1u << item->shown[d];
    return m;
}

unsigned quiz_item_to_shown(const quiz_item *item, unsigned original_mask)
{
    unsigned m = 0;
    for (size_t d = 0; d < item->n_shown; d++)
        if (original_mask >> item->shown[d] & 1u) m |= 1u << d;
    return m;
}

int quiz_session_parse(const quiz_session *s, const char *text, unsigned *chosen, char *msg,
                       size_t msglen)
{
    const quiz_item *it = quiz_session_current(s);
    *chosen = 0;
    if (!it) {
        snprintf(msg, msglen, "%s", strcmp(s->lang, "zh") == 0 ? "测验已经结束" : "the quiz is over");
        return -1;
    }
    const quiz_question *q = quiz_session_question(s, it);
    unsigned shown;
    if (quiz_parse_answer(text, it->n_shown, q->kind == QUIZ_SINGLE, s->lang, &shown, msg, msglen) != 0)
        return -1;
    *chosen = quiz_item_to_original(it, shown);
    return 0;
}

/* ---- checking and scores ---------------------------------------------- */

quiz_verdict quiz_check(const quiz_question *q, unsigned chosen)
{
    quiz_verdict v;
    memset(&v, 0, sizeof v);
    size_t n = q->n_options < QUIZ_MAX_OPTIONS ? q->n_options : QUIZ_MAX_OPTIONS;
    unsigned all = (1u << n) - 1;
    for (size_t i = 0; i < n; i++)
        if (q->options[i].correct) v.right |= 1u << i;
    v.chosen = chosen & all;
    v.wrong_chosen = v.chosen & ~v.right;
    v.missed = v.right & ~v.chosen;
    v.correct = v.chosen != 0 && v.chosen == v.right;
    return v;
}

quiz_verdict quiz_session_submit(quiz_session *s, unsigned chosen, double now)
{
    quiz_verdict v;
    memset(&v, 0, sizeof v);
    if (quiz_session_done(s)) return v;
    quiz_item *it = &s->items[s->current++];
    v = quiz_check(quiz_session_question(s, it), chosen);
    it->answered = 1;
    it->correct = v.correct;
    it->chosen = v.chosen;
    it->seconds = now > s->last ? now - s->last : 0.0;
    s->last = now > s->last ? now : s->last;
    s->n_answered++;
    if (v.correct) s->n_right++;
    return v;
}

double quiz_session_seconds(const quiz_session *s) { return s->last - s->started; }

void quiz_session_breakdown(const quiz_session *s, quiz_lesson_score out[QUIZ_MAX_LESSON + 1])
{
    memset(out, 0, (QUIZ_MAX_LESSON + 1) * sizeof *out);
    for (size_t k = 0; k < s->n_items; k++) {
        const quiz_item *it = &s->items[k];
        if (!it->answered) continue;
        int l = quiz_session_question(s, it)->lesson;
        if (l < 0 || l > QUIZ_MAX_LESSON) l = 0;
        out[l].total++;
        if (it->correct) out[l].right++;
    }
}

size_t quiz_session_missed(const quiz_session *s, const char **ids, size_t max)
{
    size_t n = 0;
    for (size_t k = 0; k < s->n_items; k++) {
        const quiz_item *it = &s->items[k];
        if (!it->answered || it->correct) continue;
        if (n < max) ids[n] = quiz_session_question(s, it)->id;
        n++;
    }
    return n;
}
