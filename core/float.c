/* float.c — float (see float.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "float.h"
#include "int.h"
#include "mem.h"
#include "str.h"

_Static_assert(sizeof(MpFloat) <= 24, "float fits CPython's size");

static struct {
    MpFloat *items[MP_FLOAT_FREELIST_MAX];
    int n;
} freelist;

int float_freelist_size(void) { return freelist.n; }

static void float_dealloc(MpObject *o)
{
    if (freelist.n < MP_FLOAT_FREELIST_MAX) {
        MP_EMIT(MP_EV_FREELIST_PUSH, o, object_block(o), 24, 0, 0);
        object_unregister(o);
        freelist.items[freelist.n++] = (MpFloat *)o;
        return;
    }
    object_free(o);
}

void float_clear_freelist(void)
{
    while (freelist.n > 0) {
        MpFloat *f = freelist.items[--freelist.n];
        MP_EMIT(MP_EV_FREE, f, f, 24, 0, 0);
        mem_free(f);
    }
}

MpObject *float_from_double(double v)
{
    MpFloat *f;
    if (freelist.n > 0) {
        f = freelist.items[--freelist.n];
        f->ob.refcnt = 1;
        f->ob.gcstate = 0;
        object_register(MP_OBJ(f));
        MP_EMIT(MP_EV_FREELIST_POP, f, f, 24, 0, 0);
    } else {
        f = (MpFloat *)object_new(&MpFloat_Type, 0, sizeof(MpFloat));
        if (!f)
            return NULL;
    }
    f->value = v;
    return MP_OBJ(f);
}

void float_format_repr(double v, char *buf, size_t cap)
{
    if (isnan(v)) {
        snprintf(buf, cap, "nan");
        return;
    }
    if (isinf(v)) {
        snprintf(buf, cap, v > 0 ? "inf" : "-inf");
        return;
    }
    char digits[40];
    int prec;
    for (prec = 1; prec <= 17; prec++) {
        snprintf(digits, sizeof digits, "%.*e", prec - 1, v);
        if (strtod(digits, NULL) == v)
            break;
    }
    /* digits is d.ddde±XX: decide between fixed and scientific as repr does */
    char *e = strchr(digits, 'e');
    int exp10 = atoi(e + 1);
    if (exp10 < -4 || exp10 >= 16) {
        char mant[40];
        size_t ml = (size_t)(e - digits);
        memcpy(mant, digits, ml);
        mant[ml] = '\0';
        snprintf(buf, cap, "%se%c%02d", mant, exp10 < 0 ? '-' : '+', abs(exp10));
        return;
    }
    int decimals = prec - 1 - exp10;
    if (decimals < 1)
        decimals = 1;
    snprintf(buf, cap, "%.*f", decimals, v);
}

static MpObject *float_repr(MpObject *o)
{
    char buf[48];
    float_format_repr(float_as_double(o), buf, sizeof buf);
    return str_from_cstr(buf);
}

static int64_t float_hash(MpObject *o)
{
    /* CPython's _Py_HashDouble */
    double v = float_as_double(o);
    if (isinf(v))
        return v > 0 ? 314159 : -314159;
    if (isnan(v))
        return object_hash_identity(o);
    const uint64_t P = ((uint64_t)1 << 61) - 1;
    int e, sign = 1;
    double m = frexp(v, &e);
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & P) | x >> (61 - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= P)
            x -= P;
    }
    e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
    x = ((x << e) & P) | x >> (61 - e);
    int64_t h = (int64_t)x * sign;
    return h == -1 ? -2 : h;
}

static int float_eq(MpObject *a, MpObject *b)
{
    if (b->type == &MpFloat_Type)
        return float_as_double(a) == float_as_double(b);
    if (int_check(b))
        return float_as_double(a) == (double)int_as_i64(b);
    return 0;
}

MpType MpFloat_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "float", .basicsize = 24,
    .flags = MP_TF_BASETYPE, .dealloc = float_dealloc, .hash = float_hash,
    .eq = float_eq, .repr = float_repr, .base = &MpBaseObject_Type,
};
