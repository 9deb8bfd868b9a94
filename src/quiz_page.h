/* quiz_page.h — what the full-screen quiz shows, as lines of text laid out
 * for a width: a question with its options (and, once answered, the
 * verdict), the results of an attempt, and the problems of a broken file.
 * Model layer: no terminal code. The screen (tui_quiz.c) maps each line's
 * style to a colour role, scrolls the page and highlights the selected
 * entry; a unit test can build every page without a terminal.
 *
 * A page is a list of lines. A line has a style, an optional mark (drawn at
 * column `indent`, e.g. "[x] b) ") and its text from column `text_col`.
 * Text is wrapped CJK-aware (wrap.h) with a hanging indent, so the lines of
 * an option or a feedback start under the first line's text; the author's
 * line breaks are kept. Verbatim lines (fenced blocks, source excerpts of
 * diagnostics) are never wrapped and may be wider than the page: the screen
 * clips them.
 *
 * Entries: some lines belong to a selectable entry (an option of the
 * question, an action of the results page); entry_first[e]..entry_last[e]
 * are its lines, so the screen can highlight it and scroll it into view.
 *
 * Ownership: the page owns every string in it; qp_free releases them and
 * leaves an empty page. A page refers to nothing else (quiz files may be
 * freed after building it).
 */
#ifndef SEQTUTOR_QUIZ_PAGE_H
#define SEQTUTOR_QUIZ_PAGE_H

#include "quiz.h"
#include "quiz_session.h"

#include <stddef.h>

#define QP_MAX_ENTRIES 16
#define QP_NONE ((size_t)-1)

typedef enum {
    QP_BLANK,     /* an empty line */
    QP_TEXT,      /* ordinary text: the stem, a list item */
    QP_TITLE,     /* the question's title, the score of the results */
    QP_FENCE,     /* a line of a fenced block, verbatim */
    QP_OPTION,    /* an option not yet judged */
    QP_RIGHT,     /* "Right.", a right option, a lesson with full marks */
    QP_WRONG,     /* "Wrong.", a chosen wrong option */
    QP_FEEDBACK,  /* the feedback of an option */
    QP_LABEL,     /* "Explanation:", "Right answer:", "By lesson:" */
    QP_DIM,       /* secondary text */
    QP_KEY,       /* a key in an action's mark */
    QP_ERROR,     /* FILE:LINE:COL: error: ... */
    QP_WARNING,   /* FILE:LINE:COL: warning: ... */
    QP_SOURCE     /* the source excerpt of a diagnostic, verbatim */
} qp_style;

typedef struct {
    qp_style style;      /* of the text */
    qp_style mark_style; /* of the mark */
    int indent;          /* columns before the mark (or the text when there is none) */
    char *mark;          /* NULL, or drawn at indent on the first line of a wrapped text */
    int text_col;        /* the column where the text starts (hanging indent) */
    char *text;          /* one line, no '\n' */
    int width;           /* display columns of text */
    int verbatim;        /* may be wider than the page: clip it */
    int entry;           /* the entry the line belongs to, or -1 */
} qp_line;

typedef struct {
    int width;                          /* the width the page is laid out for */
    qp_line *lines;
    size_t n_lines, cap;
    size_t n_entries;
    size_t entry_first[QP_MAX_ENTRIES]; /* line ranges of the entries (inclusive) */
    size_t entry_last[QP_MAX_ENTRIES];
    size_t verdict_line;                /* first line of the verdict, or QP_NONE */
} qp_page;

/* An empty page for `width` columns (values below 16 are taken as 16). */
void qp_init(qp_page *p, int width);
void qp_free(qp_page *p);

/* ---- building blocks ---- */
void qp_add_blank(qp_page *p);
/* Wraps text (UTF-8, '\n' forces a break) to the page with a hanging indent:
 * mark (may be NULL) at column indent, the text after it. entry is -1 or the
 * entry (0..QP_MAX_ENTRIES-1) the lines belong to. An empty text still gives
 * one line. */
void qp_add_text(qp_page *p, qp_style style, int indent, const char *mark, qp_style mark_style,
                 const char *text, int entry);
/* One verbatim line per '\n'-separated line of text, at column indent. */
void qp_add_verbatim(qp_page *p, qp_style style, int indent, const char *text);

/* ---- whole pages ---- */

/* The letter of displayed position d: 'a' + d. */
char qp_letter(size_t d);

/* A question as it is answered. selected is a mask of DISPLAYED positions
 * (the boxes ticked so far); once item->answered, the item's own choice is
 * shown instead, with each option marked right or wrong, followed by the
 * verdict: right/wrong, the feedback of every chosen wrong option, the right
 * answer(s) when wrong, and the explanation. Entry d is the option shown at
 * position d. utf8 = 0 gives ASCII marks; lang "zh" gives Chinese words. */
void qp_question(qp_page *p, const quiz_session *s, const quiz_item *item, unsigned selected,
                 const char *lang, int utf8);

/* The actions of the results page, in the order they are offered. */
typedef enum {
    QP_ACT_MISTAKES,  /* go through the missed questions, read-only */
    QP_ACT_RETRY,     /* a new attempt with the missed questions only */
    QP_ACT_AGAIN,     /* a new attempt with every question */
    QP_ACT_BACK       /* leave the quiz */
} qp_action;

/* The results of an attempt: score, time, the score per lesson (with the
 * lesson titles when lesson_titles is not NULL: lesson_titles[l-1] for
 * lesson l, entries may be NULL), the missed ids, the questions due for
 * review (due > 0: their number; 0: when the missed ones come back, if any;
 * < 0: nothing), then one entry per action in actions[0..n_actions) with its
 * key in the mark. */
void qp_results(qp_page *p, const quiz_session *s, const char *const *lesson_titles, long due,
                const qp_action *actions, size_t n_actions, const char *lang);
/* The key that starts an action on the results page ('m', 't', 'a', 'q'). */
int qp_action_key(qp_action a);

/* Every diagnostic of qf in check-quiz's words (FILE:LINE:COL: error: ...,
 * the source line with a caret, the hint) and its summary line
 * ("2 errors, 0 warnings in 1 file"). A diagnostic wider than the page keeps
 * "FILE:LINE:COL: error:" on one line and wraps its message below it. */
void qp_diagnostics(qp_page *p, const quiz_file *qf);

/* "12 min 5 s" / "12 分 5 秒" for a number of seconds (rounded). */
void qp_format_time(char *buf, size_t len, double seconds, const char *lang);

#endif
