/*
 * test_enum_names: every enum's name function, as the API convention states it
 * (include/trustassess.h, "Enums"): each constant has a non-empty name, two
 * values never share one, and a value outside the enum gives "" (never NULL).
 * The bindings take their names from these functions, so a wrong or missing
 * name here is a wrong label in Python, R and the command.
 */
#define TA_EXPERIMENTAL
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "trustassess.h"

/* Checks one enum: its n values (in any order) named, the names of the first
 * n_distinct of them distinct, and the values just outside [min, max] named "". */
static void check_names(const char *what, const int *values, size_t n, size_t n_distinct,
                        const char *(*name)(int))
{
    int lo = values[0], hi = values[0];
    for (size_t i = 0; i < n; i++) {
        const char *s = name(values[i]);
        ck_assert_msg(s != NULL && *s != '\0', "%s: value %d has no name", what, values[i]);
        for (size_t j = 0; j < i && i < n_distinct; j++)
            if (values[j] != values[i])
                ck_assert_msg(strcmp(s, name(values[j])) != 0, "%s: %d and %d share the name %s",
                              what, values[i], values[j], s);
        lo = values[i] < lo ? values[i] : lo;
        hi = values[i] > hi ? values[i] : hi;
    }
    ck_assert_msg(name(lo - 1) != NULL && *name(lo - 1) == '\0', "%s: %d is named", what, lo - 1);
    ck_assert_msg(name(hi + 1) != NULL && *name(hi + 1) == '\0', "%s: %d is named", what, hi + 1);
}

static const char *capital_body_name_of(int v)
{
    return ta_capital_body_name((ta_capital_body)v);
}

START_TEST(capital_body_names)
{
    static const int values[] = {TA_BODY_TRUST_BOARD, TA_BODY_JISC, TA_BODY_HM_TREASURY};
    check_names("ta_capital_body_name", values, sizeof values / sizeof values[0],
                sizeof values / sizeof values[0], capital_body_name_of);
}
END_TEST

static const char *capital_funding_name_of(int v)
{
    return ta_capital_funding_name((ta_capital_funding)v);
}

START_TEST(capital_funding_names)
{
    static const int values[] = {TA_FUNDING_OWN_SAVINGS, TA_FUNDING_NATIONAL, TA_FUNDING_MIXED};
    check_names("ta_capital_funding_name", values, sizeof values / sizeof values[0],
                sizeof values / sizeof values[0], capital_funding_name_of);
}
END_TEST

static const char *capital_output_name_of(int v)
{
    return ta_capital_output_name((ta_capital_output)v);
}

START_TEST(capital_output_names)
{
    static const int values[] = {TA_OUT_ROUTE, TA_OUT_APPROVERS, TA_OUT_DOCUMENTS, TA_OUT_HEADROOM,
                                 TA_OUT_REASONS};
    check_names("ta_capital_output_name", values, sizeof values / sizeof values[0],
                sizeof values / sizeof values[0], capital_output_name_of);
}
END_TEST

static const char *capital_param_name_of(int v)
{
    return ta_capital_param_name((ta_capital_param)v);
}

START_TEST(capital_param_names)
{
    static const int values[] = {TA_CP_LIGHT_THRESHOLD,     TA_CP_LIGHT_INCLUSIVE,
                                 TA_CP_LIGHT_STATUSES,      TA_CP_LIGHT_FUNDING,
                                 TA_CP_LIGHT_NEEDS_SAVINGS, TA_CP_LIMIT_NHS_TRUST,
                                 TA_CP_LIMIT_FT_DISTRESS,   TA_CP_LIMIT_FT,
                                 TA_CP_LIMIT_SEGMENT_1,     TA_CP_LIMIT_SEGMENT_2,
                                 TA_CP_LIMIT_SEGMENT_3,     TA_CP_LIMIT_SEGMENT_4,
                                 TA_CP_LIMIT_SEGMENT_5,     TA_CP_HMT_LIMIT,
                                 TA_CP_TIER_INCLUSIVE,      TA_CP_VAT_INCLUDED,
                                 TA_CP_WHOLE_LIFE,          TA_CP_UNKNOWN_DISTRESS,
                                 TA_CP_DOCS_LIGHT,          TA_CP_DOCS_BOARD,
                                 TA_CP_DOCS_JISC,           TA_CP_DOCS_HMT,
                                 TA_CP_LIGHT_NO_DISTRESS,   TA_CP_LIGHT_NO_DEFICIT,
                                 TA_CP_LIGHT_MAX_SEGMENT,   TA_CP_LIGHT_UNKNOWN_FINANCES,
                                 TA_CP_SAVINGS_YEARS};
    check_names("ta_capital_param_name", values, sizeof values / sizeof values[0],
                sizeof values / sizeof values[0], capital_param_name_of);
}
END_TEST

static const char *capital_route_name_of(int v)
{
    return ta_capital_route_name((ta_capital_route)v);
}

START_TEST(capital_route_names)
{
    static const int values[] = {TA_ROUTE_LIGHT, TA_ROUTE_STANDARD};
    check_names("ta_capital_route_name", values, sizeof values / sizeof values[0],
                sizeof values / sizeof values[0], capital_route_name_of);
}
END_TEST

static const char *capital_tier_name_of(int v)
{
    return ta_capital_tier_name((ta_capital_tier)v);
}

START_TEST(capital_tier_names)
{
    static const int values[] = {TA_TIER_LIGHT, TA_TIER_BOARD, TA_TIER_JISC, TA_TIER_HMT};
    check_names("ta_capital_tier_name", values, sizeof values / sizeof values[0],
                sizeof values / sizeof values[0], capital_tier_name_of);
}
END_TEST

static const char *column_kind_name_of(int v)
{
    return ta_column_kind_name((ta_column_kind)v);
}

START_TEST(column_kind_names)
{
    static const int values[] = {TA_COLUMN_TEXT, TA_COLUMN_DECIMAL, TA_COLUMN_INTEGER,
                                 TA_COLUMN_YES_NO, TA_COLUMN_RANGE};
    check_names("ta_column_kind_name", values, sizeof values / sizeof values[0],
                sizeof values / sizeof values[0], column_kind_name_of);
}
END_TEST

static const char *cqc_rating_name_of(int v)
{
    return ta_cqc_rating_name((ta_cqc_rating)v);
}

START_TEST(cqc_rating_names)
{
    static const int values[] = {TA_CQC_OUTSTANDING, TA_CQC_GOOD, TA_CQC_REQUIRES_IMPROVEMENT,
                                 TA_CQC_INADEQUATE};
    check_names("ta_cqc_rating_name", values, sizeof values / sizeof values[0],
                sizeof values / sizeof values[0], cqc_rating_name_of);
}
END_TEST

static const char *criterion_kind_name_of(int v)
{
    return ta_criterion_kind_name((ta_criterion_kind)v);
}

/* A CQC rating criterion is written in a criteria CSV as the kind "supplied"
 * (its judgement names the rating), so it shares that name with a supplied
 * judgement: names are distinct among the kinds before it. */
START_TEST(criterion_kind_names)
{
    static const int values[] = {
        TA_CRITERION_SEGMENT_AT_MOST,     TA_CRITERION_NO_DEFICIT,
        TA_CRITERION_NOT_IN_RSP,          TA_CRITERION_DOMAIN_SCORE_AT_MOST,
        TA_CRITERION_DOMAIN_TOP_QUARTILE, TA_CRITERION_BETTER_THAN_PEER_MEDIAN,
        TA_CRITERION_SUPPLIED_JUDGEMENT,  TA_CRITERION_CQC_RATING};
    check_names("ta_criterion_kind_name", values, sizeof values / sizeof values[0], 7,
                criterion_kind_name_of);
    ck_assert_str_eq(ta_criterion_kind_name(TA_CRITERION_CQC_RATING), "supplied");
}
END_TEST

static const char *criterion_outcome_name_of(int v)
{
    return ta_criterion_outcome_name((ta_criterion_outcome)v);
}

START_TEST(criterion_outcome_names)
{
    static const int values[] = {TA_MET, TA_NOT_MET, TA_NO_EVIDENCE};
    check_names("ta_criterion_outcome_name", values, sizeof values / sizeof values[0],
                sizeof values / sizeof values[0], criterion_outcome_name_of);
}
END_TEST

static const char *cutoff_policy_name_of(int v)
{
    return ta_cutoff_policy_name((ta_cutoff_policy)v);
}

START_TEST(cutoff_policy_names)
{
    static const int values[] = {TA_CUTOFFS_PUBLISHED, TA_CUTOFFS_GIVEN, TA_CUTOFFS_QUARTILES_ALL,
                                 TA_CUTOFFS_QUARTILES_TYPE, TA_CUTOFFS_FIXED};
    check_names("ta_cutoff_policy_name", values, sizeof values / sizeof values[0],
                sizeof values / sizeof values[0], cutoff_policy_name_of);
}
END_TEST

static const char *cutoff_rule_name_of(int v)
{
    return ta_cutoff_rule_name((ta_cutoff_rule)v);
}

START_TEST(cutoff_rule_names)
{
    static const int values[] = {TA_CUTOFF_TIES_BETTER, TA_CUTOFF_TIES_WORSE};
    check_names("ta_cutoff_rule_name", values, sizeof values / sizeof values[0],
                sizeof values / sizeof values[0], cutoff_rule_name_of);
}
END_TEST

static const char *direction_name_of(int v)
{
    return ta_direction_name((ta_direction)v);
}

START_TEST(direction_names)
{
    static const int values[] = {TA_HIGHER_IS_BETTER, TA_LOWER_IS_BETTER};
    check_names("ta_direction_name", values, sizeof values / sizeof values[0],
                sizeof values / sizeof values[0], direction_name_of);
}
END_TEST

static const char *eligibility_name_of(int v)
{
    return ta_eligibility_name((ta_eligibility)v);
}

START_TEST(eligibility_names)
{
    static const int values[] = {TA_ELIGIBLE, TA_CLOSE, TA_NOT_ELIGIBLE};
    check_names("ta_eligibility_name", values, sizeof values / sizeof values[0],
                sizeof values / sizeof values[0], eligibility_name_of);
}
END_TEST

static const char *feb29_rule_name_of(int v)
{
    return ta_feb29_rule_name((ta_feb29_rule)v);
}

START_TEST(feb29_rule_names)
{
    static const int values[] = {TA_FEB29_TO_FEB28, TA_FEB29_TO_MAR1};
    check_names("ta_feb29_rule_name", values, sizeof values / sizeof values[0],
                sizeof values / sizeof values[0], feb29_rule_name_of);
}
END_TEST

static const char *figure_name_of(int v)
{
    return ta_figure_name((ta_figure)v);
}

START_TEST(figure_names)
{
    static const int values[] = {
        TA_FIGURE_AVERAGE,       TA_FIGURE_UNADJUSTED_SEGMENT, TA_FIGURE_ADJUSTED_SEGMENT,
        TA_FIGURE_FINAL_SEGMENT, TA_FIGURE_DEFICIT_FLAG,       TA_FIGURE_RSP_FLAG,
        TA_FIGURE_OTHER};
    check_names("ta_figure_name", values, sizeof values / sizeof values[0],
                sizeof values / sizeof values[0], figure_name_of);
}
END_TEST

static const char *flag_name_of(int v)
{
    return ta_flag_name((ta_flag)v);
}

START_TEST(flag_names)
{
    static const int values[] = {TA_FLAG_FINANCIAL_DEFICIT, TA_FLAG_RECOVERY_SUPPORT};
    check_names("ta_flag_name", values, sizeof values / sizeof values[0],
                sizeof values / sizeof values[0], flag_name_of);
}
END_TEST

static const char *ft_status_name_of(int v)
{
    return ta_ft_status_name((ta_ft_status)v);
}

START_TEST(ft_status_names)
{
    static const int values[] = {TA_NHS_TRUST, TA_FOUNDATION_TRUST, TA_ADVANCED_FOUNDATION_TRUST};
    check_names("ta_ft_status_name", values, sizeof values / sizeof values[0],
                sizeof values / sizeof values[0], ft_status_name_of);
}
END_TEST

static const char *input_kind_name_of(int v)
{
    return ta_input_kind_name((ta_input_kind)v);
}

START_TEST(input_kind_names)
{
    static const int values[] = {TA_INPUT_VALUE, TA_INPUT_SCORE};
    check_names("ta_input_kind_name", values, sizeof values / sizeof values[0],
                sizeof values / sizeof values[0], input_kind_name_of);
}
END_TEST

static const char *nhse_source_name_of(int v)
{
    return ta_nhse_source_name((ta_nhse_source)v);
}

START_TEST(nhse_source_names)
{
    static const int values[] = {TA_FROM_SCORES, TA_FROM_VALUES};
    check_names("ta_nhse_source_name", values, sizeof values / sizeof values[0],
                sizeof values / sizeof values[0], nhse_source_name_of);
}
END_TEST

static const char *quantile_name_of(int v)
{
    return ta_quantile_name((ta_quantile)v);
}

START_TEST(quantile_names)
{
    static const int values[] = {TA_QUANTILE_TYPE7, TA_QUANTILE_TYPE6};
    check_names("ta_quantile_name", values, sizeof values / sizeof values[0],
                sizeof values / sizeof values[0], quantile_name_of);
}
END_TEST

static const char *reason_name_of(int v)
{
    return ta_reason_name((ta_reason)v);
}

START_TEST(reason_names)
{
    static const int values[] = {TA_REASON_NONE, TA_REASON_CUTOFF, TA_REASON_DEFICIT_CAP,
                                 TA_REASON_RSP};
    check_names("ta_reason_name", values, sizeof values / sizeof values[0],
                sizeof values / sizeof values[0], reason_name_of);
}
END_TEST

static const char *register_event_name_of(int v)
{
    return ta_register_event_name((ta_register_event)v);
}

START_TEST(register_event_names)
{
    static const int values[] = {
        TA_EVENT_NOMINATED,    TA_EVENT_AUTHORISED,    TA_EVENT_REVIEWED, TA_EVENT_DEAUTHORISED,
        TA_EVENT_REAUTHORISED, TA_EVENT_FT_AUTHORISED, TA_EVENT_CEASED};
    check_names("ta_register_event_name", values, sizeof values / sizeof values[0],
                sizeof values / sizeof values[0], register_event_name_of);
}
END_TEST

static const char *review_trigger_name_of(int v)
{
    return ta_review_trigger_name((ta_review_trigger)v);
}

START_TEST(review_trigger_names)
{
    static const int values[] = {TA_TRIGGER_NONE, TA_TRIGGER_SEGMENT, TA_TRIGGER_DEFICIT,
                                 TA_TRIGGER_RSP};
    check_names("ta_review_trigger_name", values, sizeof values / sizeof values[0],
                sizeof values / sizeof values[0], review_trigger_name_of);
}
END_TEST

static const char *scoring_name_of(int v)
{
    return ta_scoring_name((ta_scoring)v);
}

START_TEST(scoring_names)
{
    static const int values[] = {
        TA_SCORING_SUPPLIED, TA_SCORING_RANK,     TA_SCORING_STANDARD_CAPPED, TA_SCORING_BANDED,
        TA_SCORING_COMBINED, TA_SCORING_STANDARD, TA_SCORING_FLOOR,           TA_SCORING_BRACKETED};
    check_names("ta_scoring_name", values, sizeof values / sizeof values[0],
                sizeof values / sizeof values[0], scoring_name_of);
}
END_TEST

static const char *screen_format_name_of(int v)
{
    return ta_screen_format_name((ta_screen_format)v);
}

START_TEST(screen_format_names)
{
    static const int values[] = {TA_SCREEN_CSV, TA_SCREEN_TABLE, TA_SCREEN_JSON};
    check_names("ta_screen_format_name", values, sizeof values / sizeof values[0],
                sizeof values / sizeof values[0], screen_format_name_of);
}
END_TEST

static const char *screen_level_name_of(int v)
{
    return ta_screen_level_name((ta_screen_level)v);
}

START_TEST(screen_level_names)
{
    static const int values[] = {TA_LEVEL_AFT, TA_LEVEL_IHO};
    check_names("ta_screen_level_name", values, sizeof values / sizeof values[0],
                sizeof values / sizeof values[0], screen_level_name_of);
}
END_TEST

static const char *status_name_of(int v)
{
    return ta_status_name((ta_status)v);
}

START_TEST(status_names)
{
    static const int values[] = {TA_OK,     TA_EINVAL, TA_ENOMEM, TA_ENOTFOUND, TA_EDUPLICATE,
                                 TA_EPARSE, TA_EIO,    TA_ERANGE, TA_ESTATE,    TA_EINCONSISTENT};
    check_names("ta_status_name", values, sizeof values / sizeof values[0],
                sizeof values / sizeof values[0], status_name_of);
}
END_TEST

static const char *tristate_name_of(int v)
{
    return ta_tristate_name((ta_tristate)v);
}

START_TEST(tristate_names)
{
    static const int values[] = {TA_UNKNOWN, TA_NO, TA_YES};
    check_names("ta_tristate_name", values, sizeof values / sizeof values[0],
                sizeof values / sizeof values[0], tristate_name_of);
}
END_TEST

static const char *trust_field_name_of(int v)
{
    return ta_trust_field_name((ta_trust_field)v);
}

START_TEST(trust_field_names)
{
    static const int values[] = {TA_FIELD_NAME, TA_FIELD_TYPE, TA_FIELD_SUBTYPE, TA_FIELD_REGION};
    check_names("ta_trust_field_name", values, sizeof values / sizeof values[0],
                sizeof values / sizeof values[0], trust_field_name_of);
}
END_TEST

static const char *verdict_name_of(int v)
{
    return ta_verdict_name((ta_verdict)v);
}

START_TEST(verdict_names)
{
    static const int values[] = {TA_AGREES, TA_EXPLAINED, TA_UNEXPLAINED};
    check_names("ta_verdict_name", values, sizeof values / sizeof values[0],
                sizeof values / sizeof values[0], verdict_name_of);
}
END_TEST

static const char *verify_mode_name_of(int v)
{
    return ta_verify_mode_name((ta_verify_mode)v);
}

START_TEST(verify_mode_names)
{
    static const int values[] = {TA_STEP_BY_STEP, TA_END_TO_END};
    check_names("ta_verify_mode_name", values, sizeof values / sizeof values[0],
                sizeof values / sizeof values[0], verify_mode_name_of);
}
END_TEST

static const char *weekday_name_of(int v)
{
    return ta_weekday_name((ta_weekday)v);
}

START_TEST(weekday_names)
{
    static const int values[] = {TA_MONDAY, TA_TUESDAY,  TA_WEDNESDAY, TA_THURSDAY,
                                 TA_FRIDAY, TA_SATURDAY, TA_SUNDAY};
    check_names("ta_weekday_name", values, sizeof values / sizeof values[0],
                sizeof values / sizeof values[0], weekday_name_of);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("enum_names");
    TCase *tc = tcase_create("every enum named");
    SRunner *sr;
    int failed;

    tcase_add_test(tc, capital_body_names);
    tcase_add_test(tc, capital_funding_names);
    tcase_add_test(tc, capital_output_names);
    tcase_add_test(tc, capital_param_names);
    tcase_add_test(tc, capital_route_names);
    tcase_add_test(tc, capital_tier_names);
    tcase_add_test(tc, column_kind_names);
    tcase_add_test(tc, cqc_rating_names);
    tcase_add_test(tc, criterion_kind_names);
    tcase_add_test(tc, criterion_outcome_names);
    tcase_add_test(tc, cutoff_policy_names);
    tcase_add_test(tc, cutoff_rule_names);
    tcase_add_test(tc, direction_names);
    tcase_add_test(tc, eligibility_names);
    tcase_add_test(tc, feb29_rule_names);
    tcase_add_test(tc, figure_names);
    tcase_add_test(tc, flag_names);
    tcase_add_test(tc, ft_status_names);
    tcase_add_test(tc, input_kind_names);
    tcase_add_test(tc, nhse_source_names);
    tcase_add_test(tc, quantile_names);
    tcase_add_test(tc, reason_names);
    tcase_add_test(tc, register_event_names);
    tcase_add_test(tc, review_trigger_names);
    tcase_add_test(tc, scoring_names);
    tcase_add_test(tc, screen_format_names);
    tcase_add_test(tc, screen_level_names);
    tcase_add_test(tc, status_names);
    tcase_add_test(tc, tristate_names);
    tcase_add_test(tc, trust_field_names);
    tcase_add_test(tc, verdict_names);
    tcase_add_test(tc, verify_mode_names);
    tcase_add_test(tc, weekday_names);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
