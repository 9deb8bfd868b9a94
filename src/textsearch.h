/* textsearch.h — finding what the reader typed in lesson text.
 *
 * Matching ignores the case of ASCII letters only (so "gru" finds "GRU");
 * every other character, Chinese included, must match exactly. A needle
 * never matches across an invalid position: matches start on a character
 * boundary of valid UTF-8 text. Model layer: no terminal code.
 */
#ifndef SEQTUTOR_TEXTSEARCH_H
#define SEQTUTOR_TEXTSEARCH_H

#include <stddef.h>

/* The byte offset of the first match of needle in hay[from, len), or -1.
 * An empty needle never matches. */
long text_search(const char *hay, size_t len, size_t from, const char *needle);

#endif
