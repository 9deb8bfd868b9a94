/* quiz.h — quiz files: parsing, checking and reporting problems.
 *
 * The format is described in docs/quiz-format.md. In short:
 *
 *     # Week 1 · Recurrent Neural Networks
 *     lang: en
 *
 *     ## q03 multi: many-to-one
 *     lesson: 4
 *     Which tasks use a many-to-one RNN?
 *     - [ ] Speech recognition
 *       > Input and output are both sequences.
 *     - [x] Sentiment classification
 *     explain: A sequence goes in, one label comes out.
 *
 * Model layer: no terminal code. The parser depends only on util.c (and libc's
 * wcwidth), so a fuzzer can link it alone.
 *
 * Contract:
 * - quiz_parse() never fails and never crashes, whatever the bytes: it returns
 *   a quiz_file holding everything it understood plus EVERY problem it found
 *   as diagnostics, sorted by line and column. A file is usable when
 *   n_errors == 0; with errors, the questions are a best effort (good enough to
 *   keep finding problems, not to be asked).
 * - All strings in a quiz_file are valid UTF-8 without NUL bytes (invalid
 *   bytes are reported and replaced by U+FFFD) and are owned by the
 *   quiz_file; quiz_free() releases everything. Pointers stay valid until then.
 * - Line numbers are 1-based. Columns are 1-based display columns: a CJK
 *   character counts 2, a combining mark 0, a tab moves to the next multiple
 *   of 8, as a terminal would show the line.
 */
#ifndef SEQTUTOR_QUIZ_H
#define SEQTUTOR_QUIZ_H

#include <stddef.h>
#include <stdio.h>

#define QUIZ_MAX_OPTIONS 8       /* answers are typed as letters a–h */
#define QUIZ_MAX_LESSON 10       /* lesson: takes 1..QUIZ_MAX_LESSON */
#define QUIZ_MAX_FILE_BYTES (4u << 20)
#define QUIZ_MAX_DIAGS 10000     /* diagnostics kept per file (all are counted) */

typedef enum { QUIZ_SINGLE, QUIZ_MULTI } quiz_kind;
typedef enum { QUIZ_ERROR, QUIZ_WARNING } quiz_severity;

typedef struct {
    int line;                /* 1-based */
    int col;                 /* 1-based display column */
    quiz_severity severity;
    char *message;
    char *hint;              /* NULL when there is none */
} quiz_diag;

/* One piece of a stem, in order. */
typedef enum {
    QUIZ_BLOCK_PARAGRAPH,    /* text lines; the author's line breaks kept as '\n' */
    QUIZ_BLOCK_ITEM,         /* a "- " list line (its indented continuation lines joined by '\n') */
    QUIZ_BLOCK_FENCE         /* the lines between ``` markers, verbatim, markers left out */
} quiz_block_kind;

typedef struct {
    quiz_block_kind kind;
    char *text;              /* without the "- " of an item */
    int line;                /* first source line (the ``` line of a fence) */
} quiz_block;

typedef struct {
    char *text;              /* after "- [ ] "; indented continuation lines joined by '\n' */
    int correct;             /* 1 for [x] */
    char *feedback;          /* the "> " lines joined by '\n', or NULL */
    int line;                /* line of the "- [" marker */
    int feedback_line;       /* first "> " line, 0 when no feedback */
} quiz_option;

typedef struct {
    char *id;                /* [A-Za-z0-9_-]+, unique in the file; "" when the header was unreadable */
    quiz_kind kind;
    char *title;
    int lesson;              /* 1..QUIZ_MAX_LESSON, 0 when not linked */
    char *stem;              /* the stem's source lines joined by '\n', ``` lines included */
    quiz_block *blocks;      /* the stem as blocks, for display */
    size_t n_blocks;
    quiz_option *options;
    size_t n_options;
    size_t n_correct;        /* options marked [x] */
    char *explanation;       /* text after "explain:" plus continuation lines joined by '\n', or NULL */
    int line;                /* line of the "## " header */
    int lesson_line;         /* 0 when there is no lesson: line */
    int stem_line;           /* first stem line, 0 when the stem is empty */
    int explain_line;        /* 0 when there is no explain: line */
} quiz_question;

typedef struct {
    char *name;              /* the name used in diagnostics (usually the path) */
    char *title;             /* from "# ...", "" when missing */
    char *lang;              /* from "lang:", NULL when not given */
    quiz_question *questions;
    size_t n_questions;
    quiz_diag *diags;        /* sorted by line, then column; at most QUIZ_MAX_DIAGS */
    size_t n_diags;
    size_t n_errors;         /* every error found, kept or not */
    size_t n_warnings;
    char **lines;            /* the source lines (cleaned: no '\r', no invalid UTF-8) */
    size_t n_lines;
} quiz_file;

/* Parses and checks len bytes; name is used in diagnostics. Never NULL. */
quiz_file *quiz_parse(const char *name, const char *data, size_t len);
/* Reads path and parses it. NULL when the file cannot be read (missing,
 * a directory, larger than QUIZ_MAX_FILE_BYTES); err then names the file. */
quiz_file *quiz_load(const char *path, char *err, size_t errlen);
void quiz_free(quiz_file *qf);

/* Index of the question with this id, or -1. */
long quiz_find(const quiz_file *qf, const char *id);

/* Compares two language versions of the same quiz (ids are shared between
 * them) and adds warnings to qf for every question that is missing in other,
 * or differs in kind, number of options or which options are right. Returns
 * the number of warnings added. other_name is used in the messages. */
size_t quiz_compare_versions(quiz_file *qf, const quiz_file *other, const char *other_name);

/* Prints the diagnostics in GNU style:
 *     FILE:LINE:COL: error: message
 *        12 | - [y] Speech recognition
 *           |    ^
 *       hint: ...
 * The source excerpt is printed when with_source is set. */
void quiz_print_diags(FILE *out, const quiz_file *qf, int with_source);
void quiz_print_diag(FILE *out, const quiz_file *qf, const quiz_diag *d, int with_source);

/* Display columns of the first nbytes of a UTF-8 string (same rules as the
 * diagnostics' columns, tabs measured from the start of s). */
int quiz_text_width(const char *s, size_t nbytes);

#endif
