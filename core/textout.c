/* textout.c — a growable text buffer (see textout.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "textout.h"

void text_put(TextOut *o, const char *s, size_t n)
{
    if (o->failed)
        return;
    if (o->n + n + 1 > o->cap) {
        size_t cap = o->cap ? o->cap : 256;
        while (cap < o->n + n + 1)
            cap *= 2;
        char *b = realloc(o->buf, cap);
        if (!b) {
            o->failed = 1;
            return;
        }
        o->buf = b;
        o->cap = cap;
    }
    memcpy(o->buf + o->n, s, n);
    o->n += n;
    o->buf[o->n] = '\0';
}

void text_puts(TextOut *o, const char *s) { text_put(o, s, strlen(s)); }

void text_printf(TextOut *o, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        text_put(o, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        o->failed = 1;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    text_put(o, big, (size_t)n);
    free(big);
}

void text_json_str(TextOut *o, const char *s, size_t n)
{
    text_put(o, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        text_put(o, s + run, i - run);
        run = i + 1;
        char esc[8];
        switch (c) {
        case '"': text_puts(o, "\\\""); break;
        case '\\': text_puts(o, "\\\\"); break;
        case '\n': text_puts(o, "\\n"); break;
        case '\r': text_puts(o, "\\r"); break;
        case '\t': text_puts(o, "\\t"); break;
        default:
            snprintf(esc, sizeof esc, "\\u%04x", c);
            text_puts(o, esc);
        }
    }
    text_put(o, s + run, n - run);
    text_put(o, "\"", 1);
}
