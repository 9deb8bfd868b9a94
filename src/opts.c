/* opts.c — see opts.h. */
#include "opts.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static int parse_value(const char *cmd, const opt_spec *s, const char *v)
{
    char *end = NULL;
    errno = 0;
    if (s->kind == OPT_STRING) {
        *(const char **)s->target = v;
        return 0;
    }
    double x;
    if (s->kind == OPT_INT) {
        long long n = strtoll(v, &end, 10);
        x = (double)n;
    } else {
        x = strtod(v, &end);
    }
    if (!*v || !end || *end || errno == ERANGE || !isfinite(x)) {
        fprintf(stderr, "seqtutor %s: %s expects %s, not '%s'\n", cmd, s->name,
                s->kind == OPT_INT ? "a whole number" : "a number", v);
        return -1;
    }
    if (x < s->min || x > s->max) {
        if (s->kind == OPT_INT)
            fprintf(stderr, "seqtutor %s: %s must be between %.0f and %.0f, not %s\n", cmd, s->name,
                    s->min, s->max, v);
        else
            fprintf(stderr, "seqtutor %s: %s must be between %g and %g, not %s\n", cmd, s->name,
                    s->min, s->max, v);
        return -1;
    }
    if (s->kind == OPT_INT) *(int *)s->target = (int)x;
    else *(double *)s->target = x;
    return 0;
}

static void opts_help(FILE *out, const char *usage, const opt_spec *specs, int n_specs)
{
    fprintf(out, "%s\n\noptions:\n", usage);
    for (int k = 0; k < n_specs; k++) {
        const char *arg = specs[k].kind == OPT_FLAG ? "" : specs[k].kind == OPT_STRING ? " TEXT"
                        : specs[k].kind == OPT_INT ? " N" : " X";
        char left[48];
        snprintf(left, sizeof left, "%s%s", specs[k].name, arg);
        fprintf(out, "  %-22s %s\n", left, specs[k].help);
    }
    fprintf(out, "  %-22s %s\n", "--help", "show this help");
}

int opts_parse(const char *cmd, const char *usage, int argc, char **argv, const opt_spec *specs,
               int n_specs, const char **pos, int max_pos, int *n_pos)
{
    *n_pos = 0;
    int only_pos = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!only_pos && strcmp(a, "--") == 0) { only_pos = 1; continue; }
        if (!only_pos && (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)) {
            opts_help(stdout, usage, specs, n_specs);
            return OPTS_HELP;
        }
        if (only_pos || a[0] != '-' || a[1] == '\0') {
            if (*n_pos >= max_pos) {
                fprintf(stderr, "seqtutor %s: unexpected argument '%s'; see 'seqtutor %s --help'\n",
                        cmd, a, cmd);
                return OPTS_ERROR;
            }
            pos[(*n_pos)++] = a;
            continue;
        }
        const char *eq = strchr(a, '=');
        size_t len = eq ? (size_t)(eq - a) : strlen(a);
        const opt_spec *s = NULL;
        for (int k = 0; k < n_specs; k++)
            if (strlen(specs[k].name) == len && strncmp(specs[k].name, a, len) == 0) s = &specs[k];
        if (!s) {
            fprintf(stderr, "seqtutor %s: unknown option '%.*s'; see 'seqtutor %s --help'\n", cmd,
                    (int)len, a, cmd);
            return OPTS_ERROR;
        }
        if (s->kind == OPT_FLAG) {
            if (eq) {
                fprintf(stderr, "seqtutor %s: %s takes no value\n", cmd, s->name);
                return OPTS_ERROR;
            }
            *(int *)s->target = 1;
            continue;
        }
        const char *v = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
        if (!v) {
            fprintf(stderr, "seqtutor %s: %s needs a value\n", cmd, s->name);
            return OPTS_ERROR;
        }
        if (parse_value(cmd, s, v) != 0) return OPTS_ERROR;
    }
    return OPTS_OK;
}
