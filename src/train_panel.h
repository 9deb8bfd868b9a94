/* train_panel.h — the parts of the live training panel that need no
 * terminal: pace levels, the ':set' settings, the default file name of a
 * saved model, and the compact numbers the header shows. The screen itself
 * is tui_train.c; this file keeps its rules testable without curses.
 *
 * Everything here is pure (no globals, no allocation); strings are written
 * into buffers the caller owns and are always NUL-terminated.
 */
#ifndef SEQTUTOR_TRAIN_PANEL_H
#define SEQTUTOR_TRAIN_PANEL_H

#include "trainer.h"

#include <stddef.h>

/* ---- pace ---------------------------------------------------------------- */

/* The pace the panel starts at, in iterations per second: slow enough to
 * watch the names change, fast enough to see the loss fall. */
#define PANEL_PACE_DEFAULT 500.0

/* The next pace level from `pace` (it/s; 0 = full speed) in direction dir
 * (+1 faster, -1 slower). Levels: 50 100 200 500 1000 2000 5000 10000, then
 * full speed (0) above 10000. From a pace between two levels, one step goes
 * to the neighbouring level in that direction. Faster than full speed stays
 * at full speed; slower than 50 stays at 50. */
double panel_pace_step(double pace, int dir);

/* ---- ':set NAME VALUE' --------------------------------------------------- */

typedef enum {
    PANEL_SET_LR,          /* learning rate, > 0 and <= 1e6 */
    PANEL_SET_HIDDEN,      /* n_a, 1..1024 */
    PANEL_SET_EVERY,       /* iterations between checkpoints, 1..2e9 */
    PANEL_SET_NAMES,       /* names per checkpoint, 1..PANEL_MAX_NAMES */
    PANEL_SET_ITERATIONS,  /* total iterations, 1..2e9 */
    PANEL_SET_COUNT
} panel_setting_id;

/* The panel keeps at most this many names per checkpoint (the worker's
 * TW_MAX_NAMES). */
#define PANEL_MAX_NAMES 32

typedef struct {
    const char *name;      /* as typed: "lr", "hidden", ... */
    int integer;           /* 1: the value must be a whole number */
    double min, max;       /* accepted range; min_open: min itself is refused */
    int min_open;
    const char *en, *zh;   /* what it is, for messages */
} panel_setting;

/* The table, indexed by panel_setting_id. */
extern const panel_setting panel_settings[PANEL_SET_COUNT];
/* NULL-terminated setting names, for Tab completion. */
extern const char *const panel_setting_names[];

typedef enum {
    PANEL_SET_OK,
    PANEL_SET_UNKNOWN,     /* no setting of that name */
    PANEL_SET_MISSING,     /* no value given */
    PANEL_SET_NOT_NUMBER,  /* value is not a number (or not a whole one) */
    PANEL_SET_RANGE        /* a number outside the setting's range */
} panel_set_result;

/* Parses `name value` and, when both are good, stores the value into cfg.
 * *which receives the setting's id whenever the name is known (also on a bad
 * value), else -1. cfg is left untouched unless PANEL_SET_OK is returned.
 * value may be NULL (PANEL_SET_MISSING). */
panel_set_result panel_set_apply(trainer_config *cfg, const char *name, const char *value,
                                 int *which);

/* The current value of a setting in cfg, formatted as the user would type
 * it ("0.05", "100"). */
void panel_setting_format(const trainer_config *cfg, panel_setting_id id, char *out, size_t cap);

/* A message for a failed panel_set_apply in lang ("zh" or anything else for
 * English), naming the setting, the value and the accepted range. */
void panel_set_message(panel_set_result r, int which, const char *name, const char *value,
                       const char *lang, char *out, size_t cap);

/* ---- small formats ------------------------------------------------------- */

/* The file `S` writes to: the data file's base name without its extension,
 * '-', the iteration, ".model": "data/dinos.txt", 12000 -> "dinos-12000.model".
 * An empty or missing base name gives "model-<iteration>.model". */
void panel_save_name(const char *data_path, long iteration, char *out, size_t cap);

/* Elapsed time: "4.2s" (tenths cut) below ten seconds, "42s" below a minute, "3:07" below an hour, "1:02:03" above
 * (negative counts as 0; fractions are dropped). */
void panel_format_duration(double seconds, char *out, size_t cap);

/* A byte count: "823 B", "19.4 KB", "2.1 MB" (1 KB = 1024 B). */
void panel_format_bytes(size_t bytes, char *out, size_t cap);

/* The progress bar's filled cells: floor(width * done / total), within
 * 0..width (0 when total <= 0). */
int panel_bar_fill(long done, long total, int width);

#endif
