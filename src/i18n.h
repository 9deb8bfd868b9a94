/* i18n.h — the program's own words (not the lessons) in English and Chinese.
 *
 * i18n(lang, id) returns the text of id in lang ("zh" gives Chinese, anything
 * else English). The strings are static; some are printf formats, noted by
 * their comment. Model layer: no terminal code, so the plain front ends can
 * use the same words.
 */
#ifndef SEQTUTOR_I18N_H
#define SEQTUTOR_I18N_H

typedef enum {
    I18N_APP_TITLE,        /* the home screen's title */
    I18N_APP_SUBTITLE,
    I18N_LESSONS,          /* heading of the lesson list */
    I18N_QUIZ,             /* home entry */
    I18N_REVIEW_DUE,       /* format: %d questions due */
    I18N_TRAIN,            /* home entry */
    I18N_FOOTER_HOME,
    I18N_FOOTER_LESSON,
    I18N_FOOTER_SEARCH,    /* lesson footer while a search is active */
    I18N_FOOTER_DEFAULT,
    I18N_TOO_SMALL,        /* format: need %d×%d, have %d×%d */
    I18N_UNKNOWN_COMMAND,  /* format: %s */
    I18N_BAD_LESSON,       /* format: %s */
    I18N_LANG_USAGE,
    I18N_LANG_SET,         /* the language is now ... */
    I18N_SEARCH_USAGE,
    I18N_NOT_FOUND,        /* format: %s */
    I18N_MATCHES,          /* format: match %d of %d: %s */
    I18N_HELP_TITLE,
    I18N_HELP_SCREEN,      /* heading: keys of this screen */
    I18N_HELP_GLOBAL,      /* heading: keys everywhere */
    I18N_HELP_COMMANDS,    /* heading: commands */
    I18N_HELP_CLOSE,       /* any key closes */
    I18N_HELP_SCROLL,      /* ↑/↓ scroll, any other key closes */
    I18N_COMING_SOON,
    I18N_NO_DATA,          /* no content directory found */
    I18N_CONTENTS,         /* table of contents heading */
    I18N_LESSON_N,         /* format: Lesson %d */
    I18N_END_OF_LESSON,
    I18N_WARNINGS,         /* this lesson file has problems */
    I18N_TRAIN_ONLY_10,
    I18N_PLAIN_COMMANDS,   /* the command summary of the plain home */
    I18N_COUNT
} i18n_id;

const char *i18n(const char *lang, i18n_id id);

#endif
