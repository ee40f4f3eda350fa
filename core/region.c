/* region.c — host <-> simulated address mapping (see region.h).
 * Ranges are kept in an array sorted by host address; look-ups are binary
 * searches.  There are few ranges: one per static object, one heap, one
 * per data-stack chunk. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "region.h"

typedef struct Range {
    uintptr_t host;
    size_t size;
    uint64_t sim;
    MpRegionKind kind;
} Range;

static struct {
    Range *r;
    size_t n, cap;
} map;

void region_reset(void)
{
    free(map.r);
    memset(&map, 0, sizeof map);
}

/* Index of the first range whose host start is > h. */
static size_t upper(uintptr_t h)
{
    size_t lo = 0, hi = map.n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (map.r[mid].host <= h)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void region_register(MpRegionKind kind, void *host, size_t size, uint64_t sim)
{
    if (map.n == map.cap) {
        map.cap = map.cap ? map.cap * 2 : 1024;
        map.r = realloc(map.r, map.cap * sizeof *map.r);
        if (!map.r) {
            fprintf(stderr, "memplay: host out of memory (regions)\n");
            abort();
        }
    }
    size_t i = upper((uintptr_t)host);
    memmove(map.r + i + 1, map.r + i, (map.n - i) * sizeof *map.r);
    map.r[i] = (Range){ (uintptr_t)host, size, sim, kind };
    map.n++;
}

void region_unregister(void *host)
{
    size_t i = upper((uintptr_t)host);
    if (i == 0 || map.r[i - 1].host != (uintptr_t)host)
        return;
    i--;
    memmove(map.r + i, map.r + i + 1, (map.n - i - 1) * sizeof *map.r);
    map.n--;
}

static const Range *find(const void *host)
{
    uintptr_t h = (uintptr_t)host;
    size_t i = upper(h);
    if (i == 0)
        return NULL;
    const Range *r = &map.r[i - 1];
    return h - r->host < r->size ? r : NULL;
}

uint64_t region_sim(const void *host)
{
    const Range *r = find(host);
    return r ? r->sim + ((uintptr_t)host - r->host) : 0;
}

MpRegionKind region_kind_of(const void *host)
{
    const Range *r = find(host);
    return r ? r->kind : MP_REGION_NONE;
}

void *region_host(uint64_t sim)
{
    for (size_t i = 0; i < map.n; i++)
        if (sim - map.r[i].sim < map.r[i].size)
            return (void *)(map.r[i].host + (uintptr_t)(sim - map.r[i].sim));
    return NULL;
}
