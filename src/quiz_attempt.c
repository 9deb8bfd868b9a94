/* quiz_attempt.c — see quiz_attempt.h. */
#include "quiz_attempt.h"

#include "paths.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *quiz_default_path(const char *lang)
{
    char rel[64];
    snprintf(rel, sizeof rel, "quizzes/week1.%s.quiz", lang && strcmp(lang, "zh") == 0 ? "zh" : "en");
    return paths_data_file(rel);
}

time_t quiz_clock(void)
{
    const char *e = getenv("SEQTUTOR_NOW");
    if (e && *e) {
        char *end;
        long long v = strtoll(e, &end, 10);
        if (!*end && v > 0) return (time_t)v;
    }
    return time(NULL);
}

static void save(quiz_attempt *a)
{
    if (a->save_failed) return;
    char err[ERRBUF];
    if (review_save(&a->store, a->store_path, err, sizeof err) != 0) {
        snprintf(a->note, sizeof a->note, "%s", err);
        a->save_failed = 1;
    }
}

int quiz_attempt_open(quiz_attempt *a, const char *path, const quiz_attempt_config *cfg, char *err,
                      size_t errlen)
{
    memset(a, 0, sizeof *a);
    review_init(&a->store);
    a->quiz = quiz_load(path, err, errlen);
    if (!a->quiz) return QUIZ_ATTEMPT_UNREADABLE;
    if (a->quiz->n_errors) return QUIZ_ATTEMPT_HAS_ERRORS;

    const char *l = a->quiz->lang;
    if (!l || (strcmp(l, "zh") != 0 && strcmp(l, "en") != 0)) l = cfg->lang;
    snprintf(a->lang, sizeof a->lang, "%s", l && strcmp(l, "zh") == 0 ? "zh" : "en");
    a->key = review_quiz_key(path);
    a->store_path = cfg->store_path ? xstrdup(cfg->store_path) : review_default_path();
    a->now = cfg->now;
    a->no_shuffle = cfg->no_shuffle;
    if (review_load(&a->store, a->store_path, a->note, sizeof a->note) < REVIEW_CORRUPT) a->note[0] = '\0';

    /* questions deleted from the file leave the queue */
    const char **ids = xmalloc((a->quiz->n_questions + 1) * sizeof *ids);
    for (size_t i = 0; i < a->quiz->n_questions; i++) ids[i] = a->quiz->questions[i].id;
    review_prune(&a->store, a->key, ids, a->quiz->n_questions);
    free(ids);

    quiz_session_config sc = {cfg->seed, cfg->no_shuffle, 0, NULL, 0, a->lang};
    const char **due = NULL;
    if (cfg->n_only_ids) {
        sc.use_filter = 1;
        sc.only_ids = cfg->only_ids;
        sc.n_only_ids = cfg->n_only_ids;
    } else if (cfg->review) {
        size_t n_due = 0;
        due = review_due_ids(&a->store, a->key, a->now, &n_due);
        sc.use_filter = 1;
        sc.only_ids = due;
        sc.n_only_ids = n_due;
    }
    quiz_session_init(&a->session, a->quiz, &sc, cfg->started);
    free(due);
    a->ready = 1;
    return QUIZ_ATTEMPT_OK;
}

quiz_verdict quiz_attempt_submit(quiz_attempt *a, unsigned chosen, double now)
{
    quiz_verdict v;
    memset(&v, 0, sizeof v);
    const quiz_item *it = a->ready ? quiz_session_current(&a->session) : NULL;
    if (!it) return v;
    const char *id = quiz_session_question(&a->session, it)->id;
    v = quiz_session_submit(&a->session, chosen, now);
    review_record_answer(&a->store, a->key, id, v.correct, a->now);
    /* saved after every answer, so an interrupted quiz keeps its misses */
    save(a);
    return v;
}

void quiz_attempt_finish(quiz_attempt *a)
{
    if (!a->ready || a->finished) return;
    a->finished = 1;
    const quiz_session *s = &a->session;
    if (s->n_answered == 0) return;
    review_add_attempt(&a->store, a->key, a->lang, (int)s->n_right, (int)s->n_answered,
                       (int)(quiz_session_seconds(s) + 0.5), a->now);
    save(a);
}

size_t quiz_attempt_retry(quiz_attempt *a, uint32_t seed, double started)
{
    if (!a->ready) return 0;
    quiz_attempt_finish(a);
    size_t n = quiz_session_missed(&a->session, NULL, 0);
    /* the ids belong to a->quiz, which stays */
    const char **ids = xmalloc((n + 1) * sizeof *ids);
    quiz_session_missed(&a->session, ids, n);
    quiz_session_config sc = {seed, a->no_shuffle, 1, ids, n, a->lang};
    quiz_session_free(&a->session);
    size_t got = quiz_session_init(&a->session, a->quiz, &sc, started);
    free(ids);
    a->finished = 0;
    return got;
}

size_t quiz_attempt_due(const quiz_attempt *a)
{
    return a->ready ? review_due_count(&a->store, a->key, a->now) : 0;
}

void quiz_attempt_close(quiz_attempt *a)
{
    quiz_attempt_finish(a);
    if (a->ready) quiz_session_free(&a->session);
    review_free(&a->store);
    quiz_free(a->quiz);
    free(a->key);
    free(a->store_path);
    memset(a, 0, sizeof *a);
}
