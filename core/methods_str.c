/* methods_str.c — the methods of str (CPython 3.11's unicodeobject.c and
 * stringlib), except format, which is in strformat.c.
 *
 * Strings are handled as arrays of code points.  Where CPython returns the
 * string itself (strip/replace/zfill/ljust... with nothing to do, split
 * without a separator found), so does this code, as `is` can tell.  split
 * and rsplit preallocate their list as CPython (min(maxsplit + 1, 12)
 * slots), so getsizeof of the result matches.
 *
 * Character classes and case mappings cover ASCII, Latin-1, Greek and
 * Cyrillic (plus CPython's whitespace and line-break sets); other scripts
 * are treated as uncased non-letters.
 */
#include <stdlib.h>
#include <string.h>
#include "methods.h"
#include "runtime.h"
#include "abstract.h"
#include "err.h"
#include "int.h"
#include "list.h"
#include "str.h"
#include "tuple.h"

/* ---- character classes ------------------------------------------------------- */

static int cp_isspace(uint32_t c)
{
    return (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x20) || c == 0x85 || c == 0xa0
        || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029
        || c == 0x202f || c == 0x205f || c == 0x3000;
}

static int cp_islinebreak(uint32_t c)
{
    return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d
        || c == 0x1e || c == 0x85 || c == 0x2028 || c == 0x2029;
}

static int cp_isupper(uint32_t c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7)
        || (c >= 0x391 && c <= 0x3a9 && c != 0x3a2) || (c >= 0x400 && c <= 0x42f);
}

static int cp_islower(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || c == 0xaa || c == 0xb5 || c == 0xba
        || (c >= 0xdf && c <= 0xff && c != 0xf7) || (c >= 0x3b1 && c <= 0x3c9)
        || (c >= 0x430 && c <= 0x45f);
}

static int cp_isdigit(uint32_t c)
{
    return (c >= '0' && c <= '9') || c == 0xb2 || c == 0xb3 || c == 0xb9;
}

static int cp_isnumeric(uint32_t c) { return cp_isdigit(c) || (c >= 0xbc && c <= 0xbe); }

static int cp_isalpha(uint32_t c)
{
    return cp_isupper(c) || cp_islower(c) || (c >= 0x4e00 && c <= 0x9fff)
        || (c >= 0x3040 && c <= 0x30ff);
}

/* Upper case into out (up to 2 code points: 'ß' -> "SS"); returns count. */
static int cp_upper(uint32_t c, uint32_t *out)
{
    if (c == 0xdf) {
        out[0] = out[1] = 'S';
        return 2;
    }
    if ((c >= 'a' && c <= 'z') || (c >= 0xe0 && c <= 0xfe && c != 0xf7)
        || (c >= 0x3b1 && c <= 0x3c9 && c != 0x3c2) || (c >= 0x430 && c <= 0x44f))
        c -= 32;
    else if (c == 0x3c2)
        c = 0x3a3;
    else if (c >= 0x450 && c <= 0x45f)
        c -= 80;
    else if (c == 0xff)
        c = 0x178;
    else if (c == 0xb5)
        c = 0x39c;
    out[0] = c;
    return 1;
}

static uint32_t cp_lower(uint32_t c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7)
        || (c >= 0x391 && c <= 0x3a9 && c != 0x3a2) || (c >= 0x410 && c <= 0x42f))
        return c + 32;
    if (c >= 0x400 && c <= 0x40f)
        return c + 80;
    if (c == 0x178)
        return 0xff;
    return c;
}

/* ---- code point buffers ------------------------------------------------------- */

typedef struct Buf {
    uint32_t *p;
    int64_t n, cap;
    int failed;
} Buf;

static void buf_put(Buf *b, uint32_t c)
{
    if (b->failed)
        return;
    if (b->n == b->cap) {
        if ((uint64_t)b->cap >= runtime_settings()->heap_limit) {
            b->failed = 1;   /* the str could not fit in the simulated heap */
            return;
        }
        int64_t cap = b->cap ? b->cap * 2 : 16;
        uint32_t *p = realloc(b->p, (size_t)cap * sizeof *p);
        if (!p) {
            b->failed = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    b->p[b->n++] = c;
}

static void buf_str(Buf *b, MpObject *s, int64_t from, int64_t to)
{
    for (int64_t i = from; i < to; i++)
        buf_put(b, str_char_at(s, i));
}

static MpObject *buf_finish(Buf *b)
{
    MpObject *r = NULL;
    if (b->failed)
        err_no_memory();
    else
        r = str_from_codepoints(b->p, b->n);
    free(b->p);
    return r;
}

/* s[from:to] as a new str (s itself when it is the whole string) */
static MpObject *substr(MpObject *s, int64_t from, int64_t to)
{
    if (from == 0 && to == str_len(s))
        return mp_newref(s);
    Buf b = { 0 };
    buf_str(&b, s, from, to);
    return buf_finish(&b);
}

#define CH(s, i) str_char_at((s), (i))

/* Does s[at:] start with sub? */
static int match_at(MpObject *s, int64_t at, MpObject *sub)
{
    int64_t m = str_len(sub);
    if (at < 0 || at + m > str_len(s))
        return 0;
    for (int64_t j = 0; j < m; j++)
        if (CH(s, at + j) != CH(sub, j))
            return 0;
    return 1;
}

/* first (dir > 0) or last occurrence of sub in s[start:end], or -1 */
static int64_t search(MpObject *s, MpObject *sub, int64_t start, int64_t end, int dir)
{
    int64_t m = str_len(sub);
    if (end - start < m)
        return -1;
    if (dir > 0) {
        for (int64_t i = start; i + m <= end; i++)
            if (match_at(s, i, sub))
                return i;
    } else {
        for (int64_t i = end - m; i >= start; i--)
            if (match_at(s, i, sub))
                return i;
    }
    return -1;
}

static int need_str(MpObject *o, const char *fmt_prefix)
{
    if (str_check(o))
        return 0;
    err_set(&MpExc_TypeError, "%smust be str, not %s", fmt_prefix, type_name(o));
    return -1;
}

/* start/end of find, count, startswith...: None or int, clamped to [0, len] */
static int get_range(MpObject **args, int nargs, int first, int64_t len, int64_t *start,
                     int64_t *end)
{
    *start = 0;
    *end = len;
    if (nargs > first && meth_slice_bound(args[first], 1, len, start) < 0)
        return -1;
    if (nargs > first + 1 && meth_slice_bound(args[first + 1], 1, len, end) < 0)
        return -1;
    if (*end > len)
        *end = len;
    return 0;
}

/* ---- join, split, splitlines, partition -------------------------------------------- */

static MpObject *str_m_join(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    if (meth_one("str.join", nargs, kw) < 0)
        return NULL;
    MpObject *seq = args[0], *items;
    if (seq->type == &MpList_Type || seq->type == &MpTuple_Type) {
        items = mp_newref(seq);
    } else {
        MpObject *it = obj_iter(seq);
        if (!it) {
            if (err_matches(&MpExc_TypeError))
                err_set(&MpExc_TypeError, "can only join an iterable");
            return NULL;
        }
        mp_decref(it);
        items = seq_to_list(seq);
        if (!items)
            return NULL;
    }
    int is_list = items->type == &MpList_Type;
    int64_t n = is_list ? list_size(items) : tuple_size(items);
    if (n == 1 && !is_list) {
        MpObject *only = tuple_item(items, 0);
        if (str_check(only)) {
            mp_incref(only);
            mp_decref(items);
            return only;
        }
    }
    Buf b = { 0 };
    for (int64_t i = 0; i < n; i++) {
        MpObject *v = is_list ? list_getitem(items, i) : tuple_item(items, i);
        if (!str_check(v)) {
            err_set(&MpExc_TypeError, "sequence item %lld: expected str instance, %s found",
                    (long long)i, type_name(v));
            free(b.p);
            mp_decref(items);
            return NULL;
        }
        if (i)
            buf_str(&b, self, 0, str_len(self));
        buf_str(&b, v, 0, str_len(v));
    }
    mp_decref(items);
    return buf_finish(&b);
}

/* CPython's split lists: min(maxsplit + 1, 12) preallocated slots */
enum { MAX_PREALLOC = 12 };

typedef struct Parts {
    MpObject *list;
    int64_t count;
} Parts;

static int parts_init(Parts *p, int64_t maxsplit)
{
    p->count = 0;
    p->list = list_new(maxsplit >= MAX_PREALLOC ? MAX_PREALLOC : maxsplit + 1);
    return p->list ? 0 : -1;
}

static int parts_add(Parts *p, MpObject *s, int64_t from, int64_t to)
{
    MpObject *v = substr(s, from, to);
    if (!v)
        return -1;
    int r = 0;
    if (p->count < MAX_PREALLOC)
        ((MpList *)p->list)->items[p->count] = v;
    else {
        r = list_append(p->list, v);
        mp_decref(v);
    }
    if (r == 0)
        p->count++;
    return r;
}

static MpObject *parts_finish(Parts *p, int ok, int reverse)
{
    MpList *l = (MpList *)p->list;
    if (p->count < MAX_PREALLOC)
        l->size = p->count;
    if (!ok) {
        mp_decref(p->list);
        return NULL;
    }
    if (reverse)
        for (int64_t i = 0, j = l->size - 1; i < j; i++, j--) {
            MpObject *t = l->items[i];
            l->items[i] = l->items[j];
            l->items[j] = t;
        }
    return p->list;
}

static MpObject *split_impl(MpObject *self, MpObject **args, int nargs, MpObject *kw, int right)
{
    static const char *const names[] = { "sep", "maxsplit" };
    MpObject *opt[2];
    const char *fname = right ? "rsplit" : "split";
    if (meth_kw(fname, args, nargs, kw, names, 2, opt) < 0)
        return NULL;
    MpObject *sep = opt[0] == MP_NONE ? NULL : opt[0];
    int64_t maxsplit = -1, n = str_len(self);
    if (opt[1] && meth_index(opt[1], &maxsplit) < 0)
        return NULL;
    if (sep && !str_check(sep)) {
        err_set(&MpExc_TypeError, "must be str or None, not %s", type_name(sep));
        return NULL;
    }
    if (sep && str_len(sep) == 0) {
        err_set(&MpExc_ValueError, "empty separator");
        return NULL;
    }
    if (maxsplit < 0)
        maxsplit = INT64_MAX;
    Parts p;
    if (parts_init(&p, maxsplit) < 0)
        return NULL;
    int ok = 1;
    if (!sep && !right) {
        int64_t i = 0, j;
        while (ok && maxsplit-- > 0) {
            while (i < n && cp_isspace(CH(self, i)))
                i++;
            if (i == n)
                break;
            j = i;
            while (i < n && !cp_isspace(CH(self, i)))
                i++;
            ok = parts_add(&p, self, j, i) == 0;
        }
        if (ok && i < n) {
            while (i < n && cp_isspace(CH(self, i)))
                i++;
            if (i != n)
                ok = parts_add(&p, self, i, n) == 0;
        }
    } else if (!sep) {
        int64_t i = n - 1, j;
        while (ok && maxsplit-- > 0) {
            while (i >= 0 && cp_isspace(CH(self, i)))
                i--;
            if (i < 0)
                break;
            j = i;
            while (i >= 0 && !cp_isspace(CH(self, i)))
                i--;
            ok = parts_add(&p, self, i + 1, j + 1) == 0;
        }
        if (ok && i >= 0) {
            while (i >= 0 && cp_isspace(CH(self, i)))
                i--;
            if (i >= 0)
                ok = parts_add(&p, self, 0, i + 1) == 0;
        }
    } else if (!right) {
        int64_t i = 0, m = str_len(sep), pos;
        while (ok && maxsplit > 0 && (pos = search(self, sep, i, n, 1)) >= 0) {
            ok = parts_add(&p, self, i, pos) == 0;
            i = pos + m;
            maxsplit--;
        }
        if (ok)
            ok = parts_add(&p, self, i, n) == 0;
    } else {
        int64_t j = n, m = str_len(sep), pos;
        while (ok && maxsplit > 0 && (pos = search(self, sep, 0, j, -1)) >= 0) {
            ok = parts_add(&p, self, pos + m, j) == 0;
            j = pos;
            maxsplit--;
        }
        if (ok)
            ok = parts_add(&p, self, 0, j) == 0;
    }
    return parts_finish(&p, ok, right);
}

static MpObject *str_m_split(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return split_impl(self, args, nargs, kw, 0);
}

static MpObject *str_m_rsplit(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return split_impl(self, args, nargs, kw, 1);
}

static MpObject *str_m_splitlines(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    static const char *const names[] = { "keepends" };
    MpObject *opt[1];
    int64_t keepends = 0, n = str_len(self), i = 0;
    if (meth_kw("splitlines", args, nargs, kw, names, 1, opt) < 0)
        return NULL;
    if (opt[0] && meth_index(opt[0], &keepends) < 0)
        return NULL;
    MpObject *l = list_new(0);
    if (!l)
        return NULL;
    while (i < n) {
        int64_t j = i, eol;
        while (i < n && !cp_islinebreak(CH(self, i)))
            i++;
        eol = i;
        if (i < n) {
            if (CH(self, i) == '\r' && i + 1 < n && CH(self, i + 1) == '\n')
                i += 2;
            else
                i++;
            if (keepends)
                eol = i;
        }
        MpObject *v = substr(self, j, eol);
        int r = v ? list_append(l, v) : -1;
        mp_xdecref(v);
        if (r < 0) {
            mp_decref(l);
            return NULL;
        }
    }
    return l;
}

static MpObject *partition_impl(MpObject *self, MpObject **args, int nargs, MpObject *kw,
                                int right)
{
    if (meth_one(right ? "str.rpartition" : "str.partition", nargs, kw) < 0)
        return NULL;
    MpObject *sep = args[0];
    if (need_str(sep, "") < 0)
        return NULL;
    if (str_len(sep) == 0) {
        err_set(&MpExc_ValueError, "empty separator");
        return NULL;
    }
    int64_t n = str_len(self), pos = search(self, sep, 0, n, right ? -1 : 1);
    MpObject *a, *b, *c;
    if (pos < 0) {
        MpObject *empty = str_from_cstr("");
        if (!empty)
            return NULL;
        MpObject *t = right ? tuple_pack(3, empty, empty, self) : tuple_pack(3, self, empty, empty);
        mp_decref(empty);
        return t;
    }
    a = substr(self, 0, pos);
    c = substr(self, pos + str_len(sep), n);
    b = sep;
    MpObject *t = a && c ? tuple_pack(3, a, b, c) : NULL;
    mp_xdecref(a);
    mp_xdecref(c);
    return t;
}

static MpObject *str_m_partition(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return partition_impl(self, args, nargs, kw, 0);
}

static MpObject *str_m_rpartition(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return partition_impl(self, args, nargs, kw, 1);
}

/* ---- strip, replace ----------------------------------------------------------- */

static int in_chars(MpObject *chars, uint32_t c)
{
    if (!chars)
        return cp_isspace(c);
    for (int64_t i = 0; i < str_len(chars); i++)
        if (CH(chars, i) == c)
            return 1;
    return 0;
}

static MpObject *strip_impl(MpObject *self, MpObject **args, int nargs, MpObject *kw,
                            const char *name, int left, int right)
{
    char qualname[24] = "str.";
    strcat(qualname, name);
    if (meth_range(qualname, name, nargs, kw, 0, 1) < 0)
        return NULL;
    MpObject *chars = nargs == 1 && args[0] != MP_NONE ? args[0] : NULL;
    if (chars && !str_check(chars)) {
        err_set(&MpExc_TypeError, "%s arg must be None or str", name);
        return NULL;
    }
    int64_t i = 0, j = str_len(self);
    while (left && i < j && in_chars(chars, CH(self, i)))
        i++;
    while (right && j > i && in_chars(chars, CH(self, j - 1)))
        j--;
    return substr(self, i, j);
}

static MpObject *str_m_strip(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return strip_impl(self, args, nargs, kw, "strip", 1, 1);
}

static MpObject *str_m_lstrip(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return strip_impl(self, args, nargs, kw, "lstrip", 1, 0);
}

static MpObject *str_m_rstrip(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return strip_impl(self, args, nargs, kw, "rstrip", 0, 1);
}

static MpObject *str_m_replace(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    int64_t count = -1;
    if (meth_range("str.replace", "replace", nargs, kw, 2, 3) < 0)
        return NULL;
    for (int i = 0; i < 2; i++)
        if (!str_check(args[i])) {
            err_set(&MpExc_TypeError, "replace() argument %d must be str, not %s", i + 1,
                    type_name(args[i]));
            return NULL;
        }
    if (nargs == 3 && meth_index(args[2], &count) < 0)
        return NULL;
    if (count < 0)
        count = INT64_MAX;
    MpObject *old = args[0], *new = args[1];
    int64_t n = str_len(self), m = str_len(old), i = 0, done = 0;
    Buf b = { 0 };
    if (m == 0) {
        for (; i <= n; i++) {
            if (done < count) {
                buf_str(&b, new, 0, str_len(new));
                done++;
            }
            if (i < n)
                buf_put(&b, CH(self, i));
        }
    } else {
        while (i < n) {
            if (done < count && match_at(self, i, old)) {
                buf_str(&b, new, 0, str_len(new));
                i += m;
                done++;
            } else {
                buf_put(&b, CH(self, i++));
            }
        }
    }
    if (done == 0) {
        free(b.p);
        return mp_newref(self);
    }
    return buf_finish(&b);
}

/* ---- startswith, endswith, find, index, count --------------------------------- */

static int tailmatch(MpObject *self, MpObject *sub, int64_t start, int64_t end, int at_end)
{
    end -= str_len(sub);
    if (end < start)
        return 0;
    return match_at(self, at_end ? end : start, sub);
}

static MpObject *affix_impl(MpObject *self, MpObject **args, int nargs, MpObject *kw,
                            const char *name, int at_end)
{
    char qualname[24] = "str.";
    strcat(qualname, name);
    int64_t start, end;
    if (meth_tuple(qualname, name, nargs, kw, 1, 3) < 0
        || get_range(args, nargs, 1, str_len(self), &start, &end) < 0)
        return NULL;
    MpObject *x = args[0];
    if (x->type == &MpTuple_Type) {
        for (int64_t i = 0; i < tuple_size(x); i++) {
            MpObject *sub = tuple_item(x, i);
            if (!str_check(sub)) {
                err_set(&MpExc_TypeError, "tuple for %s must only contain str, not %s", name,
                        type_name(sub));
                return NULL;
            }
            if (tailmatch(self, sub, start, end, at_end))
                return bool_from(1);
        }
        return bool_from(0);
    }
    if (!str_check(x)) {
        err_set(&MpExc_TypeError, "%s first arg must be str or a tuple of str, not %s", name,
                type_name(x));
        return NULL;
    }
    return bool_from(tailmatch(self, x, start, end, at_end));
}

static MpObject *str_m_startswith(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return affix_impl(self, args, nargs, kw, "startswith", 0);
}

static MpObject *str_m_endswith(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return affix_impl(self, args, nargs, kw, "endswith", 1);
}

/* find (dir 1), rfind (-1); raise: index/rindex */
static MpObject *find_impl(MpObject *self, MpObject **args, int nargs, MpObject *kw,
                           const char *name, int dir, int raise)
{
    char qualname[24] = "str.";
    strcat(qualname, name);
    int64_t start, end;
    if (meth_tuple(qualname, name, nargs, kw, 1, 3) < 0 || need_str(args[0], "") < 0
        || get_range(args, nargs, 1, str_len(self), &start, &end) < 0)
        return NULL;
    int64_t pos = search(self, args[0], start, end, dir);
    if (pos < 0 && raise) {
        err_set(&MpExc_ValueError, "substring not found");
        return NULL;
    }
    return int_from_i64(pos);
}

static MpObject *str_m_find(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return find_impl(self, args, nargs, kw, "find", 1, 0);
}

static MpObject *str_m_rfind(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return find_impl(self, args, nargs, kw, "rfind", -1, 0);
}

static MpObject *str_m_index(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return find_impl(self, args, nargs, kw, "index", 1, 1);
}

static MpObject *str_m_rindex(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return find_impl(self, args, nargs, kw, "rindex", -1, 1);
}

static MpObject *str_m_count(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    int64_t start, end;
    if (meth_tuple("str.count", "count", nargs, kw, 1, 3) < 0 || need_str(args[0], "") < 0
        || get_range(args, nargs, 1, str_len(self), &start, &end) < 0)
        return NULL;
    MpObject *sub = args[0];
    int64_t m = str_len(sub), count = 0;
    if (end - start < m)
        return int_from_i64(0);
    if (m == 0)
        return int_from_i64(end - start + 1);
    for (int64_t i = start; i + m <= end;) {
        if (match_at(self, i, sub)) {
            count++;
            i += m;
        } else {
            i++;
        }
    }
    return int_from_i64(count);
}

/* ---- case ------------------------------------------------------------------------ */

enum { CASE_UPPER, CASE_LOWER, CASE_SWAP, CASE_TITLE, CASE_CAPITALIZE };

static MpObject *case_impl(MpObject *self, int nargs, MpObject *kw, const char *qualname, int how)
{
    if (meth_noargs(qualname, nargs, kw) < 0)
        return NULL;
    Buf b = { 0 };
    int prev_cased = 0;
    uint32_t up[2];
    for (int64_t i = 0; i < str_len(self); i++) {
        uint32_t c = CH(self, i);
        int to_upper;
        switch (how) {
        case CASE_UPPER: to_upper = 1; break;
        case CASE_LOWER: to_upper = 0; break;
        case CASE_SWAP:
            to_upper = cp_islower(c);
            if (!to_upper && !cp_isupper(c)) {
                buf_put(&b, c);
                continue;
            }
            break;
        case CASE_TITLE:
            to_upper = !prev_cased;
            prev_cased = cp_isupper(c) || cp_islower(c);
            break;
        default:
            to_upper = i == 0;
            break;
        }
        if (to_upper) {
            int k = cp_upper(c, up);
            for (int j = 0; j < k; j++)
                buf_put(&b, up[j]);
        } else {
            buf_put(&b, cp_lower(c));
        }
    }
    return buf_finish(&b);
}

static MpObject *str_m_upper(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return case_impl(self, nargs, kw, "str.upper", CASE_UPPER);
}

static MpObject *str_m_lower(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return case_impl(self, nargs, kw, "str.lower", CASE_LOWER);
}

static MpObject *str_m_swapcase(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return case_impl(self, nargs, kw, "str.swapcase", CASE_SWAP);
}

static MpObject *str_m_title(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return case_impl(self, nargs, kw, "str.title", CASE_TITLE);
}

static MpObject *str_m_capitalize(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return case_impl(self, nargs, kw, "str.capitalize", CASE_CAPITALIZE);
}

/* ---- predicates ---------------------------------------------------------------------- */

enum { IS_DIGIT, IS_ALPHA, IS_ALNUM, IS_SPACE, IS_UPPER, IS_LOWER };

static MpObject *is_impl(MpObject *self, int nargs, MpObject *kw, const char *qualname, int what)
{
    if (meth_noargs(qualname, nargs, kw) < 0)
        return NULL;
    int64_t n = str_len(self);
    int cased = 0;
    for (int64_t i = 0; i < n; i++) {
        uint32_t c = CH(self, i);
        int ok;
        switch (what) {
        case IS_DIGIT: ok = cp_isdigit(c); break;
        case IS_ALPHA: ok = cp_isalpha(c); break;
        case IS_ALNUM: ok = cp_isalpha(c) || cp_isnumeric(c); break;
        case IS_SPACE: ok = cp_isspace(c); break;
        case IS_UPPER: ok = !cp_islower(c); cased |= cp_isupper(c); break;
        default: ok = !cp_isupper(c); cased |= cp_islower(c); break;
        }
        if (!ok)
            return bool_from(0);
    }
    if (what == IS_UPPER || what == IS_LOWER)
        return bool_from(cased);
    return bool_from(n > 0);
}

static MpObject *str_m_isdigit(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return is_impl(self, nargs, kw, "str.isdigit", IS_DIGIT);
}

static MpObject *str_m_isalpha(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return is_impl(self, nargs, kw, "str.isalpha", IS_ALPHA);
}

static MpObject *str_m_isalnum(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return is_impl(self, nargs, kw, "str.isalnum", IS_ALNUM);
}

static MpObject *str_m_isspace(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return is_impl(self, nargs, kw, "str.isspace", IS_SPACE);
}

static MpObject *str_m_isupper(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return is_impl(self, nargs, kw, "str.isupper", IS_UPPER);
}

static MpObject *str_m_islower(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return is_impl(self, nargs, kw, "str.islower", IS_LOWER);
}

/* ---- padding --------------------------------------------------------------------------- */

static MpObject *pad(MpObject *self, int64_t left, int64_t right, uint32_t fill)
{
    if (left <= 0 && right <= 0)
        return mp_newref(self);
    Buf b = { 0 };
    for (int64_t i = 0; i < left; i++)
        buf_put(&b, fill);
    buf_str(&b, self, 0, str_len(self));
    for (int64_t i = 0; i < right; i++)
        buf_put(&b, fill);
    return buf_finish(&b);
}

static MpObject *str_m_zfill(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    int64_t width, n = str_len(self);
    if (meth_one("str.zfill", nargs, kw) < 0 || meth_index(args[0], &width) < 0)
        return NULL;
    if (n >= width)
        return mp_newref(self);
    Buf b = { 0 };
    int64_t fill = width - n, from = 0;
    if (n > 0 && (CH(self, 0) == '+' || CH(self, 0) == '-')) {
        buf_put(&b, CH(self, 0));
        from = 1;
    }
    for (int64_t i = 0; i < fill; i++)
        buf_put(&b, '0');
    buf_str(&b, self, from, n);
    return buf_finish(&b);
}

/* center/ljust/rjust: 0 center, 1 ljust, 2 rjust */
static MpObject *just_impl(MpObject *self, MpObject **args, int nargs, MpObject *kw,
                           const char *name, int how)
{
    char qualname[24] = "str.";
    strcat(qualname, name);
    int64_t width, n = str_len(self);
    uint32_t fill = ' ';
    if (meth_range(qualname, name, nargs, kw, 1, 2) < 0 || meth_index(args[0], &width) < 0)
        return NULL;
    if (nargs == 2) {
        if (!str_check(args[1])) {
            err_set(&MpExc_TypeError, "The fill character must be a unicode character, not %s",
                    type_name(args[1]));
            return NULL;
        }
        if (str_len(args[1]) != 1) {
            err_set(&MpExc_TypeError, "The fill character must be exactly one character long");
            return NULL;
        }
        fill = CH(args[1], 0);
    }
    if (n >= width)
        return mp_newref(self);
    int64_t marg = width - n;
    if (how == 1)
        return pad(self, 0, marg, fill);
    if (how == 2)
        return pad(self, marg, 0, fill);
    int64_t left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

static MpObject *str_m_center(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return just_impl(self, args, nargs, kw, "center", 0);
}

static MpObject *str_m_ljust(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return just_impl(self, args, nargs, kw, "ljust", 1);
}

static MpObject *str_m_rjust(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return just_impl(self, args, nargs, kw, "rjust", 2);
}

const MpMethodDef str_methods[] = {
    { "join", str_m_join, 0 },
    { "split", str_m_split, 0 },
    { "rsplit", str_m_rsplit, 0 },
    { "splitlines", str_m_splitlines, 0 },
    { "partition", str_m_partition, 0 },
    { "rpartition", str_m_rpartition, 0 },
    { "strip", str_m_strip, 0 },
    { "lstrip", str_m_lstrip, 0 },
    { "rstrip", str_m_rstrip, 0 },
    { "replace", str_m_replace, 0 },
    { "startswith", str_m_startswith, 0 },
    { "endswith", str_m_endswith, 0 },
    { "find", str_m_find, 0 },
    { "rfind", str_m_rfind, 0 },
    { "index", str_m_index, 0 },
    { "rindex", str_m_rindex, 0 },
    { "count", str_m_count, 0 },
    { "upper", str_m_upper, 0 },
    { "lower", str_m_lower, 0 },
    { "swapcase", str_m_swapcase, 0 },
    { "title", str_m_title, 0 },
    { "capitalize", str_m_capitalize, 0 },
    { "isdigit", str_m_isdigit, 0 },
    { "isalpha", str_m_isalpha, 0 },
    { "isalnum", str_m_isalnum, 0 },
    { "isspace", str_m_isspace, 0 },
    { "isupper", str_m_isupper, 0 },
    { "islower", str_m_islower, 0 },
    { "zfill", str_m_zfill, 0 },
    { "center", str_m_center, 0 },
    { "ljust", str_m_ljust, 0 },
    { "rjust", str_m_rjust, 0 },
    { "format", str_method_format, 0 },
    { NULL, NULL, 0 },
};
