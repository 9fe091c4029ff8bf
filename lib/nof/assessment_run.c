/*
 * Assessments: the run. This file owns the order of the method's steps
 * (scores, averages, cut-offs, segments, ranks); each step's rule lives in
 * its own file (scoring.c, average.c, segment.c, league.c). A run fills the
 * results in full or not at all: on failure the results are discarded.
 */
#include "assessment_internal.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "common/alloc.h"
#include "common/number.h"

/* Step 2: averages (unrounded, rounded, exact key). */
static void average_all(ta_assessment *a)
{
    const tai_framework_def *def = &a->fw->def;
    double scale = tai_framework_scale(def);
    for (size_t t = 0; t < a->n_trusts; t++) {
        tai_result *r = &a->results[t];
        double mean;
        r->n_scores =
            (uint32_t)tai_mean_scores(def, &a->scores[t * a->n_metrics], (size_t)-1, &mean);
        r->given = r->n_scores == 0 && !isnan(a->trusts[t].given_average);
        if (r->given)
            mean = a->trusts[t].given_average;
        else if (r->n_scores == 0)
            continue;
        r->average = mean;
        r->rounded = tai_round_half_up(mean, def->decimals);
        r->key = (int64_t)nearbyint(r->rounded * scale);
    }
}

/* The cut-offs of this run: the assessment's, the framework's, or quantiles
 * of the rounded averages of every segmented trust. */
static ta_status find_cutoffs(ta_assessment *a)
{
    const tai_framework_def *def = &a->fw->def;
    double *population;
    size_t n = 0;
    ta_status st;
    a->n_cutoffs = def->n_cutoffs;
    if (a->n_cutoffs_set) {
        memcpy(a->cutoffs, a->cutoffs_set, a->n_cutoffs * sizeof *a->cutoffs);
        return TA_OK;
    }
    if (def->cutoffs_explicit) {
        memcpy(a->cutoffs, def->cutoffs, a->n_cutoffs * sizeof *a->cutoffs);
        return TA_OK;
    }
    population = tai_calloc(&a->alloc, a->n_trusts, sizeof *population);
    if (!population)
        return tai_error_set(&a->err, TA_ENOMEM, "out of memory");
    for (size_t t = 0; t < a->n_trusts; t++)
        if (tai_segmented(&a->results[t]))
            population[n++] = a->results[t].rounded;
    if (n > 0)
        st = tai_cutoffs_from_population(a->cutoffs, a->n_cutoffs, population, n, def->quantile);
    else
        a->n_cutoffs = 0, st = TA_OK; /* no population: no quantiles */
    tai_free(&a->alloc, population);
    /* Interpolation leaves binary noise (2.3299999...); a cut-off is a decimal. */
    for (size_t k = 0; n && k < a->n_cutoffs; k++)
        a->cutoffs[k] = tai_round_half_up(a->cutoffs[k], 6);
    return st;
}

/* Steps 3 and 4: segments, cap, RSP. */
static void segment_all(ta_assessment *a)
{
    const tai_framework_def *def = &a->fw->def;
    for (size_t t = 0; t < a->n_trusts; t++) {
        tai_result *r = &a->results[t];
        const tai_trust_row *row = &a->trusts[t];
        if (!tai_segmented(r)) {
            r->reason = TA_REASON_NONE;
            continue;
        }
        r->unadjusted = tai_segment_of(r->rounded, a->cutoffs, a->n_cutoffs, def->cutoff_rule);
        r->adjusted = tai_apply_deficit_cap(r->unadjusted, row->flags[TA_FLAG_FINANCIAL_DEFICIT],
                                            def->deficit_cap);
        r->final_segment =
            tai_apply_rsp(r->adjusted, row->flags[TA_FLAG_RECOVERY_SUPPORT], def->rsp_segment);
        if (row->flags[TA_FLAG_RECOVERY_SUPPORT] == TA_YES && def->rsp_segment > 0)
            r->reason = TA_REASON_RSP;
        else if (r->adjusted != r->unadjusted)
            r->reason = TA_REASON_DEFICIT_CAP;
        else
            r->reason = TA_REASON_CUTOFF;
    }
}

ta_status ta_assessment_run(ta_assessment *a)
{
    size_t cells;
    ta_status st;
    if (!a)
        return TA_EINVAL;
    if (a->has_run)
        return TA_OK;
    tai_assessment_discard(a);
    cells = a->n_trusts * a->n_metrics;
    /* scores is filled whole by tai_score_metrics and league up to n_league
     * by the ranking, so neither is zeroed first (at a million trusts that
     * is 170 MB written for nothing); results start zeroed. */
    a->scores = tai_reallocarray(&a->alloc, NULL, cells, sizeof *a->scores);
    a->results = tai_calloc(&a->alloc, a->n_trusts, sizeof *a->results);
    a->league = tai_reallocarray(&a->alloc, NULL, a->n_trusts, sizeof *a->league);
    if (!a->scores || !a->results || !a->league) {
        tai_assessment_discard(a);
        return tai_error_set(&a->err, TA_ENOMEM, "out of memory running the assessment");
    }
    st = tai_score_metrics(a, a->scores);
    if (st == TA_OK) {
        average_all(a);
        st = find_cutoffs(a);
    }
    if (st == TA_OK) {
        segment_all(a);
        st = tai_rank_league(a);
    }
    if (st != TA_OK) {
        tai_assessment_discard(a);
        return tai_error_set(&a->err, st, "out of memory running the assessment");
    }
    a->has_run = 1;
    tai_error_clear(&a->err);
    return TA_OK;
}
