/*
 * Metric scores: from raw values (or supplied ranks) to 1.00 .. 4.00.
 *
 * A supplied score always wins. Otherwise each metric's rule applies:
 *   rank             1 + 3 (rank - 1) / (n - 1); rank 1 is the best value in
 *                    the metric's direction, tied values share the best rank
 *                    of their tie, n = trusts of the assessment with a value
 *                    (a supplied rank and pool size replace both);
 *   standard_capped  as rank, but a value worse than the standard scores 4;
 *   standard         the manual's bookends with a standard: meeting it scores
 *                    1, the others are ranked among themselves into 2 .. 4;
 *   floor            the bookends with a floor: failing it scores 4, the
 *                    others are ranked among themselves into 1 .. 3;
 *   banded           band k (1-based) of the cut points scores k;
 *   bracketed        bracket k of the cut points scores its own score;
 *   combined         a table lookup on two other metrics' whole scores.
 * Rank scaling sorts each metric's values once, by a radix sort of their
 * bits: O(n) per metric, so national tables and a million synthetic trusts
 * take the same code path.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "assessment_internal.h"
#include "common/alloc.h"
#include "common/number.h"

typedef struct ranked {
    uint64_t key; /* the value's bits, mapped so that unsigned order is numeric order */
    size_t trust;
} ranked;

/* Maps a double (not NaN; -0.0 taken as +0.0) to a key whose unsigned order
 * is the numeric order. */
static uint64_t order_key(double v)
{
    uint64_t u;
    v += 0.0; /* -0.0 becomes +0.0: equal values, equal keys */
    memcpy(&u, &v, sizeof u);
    return u >> 63 ? ~u : u | UINT64_C(0x8000000000000000);
}

/* Sorts buf[0..n-1] by key, stably, with tmp[n] as scratch. Up to 32 values
 * (or none, as when scores are given as scores): insertion sort; up to 1024:
 * merge sort; beyond: least significant digit radix sort, 8 bits a digit,
 * all eight histograms from one read, skipping digits that every key shares
 * (the high bytes of similar values). All three are stable, so equal values
 * stay in trust order: the order the former comparison sort (value, then
 * trust) gave, in O(n) per metric for large tables. */
static void insertion_by_key(ranked *buf, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        ranked x = buf[i];
        size_t j = i;
        for (; j > 0 && buf[j - 1].key > x.key; j--)
            buf[j] = buf[j - 1];
        buf[j] = x;
    }
}

static void merge_by_key(ranked *buf, ranked *tmp, size_t n)
{
    ranked *from = buf, *to = tmp;
    size_t width = 16;
    for (size_t lo = 0; lo < n; lo += width)
        insertion_by_key(buf + lo, n - lo < width ? n - lo : width);
    for (; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                to[k++] = from[j].key < from[i].key ? from[j++] : from[i++];
            while (i < mid)
                to[k++] = from[i++];
            while (j < hi)
                to[k++] = from[j++];
        }
        {
            ranked *swap = from;
            from = to;
            to = swap;
        }
    }
    if (from != buf)
        memcpy(buf, from, n * sizeof *buf);
}

static void sort_by_key(ranked *buf, ranked *tmp, size_t n)
{
    size_t count[8][256];
    ranked *from = buf, *to = tmp;
    if (n <= 32) {
        insertion_by_key(buf, n);
        return;
    }
    if (n <= 1024) {
        merge_by_key(buf, tmp, n);
        return;
    }
    memset(count, 0, sizeof count);
    for (size_t i = 0; i < n; i++)
        for (int d = 0; d < 8; d++)
            count[d][(buf[i].key >> (8 * d)) & 0xff]++;
    for (int d = 0; d < 8; d++) {
        size_t sum = 0;
        int skip = 0;
        for (size_t v = 0; v < 256; v++) {
            size_t c = count[d][v];
            if (c == n)
                skip = 1;
            count[d][v] = sum;
            sum += c;
        }
        if (skip)
            continue;
        for (size_t i = 0; i < n; i++)
            to[count[d][(from[i].key >> (8 * d)) & 0xff]++] = from[i];
        {
            ranked *swap = from;
            from = to;
            to = swap;
        }
    }
    if (from != buf)
        memcpy(buf, from, n * sizeof *buf);
}

/* One formula serves every rank rule; the plain rank rule's bookends are 1 and
 * 4 (tai_bookends). */
double tai_bookend_score(ta_scoring scoring, size_t better, size_t n)
{
    double lo, hi;
    tai_bookends(scoring, &lo, &hi);
    return n <= 1 ? lo : lo + (hi - lo) * (double)better / (double)(n - 1);
}

double tai_bracket_score(const tai_metric *m, double value)
{
    size_t k = 0;
    while (k < m->n_cuts &&
           (m->direction == TA_HIGHER_IS_BETTER ? value < m->cuts[k] : value > m->cuts[k]))
        k++;
    return m->bracket_scores[k];
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

/* Records that metric m was ranked within n trusts when the framework's pool
 * for the period is wider: a->ranked[m] and one note for the metric. */
static ta_status note_pool_gap(ta_assessment *a, size_t m, size_t n)
{
    const tai_metric *metric = &a->fw->def.metrics[m];
    unsigned pool = tai_metric_pool(metric, a->period);
    tai_error e;
    if (pool <= n)
        return TA_OK;
    if (!a->ranked && !(a->ranked = tai_calloc(&a->alloc, a->n_metrics, sizeof *a->ranked)))
        return TA_ENOMEM;
    a->ranked[m] = n;
    tai_error_set(&e, TA_OK,
                  "%s %s: ranked within the %zu trusts given, but NHS England ranks a "
                  "pool of %u: these scores are not the published ones",
                  metric->id, a->period, n, pool);
    return tai_notes_add(&a->notes, e.msg);
}

/* Rank-scales metric m across the trusts that have a value. Scores go first
 * to col[trust] (writes in rank order land at random trusts, and col is 8
 * bytes a trust, not a row of the score matrix), then into the matrix in
 * trust order, which the hardware prefetches. col[t] is NaN for no value;
 * a value the bookends score alone gets its bookend first (meeting a
 * standard 1, failing a floor 4: not ranked; failing a capped standard 4:
 * ranked with the others, but the 4 stays), every other one its rank score. */
static ta_status score_by_rank(ta_assessment *a, size_t m, double *scores, ranked *buf, ranked *tmp,
                               double *col)
{
    const tai_metric *metric = &a->fw->def.metrics[m];
    size_t n = 0, nm = a->n_metrics;
    ta_scoring scoring = metric->scoring;
    ta_status st;
    for (size_t t = 0; t < a->n_trusts; t++) {
        double v = a->values[t * nm + m];
        int misses = tai_misses_standard(metric->direction, metric->standard, v);
        col[t] = NAN;
        if (isnan(v))
            continue;
        if (misses && (scoring == TA_SCORING_FLOOR || scoring == TA_SCORING_STANDARD_CAPPED))
            col[t] = 4.0;
        else if (!misses && scoring == TA_SCORING_STANDARD)
            col[t] = 1.0;
        if (!isnan(col[t]) && scoring != TA_SCORING_STANDARD_CAPPED)
            continue;
        buf[n].key = order_key(metric->direction == TA_HIGHER_IS_BETTER ? -v : v);
        buf[n].trust = t;
        n++;
    }
    if (n == 1 && isnan(scores[buf[0].trust * nm + m])) {
        /* One trust has nothing to be ranked against: its best-rank score is
         * no comparison with peers, and the reader is told so. */
        char note[TAI_ERROR_SIZE];
        tai_error e;
        tai_error_set(&e, TA_OK,
                      "trust %s: %s ranked alone (the only trust with a value), so its score "
                      "compares it with no peer",
                      a->trusts[buf[0].trust].code, metric->id);
        memcpy(note, e.msg, sizeof note);
        if (tai_notes_add(&a->notes, note) != TA_OK)
            return TA_ENOMEM;
    }
    if (n > 0 && (st = note_pool_gap(a, m, n)) != TA_OK)
        return st;
    sort_by_key(buf, tmp, n);
    for (size_t i = 0, first = 0; i < n; i++) {
        if (i > 0 && buf[i].key != buf[i - 1].key)
            first = i;
        if (isnan(col[buf[i].trust]))
            col[buf[i].trust] = tai_bookend_score(scoring, first, n);
    }
    /* The score matrix's column: one stream through it instead of two (the
     * values matrix is as large, and each metric walked it twice). */
    for (size_t t = 0; t < a->n_trusts; t++) {
        double *out = &scores[t * nm + m];
        if (!isnan(col[t]) && isnan(*out)) /* a value, and no supplied score */
            *out = col[t];
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
            tai_error_set(&e, TA_OK,
                          "trust %s: %s not scored: no table entry for %s = %d and "
                          "%s = %d",
                          a->trusts[t].code, metric->id, metric->combo_first, w1,
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
    ranked *buf, *tmp;
    double *col;
    ta_status st = TA_OK;
    if (a->supplied) { /* made on first use: absent for input from values alone */
        memcpy(scores, a->supplied, cells * sizeof *scores);
    } else {
        for (size_t i = 0; i < cells; i++)
            scores[i] = NAN;
    }
    if ((st = tai_reconstruct_scores(a, scores)) != TA_OK)
        return st;
    for (size_t r = 0; r < a->n_ranks; r++) {
        const tai_rank_input *in = &a->ranks[r];
        double *out = &scores[in->trust * nm + in->metric];
        if (isnan(*out))
            *out = tai_bookend_score(def->metrics[in->metric].scoring, in->rank - 1, in->pool);
    }
    if (a->scores_only)
        return TA_OK;
    if (!a->values) /* made on first use: absent for input from scores alone */
        nm = 0;
    buf = tai_reallocarray(&a->alloc, NULL, a->n_trusts, sizeof *buf);
    tmp = tai_reallocarray(&a->alloc, NULL, a->n_trusts, sizeof *tmp);
    col = tai_reallocarray(&a->alloc, NULL, a->n_trusts, sizeof *col);
    if (!buf || !tmp || !col) {
        tai_free(&a->alloc, buf);
        tai_free(&a->alloc, tmp);
        tai_free(&a->alloc, col);
        return TA_ENOMEM;
    }
    for (size_t m = 0; m < nm && st == TA_OK; m++) {
        const tai_metric *metric = &def->metrics[m];
        if (tai_scoring_ranks(metric->scoring)) {
            st = score_by_rank(a, m, scores, buf, tmp, col);
        } else if (metric->scoring == TA_SCORING_BRACKETED) {
            for (size_t t = 0; t < a->n_trusts; t++) {
                double v = a->values[t * nm + m];
                if (isnan(scores[t * nm + m]) && !isnan(v))
                    scores[t * nm + m] = tai_bracket_score(metric, v);
            }
        } else if (metric->scoring == TA_SCORING_BANDED) {
            for (size_t t = 0; t < a->n_trusts; t++) {
                double v = a->values[t * nm + m];
                if (isnan(scores[t * nm + m]) && !isnan(v))
                    scores[t * nm + m] =
                        tai_band_score(metric->cuts, metric->n_cuts, metric->direction, v);
            }
        }
    }
    tai_free(&a->alloc, buf);
    tai_free(&a->alloc, tmp);
    tai_free(&a->alloc, col);
    nm = a->n_metrics;
    /* Combinations last: their components are scored by now. */
    for (size_t m = 0; m < nm && st == TA_OK; m++)
        if (def->metrics[m].scoring == TA_SCORING_COMBINED)
            st = score_combined(a, m, scores);
    return st;
}
