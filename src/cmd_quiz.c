/* cmd_quiz.c — the quiz commands: check-quiz, export-gift and quiz (plain
 * mode here; the full-screen quiz lives in the TUI).
 *
 * Front end: the only quiz file that talks to readline. The questions,
 * answer parsing, scoring and the review queue come from quiz.c,
 * quiz_session.c and review.c, shared with the full-screen quiz.
 */
#include "commands.h"
#include "gift.h"
#include "lang.h"
#include "opts.h"
#include "paths.h"
#include "quiz.h"
#include "quiz_attempt.h"
#include "quiz_session.h"
#include "review.h"
#include "tui.h"
#include "util.h"

#include <readline/history.h>
#include <readline/readline.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* ---- check-quiz ---------------------------------------------------------- */

static const char *plural(size_t n, const char *one, const char *many) { return n == 1 ? one : many; }

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

int cmd_check_quiz(int argc, char **argv)
{
    int no_source = 0;
    const opt_spec specs[] = {
        {"--no-source", OPT_FLAG, &no_source, 0, 0, "print only the FILE:LINE:COL lines and hints"},
    };
    enum { N_SPECS = sizeof specs / sizeof specs[0] };
    const char **files = xmalloc((size_t)(argc > 0 ? argc : 1) * sizeof *files);
    int n_files = 0;
    static const char usage[] =
        "usage: seqtutor check-quiz [--no-source] FILE...\n\n"
        "Checks quiz files and prints every problem to stderr as FILE:LINE:COL: error|warning,\n"
        "then one summary line. Language versions of one quiz given together (week1.en.quiz,\n"
        "week1.zh.quiz) are also compared question by question.\n"
        "Exit status: 0 no errors (warnings allowed), 1 errors, 2 a file could not be read.";
    int rc = opts_parse("check-quiz", usage, argc, argv, specs, N_SPECS, files, argc, &n_files);
    if (rc == OPTS_HELP) {
        free(files);
        return 0;
    }
    if (rc == OPTS_ERROR) {
        free(files);
        return 2;
    }
    if (n_files == 0) {
        fprintf(stderr, "seqtutor check-quiz: no file given; usage: seqtutor check-quiz FILE...\n");
        free(files);
        return 2;
    }
    quiz_file **qfs = xcalloc((size_t)n_files, sizeof *qfs);
    char **keys = xcalloc((size_t)n_files, sizeof *keys);
    int unreadable = 0;
    for (int i = 0; i < n_files; i++) {
        char err[ERRBUF];
        qfs[i] = quiz_load(files[i], err, sizeof err);
        if (!qfs[i]) {
            fprintf(stderr, "seqtutor check-quiz: %s\n", err);
            unreadable++;
            continue;
        }
        keys[i] = review_quiz_key(files[i]);
    }
    /* language versions of the same quiz must agree on their questions */
    for (int i = 0; i < n_files; i++)
        for (int j = 0; j < n_files; j++)
            if (i != j && qfs[i] && qfs[j] && strcmp(keys[i], keys[j]) == 0 &&
                strcmp(files[i], files[j]) != 0)
                quiz_compare_versions(qfs[i], qfs[j], base_name(files[j]));
    size_t errors = 0, warnings = 0, checked = 0;
    for (int i = 0; i < n_files; i++) {
        if (!qfs[i]) continue;
        quiz_print_diags(stderr, qfs[i], !no_source);
        errors += qfs[i]->n_errors;
        warnings += qfs[i]->n_warnings;
        checked++;
        quiz_free(qfs[i]);
        free(keys[i]);
    }
    fprintf(stderr, "%zu %s, %zu %s in %zu %s", errors, plural(errors, "error", "errors"), warnings,
            plural(warnings, "warning", "warnings"), checked, plural(checked, "file", "files"));
    if (unreadable) fprintf(stderr, "; %d %s could not be read", unreadable, plural((size_t)unreadable, "file", "files"));
    fputc('\n', stderr);
    free(qfs);
    free(keys);
    free(files);
    return unreadable ? 2 : errors ? 1 : 0;
}

/* Prints the problems of a file that cannot be used, as check-quiz does. */
static void report_errors(const char *cmd, const quiz_file *qf, const char *path)
{
    quiz_print_diags(stderr, qf, 1);
    fprintf(stderr, "%zu %s, %zu %s in 1 file\nseqtutor %s: %s has errors; fix them first ('seqtutor check-quiz %s')\n",
            qf->n_errors, plural(qf->n_errors, "error", "errors"), qf->n_warnings,
            plural(qf->n_warnings, "warning", "warnings"), cmd, path, path);
}

/* Loads a quiz for a command that needs a clean file: prints the problems
 * and returns NULL (status in *status) when it cannot be used. */
static quiz_file *load_clean(const char *cmd, const char *path, int *status)
{
    char err[ERRBUF];
    quiz_file *qf = quiz_load(path, err, sizeof err);
    if (!qf) {
        fprintf(stderr, "seqtutor %s: %s\n", cmd, err);
        *status = 2;
        return NULL;
    }
    if (qf->n_errors) {
        report_errors(cmd, qf, path);
        quiz_free(qf);
        *status = 1;
        return NULL;
    }
    return qf;
}

/* ---- export-gift --------------------------------------------------------- */

int cmd_export_gift(int argc, char **argv)
{
    const char *out_path = NULL;
    const opt_spec specs[] = {
        {"-o", OPT_STRING, &out_path, 0, 0, "write to this file instead of the standard output"},
        {"--output", OPT_STRING, &out_path, 0, 0, "the same as -o"},
    };
    enum { N_SPECS = sizeof specs / sizeof specs[0] };
    const char *pos[1];
    int n_pos = 0;
    static const char usage[] =
        "usage: seqtutor export-gift FILE [-o OUT]\n\n"
        "Writes the quiz in Moodle's GIFT format (question bank import). A file with\n"
        "errors is refused: see 'seqtutor check-quiz FILE'.";
    int rc = opts_parse("export-gift", usage, argc, argv, specs, N_SPECS, pos, 1, &n_pos);
    if (rc == OPTS_HELP) return 0;
    if (rc == OPTS_ERROR) return 2;
    if (n_pos != 1) {
        fprintf(stderr, "seqtutor export-gift: which quiz file? usage: seqtutor export-gift FILE [-o OUT]\n");
        return 2;
    }
    int status = 0;
    quiz_file *qf = load_clean("export-gift", pos[0], &status);
    if (!qf) return status;
    strbuf sb;
    sb_init(&sb);
    gift_write(&sb, qf, base_name(pos[0]));
    quiz_free(qf);
    if (out_path && strcmp(out_path, "-") != 0) {
        char err[ERRBUF];
        if (file_write_atomic(out_path, sb.data, sb.len, err, sizeof err) != 0) {
            fprintf(stderr, "seqtutor export-gift: %s\n", err);
            status = 2;
        }
    } else if (fwrite(sb.data, 1, sb.len, stdout) != sb.len || fflush(stdout) != 0) {
        fprintf(stderr, "seqtutor export-gift: cannot write the output\n");
        status = 2;
    }
    sb_free(&sb);
    return status;
}

/* ---- quiz: the words of plain mode ---------------------------------------- */

typedef struct {
    const char *intro;        /* %zu questions */
    const char *how;
    const char *header;       /* Question %zu/%zu */
    const char *lesson;       /* lesson %d */
    const char *one, *many;   /* the kinds */
    const char *prompt;
    const char *right, *wrong;
    const char *answer, *answers;
    const char *explain;      /* label in front of the explanation, with its spacing */
    const char *ended;        /* input ended after %zu of %zu questions */
    const char *time;         /* time: %d min %d s */
    const char *by_lesson, *no_lesson;
    const char *missed;       /* label in front of the missed ids, with its spacing */
    const char *due;          /* %zu due for review */
    const char *none_due;
    const char *review_intro; /* %zu questions */
} words;

static const words WORDS_EN = {
    "%zu questions.",
    "Answer with a letter (b) or a number (2); where several options are right, give them all (b,d).",
    "Question %zu/%zu",
    "lesson %d",
    "choose one",
    "choose all that apply",
    "Answer: ",
    "Right.",
    "Wrong.",
    "Right answer:",
    "Right answers:",
    "Explanation: ",
    "Input ended after %zu of %zu questions.",
    "Time: %d min %d s",
    "By lesson:",
    "not linked to a lesson",
    "Missed: ",
    "Questions due for review now: %zu ('seqtutor quiz --review')",
    "no questions are due for review",
    "Review of the questions due now: %zu.",
};

static const words WORDS_ZH = {
    "共 %zu 题。",
    "输入一个字母（b）或数字（2）作答；多选题请给出所有正确选项（b,d）。",
    "第 %zu/%zu 题",
    "第 %d 课",
    "单选",
    "多选（选出所有正确答案）",
    "回答：",
    "正确。",
    "错误。",
    "正确答案：",
    "正确答案：",
    "解析：",
    "输入在第 %zu 题（共 %zu 题）后结束。",
    "用时：%d 分 %d 秒",
    "各课成绩：",
    "未关联课程",
    "答错的题：",
    "现在待复习的题：%zu（seqtutor quiz --review）",
    "现在没有需要复习的题（no questions are due for review）",
    "复习：有 %zu 道题到期。",
};

/* ---- quiz: reading answers -------------------------------------------------- */

/* What Tab completes and lists: the options of the current question. */
static const quiz_session *complete_session;

static char *complete_letter(const char *text, int state)
{
    static size_t next;
    if (!state) next = 0;
    const quiz_item *it = complete_session ? quiz_session_current(complete_session) : NULL;
    size_t n = it ? it->n_shown : 0;
    while (next < n) {
        char letter[2] = {(char)('a' + next++), '\0'};
        if (text[0] == '\0' || ((text[0] | 0x20) == letter[0] && text[1] == '\0')) return strdup(letter);
    }
    return NULL;
}

static char **complete_answer(const char *text, int start, int end)
{
    (void)start;
    (void)end;
    rl_attempted_completion_over = 1; /* never fall back to file names */
    return rl_completion_matches(text, complete_letter);
}

/* Lists the candidates with their option text instead of bare letters. */
static void show_matches(char **matches, int n, int max_len)
{
    (void)max_len;
    const quiz_item *it = complete_session ? quiz_session_current(complete_session) : NULL;
    putchar('\n');
    for (int i = 1; i <= n && it; i++) {
        size_t d = (size_t)(matches[i][0] - 'a');
        const quiz_option *o = quiz_session_option(complete_session, it, d);
        if (o) printf("  %c) %s\n", matches[i][0], o->text);
    }
    rl_forced_update_display();
}

typedef struct {
    int tty;            /* stdin is a terminal: readline */
    char *line;         /* getline buffer */
    size_t cap;
} reader;

/* One answer line without its newline, or NULL at the end of input. The
 * string is valid until the next call. */
static const char *read_answer(reader *r, const char *prompt)
{
    if (r->tty) {
        free(r->line);
        r->line = readline(prompt);
        if (r->line && *r->line) add_history(r->line);
        return r->line;
    }
    fputs(prompt, stdout);
    fflush(stdout);
    ssize_t n = getline(&r->line, &r->cap, stdin);
    if (n < 0) {
        putchar('\n');
        return NULL;
    }
    while (n > 0 && (r->line[n - 1] == '\n' || r->line[n - 1] == '\r')) r->line[--n] = '\0';
    /* echo it, so a transcript of piped answers reads like a dialogue */
    printf("%s\n", r->line);
    return r->line;
}

/* ---- quiz: printing -------------------------------------------------------- */

/* Prints text, indenting every line after the first by indent spaces. */
static void print_indented(const char *text, int indent)
{
    for (const char *s = text; *s; s++) {
        putchar(*s);
        if (*s == '\n') printf("%*s", indent, "");
    }
}

static void print_question(const quiz_session *s, const quiz_item *it, const words *w)
{
    const quiz_question *q = quiz_session_question(s, it);
    putchar('\n');
    printf(w->header, s->current + 1, s->n_items);
    printf(" · %s", q->id);
    if (q->lesson) {
        printf(" · ");
        printf(w->lesson, q->lesson);
    }
    printf(" · %s\n", q->kind == QUIZ_SINGLE ? w->one : w->many);
    printf("%s\n", q->title);
    /* the stem as written, minus the ``` marker lines: diagrams stay verbatim */
    const char *line = q->stem;
    while (*line) {
        const char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) : strlen(line);
        if (strncmp(line, "```", 3) != 0) printf("%.*s\n", (int)n, line);
        if (!nl) break;
        line = nl + 1;
    }
    for (size_t d = 0; d < it->n_shown; d++) {
        printf("  %c) ", (char)('a' + d));
        print_indented(quiz_session_option(s, it, d)->text, 5);
        putchar('\n');
    }
}

static void print_verdict(const quiz_session *s, const quiz_item *it, const quiz_verdict *v, const words *w)
{
    const quiz_question *q = quiz_session_question(s, it);
    printf("%s\n", v->correct ? w->right : w->wrong);
    /* feedback of each wrong choice, in displayed order */
    for (size_t d = 0; d < it->n_shown; d++) {
        const quiz_option *o = quiz_session_option(s, it, d);
        if (!(v->wrong_chosen >> it->shown[d] & 1u)) continue;
        printf("  %c) ", (char)('a' + d));
        print_indented(o->text, 5);
        if (o->feedback) {
            printf("\n     ");
            print_indented(o->feedback, 5);
        }
        putchar('\n');
    }
    if (!v->correct) {
        size_t n_right = 0;
        for (size_t d = 0; d < it->n_shown; d++) n_right += v->right >> it->shown[d] & 1u;
        printf("%s\n", n_right > 1 ? w->answers : w->answer);
        for (size_t d = 0; d < it->n_shown; d++) {
            if (!(v->right >> it->shown[d] & 1u)) continue;
            printf("  %c) ", (char)('a' + d));
            print_indented(quiz_session_option(s, it, d)->text, 5);
            putchar('\n');
        }
    }
    if (q->explanation) {
        printf("%s", w->explain);
        print_indented(q->explanation, 2);
        putchar('\n');
    }
}

static void print_summary(const quiz_session *s, const words *w, size_t due_now)
{
    putchar('\n');
    int secs = (int)(quiz_session_seconds(s) + 0.5);
    printf(w->time, secs / 60, secs % 60);
    putchar('\n');
    quiz_lesson_score by[QUIZ_MAX_LESSON + 1];
    quiz_session_breakdown(s, by);
    if (s->n_answered) printf("%s\n", w->by_lesson);
    for (int l = 1; l <= QUIZ_MAX_LESSON; l++) {
        if (!by[l].total) continue;
        printf("  ");
        printf(w->lesson, l);
        printf(": %d/%d\n", by[l].right, by[l].total);
    }
    if (by[0].total) printf("  %s: %d/%d\n", w->no_lesson, by[0].right, by[0].total);
    size_t n_missed = quiz_session_missed(s, NULL, 0);
    if (n_missed) {
        const char **ids = xmalloc(n_missed * sizeof *ids);
        quiz_session_missed(s, ids, n_missed);
        printf("%s", w->missed);
        for (size_t i = 0; i < n_missed; i++) printf("%s%s", i ? ", " : "", ids[i]);
        putchar('\n');
        free(ids);
    }
    if (due_now) {
        printf(w->due, due_now);
        putchar('\n');
    }
}

/* ---- quiz: the command --------------------------------------------------- */

/* Asks every item of an opened attempt; returns when done or at the end of input. */
static void ask_all(quiz_attempt *a, const words *w)
{
    quiz_session *s = &a->session;
    reader rd = {isatty(STDIN_FILENO), NULL, 0};
    if (rd.tty) {
        rl_readline_name = "seqtutor";
        rl_basic_word_break_characters = " \t,";
        rl_attempted_completion_function = complete_answer;
        rl_completion_display_matches_hook = show_matches;
        complete_session = s;
    }
    while (!quiz_session_done(s)) {
        const quiz_item *it = quiz_session_current(s);
        print_question(s, it, w);
        unsigned chosen = 0;
        const char *line;
        for (;;) {
            line = read_answer(&rd, w->prompt);
            if (!line) break;
            char why[256];
            if (quiz_session_parse(s, line, &chosen, why, sizeof why) == 0) break;
            printf("  %s\n", why);
        }
        if (!line) break;
        int had_note = a->note[0] != '\0';
        quiz_verdict v = quiz_attempt_submit(a, chosen, now_seconds());
        print_verdict(s, it, &v, w);
        if (!had_note && a->note[0]) fprintf(stderr, "seqtutor quiz: %s\n", a->note);
        fflush(stdout);
    }
    complete_session = NULL;
    free(rd.line);
}

typedef struct {
    uint32_t seed;
    int no_shuffle;
    int review;
    const char *lang;      /* picked from --lang or the environment */
} plain_config;

static int run_plain(const char *path, const plain_config *pc)
{
    quiz_attempt a;
    quiz_attempt_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.seed = pc->seed;
    cfg.no_shuffle = pc->no_shuffle;
    cfg.review = pc->review;
    cfg.lang = pc->lang;
    cfg.now = quiz_clock();
    cfg.started = now_seconds();
    char err[ERRBUF];
    int rc = quiz_attempt_open(&a, path, &cfg, err, sizeof err);
    if (rc == QUIZ_ATTEMPT_UNREADABLE) {
        fprintf(stderr, "seqtutor quiz: %s\n", err);
        return 2;
    }
    if (rc == QUIZ_ATTEMPT_HAS_ERRORS) {
        report_errors("quiz", a.quiz, path);
        quiz_attempt_close(&a);
        return 1;
    }
    if (a.note[0]) fprintf(stderr, "seqtutor quiz: %s\n", a.note);
    const words *w = strcmp(a.lang, "zh") == 0 ? &WORDS_ZH : &WORDS_EN;
    const quiz_session *s = &a.session;
    if (s->n_items == 0) {
        printf("%s\n", w->none_due);
        quiz_attempt_close(&a);
        return 0;
    }
    printf("%s\n", a.quiz->title);
    printf(pc->review ? w->review_intro : w->intro, s->n_items);
    printf("\n%s\n", w->how);

    ask_all(&a, w);
    if (!quiz_session_done(s)) {
        putchar('\n');
        printf(w->ended, s->n_answered, s->n_items);
        putchar('\n');
    }
    int had_note = a.note[0] != '\0';
    quiz_attempt_finish(&a);
    if (!had_note && a.note[0]) fprintf(stderr, "seqtutor quiz: %s\n", a.note);
    print_summary(s, w, quiz_attempt_due(&a));
    size_t total = quiz_session_done(s) ? s->n_items : s->n_answered;
    printf("Score: %zu/%zu\n", s->n_right, total);
    fflush(stdout);
    quiz_attempt_close(&a);
    return 0;
}

int cmd_quiz(int argc, char **argv)
{
    int plain = 0, no_shuffle = 0, review = 0, seed = -1;
    const char *lang_flag = NULL;
    const opt_spec specs[] = {
        {"--plain", OPT_FLAG, &plain, 0, 0, "line by line on the standard input/output (automatic without a terminal)"},
        {"--seed", OPT_INT, &seed, 0, 2147483647.0, "order of questions and options (default: a new order each time)"},
        {"--no-shuffle", OPT_FLAG, &no_shuffle, 0, 0, "keep the file's order of questions and options"},
        {"--review", OPT_FLAG, &review, 0, 0, "ask only the questions due for review"},
        {"--lang", OPT_STRING, &lang_flag, 0, 0, "zh or en: which week-1 quiz (default: from $LANG)"},
    };
    enum { N_SPECS = sizeof specs / sizeof specs[0] };
    const char *pos[1];
    int n_pos = 0;
    static const char usage[] =
        "usage: seqtutor quiz [FILE] [--plain] [--seed S] [--no-shuffle] [--review] [--lang zh|en]\n\n"
        "Takes a quiz (default: quizzes/week1.LANG.quiz). Answers are letters (b) or\n"
        "numbers (2); several right options are given together (b,d). Missed questions\n"
        "come back for review after 1, 2, 4, 8 and 16 days. The last line of plain mode\n"
        "is 'Score: RIGHT/TOTAL'.";
    int rc = opts_parse("quiz", usage, argc, argv, specs, N_SPECS, pos, 1, &n_pos);
    if (rc == OPTS_HELP) return 0;
    if (rc == OPTS_ERROR) return 2;
    const char *lang = paths_lang(lang_flag);
    if (!lang) {
        fprintf(stderr, "seqtutor quiz: --lang must be zh or en, not '%s'\n", lang_flag);
        return 2;
    }
    const char *term = getenv("TERM");
    int terminal = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) && term && *term &&
                   strcmp(term, "dumb") != 0;
    if (!plain && terminal) {
        tui_start st;
        tui_start_defaults(&st);
        st.screen = TUI_QUIZ;
        st.lang = lang_flag;
        st.quiz_file = n_pos ? pos[0] : NULL;
        st.quiz_review = review;
        st.quiz_seed_set = seed >= 0;
        st.quiz_seed = seed >= 0 ? (unsigned long)seed : 0;
        st.quiz_no_shuffle = no_shuffle;
        return tui_run(&st);
    }

    char *default_path = NULL;
    const char *path = n_pos ? pos[0] : NULL;
    if (!path) {
        default_path = quiz_default_path(lang);
        if (!default_path) {
            fprintf(stderr, "seqtutor quiz: the course files were not found; set SEQTUTOR_HOME to the folder "
                            "holding content/ and quizzes/, or give a quiz FILE\n");
            return 2;
        }
        path = default_path;
    }
    plain_config pc;
    pc.seed = seed >= 0 ? (uint32_t)seed : (uint32_t)time(NULL) ^ ((uint32_t)getpid() << 16);
    pc.no_shuffle = no_shuffle;
    pc.review = review;
    pc.lang = lang;
    int status = run_plain(path, &pc);
    free(default_path);
    return status;
}
