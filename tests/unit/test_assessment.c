/*
 * Tests of lib/nof's assessments (include/trustassess/assessment.h): each
 * scoring rule with exact hand-computed scores, the plain mean and its half-up
 * rounding, explicit and quartile cut-offs with ties on a cut-off either way,
 * the deficit cap and the Recovery Support Programme, the rank rule and league
 * order, the state rules (results only after a run of the current inputs),
 * all-or-nothing bulk input, the pure helpers, locale independence on NHS
 * England's real file, and an allocation-failure sweep over build and run.
 *
 * Small frameworks are built by hand so that each rule is seen alone; the
 * NOF 2025/26 preset is used where its own catalogue matters (combined finance).
 */
#include <check.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc_fail.h"
#include "alloc_guard.h"
#include "common/alloc.h"
#include "nof/assessment_internal.h"
#include "trustassess/assessment.h"
#include "trustassess/framework.h"
#include "trustassess/nhse.h"
#include "trustassess/trust.h"

#define DATA_FILE TA_TEST_DATA_DIR "/mental-health-and-community-trust-data-q1-q4.csv"
#define TOL 1e-12

#define assert_has(text, word)                                                                     \
    ck_assert_msg(strstr((text), (word)) != NULL, "\"%s\" does not contain \"%s\"", (text), (word))

/* ---- frameworks ------------------------------------------------------- */

/* Supplied-score metrics P01 .. Pn, all in domain "a", entering the average;
 * n_cut explicit cut-offs (0 = quartiles under q), the given tie rule. */
static ta_framework *supplied_fw(int n, size_t n_cut, const double *cuts, ta_cutoff_rule rule,
                                 ta_quantile q)
{
    ta_framework_builder *b = NULL;
    ta_framework *fw = NULL;
    char id[16]; /* "P" and an int: room for any int, so no truncation warning */
    ck_assert_int_eq(ta_framework_builder_new(&b, "supplied", NULL), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "a", "A", "DA"), TA_OK);
    for (int i = 1; i <= n; i++) {
        snprintf(id, sizeof id, "P%02d", i);
        ck_assert_int_eq(ta_framework_builder_add_metric(b, id, id, "a", TA_SCORING_SUPPLIED),
                         TA_OK);
    }
    if (n_cut)
        ck_assert_int_eq(ta_framework_builder_set_cutoffs(b, n_cut, cuts), TA_OK);
    else
        ck_assert_int_eq(ta_framework_builder_set_cutoff_quartiles(b, q), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_cutoff_rule(b, rule), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_OK);
    ta_framework_builder_free(b);
    return fw;
}

static const double CUTS[3] = {2.0, 2.5, 3.0};

/* One metric of each scoring rule, quartile cut-offs:
 *   R1 rank, higher better (raw V1)      R2 rank, lower better (V2)
 *   S1 standard-capped, higher, 70 (V3)  S2 standard-capped, lower, 10 (V4)
 *   B1 banded, higher, cuts 0 -1 -2 (V5, not in the average)
 *   B2 banded, lower, cuts 1 2 3 (V6, not in the average)
 *   C1 combined (B1, B2), entry (2, 2) unknown      P1 supplied (domain b) */
static const double COMBO[16] = {1, 1, 2, 3, 2, 0, 3, 3, 2, 3, 3, 4, 3, 4, 4, 4};

static ta_framework *rules_fw(void)
{
    ta_framework_builder *b = NULL;
    ta_framework *fw = NULL;
    const double b1[3] = {0, -1, -2}, b2[3] = {1, 2, 3};
    static const struct {
        const char *id, *raw, *domain;
        ta_scoring scoring;
        ta_direction dir;
    } m[] = {
        {"R1", "V1", "a", TA_SCORING_RANK, TA_HIGHER_IS_BETTER},
        {"R2", "V2", "a", TA_SCORING_RANK, TA_LOWER_IS_BETTER},
        {"S1", "V3", "a", TA_SCORING_STANDARD_CAPPED, TA_HIGHER_IS_BETTER},
        {"S2", "V4", "a", TA_SCORING_STANDARD_CAPPED, TA_LOWER_IS_BETTER},
        {"B1", "V5", "b", TA_SCORING_BANDED, TA_HIGHER_IS_BETTER},
        {"B2", "V6", "b", TA_SCORING_BANDED, TA_LOWER_IS_BETTER},
        {"C1", NULL, "b", TA_SCORING_COMBINED, TA_HIGHER_IS_BETTER},
        {"P1", NULL, "b", TA_SCORING_SUPPLIED, TA_HIGHER_IS_BETTER},
    };
    ck_assert_int_eq(ta_framework_builder_new(&b, "rules", NULL), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "a", "A", "DA"), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "b", "B", "DB"), TA_OK);
    for (size_t i = 0; i < sizeof m / sizeof m[0]; i++) {
        ck_assert_int_eq(
            ta_framework_builder_add_metric(b, m[i].id, m[i].id, m[i].domain, m[i].scoring), TA_OK);
        if (m[i].raw)
            ck_assert_int_eq(ta_framework_builder_set_raw_id(b, m[i].id, m[i].raw), TA_OK);
        ck_assert_int_eq(ta_framework_builder_set_direction(b, m[i].id, m[i].dir), TA_OK);
    }
    ck_assert_int_eq(ta_framework_builder_set_standard(b, "S1", 70), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_standard(b, "S2", 10), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_bands(b, "B1", 3, b1), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_bands(b, "B2", 3, b2), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_in_average(b, "B1", 0), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_in_average(b, "B2", 0), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_combination(b, "C1", "B1", "B2", COMBO), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_OK);
    ta_framework_builder_free(b);
    return fw;
}

/* ---- input and result helpers ---------------------------------------- */

static void add_one(ta_assessment *a, const char *code, const char *id, double x,
                    ta_input_kind kind)
{
    ta_status st = ta_assessment_add_columns(a, 1, &code, &id, &x, kind);
    ck_assert_msg(st == TA_OK, "add %s %s: %s", code, id, ta_assessment_error(a));
}

static void add_score(ta_assessment *a, const char *code, const char *id, double x)
{
    add_one(a, code, id, x, TA_INPUT_SCORE);
}

static void add_value(ta_assessment *a, const char *code, const char *id, double x)
{
    add_one(a, code, id, x, TA_INPUT_VALUE);
}

static size_t index_of(const ta_assessment *a, const char *code)
{
    size_t i = 0;
    ck_assert_msg(ta_assessment_find_trust(&i, a, code) == TA_OK, "no trust %s", code);
    return i;
}

/* Trust code's score of metric id after a run; NAN when it has none. */
static double score_of(const ta_assessment *a, const ta_framework *fw, const char *code,
                       const char *id)
{
    size_t m;
    int has = -1;
    double s = 0;
    ck_assert_int_eq(ta_framework_metric_index(&m, fw, id), TA_OK);
    ck_assert_int_eq(ta_assessment_metric_score(&has, &s, a, index_of(a, code), m), TA_OK);
    return has ? s : NAN;
}

static double rounded_of(const ta_assessment *a, const char *code)
{
    double r = 0;
    ck_assert_int_eq(ta_assessment_average(NULL, &r, NULL, a, index_of(a, code)), TA_OK);
    return r;
}

static int segment_of(const ta_assessment *a, const char *code, int which)
{
    int s[3] = {-1, -1, -1};
    ck_assert_int_eq(ta_assessment_segments(&s[0], &s[1], &s[2], a, index_of(a, code)), TA_OK);
    return s[which];
}
#define UNADJ(a, c) segment_of((a), (c), 0)
#define ADJ(a, c) segment_of((a), (c), 1)
#define FINAL(a, c) segment_of((a), (c), 2)

static uint32_t rank_of(const ta_assessment *a, const char *code)
{
    uint32_t r = 0;
    ck_assert_int_eq(ta_assessment_rank(&r, a, index_of(a, code)), TA_OK);
    return r;
}

static ta_reason reason_of(const ta_assessment *a, const char *code)
{
    ta_reason r = (ta_reason)-1;
    ck_assert_int_eq(ta_assessment_reason(&r, a, index_of(a, code)), TA_OK);
    return r;
}

static void run(ta_assessment *a)
{
    ta_status st = ta_assessment_run(a);
    ck_assert_msg(st == TA_OK, "run: %s", ta_assessment_error(a));
}

static ta_assessment *new_assessment(const ta_framework *fw)
{
    ta_assessment *a = NULL;
    ck_assert_int_eq(ta_assessment_new(&a, fw, NULL), TA_OK);
    ck_assert_ptr_nonnull(a);
    return a;
}

/* ---- metric scores ---------------------------------------------------- */

/* 1 + 3 (rank - 1) / (n - 1), ties sharing the best rank, n = trusts with a value. */
static double rank_score(int rank, int n)
{
    return 1.0 + 3.0 * (double)(rank - 1) / (double)(n - 1);
}

/* A trust field set again takes the new text whole: a longer one does not
 * overwrite the field stored after it, and "" on a field never set reads ""
 * (assessment_input.c:482). */
START_TEST(test_trust_field_set_again)
{
    ta_framework *fw = rules_fw();
    ta_assessment *a = new_assessment(fw);
    size_t i;

    add_value(a, "T1", "V1", 1);
    i = index_of(a, "T1");
    ck_assert_int_eq(ta_assessment_set_trust_field(a, "T1", TA_FIELD_NAME, "ab"), TA_OK);
    ck_assert_int_eq(ta_assessment_set_trust_field(a, "T1", TA_FIELD_REGION, "cd"), TA_OK);
    ck_assert_int_eq(ta_assessment_set_trust_field(a, "T1", TA_FIELD_NAME, "abcdef"), TA_OK);
    ck_assert_str_eq(ta_assessment_trust_field(a, i, TA_FIELD_NAME), "abcdef");
    ck_assert_str_eq(ta_assessment_trust_field(a, i, TA_FIELD_REGION), "cd");
    ck_assert_int_eq(ta_assessment_set_trust_field(a, "T1", TA_FIELD_NAME, "x"), TA_OK);
    ck_assert_str_eq(ta_assessment_trust_field(a, i, TA_FIELD_NAME), "x");
    ck_assert_int_eq(ta_assessment_set_trust_field(a, "T1", TA_FIELD_SUBTYPE, ""), TA_OK);
    ck_assert_str_eq(ta_assessment_trust_field(a, i, TA_FIELD_SUBTYPE), "");
    ck_assert_int_eq(ta_assessment_set_trust_field(a, "T1", TA_FIELD_NAME, ""), TA_OK);
    ck_assert_str_eq(ta_assessment_trust_field(a, i, TA_FIELD_NAME), "");
    ck_assert_str_eq(ta_assessment_trust_field(a, i, TA_FIELD_REGION), "cd");
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* The notes are those of the last run: after a run with a note, a run with
 * none has note_count 0 and ta_assessment_note(a, 0) NULL
 * (assessment_results.c:308). */
START_TEST(test_notes_of_the_last_run)
{
    ta_framework *fw = rules_fw();
    ta_assessment *a = new_assessment(fw);

    add_value(a, "ONLY", "V1", 3);
    run(a);
    ck_assert_uint_eq(ta_assessment_note_count(a), 1);
    ck_assert_ptr_nonnull(ta_assessment_note(a, 0));
    add_value(a, "TWO", "V1", 4);
    run(a);
    ck_assert_uint_eq(ta_assessment_note_count(a), 0);
    ck_assert_ptr_null(ta_assessment_note(a, 0));
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

START_TEST(test_rank_scaling)
{
    ta_framework *fw = rules_fw();
    ta_assessment *a = new_assessment(fw);
    const char *codes[5] = {"T1", "T2", "T3", "T4", "T5"};
    const double values[5] = {10, 20, 20, 30, 40};

    for (int i = 0; i < 5; i++) {
        add_value(a, codes[i], "V1", values[i]);
        add_value(a, codes[i], "R2", values[i]); /* the score ID addresses the value too */
    }
    add_score(a, "T6", "P1", 2.0); /* no value on R1/R2: not ranked, not counted in n */
    run(a);
    /* Higher is better: 40 -> rank 1, 30 -> 2, 20 and 20 -> 3, 10 -> 5. */
    ck_assert_double_eq_tol(score_of(a, fw, "T5", "R1"), rank_score(1, 5), TOL);
    ck_assert_double_eq_tol(score_of(a, fw, "T4", "R1"), rank_score(2, 5), TOL);
    ck_assert_double_eq_tol(score_of(a, fw, "T3", "R1"), rank_score(3, 5), TOL);
    ck_assert_double_eq_tol(score_of(a, fw, "T2", "R1"), rank_score(3, 5), TOL);
    ck_assert_double_eq_tol(score_of(a, fw, "T1", "R1"), rank_score(5, 5), TOL);
    ck_assert_double_eq(score_of(a, fw, "T5", "R1"), 1.0);
    ck_assert_double_eq(score_of(a, fw, "T4", "R1"), 1.75);
    ck_assert_double_eq(score_of(a, fw, "T2", "R1"), 2.5);
    ck_assert_double_eq(score_of(a, fw, "T1", "R1"), 4.0);
    /* Lower is better: 10 -> 1, 20 and 20 -> 2, 30 -> 4, 40 -> 5. */
    ck_assert_double_eq(score_of(a, fw, "T1", "R2"), 1.0);
    ck_assert_double_eq(score_of(a, fw, "T2", "R2"), 1.75);
    ck_assert_double_eq(score_of(a, fw, "T3", "R2"), 1.75);
    ck_assert_double_eq(score_of(a, fw, "T4", "R2"), 3.25);
    ck_assert_double_eq(score_of(a, fw, "T5", "R2"), 4.0);
    ck_assert(isnan(score_of(a, fw, "T6", "R1")));
    ck_assert_uint_eq(ta_assessment_note_count(a), 0);
    ta_assessment_free(a);

    /* A single trust with a value takes the best score, with a note saying
     * it had no peer (issue 19: a trust alone in its type). */
    a = new_assessment(fw);
    add_value(a, "ONLY", "V1", 3);
    run(a);
    ck_assert_double_eq(score_of(a, fw, "ONLY", "R1"), 1.0);
    ck_assert_uint_eq(ta_assessment_note_count(a), 1);
    ck_assert_str_eq(ta_assessment_note(a, 0),
                     "trust ONLY: R1 ranked alone (the only trust with a value), so its score "
                     "compares it with no peer");
    ta_assessment_free(a);
    /* A supplied score is no ranking: no note. */
    a = new_assessment(fw);
    add_value(a, "ONLY", "V1", 3);
    add_score(a, "ONLY", "R1", 2.5);
    run(a);
    ck_assert_double_eq(score_of(a, fw, "ONLY", "R1"), 2.5);
    ck_assert_uint_eq(ta_assessment_note_count(a), 0);
    ta_assessment_free(a);
    /* The note asks about the lone trust's own score: B, the second trust,
     * is alone with a value for R2 (the second metric), and A's supplied
     * R2 and P1 scores, cells that a slip in the row or column would read,
     * leave B's note in place. */
    a = new_assessment(fw);
    add_value(a, "A", "V1", 3);
    add_score(a, "A", "R2", 2.5);
    add_score(a, "A", "P1", 2.0);
    add_value(a, "B", "V2", 7);
    run(a);
    ck_assert_double_eq(score_of(a, fw, "B", "R2"), 1.0);
    ck_assert_uint_eq(ta_assessment_note_count(a), 2);
    ck_assert_str_eq(ta_assessment_note(a, 1),
                     "trust B: R2 ranked alone (the only trust with a value), so its score "
                     "compares it with no peer");
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

START_TEST(test_standard_capped)
{
    ta_framework *fw = rules_fw();
    ta_assessment *a = new_assessment(fw);

    /* Higher is better, standard 70. */
    add_value(a, "A", "V3", 80);
    add_value(a, "B", "V3", 75);
    add_value(a, "C", "V3", 70); /* equal to the standard: meets it */
    add_value(a, "D", "V3", 69.99);
    add_value(a, "E", "V3", 10);
    /* Lower is better, standard 10. */
    add_value(a, "A", "V4", 10);
    add_value(a, "B", "V4", 10.01);
    add_value(a, "C", "V4", 2);
    run(a);
    ck_assert_double_eq(score_of(a, fw, "A", "S1"), rank_score(1, 5));
    ck_assert_double_eq(score_of(a, fw, "B", "S1"), rank_score(2, 5));
    ck_assert_double_eq(score_of(a, fw, "C", "S1"), rank_score(3, 5));
    ck_assert_double_eq(score_of(a, fw, "D", "S1"), 4.0);
    ck_assert_double_eq(score_of(a, fw, "E", "S1"), 4.0);
    ck_assert_double_eq(score_of(a, fw, "C", "S2"), 1.0);
    ck_assert_double_eq(score_of(a, fw, "A", "S2"), rank_score(2, 3));
    ck_assert_double_eq(score_of(a, fw, "B", "S2"), 4.0);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

START_TEST(test_banded_boundaries)
{
    ta_framework *fw = rules_fw();
    ta_assessment *a = new_assessment(fw);
    /* B1: higher is better, cut points 0, -1, -2; a value on a cut point takes
     * the better band. */
    static const struct {
        const char *code;
        double value, score;
    } hi[] = {{"H1", 3, 1},    {"H2", 0, 1},  {"H3", -0.01, 2}, {"H4", -1, 2},
              {"H5", -1.5, 3}, {"H6", -2, 3}, {"H7", -2.01, 4}, {"H8", -50, 4}},
      lo[] = {{"L1", -5, 1}, {"L2", 1, 1},    {"L3", 1.5, 2}, {"L4", 2, 2},
              {"L5", 3, 3},  {"L6", 3.01, 4}, {"L7", 100, 4}};

    for (size_t i = 0; i < sizeof hi / sizeof hi[0]; i++)
        add_value(a, hi[i].code, "V5", hi[i].value);
    for (size_t i = 0; i < sizeof lo / sizeof lo[0]; i++)
        add_value(a, lo[i].code, "V6", lo[i].value);
    run(a);
    for (size_t i = 0; i < sizeof hi / sizeof hi[0]; i++)
        ck_assert_msg(score_of(a, fw, hi[i].code, "B1") == hi[i].score, "B1 value %g: %g not %g",
                      hi[i].value, score_of(a, fw, hi[i].code, "B1"), hi[i].score);
    for (size_t i = 0; i < sizeof lo / sizeof lo[0]; i++)
        ck_assert_msg(score_of(a, fw, lo[i].code, "B2") == lo[i].score, "B2 value %g: %g not %g",
                      lo[i].value, score_of(a, fw, lo[i].code, "B2"), lo[i].score);
    /* Banded metrics here do not enter the average: these trusts are not segmented. */
    ck_assert_uint_eq(ta_assessment_league_count(a), 0);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* The preset's combined finance score OF1080 = table(OF1079 band, OF1081 band). */
START_TEST(test_combined_preset)
{
    ta_framework *fw = NULL;
    ta_assessment *a;
    const char *note;

    ck_assert_int_eq(ta_framework_preset(&fw, "nof-2025-26", NULL), TA_OK);
    a = new_assessment(fw);
    /* OF0079 bands: >= 0 -> 1, >= -1 -> 2, >= -2 -> 3; OF0081: >= 0, -0.5, -1. */
    add_value(a, "C11", "OF0079", 0.5);
    add_value(a, "C11", "OF0081", 0);
    add_value(a, "C21", "OF0079", -0.5);
    add_value(a, "C21", "OF0081", 0.1);
    add_value(a, "C22", "OF0079", -0.5);
    add_value(a, "C22", "OF0081", -0.25);
    add_value(a, "C34", "OF0079", -1.5);
    add_value(a, "C34", "OF0081", -2);
    /* A supplied OF1080 wins over the (unknown) table entry. */
    add_value(a, "C22S", "OF0079", -0.5);
    add_value(a, "C22S", "OF0081", -0.25);
    add_score(a, "C22S", "OF1080", 3);
    for (const char *const *c = (const char *const[]){"C11", "C21", "C22", "C34", "C22S", NULL}; *c;
         c++)
        add_score(a, *c, "OF1035", 2.0);
    run(a);
    ck_assert_double_eq(score_of(a, fw, "C11", "OF1079"), 1);
    ck_assert_double_eq(score_of(a, fw, "C11", "OF1081"), 1);
    ck_assert_double_eq(score_of(a, fw, "C11", "OF1080"), 1);
    ck_assert_double_eq(score_of(a, fw, "C21", "OF1079"), 2);
    ck_assert_double_eq(score_of(a, fw, "C21", "OF1080"), 2);
    ck_assert_double_eq(score_of(a, fw, "C22", "OF1081"), 2);
    ck_assert(isnan(score_of(a, fw, "C22", "OF1080")));
    ck_assert_double_eq(score_of(a, fw, "C34", "OF1079"), 3);
    ck_assert_double_eq(score_of(a, fw, "C34", "OF1081"), 4);
    ck_assert_double_eq(score_of(a, fw, "C34", "OF1080"), 4);
    ck_assert_double_eq(score_of(a, fw, "C22S", "OF1080"), 3);
    /* Exactly one note, for C22. */
    ck_assert_uint_eq(ta_assessment_note_count(a), 1);
    note = ta_assessment_note(a, 0);
    ck_assert_ptr_nonnull(note);
    assert_has(note, "C22");
    assert_has(note, "OF1080");
    ck_assert_ptr_null(ta_assessment_note(a, 1));
    /* OF1079/OF1081 stay out of the average: C34 averages OF1035 2 and OF1080 4. */
    ck_assert_double_eq(rounded_of(a, "C34"), 3.0);
    ck_assert_double_eq(rounded_of(a, "C22"), 2.0); /* OF1035 alone */
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

START_TEST(test_combined_hand_built)
{
    ta_framework *fw = rules_fw();
    ta_assessment *a = new_assessment(fw);

    add_value(a, "K", "V5", -1.5); /* B1 = 3 */
    add_value(a, "K", "V6", 2.5);  /* B2 = 3 */
    add_value(a, "U", "V5", -0.5); /* B1 = 2 */
    add_value(a, "U", "V6", 1.5);  /* B2 = 2: table entry 0 */
    run(a);
    ck_assert_double_eq(score_of(a, fw, "K", "C1"), COMBO[4 * 2 + 2]);
    ck_assert(isnan(score_of(a, fw, "U", "C1")));
    ck_assert_uint_eq(ta_assessment_note_count(a), 1);
    assert_has(ta_assessment_note(a, 0), "trust U");
    /* Notes go with the results: a change of input clears them. */
    add_score(a, "U", "C1", 2.5);
    ck_assert_uint_eq(ta_assessment_note_count(a), 0);
    run(a);
    ck_assert_uint_eq(ta_assessment_note_count(a), 0);
    ck_assert_double_eq(score_of(a, fw, "U", "C1"), 2.5);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* Rule: a combination is scored wherever it stands in the framework: here
 * it is the first metric, declared before the two whose scores it combines. */
START_TEST(test_combined_first_metric)
{
    ta_framework_builder *b = NULL;
    ta_framework *fw = NULL;
    ta_assessment *a;
    ck_assert_int_eq(ta_framework_builder_new(&b, "combined-first", NULL), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "a", "A", "DA"), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "C", "C", "a", TA_SCORING_COMBINED), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "X", "X", "a", TA_SCORING_SUPPLIED), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "Y", "Y", "a", TA_SCORING_SUPPLIED), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_combination(b, "C", "X", "Y", COMBO), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_OK);
    ta_framework_builder_free(b);
    a = new_assessment(fw);
    add_score(a, "K", "X", 3);
    add_score(a, "K", "Y", 3);
    run(a);
    ck_assert(COMBO[4 * 2 + 2] != 0);
    ck_assert_double_eq(score_of(a, fw, "K", "C"), COMBO[4 * 2 + 2]);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

START_TEST(test_supplied_score_and_rank)
{
    ta_framework *fw = rules_fw();
    ta_assessment *a = new_assessment(fw);
    ta_trust *t = NULL;

    add_value(a, "A", "V1", 10);
    add_value(a, "B", "V1", 20);
    add_value(a, "C", "V1", 30);
    add_score(a, "A", "R1", 3.3); /* the supplied score wins over A's value */
    /* A rank and pool from elsewhere: 3 of 9 -> 1.75, without a value ... */
    ck_assert_int_eq(ta_trust_new(&t, fw, "D", NULL), TA_OK);
    ck_assert_int_eq(ta_trust_set_rank(t, "R1", 3, 9), TA_OK);
    ck_assert_int_eq(ta_assessment_add_trust(a, t), TA_OK);
    ta_trust_free(t);
    /* ... and with a value, which it replaces: 9 of 9 -> 4.00. */
    ck_assert_int_eq(ta_trust_new(&t, fw, "E", NULL), TA_OK);
    ck_assert_int_eq(ta_trust_set_value(t, "V1", 1000), TA_OK);
    ck_assert_int_eq(ta_trust_set_rank(t, "V1", 9, 9), TA_OK);
    ck_assert_int_eq(ta_assessment_add_trust(a, t), TA_OK);
    ta_trust_free(t);
    /* A supplied score also wins over a supplied rank. */
    ck_assert_int_eq(ta_trust_new(&t, fw, "F", NULL), TA_OK);
    ck_assert_int_eq(ta_trust_set_rank(t, "R1", 1, 9), TA_OK);
    ck_assert_int_eq(ta_trust_set_score(t, "R1", 2.22), TA_OK);
    ck_assert_int_eq(ta_assessment_add_trust(a, t), TA_OK);
    ta_trust_free(t);
    run(a);
    ck_assert_double_eq_tol(score_of(a, fw, "A", "R1"), 3.3, TOL);
    ck_assert_double_eq(score_of(a, fw, "D", "R1"), 1.75);
    ck_assert_double_eq(score_of(a, fw, "E", "R1"), 4.0);
    ck_assert_double_eq_tol(score_of(a, fw, "F", "R1"), 2.22, TOL);
    ck_assert_double_eq(score_of(a, fw, "C", "R1") < score_of(a, fw, "B", "R1"), 1);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* ---- averages and rounding -------------------------------------------- */

START_TEST(test_average_is_plain_mean)
{
    ta_framework_builder *b = NULL;
    ta_framework *fw = NULL;
    ta_assessment *a;
    double unrounded = 0, rounded = 0, d = 0;
    size_t n = 0, i;
    int has = -1;

    ck_assert_int_eq(ta_framework_builder_new(&b, "avg", NULL), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "a", "A", "DA"), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "b", "B", "DB"), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "c", "C", "DC"), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "P1", "P1", "a", TA_SCORING_SUPPLIED),
                     TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "P2", "P2", "b", TA_SCORING_SUPPLIED),
                     TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "P3", "P3", "b", TA_SCORING_SUPPLIED),
                     TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "X", "X", "b", TA_SCORING_SUPPLIED), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "P4", "P4", "c", TA_SCORING_SUPPLIED),
                     TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_in_average(b, "X", 0), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_cutoffs(b, 3, CUTS), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_OK);
    ta_framework_builder_free(b);

    a = new_assessment(fw);
    add_score(a, "T", "P1", 1);
    add_score(a, "T", "P2", 2);
    add_score(a, "T", "P3", 4);
    add_score(a, "T", "X", 4); /* not in the average */
    add_score(a, "Z", "X", 1); /* only a score outside the average */
    run(a);
    i = index_of(a, "T");
    /* (1 + 2 + 4) / 3 = 2.333..., not the mean of domain means (1 + 3) / 2 = 2. */
    ck_assert_int_eq(ta_assessment_average(&unrounded, &rounded, &n, a, i), TA_OK);
    ck_assert_double_eq_tol(unrounded, 7.0 / 3.0, TOL);
    ck_assert_double_eq(rounded, 2.33);
    ck_assert_uint_eq(n, 3);
    ck_assert_int_eq(ta_assessment_domain_score(&has, &d, a, i, 0), TA_OK);
    ck_assert_int_eq(has, 1);
    ck_assert_double_eq(d, 1.0);
    ck_assert_int_eq(ta_assessment_domain_score(&has, &d, a, i, 1), TA_OK);
    ck_assert_int_eq(has, 1);
    ck_assert_double_eq(d, 3.0);
    ck_assert_int_eq(ta_assessment_domain_score(&has, &d, a, i, 2), TA_OK);
    ck_assert_int_eq(has, 0);
    ck_assert_int_eq(ta_assessment_domain_score(&has, &d, a, i, 3), TA_EINVAL);
    ck_assert_int_eq(ta_assessment_domain_score(NULL, &d, a, i, 0), TA_EINVAL);
    ck_assert_int_eq(UNADJ(a, "T"), 2);

    /* Z: no score enters the average -> not segmented, not ranked, not in the league. */
    i = index_of(a, "Z");
    {
        int segmented = -1, s1, s2, s3;
        uint32_t rank;
        ta_reason reason;
        char text[128];
        ck_assert_int_eq(ta_assessment_is_segmented(&segmented, a, i), TA_OK);
        ck_assert_int_eq(segmented, 0);
        ck_assert_int_eq(ta_assessment_average(&unrounded, &rounded, &n, a, i), TA_ENOTFOUND);
        ck_assert_int_eq(ta_assessment_segments(&s1, &s2, &s3, a, i), TA_ENOTFOUND);
        ck_assert_int_eq(ta_assessment_rank(&rank, a, i), TA_ENOTFOUND);
        ck_assert_int_eq(ta_assessment_distance_to_better(&d, a, i), TA_ENOTFOUND);
        ck_assert_int_eq(ta_assessment_reason(&reason, a, i), TA_OK);
        ck_assert_int_eq(reason, TA_REASON_NONE);
        ck_assert_int_eq(ta_assessment_reason_text(text, sizeof text, NULL, a, i), TA_OK);
        assert_has(text, "not segmented");
        ck_assert_int_eq(ta_assessment_domain_score(&has, &d, a, i, 1), TA_OK);
        ck_assert_int_eq(has, 0);
        ck_assert_double_eq(score_of(a, fw, "Z", "X"), 1.0);
    }
    ck_assert_uint_eq(ta_assessment_trust_count(a), 2);
    ck_assert_uint_eq(ta_assessment_league_count(a), 1);
    ck_assert_int_eq(ta_assessment_league_entry(&i, a, 0), TA_OK);
    ck_assert_str_eq(ta_assessment_trust_code(a, i), "T");
    ck_assert_int_eq(ta_assessment_league_entry(&i, a, 1), TA_EINVAL);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

START_TEST(test_rounding_half_up)
{
    ta_framework *fw = supplied_fw(20, 3, CUTS, TA_CUTOFF_TIES_BETTER, TA_QUANTILE_TYPE7);
    ta_assessment *a = new_assessment(fw);
    double unrounded = 0;
    char id[8];

    add_score(a, "H3085", "P01", 3.08);
    add_score(a, "H3085", "P02", 3.09);
    add_score(a, "H2675", "P01", 2.67);
    add_score(a, "H2675", "P02", 2.68);
    for (int i = 1; i <= 19; i++) {
        snprintf(id, sizeof id, "P%02d", i);
        add_score(a, "H20055", id, 2.00);
    }
    add_score(a, "H20055", "P20", 2.11);
    /* (2.00 x 4 + 2.02) / 5 = 2.004: rounds down. */
    for (int i = 1; i <= 4; i++) {
        snprintf(id, sizeof id, "P%02d", i);
        add_score(a, "H2004", id, 2.00);
    }
    add_score(a, "H2004", "P05", 2.02);
    run(a);
    ck_assert_int_eq(ta_assessment_average(&unrounded, NULL, NULL, a, index_of(a, "H3085")), TA_OK);
    ck_assert_double_eq_tol(unrounded, 3.085, 1e-12);
    ck_assert_double_eq(rounded_of(a, "H3085"), 3.09); /* half-even would give 3.08 */
    ck_assert_double_eq(rounded_of(a, "H2675"), 2.68);
    ck_assert_int_eq(ta_assessment_average(&unrounded, NULL, NULL, a, index_of(a, "H20055")),
                     TA_OK);
    ck_assert_double_eq_tol(unrounded, 2.0055, 1e-12);
    ck_assert_double_eq(rounded_of(a, "H20055"), 2.01);
    ck_assert_double_eq(rounded_of(a, "H2004"), 2.00);
    /* Segments use the rounded average: 2.004 -> 2.00 is on the 2.0 cut-off,
     * the better side; 2.0055 -> 2.01 is beyond it. */
    ck_assert_int_eq(UNADJ(a, "H2004"), 1);
    ck_assert_int_eq(UNADJ(a, "H20055"), 2);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* ---- segments --------------------------------------------------------- */

static const struct {
    const char *code;
    double avg;
    int better, worse; /* segment under ties-better and ties-worse */
} ON_CUTS[] = {{"S150", 1.5, 1, 1},  {"S200", 2.0, 1, 2},  {"S201", 2.01, 2, 2},
               {"S250", 2.5, 2, 3},  {"S299", 2.99, 3, 3}, {"S300", 3.0, 3, 4},
               {"S301", 3.01, 4, 4}, {"S400", 4.0, 4, 4},  {"S100", 1.0, 1, 1}};
#define N_ON_CUTS (sizeof ON_CUTS / sizeof ON_CUTS[0])

static void check_explicit_cutoffs(ta_cutoff_rule rule)
{
    ta_framework *fw = supplied_fw(2, 3, CUTS, rule, TA_QUANTILE_TYPE7);
    ta_assessment *a = new_assessment(fw);
    double cut[4] = {0};
    size_t count = 0;

    for (size_t i = 0; i < N_ON_CUTS; i++)
        add_score(a, ON_CUTS[i].code, "P01", ON_CUTS[i].avg);
    /* 2.00 as the mean of 1.99 and 2.01 is on the cut-off too. */
    add_score(a, "MEAN200", "P01", 1.99);
    add_score(a, "MEAN200", "P02", 2.01);
    run(a);
    ck_assert_int_eq(ta_assessment_cutoffs(cut, 4, &count, a), TA_OK);
    ck_assert_uint_eq(count, 3);
    ck_assert_double_eq(cut[0], 2.0);
    ck_assert_double_eq(cut[1], 2.5);
    ck_assert_double_eq(cut[2], 3.0);
    for (size_t i = 0; i < N_ON_CUTS; i++) {
        int want = rule == TA_CUTOFF_TIES_BETTER ? ON_CUTS[i].better : ON_CUTS[i].worse;
        ck_assert_msg(UNADJ(a, ON_CUTS[i].code) == want, "%s: segment %d, not %d", ON_CUTS[i].code,
                      UNADJ(a, ON_CUTS[i].code), want);
        /* Flags unknown: no cap, final unknown. */
        ck_assert_int_eq(ADJ(a, ON_CUTS[i].code), want);
        ck_assert_int_eq(FINAL(a, ON_CUTS[i].code), 0);
        ck_assert_int_eq(reason_of(a, ON_CUTS[i].code), TA_REASON_CUTOFF);
    }
    ck_assert_int_eq(UNADJ(a, "MEAN200"), rule == TA_CUTOFF_TIES_BETTER ? 1 : 2);
    ta_assessment_free(a);
    ta_framework_free(fw);
}

START_TEST(test_cutoffs_ties_better)
{
    check_explicit_cutoffs(TA_CUTOFF_TIES_BETTER);
}
END_TEST

START_TEST(test_cutoffs_ties_worse)
{
    check_explicit_cutoffs(TA_CUTOFF_TIES_WORSE);
}
END_TEST

/* Quartile cut-offs are computed from the rounded averages of segmented trusts. */
START_TEST(test_quartile_cutoffs)
{
    static const struct {
        const char *code;
        double s1, s2;
        int seg7, seg6;
    } t[] = {
        {"A", 1.00, 1.00, 1, 1}, /* 1.00 */
        {"B", 1.50, 1.51, 1, 1}, /* 1.505 -> 1.51 */
        {"C", 2.00, 2.01, 2, 2}, /* 2.005 -> 2.01 */
        {"D", 2.25, 2.25, 2, 2}, /* 2.25 */
        {"E", 2.40, 2.41, 3, 3}, /* 2.405 -> 2.41 */
        {"F", 2.83, 2.83, 3, 3}, /* 2.83 */
        {"G", 3.10, 3.11, 4, 4}, /* 3.105 -> 3.11 */
        {"H", 3.99, 3.99, 4, 4}, /* 3.99 */
    };
    /* Sorted rounded averages x0..x7 = 1.00 1.51 2.01 2.25 2.41 2.83 3.11 3.99.
     * QUARTILE.INC (type 7), h = 7p: p=.25 h=1.75 -> 1.51 + .75 (2.01 - 1.51) = 1.885;
     * p=.5 h=3.5 -> 2.25 + .5 (2.41 - 2.25) = 2.33; p=.75 h=5.25 -> 2.83 + .25 (.28) = 2.90.
     * QUARTILE.EXC (type 6), h = 9p - 1: 1.25 -> 1.51 + .25 (.50) = 1.635;
     * 3.5 -> 2.33; 5.75 -> 2.83 + .75 (.28) = 3.04. (Unrounded averages would
     * give 1.88 for the first type-7 quartile.) */
    const double want7[3] = {1.885, 2.33, 2.90}, want6[3] = {1.635, 2.33, 3.04};

    for (int def = 0; def < 2; def++) {
        ta_framework *fw = supplied_fw(2, 0, NULL, TA_CUTOFF_TIES_BETTER,
                                       def == 0 ? TA_QUANTILE_TYPE7 : TA_QUANTILE_TYPE6);
        ta_assessment *a = new_assessment(fw);
        ta_trust *empty = NULL;
        const double *want = def == 0 ? want7 : want6;
        double cut[3] = {0}, fwcut[3];
        size_t count = 0;

        for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
            add_score(a, t[i].code, "P01", t[i].s1);
            add_score(a, t[i].code, "P02", t[i].s2);
        }
        /* A trust with no scores is not part of the population. */
        ck_assert_int_eq(ta_trust_new(&empty, fw, "EMPTY", NULL), TA_OK);
        ck_assert_int_eq(ta_assessment_add_trust(a, empty), TA_OK);
        ta_trust_free(empty);
        run(a);
        ck_assert_int_eq(ta_framework_cutoffs(fwcut, 3, &count, fw), TA_OK);
        ck_assert_uint_eq(count, 0);
        ck_assert_int_eq(ta_assessment_cutoffs(cut, 3, &count, a), TA_OK);
        ck_assert_uint_eq(count, 3);
        for (int k = 0; k < 3; k++)
            ck_assert_msg(fabs(cut[k] - want[k]) < 1e-9, "type %d cut-off %d: %.12g not %.12g",
                          def == 0 ? 7 : 6, k + 1, cut[k], want[k]);
        for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
            ck_assert_int_eq(UNADJ(a, t[i].code), def == 0 ? t[i].seg7 : t[i].seg6);
        ck_assert_uint_eq(ta_assessment_league_count(a), 8);
        /* The same through the pure helper. */
        {
            const double x[8] = {3.99, 1.00, 2.41, 1.51, 2.01, 2.25, 2.83, 3.11};
            double q[3];
            ck_assert_int_eq(ta_quantile_cutoffs(q, 3, x, 8,
                                                 def == 0 ? TA_QUANTILE_TYPE7 : TA_QUANTILE_TYPE6,
                                                 NULL),
                             TA_OK);
            for (int k = 0; k < 3; k++)
                ck_assert_double_eq_tol(q[k], want[k], 1e-9);
        }
        ta_assessment_free(a);
        ta_framework_free(fw);
    }
}
END_TEST

/* ---- deficit cap and Recovery Support Programme ----------------------- */

START_TEST(test_deficit_cap)
{
    ta_framework *fw = supplied_fw(1, 3, CUTS, TA_CUTOFF_TIES_BETTER, TA_QUANTILE_TYPE7);
    ta_assessment *a = new_assessment(fw);
    static const struct {
        const char *code;
        double avg;
        ta_tristate deficit;
        int unadj, adj;
        ta_reason reason;
    } t[] = {
        {"D1", 1.5, TA_YES, 1, 3, TA_REASON_DEFICIT_CAP},
        {"D2", 2.2, TA_YES, 2, 3, TA_REASON_DEFICIT_CAP},
        {"D3", 2.7, TA_YES, 3, 3, TA_REASON_CUTOFF},
        {"D4", 3.5, TA_YES, 4, 4, TA_REASON_CUTOFF},
        {"U1", 1.5, TA_UNKNOWN, 1, 1, TA_REASON_CUTOFF},
        {"N1", 1.5, TA_NO, 1, 1, TA_REASON_CUTOFF},
    };
    char text[256];
    size_t needed = 0;

    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        add_score(a, t[i].code, "P01", t[i].avg);
        ck_assert_int_eq(
            ta_assessment_set_trust_flag(a, t[i].code, TA_FLAG_FINANCIAL_DEFICIT, t[i].deficit),
            TA_OK);
        ck_assert_int_eq(
            ta_assessment_set_trust_flag(a, t[i].code, TA_FLAG_RECOVERY_SUPPORT, TA_NO), TA_OK);
    }
    run(a);
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        ck_assert_int_eq(UNADJ(a, t[i].code), t[i].unadj);
        ck_assert_int_eq(ADJ(a, t[i].code), t[i].adj);
        ck_assert_int_eq(FINAL(a, t[i].code), t[i].adj);
        ck_assert_int_eq(reason_of(a, t[i].code), t[i].reason);
        ck_assert_int_eq(
            ta_assessment_trust_flag(a, index_of(a, t[i].code), TA_FLAG_FINANCIAL_DEFICIT),
            t[i].deficit);
    }
    ck_assert_int_eq(ta_assessment_reason_text(text, sizeof text, &needed, a, index_of(a, "D1")),
                     TA_OK);
    assert_has(text, "capped at segment 3");
    ck_assert_uint_eq(needed, strlen(text));
    ck_assert_int_eq(ta_assessment_reason_text(text, sizeof text, NULL, a, index_of(a, "D2")),
                     TA_OK);
    ck_assert_str_eq(text, "average 2.20 is above cut-off 2.00 and at or below cut-off 2.50: "
                           "segment 2; capped at segment 3 for financial deficit");
    ck_assert_int_eq(ta_assessment_reason_text(text, sizeof text, NULL, a, index_of(a, "N1")),
                     TA_OK);
    ck_assert_str_eq(text, "average 1.50 at or below cut-off 2.00: segment 1");
    ck_assert_ptr_null(strstr(text, "capped"));
    ck_assert_int_eq(ta_assessment_reason_text(text, sizeof text, NULL, a, index_of(a, "D4")),
                     TA_OK);
    ck_assert_str_eq(text, "average 3.50 is above cut-off 3.00: segment 4");
    /* Truncation: NUL-terminated, needed = the full length. */
    {
        char small[11];
        size_t full = 0;
        ck_assert_int_eq(
            ta_assessment_reason_text(small, sizeof small, &full, a, index_of(a, "D4")), TA_OK);
        ck_assert_str_eq(small, "average 3.");
        ck_assert_uint_eq(full, strlen("average 3.50 is above cut-off 3.00: segment 4"));
        ck_assert_int_eq(ta_assessment_reason_text(NULL, 0, &full, a, index_of(a, "D4")), TA_OK);
        ck_assert_uint_eq(full, strlen("average 3.50 is above cut-off 3.00: segment 4"));
        ck_assert_int_eq(ta_assessment_reason_text(NULL, 5, &full, a, index_of(a, "D4")),
                         TA_EINVAL);
    }
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

START_TEST(test_recovery_support)
{
    ta_framework *fw = supplied_fw(1, 3, CUTS, TA_CUTOFF_TIES_BETTER, TA_QUANTILE_TYPE7);
    ta_assessment *a = new_assessment(fw);
    char text[256];

    add_score(a, "RSP", "P01", 1.5);
    add_score(a, "RSPCAP", "P01", 1.5);
    add_score(a, "UNK", "P01", 1.5);
    add_score(a, "UNKCAP", "P01", 2.2);
    add_score(a, "NO", "P01", 2.2);
    ck_assert_int_eq(ta_assessment_set_trust_flag(a, "RSP", TA_FLAG_RECOVERY_SUPPORT, TA_YES),
                     TA_OK);
    ck_assert_int_eq(ta_assessment_set_trust_flag(a, "RSPCAP", TA_FLAG_RECOVERY_SUPPORT, TA_YES),
                     TA_OK);
    ck_assert_int_eq(ta_assessment_set_trust_flag(a, "RSPCAP", TA_FLAG_FINANCIAL_DEFICIT, TA_YES),
                     TA_OK);
    ck_assert_int_eq(ta_assessment_set_trust_flag(a, "UNKCAP", TA_FLAG_FINANCIAL_DEFICIT, TA_YES),
                     TA_OK);
    ck_assert_int_eq(ta_assessment_set_trust_flag(a, "NO", TA_FLAG_RECOVERY_SUPPORT, TA_NO), TA_OK);
    ck_assert_int_eq(ta_assessment_set_trust_flag(a, "NOPE", TA_FLAG_RECOVERY_SUPPORT, TA_NO),
                     TA_ENOTFOUND);
    assert_has(ta_assessment_error(a), "NOPE");
    ck_assert_int_eq(
        ta_assessment_set_trust_flag(a, "NO", TA_FLAG_RECOVERY_SUPPORT, (ta_tristate)3), TA_EINVAL);
    run(a);
    ck_assert_int_eq(ADJ(a, "RSP"), 1);
    ck_assert_int_eq(FINAL(a, "RSP"), 5);
    ck_assert_int_eq(reason_of(a, "RSP"), TA_REASON_RSP);
    ck_assert_int_eq(ADJ(a, "RSPCAP"), 3);
    ck_assert_int_eq(FINAL(a, "RSPCAP"), 5);
    ck_assert_int_eq(reason_of(a, "RSPCAP"), TA_REASON_RSP);
    ck_assert_int_eq(ADJ(a, "UNK"), 1);
    ck_assert_int_eq(FINAL(a, "UNK"), 0);
    ck_assert_int_eq(reason_of(a, "UNK"), TA_REASON_CUTOFF);
    ck_assert_int_eq(FINAL(a, "UNKCAP"), 0);
    ck_assert_int_eq(reason_of(a, "UNKCAP"), TA_REASON_DEFICIT_CAP);
    ck_assert_int_eq(FINAL(a, "NO"), 2);
    ck_assert_int_eq(reason_of(a, "NO"), TA_REASON_CUTOFF);
    ck_assert_int_eq(ta_assessment_reason_text(text, sizeof text, NULL, a, index_of(a, "RSP")),
                     TA_OK);
    assert_has(text, "segment 5 in the Recovery Support Programme");
    ck_assert_int_eq(ta_assessment_reason_text(text, sizeof text, NULL, a, index_of(a, "UNK")),
                     TA_OK);
    assert_has(text, "final segment unknown");
    /* The league ranks on the adjusted segment, not the final one. */
    ck_assert_uint_eq(rank_of(a, "RSP"), 1);
    ck_assert_uint_eq(rank_of(a, "UNK"), 1);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* ---- ranks and league order ------------------------------------------- */

START_TEST(test_rank_ties)
{
    const double high[3] = {3.0, 3.5, 3.9};
    ta_framework *fw = supplied_fw(2, 3, high, TA_CUTOFF_TIES_BETTER, TA_QUANTILE_TYPE7);
    ta_assessment *a = new_assessment(fw);

    add_score(a, "A", "P01", 1.10);
    add_score(a, "B", "P01", 1.20);
    add_score(a, "C", "P01", 1.30);
    add_score(a, "D", "P01", 1.40);
    add_score(a, "E", "P01", 1.39); /* 1.395 -> 1.40: ties with D */
    add_score(a, "E", "P02", 1.40);
    add_score(a, "F", "P01", 1.50);
    run(a);
    ck_assert_uint_eq(rank_of(a, "A"), 1);
    ck_assert_uint_eq(rank_of(a, "B"), 2);
    ck_assert_uint_eq(rank_of(a, "C"), 3);
    ck_assert_uint_eq(rank_of(a, "D"), 4);
    ck_assert_uint_eq(rank_of(a, "E"), 4);
    ck_assert_uint_eq(rank_of(a, "F"), 6);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

START_TEST(test_rank_deficit_capped_below_segment_2)
{
    ta_framework *fw = supplied_fw(1, 3, CUTS, TA_CUTOFF_TIES_BETTER, TA_QUANTILE_TYPE7);
    ta_assessment *a = new_assessment(fw);

    add_score(a, "CAPPED", "P01", 1.2);
    add_score(a, "SEG1", "P01", 1.9);
    add_score(a, "SEG2A", "P01", 2.4);
    add_score(a, "SEG2B", "P01", 2.45);
    add_score(a, "SEG3", "P01", 2.6);
    ck_assert_int_eq(ta_assessment_set_trust_flag(a, "CAPPED", TA_FLAG_FINANCIAL_DEFICIT, TA_YES),
                     TA_OK);
    run(a);
    ck_assert_uint_eq(rank_of(a, "SEG1"), 1);
    ck_assert_uint_eq(rank_of(a, "SEG2A"), 2);
    ck_assert_uint_eq(rank_of(a, "SEG2B"), 3);
    ck_assert_uint_eq(rank_of(a, "CAPPED"), 4); /* best average, segment 3 */
    ck_assert_uint_eq(rank_of(a, "SEG3"), 5);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

START_TEST(test_rank_by_type_and_league_order)
{
    const double high[3] = {3.0, 3.5, 3.9};
    ta_framework *fw = supplied_fw(1, 3, high, TA_CUTOFF_TIES_BETTER, TA_QUANTILE_TYPE7);
    ta_assessment *a = new_assessment(fw);
    static const struct {
        const char *code, *type, *name;
        double avg;
        uint32_t rank;
    } t[] = {
        {"M1", "Mental", "Mike", 1.5, 2}, {"M2", "Mental", "Mary", 1.2, 1},
        {"A1", "Acute", "Beta", 1.3, 2},  {"A2", "Acute", "Zed", 1.1, 1},
        {"A3", "Acute", "Alpha", 1.3, 2}, {"A0", "Acute", "Alpha", 1.3, 2},
        {"A5", "Acute", "Aaa", 1.4, 5},   {"LB", "b", "x", 2.0, 1},
        {"UB", "B", "x", 2.0, 1},         {"NT", "", "x", 2.0, 1},
    };
    /* League order: type byte order "" < "Acute" < "B" < "Mental" < "b"; then
     * rank, name, code. */
    static const char *const order[] = {"NT", "A2", "A0", "A3", "A1", "A5", "UB", "M2", "M1", "LB"};
    size_t i, idx;

    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        add_score(a, t[i].code, "P01", t[i].avg);
        ck_assert_int_eq(ta_assessment_set_trust_field(a, t[i].code, TA_FIELD_TYPE, t[i].type),
                         TA_OK);
        ck_assert_int_eq(ta_assessment_set_trust_field(a, t[i].code, TA_FIELD_NAME, t[i].name),
                         TA_OK);
    }
    run(a);
    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        ck_assert_msg(rank_of(a, t[i].code) == t[i].rank, "%s: rank %u, not %u", t[i].code,
                      (unsigned)rank_of(a, t[i].code), (unsigned)t[i].rank);
        ck_assert_str_eq(ta_assessment_trust_field(a, index_of(a, t[i].code), TA_FIELD_TYPE),
                         t[i].type);
    }
    ck_assert_uint_eq(ta_assessment_league_count(a), 10);
    for (i = 0; i < 10; i++) {
        ck_assert_int_eq(ta_assessment_league_entry(&idx, a, i), TA_OK);
        ck_assert_msg(strcmp(ta_assessment_trust_code(a, idx), order[i]) == 0,
                      "league position %zu: %s, not %s", i, ta_assessment_trust_code(a, idx),
                      order[i]);
    }
    ck_assert_int_eq(ta_assessment_league_entry(&idx, a, 10), TA_EINVAL);
    ck_assert_int_eq(ta_assessment_league_entry(NULL, a, 0), TA_EINVAL);
    /* Trust index order is the order first added. */
    ck_assert_str_eq(ta_assessment_trust_code(a, 0), "M1");
    ck_assert_str_eq(ta_assessment_trust_code(a, 9), "NT");
    ck_assert_ptr_null(ta_assessment_trust_code(a, 10));
    ck_assert_ptr_null(ta_assessment_trust_field(a, 10, TA_FIELD_NAME));
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* Rule: ranks restart per trust type, whatever the number of types: a trust
 * of the first type met again after eight other types (past the few types
 * compared directly, where further types go through a map) ranks within
 * that first type, after its better trust of the same type. */
START_TEST(test_rank_first_type_met_again_after_many_types)
{
    const double high[3] = {3.0, 3.5, 3.9};
    ta_framework *fw = supplied_fw(1, 3, high, TA_CUTOFF_TIES_BETTER, TA_QUANTILE_TYPE7);
    ta_assessment *a = new_assessment(fw);
    char code[4] = "X0", type[4] = "T0";
    size_t idx;
    for (int i = 0; i < 9; i++) {
        code[1] = type[1] = (char)('0' + i);
        add_score(a, code, "P01", 1.1);
        ck_assert_int_eq(ta_assessment_set_trust_field(a, code, TA_FIELD_TYPE, type), TA_OK);
    }
    add_score(a, "X9", "P01", 1.2);
    ck_assert_int_eq(ta_assessment_set_trust_field(a, "X9", TA_FIELD_TYPE, "T0"), TA_OK);
    run(a);
    ck_assert_uint_eq(rank_of(a, "X0"), 1);
    ck_assert_uint_eq(rank_of(a, "X9"), 2);
    ck_assert_uint_eq(rank_of(a, "X8"), 1);
    /* League order: T0's two trusts first, then T1 .. T8. */
    ck_assert_int_eq(ta_assessment_league_entry(&idx, a, 1), TA_OK);
    ck_assert_str_eq(ta_assessment_trust_code(a, idx), "X9");
    ck_assert_int_eq(ta_assessment_league_entry(&idx, a, 2), TA_OK);
    ck_assert_str_eq(ta_assessment_trust_code(a, idx), "X1");
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

START_TEST(test_distance_to_better)
{
    for (int rule = 0; rule < 2; rule++) {
        ta_framework *fw = supplied_fw(1, 3, CUTS, (ta_cutoff_rule)rule, TA_QUANTILE_TYPE7);
        ta_assessment *a = new_assessment(fw);
        static const struct {
            const char *code;
            double avg, better, worse;
        } t[] = {{"S1", 1.5, 0, 0},      {"S2", 2.31, 0.31, 0.32}, {"S4", 3.5, 0.5, 0.51},
                 {"ON", 2.5, 0.5, 0.01}, {"CAP", 1.5, 0, 0},       {"JUST", 2.01, 0.01, 0.02}};
        double d = -1;

        for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
            add_score(a, t[i].code, "P01", t[i].avg);
        ck_assert_int_eq(ta_assessment_set_trust_flag(a, "CAP", TA_FLAG_FINANCIAL_DEFICIT, TA_YES),
                         TA_OK);
        run(a);
        for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
            double want = rule == TA_CUTOFF_TIES_BETTER ? t[i].better : t[i].worse;
            ck_assert_int_eq(ta_assessment_distance_to_better(&d, a, index_of(a, t[i].code)),
                             TA_OK);
            ck_assert_msg(fabs(d - want) < 1e-9, "rule %d %s: %.12g, not %g", rule, t[i].code, d,
                          want);
        }
        ck_assert_int_eq(ta_assessment_distance_to_better(NULL, a, 0), TA_EINVAL);
        ta_assessment_free(a);
        ta_framework_free(fw);
    }
}
END_TEST

/* ---- state ------------------------------------------------------------ */

/* Every result accessor of trust 0 gives `want`. */
static void expect_results_status(const ta_assessment *a, ta_status want)
{
    double x, cut[3];
    size_t n, idx;
    int s, has;
    uint32_t r;
    ta_reason reason;
    char text[64];
    ck_assert_int_eq(ta_assessment_cutoffs(cut, 3, &n, a), want);
    ck_assert_int_eq(ta_assessment_is_segmented(&s, a, 0), want);
    ck_assert_int_eq(ta_assessment_average(&x, &x, &n, a, 0), want);
    ck_assert_int_eq(ta_assessment_segments(&s, &s, &s, a, 0), want);
    ck_assert_int_eq(ta_assessment_rank(&r, a, 0), want);
    ck_assert_int_eq(ta_assessment_reason(&reason, a, 0), want);
    ck_assert_int_eq(ta_assessment_reason_text(text, sizeof text, &n, a, 0), want);
    ck_assert_int_eq(ta_assessment_distance_to_better(&x, a, 0), want);
    ck_assert_int_eq(ta_assessment_domain_score(&has, &x, a, 0, 0), want);
    ck_assert_int_eq(ta_assessment_metric_score(&has, &x, a, 0, 0), want);
    ck_assert_int_eq(ta_assessment_league_entry(&idx, a, 0), want);
    if (want == TA_ESTATE)
        ck_assert_uint_eq(ta_assessment_league_count(a), 0);
    else
        ck_assert_uint_gt(ta_assessment_league_count(a), 0);
}

START_TEST(test_state)
{
    ta_framework *fw = supplied_fw(1, 3, CUTS, TA_CUTOFF_TIES_BETTER, TA_QUANTILE_TYPE7);
    ta_framework *other = supplied_fw(1, 3, CUTS, TA_CUTOFF_TIES_BETTER, TA_QUANTILE_TYPE7);
    ta_assessment *a = new_assessment(fw);
    ta_trust *t = NULL;
    const double cuts2[3] = {1.0, 1.2, 1.4};
    const char *code = "Y";
    const char *id = "P01";
    const double one = 1.0;

    ck_assert_int_eq(ta_assessment_set_period(a, "Q4 2025/26"), TA_OK);
    ck_assert_str_eq(ta_assessment_period(a), "Q4 2025/26");
    ck_assert_int_eq(ta_assessment_set_period(a, NULL), TA_EINVAL);
    add_score(a, "X", "P01", 1.5);
    expect_results_status(a, TA_ESTATE);
    run(a);
    expect_results_status(a, TA_OK);
    ck_assert_int_eq(ADJ(a, "X"), 1);
    run(a); /* idempotent */
    ck_assert_int_eq(ADJ(a, "X"), 1);

    /* Each kind of input change discards the results until the next run. */
    ck_assert_int_eq(ta_assessment_set_trust_flag(a, "X", TA_FLAG_FINANCIAL_DEFICIT, TA_YES),
                     TA_OK);
    expect_results_status(a, TA_ESTATE);
    run(a);
    ck_assert_int_eq(ADJ(a, "X"), 3);

    ck_assert_int_eq(ta_assessment_set_trust_field(a, "X", TA_FIELD_TYPE, "Acute"), TA_OK);
    expect_results_status(a, TA_ESTATE);
    run(a);
    ck_assert_str_eq(ta_assessment_trust_field(a, 0, TA_FIELD_TYPE), "Acute");

    ck_assert_int_eq(ta_assessment_set_cutoffs(a, 3, cuts2), TA_OK);
    expect_results_status(a, TA_ESTATE);
    run(a);
    ck_assert_int_eq(UNADJ(a, "X"), 4);

    ck_assert_int_eq(ta_assessment_add_columns(a, 1, &code, &id, &one, TA_INPUT_SCORE), TA_OK);
    expect_results_status(a, TA_ESTATE);
    run(a);
    ck_assert_uint_eq(ta_assessment_league_count(a), 2);

    ck_assert_int_eq(ta_trust_new(&t, fw, "Z", NULL), TA_OK);
    ck_assert_int_eq(ta_trust_set_score(t, "P01", 2.0), TA_OK);
    ck_assert_int_eq(ta_assessment_add_trust(a, t), TA_OK);
    expect_results_status(a, TA_ESTATE);
    run(a);
    ck_assert_uint_eq(ta_assessment_league_count(a), 3);
    ck_assert_double_eq(rounded_of(a, "Z"), 2.0);

    /* A trust already present; a trust of another framework; NULL. */
    ck_assert_int_eq(ta_assessment_add_trust(a, t), TA_EDUPLICATE);
    assert_has(ta_assessment_error(a), "Z");
    ta_trust_free(t);
    ck_assert_int_eq(ta_trust_new(&t, other, "W", NULL), TA_OK);
    ck_assert_int_eq(ta_assessment_add_trust(a, t), TA_EINVAL);
    assert_has(ta_assessment_error(a), "another framework");
    ta_trust_free(t);
    ck_assert_int_eq(ta_assessment_add_trust(a, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_assessment_add_trust(NULL, NULL), TA_EINVAL);
    ck_assert_uint_eq(ta_assessment_trust_count(a), 3);
    ck_assert_int_eq(ta_assessment_run(NULL), TA_EINVAL);
    ck_assert_int_eq(ta_assessment_set_trust_field(a, "NOPE", TA_FIELD_NAME, "x"), TA_ENOTFOUND);
    ck_assert_int_eq(ta_assessment_set_trust_field(a, "X", (ta_trust_field)9, "x"), TA_EINVAL);
    ck_assert_int_eq(ta_assessment_set_trust_field(a, "X", TA_FIELD_NAME, NULL), TA_EINVAL);
    {
        size_t i;
        ck_assert_int_eq(ta_assessment_find_trust(&i, a, "Z"), TA_OK);
        ck_assert_uint_eq(i, 2);
        ck_assert_int_eq(ta_assessment_find_trust(&i, a, "W"), TA_ENOTFOUND);
        ck_assert_int_eq(ta_assessment_find_trust(NULL, a, "Z"), TA_EINVAL);
    }
    ta_assessment_free(a);
    ta_assessment_free(NULL);
    {
        ta_assessment *b = (ta_assessment *)&b;
        ck_assert_int_eq(ta_assessment_new(&b, NULL, NULL), TA_EINVAL);
        ck_assert_ptr_null(b);
    }
    ta_framework_free(other);
    ta_framework_free(fw);
}
END_TEST

/* Rule (ta_assessment_add_columns): an empty call adds nothing, not even the
 * score cells. Were they made, the run would reconstruct the supplied scores
 * of a metric with a pool of 1000 trusts, wider than 2 decimals can rank,
 * and note it, although no trust has a score. */
START_TEST(test_add_columns_empty_adds_no_cells)
{
    ta_framework_builder *b = NULL;
    ta_framework *fw = NULL;
    ta_assessment *a;

    ck_assert_int_eq(ta_framework_builder_new(&b, "pooled", NULL), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "a", "A", "DA"), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "R1", "R1", "a", TA_SCORING_RANK), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_raw_id(b, "R1", "V1"), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_pool(b, "R1", "Q1", 1000, NULL), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_OK);
    ta_framework_builder_free(b);
    a = new_assessment(fw);
    ck_assert_int_eq(ta_assessment_set_period(a, "Q1"), TA_OK);
    ck_assert_int_eq(ta_assessment_add_columns(a, 0, NULL, NULL, NULL, TA_INPUT_SCORE), TA_OK);
    ck_assert_uint_eq(ta_assessment_trust_count(a), 0);
    run(a);
    ck_assert_uint_eq(ta_assessment_note_count(a), 0);
    /* The same framework notes the pool once a trust has a score. */
    add_score(a, "T1", "R1", 2.5);
    run(a);
    ck_assert_uint_eq(ta_assessment_note_count(a), 1);
    assert_has(ta_assessment_note(a, 0), "pool of 1000");
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* ---- bulk input ------------------------------------------------------- */

/* Rule (ta_assessment_add_columns): undoing a failed call of raw values
 * empties only the rows it staged. C, the only trust, has a value for B2
 * (the sixth metric); D is staged with a value for R1 and the call fails on a
 * duplicate row: C keeps its value, so its B2 score (0.5 against 1 2 3,
 * lower is better: the best score, 1) is still there. */
START_TEST(test_add_columns_undo_keeps_values)
{
    ta_framework *fw = rules_fw();
    ta_assessment *a = new_assessment(fw);
    const char *codes[3] = {"D", "D", "D"}, *ids[3] = {"V1", "V2", "V1"};
    const double x[3] = {5.0, 6.0, 7.0};
    add_value(a, "C", "V6", 0.5);
    ck_assert_int_eq(ta_assessment_add_columns(a, 3, codes, ids, x, TA_INPUT_VALUE), TA_EDUPLICATE);
    ck_assert_uint_eq(ta_assessment_trust_count(a), 1);
    run(a);
    ck_assert_double_eq(score_of(a, fw, "C", "B2"), 1.0);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

START_TEST(test_add_columns)
{
    ta_framework *fw = supplied_fw(3, 3, CUTS, TA_CUTOFF_TIES_BETTER, TA_QUANTILE_TYPE7);
    ta_assessment *a = new_assessment(fw);
    const char *c1[4] = {"A", "A", "B", "C"}, *m1[4] = {"P01", "P02", "P01", "P03"};
    const double x1[4] = {2.0, 3.0, 1.0, 4.0};
    const char *c2[3] = {"D", "A", "D"}, *m2[3] = {"P01", "P03", "P01"};
    const double x2[3] = {1.0, 2.5, 2.0};
    const char *c3[2] = {"E", "A"}, *m3[2] = {"P02", "P01"};
    const double x3[2] = {1.0, 1.5};
    const char *c4[2] = {"A", "F"}, *m4[2] = {"P03", "OF9999"};
    const double x4[2] = {1.0, 1.0};
    const double nan2[2] = {1.0, NAN}, big[2] = {1.0, 4.5}, small[2] = {0.5, 1.0};
    const double inf2[2] = {1.0, INFINITY};
    const char *c5[2] = {"A", "A B"};
    size_t i;

    ck_assert_int_eq(ta_assessment_add_columns(a, 4, c1, m1, x1, TA_INPUT_SCORE), TA_OK);
    ck_assert_uint_eq(ta_assessment_trust_count(a), 3);
    ck_assert_str_eq(ta_assessment_trust_code(a, 0), "A");
    ck_assert_str_eq(ta_assessment_trust_code(a, 1), "B");
    ck_assert_str_eq(ta_assessment_trust_code(a, 2), "C");
    /* New trusts have empty fields and unknown flags. */
    ck_assert_str_eq(ta_assessment_trust_field(a, 1, TA_FIELD_TYPE), "");
    ck_assert_int_eq(ta_assessment_trust_flag(a, 1, TA_FLAG_FINANCIAL_DEFICIT), TA_UNKNOWN);
    run(a);

    /* A duplicate within the call (rows 0 and 2): nothing changes, D is not added. */
    ck_assert_int_eq(ta_assessment_add_columns(a, 3, c2, m2, x2, TA_INPUT_SCORE), TA_EDUPLICATE);
    assert_has(ta_assessment_error(a), "row 2");
    assert_has(ta_assessment_error(a), "trust D");
    ck_assert_uint_eq(ta_assessment_trust_count(a), 3);
    ck_assert_int_eq(ta_assessment_find_trust(&i, a, "D"), TA_ENOTFOUND);
    /* A duplicate of a score already given (A, P01). */
    ck_assert_int_eq(ta_assessment_add_columns(a, 2, c3, m3, x3, TA_INPUT_SCORE), TA_EDUPLICATE);
    assert_has(ta_assessment_error(a), "row 1");
    assert_has(ta_assessment_error(a), "P01");
    ck_assert_uint_eq(ta_assessment_trust_count(a), 3);
    {
        /* Rule: undoing a failed call empties only the rows it staged. Two new
         * trusts (D, E) and a duplicate (row 2): C, the last trust already
         * there, keeps its score of 4 for P03. */
        const char *c6[3] = {"D", "E", "E"}, *m6[3] = {"P01", "P01", "P01"};
        const double x6[3] = {1.0, 1.0, 2.0};
        ck_assert_int_eq(ta_assessment_add_columns(a, 3, c6, m6, x6, TA_INPUT_SCORE),
                         TA_EDUPLICATE);
        ck_assert_uint_eq(ta_assessment_trust_count(a), 3);
        run(a);
        ck_assert_double_eq(score_of(a, fw, "C", "P03"), 4.0);
    }
    /* Unknown metric, NaN, infinity, scores out of range, a bad code. */
    ck_assert_int_eq(ta_assessment_add_columns(a, 2, c4, m4, x4, TA_INPUT_SCORE), TA_ENOTFOUND);
    assert_has(ta_assessment_error(a), "row 1");
    assert_has(ta_assessment_error(a), "OF9999");
    ck_assert_int_eq(ta_assessment_add_columns(a, 2, c3, m2, nan2, TA_INPUT_VALUE), TA_EINVAL);
    assert_has(ta_assessment_error(a), "row 1");
    ck_assert_int_eq(ta_assessment_add_columns(a, 2, c3, m2, inf2, TA_INPUT_SCORE), TA_EINVAL);
    ck_assert_int_eq(ta_assessment_add_columns(a, 2, c3, m2, big, TA_INPUT_SCORE), TA_ERANGE);
    assert_has(ta_assessment_error(a), "row 1");
    ck_assert_int_eq(ta_assessment_add_columns(a, 2, c3, m2, small, TA_INPUT_SCORE), TA_ERANGE);
    assert_has(ta_assessment_error(a), "row 0");
    ck_assert_int_eq(ta_assessment_add_columns(a, 2, c5, m2, x4, TA_INPUT_SCORE), TA_EINVAL);
    assert_has(ta_assessment_error(a), "row 1");
    ck_assert_int_eq(ta_assessment_add_columns(a, 2, c3, m3, x3, (ta_input_kind)2), TA_EINVAL);
    ck_assert_int_eq(ta_assessment_add_columns(a, 2, NULL, m3, x3, TA_INPUT_SCORE), TA_EINVAL);
    ck_assert_int_eq(ta_assessment_add_columns(a, 2, c3, m3, NULL, TA_INPUT_SCORE), TA_EINVAL);
    ck_assert_uint_eq(ta_assessment_trust_count(a), 3);
    ck_assert_int_eq(ta_assessment_find_trust(&i, a, "E"), TA_ENOTFOUND);
    /* Failed calls kept the results of the last run. */
    ck_assert_double_eq(rounded_of(a, "A"), 2.5);

    /* A value for (A, P01) is not a duplicate of its score; n = 0 changes nothing. */
    ck_assert_int_eq(ta_assessment_add_columns(a, 1, c1, m1, x4, TA_INPUT_VALUE), TA_OK);
    ck_assert_int_eq(ta_assessment_add_columns(a, 0, NULL, NULL, NULL, TA_INPUT_SCORE), TA_OK);
    ck_assert_uint_eq(ta_assessment_trust_count(a), 3);
    run(a);
    /* Everything given before the failed calls is intact, nothing of them was kept. */
    ck_assert_double_eq(score_of(a, fw, "A", "P01"), 2.0);
    ck_assert_double_eq(score_of(a, fw, "A", "P02"), 3.0);
    ck_assert(isnan(score_of(a, fw, "A", "P03")));
    ck_assert_double_eq(score_of(a, fw, "B", "P01"), 1.0);
    ck_assert(isnan(score_of(a, fw, "B", "P02")));
    ck_assert_double_eq(score_of(a, fw, "C", "P03"), 4.0);
    ck_assert_double_eq(rounded_of(a, "A"), 2.5);
    ck_assert_double_eq(rounded_of(a, "B"), 1.0);
    ck_assert_double_eq(rounded_of(a, "C"), 4.0);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* Rule: with no trust segmented there is no population, so the quantile
 * cut-offs are none (count 0), and a trust index equal to the count is out
 * of range for every result. */
/* Rule: the quartiles stay exact when the selection's partitions go badly.
 * These 200 values (0 to 199, in the order McIlroy's adversary picks against
 * a median of three) use up the selection's budget on the first quartile,
 * so its last part, left in descending order, is sorted by qsort with the
 * value comparison. Quartiles
 * of 0..199 (type 7): 49.75, 99.5, 149.25. */
START_TEST(test_quartiles_survive_a_selection_killer)
{
    static const int order[200] = {
        0,   65,  165, 2,   64,  163, 4,   63,  161, 6,   62,  159, 8,   61,  157, 10,  60,
        155, 12,  59,  153, 14,  58,  151, 16,  57,  149, 18,  56,  147, 20,  55,  145, 22,
        54,  143, 24,  53,  141, 26,  52,  139, 28,  51,  137, 30,  50,  135, 32,  49,  133,
        34,  48,  131, 36,  47,  129, 38,  46,  127, 40,  45,  125, 42,  44,  123, 199, 198,
        197, 196, 195, 194, 193, 192, 191, 190, 189, 188, 187, 186, 185, 184, 183, 182, 181,
        180, 179, 178, 177, 176, 175, 174, 173, 172, 171, 170, 169, 168, 167, 166, 1,   164,
        3,   162, 5,   160, 7,   158, 9,   156, 11,  154, 13,  152, 15,  150, 17,  148, 19,
        146, 21,  144, 23,  142, 25,  140, 27,  138, 29,  136, 31,  134, 33,  132, 35,  130,
        37,  128, 39,  126, 41,  124, 43,  122, 121, 120, 119, 118, 117, 116, 115, 114, 113,
        112, 111, 110, 109, 108, 107, 106, 105, 104, 103, 102, 101, 100, 99,  98,  97,  96,
        95,  94,  93,  92,  91,  90,  89,  88,  87,  86,  85,  84,  83,  82,  81,  80,  79,
        78,  77,  76,  75,  74,  73,  72,  71,  70,  69,  68,  67,  66};
    double x[200], q[3];
    for (size_t i = 0; i < 200; i++)
        x[i] = order[i];
    ck_assert_int_eq(ta_quantile_cutoffs(q, 3, x, 200, TA_QUANTILE_TYPE7, NULL), TA_OK);
    ck_assert_double_eq_tol(q[0], 49.75, 1e-9);
    ck_assert_double_eq_tol(q[1], 99.5, 1e-9);
    ck_assert_double_eq_tol(q[2], 149.25, 1e-9);
}
END_TEST

START_TEST(test_cutoffs_of_no_population)
{
    ta_framework *fw = supplied_fw(1, 0, NULL, TA_CUTOFF_TIES_BETTER, TA_QUANTILE_TYPE7);
    ta_assessment *a = new_assessment(fw);
    ta_trust *t = NULL;
    double cut[3] = {9, 9, 9}, x;
    size_t n = 99;
    int segmented = -1;
    ck_assert_int_eq(ta_trust_new(&t, fw, "A", NULL), TA_OK);
    ck_assert_int_eq(ta_assessment_add_trust(a, t), TA_OK);
    ta_trust_free(t);
    run(a);
    ck_assert_int_eq(ta_assessment_is_segmented(&segmented, a, 0), TA_OK);
    ck_assert_int_eq(segmented, 0);
    ck_assert_int_eq(ta_assessment_cutoffs(cut, 3, &n, a), TA_OK);
    ck_assert_uint_eq(n, 0);
    ck_assert_double_eq(cut[0], 9);
    ck_assert_int_eq(ta_assessment_is_segmented(&segmented, a, 1), TA_EINVAL);
    ck_assert_int_eq(ta_assessment_average(&x, &x, &n, a, 1), TA_EINVAL);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

START_TEST(test_set_cutoffs)
{
    ta_framework *fw = supplied_fw(1, 0, NULL, TA_CUTOFF_TIES_BETTER, TA_QUANTILE_TYPE7);
    ta_assessment *a = new_assessment(fw);
    const double ok[3] = {1.5, 2.5, 3.5}, two[2] = {1.5, 2.5}, down[3] = {1.5, 3.5, 2.5};
    const double flat[3] = {1.5, 1.5, 2.5}, low[3] = {0.5, 2.5, 3.5}, high[3] = {1.5, 2.5, 4.5};
    const double nan3[3] = {1.5, NAN, 3.5};
    double cut[3], q[3];
    size_t n;

    add_score(a, "A", "P01", 1.0);
    add_score(a, "B", "P01", 2.0);
    add_score(a, "C", "P01", 3.0);
    add_score(a, "D", "P01", 4.0);
    add_score(a, "E", "P01", 2.6);
    ck_assert_int_eq(ta_assessment_set_cutoffs(a, 2, two), TA_EINVAL);
    assert_has(ta_assessment_error(a), "3 cut-offs");
    ck_assert_int_eq(ta_assessment_set_cutoffs(a, 3, down), TA_EINVAL);
    assert_has(ta_assessment_error(a), "ascending");
    ck_assert_int_eq(ta_assessment_set_cutoffs(a, 3, flat), TA_EINVAL);
    ck_assert_int_eq(ta_assessment_set_cutoffs(a, 3, low), TA_ERANGE);
    ck_assert_int_eq(ta_assessment_set_cutoffs(a, 3, high), TA_ERANGE);
    ck_assert_int_eq(ta_assessment_set_cutoffs(a, 3, nan3), TA_EINVAL);
    ck_assert_int_eq(ta_assessment_set_cutoffs(a, 3, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_assessment_set_cutoffs(NULL, 3, ok), TA_EINVAL);
    /* Quartiles of 1, 2, 2.6, 3, 4 (type 7): 2, 2.6, 3. */
    run(a);
    ck_assert_int_eq(ta_assessment_cutoffs(q, 3, &n, a), TA_OK);
    ck_assert_double_eq_tol(q[0], 2.0, 1e-9);
    ck_assert_double_eq_tol(q[1], 2.6, 1e-9);
    ck_assert_double_eq_tol(q[2], 3.0, 1e-9);
    ck_assert_int_eq(UNADJ(a, "E"), 2);
    ck_assert_int_eq(ta_assessment_set_cutoffs(a, 3, ok), TA_OK);
    run(a);
    ck_assert_int_eq(ta_assessment_cutoffs(cut, 3, &n, a), TA_OK);
    ck_assert_uint_eq(n, 3);
    ck_assert_double_eq(cut[0], 1.5);
    ck_assert_double_eq(cut[1], 2.5);
    ck_assert_double_eq(cut[2], 3.5);
    ck_assert_int_eq(UNADJ(a, "A"), 1);
    ck_assert_int_eq(UNADJ(a, "B"), 2);
    ck_assert_int_eq(UNADJ(a, "E"), 3);
    ck_assert_int_eq(UNADJ(a, "D"), 4);
    /* n = 0: back to the framework's quartiles. */
    ck_assert_int_eq(ta_assessment_set_cutoffs(a, 0, NULL), TA_OK);
    run(a);
    ck_assert_int_eq(ta_assessment_cutoffs(cut, 3, &n, a), TA_OK);
    for (int k = 0; k < 3; k++)
        ck_assert_double_eq(cut[k], q[k]);
    ck_assert_int_eq(UNADJ(a, "E"), 2);
    ck_assert_int_eq(ta_assessment_cutoffs(NULL, 3, &n, a), TA_EINVAL);
    ck_assert_int_eq(ta_assessment_cutoffs(NULL, 1, &n, a), TA_EINVAL);
    ck_assert_int_eq(ta_assessment_cutoffs(cut, 3, NULL, a), TA_EINVAL);
    /* Room for none: only the count, and NULL is room for none. */
    n = 0;
    ck_assert_int_eq(ta_assessment_cutoffs(NULL, 0, &n, a), TA_OK);
    ck_assert_uint_eq(n, 3);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* ---- pure helpers ----------------------------------------------------- */

START_TEST(test_quantile_cutoffs)
{
    const double x[10] = {7, 1, 10, 4, 2, 9, 3, 8, 6, 5};
    double keep[10], q[3] = {0}, median = 0;
    const double with_nan[3] = {1, NAN, 2}, with_inf[3] = {1, 2, -INFINITY};
    af_counter c = {0};
    ta_allocator al = af_allocator(&c);

    memcpy(keep, x, sizeof x);
    /* Type 7, h = 9p: 2.25 -> 3 + .25 = 3.25; 4.5 -> 5.5; 6.75 -> 7.75. */
    ck_assert_int_eq(ta_quantile_cutoffs(q, 3, x, 10, TA_QUANTILE_TYPE7, NULL), TA_OK);
    ck_assert_double_eq_tol(q[0], 3.25, TOL);
    ck_assert_double_eq_tol(q[1], 5.5, TOL);
    ck_assert_double_eq_tol(q[2], 7.75, TOL);
    /* Type 6, h = 11p (1-based): 2.75 -> 2.75; 5.5 -> 5.5; 8.25 -> 8.25. */
    ck_assert_int_eq(ta_quantile_cutoffs(q, 3, x, 10, TA_QUANTILE_TYPE6, &al), TA_OK);
    ck_assert_double_eq_tol(q[0], 2.75, TOL);
    ck_assert_double_eq_tol(q[1], 5.5, TOL);
    ck_assert_double_eq_tol(q[2], 8.25, TOL);
    ck_assert_uint_eq(c.live, 0);
    ck_assert_uint_gt(c.calls, 0);
    ck_assert_mem_eq(x, keep, sizeof x); /* the input is not sorted in place */
    /* Type 6 clamps to the data: 3 values, p = .25 -> h = 1 -> x(1). The
     * last, p = .75, is h = 3, the last value exactly: it is taken as it is,
     * with nothing read past it, which the guard's NaN after the copy would
     * show (segment.c:93). */
    {
        const double three[3] = {3, 1, 2};
        ag_state g = {0};
        ta_allocator guard = ag_allocator(&g);
        ck_assert_int_eq(ta_quantile_cutoffs(q, 3, three, 3, TA_QUANTILE_TYPE6, &guard), TA_OK);
        ck_assert_double_eq(q[0], 1);
        ck_assert_double_eq(q[1], 2);
        ck_assert_double_eq(q[2], 3);
        ck_assert_uint_eq(g.live, 0);
        ck_assert_uint_eq(g.overruns, 0);
    }
    { /* An end is taken as it is, never interpolated by 0: at p = .25 (h = 1,
       * the first value) the gap to the next, 2e308, would overflow to inf,
       * and 0 * inf is a NaN (segment.c:93). */
        const double wide[3] = {1e308, -1e308, 1e308};
        ck_assert_int_eq(ta_quantile_cutoffs(q, 3, wide, 3, TA_QUANTILE_TYPE6, NULL), TA_OK);
        ck_assert_double_eq(q[0], -1e308);
        ck_assert_double_eq(q[1], 1e308);
        ck_assert_double_eq(q[2], 1e308);
    }
    { /* A zero is a zero: -0 is read as 0, so the ends type 6 returns as
       * given (n_out >= n) are never -0, whichever zero the selection picks. */
        const double zeros[2] = {0.0, -0.0}, negs[2] = {-0.0, -0.0};
        ck_assert_int_eq(ta_quantile_cutoffs(q, 2, zeros, 2, TA_QUANTILE_TYPE6, NULL), TA_OK);
        ck_assert_int_eq(signbit(q[0]), 0);
        ck_assert_int_eq(signbit(q[1]), 0);
        ck_assert_int_eq(ta_quantile_cutoffs(q, 3, negs, 2, TA_QUANTILE_TYPE7, NULL), TA_OK);
        ck_assert_int_eq(signbit(q[0]), 0);
        ck_assert_int_eq(signbit(q[2]), 0);
        ck_assert_double_eq(q[1], 0);
    }
    ck_assert_int_eq(ta_quantile_cutoffs(&median, 1, x, 10, TA_QUANTILE_TYPE7, NULL), TA_OK);
    ck_assert_double_eq_tol(median, 5.5, TOL);
    ck_assert_int_eq(ta_quantile_cutoffs(q, 3, x, 1, TA_QUANTILE_TYPE7, NULL), TA_OK);
    ck_assert_double_eq(q[0], 7);
    ck_assert_double_eq(q[2], 7);
    ck_assert_int_eq(ta_quantile_cutoffs(q, 3, with_nan, 3, TA_QUANTILE_TYPE7, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_quantile_cutoffs(q, 3, with_inf, 3, TA_QUANTILE_TYPE7, NULL), TA_EINVAL);
    /* Rule: every value is checked, the first too. */
    {
        const double nan_first[3] = {NAN, 1, 2};
        ck_assert_int_eq(ta_quantile_cutoffs(q, 3, nan_first, 3, TA_QUANTILE_TYPE7, NULL),
                         TA_EINVAL);
    }
    ck_assert_int_eq(ta_quantile_cutoffs(q, 3, x, 0, TA_QUANTILE_TYPE7, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_quantile_cutoffs(NULL, 3, x, 10, TA_QUANTILE_TYPE7, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_quantile_cutoffs(q, 3, NULL, 10, TA_QUANTILE_TYPE7, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_quantile_cutoffs(q, 3, x, 10, (ta_quantile)5, NULL), TA_EINVAL);
    af_fail_in(&c, 1);
    ck_assert_int_eq(ta_quantile_cutoffs(q, 3, x, 10, TA_QUANTILE_TYPE7, &al), TA_ENOMEM);
    ck_assert_uint_eq(c.live, 0);
}
END_TEST

/* Rule: the trust-code index refuses a reservation whose table size_t could
 * not address (TA_ENOMEM, the index left as it was) instead of doubling its
 * capacity past SIZE_MAX; a reservation it can make is made. */
/* Rule: a weight is the exact fraction numerator / denominator: P01 at 3/2
 * and P02 at 1 give (3/2 x 1.00 + 4.00) / (5/2) = 2.20, not the 3.57 that
 * dividing by the numerator would give. */
START_TEST(a_weight_is_its_fraction)
{
    ta_framework_builder *b = NULL;
    ta_framework *fw = NULL;
    ta_assessment *a;
    double unrounded = 0, rounded = 0;
    size_t n = 0;
    ck_assert_int_eq(ta_framework_builder_new(&b, "weighted", NULL), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "a", "A", "DA"), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "P01", "P01", "a", TA_SCORING_SUPPLIED),
                     TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "P02", "P02", "a", TA_SCORING_SUPPLIED),
                     TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_weight(b, "P01", 3, 2), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_cutoffs(b, 3, CUTS), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_OK);
    ta_framework_builder_free(b);
    a = new_assessment(fw);
    add_score(a, "T", "P01", 1.0);
    add_score(a, "T", "P02", 4.0);
    run(a);
    ck_assert_int_eq(ta_assessment_average(&unrounded, &rounded, &n, a, 0), TA_OK);
    ck_assert_double_eq_tol(unrounded, 2.2, 1e-12);
    ck_assert_double_eq_tol(rounded, 2.2, 1e-12);
    ck_assert_uint_eq(n, 2);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

START_TEST(code_index_reservation_limits)
{
    ta_allocator a;
    tai_code_index x;
    ck_assert_int_eq(tai_alloc_init(&a, NULL), TA_OK);
    tai_code_index_init(&x, &a);
    ck_assert_int_eq(tai_code_index_reserve(&x, SIZE_MAX / 2), TA_ENOMEM);
    ck_assert_uint_eq(x.cap, 0);
    ck_assert_ptr_null(x.slots);
    ck_assert_int_eq(tai_code_index_reserve(&x, 8), TA_OK);
    ck_assert_uint_ge(x.cap, 8);
    ck_assert_ptr_nonnull(x.slots);
    tai_code_index_free(&x);
}
END_TEST

/* The code index's load rule: a reservation of n codes keeps the table at
 * most about 70% full (n <= cap / 10 * 7, in integers), doubling from 16
 * slots only when n is past that: 7 codes fit 16 slots, 8 take 32, 21 fit
 * 32 and 22 take 64. */
START_TEST(code_index_grows_past_seventy_percent)
{
    ta_allocator a;
    tai_code_index x;
    ck_assert_int_eq(tai_alloc_init(&a, NULL), TA_OK);
    tai_code_index_init(&x, &a);
    ck_assert_int_eq(tai_code_index_reserve(&x, 7), TA_OK);
    ck_assert_uint_eq(x.cap, 16);
    ck_assert_int_eq(tai_code_index_reserve(&x, 8), TA_OK);
    ck_assert_uint_eq(x.cap, 32);
    ck_assert_int_eq(tai_code_index_reserve(&x, 21), TA_OK);
    ck_assert_uint_eq(x.cap, 32);
    ck_assert_int_eq(tai_code_index_reserve(&x, 22), TA_OK);
    ck_assert_uint_eq(x.cap, 64);
    tai_code_index_free(&x);
}
END_TEST

START_TEST(test_round_half_up)
{
    static const struct {
        double x;
        int decimals;
        double want;
    } t[] = {
        {3.085, 2, 3.09},
        {2.0055, 3, 2.006},
        {2.675, 2, 2.68},
        {1.005, 2, 1.01},
        {-2.675, 2, -2.68},
        {0.125, 2, 0.13},
        {2.5, 0, 3},
        {-2.5, 0, -3},
        {1.0049, 2, 1.0},
        {1.005 - 1e-12, 2, 1.01},
        {1.005 - 1e-6, 2, 1.0},
        {2.33, 2, 2.33},
        {7.0 / 3.0, 2, 2.33},
        {0.0000005, 6, 0.000001},
        {123456.785, 2, 123456.79},
        {-0.001, 2, 0.0},
    };
    double out = -1;

    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        ck_assert_int_eq(ta_decimal_round(&out, t[i].x, t[i].decimals), TA_OK);
        ck_assert_msg(out == t[i].want, "round(%.17g, %d) = %.17g, not %.17g", t[i].x,
                      t[i].decimals, out, t[i].want);
    }
    ck_assert_int_eq(ta_decimal_round(&out, 1.0, 7), TA_EINVAL);
    ck_assert_int_eq(ta_decimal_round(&out, 1.0, -1), TA_EINVAL);
    ck_assert_int_eq(ta_decimal_round(&out, NAN, 2), TA_EINVAL);
    ck_assert_int_eq(ta_decimal_round(&out, INFINITY, 2), TA_EINVAL);
    ck_assert_int_eq(ta_decimal_round(&out, 1e15, 2), TA_EINVAL);
    ck_assert_int_eq(ta_decimal_round(NULL, 1.0, 2), TA_EINVAL);
}
END_TEST

START_TEST(test_parse_and_format_decimal)
{
    static const char *const bad[] = {"abc", "",   " 1",  "1 ",    "1,5", "inf",
                                      "nan", "1e", "--1", "1.2.3", "+",   "."};
    char buf[32];
    double x = 0;

    ck_assert_int_eq(ta_decimal_parse(&x, "2.06"), TA_OK);
    ck_assert_double_eq(x, 2.06);
    ck_assert_int_eq(ta_decimal_parse(&x, "-1.5e3"), TA_OK);
    ck_assert_double_eq(x, -1500);
    ck_assert_int_eq(ta_decimal_parse(&x, "0.1"), TA_OK);
    ck_assert_double_eq(x, 0.1);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(ta_decimal_parse(&x, bad[i]) == TA_EPARSE, "\"%s\" parsed", bad[i]);
    ck_assert_int_eq(ta_decimal_parse(&x, "1e999"), TA_ERANGE);
    ck_assert_int_eq(ta_decimal_parse(NULL, "1"), TA_EINVAL);
    ck_assert_int_eq(ta_decimal_parse(&x, NULL), TA_EINVAL);

    ck_assert_int_eq(ta_decimal_format(buf, sizeof buf, 3.085, 2), TA_OK);
    ck_assert_str_eq(buf, "3.09");
    ck_assert_int_eq(ta_decimal_format(buf, sizeof buf, 2.675, 2), TA_OK);
    ck_assert_str_eq(buf, "2.68");
    ck_assert_int_eq(ta_decimal_format(buf, sizeof buf, 2.0, 0), TA_OK);
    ck_assert_str_eq(buf, "2");
    ck_assert_int_eq(ta_decimal_format(buf, sizeof buf, 2.0, 3), TA_OK);
    ck_assert_str_eq(buf, "2.000");
    /* "-0.00" is never printed. */
    ck_assert_int_eq(ta_decimal_format(buf, sizeof buf, -0.001, 2), TA_OK);
    ck_assert_str_eq(buf, "0.00");
    ck_assert_int_eq(ta_decimal_format(buf, sizeof buf, -0.0, 2), TA_OK);
    ck_assert_str_eq(buf, "0.00");
    ck_assert_int_eq(ta_decimal_format(buf, sizeof buf, -0.0049, 2), TA_OK);
    ck_assert_str_eq(buf, "0.00");
    ck_assert_int_eq(ta_decimal_format(buf, sizeof buf, -0.4, 0), TA_OK);
    ck_assert_str_eq(buf, "0");
    ck_assert_int_eq(ta_decimal_format(buf, sizeof buf, -0.005, 2), TA_OK);
    ck_assert_str_eq(buf, "-0.01");
    ck_assert_int_eq(ta_decimal_format(buf, sizeof buf, -2.5, 0), TA_OK);
    ck_assert_str_eq(buf, "-3");
    ck_assert_int_eq(ta_decimal_format(buf, sizeof buf, 999999999999999.0 - 0.5, 0), TA_OK);
    ck_assert_str_eq(buf, "999999999999999");
    ck_assert_int_eq(ta_decimal_format(buf, sizeof buf, 0.123456789, 9), TA_OK);
    ck_assert_str_eq(buf, "0.123456789");
    /* Size includes the NUL: "3.09" needs 5. */
    ck_assert_int_eq(ta_decimal_format(buf, 4, 3.085, 2), TA_ERANGE);
    ck_assert_int_eq(ta_decimal_format(buf, 5, 3.085, 2), TA_OK);
    ck_assert_str_eq(buf, "3.09");
    ck_assert_int_eq(ta_decimal_format(buf, sizeof buf, NAN, 2), TA_EINVAL);
    ck_assert_int_eq(ta_decimal_format(buf, sizeof buf, INFINITY, 2), TA_EINVAL);
    ck_assert_int_eq(ta_decimal_format(buf, sizeof buf, 1e15, 2), TA_EINVAL);
    ck_assert_int_eq(ta_decimal_format(buf, sizeof buf, 1.0, 10), TA_EINVAL);
    ck_assert_int_eq(ta_decimal_format(buf, sizeof buf, 1.0, -1), TA_EINVAL);
    ck_assert_int_eq(ta_decimal_format(NULL, 8, 1.0, 2), TA_EINVAL);
}
END_TEST

/* ---- locale independence on the real file ----------------------------- */

#define MAX_TRUSTS 80

typedef struct q4_results {
    size_t n;
    char codes[MAX_TRUSTS][17];
    double rounded[MAX_TRUSTS];
    int seg[MAX_TRUSTS][3];
    uint32_t rank[MAX_TRUSTS];
    double cutoffs[3];
    char text[MAX_TRUSTS][200];
} q4_results;

/* Builds the preset (its catalogue text parsed here), reads the file and runs
 * Q4 from the published scores. */
static void compute_q4(q4_results *r)
{
    ta_framework *fw = NULL;
    ta_nhse_file *f = NULL;
    ta_assessment *a = NULL;
    size_t n;

    memset(r, 0, sizeof *r);
    ck_assert_int_eq(ta_framework_preset(&fw, "nof-2025-26", NULL), TA_OK);
    ck_assert_int_eq(ta_nhse_file_new(&f, fw, NULL), TA_OK);
    ck_assert_msg(ta_nhse_file_read_file(f, DATA_FILE) == TA_OK, "%s", ta_nhse_file_error(f));
    ck_assert_int_eq(ta_nhse_file_assessment(&a, f, "Q4 2025/26", NULL, TA_FROM_SCORES), TA_OK);
    run(a);
    r->n = ta_assessment_trust_count(a);
    ck_assert_uint_eq(r->n, 61);
    for (size_t i = 0; i < r->n; i++) {
        strcpy(r->codes[i], ta_assessment_trust_code(a, i));
        ck_assert_int_eq(ta_assessment_average(NULL, &r->rounded[i], NULL, a, i), TA_OK);
        ck_assert_int_eq(ta_assessment_segments(&r->seg[i][0], &r->seg[i][1], &r->seg[i][2], a, i),
                         TA_OK);
        ck_assert_int_eq(ta_assessment_rank(&r->rank[i], a, i), TA_OK);
        ck_assert_int_eq(ta_assessment_reason_text(r->text[i], sizeof r->text[i], NULL, a, i),
                         TA_OK);
    }
    ck_assert_int_eq(ta_assessment_cutoffs(r->cutoffs, 3, &n, a), TA_OK);
    ta_assessment_free(a);
    ta_nhse_file_free(f);
    ta_framework_free(fw);
}

START_TEST(test_locale_independent)
{
    static q4_results c_locale, german;
    char buf[16];
    double x = 0;
    struct lconv *lc;

    ck_assert_ptr_nonnull(setlocale(LC_ALL, "C"));
    compute_q4(&c_locale);
    /* Sanity: RWX's published Q4 average is 2.11 (segment 2, rank 15). */
    for (size_t i = 0; i < c_locale.n; i++)
        if (strcmp(c_locale.codes[i], "RWX") == 0)
            ck_assert_double_eq(c_locale.rounded[i], 2.11);

    ck_assert_ptr_nonnull(setlocale(LC_ALL, "de_DE.UTF-8"));
    lc = localeconv();
    ck_assert_str_eq(lc->decimal_point, ","); /* the locale really differs */
    compute_q4(&german);
    ck_assert_int_eq(ta_decimal_format(buf, sizeof buf, 3.085, 2), TA_OK);
    ck_assert_str_eq(buf, "3.09");
    ck_assert_int_eq(ta_decimal_parse(&x, "2.06"), TA_OK);
    ck_assert_double_eq(x, 2.06);
    ck_assert_int_eq(ta_decimal_parse(&x, "2,06"), TA_EPARSE);
    ck_assert_ptr_nonnull(setlocale(LC_ALL, "C"));

    ck_assert_uint_eq(german.n, c_locale.n);
    for (size_t i = 0; i < c_locale.n; i++) {
        ck_assert_str_eq(german.codes[i], c_locale.codes[i]);
        ck_assert_double_eq(german.rounded[i], c_locale.rounded[i]);
        ck_assert_int_eq(german.seg[i][0], c_locale.seg[i][0]);
        ck_assert_int_eq(german.seg[i][1], c_locale.seg[i][1]);
        ck_assert_int_eq(german.seg[i][2], c_locale.seg[i][2]);
        ck_assert_uint_eq(german.rank[i], c_locale.rank[i]);
        ck_assert_str_eq(german.text[i], c_locale.text[i]);
        ck_assert_ptr_null(strchr(german.text[i], ','));
    }
    for (int k = 0; k < 3; k++)
        ck_assert_double_eq(german.cutoffs[k], c_locale.cutoffs[k]);
}
END_TEST

/* ---- allocation failure ----------------------------------------------- */

#define SWEEP_TRUSTS 12

typedef struct snapshot {
    size_t n, league[SWEEP_TRUSTS + 4], notes;
    double rounded[SWEEP_TRUSTS + 4], cut[3];
    int adj[SWEEP_TRUSTS + 4];
    uint32_t rank[SWEEP_TRUSTS + 4];
} snapshot;

static void take_snapshot(const ta_assessment *a, snapshot *s)
{
    size_t n;
    memset(s, 0, sizeof *s);
    s->n = ta_assessment_trust_count(a);
    ck_assert_uint_le(s->n, SWEEP_TRUSTS + 4);
    for (size_t i = 0; i < s->n; i++) {
        int seg;
        ck_assert_int_eq(ta_assessment_is_segmented(&seg, a, i), TA_OK);
        if (!seg)
            continue;
        ck_assert_int_eq(ta_assessment_average(NULL, &s->rounded[i], NULL, a, i), TA_OK);
        ck_assert_int_eq(ta_assessment_segments(NULL, &s->adj[i], NULL, a, i), TA_OK);
        ck_assert_int_eq(ta_assessment_rank(&s->rank[i], a, i), TA_OK);
    }
    for (size_t p = 0; p < ta_assessment_league_count(a); p++)
        ck_assert_int_eq(ta_assessment_league_entry(&s->league[p], a, p), TA_OK);
    ck_assert_int_eq(ta_assessment_cutoffs(s->cut, 3, &n, a), TA_OK);
    s->notes = ta_assessment_note_count(a);
}

static void assert_same_snapshot(const snapshot *x, const snapshot *y)
{
    ck_assert_uint_eq(x->n, y->n);
    ck_assert_uint_eq(x->notes, y->notes);
    ck_assert_mem_eq(x->rounded, y->rounded, sizeof x->rounded);
    ck_assert_mem_eq(x->adj, y->adj, sizeof x->adj);
    ck_assert_mem_eq(x->rank, y->rank, sizeof x->rank);
    ck_assert_mem_eq(x->league, y->league, sizeof x->league);
    ck_assert_mem_eq(x->cut, y->cut, sizeof x->cut);
}

/* Builds an assessment of 4 + SWEEP_TRUSTS trusts over rules_fw (every
 * scoring rule, a note, two types, quartiles) with allocator al: trusts added
 * whole, then bulk values and scores for them; stops at the first failure and
 * returns its status, with *stage saying which step failed. */
enum { STAGE_NEW, STAGE_TRUSTS, STAGE_BULK, STAGE_SCORES, STAGE_FIELDS, STAGE_FLAG, STAGE_RUN };

static ta_status build_sweep(ta_assessment **out, const ta_framework *fw, const ta_allocator *al,
                             ta_trust *const *trusts, int *stage)
{
    ta_assessment *a = NULL;
    const char *codes[SWEEP_TRUSTS * 2], *ids[SWEEP_TRUSTS * 2];
    double values[SWEEP_TRUSTS * 2];
    static char names[SWEEP_TRUSTS][8];
    ta_status st;

    *out = NULL;
    *stage = STAGE_NEW;
    if ((st = ta_assessment_new(&a, fw, al)) != TA_OK)
        return st;
    *out = a;
    *stage = STAGE_TRUSTS;
    for (int i = 0; st == TA_OK && i < 4 + SWEEP_TRUSTS; i++)
        st = ta_assessment_add_trust(a, trusts[i]);
    for (int i = 0; i < SWEEP_TRUSTS; i++) {
        snprintf(names[i], sizeof names[i], "K%02d", i);
        codes[2 * i] = codes[2 * i + 1] = names[i];
        ids[2 * i] = "V1";
        values[2 * i] = (i * 37) % 11;
        ids[2 * i + 1] = "P1";
        values[2 * i + 1] = 1.0 + (double)((i * 53) % 300) / 100.0;
    }
    if (st != TA_OK)
        return st;
    *stage = STAGE_BULK;
    if ((st = ta_assessment_add_columns(a, SWEEP_TRUSTS * 2, codes, ids, values, TA_INPUT_VALUE)) !=
        TA_OK)
        return st;
    *stage = STAGE_SCORES;
    for (int i = 0; st == TA_OK && i < SWEEP_TRUSTS; i++)
        st = ta_assessment_add_columns(a, 1, &codes[2 * i], &ids[2 * i + 1], &values[2 * i + 1],
                                       TA_INPUT_SCORE);
    if (st != TA_OK)
        return st;
    *stage = STAGE_FIELDS;
    for (int i = 0; st == TA_OK && i < SWEEP_TRUSTS; i += 3)
        st = ta_assessment_set_trust_field(a, names[i], TA_FIELD_TYPE, "Other");
    if (st != TA_OK)
        return st;
    *stage = STAGE_FLAG;
    if ((st = ta_assessment_set_trust_flag(a, names[1], TA_FLAG_FINANCIAL_DEFICIT, TA_YES)) !=
        TA_OK)
        return st;
    *stage = STAGE_RUN;
    return ta_assessment_run(a);
}

static void make_sweep_trusts(const ta_framework *fw, ta_trust **t)
{
    static const char *const codes[4] = {"T0", "T1", "T2", "T3"};
    char code[8];
    for (int i = 0; i < SWEEP_TRUSTS; i++) {
        snprintf(code, sizeof code, "K%02d", i);
        ck_assert_int_eq(ta_trust_new(&t[4 + i], fw, code, NULL), TA_OK);
        ck_assert_int_eq(ta_trust_set_field(t[4 + i], TA_FIELD_NAME, code), TA_OK);
    }
    for (int i = 0; i < 4; i++) {
        ck_assert_int_eq(ta_trust_new(&t[i], fw, codes[i], NULL), TA_OK);
        ck_assert_int_eq(ta_trust_set_field(t[i], TA_FIELD_NAME, codes[i]), TA_OK);
        ck_assert_int_eq(ta_trust_set_value(t[i], "V2", 10.0 * i), TA_OK);
        ck_assert_int_eq(ta_trust_set_value(t[i], "V3", 60.0 + 5 * i), TA_OK);
        ck_assert_int_eq(ta_trust_set_value(t[i], "V5", -0.8 * i), TA_OK);
        ck_assert_int_eq(ta_trust_set_value(t[i], "V6", 1.0 + 0.6 * i), TA_OK);
        ck_assert_int_eq(ta_trust_set_rank(t[i], "R1", (uint32_t)i + 1, 20), TA_OK);
    }
}

START_TEST(test_allocation_failure_sweep)
{
    ta_framework *fw = rules_fw();
    ta_trust *trusts[4 + SWEEP_TRUSTS];
    ta_assessment *a = NULL;
    snapshot ref, got;
    size_t n, failures = 0;
    int stage = -1;

    make_sweep_trusts(fw, trusts);
    ck_assert_int_eq(build_sweep(&a, fw, NULL, trusts, &stage), TA_OK);
    take_snapshot(a, &ref);
    ck_assert_uint_eq(ref.n, SWEEP_TRUSTS + 4);
    ck_assert_uint_gt(ref.notes, 0); /* the sweep passes through the notes too */
    ta_assessment_free(a);

    /* Build and run, failing allocation n. */
    for (n = 1;; n++) {
        af_counter c = {0};
        ta_allocator al = af_allocator(&c);
        ta_status st;
        af_fail_in(&c, n);
        st = build_sweep(&a, fw, &al, trusts, &stage);
        if (!c.failed) {
            ck_assert_int_eq(st, TA_OK);
            take_snapshot(a, &got);
            assert_same_snapshot(&ref, &got);
            ta_assessment_free(a);
            ck_assert_uint_eq(c.live, 0);
            break;
        }
        failures++;
        ck_assert_msg(st == TA_ENOMEM, "allocation %zu failed: status %d", n, (int)st);
        if (a) {
            /* The handle survives and can run; a failed bulk call added no
             * trust; a failed run, run again, gives the reference results. */
            af_fail_in(&c, 0);
            assert_has(ta_assessment_error(a), "out of memory");
            if (stage == STAGE_BULK)
                ck_assert_uint_eq(ta_assessment_trust_count(a), 4 + SWEEP_TRUSTS);
            if (ta_assessment_trust_count(a) > 0)
                ck_assert_int_eq(ta_assessment_run(a), TA_OK);
            if (stage == STAGE_RUN) {
                take_snapshot(a, &got);
                assert_same_snapshot(&ref, &got);
            }
            ta_assessment_free(a);
        } else {
            ck_assert_int_eq(stage, STAGE_NEW);
        }
        ck_assert_msg(c.live == 0, "allocation %zu failed (stage %d): %zu blocks leaked", n, stage,
                      c.live);
    }
    ck_assert_uint_gt(failures, 20);

    /* A run failing at allocation n, then a run without failure. */
    for (n = 1;; n++) {
        af_counter c = {0};
        ta_allocator al = af_allocator(&c);
        ta_status st;
        double x;
        ck_assert_int_eq(build_sweep(&a, fw, &al, trusts, &stage), TA_OK);
        /* build_sweep ran it: change an input so that the next run recomputes. */
        ck_assert_int_eq(ta_assessment_set_trust_flag(a, "K01", TA_FLAG_FINANCIAL_DEFICIT, TA_NO),
                         TA_OK);
        ck_assert_int_eq(ta_assessment_set_trust_flag(a, "K01", TA_FLAG_FINANCIAL_DEFICIT, TA_YES),
                         TA_OK);
        af_fail_in(&c, n);
        st = ta_assessment_run(a);
        if (!c.failed) {
            ck_assert_int_eq(st, TA_OK);
            take_snapshot(a, &got);
            assert_same_snapshot(&ref, &got);
            ta_assessment_free(a);
            ck_assert_uint_eq(c.live, 0);
            break;
        }
        ck_assert_msg(st == TA_ENOMEM, "run allocation %zu failed: status %d", n, (int)st);
        assert_has(ta_assessment_error(a), "out of memory");
        ck_assert_int_eq(ta_assessment_average(&x, NULL, NULL, a, 0), TA_ESTATE);
        af_fail_in(&c, 0);
        run(a);
        take_snapshot(a, &got);
        assert_same_snapshot(&ref, &got);
        ta_assessment_free(a);
        ck_assert_msg(c.live == 0, "run allocation %zu failed: %zu blocks leaked", n, c.live);
    }
    for (int i = 0; i < 4 + SWEEP_TRUSTS; i++)
        ta_trust_free(trusts[i]);
    ta_framework_free(fw);
}
END_TEST

/* Bulk input is all-or-nothing even when memory runs out while new trusts
 * are being published. */
START_TEST(test_add_columns_enomem_leaves_assessment_as_it_was)
{
    ta_framework *fw = supplied_fw(1, 3, CUTS, TA_CUTOFF_TIES_BETTER, TA_QUANTILE_TYPE7);
    static const char *const codes[12] = {"K00", "K01", "K02", "K03", "K04", "K05",
                                          "K06", "K07", "K08", "K09", "K10", "K11"};
    const char *ids[12];
    double x[12];
    for (int i = 0; i < 12; i++) {
        ids[i] = "P01";
        x[i] = 2.0;
    }
    for (size_t n = 1;; n++) {
        af_counter c = {0};
        ta_allocator al = af_allocator(&c);
        ta_assessment *a = NULL;
        size_t idx;
        ta_status st;
        ck_assert_int_eq(ta_assessment_new(&a, fw, &al), TA_OK);
        af_fail_in(&c, n);
        st = ta_assessment_add_columns(a, 12, codes, ids, x, TA_INPUT_SCORE);
        af_fail_in(&c, 0);
        if (st == TA_OK) {
            ck_assert_uint_eq(ta_assessment_trust_count(a), 12);
            ta_assessment_free(a);
            ck_assert_uint_eq(c.live, 0);
            break;
        }
        ck_assert_int_eq(st, TA_ENOMEM);
        /* "fails the whole call ... and leaves the assessment as it was" */
        ck_assert_uint_eq(ta_assessment_trust_count(a), 0);
        ck_assert_msg(ta_assessment_find_trust(&idx, a, "K00") == TA_ENOTFOUND,
                      "allocation %zu: K00 is findable in an empty assessment", n);
        /* ... so the same call succeeds afterwards */
        ck_assert_msg(ta_assessment_add_columns(a, 12, codes, ids, x, TA_INPUT_SCORE) == TA_OK,
                      "allocation %zu: retry fails: %s", n, ta_assessment_error(a));
        ck_assert_uint_eq(ta_assessment_trust_count(a), 12);
        ta_assessment_free(a);
        ck_assert_msg(c.live == 0, "allocation %zu: %zu blocks leaked", n, c.live);
    }
    ta_framework_free(fw);
}
END_TEST

/* An assessment with no trusts runs (no memcpy from its NULL input arrays). */
START_TEST(test_run_empty_assessment)
{
    ta_framework *fw = supplied_fw(1, 3, CUTS, TA_CUTOFF_TIES_BETTER, TA_QUANTILE_TYPE7);
    ta_assessment *a = new_assessment(fw);
    double cut[3];
    size_t n;
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    ck_assert_uint_eq(ta_assessment_league_count(a), 0);
    ck_assert_int_eq(ta_assessment_cutoffs(cut, 3, &n, a), TA_OK);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* Rule: a failed ta_assessment_add_columns loses nothing and keeps nothing:
 * a call failing on its very first row leaves the cell it collided with as it
 * was, and a trust staged by a failed call leaves no input behind for the
 * trust that takes its place next. */
START_TEST(test_add_columns_failure_keeps_and_leaves_nothing)
{
    ta_framework *fw = supplied_fw(2, 3, CUTS, TA_CUTOFF_TIES_BETTER, TA_QUANTILE_TYPE7);
    ta_assessment *a = new_assessment(fw);
    const char *a_code = "A", *p01 = "P01";
    const char *n1[2] = {"N1", "N1"}, *twice[2] = {"P01", "P01"};
    const double again = 1.5, x[2] = {1.0, 3.0};
    size_t i;

    add_score(a, "A", "P01", 2.0);
    ck_assert_int_eq(ta_assessment_add_columns(a, 1, &a_code, &p01, &again, TA_INPUT_SCORE),
                     TA_EDUPLICATE);
    assert_has(ta_assessment_error(a), "row 0");
    ck_assert_int_eq(ta_assessment_add_columns(a, 2, n1, twice, x, TA_INPUT_SCORE), TA_EDUPLICATE);
    ck_assert_int_eq(ta_assessment_find_trust(&i, a, "N1"), TA_ENOTFOUND);
    add_score(a, "N2", "P02", 2.0); /* the row N1 was staged in */
    ck_assert_uint_eq(index_of(a, "N2"), 1);
    /* A cell written for a trust already there (N2, the second row) is undone. */
    {
        const char *codes[3] = {"N2", "N3", "N3"}, *ids[3] = {"P01", "P01", "P01"};
        const double x3[3] = {3.0, 1.0, 2.0};
        ck_assert_int_eq(ta_assessment_add_columns(a, 3, codes, ids, x3, TA_INPUT_SCORE),
                         TA_EDUPLICATE);
    }
    run(a);
    ck_assert_double_eq(score_of(a, fw, "A", "P01"), 2.0);
    ck_assert(isnan(score_of(a, fw, "A", "P02")));
    ck_assert(isnan(score_of(a, fw, "N2", "P01")));
    ck_assert_double_eq(score_of(a, fw, "N2", "P02"), 2.0);
    ck_assert_double_eq(rounded_of(a, "N2"), 2.0);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* Rule (ta_assessment_reason_text): numbers are written to the framework's
 * decimals; with none, a whole number has no decimal point. */
START_TEST(test_reason_text_with_no_decimals)
{
    ta_framework_builder *b = NULL;
    ta_framework *fw = NULL;
    ta_assessment *a;
    const double cuts[2] = {2, 3};
    char text[160];
    ck_assert_int_eq(ta_framework_builder_new(&b, "whole", NULL), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "a", "A", "DA"), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "P01", "P01", "a", TA_SCORING_SUPPLIED),
                     TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_cutoffs(b, 2, cuts), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_decimals(b, 0), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_OK);
    ta_framework_builder_free(b);
    a = new_assessment(fw);
    add_score(a, "A", "P01", 2.4);
    run(a);
    ck_assert_int_eq(ta_assessment_reason_text(text, sizeof text, NULL, a, 0), TA_OK);
    ck_assert_str_eq(text, "average 2 at or below cut-off 2: segment 1; final segment unknown: "
                           "no Recovery Support Programme flag");
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* Rule (ta_assessment_set_trust_field): a new text no longer than the old
 * one is written in the old one's place, so editing a trust's name again and
 * again (a what-if loop) holds no more memory than the first edit did. */
START_TEST(test_trust_field_edits_reuse_their_place)
{
    ta_framework *fw = supplied_fw(3, 0, NULL, TA_CUTOFF_TIES_BETTER, TA_QUANTILE_TYPE7);
    ag_state g = {0};
    ta_allocator al = ag_allocator(&g);
    ta_assessment *a = NULL;
    size_t live;
    ck_assert_int_eq(ta_assessment_new(&a, fw, &al), TA_OK);
    add_score(a, "A", "P01", 2.0);
    ck_assert_int_eq(ta_assessment_set_trust_field(a, "A", TA_FIELD_NAME, "Alpha Trust"), TA_OK);
    live = g.live;
    for (int k = 0; k < 20000; k++)
        ck_assert_int_eq(ta_assessment_set_trust_field(a, "A", TA_FIELD_NAME,
                                                       k % 2 ? "Alpha Trust" : "Gamma Trust"),
                         TA_OK);
    ck_assert_uint_eq(g.live, live);
    ck_assert_str_eq(ta_assessment_trust_field(a, 0, TA_FIELD_NAME), "Alpha Trust");
    ta_assessment_free(a);
    ta_framework_free(fw);
    ck_assert_uint_eq(g.live, 0);
}
END_TEST

/* Rule: the assessment writes nothing past the end of a block it allocated
 * (input cells made on first use and grown with the trusts, rows, results),
 * checked with guard bytes after every block of the host allocator. */
START_TEST(test_assessment_stays_inside_its_blocks)
{
    ta_framework *fw = supplied_fw(3, 0, NULL, TA_CUTOFF_TIES_BETTER, TA_QUANTILE_TYPE7);
    ag_state g = {0};
    ta_allocator al = ag_allocator(&g);
    ta_assessment *a = NULL;
    char code[8];
    ck_assert_int_eq(ta_assessment_new(&a, fw, &al), TA_OK);
    for (int t = 0; t < 40; t++) { /* the rows and input cells grow several times */
        snprintf(code, sizeof code, "G%02d", t);
        add_score(a, code, "P01", 1.0 + (t % 4));
        add_score(a, code, "P03", 4.0 - (t % 3));
        if (t % 5 == 0)
            add_value(a, code, "P02", t);
    }
    run(a);
    ck_assert_uint_eq(ta_assessment_league_count(a), 40);
    ta_assessment_free(a);
    ck_assert_uint_eq(g.overruns, 0);
    ck_assert_uint_eq(g.live, 0);
    ta_framework_free(fw);
}
END_TEST

/* Rule (scoring.c:234): rank scoring walks the trusts given and no row past
 * them. Each block is followed by a finite double then NaNs, so a walk one
 * trust too far would read a number past the column of ranks and write it
 * past the score matrix's end, where the guard still reads as a NaN. */
START_TEST(test_rank_scoring_stops_at_the_last_trust)
{
    ta_framework *fw = rules_fw();
    ag_state g = {0};
    ta_allocator al;
    ta_assessment *a = NULL;
    static const char *const codes[3] = {"A", "B", "C"};
    g.finite_first = 1;
    al = ag_allocator(&g);
    ck_assert_int_eq(ta_assessment_new(&a, fw, &al), TA_OK);
    for (int t = 0; t < 3; t++) {
        add_value(a, codes[t], "V1", 10.0 * t);
        add_value(a, codes[t], "V2", 10.0 * t);
    }
    run(a);
    ck_assert_double_eq(score_of(a, fw, "C", "R1"), 1.0); /* highest V1, higher is better */
    ck_assert_double_eq(score_of(a, fw, "A", "R2"), 1.0); /* lowest V2, lower is better */
    ta_assessment_free(a);
    ck_assert_uint_eq(g.overruns, 0);
    ck_assert_uint_eq(g.live, 0);
    ta_framework_free(fw);
}
END_TEST

/* Rule: the result getters check each argument at its limit: a cut-off array
 * shorter than the framework's is filled only as far as n (the count is
 * still the framework's), each NULL is TA_EINVAL, and a trust index equal to
 * the count or a field or flag just outside its enum gives NULL or
 * TA_UNKNOWN. */
START_TEST(test_result_getters_at_their_limits)
{
    ta_framework *fw = supplied_fw(1, 3, CUTS, TA_CUTOFF_TIES_BETTER, TA_QUANTILE_TYPE7);
    ta_assessment *a = new_assessment(fw);
    double cut[3] = {-1, -1, -1};
    size_t count = 0, i = 9;
    add_score(a, "A", "P01", 2.0);
    ck_assert_int_eq(ta_assessment_set_trust_flag(a, "A", TA_FLAG_FINANCIAL_DEFICIT, TA_YES),
                     TA_OK);
    run(a);
    ck_assert_int_eq(ta_assessment_cutoffs(cut, 1, &count, a), TA_OK);
    ck_assert_uint_eq(count, 3);
    ck_assert_double_eq(cut[0], 2.0);
    ck_assert_double_eq(cut[1], -1);
    ck_assert_int_eq(ta_assessment_find_trust(NULL, a, "A"), TA_EINVAL);
    ck_assert_int_eq(ta_assessment_find_trust(&i, NULL, "A"), TA_EINVAL);
    ck_assert_int_eq(ta_assessment_find_trust(&i, a, NULL), TA_EINVAL);
    ck_assert_uint_eq(i, 9);
    ck_assert_str_eq(ta_assessment_trust_field(a, 0, TA_FIELD_TYPE), "");
    ck_assert_ptr_null(ta_assessment_trust_field(a, 1, TA_FIELD_TYPE));
    ck_assert_ptr_null(ta_assessment_trust_field(a, 0, (ta_trust_field)-1));
    ck_assert_ptr_null(ta_assessment_trust_field(NULL, 0, TA_FIELD_TYPE));
    ck_assert_int_eq(ta_assessment_trust_flag(a, 0, TA_FLAG_FINANCIAL_DEFICIT), TA_YES);
    ck_assert_int_eq(ta_assessment_trust_flag(a, 1, TA_FLAG_FINANCIAL_DEFICIT), TA_UNKNOWN);
    ck_assert_int_eq(ta_assessment_trust_flag(a, 0, (ta_flag)-1), TA_UNKNOWN);
    ck_assert_int_eq(ta_assessment_trust_flag(NULL, 0, TA_FLAG_FINANCIAL_DEFICIT), TA_UNKNOWN);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* A trust added whole keeps every field and both flags as its ta_trust had
 * them: the name (field 0) and each flag in its own place
 * (assessment_input.c:179, 187-188). */
START_TEST(test_add_trust_keeps_its_fields_and_flags)
{
    ta_framework *fw = rules_fw();
    ta_assessment *a = new_assessment(fw);
    ta_trust *t = NULL;
    static const char *texts[4] = {"Name N", "Type N", "Subtype N", "Region N"};
    size_t i;

    ck_assert_int_eq(ta_trust_new(&t, fw, "N", NULL), TA_OK);
    for (int f = 0; f < 4; f++)
        ck_assert_int_eq(ta_trust_set_field(t, (ta_trust_field)f, texts[f]), TA_OK);
    ck_assert_int_eq(ta_trust_set_flag(t, TA_FLAG_FINANCIAL_DEFICIT, TA_YES), TA_OK);
    ck_assert_int_eq(ta_trust_set_flag(t, TA_FLAG_RECOVERY_SUPPORT, TA_NO), TA_OK);
    ck_assert_int_eq(ta_assessment_add_trust(a, t), TA_OK);
    ta_trust_free(t);
    i = index_of(a, "N");
    for (int f = 0; f < 4; f++)
        ck_assert_str_eq(ta_assessment_trust_field(a, i, (ta_trust_field)f), texts[f]);
    ck_assert_int_eq(ta_assessment_trust_flag(a, i, TA_FLAG_FINANCIAL_DEFICIT), TA_YES);
    ck_assert_int_eq(ta_assessment_trust_flag(a, i, TA_FLAG_RECOVERY_SUPPORT), TA_NO);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* ta_assessment_set_scores_only: any nonzero turns it on (raw values are
 * ignored), 0 turns it off again; it and ta_assessment_set_reconstruct each
 * discard the last run's results (assessment_input.c:505-515). */
START_TEST(test_scores_only_ignores_values_until_set_to_zero)
{
    ta_framework *fw = rules_fw();
    ta_assessment *a = new_assessment(fw);
    double avg = 0;

    add_value(a, "A", "V1", 10);
    add_value(a, "B", "V1", 20);
    add_value(a, "C", "V1", 30);
    add_score(a, "D", "R1", 2.5);
    ck_assert_int_eq(ta_assessment_set_scores_only(a, 2), TA_OK);
    run(a);
    ck_assert(isnan(score_of(a, fw, "A", "R1")));
    ck_assert_double_eq(score_of(a, fw, "D", "R1"), 2.5);
    ck_assert_int_eq(ta_assessment_set_scores_only(a, 0), TA_OK);
    ck_assert_int_eq(ta_assessment_average(NULL, &avg, NULL, a, index_of(a, "D")), TA_ESTATE);
    run(a);
    ck_assert_double_eq(score_of(a, fw, "A", "R1"), 4.0);
    ck_assert_double_eq(score_of(a, fw, "C", "R1"), 1.0);
    ck_assert_int_eq(ta_assessment_set_reconstruct(a, 0), TA_OK);
    ck_assert_int_eq(ta_assessment_average(NULL, &avg, NULL, a, index_of(a, "D")), TA_ESTATE);
    run(a);
    ck_assert_int_eq(ta_assessment_set_reconstruct(a, 1), TA_OK);
    ck_assert_int_eq(ta_assessment_average(NULL, &avg, NULL, a, index_of(a, "D")), TA_ESTATE);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* A flag past the last (2) or before the first reads TA_UNKNOWN, whatever the
 * trust's flags are (assessment_results.c:60). */
START_TEST(test_trust_flag_past_the_last_is_unknown)
{
    ta_framework *fw = rules_fw();
    ta_assessment *a = new_assessment(fw);
    size_t i;

    add_value(a, "T1", "V1", 1);
    ck_assert_int_eq(ta_assessment_set_trust_flag(a, "T1", TA_FLAG_RECOVERY_SUPPORT, TA_NO), TA_OK);
    i = index_of(a, "T1");
    ck_assert_int_eq(ta_assessment_trust_flag(a, i, TA_FLAG_RECOVERY_SUPPORT), TA_NO);
    ck_assert_int_eq(ta_assessment_trust_flag(a, i, (ta_flag)2), TA_UNKNOWN);
    ck_assert_int_eq(ta_assessment_trust_flag(a, i, (ta_flag)-1), TA_UNKNOWN);
    ck_assert_int_eq(ta_assessment_trust_flag(a, i + 1, TA_FLAG_RECOVERY_SUPPORT), TA_UNKNOWN);
    ck_assert_int_eq(ta_assessment_trust_flag(NULL, 0, TA_FLAG_RECOVERY_SUPPORT), TA_UNKNOWN);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* ta_quantile_cutoffs asks for at least one cut-off of at least one value:
 * none of either is refused (segment.c:160). */
START_TEST(test_quantile_cutoffs_of_none_refused)
{
    const double values[3] = {1.0, 2.0, 3.0};
    double out[3] = {-1, -1, -1};
    ck_assert_int_eq(ta_quantile_cutoffs(out, 0, values, 3, TA_QUANTILE_TYPE7, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_quantile_cutoffs(out, 3, values, 0, TA_QUANTILE_TYPE7, NULL), TA_EINVAL);
    ck_assert_double_eq(out[0], -1);
    ck_assert_int_eq(ta_quantile_cutoffs(out, 1, values, 3, TA_QUANTILE_TYPE7, NULL), TA_OK);
    ck_assert_double_eq(out[0], 2.0);
}
END_TEST

static Suite *assessment_suite(void)
{
    Suite *s = suite_create("assessment");
    TCase *tc = tcase_create("core");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_rank_scaling);
    tcase_add_test(tc, test_standard_capped);
    tcase_add_test(tc, test_banded_boundaries);
    tcase_add_test(tc, test_combined_preset);
    tcase_add_test(tc, test_combined_hand_built);
    tcase_add_test(tc, test_combined_first_metric);
    tcase_add_test(tc, test_supplied_score_and_rank);
    tcase_add_test(tc, test_average_is_plain_mean);
    tcase_add_test(tc, test_rounding_half_up);
    tcase_add_test(tc, test_cutoffs_ties_better);
    tcase_add_test(tc, test_cutoffs_ties_worse);
    tcase_add_test(tc, test_quartile_cutoffs);
    tcase_add_test(tc, test_deficit_cap);
    tcase_add_test(tc, test_recovery_support);
    tcase_add_test(tc, test_rank_ties);
    tcase_add_test(tc, test_rank_deficit_capped_below_segment_2);
    tcase_add_test(tc, test_rank_by_type_and_league_order);
    tcase_add_test(tc, test_rank_first_type_met_again_after_many_types);
    tcase_add_test(tc, test_distance_to_better);
    tcase_add_test(tc, test_state);
    tcase_add_test(tc, test_add_columns);
    tcase_add_test(tc, test_add_columns_undo_keeps_values);
    tcase_add_test(tc, test_trust_field_edits_reuse_their_place);
    tcase_add_test(tc, test_reason_text_with_no_decimals);
    tcase_add_test(tc, test_set_cutoffs);
    tcase_add_test(tc, test_cutoffs_of_no_population);
    tcase_add_test(tc, test_quartiles_survive_a_selection_killer);
    tcase_add_test(tc, test_quantile_cutoffs);
    tcase_add_test(tc, code_index_reservation_limits);
    tcase_add_test(tc, code_index_grows_past_seventy_percent);
    tcase_add_test(tc, a_weight_is_its_fraction);
    tcase_add_test(tc, test_round_half_up);
    tcase_add_test(tc, test_parse_and_format_decimal);
    tcase_add_test(tc, test_locale_independent);
    tcase_add_test(tc, test_allocation_failure_sweep);
    tcase_add_test(tc, test_add_columns_enomem_leaves_assessment_as_it_was);
    tcase_add_test(tc, test_run_empty_assessment);
    tcase_add_test(tc, test_add_columns_failure_keeps_and_leaves_nothing);
    tcase_add_test(tc, test_assessment_stays_inside_its_blocks);
    tcase_add_test(tc, test_rank_scoring_stops_at_the_last_trust);
    tcase_add_test(tc, test_result_getters_at_their_limits);
    tcase_add_test(tc, test_trust_field_set_again);
    tcase_add_test(tc, test_notes_of_the_last_run);
    tcase_add_test(tc, test_add_columns_empty_adds_no_cells);
    tcase_add_test(tc, test_add_trust_keeps_its_fields_and_flags);
    tcase_add_test(tc, test_scores_only_ignores_values_until_set_to_zero);
    tcase_add_test(tc, test_trust_flag_past_the_last_is_unknown);
    tcase_add_test(tc, test_quantile_cutoffs_of_none_refused);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(assessment_suite());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
