/* model_io.h — saving and loading a trained char-RNN.
 *
 * File layout (all integers little-endian, doubles IEEE-754 little-endian):
 *   magic    8 bytes  "SEQTRNN\x1a"
 *   version  u32      1
 *   n_a      u32      hidden units
 *   V        u32      vocabulary size (n_x = n_y = V)
 *   iters    u64      iterations trained
 *   loss     f64      smoothed loss at save time
 *   vocab    V x u32  code points, ascending, '\n' among them
 *   params   f64 x (n_a*V + n_a*n_a + V*n_a + n_a + V)  Wax, Waa, Wya, b, by
 *   check    u32      FNV-1a of every byte before it
 * model_save writes atomically; model_load checks every field and returns -1
 * with a message naming the file for a missing, truncated, corrupt or
 * foreign file. On success the caller owns m (charrnn_free) and v
 * (corpus_free; only its vocabulary fields are set).
 */
#ifndef SEQTUTOR_MODEL_IO_H
#define SEQTUTOR_MODEL_IO_H

#include "charrnn.h"
#include "corpus.h"

#include <stddef.h>

int model_save(const char *path, const charrnn *m, const corpus *v, long iterations, double loss,
               char *err, size_t errlen);
int model_load(const char *path, charrnn *m, corpus *v, long *iterations, double *loss, char *err,
               size_t errlen);

#endif
