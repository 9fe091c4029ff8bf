/*
 * The notes a run records (tai_notes: a growing list of owned sentences).
 *
 * In a file of its own because the steps that write notes (scoring.c,
 * reconstruct.c) and the handle that clears them (assessment.c) must not use
 * each other: each uses this file instead.
 */
#include "assessment_internal.h"

#include "common/alloc.h"

ta_status tai_notes_add(tai_notes *notes, const char *text)
{
    char *copy;
    if (tai_grow(notes->alloc, (void **)&notes->items, &notes->cap, notes->count + 1,
                 sizeof *notes->items) != TA_OK)
        return TA_ENOMEM;
    if (!(copy = tai_strdup(notes->alloc, text)))
        return TA_ENOMEM;
    notes->items[notes->count++] = copy;
    return TA_OK;
}

void tai_notes_clear(tai_notes *notes)
{
    for (size_t i = 0; i < notes->count; i++)
        tai_free(notes->alloc, notes->items[i]);
    notes->count = 0;
}
