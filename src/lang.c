/* lang.c — see lang.h. */
#include "lang.h"

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

static int utf8_ok;

static int codeset_is_utf8(void)
{
    const char *cs = nl_langinfo(CODESET);
    return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

static int env_wants_utf8(void)
{
    const char *vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};
    for (int i = 0; i < 3; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v) return strstr(v, "UTF-8") || strstr(v, "utf8") || strstr(v, "UTF8");
    }
    return 0;
}

void lang_setup_locale(void)
{
    const char *got = setlocale(LC_ALL, "");
    if (got && codeset_is_utf8()) {
        utf8_ok = 1;
        return;
    }
    /* The requested locale is not installed (or is not UTF-8 while the
     * environment asks for UTF-8): keep the character functions working. */
    if (!got || env_wants_utf8()) {
        if (setlocale(LC_CTYPE, "C.UTF-8") || setlocale(LC_CTYPE, "C.utf8"))
            utf8_ok = codeset_is_utf8();
    }
}

int lang_utf8(void) { return utf8_ok; }

const char *lang_pick(const char *flag)
{
    if (flag) {
        if (strcmp(flag, "zh") == 0) return "zh";
        if (strcmp(flag, "en") == 0) return "en";
        return NULL;
    }
    const char *v = getenv("LC_ALL");
    if (!v || !*v) v = getenv("LANG");
    return v && strncmp(v, "zh", 2) == 0 ? "zh" : "en";
}
