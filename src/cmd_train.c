/* cmd_train.c — `seqtutor train` and `seqtutor sample`, the plain front end
 * of the trainer. The training panel (tui_train.c) drives the same trainer. */
#include "commands.h"
#include "model_io.h"
#include "opts.h"
#include "paths.h"
#include "trainer.h"
#include "tui.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* JSON string with the escapes JSON requires; UTF-8 passes through. */
static void json_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') fprintf(out, "\\%c", c);
        else if (c == '\n') fputs("\\n", out);
        else if (c < 0x20) fprintf(out, "\\u%04x", c);
        else fputc(c, out);
    }
    fputc('"', out);
}

/* The notebook's checkpoint: "Iteration: %d, Loss: %f", a blank line, the
 * names, two blank lines. */
static void print_checkpoint(trainer *t, long j, int json, double it_per_s)
{
    char name[TRAINER_NAME_BYTES];
    if (json) {
        printf("{\"iteration\":%ld,\"loss\":%.17g,\"names\":[", j, t->loss);
        for (int k = 0; k < t->cfg.names; k++) {
            trainer_sample_name(t, (unsigned)k, name);
            if (k) putchar(',');
            json_string(stdout, name);
        }
        printf("],\"it_per_s\":%.1f}\n", it_per_s);
        return;
    }
    if (isnan(t->loss)) printf("Iteration: %ld, Loss: nan\n\n", j);
    else printf("Iteration: %ld, Loss: %f\n\n", j, t->loss);
    for (int k = 0; k < t->cfg.names; k++) {
        trainer_sample_name(t, (unsigned)k, name);
        printf("%s\n", name);
    }
    printf("\n\n");
}

/* Peak resident memory of this process image in KiB (VmHWM), or -1. */
static long peak_rss_kib(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    if (!f) return -1;
    char line[256];
    long kib = -1;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "VmHWM: %ld kB", &kib) == 1) break;
    fclose(f);
    return kib;
}

static int train_plain(const trainer_config *cfg, int json, const char *save_path, int stats)
{
    trainer t;
    char err[ERRBUF];
    if (trainer_init(&t, cfg, err, sizeof err) != 0) {
        fprintf(stderr, "seqtutor train: %s\n", err);
        return 2;
    }
    double start = now_seconds();
    int status = 0;
    trainer_step_info info;
    for (long j = 0; j < cfg->iterations; j++) {
        trainer_step(&t, &info);
        if (!info.finite) {
            fflush(stdout);
            fprintf(stderr,
                    "seqtutor train: the loss became %s at iteration %ld — exploding gradients%s; "
                    "training stopped (see lesson 5)\n",
                    isnan(info.example_loss) || isnan(info.loss) ? "NaN" : "infinite", j,
                    cfg->clip ? "" : " (clipping is off)");
            status = 1;
            break;
        }
        if (trainer_is_checkpoint(&t, j)) {
            double el = now_seconds() - start;
            print_checkpoint(&t, j, json, el > 0 ? (double)(j + 1) / el : 0.0);
        }
    }
    fflush(stdout);
    if (stats) {
        double el = now_seconds() - start;
        fprintf(stderr,
                "trained %ld iterations in %.3f s (%.0f it/s); peak memory %ld KiB; kernel path %s\n",
                t.iteration, el, el > 0 ? (double)t.iteration / el : 0.0, peak_rss_kib(),
                t.model.k->name);
    }
    if (save_path && status == 0) {
        if (model_save(save_path, &t.model, &t.data, t.iteration, t.loss, err, sizeof err) != 0) {
            fprintf(stderr, "seqtutor train: %s\n", err);
            status = 2;
        }
    }
    trainer_free(&t);
    return status;
}

int cmd_train(int argc, char **argv)
{
    trainer_config cfg;
    trainer_config_defaults(&cfg);
    int plain = 0, json = 0, no_clip = 0, stats = 0, iterations = (int)cfg.iterations;
    const char *save = NULL, *lang = NULL;
    const opt_spec specs[] = {
        {"--plain", OPT_FLAG, &plain, 0, 0, "print checkpoints instead of opening the panel"},
        {"--data", OPT_STRING, &cfg.data_path, 0, 0, "names file, one per line (default data/dinos.txt)"},
        {"--iterations", OPT_INT, &iterations, 1, 2e9, "iterations to train (default 35000)"},
        {"--every", OPT_INT, &cfg.every, 1, 2e9, "iterations between checkpoints (default 2000)"},
        {"--names", OPT_INT, &cfg.names, 0, 1000, "names sampled at each checkpoint (default 7)"},
        {"--hidden", OPT_INT, &cfg.hidden, 1, 1024, "hidden units n_a (default 50)"},
        {"--lr", OPT_DOUBLE, &cfg.lr, 0, 1e6, "learning rate (default 0.01)"},
        {"--no-clip", OPT_FLAG, &no_clip, 0, 0, "do not clip gradients (default: clip to ±5)"},
        {"--save", OPT_STRING, &save, 0, 0, "write the trained model to this file"},
        {"--json", OPT_FLAG, &json, 0, 0, "one JSON object per checkpoint (with --plain)"},
        {"--stats", OPT_FLAG, &stats, 0, 0, "print speed, peak memory and the kernel path on stderr at the end"},
        {"--lang", OPT_STRING, &lang, 0, 0, "zh or en (the panel's language)"},
    };
    const char *pos[1];
    int n_pos;
    static const char usage[] =
        "usage: seqtutor train [--plain] [options]\n\n"
        "Trains the course's character-level RNN on a names file. With --plain the\n"
        "checkpoints are printed exactly as the course notebook prints them; without it\n"
        "(on a terminal) the live training panel opens.";
    int rc = opts_parse("train", usage, argc, argv, specs, sizeof specs / sizeof specs[0], pos, 0,
                        &n_pos);
    if (rc == OPTS_HELP) return 0;
    if (rc != OPTS_OK) return 2;
    cfg.iterations = iterations;
    cfg.clip = !no_clip;
    char *default_data = NULL;
    if (!cfg.data_path) {
        default_data = paths_data_file("data/dinos.txt");
        if (!default_data) {
            fprintf(stderr, "seqtutor train: no data home found (see 'seqtutor --version'); "
                            "give a names file with --data FILE\n");
            return 2;
        }
        cfg.data_path = default_data;
    }
    const char *term = getenv("TERM");
    if (!plain && (!isatty(STDOUT_FILENO) || !isatty(STDIN_FILENO) || !term ||
                   strcmp(term, "dumb") == 0))
        plain = 1;
    if (plain) {
        rc = train_plain(&cfg, json, save, stats);
    } else {
        tui_start s;
        tui_start_defaults(&s);
        s.screen = TUI_TRAIN;
        s.lang = lang;
        s.train = cfg;
        rc = tui_run(&s);
    }
    free(default_data);
    return rc;
}

int cmd_sample(int argc, char **argv)
{
    const char *model_path = NULL, *prefix = NULL;
    int count = 7, seed = 0;
    double temperature = 1.0;
    const opt_spec specs[] = {
        {"--model", OPT_STRING, &model_path, 0, 0, "model file written by 'train --save' (required)"},
        {"--count", OPT_INT, &count, 1, 100000, "names to sample (default 7)"},
        {"--seed", OPT_INT, &seed, 0, 2e9, "seed of the first name; name k uses seed+k (default 0)"},
        {"--prefix", OPT_STRING, &prefix, 0, 0, "every name begins with this text"},
        {"--temperature", OPT_DOUBLE, &temperature, 0.01, 100, "divides the logits (default 1)"},
    };
    const char *pos[1];
    int n_pos;
    static const char usage[] =
        "usage: seqtutor sample --model FILE [options]\n\n"
        "Samples names from a trained model, as the course's sample() does.";
    int rc = opts_parse("sample", usage, argc, argv, specs, sizeof specs / sizeof specs[0], pos, 0,
                        &n_pos);
    if (rc == OPTS_HELP) return 0;
    if (rc != OPTS_OK) return 2;
    if (!model_path) {
        fprintf(stderr, "seqtutor sample: --model FILE is required\n");
        return 2;
    }
    charrnn m;
    corpus v;
    char err[ERRBUF];
    if (model_load(model_path, &m, &v, NULL, NULL, err, sizeof err) != 0) {
        fprintf(stderr, "seqtutor sample: %s\n", err);
        return 2;
    }
    rng_state r;
    int buf[TRAINER_NAME_MAX + 1];
    char name[TRAINER_NAME_BYTES];
    rc = 0;
    for (int k = 0; k < count; k++) {
        if (trainer_sample_ex(&m, &v, &r, (unsigned)(seed + k), prefix, temperature, buf, name) != 0) {
            fprintf(stderr, "seqtutor sample: the prefix '%s' uses a character the model never saw\n",
                    prefix);
            rc = 2;
            break;
        }
        printf("%s\n", name);
    }
    charrnn_free(&m);
    corpus_free(&v);
    return rc;
}
