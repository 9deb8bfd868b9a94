/* chart.c — see chart.h. */
#include "chart.h"

#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Box drawing for the axes (UTF-8 form, ASCII form). */
#define AXIS_V        0x2502u /* │ */
#define AXIS_H        0x2500u /* ─ */
#define AXIS_CORNER   0x2514u /* └ */
#define AXIS_Y_TICK   0x2524u /* ┤ */
#define AXIS_X_TICK   0x252Cu /* ┬ */
#define SPARK_LOWEST  0x2581u /* ▁; the eight levels are consecutive */

int chart_is_bad(double v) { return !isfinite(v); }

/* ---- Ticks and labels ---------------------------------------------------- */

/* m * 10^k computed so that decimal steps stay exact (3 * 0.1 would not). */
static double scaled_decimal(double m, int k)
{
    return k >= 0 ? m * pow(10.0, k) : m / pow(10.0, -k);
}

int chart_ticks(double lo, double hi, int max_ticks, double *ticks, double *step)
{
    if (step) *step = 0.0;
    if (max_ticks < 1 || !isfinite(lo) || !isfinite(hi)) return 0;
    if (hi < lo) { double t = lo; lo = hi; hi = t; }
    if (hi == lo) {
        ticks[0] = lo;
        if (step) *step = lo == 0.0 ? 1.0 : scaled_decimal(1.0, (int)floor(log10(fabs(lo))));
        return 1;
    }
    static const int mult[3] = {1, 2, 5};
    /* Start a decade below range / max_ticks: that step gives at least
     * 2 * max_ticks ticks, so the answer is never skipped. */
    int k = (int)floor(log10((hi - lo) / max_ticks)) - 1;
    double prev_first = 0.0, prev_step = 0.0;
    int have_prev = 0;
    for (; k < 400; k++) {
        for (int i = 0; i < 3; i++) {
            double s = scaled_decimal(mult[i], k);
            /* A little slack so that 23.1 / 0.1 counts as 231, not 230.99. */
            double first = ceil(lo / s - 1e-9), last = floor(hi / s + 1e-9);
            double count = last - first + 1;
            if (count > max_ticks) {
                prev_first = first;
                prev_step = s;
                have_prev = 1;
                continue;
            }
            if (count < 1) {
                /* Too coarse for a narrow range off zero; take the finer
                 * step's tick nearest the middle instead of none. */
                if (!have_prev) { ticks[0] = lo; if (step) *step = s; return 1; }
                double mid = (lo + hi) / 2;
                double n = floor((mid - prev_first * prev_step) / prev_step + 0.5);
                ticks[0] = (prev_first + n) * prev_step;
                if (step) *step = prev_step;
                return 1;
            }
            for (int t = 0; t < (int)count; t++)
                ticks[t] = k >= 0 ? (first + t) * mult[i] * pow(10.0, k)
                                  : (first + t) * mult[i] / pow(10.0, -k);
            if (step) *step = s;
            return (int)count;
        }
    }
    return 0;
}

/* Drops trailing zeros after a decimal point, and the point itself. */
static void strip_zeros(char *s)
{
    if (!strchr(s, '.')) return;
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == '0') s[--n] = '\0';
    if (n > 0 && s[n - 1] == '.') s[--n] = '\0';
}

void chart_format_number(double v, double step, char *out, size_t cap)
{
    if (cap == 0) return;
    char buf[64];
    if (isnan(v)) { snprintf(out, cap, "nan"); return; }
    if (isinf(v)) { snprintf(out, cap, v > 0 ? "inf" : "-inf"); return; }
    /* Tick arithmetic leaves values like 1e-17 where 0 is meant. */
    if (step > 0 && fabs(v) < step * 1e-6) v = 0.0;
    static const char suffix[] = {'\0', 'k', 'M', 'G', 'T'};
    int level = 0;
    double div = 1.0;
    while (level < 4 && fabs(v) >= 1000.0 * div) { div *= 1000.0; level++; }
    for (;;) {
        double scaled = v / div;
        int decimals;
        if (step > 0) {
            double s = step / div;
            decimals = s >= 1.0 ? 0 : (int)ceil(-log10(s) - 1e-9);
        } else {
            double a = fabs(scaled);
            decimals = a == 0.0 ? 0 : 2 - (int)floor(log10(a));
        }
        if (decimals < 0) decimals = 0;
        if (decimals > 6) decimals = 6;
        snprintf(buf, sizeof buf, "%.*f", decimals, scaled);
        /* Rounding may carry 999.96 up to "1000": use the next suffix. */
        if (level < 4 && fabs(strtod(buf, NULL)) >= 1000.0) { div *= 1000.0; level++; continue; }
        break;
    }
    strip_zeros(buf);
    if (strcmp(buf, "-0") == 0) strcpy(buf, "0");
    size_t n = strlen(buf);
    if (suffix[level] && strcmp(buf, "0") != 0) { buf[n++] = suffix[level]; buf[n] = '\0'; }
    snprintf(out, cap, "%s", buf);
}

void chart_pad_range(double lo, double hi, double *lo_out, double *hi_out)
{
    if (!isfinite(lo) || !isfinite(hi)) { *lo_out = 0.0; *hi_out = 1.0; return; }
    if (hi < lo) { double t = lo; lo = hi; hi = t; }
    if (lo == hi && lo == 0.0) { *lo_out = 0.0; *hi_out = 1.0; return; }
    double pad = lo == hi ? fabs(lo) * 0.1 : (hi - lo) * 0.05;
    double a = lo - pad, b = hi + pad;
    if (lo >= 0 && a < 0) a = 0.0;
    if (hi <= 0 && b > 0) b = 0.0;
    *lo_out = a;
    *hi_out = b;
}

/* ---- Braille canvas ------------------------------------------------------ */

uint8_t chart_braille_bit(int dx, int dy)
{
    static const uint8_t bits[2][4] = {{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}};
    if (dx < 0 || dx > 1 || dy < 0 || dy > 3) return 0;
    return bits[dx][dy];
}

uint32_t chart_braille_char(uint8_t dots) { return 0x2800u + dots; }

char chart_ascii_char(uint8_t dots)
{
    int rows = 0; /* bit r set when dot row r has a dot in either column */
    for (int dy = 0; dy < 4; dy++)
        if (dots & (chart_braille_bit(0, dy) | chart_braille_bit(1, dy))) rows |= 1 << dy;
    if (!rows) return ' ';
    int top = 0, bottom = 3, used = 0, sum = 0;
    while (!(rows & (1 << top))) top++;
    while (!(rows & (1 << bottom))) bottom--;
    for (int dy = 0; dy < 4; dy++)
        if (rows & (1 << dy)) { used++; sum += dy; }
    if (bottom - top >= 2) return used == bottom - top + 1 ? '|' : ':';
    /* One row or two neighbouring rows: compare the mean row (sum / used)
     * with 1 and 2 without dividing. */
    if (sum < used) return '\'';
    if (sum <= 2 * used) return '-';
    return '.';
}

void chart_canvas_init(chart_canvas *c) { memset(c, 0, sizeof *c); }

void chart_canvas_free(chart_canvas *c)
{
    free(c->dots);
    free(c->owner);
    memset(c, 0, sizeof *c);
}

void chart_canvas_reset(chart_canvas *c, int width, int height)
{
    if (width < 0) width = 0;
    if (height < 0) height = 0;
    size_t n = (size_t)width * (size_t)height;
    if (n > c->cap) {
        c->dots = xrealloc(c->dots, n);
        c->owner = xrealloc(c->owner, n);
        c->cap = n;
    }
    c->width = width;
    c->height = height;
    if (n) {
        memset(c->dots, 0, n);
        memset(c->owner, 0, n);
    }
}

void chart_canvas_set(chart_canvas *c, int px, int py, int k)
{
    if (px < 0 || py < 0 || px >= 2 * c->width || py >= 4 * c->height) return;
    if (k < 0 || k >= CHART_MAX_SERIES) return;
    size_t cell = (size_t)(py / 4) * (size_t)c->width + (size_t)(px / 2);
    uint8_t bit = chart_braille_bit(px % 2, py % 4);
    uint8_t id = (uint8_t)(k + 1);
    /* The highest series in a cell owns it and shows only its own dots. */
    if (c->owner[cell] < id) {
        c->owner[cell] = id;
        c->dots[cell] = bit;
    } else if (c->owner[cell] == id) {
        c->dots[cell] |= bit;
    }
}

void chart_canvas_vline(chart_canvas *c, int px, int py0, int py1, int k)
{
    if (py0 > py1) { int t = py0; py0 = py1; py1 = t; }
    if (py0 < 0) py0 = 0;
    if (py1 > 4 * c->height - 1) py1 = 4 * c->height - 1;
    for (int py = py0; py <= py1; py++) chart_canvas_set(c, px, py, k);
}

int chart_canvas_get(const chart_canvas *c, int px, int py)
{
    if (px < 0 || py < 0 || px >= 2 * c->width || py >= 4 * c->height) return 0;
    size_t cell = (size_t)(py / 4) * (size_t)c->width + (size_t)(px / 2);
    return (c->dots[cell] & chart_braille_bit(px % 2, py % 4)) ? c->owner[cell] : 0;
}

int chart_value_to_dot_row(double v, double y_lo, double y_hi, int dot_rows)
{
    if (dot_rows <= 0) return 0;
    if (!(y_hi > y_lo) || isnan(v)) return dot_rows / 2;
    double f = (y_hi - v) / (y_hi - y_lo) * dot_rows;
    if (f < 0) return 0;
    if (f >= dot_rows) return dot_rows - 1;
    return (int)f;
}

/* Draws column x from top to bottom, first stretched to meet the previous
 * column's segment (prev_top..prev_bottom) when the two do not touch. */
static void draw_joined(chart_canvas *c, int x, int top, int bottom, int have_prev,
                        int prev_top, int prev_bottom, int k)
{
    if (have_prev) {
        if (top > prev_bottom + 1) top = prev_bottom + 1;       /* falling */
        if (bottom < prev_top - 1) bottom = prev_top - 1;       /* rising */
    }
    chart_canvas_vline(c, x, top, bottom, k);
}

void chart_canvas_plot(chart_canvas *c, const double *col_min, const double *col_max,
                       double y_lo, double y_hi, int k)
{
    int columns = 2 * c->width, rows = 4 * c->height;
    int have_prev = 0, prev_x = -1, prev_top = 0, prev_bottom = 0;
    for (int x = 0; x < columns; x++) {
        if (isnan(col_min[x]) || isnan(col_max[x])) continue;
        int top = chart_value_to_dot_row(col_max[x], y_lo, y_hi, rows);
        int bottom = chart_value_to_dot_row(col_min[x], y_lo, y_hi, rows);
        if (have_prev && x - prev_x > 1) {
            /* Fewer points than columns: a straight line across the gap,
             * from the middle of one segment to the middle of the next. */
            int from = (prev_top + prev_bottom) / 2, to = (top + bottom) / 2;
            int gap = x - prev_x;
            for (int g = prev_x + 1; g < x; g++) {
                int y = from + (int)lround((double)(to - from) * (g - prev_x) / gap);
                draw_joined(c, g, y, y, 1, prev_top, prev_bottom, k);
                prev_top = prev_bottom = y;
            }
        }
        /* The previous column's own segment (not its stretched one) is what
         * the line passes through, so join to that. */
        draw_joined(c, x, top, bottom, have_prev, prev_top, prev_bottom, k);
        have_prev = 1;
        prev_x = x;
        prev_top = top;
        prev_bottom = bottom;
    }
}

size_t chart_cells_to_utf8(const chart_cell *cells, int n, char *out, size_t cap)
{
    if (cap == 0) return 0;
    size_t len = 0;
    for (int i = 0; i < n; i++) {
        char enc[4];
        size_t m = utf8_encode(cells[i].ch, enc);
        if (len + m > cap - 1) break;
        memcpy(out + len, enc, m);
        len += m;
    }
    out[len] = '\0';
    return len;
}

/* ---- The whole chart ----------------------------------------------------- */

void chart_frame_init(chart_frame *f)
{
    memset(f, 0, sizeof *f);
    chart_canvas_init(&f->canvas);
}

void chart_frame_free(chart_frame *f)
{
    free(f->cells);
    free(f->rows);
    free(f->text);
    free(f->col_min);
    free(f->col_max);
    chart_canvas_free(&f->canvas);
    memset(f, 0, sizeof *f);
}

static void frame_reserve(chart_frame *f, int width, int height)
{
    size_t cells = (size_t)width * (size_t)height;
    size_t text = (size_t)height * (4 * (size_t)width + 1);
    size_t cols = 2 * (size_t)width;
    if (cells > f->cell_cap) { f->cells = xrealloc(f->cells, cells * sizeof *f->cells); f->cell_cap = cells; }
    if (text > f->text_cap) { f->text = xrealloc(f->text, text); f->text_cap = text; }
    if ((size_t)height > f->row_cap) { f->rows = xrealloc(f->rows, (size_t)height * sizeof *f->rows); f->row_cap = (size_t)height; }
    if (cols > f->col_cap) {
        f->col_min = xrealloc(f->col_min, cols * sizeof *f->col_min);
        f->col_max = xrealloc(f->col_max, cols * sizeof *f->col_max);
        f->col_cap = cols;
    }
}

static void put(chart_frame *f, int x, int y, uint32_t ch, int role)
{
    if (x < 0 || y < 0 || x >= f->width || y >= f->height) return;
    chart_cell *cell = &f->cells[(size_t)y * (size_t)f->width + (size_t)x];
    cell->ch = ch;
    cell->role = (uint8_t)role;
}

static void put_text(chart_frame *f, int x, int y, const char *s, int role)
{
    for (; *s; s++, x++) put(f, x, y, (unsigned char)*s, role);
}

/* Y axis: labels right-aligned in columns [0, plot_x - 1), the axis line in
 * column plot_x - 1, one label per row at most. */
static void draw_y_axis(chart_frame *f, const double *ticks, char labels[][CHART_LABEL_MAX],
                        int n_ticks, int utf8)
{
    int axis = f->plot_x - 1;
    for (int y = 0; y < f->plot_height; y++) put(f, axis, y, utf8 ? AXIS_V : '|', CHART_ROLE_AXIS);
    int last_row = -1;
    /* Ticks come lowest first, i.e. bottom row first. */
    for (int t = 0; t < n_ticks; t++) {
        int row = chart_value_to_dot_row(ticks[t], f->y_lo, f->y_hi, 4 * f->plot_height) / 4;
        if (row == last_row) continue;
        last_row = row;
        int len = (int)strlen(labels[t]);
        put_text(f, axis - len, row, labels[t], CHART_ROLE_LABEL);
        put(f, axis, row, utf8 ? AXIS_Y_TICK : '+', CHART_ROLE_AXIS);
    }
}

/* X axis: the line in axis_row (if >= 0) and tick labels in label_row (if
 * >= 0), with as many ticks as fit without labels touching. */
static void draw_x_axis(chart_frame *f, int axis_row, int label_row, int utf8)
{
    int width = f->width, px = f->plot_x, pw = f->plot_width;
    if (axis_row >= 0) {
        if (px > 0) put(f, px - 1, axis_row, utf8 ? AXIS_CORNER : '+', CHART_ROLE_AXIS);
        for (int x = px; x < width; x++) put(f, x, axis_row, utf8 ? AXIS_H : '-', CHART_ROLE_AXIS);
    }
    if (label_row < 0 || pw <= 0) return;
    /* Ticks lie on point indices 0 .. span - 1, and iterations are whole. */
    double last = f->x_span > 0 ? (double)(f->x_span - 1) : 0.0;
    double span = f->x_span > 0 ? (double)f->x_span : 1.0;
    double ticks[CHART_MAX_TICKS];
    char labels[CHART_MAX_TICKS][CHART_LABEL_MAX];
    int start[CHART_MAX_TICKS], column[CHART_MAX_TICKS];
    int want = pw / 3 + 1;
    if (want > CHART_MAX_TICKS) want = CHART_MAX_TICKS;
    for (; want >= 1; want--) {
        double step;
        int n = chart_ticks(0.0, last, want, ticks, &step);
        if (n > 1 && step < 1.0) continue; /* no fractional iterations */
        int fits = 1, next_free = 0;
        for (int t = 0; t < n && fits; t++) {
            chart_format_number(ticks[t], step, labels[t], CHART_LABEL_MAX);
            int len = (int)strlen(labels[t]);
            column[t] = px + (int)(ticks[t] * pw / span);
            /* Centred under its tick, pushed inside the row at the edges. */
            int s = column[t] - (len - 1) / 2;
            if (s > width - len) s = width - len;
            if (s < 0) s = 0;
            start[t] = s;
            if (s < next_free || s + len > width) fits = 0;
            /* Two blanks between labels keep "10k  20k" readable. */
            next_free = s + len + 2;
        }
        if (!fits) continue;
        for (int t = 0; t < n; t++) {
            put_text(f, start[t], label_row, labels[t], CHART_ROLE_LABEL);
            /* The corner already marks the origin. */
            if (axis_row >= 0 && !(px > 0 && column[t] == px))
                put(f, column[t], axis_row, utf8 ? AXIS_X_TICK : '+', CHART_ROLE_AXIS);
        }
        return;
    }
}

void chart_render(chart_frame *f, const series *const list[], int n_series,
                  int width, int height, int utf8)
{
    if (width < 0) width = 0;
    if (height < 0) height = 0;
    if (n_series < 0) n_series = 0;
    if (n_series > CHART_MAX_SERIES) n_series = CHART_MAX_SERIES;
    frame_reserve(f, width, height);
    f->width = width;
    f->height = height;
    for (size_t i = 0; i < (size_t)width * (size_t)height; i++) {
        f->cells[i].ch = ' ';
        f->cells[i].role = CHART_ROLE_BLANK;
    }

    /* Data extent: x over every appended point, y over the finite ones. */
    size_t span = 0;
    int have_data = 0;
    double lo = 0.0, hi = 0.0;
    for (int k = 0; k < n_series; k++) {
        const series *s = list[k];
        if (s->count > span) span = s->count;
        if (s->valid == 0) continue;
        if (!have_data || s->min < lo) lo = s->min;
        if (!have_data || s->max > hi) hi = s->max;
        have_data = 1;
    }
    f->x_span = span;
    if (have_data) chart_pad_range(lo, hi, &f->y_lo, &f->y_hi);
    else { f->y_lo = 0.0; f->y_hi = 1.0; }

    int axis_row = -1, label_row = -1;
    f->plot_height = height;
    if (height >= 3) { f->plot_height = height - 2; axis_row = height - 2; label_row = height - 1; }
    else if (height == 2) { f->plot_height = 1; label_row = 1; }

    /* Y ticks: one label every third row or so, at least two when there
     * is room, never more rows than exist. */
    double yticks[CHART_MAX_TICKS], ystep = 0.0;
    char ylabels[CHART_MAX_TICKS][CHART_LABEL_MAX];
    int want = f->plot_height / 3 + 1;
    if (want < 2) want = 2;
    if (want > f->plot_height) want = f->plot_height;
    if (want > CHART_MAX_TICKS) want = CHART_MAX_TICKS;
    int n_yticks = chart_ticks(f->y_lo, f->y_hi, want, yticks, &ystep);
    int label_width = 0;
    for (int t = 0; t < n_yticks; t++) {
        chart_format_number(yticks[t], ystep, ylabels[t], CHART_LABEL_MAX);
        int len = (int)strlen(ylabels[t]);
        if (len > label_width) label_width = len;
    }
    f->plot_x = n_yticks > 0 ? label_width + 1 : 0;
    if (width - f->plot_x < 2) f->plot_x = 0; /* too narrow: data only */
    f->plot_width = width - f->plot_x;
    if (height == 0) f->plot_width = 0;

    /* The data, series in order so later ones are drawn on top. */
    chart_canvas_reset(&f->canvas, f->plot_width, f->plot_height);
    size_t columns = 2 * (size_t)f->plot_width;
    for (int k = 0; k < n_series && columns > 0; k++) {
        series_reduce(list[k], span, columns, f->col_min, f->col_max);
        chart_canvas_plot(&f->canvas, f->col_min, f->col_max, f->y_lo, f->y_hi, k);
    }
    for (int y = 0; y < f->plot_height; y++) {
        for (int x = 0; x < f->plot_width; x++) {
            size_t cell = (size_t)y * (size_t)f->plot_width + (size_t)x;
            uint8_t owner = f->canvas.owner[cell];
            if (!owner) continue;
            uint8_t dots = f->canvas.dots[cell];
            put(f, f->plot_x + x, y, utf8 ? chart_braille_char(dots) : (uint32_t)chart_ascii_char(dots),
                CHART_ROLE_SERIES + owner - 1);
        }
    }

    if (f->plot_x > 0) draw_y_axis(f, yticks, ylabels, n_yticks, utf8);
    draw_x_axis(f, axis_row, label_row, utf8);

    /* Rows as text, each in its own 4 * width + 1 bytes of the buffer. */
    size_t row_bytes = 4 * (size_t)width + 1;
    for (int y = 0; y < height; y++) {
        f->rows[y] = f->text + (size_t)y * row_bytes;
        chart_cells_to_utf8(f->cells + (size_t)y * (size_t)width, width, f->rows[y], row_bytes);
    }
}

/* ---- Sparkline ----------------------------------------------------------- */

void chart_sparkline(const double *values, const unsigned char *marks, size_t n,
                     double lo, double hi, int utf8, chart_cell *out, int width)
{
    static const char ascii_levels[] = "_.-=#";
    if (width <= 0) return;
    size_t shown = n < (size_t)width ? n : (size_t)width;
    size_t first = n - shown;
    int blank = width - (int)shown;
    for (int i = 0; i < blank; i++) {
        out[i].ch = ' ';
        out[i].role = CHART_ROLE_BLANK;
    }
    if (!(lo < hi)) {
        int any = 0;
        for (size_t i = first; i < n; i++) {
            if (!isfinite(values[i])) continue;
            if (!any || values[i] < lo) lo = values[i];
            if (!any || values[i] > hi) hi = values[i];
            any = 1;
        }
        if (!any) lo = hi = 0.0;
    }
    for (size_t i = 0; i < shown; i++) {
        double v = values[first + i];
        chart_cell *cell = &out[blank + (int)i];
        if (!isfinite(v)) {
            cell->ch = '?';
            cell->role = CHART_ROLE_BAD;
            continue;
        }
        int level = 0;
        if (hi > lo) {
            /* Eight equal bands; the top value lands in the last one. */
            double f = (v - lo) / (hi - lo) * 8.0;
            level = f <= 0 ? 0 : f >= 7 ? 7 : (int)f;
        }
        int marked = marks && marks[first + i];
        cell->role = marked ? CHART_ROLE_CLIPPED : CHART_ROLE_SPARK;
        if (utf8) cell->ch = SPARK_LOWEST + (uint32_t)level;
        else cell->ch = marked ? '!' : (unsigned char)ascii_levels[level * 5 / 8];
    }
}
