/* paths.h — where seqtutor finds its files and keeps its state.
 *
 * The data home holds content/, quizzes/ and data/. It is the first of these
 * that has a content/ directory:
 *   1. $SEQTUTOR_HOME
 *   2. the folder of the running program (a build in the source tree)
 *   3. the folder above it (a build in a subfolder, such as build-clang/)
 *   4. ../share/seqtutor from the program's folder (an installed copy,
 *      wherever it was installed or moved)
 *   5. the install prefix: SEQTUTOR_PREFIX/share/seqtutor
 * The program's folder comes from /proc/self/exe: no build path is compiled
 * in (reproducible builds).
 * The state directory is $XDG_STATE_HOME/seqtutor, else ~/.local/state/seqtutor.
 * Returned strings are owned by this module and live until exit.
 */
#ifndef SEQTUTOR_PATHS_H
#define SEQTUTOR_PATHS_H

#include <stdio.h>

/* The data home, or NULL when none of the candidates exists. */
const char *paths_home(void);
/* Prints every candidate, whether it was found, and the state directory. */
void paths_report(FILE *out);
/* Joins dir and rel with one '/'; the caller frees the result. */
char *paths_join(const char *dir, const char *rel);
/* home/rel, or NULL when there is no data home; the caller frees it. */
char *paths_data_file(const char *rel);
/* The state directory (not created). */
const char *paths_state_dir(void);
/* The course language for a command: lang_choose(flag, the choice saved in
 * the state directory's progress file). NULL only for a bad flag. */
const char *paths_lang(const char *flag);
/* Creates the state directory; 0 or -1 with a message in err. */
int paths_ensure_state_dir(char *err, size_t errlen);

#endif
