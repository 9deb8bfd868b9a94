/* util.h — small helpers every layer uses: allocation that cannot fail
 * silently, UTF-8 decoding, whole-file reading and atomic writes.
 *
 * Contract:
 * - xmalloc/xcalloc/xrealloc/xstrdup never return NULL: on failure they call
 *   die(), which first runs the registered cleanup hook (the TUI uses it to end
 *   curses) and then exits with status 70 naming the source location.
 * - utf8_decode reads one code point; it returns the number of bytes used
 *   (1..4) or 0 for an invalid or truncated sequence (overlongs, surrogates and
 *   values above U+10FFFF are invalid).
 * - file_read reads a whole regular file (at most max_bytes) into a
 *   NUL-terminated buffer the caller frees. On error it returns NULL and writes
 *   a one-line message naming the file into err.
 * - file_write_atomic writes to a temporary file in the same directory, fsyncs
 *   it, then renames it over path: readers see the old or the new file, never
 *   a mix. Returns 0, or -1 with a message in err.
 */
#ifndef SEQTUTOR_UTIL_H
#define SEQTUTOR_UTIL_H

#include <stddef.h>
#include <stdint.h>

#define ERRBUF 512

#define xmalloc(n)     util_xmalloc((n), __FILE__, __LINE__)
#define xcalloc(n, s)  util_xcalloc((n), (s), __FILE__, __LINE__)
#define xrealloc(p, n) util_xrealloc((p), (n), __FILE__, __LINE__)
#define xstrdup(s)     util_xstrdup((s), __FILE__, __LINE__)

void *util_xmalloc(size_t n, const char *file, int line);
void *util_xcalloc(size_t n, size_t size, const char *file, int line);
void *util_xrealloc(void *p, size_t n, const char *file, int line);
char *util_xstrdup(const char *s, const char *file, int line);

/* Called by die() before exiting (e.g. endwin). NULL clears it. */
void util_set_cleanup(void (*fn)(void));
_Noreturn void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

size_t utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encodes cp into out (at least 4 bytes); returns the byte count. */
size_t utf8_encode(uint32_t cp, char *out);
/* Returns the 1-based line of the first invalid byte, or 0 when valid. */
size_t utf8_first_invalid_line(const char *s, size_t len);

char *file_read(const char *path, size_t max_bytes, size_t *len_out, char *err, size_t errlen);
int file_write_atomic(const char *path, const void *data, size_t len, char *err, size_t errlen);
/* mkdir -p; returns 0 or -1 with errno set. */
int make_dirs(const char *path);

/* Growing byte buffer (append-only string builder). */
typedef struct {
    char *data;   /* NUL-terminated while len < cap */
    size_t len;
    size_t cap;
} strbuf;

void sb_init(strbuf *sb);
void sb_free(strbuf *sb);
void sb_append(strbuf *sb, const char *s, size_t n);
void sb_puts(strbuf *sb, const char *s);
void sb_printf(strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Monotonic clock in seconds. */
double now_seconds(void);

#endif
