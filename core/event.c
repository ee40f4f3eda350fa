/* event.c — delivery of runtime events to the single observer. */
#include "event.h"

MpObserver mp_observer;
void *mp_observer_ctx;

void event_set_observer(MpObserver fn, void *ctx)
{
    mp_observer = fn;
    mp_observer_ctx = ctx;
}

void event_emit(MpEventKind kind, const void *obj, const void *ptr,
                uint64_t size, int64_t a, int64_t b)
{
    MpEvent ev = { kind, obj, ptr, size, a, b };
    mp_observer(&ev, mp_observer_ctx);
}
