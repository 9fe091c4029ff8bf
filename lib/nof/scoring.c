/*
 * Metric scores: from raw values (or supplied ranks) to 1.00 .. 4.00.
 *
 * A supplied score always wins. Otherwise each metric's rule applies:
 *   rank             1 + 3 (rank - 1) / (n - 1); rank 1 is the best value in
 *                    the metric's direction, tied values share the best rank
 *                    of their tie, n = trusts of the assessment with a value
 *                    (a supplied rank and pool size replace both);
 *   standard_capped  as rank, but a value worse than the standard scores 4;
 *   banded           band k (1-based) of the cut points scores k;
 *   combined         a table lookup on two other metrics' whole scores.
 * Rank scaling sorts each metric's values once: O(n log n) per metric, so
 * national tables and a million synthetic trusts take the same code path.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "assessment_internal.h"
#include "common/alloc.h"
#include "common/number.h"

typedef struct ranked {
    double value;
    size_t trust;
} ranked;

static int ascending(const void *pa, const void *pb)
{
    const ranked *a = pa, *b = pb;
    if (a->value != b->value)
        return a->value < b->value ? -1 : 1;
    return a->trust < b->trust ? -1 : a->trust > b->trust;
}

double tai_rank_score(size_t better, size_t n)
{
    return n <= 1 ? 1.0 : 1.0 + 3.0 * (double)better / (double)(n - 1);
}

int tai_misses_standard(ta_direction direction, double standard, double value)
{
    return direction == TA_HIGHER_IS_BETTER ? value < standard : value > standard;
}

double tai_band_score(const double *cuts, size_t n_cuts, ta_direction direction, double value)
{
    size_t k = 0;
    while (k < n_cuts && (direction == TA_HIGHER_IS_BETTER ? value < cuts[k] : value > cuts[k]))
        k++;
    return (double)(k + 1);
}

/* Rank-scales metric m across the trusts that have a value. */
static ta_status score_by_rank(ta_assessment *a, size_t m, double *scores, ranked *buf)
{
    const tai_metric *metric = &a->fw->def.metrics[m];
    size_t n = 0, nm = a->n_metrics;
    for (size_t t = 0; t < a->n_trusts; t++) {
        double v = a->values[t * nm + m];
        if (!isnan(v)) {
            buf[n].value = metric->direction == TA_HIGHER_IS_BETTER ? -v : v;
            buf[n].trust = t;
            n++;
        }
    }
    qsort(buf, n, sizeof *buf, ascending);
    for (size_t i = 0, first = 0; i < n; i++) {
        size_t t = buf[i].trust;
        double *out = &scores[t * nm + m];
        if (i > 0 && buf[i].value != buf[i - 1].value)
            first = i;
        if (!isnan(*out))
            continue; /* supplied */
        if (metric->scoring == TA_SCORING_STANDARD_CAPPED &&
            tai_misses_standard(metric->direction, metric->standard, a->values[t * nm + m]))
            *out = 4.0;
        else
            *out = tai_rank_score(first, n);
    }
    return TA_OK;
}

/* 1..4 if x is a whole score, else 0. */
static int whole_score(double x)
{
    if (isnan(x) || x != floor(x) || x < 1 || x > 4)
        return 0;
    return (int)x;
}

static ta_status score_combined(ta_assessment *a, size_t m, double *scores)
{
    const tai_metric *metric = &a->fw->def.metrics[m];
    size_t nm = a->n_metrics;
    for (size_t t = 0; t < a->n_trusts; t++) {
        double *out = &scores[t * nm + m];
        double s1 = scores[t * nm + metric->combo_first_index];
        double s2 = scores[t * nm + metric->combo_second_index];
        int w1 = whole_score(s1), w2 = whole_score(s2);
        if (!isnan(*out) || (isnan(s1) && isnan(s2)))
            continue;
        if (w1 && w2 && metric->combo_table[4 * (w1 - 1) + (w2 - 1)] != 0) {
            *out = metric->combo_table[4 * (w1 - 1) + (w2 - 1)];
        } else {
            char note[TAI_ERROR_SIZE];
            tai_error e;
            tai_error_set(&e, TA_OK, "trust %s: %s not scored: no table entry for %s = %d and "
                          "%s = %d", a->trusts[t].code, metric->id, metric->combo_first, w1,
                          metric->combo_second, w2);
            memcpy(note, e.msg, sizeof note);
            if (tai_notes_add(&a->notes, note) != TA_OK)
                return TA_ENOMEM;
        }
    }
    return TA_OK;
}

ta_status tai_score_metrics(ta_assessment *a, double *scores)
{
    const tai_framework_def *def = &a->fw->def;
    size_t nm = a->n_metrics, cells = a->n_trusts * nm;
    ranked *buf;
    ta_status st = TA_OK;
    if (cells > 0) /* an empty assessment has no input arrays at all */
        memcpy(scores, a->supplied, cells * sizeof *scores);
    for (size_t r = 0; r < a->n_ranks; r++) {
        const tai_rank_input *in = &a->ranks[r];
        double *out = &scores[in->trust * nm + in->metric];
        if (isnan(*out))
            *out = tai_rank_score(in->rank - 1, in->pool);
    }
    if (a->scores_only)
        return TA_OK;
    buf = tai_calloc(&a->alloc, a->n_trusts ? a->n_trusts : 1, sizeof *buf);
    if (!buf)
        return TA_ENOMEM;
    for (size_t m = 0; m < nm && st == TA_OK; m++) {
        const tai_metric *metric = &def->metrics[m];
        if (metric->scoring == TA_SCORING_RANK || metric->scoring == TA_SCORING_STANDARD_CAPPED) {
            st = score_by_rank(a, m, scores, buf);
        } else if (metric->scoring == TA_SCORING_BANDED) {
            for (size_t t = 0; t < a->n_trusts; t++) {
                double v = a->values[t * nm + m];
                if (isnan(scores[t * nm + m]) && !isnan(v))
                    scores[t * nm + m] = tai_band_score(metric->cuts, metric->n_cuts,
                                                        metric->direction, v);
            }
        }
    }
    tai_free(&a->alloc, buf);
    /* Combinations last: their components are scored by now. */
    for (size_t m = 0; m < nm && st == TA_OK; m++)
        if (def->metrics[m].scoring == TA_SCORING_COMBINED)
            st = score_combined(a, m, scores);
    return st;
}
