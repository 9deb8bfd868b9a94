/* corpus.c — see corpus.h. */
#include "corpus.h"

#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int is_trim_space(unsigned char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\v' || ch == '\f';
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

int corpus_index_of(const corpus *c, uint32_t cp)
{
    int lo = 0, hi = c->V - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (c->vocab[mid] == cp) return mid;
        if (c->vocab[mid] < cp) lo = mid + 1;
        else hi = mid - 1;
    }
    return -1;
}

size_t corpus_symbol_utf8(const corpus *c, int ix, char *out)
{
    size_t n = utf8_encode(c->vocab[ix], out);
    out[n] = '\0';
    return n;
}

size_t corpus_symbols_utf8(const corpus *c, const int *ix, int n, char *out, size_t cap)
{
    size_t len = 0;
    char sym[8];
    for (int i = 0; i < n; i++) {
        size_t k = corpus_symbol_utf8(c, ix[i], sym);
        if (len + k + 1 > cap) break;
        memcpy(out + len, sym, k);
        len += k;
    }
    out[len] = '\0';
    return len;
}

static uint32_t lower_ascii(uint32_t cp) { return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp; }

int corpus_load_buffer(corpus *c, const char *name, const char *text, size_t len, char *err,
                       size_t errlen)
{
    memset(c, 0, sizeof *c);
    if (len == 0) {
        snprintf(err, errlen, "%s: the file is empty; it needs one name per line", name);
        return -1;
    }
    /* Pass 1: validate, and collect the code points of every trimmed line. */
    size_t line = 1;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\0') {
            snprintf(err, errlen,
                     "%s:%zu: contains a NUL byte; this looks like a binary file, not a list "
                     "of names", name, line);
            return -1;
        }
        if (text[i] == '\n') line++;
    }
    size_t bad = utf8_first_invalid_line(text, len);
    if (bad) {
        snprintf(err, errlen, "%s:%zu: invalid UTF-8; save the file as UTF-8 text", name, bad);
        return -1;
    }

    uint32_t *cps = xmalloc(len * sizeof *cps); /* at most one code point per byte */
    size_t n_cps = 0, n_examples = 0, max_len = 0;
    size_t *starts = NULL, cap_starts = 0;
    size_t pos = 0;
    while (pos < len) {
        size_t end = pos;
        while (end < len && text[end] != '\n') end++;
        size_t a = pos, b = end;
        while (a < b && is_trim_space((unsigned char)text[a])) a++;
        while (b > a && is_trim_space((unsigned char)text[b - 1])) b--;
        if (a < b) {
            if (n_examples + 2 > cap_starts) {
                cap_starts = cap_starts ? cap_starts * 2 : 256;
                starts = xrealloc(starts, cap_starts * sizeof *starts);
            }
            starts[n_examples++] = n_cps;
            size_t count = 0;
            while (a < b) {
                uint32_t cp;
                size_t k = utf8_decode(text + a, b - a, &cp);
                cps[n_cps++] = lower_ascii(cp);
                a += k;
                count++;
            }
            if (count > max_len) max_len = count;
        }
        pos = end + 1;
    }
    if (n_examples == 0) {
        free(cps);
        free(starts);
        snprintf(err, errlen, "%s: no usable line; every line is blank", name);
        return -1;
    }
    starts[n_examples] = n_cps;

    /* Vocabulary: sorted unique code points plus '\n'. */
    uint32_t *sorted = xmalloc((n_cps + 1) * sizeof *sorted);
    memcpy(sorted, cps, n_cps * sizeof *sorted);
    sorted[n_cps] = '\n';
    qsort(sorted, n_cps + 1, sizeof *sorted, cmp_u32);
    size_t V = 0;
    for (size_t i = 0; i <= n_cps; i++)
        if (V == 0 || sorted[V - 1] != sorted[i]) sorted[V++] = sorted[i];
    if (V > CORPUS_MAX_VOCAB) {
        free(cps);
        free(starts);
        free(sorted);
        snprintf(err, errlen,
                 "%s: %zu distinct symbols; the limit is %d (is this really a list of names?)",
                 name, V, CORPUS_MAX_VOCAB);
        return -1;
    }
    c->path = xstrdup(name);
    c->n_bytes = len;
    c->V = (int)V;
    c->vocab = xrealloc(sorted, V * sizeof *sorted);
    c->newline_ix = corpus_index_of(c, '\n');
    c->n_examples = n_examples;
    c->offsets = starts;
    c->max_len = max_len;
    c->tokens = xmalloc((n_cps ? n_cps : 1) * sizeof *c->tokens);
    for (size_t i = 0; i < n_cps; i++) c->tokens[i] = corpus_index_of(c, cps[i]);
    free(cps);
    return 0;
}

int corpus_load(corpus *c, const char *path, char *err, size_t errlen)
{
    size_t len = 0;
    char *text = file_read(path, CORPUS_MAX_BYTES, &len, err, errlen);
    if (!text) {
        memset(c, 0, sizeof *c);
        return -1;
    }
    int rc = corpus_load_buffer(c, path, text, len, err, errlen);
    free(text);
    return rc;
}

void corpus_free(corpus *c)
{
    free(c->path);
    free(c->vocab);
    free(c->tokens);
    free(c->offsets);
    memset(c, 0, sizeof *c);
}
