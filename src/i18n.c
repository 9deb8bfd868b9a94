/* i18n.c — see i18n.h. One row per text: English, then Chinese. */
#include "i18n.h"

#include <string.h>

static const char *const texts[I18N_COUNT][2] = {
    [I18N_APP_TITLE] = {"seqtutor — Sequence Models, week 1", "seqtutor — 序列模型 第一周"},
    [I18N_APP_SUBTITLE] = {"RNN, GRU, LSTM, bidirectional and deep RNNs",
                           "循环神经网络、GRU、LSTM、双向与深层 RNN"},
    [I18N_LESSONS] = {"Lessons", "课程"},
    [I18N_QUIZ] = {"Quiz", "测验"},
    [I18N_REVIEW_DUE] = {"%d questions due for review", "%d 道题待复习"},
    [I18N_TRAIN] = {"Train the dinosaur-name RNN", "训练恐龙名字 RNN"},
    [I18N_FOOTER_HOME] = {"↑↓ choose  Enter open  1-0 lesson  z 中文  : command  ? help  q quit",
                          "↑↓ 选择  Enter 打开  1-0 课程  z English  : 命令  ? 帮助  q 退出"},
    [I18N_FOOTER_LESSON] = {"j/k scroll  n/p lesson  / search  L 中文  o contents  ? help  q back",
                            "j/k 滚动  n/p 换课  / 搜索  L English  o 目录  ? 帮助  q 返回"},
    [I18N_FOOTER_SEARCH] = {"n/N next/previous match  Esc end search  ? help  q back",
                            "n/N 下一个/上一个匹配  Esc 结束搜索  ? 帮助  q 返回"},
    [I18N_FOOTER_DEFAULT] = {": command  ? help  q back", ": 命令  ? 帮助  q 返回"},
    [I18N_TOO_SMALL] = {"terminal too small (need %d×%d, have %d×%d)",
                        "终端太小（需要 %d×%d，当前 %d×%d）"},
    [I18N_UNKNOWN_COMMAND] = {"unknown command: %s (try :help)", "未知命令：%s（试试 :help）"},
    [I18N_BAD_LESSON] = {"no lesson '%s': choose 1 to 10", "没有第“%s”课：请选 1 到 10"},
    [I18N_LANG_USAGE] = {"usage: :lang zh|en", "用法：:lang zh|en"},
    [I18N_LANG_SET] = {"language: English", "语言：中文"},
    [I18N_SEARCH_USAGE] = {"usage: :search TEXT", "用法：:search 文字"},
    [I18N_NOT_FOUND] = {"not found: %s", "没有找到：%s"},
    [I18N_MATCHES] = {"match %d of %d: %s", "第 %d 个匹配，共 %d 个：%s"},
    [I18N_HELP_TITLE] = {"Keys", "按键"},
    [I18N_HELP_SCREEN] = {"This screen", "本屏幕"},
    [I18N_HELP_GLOBAL] = {"Everywhere", "所有屏幕"},
    [I18N_HELP_COMMANDS] = {"Commands", "命令"},
    [I18N_HELP_CLOSE] = {"press any key to close", "按任意键关闭"},
    [I18N_HELP_SCROLL] = {"↑/↓ scroll · any other key closes", "↑/↓ 滚动 · 其他任意键关闭"},
    [I18N_COMING_SOON] = {"coming soon — press q to go back", "即将推出 —— 按 q 返回"},
    [I18N_NO_DATA] = {"no course files found (set SEQTUTOR_HOME to the folder with content/)",
                      "找不到课程文件（请把 SEQTUTOR_HOME 设为含 content/ 的目录）"},
    [I18N_CONTENTS] = {"Contents", "目录"},
    [I18N_LESSON_N] = {"Lesson %d", "第 %d 课"},
    [I18N_END_OF_LESSON] = {"— end of lesson —", "—— 本课结束 ——"},
    [I18N_WARNINGS] = {"This lesson file has problems:", "本课文件有问题："},
    [I18N_TRAIN_ONLY_10] = {"the training panel belongs to lesson 10", "训练面板属于第 10 课"},
    [I18N_PLAIN_COMMANDS] =
        {"Commands:\n"
         "  seqtutor lesson N        read lesson N (add --plain outside a terminal)\n"
         "  seqtutor quiz            take the quiz\n"
         "  seqtutor train --plain   train the dinosaur-name RNN\n"
         "  seqtutor --help          everything else\n",
         "命令：\n"
         "  seqtutor lesson N        阅读第 N 课（在终端之外加 --plain）\n"
         "  seqtutor quiz            做测验\n"
         "  seqtutor train --plain   训练恐龙名字 RNN\n"
         "  seqtutor --help          其他用法\n"},
};

const char *i18n(const char *lang, i18n_id id)
{
    if ((int)id < 0 || id >= I18N_COUNT) return "";
    int zh = lang && strcmp(lang, "zh") == 0;
    const char *s = texts[id][zh];
    return s ? s : texts[id][0] ? texts[id][0] : "";
}
