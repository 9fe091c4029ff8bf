/*
 * A counting allocator for tests: counts live blocks and calls, and makes
 * call number fail_at (1-based; 0 = never) return NULL, so that a test can
 * fail the 1st, 2nd, ... allocation of an operation in turn (an allocation
 * failure sweep) and check that each failure is reported, leaks nothing and
 * leaves the handle usable. Header-only: every function is static inline so
 * that a suite using part of it compiles without unused-function warnings.
 */
#ifndef TA_TEST_ALLOC_FAIL_H
#define TA_TEST_ALLOC_FAIL_H

#include <stdlib.h>

#include "trustassess/common.h"

typedef struct af_counter {
    size_t live;    /* blocks allocated and not yet freed */
    size_t calls;   /* malloc and realloc calls so far */
    size_t fail_at; /* the call that returns NULL (0 = none) */
    int failed;     /* set once a call has been failed */
} af_counter;

static inline void *af_malloc(void *ctx, size_t size)
{
    af_counter *c = ctx;
    void *p;
    if (++c->calls == c->fail_at) {
        c->failed = 1;
        return NULL;
    }
    p = malloc(size ? size : 1);
    if (p)
        c->live++;
    return p;
}

static inline void *af_realloc(void *ctx, void *ptr, size_t size)
{
    af_counter *c = ctx;
    void *p;
    if (++c->calls == c->fail_at) {
        c->failed = 1;
        return NULL;
    }
    p = realloc(ptr, size ? size : 1);
    if (p && !ptr)
        c->live++;
    return p;
}

static inline void af_free(void *ctx, void *ptr)
{
    af_counter *c = ctx;
    if (ptr)
        c->live--;
    free(ptr);
}

/* An allocator over c, which must outlive every handle made with it. */
static inline ta_allocator af_allocator(af_counter *c)
{
    ta_allocator a = {af_malloc, af_realloc, af_free, c};
    return a;
}

/* Makes the n-th call from now fail (n = 0: none). */
static inline void af_fail_in(af_counter *c, size_t n)
{
    c->fail_at = n ? c->calls + n : 0;
    c->failed = 0;
}

#endif /* TA_TEST_ALLOC_FAIL_H */
