/* tui_train.c — the live training panel: the course's char-RNN learns
 * dinosaur names while the student watches the loss fall, the sampled names
 * improve and the gradient norms (clipped or not).
 *
 * Threads: the trainer runs on a worker (train_worker.h) that wakes the UI
 * through the framework's pipe after every batch. tick() only reads two
 * counters under the worker's lock to decide whether a frame is wanted;
 * draw() (at most TUI_FPS times a second) takes a snapshot under the lock —
 * the chart is rendered from the series right there (well under a
 * millisecond), the rest is copied — and draws it after unlocking. So curses
 * is only ever called on the UI thread and the lock is held briefly.
 *
 * Layout of the body (cols x rows; everything is recomputed per frame, so a
 * resize only changes the sizes — the history lives in the worker):
 *   row 0   title and state
 *   row 1   data file, cell, n_a, learning rate, clipping
 *   row 2   iteration / total, progress bar, it/s, elapsed, smoothed loss
 *   row 3   chart legend | names pane title
 *   rows    loss chart   | sampled names (newest checkpoint first)
 *   row     gradient norms before clipping (sparkline)
 *   rows    messages: a step's example, a fault, a load error (wrapped)
 *
 * Benchmark hooks (read once at start; not for users):
 *   SEQTUTOR_PANEL_FULL_SPEED=1  start at full speed instead of the default pace;
 *   SEQTUTOR_BENCH_OUT=FILE      append "panel_train ..." when a run finishes
 *                                and "panel_key_ms ..." for every key: the time
 *                                from key() to the end of the next draw().
 */
#include "tui_app.h"

#include "chart.h"
#include "paths.h"
#include "train_panel.h"
#include "train_worker.h"
#include "util.h"
#include "wrap.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SPARK_MAX 512 /* the worker keeps this many raw gradient norms */

typedef struct {
    tui_screen base;
    train_worker *w;
    trainer_config cfg;        /* settings of the next (re)start; data_path is data_path */
    char *data_path;           /* owned */
    int loaded;                /* the last tw_start succeeded */
    char load_error[ERRBUF];   /* why it did not */
    double pace;               /* it/s, 0 = full speed */

    /* :sample results, shown at the top of the names pane until a restart. */
    int n_samples;
    char samples[PANEL_MAX_NAMES][TRAINER_NAME_BYTES];
    char sample_prefix[64];
    long sample_iteration;

    /* What tick() saw last, to ask for a frame only when something changed. */
    long seen_iteration;
    int seen_state, seen_step;
    size_t seen_count;

    /* Snapshot for one frame (filled by take_snapshot under the lock). */
    chart_frame chart;
    tw_view snap;              /* scalars only: series and checkpoints are not copied */
    tw_checkpoint *cps;        /* newest first */
    size_t n_cps, cap_cps;
    double spark_v[SPARK_MAX];
    unsigned char spark_m[SPARK_MAX];
    size_t n_spark;
    chart_cell spark_cells[SPARK_MAX];

    /* Benchmark hooks. */
    const char *bench_out;
    int bench_reported;
    double key_time;           /* > 0: a key is waiting for its frame */
} train_screen;

/* ---- texts ------------------------------------------------------------- */

static const tui_key_help train_keys[] = {
    {"Space", "pause / resume", "暂停 / 继续"},
    {"s", "one iteration (shows its example and loss)", "训练一步（显示样本和损失）"},
    {"+ / -", "faster / slower: 50 … 10000 it/s, full speed", "加快 / 放慢：50 … 10000 次/秒、全速"},
    {"m", "full speed", "全速"},
    {"r", "restart with the current settings", "用当前设置重新训练"},
    {"c", "gradient clipping on / off", "梯度裁剪 开 / 关"},
    {"S", "save the model (dinos-<iteration>.model)", "保存模型（dinos-<迭代>.model）"},
    {"q", "back", "返回"},
    {NULL, NULL, NULL},
};

static const char *const pace_words[] = {"50", "100", "200", "500", "1000", "2000",
                                         "5000", "10000", "full", NULL};

static const tui_command_info train_commands[] = {
    {"set", "NAME VALUE", "change lr, hidden, every, names or iterations (restarts training)",
     "修改 lr、hidden、every、names 或 iterations（重新开始训练）", panel_setting_names},
    {"data", "FILE", "train on another names file (restarts training)",
     "换一个名字文件训练（重新开始训练）", NULL},
    {"sample", "N [PREFIX]", "sample N names from the model now", "用当前模型采样 N 个名字", NULL},
    {"save", "FILE", "save the model to FILE", "把模型保存到 FILE", NULL},
    {"pace", "N|full", "iterations per second (or full speed)", "每秒迭代次数（或 full 全速）",
     pace_words},
    {NULL, NULL, NULL, NULL, NULL},
};

static const char *L(const tui_app *app, const char *en, const char *zh) { return tui_l(app, en, zh); }

static int is_zh(const tui_app *app) { return app->lang && strcmp(app->lang, "zh") == 0; }

static void pace_text(const tui_app *app, double pace, char *out, size_t cap)
{
    if (pace <= 0) snprintf(out, cap, "%s", L(app, "full speed", "全速"));
    else snprintf(out, cap, L(app, "%.0f it/s", "%.0f 次/秒"), pace);
}

/* ---- the worker ---------------------------------------------------------- */

static void bench_line(train_screen *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void bench_line(train_screen *s, const char *fmt, ...)
{
    if (!s->bench_out) return;
    FILE *f = fopen(s->bench_out, "a");
    if (!f) return;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(f, fmt, ap);
    va_end(ap);
    fputc('\n', f);
    fclose(f);
}

/* (Re)starts training with s->cfg; a data file that does not load leaves
 * the panel showing the error. Returns 0 or -1. */
static int start_training(train_screen *s)
{
    s->cfg.data_path = s->data_path;
    s->n_samples = 0;
    s->bench_reported = 0;
    s->load_error[0] = '\0';
    if (!s->data_path) {
        snprintf(s->load_error, sizeof s->load_error,
                 "no names file: the data home was not found; use :data FILE");
        s->loaded = 0;
        return -1;
    }
    s->loaded = tw_start(s->w, &s->cfg, 0, s->load_error, sizeof s->load_error) == 0;
    s->seen_iteration = -1;
    return s->loaded ? 0 : -1;
}

static void restart(train_screen *s, tui_app *app, const char *what_en, const char *what_zh)
{
    if (start_training(s) == 0)
        tui_status(app, TUI_ROLE_OK, "%s", L(app, what_en, what_zh));
    else
        tui_status(app, TUI_ROLE_ERROR, "%s", s->load_error);
}

/* ---- tick and snapshot --------------------------------------------------- */

static int train_tick(tui_screen *scr, tui_app *app)
{
    train_screen *s = (train_screen *)scr;
    tw_lock(s->w);
    const tw_view *v = tw_get_view(s->w);
    long it = v->iteration;
    int state = (int)v->state, step = v->has_step;
    size_t count = v->smooth.count;
    double secs = v->run_seconds;
    tw_unlock(s->w);
    if (it == s->seen_iteration && state == s->seen_state && step == s->seen_step &&
        count == s->seen_count)
        return 0;
    s->seen_iteration = it;
    s->seen_state = state;
    s->seen_step = step;
    s->seen_count = count;
    if (state == TW_FINISHED && !s->bench_reported && s->bench_out) {
        s->bench_reported = 1;
        bench_line(s, "panel_train iterations=%ld seconds=%.3f it_per_s=%.0f", it, secs,
                   secs > 0 ? (double)it / secs : 0.0);
    }
    return TUI_REDRAW;
}

/* Copies what one frame shows; chart_w x chart_h is the chart's size,
 * max_cps the number of checkpoints the names pane can show at most. */
static void take_snapshot(train_screen *s, tui_app *app, int chart_w, int chart_h, size_t max_cps,
                          int spark_w)
{
    tw_lock(s->w);
    const tw_view *v = tw_get_view(s->w);
    /* Scalars only; the pointers inside stay the worker's. */
    s->snap = *v;
    memset(&s->snap.smooth, 0, sizeof s->snap.smooth);
    memset(&s->snap.example, 0, sizeof s->snap.example);
    memset(&s->snap.grad_norm, 0, sizeof s->snap.grad_norm);
    s->snap.checkpoints = NULL;
    /* The per-example loss first (background), the smoothed loss on top. */
    const series *list[2] = {&v->example, &v->smooth};
    chart_render(&s->chart, list, 2, chart_w, chart_h, app->utf8);
    size_t n = v->n_checkpoints < max_cps ? v->n_checkpoints : max_cps;
    if (n > s->cap_cps) {
        s->cap_cps = n;
        s->cps = xrealloc(s->cps, n * sizeof *s->cps);
    }
    for (size_t i = 0; i < n; i++) s->cps[i] = v->checkpoints[v->n_checkpoints - 1 - i];
    s->n_cps = n;
    size_t want = spark_w > 0 ? (size_t)spark_w : 0;
    if (want > SPARK_MAX) want = SPARK_MAX;
    s->n_spark = series_recent(&v->grad_norm, want, s->spark_v, s->spark_m);
    tw_unlock(s->w);
}

/* ---- drawing helpers ----------------------------------------------------- */

static tui_role role_of_cell(uint8_t r)
{
    switch (r) {
    case CHART_ROLE_AXIS: return TUI_ROLE_BORDER;
    case CHART_ROLE_LABEL: return TUI_ROLE_DIM;
    case CHART_ROLE_SPARK: return TUI_ROLE_SERIES1;
    case CHART_ROLE_CLIPPED: return TUI_ROLE_WARNING;
    case CHART_ROLE_BAD: return TUI_ROLE_ERROR;
    case CHART_ROLE_SERIES: return TUI_ROLE_SERIES2;      /* per-example loss */
    case CHART_ROLE_SERIES + 1: return TUI_ROLE_SERIES1;  /* smoothed loss */
    default: return TUI_ROLE_TEXT;
    }
}

/* Draws n cells at (y, x), one tui_putn per run of cells with the same role. */
static void draw_cells(WINDOW *w, int y, int x, const chart_cell *cells, int n)
{
    char buf[4 * 64 + 1];
    int i = 0;
    while (i < n) {
        int j = i + 1;
        while (j < n && j - i < 64 && cells[j].role == cells[i].role) j++;
        size_t len = chart_cells_to_utf8(cells + i, j - i, buf, sizeof buf);
        tui_putn(w, y, x + i, j - i, role_of_cell(cells[i].role), buf, len);
        i = j;
    }
}

/* Draws wrapped text from row y, at most max_rows rows; returns rows used. */
static int draw_wrapped(WINDOW *w, int y, int x, int width, int max_rows, tui_role role,
                        const char *text)
{
    wrap_line *lines = NULL;
    size_t n = wrap_text(text, strlen(text), width, &lines);
    int used = 0;
    for (size_t i = 0; i < n && used < max_rows; i++, used++)
        tui_putn(w, y + used, x, width, role, text + lines[i].start, lines[i].end - lines[i].start);
    free(lines);
    return used;
}

static int wrapped_rows(const char *text, int width)
{
    wrap_line *lines = NULL;
    size_t n = wrap_text(text, strlen(text), width, &lines);
    free(lines);
    return (int)n;
}

static const char *base_name(const char *path)
{
    const char *b = path ? strrchr(path, '/') : NULL;
    return b ? b + 1 : (path ? path : "");
}

/* The message area's text for the current snapshot (may be empty) and its role. */
static void message_text(train_screen *s, tui_app *app, char *out, size_t cap, tui_role *role)
{
    const tw_view *v = &s->snap;
    out[0] = '\0';
    *role = TUI_ROLE_TEXT;
    if (!s->loaded) {
        *role = TUI_ROLE_ERROR;
        snprintf(out, cap, "%s\n%s", s->load_error,
                 L(app, "Nothing is training. :data FILE loads another names file; r tries again.",
                   "没有在训练。:data 文件 换一个名字文件；r 再试一次。"));
        return;
    }
    if (v->state == TW_FAULT) {
        *role = TUI_ROLE_ERROR;
        int params = strstr(v->message, "parameters") != NULL;
        char head[384];
        if (is_zh(app))
            snprintf(head, sizeof head, "第 %ld 次迭代时%s变成了 NaN 或无穷大——梯度爆炸%s；见第 5 课。",
                     v->fault_iteration, params ? "参数" : "损失",
                     strstr(v->message, "clipping is off") ? "；梯度裁剪是关着的" : "");
        else
            snprintf(head, sizeof head, "%s.", v->message);
        const char *offer =
            strstr(v->message, "clipping is off")
                ? L(app, "Press r to restart with clipping on (or c, then r).",
                    "按 r 打开梯度裁剪并重新训练（或先按 c，再按 r）。")
                : L(app, "Even clipped gradients were too large for this learning rate: "
                         ":set lr 0.01 restarts with a smaller one.",
                    "即使裁剪了梯度，这个学习率还是太大：:set lr 0.01 用更小的学习率重新训练。");
        snprintf(out, cap, "%s\n%s", head, offer);
        return;
    }
    if (v->state == TW_PAUSED && v->has_step) {
        snprintf(out, cap,
                 L(app, "step: iteration %ld trained on \"%s\", loss %.3f  (s: one more, Space: resume)",
                   "单步：第 %ld 次迭代训练了“%s”，损失 %.3f（s 再走一步，空格 继续）"),
                 v->step_iteration, v->step_name, v->step_loss);
        *role = TUI_ROLE_WARNING;
        return;
    }
    if (v->state == TW_PAUSED) {
        snprintf(out, cap, "%s",
                 L(app, "paused — Space resumes, s trains one iteration",
                   "已暂停——空格 继续，s 训练一步"));
        *role = TUI_ROLE_WARNING;
        return;
    }
    if (v->state == TW_FINISHED) {
        char dur[32];
        panel_format_duration(v->run_seconds, dur, sizeof dur);
        snprintf(out, cap,
                 L(app, "finished: %ld iterations in %s, final loss %.3f — S saves the model, r trains again",
                   "训练完成：%ld 次迭代，用时 %s，最终损失 %.3f——S 保存模型，r 重新训练"),
                 v->iteration, dur, v->loss);
        *role = TUI_ROLE_OK;
    }
}

static void draw_header(train_screen *s, tui_app *app, WINDOW *w, int cols)
{
    const tw_view *v = &s->snap;
    /* Row 0: title and state. */
    tui_put(w, 0, 0, cols, TUI_ROLE_TITLE,
            L(app, "Training a character-level RNN", "训练字符级 RNN"));
    const char *state;
    tui_role srole;
    if (!s->loaded) { state = L(app, "not loaded", "未加载"); srole = TUI_ROLE_ERROR; }
    else switch (v->state) {
    case TW_RUNNING: state = L(app, "running", "训练中"); srole = TUI_ROLE_OK; break;
    case TW_PAUSED: state = L(app, "paused", "已暂停"); srole = TUI_ROLE_WARNING; break;
    case TW_FINISHED: state = L(app, "finished", "已完成"); srole = TUI_ROLE_OK; break;
    case TW_FAULT: state = L(app, "diverged (NaN)", "发散（NaN）"); srole = TUI_ROLE_ERROR; break;
    default: state = L(app, "idle", "空闲"); srole = TUI_ROLE_DIM; break;
    }
    char pace[48], right[96];
    pace_text(app, s->pace, pace, sizeof pace);
    snprintf(right, sizeof right, "%s %s  %s", L(app, "pace", "速度上限"), pace, state);
    int rw = tui_width(right);
    if (rw + 32 < cols) {
        int x = cols - rw;
        x += tui_put(w, 0, x, -1, TUI_ROLE_DIM, L(app, "pace ", "速度上限 "));
        x += tui_put(w, 0, x, -1, TUI_ROLE_TEXT, pace);
        x += tui_put(w, 0, x, -1, TUI_ROLE_TEXT, "  ");
        tui_put(w, 0, x, -1, srole, state);
    } else {
        tui_put(w, 0, cols - tui_width(state), -1, srole, state);
    }

    /* Row 1: data and model. */
    const trainer_config *c = s->loaded ? &v->cfg : &s->cfg;
    const char *file = base_name(s->loaded ? v->data_path : s->data_path);
    char size[32] = "?", line[1024];
    if (s->loaded) panel_format_bytes(v->data_bytes, size, sizeof size);
    const char *dot = tui_sym(app, " · ", " | ");
    const char *clip = c->clip ? L(app, "clipping on (±5)", "梯度裁剪 开（±5）")
                               : L(app, "clipping OFF", "梯度裁剪 关");
    if (!app->utf8) clip = c->clip ? L(app, "clipping on (+-5)", "梯度裁剪 开（+-5）") : clip;
    if (is_zh(app))
        snprintf(line, sizeof line, "数据 %.200s（%s，%zu 个名字）%s单元 RNN%sn_a %d%s学习率 %g%s%s",
                 file, size, v->n_examples, dot, dot, c->hidden, dot, c->lr, dot, clip);
    else
        snprintf(line, sizeof line, "data %.200s (%s, %zu names)%scell RNN%sn_a %d%slr %g%s%s", file,
                 size, v->n_examples, dot, dot, c->hidden, dot, c->lr, dot, clip);
    if (tui_width(line) > cols) {
        if (is_zh(app))
            snprintf(line, sizeof line, "数据 %.200s（%s）%sRNN%sn_a %d%s学习率 %g%s%s", file, size,
                     dot, dot, c->hidden, dot, c->lr, dot, clip);
        else
            snprintf(line, sizeof line, "data %.200s (%s)%sRNN%sn_a %d%slr %g%s%s", file, size, dot,
                     dot, c->hidden, dot, c->lr, dot, clip);
    }
    if (tui_width(line) > cols) {
        clip = c->clip ? L(app, "clip on", "裁剪 开") : L(app, "clip OFF", "裁剪 关");
        if (is_zh(app))
            snprintf(line, sizeof line, "%.200s %s%sRNN n_a %d%s学习率 %g%s%s", file, size, dot,
                     c->hidden, dot, c->lr, dot, clip);
        else
            snprintf(line, sizeof line, "%.200s %s%sRNN n_a %d%slr %g%s%s", file, size, dot,
                     c->hidden, dot, c->lr, dot, clip);
    }
    tui_put(w, 1, 0, cols, TUI_ROLE_TEXT, line);
    if (!c->clip) {
        /* Clipping off is what makes a run diverge: make it stand out. */
        int cw = tui_width(clip), lw = tui_width(line);
        if (lw <= cols) tui_put(w, 1, lw - cw, cw, TUI_ROLE_WARNING, clip);
    }

    /* Row 2: progress. */
    char left[96], rest[160], dur[32], rate[48];
    snprintf(left, sizeof left, L(app, "iteration %ld/%ld ", "迭代 %ld/%ld "), v->iteration,
             c->iterations);
    panel_format_duration(v->run_seconds, dur, sizeof dur);
    if (v->state == TW_RUNNING || v->it_per_s > 0)
        snprintf(rate, sizeof rate, L(app, "%.0f it/s", "%.0f 次/秒"), v->it_per_s);
    else
        snprintf(rate, sizeof rate, "%s", L(app, "– it/s", "– 次/秒"));
    long pct = c->iterations > 0 ? (long)(100.0 * (double)v->iteration / (double)c->iterations) : 0;
    if (is_zh(app))
        snprintf(rest, sizeof rest, " %ld%%%s%s%s用时 %s%s损失 %.3f", pct, dot, rate, dot, dur,
                 dot, v->loss);
    else
        snprintf(rest, sizeof rest, " %ld%%%s%s%s%s elapsed%sloss %.3f", pct, dot, rate, dot, dur,
                 dot, v->loss);
    if (tui_width(left) + tui_width(rest) > cols) {
        /* Narrow terminal: the same numbers with fewer words. */
        snprintf(rest, sizeof rest, L(app, " %ld%%%s%s%s%s%sloss %.2f", " %ld%%%s%s%s%s%s损失 %.2f"),
                 pct, dot, rate, dot, dur, dot, v->loss);
    }
    int lw = tui_width(left), restw = tui_width(rest);
    int bar = cols - lw - restw - 2;
    if (bar > 50) bar = 50;
    int x = tui_put(w, 2, 0, cols, TUI_ROLE_TEXT, left);
    if (bar >= 6) {
        int fill = panel_bar_fill(v->iteration, c->iterations, bar);
        x += tui_put(w, 2, x, -1, TUI_ROLE_BORDER, "[");
        for (int i = 0; i < bar; i++)
            tui_put(w, 2, x + i, 1, i < fill ? TUI_ROLE_SERIES1 : TUI_ROLE_DIM,
                    i < fill ? tui_sym(app, "█", "#") : tui_sym(app, "░", "."));
        x += bar;
        x += tui_put(w, 2, x, -1, TUI_ROLE_BORDER, "]");
    }
    tui_put(w, 2, x, cols - x, TUI_ROLE_TEXT, rest);
}

/* The names pane: samples, then checkpoints newest first, down to row y1. */
static void draw_names(train_screen *s, tui_app *app, WINDOW *w, int y0, int y1, int x, int width)
{
    int y = y0;
    char head[128];
    if (s->n_samples > 0) {
        if (s->sample_prefix[0])
            snprintf(head, sizeof head, L(app, "sample \"%s\" (it %ld)", "采样“%s”（第 %ld 次）"),
                     s->sample_prefix, s->sample_iteration);
        else
            snprintf(head, sizeof head, L(app, "sample (it %ld)", "采样（第 %ld 次）"),
                     s->sample_iteration);
        tui_put(w, y++, x, width, TUI_ROLE_HEADING, head);
        for (int k = 0; k < s->n_samples && y < y1; k++)
            tui_put(w, y++, x + 1, width - 1, TUI_ROLE_TEXT, s->samples[k]);
        y++;
    }
    if (s->n_cps == 0 && s->loaded && y < y1)
        tui_put(w, y++, x, width, TUI_ROLE_DIM,
                L(app, "names appear at each checkpoint", "每个检查点都会采样名字"));
    for (size_t i = 0; i < s->n_cps && y < y1; i++) {
        const tw_checkpoint *c = &s->cps[i];
        snprintf(head, sizeof head, L(app, "it %ld  loss %.2f", "第 %ld 次  损失 %.2f"), c->iteration,
                 c->loss);
        tui_put(w, y++, x, width, i == 0 ? TUI_ROLE_TITLE : TUI_ROLE_DIM, head);
        for (int k = 0; k < c->n_names && y < y1; k++)
            tui_put(w, y++, x + 1, width - 1, i == 0 ? TUI_ROLE_TEXT : TUI_ROLE_DIM, c->names[k]);
        y++;
    }
}

/* Statistics of the last n gradient norms of the snapshot, as the tail text. */
static void gradient_tail(train_screen *s, tui_app *app, size_t n, char *out, size_t cap,
                          double *hi_out)
{
    size_t from = s->n_spark - n;
    int clipped = 0;
    double hi = 0;
    for (size_t i = from; i < s->n_spark; i++) {
        if (s->spark_m[i]) clipped++;
        if (isfinite(s->spark_v[i]) && s->spark_v[i] > hi) hi = s->spark_v[i];
    }
    double last = s->spark_v[s->n_spark - 1];
    if (is_zh(app))
        snprintf(out, cap, " 最新 %.3g 最大 %.3g%s裁剪 %d/%zu", last, hi,
                 tui_sym(app, " · ", " | "), clipped, n);
    else
        snprintf(out, cap, " last %.3g max %.3g%sclipped %d/%zu", last, hi,
                 tui_sym(app, " · ", " | "), clipped, n);
    *hi_out = hi;
}

/* The gradient norms before clipping, one cell per iteration, newest at the
 * right; iterations whose gradients were clipped are marked. */
static void draw_gradients(train_screen *s, tui_app *app, WINDOW *w, int y, int cols)
{
    int x = tui_put(w, y, 0, cols, TUI_ROLE_DIM, L(app, "grad norm ", "梯度范数 "));
    size_t n = s->n_spark;
    if (n == 0) {
        tui_put(w, y, x, cols - x, TUI_ROLE_DIM, L(app, "(none yet)", "（还没有）"));
        return;
    }
    char tail[128];
    double hi;
    gradient_tail(s, app, n, tail, sizeof tail, &hi);
    int spark_w = cols - x - tui_width(tail) - 1;
    if (spark_w > (int)n) spark_w = (int)n;
    if (spark_w < 1) spark_w = 1;
    /* The numbers describe exactly the iterations drawn. */
    gradient_tail(s, app, (size_t)spark_w, tail, sizeof tail, &hi);
    size_t off = n - (size_t)spark_w;
    chart_sparkline(s->spark_v + off, s->spark_m + off, (size_t)spark_w, 0, hi, app->utf8,
                    s->spark_cells, spark_w);
    draw_cells(w, y, x, s->spark_cells, spark_w);
    x += spark_w;
    tui_put(w, y, x, cols - x, TUI_ROLE_DIM, tail);
}

static void train_draw(tui_screen *scr, tui_app *app, WINDOW *w)
{
    train_screen *s = (train_screen *)scr;
    int rows, cols;
    getmaxyx(w, rows, cols);

    /* Sizes: the names pane takes about a quarter of the width. */
    int names_w = cols / 4;
    if (names_w < 22) names_w = 22;
    if (names_w > 44) names_w = 44;
    int chart_w = cols - names_w - 1;
    const int header = 4;
    /* The message needs the view's state: take the snapshot with a guess of
     * the chart height, and redo the chart only if the message changes it. */
    int msg_rows_guess = 1;
    int chart_h = rows - header - 1 - msg_rows_guess;
    size_t max_cps = (size_t)(rows / 2 + 1);
    take_snapshot(s, app, chart_w, chart_h, max_cps, cols);

    char msg[1024];
    tui_role mrole;
    message_text(s, app, msg, sizeof msg, &mrole);
    int msg_rows = msg[0] ? wrapped_rows(msg, cols) : 1;
    if (msg_rows > 4) msg_rows = 4;
    if (msg_rows < 1) msg_rows = 1;
    if (msg_rows != msg_rows_guess) {
        chart_h = rows - header - 1 - msg_rows;
        take_snapshot(s, app, chart_w, chart_h, max_cps, cols);
    }

    draw_header(s, app, w, cols);

    /* Row 3: legend over the chart, title over the names. */
    int x = 0;
    x += tui_put(w, 3, x, chart_w, TUI_ROLE_DIM, L(app, "loss: ", "损失："));
    x += tui_put(w, 3, x, chart_w - x, TUI_ROLE_SERIES1, tui_sym(app, "━ ", "- "));
    x += tui_put(w, 3, x, chart_w - x, TUI_ROLE_TEXT, L(app, "smoothed  ", "平滑  "));
    x += tui_put(w, 3, x, chart_w - x, TUI_ROLE_SERIES2, tui_sym(app, "⠒ ", ". "));
    x += tui_put(w, 3, x, chart_w - x, TUI_ROLE_TEXT, L(app, "per example", "单个样本"));
    if (chart_w - x > 16)
        tui_put(w, 3, x, chart_w - x, TUI_ROLE_DIM,
                L(app, "   x: iteration", "   横轴：迭代"));
    tui_put(w, 3, chart_w + 1, names_w, TUI_ROLE_HEADING, L(app, "sampled names", "采样的名字"));

    /* Chart and names pane. */
    int top = header;
    for (int r = 0; r < s->chart.height && top + r < rows; r++)
        draw_cells(w, top + r, 0, s->chart.cells + (size_t)r * s->chart.width, s->chart.width);
    const char *bar = tui_sym(app, "│", "|");
    for (int r = 0; r < chart_h; r++) tui_put(w, top + r, chart_w, 1, TUI_ROLE_BORDER, bar);
    draw_names(s, app, w, top, top + chart_h, chart_w + 2, names_w - 1);

    /* Gradients, then the message. */
    int gy = top + (chart_h > 0 ? chart_h : 0);
    draw_gradients(s, app, w, gy, cols);
    if (msg[0]) draw_wrapped(w, gy + 1, 0, cols, msg_rows, mrole, msg);

    if (s->key_time > 0) {
        bench_line(s, "panel_key_ms %.3f", (now_seconds() - s->key_time) * 1000.0);
        s->key_time = 0;
    }
}

/* ---- keys ------------------------------------------------------------------ */

static void set_pace(train_screen *s, tui_app *app, double pace)
{
    s->pace = pace;
    tw_set_pace(s->w, pace);
    char p[48];
    pace_text(app, pace, p, sizeof p);
    tui_status(app, TUI_ROLE_OK, L(app, "pace: %s", "速度上限：%s"), p);
}

/* 1 when the model can be saved or sampled; else a message in the status line. */
static int model_usable(train_screen *s, tui_app *app)
{
    if (!s->loaded) {
        tui_status(app, TUI_ROLE_ERROR, "%s", L(app, "no model is loaded", "没有加载模型"));
        return 0;
    }
    tw_lock(s->w);
    int fault = tw_get_view(s->w)->state == TW_FAULT;
    tw_unlock(s->w);
    if (fault) {
        tui_status(app, TUI_ROLE_ERROR, "%s",
                   L(app, "the model's numbers are NaN or infinite now; r restarts training",
                     "模型的数值已经变成 NaN 或无穷大；r 重新训练"));
        return 0;
    }
    return 1;
}

static void save_model(train_screen *s, tui_app *app, const char *path)
{
    if (!model_usable(s, app)) return;
    char err[ERRBUF];
    if (tw_save(s->w, path, err, sizeof err) != 0) {
        tui_status(app, TUI_ROLE_ERROR, "%s", err);
        return;
    }
    tw_lock(s->w);
    long it = tw_get_view(s->w)->iteration;
    tw_unlock(s->w);
    tui_status(app, TUI_ROLE_OK, L(app, "saved the model after %ld iterations to %s",
                                   "已把训练了 %ld 次迭代的模型保存到 %s"),
               it, path);
}

static int train_key(tui_screen *scr, tui_app *app, int key)
{
    train_screen *s = (train_screen *)scr;
    if (s->bench_out) s->key_time = now_seconds();
    tw_lock(s->w);
    tw_state state = tw_get_view(s->w)->state;
    long iteration = tw_get_view(s->w)->iteration;
    tw_unlock(s->w);
    switch (key) {
    case ' ':
        if (!s->loaded) return TUI_HANDLED;
        if (state == TW_RUNNING) {
            tw_set_paused(s->w, 1);
            tui_status(app, TUI_ROLE_WARNING, "%s", L(app, "paused", "已暂停"));
        } else if (state == TW_PAUSED) {
            tw_set_paused(s->w, 0);
            tui_status(app, TUI_ROLE_OK, "%s", L(app, "resumed", "继续训练"));
        } else if (state == TW_FINISHED) {
            tui_status(app, TUI_ROLE_TEXT, "%s",
                       L(app, "training has finished; r trains again", "训练已完成；r 重新训练"));
        } else if (state == TW_FAULT) {
            tui_status(app, TUI_ROLE_ERROR, "%s",
                       L(app, "the loss is NaN; r restarts", "损失是 NaN；r 重新训练"));
        }
        return TUI_HANDLED | TUI_REDRAW;
    case 's':
        if (s->loaded && (state == TW_RUNNING || state == TW_PAUSED)) tw_step(s->w);
        else if (s->loaded)
            tui_status(app, TUI_ROLE_TEXT, "%s",
                       L(app, "no iterations left; r trains again", "没有剩余的迭代；r 重新训练"));
        return TUI_HANDLED | TUI_REDRAW;
    case '+': case '=':
        set_pace(s, app, panel_pace_step(s->pace, +1));
        return TUI_HANDLED | TUI_REDRAW;
    case '-': case '_':
        set_pace(s, app, panel_pace_step(s->pace, -1));
        return TUI_HANDLED | TUI_REDRAW;
    case 'm':
        set_pace(s, app, 0);
        return TUI_HANDLED | TUI_REDRAW;
    case 'r':
        if (s->loaded && state == TW_FAULT && !s->cfg.clip) {
            s->cfg.clip = 1;
            restart(s, app, "restarted with clipping on", "已打开梯度裁剪并重新训练");
        } else {
            restart(s, app, "restarted from scratch", "已从头重新训练");
        }
        return TUI_HANDLED | TUI_REDRAW;
    case 'c':
        s->cfg.clip = !s->cfg.clip;
        if (s->loaded) tw_set_clip(s->w, s->cfg.clip);
        if (s->cfg.clip)
            tui_status(app, TUI_ROLE_OK, "%s",
                       L(app, "clipping on: gradients are clipped to ±5 from the next iteration",
                         "梯度裁剪已打开：从下一次迭代起梯度裁剪到 ±5"));
        else
            tui_status(app, TUI_ROLE_WARNING, "%s",
                       L(app, "clipping off: large gradients now reach the update unchanged",
                         "梯度裁剪已关闭：大梯度会原样进入更新"));
        return TUI_HANDLED | TUI_REDRAW;
    case 'S': {
        char path[600];
        panel_save_name(s->loaded ? s->data_path : NULL, iteration, path, sizeof path);
        save_model(s, app, path);
        return TUI_HANDLED | TUI_REDRAW;
    }
    case 'q':
        return TUI_HANDLED | TUI_CLOSE;
    default:
        return 0;
    }
}

/* ---- ':' commands --------------------------------------------------------- */

static int cmd_set(train_screen *s, tui_app *app, int argc, char **argv)
{
    char msg[512];
    int which = -1;
    trainer_config next = s->cfg;
    panel_set_result r = panel_set_apply(&next, argc > 1 ? argv[1] : NULL,
                                         argc > 2 ? argv[2] : NULL, &which);
    if (r == PANEL_SET_OK && argc > 3) r = PANEL_SET_NOT_NUMBER;
    if (r != PANEL_SET_OK) {
        char *value = tui_join_args(argc, argv, 2);
        panel_set_message(r, which, argc > 1 ? argv[1] : NULL, value, app->lang, msg, sizeof msg);
        free(value);
        tui_status(app, TUI_ROLE_ERROR, "%s", msg);
        return TUI_HANDLED | TUI_REDRAW;
    }
    s->cfg = next;
    const panel_setting *ps = &panel_settings[which];
    char value[64];
    panel_setting_format(&s->cfg, (panel_setting_id)which, value, sizeof value);
    if (start_training(s) != 0) {
        tui_status(app, TUI_ROLE_ERROR, "%s", s->load_error);
        return TUI_HANDLED | TUI_REDRAW;
    }
    tui_status(app, TUI_ROLE_OK,
               L(app, "%s set to %s — training restarted from scratch",
                 "%s 设为 %s——训练已从头重新开始"),
               is_zh(app) ? ps->zh : ps->en, value);
    return TUI_HANDLED | TUI_REDRAW;
}

static int cmd_data(train_screen *s, tui_app *app, int argc, char **argv)
{
    if (argc < 2) {
        tui_status(app, TUI_ROLE_ERROR, "%s", L(app, "usage: :data FILE", "用法：:data 文件"));
        return TUI_HANDLED | TUI_REDRAW;
    }
    char *path = tui_join_args(argc, argv, 1);
    char *old = s->data_path;
    s->data_path = path;
    if (start_training(s) == 0) {
        free(old);
        tui_status(app, TUI_ROLE_OK, L(app, "training on %s from scratch", "从头开始用 %s 训练"),
                   path);
    } else {
        /* Keep the file that worked, so r trains on it again; the panel shows why. */
        char err[ERRBUF];
        snprintf(err, sizeof err, "%s", s->load_error);
        free(path);
        s->data_path = old;
        s->cfg.data_path = old;
        snprintf(s->load_error, sizeof s->load_error, "%s", err);
        tui_status(app, TUI_ROLE_ERROR, "%s", err);
    }
    return TUI_HANDLED | TUI_REDRAW;
}

static int cmd_sample(train_screen *s, tui_app *app, int argc, char **argv)
{
    char *end = NULL;
    long n = argc > 1 ? strtol(argv[1], &end, 10) : 7;
    if (argc > 1 && (*end != '\0' || n < 1 || n > PANEL_MAX_NAMES)) {
        tui_status(app, TUI_ROLE_ERROR,
                   L(app, "usage: :sample N [PREFIX] with N from 1 to %d",
                     "用法：:sample N [前缀]，N 在 1 到 %d 之间"),
                   PANEL_MAX_NAMES);
        return TUI_HANDLED | TUI_REDRAW;
    }
    char *prefix = tui_join_args(argc, argv, 2);
    char err[ERRBUF];
    char out[PANEL_MAX_NAMES][TRAINER_NAME_BYTES];
    if (!model_usable(s, app)) {
        free(prefix);
        return TUI_HANDLED | TUI_REDRAW;
    }
    if (tw_sample(s->w, (int)n, 0, prefix, out, err, sizeof err) != 0) {
        tui_status(app, TUI_ROLE_ERROR, "%s", err);
        free(prefix);
        return TUI_HANDLED | TUI_REDRAW;
    }
    memcpy(s->samples, out, (size_t)n * sizeof out[0]);
    s->n_samples = (int)n;
    snprintf(s->sample_prefix, sizeof s->sample_prefix, "%s", prefix);
    tw_lock(s->w);
    s->sample_iteration = tw_get_view(s->w)->iteration;
    tw_unlock(s->w);
    free(prefix);
    tui_status(app, TUI_ROLE_OK, L(app, "%ld names sampled (seeds 0..%ld), shown at the top right",
                                   "采样了 %ld 个名字（种子 0..%ld），显示在右上方"),
               n, n - 1);
    return TUI_HANDLED | TUI_REDRAW;
}

static int train_command(tui_screen *scr, tui_app *app, int argc, char **argv)
{
    train_screen *s = (train_screen *)scr;
    const char *name = argv[0];
    if (strcmp(name, "set") == 0) return cmd_set(s, app, argc, argv);
    if (strcmp(name, "data") == 0) return cmd_data(s, app, argc, argv);
    if (strcmp(name, "sample") == 0) return cmd_sample(s, app, argc, argv);
    if (strcmp(name, "save") == 0) {
        if (argc < 2) {
            tui_status(app, TUI_ROLE_ERROR, "%s", L(app, "usage: :save FILE", "用法：:save 文件"));
        } else {
            char *path = tui_join_args(argc, argv, 1);
            save_model(s, app, path);
            free(path);
        }
        return TUI_HANDLED | TUI_REDRAW;
    }
    if (strcmp(name, "pace") == 0) {
        char *end = NULL;
        double p = argc == 2 ? strtod(argv[1], &end) : -1;
        if (argc == 2 && strcmp(argv[1], "full") == 0) set_pace(s, app, 0);
        else if (argc == 2 && *end == '\0' && p >= 1 && p <= 1e7) set_pace(s, app, p);
        else
            tui_status(app, TUI_ROLE_ERROR, "%s",
                       L(app, "usage: :pace N (iterations per second, 1 to 10000000) or :pace full",
                         "用法：:pace N（每秒迭代次数，1 到 10000000）或 :pace full"));
        return TUI_HANDLED | TUI_REDRAW;
    }
    return 0;
}

static const char *train_footer(tui_screen *scr, tui_app *app)
{
    if (app->cols < 76)
        return L(app, "Space pause  s step  +/- pace  ? help  q back",
                 "空格 暂停  s 单步  +/- 速度  ? 帮助  q 返回");
    return L(app, "Space pause  s step  +/- pace  c clip  r restart  S save  ? help  q back",
             "空格 暂停  s 单步  +/- 速度  c 裁剪  r 重来  S 保存  ? 帮助  q 返回");
}

static void train_free(tui_screen *scr, tui_app *app)
{
    train_screen *s = (train_screen *)scr;
    tw_free(s->w); /* stops the thread first */
    chart_frame_free(&s->chart);
    free(s->cps);
    free(s->data_path);
    free(s);
}

static const tui_screen_ops train_ops = {
    .name = "train",
    .draw = train_draw,
    .key = train_key,
    .tick = train_tick,
    .command = train_command,
    .commands = train_commands,
    .keys = train_keys,
    .footer = train_footer,
    .free = train_free,
};

tui_screen *train_screen_new(tui_app *app, const tui_start *start)
{
    train_screen *s = xcalloc(1, sizeof *s);
    s->base.ops = &train_ops;
    s->base.tick_ms = 0; /* the worker wakes us */
    chart_frame_init(&s->chart);
    s->cfg = start->train;
    if (s->cfg.iterations <= 0) trainer_config_defaults(&s->cfg);
    s->data_path = s->cfg.data_path ? xstrdup(s->cfg.data_path) : paths_data_file("data/dinos.txt");
    if (s->cfg.names > PANEL_MAX_NAMES) s->cfg.names = PANEL_MAX_NAMES;
    const char *full = getenv("SEQTUTOR_PANEL_FULL_SPEED");
    const char *out = getenv("SEQTUTOR_BENCH_OUT");
    s->bench_out = out && *out ? out : NULL;
    s->pace = full && strcmp(full, "1") == 0 ? 0 : PANEL_PACE_DEFAULT;
    s->seen_iteration = -1;
    s->w = tw_new(tui_wake_fd());
    tw_set_pace(s->w, s->pace);
    if (start_training(s) != 0) tui_status(app, TUI_ROLE_ERROR, "%s", s->load_error);
    return &s->base;
}
