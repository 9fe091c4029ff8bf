/*
 * libtrustassess: analysis on top of a run assessment, likely ranges and
 * what-if. EXPERIMENTAL.
 *
 * Everything here is declared only when TA_EXPERIMENTAL is defined before
 * the include (zstd's ZSTD_STATIC_LINKING_ONLY pattern):
 *
 *     #define TA_EXPERIMENTAL
 *     #include <trustassess.h>
 *
 * The functions are exported, but they are young: their arguments and
 * results may change or they may go in any release, and they are outside the
 * 0.2 ABI promise and the ABI gate (abi/experimental.suppr). The league
 * table's likely-range columns (ta_league_set_likely_ranges) are stable.
 *
 * Likely ranges reproduce the idea behind NHS England's published league
 * table columns "Likely range of average score" and "Likely range of rank": a
 * bootstrap of each trust's own metric scores. One replicate draws, for every
 * segmented trust, as many of its scores entering the average as it has, with
 * replacement, and then applies the library's own rules to the draw: the mean
 * (the same exact-hundredths mean as ta_assessment_average), rounding half up
 * to the framework's decimals, the unadjusted segment against the cut-offs of
 * the last run (they are held fixed, not recomputed per replicate), the
 * deficit cap from the trust's flag, and the league rank rule within trust
 * type on (adjusted segment, rounded average). A trust segmented on a given
 * (published) average with no metric score, such as a league-table row, has
 * nothing to resample: it is held at its published figures in every
 * replicate, so it counts in the others' ranks, and has no likely range of
 * its own (TA_ENOTFOUND). The reported interval is the
 * central `interval` of the replicates: with R replicates and
 * alpha = (1 - interval) / 2, the lower bound is the order statistic
 * x_(k_lo) with k_lo = max(1, ceil(R * alpha)) and the upper bound x_(k_hi)
 * with k_hi = ceil(R * (1 - alpha)) (1-based; R's quantile type 1, the
 * inverse of the empirical distribution, so bounds are values a replicate
 * actually took: a rounded average, a whole rank).
 *
 * Randomness is a counter-based stream per (seed, replicate, trust)
 * (splitmix64), so results depend only on the seed and the inputs, never on
 * the thread count or on scheduling: threads = 1, 2 or 16 give bitwise
 * identical ranges. threads = 1 starts no thread; threads = 0 is the same as
 * 1. The library keeps no global state; the ranges are stored on the
 * assessment and discarded with its results when its inputs change.
 *
 * What-if answers, for trust i and metric m, by how much m's score would have
 * to fall (improve) for the trust to reach the next better unadjusted segment:
 * the smallest decrease d, a whole number of the framework's rounding steps
 * (0.01 for NOF 2025/26), such that the score s - d stays at or above 1.00
 * and the trust's average recomputed with s - d and rounded by the library's
 * rule falls in a better segment under the run's cut-offs and cut-off rule
 * (under TA_CUTOFF_TIES_BETTER the rounded average then equals the cut-off or
 * lies below it). As for ta_assessment_distance_to_better, a deficit cap is
 * not lifted by a better score. Only the score form is offered; a change in
 * raw value or a target rank are not.
 */
#ifndef TRUSTASSESS_ANALYSIS_H
#define TRUSTASSESS_ANALYSIS_H

#include "assessment.h"
#include "common.h"

#ifdef TA_EXPERIMENTAL

#ifdef __cplusplus
extern "C" {
#endif

/* Computes the likely ranges of every segmented trust's rounded average and
 * rank by `replicates` bootstrap replicates (1 .. 10^7), central interval
 * `interval` (strictly between 0 and 1, e.g. 0.95), seeded by `seed`, on up to
 * `threads` threads (0 or 1 = the calling thread only; at most 256). Runs the
 * assessment first if it has not been run. TA_EINVAL for replicates = 0, an
 * interval outside (0, 1) or NaN, or too many threads; TA_ENOMEM when the
 * replicate table (12 bytes per segmented trust and replicate) cannot be
 * allocated; TA_EIO if a thread cannot be started. */
TA_API ta_status ta_assessment_likely_ranges(ta_assessment *a, uint32_t replicates, double interval,
                                             uint64_t seed, unsigned threads);

/* Trust i's likely range of the rounded average (lo <= hi). TA_ESTATE when no
 * likely ranges have been computed since the inputs last changed, TA_ENOTFOUND
 * for a trust that is not segmented, TA_EINVAL for a bad index or NULL. */
TA_API ta_status ta_assessment_likely_average_range(double *lo, double *hi, const ta_assessment *a,
                                                    size_t i);
/* Trust i's likely range of rank within its type (1 = best; lo <= hi). Same
 * statuses as ta_assessment_likely_average_range. */
TA_API ta_status ta_assessment_likely_rank_range(uint32_t *lo, uint32_t *hi, const ta_assessment *a,
                                                 size_t i);

/* What-if, one cell: the decrease of metric m's score that takes trust i to
 * the next better unadjusted segment (see above). *decrease receives 0 when
 * the trust is already in segment 1, +INFINITY when no decrease that keeps the
 * score >= 1.00 is enough, otherwise the decrease (> 0). TA_ESTATE before a
 * run, TA_ENOTFOUND when the trust is not segmented or has no score for m
 * that enters the average, TA_EINVAL for bad indexes or NULL. */
TA_API ta_status ta_assessment_whatif_score(double *decrease, const ta_assessment *a, size_t i,
                                            size_t m);

/* What-if, every trust x metric: out[i * metric_count + m] for trust i and
 * metric m (metric_count = ta_framework_metric_count), n_out >= trusts *
 * metrics. Each cell is what ta_assessment_whatif_score gives, or NaN where
 * that call would say TA_ENOTFOUND. `threads` as for likely ranges; the
 * result does not depend on it. TA_ESTATE before a run. */
TA_API ta_status ta_assessment_whatif_batch(double *out, size_t n_out, const ta_assessment *a,
                                            unsigned threads);

#ifdef __cplusplus
}
#endif

#endif /* TA_EXPERIMENTAL */

#endif /* TRUSTASSESS_ANALYSIS_H */
