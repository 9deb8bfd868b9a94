/* rng.h — NumPy's legacy np.random (RandomState), reproduced bit for bit.
 *
 * The course notebooks seed NumPy's global generator, so matching their output
 * means matching its algorithms exactly:
 *   seed(s)          MT19937 init_genrand(s); forgets the cached Gaussian
 *   random_sample()  53-bit double from two 32-bit draws
 *   randn()          polar Box–Muller, second value cached for the next call
 *   shuffle(list)    Fisher–Yates from the end, masked rejection sampling
 *   choice(n, p)     sequential cumsum, normalise by the last entry, one
 *                    uniform draw, first index with cdf[i] > u
 * The state is a plain struct: callers own it, there is no global generator.
 */
#ifndef SEQTUTOR_RNG_H
#define SEQTUTOR_RNG_H

#include <stddef.h>
#include <stdint.h>

#define RNG_MT_N 624

typedef struct {
    uint32_t mt[RNG_MT_N]; /* MT19937 state words */
    int pos;               /* next word to use; RNG_MT_N means regenerate */
    int has_gauss;         /* randn's cached second value is valid */
    double gauss;          /* that cached value */
} rng_state;

void rng_seed(rng_state *r, uint32_t seed);
uint32_t rng_next32(rng_state *r);
double rng_random_sample(rng_state *r);
double rng_randn(rng_state *r);
/* Fills out[0..n) with randn() in order (NumPy's C order for randn(a, b)). */
void rng_randn_fill(rng_state *r, double *out, size_t n);
/* Uniform integer in [0, max] by masked rejection (NumPy random_interval). */
uint64_t rng_interval(rng_state *r, uint64_t max);
/* np.random.shuffle of a list of n items, applied to an index permutation. */
void rng_shuffle(rng_state *r, size_t *items, size_t n);
/* np.random.choice(n, p=p); cdf is caller scratch of n doubles. */
size_t rng_choice(rng_state *r, const double *p, size_t n, double *cdf);

#endif
