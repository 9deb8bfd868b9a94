/* train_panel.c — see train_panel.h. */
#include "train_panel.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const double pace_levels[] = {50, 100, 200, 500, 1000, 2000, 5000, 10000};
#define N_PACE_LEVELS ((int)(sizeof pace_levels / sizeof pace_levels[0]))

double panel_pace_step(double pace, int dir)
{
    /* Full speed is the level above the fastest finite one. */
    int full = pace <= 0;
    if (dir > 0) {
        if (full) return 0;
        for (int i = 0; i < N_PACE_LEVELS; i++)
            if (pace_levels[i] > pace) return pace_levels[i];
        return 0;
    }
    if (dir < 0) {
        if (full) return pace_levels[N_PACE_LEVELS - 1];
        for (int i = N_PACE_LEVELS - 1; i >= 0; i--)
            if (pace_levels[i] < pace) return pace_levels[i];
        return pace_levels[0];
    }
    return pace;
}

/* The ranges follow `seqtutor train`'s options, except that names is capped
 * at what a checkpoint can hold and lr must be positive (lr 0 learns nothing). */
const panel_setting panel_settings[PANEL_SET_COUNT] = {
    [PANEL_SET_LR] = {"lr", 0, 0, 1e6, 1, "learning rate", "学习率"},
    [PANEL_SET_HIDDEN] = {"hidden", 1, 1, 1024, 0, "hidden units n_a", "隐藏单元数 n_a"},
    [PANEL_SET_EVERY] = {"every", 1, 1, 2e9, 0, "checkpoint interval", "检查点间隔"},
    [PANEL_SET_NAMES] = {"names", 1, 1, PANEL_MAX_NAMES, 0, "names per checkpoint",
                         "每个检查点的名字数"},
    [PANEL_SET_ITERATIONS] = {"iterations", 1, 1, 2e9, 0, "iterations", "迭代次数"},
};

const char *const panel_setting_names[] = {"lr", "hidden", "every", "names", "iterations", NULL};

static int find_setting(const char *name)
{
    if (!name) return -1;
    for (int i = 0; i < PANEL_SET_COUNT; i++)
        if (strcmp(panel_settings[i].name, name) == 0) return i;
    return -1;
}

panel_set_result panel_set_apply(trainer_config *cfg, const char *name, const char *value,
                                 int *which)
{
    int id = find_setting(name);
    if (which) *which = id;
    if (id < 0) return PANEL_SET_UNKNOWN;
    if (!value || !*value) return PANEL_SET_MISSING;
    const panel_setting *s = &panel_settings[id];
    char *end;
    errno = 0;
    double v = strtod(value, &end);
    if (end == value || *end != '\0' || !isfinite(v)) return PANEL_SET_NOT_NUMBER;
    if (s->integer && v != floor(v)) return PANEL_SET_NOT_NUMBER;
    if (v > s->max || v < s->min || (s->min_open && v == s->min)) return PANEL_SET_RANGE;
    switch ((panel_setting_id)id) {
    case PANEL_SET_LR: cfg->lr = v; break;
    case PANEL_SET_HIDDEN: cfg->hidden = (int)v; break;
    case PANEL_SET_EVERY: cfg->every = (int)v; break;
    case PANEL_SET_NAMES: cfg->names = (int)v; break;
    case PANEL_SET_ITERATIONS: cfg->iterations = (long)v; break;
    case PANEL_SET_COUNT: break;
    }
    return PANEL_SET_OK;
}

void panel_setting_format(const trainer_config *cfg, panel_setting_id id, char *out, size_t cap)
{
    switch (id) {
    case PANEL_SET_LR: snprintf(out, cap, "%g", cfg->lr); break;
    case PANEL_SET_HIDDEN: snprintf(out, cap, "%d", cfg->hidden); break;
    case PANEL_SET_EVERY: snprintf(out, cap, "%d", cfg->every); break;
    case PANEL_SET_NAMES: snprintf(out, cap, "%d", cfg->names); break;
    case PANEL_SET_ITERATIONS: snprintf(out, cap, "%ld", cfg->iterations); break;
    default: snprintf(out, cap, "?"); break;
    }
}

static void range_text(const panel_setting *s, char *out, size_t cap)
{
    if (s->min_open) snprintf(out, cap, "> %g, <= %g", s->min, s->max);
    else snprintf(out, cap, "%.0f..%.0f", s->min, s->max);
}

void panel_set_message(panel_set_result r, int which, const char *name, const char *value,
                       const char *lang, char *out, size_t cap)
{
    int zh = lang && strcmp(lang, "zh") == 0;
    const panel_setting *s = which >= 0 && which < PANEL_SET_COUNT ? &panel_settings[which] : NULL;
    char range[64] = "";
    if (s) range_text(s, range, sizeof range);
    if (!name) name = "";
    if (!value) value = "";
    switch (r) {
    case PANEL_SET_OK: snprintf(out, cap, "%s", ""); break;
    case PANEL_SET_UNKNOWN:
        if (!*name)
            snprintf(out, cap, zh ? "用法：:set 设置 值（lr、hidden、every、names、iterations）"
                                  : "usage: :set NAME VALUE (lr, hidden, every, names, iterations)");
        else
            snprintf(out, cap,
                     zh ? "没有名为“%s”的设置；可用：lr、hidden、every、names、iterations"
                        : "no setting '%s'; try lr, hidden, every, names or iterations",
                     name);
        break;
    case PANEL_SET_MISSING:
        snprintf(out, cap, zh ? ":set %s 需要一个值（%s）" : ":set %s needs a value (%s)", name,
                 range);
        break;
    case PANEL_SET_NOT_NUMBER:
        if (s && s->integer)
            snprintf(out, cap, zh ? "%s 必须是整数，“%s”不是" : "%s must be a whole number, not '%s'",
                     s ? (zh ? s->zh : s->en) : name, value);
        else
            snprintf(out, cap, zh ? "%s 必须是数字，“%s”不是" : "%s must be a number, not '%s'",
                     s ? (zh ? s->zh : s->en) : name, value);
        break;
    case PANEL_SET_RANGE:
        snprintf(out, cap, zh ? "%s 必须在 %s 范围内，“%s”不行" : "%s must be %s, not %s",
                 s ? (zh ? s->zh : s->en) : name, range, value);
        break;
    }
}

void panel_save_name(const char *data_path, long iteration, char *out, size_t cap)
{
    const char *base = data_path ? strrchr(data_path, '/') : NULL;
    base = base ? base + 1 : (data_path ? data_path : "");
    size_t len = strlen(base);
    const char *dot = strrchr(base, '.');
    if (dot && dot != base) len = (size_t)(dot - base);
    if (len == 0) snprintf(out, cap, "model-%ld.model", iteration);
    else snprintf(out, cap, "%.*s-%ld.model", (int)len, base, iteration);
}

void panel_format_duration(double seconds, char *out, size_t cap)
{
    if (!(seconds > 0)) seconds = 0;
    long s = (long)seconds;
    /* Tenths are cut, not rounded, so 9.96 s does not read "10.0s". */
    if (s < 10) snprintf(out, cap, "%.1fs", (double)(long)(seconds * 10) / 10.0);
    else if (s < 60) snprintf(out, cap, "%lds", s);
    else if (s < 3600) snprintf(out, cap, "%ld:%02ld", s / 60, s % 60);
    else snprintf(out, cap, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
}

void panel_format_bytes(size_t bytes, char *out, size_t cap)
{
    if (bytes < 1024) snprintf(out, cap, "%zu B", bytes);
    else if (bytes < 1024 * 1024) snprintf(out, cap, "%.1f KB", bytes / 1024.0);
    else snprintf(out, cap, "%.1f MB", bytes / (1024.0 * 1024.0));
}

int panel_bar_fill(long done, long total, int width)
{
    if (total <= 0 || width <= 0 || done <= 0) return 0;
    if (done >= total) return width;
    return (int)((double)done * width / (double)total);
}
