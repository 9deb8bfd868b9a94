/* progress.h — what the reader has done with the lessons: which lessons were
 * read to the end, where reading stopped in each lesson (per language, since
 * the Chinese and English texts have different blocks), and the chosen
 * course language. Model layer: no terminal code.
 *
 * The file is plain text, one fact per line, '#' starts a comment:
 *
 *     seqtutor-progress 1
 *     lang zh
 *     read 3
 *     pos 6 zh 12 40 55
 *
 * "read N" marks lesson N (1..PROGRESS_LESSONS) as read; "pos N LANG BLOCK
 * OFFSET PERCENT" is the reading position: the block index and byte offset
 * inside that block of the first line shown (so a resize keeps the place)
 * and the percentage of the lesson shown so far at the last visit.
 *
 * Contract:
 * - progress_init gives an empty record (no language chosen, nothing read).
 * - progress_load fills p from path. Returns PROGRESS_OK, PROGRESS_MISSING
 *   (no file: p is fresh, nothing else happened) or PROGRESS_CORRUPT: the
 *   file could not be understood; it has been renamed to "<path>.corrupt"
 *   (replacing an older one), p is fresh, and err holds a one-line message
 *   naming the file and line for the status line.
 * - progress_save writes the whole record with file_write_atomic; 0, or -1
 *   with a message in err. It clears p->dirty on success.
 * - The setters mark the record dirty only when something changed, so a
 *   caller may save whenever p->dirty is set.
 */
#ifndef SEQTUTOR_PROGRESS_H
#define SEQTUTOR_PROGRESS_H

#include <stddef.h>

#define PROGRESS_LESSONS 10

enum { PROGRESS_OK = 0, PROGRESS_MISSING = 1, PROGRESS_CORRUPT = 2 };
enum { PROGRESS_EN = 0, PROGRESS_ZH = 1, PROGRESS_N_LANGS = 2 };

typedef struct {
    int set;      /* 1 when a position was recorded */
    int block;    /* index of the block of the first line shown (>= 0) */
    int offset;   /* byte offset inside that block (>= 0) */
    int percent;  /* 0..100: how far the reader got at the last visit */
} progress_pos;

typedef struct {
    char lang[3];                                      /* "zh", "en" or "" (not chosen) */
    int read[PROGRESS_LESSONS];                        /* 1 = lesson read to its end */
    progress_pos pos[PROGRESS_LESSONS][PROGRESS_N_LANGS]; /* [lesson-1][PROGRESS_EN/ZH] */
    int dirty;                                         /* changed since load/save */
} progress;

void progress_init(progress *p);
int progress_load(progress *p, const char *path, char *err, size_t errlen);
int progress_save(progress *p, const char *path, char *err, size_t errlen);
/* The saved course language, "zh" or "en", or NULL (none, or no readable
 * file). Only reads: a broken file is left for progress_load to report. */
const char *progress_peek_lang(const char *path);

/* "zh" -> PROGRESS_ZH, anything else -> PROGRESS_EN. */
int progress_lang_index(const char *lang);
/* lesson is 1-based; out-of-range lessons are ignored (getters return 0/NULL). */
void progress_set_lang(progress *p, const char *lang);
void progress_mark_read(progress *p, int lesson);
int progress_is_read(const progress *p, int lesson);
void progress_set_pos(progress *p, int lesson, const char *lang, int block, int offset, int percent);
const progress_pos *progress_get_pos(const progress *p, int lesson, const char *lang);
/* The furthest percentage over both languages (100 when read), for lists. */
int progress_percent(const progress *p, int lesson);

#endif
