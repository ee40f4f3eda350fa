/* dict.c — dict (see dict.h). */
#include <string.h>
#include "dict.h"
#include "err.h"
#include "gc.h"
#include "mem.h"
#include "str.h"
#include "int.h"

_Static_assert(sizeof(MpDict) <= 48, "dict fits CPython's size");

enum { LOG_MINSIZE = 3, IX_EMPTY = -1, IX_DUMMY = -2, PERTURB_SHIFT = 5 };

_Static_assert(sizeof(DictKeys) == 32, "keys header is CPython's 32 bytes");

_Static_assert(sizeof(DictEntry) <= 24 && sizeof(DictUEntry) <= 16, "entries fit");

static struct {
    MpDict *dicts[MP_DICT_MAXFREELIST];
    int ndicts;
    DictKeys *keys[MP_DICT_MAXFREELIST];
    int nkeys;
} freelist;

int dict_freelist_size(void) { return freelist.ndicts; }
int dict_keys_freelist_size(void) { return freelist.nkeys; }

static inline int64_t dk_size(const DictKeys *k) { return (int64_t)1 << k->log2_size; }
static inline int64_t usable_fraction(int64_t n) { return (n << 1) / 3; }

/* Slot i of an index array whose slots are 1 << width bytes wide. */
static inline int64_t index_at(const uint8_t *ix, int width, size_t i)
{
    switch (width) {
    case 0: return ((const int8_t *)ix)[i];
    case 1: return ((const int16_t *)ix)[i];
    case 2: return ((const int32_t *)ix)[i];
    default: return ((const int64_t *)ix)[i];
    }
}

static int64_t get_index(DictKeys *k, int64_t i)
{
    return index_at(dk_indices(k), k->log2_index_bytes - k->log2_size, (size_t)i);
}

static void set_index(DictKeys *k, int64_t i, int64_t v)
{
    uint8_t *ix = dk_indices(k);
    switch (k->log2_index_bytes - k->log2_size) {
    case 0: ((int8_t *)ix)[i] = (int8_t)v; break;
    case 1: ((int16_t *)ix)[i] = (int16_t)v; break;
    case 2: ((int32_t *)ix)[i] = (int32_t)v; break;
    default: ((int64_t *)ix)[i] = v; break;
    }
}

static int log2_index_bytes(int log2_size)
{
    if (log2_size < 8)
        return log2_size;
    if (log2_size < 16)
        return log2_size + 1;
    if (log2_size < 32)
        return log2_size + 2;
    return log2_size + 3;
}

size_t dict_keys_size(int log2_size, int unicode)
{
    int64_t usable = usable_fraction((int64_t)1 << log2_size);
    return sizeof(DictKeys) + ((size_t)1 << log2_index_bytes(log2_size))
         + (size_t)usable * (unicode ? 16 : 24);
}

/* Hash of entry i, whatever the table kind (key and value: dict.h). */
static int64_t entry_hash(DictKeys *k, int64_t i)
{
    return k->unicode ? str_hash(dk_uentries(k)[i].key) : dk_gentries(k)[i].hash;
}

static DictKeys *keys_new(MpDict *owner, int log2_size, int unicode)
{
    DictKeys *k;
    size_t bytes = dict_keys_size(log2_size, unicode);
    if (log2_size == LOG_MINSIZE && unicode && freelist.nkeys > 0) {
        k = freelist.keys[--freelist.nkeys];
    } else {
        k = mem_alloc(bytes);
        if (!k)
            return NULL;
    }
    MP_EMIT(MP_EV_BUF_ALLOC, owner, k, bytes, 0, 0);
    memset(k, 0, sizeof *k);
    k->refcnt = 1;
    k->log2_size = (uint8_t)log2_size;
    k->log2_index_bytes = (uint8_t)log2_index_bytes(log2_size);
    k->unicode = (uint8_t)unicode;
    k->usable = usable_fraction(dk_size(k));
    memset(dk_indices(k), 0xff, (size_t)1 << k->log2_index_bytes);
    return k;
}

/* Frees the table memory (entries already released or moved). */
static void keys_free(MpDict *owner, DictKeys *k)
{
    MP_EMIT(MP_EV_BUF_FREE, owner, k, dict_keys_size(k->log2_size, k->unicode), 0, 0);
    if (k->log2_size == LOG_MINSIZE && k->unicode && freelist.nkeys < MP_DICT_MAXFREELIST) {
        freelist.keys[freelist.nkeys++] = k;
        return;
    }
    mem_free(k);
}

/* Releases the entries in insertion order (key, then value), then the table. */
static void keys_decref(MpDict *owner, DictKeys *k)
{
    for (int64_t i = 0; i < k->nentries; i++) {
        MpObject *key = *dict_entry_key(k, i), *value = *dict_entry_value(k, i);
        mp_xdecref(key);
        mp_xdecref(value);
    }
    keys_free(owner, k);
}

/* The hash of a key of a unicode table: cached by str_hash at insertion. */
static inline int64_t ukey_hash(MpObject *k)
{
    int64_t h = ((MpStr *)k)->hash;
    return h != -1 ? h : str_hash(k);
}

/* object_hash, without the call for a str whose hash is cached. */
static inline int64_t key_hash(MpObject *key)
{
    if (str_check(key) && ((MpStr *)key)->hash != -1)
        return ((MpStr *)key)->hash;
    if (key->type == &MpInt_Type)
        return int_hash_i64(int_as_i64(key));
    return object_hash(key);
}

/* lookup() for one kind of table and one width of index slots: inlined
 * with constants, so that the probe loop has no switch. */
static inline __attribute__((always_inline))
int64_t lookup_in(DictKeys *k, MpObject *key, int64_t hash, int width, int unicode)
{
    size_t mask = (size_t)dk_size(k) - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
    const uint8_t *indices = dk_indices(k);
    int key_is_str = str_check(key);
    for (;;) {
        int64_t ix = index_at(indices, width, i);
        if (ix == IX_EMPTY)
            return IX_EMPTY;
        if (ix >= 0) {
            MpObject *ek = unicode ? dk_uentries(k)[ix].key : dk_gentries(k)[ix].key;
            if (ek == key)
                return ix;
            if ((unicode ? ukey_hash(ek) : dk_gentries(k)[ix].hash) == hash) {
                /* two exact strs or ints compare as their eq would, without
                 * the call */
                int eq = key_is_str && str_check(ek) ? str_equal(ek, key)
                       : key->type == &MpInt_Type && ek->type == &MpInt_Type ? int_as_i64(ek) == int_as_i64(key)
                       : object_eq(ek, key);
                if (eq < 0)
                    return -3;
                if (eq)
                    return ix;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* Index of the entry for key, IX_EMPTY if absent, or -3 on error. */
static int64_t lookup(DictKeys *k, MpObject *key, int64_t hash)
{
    int width = k->log2_index_bytes - k->log2_size;
    if (k->unicode) {
        switch (width) {
        case 0: return lookup_in(k, key, hash, 0, 1);
        case 1: return lookup_in(k, key, hash, 1, 1);
        case 2: return lookup_in(k, key, hash, 2, 1);
        default: return lookup_in(k, key, hash, 3, 1);
        }
    }
    switch (width) {
    case 0: return lookup_in(k, key, hash, 0, 0);
    case 1: return lookup_in(k, key, hash, 1, 0);
    case 2: return lookup_in(k, key, hash, 2, 0);
    default: return lookup_in(k, key, hash, 3, 0);
    }
}

static int64_t find_empty_slot(DictKeys *k, int64_t hash)
{
    size_t mask = (size_t)dk_size(k) - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
    while (get_index(k, (int64_t)i) >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return (int64_t)i;
}

static int resize(MpDict *d, int log2_new, int unicode)
{
    DictKeys *old = d->keys;
    DictKeys *k = keys_new(d, log2_new, unicode);
    if (!k)
        return -1;
    int64_t n = 0;
    for (int64_t i = 0; old && i < old->nentries; i++) {
        MpObject *key = *dict_entry_key(old, i);
        if (!key)
            continue;
        int64_t hash = entry_hash(old, i);
        if (unicode) {
            dk_uentries(k)[n].key = key;
            dk_uentries(k)[n].value = *dict_entry_value(old, i);
        } else {
            dk_gentries(k)[n] = (DictEntry){ hash, key, *dict_entry_value(old, i) };
        }
        set_index(k, find_empty_slot(k, hash), n);
        n++;
    }
    k->nentries = n;
    k->usable -= n;
    d->keys = k;
    if (old)
        keys_free(d, old);
    return 0;
}

/* calculate_log2_keysize of 3.11: the bit length of
 * ((minsize | 8) - 1) | 7, so {'a': 1} converted for an int key gets 16
 * slots, not 8. */
static int calculate_log2(int64_t minsize)
{
    uint64_t m = (((uint64_t)minsize | 8) - 1) | 7;
    int log2 = 0;
    while (m) {
        log2++;
        m >>= 1;
    }
    return log2;
}

static void maintain_tracking(MpDict *d, MpObject *key, MpObject *value)
{
    if (!gc_is_tracked(MP_OBJ(d)) && (gc_may_be_tracked(key) || gc_may_be_tracked(value)))
        gc_track(MP_OBJ(d));
}

int dict_setitem(MpObject *o, MpObject *key, MpObject *value)
{
    MpDict *d = (MpDict *)o;
    int64_t hash = key_hash(key);
    if (hash == -1 && err_occurred())
        return -1;
    int key_is_str = str_check(key);
    if (!d->keys) {
        if (resize(d, LOG_MINSIZE, key_is_str) < 0)
            return -1;
    } else if (d->keys->unicode && !key_is_str) {
        if (resize(d, calculate_log2(d->used * 3), 0) < 0)
            return -1;
    }
    int64_t ix = lookup(d->keys, key, hash);
    if (ix == -3)
        return -1;
    maintain_tracking(d, key, value);
    if (ix >= 0) {
        MpObject **slot = dict_entry_value(d->keys, ix);
        MpObject *old = *slot;
        *slot = mp_newref(value);
        d->version++;
        mp_xdecref(old);
        return 0;
    }
    if (d->keys->usable <= 0 && resize(d, calculate_log2(d->used * 3), d->keys->unicode) < 0)
        return -1;
    DictKeys *k = d->keys;
    int64_t n = k->nentries;
    set_index(k, find_empty_slot(k, hash), n);
    if (k->unicode) {
        dk_uentries(k)[n].key = mp_newref(key);
        dk_uentries(k)[n].value = mp_newref(value);
    } else {
        dk_gentries(k)[n] = (DictEntry){ hash, mp_newref(key), mp_newref(value) };
    }
    k->nentries++;
    k->usable--;
    k->keyset_version = 0;   /* a new key: it may shadow a cached builtin */
    d->used++;
    d->version++;
    return 0;
}

MpObject *dict_getitem(MpObject *o, MpObject *key)
{
    MpDict *d = (MpDict *)o;
    int64_t hash = key_hash(key);
    if (hash == -1 && err_occurred())
        return NULL;
    if (!d->keys)
        return NULL;
    int64_t ix = lookup(d->keys, key, hash);
    return ix >= 0 ? *dict_entry_value(d->keys, ix) : NULL;
}

/* The entry whose key is an exact str equal to key, by scanning. */
static MpObject *dict_getitem_cstr_scan(MpDict *d, const char *key)
{
    for (int64_t i = 0; d->keys && i < d->keys->nentries; i++) {
        MpObject *k = *dict_entry_key(d->keys, i);
        if (k && str_check(k) && str_eq_cstr(k, key))
            return *dict_entry_value(d->keys, i);
    }
    return NULL;
}

MpObject *dict_getitem_cstr(MpObject *o, const char *key)
{
    MpDict *d = (MpDict *)o;
    DictKeys *k = d->keys;
    size_t n = strlen(key);
    for (size_t j = 0; j < n; j++)
        if ((unsigned char)key[j] >= 0x80)
            return dict_getitem_cstr_scan(d, key);
    if (!k)
        return NULL;
    /* probe as lookup() does for the str equal to key; only an exact str
     * key matches, as in the scan */
    int64_t hash = str_hash_latin1((const uint8_t *)key, n);
    size_t mask = (size_t)dk_size(k) - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        int64_t ix = get_index(k, (int64_t)i);
        if (ix == IX_EMPTY)
            return NULL;
        if (ix >= 0) {
            MpObject *ek = *dict_entry_key(k, ix);
            if (str_check(ek) && str_len(ek) == (int64_t)n && ((MpStr *)ek)->kind == 1 &&
                entry_hash(k, ix) == hash && memcmp(str_data(ek), key, n) == 0)
                return *dict_entry_value(k, ix);
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

int dict_delitem(MpObject *o, MpObject *key)
{
    MpDict *d = (MpDict *)o;
    int64_t hash = object_hash(key);
    if (hash == -1 && err_occurred())
        return -1;
    int64_t ix = d->keys ? lookup(d->keys, key, hash) : IX_EMPTY;
    if (ix == -3)
        return -1;
    if (ix < 0) {
        err_set_value(&MpExc_KeyError, key);
        return -1;
    }
    DictKeys *k = d->keys;
    size_t mask = (size_t)dk_size(k) - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
    while (get_index(k, (int64_t)i) != ix) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    set_index(k, (int64_t)i, IX_DUMMY);
    /* the entry stays, emptied: the name caches that point at its value
     * see NULL and look again, the others stay valid */
    MpObject *old_key = *dict_entry_key(k, ix), *old_value = *dict_entry_value(k, ix);
    *dict_entry_key(k, ix) = NULL;
    *dict_entry_value(k, ix) = NULL;
    d->used--;
    d->version++;
    mp_decref(old_key);
    mp_decref(old_value);
    return 0;
}

/* ---- name caches (LOAD_GLOBAL's inline cache in CPython 3.11) ---------- */

/* A version (*v: the table's or its key set's), taken from a counter the
 * first time a cache asks; 0 once the counter is used up (nothing is
 * cached then), as in CPython. */
static uint32_t take_version(uint32_t *v)
{
    static uint32_t next_version = 1;
    if (*v == 0 && next_version != UINT32_MAX)
        *v = next_version++;
    return *v;
}

/* Fills the cache with the entry of key in d (found at ix); globals: the
 * globals table when d is builtins, whose key set must stay the same. */
static void cache_fill(MpNameCache *c, MpDict *d, int64_t ix, MpDict *globals)
{
    c->slot = NULL;
    uint32_t v = take_version(&d->keys->version);
    uint32_t g = !globals ? v : globals->keys ? take_version(&globals->keys->keyset_version) : 0;
    if (v && g) {
        c->globals_version = g;
        c->builtins_version = globals ? v : 0;
        c->slot = dict_entry_value(d->keys, ix);
    }
}

/* The entry index of key in d, IX_EMPTY, or -3 on error. */
static int64_t find(MpDict *d, MpObject *key)
{
    int64_t hash = key_hash(key);
    if (hash == -1 && err_occurred())
        return -3;
    return d->keys ? lookup(d->keys, key, hash) : IX_EMPTY;
}

MpObject *dict_load_global_slow(MpObject *globals, MpObject *builtins, MpObject *key, MpNameCache *c)
{
    int64_t ix = find((MpDict *)globals, key);
    if (ix >= 0) {
        cache_fill(c, (MpDict *)globals, ix, NULL);
        return *dict_entry_value(((MpDict *)globals)->keys, ix);
    }
    if (ix == -3 || !builtins)
        return NULL;
    ix = find((MpDict *)builtins, key);
    if (ix < 0)
        return NULL;
    cache_fill(c, (MpDict *)builtins, ix, (MpDict *)globals);
    return *dict_entry_value(((MpDict *)builtins)->keys, ix);
}

/* The last entry of d if its key is key (a name just added), else -1:
 * a key has one entry, so no look-up is needed to know it is that one. */
static int64_t entry_of_last_added(MpObject *d, MpObject *key)
{
    DictKeys *k = ((MpDict *)d)->keys;
    int64_t last = k->nentries - 1;
    return last >= 0 && *dict_entry_key(k, last) == key ? last : -1;
}

int dict_store_global_slow(MpObject *globals, MpObject *key, MpObject *value, MpNameCache *c)
{
    if (!(c->builtins_version == 0 && dict_cache_valid(c, globals, NULL))) {
        if (dict_setitem(globals, key, value) < 0)
            return -1;
        int64_t ix = entry_of_last_added(globals, key);
        if (ix < 0)
            ix = find((MpDict *)globals, key);
        if (ix >= 0)
            cache_fill(c, (MpDict *)globals, ix, NULL);
        return 0;
    }
    /* what dict_setitem does for a key already there */
    MpDict *d = (MpDict *)globals;
    maintain_tracking(d, key, value);
    MpObject *old = *c->slot;
    *c->slot = mp_newref(value);
    d->version++;
    mp_decref(old);
    return 0;
}

int dict_next(MpObject *o, int64_t *pos, MpObject **key, MpObject **value)
{
    MpDict *d = (MpDict *)o;
    while (d->keys && *pos < d->keys->nentries) {
        int64_t i = (*pos)++;
        MpObject *k = *dict_entry_key(d->keys, i);
        if (k) {
            *key = k;
            *value = *dict_entry_value(d->keys, i);
            return 1;
        }
    }
    return 0;
}

void dict_clear(MpObject *o)
{
    MpDict *d = (MpDict *)o;
    DictKeys *k = d->keys;
    d->keys = NULL;
    d->used = 0;
    if (k)
        keys_decref(d, k);
}

MpObject *dict_copy(MpObject *o)
{
    MpObject *c = dict_new();
    MpObject *k, *v;
    int64_t pos = 0;
    while (c && dict_next(o, &pos, &k, &v))
        if (dict_setitem(c, k, v) < 0) {
            mp_decref(c);
            return NULL;
        }
    return c;
}

size_t dict_sizeof(const MpObject *o)
{
    const MpDict *d = (const MpDict *)o;
    size_t s = 16 + 48;
    if (d->keys)
        s += dict_keys_size(d->keys->log2_size, d->keys->unicode);
    return s;
}

static size_t dict_getsizeof(MpObject *o) { return dict_sizeof(o); }

void dict_maybe_untrack(MpObject *o)
{
    MpDict *d = (MpDict *)o;
    if (!gc_is_tracked(o))
        return;
    for (int64_t i = 0; d->keys && i < d->keys->nentries; i++) {
        MpObject *k = *dict_entry_key(d->keys, i), *v = *dict_entry_value(d->keys, i);
        if (!k)
            continue;
        if (gc_may_be_tracked(v) || (!d->keys->unicode && gc_may_be_tracked(k)))
            return;
    }
    gc_untrack(o);
}

MpObject *dict_new(void)
{
    MpDict *d;
    if (freelist.ndicts > 0) {
        d = freelist.dicts[--freelist.ndicts];
        d->ob.refcnt = 1;
        d->ob.gcstate = 0;
        object_register(MP_OBJ(d));
        MP_EMIT(MP_EV_FREELIST_POP, d, object_block(MP_OBJ(d)), 0, 0, 0);
    } else {
        d = (MpDict *)object_new(&MpDict_Type, 0, sizeof(MpDict));
        if (!d)
            return NULL;
    }
    d->used = 0;
    d->keys = NULL;
    d->values = NULL;
    return MP_OBJ(d);
}

static void dict_dealloc(MpObject *o)
{
    MpDict *d = (MpDict *)o;
    gc_untrack(o);
    if (!trash_begin(o))
        return;
    DictKeys *k = d->keys;
    d->keys = NULL;
    if (k)
        keys_decref(d, k);
    if (freelist.ndicts < MP_DICT_MAXFREELIST) {
        MP_EMIT(MP_EV_FREELIST_PUSH, o, object_block(o), 0, 0, 0);
        object_unregister(o);
        freelist.dicts[freelist.ndicts++] = d;
    } else {
        object_free(o);
    }
    trash_end();
}

void dict_clear_freelists(void)
{
    while (freelist.ndicts > 0) {
        MpDict *d = freelist.dicts[--freelist.ndicts];
        void *block = object_block(MP_OBJ(d));
        MP_EMIT(MP_EV_FREE, d, block, mem_usable(block), 0, 0);
        mem_free(block);
    }
    while (freelist.nkeys > 0)
        mem_free(freelist.keys[--freelist.nkeys]);
}

static int dict_traverse(MpObject *o, MpVisit visit, void *arg) { return dict_traverse_inline(o, visit, arg); }

static int64_t dict_hash(MpObject *o)
{
    err_set(&MpExc_TypeError, "unhashable type: 'dict'");
    return -1;
}

static int dict_eq(MpObject *a, MpObject *b)
{
    if (b->type != &MpDict_Type || dict_size(a) != dict_size(b))
        return 0;
    MpObject *k, *v;
    int64_t pos = 0;
    while (dict_next(a, &pos, &k, &v)) {
        MpObject *w = dict_getitem(b, k);
        if (!w)
            return err_occurred() ? -1 : 0;
        int r = object_eq(v, w);
        if (r != 1)
            return r;
    }
    return 1;
}

static MpObject *dict_repr(MpObject *o)
{
    StrBuf b = { 0 };
    MpObject *k, *v;
    int64_t pos = 0, n = 0;
    strbuf_cstr(&b, "{");
    while (dict_next(o, &pos, &k, &v)) {
        if (n++)
            strbuf_cstr(&b, ", ");
        strbuf_repr(&b, k);
        strbuf_cstr(&b, ": ");
        strbuf_repr(&b, v);
    }
    strbuf_cstr(&b, "}");
    return strbuf_finish(&b);
}

MpType MpDict_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "dict", .basicsize = 48,
    .flags = MP_TF_GC | MP_TF_BASETYPE, .dealloc = dict_dealloc,
    .traverse = dict_traverse, .clear = dict_clear, .hash = dict_hash,
    .eq = dict_eq, .repr = dict_repr, .getsizeof = dict_getsizeof,
    .base = &MpBaseObject_Type,
};
