/*
 * The rules as pure functions (include/trustassess/rules.h).
 *
 * Thin wrappers: argument checks, then the very functions an assessment runs
 * (scoring.c, average.c, segment.c, league.c), so a spreadsheet cell and a
 * national league table cannot disagree.
 */
#include <math.h>

#include "assessment_internal.h"
#include "common/alloc.h"
#include "common/number.h"
#include "trustassess/rules.h"

static int valid_direction(ta_direction d)
{
    return d == TA_HIGHER_IS_BETTER || d == TA_LOWER_IS_BETTER;
}

ta_status ta_rule_rank_score(double *score, double value, const double *peers, size_t n,
                             ta_direction direction)
{
    size_t better = 0;
    if (!score || !peers || n == 0 || !isfinite(value) || !valid_direction(direction))
        return TA_EINVAL;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(peers[i]))
            return TA_EINVAL;
        better += direction == TA_HIGHER_IS_BETTER ? peers[i] > value : peers[i] < value;
    }
    if (better >= n)
        return TA_EINVAL; /* value worse than the whole pool: it is not in it */
    *score = tai_bookend_score(TA_SCORING_RANK, better, n);
    return TA_OK;
}

ta_status ta_rule_band_score(double *score, double value, const double *cuts, size_t n,
                             ta_direction direction)
{
    if (!score || !cuts || n < 1 || n > 3 || !isfinite(value) || !valid_direction(direction))
        return TA_EINVAL;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(cuts[i]))
            return TA_EINVAL;
        if (i > 0 &&
            (direction == TA_HIGHER_IS_BETTER ? cuts[i] >= cuts[i - 1] : cuts[i] <= cuts[i - 1]))
            return TA_EINVAL;
    }
    *score = tai_band_score(cuts, n, direction, value);
    return TA_OK;
}

ta_status ta_rule_average(double *unrounded, double *rounded, const double *scores, size_t n,
                          int decimals)
{
    double mean;
    if (!scores || n == 0 || decimals < 0 || decimals > 6)
        return TA_EINVAL;
    for (size_t i = 0; i < n; i++)
        if (!isfinite(scores[i]))
            return TA_EINVAL;
    for (size_t i = 0; i < n; i++)
        if (scores[i] < 1 || scores[i] > 4)
            return TA_ERANGE;
    mean = tai_mean_of(scores, n, decimals);
    if (unrounded)
        *unrounded = mean;
    if (rounded)
        *rounded = tai_round_half_up(mean, decimals);
    return TA_OK;
}

ta_status ta_rule_segment(int *segment, double average, const double *cutoffs, size_t n,
                          ta_cutoff_rule rule)
{
    if (!segment || !cutoffs || n < 1 || n > TAI_MAX_CUTOFFS || !isfinite(average) ||
        (rule != TA_CUTOFF_TIES_BETTER && rule != TA_CUTOFF_TIES_WORSE))
        return TA_EINVAL;
    for (size_t k = 0; k < n; k++)
        if (!isfinite(cutoffs[k]) || (k > 0 && cutoffs[k] <= cutoffs[k - 1]))
            return TA_EINVAL;
    *segment = tai_segment_of(average, cutoffs, n, rule);
    return TA_OK;
}

static int valid_tristate(ta_tristate t)
{
    return t == TA_UNKNOWN || t == TA_NO || t == TA_YES;
}

ta_status ta_rule_adjust_segment(int *adjusted, int *final_segment, int unadjusted,
                                 ta_tristate deficit, int deficit_cap, ta_tristate rsp,
                                 int rsp_segment)
{
    int adj;
    if (unadjusted < 1 || unadjusted > TAI_MAX_CUTOFFS + 1 || deficit_cap < 0 ||
        deficit_cap > TAI_MAX_CUTOFFS + 1 || rsp_segment < 0 || rsp_segment > TAI_MAX_CUTOFFS + 2 ||
        !valid_tristate(deficit) || !valid_tristate(rsp))
        return TA_EINVAL;
    adj = tai_apply_deficit_cap(unadjusted, deficit, deficit_cap);
    if (adjusted)
        *adjusted = adj;
    if (final_segment)
        *final_segment = tai_apply_rsp(adj, rsp, rsp_segment);
    return TA_OK;
}

ta_status ta_rule_ranks(uint32_t *ranks, const int *segments, const double *averages, size_t n,
                        int decimals, const ta_allocator *alloc)
{
    static const double scales[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
    ta_allocator a;
    tai_rank_entry *entries;
    if (!ranks || !segments || !averages || n == 0 || decimals < 0 || decimals > 6 ||
        tai_alloc_init(&a, alloc) != TA_OK)
        return TA_EINVAL;
    for (size_t i = 0; i < n; i++)
        if (!isfinite(averages[i]) || fabs(averages[i]) >= 1e9)
            return TA_EINVAL;
    if (!(entries = tai_calloc(&a, n, sizeof *entries)))
        return TA_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        entries[i].item = i;
        entries[i].segment = segments[i];
        entries[i].key =
            (int64_t)nearbyint(tai_round_half_up(averages[i], decimals) * scales[decimals]);
        entries[i].name = entries[i].code = "";
    }
    tai_rank_entries(entries, n);
    for (size_t i = 0; i < n; i++)
        ranks[entries[i].item] = entries[i].rank;
    tai_free(&a, entries);
    return TA_OK;
}
