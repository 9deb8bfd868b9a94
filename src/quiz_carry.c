/* quiz_carry.c — see quiz_carry.h. */
#include "quiz_carry.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

/* The position in s->items of the question with this id, or -1. */
static long item_of_id(const quiz_session *s, const char *id)
{
    long q = quiz_find(s->quiz, id);
    if (q < 0) return -1;
    for (size_t k = 0; k < s->n_items; k++)
        if (s->items[k].question == (size_t)q) return (long)k;
    return -1;
}

static void keep_option_order(quiz_item *to, const quiz_item *from)
{
    if (to->n_shown == from->n_shown) memcpy(to->shown, from->shown, sizeof to->shown);
}

size_t quiz_carry_over(quiz_session *to, const quiz_session *from)
{
    size_t n = to->n_items;
    quiz_item *items = xcalloc(n + 1, sizeof *items);
    char *taken = xcalloc(n + 1, 1);
    size_t k = 0, n_right = 0;

    for (size_t i = 0; i < from->n_items && i < from->current; i++) {
        const quiz_item *old = &from->items[i];
        if (!old->answered) continue;
        long j = item_of_id(to, from->quiz->questions[old->question].id);
        if (j < 0 || taken[j]) continue;
        quiz_item it = to->items[j];
        keep_option_order(&it, old);
        const quiz_question *q = &to->quiz->questions[it.question];
        unsigned still = q->n_options >= 32 ? ~0u : (1u << q->n_options) - 1u;
        unsigned chosen = old->chosen & still;
        if (!chosen) continue; /* every chosen option is gone: ask it again */
        if (q->kind == QUIZ_SINGLE && (chosen & (chosen - 1u))) continue;
        quiz_verdict v = quiz_check(q, chosen);
        it.answered = 1;
        it.chosen = chosen;
        it.correct = v.correct;
        it.seconds = old->seconds;
        n_right += v.correct != 0;
        taken[j] = 1;
        items[k++] = it;
    }
    size_t n_answered = k;

    const quiz_item *cur = quiz_session_current(from);
    if (cur) {
        long j = item_of_id(to, from->quiz->questions[cur->question].id);
        if (j >= 0 && !taken[j]) {
            items[k] = to->items[j];
            keep_option_order(&items[k], cur);
            k++;
            taken[j] = 1;
        }
    }
    for (size_t j = 0; j < n; j++) {
        if (taken[j]) continue;
        items[k] = to->items[j];
        /* an unanswered question of the old attempt keeps its option order too */
        long old = item_of_id(from, to->quiz->questions[to->items[j].question].id);
        if (old >= 0) keep_option_order(&items[k], &from->items[old]);
        k++;
    }

    memcpy(to->items, items, n * sizeof *items);
    free(items);
    free(taken);
    to->current = n_answered;
    to->n_answered = n_answered;
    to->n_right = n_right;
    to->started = from->started;
    to->last = from->last;
    return n_answered;
}
