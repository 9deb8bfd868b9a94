/* series.c — see series.h. */
#include "series.h"

#include "util.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SERIES_FIRST_CAP 256 /* buckets allocated by series_init */

void series_init(series *s, size_t recent_cap)
{
    memset(s, 0, sizeof *s);
    s->bucket_cap = SERIES_FIRST_CAP;
    s->bucket_min = xmalloc(s->bucket_cap * sizeof *s->bucket_min);
    s->bucket_max = xmalloc(s->bucket_cap * sizeof *s->bucket_max);
    s->recent_cap = recent_cap;
    s->recent = recent_cap ? xmalloc(recent_cap * sizeof *s->recent) : NULL;
    s->recent_mark = recent_cap ? xmalloc(recent_cap) : NULL;
    series_clear(s);
}

void series_free(series *s)
{
    free(s->bucket_min);
    free(s->bucket_max);
    free(s->recent);
    free(s->recent_mark);
    memset(s, 0, sizeof *s);
}

void series_clear(series *s)
{
    s->buckets = 0;
    s->bucket_size = 1;
    s->count = 0;
    s->valid = 0;
    s->first_bad = SERIES_NONE;
    s->min = 0.0;
    s->max = 0.0;
}

/* Halves the number of buckets by merging neighbours; only called when all
 * SERIES_MAX_BUCKETS buckets are full, so every pair is complete. */
static void merge_pairs(series *s)
{
    size_t half = s->buckets / 2;
    for (size_t j = 0; j < half; j++) {
        double a = s->bucket_min[2 * j], b = s->bucket_min[2 * j + 1];
        s->bucket_min[j] = a < b ? a : b;
        a = s->bucket_max[2 * j];
        b = s->bucket_max[2 * j + 1];
        s->bucket_max[j] = a > b ? a : b;
    }
    s->buckets = half;
    s->bucket_size *= 2;
}

/* Makes room for one more bucket: grow the arrays (doubling) until the cap,
 * then merge. */
static void make_room(series *s)
{
    if (s->buckets < s->bucket_cap) return;
    if (s->bucket_cap < SERIES_MAX_BUCKETS) {
        size_t cap = s->bucket_cap * 2;
        if (cap > SERIES_MAX_BUCKETS) cap = SERIES_MAX_BUCKETS;
        s->bucket_min = xrealloc(s->bucket_min, cap * sizeof *s->bucket_min);
        s->bucket_max = xrealloc(s->bucket_max, cap * sizeof *s->bucket_max);
        s->bucket_cap = cap;
        return;
    }
    merge_pairs(s);
}

void series_append(series *s, double v) { series_append_marked(s, v, 0); }

void series_append_marked(series *s, double v, unsigned char mark)
{
    if (s->recent_cap) {
        s->recent[s->count % s->recent_cap] = v;
        s->recent_mark[s->count % s->recent_cap] = mark;
    }
    size_t index = s->count++;
    if (s->first_bad != SERIES_NONE) return;
    if (!isfinite(v)) {
        s->first_bad = index;
        return;
    }
    if (s->valid % s->bucket_size == 0) {
        /* The point opens a new bucket. */
        make_room(s);
        s->bucket_min[s->buckets] = v;
        s->bucket_max[s->buckets] = v;
        s->buckets++;
    } else {
        size_t last = s->buckets - 1;
        if (v < s->bucket_min[last]) s->bucket_min[last] = v;
        if (v > s->bucket_max[last]) s->bucket_max[last] = v;
    }
    if (s->valid == 0 || v < s->min) s->min = v;
    if (s->valid == 0 || v > s->max) s->max = v;
    s->valid++;
}

size_t series_recent(const series *s, size_t k, double *values, unsigned char *marks)
{
    size_t have = s->count < s->recent_cap ? s->count : s->recent_cap;
    if (k > have) k = have;
    size_t start = s->count - k;
    for (size_t i = 0; i < k; i++) {
        size_t slot = (start + i) % s->recent_cap;
        values[i] = s->recent[slot];
        if (marks) marks[i] = s->recent_mark[slot];
    }
    return k;
}

void series_reduce(const series *s, size_t span, size_t columns, double *col_min, double *col_max)
{
    for (size_t c = 0; c < columns; c++) col_min[c] = col_max[c] = NAN;
    if (span == 0 || columns == 0) return;
    for (size_t j = 0; j < s->buckets; j++) {
        /* 64-bit products: start < 2^40 and columns < 2^20 in any real use. */
        uint64_t start = (uint64_t)j * s->bucket_size;
        if (start >= span) break;
        size_t c = (size_t)(start * (uint64_t)columns / span);
        double lo = s->bucket_min[j], hi = s->bucket_max[j];
        if (isnan(col_min[c]) || lo < col_min[c]) col_min[c] = lo;
        if (isnan(col_max[c]) || hi > col_max[c]) col_max[c] = hi;
    }
}
