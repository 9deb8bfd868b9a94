/* review.c — see review.h. */
#include "review.h"

#include "paths.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define REVIEW_MAGIC "seqtutor-quiz-progress 1"
#define REVIEW_MAX_BYTES (16u << 20)

static int is_key(const char *s);
static int is_id(const char *s);

void review_init(review_store *rs) { memset(rs, 0, sizeof *rs); }

static void clear(review_store *rs)
{
    for (size_t i = 0; i < rs->n_cards; i++) {
        free(rs->cards[i].quiz);
        free(rs->cards[i].id);
    }
    for (size_t i = 0; i < rs->n_attempts; i++) {
        free(rs->attempts[i].quiz);
        free(rs->attempts[i].lang);
    }
    rs->n_cards = rs->n_attempts = 0;
}

void review_free(review_store *rs)
{
    clear(rs);
    free(rs->cards);
    free(rs->attempts);
    review_init(rs);
}

/* ---- calendar ---------------------------------------------------------- */

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
 * days_from_civil). */
static long days_from_civil(long y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, long *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

static int days_in_month(long y, int m)
{
    static const int n[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : n[m - 1];
}

long review_day(time_t t)
{
    struct tm tm;
    if (!localtime_r(&t, &tm)) return (long)(t / 86400);
    return days_from_civil(tm.tm_year + 1900L, tm.tm_mon + 1, tm.tm_mday);
}

int review_interval(int box)
{
    if (box < 1) box = 1;
    if (box > REVIEW_BOXES) box = REVIEW_BOXES;
    return 1 << (box - 1);
}

/* ---- queue ------------------------------------------------------------- */

static review_card *find_card(const review_store *rs, const char *quiz, const char *id)
{
    for (size_t i = 0; i < rs->n_cards; i++)
        if (strcmp(rs->cards[i].quiz, quiz) == 0 && strcmp(rs->cards[i].id, id) == 0)
            return &rs->cards[i];
    return NULL;
}

const review_card *review_find(const review_store *rs, const char *quiz, const char *id)
{
    return find_card(rs, quiz, id);
}

static review_card *put_card(review_store *rs, const char *quiz, const char *id, int box, long due)
{
    review_card *c = find_card(rs, quiz, id);
    if (!c) {
        if (rs->n_cards == rs->cap_cards) {
            rs->cap_cards = rs->cap_cards ? 2 * rs->cap_cards : 32;
            rs->cards = xrealloc(rs->cards, rs->cap_cards * sizeof *rs->cards);
        }
        c = &rs->cards[rs->n_cards++];
        c->quiz = xstrdup(quiz);
        c->id = xstrdup(id);
    }
    c->box = box;
    c->due_day = due;
    return c;
}

static void remove_card(review_store *rs, review_card *c)
{
    size_t i = (size_t)(c - rs->cards);
    free(c->quiz);
    free(c->id);
    memmove(rs->cards + i, rs->cards + i + 1, (rs->n_cards - i - 1) * sizeof *rs->cards);
    rs->n_cards--;
}

void review_record_answer(review_store *rs, const char *quiz, const char *id, int correct, time_t now)
{
    if (!is_key(quiz) || !is_id(id)) return; /* could not be written back */
    long today = review_day(now);
    if (!correct) {
        put_card(rs, quiz, id, 1, today + review_interval(1));
        return;
    }
    review_card *c = find_card(rs, quiz, id);
    if (!c || c->due_day > today) return;
    if (c->box >= REVIEW_BOXES) {
        remove_card(rs, c);
        return;
    }
    c->box++;
    c->due_day = today + review_interval(c->box);
}

void review_add_attempt(review_store *rs, const char *quiz, const char *lang, int score, int total,
                        int seconds, time_t now)
{
    if (rs->n_attempts == rs->cap_attempts) {
        rs->cap_attempts = rs->cap_attempts ? 2 * rs->cap_attempts : 16;
        rs->attempts = xrealloc(rs->attempts, rs->cap_attempts * sizeof *rs->attempts);
    }
    review_attempt *a = &rs->attempts[rs->n_attempts++];
    a->when = now;
    a->quiz = xstrdup(is_key(quiz) ? quiz : "quiz");
    a->lang = xstrdup(lang && is_key(lang) ? lang : "-");
    a->total = total < 0 ? 0 : total;
    a->score = score < 0 ? 0 : score > a->total ? a->total : score;
    a->seconds = seconds < 0 ? 0 : seconds;
}

int review_is_due(const review_store *rs, const char *quiz, const char *id, time_t now)
{
    const review_card *c = find_card(rs, quiz, id);
    return c && c->due_day <= review_day(now);
}

size_t review_due_count(const review_store *rs, const char *quiz, time_t now)
{
    long today = review_day(now);
    size_t n = 0;
    for (size_t i = 0; i < rs->n_cards; i++)
        if ((!quiz || strcmp(rs->cards[i].quiz, quiz) == 0) && rs->cards[i].due_day <= today) n++;
    return n;
}

const char **review_due_ids(const review_store *rs, const char *quiz, time_t now, size_t *n)
{
    long today = review_day(now);
    const char **ids = xmalloc((rs->n_cards + 1) * sizeof *ids);
    *n = 0;
    for (size_t i = 0; i < rs->n_cards; i++)
        if (strcmp(rs->cards[i].quiz, quiz) == 0 && rs->cards[i].due_day <= today)
            ids[(*n)++] = rs->cards[i].id;
    return ids;
}

size_t review_prune(review_store *rs, const char *quiz, const char *const *keep, size_t n_keep)
{
    size_t removed = 0;
    for (size_t i = rs->n_cards; i-- > 0;) {
        review_card *c = &rs->cards[i];
        if (strcmp(c->quiz, quiz) != 0) continue;
        int kept = 0;
        for (size_t k = 0; k < n_keep && !kept; k++) kept = strcmp(keep[k], c->id) == 0;
        if (!kept) {
            remove_card(rs, c);
            removed++;
        }
    }
    return removed;
}

/* ---- names ------------------------------------------------------------- */

char *review_default_path(void) { return paths_join(paths_state_dir(), "quiz-progress.txt"); }

static int key_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
}

char *review_quiz_key(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (n > 5 && strcmp(base + n - 5, ".quiz") == 0) n -= 5;
    /* a language suffix: ".zh", ".en", ... (two or three lowercase letters) */
    for (size_t k = 2; k <= 3; k++) {
        if (n <= k + 1 || base[n - k - 1] != '.') continue;
        int letters = 1;
        for (size_t i = n - k; i < n; i++) letters &= base[i] >= 'a' && base[i] <= 'z';
        if (letters) {
            n -= k + 1;
            break;
        }
    }
    if (n == 0) return xstrdup("quiz");
    char *key = xmalloc(n + 1);
    for (size_t i = 0; i < n; i++) key[i] = key_char(base[i]) ? base[i] : '_';
    key[n] = '\0';
    return key;
}

/* ---- reading ----------------------------------------------------------- */

static int is_key(const char *s)
{
    if (!*s) return 0;
    for (; *s; s++)
        if (!key_char(*s)) return 0;
    return 1;
}

static int is_id(const char *s)
{
    if (!*s) return 0;
    for (; *s; s++)
        if (!(key_char(*s) && *s != '.')) return 0;
    return 1;
}

/* A whole non-negative number that fits an int. */
static int parse_count(const char *s, int *out)
{
    if (!*s) return -1;
    long v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9') return -1;
        v = v * 10 + (*s - '0');
        if (v > 1000000000L) return -1;
    }
    *out = (int)v;
    return 0;
}

/* YYYY-MM-DD, then optionally THH:MM:SSZ when t is not NULL. */
static int parse_date(const char *s, long *day, time_t *t)
{
    int y, m, d, hh = 0, mm = 0, ss = 0, used = 0;
    if (t) {
        if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &y, &m, &d, &hh, &mm, &ss, &used) != 6) return -1;
    } else if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &used) != 3) {
        return -1;
    }
    if ((size_t)used != strlen(s) || (t ? used != 20 : used != 10)) return -1;
    if (y < 1970 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m) || hh > 23 || mm > 59 ||
        ss > 60)
        return -1;
    *day = days_from_civil(y, m, d);
    if (t) *t = (time_t)(*day * 86400L + hh * 3600L + mm * 60L + ss);
    return 0;
}

/* Splits s in place at single spaces; returns the number of fields. */
static int split(char *s, char **f, int max)
{
    int n = 0;
    while (*s && n < max) {
        f[n++] = s;
        char *sp = strchr(s, ' ');
        if (!sp) return n;
        *sp = '\0';
        s = sp + 1;
    }
    return *s ? max + 1 : n;
}

/* Parses one line; NULL when fine, else what is wrong. */
static const char *parse_line(review_store *rs, char *line)
{
    char *f[8] = {line};
    int n = split(line, f, 7);
    if (strcmp(f[0], "card") == 0) {
        int box;
        long due;
        if (n != 5) return "a card line has 5 fields";
        if (!is_key(f[1]) || !is_id(f[2])) return "bad quiz name or question id";
        if (parse_count(f[3], &box) != 0 || box < 1 || box > REVIEW_BOXES) return "bad box number";
        if (parse_date(f[4], &due, NULL) != 0) return "bad due date";
        put_card(rs, f[1], f[2], box, due);
        return NULL;
    }
    if (strcmp(f[0], "attempt") == 0) {
        long day;
        time_t when;
        int score, total, seconds;
        if (n != 7) return "an attempt line has 7 fields";
        if (parse_date(f[1], &day, &when) != 0) return "bad date";
        if (!is_key(f[2]) || !is_key(f[3])) return "bad quiz name or language";
        if (parse_count(f[4], &score) || parse_count(f[5], &total) || parse_count(f[6], &seconds) ||
            score > total)
            return "bad score, total or time";
        review_add_attempt(rs, f[2], f[3], score, total, seconds, when);
        return NULL;
    }
    return "unknown line";
}

static int set_aside(review_store *rs, const char *path, int line, const char *what, char *msg,
                     size_t msglen)
{
    clear(rs);
    size_t n = strlen(path);
    char *aside = xmalloc(n + 9);
    memcpy(aside, path, n);
    memcpy(aside + n, ".corrupt", 9);
    if (rename(path, aside) == 0)
        snprintf(msg, msglen,
                 "%s: line %d: %s; the quiz progress file was set aside as %s and a fresh one started",
                 path, line, what, aside);
    else
        snprintf(msg, msglen,
                 "%s: line %d: %s; it could not be set aside (%s) and will be replaced by a fresh one",
                 path, line, what, strerror(errno));
    free(aside);
    return REVIEW_CORRUPT;
}

int review_load(review_store *rs, const char *path, char *msg, size_t msglen)
{
    clear(rs);
    rs->read_only = 0;
    if (msglen) msg[0] = '\0';
    struct stat st;
    if (stat(path, &st) != 0 && errno == ENOENT) return REVIEW_MISSING;
    size_t len = 0;
    char err[ERRBUF];
    char *data = file_read(path, REVIEW_MAX_BYTES, &len, err, sizeof err);
    if (!data) {
        if (S_ISREG(st.st_mode) && (size_t)st.st_size > REVIEW_MAX_BYTES)
            return set_aside(rs, path, 1, "the file is too large", msg, msglen);
        snprintf(msg, msglen, "%s; quiz progress will not be saved", err);
        rs->read_only = 1;
        return REVIEW_UNREADABLE;
    }
    if (memchr(data, '\0', len) || utf8_first_invalid_line(data, len)) {
        free(data);
        return set_aside(rs, path, 1, "the file is not text", msg, msglen);
    }
    int line = 0, seen_magic = 0;
    char *s = data;
    while (*s) {
        char *nl = strchr(s, '\n');
        if (nl) *nl = '\0';
        line++;
        size_t n = strlen(s);
        if (n > 0 && s[n - 1] == '\r') s[--n] = '\0';
        const char *bad = NULL;
        if (!seen_magic) {
            if (strcmp(s, REVIEW_MAGIC) != 0) bad = "the first line is not '" REVIEW_MAGIC "'";
            seen_magic = 1;
        } else if (n > 0 && s[0] != '#') {
            bad = parse_line(rs, s);
        }
        if (bad) {
            free(data);
            return set_aside(rs, path, line, bad, msg, msglen);
        }
        if (!nl) break;
        s = nl + 1;
    }
    free(data);
    if (!seen_magic) return set_aside(rs, path, 1, "the file is empty", msg, msglen);
    return REVIEW_OK;
}

/* ---- writing ----------------------------------------------------------- */

static void put_date(strbuf *sb, long day)
{
    long y;
    int m, d;
    civil_from_days(day, &y, &m, &d);
    sb_printf(sb, "%04ld-%02d-%02d", y, m, d);
}

int review_save(const review_store *rs, const char *path, char *err, size_t errlen)
{
    if (rs->read_only) {
        snprintf(err, errlen, "%s: not saved, because the existing file could not be read", path);
        return -1;
    }
    char *dir = xstrdup(path);
    char *slash = strrchr(dir, '/');
    if (slash && slash != dir) {
        *slash = '\0';
        if (make_dirs(dir) != 0) {
            snprintf(err, errlen, "%s: cannot create the directory: %s", dir, strerror(errno));
            free(dir);
            return -1;
        }
    }
    free(dir);
    strbuf sb;
    sb_init(&sb);
    sb_puts(&sb, REVIEW_MAGIC "\n"
                 "# card QUIZ ID BOX DUE-DATE: a question in the review queue (boxes 1-5)\n"
                 "# attempt WHEN QUIZ LANG SCORE TOTAL SECONDS: a finished quiz\n");
    for (size_t i = 0; i < rs->n_cards; i++) {
        const review_card *c = &rs->cards[i];
        sb_printf(&sb, "card %s %s %d ", c->quiz, c->id, c->box);
        put_date(&sb, c->due_day);
        sb_puts(&sb, "\n");
    }
    for (size_t i = 0; i < rs->n_attempts; i++) {
        const review_attempt *a = &rs->attempts[i];
        long day = (long)(a->when / 86400), secs = (long)(a->when % 86400);
        if (secs < 0) secs += 86400, day--;
        sb_puts(&sb, "attempt ");
        put_date(&sb, day);
        sb_printf(&sb, "T%02ld:%02ld:%02ldZ %s %s %d %d %d\n", secs / 3600, secs / 60 % 60, secs % 60,
                  a->quiz, a->lang, a->score, a->total, a->seconds);
    }
    int rc = file_write_atomic(path, sb.data, sb.len, err, errlen);
    sb_free(&sb);
    return rc;
}
