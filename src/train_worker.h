/* train_worker.h — the trainer on a worker thread, for the live panel.
 *
 * The worker runs trainer_step in batches and, after each batch, publishes
 * what the panel shows under the worker's mutex: the loss histories (one
 * point per iteration), the gradient norms before clipping with the clipped
 * iterations marked, the checkpoints with their sampled names (the same
 * names `train --plain` prints), and counters. Then it writes one byte to the
 * wake descriptor so the UI's poll() returns. It never calls curses.
 *
 * Threads: every tw_* function is called from the UI thread. Read the view
 * only between tw_lock and tw_unlock, and keep that short. Requests that need
 * the model (save, sample) are carried out by the worker between batches;
 * the calls wait for them (a batch lasts at most a few milliseconds).
 *
 * Pace: iterations per second, 0 = as fast as possible. While paused nothing
 * in the view changes, the clock and rate included.
 */
#ifndef SEQTUTOR_TRAIN_WORKER_H
#define SEQTUTOR_TRAIN_WORKER_H

#include "series.h"
#include "trainer.h"

#include <stddef.h>

typedef enum {
    TW_IDLE,      /* no data loaded (tw_start failed or never called) */
    TW_RUNNING,
    TW_PAUSED,
    TW_FINISHED,  /* all iterations done */
    TW_FAULT      /* loss or parameters became NaN/infinite; message says which */
} tw_state;

#define TW_MAX_NAMES 32

typedef struct {
    long iteration;
    double loss;
    int n_names;
    char names[TW_MAX_NAMES][TRAINER_NAME_BYTES];
} tw_checkpoint;

typedef struct {
    tw_state state;
    trainer_config cfg;        /* settings of the current run (clip may change live) */
    char data_path[512];
    size_t data_bytes, n_examples;
    int vocab;
    long iteration;            /* iterations done */
    double loss;               /* smoothed loss */
    double run_seconds;        /* time spent running (pauses excluded) */
    double it_per_s;           /* over the last second of running */
    series smooth, example;    /* one point per iteration */
    series grad_norm;          /* marked 1 where gradients were clipped */
    tw_checkpoint *checkpoints;
    size_t n_checkpoints;
    long fault_iteration;      /* TW_FAULT: where it happened */
    char message[256];         /* TW_FAULT: what happened */
    /* The last single step ('s'): */
    int has_step;
    long step_iteration;
    double step_loss;
    char step_name[TRAINER_NAME_BYTES];
} tw_view;

typedef struct train_worker train_worker;

/* wake_fd: a descriptor the worker writes one byte to after publishing
 * (non-blocking is best), or -1. */
train_worker *tw_new(int wake_fd);
/* Stops the thread and frees everything. */
void tw_free(train_worker *w);
/* (Re)starts training from scratch with cfg; paused: start paused.
 * Returns 0, or -1 with the data file's error in err (the previous run is
 * gone either way and the state is TW_IDLE). */
int tw_start(train_worker *w, const trainer_config *cfg, int paused, char *err, size_t errlen);
void tw_set_paused(train_worker *w, int paused);
/* Pauses and runs exactly one iteration (its example and loss go to step_*). */
void tw_step(train_worker *w);
void tw_set_pace(train_worker *w, double its_per_s);
double tw_pace(train_worker *w);
/* Clipping on/off from the next iteration on. */
void tw_set_clip(train_worker *w, int on);
/* Saves the current model (model_io format). */
int tw_save(train_worker *w, const char *path, char *err, size_t errlen);
/* Samples count names (seeds seed, seed+1, ...) continuing prefix (may be
 * NULL) into out[count][TRAINER_NAME_BYTES]. -1 with a message in err when
 * the prefix has a symbol the model never saw or nothing is loaded. */
int tw_sample(train_worker *w, int count, unsigned seed, const char *prefix,
              char (*out)[TRAINER_NAME_BYTES], char *err, size_t errlen);

void tw_lock(train_worker *w);
void tw_unlock(train_worker *w);
/* Valid between tw_lock and tw_unlock. */
const tw_view *tw_get_view(train_worker *w);

#endif
