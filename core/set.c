/* set.c — set and frozenset (see set.h). */
#include <string.h>
#include "set.h"
#include "err.h"
#include "gc.h"
#include "mem.h"
#include "str.h"
#include "weakref.h"

_Static_assert(sizeof(MpSet) <= 200, "set fits CPython's size");
_Static_assert(sizeof(SetEntry) <= 16, "set entry fits");

enum { LINEAR_PROBES = 9, PERTURB_SHIFT = 5 };

/* The marker of a deleted entry (never visible to the snippet). */
static MpObject dummy_key = { 1, 0, &MpBaseObject_Type };

static inline int is_set(const MpObject *o)
{
    return o->type == &MpSet_Type || o->type == &MpFrozenSet_Type;
}

size_t set_sizeof(const MpObject *o)
{
    const MpSet *s = (const MpSet *)o;
    size_t n = 16 + 200;
    if (s->table != s->smalltable)
        n += (size_t)(s->mask + 1) * 16;
    return n;
}

static size_t set_getsizeof(MpObject *o) { return set_sizeof(o); }

static void insert_clean(SetEntry *table, size_t mask, MpObject *key, int64_t hash)
{
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        SetEntry *e = &table[i];
        if (!e->key)
            goto found;
        if (i + LINEAR_PROBES <= mask)
            for (int j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (!e->key)
                    goto found;
            }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        e->key = key;
        e->hash = hash;
        return;
    }
}

static int table_resize(MpSet *s, int64_t minused)
{
    size_t newsize = MP_SET_MINSIZE;
    while (newsize <= (size_t)minused)
        newsize <<= 1;
    SetEntry *oldtable = s->table, small_copy[MP_SET_MINSIZE];
    size_t oldmask = (size_t)s->mask;
    int was_small = oldtable == s->smalltable;
    if (was_small) {
        memcpy(small_copy, s->smalltable, sizeof small_copy);
        oldtable = small_copy;
    }
    SetEntry *newtable;
    if (newsize == MP_SET_MINSIZE) {
        newtable = s->smalltable;
    } else {
        newtable = mem_alloc(newsize * 16);
        if (!newtable)
            return -1;
        MP_EMIT(MP_EV_BUF_ALLOC, s, newtable, newsize * 16, 0, 0);
    }
    memset(newtable, 0, newsize * sizeof(SetEntry));
    s->mask = (int64_t)newsize - 1;
    s->table = newtable;
    s->fill = s->used;   /* dummies are not copied */
    for (size_t i = 0; i <= oldmask; i++) {
        SetEntry *e = &oldtable[i];
        if (e->key && e->key != &dummy_key)
            insert_clean(newtable, newsize - 1, e->key, e->hash);
    }
    if (!was_small) {
        MP_EMIT(MP_EV_BUF_FREE, s, oldtable, (oldmask + 1) * 16, 0, 0);
        mem_free(oldtable);
    }
    return 0;
}

/* CPython's probe sequence: 9 linear probes, then perturbation.  Returns
 * the entry holding key, or NULL with *slot set to where key would be
 * inserted (the first deleted entry seen, else the unused entry that ended
 * the search); *error is set when a comparison fails. */
static SetEntry *probe(MpSet *s, MpObject *key, int64_t hash, SetEntry **slot, int *error)
{
    *error = 0;
restart:;
    SetEntry *table = s->table, *freeslot = NULL;
    size_t mask = (size_t)s->mask, i = (size_t)hash & mask, perturb = (size_t)hash;
    for (;;) {
        SetEntry *e = &table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (e->hash == 0 && e->key == NULL) {
                *slot = freeslot ? freeslot : e;
                return NULL;
            }
            if (e->hash == hash && e->key != &dummy_key) {
                MpObject *startkey = e->key;
                if (startkey == key)
                    return e;
                mp_incref(startkey);
                int eq = object_eq(startkey, key);
                mp_decref(startkey);
                if (eq < 0) {
                    *error = 1;
                    return NULL;
                }
                if (table != s->table || e->key != startkey)
                    goto restart;   /* the comparison changed the set */
                if (eq)
                    return e;
            } else if (e->key == &dummy_key && !freeslot) {
                freeslot = e;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

int set_add(MpObject *o, MpObject *key)
{
    MpSet *s = (MpSet *)o;
    int64_t hash = object_hash(key);
    if (hash == -1 && err_occurred())
        return -1;
    SetEntry *slot;
    int error;
    if (probe(s, key, hash, &slot, &error) || error)
        return error ? -1 : 0;
    int reused = slot->key == &dummy_key;
    slot->key = mp_newref(key);
    slot->hash = hash;
    s->used++;
    if (reused)
        return 0;
    s->fill++;
    if ((size_t)s->fill * 5 < (size_t)s->mask * 3)
        return 0;
    return table_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

int set_contains(MpObject *o, MpObject *key)
{
    int64_t hash = object_hash(key);
    if (hash == -1 && err_occurred())
        return -1;
    SetEntry *slot;
    int error;
    SetEntry *e = probe((MpSet *)o, key, hash, &slot, &error);
    return error ? -1 : e != NULL;
}

int set_discard(MpObject *o, MpObject *key)
{
    MpSet *s = (MpSet *)o;
    int64_t hash = object_hash(key);
    if (hash == -1 && err_occurred())
        return -1;
    SetEntry *slot;
    int error;
    SetEntry *e = probe(s, key, hash, &slot, &error);
    if (error)
        return -1;
    if (!e)
        return 0;
    MpObject *old = e->key;
    e->key = &dummy_key;
    e->hash = -1;
    s->used--;
    mp_decref(old);
    return 1;
}

int set_next(MpObject *o, int64_t *pos, MpObject **key)
{
    MpSet *s = (MpSet *)o;
    if (!s->table)
        return 0;   /* being built */
    while (*pos <= s->mask) {
        SetEntry *e = &s->table[(*pos)++];
        if (e->key && e->key != &dummy_key) {
            *key = e->key;
            return 1;
        }
    }
    return 0;
}

static void release_table(MpSet *s, SetEntry *table, int64_t mask, int is_small)
{
    for (int64_t i = 0; i <= mask; i++)
        if (table[i].key && table[i].key != &dummy_key)
            mp_decref(table[i].key);
    if (!is_small) {
        MP_EMIT(MP_EV_BUF_FREE, s, table, (uint64_t)(mask + 1) * 16, 0, 0);
        mem_free(table);
    }
}

void set_clear(MpObject *o)
{
    MpSet *s = (MpSet *)o;
    SetEntry *table = s->table, small_copy[MP_SET_MINSIZE];
    int64_t mask = s->mask;
    int is_small = table == s->smalltable;
    if (is_small) {
        memcpy(small_copy, s->smalltable, sizeof small_copy);
        table = small_copy;
    }
    memset(s->smalltable, 0, sizeof s->smalltable);
    s->table = s->smalltable;
    s->mask = MP_SET_MINSIZE - 1;
    s->fill = s->used = 0;
    release_table(s, table, mask, is_small);
}

static MpObject *make_set(MpType *type)
{
    MpSet *s = (MpSet *)object_new(type, 0, sizeof(MpSet));
    if (!s)
        return NULL;
    s->table = s->smalltable;
    s->mask = MP_SET_MINSIZE - 1;
    s->hash = -1;
    gc_track(MP_OBJ(s));
    return MP_OBJ(s);
}

MpObject *set_new(void) { return make_set(&MpSet_Type); }
MpObject *frozenset_new(void) { return make_set(&MpFrozenSet_Type); }

static void set_dealloc(MpObject *o)
{
    MpSet *s = (MpSet *)o;
    gc_untrack(o);
    if (!trash_begin(o))
        return;
    if (s->weakreflist)
        weakref_clear_refs(o);
    release_table(s, s->table, s->mask, s->table == s->smalltable);
    object_free(o);
    trash_end();
}

static int set_traverse(MpObject *o, MpVisit visit, void *arg)
{
    MpSet *s = (MpSet *)o;
    for (int64_t i = 0; i <= s->mask; i++) {
        MpObject *k = s->table[i].key;
        if (k && k != &dummy_key) {
            int r = visit(k, arg);
            if (r)
                return r;
        }
    }
    return 0;
}

static int64_t set_unhashable(MpObject *o)
{
    err_set(&MpExc_TypeError, "unhashable type: 'set'");
    return -1;
}

/* frozenset_hash of CPython 3.11 */
static uint64_t shuffle_bits(uint64_t h)
{
    return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}

static int64_t frozenset_hash(MpObject *o)
{
    MpSet *s = (MpSet *)o;
    if (s->hash != -1)
        return s->hash;
    uint64_t hash = 0;
    for (int64_t i = 0; i <= s->mask; i++)
        if (s->table[i].key && s->table[i].key != &dummy_key)
            hash ^= shuffle_bits((uint64_t)s->table[i].hash);
    if ((s->mask + 1 - s->fill) & 1)
        hash ^= shuffle_bits(0);
    if ((s->fill - s->used) & 1)
        hash ^= shuffle_bits((uint64_t)-1);
    hash ^= ((uint64_t)s->used + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (uint64_t)-1)
        hash = 590923713UL;
    s->hash = (int64_t)hash;
    return s->hash;
}

static int set_eq(MpObject *a, MpObject *b)
{
    if (!is_set(b) || set_size(a) != set_size(b))
        return 0;
    MpObject *k;
    int64_t pos = 0;
    while (set_next(a, &pos, &k)) {
        int r = set_contains(b, k);
        if (r != 1)
            return r;
    }
    return 1;
}

static MpObject *set_repr(MpObject *o)
{
    int frozen = o->type == &MpFrozenSet_Type;
    if (set_size(o) == 0)
        return str_from_cstr(frozen ? "frozenset()" : "set()");
    StrBuf b = { 0 };
    MpObject *k;
    int64_t pos = 0, n = 0;
    strbuf_cstr(&b, frozen ? "frozenset({" : "{");
    while (set_next(o, &pos, &k)) {
        if (n++)
            strbuf_cstr(&b, ", ");
        strbuf_repr(&b, k);
    }
    strbuf_cstr(&b, frozen ? "})" : "}");
    return strbuf_finish(&b);
}

MpType MpSet_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "set", .basicsize = 200,
    .flags = MP_TF_GC | MP_TF_BASETYPE, .weaklistoffset = offsetof(MpSet, weakreflist),
    .dealloc = set_dealloc, .traverse = set_traverse, .clear = set_clear,
    .hash = set_unhashable, .eq = set_eq, .repr = set_repr,
    .getsizeof = set_getsizeof, .base = &MpBaseObject_Type,
};

MpType MpFrozenSet_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "frozenset", .basicsize = 200,
    .flags = MP_TF_GC | MP_TF_BASETYPE, .weaklistoffset = offsetof(MpSet, weakreflist),
    .dealloc = set_dealloc, .traverse = set_traverse, .clear = set_clear,
    .hash = frozenset_hash, .eq = set_eq, .repr = set_repr,
    .getsizeof = set_getsizeof, .base = &MpBaseObject_Type,
};
