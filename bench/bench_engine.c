/* bench_engine.c — how fast the char-RNN trains on this machine, against
 * what this machine can do at most. Built and run by bench/run.sh.
 *
 *   bench_engine DATA [--ref-rate R] [--quick]
 *
 * 1. The limit: the FP64 peak of independent multiply-then-add chains (what
 *    the kernels use: no FMA) at each kernel path's width, and the bound it
 *    gives in iterations per second: FLOPs of one course iteration =
 *    2·(3·n_a² + 3·V·n_a) per step × the mean steps of the examples trained
 *    + 3 per parameter for clipping and the update.
 * 2. Every kernel path this CPU runs: it/s over the course's 35,000
 *    iterations (best of 3), its share of the bound at its own width, and the
 *    ratio to the NumPy reference rate R measured in the same run.
 * 3. The default path at n_a = 50, 100, 200, 400: the cost must grow as
 *    3·n_a² + 3·V·n_a, so the share of the bound should hold or rise.
 * Each figure is printed next to its target with "ok" or "MISS".
 */
#include "kernels.h"
#include "trainer.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int quick;

/* GFLOP/s of one path's probe, the best of a few short runs. */
static double peak_gflops(const kernel_ops *k)
{
    double best = 0, flops, sink = 0;
    for (int r = 0; r < 5; r++) {
        double t0 = now_seconds();
        sink += k->mul_add_probe(quick ? 2000000 : 10000000, &flops);
        double dt = now_seconds() - t0;
        if (flops / dt > best) best = flops / dt;
    }
    if (sink == 42.0) printf(" "); /* uses the checksum */
    return best / 1e9;
}

typedef struct {
    double it_per_s;
    double flops_per_it;
} run_result;

/* Trains `iterations` iterations with path k; returns the best rate of
 * `rounds` runs and the FLOPs per iteration of those examples. */
static run_result train_rate(const kernel_ops *k, const char *data, int hidden, long iterations,
                             int rounds)
{
    run_result res = {0, 0};
    kernel_set_active(k);
    for (int r = 0; r < rounds; r++) {
        trainer t;
        trainer_config cfg;
        trainer_config_defaults(&cfg);
        cfg.data_path = data;
        cfg.hidden = hidden;
        cfg.iterations = iterations;
        char err[ERRBUF];
        if (trainer_init(&t, &cfg, err, sizeof err) != 0) {
            fprintf(stderr, "bench_engine: %s\n", err);
            exit(2);
        }
        double steps = 0;
        for (long j = 0; j < iterations; j++) {
            size_t ex = t.order[(size_t)j % t.data.n_examples];
            steps += (double)(t.data.offsets[ex + 1] - t.data.offsets[ex]) + 1;
        }
        double t0 = now_seconds();
        for (long j = 0; j < iterations; j++) trainer_step(&t, NULL);
        double dt = now_seconds() - t0;
        double n_a = hidden, V = t.data.V;
        res.flops_per_it = 2 * (3 * n_a * n_a + 3 * V * n_a) * steps / (double)iterations +
                           3.0 * (double)t.model.n_params;
        if (iterations / dt > res.it_per_s) res.it_per_s = iterations / dt;
        trainer_free(&t);
    }
    return res;
}

static const char *verdict(int ok) { return ok ? "ok" : "MISS"; }

int main(int argc, char **argv)
{
    const char *data = NULL;
    double ref_rate = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--ref-rate") == 0 && i + 1 < argc) ref_rate = atof(argv[++i]);
        else if (strcmp(argv[i], "--quick") == 0) quick = 1;
        else data = argv[i];
    }
    if (!data) {
        fprintf(stderr, "usage: bench_engine DATA [--ref-rate R] [--quick]\n");
        return 2;
    }
    const kernel_ops *def = kernel_active();
    const kernel_ops *paths[8];
    double peak[8];
    int n = 0;
    for (int i = 0; kernel_path(i) && n < 8; i++)
        if (kernel_supported(kernel_path(i))) paths[n++] = kernel_path(i);

    printf("== engine: FP64 peak (independent multiply + add chains, one core)\n");
    for (int i = 0; i < n; i++) {
        peak[i] = peak_gflops(paths[i]);
        printf("  %-8s (%d doubles): %6.1f GFLOP/s\n", paths[i]->name, paths[i]->lanes, peak[i]);
    }

    long iters = quick ? 10000 : 35000;
    int rounds = quick ? 1 : 3;
    printf("== engine: course configuration (n_a = 50, %ld iterations, best of %d), default path %s\n",
           iters, rounds, def->name);
    printf("  %-9s %9s %9s %7s %9s   %s\n", "path", "it/s", "bound", "share", "x NumPy", "targets");
    for (int i = 0; i < n; i++) {
        /* the peak again right before the run: this machine's speed drifts */
        double p_now = peak_gflops(paths[i]);
        if (p_now > peak[i]) peak[i] = p_now;
        run_result r = train_rate(paths[i], data, 50, iters, rounds);
        double bound = peak[i] * 1e9 / r.flops_per_it;
        double share = r.it_per_s / bound;
        double ratio = ref_rate > 0 ? r.it_per_s / ref_rate : 0;
        char targets[160] = "";
        const char *name = paths[i]->name;
        if (strcmp(name, "baseline") == 0)
            snprintf(targets, sizeof targets, ">= 15000 it/s %s", verdict(r.it_per_s >= 15000));
        else if (strcmp(name, "avx2") == 0)
            snprintf(targets, sizeof targets, ">= 35000 it/s %s, >= 55%% %s, >= 40x %s",
                     verdict(r.it_per_s >= 35000), verdict(share >= 0.55),
                     ref_rate > 0 ? verdict(ratio >= 40) : "(no reference)");
        else if (strcmp(name, "avx512") == 0)
            snprintf(targets, sizeof targets, ">= 50000 it/s %s", verdict(r.it_per_s >= 50000));
        printf("  %-9s %9.0f %9.0f %6.0f%% %9.1f   %s\n", name, r.it_per_s, bound, share * 100,
               ratio, targets);
        if (i == 0) printf("  (%.0f FLOPs per iteration)\n", r.flops_per_it);
    }

    int di = 0;
    for (int i = 0; i < n; i++)
        if (paths[i] == def) di = i;
    printf("== engine: hidden size, default path %s (cost per step 3·n_a² + 3·V·n_a)\n", def->name);
    printf("  %5s %9s %9s %7s %8s   %s\n", "n_a", "it/s", "bound", "share", "GFLOP/s", "targets");
    for (int h = 50; h <= 400; h *= 2) {
        long it = (long)(quick ? 2000 : 12000) * 2500 / (h * h) + 50;
        run_result r = train_rate(def, data, h, it, quick ? 1 : 2);
        double bound = peak[di] * 1e9 / r.flops_per_it;
        double share = r.it_per_s / bound;
        char targets[64] = "";
        if (h == 400) snprintf(targets, sizeof targets, ">= 50%% %s", verdict(share >= 0.50));
        printf("  %5d %9.0f %9.0f %6.0f%% %8.1f   %s\n", h, r.it_per_s, bound, share * 100,
               r.it_per_s * r.flops_per_it / 1e9, targets);
    }
    kernel_set_active(def);
    return 0;
}
