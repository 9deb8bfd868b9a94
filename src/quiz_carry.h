/* quiz_carry.h — keeps an attempt going when its quiz file is replaced: the
 * same file reloaded after an edit, or the other language version of the
 * quiz (the versions share their question ids). Model layer.
 *
 * quiz_carry_over(to, from):
 *   `to` was just made by quiz_session_init over the new file (no
 *   answer yet); `from` is the running attempt over the old file, which must
 *   still be alive during the call (it may be freed afterwards).
 *   - The questions `from` has answered that still exist (same id) come
 *     first in `to`, in the same order, with the same choice (restricted to
 *     the options the question still has) judged again against the new file,
 *     so a corrected answer key changes the score. A question whose chosen
 *     options are all gone (or that became single-choice while several were
 *     chosen) is asked again instead.
 *   - The question `from` was asking comes next (when it still exists), so
 *     the screen stays on it; the others follow in `to`'s order. Questions
 *     added to the file are asked with the rest; deleted ones disappear.
 *   - An item keeps the displayed order of its options when its question
 *     still has as many options, so nothing moves under the reader.
 *   - The clock (started, last) and the per-item times are kept.
 * Returns the number of answers carried over (to->n_answered).
 */
#ifndef SEQTUTOR_QUIZ_CARRY_H
#define SEQTUTOR_QUIZ_CARRY_H

#include "quiz_session.h"

size_t quiz_carry_over(quiz_session *to, const quiz_session *from);

#endif
