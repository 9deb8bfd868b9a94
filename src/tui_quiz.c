/* tui_quiz.c — placeholder for the quiz screen: shows "coming soon" and
 * closes on q. The real screen replaces this file and keeps its two
 * functions (quiz_screen_new, tui_review_due_count). */
#include "tui_app.h"

#include "i18n.h"
#include "util.h"

#include <stdlib.h>

typedef struct {
    tui_screen base;
} quiz_screen;

static void quiz_draw(tui_screen *s, tui_app *app, WINDOW *w)
{
    tui_put(w, 1, 2, -1, TUI_ROLE_TITLE, i18n(app->lang, I18N_QUIZ));
    tui_put(w, 3, 2, -1, TUI_ROLE_DIM, i18n(app->lang, I18N_COMING_SOON));
}

static int quiz_key(tui_screen *s, tui_app *app, int key) { return 0; }

static void quiz_free(tui_screen *s, tui_app *app) { free(s); }

static const tui_screen_ops quiz_ops = {
    .name = "quiz", .draw = quiz_draw, .key = quiz_key, .free = quiz_free,
};

tui_screen *quiz_screen_new(tui_app *app, const tui_start *start)
{
    quiz_screen *s = xcalloc(1, sizeof *s);
    s->base.ops = &quiz_ops;
    return &s->base;
}

int tui_review_due_count(tui_app *app) { return 0; }
