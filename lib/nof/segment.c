/*
 * Segments: cut-offs, the unadjusted segment, the deficit cap and the
 * Recovery Support Programme.
 *
 * Each rule of NOF 2025/26 steps 3 and 4 is one small function here, so a
 * reader who searches for "deficit" or "cut-off" finds one definition:
 *   - unadjusted segment = 1 + the number of cut-offs the rounded average is
 *     beyond (a value exactly on a cut-off takes the better segment under
 *     TA_CUTOFF_TIES_BETTER, the worse under TA_CUTOFF_TIES_WORSE);
 *   - adjusted = max(unadjusted, cap) for a trust in financial deficit;
 *   - final = the RSP segment for a trust in the Recovery Support Programme,
 *     the adjusted segment for a trust known not to be, unknown otherwise.
 * Comparisons allow 1e-9 so that 2.06 read from text equals 2.06 computed.
 */
#include <math.h>
#include <stdlib.h>

#include "assessment_internal.h"
#include "common/alloc.h"
#include "common/number.h"

#define TOLERANCE 1e-9

static int by_value(const void *pa, const void *pb)
{
    double a = *(const double *)pa, b = *(const double *)pb;
    return a < b ? -1 : a > b;
}

/* A quantile needs only one or two order statistics, not a sorted array:
 * selection finds the k-th smallest in O(n) where qsort took O(n log n)
 * through a comparison pointer (a qsort of a million averages was a tenth of
 * a second). Introselect: three-way partitions (rounded averages have many
 * ties) around a median of three, insertion sort below 16 values, and qsort
 * of what is left if the partitions keep going badly. Afterwards x[k] holds
 * the k-th smallest (0-based), everything before it is <= and everything
 * after it >=; which value is k-th does not depend on the method, so the
 * cut-offs are those the full sort gave. */
static void select_kth(double *x, size_t n, size_t k)
{
    size_t lo = 0, hi = n;
    int budget = 8;
    for (size_t m = n; m > 1; m >>= 1)
        budget += 2;
    while (hi - lo > 16) {
        double a = x[lo], b = x[lo + (hi - lo) / 2], c = x[hi - 1], p, t;
        size_t lt = lo, i = lo, gt = hi;
        if (budget-- == 0) {
            qsort(x + lo, hi - lo, sizeof *x, by_value);
            return;
        }
        p = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));
        while (i < gt) { /* x[lo..lt) < p, x[lt..i) == p, x[gt..hi) > p */
            if (x[i] < p) {
                t = x[i], x[i] = x[lt], x[lt] = t;
                lt++, i++;
            } else if (x[i] > p) {
                gt--;
                t = x[i], x[i] = x[gt], x[gt] = t;
            } else {
                i++;
            }
        }
        if (k < lt)
            hi = lt;
        else if (k >= gt)
            lo = gt;
        else
            return;
    }
    for (size_t i = lo + 1; i < hi; i++) {
        double v = x[i];
        size_t j = i;
        for (; j > lo && x[j - 1] > v; j--)
            x[j] = x[j - 1];
        x[j] = v;
    }
}

/* Quantile p of x[0..n-1] (R type 7 or 6); reorders x. */
static double quantile(double *x, size_t n, double p, ta_quantile definition)
{
    double h = definition == TA_QUANTILE_TYPE6 ? (double)(n + 1) * p - 1.0 : (double)(n - 1) * p;
    double lo, next;
    size_t i;
    if (h <= 0)
        i = 0;
    else if (h >= (double)(n - 1))
        i = n - 1;
    else
        i = (size_t)floor(h);
    select_kth(x, n, i);
    if (h <= 0 || h >= (double)(n - 1))
        return x[i];
    lo = floor(h);
    next = x[i + 1]; /* the (i+1)-th smallest: the least of what follows x[i] */
    for (size_t j = i + 2; j < n; j++)
        if (x[j] < next)
            next = x[j];
    return x[i] + (h - lo) * (next - x[i]);
}

ta_status tai_cutoffs_from_population(double *out, size_t n_out, double *values, size_t n,
                                      ta_quantile definition)
{
    if (n == 0)
        return TA_EINVAL;
    for (size_t k = 0; k < n_out; k++)
        out[k] = quantile(values, n, (double)(k + 1) / (double)(n_out + 1), definition);
    return TA_OK;
}

int tai_segment_of(double rounded, const double *cutoffs, size_t n_cutoffs, ta_cutoff_rule rule)
{
    int segment = 1;
    for (size_t k = 0; k < n_cutoffs; k++) {
        int beyond = rule == TA_CUTOFF_TIES_BETTER ? rounded > cutoffs[k] + TOLERANCE
                                                   : rounded >= cutoffs[k] - TOLERANCE;
        if (beyond)
            segment = (int)k + 2;
    }
    return segment;
}

/* A cap of 0 (none) is below every segment (>= 1), so it changes none. */
int tai_apply_deficit_cap(int segment, ta_tristate deficit, int cap)
{
    if (deficit == TA_YES && segment < cap)
        return cap;
    return segment;
}

int tai_apply_rsp(int adjusted, ta_tristate rsp, int rsp_segment)
{
    if (rsp == TA_UNKNOWN)
        return 0;
    if (rsp == TA_YES && rsp_segment > 0)
        return rsp_segment;
    return adjusted;
}

double tai_distance_to_better(double rounded, int unadjusted, const double *cutoffs,
                              ta_cutoff_rule rule, int decimals)
{
    double step = 1.0, target, d;
    if (unadjusted <= 1)
        return 0.0;
    for (int i = 0; i < decimals; i++)
        step /= 10.0;
    target = cutoffs[unadjusted - 2];
    d = rounded - target + (rule == TA_CUTOFF_TIES_WORSE ? step : 0.0);
    return tai_round_half_up(d, decimals);
}

ta_status ta_quantile_cutoffs(double *out, size_t n_out, const double *values, size_t n,
                              ta_quantile definition, const ta_allocator *alloc)
{
    ta_allocator a;
    double *copy;
    ta_status st;
    if (!out || !values || n == 0 || n_out == 0 || tai_alloc_init(&a, alloc) != TA_OK ||
        (definition != TA_QUANTILE_TYPE7 && definition != TA_QUANTILE_TYPE6))
        return TA_EINVAL;
    for (size_t i = 0; i < n; i++)
        if (!isfinite(values[i]))
            return TA_EINVAL;
    if (!(copy = tai_calloc(&a, n, sizeof *copy)))
        return TA_ENOMEM;
    /* + 0.0 turns -0 into 0 (and leaves every other value alone): equal
     * values are then the same bits, so which of two equal values the
     * selection picks as the k-th can never show in the result. */
    for (size_t i = 0; i < n; i++)
        copy[i] = values[i] + 0.0;
    st = tai_cutoffs_from_population(out, n_out, copy, n, definition);
    tai_free(&a, copy);
    return st;
}

ta_status ta_decimal_round(double *out, double x, int decimals)
{
    if (!out || !isfinite(x) || decimals < 0 || decimals > 6 || fabs(x) >= 1e15)
        return TA_EINVAL;
    *out = tai_round_half_up(x, decimals);
    return TA_OK;
}
