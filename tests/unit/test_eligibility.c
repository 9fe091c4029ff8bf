/*
 * The earned-autonomy screen (ta_criteria, ta_screen).
 *
 * Real data: the default criteria on NHS England's 2025/26 mental health and
 * community file, for the six nominated trusts it holds (RWX, RDY, RYX, RP1,
 * RY3, RYV), with verdicts derived by hand from the published figures (the
 * figures are asserted too, so a wrong verdict and a wrong figure are told
 * apart). Small in-code frameworks and assessments reach every criterion's
 * boundary (at the threshold and one hundredth either side; equal to the
 * median is not better), missing evidence (never met), the close verdict and
 * the IHO gate; then supplied CQC ratings and their staleness, the criteria
 * file's errors with line and column, argument checks, the exports, and an
 * allocation-failure sweep with a counting allocator.
 */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "trustassess.h"
#include "trustassess/eligibility.h"
#include "alloc_guard.h"
#include "eligibility/eligibility_internal.h" /* the peer statistics' cache (peers.c) */

#define REAL_FILE TA_TEST_DATA_DIR "/mental-health-and-community-trust-data-q1-q4.csv"

/* ------------------------------------------------------------------------ */
/* Real data                                                                 */
/* ------------------------------------------------------------------------ */

static ta_framework *nof;
static ta_nhse_file *real;
static ta_screen *scr;
static ta_criteria *aft, *iho;

static void real_setup(void)
{
    ck_assert_int_eq(ta_framework_preset(&nof, "nof-2025-26", NULL), TA_OK);
    ck_assert_int_eq(ta_nhse_file_new(&real, nof, NULL), TA_OK);
    ck_assert_msg(ta_nhse_file_read_file(real, REAL_FILE) == TA_OK, "%s", ta_nhse_file_error(real));
    ck_assert_int_eq(ta_screen_new_nhse(&scr, nof, real, NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_preset(&aft, "aft-2025", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_preset(&iho, "iho-2025", NULL), TA_OK);
    ck_assert_msg(ta_screen_run(scr, aft, iho) == TA_OK, "%s", ta_screen_error(scr));
}

static void real_teardown(void)
{
    ta_screen_free(scr);
    ta_criteria_free(aft);
    ta_criteria_free(iho);
    ta_nhse_file_free(real);
    ta_framework_free(nof);
    scr = NULL;
    aft = iho = NULL;
    real = NULL;
    nof = NULL;
}

static size_t trust_index(const ta_screen *s, const char *code)
{
    size_t i = 0;
    ck_assert_msg(ta_screen_find_trust(&i, s, code) == TA_OK, "no trust %s", code);
    return i;
}

static size_t crit_index(const ta_screen *s, ta_screen_level level, const char *id)
{
    for (size_t k = 0; k < ta_screen_criterion_count(s, level); k++)
        if (strcmp(ta_screen_criterion_id(s, level, k), id) == 0)
            return k;
    ck_abort_msg("no criterion %s", id);
    return 0;
}

/* Asserts criterion `id` of trust `code` at the AFT level. */
static void expect(const ta_screen *s, ta_screen_level level, const char *code, const char *id,
                   ta_criterion_outcome want, double value, double threshold,
                   const char *reason_part)
{
    ta_criterion_outcome o;
    int has_v = 0, has_t = 0;
    double v = 0, t = 0;
    size_t q = 0;
    const char *reason = NULL;
    size_t i = trust_index(s, code), k = crit_index(s, level, id);
    ck_assert_int_eq(ta_screen_result_outcome(&o, s, level, i, k), TA_OK);
    ck_assert_int_eq(ta_screen_result_value(&has_v, &v, s, level, i, k), TA_OK);
    ck_assert_int_eq(ta_screen_result_threshold(&has_t, &t, s, level, i, k), TA_OK);
    ck_assert_int_eq(ta_screen_result_period(&q, s, level, i, k), TA_OK);
    reason = ta_screen_result_reason(s, level, i, k);
    ck_assert_ptr_nonnull(reason);
    ck_assert_msg(o == want, "%s %s: outcome %s, wanted %s (%s)", code, id,
                  ta_criterion_outcome_name(o), ta_criterion_outcome_name(want), reason);
    if (!isnan(value)) {
        ck_assert_int_eq(has_v, 1);
        ck_assert_msg(fabs(v - value) < 1e-9, "%s %s: value %f, wanted %f", code, id, v, value);
    }
    if (!isnan(threshold)) {
        ck_assert_int_eq(has_t, 1);
        ck_assert_msg(fabs(t - threshold) < 1e-9, "%s %s: threshold %f, wanted %f", code, id, t,
                      threshold);
    }
    if (reason_part)
        ck_assert_msg(strstr(reason, reason_part) != NULL, "%s %s: reason \"%s\" lacks \"%s\"",
                      code, id, reason, reason_part);
}

/* The period index criterion `id` of trust `code` took its figure from
 * ((size_t)-1 when none). */
static size_t period_of(const ta_screen *s, const char *code, const char *id)
{
    size_t q = 0;
    ck_assert_int_eq(ta_screen_result_period(&q, s, TA_LEVEL_AFT, trust_index(s, code),
                                             crit_index(s, TA_LEVEL_AFT, id)),
                     TA_OK);
    return q;
}

static void expect_verdict(const ta_screen *s, ta_screen_level level, const char *code,
                           ta_eligibility want, size_t met, size_t failed, size_t none)
{
    ta_eligibility v;
    size_t m, f, n;
    ck_assert_int_eq(ta_screen_verdict(&v, s, level, trust_index(s, code)), TA_OK);
    ck_assert_int_eq(ta_screen_verdict_counts(&m, &f, &n, s, level, trust_index(s, code)), TA_OK);
    ck_assert_msg(v == want, "%s: verdict %s, wanted %s", code, ta_eligibility_name(v),
                  ta_eligibility_name(want));
    ck_assert_uint_eq(m, met);
    ck_assert_uint_eq(f, failed);
    ck_assert_uint_eq(n, none);
}

START_TEST(presets)
{
    const char *id, *params, *source, *reading;
    ta_criterion_kind kind;
    ta_criteria *c = NULL;
    ck_assert_uint_eq(ta_criteria_preset_count(), 3);
    ck_assert_str_eq(ta_criteria_preset_name(0), "aft-2025");
    ck_assert_str_eq(ta_criteria_preset_name(1), "iho-2025");
    ck_assert_str_eq(ta_criteria_preset_name(2), "aft-guide");
    ck_assert_ptr_null(ta_criteria_preset_name(3));
    ck_assert_ptr_null(ta_criteria_preset_name(4));
    ck_assert_ptr_null(ta_criteria_preset_name(SIZE_MAX));
    ck_assert_ptr_null(ta_criteria_preset_text("aft-2024"));
    ck_assert_ptr_null(ta_criteria_preset_text(NULL));
    /* each name finds its own text: the first and the last of the table too */
    ck_assert_ptr_nonnull(strstr(ta_criteria_preset_text("aft-2025"), "\nproductivity,"));
    ck_assert_ptr_null(strstr(ta_criteria_preset_text("aft-2025"), "top_quartile"));
    ck_assert_ptr_nonnull(strstr(ta_criteria_preset_text("iho-2025"), "top_quartile"));
    ck_assert_ptr_nonnull(strstr(ta_criteria_preset_text("aft-guide"), "\ncapability,"));
    ck_assert_ptr_null(strstr(ta_criteria_preset_text("iho-2025"), "\ncapability,"));
    ck_assert_int_eq(ta_criteria_preset(&c, "aft-2024", NULL), TA_ENOTFOUND);
    ck_assert_ptr_null(c);
    ck_assert_uint_eq(ta_criteria_count(aft), 8);
    ck_assert_uint_eq(ta_criteria_count(iho), 10);
    ck_assert_str_eq(ta_criteria_name(aft), "aft-2025");
    ck_assert_int_eq(ta_criteria_criterion_kind(&kind, aft, 0), TA_OK);
    id = ta_criteria_criterion_id(aft, 0);
    params = ta_criteria_criterion_parameters(aft, 0);
    source = ta_criteria_criterion_source(aft, 0);
    reading = ta_criteria_criterion_reading(aft, 0);
    ck_assert_str_eq(id, "segment");
    ck_assert_int_eq(kind, TA_CRITERION_SEGMENT_AT_MOST);
    ck_assert_str_eq(params, "segment=2;quarters=4");
    ck_assert_ptr_nonnull(strstr(source, "A2"));
    ck_assert_ptr_nonnull(strstr(reading, "Our reading"));
    ck_assert_int_eq(ta_criteria_criterion_kind(&kind, aft, 3), TA_OK);
    id = ta_criteria_criterion_id(aft, 3);
    params = ta_criteria_criterion_parameters(aft, 3);
    ck_assert_str_eq(params, "domain=OF4000;threshold=2.50");
    ck_assert_int_eq(ta_criteria_criterion_kind(&kind, aft, 6), TA_OK);
    id = ta_criteria_criterion_id(aft, 6);
    params = ta_criteria_criterion_parameters(aft, 6);
    ck_assert_int_eq(kind, TA_CRITERION_BETTER_THAN_PEER_MEDIAN);
    ck_assert_str_eq(params, "metric=OF0086");
    ck_assert_int_eq(ta_criteria_criterion_kind(&kind, iho, 9), TA_OK);
    id = ta_criteria_criterion_id(iho, 9);
    params = ta_criteria_criterion_parameters(iho, 9);
    ck_assert_int_eq(kind, TA_CRITERION_CQC_RATING);
    ck_assert_str_eq(params, "cqc_at_least=good");
    ck_assert_int_eq(ta_criteria_criterion_kind(&kind, aft, 8), TA_EINVAL);
    ck_assert_int_eq(ta_criteria_criterion_kind(NULL, aft, 0), TA_EINVAL);
    ck_assert_ptr_null(ta_criteria_criterion_id(aft, 8));
    ck_assert_ptr_null(ta_criteria_criterion_name(aft, 8));
    ck_assert_ptr_null(ta_criteria_criterion_parameters(aft, 8));
    ck_assert_ptr_null(ta_criteria_criterion_source(aft, 8));
    ck_assert_ptr_null(ta_criteria_criterion_reading(aft, 8));
    ck_assert_str_eq(ta_criterion_kind_name(TA_CRITERION_NOT_IN_RSP), "not_in_rsp");
    ck_assert_str_eq(ta_criterion_kind_name((ta_criterion_kind)99), "");
    ck_assert_str_eq(ta_cqc_rating_name(TA_CQC_REQUIRES_IMPROVEMENT), "requires improvement");
}
END_TEST

START_TEST(nominated_trusts_on_real_data)
{
    const double nan_ = NAN;
    /* The peer median of OF0086 in Q4 2025/26 (61 trusts): 104.85. */
    const double median = 104.85;
    ck_assert_uint_eq(ta_screen_period_count(scr), 4);
    ck_assert_str_eq(ta_screen_period(scr, 3), "Q4 2025/26");
    ck_assert_uint_eq(ta_screen_trust_count(scr), 61);
    ck_assert_str_eq(ta_screen_trust_name(scr, trust_index(scr, "RWX")),
                     "Berkshire Healthcare NHS Foundation Trust");
    /* A trust's facts at the count, or of no screen, are NULL; no screen has no criteria. */
    ck_assert_ptr_nonnull(ta_screen_trust_type(scr, 60));
    ck_assert_ptr_null(ta_screen_trust_code(scr, 61));
    ck_assert_ptr_null(ta_screen_trust_name(scr, 61));
    ck_assert_ptr_null(ta_screen_trust_type(scr, 61));
    ck_assert_ptr_null(ta_screen_trust_code(NULL, 0));
    ck_assert_ptr_null(ta_screen_trust_name(NULL, 0));
    ck_assert_ptr_null(ta_screen_trust_type(NULL, 0));
    ck_assert_uint_eq(ta_screen_criterion_count(NULL, TA_LEVEL_AFT), 0);
    ck_assert_ptr_null(ta_screen_criterion_id(NULL, TA_LEVEL_AFT, 0));
    ck_assert_ptr_null(ta_screen_criterion_name(NULL, TA_LEVEL_IHO, 0));

    /* RWX: segments 1,1,1,2; no deficit; RSP 0 in Q2; domains 2.03/2.26/2.30 all
     * <= 2.50; OF0086 135.35 is not below 104.85: one failure plus no partnership
     * evidence = not eligible. */
    expect(scr, TA_LEVEL_AFT, "RWX", "segment", TA_MET, 2, 2, "Q4 2025/26: 2");
    expect(scr, TA_LEVEL_AFT, "RWX", "not_in_rsp", TA_MET, 0, 0,
           "published for Q1-Q2 only; taken from Q2 2025/26");
    expect(scr, TA_LEVEL_AFT, "RWX", "access", TA_MET, 2.03, 2.50, NULL);
    expect(scr, TA_LEVEL_AFT, "RWX", "experience", TA_MET, 2.30, 2.50, NULL);
    expect(scr, TA_LEVEL_AFT, "RWX", "productivity", TA_NOT_MET, 135.35, median,
           "is not below the peer median 104.85 (61 trusts");
    expect(scr, TA_LEVEL_AFT, "RWX", "partnership", TA_NO_EVIDENCE, nan_, nan_,
           "no partnership judgement supplied");
    {
        /* Rule: a judgement not supplied has no figure (value 0) and is held
         * to "yes" (threshold 1), from no period. */
        size_t i = trust_index(scr, "RWX"), k = crit_index(scr, TA_LEVEL_AFT, "partnership");
        int has_v = -1, has_t = -1;
        double v = -1, t = -1;
        size_t q = 0;
        ck_assert_int_eq(ta_screen_result_value(&has_v, &v, scr, TA_LEVEL_AFT, i, k), TA_OK);
        ck_assert_int_eq(ta_screen_result_threshold(&has_t, &t, scr, TA_LEVEL_AFT, i, k), TA_OK);
        ck_assert_int_eq(ta_screen_result_period(&q, scr, TA_LEVEL_AFT, i, k), TA_OK);
        ck_assert_int_eq(has_v, 0);
        ck_assert(v == 0.0);
        ck_assert_int_eq(has_t, 1);
        ck_assert(t == 1.0);
        ck_assert_uint_eq(q, (size_t)-1);
    }
    expect_verdict(scr, TA_LEVEL_AFT, "RWX", TA_NOT_ELIGIBLE, 6, 1, 1);

    /* RY3: segment 1 throughout, OF0086 100.75 < 104.85, but effectiveness and
     * experience 2.98 > 2.50. */
    expect(scr, TA_LEVEL_AFT, "RY3", "segment", TA_MET, 1, 2, NULL);
    expect(scr, TA_LEVEL_AFT, "RY3", "productivity", TA_MET, 100.75, median, "is below");
    expect(scr, TA_LEVEL_AFT, "RY3", "experience", TA_NOT_MET, 2.98, 2.50, "is above 2.50");
    expect_verdict(scr, TA_LEVEL_AFT, "RY3", TA_NOT_ELIGIBLE, 6, 1, 1);

    /* RP1: OF0086 71.47 well below the median, but access 3.52 > 2.50. */
    expect(scr, TA_LEVEL_AFT, "RP1", "productivity", TA_MET, 71.47, median, NULL);
    expect(scr, TA_LEVEL_AFT, "RP1", "access", TA_NOT_MET, 3.52, 2.50, NULL);
    expect_verdict(scr, TA_LEVEL_AFT, "RP1", TA_NOT_ELIGIBLE, 6, 1, 1);

    /* RYX: segment 1 throughout, domains 1.00/2.00/1.41, OF0086 110.71. */
    expect(scr, TA_LEVEL_AFT, "RYX", "access", TA_MET, 1.00, 2.50, NULL);
    expect(scr, TA_LEVEL_AFT, "RYX", "productivity", TA_NOT_MET, 110.71, median, NULL);
    expect_verdict(scr, TA_LEVEL_AFT, "RYX", TA_NOT_ELIGIBLE, 6, 1, 1);

    /* RDY: experience 2.89 and OF0086 106.96 both fail. */
    expect(scr, TA_LEVEL_AFT, "RDY", "experience", TA_NOT_MET, 2.89, 2.50, NULL);
    expect(scr, TA_LEVEL_AFT, "RDY", "productivity", TA_NOT_MET, 106.96, median, NULL);
    expect_verdict(scr, TA_LEVEL_AFT, "RDY", TA_NOT_ELIGIBLE, 5, 2, 1);

    /* RYV: access 3.09 and OF0086 111.77 both fail; segment 2 in Q4 is fine. */
    expect(scr, TA_LEVEL_AFT, "RYV", "access", TA_NOT_MET, 3.09, 2.50, NULL);
    expect(scr, TA_LEVEL_AFT, "RYV", "productivity", TA_NOT_MET, 111.77, median, NULL);
    expect(scr, TA_LEVEL_AFT, "RYV", "segment", TA_MET, 2, 2, NULL);
    expect_verdict(scr, TA_LEVEL_AFT, "RYV", TA_NOT_ELIGIBLE, 5, 2, 1);

    /* IHO is gated on AFT eligibility. */
    expect_verdict(scr, TA_LEVEL_IHO, "RYX", TA_NOT_ELIGIBLE, 5, 2, 3);
    expect(scr, TA_LEVEL_IHO, "RYX", "experience", TA_MET, 1.41, 1.8625,
           "peer lower quartile 1.8625 (60 trusts");
}
END_TEST

START_TEST(others_meeting_the_bar)
{
    /* Every data criterion met, only the partnership judgement missing. */
    static const char *const close[] = {"RKL", "RLY", "RRE", "RV3", "RW4", "RY7", "RYY"};
    size_t n_close = 0;
    for (size_t i = 0; i < ta_screen_trust_count(scr); i++) {
        ta_eligibility v;
        ck_assert_int_eq(ta_screen_verdict(&v, scr, TA_LEVEL_AFT, i), TA_OK);
        ck_assert_int_ne(v, TA_ELIGIBLE); /* no trust has partnership evidence */
        if (v == TA_CLOSE) {
            int found = 0;
            for (size_t k = 0; k < 7; k++)
                found |= strcmp(close[k], ta_screen_trust_code(scr, i)) == 0;
            ck_assert_msg(found, "%s is close", ta_screen_trust_code(scr, i));
            ck_assert_ptr_nonnull(strstr(ta_screen_change(scr, TA_LEVEL_AFT, i),
                                         "needs a supplied partnership judgement of yes"));
            n_close++;
        } else {
            ck_assert_str_eq(ta_screen_change(scr, TA_LEVEL_AFT, i), "");
        }
    }
    ck_assert_uint_eq(n_close, 7);
    /* Supplying the judgement: RKL becomes eligible, RWX close on productivity. */
    ck_assert_int_eq(ta_screen_supply_judgement(scr, "RKL", "partnership", TA_YES, "ICB view"),
                     TA_OK);
    /* Rule: a successful call clears the error text of a failed one. */
    ck_assert_int_eq(ta_screen_supply_judgement(scr, "RWX", "bad key!", TA_YES, NULL), TA_EINVAL);
    ck_assert_str_ne(ta_screen_error(scr), "");
    ck_assert_int_eq(ta_screen_supply_judgement(scr, "RWX", "partnership", TA_YES, NULL), TA_OK);
    ck_assert_str_eq(ta_screen_error(scr), "");
    ck_assert_int_eq(ta_screen_verdict(NULL, scr, TA_LEVEL_AFT, 0), TA_ESTATE);
    ck_assert_int_eq(ta_screen_verdict_counts(NULL, NULL, NULL, scr, TA_LEVEL_AFT, 0), TA_ESTATE);
    ck_assert_int_eq(ta_screen_run(scr, aft, iho), TA_OK);
    expect_verdict(scr, TA_LEVEL_AFT, "RKL", TA_ELIGIBLE, 8, 0, 0);
    expect(scr, TA_LEVEL_AFT, "RKL", "partnership", TA_MET, 1, 1, "yes (ICB view)");
    expect_verdict(scr, TA_LEVEL_AFT, "RWX", TA_CLOSE, 7, 1, 0);
    ck_assert_str_eq(ta_screen_change(scr, TA_LEVEL_AFT, trust_index(scr, "RWX")),
                     "Relative difference in costs (OF0086) below the peer median (not met): "
                     "needs OF0086 Relative difference in costs to fall below the peer median "
                     "104.85 (from 135.35)");
    /* RKL is AFT-eligible, so its IHO verdict is its own: it fails more than one. */
    expect_verdict(scr, TA_LEVEL_IHO, "RKL", TA_NOT_ELIGIBLE, 6, 2, 2);
    /* Withdrawing a judgement. */
    ck_assert_int_eq(ta_screen_supply_judgement(scr, "RKL", "partnership", TA_UNKNOWN, NULL),
                     TA_OK);
    ck_assert_int_eq(ta_screen_run(scr, aft, NULL), TA_OK);
    expect_verdict(scr, TA_LEVEL_AFT, "RKL", TA_CLOSE, 7, 0, 1);
    ck_assert_uint_eq(ta_screen_criterion_count(scr, TA_LEVEL_IHO), 0);
    ck_assert_int_eq(ta_screen_verdict(NULL, scr, TA_LEVEL_IHO, 0), TA_ESTATE);
}
END_TEST

START_TEST(missing_rows_on_real_data)
{
    /* G6V2S and RXT publish no access domain score in any quarter. */
    expect(scr, TA_LEVEL_AFT, "G6V2S", "access", TA_NO_EVIDENCE, NAN, 2.50,
           "no Access to services domain score (OF4000) for the trust");
}
END_TEST

/* Whether JSON text nests its brackets and braces properly (strings skipped):
 * a writer that drops a closing "}" fails this. */
static int json_nested(const char *t)
{
    char stack[64];
    size_t depth = 0;
    for (; *t; t++) {
        if (*t == '"') {
            for (t++; *t && *t != '"'; t++)
                if (*t == '\\' && t[1])
                    t++;
            if (!*t)
                return 0;
        } else if (*t == '{' || *t == '[') {
            if (depth == sizeof stack)
                return 0;
            stack[depth++] = *t == '{' ? '}' : ']';
        } else if (*t == '}' || *t == ']') {
            if (depth == 0 || stack[--depth] != *t)
                return 0;
        }
    }
    return depth == 0;
}

START_TEST(real_exports)
{
    const char *text;
    size_t len;
    ck_assert_int_eq(ta_screen_export(&text, &len, scr, TA_SCREEN_CSV, NULL), TA_OK);
    ck_assert_uint_eq(strlen(text), len);
    {
        static const char header[] = "Trust_code,Trust_name,Trust_type,Verdict,Criteria_met,"
                                     "Criteria_failed,Criteria_no_evidence,Change,IHO_verdict,"
                                     "Reasons\n";
        ck_assert_int_eq(strncmp(text, header, sizeof header - 1), 0);
    }
    ck_assert_ptr_nonnull(strstr(text, "\nRWX,Berkshire Healthcare NHS Foundation Trust,Mental "
                                       "health and community trust,not eligible,segment;no_"
                                       "deficit;not_in_rsp;access;safety;experience,"
                                       "productivity,partnership,,not eligible,\"segment: "));
    {
        size_t lines = 0;
        for (const char *p = text; *p; p++)
            lines += *p == '\n';
        ck_assert_uint_eq(lines, 62);
    }
    ck_assert_int_eq(ta_screen_export(&text, &len, scr, TA_SCREEN_CSV, "RY3"), TA_OK);
    ck_assert_ptr_nonnull(strstr(text, "\nRY3,"));
    ck_assert_ptr_null(strstr(text, "\nRWX,"));
    /* Rule: the table of every trust starts with the first trust. */
    ck_assert_int_eq(ta_screen_export(&text, &len, scr, TA_SCREEN_TABLE, NULL), TA_OK);
    {
        char first[24];
        snprintf(first, sizeof first, "\n%s ", ta_screen_trust_code(scr, 0));
        ck_assert_ptr_nonnull(strstr(text, first));
    }
    ck_assert_int_eq(ta_screen_export(&text, &len, scr, TA_SCREEN_TABLE, "RY3"), TA_OK);
    ck_assert_ptr_nonnull(strstr(text, "IHO criteria:"));
    ck_assert_ptr_nonnull(strstr(text, "experience         not met"));
    ck_assert_int_eq(ta_screen_export(&text, &len, scr, TA_SCREEN_JSON, "RP1"), TA_OK);
    ck_assert_ptr_nonnull(strstr(text, "\"code\": \"RP1\""));
    ck_assert_ptr_nonnull(strstr(text, "\"value\": 3.52, \"threshold\": 2.50"));
    /* Rule: the JSON export is well nested and lists the periods in order. */
    ck_assert(json_nested(text));
    ck_assert_int_eq(strncmp(text, "{\"periods\": [\"Q1 2025/26\", \"Q2 2025/26\", ", 40), 0);
    ck_assert_int_eq(ta_screen_export(&text, &len, scr, TA_SCREEN_JSON, NULL), TA_OK);
    ck_assert(json_nested(text));
    ck_assert_int_eq(ta_screen_export(&text, &len, scr, TA_SCREEN_JSON, "XXX"), TA_ENOTFOUND);
    ck_assert_ptr_null(text);
    ck_assert_int_eq(ta_screen_export(&text, &len, scr, (ta_screen_format)7, NULL), TA_EINVAL);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* A small framework and assessments built in code                           */
/* ------------------------------------------------------------------------ */

static ta_framework *small;
static ta_assessment *q1, *q2, *qb;

/* access (OF4000) holds OF1001, which alone makes the average; OF1002 (raw
 * OF0002) is scored but enters no average. Cut-offs 1.99 / 2.50 / 3.00. */
static ta_framework *small_framework(void)
{
    static const double cut[3] = {1.99, 2.50, 3.00};
    ta_framework_builder *b = NULL;
    ta_framework *fw = NULL;
    ck_assert_int_eq(ta_framework_builder_new(&b, "small", NULL), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "access", "Access", "OF4000"), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "fin", "Finance", "OF4003"), TA_OK);
    ck_assert_int_eq(
        ta_framework_builder_add_metric(b, "OF1001", "Waits", "access", TA_SCORING_SUPPLIED),
        TA_OK);
    ck_assert_int_eq(
        ta_framework_builder_add_metric(b, "OF1002", "Costs", "fin", TA_SCORING_SUPPLIED), TA_OK);
    ck_assert_msg(ta_framework_builder_set_raw_id(b, "OF1002", "OF0002") == TA_OK, "%s",
                  ta_framework_builder_error(b));
    ck_assert_int_eq(ta_framework_builder_set_in_average(b, "OF1002", 0), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_cutoffs(b, 3, cut), TA_OK);
    ck_assert_msg(ta_framework_builder_build(&fw, b) == TA_OK, "%s", ta_framework_builder_error(b));
    ta_framework_builder_free(b);
    return fw;
}

/* One quarter: trusts codes[i] of type types[i] with scores (NaN = no row). */
static ta_assessment *quarter(const char *period, size_t n, const char *const *codes,
                              const char *const *types, const double *waits, const double *costs)
{
    ta_assessment *a = NULL;
    ck_assert_int_eq(ta_assessment_new(&a, small, NULL), TA_OK);
    ck_assert_int_eq(ta_assessment_set_period(a, period), TA_OK);
    for (size_t i = 0; i < n; i++) {
        const char *m1 = "OF1001", *m2 = "OF1002";
        if (!isnan(waits[i]))
            ck_assert_int_eq(
                ta_assessment_add_columns(a, 1, &codes[i], &m1, &waits[i], TA_INPUT_SCORE), TA_OK);
        if (!isnan(costs[i]))
            ck_assert_int_eq(
                ta_assessment_add_columns(a, 1, &codes[i], &m2, &costs[i], TA_INPUT_SCORE), TA_OK);
        ck_assert_int_eq(ta_assessment_set_trust_field(a, codes[i], TA_FIELD_TYPE, types[i]),
                         TA_OK);
    }
    return a;
}

static void small_setup(void)
{
    /* Boundary quarter: access 1.98 / 1.99 / 2.00 around 1.99 (the threshold,
     * the cut-off and the peers' lower quartile); costs 1.99 / 2.00 / 2.01
     * around the peers' median 2.00. F is of another type. */
    static const char *const codes[] = {"A", "B", "C", "D", "E", "F"};
    static const char *const types[] = {"T", "T", "T", "T", "T", "Other"};
    static const double waits[] = {1.98, 1.99, 2.00, 3.00, 3.50, 1.00};
    static const double costs[] = {1.99, 2.00, 2.01, 1.00, 3.00, 1.00};
    /* Two quarters: C absent in Q1; RSP flags published in Q1 only. */
    static const char *const c2[] = {"A", "B", "C"};
    static const char *const t2[] = {"T", "T", "T"};
    static const double w1[] = {1.50, 2.00, NAN}, c1[] = {1.00, 2.00, NAN};
    static const double w2[] = {1.50, 1.50, 1.50}, cc2[] = {1.00, NAN, 3.00};
    small = small_framework();
    qb = quarter("Q4 2025/26", 6, codes, types, waits, costs);
    ck_assert_int_eq(ta_assessment_run(qb), TA_OK);
    q1 = quarter("Q1 2025/26", 2, c2, t2, w1, c1);
    ck_assert_int_eq(ta_assessment_set_trust_flag(q1, "A", TA_FLAG_RECOVERY_SUPPORT, TA_NO), TA_OK);
    ck_assert_int_eq(ta_assessment_set_trust_flag(q1, "B", TA_FLAG_RECOVERY_SUPPORT, TA_YES),
                     TA_OK);
    ck_assert_int_eq(ta_assessment_set_trust_flag(q1, "A", TA_FLAG_FINANCIAL_DEFICIT, TA_NO),
                     TA_OK);
    ck_assert_int_eq(ta_assessment_set_trust_flag(q1, "B", TA_FLAG_FINANCIAL_DEFICIT, TA_NO),
                     TA_OK);
    ck_assert_int_eq(ta_assessment_run(q1), TA_OK);
    q2 = quarter("Q2 2025/26", 3, c2, t2, w2, cc2);
    ck_assert_int_eq(ta_assessment_set_trust_flag(q2, "A", TA_FLAG_FINANCIAL_DEFICIT, TA_NO),
                     TA_OK);
    ck_assert_int_eq(ta_assessment_set_trust_flag(q2, "B", TA_FLAG_FINANCIAL_DEFICIT, TA_YES),
                     TA_OK);
    ck_assert_int_eq(ta_assessment_run(q2), TA_OK);
}

static void small_teardown(void)
{
    ta_assessment_free(qb);
    ta_assessment_free(q1);
    ta_assessment_free(q2);
    ta_framework_free(small);
    qb = q1 = q2 = NULL;
    small = NULL;
}

static ta_screen *screen_of(size_t n, const ta_assessment *const *qs)
{
    ta_screen *s = NULL;
    ck_assert_int_eq(ta_screen_new_assessments(&s, small, n, qs, NULL), TA_OK);
    return s;
}

/* Rule: a segment criterion built through the API takes segment 1..9 and
 * quarters 1..40, as the criteria CSV does; the limits themselves are accepted. */
START_TEST(segment_criterion_limits_through_the_builder)
{
    ta_criteria *c = NULL;
    ck_assert_int_eq(ta_criteria_new(&c, "limits", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_segment_at_most(c, "q40", "Q", 1, 40), TA_OK);
    ck_assert_int_eq(ta_criteria_add_segment_at_most(c, "q41", "Q", 1, 41), TA_EINVAL);
    ck_assert_str_eq(ta_criteria_error(c), "criterion q41: quarters 41 is not 1..40");
    ck_assert_int_eq(ta_criteria_add_segment_at_most(c, "q1", "Q", 9, 1), TA_OK);
    ck_assert_int_eq(ta_criteria_add_segment_at_most(c, "q0", "Q", 1, 0), TA_EINVAL);
    ck_assert_int_eq(ta_criteria_add_segment_at_most(c, "s10", "Q", 10, 1), TA_EINVAL);
    ck_assert_str_eq(ta_criteria_error(c), "criterion s10: segment 10 is not 1..9");
    ck_assert_int_eq(ta_criteria_count(c), 2);
    ta_criteria_free(c);
}
END_TEST

START_TEST(boundaries)
{
    const ta_assessment *qs[1] = {qb};
    ta_screen *s = screen_of(1, qs);
    ta_criteria *c = NULL;
    ck_assert_int_eq(ta_criteria_new(&c, "bounds", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_segment_at_most(c, "seg1", "Segment 1", 1, 1), TA_OK);
    ck_assert_int_eq(ta_criteria_add_segment_at_most(c, "seg2", "Segment 1-2", 2, 1), TA_OK);
    ck_assert_int_eq(ta_criteria_add_domain_score_at_most(c, "at", "Access", "access", 1.99),
                     TA_OK);
    ck_assert_int_eq(ta_criteria_add_domain_top_quartile(c, "quart", "Access q", "OF4000"), TA_OK);
    ck_assert_int_eq(ta_criteria_add_better_than_peer_median(c, "cost", "Costs", "OF1002"), TA_OK);
    ck_assert_int_eq(ta_criteria_add_better_than_peer_median(c, "raw", "Raw", "OF0002"), TA_OK);
    ck_assert_msg(ta_screen_run(s, c, NULL) == TA_OK, "%s", ta_screen_error(s));
    /* segment: cut-off 1.99 belongs to segment 1 (ties better) */
    expect(s, TA_LEVEL_AFT, "A", "seg1", TA_MET, 1, 1, NULL);
    expect(s, TA_LEVEL_AFT, "B", "seg1", TA_MET, 1, 1, NULL);
    expect(s, TA_LEVEL_AFT, "C", "seg1", TA_NOT_MET, 2, 1, "adjusted segment 2 in Q4 2025/26");
    expect(s, TA_LEVEL_AFT, "C", "seg2", TA_MET, 2, 2, NULL);
    expect(s, TA_LEVEL_AFT, "D", "seg2", TA_NOT_MET, 3, 2, NULL);
    /* domain score at most 1.99: 1.98 and 1.99 met, 2.00 not */
    expect(s, TA_LEVEL_AFT, "A", "at", TA_MET, 1.98, 1.99, "is at or below 1.99");
    expect(s, TA_LEVEL_AFT, "B", "at", TA_MET, 1.99, 1.99, NULL);
    expect(s, TA_LEVEL_AFT, "C", "at", TA_NOT_MET, 2.00, 1.99, "is above 1.99");
    /* top quartile: type-T peers 1.98 1.99 2.00 3.00 3.50, lower quartile 1.99 */
    expect(s, TA_LEVEL_AFT, "A", "quart", TA_MET, 1.98, 1.99, "(5 trusts of type T");
    expect(s, TA_LEVEL_AFT, "B", "quart", TA_MET, 1.99, 1.99, NULL);
    expect(s, TA_LEVEL_AFT, "C", "quart", TA_NOT_MET, 2.00, 1.99, NULL);
    /* median: type-T costs 1.00 1.99 2.00 2.01 3.00, median 2.00, strict */
    expect(s, TA_LEVEL_AFT, "A", "cost", TA_MET, 1.99, 2.00, "is below the peer median 2.00");
    expect(s, TA_LEVEL_AFT, "B", "cost", TA_NOT_MET, 2.00, 2.00,
           "equal to the median is not better");
    expect(s, TA_LEVEL_AFT, "C", "cost", TA_NOT_MET, 2.01, 2.00, NULL);
    /* F is alone of its type: no peers, no evidence */
    expect(s, TA_LEVEL_AFT, "F", "cost", TA_NO_EVIDENCE, 1.00, NAN, "fewer than 2 trusts");
    expect(s, TA_LEVEL_AFT, "F", "quart", TA_NO_EVIDENCE, 1.00, NAN, NULL);
    /* an assessment has no raw values */
    expect(s, TA_LEVEL_AFT, "A", "raw", TA_NO_EVIDENCE, NAN, NAN, "name the score ID OF1002");
    /* Rule: a result without a figure names no period; a score is lower-is-better. */
    ck_assert_uint_eq(period_of(s, "A", "raw"), (size_t)-1);
    ck_assert_uint_eq(period_of(s, "A", "cost"), 0);
    expect(s, TA_LEVEL_AFT, "A", "cost", TA_MET, 1.99, 2.00, "; lower is better)");
    /* A misses only "raw": close; B fails cost and raw */
    expect_verdict(s, TA_LEVEL_AFT, "A", TA_CLOSE, 5, 0, 1);
    expect_verdict(s, TA_LEVEL_AFT, "B", TA_NOT_ELIGIBLE, 4, 1, 1);
    ta_criteria_free(c);
    ta_screen_free(s);
}
END_TEST

/* Rule (apply_criterion.c): a raw figure beats the peer median only by more
 * than the tolerance 1e-9, whichever way is better. OF0002 is higher-is-better
 * (the builder's default): among peers 0, 0 and 1e-9 the median is 0, so the
 * trust at exactly 1e-9 is not better, the one at 2e-9 is. */
START_TEST(raw_median_beaten_only_beyond_the_tolerance)
{
    static const char csv[] =
        "Quarter,Region,Trust_type,Trust_subtype,Trust_code,Trust_name,Domain,Sub-domain,"
        "Metric_ID,Metric_description,Reporting_date,Units,Value,Median_value,Lower_quartile,"
        "Upper_quartile,Rank\n"
        "Q1 2025/26,London,T,,A,Trust A,Finance,,OF0002,Costs,Jun-25,%,0,,,,\n"
        "Q1 2025/26,London,T,,B,Trust B,Finance,,OF0002,Costs,Jun-25,%,0,,,,\n"
        "Q1 2025/26,London,T,,C,Trust C,Finance,,OF0002,Costs,Jun-25,%,0.000000001,,,,\n";
    static const char csv2[] =
        "Quarter,Region,Trust_type,Trust_subtype,Trust_code,Trust_name,Domain,Sub-domain,"
        "Metric_ID,Metric_description,Reporting_date,Units,Value,Median_value,Lower_quartile,"
        "Upper_quartile,Rank\n"
        "Q1 2025/26,London,T,,A,Trust A,Finance,,OF0002,Costs,Jun-25,%,0,,,,\n"
        "Q1 2025/26,London,T,,B,Trust B,Finance,,OF0002,Costs,Jun-25,%,0,,,,\n"
        "Q1 2025/26,London,T,,C,Trust C,Finance,,OF0002,Costs,Jun-25,%,0.000000002,,,,\n";
    const char *const files[2] = {csv, csv2};
    const ta_criterion_outcome want[2] = {TA_NOT_MET, TA_MET};
    for (int i = 0; i < 2; i++) {
        ta_nhse_file *f = NULL;
        ta_screen *s = NULL;
        ta_criteria *c = NULL;
        ck_assert_int_eq(ta_nhse_file_new(&f, small, NULL), TA_OK);
        ck_assert_msg(ta_nhse_file_read_buffer(f, files[i], strlen(files[i]), "raw.csv") == TA_OK,
                      "%s", ta_nhse_file_error(f));
        ck_assert_int_eq(ta_screen_new_nhse(&s, small, f, NULL), TA_OK);
        ck_assert_int_eq(ta_criteria_new(&c, "raw", NULL), TA_OK);
        ck_assert_int_eq(ta_criteria_add_better_than_peer_median(c, "raw", "Raw", "OF0002"), TA_OK);
        ck_assert_msg(ta_screen_run(s, c, NULL) == TA_OK, "%s", ta_screen_error(s));
        expect(s, TA_LEVEL_AFT, "C", "raw", want[i], (i + 1) * 1e-9, 0,
               i ? "is above the peer median" : "higher is better");
        expect(s, TA_LEVEL_AFT, "A", "raw", TA_NOT_MET, 0, 0, NULL);
        ta_criteria_free(c);
        ta_screen_free(s);
        ta_nhse_file_free(f);
    }
}
END_TEST

/* Rule (apply_criterion.c): a domain without a published score ID is named
 * by its name alone, with no empty brackets. */
START_TEST(domain_without_score_id_named_alone)
{
    static const double cut[3] = {1.99, 2.50, 3.00};
    static const char *const codes[] = {"A"};
    static const char *const metrics[] = {"OF1001"};
    static const double scores[] = {1.50};
    ta_framework_builder *b = NULL;
    ta_framework *fw = NULL;
    ta_assessment *a = NULL;
    ta_screen *s = NULL;
    ta_criteria *c = NULL;
    const ta_assessment *qs[1];
    ck_assert_int_eq(ta_framework_builder_new(&b, "no ids", NULL), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "fin", "Finance", ""), TA_OK);
    ck_assert_int_eq(
        ta_framework_builder_add_metric(b, "OF1001", "Waits", "fin", TA_SCORING_SUPPLIED), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_cutoffs(b, 3, cut), TA_OK);
    ck_assert_msg(ta_framework_builder_build(&fw, b) == TA_OK, "%s", ta_framework_builder_error(b));
    ta_framework_builder_free(b);
    ck_assert_int_eq(ta_assessment_new(&a, fw, NULL), TA_OK);
    ck_assert_int_eq(ta_assessment_set_period(a, "Q1 2025/26"), TA_OK);
    ck_assert_int_eq(ta_assessment_add_columns(a, 1, codes, metrics, scores, TA_INPUT_SCORE),
                     TA_OK);
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    qs[0] = a;
    ck_assert_int_eq(ta_screen_new_assessments(&s, fw, 1, qs, NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_new(&c, "d", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_domain_score_at_most(c, "fin", "Finance", "fin", 2.0), TA_OK);
    ck_assert_msg(ta_screen_run(s, c, NULL) == TA_OK, "%s", ta_screen_error(s));
    ck_assert_str_eq(ta_screen_result_reason(s, TA_LEVEL_AFT, 0, 0),
                     "Finance domain score 1.50 in Q1 2025/26 is at or below 2.00");
    ta_criteria_free(c);
    ta_screen_free(s);
    ta_assessment_free(a);
    ta_framework_free(fw);
}
END_TEST

/* The figures of one result, each checked: its value (0 when it has none),
 * its threshold (0 when it has none) and its period ((size_t)-1 for none). */
static void figures_are(const ta_screen *s, const char *code, const char *id, int has_v, double v,
                        int has_t, double t, size_t period)
{
    int hv = -1, ht = -1;
    double gv = -1, gt = -1;
    size_t q = 7, i = trust_index(s, code), k = crit_index(s, TA_LEVEL_AFT, id);
    ck_assert_int_eq(ta_screen_result_value(&hv, &gv, s, TA_LEVEL_AFT, i, k), TA_OK);
    ck_assert_int_eq(ta_screen_result_threshold(&ht, &gt, s, TA_LEVEL_AFT, i, k), TA_OK);
    ck_assert_int_eq(ta_screen_result_period(&q, s, TA_LEVEL_AFT, i, k), TA_OK);
    ck_assert_msg(hv == has_v && fabs(gv - v) < 1e-9, "%s %s: value %d %f, wanted %d %f", code, id,
                  hv, gv, has_v, v);
    ck_assert_msg(ht == has_t && fabs(gt - t) < 1e-9, "%s %s: threshold %d %f, wanted %d %f", code,
                  id, ht, gt, has_t, t);
    ck_assert_msg(q == period, "%s %s: period %zu, wanted %zu", code, id, q, period);
}

/* Rule (apply_criterion.c): a result says only the figures it has. A rule
 * without a figure gives no value; a rule that names a threshold gives it
 * even without evidence (the segment, the flag's 0, the judgement's yes = 1,
 * the CQC rating, a domain score's limit); a peer rule without peers gives the
 * figure and no threshold; a period only where a figure was found. */
START_TEST(results_say_only_the_figures_they_have)
{
    static const char *const codes[] = {"A", "B", "F"};
    static const char *const types[] = {"T", "T", "Other"};
    static const double w[3] = {NAN, 1.50, 1.00}, k[3] = {2.00, NAN, 1.00};
    const ta_assessment *qs[1] = {qb};
    ta_assessment *q = quarter("Q4 2025/26", 3, codes, types, w, k);
    const ta_assessment *one[1];
    ta_screen *s = screen_of(1, qs);
    ta_criteria *c = NULL;
    ck_assert_int_eq(ta_assessment_run(q), TA_OK);
    ck_assert_int_eq(ta_criteria_new(&c, "figs", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_segment_at_most(c, "seg4", "Segment", 2, 4), TA_OK);
    ck_assert_int_eq(ta_criteria_add_no_deficit(c, "def", "No deficit"), TA_OK);
    ck_assert_int_eq(ta_criteria_add_domain_score_at_most(c, "at", "Access", "access", 2.5), TA_OK);
    ck_assert_int_eq(ta_criteria_add_domain_top_quartile(c, "quart", "Access q", "OF4000"), TA_OK);
    ck_assert_int_eq(ta_criteria_add_better_than_peer_median(c, "cost", "Costs", "OF1002"), TA_OK);
    ck_assert_int_eq(ta_criteria_add_better_than_peer_median(c, "raw", "Raw", "OF0002"), TA_OK);
    ck_assert_int_eq(ta_criteria_add_supplied_judgement(c, "part", "Partnership", "partnership"),
                     TA_OK);
    ck_assert_int_eq(ta_criteria_add_cqc_rating(c, "cqc", "CQC", TA_CQC_GOOD), TA_OK);
    ck_assert_msg(ta_screen_run(s, c, NULL) == TA_OK, "%s", ta_screen_error(s));
    /* four quarters asked of a screen of one */
    figures_are(s, "A", "seg4", 0, 0, 1, 2, (size_t)-1);
    expect(s, TA_LEVEL_AFT, "A", "seg4", TA_NO_EVIDENCE, NAN, NAN,
           "needs the adjusted segment in each of the last 4 quarters, but 1 quarter is screened");
    figures_are(s, "A", "def", 0, 0, 1, 0, (size_t)-1);
    figures_are(s, "A", "part", 0, 0, 1, 1, (size_t)-1);
    figures_are(s, "A", "cqc", 0, 0, 1, TA_CQC_GOOD, (size_t)-1);
    figures_are(s, "A", "raw", 0, 0, 0, 0, (size_t)-1);
    /* F, alone of its type: its figure, no peer threshold */
    figures_are(s, "F", "quart", 1, 1.00, 0, 0, 0);
    expect(s, TA_LEVEL_AFT, "F", "quart", TA_NO_EVIDENCE, NAN, NAN,
           "fewer than 2 trusts of the same type have the ");
    ck_assert_ptr_nonnull(strstr(ta_screen_result_reason(s, TA_LEVEL_AFT, trust_index(s, "F"),
                                                         crit_index(s, TA_LEVEL_AFT, "quart")),
                                 " in Q4 2025/26"));
    figures_are(s, "F", "cost", 1, 1.00, 0, 0, 0);
    ta_screen_free(s);
    /* A has no access figure, B no cost figure */
    one[0] = q;
    s = screen_of(1, one);
    ck_assert_msg(ta_screen_run(s, c, NULL) == TA_OK, "%s", ta_screen_error(s));
    figures_are(s, "A", "at", 0, 0, 1, 2.5, (size_t)-1);
    figures_are(s, "A", "quart", 0, 0, 0, 0, (size_t)-1);
    figures_are(s, "B", "cost", 0, 0, 0, 0, (size_t)-1);
    figures_are(s, "B", "at", 1, 1.50, 1, 2.5, 0);
    ta_criteria_free(c);
    ta_screen_free(s);
    ta_assessment_free(q);
}
END_TEST

START_TEST(history_flags_and_missing_evidence)
{
    const ta_assessment *qs[2] = {q1, q2};
    ta_screen *s = screen_of(2, qs);
    ta_criteria *c = NULL;
    ck_assert_int_eq(ta_criteria_new(&c, "history", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_segment_at_most(c, "seg", "Segment", 2, 2), TA_OK);
    ck_assert_int_eq(ta_criteria_add_no_deficit(c, "def", "No deficit"), TA_OK);
    ck_assert_int_eq(ta_criteria_add_not_in_rsp(c, "rsp", "Not in RSP"), TA_OK);
    ck_assert_int_eq(ta_criteria_add_better_than_peer_median(c, "cost", "Costs", "OF1002"), TA_OK);
    ck_assert_int_eq(ta_screen_run(s, c, NULL), TA_OK);
    ck_assert_uint_eq(ta_screen_trust_count(s), 3);
    /* B: segment 2 in Q1, then 3 in Q2 (deficit cap on 1.50) */
    expect(s, TA_LEVEL_AFT, "A", "seg", TA_MET, 1, 2, "Q1 2025/26: 1, Q2 2025/26: 1");
    ck_assert_uint_eq(period_of(s, "A", "seg"), 1); /* of two equal worst, the later quarter */
    expect(s, TA_LEVEL_AFT, "B", "seg", TA_NOT_MET, 3, 2, "adjusted segment 3 in Q2 2025/26");
    expect(s, TA_LEVEL_AFT, "C", "seg", TA_NO_EVIDENCE, NAN, 2,
           "no adjusted segment for Q1 2025/26");
    /* deficit flag: latest quarter publishing it */
    expect(s, TA_LEVEL_AFT, "A", "def", TA_MET, 0, 0, "flag 0 in Q2 2025/26");
    expect(s, TA_LEVEL_AFT, "B", "def", TA_NOT_MET, 1, 0, "flag 1 in Q2 2025/26");
    expect(s, TA_LEVEL_AFT, "C", "def", TA_NO_EVIDENCE, NAN, NAN, "no financial override");
    /* RSP flag published in Q1 only: taken from there, and said so */
    expect(s, TA_LEVEL_AFT, "A", "rsp", TA_MET, 0, 0,
           "(published for Q1 only; taken from Q1 2025/26)");
    expect(s, TA_LEVEL_AFT, "B", "rsp", TA_NOT_MET, 1, 0, NULL);
    expect(s, TA_LEVEL_AFT, "C", "rsp", TA_NO_EVIDENCE, NAN, NAN, NULL);
    ck_assert_uint_eq(period_of(s, "C", "def"), (size_t)-1);
    ck_assert_uint_eq(period_of(s, "C", "rsp"), (size_t)-1);
    ck_assert_uint_eq(period_of(s, "A", "rsp"), 0);
    /* B has no cost row in Q2: its Q1 figure is used, against Q1's peers */
    expect(s, TA_LEVEL_AFT, "B", "cost", TA_NOT_MET, 2.00, 1.50,
           "(taken from Q1 2025/26, the latest quarter with it)");
    expect(s, TA_LEVEL_AFT, "A", "cost", TA_MET, 1.00, 2.00, "in Q2 2025/26");
    /* the window: one quarter, then more quarters than screened */
    ck_assert_int_eq(ta_screen_set_quarters(s, 1), TA_OK);
    ck_assert_int_eq(ta_screen_run(s, c, NULL), TA_OK);
    /* Rule: one quarter is "1 quarter", not "1 quarters". */
    expect(s, TA_LEVEL_AFT, "C", "seg", TA_MET, 1, 2, "in each of the last 1 quarter (Q2");
    /* Rule: a new window discards the last run's results until the next run. */
    ck_assert_int_eq(ta_screen_set_quarters(s, 3), TA_OK);
    ck_assert_int_eq(ta_screen_verdict(NULL, s, TA_LEVEL_AFT, 0), TA_ESTATE);
    ck_assert_int_eq(ta_screen_run(s, c, NULL), TA_OK);
    expect(s, TA_LEVEL_AFT, "A", "seg", TA_NO_EVIDENCE, NAN, 2, "but 2 quarters are screened");
    ck_assert_int_eq(ta_screen_set_quarters(s, 41), TA_EINVAL);
    ck_assert_int_eq(ta_screen_set_quarters(s, -1), TA_EINVAL);
    /* Rule: 0 returns to each criterion's own window (2 quarters here). */
    ck_assert_int_eq(ta_screen_set_quarters(s, 0), TA_OK);
    ck_assert_int_eq(ta_screen_run(s, c, NULL), TA_OK);
    expect(s, TA_LEVEL_AFT, "A", "seg", TA_MET, 1, 2, "Q1 2025/26: 1, Q2 2025/26: 1");
    ta_criteria_free(c);
    ta_screen_free(s);
}
END_TEST

START_TEST(close_verdict_and_iho_gate)
{
    const ta_assessment *qs[1] = {qb};
    ta_screen *s = screen_of(1, qs);
    ta_criteria *a = NULL, *i = NULL;
    ck_assert_int_eq(ta_criteria_new(&a, "aft", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_domain_score_at_most(a, "access", "Access", "access", 2.50),
                     TA_OK);
    ck_assert_int_eq(
        ta_criteria_add_supplied_judgement(a, "partnership", "Partnership", "partnership"), TA_OK);
    ck_assert_int_eq(ta_criteria_new(&i, "iho", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_domain_top_quartile(i, "quart", "Access q", "access"), TA_OK);
    ck_assert_int_eq(ta_screen_supply_judgement(s, "A", "partnership", TA_YES, NULL), TA_OK);
    ck_assert_int_eq(ta_screen_supply_judgement(s, "C", "partnership", TA_NO, "no record"), TA_OK);
    ck_assert_int_eq(ta_screen_supply_judgement(s, "D", "partnership", TA_NO, NULL), TA_OK);
    ck_assert_int_eq(ta_screen_supply_judgement(s, "D", "partnership", TA_YES, NULL), TA_OK);
    ck_assert_int_eq(ta_screen_run(s, a, i), TA_OK);
    expect_verdict(s, TA_LEVEL_AFT, "A", TA_ELIGIBLE, 2, 0, 0);
    expect_verdict(s, TA_LEVEL_IHO, "A", TA_ELIGIBLE, 1, 0, 0);
    /* B: no evidence on one criterion is at best close, never eligible */
    expect_verdict(s, TA_LEVEL_AFT, "B", TA_CLOSE, 1, 0, 1);
    ck_assert_str_eq(ta_screen_change(s, TA_LEVEL_AFT, trust_index(s, "B")),
                     "Partnership (no evidence): needs a supplied partnership judgement of yes");
    /* ... and the IHO screen needs AFT eligibility first */
    expect_verdict(s, TA_LEVEL_IHO, "B", TA_NOT_ELIGIBLE, 1, 0, 0);
    expect_verdict(s, TA_LEVEL_AFT, "C", TA_CLOSE, 1, 1, 0);
    expect(s, TA_LEVEL_AFT, "C", "partnership", TA_NOT_MET, 0, 1, "no (no record)");
    ck_assert_str_eq(ta_screen_change(s, TA_LEVEL_AFT, trust_index(s, "C")),
                     "Partnership (not met): needs the supplied partnership judgement to be yes");
    /* D: the later judgement replaced the earlier; access 3.00 fails by 0.50 */
    expect_verdict(s, TA_LEVEL_AFT, "D", TA_CLOSE, 1, 1, 0);
    ck_assert_str_eq(ta_screen_change(s, TA_LEVEL_AFT, trust_index(s, "D")),
                     "Access (not met): needs Access domain score (OF4000) to improve from 3.00 "
                     "to 2.50 or below (by 0.50)");
    /* E fails access and has no judgement: two short */
    expect_verdict(s, TA_LEVEL_AFT, "E", TA_NOT_ELIGIBLE, 0, 1, 1);
    ck_assert_str_eq(ta_screen_change(s, TA_LEVEL_AFT, trust_index(s, "E")), "");
    ta_criteria_free(a);
    ta_criteria_free(i);
    ta_screen_free(s);
}
END_TEST

static ta_date D(int y, int m, int d)
{
    ta_date r = {y, m, d};
    return r;
}

START_TEST(cqc_ratings_and_staleness)
{
    const ta_assessment *qs[1] = {qb};
    ta_screen *s = screen_of(1, qs);
    ta_criteria *c = NULL;
    ck_assert_int_eq(ta_criteria_new(&c, "cqc", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_cqc_rating(c, "cqc", "CQC good or better", TA_CQC_GOOD),
                     TA_OK);
    ck_assert_int_eq(ta_screen_supply_cqc(s, "A", TA_CQC_GOOD, D(2022, 10, 1)), TA_OK);
    ck_assert_int_eq(ta_screen_supply_cqc(s, "B", TA_CQC_REQUIRES_IMPROVEMENT, D(2025, 6, 1)),
                     TA_OK);
    ck_assert_int_eq(ta_screen_supply_cqc(s, "C", TA_CQC_OUTSTANDING, D(2021, 4, 1)), TA_OK);
    ck_assert_int_eq(ta_screen_supply_cqc(s, "E", TA_CQC_GOOD, D(2026, 5, 1)), TA_OK);
    ck_assert_int_eq(ta_screen_supply_cqc(s, "F", TA_CQC_INADEQUATE, D(2020, 2, 29)), TA_OK);
    /* without an as-of date nothing is current */
    ck_assert_int_eq(ta_screen_run(s, c, NULL), TA_OK);
    expect(s, TA_LEVEL_AFT, "A", "cqc", TA_NO_EVIDENCE, 2, 2, "no as-of date");
    /* good for 42 months: 2022-10-01 is current to 2026-04-01 inclusive */
    ck_assert_int_eq(ta_screen_set_as_of(s, D(2026, 4, 1)), TA_OK);
    ck_assert_int_eq(ta_screen_run(s, c, NULL), TA_OK);
    expect(s, TA_LEVEL_AFT, "A", "cqc", TA_MET, 2, 2, "current for 42 months, to 2026-04-01");
    expect(s, TA_LEVEL_AFT, "B", "cqc", TA_NOT_MET, 3, 2, "worse than good");
    expect(s, TA_LEVEL_AFT, "C", "cqc", TA_MET, 1, 2, NULL);
    expect(s, TA_LEVEL_AFT, "D", "cqc", TA_NO_EVIDENCE, NAN, 2, "no CQC rating supplied");
    expect(s, TA_LEVEL_AFT, "E", "cqc", TA_NO_EVIDENCE, 2, 2, "dated after the as-of date");
    expect(s, TA_LEVEL_AFT, "F", "cqc", TA_NO_EVIDENCE, 4, 2, "stale");
    ck_assert_int_eq(ta_screen_set_as_of(s, D(2026, 4, 2)), TA_OK);
    ck_assert_int_eq(ta_screen_run(s, c, NULL), TA_OK);
    expect(s, TA_LEVEL_AFT, "A", "cqc", TA_NO_EVIDENCE, 2, 2, "is stale on 2026-04-02");
    expect(s, TA_LEVEL_AFT, "C", "cqc", TA_NO_EVIDENCE, 1, 2, "60 months, to 2026-04-01");
    /* inadequate of 29 February 2020: 12 months end 28 February 2021 */
    ck_assert_int_eq(ta_screen_set_as_of(s, D(2021, 2, 28)), TA_OK);
    ck_assert_int_eq(ta_screen_run(s, c, NULL), TA_OK);
    expect(s, TA_LEVEL_AFT, "F", "cqc", TA_NOT_MET, 4, 2, "to 2021-02-28");
    ck_assert_int_eq(ta_screen_set_as_of(s, D(2021, 3, 1)), TA_OK);
    ck_assert_int_eq(ta_screen_run(s, c, NULL), TA_OK);
    expect(s, TA_LEVEL_AFT, "F", "cqc", TA_NO_EVIDENCE, 4, 2, NULL);
    /* Rule: a rating dated on the as-of date itself is current (only a later
     * date is "dated after"). */
    ck_assert_int_eq(ta_screen_supply_cqc(s, "E", TA_CQC_GOOD, D(2021, 3, 1)), TA_OK);
    ck_assert_int_eq(ta_screen_run(s, c, NULL), TA_OK);
    expect(s, TA_LEVEL_AFT, "E", "cqc", TA_MET, 2, 2, "current for 42 months, to 2024-09-01");
    /* bad input */
    ck_assert_int_eq(ta_screen_supply_cqc(s, "A", (ta_cqc_rating)5, D(2020, 1, 1)), TA_EINVAL);
    ck_assert_int_eq(ta_screen_supply_cqc(s, "A", TA_CQC_GOOD, D(2021, 2, 29)), TA_EINVAL);
    ck_assert_int_eq(ta_screen_supply_cqc(s, "ZZZ", TA_CQC_GOOD, D(2021, 2, 1)), TA_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(ta_screen_error(s), "ZZZ"));
    ck_assert_int_eq(ta_screen_set_as_of(s, D(2021, 13, 1)), TA_EINVAL);
    ta_criteria_free(c);
    ta_screen_free(s);
}
END_TEST

/* Rule: a CQC rating of requires improvement stays current for 24 months (to
 * the same day two years on, inclusive), and the reason sentence says so in
 * full: the rating, its date, the as-of date, how long it is current for and
 * to when, and how it compares with the rating asked for. */
START_TEST(cqc_requires_improvement_is_current_for_24_months)
{
    const ta_assessment *qs[1] = {qb};
    ta_screen *s = screen_of(1, qs);
    ta_criteria *c = NULL;
    ck_assert_int_eq(ta_criteria_new(&c, "cqc", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_cqc_rating(c, "cqc", "CQC good or better", TA_CQC_GOOD),
                     TA_OK);
    ck_assert_int_eq(ta_screen_supply_cqc(s, "A", TA_CQC_GOOD, D(2023, 12, 1)), TA_OK);
    ck_assert_int_eq(ta_screen_supply_cqc(s, "B", TA_CQC_REQUIRES_IMPROVEMENT, D(2025, 6, 1)),
                     TA_OK);
    ck_assert_int_eq(ta_screen_set_as_of(s, D(2027, 6, 1)), TA_OK);
    ck_assert_int_eq(ta_screen_run(s, c, NULL), TA_OK);
    expect(s, TA_LEVEL_AFT, "A", "cqc", TA_MET, 2, 2,
           "CQC rating good of 2023-12-01 (supplied) is current on 2027-06-01 (a rating of good "
           "is current for 42 months, to 2027-06-01) and is at least good");
    expect(s, TA_LEVEL_AFT, "B", "cqc", TA_NOT_MET, 3, 2,
           "CQC rating requires improvement of 2025-06-01 (supplied) is current on 2027-06-01 (a "
           "rating of requires improvement is current for 24 months, to 2027-06-01) and is worse "
           "than good");
    ck_assert_int_eq(ta_screen_set_as_of(s, D(2027, 6, 2)), TA_OK);
    ck_assert_int_eq(ta_screen_run(s, c, NULL), TA_OK);
    expect(s, TA_LEVEL_AFT, "B", "cqc", TA_NO_EVIDENCE, 3, 2,
           "CQC rating requires improvement of 2025-06-01 (supplied) is stale on 2027-06-02 (a "
           "rating of requires improvement is current for 24 months, to 2027-06-01)");
    /* A rating whose months run past the last day there is stays current to 9999-12-31. */
    ck_assert_int_eq(ta_screen_supply_cqc(s, "A", TA_CQC_OUTSTANDING, D(9998, 1, 1)), TA_OK);
    ck_assert_int_eq(ta_screen_set_as_of(s, D(9999, 12, 31)), TA_OK);
    ck_assert_int_eq(ta_screen_run(s, c, NULL), TA_OK);
    expect(s, TA_LEVEL_AFT, "A", "cqc", TA_MET, 1, 2,
           "CQC rating outstanding of 9998-01-01 (supplied) is current on 9999-12-31 (a rating of "
           "outstanding is current for 60 months, to 9999-12-31) and is at least good");
    ta_criteria_free(c);
    ta_screen_free(s);
}
END_TEST

/* Rule: ta_screen_new_nhse_as_of refuses a missing argument or a file without
 * a period (TA_EINVAL, *out NULL), gives TA_ENOTFOUND for a period the file
 * lacks, screens the periods up to the one named, and sets the as-of date to
 * that quarter's last day (so that a supplied CQC rating can be judged). */
START_TEST(screen_as_of_a_period)
{
    ta_screen *s = NULL;
    ta_nhse_file *empty = NULL;
    ta_criteria *c = NULL;
    ck_assert_int_eq(ta_screen_new_nhse_as_of(NULL, nof, real, "Q2 2025/26", NULL), TA_EINVAL);
    s = scr;
    ck_assert_int_eq(ta_screen_new_nhse_as_of(&s, NULL, real, "Q2 2025/26", NULL), TA_EINVAL);
    ck_assert_ptr_null(s);
    s = scr;
    ck_assert_int_eq(ta_screen_new_nhse_as_of(&s, nof, NULL, "Q2 2025/26", NULL), TA_EINVAL);
    ck_assert_ptr_null(s);
    s = scr;
    ck_assert_int_eq(ta_screen_new_nhse_as_of(&s, nof, real, NULL, NULL), TA_EINVAL);
    ck_assert_ptr_null(s);
    ck_assert_int_eq(ta_nhse_file_new(&empty, nof, NULL), TA_OK);
    ck_assert_int_eq(ta_screen_new_nhse_as_of(&s, nof, empty, "Q2 2025/26", NULL), TA_EINVAL);
    ck_assert_ptr_null(s);
    ta_nhse_file_free(empty);
    ck_assert_int_eq(ta_screen_new_nhse_as_of(&s, nof, real, "Q2 2025", NULL), TA_ENOTFOUND);
    ck_assert_ptr_null(s);
    ck_assert_int_eq(ta_screen_new_nhse_as_of(&s, nof, real, "Q2 2025/26", NULL), TA_OK);
    ck_assert_uint_eq(ta_screen_period_count(s), 2);
    ck_assert_str_eq(ta_screen_period(s, 1), "Q2 2025/26");
    ck_assert_int_eq(ta_criteria_new(&c, "cqc", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_cqc_rating(c, "cqc", "CQC", TA_CQC_GOOD), TA_OK);
    ck_assert_int_eq(ta_screen_supply_cqc(s, "R1A", TA_CQC_GOOD, D(2022, 3, 31)), TA_OK);
    ck_assert_int_eq(ta_screen_run(s, c, NULL), TA_OK);
    expect(s, TA_LEVEL_AFT, "R1A", "cqc", TA_MET, 2, 2,
           "is current on 2025-09-30 (a rating of good is current for 42 months, to 2025-09-30)");
    ta_criteria_free(c);
    ta_screen_free(s);
    ck_assert_int_eq(ta_screen_new_nhse_as_of(&s, nof, real, "Q1 2025/26", NULL), TA_OK);
    ck_assert_uint_eq(ta_screen_period_count(s), 1);
    ta_screen_free(s);
}
END_TEST

/* Runs criteria c (freed) on s and checks the whole CSV export: verdicts,
 * change texts and reason sentences, word for word. */
static void export_is(ta_screen *s, ta_criteria *c, const char *rows)
{
    static const char header[] = "Trust_code,Trust_name,Trust_type,Verdict,Criteria_met,"
                                 "Criteria_failed,Criteria_no_evidence,Change,IHO_verdict,"
                                 "Reasons\n";
    const char *text = NULL;
    size_t len = 0;
    ck_assert_msg(ta_screen_run(s, c, NULL) == TA_OK, "%s", ta_screen_error(s));
    ck_assert_int_eq(ta_screen_export(&text, &len, s, TA_SCREEN_CSV, NULL), TA_OK);
    ck_assert_uint_eq(len, strlen(header) + strlen(rows));
    ck_assert_int_eq(strncmp(text, header, strlen(header)), 0);
    ck_assert_str_eq(text + strlen(header), rows);
    ta_criteria_free(c);
}

/* Rule: every kind of criterion says why, and what would have to change, in
 * full sentences (checked whole): a figure's quarter when it is not the last,
 * the quarters a flag is published for (a run "Q1-Q2" or a list "Q1, Q3"),
 * the peers compared with, "1 quarter" against "2 quarters", and no
 * evidence said as such. Four quarters of three trusts of type T. */
START_TEST(reason_and_change_sentences)
{
    static const char *const codes[] = {"A", "B", "C"};
    static const char *const types[] = {"T", "T", "T"};
    static const double w[4][3] = {
        {1.50, 2.60, 1.50}, {1.50, 1.50, NAN}, {1.50, 3.20, 1.50}, {2.60, NAN, 1.50}};
    static const double k[4][3] = {
        {1.00, 2.00, NAN}, {1.00, NAN, NAN}, {2.00, 3.00, NAN}, {NAN, 1.00, NAN}};
    static const char *const labels[] = {"Q1 2025/26", "Q2 2025/26", "Q3 2025/26", "Q4 2025/26"};
    ta_assessment *q[4];
    ta_screen *s1, *s3, *s4;
    ta_criteria *c = NULL;
    for (int i = 0; i < 4; i++)
        q[i] = quarter(labels[i], i == 1 ? 2 : 3, codes, types, w[i], k[i]); /* C not in Q2 */
    /* RSP: A's in Q1 (0) and Q3 (1); deficit: A's in Q1 and Q2 (0), B's in Q4 (1) */
    ck_assert_int_eq(ta_assessment_set_trust_flag(q[0], "A", TA_FLAG_RECOVERY_SUPPORT, TA_NO),
                     TA_OK);
    ck_assert_int_eq(ta_assessment_set_trust_flag(q[2], "A", TA_FLAG_RECOVERY_SUPPORT, TA_YES),
                     TA_OK);
    ck_assert_int_eq(ta_assessment_set_trust_flag(q[0], "A", TA_FLAG_FINANCIAL_DEFICIT, TA_NO),
                     TA_OK);
    ck_assert_int_eq(ta_assessment_set_trust_flag(q[1], "A", TA_FLAG_FINANCIAL_DEFICIT, TA_NO),
                     TA_OK);
    ck_assert_int_eq(ta_assessment_set_trust_flag(q[3], "B", TA_FLAG_FINANCIAL_DEFICIT, TA_YES),
                     TA_OK);
    for (int i = 0; i < 4; i++)
        ck_assert_int_eq(ta_assessment_run(q[i]), TA_OK);
    s1 = screen_of(1, (const ta_assessment *const *)q);
    s3 = screen_of(3, (const ta_assessment *const *)q);
    s4 = screen_of(4, (const ta_assessment *const *)q);
    ck_assert_int_eq(ta_screen_supply_judgement(s4, "A", "partnership", TA_YES, "agreed"), TA_OK);
    ck_assert_int_eq(ta_screen_supply_judgement(s4, "B", "partnership", TA_NO, ""), TA_OK);
    ck_assert_int_eq(ta_screen_supply_cqc(s4, "A", TA_CQC_OUTSTANDING, D(2025, 1, 1)), TA_OK);
    ck_assert_int_eq(ta_screen_supply_cqc(s4, "B", TA_CQC_INADEQUATE, D(2025, 1, 1)), TA_OK);
    ck_assert_int_eq(ta_screen_set_as_of(s4, D(2025, 6, 1)), TA_OK);

    /* segment: not met in the last quarter, and in an earlier one */
    ck_assert_int_eq(ta_criteria_new(&c, "x", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_segment_at_most(c, "seg", "Segment", 2, 2), TA_OK);
    export_is(
        s4, c,
        "A,,T,close,,seg,,Segment (not met): needs adjusted segment at most 2 in each of the last "
        "2 quarters (it was 3 in Q4 2025/26),,\"seg: adjusted segment 3 in Q4 2025/26 is worse "
        "than 2; needs at most 2 in each of the last 2 quarters (Q3 2025/26: 1, Q4 2025/26: 3)\"\n"
        "B,,T,close,,seg,,Segment (not met): needs adjusted segment at most 2 in each of the last "
        "2 quarters (it was 4 in Q3 2025/26),,\"seg: adjusted segment 4 in Q3 2025/26 is worse "
        "than 2; needs at most 2 in each of the last 2 quarters (Q3 2025/26: 4, Q4 2025/26: "
        "none)\"\n"
        "C,,T,eligible,seg,,,,,\"seg: adjusted segment at most 2 in each of the last 2 quarters "
        "(Q3 2025/26: 1, Q4 2025/26: 1)\"\n");
    /* segment: a missing quarter is no evidence, a worse one not met first */
    ck_assert_int_eq(ta_criteria_new(&c, "x", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_segment_at_most(c, "seg", "Segment", 2, 3), TA_OK);
    export_is(s4, c,
              "A,,T,close,,seg,,Segment (not met): needs adjusted segment at most 2 in each of the "
              "last 3 quarters (it was 3 in Q4 2025/26),,\"seg: adjusted segment 3 in Q4 2025/26 "
              "is worse than 2; needs at most 2 in each of the last 3 quarters (Q2 2025/26: 1, Q3 "
              "2025/26: 1, Q4 2025/26: 3)\"\n"
              "B,,T,close,,seg,,Segment (not met): needs adjusted segment at most 2 in each of the "
              "last 3 quarters (it was 4 in Q3 2025/26),,\"seg: adjusted segment 4 in Q3 2025/26 "
              "is worse than 2; needs at most 2 in each of the last 3 quarters (Q2 2025/26: 1, Q3 "
              "2025/26: 4, Q4 2025/26: none)\"\n"
              "C,,T,close,,,seg,\"Segment (no evidence): needs adjusted segment at most 2 in each "
              "of the last 3 quarters, with a segment published for Q2 2025/26\",,\"seg: no "
              "adjusted segment for Q2 2025/26; needs at most 2 in each of the last 3 quarters (Q2 "
              "2025/26: none, Q3 2025/26: 1, Q4 2025/26: 1)\"\n");
    /* segment: more quarters asked for than screened */
    ck_assert_int_eq(ta_criteria_new(&c, "x", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_segment_at_most(c, "seg", "Segment", 2, 2), TA_OK);
    export_is(
        s1, c,
        "A,,T,close,,,seg,Segment (no evidence): needs adjusted segments for more quarters,,\"seg: "
        "needs the adjusted segment in each of the last 2 quarters, but 1 quarter is screened\"\n"
        "B,,T,close,,,seg,Segment (no evidence): needs adjusted segments for more quarters,,\"seg: "
        "needs the adjusted segment in each of the last 2 quarters, but 1 quarter is screened\"\n"
        "C,,T,close,,,seg,Segment (no evidence): needs adjusted segments for more quarters,,\"seg: "
        "needs the adjusted segment in each of the last 2 quarters, but 1 quarter is screened\"\n");
    /* RSP flag published for Q1 and Q3 only: a list, not a run */
    ck_assert_int_eq(ta_criteria_new(&c, "x", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_not_in_rsp(c, "rsp", "RSP"), TA_OK);
    export_is(s4, c,
              "A,,T,close,,rsp,,RSP (not met): needs the Recovery Support Programme flag to be "
              "0,,\"rsp: Recovery Support Programme flag 1 in Q3 2025/26: in the Recovery Support "
              "Programme (published for Q1, Q3 only; taken from Q3 2025/26)\"\n"
              "B,,T,close,,,rsp,RSP (no evidence): needs the Recovery Support Programme flag to be "
              "0 in a published quarter,,rsp: no Recovery Support Programme flag published for the "
              "trust in any screened quarter\n"
              "C,,T,close,,,rsp,RSP (no evidence): needs the Recovery Support Programme flag to be "
              "0 in a published quarter,,rsp: no Recovery Support Programme flag published for the "
              "trust in any screened quarter\n");
    /* deficit flag not published for A in the last quarter, though for B */
    ck_assert_int_eq(ta_criteria_new(&c, "x", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_no_deficit(c, "def", "Deficit"), TA_OK);
    export_is(
        s4, c,
        "A,,T,eligible,def,,,,,def: financial override (deficit) flag 0 in Q2 2025/26: not in "
        "financial deficit (not published for the trust in Q4 2025/26; taken from Q2 2025/26)\n"
        "B,,T,close,,def,,Deficit (not met): needs the financial override (deficit) flag to be "
        "0,,def: financial override (deficit) flag 1 in Q4 2025/26: in financial deficit (segment "
        "capped)\n"
        "C,,T,close,,,def,Deficit (no evidence): needs the financial override (deficit) flag to be "
        "0 in a published quarter,,def: no financial override (deficit) flag published for the "
        "trust in any screened quarter\n");
    /* deficit flag published for Q1-Q2 only: a run */
    ck_assert_int_eq(ta_criteria_new(&c, "x", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_no_deficit(c, "def", "Deficit"), TA_OK);
    export_is(s3, c,
              "A,,T,eligible,def,,,,,def: financial override (deficit) flag 0 in Q2 2025/26: not "
              "in financial deficit (published for Q1-Q2 only; taken from Q2 2025/26)\n"
              "B,,T,close,,,def,Deficit (no evidence): needs the financial override (deficit) flag "
              "to be 0 in a published quarter,,def: no financial override (deficit) flag published "
              "for the trust in any screened quarter\n"
              "C,,T,close,,,def,Deficit (no evidence): needs the financial override (deficit) flag "
              "to be 0 in a published quarter,,def: no financial override (deficit) flag published "
              "for the trust in any screened quarter\n");
    /* a domain score at most a threshold; B's taken from Q3 */
    ck_assert_int_eq(ta_criteria_new(&c, "x", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_domain_score_at_most(c, "dom", "Dom", "access", 2.0), TA_OK);
    export_is(s4, c,
              "A,,T,close,,dom,,Dom (not met): needs Access domain score (OF4000) to improve from "
              "2.60 to 2.00 or below (by 0.60),,dom: Access domain score (OF4000) 2.60 in Q4 "
              "2025/26 is above 2.00\n"
              "B,,T,close,,dom,,Dom (not met): needs Access domain score (OF4000) to improve from "
              "3.20 to 2.00 or below (by 1.20),,\"dom: Access domain score (OF4000) 3.20 in Q3 "
              "2025/26 is above 2.00 (taken from Q3 2025/26, the latest quarter with it)\"\n"
              "C,,T,eligible,dom,,,,,dom: Access domain score (OF4000) 1.50 in Q4 2025/26 is at or "
              "below 2.00\n");
    /* the peer lower quartile (2 peers in Q4, 3 in Q3) */
    ck_assert_int_eq(ta_criteria_new(&c, "x", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_domain_top_quartile(c, "quart", "Quart", "OF4000"), TA_OK);
    export_is(
        s4, c,
        "A,,T,close,,quart,,Quart (not met): needs Access domain score (OF4000) to improve from "
        "2.60 to 1.775 or below (by 0.825),,quart: Access domain score (OF4000) 2.60 in Q4 2025/26 "
        "is above the peer lower quartile 1.775 (2 trusts of type T; lower is better)\n"
        "B,,T,close,,quart,,Quart (not met): needs Access domain score (OF4000) to improve from "
        "3.20 to 1.50 or below (by 1.70),,\"quart: Access domain score (OF4000) 3.20 in Q3 2025/26 "
        "is above the peer lower quartile 1.50 (3 trusts of type T; lower is better) (taken from "
        "Q3 2025/26, the latest quarter with it)\"\n"
        "C,,T,eligible,quart,,,,,quart: Access domain score (OF4000) 1.50 in Q4 2025/26 is at or "
        "below the peer lower quartile 1.775 (2 trusts of type T; lower is better)\n");
    /* a domain no trust has */
    ck_assert_int_eq(ta_criteria_new(&c, "x", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_domain_score_at_most(c, "fin", "Fin", "fin", 2.0), TA_OK);
    export_is(
        s4, c,
        "A,,T,close,,,fin,Fin (no evidence): needs a published Finance domain score (OF4003),,fin: "
        "no Finance domain score (OF4003) for the trust in any screened quarter\n"
        "B,,T,close,,,fin,Fin (no evidence): needs a published Finance domain score (OF4003),,fin: "
        "no Finance domain score (OF4003) for the trust in any screened quarter\n"
        "C,,T,close,,,fin,Fin (no evidence): needs a published Finance domain score (OF4003),,fin: "
        "no Finance domain score (OF4003) for the trust in any screened quarter\n");
    /* at the lower quartile is met */
    ck_assert_int_eq(ta_criteria_new(&c, "x", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_domain_top_quartile(c, "quart", "Quart", "access"), TA_OK);
    export_is(
        s1, c,
        "A,,T,eligible,quart,,,,,quart: Access domain score (OF4000) 1.50 in Q1 2025/26 is at or "
        "below the peer lower quartile 1.50 (3 trusts of type T; lower is better)\n"
        "B,,T,close,,quart,,Quart (not met): needs Access domain score (OF4000) to improve from "
        "2.60 to 1.50 or below (by 1.10),,quart: Access domain score (OF4000) 2.60 in Q1 2025/26 "
        "is above the peer lower quartile 1.50 (3 trusts of type T; lower is better)\n"
        "C,,T,eligible,quart,,,,,quart: Access domain score (OF4000) 1.50 in Q1 2025/26 is at or "
        "below the peer lower quartile 1.50 (3 trusts of type T; lower is better)\n");
    /* a metric against the peer median: taken from Q3; one peer; none */
    ck_assert_int_eq(ta_criteria_new(&c, "x", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_better_than_peer_median(c, "cost", "Cost", "OF1002"), TA_OK);
    export_is(s4, c,
              "A,,T,eligible,cost,,,,,\"cost: OF1002 score of Costs 2.00 in Q3 2025/26 is below "
              "the peer median 2.50 (2 trusts of type T; lower is better) (taken from Q3 2025/26, "
              "the latest quarter with it)\"\n"
              "B,,T,close,,,cost,Cost (no evidence): needs peers to compare with,,cost: fewer than "
              "2 trusts of the same type have OF1002 score of Costs in Q4 2025/26\n"
              "C,,T,close,,,cost,Cost (no evidence): needs a published OF1002 score of "
              "Costs,,cost: no OF1002 score of Costs for the trust in any screened quarter\n");
    /* a raw value, which assessments do not carry */
    ck_assert_int_eq(ta_criteria_new(&c, "x", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_better_than_peer_median(c, "raw", "Raw", "OF0002"), TA_OK);
    export_is(s4, c,
              "A,,T,close,,,raw,Raw (no evidence): needs a criterion on the score ID "
              "OF1002,,\"raw: OF0002 Costs is a raw value, which an assessment does not carry "
              "(name the score ID OF1002 to screen assessments)\"\n"
              "B,,T,close,,,raw,Raw (no evidence): needs a criterion on the score ID "
              "OF1002,,\"raw: OF0002 Costs is a raw value, which an assessment does not carry "
              "(name the score ID OF1002 to screen assessments)\"\n"
              "C,,T,close,,,raw,Raw (no evidence): needs a criterion on the score ID "
              "OF1002,,\"raw: OF0002 Costs is a raw value, which an assessment does not carry "
              "(name the score ID OF1002 to screen assessments)\"\n");
    /* a supplied judgement: yes with a note, no with an empty note, none */
    ck_assert_int_eq(ta_criteria_new(&c, "x", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_supplied_judgement(c, "p", "Partner", "partnership"), TA_OK);
    export_is(s4, c,
              "A,,T,eligible,p,,,,,p: partnership judgement supplied: yes (agreed)\n"
              "B,,T,close,,p,,Partner (not met): needs the supplied partnership judgement to be "
              "yes,,p: partnership judgement supplied: no\n"
              "C,,T,close,,,p,Partner (no evidence): needs a supplied partnership judgement of "
              "yes,,p: no partnership judgement supplied\n");
    /* a CQC rating: better than asked, worse, none */
    ck_assert_int_eq(ta_criteria_new(&c, "x", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_cqc_rating(c, "cqc", "CQC", TA_CQC_GOOD), TA_OK);
    export_is(
        s4, c,
        "A,,T,eligible,cqc,,,,,\"cqc: CQC rating outstanding of 2025-01-01 (supplied) is current "
        "on 2025-06-01 (a rating of outstanding is current for 60 months, to 2030-01-01) and is at "
        "least good\"\n"
        "B,,T,close,,cqc,,CQC (not met): needs a current supplied CQC rating of good or "
        "better,,\"cqc: CQC rating inadequate of 2025-01-01 (supplied) is current on 2025-06-01 (a "
        "rating of inadequate is current for 12 months, to 2026-01-01) and is worse than good\"\n"
        "C,,T,close,,,cqc,CQC (no evidence): needs a current supplied CQC rating of good or "
        "better,,cqc: no CQC rating supplied\n");
    ta_screen_free(s1);
    ta_screen_free(s3);
    ta_screen_free(s4);
    for (int i = 0; i < 4; i++)
        ta_assessment_free(q[i]);
}
END_TEST

/* Rule: a domain or metric criterion with no figure in any screened quarter
 * has no period ((size_t)-1), not the first quarter; one with a figure names
 * the quarter it came from. */
START_TEST(no_figure_has_no_period)
{
    static const char *const codes[] = {"A", "B"};
    static const char *const types[] = {"T", "T"};
    static const double w[2] = {1.50, NAN}, k[2] = {1.00, 1.00};
    static const char *const labels[] = {"Q1 2025/26", "Q2 2025/26"};
    ta_assessment *q[2];
    ta_screen *s;
    ta_criteria *c = NULL;
    for (int i = 0; i < 2; i++) {
        q[i] = quarter(labels[i], 2, codes, types, w, k);
        ck_assert_int_eq(ta_assessment_run(q[i]), TA_OK);
    }
    s = screen_of(2, (const ta_assessment *const *)q);
    ck_assert_int_eq(ta_criteria_new(&c, "x", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_domain_score_at_most(c, "dom", "Dom", "access", 2.0), TA_OK);
    ck_assert_int_eq(ta_criteria_add_better_than_peer_median(c, "med", "Med", "OF1001"), TA_OK);
    ck_assert_int_eq(ta_screen_run(s, c, NULL), TA_OK);
    ck_assert_uint_eq(period_of(s, "A", "dom"), 1);
    ck_assert_uint_eq(period_of(s, "B", "dom"), (size_t)-1);
    ck_assert_uint_eq(period_of(s, "A", "med"), 1);
    ck_assert_uint_eq(period_of(s, "B", "med"), (size_t)-1);
    ta_criteria_free(c);
    ta_screen_free(s);
    for (int i = 0; i < 2; i++)
        ta_assessment_free(q[i]);
}
END_TEST

/* Rule: the peer statistics stay inside the memory they ask for: a peer
 * quartile over two types of three trusts (as many groups as trusts but one),
 * under a guarding allocator. */
START_TEST(peer_statistics_stay_in_their_memory)
{
    static const char *const codes[] = {"A", "B", "C"};
    static const char *const types[] = {"T", "T", "U"}; /* a group per trust but one */
    static const double w[3] = {1.50, 2.60, 3.10}, k[3] = {1.00, 2.00, 3.00};
    ag_state g = {0};
    ta_allocator al = ag_allocator(&g);
    ta_assessment *q = quarter("Q1 2025/26", 3, codes, types, w, k);
    ta_screen *s = NULL;
    ta_criteria *c = NULL;
    ck_assert_int_eq(ta_assessment_run(q), TA_OK);
    ck_assert_int_eq(ta_screen_new_assessments(&s, small, 1, (const ta_assessment *const *)&q, &al),
                     TA_OK);
    ck_assert_int_eq(ta_criteria_new(&c, "x", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_domain_top_quartile(c, "quart", "Quart", "OF4000"), TA_OK);
    /* A run clears the error text of the failed run before it. */
    ck_assert_int_eq(ta_screen_run(s, NULL, NULL), TA_EINVAL);
    ck_assert_str_eq(ta_screen_error(s), "the AFT criteria set is NULL");
    ck_assert_int_eq(ta_screen_run(s, c, NULL), TA_OK);
    ck_assert_str_eq(ta_screen_error(s), "");
    expect(s, TA_LEVEL_AFT, "A", "quart", TA_MET, 1.50, NAN, NULL);
    /* Its one period is index 0; index 1 is none (nothing read past the labels). */
    ck_assert_str_eq(ta_screen_period(s, 0), "Q1 2025/26");
    ck_assert_ptr_null(ta_screen_period(s, 1));
    ta_criteria_free(c);
    ta_screen_free(s);
    ta_assessment_free(q);
    ck_assert_uint_eq(g.overruns, 0);
    ck_assert_uint_eq(g.live, 0);
}
END_TEST

/* Rule: a flag published for a run of quarters that does not start at the
 * first screened one is said as that run ("Q2-Q3"), not from Q1. */
START_TEST(flag_published_for_a_later_run)
{
    static const char *const codes[] = {"A"};
    static const char *const types[] = {"T"};
    static const double w[1] = {1.50}, k[1] = {1.00};
    static const char *const labels[] = {"Q1 2025/26", "Q2 2025/26", "Q3 2025/26", "Q4 2025/26"};
    ta_assessment *q[4];
    ta_screen *s4;
    ta_criteria *c = NULL;
    for (int i = 0; i < 4; i++)
        q[i] = quarter(labels[i], 1, codes, types, w, k);
    ck_assert_int_eq(ta_assessment_set_trust_flag(q[1], "A", TA_FLAG_FINANCIAL_DEFICIT, TA_NO),
                     TA_OK);
    ck_assert_int_eq(ta_assessment_set_trust_flag(q[2], "A", TA_FLAG_FINANCIAL_DEFICIT, TA_NO),
                     TA_OK);
    for (int i = 0; i < 4; i++)
        ck_assert_int_eq(ta_assessment_run(q[i]), TA_OK);
    s4 = screen_of(4, (const ta_assessment *const *)q);
    ck_assert_int_eq(ta_criteria_new(&c, "x", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_no_deficit(c, "def", "Deficit"), TA_OK);
    export_is(s4, c,
              "A,,T,eligible,def,,,,,def: financial override (deficit) flag 0 in Q3 2025/26: not "
              "in financial deficit (published for Q2-Q3 only; taken from Q3 2025/26)\n");
    ta_screen_free(s4);
    for (int i = 0; i < 4; i++)
        ta_assessment_free(q[i]);
}
END_TEST

/* Rule: an evidence file needs its Trust_code, Judgement and Value columns
 * (the missing one named), and takes a header name with tabs around it and a
 * value with spaces or tabs around it; a value of the wrong word is refused. */
START_TEST(evidence_columns_and_spaces)
{
    static const struct {
        const char *text, *message;
    } cases[] = {
        {"Judgement,Value\nA,yes\n", "e.csv:1: the header has no Trust_code column"},
        {"Trust_code,Value\nA,yes\n", "e.csv:1: the header has no Judgement column"},
        {"Trust_code,Judgement\nA,partnership\n", "e.csv:1: the header has no Value column"},
        /* A value matches its word letter for letter, not by length alone. */
        {"Trust_code,Judgement,Value\nA,partnership,nu\n",
         "e.csv:2:15: Value \"nu\" of judgement partnership is not yes, no or empty"},
        {"Trust_code,Judgement,Value\nA,cqc_rating,gxxd\n",
         "e.csv:2:14: cqc_rating \"gxxd\" is not outstanding, good, requires_improvement or "
         "inadequate"},
    };
    const ta_assessment *qs[1] = {qb};
    ta_screen *s = screen_of(1, qs);
    ta_criteria *c = NULL;
    const char *ok = "Trust_code,\tJudgement\t,Value\nA,partnership, yes \nB,partnership,\tno\t\n";
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        ck_assert_int_eq(
            ta_screen_read_evidence_buffer(s, cases[k].text, strlen(cases[k].text), "e.csv"),
            TA_EPARSE);
        ck_assert_str_eq(ta_screen_error(s), cases[k].message);
    }
    /* Rule: NULL data of length 0 is an empty file (no header), not a NULL argument. */
    ck_assert_int_eq(ta_screen_read_evidence_buffer(s, NULL, 0, "e.csv"), TA_EPARSE);
    ck_assert_str_eq(ta_screen_error(s), "e.csv: empty file, no header");
    ck_assert_msg(ta_screen_read_evidence_buffer(s, ok, strlen(ok), "e.csv") == TA_OK, "%s",
                  ta_screen_error(s));
    ck_assert_int_eq(ta_criteria_new(&c, "p", NULL), TA_OK);
    ck_assert_int_eq(
        ta_criteria_add_supplied_judgement(c, "partnership", "Partnership", "partnership"), TA_OK);
    ck_assert_int_eq(ta_screen_run(s, c, NULL), TA_OK);
    expect(s, TA_LEVEL_AFT, "A", "partnership", TA_MET, 1, 1,
           "partnership judgement supplied: yes");
    expect(s, TA_LEVEL_AFT, "B", "partnership", TA_NOT_MET, 0, 1, NULL);
    ta_criteria_free(c);
    ta_screen_free(s);
}
END_TEST

/* Rule (evidence_csv.c): a word of the evidence file (a column name, a
 * Value, a CQC rating) matches whole, in any ASCII case, '_' and ' ' alike,
 * blanks (spaces, tabs) around it aside: "yess", "ye" and "yes x" are no
 * value; " Requires Improvement\t" is requires_improvement. */
START_TEST(evidence_words_whole_and_folded)
{
    static const char *const refused[] = {"yess", "ye", "yes x", "y es", "_yes"};
    const ta_assessment *qs[1] = {qb};
    ta_screen *s = screen_of(1, qs);
    ta_criteria *c = NULL;
    char text[128], message[160];
    const char *ok = "TRUST_CODE,judgement,VALUE,date\n"
                     "A,partnership,YES,\n"
                     "B,partnership,\t No,\n"
                     "A,cqc_rating,\" Requires Improvement\t\",2025-01-01\n"
                     "B,cqc_rating,GOOD ,2025-01-01\n";
    for (size_t k = 0; k < sizeof refused / sizeof refused[0]; k++) {
        (void)snprintf(text, sizeof text, "Trust_code,Judgement,Value\nA,partnership,%s\n",
                       refused[k]);
        (void)snprintf(message, sizeof message,
                       "e.csv:2:15: Value \"%s\" of judgement partnership is not yes, no or empty",
                       refused[k]);
        ck_assert_int_eq(ta_screen_read_evidence_buffer(s, text, strlen(text), "e.csv"), TA_EPARSE);
        ck_assert_str_eq(ta_screen_error(s), message);
    }
    /* without a Date column, an undated rating's column is 1 (the screen has
     * no as-of date yet); a record shorter than the header lacks its Note */
    text[0] = '\0';
    strcat(text, "Trust_code,Judgement,Value\nA,cqc_rating,good\n");
    ck_assert_int_eq(ta_screen_read_evidence_buffer(s, text, strlen(text), "e.csv"), TA_EPARSE);
    ck_assert_str_eq(ta_screen_error(s),
                     "e.csv:2:1: an undated cqc_rating needs the screen's as-of date");
    text[0] = '\0';
    strcat(text, "Trust_code,Judgement,Value,Note\nA,icb_support,yes\n");
    ck_assert_msg(ta_screen_read_evidence_buffer(s, text, strlen(text), "e.csv") == TA_OK, "%s",
                  ta_screen_error(s));
    ck_assert_msg(ta_screen_read_evidence_buffer(s, ok, strlen(ok), "e.csv") == TA_OK, "%s",
                  ta_screen_error(s));
    ck_assert_int_eq(ta_screen_set_as_of(s, D(2025, 6, 1)), TA_OK);
    ck_assert_int_eq(ta_criteria_new(&c, "p", NULL), TA_OK);
    ck_assert_int_eq(
        ta_criteria_add_supplied_judgement(c, "partnership", "Partnership", "partnership"), TA_OK);
    ck_assert_int_eq(ta_criteria_add_cqc_rating(c, "cqc", "CQC", TA_CQC_GOOD), TA_OK);
    ck_assert_int_eq(ta_screen_run(s, c, NULL), TA_OK);
    expect(s, TA_LEVEL_AFT, "A", "partnership", TA_MET, 1, 1, NULL);
    expect(s, TA_LEVEL_AFT, "B", "partnership", TA_NOT_MET, 0, 1, NULL);
    expect(s, TA_LEVEL_AFT, "A", "cqc", TA_NOT_MET, NAN, NAN, NULL);
    expect(s, TA_LEVEL_AFT, "B", "cqc", TA_MET, NAN, NAN, NULL);
    ta_criteria_free(c);
    ta_screen_free(s);
}
END_TEST

/* Rule (screen.c): the peer statistics live for one run: a run that used
 * them leaves none behind, and the next run computes its own. */
START_TEST(peer_statistics_live_for_one_run)
{
    const ta_assessment *qs[1] = {qb};
    ta_screen *s = screen_of(1, qs);
    ta_criteria *c = NULL;
    ck_assert_int_eq(ta_criteria_new(&c, "x", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_better_than_peer_median(c, "cost", "Costs", "OF1002"), TA_OK);
    ck_assert_int_eq(ta_screen_run(s, c, NULL), TA_OK);
    expect(s, TA_LEVEL_AFT, "A", "cost", TA_MET, 1.99, 2.00, NULL);
    ck_assert_uint_eq(s->n_peer_stats, 0);
    ck_assert_int_eq(s->peer_map_ready, 0);
    ck_assert_int_eq(ta_screen_run(s, c, NULL), TA_OK);
    expect(s, TA_LEVEL_AFT, "C", "cost", TA_NOT_MET, 2.01, 2.00, NULL);
    ck_assert_uint_eq(s->n_peer_stats, 0);
    ta_criteria_free(c);
    ta_screen_free(s);
}
END_TEST

/* Exports s in `format` (only `code` when not NULL) and checks it whole. */
static void exported_as(ta_screen *s, ta_screen_format format, const char *code, const char *want)
{
    const char *text = NULL;
    size_t len = 0;
    ck_assert_int_eq(ta_screen_export(&text, &len, s, format, code), TA_OK);
    ck_assert_str_eq(text, want);
    ck_assert_uint_eq(len, strlen(want));
}

/* Rule: the table, JSON and CSV exports, whole: the table's columns as wide as
 * the longest code and name shown (at least "Trust" and "Name"), counts right-
 * aligned, an IHO column only with an IHO set, one trust's criteria listed
 * under it; JSON with every figure, its period or null, and quotes escaped. */
START_TEST(exports_in_every_format)
{
    static const char *const codes[] = {"A", "LONGCODE", "C"};
    static const char *const types[] = {"T", "T", "T"};
    static const double w[] = {1.50, 3.00, 2.00}, k[] = {1.00, 2.00, 3.00};
    ta_assessment *q = quarter("Q4 2025/26", 3, codes, types, w, k);
    const ta_assessment *qs[1] = {q};
    ta_screen *s;
    ta_criteria *a = NULL, *i = NULL;
    ck_assert_int_eq(
        ta_assessment_set_trust_field(q, "LONGCODE", TA_FIELD_NAME, "Longer Name Trust"), TA_OK);
    ck_assert_int_eq(ta_assessment_set_trust_field(q, "A", TA_FIELD_NAME, "Ab"), TA_OK);
    ck_assert_int_eq(ta_assessment_run(q), TA_OK);
    s = screen_of(1, qs);
    ck_assert_int_eq(ta_criteria_new(&a, "aft", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_domain_score_at_most(a, "access", "Access", "access", 2.50),
                     TA_OK);
    ck_assert_int_eq(
        ta_criteria_add_supplied_judgement(a, "partnership", "Partnership", "partnership"), TA_OK);
    ck_assert_int_eq(ta_criteria_new(&i, "iho", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_domain_top_quartile(i, "quart", "Access q", "access"), TA_OK);
    ck_assert_int_eq(ta_screen_supply_judgement(s, "A", "partnership", TA_YES, NULL), TA_OK);
    ck_assert_int_eq(
        ta_screen_supply_judgement(s, "LONGCODE", "partnership", TA_YES, "a \"quoted\" note"),
        TA_OK);
    ck_assert_int_eq(ta_screen_run(s, a, NULL), TA_OK);
    exported_as(
        s, TA_SCREEN_TABLE, NULL,
        "Trust     Name               Verdict       Met  Failed  No evidence  Change\n"
        "A         Ab                 eligible        2       0            0  \n"
        "LONGCODE  Longer Name Trust  close           1       1            0  Access (not met): "
        "needs Access domain score (OF4000) to improve from 3.00 to 2.50 or below (by 0.50)\n"
        "C                            close           1       0            1  Partnership (no "
        "evidence): needs a supplied partnership judgement of yes\n");
    exported_as(
        s, TA_SCREEN_TABLE, "LONGCODE",
        "Trust     Name               Verdict       Met  Failed  No evidence  Change\n"
        "LONGCODE  Longer Name Trust  close           1       1            0  Access (not met): "
        "needs Access domain score (OF4000) to improve from 3.00 to 2.50 or below (by 0.50)\n"
        "    AFT criteria:\n"
        "      access             not met      Access domain score (OF4000) 3.00 in Q4 2025/26 is "
        "above 2.50\n"
        "      partnership        met          partnership judgement supplied: yes (a \"quoted\" "
        "note)\n");
    exported_as(s, TA_SCREEN_JSON, "A",
                "{\"periods\": [\"Q4 2025/26\"],\n"
                " \"trusts\": [\n"
                "  {\"code\": \"A\", \"name\": \"Ab\", \"type\": \"T\",\n"
                "   \"aft\": {\"verdict\": \"eligible\", \"change\": \"\", \"criteria\": [\n"
                "      {\"id\": \"access\", \"name\": \"Access\", \"outcome\": \"met\", \"value\": "
                "1.50, \"threshold\": 2.50, \"period\": \"Q4 2025/26\", \"reason\": \"Access "
                "domain score (OF4000) 1.50 in Q4 2025/26 is at or below 2.50\"},\n"
                "      {\"id\": \"partnership\", \"name\": \"Partnership\", \"outcome\": \"met\", "
                "\"value\": 1.00, \"threshold\": 1.00, \"period\": null, \"reason\": \"partnership "
                "judgement supplied: yes\"}]},\n"
                "   \"iho\": null}]}\n");
    ck_assert_int_eq(ta_screen_run(s, a, i), TA_OK);
    exported_as(
        s, TA_SCREEN_TABLE, NULL,
        "Trust     Name               Verdict       Met  Failed  No evidence  IHO           "
        "Change\n"
        "A         Ab                 eligible        2       0            0  eligible      \n"
        "LONGCODE  Longer Name Trust  close           1       1            0  not eligible  Access "
        "(not met): needs Access domain score (OF4000) to improve from 3.00 to 2.50 or below (by "
        "0.50)\n"
        "C                            close           1       0            1  not eligible  "
        "Partnership (no evidence): needs a supplied partnership judgement of yes\n");
    exported_as(
        s, TA_SCREEN_TABLE, "A",
        "Trust  Name  Verdict       Met  Failed  No evidence  IHO           Change\n"
        "A      Ab    eligible        2       0            0  eligible      \n"
        "    AFT criteria:\n"
        "      access             met          Access domain score (OF4000) 1.50 in Q4 2025/26 is "
        "at or below 2.50\n"
        "      partnership        met          partnership judgement supplied: yes\n"
        "    IHO criteria:\n"
        "      quart              met          Access domain score (OF4000) 1.50 in Q4 2025/26 is "
        "at or below the peer lower quartile 1.75 (3 trusts of type T; lower is better)\n");
    exported_as(
        s, TA_SCREEN_JSON, NULL,
        "{\"periods\": [\"Q4 2025/26\"],\n"
        " \"trusts\": [\n"
        "  {\"code\": \"A\", \"name\": \"Ab\", \"type\": \"T\",\n"
        "   \"aft\": {\"verdict\": \"eligible\", \"change\": \"\", \"criteria\": [\n"
        "      {\"id\": \"access\", \"name\": \"Access\", \"outcome\": \"met\", \"value\": 1.50, "
        "\"threshold\": 2.50, \"period\": \"Q4 2025/26\", \"reason\": \"Access domain score "
        "(OF4000) 1.50 in Q4 2025/26 is at or below 2.50\"},\n"
        "      {\"id\": \"partnership\", \"name\": \"Partnership\", \"outcome\": \"met\", "
        "\"value\": 1.00, \"threshold\": 1.00, \"period\": null, \"reason\": \"partnership "
        "judgement supplied: yes\"}]},\n"
        "   \"iho\": {\"verdict\": \"eligible\", \"change\": \"\", \"criteria\": [\n"
        "      {\"id\": \"quart\", \"name\": \"Access q\", \"outcome\": \"met\", \"value\": 1.50, "
        "\"threshold\": 1.75, \"period\": \"Q4 2025/26\", \"reason\": \"Access domain score "
        "(OF4000) 1.50 in Q4 2025/26 is at or below the peer lower quartile 1.75 (3 trusts of type "
        "T; lower is better)\"}]}},\n"
        "  {\"code\": \"LONGCODE\", \"name\": \"Longer Name Trust\", \"type\": \"T\",\n"
        "   \"aft\": {\"verdict\": \"close\", \"change\": \"Access (not met): needs Access domain "
        "score (OF4000) to improve from 3.00 to 2.50 or below (by 0.50)\", \"criteria\": [\n"
        "      {\"id\": \"access\", \"name\": \"Access\", \"outcome\": \"not met\", \"value\": "
        "3.00, \"threshold\": 2.50, \"period\": \"Q4 2025/26\", \"reason\": \"Access domain score "
        "(OF4000) 3.00 in Q4 2025/26 is above 2.50\"},\n"
        "      {\"id\": \"partnership\", \"name\": \"Partnership\", \"outcome\": \"met\", "
        "\"value\": 1.00, \"threshold\": 1.00, \"period\": null, \"reason\": \"partnership "
        "judgement supplied: yes (a \\\"quoted\\\" note)\"}]},\n"
        "   \"iho\": {\"verdict\": \"not eligible\", \"change\": \"\", \"criteria\": [\n"
        "      {\"id\": \"quart\", \"name\": \"Access q\", \"outcome\": \"not met\", \"value\": "
        "3.00, \"threshold\": 1.75, \"period\": \"Q4 2025/26\", \"reason\": \"Access domain score "
        "(OF4000) 3.00 in Q4 2025/26 is above the peer lower quartile 1.75 (3 trusts of type T; "
        "lower is better)\"}]}},\n"
        "  {\"code\": \"C\", \"name\": \"\", \"type\": \"T\",\n"
        "   \"aft\": {\"verdict\": \"close\", \"change\": \"Partnership (no evidence): needs a "
        "supplied partnership judgement of yes\", \"criteria\": [\n"
        "      {\"id\": \"access\", \"name\": \"Access\", \"outcome\": \"met\", \"value\": 2.00, "
        "\"threshold\": 2.50, \"period\": \"Q4 2025/26\", \"reason\": \"Access domain score "
        "(OF4000) 2.00 in Q4 2025/26 is at or below 2.50\"},\n"
        "      {\"id\": \"partnership\", \"name\": \"Partnership\", \"outcome\": \"no evidence\", "
        "\"value\": null, \"threshold\": 1.00, \"period\": null, \"reason\": \"no partnership "
        "judgement supplied\"}]},\n"
        "   \"iho\": {\"verdict\": \"not eligible\", \"change\": \"\", \"criteria\": [\n"
        "      {\"id\": \"quart\", \"name\": \"Access q\", \"outcome\": \"not met\", \"value\": "
        "2.00, \"threshold\": 1.75, \"period\": \"Q4 2025/26\", \"reason\": \"Access domain score "
        "(OF4000) 2.00 in Q4 2025/26 is above the peer lower quartile 1.75 (3 trusts of type T; "
        "lower is better)\"}]}}]}\n");
    exported_as(
        s, TA_SCREEN_CSV, "C",
        "Trust_code,Trust_name,Trust_type,Verdict,Criteria_met,Criteria_failed,Criteria_no_"
        "evidence,Change,IHO_verdict,Reasons\n"
        "C,,T,close,access,,partnership,Partnership (no evidence): needs a supplied partnership "
        "judgement of yes,not eligible,access: Access domain score (OF4000) 2.00 in Q4 2025/26 is "
        "at or below 2.50 | partnership: no partnership judgement supplied\n");
    ta_criteria_free(a);
    ta_criteria_free(i);
    ta_screen_free(s);
    ta_assessment_free(q);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* The criteria file                                                         */
/* ------------------------------------------------------------------------ */

static const char good_csv[] = "Id,Name,Kind,Parameters,Source,Our_reading\n"
                               "seg,Segment,segment_at_most,segment=2; quarters=4,A2,ours\n"
                               "\n"
                               "p,\"Partnership, supplied\",supplied,judgement=partnership,A2,\n"
                               "cqc,CQC,supplied,cqc_at_least=requires_improvement,,\n"
                               "rsp,RSP,not_in_rsp,,,\n";

/* Loads text into a set that already holds good_csv; checks status, message
 * and that the set is unchanged. */
static void bad(const char *text, ta_status want, const char *message)
{
    ta_criteria *c = NULL;
    ck_assert_int_eq(ta_criteria_new(&c, "t", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_read_buffer(c, good_csv, sizeof good_csv - 1, "g.csv"), TA_OK);
    ck_assert_int_eq(ta_criteria_read_buffer(c, text, strlen(text), "t.csv"), want);
    ck_assert_msg(strcmp(ta_criteria_error(c), message) == 0, "message \"%s\", wanted \"%s\"",
                  ta_criteria_error(c), message);
    ck_assert_uint_eq(ta_criteria_count(c), 4);
    ta_criteria_free(c);
}

/* Rule: a criteria file's parameters are trimmed of spaces on both sides of
 * the key and the value, and segment_at_most takes quarters 1..40. */
START_TEST(criteria_file_parameter_edges)
{
    ta_criteria *c = NULL;
    const char *params;
    const char *text = "Id,Name,Kind,Parameters\n"
                       "seg,Segment,segment_at_most, segment = 2 ; quarters = 40 \n";
    ck_assert_int_eq(ta_criteria_new(&c, "t", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_read_buffer(c, text, strlen(text), "t.csv"), TA_OK);
    params = ta_criteria_criterion_parameters(c, 0);
    ck_assert_str_eq(params, "segment=2;quarters=40");
    ta_criteria_free(c);
    bad("Id,Name,Kind,Parameters\nx,X,segment_at_most,segment=2;quarters=41\n", TA_EPARSE,
        "t.csv:2:21: Parameters: quarters \"41\"");
    /* segment 1..9 in the file, 10 refused by the reader, naming its cell. */
    bad("Id,Name,Kind,Parameters\nx,X,segment_at_most,segment=10;quarters=4\n", TA_EPARSE,
        "t.csv:2:21: Parameters: segment \"10\"");
    {
        const char *nine = "Id,Name,Kind,Parameters\nx,X,segment_at_most,segment=9;quarters=4\n";
        ck_assert_int_eq(ta_criteria_new(&c, "t", NULL), TA_OK);
        ck_assert_int_eq(ta_criteria_read_buffer(c, nine, strlen(nine), "t.csv"), TA_OK);
        ck_assert_uint_eq(ta_criteria_count(c), 1);
        ta_criteria_free(c);
    }
    /* The builder's own limits: a name of 200 bytes and segment 9 are the
     * largest it takes. */
    {
        char n200[202];
        memset(n200, 'n', 200);
        n200[200] = '\0';
        ck_assert_int_eq(ta_criteria_new(&c, "t", NULL), TA_OK);
        ck_assert_int_eq(ta_criteria_add_no_deficit(c, "a", n200), TA_OK);
        ck_assert_int_eq(ta_criteria_add_segment_at_most(c, "b", "B", 9, 4), TA_OK);
        ck_assert_int_eq(ta_criteria_add_segment_at_most(c, "d", "D", 10, 4), TA_EINVAL);
        strcat(n200, "n");
        ck_assert_int_eq(ta_criteria_add_no_deficit(c, "e", n200), TA_EINVAL);
        ck_assert_uint_eq(ta_criteria_count(c), 2);
        ta_criteria_free(c);
    }
    char row[400];
    char name[202];
    memset(name, 'n', 200);
    name[200] = '\0';
    snprintf(row, sizeof row, "Id,Name,Kind,Parameters\nlong,%s,no_deficit,\n", name);
    ck_assert_int_eq(ta_criteria_new(&c, "t", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_read_buffer(c, row, strlen(row), "t.csv"), TA_OK);
    ck_assert_uint_eq(ta_criteria_count(c), 1);
    ta_criteria_free(c);
    strcat(name, "n"); /* 201 bytes */
    snprintf(row, sizeof row, "Id,Name,Kind,Parameters\nlong,%s,no_deficit,\n", name);
    char want[300];
    snprintf(want, sizeof want, "t.csv:2:6: Name: must be 1 to 200 bytes, got \"%s\"", name);
    bad(row, TA_EPARSE, want);
    bad("Name,Kind,Parameters\nX,no_deficit,\n", TA_EPARSE,
        "t.csv:1:1: the header has no Id column");
    bad("Id,Name,Kind,Parameters\nx\n", TA_EPARSE,
        "t.csv:2:1: Name: must be 1 to 200 bytes, got \"\"");
}
END_TEST

/* Rule: the builder's limits at their edges: a set name of 64 bytes (65
 * refused), a domain threshold from 1 to 4 inclusive; a successful add or read
 * clears the error text of the failed call before it; a kind without its
 * required parameter, or with one it does not take, is named. */
START_TEST(criteria_limits_and_error_text)
{
    char n65[66];
    ta_criteria *c = NULL;
    const char *text = "Id,Name,Kind,Parameters\nd,D,no_deficit,\n";
    memset(n65, 's', 64);
    n65[64] = '\0';
    ck_assert_int_eq(ta_criteria_new(&c, n65, NULL), TA_OK);
    ck_assert_str_eq(ta_criteria_name(c), n65);
    ta_criteria_free(c);
    c = NULL;
    n65[64] = 's';
    n65[65] = '\0';
    ck_assert_int_eq(ta_criteria_new(&c, n65, NULL), TA_EINVAL);
    ck_assert_ptr_null(c);
    ck_assert_int_eq(ta_criteria_new(&c, "t", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_domain_score_at_most(c, "a", "A", "access", 4.0), TA_OK);
    ck_assert_int_eq(ta_criteria_add_domain_score_at_most(c, "b", "B", "access", 4.0001),
                     TA_EINVAL);
    ck_assert_str_eq(ta_criteria_error(c), "criterion b: threshold must be a number from 1 to 4");
    ck_assert_int_eq(ta_criteria_add_domain_score_at_most(c, "c", "C", "access", 1.0), TA_OK);
    ck_assert_str_eq(ta_criteria_error(c), "");
    ck_assert_int_eq(ta_criteria_add_domain_score_at_most(c, "b", "B", "access", 0.5), TA_EINVAL);
    ck_assert_str_ne(ta_criteria_error(c), "");
    ck_assert_int_eq(ta_criteria_read_buffer(c, text, strlen(text), "t.csv"), TA_OK);
    ck_assert_str_eq(ta_criteria_error(c), "");
    ck_assert_uint_eq(ta_criteria_count(c), 3);
    ta_criteria_free(c);
    bad("Id,Name,Kind,Parameters\nq,Q,domain_in_top_quartile,\n", TA_EPARSE,
        "t.csv:2:28: Parameters: missing parameter \"domain\"");
    bad("Id,Name,Kind,Parameters\nq,Q,domain_in_top_quartile,domain=access;x=1\n", TA_EPARSE,
        "t.csv:2:28: Parameters: unknown parameter for domain_in_top_quartile \"x\"");
}
END_TEST

START_TEST(criteria_file)
{
    ta_criteria *c = NULL;
    const char *name, *params, *source, *reading;
    ta_criterion_kind kind;
    ck_assert_int_eq(ta_criteria_new(&c, "t", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_read_buffer(c, good_csv, sizeof good_csv - 1, "g.csv"), TA_OK);
    ck_assert_uint_eq(ta_criteria_count(c), 4);
    params = ta_criteria_criterion_parameters(c, 0);
    source = ta_criteria_criterion_source(c, 0);
    reading = ta_criteria_criterion_reading(c, 0);
    ck_assert_str_eq(params, "segment=2;quarters=4");
    ck_assert_str_eq(source, "A2");
    ck_assert_str_eq(reading, "ours");
    ck_assert_int_eq(ta_criteria_criterion_kind(&kind, c, 1), TA_OK);
    name = ta_criteria_criterion_name(c, 1);
    params = ta_criteria_criterion_parameters(c, 1);
    ck_assert_str_eq(name, "Partnership, supplied");
    ck_assert_int_eq(kind, TA_CRITERION_SUPPLIED_JUDGEMENT);
    ck_assert_int_eq(ta_criteria_criterion_kind(&kind, c, 2), TA_OK);
    params = ta_criteria_criterion_parameters(c, 2);
    ck_assert_int_eq(kind, TA_CRITERION_CQC_RATING);
    ck_assert_str_eq(params, "cqc_at_least=requires_improvement");
    ck_assert_int_eq(ta_criteria_read_file(c, "/nonexistent/criteria.csv"), TA_EIO);
    ck_assert_ptr_nonnull(strstr(ta_criteria_error(c), "/nonexistent/criteria.csv"));
    ta_criteria_free(c);

    bad("Id,Name,Parameters\n", TA_EPARSE, "t.csv:1:1: the header has no Kind column");
    bad("Id,Name,Kind\n", TA_EPARSE, "t.csv:1:1: the header has no Parameters column");
    bad("", TA_EPARSE, "t.csv: empty file, no header");
    bad("Id,Name,Kind,Parameters\nok,Ok,no_deficit,\nx,X,segment_at_mst,segment=1\n", TA_EPARSE,
        "t.csv:3:5: Kind: unknown kind \"segment_at_mst\"");
    bad("Id,Name,Kind,Parameters\nx,X,segment_at_most,segment=1\n", TA_EPARSE,
        "t.csv:2:21: Parameters: missing parameter \"quarters\"");
    bad("Id,Name,Kind,Parameters\nx,X,segment_at_most,segment=0;quarters=4\n", TA_EPARSE,
        "t.csv:2:21: Parameters: segment \"0\"");
    bad("Id,Name,Kind,Parameters\nx,X,domain_score_at_most,domain=OF4000;threshold=abc\n",
        TA_EPARSE, "t.csv:2:26: Parameters: threshold is not a number \"abc\"");
    bad("Id,Name,Kind,Parameters\nx,X,domain_score_at_most,domain=OF4000;threshold=4.01\n",
        TA_EINVAL, "t.csv:2:26: criterion x: threshold must be a number from 1 to 4");
    bad("Id,Name,Kind,Parameters\nx,X,no_deficit,\nseg,Y,no_deficit,\n", TA_EDUPLICATE,
        "t.csv:3:1: criterion seg is already in the set");
    bad("Id,Name,Kind,Parameters\na b,X,no_deficit,\n", TA_EPARSE,
        "t.csv:2:1: Id: must be 1 to 32 letters, digits, _ or -, got \"a b\"");
    bad("Id,Name,Kind,Parameters\nx,,no_deficit,\n", TA_EPARSE,
        "t.csv:2:3: Name: must be 1 to 200 bytes, got \"\"");
    bad("Id,Name,Kind,Parameters\nx,X,no_deficit,x=1\n", TA_EPARSE,
        "t.csv:2:16: Parameters: unknown parameter for no_deficit \"x\"");
    bad("Id,Name,Kind,Parameters\nx,X,supplied,\n", TA_EPARSE,
        "t.csv:2:14: Parameters: supplied needs judgement=KEY or cqc_at_least=RATING, got \"\"");
    bad("Id,Name,Kind,Parameters\nx,X,supplied,cqc_at_least=excellent\n", TA_EPARSE,
        "t.csv:2:14: Parameters: cqc_at_least must be outstanding, good, requires_improvement "
        "or inadequate \"excellent\"");
    bad("Id,Name,Kind,Parameters\nx,X,metric_better_than_peer_median,OF0086\n", TA_EPARSE,
        "t.csv:2:36: Parameters: expected key=value \"OF0086\"");
    bad("Id,Name,Kind,Parameters\nx,X,metric_better_than_peer_median,metric=a;metric=b\n",
        TA_EDUPLICATE, "t.csv:2:36: Parameters: parameter given twice \"metric\"");
    bad("Id,Name,Kind,Parameters\nx,X,no_deficit,\"\n", TA_EPARSE,
        "t.csv:2:16: quoted field is not terminated");
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Arguments                                                                 */
/* ------------------------------------------------------------------------ */

START_TEST(argument_checks)
{
    ta_criteria *c = NULL;
    ta_screen *s = NULL;
    const ta_assessment *qs[1] = {qb};
    const char *text = "x";
    ta_assessment *unrun = NULL;
    ta_criteria_free(NULL);
    ta_screen_free(NULL);
    ck_assert_int_eq(ta_criteria_new(NULL, "x", NULL), TA_EINVAL);
    ck_assert_int_eq(ta_criteria_new(&c, "", NULL), TA_EINVAL);
    ck_assert_ptr_null(c);
    ck_assert_int_eq(ta_criteria_new(&c, NULL, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_criteria_preset(&c, NULL, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_criteria_new(&c, "x", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_no_deficit(NULL, "a", "A"), TA_EINVAL);
    ck_assert_int_eq(ta_criteria_add_no_deficit(c, NULL, "A"), TA_EINVAL);
    ck_assert_int_eq(ta_criteria_add_no_deficit(c, "a", NULL), TA_EINVAL);
    ck_assert_int_eq(ta_criteria_add_segment_at_most(c, "a", "A", 0, 4), TA_EINVAL);
    ck_assert_int_eq(ta_criteria_add_segment_at_most(c, "a", "A", 2, 0), TA_EINVAL);
    ck_assert_int_eq(ta_criteria_add_domain_score_at_most(c, "a", "A", "access", NAN), TA_EINVAL);
    ck_assert_int_eq(ta_criteria_add_domain_score_at_most(c, "a", "A", "access", INFINITY),
                     TA_EINVAL);
    ck_assert_int_eq(ta_criteria_add_domain_score_at_most(c, "a", "A", "access", 0.99), TA_EINVAL);
    ck_assert_int_eq(ta_criteria_add_domain_score_at_most(c, "a", "A", NULL, 2), TA_EINVAL);
    ck_assert_int_eq(ta_criteria_add_better_than_peer_median(c, "a", "A", "OF 1"), TA_EINVAL);
    ck_assert_int_eq(ta_criteria_add_cqc_rating(c, "a", "A", (ta_cqc_rating)0), TA_EINVAL);
    ck_assert_int_eq(ta_criteria_count(c), 0);
    ck_assert_int_eq(ta_criteria_add_domain_top_quartile(c, "a", "A", "nowhere"), TA_OK);
    ck_assert_int_eq(ta_criteria_add_no_deficit(c, "a", "B"), TA_EDUPLICATE);
    ck_assert_ptr_nonnull(strstr(ta_criteria_error(c), "already"));
    ck_assert_int_eq(ta_criteria_set_source(c, "zz", "x"), TA_ENOTFOUND);
    ck_assert_int_eq(ta_criteria_set_reading(c, "a", NULL), TA_EINVAL);
    ck_assert_int_eq(ta_criteria_set_reading(c, "a", "mine"), TA_OK);
    ck_assert_int_eq(ta_criteria_read_buffer(c, NULL, 3, "n"), TA_EINVAL);
    ck_assert_int_eq(ta_criteria_read_file(c, NULL), TA_EINVAL);

    ck_assert_int_eq(ta_screen_new_assessments(NULL, small, 1, qs, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_screen_new_assessments(&s, NULL, 1, qs, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_screen_new_assessments(&s, small, 0, qs, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_screen_new_assessments(&s, small, 1, NULL, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_assessment_new(&unrun, small, NULL), TA_OK);
    {
        const char *code = "A", *m = "OF1001";
        double v = 2;
        const ta_assessment *u[1] = {unrun};
        /* Rule: a quarter with no trusts need not have been run. */
        ck_assert_int_eq(ta_screen_new_assessments(&s, small, 1, u, NULL), TA_OK);
        ck_assert_uint_eq(ta_screen_trust_count(s), 0);
        ta_screen_free(s);
        ck_assert_int_eq(ta_assessment_add_columns(unrun, 1, &code, &m, &v, TA_INPUT_SCORE), TA_OK);
        ck_assert_int_eq(ta_screen_new_assessments(&s, small, 1, u, NULL), TA_ESTATE);
        ck_assert_ptr_null(s);
    }
    ta_assessment_free(unrun);
    ck_assert_int_eq(ta_screen_new_nhse(&s, small, NULL, NULL), TA_EINVAL);
    s = screen_of(1, qs);
    ck_assert_int_eq(ta_screen_export(&text, NULL, s, TA_SCREEN_CSV, NULL), TA_ESTATE);
    ck_assert_ptr_null(text);
    ck_assert_uint_eq(ta_screen_criterion_count(s, TA_LEVEL_AFT), 0);
    ck_assert_int_eq(ta_screen_verdict(NULL, s, TA_LEVEL_AFT, 0), TA_ESTATE);
    ck_assert_int_eq(ta_screen_result_outcome(NULL, s, TA_LEVEL_AFT, 0, 0), TA_ESTATE);
    ck_assert_ptr_null(ta_screen_result_reason(s, TA_LEVEL_AFT, 0, 0));
    ck_assert_int_eq(ta_screen_run(s, NULL, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_screen_run(NULL, c, NULL), TA_EINVAL);
    /* an unknown domain is found when the screen runs */
    ck_assert_int_eq(ta_screen_run(s, c, NULL), TA_ENOTFOUND);
    ck_assert_str_eq(ta_screen_error(s), "criterion a: the framework has no domain \"nowhere\"");
    ta_criteria_free(c);
    ck_assert_int_eq(ta_criteria_new(&c, "empty", NULL), TA_OK);
    ck_assert_int_eq(ta_screen_run(s, c, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_criteria_add_better_than_peer_median(c, "m", "M", "OF9999"), TA_OK);
    ck_assert_int_eq(ta_screen_run(s, c, NULL), TA_ENOTFOUND);
    ta_criteria_free(c);
    ck_assert_int_eq(ta_criteria_new(&c, "ok", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_no_deficit(c, "d", "D"), TA_OK);
    ck_assert_int_eq(ta_screen_supply_judgement(s, "A", "bad key", TA_YES, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_screen_supply_judgement(s, "A", "k", (ta_tristate)3, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_screen_supply_judgement(s, NULL, "k", TA_YES, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_screen_supply_judgement(s, "Q", "k", TA_YES, NULL), TA_ENOTFOUND);
    ck_assert_int_eq(ta_screen_run(s, c, NULL), TA_OK);
    {
        /* Every result getter refuses k at the count, i out of range, an unknown level. */
        const size_t bad[3][3] = {{TA_LEVEL_AFT, 0, 1}, {TA_LEVEL_AFT, 99, 0}, {2, 0, 0}};
        ta_criterion_outcome o;
        int has;
        double x;
        size_t q, met;
        ta_eligibility v;
        for (int j = 0; j < 3; j++) {
            ta_screen_level lv = (ta_screen_level)bad[j][0];
            size_t i = bad[j][1], k = bad[j][2];
            ck_assert_int_eq(ta_screen_result_outcome(&o, s, lv, i, k), TA_EINVAL);
            ck_assert_int_eq(ta_screen_result_value(&has, &x, s, lv, i, k), TA_EINVAL);
            ck_assert_int_eq(ta_screen_result_threshold(&has, &x, s, lv, i, k), TA_EINVAL);
            ck_assert_int_eq(ta_screen_result_period(&q, s, lv, i, k), TA_EINVAL);
            ck_assert_ptr_null(ta_screen_result_reason(s, lv, i, k));
        }
        ck_assert_int_eq(ta_screen_verdict(&v, s, TA_LEVEL_AFT, 99), TA_EINVAL);
        ck_assert_int_eq(ta_screen_verdict_counts(&met, NULL, NULL, s, TA_LEVEL_AFT, 99),
                         TA_EINVAL);
        /* The trust index's limit is the count itself: the last trust is in, the count is out. */
        {
            size_t n = ta_screen_trust_count(s);
            ck_assert_uint_gt(n, 0);
            ck_assert_int_eq(ta_screen_verdict(&v, s, TA_LEVEL_AFT, n - 1), TA_OK);
            ck_assert_int_eq(ta_screen_verdict(&v, s, TA_LEVEL_AFT, n), TA_EINVAL);
            ck_assert_int_eq(ta_screen_verdict_counts(&met, NULL, NULL, s, TA_LEVEL_AFT, n),
                             TA_EINVAL);
        }
        /* A NULL out-pointer for a single answer is refused, not ignored. */
        ck_assert_int_eq(ta_screen_verdict(NULL, s, TA_LEVEL_AFT, 0), TA_EINVAL);
        ck_assert_int_eq(ta_screen_result_outcome(NULL, s, TA_LEVEL_AFT, 0, 0), TA_EINVAL);
        ck_assert_int_eq(ta_screen_result_period(NULL, s, TA_LEVEL_AFT, 0, 0), TA_EINVAL);
        ck_assert_ptr_nonnull(ta_screen_result_reason(s, TA_LEVEL_AFT, 0, 0));
    }
    ck_assert_ptr_null(ta_screen_change(s, TA_LEVEL_IHO, 0));
    ck_assert_ptr_null(ta_screen_trust_code(s, 99));
    ck_assert_ptr_null(ta_screen_period(s, 1));
    ck_assert_str_eq(ta_eligibility_name((ta_eligibility)9), "");
    ck_assert_str_eq(ta_criterion_outcome_name(TA_NO_EVIDENCE), "no evidence");
    ta_criteria_free(c);
    ta_screen_free(s);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Allocation failures                                                       */
/* ------------------------------------------------------------------------ */

typedef struct counting {
    long calls, fail_at, live;
} counting;

static void *c_malloc(void *ctx, size_t size)
{
    counting *c = ctx;
    if (c->calls++ == c->fail_at)
        return NULL;
    c->live++;
    return malloc(size);
}

static void *c_realloc(void *ctx, void *ptr, size_t size)
{
    counting *c = ctx;
    void *p;
    if (c->calls++ == c->fail_at)
        return NULL;
    p = realloc(ptr, size);
    if (!ptr && p)
        c->live++;
    return p;
}

static void c_free(void *ctx, void *ptr)
{
    counting *c = ctx;
    if (ptr)
        c->live--;
    free(ptr);
}

/* Every allocating call of both handles over the small assessments. */
static ta_status workflow(const ta_allocator *al)
{
    const ta_assessment *qs[2] = {q1, q2}, *qbs[1] = {qb};
    ta_criteria *p = NULL, *a = NULL, *i = NULL;
    ta_screen *s = NULL, *sb = NULL;
    const char *text;
    size_t len;
    ta_status st;
    if ((st = ta_criteria_preset(&p, "iho-2025", al)) != TA_OK)
        return st;
    ta_criteria_free(p);
    if ((st = ta_criteria_new(&a, "aft", al)) != TA_OK)
        return st;
    if ((st = ta_criteria_new(&i, "iho", al)) != TA_OK) {
        ta_criteria_free(a);
        return st;
    }
    if (!(st = ta_criteria_read_buffer(a, good_csv, sizeof good_csv - 1, "g.csv")) &&
        !(st = ta_criteria_add_no_deficit(a, "def", "No deficit")) &&
        !(st = ta_criteria_add_better_than_peer_median(a, "cost", "Costs", "OF1002")) &&
        !(st = ta_criteria_add_domain_score_at_most(a, "acc", "Access", "access", 2.5)) &&
        !(st = ta_criteria_set_source(a, "acc", "A2")) &&
        !(st = ta_criteria_add_domain_top_quartile(i, "q", "Access q", "access")) &&
        !(st = ta_criteria_add_cqc_rating(i, "cqc", "CQC", TA_CQC_GOOD)) &&
        !(st = ta_screen_new_assessments(&s, small, 2, qs, al)) &&
        !(st = ta_screen_new_assessments(&sb, small, 1, qbs, al)) &&
        !(st = ta_screen_supply_judgement(s, "A", "partnership", TA_YES, "note")) &&
        !(st = ta_screen_supply_judgement(s, "B", "partnership", TA_NO, NULL)) &&
        !(st = ta_screen_supply_cqc(s, "A", TA_CQC_GOOD, D(2025, 1, 1))) &&
        !(st = ta_screen_set_as_of(s, D(2026, 4, 1))) && !(st = ta_screen_run(s, a, i)) &&
        !(st = ta_screen_export(&text, &len, s, TA_SCREEN_CSV, NULL)) &&
        !(st = ta_screen_export(&text, &len, s, TA_SCREEN_TABLE, "A")) &&
        !(st = ta_screen_export(&text, &len, s, TA_SCREEN_JSON, NULL)) &&
        !(st = ta_screen_run(sb, i, NULL)))
        st = ta_screen_export(&text, &len, sb, TA_SCREEN_TABLE, NULL);
    ta_screen_free(s);
    ta_screen_free(sb);
    ta_criteria_free(a);
    ta_criteria_free(i);
    return st;
}

START_TEST(allocation_failure_sweep)
{
    counting c = {0, -1, 0};
    ta_allocator a = {c_malloc, c_realloc, c_free, &c};
    long total;
    ck_assert_int_eq(workflow(&a), TA_OK);
    ck_assert_int_eq(c.live, 0);
    total = c.calls;
    ck_assert_int_gt(total, 100);
    for (long n = 0; n < total; n++) {
        ta_status st;
        c.calls = 0;
        c.fail_at = n;
        c.live = 0;
        st = workflow(&a);
        ck_assert_msg(st == TA_ENOMEM, "failing allocation %ld gave status %d", n, (int)st);
        ck_assert_msg(c.live == 0, "failing allocation %ld leaks %ld blocks", n, c.live);
    }
}
END_TEST

/* The screen over the real file, with every allocation of the screen failing in turn. */
START_TEST(allocation_failure_sweep_nhse)
{
    counting c = {0, -1, 0};
    ta_allocator a = {c_malloc, c_realloc, c_free, &c};
    ta_screen *s = NULL;
    long total;
    ck_assert_int_eq(ta_screen_new_nhse(&s, nof, real, &a), TA_OK);
    ta_screen_free(s);
    ck_assert_int_eq(c.live, 0);
    total = c.calls;
    for (long n = 0; n < total; n++) {
        c.calls = 0;
        c.fail_at = n;
        c.live = 0;
        s = NULL;
        ck_assert_int_eq(ta_screen_new_nhse(&s, nof, real, &a), TA_ENOMEM);
        ck_assert_ptr_null(s);
        ck_assert_msg(c.live == 0, "failing allocation %ld leaks %ld blocks", n, c.live);
    }
}
END_TEST

/* Rule (peers.c): the peer statistics of a (quarter, figure) are computed
 * once, for every type, and kept until cleared: three trusts of two types
 * asked about in turn (T, U, T again) leave one statistic per type and one
 * marker that the quarter is done, not a new set per request. */
START_TEST(peer_statistics_computed_once_per_quarter)
{
    static const char *const codes[] = {"A", "B", "C"};
    static const char *const types[] = {"T", "T", "U"};
    static const double w[3] = {1.50, 2.50, 3.10}, k[3] = {1.00, 2.00, 3.00};
    ta_assessment *q = quarter("Q1 2025/26", 3, codes, types, w, k);
    ta_screen *s = NULL;
    double out[3] = {0, 0, 0};
    size_t n = 0;
    ck_assert_int_eq(ta_assessment_run(q), TA_OK);
    ck_assert_int_eq(
        ta_screen_new_assessments(&s, small, 1, (const ta_assessment *const *)&q, NULL), TA_OK);
    ck_assert_int_eq(tai_peer_quantile(s, "T", 1, 0, 0, 0, 1, out, &n), TA_OK);
    ck_assert_uint_eq(n, 2);
    ck_assert_double_eq_tol(out[0], 2.00, 1e-9); /* the median of 1.50 and 2.50 */
    ck_assert_uint_eq(s->n_peer_stats, 3);
    ck_assert_int_eq(tai_peer_quantile(s, "U", 1, 0, 0, 0, 1, out, &n), TA_OK);
    ck_assert_uint_eq(n, 1);
    ck_assert_int_eq(tai_peer_quantile(s, "T", 1, 0, 0, 0, 1, out, &n), TA_OK);
    ck_assert_uint_eq(n, 2);
    ck_assert_uint_eq(s->n_peer_stats, 3);
    tai_peers_clear(s);
    ck_assert_uint_eq(s->n_peer_stats, 0);
    ta_screen_free(s);
    ta_assessment_free(q);
}
END_TEST

/* Rule (screen.c): a change of inputs discards both levels' results, so a
 * screen run with IHO criteria, then given a new as-of date and run again,
 * frees everything it allocated (a counting allocator sees no block left). */
START_TEST(new_inputs_discard_both_levels)
{
    static const char *const codes[] = {"A", "B"};
    static const char *const types[] = {"T", "T"};
    static const double w[2] = {1.50, 2.60}, k[2] = {1.00, 2.00};
    ag_state g = {0};
    ta_allocator al = ag_allocator(&g);
    ta_assessment *q = quarter("Q1 2025/26", 2, codes, types, w, k);
    ta_screen *s = NULL;
    ta_criteria *a = NULL, *i = NULL;
    ck_assert_int_eq(ta_assessment_run(q), TA_OK);
    ck_assert_int_eq(ta_screen_new_assessments(&s, small, 1, (const ta_assessment *const *)&q, &al),
                     TA_OK);
    ck_assert_int_eq(ta_criteria_new(&a, "aft", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_no_deficit(a, "def", "No deficit"), TA_OK);
    ck_assert_int_eq(ta_criteria_new(&i, "iho", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_domain_score_at_most(i, "acc", "Access", "access", 2.5),
                     TA_OK);
    ck_assert_int_eq(ta_screen_run(s, a, i), TA_OK);
    ck_assert_int_eq(ta_screen_set_as_of(s, D(2026, 4, 1)), TA_OK);
    ck_assert_int_eq(ta_screen_run(s, a, NULL), TA_OK);
    ta_screen_free(s);
    ta_criteria_free(a);
    ta_criteria_free(i);
    ta_assessment_free(q);
    ck_assert_uint_eq(g.overruns, 0);
    ck_assert_uint_eq(g.live, 0);
}
END_TEST

/* Rule (screen.c): a screen over a published file needs at least one
 * quarter: a file with none is refused, one with a single quarter is screened. */
START_TEST(screen_over_a_file_of_one_quarter)
{
    static const char one_csv[] =
        "Quarter,Region,Trust_type,Trust_subtype,Trust_code,Trust_name,Average_score,"
        "Likely_range_of_average_score,Segment,Trust_in_financial_deficit,Rank,"
        "Likely_range_of_rank\r\n"
        "Q4 2025/26,,Acute trust,,ZX1,Acute One,1.50,,1.0,No,1.0,\r\n";
    ta_nhse_file *f = NULL;
    ta_screen *s = NULL;
    ck_assert_int_eq(ta_nhse_file_new(&f, nof, NULL), TA_OK);
    ck_assert_int_eq(ta_screen_new_nhse(&s, nof, f, NULL), TA_EINVAL);
    ck_assert_ptr_null(s);
    ck_assert_int_eq(ta_nhse_file_read_buffer(f, one_csv, sizeof one_csv - 1, "one.csv"), TA_OK);
    ck_assert_int_eq(ta_screen_new_nhse(&s, nof, f, NULL), TA_OK);
    ck_assert_uint_eq(ta_screen_period_count(s), 1);
    ck_assert_str_eq(ta_screen_period(s, 0), "Q4 2025/26");
    ck_assert_uint_eq(ta_screen_trust_count(s), 1);
    ck_assert_str_eq(ta_screen_trust_code(s, 0), "ZX1");
    ta_screen_free(s);
    ta_nhse_file_free(f);
}
END_TEST

/* Rule (screen.c): a supplied judgement's note is at most 500 bytes. */
START_TEST(judgement_note_of_500_bytes)
{
    static const char *const qs_codes[] = {"A"};
    static const char *const types[] = {"T"};
    static const double w[1] = {1.50}, k[1] = {1.00};
    ta_assessment *q = quarter("Q1 2025/26", 1, qs_codes, types, w, k);
    ta_screen *s = NULL;
    char note[502];
    ck_assert_int_eq(ta_assessment_run(q), TA_OK);
    ck_assert_int_eq(
        ta_screen_new_assessments(&s, small, 1, (const ta_assessment *const *)&q, NULL), TA_OK);
    memset(note, 'n', 500);
    note[500] = '\0';
    ck_assert_int_eq(ta_screen_supply_judgement(s, "A", "partnership", TA_YES, note), TA_OK);
    note[500] = 'n';
    note[501] = '\0';
    ck_assert_int_eq(ta_screen_supply_judgement(s, "A", "partnership", TA_YES, note), TA_EINVAL);
    ck_assert_str_eq(ta_screen_error(s), "judgement note is over 500 bytes");
    ta_screen_free(s);
    ta_assessment_free(q);
}
END_TEST

/* Rule (peers.c): each type's statistic is over that type's trusts alone,
 * with three types (the counting sort's offsets add up over the groups before
 * it): medians 1.25, 2.25 and 3.25 over two trusts each. */
START_TEST(peer_statistics_of_three_types)
{
    static const char *const codes[] = {"A", "B", "C", "D", "E", "F"};
    static const char *const types[] = {"T", "U", "V", "T", "U", "V"};
    static const double w[6] = {1.00, 2.00, 3.00, 1.50, 2.50, 3.50};
    static const double k[6] = {1.00, 1.00, 1.00, 1.00, 1.00, 1.00};
    static const char *const want_type[] = {"T", "U", "V"};
    static const double want[] = {1.25, 2.25, 3.25};
    ta_assessment *q = quarter("Q1 2025/26", 6, codes, types, w, k);
    ta_screen *s = NULL;
    ck_assert_int_eq(ta_assessment_run(q), TA_OK);
    ck_assert_int_eq(
        ta_screen_new_assessments(&s, small, 1, (const ta_assessment *const *)&q, NULL), TA_OK);
    for (int t = 0; t < 3; t++) {
        double out[3] = {0, 0, 0};
        size_t n = 0;
        ck_assert_int_eq(tai_peer_quantile(s, want_type[t], 1, 0, 0, 0, 1, out, &n), TA_OK);
        ck_assert_uint_eq(n, 2);
        ck_assert_double_eq_tol(out[0], want[t], 1e-9);
    }
    tai_peers_clear(s); /* asked outside a run: a run frees them itself */
    ta_screen_free(s);
    ta_assessment_free(q);
}
END_TEST

/* Rule (evidence_csv.c): an evidence file's Note is at most 500 bytes, as a
 * supplied judgement's is; one of 501 is refused at its column. */
START_TEST(evidence_note_of_500_bytes)
{
    static const char head[] = "Trust_code,Judgement,Value,Note\nA,partnership,yes,";
    const ta_assessment *qs[1] = {qb};
    ta_screen *s = screen_of(1, qs);
    char text[sizeof head + 503];
    memcpy(text, head, sizeof head - 1);
    memset(text + sizeof head - 1, 'n', 500);
    strcpy(text + sizeof head - 1 + 500, "\n");
    ck_assert_msg(ta_screen_read_evidence_buffer(s, text, strlen(text), "e.csv") == TA_OK, "%s",
                  ta_screen_error(s));
    strcpy(text + sizeof head - 1 + 500, "n\n");
    ck_assert_int_eq(ta_screen_read_evidence_buffer(s, text, strlen(text), "e.csv"), TA_EPARSE);
    ck_assert_str_eq(ta_screen_error(s), "e.csv:2:19: Note is over 500 bytes");
    ta_screen_free(s);
}
END_TEST

/* Rule (evidence_csv.c): an evidence file's cqc_rating takes each of the
 * four ratings, the first of them (outstanding) included. */
START_TEST(evidence_cqc_rating_outstanding)
{
    static const char text[] =
        "Trust_code,Judgement,Value,Date\nA,cqc_rating,Outstanding,2025-01-01\n";
    const ta_assessment *qs[1] = {qb};
    ta_screen *s = screen_of(1, qs);
    ck_assert_msg(ta_screen_read_evidence_buffer(s, text, sizeof text - 1, "e.csv") == TA_OK, "%s",
                  ta_screen_error(s));
    ta_screen_free(s);
}
END_TEST

/* Rule (evidence_csv.c:128): an evidence Date of any length that is not
 * YYYY-MM-DD is refused at its column, a single character included. */
START_TEST(evidence_date_of_one_character)
{
    static const char text[] = "Trust_code,Judgement,Value,Date\nA,partnership,yes,7\n";
    const ta_assessment *qs[1] = {qb};
    ta_screen *s = screen_of(1, qs);
    ck_assert_int_eq(ta_screen_read_evidence_buffer(s, text, sizeof text - 1, "e.csv"), TA_EPARSE);
    ck_assert_str_eq(ta_screen_error(s), "e.csv:2:19: Date \"7\" is not a date (YYYY-MM-DD)");
    ta_screen_free(s);
}
END_TEST

/* Rule (screen.c:273, 336): a CQC rating for a trust the screen does not hold
 * is TA_ENOTFOUND naming the screened (last) period, and a rating supplied
 * after a failure clears the failure's text. */
START_TEST(supply_cqc_unknown_trust_then_clear)
{
    const ta_assessment *qs[2] = {q1, qb};
    ta_screen *s = screen_of(2, qs);
    ck_assert_int_eq(ta_screen_supply_cqc(s, "ZZZ", TA_CQC_GOOD, D(2021, 2, 1)), TA_ENOTFOUND);
    ck_assert_str_eq(ta_screen_error(s), "trust ZZZ is not in the screened period Q4 2025/26");
    ck_assert_int_eq(ta_screen_supply_cqc(s, "A", TA_CQC_GOOD, D(2021, 2, 1)), TA_OK);
    ck_assert_str_eq(ta_screen_error(s), "");
    ta_screen_free(s);
}
END_TEST

START_TEST(screen_of_1000_quarters_and_not_1001)
{
    /* Rule: a screen takes at most 1000 quarters; 1001 is refused. */
    static const ta_assessment *qs[1001];
    ta_screen *s = NULL;
    for (size_t q = 0; q < 1001; q++)
        qs[q] = qb;
    ck_assert_int_eq(ta_screen_new_assessments(&s, small, 1001, qs, NULL), TA_EINVAL);
    ck_assert_ptr_null(s);
    ck_assert_int_eq(ta_screen_new_assessments(&s, small, 1000, qs, NULL), TA_OK);
    ck_assert_uint_eq(ta_screen_period_count(s), 1000);
    ck_assert_str_eq(ta_screen_period(s, 999), "Q4 2025/26");
    ta_screen_free(s);
}
END_TEST

/* Rule: each new input (as-of date, quarters, judgement, CQC rating) discards
 * the results of the last run: the screen must be run again. */
START_TEST(each_new_input_asks_for_a_new_run)
{
    const ta_assessment *qs[1] = {qb};
    ta_screen *s = screen_of(1, qs);
    ta_criteria *a = NULL;
    ta_eligibility v;
    const char *text = NULL;
    ck_assert_int_eq(ta_criteria_new(&a, "aft", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_no_deficit(a, "def", "No deficit"), TA_OK);
    for (int input = 0; input < 4; input++) {
        ck_assert_int_eq(ta_screen_run(s, a, NULL), TA_OK);
        ck_assert_int_eq(ta_screen_verdict(&v, s, TA_LEVEL_AFT, 0), TA_OK);
        if (input == 0)
            ck_assert_int_eq(ta_screen_set_as_of(s, D(2026, 4, 1)), TA_OK);
        else if (input == 1)
            ck_assert_int_eq(ta_screen_set_quarters(s, 4), TA_OK);
        else if (input == 2)
            ck_assert_int_eq(ta_screen_supply_judgement(s, "A", "partnership", TA_YES, NULL),
                             TA_OK);
        else
            ck_assert_int_eq(ta_screen_supply_cqc(s, "A", TA_CQC_GOOD, D(2025, 1, 1)), TA_OK);
        ck_assert_msg(ta_screen_verdict(&v, s, TA_LEVEL_AFT, 0) == TA_ESTATE, "input %d", input);
        ck_assert_uint_eq(ta_screen_criterion_count(s, TA_LEVEL_AFT), 0);
        ck_assert_int_eq(ta_screen_export(&text, NULL, s, TA_SCREEN_CSV, NULL), TA_ESTATE);
        ck_assert_str_eq(ta_screen_error(s), "the screen has not been run");
    }
    ta_screen_free(s);
    ta_criteria_free(a);
}
END_TEST

/* Rule: finding a trust refuses a NULL output, screen or code, and leaves the
 * index alone when the code is not screened. */
START_TEST(find_trust_refuses_null_arguments)
{
    const ta_assessment *qs[1] = {qb};
    ta_screen *s = screen_of(1, qs);
    size_t i = 77;
    ck_assert_int_eq(ta_screen_find_trust(NULL, s, "B"), TA_EINVAL);
    ck_assert_int_eq(ta_screen_find_trust(&i, NULL, "B"), TA_EINVAL);
    ck_assert_int_eq(ta_screen_find_trust(&i, s, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_screen_find_trust(&i, s, "ZZZ"), TA_ENOTFOUND);
    ck_assert_uint_eq(i, 77);
    ck_assert_int_eq(ta_screen_find_trust(&i, s, "B"), TA_OK);
    ck_assert_uint_eq(i, 1);
    ck_assert_str_eq(ta_screen_trust_code(s, i), "B");
    ta_screen_free(s);
}
END_TEST

/* Rule: a criteria file reads each kind to its own criterion, and each CQC
 * rating word to its rating. */
START_TEST(criteria_file_reads_every_kind_and_rating)
{
    static const char text[] = "Id,Name,Kind,Parameters\n"
                               "a,A,segment_at_most,segment=3;quarters=2\n"
                               "b,B,no_deficit,\n"
                               "c,C,not_in_rsp,\n"
                               "d,D,domain_score_at_most,domain=access;threshold=2.5\n"
                               "e,E,domain_in_top_quartile,domain=access\n"
                               "f,F,metric_better_than_peer_median,metric=OF1001\n"
                               "g,G,supplied,judgement=partnership\n"
                               "h,H,supplied,cqc_at_least=outstanding\n"
                               "i,I,supplied,cqc_at_least=good\n"
                               "j,J,supplied,cqc_at_least=requires_improvement\n"
                               "k,K,supplied,cqc_at_least=inadequate\n";
    static const ta_criterion_kind kinds[] = {
        TA_CRITERION_SEGMENT_AT_MOST,     TA_CRITERION_NO_DEFICIT,
        TA_CRITERION_NOT_IN_RSP,          TA_CRITERION_DOMAIN_SCORE_AT_MOST,
        TA_CRITERION_DOMAIN_TOP_QUARTILE, TA_CRITERION_BETTER_THAN_PEER_MEDIAN,
        TA_CRITERION_SUPPLIED_JUDGEMENT,  TA_CRITERION_CQC_RATING,
        TA_CRITERION_CQC_RATING,          TA_CRITERION_CQC_RATING,
        TA_CRITERION_CQC_RATING};
    static const char *const params[] = {"cqc_at_least=outstanding", "cqc_at_least=good",
                                         "cqc_at_least=requires_improvement",
                                         "cqc_at_least=inadequate"};
    ta_criteria *c = NULL;
    ck_assert_int_eq(ta_criteria_new(&c, "t", NULL), TA_OK);
    ck_assert_msg(ta_criteria_read_buffer(c, text, sizeof text - 1, "t.csv") == TA_OK, "%s",
                  ta_criteria_error(c));
    ck_assert_uint_eq(ta_criteria_count(c), 11);
    for (size_t i = 0; i < 11; i++) {
        ta_criterion_kind kind;
        ck_assert_int_eq(ta_criteria_criterion_kind(&kind, c, i), TA_OK);
        ck_assert_msg(kind == kinds[i], "criterion %zu: kind %s", i, ta_criterion_kind_name(kind));
    }
    for (size_t i = 0; i < 4; i++)
        ck_assert_str_eq(ta_criteria_criterion_parameters(c, 7 + i), params[i]);
    ta_criteria_free(c);
}
END_TEST

/* Rule: every kind refuses a parameter it does not take, naming it. */
START_TEST(criteria_file_refuses_an_extra_parameter_of_every_kind)
{
    static const char *const rows[][2] = {
        {"segment_at_most,segment=3;quarters=2;x=1", "segment_at_most"},
        {"domain_score_at_most,domain=access;threshold=2;x=1", "domain_score_at_most"},
        {"domain_in_top_quartile,domain=access;x=1", "domain_in_top_quartile"},
        {"metric_better_than_peer_median,metric=OF1001;x=1", "metric_better_than_peer_median"},
        {"supplied,judgement=partnership;x=1", "supplied"},
        {"supplied,cqc_at_least=good;x=1", "supplied"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char text[200], want[200];
        size_t col = strlen("x,X,") + strcspn(rows[i][0], ",") + 2;
        snprintf(text, sizeof text, "Id,Name,Kind,Parameters\nx,X,%s\n", rows[i][0]);
        snprintf(want, sizeof want, "t.csv:2:%zu: Parameters: unknown parameter for %s \"x\"", col,
                 rows[i][1]);
        bad(text, TA_EPARSE, want);
    }
}
END_TEST

/* Rule: a table's Trust and Name columns are as wide as the first trust's code
 * and name when those are the longest. */
START_TEST(table_columns_fit_the_first_trust)
{
    static const char *const codes[] = {"FIRSTCODE", "B"};
    static const char *const types[] = {"T", "T"};
    static const double w[] = {1.50, 1.50}, k[] = {1.00, 1.00};
    ta_assessment *q = quarter("Q4 2025/26", 2, codes, types, w, k);
    const ta_assessment *qs[1] = {q};
    ta_screen *s;
    ta_criteria *a = NULL;
    ck_assert_int_eq(ta_assessment_set_trust_field(q, "FIRSTCODE", TA_FIELD_NAME, "First Name"),
                     TA_OK);
    ck_assert_int_eq(ta_assessment_run(q), TA_OK);
    s = screen_of(1, qs);
    ck_assert_int_eq(ta_criteria_new(&a, "aft", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_domain_score_at_most(a, "acc", "Access", "access", 2.50),
                     TA_OK);
    ck_assert_int_eq(ta_screen_run(s, a, NULL), TA_OK);
    exported_as(s, TA_SCREEN_TABLE, NULL,
                "Trust      Name        Verdict       Met  Failed  No evidence  Change\n"
                "FIRSTCODE  First Name  eligible        1       0            0  \n"
                "B                      eligible        1       0            0  \n");
    exported_as(s, TA_SCREEN_TABLE, "FIRSTCODE",
                "Trust      Name        Verdict       Met  Failed  No evidence  Change\n"
                "FIRSTCODE  First Name  eligible        1       0            0  \n"
                "    AFT criteria:\n"
                "      acc                met          Access domain score (OF4000) 1.50 in Q4 "
                "2025/26 is at or below 2.50\n");
    ta_screen_free(s);
    ta_criteria_free(a);
    ta_assessment_free(q);
}
END_TEST

/* Rule: a criterion id is 1 to 32 characters: 32 is taken, 33 and the empty
 * id are refused with their text; a NULL set counts no criteria. */
START_TEST(criterion_id_of_1_to_32_characters)
{
    char id[34];
    ta_criteria *c = NULL;
    ck_assert_uint_eq(ta_criteria_count(NULL), 0);
    ck_assert_int_eq(ta_criteria_new(&c, "t", NULL), TA_OK);
    memset(id, 'a', 33);
    id[33] = '\0';
    ck_assert_int_eq(ta_criteria_add_no_deficit(c, id, "N"), TA_EINVAL);
    ck_assert_str_eq(ta_criteria_error(c), "criterion id \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" "
                                           "must be 1 to 32 letters, digits, _ or -");
    ck_assert_int_eq(ta_criteria_add_no_deficit(c, "", "N"), TA_EINVAL);
    ck_assert_str_eq(ta_criteria_error(c),
                     "criterion id \"\" must be 1 to 32 letters, digits, _ or -");
    ck_assert_uint_eq(ta_criteria_count(c), 0);
    id[32] = '\0';
    ck_assert_int_eq(ta_criteria_add_no_deficit(c, id, "N"), TA_OK);
    ck_assert_int_eq(ta_criteria_add_no_deficit(c, "Z", "N"), TA_OK);
    ck_assert_uint_eq(ta_criteria_count(c), 2);
    ck_assert_str_eq(ta_criteria_criterion_id(c, 0), id);
    ta_criteria_free(c);
}
END_TEST

/* Rule: every call on a criteria set that succeeds clears the error text of
 * the call that failed before it. */
START_TEST(criteria_success_clears_the_last_error)
{
    ta_criteria *c = NULL;
    ck_assert_int_eq(ta_criteria_new(&c, "t", NULL), TA_OK);
    for (int call = 0; call < 10; call++) {
        char id[8];
        ta_status st = TA_EINVAL;
        snprintf(id, sizeof id, "c%d", call);
        ck_assert_int_eq(ta_criteria_add_no_deficit(c, "", "N"), TA_EINVAL);
        ck_assert_str_ne(ta_criteria_error(c), "");
        if (call == 0)
            st = ta_criteria_add_segment_at_most(c, id, "N", 2, 4);
        else if (call == 1)
            st = ta_criteria_add_no_deficit(c, id, "N");
        else if (call == 2)
            st = ta_criteria_add_not_in_rsp(c, id, "N");
        else if (call == 3)
            st = ta_criteria_add_domain_score_at_most(c, id, "N", "access", 2.5);
        else if (call == 4)
            st = ta_criteria_add_domain_top_quartile(c, id, "N", "access");
        else if (call == 5)
            st = ta_criteria_add_better_than_peer_median(c, id, "N", "OF1001");
        else if (call == 6)
            st = ta_criteria_add_supplied_judgement(c, id, "N", "partnership");
        else if (call == 7)
            st = ta_criteria_add_cqc_rating(c, id, "N", TA_CQC_GOOD);
        else if (call == 8)
            st = ta_criteria_set_source(c, "c0", "A2");
        else
            st = ta_criteria_set_reading(c, "c0", "ours");
        ck_assert_msg(st == TA_OK, "call %d: %s", call, ta_criteria_error(c));
        ck_assert_msg(strcmp(ta_criteria_error(c), "") == 0, "call %d kept \"%s\"", call,
                      ta_criteria_error(c));
    }
    ck_assert_uint_eq(ta_criteria_count(c), 8);
    ta_criteria_free(c);
}
END_TEST

/* Rule: a criterion's source or reading text takes 1000 bytes and refuses 1001
 * with its text. */
START_TEST(criterion_text_of_1000_bytes)
{
    static char text[1002];
    ta_criteria *c = NULL;
    ck_assert_int_eq(ta_criteria_new(&c, "t", NULL), TA_OK);
    ck_assert_int_eq(ta_criteria_add_no_deficit(c, "d", "D"), TA_OK);
    memset(text, 'r', 1001);
    text[1001] = '\0';
    ck_assert_int_eq(ta_criteria_set_source(c, "d", text), TA_EINVAL);
    ck_assert_str_eq(ta_criteria_error(c), "criterion d: text over 1000 bytes");
    ck_assert_int_eq(ta_criteria_set_reading(c, "d", text), TA_EINVAL);
    ck_assert_str_eq(ta_criteria_criterion_reading(c, 0), "");
    text[1000] = '\0';
    ck_assert_int_eq(ta_criteria_set_source(c, "d", text), TA_OK);
    ck_assert_int_eq(ta_criteria_set_reading(c, "d", text), TA_OK);
    ck_assert_str_eq(ta_criteria_criterion_source(c, 0), text);
    ck_assert_str_eq(ta_criteria_criterion_reading(c, 0), text);
    ta_criteria_free(c);
}
END_TEST

/* Rule: an evidence file skips blank lines, yet reads a row of one field; an
 * unknown trust is named with the screened (last) period; a header alone
 * supplies nothing and clears the last error. */
START_TEST(evidence_rows_blank_single_and_none)
{
    const ta_assessment *qs[2] = {q1, qb};
    ta_screen *s = screen_of(2, qs);
    ta_criteria *c = NULL;
    const char *blank = "Trust_code,Judgement,Value\n\nA,partnership,yes\n\nB,partnership,no\n";
    const char *single = "Trust_code,Judgement,Value\nA,partnership,yes\nZZZ\n";
    const char *header = "Trust_code,Judgement,Value\n";
    ck_assert_int_eq(ta_screen_read_evidence_buffer(s, single, strlen(single), "e.csv"),
                     TA_ENOTFOUND);
    ck_assert_str_eq(ta_screen_error(s),
                     "e.csv:3:1: trust \"ZZZ\" is not in the screened period Q4 2025/26");
    ck_assert_int_eq(ta_screen_read_evidence_buffer(s, header, strlen(header), "e.csv"), TA_OK);
    ck_assert_str_eq(ta_screen_error(s), "");
    ck_assert_msg(ta_screen_read_evidence_buffer(s, blank, strlen(blank), "e.csv") == TA_OK, "%s",
                  ta_screen_error(s));
    ck_assert_int_eq(ta_criteria_new(&c, "p", NULL), TA_OK);
    ck_assert_int_eq(
        ta_criteria_add_supplied_judgement(c, "partnership", "Partnership", "partnership"), TA_OK);
    ck_assert_int_eq(ta_screen_run(s, c, NULL), TA_OK);
    expect(s, TA_LEVEL_AFT, "A", "partnership", TA_MET, 1, 1, NULL);
    expect(s, TA_LEVEL_AFT, "B", "partnership", TA_NOT_MET, 0, 1, NULL);
    ta_criteria_free(c);
    ta_screen_free(s);
}
END_TEST

int main(void)
{
    Suite *su = suite_create("eligibility");
    TCase *tr = tcase_create("real data");
    TCase *ts = tcase_create("small");
    SRunner *sr;
    int failed;
    tcase_set_timeout(tr, 120);
    tcase_set_timeout(ts, 120);
    tcase_add_checked_fixture(tr, real_setup, real_teardown);
    tcase_add_test(tr, presets);
    tcase_add_test(tr, segment_criterion_limits_through_the_builder);
    tcase_add_test(tr, nominated_trusts_on_real_data);
    tcase_add_test(tr, others_meeting_the_bar);
    tcase_add_test(tr, missing_rows_on_real_data);
    tcase_add_test(tr, real_exports);
    tcase_add_test(tr, allocation_failure_sweep_nhse);
    tcase_add_test(tr, screen_as_of_a_period);
    tcase_add_test(tr, screen_over_a_file_of_one_quarter);
    tcase_add_checked_fixture(ts, small_setup, small_teardown);
    tcase_add_test(ts, boundaries);
    tcase_add_test(ts, raw_median_beaten_only_beyond_the_tolerance);
    tcase_add_test(ts, domain_without_score_id_named_alone);
    tcase_add_test(ts, evidence_date_of_one_character);
    tcase_add_test(ts, supply_cqc_unknown_trust_then_clear);
    tcase_add_test(ts, history_flags_and_missing_evidence);
    tcase_add_test(ts, close_verdict_and_iho_gate);
    tcase_add_test(ts, cqc_ratings_and_staleness);
    tcase_add_test(ts, cqc_requires_improvement_is_current_for_24_months);
    tcase_add_test(ts, reason_and_change_sentences);
    tcase_add_test(ts, flag_published_for_a_later_run);
    tcase_add_test(ts, no_figure_has_no_period);
    tcase_add_test(ts, peer_statistics_stay_in_their_memory);
    tcase_add_test(ts, peer_statistics_computed_once_per_quarter);
    tcase_add_test(ts, new_inputs_discard_both_levels);
    tcase_add_test(ts, judgement_note_of_500_bytes);
    tcase_add_test(ts, peer_statistics_of_three_types);
    tcase_add_test(ts, evidence_note_of_500_bytes);
    tcase_add_test(ts, evidence_cqc_rating_outstanding);
    tcase_add_test(ts, evidence_columns_and_spaces);
    tcase_add_test(ts, evidence_words_whole_and_folded);
    tcase_add_test(ts, peer_statistics_live_for_one_run);
    tcase_add_test(ts, results_say_only_the_figures_they_have);
    tcase_add_test(ts, criteria_limits_and_error_text);
    tcase_add_test(ts, exports_in_every_format);
    tcase_add_test(ts, criteria_file);
    tcase_add_test(ts, criteria_file_parameter_edges);
    tcase_add_test(ts, argument_checks);
    tcase_add_test(ts, allocation_failure_sweep);
    tcase_add_test(ts, screen_of_1000_quarters_and_not_1001);
    tcase_add_test(ts, each_new_input_asks_for_a_new_run);
    tcase_add_test(ts, find_trust_refuses_null_arguments);
    tcase_add_test(ts, criteria_file_reads_every_kind_and_rating);
    tcase_add_test(ts, criteria_file_refuses_an_extra_parameter_of_every_kind);
    tcase_add_test(ts, table_columns_fit_the_first_trust);
    tcase_add_test(ts, criterion_id_of_1_to_32_characters);
    tcase_add_test(ts, criteria_success_clears_the_last_error);
    tcase_add_test(ts, criterion_text_of_1000_bytes);
    tcase_add_test(ts, evidence_rows_blank_single_and_none);
    suite_add_tcase(su, tr);
    suite_add_tcase(su, ts);
    sr = srunner_create(su);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
