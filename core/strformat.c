/* strformat.c — str.format (CPython 3.11's Objects/stringlib/unicode_format.h).
 *
 * Literal text with '{{' and '}}', replacement fields
 * {name_or_index.attr[key]!conv:spec} with automatic or manual numbering
 * (mixing them is an error), a spec that may itself contain fields (two
 * levels at most: "Max string recursion exceeded"), conversions r, s and
 * a, and the spec applied by format_object.  Fields are resolved, their
 * spec expanded, converted and formatted left to right, so the first bad
 * field raises as in CPython, with CPython's messages.
 */
#include <stdlib.h>
#include "methods.h"
#include "abstract.h"
#include "err.h"
#include "format.h"
#include "int.h"
#include "str.h"
#include "tuple.h"

typedef struct Fmt {
    MpObject **args;
    int nargs;
    MpObject *kwnames;
    int numbering;       /* 0 undecided, 1 automatic, 2 manual */
    int64_t next_auto;
} Fmt;

typedef struct Buf {
    uint32_t *p;
    int64_t n, cap;
} Buf;

static int put(Buf *b, uint32_t c)
{
    if (b->n == b->cap) {
        int64_t cap = b->cap ? b->cap * 2 : 32;
        uint32_t *p = realloc(b->p, (size_t)cap * sizeof *p);
        if (!p) {
            err_no_memory();
            return -1;
        }
        b->p = p;
        b->cap = cap;
    }
    b->p[b->n++] = c;
    return 0;
}

static int put_str(Buf *b, MpObject *s, int64_t from, int64_t to)
{
    for (int64_t i = from; i < to; i++)
        if (put(b, str_char_at(s, i)) < 0)
            return -1;
    return 0;
}

static MpObject *sub(MpObject *s, int64_t from, int64_t to)
{
    Buf b = { 0 };
    if (put_str(&b, s, from, to) < 0) {
        free(b.p);
        return NULL;
    }
    MpObject *r = str_from_codepoints(b.p, b.n);
    free(b.p);
    return r;
}

static int value_error(const char *msg)
{
    err_set(&MpExc_ValueError, "%s", msg);
    return -1;
}

static int all_digits(MpObject *s, int64_t from, int64_t to, int64_t *value)
{
    int64_t v = 0;
    if (from == to)
        return 0;
    for (int64_t i = from; i < to; i++) {
        uint32_t c = str_char_at(s, i);
        if (c < '0' || c > '9' || v > INT64_MAX / 10 - 10)
            return 0;
        v = v * 10 + (c - '0');
    }
    *value = v;
    return 1;
}

/* The first part of a field name: an argument by position or keyword. */
static MpObject *get_argument(Fmt *f, MpObject *s, int64_t from, int64_t to)
{
    int64_t index;
    if (from == to) {
        if (f->numbering == 2) {
            value_error("cannot switch from manual field specification to automatic field numbering");
            return NULL;
        }
        f->numbering = 1;
        index = f->next_auto++;
    } else if (all_digits(s, from, to, &index)) {
        if (f->numbering == 1) {
            value_error("cannot switch from automatic field numbering to manual field specification");
            return NULL;
        }
        f->numbering = 2;
    } else {
        MpObject *name = sub(s, from, to);
        if (!name)
            return NULL;
        for (int i = 0; i < meth_nkw(f->kwnames); i++) {
            MpObject *kw = tuple_item(f->kwnames, i);
            if (str_len(kw) == str_len(name) && object_eq(kw, name) == 1) {
                mp_decref(name);
                return mp_newref(f->args[f->nargs + i]);
            }
        }
        err_set_value(&MpExc_KeyError, name);
        mp_decref(name);
        return NULL;
    }
    if (index >= f->nargs) {
        err_set(&MpExc_IndexError, "Replacement index %lld out of range for positional args tuple",
                (long long)index);
        return NULL;
    }
    return mp_newref(f->args[index]);
}

/* The object a field name designates: argument, then .attr and [key]. */
static MpObject *get_field(Fmt *f, MpObject *s, int64_t from, int64_t to)
{
    int64_t i = from;
    while (i < to && str_char_at(s, i) != '.' && str_char_at(s, i) != '[')
        i++;
    MpObject *obj = get_argument(f, s, from, i);
    while (obj && i < to) {
        uint32_t c = str_char_at(s, i++);
        int64_t start = i, idx;
        MpObject *next = NULL, *key;
        if (c == '.') {
            while (i < to && str_char_at(s, i) != '.' && str_char_at(s, i) != '[')
                i++;
            if (i == start) {
                value_error("Empty attribute in format string");
            } else if ((key = sub(s, start, i))) {
                next = obj_getattr(obj, key);
                mp_decref(key);
            }
        } else if (c == '[') {
            while (i < to && str_char_at(s, i) != ']')
                i++;
            if (i == start) {
                value_error("Empty attribute in format string");
            } else {
                key = all_digits(s, start, i, &idx) ? int_from_i64(idx) : sub(s, start, i);
                if (key) {
                    next = obj_getitem(obj, key);
                    mp_decref(key);
                }
            }
            i++;   /* the ']' */
            if (next && i < to && str_char_at(s, i) != '.' && str_char_at(s, i) != '[') {
                value_error("Only '.' or '[' may follow ']' in format field specifier");
                MP_CLEAR(next);
            }
        } else {
            value_error("Only '.' or '[' may follow ']' in format field specifier");
        }
        mp_decref(obj);
        obj = next;
    }
    return obj;
}

/* ascii(): repr with non-ASCII characters escaped */
static MpObject *ascii_of(MpObject *o)
{
    MpObject *r = obj_repr(o);
    if (!r)
        return NULL;
    Buf b = { 0 };
    static const char hex[] = "0123456789abcdef";
    int bad = 0;
    for (int64_t i = 0; !bad && i < str_len(r); i++) {
        uint32_t c = str_char_at(r, i);
        if (c < 128) {
            bad = put(&b, c) < 0;
            continue;
        }
        int digits = c < 0x100 ? 2 : c < 0x10000 ? 4 : 8;
        bad = put(&b, '\\') < 0 || put(&b, digits == 2 ? 'x' : digits == 4 ? 'u' : 'U') < 0;
        for (int k = digits - 1; !bad && k >= 0; k--)
            bad = put(&b, (uint32_t)hex[(c >> (4 * k)) & 15]) < 0;
    }
    mp_decref(r);
    MpObject *out = bad ? NULL : str_from_codepoints(b.p, b.n);
    free(b.p);
    return out;
}

static int render(Fmt *f, MpObject *s, int depth, Buf *out);

/* One field: name s[name_from:name_to), conversion (0: none), spec
 * s[spec_from:spec_to) (expanded first when it holds fields). */
static int render_field(Fmt *f, MpObject *s, int64_t name_from, int64_t name_to, uint32_t conv,
                        int64_t spec_from, int64_t spec_to, int expand, int depth, Buf *out)
{
    MpObject *obj = get_field(f, s, name_from, name_to);
    if (!obj)
        return -1;
    MpObject *spec;
    if (expand) {
        Buf sb = { 0 };
        MpObject *piece = sub(s, spec_from, spec_to);
        int r = piece ? render(f, piece, depth - 1, &sb) : -1;
        mp_xdecref(piece);
        spec = r < 0 ? NULL : str_from_codepoints(sb.p, sb.n);
        free(sb.p);
    } else {
        spec = sub(s, spec_from, spec_to);
    }
    if (!spec) {
        mp_decref(obj);
        return -1;
    }
    MpObject *conv_obj = obj;
    if (conv) {
        if (conv == 'r')
            conv_obj = obj_repr(obj);
        else if (conv == 's')
            conv_obj = obj_str(obj);
        else if (conv == 'a')
            conv_obj = ascii_of(obj);
        else if (conv > 32 && conv < 127) {
            err_set(&MpExc_ValueError, "Unknown conversion specifier %c", (int)conv);
            conv_obj = NULL;
        } else {
            err_set(&MpExc_ValueError, "Unknown conversion specifier \\x%x", (unsigned)conv);
            conv_obj = NULL;
        }
        mp_decref(obj);
    }
    MpObject *text = conv_obj ? format_object(conv_obj, spec) : NULL;
    mp_xdecref(conv_obj);
    mp_decref(spec);
    if (!text)
        return -1;
    int r = put_str(out, text, 0, str_len(text));
    mp_decref(text);
    return r;
}

static int render(Fmt *f, MpObject *s, int depth, Buf *out)
{
    if (depth <= 0)
        return value_error("Max string recursion exceeded");
    int64_t n = str_len(s), i = 0;
    while (i < n) {
        uint32_t c = str_char_at(s, i);
        if (c == '}') {
            if (i + 1 < n && str_char_at(s, i + 1) == '}') {
                if (put(out, '}') < 0)
                    return -1;
                i += 2;
                continue;
            }
            return value_error("Single '}' encountered in format string");
        }
        if (c != '{') {
            if (put(out, c) < 0)
                return -1;
            i++;
            continue;
        }
        if (i + 1 == n)
            return value_error("Single '{' encountered in format string");
        if (str_char_at(s, i + 1) == '{') {
            if (put(out, '{') < 0)
                return -1;
            i += 2;
            continue;
        }
        /* a field: the name up to ':', '!' or '}', brackets skipped */
        int64_t j = i + 1, name_from = j;
        while (j < n) {
            c = str_char_at(s, j);
            if (c == ':' || c == '!' || c == '}')
                break;
            if (c == '[')
                while (j < n && str_char_at(s, j) != ']')
                    j++;
            if (j < n)
                j++;
        }
        if (j >= n)
            return value_error("expected '}' before end of string");
        int64_t name_to = j, spec_from, spec_to;
        uint32_t conv = 0;
        int expand = 0;
        if (str_char_at(s, j) == '!') {
            if (++j == n)
                return value_error("end of string while looking for conversion specifier");
            conv = str_char_at(s, j++);
            if (j == n)
                return value_error("unmatched '{' in format spec");
            c = str_char_at(s, j);
            if (c != ':' && c != '}')
                return value_error("expected ':' after conversion specifier");
        }
        if (str_char_at(s, j) == ':') {
            int depth_braces = 1;
            spec_from = ++j;
            for (; j < n; j++) {
                c = str_char_at(s, j);
                if (c == '{') {
                    depth_braces++;
                    expand = 1;
                } else if (c == '}' && --depth_braces == 0) {
                    break;
                }
            }
            if (j >= n)
                return value_error("unmatched '{' in format spec");
            spec_to = j;
        } else {
            spec_from = spec_to = j;
        }
        i = j + 1;   /* past the closing '}' */
        if (render_field(f, s, name_from, name_to, conv, spec_from, spec_to, expand, depth,
                         out) < 0)
            return -1;
    }
    return 0;
}

MpObject *str_method_format(MpObject *self, MpObject **args, int nargs, MpObject *kwnames)
{
    Fmt f = { args, nargs, kwnames, 0, 0 };
    Buf out = { 0 };
    MpObject *r = NULL;
    if (render(&f, self, 2, &out) == 0)
        r = str_from_codepoints(out.p, out.n);
    free(out.p);
    return r;
}
