/* int.c — int and bool (see int.h). */
#include <stdio.h>
#include "int.h"
#include "float.h"
#include "str.h"
#include "objalloc.h"

_Static_assert(sizeof(MpInt) <= 28, "int fits CPython's smallest int");

MpInt mp_small_ints[MP_SMALL_INT_MAX - MP_SMALL_INT_MIN + 1];

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

/* The decimal text of an int, written straight into the new str, last
 * digit first: str(i) is common enough that snprintf's format parsing
 * showed in profiles, and a buffer on the stack then copied costs a
 * stack frame in memory in WASM.  One character: the shared str. */
static MpObject *int_repr(MpObject *o)
{
    int64_t v = int_as_i64(o);
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    if (v >= 0 && m < 10)
        return str_from_utf8(&"0123456789"[m], 1);
    int64_t n = 1 + (v < 0);
    for (uint64_t rest = m / 10; rest; rest /= 10)
        n++;
    uint8_t *d;
    MpObject *s = str_new_ascii(n, &d);
    if (!s)
        return NULL;
    uint8_t *p = d + n;
    do {
        *--p = (uint8_t)('0' + m % 10);
        m /= 10;
    } while (m);
    if (v < 0)
        *--p = '-';
    return s;
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
    return int_new_big_inline(v);
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
