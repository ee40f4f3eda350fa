/* objalloc.h — object allocation inline, for the types that allocate at
 * the rate of the eval loop (int, str).
 *
 * In WASM under V8 every call costs a frame, a stack check and the spill
 * of everything live, so an int made by `i + 1` paid two calls (int_new_big,
 * then object_new_sized).  With the type a constant, the inline code also
 * folds to what the type needs (an int has no pre-header, is not a GC type
 * and not a class).  object.c's object_new_sized is this function: one
 * copy of the logic.  See object_new_sized in object.h for the contract.
 */
#ifndef MP_OBJALLOC_H
#define MP_OBJALLOC_H

#include <string.h>
#include "object.h"
#include "mem.h"
#include "gc.h"

static inline MpObject *object_new_inline(MpType *type, size_t size, size_t hostsize)
{
    size_t pre = type_presize(type);
    char *block = mem_alloc(size);
    if (!block)
        return NULL;
    MpObject *o = (MpObject *)(block + pre);
    memset(block, 0, pre + hostsize);
    o->refcnt = 1;
    o->type = type;
    if (type->flags & MP_TF_HEAPTYPE)
        mp_incref(MP_OBJ(type));
    object_register(o);
    MP_EMIT(MP_EV_ALLOC, o, block, size, 0, 0);
    if (type->flags & MP_TF_GC)
        gc_count_alloc();
    return o;
}

#endif
