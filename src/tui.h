/* tui.h — entry point of the full-screen program (ncursesw + readline).
 *
 * tui_run() owns the terminal from start to end: it initialises curses,
 * runs the screen loop and restores the terminal on every exit path
 * (including Ctrl-C and fatal errors through util_set_cleanup). It returns
 * the process exit status.
 *
 * The screen contract (screen ops, colours, the command line, wake-ups from
 * worker threads) is documented in tui_app.h.
 */
#ifndef SEQTUTOR_TUI_H
#define SEQTUTOR_TUI_H

#include "trainer.h"

typedef enum { TUI_HOME, TUI_LESSON, TUI_QUIZ, TUI_TRAIN } tui_screen_id;

typedef struct {
    tui_screen_id screen;      /* the first screen shown; q returns to home */
    const char *lang;          /* "zh", "en" or NULL (from the environment / saved state) */
    int lesson;                /* TUI_LESSON: 1..10 */
    const char *quiz_file;     /* TUI_QUIZ: NULL = week-1 file of the language */
    int quiz_review;           /* TUI_QUIZ: ask only questions due for review */
    int quiz_seed_set;         /* TUI_QUIZ: quiz_seed given */
    unsigned long quiz_seed;
    int quiz_no_shuffle;
    trainer_config train;      /* TUI_TRAIN (and the home screen's training entry) */
} tui_start;

void tui_start_defaults(tui_start *s);
int tui_run(const tui_start *s);

#endif
