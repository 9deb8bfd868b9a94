/* model_io.c — see model_io.h. */
#include "model_io.h"

#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char MAGIC[8] = {'S', 'E', 'Q', 'T', 'R', 'N', 'N', 0x1a};
enum { VERSION = 1, MAX_HIDDEN = 4096 };

static uint32_t fnv1a(const unsigned char *p, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 16777619u;
    return h;
}

static void put_u32(strbuf *sb, uint32_t v)
{
    unsigned char b[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    sb_append(sb, (const char *)b, 4);
}

static void put_u64(strbuf *sb, uint64_t v)
{
    put_u32(sb, (uint32_t)v);
    put_u32(sb, (uint32_t)(v >> 32));
}

static void put_f64(strbuf *sb, double d)
{
    uint64_t v;
    memcpy(&v, &d, 8);
    put_u64(sb, v);
}

int model_save(const char *path, const charrnn *m, const corpus *v, long iterations, double loss,
               char *err, size_t errlen)
{
    strbuf sb;
    sb_init(&sb);
    sb_append(&sb, MAGIC, 8);
    put_u32(&sb, VERSION);
    put_u32(&sb, (uint32_t)m->n_a);
    put_u32(&sb, (uint32_t)v->V);
    put_u64(&sb, (uint64_t)iterations);
    put_f64(&sb, loss);
    for (int i = 0; i < v->V; i++) put_u32(&sb, v->vocab[i]);
    for (size_t i = 0; i < m->n_params; i++) put_f64(&sb, m->param_mem[i]);
    put_u32(&sb, fnv1a((const unsigned char *)sb.data, sb.len));
    int rc = file_write_atomic(path, sb.data, sb.len, err, errlen);
    sb_free(&sb);
    return rc;
}

typedef struct {
    const unsigned char *p;
    size_t len, pos;
} reader;

static int get_u32(reader *r, uint32_t *out)
{
    if (r->len - r->pos < 4) return -1;
    const unsigned char *b = r->p + r->pos;
    *out = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
    r->pos += 4;
    return 0;
}

static int get_u64(reader *r, uint64_t *out)
{
    uint32_t lo, hi;
    if (get_u32(r, &lo) || get_u32(r, &hi)) return -1;
    *out = (uint64_t)hi << 32 | lo;
    return 0;
}

static int get_f64(reader *r, double *out)
{
    uint64_t v;
    if (get_u64(r, &v)) return -1;
    memcpy(out, &v, 8);
    return 0;
}

int model_load(const char *path, charrnn *m, corpus *v, long *iterations, double *loss, char *err,
               size_t errlen)
{
    size_t len = 0;
    char *data = file_read(path, (size_t)512 << 20, &len, err, errlen);
    if (!data) return -1;
    reader r = {(const unsigned char *)data, len, 0};
    uint32_t version = 0, n_a = 0, V = 0, check = 0;
    uint64_t iters;
    double l;
    const char *why = NULL;
    if (len < 8 || memcmp(data, MAGIC, 8) != 0) why = "not a seqtutor model file (bad magic number)";
    else if ((r.pos = 8, get_u32(&r, &version))) why = "truncated header";
    else if (version != VERSION) why = "unsupported model version";
    else if (get_u32(&r, &n_a) || get_u32(&r, &V) || get_u64(&r, &iters) || get_f64(&r, &l))
        why = "truncated header";
    else if (n_a == 0 || n_a > MAX_HIDDEN || V < 2 || V > CORPUS_MAX_VOCAB)
        why = "implausible dimensions";
    if (why) {
        snprintf(err, errlen, "%s: %s", path, why);
        free(data);
        return -1;
    }
    size_t n_params = (size_t)n_a * V * 2 + (size_t)n_a * n_a + n_a + V;
    size_t need = r.pos + (size_t)V * 4 + n_params * 8 + 4;
    if (len < need) why = "truncated (the file is shorter than its header says)";
    else if (len > need) why = "has trailing bytes after the model";
    else {
        size_t body = need - 4;
        reader c = {r.p, len, body};
        if (get_u32(&c, &check) || check != fnv1a(r.p, body)) why = "checksum mismatch (the file is corrupt)";
    }
    if (why) {
        snprintf(err, errlen, "%s: %s", path, why);
        free(data);
        return -1;
    }
    memset(v, 0, sizeof *v);
    v->path = xstrdup(path);
    v->V = (int)V;
    v->vocab = xmalloc(V * sizeof *v->vocab);
    for (uint32_t i = 0; i < V; i++) get_u32(&r, &v->vocab[i]);
    int sorted = 1;
    for (uint32_t i = 1; i < V; i++)
        if (v->vocab[i] <= v->vocab[i - 1]) sorted = 0;
    v->newline_ix = corpus_index_of(v, '\n');
    if (!sorted || v->newline_ix < 0) {
        snprintf(err, errlen, "%s: the vocabulary is damaged", path);
        corpus_free(v);
        free(data);
        return -1;
    }
    charrnn_init(m, (int)n_a, (int)V, (int)V, 2);
    for (size_t i = 0; i < n_params; i++) get_f64(&r, &m->param_mem[i]);
    charrnn_sync(m);
    free(data);
    if (iterations) *iterations = (long)iters;
    if (loss) *loss = l;
    return 0;
}
