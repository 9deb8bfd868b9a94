/* paths.c — see paths.h. */
#include "paths.h"

#include "config.h"
#include "lang.h"
#include "progress.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { N_CANDIDATES = 5 };

static int is_data_home(const char *dir)
{
    if (!dir || !*dir) return 0;
    char *content = paths_join(dir, "content");
    struct stat st;
    int ok = stat(content, &st) == 0 && S_ISDIR(st.st_mode);
    free(content);
    return ok;
}

char *paths_join(const char *dir, const char *rel)
{
    size_t a = strlen(dir), b = strlen(rel);
    char *p = xmalloc(a + b + 2);
    memcpy(p, dir, a);
    size_t n = a;
    if (n == 0 || p[n - 1] != '/') p[n++] = '/';
    memcpy(p + n, rel, b + 1);
    return p;
}

/* The directory of the running executable (from /proc/self/exe), or NULL.
 * Nothing about where the program was built is compiled in, so two builds
 * of one commit are the same bytes wherever they were made. */
static const char *exe_dir(void)
{
    static char buf[4096];
    static int done;
    if (done) return buf[0] ? buf : NULL;
    done = 1;
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0 || (size_t)n >= sizeof buf - 1) {
        buf[0] = '\0';
        return NULL;
    }
    buf[n] = '\0';
    char *slash = strrchr(buf, '/');
    if (!slash) {
        buf[0] = '\0';
        return NULL;
    }
    *slash = '\0';
    if (!buf[0]) strcpy(buf, "/");
    return buf;
}

/* p without "..", when it exists (for the report); takes ownership of p. */
static char *canonical(char *p)
{
    char *r = realpath(p, NULL);
    if (!r) return p;
    free(p);
    return r;
}

static void candidates(const char *out[N_CANDIDATES], const char *names[N_CANDIDATES])
{
    static char *prefix_share, *beside, *above, *installed;
    static int done;
    if (!done) {
        done = 1;
        prefix_share = paths_join(SEQTUTOR_PREFIX, "share/seqtutor");
        const char *d = exe_dir();
        if (d) {
            beside = xstrdup(d);
            above = canonical(paths_join(d, ".."));
            installed = canonical(paths_join(d, "../share/seqtutor"));
        }
    }
    out[0] = getenv("SEQTUTOR_HOME");
    names[0] = "$SEQTUTOR_HOME";
    out[1] = beside;
    names[1] = "program's folder";
    out[2] = above;
    names[2] = "the one above";
    out[3] = installed;
    names[3] = "../share/seqtutor";
    out[4] = prefix_share;
    names[4] = "install prefix";
}

const char *paths_home(void)
{
    static const char *home;
    static int done;
    if (done) return home;
    const char *c[N_CANDIDATES], *names[N_CANDIDATES];
    candidates(c, names);
    for (int i = 0; i < N_CANDIDATES; i++)
        if (is_data_home(c[i])) { home = c[i]; break; }
    done = 1;
    return home;
}

void paths_report(FILE *out)
{
    const char *c[N_CANDIDATES], *names[N_CANDIDATES];
    candidates(c, names);
    const char *home = paths_home();
    fprintf(out, "data files, searched in order:\n");
    for (int i = 0; i < N_CANDIDATES; i++) {
        const char *state = !c[i] || !*c[i] ? "not set"
                          : c[i] == home    ? "found, in use"
                          : is_data_home(c[i]) ? "found"
                                               : "no content/ here";
        fprintf(out, "  %-17s %s (%s)\n", names[i], c[i] && *c[i] ? c[i] : "-", state);
    }
    if (!home) fprintf(out, "  none found: set SEQTUTOR_HOME to a folder with content/\n");
    fprintf(out, "state directory:  %s\n", paths_state_dir());
}

char *paths_data_file(const char *rel)
{
    const char *home = paths_home();
    return home ? paths_join(home, rel) : NULL;
}

const char *paths_state_dir(void)
{
    static char *dir;
    if (dir) return dir;
    const char *xdg = getenv("XDG_STATE_HOME");
    if (xdg && *xdg == '/') {
        dir = paths_join(xdg, "seqtutor");
    } else {
        const char *home = getenv("HOME");
        char *base = paths_join(home && *home ? home : "/tmp", ".local/state");
        dir = paths_join(base, "seqtutor");
        free(base);
    }
    return dir;
}

int paths_ensure_state_dir(char *err, size_t errlen)
{
    if (make_dirs(paths_state_dir()) != 0) {
        snprintf(err, errlen, "%s: cannot create the state directory: %s", paths_state_dir(),
                 strerror(errno));
        return -1;
    }
    return 0;
}

const char *paths_lang(const char *flag)
{
    if (flag) return lang_parse(flag);
    char *path = paths_join(paths_state_dir(), "progress");
    const char *lang = lang_choose(NULL, progress_peek_lang(path));
    free(path);
    return lang;
}
