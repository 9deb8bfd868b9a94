/* tui_colors.c — the colour scheme: one row per role, with what to use on a
 * colour terminal and what to use without colours (bold, reverse, underline).
 * Screens only ever name roles (tui_attr), so a scheme change is one edit here. */
#include "tui_priv.h"

#include <stdlib.h>

typedef struct {
    short fg, bg;  /* -1 = the terminal's default */
    attr_t color;  /* attributes added on a colour terminal */
    attr_t mono;   /* attributes used without colours */
} scheme_row;

static const scheme_row scheme[TUI_ROLE_COUNT] = {
    [TUI_ROLE_TEXT] = {-1, -1, A_NORMAL, A_NORMAL},
    [TUI_ROLE_TITLE] = {COLOR_CYAN, -1, A_BOLD, A_BOLD},
    [TUI_ROLE_HEADING] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD | A_UNDERLINE},
    [TUI_ROLE_BOLD] = {-1, -1, A_BOLD, A_BOLD},
    [TUI_ROLE_CODE] = {COLOR_GREEN, -1, A_NORMAL, A_NORMAL},
    [TUI_ROLE_NOTE] = {COLOR_MAGENTA, -1, A_NORMAL, A_NORMAL},
    [TUI_ROLE_MATCH] = {COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_REVERSE | A_UNDERLINE},
    [TUI_ROLE_SELECTION] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE},
    [TUI_ROLE_STATUS] = {COLOR_BLACK, COLOR_WHITE, A_NORMAL, A_REVERSE},
    [TUI_ROLE_ERROR] = {COLOR_RED, -1, A_BOLD, A_BOLD},
    [TUI_ROLE_OK] = {COLOR_GREEN, -1, A_BOLD, A_BOLD},
    [TUI_ROLE_WARNING] = {COLOR_YELLOW, -1, A_NORMAL, A_BOLD},
    [TUI_ROLE_DIM] = {COLOR_BLUE, -1, A_NORMAL, A_DIM},
    [TUI_ROLE_KEY] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
    [TUI_ROLE_BORDER] = {COLOR_BLUE, -1, A_NORMAL, A_NORMAL},
    [TUI_ROLE_SERIES1] = {COLOR_CYAN, -1, A_NORMAL, A_NORMAL},
    [TUI_ROLE_SERIES2] = {COLOR_MAGENTA, -1, A_BOLD, A_BOLD},
};

static attr_t attrs[TUI_ROLE_COUNT];

int tui_colors_init(void)
{
    const char *no_color = getenv("NO_COLOR");
    int use = has_colors() && !(no_color && *no_color);
    if (use && start_color() == ERR) use = 0;
    if (use) {
        int defaults = use_default_colors() == OK;
        for (int r = 0; r < TUI_ROLE_COUNT; r++) {
            short fg = scheme[r].fg, bg = scheme[r].bg;
            /* Without default colours, fall back to white on black. */
            if (!defaults) {
                if (fg < 0) fg = COLOR_WHITE;
                if (bg < 0) bg = COLOR_BLACK;
            }
            /* The gray of 16-colour terminals reads better than blue for dim text. */
            if (r == TUI_ROLE_DIM && COLORS >= 16) fg = 8;
            if (init_pair((short)(r + 1), fg, bg) == ERR) { use = 0; break; }
            attrs[r] = COLOR_PAIR(r + 1) | scheme[r].color;
        }
    }
    if (!use)
        for (int r = 0; r < TUI_ROLE_COUNT; r++) attrs[r] = scheme[r].mono;
    return use;
}

attr_t tui_attr(tui_role role)
{
    if ((int)role < 0 || role >= TUI_ROLE_COUNT) return A_NORMAL;
    return attrs[role];
}
