/* number.c — operators: arithmetic, bitwise, unary and comparisons, for
 * int/bool/float, str/list/tuple concatenation and repetition, set
 * algebra, and instances through their dunder methods (with reflected
 * operands), with CPython's messages. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "abstract.h"
#include "err.h"
#include "weakref.h"
#include "int.h"
#include "float.h"
#include "str.h"
#include "list.h"
#include "runtime.h"
#include "tuple.h"
#include "dict.h"
#include "set.h"
#include "class.h"
#include "percent.h"

static const char *const op_symbols[OPK_COUNT] = {
    [OPK_Add] = "+", [OPK_Sub] = "-", [OPK_Mult] = "*", [OPK_MatMult] = "@", [OPK_Div] = "/",
    [OPK_Mod] = "%", [OPK_Pow] = "** or pow()", [OPK_LShift] = "<<", [OPK_RShift] = ">>",
    [OPK_BitOr] = "|", [OPK_BitXor] = "^", [OPK_BitAnd] = "&", [OPK_FloorDiv] = "//",
    [OPK_Eq] = "==", [OPK_NotEq] = "!=", [OPK_Lt] = "<", [OPK_LtE] = "<=", [OPK_Gt] = ">",
    [OPK_GtE] = ">=",
};

static const char *const dunder[OPK_COUNT][3] = {
    [OPK_Add] = { "__add__", "__radd__", "__iadd__" }, [OPK_Sub] = { "__sub__", "__rsub__", "__isub__" },
    [OPK_Mult] = { "__mul__", "__rmul__", "__imul__" }, [OPK_MatMult] = { "__matmul__", "__rmatmul__", "__imatmul__" },
    [OPK_Div] = { "__truediv__", "__rtruediv__", "__itruediv__" }, [OPK_Mod] = { "__mod__", "__rmod__", "__imod__" },
    [OPK_Pow] = { "__pow__", "__rpow__", "__ipow__" }, [OPK_LShift] = { "__lshift__", "__rlshift__", "__ilshift__" },
    [OPK_RShift] = { "__rshift__", "__rrshift__", "__irshift__" }, [OPK_BitOr] = { "__or__", "__ror__", "__ior__" },
    [OPK_BitXor] = { "__xor__", "__rxor__", "__ixor__" }, [OPK_BitAnd] = { "__and__", "__rand__", "__iand__" },
    [OPK_FloorDiv] = { "__floordiv__", "__rfloordiv__", "__ifloordiv__" },
};

static int is_heap(const MpObject *o) { return (o->type->flags & MP_TF_HEAPTYPE) && o->type != &MpType_Type; }
static int is_num(const MpObject *o) { return int_check(o) || o->type == &MpFloat_Type; }
static double as_double(const MpObject *o) { return int_check(o) ? (double)int_as_i64(o) : float_as_double(o); }

static MpObject *overflow(void)
{
    err_set(&MpExc_OverflowError, "integer result too large for memplay (64-bit ints)");
    return NULL;
}

static MpObject *int_pow(int64_t a, int64_t b)
{
    if (b < 0) {
        if (a == 0) {
            err_set(&MpExc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
            return NULL;
        }
        return float_from_double(pow((double)a, (double)b));
    }
    int64_t r = 1;
    while (b > 0) {
        if (b & 1) {
            if (__builtin_mul_overflow(r, a, &r))
                return overflow();
        }
        b >>= 1;
        if (b && __builtin_mul_overflow(a, a, &a))
            return overflow();
    }
    return int_from_i64(r);
}

static MpObject *int_binop(int64_t a, int64_t b, AstOp op)
{
    int64_t r;
    switch (op) {
    case OPK_Add: if (__builtin_add_overflow(a, b, &r)) return overflow(); return int_from_i64(r);
    case OPK_Sub: if (__builtin_sub_overflow(a, b, &r)) return overflow(); return int_from_i64(r);
    case OPK_Mult: if (__builtin_mul_overflow(a, b, &r)) return overflow(); return int_from_i64(r);
    case OPK_Div:
        if (b == 0) { err_set(&MpExc_ZeroDivisionError, "division by zero"); return NULL; }
        return float_from_double((double)a / (double)b);
    case OPK_FloorDiv: case OPK_Mod:
        if (b == 0) {
            err_set(&MpExc_ZeroDivisionError, op == OPK_Mod ? "integer modulo by zero"
                                                            : "integer division or modulo by zero");
            return NULL;
        }
        if (op == OPK_Mod) return int_from_i64(int_floormod(a, b));
        if (a == INT64_MIN && b == -1) return overflow();
        return int_from_i64(int_floordiv(a, b));
    case OPK_Pow: return int_pow(a, b);
    case OPK_LShift:
        if (b < 0) { err_set(&MpExc_ValueError, "negative shift count"); return NULL; }
        if (a == 0) return int_from_i64(0);
        if (b >= 63 || (a > 0 ? a > (INT64_MAX >> b) : a < (INT64_MIN >> b))) return overflow();
        return int_from_i64((int64_t)((uint64_t)a << b));
    case OPK_RShift:
        if (b < 0) { err_set(&MpExc_ValueError, "negative shift count"); return NULL; }
        return int_from_i64(b >= 63 ? (a < 0 ? -1 : 0) : a >> b);
    case OPK_BitAnd: return int_from_i64(a & b);
    case OPK_BitOr: return int_from_i64(a | b);
    case OPK_BitXor: return int_from_i64(a ^ b);
    default: return MP_NOTIMPL;
    }
}

static MpObject *float_binop(double a, double b, AstOp op)
{
    switch (op) {
    case OPK_Add: return float_from_double(a + b);
    case OPK_Sub: return float_from_double(a - b);
    case OPK_Mult: return float_from_double(a * b);
    case OPK_Div:
        if (b == 0) { err_set(&MpExc_ZeroDivisionError, "float division by zero"); return NULL; }
        return float_from_double(a / b);
    case OPK_FloorDiv: case OPK_Mod: {
        if (b == 0) {
            err_set(&MpExc_ZeroDivisionError, op == OPK_Mod ? "float modulo" : "float floor division by zero");
            return NULL;
        }
        double mod = fmod(a, b), div = (a - mod) / b;
        if (mod) {
            if ((b < 0) != (mod < 0)) { mod += b; div -= 1.0; }
        } else {
            mod = copysign(0.0, b);
        }
        double fl;
        if (div) { fl = floor(div); if (div - fl > 0.5) fl += 1.0; }
        else fl = copysign(0.0, a / b);
        return float_from_double(op == OPK_Mod ? mod : fl);
    }
    case OPK_Pow:
        if (a == 0 && b < 0) {
            err_set(&MpExc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
            return NULL;
        }
        return float_from_double(pow(a, b));
    default: return MP_NOTIMPL;
    }
}

static MpObject *repeat(MpObject *seq, int64_t n)
{
    if (n < 0)
        n = 0;
    MpObject *l = list_new(0);
    if (!l)
        return NULL;
    int64_t len = obj_len(seq);
    if (len > 0 && n > 0 && (len > INT64_MAX / n || (uint64_t)(len * n) > runtime_settings()->heap_limit)) {
        mp_decref(l);
        err_no_memory();   /* more than the whole simulated heap */
        return NULL;
    }
    if (seq->type == &MpStr_Type) {
        mp_decref(l);
        StrBuf b = { 0 };
        for (int64_t i = 0; i < n; i++)
            strbuf_str(&b, seq);
        return strbuf_finish(&b);
    }
    mp_decref(l);
    l = list_new(len * n);   /* exactly the size, as list_repeat allocates */
    if (!l)
        return NULL;
    for (int64_t i = 0; i < n; i++)
        for (int64_t j = 0; j < len; j++) {
            MpObject *x = seq->type == &MpList_Type ? list_getitem(seq, j) : tuple_item(seq, j);
            ((MpList *)l)->items[i * len + j] = mp_newref(x);
        }
    if (seq->type == &MpList_Type)
        return l;
    MpObject *t = seq_to_tuple(l);
    mp_decref(l);
    return t;
}

static MpObject *concat(MpObject *a, MpObject *b)
{
    if (a->type == &MpStr_Type)
        return str_concat(a, b);
    MpObject *l = seq_to_list(a);
    if (!l)
        return NULL;
    int64_t n = obj_len(b);
    for (int64_t i = 0; i < n; i++) {
        MpObject *x = b->type == &MpList_Type ? list_getitem(b, i) : tuple_item(b, i);
        if (list_append(l, x) < 0) {
            mp_decref(l);
            return NULL;
        }
    }
    if (a->type == &MpList_Type)
        return l;
    MpObject *t = seq_to_tuple(l);
    mp_decref(l);
    return t;
}

static int is_set(const MpObject *o) { return o->type == &MpSet_Type || o->type == &MpFrozenSet_Type; }

static MpObject *set_op(MpObject *a, MpObject *b, AstOp op)
{
    MpObject *r = a->type == &MpSet_Type ? set_new() : frozenset_new();
    if (!r)
        return NULL;
    int64_t pos = 0;
    MpObject *k;
    while (set_next(a, &pos, &k)) {
        int in = set_contains(b, k);
        if (in < 0) goto fail;
        int keep = op == OPK_BitOr || (op == OPK_BitAnd && in) || (op == OPK_Sub && !in)
                || (op == OPK_BitXor && !in);
        if (keep && set_add(r, k) < 0) goto fail;
    }
    if (op == OPK_BitOr || op == OPK_BitXor) {
        pos = 0;
        while (set_next(b, &pos, &k)) {
            int in = set_contains(a, k);
            if (in < 0) goto fail;
            if ((op == OPK_BitOr || !in) && set_add(r, k) < 0) goto fail;
        }
    }
    return r;
fail:
    mp_decref(r);
    return NULL;
}

static MpObject *builtin_binop(MpObject *a, MpObject *b, AstOp op)
{
    if (int_check(a) && int_check(b))
        return int_binop(int_as_i64(a), int_as_i64(b), op);
    if (is_num(a) && is_num(b))
        return float_binop(as_double(a), as_double(b), op);
    MpType *ta = a->type, *tb = b->type;
    if (ta == &MpBytes_Type || (tb == &MpBytes_Type && op == OPK_Mult && int_check(a)))
        return bytes_binop(a, b, op);
    int seq_a = ta == &MpStr_Type || ta == &MpList_Type || ta == &MpTuple_Type;
    if (op == OPK_Add && seq_a) {
        if (tb == ta)
            return concat(a, b);
        if (is_heap(b))
            return MP_NOTIMPL;
        err_set(&MpExc_TypeError, "can only concatenate %s (not \"%s\") to %s", ta->name, tb->name, ta->name);
        return NULL;
    }
    if (op == OPK_Mult && (seq_a || tb == &MpStr_Type || tb == &MpList_Type || tb == &MpTuple_Type)) {
        MpObject *seq = seq_a ? a : b, *n = seq_a ? b : a;
        if (int_check(n))
            return repeat(seq, int_as_i64(n));
        if (is_heap(n))
            return MP_NOTIMPL;
        err_set(&MpExc_TypeError, "can't multiply sequence by non-int of type '%s'", n->type->name);
        return NULL;
    }
    if (is_set(a) && is_set(b) && (op == OPK_BitOr || op == OPK_BitAnd || op == OPK_Sub || op == OPK_BitXor))
        return set_op(a, b, op);
    if (ta == &MpDict_Type && tb == &MpDict_Type && op == OPK_BitOr) {
        MpObject *r = dict_copy(a);
        int64_t pos = 0;
        MpObject *k, *v;
        while (r && dict_next(b, &pos, &k, &v))
            if (dict_setitem(r, k, v) < 0) {
                mp_decref(r);
                return NULL;
            }
        return r;
    }
    if (ta == &MpStr_Type && op == OPK_Mod)
        return str_percent_format(a, b);
    return MP_NOTIMPL;
}

static MpObject *call_dunder(MpObject *o, const char *name, MpObject *arg)
{
    int missing;
    MpObject *r = obj_call_method(o, name, &arg, 1, &missing);
    return missing ? mp_newref(MP_NOTIMPL) : r;
}

/* An operation with a proxy operand applies to the referents. */
static MpObject *proxy_binop(MpObject *a, MpObject *b, AstOp op, int inplace)
{
    MpObject *x = weakproxy_unwrap(a), *y = x ? weakproxy_unwrap(b) : NULL;
    MpObject *r = !y ? NULL : op == OPK_NONE ? obj_unary(x, (AstOp)inplace)
                : inplace ? obj_inplace(x, y, op) : obj_binop(x, y, op);
    mp_xdecref(x);
    mp_xdecref(y);
    return r;
}

/* int and float operands first (CPython specialises BINARY_OP for them):
 * they are neither proxies nor instances, so the generic path would come
 * to the same builtin_binop call.  MP_NOTIMPL when the operator has no
 * meaning for them (the generic path then reports it). */
static inline MpObject *num_binop(MpObject *a, MpObject *b, AstOp op)
{
    if (int_check(a) && int_check(b))
        return int_binop(int_as_i64(a), int_as_i64(b), op);
    if (is_num(a) && is_num(b))
        return float_binop(as_double(a), as_double(b), op);
    return MP_NOTIMPL;
}

/* The generic binary operation: proxies, reflected operands, instances'
 * dunders, builtin types (out of line: the int and float path stays
 * small). */
static __attribute__((noinline)) MpObject *binop_generic(MpObject *a, MpObject *b, AstOp op)
{
    MpObject *r;
    if (weakref_is_proxy(a) || weakref_is_proxy(b))
        return proxy_binop(a, b, op, 0);
    int rfirst = is_heap(b) && b->type != a->type && type_is_subtype(b->type, a->type);
    if (rfirst) {
        r = call_dunder(b, dunder[op][1], a);
        if (r != MP_NOTIMPL)
            return r;
        mp_decref(r);
    }
    if (is_heap(a)) {
        r = call_dunder(a, dunder[op][0], b);
        if (r != MP_NOTIMPL)
            return r;
        mp_decref(r);
    } else {
        r = builtin_binop(a, b, op);
        if (r != MP_NOTIMPL)
            return r;
    }
    if (is_heap(b) && !rfirst) {
        r = call_dunder(b, dunder[op][1], a);
        if (r != MP_NOTIMPL)
            return r;
        mp_decref(r);
    }
    err_set(&MpExc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
            op_symbols[op], a->type->name, b->type->name);
    return NULL;
}

MpObject *obj_binop(MpObject *a, MpObject *b, AstOp op)
{
    MpObject *r = num_binop(a, b, op);
    return r != MP_NOTIMPL ? r : binop_generic(a, b, op);
}

/* The generic in-place operation: list +=, set algebra, instances'
 * __iop__, then the binary operation (out of line, as binop_generic). */
static __attribute__((noinline)) MpObject *inplace_generic(MpObject *a, MpObject *b, AstOp op)
{
    MpObject *r;
    if (weakref_is_proxy(a) || weakref_is_proxy(b))
        return proxy_binop(a, b, op, 1);
    if (a->type == &MpList_Type && op == OPK_Add)
        return list_extend(a, b) < 0 ? NULL : mp_newref(a);
    if (a->type == &MpSet_Type && is_set(b) && (op == OPK_BitOr || op == OPK_BitAnd || op == OPK_Sub || op == OPK_BitXor)) {
        MpObject *res = set_op(a, b, op);
        if (!res)
            return NULL;
        set_clear(a);
        int64_t pos = 0;
        MpObject *k;
        while (set_next(res, &pos, &k))
            set_add(a, k);
        mp_decref(res);
        return mp_newref(a);
    }
    if (is_heap(a)) {
        r = call_dunder(a, dunder[op][2], b);
        if (r != MP_NOTIMPL)
            return r;
        mp_decref(r);
    }
    return binop_generic(a, b, op);
}

MpObject *obj_inplace(MpObject *a, MpObject *b, AstOp op)
{
    MpObject *r = num_binop(a, b, op);
    return r != MP_NOTIMPL ? r : inplace_generic(a, b, op);
}

MpObject *obj_unary(MpObject *a, AstOp op)
{
    if (op == OPK_Not) {
        int t = obj_truth(a);
        return t < 0 ? NULL : mp_newref(t ? MP_FALSE : MP_TRUE);
    }
    if (weakref_is_proxy(a))
        return proxy_binop(a, a, OPK_NONE, (int)op);
    if (int_check(a)) {
        int64_t v = int_as_i64(a);
        if (op == OPK_USub) return v == INT64_MIN ? overflow() : int_from_i64(-v);
        if (op == OPK_UAdd) return int_from_i64(v);
        if (op == OPK_Invert) return int_from_i64(~v);
    }
    if (a->type == &MpFloat_Type) {
        if (op == OPK_USub) return float_from_double(-float_as_double(a));
        if (op == OPK_UAdd) return mp_newref(a);
    }
    if (is_heap(a)) {
        const char *name = op == OPK_USub ? "__neg__" : op == OPK_UAdd ? "__pos__" : "__invert__";
        int missing;
        MpObject *r = obj_call_method(a, name, NULL, 0, &missing);
        if (!missing)
            return r;
    }
    err_set(&MpExc_TypeError, "bad operand type for unary %s: '%s'",
            op == OPK_USub ? "-" : op == OPK_UAdd ? "+" : "~", a->type->name);
    return NULL;
}

/* ---- comparisons ----------------------------------------------------------------------------- */

static AstOp swapped(AstOp op)
{
    switch (op) {
    case OPK_Lt: return OPK_Gt;
    case OPK_LtE: return OPK_GtE;
    case OPK_Gt: return OPK_Lt;
    case OPK_GtE: return OPK_LtE;
    default: return op;
    }
}

static const char *cmp_dunder(AstOp op)
{
    switch (op) {
    case OPK_Eq: return "__eq__";
    case OPK_NotEq: return "__ne__";
    case OPK_Lt: return "__lt__";
    case OPK_LtE: return "__le__";
    case OPK_Gt: return "__gt__";
    default: return "__ge__";
    }
}

static MpObject *seq_compare(MpObject *a, MpObject *b, AstOp op)
{
    int64_t na = obj_len(a), nb = obj_len(b);
    int is_list = a->type == &MpList_Type;
    for (int64_t i = 0; i < na && i < nb; i++) {
        MpObject *x = is_list ? list_getitem(a, i) : tuple_item(a, i);
        MpObject *y = is_list ? list_getitem(b, i) : tuple_item(b, i);
        int eq = x == y ? 1 : obj_compare_bool(x, y, OPK_Eq);
        if (eq < 0)
            return NULL;
        if (!eq) {
            if (op == OPK_Eq) return mp_newref(MP_FALSE);
            if (op == OPK_NotEq) return mp_newref(MP_TRUE);
            return obj_compare(x, y, op);
        }
    }
    return mp_newref(cmp_result(na < nb ? -1 : na > nb ? 1 : 0, op) ? MP_TRUE : MP_FALSE);
}

static int str_cmp(MpObject *a, MpObject *b)
{
    int64_t na = str_len(a), nb = str_len(b);
    for (int64_t i = 0; i < na && i < nb; i++) {
        uint32_t x = str_char_at(a, i), y = str_char_at(b, i);
        if (x != y)
            return x < y ? -1 : 1;
    }
    return na < nb ? -1 : na > nb ? 1 : 0;
}

static MpObject *int_compare(MpObject *a, MpObject *b, AstOp op)
{
    int64_t x = int_as_i64(a), y = int_as_i64(b);
    return mp_newref(cmp_result(x < y ? -1 : x > y, op) ? MP_TRUE : MP_FALSE);
}

static MpObject *builtin_compare(MpObject *a, MpObject *b, AstOp op)
{
    if (int_check(a) && int_check(b))
        return int_compare(a, b, op);
    if (is_num(a) && is_num(b)) {
        double x = as_double(a), y = as_double(b);
        int r = op == OPK_NotEq ? x != y : op == OPK_Eq ? x == y : op == OPK_Lt ? x < y
              : op == OPK_LtE ? x <= y : op == OPK_Gt ? x > y : x >= y;
        return mp_newref(r ? MP_TRUE : MP_FALSE);
    }
    if (a->type == &MpStr_Type && b->type == &MpStr_Type)
        return mp_newref(cmp_result(str_cmp(a, b), op) ? MP_TRUE : MP_FALSE);
    if (a->type == &MpBytes_Type && b->type == &MpBytes_Type)
        return bytes_compare(a, b, op);
    if (a->type == b->type && (a->type == &MpList_Type || a->type == &MpTuple_Type))
        return seq_compare(a, b, op);
    if (a->type == &MpDict_Type && b->type == &MpDict_Type && (op == OPK_Eq || op == OPK_NotEq)) {
        int eq = dict_size(a) == dict_size(b);
        int64_t pos = 0;
        MpObject *k, *v;
        while (eq == 1 && dict_next(a, &pos, &k, &v)) {
            MpObject *w = dict_getitem(b, k);
            if (!w) {
                if (err_occurred())
                    return NULL;
                eq = 0;
                break;
            }
            mp_incref(w);
            eq = v == w ? 1 : obj_compare_bool(v, w, OPK_Eq);
            mp_decref(w);
            if (eq < 0)
                return NULL;
        }
        return mp_newref((eq == (op == OPK_Eq)) ? MP_TRUE : MP_FALSE);
    }
    if (is_set(a) && is_set(b)) {
        if (op == OPK_Eq || op == OPK_NotEq) {
            int eq = object_eq(a, b);
            if (eq < 0)
                return NULL;
            return mp_newref((eq == (op == OPK_Eq)) ? MP_TRUE : MP_FALSE);
        }
        MpObject *small = (op == OPK_Lt || op == OPK_LtE) ? a : b, *big = small == a ? b : a;
        int64_t pos = 0;
        MpObject *k;
        int sub = 1;
        while (sub && set_next(small, &pos, &k))
            sub = set_contains(big, k) == 1;
        if ((op == OPK_Lt || op == OPK_Gt) && set_size(a) == set_size(b))
            sub = 0;
        return mp_newref(sub ? MP_TRUE : MP_FALSE);
    }
    if (op == OPK_Eq || op == OPK_NotEq) {
        if (a->type->eq && a->type == b->type && !is_heap(a)) {
            int eq = object_eq(a, b);
            if (eq < 0)
                return NULL;
            return mp_newref((eq == (op == OPK_Eq)) ? MP_TRUE : MP_FALSE);
        }
        if (!is_heap(a) && !is_heap(b))
            return mp_newref(((a == b) == (op == OPK_Eq)) ? MP_TRUE : MP_FALSE);
    }
    return MP_NOTIMPL;
}

static MpObject *compare(MpObject *a, MpObject *b, AstOp op);
static int compare_depth;

MpObject *obj_compare(MpObject *a, MpObject *b, AstOp op)
{
    if (compare_depth >= 1000) {
        err_set(&MpExc_RecursionError, "maximum recursion depth exceeded in comparison");
        return NULL;
    }
    /* ints first: the generic path would come to the same int_compare */
    if (op >= OPK_Eq && op <= OPK_GtE && int_check(a) && int_check(b))
        return int_compare(a, b, op);
    compare_depth++;
    MpObject *r = compare(a, b, op);
    compare_depth--;
    return r;
}

static MpObject *compare(MpObject *a, MpObject *b, AstOp op)
{
    switch (op) {
    case OPK_Is: return mp_newref(a == b ? MP_TRUE : MP_FALSE);
    case OPK_IsNot: return mp_newref(a != b ? MP_TRUE : MP_FALSE);
    case OPK_In: case OPK_NotIn: {
        int r = obj_contains(b, a);
        if (r < 0)
            return NULL;
        return mp_newref((r == (op == OPK_In)) ? MP_TRUE : MP_FALSE);
    }
    default: break;
    }
    if (weakref_is_proxy(a) || weakref_is_proxy(b)) {
        MpObject *x = weakproxy_unwrap(a), *y = x ? weakproxy_unwrap(b) : NULL;
        MpObject *res = y ? obj_compare(x, y, op) : NULL;
        mp_xdecref(x);
        mp_xdecref(y);
        return res;
    }
    MpObject *r;
    int rfirst = is_heap(b) && b->type != a->type && type_is_subtype(b->type, a->type);
    if (rfirst) {
        r = call_dunder(b, cmp_dunder(swapped(op)), a);
        if (r != MP_NOTIMPL)
            return r;
        mp_decref(r);
    }
    if (is_heap(a)) {
        r = call_dunder(a, cmp_dunder(op), b);
        if (r != MP_NOTIMPL)
            return r;
        mp_decref(r);
        if (op == OPK_NotEq && class_lookup_cstr(a->type, "__eq__")) {
            r = call_dunder(a, "__eq__", b);
            if (!r)
                return NULL;
            if (r != MP_NOTIMPL) {
                int t = obj_truth(r);
                mp_decref(r);
                return t < 0 ? NULL : mp_newref(t ? MP_FALSE : MP_TRUE);
            }
            mp_decref(r);
        }
    } else {
        r = builtin_compare(a, b, op);
        if (r != MP_NOTIMPL)
            return r;
    }
    if (is_heap(b) && !rfirst) {
        r = call_dunder(b, cmp_dunder(swapped(op)), a);
        if (r != MP_NOTIMPL)
            return r;
        mp_decref(r);
    }
    if (op == OPK_Eq || op == OPK_NotEq)
        return mp_newref(((a == b) == (op == OPK_Eq)) ? MP_TRUE : MP_FALSE);
    err_set(&MpExc_TypeError, "'%s' not supported between instances of '%s' and '%s'",
            op_symbols[op], a->type->name, b->type->name);
    return NULL;
}

int obj_compare_bool(MpObject *a, MpObject *b, AstOp op)
{
    if (op == OPK_Eq && a == b)
        return 1;
    MpObject *r = obj_compare(a, b, op);
    if (!r)
        return -1;
    int t = obj_truth(r);
    mp_decref(r);
    return t;
}
