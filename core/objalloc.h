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
#include "int.h"

/* always_inline: at -O2 clang made it one function that object_new and
 * object_new_sized called, a second call on every allocation in WASM. */
static inline __attribute__((always_inline)) MpObject *object_new_inline(MpType *type, size_t size, size_t hostsize)
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

/* int_new_big's body (an int outside the small range). */
static inline __attribute__((always_inline)) MpObject *int_new_big_inline(int64_t v)
{
    MpInt *o = (MpInt *)object_new_inline(&MpInt_Type, int_cpython_size(v), sizeof(MpInt));
    if (!o)
        return NULL;
    o->value = v;
    return MP_OBJ(o);
}

/* int_from_i64 with the object made inline, for the eval loop, which makes
 * ints (`i + 1`, a range's next value) at the rate of its instructions.
 * always_inline: at -O2 clang kept these as calls inside the large loop. */
static inline __attribute__((always_inline)) MpObject *int_from_i64_inline(int64_t v)
{
    if (v >= MP_SMALL_INT_MIN && v <= MP_SMALL_INT_MAX)
        return mp_newref(&mp_small_ints[v - MP_SMALL_INT_MIN].ob);
    return int_new_big_inline(v);
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
