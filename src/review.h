/* review.h — quiz progress: a Leitner review queue per question and the
 * history of past attempts. Model layer: no terminal code.
 *
 * Leitner boxes 1..REVIEW_BOXES with intervals of 1, 2, 4, 8 and 16 days:
 *   - a wrong answer puts the question in box 1, due 1 day later (whether it
 *     was in the queue or not);
 *   - a right answer to a question that is due moves it up one box, due after
 *     that box's interval; a right answer in the last box takes it out of the
 *     queue;
 *   - a right answer to a question that is not due (or not queued) changes
 *     nothing: early successes do not count as reviews.
 * Days are local calendar days, so "due in 1 day" means from tomorrow's
 * midnight on, whatever the hour of the answer. The time is always passed
 * in (time_t now), so tests can move the clock.
 *
 * Questions are keyed by the quiz key and the question id. The quiz key is
 * the file name without ".quiz" and without a language suffix
 * ("quizzes/week1.zh.quiz" -> "week1"), so the Chinese and English versions
 * of a quiz share their progress.
 *
 * The file (default: paths_state_dir()/quiz-progress.txt) is line-based text,
 * described in docs/quiz-format.md:
 *     seqtutor-quiz-progress 1
 *     card week1 q03 2 2026-11-29
 *     attempt 2026-11-27T10:15:00Z week1 en 7 10 125
 *
 * Contract:
 * - review_init gives an empty store; review_free releases it (the store owns
 *   every string in it).
 * - review_load fills a store from path:
 *     REVIEW_OK         the file was read;
 *     REVIEW_MISSING    no file yet: the store is empty;
 *     REVIEW_CORRUPT    the file could not be understood: it has been renamed
 *                       to "<path>.corrupt" (replacing an older one), the store
 *                       is empty and msg holds one line to show the user;
 *     REVIEW_UNREADABLE the file exists but cannot be read (permissions...):
 *                       the store is empty, msg says why, and review_save
 *                       refuses to write so the file is not clobbered.
 *   None of these is fatal: the store is usable in every case.
 * - review_save writes the whole store with file_write_atomic, creating the
 *   directory when needed; 0, or -1 with a message in err.
 * - Pointers into the store (cards, ids from review_due_ids) stay valid until
 *   the store is next changed or freed.
 */
#ifndef SEQTUTOR_REVIEW_H
#define SEQTUTOR_REVIEW_H

#include <stddef.h>
#include <time.h>

#define REVIEW_BOXES 5

enum { REVIEW_OK = 0, REVIEW_MISSING = 1, REVIEW_CORRUPT = 2, REVIEW_UNREADABLE = 3 };

typedef struct {
    char *quiz;     /* quiz key, e.g. "week1" */
    char *id;       /* question id */
    int box;        /* 1..REVIEW_BOXES */
    long due_day;   /* local calendar day (days since 1970-01-01) from which it is due */
} review_card;

typedef struct {
    time_t when;    /* when the attempt ended */
    char *quiz;     /* quiz key */
    char *lang;     /* "zh", "en" or "-" */
    int score;      /* right answers */
    int total;      /* questions answered */
    int seconds;    /* time taken */
} review_attempt;

typedef struct {
    review_card *cards;
    size_t n_cards, cap_cards;
    review_attempt *attempts;   /* oldest first */
    size_t n_attempts, cap_attempts;
    int read_only;              /* set by REVIEW_UNREADABLE: review_save refuses */
} review_store;

void review_init(review_store *rs);
void review_free(review_store *rs);
int review_load(review_store *rs, const char *path, char *msg, size_t msglen);
int review_save(const review_store *rs, const char *path, char *err, size_t errlen);

/* paths_state_dir()/quiz-progress.txt; the caller frees it. */
char *review_default_path(void);
/* "quizzes/week1.zh.quiz" -> "week1"; characters other than letters, digits,
 * '.', '_' and '-' become '_'. The caller frees it. */
char *review_quiz_key(const char *path);

/* The local calendar day of t (days since 1970-01-01). */
long review_day(time_t t);
/* The interval of a box in days: 1, 2, 4, 8, 16. */
int review_interval(int box);

/* Applies one answer to the queue (see the rules above). */
void review_record_answer(review_store *rs, const char *quiz, const char *id, int correct, time_t now);
/* Appends an attempt to the history; lang may be NULL. */
void review_add_attempt(review_store *rs, const char *quiz, const char *lang, int score, int total,
                        int seconds, time_t now);

/* The card of a question, or NULL when it is not in the queue. */
const review_card *review_find(const review_store *rs, const char *quiz, const char *id);
int review_is_due(const review_store *rs, const char *quiz, const char *id, time_t now);
/* Questions due now, for one quiz key or for all quizzes (quiz == NULL). */
size_t review_due_count(const review_store *rs, const char *quiz, time_t now);
/* The ids due now for a quiz, in queue order; *n gets the count. The array
 * is the caller's to free (not the strings, which belong to the store). */
const char **review_due_ids(const review_store *rs, const char *quiz, time_t now, size_t *n);
/* Removes the cards of quiz whose id is not in keep (questions deleted from
 * the file); returns how many were removed. */
size_t review_prune(review_store *rs, const char *quiz, const char *const *keep, size_t n_keep);

#endif
