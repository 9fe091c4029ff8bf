/*
 * Tests of lib/nof/verify.c (include/trustassess/verify.h): NHS England's real
 * file verifies (every segment, override and rank step by step, the 13
 * average differences that rounding explains), a file tampered with in memory
 * does not, the explanation test at its exact boundary in a file written
 * here, and an allocation-failure sweep over a verification run.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc_fail.h"
#include "trustassess/framework.h"
#include "trustassess/nhse.h"
#include "trustassess/verify.h"

#define DATA_FILE TA_TEST_DATA_DIR "/mental-health-and-community-trust-data-q1-q4.csv"
#define MH_TYPE "Mental health and community trust"
#define HEADER                                                                                     \
    "Quarter,Region,Trust_type,Trust_subtype,Trust_code,Trust_name,Domain,Sub-domain,"             \
    "Metric_ID,Metric_description,Reporting_date,Units,Value,Median_value,Lower_quartile,"         \
    "Upper_quartile,Rank\n"

#define assert_has(text, word)                                                                     \
    ck_assert_msg(strstr((text), (word)) != NULL, "\"%s\" does not contain \"%s\"", (text), (word))

static ta_framework *fw;
static ta_nhse_file *file;
static ta_verification *ver;

static void setup(void)
{
    ck_assert_int_eq(ta_framework_preset(&fw, "nof-2025-26", NULL), TA_OK);
}

static void teardown(void)
{
    ta_verification_free(ver);
    ver = NULL;
    ta_nhse_file_free(file);
    file = NULL;
    ta_framework_free(fw);
    fw = NULL;
}

static char *slurp(size_t *len)
{
    FILE *fp = fopen(DATA_FILE, "rb");
    char *data;
    long size;
    ck_assert_ptr_nonnull(fp);
    ck_assert_int_eq(fseek(fp, 0, SEEK_END), 0);
    size = ftell(fp);
    rewind(fp);
    data = malloc((size_t)size + 1);
    ck_assert_ptr_nonnull(data);
    ck_assert_uint_eq(fread(data, 1, (size_t)size, fp), (size_t)size);
    data[size] = '\0';
    fclose(fp);
    *len = (size_t)size;
    return data;
}

/* Summary entry k of v through its accessors (each must answer for an index
 * in range); any out-pointer may be NULL. */
static void summary_at(const char **period, const char **figure, ta_verify_mode *mode,
                       size_t *checked, size_t *agreed, size_t *explained, const ta_verification *v,
                       size_t k)
{
    ta_verify_mode m;
    const char *p = ta_verification_summary_period(v, k), *f = ta_verification_summary_figure(v, k);
    ck_assert_ptr_nonnull(p);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(ta_verification_summary_mode(&m, v, k), TA_OK);
    ck_assert_int_eq(ta_verification_summary_counts(checked, agreed, explained, v, k), TA_OK);
    if (period)
        *period = p;
    if (figure)
        *figure = f;
    if (mode)
        *mode = m;
}

/* Difference k of v through its accessors, as summary_at. */
static void difference_at(const char **period, const char **code, const char **figure,
                          ta_verify_mode *mode, double *published, double *computed,
                          ta_verdict *verdict, const char **reason, const ta_verification *v,
                          size_t k)
{
    ta_verify_mode m;
    ta_verdict d;
    const char *text[4] = {
        ta_verification_difference_period(v, k), ta_verification_difference_trust_code(v, k),
        ta_verification_difference_figure(v, k), ta_verification_difference_reason(v, k)};
    const char **out[4] = {period, code, figure, reason};
    for (int j = 0; j < 4; j++) {
        ck_assert_ptr_nonnull(text[j]);
        if (out[j])
            *out[j] = text[j];
    }
    ck_assert_int_eq(ta_verification_difference_mode(&m, v, k), TA_OK);
    ck_assert_int_eq(ta_verification_difference_values(published, computed, v, k), TA_OK);
    ck_assert_int_eq(ta_verification_difference_verdict(&d, v, k), TA_OK);
    if (mode)
        *mode = m;
    if (verdict)
        *verdict = d;
}

/* Reads data into `file` and runs a verification of every period into `ver`. */
static ta_status verify_text(const char *name, const char *data, size_t len)
{
    ck_assert_int_eq(ta_nhse_file_new(&file, fw, NULL), TA_OK);
    ck_assert_msg(ta_nhse_file_read_buffer(file, data, len, name) == TA_OK, "%s",
                  ta_nhse_file_error(file));
    ck_assert_int_eq(ta_verification_new(&ver, file, NULL), TA_OK);
    return ta_verification_run(ver, NULL);
}

/* The summary of (period, figure, mode): 1 if there is one. */
static int summary_of(const ta_verification *v, const char *period, const char *figure,
                      ta_verify_mode mode, size_t *checked, size_t *agreed, size_t *explained)
{
    for (size_t k = 0; k < ta_verification_summary_count(v); k++) {
        const char *p, *f;
        ta_verify_mode m;
        summary_at(&p, &f, &m, checked, agreed, explained, v, k);
        if (strcmp(p, period) == 0 && strcmp(f, figure) == 0 && m == mode)
            return 1;
    }
    return 0;
}

/* Appends one data row to buf. */
static void add_row(char *buf, size_t size, const char *code, const char *metric, const char *value)
{
    size_t len = strlen(buf);
    int n = snprintf(buf + len, size - len,
                     "Q1 2025/26,London," MH_TYPE ",Community,%s,Trust %s,Dom,Sub,%s,Desc,Jun-25,"
                     "%%,%s,,,,\n",
                     code, code, metric, value);
    ck_assert(n > 0 && (size_t)n < size - len);
}

/* ---- the real file ---------------------------------------------------- */

START_TEST(test_real_file_verifies)
{
    static const char *const periods[4] = {"Q1 2025/26", "Q2 2025/26", "Q3 2025/26", "Q4 2025/26"};
    static const size_t explained_avg[4] = {3, 0, 0, 0};
    size_t len, checked, agreed, explained, total = 0;
    char *data = slurp(&len);

    ck_assert_int_eq(verify_text(DATA_FILE, data, len), TA_OK);
    free(data);
    ck_assert_int_eq(ta_verification_status(ver), TA_OK);
    ck_assert_str_eq(ta_verification_error(ver), "");
    for (int p = 0; p < 4; p++) {
        static const char *const figures[3] = {"OF5003", "OF5000", "OF5000 Rank"};
        for (int k = 0; k < 3; k++) {
            ck_assert_msg(summary_of(ver, periods[p], figures[k], TA_STEP_BY_STEP, &checked,
                                     &agreed, &explained),
                          "%s %s: no summary", periods[p], figures[k]);
            ck_assert_uint_eq(checked, 61);
            ck_assert_uint_eq(agreed, 61);
            ck_assert_uint_eq(explained, 0);
        }
        /* The final segment (and the RSP flag) is published for Q1 and Q2 only. */
        if (p < 2) {
            ck_assert(summary_of(ver, periods[p], "OF5005", TA_STEP_BY_STEP, &checked, &agreed,
                                 &explained));
            ck_assert_uint_eq(checked, 61);
            ck_assert_uint_eq(agreed, 61);
        } else {
            ck_assert(!summary_of(ver, periods[p], "OF5005", TA_STEP_BY_STEP, &checked, &agreed,
                                  &explained));
        }
        /* Averages from the published 2-decimal scores: differences that
         * rounding explains, the same in both modes. */
        for (int mode = TA_STEP_BY_STEP; mode <= TA_END_TO_END; mode++) {
            ck_assert(summary_of(ver, periods[p], "OF5002", (ta_verify_mode)mode, &checked, &agreed,
                                 &explained));
            ck_assert_uint_eq(checked, 61);
            ck_assert_uint_eq(explained, explained_avg[p]);
            ck_assert_uint_eq(agreed, 61 - explained_avg[p]);
        }
        /* Each domain score published is checked against the domain's mean. */
        for (int d = 0; d < 5; d++) {
            static const char *const domains[5] = {"OF4000", "OF4002", "OF4003", "OF4004",
                                                   "OF4005"};
            ck_assert_msg(summary_of(ver, periods[p], domains[d], TA_END_TO_END, &checked, &agreed,
                                     &explained),
                          "%s %s: no summary", periods[p], domains[d]);
            ck_assert_uint_gt(checked, 50); /* most of the 61 trusts */
            ck_assert_uint_eq(agreed + explained, checked);
        }
        ck_assert(
            summary_of(ver, periods[p], "OF5002", TA_STEP_BY_STEP, &checked, &agreed, &explained));
        total += explained;
    }
    ck_assert_uint_eq(total, 3);

    /* No difference is unexplained, and every one is in Q1: from the
     * unrounded scores, Q2-Q4 agree exactly. */
    for (size_t k = 0; k < ta_verification_difference_count(ver); k++) {
        const char *period, *figure, *reason;
        ta_verdict verdict;
        difference_at(&period, NULL, &figure, NULL, NULL, NULL, &verdict, &reason, ver, k);
        ck_assert_msg(verdict == TA_EXPLAINED, "%s %s: unexplained (%s)", period, figure, reason);
        ck_assert_uint_gt(strlen(reason), 0);
        ck_assert_str_eq(period, "Q1 2025/26");
    }
    /* Metric scores: checked where the file holds what they follow from, and
     * agreeing; the others not checked, with the reason. */
    for (int p = 0; p < 4; p++) {
        static const char *const scored[6] = {"OF1061", "OF1084", "OF1079",
                                              "OF1080", "OF1081", "OF1057"};
        for (int k = 0; k < 6; k++) {
            ck_assert_msg(summary_of(ver, periods[p], scored[k], TA_STEP_BY_STEP, &checked, &agreed,
                                     &explained),
                          "%s %s not checked", periods[p], scored[k]);
            ck_assert_uint_gt(checked, 36);
            ck_assert_uint_eq(agreed, checked);
        }
        ck_assert(
            !summary_of(ver, periods[p], "OF1082", TA_STEP_BY_STEP, &checked, &agreed, &explained));
    }
    {
        int found = 0;
        for (size_t k = 0; k < ta_verification_unchecked_count(ver); k++) {
            const char *period, *figure;
            size_t count;
            ck_assert_int_eq(ta_verification_unchecked(&period, &figure, &count, ver, k), TA_OK);
            if (strcmp(figure, "OF1082") == 0 && strcmp(period, "Q4 2025/26") == 0) {
                ck_assert_uint_eq(count, 61);
                ck_assert_str_eq(ta_verification_unchecked_reason(ver, k),
                                 "pool of 205 trusts; this file has 61");
                found = 1;
            }
            ck_assert_ptr_nonnull(ta_verification_unchecked_reason(ver, k));
        }
        ck_assert(found);
        ck_assert_ptr_null(
            ta_verification_unchecked_reason(ver, ta_verification_unchecked_count(ver)));
        ck_assert_ptr_null(ta_verification_unchecked_reason(NULL, 0));
        /* The average and the segments are checked, so none of them is unchecked. */
        for (size_t k = 0; k < ta_verification_unchecked_count(ver); k++) {
            const char *figure;
            ck_assert_int_eq(ta_verification_unchecked(NULL, &figure, NULL, ver, k), TA_OK);
            ck_assert_str_ne(figure, "OF5002");
            ck_assert_str_ne(figure, "OF5003");
            ck_assert_str_ne(figure, "OF5000");
            ck_assert_str_ne(figure, "OF5005");
        }
        /* Every published score fixes a rank in its pool: nothing noted. */
        ck_assert_uint_eq(ta_verification_note_count(ver), 0);
        ck_assert_ptr_null(ta_verification_note(ver, 0));
    }
    /* Domain segments are read but not checked: OF4100 rows of Q1 counted. */
    {
        int found = 0;
        for (size_t k = 0; k < ta_verification_unchecked_count(ver); k++) {
            const char *period, *figure;
            size_t count;
            ck_assert_int_eq(ta_verification_unchecked(&period, &figure, &count, ver, k), TA_OK);
            if (strcmp(period, "Q1 2025/26") == 0 && strcmp(figure, "OF4100") == 0) {
                ck_assert_uint_eq(count, 58);
                found = 1;
            }
            ck_assert_str_ne(figure, "OF5002");
        }
        ck_assert(found);
    }
    /* Rule: every metric of the framework, the first included, is either
     * checked (a summary) or listed as unchecked with a reason, in some quarter
     * (a metric is not published every quarter). */
    for (size_t m = 0; m < ta_framework_metric_count(fw); m++) {
        const char *id = ta_framework_metric_id(fw, m);
        int seen = 0;
        for (int p = 0; p < 4; p++)
            seen |= summary_of(ver, periods[p], id, TA_STEP_BY_STEP, &checked, &agreed, &explained);
        for (size_t k = 0; !seen && k < ta_verification_unchecked_count(ver); k++) {
            const char *figure;
            ck_assert_int_eq(ta_verification_unchecked(NULL, &figure, NULL, ver, k), TA_OK);
            seen = strcmp(figure, id) == 0;
        }
        ck_assert_msg(seen, "%s: neither checked nor listed", id);
    }
    {
        /* Every accessor refuses an index at the count. */
        size_t ns = ta_verification_summary_count(ver), nd = ta_verification_difference_count(ver);
        ta_verify_mode mode;
        ta_verdict verdict;
        ck_assert_ptr_null(ta_verification_summary_period(ver, ns));
        ck_assert_ptr_null(ta_verification_summary_figure(ver, ns));
        ck_assert_int_eq(ta_verification_summary_mode(&mode, ver, ns), TA_EINVAL);
        ck_assert_int_eq(ta_verification_summary_counts(NULL, NULL, NULL, ver, ns), TA_EINVAL);
        ck_assert_ptr_null(ta_verification_difference_period(ver, nd));
        ck_assert_ptr_null(ta_verification_difference_trust_code(ver, nd));
        ck_assert_ptr_null(ta_verification_difference_figure(ver, nd));
        ck_assert_ptr_null(ta_verification_difference_reason(ver, nd));
        ck_assert_int_eq(ta_verification_difference_mode(&mode, ver, nd), TA_EINVAL);
        ck_assert_int_eq(ta_verification_difference_values(NULL, NULL, ver, nd), TA_EINVAL);
        ck_assert_int_eq(ta_verification_difference_verdict(&verdict, ver, nd), TA_EINVAL);
        /* A NULL out-pointer for a single answer is refused, not ignored. */
        ck_assert_int_eq(ta_verification_summary_mode(NULL, ver, 0), TA_EINVAL);
        if (nd > 0) {
            ck_assert_int_eq(ta_verification_difference_mode(NULL, ver, 0), TA_EINVAL);
            ck_assert_int_eq(ta_verification_difference_verdict(NULL, ver, 0), TA_EINVAL);
        }
    }
    ck_assert_int_eq(
        ta_verification_unchecked(NULL, NULL, NULL, ver, ta_verification_unchecked_count(ver)),
        TA_EINVAL);
}
END_TEST

START_TEST(test_run_one_period)
{
    size_t len, checked, agreed, explained, all;
    char *data = slurp(&len);

    ck_assert_int_eq(verify_text(DATA_FILE, data, len), TA_OK);
    free(data);
    all = ta_verification_summary_count(ver);
    ck_assert_int_eq(ta_verification_run(ver, "Q2 2025/26"), TA_OK);
    ck_assert_uint_lt(ta_verification_summary_count(ver), all);
    for (size_t k = 0; k < ta_verification_summary_count(ver); k++) {
        const char *period;
        summary_at(&period, NULL, NULL, NULL, NULL, NULL, ver, k);
        ck_assert_str_eq(period, "Q2 2025/26");
    }
    ck_assert(
        summary_of(ver, "Q2 2025/26", "OF5002", TA_END_TO_END, &checked, &agreed, &explained));
    ck_assert_uint_eq(explained, 0);
    ck_assert_uint_eq(agreed, 61);
    /* The exact text is needed; a failed run leaves no results. */
    ck_assert_int_eq(ta_verification_run(ver, "Q2"), TA_ENOTFOUND);
    assert_has(ta_verification_error(ver), "Q2");
    ck_assert_uint_eq(ta_verification_summary_count(ver), 0);
    ck_assert_uint_eq(ta_verification_difference_count(ver), 0);
    ck_assert_int_eq(ta_verification_run(ver, NULL), TA_OK);
    ck_assert_str_eq(ta_verification_error(ver), ""); /* a successful run clears the error */
    ck_assert_uint_eq(ta_verification_summary_count(ver), all);
    ck_assert_uint_eq(ta_verification_note_count(NULL), 0);
    ck_assert_int_eq(ta_verification_run(NULL, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_verification_status(NULL), TA_EINVAL);
}
END_TEST

START_TEST(test_new_arguments)
{
    ta_verification *v = (ta_verification *)&v;

    ck_assert_int_eq(ta_nhse_file_new(&file, fw, NULL), TA_OK);
    /* A file not yet read cannot be verified. */
    ck_assert_int_eq(ta_verification_new(&v, file, NULL), TA_EINVAL);
    ck_assert_ptr_null(v);
    v = (ta_verification *)&v;
    ck_assert_int_eq(ta_verification_new(&v, NULL, NULL), TA_EINVAL);
    ck_assert_ptr_null(v);
    ck_assert_int_eq(ta_verification_new(NULL, file, NULL), TA_EINVAL);
    ta_verification_free(NULL);
    ck_assert_uint_eq(ta_verification_summary_count(NULL), 0);
    ck_assert_ptr_nonnull(ta_verification_error(NULL));
}
END_TEST

/* RWX's Q4 adjusted segment changed from 2 to 4 in the text. */
START_TEST(test_tampered_file)
{
    static const char row[] = "RWX,Berkshire Healthcare NHS Foundation Trust,Summary,Summary,"
                              "OF5000,Adjusted segment,Q4 2025/26,segment,2.0,";
    size_t len, found = 0;
    char *data = slurp(&len), *at = strstr(data, row);

    ck_assert_ptr_nonnull(at);
    ck_assert_ptr_null(strstr(at + 1, row));
    at[sizeof row - 5] = '4';
    ck_assert_int_eq(strncmp(at + sizeof row - 5, "4.0,", 4), 0);
    ck_assert_int_eq(verify_text("tampered.csv", data, len), TA_OK);
    free(data);
    ck_assert_int_eq(ta_verification_status(ver), TA_EINCONSISTENT);
    for (size_t k = 0; k < ta_verification_difference_count(ver); k++) {
        const char *period, *figure, *reason;
        ta_verify_mode mode;
        double published, computed;
        ta_verdict verdict;
        difference_at(&period, NULL, &figure, &mode, &published, &computed, &verdict, &reason, ver,
                      k);
        if (verdict != TA_UNEXPLAINED)
            continue;
        ck_assert_str_eq(period, "Q4 2025/26"); /* other quarters are untouched */
        /* The only OF5000 difference: RWX's (its cap rule gives 2). */
        if (strcmp(figure, "OF5000") == 0 && mode == TA_STEP_BY_STEP) {
            ck_assert_double_eq(published, 4);
            ck_assert_double_eq(computed, 2);
            assert_has(reason, "rule");
            found++;
        }
    }
    ck_assert_uint_eq(found, 1);
    /* Q1 alone still verifies. */
    ck_assert_int_eq(ta_verification_run(ver, "Q1 2025/26"), TA_OK);
    ck_assert_int_eq(ta_verification_status(ver), TA_OK);
}
END_TEST

/* The explanation test: published A is explained when A = round-half-up(x)
 * for some x within 0.005 of the mean m of the published scores. */
START_TEST(test_explanation_boundary)
{
    static const struct {
        const char *code, *s1, *s2, *s3, *published;
        double computed;
        ta_verdict verdict;
    } t[] = {
        /* m = 2.00: agrees. */
        {"AGREE", "2.00", "2.00", NULL, "2.00", 2.00, TA_AGREES},
        /* m = 2.035 -> 2.04; m - 0.005 = 2.030 -> 2.03: 2.03 explained, 2.02 not. */
        {"LOW1", "2.03", "2.04", NULL, "2.03", 2.04, TA_EXPLAINED},
        {"LOW2", "2.03", "2.04", NULL, "2.02", 2.04, TA_UNEXPLAINED},
        /* m + 0.005 = 2.040 -> 2.04 = the computed value: 2.05 is not explained. */
        {"HIGH2", "2.03", "2.04", NULL, "2.05", 2.04, TA_UNEXPLAINED},
        /* m = 2.00333 -> 2.00; m + 0.005 = 2.00833 -> 2.01: 2.01 explained, 2.02 not. */
        {"UP1", "2.00", "2.00", "2.01", "2.01", 2.00, TA_EXPLAINED},
        {"UP2", "2.00", "2.00", "2.01", "2.02", 2.00, TA_UNEXPLAINED},
    };
    const size_t n = sizeof t / sizeof t[0];
    char text[8192] = HEADER;
    size_t checked, agreed, explained, seen = 0;

    for (size_t i = 0; i < n; i++) {
        add_row(text, sizeof text, t[i].code, "OF1061", t[i].s1);
        add_row(text, sizeof text, t[i].code, "OF1084", t[i].s2);
        if (t[i].s3)
            add_row(text, sizeof text, t[i].code, "OF1035", t[i].s3);
        add_row(text, sizeof text, t[i].code, "OF5002", t[i].published);
    }
    ck_assert_int_eq(verify_text("boundary.csv", text, strlen(text)), TA_OK);
    ck_assert_int_eq(ta_verification_status(ver), TA_EINCONSISTENT);
    ck_assert(
        summary_of(ver, "Q1 2025/26", "OF5002", TA_STEP_BY_STEP, &checked, &agreed, &explained));
    ck_assert_uint_eq(checked, n);
    ck_assert_uint_eq(agreed, 1);
    ck_assert_uint_eq(explained, 2);
    /* Each difference is matched to its trust by its (published, computed) pair,
     * which is distinct per trust here. */
    for (size_t k = 0; k < ta_verification_difference_count(ver); k++) {
        const char *period, *figure, *reason;
        ta_verify_mode mode;
        double published, computed;
        ta_verdict verdict;
        size_t i;
        difference_at(&period, NULL, &figure, &mode, &published, &computed, &verdict, &reason, ver,
                      k);
        ck_assert_str_eq(figure, "OF5002");
        for (i = 0; i < n && !(fabs(published - atof(t[i].published)) < 1e-9 &&
                               fabs(computed - t[i].computed) < 1e-9);
             i++)
            ;
        ck_assert_msg(i < n, "a difference %g / %g of no trust", published, computed);
        ck_assert_msg(verdict == t[i].verdict, "%s: verdict %d, not %d", t[i].code, (int)verdict,
                      (int)t[i].verdict);
        if (mode == TA_STEP_BY_STEP)
            seen++;
    }
    ck_assert_uint_eq(seen, n - 1);

    /* Without the unexplained trusts the file verifies. */
    ta_verification_free(ver);
    ver = NULL;
    ta_nhse_file_free(file);
    file = NULL;
    strcpy(text, HEADER);
    for (size_t i = 0; i < n; i++) {
        if (t[i].verdict == TA_UNEXPLAINED)
            continue;
        add_row(text, sizeof text, t[i].code, "OF1061", t[i].s1);
        add_row(text, sizeof text, t[i].code, "OF1084", t[i].s2);
        if (t[i].s3)
            add_row(text, sizeof text, t[i].code, "OF1035", t[i].s3);
        add_row(text, sizeof text, t[i].code, "OF5002", t[i].published);
    }
    ck_assert_int_eq(verify_text("boundary.csv", text, strlen(text)), TA_OK);
    ck_assert_int_eq(ta_verification_status(ver), TA_OK);
    ck_assert_uint_eq(ta_verification_difference_count(ver), 4); /* 2 trusts x 2 modes */
}
END_TEST

/* ---- allocation failure ----------------------------------------------- */

/* The header and the Q1 and Q2 rows of the real file's first 8 trusts. */
static char *fixture(size_t *len)
{
    static const char *const codes[8] = {"R1A", "R1D", "R1L", "RAT", "RDR", "RDY", "RHA", "RJ8"};
    size_t all_len, n = 0;
    char *all = slurp(&all_len), *out = malloc(all_len + 1), *line, *end;

    ck_assert_ptr_nonnull(out);
    for (line = all; *line; line = end) {
        const char *p = line;
        int keep = line == all, commas = 0;
        end = strchr(line, '\n');
        end = end ? end + 1 : line + strlen(line);
        while (p < end && commas < 4)
            commas += *p++ == ',';
        if (!keep &&
            (strncmp(line, "Q1 2025/26,", 11) == 0 || strncmp(line, "Q2 2025/26,", 11) == 0))
            for (int k = 0; k < 8; k++)
                if (strncmp(p, codes[k], strlen(codes[k])) == 0 && p[strlen(codes[k])] == ',')
                    keep = 1;
        if (keep) {
            memcpy(out + n, line, (size_t)(end - line));
            n += (size_t)(end - line);
        }
    }
    free(all);
    *len = n;
    return out;
}

typedef struct summary_copy {
    char period[16], figure[16];
    ta_verify_mode mode;
    size_t checked, agreed, explained;
} summary_copy;

#define MAX_SUMMARIES 64

static size_t copy_summaries(const ta_verification *v, summary_copy *out)
{
    size_t n = ta_verification_summary_count(v);
    ck_assert_uint_le(n, MAX_SUMMARIES);
    memset(out, 0, MAX_SUMMARIES * sizeof *out);
    for (size_t k = 0; k < n; k++) {
        const char *p, *f;
        summary_at(&p, &f, &out[k].mode, &out[k].checked, &out[k].agreed, &out[k].explained, v, k);
        snprintf(out[k].period, sizeof out[k].period, "%s", p);
        snprintf(out[k].figure, sizeof out[k].figure, "%s", f);
    }
    return n;
}

START_TEST(test_run_allocation_failure)
{
    static summary_copy ref[MAX_SUMMARIES], got[MAX_SUMMARIES];
    size_t len, n_ref, n_diffs, n, failures = 0, base;
    char *data = fixture(&len);
    af_counter c = {0};
    ta_allocator al = af_allocator(&c);

    ck_assert_int_eq(ta_nhse_file_new(&file, fw, &al), TA_OK);
    ck_assert_int_eq(ta_nhse_file_read_buffer(file, data, len, "fixture.csv"), TA_OK);
    free(data);
    ck_assert_uint_eq(ta_nhse_file_period_count(file), 2);
    ck_assert_int_eq(ta_verification_new(&ver, file, &al), TA_OK);
    ck_assert_int_eq(ta_verification_run(ver, NULL), TA_OK);
    n_ref = copy_summaries(ver, ref);
    n_diffs = ta_verification_difference_count(ver);
    ck_assert_uint_gt(n_ref, 10);
    ta_verification_free(ver);
    ver = NULL;
    base = c.live; /* what the file holds */

    for (n = 1;; n++) {
        ta_status st;
        ck_assert_int_eq(ta_verification_new(&ver, file, &al), TA_OK);
        af_fail_in(&c, n);
        st = ta_verification_run(ver, NULL);
        if (!c.failed) {
            ck_assert_int_eq(st, TA_OK);
            ck_assert_uint_eq(copy_summaries(ver, got), n_ref);
            ck_assert_mem_eq(got, ref, sizeof ref);
            ta_verification_free(ver);
            ver = NULL;
            ck_assert_uint_eq(c.live, base);
            break;
        }
        failures++;
        ck_assert_msg(st == TA_ENOMEM, "allocation %zu failed: status %d (%s)", n, (int)st,
                      ta_verification_error(ver));
        assert_has(ta_verification_error(ver), "out of memory");
        ck_assert_uint_eq(ta_verification_summary_count(ver), 0);
        /* Usable afterwards: the next run gives the reference results. */
        af_fail_in(&c, 0);
        ck_assert_int_eq(ta_verification_run(ver, NULL), TA_OK);
        ck_assert_uint_eq(copy_summaries(ver, got), n_ref);
        ck_assert_mem_eq(got, ref, sizeof ref);
        ck_assert_uint_eq(ta_verification_difference_count(ver), n_diffs);
        ta_verification_free(ver);
        ver = NULL;
        ck_assert_msg(c.live == base, "allocation %zu failed: %zu blocks leaked", n, c.live - base);
    }
    ck_assert_uint_gt(failures, 20);
    ta_nhse_file_free(file);
    file = NULL;
    ck_assert_uint_eq(c.live, 0);
}
END_TEST

/* A difference's trust code stays valid after the run (it used to point into
 * a per-period assessment freed inside the run). */
START_TEST(test_difference_trust_code_outlives_run)
{
    size_t len, found = 0;
    char *data = slurp(&len);
    ck_assert_int_eq(verify_text(DATA_FILE, data, len), TA_OK);
    free(data);
    for (size_t k = 0; k < ta_verification_difference_count(ver); k++) {
        const char *period = NULL, *code = NULL, *figure = NULL;
        ta_verify_mode mode;
        difference_at(&period, &code, &figure, &mode, NULL, NULL, NULL, NULL, ver, k);
        if (strcmp(period, "Q1 2025/26") == 0 && strcmp(figure, "OF5002") == 0 &&
            mode == TA_END_TO_END) {
            /* Q1's three explained average differences */
            ck_assert_msg(strcmp(code, "RWX") == 0 || strcmp(code, "RXT") == 0 ||
                              strcmp(code, "RY2") == 0,
                          "%s", code);
            found++;
        }
    }
    ck_assert_uint_eq(found, 3);
}
END_TEST

/* ---- combined scores -------------------------------------------------- */

/* The unchecked entries of figure in period: how many, and (when there is
 * exactly one) its reason and count. */
static size_t unchecked_of(const ta_verification *v, const char *figure, const char **reason,
                           size_t *count)
{
    size_t found = 0;
    for (size_t k = 0; k < ta_verification_unchecked_count(v); k++) {
        const char *p, *f;
        size_t c;
        ck_assert_int_eq(ta_verification_unchecked(&p, &f, &c, v, k), TA_OK);
        if (strcmp(f, figure) != 0)
            continue;
        *reason = ta_verification_unchecked_reason(v, k);
        *count = c;
        found++;
    }
    return found;
}

/* Rule: a combined score (OF1080 from OF1079 and OF1081) is checked only when
 * both component scores are published whole numbers; a component that is
 * missing or fractional leaves it unchecked as "a component score is not
 * published". A component outside 1 to 4 never gets that far: the run stops
 * with the assessment's range error (so the table is never read outside its
 * 4 x 4 entries). */
START_TEST(test_combined_needs_whole_components)
{
    static const char *const t[][4] = {
        /* code, OF1079, OF1081, OF1080 (NULL: not published) */
        {"GOOD", "1", "1", "1"}, /* (1, 1) = 1: checked, agrees */
        {"FOUR", "4", "2", "3"}, /* (4, 2) = 3: checked, agrees */
        {"HALF1", "1.5", "1", "1"}, {"HALF2", "1", "1.5", "1"},
        {"NONE1", NULL, "1", "1"},  {"NONE2", "1", NULL, "1"},
    };
    const size_t n = sizeof t / sizeof t[0];
    char text[8192] = HEADER;
    const char *reason = NULL;
    size_t checked, agreed, explained, count = 0;

    for (size_t i = 0; i < n; i++) {
        if (t[i][1])
            add_row(text, sizeof text, t[i][0], "OF1079", t[i][1]);
        if (t[i][2])
            add_row(text, sizeof text, t[i][0], "OF1081", t[i][2]);
        add_row(text, sizeof text, t[i][0], "OF1080", t[i][3]);
    }
    ck_assert_msg(verify_text("combined.csv", text, strlen(text)) == TA_OK, "%s",
                  ta_verification_error(ver));
    ck_assert(
        summary_of(ver, "Q1 2025/26", "OF1080", TA_STEP_BY_STEP, &checked, &agreed, &explained));
    ck_assert_uint_eq(checked, 2);
    ck_assert_uint_eq(agreed, 2);
    ck_assert_uint_eq(unchecked_of(ver, "OF1080", &reason, &count), 1);
    ck_assert_str_eq(reason, "a component score is not published");
    ck_assert_uint_eq(count, n - 2);

    /* A component of 5: the run stops, naming the cell. */
    ta_verification_free(ver);
    ver = NULL;
    ta_nhse_file_free(file);
    file = NULL;
    strcpy(text, HEADER);
    add_row(text, sizeof text, "BIG", "OF1079", "5");
    add_row(text, sizeof text, "BIG", "OF1081", "1");
    add_row(text, sizeof text, "BIG", "OF1080", "1");
    ck_assert_int_eq(verify_text("big.csv", text, strlen(text)), TA_ERANGE);
    assert_has(ta_verification_error(ver), "trust BIG: the score of OF1079 must be from 1 to 4");
    ck_assert_uint_eq(ta_verification_summary_count(ver), 0);
}
END_TEST

/* ---- step-by-step ranks ----------------------------------------------- */

/* Appends one data row with a published Rank to buf. */
static void add_ranked_row(char *buf, size_t size, const char *code, const char *metric,
                           const char *value, const char *rank)
{
    size_t len = strlen(buf);
    int n = snprintf(buf + len, size - len,
                     "Q1 2025/26,London," MH_TYPE ",Community,%s,Trust %s,Dom,Sub,%s,Desc,Jun-25,"
                     "%%,%s,,,,%s\n",
                     code, code, metric, value, rank);
    ck_assert(n > 0 && (size_t)n < size - len);
}

/* Rule: the step-by-step ranks come from the trusts with both a published
 * adjusted segment and a published average; a trust with only the segment
 * (no average to order it by) takes no place, so the others keep theirs. */
START_TEST(test_step_ranks_need_segment_and_average)
{
    static const char *const t[][5] = {
        /* code, unadjusted = adjusted segment, average, rank, OF1061 */
        {"S1", "1", "1.50", "1", "1.50"},
        {"S2", "2", "2.00", "2", "2.00"},
        {"S3", "3", "2.60", "3", "2.60"},
        {"S4", "4", "3.50", "4", "3.50"},
    };
    char text[8192] = HEADER;
    size_t checked, agreed, explained;

    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        add_row(text, sizeof text, t[i][0], "OF1061", t[i][4]);
        add_row(text, sizeof text, t[i][0], "OF5003", t[i][1]);
        add_ranked_row(text, sizeof text, t[i][0], "OF5000", t[i][1], t[i][3]);
        add_row(text, sizeof text, t[i][0], "OF5002", t[i][2]);
    }
    /* An adjusted segment 2 with neither an average nor a rank. */
    add_row(text, sizeof text, "ODD", "OF1061", "1.00");
    add_row(text, sizeof text, "ODD", "OF5000", "2");
    ck_assert_msg(verify_text("ranks.csv", text, strlen(text)) == TA_OK, "%s",
                  ta_verification_error(ver));
    ck_assert(summary_of(ver, "Q1 2025/26", "OF5000 Rank", TA_STEP_BY_STEP, &checked, &agreed,
                         &explained));
    ck_assert_uint_eq(checked, 4);
    ck_assert_uint_eq(agreed, 4);
}
END_TEST

/* Rule: a file with adjusted segments and averages but no unadjusted
 * segments (a league table) has each adjusted segment checked against the
 * segment of its average under the cut-offs those figures imply, capped by
 * the deficit flag. */
START_TEST(test_league_table_segments_checked)
{
    static const char *const t[][3] = {
        /* code, adjusted segment, average */
        {"S1", "1", "1.50"},
        {"S2", "2", "2.00"},
        {"S3", "3", "2.60"},
        {"S4", "4", "3.50"},
    };
    char text[8192] = HEADER;
    size_t checked, agreed, explained;

    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        add_row(text, sizeof text, t[i][0], "OF1061", t[i][2]);
        add_row(text, sizeof text, t[i][0], "OF5000", t[i][1]);
        add_row(text, sizeof text, t[i][0], "OF5002", t[i][2]);
        add_row(text, sizeof text, t[i][0], "OF5004", "0");
    }
    ck_assert_msg(verify_text("league.csv", text, strlen(text)) == TA_OK, "%s",
                  ta_verification_error(ver));
    ck_assert(
        summary_of(ver, "Q1 2025/26", "OF5000", TA_STEP_BY_STEP, &checked, &agreed, &explained));
    ck_assert_uint_eq(checked, 4);
    ck_assert_uint_eq(agreed, 4);
}
END_TEST

/* Rule: a published rank one above the step-by-step rank is explained only
 * by trusts of its type the file lacks (the highest published rank above the
 * trusts ranked here); with none missing it is an unexplained rank. */
START_TEST(test_rank_one_off_unexplained_when_none_missing)
{
    static const char *const t[][4] = {
        /* code, segment, average, published rank (S2's should be 2) */
        {"S1", "1", "1.50", "1"},
        {"S2", "2", "2.00", "3"},
        {"S3", "3", "2.60", "3"},
        {"S4", "4", "3.50", "4"},
    };
    char text[8192] = HEADER;
    size_t checked, agreed, explained, found = 0;

    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        add_row(text, sizeof text, t[i][0], "OF1061", t[i][2]);
        add_row(text, sizeof text, t[i][0], "OF5003", t[i][1]);
        add_ranked_row(text, sizeof text, t[i][0], "OF5000", t[i][1], t[i][3]);
        add_row(text, sizeof text, t[i][0], "OF5002", t[i][2]);
    }
    ck_assert_msg(verify_text("ranks.csv", text, strlen(text)) == TA_OK, "%s",
                  ta_verification_error(ver));
    ck_assert_int_eq(ta_verification_status(ver), TA_EINCONSISTENT);
    ck_assert(summary_of(ver, "Q1 2025/26", "OF5000 Rank", TA_STEP_BY_STEP, &checked, &agreed,
                         &explained));
    ck_assert_uint_eq(checked, 4);
    ck_assert_uint_eq(agreed, 3);
    ck_assert_uint_eq(explained, 0);
    for (size_t k = 0; k < ta_verification_difference_count(ver); k++) {
        const char *code, *figure, *reason;
        ta_verify_mode mode;
        double published, computed;
        ta_verdict verdict;
        difference_at(NULL, &code, &figure, &mode, &published, &computed, &verdict, &reason, ver,
                      k);
        if (strcmp(figure, "OF5000 Rank") != 0 || mode != TA_STEP_BY_STEP)
            continue;
        ck_assert_str_eq(code, "S2");
        ck_assert_int_eq(verdict, TA_UNEXPLAINED);
        ck_assert(published == 3 && computed == 2);
        assert_has(reason, "gives another rank");
        found++;
    }
    ck_assert_uint_eq(found, 1);
}
END_TEST

/* Appends one data row of trust type `type` to buf, with a published rank
 * when `rank` is not NULL. */
static void add_typed_row(char *buf, size_t size, const char *type, const char *code,
                          const char *metric, const char *value, const char *rank)
{
    size_t len = strlen(buf);
    int n =
        snprintf(buf + len, size - len,
                 "Q1 2025/26,London,%s,Community,%s,Trust %s,Dom,Sub,%s,Desc,Jun-25,%%,%s,,,,%s\n",
                 type, code, code, metric, value, rank ? rank : "");
    ck_assert(n > 0 && (size_t)n < size - len);
}

/* Rule: an end-to-end rank that differs from the published one while the
 * step-by-step rank agrees is explained when an average of a trust of its
 * type differs within the rounding of the published metric scores; with
 * every average of the type explained (none merely agreeing) it still is.
 * A and B, the only trusts of their type, publish 2.03 and 2.04 (ranks 1
 * and 2); their metric scores give 2.035 -> 2.04 and 2.0333 -> 2.03, each
 * within the rounding, so computed end to end their order is swapped. */
START_TEST(test_rank_explained_by_every_average_of_its_type)
{
    static const char *const other[][3] = {
        /* code, segment = rank, average (another type: they set the cut-offs) */
        {"S1", "1", "1.50"},
        {"S2", "2", "2.00"},
        {"S3", "3", "2.60"},
        {"S4", "4", "3.50"},
    };
    static const char *const mine[][6] = {
        /* code, metric scores (3rd may be empty), published average, rank */
        {"A", "2.03", "2.04", "", "2.03", "1"},
        {"B", "2.03", "2.03", "2.04", "2.04", "2"},
    };
    char text[8192] = HEADER;
    size_t found = 0;

    for (size_t i = 0; i < sizeof other / sizeof other[0]; i++) {
        add_typed_row(text, sizeof text, "Acute trust", other[i][0], "OF1061", other[i][2], NULL);
        add_typed_row(text, sizeof text, "Acute trust", other[i][0], "OF5003", other[i][1], NULL);
        add_typed_row(text, sizeof text, "Acute trust", other[i][0], "OF5000", other[i][1],
                      other[i][1]);
        add_typed_row(text, sizeof text, "Acute trust", other[i][0], "OF5002", other[i][2], NULL);
    }
    for (size_t i = 0; i < sizeof mine / sizeof mine[0]; i++) {
        add_typed_row(text, sizeof text, MH_TYPE, mine[i][0], "OF1061", mine[i][1], NULL);
        add_typed_row(text, sizeof text, MH_TYPE, mine[i][0], "OF1084", mine[i][2], NULL);
        if (mine[i][3][0])
            add_typed_row(text, sizeof text, MH_TYPE, mine[i][0], "OF1035", mine[i][3], NULL);
        add_typed_row(text, sizeof text, MH_TYPE, mine[i][0], "OF5003", "2", NULL);
        add_typed_row(text, sizeof text, MH_TYPE, mine[i][0], "OF5000", "2", mine[i][5]);
        add_typed_row(text, sizeof text, MH_TYPE, mine[i][0], "OF5002", mine[i][4], NULL);
    }
    ck_assert_msg(verify_text("ranks.csv", text, strlen(text)) == TA_OK, "%s",
                  ta_verification_error(ver));
    for (size_t k = 0; k < ta_verification_difference_count(ver); k++) {
        const char *code, *figure, *reason;
        ta_verify_mode mode;
        double published, computed;
        ta_verdict verdict;
        difference_at(NULL, &code, &figure, &mode, &published, &computed, &verdict, &reason, ver,
                      k);
        if (strcmp(figure, "OF5000 Rank") != 0)
            continue;
        ck_assert_int_eq(mode, TA_END_TO_END);
        ck_assert_int_eq(verdict, TA_EXPLAINED);
        ck_assert_str_eq(reason, "follows from the explained difference in the average");
        ck_assert(strcmp(code, "A") == 0
                      ? published == 1 && computed == 2
                      : strcmp(code, "B") == 0 && published == 2 && computed == 1);
        found++;
    }
    ck_assert_uint_eq(found, 2);
}
END_TEST

/* Rule: every accessor answers NULL or TA_EINVAL for an index equal to its
 * count (the first past the end), also when an earlier run left more entries,
 * and a count of NULL is 0. */
START_TEST(test_accessors_at_the_count)
{
    size_t len, ns, nd, nu, nn, c1, c2, c3;
    char *data = fixture(&len);
    ta_verify_mode mode;
    ta_verdict verdict;
    double d1, d2;
    const char *p, *f;

    ck_assert_int_eq(verify_text("fixture.csv", data, len), TA_OK);
    free(data);
    ns = ta_verification_summary_count(ver);
    nd = ta_verification_difference_count(ver);
    nu = ta_verification_unchecked_count(ver);
    /* A run of one quarter after a run of both: the entries past the new
     * counts are the earlier run's, still there but not this run's. */
    ck_assert_int_eq(ta_verification_run(ver, "Q2 2025/26"), TA_OK);
    ck_assert_uint_lt(ta_verification_summary_count(ver), ns);
    ck_assert_uint_lt(ta_verification_difference_count(ver), nd);
    ck_assert_uint_lt(ta_verification_unchecked_count(ver), nu);
    ns = ta_verification_summary_count(ver);
    nd = ta_verification_difference_count(ver);
    nu = ta_verification_unchecked_count(ver);
    nn = ta_verification_note_count(ver);
    ck_assert(ns > 0 && nd > 0 && nu > 0);
    ck_assert_ptr_nonnull(ta_verification_summary_period(ver, ns - 1));
    ck_assert_ptr_null(ta_verification_summary_period(ver, ns));
    ck_assert_ptr_null(ta_verification_summary_figure(ver, ns));
    ck_assert_int_eq(ta_verification_summary_mode(&mode, ver, ns), TA_EINVAL);
    ck_assert_int_eq(ta_verification_summary_counts(&c1, &c2, &c3, ver, ns), TA_EINVAL);
    ck_assert_ptr_nonnull(ta_verification_difference_period(ver, nd - 1));
    ck_assert_ptr_null(ta_verification_difference_period(ver, nd));
    ck_assert_ptr_null(ta_verification_difference_trust_code(ver, nd));
    ck_assert_ptr_null(ta_verification_difference_figure(ver, nd));
    ck_assert_ptr_null(ta_verification_difference_reason(ver, nd));
    ck_assert_int_eq(ta_verification_difference_mode(&mode, ver, nd), TA_EINVAL);
    ck_assert_int_eq(ta_verification_difference_values(&d1, &d2, ver, nd), TA_EINVAL);
    ck_assert_int_eq(ta_verification_difference_verdict(&verdict, ver, nd), TA_EINVAL);
    ck_assert_int_eq(ta_verification_unchecked(&p, &f, &c1, ver, nu), TA_EINVAL);
    ck_assert_ptr_null(ta_verification_unchecked_reason(ver, nu));
    ck_assert_ptr_null(ta_verification_note(ver, nn));
    if (nn > 0)
        ck_assert_ptr_nonnull(ta_verification_note(ver, nn - 1));
    ck_assert_uint_eq(ta_verification_summary_count(NULL), 0);
    ck_assert_uint_eq(ta_verification_difference_count(NULL), 0);
    ck_assert_uint_eq(ta_verification_unchecked_count(NULL), 0);
}
END_TEST

/* Rule (floor-scored metrics, OF1057: floor 70%, pool 80 in Q1): when the
 * file's trusts are not the whole pool, a trust meeting the floor is checked
 * only against the floor's bookends, 1.00 to 3.00: a published 3.50 is
 * computed as 3.00 and differs; a published 2.50 agrees. */
START_TEST(test_floor_score_outside_bookends)
{
    char text[4096] = HEADER;
    size_t found = 0, notes;

    add_row(text, sizeof text, "X", "OF0057", "75");
    add_row(text, sizeof text, "X", "OF1057", "3.50");
    add_row(text, sizeof text, "Y", "OF0057", "80");
    add_row(text, sizeof text, "Y", "OF1057", "2.50");
    ck_assert_msg(verify_text("floor.csv", text, strlen(text)) == TA_OK, "%s",
                  ta_verification_error(ver));
    ck_assert_int_eq(ta_verification_status(ver), TA_EINCONSISTENT);
    for (size_t k = 0; k < ta_verification_difference_count(ver); k++) {
        const char *code, *figure, *reason;
        double published, computed;
        ta_verdict verdict;
        difference_at(NULL, &code, &figure, NULL, &published, &computed, &verdict, &reason, ver, k);
        if (strcmp(figure, "OF1057") != 0)
            continue;
        ck_assert_str_eq(code, "X");
        ck_assert(published == 3.5 && computed == 3.0);
        ck_assert_int_eq(verdict, TA_UNEXPLAINED);
        assert_has(reason, "outside 1.00-3.00");
        found++;
    }
    ck_assert_uint_eq(found, 2); /* step by step and end to end */
    /* Y's 2.50 fixes no rank in a pool of 80 (the assessment's note); a
     * second run's notes replace the first's, and a failed run leaves none. */
    notes = ta_verification_note_count(ver);
    ck_assert_uint_gt(notes, 0);
    assert_has(ta_verification_note(ver, 0), "Y");
    ck_assert_int_eq(ta_verification_run(ver, NULL), TA_OK);
    ck_assert_uint_eq(ta_verification_note_count(ver), notes);
    ck_assert_int_eq(ta_verification_run(ver, "Q9"), TA_ENOTFOUND);
    ck_assert_uint_eq(ta_verification_note_count(ver), 0);
}
END_TEST

/* Rule: in a whole pool a trust's rank-scored metric is placed by the trusts
 * strictly better: a higher raw value, or the same value and a smaller
 * published Rank; two trusts of equal value and equal Rank tie, each with
 * none better (1.00 between the bookends 1.00-4.00), the third trust two
 * behind (4.00). A framework of one rank-scored metric with no pool data:
 * its pool is the file's trusts. */
START_TEST(test_rank_tie_on_value_and_published_rank)
{
    static const char *const t[][4] = {
        /* code, raw value, published Rank, published score */
        {"A", "10", "1", "1.00"},
        {"B", "10", "1", "1.00"},
        {"C", "5", "3", "4.00"},
    };
    ta_framework_builder *b = NULL;
    char text[4096] = HEADER;
    size_t checked, agreed, explained;

    ta_framework_free(fw);
    ck_assert_int_eq(ta_framework_builder_new(&b, "one metric", NULL), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "d1", "Domain one", "D1"), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "M1", "Metric one", "d1", TA_SCORING_RANK),
                     TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_raw_id(b, "M1", "V1"), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_OK);
    ta_framework_builder_free(b);
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        add_ranked_row(text, sizeof text, t[i][0], "V1", t[i][1], t[i][2]);
        add_row(text, sizeof text, t[i][0], "M1", t[i][3]);
    }
    ck_assert_msg(verify_text("tie.csv", text, strlen(text)) == TA_OK, "%s",
                  ta_verification_error(ver));
    ck_assert(summary_of(ver, "Q1 2025/26", "M1", TA_STEP_BY_STEP, &checked, &agreed, &explained));
    ck_assert_uint_eq(checked, 3);
    ck_assert_uint_eq(agreed, 3);
    ck_assert_int_eq(ta_verification_status(ver), TA_OK);
}
END_TEST

/* Rule: the trusts of a type the file lacks number the highest published
 * rank less the trusts ranked here (6 - 4 = 2); a published rank above the
 * step-by-step one by at most that is explained (S4: 6 for 4), by more is
 * not (S2: 5 for 2), in both modes (the end-to-end rank is the same). */
START_TEST(test_rank_missing_trusts_counted)
{
    static const char *const t[][4] = {
        /* code, segment, average, published rank */
        {"S1", "1", "1.50", "1"},
        {"S2", "2", "2.00", "5"},
        {"S3", "3", "2.60", "3"},
        {"S4", "4", "3.50", "6"},
    };
    char text[8192] = HEADER;
    size_t found = 0;

    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        add_row(text, sizeof text, t[i][0], "OF1061", t[i][2]);
        add_row(text, sizeof text, t[i][0], "OF5003", t[i][1]);
        add_ranked_row(text, sizeof text, t[i][0], "OF5000", t[i][1], t[i][3]);
        add_row(text, sizeof text, t[i][0], "OF5002", t[i][2]);
    }
    ck_assert_msg(verify_text("ranks.csv", text, strlen(text)) == TA_OK, "%s",
                  ta_verification_error(ver));
    for (size_t k = 0; k < ta_verification_difference_count(ver); k++) {
        const char *code, *figure, *reason;
        ta_verify_mode mode;
        double published, computed;
        ta_verdict verdict;
        difference_at(NULL, &code, &figure, &mode, &published, &computed, &verdict, &reason, ver,
                      k);
        if (strcmp(figure, "OF5000 Rank") != 0)
            continue;
        if (strcmp(code, "S2") == 0) {
            ck_assert_int_eq(verdict, TA_UNEXPLAINED);
            assert_has(reason, mode == TA_STEP_BY_STEP ? "gives another rank"
                                                       : "no explained average accounts for it");
        } else {
            ck_assert_str_eq(code, "S4");
            ck_assert_int_eq(verdict, TA_EXPLAINED);
            assert_has(reason, "the file lacks trusts of this type");
        }
        found++;
    }
    ck_assert_uint_eq(found, 4); /* S2 and S4, step by step and end to end */
}
END_TEST

/* Rule (standard-scored metrics, verify.c's spread): with no pool data the
 * pool is the file's trusts that miss the standard, the only ones scored
 * between the bookends 2.00 and 4.00. Standard 50, higher is better: A (60)
 * meets it and scores 1.00; B, C and D (40, 30, 20) miss it, a pool of 3
 * (not the 1 trust meeting it), and score 2.00, 3.00 and 4.00. */
START_TEST(test_standard_pool_is_the_trusts_missing_it)
{
    static const char *const t[][3] = {
        /* code, raw value, published score */
        {"A", "60", "1.00"},
        {"B", "40", "2.00"},
        {"C", "30", "3.00"},
        {"D", "20", "4.00"},
    };
    ta_framework_builder *b = NULL;
    char text[4096] = HEADER;
    size_t checked, agreed, explained;

    ta_framework_free(fw);
    ck_assert_int_eq(ta_framework_builder_new(&b, "one standard", NULL), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "d1", "Domain one", "D1"), TA_OK);
    ck_assert_int_eq(
        ta_framework_builder_add_metric(b, "M1", "Metric one", "d1", TA_SCORING_STANDARD), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_raw_id(b, "M1", "V1"), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_direction(b, "M1", TA_HIGHER_IS_BETTER), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_standard(b, "M1", 50), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_OK);
    ta_framework_builder_free(b);
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        add_row(text, sizeof text, t[i][0], "V1", t[i][1]);
        add_row(text, sizeof text, t[i][0], "M1", t[i][2]);
    }
    ck_assert_msg(verify_text("standard.csv", text, strlen(text)) == TA_OK, "%s",
                  ta_verification_error(ver));
    ck_assert(summary_of(ver, "Q1 2025/26", "M1", TA_STEP_BY_STEP, &checked, &agreed, &explained));
    ck_assert_uint_eq(checked, 4);
    ck_assert_uint_eq(agreed, 4);
    ck_assert_uint_eq(ta_verification_difference_count(ver), 0);
    ck_assert_int_eq(ta_verification_status(ver), TA_OK);
}
END_TEST

/* Rule (end-to-end ranks): a rank the step before explains (C's published 3
 * is its step-by-step rank) is explained end to end only by an explained
 * difference in the average; C's metric score of 1.00 against its published
 * average of 2.60 is no rounding, so its end-to-end rank stays unexplained. */
START_TEST(test_rank_end_to_end_needs_explained_average)
{
    static const char *const t[][5] = {
        /* code, metric score, segment, published average, published rank */
        {"A", "1.50", "1", "1.50", "1"},
        {"B", "2.00", "2", "2.00", "2"},
        {"C", "1.00", "3", "2.60", "3"},
        {"D", "3.50", "4", "3.50", "4"},
    };
    char text[8192] = HEADER;
    size_t found = 0;

    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        add_row(text, sizeof text, t[i][0], "OF1061", t[i][1]);
        add_row(text, sizeof text, t[i][0], "OF5003", t[i][2]);
        add_ranked_row(text, sizeof text, t[i][0], "OF5000", t[i][2], t[i][4]);
        add_row(text, sizeof text, t[i][0], "OF5002", t[i][3]);
    }
    ck_assert_msg(verify_text("ranks.csv", text, strlen(text)) == TA_OK, "%s",
                  ta_verification_error(ver));
    for (size_t k = 0; k < ta_verification_difference_count(ver); k++) {
        const char *code, *figure, *reason;
        ta_verify_mode mode;
        double published, computed;
        ta_verdict verdict;
        difference_at(NULL, &code, &figure, &mode, &published, &computed, &verdict, &reason, ver,
                      k);
        if (strcmp(figure, "OF5000 Rank") != 0 || strcmp(code, "C") != 0)
            continue;
        ck_assert_int_eq(mode, TA_END_TO_END);
        ck_assert(published == 3 && computed != 3);
        ck_assert_int_eq(verdict, TA_UNEXPLAINED);
        assert_has(reason, "no explained average accounts for it");
        found++;
    }
    ck_assert_uint_eq(found, 1);
}
END_TEST

static Suite *verify_suite(void)
{
    Suite *s = suite_create("verify");
    TCase *tc = tcase_create("core");

    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_real_file_verifies);
    tcase_add_test(tc, test_run_one_period);
    tcase_add_test(tc, test_new_arguments);
    tcase_add_test(tc, test_tampered_file);
    tcase_add_test(tc, test_explanation_boundary);
    tcase_add_test(tc, test_run_allocation_failure);
    tcase_add_test(tc, test_difference_trust_code_outlives_run);
    tcase_add_test(tc, test_combined_needs_whole_components);
    tcase_add_test(tc, test_step_ranks_need_segment_and_average);
    tcase_add_test(tc, test_league_table_segments_checked);
    tcase_add_test(tc, test_rank_one_off_unexplained_when_none_missing);
    tcase_add_test(tc, test_rank_explained_by_every_average_of_its_type);
    tcase_add_test(tc, test_accessors_at_the_count);
    tcase_add_test(tc, test_floor_score_outside_bookends);
    tcase_add_test(tc, test_rank_tie_on_value_and_published_rank);
    tcase_add_test(tc, test_rank_missing_trusts_counted);
    tcase_add_test(tc, test_standard_pool_is_the_trusts_missing_it);
    tcase_add_test(tc, test_rank_end_to_end_needs_explained_average);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(verify_suite());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
