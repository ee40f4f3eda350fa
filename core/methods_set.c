/* methods_set.c — the methods of set and frozenset (CPython 3.11's
 * setobject.c).
 *
 * The set algebra follows CPython's code paths, not just its results,
 * because the table a result ends up with (its size and so its iteration
 * order and getsizeof) depends on them: merging a set or a dict first
 * resizes the target to (used + other) * 2 when it would pass 3/5 full
 * (set_merge), an empty target with the same mask copies the other table
 * slot for slot, difference copies then discards when the other operand
 * is small, and so on.  set.pop starts at the table's finger as CPython's.
 */
#include <stdio.h>
#include <string.h>
#include "methods.h"
#include "abstract.h"
#include "dict.h"
#include "err.h"
#include "int.h"
#include "mem.h"
#include "set.h"
#include "str.h"
#include "tuple.h"

enum { LINEAR_PROBES = 9, PERTURB_SHIFT = 5 };

static MpObject *none(void) { return mp_newref(MP_NONE); }

static int is_anyset(const MpObject *o)
{
    return o->type == &MpSet_Type || o->type == &MpFrozenSet_Type;
}

/* "set.add" or "frozenset.union" for messages */
static const char *qual(MpObject *self, const char *name)
{
    static char buf[64];
    snprintf(buf, sizeof buf, "%s.%s", self->type == &MpFrozenSet_Type ? "frozenset" : "set",
             name);
    return buf;
}

/* A deleted entry holds set.c's dummy key with hash -1 (no real hash is
 * -1). */
static int live(const SetEntry *e) { return e->key && e->hash != -1; }

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

/* CPython's set_table_resize (set.c's own is private). */
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
        if (!newtable) {
            err_no_memory();
            return -1;
        }
        MP_EMIT(MP_EV_BUF_ALLOC, s, newtable, newsize * 16, 0, 0);
    }
    memset(newtable, 0, newsize * sizeof(SetEntry));
    s->mask = (int64_t)newsize - 1;
    s->table = newtable;
    s->fill = s->used;
    for (size_t i = 0; i <= oldmask; i++)
        if (live(&oldtable[i]))
            insert_clean(newtable, newsize - 1, oldtable[i].key, oldtable[i].hash);
    if (!was_small) {
        MP_EMIT(MP_EV_BUF_FREE, s, oldtable, (oldmask + 1) * 16, 0, 0);
        mem_free(oldtable);
    }
    return 0;
}

/* set_merge: other is a set or frozenset. */
static int merge_set(MpObject *so, MpObject *other)
{
    MpSet *s = (MpSet *)so, *o = (MpSet *)other;
    if (so == other || o->used == 0)
        return 0;
    if ((s->fill + o->used) * 5 >= s->mask * 3 && table_resize(s, (s->used + o->used) * 2) < 0)
        return -1;
    if (s->fill == 0 && s->mask == o->mask && o->fill == o->used) {
        for (int64_t i = 0; i <= o->mask; i++)
            if (o->table[i].key) {
                s->table[i].key = mp_newref(o->table[i].key);
                s->table[i].hash = o->table[i].hash;
            }
        s->fill = o->fill;
        s->used = o->used;
        return 0;
    }
    MpObject *k;
    int64_t pos = 0;
    while (set_next(other, &pos, &k))
        if (set_add(so, k) < 0)
            return -1;
    return 0;
}

/* set_update_internal */
static int update_from(MpObject *so, MpObject *other)
{
    if (is_anyset(other))
        return merge_set(so, other);
    MpSet *s = (MpSet *)so;
    MpObject *k, *v;
    if (other->type == &MpDict_Type) {
        int64_t n = dict_size(other), pos = 0;
        if ((s->fill + n) * 5 >= s->mask * 3 && table_resize(s, (s->used + n) * 2) < 0)
            return -1;
        while (dict_next(other, &pos, &k, &v))
            if (set_add(so, k) < 0)
                return -1;
        return 0;
    }
    MpObject *it = obj_iter(other);
    if (!it)
        return -1;
    while ((k = obj_next(it))) {
        int r = set_add(so, k);
        mp_decref(k);
        if (r < 0)
            break;
    }
    mp_decref(it);
    return err_occurred() ? -1 : 0;
}

/* make_new_set_basetype(type(so), iterable) */
static MpObject *new_like(MpObject *so, MpObject *iterable)
{
    MpObject *r = so->type == &MpFrozenSet_Type ? frozenset_new() : set_new();
    if (r && iterable && update_from(r, iterable) < 0)
        MP_CLEAR(r);
    return r;
}

static MpObject *set_copy_of(MpObject *so) { return new_like(so, so); }

static int discard_all(MpObject *so, MpObject *other);

static MpObject *intersection(MpObject *so, MpObject *other)
{
    if (so == other)
        return set_copy_of(so);
    MpObject *result = new_like(so, NULL), *k;
    if (!result)
        return NULL;
    if (is_anyset(other)) {
        if (set_size(other) > set_size(so)) {
            MpObject *t = so;
            so = other;
            other = t;
        }
        int64_t pos = 0;
        while (set_next(other, &pos, &k)) {
            int r = set_contains(so, k);
            if (r < 0 || (r && set_add(result, k) < 0)) {
                mp_decref(result);
                return NULL;
            }
        }
        return result;
    }
    MpObject *it = obj_iter(other);
    if (!it) {
        mp_decref(result);
        return NULL;
    }
    while ((k = obj_next(it))) {
        int r = set_contains(so, k);
        if (r > 0)
            r = set_add(result, k);
        mp_decref(k);
        if (r < 0)
            break;
    }
    mp_decref(it);
    if (err_occurred())
        MP_CLEAR(result);
    return result;
}

/* set_difference_update_internal */
static int discard_all(MpObject *so, MpObject *other)
{
    MpSet *s = (MpSet *)so;
    MpObject *k;
    if (so == other) {
        set_clear(so);
        return 0;
    }
    if (is_anyset(other)) {
        if ((set_size(other) >> 3) > set_size(so))
            other = intersection(so, other);
        else
            mp_incref(other);
        if (!other)
            return -1;
        int64_t pos = 0;
        int r = 0;
        while (r >= 0 && set_next(other, &pos, &k))
            r = set_discard(so, k);
        mp_decref(other);
        if (r < 0)
            return -1;
    } else {
        MpObject *it = obj_iter(other);
        if (!it)
            return -1;
        while ((k = obj_next(it))) {
            int r = set_discard(so, k);
            mp_decref(k);
            if (r < 0)
                break;
        }
        mp_decref(it);
        if (err_occurred())
            return -1;
    }
    if ((size_t)(s->fill - s->used) <= (size_t)s->mask / 4)
        return 0;
    return table_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

static MpObject *difference(MpObject *so, MpObject *other)
{
    int64_t other_size;
    if (is_anyset(other))
        other_size = set_size(other);
    else if (other->type == &MpDict_Type)
        other_size = dict_size(other);
    else
        other_size = -1;
    if (other_size < 0 || (set_size(so) >> 2) > other_size) {
        MpObject *r = set_copy_of(so);
        if (r && discard_all(r, other) < 0)
            MP_CLEAR(r);
        return r;
    }
    MpObject *result = new_like(so, NULL), *k;
    if (!result)
        return NULL;
    int64_t pos = 0;
    while (set_next(so, &pos, &k)) {
        int r;
        if (is_anyset(other)) {
            r = set_contains(other, k);
        } else {
            r = dict_getitem(other, k) != NULL;
            if (!r && err_occurred())
                r = -1;
        }
        if (r < 0 || (!r && set_add(result, k) < 0)) {
            mp_decref(result);
            return NULL;
        }
    }
    return result;
}

/* set_symmetric_difference_update */
static int symdiff_update(MpObject *so, MpObject *other)
{
    if (so == other) {
        set_clear(so);
        return 0;
    }
    MpObject *otherset, *k;
    if (is_anyset(other))
        otherset = mp_newref(other);
    else if (!(otherset = new_like(so, other)))
        return -1;
    int64_t pos = 0;
    int r = 0;
    while (r >= 0 && set_next(otherset, &pos, &k)) {
        r = set_discard(so, k);
        if (r == 0)
            r = set_add(so, k);
    }
    mp_decref(otherset);
    return r < 0 ? -1 : 0;
}

static int issubset(MpObject *so, MpObject *other)
{
    if (!is_anyset(other)) {
        MpObject *tmp = set_new();
        if (!tmp || update_from(tmp, other) < 0) {
            mp_xdecref(tmp);
            return -1;
        }
        int r = issubset(so, tmp);
        mp_decref(tmp);
        return r;
    }
    if (set_size(so) > set_size(other))
        return 0;
    MpObject *k;
    int64_t pos = 0;
    while (set_next(so, &pos, &k)) {
        int r = set_contains(other, k);
        if (r <= 0)
            return r;
    }
    return 1;
}

/* 1 if some item of `other` (iterated) is in so, else 0, -1 on error;
 * with want == 0 it looks for an item not in so. */
static int any_in(MpObject *so, MpObject *other, int want)
{
    MpObject *it = obj_iter(other), *k;
    if (!it)
        return -1;
    int found = 0;
    while (!found && (k = obj_next(it))) {
        int r = set_contains(so, k);
        mp_decref(k);
        if (r < 0)
            break;
        found = r == want;
    }
    mp_decref(it);
    return err_occurred() ? -1 : found;
}

/* ---- the methods ------------------------------------------------------------------ */

static MpObject *set_m_add(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    if (meth_one("set.add", nargs, kw) < 0 || set_add(self, args[0]) < 0)
        return NULL;
    return none();
}

static MpObject *set_m_discard(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    if (meth_one("set.discard", nargs, kw) < 0 || set_discard(self, args[0]) < 0)
        return NULL;
    return none();
}

static MpObject *set_m_remove(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    if (meth_one("set.remove", nargs, kw) < 0)
        return NULL;
    int r = set_discard(self, args[0]);
    if (r < 0)
        return NULL;
    if (r == 0) {
        err_set_value(&MpExc_KeyError, args[0]);
        return NULL;
    }
    return none();
}

static MpObject *set_m_pop(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    if (meth_noargs("set.pop", nargs, kw) < 0)
        return NULL;
    MpSet *s = (MpSet *)self;
    if (s->used == 0) {
        MpObject *msg = str_from_cstr("pop from an empty set");
        if (msg) {
            err_set_value(&MpExc_KeyError, msg);
            mp_decref(msg);
        }
        return NULL;
    }
    int64_t i = s->finger & s->mask;
    while (!live(&s->table[i]))
        i = (i + 1) & s->mask;
    MpObject *key = mp_newref(s->table[i].key);
    if (set_discard(self, key) < 0) {
        mp_decref(key);
        return NULL;
    }
    s->finger = i + 1;
    return key;
}

static MpObject *set_m_clear(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    if (meth_noargs("set.clear", nargs, kw) < 0)
        return NULL;
    set_clear(self);
    return none();
}

static MpObject *set_m_copy(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    if (meth_noargs(qual(self, "copy"), nargs, kw) < 0)
        return NULL;
    if (self->type == &MpFrozenSet_Type)
        return mp_newref(self);
    return set_copy_of(self);
}

static MpObject *set_m_union(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    if (meth_tuple(qual(self, "union"), "union", nargs, kw, 0, 1 << 30) < 0)
        return NULL;
    MpObject *r = set_copy_of(self);
    for (int i = 0; r && i < nargs; i++)
        if (args[i] != self && update_from(r, args[i]) < 0)
            MP_CLEAR(r);
    return r;
}

static MpObject *set_m_intersection(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    if (meth_tuple(qual(self, "intersection"), "intersection", nargs, kw, 0, 1 << 30) < 0)
        return NULL;
    if (nargs == 0)
        return set_copy_of(self);
    MpObject *r = mp_newref(self);
    for (int i = 0; r && i < nargs; i++) {
        MpObject *next = intersection(r, args[i]);
        mp_decref(r);
        r = next;
    }
    return r;
}

static MpObject *set_m_difference(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    if (meth_tuple(qual(self, "difference"), "difference", nargs, kw, 0, 1 << 30) < 0)
        return NULL;
    if (nargs == 0)
        return set_copy_of(self);
    MpObject *r = difference(self, args[0]);
    for (int i = 1; r && i < nargs; i++)
        if (discard_all(r, args[i]) < 0)
            MP_CLEAR(r);
    return r;
}

static MpObject *set_m_symmetric_difference(MpObject *self, MpObject **args, int nargs,
                                            MpObject *kw)
{
    if (meth_one(qual(self, "symmetric_difference"), nargs, kw) < 0)
        return NULL;
    MpObject *r = new_like(self, args[0]);
    if (r && symdiff_update(r, self) < 0)
        MP_CLEAR(r);
    return r;
}

static MpObject *set_m_issubset(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    if (meth_one(qual(self, "issubset"), nargs, kw) < 0)
        return NULL;
    int r = issubset(self, args[0]);
    return r < 0 ? NULL : bool_from(r);
}

static MpObject *set_m_issuperset(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    if (meth_one(qual(self, "issuperset"), nargs, kw) < 0)
        return NULL;
    int r = is_anyset(args[0]) ? issubset(args[0], self) : any_in(self, args[0], 0);
    if (r >= 0 && !is_anyset(args[0]))
        r = !r;
    return r < 0 ? NULL : bool_from(r);
}

static MpObject *set_m_isdisjoint(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    if (meth_one(qual(self, "isdisjoint"), nargs, kw) < 0)
        return NULL;
    MpObject *other = args[0], *so = self;
    if (other == so)
        return bool_from(set_size(so) == 0);
    if (is_anyset(other) && set_size(other) > set_size(so)) {
        MpObject *t = so;
        so = other;
        other = t;
    }
    int r = any_in(so, other, 1);
    return r < 0 ? NULL : bool_from(!r);
}

static MpObject *set_m_update(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    if (meth_tuple("set.update", "update", nargs, kw, 0, 1 << 30) < 0)
        return NULL;
    for (int i = 0; i < nargs; i++)
        if (update_from(self, args[i]) < 0)
            return NULL;
    return none();
}

static MpObject *set_m_intersection_update(MpObject *self, MpObject **args, int nargs, MpObject *kw);
static MpObject *set_m_difference_update(MpObject *self, MpObject **args, int nargs, MpObject *kw);
static MpObject *set_m_symmetric_difference_update(MpObject *self, MpObject **args, int nargs, MpObject *kw);

const MpMethodDef set_methods[] = {
    { "intersection_update", set_m_intersection_update, 0 },
    { "difference_update", set_m_difference_update, 0 },
    { "symmetric_difference_update", set_m_symmetric_difference_update, 0 },
    { "add", set_m_add, 0 },
    { "discard", set_m_discard, 0 },
    { "remove", set_m_remove, 0 },
    { "pop", set_m_pop, 0 },
    { "clear", set_m_clear, 0 },
    { "copy", set_m_copy, 0 },
    { "union", set_m_union, 0 },
    { "intersection", set_m_intersection, 0 },
    { "difference", set_m_difference, 0 },
    { "symmetric_difference", set_m_symmetric_difference, 0 },
    { "issubset", set_m_issubset, 0 },
    { "issuperset", set_m_issuperset, 0 },
    { "isdisjoint", set_m_isdisjoint, 0 },
    { "update", set_m_update, 0 },
    { NULL, NULL, 0 },
};

const MpMethodDef frozenset_methods[] = {
    { "copy", set_m_copy, 0 },
    { "union", set_m_union, 0 },
    { "intersection", set_m_intersection, 0 },
    { "difference", set_m_difference, 0 },
    { "symmetric_difference", set_m_symmetric_difference, 0 },
    { "issubset", set_m_issubset, 0 },
    { "issuperset", set_m_issuperset, 0 },
    { "isdisjoint", set_m_isdisjoint, 0 },
    { NULL, NULL, 0 },
};

/* The in-place forms: compute the result, then make it the set's content. */
static MpObject *set_inplace(MpObject *self, MpObject *result)
{
    if (!result)
        return NULL;
    set_clear(self);
    int64_t pos = 0;
    MpObject *k;
    int rc = 0;
    while (rc == 0 && set_next(result, &pos, &k))
        rc = set_add(self, k);
    mp_decref(result);
    return rc < 0 ? NULL : mp_newref(MP_NONE);
}

static MpObject *set_m_intersection_update(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return set_inplace(self, set_m_intersection(self, args, nargs, kw));
}

static MpObject *set_m_difference_update(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return set_inplace(self, set_m_difference(self, args, nargs, kw));
}

static MpObject *set_m_symmetric_difference_update(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return set_inplace(self, set_m_symmetric_difference(self, args, nargs, kw));
}
