/*
 * Assessments: the handle (made, freed, its error text).
 *
 * An assessment is used in three steps, each in its own file:
 *   assessment_input.c    trusts, columns, fields, flags and options in
 *   assessment_run.c      the order of the method's steps (one run)
 *   assessment_results.c  reading what the last run found
 * each step's rule lives in its own file (scoring.c, average.c, segment.c,
 * league.c). Inputs may change at any time: a change discards the last run's
 * results (tai_assessment_discard), so a result can never describe inputs
 * other than the current ones.
 */
#include "assessment_internal.h"

#include "common/alloc.h"

/* ---- the handle ------------------------------------------------------- */

ta_status ta_assessment_new(ta_assessment **out, const ta_framework *fw, const ta_allocator *alloc)
{
    ta_allocator al;
    ta_assessment *a;
    if (!out)
        return TA_EINVAL;
    *out = NULL;
    if (!fw || tai_alloc_init(&al, alloc) != TA_OK)
        return TA_EINVAL;
    if (!(a = tai_calloc(&al, 1, sizeof *a)))
        return TA_ENOMEM;
    a->alloc = al;
    a->fw = fw;
    a->n_metrics = fw->def.n_metrics;
    tai_code_index_init(&a->codes, &a->alloc);
    a->notes.alloc = &a->alloc;
    if (!(a->period = tai_strdup(&a->alloc, ""))) {
        ta_assessment_free(a);
        return TA_ENOMEM;
    }
    *out = a;
    return TA_OK;
}

void tai_assessment_discard(ta_assessment *a)
{
    tai_free(&a->alloc, a->scores);
    tai_free(&a->alloc, a->results);
    tai_free(&a->alloc, a->league);
    a->scores = NULL;
    a->results = NULL;
    a->league = NULL;
    a->has_run = 0;
    tai_free(&a->alloc, a->ranked);
    a->ranked = NULL;
    tai_notes_clear(&a->notes);
    tai_likely_free(a);
}

void ta_assessment_free(ta_assessment *a)
{
    ta_allocator al;
    if (!a)
        return;
    al = a->alloc;
    tai_assessment_discard(a);
    tai_free(&al, a->notes.items);
    while (a->texts) {
        tai_text_chunk *next = a->texts->next;
        tai_free(&al, a->texts);
        a->texts = next;
    }
    tai_free(&al, a->trusts);
    tai_free(&al, a->values);
    tai_free(&al, a->supplied);
    tai_free(&al, a->ranks);
    tai_free(&al, a->period);
    tai_code_index_free(&a->codes);
    tai_free(&al, a);
}

const char *ta_assessment_error(const ta_assessment *a)
{
    return a ? a->err.msg : "invalid argument: NULL assessment";
}
