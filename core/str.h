/* str.h — str and bytes.
 *
 * A str is stored as CPython stores it: fixed-width code units of 1, 2 or
 * 4 bytes (the narrowest that holds its widest character) right after the
 * header, so indexing is O(1).  Sizes are CPython's: 48 + len + 1 for
 * ASCII, 72 + (len + 1) * kind otherwise ('' 49, 'abc' 52, 'é' 74,
 * '\u1234' 76).  The empty string and the 256 one-character Latin-1
 * strings are static.  Hashes are deterministic (CPython randomizes them,
 * so no snippet can depend on their values) and cached.
 *
 * bytes: 33 + len bytes, immutable, data inline with a trailing NUL.
 */
#ifndef MP_STR_H
#define MP_STR_H

#include <string.h>
#include "object.h"
#include "memops.h"

typedef struct MpStr {
    MpObject ob;
    int64_t length;       /* code points */
    int64_t hash;         /* -1 until computed */
    uint32_t kind;        /* 1, 2 or 4 bytes per code point */
    uint16_t ascii;
    uint16_t attr_key;    /* keys the class attribute cache (class.c) */
    /* code units follow, then one NUL unit */
} MpStr;

typedef struct MpBytes {
    MpObject ob;
    int64_t size;
    int64_t hash;
    /* bytes follow, then a NUL */
} MpBytes;

extern MpType MpStr_Type, MpBytes_Type;

static inline int str_check(const MpObject *o) { return o->type == &MpStr_Type; }
static inline const uint8_t *str_data(const MpObject *o) { return (const uint8_t *)((const MpStr *)o + 1); }
static inline int64_t str_len(const MpObject *o) { return ((const MpStr *)o)->length; }
/* Two strs hold the same text (strs are stored in their narrowest kind). */
static inline int str_equal(const MpObject *a, const MpObject *b)
{
    const MpStr *x = (const MpStr *)a, *y = (const MpStr *)b;
    return x->length == y->length && x->kind == y->kind &&
           mem_equal(str_data(a), str_data(b), (size_t)x->length * x->kind);
}
uint32_t str_char_at(const MpObject *o, int64_t i);

/* New str from UTF-8 (NULL with ValueError if invalid). */
MpObject *str_from_utf8(const char *s, size_t n);
/* A new str of n ASCII characters (n >= 2: shorter ones are shared) for
 * the caller to write at *data; its terminating NUL is written. */
MpObject *str_new_ascii(int64_t n, uint8_t **data);
MpObject *str_from_cstr(const char *s);
/* New str from code points. */
MpObject *str_from_codepoints(const uint32_t *cps, int64_t n);
/* UTF-8 of o into buf (always NUL-terminated, cut at cap - 1 bytes);
 * returns the full UTF-8 length. */
size_t str_to_cbuf(const MpObject *o, char *buf, size_t cap);
int str_eq_cstr(const MpObject *o, const char *s);
MpObject *str_concat(MpObject *a, MpObject *b);
int64_t str_hash(MpObject *o);
/* The hash a str of these 1-byte code units has (for lookups by C text). */
int64_t str_hash_latin1(const uint8_t *s, size_t n);
size_t str_cpython_size(int64_t length, uint32_t kind, int ascii);
void str_init_statics(void);

/* Building a str piece by piece (reprs of containers): append, then
 * finish, which returns the new str or NULL with the error set; a failed
 * append is remembered and reported by finish. */
typedef struct StrBuf {
    uint32_t *cps;
    int64_t n, cap;
    int failed;
} StrBuf;

void strbuf_cstr(StrBuf *b, const char *utf8);
void strbuf_str(StrBuf *b, const MpObject *str);
void strbuf_repr(StrBuf *b, MpObject *o);
MpObject *strbuf_finish(StrBuf *b);

MpObject *bytes_from(const char *s, size_t n);
static inline const char *bytes_data(const MpObject *o) { return (const char *)((const MpBytes *)o + 1); }
static inline int64_t bytes_size(const MpObject *o) { return ((const MpBytes *)o)->size; }
/* bytes[i] / bytes[a:b], `x in bytes`, bytes + bytes, bytes * n and
 * comparisons (op: an AstOp; MP_NOTIMPL for operands bytes leaves alone). */
MpObject *bytes_getitem(MpObject *o, MpObject *key);
int bytes_contains(MpObject *o, MpObject *item);
MpObject *bytes_binop(MpObject *a, MpObject *b, int op);
MpObject *bytes_compare(MpObject *a, MpObject *b, int op);

#endif
