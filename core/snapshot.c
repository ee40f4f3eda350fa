/* snapshot.c — the memory state as JSON (see snapshot.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "born.h"
#include "call.h"
#include "check.h"
#include "class.h"
#include "datastack.h"
#include "dict.h"
#include "float.h"
#include "frame.h"
#include "func.h"
#include "gc.h"
#include "heap.h"
#include "int.h"
#include "list.h"
#include "mem.h"
#include "pymalloc.h"
#include "region.h"
#include "set.h"
#include "snapshot.h"
#include "gen.h"
#include "code.h"
#include "str.h"
#include "textout.h"
#include "tuple.h"
#include "weakref.h"

enum { REPR_MAX = 60, REPR_ITEMS = 5 };

/* ---- short reprs (no allocation in the simulated heap) -------------------- */

typedef struct Repr { char *s; size_t n, cap; } Repr;

static void rput(Repr *r, const char *s)
{
    while (*s && r->n + 1 < r->cap)
        r->s[r->n++] = *s++;
    r->s[r->n] = '\0';
}

static void short_repr(Repr *r, MpObject *o, int depth);

static void repr_str(Repr *r, MpObject *o)
{
    char text[REPR_MAX * 4];
    size_t len = str_to_cbuf(o, text, sizeof text);
    rput(r, "'");
    char one[2] = { 0 };
    for (size_t i = 0; text[i] && r->n < REPR_MAX; i++) {
        if (text[i] == '\n')
            rput(r, "\\n");
        else if (text[i] == '\'' || text[i] == '\\') {
            rput(r, "\\");
            one[0] = text[i];
            rput(r, one);
        } else {
            one[0] = text[i];
            rput(r, one);
        }
    }
    rput(r, len >= sizeof text - 1 || r->n >= REPR_MAX ? "…'" : "'");
}

static void repr_items(Repr *r, MpObject *const *items, int64_t n, const char *open,
                       const char *close, int depth)
{
    rput(r, open);
    for (int64_t i = 0; items && i < n; i++) {
        if (i)
            rput(r, ", ");
        if (i == REPR_ITEMS || r->n > REPR_MAX || depth > 1) {
            char more[32];
            snprintf(more, sizeof more, "… %lld items", (long long)n);
            rput(r, i ? "…" : more);
            break;
        }
        short_repr(r, items[i], depth + 1);
    }
    if (n == 1 && !strcmp(open, "("))
        rput(r, ",");
    rput(r, close);
}

static void short_repr(Repr *r, MpObject *o, int depth)
{
    char buf[96];
    if (!o) {
        rput(r, "<empty slot>");     /* a container being filled */
        return;
    }
    MpType *t = o->type;
    if (o == MP_NONE)
        rput(r, "None");
    else if (t == &MpBool_Type)
        rput(r, int_as_i64(o) ? "True" : "False");
    else if (t == &MpInt_Type) {
        snprintf(buf, sizeof buf, "%lld", (long long)int_as_i64(o));
        rput(r, buf);
    } else if (t == &MpFloat_Type) {
        float_format_repr(float_as_double(o), buf, sizeof buf);
        rput(r, buf);
    } else if (t == &MpStr_Type)
        repr_str(r, o);
    else if (t == &MpBytes_Type) {
        snprintf(buf, sizeof buf, "<bytes of length %lld>", (long long)bytes_size(o));
        rput(r, buf);
    } else if (t == &MpList_Type)
        repr_items(r, ((MpList *)o)->items, list_size(o), "[", "]", depth);
    else if (t == &MpTuple_Type)
        repr_items(r, ((MpTuple *)o)->items, tuple_size(o), "(", ")", depth);
    else if (t == &MpDict_Type || t == &MpSet_Type || t == &MpFrozenSet_Type) {
        int64_t n = t == &MpDict_Type ? dict_size(o) : set_size(o);
        snprintf(buf, sizeof buf, "%s with %lld item%s", t->name, (long long)n, n == 1 ? "" : "s");
        rput(r, buf);
    } else if (t == &MpType_Type) {
        const char *name = ((MpType *)o)->name;
        snprintf(buf, sizeof buf, "<class '%s'>", name ? name : "?");
        rput(r, buf);
    } else if (t == &MpFunction_Type || t == &MpMethod_Type || t == &MpBuiltin_Type) {
        MpObject *fn = t == &MpMethod_Type ? ((MpMethod *)o)->func : o;
        char name[64] = "?";
        if (!fn)
            ;
        else if (fn->type == &MpFunction_Type && ((MpFunction *)fn)->qualname)
            str_to_cbuf(((MpFunction *)fn)->qualname, name, sizeof name);
        else if (fn->type == &MpBuiltin_Type && ((MpBuiltin *)fn)->name)
            snprintf(name, sizeof name, "%s", ((MpBuiltin *)fn)->name);
        snprintf(buf, sizeof buf, "<%s %s>", t == &MpMethod_Type ? "bound method"
                 : t == &MpBuiltin_Type ? "built-in function" : "function", name);
        rput(r, buf);
    } else if (weakref_check(o)) {
        MpObject *to = weakref_get((MpWeakref *)o);
        snprintf(buf, sizeof buf, !to || to == MP_NONE ? "<weakref; dead>" : "<weakref to %s>",
                 to ? to->type->name : "");
        rput(r, buf);
    } else {
        snprintf(buf, sizeof buf, "<%s object>", t->name);
        rput(r, buf);
    }
}

/* ---- labelled references ------------------------------------------------------ */

typedef void (*RefFn)(void *ctx, MpObject *to, const char *via);

typedef struct Generic { RefFn fn; void *ctx; } Generic;

static int generic_visit(MpObject *to, void *arg)
{
    Generic *g = arg;
    g->fn(g->ctx, to, "");
    return 0;
}

static void labelled(MpObject *o, RefFn fn, void *ctx)
{
    char via[96];
    MpType *t = o->type;
    if (t == &MpList_Type || t == &MpTuple_Type) {
        int64_t n = t == &MpList_Type ? list_size(o) : tuple_size(o);
        MpObject *const *items = t == &MpList_Type ? ((MpList *)o)->items : ((MpTuple *)o)->items;
        for (int64_t i = 0; items && i < n; i++)
            if (items[i]) {
                snprintf(via, sizeof via, "[%lld]", (long long)i);
                fn(ctx, items[i], via);
            }
        return;
    }
    if (t == &MpDict_Type) {
        MpObject *k, *v;
        int64_t pos = 0;
        while (dict_next(o, &pos, &k, &v)) {
            Repr r = { via, 0, sizeof via - 2 };
            rput(&r, "key ");
            short_repr(&r, k, 2);
            fn(ctx, k, via);
            r.n = 0;
            rput(&r, "[");
            short_repr(&r, k, 2);
            rput(&r, "]");
            fn(ctx, v, via);
        }
        return;
    }
    if (t == &MpSet_Type || t == &MpFrozenSet_Type) {
        MpObject *k;
        int64_t pos = 0;
        while (set_next(o, &pos, &k))
            fn(ctx, k, "element");
        return;
    }
    if (t == &MpFunction_Type) {
        MpFunction *fn_ = (MpFunction *)o;
        MpObject *fields[] = { fn_->code, fn_->globals, fn_->name, fn_->qualname, fn_->defaults,
                               fn_->kwdefaults, fn_->closure, fn_->doc, fn_->dict, fn_->module };
        static const char *const names[] = { "__code__", "__globals__", "__name__", "__qualname__",
                                             "__defaults__", "__kwdefaults__", "__closure__", "__doc__",
                                             "__dict__", "__module__" };
        for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
            if (fields[i])
                fn(ctx, fields[i], names[i]);
        return;
    }
    if (t == &MpCell_Type) {
        if (((MpCell *)o)->ref)
            fn(ctx, ((MpCell *)o)->ref, "cell_contents");
        return;
    }
    if (t == &MpMethod_Type) {
        if (((MpMethod *)o)->func)
            fn(ctx, ((MpMethod *)o)->func, "__func__");
        if (((MpMethod *)o)->self)
            fn(ctx, ((MpMethod *)o)->self, "__self__");
        return;
    }
    if (weakref_check(o)) {
        if (((MpWeakref *)o)->callback)
            fn(ctx, ((MpWeakref *)o)->callback, "callback");
        return;
    }
    if (t == &MpType_Type && (((MpType *)o)->flags & MP_TF_HEAPTYPE)) {
        MpType *cls = (MpType *)o;
        MpClass *c = (MpClass *)o;
        MpObject *fields[] = { cls->dict, MP_OBJ(cls->base), cls->bases, cls->mro, cls->qualname };
        static const char *const names[] = { "__dict__", "__base__", "__bases__", "__mro__", "__qualname__" };
        for (int i = 0; i < 5; i++)
            if (fields[i])
                fn(ctx, fields[i], names[i]);
        for (uint32_t i = 0; i < c->nkeys; i++)
            fn(ctx, c->cached_keys[i], "attribute name");
        if (c->slot_fields)
            fn(ctx, c->slot_fields, "__slots__");
        return;
    }
    if (t->flags & MP_TF_SLOTTED) {
        /* the __slots__ layout: one field per name (class.c) */
        MpObject *names = ((MpClass *)t)->slot_fields;
        MpObject **fields = (MpObject **)(o + 1);
        fn(ctx, MP_OBJ(t), "__class__");
        for (int64_t i = 0; i < tuple_size(names); i++) {
            if (!fields[i] || str_eq_cstr(tuple_item(names, i), "__weakref__"))
                continue;
            str_to_cbuf(tuple_item(names, i), via, sizeof via);
            fn(ctx, fields[i], via);
        }
        return;
    }
    if (t->flags & MP_TF_MANAGED_DICT) {
        MpManaged *m = instance_managed(o);
        MpClass *c = (MpClass *)t;
        fn(ctx, MP_OBJ(t), "__class__");
        if (m->dict) {
            MpObject *k, *v;
            int64_t pos = 0;
            while (dict_next(m->dict, &pos, &k, &v)) {
                str_to_cbuf(k, via, sizeof via);
                fn(ctx, v, via);
            }
            fn(ctx, m->dict, "__dict__");
        } else if (m->values) {
            for (int i = 0; i < m->values->n; i++) {
                int slot = m->values->order[i];
                if (!m->values->slots[slot])
                    continue;
                str_to_cbuf(c->cached_keys[slot], via, sizeof via);
                fn(ctx, m->values->slots[slot], via);
            }
        }
        return;
    }
    if (t->traverse) {
        Generic g = { fn, ctx };
        t->traverse(o, generic_visit, &g);
    }
}

/* ---- the object table --------------------------------------------------------- */

typedef struct Entry {
    MpObject *o;
    uint64_t sim;
    int reachable;
} Entry;

typedef struct Table {
    Entry *e;
    size_t n, cap;
    int failed;
} Table;

static void table_add(Table *t, MpObject *o)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 256;
        Entry *e = realloc(t->e, cap * sizeof *e);
        if (!e) {
            t->failed = 1;
            return;
        }
        t->e = e;
        t->cap = cap;
    }
    t->e[t->n++] = (Entry){ o, region_sim(o), 0 };
}

static int by_sim(const void *a, const void *b)
{
    uint64_t x = ((const Entry *)a)->sim, y = ((const Entry *)b)->sim;
    return (x > y) - (x < y);
}

static Entry *table_find(Table *t, const MpObject *o)
{
    uint64_t sim = region_sim(o);
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t->e[mid].sim < sim)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < t->n && t->e[lo].o == o ? &t->e[lo] : NULL;
}

static void add_live(MpObject *o, void *ctx) { table_add(ctx, o); }

/* Statics that something refers to are listed too. */
typedef struct StaticScan { Table *heap; Table *statics; } StaticScan;

static void note_static(void *ctx, MpObject *to, const char *via)
{
    StaticScan *s = ctx;
    if (region_kind_of(to) == MP_REGION_STATIC && !table_find(s->statics, to)) {
        table_add(s->statics, to);
        qsort(s->statics->e, s->statics->n, sizeof(Entry), by_sim);
    }
}

static int note_static_root(MpObject *to, void *arg)
{
    note_static(arg, to, "");
    return 0;
}

/* Reachability from the roots, to find what is alive but unreachable. */
typedef struct Reach { Table *all; MpObject **stack; size_t n, cap; int failed; } Reach;

static void reach_push(Reach *r, MpObject *o)
{
    Entry *e = table_find(r->all, o);
    if (!e || e->reachable)
        return;
    e->reachable = 1;
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 256;
        MpObject **s = realloc(r->stack, cap * sizeof *s);
        if (!s) {
            r->failed = 1;
            return;
        }
        r->stack = s;
        r->cap = cap;
    }
    r->stack[r->n++] = o;
}

static void reach_ref(void *ctx, MpObject *to, const char *via) { reach_push(ctx, to); }
static int reach_root(MpObject *to, void *arg) { reach_push(arg, to); return 0; }

/* ---- writing -------------------------------------------------------------------- */

static void addr(TextOut *o, const void *p)
{
    text_printf(o, "\"0x%08llx\"", (unsigned long long)region_sim(p));
}

typedef struct RefOut { TextOut *o; int n; } RefOut;

static void write_ref(void *ctx, MpObject *to, const char *via)
{
    RefOut *r = ctx;
    text_puts(r->o, r->n++ ? "," : "");
    text_puts(r->o, "{\"to\":");
    addr(r->o, to);
    text_puts(r->o, ",\"via\":");
    text_json_str(r->o, via, strlen(via));
    text_puts(r->o, "}");
}

static const char *generation_name(MpObject *o)
{
    static const char *const names[] = { "0", "1", "2", "\"permanent\"" };
    if (!mp_is_gc(o))
        return "null";
    if (region_kind_of(o) == MP_REGION_STATIC)
        return "\"untracked\"";    /* static objects have no GC head to look at */
    int g = gc_generation_of(o);
    return g < 0 ? "\"untracked\"" : names[g];
}

static void write_object(TextOut *o, MpObject *ob, int reachable)
{
    int is_static = region_kind_of(ob) == MP_REGION_STATIC;
    void *block = object_block(ob);
    text_puts(o, "{\"address\":");
    addr(o, ob);
    text_puts(o, ",\"type\":");
    text_json_str(o, ob->type->name, strlen(ob->type->name));
    text_printf(o, ",\"size\":%zu,\"region\":\"%s\"", object_getsizeof(ob),
                is_static ? "static" : pm_owns(block) ? "pymalloc" : "heap");
    if (is_static)
        text_puts(o, ",\"block\":null");
    else
        text_printf(o, ",\"block\":%zu", mem_usable(block));
    text_printf(o, ",\"refcount\":%d,\"generation\":%s,\"reachable\":%s",
                (int)ob->refcnt, generation_name(ob), reachable ? "true" : "false");
    uint64_t born = born_of(region_sim(ob));
    if (born)
        text_printf(o, ",\"born\":%llu", (unsigned long long)born);
    char buf[REPR_MAX + 40];
    Repr r = { buf, 0, sizeof buf };
    short_repr(&r, ob, 0);
    text_puts(o, ",\"repr\":");
    text_json_str(o, buf, r.n);
    text_puts(o, ",\"refs\":[");
    RefOut ro = { o, 0 };
    labelled(ob, write_ref, &ro);
    text_puts(o, "]");
    if (weakref_check(ob)) {
        MpObject *to = weakref_get((MpWeakref *)ob);
        text_puts(o, ",\"referent\":");
        if (to == MP_NONE)
            text_puts(o, "null");
        else
            addr(o, to);
    }
    if (ob->type->weaklistoffset) {
        text_puts(o, ",\"weakrefs\":[");
        int n = 0;
        for (MpWeakref *w = *weakref_listptr(ob); w; w = w->next) {
            text_puts(o, n++ ? "," : "");
            addr(o, w);
        }
        text_puts(o, "]");
    }
    text_puts(o, "}");
}

typedef struct Owner { const void *payload; MpObject *owner; const char *what; int arena; } Owner;

typedef struct Owners { Owner *e; size_t n, cap; } Owners;

static void owner_add(Owners *ow, const void *payload, MpObject *owner, const char *what, int arena)
{
    if (!payload)
        return;
    if (ow->n == ow->cap) {
        size_t cap = ow->cap ? ow->cap * 2 : 64;
        Owner *e = realloc(ow->e, cap * sizeof *e);
        if (!e)
            return;
        ow->e = e;
        ow->cap = cap;
    }
    ow->e[ow->n++] = (Owner){ payload, owner, what, arena };
}

/* The buffers an object owns besides its own block. */
static void buffers_of(MpObject *ob, Owners *ow)
{
    MpType *t = ob->type;
    owner_add(ow, object_block(ob), ob, "object", -1);
    if (t == &MpList_Type)
        owner_add(ow, ((MpList *)ob)->items, ob, "items", -1);
    else if (t == &MpDict_Type)
        owner_add(ow, ((MpDict *)ob)->keys, ob, "keys", -1);
    else if ((t == &MpSet_Type || t == &MpFrozenSet_Type) && ((MpSet *)ob)->table != ((MpSet *)ob)->smalltable)
        owner_add(ow, ((MpSet *)ob)->table, ob, "table", -1);
    else if (t == &MpType_Type && (((MpType *)ob)->flags & MP_TF_HEAPTYPE)
             && ((MpClass *)ob)->cached_keys)
        owner_add(ow, ((MpClass *)ob)->cached_keys, ob, "cached keys", -1);
    else if (t->flags & MP_TF_MANAGED_DICT)
        owner_add(ow, instance_managed(ob)->values, ob, "values", -1);
}

typedef struct ChunkCtx { TextOut *o; Owners *ow; int n; } ChunkCtx;

static void write_chunk(const HeapChunk *c, void *ctx)
{
    ChunkCtx *cc = ctx;
    text_puts(cc->o, cc->n++ ? "," : "");
    text_printf(cc->o, "{\"address\":\"0x%08llx\",\"size\":%llu,\"used\":%s,\"owner\":",
                (unsigned long long)c->sim, (unsigned long long)c->size, c->used ? "true" : "false");
    const Owner *found = NULL;
    for (size_t i = 0; c->used && i < cc->ow->n && !found; i++)
        if (cc->ow->e[i].payload == c->payload)
            found = &cc->ow->e[i];
    if (!found)
        text_puts(cc->o, "null}");
    else if (found->arena >= 0)
        text_printf(cc->o, "{\"arena\":%d}}", found->arena);
    else {
        text_puts(cc->o, "{\"object\":");
        addr(cc->o, found->owner);
        text_printf(cc->o, ",\"what\":\"%s\"}}", found->what);
    }
}

typedef struct ArenaCtx { TextOut *o; Owners *ow; int n; } ArenaCtx;

static void write_arena(const PmArenaInfo *a, void *ctx)
{
    ArenaCtx *ac = ctx;
    text_puts(ac->o, ac->n++ ? "," : "");
    text_printf(ac->o, "{\"index\":%d,\"address\":\"0x%08llx\",\"first_pool\":\"0x%08llx\","
                "\"pools\":%u,\"free_pools\":%u,\"touched_pools\":%u}",
                a->index, (unsigned long long)a->sim, (unsigned long long)a->first_pool_sim,
                a->npools, a->nfreepools, a->ntouched);
    owner_add(ac->ow, region_host(a->sim), NULL, "arena", a->index);
}

typedef struct PoolCtx { TextOut *o; int n; } PoolCtx;

static void write_pool(const PmPoolInfo *p, void *ctx)
{
    static const char *const states[] = { "used", "full", "empty" };
    PoolCtx *pc = ctx;
    text_puts(pc->o, pc->n++ ? "," : "");
    text_printf(pc->o, "{\"arena\":%d,\"index\":%d,\"address\":\"0x%08llx\",", p->arena, p->index,
                (unsigned long long)p->sim);
    if (p->size_class < 0)
        text_puts(pc->o, "\"size_class\":null,\"block\":null,\"state\":\"empty\",\"used\":0,"
                         "\"free\":0,\"untouched\":0,\"capacity\":0}");
    else
        text_printf(pc->o, "\"size_class\":%d,\"block\":%zu,\"state\":\"%s\",\"used\":%u,"
                    "\"free\":%u,\"untouched\":%u,\"capacity\":%u}",
                    p->size_class, pm_block_size(p->size_class), states[p->state], p->used,
                    p->free_listed, p->untouched, p->capacity);
}

typedef struct DsCtx { TextOut *o; int n; } DsCtx;

static void write_ds_chunk(const DsChunkInfo *c, void *ctx)
{
    DsCtx *dc = ctx;
    text_puts(dc->o, dc->n++ ? "," : "");
    text_printf(dc->o, "{\"address\":\"0x%llx\",\"size\":%llu,\"used\":%llu}",
                (unsigned long long)c->sim, (unsigned long long)c->size, (unsigned long long)c->used);
}

typedef struct ListCtx { TextOut *o; int n; } ListCtx;

static void write_unreachable(MpObject *ob, int gen, void *ctx)
{
    ListCtx *lc = ctx;
    text_puts(lc->o, lc->n++ ? "," : "");
    addr(lc->o, ob);
}

static void write_gc(TextOut *o)
{
    int counts[3], thresholds[3];
    gc_get_count(counts);
    gc_get_threshold(thresholds);
    text_printf(o, "\"gc\":{\"enabled\":%s,\"counts\":[%d,%d,%d],\"thresholds\":[%d,%d,%d],\"stats\":[",
                gc_is_enabled() ? "true" : "false", counts[0], counts[1], counts[2],
                thresholds[0], thresholds[1], thresholds[2]);
    for (int g = 0; g < 3; g++) {
        MpGcGenStats s = gc_get_stats(g);
        text_printf(o, "%s{\"collections\":%llu,\"collected\":%llu,\"uncollectable\":%llu}", g ? "," : "",
                    (unsigned long long)s.collections, (unsigned long long)s.collected,
                    (unsigned long long)s.uncollectable);
    }
    int phase = gc_current_phase();
    text_printf(o, "],\"frozen\":%llu,\"phase\":", (unsigned long long)gc_get_freeze_count());
    if (phase < 0)
        text_puts(o, "null");
    else
        text_json_str(o, gc_phase_names[phase], strlen(gc_phase_names[phase]));
    text_puts(o, ",\"unreachable\":[");
    ListCtx lc = { o, 0 };
    gc_walk_unreachable(write_unreachable, &lc);
    text_puts(o, "]}");
}

static void write_free_lists(TextOut *o)
{
    text_printf(o, "\"free_lists\":{\"float\":%d,\"list\":%d,\"dict\":%d,\"dict_keys\":%d,\"tuple\":[",
                float_freelist_size(), list_freelist_size(), dict_freelist_size(),
                dict_keys_freelist_size());
    for (int n = 1; n <= MP_TUPLE_MAXSAVESIZE; n++)
        text_printf(o, "%s%d", n > 1 ? "," : "", tuple_freelist_size(n));
    text_puts(o, "]}");
}

static void write_frames(TextOut *o)
{
    text_puts(o, "\"frames\":[");
    int n = 0;
    for (MpFrame *f = frame_top(); f; f = f->previous) {
        char name[64] = "<module>";
        if (f->func && f->func->type == &MpFunction_Type)
            str_to_cbuf(((MpFunction *)f->func)->name, name, sizeof name);
        text_puts(o, n++ ? "," : "");
        text_puts(o, "{\"function\":");
        text_json_str(o, name, strlen(name));
        text_printf(o, ",\"line\":%d,\"address\":", f->lineno);
        if (f->flags & MP_FRAME_GEN) {
            /* inside its generator, after CPython's 72-byte generator header */
            const MpGen *g = (const MpGen *)((const char *)f - sizeof(MpGen));
            text_printf(o, "\"0x%08llx\"", (unsigned long long)(region_sim(g) + MP_GEN_SIZE));
        } else {
            addr(o, f);
        }
        text_printf(o, ",\"bytes\":%llu,\"slots\":[", (unsigned long long)frame_bytes(f));
        for (int i = 0; i < f->stacktop; i++) {
            text_puts(o, i ? "," : "");
            if (f->localsplus[i])
                addr(o, f->localsplus[i]);
            else
                text_puts(o, "null");
        }
        /* the holders a frame has: named locals/cells, and temporaries */
        text_puts(o, "],\"locals\":[");
        const MpCode *co = f->code && f->code->type == &MpCode_Type ? (const MpCode *)f->code : NULL;
        int nl = co ? co->nlocalsplus : 0, k = 0;
        for (int i = 0; i < nl && i < f->stacktop; i++) {
            if (!f->localsplus[i])
                continue;
            char var[96];
            str_to_cbuf(tuple_item(co->localsplusnames, i), var, sizeof var);
            uint8_t kind = co->localkinds[i];
            text_puts(o, k++ ? ",{\"name\":" : "{\"name\":");
            text_json_str(o, var, strlen(var));
            text_puts(o, ",\"address\":");
            addr(o, f->localsplus[i]);
            text_printf(o, ",\"kind\":\"%s\"}", (kind & MP_FREE) ? "free" : (kind & MP_CELL) ? "cell" : "local");
        }
        text_puts(o, "],\"temporaries\":[");
        k = 0;
        for (int i = nl; i < f->stacktop; i++) {
            if (!f->localsplus[i])
                continue;
            text_puts(o, k++ ? "," : "");
            addr(o, f->localsplus[i]);
        }
        text_puts(o, "]}");
    }
    text_puts(o, "]");
}

char *snapshot_json(void)
{
    Table heap = { 0 }, statics = { 0 };
    object_walk(add_live, &heap);
    qsort(heap.e, heap.n, sizeof(Entry), by_sim);
    StaticScan scan = { &heap, &statics };
    for (size_t i = 0; i < heap.n; i++)
        labelled(heap.e[i].o, note_static, &scan);
    check_visit_roots(note_static_root, &scan);

    /* reachability: roots and statics are reachable */
    Table all = { 0 };
    for (size_t i = 0; i < statics.n; i++)
        table_add(&all, statics.e[i].o);
    for (size_t i = 0; i < heap.n; i++)
        table_add(&all, heap.e[i].o);
    qsort(all.e, all.n, sizeof(Entry), by_sim);
    Reach reach = { &all, NULL, 0, 0, 0 };
    check_visit_roots(reach_root, &reach);
    for (size_t i = 0; i < statics.n; i++)
        reach_push(&reach, statics.e[i].o);
    while (reach.n > 0 && !reach.failed)
        labelled(reach.stack[--reach.n], reach_ref, &reach);

    TextOut o = { 0 };
    HeapStats hs = heap_stats();
    text_printf(&o, "{\"heap\":{\"base\":\"0x%08llx\",\"break\":\"0x%08llx\",\"limit\":%llu,"
                "\"used\":%llu,\"free\":%llu},",
                (unsigned long long)MP_HEAP_BASE, (unsigned long long)(MP_HEAP_BASE + hs.brk),
                (unsigned long long)hs.limit, (unsigned long long)hs.used_bytes,
                (unsigned long long)hs.free_bytes);
    text_puts(&o, "\"objects\":[");
    for (size_t i = 0; i < all.n; i++) {
        text_puts(&o, i ? "," : "");
        write_object(&o, all.e[i].o, all.e[i].reachable);
    }
    text_puts(&o, "],\"unreachable\":[");
    for (size_t i = 0, n = 0; i < all.n; i++)
        if (!all.e[i].reachable) {
            text_puts(&o, n++ ? "," : "");
            addr(&o, all.e[i].o);
        }
    text_puts(&o, "],\"arenas\":[");
    Owners ow = { 0 };
    ArenaCtx ac = { &o, &ow, 0 };
    pm_walk_arenas(write_arena, &ac);
    text_puts(&o, "],\"pools\":[");
    PoolCtx pc = { &o, 0 };
    pm_walk_pools(write_pool, &pc);
    text_puts(&o, "],\"heap_chunks\":[");
    for (size_t i = 0; i < heap.n; i++)
        buffers_of(heap.e[i].o, &ow);
    ChunkCtx cc = { &o, &ow, 0 };
    heap_walk(write_chunk, &cc);
    text_puts(&o, "],");
    write_free_lists(&o);
    text_puts(&o, ",");
    write_gc(&o);
    text_puts(&o, ",\"stack\":{\"chunks\":[");
    DsCtx dc = { &o, 0 };
    ds_walk(write_ds_chunk, &dc);
    text_puts(&o, "],");
    write_frames(&o);
    text_puts(&o, "}}");

    free(ow.e);
    free(heap.e);
    free(statics.e);
    free(all.e);
    free(reach.stack);
    int failed = o.failed || heap.failed || statics.failed || all.failed || reach.failed;
    if (failed) {
        free(o.buf);
        return NULL;
    }
    return o.buf;
}
