/* corpus.h — a names file turned into training examples.
 *
 * Rules (docs/engine.md): the file is UTF-8 text of at most 64 MiB; each line,
 * with ASCII whitespace trimmed from both ends and ASCII A–Z lower-cased, is
 * one example; empty lines are skipped. The vocabulary is the sorted set of
 * code points used by the examples plus '\n' (the end-of-name token), at most
 * CORPUS_MAX_VOCAB symbols.
 *
 * corpus_load returns 0, or -1 with a one-line message naming the file (and
 * the line, where one applies) in err; on failure nothing needs freeing.
 */
#ifndef SEQTUTOR_CORPUS_H
#define SEQTUTOR_CORPUS_H

#include <stddef.h>
#include <stdint.h>

#define CORPUS_MAX_BYTES ((size_t)64 << 20)
#define CORPUS_MAX_VOCAB 4096

typedef struct {
    char *path;          /* as given */
    size_t n_bytes;      /* file size */
    int V;               /* vocabulary size, including '\n' */
    uint32_t *vocab;     /* V code points, ascending */
    int newline_ix;      /* index of '\n' in vocab */
    size_t n_examples;
    int *tokens;         /* every example's symbol indices, concatenated */
    size_t *offsets;     /* example i is tokens[offsets[i] .. offsets[i+1]) */
    size_t max_len;      /* longest example, in symbols */
} corpus;

int corpus_load(corpus *c, const char *path, char *err, size_t errlen);
/* Builds a corpus from memory (used by tests); name is used in messages. */
int corpus_load_buffer(corpus *c, const char *name, const char *text, size_t len, char *err,
                       size_t errlen);
void corpus_free(corpus *c);
/* Index of code point cp in the vocabulary, or -1. */
int corpus_index_of(const corpus *c, uint32_t cp);
/* Appends the UTF-8 of symbol ix to out (at least 5 bytes); returns bytes written. */
size_t corpus_symbol_utf8(const corpus *c, int ix, char *out);
/* The UTF-8 of symbols ix[0..n), NUL-terminated in out (cap bytes, cap >= 1):
 * as many whole symbols as fit. Returns the bytes written before the NUL. */
size_t corpus_symbols_utf8(const corpus *c, const int *ix, int n, char *out, size_t cap);

#endif
