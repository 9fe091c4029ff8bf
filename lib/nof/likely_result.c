/*
 * Likely ranges kept with an assessment: freed with its results, read by
 * ta_assessment_likely_average_range and _rank_range.
 *
 * Apart from the bootstrap (likely_range.c), which runs assessments: the
 * handle frees what the bootstrap stored without depending on the run, so
 * no two files use each other.
 */
#define TA_EXPERIMENTAL /* the likely ranges (trustassess/analysis.h) */

#include "assessment_internal.h"

#include "common/alloc.h"
#include "framework_internal.h"
#include "trustassess/analysis.h"

void tai_likely_free(ta_assessment *a)
{
    struct tai_likely *l = a->likely;
    if (!l)
        return;
    tai_free(&a->alloc, l->avg_lo);
    tai_free(&a->alloc, l->avg_hi);
    tai_free(&a->alloc, l->rank_lo);
    tai_free(&a->alloc, l->rank_hi);
    tai_free(&a->alloc, l->has);
    tai_free(&a->alloc, l);
    a->likely = NULL;
}

/* Trust i's stored ranges, or a status. */
static ta_status likely_of(const ta_assessment *a, size_t i, const struct tai_likely **l)
{
    if (!a || i >= a->n_trusts)
        return TA_EINVAL;
    if (!a->has_run || !a->likely)
        return TA_ESTATE;
    if (!a->likely->has[i])
        return TA_ENOTFOUND;
    *l = a->likely;
    return TA_OK;
}

ta_status ta_assessment_likely_average_range(double *lo, double *hi, const ta_assessment *a,
                                             size_t i)
{
    const struct tai_likely *l;
    double scale;
    ta_status st;
    if (!lo || !hi)
        return TA_EINVAL;
    if ((st = likely_of(a, i, &l)) != TA_OK)
        return st;
    /* key / 10^d is the correctly rounded double of the decimal, as the
     * rounded average itself is. */
    scale = tai_framework_scale(&a->fw->def);
    *lo = (double)l->avg_lo[i] / scale;
    *hi = (double)l->avg_hi[i] / scale;
    return TA_OK;
}

ta_status ta_assessment_likely_rank_range(uint32_t *lo, uint32_t *hi, const ta_assessment *a,
                                          size_t i)
{
    const struct tai_likely *l;
    ta_status st;
    if (!lo || !hi)
        return TA_EINVAL;
    if ((st = likely_of(a, i, &l)) != TA_OK)
        return st;
    *lo = l->rank_lo[i];
    *hi = l->rank_hi[i];
    return TA_OK;
}
