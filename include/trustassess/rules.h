/*
 * libtrustassess: the segmentation rules as pure functions.
 *
 * For callers who hold their own numbers one at a time (a spreadsheet cell, a
 * what-if in a notebook) rather than a population in an assessment. Each
 * function calls the same rule the assessment uses, so the answers are the
 * same by construction. No handles, no allocation unless an allocator is
 * passed, no state.
 */
#ifndef TRUSTASSESS_RULES_H
#define TRUSTASSESS_RULES_H

#include "common.h"
#include "framework.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The rank-scaled score of `value` among peers[0 .. n-1] (the comparison pool,
 * normally including the value itself): 1 + 3 (rank - 1) / (n - 1) with rank
 * = 1 + the number of peers strictly better in `direction` (ties share the
 * best rank); a pool of one scores 1. NaN/inf anywhere, n = 0 or a NULL
 * pointer is TA_EINVAL. */
TA_API ta_status ta_rule_rank_score(double *score, double value, const double *peers, size_t n,
                                    ta_direction direction);

/* The banded score of `value`: cut points cuts[0 .. n-1] (1 to 3) ordered from
 * the best band to the worst (descending for TA_HIGHER_IS_BETTER); a value on
 * a cut point takes the better band; band k scores k. */
TA_API ta_status ta_rule_band_score(double *score, double value, const double *cuts, size_t n,
                                    ta_direction direction);

/* The average metric score of scores[0 .. n-1] (each in [1, 4]), unrounded and
 * rounded half up to `decimals` (0 .. 6), inputs within 1e-9 of a decimal
 * taken as that decimal (so scores averaging exactly 3.085 round to 3.09).
 * Either out-pointer may be NULL. */
TA_API ta_status ta_rule_average(double *unrounded, double *rounded, const double *scores, size_t n,
                                 int decimals);

/* The unadjusted segment of a rounded average against ascending cut-offs
 * cutoffs[0 .. n-1] (1 .. 8 of them): 1 + the number of cut-offs the average
 * is beyond, a value on a cut-off taking the better segment under
 * TA_CUTOFF_TIES_BETTER. */
TA_API ta_status ta_rule_segment(int *segment, double average, const double *cutoffs, size_t n,
                                 ta_cutoff_rule rule);

/* The adjusted segment (the deficit cap: no better than `deficit_cap` when
 * deficit is TA_YES; 0 = no cap) and the final segment (`rsp_segment` when rsp
 * is TA_YES, the adjusted one when TA_NO, 0 when TA_UNKNOWN). Either
 * out-pointer may be NULL. */
TA_API ta_status ta_rule_adjust_segment(int *adjusted, int *final_segment, int unadjusted,
                                        ta_tristate deficit, int deficit_cap, ta_tristate rsp,
                                        int rsp_segment);

/* League ranks of n trusts of one type: ranks[i] = 1 + the number of trusts
 * with a strictly better (segments[i], averages[i] rounded to `decimals`)
 * pair, lower being better; ties share a rank. A working copy is made with
 * `alloc` (NULL = malloc). */
TA_API ta_status ta_rule_ranks(uint32_t *ranks, const int *segments, const double *averages,
                               size_t n, int decimals, const ta_allocator *alloc);

#ifdef __cplusplus
}
#endif

#endif /* TRUSTASSESS_RULES_H */
