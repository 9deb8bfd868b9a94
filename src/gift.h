/* gift.h — writes a quiz in Moodle's GIFT import format. Model layer.
 *
 * Each question becomes
 *     ::ID::[html]<p><b>TITLE</b></p><p>STEM</p>{
 *         =right option#its feedback          (single)
 *         ~wrong option#its feedback
 *         ~%50%right option / ~%-100%wrong    (multi: weights)
 *         ####explanation                     (general feedback)
 *     }
 * Texts are HTML (so "<EOS>" survives as text), fenced blocks become <pre>,
 * line breaks inside <pre> are GIFT's "\n", other line breaks <br>. GIFT's
 * special characters ~ = # { } : and the backslash are escaped with a
 * backslash in every text. In a multi question the right options share
 * +100% evenly and the wrong ones share -100% evenly, using the weights
 * Moodle accepts (100, 50, 33.33333, 25, 20, 16.66667, 14.28571, 12.5).
 *
 * gift_write appends the whole file to out. The quiz must have no errors
 * (at most QUIZ_MAX_OPTIONS options per question). source_name is named in
 * the comment at the top.
 */
#ifndef SEQTUTOR_GIFT_H
#define SEQTUTOR_GIFT_H

#include "quiz.h"
#include "util.h"

void gift_write(strbuf *out, const quiz_file *qf, const char *source_name);
/* Appends text escaped for GIFT (HTML entities, then backslash escapes);
 * newlines become "<br>", or "\n" when in_pre is set. */
void gift_escape(strbuf *out, const char *text, int in_pre);
/* The weight of one of n options sharing 100%: "100", "50", "33.33333"... */
const char *gift_weight(size_t n);

#endif
