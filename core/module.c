/* module.c — module objects and the table of importable modules. */
#include <stdio.h>
#include <string.h>
#include "module.h"
#include "abstract.h"
#include "call.h"
#include "dict.h"
#include "err.h"
#include "gc.h"
#include "str.h"

static int module_traverse(MpObject *o, MpVisit visit, void *arg)
{
    MpModule *m = (MpModule *)o;
    int r;
    if (m->dict && (r = visit(m->dict, arg)))
        return r;
    return m->name ? visit(m->name, arg) : 0;
}

static void module_clear(MpObject *o)
{
    MP_CLEAR(((MpModule *)o)->dict);
    MP_CLEAR(((MpModule *)o)->name);
}

static void module_dealloc(MpObject *o)
{
    gc_untrack(o);
    module_clear(o);
    object_free(o);
}

static MpObject *module_repr(MpObject *o)
{
    char name[100], buf[160];
    str_to_cbuf(((MpModule *)o)->name, name, sizeof name);
    snprintf(buf, sizeof buf, "<module '%s' (built-in)>", name);
    return str_from_cstr(buf);
}

static MpObject *module_getattro(MpObject *o, MpObject *name)
{
    MpModule *m = (MpModule *)o;
    MpObject *v = dict_getitem(m->dict, name);
    if (v)
        return mp_newref(v);
    if (str_eq_cstr(name, "__dict__"))
        return mp_newref(m->dict);
    if (str_eq_cstr(name, "__class__"))
        return mp_newref(MP_OBJ(o->type));
    char n[100], a[100];
    str_to_cbuf(m->name, n, sizeof n);
    str_to_cbuf(name, a, sizeof a);
    err_set(&MpExc_AttributeError, "module '%s' has no attribute '%s'", n, a);
    return NULL;
}

static int module_setattro(MpObject *o, MpObject *name, MpObject *value)
{
    MpModule *m = (MpModule *)o;
    if (value)
        return dict_setitem(m->dict, name, value);
    return dict_delitem(m->dict, name);
}

MpType MpModule_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "module", .basicsize = 56, .flags = MP_TF_GC,
    .dealloc = module_dealloc, .traverse = module_traverse, .clear = module_clear,
    .repr = module_repr, .getattro = module_getattro, .setattro = module_setattro,
};

int module_add(MpObject *module, const char *name, MpObject *value)
{
    if (!value)
        return -1;
    MpObject *k = str_from_cstr(name);
    int rc = k ? dict_setitem(((MpModule *)module)->dict, k, value) : -1;
    mp_xdecref(k);
    mp_decref(value);
    return rc;
}

MpObject *module_new(const char *name)
{
    MpModule *m = (MpModule *)object_new(&MpModule_Type, 0, sizeof(MpModule));
    if (!m)
        return NULL;
    m->dict = dict_new();
    m->name = str_from_cstr(name);
    gc_track(MP_OBJ(m));
    if (!m->dict || !m->name || module_add(MP_OBJ(m), "__name__", mp_newref(m->name)) < 0) {
        mp_decref(MP_OBJ(m));
        return NULL;
    }
    return MP_OBJ(m);
}

int module_add_functions(MpObject *module, const MpMethodDef *defs)
{
    for (const MpMethodDef *d = defs; d->name; d++)
        if (module_add(module, d->name, builtin_new_kw(d->name, d->fn, NULL)) < 0)
            return -1;
    return 0;
}

static const struct { const char *name; MpObject *(*init)(void); } known[] = {
    { "builtins", mod_builtins_init }, { "sys", mod_sys_init }, { "gc", mod_gc_init }, { "weakref", mod_weakref_init },
    { "memplay", mod_memplay_init },
};
enum { NKNOWN = sizeof known / sizeof known[0] };
static MpObject *loaded[NKNOWN];

MpObject *module_import(MpObject *name)
{
    for (int i = 0; i < NKNOWN; i++) {
        if (!str_eq_cstr(name, known[i].name))
            continue;
        if (!loaded[i] && !(loaded[i] = known[i].init()))
            return NULL;
        return mp_newref(loaded[i]);
    }
    char n[100];
    str_to_cbuf(name, n, sizeof n);
    err_set(&MpExc_ModuleNotFoundError, "No module named '%s'", n);
    return NULL;
}

MpObject *module_loaded(MpObject *name)
{
    for (int i = 0; i < NKNOWN; i++)
        if (str_eq_cstr(name, known[i].name))
            return loaded[i];
    return NULL;
}

MpObject *module_loaded_cstr(const char *name)
{
    for (int i = 0; i < NKNOWN; i++)
        if (!strcmp(name, known[i].name))
            return loaded[i];
    return NULL;
}

/* The module being built while it is imported (weakref, whose Python
 * prelude takes thousands of steps): not in the table yet, but reachable,
 * as a module is from sys.modules in CPython while its code runs.  The
 * reference is the module's init function's. */
static MpObject *loading;

MpObject *modules_set_loading(MpObject *module)
{
    MpObject *outer = loading;
    loading = module;
    return outer;
}

void modules_reset(void)
{
    loading = NULL;
    memset(loaded, 0, sizeof loaded);
    mod_sys_reset();
}

void modules_visit_roots(MpVisit visit, void *arg)
{
    for (int i = 0; i < NKNOWN; i++)
        if (loaded[i])
            visit(loaded[i], arg);
    if (loading)
        visit(loading, arg);
    mod_sys_visit_roots(visit, arg);
}
