/* tui_app.c — placeholder until the full-screen program lands. */
#include "commands.h"
#include "tui.h"

#include <stdio.h>
#include <string.h>

void tui_start_defaults(tui_start *s)
{
    memset(s, 0, sizeof *s);
    s->screen = TUI_HOME;
    trainer_config_defaults(&s->train);
}

int tui_run(const tui_start *s)
{
    (void)s;
    fprintf(stderr, "seqtutor: the full-screen course is not built yet\n");
    return 2;
}

int cmd_home(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    tui_start s;
    tui_start_defaults(&s);
    return tui_run(&s);
}
