/* runtime.c — bringing the runtime up and down (see runtime.h). */
#include <string.h>
#include "runtime.h"
#include "call.h"
#include "check.h"
#include "compile.h"
#include "class.h"
#include "datastack.h"
#include "dict.h"
#include "err.h"
#include "event.h"
#include "float.h"
#include "func.h"
#include "gc.h"
#include "int.h"
#include "list.h"
#include "mem.h"
#include "region.h"
#include "set.h"
#include "str.h"
#include "tuple.h"
#include "weakref.h"

#include "frame.h"
#include "code.h"
#include "exc.h"
#include "module.h"
#include "iter.h"
#include "descr.h"
#include "abstract.h"
#include "dictview.h"
#include "builtins_int.h"
#include "vm.h"
#include "gen.h"

enum { MP_MIN_HEAP_LIMIT = 2u << 20 };

static MpSettings current;

MpSettings runtime_default_settings(void)
{
    MpSettings s = {
        .gc_thresholds = { 700, 10, 10 },
        .gc_enabled = 1,
        .heap_limit = 256u << 20,
        .step_cap = 10000000,
        .pymalloc = 1,
    };
    return s;
}

const MpSettings *runtime_settings(void) { return &current; }

/* Static types, in the order their addresses are assigned. */
static MpType *const static_types[] = {
    &MpType_Type, &MpBaseObject_Type, &MpNone_Type, &MpInt_Type, &MpBool_Type,
    &MpFloat_Type, &MpStr_Type, &MpBytes_Type, &MpTuple_Type, &MpList_Type,
    &MpDict_Type, &MpSet_Type, &MpFrozenSet_Type, &MpFunction_Type, &MpCell_Type,
    &MpMethod_Type, &MpBuiltin_Type, &MpWeakref_Type, &MpFrame_Type,
    &MpCode_Type, &MpTraceback_Type, &MpModule_Type, &MpListIter_Type, &MpTupleIter_Type,
    &MpStrIter_Type, &MpSetIter_Type, &MpRange_Type, &MpRangeIter_Type, &MpSlice_Type,
    &MpCallIter_Type, &MpProperty_Type, &MpStaticMethod_Type, &MpClassMethod_Type, &MpSuper_Type,
    &MpNotImplemented_Type, &MpEllipsis_Type, &MpStdStream_Type, &MpEnumerate_Type, &MpZip_Type,
    &MpMap_Type, &MpFilter_Type, &MpReversed_Type, &MpDictKeys_Type, &MpDictValues_Type,
    &MpDictItems_Type, &MpDictKeyIter_Type, &MpDictValueIter_Type, &MpDictItemIter_Type, &MpGen_Type,
    &MpExc_StepCapReached, &MpUnraisableArgs_Type, &MpBytesIter_Type,
    &MpWeakProxy_Type, &MpWeakCallableProxy_Type, &MpMemberDescr_Type,
};


static void gc_lists_roots(MpVisit visit, void *arg)
{
    if (gc_garbage())
        visit(gc_garbage(), arg);
    if (gc_callbacks())
        visit(gc_callbacks(), arg);
}

int runtime_init(const MpSettings *s)
{
    if (s->heap_limit < MP_MIN_HEAP_LIMIT)
        return -1;
    current = *s;
    event_set_observer(NULL, NULL);
    err_clear();
    region_reset();
    static_reset();
    trash_reset();
    check_reset();
    MemSettings ms = { s->heap_limit, s->pymalloc };
    if (mem_init(&ms) != 0)
        return -1;
    gc_init(s->gc_enabled, s->gc_thresholds);
    ds_init();
    frame_reset();

    for (size_t i = 0; i < sizeof static_types / sizeof static_types[0]; i++) {
        MpType *t = static_types[i];
        t->ob.refcnt = 1;
        t->ob.gcstate = 0;
        t->weakreflist = NULL;
        static_register(MP_OBJ(t), MP_STATIC_TYPE_SIZE);
    }
    for (int i = 0; exc_types[i]; i++) {
        MpType *t = exc_types[i];
        t->ob.refcnt = 1;
        t->ob.gcstate = 0;
        t->weakreflist = NULL;
        static_register(MP_OBJ(t), MP_STATIC_TYPE_SIZE);
    }
    mp_None.refcnt = 1;
    static_register(MP_NONE, 16);
    mp_NotImplemented.refcnt = 1;
    static_register(MP_NOTIMPL, 16);
    mp_Ellipsis.refcnt = 1;
    static_register(MP_ELLIPSIS, 16);
    int_init_statics();
    str_init_statics();
    tuple_init_statics();

    if (gc_init_lists() != 0)
        return -1;
    check_add_roots(gc_lists_roots);
    check_add_roots(frame_visit_roots);
    check_add_roots(vm_visit_roots);
    check_add_roots(modules_visit_roots);
    check_add_roots(compile_visit_roots);
    check_add_roots(builtin_descriptors_visit);
    return 0;
}

static void release_host_data(MpObject *o, void *ctx)
{
    if (o->type == &MpCode_Type)
        code_release_host(o);
}

void runtime_fini(void)
{
    event_set_observer(NULL, NULL);
    err_clear();
    vm_reset();
    modules_reset();
    builtin_descriptors_reset();
    gc_fini();
    float_clear_freelist();
    tuple_clear_freelists();
    list_clear_freelist();
    dict_clear_freelists();
    while (frame_top())
        frame_pop(frame_top());
    ds_fini();
    object_walk(release_host_data, NULL);
    object_registry_reset();
    mem_fini();
    region_reset();
    static_reset();
    check_reset();
    err_clear();
}
