/* methods_args.c — argument checks of the builtin methods (see methods.h). */
#include "methods.h"
#include "abstract.h"
#include "err.h"
#include "int.h"
#include "str.h"
#include "tuple.h"

static int no_kw(const char *qual, MpObject *kwnames)
{
    if (meth_nkw(kwnames) == 0)
        return 0;
    err_set(&MpExc_TypeError, "%s() takes no keyword arguments", qual);
    return -1;
}

int meth_noargs_slow(const char *qual, int nargs, MpObject *kwnames)
{
    if (no_kw(qual, kwnames) < 0)
        return -1;
    if (nargs == 0)
        return 0;
    err_set(&MpExc_TypeError, "%s() takes no arguments (%d given)", qual, nargs);
    return -1;
}

int meth_one_slow(const char *qual, int nargs, MpObject *kwnames)
{
    if (no_kw(qual, kwnames) < 0)
        return -1;
    if (nargs == 1)
        return 0;
    err_set(&MpExc_TypeError, "%s() takes exactly one argument (%d given)", qual, nargs);
    return -1;
}

int meth_range_slow(const char *qual, const char *name, int nargs, MpObject *kwnames, int min, int max)
{
    if (no_kw(qual, kwnames) < 0)
        return -1;
    if (min == max && nargs != min)
        err_set(&MpExc_TypeError, "%s expected %d argument%s, got %d", name, min,
                min == 1 ? "" : "s", nargs);
    else if (nargs < min)
        err_set(&MpExc_TypeError, "%s expected at least %d argument%s, got %d", name, min,
                min == 1 ? "" : "s", nargs);
    else if (nargs > max)
        err_set(&MpExc_TypeError, "%s expected at most %d argument%s, got %d", name, max,
                max == 1 ? "" : "s", nargs);
    else
        return 0;
    return -1;
}

int meth_tuple_slow(const char *qual, const char *name, int nargs, MpObject *kwnames, int min, int max)
{
    if (no_kw(qual, kwnames) < 0)
        return -1;
    if (nargs < min)
        err_set(&MpExc_TypeError, "%s() takes at least %d argument%s (%d given)", name, min,
                min == 1 ? "" : "s", nargs);
    else if (nargs > max)
        err_set(&MpExc_TypeError, "%s() takes at most %d argument%s (%d given)", name, max,
                max == 1 ? "" : "s", nargs);
    else
        return 0;
    return -1;
}

int meth_kw(const char *name, MpObject **args, int nargs, MpObject *kwnames,
            const char *const *names, int n, MpObject **out)
{
    int nkw = meth_nkw(kwnames);
    if (nargs + nkw > n) {
        err_set(&MpExc_TypeError, "%s() takes at most %d argument%s (%d given)", name, n,
                n == 1 ? "" : "s", nargs + nkw);
        return -1;
    }
    for (int i = 0; i < n; i++)
        out[i] = i < nargs ? args[i] : NULL;
    for (int k = 0; k < nkw; k++) {
        MpObject *kw = tuple_item(kwnames, k);
        char buf[128];
        str_to_cbuf(kw, buf, sizeof buf);
        int i;
        for (i = 0; i < n; i++)
            if (str_eq_cstr(kw, names[i]))
                break;
        if (i == n) {
            err_set(&MpExc_TypeError, "'%s' is an invalid keyword argument for %s()", buf, name);
            return -1;
        }
        if (i < nargs) {
            err_set(&MpExc_TypeError, "argument for %s() given by name ('%s') and position (%d)",
                    name, buf, i + 1);
            return -1;
        }
        out[i] = args[nargs + k];
    }
    return 0;
}

int meth_index(MpObject *o, int64_t *out)
{
    if (!int_check(o)) {
        err_set(&MpExc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(o));
        return -1;
    }
    *out = int_as_i64(o);
    return 0;
}

int meth_slice_bound(MpObject *o, int none_ok, int64_t len, int64_t *out)
{
    if (none_ok && o == MP_NONE)
        return 1;   /* not given: the caller keeps its default */
    if (!int_check(o)) {
        err_set(&MpExc_TypeError, none_ok
                ? "slice indices must be integers or None or have an __index__ method"
                : "slice indices must be integers or have an __index__ method");
        return -1;
    }
    int64_t v = int_as_i64(o);
    if (v < 0) {
        v += len;
        if (v < 0)
            v = 0;
    }
    *out = v;
    return 0;
}
