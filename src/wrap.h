/* wrap.h — display width of UTF-8 text, clipping, and line wrapping that
 * knows about CJK text; plus the layout of a whole lesson for a width.
 *
 * Widths come from wcwidth(), so LC_CTYPE must be a UTF-8 locale
 * (lang_setup_locale() sees to that; unit tests call
 * setlocale(LC_CTYPE, "C.UTF-8")). When it is not, a built-in estimate is
 * used (2 columns for CJK and other wide characters, 0 for combining marks,
 * 1 for the rest). Invalid bytes and characters wcwidth calls unprintable
 * (tabs, control characters) count as 1 column each, so a width is never
 * negative and every byte is accounted for.
 *
 * Wrapping rules (wrap_text):
 * - a line may break at spaces; the spaces at the break are dropped (a line
 *   never ends or, if it is a continuation, starts with the spaces of a break);
 * - a line may also break between two characters when either is CJK (or
 *   another wide character), so Chinese text breaks anywhere and a CJK
 *   character may break from adjacent Latin text;
 * - no line starts with ，。、；：？！）」』》】〉”’ or ASCII ,.;:?!)]} and
 *   none ends with （「『《【〈“‘ or ASCII ([{ — such a character moves
 *   to the next line together with its neighbour;
 * - Latin words are never split unless one is wider than the whole line;
 *   then it (or any unbreakable run) is cut at the width;
 * - a wide character never straddles the right edge; combining marks
 *   (width 0) always stay with the character before them;
 * - '\n' forces a break (an empty line for "\n\n").
 * Every line is at most `width` columns, except when a single character is
 * wider than the line (width 1 and a CJK character).
 */
#ifndef SEQTUTOR_WRAP_H
#define SEQTUTOR_WRAP_H

#include "lesson.h"

#include <stddef.h>
#include <stdint.h>

/* Display columns of s[0..len). */
int text_width(const char *s, size_t len);

/* The longest prefix of s[0..len) that fits in `width` columns, in bytes.
 * Never splits a character and keeps combining marks with their base.
 * *used (if not NULL) receives the prefix's width. */
size_t text_clip(const char *s, size_t len, int width, int *used);

/* For horizontal scrolling: the byte offset of the first character that
 * starts at column `cols` or later. *skipped (if not NULL) receives the
 * columns passed over: cols, or cols + 1 when a wide character straddled
 * the column (the front end pads that column with a space). */
size_t text_skip(const char *s, size_t len, int cols, int *skipped);

/* 1 for CJK ideographs, kana, hangul, CJK and fullwidth punctuation. */
int text_is_cjk(uint32_t cp);

typedef struct {
    size_t start, end; /* bytes [start, end) of the wrapped text */
    int width;         /* display columns of that range */
} wrap_line;

/* Wraps s[0..len) to `width` columns (values below 1 are taken as 1).
 * Stores a malloc'd array of lines in *out (the caller frees it) and returns
 * how many there are: at least 1, an empty text gives one empty line. */
size_t wrap_text(const char *s, size_t len, int width, wrap_line **out);

/* ---- a lesson laid out for a screen width ---- */

typedef enum {
    LAYOUT_BLANK,   /* empty line between blocks */
    LAYOUT_HEADING, /* see level */
    LAYOUT_TEXT,    /* paragraph */
    LAYOUT_LIST,    /* list item: the first line shows the marker in the indent */
    LAYOUT_NOTE,    /* note: the indent holds a bar ("│ " or "> ") */
    LAYOUT_FENCE    /* one verbatim line of a fence, not wrapped */
} layout_kind;

enum { LAYOUT_NOTE_INDENT = 2 };

typedef struct {
    layout_kind kind;
    int level;         /* LAYOUT_HEADING: 1..3; 0 otherwise */
    size_t block;      /* lesson block shown; for LAYOUT_BLANK the block that follows */
    size_t start, end; /* bytes of blocks[block].text on this line (BLANK: 0, 0).
                        * LAYOUT_FENCE: the whole fence line, however wide */
    int width;         /* display columns of [start, end); a fence line may exceed
                        * the layout width: the front end clips it (with "›") */
    int indent;        /* columns before the text: list items marker width + 1 on
                        * every line (hanging indent), notes LAYOUT_NOTE_INDENT */
    int first;         /* 1 on the first line of its block (where a list marker goes) */
} layout_line;

typedef struct {
    int width;           /* the width it was laid out for */
    layout_line *lines;
    size_t n_lines;
    size_t *block_first; /* block_first[b]: index of the first line of block b */
    size_t n_blocks;
} lesson_layout;

/* Lays out a lesson for `width` columns (values below 8 are taken as 8).
 * Blank lines go between blocks, except between consecutive list items.
 * Text lines (with their indent) never exceed the width; fence lines may.
 * The layout refers to the lesson's text: free it before the lesson. */
lesson_layout *lesson_layout_new(const lesson *l, int width);
void lesson_layout_free(lesson_layout *lay);

/* The line that shows byte `offset` of block `block` — use it to keep the
 * reading position across a resize (remember block and start of the top
 * line) and to scroll to a search match. An offset in the spaces dropped at
 * a break gives the next line; a block past the end gives the last line. */
size_t lesson_layout_find(const lesson_layout *lay, size_t block, size_t offset);

#endif
