/* quiz.c — see quiz.h; the format is described in docs/quiz-format.md.
 *
 * The parser reads line by line with a small state machine. It never stops
 * at the first problem: every check records a diagnostic and parsing goes on
 * from the most plausible reading of the line, so one run reports
 * everything an author has to fix.
 */
#include "quiz.h"

#include "util.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* ---- display width ---------------------------------------------------- */

/* Used when wcwidth() does not know the character (the C locale knows only
 * ASCII): the East Asian wide ranges and the common combining marks. */
static int fallback_width(uint32_t cp)
{
    if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) ||
        (cp >= 0xFE20 && cp <= 0xFE2F))
        return 0;
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
        (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
        (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
        (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

static int cp_width(uint32_t cp)
{
    int w = wcwidth((wchar_t)cp);
    return w >= 0 ? w : fallback_width(cp);
}

int quiz_text_width(const char *s, size_t nbytes)
{
    int col = 0;
    size_t i = 0;
    while (i < nbytes && s[i]) {
        if (s[i] == '\t') {
            col = (col / 8 + 1) * 8;
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = utf8_decode(s + i, nbytes - i, &cp);
        if (n == 0) { col++; i++; continue; }
        col += cp_width(cp);
        i += n;
    }
    return col;
}

/* ---- small helpers ---------------------------------------------------- */

/* Grows an array whose capacity is implied by its length: 4, 8, 16, ... */
static void *grow(void *arr, size_t n, size_t elem)
{
    if (n == 0) return xrealloc(arr, 4 * elem);
    if (n >= 4 && (n & (n - 1)) == 0) return xrealloc(arr, 2 * n * elem);
    return arr;
}

static int is_space(char c) { return c == ' ' || c == '\t'; }

static int is_blank(const char *s)
{
    while (is_space(*s)) s++;
    return *s == '\0';
}

static int starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static int is_id_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
}

static const char *skip_space(const char *s)
{
    while (is_space(*s)) s++;
    return s;
}

/* A copy of s[0..n) without trailing blanks. */
static char *dup_trimmed(const char *s, size_t n)
{
    while (n > 0 && is_space(s[n - 1])) n--;
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}


/* Length of at most max bytes of s, not cutting a UTF-8 sequence. */
static int clip_len(const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max) return (int)n;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80) max--;
    return (int)max;
}

/* ---- the parser ------------------------------------------------------- */

/* What an indented line continues. */
typedef enum { CONT_NONE, CONT_PARA, CONT_ITEM, CONT_OPTION, CONT_FEEDBACK, CONT_EXPLAIN } cont_kind;

typedef enum {
    ST_PREAMBLE,   /* before the title line */
    ST_HEAD,       /* header lines, before the first question */
    ST_Q_START,    /* right after a "## " line: lesson: may come */
    ST_STEM,
    ST_OPTIONS,
    ST_EXPLAIN
} parse_state;

typedef struct {
    quiz_file *qf;
    size_t cap_diags, cap_questions;
    parse_state st;
    cont_kind cont;
    int line;              /* current line number */
    const char *text;      /* current line */
    /* the open fence */
    int in_fence, fence_line, fence_discard;
    int fence_has_line;    /* the open fence's block has received a line */
    /* the current question */
    int have_q;
    int kind_known;        /* the header named a valid kind */
    int second_right_line; /* line and column of the 2nd [x] option's box */
    int second_right_col;
    int ninth_option_line;
    uint64_t bad_markers;  /* bit i: option i had a malformed marker (no further warnings) */
    size_t pending_blanks; /* blank lines not yet added to the stem text */
    strbuf stem;
    int lang_line;
    /* ids seen so far: open addressing, values are question index + 1 */
    size_t *id_slots;
    size_t id_cap;
    /* the text that continuation lines are being added to, with its length
     * and allocation, so a long run of lines is not measured again each time */
    char **grow_dst;
    size_t grow_len, grow_cap;
} parser;

/* Forgets grow_dst: called before an array holding texts may move. */
static void grow_reset(parser *p) { p->grow_dst = NULL; }

/* *dst = *dst + sep + add (or add when *dst is NULL). */
static void append_text(parser *p, char **dst, const char *sep, const char *add)
{
    if (p->grow_dst != dst) {
        p->grow_dst = dst;
        p->grow_len = *dst ? strlen(*dst) : 0;
        p->grow_cap = p->grow_len + 1;
    }
    size_t s = *dst ? strlen(sep) : 0, b = strlen(add);
    size_t need = p->grow_len + s + b + 1;
    if (!*dst || need > p->grow_cap) {
        p->grow_cap = need > 2 * p->grow_cap ? need : 2 * p->grow_cap;
        char *q = xrealloc(*dst, p->grow_cap);
        if (!*dst) q[0] = '\0';
        *dst = q;
    }
    memcpy(*dst + p->grow_len, sep, s);
    memcpy(*dst + p->grow_len + s, add, b + 1);
    p->grow_len += s + b;
}

static void add_diag_v(parser *p, quiz_severity sev, int line, int col, const char *hint,
                       const char *fmt, va_list ap)
{
    quiz_file *qf = p->qf;
    if (sev == QUIZ_ERROR) qf->n_errors++;
    else qf->n_warnings++;
    if (qf->n_diags >= QUIZ_MAX_DIAGS) return; /* counted, not kept */
    if (qf->n_diags == p->cap_diags) {
        p->cap_diags = p->cap_diags ? 2 * p->cap_diags : 16;
        qf->diags = xrealloc(qf->diags, p->cap_diags * sizeof *qf->diags);
    }
    strbuf sb;
    sb_init(&sb);
    char buf[512];
    vsnprintf(buf, sizeof buf, fmt, ap);
    sb_puts(&sb, buf);
    quiz_diag d = {line, col < 1 ? 1 : col, sev, sb.data, hint ? xstrdup(hint) : NULL};
    /* Keep the list sorted by position; equal positions stay in the order found. */
    size_t i = qf->n_diags;
    while (i > 0 && (qf->diags[i - 1].line > line ||
                     (qf->diags[i - 1].line == line && qf->diags[i - 1].col > d.col)))
        i--;
    memmove(qf->diags + i + 1, qf->diags + i, (qf->n_diags - i) * sizeof *qf->diags);
    qf->diags[i] = d;
    qf->n_diags++;
}

__attribute__((format(printf, 6, 7)))
static void diag(parser *p, quiz_severity sev, int line, int col, const char *hint, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_diag_v(p, sev, line, col, hint, fmt, ap);
    va_end(ap);
}

/* Column of byte offset off in the current line. */
static int col_at(const parser *p, size_t off) { return quiz_text_width(p->text, off) + 1; }

static quiz_question *cur_q(parser *p) { return &p->qf->questions[p->qf->n_questions - 1]; }

/* "'q03'" or "this question" when the header gave no id. */
static const char *qname(const quiz_question *q, char *buf, size_t n)
{
    if (q->id[0]) snprintf(buf, n, "'%s'", q->id);
    else snprintf(buf, n, "at line %d", q->line);
    return buf;
}

/* ---- ids ---- */

static size_t hash_id(const char *s)
{
    size_t h = 1469598103934665603u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

/* Index + 1 of the question with this id, or 0. */
static size_t id_lookup(const parser *p, const char *id)
{
    if (!p->id_cap) return 0;
    for (size_t i = hash_id(id) & (p->id_cap - 1);; i = (i + 1) & (p->id_cap - 1)) {
        size_t v = p->id_slots[i];
        if (!v) return 0;
        if (strcmp(p->qf->questions[v - 1].id, id) == 0) return v;
    }
}

static void id_insert(parser *p, size_t index)
{
    if (2 * (p->qf->n_questions + 1) > p->id_cap) {
        size_t old_cap = p->id_cap;
        size_t *old = p->id_slots;
        p->id_cap = old_cap ? 2 * old_cap : 64;
        p->id_slots = xcalloc(p->id_cap, sizeof *p->id_slots);
        for (size_t i = 0; i < old_cap; i++) {
            if (!old[i]) continue;
            size_t j = hash_id(p->qf->questions[old[i] - 1].id) & (p->id_cap - 1);
            while (p->id_slots[j]) j = (j + 1) & (p->id_cap - 1);
            p->id_slots[j] = old[i];
        }
        free(old);
    }
    size_t j = hash_id(p->qf->questions[index].id) & (p->id_cap - 1);
    while (p->id_slots[j]) j = (j + 1) & (p->id_cap - 1);
    p->id_slots[j] = index + 1;
}

/* ---- question headers ---- */

typedef struct {
    int ok;
    size_t id_off, id_len;   /* id_len 0 when unreadable */
    int kind_known;
    quiz_kind kind;
    size_t title_off;        /* valid when ok */
    size_t err_off;          /* byte offset of the problem */
    char msg[160];
    const char *hint;
} qheader;

static const char HINT_HEADER[] = "a question starts with '## ID single: TITLE' or '## ID multi: TITLE'";
static const char HINT_KIND[] = "the kind is single (exactly one right option) or multi (any number of right options)";

/* Parses a line that starts with "##". */
static void parse_qheader(const char *s, qheader *h)
{
    memset(h, 0, sizeof *h);
    h->hint = HINT_HEADER;
    size_t i = 2;
    if (s[i] == '#') {
        h->err_off = i;
        snprintf(h->msg, sizeof h->msg, "a question header starts with exactly two '#'");
        return;
    }
    if (!is_space(s[i])) {
        h->err_off = i;
        snprintf(h->msg, sizeof h->msg, "a space must follow '##'");
        return;
    }
    while (is_space(s[i])) i++;
    if (!s[i]) {
        h->err_off = i;
        snprintf(h->msg, sizeof h->msg, "the question header has no id, kind or title");
        return;
    }
    size_t id = i;
    while (is_id_char(s[i])) i++;
    if (s[i] && !is_space(s[i])) {
        h->err_off = i;
        size_t tok_end = i;
        while (s[tok_end] && !is_space(s[tok_end])) tok_end++;
        if (s[i] == ':' && i + 1 == tok_end &&
            ((i - id == 6 && strncmp(s + id, "single", 6) == 0) ||
             (i - id == 5 && strncmp(s + id, "multi", 5) == 0))) {
            h->err_off = id;
            snprintf(h->msg, sizeof h->msg, "the question id is missing before '%.*s'", (int)(i - id),
                     s + id);
            return;
        }
        if (s[i] == ':' && i > id) {
            snprintf(h->msg, sizeof h->msg, "the kind is missing after the id '%.*s'", (int)(i - id),
                     s + id);
            h->hint = HINT_KIND;
            return;
        }
        uint32_t cp = '?';
        size_t n = utf8_decode(s + i, strlen(s + i), &cp);
        snprintf(h->msg, sizeof h->msg, "'%.*s' is not allowed in a question id", n ? (int)n : 1,
                 s + i);
        h->hint = "ids use only letters A-Z and a-z, digits, '_' and '-'";
        return;
    }
    h->id_off = id;
    h->id_len = i - id;
    while (is_space(s[i])) i++;
    if (!s[i]) {
        h->err_off = i;
        snprintf(h->msg, sizeof h->msg, "the kind (single or multi) is missing after the id");
        h->hint = HINT_KIND;
        return;
    }
    size_t kind = i;
    while (s[i] && s[i] != ':' && !is_space(s[i])) i++;
    size_t klen = i - kind;
    if (klen == 6 && strncmp(s + kind, "single", 6) == 0) {
        h->kind = QUIZ_SINGLE;
        h->kind_known = 1;
    } else if (klen == 5 && strncmp(s + kind, "multi", 5) == 0) {
        h->kind = QUIZ_MULTI;
        h->kind_known = 1;
    } else {
        h->err_off = kind;
        if (klen == 0) snprintf(h->msg, sizeof h->msg, "the kind is missing before ':'");
        else snprintf(h->msg, sizeof h->msg, "unknown question kind '%.*s'", clip_len(s + kind, klen > 40 ? 40 : klen), s + kind);
        h->hint = HINT_KIND;
        return;
    }
    if (s[i] != ':') {
        h->err_off = i;
        snprintf(h->msg, sizeof h->msg, "':' is missing after the kind '%.*s'", (int)klen, s + kind);
        return;
    }
    i++;
    while (is_space(s[i])) i++;
    if (!s[i]) {
        h->err_off = i;
        snprintf(h->msg, sizeof h->msg, "the question has no title after ':'");
        h->hint = "write a short title after the colon; it is shown above the question";
        return;
    }
    h->title_off = i;
    h->ok = 1;
}

/* "ID single:" or "ID multi:" at the start of s (a header without its "##"). */
static int looks_like_header(const char *s)
{
    const char *q = s;
    while (is_id_char(*q)) q++;
    if (q == s || !is_space(*q)) return 0;
    q = skip_space(q);
    return starts_with(q, "single:") || starts_with(q, "multi:");
}

/* ---- option markers ---- */

typedef struct {
    int ok;
    int correct;           /* best guess even when !ok */
    size_t text_off;       /* valid when ok */
    size_t err_off;
    const char *msg;
    const char *hint;
} omarker;

static const char HINT_OPTION[] = "write '- [ ] text' for a wrong option and '- [x] text' for a right one";

/* "-", spaces, "[" at the start of s: something meant as an option. */
static int looks_like_option(const char *s)
{
    if (s[0] != '-' && s[0] != '*' && s[0] != '+') return 0;
    const char *q = skip_space(s + 1);
    return *q == '[';
}

static void parse_option_marker(const char *s, omarker *m)
{
    memset(m, 0, sizeof *m);
    m->hint = HINT_OPTION;
    size_t i = 1;
    while (is_space(s[i])) i++;
    size_t box = i + 1; /* after '[' */
    m->correct = s[box] == 'x' || s[box] == 'X';
    if (s[0] != '-') {
        m->err_off = 0;
        m->msg = "an option starts with '-'";
        return;
    }
    if (i == 1) {
        m->err_off = 1;
        m->msg = "a space is missing between '-' and '['";
        return;
    }
    if (i != 2 || s[1] != ' ') {
        m->err_off = s[1] == ' ' ? 2 : 1;
        m->msg = "exactly one space goes between '-' and '['";
        return;
    }
    if (s[box] == ']') {
        m->err_off = box;
        m->msg = "the option box is empty";
        return;
    }
    if (s[box] != ' ' && s[box] != 'x' && s[box] != 'X') {
        m->err_off = box;
        m->msg = s[box] ? "the option box holds a space (wrong) or 'x' (right), nothing else"
                        : "the option box is not closed";
        return;
    }
    if (s[box + 1] != ']') {
        m->err_off = box + 1;
        m->msg = "']' is missing: the box holds a single character";
        return;
    }
    size_t after = box + 2;
    if (s[after] && !is_space(s[after])) {
        m->err_off = after;
        m->msg = "a space must follow ']'";
        return;
    }
    size_t t = after;
    while (is_space(s[t])) t++;
    if (!s[t]) {
        m->err_off = after;
        m->msg = "the option has no text";
        m->hint = "write the answer text after the box";
        return;
    }
    m->text_off = t;
    m->ok = 1;
}

/* ---- building the question ---- */

static void new_block(parser *p, quiz_block_kind kind, const char *text)
{
    quiz_question *q = cur_q(p);
    grow_reset(p);
    q->blocks = grow(q->blocks, q->n_blocks, sizeof *q->blocks);
    quiz_block *b = &q->blocks[q->n_blocks++];
    b->kind = kind;
    b->text = xstrdup(text);
    b->line = p->line;
}

/* Adds the current line to the stem's source text. */
static void stem_source_line(parser *p)
{
    quiz_question *q = cur_q(p);
    if (p->stem.len > 0)
        for (; p->pending_blanks > 0; p->pending_blanks--) sb_puts(&p->stem, "\n");
    p->pending_blanks = 0;
    if (p->stem.len > 0) sb_puts(&p->stem, "\n");
    size_t n = strlen(p->text);
    while (n > 0 && is_space(p->text[n - 1])) n--;
    sb_append(&p->stem, p->text, n);
    if (!q->stem_line) q->stem_line = p->line;
}

static void finish_question(parser *p);

static void start_question(parser *p, const qheader *h)
{
    finish_question(p);
    grow_reset(p);
    quiz_file *qf = p->qf;
    if (qf->n_questions == p->cap_questions) {
        p->cap_questions = p->cap_questions ? 2 * p->cap_questions : 16;
        qf->questions = xrealloc(qf->questions, p->cap_questions * sizeof *qf->questions);
    }
    quiz_question *q = &qf->questions[qf->n_questions++];
    memset(q, 0, sizeof *q);
    q->line = p->line;
    q->id = h->id_len ? dup_trimmed(p->text + h->id_off, h->id_len) : xstrdup("");
    q->kind = h->kind;
    q->title = h->ok ? dup_trimmed(p->text + h->title_off, strlen(p->text + h->title_off)) : xstrdup("");
    p->have_q = 1;
    p->kind_known = h->kind_known;
    p->second_right_line = 0;
    p->ninth_option_line = 0;
    p->bad_markers = 0;
    p->pending_blanks = 0;
    sb_free(&p->stem);
    p->st = ST_Q_START;
    p->cont = CONT_NONE;
    if (q->id[0]) {
        size_t first = id_lookup(p, q->id);
        if (first) {
            char hint[80];
            snprintf(hint, sizeof hint, "the first question '%s' is at line %d", q->id,
                     qf->questions[first - 1].line);
            diag(p, QUIZ_ERROR, p->line, col_at(p, h->id_off), hint,
                 "duplicate question id '%s'", q->id);
        } else {
            id_insert(p, qf->n_questions - 1);
        }
    }
}

static void finish_question(parser *p)
{
    if (!p->have_q) return;
    p->have_q = 0;
    quiz_question *q = cur_q(p);
    char nm[80];
    qname(q, nm, sizeof nm);
    if (p->in_fence) {
        diag(p, QUIZ_ERROR, p->fence_line, 1, "close the block with a line holding only ```",
             "unterminated fenced block: no closing ```");
        p->in_fence = 0;
    }
    q->stem = p->stem.data ? p->stem.data : xstrdup("");
    sb_init(&p->stem);
    if (q->n_blocks == 0)
        diag(p, QUIZ_ERROR, q->line, 1, "write the question text between the '## ' line and the options",
             "question %s has no stem (question text)", nm);
    if (q->n_options < 2)
        diag(p, QUIZ_ERROR, q->line, 1, HINT_OPTION,
             "question %s has %zu option%s; at least two are needed", nm, q->n_options,
             q->n_options == 1 ? "" : "s");
    if (p->ninth_option_line)
        diag(p, QUIZ_ERROR, p->ninth_option_line, 1, "answers are typed as the letters a-h",
             "question %s has %zu options; at most %d are allowed", nm, q->n_options, QUIZ_MAX_OPTIONS);
    if (p->kind_known && q->n_options > 0) {
        if (q->kind == QUIZ_SINGLE && q->n_correct == 0)
            diag(p, QUIZ_ERROR, q->line, 1, "mark the right option with [x]",
                 "single-choice question %s has no right option", nm);
        else if (q->kind == QUIZ_SINGLE && q->n_correct > 1) {
            char hint[120];
            snprintf(hint, sizeof hint,
                     "keep one [x], or make it 'multi' on line %d if several options are right", q->line);
            diag(p, QUIZ_ERROR, p->second_right_line, p->second_right_col, hint,
                 "single-choice question %s has %zu right options; it needs exactly one", nm,
                 q->n_correct);
        } else if (q->kind == QUIZ_MULTI && q->n_correct == 0)
            diag(p, QUIZ_ERROR, q->line, 1, "mark every right option with [x]",
                 "multiple-choice question %s has no right option", nm);
    }
    if (!q->lesson_line)
        diag(p, QUIZ_WARNING, q->line, 1, "add 'lesson: N' (1-10) right after the '## ' line",
             "question %s is not linked to a lesson", nm);
    if (!q->explanation && q->n_options > 0)
        diag(p, QUIZ_WARNING, q->line, 1, "add 'explain: ...' after the options",
             "question %s has no explanation", nm);
    for (size_t i = 0; i < q->n_options; i++) {
        const quiz_option *o = &q->options[i];
        int malformed = i < 64 && (p->bad_markers >> i & 1);
        if (!o->correct && !o->feedback && !malformed)
            diag(p, QUIZ_WARNING, o->line, 1,
                 "add an indented '> ...' line under it saying why it is wrong",
                 "wrong option without feedback");
        /* (beyond the limit there is an error already; skip the quadratic check) */
        for (size_t j = 0; j < i && q->n_options <= QUIZ_MAX_OPTIONS; j++)
            if (strcmp(q->options[j].text, o->text) == 0) {
                diag(p, QUIZ_WARNING, o->line, 7, NULL,
                     "this option has the same text as the one at line %d", q->options[j].line);
                break;
            }
    }
}

/* ---- line handlers ---- */

static void handle_option(parser *p)
{
    omarker m;
    parse_option_marker(p->text, &m);
    if (!m.ok) diag(p, QUIZ_ERROR, p->line, col_at(p, m.err_off), m.hint, "%s", m.msg);
    if (p->st == ST_EXPLAIN)
        diag(p, QUIZ_ERROR, p->line, 1, "options come before explain:",
             "option after the explanation");
    quiz_question *q = cur_q(p);
    grow_reset(p);
    if (q->n_options == QUIZ_MAX_OPTIONS) p->ninth_option_line = p->line;
    q->options = grow(q->options, q->n_options, sizeof *q->options);
    quiz_option *o = &q->options[q->n_options++];
    memset(o, 0, sizeof *o);
    o->line = p->line;
    o->correct = m.correct;
    if (!m.ok && q->n_options <= 64) p->bad_markers |= (uint64_t)1 << (q->n_options - 1);
    if (m.ok) {
        o->text = dup_trimmed(p->text + m.text_off, strlen(p->text + m.text_off));
    } else {
        /* best effort: whatever follows the first ']' */
        const char *r = strchr(p->text, ']');
        const char *t = skip_space(r ? r + 1 : p->text + strlen(p->text));
        o->text = dup_trimmed(t, strlen(t));
    }
    if (o->correct) {
        q->n_correct++;
        if (q->n_correct == 2) {
            p->second_right_line = p->line;
            p->second_right_col = col_at(p, (size_t)(strchr(p->text, '[') - p->text) + 1);
        }
    }
    if (p->st != ST_EXPLAIN) p->st = ST_OPTIONS;
    p->cont = CONT_OPTION;
}

static void handle_lesson(parser *p)
{
    quiz_question *q = cur_q(p);
    if (p->st != ST_Q_START) {
        char hint[80];
        if (q->lesson_line) snprintf(hint, sizeof hint, "the first lesson: is at line %d", q->lesson_line);
        else snprintf(hint, sizeof hint, "move it right after the '## ' line %d", q->line);
        diag(p, QUIZ_ERROR, p->line, 1, hint,
             q->lesson_line ? "second lesson: line" : "lesson: must come right after the '## ' line");
        return;
    }
    p->st = ST_STEM;
    p->cont = CONT_NONE;
    q->lesson_line = p->line;
    const char *v = skip_space(p->text + strlen("lesson:"));
    const char *e = v;
    long n = 0;
    while (*e >= '0' && *e <= '9' && e - v < 4) n = n * 10 + (*e++ - '0');
    const char *rest = skip_space(e);
    if (e == v || *rest || n < 1 || n > QUIZ_MAX_LESSON) {
        size_t off = (size_t)(v - p->text);
        if (!*v)
            diag(p, QUIZ_ERROR, p->line, col_at(p, off), "write the lesson's number, e.g. 'lesson: 4'",
                 "lesson: needs a number from 1 to %d", QUIZ_MAX_LESSON);
        else
            diag(p, QUIZ_ERROR, p->line, col_at(p, off), "the lessons are numbered 1 to 10",
                 "lesson must be a number from 1 to %d, not '%.*s'", QUIZ_MAX_LESSON,
                 clip_len(v, 40), v);
        return;
    }
    q->lesson = (int)n;
}

static void handle_explain(parser *p)
{
    quiz_question *q = cur_q(p);
    if (p->st == ST_Q_START || p->st == ST_STEM) {
        diag(p, QUIZ_ERROR, p->line, 1, "put explain: after the last option",
             "explain: comes before the options");
        return;
    }
    if (q->explain_line) {
        char hint[64];
        snprintf(hint, sizeof hint, "the first explain: is at line %d", q->explain_line);
        char nm[80];
        diag(p, QUIZ_ERROR, p->line, 1, hint, "second explain: in question %s", qname(q, nm, sizeof nm));
        return;
    }
    q->explain_line = p->line;
    const char *t = skip_space(p->text + strlen("explain:"));
    if (*t) q->explanation = dup_trimmed(t, strlen(t));
    p->st = ST_EXPLAIN;
    p->cont = CONT_EXPLAIN;
}

/* An indented line that is not feedback. */
static void handle_indented(parser *p)
{
    quiz_question *q = cur_q(p);
    const char *t = skip_space(p->text);
    char *trimmed = dup_trimmed(t, strlen(t));
    switch (p->cont) {
    case CONT_OPTION:
        append_text(p, &q->options[q->n_options - 1].text, "\n", trimmed);
        break;
    case CONT_FEEDBACK:
        append_text(p, &q->options[q->n_options - 1].feedback, "\n", trimmed);
        break;
    case CONT_EXPLAIN:
        /* explain: with nothing after it takes its text from the lines below */
        append_text(p, &q->explanation, "\n", trimmed);
        break;
    default:
        diag(p, QUIZ_ERROR, p->line, 1,
             "a blank line ends an option or an explanation; remove it or the indentation",
             "indented line that continues nothing");
    }
    free(trimmed);
}

static void handle_feedback(parser *p)
{
    quiz_question *q = cur_q(p);
    const char *t = skip_space(p->text) + 1; /* after '>' */
    if (*t == ' ') t++;
    if (p->cont != CONT_OPTION && p->cont != CONT_FEEDBACK) {
        diag(p, QUIZ_ERROR, p->line, col_at(p, (size_t)(skip_space(p->text) - p->text)),
             "feedback lines go right under their option, indented: '  > why it is wrong'",
             "feedback line that belongs to no option");
        return;
    }
    quiz_option *o = &q->options[q->n_options - 1];
    char *trimmed = dup_trimmed(t, strlen(t));
    if (!o->feedback_line) o->feedback_line = p->line;
    append_text(p, &o->feedback, "\n", trimmed);
    free(trimmed);
    p->cont = CONT_FEEDBACK;
}

static void handle_stem_text(parser *p)
{
    quiz_question *q = cur_q(p);
    const char *s = p->text;
    stem_source_line(p);
    if (s[0] == '-' && is_space(s[1])) {
        const char *t = skip_space(s + 1);
        char *text = dup_trimmed(t, strlen(t));
        new_block(p, QUIZ_BLOCK_ITEM, text);
        free(text);
        p->cont = CONT_ITEM;
    } else if (p->cont == CONT_ITEM && is_space(s[0])) {
        const char *t = skip_space(s);
        char *text = dup_trimmed(t, strlen(t));
        append_text(p, &q->blocks[q->n_blocks - 1].text, "\n", text);
        free(text);
    } else if (p->cont == CONT_PARA) {
        char *text = dup_trimmed(s, strlen(s));
        append_text(p, &q->blocks[q->n_blocks - 1].text, "\n", text);
        free(text);
    } else {
        char *text = dup_trimmed(s, strlen(s));
        new_block(p, QUIZ_BLOCK_PARAGRAPH, text);
        free(text);
        p->cont = CONT_PARA;
    }
    p->st = ST_STEM;
}

static void open_fence(parser *p, int discard)
{
    p->in_fence = 1;
    p->fence_line = p->line;
    p->fence_discard = discard;
    p->fence_has_line = 0;
    if (!discard) {
        stem_source_line(p);
        new_block(p, QUIZ_BLOCK_FENCE, "");
        p->st = ST_STEM;
    }
    p->cont = CONT_NONE;
}

static int is_fence_close(const char *s) { return starts_with(s, "```") && is_blank(s + 3); }

/* A line inside a fence; returns 1 when it was consumed. */
static int fence_line(parser *p)
{
    const char *s = p->text;
    if (is_fence_close(s)) {
        if (!p->fence_discard) stem_source_line(p);
        p->in_fence = 0;
        return 1;
    }
    if (starts_with(s, "##")) {
        /* A complete question header ends a forgotten fence, so one
         * missing ``` does not swallow the rest of the file. */
        qheader h;
        parse_qheader(s, &h);
        if (h.ok) {
            diag(p, QUIZ_ERROR, p->fence_line, 1, "close the block with a line holding only ```",
                 "unterminated fenced block: no closing ``` before the next question");
            p->in_fence = 0;
            return 0;
        }
    }
    if (!p->fence_discard) {
        quiz_question *q = cur_q(p);
        quiz_block *b = &q->blocks[q->n_blocks - 1];
        size_t n = strlen(s);
        while (n > 0 && is_space(s[n - 1])) n--;
        char *line = dup_trimmed(s, n);
        append_text(p, &b->text, p->fence_has_line ? "\n" : "", line);
        p->fence_has_line = 1;
        free(line);
        stem_source_line(p);
    }
    return 1;
}

static void handle_title(parser *p)
{
    const char *s = p->text;
    quiz_file *qf = p->qf;
    size_t i = 1;
    if (!is_space(s[i]))
        diag(p, QUIZ_ERROR, p->line, 2, "write the title as '# TITLE'", "a space must follow '#'");
    const char *t = skip_space(s + 1);
    free(qf->title);
    qf->title = dup_trimmed(t, strlen(t));
    if (!qf->title[0]) diag(p, QUIZ_ERROR, p->line, 1, "write the quiz's name after '# '", "the title is empty");
    p->st = ST_HEAD;
}

/* Length of the key of a "key: value" line, or 0. */
static size_t is_key_value(const char *s)
{
    const char *q = s;
    if ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z'))
        while (is_id_char(*q)) q++;
    return q > s && *q == ':' && (q[1] == '\0' || is_space(q[1])) ? (size_t)(q - s) : 0;
}

/* "key: value" before the first question. */
static void handle_head_line(parser *p)
{
    const char *s = p->text;
    const char *q = s + is_key_value(s);
    if (q > s) {
        size_t klen = (size_t)(q - s);
        const char *v = skip_space(q + 1);
        if (klen == 4 && strncmp(s, "lang", 4) == 0) {
            if (p->lang_line) {
                char hint[48];
                snprintf(hint, sizeof hint, "the first lang: is at line %d", p->lang_line);
                diag(p, QUIZ_WARNING, p->line, 1, hint, "lang: is given twice");
            }
            p->lang_line = p->line;
            free(p->qf->lang);
            p->qf->lang = dup_trimmed(v, strlen(v));
            const char *l = p->qf->lang;
            if (strcmp(l, "zh") != 0 && strcmp(l, "en") != 0)
                diag(p, QUIZ_WARNING, p->line, col_at(p, (size_t)(v - s)),
                     "seqtutor's texts are in 'zh' and 'en'", "unknown language '%.*s'",
                     clip_len(l, 40), l);
            /* week1.zh.quiz should say lang: zh */
            const char *name = p->qf->name;
            size_t n = strlen(name);
            if (n > 8 && strcmp(name + n - 5, ".quiz") == 0 && name[n - 8] == '.' && l[0] &&
                strncmp(name + n - 7, l, 2) != 0 && strlen(l) == 2)
                diag(p, QUIZ_WARNING, p->line, col_at(p, (size_t)(v - s)), NULL,
                     "the file name says '%.2s' but lang: says '%s'", name + n - 7, l);
            return;
        }
        diag(p, QUIZ_WARNING, p->line, 1, "the only header line is 'lang: zh' or 'lang: en'",
             "unknown header line '%.*s:'", clip_len(s, klen > 40 ? 40 : klen), s);
        return;
    }
    if (looks_like_header(s))
        diag(p, QUIZ_ERROR, p->line, 1, "write '## ' in front of it",
             "this looks like a question header without '## '");
    else
        diag(p, QUIZ_ERROR, p->line, 1, HINT_HEADER, "text before the first question");
}

/* Lines before the first question that are not header lines. */
static int head_misplaced(parser *p)
{
    const char *s = p->text;
    const char *what = NULL;
    if (looks_like_option(s)) what = "option";
    else if (starts_with(s, "explain:")) what = "explain:";
    else if (starts_with(s, "lesson:")) what = "lesson:";
    else if (is_space(s[0]) && *skip_space(s) == '>') what = "feedback line";
    if (!what) return 0;
    diag(p, QUIZ_ERROR, p->line, 1, HINT_HEADER, "%s before any question", what);
    return 1;
}

static void handle_line(parser *p)
{
    const char *s = p->text;
    if (p->in_fence && fence_line(p)) return;
    if (is_blank(s)) {
        if (p->st == ST_STEM) p->pending_blanks++;
        p->cont = CONT_NONE;
        return;
    }
    if (s[0] == '%') return;

    if (starts_with(s, "##")) {
        qheader h;
        parse_qheader(s, &h);
        if (!h.ok) diag(p, QUIZ_ERROR, p->line, col_at(p, h.err_off), h.hint, "%s", h.msg);
        if (p->st == ST_PREAMBLE)
            diag(p, QUIZ_ERROR, 1, 1, "start the file with the quiz's title: '# TITLE'",
                 "the file has no title line");
        start_question(p, &h);
        return;
    }
    if (s[0] == '#' && looks_like_header(skip_space(s + 1))) {
        diag(p, QUIZ_ERROR, p->line, 1, "write '## ' in front of the id",
             "a question header starts with '##', not '#'");
        qheader h;
        strbuf fixed;
        sb_init(&fixed);
        sb_puts(&fixed, "## ");
        sb_puts(&fixed, skip_space(s + 1));
        parse_qheader(fixed.data, &h);
        /* offsets refer to the repaired line, which is at most a column off */
        const char *saved = p->text;
        p->text = fixed.data;
        if (!h.ok) diag(p, QUIZ_ERROR, p->line, col_at(p, h.err_off), h.hint, "%s", h.msg);
        if (p->st == ST_PREAMBLE)
            diag(p, QUIZ_ERROR, 1, 1, "start the file with the quiz's title: '# TITLE'",
                 "the file has no title line");
        start_question(p, &h);
        p->text = saved;
        sb_free(&fixed);
        return;
    }

    if (p->st == ST_PREAMBLE) {
        if (s[0] == '#') {
            handle_title(p);
            return;
        }
        diag(p, QUIZ_ERROR, p->line, 1, "start the file with the quiz's title: '# TITLE'",
             "the first line must be the title");
        p->st = ST_HEAD;
        /* report what else is wrong with the line, but not twice that it is out of place */
        if (!head_misplaced(p) && is_key_value(s)) handle_head_line(p);
        return;
    }
    if (p->st == ST_HEAD) {
        if (head_misplaced(p)) return;
        if (starts_with(s, "```")) {
            diag(p, QUIZ_ERROR, p->line, 1, HINT_HEADER, "fenced block before any question");
            p->in_fence = 1;
            p->fence_line = p->line;
            p->fence_discard = 1;
            return;
        }
        handle_head_line(p);
        return;
    }

    /* inside a question */
    if (looks_like_option(s)) {
        handle_option(p);
        return;
    }
    if (starts_with(s, "lesson:")) {
        handle_lesson(p);
        return;
    }
    if (starts_with(s, "explain:")) {
        handle_explain(p);
        return;
    }
    if (is_space(s[0]) && *skip_space(s) == '>' && p->st != ST_Q_START && p->st != ST_STEM) {
        handle_feedback(p);
        return;
    }
    if (starts_with(s, "```")) {
        if (p->st == ST_Q_START || p->st == ST_STEM) {
            open_fence(p, 0);
        } else {
            diag(p, QUIZ_ERROR, p->line, 1, "move the block into the stem, before the options",
                 "a fenced block must be part of the stem");
            open_fence(p, 1);
        }
        return;
    }
    if (is_space(s[0]) && looks_like_option(skip_space(s))) {
        diag(p, QUIZ_ERROR, p->line, col_at(p, (size_t)(skip_space(s) - s)),
             "remove the spaces in front of the '-'", "an option marker must start at column 1");
        return;
    }
    if (p->st == ST_Q_START || p->st == ST_STEM) {
        if (looks_like_header(s)) {
            diag(p, QUIZ_ERROR, p->line, 1, "write '## ' in front of it",
                 "this looks like a question header without '## '");
            return;
        }
        handle_stem_text(p);
        return;
    }
    /* after the options */
    if (s[0] == '>' && (p->cont == CONT_OPTION || p->cont == CONT_FEEDBACK)) {
        diag(p, QUIZ_ERROR, p->line, 1, "indent feedback lines under their option: '  > text'",
             "feedback line is not indented");
        handle_feedback(p);
        return;
    }
    if (is_space(s[0])) {
        handle_indented(p);
        return;
    }
    if (s[0] == '-' && is_space(s[1])) {
        diag(p, QUIZ_ERROR, p->line, 3, HINT_OPTION, "the option box is missing");
        return;
    }
    if (looks_like_header(s))
        diag(p, QUIZ_ERROR, p->line, 1, "a question header looks like '## ID single: TITLE'",
             "this looks like a question header without '## '");
    else if (p->st == ST_EXPLAIN)
        diag(p, QUIZ_ERROR, p->line, 1,
             "indent continuation lines of the explanation; a new question starts with '## '",
             "text after the explanation");
    else
        diag(p, QUIZ_ERROR, p->line, 1,
             "the stem comes before the options; a new question starts with '## '",
             "text after the options");
}

/* ---- splitting and cleaning lines ---- */

/* Copies one raw line into clean UTF-8, reporting the first bad character. */
static char *clean_line(parser *p, const char *raw, size_t n)
{
    strbuf sb;
    sb_init(&sb);
    sb_append(&sb, "", 0);
    size_t i = 0, bad = 0;
    int bad_col = 0;
    char what[64] = "";
    while (i < n) {
        uint32_t cp = 0;
        size_t k = utf8_decode(raw + i, n - i, &cp);
        int control = k && ((cp < 0x20 && cp != '\t') || cp == 0x7F || (cp >= 0x80 && cp < 0xA0));
        if (k && !control) {
            sb_append(&sb, raw + i, k);
            i += k;
            continue;
        }
        if (bad++ == 0) {
            bad_col = quiz_text_width(sb.data, sb.len) + 1;
            if (!k) snprintf(what, sizeof what, "invalid UTF-8 byte 0x%02X", (unsigned char)raw[i]);
            else if (cp == 0) snprintf(what, sizeof what, "NUL byte");
            else snprintf(what, sizeof what, "control character U+%04X", (unsigned)cp);
        }
        sb_append(&sb, "\xEF\xBF\xBD", 3); /* U+FFFD */
        i += k ? k : 1;
    }
    if (bad == 1)
        diag(p, QUIZ_ERROR, p->line, bad_col, "save the file as UTF-8 text", "%s", what);
    else if (bad > 1)
        diag(p, QUIZ_ERROR, p->line, bad_col, "save the file as UTF-8 text",
             "%s (and %zu more bad bytes on this line)", what, bad - 1);
    return sb.data;
}

quiz_file *quiz_parse(const char *name, const char *data, size_t len)
{
    quiz_file *qf = xcalloc(1, sizeof *qf);
    qf->name = xstrdup(name ? name : "(quiz)");
    qf->title = xstrdup("");
    parser p;
    memset(&p, 0, sizeof p);
    p.qf = qf;
    sb_init(&p.stem);

    /* split into lines first, so diagnostics can show any line */
    size_t cap_lines = 0, start = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) start = 3;
    while (start < len) {
        const char *nl = memchr(data + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - data) : len;
        size_t n = end - start;
        if (n > 0 && data[start + n - 1] == '\r') n--;
        if (qf->n_lines == cap_lines) {
            cap_lines = cap_lines ? 2 * cap_lines : 64;
            qf->lines = xrealloc(qf->lines, cap_lines * sizeof *qf->lines);
        }
        p.line = (int)qf->n_lines + 1;
        qf->lines[qf->n_lines++] = clean_line(&p, data + start, n);
        start = end + 1;
    }

    for (size_t i = 0; i < qf->n_lines; i++) {
        p.line = (int)i + 1;
        p.text = qf->lines[i];
        handle_line(&p);
    }
    p.line = (int)qf->n_lines;
    if (p.in_fence && !p.have_q) p.in_fence = 0; /* a discarded fence before any question */
    finish_question(&p);
    if (p.st == ST_PREAMBLE)
        diag(&p, QUIZ_ERROR, 1, 1, "start the file with the quiz's title: '# TITLE'",
             "the file has no title line");
    if (qf->n_questions == 0)
        diag(&p, QUIZ_ERROR, 1, 1, HINT_HEADER, "the file has no questions");
    sb_free(&p.stem);
    free(p.id_slots);
    return qf;
}

quiz_file *quiz_load(const char *path, char *err, size_t errlen)
{
    size_t len = 0;
    char *data = file_read(path, QUIZ_MAX_FILE_BYTES, &len, err, errlen);
    if (!data) return NULL;
    quiz_file *qf = quiz_parse(path, data, len);
    free(data);
    return qf;
}

void quiz_free(quiz_file *qf)
{
    if (!qf) return;
    for (size_t i = 0; i < qf->n_questions; i++) {
        quiz_question *q = &qf->questions[i];
        free(q->id);
        free(q->title);
        free(q->stem);
        for (size_t b = 0; b < q->n_blocks; b++) free(q->blocks[b].text);
        free(q->blocks);
        for (size_t o = 0; o < q->n_options; o++) {
            free(q->options[o].text);
            free(q->options[o].feedback);
        }
        free(q->options);
        free(q->explanation);
    }
    free(qf->questions);
    for (size_t i = 0; i < qf->n_diags; i++) {
        free(qf->diags[i].message);
        free(qf->diags[i].hint);
    }
    free(qf->diags);
    for (size_t i = 0; i < qf->n_lines; i++) free(qf->lines[i]);
    free(qf->lines);
    free(qf->name);
    free(qf->title);
    free(qf->lang);
    free(qf);
}

long quiz_find(const quiz_file *qf, const char *id)
{
    for (size_t i = 0; i < qf->n_questions; i++)
        if (strcmp(qf->questions[i].id, id) == 0) return (long)i;
    return -1;
}

/* "a,c" for the right options of q. */
static void right_letters(const quiz_question *q, char *out, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < q->n_options && k + 3 < n; i++) {
        if (!q->options[i].correct) continue;
        if (k) out[k++] = ',';
        out[k++] = (char)('a' + (i < 26 ? i : 25));
    }
    out[k] = '\0';
}

static int cmp_question_ids(const void *a, const void *b)
{
    const quiz_question *const *x = a, *const *y = b;
    return strcmp((*x)->id, (*y)->id);
}

size_t quiz_compare_versions(quiz_file *qf, const quiz_file *other, const char *other_name)
{
    /* other's questions sorted by id, for lookups in O(log n) */
    const quiz_question **sorted = xmalloc((other->n_questions + 1) * sizeof *sorted);
    for (size_t i = 0; i < other->n_questions; i++) sorted[i] = &other->questions[i];
    qsort(sorted, other->n_questions, sizeof *sorted, cmp_question_ids);
    parser p;
    memset(&p, 0, sizeof p);
    p.qf = qf;
    p.cap_diags = qf->n_diags; /* the array is exactly full: the next add grows it */
    size_t before = qf->n_warnings;
    static const char hint[] =
        "the language versions of a quiz share their ids, so progress follows a question";
    for (size_t i = 0; i < qf->n_questions; i++) {
        const quiz_question *q = &qf->questions[i];
        if (!q->id[0]) continue;
        const quiz_question *key = q, *const *hit =
            bsearch(&key, sorted, other->n_questions, sizeof *sorted, cmp_question_ids);
        int col = 4;
        if (!hit) {
            diag(&p, QUIZ_WARNING, q->line, col, hint, "question '%s' is missing in %s", q->id, other_name);
            continue;
        }
        const quiz_question *o = *hit;
        if (o->kind != q->kind)
            diag(&p, QUIZ_WARNING, q->line, col, hint, "question '%s' is %s here but %s in %s", q->id,
                 q->kind == QUIZ_SINGLE ? "single" : "multi", o->kind == QUIZ_SINGLE ? "single" : "multi",
                 other_name);
        else if (o->n_options != q->n_options)
            diag(&p, QUIZ_WARNING, q->line, col, hint, "question '%s' has %zu options here but %zu in %s",
                 q->id, q->n_options, o->n_options, other_name);
        else {
            char a[32], b[32];
            right_letters(q, a, sizeof a);
            right_letters(o, b, sizeof b);
            if (strcmp(a, b) != 0)
                diag(&p, QUIZ_WARNING, q->line, col, hint,
                     "question '%s': the right options are %s here but %s in %s", q->id, a, b, other_name);
        }
        if (o->lesson != q->lesson)
            diag(&p, QUIZ_WARNING, q->line, col, hint, "question '%s' is linked to lesson %d here but %d in %s",
                 q->id, q->lesson, o->lesson, other_name);
    }
    free(sorted);
    return qf->n_warnings - before;
}

/* ---- printing ---- */

/* Prints s with tabs turned into spaces, so the caret line below matches. */
static void print_expanded(FILE *out, const char *s)
{
    int col = 0;
    size_t len = strlen(s), i = 0;
    while (i < len) {
        if (s[i] == '\t') {
            int next = (col / 8 + 1) * 8;
            for (; col < next; col++) fputc(' ', out);
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        if (n == 0) n = 1, cp = '?';
        fwrite(s + i, 1, n, out);
        col += cp_width(cp);
        i += n;
    }
}

void quiz_print_diag(FILE *out, const quiz_file *qf, const quiz_diag *d, int with_source)
{
    fprintf(out, "%s:%d:%d: %s: %s\n", qf->name, d->line, d->col,
            d->severity == QUIZ_ERROR ? "error" : "warning", d->message);
    if (with_source && d->line >= 1 && (size_t)d->line <= qf->n_lines) {
        fprintf(out, "%5d | ", d->line);
        print_expanded(out, qf->lines[d->line - 1]);
        fprintf(out, "\n      | %*s^\n", d->col - 1, "");
    }
    if (d->hint) fprintf(out, "    hint: %s\n", d->hint);
}

void quiz_print_diags(FILE *out, const quiz_file *qf, int with_source)
{
    for (size_t i = 0; i < qf->n_diags; i++) quiz_print_diag(out, qf, &qf->diags[i], with_source);
    size_t all = qf->n_errors + qf->n_warnings;
    if (all > qf->n_diags)
        fprintf(out, "%s: %zu more problems not shown (only the first %d are kept)\n", qf->name,
                all - qf->n_diags, QUIZ_MAX_DIAGS);
}
