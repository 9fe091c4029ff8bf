/*
 * What-if: how much one metric's score must improve for a trust to reach the
 * next better segment.
 *
 * The answer is searched, not solved: a closed form would restate the mean
 * and the rounding (exact hundredths, half up with a tolerance) and could
 * disagree with them by a step at a boundary. Instead the candidate decrease,
 * a whole number of rounding steps, is tried with the rules themselves
 * (tai_mean_scores on the trust's scores with the one score changed,
 * tai_round_half_up, tai_segment_of with the run's cut-offs). Lowering a
 * score never raises the mean, the rounding is monotone and so is the
 * segment, so "better segment reached" is monotone in the decrease and a
 * binary search over 1 .. (score - 1.00) / step finds the smallest: about
 * nine evaluations for a score of 4.00 at 2 decimals.
 *
 * The batch splits trusts over threads; each cell depends only on its trust's
 * row, so the result does not depend on the thread count.
 */
#define TA_EXPERIMENTAL /* the likely ranges and what-if (trustassess/analysis.h) */

#include <math.h>
#include <string.h>

#include "analysis_internal.h"
#include "assessment_internal.h"
#include "common/alloc.h"
#include "common/number.h"
#include "trustassess/analysis.h"

/* Whether trust t, with metric m's score lowered by `steps` rounding steps,
 * falls in a segment better than its unadjusted one. row is a scratch copy of
 * the trust's scores; it is restored before returning. */
static int reaches_better(const ta_assessment *a, size_t t, size_t m, double *row, double steps)
{
    const tai_framework_def *def = &a->fw->def;
    double original = row[m], mean, rounded;
    int segment;
    row[m] = original - steps / tai_framework_scale(def);
    tai_mean_scores(def, row, (size_t)-1, &mean);
    row[m] = original;
    rounded = tai_round_half_up(mean, def->decimals);
    segment = tai_segment_of(rounded, a->cutoffs, a->n_cutoffs, def->cutoff_rule);
    return segment < a->results[t].unadjusted;
}

/* The what-if answer for (t, m) with a scratch row of n_metrics doubles;
 * TA_ENOTFOUND when the question does not apply. */
static ta_status whatif_cell(const ta_assessment *a, size_t t, size_t m, double *row,
                             double *decrease)
{
    const tai_framework_def *def = &a->fw->def;
    const tai_result *r = &a->results[t];
    double scale = tai_framework_scale(def), score, lo, hi;
    /* A metric outside the average, or one the trust has no score for (so
     * also a trust with no score at all, or a given average): no answer. */
    score = a->scores[t * a->n_metrics + m];
    if (!def->metrics[m].in_average || isnan(score))
        return TA_ENOTFOUND;
    if (r->unadjusted <= 1) {
        *decrease = 0;
        return TA_OK;
    }
    memcpy(row, &a->scores[t * a->n_metrics], a->n_metrics * sizeof *row);
    /* The most the score can fall and stay at or above 1.00 (allowing the
     * 1e-9 by which a decimal read from text may miss its value). A score of
     * 1.00 gives 0 steps, which leave the segment as it is: never. */
    hi = floor((score - 1.0) * scale + 1e-9);
    if (!reaches_better(a, t, m, row, hi)) {
        *decrease = INFINITY;
        return TA_OK;
    }
    /* Invariant: hi reaches, lo does not. */
    lo = 0;
    while (hi - lo > 1) {
        double mid = floor((lo + hi) / 2);
        if (reaches_better(a, t, m, row, mid))
            hi = mid;
        else
            lo = mid;
    }
    *decrease = hi / scale;
    return TA_OK;
}

ta_status ta_assessment_whatif_score(double *decrease, const ta_assessment *a, size_t i, size_t m)
{
    double *row;
    ta_status st;
    if (!a || !decrease || i >= a->n_trusts || m >= a->n_metrics)
        return TA_EINVAL;
    if (!a->has_run)
        return TA_ESTATE;
    if (!(row = tai_calloc(&a->alloc, a->n_metrics, sizeof *row)))
        return TA_ENOMEM;
    st = whatif_cell(a, i, m, row, decrease);
    tai_free(&a->alloc, row);
    return st;
}

typedef struct batch {
    const ta_assessment *a;
    double *out;
    double **rows; /* one scratch row per worker */
} batch;

static ta_status batch_trusts(void *ctx, unsigned worker, size_t begin, size_t end)
{
    const batch *b = ctx;
    size_t nm = b->a->n_metrics;
    for (size_t t = begin; t < end; t++)
        for (size_t m = 0; m < nm; m++) {
            double *cell = &b->out[t * nm + m];
            if (whatif_cell(b->a, t, m, b->rows[worker], cell) != TA_OK)
                *cell = NAN;
        }
    return TA_OK;
}

ta_status ta_assessment_whatif_batch(double *out, size_t n_out, const ta_assessment *a,
                                     unsigned threads)
{
    batch b;
    unsigned workers;
    ta_status st = TA_OK;
    if (!a || !out || threads > TAI_MAX_THREADS)
        return TA_EINVAL;
    if (!a->has_run)
        return TA_ESTATE;
    if (a->n_metrics && a->n_trusts > n_out / a->n_metrics)
        return TA_EINVAL;
    workers = tai_parallel_workers(a->n_trusts, threads);
    b.a = a;
    b.out = out;
    if (!(b.rows = tai_calloc(&a->alloc, workers, sizeof *b.rows)))
        return TA_ENOMEM;
    for (unsigned w = 0; w < workers && st == TA_OK; w++)
        if (!(b.rows[w] = tai_calloc(&a->alloc, a->n_metrics, sizeof **b.rows)))
            st = TA_ENOMEM;
    if (st == TA_OK)
        st = tai_parallel_for(a->n_trusts, threads, batch_trusts, &b);
    for (unsigned w = 0; w < workers; w++)
        tai_free(&a->alloc, b.rows[w]);
    tai_free(&a->alloc, b.rows);
    return st;
}
