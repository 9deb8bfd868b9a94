/* lesson.c — see lesson.h; the accepted format is docs/content-format.md. */
#include "lesson.h"

#include "paths.h"
#include "util.h"
#include "wrap.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    MAX_LESSON_BYTES = 4 << 20, /* a lesson is a few KiB; anything this big is a mistake */
    FENCE_TAB_STOP = 4,
};

static const char REPLACEMENT[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* ---- growing arrays ---- */

static void *grow(void *p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return p;
    size_t c = *cap ? *cap : 8;
    while (c < need) c *= 2;
    *cap = c;
    return xrealloc(p, c * elem);
}

enum { MAX_WARNINGS = 50 }; /* per file: a binary file would otherwise give one per line */

typedef struct {
    lesson *l;
    size_t cap_blocks, cap_toc, cap_warnings;
    int *warning_lines; /* source line of each warning, to sort them into file order */
    size_t suppressed;  /* warnings beyond MAX_WARNINGS */
} builder;

static void add_warning(builder *b, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void add_warning(builder *b, int line, const char *fmt, ...)
{
    if (b->l->n_warnings >= MAX_WARNINGS) {
        b->suppressed++;
        return;
    }
    strbuf sb;
    sb_init(&sb);
    if (line > 0) sb_printf(&sb, "%s:%d: ", b->l->path, line);
    else sb_printf(&sb, "%s: ", b->l->path);
    char msg[ERRBUF];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    sb_puts(&sb, msg);
    lesson *l = b->l;
    size_t cap = b->cap_warnings; /* the two arrays grow in step */
    l->warnings = grow(l->warnings, &b->cap_warnings, l->n_warnings + 1, sizeof *l->warnings);
    b->warning_lines = grow(b->warning_lines, &cap, l->n_warnings + 1, sizeof *b->warning_lines);
    b->warning_lines[l->n_warnings] = line;
    l->warnings[l->n_warnings++] = sb.data;
}

typedef struct {
    int line;
    size_t order;
    char *text;
} numbered_warning;

static int cmp_warnings(const void *a, const void *b)
{
    const numbered_warning *x = a, *y = b;
    if (x->line != y->line) return x->line < y->line ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* Line-cleaning warnings come first, block warnings later; readers expect
 * file order (a warning without a line goes first). */
static void finish_warnings(builder *b)
{
    lesson *l = b->l;
    size_t n = l->n_warnings;
    if (n > 1) {
        numbered_warning *w = xmalloc(n * sizeof *w);
        for (size_t i = 0; i < n; i++) w[i] = (numbered_warning){b->warning_lines[i], i, l->warnings[i]};
        qsort(w, n, sizeof *w, cmp_warnings);
        for (size_t i = 0; i < n; i++) l->warnings[i] = w[i].text;
        free(w);
    }
    if (b->suppressed) {
        size_t more = b->suppressed;
        b->suppressed = 0;
        l->n_warnings--; /* make room: the last slot says how many were left out */
        free(l->warnings[l->n_warnings]);
        add_warning(b, 0, "%zu more warnings not shown", more + 1);
    }
    free(b->warning_lines);
    b->warning_lines = NULL;
}

static lesson_block *add_block(builder *b, lesson_block_kind kind, int line)
{
    lesson *l = b->l;
    l->blocks = grow(l->blocks, &b->cap_blocks, l->n_blocks + 1, sizeof *l->blocks);
    lesson_block *blk = &l->blocks[l->n_blocks++];
    memset(blk, 0, sizeof *blk);
    blk->kind = kind;
    blk->line = line;
    return blk;
}

/* ---- file name: number, slug, fallback title ---- */

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* "03-backprop-through-time.md" -> 3; 0 when there is no "NN-" prefix. */
static int number_of(const char *name)
{
    if (is_digit(name[0]) && is_digit(name[1]) && name[2] == '-')
        return (name[0] - '0') * 10 + (name[1] - '0');
    return 0;
}

static char *slug_of(const char *name)
{
    if (is_digit(name[0]) && is_digit(name[1]) && name[2] == '-') name += 3;
    size_t n = strlen(name);
    if (n >= 3 && strcmp(name + n - 3, ".md") == 0) n -= 3;
    char *s = xmalloc(n + 1);
    memcpy(s, name, n);
    s[n] = '\0';
    return s;
}

/* "backprop-through-time" -> "Backprop through time". */
static char *title_from_slug(const char *slug, int number, const char *lang)
{
    if (!*slug) {
        char buf[64];
        if (strcmp(lang, "zh") == 0) snprintf(buf, sizeof buf, "第 %d 课", number);
        else snprintf(buf, sizeof buf, "Lesson %d", number);
        return xstrdup(buf);
    }
    char *t = xstrdup(slug);
    for (char *p = t; *p; p++)
        if (*p == '-' || *p == '_') *p = ' ';
    if (t[0] >= 'a' && t[0] <= 'z') t[0] = (char)(t[0] - 'a' + 'A');
    return t;
}

static lesson *lesson_new(const char *path, const char *lang)
{
    lesson *l = xcalloc(1, sizeof *l);
    l->path = xstrdup(path);
    snprintf(l->lang, sizeof l->lang, "%s", lang ? lang : "");
    const char *name = base_name(path);
    l->number = number_of(name);
    l->slug = slug_of(name);
    return l;
}

/* ---- source lines, repaired ---- */

typedef struct {
    char *text; /* valid UTF-8, no control characters except '\t', NUL-terminated */
    size_t len;
} src_line;

/* Copies one raw line into out with invalid bytes and control characters
 * replaced by U+FFFD, and warns once per kind of damage. */
static void clean_line(builder *b, int line_no, const char *s, size_t n, strbuf *out)
{
    int bad_utf8 = 0;
    uint32_t bad_control = 0;
    int has_control = 0;
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        if (k == 0) {
            sb_append(out, REPLACEMENT, 3);
            bad_utf8 = 1;
            i++;
            continue;
        }
        int control = (cp < 0x20 && cp != '\t') || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
        if (control) {
            sb_append(out, REPLACEMENT, 3);
            if (!has_control) bad_control = cp;
            has_control = 1;
        } else if (!(line_no == 1 && i == 0 && cp == 0xFEFF)) { /* drop a byte-order mark */
            sb_append(out, s + i, k);
        }
        i += k;
    }
    if (bad_utf8) add_warning(b, line_no, "invalid UTF-8; the bad bytes are shown as U+FFFD");
    if (has_control)
        add_warning(b, line_no, "control character U+%04X; shown as U+FFFD", (unsigned)bad_control);
}

static src_line *split_lines(builder *b, const char *text, size_t len, size_t *n_out)
{
    size_t n = 0, cap = 0;
    src_line *lines = NULL;
    size_t pos = 0;
    int line_no = 0;
    while (pos < len) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        size_t e = end;
        if (e > pos && text[e - 1] == '\r') e--;
        line_no++;
        strbuf sb;
        sb_init(&sb);
        sb_append(&sb, "", 0);
        clean_line(b, line_no, text + pos, e - pos, &sb);
        lines = grow(lines, &cap, n + 1, sizeof *lines);
        lines[n].text = sb.data;
        lines[n].len = sb.len;
        n++;
        pos = end + 1;
    }
    *n_out = n;
    return lines;
}

/* ---- inline spans: **bold** and `code` ---- */

static size_t run_length(const char *s, size_t n, size_t i, char c)
{
    size_t k = i;
    while (k < n && s[k] == c) k++;
    return k - i;
}

enum { MEMO_RUNS = 16 };

typedef struct {
    const char *s;
    size_t n;
    /* no_closer_from[r]: a search for a closing run of r backticks starting at
     * or after this offset fails (so repeated searches stay linear). */
    size_t no_closer_from[MEMO_RUNS];
} inline_scan;

/* Offset of the backtick run of exactly `run` that closes a code span
 * opened at `from`, or SIZE_MAX. */
static size_t code_closer(inline_scan *sc, size_t from, size_t run)
{
    if (run < MEMO_RUNS && from >= sc->no_closer_from[run]) return SIZE_MAX;
    size_t j = from;
    while (j < sc->n) {
        if (sc->s[j] != '`') { j++; continue; }
        size_t r = run_length(sc->s, sc->n, j, '`');
        if (r == run) return j;
        j += r;
    }
    if (run < MEMO_RUNS && from < sc->no_closer_from[run]) sc->no_closer_from[run] = from;
    return SIZE_MAX;
}

/* Whether a "**" outside code spans follows `from`. */
static int bold_closer_exists(inline_scan *sc, size_t from)
{
    size_t j = from;
    while (j < sc->n) {
        if (sc->s[j] == '`') {
            size_t r = run_length(sc->s, sc->n, j, '`');
            size_t c = code_closer(sc, j + r, r);
            j = c == SIZE_MAX ? j + r : c + r;
        } else if (sc->s[j] == '*' && j + 1 < sc->n && sc->s[j + 1] == '*') {
            return 1;
        } else {
            j++;
        }
    }
    return 0;
}

/* Turns raw inline text into block text plus style spans. */
static void parse_inline(const char *s, size_t n, lesson_block *blk)
{
    strbuf out;
    sb_init(&out);
    sb_append(&out, "", 0);
    unsigned char *style = xmalloc(n + 1); /* style of each output byte (output <= input) */
    inline_scan sc = {.s = s, .n = n};
    for (int r = 0; r < MEMO_RUNS; r++) sc.no_closer_from[r] = SIZE_MAX;
    int bold = 0;
    int bold_ruled_out = 0; /* no closing "**" is left: every later "**" is literal */
    size_t i = 0;
    while (i < n) {
        if (s[i] == '`') {
            size_t r = run_length(s, n, i, '`');
            size_t c = code_closer(&sc, i + r, r);
            if (c == SIZE_MAX) {
                for (size_t k = 0; k < r; k++) style[out.len + k] = bold ? LESSON_STYLE_BOLD : 0;
                sb_append(&out, s + i, r);
                i += r;
                continue;
            }
            size_t a = i + r, z = c;
            /* "`` `x` ``": one space of padding on both sides is not content. */
            if (z - a >= 2 && s[a] == ' ' && s[z - 1] == ' ') { a++; z--; }
            for (size_t k = a; k < z; k++)
                style[out.len + (k - a)] = LESSON_STYLE_CODE | (bold ? LESSON_STYLE_BOLD : 0);
            sb_append(&out, s + a, z - a);
            i = c + r;
            continue;
        }
        if (s[i] == '*' && i + 1 < n && s[i + 1] == '*') {
            if (bold) {
                bold = 0;
            } else if (!bold_ruled_out && bold_closer_exists(&sc, i + 2)) {
                bold = 1;
            } else {
                bold_ruled_out = 1;
                style[out.len] = style[out.len + 1] = 0;
                sb_append(&out, "**", 2);
            }
            i += 2;
            continue;
        }
        style[out.len] = bold ? LESSON_STYLE_BOLD : 0;
        sb_append(&out, s + i, 1);
        i++;
    }
    /* bold is closed here: it opens only when bold_closer_exists() found the
     * "**" this loop will meet, with code spans skipped the same way. */

    /* Runs of equal, non-plain style become spans. */
    size_t n_spans = 0, cap = 0;
    lesson_span *spans = NULL;
    size_t k = 0;
    while (k < out.len) {
        size_t e = k;
        while (e < out.len && style[e] == style[k]) e++;
        if (style[k]) {
            spans = grow(spans, &cap, n_spans + 1, sizeof *spans);
            spans[n_spans++] = (lesson_span){k, e, style[k]};
        }
        k = e;
    }
    free(style);
    blk->text = out.data;
    blk->len = out.len;
    blk->spans = spans;
    blk->n_spans = n_spans;
}

/* ---- block structure ---- */

static int is_space(char c) { return c == ' ' || c == '\t'; }

static size_t skip_spaces(const char *s, size_t n, size_t i)
{
    while (i < n && is_space(s[i])) i++;
    return i;
}

static size_t trim_end(const char *s, size_t n)
{
    while (n > 0 && is_space(s[n - 1])) n--;
    return n;
}

/* Heading level of "## Text" (1..3), or 0. *text_at receives the text offset. */
static int heading_level(const char *s, size_t n, size_t *text_at)
{
    size_t h = run_length(s, n, 0, '#');
    if (h < 1 || h > 3 || h >= n || s[h] != ' ') return 0;
    size_t t = skip_spaces(s, n, h);
    if (t >= trim_end(s, n)) return 0;
    *text_at = t;
    return (int)h;
}

/* Opening fence: up to three spaces, then ``` or more. Returns the run length. */
static size_t fence_open(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && i < 3 && s[i] == ' ') i++;
    size_t r = run_length(s, n, i, '`');
    return r >= 3 ? r : 0;
}

/* Closing fence: only backticks (at least `need`), spaces around allowed. */
static int fence_close(const char *s, size_t n, size_t need)
{
    size_t i = skip_spaces(s, n, 0);
    size_t r = run_length(s, n, i, '`');
    return r >= need && skip_spaces(s, n, i + r) == n;
}

/* "- text" or "12. text" (after optional indentation). Returns the text
 * offset and fills marker, or returns 0. */
static size_t list_item(const char *s, size_t n, char marker[8])
{
    size_t i = skip_spaces(s, n, 0);
    if (i + 1 < n && s[i] == '-' && s[i + 1] == ' ') {
        size_t t = skip_spaces(s, n, i + 2);
        if (t >= trim_end(s, n)) return 0;
        strcpy(marker, "\xE2\x80\xA2"); /* • */
        return t;
    }
    size_t d = i;
    while (d < n && is_digit(s[d])) d++;
    if (d == i || d - i > 3 || d + 1 >= n || s[d] != '.' || s[d + 1] != ' ') return 0;
    size_t t = skip_spaces(s, n, d + 2);
    if (t >= trim_end(s, n)) return 0;
    snprintf(marker, 8, "%.*s.", (int)(d - i), s + i);
    return t;
}

/* The code point that decides how two joined lines meet: skips the inline
 * markers "*" and "`" so that "**门控**" still ends in a CJK character. */
static uint32_t edge_char(const char *s, size_t n, int last)
{
    if (last) {
        size_t e = n;
        while (e > 0 && (s[e - 1] == '*' || s[e - 1] == '`')) e--;
        if (e == 0) return 0;
        size_t b = e - 1;
        while (b > 0 && ((unsigned char)s[b] & 0xC0) == 0x80) b--;
        uint32_t cp;
        return utf8_decode(s + b, e - b, &cp) ? cp : 0;
    }
    size_t b = 0;
    while (b < n && (s[b] == '*' || s[b] == '`')) b++;
    uint32_t cp;
    return b < n && utf8_decode(s + b, n - b, &cp) ? cp : 0;
}

typedef struct {
    builder *b;
    lesson_block_kind kind; /* of the open text block */
    int open;               /* a paragraph, list item or note is collecting lines */
    int line;
    char marker[8];
    strbuf raw;             /* its source text so far, lines joined */
} text_block;

/* Appends one source line to the open text block (tabs become spaces). */
static void join_line(text_block *tb, const char *s, size_t n)
{
    size_t a = skip_spaces(s, n, 0), z = trim_end(s, n);
    if (a >= z) return;
    if (tb->raw.len > 0) {
        uint32_t left = edge_char(tb->raw.data, tb->raw.len, 1);
        uint32_t right = edge_char(s + a, z - a, 0);
        /* Chinese has no spaces between words: a line break inside Chinese
         * text must not turn into one. */
        if (!(text_is_cjk(left) && text_is_cjk(right))) sb_append(&tb->raw, " ", 1);
    }
    for (size_t i = a; i < z; i++) sb_append(&tb->raw, s[i] == '\t' ? " " : s + i, 1);
}

static void open_text(text_block *tb, lesson_block_kind kind, int line, const char *marker)
{
    tb->open = 1;
    tb->kind = kind;
    tb->line = line;
    snprintf(tb->marker, sizeof tb->marker, "%s", marker ? marker : "");
    tb->raw.len = 0;
    if (tb->raw.data) tb->raw.data[0] = '\0';
}

static void close_text(text_block *tb)
{
    if (!tb->open) return;
    tb->open = 0;
    if (tb->raw.len == 0) return;
    lesson_block *blk = add_block(tb->b, tb->kind, tb->line);
    snprintf(blk->marker, sizeof blk->marker, "%s", tb->marker);
    parse_inline(tb->raw.data, tb->raw.len, blk);
}

static void add_heading(builder *b, int level, int line, const char *s, size_t n)
{
    lesson_block *blk = add_block(b, LESSON_HEADING, line);
    blk->level = level;
    parse_inline(s, trim_end(s, n), blk);
    if (level >= 2) {
        lesson *l = b->l;
        l->toc = grow(l->toc, &b->cap_toc, l->n_toc + 1, sizeof *l->toc);
        l->toc[l->n_toc++] = (lesson_toc_entry){l->n_blocks - 1, level};
    }
}

/* Fence lines keep their spacing; tabs go to the next multiple of 4 columns. */
static void append_fence_line(strbuf *fence, size_t *n_lines, const char *s, size_t n)
{
    if ((*n_lines)++ > 0) sb_append(fence, "\n", 1);
    size_t col = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\t') {
            do { sb_append(fence, " ", 1); col++; } while (col % FENCE_TAB_STOP);
        } else {
            sb_append(fence, s + i, 1);
            if (((unsigned char)s[i] & 0xC0) != 0x80) col++;
        }
    }
}

static void parse_blocks(builder *b, src_line *lines, size_t n_lines)
{
    lesson *l = b->l;
    text_block tb = {.b = b};
    sb_init(&tb.raw);
    sb_append(&tb.raw, "", 0);

    /* The title: the first non-blank line, when it is "# Title". */
    size_t first = 0;
    while (first < n_lines && skip_spaces(lines[first].text, lines[first].len, 0) == lines[first].len)
        first++;
    size_t at;
    if (first < n_lines && heading_level(lines[first].text, lines[first].len, &at) == 1) {
        add_heading(b, 1, (int)first + 1, lines[first].text + at, lines[first].len - at);
        first++;
    } else {
        add_warning(b, first < n_lines ? (int)first + 1 : 1,
                    "no title (the first line should be '# Title'); using the file name");
        lesson_block *blk = add_block(b, LESSON_HEADING, 0);
        blk->level = 1;
        char *t = title_from_slug(l->slug, l->number, l->lang);
        parse_inline(t, strlen(t), blk);
        free(t);
        first = 0;
    }
    l->title = xstrdup(l->blocks[0].text);

    int in_fence = 0;
    size_t fence_run = 0, fence_lines = 0;
    int fence_line = 0;
    strbuf fence;
    sb_init(&fence);
    sb_append(&fence, "", 0);
    for (size_t i = first; i < n_lines; i++) {
        const char *s = lines[i].text;
        size_t n = lines[i].len;
        int ln = (int)i + 1;
        if (in_fence) {
            if (fence_close(s, n, fence_run)) {
                lesson_block *blk = add_block(b, LESSON_FENCE, fence_line);
                blk->text = xstrdup(fence.data);
                blk->len = fence.len;
                in_fence = 0;
            } else {
                append_fence_line(&fence, &fence_lines, s, n);
            }
            continue;
        }
        size_t t = skip_spaces(s, n, 0);
        if (t == n) { close_text(&tb); continue; }
        size_t run = fence_open(s, n);
        if (run) {
            close_text(&tb);
            in_fence = 1;
            fence_run = run;
            fence_line = ln;
            fence_lines = 0;
            fence.len = 0;
            fence.data[0] = '\0';
            continue;
        }
        int level = heading_level(s, n, &at);
        if (level) {
            close_text(&tb);
            add_heading(b, level, ln, s + at, n - at);
            continue;
        }
        if (s[t] == '>') {
            size_t a = t + 1;
            if (a < n && s[a] == ' ') a++;
            if (skip_spaces(s, n, a) == n) { close_text(&tb); continue; } /* ">" alone ends a note */
            if (!tb.open || tb.kind != LESSON_NOTE) {
                close_text(&tb);
                open_text(&tb, LESSON_NOTE, ln, NULL);
            }
            join_line(&tb, s + a, n - a);
            continue;
        }
        char marker[8];
        size_t item = list_item(s, n, marker);
        if (item) {
            close_text(&tb);
            open_text(&tb, LESSON_LIST_ITEM, ln, marker);
            join_line(&tb, s + item, n - item);
            continue;
        }
        /* Plain text continues whatever text block is open (also a list item
         * or a note: a wrapped source line belongs to it). */
        if (!tb.open) open_text(&tb, LESSON_PARAGRAPH, ln, NULL);
        join_line(&tb, s, n);
    }
    close_text(&tb);
    if (in_fence) {
        add_warning(b, fence_line,
                    "this ``` fence is never closed; it runs to the end of the file");
        lesson_block *blk = add_block(b, LESSON_FENCE, fence_line);
        blk->text = xstrdup(fence.data);
        blk->len = fence.len;
    }
    sb_free(&fence);
    sb_free(&tb.raw);
}

lesson *lesson_parse(const char *text, size_t len, const char *path, const char *lang)
{
    builder b = {.l = lesson_new(path, lang)};
    size_t n_lines = 0;
    src_line *lines = split_lines(&b, text, len, &n_lines);
    parse_blocks(&b, lines, n_lines);
    for (size_t i = 0; i < n_lines; i++) free(lines[i].text);
    free(lines);
    finish_warnings(&b);
    return b.l;
}

/* Adds a finished message (taking ownership) to a lesson after parsing. */
static void append_warning(lesson *l, char *msg)
{
    l->warnings = xrealloc(l->warnings, (l->n_warnings + 1) * sizeof *l->warnings);
    l->warnings[l->n_warnings++] = msg;
}

lesson *lesson_placeholder(int number, const char *path, const char *lang, const char *reason)
{
    builder b = {.l = lesson_new(path, lang)};
    lesson *l = b.l;
    if (number > 0) l->number = number;
    l->placeholder = 1;
    int zh = lang && strcmp(lang, "zh") == 0;
    char title[96];
    if (zh) snprintf(title, sizeof title, "第 %d 课（无法加载）", l->number);
    else snprintf(title, sizeof title, "Lesson %d (could not be loaded)", l->number);
    l->title = xstrdup(title);
    lesson_block *h = add_block(&b, LESSON_HEADING, 0);
    h->level = 1;
    parse_inline(title, strlen(title), h);
    strbuf sb;
    sb_init(&sb);
    sb_puts(&sb, zh ? "这一课无法加载：" : "This lesson could not be loaded: ");
    sb_puts(&sb, reason);
    lesson_block *p = add_block(&b, LESSON_PARAGRAPH, 0);
    p->text = sb.data;
    p->len = sb.len;
    append_warning(l, xstrdup(reason));
    return l;
}

lesson *lesson_load(const char *path, const char *lang)
{
    char err[ERRBUF];
    size_t len = 0;
    char *text = file_read(path, MAX_LESSON_BYTES, &len, err, sizeof err);
    if (!text) return lesson_placeholder(0, path, lang, err);
    lesson *l = lesson_parse(text, len, path, lang);
    free(text);
    return l;
}

void lesson_free(lesson *l)
{
    if (!l) return;
    for (size_t i = 0; i < l->n_blocks; i++) {
        free(l->blocks[i].text);
        free(l->blocks[i].spans);
    }
    for (size_t i = 0; i < l->n_warnings; i++) free(l->warnings[i]);
    free(l->blocks);
    free(l->toc);
    free(l->warnings);
    free(l->title);
    free(l->slug);
    free(l->path);
    free(l);
}

/* ---- a language directory ---- */

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int is_lesson_file(const char *name)
{
    size_t n = strlen(name);
    int num = number_of(name);
    return num >= 1 && num <= LESSON_COUNT && n > 6 && strcmp(name + n - 3, ".md") == 0;
}

lesson_set *lesson_load_dir(const char *dir, const char *lang)
{
    lesson_set *set = xcalloc(1, sizeof *set);
    snprintf(set->lang, sizeof set->lang, "%s", lang ? lang : "");
    char **names = NULL;
    size_t n = 0, cap = 0;
    char reason[ERRBUF] = "";
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (!is_lesson_file(e->d_name)) continue;
            names = grow(names, &cap, n + 1, sizeof *names);
            names[n++] = xstrdup(e->d_name);
        }
        closedir(d);
        qsort(names, n, sizeof *names, cmp_names);
    } else {
        snprintf(reason, sizeof reason, "%s: cannot open the lesson folder", dir);
    }
    for (size_t i = 0; i < n; i++) {
        int num = number_of(names[i]);
        lesson **slot = &set->lessons[num - 1];
        char *path = paths_join(dir, names[i]);
        if (!*slot) {
            *slot = lesson_load(path, lang);
        } else {
            strbuf sb;
            sb_init(&sb);
            sb_printf(&sb, "%s: also numbered %02d; this file is ignored", path, num);
            append_warning(*slot, sb.data);
        }
        free(path);
        free(names[i]);
    }
    free(names);
    for (int i = 0; i < LESSON_COUNT; i++) {
        if (set->lessons[i]) continue;
        char pattern[32];
        snprintf(pattern, sizeof pattern, "%02d-*.md", i + 1);
        char *path = paths_join(dir, pattern);
        char msg[ERRBUF + 64];
        if (reason[0]) snprintf(msg, sizeof msg, "%s", reason);
        else snprintf(msg, sizeof msg, "%s: no such lesson file", path);
        set->lessons[i] = lesson_placeholder(i + 1, path, lang, msg);
        free(path);
    }
    return set;
}

lesson_set *lesson_load_all(const char *lang, char *err, size_t errlen)
{
    char rel[32];
    snprintf(rel, sizeof rel, "content/%s", lang);
    char *dir = paths_data_file(rel);
    if (!dir) {
        snprintf(err, errlen,
                 "no course files found: set SEQTUTOR_HOME to the folder that holds content/ "
                 "(see 'seqtutor --version')");
        return NULL;
    }
    lesson_set *set = lesson_load_dir(dir, lang);
    free(dir);
    return set;
}

void lesson_set_free(lesson_set *set)
{
    if (!set) return;
    for (int i = 0; i < LESSON_COUNT; i++) lesson_free(set->lessons[i]);
    free(set);
}

/* ---- sections ---- */

long lesson_section_of_block(const lesson *l, size_t block)
{
    /* Binary search: the last TOC entry whose block is <= block. */
    size_t lo = 0, hi = l->n_toc;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (l->toc[mid].block <= block) lo = mid + 1;
        else hi = mid;
    }
    return (long)lo - 1;
}

size_t lesson_section_block(const lesson *l, long section)
{
    if (section < 0 || l->n_toc == 0) return 0;
    if ((size_t)section >= l->n_toc) section = (long)l->n_toc - 1;
    return l->toc[section].block;
}

size_t lesson_same_section(const lesson *from, size_t block, const lesson *to)
{
    return lesson_section_block(to, lesson_section_of_block(from, block));
}

static int fold(unsigned char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; }

static int matches_at(const char *text, size_t len, size_t at, const char *needle, size_t n)
{
    if (at + n > len) return 0;
    for (size_t i = 0; i < n; i++)
        if (fold((unsigned char)text[at + i]) != fold((unsigned char)needle[i])) return 0;
    return 1;
}

int lesson_search(const lesson *l, const char *needle, size_t block, size_t offset, int backward,
                  size_t *found_block, size_t *found_offset)
{
    size_t n = strlen(needle);
    if (n == 0 || l->n_blocks == 0) return 0;
    if (block >= l->n_blocks) {
        if (!backward) return 0;
        block = l->n_blocks - 1;
        offset = l->blocks[block].len + 1;
    }
    if (!backward) {
        for (size_t b = block; b < l->n_blocks; b++) {
            const lesson_block *blk = &l->blocks[b];
            for (size_t at = b == block ? offset : 0; at + n <= blk->len; at++) {
                if (((unsigned char)blk->text[at] & 0xC0) == 0x80) continue; /* mid-character */
                if (matches_at(blk->text, blk->len, at, needle, n)) {
                    *found_block = b;
                    *found_offset = at;
                    return 1;
                }
            }
        }
        return 0;
    }
    for (size_t b = block + 1; b-- > 0;) {
        const lesson_block *blk = &l->blocks[b];
        size_t limit = blk->len + 1; /* candidates are the offsets below limit */
        if (b == block && offset < limit) limit = offset;
        for (size_t at = limit; at-- > 0;) {
            if (((unsigned char)blk->text[at] & 0xC0) == 0x80) continue;
            if (matches_at(blk->text, blk->len, at, needle, n)) {
                *found_block = b;
                *found_offset = at;
                return 1;
            }
        }
    }
    return 0;
}

size_t lesson_style_runs(const lesson_block *b, size_t start, size_t end, lesson_span *out,
                         size_t max)
{
    if (end > b->len) end = b->len;
    if (start >= end) return 0;
    /* First span that ends after start. */
    size_t lo = 0, hi = b->n_spans;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (b->spans[mid].end <= start) lo = mid + 1;
        else hi = mid;
    }
    size_t count = 0, pos = start;
    for (size_t k = lo; pos < end; k++) {
        lesson_span run;
        if (k < b->n_spans && b->spans[k].start < end) {
            const lesson_span *sp = &b->spans[k];
            if (sp->start > pos) {
                run = (lesson_span){pos, sp->start, 0};
                if (count < max) out[count] = run;
                count++;
            }
            size_t a = sp->start > pos ? sp->start : pos;
            size_t z = sp->end < end ? sp->end : end;
            run = (lesson_span){a, z, sp->style};
            pos = z;
        } else {
            run = (lesson_span){pos, end, 0};
            pos = end;
        }
        if (count < max) out[count] = run;
        count++;
    }
    return count;
}
