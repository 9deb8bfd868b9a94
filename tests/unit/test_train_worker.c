/* The worker thread shows exactly what `train --plain` computes; pause,
 * single steps, faults, save and sample requests. */
#include "testutil.h"

#include "paths.h"
#include "train_worker.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *data_path(void)
{
    char *p = paths_data_file("data/dinos.txt");
    assert_non_null(p);
    return p;
}

/* Polls the view until pred holds or ~20 s pass. */
static int wait_for(train_worker *w, int (*pred)(const tw_view *))
{
    for (int i = 0; i < 4000; i++) {
        tw_lock(w);
        int ok = pred(tw_get_view(w));
        tw_unlock(w);
        if (ok) return 1;
        usleep(5000);
    }
    return 0;
}

static int finished(const tw_view *v) { return v->state == TW_FINISHED || v->state == TW_FAULT; }

static void test_same_checkpoints_as_plain_trainer(void **state)
{
    trainer_config cfg;
    trainer_config_defaults(&cfg);
    char *path = data_path();
    cfg.data_path = path;
    cfg.iterations = 4001;
    char err[ERRBUF];

    trainer t;
    assert_int_equal(trainer_init(&t, &cfg, err, sizeof err), 0);
    double loss_at[3];
    char names[3][7][TRAINER_NAME_BYTES];
    int c = 0;
    for (long j = 0; j < cfg.iterations; j++) {
        trainer_step(&t, NULL);
        if (trainer_is_checkpoint(&t, j)) {
            loss_at[c] = t.loss;
            for (int k = 0; k < 7; k++) trainer_sample_name(&t, (unsigned)k, names[c][k]);
            c++;
        }
    }
    trainer_free(&t);

    train_worker *w = tw_new(-1);
    assert_int_equal(tw_start(w, &cfg, 0, err, sizeof err), 0);
    assert_true(wait_for(w, finished));
    tw_lock(w);
    const tw_view *v = tw_get_view(w);
    assert_int_equal(v->state, TW_FINISHED);
    assert_int_equal(v->iteration, 4001);
    assert_int_equal(v->n_checkpoints, 3);
    assert_int_equal(v->smooth.count, 4001);
    assert_int_equal(v->grad_norm.count, 4001);
    for (int k = 0; k < 3; k++) {
        assert_int_equal(v->checkpoints[k].iteration, 2000L * k);
        assert_true(v->checkpoints[k].loss == loss_at[k]);
        for (int n = 0; n < 7; n++) assert_string_equal(v->checkpoints[k].names[n], names[k][n]);
    }
    assert_true(v->it_per_s > 0);
    tw_unlock(w);
    tw_free(w);
    free(path);
}

static int one_done(const tw_view *v) { return v->iteration == 1 && v->has_step; }

static void test_pause_and_single_step(void **state)
{
    trainer_config cfg;
    trainer_config_defaults(&cfg);
    char *path = data_path();
    cfg.data_path = path;
    char err[ERRBUF];
    train_worker *w = tw_new(-1);
    assert_int_equal(tw_start(w, &cfg, 1, err, sizeof err), 0);
    usleep(50000);
    tw_lock(w);
    assert_int_equal(tw_get_view(w)->iteration, 0); /* paused: nothing ran */
    assert_int_equal(tw_get_view(w)->state, TW_PAUSED);
    tw_unlock(w);
    tw_step(w);
    assert_true(wait_for(w, one_done));
    usleep(50000);
    tw_lock(w);
    const tw_view *v = tw_get_view(w);
    assert_int_equal(v->iteration, 1); /* exactly one */
    assert_int_equal(v->step_iteration, 0);
    assert_true(strlen(v->step_name) > 0);
    assert_true(v->step_loss > 0);
    double clock = v->run_seconds;
    tw_unlock(w);
    usleep(100000);
    tw_lock(w);
    assert_true(tw_get_view(w)->run_seconds == clock); /* paused clock stands still */
    tw_unlock(w);
    tw_free(w);
    free(path);
}

static void test_exploding_gradients_fault(void **state)
{
    trainer_config cfg;
    trainer_config_defaults(&cfg);
    char *path = data_path();
    cfg.data_path = path;
    cfg.clip = 0;
    cfg.lr = 50;
    char err[ERRBUF];
    train_worker *w = tw_new(-1);
    assert_int_equal(tw_start(w, &cfg, 0, err, sizeof err), 0);
    assert_true(wait_for(w, finished));
    tw_lock(w);
    const tw_view *v = tw_get_view(w);
    assert_int_equal(v->state, TW_FAULT);
    assert_non_null(strstr(v->message, "exploding gradients; clipping is off"));
    assert_true(v->smooth.first_bad != SERIES_NONE);
    assert_true(v->iteration < cfg.iterations);
    tw_unlock(w);
    tw_free(w);
    free(path);
}

static int some_progress(const tw_view *v) { return v->iteration > 100; }

static void test_save_and_sample_while_running(void **state)
{
    trainer_config cfg;
    trainer_config_defaults(&cfg);
    char *path = data_path();
    cfg.data_path = path;
    char err[ERRBUF];
    train_worker *w = tw_new(-1);
    tw_set_pace(w, 2000);
    assert_int_equal(tw_start(w, &cfg, 0, err, sizeof err), 0);
    assert_true(wait_for(w, some_progress));
    char out[3][TRAINER_NAME_BYTES];
    assert_int_equal(tw_sample(w, 3, 0, "Tri", out, err, sizeof err), 0);
    for (int k = 0; k < 3; k++) assert_memory_equal(out[k], "Tri", 3);
    assert_int_equal(tw_sample(w, 1, 0, "龙", out, err, sizeof err), -1);
    assert_non_null(strstr(err, "never saw"));
    char model[] = "/tmp/seqtutor-test-model-XXXXXX";
    int fd = mkstemp(model);
    close(fd);
    assert_int_equal(tw_save(w, model, err, sizeof err), 0);
    size_t len = 0;
    char *bytes = file_read(model, 1 << 20, &len, err, sizeof err);
    assert_non_null(bytes);
    assert_memory_equal(bytes, "SEQTRNN\x1a", 8);
    free(bytes);
    unlink(model);
    assert_int_equal(tw_save(w, "/nonexistent-dir/m.bin", err, sizeof err), -1);
    assert_non_null(strstr(err, "/nonexistent-dir/m.bin"));
    tw_free(w);
    free(path);
}

static void test_bad_data_file(void **state)
{
    trainer_config cfg;
    trainer_config_defaults(&cfg);
    cfg.data_path = "/nonexistent/names.txt";
    char err[ERRBUF];
    train_worker *w = tw_new(-1);
    assert_int_equal(tw_start(w, &cfg, 0, err, sizeof err), -1);
    assert_non_null(strstr(err, "/nonexistent/names.txt: cannot open"));
    tw_lock(w);
    assert_int_equal(tw_get_view(w)->state, TW_IDLE);
    tw_unlock(w);
    tw_free(w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_checkpoints_as_plain_trainer),
        cmocka_unit_test(test_pause_and_single_step),
        cmocka_unit_test(test_exploding_gradients_fault),
        cmocka_unit_test(test_save_and_sample_while_running),
        cmocka_unit_test(test_bad_data_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
