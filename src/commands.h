/* commands.h — the subcommands main() dispatches to.
 *
 * Each takes the arguments after the command name (argv[0] is the command
 * name itself) and returns the process exit status: 0 success, 1 a check
 * failed (check-quiz found errors), 2 bad usage or unusable input.
 */
#ifndef SEQTUTOR_COMMANDS_H
#define SEQTUTOR_COMMANDS_H

int cmd_home(int argc, char **argv);        /* no command: the TUI home screen (tui_app.c) */
int cmd_lesson(int argc, char **argv);      /* lesson N [--plain] [--width W] [--lang L] */
int cmd_lessons(int argc, char **argv);     /* lessons --plain */
int cmd_quiz(int argc, char **argv);        /* quiz [FILE] [--plain] [--review] ... */
int cmd_check_quiz(int argc, char **argv);  /* check-quiz FILE... */
int cmd_export_gift(int argc, char **argv); /* export-gift FILE */
int cmd_train(int argc, char **argv);       /* train [--plain] ... (cmd_train.c) */
int cmd_sample(int argc, char **argv);      /* sample --model FILE ... (cmd_train.c) */

#endif
