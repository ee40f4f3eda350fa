/* methods.h — the method tables of the builtin types, and the argument
 * checks they share.
 *
 * Each table is NULL-terminated and hangs off its type's `methods` slot
 * (MpType in object.h); every function follows the vectorcall convention
 * of MpCFuncKw.  The tables live in methods_str.c, methods_list.c (list
 * and tuple), methods_dict.c and methods_set.c (set and frozenset); the
 * dict views they return are in dictview.h.
 *
 * The checks (methods_args.c) raise CPython 3.11's TypeErrors, whose
 * wording depends on how CPython declares each method:
 *   meth_noargs  METH_NOARGS   "list.copy() takes no arguments (1 given)"
 *   meth_one     METH_O        "list.append() takes exactly one argument (0 given)"
 *   meth_range   Argument Clinic, positional only
 *                              "pop expected at most 1 argument, got 2"
 *   meth_tuple   PyArg_ParseTuple "find() takes at least 1 argument (0 given)"
 *   meth_kw      keywords allowed: positional-or-keyword names, clinic wording
 * All but meth_kw reject keywords with "list.pop() takes no keyword
 * arguments".  `qual` is "type.name", `name` the bare method name.
 */
#ifndef MP_METHODS_H
#define MP_METHODS_H

#include <stdint.h>
#include "object.h"

extern const MpMethodDef str_methods[];
extern const MpMethodDef list_methods[];
extern const MpMethodDef tuple_methods[];
extern const MpMethodDef dict_methods[];
extern const MpMethodDef set_methods[];
extern const MpMethodDef frozenset_methods[];

/* str.format (strformat.c), listed in str_methods. */
MpObject *str_method_format(MpObject *self, MpObject **args, int nargs, MpObject *kwnames);

/* Each returns 0, or -1 with TypeError set.  The good case (the count in
 * range, no keywords) is inline, below: every call of a method checks, and
 * in WASM a call costs a frame and the spill of what the caller holds.
 * The *_slow functions check again and raise. */
static inline int meth_noargs(const char *qual, int nargs, MpObject *kwnames);
static inline int meth_one(const char *qual, int nargs, MpObject *kwnames);
static inline int meth_range(const char *qual, const char *name, int nargs, MpObject *kwnames,
                             int min, int max);
static inline int meth_tuple(const char *qual, const char *name, int nargs, MpObject *kwnames,
                             int min, int max);
int meth_noargs_slow(const char *qual, int nargs, MpObject *kwnames);
int meth_one_slow(const char *qual, int nargs, MpObject *kwnames);
int meth_range_slow(const char *qual, const char *name, int nargs, MpObject *kwnames, int min, int max);
int meth_tuple_slow(const char *qual, const char *name, int nargs, MpObject *kwnames, int min, int max);
/* Fills out[0..n) (borrowed, NULL when not given) from positional values
 * then keywords named names[0..n). */
int meth_kw(const char *name, MpObject **args, int nargs, MpObject *kwnames,
            const char *const *names, int n, MpObject **out);
static inline int meth_nkw(MpObject *kwnames);

/* An int argument (bool included): "'str' object cannot be interpreted as
 * an integer" otherwise. */
int meth_index(MpObject *o, int64_t *out);
/* A slice bound of find/index/count: None allowed when none_ok; clamps
 * negatives as CPython (adds len, floors at 0). */
int meth_slice_bound(MpObject *o, int none_ok, int64_t len, int64_t *out);

#include "tuple.h"
static inline int meth_nkw(MpObject *kwnames) { return kwnames ? (int)tuple_size(kwnames) : 0; }

/* nargs in min..max and no keywords */
static inline int meth_args_ok(int nargs, MpObject *kwnames, int min, int max)
{
    return nargs >= min && nargs <= max && !meth_nkw(kwnames);
}
static inline int meth_noargs(const char *qual, int nargs, MpObject *kwnames)
{
    return meth_args_ok(nargs, kwnames, 0, 0) ? 0 : meth_noargs_slow(qual, nargs, kwnames);
}
static inline int meth_one(const char *qual, int nargs, MpObject *kwnames)
{
    return meth_args_ok(nargs, kwnames, 1, 1) ? 0 : meth_one_slow(qual, nargs, kwnames);
}
static inline int meth_range(const char *qual, const char *name, int nargs, MpObject *kwnames,
                             int min, int max)
{
    return meth_args_ok(nargs, kwnames, min, max) ? 0 : meth_range_slow(qual, name, nargs, kwnames, min, max);
}
static inline int meth_tuple(const char *qual, const char *name, int nargs, MpObject *kwnames,
                             int min, int max)
{
    return meth_args_ok(nargs, kwnames, min, max) ? 0 : meth_tuple_slow(qual, name, nargs, kwnames, min, max);
}

#endif
