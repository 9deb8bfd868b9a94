/* trainer.c — see trainer.h. */
#include "trainer.h"

#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void trainer_config_defaults(trainer_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->data_path = NULL;
    cfg->iterations = 35000;
    cfg->every = 2000;
    cfg->names = 7;
    cfg->hidden = 50;
    cfg->lr = 0.01;
    cfg->clip = 1;
    cfg->clip_value = 5.0;
}

int trainer_init(trainer *t, const trainer_config *cfg, char *err, size_t errlen)
{
    memset(t, 0, sizeof *t);
    t->cfg = *cfg;
    if (corpus_load(&t->data, cfg->data_path, err, errlen) != 0) return -1;
    int V = t->data.V;
    int max_T = (int)t->data.max_len + 1;
    charrnn_init(&t->model, cfg->hidden, V, V, max_T < 2 ? 2 : max_T);
    charrnn_init_params(&t->model);

    size_t N = t->data.n_examples;
    t->order = xmalloc(N * sizeof *t->order);
    for (size_t i = 0; i < N; i++) t->order[i] = i;
    rng_state r;
    rng_seed(&r, 0);
    rng_shuffle(&r, t->order, N);

    t->X = xmalloc((size_t)(max_T + 1) * sizeof *t->X);
    t->Y = xmalloc((size_t)(max_T + 1) * sizeof *t->Y);
    t->a_prev = xcalloc((size_t)cfg->hidden, sizeof *t->a_prev);
    t->sample_buf = xmalloc((TRAINER_NAME_MAX + 1) * sizeof *t->sample_buf);
    t->iteration = 0;
    t->loss = -log(1.0 / V) * cfg->names;
    return 0;
}

void trainer_free(trainer *t)
{
    corpus_free(&t->data);
    charrnn_free(&t->model);
    free(t->order);
    free(t->X);
    free(t->Y);
    free(t->a_prev);
    free(t->sample_buf);
    memset(t, 0, sizeof *t);
}

void trainer_set_stop(trainer *t, const atomic_int *stop) { t->model.stop = stop; }

int trainer_step(trainer *t, trainer_step_info *info)
{
    long j = t->iteration;
    size_t ex = t->order[(size_t)j % t->data.n_examples];
    const int *name = t->data.tokens + t->data.offsets[ex];
    int len = (int)(t->data.offsets[ex + 1] - t->data.offsets[ex]);
    int T = len + 1;
    /* X = [None] + name, Y = name + ['\n'] */
    t->X[0] = -1;
    memcpy(t->X + 1, name, (size_t)len * sizeof *name);
    memcpy(t->Y, name, (size_t)len * sizeof *name);
    t->Y[len] = t->data.newline_ix;

    charrnn *m = &t->model;
    double cur = charrnn_forward(m, t->X, t->Y, T, t->a_prev);
    charrnn_backward(m, t->X, t->Y, T);
    if (charrnn_stopped(m)) return -1; /* parameters and state untouched */
    double norm = 0.0;
    int clipped = charrnn_clip_update(m, t->cfg.clip ? t->cfg.clip_value : INFINITY, t->cfg.lr, &norm);
    memcpy(t->a_prev, charrnn_last_a(m, T), (size_t)m->n_a * sizeof(double));
    t->loss = t->loss * 0.999 + cur * 0.001;
    t->iteration = j + 1;
    if (info) {
        info->iteration = j;
        info->loss = t->loss;
        info->example_loss = cur;
        info->grad_norm = norm;
        info->clipped = clipped;
        info->finite = isfinite(cur) && isfinite(norm) && isfinite(t->loss);
        info->example = ex;
    }
    return 0;
}

int trainer_is_checkpoint(const trainer *t, long j) { return t->cfg.every > 0 && j % t->cfg.every == 0; }

/* Renders sampled indices as print_sample does: every symbol but the final
 * newline, first letter upper-cased (ASCII). */
static void render_name(const corpus *v, const int *ix, int n, char *out)
{
    corpus_symbols_utf8(v, ix, n - 1, out, TRAINER_NAME_BYTES);
    if (out[0] >= 'a' && out[0] <= 'z') out[0] = (char)(out[0] - 32);
}

void trainer_sample_name(trainer *t, unsigned seed, char *out)
{
    trainer_sample_ex(&t->model, &t->data, &t->sample_rng, seed, NULL, 1.0, t->sample_buf, out);
}

int trainer_sample_ex(charrnn *m, const corpus *v, rng_state *r, unsigned seed, const char *prefix,
                      double temperature, int *buf, char *out)
{
    int pre[TRAINER_NAME_MAX];
    int n_pre = 0;
    if (prefix) {
        size_t len = strlen(prefix), i = 0;
        while (i < len && n_pre < TRAINER_NAME_MAX - 1) {
            uint32_t cp;
            size_t k = utf8_decode(prefix + i, len - i, &cp);
            if (k == 0) return -1;
            if (cp >= 'A' && cp <= 'Z') cp += 32;
            int ix = corpus_index_of(v, cp);
            if (ix < 0 || ix == v->newline_ix) return -1;
            pre[n_pre++] = ix;
            i += k;
        }
    }
    int n = charrnn_sample(m, r, seed, v->newline_ix, n_pre ? pre : NULL, n_pre, temperature,
                           TRAINER_NAME_MAX, buf);
    render_name(v, buf, n, out);
    return 0;
}
