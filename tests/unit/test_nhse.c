/*
 * Tests of lib/io/nhse.c and lib/nof/published*.c (include/trustassess/nhse.h): NHS England's real
 * mental health and community trust file read whole (rows, periods, published
 * figures, the cut-offs the published segments imply, assessments from scores
 * and from values), every malformation in small files written here with the
 * exact line and column named, the handle's state rules, and an
 * allocation-failure sweep over reading a fixture cut from the real file.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc_fail.h"
#include "alloc_guard.h"
#include "trustassess/assessment.h"
#include "trustassess/framework.h"
#include "trustassess/nhse.h"

#define DATA_FILE TA_TEST_DATA_DIR "/mental-health-and-community-trust-data-q1-q4.csv"
#define MH_TYPE "Mental health and community trust"
#define HEADER                                                                                     \
    "Quarter,Region,Trust_type,Trust_subtype,Trust_code,Trust_name,Domain,Sub-domain,"             \
    "Metric_ID,Metric_description,Reporting_date,Units,Value,Median_value,Lower_quartile,"         \
    "Upper_quartile,Rank\n"

#define assert_has(text, word)                                                                     \
    ck_assert_msg(strstr((text), (word)) != NULL, "\"%s\" does not contain \"%s\"", (text), (word))

/* A published figure's value and rank, through both getters (which must agree on the status). */
static ta_status published_with_rank(int *has, double *value, int *has_rank, double *rank,
                                     const ta_nhse_file *nf, const char *period, const char *code,
                                     const char *id)
{
    ta_status a = ta_nhse_file_published(has, value, nf, period, code, id);
    ta_status b = ta_nhse_file_published_rank(has_rank, rank, nf, period, code, id);
    ck_assert_int_eq(a, b);
    return a;
}

static ta_framework *fw;
static ta_nhse_file *real; /* the real file, read once per test */

static void setup(void)
{
    ck_assert_int_eq(ta_framework_preset(&fw, "nof-2025-26", NULL), TA_OK);
}

static void teardown(void)
{
    ta_nhse_file_free(real);
    real = NULL;
    ta_framework_free(fw);
    fw = NULL;
}

static ta_nhse_file *read_real(void)
{
    ck_assert_int_eq(ta_nhse_file_new(&real, fw, NULL), TA_OK);
    ck_assert_msg(ta_nhse_file_read_file(real, DATA_FILE) == TA_OK, "%s", ta_nhse_file_error(real));
    return real;
}

/* Appends one data row to buf (LF-terminated). */
static void add_row(char *buf, size_t size, const char *quarter, const char *type, const char *code,
                    const char *metric, const char *value, const char *rank)
{
    size_t len = strlen(buf);
    int n = snprintf(buf + len, size - len,
                     "%s,London,%s,Community,%s,Trust %s,Dom,Sub,%s,Desc,Jun-25,%%,%s,,,,%s\n",
                     quarter, type, code, code, metric, value, rank);
    ck_assert(n > 0 && (size_t)n < size - len);
}

/* The 1-based byte column of field k (0-based) of a line without quotes. */
static size_t column_of(const char *line, int k)
{
    size_t col = 1;
    for (const char *p = line; k > 0 && *p; p++, col++)
        if (*p == ',')
            k--;
    return col;
}

/* Reads text into a fresh handle named "t.csv": the status. */
static ta_status read_text(ta_nhse_file **out, const char *text)
{
    ck_assert_int_eq(ta_nhse_file_new(out, fw, NULL), TA_OK);
    return ta_nhse_file_read_buffer(*out, text, strlen(text), "t.csv");
}

/* Expects a failed read to leave the handle empty. */
static void assert_empty(const ta_nhse_file *f)
{
    size_t p;
    int has = 1;
    ck_assert_uint_eq(ta_nhse_file_row_count(f), 0);
    ck_assert_uint_eq(ta_nhse_file_period_count(f), 0);
    ck_assert_uint_eq(ta_nhse_file_trust_type_count(f), 0);
    ck_assert_ptr_null(ta_nhse_file_period(f, 0));
    ck_assert_int_eq(ta_nhse_file_find_period(&p, f, "Q1"), TA_ENOTFOUND);
    ck_assert_int_eq(ta_nhse_file_published(&has, NULL, f, "Q1 2025/26", "A", "OF1035"), TA_OK);
    ck_assert_int_eq(has, 0);
}

/* ---- the real file ---------------------------------------------------- */

/* Rule: reading NHS England's file writes only inside the blocks the reader
 * allocates (the file and layout lists of a first file included), checked
 * with a guarding allocator, no sanitizer needed. */
START_TEST(test_reading_stays_inside_its_blocks)
{
    ag_state g = {0};
    ta_allocator a = ag_allocator(&g);
    ta_nhse_file *f = NULL;
    ck_assert_int_eq(ta_nhse_file_new(&f, fw, &a), TA_OK);
    ck_assert_msg(ta_nhse_file_read_file(f, DATA_FILE) == TA_OK, "%s", ta_nhse_file_error(f));
    ta_nhse_file_free(f);
    ck_assert_uint_eq(g.overruns, 0);
    ck_assert_uint_eq(g.live, 0);
}
END_TEST

START_TEST(test_real_file_shape)
{
    ta_nhse_file *f = read_real();
    static const char *const periods[4] = {"Q1 2025/26", "Q2 2025/26", "Q3 2025/26", "Q4 2025/26"};
    size_t p = 99;

    ck_assert_str_eq(ta_nhse_file_error(f), "");
    ck_assert_uint_eq(ta_nhse_file_row_count(f), 8771);
    ck_assert_uint_eq(ta_nhse_file_period_count(f), 4);
    for (size_t i = 0; i < 4; i++)
        ck_assert_str_eq(ta_nhse_file_period(f, i), periods[i]);
    ck_assert_ptr_null(ta_nhse_file_period(f, 4));
    ck_assert_uint_eq(ta_nhse_file_trust_type_count(f), 1);
    ck_assert_str_eq(ta_nhse_file_trust_type(f, 0), MH_TYPE);
    ck_assert_ptr_null(ta_nhse_file_trust_type(f, 1));

    ck_assert_int_eq(ta_nhse_file_find_period(&p, f, "Q4"), TA_OK);
    ck_assert_uint_eq(p, 3);
    ck_assert_int_eq(ta_nhse_file_find_period(&p, f, "Q4 2025/26"), TA_OK);
    ck_assert_uint_eq(p, 3);
    ck_assert_int_eq(ta_nhse_file_find_period(&p, f, "Q1"), TA_OK);
    ck_assert_uint_eq(p, 0);
    ck_assert_int_eq(ta_nhse_file_find_period(&p, f, "Q5"), TA_ENOTFOUND);
    ck_assert_int_eq(ta_nhse_file_find_period(&p, f, "Q"), TA_ENOTFOUND);
    ck_assert_int_eq(ta_nhse_file_find_period(&p, f, "q4"), TA_ENOTFOUND);
    ck_assert_int_eq(ta_nhse_file_find_period(&p, f, ""), TA_ENOTFOUND);
    ck_assert_int_eq(ta_nhse_file_find_period(&p, f, "Q4 2025/2"), TA_ENOTFOUND);
    ck_assert_int_eq(ta_nhse_file_find_period(NULL, f, "Q4"), TA_EINVAL);
    ck_assert_int_eq(ta_nhse_file_find_period(&p, f, NULL), TA_EINVAL);
}
END_TEST

START_TEST(test_real_file_published)
{
    ta_nhse_file *f = read_real();
    int has = -1, has_rank = -1;
    double value = 0, rank = 0;

    ck_assert_int_eq(
        published_with_rank(&has, &value, &has_rank, &rank, f, "Q4 2025/26", "RWX", "OF5002"),
        TA_OK);
    ck_assert_int_eq(has, 1);
    ck_assert_double_eq(value, 2.11);
    ck_assert_int_eq(
        published_with_rank(&has, &value, &has_rank, &rank, f, "Q4 2025/26", "RWX", "OF5000"),
        TA_OK);
    ck_assert_int_eq(has, 1);
    ck_assert_double_eq(value, 2);
    ck_assert_int_eq(has_rank, 1);
    ck_assert_double_eq(rank, 15);
    ck_assert_int_eq(
        published_with_rank(&has, &value, &has_rank, &rank, f, "Q4 2025/26", "RWX", "OF5003"),
        TA_OK);
    ck_assert_int_eq(has, 1);
    ck_assert_double_eq(value, 2);
    ck_assert_int_eq(has_rank, 0);
    ck_assert_int_eq(ta_nhse_file_published(&has, &value, f, "Q4 2025/26", "RWX", "OF5004"), TA_OK);
    ck_assert_double_eq(value, 0);
    /* OF5005 and OF5007 are published for Q1 and Q2 only. */
    ck_assert_int_eq(ta_nhse_file_published(&has, NULL, f, "Q4 2025/26", "RWX", "OF5007"), TA_OK);
    ck_assert_int_eq(has, 0);
    ck_assert_int_eq(ta_nhse_file_published(&has, NULL, f, "Q1 2025/26", "RWX", "OF5007"), TA_OK);
    ck_assert_int_eq(has, 1);
    /* Raw values are figures too. */
    ck_assert_int_eq(
        published_with_rank(&has, &value, &has_rank, &rank, f, "Q1 2025/26", "R1A", "OF0005"),
        TA_OK);
    ck_assert_int_eq(has, 1);
    ck_assert_double_eq(value, 9.03);
    ck_assert_double_eq(rank, 33);
    /* Absent rows: has = 0, TA_OK. */
    ck_assert_int_eq(ta_nhse_file_published(&has, &value, f, "Q4 2025/26", "NOPE", "OF5002"),
                     TA_OK);
    ck_assert_int_eq(has, 0);
    ck_assert_int_eq(ta_nhse_file_published(&has, NULL, f, "Q9 2025/26", "RWX", "OF5002"), TA_OK);
    ck_assert_int_eq(has, 0);
    ck_assert_int_eq(ta_nhse_file_published(&has, NULL, f, "Q4 2025/26", "RWX", "OF9999"), TA_OK);
    ck_assert_int_eq(has, 0);
    ck_assert_int_eq(ta_nhse_file_published(NULL, NULL, f, "Q4 2025/26", "RWX", "OF5002"),
                     TA_EINVAL);
    ck_assert_int_eq(ta_nhse_file_published(&has, NULL, f, NULL, "RWX", "OF5002"), TA_EINVAL);
    ck_assert_int_eq(ta_nhse_file_published(&has, NULL, NULL, "Q4 2025/26", "RWX", "OF5002"),
                     TA_EINVAL);
    /* The rank getter: an absent row has no rank; its checks mirror the value's. */
    has_rank = 1;
    ck_assert_int_eq(
        ta_nhse_file_published_rank(&has_rank, NULL, f, "Q4 2025/26", "NOPE", "OF5002"), TA_OK);
    ck_assert_int_eq(has_rank, 0);
    ck_assert_int_eq(ta_nhse_file_published_rank(NULL, &rank, f, "Q4 2025/26", "RWX", "OF5002"),
                     TA_EINVAL);
    ck_assert_int_eq(
        ta_nhse_file_published_rank(&has_rank, &rank, NULL, "Q4 2025/26", "RWX", "OF5002"),
        TA_EINVAL);
    ck_assert_int_eq(ta_nhse_file_published_rank(&has_rank, &rank, f, "Q4 2025/26", NULL, "OF5002"),
                     TA_EINVAL);
}
END_TEST

START_TEST(test_real_file_published_cutoffs)
{
    ta_nhse_file *f = read_real();
    double cut[3];

    for (size_t p = 0; p < 4; p++) {
        const char *period = ta_nhse_file_period(f, p);
        ck_assert_int_eq(ta_nhse_file_published_cutoffs(cut, 3, f, period), TA_OK);
        for (int k = 0; k < 3; k++) {
            ck_assert_msg(cut[k] >= 1 && cut[k] <= 4, "%s cut-off %d = %g", period, k, cut[k]);
            if (k > 0)
                ck_assert_msg(cut[k] > cut[k - 1], "%s cut-offs not ascending", period);
        }
    }
    /* Q4: the published averages of RWX (2.11, segment 2) lie above cut-off 1,
     * at or below cut-off 2. */
    ck_assert_int_eq(ta_nhse_file_published_cutoffs(cut, 3, f, "Q4 2025/26"), TA_OK);
    ck_assert(2.11 > cut[0] && 2.11 <= cut[1]);
    ck_assert_int_eq(ta_nhse_file_published_cutoffs(cut, 2, f, "Q4 2025/26"), TA_EINVAL);
    ck_assert_int_eq(ta_nhse_file_published_cutoffs(NULL, 3, f, "Q4 2025/26"), TA_EINVAL);
    ck_assert_int_eq(ta_nhse_file_published_cutoffs(cut, 3, f, "Q4"), TA_ENOTFOUND);
    assert_has(ta_nhse_file_error(f), "Q4");
    ck_assert_int_eq(ta_nhse_file_published_cutoffs(cut, 3, NULL, "Q4 2025/26"), TA_EINVAL);
}
END_TEST

START_TEST(test_real_file_assessment_from_scores)
{
    ta_nhse_file *f = read_real();
    ta_assessment *a = NULL;
    double cut[3];
    size_t i, m, n_trusts, rounding_diffs = 0, rwx;
    static const char *const differ[4] = {"RXE", "RWV", "RNK", "RX2"};

    ck_assert_int_eq(ta_nhse_file_assessment(&a, f, "Q4 2025/26", NULL, TA_FROM_SCORES), TA_OK);
    ck_assert_str_eq(ta_assessment_period(a), "Q4 2025/26");
    /* The published scores as given (no reconstruction from pool sizes). */
    ck_assert_int_eq(ta_assessment_set_reconstruct(a, 0), TA_OK);
    n_trusts = ta_assessment_trust_count(a);
    ck_assert_uint_eq(n_trusts, 61);
    ck_assert_int_eq(ta_nhse_file_published_cutoffs(cut, 3, f, "Q4 2025/26"), TA_OK);
    ck_assert_int_eq(ta_assessment_set_cutoffs(a, 3, cut), TA_OK);
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    ck_assert_int_eq(ta_assessment_find_trust(&rwx, a, "RWX"), TA_OK);
    ck_assert_str_eq(ta_assessment_trust_field(a, rwx, TA_FIELD_NAME),
                     "Berkshire Healthcare NHS Foundation Trust");
    ck_assert_str_eq(ta_assessment_trust_field(a, rwx, TA_FIELD_TYPE), MH_TYPE);
    ck_assert_int_eq(ta_assessment_trust_flag(a, rwx, TA_FLAG_FINANCIAL_DEFICIT), TA_NO);
    ck_assert_int_eq(ta_assessment_trust_flag(a, rwx, TA_FLAG_RECOVERY_SUPPORT), TA_UNKNOWN);

    for (i = 0; i < n_trusts; i++) {
        const char *code = ta_assessment_trust_code(a, i);
        double rounded, avg, seg, rank;
        int has, has_rank, adj;
        uint32_t r;
        /* Every metric score is the published one. */
        for (m = 0; m < ta_framework_metric_count(fw); m++) {
            double published = 0, score = 0;
            int has_score = 0;
            ck_assert_int_eq(ta_nhse_file_published(&has, &published, f, "Q4 2025/26", code,
                                                    ta_framework_metric_id(fw, m)),
                             TA_OK);
            ck_assert_int_eq(ta_assessment_metric_score(&has_score, &score, a, i, m), TA_OK);
            ck_assert_int_eq(has_score, has);
            if (has)
                ck_assert_double_eq(score, published);
        }
        /* The average agrees with the published one but for 4 rounding differences. */
        ck_assert_int_eq(ta_assessment_average(NULL, &rounded, NULL, a, i), TA_OK);
        ck_assert_int_eq(ta_nhse_file_published(&has, &avg, f, "Q4 2025/26", code, "OF5002"),
                         TA_OK);
        ck_assert_int_eq(has, 1);
        ck_assert_double_le_tol(fabs(rounded - avg), 0.01, 1e-9);
        if (fabs(rounded - avg) > 1e-9) {
            int listed = 0;
            for (int k = 0; k < 4; k++)
                listed |= strcmp(code, differ[k]) == 0;
            ck_assert_msg(listed, "%s: average %.2f, published %.2f", code, rounded, avg);
            rounding_diffs++;
            continue;
        }
        /* With the same average and the published cut-offs: the same adjusted
         * segment. */
        ck_assert_int_eq(ta_assessment_segments(NULL, &adj, NULL, a, i), TA_OK);
        ck_assert_int_eq(
            published_with_rank(&has, &seg, &has_rank, &rank, f, "Q4 2025/26", code, "OF5000"),
            TA_OK);
        ck_assert_msg(adj == (int)seg, "%s: segment %d, published %g", code, adj, seg);
        ck_assert_int_eq(ta_assessment_rank(&r, a, i), TA_OK);
        ck_assert_int_eq(has_rank, 1);
    }
    ck_assert_uint_eq(rounding_diffs, 4);
    ck_assert_uint_eq(ta_assessment_league_count(a), 61);
    ta_assessment_free(a);

    /* By default the preset's pool sizes turn each published score into the
     * unrounded one it rounds from: every score still rounds to the published
     * one, some are no longer 2-decimal, and every average is the published
     * one, with nothing noted. */
    ck_assert_int_eq(ta_nhse_file_assessment(&a, f, "Q4 2025/26", NULL, TA_FROM_SCORES), TA_OK);
    ck_assert_int_eq(ta_assessment_set_cutoffs(a, 3, cut), TA_OK);
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    ck_assert_uint_eq(ta_assessment_note_count(a), 0);
    {
        size_t unrounded = 0;
        for (i = 0; i < n_trusts; i++) {
            const char *code = ta_assessment_trust_code(a, i);
            double rounded, avg;
            int has;
            for (m = 0; m < ta_framework_metric_count(fw); m++) {
                double published = 0, score = 0, r2 = 0;
                int has_score = 0;
                ck_assert_int_eq(ta_nhse_file_published(&has, &published, f, "Q4 2025/26", code,
                                                        ta_framework_metric_id(fw, m)),
                                 TA_OK);
                ck_assert_int_eq(ta_assessment_metric_score(&has_score, &score, a, i, m), TA_OK);
                ck_assert_int_eq(has_score, has);
                if (!has)
                    continue;
                ck_assert_int_eq(ta_decimal_round(&r2, score, 2), TA_OK);
                ck_assert_double_eq_tol(r2, published, 1e-9);
                unrounded += fabs(score - published) > 1e-9;
            }
            ck_assert_int_eq(ta_assessment_average(NULL, &rounded, NULL, a, i), TA_OK);
            ck_assert_int_eq(ta_nhse_file_published(&has, &avg, f, "Q4 2025/26", code, "OF5002"),
                             TA_OK);
            ck_assert_msg(fabs(rounded - avg) < 1e-9, "%s: average %.2f, published %.2f", code,
                          rounded, avg);
        }
        ck_assert_uint_gt(unrounded, 200);
    }
    ta_assessment_free(a);

    /* One trust type, by name; unknown type, unknown period, bad source, NULLs. */
    ck_assert_int_eq(ta_nhse_file_assessment(&a, f, "Q1 2025/26", MH_TYPE, TA_FROM_SCORES), TA_OK);
    ck_assert_uint_eq(ta_assessment_trust_count(a), 61);
    ck_assert_int_eq(ta_assessment_find_trust(&rwx, a, "RWX"), TA_OK);
    ck_assert_int_ne(ta_assessment_trust_flag(a, rwx, TA_FLAG_RECOVERY_SUPPORT), TA_UNKNOWN);
    ta_assessment_free(a);
    a = (ta_assessment *)&a;
    ck_assert_int_eq(ta_nhse_file_assessment(&a, f, "Q1 2025/26", "Acute trust", TA_FROM_SCORES),
                     TA_ENOTFOUND);
    ck_assert_ptr_null(a);
    assert_has(ta_nhse_file_error(f), "Acute trust");
    ck_assert_int_eq(ta_nhse_file_assessment(&a, f, "Q5 2025/26", NULL, TA_FROM_SCORES),
                     TA_ENOTFOUND);
    assert_has(ta_nhse_file_error(f), "Q5 2025/26");
    ck_assert_int_eq(ta_nhse_file_assessment(&a, f, "Q1 2025/26", NULL, (ta_nhse_source)2),
                     TA_EINVAL);
    ck_assert_int_eq(ta_nhse_file_assessment(&a, f, NULL, NULL, TA_FROM_SCORES), TA_EINVAL);
    ck_assert_int_eq(ta_nhse_file_assessment(NULL, f, "Q1 2025/26", NULL, TA_FROM_SCORES),
                     TA_EINVAL);
    ck_assert_int_eq(ta_nhse_file_assessment(&a, NULL, "Q1 2025/26", NULL, TA_FROM_SCORES),
                     TA_EINVAL);
}
END_TEST

START_TEST(test_real_file_assessment_from_values)
{
    ta_nhse_file *f = read_real();
    ta_assessment *a = NULL;
    size_t n, m_supplied, m_plan, m_var, m_combined, m_rank;

    ck_assert_int_eq(ta_framework_metric_index(&m_supplied, fw, "OF1035"), TA_OK);
    ck_assert_int_eq(ta_framework_metric_index(&m_plan, fw, "OF1079"), TA_OK);
    ck_assert_int_eq(ta_framework_metric_index(&m_var, fw, "OF1081"), TA_OK);
    ck_assert_int_eq(ta_framework_metric_index(&m_combined, fw, "OF1080"), TA_OK);
    ck_assert_int_eq(ta_framework_metric_index(&m_rank, fw, "OF1061"), TA_OK);
    ck_assert_int_eq(ta_nhse_file_assessment(&a, f, "Q4 2025/26", NULL, TA_FROM_VALUES), TA_OK);
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    n = ta_assessment_trust_count(a);
    ck_assert_uint_eq(n, 61);
    for (size_t i = 0; i < n; i++) {
        const char *code = ta_assessment_trust_code(a, i);
        double published, score, value;
        int has, has_score, has_value;
        /* Supplied-score metrics still come from OF1xxx. */
        ck_assert_int_eq(ta_nhse_file_published(&has, &published, f, "Q4 2025/26", code, "OF1035"),
                         TA_OK);
        ck_assert_int_eq(ta_assessment_metric_score(&has_score, &score, a, i, m_supplied), TA_OK);
        ck_assert_int_eq(has_score, has);
        if (has)
            ck_assert_double_eq(score, published);
        /* Banded scores come from the raw values by the preset's cut points. */
        ck_assert_int_eq(
            ta_nhse_file_published(&has_value, &value, f, "Q4 2025/26", code, "OF0079"), TA_OK);
        ck_assert_int_eq(ta_assessment_metric_score(&has_score, &score, a, i, m_plan), TA_OK);
        ck_assert_int_eq(has_score, has_value);
        if (has_value)
            ck_assert_double_eq(score, value >= 0 ? 1 : value >= -1 ? 2 : value >= -2 ? 3 : 4);
        /* Rank-scored metrics are ranked within these 61 trusts: scores in [1, 4]. */
        ck_assert_int_eq(
            ta_nhse_file_published(&has_value, &value, f, "Q4 2025/26", code, "OF0061"), TA_OK);
        ck_assert_int_eq(ta_assessment_metric_score(&has_score, &score, a, i, m_rank), TA_OK);
        ck_assert_int_eq(has_score, has_value);
        if (has_value)
            ck_assert(score >= 1 && score <= 4);
    }
    ta_assessment_free(a);
}
END_TEST

/* ---- malformed inputs ------------------------------------------------- */

START_TEST(test_missing_column)
{
    ta_nhse_file *f = NULL;
    const char *text = "Quarter,Region,Trust_type,Trust_subtype,Trust_code,Trust_name,Metric_ID,"
                       "Value\nQ1 2025/26,London,T,S,A,Name,OF1035,2.0\n";

    ck_assert_int_eq(read_text(&f, text), TA_EPARSE);
    ck_assert_str_eq(ta_nhse_file_error(f), "t.csv:1: missing column \"Rank\"");
    assert_empty(f);
    ta_nhse_file_free(f);
    /* Columns may come in any order; extra columns are ignored. */
    text = "Rank,Value,Metric_ID,Trust_name,Trust_code,Trust_subtype,Trust_type,Region,Quarter,"
           "Extra\n,2.5,OF1035,Name,A,S,T,London,Q1 2025/26,x\n";
    ck_assert_int_eq(read_text(&f, text), TA_OK);
    ck_assert_uint_eq(ta_nhse_file_row_count(f), 1);
    ck_assert_str_eq(ta_nhse_file_trust_type(f, 0), "T");
    ta_nhse_file_free(f);
    /* A row too short for a needed column. */
    text = HEADER "Q1 2025/26,London,T,S,A,Name,D,SD,OF1035,Desc,Jun-25,%,2.0\n";
    ck_assert_int_eq(read_text(&f, text), TA_EPARSE);
    ck_assert_str_eq(ta_nhse_file_error(f),
                     "t.csv:2: the row has 13 fields; column \"Rank\" is missing");
    assert_empty(f);
    ta_nhse_file_free(f);
    /* Every needed column is checked, the first of them (Quarter) too: here
     * it is the last field, and the row stops before it. */
    text = "Region,Trust_type,Trust_subtype,Trust_code,Trust_name,Metric_ID,Value,Rank,Quarter\n"
           "London,T,S,A,Name,OF1035,2.0,\n";
    ck_assert_int_eq(read_text(&f, text), TA_EPARSE);
    ck_assert_str_eq(ta_nhse_file_error(f),
                     "t.csv:2: the row has 8 fields; column \"Quarter\" is missing");
    assert_empty(f);
    ta_nhse_file_free(f);
}
END_TEST

/* Rule: the layout is a league table only when the header has Average_score
 * and no Metric_ID. A long file with an extra Average_score column is read
 * as long; a header with neither is a long file missing Metric_ID. */
START_TEST(test_layout_detection)
{
    ta_nhse_file *f = NULL;
    const char *text = "Quarter,Region,Trust_type,Trust_subtype,Trust_code,Trust_name,Metric_ID,"
                       "Value,Rank,Average_score\nQ1 2025/26,London,T,S,A,Name,OF1035,2.0,,9.9\n"
                       "Q1 2025/26,London,T,S,A,Name,OF1061,3.0,,9.9\n";

    ck_assert_int_eq(read_text(&f, text), TA_OK);
    ck_assert_uint_eq(ta_nhse_file_row_count(f), 2);
    ck_assert_str_eq(ta_nhse_file_trust_type(f, 0), "T");
    ta_nhse_file_free(f);
    text = "Quarter,Region,Trust_type,Trust_subtype,Trust_code,Trust_name,Value,Rank,Segment,"
           "Trust_in_financial_deficit\nQ1 2025/26,London,T,S,A,Name,2.0,1.0,1.0,No\n";
    ck_assert_int_eq(read_text(&f, text), TA_EPARSE);
    ck_assert_str_eq(ta_nhse_file_error(f), "t.csv:1: missing column \"Metric_ID\"");
    assert_empty(f);
    ta_nhse_file_free(f);
}
END_TEST

START_TEST(test_bad_value_and_rank)
{
    ta_nhse_file *f = NULL;
    char text[2048] = HEADER, bad[256] = "", want[128];
    const char *line;

    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "A", "OF1035", "2.0", "");
    add_row(bad, sizeof bad, "Q1 2025/26", MH_TYPE, "B", "OF1035", "abc", "");
    strcat(text, bad);
    ck_assert_int_eq(read_text(&f, text), TA_EPARSE);
    snprintf(want, sizeof want, "t.csv:3:%zu: Value is not a number: \"abc\"", column_of(bad, 12));
    ck_assert_str_eq(ta_nhse_file_error(f), want);
    assert_empty(f);
    ta_nhse_file_free(f);

    /* A decimal comma is not a number either. */
    strcpy(text, HEADER "Q1 2025/26,London,T,S,A,N,D,SD,OF1035,Desc,Jun-25,%,\"2,5\",,,,\n");
    ck_assert_int_eq(read_text(&f, text), TA_EPARSE);
    assert_has(ta_nhse_file_error(f), "t.csv:2:");
    assert_has(ta_nhse_file_error(f), "2,5");
    ta_nhse_file_free(f);

    strcpy(text, HEADER);
    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "A", "OF5000", "2", "first");
    line = text + strlen(HEADER);
    ck_assert_int_eq(read_text(&f, text), TA_EPARSE);
    snprintf(want, sizeof want, "t.csv:2:%zu: Rank is not a number: \"first\"",
             column_of(line, 16));
    ck_assert_str_eq(ta_nhse_file_error(f), want);
    ta_nhse_file_free(f);

    /* An average outside 1 to 4, a segment that is no segment, a Rank that is no
     * rank: refused where they are read, naming the cell (1e30 and -1e30 would
     * not fit an int; 4.0 and 1 are the boundaries that pass). */
    {
        static const struct {
            const char *id, *value, *rank, *fragment;
            int field;
        } cases[] = {
            {"OF5002", "4.01", "", "OF5002 must be an average score from 1 to 4, not \"4.01\"", 12},
            {"OF5002", "0.99", "", "OF5002 must be an average score from 1 to 4, not \"0.99\"", 12},
            {"OF5000", "2.5", "1", "OF5000 must be a whole-number segment from 1 to 4", 12},
            {"OF5003", "5", "", "OF5003 must be a whole-number segment from 1 to 4, not \"5\"", 12},
            {"OF5003", "0", "", "OF5003 must be a whole-number segment from 1 to 4, not \"0\"", 12},
            {"OF5000", "1e30", "1", "OF5000 must be a whole-number segment", 12},
            {"OF5000", "-1e30", "1", "OF5000 must be a whole-number segment", 12},
            {"OF5000", "1", "0", "the Rank of OF5000 must be a whole number from 1, not \"0\"", 16},
            {"OF5000", "1", "3.5", "the Rank of OF5000 must be a whole number from 1", 16},
            {"OF1035", "2", "1e30", "the Rank of OF1035 must be a whole number from 1", 16},
        };
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
            strcpy(text, HEADER);
            add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "A", cases[i].id, cases[i].value,
                    cases[i].rank);
            line = text + strlen(HEADER);
            ck_assert_int_eq(read_text(&f, text), TA_ERANGE);
            snprintf(want, sizeof want, "t.csv:2:%zu: trust A: ", column_of(line, cases[i].field));
            assert_has(ta_nhse_file_error(f), want);
            assert_has(ta_nhse_file_error(f), cases[i].fragment);
            assert_empty(f);
            ta_nhse_file_free(f);
        }
        strcpy(text, HEADER);
        add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "A", "OF5002", "4.0", "");
        add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "A", "OF5000", "4.0", "61.0");
        add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "B", "OF5002", "1", "");
        add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "B", "OF5003", "1", "");
        ck_assert_msg(read_text(&f, text) == TA_OK, "%s", ta_nhse_file_error(f));
        ta_nhse_file_free(f);
    }

    /* An empty Value publishes nothing (but is a row). */
    strcpy(text, HEADER);
    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "A", "OF1035", "", "");
    ck_assert_int_eq(read_text(&f, text), TA_OK);
    ck_assert_uint_eq(ta_nhse_file_row_count(f), 1);
    ta_nhse_file_free(f);
}
END_TEST

/* Rule: a published score outside 1 to 4 makes no assessment from scores:
 * TA_ERANGE, naming the cell (the public path's message). Each file holds
 * that one score, so no valid score sends the build to the public path
 * before the bad one is seen. */
START_TEST(test_assessment_refuses_a_score_outside_1_to_4)
{
    static const char *const bad[2] = {"5", "0.5"};
    for (int i = 0; i < 2; i++) {
        ta_nhse_file *f = NULL;
        ta_assessment *a = NULL;
        char text[2048] = HEADER;
        add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "B", "OF1035", bad[i], "");
        ck_assert_msg(read_text(&f, text) == TA_OK, "%s", ta_nhse_file_error(f));
        ck_assert_int_eq(ta_nhse_file_assessment(&a, f, "Q1 2025/26", NULL, TA_FROM_SCORES),
                         TA_ERANGE);
        ck_assert_ptr_null(a);
        assert_has(ta_nhse_file_error(f), "t.csv:2:");
        assert_has(ta_nhse_file_error(f), "trust B: the score of OF1035 must be from 1 to 4");
        ta_nhse_file_free(f);
    }
}
END_TEST

START_TEST(test_bad_quoting)
{
    ta_nhse_file *f = NULL;
    const char *text;

    text = HEADER "Q1 2025/26,London,T,S,A,\"Unterminated,D,SD,OF1035,Desc,Jun-25,%,2,,,,\n";
    ck_assert_int_eq(read_text(&f, text), TA_EPARSE);
    assert_has(ta_nhse_file_error(f), "t.csv:2:");
    assert_empty(f);
    ta_nhse_file_free(f);
    text = HEADER "Q1 2025/26,London,T,S,A,Na\"me,D,SD,OF1035,Desc,Jun-25,%,2,,,,\n";
    ck_assert_int_eq(read_text(&f, text), TA_EPARSE);
    assert_has(ta_nhse_file_error(f), "t.csv:2:");
    ta_nhse_file_free(f);
    /* Quoted names with commas and doubled quotes are fine. */
    text = HEADER "Q1 2025/26,London,T,S,A,\"Name, with \"\"comma\"\"\",D,SD,OF1035,Desc,Jun-25,"
                  "%,2,,,,\n";
    ck_assert_int_eq(read_text(&f, text), TA_OK);
    ta_nhse_file_free(f);
}
END_TEST

START_TEST(test_unknown_metric_id)
{
    ta_nhse_file *f = NULL;
    char text[2048] = HEADER, want[160];
    const char *line;

    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "A", "OF1035", "2.0", "");
    line = text + strlen(text);
    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "A", "OF9999", "2.0", "");
    ck_assert_int_eq(read_text(&f, text), TA_ENOTFOUND);
    snprintf(want, sizeof want, "t.csv:3:%zu: unknown Metric_ID \"OF9999\"", column_of(line, 8));
    ck_assert_int_eq(strncmp(ta_nhse_file_error(f), want, strlen(want)), 0);
    assert_has(ta_nhse_file_error(f), "nof-2025-26");
    assert_empty(f);
    ta_nhse_file_free(f);
}
END_TEST

START_TEST(test_duplicate_row)
{
    ta_nhse_file *f = NULL;
    char text[2048] = HEADER;

    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "A", "OF1035", "2.0", "");
    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "B", "OF1035", "2.0", "");
    add_row(text, sizeof text, "Q2 2025/26", MH_TYPE, "A", "OF1035", "2.0", "");
    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "A", "OF1035", "3.0", "");
    ck_assert_int_eq(read_text(&f, text), TA_EDUPLICATE);
    assert_has(ta_nhse_file_error(f), "t.csv:5:");
    assert_has(ta_nhse_file_error(f), "first on line 2");
    assert_has(ta_nhse_file_error(f), "trust A");
    assert_empty(f);
    ta_nhse_file_free(f);
}
END_TEST

START_TEST(test_trust_type_differs)
{
    ta_nhse_file *f = NULL;
    char text[2048] = HEADER, want[160];
    const char *line;

    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "A", "OF1035", "2.0", "");
    add_row(text, sizeof text, "Q1 2025/26", "Acute trust", "B", "OF1035", "2.0", "");
    line = text + strlen(text);
    add_row(text, sizeof text, "Q1 2025/26", "Acute trust", "A", "OF1061", "2.0", "");
    ck_assert_int_eq(read_text(&f, text), TA_EINCONSISTENT);
    snprintf(want, sizeof want, "t.csv:4:%zu: ", column_of(line, 2));
    ck_assert_int_eq(strncmp(ta_nhse_file_error(f), want, strlen(want)), 0);
    assert_has(ta_nhse_file_error(f), "trust type");
    assert_empty(f);
    ta_nhse_file_free(f);
    /* Another quarter may carry another type; two types are kept in file order. */
    strcpy(text, HEADER);
    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "A", "OF1035", "2.0", "");
    add_row(text, sizeof text, "Q2 2025/26", "Acute trust", "A", "OF1035", "2.0", "");
    ck_assert_int_eq(read_text(&f, text), TA_OK);
    ck_assert_uint_eq(ta_nhse_file_trust_type_count(f), 2);
    ck_assert_str_eq(ta_nhse_file_trust_type(f, 0), MH_TYPE);
    ck_assert_str_eq(ta_nhse_file_trust_type(f, 1), "Acute trust");
    ta_nhse_file_free(f);
}
END_TEST

/* Strict input (issue 19): what would otherwise be read silently wrong. */
START_TEST(test_strict_input)
{
    ta_nhse_file *f = NULL;
    char text[4096], code[700], want[200];
    const char *line;

    /* A needed column given twice: refused, naming line 1 and the second copy's column. */
    ck_assert_int_eq(read_text(&f, "Quarter,Region,Trust_type,Trust_subtype,Trust_code,Trust_name,"
                                   "Metric_ID,Value,Rank,Value\n"
                                   "Q1 2025/26,London,T,S,A,Name,OF1035,2.0,,4\n"),
                     TA_EDUPLICATE);
    ck_assert_str_eq(ta_nhse_file_error(f),
                     "t.csv:1:84: column \"Value\" appears twice (first at column 73)");
    assert_empty(f);
    ta_nhse_file_free(f);
    /* A column the reader ignores may repeat. */
    ck_assert_int_eq(read_text(&f, "Quarter,Region,Trust_type,Trust_subtype,Trust_code,Trust_name,"
                                   "Metric_ID,Value,Rank,Note,Note\n"
                                   "Q1 2025/26,London,T,S,A,Name,OF1035,2.0,,x,y\n"),
                     TA_OK);
    ta_nhse_file_free(f);

    /* Flags are 0 or 1: 2, -1 and 0.5 are refused, 0 and 1.0 read. */
    for (int k = 0; k < 5; k++) {
        static const char *const values[] = {"2.0", "-1", "0.5", "0", "1.0"};
        strcpy(text, HEADER);
        line = text + strlen(text);
        add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "A", k % 2 ? "OF5007" : "OF5004",
                values[k], "");
        if (k < 3) {
            ck_assert_int_eq(read_text(&f, text), TA_ERANGE);
            snprintf(want, sizeof want, "t.csv:2:%zu: %s is a flag, 0 or 1, not \"%s\"",
                     column_of(line, 12), k % 2 ? "OF5007" : "OF5004", values[k]);
            ck_assert_str_eq(ta_nhse_file_error(f), want);
            assert_empty(f);
        } else {
            ck_assert_int_eq(read_text(&f, text), TA_OK);
        }
        ta_nhse_file_free(f);
    }

    /* An empty Quarter or Trust_type is refused, naming line and column. */
    strcpy(text, HEADER);
    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "A", "OF1035", "2.0", "");
    add_row(text, sizeof text, "", MH_TYPE, "B", "OF1035", "2.0", "");
    ck_assert_int_eq(read_text(&f, text), TA_EPARSE);
    ck_assert_str_eq(ta_nhse_file_error(f), "t.csv:3:1: empty Quarter");
    ta_nhse_file_free(f);
    strcpy(text, HEADER);
    line = text + strlen(text);
    add_row(text, sizeof text, "Q1 2025/26", "", "B", "OF1035", "2.0", "");
    ck_assert_int_eq(read_text(&f, text), TA_EPARSE);
    snprintf(want, sizeof want, "t.csv:2:%zu: empty Trust_type", column_of(line, 2));
    ck_assert_str_eq(ta_nhse_file_error(f), want);
    ta_nhse_file_free(f);

    /* A 600-byte trust code: the message names the column, not a metric. */
    memset(code, 'R', 600);
    code[600] = '\0';
    strcpy(text, HEADER);
    line = text + strlen(text);
    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, code, "OF1035", "2.0", "");
    ck_assert_int_eq(read_text(&f, text), TA_EPARSE);
    snprintf(want, sizeof want,
             "t.csv:2:%zu: Trust_code is too long (600 bytes; the quarter and trust code "
             "together may have at most 446)",
             column_of(line, 4));
    ck_assert_str_eq(ta_nhse_file_error(f), want);
    ta_nhse_file_free(f);
    /* A quarter as long as the code: the code is named (the tie goes to it). */
    {
        char quarter[301];
        memset(quarter, 'Q', 300);
        quarter[300] = '\0';
        code[300] = '\0';
        strcpy(text, HEADER);
        line = text + strlen(text);
        add_row(text, sizeof text, quarter, MH_TYPE, code, "OF1035", "2.0", "");
        ck_assert_int_eq(read_text(&f, text), TA_EPARSE);
        snprintf(want, sizeof want,
                 "t.csv:2:%zu: Trust_code is too long (300 bytes; the quarter and trust code "
                 "together may have at most 446)",
                 column_of(line, 4));
        ck_assert_str_eq(ta_nhse_file_error(f), want);
        ta_nhse_file_free(f);
        code[300] = 'R';
    }
    /* The longest that fits is read, and its figures are found. */
    code[446 - strlen("Q1 2025/26")] = '\0';
    strcpy(text, HEADER);
    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, code, "OF1035", "2.0", "");
    ck_assert_int_eq(read_text(&f, text), TA_OK);
    ta_nhse_file_free(f);

    /* Where a published figure was read (file, line, the Value's column). */
    {
        const char *file = NULL;
        size_t at_line = 0, at_column = 0;
        strcpy(text, HEADER);
        add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "A", "OF1035", "2.0", "");
        line = text + strlen(text);
        add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "B", "OF5005", "9", "");
        ck_assert_int_eq(read_text(&f, text), TA_OK);
        ck_assert_int_eq(
            ta_nhse_file_published_at(&file, &at_line, &at_column, f, "Q1 2025/26", "B", "OF5005"),
            TA_OK);
        ck_assert_str_eq(file, "t.csv");
        ck_assert_uint_eq(at_line, 3);
        ck_assert_uint_eq(at_column, column_of(line, 12));
        ck_assert_int_eq(
            ta_nhse_file_published_at(NULL, NULL, NULL, f, "Q1 2025/26", "A", "OF5000"),
            TA_ENOTFOUND);
        ck_assert_int_eq(ta_nhse_file_published_at(NULL, NULL, NULL, f, NULL, "A", "OF5000"),
                         TA_EINVAL);
        ta_nhse_file_free(f);
    }

    /* Invalid UTF-8 in a name never reaches the handle. */
    strcpy(text, HEADER);
    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "A\x80", "OF1035", "2.0", "");
    ck_assert_int_eq(read_text(&f, text), TA_EPARSE);
    ck_assert_str_eq(ta_nhse_file_error(f), "t.csv:2:64: invalid UTF-8");
    assert_empty(f);
    ta_nhse_file_free(f);
}
END_TEST

START_TEST(test_empty_and_header_only)
{
    ta_nhse_file *f = NULL;
    ck_assert_int_eq(read_text(&f, ""), TA_EPARSE);
    ck_assert_str_eq(ta_nhse_file_error(f), "t.csv: empty file (no header)");
    assert_empty(f);
    ta_nhse_file_free(f);
    ck_assert_int_eq(ta_nhse_file_new(&f, fw, NULL), TA_OK);
    ck_assert_int_eq(ta_nhse_file_read_buffer(f, NULL, 0, "t.csv"), TA_EPARSE);
    ta_nhse_file_free(f);
    ck_assert_int_eq(read_text(&f, HEADER), TA_OK);
    assert_empty(f);
    ta_nhse_file_free(f);
    /* Header, BOM, CRLF and blank lines. */
    ck_assert_int_eq(read_text(&f, "\xEF\xBB\xBF"
                                   "Quarter,Region,Trust_type,Trust_subtype,"
                                   "Trust_code,Trust_name,Metric_ID,Value,Rank\r\n\r\n"
                                   "Q1 2025/26,London,T,S,A,N,OF1035,2.5,\r\n\r\n"),
                     TA_OK);
    ck_assert_uint_eq(ta_nhse_file_row_count(f), 1);
    ck_assert_uint_eq(ta_nhse_file_period_count(f), 1);
    {
        int has = 0;
        double v = 0;
        ck_assert_int_eq(ta_nhse_file_published(&has, &v, f, "Q1 2025/26", "A", "OF1035"), TA_OK);
        ck_assert_int_eq(has, 1);
        ck_assert_double_eq(v, 2.5);
    }
    ta_nhse_file_free(f);
}
END_TEST

START_TEST(test_state_and_arguments)
{
    ta_nhse_file *f = NULL;
    char text[2048] = HEADER, bad[2048] = HEADER;

    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "A", "OF1035", "2.0", "");
    add_row(bad, sizeof bad, "Q1 2025/26", MH_TYPE, "A", "OF1035", "x", "");
    ck_assert_int_eq(read_text(&f, text), TA_OK);
    ck_assert_int_eq(ta_nhse_file_read_buffer(f, text, strlen(text), "t.csv"), TA_ESTATE);
    assert_has(ta_nhse_file_error(f), "already");
    ck_assert_int_eq(ta_nhse_file_read_file(f, DATA_FILE), TA_ESTATE);
    /* The first read's data stand. */
    ck_assert_uint_eq(ta_nhse_file_row_count(f), 1);
    ta_nhse_file_free(f);

    ck_assert_int_eq(ta_nhse_file_new(&f, fw, NULL), TA_OK);
    ck_assert_int_eq(ta_nhse_file_read_file(f, "/nonexistent/dir/nof.csv"), TA_EIO);
    assert_has(ta_nhse_file_error(f), "/nonexistent/dir/nof.csv");
    assert_empty(f);
    ck_assert_int_eq(ta_nhse_file_read_file(f, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_nhse_file_read_buffer(f, text, strlen(text), NULL), TA_EINVAL);
    ck_assert_int_eq(ta_nhse_file_read_buffer(f, NULL, 5, "t.csv"), TA_EINVAL);
    /* One byte is data too: NULL with a length of 1 is refused as such. */
    ck_assert_int_eq(ta_nhse_file_read_buffer(f, NULL, 1, "t.csv"), TA_EINVAL);
    ck_assert_str_eq(ta_nhse_file_error(f), "name or data is NULL");
    /* A failed read leaves the handle empty. */
    ck_assert_int_eq(ta_nhse_file_read_buffer(f, bad, strlen(bad), "t.csv"), TA_EPARSE);
    assert_empty(f);
    ta_nhse_file_free(f);

    ck_assert_int_eq(ta_nhse_file_read_file(NULL, DATA_FILE), TA_EINVAL);
    ck_assert_int_eq(ta_nhse_file_read_buffer(NULL, "", 0, "x"), TA_EINVAL);
    f = (ta_nhse_file *)&f;
    ck_assert_int_eq(ta_nhse_file_new(&f, NULL, NULL), TA_EINVAL);
    ck_assert_ptr_null(f);
    ck_assert_int_eq(ta_nhse_file_new(NULL, fw, NULL), TA_EINVAL);
    ck_assert_uint_eq(ta_nhse_file_row_count(NULL), 0);
    ck_assert_ptr_nonnull(ta_nhse_file_error(NULL));
    ta_nhse_file_free(NULL);
}
END_TEST

/* A small file with every published segment present: cut-off k is the highest
 * published average in segment k; overlapping segments are inconsistent. */
START_TEST(test_published_cutoffs_small)
{
    static const struct {
        const char *code, *avg, *seg;
    } ok[] = {{"A", "1.80", "1"}, {"B", "2.04", "1"}, {"C", "2.10", "2"}, {"D", "2.33", "2"},
              {"E", "2.50", "3"}, {"F", "2.71", "3"}, {"G", "2.72", "4"}},
      overlap[] = {{"A", "1.80", "1"},
                   {"B", "2.40", "1"},
                   {"C", "2.30", "2"},
                   {"E", "2.50", "3"},
                   {"G", "2.90", "4"}};
    char text[4096], want[128];
    const char *line;
    ta_nhse_file *f = NULL;
    double cut[3];

    strcpy(text, HEADER);
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, ok[i].code, "OF5002", ok[i].avg, "");
        add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, ok[i].code, "OF5003", ok[i].seg, "");
    }
    ck_assert_int_eq(read_text(&f, text), TA_OK);
    ck_assert_int_eq(ta_nhse_file_published_cutoffs(cut, 3, f, "Q1 2025/26"), TA_OK);
    ck_assert_double_eq(cut[0], 2.04);
    ck_assert_double_eq(cut[1], 2.33);
    ck_assert_double_eq(cut[2], 2.71);
    ta_nhse_file_free(f);

    strcpy(text, HEADER);
    for (size_t i = 0; i < sizeof overlap / sizeof overlap[0]; i++) {
        add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, overlap[i].code, "OF5002", overlap[i].avg,
                "");
        add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, overlap[i].code, "OF5003", overlap[i].seg,
                "");
    }
    ck_assert_int_eq(read_text(&f, text), TA_OK);
    ck_assert_int_eq(ta_nhse_file_published_cutoffs(cut, 3, f, "Q1 2025/26"), TA_EINCONSISTENT);
    assert_has(ta_nhse_file_error(f), "overlap");
    assert_has(ta_nhse_file_error(f), "2.40");
    ta_nhse_file_free(f);

    /* A segment with no trust; a segment number that is not a segment. */
    strcpy(text, HEADER);
    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "A", "OF5002", "1.8", "");
    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "A", "OF5003", "1", "");
    ck_assert_int_eq(read_text(&f, text), TA_OK);
    ck_assert_int_eq(ta_nhse_file_published_cutoffs(cut, 3, f, "Q1 2025/26"), TA_ENOTFOUND);
    assert_has(ta_nhse_file_error(f), "segment 2");
    ta_nhse_file_free(f);
    strcpy(text, HEADER);
    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "A", "OF5002", "1.8", "");
    line = text + strlen(text);
    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "A", "OF5003", "2.5", "");
    ck_assert_int_eq(read_text(&f, text), TA_ERANGE);
    snprintf(want, sizeof want,
             "t.csv:3:%zu: trust A: OF5003 must be a whole-number segment from 1 to 4, not \"2.5\"",
             column_of(line, 12));
    ck_assert_str_eq(ta_nhse_file_error(f), want);
    ta_nhse_file_free(f);
}
END_TEST

/* ---- cut-offs read off published segments: the rules at their edges -------- */

/* A framework of one supplied metric and the given result figures, in the
 * order given (a figure's place in the list is its index), with three
 * explicit cut-offs and the given deficit cap. */
static ta_framework *figures_fw(size_t n, const ta_figure *kinds, const char *const *ids, int cap)
{
    static const double cuts[3] = {2.0, 2.5, 3.0};
    ta_framework_builder *b = NULL;
    ta_framework *out = NULL;
    ck_assert_int_eq(ta_framework_builder_new(&b, "figures", NULL), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "d", "D", "D1"), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "M1", "M", "d", TA_SCORING_SUPPLIED),
                     TA_OK);
    for (size_t i = 0; i < n; i++)
        ck_assert_int_eq(ta_framework_builder_add_figure(b, kinds[i], ids[i], ids[i]), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_cutoffs(b, 3, cuts), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_deficit_cap(b, cap), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&out, b), TA_OK);
    ta_framework_builder_free(b);
    return out;
}

/* Reads text with framework g into a fresh handle. */
static ta_nhse_file *read_with(const ta_framework *g, const char *text)
{
    ta_nhse_file *f = NULL;
    ck_assert_int_eq(ta_nhse_file_new(&f, g, NULL), TA_OK);
    ck_assert_msg(ta_nhse_file_read_buffer(f, text, strlen(text), "t.csv") == TA_OK, "%s",
                  ta_nhse_file_error(f));
    return f;
}

/* Rule: every segment, the first included, needs a trust known to be in it;
 * without one the cut-offs are not known (TA_ENOTFOUND naming the segment). */
START_TEST(test_published_cutoffs_need_segment_1)
{
    static const struct {
        const char *code, *avg, *seg;
    } rows[] = {{"B", "2.10", "2"}, {"C", "2.50", "3"}, {"D", "2.80", "4"}};
    char text[2048];
    ta_nhse_file *f = NULL;
    double cut[3];
    strcpy(text, HEADER);
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, rows[i].code, "OF5002", rows[i].avg, "");
        add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, rows[i].code, "OF5003", rows[i].seg, "");
    }
    ck_assert_int_eq(read_text(&f, text), TA_OK);
    ck_assert_int_eq(ta_nhse_file_published_cutoffs(cut, 3, f, "Q1 2025/26"), TA_ENOTFOUND);
    ck_assert_str_eq(ta_nhse_file_error(f),
                     "Q1 2025/26: no trust has published unadjusted segment 1");
    ta_nhse_file_free(f);
}
END_TEST

/* Rule: a framework's figures are found by kind, wherever they are in its
 * list (here the unadjusted segment is the first figure and the average the
 * second); a framework naming no average, or no segment figure, has no
 * published cut-offs (TA_ENOTFOUND saying so). */
START_TEST(test_published_cutoffs_figures_by_kind)
{
    static const ta_figure seg_avg[] = {TA_FIGURE_UNADJUSTED_SEGMENT, TA_FIGURE_AVERAGE};
    static const char *const seg_avg_ids[] = {"OF5003", "OF5002"};
    static const ta_figure seg_only[] = {TA_FIGURE_UNADJUSTED_SEGMENT};
    static const char *const seg_only_ids[] = {"OF5003"};
    static const ta_figure avg_only[] = {TA_FIGURE_OTHER, TA_FIGURE_AVERAGE};
    static const char *const avg_only_ids[] = {"OF5003", "OF5002"};
    static const struct {
        const char *code, *avg, *seg;
    } rows[] = {{"A", "1.80", "1"}, {"B", "2.10", "2"}, {"C", "2.60", "3"}, {"D", "3.20", "4"}};
    char text[2048], segs[2048];
    ta_framework *g;
    ta_nhse_file *f;
    double cut[3];
    strcpy(text, HEADER);
    strcpy(segs, HEADER);
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, rows[i].code, "OF5002", rows[i].avg, "");
        add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, rows[i].code, "OF5003", rows[i].seg, "");
        add_row(segs, sizeof segs, "Q1 2025/26", MH_TYPE, rows[i].code, "OF5003", rows[i].seg, "");
    }
    /* Ties to the better segment: each cut-off is the highest average at or below it. */
    g = figures_fw(2, seg_avg, seg_avg_ids, 0);
    f = read_with(g, text);
    ck_assert_msg(ta_nhse_file_published_cutoffs(cut, 3, f, "Q1 2025/26") == TA_OK, "%s",
                  ta_nhse_file_error(f));
    ck_assert_double_eq(cut[0], 1.80);
    ck_assert_double_eq(cut[1], 2.10);
    ck_assert_double_eq(cut[2], 2.60);
    ta_nhse_file_free(f);
    ta_framework_free(g);

    g = figures_fw(1, seg_only, seg_only_ids, 0);
    f = read_with(g, segs);
    ck_assert_int_eq(ta_nhse_file_published_cutoffs(cut, 3, f, "Q1 2025/26"), TA_ENOTFOUND);
    ck_assert_str_eq(ta_nhse_file_error(f), "the framework names no average or segment figure");
    ta_nhse_file_free(f);
    ta_framework_free(g);

    /* OF5003 read and kept, but not a segment figure of this framework. */
    g = figures_fw(2, avg_only, avg_only_ids, 0);
    f = read_with(g, text);
    ck_assert_int_eq(ta_nhse_file_published_cutoffs(cut, 3, f, "Q1 2025/26"), TA_ENOTFOUND);
    ck_assert_str_eq(ta_nhse_file_error(f), "the framework names no average or segment figure");
    ta_nhse_file_free(f);
    ta_framework_free(g);
}
END_TEST

/* Rule: an adjusted segment equal to the deficit cap says "at most the cap"
 * (the trust may have been capped), so under a cap of 1 it says "exactly 1":
 * that trust alone makes segment 1 known and bounds cut-off 1 from below. */
START_TEST(test_published_cutoffs_cap_of_one)
{
    static const ta_figure kinds[] = {TA_FIGURE_AVERAGE, TA_FIGURE_ADJUSTED_SEGMENT};
    static const char *const ids[] = {"OF5002", "OF5000"};
    static const struct {
        const char *code, *avg, *seg;
    } rows[] = {{"A", "1.70", "1"}, {"B", "2.20", "2"}, {"C", "2.70", "3"}, {"D", "3.30", "4"}};
    char text[2048];
    ta_framework *g = figures_fw(2, kinds, ids, 1);
    ta_nhse_file *f;
    double cut[3];
    strcpy(text, HEADER);
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, rows[i].code, "OF5002", rows[i].avg, "");
        add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, rows[i].code, "OF5000", rows[i].seg, "");
    }
    f = read_with(g, text);
    ck_assert_msg(ta_nhse_file_published_cutoffs(cut, 3, f, "Q1 2025/26") == TA_OK, "%s",
                  ta_nhse_file_error(f));
    ck_assert_double_eq(cut[0], 1.70);
    ck_assert_double_eq(cut[1], 2.20);
    ck_assert_double_eq(cut[2], 2.70);
    ta_nhse_file_free(f);
    ta_framework_free(g);
}
END_TEST

/* ---- allocation failure ----------------------------------------------- */

/* The header and the Q1 rows of the real file's first 8 trusts (305 rows). */
static char *fixture(size_t *len)
{
    static const char *const codes[8] = {"R1A", "R1D", "R1L", "RAT", "RDR", "RDY", "RHA", "RJ8"};
    FILE *fp = fopen(DATA_FILE, "rb");
    char *all, *out, *line, *end;
    long size;
    size_t n = 0, rows = 0;

    ck_assert_ptr_nonnull(fp);
    ck_assert_int_eq(fseek(fp, 0, SEEK_END), 0);
    size = ftell(fp);
    rewind(fp);
    all = malloc((size_t)size + 1);
    out = malloc((size_t)size + 1);
    ck_assert(all && out);
    ck_assert_uint_eq(fread(all, 1, (size_t)size, fp), (size_t)size);
    all[size] = '\0';
    fclose(fp);
    for (line = all; *line; line = end) {
        const char *p = line;
        int keep = line == all, commas = 0;
        end = strchr(line, '\n');
        end = end ? end + 1 : line + strlen(line);
        while (p < end && commas < 4)
            commas += *p++ == ',';
        if (!keep && strncmp(line, "Q1 2025/26,", 11) == 0)
            for (int k = 0; k < 8; k++)
                if (strncmp(p, codes[k], strlen(codes[k])) == 0 && p[strlen(codes[k])] == ',')
                    keep = 1;
        if (keep) {
            memcpy(out + n, line, (size_t)(end - line));
            n += (size_t)(end - line);
            rows++;
        }
    }
    free(all);
    ck_assert_uint_eq(rows, 306);
    *len = n;
    return out;
}

START_TEST(test_read_allocation_failure)
{
    size_t len, n, failures = 0;
    char *data = fixture(&len);
    double ref_cut[3];
    int has;
    double v;

    for (n = 1;; n++) {
        af_counter c = {0};
        ta_allocator al = af_allocator(&c);
        ta_nhse_file *f = NULL;
        ta_status st;
        ck_assert_int_eq(ta_nhse_file_new(&f, fw, &al), TA_OK);
        af_fail_in(&c, n);
        st = ta_nhse_file_read_buffer(f, data, len, "fixture.csv");
        if (!c.failed) {
            ck_assert_int_eq(st, TA_OK);
            ck_assert_uint_eq(ta_nhse_file_row_count(f), 305);
            ck_assert_uint_eq(ta_nhse_file_period_count(f), 1);
            ck_assert_int_eq(ta_nhse_file_published_cutoffs(ref_cut, 3, f, "Q1 2025/26"), TA_OK);
            ta_nhse_file_free(f);
            ck_assert_uint_eq(c.live, 0);
            break;
        }
        failures++;
        ck_assert_msg(st == TA_ENOMEM, "allocation %zu failed: status %d (%s)", n, (int)st,
                      ta_nhse_file_error(f));
        assert_has(ta_nhse_file_error(f), "out of memory");
        assert_empty(f);
        /* The handle is usable: the same bytes read now. */
        af_fail_in(&c, 0);
        ck_assert_msg(ta_nhse_file_read_buffer(f, data, len, "fixture.csv") == TA_OK,
                      "allocation %zu: the read after it failed: %s", n, ta_nhse_file_error(f));
        ck_assert_uint_eq(ta_nhse_file_row_count(f), 305);
        ck_assert_int_eq(ta_nhse_file_published(&has, &v, f, "Q1 2025/26", "R1A", "OF0005"), TA_OK);
        ck_assert_int_eq(has, 1);
        ck_assert_double_eq(v, 9.03);
        ta_nhse_file_free(f);
        ck_assert_msg(c.live == 0, "allocation %zu failed: %zu blocks leaked", n, c.live);
    }
    ck_assert_uint_gt(failures, 50);

    /* Building an assessment from the read file, failing allocation n. */
    for (n = 1;; n++) {
        af_counter c = {0};
        ta_allocator al = af_allocator(&c);
        ta_nhse_file *f = NULL;
        ta_assessment *a = (ta_assessment *)&a;
        ta_status st;
        ck_assert_int_eq(ta_nhse_file_new(&f, fw, &al), TA_OK);
        ck_assert_int_eq(ta_nhse_file_read_buffer(f, data, len, "fixture.csv"), TA_OK);
        af_fail_in(&c, n);
        st = ta_nhse_file_assessment(&a, f, "Q1 2025/26", NULL, TA_FROM_VALUES);
        if (!c.failed) {
            ck_assert_int_eq(st, TA_OK);
            ck_assert_uint_eq(ta_assessment_trust_count(a), 8);
            af_fail_in(&c, 0);
            ck_assert_int_eq(ta_assessment_run(a), TA_OK);
            ta_assessment_free(a);
            ta_nhse_file_free(f);
            ck_assert_uint_eq(c.live, 0);
            break;
        }
        ck_assert_msg(st == TA_ENOMEM, "allocation %zu failed: status %d (%s)", n, (int)st,
                      ta_nhse_file_error(f));
        ck_assert_ptr_null(a);
        af_fail_in(&c, 0);
        ck_assert_int_eq(ta_nhse_file_assessment(&a, f, "Q1 2025/26", NULL, TA_FROM_VALUES), TA_OK);
        ck_assert_uint_eq(ta_assessment_trust_count(a), 8);
        ta_assessment_free(a);
        ta_nhse_file_free(f);
        ck_assert_msg(c.live == 0, "allocation %zu failed: %zu blocks leaked", n, c.live);
    }
    free(data);
}
END_TEST

/* Rule (ta_nhse_file_find_period): a prefix names the one period that
 * continues it with a space; an empty text is no prefix, even of a period
 * that starts with a space (" Q1 2025/26", kept as written), and a prefix of
 * one character ("X" of "X 2025/26") is one. */
START_TEST(test_find_period_prefix_lengths)
{
    char text[4096] = HEADER;
    ta_nhse_file *f = NULL;
    size_t p = 99;

    add_row(text, sizeof text, " Q1 2025/26", MH_TYPE, "A", "OF1061", "2.00", "");
    add_row(text, sizeof text, "X 2025/26", MH_TYPE, "A", "OF1061", "2.00", "");
    ck_assert_msg(read_text(&f, text) == TA_OK, "%s", ta_nhse_file_error(f));
    ck_assert_uint_eq(ta_nhse_file_period_count(f), 2);
    ck_assert_str_eq(ta_nhse_file_period(f, 0), " Q1 2025/26");
    ck_assert_int_eq(ta_nhse_file_find_period(&p, f, ""), TA_ENOTFOUND);
    ck_assert_uint_eq(p, 99);
    ck_assert_int_eq(ta_nhse_file_find_period(&p, f, "X"), TA_OK);
    ck_assert_uint_eq(p, 1);
    ck_assert_int_eq(ta_nhse_file_find_period(&p, f, " Q1"), TA_OK);
    ck_assert_uint_eq(p, 0);
    ta_nhse_file_free(f);
}
END_TEST

START_TEST(test_period_end)
{
    ta_date d = {0, 0, 0};
    ck_assert_int_eq(ta_nhse_period_end(&d, "Q1 2025/26"), TA_OK);
    ck_assert(d.year == 2025 && d.month == 6 && d.day == 30);
    ck_assert_int_eq(ta_nhse_period_end(&d, "Q3 2025/26"), TA_OK);
    ck_assert(d.year == 2025 && d.month == 12 && d.day == 31);
    ck_assert_int_eq(ta_nhse_period_end(&d, "Q4 2025/26"), TA_OK);
    ck_assert(d.year == 2026 && d.month == 3 && d.day == 31);
    ck_assert_int_eq(ta_nhse_period_end(&d, "Q4 2099/00"), TA_OK); /* century wrap */
    ck_assert(d.year == 2100 && d.month == 3 && d.day == 31);
    ck_assert_int_eq(ta_nhse_period_end(&d, "Q5 2025/26"), TA_EPARSE);
    ck_assert_int_eq(ta_nhse_period_end(&d, "Q1 2025/27"), TA_EPARSE);
    ck_assert_int_eq(ta_nhse_period_end(&d, "Q1 2025-26"), TA_EPARSE);
    ck_assert_int_eq(ta_nhse_period_end(&d, "Q1 2025/26 "), TA_EPARSE);
    ck_assert_int_eq(ta_nhse_period_end(&d, NULL), TA_EINVAL);
}
END_TEST

/* Rule: a quarter label is "Q", 1 to 4, a space and a financial year from
 * 0001/02 to 9998/99, each part checked on its own (a good quarter number
 * does not excuse a letter other than Q; a good "/YY" does not excuse year 0
 * or 9999); the first and last years are accepted. */
START_TEST(test_period_end_each_part)
{
    ta_date d = {0, 0, 0};
    ck_assert_int_eq(ta_nhse_period_end(&d, "X1 2025/26"), TA_EPARSE);
    ck_assert_int_eq(ta_nhse_period_end(&d, "Q0 2025/26"), TA_EPARSE);
    ck_assert_int_eq(ta_nhse_period_end(&d, "Q1 0000/01"), TA_EPARSE);
    ck_assert_int_eq(ta_nhse_period_end(&d, "Q1 9999/00"), TA_EPARSE);
    ck_assert_int_eq(ta_nhse_period_end(&d, "Q1 0001/02"), TA_OK);
    ck_assert(d.year == 1 && d.month == 6 && d.day == 30);
    ck_assert_int_eq(ta_nhse_period_end(&d, "Q4 9998/99"), TA_OK);
    ck_assert(d.year == 9999 && d.month == 3 && d.day == 31);
}
END_TEST

/* Rule: ta_nhse_file_published_at checks each of its inputs: a NULL period,
 * code or ID is TA_EINVAL whatever the others are. */
START_TEST(test_published_at_arguments)
{
    ta_nhse_file *f = read_real();
    const char *file = NULL;
    size_t line = 0, column = 0;
    ck_assert_int_eq(ta_nhse_file_published_at(&file, &line, &column, f, "Q1 2025/26", "RX4", NULL),
                     TA_EINVAL);
    ck_assert_int_eq(
        ta_nhse_file_published_at(&file, &line, &column, f, "Q1 2025/26", NULL, "OF5002"),
        TA_EINVAL);
    ck_assert_int_eq(ta_nhse_file_published_at(&file, &line, &column, f, NULL, "RX4", "OF5002"),
                     TA_EINVAL);
    ck_assert_int_eq(
        ta_nhse_file_published_at(&file, &line, &column, NULL, "Q1 2025/26", "RX4", "OF5002"),
        TA_EINVAL);
}
END_TEST

/* Rule: an assessment refuses a trust whose code the public API would refuse
 * (here a space in it): TA_EINVAL, naming the file, line and code; the code is
 * checked before the trust's scores (its bad score is not the message). */
START_TEST(test_assessment_refuses_an_invalid_trust_code_naming_its_line)
{
    ta_nhse_file *f = NULL;
    ta_assessment *a = (ta_assessment *)&a;
    char text[2048] = HEADER;
    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "A", "OF1035", "2.0", "");
    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "B C", "OF1035", "5", "");
    ck_assert_msg(read_text(&f, text) == TA_OK, "%s", ta_nhse_file_error(f));
    ck_assert_int_eq(ta_nhse_file_assessment(&a, f, "Q1 2025/26", NULL, TA_FROM_SCORES), TA_EINVAL);
    ck_assert_ptr_null(a);
    ck_assert_str_eq(ta_nhse_file_error(f), "t.csv:3: invalid trust code \"B C\"");
    ta_nhse_file_free(f);
}
END_TEST

/* Rule: the scores 1 and 4 are inside the range a published score may take:
 * both sources take them as the trust's metric score. */
START_TEST(test_assessment_takes_published_scores_of_1_and_4)
{
    static const ta_nhse_source sources[2] = {TA_FROM_SCORES, TA_FROM_VALUES};
    ta_nhse_file *f = NULL;
    char text[2048] = HEADER;
    size_t m;
    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "A", "OF1035", "1", "");
    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "B", "OF1035", "4", "");
    ck_assert_msg(read_text(&f, text) == TA_OK, "%s", ta_nhse_file_error(f));
    ck_assert_int_eq(ta_framework_metric_index(&m, fw, "OF1035"), TA_OK);
    for (int i = 0; i < 2; i++) {
        ta_assessment *a = NULL;
        double score;
        int has;
        ck_assert_msg(ta_nhse_file_assessment(&a, f, "Q1 2025/26", NULL, sources[i]) == TA_OK, "%s",
                      ta_nhse_file_error(f));
        ck_assert_int_eq(ta_assessment_run(a), TA_OK);
        ck_assert_uint_eq(ta_assessment_trust_count(a), 2);
        ck_assert_int_eq(ta_assessment_metric_score(&has, &score, a, 0, m), TA_OK);
        ck_assert_int_eq(has, 1);
        ck_assert_double_eq(score, 1);
        ck_assert_int_eq(ta_assessment_metric_score(&has, &score, a, 1, m), TA_OK);
        ck_assert_int_eq(has, 1);
        ck_assert_double_eq(score, 4);
        ta_assessment_free(a);
    }
    ta_nhse_file_free(f);
}
END_TEST

/* Rule: a trust carries the OF5004 (financial deficit) and OF5007 (Recovery
 * Support Programme) flags as published, 1 as yes and 0 as no, each its own,
 * and unknown where the file has none; from either source. */
START_TEST(test_assessment_carries_each_published_flag)
{
    static const ta_nhse_source sources[2] = {TA_FROM_SCORES, TA_FROM_VALUES};
    ta_nhse_file *f = NULL;
    char text[2048] = HEADER;
    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "A", "OF1035", "2", "");
    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "A", "OF5004", "1", "");
    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "A", "OF5007", "0", "");
    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "B", "OF1035", "2", "");
    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "B", "OF5004", "0", "");
    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "B", "OF5007", "1", "");
    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "C", "OF1035", "2", "");
    ck_assert_msg(read_text(&f, text) == TA_OK, "%s", ta_nhse_file_error(f));
    for (int i = 0; i < 2; i++) {
        ta_assessment *a = NULL;
        ck_assert_msg(ta_nhse_file_assessment(&a, f, "Q1 2025/26", NULL, sources[i]) == TA_OK, "%s",
                      ta_nhse_file_error(f));
        ck_assert_uint_eq(ta_assessment_trust_count(a), 3);
        ck_assert_str_eq(ta_assessment_trust_code(a, 0), "A");
        ck_assert_int_eq(ta_assessment_trust_flag(a, 0, TA_FLAG_FINANCIAL_DEFICIT), TA_YES);
        ck_assert_int_eq(ta_assessment_trust_flag(a, 0, TA_FLAG_RECOVERY_SUPPORT), TA_NO);
        ck_assert_int_eq(ta_assessment_trust_flag(a, 1, TA_FLAG_FINANCIAL_DEFICIT), TA_NO);
        ck_assert_int_eq(ta_assessment_trust_flag(a, 1, TA_FLAG_RECOVERY_SUPPORT), TA_YES);
        ck_assert_int_eq(ta_assessment_trust_flag(a, 2, TA_FLAG_FINANCIAL_DEFICIT), TA_UNKNOWN);
        ck_assert_int_eq(ta_assessment_trust_flag(a, 2, TA_FLAG_RECOVERY_SUPPORT), TA_UNKNOWN);
        ta_assessment_free(a);
    }
    ta_nhse_file_free(f);
}
END_TEST

/* Rule: from values, a ranked metric's score comes from ranking its raw
 * values, so its published score is neither taken (a trust with a score but
 * no value is not ranked) nor checked (a 5 there is no error); from scores
 * the same 5 is refused. */
START_TEST(test_assessment_from_values_ranks_and_ignores_a_published_rank_score)
{
    ta_nhse_file *f = NULL;
    ta_assessment *a = NULL;
    char text[2048] = HEADER;
    size_t m;
    double score;
    int has;
    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "A", "OF0061", "50", "");
    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "A", "OF1061", "5", "");
    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "B", "OF0061", "40", "");
    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "B", "OF1061", "2", "");
    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "C", "OF1061", "3", "");
    ck_assert_msg(read_text(&f, text) == TA_OK, "%s", ta_nhse_file_error(f));
    ck_assert_int_eq(ta_framework_metric_index(&m, fw, "OF1061"), TA_OK);
    ck_assert_msg(ta_nhse_file_assessment(&a, f, "Q1 2025/26", NULL, TA_FROM_VALUES) == TA_OK, "%s",
                  ta_nhse_file_error(f));
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    ck_assert_int_eq(ta_assessment_metric_score(&has, &score, a, 0, m), TA_OK);
    ck_assert_int_eq(has, 1);
    ck_assert_double_eq(score, 1);
    ck_assert_int_eq(ta_assessment_metric_score(&has, &score, a, 1, m), TA_OK);
    ck_assert_int_eq(has, 1);
    ck_assert_double_eq(score, 4);
    /* C published a score but no value: not ranked, no score. */
    ck_assert_int_eq(ta_assessment_metric_score(&has, &score, a, 2, m), TA_OK);
    ck_assert_int_eq(has, 0);
    ta_assessment_free(a);
    ck_assert_int_eq(ta_nhse_file_assessment(&a, f, "Q1 2025/26", NULL, TA_FROM_SCORES), TA_ERANGE);
    assert_has(ta_nhse_file_error(f), "trust A: the score of OF1061 must be from 1 to 4");
    ta_nhse_file_free(f);
}
END_TEST

/* Rule: a read that succeeds clears the message a refused read on the same
 * handle left behind (a refused read leaves the handle unread). */
START_TEST(test_a_good_read_clears_the_last_error)
{
    ta_nhse_file *f = NULL;
    char text[1024] = HEADER;
    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "A", "OF1035", "abc", "");
    ck_assert_int_eq(read_text(&f, text), TA_EPARSE);
    assert_has(ta_nhse_file_error(f), "Value is not a number");
    strcpy(text, HEADER);
    add_row(text, sizeof text, "Q1 2025/26", MH_TYPE, "A", "OF1035", "2.0", "");
    ck_assert_int_eq(ta_nhse_file_read_buffer(f, text, strlen(text), "t.csv"), TA_OK);
    ck_assert_str_eq(ta_nhse_file_error(f), "");
    ta_nhse_file_free(f);
}
END_TEST

/* Rule: a league table's Average_score, Segment and deficit cells are kept
 * as the framework's average, adjusted segment and deficit figures, wherever
 * the framework lists them; a cell whose figure the framework does not name
 * is refused with TA_ENOTFOUND, and an empty one needs no figure. */
START_TEST(test_league_cells_need_their_figures)
{
    static const ta_figure orders[3][3] = {
        {TA_FIGURE_AVERAGE, TA_FIGURE_ADJUSTED_SEGMENT, TA_FIGURE_DEFICIT_FLAG},
        {TA_FIGURE_DEFICIT_FLAG, TA_FIGURE_AVERAGE, TA_FIGURE_ADJUSTED_SEGMENT},
        {TA_FIGURE_ADJUSTED_SEGMENT, TA_FIGURE_DEFICIT_FLAG, TA_FIGURE_AVERAGE}};
    static const char *const header = "Quarter,Region,Trust_type,Trust_subtype,Trust_code,"
                                      "Trust_name,Average_score,Segment,"
                                      "Trust_in_financial_deficit,Rank\n";
    static const char *const want = "t.csv:2:33: the framework names no average, adjusted segment "
                                    "or deficit figure for the columns of \"figures\"";
    char text[512];
    for (size_t o = 0; o < 3; o++) {
        const char *ids[3];
        int has;
        double value;
        ta_framework *g;
        ta_nhse_file *f;
        for (size_t k = 0; k < 3; k++)
            ids[k] = orders[o][k] == TA_FIGURE_AVERAGE            ? "OF5002"
                     : orders[o][k] == TA_FIGURE_ADJUSTED_SEGMENT ? "OF5000"
                                                                  : "OF5004";
        /* All three named, in this order: all three cells kept. */
        g = figures_fw(3, orders[o], ids, 0);
        snprintf(text, sizeof text, "%sQ1 2025/26,London,T,S,A,Trust A,2.5,3,Yes,7\n", header);
        f = read_with(g, text);
        ck_assert_int_eq(ta_nhse_file_published(&has, &value, f, "Q1 2025/26", "A", "OF5002"),
                         TA_OK);
        ck_assert(has && value == 2.5);
        ck_assert_int_eq(ta_nhse_file_published(&has, &value, f, "Q1 2025/26", "A", "OF5000"),
                         TA_OK);
        ck_assert(has && value == 3);
        ck_assert_int_eq(ta_nhse_file_published(&has, &value, f, "Q1 2025/26", "A", "OF5004"),
                         TA_OK);
        ck_assert(has && value == 1);
        ta_nhse_file_free(f);
        ta_framework_free(g);
        /* The framework without figure o (the others kept in order): its cell
         * given is refused, its cell empty is read. */
        {
            ta_figure kinds[2];
            const char *kids[2];
            static const char *const rows[3][2] = {{"Q1 2025/26,London,T,S,A,Trust A,2.5,3,Yes,7\n",
                                                    "Q1 2025/26,London,T,S,A,Trust A,,3,Yes,7\n"},
                                                   {"Q1 2025/26,London,T,S,A,Trust A,2.5,3,Yes,7\n",
                                                    "Q1 2025/26,London,T,S,A,Trust A,2.5,,Yes,\n"},
                                                   {"Q1 2025/26,London,T,S,A,Trust A,2.5,3,Yes,7\n",
                                                    "Q1 2025/26,London,T,S,A,Trust A,2.5,3,,7\n"}};
            ta_figure gone = orders[0][o];
            size_t n = 0;
            for (size_t k = 0; k < 3; k++)
                if (orders[0][k] != gone) {
                    kinds[n] = orders[0][k];
                    kids[n++] = orders[0][k] == TA_FIGURE_AVERAGE            ? "OF5002"
                                : orders[0][k] == TA_FIGURE_ADJUSTED_SEGMENT ? "OF5000"
                                                                             : "OF5004";
                }
            g = figures_fw(2, kinds, kids, 0);
            ck_assert_int_eq(ta_nhse_file_new(&f, g, NULL), TA_OK);
            snprintf(text, sizeof text, "%s%s", header, rows[o][0]);
            ck_assert_int_eq(ta_nhse_file_read_buffer(f, text, strlen(text), "t.csv"),
                             TA_ENOTFOUND);
            ck_assert_str_eq(ta_nhse_file_error(f), want);
            ta_nhse_file_free(f);
            snprintf(text, sizeof text, "%s%s", header, rows[o][1]);
            f = read_with(g, text);
            ta_nhse_file_free(f);
            ta_framework_free(g);
        }
    }
}
END_TEST

static Suite *nhse_suite(void)
{
    Suite *s = suite_create("nhse");
    TCase *tc = tcase_create("core");

    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_real_file_shape);
    tcase_add_test(tc, test_reading_stays_inside_its_blocks);
    tcase_add_test(tc, test_real_file_published);
    tcase_add_test(tc, test_real_file_published_cutoffs);
    tcase_add_test(tc, test_real_file_assessment_from_scores);
    tcase_add_test(tc, test_real_file_assessment_from_values);
    tcase_add_test(tc, test_missing_column);
    tcase_add_test(tc, test_layout_detection);
    tcase_add_test(tc, test_bad_value_and_rank);
    tcase_add_test(tc, test_assessment_refuses_a_score_outside_1_to_4);
    tcase_add_test(tc, test_bad_quoting);
    tcase_add_test(tc, test_unknown_metric_id);
    tcase_add_test(tc, test_duplicate_row);
    tcase_add_test(tc, test_trust_type_differs);
    tcase_add_test(tc, test_strict_input);
    tcase_add_test(tc, test_empty_and_header_only);
    tcase_add_test(tc, test_state_and_arguments);
    tcase_add_test(tc, test_published_cutoffs_small);
    tcase_add_test(tc, test_published_cutoffs_need_segment_1);
    tcase_add_test(tc, test_published_cutoffs_figures_by_kind);
    tcase_add_test(tc, test_published_cutoffs_cap_of_one);
    tcase_add_test(tc, test_read_allocation_failure);
    tcase_add_test(tc, test_period_end);
    tcase_add_test(tc, test_find_period_prefix_lengths);
    tcase_add_test(tc, test_period_end_each_part);
    tcase_add_test(tc, test_published_at_arguments);
    tcase_add_test(tc, test_assessment_refuses_an_invalid_trust_code_naming_its_line);
    tcase_add_test(tc, test_assessment_takes_published_scores_of_1_and_4);
    tcase_add_test(tc, test_assessment_carries_each_published_flag);
    tcase_add_test(tc, test_assessment_from_values_ranks_and_ignores_a_published_rank_score);
    tcase_add_test(tc, test_a_good_read_clears_the_last_error);
    tcase_add_test(tc, test_league_cells_need_their_figures);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(nhse_suite());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
