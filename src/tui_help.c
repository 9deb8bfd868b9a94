/* tui_help.c — the '?' overlay: the keys of the current screen, the keys that
 * work everywhere and the ':' commands, in a frame over the body. When the
 * list is longer than the frame it flows into a second column if there is
 * room, and otherwise scrolls with ↑/↓ (j/k, PgUp/PgDn, Space); any other
 * key closes it. */
#include "tui_priv.h"

#include "i18n.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const tui_key_help global_keys[] = {
    {":", "command line (Tab completes, ↑/↓ history, Esc cancels)",
     "命令行（Tab 补全，↑/↓ 历史，Esc 取消）"},
    {"?  F1", "this help", "本帮助"},
    {"q", "back (quit on the home screen)", "返回（在主页退出）"},
    {"Ctrl-L", "repaint the screen", "重绘屏幕"},
    {"Ctrl-C", "quit at once", "立即退出"},
    {NULL, NULL, NULL},
};

typedef struct {
    char keys[48];
    char text[160];
    int heading; /* 1: a section title spanning both columns */
} help_row;

typedef struct {
    help_row *rows;
    int n, cap;
} help_list;

static void add_row(help_list *h, const char *keys, const char *text, int heading)
{
    if (h->n == h->cap) {
        h->cap = h->cap ? h->cap * 2 : 32;
        h->rows = xrealloc(h->rows, (size_t)h->cap * sizeof *h->rows);
    }
    help_row *r = &h->rows[h->n++];
    snprintf(r->keys, sizeof r->keys, "%s", keys ? keys : "");
    snprintf(r->text, sizeof r->text, "%s", text ? text : "");
    r->heading = heading;
}

static void add_keys(help_list *h, tui_app *app, const tui_key_help *k)
{
    for (; k && k->keys; k++) add_row(h, k->keys, tui_l(app, k->en, k->zh), 0);
}

/* Adds the commands of c, except those that `shadow` (the screen's) redefines. */
static void add_commands(help_list *h, tui_app *app, const tui_command_info *c,
                         const tui_command_info *shadow)
{
    for (; c && c->name; c++) {
        int hidden = 0;
        for (const tui_command_info *o = shadow; o && o->name; o++)
            if (strcmp(o->name, c->name) == 0) hidden = 1;
        if (hidden) continue;
        char keys[48];
        snprintf(keys, sizeof keys, ":%s%s%s", c->name, c->args && *c->args ? " " : "",
                 c->args ? c->args : "");
        add_row(h, keys, tui_l(app, c->en, c->zh), 0);
    }
}

static int help_top;      /* first row shown */
static int help_max_top;  /* the largest useful help_top (0: everything fits) */

void tui_help_open(tui_app *app)
{
    help_top = 0;
    help_max_top = 0;
    app->help_open = 1;
    app->dirty = 1;
}

int tui_help_key(tui_app *app, int key)
{
    int step = 0;
    switch (key) {
    case KEY_DOWN: case 'j': step = 1; break;
    case KEY_UP: case 'k': step = -1; break;
    case KEY_NPAGE: case ' ': step = 10; break;
    case KEY_PPAGE: case 'b': step = -10; break;
    default: break;
    }
    if (step == 0 || help_max_top == 0) {
        app->help_open = 0;
        app->dirty = 1;
        return 0;
    }
    help_top += step;
    if (help_top < 0) help_top = 0;
    if (help_top > help_max_top) help_top = help_max_top;
    app->dirty = 1;
    return 1;
}

void tui_help_draw(tui_app *app)
{
    WINDOW *w = app->body;
    if (!w) return;
    help_list h = {0};
    tui_screen *top = app->top;
    if (top && top->ops->keys) {
        add_row(&h, NULL, i18n(app->lang, I18N_HELP_SCREEN), 1);
        add_keys(&h, app, top->ops->keys);
    }
    add_row(&h, NULL, i18n(app->lang, I18N_HELP_GLOBAL), 1);
    add_keys(&h, app, global_keys);
    add_row(&h, NULL, i18n(app->lang, I18N_HELP_COMMANDS), 1);
    if (top) add_commands(&h, app, top->ops->commands, NULL);
    add_commands(&h, app, tui_global_commands, top ? top->ops->commands : NULL);

    int key_w = 0;
    for (int i = 0; i < h.n; i++)
        if (!h.rows[i].heading && tui_width(h.rows[i].keys) > key_w) key_w = tui_width(h.rows[i].keys);
    if (key_w > 22) key_w = 22;

    int box_w = app->cols - 4 > 110 ? 110 : app->cols - 4;
    int box_h = app->body_rows - 2 > h.n + 4 ? h.n + 4 : app->body_rows - 2;
    int inner_rows = box_h - 4; /* frame, the blank line and the "any key" line */
    int cols_n = 1;
    if (h.n > inner_rows && box_w >= 2 * (key_w + 30)) {
        cols_n = 2;
        box_h = app->body_rows - 2 > (h.n + 1) / 2 + 5 ? (h.n + 1) / 2 + 5 : app->body_rows - 2;
        inner_rows = box_h - 4;
    }
    int y0 = (app->body_rows - box_h) / 2, x0 = (app->cols - box_w) / 2;
    for (int y = 0; y < box_h; y++) tui_fill(w, y0 + y, x0, box_w, TUI_ROLE_TEXT);
    tui_frame(w, y0, x0, box_h, box_w, TUI_ROLE_BORDER, i18n(app->lang, I18N_HELP_TITLE));

    int col_w = (box_w - 4) / cols_n;
    help_max_top = h.n > inner_rows * cols_n ? h.n - inner_rows * cols_n : 0;
    if (help_top > help_max_top) help_top = help_max_top;
    int shown = help_top;
    for (int c = 0; c < cols_n; c++) {
        for (int r = 0; r < inner_rows && shown < h.n; r++, shown++) {
            int y = y0 + 1 + r, x = x0 + 2 + c * col_w;
            const help_row *row = &h.rows[shown];
            if (row->heading) {
                tui_put(w, y, x, col_w - 1, TUI_ROLE_HEADING, row->text);
                continue;
            }
            tui_put(w, y, x + 1, key_w, TUI_ROLE_KEY, row->keys);
            tui_put(w, y, x + 2 + key_w, col_w - key_w - 3, TUI_ROLE_TEXT, row->text);
        }
    }
    const char *close = i18n(app->lang, help_max_top ? I18N_HELP_SCROLL : I18N_HELP_CLOSE);
    int cw = tui_width(close);
    tui_put(w, y0 + box_h - 2, x0 + (box_w - cw > 0 ? (box_w - cw) / 2 : 1), box_w - 2,
            TUI_ROLE_DIM, close);
    free(h.rows);
}
