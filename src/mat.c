/* mat.c — see mat.h. */
#include "mat.h"

#include <math.h>

void mat_mul_bias(double *out, const double *A, const double *B, const double *bias, int r, int k,
                  int m)
{
    for (int i = 0; i < r; i++)
        for (int j = 0; j < m; j++) {
            double acc = 0.0;
            for (int q = 0; q < k; q++) acc += A[i * k + q] * B[q * m + j];
            out[i * m + j] = acc + (bias ? bias[i] : 0.0);
        }
}

void mat_softmax_cols(double *out, const double *Z, int r, int m)
{
    for (int j = 0; j < m; j++) {
        double zmax = Z[j];
        for (int i = 1; i < r; i++)
            if (Z[i * m + j] > zmax) zmax = Z[i * m + j];
        double sum = 0.0;
        for (int i = 0; i < r; i++) {
            out[i * m + j] = exp(Z[i * m + j] - zmax);
            sum += out[i * m + j];
        }
        for (int i = 0; i < r; i++) out[i * m + j] /= sum;
    }
}

double mat_sigmoid(double z) { return 1.0 / (1.0 + exp(-z)); }

void mat_get_step(double *out, const double *arr, int r, int m, int T, int t)
{
    for (int i = 0; i < r * m; i++) out[i] = arr[i * T + t];
}

void mat_set_step(double *arr, const double *in, int r, int m, int T, int t)
{
    for (int i = 0; i < r * m; i++) arr[i * T + t] = in[i];
}
