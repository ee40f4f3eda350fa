/* frame.c — interpreter frames and frame objects (see frame.h). */
#include <string.h>
#include "frame.h"
#include "datastack.h"
#include "err.h"
#include "gc.h"
#include "func.h"

_Static_assert(sizeof(MpFrameObject) <= MP_FRAME_OBJECT_SIZE, "frame object fits");
_Static_assert(offsetof(MpFrame, localsplus) <= MP_FRAME_HEADER_SIZE, "frame header fits");

MpFrame *frame_chain_top;
int frame_depth_count;

void frame_reset(void)
{
    frame_chain_top = NULL;
    frame_depth_count = 0;
}

uint64_t frame_bytes(const MpFrame *f)
{
    return MP_FRAME_HEADER_SIZE + 8u * (uint64_t)(f->nlocalsplus + f->stacksize);
}

/* The frame object of a frame that ends: it no longer points at the
 * frame, and whoever still holds it (a traceback) takes the locals over,
 * as in CPython, which keeps them alive. */
void frame_release_object(MpFrame *f)
{
    MpFrameObject *fo = f->frame_obj;
    fo->frame = NULL;
    fo->lineno = f->lineno;
    f->frame_obj = NULL;
    if (fo->ob.refcnt > 1) {
        int n = f->nlocalsplus < fo->nslots ? f->nlocalsplus : fo->nslots;
        for (int i = 0; i < n; i++) {
            fo->owned[i] = f->localsplus[i];
            f->localsplus[i] = NULL;
        }
        fo->nowned = n;
    }
    mp_decref(MP_OBJ(fo));
}

void frame_link(MpFrame *f)
{
    f->previous = frame_chain_top;
    frame_chain_top = f;
    frame_depth_count++;
}

void frame_unlink(MpFrame *f)
{
    frame_chain_top = f->previous;
    f->previous = NULL;
    frame_depth_count--;
}

MpFrame *frame_top(void) { return frame_chain_top; }

void frame_stack_push(MpFrame *f, MpObject *v) { f->localsplus[f->stacktop++] = v; }

MpObject *frame_stack_pop(MpFrame *f)
{
    MpObject *v = f->localsplus[--f->stacktop];
    f->localsplus[f->stacktop] = NULL;
    return v;
}

void frame_visit_roots(MpVisit visit, void *arg)
{
    for (MpFrame *f = frame_chain_top; f; f = f->previous) {
        MpObject *head[] = { f->func, f->globals, f->code, MP_OBJ(f->frame_obj), f->locals };
        for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
            if (head[i])
                visit(head[i], arg);
        for (int i = 0; i < f->stacktop; i++)
            if (f->localsplus[i])
                visit(f->localsplus[i], arg);
    }
}

/* ---- frame objects -------------------------------------------------------- */

static int frameobj_traverse(MpObject *o, MpVisit visit, void *arg)
{
    MpFrameObject *fo = (MpFrameObject *)o;
    int r = 0;
    if (fo->back && (r = visit(MP_OBJ(fo->back), arg)))
        return r;
    if (fo->name && (r = visit(fo->name, arg)))
        return r;
    for (int i = 0; i < fo->nowned; i++)
        if (fo->owned[i] && (r = visit(fo->owned[i], arg)))
            return r;
    return 0;
}

static void frameobj_release_locals(MpFrameObject *fo)
{
    for (int i = 0; i < fo->nowned; i++)
        MP_CLEAR(fo->owned[i]);
    fo->nowned = 0;
}

static void frameobj_dealloc(MpObject *o)
{
    MpFrameObject *fo = (MpFrameObject *)o;
    gc_untrack(o);
    if (!trash_begin(o))
        return;
    if (fo->frame)
        fo->frame->frame_obj = NULL;
    frameobj_release_locals(fo);
    MP_CLEAR(fo->back);
    MP_CLEAR(fo->name);
    object_free(o);
    trash_end();
}

static size_t frameobj_getsizeof(MpObject *o)
{
    return MP_GC_HEAD_SIZE + MP_FRAME_OBJECT_SIZE + 8u * (size_t)((MpFrameObject *)o)->nslots;
}

static void frameobj_clear(MpObject *o)
{
    MpFrameObject *fo = (MpFrameObject *)o;
    frameobj_release_locals(fo);
    MP_CLEAR(fo->back);
}

MpType MpFrame_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "frame", .basicsize = MP_FRAME_OBJECT_SIZE,
    .itemsize = 8, .flags = MP_TF_GC, .dealloc = frameobj_dealloc, .traverse = frameobj_traverse,
    .clear = frameobj_clear, .getsizeof = frameobj_getsizeof,
};

MpObject *frame_object(MpFrame *f)
{
    if (f->frame_obj)
        return mp_newref(MP_OBJ(f->frame_obj));
    MpObject *back = f->previous ? frame_object(f->previous) : NULL;
    if (f->previous && !back)
        return NULL;
    MpFrameObject *fo = (MpFrameObject *)object_new(&MpFrame_Type,
        (size_t)(f->nlocalsplus + f->stacksize),
        sizeof(MpFrameObject) + sizeof(MpObject *) * (size_t)f->nlocalsplus);
    if (!fo) {
        mp_xdecref(back);
        return NULL;
    }
    fo->back = (MpFrameObject *)back;
    fo->frame = f;
    fo->lineno = f->lineno;
    fo->nslots = f->nlocalsplus + f->stacksize;
    if (f->func && f->func->type == &MpFunction_Type)
        fo->name = mp_newref(((MpFunction *)f->func)->name);
    f->frame_obj = (MpFrameObject *)mp_newref(MP_OBJ(fo));
    gc_track(MP_OBJ(fo));
    return MP_OBJ(fo);
}
