/* tui_train.c — placeholder for the live training panel: shows "coming soon" and
 * closes on q. The real screen replaces this file and keeps its
 * function (train_screen_new). */
#include "tui_app.h"

#include "i18n.h"
#include "util.h"

#include <stdlib.h>

typedef struct {
    tui_screen base;
} train_screen;

static void train_draw(tui_screen *s, tui_app *app, WINDOW *w)
{
    tui_put(w, 1, 2, -1, TUI_ROLE_TITLE, i18n(app->lang, I18N_TRAIN));
    tui_put(w, 3, 2, -1, TUI_ROLE_DIM, i18n(app->lang, I18N_COMING_SOON));
}

static int train_key(tui_screen *s, tui_app *app, int key) { return 0; }

static void train_free(tui_screen *s, tui_app *app) { free(s); }

static const tui_screen_ops train_ops = {
    .name = "train", .draw = train_draw, .key = train_key, .free = train_free,
};

tui_screen *train_screen_new(tui_app *app, const tui_start *start)
{
    train_screen *s = xcalloc(1, sizeof *s);
    s->base.ops = &train_ops;
    return &s->base;
}

