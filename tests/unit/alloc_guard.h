/*
 * A guarding allocator for tests: every block is followed by GUARD_BYTES
 * bytes of 0xFF, checked when the block is reallocated or freed, so that a
 * test can tell that the library wrote nothing past the end of what it asked
 * for (a loop running one element too far) without a sanitizer build. A
 * double read from the guard is a NaN (all bits set), so a read one past the
 * end tends to spoil the value computed from it as well. Header-only, like
 * alloc_fail.h: every function is static inline.
 */
#ifndef TA_TEST_ALLOC_GUARD_H
#define TA_TEST_ALLOC_GUARD_H

#include <stdlib.h>
#include <string.h>

#include "trustassess/common.h"

#define GUARD_BYTES 32
#define GUARD_HEAD 16 /* the block's size, kept before it (keeps 16-byte alignment) */

typedef struct ag_state {
    size_t live;     /* blocks allocated and not yet freed */
    size_t overruns; /* blocks found with a guard byte changed */
} ag_state;

static inline void ag_check(ag_state *s, unsigned char *base)
{
    size_t size;
    memcpy(&size, base, sizeof size);
    for (size_t i = 0; i < GUARD_BYTES; i++)
        if (base[GUARD_HEAD + size + i] != 0xFF) {
            s->overruns++;
            return;
        }
}

static inline void *ag_place(unsigned char *base, size_t size)
{
    memcpy(base, &size, sizeof size);
    memset(base + GUARD_HEAD + size, 0xFF, GUARD_BYTES);
    return base + GUARD_HEAD;
}

static inline void *ag_malloc(void *ctx, size_t size)
{
    ag_state *s = ctx;
    unsigned char *base;
    if (size > (size_t)-1 - GUARD_HEAD - GUARD_BYTES ||
        !(base = malloc(GUARD_HEAD + size + GUARD_BYTES)))
        return NULL;
    s->live++;
    return ag_place(base, size);
}

static inline void *ag_realloc(void *ctx, void *ptr, size_t size)
{
    ag_state *s = ctx;
    unsigned char *base;
    if (!ptr)
        return ag_malloc(ctx, size);
    base = (unsigned char *)ptr - GUARD_HEAD;
    ag_check(s, base);
    if (size > (size_t)-1 - GUARD_HEAD - GUARD_BYTES ||
        !(base = realloc(base, GUARD_HEAD + size + GUARD_BYTES)))
        return NULL;
    return ag_place(base, size);
}

static inline void ag_free(void *ctx, void *ptr)
{
    ag_state *s = ctx;
    if (!ptr)
        return;
    ag_check(s, (unsigned char *)ptr - GUARD_HEAD);
    s->live--;
    free((unsigned char *)ptr - GUARD_HEAD);
}

/* An allocator over s, which must outlive every handle made with it. */
static inline ta_allocator ag_allocator(ag_state *s)
{
    ta_allocator a = {ag_malloc, ag_realloc, ag_free, s};
    return a;
}

#endif /* TA_TEST_ALLOC_GUARD_H */
