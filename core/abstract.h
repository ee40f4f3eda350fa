/* abstract.h — the object protocols the interpreter uses (CPython's
 * abstract.c and object.c): truth, str/repr, attributes, operators,
 * comparisons, items, iteration and calls, for builtin types and for
 * instances of classes (through their dunder methods).
 *
 * Conventions: objects are borrowed; results are new references, or NULL
 * (or -1) with an exception pending (err.h).  Operators use the AstOp
 * codes of ast.h.
 */
#ifndef MP_ABSTRACT_H
#define MP_ABSTRACT_H

#include "object.h"
#include "ast.h"
#include "int.h"
#include "str.h"
#include "list.h"
#include "tuple.h"
#include "dict.h"

extern MpObject mp_NotImplemented, mp_Ellipsis;
extern MpType MpNotImplemented_Type, MpEllipsis_Type;
#define MP_NOTIMPL (&mp_NotImplemented)
#define MP_ELLIPSIS (&mp_Ellipsis)

int obj_truth(MpObject *o);                    /* 1, 0, -1 */
MpObject *obj_str(MpObject *o);
MpObject *obj_repr(MpObject *o);
int64_t obj_len(MpObject *o);                  /* -1 with error */
int64_t obj_hash(MpObject *o);                 /* -1 with error (unhashable) */

MpObject *obj_getattr(MpObject *o, MpObject *name);
MpObject *obj_getattr_cstr(MpObject *o, const char *name);
/* NULL without error when missing (AttributeError swallowed). */
MpObject *obj_lookup_attr(MpObject *o, MpObject *name);
int obj_setattr(MpObject *o, MpObject *name, MpObject *value);   /* value NULL: delete */
int obj_hasattr_cstr(MpObject *o, const char *name);
/* The generic lookup on a type: the class dicts then the method tables of
 * the chain (borrowed for dict entries; method-table entries are returned
 * as a fresh builtin bound to `self` when self is given, new reference).
 * *found_in_dict tells which. */
MpObject *type_lookup_method(MpType *t, MpObject *name, MpObject *self);
/* The method `name` of o's type, called with args (dunder dispatch);
 * *missing is set when the type has no such method (no error then). */
MpObject *obj_call_method(MpObject *o, const char *name, MpObject **args, int nargs, int *missing);

MpObject *obj_binop(MpObject *a, MpObject *b, AstOp op);
MpObject *obj_inplace(MpObject *a, MpObject *b, AstOp op);
MpObject *obj_unary(MpObject *a, AstOp op);
/* Whether a three-way comparison c (<0, 0, >0) satisfies op, one of
 * OPK_Eq..OPK_GtE (0 for any other op). */
static inline int cmp_result(int c, AstOp op)
{
    switch (op) {
    case OPK_Eq: return c == 0;
    case OPK_NotEq: return c != 0;
    case OPK_Lt: return c < 0;
    case OPK_LtE: return c <= 0;
    case OPK_Gt: return c > 0;
    case OPK_GtE: return c >= 0;
    default: return 0;
    }
}
MpObject *obj_compare(MpObject *a, MpObject *b, AstOp op);   /* Eq..GtE, In, NotIn, Is, IsNot */
int obj_compare_bool(MpObject *a, MpObject *b, AstOp op);   /* 1, 0, -1 */
int obj_contains(MpObject *container, MpObject *item);       /* 1, 0, -1 */

MpObject *obj_getitem(MpObject *o, MpObject *key);
int obj_setitem(MpObject *o, MpObject *key, MpObject *value);   /* value NULL: delete */

/* A key whose hash cannot fail or run code (an exact str or int): a dict
 * takes it as it is. */
static inline int dict_plain_key(const MpObject *key)
{
    return key->type == &MpStr_Type || key->type == &MpInt_Type;
}

/* obj_getitem and obj_setitem are these: their common cases inline, for
 * the eval loop (CPython 3.11's BINARY_SUBSCR_LIST_INT, _TUPLE_INT, _DICT
 * and STORE_SUBSCR_DICT), the rest out of line (*_rest, which only they
 * call: obj_getitem_rest takes a plain key's dict look-up as done). */
MpObject *obj_getitem_rest(MpObject *o, MpObject *key);
int obj_setitem_rest(MpObject *o, MpObject *key, MpObject *value);

static inline MpObject *obj_getitem_inline(MpObject *o, MpObject *key)
{
    MpType *t = o->type;
    if ((t == &MpList_Type || t == &MpTuple_Type) && key->type == &MpInt_Type) {
        int64_t n = t == &MpList_Type ? list_size(o) : tuple_size(o);
        int64_t i = int_as_i64(key);
        if (i < 0)
            i += n;
        if (i >= 0 && i < n)
            return mp_newref(t == &MpList_Type ? ((MpList *)o)->items[i] : tuple_item(o, i));
    } else if (t == &MpDict_Type && dict_plain_key(key)) {
        MpObject *v = dict_getitem(o, key);
        if (v)
            return mp_newref(v);
    }
    return obj_getitem_rest(o, key);
}

static inline int obj_setitem_inline(MpObject *o, MpObject *key, MpObject *value)
{
    if (o->type == &MpDict_Type && value && dict_plain_key(key))
        return dict_setitem(o, key, value);
    return obj_setitem_rest(o, key, value);
}

MpObject *obj_iter(MpObject *o);
/* Next item: new reference, or NULL — with an error pending on failure,
 * without one when the iterator is exhausted. */
MpObject *obj_next(MpObject *it);

/* Calls with the vectorcall convention: nargs positional values in args,
 * then one value per name in kwnames (tuple of str, or NULL). */
MpObject *obj_call(MpObject *callable, MpObject **args, int nargs, MpObject *kwnames);
int obj_callable(MpObject *o);

/* Helpers for C functions taking arguments. */
int arg_count_slow(const char *fname, int nargs, MpObject *kwnames, int min, int max);
/* 0 if a C function got min..max positional arguments and no keywords,
 * else -1 with CPython's TypeError.  The good case is inline: every call
 * of a builtin checks. */
static inline int arg_count(const char *fname, int nargs, MpObject *kwnames, int min, int max)
{
    if (!kwnames && nargs >= min && nargs <= max)
        return 0;
    return arg_count_slow(fname, nargs, kwnames, min, max);
}
/* Value of keyword `name` (borrowed) or NULL. */
MpObject *arg_kw(MpObject **args, int nargs, MpObject *kwnames, const char *name);
int arg_no_kw(const char *fname, MpObject *kwnames);
int arg_int(MpObject *o, int64_t *out);        /* index conversion, TypeError otherwise */
/* A list with the items of any iterable (new reference). */
MpObject *seq_to_list(MpObject *iterable);
MpObject *seq_to_tuple(MpObject *iterable);
/* The type's name as CPython shows it in messages ('int', 'A'). */
const char *type_name(const MpObject *o);

#endif
