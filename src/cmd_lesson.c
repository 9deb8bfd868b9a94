/* cmd_lesson.c — placeholder until the lesson commands land. */
#include "commands.h"

#include <stdio.h>

int cmd_lesson(int argc, char **argv) { (void)argc; (void)argv; fprintf(stderr, "seqtutor lesson: not built yet\n"); return 2; }
int cmd_lessons(int argc, char **argv) { (void)argc; (void)argv; fprintf(stderr, "seqtutor lessons: not built yet\n"); return 2; }
