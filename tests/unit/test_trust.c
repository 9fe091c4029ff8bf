/*
 * Tests of lib/nof/trust.c (include/trustassess/trust.h): ODS code checks,
 * descriptive fields, flags and foundation-trust status, and per-metric
 * values, scores and ranks checked against the NOF 2025/26 preset as they are
 * set, with the messages left on the trust.
 */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc_fail.h"
#include "alloc_guard.h"
#include "trustassess/assessment.h"
#include "trustassess/framework.h"
#include "trustassess/trust.h"

#define assert_has(text, word)                                                                     \
    ck_assert_msg(strstr((text), (word)) != NULL, "\"%s\" does not contain \"%s\"", (text), (word))

/* What is set for metric `id`, through both getters (which must agree on the status). */
static ta_status trust_metric(int *has_value, double *value, int *has_score, double *score,
                              const ta_trust *t, const char *id)
{
    ta_status a = ta_trust_metric_value(has_value, value, t, id);
    ta_status b = ta_trust_metric_score(has_score, score, t, id);
    ck_assert_int_eq(a, b);
    return a;
}

static ta_framework *fw;

static void setup(void)
{
    ck_assert_int_eq(ta_framework_preset(&fw, "nof-2025-26", NULL), TA_OK);
}

static void teardown(void)
{
    ta_framework_free(fw);
    fw = NULL;
}

static ta_trust *new_trust(const char *code)
{
    ta_trust *t = NULL;
    ck_assert_int_eq(ta_trust_new(&t, fw, code, NULL), TA_OK);
    ck_assert_ptr_nonnull(t);
    return t;
}

/* Expects ta_trust_new(code) to fail with TA_EINVAL and leave *out NULL. */
static void expect_bad_code(const char *code)
{
    ta_trust *t = (ta_trust *)&t;
    ck_assert_int_eq(ta_trust_new(&t, fw, code, NULL), TA_EINVAL);
    ck_assert_ptr_null(t);
}

START_TEST(test_code_validation)
{
    ta_trust *t;
    ta_allocator bad = {NULL, NULL, NULL, NULL};

    expect_bad_code("");
    expect_bad_code("ABCDEFGHIJKLMNOPQ"); /* 17 characters */
    expect_bad_code("R X");
    expect_bad_code("R,X");
    expect_bad_code(" RX");
    expect_bad_code("RX\n");
    expect_bad_code("R\"X");
    expect_bad_code("R\xC3\xA9"); /* not ASCII */
    expect_bad_code(NULL);
    t = (ta_trust *)&t;
    ck_assert_int_eq(ta_trust_new(&t, NULL, "RX", NULL), TA_EINVAL);
    ck_assert_ptr_null(t);
    t = (ta_trust *)&t;
    ck_assert_int_eq(ta_trust_new(&t, fw, "RX", &bad), TA_EINVAL);
    ck_assert_ptr_null(t);
    ck_assert_int_eq(ta_trust_new(NULL, fw, "RX", NULL), TA_EINVAL);

    /* 16 characters and punctuation other than comma and quote are accepted. */
    t = new_trust("ABCDEFGHIJKLMNOP");
    ck_assert_str_eq(ta_trust_code(t), "ABCDEFGHIJKLMNOP");
    ta_trust_free(t);
    t = new_trust("R1-A_2.x/~");
    ck_assert_str_eq(ta_trust_code(t), "R1-A_2.x/~");
    ck_assert_str_eq(ta_trust_error(t), "");
    ta_trust_free(t);
    ta_trust_free(NULL);
    ck_assert_ptr_null(ta_trust_code(NULL));
    ck_assert_ptr_nonnull(ta_trust_error(NULL));
}
END_TEST

START_TEST(test_fields)
{
    ta_trust *t = new_trust("RWX");
    char name[32] = "Berkshire Healthcare";

    for (int f = TA_FIELD_NAME; f <= TA_FIELD_REGION; f++)
        ck_assert_str_eq(ta_trust_field_value(t, (ta_trust_field)f), "");
    ck_assert_int_eq(ta_trust_set_field(t, TA_FIELD_NAME, name), TA_OK);
    ck_assert_int_eq(ta_trust_set_field(t, TA_FIELD_TYPE, "Mental health and community trust"),
                     TA_OK);
    ck_assert_int_eq(ta_trust_set_field(t, TA_FIELD_SUBTYPE, "Community"), TA_OK);
    ck_assert_int_eq(ta_trust_set_field(t, TA_FIELD_REGION, "South East"), TA_OK);
    /* The text is copied. */
    strcpy(name, "Something else");
    ck_assert_str_eq(ta_trust_field_value(t, TA_FIELD_NAME), "Berkshire Healthcare");
    ck_assert_str_eq(ta_trust_field_value(t, TA_FIELD_TYPE), "Mental health and community trust");
    ck_assert_str_eq(ta_trust_field_value(t, TA_FIELD_SUBTYPE), "Community");
    ck_assert_str_eq(ta_trust_field_value(t, TA_FIELD_REGION), "South East");
    /* Replacing, including with "". */
    ck_assert_int_eq(ta_trust_set_field(t, TA_FIELD_REGION, ""), TA_OK);
    ck_assert_str_eq(ta_trust_field_value(t, TA_FIELD_REGION), "");
    ck_assert_int_eq(ta_trust_set_field(t, TA_FIELD_NAME, NULL), TA_EINVAL);
    assert_has(ta_trust_error(t), "RWX");
    ck_assert_str_eq(ta_trust_field_value(t, TA_FIELD_NAME), "Berkshire Healthcare");
    ck_assert_int_eq(ta_trust_set_field(t, (ta_trust_field)4, "x"), TA_EINVAL);
    assert_has(ta_trust_error(t), "field");
    ck_assert_int_eq(ta_trust_set_field(t, (ta_trust_field)-1, "x"), TA_EINVAL);
    ck_assert_ptr_null(ta_trust_field_value(t, (ta_trust_field)4));
    ck_assert_ptr_null(ta_trust_field_value(NULL, TA_FIELD_NAME));
    ck_assert_int_eq(ta_trust_set_field(NULL, TA_FIELD_NAME, "x"), TA_EINVAL);
    ta_trust_free(t);
}
END_TEST

START_TEST(test_flags_and_status)
{
    ta_trust *t = new_trust("RWX");

    ck_assert_int_eq(ta_trust_flag(t, TA_FLAG_FINANCIAL_DEFICIT), TA_UNKNOWN);
    ck_assert_int_eq(ta_trust_flag(t, TA_FLAG_RECOVERY_SUPPORT), TA_UNKNOWN);
    ck_assert_int_eq(ta_trust_set_flag(t, TA_FLAG_FINANCIAL_DEFICIT, TA_YES), TA_OK);
    ck_assert_int_eq(ta_trust_flag(t, TA_FLAG_FINANCIAL_DEFICIT), TA_YES);
    ck_assert_int_eq(ta_trust_flag(t, TA_FLAG_RECOVERY_SUPPORT), TA_UNKNOWN);
    ck_assert_int_eq(ta_trust_set_flag(t, TA_FLAG_RECOVERY_SUPPORT, TA_NO), TA_OK);
    ck_assert_int_eq(ta_trust_flag(t, TA_FLAG_RECOVERY_SUPPORT), TA_NO);
    ck_assert_int_eq(ta_trust_set_flag(t, TA_FLAG_FINANCIAL_DEFICIT, TA_UNKNOWN), TA_OK);
    ck_assert_int_eq(ta_trust_flag(t, TA_FLAG_FINANCIAL_DEFICIT), TA_UNKNOWN);
    ck_assert_int_eq(ta_trust_set_flag(t, TA_FLAG_FINANCIAL_DEFICIT, (ta_tristate)2), TA_EINVAL);
    assert_has(ta_trust_error(t), "TA_UNKNOWN");
    ck_assert_int_eq(ta_trust_flag(t, TA_FLAG_FINANCIAL_DEFICIT), TA_UNKNOWN);
    ck_assert_int_eq(ta_trust_set_flag(t, (ta_flag)2, TA_YES), TA_EINVAL);
    ck_assert_int_eq(ta_trust_flag(t, (ta_flag)2), TA_UNKNOWN);
    ck_assert_int_eq(ta_trust_flag(NULL, TA_FLAG_RECOVERY_SUPPORT), TA_UNKNOWN);
    ck_assert_int_eq(ta_trust_set_flag(NULL, TA_FLAG_RECOVERY_SUPPORT, TA_YES), TA_EINVAL);

    ck_assert_int_eq(ta_trust_ft_status(t), TA_NHS_TRUST);
    ck_assert_int_eq(ta_trust_set_ft_status(t, TA_FOUNDATION_TRUST), TA_OK);
    ck_assert_int_eq(ta_trust_ft_status(t), TA_FOUNDATION_TRUST);
    ck_assert_int_eq(ta_trust_set_ft_status(t, TA_ADVANCED_FOUNDATION_TRUST), TA_OK);
    ck_assert_int_eq(ta_trust_ft_status(t), TA_ADVANCED_FOUNDATION_TRUST);
    ck_assert_int_eq(ta_trust_set_ft_status(t, (ta_ft_status)3), TA_EINVAL);
    assert_has(ta_trust_error(t), "foundation-trust");
    ck_assert_int_eq(ta_trust_ft_status(t), TA_ADVANCED_FOUNDATION_TRUST);
    ck_assert_int_eq(ta_trust_set_ft_status(t, TA_NHS_TRUST), TA_OK);
    ck_assert_int_eq(ta_trust_ft_status(t), TA_NHS_TRUST);
    ck_assert_int_eq(ta_trust_set_ft_status(NULL, TA_NHS_TRUST), TA_EINVAL);
    ta_trust_free(t);
}
END_TEST

START_TEST(test_values)
{
    ta_trust *t = new_trust("RWX");
    int has_value = -1, has_score = -1;
    double value = 0, score = 0;

    ck_assert_int_eq(trust_metric(&has_value, &value, &has_score, &score, t, "OF1005"), TA_OK);
    ck_assert_int_eq(has_value, 0);
    ck_assert_int_eq(has_score, 0);
    ck_assert_int_eq(ta_trust_set_value(t, "OF0005", 3.25), TA_OK);
    ck_assert_int_eq(trust_metric(&has_value, &value, &has_score, &score, t, "OF1005"), TA_OK);
    ck_assert_int_eq(has_value, 1);
    ck_assert_double_eq(value, 3.25);
    ck_assert_int_eq(has_score, 0);
    /* A value may be negative or zero; the last one set wins. */
    ck_assert_int_eq(ta_trust_set_value(t, "OF1005", -0.5), TA_OK);
    ck_assert_int_eq(trust_metric(&has_value, &value, NULL, NULL, t, "OF0005"), TA_OK);
    ck_assert_double_eq(value, -0.5);
    ck_assert_int_eq(ta_trust_set_value(t, "OF0005", NAN), TA_EINVAL);
    assert_has(ta_trust_error(t), "not a finite number");
    ck_assert_int_eq(ta_trust_set_value(t, "OF0005", INFINITY), TA_EINVAL);
    ck_assert_int_eq(ta_trust_set_value(t, "OF0005", -INFINITY), TA_EINVAL);
    ck_assert_int_eq(trust_metric(&has_value, &value, NULL, NULL, t, "OF0005"), TA_OK);
    ck_assert_int_eq(has_value, 1);
    ck_assert_double_eq(value, -0.5);
    ck_assert_int_eq(ta_trust_set_value(t, NULL, 1), TA_EINVAL);
    ck_assert_int_eq(ta_trust_set_value(NULL, "OF0005", 1), TA_EINVAL);
    ck_assert_int_eq(trust_metric(NULL, NULL, NULL, NULL, NULL, "OF0005"), TA_EINVAL);
    ck_assert_int_eq(trust_metric(NULL, NULL, NULL, NULL, t, NULL), TA_EINVAL);
    ta_trust_free(t);
}
END_TEST

START_TEST(test_scores)
{
    ta_trust *t = new_trust("RWX");
    int has_score = 0;
    double score = 0;

    ck_assert_int_eq(ta_trust_set_score(t, "OF1035", 0.99), TA_ERANGE);
    assert_has(ta_trust_error(t), "from 1 to 4");
    assert_has(ta_trust_error(t), "OF1035");
    ck_assert_int_eq(ta_trust_set_score(t, "OF1035", 4.01), TA_ERANGE);
    ck_assert_int_eq(ta_trust_set_score(t, "OF1035", 0), TA_ERANGE);
    ck_assert_int_eq(ta_trust_set_score(t, "OF1035", NAN), TA_EINVAL);
    ck_assert_int_eq(ta_trust_set_score(t, "OF1035", INFINITY), TA_EINVAL);
    ck_assert_int_eq(trust_metric(NULL, NULL, &has_score, NULL, t, "OF1035"), TA_OK);
    ck_assert_int_eq(has_score, 0);
    ck_assert_int_eq(ta_trust_set_score(t, "OF1035", 1), TA_OK);
    ck_assert_int_eq(trust_metric(NULL, NULL, &has_score, &score, t, "OF1035"), TA_OK);
    ck_assert_int_eq(has_score, 1);
    ck_assert_double_eq(score, 1.0);
    ck_assert_int_eq(ta_trust_set_score(t, "OF1035", 4), TA_OK);
    ck_assert_int_eq(trust_metric(NULL, NULL, &has_score, &score, t, "OF1035"), TA_OK);
    ck_assert_double_eq(score, 4.0);
    ck_assert_int_eq(ta_trust_set_score(t, "OF1035", 2.37), TA_OK);
    ck_assert_int_eq(trust_metric(NULL, NULL, &has_score, &score, t, "OF1035"), TA_OK);
    ck_assert_double_eq_tol(score, 2.37, 1e-12);
    /* A failed call keeps the score. */
    ck_assert_int_eq(ta_trust_set_score(t, "OF1035", 5), TA_ERANGE);
    ck_assert_int_eq(trust_metric(NULL, NULL, &has_score, &score, t, "OF1035"), TA_OK);
    ck_assert_double_eq_tol(score, 2.37, 1e-12);
    ta_trust_free(t);
}
END_TEST

START_TEST(test_ranks)
{
    ta_trust *t = new_trust("RWX");

    ck_assert_int_eq(ta_trust_set_rank(t, "OF1082", 0, 5), TA_ERANGE);
    assert_has(ta_trust_error(t), "rank 0 of 5");
    ck_assert_int_eq(ta_trust_set_rank(t, "OF1082", 6, 5), TA_ERANGE);
    ck_assert_int_eq(ta_trust_set_rank(t, "OF1082", 1, 1), TA_ERANGE);
    ck_assert_int_eq(ta_trust_set_rank(t, "OF1082", 1, 0), TA_ERANGE);
    ck_assert_int_eq(ta_trust_set_rank(t, "OF9999", 1, 5), TA_ENOTFOUND);
    ck_assert_int_eq(ta_trust_set_rank(t, "OF1082", 5, 5), TA_OK);
    ck_assert_int_eq(ta_trust_set_rank(t, "OF0082", 1, 2), TA_OK);
    ck_assert_int_eq(ta_trust_set_rank(t, "OF1082", 205, 205), TA_OK);
    ck_assert_int_eq(ta_trust_set_rank(NULL, "OF1082", 1, 2), TA_EINVAL);
    ta_trust_free(t);
}
END_TEST

START_TEST(test_unknown_metric)
{
    ta_trust *t = new_trust("RWX");
    int has = 0;

    ck_assert_int_eq(ta_trust_set_value(t, "OF9999", 1), TA_ENOTFOUND);
    assert_has(ta_trust_error(t), "\"OF9999\"");
    assert_has(ta_trust_error(t), "RWX");
    assert_has(ta_trust_error(t), "nof-2025-26");
    ck_assert_int_eq(ta_trust_set_score(t, "OF1234", 2), TA_ENOTFOUND);
    assert_has(ta_trust_error(t), "\"OF1234\"");
    /* Domain-score and figure IDs of the framework are not metrics. */
    ck_assert_int_eq(ta_trust_set_score(t, "OF4000", 2), TA_ENOTFOUND);
    assert_has(ta_trust_error(t), "\"OF4000\"");
    ck_assert_int_eq(ta_trust_set_value(t, "OF5002", 2), TA_ENOTFOUND);
    ck_assert_int_eq(ta_trust_set_score(t, "", 2), TA_ENOTFOUND);
    ck_assert_int_eq(ta_trust_clear_metric(t, "OF9999"), TA_ENOTFOUND);
    ck_assert_int_eq(trust_metric(&has, NULL, NULL, NULL, t, "OF9999"), TA_ENOTFOUND);
    ck_assert_int_eq(trust_metric(&has, NULL, NULL, NULL, t, "of1005"), TA_ENOTFOUND);
    ta_trust_free(t);
}
END_TEST

START_TEST(test_raw_and_score_id_same_metric)
{
    ta_trust *t = new_trust("RWX");
    int has_value, has_score;
    double value, score;

    ck_assert_int_eq(ta_trust_set_score(t, "OF0082", 2.5), TA_OK);
    ck_assert_int_eq(ta_trust_set_value(t, "OF1082", 4.75), TA_OK);
    ck_assert_int_eq(trust_metric(&has_value, &value, &has_score, &score, t, "OF1082"), TA_OK);
    ck_assert_int_eq(has_value, 1);
    ck_assert_int_eq(has_score, 1);
    ck_assert_double_eq(value, 4.75);
    ck_assert_double_eq(score, 2.5);
    ck_assert_int_eq(trust_metric(&has_value, &value, &has_score, &score, t, "OF0082"), TA_OK);
    ck_assert_double_eq(value, 4.75);
    ck_assert_double_eq(score, 2.5);
    /* Other metrics are untouched. */
    ck_assert_int_eq(trust_metric(&has_value, NULL, &has_score, NULL, t, "OF1084"), TA_OK);
    ck_assert_int_eq(has_value, 0);
    ck_assert_int_eq(has_score, 0);
    ta_trust_free(t);
}
END_TEST

/* clear_metric removes the value, score and rank: an assessment of the trust
 * then has nothing for it. */
/* Rule: ta_trust_metric_value writes *value only when the metric has a
 * value (left alone otherwise), and takes a NULL value pointer either way. */
START_TEST(test_metric_value_left_alone_and_null_out)
{
    ta_trust *t = new_trust("RV");
    int has = -1;
    double v = -7;
    ck_assert_int_eq(ta_trust_metric_value(&has, &v, t, "OF0005"), TA_OK);
    ck_assert_int_eq(has, 0);
    ck_assert_double_eq(v, -7);
    ck_assert_int_eq(ta_trust_set_value(t, "OF0005", 3.25), TA_OK);
    ck_assert_int_eq(ta_trust_metric_value(&has, NULL, t, "OF0005"), TA_OK);
    ck_assert_int_eq(has, 1);
    ck_assert_int_eq(ta_trust_metric_value(NULL, &v, t, "OF0005"), TA_OK);
    ck_assert_double_eq(v, 3.25);
    ta_trust_free(t);
}
END_TEST

START_TEST(test_clear_metric)
{
    ta_trust *t = new_trust("RWX");
    ta_assessment *a = NULL;
    int has_value, has_score, has, segmented;
    double score;
    size_t m_sick, m_eng;

    ck_assert_int_eq(ta_framework_metric_index(&m_sick, fw, "OF1082"), TA_OK);
    ck_assert_int_eq(ta_framework_metric_index(&m_eng, fw, "OF1084"), TA_OK);
    ck_assert_int_eq(ta_trust_set_value(t, "OF0082", 4.1), TA_OK);
    ck_assert_int_eq(ta_trust_set_score(t, "OF1082", 3.0), TA_OK);
    ck_assert_int_eq(ta_trust_set_rank(t, "OF1082", 3, 9), TA_OK);
    ck_assert_int_eq(ta_trust_set_rank(t, "OF1084", 3, 9), TA_OK);

    /* Before clearing: the supplied score wins; the rank alone scores OF1084. */
    ck_assert_int_eq(ta_assessment_new(&a, fw, NULL), TA_OK);
    ck_assert_int_eq(ta_assessment_add_trust(a, t), TA_OK);
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    ck_assert_int_eq(ta_assessment_metric_score(&has, &score, a, 0, m_sick), TA_OK);
    ck_assert_int_eq(has, 1);
    ck_assert_double_eq(score, 3.0);
    ck_assert_int_eq(ta_assessment_metric_score(&has, &score, a, 0, m_eng), TA_OK);
    ck_assert_int_eq(has, 1);
    ck_assert_double_eq_tol(score, 1.0 + 3.0 * 2.0 / 8.0, 1e-12);
    ta_assessment_free(a);

    ck_assert_int_eq(ta_trust_clear_metric(t, "OF0082"), TA_OK);
    ck_assert_int_eq(ta_trust_clear_metric(t, "OF1084"), TA_OK);
    ck_assert_int_eq(trust_metric(&has_value, NULL, &has_score, NULL, t, "OF1082"), TA_OK);
    ck_assert_int_eq(has_value, 0);
    ck_assert_int_eq(has_score, 0);
    ck_assert_int_eq(ta_assessment_new(&a, fw, NULL), TA_OK);
    ck_assert_int_eq(ta_assessment_add_trust(a, t), TA_OK);
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    ck_assert_int_eq(ta_assessment_metric_score(&has, &score, a, 0, m_sick), TA_OK);
    ck_assert_int_eq(has, 0);
    ck_assert_int_eq(ta_assessment_metric_score(&has, &score, a, 0, m_eng), TA_OK);
    ck_assert_int_eq(has, 0);
    ck_assert_int_eq(ta_assessment_is_segmented(&segmented, a, 0), TA_OK);
    ck_assert_int_eq(segmented, 0);
    ta_assessment_free(a);
    ck_assert_int_eq(ta_trust_clear_metric(t, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_trust_clear_metric(NULL, "OF1082"), TA_EINVAL);
    ta_trust_free(t);
}
END_TEST

/* Every byte of a trust comes from its allocator and goes back to it; each
 * allocation failing in turn gives TA_ENOMEM and leaks nothing. */
START_TEST(test_trust_allocator)
{
    for (size_t n = 1;; n++) {
        af_counter c = {0};
        ta_allocator a = af_allocator(&c);
        ta_trust *t = (ta_trust *)&t;
        ta_status st;

        af_fail_in(&c, n);
        st = ta_trust_new(&t, fw, "RWX", &a);
        if (st == TA_OK)
            st = ta_trust_set_field(t, TA_FIELD_NAME, "A trust");
        if (!c.failed) {
            ck_assert_int_eq(st, TA_OK);
            ck_assert_uint_gt(c.live, 0);
            ck_assert_str_eq(ta_trust_field_value(t, TA_FIELD_NAME), "A trust");
            ta_trust_free(t);
            ck_assert_uint_eq(c.live, 0);
            break;
        }
        ck_assert_int_eq(st, TA_ENOMEM);
        if (t != NULL) { /* the field failed: the trust is intact */
            ck_assert_str_eq(ta_trust_field_value(t, TA_FIELD_NAME), "");
            assert_has(ta_trust_error(t), "out of memory");
            ta_trust_free(t);
        }
        ck_assert_uint_eq(c.live, 0);
    }
}
END_TEST

/* Rule: a new trust marks each of its metrics "not given" and writes nothing
 * past its per-metric arrays (a guarding allocator checks every block when it
 * is freed). */
START_TEST(test_new_trust_writes_within_its_metric_arrays)
{
    ag_state g = {0};
    ta_allocator a = ag_allocator(&g);
    ta_trust *t = NULL;
    int has_value = -1, has_score = -1;
    ck_assert_int_eq(ta_trust_new(&t, fw, "RX1", &a), TA_OK);
    ck_assert_int_eq(trust_metric(&has_value, NULL, &has_score, NULL, t, "OF1035"), TA_OK);
    ck_assert_int_eq(has_value, 0);
    ck_assert_int_eq(has_score, 0);
    ta_trust_free(t);
    ck_assert_uint_eq(g.overruns, 0);
    ck_assert_uint_eq(g.live, 0);
}
END_TEST

static Suite *trust_suite(void)
{
    Suite *s = suite_create("trust");
    TCase *tc = tcase_create("core");

    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_code_validation);
    tcase_add_test(tc, test_fields);
    tcase_add_test(tc, test_flags_and_status);
    tcase_add_test(tc, test_values);
    tcase_add_test(tc, test_scores);
    tcase_add_test(tc, test_ranks);
    tcase_add_test(tc, test_unknown_metric);
    tcase_add_test(tc, test_raw_and_score_id_same_metric);
    tcase_add_test(tc, test_clear_metric);
    tcase_add_test(tc, test_metric_value_left_alone_and_null_out);
    tcase_add_test(tc, test_trust_allocator);
    tcase_add_test(tc, test_new_trust_writes_within_its_metric_arrays);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(trust_suite());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
