/* charrnn.h — the character-level language model of the Week-1 assignment
 * ("Dinosaurus Island"): a tanh RNN with a softmax output, trained one
 * example at a time with back-propagation through time.
 *
 * Dimensions (the course's letters):
 *   n_a  hidden units          n_x = n_y = V  vocabulary size
 *   T    steps in one example (the name's length + 1)
 *
 * Forward, for t = 0 .. T-1 (x<0> is the zero vector, x<t> one-hot of X[t]):
 *   a<t>  = tanh(Wax x<t> + Waa a<t-1> + b)        (n_a)
 *   ŷ<t>  = softmax(Wya a<t> + by)                  (n_y)
 *   loss  = -Σ_t log ŷ<t>[Y[t]]
 *
 * Ownership: charrnn_init allocates everything (parameters and gradients in
 * one block each, activation buffers for examples up to max_T steps);
 * nothing is allocated afterwards. Call order for one training step:
 *   charrnn_forward -> charrnn_backward -> charrnn_clip -> charrnn_update.
 * After changing parameters directly (tests, loading a model), call
 * charrnn_sync so the derived transposed copies follow.
 *
 * Summation order: every accumulation that NumPy does element by element is
 * done in the same order here (gradients are summed from t = T-1 down to 0),
 * so only the matrix–vector products and libm differ from the reference in
 * the last bits; see docs/engine.md.
 */
#ifndef SEQTUTOR_CHARRNN_H
#define SEQTUTOR_CHARRNN_H

#include "kernels.h"
#include "rng.h"

#include <stdatomic.h>
#include <stddef.h>

typedef struct {
    double *Wax; /* (n_a, n_x) row-major */
    double *Waa; /* (n_a, n_a) */
    double *Wya; /* (n_y, n_a) */
    double *b;   /* (n_a) */
    double *by;  /* (n_y) */
} charrnn_params;

typedef struct {
    int n_a, n_x, n_y;
    int max_T;           /* longest example the buffers hold */
    size_t n_params;     /* total parameter count */
    double *param_mem;   /* n_params doubles */
    charrnn_params p;    /* pointers into param_mem */
    double *grad_mem;    /* n_params doubles, same layout */
    charrnn_params g;    /* dWax, dWaa, dWya, db, dby */
    const kernel_ops *k; /* the kernel path, kernel_active() at charrnn_init */
    const atomic_int *stop; /* NULL, or a flag another thread may set: see charrnn_stopped */
    double *WaaT;        /* (n_a, n_a) copy of Waa transposed, for axpy-form products */
    double *WyaT;        /* (n_a, n_y) copy of Wya transposed */
    double *a;           /* (max_T + 1, n_a): row 0 is a_prev, row t+1 is a<t> */
    double *y_hat;       /* (max_T, n_y) Wya a<t>, then ŷ<t>, then dy<t> */
    double *da_raw;      /* (max_T, n_a) gradient before tanh, per step */
    double *wdy;         /* (max_T, n_a) Wya^T dy<t> */
    double *scratch;     /* 3 * max(n_a, n_y) doubles for sampling */
} charrnn;

void charrnn_init(charrnn *m, int n_a, int n_x, int n_y, int max_T);
void charrnn_free(charrnn *m);
/* The course's initialize_parameters: seed(1), randn * 0.01 for Wax, Waa,
 * Wya in that order, zero biases. */
void charrnn_init_params(charrnn *m);
/* Refreshes derived copies after parameters were written directly. */
void charrnn_sync(charrnn *m);

/* Stopping a long step: when m->stop is set and *m->stop becomes nonzero,
 * charrnn_forward, charrnn_backward and charrnn_sample return early, at the
 * next time step, with meaningless results (the loss is NaN, the sample is
 * cut short). The parameters are never touched by those three, so the model
 * stays as it was before the step; the caller discards the step. */
int charrnn_stopped(const charrnn *m);

/* X[0] may be -1 (the zero input); returns the cross-entropy loss.
 * a_prev (n_a) is copied; T must be <= max_T. */
double charrnn_forward(charrnn *m, const int *X, const int *Y, int T, const double *a_prev);
/* Gradients of the last forward pass into m->g (overwritten, not added). */
void charrnn_backward(charrnn *m, const int *X, const int *Y, int T);
/* Element-wise clip of every gradient to [-max_value, max_value]. Returns 1
 * when any element was clipped; *norm_before receives the L2 norm of all
 * gradients before clipping (may be NULL). */
int charrnn_clip(charrnn *m, double max_value, double *norm_before);
/* param += -lr * grad, then charrnn_sync. */
void charrnn_update(charrnn *m, double lr);
/* charrnn_clip then charrnn_update in one pass over the parameters (the
 * same results, bit for bit). */
int charrnn_clip_update(charrnn *m, double max_value, double lr, double *norm_before);
/* a<T-1> of the last forward pass (n_a). */
const double *charrnn_last_a(const charrnn *m, int T);
/* The tanh every step uses (vectorised; within 4 ulp of libm's). */
double charrnn_tanh(double x);
/* 1 when every parameter is finite. */
int charrnn_params_finite(const charrnn *m);

/* The course's sample(): before drawing character k it calls
 * seed(seed + 2k) (the notebook's counter + seed with both incremented), stops at
 * the newline or after max_len characters and then appends a newline.
 * prefix (may be NULL, n_prefix symbols) is fed first as if sampled; the
 * temperature divides the logits (1 = the course). Writes at most
 * max_len + 1 indices to out; returns their count. */
int charrnn_sample(charrnn *m, rng_state *r, unsigned seed, int newline_ix, const int *prefix,
                   int n_prefix, double temperature, int max_len, int *out);

#endif
