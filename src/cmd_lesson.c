/* cmd_lesson.c — "seqtutor lesson N" and "seqtutor lessons": a lesson (or
 * the list of lessons) printed as plain text, or the lesson opened in the
 * full-screen program.
 *
 * Plain layout (docs/content-format.md describes the same): the title is
 * underlined with '=', "##" headings with '-', "###" headings are printed as
 * they are; a blank line goes before every heading, paragraph, note and
 * fence; list items show their marker with the text indented under it;
 * notes begin with "│ "; fence lines wider than the page are cut with "›".
 */
#include "commands.h"
#include "lang.h"
#include "lesson.h"
#include "opts.h"
#include "paths.h"
#include "tui.h"
#include "util.h"
#include "wrap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

enum { MIN_WIDTH = 20, MAX_WIDTH = 1000, DEFAULT_WIDTH = 80 };

static int want_plain(int flag)
{
    if (flag || !isatty(STDOUT_FILENO)) return 1;
    const char *term = getenv("TERM");
    return !term || !*term || strcmp(term, "dumb") == 0;
}

/* $COLUMNS, else the width of the terminal stdout is on, else 80. */
static int default_width(void)
{
    long w = 0;
    const char *c = getenv("COLUMNS");
    if (c && *c) {
        char *end;
        w = strtol(c, &end, 10);
        if (*end) w = 0;
    }
    struct winsize ws;
    if (w <= 0 && isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0)
        w = ws.ws_col;
    if (w <= 0) return DEFAULT_WIDTH;
    return w < MIN_WIDTH ? MIN_WIDTH : w > MAX_WIDTH ? MAX_WIDTH : (int)w;
}

static void repeat(FILE *out, const char *s, int n)
{
    for (int i = 0; i < n; i++) fputs(s, out);
}

static void print_warnings(const char *cmd, const lesson *l)
{
    for (size_t i = 0; i < l->n_warnings; i++)
        fprintf(stderr, "seqtutor %s: %s\n", cmd, l->warnings[i]);
}

/* Prints a laid-out lesson as plain text, no line wider than width. */
static void print_plain(FILE *out, const lesson *l, int width)
{
    int utf8 = lang_utf8();
    const char *bar = utf8 ? "\xE2\x94\x82 " : "> ";   /* "│ " */
    const char *cut = utf8 ? "\xE2\x80\xBA" : ">";      /* "›" */
    lesson_layout *lay = lesson_layout_new(l, width);
    int heading_width = 0;
    for (size_t i = 0; i < lay->n_lines; i++) {
        const layout_line *ln = &lay->lines[i];
        if (ln->kind == LAYOUT_BLANK) {
            fputc('\n', out);
            continue;
        }
        const lesson_block *b = &l->blocks[ln->block];
        const char *text = b->text + ln->start;
        size_t len = ln->end - ln->start;
        switch (ln->kind) {
        case LAYOUT_LIST:
            if (ln->first) {
                fputs(b->marker, out);
                repeat(out, " ", ln->indent - text_width(b->marker, strlen(b->marker)));
            } else {
                repeat(out, " ", ln->indent);
            }
            break;
        case LAYOUT_NOTE:
            fputs(bar, out);
            break;
        case LAYOUT_FENCE:
            if (ln->width > width) {
                len = text_clip(text, len, width - 1, NULL);
                fwrite(text, 1, len, out);
                fputs(cut, out);
                fputc('\n', out);
                continue;
            }
            break;
        default:
            break;
        }
        fwrite(text, 1, len, out);
        fputc('\n', out);
        if (ln->kind == LAYOUT_HEADING) {
            if (ln->width > heading_width) heading_width = ln->width;
            int last = i + 1 == lay->n_lines || lay->lines[i + 1].block != ln->block;
            if (last && ln->level <= 2) {
                repeat(out, ln->level == 1 ? "=" : "-", heading_width);
                fputc('\n', out);
            }
            if (last) heading_width = 0;
        }
    }
    lesson_layout_free(lay);
}

/* "3" -> 3; 0 for anything that is not a number from 1 to 10. */
static int parse_lesson_number(const char *s)
{
    if (!*s || strlen(s) > 3) return 0;
    int n = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9') return 0;
        n = n * 10 + (*p - '0');
    }
    return n >= 1 && n <= LESSON_COUNT ? n : 0;
}

static const char *pick_lang(const char *cmd, const char *flag)
{
    const char *lang = paths_lang(flag);
    if (!lang) fprintf(stderr, "seqtutor %s: --lang must be zh or en, not '%s'\n", cmd, flag);
    return lang;
}

static int have_home(const char *cmd)
{
    if (paths_home()) return 1;
    fprintf(stderr,
            "seqtutor %s: the course files were not found; set SEQTUTOR_HOME to the folder "
            "that holds content/ (see 'seqtutor --version')\n",
            cmd);
    return 0;
}

int cmd_lesson(int argc, char **argv)
{
    int plain = 0, width = 0;
    const char *lang_flag = NULL;
    const opt_spec specs[] = {
        {"--plain", OPT_FLAG, &plain, 0, 0, "print the lesson as text (also when not on a terminal)"},
        {"--width", OPT_INT, &width, MIN_WIDTH, MAX_WIDTH,
         "columns for plain text (default $COLUMNS, else the terminal's, else 80)"},
        {"--lang", OPT_STRING, &lang_flag, 0, 0, "zh or en (default from $LANG)"},
    };
    const int n_specs = sizeof specs / sizeof specs[0];
    const char *pos[1];
    int n_pos = 0;
    static const char usage[] =
        "usage: seqtutor lesson N [--plain] [--width W] [--lang zh|en]\n"
        "Reads lesson N (1 to 10).";
    int r = opts_parse("lesson", usage, argc, argv, specs, n_specs, pos, 1, &n_pos);
    if (r == OPTS_HELP) return 0;
    if (r != OPTS_OK) return 2;
    if (n_pos == 0) {
        fprintf(stderr, "seqtutor lesson: which lesson? give a number from 1 to %d\n", LESSON_COUNT);
        return 2;
    }
    int number = parse_lesson_number(pos[0]);
    if (!number) {
        fprintf(stderr, "seqtutor lesson: '%s' is not a lesson number; give 1 to %d\n", pos[0],
                LESSON_COUNT);
        return 2;
    }
    const char *lang = pick_lang("lesson", lang_flag);
    if (!lang) return 2;
    if (!have_home("lesson")) return 2;

    if (!want_plain(plain)) {
        tui_start s;
        tui_start_defaults(&s);
        s.screen = TUI_LESSON;
        s.lesson = number;
        s.lang = lang_flag ? lang : NULL; /* without --lang the screen may use the saved choice */
        return tui_run(&s);
    }

    char err[ERRBUF];
    lesson_set *set = lesson_load_all(lang, err, sizeof err);
    if (!set) {
        fprintf(stderr, "seqtutor lesson: %s\n", err);
        return 2;
    }
    const lesson *l = set->lessons[number - 1];
    print_warnings("lesson", l);
    int status = 0;
    if (l->placeholder) status = 2;
    else print_plain(stdout, l, width ? width : default_width());
    lesson_set_free(set);
    if (fflush(stdout) != 0) return 2;
    return status;
}

int cmd_lessons(int argc, char **argv)
{
    int plain = 0;
    const char *lang_flag = NULL;
    const opt_spec specs[] = {
        {"--plain", OPT_FLAG, &plain, 0, 0, "print the list as text (the only form)"},
        {"--lang", OPT_STRING, &lang_flag, 0, 0, "zh or en (default from $LANG)"},
    };
    const int n_specs = sizeof specs / sizeof specs[0];
    const char *pos[1];
    int n_pos = 0;
    static const char usage[] =
        "usage: seqtutor lessons --plain [--lang zh|en]\n"
        "Lists the ten lessons, one \"N. Title\" per line.";
    int r = opts_parse("lessons", usage, argc, argv, specs, n_specs, pos, 0, &n_pos);
    if (r == OPTS_HELP) return 0;
    if (r != OPTS_OK) return 2;
    const char *lang = pick_lang("lessons", lang_flag);
    if (!lang) return 2;
    if (!have_home("lessons")) return 2;
    char err[ERRBUF];
    lesson_set *set = lesson_load_all(lang, err, sizeof err);
    if (!set) {
        fprintf(stderr, "seqtutor lessons: %s\n", err);
        return 2;
    }
    int missing = 0;
    const char *last_warning = "";
    for (int i = 0; i < LESSON_COUNT; i++) {
        const lesson *l = set->lessons[i];
        /* A missing folder gives every lesson the same message: say it once. */
        for (size_t k = 0; k < l->n_warnings; k++) {
            if (strcmp(l->warnings[k], last_warning) == 0) continue;
            fprintf(stderr, "seqtutor lessons: %s\n", l->warnings[k]);
            last_warning = l->warnings[k];
        }
        missing += l->placeholder;
        printf("%d. %s\n", i + 1, l->title);
    }
    lesson_set_free(set);
    if (fflush(stdout) != 0) return 2;
    /* Some lessons missing still gives a useful list; none at all does not. */
    return missing == LESSON_COUNT ? 2 : 0;
}
