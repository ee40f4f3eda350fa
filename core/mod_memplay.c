/* mod_memplay.c — memplay's own module: heap_check() runs the consistency
 * checker and raises if anything is off; snapshot(label) names the
 * current point of the run (the step model's markers; here it checks its
 * argument and records nothing else yet). */
#include "module.h"
#include "abstract.h"
#include "check.h"
#include "err.h"
#include "str.h"
#include "int.h"

static MpObject *mp_heap_check(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("heap_check", nargs, kwnames, 0, 0) < 0)
        return NULL;
    const char *problem = check_heap();
    if (problem) {
        err_set(&MpExc_RuntimeError, "heap check failed: %s", problem);
        return NULL;
    }
    return mp_newref(MP_TRUE);
}

static MpObject *mp_snapshot(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("snapshot", nargs, kwnames, 0, 1) < 0)
        return NULL;
    if (nargs == 1 && !str_check(args[0])) {
        err_set(&MpExc_TypeError, "snapshot() argument must be str, not %s", type_name(args[0]));
        return NULL;
    }
    return mp_newref(MP_NONE);
}

static const MpMethodDef memplay_functions[] = {
    { "heap_check", mp_heap_check, 0 }, { "snapshot", mp_snapshot, 0 }, { NULL, NULL, 0 },
};

MpObject *mod_memplay_init(void)
{
    MpObject *m = module_new("memplay");
    if (m && module_add_functions(m, memplay_functions) < 0) {
        mp_decref(m);
        return NULL;
    }
    return m;
}
