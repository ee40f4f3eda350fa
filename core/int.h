/* int.h — int and bool.
 *
 * An int holds an int64_t; its size is CPython's: 24 bytes of header and
 * 4 bytes per 30-bit digit of |value|, with at least one digit (0, 1 and
 * 2**30-1 take 28 bytes, 2**30 takes 32, 2**60 takes 36).  Small ints
 * -5..256 and True/False are static singletons.  Values beyond 64 bits
 * raise OverflowError for now.
 */
#ifndef MP_INT_H
#define MP_INT_H

#include "object.h"

typedef struct MpInt {
    MpObject ob;
    int64_t value;
} MpInt;

enum { MP_SMALL_INT_MIN = -5, MP_SMALL_INT_MAX = 256 };

extern MpType MpInt_Type, MpBool_Type;
extern MpInt mp_True, mp_False;
#define MP_TRUE (&mp_True.ob)
#define MP_FALSE (&mp_False.ob)

extern MpInt mp_small_ints[MP_SMALL_INT_MAX - MP_SMALL_INT_MIN + 1];
MpObject *int_new_big(int64_t v);   /* a new int object outside the small range */
/* The int v: a new reference to a small int, or a new object (inline: the
 * interpreter makes ints on most lines). */
static inline MpObject *int_from_i64(int64_t v)
{
    if (v >= MP_SMALL_INT_MIN && v <= MP_SMALL_INT_MAX)
        return mp_newref(&mp_small_ints[v - MP_SMALL_INT_MIN].ob);
    return int_new_big(v);
}
static inline int64_t int_as_i64(const MpObject *o) { return ((const MpInt *)o)->value; }
static inline int int_check(const MpObject *o)
{
    return o->type == &MpInt_Type || o->type == &MpBool_Type;
}
MpObject *bool_from(int truth);
static inline size_t int_cpython_size(int64_t v)
{
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    size_t digits = 1;
    while (m >> 30) {
        m >>= 30;
        digits++;
    }
    return 24 + 4 * digits;
}
/* a // b, rounded toward minus infinity (b != 0, not INT64_MIN // -1). */
static inline int64_t int_floordiv(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

/* a % b with the sign of b, as Python's (b != 0); computed from C's
 * remainder, as a - (a // b) * b can overflow (-2**63 % 7). */
static inline int64_t int_floormod(int64_t a, int64_t b)
{
    if (b == -1)
        return 0;   /* INT64_MIN % -1 traps in C */
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0)))
        r += b;
    return r;
}

/* CPython's hash of an int: n mod (2**61 - 1), with the sign of n; -1
 * becomes -2.  Inline: dicts with int keys hash on every access. */
static inline int64_t int_hash_i64(int64_t v)
{
    const uint64_t P = ((uint64_t)1 << 61) - 1;
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    int64_t h = (int64_t)(m % P);
    if (v < 0)
        h = -h;
    return h == -1 ? -2 : h;
}
void int_init_statics(void);

#endif
