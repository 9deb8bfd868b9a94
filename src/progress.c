/* progress.c — see progress.h. */
#include "progress.h"

#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define PROGRESS_MAGIC "seqtutor-progress 1"
#define PROGRESS_MAX_BYTES (64 * 1024)

void progress_init(progress *p)
{
    memset(p, 0, sizeof *p);
}

int progress_lang_index(const char *lang)
{
    return lang && strcmp(lang, "zh") == 0 ? PROGRESS_ZH : PROGRESS_EN;
}

static int lesson_ok(int lesson) { return lesson >= 1 && lesson <= PROGRESS_LESSONS; }

void progress_set_lang(progress *p, const char *lang)
{
    if (!lang || (strcmp(lang, "zh") != 0 && strcmp(lang, "en") != 0)) return;
    if (strcmp(p->lang, lang) == 0) return;
    snprintf(p->lang, sizeof p->lang, "%s", lang);
    p->dirty = 1;
}

void progress_mark_read(progress *p, int lesson)
{
    if (!lesson_ok(lesson) || p->read[lesson - 1]) return;
    p->read[lesson - 1] = 1;
    p->dirty = 1;
}

int progress_is_read(const progress *p, int lesson)
{
    return lesson_ok(lesson) && p->read[lesson - 1];
}

void progress_set_pos(progress *p, int lesson, const char *lang, int block, int offset, int percent)
{
    if (!lesson_ok(lesson)) return;
    if (block < 0) block = 0;
    if (offset < 0) offset = 0;
    if (percent < 0) percent = 0;
    if (percent > 100) percent = 100;
    progress_pos *q = &p->pos[lesson - 1][progress_lang_index(lang)];
    if (q->set && q->block == block && q->offset == offset && q->percent == percent) return;
    q->set = 1;
    q->block = block;
    q->offset = offset;
    q->percent = percent;
    p->dirty = 1;
}

const progress_pos *progress_get_pos(const progress *p, int lesson, const char *lang)
{
    if (!lesson_ok(lesson)) return NULL;
    return &p->pos[lesson - 1][progress_lang_index(lang)];
}

int progress_percent(const progress *p, int lesson)
{
    if (!lesson_ok(lesson)) return 0;
    if (p->read[lesson - 1]) return 100;
    int best = 0;
    for (int l = 0; l < PROGRESS_N_LANGS; l++)
        if (p->pos[lesson - 1][l].set && p->pos[lesson - 1][l].percent > best)
            best = p->pos[lesson - 1][l].percent;
    return best;
}

/* Parses one line (NUL-terminated, without '\n') into p; 0 or -1. */
static int parse_line(progress *p, char *line)
{
    char *save = NULL;
    char *key = strtok_r(line, " \t\r", &save);
    if (!key || key[0] == '#') return 0;
    char *args[6];
    int n = 0;
    char *a;
    while ((a = strtok_r(NULL, " \t\r", &save)) != NULL) {
        if (n == 6) return -1;
        args[n++] = a;
    }
    long v[5] = {0};
    /* Every numeric argument must be a whole decimal number in a sane range. */
    #define NUM(i, slot, lo, hi)                                      \
        do {                                                          \
            char *end;                                                \
            errno = 0;                                                \
            v[slot] = strtol(args[i], &end, 10);                      \
            if (*end || errno || v[slot] < (lo) || v[slot] > (hi)) return -1; \
        } while (0)
    if (strcmp(key, "lang") == 0) {
        if (n != 1 || (strcmp(args[0], "zh") != 0 && strcmp(args[0], "en") != 0)) return -1;
        snprintf(p->lang, sizeof p->lang, "%s", args[0]);
        return 0;
    }
    if (strcmp(key, "read") == 0) {
        if (n != 1) return -1;
        NUM(0, 0, 1, PROGRESS_LESSONS);
        p->read[v[0] - 1] = 1;
        return 0;
    }
    if (strcmp(key, "pos") == 0) {
        if (n != 5) return -1;
        NUM(0, 0, 1, PROGRESS_LESSONS);
        if (strcmp(args[1], "zh") != 0 && strcmp(args[1], "en") != 0) return -1;
        NUM(2, 1, 0, 1000000);
        NUM(3, 2, 0, 100000000);
        NUM(4, 3, 0, 100);
        progress_pos *q = &p->pos[v[0] - 1][progress_lang_index(args[1])];
        q->set = 1;
        q->block = (int)v[1];
        q->offset = (int)v[2];
        q->percent = (int)v[3];
        return 0;
    }
    #undef NUM
    return -1;
}

static int set_aside(progress *p, const char *path, const char *why, size_t line, char *err,
                     size_t errlen)
{
    char *aside = xmalloc(strlen(path) + sizeof ".corrupt");
    sprintf(aside, "%s.corrupt", path);
    int moved = rename(path, aside) == 0;
    const char *what = moved ? "set aside as progress.corrupt" : "could not set it aside";
    if (line) snprintf(err, errlen, "%s:%zu: %s; %s", path, line, why, what);
    else snprintf(err, errlen, "%s: %s; %s", path, why, what);
    free(aside);
    progress_init(p);
    /* The fresh record must reach the disk even if nothing changes later. */
    p->dirty = 1;
    return PROGRESS_CORRUPT;
}

const char *progress_peek_lang(const char *path)
{
    size_t len = 0;
    char ferr[ERRBUF];
    char *text = file_read(path, PROGRESS_MAX_BYTES, &len, ferr, sizeof ferr);
    if (!text) return NULL;
    const char *lang = NULL;
    if (strncmp(text, PROGRESS_MAGIC "\n", strlen(PROGRESS_MAGIC) + 1) == 0) {
        for (char *line = text; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
            if (strncmp(line, "lang zh", 7) == 0 && (line[7] == '\n' || line[7] == '\0')) lang = "zh";
            if (strncmp(line, "lang en", 7) == 0 && (line[7] == '\n' || line[7] == '\0')) lang = "en";
        }
    }
    free(text);
    return lang;
}

int progress_load(progress *p, const char *path, char *err, size_t errlen)
{
    progress_init(p);
    if (err && errlen) err[0] = '\0';
    struct stat st;
    if (stat(path, &st) != 0 && errno == ENOENT) return PROGRESS_MISSING;
    size_t len = 0;
    char ferr[ERRBUF];
    char *text = file_read(path, PROGRESS_MAX_BYTES, &len, ferr, sizeof ferr);
    if (!text) return set_aside(p, path, "unreadable", 0, err, errlen);
    if (memchr(text, '\0', len) || utf8_first_invalid_line(text, len)) {
        free(text);
        return set_aside(p, path, "not a text file", 0, err, errlen);
    }
    size_t lineno = 0;
    char *cur = text;
    int ok = 1;
    while (*cur) {
        char *nl = strchr(cur, '\n');
        if (nl) *nl = '\0';
        lineno++;
        if (lineno == 1) {
            size_t l = strlen(cur);
            if (l && cur[l - 1] == '\r') cur[l - 1] = '\0';
            if (strcmp(cur, PROGRESS_MAGIC) != 0) { ok = 0; break; }
        } else if (parse_line(p, cur) != 0) {
            ok = 0;
            break;
        }
        if (!nl) break;
        cur = nl + 1;
    }
    free(text);
    if (lineno == 0) return set_aside(p, path, "empty file", 0, err, errlen);
    if (!ok)
        return set_aside(p, path, lineno == 1 ? "not a progress file" : "unreadable line",
                         lineno, err, errlen);
    p->dirty = 0;
    return PROGRESS_OK;
}

int progress_save(progress *p, const char *path, char *err, size_t errlen)
{
    strbuf sb;
    sb_init(&sb);
    sb_puts(&sb, PROGRESS_MAGIC "\n");
    if (p->lang[0]) sb_printf(&sb, "lang %s\n", p->lang);
    for (int i = 0; i < PROGRESS_LESSONS; i++)
        if (p->read[i]) sb_printf(&sb, "read %d\n", i + 1);
    static const char *names[PROGRESS_N_LANGS] = {"en", "zh"};
    for (int i = 0; i < PROGRESS_LESSONS; i++)
        for (int l = 0; l < PROGRESS_N_LANGS; l++) {
            const progress_pos *q = &p->pos[i][l];
            if (q->set)
                sb_printf(&sb, "pos %d %s %d %d %d\n", i + 1, names[l], q->block, q->offset,
                          q->percent);
        }
    int rc = file_write_atomic(path, sb.data, sb.len, err, errlen);
    sb_free(&sb);
    if (rc == 0) p->dirty = 0;
    return rc;
}
