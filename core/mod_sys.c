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
#include "call.h"
#include "exc.h"
#include "gc.h"

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

/* sys.UnraisableHookArgs: the argument of sys.unraisablehook (a structseq
 * of 5 fields in CPython: 24 + 5 * 8 bytes + GC head). */
typedef struct MpUnraisableArgs {
    MpObject ob;
    MpObject *fields[5];
} MpUnraisableArgs;

enum { MP_UNRAISABLE_ARGS_SIZE = 64 };
_Static_assert(sizeof(MpUnraisableArgs) <= MP_UNRAISABLE_ARGS_SIZE, "fits CPython's size");

static const char *const ua_names[5] = {
    "exc_type", "exc_value", "exc_traceback", "err_msg", "object",
};

static int ua_traverse(MpObject *o, MpVisit visit, void *arg)
{
    MpUnraisableArgs *a = (MpUnraisableArgs *)o;
    for (int i = 0; i < 5; i++)
        if (a->fields[i]) {
            int rc = visit(a->fields[i], arg);
            if (rc)
                return rc;
        }
    return 0;
}

static void ua_clear(MpObject *o)
{
    MpUnraisableArgs *a = (MpUnraisableArgs *)o;
    for (int i = 0; i < 5; i++)
        MP_CLEAR(a->fields[i]);
}

static void ua_dealloc(MpObject *o)
{
    gc_untrack(o);
    ua_clear(o);
    object_free(o);
}

static MpObject *ua_getattro(MpObject *o, MpObject *name)
{
    MpUnraisableArgs *a = (MpUnraisableArgs *)o;
    for (int i = 0; i < 5; i++)
        if (str_eq_cstr(name, ua_names[i]))
            return mp_newref(a->fields[i]);
    if (str_eq_cstr(name, "__class__"))
        return mp_newref(MP_OBJ(o->type));
    char buf[100];
    str_to_cbuf(name, buf, sizeof buf);
    err_set(&MpExc_AttributeError, "'UnraisableHookArgs' object has no attribute '%s'", buf);
    return NULL;
}

static MpObject *ua_repr(MpObject *o)
{
    MpUnraisableArgs *a = (MpUnraisableArgs *)o;
    StrBuf b = { 0 };
    strbuf_cstr(&b, "UnraisableHookArgs(");
    for (int i = 0; i < 5; i++) {
        strbuf_cstr(&b, i ? ", " : "");
        strbuf_cstr(&b, ua_names[i]);
        strbuf_cstr(&b, "=");
        strbuf_repr(&b, a->fields[i]);
    }
    strbuf_cstr(&b, ")");
    return strbuf_finish(&b);
}

MpType MpUnraisableArgs_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "UnraisableHookArgs",
    .basicsize = MP_UNRAISABLE_ARGS_SIZE, .flags = MP_TF_GC,
    .dealloc = ua_dealloc, .traverse = ua_traverse, .clear = ua_clear,
    .repr = ua_repr, .getattro = ua_getattro,
};

static MpObject *sys_unraisablehook(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("unraisablehook", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (args[0]->type != &MpUnraisableArgs_Type) {
        err_set(&MpExc_TypeError, "sys.unraisablehook argument type must be UnraisableHookArgs");
        return NULL;
    }
    MpUnraisableArgs *a = (MpUnraisableArgs *)args[0];
    err_print_unraisable_default(a->fields[1], a->fields[4], a->fields[3]);
    return mp_newref(MP_NONE);
}

MpObject *sys_unraisable_hook(void)
{
    MpObject *sys = module_loaded_cstr("sys");
    if (!sys)
        return NULL;
    MpObject *hook = dict_getitem_cstr(((MpModule *)sys)->dict, "unraisablehook");
    if (!hook || hook == MP_NONE)
        return NULL;
    if (hook->type == &MpBuiltin_Type && ((MpBuiltin *)hook)->kwfn == sys_unraisablehook)
        return NULL;
    return hook;
}

MpObject *sys_unraisable_args(MpObject *exc, MpObject *obj, MpObject *err_msg)
{
    MpUnraisableArgs *a = (MpUnraisableArgs *)object_new(&MpUnraisableArgs_Type, 0,
                                                         sizeof(MpUnraisableArgs));
    if (!a)
        return NULL;
    MpObject *tb = exc ? ((MpExc *)exc)->traceback : NULL;
    a->fields[0] = mp_newref(exc ? MP_OBJ(exc->type) : MP_NONE);
    a->fields[1] = mp_newref(exc ? exc : MP_NONE);
    a->fields[2] = mp_newref(tb ? tb : MP_NONE);
    a->fields[3] = mp_newref(err_msg ? err_msg : MP_NONE);
    a->fields[4] = mp_newref(obj ? obj : MP_NONE);
    gc_track(MP_OBJ(a));
    return MP_OBJ(a);
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
