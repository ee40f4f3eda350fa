/* textout.h — a growable text buffer for the JSON and dumps the runtime
 * writes.  A failed allocation is remembered; the caller checks `failed`
 * once at the end.  Host memory: output is not part of the simulated heap. */
#ifndef MP_TEXTOUT_H
#define MP_TEXTOUT_H

#include <stddef.h>

typedef struct TextOut {
    char *buf;
    size_t n, cap;
    int failed;
} TextOut;

void text_put(TextOut *o, const char *s, size_t n);
void text_puts(TextOut *o, const char *s);
void text_printf(TextOut *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A JSON string literal of UTF-8 text s[0..n). */
void text_json_str(TextOut *o, const char *s, size_t n);

#endif
