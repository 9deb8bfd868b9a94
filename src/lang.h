/* lang.h — locale set-up and the course language.
 *
 * lang_setup_locale() must run first in main: it calls setlocale(LC_ALL, "")
 * and, when that locale is missing or not UTF-8 (zh_CN.UTF-8 is often not
 * installed), falls back to C.UTF-8 for the character functions, so Chinese
 * text is measured and drawn correctly anyway. lang_utf8() tells whether the
 * character functions now speak UTF-8.
 *
 * lang_pick(flag): "zh" or "en". An explicit flag wins; otherwise $LC_ALL,
 * then $LANG, beginning with "zh" gives "zh"; everything else gives "en".
 * Returns NULL when flag is set but is neither "zh" nor "en".
 */
#ifndef SEQTUTOR_LANG_H
#define SEQTUTOR_LANG_H

void lang_setup_locale(void);
int lang_utf8(void);
const char *lang_pick(const char *flag);

#endif
