/* tui_draw.c — clipped, CJK-aware text drawing for screens. */
#include "tui_app.h"

#include "lang.h"
#include "util.h"

#include <string.h>
#include <wchar.h>

/* One display cell's worth of input: the character to draw and its width. */
static wchar_t cell_char(const char *s, size_t len, size_t *used, int *width)
{
    uint32_t cp;
    size_t n = utf8_decode(s, len, &cp);
    if (n == 0) {
        *used = 1;
        *width = 1;
        return L'?';
    }
    *used = n;
    if (cp == '\t') {
        *width = 1;
        return L' ';
    }
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
        *width = 1;
        return L'?';
    }
    int w = wcwidth((wchar_t)cp);
    if (w < 0) {
        *width = 1;
        return L'?';
    }
    *width = w;
    return (wchar_t)cp;
}

int tui_putn(WINDOW *w, int y, int x, int max_cols, tui_role role, const char *s, size_t len)
{
    if (!w || !s) return 0;
    int wrows, wcols;
    getmaxyx(w, wrows, wcols);
    if (y < 0 || y >= wrows || x < 0 || x >= wcols) return 0;
    int avail = wcols - x;
    if (max_cols >= 0 && max_cols < avail) avail = max_cols;
    if (avail <= 0) return 0;

    wchar_t buf[256];
    int nbuf = 0, cols = 0;
    wattrset(w, tui_attr(role));
    wmove(w, y, x);
    size_t i = 0;
    while (i < len && s[i]) {
        size_t used;
        int cw;
        wchar_t c = cell_char(s + i, len - i, &used, &cw);
        if (cw == 0 && nbuf == 0 && cols == 0) { /* a combining mark with nothing to attach to */
            i += used;
            continue;
        }
        if (cols + cw > avail) break;
        buf[nbuf++] = c;
        cols += cw;
        i += used;
        if (nbuf == (int)(sizeof buf / sizeof buf[0]) - 1) {
            waddnwstr(w, buf, nbuf);
            nbuf = 0;
        }
    }
    if (nbuf) waddnwstr(w, buf, nbuf);
    wattrset(w, A_NORMAL);
    return cols;
}

int tui_put(WINDOW *w, int y, int x, int max_cols, tui_role role, const char *s)
{
    return s ? tui_putn(w, y, x, max_cols, role, s, (size_t)-1) : 0;
}

int tui_width(const char *s)
{
    int cols = 0;
    size_t len = strlen(s), i = 0;
    while (i < len) {
        size_t used;
        int cw;
        cell_char(s + i, len - i, &used, &cw);
        cols += cw;
        i += used;
    }
    return cols;
}

void tui_fill(WINDOW *w, int y, int x, int cols, tui_role role)
{
    if (!w) return;
    int wrows, wcols;
    getmaxyx(w, wrows, wcols);
    if (y < 0 || y >= wrows || x < 0 || x >= wcols) return;
    if (cols < 0 || cols > wcols - x) cols = wcols - x;
    if (cols <= 0) return;
    wattrset(w, tui_attr(role));
    mvwhline(w, y, x, ' ', cols);
    wattrset(w, A_NORMAL);
}

/* Box-drawing characters as text: the terminal's alternate character set is
 * not needed in a UTF-8 locale, and ASCII works everywhere else. */
static const char *box_char(int which)
{
    static const char *const utf8[] = {"─", "│", "┌", "┐", "└", "┘"};
    static const char *const ascii[] = {"-", "|", "+", "+", "+", "+"};
    return lang_utf8() ? utf8[which] : ascii[which];
}

void tui_hline(WINDOW *w, int y, int x, int cols, tui_role role)
{
    for (int i = 0; i < cols; i++) tui_put(w, y, x + i, 1, role, box_char(0));
}

void tui_vline(WINDOW *w, int y, int x, int rows, tui_role role)
{
    for (int i = 0; i < rows; i++) tui_put(w, y + i, x, 1, role, box_char(1));
}

void tui_frame(WINDOW *w, int y, int x, int rows, int cols, tui_role role, const char *title)
{
    if (!w || rows < 2 || cols < 2) return;
    tui_hline(w, y, x + 1, cols - 2, role);
    tui_hline(w, y + rows - 1, x + 1, cols - 2, role);
    tui_vline(w, y + 1, x, rows - 2, role);
    tui_vline(w, y + 1, x + cols - 1, rows - 2, role);
    tui_put(w, y, x, 1, role, box_char(2));
    tui_put(w, y, x + cols - 1, 1, role, box_char(3));
    tui_put(w, y + rows - 1, x, 1, role, box_char(4));
    tui_put(w, y + rows - 1, x + cols - 1, 1, role, box_char(5));
    if (title && *title && cols > 6) {
        int used = tui_put(w, y, x + 2, cols - 4, TUI_ROLE_TITLE, " ");
        used += tui_put(w, y, x + 2 + used, cols - 5 - used, TUI_ROLE_TITLE, title);
        tui_put(w, y, x + 2 + used, 1, TUI_ROLE_TITLE, " ");
    }
}

const char *tui_sym(const tui_app *app, const char *utf8, const char *ascii)
{
    return app && app->utf8 ? utf8 : ascii;
}
