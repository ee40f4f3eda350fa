/* gen.c — generator objects (gen.h). */
#include <stdio.h>
#include <string.h>
#include "gen.h"
#include "abstract.h"
#include "code.h"
#include "err.h"
#include "func.h"
#include "gc.h"
#include "region.h"
#include "str.h"
#include "tuple.h"
#include "vm_int.h"
#include "weakref.h"

static size_t host_frame_bytes(const MpFrame *f)
{
    return offsetof(MpFrame, localsplus) + sizeof(MpObject *) * (size_t)(f->nlocalsplus + f->stacksize);
}

MpObject *gen_from_frame(MpFrame *f)
{
    size_t slots = (size_t)(f->nlocalsplus + f->stacksize);
    size_t cpy = MP_GEN_SIZE + MP_FRAME_HEADER_SIZE + 8 * slots;
    size_t host = sizeof(MpGen) + host_frame_bytes(f);
    MpGen *g = (MpGen *)object_new_sized(&MpGen_Type, MP_GC_HEAD_SIZE + cpy, host);
    if (!g)
        return NULL;
    MpCode *co = (MpCode *)f->code;
    g->name = mp_newref(co->name);
    g->qualname = mp_newref(co->qualname);
    MpFrame *nf = (MpFrame *)(g + 1);
    memcpy(nf, f, host_frame_bytes(f));
    /* the slots moved; func/globals/code get references of their own */
    memset(f->localsplus, 0, sizeof(MpObject *) * (size_t)f->stacktop);
    mp_xincref(nf->func);
    mp_xincref(nf->globals);
    mp_xincref(nf->code);
    nf->locals = NULL;
    nf->frame_obj = NULL;
    nf->previous = NULL;
    nf->flags = MP_FRAME_GEN | MP_FRAME_ENTRY;
    g->frame = nf;   /* last: a snapshot taken at the events above sees no frame yet */
    gc_track(MP_OBJ(g));
    return MP_OBJ(g);
}

static int gen_finished(const MpGen *g) { return (g->frame->flags & MP_FRAME_CLEARED) != 0; }

MpObject *gen_send(MpObject *o, MpObject *value, MpObject *exc, MpObject **retval)
{
    MpGen *g = (MpGen *)o;
    if (retval)
        *retval = NULL;
    if (g->running) {
        mp_xdecref(exc);
        err_set(&MpExc_ValueError, "generator already executing");
        return NULL;
    }
    if (gen_finished(g)) {
        if (exc) {
            err_restore(exc);
            return NULL;
        }
        return NULL;
    }
    if (!g->started && value && value != MP_NONE && !exc) {
        err_set(&MpExc_TypeError, "can't send non-None value to a just-started generator");
        return NULL;
    }
    if (frame_depth() >= vm_recursion_limit()) {
        mp_xdecref(exc);
        err_set(&MpExc_RecursionError, "maximum recursion depth exceeded");
        return NULL;
    }
    MpFrame *f = g->frame;
    g->started = 1;
    g->running = 1;
    mp_incref(o);
    frame_link(f);
    if (!exc) {
        MpObject *sent = mp_newref(value ? value : MP_NONE);   /* the event before the slot */
        f->localsplus[f->stacktop++] = sent;
    }
    MpObject *r = vm_resume(f, exc);
    g->running = 0;
    if (gen_finished(g)) {
        /* returned or raised: the frame is cleared and unlinked */
        if (r) {
            if (retval)
                *retval = r;
            else
                mp_decref(r);
            r = NULL;
        } else if (err_matches(&MpExc_StopIteration)) {
            MpObject *e = err_fetch();
            err_set(&MpExc_RuntimeError, "generator raised StopIteration");
            exc_set_context(err_peek(), e);
            exc_set_cause(err_peek(), e);
            mp_decref(e);
        }
    }
    mp_decref(o);
    return r;
}

static MpObject *gen_iternext(MpObject *o)
{
    MpObject *ret = NULL;
    MpObject *r = gen_send(o, MP_NONE, NULL, &ret);
    if (!r && ret) {
        mp_decref(ret);
    }
    return r;
}

static MpObject *stop_with(MpObject *ret)
{
    if (!err_occurred())
        err_set_value(&MpExc_StopIteration, ret && ret != MP_NONE ? ret : NULL);
    mp_xdecref(ret);
    return NULL;
}

static MpObject *gen_send_method(MpObject *self, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("send", nargs, kwnames, 1, 1) < 0)
        return NULL;
    MpObject *ret = NULL;
    MpObject *r = gen_send(self, args[0], NULL, &ret);
    return r ? r : stop_with(ret);
}

static MpObject *gen_throw_method(MpObject *self, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("throw", nargs, kwnames, 1, 3) < 0)
        return NULL;
    MpObject *exc;
    if (args[0]->type == &MpType_Type && exc_type_check((MpType *)args[0])) {
        exc = nargs > 1 && args[1] != MP_NONE ? obj_call(args[0], &args[1], 1, NULL) : obj_call(args[0], NULL, 0, NULL);
        if (!exc)
            return NULL;
    } else if (exc_check(args[0])) {
        exc = mp_newref(args[0]);
    } else {
        err_set(&MpExc_TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                type_name(args[0]));
        return NULL;
    }
    MpGen *g = (MpGen *)self;
    if (!g->started) {
        /* never ran: it finishes at once, raising the exception */
        frame_clear(g->frame);
        err_restore(exc);
        return NULL;
    }
    MpObject *ret = NULL;
    MpObject *r = gen_send(self, NULL, exc, &ret);
    return r ? r : stop_with(ret);
}

/* close(): throw GeneratorExit; yielding again is a RuntimeError. */
static int gen_close(MpObject *o)
{
    MpGen *g = (MpGen *)o;
    if (gen_finished(g))
        return 0;
    if (!g->started) {
        frame_clear(g->frame);
        return 0;
    }
    MpObject *exc = exc_new(&MpExc_GeneratorExit, NULL);
    if (!exc)
        return -1;
    MpObject *r = gen_send(o, NULL, exc, NULL);
    if (r) {
        mp_decref(r);
        err_set(&MpExc_RuntimeError, "generator ignored GeneratorExit");
        return -1;
    }
    if (err_matches(&MpExc_GeneratorExit) || err_matches(&MpExc_StopIteration) || !err_occurred()) {
        err_clear();
        return 0;
    }
    return -1;
}

static MpObject *gen_close_method(MpObject *self, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("close", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gen_close(self) < 0 ? NULL : mp_newref(MP_NONE);
}

static const MpMethodDef gen_methods[] = {
    { "send", gen_send_method, 0 }, { "throw", gen_throw_method, 0 },
    { "close", gen_close_method, 0 }, { NULL, NULL, 0 },
};

static int gen_traverse(MpObject *o, MpVisit visit, void *arg)
{
    MpGen *g = (MpGen *)o;
    MpFrame *f = g->frame;
    int r;
    if (!f)
        return 0;   /* being built */
    if ((r = visit(g->name, arg)) || (r = visit(g->qualname, arg)))
        return r;
    if (g->running || (f->flags & MP_FRAME_CLEARED))
        return 0;   /* a running frame is in the chain: a root */
    MpObject *head[] = { f->func, f->globals, f->code, MP_OBJ(f->frame_obj) };
    for (int i = 0; i < 4; i++)
        if (head[i] && (r = visit(head[i], arg)))
            return r;
    for (int i = 0; i < f->stacktop; i++)
        if (f->localsplus[i] && (r = visit(f->localsplus[i], arg)))
            return r;
    return 0;
}

static void gen_tp_clear(MpObject *o)
{
    MpGen *g = (MpGen *)o;
    if (!g->running && !(g->frame->flags & MP_FRAME_CLEARED))
        frame_clear(g->frame);
}

static void gen_finalize(MpObject *o)
{
    MpGen *g = (MpGen *)o;
    if (gen_finished(g) || !g->started)
        return;
    MpObject *saved = err_fetch();
    if (gen_close(o) < 0)
        err_write_unraisable(o);
    err_restore(saved);
}

static void gen_dealloc(MpObject *o)
{
    MpGen *g = (MpGen *)o;
    gc_untrack(o);
    if (g->started && !gen_finished(g) && !(o->gcstate & MP_GCS_FINALIZED)) {
        o->refcnt = 1;
        o->gcstate |= MP_GCS_FINALIZED;
        gen_finalize(o);
        if (--o->refcnt > 0)
            return;   /* resurrected */
    }
    if (g->weakreflist)
        weakref_clear_refs(o);
    if (!(g->frame->flags & MP_FRAME_CLEARED))
        frame_clear(g->frame);
    MP_CLEAR(g->name);
    MP_CLEAR(g->qualname);
    object_free(o);
}

static MpObject *gen_repr(MpObject *o)
{
    MpGen *g = (MpGen *)o;
    char name[200], buf[300];
    str_to_cbuf(g->qualname, name, sizeof name);
    snprintf(buf, sizeof buf, "<generator object %s at 0x%llx>", name, (unsigned long long)region_sim(o));
    return str_from_cstr(buf);
}

static MpObject *gen_iter(MpObject *o) { return mp_newref(o); }

static size_t gen_getsizeof(MpObject *o)
{
    MpFrame *f = ((MpGen *)o)->frame;
    if (!f)
        return MP_GC_HEAD_SIZE + MP_GEN_SIZE + MP_FRAME_HEADER_SIZE;   /* being built */
    return MP_GC_HEAD_SIZE + MP_GEN_SIZE + MP_FRAME_HEADER_SIZE + 8u * (size_t)(f->nlocalsplus + f->stacksize);
}

MpType MpGen_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "generator", .basicsize = MP_GEN_SIZE + MP_FRAME_HEADER_SIZE,
    .itemsize = 8, .flags = MP_TF_GC, .weaklistoffset = offsetof(MpGen, weakreflist),
    .dealloc = gen_dealloc, .traverse = gen_traverse, .clear = gen_tp_clear,
    .repr = gen_repr, .iter = gen_iter, .iternext = gen_iternext, .methods = gen_methods,
    .finalize = gen_finalize, .getsizeof = gen_getsizeof,
};
