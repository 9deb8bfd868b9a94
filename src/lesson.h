/* lesson.h — the lessons of the course as a model: parsed from a small
 * Markdown subset (docs/content-format.md) into blocks of UTF-8 text with
 * style spans. No terminal code here; wrap.h lays a lesson out for a width.
 *
 * Ownership: lesson_parse, lesson_load and lesson_load_dir/_all return
 * objects the caller owns and releases with lesson_free / lesson_set_free.
 * Every string inside belongs to its lesson and lives until lesson_free.
 *
 * Errors: a lesson never fails to load. Malformed input (no title, a fence
 * that is never closed, invalid UTF-8, control characters) is repaired and
 * noted in lesson.warnings as "FILE:LINE: message". A file that is missing
 * or cannot be read becomes a placeholder lesson (placeholder = 1) whose
 * text says what went wrong and which carries the same message as a warning.
 * Only a missing data home makes lesson_load_all return NULL.
 *
 * Block text has no Markdown markers left: "**" and backticks that form a
 * span are removed and recorded as spans instead. Paragraph, list and note
 * text is one line (source lines joined; no space is inserted between two
 * CJK characters); fence text keeps its lines, joined by '\n', with tabs
 * expanded to spaces.
 */
#ifndef SEQTUTOR_LESSON_H
#define SEQTUTOR_LESSON_H

#include <stddef.h>

enum { LESSON_COUNT = 10 };

typedef enum {
    LESSON_HEADING,   /* level 1 (the title, "# "), 2 ("## ") or 3 ("### ") */
    LESSON_PARAGRAPH,
    LESSON_LIST_ITEM, /* marker is "•" for "- " items, "N." for numbered ones */
    LESSON_FENCE,     /* verbatim lines between ``` fences; never re-wrapped */
    LESSON_NOTE       /* "> " lines */
} lesson_block_kind;

/* Style bits; a span may carry both (a code span inside bold text). */
enum { LESSON_STYLE_PLAIN = 0, LESSON_STYLE_BOLD = 1, LESSON_STYLE_CODE = 2 };

typedef struct {
    size_t start, end; /* byte range [start, end) of the block text */
    int style;         /* LESSON_STYLE_* bits, never 0 in lesson_block.spans */
} lesson_span;

typedef struct {
    lesson_block_kind kind;
    int level;          /* LESSON_HEADING: 1..3; 0 for the other kinds */
    char marker[8];     /* LESSON_LIST_ITEM: "•" or "1." .. "999."; "" otherwise */
    char *text;         /* UTF-8, valid, NUL-terminated */
    size_t len;         /* strlen(text) */
    lesson_span *spans; /* sorted, non-overlapping, non-empty; NULL when n_spans == 0 */
    size_t n_spans;
    int line;           /* 1-based source line where the block starts */
} lesson_block;

typedef struct {
    size_t block; /* index into lesson.blocks of a level 2 or 3 heading */
    int level;    /* 2 or 3 */
} lesson_toc_entry;

typedef struct {
    int number;           /* 1..10 from the "NN-" prefix of the file name; 0 if it has none */
    char *slug;           /* file name without "NN-" and ".md": "why-sequence-models" */
    char *title;          /* the "# " line, else derived from the file name */
    char *path;           /* the file as given to the loader */
    char lang[4];         /* "zh" or "en" (whatever the loader was given) */
    int placeholder;      /* 1 when the file was missing or unreadable */
    lesson_block *blocks; /* blocks[0] is the title heading (level 1) */
    size_t n_blocks;
    lesson_toc_entry *toc; /* the "##" and "###" headings in order */
    size_t n_toc;
    char **warnings;      /* "FILE:LINE: message" (or "FILE: message"), in source order */
    size_t n_warnings;
} lesson;

typedef struct {
    char lang[4];
    lesson *lessons[LESSON_COUNT]; /* lessons[i] is lesson i+1; never NULL */
} lesson_set;

/* Parses text (len bytes, need not be NUL-terminated or valid UTF-8).
 * path names the file in warnings and gives the number, slug and fallback
 * title; lang is stored as given. Never returns NULL. */
lesson *lesson_parse(const char *text, size_t len, const char *path, const char *lang);

/* Reads and parses one file; a file that cannot be read gives a placeholder
 * (number and slug still come from the name). Never returns NULL. */
lesson *lesson_load(const char *path, const char *lang);

/* Builds a placeholder for lesson `number` that explains `reason`. */
lesson *lesson_placeholder(int number, const char *path, const char *lang, const char *reason);

void lesson_free(lesson *l);

/* Loads lessons 1..10 from dir: the file "NN-slug.md" gives lesson NN.
 * Other files are ignored; a number without a file gets a placeholder; when
 * two files share a number the first in name order is used and a warning
 * names the other. Never returns NULL. */
lesson_set *lesson_load_dir(const char *dir, const char *lang);

/* lesson_load_dir(paths_data_file("content/<lang>")). Returns NULL with a
 * one-line message in err when there is no data home at all. */
lesson_set *lesson_load_all(const char *lang, char *err, size_t errlen);

void lesson_set_free(lesson_set *set);

/* The TOC entry (section) that contains block: the last TOC heading at or
 * before it; -1 when block lies before the first "##"/"###" heading. */
long lesson_section_of_block(const lesson *l, size_t block);

/* The block where section `section` starts; sections past the end map to the
 * last one, negative sections (and a lesson without sections) to block 0. */
size_t lesson_section_block(const lesson *l, long section);

/* "The same place in the other language": the block in `to` that starts the
 * section with the same TOC index as the section containing `block` in
 * `from` (the zh and en files of a lesson share their structure). */
size_t lesson_same_section(const lesson *from, size_t block, const lesson *to);

/* Text search for a reader's "/" command. Looks for needle (UTF-8; ASCII
 * letters match either case) in the block texts, forward from (block,
 * offset) inclusive, or backward for a match that starts before it. Returns
 * 1 and the match start in *found_block / *found_offset, or 0 when there is
 * no match in that direction (the caller decides whether to wrap around).
 * An empty needle never matches. */
int lesson_search(const lesson *l, const char *needle, size_t block, size_t offset, int backward,
                  size_t *found_block, size_t *found_offset);

/* Splits bytes [start, end) of a block's text into runs of one style each,
 * covering the range without gaps (plain runs have style 0). Writes at most
 * max runs to out and returns the number of runs the range has; call with
 * max = 0 to count. */
size_t lesson_style_runs(const lesson_block *b, size_t start, size_t end, lesson_span *out,
                         size_t max);

#endif
