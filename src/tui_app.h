/* tui_app.h — the contract between the full-screen framework and its screens.
 *
 * The framework (tui_app.c, tui_cmdline.c, tui_help.c, tui_colors.c,
 * tui_draw.c) owns the terminal, a stack of screens, the bottom line (status
 * messages, key hints and the ':' command line), the '?' help overlay, colours,
 * the course language and the lesson progress. A screen is an object with an
 * ops table; it draws its body and reacts to keys, ticks and ':' commands.
 *
 * ---- Threads ----
 * Only the UI thread calls curses, readline or any function declared here,
 * except tui_wake() / tui_wake_fd(), which any thread (and a signal handler)
 * may use. A worker thread publishes its results under its own mutex, then
 * calls tui_wake(); the framework then calls tick() of every screen on the
 * stack that has one (top first) on the UI thread, where the screen copies
 * the results and returns TUI_REDRAW if the picture changed. Independently,
 * a screen with tick_ms > 0 gets tick() about every tick_ms milliseconds while
 * it is anywhere on the stack (the training panel: 33 for ~30 Hz). Frames asked
 * for by ticks are capped at TUI_FPS; a key is answered with a frame at once.
 *
 * ---- Writing a screen ----
 *   typedef struct { tui_screen base; ...own fields... } my_screen;  // base first
 *   static const tui_screen_ops my_ops = { .name = "quiz", .draw = my_draw, ... };
 *   tui_screen *my_screen_new(tui_app *app, ...) {
 *       my_screen *s = xcalloc(1, sizeof *s);
 *       s->base.ops = &my_ops;
 *       s->base.tick_ms = 0;            // or 33 for ~30 Hz ticks
 *       return &s->base;
 *   }
 *   tui_push(app, my_screen_new(app, ...));   // or return it to a caller that pushes
 * A screen gets a pointer to its own `base`; cast it back: (my_screen *)scr.
 *
 * ---- Call order ----
 * tui_push(app, s)        -> s->ops->layout(s, app, cols, body_rows) (if set), then draws.
 * terminal resized        -> layout() of every screen on the stack; while the terminal
 *                            is smaller than TUI_MIN_COLS x TUI_MIN_ROWS no screen is
 *                            drawn (a "terminal too small" message is), keys other
 *                            than 'q' are ignored, and layout() is called again
 *                            once it is large enough. layout() never sees a body
 *                            smaller than TUI_MIN_COLS x (TUI_MIN_ROWS - 1).
 * every frame             -> draw(top, app, app->body) for the top screen only, after the
 *                            body window was erased; only when something asked for a
 *                            redraw; at once after keys, at most ~30/s otherwise.
 * a key                   -> the help overlay (if open) swallows it; the command line
 *                            (if open) takes it; otherwise the status message is
 *                            cleared and key(top, app, key) is called. If the
 *                            result lacks TUI_HANDLED the global keys apply:
 *                            ':' command line, '?' help, 'q' close the screen (quit on
 *                            the last one), Ctrl-L repaint.
 * ':cmd args' (Enter)     -> if the top screen lists "cmd" in ops->commands, its
 *                            command() is called; else the global commands (lesson,
 *                            quiz, train, lang, search, help, quit); else
 *                            "unknown command" in the status line.
 * language changed        -> lang_changed() of every screen on the stack, then layout().
 * a screen closes         -> free(s, app); the screen below is laid out again and drawn.
 *
 * ---- Return flags of key(), tick() and command() ----
 *   TUI_HANDLED  the event was used (suppresses the global keys)
 *   TUI_REDRAW   something changed on screen: draw a new frame
 *   TUI_CLOSE    pop (and free) this screen
 *   TUI_QUIT     leave the program (exit status 0)
 * Any combination is allowed; 0 means "not mine".
 *
 * ---- Keys ----
 * key() receives curses key codes for special keys (KEY_UP, KEY_NPAGE, KEY_HOME,
 * KEY_BACKSPACE, KEY_F(n)...), control characters as themselves (27 = Esc,
 * '\t' = Tab, TUI_CTRL('g') = Ctrl-G), Enter always as '\n' (never '\r' or
 * KEY_ENTER), and typed characters as Unicode code points ('j', 0x4E2D). A code
 * point that would collide with the KEY_* range (KEY_MIN..KEY_MAX) arrives as
 * TUI_KEY_WIDE(cp). KEY_RESIZE never reaches a screen (layout() is called), nor
 * does Ctrl-C (it ends the program cleanly: status 130; SIGTERM: 143). For text
 * entry use tui_prompt(), which gives readline editing on the bottom line.
 *
 * ---- The bottom line ----
 * Shows, in this order of priority: the open command line / prompt; the
 * status message (tui_status, until the next key); the top screen's footer().
 *
 * ---- Saving ----
 * The framework writes app->prog when a screen closes, when the language
 * changes and on exit (tui_save_progress); a screen only updates it. Other
 * state (quiz progress, saved models) is the screen's own business.
 *
 * ---- Drawing ----
 * app->body is a window of app->cols x app->body_rows at the top of the terminal;
 * the last terminal line belongs to the framework. Draw only into that window,
 * with tui_put() / tui_fill() (they clip to the window and measure CJK text as
 * two columns) and colours from tui_attr(role) — never raw COLOR_* values.
 */
#ifndef SEQTUTOR_TUI_APP_H
#define SEQTUTOR_TUI_APP_H

#include "lesson.h"
#include "progress.h"
#include "tui.h"

#include <curses.h>
#include <stddef.h>

#define TUI_MIN_COLS 60
#define TUI_MIN_ROWS 20
#define TUI_FPS 30

enum {
    TUI_HANDLED = 1 << 0,
    TUI_REDRAW = 1 << 1,
    TUI_CLOSE = 1 << 2,
    TUI_QUIT = 1 << 3
};

#define TUI_KEY_WIDE_BASE 0x200000
#define TUI_KEY_WIDE(cp) (TUI_KEY_WIDE_BASE + (cp))
#define TUI_CTRL(c) ((c) & 0x1f)

/* Colour roles: every colour and attribute on screen is one of these. */
typedef enum {
    TUI_ROLE_TEXT,      /* ordinary text */
    TUI_ROLE_TITLE,     /* screen titles */
    TUI_ROLE_HEADING,   /* lesson headings */
    TUI_ROLE_BOLD,      /* **bold** spans */
    TUI_ROLE_CODE,      /* `code` spans and fenced blocks */
    TUI_ROLE_NOTE,      /* "> " notes */
    TUI_ROLE_MATCH,     /* search matches */
    TUI_ROLE_SELECTION, /* the selected list entry */
    TUI_ROLE_STATUS,    /* the bottom line */
    TUI_ROLE_ERROR,     /* errors, wrong answers */
    TUI_ROLE_OK,        /* success, right answers, read marks */
    TUI_ROLE_WARNING,   /* warnings (malformed lesson, diverging loss) */
    TUI_ROLE_DIM,       /* secondary text, hints, percentages */
    TUI_ROLE_KEY,       /* key names in help and footers */
    TUI_ROLE_BORDER,    /* frames and separators */
    TUI_ROLE_SERIES1,   /* first chart series (e.g. the loss curve) */
    TUI_ROLE_SERIES2,   /* second chart series (e.g. the gradient norm) */
    TUI_ROLE_COUNT
} tui_role;

typedef struct tui_app tui_app;
typedef struct tui_screen tui_screen;

/* One line of the '?' help: arrays end with an entry whose keys is NULL. */
typedef struct {
    const char *keys; /* as shown: "j/k ↓/↑" */
    const char *en;   /* what they do, in English */
    const char *zh;   /* the same in Chinese */
} tui_key_help;

/* A ':' command a screen understands: arrays end with name == NULL. */
typedef struct {
    const char *name;               /* typed after ':' ("set") */
    const char *args;               /* argument synopsis for help ("NAME VALUE"), or "" */
    const char *en, *zh;            /* one-line description */
    const char *const *completions; /* NULL-terminated words Tab offers for the
                                     * first argument, or NULL */
} tui_command_info;

typedef struct {
    const char *name; /* "home", "lesson", "quiz", "train": for messages and tests */
    /* Re-lay out for a body of cols x rows (rows = app->body_rows). Optional. */
    void (*layout)(tui_screen *s, tui_app *app, int cols, int rows);
    /* Draw the body into win (already erased). Required. */
    void (*draw)(tui_screen *s, tui_app *app, WINDOW *win);
    /* A key (see "Keys"); returns TUI_* flags. Required. */
    int (*key)(tui_screen *s, tui_app *app, int key);
    /* Called after a worker wake-up and every tick_ms; returns TUI_* flags. Optional. */
    int (*tick)(tui_screen *s, tui_app *app);
    /* A ':' command listed in `commands`; argv[0] is its name. Returns TUI_* flags. */
    int (*command)(tui_screen *s, tui_app *app, int argc, char **argv);
    const tui_command_info *commands; /* or NULL */
    const tui_key_help *keys;         /* shown by '?', or NULL */
    /* The key hints of the bottom line, in app->lang ("j/k scroll  q back"). Optional:
     * without it a generic hint is shown. */
    const char *(*footer)(tui_screen *s, tui_app *app);
    /* app->lang changed: reload texts. Optional (layout() follows anyway). */
    void (*lang_changed)(tui_screen *s, tui_app *app);
    /* Release everything, including s itself. Required. */
    void (*free)(tui_screen *s, tui_app *app);
} tui_screen_ops;

struct tui_screen {
    const tui_screen_ops *ops;
    int tick_ms;       /* > 0: tick() about every tick_ms milliseconds while on the stack */
    tui_screen *below; /* the screen under this one; set by tui_push */
    double tick_due;   /* framework use: when the next tick is due (now_seconds) */
};

/* The one application object. Screens read these fields; they change them
 * only through the functions below. */
struct tui_app {
    const char *lang;         /* "zh" or "en": language of every text shown now */
    int cols, rows;           /* terminal size */
    int body_rows;            /* rows of app->body (rows - 1) */
    int too_small;            /* 1 while below TUI_MIN_COLS x TUI_MIN_ROWS */
    WINDOW *body;             /* where the top screen draws; NULL while too small */
    WINDOW *bottom;           /* the last line: status, hints, command line (framework only) */
    WINDOW *input;            /* 1x1 at the top left, never drawn, resized or deleted: keys are
                               * read from it, so reading never refreshes stdscr */
    tui_screen *top;          /* the screen shown; ->below links the stack down to home */
    int utf8;                 /* the locale is UTF-8 (else use ASCII replacements) */
    int color;                /* colours in use (else bold/reverse/underline only) */
    const tui_start *start;   /* how the program was started (train config, quiz options) */
    progress prog;            /* lesson progress; saved by the framework when dirty */
    char *progress_path;      /* paths_state_dir()/progress */
    char *history_path;       /* paths_state_dir()/history */
    lesson_set *lessons[PROGRESS_N_LANGS];        /* loaded on first use: tui_lessons() */
    char status[256];         /* the status message, shown until the next key */
    tui_role status_role;     /* its colour */
    int help_open;            /* the '?' overlay is shown */
    int dirty;                /* a new frame is wanted */
    int quit;                 /* leave the main loop */
    int exit_status;          /* what tui_run returns */
};

/* ---- the screen stack ---- */
/* Pushes s (taking ownership) and shows it. */
void tui_push(tui_app *app, tui_screen *s);
/* Closes and frees the top screen; closing the last one ends the program. */
void tui_pop(tui_app *app);
/* Opens a screen from a global command: if a screen of the same kind (same
 * ops) is on the stack, it and every screen above it are closed first, then s
 * is pushed; so the stack holds at most one screen of each kind. */
void tui_open(tui_app *app, tui_screen *s);

/* ---- redraws, messages, wake-ups ---- */
void tui_redraw(tui_app *app);
/* A message in the status line until the next key (printf format). */
void tui_status(tui_app *app, tui_role role, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The write end of the wake-up pipe; writing one byte wakes the UI thread.
 * Valid while tui_run runs (else -1). Async-signal-safe. */
int tui_wake_fd(void);
/* Writes that byte (ignores a full pipe). Safe from any thread. */
void tui_wake(void);

/* ---- language ---- */
/* en or zh, by app->lang. */
const char *tui_l(const tui_app *app, const char *en, const char *zh);
/* argv[from..] of a ':' command joined with single spaces (a file name or a
 * search may contain spaces); the caller frees it. */
char *tui_join_args(int argc, char **argv, int from);
/* Switches the language of the whole program ("zh"/"en"), saves the choice. */
void tui_set_lang(tui_app *app, const char *lang);

/* ---- lessons and progress ---- */
/* The ten lessons in the current language, loaded on first use; NULL (with a
 * status message) when there is no data home. */
lesson_set *tui_lessons(tui_app *app);
/* Writes the progress file now if it changed (errors go to the status line). */
void tui_save_progress(tui_app *app);

/* ---- the bottom-line prompt (readline) ---- */
/* Opens the bottom line for text input, e.g. '/' search or a typed answer.
 * on_change (optional) is called after every edit with the current text;
 * on_done with the text on Enter, or NULL when cancelled (Esc, Ctrl-G).
 * Both get the screen that opened the prompt; if that screen is closed first,
 * the prompt is cancelled without calling them. Returns 0, or -1 when a prompt
 * is already open. */
typedef void (*tui_prompt_fn)(tui_screen *s, tui_app *app, const char *text);
int tui_prompt(tui_app *app, tui_screen *owner, const char *prompt, const char *initial,
               tui_prompt_fn on_change, tui_prompt_fn on_done);
int tui_prompt_active(const tui_app *app);

/* ---- drawing (tui_draw.c, tui_colors.c) ---- */
/* The curses attributes (colour pair included) of a role. */
attr_t tui_attr(tui_role role);
/* Draws UTF-8 text at (y, x) in at most max_cols columns (<0: to the right
 * edge), clipped to the window; CJK characters take two columns, a wide
 * character that does not fit is not drawn, control characters and invalid
 * bytes show as '?'. Returns the columns used. */
int tui_put(WINDOW *w, int y, int x, int max_cols, tui_role role, const char *s);
/* The same for s[0..len). */
int tui_putn(WINDOW *w, int y, int x, int max_cols, tui_role role, const char *s, size_t len);
/* Display columns of UTF-8 text (as tui_put counts them). */
int tui_width(const char *s);
/* Fills cols cells from (y, x) with blanks of a role (to the edge if cols < 0). */
void tui_fill(WINDOW *w, int y, int x, int cols, tui_role role);
/* Horizontal / vertical lines of box-drawing characters (ASCII without UTF-8). */
void tui_hline(WINDOW *w, int y, int x, int cols, tui_role role);
void tui_vline(WINDOW *w, int y, int x, int rows, tui_role role);
/* A frame with an optional title in its top border (clipped to the window). */
void tui_frame(WINDOW *w, int y, int x, int rows, int cols, tui_role role, const char *title);
/* "✓", "›", "…", "│", "─": the UTF-8 symbol or an ASCII stand-in. */
const char *tui_sym(const tui_app *app, const char *utf8, const char *ascii);

/* ---- screens (constructors; each returns a screen to push) ---- */
tui_screen *home_screen_new(tui_app *app);
/* lesson 1..10; search (may be NULL) starts a search at the first match. */
tui_screen *lesson_screen_new(tui_app *app, int lesson, const char *search);
/* The quiz screen; start gives the file, seed and review options. */
tui_screen *quiz_screen_new(tui_app *app, const tui_start *start);
/* The live training panel with start->train as its configuration. */
tui_screen *train_screen_new(tui_app *app, const tui_start *start);
/* Questions due for review now (shown on the home screen); 0 when unknown. */
int tui_review_due_count(tui_app *app);

#endif
