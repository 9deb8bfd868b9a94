/* opts.h — one small option parser for every subcommand.
 *
 * Options are "--name VALUE" or "--name=VALUE" (flags take no value).
 * Numbers are checked against [min, max]; a bad value, an unknown option or a
 * missing value prints one line "seqtutor CMD: ..." to stderr and makes
 * opts_parse return OPTS_ERROR (the caller exits with status 2). "--help" or
 * "-h" prints the usage text and every option (opts_help) to stdout and makes
 * it return OPTS_HELP (the caller exits with status 0). Other arguments are positional and are
 * collected in order into pos (at most max_pos, more is an error).
 */
#ifndef SEQTUTOR_OPTS_H
#define SEQTUTOR_OPTS_H

#include <stdio.h>

typedef enum { OPT_FLAG, OPT_INT, OPT_DOUBLE, OPT_STRING } opt_kind;

typedef struct {
    const char *name;  /* "--iterations" */
    opt_kind kind;
    void *target;      /* int* (FLAG and INT), double*, const char** */
    double min, max;   /* accepted range for INT and DOUBLE */
    const char *help;  /* one line, with the default */
} opt_spec;

enum { OPTS_OK = 0, OPTS_HELP = 1, OPTS_ERROR = 2 };

int opts_parse(const char *cmd, const char *usage, int argc, char **argv, const opt_spec *specs,
               int n_specs, const char **pos, int max_pos, int *n_pos);

#endif
