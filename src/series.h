/* series.h — the history of one training quantity (a loss, a gradient norm),
 * kept small enough to hold every iteration of a long run.
 *
 * Storage: an adaptive min/max store, not the raw points.
 *   The points are grouped into buckets of bucket_size consecutive points
 *   (a power of two, starting at 1) and each bucket keeps only its minimum
 *   and maximum. There are at most SERIES_MAX_BUCKETS buckets; when they are
 *   all full, neighbouring pairs are merged and bucket_size doubles. So:
 *   - memory is bounded: 2 doubles per bucket, at most 128 KiB per series
 *     whether it holds 10^3 or 10^9 points (raw doubles would need 80 MB for
 *     10^7 points, and every redraw would have to scan them all);
 *   - up to SERIES_MAX_BUCKETS points every point is kept exactly;
 *   - no value is ever lost from a min or a max, so a single spike in
 *     millions of points still shows in the plot;
 *   - once merging has started there are always at least
 *     SERIES_MAX_BUCKETS / 2 = 4096 buckets, so a bucket that straddles a
 *     column boundary moves its min/max sideways by at most one bucket:
 *     a tenth of a dot column on a 200-cell-wide chart (400 dot columns).
 *   The whole history is always what the chart shows, so a full multi-level
 *   pyramid (to zoom into a window) would cost memory for nothing here.
 *   The last recent_cap raw values are also kept in a ring, for sparklines.
 *
 * Non-finite values: the first NaN or infinity ends the plottable part.
 *   A diverged run produces nothing but non-finite values afterwards, so the
 *   series keeps counting appended points (count) but stores only the finite
 *   prefix [0, valid); first_bad is the index of the first bad point. The
 *   recent ring keeps every raw value, bad ones included.
 *
 * Cost: series_append is O(1) amortised and allocates only while the bucket
 *   array grows towards SERIES_MAX_BUCKETS (doubling); a merge touches every
 *   bucket once per doubling of the point count. series_reduce is
 *   O(buckets + columns), independent of the number of points.
 *
 * Ownership and threads: series_init allocates, series_free releases (the
 *   struct itself belongs to the caller). Callers may read the fields
 *   (count, valid, first_bad, min, max) but change them only through these
 *   functions. A series is not locked: use it from one thread, or guard it
 *   (rendering a chart from two 10^6-point series takes well under 1 ms,
 *   so holding a mutex across chart_render is cheap).
 */
#ifndef SEQTUTOR_SERIES_H
#define SEQTUTOR_SERIES_H

#include <stddef.h>

#define SERIES_MAX_BUCKETS 8192  /* must be even */
#define SERIES_NONE ((size_t)-1) /* first_bad when every point was finite */

typedef struct {
    double *bucket_min;    /* [bucket_cap] minimum of each bucket */
    double *bucket_max;    /* [bucket_cap] maximum of each bucket */
    size_t bucket_cap;     /* allocated buckets (grows to SERIES_MAX_BUCKETS) */
    size_t buckets;        /* buckets in use; the last one may be partial */
    size_t bucket_size;    /* points per full bucket, a power of two */
    size_t count;          /* points appended, finite or not */
    size_t valid;          /* finite prefix stored in the buckets */
    size_t first_bad;      /* index of the first non-finite point, or SERIES_NONE */
    double min, max;       /* over the valid prefix (meaningless while valid == 0) */
    double *recent;        /* [recent_cap] ring of the last raw values */
    unsigned char *recent_mark; /* [recent_cap] the mark given with each of them */
    size_t recent_cap;
} series;

/* recent_cap: how many raw values to keep for series_recent (0 = none). */
void series_init(series *s, size_t recent_cap);
void series_free(series *s);
/* Forgets every point (a new run); keeps the allocations. */
void series_clear(series *s);
void series_append(series *s, double v);
/* The same, with a mark kept beside the value in the recent ring (e.g. 1 for
 * an iteration whose gradients were clipped); the plot ignores marks. */
void series_append_marked(series *s, double v, unsigned char mark);

/* Copies the last min(k, count, recent_cap) raw values, oldest first, into
 * values (and their marks into marks, unless it is NULL) and returns how
 * many it copied. */
size_t series_recent(const series *s, size_t k, double *values, unsigned char *marks);

/* Column reduction of the points [0, span) into `columns` columns: point i
 * belongs to column floor(i * columns / span), so the columns divide the
 * iterations evenly and n < columns leaves some columns without a point.
 * Writes the min and max of each column into col_min[c], col_max[c]
 * (arrays of `columns`); a column with no stored point (no point maps to it,
 * or it lies past the first bad point) gets NaN in both. span is normally
 * the longest series' count, so several series share one x axis; points at
 * or beyond span are ignored. Once buckets hold several points, a bucket
 * goes whole to the column of its first point (so a column boundary is
 * exact to within one bucket). Exact per point while count <=
 * SERIES_MAX_BUCKETS, and at any count for columns whose boundaries fall on
 * multiples of bucket_size. */
void series_reduce(const series *s, size_t span, size_t columns, double *col_min, double *col_max);

#endif
