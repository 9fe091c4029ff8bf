/*
 * A guarding allocator for tests: every block is followed by GUARD_BYTES
 * bytes of 0xFF and preceded by 8 bytes of 0x7F, both checked when the block
 * is reallocated or freed, so that a test can tell that the library wrote
 * nothing outside what it asked for (a loop running one element too far)
 * without a sanitizer build. Reads outside show too, in what is computed from
 * them: a double read just past the end is a NaN (all bits set), one read
 * just before the start a huge positive number (about 1.4e306); finite_first
 * makes the first double past the end a number (see ag_tail). Header-only,
 * like alloc_fail.h: every function is static inline.
 */
#ifndef TA_TEST_ALLOC_GUARD_H
#define TA_TEST_ALLOC_GUARD_H

#include <stdlib.h>
#include <string.h>

#include "trustassess/common.h"

#define GUARD_BYTES 32
#define GUARD_HEAD 16 /* the block's size, then 8 guard bytes (keeps 16-byte alignment) */

typedef struct ag_state {
    size_t live;      /* blocks allocated and not yet freed */
    size_t overruns;  /* blocks found with a guard byte changed */
    int finite_first; /* the first 8 bytes after a block are 0x3F, not 0xFF */
} ag_state;

/* Byte i after a block. With finite_first, a double read just past the end
 * is a number (about 3e-4), not a NaN: a loop that runs one element too far
 * and acts only on numbers then acts, and a write it makes past another
 * block's end, where the bytes still read as a NaN, changes a guard byte. */
static inline unsigned char ag_tail(const ag_state *s, size_t i)
{
    return s->finite_first && i < 8 ? 0x3F : 0xFF;
}

static inline void ag_check(ag_state *s, unsigned char *base)
{
    size_t size;
    memcpy(&size, base, sizeof size);
    for (size_t i = 8; i < GUARD_HEAD; i++)
        if (base[i] != 0x7F) {
            s->overruns++;
            return;
        }
    for (size_t i = 0; i < GUARD_BYTES; i++)
        if (base[GUARD_HEAD + size + i] != ag_tail(s, i)) {
            s->overruns++;
            return;
        }
}

static inline void *ag_place(const ag_state *s, unsigned char *base, size_t size)
{
    memcpy(base, &size, sizeof size);
    memset(base + 8, 0x7F, GUARD_HEAD - 8);
    for (size_t i = 0; i < GUARD_BYTES; i++)
        base[GUARD_HEAD + size + i] = ag_tail(s, i);
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
    return ag_place(s, base, size);
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
    return ag_place(s, base, size);
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
