/* gen.h — generators.
 *
 * As in CPython 3.11, calling a generator function runs its frame up to
 * RETURN_GENERATOR, which moves the frame out of the data stack into a new
 * generator object (72 bytes + the frame, + GC head); each next()/send()
 * links that frame back into the chain and runs it until YIELD_VALUE or
 * its end.  A generator collected while suspended is closed first
 * (GeneratorExit is thrown into it, so its finally blocks run).
 */
#ifndef MP_GEN_H
#define MP_GEN_H

#include "object.h"
#include "frame.h"

typedef struct MpGen {
    MpObject ob;
    MpObject *name, *qualname;
    struct MpWeakref *weakreflist;
    int32_t running, started;
    MpFrame *frame;       /* points into this object, after the struct */
} MpGen;

enum { MP_GEN_SIZE = 72 };

extern MpType MpGen_Type;

/* RETURN_GENERATOR: a generator owning a copy of f (f's slots are moved
 * into it and left NULL). */
MpObject *gen_from_frame(MpFrame *f);
/* Resumes the generator: the value it yields (new reference), or NULL —
 * with an error, or without one when it finished (its return value then
 * goes to *retval if given).  exc (stolen) is thrown into it instead of
 * sending value. */
MpObject *gen_send(MpObject *gen, MpObject *value, MpObject *exc, MpObject **retval);

#endif
