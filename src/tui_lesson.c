/* tui_lesson.c — the lesson viewer: a text pane laid out by wrap.c, a table
 * of contents (a side pane on wide terminals, an overlay otherwise), search
 * with highlighted matches, horizontal scrolling of wide fenced blocks, and
 * the reading position kept in the progress record.
 *
 * The reading position is the block and byte offset of the top line, never a
 * line number, so a resize or a language switch keeps the reader's place.
 * The virtual lines of the pane are the warning lines of a malformed lesson
 * (if any) followed by the lines of the layout.
 */
#include "tui_app.h"

#include "i18n.h"
#include "lesson.h"
#include "util.h"
#include "wrap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOC_SIDE_MIN_COLS 100 /* the contents get a side pane from this width */
#define TOC_SIDE_WIDTH 30
#define TEXT_MAX_WIDTH 100    /* longer lines are hard to read */
#define HSCROLL_STEP 8
#define MAX_MATCHES 20000

typedef struct {
    size_t block, start, end; /* bytes [start, end) of blocks[block].text */
} match;

typedef struct {
    tui_screen base;
    int number;            /* 1..10 */
    const lesson *les;     /* owned by app->lessons; NULL when there is no data */
    lesson_layout *lay;    /* for text_w; NULL until laid out */
    int text_x, text_w;    /* the text pane's first column and width */
    int text_rows;         /* rows of text below the header */
    int side_toc;          /* the contents are a side pane (wide terminal) */
    int toc_open;          /* narrow: the contents overlay is shown */
    int toc_focus;         /* keys move the contents selection */
    int toc_sel;           /* selected contents entry */
    size_t top;            /* first virtual line shown */
    size_t anchor_block;   /* reading position: block of the top line ... */
    size_t anchor_off;     /* ... and its byte offset */
    int hscroll;           /* columns fenced blocks are scrolled to the left */
    char *needle;          /* the active search, or NULL */
    match *matches;
    size_t n_matches;
    size_t cur_match;
    size_t search_from_top; /* where '/' was pressed, for Esc */
    size_t search_from_block, search_from_off;
    int pending_match;     /* opened by :search: go to the first match once laid out */
    match *warn;           /* the warnings wrapped for the pane: {warning, start, end} */
    size_t n_warn;
} lesson_screen;

static const tui_key_help lesson_keys[] = {
    {"j/k  ↓/↑", "scroll one line", "滚动一行"},
    {"Space  PgDn  PgUp  b", "scroll one page", "翻页"},
    {"Ctrl-D  Ctrl-U", "scroll half a page", "滚动半页"},
    {"g/G  Home/End", "beginning / end", "开头 / 结尾"},
    {"n/p  →/←", "next / previous lesson", "下一课 / 上一课"},
    {"]  [", "next / previous section", "下一节 / 上一节"},
    {"/", "search (n/N: next/previous match, Esc: stop)", "搜索（n/N：下/上一个匹配，Esc：结束）"},
    {"L", "中文 / English at the same section", "在同一节切换中文 / English"},
    {"o  Tab", "contents (Enter jumps)", "目录（Enter 跳转）"},
    {"h/l", "scroll wide code left / right", "左右滚动较宽的代码块"},
    {"t", "training panel (lesson 10)", "训练面板（第 10 课）"},
    {"q", "back to the home screen", "返回主页"},
    {NULL, NULL, NULL},
};

static const tui_command_info lesson_commands[] = {
    {"search", "TEXT", "find TEXT in this lesson (then in the others)",
     "在本课（然后在其他课）中查找文字", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ---- geometry ---- */

/* The heading line, the wrapped warnings, and a blank line. */
static size_t warn_lines(const lesson_screen *ls)
{
    return ls->n_warn ? ls->n_warn + 2 : 0;
}

static void layout_warnings(lesson_screen *ls)
{
    free(ls->warn);
    ls->warn = NULL;
    ls->n_warn = 0;
    if (!ls->les) return;
    for (size_t i = 0; i < ls->les->n_warnings; i++) {
        const char *text = ls->les->warnings[i];
        wrap_line *lines;
        size_t n = wrap_text(text, strlen(text), ls->text_w - 2, &lines);
        ls->warn = xrealloc(ls->warn, (ls->n_warn + n) * sizeof *ls->warn);
        for (size_t k = 0; k < n; k++) ls->warn[ls->n_warn++] = (match){i, lines[k].start, lines[k].end};
        free(lines);
    }
}

static size_t total_lines(const lesson_screen *ls)
{
    return warn_lines(ls) + (ls->lay ? ls->lay->n_lines : 0);
}

static size_t max_top(const lesson_screen *ls)
{
    size_t t = total_lines(ls), r = ls->text_rows > 0 ? (size_t)ls->text_rows : 1;
    return t > r ? t - r : 0;
}

static const layout_line *line_at(const lesson_screen *ls, size_t v)
{
    size_t w = warn_lines(ls);
    if (v < w || !ls->lay || v - w >= ls->lay->n_lines) return NULL;
    return &ls->lay->lines[v - w];
}

/* The top line of the anchor (after a layout change). */
static void top_from_anchor(lesson_screen *ls)
{
    if (!ls->lay || ls->lay->n_lines == 0) {
        ls->top = 0;
        return;
    }
    if (ls->anchor_block == 0 && ls->anchor_off == 0) ls->top = 0;
    else ls->top = warn_lines(ls) + lesson_layout_find(ls->lay, ls->anchor_block, ls->anchor_off);
    if (ls->top > max_top(ls)) ls->top = max_top(ls);
}

static int percent_shown(const lesson_screen *ls)
{
    size_t t = total_lines(ls);
    if (t == 0) return 100;
    size_t bottom = ls->top + (size_t)ls->text_rows;
    if (bottom >= t) return 100;
    return (int)(bottom * 100 / t);
}

/* Records the reading position (anchor and percentage) and the read mark. */
static void remember(lesson_screen *ls, tui_app *app)
{
    const layout_line *ln = line_at(ls, ls->top);
    if (ln) {
        ls->anchor_block = ln->block;
        ls->anchor_off = ln->start;
    } else if (ls->top < warn_lines(ls)) {
        ls->anchor_block = 0;
        ls->anchor_off = 0;
    }
    if (!ls->les || !ls->lay) return;
    int pct = percent_shown(ls);
    progress_set_pos(&app->prog, ls->number, app->lang, (int)ls->anchor_block, (int)ls->anchor_off,
                     pct);
    if (pct >= 100 && !progress_is_read(&app->prog, ls->number)) {
        progress_mark_read(&app->prog, ls->number);
        tui_save_progress(app);
    }
}

static void scroll_to(lesson_screen *ls, tui_app *app, long target)
{
    if (target < 0) target = 0;
    if ((size_t)target > max_top(ls)) target = (long)max_top(ls);
    ls->top = (size_t)target;
    remember(ls, app);
}

/* ---- search ---- */

static void clear_matches(lesson_screen *ls)
{
    free(ls->matches);
    ls->matches = NULL;
    ls->n_matches = 0;
    ls->cur_match = 0;
}

static void find_matches(lesson_screen *ls)
{
    clear_matches(ls);
    if (!ls->needle || !*ls->needle || !ls->les) return;
    size_t cap = 0, n = strlen(ls->needle);
    size_t b = 0, at = 0;
    while (ls->n_matches < MAX_MATCHES && lesson_search(ls->les, ls->needle, b, at, 0, &b, &at)) {
        if (ls->n_matches == cap) {
            cap = cap ? cap * 2 : 64;
            ls->matches = xrealloc(ls->matches, cap * sizeof *ls->matches);
        }
        ls->matches[ls->n_matches++] = (match){b, at, at + n};
        at += 1; /* lesson_search skips positions inside a character */
    }
}

static size_t line_of_match(const lesson_screen *ls, const match *m)
{
    return warn_lines(ls) + lesson_layout_find(ls->lay, m->block, m->start);
}

static void show_match(lesson_screen *ls, tui_app *app, size_t i)
{
    if (!ls->n_matches || !ls->lay) return;
    ls->cur_match = i % ls->n_matches;
    const match *m = &ls->matches[ls->cur_match];
    size_t line = line_of_match(ls, m);
    /* Keep the match where it is when it is already comfortably visible. */
    if (line < ls->top || line >= ls->top + (size_t)ls->text_rows)
        scroll_to(ls, app, (long)line - ls->text_rows / 3);
    else remember(ls, app);
    /* A match in a wide fence: scroll it into view horizontally. */
    const layout_line *ln = line_at(ls, line);
    if (ln && ln->kind == LAYOUT_FENCE) {
        const lesson_block *b = &ls->les->blocks[m->block];
        int col = text_width(b->text + ln->start, m->start - ln->start);
        int w = text_width(b->text + m->start, m->end - m->start);
        if (col < ls->hscroll || col + w > ls->hscroll + ls->text_w - 1)
            ls->hscroll = col > ls->text_w / 2 ? col - ls->text_w / 2 : 0;
    }
    tui_status(app, TUI_ROLE_TEXT, i18n(app->lang, I18N_MATCHES), (int)ls->cur_match + 1,
               (int)ls->n_matches, ls->needle);
}

/* The first match at or after the top line (for a new search). */
static void show_first_visible_match(lesson_screen *ls, tui_app *app)
{
    for (size_t i = 0; i < ls->n_matches; i++)
        if (line_of_match(ls, &ls->matches[i]) >= ls->top) {
            show_match(ls, app, i);
            return;
        }
    show_match(ls, app, 0);
}

static void set_needle(lesson_screen *ls, const char *text)
{
    free(ls->needle);
    ls->needle = text && *text ? xstrdup(text) : NULL;
    find_matches(ls);
}

static void end_search(lesson_screen *ls)
{
    set_needle(ls, NULL);
}

static void on_search_change(tui_screen *s, tui_app *app, const char *text)
{
    lesson_screen *ls = (lesson_screen *)s;
    set_needle(ls, text);
    ls->top = ls->search_from_top;
    if (ls->n_matches) show_first_visible_match(ls, app);
    else if (ls->needle) tui_status(app, TUI_ROLE_ERROR, i18n(app->lang, I18N_NOT_FOUND), ls->needle);
    else app->status[0] = '\0';
    app->dirty = 1;
}

static void on_search_done(tui_screen *s, tui_app *app, const char *text)
{
    lesson_screen *ls = (lesson_screen *)s;
    if (!text || !*text) { /* cancelled: back to where the search began */
        end_search(ls);
        ls->anchor_block = ls->search_from_block;
        ls->anchor_off = ls->search_from_off;
        top_from_anchor(ls);
        remember(ls, app);
        app->status[0] = '\0';
        app->dirty = 1;
        return;
    }
    on_search_change(s, app, text);
}

/* ---- loading ---- */

static void drop_layout(lesson_screen *ls)
{
    lesson_layout_free(ls->lay);
    ls->lay = NULL;
}

/* Shows lesson n (1..10) at its remembered position. */
static void load_lesson(lesson_screen *ls, tui_app *app, int n)
{
    drop_layout(ls);
    ls->number = n;
    lesson_set *set = tui_lessons(app);
    ls->les = set ? set->lessons[n - 1] : NULL;
    const progress_pos *pos = progress_get_pos(&app->prog, n, app->lang);
    ls->anchor_block = pos && pos->set ? (size_t)pos->block : 0;
    ls->anchor_off = pos && pos->set ? (size_t)pos->offset : 0;
    if (ls->les && ls->anchor_block >= ls->les->n_blocks) ls->anchor_block = ls->anchor_off = 0;
    ls->top = 0;
    ls->hscroll = 0;
    ls->toc_sel = 0;
    find_matches(ls);
}

static void viewer_layout(tui_screen *s, tui_app *app, int cols, int rows)
{
    lesson_screen *ls = (lesson_screen *)s;
    ls->side_toc = cols >= TOC_SIDE_MIN_COLS;
    if (ls->side_toc) ls->toc_open = 0;
    ls->text_x = ls->side_toc ? TOC_SIDE_WIDTH + 3 : 2;
    ls->text_w = cols - ls->text_x - 2;
    if (ls->text_w > TEXT_MAX_WIDTH) ls->text_w = TEXT_MAX_WIDTH;
    if (ls->text_w < 8) ls->text_w = 8;
    ls->text_rows = rows - 1;
    drop_layout(ls);
    layout_warnings(ls);
    if (ls->les) ls->lay = lesson_layout_new(ls->les, ls->text_w);
    top_from_anchor(ls);
    remember(ls, app);
    if (ls->pending_match && ls->lay) {
        ls->pending_match = 0;
        show_match(ls, app, 0);
    }
}

static void lesson_lang_changed(tui_screen *s, tui_app *app)
{
    lesson_screen *ls = (lesson_screen *)s;
    const lesson *old = ls->les;
    size_t block = ls->anchor_block;
    drop_layout(ls);
    lesson_set *set = tui_lessons(app);
    ls->les = set ? set->lessons[ls->number - 1] : NULL;
    /* The same section in the other language (layout() follows). */
    ls->anchor_block = old && ls->les ? lesson_same_section(old, block, ls->les) : 0;
    ls->anchor_off = 0;
    ls->toc_sel = 0;
    find_matches(ls);
}

/* ---- drawing ---- */

static tui_role style_role(int style, tui_role base)
{
    if (style & LESSON_STYLE_CODE) return TUI_ROLE_CODE;
    if ((style & LESSON_STYLE_BOLD) && base != TUI_ROLE_HEADING && base != TUI_ROLE_TITLE)
        return TUI_ROLE_BOLD;
    return base;
}

/* Draws bytes [start, end) of block b from column x in at most max_cols,
 * styled by its spans, with search matches highlighted. Returns columns. */
static int draw_text(lesson_screen *ls, WINDOW *w, int y, int x, int max_cols, size_t b,
                     size_t start, size_t end, tui_role base)
{
    const lesson_block *blk = &ls->les->blocks[b];
    lesson_span stack_runs[32];
    size_t n_runs = lesson_style_runs(blk, start, end, NULL, 0);
    lesson_span *runs = n_runs <= 32 ? stack_runs : xmalloc(n_runs * sizeof *runs);
    lesson_style_runs(blk, start, end, runs, n_runs);
    int used = 0;
    for (size_t r = 0; r < n_runs && used < max_cols; r++) {
        size_t p = runs[r].start;
        tui_role role = base == TUI_ROLE_CODE ? base : style_role(runs[r].style, base);
        while (p < runs[r].end && used < max_cols) {
            /* The next segment ends at the run's end or a match boundary. */
            size_t seg_end = runs[r].end;
            tui_role seg_role = role;
            for (size_t i = 0; i < ls->n_matches; i++) {
                const match *m = &ls->matches[i];
                if (m->block != b || m->end <= p || m->start >= seg_end) continue;
                if (m->start <= p) {
                    seg_role = i == ls->cur_match ? TUI_ROLE_SELECTION : TUI_ROLE_MATCH;
                    if (m->end < seg_end) seg_end = m->end;
                } else if (m->start < seg_end) {
                    seg_end = m->start;
                }
            }
            int drawn = tui_putn(w, y, x + used, max_cols - used, seg_role, blk->text + p, seg_end - p);
            used += drawn;
            /* A character that did not fit ends the line. */
            if (drawn < text_width(blk->text + p, seg_end - p)) {
                used = max_cols;
                break;
            }
            p = seg_end;
        }
    }
    if (runs != stack_runs) free(runs);
    return used;
}

static void draw_line(lesson_screen *ls, tui_app *app, WINDOW *w, int y, const layout_line *ln)
{
    const lesson_block *blk = &ls->les->blocks[ln->block];
    int x = ls->text_x;
    switch (ln->kind) {
    case LAYOUT_BLANK:
        return;
    case LAYOUT_HEADING:
        draw_text(ls, w, y, x, ls->text_w, ln->block, ln->start, ln->end,
                  ln->level == 1 ? TUI_ROLE_TITLE : TUI_ROLE_HEADING);
        return;
    case LAYOUT_LIST:
        if (ln->first) tui_put(w, y, x, ln->indent, TUI_ROLE_KEY, blk->marker);
        draw_text(ls, w, y, x + ln->indent, ls->text_w - ln->indent, ln->block, ln->start, ln->end,
                  TUI_ROLE_TEXT);
        return;
    case LAYOUT_NOTE:
        tui_put(w, y, x, 1, TUI_ROLE_NOTE, tui_sym(app, "│", "|"));
        draw_text(ls, w, y, x + ln->indent, ls->text_w - ln->indent, ln->block, ln->start, ln->end,
                  TUI_ROLE_NOTE);
        return;
    case LAYOUT_TEXT:
        draw_text(ls, w, y, x + ln->indent, ls->text_w - ln->indent, ln->block, ln->start, ln->end,
                  TUI_ROLE_TEXT);
        return;
    case LAYOUT_FENCE: {
        int skipped = 0;
        size_t skip = text_skip(blk->text + ln->start, ln->end - ln->start, ls->hscroll, &skipped);
        int pad = skipped - ls->hscroll; /* half of a wide character scrolled away */
        int rest = ln->width - ls->hscroll;
        int avail = ls->text_w;
        int clipped = rest > avail;
        if (ls->hscroll > 0 && ln->width > 0) tui_put(w, y, x - 1, 1, TUI_ROLE_DIM, tui_sym(app, "‹", "<"));
        if (pad > 0 && rest > 0) tui_put(w, y, x, pad, TUI_ROLE_CODE, " ");
        if (rest > 0)
            draw_text(ls, w, y, x + pad, (clipped ? avail - 1 : avail) - pad, ln->block,
                      ln->start + skip, ln->end, TUI_ROLE_CODE);
        if (clipped) tui_put(w, y, x + avail - 1, 1, TUI_ROLE_DIM, tui_sym(app, "›", ">"));
        return;
    }
    }
}

static long current_section(const lesson_screen *ls)
{
    if (!ls->les) return -1;
    return lesson_section_of_block(ls->les, ls->anchor_block);
}

static void draw_toc_entries(lesson_screen *ls, tui_app *app, WINDOW *w, int y0, int x, int width,
                             int rows)
{
    const lesson *l = ls->les;
    long cur = current_section(ls);
    int sel = ls->toc_focus || ls->toc_open ? ls->toc_sel : (int)(cur < 0 ? 0 : cur);
    int first = sel >= rows ? sel - rows + 1 : 0;
    for (int r = 0; r < rows && first + r < (int)l->n_toc; r++) {
        int i = first + r;
        const lesson_toc_entry *e = &l->toc[i];
        int indent = e->level == 3 ? 2 : 0;
        tui_role role = TUI_ROLE_TEXT;
        if ((ls->toc_focus || ls->toc_open) && i == ls->toc_sel) {
            role = TUI_ROLE_SELECTION;
            tui_fill(w, y0 + r, x, width, role);
        } else if (i == cur) {
            role = TUI_ROLE_HEADING;
        }
        tui_put(w, y0 + r, x + 1 + indent, width - 2 - indent, role, l->blocks[e->block].text);
    }
}

static void draw_side_toc(lesson_screen *ls, tui_app *app, WINDOW *w)
{
    tui_put(w, 1, 2, TOC_SIDE_WIDTH - 2, TUI_ROLE_TITLE, i18n(app->lang, I18N_CONTENTS));
    draw_toc_entries(ls, app, w, 2, 1, TOC_SIDE_WIDTH, app->body_rows - 2);
    tui_vline(w, 1, TOC_SIDE_WIDTH + 1, app->body_rows - 1, TUI_ROLE_BORDER);
}

static void draw_toc_overlay(lesson_screen *ls, tui_app *app, WINDOW *w)
{
    int width = app->cols - 8 > 56 ? 56 : app->cols - 8;
    int rows = (int)ls->les->n_toc;
    if (rows > app->body_rows - 4) rows = app->body_rows - 4;
    if (rows < 1) rows = 1;
    int y0 = 2, x0 = (app->cols - width) / 2;
    for (int y = 0; y < rows + 2; y++) tui_fill(w, y0 + y, x0, width, TUI_ROLE_TEXT);
    tui_frame(w, y0, x0, rows + 2, width, TUI_ROLE_BORDER, i18n(app->lang, I18N_CONTENTS));
    draw_toc_entries(ls, app, w, y0 + 1, x0 + 1, width - 2, rows);
}

static void lesson_draw(tui_screen *s, tui_app *app, WINDOW *w)
{
    lesson_screen *ls = (lesson_screen *)s;
    char head[64];
    snprintf(head, sizeof head, i18n(app->lang, I18N_LESSON_N), ls->number);
    if (!ls->les || !ls->lay) {
        tui_put(w, 0, 2, -1, TUI_ROLE_TITLE, head);
        tui_put(w, 2, 2, app->cols - 4, TUI_ROLE_ERROR, i18n(app->lang, I18N_NO_DATA));
        return;
    }
    /* Header: "Lesson 6 · Title" on the left, the percentage on the right. */
    char pct[16];
    snprintf(pct, sizeof pct, "%d%%", percent_shown(ls));
    int pw = tui_width(pct);
    int x = tui_put(w, 0, 2, app->cols - pw - 6, TUI_ROLE_TITLE, head);
    x += tui_put(w, 0, 2 + x, 3, TUI_ROLE_DIM, tui_sym(app, " · ", " - "));
    tui_put(w, 0, 2 + x, app->cols - pw - 6 - x, TUI_ROLE_TITLE, ls->les->title);
    tui_put(w, 0, app->cols - pw - 2, pw, TUI_ROLE_DIM, pct);

    size_t nw = warn_lines(ls);
    for (int r = 0; r < ls->text_rows; r++) {
        size_t v = ls->top + (size_t)r;
        int y = 1 + r;
        if (v < nw) {
            if (v == 0) tui_put(w, y, ls->text_x, ls->text_w, TUI_ROLE_WARNING, i18n(app->lang, I18N_WARNINGS));
            else if (v - 1 < ls->n_warn) {
                const match *m = &ls->warn[v - 1];
                tui_putn(w, y, ls->text_x + 2, ls->text_w - 2, TUI_ROLE_WARNING,
                         ls->les->warnings[m->block] + m->start, m->end - m->start);
            }
            continue;
        }
        const layout_line *ln = line_at(ls, v);
        if (!ln) break;
        draw_line(ls, app, w, y, ln);
    }
    if (ls->top >= max_top(ls) && total_lines(ls) < ls->top + (size_t)ls->text_rows) {
        int y = 1 + (int)(total_lines(ls) - ls->top);
        if (y < app->body_rows) {
            const char *end = i18n(app->lang, I18N_END_OF_LESSON);
            tui_put(w, y, ls->text_x + (ls->text_w - tui_width(end)) / 2, ls->text_w, TUI_ROLE_DIM, end);
        }
    }
    if (ls->side_toc) draw_side_toc(ls, app, w);
    else if (ls->toc_open) draw_toc_overlay(ls, app, w);
}

/* ---- keys ---- */

static void go_lesson(lesson_screen *ls, tui_app *app, int n)
{
    if (n < 1 || n > LESSON_COUNT || n == ls->number) return;
    remember(ls, app);
    tui_save_progress(app);
    load_lesson(ls, app, n);
    viewer_layout(&ls->base, app, app->cols, app->body_rows);
}

static void go_section(lesson_screen *ls, tui_app *app, long section)
{
    if (!ls->les || !ls->lay) return;
    size_t b = lesson_section_block(ls->les, section);
    scroll_to(ls, app, (long)(warn_lines(ls) + ls->lay->block_first[b]));
}

static int toc_key(lesson_screen *ls, tui_app *app, int key)
{
    int n = (int)ls->les->n_toc;
    switch (key) {
    case KEY_DOWN: case 'j':
        if (ls->toc_sel + 1 < n) ls->toc_sel++;
        break;
    case KEY_UP: case 'k':
        if (ls->toc_sel > 0) ls->toc_sel--;
        break;
    case KEY_HOME: case 'g': ls->toc_sel = 0; break;
    case KEY_END: case 'G': ls->toc_sel = n > 0 ? n - 1 : 0; break;
    case '\n': case KEY_RIGHT: case 'l':
        if (n > 0) go_section(ls, app, ls->toc_sel);
        ls->toc_open = ls->toc_focus = 0;
        break;
    case 27: case 'o': case '\t': case 'q': case KEY_LEFT: case 'h':
        ls->toc_open = ls->toc_focus = 0;
        break;
    default:
        return 0;
    }
    return TUI_HANDLED | TUI_REDRAW;
}

static int max_fence_width(const lesson_screen *ls)
{
    int m = 0;
    for (size_t i = 0; ls->lay && i < ls->lay->n_lines; i++)
        if (ls->lay->lines[i].kind == LAYOUT_FENCE && ls->lay->lines[i].width > m)
            m = ls->lay->lines[i].width;
    return m;
}

static int lesson_key(tui_screen *s, tui_app *app, int key)
{
    lesson_screen *ls = (lesson_screen *)s;
    if (!ls->les || !ls->lay) return 0;
    if (ls->toc_open || ls->toc_focus) {
        int r = toc_key(ls, app, key);
        if (r) return r;
    }
    long page = ls->text_rows > 2 ? ls->text_rows - 2 : 1;
    long top = (long)ls->top;
    switch (key) {
    case KEY_DOWN: case 'j': case TUI_CTRL('e'): scroll_to(ls, app, top + 1); break;
    case KEY_UP: case 'k': case TUI_CTRL('y'): scroll_to(ls, app, top - 1); break;
    case KEY_NPAGE: case ' ': case TUI_CTRL('f'): scroll_to(ls, app, top + page); break;
    case KEY_PPAGE: case 'b': case TUI_CTRL('b'): scroll_to(ls, app, top - page); break;
    case TUI_CTRL('d'): scroll_to(ls, app, top + ls->text_rows / 2); break;
    case TUI_CTRL('u'): scroll_to(ls, app, top - ls->text_rows / 2); break;
    case KEY_HOME: case 'g': scroll_to(ls, app, 0); break;
    case KEY_END: case 'G': scroll_to(ls, app, (long)max_top(ls)); break;
    case 'n':
        if (ls->needle && ls->n_matches) show_match(ls, app, ls->cur_match + 1);
        else if (ls->needle) tui_status(app, TUI_ROLE_ERROR, i18n(app->lang, I18N_NOT_FOUND), ls->needle);
        else go_lesson(ls, app, ls->number + 1);
        break;
    case 'N':
        if (ls->needle && ls->n_matches) show_match(ls, app, ls->cur_match + ls->n_matches - 1);
        else if (ls->needle) tui_status(app, TUI_ROLE_ERROR, i18n(app->lang, I18N_NOT_FOUND), ls->needle);
        else return 0;
        break;
    case 'p': go_lesson(ls, app, ls->number - 1); break;
    case KEY_RIGHT: go_lesson(ls, app, ls->number + 1); break;
    case KEY_LEFT: go_lesson(ls, app, ls->number - 1); break;
    case ']': go_section(ls, app, current_section(ls) + 1); break;
    case '[': {
        long sec = current_section(ls);
        /* From inside a section, '[' first goes to its start. */
        size_t start = sec >= 0 ? lesson_section_block(ls->les, sec) : 0;
        if (sec >= 0 && ls->lay->block_first[start] + warn_lines(ls) < ls->top) go_section(ls, app, sec);
        else go_section(ls, app, sec - 1);
        break;
    }
    case '/':
        ls->search_from_top = ls->top;
        ls->search_from_block = ls->anchor_block;
        ls->search_from_off = ls->anchor_off;
        tui_prompt(app, s, "/", NULL, on_search_change, on_search_done);
        break;
    case 27:
        if (!ls->needle) return 0;
        end_search(ls);
        app->status[0] = '\0';
        break;
    case 'L': tui_set_lang(app, strcmp(app->lang, "zh") == 0 ? "en" : "zh"); break;
    case 'o': case '\t':
        if (ls->les->n_toc == 0) break;
        ls->toc_sel = current_section(ls) < 0 ? 0 : (int)current_section(ls);
        if (ls->side_toc) ls->toc_focus = 1;
        else ls->toc_open = 1;
        break;
    case 'h': ls->hscroll = ls->hscroll > HSCROLL_STEP ? ls->hscroll - HSCROLL_STEP : 0; break;
    case 'l': {
        int limit = max_fence_width(ls) - ls->text_w + 1;
        if (limit < 0) limit = 0;
        ls->hscroll = ls->hscroll + HSCROLL_STEP < limit ? ls->hscroll + HSCROLL_STEP : limit;
        break;
    }
    case 't':
        if (ls->number == LESSON_COUNT) tui_push(app, train_screen_new(app, app->start));
        else tui_status(app, TUI_ROLE_DIM, "%s", i18n(app->lang, I18N_TRAIN_ONLY_10));
        break;
    default:
        return 0;
    }
    return TUI_HANDLED | TUI_REDRAW;
}

/* :search TEXT — here first, then the following lessons. */
static int lesson_command(tui_screen *s, tui_app *app, int argc, char **argv)
{
    lesson_screen *ls = (lesson_screen *)s;
    if (argc < 2) {
        tui_status(app, TUI_ROLE_ERROR, "%s", i18n(app->lang, I18N_SEARCH_USAGE));
        return TUI_HANDLED;
    }
    strbuf sb;
    sb_init(&sb);
    for (int i = 1; i < argc; i++) {
        if (i > 1) sb_puts(&sb, " ");
        sb_puts(&sb, argv[i]);
    }
    lesson_set *set = tui_lessons(app);
    for (int k = 0; set && k < LESSON_COUNT; k++) {
        int n = (ls->number - 1 + k) % LESSON_COUNT + 1;
        size_t fb, fo;
        if (lesson_search(set->lessons[n - 1], sb.data, 0, 0, 0, &fb, &fo)) {
            go_lesson(ls, app, n);
            set_needle(ls, sb.data);
            show_first_visible_match(ls, app);
            sb_free(&sb);
            return TUI_HANDLED | TUI_REDRAW;
        }
    }
    tui_status(app, TUI_ROLE_ERROR, i18n(app->lang, I18N_NOT_FOUND), sb.data);
    sb_free(&sb);
    return TUI_HANDLED | TUI_REDRAW;
}

static const char *lesson_footer(tui_screen *s, tui_app *app)
{
    lesson_screen *ls = (lesson_screen *)s;
    return i18n(app->lang, ls->needle ? I18N_FOOTER_SEARCH : I18N_FOOTER_LESSON);
}

static void viewer_free(tui_screen *s, tui_app *app)
{
    lesson_screen *ls = (lesson_screen *)s;
    remember(ls, app);
    drop_layout(ls);
    clear_matches(ls);
    free(ls->warn);
    free(ls->needle);
    free(ls);
}

static const tui_screen_ops lesson_ops = {
    .name = "lesson",
    .layout = viewer_layout,
    .draw = lesson_draw,
    .key = lesson_key,
    .command = lesson_command,
    .commands = lesson_commands,
    .keys = lesson_keys,
    .footer = lesson_footer,
    .lang_changed = lesson_lang_changed,
    .free = viewer_free,
};

tui_screen *lesson_screen_new(tui_app *app, int n, const char *search)
{
    if (n < 1) n = 1;
    if (n > LESSON_COUNT) n = LESSON_COUNT;
    lesson_screen *ls = xcalloc(1, sizeof *ls);
    ls->base.ops = &lesson_ops;
    load_lesson(ls, app, n);
    if (search && *search) set_needle(ls, search);
    ls->pending_match = ls->n_matches > 0; /* shown at the first layout */
    return &ls->base;
}
