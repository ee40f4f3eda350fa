/* int.c — int and bool (see int.h). */
#include <stdio.h>
#include "int.h"
#include "float.h"
#include "str.h"
#include "objalloc.h"

_Static_assert(sizeof(MpInt) <= 28, "int fits CPython's smallest int");

MpInt mp_small_ints[MP_SMALL_INT_MAX - MP_SMALL_INT_MIN + 1];

size_t int_cpython_size(int64_t v)
{
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    size_t digits = 1;
    while (m >> 30) {
        m >>= 30;
        digits++;
    }
    return 24 + 4 * digits;
}

static size_t int_getsizeof(MpObject *o) { return int_cpython_size(int_as_i64(o)); }

static int64_t int_hash(MpObject *o) { return int_hash_i64(int_as_i64(o)); }

static int int_eq(MpObject *a, MpObject *b)
{
    if (b->type == &MpFloat_Type)
        return (double)int_as_i64(a) == float_as_double(b);
    if (!int_check(b))
        return 0;
    return int_as_i64(a) == int_as_i64(b);
}

/* The decimal digits of v written backwards, ending just before end (at
 * most 20 bytes); returns where they start.  str(i) is common enough that
 * snprintf's format parsing showed in profiles. */
static char *int_to_decimal(int64_t v, char *end)
{
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    char *p = end;
    do {
        *--p = (char)('0' + m % 10);
        m /= 10;
    } while (m);
    if (v < 0)
        *--p = '-';
    return p;
}

static MpObject *int_repr(MpObject *o)
{
    char buf[24];
    char *start = int_to_decimal(int_as_i64(o), buf + sizeof buf);
    return str_from_utf8(start, (size_t)(buf + sizeof buf - start));
}

static MpObject *bool_repr(MpObject *o) { return str_from_cstr(int_as_i64(o) ? "True" : "False"); }

static void static_int_dealloc(MpObject *o)
{
    fprintf(stderr, "memplay: refcount of a static int dropped to zero\n");
}

/* An int owns nothing: its dealloc is object_free itself, one call less per
 * int freed (in WASM, where mp_decref reaches it by call_indirect, a call
 * costs a frame and spills). */
MpType MpInt_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "int", .basicsize = 24, .itemsize = 4,
    .flags = MP_TF_BASETYPE, .dealloc = object_free, .hash = int_hash, .eq = int_eq,
    .repr = int_repr, .getsizeof = int_getsizeof, .base = &MpBaseObject_Type,
};

MpType MpBool_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "bool", .basicsize = 24, .itemsize = 4,
    .dealloc = static_int_dealloc, .hash = int_hash, .eq = int_eq,
    .repr = bool_repr, .getsizeof = int_getsizeof, .base = &MpInt_Type,
};

MpInt mp_True = { { 1, 0, &MpBool_Type }, 1 };
MpInt mp_False = { { 1, 0, &MpBool_Type }, 0 };

MpObject *bool_from(int truth) { return mp_newref(truth ? MP_TRUE : MP_FALSE); }

MpObject *int_new_big(int64_t v)
{
    MpInt *o = (MpInt *)object_new_inline(&MpInt_Type, int_cpython_size(v), sizeof(MpInt));
    if (!o)
        return NULL;
    o->value = v;
    return MP_OBJ(o);
}

void int_init_statics(void)
{
    mp_False.ob.refcnt = mp_True.ob.refcnt = 1;
    static_register(MP_FALSE, 28);
    static_register(MP_TRUE, 28);
    for (int i = 0; i <= MP_SMALL_INT_MAX - MP_SMALL_INT_MIN; i++) {
        MpInt *s = &mp_small_ints[i];
        s->ob.refcnt = 1;
        s->ob.gcstate = 0;
        s->ob.type = &MpInt_Type;
        s->value = i + MP_SMALL_INT_MIN;
        static_register(&s->ob, int_cpython_size(s->value));
    }
}
