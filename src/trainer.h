/* trainer.h — the assignment's training loop, one iteration at a time.
 *
 * Shared by `seqtutor train --plain` and the live training panel, so both
 * show the same numbers. The loop is the course's model():
 *   examples shuffled once with seed(0); iteration j trains on example
 *   order[j mod N] with X = [none] + name, Y = name + [newline];
 *   forward, backward, clip to ±5 (unless clipping is off), SGD update;
 *   the hidden state is carried to the next example;
 *   loss = 0.999 * loss + 0.001 * current, starting at -ln(1/V) * names.
 * A checkpoint is every iteration j with j % every == 0, after its update;
 * its names are sampled with seeds 0 .. names-1.
 *
 * Ownership: trainer_init loads the data file and allocates everything;
 * trainer_step allocates nothing. One trainer is used by one thread at a time.
 */
#ifndef SEQTUTOR_TRAINER_H
#define SEQTUTOR_TRAINER_H

#include "charrnn.h"
#include "corpus.h"

#include <stddef.h>

#define TRAINER_NAME_MAX 50   /* sampled characters per name, as in the course */

typedef struct {
    const char *data_path; /* names file */
    long iterations;       /* total iterations (default 35000) */
    int every;             /* checkpoint interval (default 2000) */
    int names;             /* names per checkpoint (default 7) */
    int hidden;            /* n_a (default 50) */
    double lr;             /* learning rate (default 0.01) */
    int clip;              /* 1: clip gradients to ±clip_value (default on) */
    double clip_value;     /* default 5 */
} trainer_config;

typedef struct {
    long iteration;        /* the iteration just done (j) */
    double loss;           /* smoothed loss after it */
    double example_loss;   /* this example's loss */
    double grad_norm;      /* L2 norm of all gradients before clipping */
    int clipped;           /* any element was clipped */
    int finite;            /* loss and gradient norm are finite */
    size_t example;        /* index of the example in the file's order */
} trainer_step_info;

typedef struct {
    trainer_config cfg;
    corpus data;
    charrnn model;
    size_t *order;         /* shuffled example indices (N) */
    int *X, *Y;            /* current example (max_T) */
    double *a_prev;        /* hidden state carried between examples (n_a) */
    int *sample_buf;       /* TRAINER_NAME_MAX + 1 sampled indices */
    rng_state sample_rng;
    long iteration;        /* next iteration to run */
    double loss;           /* smoothed loss */
} trainer;

void trainer_config_defaults(trainer_config *cfg);
/* 0, or -1 with the data file's error in err. */
int trainer_init(trainer *t, const trainer_config *cfg, char *err, size_t errlen);
void trainer_free(trainer *t);
/* Runs iteration t->iteration and advances it; returns 0. Returns -1, with
 * nothing changed, when the step was stopped (trainer_set_stop). */
int trainer_step(trainer *t, trainer_step_info *info);
/* A flag (may be NULL) that stops a running step or sample when another
 * thread sets it: see charrnn_stopped. */
void trainer_set_stop(trainer *t, const atomic_int *stop);
int trainer_is_checkpoint(const trainer *t, long j);
/* One name as print_sample shows it: first letter capitalised, without the
 * final newline. Writes UTF-8 into out (at least TRAINER_NAME_BYTES). */
#define TRAINER_NAME_BYTES (4 * (TRAINER_NAME_MAX + 2) + 1)
void trainer_sample_name(trainer *t, unsigned seed, char *out);
/* Writes a name from the model: prefix (UTF-8, may be NULL) continued by the
 * model at the given temperature. Returns -1 when the prefix uses a symbol
 * outside the vocabulary. */
int trainer_sample_ex(charrnn *m, const corpus *vocab_src, rng_state *r, unsigned seed,
                      const char *prefix, double temperature, int *buf, char *out);

#endif
