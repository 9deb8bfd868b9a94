/* bench_lessons.c — time to load (parse) all twenty lesson files and to lay
 * them out at 80 and 200 columns. Built and run by bench/bench_lessons.sh. */
#include "lang.h"
#include "lesson.h"
#include "util.h"
#include "wrap.h"

#include <stdio.h>

int main(void)
{
    lang_setup_locale();
    const char *langs[2] = {"zh", "en"};
    enum { ROUNDS = 50 };
    double load = 0, layout = 0;
    size_t lines = 0;
    for (int r = 0; r < ROUNDS; r++) {
        for (int k = 0; k < 2; k++) {
            char err[ERRBUF];
            double t0 = now_seconds();
            lesson_set *set = lesson_load_all(langs[k], err, sizeof err);
            double t1 = now_seconds();
            if (!set) {
                fprintf(stderr, "bench_lessons: %s\n", err);
                return 1;
            }
            load += t1 - t0;
            for (size_t i = 0; i < LESSON_COUNT; i++) {
                for (int w = 80; w <= 200; w += 120) {
                    lesson_layout *lay = lesson_layout_new(set->lessons[i], w);
                    lines += lay->n_lines;
                    lesson_layout_free(lay);
                }
            }
            layout += now_seconds() - t1;
            lesson_set_free(set);
        }
    }
    printf("  load all 20 lesson files:       %.2f ms   (mean of %d)\n", load / ROUNDS * 1e3, ROUNDS);
    printf("  lay out all 20 at 80 and 200:   %.2f ms   (%zu lines per round)\n",
           layout / ROUNDS * 1e3, lines / ROUNDS);
    return 0;
}
