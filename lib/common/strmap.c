/*
 * A map from byte strings to indexes: open addressing with linear probing.
 *
 * The library maps identifiers (trust codes, metric IDs, period labels) to
 * positions in its own arrays, looked up once per input row. Removal exists
 * only to undo a failed multi-key insert, and shifts the following run back
 * (linear probing's deletion), so there are no tombstones. One array of slots keeps probing
 * cache-friendly; the capacity is a power of two so a probe is a mask, and the
 * table doubles before it is 70% full so probe runs stay short. FNV-1a is
 * simple, has no seed (no global state) and spreads short ASCII keys well
 * enough; each slot keeps its hash so growing never rehashes a key and most
 * mismatches are rejected without touching the key bytes. Keys are copied
 * with their length, so they may contain any bytes, NUL included.
 */
#include "strmap.h"

#include <stdint.h>
#include <string.h>

#include "alloc.h"

#define TAI_STRMAP_MIN_CAP 16

static size_t fnv1a(const char *key, size_t len)
{
    uint64_t h = UINT64_C(14695981039346656037);
    size_t i;

    for (i = 0; i < len; i++) {
        h ^= (unsigned char)key[i];
        h *= UINT64_C(1099511628211);
    }
    return (size_t)h;
}

void tai_strmap_init(tai_strmap *m, const ta_allocator *alloc)
{
    m->alloc = alloc;
    m->slots = NULL;
    m->cap = 0;
    m->count = 0;
}

/* The slot holding key, or the empty slot where it would go. cap must be > 0.
 * key may be NULL only with len 0; memcmp is then given "" (never NULL). */
static tai_strmap_slot *find_slot(const tai_strmap *m, const char *key, size_t len, size_t hash)
{
    size_t mask = m->cap - 1;
    size_t i = hash & mask;

    for (;;) {
        tai_strmap_slot *s = &m->slots[i];
        if (s->key == NULL ||
            (s->hash == hash && s->len == len && memcmp(s->key, key ? key : "", len) == 0))
            return s;
        i = (i + 1) & mask;
    }
}

int tai_strmap_get(const tai_strmap *m, const char *key, size_t len, size_t *value)
{
    const tai_strmap_slot *s;

    if (m->cap == 0 || (key == NULL && len != 0))
        return 0;
    s = find_slot(m, key, len, fnv1a(key, len));
    if (s->key == NULL)
        return 0;
    if (value != NULL)
        *value = s->value;
    return 1;
}

/* Doubles the table (or creates it); on failure the map is unchanged. */
static ta_status grow(tai_strmap *m)
{
    tai_strmap old = *m;
    size_t i;

    if (m->cap > SIZE_MAX / 2)
        return TA_ENOMEM;
    m->cap = m->cap == 0 ? TAI_STRMAP_MIN_CAP : m->cap * 2;
    m->slots = tai_calloc(m->alloc, m->cap, sizeof *m->slots);
    if (m->slots == NULL) {
        *m = old;
        return TA_ENOMEM;
    }
    for (i = 0; i < old.cap; i++)
        if (old.slots[i].key != NULL)
            *find_slot(m, old.slots[i].key, old.slots[i].len, old.slots[i].hash) = old.slots[i];
    tai_free(m->alloc, old.slots);
    return TA_OK;
}

ta_status tai_strmap_put(tai_strmap *m, const char *key, size_t len, size_t value, int *existed,
                         size_t *value_out)
{
    size_t hash;
    tai_strmap_slot *s;
    char *copy;

    if (key == NULL && len != 0)
        return TA_EINVAL;
    hash = fnv1a(key, len);
    if (m->cap != 0) {
        s = find_slot(m, key, len, hash);
        if (s->key != NULL) {
            if (existed != NULL)
                *existed = 1;
            if (value_out != NULL)
                *value_out = s->value;
            return TA_OK;
        }
    }
    /* Grow first so that at most 70% of the slots are in use after the insert. */
    if ((m->count + 1) * 10 > m->cap * 7 && grow(m) != TA_OK)
        return TA_ENOMEM;
    copy = tai_malloc(m->alloc, len + 1);
    if (copy == NULL)
        return TA_ENOMEM;
    if (len != 0)
        memcpy(copy, key, len);
    copy[len] = '\0';
    s = find_slot(m, key, len, hash);
    s->key = copy;
    s->len = len;
    s->value = value;
    s->hash = hash;
    m->count++;
    if (existed != NULL)
        *existed = 0;
    if (value_out != NULL)
        *value_out = value;
    return TA_OK;
}

int tai_strmap_remove(tai_strmap *m, const char *key, size_t len)
{
    size_t mask, i, j;
    tai_strmap_slot *s;

    if (m->cap == 0 || (key == NULL && len != 0))
        return 0;
    s = find_slot(m, key, len, fnv1a(key, len));
    if (s->key == NULL)
        return 0;
    tai_free(m->alloc, s->key);
    mask = m->cap - 1;
    i = j = (size_t)(s - m->slots);
    /* Move back every later key of the run whose home slot is not in (i, j]. */
    for (;;) {
        size_t home;
        j = (j + 1) & mask;
        if (m->slots[j].key == NULL)
            break;
        home = m->slots[j].hash & mask;
        if (i <= j ? (i < home && home <= j) : (i < home || home <= j))
            continue;
        m->slots[i] = m->slots[j];
        i = j;
    }
    m->slots[i].key = NULL;
    m->count--;
    return 1;
}

void tai_strmap_free(tai_strmap *m)
{
    size_t i;

    if (m == NULL)
        return;
    for (i = 0; i < m->cap; i++)
        tai_free(m->alloc, m->slots[i].key);
    tai_free(m->alloc, m->slots);
    tai_strmap_init(m, m->alloc); /* empty and usable again */
}
