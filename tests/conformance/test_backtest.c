/*
 * The eligibility screen back-tested against NHS England's own decision
 * (issue 16). On 12 November 2025 NHS England nominated six mental health and
 * community trusts (RWX, RDY, RYX, RP1, RY3, RYV) on the data it had; as of Q1
 * 2025/26 each must meet every criterion of the "aft-guide" set that the data
 * can show, given the judgements the data cannot show (all yes, CQC good),
 * while most of the 61 trusts are neither eligible nor close. Invariants over
 * every quarter: a trust in deficit or in segment 4 in the screened quarter is
 * never eligible. Also: --as-of semantics and the evidence file's errors.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trustassess.h"

#define REAL_FILE TA_TEST_DATA_DIR "/mental-health-and-community-trust-data-q1-q4.csv"

static const char *const nominees[] = {"RWX", "RDY", "RYX", "RP1", "RY3", "RYV"};
static const char *const keys[] = {"partnership", "capability_assessment", "icb_support",
                                   "region_support", "financial_plan_agreed"};

static ta_framework *nof;
static ta_nhse_file *file;
static ta_criteria *guide;

static void setup(void)
{
    ck_assert_int_eq(ta_framework_preset(&nof, "nof-2025-26", NULL), TA_OK);
    ck_assert_int_eq(ta_nhse_file_new(&file, nof, NULL), TA_OK);
    ck_assert_msg(ta_nhse_file_read_file(file, REAL_FILE) == TA_OK, "%s", ta_nhse_file_error(file));
    ck_assert_int_eq(ta_criteria_preset(&guide, "aft-guide", NULL), TA_OK);
}

static void teardown(void)
{
    ta_criteria_free(guide);
    ta_nhse_file_free(file);
    ta_framework_free(nof);
}

/* Evidence text giving every trust of s yes for each judgement and good. */
static char *all_yes(const ta_screen *s, size_t *len)
{
    size_t cap = 64 + ta_screen_trust_count(s) * 256, n = 0;
    char *text = malloc(cap);
    ck_assert_ptr_nonnull(text);
    n += (size_t)snprintf(text + n, cap - n, "Trust_code,Judgement,Value\n");
    for (size_t i = 0; i < ta_screen_trust_count(s); i++) {
        for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
            n += (size_t)snprintf(text + n, cap - n, "%s,%s,yes\n", ta_screen_trust_code(s, i),
                                  keys[k]);
        n +=
            (size_t)snprintf(text + n, cap - n, "%s,cqc_rating,good\n", ta_screen_trust_code(s, i));
    }
    *len = n;
    return text;
}

static ta_screen *screen_as_of(const char *quarter)
{
    ta_screen *s = NULL;
    size_t len;
    char *text;
    ck_assert_int_eq(ta_screen_new_nhse_as_of(&s, nof, file, quarter, NULL), TA_OK);
    text = all_yes(s, &len);
    ck_assert_msg(ta_screen_read_evidence_buffer(s, text, len, "evidence.csv") == TA_OK, "%s",
                  ta_screen_error(s));
    free(text);
    ck_assert_msg(ta_screen_run(s, guide, NULL) == TA_OK, "%s", ta_screen_error(s));
    return s;
}

START_TEST(nominees_eligible_as_of_q1)
{
    ta_screen *s = screen_as_of("Q1 2025/26");
    size_t eligible = 0, close = 0;
    ck_assert_uint_eq(ta_screen_period_count(s), 1);
    ck_assert_str_eq(ta_screen_period(s, 0), "Q1 2025/26");
    ck_assert_uint_eq(ta_screen_trust_count(s), 61);
    for (size_t k = 0; k < 6; k++) {
        size_t i, met, not_met, none;
        ta_eligibility v;
        ck_assert_int_eq(ta_screen_find_trust(&i, s, nominees[k]), TA_OK);
        ck_assert_int_eq(ta_screen_verdict(&v, s, TA_LEVEL_AFT, i), TA_OK);
        ck_assert_int_eq(ta_screen_verdict_counts(&met, &not_met, &none, s, TA_LEVEL_AFT, i),
                         TA_OK);
        ck_assert_msg(v == TA_ELIGIBLE, "%s: %zu not met, %zu no evidence", nominees[k], not_met,
                      none);
        ck_assert_uint_eq(met, ta_criteria_count(guide));
    }
    for (size_t i = 0; i < ta_screen_trust_count(s); i++) {
        ta_eligibility v;
        ck_assert_int_eq(ta_screen_verdict(&v, s, TA_LEVEL_AFT, i), TA_OK);
        eligible += v == TA_ELIGIBLE;
        close += v == TA_CLOSE;
    }
    /* The screen still discriminates: fewer than half eligible or close. */
    ck_assert_uint_eq(eligible, 24);
    ck_assert_uint_eq(close, 3);
    ck_assert_uint_lt(2 * (eligible + close), 61);
    ta_screen_free(s);
}
END_TEST

/* Every quarter as of itself: deficit or segment 4 is never eligible. */
START_TEST(deficit_or_segment_4_never_eligible)
{
    static const char *const quarters[] = {"Q1 2025/26", "Q2 2025/26", "Q3 2025/26", "Q4 2025/26"};
    size_t checked = 0;
    for (size_t q = 0; q < 4; q++) {
        ta_screen *s = screen_as_of(quarters[q]);
        ta_assessment *a = NULL;
        ck_assert_int_eq(ta_nhse_file_assessment(&a, file, quarters[q], NULL, TA_FROM_SCORES),
                         TA_OK);
        for (size_t i = 0; i < ta_screen_trust_count(s); i++) {
            const char *code = ta_screen_trust_code(s, i);
            size_t j;
            int has = 0;
            double seg = 0;
            ta_eligibility v;
            ck_assert_int_eq(ta_assessment_find_trust(&j, a, code), TA_OK);
            ck_assert_int_eq(ta_nhse_file_published(&has, &seg, file, quarters[q], code, "OF5000"),
                             TA_OK);
            ck_assert_int_eq(ta_screen_verdict(&v, s, TA_LEVEL_AFT, i), TA_OK);
            if (ta_assessment_trust_flag(a, j, TA_FLAG_FINANCIAL_DEFICIT) == TA_YES ||
                (has && seg >= 4)) {
                ck_assert_msg(v != TA_ELIGIBLE, "%s %s eligible", quarters[q], code);
                checked++;
            }
        }
        ta_assessment_free(a);
        ta_screen_free(s);
    }
    ck_assert_uint_gt(checked, 60); /* the invariant was exercised */
}
END_TEST

START_TEST(as_of_and_evidence_errors)
{
    ta_screen *s = NULL;
    static const struct {
        const char *text, *needle;
        ta_status st;
    } cases[] = {
        {"Trust_code,Value\n", "evidence.csv:1: the header has no Judgement column", TA_EPARSE},
        /* A row of one cell is not a blank line: it lacks its judgement. */
        {"Trust_code,Judgement,Value\nRWX\n", "evidence.csv:2:1: Judgement \"\" must be 1 to 32",
         TA_EPARSE},
        {"Trust_code,Judgement,Value\nNOPE,partnership,yes\n",
         "evidence.csv:2:1: trust \"NOPE\" is not in the screened period Q2 2025/26", TA_ENOTFOUND},
        {"Trust_code,Judgement,Value\nRWX,partnership,maybe\n",
         "evidence.csv:2:17: Value \"maybe\" of judgement partnership is not yes, no or empty",
         TA_EPARSE},
        {"Trust_code,Judgement,Value\nRWX,cqc_rating,great\n", "cqc_rating \"great\" is not",
         TA_EPARSE},
        {"Trust_code,Judgement,Value,Date\nRWX,cqc_rating,good,2025-13-01\n",
         "evidence.csv:2:21: Date \"2025-13-01\"", TA_EPARSE},
        {"Trust_code,Judgement,Value\nRWX,bad key!,yes\n", "Judgement \"bad key!\"", TA_EPARSE},
        {"Trust_code,Judgement,Value,value\nRWX,icb_support,yes,no\n",
         "evidence.csv:1:28: column \"Value\" appears twice (first at column 22)", TA_EDUPLICATE},
        /* A judgement given twice: which counts would depend on the row order. */
        {"Trust_code,Judgement,Value\nRWX,icb_support,yes\nRDY,icb_support,no\nRWX,icb_support,"
         "no\n",
         "evidence.csv:4:5: trust RWX: judgement icb_support is given twice (first on line 2)",
         TA_EPARSE},
        {"Trust_code,Judgement,Value,Date\nRWX,cqc_rating,good,2025-01-01\n"
         "RWX,cqc_rating,inadequate,2025-02-01\n",
         "evidence.csv:3:5: trust RWX: judgement cqc_rating is given twice (first on line 2)",
         TA_EPARSE},
    };
    ck_assert_int_eq(ta_screen_new_nhse_as_of(&s, nof, file, "Q5 2025/26", NULL), TA_ENOTFOUND);
    ck_assert_ptr_null(s);
    ck_assert_int_eq(ta_screen_new_nhse_as_of(&s, nof, file, "Q2 2025/26", NULL), TA_OK);
    ck_assert_uint_eq(ta_screen_period_count(s), 2);
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        ta_status st =
            ta_screen_read_evidence_buffer(s, cases[k].text, strlen(cases[k].text), "evidence.csv");
        ck_assert_msg(st == cases[k].st, "case %zu: %d", k, (int)st);
        ck_assert_msg(strstr(ta_screen_error(s), cases[k].needle), "case %zu: %s", k,
                      ta_screen_error(s));
    }
    /* A bad second row supplies nothing of the first. */
    {
        static const char text[] = "Trust_code,Judgement,Value\nRWX,partnership,yes\nRWX,x,maybe\n";
        ta_criterion_outcome o;
        size_t i, k;
        ck_assert_int_eq(ta_screen_read_evidence_buffer(s, text, strlen(text), "e"), TA_EPARSE);
        ck_assert_int_eq(ta_screen_run(s, guide, NULL), TA_OK);
        ck_assert_int_eq(ta_screen_find_trust(&i, s, "RWX"), TA_OK);
        for (k = 0; strcmp(ta_screen_criterion_id(s, TA_LEVEL_AFT, k), "partnership") != 0; k++)
            ;
        ck_assert_int_eq(ta_screen_result_outcome(&o, s, TA_LEVEL_AFT, i, k), TA_OK);
        ck_assert_int_eq(o, TA_NO_EVIDENCE);
    }
    /* A dated CQC rating older than its interval is no evidence (good: 3.5 years
     * before the as-of date 2025-09-30, the end of Q2). */
    {
        static const char text[] = "trust_code,JUDGEMENT,value,date\n"
                                   "RWX,cqc_rating,Good,2022-03-30\n"
                                   "RDY,cqc_rating,requires improvement,2025-01-01\n";
        ta_criterion_outcome o;
        size_t i, k;
        ck_assert_int_eq(ta_screen_read_evidence_buffer(s, text, strlen(text), "e"), TA_OK);
        ck_assert_int_eq(ta_screen_run(s, guide, NULL), TA_OK);
        for (k = 0; strcmp(ta_screen_criterion_id(s, TA_LEVEL_AFT, k), "cqc") != 0; k++)
            ;
        ck_assert_int_eq(ta_screen_find_trust(&i, s, "RWX"), TA_OK);
        ck_assert_int_eq(ta_screen_result_outcome(&o, s, TA_LEVEL_AFT, i, k), TA_OK);
        ck_assert_int_eq(o, TA_MET); /* 3.5 years to the day: still current */
        {
            static const char older[] = "Trust_code,Judgement,Value,Date\n"
                                        "RWX,cqc_rating,good,2022-03-29\n";
            ck_assert_int_eq(ta_screen_read_evidence_buffer(s, older, strlen(older), "e"), TA_OK);
            ck_assert_int_eq(ta_screen_run(s, guide, NULL), TA_OK);
            ck_assert_int_eq(ta_screen_result_outcome(&o, s, TA_LEVEL_AFT, i, k), TA_OK);
            ck_assert_int_eq(o, TA_NO_EVIDENCE); /* a day older: stale on 2025-09-30 */
        }
        ck_assert_int_eq(ta_screen_find_trust(&i, s, "RDY"), TA_OK);
        ck_assert_int_eq(ta_screen_result_outcome(&o, s, TA_LEVEL_AFT, i, k), TA_OK);
        ck_assert_int_eq(o, TA_NOT_MET);
    }
    ta_screen_free(s);
}
END_TEST

int main(void)
{
    Suite *su = suite_create("backtest");
    TCase *tc = tcase_create("aft-guide");
    SRunner *sr;
    int failed;
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, nominees_eligible_as_of_q1);
    tcase_add_test(tc, deficit_or_segment_4_never_eligible);
    tcase_add_test(tc, as_of_and_evidence_errors);
    suite_add_tcase(su, tc);
    sr = srunner_create(su);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
