/* main.c — argument parsing and dispatch. */
#include "commands.h"
#include "config.h"
#include "kernels.h"
#include "lang.h"
#include "paths.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

static const command commands[] = {
    {"lesson", cmd_lesson, "lesson N [--plain] [--width W]   read lesson N (1-10)"},
    {"lessons", cmd_lessons, "lessons --plain                  list the ten lessons"},
    {"quiz", cmd_quiz, "quiz [FILE] [--plain] [--review]  take a quiz"},
    {"check-quiz", cmd_check_quiz, "check-quiz FILE...               check quiz files for errors"},
    {"export-gift", cmd_export_gift, "export-gift FILE                 write a quiz in Moodle GIFT format"},
    {"train", cmd_train, "train [--plain] [options]        train the dinosaur-name RNN"},
    {"sample", cmd_sample, "sample --model FILE [options]    sample names from a saved model"},
};
enum { N_COMMANDS = sizeof commands / sizeof commands[0] };

static void usage(FILE *out)
{
    fprintf(out,
            "seqtutor %s — a terminal companion for week 1 of \"Sequence Models\"\n"
            "(RNN, GRU, LSTM, BRNN, deep RNNs): lessons, quizzes and a live training panel.\n\n"
            "usage: seqtutor [--lang zh|en]          open the course (full screen)\n",
            SEQTUTOR_VERSION);
    for (int i = 0; i < N_COMMANDS; i++) fprintf(out, "       seqtutor %s\n", commands[i].summary);
    fprintf(out,
            "       seqtutor --version              version and where files are found\n"
            "       seqtutor COMMAND --help         the options of one command\n\n"
            "Without a terminal (a pipe, TERM=dumb) the lesson and quiz commands use plain mode.\n"
            "Progress is kept in $XDG_STATE_HOME/seqtutor (default ~/.local/state/seqtutor).\n");
}

int main(int argc, char **argv)
{
    lang_setup_locale();
    char kerr[256];
    if (kernel_select(kerr, sizeof kerr) != 0) {
        fprintf(stderr, "seqtutor: %s\n", kerr);
        return 2;
    }
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
                      strcmp(argv[1], "help") == 0)) {
        usage(stdout);
        return 0;
    }
    if (argc >= 2 && (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)) {
        printf("seqtutor %s\n", SEQTUTOR_VERSION);
        char kd[128];
        kernel_describe(kd, sizeof kd);
        printf("kernel path: %s\n", kd);
        paths_report(stdout);
        return 0;
    }
    if (argc < 2 || argv[1][0] == '-') return cmd_home(argc, argv);
    for (int i = 0; i < N_COMMANDS; i++)
        if (strcmp(argv[1], commands[i].name) == 0) return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "seqtutor: unknown command '%s'; try 'seqtutor --help'\n", argv[1]);
    return 2;
}
