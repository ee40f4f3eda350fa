/* memops.h — comparing and zeroing host memory, inline.
 *
 * Natively these are libc's memcmp and memset.  In WASM under V8 (node 20)
 * both are dear for the few tens of bytes the runtime handles at a time:
 * libc's memcmp is a byte loop compiled to WASM, and a memset of variable
 * or large size compiles to memory.fill, which V8 runs as a call out to
 * C (memory_fill_wrapper) — about 2% of a run that makes instances, whose
 * object and attribute array were zeroed that way.  So in WASM both work
 * eight bytes at a time; the empty asm keeps clang from turning the zeroing
 * loop back into a memory.fill.
 */
#ifndef MP_MEMOPS_H
#define MP_MEMOPS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* n bytes at a and b are equal */
static inline int mem_equal(const void *a, const void *b, size_t n)
{
#ifdef __wasm__
    const uint8_t *p = a, *q = b;
    for (; n >= 8; n -= 8, p += 8, q += 8) {
        uint64_t x, y;
        memcpy(&x, p, 8);
        memcpy(&y, q, 8);
        if (x != y)
            return 0;
    }
    for (; n; n--)
        if (*p++ != *q++)
            return 0;
    return 1;
#else
    return memcmp(a, b, n) == 0;
#endif
}

/* Zeroes n bytes at p. */
static inline void mem_zero(void *p, size_t n)
{
#ifdef __wasm__
    if (n <= 512) {
        uint8_t *b = p;
        for (; n >= 8; n -= 8, b += 8) {
            uint64_t z = 0;
            memcpy(b, &z, 8);
            __asm__("" ::: "memory");
        }
        for (; n; n--) {
            *b++ = 0;
            __asm__("" ::: "memory");
        }
        return;
    }
#endif
    memset(p, 0, n);
}

#endif
