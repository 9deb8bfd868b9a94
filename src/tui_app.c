/* tui_app.c — the full-screen program: terminal set-up and restoration, the
 * screen stack, the main loop, resizing, language and progress. See tui_app.h
 * for the contract screens rely on.
 *
 * The main loop in three lines: draw a frame if one is wanted (at most
 * TUI_FPS a second for worker updates, at once after keys); poll() stdin and
 * the wake-up pipe until the next key, wake-up, tick or frame is due;
 * dispatch what arrived.
 *
 * All drawing goes to stdscr through two sub-windows that share its memory
 * (the body and the bottom line), and a frame is one wnoutrefresh + one
 * doupdate. Keys are read from a separate 1x1 window that nothing draws
 * in: wget_wch refreshes the window it reads from when that window was
 * touched, and a refresh of stdscr from inside wget_wch, in the middle of a
 * resize to a tiny size, is where random terminal input once crashed the
 * program (SIGSEGV in wnoutrefresh).
 */
#include "tui_priv.h"

#include "commands.h"
#include "i18n.h"
#include "lang.h"
#include "lesson.h"
#include "paths.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

static tui_app the_app;                   /* the one application object */
static int wake_pipe[2] = {-1, -1};       /* [0] read by the UI, [1] written by anyone */
static volatile sig_atomic_t got_int;     /* SIGINT arrived */
static volatile sig_atomic_t got_term;    /* SIGTERM, SIGHUP or SIGQUIT: its number */
static volatile sig_atomic_t got_winch;   /* SIGWINCH arrived */
static struct sigaction curses_winch;     /* ncurses' own SIGWINCH handler, chained */
static SCREEN *term_screen;               /* the curses screen while it is open */
static double last_frame;                 /* when the last frame was drawn */

/* ---- terminal restoration on every path ---- */

static void restore_terminal(void)
{
    if (term_screen && !isendwin()) {
        curs_set(1);
        endwin();
    }
}

static void on_signal(int sig)
{
    int saved = errno;
    if (sig == SIGINT) got_int = 1;
    else if (sig == SIGWINCH) {
        got_winch = 1;
        if (curses_winch.sa_handler != SIG_DFL && curses_winch.sa_handler != SIG_IGN &&
            !(curses_winch.sa_flags & SA_SIGINFO))
            curses_winch.sa_handler(sig);
    } else got_term = sig;
    tui_wake();
    errno = saved;
}

static void install_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGQUIT, &sa, NULL); /* Ctrl-\ leaves cleanly too, the terminal restored */
    sigaction(SIGWINCH, &sa, &curses_winch);
    signal(SIGPIPE, SIG_IGN);
}

static void reset_signals(void)
{
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    signal(SIGQUIT, SIG_DFL);
    sigaction(SIGWINCH, &curses_winch, NULL);
}

int tui_wake_fd(void) { return wake_pipe[1]; }

void tui_wake(void)
{
    if (wake_pipe[1] >= 0) {
        char b = 1;
        ssize_t r = write(wake_pipe[1], &b, 1);
        (void)r; /* a full pipe already means "wake up" */
    }
}

/* ---- small services ---- */

void tui_redraw(tui_app *app) { app->dirty = 1; }

void tui_status(tui_app *app, tui_role role, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(app->status, sizeof app->status, fmt, ap);
    va_end(ap);
    app->status_role = role;
    app->dirty = 1;
}

const char *tui_l(const tui_app *app, const char *en, const char *zh)
{
    return app->lang && strcmp(app->lang, "zh") == 0 ? zh : en;
}

lesson_set *tui_lessons(tui_app *app)
{
    int li = progress_lang_index(app->lang);
    if (!app->lessons[li]) {
        char err[ERRBUF];
        app->lessons[li] = lesson_load_all(app->lang, err, sizeof err);
        if (!app->lessons[li]) tui_status(app, TUI_ROLE_ERROR, "%s", i18n(app->lang, I18N_NO_DATA));
    }
    return app->lessons[li];
}

void tui_save_progress(tui_app *app)
{
    if (!app->prog.dirty || !app->progress_path) return;
    char err[ERRBUF];
    if (paths_ensure_state_dir(err, sizeof err) != 0 ||
        progress_save(&app->prog, app->progress_path, err, sizeof err) != 0) {
        tui_status(app, TUI_ROLE_ERROR, "%s", err);
        app->prog.dirty = 0; /* one message is enough; the next change tries again */
    }
}

/* ---- the screen stack ---- */

static void layout_screen(tui_app *app, tui_screen *s)
{
    if (!app->too_small && s->ops->layout) s->ops->layout(s, app, app->cols, app->body_rows);
}

void tui_push(tui_app *app, tui_screen *s)
{
    if (!s) return;
    s->below = app->top;
    s->tick_due = now_seconds() + s->tick_ms / 1000.0;
    app->top = s;
    layout_screen(app, s);
    app->dirty = 1;
}

/* Unlinks s from the stack (wherever it is) and frees it. */
static void remove_screen(tui_app *app, tui_screen *s)
{
    tui_screen **link = &app->top;
    while (*link && *link != s) link = &(*link)->below;
    if (!*link) return;
    *link = s->below;
    tui_cmdline_forget(app, s);
    s->ops->free(s, app);
    tui_save_progress(app);
    app->dirty = 1;
}

void tui_pop(tui_app *app)
{
    if (!app->top) return;
    remove_screen(app, app->top);
    if (!app->top) app->quit = 1;
    else layout_screen(app, app->top);
}

void tui_open(tui_app *app, tui_screen *s)
{
    if (!s) return;
    tui_screen *same = app->top;
    while (same && same->ops != s->ops) same = same->below;
    /* Never below the home screen (the bottom of the stack). */
    if (same && same->below) {
        tui_screen *stop = same->below;
        while (app->top != stop) remove_screen(app, app->top);
    }
    tui_push(app, s);
}

/* Applies the flags a screen returned for an event. */
void tui_apply_flags(tui_app *app, tui_screen *s, int flags)
{
    if (flags & TUI_REDRAW) app->dirty = 1;
    if (flags & TUI_QUIT) app->quit = 1;
    if (flags & TUI_CLOSE) {
        int was_top = s == app->top;
        remove_screen(app, s);
        if (!app->top) app->quit = 1;
        else if (was_top) layout_screen(app, app->top);
    }
}

void tui_set_lang(tui_app *app, const char *lang)
{
    const char *l = lang && strcmp(lang, "zh") == 0 ? "zh" : "en";
    progress_set_lang(&app->prog, l);
    tui_save_progress(app);
    if (strcmp(app->lang, l) != 0) {
        app->lang = l;
        for (tui_screen *s = app->top; s; s = s->below) {
            if (s->ops->lang_changed) s->ops->lang_changed(s, app);
            layout_screen(app, s);
        }
    }
    tui_status(app, TUI_ROLE_OK, "%s", i18n(app->lang, I18N_LANG_SET));
}

/* ---- layout and drawing ---- */

static void relayout(tui_app *app)
{
    int rows, cols;
    getmaxyx(stdscr, rows, cols);
    if (app->body) delwin(app->body);
    if (app->bottom) delwin(app->bottom);
    app->body = app->bottom = NULL;
    app->rows = rows;
    app->cols = cols;
    app->too_small = cols < TUI_MIN_COLS || rows < TUI_MIN_ROWS;
    if (!app->too_small) {
        app->body_rows = rows - 1;
        app->body = derwin(stdscr, rows - 1, cols, 0, 0);
        app->bottom = derwin(stdscr, 1, cols, rows - 1, 0);
        if (!app->body || !app->bottom) die("cannot create windows of %dx%d", cols, rows);
        /* Bottom to top, so each screen sees the final size. */
        tui_screen *order[64];
        int n = 0;
        for (tui_screen *s = app->top; s && n < 64; s = s->below) order[n++] = s;
        while (n--) layout_screen(app, order[n]);
    } else {
        app->body_rows = 0;
    }
    clearok(curscr, TRUE);
    app->dirty = 1;
}

/* Follows the real terminal size (after SIGWINCH) when curses has not yet. */
static void check_size(tui_app *app)
{
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0 &&
        (ws.ws_row != LINES || ws.ws_col != COLS))
        resizeterm(ws.ws_row, ws.ws_col);
    relayout(app);
}

/* Display columns of s[0..n). */
static int width_n(const char *s, size_t n)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%.*s", (int)(n < sizeof buf ? n : sizeof buf - 1), s);
    return tui_width(buf);
}

static void draw_too_small(tui_app *app)
{
    char msg[160];
    snprintf(msg, sizeof msg, i18n(app->lang, I18N_TOO_SMALL), TUI_MIN_COLS, TUI_MIN_ROWS,
             app->cols, app->rows);
    /* Greedy word wrap so the sizes stay readable on a narrow terminal: lines
     * are byte ranges of msg, each centred and cut at the right edge when a
     * single word is too long. */
    size_t start[8], len[8];
    int n = 0;
    size_t p = 0, total = strlen(msg);
    while (p < total && n < 8) {
        size_t end = p;
        for (;;) {
            size_t next = end;
            while (next < total && msg[next] == ' ') next++;
            while (next < total && msg[next] != ' ') next++;
            if (end > p && width_n(msg + p, next - p) > app->cols) break;
            end = next;
            if (end >= total) break;
        }
        start[n] = p;
        len[n++] = end - p;
        p = end;
        while (p < total && msg[p] == ' ') p++;
    }
    const char *q = tui_l(app, "q quits", "按 q 退出");
    int y = (app->rows - n - 1) / 2;
    if (y < 0) y = 0;
    for (int i = 0; i < n; i++) {
        int w = width_n(msg + start[i], len[i]);
        tui_putn(stdscr, y + i, w < app->cols ? (app->cols - w) / 2 : 0, -1, TUI_ROLE_WARNING,
                 msg + start[i], len[i]);
    }
    int qw = tui_width(q);
    tui_put(stdscr, y + n, qw < app->cols ? (app->cols - qw) / 2 : 0, -1, TUI_ROLE_DIM, q);
}

static void draw_bottom(tui_app *app)
{
    WINDOW *b = app->bottom;
    if (app->status[0]) {
        tui_put(b, 0, 0, -1, app->status_role, app->status);
        return;
    }
    const char *hint = app->top && app->top->ops->footer ? app->top->ops->footer(app->top, app)
                                                         : NULL;
    if (!hint) hint = i18n(app->lang, I18N_FOOTER_DEFAULT);
    tui_fill(b, 0, 0, -1, TUI_ROLE_STATUS);
    tui_put(b, 0, 1, app->cols - 2, TUI_ROLE_STATUS, hint);
}

/* For `make bench`: with SEQTUTOR_BENCH_OUT set, the wall-clock time of the
 * first complete frame is appended to that file ("first-frame <seconds>"),
 * so the benchmark can measure start-up from the moment it ran the program. */
static void note_first_frame(void)
{
    static int done;
    const char *path = getenv("SEQTUTOR_BENCH_OUT");
    if (done || !path) return;
    done = 1;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    FILE *f = fopen(path, "a");
    if (!f) return;
    fprintf(f, "first-frame %ld.%09ld\n", (long)ts.tv_sec, ts.tv_nsec);
    fclose(f);
}

static void draw_frame(tui_app *app)
{
    int cursor = -1;
    werase(stdscr);
    if (app->too_small) {
        draw_too_small(app);
    } else if (app->top) {
        app->top->ops->draw(app->top, app, app->body);
        if (app->help_open) tui_help_draw(app);
        if (tui_cmdline_active(app)) cursor = tui_cmdline_draw(app);
        else draw_bottom(app);
    }
    if (cursor >= 0) {
        wmove(stdscr, app->rows - 1, cursor < app->cols ? cursor : app->cols - 1);
        curs_set(1);
    } else {
        wmove(stdscr, 0, 0);
        curs_set(0);
    }
    wnoutrefresh(stdscr);
    doupdate();
    app->dirty = 0;
    last_frame = now_seconds();
    note_first_frame();
}

/* ---- input ---- */

static int normalise_key(int status, wint_t wch)
{
    if (status == KEY_CODE_YES) {
        if (wch == KEY_ENTER) return '\n';
        return (int)wch;
    }
    if (wch == '\r') return '\n';
    if (wch >= KEY_MIN && wch <= KEY_MAX) return TUI_KEY_WIDE((int)wch);
    return (int)wch;
}

static void handle_key(tui_app *app, int key)
{
    if (key == KEY_RESIZE) {
        check_size(app);
        return;
    }
    if (app->too_small) {
        if (key == 'q') tui_pop(app);
        return;
    }
    if (app->help_open) {
        tui_help_key(app, key);
        return;
    }
    if (tui_cmdline_active(app)) {
        tui_cmdline_key(app, key);
        return;
    }
    if (app->status[0]) {
        app->status[0] = '\0';
        app->dirty = 1;
    }
    tui_screen *top = app->top;
    if (!top) return;
    int flags = top->ops->key(top, app, key);
    tui_apply_flags(app, top, flags);
    if (flags & TUI_HANDLED) return;
    switch (key) {
    case ':': tui_cmdline_open(app); break;
    case '?': case KEY_F(1): tui_help_open(app); break;
    case 'q': tui_pop(app); break;
    case TUI_CTRL('l'): clearok(curscr, TRUE); app->dirty = 1; break;
    default: break;
    }
}

/* Handles every key waiting; returns how many there were. */
static int read_keys(tui_app *app)
{
    wint_t wch;
    int status, n = 0;
    untouchwin(app->input); /* nothing to paint: wget_wch must not refresh */
    while (!app->quit && (status = wget_wch(app->input, &wch)) != ERR) {
        handle_key(app, normalise_key(status, wch));
        n++;
    }
    return n;
}

static void run_ticks(tui_app *app, int woken)
{
    double now = now_seconds();
    tui_screen *s = app->top;
    while (s && !app->quit) {
        tui_screen *next = s->below;
        int due = s->tick_ms > 0 && now >= s->tick_due;
        if (s->ops->tick && (woken || due)) {
            if (due) s->tick_due = now + s->tick_ms / 1000.0;
            tui_apply_flags(app, s, s->ops->tick(s, app));
        } else if (due) {
            s->tick_due = now + s->tick_ms / 1000.0;
        }
        s = next;
    }
}

/* Milliseconds until something is due (a frame or a tick); -1 = nothing. */
static int poll_timeout(tui_app *app)
{
    double now = now_seconds(), due = -1;
    if (app->dirty) due = last_frame + 1.0 / TUI_FPS;
    for (tui_screen *s = app->top; s; s = s->below)
        if (s->tick_ms > 0 && (due < 0 || s->tick_due < due)) due = s->tick_due;
    if (due < 0) return -1;
    double ms = (due - now) * 1000.0;
    if (ms <= 0) return 0;
    return ms > 60000 ? 60000 : (int)ms + 1;
}

static void main_loop(tui_app *app)
{
    while (!app->quit) {
        if (got_int || got_term) {
            app->exit_status = got_int ? 130 : 128 + (int)got_term;
            break;
        }
        if (got_winch) {
            got_winch = 0;
            check_size(app);
        }
        if (app->dirty && now_seconds() - last_frame >= 1.0 / TUI_FPS - 0.001) draw_frame(app);
        struct pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0}, {wake_pipe[0], POLLIN, 0}};
        int n = poll(fds, 2, poll_timeout(app));
        if (n < 0 && errno != EINTR) die("poll: %s", strerror(errno));
        int woken = 0;
        if (n > 0 && (fds[1].revents & POLLIN)) {
            char buf[256];
            while (read(wake_pipe[0], buf, sizeof buf) > 0) {}
            woken = 1;
        }
        if (n > 0 && (fds[0].revents & (POLLHUP | POLLERR)) && !(fds[0].revents & POLLIN)) {
            app->exit_status = 1; /* the terminal went away */
            break;
        }
        /* Keys first (also picks up KEY_RESIZE after a signal). A key is
         * answered at once: the frame-rate limit is for worker updates, and
         * keys come at a human pace. */
        int keys = read_keys(app);
        if (!app->quit) run_ticks(app, woken && !got_int && !got_term);
        if (keys && app->dirty && !app->quit) draw_frame(app);
    }
}

/* ---- start and end ---- */

static const char *initial_lang(const tui_start *start, const progress *p)
{
    const char *l = lang_choose(start->lang, p->lang);
    return l ? l : "en";
}

static void load_progress(tui_app *app)
{
    app->progress_path = paths_join(paths_state_dir(), "progress");
    app->history_path = paths_join(paths_state_dir(), "history");
    char err[ERRBUF];
    if (progress_load(&app->prog, app->progress_path, err, sizeof err) == PROGRESS_CORRUPT) {
        /* The status line is short: name the file relative to the state directory. */
        size_t dl = strlen(paths_state_dir());
        const char *msg = strncmp(err, paths_state_dir(), dl) == 0 && err[dl] == '/' ? err + dl + 1 : err;
        tui_status(app, TUI_ROLE_ERROR, "%s", msg);
    }
}

static tui_screen *first_screen(tui_app *app, const tui_start *start)
{
    switch (start->screen) {
    case TUI_LESSON: return lesson_screen_new(app, start->lesson, NULL);
    case TUI_QUIZ: return quiz_screen_new(app, start);
    case TUI_TRAIN: return train_screen_new(app, start);
    case TUI_HOME: break;
    }
    return NULL;
}

void tui_start_defaults(tui_start *s)
{
    memset(s, 0, sizeof *s);
    s->screen = TUI_HOME;
    trainer_config_defaults(&s->train);
}

int tui_run(const tui_start *start)
{
    tui_app *app = &the_app;
    memset(app, 0, sizeof *app);
    app->start = start;
    app->utf8 = lang_utf8();
    load_progress(app);
    app->lang = initial_lang(start, &app->prog);

    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        fprintf(stderr, "seqtutor: the full-screen course needs a terminal\n");
        return 2;
    }
    if (pipe(wake_pipe) != 0) {
        fprintf(stderr, "seqtutor: pipe: %s\n", strerror(errno));
        return 1;
    }
    for (int i = 0; i < 2; i++) {
        fcntl(wake_pipe[i], F_SETFL, fcntl(wake_pipe[i], F_GETFL) | O_NONBLOCK);
        fcntl(wake_pipe[i], F_SETFD, FD_CLOEXEC);
    }
    /* The real size of the terminal wins over stale LINES/COLUMNS in the
     * environment (a shell that exported them once, at another size). */
    use_tioctl(TRUE);
    term_screen = newterm(NULL, stdout, stdin);
    if (!term_screen) {
        fprintf(stderr, "seqtutor: cannot use the terminal '%s'\n",
                getenv("TERM") ? getenv("TERM") : "");
        close(wake_pipe[0]);
        close(wake_pipe[1]);
        wake_pipe[0] = wake_pipe[1] = -1;
        return 2;
    }
    set_term(term_screen);
    util_set_cleanup(restore_terminal);
    cbreak();
    noecho();
    nonl();
    intrflush(stdscr, FALSE);
    app->input = newwin(1, 1, 0, 0);
    if (!app->input) die("cannot create the input window");
    keypad(app->input, TRUE);
    /* Home/End as tmux, screen and rxvt send them (VT220 style) and as xterm
     * sends them outside keypad mode; terminfo entries often lack these. */
    static const struct { const char *seq; int key; } extra_keys[] = {
        {"\033[1~", KEY_HOME}, {"\033[4~", KEY_END}, {"\033[7~", KEY_HOME},
        {"\033[8~", KEY_END},  {"\033[H", KEY_HOME}, {"\033[F", KEY_END},
        {"\033OH", KEY_HOME},  {"\033OF", KEY_END},
    };
    for (size_t i = 0; i < sizeof extra_keys / sizeof extra_keys[0]; i++)
        if (key_defined(extra_keys[i].seq) == 0) define_key(extra_keys[i].seq, extra_keys[i].key);
    nodelay(app->input, TRUE);
    set_escdelay(25);
    curs_set(0);
    app->color = tui_colors_init();
    install_signals();
    tui_cmdline_init(app);
    relayout(app);

    tui_push(app, home_screen_new(app));
    tui_push(app, first_screen(app, start));
    draw_frame(app);
    main_loop(app);

    app->status[0] = '\0'; /* from here on, only errors of the way out */
    while (app->top) remove_screen(app, app->top);
    tui_cmdline_shutdown(app);
    tui_save_progress(app);
    if (app->body) delwin(app->body);
    if (app->bottom) delwin(app->bottom);
    if (app->input) delwin(app->input);
    app->body = app->bottom = app->input = NULL;
    restore_terminal();
    reset_signals();
    util_set_cleanup(NULL);
    delscreen(term_screen);
    term_screen = NULL;
    close(wake_pipe[0]);
    close(wake_pipe[1]);
    wake_pipe[0] = wake_pipe[1] = -1;
    /* A save error found on the way out has no status line left to go to. */
    if (app->status[0] && app->status_role == TUI_ROLE_ERROR && app->exit_status == 0)
        fprintf(stderr, "seqtutor: %s\n", app->status);
    for (int i = 0; i < PROGRESS_N_LANGS; i++) lesson_set_free(app->lessons[i]);
    free(app->progress_path);
    free(app->history_path);
    return app->exit_status;
}

/* ---- the no-command entry and its plain twin ---- */

static int plain_home(const char *lang)
{
    progress p;
    char *path = paths_join(paths_state_dir(), "progress");
    char err[ERRBUF];
    progress_load(&p, path, err, sizeof err);
    free(path);
    if (!lang) lang = lang_choose(NULL, p.lang);
    printf("%s\n%s\n\n%s:\n", i18n(lang, I18N_APP_TITLE), i18n(lang, I18N_APP_SUBTITLE),
           i18n(lang, I18N_LESSONS));
    lesson_set *set = lesson_load_all(lang, err, sizeof err);
    if (!set) {
        printf("  %s\n", i18n(lang, I18N_NO_DATA));
    } else {
        for (int i = 0; i < LESSON_COUNT; i++) {
            int pct = progress_percent(&p, i + 1);
            printf("  %2d  %s%s", i + 1, set->lessons[i]->title,
                   progress_is_read(&p, i + 1) ? "  ✓" : "");
            if (!progress_is_read(&p, i + 1) && pct > 0) printf("  %d%%", pct);
            printf("\n");
        }
        lesson_set_free(set);
    }
    printf("\n%s", i18n(lang, I18N_PLAIN_COMMANDS));
    return 0;
}

int cmd_home(int argc, char **argv)
{
    /* Only --lang is accepted here: main() sends every argument list that
     * starts with an option to this function. */
    const char *lang_flag = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            printf("usage: seqtutor [--lang zh|en]   open the course (see 'seqtutor --help')\n");
            return 0;
        }
        if (strcmp(a, "--lang") == 0 && i + 1 < argc) lang_flag = argv[++i];
        else if (strncmp(a, "--lang=", 7) == 0) lang_flag = a + 7;
        else if (strcmp(a, "--lang") == 0) {
            fprintf(stderr, "seqtutor: --lang needs a value (zh or en)\n");
            return 2;
        } else {
            fprintf(stderr, "seqtutor: unknown option '%s'; try 'seqtutor --help'\n", a);
            return 2;
        }
    }
    if (lang_flag && !lang_pick(lang_flag)) {
        fprintf(stderr, "seqtutor: --lang must be zh or en, not '%s'\n", lang_flag);
        return 2;
    }
    const char *term = getenv("TERM");
    if (!isatty(STDOUT_FILENO) || !isatty(STDIN_FILENO) || !term || !*term ||
        strcmp(term, "dumb") == 0)
        return plain_home(lang_flag ? lang_pick(lang_flag) : NULL);
    tui_start s;
    tui_start_defaults(&s);
    s.lang = lang_flag ? lang_pick(lang_flag) : NULL;
    return tui_run(&s);
}
