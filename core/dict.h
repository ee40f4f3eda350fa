/* dict.h — dict: CPython 3.11's compact, insertion-ordered hash table.
 *
 * A dict is 48 bytes plus the GC head; its table is one separate "keys"
 * buffer of CPython's size: a 32-byte header, one index per slot (1, 2, 4
 * or 8 bytes by table size), then the entries: 16 bytes each when every
 * key is a str ("unicode" tables), 24 otherwise.  An empty dict has no
 * table (getsizeof({}) == 64); the first insertion makes an 8-slot table
 * with 5 usable entries; a full table grows to the smallest power of two
 * >= used * 3 (so 8, 16, 32, 64, 128 slots: 5, 10, 21, 42, 85 entries).
 * Deleting leaves a dummy; resizing compacts.
 *
 * Tracking: a new dict is untracked; it is tracked once a key or value
 * that may be tracked is inserted; a full collection untracks dicts that
 * hold nothing trackable (dict_maybe_untrack).  Free lists: 80 dict
 * objects, and 80 8-slot unicode tables.  Entries are released in
 * insertion order, key then value.
 */
#ifndef MP_DICT_H
#define MP_DICT_H

#include "object.h"
#include "gc.h"

typedef struct MpDict {
    MpObject ob;
    int64_t used;
    uint64_t version;
    struct DictKeys *keys;   /* NULL: the shared empty table */
    void *values;            /* split tables: unused (instances use class.h) */
} MpDict;

enum { MP_DICT_MAXFREELIST = 80 };

extern MpType MpDict_Type;

MpObject *dict_new(void);
int dict_setitem(MpObject *d, MpObject *key, MpObject *value);
/* Borrowed value, or NULL (error set only if the key is unhashable). */
MpObject *dict_getitem(MpObject *d, MpObject *key);
MpObject *dict_getitem_cstr(MpObject *d, const char *key);
int dict_delitem(MpObject *d, MpObject *key);   /* KeyError if missing */
/* Where a name was last found in a module's globals or in builtins (the
 * inline cache of LOAD_GLOBAL in CPython 3.11).  Found in globals: valid
 * while that table lives and the entry still has its value (a deleted
 * key's entry is emptied, never reused).  Found in builtins: the same for
 * the builtins table, and the globals gained no key since (one of the
 * same name would shadow it).  Zeroed: empty. */
typedef struct MpNameCache {
    /* found in globals: its table's version; in builtins: the version of
     * the globals' key set */
    uint32_t globals_version;
    uint32_t builtins_version;   /* builtins' table version; 0: found in globals */
    MpObject **slot;             /* the entry's value */
} MpNameCache;
/* The header of a dict's table (CPython's PyDictKeysObject; dict.c has
 * the indices and entries that follow it). */
typedef struct DictKeys {
    int32_t refcnt;
    /* For name caches (0: none taken yet): version names this table for
     * as long as it lives; keyset_version is dropped when a key is added. */
    uint32_t keyset_version;
    uint8_t log2_size, log2_index_bytes, unicode, pad;
    uint32_t version;
    int64_t usable, nentries;
} DictKeys;

/* The entries that follow the indices: 24 bytes each in CPython for a
 * general table, 16 for a unicode one (keys all str, hash kept by the
 * str).  Here for dict_traverse_inline; dict.c owns the rest. */
typedef struct DictEntry {
    int64_t hash;
    MpObject *key, *value;
} DictEntry;

typedef struct DictUEntry {
    MpObject *key, *value;
} DictUEntry;

static inline uint8_t *dk_indices(DictKeys *k) { return (uint8_t *)(k + 1); }
static inline void *dk_entries(DictKeys *k)
{
    return dk_indices(k) + ((size_t)1 << k->log2_index_bytes);
}
static inline DictEntry *dk_gentries(DictKeys *k) { return dk_entries(k); }
static inline DictUEntry *dk_uentries(DictKeys *k) { return dk_entries(k); }

/* Key and value of entry i, whatever the table kind. */
static inline MpObject **dict_entry_key(DictKeys *k, int64_t i)
{
    return k->unicode ? &dk_uentries(k)[i].key : &dk_gentries(k)[i].key;
}

static inline MpObject **dict_entry_value(DictKeys *k, int64_t i)
{
    return k->unicode ? &dk_uentries(k)[i].value : &dk_gentries(k)[i].value;
}

/* The dict's traverse, inline for the collector (as lists and tuples):
 * values then keys, entry by entry.  With gc_traverse_cpython set
 * (gc.get_referents and get_referrers), a str-keyed table visits its
 * values only, as CPython's dict_traverse does; the heap checker counts
 * the keys too. */
static inline int dict_traverse_inline(MpObject *o, MpVisit visit, void *arg)
{
    DictKeys *k = ((MpDict *)o)->keys;
    if (!k)
        return 0;
    int skip_keys = gc_traverse_cpython && k->unicode;
    for (int64_t i = 0; i < k->nentries; i++) {
        MpObject *key = *dict_entry_key(k, i), *v = *dict_entry_value(k, i);
        int r;
        if (v && (r = visit(v, arg)))
            return r;
        if (key && !skip_keys && (r = visit(key, arg)))
            return r;
    }
    return 0;
}

/* c holds where key is: in globals, or in builtins while globals still
 * lack it.  The versions are compared first: the slot may be in a table
 * freed since. */
static inline int dict_cache_valid(const MpNameCache *c, MpObject *globals, MpObject *builtins)
{
    const DictKeys *g = ((const MpDict *)globals)->keys;
    if (!c->slot || !g)
        return 0;
    if (c->builtins_version == 0)
        return g->version == c->globals_version && *c->slot;
    const DictKeys *b = ((const MpDict *)builtins)->keys;
    return g->keyset_version == c->globals_version && b && b->version == c->builtins_version && *c->slot;
}

MpObject *dict_load_global_slow(MpObject *globals, MpObject *builtins, MpObject *key, MpNameCache *c);

/* globals[key], else builtins[key] (builtins may be NULL): borrowed, or
 * NULL (an error set only if hashing failed); uses and refills c. */
static inline MpObject *dict_load_global(MpObject *globals, MpObject *builtins, MpObject *key,
                                         MpNameCache *c)
{
    if (dict_cache_valid(c, globals, builtins))
        return *c->slot;
    return dict_load_global_slow(globals, builtins, key, c);
}
int dict_store_global_slow(MpObject *globals, MpObject *key, MpObject *value, MpNameCache *c);
/* globals[key] = value, as dict_setitem, through c.  Inline when c holds
 * key's entry in globals and the dict is tracked by the collector (as a
 * module's globals are), which is all dict_setitem does then for a key
 * already there: module code stores a global on most lines. */
static inline int dict_store_global(MpObject *globals, MpObject *key, MpObject *value, MpNameCache *c)
{
    if (c->builtins_version == 0 && dict_cache_valid(c, globals, NULL) && mp_gc_head(globals)->next) {
        MpObject *old = *c->slot;
        *c->slot = mp_newref(value);
        ((MpDict *)globals)->version++;
        mp_decref(old);
        return 0;
    }
    return dict_store_global_slow(globals, key, value, c);
}
static inline int64_t dict_size(const MpObject *d) { return ((const MpDict *)d)->used; }
/* Iterates in insertion order: 1 and borrowed key/value, or 0 at the end. */
int dict_next(MpObject *d, int64_t *pos, MpObject **key, MpObject **value);
void dict_clear(MpObject *d);
MpObject *dict_copy(MpObject *d);
size_t dict_sizeof(const MpObject *d);
size_t dict_keys_size(int log2_size, int unicode);
void dict_maybe_untrack(MpObject *d);
void dict_clear_freelists(void);
int dict_freelist_size(void);
int dict_keys_freelist_size(void);

#endif
