/* objalloc.h — object allocation and release inline, for the types that
 * allocate and free at the rate of the eval loop (int, str, instances).
 *
 * In WASM under V8 every call costs a frame, a stack check and the spill
 * of everything live, so an int made by `i + 1` paid two calls (int_new_big,
 * then object_new_sized).  With the type a constant, the inline code also
 * folds to what the type needs (an int has no pre-header, is not a GC type
 * and not a class).  object.c's object_new, object_new_sized and
 * object_free are these functions: one copy of the logic.  See them in
 * object.h for the contract.
 */
#ifndef MP_OBJALLOC_H
#define MP_OBJALLOC_H

#include <string.h>
#include "object.h"
#include "mem.h"
#include "gc.h"
#include "memops.h"

static inline MpObject *object_new_inline(MpType *type, size_t size, size_t hostsize)
{
    size_t pre = type_presize(type);
    char *block = mem_alloc(size);
    if (!block)
        return NULL;
    MpObject *o = (MpObject *)(block + pre);
    /* two fills: with hostsize a constant, the object's is a few stores
     * (one variable fill became `rep stos` under gcc, slower than the call
     * it replaced), and most types have no pre-header */
    if (pre)
        mem_zero(block, pre);
    mem_zero(o, hostsize);
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

/* CPython's size of a `type` object with `nitems` items, pre-header and GC
 * head included (what object_new asks of the allocator). */
static inline size_t object_size(const MpType *type, size_t nitems)
{
    return type_presize(type) + type->basicsize + nitems * type->itemsize;
}

static inline void object_free_inline(MpObject *o)
{
    MpType *type = o->type;
    void *block = object_block(o);
    MP_EMIT(MP_EV_FREE, o, block, mem_usable(block), 0, 0);
    object_unregister(o);
    if (type->flags & MP_TF_GC)
        gc_count_free();
    mem_free(block);
    if (type->flags & MP_TF_HEAPTYPE)
        mp_decref(MP_OBJ(type));
}

#endif
