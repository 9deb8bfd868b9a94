/* chart.h — turns training histories into text cells a screen can draw:
 * the loss chart (braille line plot with axes) and the gradient-norm
 * sparkline. No terminal calls: the screen prints the cells it is given.
 *
 * Cells: every chart_cell is exactly one terminal column (space, ASCII,
 *   braille U+2800..U+28FF, box drawing U+2500..U+257F or block elements
 *   U+2581..U+2588). Box drawing and block elements are "ambiguous width"
 *   in Unicode: glibc's wcwidth (and so ncurses) counts them as 1, which is
 *   what this layout assumes; a terminal set to draw ambiguous characters
 *   double-wide will misalign them (use the ASCII form there).
 *   A cell's role says what it is; the screen maps roles to colours (or
 *   attributes) from its own scheme and never needs raw colour numbers.
 *
 * Braille: a cell holds 2 x 4 dots. Dot (dx, dy), dx 0..1 left to right and
 *   dy 0..3 top to bottom, is bit
 *     left column  dy 0..3: 0x01 0x02 0x04 0x40
 *     right column dy 0..3: 0x08 0x10 0x20 0x80
 *   and the character is U+2800 + bits.
 *
 * ASCII fallback (locale not UTF-8): a cell's dots become one character,
 *   judged by the dot rows (dy) in use, both columns together:
 *     no dot                                  ' '
 *     rows spanning 3 or 4, no row missing    '|'
 *     rows spanning 3 or 4, a row missing     ':'
 *     otherwise by the mean row in use:  < 1 '\''  (top),
 *                                       <= 2 '-'   (middle),
 *                                        > 2 '.'   (bottom).
 *   Axes become '|', '-' and '+'.
 *
 * Several series on one canvas: each cell belongs to one series, the one
 *   with the highest index that set a dot in it, and shows only that
 *   series' dots. Pass the background series first (per-example loss) and
 *   the line that matters last (smoothed loss): it is drawn on top with its
 *   own shape and colour, and earlier series show wherever it is not.
 *
 * Memory: chart_frame and chart_canvas keep their buffers between calls and
 *   grow them only when a larger size is asked for, so a redraw at a fixed
 *   size allocates nothing. Every _init has a _free.
 */
#ifndef SEQTUTOR_CHART_H
#define SEQTUTOR_CHART_H

#include "series.h"

#include <stddef.h>
#include <stdint.h>

#define CHART_MAX_SERIES 8   /* series beyond this are not drawn */
#define CHART_MAX_TICKS 32   /* labels per axis */
#define CHART_LABEL_MAX 24   /* bytes of one formatted label, NUL included */

typedef enum {
    CHART_ROLE_BLANK = 0,    /* empty cell (a space) */
    CHART_ROLE_AXIS,         /* axis lines and tick marks */
    CHART_ROLE_LABEL,        /* tick labels */
    CHART_ROLE_SPARK,        /* a sparkline bar */
    CHART_ROLE_CLIPPED,      /* a sparkline bar of a marked (clipped) iteration */
    CHART_ROLE_BAD,          /* a sparkline cell whose value is NaN or infinite ('?') */
    CHART_ROLE_SERIES        /* series k is drawn with role CHART_ROLE_SERIES + k */
} chart_role;

typedef struct {
    uint32_t ch;             /* Unicode code point, one column wide */
    uint8_t role;            /* a chart_role */
} chart_cell;

/* 1 for NaN and +-infinity: points the chart leaves out. */
int chart_is_bad(double v);

/* ---- Axis ticks and labels ---------------------------------------------- */

/* "Nice" ticks for [lo, hi]: the smallest step of the form 1, 2 or 5 x 10^k
 * that puts at most max_ticks multiples of itself inside [lo, hi]; writes
 * those multiples in increasing order into ticks (room for max_ticks) and
 * the step into *step (if not NULL). Returns the number of ticks: 0 when
 * max_ticks < 1 or a bound is not finite; 1 (lo itself) when lo == hi; at
 * least 1 otherwise. Example: [0, 23.1] with 5 -> 0 5 10 15 20, step 5. */
int chart_ticks(double lo, double hi, int max_ticks, double *ticks, double *step);

/* Compact label for v into out (cap bytes, always NUL-terminated):
 * |v| >= 1000 uses k, M, G, T (1200 -> "1.2k", 35000 -> "35k",
 * 1.5e6 -> "1.5M"); trailing zeros are dropped; -0 prints "0".
 * step > 0: as many decimals as the tick step needs (so neighbouring ticks
 * differ); step <= 0: three significant digits (23.07 -> "23.1",
 * 0.5 -> "0.5"). NaN and infinities print "nan", "inf", "-inf". */
void chart_format_number(double v, double step, char *out, size_t cap);

/* The y range a plot of data in [lo, hi] uses: 5% padding on each side,
 * not crossing zero when the data does not (losses stay above 0); a flat
 * series (lo == hi, also a single point) gets +-10% of its value, or
 * [0, 1] at zero. Non-finite input gives [0, 1]. */
void chart_pad_range(double lo, double hi, double *lo_out, double *hi_out);

/* ---- Braille canvas ----------------------------------------------------- */

uint8_t chart_braille_bit(int dx, int dy);      /* 0 outside 0..1 x 0..3 */
uint32_t chart_braille_char(uint8_t dots);      /* U+2800 + dots */
char chart_ascii_char(uint8_t dots);            /* the fallback rule above */

typedef struct {
    int width, height;       /* cells; dots are 2*width across, 4*height down */
    uint8_t *dots;           /* [height*width] dot bits of the owning series */
    uint8_t *owner;          /* [height*width] 0 = empty, else series index + 1 */
    size_t cap;              /* allocated cells */
} chart_canvas;

void chart_canvas_init(chart_canvas *c);
void chart_canvas_free(chart_canvas *c);
/* Sets the size (negative counts as 0) and clears every cell. */
void chart_canvas_reset(chart_canvas *c, int width, int height);
/* Sets dot (px, py) for series k (0-based); dots outside the canvas are
 * ignored. Dot row 0 is the top. */
void chart_canvas_set(chart_canvas *c, int px, int py, int k);
/* Sets the dots of column px from row py0 to py1 (either order). */
void chart_canvas_vline(chart_canvas *c, int px, int py0, int py1, int k);
/* k + 1 when dot (px, py) is set and belongs to series k, else 0. */
int chart_canvas_get(const chart_canvas *c, int px, int py);
/* The dot row (0 = top, dot_rows - 1 = bottom) that value v falls in when
 * [y_lo, y_hi] spans dot_rows rows of equal height; clamped to the canvas. */
int chart_value_to_dot_row(double v, double y_lo, double y_hi, int dot_rows);
/* Draws one reduced series: col_min/col_max hold 2*width dot columns (as
 * series_reduce writes them; NaN = no data). Each column gets the segment
 * from its min to its max; a segment that does not touch its left
 * neighbour's is extended to meet it, and columns without data between two
 * columns with data get a straight line between them, so the line is
 * continuous. Columns with no data after the last data column stay empty. */
void chart_canvas_plot(chart_canvas *c, const double *col_min, const double *col_max,
                       double y_lo, double y_hi, int k);

/* Writes cells as UTF-8 (at most cap - 1 bytes, whole characters only,
 * NUL-terminated when cap > 0) and returns the bytes written. 4 * n + 1
 * bytes always suffice. */
size_t chart_cells_to_utf8(const chart_cell *cells, int n, char *out, size_t cap);

/* ---- The whole chart ---------------------------------------------------- */

typedef struct {
    int width, height;       /* size of the last render, in cells */
    chart_cell *cells;       /* [height*width] row-major; cell (x, y) is cells[y*width + x] */
    char **rows;             /* [height] row y as UTF-8, NUL-terminated */
    /* The layout of the last render, for screens that add to it: */
    int plot_x;              /* first column of the data area (width of the y axis) */
    int plot_width, plot_height; /* the data area in cells; it starts at row 0 */
    double y_lo, y_hi;       /* values at the bottom and top edge of the data area */
    size_t x_span;           /* x axis covers point indices [0, x_span) */
    /* Buffers kept between renders (private): */
    char *text;
    double *col_min, *col_max;
    chart_canvas canvas;
    size_t cell_cap, text_cap, row_cap, col_cap;
} chart_frame;

void chart_frame_init(chart_frame *f);
void chart_frame_free(chart_frame *f);

/* Renders series list[0..n_series) into a width x height chart (negative
 * sizes count as 0). Point i of a series is iteration i; the x axis spans
 * the longest series' count (bad points included, so a diverged series
 * stops where it went bad while the axis goes on); the y range is
 * chart_pad_range of the finite data of all series ([0, 1] without data).
 * Layout, from the top: the data area (height - 2 rows; all rows when
 * height <= 2), the x axis line (height >= 3), the x tick labels
 * (height >= 2). On the left a y axis with labels, dropped when fewer than
 * 2 columns would be left for data. utf8 = 0 uses ASCII only. Any size is
 * safe, from 0 x 0 up. */
/* list entries must not be NULL; at most CHART_MAX_SERIES are drawn. */
void chart_render(chart_frame *f, const series *const list[], int n_series,
                  int width, int height, int utf8);

/* ---- Sparkline ---------------------------------------------------------- */

/* Draws the last `width` of the n values into out[0..width): one cell per
 * value, newest at the right; with fewer values the left cells are blank.
 * Levels: the range [lo, hi] (when lo < hi; otherwise the min and max of the
 * finite values shown) is cut into 8 equal bands drawn as U+2581..U+2588
 * (in ASCII: '_' '.' '-' '=' '#', bands 0-1, 2-3, 4, 5-6, 7); values outside a given
 * range are clamped; a flat run is drawn at the lowest level. marks (may be
 * NULL) is parallel to values: a marked cell gets CHART_ROLE_CLIPPED, and
 * in ASCII its character becomes '!'. Non-finite values are '?'
 * (CHART_ROLE_BAD). */
void chart_sparkline(const double *values, const unsigned char *marks, size_t n,
                     double lo, double hi, int utf8, chart_cell *out, int width);

#endif
