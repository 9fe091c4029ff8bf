/*
 * The rules as pure functions (rules.h): boundaries, bad arguments, and
 * agreement with a full assessment on random populations.
 */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "trustassess.h"

START_TEST(rank_score_ties_share_the_best_rank)
{
    const double peers[] = {10, 20, 20, 30, 40};
    double s = 0;
    ck_assert_int_eq(ta_rule_rank_score(&s, 40, peers, 5, TA_HIGHER_IS_BETTER), TA_OK);
    ck_assert(s == 1.0);
    ck_assert_int_eq(ta_rule_rank_score(&s, 20, peers, 5, TA_HIGHER_IS_BETTER), TA_OK);
    ck_assert(s == 1.0 + 3.0 * 2 / 4); /* two peers better: rank 3 */
    ck_assert_int_eq(ta_rule_rank_score(&s, 10, peers, 5, TA_HIGHER_IS_BETTER), TA_OK);
    ck_assert(s == 4.0);
    ck_assert_int_eq(ta_rule_rank_score(&s, 10, peers, 5, TA_LOWER_IS_BETTER), TA_OK);
    ck_assert(s == 1.0);
    ck_assert_int_eq(ta_rule_rank_score(&s, 7, peers, 1, TA_LOWER_IS_BETTER), TA_OK);
    ck_assert(s == 1.0); /* a pool of one */
}
END_TEST

START_TEST(rank_score_rejects_bad_input)
{
    const double peers[] = {1, NAN};
    double s = -1;
    ck_assert_int_eq(ta_rule_rank_score(&s, 1, peers, 2, TA_HIGHER_IS_BETTER), TA_EINVAL);
    ck_assert_int_eq(ta_rule_rank_score(&s, INFINITY, peers, 1, TA_HIGHER_IS_BETTER), TA_EINVAL);
    ck_assert_int_eq(ta_rule_rank_score(&s, 1, peers, 0, TA_HIGHER_IS_BETTER), TA_EINVAL);
    ck_assert_int_eq(ta_rule_rank_score(NULL, 1, peers, 1, TA_HIGHER_IS_BETTER), TA_EINVAL);
    ck_assert_int_eq(ta_rule_rank_score(&s, 1, NULL, 1, TA_HIGHER_IS_BETTER), TA_EINVAL);
    ck_assert_int_eq(ta_rule_rank_score(&s, 1, peers, 1, (ta_direction)9), TA_EINVAL);
    ck_assert_int_eq(ta_rule_rank_score(&s, 0, peers, 1, TA_HIGHER_IS_BETTER), TA_EINVAL);
    ck_assert(s == -1); /* untouched on failure */
}
END_TEST

START_TEST(band_score_boundaries)
{
    const double plan[] = {0, -1, -2};
    const double cost[] = {100, 110};
    double s = 0;
    ck_assert_int_eq(ta_rule_band_score(&s, 0, plan, 3, TA_HIGHER_IS_BETTER), TA_OK);
    ck_assert(s == 1.0); /* on a cut point: the better band */
    ck_assert_int_eq(ta_rule_band_score(&s, -0.01, plan, 3, TA_HIGHER_IS_BETTER), TA_OK);
    ck_assert(s == 2.0);
    ck_assert_int_eq(ta_rule_band_score(&s, -2, plan, 3, TA_HIGHER_IS_BETTER), TA_OK);
    ck_assert(s == 3.0);
    ck_assert_int_eq(ta_rule_band_score(&s, -2.01, plan, 3, TA_HIGHER_IS_BETTER), TA_OK);
    ck_assert(s == 4.0);
    ck_assert_int_eq(ta_rule_band_score(&s, 110, cost, 2, TA_LOWER_IS_BETTER), TA_OK);
    ck_assert(s == 2.0);
    ck_assert_int_eq(ta_rule_band_score(&s, 110.01, cost, 2, TA_LOWER_IS_BETTER), TA_OK);
    ck_assert(s == 3.0);
    ck_assert_int_eq(ta_rule_band_score(&s, 1, cost, 2, TA_HIGHER_IS_BETTER), TA_EINVAL);
    ck_assert_int_eq(ta_rule_band_score(&s, 1, plan, 0, TA_HIGHER_IS_BETTER), TA_EINVAL);
    {
        /* Every cut point is checked, the first included: a NaN or an infinity
         * anywhere is refused, and 4 cut points are one too many. */
        const double nan_first[] = {NAN, 2}, inf_first[] = {INFINITY, 2}, nan_last[] = {3, NAN};
        const double four[] = {4, 3, 2, 1};
        ck_assert_int_eq(ta_rule_band_score(&s, 1, nan_first, 2, TA_HIGHER_IS_BETTER), TA_EINVAL);
        ck_assert_int_eq(ta_rule_band_score(&s, 1, inf_first, 2, TA_HIGHER_IS_BETTER), TA_EINVAL);
        ck_assert_int_eq(ta_rule_band_score(&s, 1, nan_last, 2, TA_HIGHER_IS_BETTER), TA_EINVAL);
        ck_assert_int_eq(ta_rule_band_score(&s, 1, four, 4, TA_HIGHER_IS_BETTER), TA_EINVAL);
        ck_assert_int_eq(ta_rule_band_score(&s, 3.5, four, 3, TA_HIGHER_IS_BETTER), TA_OK);
        ck_assert(s == 2.0);
    }
    /* Each argument is checked on its own: a value that is not a number (with
     * a valid direction), no output, no cut points, an unknown direction. */
    s = -1;
    ck_assert_int_eq(ta_rule_band_score(&s, NAN, plan, 3, TA_HIGHER_IS_BETTER), TA_EINVAL);
    ck_assert_int_eq(ta_rule_band_score(&s, INFINITY, cost, 2, TA_LOWER_IS_BETTER), TA_EINVAL);
    ck_assert_int_eq(ta_rule_band_score(NULL, 1, plan, 3, TA_HIGHER_IS_BETTER), TA_EINVAL);
    ck_assert_int_eq(ta_rule_band_score(&s, 1, NULL, 3, TA_HIGHER_IS_BETTER), TA_EINVAL);
    ck_assert_int_eq(ta_rule_band_score(&s, 1, plan, 3, (ta_direction)7), TA_EINVAL);
    ck_assert(s == -1); /* untouched on failure */
}
END_TEST

START_TEST(average_rounds_half_up_on_the_decimal)
{
    const double tie[] = {3.08, 3.09};               /* mean exactly 3.085 */
    const double three[] = {2.01, 2.01, 1.99, 2.01}; /* 2.005 */
    const double bad[] = {1, 4.01};
    double unrounded = 0, rounded = 0;
    ck_assert_int_eq(ta_rule_average(&unrounded, &rounded, tie, 2, 2), TA_OK);
    ck_assert(rounded == 3.09);
    ck_assert(fabs(unrounded - 3.085) < 1e-12);
    ck_assert_int_eq(ta_rule_average(NULL, &rounded, three, 4, 2), TA_OK);
    ck_assert(rounded == 2.01);
    ck_assert_int_eq(ta_rule_average(NULL, &rounded, three, 4, 1), TA_OK);
    ck_assert(rounded == 2.0);
    ck_assert_int_eq(ta_rule_average(NULL, &rounded, bad, 2, 2), TA_ERANGE);
    ck_assert_int_eq(ta_rule_average(NULL, &rounded, bad, 0, 2), TA_EINVAL);
    ck_assert_int_eq(ta_rule_average(NULL, &rounded, tie, 2, 7), TA_EINVAL);
    /* A score that is no number is refused wherever it stands, first included
     * (TA_EINVAL, not the range's TA_ERANGE), and a first score out of 1 to 4
     * is out of range. */
    {
        const double nan_first[2] = {NAN, 2.0}, inf_first[2] = {INFINITY, 2.0};
        ck_assert_int_eq(ta_rule_average(NULL, &rounded, nan_first, 2, 2), TA_EINVAL);
        ck_assert_int_eq(ta_rule_average(NULL, &rounded, inf_first, 2, 2), TA_EINVAL);
        const double high_first[2] = {4.01, 2.0};
        ck_assert_int_eq(ta_rule_average(NULL, &rounded, high_first, 2, 2), TA_ERANGE);
    }
}
END_TEST

/* Rule: the average of decimal scores is their exact mean, correctly rounded
 * to a double (whole hundredths summed as integers): these 12 scores sum to
 * 28.47 and 28.47 / 12 is 2.3725 exactly, where summing the doubles gives
 * 2.372499999999999. */
START_TEST(average_is_the_exact_mean_of_hundredths)
{
    const double twelve[] = {3.46, 2.61, 1.94, 3.46, 3.41, 1.90,
                             1.29, 2.31, 1.11, 2.83, 3.06, 1.09};
    double unrounded = 0, rounded = 0;
    ck_assert_int_eq(ta_rule_average(&unrounded, &rounded, twelve, 12, 2), TA_OK);
    ck_assert_msg(unrounded == 2.3725, "%.17g", unrounded);
    ck_assert(rounded == 2.37);
}
END_TEST

/* Rule: the same at 1, 3, 4, 5 and 6 decimals: 12 scores of that many
 * decimals whose exact mean ends within them (summing the doubles misses
 * each by a bit). */
START_TEST(average_is_exact_at_every_decimals)
{
    static const struct {
        int decimals;
        double scores[12], mean;
    } cases[] = {
        {1, {3.3, 2.9, 3.0, 1.5, 2.9, 1.0, 3.6, 2.6, 1.2, 1.1, 1.1, 1.6}, 2.15},
        {3,
         {1.990, 3.456, 1.123, 2.900, 2.336, 2.804, 3.420, 1.800, 3.126, 1.957, 3.622, 2.204},
         2.5615},
        {4,
         {1.3311, 1.0358, 1.1962, 2.5235, 3.6116, 2.5952, 1.5822, 3.2350, 2.8326, 1.6173, 2.4661,
          2.6674},
         2.2245},
        {5,
         {3.52977, 1.41155, 3.20964, 1.24852, 1.54441, 1.57172, 1.20288, 3.68622, 2.33787, 2.24994,
          3.05316, 2.34732},
         2.28275},
        {6,
         {1.600709, 3.844312, 3.565899, 1.849658, 3.174304, 1.711383, 2.436650, 3.768198, 2.853599,
          3.090067, 2.012856, 2.371372},
         2.68991725},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double unrounded = 0;
        ck_assert_int_eq(ta_rule_average(&unrounded, NULL, cases[i].scores, 12, cases[i].decimals),
                         TA_OK);
        ck_assert_msg(unrounded == cases[i].mean, "%d decimals: %.17g", cases[i].decimals,
                      unrounded);
    }
}
END_TEST

/* ta_rule_ranks takes averages under 1e9 in size: 1e9 itself, either sign,
 * is refused (rule_functions.c:118). */
START_TEST(ranks_refuse_an_average_of_1e9)
{
    const int segments[2] = {1, 1};
    const double under[2] = {999999999.0, -999999999.0};
    const double at[2] = {2.0, 1e9}, at_neg[2] = {-1e9, 2.0};
    uint32_t ranks[2] = {0, 0};
    ck_assert_int_eq(ta_rule_ranks(ranks, segments, under, 2, 2, NULL), TA_OK);
    ck_assert_uint_eq(ranks[0], 2);
    ck_assert_uint_eq(ranks[1], 1);
    ck_assert_int_eq(ta_rule_ranks(ranks, segments, at, 2, 2, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_rule_ranks(ranks, segments, at_neg, 2, 2, NULL), TA_EINVAL);
    /* Only the n averages given are read: a NaN just past them is not one. */
    {
        const double two_then_nan[3] = {3.0, 2.0, NAN};
        ck_assert_int_eq(ta_rule_ranks(ranks, segments, two_then_nan, 2, 2, NULL), TA_OK);
        ck_assert_uint_eq(ranks[0], 2);
        ck_assert_uint_eq(ranks[1], 1);
    }
}
END_TEST

/* The average takes 0 to 6 decimals and any n >= 1: one score is its own
 * average, 0 decimals round half up to a whole score, 6 is the most and -1
 * is refused (rule_functions.c:57). */
START_TEST(average_of_one_score_and_whole_decimals)
{
    const double one[] = {2.5};
    const double tie[] = {3.08, 3.09}; /* 3.085 */
    double unrounded = 0, rounded = 0;
    ck_assert_int_eq(ta_rule_average(&unrounded, &rounded, one, 1, 2), TA_OK);
    ck_assert(unrounded == 2.5 && rounded == 2.5);
    ck_assert_int_eq(ta_rule_average(NULL, &rounded, one, 1, 0), TA_OK);
    ck_assert(rounded == 3.0);
    ck_assert_int_eq(ta_rule_average(NULL, &rounded, tie, 2, 6), TA_OK);
    ck_assert(rounded == 3.085);
    ck_assert_int_eq(ta_rule_average(NULL, &rounded, tie, 2, -1), TA_EINVAL);
    ck_assert_int_eq(ta_rule_average(NULL, &rounded, NULL, 1, 2), TA_EINVAL);
}
END_TEST

START_TEST(segment_cutoff_ties)
{
    const double cut[] = {2.06, 2.33, 2.70};
    const double unordered[] = {2.33, 2.06, 2.70};
    int s = 0;
    ck_assert_int_eq(ta_rule_segment(&s, 2.06, cut, 3, TA_CUTOFF_TIES_BETTER), TA_OK);
    ck_assert_int_eq(s, 1);
    ck_assert_int_eq(ta_rule_segment(&s, 2.06, cut, 3, TA_CUTOFF_TIES_WORSE), TA_OK);
    ck_assert_int_eq(s, 2);
    ck_assert_int_eq(ta_rule_segment(&s, 2.07, cut, 3, TA_CUTOFF_TIES_BETTER), TA_OK);
    ck_assert_int_eq(s, 2);
    ck_assert_int_eq(ta_rule_segment(&s, 2.71, cut, 3, TA_CUTOFF_TIES_BETTER), TA_OK);
    ck_assert_int_eq(s, 4);
    ck_assert_int_eq(ta_rule_segment(&s, 1.0, cut, 3, TA_CUTOFF_TIES_BETTER), TA_OK);
    ck_assert_int_eq(s, 1);
    ck_assert_int_eq(ta_rule_segment(&s, 2.0, unordered, 3, TA_CUTOFF_TIES_BETTER), TA_EINVAL);
    ck_assert_int_eq(ta_rule_segment(&s, NAN, cut, 3, TA_CUTOFF_TIES_BETTER), TA_EINVAL);
    /* Each NULL alone is TA_EINVAL (rule_functions.c:76). */
    ck_assert_int_eq(ta_rule_segment(NULL, 2.0, cut, 3, TA_CUTOFF_TIES_BETTER), TA_EINVAL);
    ck_assert_int_eq(ta_rule_segment(&s, 2.0, NULL, 3, TA_CUTOFF_TIES_BETTER), TA_EINVAL);
    {
        /* 1 to 8 cut-offs (9 segments at most): 8 are taken, 9 refused. */
        const double nine[] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        ck_assert_int_eq(ta_rule_segment(&s, 8.5, nine, 8, TA_CUTOFF_TIES_BETTER), TA_OK);
        ck_assert_int_eq(s, 9);
        ck_assert_int_eq(ta_rule_segment(&s, 8.5, nine, 9, TA_CUTOFF_TIES_BETTER), TA_EINVAL);
        ck_assert_int_eq(ta_rule_segment(&s, 0.5, nine, 1, TA_CUTOFF_TIES_BETTER), TA_OK);
        ck_assert_int_eq(s, 1);
    }
    {
        /* The first cut-off is checked too: not a number or infinite, refused. */
        const double nan_first[] = {NAN, 2.33, 2.70}, inf_first[] = {-INFINITY, 2.33, 2.70};
        ck_assert_int_eq(ta_rule_segment(&s, 2.0, nan_first, 3, TA_CUTOFF_TIES_BETTER), TA_EINVAL);
        ck_assert_int_eq(ta_rule_segment(&s, 2.0, inf_first, 3, TA_CUTOFF_TIES_BETTER), TA_EINVAL);
    }
}
END_TEST

START_TEST(deficit_cap_and_rsp)
{
    int adj = 0, fin = 0;
    ck_assert_int_eq(ta_rule_adjust_segment(&adj, &fin, 1, TA_YES, 3, TA_NO, 5), TA_OK);
    ck_assert_int_eq(adj, 3);
    ck_assert_int_eq(fin, 3);
    ck_assert_int_eq(ta_rule_adjust_segment(&adj, &fin, 4, TA_YES, 3, TA_YES, 5), TA_OK);
    ck_assert_int_eq(adj, 4);
    ck_assert_int_eq(fin, 5);
    ck_assert_int_eq(ta_rule_adjust_segment(&adj, &fin, 2, TA_UNKNOWN, 3, TA_UNKNOWN, 5), TA_OK);
    ck_assert_int_eq(adj, 2);
    ck_assert_int_eq(fin, 0);
    /* Rule: any RSP segment from 1 is taken as given, 1 included; 0 means the
     * framework has none, and a trust in the programme keeps its adjusted one. */
    ck_assert_int_eq(ta_rule_adjust_segment(&adj, &fin, 3, TA_NO, 0, TA_YES, 1), TA_OK);
    ck_assert_int_eq(adj, 3);
    ck_assert_int_eq(fin, 1);
    ck_assert_int_eq(ta_rule_adjust_segment(&adj, &fin, 3, TA_NO, 0, TA_YES, 0), TA_OK);
    ck_assert_int_eq(fin, 3);
    ck_assert_int_eq(ta_rule_adjust_segment(&adj, &fin, 0, TA_NO, 3, TA_NO, 5), TA_EINVAL);
    ck_assert_int_eq(ta_rule_adjust_segment(&adj, &fin, 2, (ta_tristate)7, 3, TA_NO, 5), TA_EINVAL);
    ck_assert_int_eq(ta_rule_adjust_segment(&adj, &fin, 2, TA_NO, 3, (ta_tristate)7, 5), TA_EINVAL);
    /* Rule: the ranges at both ends. At most 8 cut-offs make segments 1..9; the
     * cap is 0 (none) to 9; the RSP segment 0..10 (one past the worst). */
    ck_assert_int_eq(ta_rule_adjust_segment(&adj, &fin, 9, TA_NO, 0, TA_NO, 0), TA_OK);
    ck_assert_int_eq(adj, 9);
    ck_assert_int_eq(fin, 9);
    ck_assert_int_eq(ta_rule_adjust_segment(&adj, &fin, 10, TA_NO, 0, TA_NO, 0), TA_EINVAL);
    ck_assert_int_eq(ta_rule_adjust_segment(&adj, &fin, 1, TA_YES, 9, TA_YES, 10), TA_OK);
    ck_assert_int_eq(adj, 9);
    ck_assert_int_eq(fin, 10);
    ck_assert_int_eq(ta_rule_adjust_segment(&adj, &fin, 1, TA_YES, 10, TA_NO, 5), TA_EINVAL);
    ck_assert_int_eq(ta_rule_adjust_segment(&adj, &fin, 1, TA_YES, -1, TA_NO, 5), TA_EINVAL);
    ck_assert_int_eq(ta_rule_adjust_segment(&adj, &fin, 1, TA_NO, 3, TA_YES, 11), TA_EINVAL);
    ck_assert_int_eq(ta_rule_adjust_segment(&adj, &fin, 1, TA_NO, 3, TA_YES, -1), TA_EINVAL);
    ck_assert_int_eq(ta_rule_adjust_segment(NULL, NULL, 1, TA_NO, 3, TA_NO, 5), TA_OK);
}
END_TEST

START_TEST(ranks_share_ties_and_respect_the_cap)
{
    /* (segment, average): a capped trust with a better average ranks below
     * every segment-2 trust; ties at 2 decimals share a rank. */
    const int seg[] = {1, 1, 2, 3, 2, 2};
    const double avg[] = {1.50, 1.7, 2.2, 1.90, 2.204, 2.196};
    uint32_t r[6] = {0};
    ck_assert_int_eq(ta_rule_ranks(r, seg, avg, 6, 2, NULL), TA_OK);
    ck_assert_uint_eq(r[0], 1);
    ck_assert_uint_eq(r[1], 2);
    ck_assert_uint_eq(r[2], 3);
    ck_assert_uint_eq(r[4], 3); /* 2.204 rounds to 2.20 */
    ck_assert_uint_eq(r[5], 3); /* 2.196 rounds to 2.20 */
    ck_assert_uint_eq(r[3], 6);
    ck_assert_int_eq(ta_rule_ranks(r, seg, avg, 0, 2, NULL), TA_EINVAL);
    /* Each argument is checked on its own; decimals run 0..6. */
    {
        const ta_allocator half = {NULL, NULL, NULL, NULL};
        uint32_t one[1] = {0};
        ck_assert_int_eq(ta_rule_ranks(NULL, seg, avg, 6, 2, NULL), TA_EINVAL);
        ck_assert_int_eq(ta_rule_ranks(r, NULL, avg, 6, 2, NULL), TA_EINVAL);
        ck_assert_int_eq(ta_rule_ranks(r, seg, NULL, 6, 2, NULL), TA_EINVAL);
        ck_assert_int_eq(ta_rule_ranks(r, seg, avg, 6, -1, NULL), TA_EINVAL);
        ck_assert_int_eq(ta_rule_ranks(r, seg, avg, 6, 7, NULL), TA_EINVAL);
        ck_assert_int_eq(ta_rule_ranks(r, seg, avg, 6, 2, &half), TA_EINVAL);
        ck_assert_int_eq(ta_rule_ranks(one, seg, avg, 1, 0, NULL), TA_OK);
        ck_assert_uint_eq(one[0], 1);
        ck_assert_int_eq(ta_rule_ranks(r, seg, avg, 6, 6, NULL), TA_OK);
        /* At 6 decimals 2.196, 2.2 and 2.204 no longer tie. */
        ck_assert_uint_eq(r[5], 3);
        ck_assert_uint_eq(r[2], 4);
        ck_assert_uint_eq(r[4], 5);
    }
}
END_TEST

/* The pure functions agree with a full assessment on random populations. */
static uint64_t next(uint64_t *s)
{
    uint64_t z = (*s += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

START_TEST(pure_rules_agree_with_assessments)
{
    ta_framework *fw = NULL;
    uint64_t seed = 42;
    ck_assert_int_eq(ta_framework_preset(&fw, "nof-2025-26", NULL), TA_OK);
    for (int round = 0; round < 50; round++) {
        ta_assessment *a = NULL;
        size_t n = 5 + next(&seed) % 40, m, m2;
        double values[64], cutoffs[3];
        int seg[64], adjusted[64];
        double avg[64];
        uint32_t ranks[64];
        char codes[64][8];
        ck_assert_int_eq(ta_framework_metric_index(&m, fw, "OF1082"), TA_OK);
        ck_assert_int_eq(ta_framework_metric_index(&m2, fw, "OF1061"), TA_OK);
        ck_assert_int_eq(ta_assessment_new(&a, fw, NULL), TA_OK);
        for (size_t i = 0; i < n; i++) {
            const char *code = codes[i];
            const char *ids[2] = {"OF0082", "OF1061"};
            const char *cs[2];
            double v[2];
            codes[i][0] = 'T';
            codes[i][1] = (char)('A' + i / 26);
            codes[i][2] = (char)('A' + i % 26);
            codes[i][3] = '\0';
            values[i] = (double)(next(&seed) % 20); /* many ties */
            v[0] = values[i];
            v[1] = 1.0 + (double)(next(&seed) % 301) / 100.0;
            cs[0] = cs[1] = code;
            ck_assert_int_eq(ta_assessment_add_columns(a, 1, cs, ids, v, TA_INPUT_VALUE), TA_OK);
            ck_assert_int_eq(
                ta_assessment_add_columns(a, 1, cs + 1, ids + 1, v + 1, TA_INPUT_SCORE), TA_OK);
            ck_assert_int_eq(ta_assessment_set_trust_flag(a, code, TA_FLAG_FINANCIAL_DEFICIT,
                                                          next(&seed) % 4 == 0 ? TA_YES : TA_NO),
                             TA_OK);
        }
        ck_assert_int_eq(ta_assessment_run(a), TA_OK);
        ck_assert_int_eq(ta_assessment_cutoffs(cutoffs, 3, &(size_t){0}, a), TA_OK);
        for (size_t i = 0; i < n; i++) {
            double score = 0, expected = 0, s2 = 0, rounded = 0;
            double both[2];
            int has = 0, unadj = 0;
            ta_assessment_metric_score(&has, &score, a, i, m);
            ck_assert_int_eq(
                ta_rule_rank_score(&expected, values[i], values, n, TA_LOWER_IS_BETTER), TA_OK);
            ck_assert(score == expected);
            ta_assessment_metric_score(&has, &s2, a, i, m2);
            both[0] = score;
            both[1] = s2;
            ck_assert_int_eq(ta_rule_average(NULL, &rounded, both, 2, 2), TA_OK);
            ta_assessment_average(NULL, &avg[i], NULL, a, i);
            ck_assert(rounded == avg[i]);
            ck_assert_int_eq(ta_rule_segment(&unadj, avg[i], cutoffs, 3, TA_CUTOFF_TIES_BETTER),
                             TA_OK);
            ck_assert_int_eq(
                ta_rule_adjust_segment(&seg[i], NULL, unadj,
                                       ta_assessment_trust_flag(a, i, TA_FLAG_FINANCIAL_DEFICIT), 3,
                                       TA_UNKNOWN, 5),
                TA_OK);
            ta_assessment_segments(NULL, &adjusted[i], NULL, a, i);
            ck_assert_int_eq(seg[i], adjusted[i]);
        }
        ck_assert_int_eq(ta_rule_ranks(ranks, seg, avg, n, 2, NULL), TA_OK);
        for (size_t i = 0; i < n; i++) {
            uint32_t rank = 0;
            ta_assessment_rank(&rank, a, i);
            ck_assert_uint_eq(rank, ranks[i]);
        }
        ta_assessment_free(a);
    }
    ta_framework_free(fw);
}
END_TEST

/* Rule: a band score takes a single cut point (two bands: on or better than
 * the cut scores 1, worse scores 2), either direction. */
START_TEST(band_score_takes_a_single_cut)
{
    const double cut[] = {10};
    double s = 0;
    ck_assert_int_eq(ta_rule_band_score(&s, 10, cut, 1, TA_HIGHER_IS_BETTER), TA_OK);
    ck_assert(s == 1.0);
    ck_assert_int_eq(ta_rule_band_score(&s, 9.5, cut, 1, TA_HIGHER_IS_BETTER), TA_OK);
    ck_assert(s == 2.0);
    ck_assert_int_eq(ta_rule_band_score(&s, 10.5, cut, 1, TA_LOWER_IS_BETTER), TA_OK);
    ck_assert(s == 2.0);
}
END_TEST

/* Rule: lower-is-better cut points must rise, each checked against the one
 * before it only: {110, 100} is refused whatever follows it in memory, and
 * two equal cuts are refused in either direction. */
START_TEST(band_score_refuses_lower_cuts_that_do_not_rise)
{
    const double falling[] = {110, 100, 50}, equal[] = {100, 100};
    double s = -1;
    ck_assert_int_eq(ta_rule_band_score(&s, 1, falling, 2, TA_LOWER_IS_BETTER), TA_EINVAL);
    ck_assert_int_eq(ta_rule_band_score(&s, 1, equal, 2, TA_LOWER_IS_BETTER), TA_EINVAL);
    ck_assert_int_eq(ta_rule_band_score(&s, 1, equal, 2, TA_HIGHER_IS_BETTER), TA_EINVAL);
    ck_assert(s == -1); /* untouched on failure */
}
END_TEST

int main(void)
{
    Suite *s = suite_create("rules");
    TCase *tc = tcase_create("pure rules");
    SRunner *sr;
    int failed;
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, rank_score_ties_share_the_best_rank);
    tcase_add_test(tc, rank_score_rejects_bad_input);
    tcase_add_test(tc, band_score_boundaries);
    tcase_add_test(tc, average_rounds_half_up_on_the_decimal);
    tcase_add_test(tc, average_is_the_exact_mean_of_hundredths);
    tcase_add_test(tc, average_is_exact_at_every_decimals);
    tcase_add_test(tc, average_of_one_score_and_whole_decimals);
    tcase_add_test(tc, ranks_refuse_an_average_of_1e9);
    tcase_add_test(tc, segment_cutoff_ties);
    tcase_add_test(tc, deficit_cap_and_rsp);
    tcase_add_test(tc, ranks_share_ties_and_respect_the_cap);
    tcase_add_test(tc, pure_rules_agree_with_assessments);
    tcase_add_test(tc, band_score_takes_a_single_cut);
    tcase_add_test(tc, band_score_refuses_lower_cuts_that_do_not_rise);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
