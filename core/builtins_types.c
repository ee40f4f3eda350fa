/* builtins_types.c — calling the builtin value types: int(), float(),
 * str(), bool(), list(), tuple(), dict(), set(), frozenset(), object(),
 * with CPython's conversions and messages; and their method tables. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "builtins_int.h"
#include "abstract.h"
#include "err.h"
#include "int.h"
#include "float.h"
#include "str.h"
#include "list.h"
#include "tuple.h"
#include "set.h"
#include "methods.h"
#include "descr.h"

static int text_of(MpObject *s, char *buf, size_t cap)
{
    size_t n = str_to_cbuf(s, buf, cap);
    return n < cap ? 0 : -1;
}

static void strip(char **p)
{
    char *s = *p;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == '\v')
        s++;
    char *e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
        *--e = '\0';
    *p = s;
}

static MpObject *int_from_text(MpObject *s, int base)
{
    char buf[128], *p = buf;
    MpObject *r = NULL;
    if (text_of(s, buf, sizeof buf) == 0) {
        strip(&p);
        char clean[128];
        size_t k = 0;
        int ok = *p != '\0';
        for (char *q = p; *q && ok; q++) {
            if (*q == '_') {
                if (q == p || q[1] == '\0' || q[1] == '_' || !strchr("0123456789abcdefABCDEFxXoObB", q[-1]))
                    ok = 0;
                continue;
            }
            clean[k++] = *q;
        }
        clean[k] = '\0';
        const char *digits = clean;
        int neg = 0;
        if (*digits == '+' || *digits == '-')
            neg = *digits++ == '-';
        int b = base;
        if ((b == 0 || b == 16) && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X')) { b = 16; digits += 2; }
        else if ((b == 0 || b == 8) && digits[0] == '0' && (digits[1] == 'o' || digits[1] == 'O')) { b = 8; digits += 2; }
        else if ((b == 0 || b == 2) && digits[0] == '0' && (digits[1] == 'b' || digits[1] == 'B')) { b = 2; digits += 2; }
        if (b == 0) {
            b = 10;
            if (digits[0] == '0')
                for (const char *q = digits; *q; q++)
                    if (*q != '0')
                        ok = 0;
        }
        if (ok && *digits) {
            errno = 0;
            char *end;
            unsigned long long v = strtoull(digits, &end, b);
            if (*end == '\0' && digits[0] != '-' && digits[0] != '+' && digits[0] != ' ') {
                if (errno == ERANGE || v > (unsigned long long)INT64_MAX + (neg ? 1u : 0u)) {
                    err_set(&MpExc_OverflowError, "integer result too large for memplay (64-bit ints)");
                    return NULL;
                }
                r = int_from_i64(neg ? (int64_t)(0 - v) : (int64_t)v);
                return r;
            }
        }
    }
    MpObject *rep = obj_repr(s);
    if (!rep)
        return NULL;
    char rb[200];
    str_to_cbuf(rep, rb, sizeof rb);
    mp_decref(rep);
    err_set(&MpExc_ValueError, "invalid literal for int() with base %d: %s", base, rb);
    return NULL;
}

static MpObject *int_construct(MpType *t, MpObject **args, int nargs, MpObject *kwnames)
{
    MpObject *base_o = arg_kw(args, nargs, kwnames, "base");
    if (nargs > 2) {
        err_set(&MpExc_TypeError, "int() takes at most 2 arguments (%d given)", nargs);
        return NULL;
    }
    if (nargs == 2)
        base_o = args[1];
    if (nargs == 0)
        return int_from_i64(0);
    MpObject *x = args[0];
    if (base_o) {
        int64_t b;
        if (arg_int(base_o, &b) < 0)
            return NULL;
        if (!str_check(x)) {
            err_set(&MpExc_TypeError, "int() can't convert non-string with explicit base");
            return NULL;
        }
        if (b != 0 && (b < 2 || b > 36)) {
            err_set(&MpExc_ValueError, "int() base must be >= 2 and <= 36, or 0");
            return NULL;
        }
        return int_from_text(x, (int)b);
    }
    if (x->type == &MpBool_Type)
        return int_from_i64(int_as_i64(x));
    if (int_check(x))
        return mp_newref(x);
    if (x->type == &MpFloat_Type) {
        double d = float_as_double(x);
        if (isnan(d)) {
            err_set(&MpExc_ValueError, "cannot convert float NaN to integer");
            return NULL;
        }
        if (isinf(d)) {
            err_set(&MpExc_OverflowError, "cannot convert float infinity to integer");
            return NULL;
        }
        if (d >= 9.2233720368547758e18 || d < -9.2233720368547758e18) {
            err_set(&MpExc_OverflowError, "integer result too large for memplay (64-bit ints)");
            return NULL;
        }
        return int_from_i64((int64_t)d);
    }
    if (str_check(x))
        return int_from_text(x, 10);
    int missing;
    MpObject *r = obj_call_method(x, "__int__", NULL, 0, &missing);
    if (!missing)
        return r;
    err_set(&MpExc_TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'",
            x->type->name);
    return NULL;
}

static MpObject *float_construct(MpType *t, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("float", nargs, kwnames, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return float_from_double(0.0);
    MpObject *x = args[0];
    if (x->type == &MpFloat_Type)
        return mp_newref(x);
    if (int_check(x))
        return float_from_double((double)int_as_i64(x));
    if (str_check(x)) {
        char buf[128], *p = buf;
        if (text_of(x, buf, sizeof buf) == 0) {
            strip(&p);
            char *end;
            const char *q = p;
            if (*q == '+' || *q == '-')
                q++;
            int special = !strcasecmp(q, "inf") || !strcasecmp(q, "infinity") || !strcasecmp(q, "nan");
            if (*p && (special || strspn(q, "0123456789.eE+-_") == strlen(q))) {
                double d = strtod(p, &end);
                if (*end == '\0')
                    return float_from_double(d);
            }
        }
        MpObject *rep = obj_repr(x);
        if (!rep)
            return NULL;
        char rb[200];
        str_to_cbuf(rep, rb, sizeof rb);
        mp_decref(rep);
        err_set(&MpExc_ValueError, "could not convert string to float: %s", rb);
        return NULL;
    }
    int missing;
    MpObject *r = obj_call_method(x, "__float__", NULL, 0, &missing);
    if (!missing)
        return r;
    err_set(&MpExc_TypeError, "float() argument must be a string or a real number, not '%s'", x->type->name);
    return NULL;
}

static MpObject *str_construct(MpType *t, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("str", nargs, kwnames, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return str_from_cstr("");
    return obj_str(args[0]);
}

static MpObject *bool_construct(MpType *t, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("bool", nargs, kwnames, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return mp_newref(MP_FALSE);
    int v = obj_truth(args[0]);
    return v < 0 ? NULL : bool_from(v);
}

static MpObject *list_construct(MpType *t, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("list", nargs, kwnames, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return list_new(0);
    return seq_to_list(args[0]);
}

static MpObject *tuple_construct(MpType *t, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("tuple", nargs, kwnames, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return tuple_new(0);
    return seq_to_tuple(args[0]);
}

static int dict_fill(MpObject *d, MpObject *src)
{
    if (src->type == &MpDict_Type) {
        int64_t pos = 0;
        MpObject *k, *v;
        while (dict_next(src, &pos, &k, &v))
            if (dict_setitem(d, k, v) < 0)
                return -1;
        return 0;
    }
    MpObject *it = obj_iter(src), *x;
    if (!it)
        return -1;
    int64_t i = 0;
    while ((x = obj_next(it))) {
        MpObject *pair = seq_to_tuple(x);
        if (!pair) {
            err_clear();
            err_set(&MpExc_TypeError, "cannot convert dictionary update sequence element #%lld to a sequence",
                    (long long)i);
            mp_decref(x);
            break;
        }
        if (tuple_size(pair) != 2) {
            err_set(&MpExc_ValueError, "dictionary update sequence element #%lld has length %lld; 2 is required",
                    (long long)i, (long long)tuple_size(pair));
            mp_decref(pair);
            mp_decref(x);
            break;
        }
        int rc = obj_hash(tuple_item(pair, 0)) == -1 && err_occurred() ? -1
               : dict_setitem(d, tuple_item(pair, 0), tuple_item(pair, 1));
        mp_decref(pair);
        mp_decref(x);
        if (rc < 0)
            break;
        i++;
    }
    mp_decref(it);
    return err_occurred() ? -1 : 0;
}

static MpObject *dict_construct(MpType *t, MpObject **args, int nargs, MpObject *kwnames)
{
    if (nargs > 1) {
        err_set(&MpExc_TypeError, "dict expected at most 1 argument, got %d", nargs);
        return NULL;
    }
    MpObject *d = dict_new();
    if (!d)
        return NULL;
    if (nargs == 1 && dict_fill(d, args[0]) < 0) {
        mp_decref(d);
        return NULL;
    }
    for (int64_t i = 0; kwnames && i < tuple_size(kwnames); i++)
        if (dict_setitem(d, tuple_item(kwnames, i), args[nargs + i]) < 0) {
            mp_decref(d);
            return NULL;
        }
    return d;
}

static MpObject *set_construct(MpType *t, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count(t->name, nargs, kwnames, 0, 1) < 0)
        return NULL;
    if (t == &MpFrozenSet_Type && nargs == 1 && args[0]->type == &MpFrozenSet_Type)
        return mp_newref(args[0]);
    MpObject *s = t == &MpSet_Type ? set_new() : frozenset_new();
    if (!s || nargs == 0)
        return s;
    MpObject *it = obj_iter(args[0]), *x;
    if (!it) {
        mp_decref(s);
        return NULL;
    }
    while ((x = obj_next(it))) {
        int rc = obj_hash(x) == -1 && err_occurred() ? -1 : set_add(s, x);
        mp_decref(x);
        if (rc < 0)
            break;
    }
    mp_decref(it);
    if (err_occurred()) {
        mp_decref(s);
        return NULL;
    }
    return s;
}

static MpObject *object_construct(MpType *t, MpObject **args, int nargs, MpObject *kwnames)
{
    if (nargs || (kwnames && tuple_size(kwnames))) {
        err_set(&MpExc_TypeError, "object() takes no arguments");
        return NULL;
    }
    return object_new(&MpBaseObject_Type, 0, sizeof(MpObject));
}

static MpObject *type_construct(MpType *t, MpObject **args, int nargs, MpObject *kwnames)
{
    if (nargs == 1)
        return mp_newref(MP_OBJ(args[0]->type));
    if (nargs != 3) {
        err_set(&MpExc_TypeError, "type() takes 1 or 3 arguments");
        return NULL;
    }
    extern MpObject *class_new(MpObject *name, MpObject *bases, MpObject *ns);
    return class_new(args[0], args[1], args[2]);
}

void builtins_types_init(void)
{
    MpInt_Type.construct = int_construct;
    MpBool_Type.construct = bool_construct;
    MpFloat_Type.construct = float_construct;
    MpStr_Type.construct = str_construct;
    MpList_Type.construct = list_construct;
    MpTuple_Type.construct = tuple_construct;
    MpDict_Type.construct = dict_construct;
    MpSet_Type.construct = set_construct;
    MpFrozenSet_Type.construct = set_construct;
    MpBaseObject_Type.construct = object_construct;
    MpType_Type.construct = type_construct;
    MpStr_Type.methods = str_methods;
    MpList_Type.methods = list_methods;
    MpTuple_Type.methods = tuple_methods;
    MpDict_Type.methods = dict_methods;
    MpSet_Type.methods = set_methods;
    MpFrozenSet_Type.methods = frozenset_methods;
    builtins_iter_init();
}
