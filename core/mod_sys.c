/* mod_sys.c — the sys module: refcounts, sizes, the recursion limit,
 * the standard streams, exit. */
#include <stdio.h>
#include "module.h"
#include "builtins_int.h"
#include "abstract.h"
#include "err.h"
#include "int.h"
#include "list.h"
#include "str.h"
#include "tuple.h"
#include "vm.h"
#include "dict.h"

static MpObject *sys_getrefcount(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("getrefcount", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return int_from_i64(args[0]->refcnt);
}

static MpObject *sys_getsizeof(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("getsizeof", nargs, kwnames, 1, 2) < 0)
        return NULL;
    int missing;
    MpObject *r = obj_call_method(args[0], "__sizeof__", NULL, 0, &missing);
    if (!missing) {
        if (!r)
            return NULL;
        int64_t v;
        int rc = arg_int(r, &v);
        mp_decref(r);
        if (rc < 0)
            return NULL;
        return int_from_i64(v + (mp_is_gc(args[0]) ? 16 : 0));
    }
    return int_from_i64((int64_t)object_getsizeof(args[0]));
}

static MpObject *sys_getrecursionlimit(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("getrecursionlimit", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return int_from_i64(vm_recursion_limit());
}

static MpObject *sys_setrecursionlimit(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("setrecursionlimit", nargs, kwnames, 1, 1) < 0)
        return NULL;
    int64_t v;
    if (arg_int(args[0], &v) < 0)
        return NULL;
    if (v < 1) {
        err_set(&MpExc_ValueError, "recursion limit must be greater or equal than 1");
        return NULL;
    }
    if (v > 100000)
        v = 100000;   /* memplay's data stack bound; deeper runs end in RecursionError */
    vm_set_recursion_limit((int)v);
    return mp_newref(MP_NONE);
}

/* The interned strings (CPython's interned dict): one object per value. */
static MpObject *interned;

void mod_sys_reset(void) { interned = NULL; }

void mod_sys_visit_roots(MpVisit visit, void *arg)
{
    if (interned)
        visit(interned, arg);
}

static MpObject *sys_intern(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("intern", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (!str_check(args[0])) {
        err_set(&MpExc_TypeError, "intern() argument must be str, not %s", type_name(args[0]));
        return NULL;
    }
    if (!interned && !(interned = dict_new()))
        return NULL;
    MpObject *have = dict_getitem(interned, args[0]);
    if (have)
        return mp_newref(have);
    if (dict_setitem(interned, args[0], args[0]) < 0)
        return NULL;
    return mp_newref(args[0]);
}

static MpObject *sys_exit(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("exit", nargs, kwnames, 0, 1) < 0)
        return NULL;
    err_set_value(&MpExc_SystemExit, nargs ? args[0] : NULL);
    return NULL;
}

static MpObject *sys_unraisablehook(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    return mp_newref(MP_NONE);
}

static const MpMethodDef sys_functions[] = {
    { "getrefcount", sys_getrefcount, 0 }, { "getsizeof", sys_getsizeof, 0 },
    { "getrecursionlimit", sys_getrecursionlimit, 0 },
    { "setrecursionlimit", sys_setrecursionlimit, 0 }, { "intern", sys_intern, 0 },
    { "exit", sys_exit, 0 }, { "unraisablehook", sys_unraisablehook, 0 },
    { "__unraisablehook__", sys_unraisablehook, 0 },
    { NULL, NULL, 0 },
};

MpObject *mod_sys_init(void)
{
    MpObject *m = module_new("sys");
    if (!m)
        return NULL;
    int rc = module_add_functions(m, sys_functions);
    MpObject *argv = list_new(0), *a0 = str_from_cstr("<snippet>");
    if (argv && a0)
        list_append(argv, a0);
    mp_xdecref(a0);
    if (rc == 0) rc = module_add(m, "argv", argv);
    if (rc == 0) rc = module_add(m, "maxsize", int_from_i64(INT64_MAX));
    if (rc == 0) {
        MpObject *major = int_from_i64(3), *minor = int_from_i64(11), *micro = int_from_i64(7);
        MpObject *rel = str_from_cstr("final"), *serial = int_from_i64(0);
        MpObject *vi = major && minor && micro && rel && serial ? tuple_pack(5, major, minor, micro, rel, serial) : NULL;
        mp_xdecref(major); mp_xdecref(minor); mp_xdecref(micro); mp_xdecref(rel); mp_xdecref(serial);
        rc = module_add(m, "version_info", vi);
    }
    if (rc == 0) rc = module_add(m, "version", str_from_cstr("3.11.7 (memplay)"));
    if (rc == 0) rc = module_add(m, "stdout", stdstream_new(1));
    if (rc == 0) rc = module_add(m, "stderr", stdstream_new(2));
    if (rc < 0) {
        mp_decref(m);
        return NULL;
    }
    return m;
}
