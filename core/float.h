/* float.h — float, with CPython 3.11's free list of 100 objects.
 * A float is 24 bytes and not GC-capable; a freed float is parked on the
 * free list (memory kept, no longer an object) and reused first. */
#ifndef MP_FLOAT_H
#define MP_FLOAT_H

#include "object.h"

typedef struct MpFloat {
    MpObject ob;
    double value;
} MpFloat;

enum { MP_FLOAT_FREELIST_MAX = 100 };

extern MpType MpFloat_Type;

MpObject *float_from_double(double v);
static inline double float_as_double(const MpObject *o) { return ((const MpFloat *)o)->value; }
void float_clear_freelist(void);
int float_freelist_size(void);
/* Python's repr of a float into buf (shortest round-trip). */
void float_format_repr(double v, char *buf, size_t cap);

#endif
