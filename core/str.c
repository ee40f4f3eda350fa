/* str.c — str and bytes (see str.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "str.h"
#include "runtime.h"
#include "err.h"
#include "int.h"
#include "iter.h"
#include "ast.h"
#include "abstract.h"
#include "class.h"
#include "objalloc.h"

_Static_assert(sizeof(MpStr) <= 48, "str header fits CPython's ASCII header");
_Static_assert(sizeof(MpBytes) <= 32, "bytes header fits CPython's");

/* Static strings: '' and the 256 one-character Latin-1 strings. */
typedef struct StaticStr {
    MpStr s;
    uint8_t data[8];
} StaticStr;

static StaticStr empty_str, char_strs[256];

size_t str_cpython_size(int64_t length, uint32_t kind, int ascii)
{
    if (ascii)
        return 48 + (size_t)length + 1;
    return 72 + ((size_t)length + 1) * kind;
}

static size_t str_getsizeof(MpObject *o)
{
    const MpStr *s = (const MpStr *)o;
    return str_cpython_size(s->length, s->kind, (int)s->ascii);
}

uint32_t str_char_at(const MpObject *o, int64_t i)
{
    const MpStr *s = (const MpStr *)o;
    const uint8_t *d = str_data(o);
    switch (s->kind) {
    case 1: return d[i];
    case 2: return ((const uint16_t *)d)[i];
    default: return ((const uint32_t *)d)[i];
    }
}

static void put_char(MpObject *o, int64_t i, uint32_t c)
{
    MpStr *s = (MpStr *)o;
    uint8_t *d = (uint8_t *)(s + 1);
    switch (s->kind) {
    case 1: d[i] = (uint8_t)c; break;
    case 2: ((uint16_t *)d)[i] = (uint16_t)c; break;
    default: ((uint32_t *)d)[i] = c; break;
    }
}

static MpObject *str_alloc(int64_t length, uint32_t maxchar)
{
    uint32_t kind = maxchar < 0x100 ? 1 : maxchar < 0x10000 ? 2 : 4;
    int ascii = maxchar < 0x80;
    size_t host = sizeof(MpStr) + ((size_t)length + 1) * kind;
    MpStr *s = (MpStr *)object_new_inline(&MpStr_Type, str_cpython_size(length, kind, ascii), host);
    if (!s)
        return NULL;
    s->length = length;
    s->hash = -1;
    s->kind = kind;
    s->ascii = (uint16_t)ascii;
    return MP_OBJ(s);
}

MpObject *str_from_codepoints(const uint32_t *cps, int64_t n)
{
    if (n == 0)
        return mp_newref(&empty_str.s.ob);
    if (n == 1 && cps[0] < 256)
        return mp_newref(&char_strs[cps[0]].s.ob);
    uint32_t maxchar = 0;
    for (int64_t i = 0; i < n; i++)
        if (cps[i] > maxchar)
            maxchar = cps[i];
    MpObject *o = str_alloc(n, maxchar);
    if (!o)
        return NULL;
    for (int64_t i = 0; i < n; i++)
        put_char(o, i, cps[i]);
    put_char(o, n, 0);
    return o;
}

/* Decodes one UTF-8 sequence; returns its length, 0 if invalid. */
static int utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    if (s[0] < 0x80) { *cp = s[0]; return 1; }
    int len = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc0 ? 2 : 0;
    if (!len || (size_t)len > n || s[0] > 0xf4)
        return 0;
    uint32_t c = s[0] & (0x7f >> len);
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3f);
    }
    static const uint32_t min[5] = { 0, 0, 0x80, 0x800, 0x10000 };
    if (c < min[len] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
        return 0;
    *cp = c;
    return len;
}

MpObject *str_new_ascii(int64_t n, uint8_t **data)
{
    MpObject *o = str_alloc(n, 0x7f);
    if (!o)
        return NULL;
    *data = (uint8_t *)((MpStr *)o + 1);
    (*data)[n] = 0;
    return o;
}

/* ASCII text (the common case: names, numbers, identifiers) is copied as
 * it is, without decoding to code points first. */
static MpObject *str_from_ascii(const char *s, size_t n)
{
    if (n == 0)
        return mp_newref(&empty_str.s.ob);
    if (n == 1)
        return mp_newref(&char_strs[(unsigned char)s[0]].s.ob);
    uint8_t *d;
    MpObject *o = str_new_ascii((int64_t)n, &d);
    if (o)
        memcpy(d, s, n);
    return o;
}

static int is_ascii(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return 0;
    return 1;
}

/* str_from_utf8 of text that is not all ASCII (out of line: its buffer
 * of code points, on the stack, costs the ASCII path a stack frame in
 * WASM, where such a frame is kept in memory). */
static __attribute__((noinline)) MpObject *str_from_utf8_decoded(const char *s, size_t n)
{
    uint32_t small[64] = { 0 };   /* (gcc cannot see count > 0 where it is read) */
    uint32_t *cps = n <= 64 ? small : malloc(n * sizeof *cps);
    if (!cps) {
        err_no_memory();
        return NULL;
    }
    int64_t count = 0;
    for (size_t i = 0; i < n;) {
        int len = utf8_decode((const unsigned char *)s + i, n - i, &cps[count]);
        if (!len) {
            if (cps != small)
                free(cps);
            err_set(&MpExc_ValueError, "invalid UTF-8 text");
            return NULL;
        }
        count++;
        i += (size_t)len;
    }
    MpObject *o = str_from_codepoints(cps, count);
    if (cps != small)
        free(cps);
    return o;
}

MpObject *str_from_utf8(const char *s, size_t n)
{
    return is_ascii(s, n) ? str_from_ascii(s, n) : str_from_utf8_decoded(s, n);
}

MpObject *str_from_cstr(const char *s) { return str_from_utf8(s, strlen(s)); }

size_t str_to_cbuf(const MpObject *o, char *buf, size_t cap)
{
    if (!o) {   /* a name not set yet (an object being built) */
        if (buf && cap)
            buf[0] = '\0';
        return 0;
    }
    size_t out = 0;
    for (int64_t i = 0; i < str_len(o); i++) {
        uint32_t c = str_char_at(o, i);
        char enc[4];
        int len;
        if (c < 0x80) { enc[0] = (char)c; len = 1; }
        else if (c < 0x800) { enc[0] = (char)(0xc0 | c >> 6); enc[1] = (char)(0x80 | (c & 0x3f)); len = 2; }
        else if (c < 0x10000) {
            enc[0] = (char)(0xe0 | c >> 12); enc[1] = (char)(0x80 | ((c >> 6) & 0x3f));
            enc[2] = (char)(0x80 | (c & 0x3f)); len = 3;
        } else {
            enc[0] = (char)(0xf0 | c >> 18); enc[1] = (char)(0x80 | ((c >> 12) & 0x3f));
            enc[2] = (char)(0x80 | ((c >> 6) & 0x3f)); enc[3] = (char)(0x80 | (c & 0x3f)); len = 4;
        }
        for (int k = 0; k < len; k++, out++)
            if (cap && out < cap - 1)
                buf[out] = enc[k];
    }
    if (cap)
        buf[out < cap - 1 ? out : cap - 1] = '\0';
    return out;
}

int str_eq_cstr(const MpObject *o, const char *s)
{
    if (((const MpStr *)o)->ascii) {
        /* one pass, stopping at the first difference (names are compared
         * against tables of names: most differ early) */
        const uint8_t *d = str_data(o);
        for (int64_t i = 0; i < str_len(o); i++)
            if (!s[i] || (uint8_t)s[i] != d[i])
                return 0;
        return s[str_len(o)] == '\0';
    }
    size_t n = strlen(s);
    char buf[256];
    size_t len = str_to_cbuf(o, buf, sizeof buf);
    return len == n && len < sizeof buf && memcmp(buf, s, n) == 0;
}

static int str_eq(MpObject *a, MpObject *b)
{
    return str_check(b) && str_equal(a, b);
}

/* FNV-1a over code points; -1 is reserved for "not computed". */
static int64_t fnv_finish(uint64_t h) { return (int64_t)h == -1 ? -2 : (int64_t)h; }
#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

int64_t str_hash_latin1(const uint8_t *s, size_t n)
{
    uint64_t h = FNV_OFFSET;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= FNV_PRIME;
    }
    return fnv_finish(h);
}

int64_t str_hash(MpObject *o)
{
    MpStr *s = (MpStr *)o;
    if (s->hash != -1)
        return s->hash;
    if (s->kind == 1)
        return s->hash = str_hash_latin1(str_data(o), (size_t)s->length);
    uint64_t h = FNV_OFFSET;
    for (int64_t i = 0; i < s->length; i++) {
        h ^= str_char_at(o, i);
        h *= FNV_PRIME;
    }
    return s->hash = fnv_finish(h);
}

MpObject *str_concat(MpObject *a, MpObject *b)
{
    int64_t n = str_len(a) + str_len(b);
    if (!str_len(a))
        return mp_newref(b);
    if (!str_len(b))
        return mp_newref(a);
    uint32_t maxchar = 0;
    for (int64_t i = 0; i < str_len(a); i++)
        if (str_char_at(a, i) > maxchar) maxchar = str_char_at(a, i);
    for (int64_t i = 0; i < str_len(b); i++)
        if (str_char_at(b, i) > maxchar) maxchar = str_char_at(b, i);
    MpObject *o = str_alloc(n, maxchar);
    if (!o)
        return NULL;
    for (int64_t i = 0; i < str_len(a); i++)
        put_char(o, i, str_char_at(a, i));
    for (int64_t i = 0; i < str_len(b); i++)
        put_char(o, str_len(a) + i, str_char_at(b, i));
    put_char(o, n, 0);
    return o;
}

/* ---- StrBuf --------------------------------------------------------------- */

static void strbuf_put(StrBuf *b, uint32_t c)
{
    if (b->failed)
        return;
    if (b->n == b->cap) {
        /* the finished str needs at least one byte a character of the
         * simulated heap: past the limit it is a MemoryError already */
        if ((uint64_t)b->cap >= runtime_settings()->heap_limit) {
            b->failed = 1;
            return;
        }
        int64_t cap = b->cap ? b->cap * 2 : 64;
        uint32_t *cps = realloc(b->cps, (size_t)cap * sizeof *cps);
        if (!cps) {
            b->failed = 1;
            return;
        }
        b->cps = cps;
        b->cap = cap;
    }
    b->cps[b->n++] = c;
}

void strbuf_cstr(StrBuf *b, const char *utf8)
{
    size_t n = strlen(utf8);
    for (size_t i = 0; i < n;) {
        uint32_t c;
        int len = utf8_decode((const unsigned char *)utf8 + i, n - i, &c);
        if (!len) {
            b->failed = 1;
            return;
        }
        strbuf_put(b, c);
        i += (size_t)len;
    }
}

void strbuf_str(StrBuf *b, const MpObject *str)
{
    for (int64_t i = 0; i < str_len(str); i++)
        strbuf_put(b, str_char_at(str, i));
}

void strbuf_repr(StrBuf *b, MpObject *o)
{
    if (b->failed)
        return;
    MpObject *r = object_repr(o);
    if (!r) {
        b->failed = 2;   /* the error is already set */
        return;
    }
    strbuf_str(b, r);
    mp_decref(r);
}

MpObject *strbuf_finish(StrBuf *b)
{
    MpObject *s = NULL;
    if (b->failed == 1)
        err_no_memory();
    else if (!b->failed)
        s = str_from_codepoints(b->cps, b->n);
    free(b->cps);
    memset(b, 0, sizeof *b);
    return s;
}

/* Python's repr: single quotes unless the text has ' and no ". */
static MpObject *str_repr(MpObject *o)
{
    int64_t n = str_len(o);
    int has_single = 0, has_double = 0;
    for (int64_t i = 0; i < n; i++) {
        uint32_t c = str_char_at(o, i);
        has_single |= c == '\'';
        has_double |= c == '"';
    }
    uint32_t quote = has_single && !has_double ? '"' : '\'';
    StrBuf b = { 0 };
    strbuf_put(&b, quote);
    for (int64_t i = 0; i < n; i++) {
        uint32_t c = str_char_at(o, i);
        char esc[12] = "";
        if (c == quote || c == '\\') { esc[0] = '\\'; esc[1] = (char)c; }
        else if (c == '\n') strcpy(esc, "\\n");
        else if (c == '\r') strcpy(esc, "\\r");
        else if (c == '\t') strcpy(esc, "\\t");
        else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0xad)
            snprintf(esc, sizeof esc, "\\x%02x", c);
        if (esc[0])
            strbuf_cstr(&b, esc);
        else
            strbuf_put(&b, c);
    }
    strbuf_put(&b, quote);
    return strbuf_finish(&b);
}

static void str_dealloc(MpObject *o)
{
    if (((MpStr *)o)->attr_key)
        class_cache_invalidate();   /* another name may come to this address */
    object_free_inline(o);
}

MpType MpStr_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "str", .basicsize = 48, .itemsize = 1,
    .flags = MP_TF_BASETYPE, .dealloc = str_dealloc, .hash = str_hash, .eq = str_eq,
    .repr = str_repr, .getsizeof = str_getsizeof, .base = &MpBaseObject_Type,
};

/* The static strings share the type; their refcount never reaches zero
 * unless a refcount is wrong, which the heap checker reports first. */
static void init_static(StaticStr *st, uint32_t c, int empty)
{
    memset(st, 0, sizeof *st);
    st->s.ob.refcnt = 1;
    st->s.ob.type = &MpStr_Type;
    st->s.length = empty ? 0 : 1;
    st->s.hash = -1;
    st->s.kind = 1;
    st->s.ascii = empty || c < 0x80;
    st->data[0] = empty ? 0 : (uint8_t)c;
    static_register(&st->s.ob, str_cpython_size(st->s.length, 1, (int)st->s.ascii));
}

void str_init_statics(void)
{
    /* a new runtime: the names and classes a previous run left in the class
     * attribute cache went without deallocs (runtime_fini) */
    class_cache_invalidate();
    init_static(&empty_str, 0, 1);
    for (uint32_t c = 0; c < 256; c++)
        init_static(&char_strs[c], c, 0);
}

/* ---- bytes ------------------------------------------------------------------ */

static size_t bytes_getsizeof(MpObject *o) { return 33 + (size_t)bytes_size(o); }

static int bytes_eq(MpObject *a, MpObject *b)
{
    return b->type == &MpBytes_Type && bytes_size(a) == bytes_size(b)
        && memcmp(bytes_data(a), bytes_data(b), (size_t)bytes_size(a)) == 0;
}

static int64_t bytes_hash(MpObject *o)
{
    MpBytes *b = (MpBytes *)o;
    if (b->hash != -1)
        return b->hash;
    uint64_t h = 0xcbf29ce484222325ULL;
    for (int64_t i = 0; i < b->size; i++) {
        h ^= (unsigned char)bytes_data(o)[i];
        h *= 0x100000001b3ULL;
    }
    b->hash = (int64_t)h == -1 ? -2 : (int64_t)h;
    return b->hash;
}

static MpObject *bytes_repr(MpObject *o)
{
    int64_t n = bytes_size(o);
    const unsigned char *d = (const unsigned char *)bytes_data(o);
    int has_single = memchr(d, '\'', (size_t)n) != NULL, has_double = memchr(d, '"', (size_t)n) != NULL;
    char quote = has_single && !has_double ? '"' : '\'';
    char *out = malloc((size_t)n * 4 + 4);
    if (!out) {
        err_no_memory();
        return NULL;
    }
    size_t k = 0;
    out[k++] = 'b';
    out[k++] = quote;
    for (int64_t i = 0; i < n; i++) {
        unsigned char c = d[i];
        if (c == (unsigned char)quote || c == '\\') { out[k++] = '\\'; out[k++] = (char)c; }
        else if (c == '\n') { out[k++] = '\\'; out[k++] = 'n'; }
        else if (c == '\r') { out[k++] = '\\'; out[k++] = 'r'; }
        else if (c == '\t') { out[k++] = '\\'; out[k++] = 't'; }
        else if (c < 0x20 || c >= 0x7f) k += (size_t)sprintf(out + k, "\\x%02x", c);
        else out[k++] = (char)c;
    }
    out[k++] = quote;
    MpObject *r = str_from_utf8(out, k);
    free(out);
    return r;
}

static void bytes_dealloc(MpObject *o) { object_free(o); }

MpType MpBytes_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "bytes", .basicsize = 33, .itemsize = 1,
    .flags = MP_TF_BASETYPE, .dealloc = bytes_dealloc, .hash = bytes_hash,
    .eq = bytes_eq, .repr = bytes_repr, .getsizeof = bytes_getsizeof,
    .base = &MpBaseObject_Type,
};

MpObject *bytes_from(const char *s, size_t n)
{
    MpBytes *b = (MpBytes *)object_new(&MpBytes_Type, n, sizeof(MpBytes) + n + 1);
    if (!b)
        return NULL;
    b->size = (int64_t)n;
    b->hash = -1;
    memcpy(b + 1, s, n);
    ((char *)(b + 1))[n] = '\0';
    return MP_OBJ(b);
}

/* ---- bytes operations (bytesobject.c) ------------------------------------- */

MpObject *bytes_getitem(MpObject *o, MpObject *key)
{
    int64_t n = bytes_size(o);
    if (int_check(key)) {
        int64_t i = int_as_i64(key);
        if (i < 0)
            i += n;
        if (i < 0 || i >= n) {
            err_set(&MpExc_IndexError, "index out of range");
            return NULL;
        }
        return int_from_i64((unsigned char)bytes_data(o)[i]);
    }
    if (key->type == &MpSlice_Type) {
        int64_t start, stop, step, len;
        if (slice_indices(key, n, &start, &stop, &step, &len) < 0)
            return NULL;
        if (step == 1 && len == n)
            return mp_newref(o);
        char *buf = malloc(len ? (size_t)len : 1);
        if (!buf) {
            err_no_memory();
            return NULL;
        }
        for (int64_t k = 0, i = start; k < len; k++, i += step)
            buf[k] = bytes_data(o)[i];
        MpObject *r = bytes_from(buf, (size_t)len);
        free(buf);
        return r;
    }
    err_set(&MpExc_TypeError, "byte indices must be integers or slices, not %s", key->type->name);
    return NULL;
}

int bytes_contains(MpObject *o, MpObject *item)
{
    const char *d = bytes_data(o);
    int64_t n = bytes_size(o);
    if (int_check(item)) {
        int64_t v = int_as_i64(item);
        if (v < 0 || v > 255) {
            err_set(&MpExc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        return memchr(d, (int)v, (size_t)n) != NULL;
    }
    if (item->type != &MpBytes_Type) {
        err_set(&MpExc_TypeError, "a bytes-like object is required, not '%s'", item->type->name);
        return -1;
    }
    int64_t m = bytes_size(item);
    for (int64_t i = 0; i + m <= n; i++)
        if (memcmp(d + i, bytes_data(item), (size_t)m) == 0)
            return 1;
    return 0;
}

/* bytes + bytes, bytes * int; MP_NOTIMPL for other operands. */
MpObject *bytes_binop(MpObject *a, MpObject *b, int op)
{
    if (op == OPK_Add && a->type == &MpBytes_Type) {
        if (b->type != &MpBytes_Type) {
            if (b->type->flags & MP_TF_HEAPTYPE)
                return MP_NOTIMPL;
            err_set(&MpExc_TypeError, "can't concat %s to bytes", b->type->name);
            return NULL;
        }
        int64_t n = bytes_size(a), m = bytes_size(b);
        if (n == 0)
            return mp_newref(b);
        if (m == 0)
            return mp_newref(a);
        char *buf = malloc((size_t)(n + m));
        if (!buf) {
            err_no_memory();
            return NULL;
        }
        memcpy(buf, bytes_data(a), (size_t)n);
        memcpy(buf + n, bytes_data(b), (size_t)m);
        MpObject *r = bytes_from(buf, (size_t)(n + m));
        free(buf);
        return r;
    }
    if (op == OPK_Mult) {
        MpObject *seq = a->type == &MpBytes_Type ? a : b, *cnt = seq == a ? b : a;
        if (!int_check(cnt)) {
            if (cnt->type->flags & MP_TF_HEAPTYPE)
                return MP_NOTIMPL;
            err_set(&MpExc_TypeError, "can't multiply sequence by non-int of type '%s'", cnt->type->name);
            return NULL;
        }
        int64_t k = int_as_i64(cnt), n = bytes_size(seq);
        if (k < 0)
            k = 0;
        if (k == 1)
            return mp_newref(seq);
        if (n && k > (int64_t)runtime_settings()->heap_limit / n) {
            err_no_memory();
            return NULL;
        }
        char *buf = malloc(n * k > 0 ? (size_t)(n * k) : 1);
        if (!buf) {
            err_no_memory();
            return NULL;
        }
        for (int64_t i = 0; i < k; i++)
            memcpy(buf + i * n, bytes_data(seq), (size_t)n);
        MpObject *r = bytes_from(buf, (size_t)(n * k));
        free(buf);
        return r;
    }
    return MP_NOTIMPL;
}

/* Rich comparison of two bytes (bytes_richcompare). */
MpObject *bytes_compare(MpObject *a, MpObject *b, int op)
{
    if (a->type != &MpBytes_Type || b->type != &MpBytes_Type)
        return MP_NOTIMPL;
    int64_t n = bytes_size(a), m = bytes_size(b);
    int c = memcmp(bytes_data(a), bytes_data(b), (size_t)(n < m ? n : m));
    if (c == 0)
        c = n < m ? -1 : n > m;
    int r = op == OPK_Eq ? c == 0 : op == OPK_NotEq ? c != 0 : op == OPK_Lt ? c < 0
          : op == OPK_LtE ? c <= 0 : op == OPK_Gt ? c > 0 : c >= 0;
    return mp_newref(r ? MP_TRUE : MP_FALSE);
}
