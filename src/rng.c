/* rng.c — see rng.h. Constants are MT19937's published ones. */
#include "rng.h"

#include <math.h>

#define MT_M 397
#define MATRIX_A 0x9908b0dfU
#define UPPER_MASK 0x80000000U
#define LOWER_MASK 0x7fffffffU

void rng_seed(rng_state *r, uint32_t seed)
{
    r->mt[0] = seed;
    for (int i = 1; i < RNG_MT_N; i++)
        r->mt[i] = 1812433253U * (r->mt[i - 1] ^ (r->mt[i - 1] >> 30)) + (uint32_t)i;
    r->pos = RNG_MT_N;
    r->has_gauss = 0;
    r->gauss = 0.0;
}

static void regenerate(rng_state *r)
{
    uint32_t *mt = r->mt;
    int k;
    for (k = 0; k < RNG_MT_N - MT_M; k++) {
        uint32_t y = (mt[k] & UPPER_MASK) | (mt[k + 1] & LOWER_MASK);
        mt[k] = mt[k + MT_M] ^ (y >> 1) ^ ((y & 1U) ? MATRIX_A : 0U);
    }
    for (; k < RNG_MT_N - 1; k++) {
        uint32_t y = (mt[k] & UPPER_MASK) | (mt[k + 1] & LOWER_MASK);
        mt[k] = mt[k + (MT_M - RNG_MT_N)] ^ (y >> 1) ^ ((y & 1U) ? MATRIX_A : 0U);
    }
    uint32_t y = (mt[RNG_MT_N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
    mt[RNG_MT_N - 1] = mt[MT_M - 1] ^ (y >> 1) ^ ((y & 1U) ? MATRIX_A : 0U);
    r->pos = 0;
}

uint32_t rng_next32(rng_state *r)
{
    if (r->pos >= RNG_MT_N) regenerate(r);
    uint32_t y = r->mt[r->pos++];
    /* tempering */
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= y >> 18;
    return y;
}

double rng_random_sample(rng_state *r)
{
    uint32_t a = rng_next32(r) >> 5, b = rng_next32(r) >> 6;
    return ((double)a * 67108864.0 + (double)b) / 9007199254740992.0;
}

double rng_randn(rng_state *r)
{
    if (r->has_gauss) {
        r->has_gauss = 0;
        return r->gauss;
    }
    double x1, x2, r2;
    do {
        x1 = 2.0 * rng_random_sample(r) - 1.0;
        x2 = 2.0 * rng_random_sample(r) - 1.0;
        r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    double f = sqrt(-2.0 * log(r2) / r2);
    r->gauss = f * x1;
    r->has_gauss = 1;
    return f * x2;
}

void rng_randn_fill(rng_state *r, double *out, size_t n)
{
    for (size_t i = 0; i < n; i++) out[i] = rng_randn(r);
}

uint64_t rng_interval(rng_state *r, uint64_t max)
{
    if (max == 0) return 0;
    uint64_t mask = max;
    mask |= mask >> 1;
    mask |= mask >> 2;
    mask |= mask >> 4;
    mask |= mask >> 8;
    mask |= mask >> 16;
    mask |= mask >> 32;
    uint64_t v;
    if (max <= 0xffffffffU) {
        while ((v = (rng_next32(r) & mask)) > max) {}
    } else {
        /* NumPy draws 64 bits as two 32-bit words, high word first. */
        for (;;) {
            uint64_t hi = rng_next32(r), lo = rng_next32(r);
            v = ((hi << 32) | lo) & mask;
            if (v <= max) break;
        }
    }
    return v;
}

void rng_shuffle(rng_state *r, size_t *items, size_t n)
{
    for (size_t i = n; i-- > 1;) {
        size_t j = (size_t)rng_interval(r, i);
        size_t t = items[i];
        items[i] = items[j];
        items[j] = t;
    }
}

size_t rng_choice(rng_state *r, const double *p, size_t n, double *cdf)
{
    double acc = 0.0;
    for (size_t i = 0; i < n; i++) {
        acc += p[i];
        cdf[i] = acc;
    }
    double last = cdf[n - 1];
    for (size_t i = 0; i < n; i++) cdf[i] /= last;
    double u = rng_random_sample(r);
    /* searchsorted(side='right'): first i with cdf[i] > u */
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cdf[mid] <= u) lo = mid + 1;
        else hi = mid;
    }
    return lo < n ? lo : n - 1;
}
