/* test_chart.c — the loss history store (series.c) and the chart model
 * (chart.c): column reduction, ticks and labels, braille and ASCII cells,
 * non-finite points, the sparkline and whole-chart rendering. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "chart.h"
#include "series.h"
#include "util.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define assert_close(a, b, eps)                                                        \
    do {                                                                               \
        double a_ = (a), b_ = (b);                                                     \
        if (!(fabs(a_ - b_) <= (eps)))                                                 \
            fail_msg("%s = %.17g, expected %.17g (+-%g)", #a, a_, b_, (double)(eps));  \
    } while (0)

/* NaN-aware exact comparison for reduced columns. */
static void assert_column(const double *mn, const double *mx, int c, double want_min, double want_max)
{
    if (isnan(want_min)) {
        if (!isnan(mn[c]) || !isnan(mx[c]))
            fail_msg("column %d: [%g, %g], expected empty (NaN)", c, mn[c], mx[c]);
        return;
    }
    if (mn[c] != want_min || mx[c] != want_max)
        fail_msg("column %d: [%g, %g], expected [%g, %g]", c, mn[c], mx[c], want_min, want_max);
}

static void fill(series *s, const double *v, size_t n)
{
    for (size_t i = 0; i < n; i++) series_append(s, v[i]);
}

/* Deterministic noise for the large tests (xorshift). */
static double noise(uint64_t *state)
{
    uint64_t x = *state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    *state = x;
    return (double)(x >> 11) / 9007199254740992.0;
}

/* ---- series: storage and reduction ---------------------------------------- */

static void test_reduce_small_series_exact(void **state)
{
    (void)state;
    series s;
    series_init(&s, 0);
    const double v[8] = {3, 1, 4, 1, 5, 9, 2, 6};
    fill(&s, v, 8);
    double mn[8], mx[8];

    series_reduce(&s, 8, 4, mn, mx);
    assert_column(mn, mx, 0, 1, 3);
    assert_column(mn, mx, 1, 1, 4);
    assert_column(mn, mx, 2, 5, 9);
    assert_column(mn, mx, 3, 2, 6);

    /* Uneven: point i goes to column floor(i * 3 / 8). */
    series_reduce(&s, 8, 3, mn, mx);
    assert_column(mn, mx, 0, 1, 4);
    assert_column(mn, mx, 1, 1, 9);
    assert_column(mn, mx, 2, 2, 6);

    /* A longer shared x axis (another series has 16 points): these 8
     * points fill the first half of the columns only. */
    series_reduce(&s, 16, 4, mn, mx);
    assert_column(mn, mx, 0, 1, 4);
    assert_column(mn, mx, 1, 2, 9);
    assert_column(mn, mx, 2, NAN, NAN);
    assert_column(mn, mx, 3, NAN, NAN);

    assert_true(s.min == 1 && s.max == 9);
    series_free(&s);
}

static void test_reduce_fewer_points_than_columns(void **state)
{
    (void)state;
    series s;
    series_init(&s, 0);
    const double v[3] = {7, -2, 0.5};
    fill(&s, v, 3);
    double mn[8], mx[8];
    series_reduce(&s, 3, 8, mn, mx);
    /* Point i sits in column floor(i * 8 / 3): 0, 2, 5. */
    assert_column(mn, mx, 0, 7, 7);
    assert_column(mn, mx, 1, NAN, NAN);
    assert_column(mn, mx, 2, -2, -2);
    assert_column(mn, mx, 3, NAN, NAN);
    assert_column(mn, mx, 4, NAN, NAN);
    assert_column(mn, mx, 5, 0.5, 0.5);
    assert_column(mn, mx, 6, NAN, NAN);
    assert_column(mn, mx, 7, NAN, NAN);

    /* No points at all, or a zero span: every column empty. */
    series empty;
    series_init(&empty, 0);
    series_reduce(&empty, 3, 8, mn, mx);
    for (int c = 0; c < 8; c++) assert_column(mn, mx, c, NAN, NAN);
    series_reduce(&s, 0, 8, mn, mx);
    for (int c = 0; c < 8; c++) assert_column(mn, mx, c, NAN, NAN);
    series_free(&empty);
    series_free(&s);
}

static void test_spike_in_a_million_points_stays_visible(void **state)
{
    (void)state;
    series s;
    series_init(&s, 0);
    const size_t n = 1000000, spike = 654321, dip = 123457; /* dip not first in its bucket */
    for (size_t i = 0; i < n; i++)
        series_append(&s, i == spike ? 100.0 : i == dip ? -5.0 : 1.0);
    /* Bounded memory: merged down to buckets of 128 points. */
    assert_int_equal(s.bucket_cap, SERIES_MAX_BUCKETS);
    assert_int_equal(s.bucket_size, 128);
    assert_true(s.buckets <= SERIES_MAX_BUCKETS && s.buckets * s.bucket_size >= n);

    double mn[80], mx[80];
    series_reduce(&s, n, 80, mn, mx);
    int spike_col = (int)(spike * 80 / n), dip_col = (int)(dip * 80 / n);
    assert_int_equal(spike_col, 52);
    assert_int_equal(dip_col, 9);
    for (int c = 0; c < 80; c++) {
        double want_max = c == spike_col ? 100.0 : 1.0;
        double want_min = c == dip_col ? -5.0 : 1.0;
        assert_column(mn, mx, c, want_min, want_max);
    }
    assert_true(s.min == -5.0 && s.max == 100.0);
    series_free(&s);
}

static void test_merged_buckets_match_brute_force(void **state)
{
    (void)state;
    const size_t n = 65536 + 77; /* merged twice, last bucket partial */
    double *v = xmalloc(n * sizeof *v);
    uint64_t rng = 88172645463325252ull;
    series s;
    series_init(&s, 0);
    for (size_t i = 0; i < n; i++) {
        v[i] = noise(&rng) * 10.0 - 3.0;
        series_append(&s, v[i]);
    }
    assert_int_equal(s.bucket_size, 16);

    /* Columns of 1024 points line up with the 16-point buckets: exact.
     * The span is a multiple of 1024 so the boundaries fall on buckets. */
    const size_t span = 66 * 1024, cols = 66;
    double mn[66], mx[66];
    series_reduce(&s, span, cols, mn, mx);
    for (size_t c = 0; c < cols; c++) {
        double lo = INFINITY, hi = -INFINITY;
        for (size_t i = c * 1024; i < (c + 1) * 1024 && i < n; i++) {
            if (v[i] < lo) lo = v[i];
            if (v[i] > hi) hi = v[i];
        }
        if (c * 1024 >= n) assert_column(mn, mx, (int)c, NAN, NAN);
        else assert_column(mn, mx, (int)c, lo, hi);
    }
    free(v);
    series_free(&s);
}

static void test_ten_million_points_fixed_memory(void **state)
{
    (void)state;
    series s;
    series_init(&s, 64);
    const size_t n = 10000000;
    for (size_t i = 0; i < n; i++) series_append(&s, (double)(i % 1000));
    assert_int_equal(s.count, n);
    assert_int_equal(s.valid, n);
    assert_int_equal(s.first_bad, SERIES_NONE);
    /* Two 8192-entry arrays whatever the length: 128 KiB. */
    assert_int_equal(s.bucket_cap, SERIES_MAX_BUCKETS);
    assert_int_equal(s.bucket_size, 2048);
    assert_true(s.min == 0.0 && s.max == 999.0);
    double mn[400], mx[400];
    series_reduce(&s, n, 400, mn, mx);
    for (int c = 0; c < 400; c++) assert_column(mn, mx, c, 0.0, 999.0);
    series_free(&s);
}

static void test_non_finite_points_end_the_plot(void **state)
{
    (void)state;
    assert_true(chart_is_bad(NAN));
    assert_true(chart_is_bad(INFINITY));
    assert_true(chart_is_bad(-INFINITY));
    assert_false(chart_is_bad(0.0));
    assert_false(chart_is_bad(DBL_MAX));
    assert_false(chart_is_bad(-DBL_MAX));
    assert_false(chart_is_bad(DBL_MIN / 4)); /* subnormal is still a number */

    series s;
    series_init(&s, 8);
    const double v[6] = {1, 2, NAN, 4, 100, -7};
    fill(&s, v, 6);
    assert_int_equal(s.count, 6);
    assert_int_equal(s.valid, 2);
    assert_int_equal(s.first_bad, 2);
    /* 100 and -7 came after the NaN: not part of the range. */
    assert_true(s.min == 1 && s.max == 2);
    double mn[6], mx[6];
    series_reduce(&s, 6, 6, mn, mx);
    assert_column(mn, mx, 0, 1, 1);
    assert_column(mn, mx, 1, 2, 2);
    for (int c = 2; c < 6; c++) assert_column(mn, mx, c, NAN, NAN);
    /* The recent ring still has the raw values, bad one included. */
    double raw[6];
    assert_int_equal(series_recent(&s, 6, raw, NULL), 6);
    assert_true(isnan(raw[2]) && raw[4] == 100);

    /* Infinity first: nothing plottable, index 0 reported. */
    series_clear(&s);
    series_append(&s, -INFINITY);
    series_append(&s, 3.0);
    assert_int_equal(s.first_bad, 0);
    assert_int_equal(s.valid, 0);
    assert_int_equal(s.count, 2);

    /* Clearing starts a fresh run. */
    series_clear(&s);
    series_append(&s, 5.0);
    assert_int_equal(s.first_bad, SERIES_NONE);
    assert_int_equal(s.valid, 1);
    assert_true(s.min == 5.0 && s.max == 5.0);
    series_free(&s);
}

static void test_recent_ring_with_marks(void **state)
{
    (void)state;
    series s;
    series_init(&s, 4);
    for (int i = 1; i <= 6; i++) series_append_marked(&s, i * 1.5, (unsigned char)(i % 2));
    double v[10];
    unsigned char m[10];
    assert_int_equal(series_recent(&s, 10, v, m), 4);
    const double want[4] = {4.5, 6.0, 7.5, 9.0};
    const unsigned char want_m[4] = {1, 0, 1, 0};
    for (int i = 0; i < 4; i++) {
        assert_true(v[i] == want[i]);
        assert_int_equal(m[i], want_m[i]);
    }
    assert_int_equal(series_recent(&s, 2, v, NULL), 2);
    assert_true(v[0] == 7.5 && v[1] == 9.0);

    series none;
    series_init(&none, 0);
    series_append(&none, 1.0);
    assert_int_equal(series_recent(&none, 5, v, m), 0);
    series_free(&none);
    series_free(&s);
}

/* ---- ticks, labels, range ------------------------------------------------- */

static void assert_ticks(double lo, double hi, int max, const double *want, int n_want, double want_step)
{
    double t[CHART_MAX_TICKS], step = -1;
    int n = chart_ticks(lo, hi, max, t, &step);
    if (n != n_want) fail_msg("[%g, %g] max %d: %d ticks, expected %d", lo, hi, max, n, n_want);
    for (int i = 0; i < n; i++)
        if (t[i] != want[i]) fail_msg("[%g, %g]: tick %d = %.17g, expected %.17g", lo, hi, i, t[i], want[i]);
    if (step != want_step) fail_msg("[%g, %g]: step %.17g, expected %.17g", lo, hi, step, want_step);
}

static void test_nice_ticks(void **state)
{
    (void)state;
    assert_ticks(0, 23.1, 5, (const double[]){0, 5, 10, 15, 20}, 5, 5);
    assert_ticks(0, 1, 3, (const double[]){0, 0.5, 1}, 3, 0.5);
    /* Decimal steps exact: 0.3 and not 0.30000000000000004. */
    assert_ticks(0.1, 0.35, 4, (const double[]){0.1, 0.2, 0.3}, 3, 0.1);
    assert_ticks(-7, 13, 5, (const double[]){-5, 0, 5, 10}, 4, 5);
    assert_ticks(0, 34999, 8, (const double[]){0, 5000, 10000, 15000, 20000, 25000, 30000}, 7, 5000);
    assert_ticks(2.06, 25.4, 5, (const double[]){5, 10, 15, 20, 25}, 5, 5);
    assert_ticks(0, 1e6, 3, (const double[]){0, 500000, 1000000}, 3, 500000);
    assert_ticks(20, 20, 4, (const double[]){20}, 1, 10);

    double t[4], step;
    assert_int_equal(chart_ticks(0, 10, 0, t, &step), 0);
    assert_int_equal(chart_ticks(NAN, 10, 3, t, &step), 0);
    assert_int_equal(chart_ticks(0, INFINITY, 3, t, &step), 0);
    /* A narrow range between coarse ticks still gets one tick inside it. */
    assert_int_equal(chart_ticks(0.31, 0.34, 1, t, &step), 1);
    assert_true(t[0] >= 0.31 && t[0] <= 0.34);
}

static void assert_label(double v, double step, const char *want)
{
    char buf[CHART_LABEL_MAX];
    chart_format_number(v, step, buf, sizeof buf);
    if (strcmp(buf, want) != 0) fail_msg("format(%.17g, step %g) = \"%s\", expected \"%s\"", v, step, buf, want);
}

static void test_compact_labels(void **state)
{
    (void)state;
    assert_label(1200, 200, "1.2k");
    assert_label(1200, 0, "1.2k");
    assert_label(35000, 5000, "35k");
    assert_label(1500000, 500000, "1.5M");
    assert_label(2000, 1000, "2k");
    assert_label(500, 500, "500");
    assert_label(0, 5000, "0");
    assert_label(23.07, 0, "23.1");
    assert_label(0.5, 0, "0.5");
    assert_label(0.5, 0.5, "0.5");
    assert_label(1.0, 0.5, "1");
    assert_label(22.5, 0.5, "22.5");
    assert_label(0.05, 0.05, "0.05");
    assert_label(10, 5, "10");
    assert_label(-1500, 500, "-1.5k");
    assert_label(-0.0, 0, "0");
    assert_label(1e-17, 0.1, "0");      /* tick arithmetic noise */
    assert_label(999.96, 0, "1k");      /* rounding carries to the next suffix */
    assert_label(2.5e9, 0, "2.5G");
    assert_label(NAN, 0, "nan");
    assert_label(-INFINITY, 0, "-inf");
    char small[3];
    chart_format_number(35000, 5000, small, sizeof small);
    assert_string_equal(small, "35"); /* cut, still terminated */
}

static void test_padded_y_range(void **state)
{
    (void)state;
    double lo, hi;
    chart_pad_range(10, 20, &lo, &hi);
    assert_close(lo, 9.5, 1e-12);
    assert_close(hi, 20.5, 1e-12);
    /* Positive data does not get a negative axis. */
    chart_pad_range(0.2, 10, &lo, &hi);
    assert_true(lo == 0.0);
    assert_close(hi, 10.49, 1e-12);
    /* Flat series (and a single point): +-10% of the value. */
    chart_pad_range(23.07, 23.07, &lo, &hi);
    assert_close(lo, 20.763, 1e-9);
    assert_close(hi, 25.377, 1e-9);
    chart_pad_range(0, 0, &lo, &hi);
    assert_true(lo == 0.0 && hi == 1.0);
    chart_pad_range(-5, -1, &lo, &hi);
    assert_close(lo, -5.2, 1e-12);
    assert_close(hi, -0.8, 1e-12);
    chart_pad_range(-3, -0.1, &lo, &hi);
    assert_true(hi <= 0.0);
    chart_pad_range(NAN, 1, &lo, &hi);
    assert_true(lo == 0.0 && hi == 1.0);
}

/* ---- braille and ASCII cells ---------------------------------------------- */

static void test_braille_code_points(void **state)
{
    (void)state;
    chart_canvas c;
    chart_canvas_init(&c);
    chart_canvas_reset(&c, 3, 1);
    /* Cell 0: top-left dot only. */
    chart_canvas_set(&c, 0, 0, 0);
    /* Cell 1: every dot. */
    for (int dx = 0; dx < 2; dx++)
        for (int dy = 0; dy < 4; dy++) chart_canvas_set(&c, 2 + dx, dy, 0);
    /* Cell 2: the left column. */
    chart_canvas_vline(&c, 4, 3, 0, 0);
    assert_int_equal(chart_braille_char(c.dots[0]), 0x2801);
    assert_int_equal(chart_braille_char(c.dots[1]), 0x28FF);
    assert_int_equal(chart_braille_char(c.dots[2]), 0x2847);

    uint8_t right = 0;
    for (int dy = 0; dy < 4; dy++) right |= chart_braille_bit(1, dy);
    assert_int_equal(chart_braille_char(right), 0x28B8);
    assert_int_equal(chart_braille_bit(0, 3), 0x40);
    assert_int_equal(chart_braille_bit(1, 3), 0x80);
    assert_int_equal(chart_braille_bit(2, 0), 0);
    assert_int_equal(chart_braille_bit(0, 4), 0);

    /* Dots off the canvas are ignored, not written elsewhere. */
    chart_canvas_set(&c, 6, 0, 0);
    chart_canvas_set(&c, -1, 0, 0);
    chart_canvas_set(&c, 0, 4, 0);
    assert_int_equal(c.dots[0], 0x01);
    assert_int_equal(c.dots[2], 0x47);

    /* And the UTF-8 bytes of U+2801 U+28FF U+2847. */
    chart_cell cells[3];
    for (int i = 0; i < 3; i++) cells[i] = (chart_cell){chart_braille_char(c.dots[i]), CHART_ROLE_SERIES};
    char buf[16];
    assert_int_equal(chart_cells_to_utf8(cells, 3, buf, sizeof buf), 9);
    assert_string_equal(buf, "\xe2\xa0\x81\xe2\xa3\xbf\xe2\xa1\x87");
    /* A short buffer holds whole characters only. */
    assert_int_equal(chart_cells_to_utf8(cells, 3, buf, 6), 3);
    assert_string_equal(buf, "\xe2\xa0\x81");
    chart_canvas_free(&c);
}

static void test_ascii_fallback(void **state)
{
    (void)state;
    uint8_t l0 = chart_braille_bit(0, 0), l1 = chart_braille_bit(0, 1);
    uint8_t l2 = chart_braille_bit(0, 2), l3 = chart_braille_bit(0, 3);
    uint8_t r0 = chart_braille_bit(1, 0), r3 = chart_braille_bit(1, 3);
    assert_int_equal(chart_ascii_char(0), ' ');
    assert_int_equal(chart_ascii_char(l0), '\'');
    assert_int_equal(chart_ascii_char(l0 | r0), '\'');
    assert_int_equal(chart_ascii_char(l0 | l1), '\'');
    assert_int_equal(chart_ascii_char(l1), '-');
    assert_int_equal(chart_ascii_char(l1 | l2), '-');
    assert_int_equal(chart_ascii_char(l2), '-');
    assert_int_equal(chart_ascii_char(l3), '.');
    assert_int_equal(chart_ascii_char(l2 | r3), '.');
    assert_int_equal(chart_ascii_char(l0 | l1 | l2 | l3), '|');
    assert_int_equal(chart_ascii_char(l1 | l2 | r3), '|');
    assert_int_equal(chart_ascii_char(l0 | r3), ':');
    assert_int_equal(chart_ascii_char(l0 | l1 | r3), ':');
    assert_int_equal(chart_ascii_char(0xFF), '|');
}

static void test_later_series_owns_shared_cells(void **state)
{
    (void)state;
    chart_canvas c;
    chart_canvas_init(&c);
    chart_canvas_reset(&c, 2, 1);
    chart_canvas_set(&c, 0, 0, 0);  /* series 0, cell 0 */
    chart_canvas_set(&c, 2, 2, 0);  /* series 0, cell 1 */
    chart_canvas_set(&c, 1, 3, 1);  /* series 1 takes cell 0 */
    chart_canvas_set(&c, 0, 1, 0);  /* series 0 again: stays hidden */
    assert_int_equal(c.owner[0], 2);
    assert_int_equal(c.dots[0], 0x80);
    assert_int_equal(chart_canvas_get(&c, 1, 3), 2);
    assert_int_equal(chart_canvas_get(&c, 0, 0), 0);
    assert_int_equal(chart_canvas_get(&c, 0, 1), 0);
    assert_int_equal(chart_canvas_get(&c, 2, 2), 1);
    assert_int_equal(c.owner[1], 1);
    chart_canvas_free(&c);
}

/* Rows of dot column x that are set, as [top, bottom]; -1 when none. */
static void column_extent(const chart_canvas *c, int x, int *top, int *bottom)
{
    *top = *bottom = -1;
    for (int y = 0; y < 4 * c->height; y++) {
        if (!chart_canvas_get(c, x, y)) continue;
        if (*top < 0) *top = y;
        *bottom = y;
    }
}

static void test_plot_is_continuous(void **state)
{
    (void)state;
    chart_canvas c;
    chart_canvas_init(&c);
    chart_canvas_reset(&c, 10, 4); /* 20 x 16 dots */
    double mn[20], mx[20];
    /* Two points far apart (n < columns): a line between them. */
    for (int x = 0; x < 20; x++) mn[x] = mx[x] = NAN;
    mn[0] = mx[0] = 1.0;
    mn[15] = mx[15] = 0.0;
    chart_canvas_plot(&c, mn, mx, 0.0, 1.0, 0);
    int prev_top = -1, prev_bottom = -1;
    for (int x = 0; x <= 15; x++) {
        int top, bottom;
        column_extent(&c, x, &top, &bottom);
        if (top < 0) fail_msg("dot column %d is empty", x);
        if (x > 0 && (top > prev_bottom + 1 || bottom < prev_top - 1))
            fail_msg("gap between dot columns %d and %d", x - 1, x);
        prev_top = top;
        prev_bottom = bottom;
    }
    int top, bottom;
    column_extent(&c, 0, &top, &bottom);
    assert_int_equal(top, 0);
    column_extent(&c, 15, &top, &bottom);
    assert_int_equal(bottom, 15);
    for (int x = 16; x < 20; x++) {
        column_extent(&c, x, &top, &bottom);
        assert_int_equal(top, -1); /* nothing after the last point */
    }

    /* A cliff between neighbours is joined in the later column. */
    chart_canvas_reset(&c, 10, 4);
    for (int x = 0; x < 20; x++) mn[x] = mx[x] = x < 10 ? 1.0 : 0.0;
    chart_canvas_plot(&c, mn, mx, 0.0, 1.0, 0);
    column_extent(&c, 10, &top, &bottom);
    assert_int_equal(top, 1);
    assert_int_equal(bottom, 15);
    column_extent(&c, 9, &top, &bottom);
    assert_int_equal(top, 0);
    assert_int_equal(bottom, 0);

    /* A min/max segment covers its whole range. */
    chart_canvas_reset(&c, 1, 4);
    mn[0] = 0.26;
    mx[0] = 0.74;
    mn[1] = mx[1] = NAN;
    chart_canvas_plot(&c, mn, mx, 0.0, 1.0, 0);
    column_extent(&c, 0, &top, &bottom);
    assert_int_equal(top, 4);     /* floor((1 - 0.74) * 16) */
    assert_int_equal(bottom, 11); /* floor((1 - 0.26) * 16) */
    assert_int_equal(chart_value_to_dot_row(1.0, 0, 1, 16), 0);
    assert_int_equal(chart_value_to_dot_row(0.0, 0, 1, 16), 15);
    assert_int_equal(chart_value_to_dot_row(5.0, 0, 1, 16), 0);
    assert_int_equal(chart_value_to_dot_row(-5.0, 0, 1, 16), 15);
    chart_canvas_free(&c);
}

/* ---- sparkline ------------------------------------------------------------ */

static void test_sparkline_levels(void **state)
{
    (void)state;
    const double v[8] = {0, 1, 2, 3, 4, 5, 6, 7};
    chart_cell cells[10];
    chart_sparkline(v, NULL, 8, 0, 0, 1, cells, 8);
    for (int i = 0; i < 8; i++) {
        assert_int_equal(cells[i].ch, 0x2581 + i);
        assert_int_equal(cells[i].role, CHART_ROLE_SPARK);
    }
    char buf[64];
    chart_cells_to_utf8(cells, 8, buf, sizeof buf);
    assert_string_equal(buf, "▁▂▃▄▅▆▇█");

    chart_sparkline(v, NULL, 8, 0, 0, 0, cells, 8);
    chart_cells_to_utf8(cells, 8, buf, sizeof buf);
    assert_string_equal(buf, "__..-==#");

    /* Fewer values than cells: blank on the left, newest on the right. */
    chart_sparkline(v, NULL, 3, 0, 0, 1, cells, 5);
    assert_int_equal(cells[0].ch, ' ');
    assert_int_equal(cells[1].role, CHART_ROLE_BLANK);
    assert_int_equal(cells[2].ch, 0x2581);
    assert_int_equal(cells[4].ch, 0x2588);
    /* More values than cells: the last ones (5, 6, 7 of range 5..7). */
    chart_sparkline(v, NULL, 8, 0, 0, 1, cells, 3);
    assert_int_equal(cells[0].ch, 0x2581);
    assert_int_equal(cells[1].ch, 0x2585);
    assert_int_equal(cells[2].ch, 0x2588);

    /* A fixed range clamps; a flat run sits at the bottom. */
    const double w[3] = {5, 20, -1};
    chart_sparkline(w, NULL, 3, 0, 10, 1, cells, 3);
    assert_int_equal(cells[0].ch, 0x2585);
    assert_int_equal(cells[1].ch, 0x2588);
    assert_int_equal(cells[2].ch, 0x2581);
    const double flat[3] = {4, 4, 4};
    chart_sparkline(flat, NULL, 3, 0, 0, 1, cells, 3);
    for (int i = 0; i < 3; i++) assert_int_equal(cells[i].ch, 0x2581);
    chart_sparkline(v, NULL, 0, 0, 0, 1, cells, 0); /* nothing to do, no write */
}

static void test_sparkline_marks_and_bad_values(void **state)
{
    (void)state;
    const double v[5] = {1, 9, NAN, 5, INFINITY};
    const unsigned char clipped[5] = {0, 1, 0, 1, 0};
    chart_cell cells[5];
    chart_sparkline(v, clipped, 5, 0, 0, 1, cells, 5);
    /* The range is 1..9 from the finite values only. */
    assert_int_equal(cells[0].ch, 0x2581);
    assert_int_equal(cells[0].role, CHART_ROLE_SPARK);
    assert_int_equal(cells[1].ch, 0x2588);
    assert_int_equal(cells[1].role, CHART_ROLE_CLIPPED);
    assert_int_equal(cells[2].ch, '?');
    assert_int_equal(cells[2].role, CHART_ROLE_BAD);
    assert_int_equal(cells[3].ch, 0x2585);
    assert_int_equal(cells[3].role, CHART_ROLE_CLIPPED);
    assert_int_equal(cells[4].role, CHART_ROLE_BAD);

    chart_sparkline(v, clipped, 5, 0, 0, 0, cells, 5);
    char buf[16];
    chart_cells_to_utf8(cells, 5, buf, sizeof buf);
    assert_string_equal(buf, "_!?!?");
}

/* ---- whole chart ---------------------------------------------------------- */

/* Every row must be exactly width one-column characters, match its cells,
 * and stay ASCII in ASCII mode. */
static void check_frame(const chart_frame *f, int width, int height, int utf8)
{
    assert_int_equal(f->width, width);
    assert_int_equal(f->height, height);
    for (int y = 0; y < height; y++) {
        const char *row = f->rows[y];
        size_t len = strlen(row), at = 0;
        if (len > 4 * (size_t)width) fail_msg("row %d too long", y);
        int x = 0;
        while (at < len) {
            uint32_t cp;
            size_t m = utf8_decode(row + at, len - at, &cp);
            if (m == 0) fail_msg("row %d: invalid UTF-8 at byte %zu", y, at);
            if (!utf8 && cp >= 0x80) fail_msg("row %d: U+%04X in ASCII mode", y, (unsigned)cp);
            if (x >= width) fail_msg("row %d: more than %d cells", y, width);
            if (cp != f->cells[(size_t)y * (size_t)width + (size_t)x].ch)
                fail_msg("row %d col %d: text and cell differ", y, x);
            at += m;
            x++;
        }
        if (x != width) fail_msg("%dx%d row %d: %d cells, expected %d", width, height, y, x, width);
    }
    assert_true(f->plot_x >= 0 && f->plot_x + f->plot_width <= width);
}

static void test_render_any_size(void **state)
{
    (void)state;
    series a, b, c, d;
    series_init(&a, 0);
    series_init(&b, 0);
    series_init(&c, 0);
    series_init(&d, 0);
    series_append(&b, 23.07);
    for (int i = 0; i < 20000; i++) {
        series_append(&c, i == 12000 ? NAN : 30.0 - i * 0.001);
        series_append(&d, 30.0 + 20 * sin(i / 50.0));
    }
    series_append(&a, 1.0);
    series_append(&a, -4.0e6);
    const series *sets[4][2] = {{&a, &b}, {&b, &b}, {&c, &d}, {&d, &c}};
    chart_frame f;
    chart_frame_init(&f);
    const series *none[1] = {&a};
    chart_render(&f, none, 0, 10, 4, 1); /* no series at all */
    check_frame(&f, 10, 4, 1);
    for (int set = 0; set < 4; set++)
        for (int utf8 = 0; utf8 <= 1; utf8++)
            for (int h = 0; h <= 7; h++)
                for (int w = 0; w <= 30; w++) {
                    chart_render(&f, sets[set], 2, w, h, utf8);
                    check_frame(&f, w, h, utf8);
                }
    chart_render(&f, sets[2], 2, -3, -1, 1);
    check_frame(&f, 0, 0, 1);
    chart_render(&f, sets[2], 2, 200, 50, 1);
    check_frame(&f, 200, 50, 1);
    chart_frame_free(&f);
    series_free(&a);
    series_free(&b);
    series_free(&c);
    series_free(&d);
}

static void assert_rows(const chart_frame *f, const char *const *want, int n)
{
    for (int y = 0; y < n; y++)
        if (strcmp(f->rows[y], want[y]) != 0)
            fail_msg("row %d:\n  got  [%s]\n  want [%s]", y, f->rows[y], want[y]);
}

static void test_render_golden_utf8_and_ascii(void **state)
{
    (void)state;
    /* A straight fall from 100 to 1 over 100 iterations: y range [0, 104.95]
     * (5% padding, clamped at 0), ticks 0 and 100 on the bottom and top
     * rows, x ticks every 20 iterations at column 4 + t * 20 / 100. */
    series s;
    series_init(&s, 0);
    for (int i = 0; i < 100; i++) series_append(&s, 100.0 - i);
    const series *list[1] = {&s};
    chart_frame f;
    chart_frame_init(&f);
    chart_render(&f, list, 1, 24, 6, 1);
    const char *want_utf8[6] = {
        "100┤⠓⠲⠤⣀⡀               ",
        "   │    ⠉⠑⠒⠤⣄⡀          ",
        "   │         ⠈⠉⠒⠦⢄⣀     ",
        "  0┤              ⠈⠉⠓⠦⢤⣀",
        "   └────┬───┬───┬───┬───",
        "    0   20  40  60  80  ",
    };
    assert_rows(&f, want_utf8, 6);
    assert_int_equal(f.plot_x, 4);
    assert_int_equal(f.plot_width, 20);
    assert_int_equal(f.plot_height, 4);
    assert_int_equal(f.cells[0].role, CHART_ROLE_LABEL);
    assert_int_equal(f.cells[3].role, CHART_ROLE_AXIS);
    assert_int_equal(f.cells[4].role, CHART_ROLE_SERIES);
    assert_int_equal(f.cells[5 * 24 + 4].role, CHART_ROLE_LABEL);

    chart_render(&f, list, 1, 24, 6, 0);
    const char *want_ascii[6] = {
        "100+'--..               ",
        "   |    ''--..          ",
        "   |         ''--..     ",
        "  0+              '''-..",
        "   +----+---+---+---+---",
        "    0   20  40  60  80  ",
    };
    assert_rows(&f, want_ascii, 6);

    /* A single point: a flat range of +-10% around it. */
    series p;
    series_init(&p, 0);
    series_append(&p, 23.07);
    const series *one[1] = {&p};
    chart_render(&f, one, 1, 16, 5, 1);
    const char *want_point[5] = {
        "24┤             ",
        "  │⠄            ",
        "22┤             ",
        "  └─────────────",
        "   0            ",
    };
    assert_rows(&f, want_point, 5);
    chart_frame_free(&f);
    series_free(&p);
    series_free(&s);
}

static void test_render_stops_at_first_bad_point(void **state)
{
    (void)state;
    series s;
    series_init(&s, 0);
    const double v[8] = {1, 2, 3, NAN, 50, 60, 70, 80};
    fill(&s, v, 8);
    const series *list[1] = {&s};
    chart_frame f;
    chart_frame_init(&f);
    chart_render(&f, list, 1, 30, 8, 1);
    check_frame(&f, 30, 8, 1);
    /* The x axis still covers all 8 iterations; y ignores 50..80. */
    assert_int_equal(f.x_span, 8);
    assert_true(f.y_hi < 4.0);
    int last_cell = f.plot_x + 2 * f.plot_width / 8; /* cell of point 2 */
    int drawn = 0;
    for (int y = 0; y < f.plot_height; y++)
        for (int x = f.plot_x; x < f.width; x++) {
            const chart_cell *cell = &f.cells[(size_t)y * (size_t)f.width + (size_t)x];
            if (cell->role != CHART_ROLE_SERIES) continue;
            drawn++;
            if (x > last_cell) fail_msg("dot at column %d after the NaN (last %d)", x, last_cell);
        }
    assert_true(drawn > 0);
    chart_frame_free(&f);
    series_free(&s);
}

static void test_render_roles_and_reuse(void **state)
{
    (void)state;
    series lo, hi;
    series_init(&lo, 0);
    series_init(&hi, 0);
    for (int i = 0; i < 50; i++) {
        series_append(&lo, 1.0);
        series_append(&hi, 5.0);
    }
    const series *list[2] = {&lo, &hi};
    chart_frame f;
    chart_frame_init(&f);
    chart_render(&f, list, 2, 40, 10, 1);
    int seen[2] = {0, 0};
    for (int y = 0; y < f.plot_height; y++)
        for (int x = f.plot_x; x < f.width; x++) {
            int role = f.cells[(size_t)y * 40 + (size_t)x].role;
            if (role >= CHART_ROLE_SERIES) {
                int k = role - CHART_ROLE_SERIES;
                assert_true(k == 0 || k == 1);
                seen[k]++;
                /* Series 1 (value 5) is above series 0 (value 1). */
                assert_true(k == 1 ? y < f.plot_height / 2 : y >= f.plot_height / 2);
            }
        }
    assert_int_equal(seen[0], f.plot_width);
    assert_int_equal(seen[1], f.plot_width);
    /* The same size again reuses every buffer. */
    const chart_cell *cells = f.cells;
    char *const *rows = f.rows;
    const char *text = f.text;
    chart_render(&f, list, 2, 40, 10, 1);
    chart_render(&f, list, 2, 20, 5, 0);
    assert_ptr_equal(f.cells, cells);
    assert_ptr_equal(f.rows, rows);
    assert_ptr_equal(f.text, text);
    chart_frame_free(&f);
    series_free(&lo);
    series_free(&hi);
}

/* Not a pass/fail check: prints how long the panel's worst case takes. */
static void test_render_speed_report(void **state)
{
    (void)state;
    series ex, sm;
    series_init(&ex, 0);
    series_init(&sm, 0);
    uint64_t rng = 2463534242ull;
    double loss = 23.07;
    double t0 = now_seconds();
    for (int i = 0; i < 1000000; i++) {
        double e = (8 + 15 * exp(-i / 8000.0)) * (0.4 + 1.2 * noise(&rng));
        loss = 0.999 * loss + 0.001 * e;
        series_append(&ex, e);
        series_append(&sm, loss);
    }
    double t1 = now_seconds();
    const series *list[2] = {&ex, &sm};
    chart_frame f;
    chart_frame_init(&f);
    chart_render(&f, list, 2, 200, 50, 1);
    const int reps = 50;
    double t2 = now_seconds();
    for (int r = 0; r < reps; r++) chart_render(&f, list, 2, 200, 50, 1);
    double t3 = now_seconds();
    check_frame(&f, 200, 50, 1);
    printf("chart: 2 x 10^6 appends %.1f ns each; 200x50 render of 2 x 10^6 points %.3f ms\n",
           (t1 - t0) / 2e6 * 1e9, (t3 - t2) / reps * 1e3);
    chart_frame_free(&f);
    series_free(&ex);
    series_free(&sm);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reduce_small_series_exact),
        cmocka_unit_test(test_reduce_fewer_points_than_columns),
        cmocka_unit_test(test_spike_in_a_million_points_stays_visible),
        cmocka_unit_test(test_merged_buckets_match_brute_force),
        cmocka_unit_test(test_ten_million_points_fixed_memory),
        cmocka_unit_test(test_non_finite_points_end_the_plot),
        cmocka_unit_test(test_recent_ring_with_marks),
        cmocka_unit_test(test_nice_ticks),
        cmocka_unit_test(test_compact_labels),
        cmocka_unit_test(test_padded_y_range),
        cmocka_unit_test(test_braille_code_points),
        cmocka_unit_test(test_ascii_fallback),
        cmocka_unit_test(test_later_series_owns_shared_cells),
        cmocka_unit_test(test_plot_is_continuous),
        cmocka_unit_test(test_sparkline_levels),
        cmocka_unit_test(test_sparkline_marks_and_bad_values),
        cmocka_unit_test(test_render_any_size),
        cmocka_unit_test(test_render_golden_utf8_and_ascii),
        cmocka_unit_test(test_render_stops_at_first_bad_point),
        cmocka_unit_test(test_render_roles_and_reuse),
        cmocka_unit_test(test_render_speed_report),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
