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

const char *lang_parse(const char *s)
{
    if (!s) return NULL;
    if (strcmp(s, "zh") == 0) return "zh";
    if (strcmp(s, "en") == 0) return "en";
    return NULL;
}

/* The course language a locale name or LANGUAGE entry asks for: zh_CN.UTF-8,
 * zh_TW, zh -> "zh"; en_GB.UTF-8, en -> "en"; anything else NULL. */
static const char *tag_lang(const char *tag, size_t len)
{
    if (len >= 2 && strncmp(tag, "zh", 2) == 0 && (len == 2 || tag[2] == '_' || tag[2] == '.' || tag[2] == '@'))
        return "zh";
    if (len >= 2 && strncmp(tag, "en", 2) == 0 && (len == 2 || tag[2] == '_' || tag[2] == '.' || tag[2] == '@'))
        return "en";
    return NULL;
}

static const char *nonempty_env(const char *name)
{
    const char *v = getenv(name);
    return v && *v ? v : NULL;
}

const char *lang_from_env(void)
{
    /* The messages locale, as gettext finds it. */
    const char *locale = nonempty_env("LC_ALL");
    if (!locale) locale = nonempty_env("LC_MESSAGES");
    if (!locale) locale = nonempty_env("LANG");
    int c_locale = !locale || strcmp(locale, "C") == 0 || strcmp(locale, "POSIX") == 0 ||
                   strncmp(locale, "C.", 2) == 0;
    /* LANGUAGE: a list of preferences, zh_CN:zh:en; gettext ignores it in
     * the C locale, and so do we. The first entry we have a course for wins. */
    const char *list = nonempty_env("LANGUAGE");
    if (list && !c_locale) {
        for (const char *p = list; *p;) {
            size_t len = strcspn(p, ":");
            const char *l = tag_lang(p, len);
            if (l) return l;
            p += len;
            if (*p == ':') p++;
        }
    }
    const char *l = locale ? tag_lang(locale, strlen(locale)) : NULL;
    return l ? l : "en";
}

const char *lang_choose(const char *flag, const char *saved)
{
    if (flag) return lang_parse(flag);
    const char *s = lang_parse(saved);
    return s ? s : lang_from_env();
}

const char *lang_pick(const char *flag) { return lang_choose(flag, NULL); }
