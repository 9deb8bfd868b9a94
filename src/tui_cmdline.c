/* tui_cmdline.c — the bottom-line editor: ':' commands and screen prompts,
 * edited with GNU readline's callback interface inside curses.
 *
 * readline never touches the terminal here: it gets no terminal preparation
 * functions, no signal handlers, an output stream that goes nowhere, and its
 * bytes one at a time from a small queue this file fills from curses keys.
 * What it shows is drawn by us from rl_line_buffer / rl_point at frame time
 * (rl_redisplay_function only asks for a frame). Completion lists go to a line
 * above the bottom line, not to the terminal.
 */
#include "tui_priv.h"

#include "i18n.h"
#include "lesson.h"
#include "paths.h"
#include "util.h"

#include <readline/history.h>
#include <readline/readline.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define HISTORY_MAX 500
#define MAX_ARGS 16

typedef enum { MODE_COMMAND, MODE_PROMPT } cmd_mode;

static struct {
    int active;               /* the bottom line is being edited */
    cmd_mode mode;            /* ':' command or a screen's prompt */
    char prompt[64];          /* what is shown before the text */
    tui_screen *owner;        /* MODE_PROMPT: the screen that asked */
    tui_prompt_fn on_change, on_done;
    char *last_text;          /* text at the last on_change call */
    unsigned char queue[64];  /* bytes waiting for readline */
    int q_head, q_len;
    int accepted;             /* the line handler ran */
    char *accepted_line;      /* its line (NULL: end of input) */
    char *matches;            /* completion list to show, or NULL */
    FILE *sink;               /* readline's output stream (/dev/null) */
    tui_app *app;
} cl;

/* ---- readline hooks ---- */

static int queue_getc(FILE *f)
{
    (void)f;
    if (cl.q_len == 0) return '\0'; /* never asked for when empty; NUL is harmless */
    unsigned char c = cl.queue[cl.q_head];
    cl.q_head = (cl.q_head + 1) % (int)sizeof cl.queue;
    cl.q_len--;
    return c;
}

static int queue_available(void) { return cl.q_len > 0; }

static void request_frame(void)
{
    if (cl.app) cl.app->dirty = 1;
}

static void line_handler(char *line)
{
    cl.accepted = 1;
    cl.accepted_line = line;
    rl_callback_handler_remove();
}

static void show_matches(char **matches, int n, int max_len)
{
    (void)max_len;
    strbuf sb;
    sb_init(&sb);
    for (int i = 1; i <= n; i++) {
        if (i > 1) sb_puts(&sb, "  ");
        sb_puts(&sb, matches[i]);
    }
    free(cl.matches);
    cl.matches = sb.data ? sb.data : xstrdup("");
    request_frame();
}

/* ---- completion ---- */

const tui_command_info tui_global_commands[] = {
    {"lesson", "N", "open lesson N (1-10)", "打开第 N 课（1-10）", NULL},
    {"quiz", "", "take the quiz", "做测验", NULL},
    {"train", "", "train the dinosaur-name RNN", "训练恐龙名字 RNN", NULL},
    {"lang", "zh|en", "switch the language", "切换语言", (const char *const[]){"zh", "en", NULL}},
    {"search", "TEXT", "find TEXT in the lessons", "在课程中查找文字", NULL},
    {"help", "", "show the keys and commands", "显示按键和命令", NULL},
    {"quit", "", "leave seqtutor", "退出 seqtutor", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const char *const lesson_numbers[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", NULL};

static const char **candidates; /* what the generator walks through */
static int n_candidates;

static char *generate(const char *text, int state)
{
    static int next;
    if (state == 0) next = 0;
    size_t len = strlen(text);
    while (next < n_candidates) {
        const char *c = candidates[next++];
        if (strncmp(c, text, len) == 0) return xstrdup(c);
    }
    return NULL;
}

static void add_candidate(const char *c)
{
    for (int i = 0; i < n_candidates; i++)
        if (strcmp(candidates[i], c) == 0) return;
    candidates = xrealloc(candidates, (size_t)(n_candidates + 1) * sizeof *candidates);
    candidates[n_candidates++] = c;
}

static const tui_command_info *find_info(const tui_command_info *list, const char *name, size_t n)
{
    for (; list && list->name; list++)
        if (strlen(list->name) == n && strncmp(list->name, name, n) == 0) return list;
    return NULL;
}

static char **complete(const char *text, int start, int end)
{
    (void)end;
    rl_attempted_completion_over = 1; /* never fall back to file names */
    n_candidates = 0;
    tui_screen *top = cl.app ? cl.app->top : NULL;
    const tui_command_info *screen_cmds = top ? top->ops->commands : NULL;
    if (cl.mode != MODE_COMMAND) return NULL;

    /* Which word is being completed: skip blanks, find the command word. */
    const char *line = rl_line_buffer;
    int i = 0;
    while (i < start && line[i] == ' ') i++;
    if (i == start) {
        for (const tui_command_info *c = screen_cmds; c && c->name; c++) add_candidate(c->name);
        for (const tui_command_info *c = tui_global_commands; c->name; c++) add_candidate(c->name);
    } else {
        int w0 = i;
        while (i < start && line[i] != ' ') i++;
        size_t wlen = (size_t)(i - w0);
        while (i < start && line[i] == ' ') i++;
        if (i != start) return NULL; /* only the first argument is completed */
        const tui_command_info *info = find_info(screen_cmds, line + w0, wlen);
        if (!info) info = find_info(tui_global_commands, line + w0, wlen);
        if (!info) return NULL;
        const char *const *words = info->completions;
        if (strcmp(info->name, "lesson") == 0 && !words) words = lesson_numbers;
        for (; words && *words; words++) add_candidate(*words);
    }
    return rl_completion_matches(text, generate);
}

/* ---- history ---- */

static void save_history(tui_app *app)
{
    if (!app->history_path) return;
    strbuf sb;
    sb_init(&sb);
    HIST_ENTRY **list = history_list();
    for (int i = 0; list && list[i]; i++) {
        if (strchr(list[i]->line, '\n')) continue;
        sb_puts(&sb, list[i]->line);
        sb_puts(&sb, "\n");
    }
    char err[ERRBUF];
    if (paths_ensure_state_dir(err, sizeof err) != 0 ||
        file_write_atomic(app->history_path, sb.data ? sb.data : "", sb.len, err, sizeof err) != 0)
        tui_status(app, TUI_ROLE_ERROR, "%s", err);
    sb_free(&sb);
}

/* ---- set-up ---- */

void tui_cmdline_init(tui_app *app)
{
    cl.app = app;
    cl.sink = fopen("/dev/null", "w");
    rl_readline_name = "seqtutor";
    rl_instream = stdin;
    rl_outstream = cl.sink ? cl.sink : stderr;
    rl_catch_signals = 0;
    rl_catch_sigwinch = 0;
    rl_change_environment = 0;
    rl_prep_term_function = NULL;
    rl_deprep_term_function = NULL;
    rl_getc_function = queue_getc;
    rl_input_available_hook = queue_available;
    rl_redisplay_function = request_frame;
    rl_completion_display_matches_hook = show_matches;
    rl_attempted_completion_function = complete;
    rl_completer_word_break_characters = " ";
    rl_sort_completion_matches = 0; /* lesson numbers in order, commands as listed */
    rl_initialize();
    rl_variable_bind("bell-style", "none");
    rl_variable_bind("show-all-if-ambiguous", "on");
    rl_variable_bind("completion-ignore-case", "on");
    rl_variable_bind("horizontal-scroll-mode", "on");
    using_history();
    stifle_history(HISTORY_MAX);
    if (app->history_path) read_history(app->history_path);
}

static void close_line(void)
{
    if (cl.active && !cl.accepted) {
        rl_callback_sigcleanup();
        rl_replace_line("", 1);
        rl_callback_handler_remove();
    }
    cl.active = 0;
    cl.owner = NULL;
    cl.on_change = cl.on_done = NULL;
    cl.q_len = 0;
    free(cl.last_text);
    cl.last_text = NULL;
    free(cl.matches);
    cl.matches = NULL;
    request_frame();
}

void tui_cmdline_shutdown(tui_app *app)
{
    close_line();
    save_history(app);
    rl_callback_handler_remove();
    clear_history();
    if (cl.sink) fclose(cl.sink);
    cl.sink = NULL;
    rl_outstream = NULL;
    free(candidates);
    candidates = NULL;
    n_candidates = 0;
    cl.app = NULL;
}

static void open_line(tui_app *app, cmd_mode mode, const char *prompt, const char *initial)
{
    cl.active = 1;
    cl.mode = mode;
    cl.accepted = 0;
    cl.accepted_line = NULL;
    cl.q_len = cl.q_head = 0;
    snprintf(cl.prompt, sizeof cl.prompt, "%s", prompt);
    history_set_pos(history_length);
    rl_callback_handler_install("", line_handler);
    if (initial && *initial) {
        rl_replace_line(initial, 0);
        rl_point = rl_end;
    }
    free(cl.last_text);
    cl.last_text = xstrdup(rl_line_buffer);
    app->dirty = 1;
}

void tui_cmdline_open(tui_app *app)
{
    if (cl.active) return;
    open_line(app, MODE_COMMAND, ":", NULL);
}

int tui_prompt(tui_app *app, tui_screen *owner, const char *prompt, const char *initial,
               tui_prompt_fn on_change, tui_prompt_fn on_done)
{
    if (cl.active) return -1;
    open_line(app, MODE_PROMPT, prompt ? prompt : "", initial);
    cl.owner = owner;
    cl.on_change = on_change;
    cl.on_done = on_done;
    return 0;
}

int tui_prompt_active(const tui_app *app) { (void)app; return cl.active && cl.mode == MODE_PROMPT; }
int tui_cmdline_active(const tui_app *app) { (void)app; return cl.active; }

void tui_cmdline_forget(tui_app *app, tui_screen *s)
{
    (void)app;
    if (cl.active && cl.mode == MODE_PROMPT && cl.owner == s) close_line();
}

/* ---- keys ---- */

static void feed_bytes(const char *bytes, size_t n)
{
    for (size_t i = 0; i < n && cl.q_len < (int)sizeof cl.queue; i++) {
        cl.queue[(cl.q_head + cl.q_len) % (int)sizeof cl.queue] = (unsigned char)bytes[i];
        cl.q_len++;
    }
    while (cl.q_len > 0 && cl.active && !cl.accepted) rl_callback_read_char();
    cl.q_len = 0;
}

/* The line was accepted (Enter) or ended (Ctrl-D on an empty line). */
static void finish_line(tui_app *app)
{
    char *line = cl.accepted_line;
    cl.accepted_line = NULL;
    cmd_mode mode = cl.mode;
    tui_screen *owner = cl.owner;
    tui_prompt_fn done = cl.on_done;
    close_line();
    if (mode == MODE_COMMAND) {
        if (line && *line) {
            HIST_ENTRY *last = history_length > 0 ? history_get(history_base + history_length - 1)
                                                   : NULL;
            if (!last || strcmp(last->line, line) != 0) add_history(line);
            save_history(app);
            tui_command_run(app, line);
        }
    } else if (done) {
        done(owner, app, line);
    }
    free(line);
}

void tui_cmdline_key(tui_app *app, int key)
{
    if (cl.matches) {
        free(cl.matches);
        cl.matches = NULL;
    }
    if (key == 27 || key == TUI_CTRL('g') || key == TUI_CTRL('c')) {
        tui_screen *owner = cl.owner;
        tui_prompt_fn done = cl.mode == MODE_PROMPT ? cl.on_done : NULL;
        close_line();
        if (done) done(owner, app, NULL);
        return;
    }
    if (key >= TUI_KEY_WIDE_BASE) key -= TUI_KEY_WIDE_BASE;
    else if (key >= KEY_MIN && key <= KEY_MAX) {
        switch (key) {
        case KEY_LEFT: rl_backward_char(1, 0); break;
        case KEY_RIGHT: rl_forward_char(1, 0); break;
        case KEY_HOME: rl_beg_of_line(1, 0); break;
        case KEY_END: rl_end_of_line(1, 0); break;
        case KEY_DC: rl_delete(1, 0); break;
        case KEY_BACKSPACE: feed_bytes("\177", 1); break;
        case KEY_UP: if (cl.mode == MODE_COMMAND) rl_get_previous_history(1, 0); break;
        case KEY_DOWN: if (cl.mode == MODE_COMMAND) rl_get_next_history(1, 0); break;
        default: break;
        }
        key = -1;
    }
    if (key >= 0) {
        char buf[4];
        size_t n = key < 0x80 ? (buf[0] = (char)key, 1) : utf8_encode((uint32_t)key, buf);
        feed_bytes(buf, n);
    }
    app->dirty = 1;
    if (cl.accepted) {
        finish_line(app);
        return;
    }
    if (cl.active && cl.on_change && strcmp(cl.last_text, rl_line_buffer) != 0) {
        free(cl.last_text);
        cl.last_text = xstrdup(rl_line_buffer);
        cl.on_change(cl.owner, app, rl_line_buffer);
    }
}

/* ---- drawing ---- */

/* Display columns of the first n bytes of s (mbrtowc + wcwidth). */
static int columns_of(const char *s, size_t n)
{
    mbstate_t st;
    memset(&st, 0, sizeof st);
    int cols = 0;
    size_t i = 0;
    while (i < n) {
        wchar_t wc;
        size_t r = mbrtowc(&wc, s + i, n - i, &st);
        if (r == (size_t)-1 || r == (size_t)-2) {
            memset(&st, 0, sizeof st);
            cols++;
            i++;
            continue;
        }
        if (r == 0) break;
        int w = wcwidth(wc);
        cols += w < 0 ? 1 : w;
        i += r;
    }
    return cols;
}

int tui_cmdline_draw(tui_app *app)
{
    WINDOW *b = app->bottom;
    if (!b) return -1;
    if (cl.matches && app->body) {
        int y = app->body_rows - 1;
        tui_fill(app->body, y, 0, -1, TUI_ROLE_SELECTION);
        tui_put(app->body, y, 1, app->cols - 2, TUI_ROLE_SELECTION, cl.matches);
    }
    /* readline's own prompt appears during its incremental history search. */
    const char *prompt = rl_display_prompt && *rl_display_prompt ? rl_display_prompt : cl.prompt;
    int x = tui_put(b, 0, 0, app->cols - 1, TUI_ROLE_KEY, prompt);
    int avail = app->cols - x - 1;
    if (avail < 1) return app->cols - 1;
    const char *text = rl_line_buffer ? rl_line_buffer : "";
    size_t point = (size_t)(rl_point > 0 ? rl_point : 0);
    if (point > strlen(text)) point = strlen(text);
    /* Scroll horizontally so the cursor stays on screen. */
    size_t skip = 0;
    while (columns_of(text + skip, point - skip) >= avail && skip < point) {
        size_t used = 1;
        uint32_t cp;
        size_t n = utf8_decode(text + skip, strlen(text + skip), &cp);
        if (n > 0) used = n;
        skip += used;
    }
    int used = tui_put(b, 0, x, avail, TUI_ROLE_TEXT, text + skip);
    /* A screen's message (e.g. "match 2 of 9") at the right while a prompt is open. */
    if (cl.mode == MODE_PROMPT && app->status[0]) {
        int sw = tui_width(app->status);
        if (x + used + sw + 3 <= app->cols)
            tui_put(b, 0, app->cols - sw - 1, sw, app->status_role, app->status);
    }
    return x + columns_of(text + skip, point - skip);
}

/* ---- the commands ---- */

char *tui_join_args(int argc, char **argv, int from)
{
    strbuf sb;
    sb_init(&sb);
    for (int i = from; i < argc; i++) {
        if (i > from) sb_puts(&sb, " ");
        sb_puts(&sb, argv[i]);
    }
    return sb.data ? sb.data : xstrdup("");
}

/* :search from a screen without its own search: the first lesson that has it. */
static void search_lessons(tui_app *app, const char *needle)
{
    lesson_set *set = tui_lessons(app);
    if (!set) return;
    for (int i = 0; i < LESSON_COUNT; i++) {
        size_t fb, fo;
        if (lesson_search(set->lessons[i], needle, 0, 0, 0, &fb, &fo)) {
            tui_open(app, lesson_screen_new(app, i + 1, needle));
            return;
        }
    }
    tui_status(app, TUI_ROLE_ERROR, i18n(app->lang, I18N_NOT_FOUND), needle);
}

static void run_global(tui_app *app, int argc, char **argv)
{
    const char *name = argv[0];
    if (strcmp(name, "lesson") == 0 || strcmp(name, "l") == 0) {
        char *end = NULL;
        long n = argc == 2 ? strtol(argv[1], &end, 10) : 0;
        if (argc != 2 || !end || *end || n < 1 || n > LESSON_COUNT) {
            tui_status(app, TUI_ROLE_ERROR, i18n(app->lang, I18N_BAD_LESSON),
                       argc >= 2 ? argv[1] : "");
            return;
        }
        tui_open(app, lesson_screen_new(app, (int)n, NULL));
    } else if (strcmp(name, "quiz") == 0) {
        tui_open(app, quiz_screen_new(app, app->start));
    } else if (strcmp(name, "train") == 0) {
        tui_open(app, train_screen_new(app, app->start));
    } else if (strcmp(name, "lang") == 0) {
        if (argc == 1) tui_set_lang(app, strcmp(app->lang, "zh") == 0 ? "en" : "zh");
        else if (argc == 2 && (strcmp(argv[1], "zh") == 0 || strcmp(argv[1], "en") == 0))
            tui_set_lang(app, argv[1]);
        else tui_status(app, TUI_ROLE_ERROR, "%s", i18n(app->lang, I18N_LANG_USAGE));
    } else if (strcmp(name, "search") == 0) {
        if (argc < 2) {
            tui_status(app, TUI_ROLE_ERROR, "%s", i18n(app->lang, I18N_SEARCH_USAGE));
            return;
        }
        char *needle = tui_join_args(argc, argv, 1);
        search_lessons(app, needle);
        free(needle);
    } else if (strcmp(name, "help") == 0 || strcmp(name, "h") == 0) {
        tui_help_open(app);
    } else if (strcmp(name, "quit") == 0 || strcmp(name, "q") == 0 || strcmp(name, "qa") == 0) {
        app->quit = 1;
    } else {
        tui_status(app, TUI_ROLE_ERROR, i18n(app->lang, I18N_UNKNOWN_COMMAND), name);
    }
}

void tui_command_run(tui_app *app, const char *line)
{
    char *copy = xstrdup(line);
    char *argv[MAX_ARGS];
    int argc = 0;
    char *save = NULL;
    char *p = copy;
    while (*p == ' ' || *p == ':') p++;
    for (char *w = strtok_r(p, " \t", &save); w && argc < MAX_ARGS; w = strtok_r(NULL, " \t", &save))
        argv[argc++] = w;
    if (argc > 0) {
        tui_screen *top = app->top;
        const tui_command_info *info =
            top ? find_info(top->ops->commands, argv[0], strlen(argv[0])) : NULL;
        if (info && top->ops->command) tui_apply_flags(app, top, top->ops->command(top, app, argc, argv));
        else run_global(app, argc, argv);
    }
    free(copy);
}
