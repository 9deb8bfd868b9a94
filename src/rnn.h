/* rnn.h — the step-by-step RNN of the assignment, for a batch of m examples.
 *
 * Shapes (row-major, NumPy C order): xt (n_x, m), a_prev (n_a, m),
 * Waa (n_a, n_a), Wax (n_a, n_x), Wya (n_y, n_a), ba (n_a, 1), by (n_y, 1);
 * sequences are (n, m, T_x) arrays.
 *   a<t> = tanh(Waa a<t-1> + Wax x<t> + ba)
 *   ŷ<t> = softmax(Wya a<t> + by)            (column by column)
 * The caller owns every buffer; nothing is allocated except scratch inside.
 */
#ifndef SEQTUTOR_RNN_H
#define SEQTUTOR_RNN_H

typedef struct {
    int n_x, n_a, n_y;
    const double *Waa, *Wax, *Wya, *ba, *by;
} rnn_params;

/* a_next (n_a, m), yt_pred (n_y, m) */
void rnn_cell_forward(double *a_next, double *yt_pred, const double *xt, const double *a_prev,
                      const rnn_params *p, int m);
/* a (n_a, m, T_x), y_pred (n_y, m, T_x) from x (n_x, m, T_x) and a0 (n_a, m) */
void rnn_forward(double *a, double *y_pred, const double *x, const double *a0, const rnn_params *p,
                 int m, int T_x);

#endif
