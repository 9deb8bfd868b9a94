/* train_worker.c — see train_worker.h. */
#include "train_worker.h"

#include "model_io.h"
#include "util.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum {
    BATCH_MAX = 8192,     /* iterations between two publications, at most */
    RATE_SAMPLES = 64,    /* (time, iteration) pairs for the it/s estimate */
    RECENT_NORMS = 512,   /* gradient norms kept raw for the sparkline */
};
#define FULL_SPEED_BATCH_SECONDS 0.008 /* publish ~120 times a second at most */
#define PACED_WAIT_MIN 0.004  /* a fast pace runs a few iterations per wake, not one */
#define RATE_MIN_GAP 0.010    /* seconds between two samples of the it/s estimate */

typedef enum { REQ_NONE, REQ_SAVE, REQ_SAMPLE } request_kind;

struct train_worker {
    pthread_mutex_t mu;
    pthread_cond_t wake_worker;    /* controls changed or a request is waiting */
    pthread_cond_t request_done;
    pthread_t thread;
    int has_thread;
    int wake_fd;

    /* Owned by the worker thread while it runs; touched by others only with
     * the thread stopped (tw_start) or under mu between batches (requests). */
    trainer tr;
    int loaded;
    atomic_int stop;   /* set by stop_thread without the lock: ends a step or sample early */

    /* Shared, under mu. */
    tw_view view;
    size_t cap_checkpoints;
    int quit, paused, step_requests, clip;
    double pace;                        /* it/s, 0 = full speed */
    double pace_t0;                     /* pacing anchor: time and iteration */
    long pace_i0;
    double run_started;                 /* when the current running stretch began */
    double run_before;                  /* running seconds before that stretch */
    double rate_t[RATE_SAMPLES];
    long rate_i[RATE_SAMPLES];
    int rate_n, rate_head;

    request_kind req;
    int req_done, req_rc;
    const char *req_path, *req_prefix;
    int req_count;
    unsigned req_seed;
    char (*req_out)[TRAINER_NAME_BYTES];
    char *req_err;
    size_t req_errlen;

    /* Worker-local batch buffers. */
    double b_smooth[BATCH_MAX], b_example[BATCH_MAX], b_norm[BATCH_MAX];
    unsigned char b_clipped[BATCH_MAX];
    int sample_buf[TRAINER_NAME_MAX + 1];
    rng_state sample_rng;
};

static void wake_ui(train_worker *w)
{
    if (w->wake_fd >= 0) {
        char c = 1;
        ssize_t r = write(w->wake_fd, &c, 1); /* a full pipe already means "wake up" */
        (void)r;
    }
}

static void running_clock(train_worker *w, double now)
{
    w->view.run_seconds = w->run_before + (now - w->run_started);
}

static void record_rate(train_worker *w, double now)
{
    /* Paced batches can be a fraction of a millisecond apart; samples that
     * close would make the ring span less than the 50 ms the estimate needs,
     * so the newest sample is moved forward instead of adding one. */
    int newest = (w->rate_head - 1 + RATE_SAMPLES) % RATE_SAMPLES;
    if (w->rate_n > 1 && now - w->rate_t[(newest - 1 + RATE_SAMPLES) % RATE_SAMPLES] < RATE_MIN_GAP) {
        w->rate_t[newest] = now;
        w->rate_i[newest] = w->view.iteration;
    } else {
        w->rate_t[w->rate_head] = now;
        w->rate_i[w->rate_head] = w->view.iteration;
        w->rate_head = (w->rate_head + 1) % RATE_SAMPLES;
        if (w->rate_n < RATE_SAMPLES) w->rate_n++;
    }
    /* the oldest sample within the last second (or the oldest there is) */
    int best = -1;
    for (int k = 0; k < w->rate_n; k++) {
        int idx = (w->rate_head - 1 - k + 2 * RATE_SAMPLES) % RATE_SAMPLES;
        if (now - w->rate_t[idx] > 1.0 && best >= 0) break;
        best = idx;
    }
    double dt = now - w->rate_t[best];
    if (dt > 0.05) w->view.it_per_s = (double)(w->view.iteration - w->rate_i[best]) / dt;
}

static void add_checkpoint(train_worker *w, long j)
{
    if (w->view.n_checkpoints == w->cap_checkpoints) {
        w->cap_checkpoints = w->cap_checkpoints ? 2 * w->cap_checkpoints : 32;
        w->view.checkpoints =
            xrealloc(w->view.checkpoints, w->cap_checkpoints * sizeof *w->view.checkpoints);
    }
    tw_checkpoint *c = &w->view.checkpoints[w->view.n_checkpoints++];
    c->iteration = j;
    c->loss = w->tr.loss;
    c->n_names = w->tr.cfg.names < TW_MAX_NAMES ? w->tr.cfg.names : TW_MAX_NAMES;
    for (int k = 0; k < c->n_names; k++) {
        if (charrnn_stopped(&w->tr.model)) { c->n_names = k; break; }
        trainer_sample_name(&w->tr, (unsigned)k, c->names[k]);
    }
}

static void set_fault(train_worker *w, long j, const char *what)
{
    w->view.state = TW_FAULT;
    w->view.fault_iteration = j;
    snprintf(w->view.message, sizeof w->view.message,
             "the %s became NaN or infinite at iteration %ld — exploding gradients%s; "
             "see lesson 5",
             what, j, w->tr.cfg.clip ? "" : "; clipping is off");
}

static void handle_request(train_worker *w)
{
    char err[ERRBUF];
    if (w->req == REQ_SAVE) {
        w->req_rc = model_save(w->req_path, &w->tr.model, &w->tr.data, w->tr.iteration, w->tr.loss,
                               err, sizeof err);
        if (w->req_rc) snprintf(w->req_err, w->req_errlen, "%s", err);
    } else if (w->req == REQ_SAMPLE) {
        w->req_rc = 0;
        for (int k = 0; k < w->req_count; k++) {
            if (trainer_sample_ex(&w->tr.model, &w->tr.data, &w->sample_rng, w->req_seed + (unsigned)k,
                                  w->req_prefix, 1.0, w->sample_buf, w->req_out[k]) != 0) {
                snprintf(w->req_err, w->req_errlen,
                         "the prefix '%s' has a character the model never saw", w->req_prefix);
                w->req_rc = -1;
                break;
            }
        }
    }
    w->req = REQ_NONE;
    w->req_done = 1;
    pthread_cond_broadcast(&w->request_done);
}

/* How many iterations the pace allows now (at least 1 at full speed). */
static long iterations_due(train_worker *w, double now)
{
    long left = w->tr.cfg.iterations - w->view.iteration;
    if (w->pace <= 0) return left < BATCH_MAX ? left : BATCH_MAX;
    long due = w->pace_i0 + (long)((now - w->pace_t0) * w->pace) - w->view.iteration;
    if (due > left) due = left;
    if (due > BATCH_MAX) due = BATCH_MAX;
    return due < 0 ? 0 : due;
}

static void timed_wait(train_worker *w, double seconds)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    long ns = ts.tv_nsec + (long)(seconds * 1e9);
    ts.tv_sec += ns / 1000000000L;
    ts.tv_nsec = ns % 1000000000L;
    pthread_cond_timedwait(&w->wake_worker, &w->mu, &ts);
}

static void *worker_main(void *arg)
{
    train_worker *w = arg;
    pthread_mutex_lock(&w->mu);
    while (!w->quit) {
        if (w->req != REQ_NONE) {
            handle_request(w);
            continue;
        }
        int can_run = w->view.state == TW_RUNNING || w->view.state == TW_PAUSED;
        int stepping = w->step_requests > 0;
        if (!can_run || (w->paused && !stepping)) {
            pthread_cond_wait(&w->wake_worker, &w->mu);
            continue;
        }
        double now = now_seconds();
        long n = stepping ? 1 : iterations_due(w, now);
        if (n <= 0) {
            timed_wait(w, 1.0 / w->pace > PACED_WAIT_MIN ? 1.0 / w->pace : PACED_WAIT_MIN);
            continue;
        }
        if (stepping) w->step_requests--;
        w->tr.cfg.clip = w->clip;
        long start = w->tr.iteration;
        pthread_mutex_unlock(&w->mu);

        /* The batch, without the lock. It ends early at a checkpoint (so
         * names are published with their iteration) or a fault. */
        long done = 0;
        int fault = 0, checkpoint = 0;
        trainer_step_info info;
        double t0 = now_seconds();
        int stopped = 0;
        while (done < n) {
            if (trainer_step(&w->tr, &info) != 0) { stopped = 1; break; }
            w->b_smooth[done] = info.loss;
            w->b_example[done] = info.example_loss;
            w->b_norm[done] = info.grad_norm;
            w->b_clipped[done] = (unsigned char)info.clipped;
            done++;
            if (!info.finite) { fault = 1; break; }
            if (trainer_is_checkpoint(&w->tr, info.iteration)) { checkpoint = 1; break; }
            /* the clock after every step: a step of a big model takes
             * milliseconds, and the UI must not wait for many of them */
            if (w->pace <= 0 && now_seconds() - t0 > FULL_SPEED_BATCH_SECONDS) break;
        }
        int params_ok = !checkpoint || charrnn_params_finite(&w->tr.model);

        pthread_mutex_lock(&w->mu);
        if (stopped) continue; /* stop_thread is waiting; nothing new to publish */
        for (long k = 0; k < done; k++) {
            series_append(&w->view.smooth, w->b_smooth[k]);
            series_append(&w->view.example, w->b_example[k]);
            series_append_marked(&w->view.grad_norm, w->b_norm[k], w->b_clipped[k]);
        }
        w->view.iteration = w->tr.iteration;
        w->view.loss = w->tr.loss;
        if (stepping) {
            trainer *t = &w->tr;
            const int *name = t->data.tokens + t->data.offsets[info.example];
            int len = (int)(t->data.offsets[info.example + 1] - t->data.offsets[info.example]);
            corpus_symbols_utf8(&t->data, name, len, w->view.step_name, sizeof w->view.step_name);
            w->view.has_step = 1;
            w->view.step_iteration = start;
            w->view.step_loss = info.example_loss;
        }
        if (fault) {
            set_fault(w, info.iteration, "loss");
        } else if (!params_ok) {
            set_fault(w, info.iteration, "parameters");
        } else {
            if (checkpoint) add_checkpoint(w, info.iteration);
            if (w->tr.iteration >= w->tr.cfg.iterations) w->view.state = TW_FINISHED;
        }
        now = now_seconds();
        if (!w->paused) {
            running_clock(w, now);
            record_rate(w, now);
        }
        if (w->view.state != TW_RUNNING && w->view.state != TW_PAUSED && !w->paused) {
            w->run_before = w->view.run_seconds;
        }
        wake_ui(w);
    }
    pthread_mutex_unlock(&w->mu);
    return NULL;
}

train_worker *tw_new(int wake_fd)
{
    train_worker *w = xcalloc(1, sizeof *w);
    atomic_init(&w->stop, 0);
    pthread_mutex_init(&w->mu, NULL);
    pthread_cond_init(&w->wake_worker, NULL);
    pthread_cond_init(&w->request_done, NULL);
    w->wake_fd = wake_fd;
    w->pace = 0;
    w->clip = 1;
    series_init(&w->view.smooth, 0);
    series_init(&w->view.example, 0);
    series_init(&w->view.grad_norm, RECENT_NORMS);
    w->view.state = TW_IDLE;
    return w;
}

static void stop_thread(train_worker *w)
{
    if (!w->has_thread) return;
    /* First the flag the running step polls (so it ends within one time step
     * of the recurrence), then the lock, which the worker then gives up. */
    atomic_store(&w->stop, 1);
    pthread_mutex_lock(&w->mu);
    w->quit = 1;
    pthread_cond_broadcast(&w->wake_worker);
    pthread_mutex_unlock(&w->mu);
    pthread_join(w->thread, NULL);
    w->has_thread = 0;
    w->quit = 0;
    atomic_store(&w->stop, 0);
}

void tw_free(train_worker *w)
{
    if (!w) return;
    stop_thread(w);
    if (w->loaded) trainer_free(&w->tr);
    series_free(&w->view.smooth);
    series_free(&w->view.example);
    series_free(&w->view.grad_norm);
    free(w->view.checkpoints);
    pthread_mutex_destroy(&w->mu);
    pthread_cond_destroy(&w->wake_worker);
    pthread_cond_destroy(&w->request_done);
    free(w);
}

int tw_start(train_worker *w, const trainer_config *cfg, int paused, char *err, size_t errlen)
{
    stop_thread(w);
    if (w->loaded) trainer_free(&w->tr);
    w->loaded = 0;
    tw_view *v = &w->view;
    series_clear(&v->smooth);
    series_clear(&v->example);
    series_clear(&v->grad_norm);
    v->n_checkpoints = 0;
    v->iteration = 0;
    v->run_seconds = v->it_per_s = 0;
    v->has_step = 0;
    v->message[0] = '\0';
    v->cfg = *cfg;
    snprintf(v->data_path, sizeof v->data_path, "%s", cfg->data_path ? cfg->data_path : "");
    w->run_before = 0;
    w->rate_n = w->rate_head = 0;
    w->step_requests = 0;
    if (trainer_init(&w->tr, cfg, err, errlen) != 0) {
        v->state = TW_IDLE;
        snprintf(v->message, sizeof v->message, "%s", err);
        return -1;
    }
    w->loaded = 1;
    trainer_set_stop(&w->tr, &w->stop);
    w->clip = cfg->clip;
    v->data_bytes = w->tr.data.n_bytes;
    v->n_examples = w->tr.data.n_examples;
    v->vocab = w->tr.data.V;
    v->loss = w->tr.loss;
    v->state = paused ? TW_PAUSED : TW_RUNNING;
    w->paused = paused;
    double now = now_seconds();
    w->run_started = w->pace_t0 = now;
    w->pace_i0 = 0;
    if (pthread_create(&w->thread, NULL, worker_main, w) != 0)
        die("cannot start the training thread");
    w->has_thread = 1;
    return 0;
}

void tw_set_paused(train_worker *w, int paused)
{
    pthread_mutex_lock(&w->mu);
    double now = now_seconds();
    if (paused && !w->paused) {
        if (w->view.state == TW_RUNNING) running_clock(w, now);
        w->run_before = w->view.run_seconds;
    } else if (!paused && w->paused) {
        w->run_started = w->pace_t0 = now;
        w->pace_i0 = w->view.iteration;
        w->rate_n = 0;
    }
    w->paused = paused;
    if (w->view.state == TW_RUNNING || w->view.state == TW_PAUSED)
        w->view.state = paused ? TW_PAUSED : TW_RUNNING;
    pthread_cond_broadcast(&w->wake_worker);
    pthread_mutex_unlock(&w->mu);
}

void tw_step(train_worker *w)
{
    tw_set_paused(w, 1);
    pthread_mutex_lock(&w->mu);
    w->step_requests++;
    pthread_cond_broadcast(&w->wake_worker);
    pthread_mutex_unlock(&w->mu);
}

void tw_set_pace(train_worker *w, double its_per_s)
{
    pthread_mutex_lock(&w->mu);
    w->pace = its_per_s > 0 ? its_per_s : 0;
    w->pace_t0 = now_seconds();
    w->pace_i0 = w->view.iteration;
    pthread_cond_broadcast(&w->wake_worker);
    pthread_mutex_unlock(&w->mu);
}

double tw_pace(train_worker *w)
{
    pthread_mutex_lock(&w->mu);
    double p = w->pace;
    pthread_mutex_unlock(&w->mu);
    return p;
}

void tw_set_clip(train_worker *w, int on)
{
    pthread_mutex_lock(&w->mu);
    w->clip = on;
    w->view.cfg.clip = on;
    pthread_mutex_unlock(&w->mu);
}

static int run_request(train_worker *w, char *err, size_t errlen)
{
    if (!w->loaded || !w->has_thread) {
        snprintf(err, errlen, "nothing is trained yet");
        return -1;
    }
    w->req_err = err;
    w->req_errlen = errlen;
    w->req_done = 0;
    pthread_cond_broadcast(&w->wake_worker);
    while (!w->req_done) pthread_cond_wait(&w->request_done, &w->mu);
    return w->req_rc;
}

int tw_save(train_worker *w, const char *path, char *err, size_t errlen)
{
    pthread_mutex_lock(&w->mu);
    w->req = REQ_SAVE;
    w->req_path = path;
    int rc = run_request(w, err, errlen);
    w->req = REQ_NONE;
    pthread_mutex_unlock(&w->mu);
    return rc;
}

int tw_sample(train_worker *w, int count, unsigned seed, const char *prefix,
              char (*out)[TRAINER_NAME_BYTES], char *err, size_t errlen)
{
    pthread_mutex_lock(&w->mu);
    w->req = REQ_SAMPLE;
    w->req_count = count;
    w->req_seed = seed;
    w->req_prefix = prefix && *prefix ? prefix : NULL;
    w->req_out = out;
    int rc = run_request(w, err, errlen);
    w->req = REQ_NONE;
    pthread_mutex_unlock(&w->mu);
    return rc;
}

void tw_lock(train_worker *w) { pthread_mutex_lock(&w->mu); }
void tw_unlock(train_worker *w) { pthread_mutex_unlock(&w->mu); }
const tw_view *tw_get_view(train_worker *w) { return &w->view; }
