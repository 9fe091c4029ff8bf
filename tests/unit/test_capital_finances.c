/*
 * Check suite for the capital rules of issue 16: the light route needs sound
 * finances (distress, deficit, a NOF segment limit, what unknown facts do),
 * "money saved since last year" as savings per financial year counted from the
 * scheme's date, and a scheme's status taken from the status register on its
 * date. Each boundary has a test: segment 2 and 3, 31 March and 1 April,
 * savings_years 0 and 1, the day before and the day of a deauthorisation.
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trustassess/capital.h"
#include "trustassess/date.h"
#include "trustassess/money.h"
#include "trustassess/register.h"

#define M(x) ((int64_t)(x)*100 * 1000000)

static ta_capital_rules *r;
static ta_capital_proposal *p;

static ta_date D(int y, int m, int d)
{
    ta_date x = {y, m, d};
    return x;
}

static void setup(void)
{
    ck_assert_int_eq(ta_capital_rules_preset(&r, "capital-2025", NULL), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_new(&p, "RXX", "S1", NULL), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_status(p, TA_ADVANCED_FOUNDATION_TRUST), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_amount(p, M(90)), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_savings(p, M(120)), TA_OK);
}

static void teardown(void)
{
    ta_capital_proposal_free(p);
    ta_capital_rules_free(r);
}

static ta_capital_route route(void)
{
    ta_capital_route rt;
    ck_assert_int_eq(ta_capital_proposal_check(p, r), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_route(&rt, NULL, p), TA_OK);
    return rt;
}

static const char *reason_of(const char *rule)
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

START_TEST(preset_parameters_and_sources)
{
    int64_t v;
    const char *src;
    char text[32];
    ck_assert_int_eq(ta_capital_rules_get(&v, &src, r, TA_CP_LIGHT_NO_DISTRESS), TA_OK);
    ck_assert_int_eq(v, 1);
    ck_assert_str_eq(src, "A1; our reading");
    ck_assert_int_eq(ta_capital_rules_get(&v, &src, r, TA_CP_LIGHT_MAX_SEGMENT), TA_OK);
    ck_assert_int_eq(v, 2);
    ck_assert_str_eq(src, "our reading");
    ck_assert_int_eq(ta_capital_rules_get(&v, NULL, r, TA_CP_LIGHT_UNKNOWN_FINANCES), TA_OK);
    ck_assert_int_eq(v, 0);
    ck_assert_int_eq(ta_capital_rules_get(&v, NULL, r, TA_CP_SAVINGS_YEARS), TA_OK);
    ck_assert_int_eq(v, 1);
    ck_assert_str_eq(ta_capital_param_name(TA_CP_SAVINGS_YEARS), "savings_years");
    ck_assert_int_eq(ta_capital_rules_set_text(r, "light_max_segment", "any", "x"), TA_OK);
    ck_assert_int_eq(ta_capital_rules_value_text(text, sizeof text, r, TA_CP_LIGHT_MAX_SEGMENT),
                     TA_OK);
    ck_assert_str_eq(text, "any");
    ck_assert_int_eq(ta_capital_rules_set_text(r, "savings_years", "12", "x"), TA_OK);
    ck_assert_int_eq(ta_capital_rules_value_text(text, sizeof text, r, TA_CP_SAVINGS_YEARS), TA_OK);
    ck_assert_str_eq(text, "12");
    ck_assert_int_eq(ta_capital_rules_set_text(r, "light_max_segment", "6", "x"), TA_EPARSE);
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_SAVINGS_YEARS, 51, "x"), TA_ERANGE);
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_LIGHT_MAX_SEGMENT, -1, "x"), TA_ERANGE);
}
END_TEST

/* The issue's scheme: an AFT, £90m, £120m of savings. */
START_TEST(distress_and_segment_close_the_light_route)
{
    ck_assert_int_eq(route(), TA_ROUTE_LIGHT); /* nothing known: open (our reading) */
    ck_assert_int_eq(ta_capital_proposal_set_distress(p, TA_YES), TA_OK);
    ck_assert_int_eq(route(), TA_ROUTE_STANDARD);
    ck_assert_ptr_nonnull(strstr(reason_of("light.distress"), "does not show the sound finances"));
    ck_assert_int_eq(ta_capital_proposal_set_distress(p, TA_UNKNOWN), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_segment(p, 4), TA_OK);
    ck_assert_int_eq(route(), TA_ROUTE_STANDARD);
    ck_assert_ptr_nonnull(strstr(reason_of("light.segment"), "worse than segment 2"));
    /* The boundary: segment 2 may, segment 3 may not. */
    ck_assert_int_eq(ta_capital_proposal_set_segment(p, 3), TA_OK);
    ck_assert_int_eq(route(), TA_ROUTE_STANDARD);
    ck_assert_int_eq(ta_capital_proposal_set_segment(p, 2), TA_OK);
    ck_assert_int_eq(route(), TA_ROUTE_LIGHT);
    ck_assert_ptr_nonnull(strstr(reason_of("light.segment"), "NOF segment 2 is within segment 2"));
    ck_assert_int_eq(ta_capital_proposal_set_distress(p, TA_NO), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_segment(p, 1), TA_OK);
    ck_assert_int_eq(route(), TA_ROUTE_LIGHT);
    ck_assert_int_eq(ta_capital_proposal_set_deficit(p, TA_YES), TA_OK);
    ck_assert_int_eq(route(), TA_ROUTE_STANDARD);
    ck_assert_int_eq(ta_capital_proposal_deficit(p), TA_YES);
    {
        int has = 1;
        ck_assert_int_eq(ta_capital_proposal_headroom(&has, NULL, NULL, p), TA_OK);
        ck_assert_int_eq(has, 0); /* the light route is closed: no headroom */
    }
    /* Parameters off: distress and deficit no longer close it. */
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_LIGHT_NO_DEFICIT, 0, "test"), TA_OK);
    ck_assert_int_eq(route(), TA_ROUTE_LIGHT);
    ck_assert_int_eq(ta_capital_proposal_set_segment(p, 5), TA_OK);
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_LIGHT_MAX_SEGMENT, 0, "test"), TA_OK);
    ck_assert_int_eq(route(), TA_ROUTE_LIGHT);
}
END_TEST

START_TEST(unknown_finances_parameter)
{
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_LIGHT_UNKNOWN_FINANCES, 1, "test"), TA_OK);
    ck_assert_int_eq(route(), TA_ROUTE_STANDARD);
    ck_assert_ptr_nonnull(strstr(reason_of("light.distress"), "which closes the light route"));
    ck_assert_int_eq(ta_capital_proposal_set_distress(p, TA_NO), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_deficit(p, TA_NO), TA_OK);
    ck_assert_int_eq(route(), TA_ROUTE_STANDARD); /* segment still unknown */
    ck_assert_int_eq(ta_capital_proposal_set_segment(p, 2), TA_OK);
    ck_assert_int_eq(route(), TA_ROUTE_LIGHT);
}
END_TEST

/* "Money they've saved since last year": with a date, the date's financial
 * year and savings_years before it. */
START_TEST(savings_since_last_year)
{
    int64_t counted = -1;
    ck_assert_int_eq(ta_capital_proposal_set_savings(p, 0), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_year_savings(p, 2024, M(50)), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_year_savings(p, 2025, M(45)), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_year_savings(p, 2023, M(200)), TA_OK);
    /* Without a date the stated figure (0) counts. */
    ck_assert_int_eq(route(), TA_ROUTE_STANDARD);
    ck_assert_int_eq(ta_capital_proposal_savings_counted(&counted, p), TA_OK);
    ck_assert_int_eq(counted, 0);
    /* 1 April 2026 opens 2026/27: 2025/26 and 2026/27 count (45m): not enough. */
    ck_assert_int_eq(ta_capital_proposal_set_date(p, D(2026, 4, 1)), TA_OK);
    ck_assert_int_eq(route(), TA_ROUTE_STANDARD);
    ck_assert_int_eq(ta_capital_proposal_savings_counted(&counted, p), TA_OK);
    ck_assert_int_eq(counted, M(45));
    /* 31 March 2026 is still 2025/26: 2024/25 and 2025/26 count (95m). */
    ck_assert_int_eq(ta_capital_proposal_set_date(p, D(2026, 3, 31)), TA_OK);
    ck_assert_int_eq(route(), TA_ROUTE_LIGHT);
    ck_assert_int_eq(ta_capital_proposal_savings_counted(&counted, p), TA_OK);
    ck_assert_int_eq(counted, M(95));
    ck_assert_ptr_nonnull(strstr(reason_of("light.savings-since"), "1 April 2024 to 1 April 2025"));
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_SAVINGS_YEARS, 0, "test"), TA_OK);
    ck_assert_int_eq(route(), TA_ROUTE_STANDARD);
    ck_assert_int_eq(ta_capital_proposal_savings_counted(&counted, p), TA_OK);
    ck_assert_int_eq(counted, M(45));
    /* Removing a year; bad years. */
    ck_assert_int_eq(ta_capital_proposal_set_year_savings(p, 2025, -1), TA_OK);
    ck_assert_int_eq(route(), TA_ROUTE_STANDARD);
    ck_assert_int_eq(ta_capital_proposal_savings_counted(&counted, p), TA_OK);
    ck_assert_int_eq(counted, 0);
    ck_assert_int_eq(ta_capital_proposal_set_year_savings(p, 0, 1), TA_EINVAL);
    ck_assert_int_eq(ta_capital_proposal_set_date(p, D(2026, 2, 30)), TA_EINVAL);
    ck_assert_int_eq(ta_capital_proposal_set_date(p, D(0, 0, 0)), TA_OK);
    {
        int has = 1;
        ck_assert_int_eq(ta_capital_proposal_date(&has, NULL, p), TA_OK);
        ck_assert_int_eq(has, 0);
    }
}
END_TEST

static const char life[] = "Trust_code,Date,Event\n"
                           "RXX,2026-04-01,authorised\n"
                           "RXX,2027-06-30,deauthorised\n"
                           "RXX,2028-01-10,reauthorised\n"
                           "RGONE,2025-01-01,ceased\n";

START_TEST(status_from_the_register)
{
    ta_register *reg = NULL;
    ck_assert_int_eq(ta_register_new(&reg, NULL), TA_OK);
    ck_assert_int_eq(ta_register_read_buffer(reg, life, strlen(life), "life"), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_apply_register(p, reg), TA_ESTATE); /* no date */
    ck_assert_int_eq(ta_capital_proposal_set_date(p, D(2027, 6, 29)), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_apply_register(p, reg), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_status(p), TA_ADVANCED_FOUNDATION_TRUST);
    ck_assert_int_eq(route(), TA_ROUTE_LIGHT);
    ck_assert_str_eq(reason_of("status.register"),
                     "On 2027-06-29 the register gives status Advanced foundation trust (since "
                     "2026-04-01).");
    ck_assert_int_eq(ta_capital_proposal_set_date(p, D(2027, 7, 15)), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_apply_register(p, reg), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_status(p), TA_FOUNDATION_TRUST);
    ck_assert_int_eq(route(), TA_ROUTE_STANDARD);
    ck_assert_ptr_nonnull(
        strstr(reason_of("status.register"), "Foundation trust (since 2027-06-30)"));
    /* A status given that disagrees is named. */
    ck_assert_int_eq(ta_capital_proposal_set_status(p, TA_ADVANCED_FOUNDATION_TRUST), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_apply_register(p, reg), TA_OK);
    ck_assert_int_eq(route(), TA_ROUTE_STANDARD);
    ck_assert_ptr_nonnull(strstr(reason_of("status.register"),
                                 "the status given, Advanced foundation trust, disagrees"));
    ck_assert_int_eq(ta_capital_proposal_set_date(p, D(2028, 1, 10)), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_apply_register(p, reg), TA_OK);
    ck_assert_int_eq(route(), TA_ROUTE_LIGHT);
    /* Before any event; a trust not in the register; a ceased trust. */
    ck_assert_int_eq(ta_capital_proposal_set_date(p, D(2026, 3, 31)), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_apply_register(p, reg), TA_ENOTFOUND);
    ck_assert_str_eq(ta_capital_proposal_error(p),
                     "the register has no event of trust RXX on or before 2026-03-31");
    {
        ta_capital_proposal *q = NULL;
        ck_assert_int_eq(ta_capital_proposal_new(&q, "RGONE", "S2", NULL), TA_OK);
        ck_assert_int_eq(ta_capital_proposal_set_date(q, D(2026, 1, 1)), TA_OK);
        ck_assert_int_eq(ta_capital_proposal_apply_register(q, reg), TA_EINCONSISTENT);
        ta_capital_proposal_free(q);
    }
    ta_register_free(reg);
}
END_TEST

static const char csv[] =
    "Scheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available,Date,"
    "Financial_deficit,NOF_segment,Savings_2025_26,Savings_2026_27\n"
    "A,RXX,,£90m,Own savings,£0,2027-07-15,no,1,£50m,£50m\n"
    "B,RXX,Advanced foundation trust,£90m,Own savings,£0,2028-02-01,no,1,,£95m\n"
    "C,RYY,Foundation trust,£10m,Own savings,£0,,yes,,,\n";

START_TEST(proposals_csv_with_dates_and_register)
{
    ta_capital_portfolio *pf = NULL;
    ta_register *reg = NULL;
    ta_capital_route rt;
    ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, csv, strlen(csv), "p.csv", 0), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_deficit(ta_capital_portfolio_proposal(pf, 2)), TA_YES);
    /* Row A has no status: a check without a register fails. */
    ck_assert_int_eq(ta_capital_portfolio_check(pf, r), TA_ESTATE);
    ck_assert_ptr_nonnull(strstr(ta_capital_portfolio_error(pf), "(line 2) has no trust status"));
    ck_assert_int_eq(ta_register_new(&reg, NULL), TA_OK);
    ck_assert_int_eq(ta_register_read_buffer(reg, life, strlen(life), "life"), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_apply_register(pf, reg), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_check(pf, r), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_route(&rt, NULL, ta_capital_portfolio_proposal(pf, 0)),
                     TA_OK);
    ck_assert_int_eq(rt, TA_ROUTE_STANDARD); /* deauthorised on 2027-06-30 */
    ck_assert_int_eq(ta_capital_proposal_route(&rt, NULL, ta_capital_portfolio_proposal(pf, 1)),
                     TA_OK);
    ck_assert_int_eq(rt, TA_ROUTE_LIGHT); /* reauthorised; 2026/27 and 2027/28 count £95m */
    ta_capital_portfolio_free(pf);
    /* A dated row of a trust the register lacks names its file, line and Date cell. */
    ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
    {
        static const char bad[] = "Scheme_ref,Trust_code,Trust_status,Amount,Funding,"
                                  "Own_savings_available,Date\n"
                                  "Z,RNONE,,£1m,Own savings,£2m,2027-01-01\n";
        ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, bad, strlen(bad), "b.csv", 0), TA_OK);
        ck_assert_int_eq(ta_capital_portfolio_apply_register(pf, reg), TA_ENOTFOUND);
        ck_assert_str_eq(ta_capital_portfolio_error(pf),
                         "b.csv:2:32: the register has no event of trust RNONE on or before "
                         "2027-01-01");
    }
    ta_capital_portfolio_free(pf);
    /* A row read with no Date column, dated by hand afterwards, has no Date cell
     * to name: the message says the trust and date alone. */
    ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
    {
        static const char undated[] = "Scheme_ref,Trust_code,Trust_status,Amount,Funding,"
                                      "Own_savings_available\n"
                                      "Z,RNONE,Foundation trust,£1m,Own savings,£2m\n";
        ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, undated, strlen(undated), "u.csv", 0),
                         TA_OK);
        ck_assert_int_eq(
            ta_capital_proposal_set_date(ta_capital_portfolio_proposal(pf, 0), D(2027, 1, 1)),
            TA_OK);
        ck_assert_int_eq(ta_capital_portfolio_apply_register(pf, reg), TA_ENOTFOUND);
        ck_assert_str_eq(ta_capital_portfolio_error(pf),
                         "the register has no event of trust RNONE on or before 2027-01-01");
    }
    ta_capital_portfolio_free(pf);
    ta_register_free(reg);
}
END_TEST

/* A status taken from the register is not a status given: a proposal with no
 * status of its own read on two dates says nothing of a disagreement (only a
 * status set by hand is compared), a change of date drops the register's
 * status (back to the status given, or the default), and a CSV row that
 * needs a register needs one again after its date moves. */
START_TEST(register_status_is_not_a_status_given)
{
    ta_register *reg = NULL;
    ta_capital_proposal *q = NULL;
    ta_capital_portfolio *pf = NULL;
    ck_assert_int_eq(ta_register_new(&reg, NULL), TA_OK);
    ck_assert_int_eq(ta_register_read_buffer(reg, life, strlen(life), "life"), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_new(&q, "RXX", "S9", NULL), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_date(q, D(2027, 6, 29)), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_apply_register(q, reg), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_status(q), TA_ADVANCED_FOUNDATION_TRUST);
    ck_assert_int_eq(ta_capital_proposal_set_date(q, D(2027, 7, 15)), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_status(q), TA_NHS_TRUST); /* the default is back */
    ck_assert_int_eq(ta_capital_proposal_apply_register(q, reg), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_status(q), TA_FOUNDATION_TRUST);
    ck_assert_int_eq(ta_capital_proposal_check(q, r), TA_OK);
    {
        const char *found = NULL;
        for (size_t i = 0; i < ta_capital_proposal_reason_count(q); i++) {
            const char *id, *s;
            ck_assert_int_eq(ta_capital_proposal_reason(&id, &s, q, i), TA_OK);
            if (strcmp(id, "status.register") == 0)
                found = s;
        }
        ck_assert_ptr_nonnull(found);
        ck_assert_str_eq(found, "On 2027-07-15 the register gives status Foundation trust (since "
                                "2027-06-30).");
    }
    ta_capital_proposal_free(q);
    /* The fixture's status was given (Advanced foundation trust): the register
     * replaces it on one date, and a new date brings it back. */
    ck_assert_int_eq(ta_capital_proposal_set_date(p, D(2027, 7, 15)), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_apply_register(p, reg), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_status(p), TA_FOUNDATION_TRUST);
    ck_assert_int_eq(ta_capital_proposal_set_date(p, D(2028, 1, 9)), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_status(p), TA_ADVANCED_FOUNDATION_TRUST);
    ck_assert_ptr_null(reason_of("status.register"));
    /* Row A of the CSV has no status: after the register and a new date, the
     * check needs the register again. */
    ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, csv, strlen(csv), "p.csv", 0), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_apply_register(pf, reg), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_check(pf, r), TA_OK);
    q = ta_capital_portfolio_proposal(pf, 0);
    ck_assert_int_eq(ta_capital_proposal_set_date(q, D(2028, 2, 1)), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_check(pf, r), TA_ESTATE);
    ck_assert_ptr_nonnull(strstr(ta_capital_portfolio_error(pf), "(line 2) has no trust status"));
    ck_assert_int_eq(ta_capital_portfolio_apply_register(pf, reg), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_check(pf, r), TA_OK);
    ta_capital_portfolio_free(pf);
    ta_register_free(reg);
}
END_TEST

/* A portfolio made by calls has no file: a register failure there is the
 * proposal's message alone (no "FILE:LINE:COLUMN: "), and a later successful
 * register read clears the portfolio's error. */
START_TEST(register_failure_of_a_proposal_made_by_calls)
{
    ta_register *reg = NULL;
    ta_capital_portfolio *pf = NULL;
    ta_capital_proposal *q = NULL;
    ck_assert_int_eq(ta_register_new(&reg, NULL), TA_OK);
    ck_assert_int_eq(ta_register_read_buffer(reg, life, strlen(life), "life"), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_add(&q, pf, "RNONE", "Z"), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_date(q, D(2027, 1, 1)), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_apply_register(pf, reg), TA_ENOTFOUND);
    ck_assert_str_eq(ta_capital_portfolio_error(pf),
                     "the register has no event of trust RNONE on or before 2027-01-01");
    ck_assert_int_eq(ta_capital_proposal_set_date(q, D(0, 0, 0)), TA_OK); /* undated: skipped */
    ck_assert_int_eq(ta_capital_portfolio_apply_register(pf, reg), TA_OK);
    ck_assert_str_eq(ta_capital_portfolio_error(pf), "");
    /* The same for a check: a failed one leaves its error, a good one clears it. */
    ck_assert_int_eq(ta_capital_portfolio_check(pf, NULL), TA_EINVAL);
    ck_assert_str_eq(ta_capital_portfolio_error(pf), "capital rule set is NULL");
    ck_assert_int_eq(ta_capital_portfolio_check(pf, r), TA_OK);
    ck_assert_str_eq(ta_capital_portfolio_error(pf), "");
    ta_capital_portfolio_free(pf);
    ta_register_free(reg);
}
END_TEST

/* Each optional column of PROPOSALS.csv lands in its own field: segment 5 (the
 * top of 0..5), distress and deficit not swapped, a 29 February date, a whole-
 * life cost of exactly zero (kept, not "not given"), a funding other than the
 * default; and the proposal's getters give back what was set. */
static const char cols_csv[] =
    "Scheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available,NOF_segment,"
    "Financial_distress,Financial_deficit,Date,Whole_life_cost\n"
    "S5,RXX,Foundation trust,£10m,National,£0,5,yes,no,2028-02-29,£0\n";

START_TEST(proposals_csv_columns_kept)
{
    ta_capital_portfolio *pf = NULL;
    const ta_capital_proposal *q;
    ta_date d = {0, 0, 0};
    int has = 0;
    ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, cols_csv, strlen(cols_csv), "c.csv", 0),
                     TA_OK);
    q = ta_capital_portfolio_proposal(pf, 0);
    ck_assert_int_eq(ta_capital_proposal_segment(q), 5);
    ck_assert_int_eq(ta_capital_proposal_distress(q), TA_YES);
    ck_assert_int_eq(ta_capital_proposal_deficit(q), TA_NO);
    ck_assert_int_eq(ta_capital_proposal_funding(q), TA_FUNDING_NATIONAL);
    ck_assert_int_eq(ta_capital_proposal_whole_life_cost(q), 0);
    ck_assert_int_eq(ta_capital_proposal_date(&has, &d, q), TA_OK);
    ck_assert_int_eq(has, 1);
    ck_assert_int_eq(d.year * 10000 + d.month * 100 + d.day, 20280229);
    ta_capital_portfolio_free(pf);

    ck_assert_int_eq(ta_capital_proposal_set_funding(p, TA_FUNDING_MIXED), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_funding(p), TA_FUNDING_MIXED);
    ck_assert_int_eq(ta_capital_proposal_funding(NULL), TA_FUNDING_OWN_SAVINGS);
    ck_assert_int_eq(ta_capital_proposal_set_whole_life_cost(p, 0), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_whole_life_cost(p), 0);
    ck_assert_int_eq(ta_capital_proposal_set_date(p, D(2027, 2, 29)), TA_EINVAL);
    ck_assert_int_eq(ta_capital_proposal_set_date(p, D(2028, 2, 29)), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_date(&has, &d, p), TA_OK);
    ck_assert_int_eq(d.year * 10000 + d.month * 100 + d.day, 20280229);
    ck_assert_int_eq(ta_capital_proposal_check(p, r), TA_OK);
    ck_assert_ptr_nonnull(ta_capital_proposal_output(p, TA_OUT_REASONS));
    ck_assert_ptr_null(ta_capital_proposal_output(p, (ta_capital_output)(TA_OUT_REASONS + 1)));
}
END_TEST

START_TEST(proposals_csv_errors)
{
    static const struct {
        const char *text, *needle;
    } cases[] = {
        {"Scheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available,Date\n"
         "A,RXX,Advanced foundation trust,£1m,Own savings,£2m,2027-02-30\n",
         "p.csv:2:55: Date \"2027-02-30\" is not a date"},
        {"Scheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available\n"
         "A,RXX,,£1m,Own savings,£2m\n",
         "p.csv:2:7: Trust_status \"\" is not"},
        {"Scheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available,"
         "Financial_deficit\n"
         "A,RXX,Foundation trust,£1m,Own savings,£2m,maybe\n",
         "Financial_deficit \"maybe\" is not yes, no or empty"},
        {"Scheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available,"
         "Savings_2025_26\n"
         "A,RXX,Foundation trust,£1m,Own savings,£2m,lots\n",
         "p.csv:2:46: Savings_2025_26 \"lots\" is not an amount"},
        {"Scheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available,"
         "Savings_2025_26,savings_2025_26\n",
         "given twice"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        ta_capital_portfolio *pf = NULL;
        const char *msg = NULL;
        ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
        ck_assert_int_ne(
            ta_capital_portfolio_read_buffer(pf, cases[k].text, strlen(cases[k].text), "p.csv", 0),
            TA_OK);
        if (ta_capital_portfolio_row_error_count(pf) > 0)
            ck_assert_ptr_nonnull(msg = ta_capital_portfolio_row_error_message(pf, 0));
        else
            msg = ta_capital_portfolio_error(pf);
        ck_assert_msg(strstr(msg, cases[k].needle), "case %zu: %s", k, msg);
        ck_assert_uint_eq(ta_capital_portfolio_count(pf), 0);
        ta_capital_portfolio_free(pf);
    }
}
END_TEST

/* ---- edges a small slip would move (mutation survivors) ----------------- */

/* Rule: the delegated-limit sentence names whose limit applies: an NHS trust,
 * a foundation trust in distress, one not in distress, or a trust in its NOF
 * segment when the segment's limit is set. */
START_TEST(delegated_limit_names_whose_limit)
{
    static const struct {
        ta_ft_status status;
        ta_tristate distress;
        int segment;
        const char *whose;
    } cases[] = {
        {TA_NHS_TRUST, TA_NO, 0, "The delegated limit of an NHS trust is"},
        {TA_FOUNDATION_TRUST, TA_YES, 0,
         "The delegated limit of a foundation trust in financial distress is"},
        {TA_FOUNDATION_TRUST, TA_NO, 0,
         "The delegated limit of a foundation trust not in financial distress is"},
        {TA_FOUNDATION_TRUST, TA_NO, 2, "The delegated limit of a trust in its NOF segment is"},
    };
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_LIMIT_SEGMENT_2, M(20), "test"), TA_OK);
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        ck_assert_int_eq(ta_capital_proposal_set_status(p, cases[k].status), TA_OK);
        ck_assert_int_eq(ta_capital_proposal_set_distress(p, cases[k].distress), TA_OK);
        ck_assert_int_eq(ta_capital_proposal_set_segment(p, cases[k].segment), TA_OK);
        ck_assert_int_eq(ta_capital_proposal_set_amount(p, M(150)), TA_OK);
        ck_assert_int_eq(route(), TA_ROUTE_STANDARD);
        const char *s = reason_of("standard.delegated-limit");
        ck_assert_ptr_nonnull(s);
        ck_assert_msg(strstr(s, cases[k].whose), "case %zu: %s", k, s);
    }
}
END_TEST

/* Rule: a NOF segment's delegated limit of £0 is set (every scheme exceeds
 * it); only -1 means "not set" and falls back to the status's limit. */
START_TEST(a_segment_limit_of_zero_is_a_limit)
{
    ta_capital_body body;
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_LIMIT_SEGMENT_2, 0, "test"), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_status(p, TA_FOUNDATION_TRUST), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_distress(p, TA_NO), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_segment(p, 2), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_amount(p, M(150)), TA_OK);
    ck_assert_int_eq(route(), TA_ROUTE_STANDARD);
    ck_assert_ptr_nonnull(strstr(reason_of("standard.delegated-limit"),
                                 "The delegated limit of a trust in its NOF segment is £0.00"));
    ck_assert_uint_eq(ta_capital_proposal_approver_count(p), 2);
    ck_assert_int_eq(ta_capital_proposal_approver(&body, p, 1), TA_OK);
    ck_assert_int_eq(body, TA_BODY_JISC);
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_LIMIT_SEGMENT_2, -1, "test"), TA_OK);
    ck_assert_int_eq(route(), TA_ROUTE_STANDARD);
    ck_assert_ptr_nonnull(strstr(reason_of("standard.delegated-limit"),
                                 "a foundation trust not in financial distress"));
}
END_TEST

/* Rule: a portfolio's messages name the input line in full ("p.csv:10", two
 * digits from line 10 on): here a row at line 10 repeating the row at line 2. */
START_TEST(repeated_row_names_both_lines)
{
    const char *text = "Scheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available\n"
                       "A,RXX,Foundation trust,£1m,Own savings,£2m\n"
                       "B,RXX,Foundation trust,£1m,Own savings,£2m\n"
                       "C,RXX,Foundation trust,£1m,Own savings,£2m\n"
                       "D,RXX,Foundation trust,£1m,Own savings,£2m\n"
                       "E,RXX,Foundation trust,£1m,Own savings,£2m\n"
                       "F,RXX,Foundation trust,£1m,Own savings,£2m\n"
                       "G,RXX,Foundation trust,£1m,Own savings,£2m\n"
                       "H,RXX,Foundation trust,£1m,Own savings,£2m\n"
                       "A,RXX,Foundation trust,£1m,Own savings,£2m\n";
    ta_capital_portfolio *pf = NULL;
    ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, text, strlen(text), "p.csv", 0), TA_OK);
    ck_assert_uint_eq(ta_capital_portfolio_count(pf), 9);
    ck_assert_int_eq(ta_capital_portfolio_check(pf, r), TA_EDUPLICATE);
    ck_assert_str_eq(ta_capital_portfolio_error(pf),
                     "p.csv:10: this row repeats the row at p.csv:2 exactly (scheme A of trust "
                     "RXX would be counted twice)");
    ta_capital_portfolio_free(pf);
}
END_TEST

/* Rule: when the rule set counts VAT, the amount sentence names the VAT
 * added. */
START_TEST(amount_sentence_names_the_vat)
{
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_VAT_INCLUDED, 1, "test"), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_vat(p, M(2)), TA_OK);
    (void)route();
    ck_assert_ptr_nonnull(strstr(reason_of("amount.basis"), "plus VAT of £2,000,000.00"));
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_VAT_INCLUDED, 0, "test"), TA_OK);
    (void)route();
    ck_assert_ptr_nonnull(strstr(reason_of("amount.basis"), "VAT not counted"));
}
END_TEST

/* Rule: a row repeats another only when every cell is the same, not when the
 * cells joined with the unit separator (0x1F) happen to match: here the
 * separator sits at the end of one Note and the start of the next. */
START_TEST(rows_alike_only_when_every_cell_is)
{
    const char *text = "Scheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available,"
                       "Note1,Note2\n"
                       "A,RXX,Foundation trust,£1m,Own savings,£2m,x\x1f,y\n"
                       "A,RXX,Foundation trust,£1m,Own savings,£2m,x,\x1fy\n";
    ta_capital_portfolio *pf = NULL;
    ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, text, strlen(text), "p.csv", 0), TA_OK);
    ck_assert_uint_eq(ta_capital_portfolio_count(pf), 2);
    ck_assert_msg(ta_capital_portfolio_check(pf, r) == TA_OK, "%s", ta_capital_portfolio_error(pf));
    ta_capital_portfolio_free(pf);
}
END_TEST

/* Rule: the getters of a NULL proposal read as a new proposal's defaults
 * (no trust code, NHS trust, segment 0, unknown distress and deficit, no
 * amounts, no whole-life cost) and never crash. */
START_TEST(getters_of_null_read_as_defaults)
{
    ck_assert_ptr_null(ta_capital_proposal_trust_code(NULL));
    ck_assert_ptr_null(ta_capital_proposal_scheme_ref(NULL));
    ck_assert_ptr_null(ta_capital_proposal_scheme_name(NULL));
    ck_assert_str_eq(ta_capital_proposal_error(NULL), "");
    ck_assert_int_eq(ta_capital_proposal_status(NULL), TA_NHS_TRUST);
    ck_assert_int_eq(ta_capital_proposal_segment(NULL), 0);
    ck_assert_int_eq(ta_capital_proposal_distress(NULL), TA_UNKNOWN);
    ck_assert_int_eq(ta_capital_proposal_deficit(NULL), TA_UNKNOWN);
    ck_assert_int_eq(ta_capital_proposal_amount(NULL), 0);
    ck_assert_int_eq(ta_capital_proposal_vat(NULL), 0);
    ck_assert_int_eq(ta_capital_proposal_savings(NULL), 0);
    ck_assert_int_eq(ta_capital_proposal_whole_life_cost(NULL), -1);
    ck_assert_uint_eq(ta_capital_proposal_approver_count(NULL), 0);
    ck_assert_uint_eq(ta_capital_proposal_reason_count(NULL), 0);
    ck_assert_int_eq(ta_capital_proposal_split_flagged(NULL), 0);
}
END_TEST

/* A new proposal starts as "nothing known": an NHS trust, unknown distress
 * and deficit, funded from its own savings, and no whole-life cost (-1, not
 * a cost of 0, which a whole-life rule would take as the amount). */
/* Trust codes and scheme references are 1 to 64 printable ASCII bytes:
 * space (0x20) and '~' (0x7E) are in, 0x1F and DEL (0x7F) are out. */
START_TEST(proposal_names_are_printable_ascii)
{
    static const struct {
        const char *ref;
        ta_status want;
    } cases[] = {{"A B", TA_OK},       {" ", TA_OK},         {"~", TA_OK},
                 {"A\x1f", TA_EINVAL}, {"A\x7f", TA_EINVAL}, {"", TA_EINVAL}};
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        ta_capital_proposal *fresh = NULL;
        ck_assert_msg(ta_capital_proposal_new(&fresh, "RXX", cases[k].ref, NULL) == cases[k].want,
                      "case %zu", k);
        ck_assert_int_eq(fresh != NULL, cases[k].want == TA_OK);
        ta_capital_proposal_free(fresh);
    }
}
END_TEST

START_TEST(new_proposal_starts_with_nothing_known)
{
    ta_capital_proposal *fresh = NULL;
    ck_assert_int_eq(ta_capital_proposal_new(&fresh, "RXX", "S1", NULL), TA_OK);
    ck_assert_str_eq(ta_capital_proposal_scheme_name(fresh), "");
    ck_assert_int_eq(ta_capital_proposal_status(fresh), TA_NHS_TRUST);
    ck_assert_int_eq(ta_capital_proposal_distress(fresh), TA_UNKNOWN);
    ck_assert_int_eq(ta_capital_proposal_deficit(fresh), TA_UNKNOWN);
    ck_assert_int_eq(ta_capital_proposal_funding(fresh), TA_FUNDING_OWN_SAVINGS);
    ck_assert_int_eq(ta_capital_proposal_whole_life_cost(fresh), -1);
    ta_capital_proposal_free(fresh);
}
END_TEST

/* Rule: Savings_YYYY_YY columns are recognised for every digit, 0 included
 * (Savings_2008_09, Savings_2009_10), and counted from the scheme's date. */
START_TEST(savings_columns_with_a_zero_digit)
{
    const char *text = "Scheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available,"
                       "Date,Savings_2008_09,Savings_2009_10\n"
                       "A,RXX,Advanced foundation trust,£1m,Own savings,£0,2009-06-01,£3m,£4m\n";
    ta_capital_portfolio *pf = NULL;
    int64_t counted = -1;
    ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, text, strlen(text), "p.csv", 0), TA_OK);
    ck_assert_msg(ta_capital_portfolio_check(pf, r) == TA_OK, "%s", ta_capital_portfolio_error(pf));
    ck_assert_int_eq(
        ta_capital_proposal_savings_counted(&counted, ta_capital_portfolio_proposal(pf, 0)), TA_OK);
    ck_assert_int_eq(counted, M(7));
    ta_capital_portfolio_free(pf);
}
END_TEST

/* Rule: a rules row that stops before any of its three columns is "too few
 * fields", whichever column comes last in the header. */
START_TEST(rules_row_missing_its_last_column)
{
    static const char *const texts[3] = {
        "Parameter,Value,Source\nlight_threshold,£100m\n",
        "Source,Parameter,Value\nA1,light_threshold\n",
        "Value,Source,Parameter\n£100m,A1\n",
    };
    for (size_t k = 0; k < 3; k++) {
        ck_assert_int_eq(ta_capital_rules_read_buffer(r, texts[k], strlen(texts[k]), "r.csv"),
                         TA_EPARSE);
        ck_assert_str_eq(ta_capital_rules_error(r), "r.csv:2: the row has 2 fields, too few");
    }
}
END_TEST

/* Rule: a failed date conversion clears its out-parameter (0), never leaving
 * a stale day number behind. */
START_TEST(date_to_days_clears_on_failure)
{
    int32_t days = 12345;
    ck_assert_int_eq(ta_date_to_days(&days, D(2027, 2, 29)), TA_EINVAL);
    ck_assert_int_eq(days, 0);
}
END_TEST

/* Rule: a successful setter clears the error text of the last failed call. */
START_TEST(a_successful_setter_clears_the_error)
{
    ck_assert_int_eq(ta_capital_proposal_set_segment(p, 6), TA_ERANGE);
    ck_assert_str_ne(ta_capital_proposal_error(p), "");
    ck_assert_int_eq(ta_capital_proposal_set_segment(p, 5), TA_OK);
    ck_assert_str_eq(ta_capital_proposal_error(p), "");
}
END_TEST

/* Rule: a zero-sized buffer is never written (ta_money_format: "buf then
 * holds \"\" when size > 0"). */
START_TEST(money_format_leaves_a_zero_sized_buffer_alone)
{
    char b[4] = "xyz";
    ck_assert_int_eq(ta_money_format(b, 0, 1, TA_MONEY_PLAIN), TA_ERANGE);
    ck_assert_str_eq(b, "xyz");
    ck_assert_int_eq(ta_money_format(b, 1, 1, TA_MONEY_PLAIN), TA_ERANGE);
    ck_assert_str_eq(b, "");
}
END_TEST

/* Rule: Amount and Own_savings_available are required cells: an empty one is
 * a row error naming its column (VAT and Whole_life_cost may be empty). */
START_TEST(proposals_csv_required_amounts)
{
    static const struct {
        const char *text, *needle;
    } cases[] = {
        {"Scheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available\n"
         "A,RXX,Foundation trust,,Own savings,£2m\n",
         "p.csv:2:24: Amount \"\" is not an amount"},
        {"Scheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available\n"
         "A,RXX,Foundation trust,£1m,Own savings,\n",
         "p.csv:2:41: Own_savings_available \"\" is not an amount"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        ta_capital_portfolio *pf = NULL;
        const char *msg = NULL;
        ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
        ck_assert_int_eq(
            ta_capital_portfolio_read_buffer(pf, cases[k].text, strlen(cases[k].text), "p.csv", 0),
            TA_EPARSE);
        ck_assert_uint_eq(ta_capital_portfolio_row_error_count(pf), 1);
        ck_assert_ptr_nonnull(msg = ta_capital_portfolio_row_error_message(pf, 0));
        ck_assert_msg(strstr(msg, cases[k].needle), "case %zu: %s", k, msg);
        ta_capital_portfolio_free(pf);
    }
}
END_TEST

/* Rule: a blank VAT cell is no VAT (0 pence), as is a file without the
 * column; a VAT given is read to the penny. */
START_TEST(proposals_csv_blank_vat_is_none)
{
    static const char text[] =
        "Scheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available,VAT\n"
        "A,RXX,Foundation trust,£1m,Own savings,£2m,\n"
        "B,RXX,Foundation trust,£1m,Own savings,£2m,£5.01\n";
    ta_capital_portfolio *pf = NULL;
    ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, text, strlen(text), "p.csv", 0), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_vat(ta_capital_portfolio_proposal(pf, 0)), 0);
    ck_assert_int_eq(ta_capital_proposal_vat(ta_capital_portfolio_proposal(pf, 1)), 501);
    ta_capital_portfolio_free(pf);
}
END_TEST

/* Rule: the light route's savings test applies only when the rule set asks
 * for it (TA_CP_LIGHT_NEEDS_SAVINGS): off, no "light.savings" reason is
 * given, and every reason that is given has a sentence. */
START_TEST(light_savings_reason_only_when_required)
{
    ck_assert_int_eq(ta_capital_proposal_set_distress(p, TA_NO), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_segment(p, 1), TA_OK);
    ck_assert_int_eq(route(), TA_ROUTE_LIGHT);
    ck_assert_ptr_nonnull(strstr(reason_of("light.savings"), "Savings available of"));
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_LIGHT_NEEDS_SAVINGS, 0, "test"), TA_OK);
    ck_assert_int_eq(route(), TA_ROUTE_LIGHT);
    ck_assert_ptr_null(reason_of("light.savings"));
    ck_assert_uint_gt(ta_capital_proposal_reason_count(p), 0);
    for (size_t i = 0; i < ta_capital_proposal_reason_count(p); i++) {
        const char *id, *sentence;
        ck_assert_int_eq(ta_capital_proposal_reason(&id, &sentence, p, i), TA_OK);
        ck_assert_msg(*sentence != '\0', "reason %s has no sentence", id);
    }
}
END_TEST

/* Rule: a negative whole-life cost removes it (reads as -1, "none", not 0),
 * and the portfolio's column and cell getters refuse an index at the count. */
START_TEST(whole_life_removed_and_portfolio_indices_at_the_count)
{
    ta_capital_portfolio *pf;
    size_t cols;
    ck_assert_int_eq(ta_capital_proposal_set_whole_life_cost(p, M(5)), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_whole_life_cost(p), M(5));
    ck_assert_int_eq(ta_capital_proposal_set_whole_life_cost(p, -5), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_whole_life_cost(p), -1);
    ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, csv, strlen(csv), "p.csv", 0), TA_OK);
    ck_assert_uint_eq(ta_capital_portfolio_count(pf), 3);
    cols = ta_capital_portfolio_column_count(pf);
    ck_assert_uint_eq(cols, 11);
    ck_assert_str_eq(ta_capital_portfolio_column_name(pf, cols - 1), "Savings_2026_27");
    ck_assert_ptr_null(ta_capital_portfolio_column_name(pf, cols));
    ck_assert_str_eq(ta_capital_portfolio_cell(pf, 2, 0), "C");
    ck_assert_ptr_null(ta_capital_portfolio_cell(pf, 3, 0));
    ck_assert_ptr_null(ta_capital_portfolio_cell(pf, 0, cols));
    ck_assert_ptr_null(ta_capital_portfolio_cell(NULL, 0, 0));
    ta_capital_portfolio_free(pf);
}
END_TEST

/* Rule: a proposal's output before a check is NULL, and the error says why
 * (the proposal has not been checked since it changed). */
START_TEST(output_before_a_check_names_the_reason)
{
    ck_assert_str_eq(ta_capital_proposal_error(p), "");
    ck_assert_ptr_null(ta_capital_proposal_output(p, TA_OUT_ROUTE));
    ck_assert_str_eq(ta_capital_proposal_error(p),
                     "proposal RXX/S1 has not been checked since it changed");
}
END_TEST

/* Rule: a year of savings is a financial year 1 to 9998: 0 and 9999 are
 * refused, 1 and 9998 taken (and counted for a scheme dated in them). */
START_TEST(year_savings_years_1_to_9998)
{
    int64_t counted = -1;
    ck_assert_int_eq(ta_capital_proposal_set_year_savings(p, 0, M(1)), TA_EINVAL);
    ck_assert_int_eq(ta_capital_proposal_set_year_savings(p, 9999, M(1)), TA_EINVAL);
    ck_assert_int_eq(ta_capital_proposal_set_year_savings(p, 1, M(3)), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_date(p, D(1, 6, 1)), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_check(p, r), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_savings_counted(&counted, p), TA_OK);
    ck_assert_int_eq(counted, M(3));
    /* Zero is an amount saved (counted instead of the stated figure), not a removal. */
    ck_assert_int_eq(ta_capital_proposal_set_year_savings(p, 1, 0), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_check(p, r), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_savings_counted(&counted, p), TA_OK);
    ck_assert_int_eq(counted, 0);
    ck_assert_int_eq(ta_capital_proposal_set_year_savings(p, 9998, M(4)), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_date(p, D(9999, 1, 1)), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_check(p, r), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_savings_counted(&counted, p), TA_OK);
    ck_assert_int_eq(counted, M(4));
}
END_TEST

/* Rule: a header Savings_YYYY_YY names the savings of the financial year
 * YYYY (1 to 9998) when the second year follows the first; any other header
 * (a non-digit, a year out of range, a year that does not follow) is an
 * extra column, kept as text. A Savings_ column's cell "x" is a row error,
 * an extra column's is not. */
START_TEST(savings_column_headers)
{
    static const struct {
        const char *header;
        int is_year;
    } cases[] = {
        {"Savings_2025_26", 1}, {"SAVINGS_2025_26", 1}, {"Savings_0001_02", 1},
        {"Savings_9998_99", 1}, {"Savings_1999_00", 1}, {"Savings_2090_91", 1},
        {"Savings_2098_99", 1}, {"Savings_0000_01", 0}, {"Savings_9999_00", 0},
        {"Savings_2025_27", 0}, {"Savings_2025-26", 0}, {"Savings_2025_260", 0},
        {"Savings_2025_2", 0},  {"Savingsx2025_26", 0}, {"Savings_202:_31", 0},
        {"Savings_202/_20", 0}, {"Savings_2039_3:", 0}, {"Savings_2028_3/", 0},
        {"Savings_2087_:$", 0}, {"Savings_2090_/:", 0},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        ta_capital_portfolio *pf = NULL;
        char text[256];
        snprintf(text, sizeof text,
                 "Scheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available,%s\n"
                 "A,RXX,Foundation trust,£1m,Own savings,£2m,x\n",
                 cases[k].header);
        ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
        ck_assert_msg(ta_capital_portfolio_read_buffer(pf, text, strlen(text), "p.csv", 0) ==
                          (cases[k].is_year ? TA_EPARSE : TA_OK),
                      "%s: %s", cases[k].header, ta_capital_portfolio_error(pf));
        ck_assert_uint_eq(ta_capital_portfolio_count(pf), cases[k].is_year ? 0 : 1);
        if (cases[k].is_year)
            ck_assert_ptr_nonnull(
                strstr(ta_capital_portfolio_error(pf), "is not an amount of savings"));
        else
            ck_assert_str_eq(ta_capital_portfolio_cell(pf, 0, 6), "x");
        ta_capital_portfolio_free(pf);
    }
}
END_TEST

/* Rule: NOF_segment is one digit 0 to 5 (0: not segmented), spaces around it
 * allowed, empty meaning 0; "/", "6", "-1" and "12" are row errors. A blank
 * Whole_life_cost is "not given" (-1), and the flag columns take yes, no or
 * empty (spaces only included), any ASCII case, each into its own field. */
START_TEST(proposals_csv_segment_and_blank_cells)
{
    static const struct {
        const char *cells;
        int segment;   /* -1: a row error */
        int64_t whole; /* as read */
        ta_tristate distress, deficit;
    } cases[] = {
        {"0,,,", 0, -1, TA_UNKNOWN, TA_UNKNOWN},  {" 5 ,£3m,YES,No", 5, M(3), TA_YES, TA_NO},
        {",  ,no,yes", 0, -1, TA_NO, TA_YES},     {"\t3\t,,,yes", 3, -1, TA_UNKNOWN, TA_YES},
        {"1,,  ,no", 1, -1, TA_UNKNOWN, TA_NO},   {"/,,,", -1, 0, TA_UNKNOWN, TA_UNKNOWN},
        {"6,,,", -1, 0, TA_UNKNOWN, TA_UNKNOWN},  {"-1,,,", -1, 0, TA_UNKNOWN, TA_UNKNOWN},
        {"12,,,", -1, 0, TA_UNKNOWN, TA_UNKNOWN},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        ta_capital_portfolio *pf = NULL;
        char text[256];
        snprintf(text, sizeof text,
                 "Scheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available,"
                 "NOF_segment,Whole_life_cost,Financial_distress,Financial_deficit\n"
                 "A,RXX,Foundation trust,£1m,Own savings,£2m,%s\n",
                 cases[k].cells);
        ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
        ta_status st = ta_capital_portfolio_read_buffer(pf, text, strlen(text), "p.csv", 0);
        if (cases[k].segment < 0) {
            ck_assert_msg(st == TA_EPARSE, "case %zu", k);
            ck_assert_msg(strstr(ta_capital_portfolio_error(pf), "p.csv:2:46: NOF_segment \""),
                          "case %zu: %s", k, ta_capital_portfolio_error(pf));
        } else {
            const ta_capital_proposal *q;
            ck_assert_msg(st == TA_OK, "case %zu: %s", k, ta_capital_portfolio_error(pf));
            q = ta_capital_portfolio_proposal(pf, 0);
            ck_assert_int_eq(ta_capital_proposal_segment(q), cases[k].segment);
            ck_assert_int_eq(ta_capital_proposal_whole_life_cost(q), cases[k].whole);
            ck_assert_int_eq(ta_capital_proposal_distress(q), cases[k].distress);
            ck_assert_int_eq(ta_capital_proposal_deficit(q), cases[k].deficit);
        }
        ta_capital_portfolio_free(pf);
    }
}
END_TEST

/* Rule: a tier that needs no document reads "none", in the documents output
 * and in the documents sentence; the reasons output is every reason as
 * "rule: sentence", in order, joined by " | ". */
START_TEST(documents_none_and_the_reasons_output)
{
    char joined[4096] = "";
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_DOCS_LIGHT, 0, "test"), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_distress(p, TA_NO), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_segment(p, 1), TA_OK);
    ck_assert_int_eq(route(), TA_ROUTE_LIGHT);
    ck_assert_str_eq(ta_capital_proposal_output(p, TA_OUT_DOCUMENTS), "none");
    ck_assert_str_eq(reason_of("documents"), "Documents for the light route: none (test).");
    ck_assert_uint_ge(ta_capital_proposal_reason_count(p), 3);
    for (size_t i = 0; i < ta_capital_proposal_reason_count(p); i++) {
        const char *id, *sentence;
        ck_assert_int_eq(ta_capital_proposal_reason(&id, &sentence, p, i), TA_OK);
        if (i > 0)
            strcat(joined, " | ");
        strcat(joined, id);
        strcat(joined, ": ");
        strcat(joined, sentence);
    }
    ck_assert_str_eq(ta_capital_proposal_output(p, TA_OUT_REASONS), joined);
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_DOCS_LIGHT, TA_DOC_SOC | TA_DOC_BJC, "test"),
                     TA_OK);
    (void)route();
    ck_assert_str_eq(ta_capital_proposal_output(p, TA_OUT_DOCUMENTS), "SOC; BJC");
    ck_assert_str_eq(reason_of("documents"), "Documents for the light route: SOC, BJC (test).");
}
END_TEST

/* Rule: with whole-life cost compared, a whole-life cost of zero is given (it
 * is compared, and no "not given" sentence follows); none given (-1) means the
 * capital cost is compared, with a sentence saying so. The basis and the VAT
 * rule name their source once when it is the same, both when they differ. */
START_TEST(whole_life_zero_is_given_and_sources_named_once)
{
    size_t basis = 0;
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_WHOLE_LIFE, 1, "src"), TA_OK);
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_VAT_INCLUDED, 0, "src"), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_whole_life_cost(p, 0), TA_OK);
    (void)route();
    for (size_t i = 0; i < ta_capital_proposal_reason_count(p); i++) {
        const char *id;
        ck_assert_int_eq(ta_capital_proposal_reason(&id, NULL, p, i), TA_OK);
        basis += strcmp(id, "amount.basis") == 0;
    }
    ck_assert_uint_eq(basis, 1);
    ck_assert_str_eq(reason_of("amount.basis"),
                     "The amount compared is £0.00: whole-life cost of £0.00, VAT not counted "
                     "(src).");
    ck_assert_int_eq(ta_capital_proposal_set_whole_life_cost(p, -1), TA_OK);
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_VAT_INCLUDED, 0, "other"), TA_OK);
    (void)route();
    ck_assert_str_eq(reason_of("amount.basis"),
                     "No whole-life cost was given, so the capital cost is compared.");
    {
        const char *id, *first;
        ck_assert_int_eq(ta_capital_proposal_reason(&id, &first, p, 0), TA_OK);
        ck_assert_str_eq(id, "amount.basis");
        ck_assert_str_eq(first, "The amount compared is £90,000,000.00: capital cost of "
                                "£90,000,000.00, VAT not counted (src; other).");
    }
}
END_TEST

/* Rule: the register's sentence belongs to the status it gave: setting the
 * status by hand afterwards removes it from the reasons. */
START_TEST(register_sentence_goes_with_a_status_set_by_hand)
{
    ta_register *reg = NULL;
    ck_assert_int_eq(ta_register_new(&reg, NULL), TA_OK);
    ck_assert_int_eq(ta_register_read_buffer(reg, life, strlen(life), "life"), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_date(p, D(2026, 5, 1)), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_apply_register(p, reg), TA_OK);
    (void)route();
    ck_assert_ptr_nonnull(strstr(reason_of("status.register"), "On 2026-05-01 the register"));
    ck_assert_int_eq(ta_capital_proposal_set_status(p, TA_FOUNDATION_TRUST), TA_OK);
    (void)route();
    ck_assert_ptr_null(reason_of("status.register"));
    ta_register_free(reg);
}
END_TEST

/* Rule: parts of one scheme share both the trust code and the scheme
 * reference, compared whole: RXA/S1, RXB/S1, RXA/S2, RXA/BS1 and RXAB/S1 are
 * five schemes, each light on its own £60m. */
START_TEST(parts_share_trust_and_scheme_exactly)
{
    static const char *const keys[][2] = {
        {"RXA", "S1"}, {"RXB", "S1"}, {"RXA", "S2"}, {"RXA", "BS1"}, {"RXAB", "S1"}};
    ta_capital_portfolio *pf = NULL;
    ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
    for (size_t k = 0; k < 5; k++) {
        ta_capital_proposal *q = NULL;
        ck_assert_int_eq(ta_capital_portfolio_add(&q, pf, keys[k][0], keys[k][1]), TA_OK);
        ck_assert_int_eq(ta_capital_proposal_set_status(q, TA_ADVANCED_FOUNDATION_TRUST), TA_OK);
        ck_assert_int_eq(ta_capital_proposal_set_amount(q, M(60)), TA_OK);
        ck_assert_int_eq(ta_capital_proposal_set_savings(q, M(200)), TA_OK);
        ck_assert_int_eq(ta_capital_proposal_set_distress(q, TA_NO), TA_OK);
        ck_assert_int_eq(ta_capital_proposal_set_segment(q, 1), TA_OK);
    }
    ck_assert_msg(ta_capital_portfolio_check(pf, r) == TA_OK, "%s", ta_capital_portfolio_error(pf));
    for (size_t k = 0; k < 5; k++) {
        ta_capital_route rt;
        const ta_capital_proposal *q = ta_capital_portfolio_proposal(pf, k);
        ck_assert_int_eq(ta_capital_proposal_route(&rt, NULL, q), TA_OK);
        ck_assert_msg(rt == TA_ROUTE_LIGHT, "%s/%s", keys[k][0], keys[k][1]);
        ck_assert_ptr_null(strstr(ta_capital_proposal_output(q, TA_OUT_REASONS), "parts"));
        ck_assert_int_eq(ta_capital_proposal_split_flagged(q), 0);
    }
    ta_capital_portfolio_free(pf);
}
END_TEST

/* Rule: a portfolio's overflow errors name the row of a proposal read from
 * text ("p.csv:3: ") and nothing for one added through the API, even after
 * rows read from text. */
START_TEST(portfolio_overflow_errors_name_the_row_or_nothing)
{
    static const char big[] =
        "Scheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available\n"
        "S1,RXX,Foundation trust,£1m,Own savings,£2m\n"
        "S2,RXX,Foundation trust,\"£50,000,000,000,000,000.00\",Own savings,£2m\n"
        "S2,RXX,Foundation trust,\"£50,000,000,000,000,000.01\",Own savings,£2m\n";
    const int64_t half = INT64_MAX / 2 + 1;
    ta_capital_portfolio *pf = NULL;
    ta_capital_proposal *q = NULL;
    ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, big, strlen(big), "p.csv", 0), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_check(pf, r), TA_ERANGE);
    ck_assert_str_eq(ta_capital_portfolio_error(pf),
                     "p.csv:4: the parts of scheme S2 of trust RXX total more than 64-bit pence");
    ta_capital_portfolio_free(pf);
    { /* A file name too long for the row's place (320 bytes with its ":line") is cut, and the
       * line is kept: 317 bytes of name, ':', one digit and the NUL. */
        char name[400];
        const char *msg;
        memset(name, 'n', sizeof name - 1);
        name[sizeof name - 1] = '\0';
        ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
        ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, big, strlen(big), name, 0), TA_OK);
        ck_assert_int_eq(ta_capital_portfolio_check(pf, r), TA_ERANGE);
        msg = ta_capital_portfolio_error(pf);
        ck_assert_uint_eq(strspn(msg, "n"), 317);
        ck_assert_str_eq(msg + 317,
                         ":4: the parts of scheme S2 of trust RXX total more than 64-bit pence");
        ta_capital_portfolio_free(pf);
    }

    ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, big, 118, "p.csv", 0), TA_OK);
    ck_assert_uint_eq(ta_capital_portfolio_count(pf), 1);
    ck_assert_uint_eq(ta_capital_portfolio_line(pf, 0), 2);
    ck_assert_uint_eq(ta_capital_portfolio_line(pf, 1), 0);
    for (int k = 0; k < 2; k++) {
        ck_assert_int_eq(ta_capital_portfolio_add(&q, pf, "RYY", "S9"), TA_OK);
        ck_assert_int_eq(ta_capital_proposal_set_status(q, TA_FOUNDATION_TRUST), TA_OK);
        ck_assert_int_eq(ta_capital_proposal_set_amount(q, half), TA_OK);
    }
    /* An added proposal has no line and no cells, though the portfolio has columns. */
    ck_assert_uint_eq(ta_capital_portfolio_line(pf, 2), 0);
    ck_assert_uint_eq(ta_capital_portfolio_line(pf, 3), 0);
    ck_assert_str_eq(ta_capital_portfolio_cell(pf, 2, 0), "");
    ck_assert_str_eq(ta_capital_portfolio_cell(pf, 0, 0), "S1");
    ck_assert_int_eq(ta_capital_portfolio_check(pf, r), TA_ERANGE);
    ck_assert_str_eq(ta_capital_portfolio_error(pf),
                     "the parts of scheme S9 of trust RYY total more than 64-bit pence");
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_VAT_INCLUDED, 1, "test"), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_amount(q, INT64_MAX), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_vat(q, 1), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_check(pf, r), TA_ERANGE);
    ck_assert_str_eq(ta_capital_portfolio_error(pf),
                     "the amount of RYY/S9 plus its VAT overflows 64-bit pence");
    ta_capital_portfolio_free(pf);
}
END_TEST

/* Rule: the parts of a scheme may total exactly INT64_MAX pence, the largest
 * total 64 bits hold; one penny more is the overflow error. */
START_TEST(scheme_parts_may_total_exactly_int64_max)
{
    ta_capital_portfolio *pf = NULL;
    ta_capital_proposal *q = NULL;
    ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
    for (int k = 0; k < 2; k++) {
        ck_assert_int_eq(ta_capital_portfolio_add(&q, pf, "RYY", "S9"), TA_OK);
        ck_assert_int_eq(ta_capital_proposal_set_status(q, TA_FOUNDATION_TRUST), TA_OK);
        ck_assert_int_eq(ta_capital_proposal_set_amount(q, INT64_MAX / 2 + k), TA_OK);
    }
    ck_assert_int_eq(ta_capital_portfolio_check(pf, r), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_amount(q, INT64_MAX / 2 + 2), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_check(pf, r), TA_ERANGE);
    ck_assert_str_eq(ta_capital_portfolio_error(pf),
                     "the parts of scheme S9 of trust RYY total more than 64-bit pence");
    ta_capital_portfolio_free(pf);
}
END_TEST

/* Rule: removing a year of savings keeps every other year (the list is
 * compacted, not cut); savings_counted refuses a NULL out-pointer. */
START_TEST(removing_a_year_keeps_the_others)
{
    int64_t counted = -1;
    ck_assert_int_eq(ta_capital_proposal_set_year_savings(p, 2025, M(45)), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_year_savings(p, 2024, M(50)), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_year_savings(p, 2023, M(200)), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_year_savings(p, 2025, -1), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_date(p, D(2025, 1, 15)), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_check(p, r), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_savings_counted(NULL, p), TA_EINVAL);
    ck_assert_int_eq(ta_capital_proposal_savings_counted(&counted, p), TA_OK);
    ck_assert_int_eq(counted, M(250)); /* 2024/25 and 2023/24 */
    ck_assert_int_eq(ta_capital_proposal_set_year_savings(p, 2023, -1), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_check(p, r), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_savings_counted(&counted, p), TA_OK);
    ck_assert_int_eq(counted, M(50));
}
END_TEST

/* Rule: a second proposals file must have exactly the columns of the first:
 * one column fewer or one more, or a name written otherwise (the first
 * included), is TA_EINCONSISTENT, and nothing is added. */
START_TEST(a_second_file_needs_the_same_columns)
{
    static const char first[] =
        "Scheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available,Note\n"
        "S1,RXX,Foundation trust,£1m,Own savings,£2m,a\n";
    static const char same[] =
        "Scheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available,Note\n"
        "S4,RXX,Foundation trust,£1m,Own savings,£2m,d\n";
    static const char *const second[] = {
        "Scheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available\n"
        "S2,RXX,Foundation trust,£1m,Own savings,£2m\n",
        "Scheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available,Note,More\n"
        "S2,RXX,Foundation trust,£1m,Own savings,£2m,b,c\n",
        "Scheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available,note\n"
        "S2,RXX,Foundation trust,£1m,Own savings,£2m,b\n",
        /* the first column too is compared as written */
        "scheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available,Note\n"
        "S2,RXX,Foundation trust,£1m,Own savings,£2m,b\n",
    };
    for (size_t k = 0; k < sizeof second / sizeof second[0]; k++) {
        ta_capital_portfolio *pf = NULL;
        ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
        ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, first, strlen(first), "a.csv", 0),
                         TA_OK);
        ck_assert_int_eq(
            ta_capital_portfolio_read_buffer(pf, second[k], strlen(second[k]), "b.csv", 0),
            TA_EINCONSISTENT);
        ck_assert_str_eq(ta_capital_portfolio_error(pf),
                         "b.csv:1: the columns differ from those of the file read before");
        ck_assert_uint_eq(ta_capital_portfolio_count(pf), 1);
        ck_assert_uint_eq(ta_capital_portfolio_column_count(pf), 7);
        /* a header without a required column: refused, the first file's columns kept */
        ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, "Scheme_ref\nS3\n", 14, "c.csv", 0),
                         TA_EPARSE);
        ck_assert_str_eq(ta_capital_portfolio_error(pf),
                         "c.csv:1: missing required column Trust_code");
        ck_assert_uint_eq(ta_capital_portfolio_column_count(pf), 7);
        /* the same columns again: read, and the last error is cleared */
        ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, same, strlen(same), "d.csv", 0),
                         TA_OK);
        ck_assert_str_eq(ta_capital_portfolio_error(pf), "");
        ck_assert_uint_eq(ta_capital_portfolio_count(pf), 2);
        ck_assert_uint_eq(ta_capital_portfolio_column_count(pf), 7);
        ta_capital_portfolio_free(pf);
    }
}
END_TEST

/* Rule: each parameter's domain, at both edges (ta_capital_rules_set and the
 * rules file share one check): money >= 0, a segment limit >= -1 (none),
 * comparisons and yes/no 0 or 1, statuses and funding sets 0..7, documents
 * 0..15, a segment 0..5, years 0..50. */
START_TEST(rule_parameter_domains_at_their_edges)
{
    static const struct {
        ta_capital_param p;
        int64_t lo, hi; /* the smallest and largest values taken */
    } cases[] = {
        {TA_CP_LIGHT_THRESHOLD, 0, INT64_MAX},
        {TA_CP_LIMIT_SEGMENT_3, -1, INT64_MAX},
        {TA_CP_LIGHT_INCLUSIVE, 0, 1},
        {TA_CP_TIER_INCLUSIVE, 0, 1},
        {TA_CP_VAT_INCLUDED, 0, 1},
        {TA_CP_LIGHT_STATUSES, 0, 7},
        {TA_CP_LIGHT_FUNDING, 0, 7},
        {TA_CP_DOCS_HMT, 0, 15},
        {TA_CP_LIGHT_MAX_SEGMENT, 0, 5},
        {TA_CP_SAVINGS_YEARS, 0, 50},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        int64_t v = -7;
        const char *name = ta_capital_param_name(cases[k].p);
        ck_assert_msg(ta_capital_rules_set(r, cases[k].p, cases[k].lo, "t") == TA_OK, "%s lo",
                      name);
        ck_assert_int_eq(ta_capital_rules_get(&v, NULL, r, cases[k].p), TA_OK);
        ck_assert_int_eq(v, cases[k].lo);
        ck_assert_msg(ta_capital_rules_set(r, cases[k].p, cases[k].hi, "t") == TA_OK, "%s hi",
                      name);
        ck_assert_int_eq(ta_capital_rules_get(&v, NULL, r, cases[k].p), TA_OK);
        ck_assert_int_eq(v, cases[k].hi);
        ck_assert_msg(ta_capital_rules_set(r, cases[k].p, cases[k].lo - 1, "t") == TA_ERANGE,
                      "%s below", name);
        if (cases[k].hi < INT64_MAX)
            ck_assert_msg(ta_capital_rules_set(r, cases[k].p, cases[k].hi + 1, "t") == TA_ERANGE,
                          "%s above", name);
        ck_assert_int_eq(ta_capital_rules_get(&v, NULL, r, cases[k].p), TA_OK);
        ck_assert_int_eq(v, cases[k].hi);
    }
}
END_TEST

/* Rule: a parameter's text: an empty set reads "none", a set its names joined
 * by ';', a segment 0 "any", years as digits; the text fits a buffer of its
 * length plus one and no less (TA_ERANGE, buffer ""). Rules-file text for a
 * segment or years is one or two digits ("0" included). A source is 1 to 63
 * printable ASCII bytes. */
START_TEST(rule_texts_and_sources)
{
    char b[64], src[66];
    int64_t v = -1;
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_DOCS_LIGHT, 0, "t"), TA_OK);
    ck_assert_int_eq(ta_capital_rules_value_text(b, sizeof b, r, TA_CP_DOCS_LIGHT), TA_OK);
    ck_assert_str_eq(b, "none");
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_LIGHT_STATUSES, 0, "t"), TA_OK);
    ck_assert_int_eq(ta_capital_rules_value_text(b, sizeof b, r, TA_CP_LIGHT_STATUSES), TA_OK);
    ck_assert_str_eq(b, "none");
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_DOCS_LIGHT, TA_DOC_SOC | TA_DOC_BJC, "t"),
                     TA_OK);
    ck_assert_int_eq(ta_capital_rules_value_text(b, sizeof b, r, TA_CP_DOCS_LIGHT), TA_OK);
    ck_assert_str_eq(b, "SOC;BJC");
    ck_assert_int_eq(ta_capital_rules_value_text(b, 8, r, TA_CP_DOCS_LIGHT), TA_OK);
    ck_assert_int_eq(ta_capital_rules_value_text(b, 7, r, TA_CP_DOCS_LIGHT), TA_ERANGE);
    ck_assert_str_eq(b, "");
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_VAT_INCLUDED, 1, "t"), TA_OK);
    ck_assert_int_eq(ta_capital_rules_value_text(b, 4, r, TA_CP_VAT_INCLUDED), TA_OK);
    ck_assert_str_eq(b, "yes");
    ck_assert_int_eq(ta_capital_rules_value_text(b, 3, r, TA_CP_VAT_INCLUDED), TA_ERANGE);
    ck_assert_str_eq(b, "");

    ck_assert_int_eq(ta_capital_rules_set_text(r, "savings_years", "0", "t"), TA_OK);
    ck_assert_int_eq(ta_capital_rules_get(&v, NULL, r, TA_CP_SAVINGS_YEARS), TA_OK);
    ck_assert_int_eq(v, 0);
    ck_assert_int_eq(ta_capital_rules_value_text(b, sizeof b, r, TA_CP_SAVINGS_YEARS), TA_OK);
    ck_assert_str_eq(b, "0");
    ck_assert_int_eq(ta_capital_rules_set_text(r, "savings_years", "50", "t"), TA_OK);
    ck_assert_int_eq(ta_capital_rules_value_text(b, sizeof b, r, TA_CP_SAVINGS_YEARS), TA_OK);
    ck_assert_str_eq(b, "50");
    ck_assert_int_eq(ta_capital_rules_set_text(r, "light_max_segment", "0", "t"), TA_OK);
    ck_assert_int_eq(ta_capital_rules_value_text(b, sizeof b, r, TA_CP_LIGHT_MAX_SEGMENT), TA_OK);
    ck_assert_str_eq(b, "any");
    ck_assert_int_eq(ta_capital_rules_set_text(r, "light_max_segment", "005", "t"), TA_EPARSE);
    ck_assert_int_eq(ta_capital_rules_set_text(r, "savings_years", "010", "t"), TA_EPARSE);
    ck_assert_int_eq(ta_capital_rules_set_text(r, "savings_years", "/", "t"), TA_EPARSE);
    ck_assert_int_eq(ta_capital_rules_get(&v, NULL, r, TA_CP_SAVINGS_YEARS), TA_OK);
    ck_assert_int_eq(v, 50);

    memset(src, 'x', 63);
    src[63] = '\0';
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_VAT_INCLUDED, 0, src), TA_OK);
    src[63] = 'x';
    src[64] = '\0';
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_VAT_INCLUDED, 1, src), TA_EINVAL);
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_VAT_INCLUDED, 1, "a\tb"), TA_EINVAL);
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_VAT_INCLUDED, 1, "caf\xc3\xa9"), TA_EINVAL);
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_VAT_INCLUDED, 1, "a\x7f"), TA_EINVAL);
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_VAT_INCLUDED, 1, " ~"), TA_OK);
}
END_TEST

/* Rule: a NULL buffer with a length is refused (TA_EINVAL), even of one byte. */
START_TEST(proposals_null_buffer_of_one_byte)
{
    ta_capital_portfolio *pf = NULL;
    ck_assert_int_eq(ta_capital_portfolio_new(&pf, NULL), TA_OK);
    ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, NULL, 1, "p.csv", 0), TA_EINVAL);
    ck_assert_int_eq(ta_capital_portfolio_read_buffer(pf, NULL, 0, "p.csv", 0), TA_EPARSE);
    ck_assert_uint_eq(ta_capital_portfolio_count(pf), 0);
    ta_capital_portfolio_free(pf);
}
END_TEST

/* Rule: a register whose only event for the trust left its status unchanged
 * (nominated) gives the status with no "since" date. */
START_TEST(register_status_without_a_since_date)
{
    static const char nominated[] = "Trust_code,Date,Event\nRXX,2026-04-01,nominated\n";
    ta_register *reg = NULL;
    ck_assert_int_eq(ta_register_new(&reg, NULL), TA_OK);
    ck_assert_int_eq(ta_register_read_buffer(reg, nominated, strlen(nominated), "n"), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_date(p, D(2026, 5, 1)), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_apply_register(p, reg), TA_OK);
    (void)route();
    ck_assert_str_eq(reason_of("status.register"),
                     "On 2026-05-01 the register gives status NHS trust; the status given, "
                     "Advanced foundation trust, disagrees and is replaced.");
    ta_register_free(reg);
}
END_TEST

/* Rule: "savings since" is said only for savings given per financial year
 * with a date; a stated savings figure gets no such sentence. */
/* Rule: savings per year decide only with a scheme date (by_year): years
 * given without a date leave the stated figure counted, and the years count
 * from the moment a date is set. */
START_TEST(years_without_a_date_leave_the_stated_savings)
{
    int64_t counted = -1;
    ck_assert_int_eq(ta_capital_proposal_set_year_savings(p, 2024, M(50)), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_check(p, r), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_savings_counted(&counted, p), TA_OK);
    ck_assert_int_eq(counted, M(120));
    ck_assert_int_eq(ta_capital_proposal_set_date(p, D(2025, 1, 15)), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_check(p, r), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_savings_counted(&counted, p), TA_OK);
    ck_assert_int_eq(counted, M(50));
}
END_TEST

/* Rule: a status the light route does not admit is told whole: the status,
 * the statuses that may (the TA_CP_LIGHT_STATUSES text) and the source. */
START_TEST(light_status_refused_names_those_allowed)
{
    ck_assert_int_eq(ta_capital_proposal_set_status(p, TA_NHS_TRUST), TA_OK);
    ck_assert_int_eq(route(), TA_ROUTE_STANDARD);
    ck_assert_str_eq(reason_of("light.status"),
                     "A trust with status NHS trust may not take the light route; only Advanced "
                     "foundation trust may (A1).");
}
END_TEST

/* Rule: a successful check clears the error text of the last failed call,
 * whether a failed check or a getter asked before any check. */
START_TEST(a_successful_check_clears_the_error)
{
    ck_assert_int_eq(ta_capital_proposal_check(p, NULL), TA_EINVAL);
    ck_assert_str_eq(ta_capital_proposal_error(p), "capital rule set is NULL");
    ck_assert_int_eq(ta_capital_proposal_check(p, r), TA_OK);
    ck_assert_str_eq(ta_capital_proposal_error(p), "");
    ck_assert_int_eq(ta_capital_proposal_set_segment(p, 2), TA_OK);
    ck_assert_ptr_null(ta_capital_proposal_output(p, TA_OUT_ROUTE));
    ck_assert_str_ne(ta_capital_proposal_error(p), "");
    ck_assert_int_eq(ta_capital_proposal_check(p, r), TA_OK);
    ck_assert_str_eq(ta_capital_proposal_error(p), "");
}
END_TEST

START_TEST(savings_since_only_with_years)
{
    ck_assert_int_eq(ta_capital_proposal_set_distress(p, TA_NO), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_segment(p, 1), TA_OK);
    ck_assert_int_eq(route(), TA_ROUTE_LIGHT);
    ck_assert_ptr_null(reason_of("light.savings-since"));
    ck_assert_int_eq(ta_capital_proposal_set_year_savings(p, 2025, M(95)), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_date(p, D(2025, 6, 1)), TA_OK);
    (void)route();
    ck_assert_ptr_nonnull(reason_of("light.savings-since"));
}
END_TEST

/* Rule (check.c, light.segment): the segment sentence says "not known" for
 * segment 0 only, and names segment 1 as within the worst segment allowed. */
START_TEST(segment_sentence_for_unknown_and_segment_1)
{
    ck_assert_int_eq(route(), TA_ROUTE_LIGHT); /* segment 0: unknown, open by default */
    ck_assert_ptr_nonnull(strstr(reason_of("light.segment"),
                                 "The trust's NOF segment is not known, which does not close the "
                                 "light route (light_unknown_finances = no: "));
    ck_assert_int_eq(ta_capital_proposal_set_segment(p, 1), TA_OK);
    ck_assert_int_eq(route(), TA_ROUTE_LIGHT);
    ck_assert_ptr_nonnull(strstr(reason_of("light.segment"), "NOF segment 1 is within segment 2"));
}
END_TEST

/* Rule (check.c): a scheme on the light route has no delegated-limit and no
 * HM Treasury sentence; a standard one has both. */
START_TEST(light_route_names_no_standard_limits)
{
    ck_assert_int_eq(route(), TA_ROUTE_LIGHT);
    ck_assert_ptr_null(reason_of("standard.delegated-limit"));
    ck_assert_ptr_null(reason_of("standard.hmt"));
    ck_assert_ptr_nonnull(reason_of("light.route"));
    ck_assert_int_eq(ta_capital_proposal_set_distress(p, TA_YES), TA_OK);
    ck_assert_int_eq(route(), TA_ROUTE_STANDARD);
    ck_assert_ptr_nonnull(reason_of("standard.delegated-limit"));
    ck_assert_ptr_nonnull(reason_of("standard.hmt"));
    ck_assert_ptr_null(reason_of("light.route"));
}
END_TEST

/* Rule (check.c): a check that fails on an overflowing amount leaves no
 * verdict readable, also when only the rules changed since the last check
 * (VAT now counted), which no setter of the proposal saw. */
START_TEST(overflow_after_a_rules_change_forgets_the_verdict)
{
    ck_assert_int_eq(ta_capital_proposal_set_amount(p, INT64_MAX), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_vat(p, 1), TA_OK);
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_VAT_INCLUDED, 0, "test"), TA_OK);
    ck_assert_int_eq(route(), TA_ROUTE_STANDARD);
    ck_assert_ptr_nonnull(ta_capital_proposal_output(p, TA_OUT_ROUTE));
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_VAT_INCLUDED, 1, "test"), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_check(p, r), TA_ERANGE);
    ck_assert_int_eq(ta_capital_proposal_route(NULL, NULL, p), TA_ESTATE);
    ck_assert_ptr_null(ta_capital_proposal_output(p, TA_OUT_ROUTE));
    ck_assert_uint_eq(ta_capital_proposal_reason_count(p), 0);
}
END_TEST

/* Rule (rule_set.c): a rules-file value is read without the blanks around
 * it: " 3 " is 3 years; a value of blanks only is empty, so an optional
 * amount of "  " or a tab is none (-1), not a malformed amount. */
START_TEST(rule_values_read_without_surrounding_blanks)
{
    int64_t v = 0;
    ck_assert_int_eq(ta_capital_rules_set_text(r, "savings_years", " 3 ", "x"), TA_OK);
    ck_assert_int_eq(ta_capital_rules_get(&v, NULL, r, TA_CP_SAVINGS_YEARS), TA_OK);
    ck_assert_int_eq(v, 3);
    ck_assert_int_eq(ta_capital_rules_set_text(r, "limit_segment_1", "\t12 ", "x"), TA_OK);
    ck_assert_int_eq(ta_capital_rules_get(&v, NULL, r, TA_CP_LIMIT_SEGMENT_1), TA_OK);
    ck_assert_int_eq(v, 1200);
    ck_assert_int_eq(ta_capital_rules_set_text(r, "limit_segment_1", "  ", "x"), TA_OK);
    ck_assert_int_eq(ta_capital_rules_get(&v, NULL, r, TA_CP_LIMIT_SEGMENT_1), TA_OK);
    ck_assert_int_eq(v, -1);
    ck_assert_int_eq(ta_capital_rules_set_text(r, "limit_segment_2", "\t", "x"), TA_OK);
    ck_assert_int_eq(ta_capital_rules_get(&v, NULL, r, TA_CP_LIMIT_SEGMENT_2), TA_OK);
    ck_assert_int_eq(v, -1);
}
END_TEST

/* Rule (rule_set.c): a parameter's value as text at its edges: an optional
 * amount of 0 is "£0.00" (only -1 is "none"); 10 years is "10"; a buffer of
 * one byte holds no value (TA_ERANGE, left empty) but is a buffer, a size of
 * 0 is not (TA_EINVAL), nor is a NULL buffer; value text and get refuse a
 * NULL rule set and an unknown parameter, writing nothing. */
START_TEST(rule_value_text_at_its_edges)
{
    char text[32];
    int64_t v = 7;
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_LIMIT_SEGMENT_1, 0, "x"), TA_OK);
    ck_assert_int_eq(ta_capital_rules_value_text(text, sizeof text, r, TA_CP_LIMIT_SEGMENT_1),
                     TA_OK);
    ck_assert_str_eq(text, "£0.00");
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_SAVINGS_YEARS, 10, "x"), TA_OK);
    ck_assert_int_eq(ta_capital_rules_value_text(text, sizeof text, r, TA_CP_SAVINGS_YEARS), TA_OK);
    ck_assert_str_eq(text, "10");
    ck_assert_int_eq(ta_capital_rules_set(r, TA_CP_SAVINGS_YEARS, 9, "x"), TA_OK);
    ck_assert_int_eq(ta_capital_rules_value_text(text, sizeof text, r, TA_CP_SAVINGS_YEARS), TA_OK);
    ck_assert_str_eq(text, "9");
    text[0] = 'x';
    ck_assert_int_eq(ta_capital_rules_value_text(text, 1, r, TA_CP_VAT_INCLUDED), TA_ERANGE);
    ck_assert_int_eq(text[0], '\0');
    ck_assert_int_eq(ta_capital_rules_value_text(text, 0, r, TA_CP_VAT_INCLUDED), TA_EINVAL);
    text[0] = 'x';
    ck_assert_int_eq(ta_capital_rules_value_text(text, sizeof text, NULL, TA_CP_VAT_INCLUDED),
                     TA_EINVAL);
    ck_assert_int_eq(
        ta_capital_rules_value_text(text, sizeof text, r, (ta_capital_param)TA_CAPITAL_PARAM_COUNT),
        TA_EINVAL);
    ck_assert_int_eq(text[0], 'x');
    ck_assert_int_eq(ta_capital_rules_value_text(NULL, sizeof text, r, TA_CP_VAT_INCLUDED),
                     TA_EINVAL);
    ck_assert_int_eq(ta_capital_rules_get(&v, NULL, NULL, TA_CP_HMT_LIMIT), TA_EINVAL);
    ck_assert_int_eq(ta_capital_rules_get(&v, NULL, r, (ta_capital_param)TA_CAPITAL_PARAM_COUNT),
                     TA_EINVAL);
    ck_assert_int_eq(v, 7);
}
END_TEST

/* Rule (rule_set.c): a rules file skips a blank line (one empty field), but a
 * row of one field with text is a row with too few fields; no data (NULL, 0
 * bytes) is read as an empty text, like "" (no header), not refused as NULL. */
START_TEST(rules_file_blank_line_and_one_field_row)
{
    static const char blank[] = "Parameter,Value,Source\n\nsavings_years,4,A1\n\"\"\n";
    static const char one[] = "Parameter,Value,Source\nsavings_years\n";
    int64_t v = 0;
    ck_assert_int_eq(ta_capital_rules_read_buffer(r, blank, strlen(blank), "r.csv"), TA_OK);
    ck_assert_int_eq(ta_capital_rules_get(&v, NULL, r, TA_CP_SAVINGS_YEARS), TA_OK);
    ck_assert_int_eq(v, 4);
    ck_assert_int_eq(ta_capital_rules_read_buffer(r, one, strlen(one), "r.csv"), TA_EPARSE);
    ck_assert_str_eq(ta_capital_rules_error(r), "r.csv:2: the row has 1 fields, too few");
    ck_assert_int_eq(ta_capital_rules_read_buffer(r, "", 0, "r.csv"), TA_EPARSE);
    ck_assert_str_eq(ta_capital_rules_error(r), "r.csv: empty rules file (no header)");
    ck_assert_int_eq(ta_capital_rules_read_buffer(r, NULL, 0, "r.csv"), TA_EPARSE);
    ck_assert_str_eq(ta_capital_rules_error(r), "r.csv: empty rules file (no header)");
    ck_assert_int_eq(ta_capital_rules_read_buffer(r, NULL, 1, "r.csv"), TA_EINVAL);
}
END_TEST

/* Rule: removing a year that holds no savings changes nothing (the other
 * years all still count). */
START_TEST(removing_an_absent_year_keeps_the_others)
{
    int64_t counted = -1;
    ck_assert_int_eq(ta_capital_proposal_set_savings(p, 0), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_year_savings(p, 2024, M(50)), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_year_savings(p, 2025, M(45)), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_date(p, D(2026, 3, 31)), TA_OK);
    ck_assert_int_eq(ta_capital_proposal_set_year_savings(p, 2030, -1), TA_OK);
    ck_assert_int_eq(route(), TA_ROUTE_LIGHT);
    ck_assert_int_eq(ta_capital_proposal_savings_counted(&counted, p), TA_OK);
    ck_assert_int_eq(counted, M(95));
}
END_TEST

/* Rule: only the date 0-0-0 clears a scheme date; a date with any one part 0
 * is no date and is refused with its text, keeping the date set. */
START_TEST(a_date_with_one_part_zero_is_refused)
{
    static const int parts[][3] = {{0, 4, 1}, {2026, 0, 1}, {2026, 4, 0}, {0, 0, 1}, {0, 4, 0}};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        int has = 0;
        ta_date d;
        ck_assert_int_eq(ta_capital_proposal_set_date(p, D(2026, 4, 1)), TA_OK);
        ck_assert_int_eq(ta_capital_proposal_set_date(p, D(parts[i][0], parts[i][1], parts[i][2])),
                         TA_EINVAL);
        ck_assert_str_eq(ta_capital_proposal_error(p), "the scheme date is not a date");
        ck_assert_int_eq(ta_capital_proposal_date(&has, &d, p), TA_OK);
        ck_assert_int_eq(has, 1);
        ck_assert_int_eq(d.day, 1);
    }
}
END_TEST

/* Rule: a scheme name set by call is the proposal's name. */
START_TEST(scheme_name_set_by_call)
{
    ck_assert_int_eq(ta_capital_proposal_set_scheme_name(p, "New wing"), TA_OK);
    ck_assert_str_eq(ta_capital_proposal_scheme_name(p), "New wing");
    ck_assert_str_eq(ta_capital_proposal_error(p), "");
}
END_TEST

int main(void)
{
    Suite *su = suite_create("capital_finances");
    TCase *tc = tcase_create("core");
    SRunner *sr;
    int failed;
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, preset_parameters_and_sources);
    tcase_add_test(tc, distress_and_segment_close_the_light_route);
    tcase_add_test(tc, unknown_finances_parameter);
    tcase_add_test(tc, savings_since_last_year);
    tcase_add_test(tc, status_from_the_register);
    tcase_add_test(tc, proposals_csv_with_dates_and_register);
    tcase_add_test(tc, proposals_csv_columns_kept);
    tcase_add_test(tc, proposals_csv_errors);
    tcase_add_test(tc, delegated_limit_names_whose_limit);
    tcase_add_test(tc, a_segment_limit_of_zero_is_a_limit);
    tcase_add_test(tc, repeated_row_names_both_lines);
    tcase_add_test(tc, a_successful_setter_clears_the_error);
    tcase_add_test(tc, date_to_days_clears_on_failure);
    tcase_add_test(tc, rules_row_missing_its_last_column);
    tcase_add_test(tc, savings_columns_with_a_zero_digit);
    tcase_add_test(tc, getters_of_null_read_as_defaults);
    tcase_add_test(tc, new_proposal_starts_with_nothing_known);
    tcase_add_test(tc, proposal_names_are_printable_ascii);
    tcase_add_test(tc, rows_alike_only_when_every_cell_is);
    tcase_add_test(tc, amount_sentence_names_the_vat);
    tcase_add_test(tc, money_format_leaves_a_zero_sized_buffer_alone);
    tcase_add_test(tc, proposals_csv_required_amounts);
    tcase_add_test(tc, light_savings_reason_only_when_required);
    tcase_add_test(tc, whole_life_removed_and_portfolio_indices_at_the_count);
    tcase_add_test(tc, output_before_a_check_names_the_reason);
    tcase_add_test(tc, year_savings_years_1_to_9998);
    tcase_add_test(tc, savings_column_headers);
    tcase_add_test(tc, proposals_csv_segment_and_blank_cells);
    tcase_add_test(tc, documents_none_and_the_reasons_output);
    tcase_add_test(tc, whole_life_zero_is_given_and_sources_named_once);
    tcase_add_test(tc, register_sentence_goes_with_a_status_set_by_hand);
    tcase_add_test(tc, parts_share_trust_and_scheme_exactly);
    tcase_add_test(tc, portfolio_overflow_errors_name_the_row_or_nothing);
    tcase_add_test(tc, removing_a_year_keeps_the_others);
    tcase_add_test(tc, a_second_file_needs_the_same_columns);
    tcase_add_test(tc, rule_parameter_domains_at_their_edges);
    tcase_add_test(tc, rule_texts_and_sources);
    tcase_add_test(tc, proposals_null_buffer_of_one_byte);
    tcase_add_test(tc, register_status_without_a_since_date);
    tcase_add_test(tc, savings_since_only_with_years);
    tcase_add_test(tc, a_successful_check_clears_the_error);
    tcase_add_test(tc, light_status_refused_names_those_allowed);
    tcase_add_test(tc, years_without_a_date_leave_the_stated_savings);
    tcase_add_test(tc, register_status_is_not_a_status_given);
    tcase_add_test(tc, register_failure_of_a_proposal_made_by_calls);
    tcase_add_test(tc, segment_sentence_for_unknown_and_segment_1);
    tcase_add_test(tc, light_route_names_no_standard_limits);
    tcase_add_test(tc, overflow_after_a_rules_change_forgets_the_verdict);
    tcase_add_test(tc, rule_values_read_without_surrounding_blanks);
    tcase_add_test(tc, rule_value_text_at_its_edges);
    tcase_add_test(tc, rules_file_blank_line_and_one_field_row);
    tcase_add_test(tc, removing_an_absent_year_keeps_the_others);
    tcase_add_test(tc, a_date_with_one_part_zero_is_refused);
    tcase_add_test(tc, scheme_name_set_by_call);
    tcase_add_test(tc, scheme_parts_may_total_exactly_int64_max);
    tcase_add_test(tc, proposals_csv_blank_vat_is_none);
    suite_add_tcase(su, tc);
    sr = srunner_create(su);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
