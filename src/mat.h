/* mat.h — small dense helpers for the step-by-step functions (rnn.c, lstm.c).
 * Matrices are row-major doubles; (r, c) means r rows of c columns.
 * These are written for clarity, not speed: the training step has its own
 * kernels in charrnn.c. */
#ifndef SEQTUTOR_MAT_H
#define SEQTUTOR_MAT_H

/* out (r, m) = A (r, k) · B (k, m) + bias (r, 1) broadcast over columns;
 * bias may be NULL. out must not alias A or B. */
void mat_mul_bias(double *out, const double *A, const double *B, const double *bias, int r, int k,
                  int m);
/* Column-wise softmax of Z (r, m) into out (may alias Z). */
void mat_softmax_cols(double *out, const double *Z, int r, int m);
double mat_sigmoid(double z);
/* Column t of a (r, m, T) array into out (r, m) and back. */
void mat_get_step(double *out, const double *arr, int r, int m, int T, int t);
void mat_set_step(double *arr, const double *in, int r, int m, int T, int t);

#endif
