/* mod_builtins.c — the builtin functions and the builtins namespace. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include "builtins_int.h"
#include "module.h"
#include "abstract.h"
#include "call.h"
#include "class.h"
#include "descr.h"
#include "err.h"
#include "exc.h"
#include "float.h"
#include "format.h"
#include "func.h"
#include "int.h"
#include "iter.h"
#include "list.h"
#include "methods.h"
#include "region.h"
#include "set.h"
#include "str.h"
#include "tuple.h"
#include "vm.h"
#include "gen.h"

#define NONE_RESULT mp_newref(MP_NONE)

/* ---- print and the standard streams ----------------------------------------------- */

typedef struct MpStdStream { MpObject ob; int fd; } MpStdStream;

static MpObject *stream_write(MpObject *self, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("write", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (!str_check(args[0])) {
        err_set(&MpExc_TypeError, "write() argument must be str, not %s", type_name(args[0]));
        return NULL;
    }
    size_t n = str_to_cbuf(args[0], NULL, 0);
    char small[512], *buf = n < sizeof small ? small : malloc(n + 1);
    if (!buf) {
        err_no_memory();
        return NULL;
    }
    str_to_cbuf(args[0], buf, n + 1);
    mp_write(((MpStdStream *)self)->fd, buf, n);
    if (buf != small)
        free(buf);
    return int_from_i64(str_len(args[0]));
}

static MpObject *stream_flush(MpObject *self, MpObject **args, int nargs, MpObject *kwnames)
{
    return NONE_RESULT;
}

static const MpMethodDef stream_methods[] = {
    { "write", stream_write, 0 }, { "flush", stream_flush, 0 }, { NULL, NULL, 0 },
};

static void stream_dealloc(MpObject *o) { object_free(o); }

static MpObject *stream_repr(MpObject *o)
{
    return str_from_cstr(((MpStdStream *)o)->fd == 1 ? "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>"
                                                    : "<_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'>");
}

MpType MpStdStream_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "_io.TextIOWrapper", .basicsize = 32,
    .dealloc = stream_dealloc, .repr = stream_repr, .methods = stream_methods,
};

MpObject *stdstream_new(int fd)
{
    MpStdStream *s = (MpStdStream *)object_new(&MpStdStream_Type, 0, sizeof(MpStdStream));
    if (s)
        s->fd = fd;
    return MP_OBJ(s);
}

static int write_obj(MpObject *file, MpObject *s)
{
    if (!file || file == MP_NONE) {
        size_t n = str_to_cbuf(s, NULL, 0);
        char small[1024], *buf = n < sizeof small ? small : malloc(n + 1);
        if (!buf) {
            err_no_memory();
            return -1;
        }
        str_to_cbuf(s, buf, n + 1);
        mp_write(1, buf, n);
        if (buf != small)
            free(buf);
        return 0;
    }
    MpObject *w = obj_getattr_cstr(file, "write");
    if (!w)
        return -1;
    MpObject *r = obj_call(w, &s, 1, NULL);
    mp_decref(w);
    if (!r)
        return -1;
    mp_decref(r);
    return 0;
}

MpObject *builtin_print(MpObject *self, MpObject **args, int nargs, MpObject *kwnames)
{
    MpObject *sep = arg_kw(args, nargs, kwnames, "sep"), *end = arg_kw(args, nargs, kwnames, "end");
    MpObject *file = arg_kw(args, nargs, kwnames, "file");
    for (int64_t i = 0; kwnames && i < tuple_size(kwnames); i++) {
        MpObject *k = tuple_item(kwnames, i);
        if (!str_eq_cstr(k, "sep") && !str_eq_cstr(k, "end") && !str_eq_cstr(k, "file") && !str_eq_cstr(k, "flush")) {
            char b[100];
            str_to_cbuf(k, b, sizeof b);
            err_set(&MpExc_TypeError, "'%s' is an invalid keyword argument for print()", b);
            return NULL;
        }
    }
    if (sep == MP_NONE) sep = NULL;
    if (end == MP_NONE) end = NULL;
    if ((sep && !str_check(sep)) || (end && !str_check(end))) {
        err_set(&MpExc_TypeError, "%s must be None or a string, not %s", sep && !str_check(sep) ? "sep" : "end",
                type_name(sep && !str_check(sep) ? sep : end));
        return NULL;
    }
    if (file && file->type == &MpStdStream_Type && ((MpStdStream *)file)->fd == 1)
        file = NULL;
    StrBuf b = { 0 };
    for (int i = 0; i < nargs; i++) {
        if (i)
            sep ? strbuf_str(&b, sep) : strbuf_cstr(&b, " ");
        MpObject *s = obj_str(args[i]);
        if (!s) {
            b.failed = 1;
            mp_xdecref(strbuf_finish(&b));
            return NULL;
        }
        strbuf_str(&b, s);
        mp_decref(s);
    }
    end ? strbuf_str(&b, end) : strbuf_cstr(&b, "\n");
    MpObject *line = strbuf_finish(&b);
    if (!line)
        return NULL;
    int rc = write_obj(file, line);
    mp_decref(line);
    return rc < 0 ? NULL : NONE_RESULT;
}

/* ---- simple builtins ---------------------------------------------------------------------- */

#define ONE(fname) if (arg_count(fname, nargs, kwnames, 1, 1) < 0) return NULL

MpObject *builtin_len(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    ONE("len");
    int64_t n = obj_len(args[0]);
    return n < 0 ? NULL : int_from_i64(n);
}

static MpObject *bi_id(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    ONE("id");
    return int_from_i64((int64_t)region_sim(args[0]));
}

static MpObject *bi_repr(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    ONE("repr");
    return obj_repr(args[0]);
}

static MpObject *bi_hash(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    ONE("hash");
    int64_t h = obj_hash(args[0]);
    return h == -1 && err_occurred() ? NULL : int_from_i64(h);
}

static MpObject *bi_callable(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    ONE("callable");
    return bool_from(obj_callable(args[0]));
}

static int isinstance_one(MpObject *o, MpObject *cls, int sub)
{
    if (cls->type == &MpTuple_Type) {
        for (int64_t i = 0; i < tuple_size(cls); i++) {
            int r = isinstance_one(o, tuple_item(cls, i), sub);
            if (r)
                return r;
        }
        return 0;
    }
    if (cls->type != &MpType_Type) {
        err_set(&MpExc_TypeError, sub ? "issubclass() arg 2 must be a class, a tuple of classes, or a union"
                                      : "isinstance() arg 2 must be a type, a tuple of types, or a union");
        return -1;
    }
    MpType *t = sub ? (MpType *)o : o->type;
    if ((MpType *)cls == &MpBaseObject_Type)
        return 1;
    MpObject *mro = class_mro(t);
    if (!mro)
        return -1;
    int found = 0;
    for (int64_t i = 0; i < tuple_size(mro) && !found; i++)
        found = tuple_item(mro, i) == cls;
    mp_decref(mro);
    return found;
}

static MpObject *bi_isinstance(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("isinstance", nargs, kwnames, 2, 2) < 0)
        return NULL;
    int r = isinstance_one(args[0], args[1], 0);
    return r < 0 ? NULL : bool_from(r);
}

static MpObject *bi_issubclass(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("issubclass", nargs, kwnames, 2, 2) < 0)
        return NULL;
    if (args[0]->type != &MpType_Type) {
        err_set(&MpExc_TypeError, "issubclass() arg 1 must be a class");
        return NULL;
    }
    int r = isinstance_one(args[0], args[1], 1);
    return r < 0 ? NULL : bool_from(r);
}

static MpObject *bi_abs(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    ONE("abs");
    MpObject *x = args[0];
    if (int_check(x))
        return int_as_i64(x) < 0 ? obj_unary(x, OPK_USub) : int_from_i64(int_as_i64(x));
    if (x->type == &MpFloat_Type)
        return float_from_double(fabs(float_as_double(x)));
    int missing;
    MpObject *r = obj_call_method(x, "__abs__", NULL, 0, &missing);
    if (!missing)
        return r;
    err_set(&MpExc_TypeError, "bad operand type for abs(): '%s'", x->type->name);
    return NULL;
}

static MpObject *minmax(const char *fname, MpObject **args, int nargs, MpObject *kwnames, AstOp op)
{
    MpObject *key = arg_kw(args, nargs, kwnames, "key"), *dflt = arg_kw(args, nargs, kwnames, "default");
    if (key == MP_NONE)
        key = NULL;
    if (nargs == 0) {
        err_set(&MpExc_TypeError, "%s expected at least 1 argument, got 0", fname);
        return NULL;
    }
    if (nargs > 1 && dflt) {
        err_set(&MpExc_TypeError, "Cannot specify a default for %s() with multiple positional arguments", fname);
        return NULL;
    }
    MpObject *seq = nargs == 1 ? args[0] : NULL;
    MpObject *tmp = NULL;
    if (!seq) {
        tmp = tuple_new(nargs);
        if (!tmp)
            return NULL;
        for (int i = 0; i < nargs; i++)
            ((MpTuple *)tmp)->items[i] = mp_newref(args[i]);
        seq = tmp;
    }
    MpObject *it = obj_iter(seq), *x, *best = NULL, *bestkey = NULL;
    mp_xdecref(tmp);
    if (!it)
        return NULL;
    while ((x = obj_next(it))) {
        MpObject *k = key ? obj_call(key, &x, 1, NULL) : mp_newref(x);
        if (!k) {
            mp_decref(x);
            break;
        }
        int better = !best ? 1 : obj_compare_bool(k, bestkey, op);
        if (better < 0) {
            mp_decref(k);
            mp_decref(x);
            break;
        }
        if (better) {
            mp_xdecref(best);
            mp_xdecref(bestkey);
            best = x;
            bestkey = k;
        } else {
            mp_decref(x);
            mp_decref(k);
        }
    }
    mp_decref(it);
    mp_xdecref(bestkey);
    if (err_occurred()) {
        mp_xdecref(best);
        return NULL;
    }
    if (!best) {
        if (dflt)
            return mp_newref(dflt);
        err_set(&MpExc_ValueError, "%s() arg is an empty sequence", fname);
    }
    return best;
}

static MpObject *bi_min(MpObject *s, MpObject **a, int n, MpObject *k) { return minmax("min", a, n, k, OPK_Lt); }
static MpObject *bi_max(MpObject *s, MpObject **a, int n, MpObject *k) { return minmax("max", a, n, k, OPK_Gt); }

static MpObject *bi_sum(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    MpObject *start = arg_kw(args, nargs, kwnames, "start");
    if (nargs < 1 || nargs > 2) {
        err_set(&MpExc_TypeError, "sum() takes at most 2 arguments (%d given)", nargs);
        return NULL;
    }
    if (nargs == 2)
        start = args[1];
    if (start && str_check(start)) {
        err_set(&MpExc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
        return NULL;
    }
    MpObject *acc = start ? mp_newref(start) : int_from_i64(0);
    MpObject *it = obj_iter(args[0]), *x;
    if (!it) {
        mp_decref(acc);
        return NULL;
    }
    while (acc && (x = obj_next(it))) {
        MpObject *r = obj_binop(acc, x, OPK_Add);
        mp_decref(x);
        mp_decref(acc);
        acc = r;
    }
    mp_decref(it);
    if (err_occurred()) {
        mp_xdecref(acc);
        return NULL;
    }
    return acc;
}

static MpObject *list_sort_call(MpObject *list, MpObject **kwargs, int nkw, MpObject *kwnames)
{
    for (const MpMethodDef *d = list_methods; d->name; d++)
        if (!strcmp(d->name, "sort"))
            return d->fn(list, kwargs, 0, kwnames);
    err_set(&MpExc_RuntimeError, "list.sort missing");
    return NULL;
}

static MpObject *bi_sorted(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    if (nargs != 1) {
        err_set(&MpExc_TypeError, nargs ? "sorted expected 1 argument, got %d" : "sorted expected 1 argument, got 0", nargs);
        return NULL;
    }
    MpObject *l = seq_to_list(args[0]);
    if (!l)
        return NULL;
    MpObject *r = list_sort_call(l, args + 1, kwnames ? (int)tuple_size(kwnames) : 0, kwnames);
    if (!r) {
        mp_decref(l);
        return NULL;
    }
    mp_decref(r);
    return l;
}

static MpObject *anyall(MpObject **args, int nargs, MpObject *kwnames, int want, const char *fname)
{
    if (arg_count(fname, nargs, kwnames, 1, 1) < 0)
        return NULL;
    MpObject *it = obj_iter(args[0]), *x;
    if (!it)
        return NULL;
    int result = !want;
    while ((x = obj_next(it))) {
        int t = obj_truth(x);
        mp_decref(x);
        if (t < 0)
            break;
        if (t == want) {
            result = want;
            break;
        }
    }
    mp_decref(it);
    return err_occurred() ? NULL : bool_from(result);
}

static MpObject *bi_any(MpObject *s, MpObject **a, int n, MpObject *k) { return anyall(a, n, k, 1, "any"); }
static MpObject *bi_all(MpObject *s, MpObject **a, int n, MpObject *k) { return anyall(a, n, k, 0, "all"); }

static MpObject *bi_iter(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("iter", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return obj_iter(args[0]);
}

static MpObject *bi_next(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("next", nargs, kwnames, 1, 2) < 0)
        return NULL;
    if (args[0]->type == &MpGen_Type) {
        /* a generator's return value rides on StopIteration */
        MpObject *ret = NULL;
        MpObject *y = gen_send(args[0], MP_NONE, NULL, &ret);
        if (y || err_occurred()) {
            mp_xdecref(ret);
            if (!y && nargs == 2 && err_matches(&MpExc_StopIteration)) {
                err_clear();
                return mp_newref(args[1]);
            }
            return y;
        }
        if (nargs == 2) {
            mp_xdecref(ret);
            return mp_newref(args[1]);
        }
        err_set_value(&MpExc_StopIteration, ret && ret != MP_NONE ? ret : NULL);
        mp_xdecref(ret);
        return NULL;
    }
    MpObject *x = obj_next(args[0]);
    if (x || err_occurred()) {
        if (!x && nargs == 2 && err_matches(&MpExc_StopIteration)) {
            err_clear();
            return mp_newref(args[1]);
        }
        return x;
    }
    if (nargs == 2)
        return mp_newref(args[1]);
    err_set_value(&MpExc_StopIteration, NULL);
    return NULL;
}

static MpObject *base_fn(MpObject **args, int nargs, MpObject *kwnames, int base, const char *fname)
{
    if (arg_count(fname, nargs, kwnames, 1, 1) < 0)
        return NULL;
    int64_t v;
    if (arg_int(args[0], &v) < 0)
        return NULL;
    return format_int_base(v, base);
}

static MpObject *bi_hex(MpObject *s, MpObject **a, int n, MpObject *k) { return base_fn(a, n, k, 16, "hex"); }
static MpObject *bi_oct(MpObject *s, MpObject **a, int n, MpObject *k) { return base_fn(a, n, k, 8, "oct"); }
static MpObject *bi_bin(MpObject *s, MpObject **a, int n, MpObject *k) { return base_fn(a, n, k, 2, "bin"); }

static MpObject *bi_chr(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    ONE("chr");
    int64_t v;
    if (arg_int(args[0], &v) < 0)
        return NULL;
    if (v < 0 || v > 0x10ffff) {
        err_set(&MpExc_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    uint32_t c = (uint32_t)v;
    return str_from_codepoints(&c, 1);
}

static MpObject *bi_ord(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    ONE("ord");
    if (!str_check(args[0])) {
        err_set(&MpExc_TypeError, "ord() expected string of length 1, but %s found", type_name(args[0]));
        return NULL;
    }
    if (str_len(args[0]) != 1) {
        err_set(&MpExc_TypeError, "ord() expected a character, but string of length %lld found",
                (long long)str_len(args[0]));
        return NULL;
    }
    return int_from_i64(str_char_at(args[0], 0));
}

static MpObject *bi_round(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    MpObject *nd = arg_kw(args, nargs, kwnames, "ndigits");
    if (nargs < 1 || nargs > 2) {
        err_set(&MpExc_TypeError, "round() takes at most 2 arguments (%d given)", nargs);
        return NULL;
    }
    if (nargs == 2)
        nd = args[1];
    if (nd == MP_NONE)
        nd = NULL;
    MpObject *x = args[0];
    int64_t digits = 0;
    if (nd && arg_int(nd, &digits) < 0)
        return NULL;
    if (int_check(x)) {
        if (!nd || digits >= 0)
            return int_from_i64(int_as_i64(x));
        int64_t p = 1;
        for (int64_t i = 0; i < -digits && p < INT64_MAX / 10; i++)
            p *= 10;
        int64_t v = int_as_i64(x), q = v / p, r = v % p;
        if (r < 0) { r += p; q--; }
        if (2 * r > p || (2 * r == p && (q & 1)))
            q++;
        return int_from_i64(q * p);
    }
    if (x->type == &MpFloat_Type) {
        double v = float_as_double(x);
        if (!nd) {
            if (isinf(v) || isnan(v)) {
                err_set(isnan(v) ? &MpExc_ValueError : &MpExc_OverflowError,
                        isnan(v) ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer");
                return NULL;
            }
            double r = nearbyint(v);   /* ties to even */
            return int_from_i64((int64_t)r);
        }
        char buf[64];
        if (digits > 300 || digits < -300)
            return float_from_double(digits > 0 ? v : 0.0 * v);
        if (digits >= 0) {
            snprintf(buf, sizeof buf, "%.*f", (int)digits, v);
            return float_from_double(strtod(buf, NULL));
        }
        double p = pow(10.0, (double)-digits);
        return float_from_double(nearbyint(v / p) * p);
    }
    int missing;
    MpObject *r = obj_call_method(x, "__round__", nd ? &nd : NULL, nd ? 1 : 0, &missing);
    if (!missing)
        return r;
    err_set(&MpExc_TypeError, "type %s doesn't define __round__ method", x->type->name);
    return NULL;
}

static MpObject *bi_divmod(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("divmod", nargs, kwnames, 2, 2) < 0)
        return NULL;
    MpObject *q = obj_binop(args[0], args[1], OPK_FloorDiv);
    if (!q)
        return NULL;
    MpObject *r = obj_binop(args[0], args[1], OPK_Mod);
    if (!r) {
        mp_decref(q);
        return NULL;
    }
    MpObject *t = tuple_pack(2, q, r);
    mp_decref(q);
    mp_decref(r);
    return t;
}

static MpObject *bi_pow(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("pow", nargs, kwnames, 2, 3) < 0)
        return NULL;
    if (nargs == 3 && args[2] != MP_NONE) {
        int64_t b, e, m;
        if (arg_int(args[0], &b) < 0 || arg_int(args[1], &e) < 0 || arg_int(args[2], &m) < 0)
            return NULL;
        if (m == 0) {
            err_set(&MpExc_ValueError, "pow() 3rd argument cannot be 0");
            return NULL;
        }
        if (e < 0) {
            err_set(&MpExc_ValueError, "pow() negative exponent not supported by memplay");
            return NULL;
        }
        __int128 r = 1, bb = ((b % m) + m) % m;
        while (e > 0) {
            if (e & 1) r = r * bb % m;
            bb = bb * bb % m;
            e >>= 1;
        }
        int64_t res = (int64_t)r;
        if (m < 0 && res > 0) res += m;
        return int_from_i64(res);
    }
    return obj_binop(args[0], args[1], OPK_Pow);
}

static MpObject *bi_getattr(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("getattr", nargs, kwnames, 2, 3) < 0)
        return NULL;
    if (!str_check(args[1])) {
        err_set(&MpExc_TypeError, "attribute name must be string, not '%s'", type_name(args[1]));
        return NULL;
    }
    MpObject *r = obj_getattr(args[0], args[1]);
    if (!r && nargs == 3 && err_matches(&MpExc_AttributeError)) {
        err_clear();
        return mp_newref(args[2]);
    }
    return r;
}

static MpObject *bi_setattr(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("setattr", nargs, kwnames, 3, 3) < 0)
        return NULL;
    return obj_setattr(args[0], args[1], args[2]) < 0 ? NULL : NONE_RESULT;
}

static MpObject *bi_delattr(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("delattr", nargs, kwnames, 2, 2) < 0)
        return NULL;
    return obj_setattr(args[0], args[1], NULL) < 0 ? NULL : NONE_RESULT;
}

static MpObject *bi_hasattr(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("hasattr", nargs, kwnames, 2, 2) < 0)
        return NULL;
    MpObject *r = obj_getattr(args[0], args[1]);
    if (r) {
        mp_decref(r);
        return bool_from(1);
    }
    if (err_matches(&MpExc_AttributeError)) {
        err_clear();
        return bool_from(0);
    }
    return NULL;
}

static MpObject *bi_vars(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("vars", nargs, kwnames, 1, 1) < 0)
        return NULL;
    MpObject *r = obj_getattr_cstr(args[0], "__dict__");
    if (!r && err_matches(&MpExc_AttributeError)) {
        err_clear();
        err_set(&MpExc_TypeError, "vars() argument must have __dict__ attribute");
    }
    return r;
}

static int add_names(MpObject *set, MpObject *dict)
{
    int64_t pos = 0;
    MpObject *k, *v;
    while (dict && dict_next(dict, &pos, &k, &v))
        if (set_add(set, k) < 0)
            return -1;
    return 0;
}

static MpObject *bi_dir(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("dir", nargs, kwnames, 0, 1) < 0)
        return NULL;
    MpObject *names = set_new();
    if (!names)
        return NULL;
    if (nargs == 0) {
        MpFrame *f = frame_top();
        add_names(names, f && f->locals ? f->locals : f ? f->globals : NULL);
    } else {
        MpObject *o = args[0];
        MpType *t = o->type == &MpType_Type ? (MpType *)o : o->type;
        if (o->type == &MpModule_Type)
            add_names(names, ((MpModule *)o)->dict);
        if (o->type->flags & MP_TF_MANAGED_DICT) {
            MpObject *d = instance_dict(o);
            if (d) {
                add_names(names, d);
                mp_decref(d);
            }
        }
        MpObject *mro = class_mro(t);
        for (int64_t i = 0; mro && i < tuple_size(mro); i++) {
            MpType *c = (MpType *)tuple_item(mro, i);
            add_names(names, c->dict);
            for (const MpMethodDef *d = c->methods; d && d->name; d++) {
                MpObject *n = str_from_cstr(d->name);
                if (n) {
                    set_add(names, n);
                    mp_decref(n);
                }
            }
        }
        mp_xdecref(mro);
    }
    MpObject *l = seq_to_list(names);
    mp_decref(names);
    if (!l)
        return NULL;
    MpObject *r = list_sort_call(l, NULL, 0, NULL);
    if (!r) {
        mp_decref(l);
        return NULL;
    }
    mp_decref(r);
    return l;
}

static MpObject *bi_format(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("format", nargs, kwnames, 1, 2) < 0)
        return NULL;
    if (nargs == 1 || str_len(args[1]) == 0)
        return obj_str(args[0]);
    return format_object(args[0], args[1]);
}

static MpObject *bi_globals(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    MpFrame *f = frame_top();
    return f ? mp_newref(f->globals) : NONE_RESULT;
}

static const MpMethodDef builtin_functions[] = {
    { "print", builtin_print, 0 }, { "len", builtin_len, 0 }, { "id", bi_id, 0 }, { "repr", bi_repr, 0 },
    { "hash", bi_hash, 0 }, { "callable", bi_callable, 0 }, { "isinstance", bi_isinstance, 0 },
    { "issubclass", bi_issubclass, 0 }, { "abs", bi_abs, 0 }, { "min", bi_min, 0 },
    { "max", bi_max, 0 }, { "sum", bi_sum, 0 }, { "sorted", bi_sorted, 0 }, { "any", bi_any, 0 },
    { "all", bi_all, 0 }, { "iter", bi_iter, 0 }, { "next", bi_next, 0 }, { "hex", bi_hex, 0 },
    { "oct", bi_oct, 0 }, { "bin", bi_bin, 0 }, { "chr", bi_chr, 0 }, { "ord", bi_ord, 0 },
    { "round", bi_round, 0 }, { "divmod", bi_divmod, 0 }, { "pow", bi_pow, 0 },
    { "getattr", bi_getattr, 0 }, { "setattr", bi_setattr, 0 }, { "delattr", bi_delattr, 0 },
    { "hasattr", bi_hasattr, 0 }, { "vars", bi_vars, 0 }, { "dir", bi_dir, 0 },
    { "format", bi_format, 0 }, { "globals", bi_globals, 0 }, { "locals", bi_globals, 0 },
    { NULL, NULL, 0 },
};

MpObject *mod_builtins_init(void)
{
    builtins_types_init();
    MpObject *m = module_new("builtins");
    if (!m)
        return NULL;
    MpType *types[] = {
        &MpInt_Type, &MpBool_Type, &MpFloat_Type, &MpStr_Type, &MpList_Type, &MpTuple_Type,
        &MpDict_Type, &MpSet_Type, &MpFrozenSet_Type, &MpBaseObject_Type, &MpType_Type,
        &MpRange_Type, &MpEnumerate_Type, &MpZip_Type, &MpMap_Type, &MpFilter_Type,
        &MpReversed_Type, &MpProperty_Type, &MpStaticMethod_Type, &MpClassMethod_Type,
        &MpSuper_Type, &MpBytes_Type,
    };
    int rc = module_add_functions(m, builtin_functions);
    for (size_t i = 0; rc == 0 && i < sizeof types / sizeof types[0]; i++)
        rc = module_add(m, types[i]->name, mp_newref(MP_OBJ(types[i])));
    for (int i = 0; rc == 0 && exc_types[i]; i++)
        rc = module_add(m, exc_types[i]->name, mp_newref(MP_OBJ(exc_types[i])));
    if (rc == 0)
        rc = module_add(m, "NotImplemented", mp_newref(MP_NOTIMPL));
    if (rc == 0)
        rc = module_add(m, "Ellipsis", mp_newref(MP_ELLIPSIS));
    if (rc < 0) {
        mp_decref(m);
        return NULL;
    }
    return m;
}
