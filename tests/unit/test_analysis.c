/*
 * Tests of include/trustassess/analysis.h (likely ranges, what-if) and of the
 * faster internals they and the benchmark rely on.
 *
 * Likely ranges are checked for their statistics, not only for running: on
 * synthetic trusts whose 12 scores are independent draws with a known
 * standard deviation, the interval's half-width must match what a bootstrap
 * of a mean gives, and the intervals must cover the true mean as often as
 * theory says a percentile bootstrap of 12 values does. Reproducibility is
 * checked bitwise across thread counts. What-if is checked at its boundary:
 * the returned decrease lands the rounded average exactly on the cut-off and
 * one hundredth less does not reach it.
 */
#define TA_EXPERIMENTAL /* the likely ranges and what-if (trustassess/analysis.h) */

#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc_fail.h"
#include "alloc_guard.h"
#include "nof/analysis_internal.h"
#include "nof/assessment_internal.h"
#include "trustassess.h"
#include "trustassess/analysis.h"

#define K 12         /* scores per trust */
#define N_TRUSTS 400 /* synthetic trusts */
#define TRUE_MEAN 2.5
#define TRUE_SD 0.3

static const char *const ids[K] = {"S01", "S02", "S03", "S04", "S05", "S06",
                                   "S07", "S08", "S09", "S10", "S11", "S12"};

static uint64_t rng_state;

static double unit(void)
{
    uint64_t z = (rng_state += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return ((double)((z ^ (z >> 31)) >> 11) + 0.5) * 0x1.0p-53;
}

static double normal(void)
{
    return sqrt(-2 * log(unit())) * cos(6.283185307179586 * unit());
}

/* K supplied-score metrics, explicit cut-offs 2.0 / 2.5 / 3.0. */
static ta_framework *framework(void)
{
    ta_framework_builder *b = NULL;
    ta_framework *fw = NULL;
    static const double cutoffs[3] = {2.0, 2.5, 3.0};
    ck_assert_int_eq(ta_framework_builder_new(&b, "analysis-test", NULL), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "all", "All", "D1"), TA_OK);
    for (int m = 0; m < K; m++)
        ck_assert_int_eq(
            ta_framework_builder_add_metric(b, ids[m], ids[m], "all", TA_SCORING_SUPPLIED), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_cutoffs(b, 3, cutoffs), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_OK);
    ta_framework_builder_free(b);
    return fw;
}

static void code_of(char *buf, size_t i)
{
    snprintf(buf, 16, "T%04zu", i);
}

/* n trusts whose K scores are N(TRUE_MEAN, TRUE_SD) rounded to hundredths
 * (clamped to [1, 4], which at 5 sd never happens). */
static ta_assessment *synthetic(const ta_framework *fw, size_t n, uint64_t seed)
{
    ta_assessment *a = NULL;
    rng_state = seed;
    ck_assert_int_eq(ta_assessment_new(&a, fw, NULL), TA_OK);
    for (size_t i = 0; i < n; i++) {
        char code[16];
        const char *codes[K];
        double scores[K];
        code_of(code, i);
        for (int m = 0; m < K; m++) {
            double x = round((TRUE_MEAN + TRUE_SD * normal()) * 100) / 100;
            scores[m] = x < 1 ? 1 : x > 4 ? 4 : x;
            codes[m] = code;
        }
        ck_assert_int_eq(ta_assessment_add_columns(a, K, codes, ids, scores, TA_INPUT_SCORE),
                         TA_OK);
    }
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    return a;
}

/* The plug-in (divide by K) standard deviation of trust i's scores: the
 * bootstrap distribution of the mean of K draws has sd exactly this / sqrt(K). */
static double plugin_sd(const ta_assessment *a, size_t i)
{
    double sum = 0, sq = 0, mean;
    for (size_t m = 0; m < K; m++) {
        int has;
        double x;
        ck_assert_int_eq(ta_assessment_metric_score(&has, &x, a, i, m), TA_OK);
        ck_assert(has);
        sum += x;
        sq += x * x;
    }
    mean = sum / K;
    return sqrt(sq / K - mean * mean);
}

START_TEST(half_width_matches_bootstrap_theory)
{
    ta_framework *fw = framework();
    ta_assessment *a = synthetic(fw, N_TRUSTS, 11);
    double ratio_sum = 0;
    ck_assert_int_eq(ta_assessment_likely_ranges(a, 4000, 0.95, 7, 2), TA_OK);
    for (size_t i = 0; i < N_TRUSTS; i++) {
        double lo, hi, expected, half;
        ck_assert_int_eq(ta_assessment_likely_average_range(&lo, &hi, a, i), TA_OK);
        expected = 1.96 * plugin_sd(a, i) / sqrt(K);
        half = (hi - lo) / 2;
        /* Per trust: the Monte Carlo sd of a 2.5% quantile from 4000
         * replicates is about 0.04 bootstrap sd, so about 1.5% of the
         * half-width after averaging two bounds; the percentiles of a mean
         * of 12 draws deviate from the normal ones by a few per cent; each
         * bound is rounded to 0.01 (at most 0.005 each). 12% + 0.01 is
         * several times all of that together. */
        ck_assert_msg(fabs(half - expected) <= 0.12 * expected + 0.01,
                      "trust %zu: half-width %.4f, expected %.4f", i, half, expected);
        ratio_sum += half / expected;
    }
    /* On average over 400 trusts the Monte Carlo error shrinks by 20; what
     * is left is the rounding (unbiased) and non-normality: within 3%. */
    ck_assert_msg(fabs(ratio_sum / N_TRUSTS - 1) < 0.03, "mean ratio %.4f", ratio_sum / N_TRUSTS);
    /* And the true sd: the half-width is near 1.96 x 0.3 / sqrt(12) x
     * sqrt(11/12) (plug-in sd), 0.163, on average. */
    ck_assert(fabs(ratio_sum / N_TRUSTS * 1.96 * TRUE_SD / sqrt(K) * sqrt(11.0 / 12) - 0.163) <
              0.02);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

START_TEST(coverage_of_the_true_mean)
{
    ta_framework *fw = framework();
    ta_assessment *a = synthetic(fw, N_TRUSTS, 23);
    size_t covered = 0;
    double rate, expected, sd;
    ck_assert_int_eq(ta_assessment_likely_ranges(a, 2000, 0.95, 99, 2), TA_OK);
    for (size_t i = 0; i < N_TRUSTS; i++) {
        double lo, hi;
        ck_assert_int_eq(ta_assessment_likely_average_range(&lo, &hi, a, i), TA_OK);
        covered += lo <= TRUE_MEAN + 1e-9 && TRUE_MEAN <= hi + 1e-9;
    }
    rate = (double)covered / N_TRUSTS;
    /* A 95% percentile bootstrap of a mean of 12 normal values covers less
     * than 95%: its sd is the plug-in sd / sqrt(12) (biased low by
     * sqrt(11/12)) and it uses z, not t with 11 degrees of freedom, so the
     * coverage is P(|t_11| <= 1.96 sqrt(11/12)) = P(|t_11| <= 1.877) = 0.913.
     * Rounding the bounds outward to hundredths adds a little. Binomial sd
     * with 400 trusts: sqrt(0.913 x 0.087 / 400) = 0.014; allow 4 sd below
     * and 4 sd + 0.02 (the rounding) above. */
    expected = 0.913;
    sd = sqrt(expected * (1 - expected) / N_TRUSTS);
    ck_assert_msg(rate >= expected - 4 * sd && rate <= expected + 4 * sd + 0.02, "coverage %.3f",
                  rate);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* Both ranges of every trust, as one array for bitwise comparison. */
static void all_ranges(const ta_assessment *a, size_t n, double *avg, uint32_t *rank)
{
    for (size_t i = 0; i < n; i++) {
        ck_assert_int_eq(ta_assessment_likely_average_range(&avg[2 * i], &avg[2 * i + 1], a, i),
                         TA_OK);
        ck_assert_int_eq(ta_assessment_likely_rank_range(&rank[2 * i], &rank[2 * i + 1], a, i),
                         TA_OK);
        ck_assert(avg[2 * i] <= avg[2 * i + 1]);
        ck_assert(rank[2 * i] >= 1 && rank[2 * i] <= rank[2 * i + 1] && rank[2 * i + 1] <= n);
    }
}

START_TEST(same_on_any_thread_count_and_seed_matters)
{
    ta_framework *fw = framework();
    ta_assessment *a = synthetic(fw, 60, 5);
    double avg1[120], avg[120];
    uint32_t rank1[120], rank[120];
    static const unsigned threads[] = {2, 3, 4, 7};
    ck_assert_int_eq(ta_assessment_likely_ranges(a, 999, 0.9, 1234, 1), TA_OK);
    all_ranges(a, 60, avg1, rank1);
    /* Rule: the stream is fixed by the seed (splitmix64 keyed by seed,
     * replicate and trust): seed 1234 gives these bounds on every platform and
     * in every release, so published likely ranges can be reproduced. */
    {
        unsigned long rank_sum = 0;
        for (size_t i = 0; i < 120; i++)
            rank_sum += rank1[i];
        ck_assert_uint_eq(rank_sum, 3623);
        ck_assert_double_eq_tol(avg1[0], 2.36, 1e-9);
        ck_assert_double_eq_tol(avg1[1], 2.71, 1e-9);
        ck_assert_uint_eq(rank1[0], 6);
        ck_assert_uint_eq(rank1[1], 58);
    }
    for (size_t k = 0; k < sizeof threads / sizeof *threads; k++) {
        ck_assert_int_eq(ta_assessment_likely_ranges(a, 999, 0.9, 1234, threads[k]), TA_OK);
        all_ranges(a, 60, avg, rank);
        ck_assert(memcmp(avg, avg1, sizeof avg) == 0);
        ck_assert(memcmp(rank, rank1, sizeof rank) == 0);
    }
    ck_assert_int_eq(ta_assessment_likely_ranges(a, 999, 0.9, 1235, 2), TA_OK);
    all_ranges(a, 60, avg, rank);
    ck_assert(memcmp(avg, avg1, sizeof avg) != 0 || memcmp(rank, rank1, sizeof rank) != 0);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

START_TEST(bad_arguments_and_states)
{
    ta_framework *fw = framework();
    ta_assessment *a = synthetic(fw, 5, 3);
    double lo, hi, d;
    uint32_t rlo, rhi;
    ck_assert_int_eq(ta_assessment_likely_average_range(&lo, &hi, a, 0), TA_ESTATE);
    ck_assert_int_eq(ta_assessment_likely_ranges(NULL, 10, 0.95, 1, 1), TA_EINVAL);
    ck_assert_int_eq(ta_assessment_likely_ranges(a, 0, 0.95, 1, 1), TA_EINVAL);
    ck_assert_int_eq(ta_assessment_likely_ranges(a, 10, 0.0, 1, 1), TA_EINVAL);
    ck_assert_int_eq(ta_assessment_likely_ranges(a, 10, 1.0, 1, 1), TA_EINVAL);
    ck_assert_int_eq(ta_assessment_likely_ranges(a, 10, -0.5, 1, 1), TA_EINVAL);
    ck_assert_int_eq(ta_assessment_likely_ranges(a, 10, NAN, 1, 1), TA_EINVAL);
    ck_assert_int_eq(ta_assessment_likely_ranges(a, 10, 0.95, 1, 100000), TA_EINVAL);
    ck_assert_str_ne(ta_assessment_error(a), "");
    ck_assert_int_eq(ta_assessment_likely_ranges(a, 10, 0.95, 1, 0), TA_OK);
    ck_assert_int_eq(ta_assessment_likely_average_range(&lo, &hi, a, 5), TA_EINVAL);
    ck_assert_int_eq(ta_assessment_likely_average_range(NULL, &hi, a, 0), TA_EINVAL);
    ck_assert_int_eq(ta_assessment_likely_rank_range(&rlo, NULL, a, 0), TA_EINVAL);
    ck_assert_int_eq(ta_assessment_likely_rank_range(&rlo, &rhi, a, 0), TA_OK);
    /* One replicate: both bounds are that replicate. */
    ck_assert_int_eq(ta_assessment_likely_ranges(a, 1, 0.95, 1, 1), TA_OK);
    ck_assert_int_eq(ta_assessment_likely_average_range(&lo, &hi, a, 0), TA_OK);
    ck_assert(lo == hi);
    /* Changing the inputs discards the ranges. */
    ck_assert_int_eq(ta_assessment_set_trust_flag(a, "T0000", TA_FLAG_FINANCIAL_DEFICIT, TA_YES),
                     TA_OK);
    ck_assert_int_eq(ta_assessment_likely_rank_range(&rlo, &rhi, a, 0), TA_ESTATE);
    ck_assert_int_eq(ta_assessment_whatif_score(&d, a, 0, 0), TA_ESTATE);
    ck_assert_int_eq(ta_assessment_whatif_batch(&d, 1, a, 1), TA_ESTATE);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

START_TEST(deficit_cap_and_unsegmented_trusts)
{
    ta_framework *fw = framework();
    ta_assessment *a = synthetic(fw, 20, 8);
    ta_trust *t = NULL;
    double lo, hi;
    uint32_t rlo, rhi, rank;
    size_t empty;
    int seg;
    /* A trust with no scores is not segmented: no range. */
    ck_assert_int_eq(ta_trust_new(&t, fw, "EMPTY", NULL), TA_OK);
    ck_assert_int_eq(ta_assessment_add_trust(a, t), TA_OK);
    ta_trust_free(t);
    ck_assert_int_eq(ta_assessment_find_trust(&empty, a, "EMPTY"), TA_OK);
    /* Five trusts whose every score is 1.50 to 1.98: segment 1 in every
     * replicate. A capped trust is segment 3 or worse in every replicate,
     * so in every replicate it ranks below all five. */
    for (size_t g = 0; g < 5; g++) {
        const char *codes[K];
        double scores[K];
        char *code = calloc(1, 8);
        snprintf(code, 8, "G%zu", g);
        for (int m = 0; m < K; m++) {
            codes[m] = code;
            scores[m] = 1.5 + (double)((g * 5 + (size_t)m * 3) % 49) / 100;
        }
        ck_assert_int_eq(ta_assessment_add_columns(a, K, codes, ids, scores, TA_INPUT_SCORE),
                         TA_OK);
        free(code);
    }
    ck_assert_int_eq(ta_assessment_set_trust_flag(a, "T0000", TA_FLAG_FINANCIAL_DEFICIT, TA_YES),
                     TA_OK);
    ck_assert_int_eq(ta_assessment_likely_ranges(a, 500, 0.95, 3, 2), TA_OK);
    ck_assert_int_eq(ta_assessment_likely_average_range(&lo, &hi, a, empty), TA_ENOTFOUND);
    ck_assert_int_eq(ta_assessment_segments(NULL, &seg, NULL, a, 0), TA_OK);
    ck_assert_int_ge(seg, 3);
    ck_assert_int_eq(ta_assessment_likely_rank_range(&rlo, &rhi, a, 0), TA_OK);
    ck_assert_int_eq(ta_assessment_rank(&rank, a, 0), TA_OK);
    ck_assert_uint_ge(rlo, 6);
    ck_assert_uint_le(rlo, rank);
    ck_assert_uint_ge(rhi, rank);
    for (size_t g = 0; g < 5; g++) {
        uint32_t jlo, jhi;
        ck_assert_int_eq(ta_assessment_likely_average_range(&lo, &hi, a, 21 + g), TA_OK);
        ck_assert(lo >= 1.5 && hi <= 1.98);
        ck_assert_int_eq(ta_assessment_likely_rank_range(&jlo, &jhi, a, 21 + g), TA_OK);
        ck_assert_uint_le(jhi, 5);
    }
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* One trust with the given scores (NaN = none) in a fresh assessment. */
static ta_assessment *one_trust(const ta_framework *fw, const double *scores)
{
    ta_assessment *a = NULL;
    ta_trust *t = NULL;
    ck_assert_int_eq(ta_assessment_new(&a, fw, NULL), TA_OK);
    ck_assert_int_eq(ta_trust_new(&t, fw, "W1", NULL), TA_OK);
    for (int m = 0; m < K; m++)
        if (!isnan(scores[m]))
            ck_assert_int_eq(ta_trust_set_score(t, ids[m], scores[m]), TA_OK);
    ck_assert_int_eq(ta_assessment_add_trust(a, t), TA_OK);
    ta_trust_free(t);
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    return a;
}

static double rounded_average(const ta_assessment *a)
{
    double r;
    ck_assert_int_eq(ta_assessment_average(NULL, &r, NULL, a, 0), TA_OK);
    return r;
}

START_TEST(whatif_lands_on_the_cut_off)
{
    ta_framework *fw = framework();
    /* Average 2.7175 -> 2.72: segment 3 (above 2.5). The next better segment
     * needs a rounded average <= 2.50. */
    double scores[K] = {2.10, 2.20, 2.30, 2.40, 2.50, 2.60, 2.70, 2.80, 2.90, 3.00, 3.41, 3.70};
    for (size_t m = 0; m < K; m++) {
        ta_assessment *a = one_trust(fw, scores), *b, *c;
        double d, changed[K];
        int seg;
        ck_assert_int_eq(ta_assessment_segments(&seg, NULL, NULL, a, 0), TA_OK);
        ck_assert_int_eq(seg, 3);
        ck_assert_int_eq(ta_assessment_whatif_score(&d, a, 0, m), TA_OK);
        if (scores[m] - 1 < 2.72 * 12 - 2.505 * 12) {
            /* Even a score of 1.00 cannot pull the mean down far enough. */
            ck_assert(isinf(d));
            ta_assessment_free(a);
            continue;
        }
        ck_assert(d > 0 && d <= scores[m] - 1 + 1e-9);
        /* Exactly d: the rounded average is the cut-off, segment 2. */
        memcpy(changed, scores, sizeof changed);
        changed[m] = round((scores[m] - d) * 100) / 100;
        b = one_trust(fw, changed);
        ck_assert_double_eq_tol(rounded_average(b), 2.50, 1e-12);
        ck_assert_int_eq(ta_assessment_segments(&seg, NULL, NULL, b, 0), TA_OK);
        ck_assert_int_eq(seg, 2);
        /* One hundredth less: still segment 3. */
        changed[m] = round((scores[m] - d + 0.01) * 100) / 100;
        c = one_trust(fw, changed);
        ck_assert_double_eq_tol(rounded_average(c), 2.51, 1e-12);
        ck_assert_int_eq(ta_assessment_segments(&seg, NULL, NULL, c, 0), TA_OK);
        ck_assert_int_eq(seg, 3);
        ta_assessment_free(a);
        ta_assessment_free(b);
        ta_assessment_free(c);
    }
    ta_framework_free(fw);
}
END_TEST

/* Rule: the largest decrease a score can take is all the way to 1.00, and it
 * counts: here only a score of exactly 1.00 pulls the rounded average to the
 * cut-off (2.50; 1.01 leaves 2.51), so the answer is the whole 2.70, not
 * "never" (the 1e-9 allowance works for the score, not against it). */
START_TEST(whatif_down_to_exactly_one)
{
    ta_framework *fw = framework();
    const double scores[K] = {2.10, 2.20, 2.30, 2.40, 2.50, 2.60,
                              2.70, 2.80, 2.90, 3.00, 3.55, 3.70};
    double changed[K], d = 0;
    ta_assessment *a = one_trust(fw, scores), *b, *c;
    ck_assert_double_eq_tol(rounded_average(a), 2.73, 1e-12);
    ck_assert_int_eq(ta_assessment_whatif_score(&d, a, 0, 11), TA_OK);
    ck_assert_double_eq_tol(d, 2.70, 1e-9);
    memcpy(changed, scores, sizeof changed);
    changed[11] = 1.00;
    b = one_trust(fw, changed);
    ck_assert_double_eq_tol(rounded_average(b), 2.50, 1e-12);
    changed[11] = 1.01;
    c = one_trust(fw, changed);
    ck_assert_double_eq_tol(rounded_average(c), 2.51, 1e-12);
    ta_assessment_free(a);
    ta_assessment_free(b);
    ta_assessment_free(c);
    ta_framework_free(fw);
}
END_TEST

/* Rule: what-if recomputes the whole average, every domain's metrics, not
 * one domain's. Two domains, one metric each: A 3.20 and B 2.00 average 2.60
 * (segment 3); the average reaches the cut-off 2.50 when either score drops by
 * 0.20 (A alone would need 0.70, and B alone could never do it). */
START_TEST(whatif_counts_every_domain)
{
    ta_framework_builder *b = NULL;
    ta_framework *fw = NULL;
    ta_assessment *a = NULL;
    ta_trust *t = NULL;
    static const double cutoffs[3] = {2.0, 2.5, 3.0};
    double d = 0;
    int seg = 0;
    ck_assert_int_eq(ta_framework_builder_new(&b, "two-domains", NULL), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "a", "First", "D1"), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "b", "Second", "D2"), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "A", "A", "a", TA_SCORING_SUPPLIED), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "B", "B", "b", TA_SCORING_SUPPLIED), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_cutoffs(b, 3, cutoffs), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_OK);
    ta_framework_builder_free(b);
    ck_assert_int_eq(ta_assessment_new(&a, fw, NULL), TA_OK);
    ck_assert_int_eq(ta_trust_new(&t, fw, "W1", NULL), TA_OK);
    ck_assert_int_eq(ta_trust_set_score(t, "A", 3.20), TA_OK);
    ck_assert_int_eq(ta_trust_set_score(t, "B", 2.00), TA_OK);
    ck_assert_int_eq(ta_assessment_add_trust(a, t), TA_OK);
    ta_trust_free(t);
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    ck_assert_double_eq_tol(rounded_average(a), 2.60, 1e-12);
    ck_assert_int_eq(ta_assessment_segments(&seg, NULL, NULL, a, 0), TA_OK);
    ck_assert_int_eq(seg, 3);
    ck_assert_int_eq(ta_assessment_whatif_score(&d, a, 0, 0), TA_OK);
    ck_assert_double_eq_tol(d, 0.20, 1e-9);
    ck_assert_int_eq(ta_assessment_whatif_score(&d, a, 0, 1), TA_OK);
    ck_assert_double_eq_tol(d, 0.20, 1e-9);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* Rule: what-if answers for the trust and metric asked about, from that
 * trust's own row of scores, and only for metrics in the average. K metrics
 * in the average and X outside it; W0 has every score 4.00 (segment 4,
 * which no single score can leave: INFINITY), W1 averages exactly 2.505,
 * which rounds to 2.51 (segment 3), so one hundredth off any of its scores
 * that can fall reaches 2.50 (segment 2): 0.01, even from 2.80 or from
 * 1.01; its score of 1.00 cannot fall (INFINITY). X has scores and no
 * answer (TA_ENOTFOUND). The batch gives the same cells. */
START_TEST(whatif_reads_each_trusts_own_scores)
{
    ta_framework_builder *b = NULL;
    ta_framework *fw = NULL;
    ta_assessment *a = NULL;
    static const double cutoffs[3] = {2.0, 2.5, 3.0};
    /* W1: 1.01 + 2.80 + 1.00 + 8 x 2.80 + 2.85 = 30.06 = 12 x 2.505 */
    static const double w1[K] = {1.01, 2.80, 1.00, 2.80, 2.80, 2.80,
                                 2.80, 2.80, 2.80, 2.80, 2.80, 2.85};
    double d = 0, out[2 * (K + 1)];
    int seg = 0;
    size_t x = 0;
    ck_assert_int_eq(ta_framework_builder_new(&b, "whatif-rows", NULL), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "all", "All", "D1"), TA_OK);
    for (int m = 0; m < K; m++)
        ck_assert_int_eq(
            ta_framework_builder_add_metric(b, ids[m], ids[m], "all", TA_SCORING_SUPPLIED), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "X", "X", "all", TA_SCORING_SUPPLIED),
                     TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_in_average(b, "X", 0), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_cutoffs(b, 3, cutoffs), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_OK);
    ta_framework_builder_free(b);
    ck_assert_int_eq(ta_framework_metric_index(&x, fw, "X"), TA_OK);
    ck_assert_uint_eq(x, K);
    ck_assert_int_eq(ta_assessment_new(&a, fw, NULL), TA_OK);
    for (int i = 0; i < 2; i++) {
        ta_trust *t = NULL;
        ck_assert_int_eq(ta_trust_new(&t, fw, i ? "W1" : "W0", NULL), TA_OK);
        for (int m = 0; m < K; m++)
            ck_assert_int_eq(ta_trust_set_score(t, ids[m], i ? w1[m] : 4.00), TA_OK);
        ck_assert_int_eq(ta_trust_set_score(t, "X", i ? 2.00 : 1.50), TA_OK);
        ck_assert_int_eq(ta_assessment_add_trust(a, t), TA_OK);
        ta_trust_free(t);
    }
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    ck_assert_int_eq(ta_assessment_segments(&seg, NULL, NULL, a, 0), TA_OK);
    ck_assert_int_eq(seg, 4);
    ck_assert_int_eq(ta_assessment_segments(&seg, NULL, NULL, a, 1), TA_OK);
    ck_assert_int_eq(seg, 3);
    for (size_t m = 0; m < K; m++) {
        ck_assert_int_eq(ta_assessment_whatif_score(&d, a, 0, m), TA_OK);
        ck_assert_msg(isinf(d), "W0, metric %zu: %g", m, d);
        ck_assert_int_eq(ta_assessment_whatif_score(&d, a, 1, m), TA_OK);
        if (m == 2)
            ck_assert_msg(isinf(d), "W1, metric 2 (1.00): %g", d);
        else
            ck_assert_msg(fabs(d - 0.01) < 1e-12, "W1, metric %zu: %g", m, d);
    }
    ck_assert_int_eq(ta_assessment_whatif_score(&d, a, 0, x), TA_ENOTFOUND);
    ck_assert_int_eq(ta_assessment_whatif_score(&d, a, 1, x), TA_ENOTFOUND);
    ck_assert_int_eq(ta_assessment_whatif_batch(out, 2 * (K + 1), a, 2), TA_OK);
    for (size_t m = 0; m < K; m++) {
        ck_assert(isinf(out[m]));
        ck_assert(m == 2 ? isinf(out[K + 1 + m]) : fabs(out[K + 1 + m] - 0.01) < 1e-12);
    }
    ck_assert(isnan(out[K]) && isnan(out[2 * K + 1]));
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* Rule: the average of decimal scores is their exact mean, correctly
 * rounded to a double (average.c sums whole hundredths): these 12 scores
 * sum to 28.47, and 28.47 / 12 is 2.3725 exactly, so the unrounded average
 * is the double nearest 2.3725. Summing the doubles instead gives
 * 2.372499999999999, one that half-up rounding with its tolerance still
 * takes to 2.37 but that is not the mean. */
START_TEST(average_is_the_exact_mean_of_hundredths)
{
    ta_framework *fw = framework();
    static const double scores[K] = {3.46, 2.61, 1.94, 3.46, 3.41, 1.90,
                                     1.29, 2.31, 1.11, 2.83, 3.06, 1.09};
    ta_assessment *a = one_trust(fw, scores);
    double unrounded = 0, rounded = 0;
    size_t n = 0;
    ck_assert_int_eq(ta_assessment_average(&unrounded, &rounded, &n, a, 0), TA_OK);
    ck_assert_uint_eq(n, K);
    ck_assert_msg(unrounded == 2.3725, "%.17g", unrounded);
    ck_assert_double_eq_tol(rounded, 2.37, 1e-12);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

START_TEST(whatif_special_cases_and_batch)
{
    ta_framework *fw = framework();
    double best[K], out[21 * K], d;
    ta_assessment *a, *s;
    for (int m = 0; m < K; m++)
        best[m] = m == 3 ? NAN : 1.5;
    a = one_trust(fw, best);
    /* Segment 1 already: 0. A metric without a score: TA_ENOTFOUND. */
    ck_assert_int_eq(ta_assessment_whatif_score(&d, a, 0, 0), TA_OK);
    ck_assert(d == 0);
    ck_assert_int_eq(ta_assessment_whatif_score(&d, a, 0, 3), TA_ENOTFOUND);
    ck_assert_int_eq(ta_assessment_whatif_score(&d, a, 0, K), TA_EINVAL);
    ck_assert_int_eq(ta_assessment_whatif_score(&d, a, 1, 0), TA_EINVAL);
    ck_assert_int_eq(ta_assessment_whatif_score(NULL, a, 0, 0), TA_EINVAL);
    ta_assessment_free(a);
    /* The batch is the single calls, cell by cell, on any thread count. */
    s = synthetic(fw, 21, 77);
    ck_assert_int_eq(ta_assessment_whatif_batch(out, 21 * K - 1, s, 1), TA_EINVAL);
    /* Rule: a NULL output, or more than 256 threads, is refused alone. */
    ck_assert_int_eq(ta_assessment_whatif_batch(NULL, 21 * K, s, 1), TA_EINVAL);
    ck_assert_int_eq(ta_assessment_whatif_batch(out, 21 * K, s, 257), TA_EINVAL);
    for (unsigned threads = 1; threads <= 4; threads++) {
        ck_assert_int_eq(ta_assessment_whatif_batch(out, 21 * K, s, threads), TA_OK);
        for (size_t i = 0; i < 21; i++)
            for (size_t m = 0; m < K; m++) {
                ck_assert_int_eq(ta_assessment_whatif_score(&d, s, i, m), TA_OK);
                ck_assert(d == out[i * K + m] || (isinf(d) && isinf(out[i * K + m])));
            }
    }
    ta_assessment_free(s);
    ta_framework_free(fw);
}
END_TEST

/* ---- internals the speed work replaced ---------------------------------- */

static int reference_order(const void *pa, const void *pb)
{
    const tai_rank_entry *a = pa, *b = pb;
    int c;
    if (a->group != b->group)
        return a->group < b->group ? -1 : 1;
    if (a->segment != b->segment)
        return a->segment < b->segment ? -1 : 1;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    if ((c = strcmp(a->name, b->name)) != 0)
        return c;
    return strcmp(a->code, b->code);
}

/* A unit of work for the parallel-for test: marks its units, and fails as
 * the worker(s) told to. */
typedef struct pf_ctx {
    int visits[8];
    ta_status fail[4]; /* per worker: what it returns */
} pf_ctx;

static ta_status pf_work(void *ctx, unsigned worker, size_t begin, size_t end)
{
    pf_ctx *c = ctx;
    for (size_t u = begin; u < end; u++)
        c->visits[u]++; /* each unit belongs to one worker: no two threads share a slot */
    return c->fail[worker];
}

/* Rule: the parallel for visits every unit once, over any number of
 * threads, and a failing worker's status is the answer whichever worker it
 * is (the first failing one when several fail). */
START_TEST(parallel_for_reports_every_workers_failure)
{
    for (unsigned threads = 1; threads <= 4; threads++) {
        pf_ctx c;
        memset(&c, 0, sizeof c);
        ck_assert_int_eq(tai_parallel_for(8, threads, pf_work, &c), TA_OK);
        for (int u = 0; u < 8; u++)
            ck_assert_int_eq(c.visits[u], 1);
    }
    for (unsigned w = 0; w < 4; w++) {
        pf_ctx c;
        memset(&c, 0, sizeof c);
        c.fail[w] = TA_ENOMEM;
        ck_assert_msg(tai_parallel_for(8, 4, pf_work, &c) == TA_ENOMEM, "worker %u", w);
    }
    {
        pf_ctx c;
        memset(&c, 0, sizeof c);
        c.fail[1] = TA_ERANGE;
        c.fail[2] = TA_ENOMEM;
        ck_assert_int_eq(tai_parallel_for(8, 4, pf_work, &c), TA_ERANGE);
    }
}
END_TEST

START_TEST(rank_sort_matches_qsort)
{
    static const char *const names[4] = {"", "Alpha", "Beta", "Alpha"};
    char codes[3000][8];
    tai_rank_entry *e = calloc(3000, sizeof *e), *r = calloc(3000, sizeof *r);
    rng_state = 42;
    for (size_t n = 0; n < 3000; n = n * 3 + 1) {
        for (size_t i = 0; i < n; i++) {
            snprintf(codes[i], sizeof codes[i], "C%zu", (size_t)(unit() * 1e6));
            snprintf(codes[i] + 4, 4, "%zu", i % 1000); /* unique within n */
            e[i].item = i;
            e[i].group = (size_t)(unit() * 3);
            e[i].segment = 1 + (int)(unit() * 4);
            e[i].key = 100 + (int64_t)(unit() * 20); /* many ties */
            e[i].name = names[(size_t)(unit() * 4)];
            e[i].code = codes[i];
        }
        memcpy(r, e, n * sizeof *e);
        qsort(r, n, sizeof *r, reference_order);
        tai_rank_entries(e, n);
        for (size_t i = 0; i < n; i++) {
            ck_assert_int_eq(reference_order(&e[i], &r[i]), 0);
            if (i > 0 && e[i].group == e[i - 1].group && e[i].segment == e[i - 1].segment &&
                e[i].key == e[i - 1].key)
                ck_assert_uint_eq(e[i].rank, e[i - 1].rank);
        }
    }
    free(e);
    free(r);
}
END_TEST

/* Rule: the rank sort stays a sort when quicksort is at its worst. These
 * 64-key orders (McIlroy's adversary against this median of three and
 * partition, run to the point where the depth budget gives the last 36 keys,
 * positions 28 to 63, to the heapsort) differ in what the heapsort gets: in
 * the first the keys the adversary left free in a shuffled order, in the
 * second in ascending order. Either way the heap building must sift down
 * from every inner node (36 / 2 of them), not fewer. */
START_TEST(rank_sort_survives_a_quicksort_killer)
{
    static const int64_t orders[2][64] = {
        {0,  50, 2,  45, 4,  61, 6,  58, 8,  35, 10, 33, 12, 38, 14, 41, 16, 63, 18, 29, 20, 56,
         22, 51, 24, 36, 26, 31, 28, 47, 42, 49, 1,  3,  5,  7,  9,  11, 13, 15, 17, 19, 21, 23,
         25, 27, 48, 55, 32, 60, 34, 46, 39, 43, 37, 62, 53, 57, 40, 59, 44, 30, 54, 52},
        {0,  32, 2,  33, 4,  34, 6,  35, 8,  36, 10, 37, 12, 38, 14, 39, 16, 40, 18, 41, 20, 42,
         22, 43, 24, 44, 26, 45, 28, 29, 30, 31, 1,  3,  5,  7,  9,  11, 13, 15, 17, 19, 21, 23,
         25, 27, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63},
    };
    for (size_t o = 0; o < 2; o++) {
        const int64_t *keys = orders[o];
        tai_rank_entry e[64];
        char codes[64][8];
        memset(e, 0, sizeof e);
        for (size_t i = 0; i < 64; i++) {
            snprintf(codes[i], sizeof codes[i], "K%02d", (int)keys[i]);
            e[i].item = i;
            e[i].segment = 1;
            e[i].key = keys[i];
            e[i].name = "";
            e[i].code = codes[i];
        }
        tai_rank_entries(e, 64);
        for (size_t i = 0; i < 64; i++) {
            ck_assert_int_eq(e[i].key, (int64_t)i);
            ck_assert_uint_eq(e[i].rank, i + 1);
            ck_assert_int_eq(keys[e[i].item], (int64_t)i);
        }
    }
}
END_TEST

START_TEST(add_columns_same_result_with_shared_or_copied_strings)
{
    ta_framework *fw = framework();
    ta_assessment *a = NULL, *b = NULL;
    const char *codes_shared[2 * K], *ids_shared[2 * K], *codes_copied[2 * K], *ids_copied[2 * K];
    static char copies[2 * K][2][8];
    double numbers[2 * K];
    ck_assert_int_eq(ta_assessment_new(&a, fw, NULL), TA_OK);
    ck_assert_int_eq(ta_assessment_new(&b, fw, NULL), TA_OK);
    for (size_t r = 0; r < 2 * K; r++) {
        /* Rows of X1 and X2 interleaved in runs of unequal length. */
        codes_shared[r] = (r % 5 < 2) ? "X1" : "X2";
        ids_shared[r] = ids[(r * 7) % K];
        strcpy(copies[r][0], codes_shared[r]);
        strcpy(copies[r][1], ids_shared[r]);
        codes_copied[r] = copies[r][0];
        ids_copied[r] = copies[r][1];
        numbers[r] = 1 + (double)r / 10;
    }
    /* (r * 7) % 12 repeats after 12 rows, and X1/X2 runs then repeat a
     * (trust, metric) pair: find the first duplicate and stop before it. */
    {
        size_t n = 0;
        for (; n < 2 * K; n++) {
            size_t j = 0;
            for (; j < n; j++)
                if (strcmp(codes_shared[j], codes_shared[n]) == 0 &&
                    strcmp(ids_shared[j], ids_shared[n]) == 0)
                    break;
            if (j < n)
                break;
        }
        ck_assert_uint_gt(n, 3);
        ck_assert_int_eq(
            ta_assessment_add_columns(a, n, codes_shared, ids_shared, numbers, TA_INPUT_SCORE),
            TA_OK);
        ck_assert_int_eq(
            ta_assessment_add_columns(b, n, codes_copied, ids_copied, numbers, TA_INPUT_SCORE),
            TA_OK);
        /* The whole array has a duplicate: refused, nothing changes. */
        ck_assert_int_eq(
            ta_assessment_add_columns(b, 2 * K, codes_copied, ids_copied, numbers, TA_INPUT_SCORE),
            TA_EDUPLICATE);
    }
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    ck_assert_int_eq(ta_assessment_run(b), TA_OK);
    ck_assert_uint_eq(ta_assessment_trust_count(a), 2);
    ck_assert_uint_eq(ta_assessment_trust_count(b), 2);
    for (size_t i = 0; i < 2; i++) {
        ck_assert_str_eq(ta_assessment_trust_code(a, i), ta_assessment_trust_code(b, i));
        for (size_t m = 0; m < K; m++) {
            int ha, hb;
            double xa = 0, xb = 0;
            ck_assert_int_eq(ta_assessment_metric_score(&ha, &xa, a, i, m), TA_OK);
            ck_assert_int_eq(ta_assessment_metric_score(&hb, &xb, b, i, m), TA_OK);
            ck_assert_int_eq(ha, hb);
            ck_assert(xa == xb);
        }
    }
    ta_assessment_free(a);
    ta_assessment_free(b);
    ta_framework_free(fw);
}
END_TEST

/* One domain of n supplied-score metrics (ids[0..n)), cut-offs 2.0, 2.5 and
 * 3.0, averages rounded to `decimals`: the frameworks of the span tests. */
static ta_framework *supplied_framework(const char *name, int n, int decimals)
{
    static const double cutoffs[3] = {2.0, 2.5, 3.0};
    ta_framework_builder *b = NULL;
    ta_framework *fw = NULL;
    ck_assert_int_eq(ta_framework_builder_new(&b, name, NULL), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "all", "All", "D1"), TA_OK);
    for (int m = 0; m < n; m++)
        ck_assert_int_eq(
            ta_framework_builder_add_metric(b, ids[m], ids[m], "all", TA_SCORING_SUPPLIED), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_cutoffs(b, 3, cutoffs), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_decimals(b, decimals), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_OK);
    ta_framework_builder_free(b);
    return fw;
}

/* Rule (likely_range.c:194, the selection behind a wide span): at 6
 * decimals a trust's replicate averages span more than the counting path
 * takes, and the bounds are selected among that trust's replicates only: each
 * likely average lies within its trust's scores, and nothing is written past
 * a block (the last trust's replicates end its block). */
START_TEST(wide_span_selection_stays_in_its_replicates)
{
    ta_framework *fw = NULL;
    ag_state g = {0};
    ta_allocator al = ag_allocator(&g);
    ta_assessment *a = NULL;
    fw = supplied_framework("wide", K, 6);
    ck_assert_int_eq(ta_assessment_new(&a, fw, &al), TA_OK);
    for (size_t i = 0; i < 3; i++) {
        char code[16];
        const char *codes[K];
        double scores[K];
        code_of(code, i);
        for (int m = 0; m < K; m++) {
            scores[m] = 1.5 + (double)((m * 7 + (int)i * 3) % 11) * 0.2; /* 1.5 .. 3.5 */
            codes[m] = code;
        }
        ck_assert_int_eq(ta_assessment_add_columns(a, K, codes, ids, scores, TA_INPUT_SCORE),
                         TA_OK);
    }
    ck_assert_int_eq(ta_assessment_likely_ranges(a, 64, 0.9, 5, 1), TA_OK);
    for (size_t i = 0; i < 3; i++) {
        double lo = 0, hi = 0;
        ck_assert_int_eq(ta_assessment_likely_average_range(&lo, &hi, a, i), TA_OK);
        ck_assert_msg(lo >= 1.5 && lo < hi && hi <= 3.5, "trust %zu: [%g, %g]", i, lo, hi);
    }
    ta_assessment_free(a);
    ck_assert_uint_eq(g.overruns, 0);
    ck_assert_uint_eq(g.live, 0);
    ta_framework_free(fw);
}
END_TEST

/* The bounds of a wide span (6 decimals: the selection) are those of a narrow
 * one (2 decimals: the count per value): averages of four scores of 1 .. 4
 * are quarters, exact at both, and the draws do not depend on the decimals
 * (likely_range.c:199-215). */
static ta_assessment *quarters_assessment(ta_framework **fw, int decimals, const ta_allocator *al)
{
    ta_assessment *a = NULL;
    static const double scores[6][4] = {{1, 1, 4, 4}, {1, 4, 4, 4}, {1, 1, 1, 4},
                                        {2, 3, 1, 4}, {4, 2, 2, 1}, {3, 3, 1, 4}};
    *fw = supplied_framework("quarters", 4, decimals);
    ck_assert_int_eq(ta_assessment_new(&a, *fw, al), TA_OK);
    for (size_t i = 0; i < 6; i++) {
        char code[16];
        const char *codes[4];
        code_of(code, i);
        for (int m = 0; m < 4; m++)
            codes[m] = code;
        ck_assert_int_eq(ta_assessment_add_columns(a, 4, codes, ids, scores[i], TA_INPUT_SCORE),
                         TA_OK);
    }
    return a;
}

START_TEST(wide_span_selection_gives_the_counting_bounds)
{
    ta_framework *fw2 = NULL, *fw6 = NULL;
    ta_assessment *a2 = quarters_assessment(&fw2, 2, NULL),
                  *a6 = quarters_assessment(&fw6, 6, NULL);
    static const double intervals[4] = {0.3, 0.5, 0.9, 0.99};
    int wide = 0;
    for (int k = 0; k < 4; k++) {
        ck_assert_int_eq(ta_assessment_likely_ranges(a2, 301, intervals[k], 17, 1), TA_OK);
        ck_assert_int_eq(ta_assessment_likely_ranges(a6, 301, intervals[k], 17, 1), TA_OK);
        for (size_t i = 0; i < 6; i++) {
            double lo2 = 0, hi2 = 0, lo6 = -1, hi6 = -1;
            ck_assert_int_eq(ta_assessment_likely_average_range(&lo2, &hi2, a2, i), TA_OK);
            ck_assert_int_eq(ta_assessment_likely_average_range(&lo6, &hi6, a6, i), TA_OK);
            ck_assert_msg(lo2 == lo6 && hi2 == hi6,
                          "interval %g, trust %zu: [%g, %g], not [%g, %g]", intervals[k], i, lo6,
                          hi6, lo2, hi2);
            wide += hi6 - lo6 >= 0.5;
        }
    }
    ck_assert_int_ge(wide, 12); /* spans of 0.5 and more: 500000 units at 6 decimals */
    ta_assessment_free(a2);
    ta_assessment_free(a6);
    ta_framework_free(fw2);
    ta_framework_free(fw6);
}
END_TEST

/* Of 4 replicates a 50% interval is the 1st to the 3rd smallest (n alpha =
 * 1 exactly: k_lo = 1, k_hi = 3): its low bound is the 99% interval's (the
 * 1st), its high bound the 1% interval's (k_hi = ceil(2.02) = 3); an interval
 * of 1 - 1e-10 (n alpha below the 1e-9 allowance: k_lo = ceil of a negative)
 * is the 1st to the 4th, as 99% is (likely_range.c:224-225). */
START_TEST(bounds_at_a_whole_tail_take_that_many_replicates)
{
    ta_framework *fw = NULL;
    ta_assessment *a = quarters_assessment(&fw, 2, NULL);
    double lo[4][6], hi[4][6];
    static const double intervals[4] = {0.5, 0.99, 0.01, 1 - 1e-10};
    int differ = 0;
    for (int k = 0; k < 4; k++) {
        ck_assert_int_eq(ta_assessment_likely_ranges(a, 4, intervals[k], 23, 1), TA_OK);
        for (size_t i = 0; i < 6; i++)
            ck_assert_int_eq(ta_assessment_likely_average_range(&lo[k][i], &hi[k][i], a, i), TA_OK);
    }
    for (size_t i = 0; i < 6; i++) {
        ck_assert_double_eq(lo[0][i], lo[1][i]);
        ck_assert_double_eq(hi[0][i], hi[2][i]);
        ck_assert_double_eq(lo[3][i], lo[1][i]);
        ck_assert_double_eq(hi[3][i], hi[1][i]);
        differ += lo[0][i] != lo[2][i];
        differ += hi[0][i] != hi[1][i];
    }
    ck_assert_int_gt(differ, 0); /* the 2nd and 4th smallest are elsewhere */
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* At 3 decimals a trust's replicate averages are keys 1000 .. 4000: a span
 * under the count's 4096 values, though the keys themselves are beyond it;
 * the counts zeroed are the span's, inside their block (likely_range.c:255). */
START_TEST(counting_high_keys_stays_in_its_counts)
{
    ta_framework *fw = NULL;
    ag_state g = {0};
    ta_allocator al = ag_allocator(&g);
    ta_assessment *a = quarters_assessment(&fw, 3, &al);
    double lo = 0, hi = 0;
    ck_assert_int_eq(ta_assessment_likely_ranges(a, 200, 0.9, 3, 1), TA_OK);
    ck_assert_int_eq(ta_assessment_likely_average_range(&lo, &hi, a, 0), TA_OK);
    ck_assert_msg(lo >= 1 && lo < hi && hi <= 4, "[%g, %g]", lo, hi);
    ta_assessment_free(a);
    ck_assert_uint_eq(g.overruns, 0);
    ck_assert_uint_eq(g.live, 0);
    ta_framework_free(fw);
}
END_TEST

/* At 4 decimals a trust of scores 1 and 1.4096 has replicate averages 1,
 * 1.2048 and 1.4096: keys 10000 .. 14096, a span of exactly 4096, one value
 * more than the 4096 counters hold, so it is selected, not counted, and
 * nothing is written past the counters (likely_range.c:248). */
START_TEST(a_span_of_4096_is_selected_not_counted)
{
    ta_framework *fw = NULL;
    static const double scores[2] = {1.0, 1.4096};
    ag_state g = {0};
    ta_allocator al = ag_allocator(&g);
    ta_assessment *a = NULL;
    const char *codes[2] = {"T1", "T1"};
    double lo = 0, hi = 0;
    fw = supplied_framework("span", 2, 4);
    ck_assert_int_eq(ta_assessment_new(&a, fw, &al), TA_OK);
    ck_assert_int_eq(ta_assessment_add_columns(a, 2, codes, ids, scores, TA_INPUT_SCORE), TA_OK);
    ck_assert_int_eq(ta_assessment_likely_ranges(a, 64, 0.99, 7, 1), TA_OK);
    ck_assert_int_eq(ta_assessment_likely_average_range(&lo, &hi, a, 0), TA_OK);
    ck_assert_double_eq(lo, 1.0);
    ck_assert_double_eq(hi, 1.4096);
    ta_assessment_free(a);
    ck_assert_uint_eq(g.overruns, 0);
    ck_assert_uint_eq(g.live, 0);
    ta_framework_free(fw);
}
END_TEST

/* Replicates run from 1 to 10000000: the last is accepted (an assessment
 * with no trusts makes it cheap), one more is refused with its text, as is a
 * thread count past the maximum (likely_range.c:352-359). */
START_TEST(replicates_up_to_ten_million)
{
    ta_framework *fw = framework();
    ta_assessment *a = NULL;
    char text[64];
    ck_assert_int_eq(ta_assessment_new(&a, fw, NULL), TA_OK);
    ck_assert_int_eq(ta_assessment_likely_ranges(a, 10000000u, 0.95, 1, 1), TA_OK);
    ck_assert_int_eq(ta_assessment_likely_ranges(a, 10000001u, 0.95, 1, 1), TA_EINVAL);
    ck_assert_str_eq(ta_assessment_error(a), "replicates must be from 1 to 10000000");
    ck_assert_int_eq(ta_assessment_likely_ranges(a, 10, 0.95, 1, TAI_MAX_THREADS), TA_OK);
    ck_assert_int_eq(ta_assessment_likely_ranges(a, 10, 0.95, 1, TAI_MAX_THREADS + 1), TA_EINVAL);
    snprintf(text, sizeof text, "at most %d threads", TAI_MAX_THREADS);
    ck_assert_str_eq(ta_assessment_error(a), text);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* Seed 65850640's replicate 0 draws, for its one trust of 12 scores, a 12th
 * number in the zone that Lemire's method rejects (low 32 bits of x * 12
 * under 2^32 mod 12 = 4): drawn again, it gives an average of 2.28, where
 * keeping the biased draw gives 2.16 (likely_range.c:122). */
START_TEST(a_draw_in_the_rejection_zone_is_drawn_again)
{
    ta_framework *fw = framework();
    ta_assessment *a = NULL;
    const char *codes[K];
    double scores[K], lo = 0, hi = 0;
    ck_assert_int_eq(ta_assessment_new(&a, fw, NULL), TA_OK);
    for (int m = 0; m < K; m++) {
        codes[m] = "ONE";
        scores[m] = 1.0 + 0.24 * m; /* any other pick moves the average by 0.02 or more */
    }
    ck_assert_int_eq(ta_assessment_add_columns(a, K, codes, ids, scores, TA_INPUT_SCORE), TA_OK);
    ck_assert_int_eq(ta_assessment_likely_ranges(a, 1, 0.95, 65850640, 1), TA_OK);
    ck_assert_int_eq(ta_assessment_likely_average_range(&lo, &hi, a, 0), TA_OK);
    ck_assert_double_eq(lo, 2.28);
    ck_assert_double_eq(hi, 2.28);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* Every allocation of a likely-ranges call may fail: the call then answers
 * TA_ENOMEM with its text, holds no ranges and leaks nothing; the next call
 * succeeds (likely_range.c:375-400). */
START_TEST(likely_ranges_refuse_each_failed_allocation)
{
    af_counter c = {0};
    ta_allocator al = af_allocator(&c);
    ta_framework *fw = NULL;
    ta_assessment *a = quarters_assessment(&fw, 2, &al);
    double lo = 0, hi = 0;
    size_t n;
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    for (n = 1;; n++) {
        ta_status st;
        af_fail_in(&c, n);
        st = ta_assessment_likely_ranges(a, 8, 0.9, 1, 2);
        if (!c.failed) {
            ck_assert_int_eq(st, TA_OK);
            break;
        }
        ck_assert_int_eq(st, TA_ENOMEM);
        ck_assert_str_eq(ta_assessment_error(a), "out of memory computing likely ranges");
        ck_assert_int_eq(ta_assessment_likely_average_range(&lo, &hi, a, 0), TA_ESTATE);
    }
    af_fail_in(&c, 0);
    ck_assert_uint_ge(n, 12); /* keys, ranks, 3 lists, the result, 2 x 3 per worker, 5 arrays */
    ck_assert_int_eq(ta_assessment_likely_average_range(&lo, &hi, a, 0), TA_OK);
    ta_assessment_free(a);
    ck_assert_uint_eq(c.live, 0);
    ta_framework_free(fw);
}
END_TEST

/* The workers of n items on `threads` threads: one per thread, no more than
 * the items, and at least one (0 threads, or 0 items, run on the calling
 * thread) (likely_range.c:41-45). */
START_TEST(parallel_workers_one_per_thread_up_to_the_items)
{
    ck_assert_uint_eq(tai_parallel_workers(10, 0), 1);
    ck_assert_uint_eq(tai_parallel_workers(10, 1), 1);
    ck_assert_uint_eq(tai_parallel_workers(10, 2), 2);
    ck_assert_uint_eq(tai_parallel_workers(10, 9), 9);
    ck_assert_uint_eq(tai_parallel_workers(10, 10), 10);
    ck_assert_uint_eq(tai_parallel_workers(10, 11), 10);
    ck_assert_uint_eq(tai_parallel_workers(1, 4), 1);
    ck_assert_uint_eq(tai_parallel_workers(0, 4), 1);
    ck_assert_uint_eq(tai_parallel_workers(0, 0), 1);
    ck_assert_uint_eq(tai_parallel_workers((size_t)1 << 40, TAI_MAX_THREADS), TAI_MAX_THREADS);
}
END_TEST

static Suite *analysis_suite(void)
{
    Suite *s = suite_create("analysis");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, half_width_matches_bootstrap_theory);
    tcase_add_test(tc, wide_span_selection_stays_in_its_replicates);
    tcase_add_test(tc, coverage_of_the_true_mean);
    tcase_add_test(tc, same_on_any_thread_count_and_seed_matters);
    tcase_add_test(tc, bad_arguments_and_states);
    tcase_add_test(tc, deficit_cap_and_unsegmented_trusts);
    tcase_add_test(tc, whatif_lands_on_the_cut_off);
    tcase_add_test(tc, whatif_special_cases_and_batch);
    tcase_add_test(tc, whatif_down_to_exactly_one);
    tcase_add_test(tc, whatif_counts_every_domain);
    tcase_add_test(tc, whatif_reads_each_trusts_own_scores);
    tcase_add_test(tc, average_is_the_exact_mean_of_hundredths);
    tcase_add_test(tc, parallel_for_reports_every_workers_failure);
    tcase_add_test(tc, rank_sort_matches_qsort);
    tcase_add_test(tc, rank_sort_survives_a_quicksort_killer);
    tcase_add_test(tc, a_span_of_4096_is_selected_not_counted);
    tcase_add_test(tc, add_columns_same_result_with_shared_or_copied_strings);
    tcase_add_test(tc, wide_span_selection_gives_the_counting_bounds);
    tcase_add_test(tc, bounds_at_a_whole_tail_take_that_many_replicates);
    tcase_add_test(tc, counting_high_keys_stays_in_its_counts);
    tcase_add_test(tc, replicates_up_to_ten_million);
    tcase_add_test(tc, a_draw_in_the_rejection_zone_is_drawn_again);
    tcase_add_test(tc, likely_ranges_refuse_each_failed_allocation);
    tcase_add_test(tc, parallel_workers_one_per_thread_up_to_the_items);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(analysis_suite());
    int failed;
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
