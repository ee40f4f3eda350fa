/* runtime.h — bringing the whole runtime up and down.
 *
 * The runtime is one process-wide instance (like CPython's main
 * interpreter): runtime_init() builds the static region, the allocators,
 * the collector and the builtin objects from a settings block; runtime_fini()
 * releases everything so that a fresh runtime_init() starts from identical
 * simulated addresses.  Settings are part of a run: the same snippet with
 * the same settings gives the same trace.
 */
#ifndef MP_RUNTIME_H
#define MP_RUNTIME_H

#include <stdint.h>

typedef struct MpSettings {
    int gc_thresholds[3];   /* default 700, 10, 10 */
    int gc_enabled;         /* default 1 */
    uint64_t heap_limit;    /* default 256 MiB; at least 2 MiB */
    uint64_t step_cap;      /* default 10,000,000 */
    int pymalloc;           /* default 1 */
} MpSettings;

MpSettings runtime_default_settings(void);
int runtime_init(const MpSettings *s);   /* 0, or -1 (bad settings / host OOM) */
void runtime_fini(void);
const MpSettings *runtime_settings(void);

#endif
