/* kernels.c — see kernels.h: which paths exist, which this CPU runs, and
 * SEQTUTOR_KERNEL. */
#include "kernels.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define HAVE_X86_PATHS 1
#endif

extern const kernel_ops kernel_baseline;
#ifdef HAVE_X86_PATHS
extern const kernel_ops kernel_avx2;
extern const kernel_ops kernel_avx512;
#endif

static const kernel_ops *const paths[] = {
    &kernel_baseline,
#ifdef HAVE_X86_PATHS
    &kernel_avx2,
    &kernel_avx512,
#endif
    NULL,
};

static const kernel_ops *active;

const kernel_ops *kernel_path(int i)
{
    if (i < 0 || i >= (int)(sizeof paths / sizeof paths[0])) return NULL;
    return paths[i];
}

int kernel_supported(const kernel_ops *k)
{
    if (!k) return 0;
    if (k == &kernel_baseline) return 1;
#ifdef HAVE_X86_PATHS
    /* __builtin_cpu_supports also checks that the OS saves the wide
     * registers (XCR0), not only the CPUID bit. */
    __builtin_cpu_init();
    if (k == &kernel_avx2) return __builtin_cpu_supports("avx2") != 0;
    if (k == &kernel_avx512) return __builtin_cpu_supports("avx512f") != 0;
#endif
    return 0;
}

const kernel_ops *kernel_find(const char *name)
{
    for (int i = 0; paths[i]; i++)
        if (strcmp(paths[i]->name, name) == 0) return paths[i];
    return NULL;
}

const kernel_ops *kernel_best(void)
{
    const kernel_ops *best = &kernel_baseline;
    for (int i = 0; paths[i]; i++)
        if (kernel_supported(paths[i])) best = paths[i];
    return best;
}

static void list_paths(char *buf, size_t len, int supported_only)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; paths[i]; i++) {
        if (supported_only && !kernel_supported(paths[i])) continue;
        int w = snprintf(buf + used, len - used, "%s%s", used ? " " : "", paths[i]->name);
        if (w < 0 || (size_t)w >= len - used) break;
        used += (size_t)w;
    }
}

int kernel_select(char *err, size_t errlen)
{
    const char *want = getenv("SEQTUTOR_KERNEL");
    if (!want || !*want || strcmp(want, "auto") == 0) {
        active = kernel_best();
        return 0;
    }
    char avail[64];
    list_paths(avail, sizeof avail, 1);
    const kernel_ops *k = kernel_find(want);
    if (!k) {
        int known = strcmp(want, "avx2") == 0 || strcmp(want, "avx512") == 0;
        snprintf(err, errlen, "SEQTUTOR_KERNEL=%s: %s (this machine runs: %s; or auto)", want,
                 known ? "this build has no such path (not an x86-64 build)"
                       : "unknown kernel path, expected baseline, avx2, avx512 or auto",
                 avail);
        return -1;
    }
    if (!kernel_supported(k)) {
        snprintf(err, errlen, "SEQTUTOR_KERNEL=%s: this CPU cannot run it (this machine runs: %s)",
                 want, avail);
        return -1;
    }
    active = k;
    return 0;
}

const kernel_ops *kernel_active(void)
{
    if (!active) active = kernel_best();
    return active;
}

void kernel_set_active(const kernel_ops *k) { active = k; }

void kernel_describe(char *buf, size_t len)
{
    char avail[64];
    list_paths(avail, sizeof avail, 1);
    snprintf(buf, len, "%s (this CPU runs: %s)", kernel_active()->name, avail);
}
