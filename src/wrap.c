/* wrap.c — see wrap.h. */
#include "wrap.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

int text_is_cjk(uint32_t cp)
{
    return (cp >= 0x1100 && cp <= 0x115F)     /* Hangul Jamo */
        || (cp >= 0x2E80 && cp <= 0x303F)     /* radicals, Kangxi, CJK symbols and punctuation */
        || (cp >= 0x3040 && cp <= 0x33FF)     /* kana, bopomofo, Hangul compatibility, enclosed */
        || (cp >= 0x3400 && cp <= 0x4DBF)     /* extension A */
        || (cp >= 0x4E00 && cp <= 0x9FFF)     /* unified ideographs */
        || (cp >= 0xA960 && cp <= 0xA97F)     /* Hangul Jamo extended A */
        || (cp >= 0xAC00 && cp <= 0xD7AF)     /* Hangul syllables */
        || (cp >= 0xF900 && cp <= 0xFAFF)     /* compatibility ideographs */
        || (cp >= 0xFE30 && cp <= 0xFE4F)     /* compatibility forms */
        || (cp >= 0xFF00 && cp <= 0xFF60)     /* fullwidth forms */
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x20000 && cp <= 0x3FFFD);  /* extensions B and later */
}

/* Used only when wcwidth() does not know a character (the locale is not
 * UTF-8): a rough but safe estimate. */
static int builtin_width(uint32_t cp)
{
    if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
        (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
        (cp >= 0xFE20 && cp <= 0xFE2F) || (cp >= 0x200B && cp <= 0x200F))
        return 0;
    if (text_is_cjk(cp) || (cp >= 0x1F300 && cp <= 0x1FAFF)) return 2;
    return 1;
}

static int char_width(uint32_t cp)
{
    if (cp < 0x80) return 1; /* controls, which the parser never lets through, count as 1 */
    /* glibc's wchar_t holds the code point in every locale, so the code
     * point decoded here is what mbrtowc() would give in a UTF-8 locale. */
    int w = wcwidth((wchar_t)cp);
    return w >= 0 ? w : builtin_width(cp);
}

/* A character with the combining marks that follow it: the smallest piece
 * that is measured, clipped and moved to the next line as one. */
typedef struct {
    uint32_t cp;  /* the base character (U+FFFD for an invalid byte) */
    size_t len;   /* bytes, including the marks */
    int width;
    int wide;     /* CJK or another two-column character: lines may break around it */
} cluster;

static cluster cluster_at(const char *s, size_t len, size_t i)
{
    cluster k;
    size_t n = utf8_decode(s + i, len - i, &k.cp);
    if (n == 0) { /* an invalid byte stands alone, one column wide */
        k.cp = 0xFFFD;
        k.len = 1;
        k.width = 1;
        k.wide = 0;
        return k;
    }
    k.len = n;
    k.width = char_width(k.cp);
    k.wide = k.width == 2 || text_is_cjk(k.cp);
    while (i + k.len < len) {
        uint32_t next;
        size_t m = utf8_decode(s + i + k.len, len - i - k.len, &next);
        if (m == 0 || next < 0x80 || char_width(next) != 0) break;
        k.len += m;
    }
    return k;
}

int text_width(const char *s, size_t len)
{
    int w = 0;
    for (size_t i = 0; i < len;) {
        cluster k = cluster_at(s, len, i);
        w += k.width;
        i += k.len;
    }
    return w;
}

size_t text_clip(const char *s, size_t len, int width, int *used)
{
    int w = 0;
    size_t i = 0;
    while (i < len) {
        cluster k = cluster_at(s, len, i);
        if (w + k.width > width) break;
        w += k.width;
        i += k.len;
    }
    if (used) *used = w;
    return i;
}

size_t text_skip(const char *s, size_t len, int cols, int *skipped)
{
    int w = 0;
    size_t i = 0;
    while (i < len && w < cols) {
        cluster k = cluster_at(s, len, i);
        w += k.width;
        i += k.len;
    }
    if (skipped) *skipped = w;
    return i;
}

/* Closing punctuation: must not begin a line. */
static int no_line_start(uint32_t cp)
{
    switch (cp) {
    case ',': case '.': case ';': case ':': case '?': case '!': case ')': case ']': case '}':
    case 0xFF0C: /* ， */ case 0x3002: /* 。 */ case 0x3001: /* 、 */ case 0xFF1B: /* ； */
    case 0xFF1A: /* ： */ case 0xFF1F: /* ？ */ case 0xFF01: /* ！ */ case 0xFF09: /* ） */
    case 0x300D: /* 」 */ case 0x300F: /* 』 */ case 0x300B: /* 》 */ case 0x3011: /* 】 */
    case 0x3009: /* 〉 */ case 0x201D: /* ” */ case 0x2019: /* ’ */ case 0x2026: /* … */
    case 0xFF0E: /* ． */
        return 1;
    default:
        return 0;
    }
}

/* Opening punctuation: must not end a line. */
static int no_line_end(uint32_t cp)
{
    switch (cp) {
    case '(': case '[': case '{':
    case 0xFF08: /* （ */ case 0x300C: /* 「 */ case 0x300E: /* 『 */ case 0x300A: /* 《 */
    case 0x3010: /* 【 */ case 0x3008: /* 〈 */ case 0x201C: /* “ */ case 0x2018: /* ‘ */
        return 1;
    default:
        return 0;
    }
}

typedef struct {
    wrap_line *v;
    size_t n, cap;
} line_vec;

/* Adds line [start, end) without its trailing spaces (each one column). */
static void push_line(line_vec *lv, const char *s, size_t start, size_t end, int width)
{
    while (end > start && s[end - 1] == ' ') {
        end--;
        width--;
    }
    if (lv->n == lv->cap) {
        lv->cap = lv->cap ? lv->cap * 2 : 8;
        lv->v = xrealloc(lv->v, lv->cap * sizeof *lv->v);
    }
    lv->v[lv->n++] = (wrap_line){start, end, width};
}

/* Greedy wrapping in one pass: remember the last place the line may break;
 * when a character does not fit, end the line there (or, if the line has no
 * such place, cut it just before the character). */
static void wrap_into(const char *s, size_t len, int width, line_vec *lv)
{
    if (width < 1) width = 1;
    size_t start = 0, pos = 0;
    int col = 0;                 /* columns of s[start..pos) */
    int have_brk = 0;            /* the line has a permitted break: */
    size_t brk_end = 0;          /*   the line would end here */
    size_t brk_next = 0;         /*   and the next begin here (after the spaces) */
    int brk_end_col = 0, brk_next_col = 0;
    int have_prev = 0;           /* a non-space cluster ends right at pos, on this line */
    uint32_t prev_cp = 0;
    int prev_wide = 0;
    while (pos < len) {
        if (s[pos] == '\n') {
            push_line(lv, s, start, pos, col);
            start = ++pos;
            col = 0;
            have_brk = have_prev = 0;
            continue;
        }
        if (s[pos] == ' ') {
            size_t q = pos;
            while (q < len && s[q] == ' ') q++;
            if (pos > start && have_prev && !no_line_end(prev_cp)) {
                uint32_t next = 0;
                if (q < len && s[q] != '\n') next = cluster_at(s, len, q).cp;
                if (!no_line_start(next)) {
                    have_brk = 1;
                    brk_end = pos;
                    brk_end_col = col;
                    brk_next = q;
                    brk_next_col = col + (int)(q - pos);
                }
            }
            col += (int)(q - pos);
            pos = q;
            have_prev = 0;
            continue;
        }
        cluster k = cluster_at(s, len, pos);
        if (have_prev && pos > start && (prev_wide || k.wide) && !no_line_end(prev_cp) &&
            !no_line_start(k.cp)) {
            have_brk = 1;
            brk_end = brk_next = pos;
            brk_end_col = brk_next_col = col;
        }
        if (col + k.width > width && pos > start) {
            if (have_brk) {
                push_line(lv, s, start, brk_end, brk_end_col);
                start = brk_next;
                col -= brk_next_col;
                have_brk = 0;
            }
            /* No permitted break, or what follows it is still too wide: a word
             * longer than the line, or a run of unbreakable punctuation. */
            if (col + k.width > width && pos > start) {
                push_line(lv, s, start, pos, col);
                start = pos;
                col = 0;
            }
        }
        col += k.width;
        pos += k.len;
        have_prev = 1;
        prev_cp = k.cp;
        prev_wide = k.wide;
    }
    push_line(lv, s, start, len, col);
}

size_t wrap_text(const char *s, size_t len, int width, wrap_line **out)
{
    line_vec lv = {0};
    wrap_into(s, len, width, &lv);
    *out = lv.v;
    return lv.n;
}

/* ---- lesson layout ---- */

typedef struct {
    lesson_layout *lay;
    size_t cap;
} layout_builder;

static layout_line *add_line(layout_builder *lb, layout_kind kind, size_t block)
{
    lesson_layout *lay = lb->lay;
    if (lay->n_lines == lb->cap) {
        lb->cap = lb->cap ? lb->cap * 2 : 64;
        lay->lines = xrealloc(lay->lines, lb->cap * sizeof *lay->lines);
    }
    layout_line *ln = &lay->lines[lay->n_lines++];
    memset(ln, 0, sizeof *ln);
    ln->kind = kind;
    ln->block = block;
    return ln;
}

static layout_kind kind_of(lesson_block_kind k)
{
    switch (k) {
    case LESSON_HEADING: return LAYOUT_HEADING;
    case LESSON_LIST_ITEM: return LAYOUT_LIST;
    case LESSON_NOTE: return LAYOUT_NOTE;
    case LESSON_FENCE: return LAYOUT_FENCE;
    case LESSON_PARAGRAPH: break;
    }
    return LAYOUT_TEXT;
}

lesson_layout *lesson_layout_new(const lesson *l, int width)
{
    if (width < 8) width = 8;
    lesson_layout *lay = xcalloc(1, sizeof *lay);
    lay->width = width;
    lay->n_blocks = l->n_blocks;
    lay->block_first = xcalloc(l->n_blocks ? l->n_blocks : 1, sizeof *lay->block_first);
    layout_builder lb = {lay, 0};
    line_vec lv = {0};
    for (size_t b = 0; b < l->n_blocks; b++) {
        const lesson_block *blk = &l->blocks[b];
        int tight = b > 0 && blk->kind == LESSON_LIST_ITEM &&
                    l->blocks[b - 1].kind == LESSON_LIST_ITEM;
        if (b > 0 && !tight) add_line(&lb, LAYOUT_BLANK, b);
        lay->block_first[b] = lay->n_lines;
        layout_kind kind = kind_of(blk->kind);
        if (kind == LAYOUT_FENCE) {
            size_t a = 0;
            for (;;) {
                const char *nl = memchr(blk->text + a, '\n', blk->len - a);
                size_t z = nl ? (size_t)(nl - blk->text) : blk->len;
                layout_line *ln = add_line(&lb, kind, b);
                ln->start = a;
                ln->end = z;
                ln->width = text_width(blk->text + a, z - a);
                ln->first = a == 0;
                if (!nl) break;
                a = z + 1;
            }
            continue;
        }
        int indent = kind == LAYOUT_LIST ? text_width(blk->marker, strlen(blk->marker)) + 1
                   : kind == LAYOUT_NOTE ? LAYOUT_NOTE_INDENT
                                         : 0;
        lv.n = 0;
        wrap_into(blk->text, blk->len, width - indent, &lv);
        for (size_t i = 0; i < lv.n; i++) {
            layout_line *ln = add_line(&lb, kind, b);
            ln->level = blk->kind == LESSON_HEADING ? blk->level : 0;
            ln->start = lv.v[i].start;
            ln->end = lv.v[i].end;
            ln->width = lv.v[i].width;
            ln->indent = indent;
            ln->first = i == 0;
        }
    }
    free(lv.v);
    return lay;
}

void lesson_layout_free(lesson_layout *lay)
{
    if (!lay) return;
    free(lay->lines);
    free(lay->block_first);
    free(lay);
}

size_t lesson_layout_find(const lesson_layout *lay, size_t block, size_t offset)
{
    if (lay->n_lines == 0) return 0;
    if (block >= lay->n_blocks) return lay->n_lines - 1;
    size_t i = lay->block_first[block];
    size_t best = i;
    for (; i < lay->n_lines && lay->lines[i].block == block; i++) {
        if (lay->lines[i].start > offset) {
            /* offset lies in spaces dropped before this line: show this line */
            if (i > best && offset >= lay->lines[i - 1].end) best = i;
            break;
        }
        best = i;
    }
    return best;
}
