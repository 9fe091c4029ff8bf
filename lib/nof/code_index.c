/*
 * The index of an assessment's trust codes: code -> row.
 *
 * Every row already holds its code (tai_trust_row.code, inline), so the index
 * stores only row numbers and hashes, never a copy of a key: a general
 * tai_strmap copies each key into its own allocation, which for an
 * assessment was one malloc and one free per trust (twice for bulk input,
 * which stages new codes in a second map) and most of what building a
 * national table cost. Open addressing with linear probing, a power-of-two
 * capacity at most 70% full, FNV-1a (no seed, no global state). Room is
 * reserved before rows are inserted, so an insert cannot fail and a failed
 * bulk call never has codes to take back. There is no removal: rows are
 * never deleted from an assessment.
 */
#include <stdint.h>
#include <string.h>

#include "assessment_internal.h"
#include "common/alloc.h"

size_t tai_code_hash(const char *code)
{
    uint64_t h = UINT64_C(14695981039346656037);
    for (; *code; code++) {
        h ^= (unsigned char)*code;
        h *= UINT64_C(1099511628211);
    }
    return (size_t)h;
}

void tai_code_index_init(tai_code_index *x, const ta_allocator *alloc)
{
    x->alloc = alloc;
    x->slots = NULL;
    x->cap = 0;
}

void tai_code_index_free(tai_code_index *x)
{
    tai_free(x->alloc, x->slots);
    x->slots = NULL;
    x->cap = 0;
}

int tai_code_index_find(const tai_code_index *x, const tai_trust_row *rows, const char *code,
                        size_t hash, size_t *row)
{
    size_t mask = x->cap - 1;
    if (x->cap == 0)
        return 0;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        const tai_code_slot *s = &x->slots[i];
        if (s->row_plus1 == 0)
            return 0;
        if (s->hash == hash && strcmp(rows[s->row_plus1 - 1].code, code) == 0) {
            *row = s->row_plus1 - 1;
            return 1;
        }
    }
}

/* Places (hash, row) in the first free slot of its probe run; room exists. */
static void place(tai_code_slot *slots, size_t cap, size_t hash, size_t row_plus1)
{
    size_t i = hash & (cap - 1);
    while (slots[i].row_plus1 != 0)
        i = (i + 1) & (cap - 1);
    slots[i].hash = hash;
    slots[i].row_plus1 = row_plus1;
}

ta_status tai_code_index_reserve(tai_code_index *x, size_t count)
{
    size_t cap = x->cap ? x->cap : 16;
    tai_code_slot *slots;
    while (count > cap / 10 * 7) {
        if (cap > SIZE_MAX / 2 / sizeof *slots)
            return TA_ENOMEM;
        cap *= 2;
    }
    if (cap == x->cap)
        return TA_OK;
    if (!(slots = tai_calloc(x->alloc, cap, sizeof *slots)))
        return TA_ENOMEM;
    for (size_t i = 0; i < x->cap; i++)
        if (x->slots[i].row_plus1 != 0)
            place(slots, cap, x->slots[i].hash, x->slots[i].row_plus1);
    tai_free(x->alloc, x->slots);
    x->slots = slots;
    x->cap = cap;
    return TA_OK;
}

void tai_code_index_insert(tai_code_index *x, size_t hash, size_t row)
{
    place(x->slots, x->cap, hash, row + 1);
}
