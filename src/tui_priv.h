/* tui_priv.h — functions the framework files share with each other (not for
 * screens: they use tui_app.h). Called on the UI thread only. */
#ifndef SEQTUTOR_TUI_PRIV_H
#define SEQTUTOR_TUI_PRIV_H

#include "tui_app.h"

/* tui_colors.c: sets up the colour pairs; 1 when colours are in use. Colours
 * are off when NO_COLOR is set and non-empty or the terminal has none. */
int tui_colors_init(void);

/* tui_cmdline.c: the bottom-line editor (GNU readline, callback interface). */
void tui_cmdline_init(tui_app *app);       /* after initscr; loads the history */
void tui_cmdline_shutdown(tui_app *app);   /* saves the history, releases readline */
void tui_cmdline_open(tui_app *app);       /* ':' pressed */
int tui_cmdline_active(const tui_app *app);
void tui_cmdline_key(tui_app *app, int key); /* a key while active */
/* Draws the bottom line (prompt and text, or the completion list above it);
 * returns the cursor column, or -1 when no cursor should show. */
int tui_cmdline_draw(tui_app *app);
/* The screen s is going away: cancel a prompt it owns. */
void tui_cmdline_forget(tui_app *app, tui_screen *s);
/* Runs one ':' command line (also used by tests of the dispatcher). */
void tui_command_run(tui_app *app, const char *line);

/* tui_app.c: acts on the TUI_* flags screen s returned for an event. */
void tui_apply_flags(tui_app *app, tui_screen *s, int flags);

/* tui_cmdline.c: the global ':' commands, for help. */
extern const tui_command_info tui_global_commands[];

/* tui_help.c: the '?' overlay. open shows it from the top; key handles a key
 * while it is open (scrolls, or closes it: returns 1 when it scrolled); draw
 * paints it over the body. */
void tui_help_open(tui_app *app);
int tui_help_key(tui_app *app, int key);
void tui_help_draw(tui_app *app);

#endif
