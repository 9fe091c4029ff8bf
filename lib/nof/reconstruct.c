/*
 * Reconstruction: the unrounded metric scores NHS England averaged, from the
 * 2-decimal scores it published and each metric's comparison pool.
 *
 * NHS England averages unrounded scores and publishes them at 2 decimals. A
 * rank-scored metric's score is lo + (hi - lo) k / (n - 1) between its
 * bookends (1.00-4.00; 2.00-4.00 with a standard; 1.00-3.00 with a floor),
 * k the trusts strictly better, n the trusts ranked together. When the step
 * (hi - lo) / (n - 1) exceeds the last decimal's unit, at most one k rounds to
 * a published score s, so s and n fix k and the exact score. This runs on
 * given (published) scores before anything is computed from them, so that
 * averages, domain scores, segments and ranks come from the same numbers NHS
 * England used; a trust whose score fixes no rank keeps its published score,
 * and the run says so in a note.
 *
 * The pool size is framework data per metric and period. For a period the
 * framework has none for, a metric that has pool sizes elsewhere gets the
 * smallest n (at least the trusts it scores between the bookends) that fits
 * every given score of the period, and a note says it was inferred. A metric
 * without any pool size is left as given: its pool is the assessment's own
 * trusts, and a published score is then exact or it is not ours to repair.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "assessment_internal.h"
#include "common/number.h"

/* Records a note (TA_ENOMEM or TA_OK). Numbers reach it as text
 * (tai_format_fixed: locale-independent) or as unsigned integers. */
static ta_status add_note(ta_assessment *a, const char *text)
{
    return tai_notes_add(&a->notes, text);
}

/* Whether s is a bookend-fixed score (a floor's 4.00, a standard's 1.00)
 * rather than one spread between the bookends. */
static int fixed_score(ta_scoring scoring, double s)
{
    return (scoring == TA_SCORING_FLOOR && s > 3.0 + 1e-9) ||
           (scoring == TA_SCORING_STANDARD && s < 2.0 - 1e-9);
}

/* A metric's bookends and pool, prepared once for all its trusts. */
typedef struct bookend_pool {
    ta_scoring scoring;
    double lo, hi, n1, inv, scale;
    int64_t n1i, scale_i, lo_i, width_i;
} bookend_pool;

static void spread_init(bookend_pool *sp, ta_scoring scoring, unsigned n, int decimals)
{
    static const int64_t scales[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
    sp->scoring = scoring;
    tai_bookends(scoring, &sp->lo, &sp->hi);
    sp->n1i = (int64_t)n - 1;
    sp->n1 = (double)sp->n1i;
    sp->inv = sp->n1 / (sp->hi - sp->lo);
    sp->scale_i = scales[decimals];
    sp->scale = (double)sp->scale_i;
    sp->lo_i = (int64_t)sp->lo;
    sp->width_i = (int64_t)(sp->hi - sp->lo);
}

/* nearbyint(y) for |y| < 2^51 without the library call (as in average.c). */
static double round_integer(double y)
{
    const double magic = 6755399441055744.0; /* 1.5 x 2^52 */
    return (y + magic) - magic;
}

/* The exact score between the bookends that rounds to s in the pool, or NAN
 * when no rank gives s. The test is in integers: with S = s x 10^d and whole
 * bookends lo, hi, the score lo + (hi - lo) k / (n - 1) rounds half up to s
 * exactly when 2 x 10^d (lo (n - 1) + (hi - lo) k) lies in
 * [(2S - 1)(n - 1), (2S + 1)(n - 1)), an empty range for a pool of 1
 * (which so fits no score). The score itself is computed as
 * tai_bookend_score computes it, so a reconstructed score and one ranked
 * from raw values are the same double. This runs on every given score of
 * every run, hence no library calls. s is a spread score: given scores are
 * 1 .. 4 (checked where they are given) and fixed_score has taken those
 * outside the bookends, so s lies within 1e-9 of [lo, hi] and k within
 * [0, n - 1] (a -0 at lo). */
static double exact_score(const bookend_pool *sp, double s)
{
    double big, k;
    int64_t units, v, kk;
    big = round_integer(s * sp->scale);
    if (fabs(s * sp->scale - big) > 1e-6)
        return NAN; /* not a number of the published decimals */
    units = (int64_t)big;
    k = round_integer((s - sp->lo) * sp->inv);
    kk = (int64_t)k;
    v = 2 * sp->scale_i * (sp->lo_i * sp->n1i + sp->width_i * kk);
    if (v < (2 * units - 1) * sp->n1i || v >= (2 * units + 1) * sp->n1i)
        return NAN;
    return sp->lo + (sp->hi - sp->lo) * k / sp->n1;
}

/* The largest pool whose score step still exceeds the last decimal's unit. */
static unsigned largest_unique_pool(ta_scoring scoring, int decimals)
{
    double lo, hi, units;
    tai_bookends(scoring, &lo, &hi);
    units = (hi - lo) * pow(10.0, decimals); /* steps of one unit: n - 1 = units */
    return (unsigned)ceil(units - 1e-9);     /* n - 1 < units */
}

/* The smallest pool from `least` that fits every given spread score of
 * metric m, or 0. A pool of 1 fits no spread score (exact_score), so a
 * `least` of 1 first tries 2. */
static unsigned infer_pool(const ta_assessment *a, const double *scores, size_t m, unsigned least)
{
    const tai_metric *metric = &a->fw->def.metrics[m];
    unsigned top = largest_unique_pool(metric->scoring, a->fw->def.decimals);
    size_t nm = a->n_metrics;
    for (unsigned n = least; n <= top; n++) {
        int all = 1;
        bookend_pool sp;
        spread_init(&sp, metric->scoring, n, a->fw->def.decimals);
        for (size_t t = 0; all && t < a->n_trusts; t++) {
            double s = scores[t * nm + m];
            if (!isnan(s) && !fixed_score(metric->scoring, s) && isnan(exact_score(&sp, s)))
                all = 0;
        }
        if (all)
            return n;
    }
    return 0;
}

static ta_status reconstruct_metric(ta_assessment *a, double *scores, size_t m)
{
    const tai_metric *metric = &a->fw->def.metrics[m];
    int decimals = a->fw->def.decimals;
    size_t nm = a->n_metrics, spread = 0;
    unsigned n = tai_metric_pool(metric, a->period);
    ta_status st = TA_OK;
    bookend_pool sp;
    tai_error e;
    if (n == 0) {
        for (size_t t = 0; t < a->n_trusts; t++) {
            double s = scores[t * nm + m];
            spread += !isnan(s) && !fixed_score(metric->scoring, s);
        }
        if (spread == 0)
            return TA_OK;
        n = infer_pool(a, scores, m, (unsigned)spread);
        if (n == 0) {
            tai_error_set(&e, TA_OK,
                          "%s %s: no pool size in the framework for this period, and "
                          "none fits every published score: the published scores are used",
                          metric->id, a->period);
            return add_note(a, e.msg);
        }
        tai_error_set(&e, TA_OK,
                      "%s %s: pool size %u inferred: the smallest that fits every "
                      "published score (%zu trusts scored between the bookends)",
                      metric->id, a->period, n, spread);
        if ((st = add_note(a, e.msg)) != TA_OK)
            return st;
    }
    if (n > largest_unique_pool(metric->scoring, decimals)) {
        tai_error_set(&e, TA_OK,
                      "%s %s: in a pool of %u trusts a published score does not fix a "
                      "unique rank: the published scores are used",
                      metric->id, a->period, n);
        return add_note(a, e.msg);
    }
    spread_init(&sp, metric->scoring, n, decimals);
    for (size_t t = 0; st == TA_OK && t < a->n_trusts; t++) {
        double *s = &scores[t * nm + m], x;
        if (isnan(*s) || fixed_score(metric->scoring, *s))
            continue;
        x = exact_score(&sp, *s);
        if (isnan(x)) {
            char text[32];
            tai_format_fixed(text, sizeof text, *s, decimals);
            tai_error_set(&e, TA_OK,
                          "trust %s: %s %s: published score %s is no rank of a pool of "
                          "%u: the published score is used",
                          a->trusts[t].code, metric->id, a->period, text, n);
            st = add_note(a, e.msg);
        } else {
            *s = x;
        }
    }
    return st;
}

ta_status tai_reconstruct_scores(ta_assessment *a, double *scores)
{
    const tai_framework_def *def = &a->fw->def;
    ta_status st = TA_OK;
    if (a->no_reconstruct || !a->supplied)
        return TA_OK;
    for (size_t m = 0; st == TA_OK && m < def->n_metrics; m++)
        if (def->metrics[m].n_pools > 0 && tai_scoring_ranks(def->metrics[m].scoring))
            st = reconstruct_metric(a, scores, m);
    return st;
}
