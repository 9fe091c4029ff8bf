/*
 * Check suite for the capital module (trustassess/capital.h): the £100m
 * boundary to the penny, every tier boundary, savings, statuses, overflow, the
 * split-scheme rule, the proposals and rules CSV readers, argument checks, a
 * seeded property test (more money never lighter, more savings never heavier)
 * and allocation failure at every allocation.
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc_guard.h"
#include "trustassess/capital.h"

#define POUNDS(x) ((int64_t)(x)*100)
#define M(x) (POUNDS(x) * 1000000)

static ta_capital_rules *preset(void)
{
    ta_capital_rules *r = NULL;
    ck_assert_int_eq(ta_capital_rules_preset(&r, "capital-2025", NULL), TA_OK);
    return r;
}

static ta_capital_proposal *proposal(ta_ft_status status, ta_capital_funding funding,
                                     int64_t amount, int64_t savings)
{
    ta_capital_proposal *p = NULL;
    ck_assert_int_eq(ta_capital_proposal_new(&p, "RXX", "S1", NULL), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_status(p, status), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_funding(p, funding), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_amount(p, amount), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_savings(p, savings), TA_OK);
    return p;
}

static ta_capital_tier tier_of(ta_capital_proposal *p, const ta_capital_rules *r)
{
    ta_capital_tier t;
    ck_assert_int_eq(ta_capital_proposal_check(p, r), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_route(NULL, &t, p), TA_OK);
    return t;
}

/* The sentence of the reason with this rule id (the last one if repeated). */
static const char *reason_of(const ta_capital_proposal *p, const char *rule)
{
    const char *found = NULL;
    for (size_t i = 0; i < ta_capital_proposal_reason_count(p); i++) {
        const char *id, *s;
        ck_assert_int_eq(ta_capital_proposal_reason(&id, &s, p, i), TA_OK);
        if (strcmp(id, rule) == 0)
            found = s;
    }
    return found;
}

START_TEST(preset_figures_and_sources)
{
    ta_capital_rules *r = preset();
    int64_t v;
    const char *src;
    char text[128];
    ck_assert_str_eq(ta_capital_rules_name(r), "capital-2025");
    ck_assert_int_eq(ta_capital_rules_get(&v, &src, r, TA_CP_LIGHT_THRESHOLD), TA_OK);
    ck_assert_int_eq(v, INT64_C(10000000000));
    ck_assert_str_eq(src, "A1");
    ck_assert_int_eq(ta_capital_rules_get(&v, &src, r, TA_CP_LIMIT_FT), TA_OK);
    ck_assert_int_eq(v, M(50));
    ck_assert_str_eq(src, "C1");
    ck_assert_int_eq(ta_capital_rules_get(&v, &src, r, TA_CP_LIMIT_NHS_TRUST), TA_OK);
    ck_assert_int_eq(v, M(25));
    ck_assert_int_eq(ta_capital_rules_get(&v, NULL, r, TA_CP_LIMIT_FT_DISTRESS), TA_OK);
    ck_assert_int_eq(v, M(25));
    ck_assert_int_eq(ta_capital_rules_get(&v, &src, r, TA_CP_HMT_LIMIT), TA_OK);
    ck_assert_int_eq(v, M(300));
    ck_assert_str_eq(src, "C2; C4");
    ck_assert_int_eq(ta_capital_rules_get(&v, &src, r, TA_CP_LIMIT_SEGMENT_3), TA_OK);
    ck_assert_int_eq(v, -1);
    ck_assert_str_eq(src, "placeholder");
    ck_assert_int_eq(ta_capital_rules_value_text(text, sizeof text, r, TA_CP_LIGHT_THRESHOLD),
                     TA_OK);
    ck_assert_str_eq(text, "£100,000,000.00");
    ck_assert_int_eq(ta_capital_rules_value_text(text, sizeof text, r, TA_CP_LIGHT_STATUSES),
                     TA_OK);
    ck_assert_str_eq(text, "Advanced foundation trust");
    ck_assert_int_eq(ta_capital_rules_value_text(text, sizeof text, r, TA_CP_DOCS_JISC), TA_OK);
    ck_assert_str_eq(text, "SOC;OBC;FBC");
    ck_assert_int_eq(ta_capital_rules_value_text(text, sizeof text, r, TA_CP_LIGHT_INCLUSIVE),
                     TA_OK);
    ck_assert_str_eq(text, "<");
    ck_assert_int_eq(ta_capital_rules_value_text(text, sizeof text, r, TA_CP_LIMIT_SEGMENT_1),
                     TA_OK);
    ck_assert_str_eq(text, "none");
    for (int k = 0; k < TA_CAPITAL_PARAM_COUNT; k++) {
        ck_assert_ptr_nonnull(ta_capital_param_name((ta_capital_param)k));
        ck_assert_ptr_nonnull(ta_capital_param_description((ta_capital_param)k));
        ck_assert_int_eq(ta_capital_rules_get(NULL, &src, r, (ta_capital_param)k), TA_OK);
        ck_assert_uint_gt(strlen(src), 0);
    }
    ck_assert_str_eq(ta_capital_param_name((ta_capital_param)TA_CAPITAL_PARAM_COUNT), "");
    ck_assert_uint_eq(ta_capital_rules_preset_count(), 1);
    ck_assert_str_eq(ta_capital_rules_preset_name(0), "capital-2025");
    ck_assert_ptr_null(ta_capital_rules_preset_name(1));
    ta_capital_rules *x = (ta_capital_rules *)1;
    ck_assert_int_eq(ta_capital_rules_preset(&x, "capital-1999", NULL), TA_ENOTFOUND);
    ck_assert_ptr_null(x);
    ta_capital_rules_free(r);
}
END_TEST

START_TEST(light_boundary_to_the_penny)
{
    ta_capital_rules *r = preset();
    ta_capital_proposal *p =
        proposal(TA_ADVANCED_FOUNDATION_TRUST, TA_FUNDING_OWN_SAVINGS, INT64_C(9999999999), M(200));
    ta_capital_route route;
    int64_t compared, largest, headroom;
    int has;
    ck_assert_int_eq(tier_of(p, r), TA_TIER_LIGHT);
    ck_assert_int_eq(ta_capital_proposal_route(&route, NULL, p), TA_OK);
    ck_assert_int_eq(route, TA_ROUTE_LIGHT);
    ck_assert_int_eq(ta_capital_proposal_compared(&compared, p), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_headroom(&has, &largest, &headroom, p), TA_OK);
    ck_assert_int_eq(has, 1);
    ck_assert_int_eq(compared, INT64_C(9999999999));
    ck_assert_int_eq(largest, INT64_C(9999999999));
    ck_assert_int_eq(headroom, 0);
    ck_assert_str_eq(ta_capital_proposal_output(p, TA_OUT_ROUTE), "light");
    ck_assert_str_eq(ta_capital_proposal_output(p, TA_OUT_HEADROOM), "£0.00");
    ck_assert_str_eq(ta_capital_proposal_output(p, TA_OUT_APPROVERS), "Trust board");
    ck_assert_str_eq(ta_capital_proposal_output(p, TA_OUT_DOCUMENTS), "BJC");
    ck_assert_ptr_nonnull(strstr(reason_of(p, "light.threshold"), "£99,999,999.99 is less than"));
    /* The light route's own sentence is given on the light route only. */
    ck_assert_ptr_nonnull(strstr(reason_of(p, "light.route"), "takes the light route"));

    ck_assert_int_eq(ta_capital_proposal_set_amount(p, M(100)), TA_OK);
    ck_assert_int_eq(tier_of(p, r), TA_TIER_JISC); /* over the £50m FT limit */
    ck_assert_int_eq(ta_capital_proposal_route(&route, NULL, p), TA_OK);
    ck_assert_int_eq(route, TA_ROUTE_STANDARD);
    ck_assert_int_eq(ta_capital_proposal_headroom(&has, NULL, &headroom, p), TA_OK);
    ck_assert_int_eq(headroom, -1);
    ck_assert_str_eq(ta_capital_proposal_output(p, TA_OUT_HEADROOM), "-£0.01");
    ck_assert_str_eq(ta_capital_proposal_output(p, TA_OUT_ROUTE), "standard");
    ck_assert_ptr_null(reason_of(p, "light.route"));
    const char *why = reason_of(p, "light.threshold");
    ck_assert_ptr_nonnull(why);
    ck_assert_ptr_nonnull(strstr(why, "£100,000,000.00 is not less than"));
    ck_assert_ptr_nonnull(strstr(why, "(A1;"));
    ck_assert_ptr_nonnull(
        strstr(ta_capital_proposal_output(p, TA_OUT_REASONS), "light.threshold: "));

    /* The comparison is a parameter: inclusive makes exactly £100m light. */
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_LIGHT_INCLUSIVE, 1, "test"), TA_OK);
    ck_assert_int_eq(tier_of(p, r), TA_TIER_LIGHT);
    ck_assert_ptr_nonnull(
        strstr(reason_of(p, "light.threshold"), "£100,000,000.00 is at or under"));
    ck_assert_int_eq(ta_capital_proposal_set_amount(p, M(100) + 1), TA_OK);
    ck_assert_int_eq(tier_of(p, r), TA_TIER_JISC);
    ta_capital_proposal_free(p);
    ta_capital_rules_free(r);
}
END_TEST

START_TEST(tier_boundaries_to_the_penny)
{
    ta_capital_rules *r = preset();
    /* Foundation trust not in distress: £50m; HM Treasury over £300m. */
    ta_capital_proposal *p = proposal(TA_FOUNDATION_TRUST, TA_FUNDING_NATIONAL, M(50), 0);
    ck_assert_int_eq(ta_capital_proposal_set_distress(p, TA_NO), TA_OK);
    ck_assert_int_eq(tier_of(p, r), TA_TIER_BOARD);
    ck_assert_str_eq(ta_capital_proposal_output(p, TA_OUT_APPROVERS), "Trust board");
    ck_assert_int_eq(ta_capital_proposal_set_amount(p, M(50) + 1), TA_OK);
    ck_assert_int_eq(tier_of(p, r), TA_TIER_JISC);
    ck_assert_str_eq(ta_capital_proposal_output(p, TA_OUT_APPROVERS),
                     "Trust board; JISC (NHS England and DHSC)");
    ck_assert_str_eq(ta_capital_proposal_output(p, TA_OUT_DOCUMENTS), "SOC; OBC; FBC");
    ck_assert_int_eq(ta_capital_proposal_set_amount(p, M(300)), TA_OK);
    ck_assert_int_eq(tier_of(p, r), TA_TIER_JISC);
    ck_assert_int_eq(ta_capital_proposal_set_amount(p, M(300) + 1), TA_OK);
    ck_assert_int_eq(tier_of(p, r), TA_TIER_HMT);
    ck_assert_uint_eq(ta_capital_proposal_approver_count(p), 3);
    ta_capital_body body;
    ck_assert_int_eq(ta_capital_proposal_approver(&body, p, 2), TA_OK);
    ck_assert_int_eq(body, TA_BODY_HM_TREASURY);
    ck_assert_int_eq(ta_capital_proposal_approver(&body, p, 3), TA_ERANGE);
    ck_assert_str_eq(ta_capital_proposal_output(p, TA_OUT_APPROVERS),
                     "Trust board; JISC (NHS England and DHSC); HM Treasury");
    ck_assert_ptr_nonnull(strstr(reason_of(p, "standard.hmt"), "(C2; C4)"));
    /* No headroom: national funding never takes the light route. */
    ck_assert_str_eq(ta_capital_proposal_output(p, TA_OUT_HEADROOM), "");

    /* In distress, and unknown distress (counted as distress): £25m. */
    ck_assert_int_eq(ta_capital_proposal_set_amount(p, M(25) + 1), TA_OK);
    ck_assert_int_eq(tier_of(p, r), TA_TIER_BOARD);
    ck_assert_int_eq(ta_capital_proposal_set_distress(p, TA_YES), TA_OK);
    ck_assert_int_eq(tier_of(p, r), TA_TIER_JISC);
    ck_assert_int_eq(ta_capital_proposal_set_distress(p, TA_UNKNOWN), TA_OK);
    ck_assert_int_eq(tier_of(p, r), TA_TIER_JISC);
    ck_assert_int_eq(ta_capital_proposal_set_amount(p, M(25)), TA_OK);
    ck_assert_int_eq(tier_of(p, r), TA_TIER_BOARD);
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_UNKNOWN_DISTRESS, 0, "test"), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_amount(p, M(25) + 1), TA_OK);
    ck_assert_int_eq(tier_of(p, r), TA_TIER_BOARD);

    /* An NHS trust: £25m whatever its distress flag. */
    ck_assert_int_eq(ta_capital_proposal_set_status(p, TA_NHS_TRUST), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_distress(p, TA_NO), TA_OK);
    ck_assert_int_eq(tier_of(p, r), TA_TIER_JISC);

    /* "Over" may be "at or over". */
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_TIER_INCLUSIVE, 1, "test"), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_amount(p, M(25) - 1), TA_OK);
    ck_assert_int_eq(tier_of(p, r), TA_TIER_BOARD);
    ck_assert_int_eq(ta_capital_proposal_set_amount(p, M(25)), TA_OK);
    ck_assert_int_eq(tier_of(p, r), TA_TIER_JISC);

    /* A per-segment limit (C2 table 1, a placeholder until read) replaces C1's. */
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_TIER_INCLUSIVE, 0, "test"), TA_OK);
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_LIMIT_SEGMENT_1, M(75), "test"), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_amount(p, M(75)), TA_OK);
    ck_assert_int_eq(tier_of(p, r), TA_TIER_JISC);
    ck_assert_int_eq(ta_capital_proposal_set_segment(p, 1), TA_OK);
    ck_assert_int_eq(tier_of(p, r), TA_TIER_BOARD);
    ck_assert_ptr_nonnull(strstr(reason_of(p, "standard.delegated-limit"), "NOF segment"));
    ck_assert_int_eq(ta_capital_proposal_set_amount(p, M(75) + 1), TA_OK);
    ck_assert_int_eq(tier_of(p, r), TA_TIER_JISC);
    ck_assert_int_eq(ta_capital_proposal_set_segment(p, 2), TA_OK); /* not set: C1 £25m */
    ck_assert_int_eq(ta_capital_proposal_set_amount(p, M(26)), TA_OK);
    ck_assert_int_eq(tier_of(p, r), TA_TIER_JISC);
    ta_capital_proposal_free(p);
    ta_capital_rules_free(r);
}
END_TEST

START_TEST(savings_and_funding)
{
    ta_capital_rules *r = preset();
    ta_capital_proposal *p =
        proposal(TA_ADVANCED_FOUNDATION_TRUST, TA_FUNDING_OWN_SAVINGS, M(60), M(60));
    int64_t largest, headroom;
    int has;
    ck_assert_int_eq(tier_of(p, r), TA_TIER_LIGHT);
    ck_assert_int_eq(ta_capital_proposal_headroom(&has, &largest, &headroom, p), TA_OK);
    ck_assert_int_eq(largest, M(60));
    ck_assert_int_eq(headroom, 0);
    ck_assert_int_eq(ta_capital_proposal_set_savings(p, M(60) - 1), TA_OK);
    ck_assert_int_eq(tier_of(p, r), TA_TIER_JISC);
    ck_assert_int_eq(ta_capital_proposal_headroom(&has, &largest, &headroom, p), TA_OK);
    ck_assert_int_eq(has, 1);
    ck_assert_int_eq(largest, M(60) - 1);
    ck_assert_int_eq(headroom, -1);
    ck_assert_ptr_nonnull(strstr(reason_of(p, "light.savings"), "£0.01 short"));
    /* Mixed funding: standard unless the rule set says otherwise. */
    ck_assert_int_eq(ta_capital_proposal_set_savings(p, M(200)), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_funding(p, TA_FUNDING_MIXED), TA_OK);
    ck_assert_int_eq(tier_of(p, r), TA_TIER_JISC);
    ck_assert_ptr_nonnull(strstr(reason_of(p, "light.funding"), "does not count"));
    ck_assert_int_eq(ta_capital_rules_set_text(r, "light_funding", "Own savings; Mixed", "test"),
                     TA_OK);
    ck_assert_int_eq(tier_of(p, r), TA_TIER_LIGHT);
    /* VAT counts by default (our reading) and can be left out. */
    ck_assert_int_eq(ta_capital_proposal_set_amount(p, M(99)), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_vat(p, M(1)), TA_OK);
    ck_assert_int_eq(tier_of(p, r), TA_TIER_JISC);
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_VAT_INCLUDED, 0, "test"), TA_OK);
    ck_assert_int_eq(tier_of(p, r), TA_TIER_LIGHT);
    /* Whole-life cost when the rule set compares it. */
    ck_assert_int_eq(ta_capital_proposal_set_whole_life_cost(p, M(150)), TA_OK);
    ck_assert_int_eq(tier_of(p, r), TA_TIER_LIGHT);
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_WHOLE_LIFE, 1, "test"), TA_OK);
    ck_assert_int_eq(tier_of(p, r), TA_TIER_JISC);
    ta_capital_proposal_free(p);
    ta_capital_rules_free(r);
}
END_TEST

START_TEST(nhs_trust_and_ft_never_light)
{
    ta_capital_rules *r = preset();
    const int64_t amounts[] = {0, 1, M(1), M(25), M(50), INT64_C(9999999999), M(100)};
    const ta_ft_status statuses[] = {TA_NHS_TRUST, TA_FOUNDATION_TRUST};
    for (size_t s = 0; s < 2; s++) {
        for (size_t a = 0; a < sizeof amounts / sizeof amounts[0]; a++) {
            ta_capital_proposal *p =
                proposal(statuses[s], TA_FUNDING_OWN_SAVINGS, amounts[a], INT64_MAX);
            ck_assert_int_ne(tier_of(p, r), TA_TIER_LIGHT);
            ck_assert_str_eq(ta_capital_proposal_output(p, TA_OUT_HEADROOM), "");
            ck_assert_ptr_nonnull(strstr(reason_of(p, "light.status"), "may not take"));
            ta_capital_proposal_free(p);
        }
    }
    ta_capital_rules_free(r);
}
END_TEST

START_TEST(near_int64_max)
{
    ta_capital_rules *r = preset();
    ta_capital_proposal *p =
        proposal(TA_ADVANCED_FOUNDATION_TRUST, TA_FUNDING_OWN_SAVINGS, INT64_MAX, INT64_MAX);
    ck_assert_int_eq(tier_of(p, r), TA_TIER_HMT);
    ck_assert_int_eq(ta_capital_proposal_set_vat(p, 1), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_check(p, r), TA_ERANGE);
    ck_assert_ptr_nonnull(strstr(ta_capital_proposal_error(p), "overflows"));
    ck_assert_int_eq(ta_capital_proposal_route(NULL, NULL, p), TA_ESTATE);
    ck_assert_ptr_null(ta_capital_proposal_output(p, TA_OUT_ROUTE));
    ck_assert_int_eq(ta_capital_proposal_set_amount(p, -1), TA_ERANGE);
    ck_assert_int_eq(ta_capital_proposal_set_amount(p, INT64_MIN), TA_ERANGE);
    ck_assert_int_eq(ta_capital_proposal_amount(p), INT64_MAX);
    ta_capital_proposal_free(p);
    ta_capital_rules_free(r);
}
END_TEST

START_TEST(argument_checks)
{
    ta_capital_rules *r = preset();
    ta_capital_proposal *p = NULL;
    ck_assert_int_eq(ta_capital_proposal_new(NULL, "R", "S", NULL), TA_EINVAL);
    ck_assert_int_eq(ta_capital_proposal_new(&p, NULL, "S", NULL), TA_EINVAL);
    ck_assert_int_eq(ta_capital_proposal_new(&p, "R", "", NULL), TA_EINVAL);
    ck_assert_int_eq(ta_capital_proposal_new(&p, "R\n", "S", NULL), TA_EINVAL);
    ck_assert_ptr_null(p);
    ta_allocator bad = {NULL, NULL, NULL, NULL};
    ck_assert_int_eq(ta_capital_proposal_new(&p, "R", "S", &bad), TA_EINVAL);
    ck_assert_int_eq(ta_capital_rules_new(NULL, "x", NULL), TA_EINVAL);
    ta_capital_rules *r2 = NULL;
    ck_assert_int_eq(ta_capital_rules_new(&r2, "", NULL), TA_EINVAL);
    ck_assert_int_eq(ta_capital_rules_preset(&r2, NULL, NULL), TA_EINVAL);
    p = proposal(TA_NHS_TRUST, TA_FUNDING_NATIONAL, 1, 0);
    ck_assert_int_eq(ta_capital_proposal_set_status(p, (ta_ft_status)3), TA_EINVAL);
    ck_assert_int_eq(ta_capital_proposal_set_status(p, (ta_ft_status)-1), TA_EINVAL);
    ck_assert_uint_gt(strlen(ta_capital_proposal_error(p)), 0);
    ck_assert_int_eq(ta_capital_proposal_set_funding(p, (ta_capital_funding)3), TA_EINVAL);
    ck_assert_int_eq(ta_capital_proposal_set_distress(p, (ta_tristate)2), TA_EINVAL);
    ck_assert_int_eq(ta_capital_proposal_set_segment(p, 6), TA_ERANGE);
    ck_assert_int_eq(ta_capital_proposal_set_segment(p, -1), TA_ERANGE);
    ck_assert_int_eq(ta_capital_proposal_set_vat(p, -1), TA_ERANGE);
    ck_assert_int_eq(ta_capital_proposal_set_savings(p, -5), TA_ERANGE);
    ck_assert_int_eq(ta_capital_proposal_set_scheme_name(p, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_capital_proposal_set_amount(NULL, 1), TA_EINVAL);
    ck_assert_int_eq(ta_capital_proposal_check(NULL, r), TA_EINVAL);
    ck_assert_int_eq(ta_capital_proposal_check(p, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_capital_proposal_route(NULL, NULL, p), TA_ESTATE);
    ck_assert_ptr_nonnull(strstr(ta_capital_proposal_error(p), "not been checked"));
    ck_assert_int_eq(ta_capital_rules_set(r, (ta_capital_param)99, 0, "x"), TA_EINVAL);
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_HMT_LIMIT, -1, "x"), TA_ERANGE);
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_LIMIT_SEGMENT_2, -2, "x"), TA_ERANGE);
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_LIGHT_STATUSES, 8, "x"), TA_ERANGE);
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_DOCS_BOARD, 16, "x"), TA_ERANGE);
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_HMT_LIMIT, 5, ""), TA_EINVAL);
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_HMT_LIMIT, 5, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_capital_rules_set_text(r, "no_such", "1", "x"), TA_ENOTFOUND);
    ck_assert_int_eq(ta_capital_rules_set_text(r, "hmt_limit", "lots", "x"), TA_EPARSE);
    ck_assert_ptr_nonnull(strstr(ta_capital_rules_error(r), "hmt_limit"));
    ck_assert_int_eq(ta_capital_rules_set_text(r, "light_statuses", "Trust", "x"), TA_EPARSE);
    char small[4];
    ck_assert_int_eq(ta_capital_rules_value_text(small, sizeof small, r, TA_CP_LIGHT_STATUSES),
                     TA_ERANGE);
    ck_assert_str_eq(ta_capital_route_name((ta_capital_route)2), "");
    ck_assert_str_eq(ta_capital_document_name(3), "");
    ck_assert_str_eq(ta_capital_document_name(TA_DOC_BJC), "BJC");
    ck_assert_str_eq(ta_capital_body_name(TA_BODY_JISC), "JISC (NHS England and DHSC)");
    ck_assert_str_eq(ta_ft_status_name((ta_ft_status)7), "");
    ta_capital_proposal_free(p);
    ta_capital_proposal_free(NULL);
    ta_capital_rules_free(NULL);
    ta_capital_portfolio_free(NULL);
    ta_capital_rules_free(r);
}
END_TEST

static uint64_t splitmix64(uint64_t *state)
{
    uint64_t z = (*state += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* An amount near one of the figures, or anywhere up to £1bn. */
static int64_t random_amount(uint64_t *seed)
{
    static const int64_t near[] = {0, M(25), M(50), M(100), M(300), M(75)};
    uint64_t r = splitmix64(seed);
    if (r % 2 == 0)
        return near[(r >> 8) % 6] + (int64_t)((r >> 20) % 5) - 2 < 0
                   ? 0
                   : near[(r >> 8) % 6] + (int64_t)((r >> 20) % 5) - 2;
    return (int64_t)((r >> 8) % (uint64_t)M(1000));
}

START_TEST(property_monotone)
{
    ta_capital_rules *r = preset();
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_LIMIT_SEGMENT_1, M(75), "test"), TA_OK);
    uint64_t seed = 42;
    ta_capital_proposal *p = proposal(TA_NHS_TRUST, TA_FUNDING_OWN_SAVINGS, 0, 0);
    for (int i = 0; i < 20000; i++) {
        uint64_t x = splitmix64(&seed);
        ck_assert_int_eq(ta_capital_proposal_set_status(p, (ta_ft_status)(x % 3)), TA_OK);
        ck_assert_int_eq(ta_capital_proposal_set_funding(p, (ta_capital_funding)((x >> 4) % 3)),
                         TA_OK);
        ck_assert_int_eq(ta_capital_proposal_set_segment(p, (int)((x >> 8) % 6)), TA_OK);
        ck_assert_int_eq(
            ta_capital_proposal_set_distress(p, (ta_tristate)((int)((x >> 12) % 3) - 1)), TA_OK);
        ck_assert_int_eq(ta_capital_proposal_set_vat(p, (int64_t)((x >> 16) % 3) * M(1)), TA_OK);
        int64_t amount = random_amount(&seed), savings = random_amount(&seed);
        int64_t more = (int64_t)(splitmix64(&seed) % (uint64_t)M(60));
        ck_assert_int_eq(ta_capital_proposal_set_amount(p, amount), TA_OK);
        ck_assert_int_eq(ta_capital_proposal_set_savings(p, savings), TA_OK);
        ta_capital_tier base = tier_of(p, r);
        ck_assert_uint_eq(ta_capital_proposal_reason_count(p) > 0, 1);
        ck_assert_int_eq(ta_capital_proposal_set_amount(p, amount + more), TA_OK);
        ck_assert_msg(tier_of(p, r) >= base, "more money gave a lighter route (case %d)", i);
        ck_assert_int_eq(ta_capital_proposal_set_amount(p, amount), TA_OK);
        ck_assert_int_eq(ta_capital_proposal_set_savings(p, savings + more), TA_OK);
        ck_assert_msg(tier_of(p, r) <= base, "more savings gave a heavier route (case %d)", i);
    }
    ta_capital_proposal_free(p);
    ta_capital_rules_free(r);
}
END_TEST

START_TEST(split_scheme_flagged)
{
    ta_capital_rules *r = preset();
    ta_capital_portfolio *pf = NULL;
    ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
    ta_capital_proposal *a, *b, *c, *d;
    ck_assert_int_eq(ta_capital_portfolio_add(&a, pf, "RXX", "NEWWING"), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_add(&b, pf, "RXX", "NEWWING"), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_add(&c, pf, "RXX", "SCANNER"), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_add(&d, pf, "RYY", "NEWWING"), TA_OK);
    ta_capital_proposal *all[] = {a, b, c, d};
    for (int i = 0; i < 4; i++) {
        ck_assert_int_eq(ta_capital_proposal_set_status(all[i], TA_ADVANCED_FOUNDATION_TRUST),
                         TA_OK);
        ck_assert_int_eq(ta_capital_proposal_set_amount(all[i], M(60)), TA_OK);
        ck_assert_int_eq(ta_capital_proposal_set_savings(all[i], M(500)), TA_OK);
    }
    ck_assert_int_eq(ta_capital_portfolio_check(pf, r), TA_OK);
    ta_capital_tier t;
    ck_assert_int_eq(ta_capital_proposal_route(NULL, &t, a), TA_OK);
    ck_assert_int_eq(t, TA_TIER_JISC);
    ck_assert_int_eq(ta_capital_proposal_split_flagged(a), 1);
    ck_assert_int_eq(ta_capital_proposal_split_flagged(b), 1);
    ck_assert_ptr_nonnull(strstr(reason_of(a, "portfolio.split"), "would reach the light route"));
    int64_t compared, headroom;
    ck_assert_int_eq(ta_capital_proposal_compared(&compared, a), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_headroom(NULL, NULL, &headroom, a), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_compared(NULL, a), TA_EINVAL);
    ck_assert_int_eq(compared, M(120));
    ck_assert_int_eq(headroom, M(100) - 1 - M(120));
    ck_assert_int_eq(ta_capital_proposal_route(NULL, &t, c), TA_OK);
    ck_assert_int_eq(t, TA_TIER_LIGHT); /* another scheme */
    ck_assert_int_eq(ta_capital_proposal_split_flagged(c), 0);
    ck_assert_ptr_null(reason_of(c, "portfolio.split"));
    ck_assert_int_eq(ta_capital_proposal_route(NULL, &t, d), TA_OK);
    ck_assert_int_eq(t, TA_TIER_LIGHT); /* same reference, another trust */
    /* Two parts under the threshold together: parts noted, not flagged. */
    ck_assert_int_eq(ta_capital_proposal_set_amount(a, M(30)), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_amount(b, M(30)), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_check(pf, r), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_route(NULL, &t, a), TA_OK);
    ck_assert_int_eq(t, TA_TIER_LIGHT);
    ck_assert_int_eq(ta_capital_proposal_split_flagged(a), 0);
    ck_assert_ptr_nonnull(
        strstr(reason_of(a, "portfolio.split"), "2 parts totalling £60,000,000.00"));
    /* Totals that overflow are errors, not wraps. */
    ck_assert_int_eq(ta_capital_proposal_set_amount(a, INT64_MAX), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_check(pf, r), TA_ERANGE);
    ck_assert_ptr_nonnull(strstr(ta_capital_portfolio_error(pf), "NEWWING"));
    ck_assert_uint_eq(ta_capital_portfolio_count(pf), 4);
    ck_assert_ptr_eq(ta_capital_portfolio_proposal(pf, 2), c);
    ck_assert_ptr_null(ta_capital_portfolio_proposal(pf, 4));
    ck_assert_int_eq(ta_capital_portfolio_add(NULL, pf, "", "X"), TA_EINVAL);
    ck_assert_int_eq(ta_capital_portfolio_check(pf, NULL), TA_EINVAL);
    ta_capital_portfolio_free(pf);
    ta_capital_rules_free(r);
}
END_TEST

static const char good_csv[] =
    "\xEF\xBB\xBFScheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available,Note\r\n"
    "S1,RAA,Advanced foundation trust,\"£99,999,999.99\",Own savings,£150m,first\r\n"
    "S2,RAA,Advanced foundation trust,\"£100,000,000.00\",Own savings,£150m,\"a, b\"\r\n"
    "\r\n"
    "S3,RBB,NHS trust,25000000.01,National,0,\r\n"
    "S4,RCC,foundation TRUST,£1.5bn,Mixed,£0,last\r\n";

/* A split scheme whose parts disagree on what decides its route, and a row
 * repeated exactly, are refused naming both rows (issue 19). */
START_TEST(split_scheme_parts_must_agree)
{
    static const char *const cases[][2] = {
        {"S1,RAA,Advanced foundation trust,£60m,Own savings,£200m\n"
         "S1,RAA,Foundation trust,£45m,Own savings,£200m\n",
         "p.csv:3: scheme S1 of trust RAA: this part's Trust_status differs from the part at "
         "p.csv:2 (the parts of one scheme must agree)"},
        {"S1,RAA,Advanced foundation trust,£60m,Own savings,£200m\n"
         "S2,RAA,Advanced foundation trust,£5m,Own savings,£200m\n"
         "S1,RAA,Advanced foundation trust,£45m,National,£200m\n",
         "p.csv:4: scheme S1 of trust RAA: this part's Funding differs from the part at p.csv:2 "
         "(the parts of one scheme must agree)"},
        {"S1,RAA,Advanced foundation trust,£60m,Own savings,£200m\n"
         "S1,RAA,Advanced foundation trust,£45m,Own savings,£150m\n",
         "p.csv:3: scheme S1 of trust RAA: this part's Own_savings_available differs from the "
         "part at p.csv:2 (the parts of one scheme must agree)"},
        {"S1,RAA,Advanced foundation trust,£60m,Own savings,£200m\n"
         "S2,RAA,Advanced foundation trust,£5m,Own savings,£200m\n"
         "S1,RAA,Advanced foundation trust,£60m,Own savings,£200m\n",
         "p.csv:4: this row repeats the row at p.csv:2 exactly (scheme S1 of trust RAA would be "
         "counted twice)"},
    };
    ta_capital_rules *r = preset();
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        ta_capital_portfolio *pf = NULL;
        char text[512] = "Scheme_ref,Trust_code,Trust_status,Amount,Funding,"
                         "Own_savings_available\n";
        strcat(text, cases[k][0]);
        ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
        ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, text, strlen(text), "p.csv", 0),
                         TA_OK);
        ck_assert_int_eq(ta_capital_portfolio_check(pf, r),
                         k == 3 ? TA_EDUPLICATE : TA_EINCONSISTENT);
        ck_assert_str_eq(ta_capital_portfolio_error(pf), cases[k][1]);
        ta_capital_portfolio_free(pf);
    }
    /* Rule: parts given through the API have no place; the message says "a
     * part" and "an earlier part" (portfolio.c's empty-place test reads the
     * place's first byte, not its second). */
    {
        ta_capital_portfolio *pf = NULL;
        ta_capital_proposal *a, *b;
        ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
        ck_assert_int_eq(ta_capital_portfolio_add(&a, pf, "RAA", "S1"), TA_OK);
        ck_assert_int_eq(ta_capital_portfolio_add(&b, pf, "RAA", "S1"), TA_OK);
        ck_assert_int_eq(ta_capital_proposal_set_funding(b, TA_FUNDING_NATIONAL), TA_OK);
        ck_assert_int_eq(ta_capital_portfolio_check(pf, r), TA_EINCONSISTENT);
        ck_assert_str_eq(ta_capital_portfolio_error(pf),
                         "a part: scheme S1 of trust RAA: this part's Funding differs from the "
                         "part at an earlier part (the parts of one scheme must agree)");
        ta_capital_portfolio_free(pf);
    }
    /* Rule: a place in a message keeps its line whole and cuts a long file
     * name to fit 320 bytes: a 400-byte name keeps 317 bytes before ":3". */
    {
        ta_capital_portfolio *pf = NULL;
        char name[401], want[400];
        const char *text = "Scheme_ref,Trust_code,Trust_status,Amount,Funding,"
                           "Own_savings_available\n"
                           "S1,RAA,Advanced foundation trust,£60m,Own savings,£200m\n"
                           "S1,RAA,Advanced foundation trust,£60m,Own savings,£200m\n";
        memset(name, 'n', 400);
        name[400] = '\0';
        memset(want, 'n', 317);
        strcpy(want + 317, ":3: this row repeats the row at ");
        ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
        ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, text, strlen(text), name, 0), TA_OK);
        ck_assert_int_eq(ta_capital_portfolio_check(pf, r), TA_EDUPLICATE);
        ck_assert_int_eq(strncmp(ta_capital_portfolio_error(pf), want, strlen(want)), 0);
        ta_capital_portfolio_free(pf);
        /* The earlier row's place is cut the same way: its row in the long-named
         * file, repeated in a second file "q.csv". */
        ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
        ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, text, strlen(text) - 58, name, 0),
                         TA_OK);
        ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, text, strlen(text) - 58, "q.csv", 0),
                         TA_OK);
        ck_assert_int_eq(ta_capital_portfolio_check(pf, r), TA_EDUPLICATE);
        strcpy(want, "q.csv:2: this row repeats the row at ");
        memset(want + 37, 'n', 317);
        strcpy(want + 37 + 317, ":2 exactly (scheme");
        ck_assert_int_eq(strncmp(ta_capital_portfolio_error(pf), want, strlen(want)), 0);
        ta_capital_portfolio_free(pf);
    }
    /* Parts that agree, with different amounts, names or notes, are one scheme. */
    {
        ta_capital_portfolio *pf = NULL;
        const char *text = "Scheme_ref,Trust_code,Trust_status,Amount,Funding,"
                           "Own_savings_available\n"
                           "S1,RAA,Advanced foundation trust,£60m,Own savings,£200m\n"
                           "S1,RAA,Advanced foundation trust,£45m,Own savings,£200m\n";
        ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
        ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, text, strlen(text), "p.csv", 0),
                         TA_OK);
        ck_assert_int_eq(ta_capital_portfolio_check(pf, r), TA_OK);
        ck_assert_int_eq(ta_capital_proposal_split_flagged(ta_capital_portfolio_proposal(pf, 0)),
                         1);
        ta_capital_portfolio_free(pf);
    }
    ta_capital_rules_free(r);
}
END_TEST

START_TEST(read_proposals_csv)
{
    ta_capital_rules *r = preset();
    ta_capital_portfolio *pf = NULL;
    ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
    ck_assert_int_eq(
        ta_capital_portfolio_read_buffer(pf, good_csv, sizeof good_csv - 1, "plan.csv", 0), TA_OK);
    ck_assert_uint_eq(ta_capital_portfolio_count(pf), 4);
    ck_assert_uint_eq(ta_capital_portfolio_column_count(pf), 7);
    ck_assert_str_eq(ta_capital_portfolio_column_name(pf, 6), "Note");
    ck_assert_str_eq(ta_capital_portfolio_cell(pf, 1, 6), "a, b");
    ck_assert_str_eq(ta_capital_portfolio_cell(pf, 0, 3), "£99,999,999.99");
    ck_assert_uint_eq(ta_capital_portfolio_line(pf, 2), 5);
    ck_assert_int_eq(ta_capital_portfolio_check(pf, r), TA_OK);
    const char *expect_route[] = {"light", "standard", "standard", "standard"};
    const char *expect_head[] = {"£0.00", "-£0.01", "", ""};
    const char *expect_appr[] = {"Trust board", "Trust board; JISC (NHS England and DHSC)",
                                 "Trust board; JISC (NHS England and DHSC)",
                                 "Trust board; JISC (NHS England and DHSC); HM Treasury"};
    for (size_t i = 0; i < 4; i++) {
        ta_capital_proposal *p = ta_capital_portfolio_proposal(pf, i);
        ck_assert_str_eq(ta_capital_proposal_output(p, TA_OUT_ROUTE), expect_route[i]);
        ck_assert_str_eq(ta_capital_proposal_output(p, TA_OUT_HEADROOM), expect_head[i]);
        ck_assert_str_eq(ta_capital_proposal_output(p, TA_OUT_APPROVERS), expect_appr[i]);
    }
    ck_assert_int_eq(ta_capital_proposal_amount(ta_capital_portfolio_proposal(pf, 3)),
                     INT64_C(150000000000));
    ck_assert_int_eq(ta_capital_proposal_status(ta_capital_portfolio_proposal(pf, 3)),
                     TA_FOUNDATION_TRUST);
    ta_capital_portfolio_free(pf);
    ta_capital_rules_free(r);
}
END_TEST

static const char bad_csv[] =
    "Scheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available\n"
    "S1,RAA,Advanced foundation trust,£10m,Own savings,£20m\n"
    "S2,RAA,Advanced trust,£10m,Own savings,£20m\n"
    "S3,RAA,NHS trust,\"£92,233,720,368,547,758.08\",National,0\n"
    "S4,RAA,NHS trust,£1.234567891m,National,0\n"
    "S5,RAA,NHS trust,10,Grant,0\n"
    "S6,RAA,NHS trust,10,National\n"
    "S7,RAA,NHS trust,10,National,-£5\n"
    "S8,RAA,NHS trust,1.505,National,0\n"
    "S9,RAA,NHS trust,10,National,0\n";

START_TEST(read_proposals_csv_errors)
{
    ta_capital_portfolio *pf = NULL;
    ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
    ck_assert_int_eq(
        ta_capital_portfolio_read_buffer(pf, bad_csv, sizeof bad_csv - 1, "bad.csv", 0), TA_EPARSE);
    ck_assert_uint_eq(ta_capital_portfolio_count(pf), 0);
    ck_assert_uint_eq(ta_capital_portfolio_column_count(pf), 0);
    ck_assert_str_eq(ta_capital_portfolio_error(pf),
                     "bad.csv:3:8: Trust_status \"Advanced trust\" is not NHS trust, Foundation "
                     "trust or Advanced foundation trust");
    ck_assert_uint_eq(ta_capital_portfolio_row_error_count(pf), 7);
    const struct {
        size_t line, column;
        ta_status st;
    } want[] = {{3, 8, TA_EPARSE}, {4, 18, TA_ERANGE}, {5, 18, TA_ERANGE}, {6, 21, TA_EPARSE},
                {7, 0, TA_EPARSE}, {8, 30, TA_ERANGE}, {9, 18, TA_EPARSE}};
    for (size_t i = 0; i < 7; i++) {
        size_t line, column;
        ta_status st;
        const char *msg;
        ck_assert_int_eq(ta_capital_portfolio_row_error(&line, &column, &st, pf, i), TA_OK);
        msg = ta_capital_portfolio_row_error_message(pf, i);
        ck_assert_uint_eq(line, want[i].line);
        ck_assert_uint_eq(column, want[i].column);
        ck_assert_int_eq(st, want[i].st);
        ck_assert_ptr_nonnull(strstr(msg, "bad.csv:"));
    }
    ck_assert_int_eq(ta_capital_portfolio_row_error(NULL, NULL, NULL, pf, 7), TA_ERANGE);
    ck_assert_ptr_null(ta_capital_portfolio_row_error_message(pf, 7));
    ck_assert_ptr_null(ta_capital_portfolio_row_error_message(NULL, 0));
    ta_capital_portfolio_free(pf);

    /* Keep going: the good rows stay. */
    ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, bad_csv, sizeof bad_csv - 1, "bad.csv",
                                                      TA_CAPITAL_KEEP_GOING),
                     TA_OK);
    ck_assert_uint_eq(ta_capital_portfolio_count(pf), 2);
    ck_assert_str_eq(ta_capital_proposal_scheme_ref(ta_capital_portfolio_proposal(pf, 1)), "S9");
    ck_assert_uint_eq(ta_capital_portfolio_row_error_count(pf), 7);
    /* A second file must have the same columns. */
    const char other[] =
        "Scheme_ref,Trust_code,Trust_status,Amount,Own_savings_available,Funding\n";
    ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, other, sizeof other - 1, "o.csv", 0),
                     TA_EINCONSISTENT);
    ck_assert_uint_eq(ta_capital_portfolio_count(pf), 2);
    ta_capital_portfolio_free(pf);

    /* Header and syntax errors. */
    ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
    const char missing[] =
        "Scheme_ref,Trust_code,Trust_status,Amount,Funding\nS,R,NHS trust,1,National\n";
    ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, missing, sizeof missing - 1, "m.csv", 0),
                     TA_EPARSE);
    ck_assert_str_eq(ta_capital_portfolio_error(pf),
                     "m.csv:1: missing required column Own_savings_available");
    const char twice[] =
        "Scheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available,amount\n";
    ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, twice, sizeof twice - 1, "t.csv", 0),
                     TA_EPARSE);
    ck_assert_ptr_nonnull(
        strstr(ta_capital_portfolio_error(pf), "t.csv:1:73: column Amount given twice"));
    const char quote[] = "Scheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available\n"
                         "S,R,NHS trust,\"1,National,0\n";
    ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, quote, sizeof quote - 1, "q.csv",
                                                      TA_CAPITAL_KEEP_GOING),
                     TA_EPARSE);
    ck_assert_ptr_nonnull(strstr(ta_capital_portfolio_error(pf), "q.csv:2:"));
    { /* A syntax error's row error is where its message puts it: an unterminated quote
       * where it opened (line 2, column 15), not where the reader stopped (the end). */
        size_t line = 0, column = 0;
        ta_status why = TA_OK;
        ck_assert_uint_eq(ta_capital_portfolio_row_error_count(pf), 1);
        ck_assert_int_eq(ta_capital_portfolio_row_error(&line, &column, &why, pf, 0), TA_OK);
        ck_assert_uint_eq(line, 2);
        ck_assert_uint_eq(column, 15);
        ck_assert_int_eq(why, TA_EPARSE);
        ck_assert_str_eq(ta_capital_portfolio_row_error_message(pf, 0),
                         "q.csv:2:15: quoted field is not terminated");
    }
    {
        ta_capital_portfolio *after = NULL;
        const char text[] =
            "Scheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available\n"
            "S,R,NHS trust,£1m,Own savings,£2m\n"
            "T,R,NHS trust,\"1\"x,Own savings,£2m\n";
        size_t line = 0, column = 0;
        ck_assert_int_eq(ta_capital_portfolio_new(&after, NULL), TA_OK);
        ck_assert_int_eq(ta_capital_portfolio_read_buffer(after, text, sizeof text - 1, "x.csv",
                                                          TA_CAPITAL_KEEP_GOING),
                         TA_EPARSE);
        ck_assert_int_eq(ta_capital_portfolio_row_error(&line, &column, NULL, after, 0), TA_OK);
        ck_assert_uint_eq(line, 3);
        ck_assert_uint_eq(column, 18);
        ck_assert_str_eq(ta_capital_portfolio_row_error_message(after, 0),
                         "x.csv:3:18: unexpected character after closing quote");
        ta_capital_portfolio_free(after);
    }
    ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, "", 0, "e.csv", 0), TA_EPARSE);
    ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, NULL, 3, "e.csv", 0), TA_EINVAL);
    ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, "", 0, "e.csv", 2u), TA_EINVAL);
    ck_assert_int_eq(ta_capital_portfolio_read_file(pf, "/nonexistent/x.csv", 0), TA_EIO);
    ck_assert_uint_eq(ta_capital_portfolio_count(pf), 0);
    ta_capital_portfolio_free(pf);
}
END_TEST

START_TEST(rules_file)
{
    ta_capital_rules *r = NULL;
    ck_assert_int_eq(ta_capital_rules_new(&r, "local", NULL), TA_OK);
    const char text[] = "Parameter,Value,Source,Note\n"
                        "limit_segment_1,£80m,C2 table 1,read at last\n"
                        "light_comparison,<=,board decision,\n"
                        "light_statuses,Foundation trust;Advanced foundation trust,test,\n";
    ck_assert_int_eq(ta_capital_rules_read_buffer(r, text, sizeof text - 1, "r.csv"), TA_OK);
    int64_t v;
    const char *src;
    ck_assert_int_eq(ta_capital_rules_get(&v, &src, r, TA_CP_LIMIT_SEGMENT_1), TA_OK);
    ck_assert_int_eq(v, M(80));
    ck_assert_str_eq(src, "C2 table 1");
    ck_assert_int_eq(ta_capital_rules_get(&v, NULL, r, TA_CP_LIGHT_STATUSES), TA_OK);
    ck_assert_int_eq(v, 6);
    ck_assert_int_eq(ta_capital_rules_get(&v, NULL, r, TA_CP_HMT_LIMIT), TA_OK);
    ck_assert_int_eq(v, M(300)); /* untouched parameters keep capital-2025's values */

    const char bad[] = "Parameter,Value,Source\n"
                       "hmt_limit,£1m,x\n"
                       "light_threshold,-£1,x\n";
    ck_assert_int_eq(ta_capital_rules_read_buffer(r, bad, sizeof bad - 1, "bad.csv"), TA_EPARSE);
    ck_assert_str_eq(ta_capital_rules_error(r),
                     "bad.csv:3:17: \"-£1\" is not a valid value for light_threshold");
    ck_assert_int_eq(ta_capital_rules_get(&v, NULL, r, TA_CP_HMT_LIMIT), TA_OK);
    ck_assert_int_eq(v, M(300)); /* unchanged on failure */
    const char unknown[] = "Parameter,Value,Source\nhmt,1,x\n";
    ck_assert_int_eq(ta_capital_rules_read_buffer(r, unknown, sizeof unknown - 1, "u.csv"),
                     TA_ENOTFOUND);
    ck_assert_str_eq(ta_capital_rules_error(r), "u.csv:2:1: unknown parameter \"hmt\"");
    const char nosrc[] = "Parameter,Value,Source\nhmt_limit,1,\n";
    ck_assert_int_eq(ta_capital_rules_read_buffer(r, nosrc, sizeof nosrc - 1, "n.csv"), TA_EPARSE);
    const char header[] = "Parameter,Value\nhmt_limit,1\n";
    ck_assert_int_eq(ta_capital_rules_read_buffer(r, header, sizeof header - 1, "h.csv"),
                     TA_EPARSE);
    /* The header needs all three columns: any one missing is refused on line 1. */
    static const char *const missing_one[] = {
        "Value,Source\n1,x\n", "Parameter,Source\nhmt_limit,x\n", "Parameter,Value\nhmt_limit,1\n"};
    for (size_t k = 0; k < sizeof missing_one / sizeof missing_one[0]; k++) {
        ck_assert_int_eq(
            ta_capital_rules_read_buffer(r, missing_one[k], strlen(missing_one[k]), "m.csv"),
            TA_EPARSE);
        ck_assert_str_eq(ta_capital_rules_error(r),
                         "m.csv:1: the header must name the columns Parameter, Value and Source");
    }
    ck_assert_int_eq(ta_capital_rules_read_file(r, "/nonexistent/rules.csv"), TA_EIO);
    ta_capital_rules_free(r);
}
END_TEST

/* The documents a checked proposal needs are the rule set's TA_CP_DOCS_* bits
 * of its tier (check.c); before a check they are TA_ESTATE, and a NULL
 * out-pointer is TA_EINVAL (proposal.c:283). */
START_TEST(documents_are_the_tiers_bits)
{
    ta_capital_rules *r = preset();
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_DOCS_BOARD, TA_DOC_SOC | TA_DOC_BJC, "t"),
                     TA_OK);
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_DOCS_JISC, TA_DOC_OBC, "t"), TA_OK);
    ta_capital_proposal *p = proposal(TA_FOUNDATION_TRUST, TA_FUNDING_NATIONAL, M(50), 0);
    ck_assert_int_eq(ta_capital_proposal_set_distress(p, TA_NO), TA_OK);
    unsigned docs = 99;
    ck_assert_int_eq(ta_capital_proposal_documents(&docs, p), TA_ESTATE);
    ck_assert_int_eq(tier_of(p, r), TA_TIER_BOARD);
    ck_assert_int_eq(ta_capital_proposal_documents(&docs, p), TA_OK);
    ck_assert_uint_eq(docs, TA_DOC_SOC | TA_DOC_BJC);
    ck_assert_int_eq(ta_capital_proposal_set_amount(p, M(50) + 1), TA_OK);
    ck_assert_int_eq(tier_of(p, r), TA_TIER_JISC);
    ck_assert_int_eq(ta_capital_proposal_documents(&docs, p), TA_OK);
    ck_assert_uint_eq(docs, TA_DOC_OBC);
    ck_assert_int_eq(ta_capital_proposal_documents(NULL, p), TA_EINVAL);
    ck_assert_int_eq(ta_capital_proposal_documents(&docs, NULL), TA_EINVAL);
    ta_capital_proposal_free(p);
    ta_capital_rules_free(r);
}
END_TEST

/* A rules file's tier_comparison is ">" (0) or ">=" (1) and nothing else
 * (rule_set.c:315); ">=" makes a tier needed at its limit exactly. A read that
 * succeeds clears the error text a failed one left (rule_set.c:665). */
START_TEST(rules_file_tier_comparison_and_error_cleared)
{
    ta_capital_rules *r = preset();
    int64_t v = -1;
    const char ge[] = "Parameter,Value,Source\ntier_comparison,>=,board\n";
    const char gt[] = "Parameter,Value,Source\ntier_comparison,>,board\n";
    const char bad[] = "Parameter,Value,Source\ntier_comparison,=>,board\n";
    ck_assert_int_eq(ta_capital_rules_read_buffer(r, bad, sizeof bad - 1, "b.csv"), TA_EPARSE);
    ck_assert_str_eq(ta_capital_rules_error(r),
                     "b.csv:2:17: \"=>\" is not a valid value for tier_comparison");
    ck_assert_int_eq(ta_capital_rules_read_buffer(r, ge, sizeof ge - 1, "ge.csv"), TA_OK);
    ck_assert_str_eq(ta_capital_rules_error(r), "");
    ck_assert_int_eq(ta_capital_rules_get(&v, NULL, r, TA_CP_TIER_INCLUSIVE), TA_OK);
    ck_assert_int_eq(v, 1);
    ta_capital_proposal *p = proposal(TA_FOUNDATION_TRUST, TA_FUNDING_NATIONAL, M(50), 0);
    ck_assert_int_eq(ta_capital_proposal_set_distress(p, TA_NO), TA_OK);
    ck_assert_int_eq(tier_of(p, r), TA_TIER_JISC);
    ck_assert_int_eq(ta_capital_rules_read_buffer(r, gt, sizeof gt - 1, "gt.csv"), TA_OK);
    ck_assert_int_eq(ta_capital_rules_get(&v, NULL, r, TA_CP_TIER_INCLUSIVE), TA_OK);
    ck_assert_int_eq(v, 0);
    ck_assert_int_eq(tier_of(p, r), TA_TIER_BOARD);
    ta_capital_proposal_free(p);
    ta_capital_rules_free(r);
}
END_TEST

/* ---- allocation failure ------------------------------------------------- */

typedef struct counting {
    long allocs, frees, fail_at; /* fail the fail_at-th allocation (1-based), 0 = never */
    long live;
} counting;

static void *c_malloc(void *ctx, size_t size)
{
    counting *c = ctx;
    if (c->fail_at != 0 && ++c->allocs == c->fail_at)
        return NULL;
    if (c->fail_at == 0)
        c->allocs++;
    void *p = malloc(size);
    if (p != NULL)
        c->live++;
    return p;
}

static void *c_realloc(void *ctx, void *ptr, size_t size)
{
    counting *c = ctx;
    if (c->fail_at != 0 && ++c->allocs == c->fail_at)
        return NULL;
    if (c->fail_at == 0)
        c->allocs++;
    void *p = realloc(ptr, size);
    if (p != NULL && ptr == NULL)
        c->live++;
    return p;
}

static void c_free(void *ctx, void *ptr)
{
    counting *c = ctx;
    if (ptr != NULL)
        c->live--;
    free(ptr);
}

/* One full use of the module under allocator a; returns the first failure. */
static ta_status scenario(const ta_allocator *a)
{
    ta_capital_rules *r = NULL;
    ta_capital_proposal *p = NULL;
    ta_capital_portfolio *pf = NULL, *pf2 = NULL;
    ta_status st = ta_capital_rules_preset(&r, "capital-2025", a);
    if (st == TA_OK) {
        const char text[] = "Parameter,Value,Source\nlimit_segment_2,£60m,test\n";
        st = ta_capital_rules_read_buffer(r, text, sizeof text - 1, "r.csv");
    }
    if (st == TA_OK)
        st = ta_capital_proposal_new(&p, "RAA", "S1", a);
    if (st == TA_OK)
        st = ta_capital_proposal_set_scheme_name(p, "New wing");
    if (st == TA_OK)
        st = ta_capital_proposal_set_amount(p, M(60));
    if (st == TA_OK)
        st = ta_capital_proposal_check(p, r);
    if (st == TA_OK)
        st = ta_capital_portfolio_new(&pf, a);
    if (st == TA_OK)
        st = ta_capital_portfolio_read_buffer(pf, good_csv, sizeof good_csv - 1, "plan.csv", 0);
    if (st == TA_OK)
        st = ta_capital_portfolio_new(&pf2, a);
    if (st == TA_OK)
        st = ta_capital_portfolio_read_buffer(pf2, bad_csv, sizeof bad_csv - 1, "bad.csv",
                                              TA_CAPITAL_KEEP_GOING);
    if (st == TA_OK)
        st = ta_capital_portfolio_check(pf2, r);
    if (st == TA_OK)
        st = ta_capital_portfolio_add(NULL, pf, "RAA", "S9");
    if (st == TA_OK)
        st = ta_capital_portfolio_check(pf, r);
    if (st == TA_OK &&
        strcmp(ta_capital_proposal_output(ta_capital_portfolio_proposal(pf, 0), TA_OUT_ROUTE),
               "light") != 0)
        st = TA_EINCONSISTENT; /* S1 stays light */
    if (st == TA_OK &&
        strcmp(ta_capital_proposal_output(ta_capital_portfolio_proposal(pf, 4), TA_OUT_ROUTE),
               "standard") != 0)
        st = TA_EINCONSISTENT; /* the added part is an NHS trust's */
    ta_capital_portfolio_free(pf2);
    ta_capital_portfolio_free(pf);
    ta_capital_proposal_free(p);
    ta_capital_rules_free(r);
    return st;
}

/* Rule: checking a portfolio writes only inside the blocks it allocates (the
 * row buffer that finds repeated rows is sized for every cell and its
 * separator), checked with a guarding allocator, no sanitizer needed: the
 * rows' lengths run past 64 and 128 bytes, where the buffer's capacity is
 * exactly what was asked for. */
START_TEST(portfolio_check_stays_inside_its_blocks)
{
    ag_state g = {0};
    ta_allocator a = ag_allocator(&g);
    ta_capital_rules *r = preset();
    char text[512], note[128];
    for (size_t len = 1; len < sizeof note; len++) {
        ta_capital_portfolio *pf = NULL;
        memset(note, 'x', len);
        note[len] = '\0';
        int n = snprintf(text, sizeof text,
                         "Scheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available,"
                         "Note\nS1,RAA,Advanced foundation trust,1,Own savings,0,%s\n",
                         note);
        ck_assert_int_gt(n, 0);
        ck_assert_int_eq(ta_capital_portfolio_new(&pf, &a), TA_OK);
        ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, text, (size_t)n, "plan.csv", 0),
                         TA_OK);
        ck_assert_msg(ta_capital_portfolio_check(pf, r) == TA_OK, "%s",
                      ta_capital_portfolio_error(pf));
        ta_capital_portfolio_free(pf);
        ck_assert_msg(g.overruns == 0, "a note of %zu bytes: a write past a block", len);
    }
    ta_capital_rules_free(r);
    ck_assert_uint_eq(g.live, 0);
}
END_TEST

/* Rule (portfolio.c): a scheme is its trust AND its reference, kept apart:
 * trust RAA1's scheme S and trust RAA's scheme 1S are two schemes of £60m
 * each (light), never one of £120m flagged as split. */
START_TEST(scheme_key_keeps_trust_and_reference_apart)
{
    ta_capital_rules *r = preset();
    ta_capital_portfolio *pf = NULL;
    ta_capital_proposal *a, *b;
    ta_capital_tier t;
    ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_add(&a, pf, "RAA1", "S"), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_add(&b, pf, "RAA", "1S"), TA_OK);
    ta_capital_proposal *all[] = {a, b};
    for (int i = 0; i < 2; i++) {
        ck_assert_int_eq(ta_capital_proposal_set_status(all[i], TA_ADVANCED_FOUNDATION_TRUST),
                         TA_OK);
        ck_assert_int_eq(ta_capital_proposal_set_amount(all[i], M(60)), TA_OK);
        ck_assert_int_eq(ta_capital_proposal_set_savings(all[i], M(500)), TA_OK);
    }
    ck_assert_int_eq(ta_capital_portfolio_check(pf, r), TA_OK);
    for (int i = 0; i < 2; i++) {
        ck_assert_int_eq(ta_capital_proposal_route(NULL, &t, all[i]), TA_OK);
        ck_assert_int_eq(t, TA_TIER_LIGHT);
        ck_assert_int_eq(ta_capital_proposal_split_flagged(all[i]), 0);
    }
    ta_capital_portfolio_free(pf);
    ta_capital_rules_free(r);
}
END_TEST

/* Rule (portfolio.c): a row repeated exactly is found by its cells kept
 * apart, even after an earlier row whose cells run together the same way
 * (note "n" and scheme "S1", then note "nS" and scheme "1"), and the check
 * run again on the same portfolio finds it again. */
START_TEST(repeated_row_found_by_cells_kept_apart)
{
    static const char text[] = "Note,Scheme_ref,Trust_code,Trust_status,Amount,Funding,"
                               "Own_savings_available\n"
                               "n,S1,RAA,Advanced foundation trust,£60m,Own savings,£200m\n"
                               "nS,1,RAA,Advanced foundation trust,£60m,Own savings,£200m\n"
                               "nS,1,RAA,Advanced foundation trust,£60m,Own savings,£200m\n";
    ta_capital_rules *r = preset();
    ta_capital_portfolio *pf = NULL;
    ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, text, sizeof text - 1, "p.csv", 0),
                     TA_OK);
    for (int run = 0; run < 2; run++) {
        ck_assert_int_eq(ta_capital_portfolio_check(pf, r), TA_EDUPLICATE);
        ck_assert_str_eq(ta_capital_portfolio_error(pf),
                         "p.csv:4: this row repeats the row at p.csv:3 exactly (scheme 1 of "
                         "trust RAA would be counted twice)");
    }
    ta_capital_portfolio_free(pf);
    ta_capital_rules_free(r);
}
END_TEST

START_TEST(allocation_failures)
{
    long n;
    for (n = 1;; n++) {
        counting c = {0, 0, n, 0};
        ta_allocator a = {c_malloc, c_realloc, c_free, &c};
        ta_status st = scenario(&a);
        ck_assert_msg(st == TA_OK || st == TA_ENOMEM, "allocation %ld: status %d", n, (int)st);
        ck_assert_msg(c.live == 0, "allocation %ld: %ld blocks leaked", n, c.live);
        if (st == TA_OK)
            break;
    }
    ck_assert_int_gt(n, 10); /* the scenario allocates; every failure point was visited */
}
END_TEST

START_TEST(status_and_funding_text)
{
    ta_ft_status status = TA_NHS_TRUST;
    ta_capital_funding funding = TA_FUNDING_NATIONAL;
    ck_assert_int_eq(ta_ft_status_parse(&status, " advanced FOUNDATION trust "), TA_OK);
    ck_assert_int_eq(status, TA_ADVANCED_FOUNDATION_TRUST);
    ck_assert_int_eq(ta_ft_status_parse(&status, "Foundation trust"), TA_OK);
    ck_assert_int_eq(status, TA_FOUNDATION_TRUST);
    ck_assert_int_eq(ta_ft_status_parse(&status, "Foundation"), TA_EPARSE);
    ck_assert_int_eq(status, TA_FOUNDATION_TRUST); /* untouched */
    ck_assert_int_eq(ta_capital_funding_parse(&funding, "own savings"), TA_OK);
    ck_assert_int_eq(funding, TA_FUNDING_OWN_SAVINGS);
    ck_assert_int_eq(ta_capital_funding_parse(&funding, "Mixed"), TA_OK);
    ck_assert_int_eq(funding, TA_FUNDING_MIXED);
    ck_assert_int_eq(ta_capital_funding_parse(&funding, "Loan"), TA_EPARSE);
    ck_assert_int_eq(ta_capital_funding_parse(NULL, "Mixed"), TA_EINVAL);
    ck_assert_int_eq(ta_capital_funding_parse(&funding, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_ft_status_parse(NULL, "Foundation trust"), TA_EINVAL);
    ck_assert_int_eq(ta_ft_status_parse(&status, NULL), TA_EINVAL);
    ck_assert_int_eq(status, TA_FOUNDATION_TRUST); /* untouched */
    ck_assert_int_eq(funding, TA_FUNDING_MIXED);
    for (int k = TA_NHS_TRUST; k <= TA_ADVANCED_FOUNDATION_TRUST; k++) {
        ck_assert_int_eq(ta_ft_status_parse(&status, ta_ft_status_name((ta_ft_status)k)), TA_OK);
        ck_assert_int_eq(status, k);
    }
}
END_TEST

/* Rule (check.c): a verdict's texts are written inside the block allocated
 * for them, the terminating NUL of each included: "standard", the first
 * text of a standard verdict, is 8 bytes, exactly the smallest block, so
 * its NUL needs the next. Checked with a guarding allocator over amounts of
 * 1 to 18 digits, whose sentences end at many offsets. */
START_TEST(verdict_texts_stay_inside_their_block)
{
    ag_state g = {0};
    ta_allocator a = ag_allocator(&g);
    ta_capital_rules *r = preset();
    int64_t amount = 1;
    for (int digits = 1; digits <= 18; digits++, amount *= 10) {
        for (int64_t step = 0; step < 10; step++) {
            ta_capital_proposal *p = NULL;
            ck_assert_int_eq(ta_capital_proposal_new(&p, "RXX", "S1", &a), TA_OK);
            ck_assert_int_eq(ta_capital_proposal_set_status(p, TA_NHS_TRUST), TA_OK);
            ck_assert_int_eq(ta_capital_proposal_set_amount(p, amount + step * (amount / 10)),
                             TA_OK);
            ck_assert_int_eq(ta_capital_proposal_set_vat(p, step), TA_OK);
            ck_assert_int_eq(ta_capital_proposal_check(p, r), TA_OK);
            ck_assert_str_eq(ta_capital_proposal_output(p, TA_OUT_ROUTE), "standard");
            ta_capital_proposal_free(p);
            ck_assert_msg(g.overruns == 0, "amount of %d digits: a write past a block", digits);
        }
    }
    ta_capital_rules_free(r);
    ck_assert_uint_eq(g.live, 0);
}
END_TEST

/* The message for a portfolio whose row on line `last` repeats the row before it
 * (rows S2 .. S<last - 1>, then S<last - 1> again). */
static void check_repeat_on_line(int last, const char *want)
{
    static char text[8192];
    ta_capital_rules *r = preset();
    ta_capital_portfolio *pf = NULL;
    strcpy(text, "Scheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available\n");
    for (int k = 2; k <= last; k++) {
        char row[128];
        snprintf(row, sizeof row, "S%d,RAA,Advanced foundation trust,£1m,Own savings,£200m\n",
                 k < last ? k : last - 1);
        strcat(text, row);
    }
    ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, text, strlen(text), "p.csv", 0), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_check(pf, r), TA_EDUPLICATE);
    ck_assert_str_eq(ta_capital_portfolio_error(pf), want);
    ta_capital_portfolio_free(pf);
    ta_capital_rules_free(r);
}

/* Rule: a place in a message writes its line whole: the row on line 10
 * repeating line 9 names both ("p.csv:10", "p.csv:9"), and so does the row on
 * line 100 (three digits, the last two of them 0) repeating line 99. */
START_TEST(place_of_line_ten_is_written_whole)
{
    check_repeat_on_line(10, "p.csv:10: this row repeats the row at p.csv:9 exactly (scheme S9 of "
                             "trust RAA would be counted twice)");
    check_repeat_on_line(100, "p.csv:100: this row repeats the row at p.csv:99 exactly (scheme S99 "
                              "of trust RAA would be counted twice)");
}
END_TEST

/* Rule: a NULL portfolio has no proposals, no columns and no row errors. */
START_TEST(null_portfolio_counts_nothing)
{
    ck_assert_uint_eq(ta_capital_portfolio_count(NULL), 0);
    ck_assert_uint_eq(ta_capital_portfolio_column_count(NULL), 0);
    ck_assert_uint_eq(ta_capital_portfolio_row_error_count(NULL), 0);
    ck_assert_uint_eq(ta_capital_portfolio_line(NULL, 0), 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("capital");
    TCase *tc = tcase_create("capital");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, preset_figures_and_sources);
    tcase_add_test(tc, light_boundary_to_the_penny);
    tcase_add_test(tc, tier_boundaries_to_the_penny);
    tcase_add_test(tc, savings_and_funding);
    tcase_add_test(tc, nhs_trust_and_ft_never_light);
    tcase_add_test(tc, near_int64_max);
    tcase_add_test(tc, argument_checks);
    tcase_add_test(tc, property_monotone);
    tcase_add_test(tc, split_scheme_flagged);
    tcase_add_test(tc, split_scheme_parts_must_agree);
    tcase_add_test(tc, read_proposals_csv);
    tcase_add_test(tc, read_proposals_csv_errors);
    tcase_add_test(tc, rules_file);
    tcase_add_test(tc, allocation_failures);
    tcase_add_test(tc, portfolio_check_stays_inside_its_blocks);
    tcase_add_test(tc, scheme_key_keeps_trust_and_reference_apart);
    tcase_add_test(tc, repeated_row_found_by_cells_kept_apart);
    tcase_add_test(tc, status_and_funding_text);
    tcase_add_test(tc, documents_are_the_tiers_bits);
    tcase_add_test(tc, rules_file_tier_comparison_and_error_cleared);
    tcase_add_test(tc, verdict_texts_stay_inside_their_block);
    tcase_add_test(tc, place_of_line_ten_is_written_whole);
    tcase_add_test(tc, null_portfolio_counts_nothing);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? 0 : 1;
}
