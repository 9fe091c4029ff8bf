/*
 * Internal: allocation through a handle's allocator.
 *
 * Every handle copies the host's ta_allocator (or the C library's) at creation
 * and allocates only through these wrappers, so a host can account for, limit
 * or fail allocations per handle (the allocation-failure tests rely on it).
 * Size arithmetic is checked here once, so callers never multiply sizes.
 */
#ifndef TAI_ALLOC_H
#define TAI_ALLOC_H

#include "trustassess/common.h"

/* Copies *src into *dst, or the C library's functions when src is NULL.
 * TA_EINVAL if src has a NULL function. */
ta_status tai_alloc_init(ta_allocator *dst, const ta_allocator *src);

/* A size of 0 is taken as 1 (here, in tai_calloc, tai_realloc and tai_reallocarray): an empty
 * array is still a block that NULL means could not be allocated. */
void *tai_malloc(const ta_allocator *a, size_t size);
/* Zeroed count * size bytes; NULL on overflow. */
void *tai_calloc(const ta_allocator *a, size_t count, size_t size);
void *tai_realloc(const ta_allocator *a, void *ptr, size_t size);
/* realloc to count * size bytes; NULL (ptr untouched) on overflow. */
void *tai_reallocarray(const ta_allocator *a, void *ptr, size_t count, size_t size);
void tai_free(const ta_allocator *a, void *ptr);
/* A copy of s (NULL on failure or when s is NULL). */
char *tai_strdup(const ta_allocator *a, const char *s);
char *tai_strndup(const ta_allocator *a, const char *s, size_t len);

/* Grows *array (of *capacity elements of elem_size) to hold at least `needed`
 * elements, doubling. TA_ENOMEM leaves the array as it was. */
ta_status tai_grow(const ta_allocator *a, void **array, size_t *capacity, size_t needed,
                   size_t elem_size);

#endif /* TAI_ALLOC_H */
