/*
 * Allocation through a handle's copy of the host allocator.
 *
 * Every byte the library owns goes through these wrappers, so they are where
 * the promises of alloc.h are kept once rather than at each call site:
 *
 *   - size arithmetic is overflow-checked here (count * size, doubling), so
 *     callers never multiply sizes themselves;
 *   - a request for 0 bytes asks the host for 1 byte, so a NULL result always
 *     means failure (C leaves malloc(0) implementation-defined);
 *   - tai_realloc(a, NULL, n) calls malloc_fn and a NULL pointer is never
 *     given to free_fn, so a host allocator only has to handle real blocks;
 *   - on failure nothing is freed: the caller's pointer stays valid, which is
 *     what lets every ENOMEM path leave its handle as it was.
 */
#include "alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Smallest capacity tai_grow allocates, to avoid a run of tiny reallocations. */
#define TAI_GROW_MIN 8

static void *std_malloc(void *ctx, size_t size)
{
    (void)ctx;
    return malloc(size);
}

static void *std_realloc(void *ctx, void *ptr, size_t size)
{
    (void)ctx;
    return realloc(ptr, size);
}

static void std_free(void *ctx, void *ptr)
{
    (void)ctx;
    free(ptr);
}

ta_status tai_alloc_init(ta_allocator *dst, const ta_allocator *src)
{
    if (dst == NULL)
        return TA_EINVAL;
    if (src == NULL) {
        dst->malloc_fn = std_malloc;
        dst->realloc_fn = std_realloc;
        dst->free_fn = std_free;
        dst->ctx = NULL;
        return TA_OK;
    }
    if (src->malloc_fn == NULL || src->realloc_fn == NULL || src->free_fn == NULL)
        return TA_EINVAL;
    *dst = *src;
    return TA_OK;
}

void *tai_malloc(const ta_allocator *a, size_t size)
{
    return a->malloc_fn(a->ctx, size == 0 ? 1 : size);
}

void *tai_calloc(const ta_allocator *a, size_t count, size_t size)
{
    void *p;

    if (size != 0 && count > SIZE_MAX / size)
        return NULL;
    p = tai_malloc(a, count * size);
    if (p != NULL)
        memset(p, 0, count * size);
    return p;
}

void *tai_realloc(const ta_allocator *a, void *ptr, size_t size)
{
    if (ptr == NULL)
        return tai_malloc(a, size);
    return a->realloc_fn(a->ctx, ptr, size == 0 ? 1 : size);
}

void *tai_reallocarray(const ta_allocator *a, void *ptr, size_t count, size_t size)
{
    if (size != 0 && count > SIZE_MAX / size)
        return NULL;
    return tai_realloc(a, ptr, count * size);
}

void tai_free(const ta_allocator *a, void *ptr)
{
    if (ptr != NULL)
        a->free_fn(a->ctx, ptr);
}

char *tai_strdup(const ta_allocator *a, const char *s)
{
    if (s == NULL)
        return NULL;
    return tai_strndup(a, s, strlen(s));
}

/* Copies at most len bytes of s, stopping at a NUL (as POSIX strndup does). */
char *tai_strndup(const ta_allocator *a, const char *s, size_t len)
{
    char *copy;

    if (s == NULL)
        return NULL;
    len = strnlen(s, len);
    if (len == SIZE_MAX)
        return NULL;
    copy = tai_malloc(a, len + 1);
    if (copy == NULL)
        return NULL;
    memcpy(copy, s, len);
    copy[len] = '\0';
    return copy;
}

ta_status tai_grow(const ta_allocator *a, void **array, size_t *capacity, size_t needed,
                   size_t elem_size)
{
    size_t cap = *capacity;
    void *p;

    if (needed <= cap)
        return TA_OK;
    if (cap < TAI_GROW_MIN)
        cap = TAI_GROW_MIN;
    while (cap < needed)
        cap = cap > SIZE_MAX / 2 ? needed : cap * 2;
    p = tai_reallocarray(a, *array, cap, elem_size);
    if (p == NULL)
        return TA_ENOMEM;
    *array = p;
    *capacity = cap;
    return TA_OK;
}
