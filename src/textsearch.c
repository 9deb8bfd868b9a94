/* textsearch.c — see textsearch.h. */
#include "textsearch.h"

#include <string.h>

static unsigned char fold(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

long text_search(const char *hay, size_t len, size_t from, const char *needle)
{
    size_t n = strlen(needle);
    if (n == 0 || from > len || n > len - from) return -1;
    for (size_t i = from; i + n <= len; i++) {
        /* Continuation bytes never start a match. */
        if (((unsigned char)hay[i] & 0xC0) == 0x80) continue;
        size_t k = 0;
        while (k < n && fold((unsigned char)hay[i + k]) == fold((unsigned char)needle[k])) k++;
        if (k == n) return (long)i;
    }
    return -1;
}
