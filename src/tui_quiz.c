/* tui_quiz.c — the full-screen quiz: one question per screen with a
 * progress bar and the score so far, the verdict with feedback and the
 * explanation after each answer, the results with a per-lesson breakdown,
 * a read-only walk through the mistakes, a retry of the missed questions,
 * and 'r' to reload the quiz file from disk (showing check-quiz's error
 * list when an edit broke it).
 *
 * Front end only: the file, the questions, the answers, the review queue
 * and the history come from quiz_attempt.c (the same calls as the plain
 * mode in cmd_quiz.c), a reload keeps the attempt through quiz_carry.c, and
 * the text of every page comes from quiz_page.c.
 */
#include "tui_app.h"

#include "quiz.h"
#include "quiz_attempt.h"
#include "quiz_carry.h"
#include "quiz_page.h"
#include "quiz_session.h"
#include "review.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define PAGE_MAX_WIDTH 100 /* longer lines are hard to read */

typedef enum {
    MODE_ERRORS,   /* the file cannot be read or has errors: the error list */
    MODE_EMPTY,    /* nothing to ask (nothing due for review) */
    MODE_ASK,      /* a question, answered or not */
    MODE_RESULTS,  /* the end of an attempt */
    MODE_MISTAKES  /* the missed questions, read-only */
} quiz_mode;

typedef struct {
    tui_screen base;
    char *path;             /* the quiz file */
    int default_file;       /* path is the week-1 file of app->lang: follows language changes */
    quiz_attempt at;        /* the attempt being asked: file, questions, review queue */
    int has_at;             /* at is open and ready */
    quiz_attempt failed;    /* the last open that failed: failed.quiz holds the diagnostics */
    int has_failed;
    char load_err[ERRBUF];  /* why the file could not be read at all ("" when it could) */
    uint32_t seed;          /* of the current attempt */
    int no_shuffle;         /* --no-shuffle: the file's order */
    int review;             /* --review: the first attempt asks what is due */
    int filtered;           /* the attempt asks a subset (review, retry): a reload keeps it */
    int told_save;          /* a failed save was reported */
    quiz_mode mode;
    quiz_mode resume_mode;  /* MODE_ERRORS after a failed reload: the mode to go back to */
    size_t resume_top;      /* ... and its scroll position */
    size_t view;            /* MODE_ASK: the item shown (at.session.current while unanswered) */
    unsigned selected;      /* ticked options, as displayed positions */
    int cursor;             /* the option (or action) the arrows point at */
    qp_action actions[4];   /* MODE_RESULTS / MODE_EMPTY */
    size_t n_actions;
    size_t *mistakes;       /* MODE_MISTAKES: items answered wrongly */
    size_t n_mistakes, mistake;
    qp_page page;
    size_t top;             /* first page line shown */
    int x, width;           /* the columns of the page */
    int page_y, page_rows;  /* the rows of the page */
    char footer[256];
} quiz_screen;

static const tui_key_help quiz_keys[] = {
    {"a … h  1 … 9", "choose (multi: tick / untick)", "选择（多选：勾选 / 取消）"},
    {"↑/↓  Space", "move to an option, tick it", "移到选项，勾选它"},
    {"Enter", "answer, then next question", "作答，然后下一题"},
    {"→  n", "next question", "下一题"},
    {"j/k  PgDn/PgUp", "scroll", "滚动"},
    {"l", "the lesson of the question", "本题对应的课程"},
    {"r", "reload the quiz file", "重新载入测验文件"},
    {"m  t  a", "results: mistakes, retry, again", "结果页：错题、重做错题、重做"},
    {"←/→", "mistakes: previous / next", "错题：上一题 / 下一题"},
    {"q", "back (answers are kept)", "返回（答案已保存）"},
    {NULL, NULL, NULL},
};

/* ---- the attempt ---- */

/* A message of the attempt (damaged progress file, failed save) once. */
static void tell_note(quiz_screen *qs, tui_app *app, quiz_attempt *a)
{
    if (!a->note[0] || (a->save_failed && qs->told_save)) return;
    tui_status(app, TUI_ROLE_ERROR, "%s", a->note);
    if (a->save_failed) qs->told_save = 1;
}

static void close_failed(quiz_screen *qs)
{
    if (qs->has_failed) quiz_attempt_close(&qs->failed);
    qs->has_failed = 0;
}

/* Opens qs->path as a new attempt in *out. On failure the diagnostics (or
 * the reason in load_err) are kept for the error list and 0 is returned. */
static int open_attempt(quiz_screen *qs, tui_app *app, quiz_attempt *out, int review,
                        const char *const *only_ids, size_t n_only_ids)
{
    close_failed(qs);
    qs->load_err[0] = '\0';
    if (!qs->path) {
        snprintf(qs->load_err, sizeof qs->load_err, "%s",
                 tui_l(app, "no course files found (set SEQTUTOR_HOME to the folder with quizzes/)",
                       "找不到课程文件（请把 SEQTUTOR_HOME 设为含 quizzes/ 的目录）"));
        return 0;
    }
    quiz_attempt_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.seed = qs->seed;
    cfg.no_shuffle = qs->no_shuffle;
    cfg.review = review;
    cfg.only_ids = only_ids;
    cfg.n_only_ids = n_only_ids;
    cfg.lang = app->lang;
    cfg.now = quiz_clock();
    cfg.started = now_seconds();
    if (quiz_attempt_open(out, qs->path, &cfg, qs->load_err, sizeof qs->load_err) == QUIZ_ATTEMPT_OK) {
        tell_note(qs, app, out);
        return 1;
    }
    qs->failed = *out; /* the struct owns its pointers: moved, not copied */
    qs->has_failed = 1;
    return 0;
}

static void drop_mistakes(quiz_screen *qs)
{
    free(qs->mistakes);
    qs->mistakes = NULL;
    qs->n_mistakes = 0;
}

/* Ends the attempt: into the history when something was answered. */
static void close_attempt(quiz_screen *qs, tui_app *app)
{
    if (!qs->has_at) return;
    quiz_attempt_finish(&qs->at);
    tell_note(qs, app, &qs->at);
    quiz_attempt_close(&qs->at);
    qs->has_at = 0;
    drop_mistakes(qs);
}

/* ---- pages ---- */

static void set_actions(quiz_screen *qs)
{
    qs->n_actions = 0;
    if (qs->mode == MODE_RESULTS && qs->has_at && quiz_session_missed(&qs->at.session, NULL, 0)) {
        qs->actions[qs->n_actions++] = QP_ACT_MISTAKES;
        qs->actions[qs->n_actions++] = QP_ACT_RETRY;
    }
    qs->actions[qs->n_actions++] = QP_ACT_AGAIN;
    qs->actions[qs->n_actions++] = QP_ACT_BACK;
    if (qs->cursor >= (int)qs->n_actions) qs->cursor = 0;
}

static size_t max_top(const quiz_screen *qs)
{
    size_t rows = qs->page_rows > 0 ? (size_t)qs->page_rows : 1;
    return qs->page.n_lines > rows ? qs->page.n_lines - rows : 0;
}

static void clamp_top(quiz_screen *qs)
{
    if (qs->top > max_top(qs)) qs->top = max_top(qs);
}

/* Scrolls as little as possible to show lines first..last (first wins). */
static void show_lines(quiz_screen *qs, size_t first, size_t last)
{
    if (first == QP_NONE) return;
    size_t rows = qs->page_rows > 0 ? (size_t)qs->page_rows : 1;
    if (last != QP_NONE && last >= qs->top + rows) qs->top = last - rows + 1;
    if (first < qs->top) qs->top = first;
    clamp_top(qs);
}

/* The item a mode shows (MODE_ASK, MODE_MISTAKES), or NULL. */
static const quiz_item *item_in_mode(const quiz_screen *qs, quiz_mode mode)
{
    if (!qs->has_at) return NULL;
    if (mode == MODE_ASK && qs->view < qs->at.session.n_items) return &qs->at.session.items[qs->view];
    if (mode == MODE_MISTAKES && qs->mistake < qs->n_mistakes)
        return &qs->at.session.items[qs->mistakes[qs->mistake]];
    return NULL;
}

static const quiz_item *shown_item(const quiz_screen *qs) { return item_in_mode(qs, qs->mode); }

static const char *const *lesson_titles(tui_app *app, const char *titles[LESSON_COUNT])
{
    lesson_set *set = tui_lessons(app);
    if (!set) return NULL;
    for (int i = 0; i < LESSON_COUNT; i++) titles[i] = set->lessons[i]->title;
    return titles;
}

/* Builds the page of the current mode for the current width. */
static void rebuild(quiz_screen *qs, tui_app *app)
{
    qp_free(&qs->page);
    qp_init(&qs->page, qs->width);
    const quiz_item *it = shown_item(qs);
    switch (qs->mode) {
    case MODE_ERRORS:
        if (qs->has_failed && qs->failed.quiz) qp_diagnostics(&qs->page, qs->failed.quiz);
        else qp_add_text(&qs->page, QP_ERROR, 0, NULL, QP_ERROR, qs->load_err, -1);
        break;
    case MODE_EMPTY:
        set_actions(qs);
        qp_add_text(&qs->page, QP_TITLE, 0, NULL, QP_TITLE,
                    tui_l(app, "No questions are due for review now.", "现在没有需要复习的题。"), -1);
        qp_add_text(&qs->page, QP_DIM, 0, NULL, QP_DIM,
                    tui_l(app, "Questions you miss come back after 1, 2, 4, 8 and 16 days.",
                          "答错的题会在 1、2、4、8、16 天后再次出现。"),
                    -1);
        qp_add_blank(&qs->page);
        for (size_t i = 0; i < qs->n_actions; i++) {
            char mark[16];
            snprintf(mark, sizeof mark, "  %c  ", qp_action_key(qs->actions[i]));
            qp_add_text(&qs->page, QP_TEXT, 0, mark, QP_KEY,
                        qs->actions[i] == QP_ACT_AGAIN ? tui_l(app, "Take the whole quiz", "做整套测验")
                                                       : tui_l(app, "Back", "返回"),
                        (int)i);
        }
        break;
    case MODE_ASK:
    case MODE_MISTAKES:
        if (it) qp_question(&qs->page, &qs->at.session, it, qs->selected, app->lang, app->utf8);
        break;
    case MODE_RESULTS: {
        set_actions(qs);
        const char *titles[LESSON_COUNT];
        long due = (long)quiz_attempt_due(&qs->at);
        qp_results(&qs->page, &qs->at.session, lesson_titles(app, titles), due, qs->actions, qs->n_actions,
                   app->lang);
        break;
    }
    }
    clamp_top(qs);
}

static void show_cursor_entry(quiz_screen *qs)
{
    if (qs->cursor >= 0 && (size_t)qs->cursor < qs->page.n_entries)
        show_lines(qs, qs->page.entry_first[qs->cursor], qs->page.entry_last[qs->cursor]);
}

/* ---- moving through an attempt ---- */

static void go_mode(quiz_screen *qs, tui_app *app, quiz_mode mode)
{
    qs->mode = mode;
    qs->top = 0;
    qs->cursor = 0;
    qs->selected = 0;
    rebuild(qs, app);
}

static void finish(quiz_screen *qs, tui_app *app)
{
    quiz_attempt_finish(&qs->at);
    tell_note(qs, app, &qs->at);
    go_mode(qs, app, MODE_RESULTS);
    /* on a short terminal the actions matter more than the lines above
     * them (the header keeps the score) */
    if (qs->page.n_entries)
        show_lines(qs, qs->page.entry_first[0], qs->page.entry_last[qs->page.n_entries - 1]);
}

/* The first question of a new round (or "nothing due"). */
static void show_start(quiz_screen *qs, tui_app *app)
{
    qs->view = 0;
    drop_mistakes(qs);
    go_mode(qs, app, qs->at.session.n_items ? MODE_ASK : MODE_EMPTY);
}

static uint32_t fresh_seed(const tui_start *st)
{
    if (st && st->quiz_seed_set) return (uint32_t)st->quiz_seed;
    /* microseconds, wrapped to 32 bits as an integer (a double past 2^32
     * converted to uint32_t is undefined behaviour) */
    uint64_t us = (uint64_t)(now_seconds() * 1e6);
    return (uint32_t)time(NULL) ^ ((uint32_t)getpid() << 16) ^ (uint32_t)us;
}

/* A new attempt over the whole file (or what is due, with review). */
static void start_attempt(quiz_screen *qs, tui_app *app, int review)
{
    close_attempt(qs, app);
    quiz_attempt nb;
    if (!open_attempt(qs, app, &nb, review, NULL, 0)) {
        go_mode(qs, app, MODE_ERRORS);
        return;
    }
    qs->at = nb;
    qs->has_at = 1;
    qs->filtered = review;
    show_start(qs, app);
}

/* Where the reader was, to come back to after a reload. */
typedef struct {
    quiz_mode mode;
    char *id;          /* the question shown, or NULL */
    unsigned selected; /* its ticks, when not answered yet */
    size_t top;
} place;

/* After a reload: the same question, answered or not, at the same scroll. */
static void restore_place(quiz_screen *qs, tui_app *app, const place *pl)
{
    quiz_session *s = &qs->at.session;
    long q = pl->id ? quiz_find(qs->at.quiz, pl->id) : -1;
    size_t view = s->current;
    for (size_t k = 0; q >= 0 && k < s->n_items && k <= s->current; k++)
        if (s->items[k].question == (size_t)q) view = k;
    int same = q >= 0 && view < s->n_items && s->items[view].question == (size_t)q;
    if (s->n_items == 0) {
        go_mode(qs, app, MODE_EMPTY);
    } else if (pl->mode == MODE_ASK && view < s->n_items) {
        go_mode(qs, app, MODE_ASK);
        qs->view = view;
        if (same && !s->items[view].answered)
            qs->selected = pl->selected & ((1u << s->items[view].n_shown) - 1u);
        rebuild(qs, app);
        if (same) {
            qs->top = pl->top;
            clamp_top(qs);
        }
    } else if (quiz_session_done(s)) {
        finish(qs, app);
    } else {
        qs->view = s->current;
        go_mode(qs, app, MODE_ASK);
    }
}

/* 'r', or the language changed under the default file: read the file again
 * and carry the attempt over (quiz_carry.h); an edit that broke the file
 * shows the error list, and the attempt waits for the next 'r'. */
static void reload(quiz_screen *qs, tui_app *app, int quiet)
{
    if (!qs->has_at || qs->at.session.n_items == 0) {
        /* nothing to carry over: open afresh (nothing due stays a review) */
        start_attempt(qs, app, qs->has_at ? qs->filtered : qs->review);
        if (!quiet && qs->has_at)
            tui_status(app, TUI_ROLE_OK, tui_l(app, "reloaded %s", "已重新载入 %s"), qs->path);
        return;
    }
    /* a subset (review, retry) stays that subset */
    const quiz_session *old = &qs->at.session;
    const char **ids = xcalloc(old->n_items + 1, sizeof *ids);
    for (size_t k = 0; k < old->n_items; k++) ids[k] = quiz_session_question(old, &old->items[k])->id;
    quiz_attempt nb;
    int ok = open_attempt(qs, app, &nb, 0, ids, qs->filtered ? old->n_items : 0);
    free(ids);
    if (!ok) {
        if (qs->mode != MODE_ERRORS) {
            qs->resume_mode = qs->mode;
            qs->resume_top = qs->top;
        }
        qs->mode = MODE_ERRORS;
        qs->top = 0;
        rebuild(qs, app);
        return;
    }
    place pl;
    pl.mode = qs->mode == MODE_ERRORS ? qs->resume_mode : qs->mode;
    pl.top = qs->mode == MODE_ERRORS ? qs->resume_top : qs->top;
    pl.selected = qs->selected;
    const quiz_item *it = item_in_mode(qs, pl.mode);
    pl.id = it ? xstrdup(quiz_session_question(old, it)->id) : NULL;

    quiz_carry_over(&nb.session, &qs->at.session);
    /* one attempt goes on: the old one leaves no history entry of its own */
    nb.finished = qs->at.finished;
    qs->at.finished = 1;
    quiz_attempt_close(&qs->at);
    qs->at = nb;
    drop_mistakes(qs);
    restore_place(qs, app, &pl);
    free(pl.id);
    if (!quiet) tui_status(app, TUI_ROLE_OK, tui_l(app, "reloaded %s", "已重新载入 %s"), qs->path);
}

static void submit(quiz_screen *qs, tui_app *app)
{
    const quiz_item *it = &qs->at.session.items[qs->view];
    const quiz_question *q = quiz_session_question(&qs->at.session, it);
    if (!qs->selected) {
        if (q->kind == QUIZ_MULTI) {
            tui_status(app, TUI_ROLE_WARNING, "%s",
                       tui_l(app, "tick at least one option (its letter or Space), then Enter",
                             "请至少勾选一个选项（按字母或空格），再按 Enter"));
            return;
        }
        qs->selected = 1u << qs->cursor;
    }
    /* checks, records the answer in the review queue and saves it */
    quiz_attempt_submit(&qs->at, quiz_item_to_original(it, qs->selected), now_seconds());
    tell_note(qs, app, &qs->at);
    size_t old_top = qs->top;
    rebuild(qs, app);
    /* bring the verdict into view without scrolling the options away needlessly */
    size_t rows = qs->page_rows > 0 ? (size_t)qs->page_rows : 1;
    size_t vl = qs->page.verdict_line;
    if (vl != QP_NONE) {
        size_t want = qs->page.n_lines > rows ? qs->page.n_lines - rows : 0; /* the end at the bottom */
        if (want > vl) want = vl;                                             /* the start visible */
        qs->top = want > old_top ? want : old_top;
        clamp_top(qs);
    }
}

static void next_question(quiz_screen *qs, tui_app *app)
{
    if (qs->view + 1 >= qs->at.session.n_items || quiz_session_done(&qs->at.session)) {
        if (quiz_session_done(&qs->at.session)) finish(qs, app);
        return;
    }
    qs->view++;
    go_mode(qs, app, MODE_ASK);
}

static void start_mistakes(quiz_screen *qs, tui_app *app)
{
    free(qs->mistakes);
    qs->mistakes = xcalloc(qs->at.session.n_items + 1, sizeof *qs->mistakes);
    qs->n_mistakes = 0;
    for (size_t k = 0; k < qs->at.session.n_items; k++)
        if (qs->at.session.items[k].answered && !qs->at.session.items[k].correct) qs->mistakes[qs->n_mistakes++] = k;
    if (!qs->n_mistakes) return;
    qs->mistake = 0;
    go_mode(qs, app, MODE_MISTAKES);
}

static void do_action(quiz_screen *qs, tui_app *app, qp_action a, int *flags)
{
    switch (a) {
    case QP_ACT_MISTAKES:
        start_mistakes(qs, app);
        break;
    case QP_ACT_RETRY:
        if (!quiz_session_missed(&qs->at.session, NULL, 0)) break;
        qs->seed = fresh_seed(app->start);
        /* this round goes into the history; the new one asks only the misses */
        quiz_attempt_retry(&qs->at, qs->seed, now_seconds());
        tell_note(qs, app, &qs->at);
        qs->filtered = 1;
        show_start(qs, app);
        break;
    case QP_ACT_AGAIN:
        qs->seed = fresh_seed(app->start);
        start_attempt(qs, app, 0);
        break;
    case QP_ACT_BACK:
        *flags |= TUI_CLOSE;
        break;
    }
}

/* ---- framework callbacks ---- */

static void quiz_layout(tui_screen *s, tui_app *app, int cols, int rows)
{
    quiz_screen *qs = (quiz_screen *)s;
    qs->width = cols - 4 > PAGE_MAX_WIDTH ? PAGE_MAX_WIDTH : cols - 4;
    qs->x = (cols - qs->width) / 2;
    qs->page_y = rows >= 23 ? 3 : 2;
    qs->page_rows = rows - qs->page_y;
    rebuild(qs, app);
}

static tui_role role_of(qp_style st)
{
    switch (st) {
    case QP_BLANK: case QP_TEXT: case QP_OPTION: return TUI_ROLE_TEXT;
    case QP_TITLE: return TUI_ROLE_TITLE;
    case QP_FENCE: case QP_SOURCE: return TUI_ROLE_CODE;
    case QP_RIGHT: return TUI_ROLE_OK;
    case QP_WRONG: case QP_ERROR: return TUI_ROLE_ERROR;
    case QP_FEEDBACK: return TUI_ROLE_NOTE;
    case QP_LABEL: return TUI_ROLE_HEADING;
    case QP_DIM: return TUI_ROLE_DIM;
    case QP_KEY: return TUI_ROLE_KEY;
    case QP_WARNING: return TUI_ROLE_WARNING;
    }
    return TUI_ROLE_TEXT;
}

static void draw_line(quiz_screen *qs, tui_app *app, WINDOW *w, int y, const qp_line *ln, int selected)
{
    int x = qs->x;
    if (selected) {
        tui_fill(w, y, x - 1, qs->width + 2, TUI_ROLE_SELECTION);
        tui_put(w, y, x - 2 < 0 ? 0 : x - 2, 1, TUI_ROLE_KEY, tui_sym(app, "›", ">"));
    }
    if (ln->mark)
        tui_put(w, y, x + ln->indent, qs->width - ln->indent,
                selected ? TUI_ROLE_SELECTION : role_of(ln->mark_style), ln->mark);
    int avail = qs->width - ln->text_col;
    if (avail <= 0) return;
    tui_role role = selected ? TUI_ROLE_SELECTION : role_of(ln->style);
    if (ln->verbatim && ln->width > avail) {
        tui_put(w, y, x + ln->text_col, avail - 1, role, ln->text);
        tui_put(w, y, x + qs->width - 1, 1, TUI_ROLE_DIM, tui_sym(app, "›", ">"));
    } else {
        tui_put(w, y, x + ln->text_col, avail, role, ln->text);
    }
}

/* A bar of `width` cells, `done` of `total` filled. */
static void draw_bar(tui_app *app, WINDOW *w, int y, int x, int width, size_t done, size_t total)
{
    int fill = total ? (int)((double)width * (double)done / (double)total + 0.5) : 0;
    if (fill > width) fill = width;
    for (int i = 0; i < width; i++)
        tui_put(w, y, x + i, 1, i < fill ? TUI_ROLE_OK : TUI_ROLE_BORDER,
                i < fill ? tui_sym(app, "━", "#") : tui_sym(app, "─", "-"));
}

static void draw_header(quiz_screen *qs, tui_app *app, WINDOW *w)
{
    char left[256] = "", right[64] = "";
    tui_role left_role = TUI_ROLE_TITLE;
    const quiz_item *it = shown_item(qs);
    switch (qs->mode) {
    case MODE_ERRORS:
        left_role = TUI_ROLE_ERROR;
        if (qs->has_failed && qs->failed.quiz) {
            const char *base = strrchr(qs->path, '/');
            snprintf(left, sizeof left,
                     qs->failed.quiz->n_errors == 1
                         ? tui_l(app, "%s: %zu error — fix the file, then press r", "%s：%zu 个错误 —— 修改文件后按 r")
                         : tui_l(app, "%s: %zu errors — fix the file, then press r", "%s：%zu 个错误 —— 修改文件后按 r"),
                     base ? base + 1 : qs->path, qs->failed.quiz->n_errors);
        }
        else snprintf(left, sizeof left, "%s", tui_l(app, "The quiz file cannot be read — press r to retry",
                                                     "无法读取测验文件 —— 按 r 重试"));
        break;
    case MODE_EMPTY:
    case MODE_RESULTS:
        snprintf(left, sizeof left, "%s%s%s",
                 qs->mode == MODE_RESULTS ? tui_l(app, "Results", "结果") : tui_l(app, "Quiz", "测验"),
                 tui_sym(app, " · ", " - "), qs->has_at ? qs->at.quiz->title : "");
        if (qs->mode == MODE_RESULTS)
            snprintf(right, sizeof right, tui_l(app, "Score %zu/%zu", "得分 %zu/%zu"), qs->at.session.n_right,
                     qs->at.session.n_answered);
        break;
    case MODE_ASK:
    case MODE_MISTAKES: {
        if (!it) break;
        const quiz_question *q = quiz_session_question(&qs->at.session, it);
        int n;
        if (qs->mode == MODE_ASK)
            n = snprintf(left, sizeof left, tui_l(app, "Question %zu/%zu", "第 %zu/%zu 题"), qs->view + 1,
                         qs->at.session.n_items);
        else
            n = snprintf(left, sizeof left, tui_l(app, "Mistake %zu/%zu", "错题 %zu/%zu"), qs->mistake + 1,
                         qs->n_mistakes);
        if (n > 0 && (size_t)n < sizeof left && q->lesson) {
            n += snprintf(left + n, sizeof left - (size_t)n, "%s", tui_sym(app, " · ", " - "));
            if ((size_t)n < sizeof left)
                snprintf(left + n, sizeof left - (size_t)n, tui_l(app, "Lesson %d", "第 %d 课"), q->lesson);
        }
        if (qs->mode == MODE_ASK)
            snprintf(right, sizeof right, tui_l(app, "Score %zu/%zu", "得分 %zu/%zu"), qs->at.session.n_right,
                     qs->at.session.n_answered);
        else
            snprintf(right, sizeof right, "%s", tui_l(app, "read-only", "只读"));
        break;
    }
    }
    int rw = tui_width(right);
    tui_put(w, 0, qs->x, qs->width - (rw ? rw + 2 : 0), left_role, left);
    if (rw) tui_put(w, 0, qs->x + qs->width - rw, rw, TUI_ROLE_DIM, right);
    if (qs->mode == MODE_ASK)
        draw_bar(app, w, 1, qs->x, qs->width, qs->at.session.n_answered, qs->at.session.n_items);
    else if (qs->mode == MODE_MISTAKES)
        draw_bar(app, w, 1, qs->x, qs->width, qs->mistake + 1, qs->n_mistakes);
    else
        tui_hline(w, 1, qs->x, qs->width, TUI_ROLE_BORDER);
}

static void quiz_draw(tui_screen *s, tui_app *app, WINDOW *w)
{
    quiz_screen *qs = (quiz_screen *)s;
    draw_header(qs, app, w);
    int highlight = -1;
    const quiz_item *it = shown_item(qs);
    if (qs->mode == MODE_ASK && it && !it->answered) highlight = qs->cursor;
    if (qs->mode == MODE_RESULTS || qs->mode == MODE_EMPTY) highlight = qs->cursor;
    for (int r = 0; r < qs->page_rows; r++) {
        size_t i = qs->top + (size_t)r;
        if (i >= qs->page.n_lines) break;
        const qp_line *ln = &qs->page.lines[i];
        draw_line(qs, app, w, qs->page_y + r, ln, ln->entry >= 0 && ln->entry == highlight);
    }
    /* more above / below */
    int ax = qs->x + qs->width + 1 < app->cols ? qs->x + qs->width + 1 : app->cols - 1;
    if (qs->top > 0) tui_put(w, qs->page_y, ax, 1, TUI_ROLE_DIM, tui_sym(app, "▲", "^"));
    if (qs->top < max_top(qs))
        tui_put(w, qs->page_y + qs->page_rows - 1, ax, 1, TUI_ROLE_DIM, tui_sym(app, "▼", "v"));
}

/* j/k, arrows (when they are not moving a cursor), pages, Home/End. */
static int scroll_key(quiz_screen *qs, int key)
{
    long page = qs->page_rows > 2 ? qs->page_rows - 2 : 1;
    long top = (long)qs->top;
    switch (key) {
    case 'j': case KEY_DOWN: case TUI_CTRL('e'): top += 1; break;
    case 'k': case KEY_UP: case TUI_CTRL('y'): top -= 1; break;
    case KEY_NPAGE: case TUI_CTRL('f'): case TUI_CTRL('d'): top += page; break;
    case KEY_PPAGE: case TUI_CTRL('b'): case TUI_CTRL('u'): top -= page; break;
    case KEY_HOME: case 'g': top = 0; break;
    case KEY_END: case 'G': top = (long)max_top(qs); break;
    default: return 0;
    }
    if (top < 0) top = 0;
    qs->top = (size_t)top;
    clamp_top(qs);
    return TUI_HANDLED | TUI_REDRAW;
}

/* The arrows move the cursor between entries; past the first or the last
 * entry they scroll the page. */
static int cursor_key(quiz_screen *qs, int key, int n)
{
    if (key != KEY_UP && key != KEY_DOWN) return 0;
    if (n <= 0) return scroll_key(qs, key);
    if (key == KEY_DOWN && qs->cursor + 1 < n) qs->cursor++;
    else if (key == KEY_UP && qs->cursor > 0) qs->cursor--;
    else return scroll_key(qs, key);
    show_cursor_entry(qs);
    return TUI_HANDLED | TUI_REDRAW;
}

/* a–h, A–H, 1–9: a displayed position, or -1. */
static int option_of_key(int key)
{
    if (key >= 'a' && key <= 'h') return key - 'a';
    if (key >= 'A' && key <= 'H') return key - 'A';
    if (key >= '1' && key <= '9') return key - '1';
    return -1;
}

static int open_lesson(quiz_screen *qs, tui_app *app)
{
    const quiz_item *it = shown_item(qs);
    if (!it) return 0;
    int n = quiz_session_question(&qs->at.session, it)->lesson;
    if (n < 1 || n > LESSON_COUNT) {
        tui_status(app, TUI_ROLE_DIM, "%s",
                   tui_l(app, "this question is not linked to a lesson", "本题没有对应的课程"));
        return TUI_HANDLED | TUI_REDRAW;
    }
    tui_push(app, lesson_screen_new(app, n, NULL));
    return TUI_HANDLED | TUI_REDRAW;
}

static int ask_key(quiz_screen *qs, tui_app *app, int key)
{
    quiz_item *it = &qs->at.session.items[qs->view];
    const quiz_question *q = quiz_session_question(&qs->at.session, it);
    if (it->answered) {
        switch (key) {
        case '\n': case ' ': case KEY_RIGHT: case 'n':
            next_question(qs, app);
            return TUI_HANDLED | TUI_REDRAW;
        default:
            return scroll_key(qs, key);
        }
    }
    int d = option_of_key(key);
    if (d >= 0) {
        if ((size_t)d >= it->n_shown) {
            tui_status(app, TUI_ROLE_WARNING, tui_l(app, "there is no option %c (a-%c)", "没有选项 %c（a-%c）"),
                       qp_letter((size_t)d), qp_letter(it->n_shown - 1));
            return TUI_HANDLED | TUI_REDRAW;
        }
        qs->cursor = d;
        if (q->kind == QUIZ_MULTI) qs->selected ^= 1u << d;
        else qs->selected = 1u << d;
        rebuild(qs, app);
        show_cursor_entry(qs);
        return TUI_HANDLED | TUI_REDRAW;
    }
    switch (key) {
    case ' ':
        if (q->kind == QUIZ_MULTI) qs->selected ^= 1u << qs->cursor;
        else qs->selected = 1u << qs->cursor;
        rebuild(qs, app);
        show_cursor_entry(qs);
        return TUI_HANDLED | TUI_REDRAW;
    case '\n':
        submit(qs, app);
        return TUI_HANDLED | TUI_REDRAW;
    case KEY_UP: case KEY_DOWN:
        return cursor_key(qs, key, (int)it->n_shown);
    default:
        return scroll_key(qs, key);
    }
}

static int menu_key(quiz_screen *qs, tui_app *app, int key)
{
    int flags = TUI_HANDLED | TUI_REDRAW;
    if (key == KEY_UP || key == KEY_DOWN) return cursor_key(qs, key, (int)qs->n_actions);
    if (key == '\n') {
        if (qs->cursor >= 0 && (size_t)qs->cursor < qs->n_actions) do_action(qs, app, qs->actions[qs->cursor], &flags);
        return flags;
    }
    for (size_t i = 0; i < qs->n_actions; i++)
        if (key == qp_action_key(qs->actions[i]) && qs->actions[i] != QP_ACT_BACK) {
            do_action(qs, app, qs->actions[i], &flags);
            return flags;
        }
    return scroll_key(qs, key);
}

static int mistakes_key(quiz_screen *qs, tui_app *app, int key)
{
    switch (key) {
    case '\n': case ' ': case KEY_RIGHT: case 'n':
        if (qs->mistake + 1 < qs->n_mistakes) {
            qs->mistake++;
            qs->top = 0;
            rebuild(qs, app);
        } else {
            go_mode(qs, app, MODE_RESULTS);
        }
        return TUI_HANDLED | TUI_REDRAW;
    case KEY_LEFT: case 'p':
        if (qs->mistake > 0) {
            qs->mistake--;
            qs->top = 0;
            rebuild(qs, app);
        }
        return TUI_HANDLED | TUI_REDRAW;
    case 'q': case 27:
        go_mode(qs, app, MODE_RESULTS);
        return TUI_HANDLED | TUI_REDRAW;
    default:
        return scroll_key(qs, key);
    }
}

static int quiz_key(tui_screen *s, tui_app *app, int key)
{
    quiz_screen *qs = (quiz_screen *)s;
    if (key == 'r') {
        reload(qs, app, 0);
        return TUI_HANDLED | TUI_REDRAW;
    }
    if (key == 'l' && (qs->mode == MODE_ASK || qs->mode == MODE_MISTAKES)) return open_lesson(qs, app);
    switch (qs->mode) {
    case MODE_ERRORS: return scroll_key(qs, key);
    case MODE_EMPTY:
    case MODE_RESULTS: return menu_key(qs, app, key);
    case MODE_ASK: return qs->view < qs->at.session.n_items ? ask_key(qs, app, key) : 0;
    case MODE_MISTAKES: return mistakes_key(qs, app, key);
    }
    return 0;
}

/* The footer: the full hint when it fits, else the one without 'r reload'
 * (which '?' still lists). Both are printf formats taking the last letter. */
static const char *pick_footer(quiz_screen *qs, tui_app *app, const char *full, const char *brief,
                               char last)
{
    snprintf(qs->footer, sizeof qs->footer, full, last);
    if (tui_width(qs->footer) > app->cols - 2) snprintf(qs->footer, sizeof qs->footer, brief, last);
    return qs->footer;
}

static const char *quiz_footer(tui_screen *s, tui_app *app)
{
    quiz_screen *qs = (quiz_screen *)s;
    const quiz_item *it = shown_item(qs);
    switch (qs->mode) {
    case MODE_ERRORS:
        return tui_l(app, "r reload  j/k scroll  ? help  q back", "r 重新载入  j/k 滚动  ? 帮助  q 返回");
    case MODE_EMPTY:
        return tui_l(app, "a take the whole quiz  ? help  q back", "a 做整套测验  ? 帮助  q 返回");
    case MODE_RESULTS:
        if (qs->n_actions > 2)
            return pick_footer(qs, app,
                               tui_l(app, "m mistakes  t retry missed  a again  ↑↓ Enter  r reload  q back",
                                     "m 查看错题  t 重做错题  a 重做全部  ↑↓ Enter  r 重新载入  q 返回"),
                               tui_l(app, "m mistakes  t retry missed  a again  ↑↓ Enter  q back",
                                     "m 查看错题  t 重做错题  a 重做全部  ↑↓ Enter  q 返回"),
                               0);
        return tui_l(app, "a again  ↑↓ Enter  r reload  ? help  q back",
                     "a 重做全部  ↑↓ Enter  r 重新载入  ? 帮助  q 返回");
    case MODE_MISTAKES:
        return tui_l(app, "→/Enter next  ← previous  j/k scroll  l lesson  q results",
                     "→/Enter 下一题  ← 上一题  j/k 滚动  l 课程  q 返回结果");
    case MODE_ASK:
        break;
    }
    if (!it) return NULL;
    char last = qp_letter(it->n_shown - 1);
    if (it->answered) {
        if (qs->view + 1 >= qs->at.session.n_items)
            return pick_footer(qs, app,
                               tui_l(app, "Enter/→ results  j/k scroll  l lesson  r reload  ? help  q back",
                                     "Enter/→ 查看结果  j/k 滚动  l 课程  r 重新载入  ? 帮助  q 返回"),
                               tui_l(app, "Enter/→ results  j/k scroll  l lesson  ? help  q back",
                                     "Enter/→ 查看结果  j/k 滚动  l 课程  ? 帮助  q 返回"),
                               last);
        return pick_footer(qs, app,
                           tui_l(app, "Enter/→ next  j/k scroll  l lesson  r reload  ? help  q back",
                                 "Enter/→ 下一题  j/k 滚动  l 课程  r 重新载入  ? 帮助  q 返回"),
                           tui_l(app, "Enter/→ next  j/k scroll  l lesson  ? help  q back",
                                 "Enter/→ 下一题  j/k 滚动  l 课程  ? 帮助  q 返回"),
                           last);
    }
    if (quiz_session_question(&qs->at.session, it)->kind == QUIZ_MULTI)
        return pick_footer(qs, app,
                           tui_l(app, "a-%c/Space tick  Enter answer  l lesson  r reload  ? help  q back",
                                 "a-%c/空格 勾选  Enter 作答  l 课程  r 重新载入  ? 帮助  q 返回"),
                           tui_l(app, "a-%c/Space tick  Enter answer  l lesson  ? help  q back",
                                 "a-%c/空格 勾选  Enter 作答  l 课程  ? 帮助  q 返回"),
                           last);
    return pick_footer(qs, app,
                       tui_l(app, "a-%c/↑↓ select, Enter answer  l lesson  r reload  ? help  q back",
                             "a-%c/↑↓ 选择，Enter 作答  l 课程  r 重新载入  ? 帮助  q 返回"),
                       tui_l(app, "a-%c/↑↓ select, Enter answer  l lesson  ? help  q back",
                             "a-%c/↑↓ 选择，Enter 作答  l 课程  ? 帮助  q 返回"),
                       last);
}

static void quiz_lang_changed(tui_screen *s, tui_app *app)
{
    quiz_screen *qs = (quiz_screen *)s;
    if (!qs->default_file) return; /* layout() rebuilds the page in the new words */
    /* the week-1 quiz follows the language; its versions share their ids */
    char *path = quiz_default_path(app->lang);
    if (!path) return;
    free(qs->path);
    qs->path = path;
    reload(qs, app, 1);
}

static void quiz_free_screen(tui_screen *s, tui_app *app)
{
    quiz_screen *qs = (quiz_screen *)s;
    close_attempt(qs, app); /* the answers so far go into the history */
    close_failed(qs);
    qp_free(&qs->page);
    free(qs->path);
    free(qs);
}

static const tui_screen_ops quiz_ops = {
    .name = "quiz",
    .layout = quiz_layout,
    .draw = quiz_draw,
    .key = quiz_key,
    .keys = quiz_keys,
    .footer = quiz_footer,
    .lang_changed = quiz_lang_changed,
    .free = quiz_free_screen,
};

tui_screen *quiz_screen_new(tui_app *app, const tui_start *start)
{
    quiz_screen *qs = xcalloc(1, sizeof *qs);
    qs->base.ops = &quiz_ops;
    qp_init(&qs->page, 60);
    if (start && start->quiz_file) {
        qs->path = xstrdup(start->quiz_file);
    } else {
        qs->path = quiz_default_path(app->lang);
        qs->default_file = 1;
    }
    qs->review = start && start->quiz_review;
    qs->seed = fresh_seed(start);
    qs->no_shuffle = start && start->quiz_no_shuffle;
    start_attempt(qs, app, qs->review);
    return &qs->base;
}

/* ---- the count on the home screen ---- */

/* The queue file is read again only when it changed (a save renames a new
 * file into place, so the inode changes) or the day did. */
static struct {
    int valid;
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtime;
    long day;
    int count;
} due_cache;

int tui_review_due_count(tui_app *app)
{
    char *path = review_default_path();
    if (!path) return 0;
    time_t now = quiz_clock();
    struct stat st;
    if (stat(path, &st) != 0) {
        free(path);
        due_cache.valid = 0;
        return 0;
    }
    if (due_cache.valid && due_cache.dev == st.st_dev && due_cache.ino == st.st_ino &&
        due_cache.size == st.st_size && due_cache.mtime.tv_sec == st.st_mtim.tv_sec &&
        due_cache.mtime.tv_nsec == st.st_mtim.tv_nsec && due_cache.day == review_day(now)) {
        free(path);
        return due_cache.count;
    }
    review_store rs;
    review_init(&rs);
    char msg[ERRBUF + 256];
    int rc = review_load(&rs, path, msg, sizeof msg);
    if (rc >= REVIEW_CORRUPT) tui_status(app, TUI_ROLE_ERROR, "%s", msg);
    char *key = review_quiz_key("week1.quiz");
    int count = (int)review_due_count(&rs, key, now);
    free(key);
    review_free(&rs);
    free(path);
    due_cache.valid = rc == REVIEW_OK;
    due_cache.dev = st.st_dev;
    due_cache.ino = st.st_ino;
    due_cache.size = st.st_size;
    due_cache.mtime = st.st_mtim;
    due_cache.day = review_day(now);
    due_cache.count = count;
    return count;
}
