/* quiz_session.h — one attempt at a quiz: which questions are asked, in
 * which order, with which option order, what was answered and the score.
 * Shared by the plain mode and the full-screen quiz, so both ask, accept
 * and score answers the same way. Model layer: no terminal code.
 *
 * Positions: an item is one asked question (0..n_items-1, in asking order).
 * Options have an ORIGINAL index (their order in the file, used for checking
 * and for the masks below) and a DISPLAYED position (the letter a, b, c...
 * the user sees). item->shown[d] is the original index of the option shown
 * at position d. Answers are checked by option, never by position.
 *
 * Masks: an unsigned whose bit i stands for original option i (at most
 * QUIZ_MAX_OPTIONS bits).
 *
 * Call order:
 *   quiz_session_init(&s, qf, &cfg, now)   qf must have no errors and must
 *                                          outlive the session
 *   while (!quiz_session_done(&s)):
 *       item = quiz_session_current(&s)    show the question
 *       quiz_session_parse(&s, text, &mask, msg, n)  0, or -1 with msg: ask again
 *       v = quiz_session_submit(&s, mask, now)       right/wrong; moves on
 *   quiz_session_breakdown / quiz_session_missed / s.n_right, s.n_answered
 *   quiz_session_free(&s)
 * The caller may stop at any time (end of input): the counters then describe
 * the questions answered so far.
 */
#ifndef SEQTUTOR_QUIZ_SESSION_H
#define SEQTUTOR_QUIZ_SESSION_H

#include "quiz.h"

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t seed;                 /* order of questions and options (src/rng.h) */
    int no_shuffle;                /* keep the file's order of questions and options */
    int use_filter;                /* ask only the questions whose id is in only_ids */
    const char *const *only_ids;   /* e.g. the ids due for review, or the missed ones */
    size_t n_only_ids;
    const char *lang;              /* "zh": messages from quiz_session_parse in Chinese */
} quiz_session_config;

typedef struct {
    size_t question;                   /* index into quiz->questions */
    size_t n_shown;                    /* options of the question */
    size_t shown[QUIZ_MAX_OPTIONS];    /* shown[d]: original index of the option shown at d */
    int answered;                      /* 1 once submitted */
    int correct;
    unsigned chosen;                   /* mask of the chosen options */
    double seconds;                    /* time from the previous answer (or the start) */
} quiz_item;

typedef struct {
    int correct;               /* exactly the right options were chosen */
    unsigned chosen;           /* mask of what was chosen */
    unsigned right;            /* mask of the right options */
    unsigned wrong_chosen;     /* chosen but wrong: show their feedback */
    unsigned missed;           /* right but not chosen */
} quiz_verdict;

typedef struct {
    int right;                 /* right answers */
    int total;                 /* questions answered */
} quiz_lesson_score;

typedef struct {
    const quiz_file *quiz;     /* borrowed */
    quiz_item *items;          /* [n_items], in asking order */
    size_t n_items;
    size_t current;            /* the item to answer next; n_items when done */
    size_t n_answered;
    size_t n_right;
    double started;            /* the caller's clock at init (seconds) */
    double last;               /* the caller's clock at the last answer */
    char lang[3];
} quiz_session;

/* Picks and orders the questions. Returns the number of items (0 when the
 * filter leaves nothing, e.g. nothing is due). */
size_t quiz_session_init(quiz_session *s, const quiz_file *qf, const quiz_session_config *cfg,
                         double now);
void quiz_session_free(quiz_session *s);

int quiz_session_done(const quiz_session *s);
/* The current item, or NULL when done. */
const quiz_item *quiz_session_current(const quiz_session *s);
const quiz_question *quiz_session_question(const quiz_session *s, const quiz_item *item);
/* The option shown at displayed position d of item. */
const quiz_option *quiz_session_option(const quiz_session *s, const quiz_item *item, size_t d);

/* Reads a typed answer for a question with n_options options: letters a–h
 * (either case) and numbers 1–9 name DISPLAYED positions, separated by
 * spaces and/or commas (also "，" and "、"): "b", "2", "b,d", "b d", "2 4",
 * " b , d ". A repeated option counts once. Returns 0 and the mask of
 * displayed positions, or -1 with a message for the user in msg: empty
 * input, an unknown token ("zz"), a position that does not exist ("e" with
 * four options, "0"), or several options for a single-choice question.
 * lang "zh" gives the message in Chinese. */
int quiz_parse_answer(const char *text, size_t n_options, int single, const char *lang,
                      unsigned *shown_mask, char *msg, size_t msglen);
/* quiz_parse_answer for the current item; *chosen is a mask of ORIGINAL
 * options, ready for quiz_session_submit. -1 also when the session is done. */
int quiz_session_parse(const quiz_session *s, const char *text, unsigned *chosen, char *msg,
                       size_t msglen);

/* Displayed-position mask <-> original-option mask for an item. */
unsigned quiz_item_to_original(const quiz_item *item, unsigned shown_mask);
unsigned quiz_item_to_shown(const quiz_item *item, unsigned original_mask);

/* Checks a choice against a question (no session needed). */
quiz_verdict quiz_check(const quiz_question *q, unsigned chosen);
/* Records the answer to the current item and moves to the next one. The
 * caller passes a non-empty mask (from quiz_session_parse); a call after
 * the end returns a verdict with correct = 0 and changes nothing. */
quiz_verdict quiz_session_submit(quiz_session *s, unsigned chosen, double now);

/* Seconds from init to the last answer. */
double quiz_session_seconds(const quiz_session *s);
/* out[l] for lesson l (1..QUIZ_MAX_LESSON); out[0] gathers questions not
 * linked to a lesson. Counts answered questions only. */
void quiz_session_breakdown(const quiz_session *s, quiz_lesson_score out[QUIZ_MAX_LESSON + 1]);
/* The ids answered wrongly, in asking order; returns how many (at most max
 * are stored). The strings belong to the quiz_file. */
size_t quiz_session_missed(const quiz_session *s, const char **ids, size_t max);

#endif
