/* lang.h — locale set-up and the course language.
 *
 * lang_setup_locale() must run first in main: it calls setlocale(LC_ALL, "")
 * and, when that locale is missing or not UTF-8 (zh_CN.UTF-8 is often not
 * installed), falls back to C.UTF-8 for the character functions, so Chinese
 * text is measured and drawn correctly anyway. lang_utf8() tells whether the
 * character functions now speak UTF-8.
 *
 * The course language, one rule for every mode (full screen and plain):
 *   1. --lang zh|en;
 *   2. the choice saved in the progress file (z / L / :lang in the program);
 *   3. $LANGUAGE, a list like zh_CN:zh:en: its first entry in Chinese or
 *      English, unless the messages locale (below) is C or POSIX, where
 *      gettext ignores $LANGUAGE too;
 *   4. the messages locale: the first set of $LC_ALL, $LC_MESSAGES, $LANG
 *      (zh... gives Chinese, en... English);
 *   5. English.
 * lang_choose(flag, saved) applies it; it returns NULL only for a flag that
 * is neither "zh" nor "en". lang_pick(flag) is lang_choose(flag, NULL);
 * lang_parse(s) is "zh", "en" or NULL; lang_from_env() is steps 3 to 5.
 */
#ifndef SEQTUTOR_LANG_H
#define SEQTUTOR_LANG_H

void lang_setup_locale(void);
int lang_utf8(void);
const char *lang_parse(const char *s);
const char *lang_from_env(void);
const char *lang_choose(const char *flag, const char *saved);
const char *lang_pick(const char *flag);

#endif
