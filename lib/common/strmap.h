/*
 * Internal: a map from byte strings to indexes (open addressing, FNV-1a).
 *
 * Trust codes, metric IDs and period labels are looked up once per CSV row
 * and per bulk-input row, so lookups are O(1). Keys are copied into the map.
 */
#ifndef TAI_STRMAP_H
#define TAI_STRMAP_H

#include <stddef.h>

#include "trustassess/common.h"

typedef struct tai_strmap_slot {
    char *key; /* NULL = empty */
    size_t len;
    size_t value;
    size_t hash;
} tai_strmap_slot;

typedef struct tai_strmap {
    const ta_allocator *alloc;
    tai_strmap_slot *slots;
    size_t cap; /* power of two, or 0 */
    size_t count;
} tai_strmap;

void tai_strmap_init(tai_strmap *m, const ta_allocator *alloc);
/* Looks key up; 1 and *value when found, else 0. */
int tai_strmap_get(const tai_strmap *m, const char *key, size_t len, size_t *value);
/* Inserts key -> value. *existed (if not NULL) is 1 when key was already
 * there (then nothing changes), else 0. Either way *value_out (if not NULL)
 * receives the value now stored under key. */
ta_status tai_strmap_put(tai_strmap *m, const char *key, size_t len, size_t value, int *existed,
                         size_t *value_out);
/* Removes key (1 if it was there). Never allocates, so it can undo puts. */
int tai_strmap_remove(tai_strmap *m, const char *key, size_t len);
void tai_strmap_free(tai_strmap *m);

#endif /* TAI_STRMAP_H */
