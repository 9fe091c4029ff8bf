/*
 * An allocator for the published-file handle whose frees can be held back.
 *
 * Why: in libtrustassess 0.1.0, ta_verification_difference() hands back a
 * trust code that points into an assessment the verification has already
 * freed (lib/io/verify.c keeps ta_assessment_trust_code()'s pointer, and the
 * assessment, made with the file's allocator, is freed at the end of each
 * period). Reading it is a use after free. While a verification runs and its
 * results are copied into R, this allocator keeps such blocks alive; they are
 * freed right after (tar_deferred_flush). Once the library copies the code,
 * this costs nothing but a little memory for the length of one call.
 *
 * Each block carries a header with its size, so that a deferred realloc can
 * copy into a new block and hold the old one back too.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "glue.h"

typedef union block {
    struct {
        size_t size;
        union block *next; /* in the deferred list */
    } h;
    max_align_t align;
} block;

static void *d_malloc(void *ctx, size_t size)
{
    block *b;
    (void)ctx;
    if (size > (size_t)-1 - sizeof *b || !(b = malloc(sizeof *b + size)))
        return NULL;
    b->h.size = size;
    b->h.next = NULL;
    return b + 1;
}

static void d_free(void *ctx, void *ptr)
{
    tar_deferred *d = ctx;
    block *b;
    if (!ptr)
        return;
    b = (block *)ptr - 1;
    if (d->defer) {
        b->h.next = d->list;
        d->list = b;
    } else {
        free(b);
    }
}

static void *d_realloc(void *ctx, void *ptr, size_t size)
{
    tar_deferred *d = ctx;
    block *b, *nb;
    void *np;
    if (!ptr)
        return d_malloc(ctx, size);
    b = (block *)ptr - 1;
    if (!d->defer) {
        if (size > (size_t)-1 - sizeof *b || !(nb = realloc(b, sizeof *b + size)))
            return NULL;
        nb->h.size = size;
        return nb + 1;
    }
    if (!(np = d_malloc(ctx, size)))
        return NULL;
    memcpy(np, ptr, b->h.size < size ? b->h.size : size);
    d_free(ctx, ptr);
    return np;
}

void tar_deferred_init(tar_deferred *d, ta_allocator *alloc)
{
    d->defer = 0;
    d->list = NULL;
    alloc->malloc_fn = d_malloc;
    alloc->realloc_fn = d_realloc;
    alloc->free_fn = d_free;
    alloc->ctx = d;
}

void tar_deferred_flush(tar_deferred *d)
{
    block *b = d->list;
    d->defer = 0;
    d->list = NULL;
    while (b) {
        block *next = b->h.next;
        free(b);
        b = next;
    }
}
