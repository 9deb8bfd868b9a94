/* cmd_train.c — placeholder */
#include "commands.h"
int cmd_train(int argc, char **argv) { (void)argc; (void)argv; return 2; }
int cmd_sample(int argc, char **argv) { (void)argc; (void)argv; return 2; }
