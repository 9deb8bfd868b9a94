/* lstm.h — the step-by-step LSTM of the assignment, for a batch of m examples.
 *
 * With concat = [a<t-1>; x<t>] of shape (n_a + n_x, m):
 *   Γf = σ(Wf concat + bf)        forget gate
 *   Γu = σ(Wi concat + bi)        update gate (the assignment calls it i)
 *   c~ = tanh(Wc concat + bc)     candidate
 *   c<t> = Γf * c<t-1> + Γu * c~
 *   Γo = σ(Wo concat + bo)        output gate
 *   a<t> = Γo * tanh(c<t>)
 *   ŷ<t> = softmax(Wy a<t> + by)
 * Gate matrices are (n_a, n_a + n_x); Wy is (n_y, n_a); biases are columns.
 * Sequences are (n, m, T_x) arrays; c starts at zero in lstm_forward.
 */
#ifndef SEQTUTOR_LSTM_H
#define SEQTUTOR_LSTM_H

typedef struct {
    int n_x, n_a, n_y;
    const double *Wf, *bf, *Wi, *bi, *Wc, *bc, *Wo, *bo, *Wy, *by;
} lstm_params;

/* a_next, c_next (n_a, m); yt (n_y, m) */
void lstm_cell_forward(double *a_next, double *c_next, double *yt, const double *xt,
                       const double *a_prev, const double *c_prev, const lstm_params *p, int m);
/* a, c (n_a, m, T_x); y (n_y, m, T_x) */
void lstm_forward(double *a, double *y, double *c, const double *x, const double *a0,
                  const lstm_params *p, int m, int T_x);

#endif
