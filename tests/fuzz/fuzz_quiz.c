/* fuzz_quiz.c — libFuzzer target: the quiz parser and checker on any bytes,
 * then the diagnostic printer and a comparison of the result with itself,
 * so every path that reads a parsed file runs too. Built by tests/fuzz/run.sh. */
#include "quiz.h"

#include <locale.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *sink;
    if (!sink) {
        setlocale(LC_ALL, "C.UTF-8");
        sink = fopen("/dev/null", "w");
    }
    quiz_file *qf = quiz_parse("fuzz.quiz", (const char *)data, size);
    /* the contract: sorted diagnostics with sane positions and valid text */
    for (size_t i = 0; i < qf->n_diags; i++) {
        const quiz_diag *d = &qf->diags[i];
        if (d->line < 1 || d->col < 1 || !d->message[0]) __builtin_trap();
        if (i > 0 && (qf->diags[i - 1].line > d->line ||
                      (qf->diags[i - 1].line == d->line && qf->diags[i - 1].col > d->col)))
            __builtin_trap();
    }
    if (qf->n_errors + qf->n_warnings < qf->n_diags) __builtin_trap();
    if (qf->n_errors == 0) {
        for (size_t i = 0; i < qf->n_questions; i++) {
            const quiz_question *q = &qf->questions[i];
            if (q->n_options < 2 || q->n_options > QUIZ_MAX_OPTIONS || q->n_blocks == 0) __builtin_trap();
            if (q->kind == QUIZ_SINGLE && q->n_correct != 1) __builtin_trap();
            if (q->kind == QUIZ_MULTI && q->n_correct == 0) __builtin_trap();
        }
    }
    if (sink) quiz_print_diags(sink, qf, 1);
    quiz_compare_versions(qf, qf, "same.quiz");
    quiz_free(qf);
    return 0;
}
