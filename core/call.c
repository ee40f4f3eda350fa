/* call.c — calling callables from C, and the builtin function type. */
#include "call.h"
#include "func.h"
#include "class.h"
#include "gc.h"
#include "err.h"
#include "str.h"
#include "region.h"
#include <stdio.h>
#include <string.h>
#include "abstract.h"

MpObject *(*call_python_hook)(MpObject *func, MpObject **args, int nargs, MpObject *kwnames);

_Static_assert(sizeof(MpBuiltin) <= MP_BUILTIN_SIZE, "builtin fits CPython's size");

static void builtin_dealloc(MpObject *o)
{
    gc_untrack(o);
    MP_CLEAR(((MpBuiltin *)o)->self);
    object_free(o);
}

static int builtin_traverse(MpObject *o, MpVisit visit, void *arg)
{
    MpBuiltin *b = (MpBuiltin *)o;
    return b->self ? visit(b->self, arg) : 0;
}

static MpObject *builtin_repr(MpObject *o)
{
    MpBuiltin *b = (MpBuiltin *)o;
    char buf[200];
    if (b->self)
        snprintf(buf, sizeof buf, "<built-in method %s of %s object at 0x%llx>",
                 b->name, b->self->type->name, (unsigned long long)region_sim(b->self));
    else
        snprintf(buf, sizeof buf, "<built-in function %s>", b->name);
    return str_from_cstr(buf);
}

MpType MpBuiltin_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "builtin_function_or_method",
    .basicsize = MP_BUILTIN_SIZE, .flags = MP_TF_GC,
    .dealloc = builtin_dealloc, .traverse = builtin_traverse,
    .repr = builtin_repr,
};

MpObject *builtin_new(const char *name, MpCFunc fn, MpObject *self)
{
    MpBuiltin *b = (MpBuiltin *)object_new(&MpBuiltin_Type, 0, sizeof(MpBuiltin));
    if (!b)
        return NULL;
    b->name = name;
    b->fn = fn;
    b->self = self ? mp_newref(self) : NULL;
    gc_track(MP_OBJ(b));
    return MP_OBJ(b);
}

MpObject *builtin_new_kw(const char *name, MpCFuncKw fn, MpObject *self)
{
    MpObject *b = builtin_new(name, NULL, self);
    if (b)
        ((MpBuiltin *)b)->kwfn = fn;
    return b;
}

/* Unbound methods of builtin types, made once each (CPython keeps them as
 * method descriptors in the type's dict), in the order they were made,
 * and found by their definition through an open-addressing index. */
enum { MAX_DESCR = 512, DESCR_INDEX = 1024 };
static struct { const MpMethodDef *def; MpObject *obj; const MpType *owner; } descr[MAX_DESCR];
static int16_t descr_index[DESCR_INDEX];   /* descr position + 1; 0: empty */
static int ndescr;

static unsigned descr_slot(const MpMethodDef *def)
{
    unsigned i = (unsigned)(((uintptr_t)def >> 3) * 2654435761u) % DESCR_INDEX;
    while (descr_index[i] && descr[descr_index[i] - 1].def != def)
        i = (i + 1) % DESCR_INDEX;
    return i;
}

MpObject *builtin_descriptor(const MpMethodDef *def, const MpType *owner)
{
    unsigned slot = descr_slot(def);
    if (descr_index[slot])
        return mp_newref(descr[descr_index[slot] - 1].obj);
    /* CPython makes the descriptors of a builtin type when the type is
     * readied, at startup: not an allocation the collector counts */
    gc_count_pause(1);
    MpObject *b = builtin_new_kw(def->name, def->fn, NULL);
    gc_count_pause(0);
    if (!b)
        return NULL;
    ((MpBuiltin *)b)->def = def;
    if (ndescr < MAX_DESCR) {
        MpObject *ref = mp_newref(b);   /* the event first, then the table: a snapshot may look */
        descr[ndescr].def = def;
        descr[ndescr].obj = ref;
        descr[ndescr].owner = owner;
        descr_index[slot] = (int16_t)++ndescr;
    }
    return b;
}

MpObject *builtin_descriptor_kept(const MpMethodDef *def)
{
    unsigned slot = descr_slot(def);
    return descr_index[slot] ? descr[descr_index[slot] - 1].obj : NULL;
}

int builtin_descriptor_check_self(const MpMethodDef *def, const char *name, MpObject *self)
{
    unsigned slot = descr_slot(def);
    const MpType *owner = descr_index[slot] ? descr[descr_index[slot] - 1].owner : NULL;
    if (!owner || type_is_subtype(self->type, owner))
        return 0;
    err_set(&MpExc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
            name, owner->name, self->type->name);
    return -1;
}

void builtin_descriptors_reset(void)
{
    ndescr = 0;
    memset(descr_index, 0, sizeof descr_index);
}

void builtin_descriptors_visit(MpVisit visit, void *arg)
{
    for (int i = 0; i < ndescr; i++)
        visit(descr[i].obj, arg);
}

MpObject *call_object(MpObject *callable, int nargs, MpObject **args)
{
    return obj_call(callable, args, nargs, NULL);
}
