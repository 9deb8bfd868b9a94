/* tui_home.c — the home screen: the ten lessons with read marks and reading
 * positions, the quiz (with the number of questions due for review) and the
 * training panel. */
#include "tui_app.h"

#include "i18n.h"
#include "lesson.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ENTRY_QUIZ = LESSON_COUNT, ENTRY_TRAIN, N_ENTRIES };

typedef struct {
    tui_screen base;
    int selected; /* 0..9 lessons, ENTRY_QUIZ, ENTRY_TRAIN */
} home_screen;

static const tui_key_help home_keys[] = {
    {"↑/↓  j/k", "choose an entry", "选择条目"},
    {"Enter  →  l", "open it", "打开"},
    {"1 … 9, 0", "open lesson 1 … 9, 10", "打开第 1 … 9、10 课"},
    {"Home/End  g/G", "first / last entry", "第一个 / 最后一个条目"},
    {"z", "中文 / English", "中文 / English"},
    {"q", "quit", "退出"},
    {NULL, NULL, NULL},
};

/* The row of entry i inside the list, with a blank line before the quiz. */
static int entry_row(int i) { return i < LESSON_COUNT ? i : i + 1; }

static void draw_entry(home_screen *h, tui_app *app, WINDOW *w, int i, int y, int x, int width)
{
    int sel = i == h->selected;
    tui_role base = sel ? TUI_ROLE_SELECTION : TUI_ROLE_TEXT;
    if (sel) tui_fill(w, y, x, width, TUI_ROLE_SELECTION);
    char num[16];
    const char *title;
    char right[64] = "";
    tui_role right_role = sel ? TUI_ROLE_SELECTION : TUI_ROLE_DIM;
    lesson_set *set = i < LESSON_COUNT ? tui_lessons(app) : NULL;
    if (i < LESSON_COUNT) {
        snprintf(num, sizeof num, "%2d", i + 1);
        title = set ? set->lessons[i]->title : "?";
        int pct = progress_percent(&app->prog, i + 1);
        if (progress_is_read(&app->prog, i + 1)) {
            snprintf(right, sizeof right, "%s", tui_sym(app, "✓", "read"));
            if (!sel) right_role = TUI_ROLE_OK;
        } else if (pct > 0) {
            snprintf(right, sizeof right, "%d%%", pct);
        }
    } else if (i == ENTRY_QUIZ) {
        snprintf(num, sizeof num, "%s", tui_sym(app, "•", "*"));
        title = i18n(app->lang, I18N_QUIZ);
        int due = tui_review_due_count(app);
        if (due > 0) {
            snprintf(right, sizeof right, i18n(app->lang, I18N_REVIEW_DUE), due);
            if (!sel) right_role = TUI_ROLE_WARNING;
        }
    } else {
        snprintf(num, sizeof num, "%s", tui_sym(app, "•", "*"));
        title = i18n(app->lang, I18N_TRAIN);
    }
    tui_put(w, y, x + 1, 2, sel ? base : TUI_ROLE_KEY, num);
    int rw = tui_width(right);
    int title_w = width - 6 - (rw ? rw + 2 : 0);
    tui_put(w, y, x + 5, title_w, base, title);
    if (rw) tui_put(w, y, x + width - rw - 1, rw, right_role, right);
}

static void home_draw(tui_screen *s, tui_app *app, WINDOW *w)
{
    home_screen *h = (home_screen *)s;
    int width = app->cols - 4 > 76 ? 76 : app->cols - 4;
    int x = (app->cols - width) / 2;
    int list_rows = entry_row(N_ENTRIES - 1) + 1;
    /* Title block (3 rows) + heading + list; centred vertically when there is room. */
    int total = 4 + list_rows;
    int y = app->body_rows > total + 2 ? (app->body_rows - total) / 3 : 0;
    tui_put(w, y, x + 1, width - 1, TUI_ROLE_TITLE, i18n(app->lang, I18N_APP_TITLE));
    tui_put(w, y + 1, x + 1, width - 1, TUI_ROLE_DIM, i18n(app->lang, I18N_APP_SUBTITLE));
    tui_put(w, y + 3, x + 1, width - 1, TUI_ROLE_HEADING, i18n(app->lang, I18N_LESSONS));
    for (int i = 0; i < N_ENTRIES; i++) {
        int row = y + 4 + entry_row(i);
        if (row >= app->body_rows) break;
        draw_entry(h, app, w, i, row, x, width);
    }
}

static int open_entry(tui_app *app, int i)
{
    if (i < LESSON_COUNT) tui_push(app, lesson_screen_new(app, i + 1, NULL));
    else if (i == ENTRY_QUIZ) tui_push(app, quiz_screen_new(app, app->start));
    else tui_push(app, train_screen_new(app, app->start));
    return TUI_HANDLED | TUI_REDRAW;
}

static int home_key(tui_screen *s, tui_app *app, int key)
{
    home_screen *h = (home_screen *)s;
    switch (key) {
    case KEY_DOWN: case 'j': case TUI_CTRL('n'):
        h->selected = (h->selected + 1) % N_ENTRIES;
        return TUI_HANDLED | TUI_REDRAW;
    case KEY_UP: case 'k': case TUI_CTRL('p'):
        h->selected = (h->selected + N_ENTRIES - 1) % N_ENTRIES;
        return TUI_HANDLED | TUI_REDRAW;
    case KEY_HOME: case 'g':
        h->selected = 0;
        return TUI_HANDLED | TUI_REDRAW;
    case KEY_END: case 'G':
        h->selected = N_ENTRIES - 1;
        return TUI_HANDLED | TUI_REDRAW;
    case '\n': case KEY_RIGHT: case 'l':
        return open_entry(app, h->selected);
    case 'z':
        tui_set_lang(app, strcmp(app->lang, "zh") == 0 ? "en" : "zh");
        return TUI_HANDLED | TUI_REDRAW;
    default:
        break;
    }
    if (key >= '0' && key <= '9') {
        h->selected = key == '0' ? 9 : key - '1';
        return open_entry(app, h->selected);
    }
    return 0;
}

static const char *home_footer(tui_screen *s, tui_app *app)
{
    return i18n(app->lang, I18N_FOOTER_HOME);
}

static void home_free(tui_screen *s, tui_app *app) { free(s); }

static const tui_screen_ops home_ops = {
    .name = "home",
    .draw = home_draw,
    .key = home_key,
    .keys = home_keys,
    .footer = home_footer,
    .free = home_free,
};

tui_screen *home_screen_new(tui_app *app)
{
    home_screen *h = xcalloc(1, sizeof *h);
    h->base.ops = &home_ops;
    return &h->base;
}
