/* cmd_quiz.c — placeholder until the quiz commands land. */
#include "commands.h"

#include <stdio.h>

int cmd_quiz(int argc, char **argv) { (void)argc; (void)argv; fprintf(stderr, "seqtutor quiz: not built yet\n"); return 2; }
int cmd_check_quiz(int argc, char **argv) { (void)argc; (void)argv; fprintf(stderr, "seqtutor check-quiz: not built yet\n"); return 2; }
int cmd_export_gift(int argc, char **argv) { (void)argc; (void)argv; fprintf(stderr, "seqtutor export-gift: not built yet\n"); return 2; }
