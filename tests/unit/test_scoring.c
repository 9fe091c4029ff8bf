/*
 * Tests of the NOF 2025/26 manual's scoring rules as framework data
 * (include/trustassess/framework.h, lib/nof/scoring.c, lib/nof/average.c):
 * bookend scoring with a standard (1.00, then 2.00-4.00) and with a floor
 * (1.00-3.00, then 4.00), ties taking the best score of their cluster, the
 * threshold boundary itself, bespoke brackets, exact fractional weights
 * (the infection rates at one third) including a half-up tie, the catalogue
 * file's Weight and Source columns and its pool and trust_type records,
 * and the acute and ambulance presets with a source for every metric.
 *
 * Frameworks are written as catalogue text, so the file reader and the
 * builder calls it makes are tested together; hand-computed scores are the
 * expected values.
 */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trustassess/assessment.h"
#include "trustassess/framework.h"
#include "trustassess/trust.h"

#define assert_has(text, word)                                                                     \
    ck_assert_msg(strstr((text), (word)) != NULL, "\"%s\" does not contain \"%s\"", (text), (word))

#define HEADER                                                                                     \
    "Record,Id,Name,Domain,Raw_id,Direction,Scoring,In_average,Parameters,Weight,Source\n"

/* One domain "d", figure AVG, explicit cut-offs, and the given metric rows. */
static ta_framework *catalogue(const char *rows)
{
    char text[4096];
    ta_framework_builder *b = NULL;
    ta_framework *fw = NULL;
    snprintf(text, sizeof text,
             HEADER "framework,t,Test,,,,,,,,\n"
                    "setting,cutoffs,,,,,,,1.75 2.5 3.25,,\n"
                    "domain,D,Everything,d,,,,,,,\n"
                    "figure,AVG,Average,,,,,,average,,\n"
                    "%s",
             rows);
    ck_assert_int_eq(ta_framework_builder_new(&b, "t", NULL), TA_OK);
    ck_assert_msg(ta_framework_builder_read_buffer(b, text, strlen(text), "t.csv") == TA_OK, "%s",
                  ta_framework_builder_error(b));
    ck_assert_msg(ta_framework_builder_build(&fw, b) == TA_OK, "%s", ta_framework_builder_error(b));
    ta_framework_builder_free(b);
    return fw;
}

static ta_assessment *assessment(const ta_framework *fw)
{
    ta_assessment *a = NULL;
    ck_assert_int_eq(ta_assessment_new(&a, fw, NULL), TA_OK);
    return a;
}

static void add(ta_assessment *a, const char *code, const char *id, double x, ta_input_kind kind)
{
    ck_assert_msg(ta_assessment_add_columns(a, 1, &code, &id, &x, kind) == TA_OK, "%s",
                  ta_assessment_error(a));
}

static double score(const ta_assessment *a, const ta_framework *fw, const char *code,
                    const char *id)
{
    size_t t = 0, m = 0;
    int has = 0;
    double s = NAN;
    ck_assert_int_eq(ta_assessment_find_trust(&t, a, code), TA_OK);
    ck_assert_int_eq(ta_framework_metric_index(&m, fw, id), TA_OK);
    ck_assert_int_eq(ta_assessment_metric_score(&has, &s, a, t, m), TA_OK);
    return has ? s : NAN;
}

static double average(const ta_assessment *a, const char *code, double *rounded)
{
    size_t t = 0;
    double avg = NAN;
    ck_assert_int_eq(ta_assessment_find_trust(&t, a, code), TA_OK);
    ck_assert_int_eq(ta_assessment_average(&avg, rounded, NULL, a, t), TA_OK);
    return avg;
}

#define close_to(x, y) ck_assert_msg(fabs((x) - (y)) < 1e-12, "%.15g is not %.15g", (x), (y))

START_TEST(test_standard_bookends)
{
    /* Higher is better, standard 80: meeting it (80 included) scores 1.00; the
     * four others are spread 2.00 .. 4.00, the tie at 70 taking the better
     * score of its cluster. */
    ta_framework *fw = catalogue("metric,S,Standard,d,V,higher,standard,yes,standard=80,,x\n");
    ta_assessment *a = assessment(fw);
    add(a, "A", "V", 90, TA_INPUT_VALUE);
    add(a, "B", "V", 80, TA_INPUT_VALUE);
    add(a, "C", "V", 79.99, TA_INPUT_VALUE);
    add(a, "D", "V", 70, TA_INPUT_VALUE);
    add(a, "E", "V", 70, TA_INPUT_VALUE);
    add(a, "F", "V", 50, TA_INPUT_VALUE);
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    close_to(score(a, fw, "A", "S"), 1.0);
    close_to(score(a, fw, "B", "S"), 1.0);
    close_to(score(a, fw, "C", "S"), 2.0);
    close_to(score(a, fw, "D", "S"), 2.0 + 2.0 / 3.0);
    close_to(score(a, fw, "E", "S"), 2.0 + 2.0 / 3.0);
    close_to(score(a, fw, "F", "S"), 4.0);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

START_TEST(test_floor_bookends)
{
    /* Lower is better, floor 10: failing it (above 10) scores 4.00; the others
     * are spread 1.00 .. 3.00; 10 itself meets the floor. */
    ta_framework *fw = catalogue("metric,F,Floor,d,V,lower,floor,yes,floor=10,,x\n");
    ta_assessment *a = assessment(fw);
    double lo = 0;
    size_t m = 0;
    add(a, "A", "V", 2, TA_INPUT_VALUE);
    add(a, "B", "V", 5, TA_INPUT_VALUE);
    add(a, "C", "V", 10, TA_INPUT_VALUE);
    add(a, "D", "V", 10.01, TA_INPUT_VALUE);
    add(a, "E", "V", 99, TA_INPUT_VALUE);
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    close_to(score(a, fw, "A", "F"), 1.0);
    close_to(score(a, fw, "B", "F"), 2.0);
    close_to(score(a, fw, "C", "F"), 3.0);
    close_to(score(a, fw, "D", "F"), 4.0);
    close_to(score(a, fw, "E", "F"), 4.0);
    ck_assert_int_eq(ta_framework_metric_index(&m, fw, "F"), TA_OK);
    ck_assert_int_eq(ta_framework_metric_threshold(&lo, fw, m), TA_OK);
    close_to(lo, 10.0);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

START_TEST(test_bookends_alone_and_none_ranked)
{
    /* One trust between the bookends takes the best end; none between them
     * leaves only the fixed scores. */
    ta_framework *fw = catalogue("metric,F,Floor,d,V,higher,floor,yes,floor=70,,x\n"
                                 "metric,S,Standard,d,W,higher,standard,yes,standard=80,,x\n");
    ta_assessment *a = assessment(fw);
    add(a, "A", "V", 75, TA_INPUT_VALUE);
    add(a, "B", "V", 60, TA_INPUT_VALUE);
    add(a, "A", "W", 85, TA_INPUT_VALUE);
    add(a, "B", "W", 90, TA_INPUT_VALUE);
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    close_to(score(a, fw, "A", "F"), 1.0);
    close_to(score(a, fw, "B", "F"), 4.0);
    close_to(score(a, fw, "A", "S"), 1.0);
    close_to(score(a, fw, "B", "S"), 1.0);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

START_TEST(test_supplied_rank_between_bookends)
{
    /* A supplied rank and pool are placed between the metric's bookends:
     * rank 2 of 5 with a floor is 1 + 2 x 1/4 = 1.5; with a standard 2.5. */
    ta_framework *fw = catalogue("metric,F,Floor,d,V,higher,floor,yes,floor=70,,x\n"
                                 "metric,S,Standard,d,W,higher,standard,yes,standard=80,,x\n");
    ta_assessment *a = assessment(fw);
    ta_trust *t = NULL;
    ck_assert_int_eq(ta_trust_new(&t, fw, "A", NULL), TA_OK);
    ck_assert_int_eq(ta_trust_set_rank(t, "F", 2, 5), TA_OK);
    ck_assert_int_eq(ta_trust_set_rank(t, "S", 2, 5), TA_OK);
    ck_assert_int_eq(ta_assessment_add_trust(a, t), TA_OK);
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    close_to(score(a, fw, "A", "F"), 1.5);
    close_to(score(a, fw, "A", "S"), 2.5);
    ta_trust_free(t);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

START_TEST(test_brackets)
{
    /* CQC-style rating coded 1..4, lower is better; a value on a cut point
     * falls in the better bracket; each bracket has its own score. */
    ta_framework *fw = catalogue("metric,C,Rating,d,R,lower,bracketed,yes,"
                                 "cuts=1 2 3;scores=1 2 3 4,,x\n"
                                 "metric,K,Custom,d,Q,higher,bracketed,yes,"
                                 "cuts=10 5;scores=1 2.5 4,,x\n");
    ta_assessment *a = assessment(fw);
    static const double rating[] = {1, 2, 2.5, 3, 4}, want[] = {1, 2, 3, 3, 4};
    static const double custom[] = {12, 10, 9.99, 5, 4.99}, want2[] = {1, 1, 2.5, 2.5, 4};
    const char *codes[] = {"T1", "T2", "T3", "T4", "T5"};
    for (int i = 0; i < 5; i++) {
        add(a, codes[i], "R", rating[i], TA_INPUT_VALUE);
        add(a, codes[i], "Q", custom[i], TA_INPUT_VALUE);
    }
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    for (int i = 0; i < 5; i++) {
        close_to(score(a, fw, codes[i], "C"), want[i]);
        close_to(score(a, fw, codes[i], "K"), want2[i]);
    }
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

START_TEST(test_weights_one_third)
{
    /* Three infection rates weighted one third each count as one metric. */
    ta_framework *fw = catalogue("metric,I1,MRSA,d,,,supplied,yes,,1/3,x\n"
                                 "metric,I2,E. coli,d,,,supplied,yes,,1/3,x\n"
                                 "metric,I3,C. difficile,d,,,supplied,yes,,1/3,x\n"
                                 "metric,M,Other,d,,,supplied,yes,,,x\n");
    ta_assessment *a = assessment(fw);
    double rounded = 0;
    unsigned num = 0, den = 0;
    size_t m = 0;
    /* (1 + 2 + 3) / 3 = 2 as one metric, with 4: mean 3. */
    add(a, "A", "I1", 1, TA_INPUT_SCORE);
    add(a, "A", "I2", 2, TA_INPUT_SCORE);
    add(a, "A", "I3", 3, TA_INPUT_SCORE);
    add(a, "A", "M", 4, TA_INPUT_SCORE);
    /* One rate only: (1/3 x 1 + 4) / (1/3 + 1) = 3.25. */
    add(a, "B", "I1", 1, TA_INPUT_SCORE);
    add(a, "B", "M", 4, TA_INPUT_SCORE);
    /* (1.00 + 1.00 + 1.03) / 3 = 1.01, with 2.00: exactly 1.505, half up 1.51. */
    add(a, "C", "I1", 1, TA_INPUT_SCORE);
    add(a, "C", "I2", 1, TA_INPUT_SCORE);
    add(a, "C", "I3", 1.03, TA_INPUT_SCORE);
    add(a, "C", "M", 2, TA_INPUT_SCORE);
    /* A score that is no whole hundredth (2.125) is summed as it is, beside
     * the exact hundredths: (1/3 x 2.125 + 4) / (1/3 + 1) = 3.53125. */
    add(a, "D", "I1", 2.125, TA_INPUT_SCORE);
    add(a, "D", "M", 4, TA_INPUT_SCORE);
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    close_to(average(a, "A", &rounded), 3.0);
    close_to(average(a, "B", &rounded), 3.25);
    average(a, "C", &rounded);
    close_to(rounded, 1.51);
    close_to(average(a, "D", &rounded), 3.53125);
    ck_assert_int_eq(ta_framework_metric_index(&m, fw, "I2"), TA_OK);
    ck_assert_int_eq(ta_framework_metric_weight(&num, &den, fw, m), TA_OK);
    ck_assert_uint_eq(num, 1);
    ck_assert_uint_eq(den, 3);
    ck_assert_int_eq(ta_framework_metric_index(&m, fw, "M"), TA_OK);
    ck_assert_int_eq(ta_framework_metric_weight(&num, &den, fw, m), TA_OK);
    ck_assert_uint_eq(num * 10 + den, 11);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* Rule: a weighted mean, like the plain one, counts only the scores a trust
 * has, of metrics in the average, of the domain asked for (every domain for
 * the trust's average). Domain d: I1 and I2 at 1/3 each, N outside the
 * average; domain e: M at weight 1. */
START_TEST(test_weighted_mean_by_domain)
{
    static const char text[] = HEADER "framework,t,Test,,,,,,,,\n"
                                      "setting,cutoffs,,,,,,,1.75 2.5 3.25,,\n"
                                      "domain,D,Dee,d,,,,,,,\n"
                                      "domain,E,Ee,e,,,,,,,\n"
                                      "figure,AVG,Average,,,,,,average,,\n"
                                      "metric,I1,One,d,,,supplied,yes,,1/3,x\n"
                                      "metric,I2,Two,d,,,supplied,yes,,1/3,x\n"
                                      "metric,N,Not,d,,,supplied,no,,,x\n"
                                      "metric,M,Em,e,,,supplied,yes,,,x\n";
    ta_framework_builder *b = NULL;
    ta_framework *fw = NULL;
    ta_assessment *a;
    double rounded = 0, s = 0;
    size_t t = 0;
    int has = 0;
    ck_assert_int_eq(ta_framework_builder_new(&b, "t", NULL), TA_OK);
    ck_assert_msg(ta_framework_builder_read_buffer(b, text, strlen(text), "t.csv") == TA_OK, "%s",
                  ta_framework_builder_error(b));
    ck_assert_msg(ta_framework_builder_build(&fw, b) == TA_OK, "%s", ta_framework_builder_error(b));
    ta_framework_builder_free(b);
    a = assessment(fw);
    /* A: (1/3 x 1 + 1/3 x 3 + 4) / (1/3 + 1/3 + 1) = 3.2; N (1.0) is left out
     * (with it: 2.375). Domain d: (1/3 + 1) / (2/3) = 2; domain e: 4. */
    add(a, "A", "I1", 1, TA_INPUT_SCORE);
    add(a, "A", "I2", 3, TA_INPUT_SCORE);
    add(a, "A", "N", 1, TA_INPUT_SCORE);
    add(a, "A", "M", 4, TA_INPUT_SCORE);
    /* B: no I2: (1/3 x 2 + 4) / (4/3) = 3.5; domain d: 2. */
    add(a, "B", "I1", 2, TA_INPUT_SCORE);
    add(a, "B", "M", 4, TA_INPUT_SCORE);
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    close_to(average(a, "A", &rounded), 3.2);
    close_to(average(a, "B", &rounded), 3.5);
    ck_assert_int_eq(ta_assessment_find_trust(&t, a, "A"), TA_OK);
    ck_assert_int_eq(ta_assessment_domain_score(&has, &s, a, t, 0), TA_OK);
    ck_assert_int_eq(has, 1);
    close_to(s, 2.0);
    ck_assert_int_eq(ta_assessment_domain_score(&has, &s, a, t, 1), TA_OK);
    ck_assert_int_eq(has, 1);
    close_to(s, 4.0);
    ck_assert_int_eq(ta_assessment_find_trust(&t, a, "B"), TA_OK);
    ck_assert_int_eq(ta_assessment_domain_score(&has, &s, a, t, 0), TA_OK);
    ck_assert_int_eq(has, 1);
    close_to(s, 2.0);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* Loads catalogue rows (after the common head) and expects an error. */
static void expect_error(const char *rows, ta_status want, const char *words)
{
    char text[2048];
    ta_framework_builder *b = NULL;
    ta_framework *fw = NULL;
    ta_status st;
    snprintf(text, sizeof text, HEADER "domain,D,Everything,d,,,,,,,\n%s", rows);
    ck_assert_int_eq(ta_framework_builder_new(&b, "t", NULL), TA_OK);
    st = ta_framework_builder_read_buffer(b, text, strlen(text), "t.csv");
    if (st == TA_OK)
        st = ta_framework_builder_build(&fw, b);
    ck_assert_msg(st == want, "status %d, want %d: %s", st, want, ta_framework_builder_error(b));
    assert_has(ta_framework_builder_error(b), words);
    ck_assert_ptr_null(fw);
    ta_framework_builder_free(b);
}

START_TEST(test_catalogue_errors)
{
    expect_error("metric,M,M,d,V,higher,rank,yes,,x/3,\n", TA_EPARSE,
                 "t.csv:3:33: expected a weight");
    expect_error("metric,M,M,d,V,higher,rank,yes,,0/3,\n", TA_ERANGE, "weight 0/3");
    expect_error("metric,M,M,d,V,higher,rank,yes,,1/1001,\n", TA_EPARSE, "expected a weight");
    expect_error("metric,M,M,d,V,higher,floor,yes,standard=70,,\n", TA_EPARSE, "expected floor=");
    expect_error("metric,M,M,d,V,higher,bracketed,yes,cuts=1 2;scores=1 2,,\n", TA_EPARSE,
                 "one more NUMBER");
    expect_error("metric,M,M,d,V,higher,bracketed,yes,cuts=2 1;scores=1 2 5,,\n", TA_ERANGE,
                 "bracket score 3");
    expect_error("metric,M,M,d,V,higher,bracketed,yes,cuts=1 2;scores=1 2 3,,\n", TA_EINVAL,
                 "descending");
    expect_error("metric,M,M,d,V,higher,rank,yes,,,\npool,M,Q1 2025/26,,,,,,many,,\n", TA_EPARSE,
                 "pool size");
    expect_error("metric,M,M,d,V,higher,rank,yes,,,\npool,M,Q1 2025/26,,,,,,1,,\n", TA_ERANGE,
                 "pool size 1");
    expect_error("pool,NOPE,Q1 2025/26,,,,,,61,,\n", TA_ENOTFOUND, "unknown metric \"NOPE\"");
    expect_error("trust_type,,,,,,,,,,\n", TA_EINVAL, "trust type");
    expect_error("trust_type,,A,,,,,,,,\ntrust_type,,A,,,,,,,,\n", TA_EDUPLICATE, "already");
    expect_error("metric,M,M,d,V,higher,rank,yes,\n", TA_EPARSE, "expected 11 fields, found 9");
    /* Rule: bands need at least one cut point; "cuts=" with none is a parse error. */
    expect_error("metric,M,M,d,V,higher,banded,yes,cuts=,,\n", TA_EPARSE,
                 "expected cuts=NUMBERS in \"cuts=\"");
}
END_TEST

START_TEST(test_builder_checks)
{
    ta_framework_builder *b = NULL;
    ta_framework *fw = NULL;
    const double cuts[2] = {1, 2}, scores[3] = {1, 2, 3};
    char long_text[300];
    ck_assert_int_eq(ta_framework_builder_new(&b, "t", NULL), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "d", "D", ""), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "S", "S", "d", TA_SCORING_STANDARD), TA_OK);
    /* A standard-scored metric without its standard does not build. */
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_EINCONSISTENT);
    assert_has(ta_framework_builder_error(b), "needs its standard");
    ck_assert_int_eq(ta_framework_builder_set_standard(b, "S", 1), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "F", "F", "d", TA_SCORING_FLOOR), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_EINCONSISTENT);
    assert_has(ta_framework_builder_error(b), "needs its floor");
    ck_assert_int_eq(ta_framework_builder_set_floor(b, "F", NAN), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_set_floor(b, "F", 2), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "K", "K", "d", TA_SCORING_BRACKETED),
                     TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_EINCONSISTENT);
    assert_has(ta_framework_builder_error(b), "no brackets");
    ck_assert_int_eq(ta_framework_builder_set_brackets(b, "K", 2, cuts, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_set_brackets(b, "K", 2, NULL, scores), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_set_direction(b, "K", TA_LOWER_IS_BETTER), TA_OK);
    /* n cuts make n + 1 brackets: the message asks for that many scores
     * (framework.c:498). */
    ck_assert_int_eq(ta_framework_builder_set_brackets(b, "K", 2, cuts, NULL), TA_EINVAL);
    ck_assert_str_eq(ta_framework_builder_error(b), "metric \"K\": give 3 bracket scores");
    ck_assert_int_eq(ta_framework_builder_set_brackets(b, "K", 2, cuts, scores), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_weight(b, "K", 1, 0), TA_ERANGE);
    ck_assert_int_eq(ta_framework_builder_set_weight(b, "NOPE", 1, 3), TA_ENOTFOUND);
    ck_assert_int_eq(ta_framework_builder_set_weight(NULL, "K", 1, 3), TA_EINVAL);
    memset(long_text, 'x', sizeof long_text - 1);
    long_text[sizeof long_text - 1] = '\0';
    ck_assert_int_eq(ta_framework_builder_set_source(b, "K", long_text), TA_ERANGE);
    ck_assert_str_eq(ta_framework_builder_error(b), "the source is longer than 255 bytes");
    /* The limit itself: 255 bytes are taken, 256 refused. */
    long_text[256] = '\0';
    ck_assert_int_eq(ta_framework_builder_set_source(b, "K", long_text), TA_ERANGE);
    long_text[255] = '\0';
    ck_assert_int_eq(ta_framework_builder_set_source(b, "K", long_text), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_source(b, "K", NULL), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_set_source(b, "K", "the manual"), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_pool(b, "K", NULL, 10, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_set_pool(b, "K", "Q1", 100001, NULL), TA_ERANGE);
    ck_assert_int_eq(ta_framework_builder_set_pool(b, "K", "Q1", 10, "fitted"), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_pool(b, "K", "Q1", 12, NULL), TA_OK); /* replaces */
    /* A period is any non-empty label, one character included; pools run 2..100000. */
    ck_assert_int_eq(ta_framework_builder_set_pool(b, "K", "", 10, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_set_pool(b, "K", "Y", 2, NULL), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_pool(b, "K", "Y", 1, NULL), TA_ERANGE);
    ck_assert_int_eq(ta_framework_builder_set_pool(b, "K", "Z", 100000, NULL), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_trust_type(b, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_add_trust_type(b, "Acute trust"), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_OK);
    {
        size_t k = 0;
        unsigned pool = 0;
        const char *src = NULL;
        double th = 0;
        ck_assert_int_eq(ta_framework_metric_index(&k, fw, "K"), TA_OK);
        ck_assert_str_eq(ta_framework_metric_source(fw, k), "the manual");
        ck_assert_int_eq(ta_framework_metric_pool(&pool, &src, fw, k, "Q1"), TA_OK);
        ck_assert_uint_eq(pool, 12);
        ck_assert_str_eq(src, "fitted");
        ck_assert_int_eq(ta_framework_metric_pool(&pool, &src, fw, k, "Q2"), TA_ENOTFOUND);
        ck_assert_int_eq(ta_framework_metric_pool(&pool, &src, fw, k, "Y"), TA_OK);
        ck_assert_uint_eq(pool, 2);
        ck_assert_int_eq(ta_framework_metric_pool(&pool, &src, fw, k, "Z"), TA_OK);
        ck_assert_uint_eq(pool, 100000);
        /* Each bad argument alone is TA_EINVAL, the index one past the last
         * metric included (framework.c:1075). */
        ck_assert_int_eq(ta_framework_metric_pool(&pool, &src, fw, 3, "Q1"), TA_EINVAL);
        ck_assert_int_eq(ta_framework_metric_pool(&pool, &src, NULL, k, "Q1"), TA_EINVAL);
        ck_assert_int_eq(ta_framework_metric_pool(&pool, &src, fw, k, NULL), TA_EINVAL);
        ck_assert_int_eq(ta_framework_metric_pool(NULL, &src, fw, k, "Q1"), TA_EINVAL);
        ck_assert_uint_eq(pool, 100000);
        ck_assert_int_eq(ta_framework_metric_has_pools(fw, k), 1);
        ck_assert_int_eq(ta_framework_metric_has_pools(fw, 0), 0);
        ck_assert_int_eq(ta_framework_metric_threshold(&th, fw, k), TA_ENOTFOUND);
        ck_assert_int_eq(ta_framework_metric_threshold(&th, fw, 0), TA_OK);
        close_to(th, 1.0);
        /* Each bad argument alone is TA_EINVAL, the index one past the last
         * metric included (framework.c:1061). */
        ck_assert_int_eq(ta_framework_metric_threshold(&th, fw, 3), TA_EINVAL);
        ck_assert_int_eq(ta_framework_metric_threshold(NULL, fw, 0), TA_EINVAL);
        ck_assert_int_eq(ta_framework_metric_threshold(&th, NULL, 0), TA_EINVAL);
        close_to(th, 1.0);
        ck_assert_uint_eq(ta_framework_trust_type_count(fw), 1);
        ck_assert_str_eq(ta_framework_trust_type(fw, 0), "Acute trust");
        ck_assert_ptr_null(ta_framework_trust_type(fw, 1));
        ck_assert_int_eq(ta_framework_scores_trust_type(fw, "Acute trust"), 1);
        ck_assert_int_eq(ta_framework_scores_trust_type(fw, "Ambulance trust"), 0);
        ck_assert_str_eq(ta_framework_metric_source(fw, 0), "");
        ck_assert_ptr_null(ta_framework_metric_source(fw, 3));
        ck_assert_int_eq(ta_framework_metric_weight(NULL, NULL, fw, 3), TA_EINVAL);
    }
    ta_framework_free(fw);
    ta_framework_builder_free(b);
}
END_TEST

START_TEST(test_first_layout_still_loads)
{
    /* A catalogue written before the Weight and Source columns existed. */
    static const char text[] =
        "Record,Id,Name,Domain,Raw_id,Direction,Scoring,In_average,Parameters\n"
        "domain,D,Everything,d,,,,,\n"
        "metric,M,M,d,V,higher,floor,yes,floor=3\n";
    ta_framework_builder *b = NULL;
    ta_framework *fw = NULL;
    ck_assert_int_eq(ta_framework_builder_new(&b, "old", NULL), TA_OK);
    ck_assert_int_eq(ta_framework_builder_read_buffer(b, text, strlen(text), "old.csv"), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_OK);
    ck_assert_str_eq(ta_framework_metric_source(fw, 0), "");
    ck_assert_uint_eq(ta_framework_trust_type_count(fw), 0);
    ck_assert_int_eq(ta_framework_scores_trust_type(fw, "Acute trust"), 1);
    /* Rule: no trust types means every type, but never a NULL type (nor a NULL framework). */
    ck_assert_int_eq(ta_framework_scores_trust_type(fw, NULL), 0);
    ck_assert_int_eq(ta_framework_scores_trust_type(NULL, "Acute trust"), 0);
    ta_framework_free(fw);
    ta_framework_builder_free(b);
}
END_TEST

START_TEST(test_presets_by_trust_type)
{
    static const struct {
        const char *name, *type;
        size_t min_metrics;
    } p[] = {{"nof-2025-26", "Mental health and community trust", 14},
             {"nof-2025-26", "Non-acute hospital trust", 14},
             {"nof-2025-26-acute", "Acute trust", 17},
             {"nof-2025-26-ambulance", "Ambulance trust", 7}};
    ck_assert_uint_eq(ta_framework_preset_count(), 3);
    for (size_t i = 0; i < sizeof p / sizeof p[0]; i++) {
        ta_framework *fw = NULL;
        ck_assert_int_eq(ta_framework_preset(&fw, p[i].name, NULL), TA_OK);
        ck_assert_int_eq(ta_framework_scores_trust_type(fw, p[i].type), 1);
        ck_assert_uint_ge(ta_framework_metric_count(fw), p[i].min_metrics);
        /* Every metric says where it comes from. */
        for (size_t m = 0; m < ta_framework_metric_count(fw); m++)
            ck_assert_msg(ta_framework_metric_source(fw, m)[0] != '\0', "%s %s has no source",
                          p[i].name, ta_framework_metric_id(fw, m));
        ta_framework_free(fw);
    }
    {
        ta_framework *fw = NULL;
        size_t m = 0;
        unsigned num = 0, den = 0;
        const char *inf[] = {"OF1020", "OF1048", "OF1088"};
        ck_assert_int_eq(ta_framework_preset(&fw, "nof-2025-26-acute", NULL), TA_OK);
        ck_assert_int_eq(ta_framework_scores_trust_type(fw, "Mental health and community trust"),
                         0);
        for (int k = 0; k < 3; k++) {
            ck_assert_int_eq(ta_framework_metric_index(&m, fw, inf[k]), TA_OK);
            ck_assert_int_eq(ta_framework_metric_weight(&num, &den, fw, m), TA_OK);
            ck_assert_uint_eq(num, 1);
            ck_assert_uint_eq(den, 3);
            assert_has(ta_framework_metric_source(fw, m), "one third");
        }
        ta_framework_free(fw);
    }
}
END_TEST

/* Scores R (rank) and F (floor) given for three trusts in `period`. */
static ta_assessment *given(const ta_framework *fw, const char *period, const double *r,
                            const double *f)
{
    ta_assessment *a = assessment(fw);
    const char *codes[3] = {"A", "B", "C"};
    ck_assert_int_eq(ta_assessment_set_period(a, period), TA_OK);
    for (int i = 0; i < 3; i++) {
        add(a, codes[i], "R", r[i], TA_INPUT_SCORE);
        add(a, codes[i], "F", f[i], TA_INPUT_SCORE);
    }
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    return a;
}

static int noted(const ta_assessment *a, const char *words)
{
    for (size_t k = 0; k < ta_assessment_note_count(a); k++)
        if (strstr(ta_assessment_note(a, k), words))
            return 1;
    return 0;
}

/* Rule: a published score is the exact score rounded half up, so an exact
 * score halfway between two published ones belongs to the upper. In a pool
 * of 201 the steps are 3/200: rank 1 is 1.015, published 1.02, never 1.01;
 * 1.01 is then no rank, and 1.03 is rank 2 exactly. */
START_TEST(test_reconstruct_halfway_belongs_to_the_upper)
{
    ta_framework *fw = catalogue("metric,R,Rank,d,,higher,rank,yes,,,x\n"
                                 "metric,F,Floor,d,,higher,floor,yes,floor=70,,x\n"
                                 "pool,R,Q7,,,,,,201,,halfway\n");
    static const double r[3] = {1.01, 1.02, 1.03}, f[3] = {4.00, 4.00, 4.00};
    ta_assessment *a = given(fw, "Q7", r, f);
    close_to(score(a, fw, "A", "R"), 1.01);
    close_to(score(a, fw, "B", "R"), 1.015);
    close_to(score(a, fw, "C", "R"), 1.03);
    ck_assert(noted(a, "trust A: R Q7: published score 1.01 is no rank of a pool of 201"));
    ck_assert_uint_eq(ta_assessment_note_count(a), 1);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

START_TEST(test_reconstruct_unrounded_scores)
{
    ta_framework *fw = catalogue("metric,R,Rank,d,,higher,rank,yes,,,x\n"
                                 "metric,F,Floor,d,,higher,floor,yes,floor=70,,x\n"
                                 "pool,R,Q1,,,,,,10,,fitted\n"
                                 "pool,R,Q9,,,,,,400,,too wide\n"
                                 "pool,R,Q8,,,,,,300,,widest\n"
                                 "pool,F,Q1,,,,,,4,,fitted\n");
    static const double r[3] = {1.33, 2.67, 1.34}, f[3] = {1.67, 4.00, 2.33};
    double rounded = 0;
    /* A pool of 10: steps of 1/3, so 1.33 is rank 2 (1 + 1/3) and 2.67 rank 6;
     * 1.34 is no rank and stays as given, with a note. The floor's spread of 4
     * runs 1.00-3.00 in steps of 2/3; its 4.00 is the floor's own. */
    ta_assessment *a = given(fw, "Q1", r, f);
    close_to(score(a, fw, "A", "R"), 1.0 + 1.0 / 3.0);
    close_to(score(a, fw, "B", "R"), 1.0 + 5.0 / 3.0);
    close_to(score(a, fw, "C", "R"), 1.34);
    close_to(score(a, fw, "A", "F"), 1.0 + 2.0 / 3.0);
    close_to(score(a, fw, "B", "F"), 4.0);
    close_to(score(a, fw, "C", "F"), 1.0 + 4.0 / 3.0);
    ck_assert(noted(a, "trust C: R Q1: published score 1.34 is no rank of a pool of 10"));
    ck_assert_uint_eq(ta_assessment_note_count(a), 1);
    /* (4/3 + 5/3 + 1.34 + 5/3 + 4 + 7/3) / 6 = 2.0567: the unrounded mean. */
    close_to(average(a, "A", &rounded), (4.0 / 3.0 + 5.0 / 3.0) / 2.0);
    ta_assessment_free(a);

    /* The same scores as given. */
    a = assessment(fw);
    ck_assert_int_eq(ta_assessment_set_reconstruct(a, 0), TA_OK);
    ck_assert_int_eq(ta_assessment_set_period(a, "Q1"), TA_OK);
    add(a, "A", "R", 1.33, TA_INPUT_SCORE);
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    close_to(score(a, fw, "A", "R"), 1.33);
    ck_assert_uint_eq(ta_assessment_note_count(a), 0);
    ck_assert_int_eq(ta_assessment_set_reconstruct(NULL, 0), TA_EINVAL);
    ta_assessment_free(a);

    /* A pool of 400: steps under 0.01, so no rank is unique: as given. */
    a = given(fw, "Q9", r, f);
    close_to(score(a, fw, "A", "R"), 1.33);
    ck_assert(noted(a, "R Q9: in a pool of 400 trusts a published score does not fix a unique "
                       "rank"));
    ta_assessment_free(a);
    /* Rule: a pool of 300, the widest whose ranks (steps of 3/299) are all
     * distinct hundredths, is reconstructed: 1.01 is rank 2, 1 + 3/299. */
    {
        static const double r8[3] = {1.01, 1.02, 1.03};
        a = given(fw, "Q8", r8, f);
        close_to(score(a, fw, "A", "R"), 1.0 + 3.0 / 299.0);
        close_to(score(a, fw, "C", "R"), 1.0 + 9.0 / 299.0);
        ck_assert(!noted(a, "does not fix a unique rank"));
        ta_assessment_free(a);
    }
    ta_framework_free(fw);
}
END_TEST

START_TEST(test_reconstruct_infers_a_missing_pool)
{
    ta_framework *fw = catalogue("metric,R,Rank,d,,higher,rank,yes,,,x\n"
                                 "metric,F,Floor,d,,higher,floor,yes,floor=70,,x\n"
                                 "pool,R,Q1,,,,,,10,,fitted\n"
                                 "pool,F,Q1,,,,,,4,,fitted\n");
    /* Q5 has no pool sizes: 1.00, 1.33 and 2.67 first fit a pool of 10 (no
     * smaller pool has all three); for F, 1.00, 2.00 and 3.00 fit 3. */
    static const double r[3] = {1.00, 1.33, 2.67}, f[3] = {1.00, 2.00, 3.00};
    ta_assessment *a = given(fw, "Q5", r, f);
    close_to(score(a, fw, "B", "R"), 1.0 + 1.0 / 3.0);
    ck_assert(noted(a, "R Q5: pool size 10 inferred: the smallest that fits every published score "
                       "(3 trusts scored between the bookends)"));
    /* Rule: a floor's 3.00 is its worst spread score, not the bookend-fixed
     * 4.00: it counts among the trusts scored between the bookends. */
    ck_assert(noted(a, "F Q5: pool size 3 inferred: the smallest that fits every published score "
                       "(3 trusts scored between the bookends)"));
    ta_assessment_free(a);
    /* Rule: one trust scored between the bookends fits a pool of 2, the
     * smallest there is. */
    {
        a = assessment(fw);
        ck_assert_int_eq(ta_assessment_set_period(a, "Q5"), TA_OK);
        add(a, "A", "R", 1.00, TA_INPUT_SCORE);
        ck_assert_int_eq(ta_assessment_run(a), TA_OK);
        ck_assert(noted(a, "R Q5: pool size 2 inferred"));
        close_to(score(a, fw, "A", "R"), 1.0);
        ta_assessment_free(a);
    }
    /* No pool fits 1.001 at 2 decimals: as given, and said. */
    {
        static const double r2[3] = {1.00, 1.001, 2.00};
        a = given(fw, "Q5", r2, f);
        close_to(score(a, fw, "B", "R"), 1.001);
        ck_assert(noted(a, "R Q5: no pool size in the framework for this period, and none fits"));
        ta_assessment_free(a);
    }
    ta_framework_free(fw);
}
END_TEST

/* Rule: a pool gap is said only of trusts actually ranked. With a standard
 * of 80 met by all three trusts nobody is ranked, so a pool of 10 is no gap:
 * no note, not narrower. */
START_TEST(test_pool_gap_needs_a_ranked_trust)
{
    ta_framework *fw = catalogue("metric,S,Standard,d,V,higher,standard,yes,standard=80,,x\n"
                                 "pool,S,Q1,,,,,,10,,fitted\n");
    ta_assessment *a = assessment(fw);
    const char *codes[3] = {"A", "B", "C"};
    int narrower = -1;
    ck_assert_int_eq(ta_assessment_set_period(a, "Q1"), TA_OK);
    for (int i = 0; i < 3; i++)
        add(a, codes[i], "V", 85.0 + 5.0 * i, TA_INPUT_VALUE);
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    close_to(score(a, fw, "A", "S"), 1.0);
    close_to(score(a, fw, "C", "S"), 1.0);
    ck_assert_int_eq(ta_assessment_metric_pool_gap(&narrower, NULL, NULL, a, 0), TA_OK);
    ck_assert_int_eq(narrower, 0);
    ck_assert_uint_eq(ta_assessment_note_count(a), 0);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

START_TEST(test_pool_gap_from_values)
{
    /* Ranked from the values of 3 trusts: with a pool of 10 in Q1 the scores
     * are not NHS England's (said, per metric); with a pool of 3 they are. */
    ta_framework *fw = catalogue("metric,R,Rank,d,V,higher,rank,yes,,,x\n"
                                 "metric,S,Other,d,W,higher,rank,yes,,,x\n"
                                 "pool,R,Q1,,,,,,10,,fitted\n"
                                 "pool,S,Q1,,,,,,3,,fitted\n");
    ta_assessment *a = assessment(fw);
    const char *codes[3] = {"A", "B", "C"};
    int narrower = -1;
    unsigned pool = 0;
    size_t ranked = 0;
    ck_assert_int_eq(ta_assessment_set_period(a, "Q1"), TA_OK);
    for (int i = 0; i < 3; i++) {
        add(a, codes[i], "V", 10.0 * i, TA_INPUT_VALUE);
        add(a, codes[i], "W", 10.0 * i, TA_INPUT_VALUE);
    }
    ck_assert_int_eq(ta_assessment_metric_pool_gap(&narrower, &pool, &ranked, a, 0),
                     TA_EINCONSISTENT);
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    ck_assert_int_eq(ta_assessment_metric_pool_gap(&narrower, &pool, &ranked, a, 0), TA_OK);
    ck_assert_int_eq(narrower, 1);
    ck_assert_uint_eq(pool, 10);
    ck_assert_uint_eq(ranked, 3);
    ck_assert_int_eq(ta_assessment_metric_pool_gap(&narrower, &pool, &ranked, a, 1), TA_OK);
    ck_assert_int_eq(narrower, 0);
    ck_assert_uint_eq(pool, 0);
    ck_assert_uint_eq(ranked, 0); /* no gap: nothing ranked narrower (was 3 above) */
    ck_assert_int_eq(ta_assessment_metric_pool_gap(&narrower, NULL, NULL, a, 2), TA_EINVAL);
    ck_assert_int_eq(ta_assessment_metric_pool_gap(NULL, NULL, NULL, a, 0), TA_EINVAL);
    ck_assert_uint_eq(ta_assessment_note_count(a), 1);
    ck_assert_str_eq(ta_assessment_note(a, 0), "R Q1: ranked within the 3 trusts given, but NHS "
                                               "England ranks a pool of 10: these scores are not "
                                               "the published ones");
    /* Another period, no pool size: nothing to say. */
    ck_assert_int_eq(ta_assessment_set_period(a, "Q2"), TA_OK);
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    ck_assert_int_eq(ta_assessment_metric_pool_gap(&narrower, &pool, &ranked, a, 0), TA_OK);
    ck_assert_int_eq(narrower, 0);
    ck_assert_uint_eq(ta_assessment_note_count(a), 0);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* Rule: a metric ranked among fewer trusts than its pool is "narrower" from
 * one trust up: one trust's value in a pool of 10 is a gap of 9. */
START_TEST(test_pool_gap_of_one_trust)
{
    ta_framework *fw = catalogue("metric,R,Rank,d,V,higher,rank,yes,,,x\n"
                                 "pool,R,Q1,,,,,,10,,fitted\n");
    ta_assessment *a = assessment(fw);
    int narrower = -1;
    unsigned pool = 0;
    size_t ranked = 0;
    ck_assert_int_eq(ta_assessment_set_period(a, "Q1"), TA_OK);
    add(a, "A", "V", 5.0, TA_INPUT_VALUE);
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    ck_assert_int_eq(ta_assessment_metric_pool_gap(&narrower, &pool, &ranked, a, 0), TA_OK);
    ck_assert_int_eq(narrower, 1);
    ck_assert_uint_eq(pool, 10);
    ck_assert_uint_eq(ranked, 1);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* Rule: a rank score is 1 + 3 (rank - 1) / (n - 1), rank 1 the best value in
 * the metric's direction, tied values sharing the best rank of their tie,
 * checked against a count of the better values at every size the sort
 * changes method (insertion up to 32, merge sort up to 1024 with an odd or
 * even number of passes, radix sort beyond), with ties, negative values,
 * zeros of both signs and magnitudes that differ in every byte. */
START_TEST(test_rank_scores_at_every_sort_size)
{
    static const size_t sizes[] = {2, 17, 32, 33, 64, 65, 100, 129, 300, 1024, 1025, 3000};
    ta_framework *fw = catalogue("metric,H,High,d,V,higher,rank,yes,,,x\n"
                                 "metric,L,Low,d,W,lower,rank,yes,,,x\n");
    static char codes[3000][24]; /* room for any size_t, so no build warns of truncation */
    static const char *code_of[6000], *id_of[6000];
    static double v[3000], numbers[6000];
    uint32_t state = 20260401u;
    size_t hm = 0, lm = 0;
    ck_assert_int_eq(ta_framework_metric_index(&hm, fw, "H"), TA_OK);
    ck_assert_int_eq(ta_framework_metric_index(&lm, fw, "L"), TA_OK);
    for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++) {
        size_t n = sizes[z];
        ta_assessment *a = assessment(fw);
        for (size_t i = 0; i < n; i++) {
            uint32_t r;
            state ^= state << 13, state ^= state >> 17, state ^= state << 5;
            r = state;
            switch (r % 4) {
            case 0: /* ties */
                v[i] = (double)(r / 4 % 7) - 3.0;
                break;
            case 1: /* zeros of both signs */
                v[i] = r / 4 % 2 ? -0.0 : 0.0;
                break;
            case 2: /* magnitudes far apart */
                v[i] = ldexp((double)(r / 4 % 1000) + 1.0, (int)(r / 4000 % 200) - 100);
                break;
            default:
                v[i] = -(double)(r / 4 % 100000) / 7.0;
            }
            snprintf(codes[i], sizeof codes[i], "T%04zu", i);
            code_of[2 * i] = code_of[2 * i + 1] = codes[i];
            id_of[2 * i] = "V";
            id_of[2 * i + 1] = "W";
            numbers[2 * i] = numbers[2 * i + 1] = v[i];
        }
        ck_assert_int_eq(
            ta_assessment_add_columns(a, 2 * n, code_of, id_of, numbers, TA_INPUT_VALUE), TA_OK);
        ck_assert_int_eq(ta_assessment_run(a), TA_OK);
        for (size_t i = 0; i < n; i++) {
            size_t higher = 0, lower = 0;
            int has = 0;
            double got = NAN;
            for (size_t j = 0; j < n; j++) {
                higher += v[j] > v[i];
                lower += v[j] < v[i];
            }
            ck_assert_int_eq(ta_assessment_metric_score(&has, &got, a, i, hm), TA_OK);
            ck_assert_msg(has && fabs(got - (1.0 + 3.0 * (double)higher / (double)(n - 1))) < 1e-12,
                          "n %zu, trust %zu (%g), higher is better: %.15g", n, i, v[i], got);
            ck_assert_int_eq(ta_assessment_metric_score(&has, &got, a, i, lm), TA_OK);
            ck_assert_msg(has && fabs(got - (1.0 + 3.0 * (double)lower / (double)(n - 1))) < 1e-12,
                          "n %zu, trust %zu (%g), lower is better: %.15g", n, i, v[i], got);
        }
        ta_assessment_free(a);
    }
    ta_framework_free(fw);
}
END_TEST

/* Rule: the radix sort's result is the sorted order whatever the number of
 * digits its keys vary in. 1100 whole values 1..1100 (a permutation; no 0,
 * whose key differs from theirs in every byte) vary in three bytes of their
 * keys (the exponent and the top of the mantissa), an odd number of passes
 * that leaves the sorted keys in the scratch buffer: trust i's value v has
 * 1100 - v better, so its score is 1 + 3 (1100 - v) / 1099. */
START_TEST(test_rank_scores_from_keys_varying_in_three_bytes)
{
    enum { N = 1100 };
    ta_framework *fw = catalogue("metric,H,High,d,V,higher,rank,yes,,,x\n");
    static char codes[N][8];
    static const char *code_of[N], *id_of[N];
    static double v[N];
    ta_assessment *a = assessment(fw);
    for (size_t i = 0; i < N; i++) {
        v[i] = (double)(i * 7919 % N + 1);
        snprintf(codes[i], sizeof codes[i], "T%04u", (unsigned)i);
        code_of[i] = codes[i];
        id_of[i] = "V";
    }
    ck_assert_int_eq(ta_assessment_add_columns(a, N, code_of, id_of, v, TA_INPUT_VALUE), TA_OK);
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    for (size_t i = 0; i < N; i++) {
        int has = 0;
        double got = NAN;
        ck_assert_int_eq(ta_assessment_metric_score(&has, &got, a, i, 0), TA_OK);
        ck_assert_msg(has && fabs(got - (1.0 + 3.0 * (1100.0 - v[i]) / 1099.0)) < 1e-12,
                      "trust %zu (%g): %.15g", i, v[i], got);
    }
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* Rule: a combined score reads the table only with whole component scores
 * 1..4; a rank-scored component of 2.5 leaves the trust unscored, with a note. */
START_TEST(test_combined_needs_whole_component_scores)
{
    ta_framework *fw = catalogue("metric,A,Ranked,d,VA,higher,rank,no,,,x\n"
                                 "metric,B,Banded,d,VB,higher,banded,no,cuts=3 2 1,,x\n"
                                 "metric,C,Combined,d,,higher,combined,yes,"
                                 "first=A;second=B;table=1 1 1 1 2 2 2 2 3 3 3 3 4 4 4 4,,x\n");
    ta_assessment *a = assessment(fw);
    const char *codes[] = {"T1", "T2", "T3"};
    const double va[] = {30, 20, 10};
    for (size_t i = 0; i < 3; i++) {
        add(a, codes[i], "VA", va[i], TA_INPUT_VALUE);
        add(a, codes[i], "VB", 2.5, TA_INPUT_VALUE);
    }
    ck_assert_msg(ta_assessment_run(a) == TA_OK, "%s", ta_assessment_error(a));
    ck_assert(score(a, fw, "T2", "A") == 2.5);
    ck_assert(score(a, fw, "T1", "B") == 2.0);
    ck_assert(score(a, fw, "T1", "C") == 1.0); /* A = 1, B = 2: row 1 */
    ck_assert(score(a, fw, "T3", "C") == 4.0); /* A = 4, B = 2: row 4 */
    ck_assert(isnan(score(a, fw, "T2", "C")));
    ck_assert_uint_eq(ta_assessment_note_count(a), 1);
    assert_has(ta_assessment_note(a, 0), "trust T2: C not scored: no table entry for A = 0");
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* Rule (framework.c validate): the metrics' weight denominators may have a
 * least common multiple of at most 1000000. 1000, 1000 and 999 (lcm 999000)
 * build, however often a denominator repeats; adding 7 (lcm 6993000) does
 * not. */
START_TEST(test_weight_denominators_common_multiple)
{
    ta_framework *fw = catalogue("metric,W1,W1,d,,,supplied,yes,,1/1000,x\n"
                                 "metric,W2,W2,d,,,supplied,yes,,1/1000,x\n"
                                 "metric,W3,W3,d,,,supplied,yes,,1/999,x\n");
    ta_assessment *a = assessment(fw);
    double rounded = 0;
    add(a, "A", "W1", 1, TA_INPUT_SCORE);
    add(a, "A", "W2", 2, TA_INPUT_SCORE);
    add(a, "A", "W3", 4, TA_INPUT_SCORE);
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    /* (999 x 1 + 999 x 2 + 1000 x 4) / (999 + 999 + 1000) = 6997 / 2998 */
    close_to(average(a, "A", &rounded), 6997.0 / 2998.0);
    ta_assessment_free(a);
    ta_framework_free(fw);
    expect_error("metric,W1,W1,d,,,supplied,yes,,1/1000,x\n"
                 "metric,W2,W2,d,,,supplied,yes,,1/999,x\n"
                 "metric,W3,W3,d,,,supplied,yes,,1/7,x\n",
                 TA_EINCONSISTENT, "common multiple above 1000000");
    /* 999999 = 27 x 7 x 11 x 13 x 37, the largest common multiple that builds (1000000
     * itself is none: 5^6 divides no denominator of at most 1000). */
    ta_framework_free(catalogue("metric,W1,W1,d,,,supplied,yes,,1/27,x\n"
                                "metric,W2,W2,d,,,supplied,yes,,1/7,x\n"
                                "metric,W3,W3,d,,,supplied,yes,,1/11,x\n"
                                "metric,W4,W4,d,,,supplied,yes,,1/13,x\n"
                                "metric,W5,W5,d,,,supplied,yes,,1/37,x\n"));
}
END_TEST

/* Rule: a standard's 2.00 is its best spread score (rank 1 of the pool), not
 * the bookend-fixed 1.00: it counts among the trusts scored between the
 * bookends, and 2.00, 3.00, 4.00 fit a pool of 3 (reconstruct.c:42). */
START_TEST(test_reconstruct_counts_a_standards_two_as_spread)
{
    ta_framework *fw = catalogue("metric,S,Standard,d,,higher,standard,yes,standard=80,,x\n"
                                 "pool,S,Q1,,,,,,4,,fitted\n");
    ta_assessment *a = assessment(fw);
    ck_assert_int_eq(ta_assessment_set_period(a, "Q5"), TA_OK);
    add(a, "A", "S", 2.00, TA_INPUT_SCORE);
    add(a, "B", "S", 3.00, TA_INPUT_SCORE);
    add(a, "C", "S", 4.00, TA_INPUT_SCORE);
    add(a, "D", "S", 1.00, TA_INPUT_SCORE);
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    ck_assert(noted(a, "S Q5: pool size 3 inferred: the smallest that fits every published score "
                       "(3 trusts scored between the bookends)"));
    close_to(score(a, fw, "A", "S"), 2.0);
    close_to(score(a, fw, "D", "S"), 1.0);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* Rule: a pool of 301 has steps of exactly 0.01, so its ranks are not
 * distinct at 2 decimals: its scores are used as given (reconstruct.c:107). */
START_TEST(test_reconstruct_leaves_a_pool_of_301_as_given)
{
    ta_framework *fw = catalogue("metric,R,Rank,d,,higher,rank,yes,,,x\n"
                                 "pool,R,Q7,,,,,,301,,fitted\n");
    ta_assessment *a = assessment(fw);
    ck_assert_int_eq(ta_assessment_set_period(a, "Q7"), TA_OK);
    add(a, "A", "R", 1.01, TA_INPUT_SCORE);
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    ck_assert(noted(a, "R Q7: in a pool of 301 trusts a published score does not fix a unique "
                       "rank: the published scores are used"));
    close_to(score(a, fw, "A", "R"), 1.01);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* Rule: an inferred pool may be the widest whose ranks are distinct
 * hundredths, 300: the 300 hundredths its ranks round to fit no smaller
 * pool. The metric is the second, after AA, whose scores (all 4.00, fitting
 * any pool) are not its own (reconstruct.c:118-144). */
START_TEST(test_reconstruct_infers_the_widest_unique_pool)
{
    ta_framework *fw = catalogue("metric,AA,Other,d,,higher,rank,yes,,,x\n"
                                 "metric,R,Rank,d,,higher,rank,yes,,,x\n"
                                 "pool,R,Q1,,,,,,10,,fitted\n");
    ta_assessment *a = assessment(fw);
    size_t m = 0;
    ck_assert_int_eq(ta_framework_metric_index(&m, fw, "R"), TA_OK);
    ck_assert_uint_eq(m, 1);
    ck_assert_int_eq(ta_assessment_set_period(a, "Q5"), TA_OK);
    for (int k = 0; k < 300; k++) {
        char code[16];
        snprintf(code, sizeof code, "T%03d", k);
        add(a, code, "AA", 4.00, TA_INPUT_SCORE);
        add(a, code, "R", floor((1.0 + 3.0 * k / 299.0) * 100 + 0.5) / 100, TA_INPUT_SCORE);
    }
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    ck_assert(noted(a, "R Q5: pool size 300 inferred: the smallest that fits every published "
                       "score (300 trusts scored between the bookends)"));
    close_to(score(a, fw, "T001", "R"), 1.0 + 3.0 / 299.0);
    ta_assessment_free(a);
    /* Three scores that first fit a pool of 10 (1.00 and 2.00 alone fit 4),
     * then the same and a fourth trust without one. */
    for (int with_d = 0; with_d < 2; with_d++) {
        static const char *codes[3] = {"A", "B", "C"};
        static const double r[3] = {1.00, 2.00, 1.33}; /* the last decides */
        a = assessment(fw);
        ck_assert_int_eq(ta_assessment_set_period(a, "Q5"), TA_OK);
        for (int i = 0; i < 3; i++) {
            add(a, codes[i], "AA", 4.00, TA_INPUT_SCORE);
            add(a, codes[i], "R", r[i], TA_INPUT_SCORE);
        }
        if (with_d)
            add(a, "D", "AA", 4.00, TA_INPUT_SCORE);
        ck_assert_int_eq(ta_assessment_run(a), TA_OK);
        ck_assert(noted(a, "R Q5: pool size 10 inferred: the smallest that fits every published "
                           "score (3 trusts scored between the bookends)"));
        close_to(score(a, fw, "C", "R"), 1.0 + 1.0 / 3.0);
        ta_assessment_free(a);
    }
    ta_framework_free(fw);
}
END_TEST

static Suite *scoring_suite(void)
{
    Suite *s = suite_create("scoring");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_standard_bookends);
    tcase_add_test(tc, test_floor_bookends);
    tcase_add_test(tc, test_bookends_alone_and_none_ranked);
    tcase_add_test(tc, test_supplied_rank_between_bookends);
    tcase_add_test(tc, test_brackets);
    tcase_add_test(tc, test_weights_one_third);
    tcase_add_test(tc, test_weighted_mean_by_domain);
    tcase_add_test(tc, test_pool_gap_needs_a_ranked_trust);
    tcase_add_test(tc, test_catalogue_errors);
    tcase_add_test(tc, test_builder_checks);
    tcase_add_test(tc, test_first_layout_still_loads);
    tcase_add_test(tc, test_presets_by_trust_type);
    tcase_add_test(tc, test_reconstruct_unrounded_scores);
    tcase_add_test(tc, test_reconstruct_halfway_belongs_to_the_upper);
    tcase_add_test(tc, test_reconstruct_infers_a_missing_pool);
    tcase_add_test(tc, test_pool_gap_from_values);
    tcase_add_test(tc, test_pool_gap_of_one_trust);
    tcase_add_test(tc, test_rank_scores_at_every_sort_size);
    tcase_add_test(tc, test_rank_scores_from_keys_varying_in_three_bytes);
    tcase_add_test(tc, test_combined_needs_whole_component_scores);
    tcase_add_test(tc, test_weight_denominators_common_multiple);
    tcase_add_test(tc, test_reconstruct_counts_a_standards_two_as_spread);
    tcase_add_test(tc, test_reconstruct_leaves_a_pool_of_301_as_given);
    tcase_add_test(tc, test_reconstruct_infers_the_widest_unique_pool);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(scoring_suite());
    int failed;
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
