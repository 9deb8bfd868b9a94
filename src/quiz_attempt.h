/* quiz_attempt.h — one recorded attempt at a quiz file: the parsed file,
 * its quiz_session and its progress (review queue and history), glued together
 * the same way for the plain mode and the full-screen quiz. Model layer:
 * no terminal code.
 *
 * Call order:
 *   quiz_attempt a;
 *   rc = quiz_attempt_open(&a, path, &cfg, err, errlen);
 *     QUIZ_ATTEMPT_UNREADABLE  the file cannot be read: err names it; a.quiz is NULL
 *     QUIZ_ATTEMPT_HAS_ERRORS  a.quiz holds the diagnostics to show; no quiz_session
 *     QUIZ_ATTEMPT_OK          a.session is ready; it may have no items (nothing
 *                              due for review): check a.session.n_items
 *   show a.note when it is not empty (e.g. the progress file was damaged and set aside)
 *   loop: quiz_session_current / quiz_session_parse on &a.session, then
 *         v = quiz_attempt_submit(&a, chosen, now_seconds())
 *           (checks, records the answer in the review queue, saves the file)
 *   quiz_attempt_finish(&a)    adds the attempt to the history and saves;
 *                              at most once, only when something was answered
 *   quiz_attempt_retry(&a, ...) optional: finishes, then starts a new round
 *                              with only the questions missed in this one
 *   quiz_attempt_close(&a)     frees everything (finishes first if needed);
 *                              safe after any result of open
 * a.note is rewritten when a save fails (the quiz goes on; the message says
 * why). Progress goes to review_default_path() unless cfg.store_path is set.
 */
#ifndef SEQTUTOR_QUIZ_ATTEMPT_H
#define SEQTUTOR_QUIZ_ATTEMPT_H

#include "quiz.h"
#include "quiz_session.h"
#include "review.h"
#include "util.h"

#include <stdint.h>
#include <time.h>

enum { QUIZ_ATTEMPT_OK = 0, QUIZ_ATTEMPT_HAS_ERRORS = 1, QUIZ_ATTEMPT_UNREADABLE = 2 };

typedef struct {
    uint32_t seed;                 /* order of questions and options */
    int no_shuffle;
    int review;                    /* ask only the questions due for review */
    const char *const *only_ids;   /* with n_only_ids > 0: ask only these; read during open only */
    size_t n_only_ids;
    const char *lang;              /* "zh"/"en": the words when the file has no lang: */
    time_t now;                    /* the review clock: quiz_clock() */
    double started;                /* the quiz_session clock: now_seconds() */
    const char *store_path;        /* NULL: review_default_path() */
} quiz_attempt_config;

typedef struct {
    quiz_file *quiz;               /* owned; NULL when unreadable */
    quiz_session session;          /* valid after QUIZ_ATTEMPT_OK */
    review_store store;
    char *key;                     /* the quiz key in the review queue ("week1") */
    char *store_path;
    char lang[3];                  /* language of the words: the file's lang: when zh/en */
    time_t now;                    /* the review clock of this attempt */
    int no_shuffle;                /* from the config, kept for a retry */
    int ready;                     /* open returned QUIZ_ATTEMPT_OK */
    int finished;                  /* quiz_attempt_finish ran */
    int save_failed;               /* saving stopped after a failure */
    char note[ERRBUF + 256];       /* a message for the user, "" when none */
} quiz_attempt;

int quiz_attempt_open(quiz_attempt *a, const char *path, const quiz_attempt_config *cfg, char *err,
                      size_t errlen);
/* Submits to the current item (see quiz_session_submit) and records it. */
quiz_verdict quiz_attempt_submit(quiz_attempt *a, unsigned chosen, double now);
void quiz_attempt_finish(quiz_attempt *a);
/* Finishes this round and starts another on the same file with only the
 * questions answered wrongly (a new history entry when it ends). Returns
 * the number of questions in the new round; 0 when nothing was missed (the
 * quiz_session is then empty and done). */
size_t quiz_attempt_retry(quiz_attempt *a, uint32_t seed, double started);
void quiz_attempt_close(quiz_attempt *a);
/* Questions of this quiz due for review at the attempt's clock. */
size_t quiz_attempt_due(const quiz_attempt *a);

/* The week-1 quiz of a language in the data home ("quizzes/week1.zh.quiz"),
 * or NULL when there is no data home; the caller frees it. */
char *quiz_default_path(const char *lang);
/* The review clock: time(NULL), or $SEQTUTOR_NOW (seconds since 1970) when
 * set, so tests can take a quiz "tomorrow". */
time_t quiz_clock(void);

#endif
