/*
 * The rules' edges, one test per comparison a small slip would move: the
 * review schedule's due-date, trigger and ceasing comparisons (a trigger that
 * lands exactly on the regular due date, a trust that ceases exactly on its due
 * date or on today), the ranges of its parameters at both ends, the results it
 * discards whenever an input changes and the error text a successful call
 * clears; the quantile cut-offs of segmentation against a plain sort at every
 * population size (ties, the first and last order statistics, type 6 on one to
 * three values), nothing read or written outside the arrays; and the rank rule's tie, which needs
 * the same segment as well as the same rounded average.
 *
 * These pin rules that other suites exercise only away from their edges: each
 * assertion here fails when `<` becomes `<=` (or the like) in the rule it
 * names.
 */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc_fail.h"
#include "alloc_guard.h"
#include "trustassess/assessment.h"
#include "trustassess/review.h"
#include "trustassess/rules.h"

static ta_date D(int y, int m, int d)
{
    ta_date r = {y, m, d};
    return r;
}

static int ymd(ta_date d)
{
    return d.year * 10000 + d.month * 100 + d.day;
}

static ta_review_schedule *s;

static void setup(void)
{
    ck_assert_int_eq(ta_review_schedule_new(&s, NULL), TA_OK);
}

static void teardown(void)
{
    ta_review_schedule_free(s);
    s = NULL;
}

static size_t find(const char *code)
{
    size_t n = 0;
    n = ta_review_schedule_count(s);
    for (size_t i = 0; i < n; i++)
        if (strcmp(ta_review_schedule_code(s, i), code) == 0)
            return i;
    ck_abort_msg("no result for %s", code);
    return 0;
}

static void compute(void)
{
    ta_status st = ta_review_schedule_compute(s);
    ck_assert_msg(st == TA_OK, "compute: %s", ta_review_schedule_error(s));
}

static int due_of(const char *code)
{
    ta_date due;
    ck_assert_int_eq(ta_review_schedule_due(&due, NULL, s, find(code)), TA_OK);
    return ymd(due);
}

static ta_review_trigger trigger_of(const char *code)
{
    ta_review_trigger kind = TA_TRIGGER_NONE;
    ck_assert_int_eq(ta_review_schedule_trigger(&kind, NULL, s, find(code)), TA_OK);
    return kind;
}

/* ---- review schedule: due date and triggers --------------------------- */

/* Rule: a trigger brings a review forward only to a date strictly before the
 * regular due date. Authorised 1 April 2026, the regular due date is 1 April
 * 2031; a deficit in the quarter ending 31 December 2030 plus 91 days is that
 * same day, plus 90 days the day before. */
START_TEST(trigger_landing_on_the_regular_due_date_moves_nothing)
{
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RX1", "", D(2026, 4, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "RX1", D(2030, 12, 31), 2, TA_YES, TA_NO),
                     TA_OK);
    ck_assert_int_eq(ta_review_schedule_clear_triggers(s), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trigger(s, TA_TRIGGER_DEFICIT, 0, 0, 91), TA_OK);
    compute();
    ck_assert_int_eq(due_of("RX1"), 20310401);
    ck_assert_int_eq(trigger_of("RX1"), TA_TRIGGER_NONE);

    ck_assert_int_eq(ta_review_schedule_clear_triggers(s), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trigger(s, TA_TRIGGER_DEFICIT, 0, 0, 90), TA_OK);
    compute();
    ck_assert_int_eq(due_of("RX1"), 20310331);
    ck_assert_int_eq(trigger_of("RX1"), TA_TRIGGER_DEFICIT);
}
END_TEST

/* Rule: the segment trigger counts a quarter only when the segment is worse
 * (greater) than worse_than: equal is not worse. */
START_TEST(segment_equal_to_worse_than_does_not_fire)
{
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "EQ", "", D(2026, 4, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "GT", "", D(2026, 4, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "EQ", D(2027, 6, 30), 3, TA_NO, TA_NO),
                     TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "GT", D(2027, 6, 30), 4, TA_NO, TA_NO),
                     TA_OK);
    ck_assert_int_eq(ta_review_schedule_clear_triggers(s), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trigger(s, TA_TRIGGER_SEGMENT, 3, 1, 0), TA_OK);
    compute();
    ck_assert_int_eq(trigger_of("EQ"), TA_TRIGGER_NONE);
    ck_assert_int_eq(due_of("EQ"), 20310401);
    ck_assert_int_eq(trigger_of("GT"), TA_TRIGGER_SEGMENT);
    ck_assert_int_eq(due_of("GT"), 20270630);
}
END_TEST

/* Rule: only evidence after the authorisation (or last review) counts: a
 * quarter ending on the authorisation day itself does not. */
START_TEST(evidence_on_the_authorisation_day_does_not_count)
{
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "ON", "", D(2026, 6, 30)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "AFTER", "", D(2026, 6, 29)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "ON", D(2026, 6, 30), 2, TA_YES, TA_NO),
                     TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "AFTER", D(2026, 6, 30), 2, TA_YES, TA_NO),
                     TA_OK);
    ck_assert_int_eq(ta_review_schedule_clear_triggers(s), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trigger(s, TA_TRIGGER_DEFICIT, 0, 0, 10), TA_OK);
    compute();
    ck_assert_int_eq(trigger_of("ON"), TA_TRIGGER_NONE);
    ck_assert_int_eq(due_of("ON"), 20310630);
    ck_assert_int_eq(trigger_of("AFTER"), TA_TRIGGER_DEFICIT);
    ck_assert_int_eq(due_of("AFTER"), 20260710);
}
END_TEST

/* Rule: a trust that ceases on or before its due date, or on or before today,
 * is dropped; one that ceases the day after both is not. */
START_TEST(ceasing_exactly_on_the_due_date_or_today_drops_the_trust)
{
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "ONDUE", "", D(2026, 4, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "LATER", "", D(2026, 4, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_set_end(s, "ONDUE", D(2031, 4, 1), NULL), TA_OK);
    ck_assert_int_eq(ta_review_schedule_set_end(s, "LATER", D(2031, 4, 2), NULL), TA_OK);
    compute();
    ck_assert_int_eq(ta_review_schedule_dropped(s, find("ONDUE")), 1);
    ck_assert_int_eq(ta_review_schedule_dropped(s, find("LATER")), 0);

    ck_assert_int_eq(ta_review_schedule_set_today(s, D(2031, 4, 1)), TA_OK);
    compute();
    ck_assert_int_eq(ta_review_schedule_dropped(s, find("LATER")), 0);
    ck_assert_int_eq(ta_review_schedule_set_today(s, D(2031, 4, 2)), TA_OK);
    compute();
    ck_assert_int_eq(ta_review_schedule_dropped(s, find("LATER")), 1);
}
END_TEST

/* Rule: the RSP trigger fires on entry to the programme: the first quarter in
 * it after a quarter out of it (or none), not each quarter in it, and not a
 * quarter ending on the authorisation day. */
START_TEST(rsp_trigger_fires_on_entry)
{
    ta_date fired;
    ta_review_trigger kind;
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RSP", "", D(2026, 4, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "ONDAY", "", D(2026, 6, 30)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "RSP", D(2026, 6, 30), 4, TA_NO, TA_NO),
                     TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "RSP", D(2026, 9, 30), 5, TA_NO, TA_YES),
                     TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "RSP", D(2026, 12, 31), 5, TA_NO, TA_YES),
                     TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "RSP", D(2027, 3, 31), 4, TA_NO, TA_NO),
                     TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "ONDAY", D(2026, 6, 30), 5, TA_NO, TA_YES),
                     TA_OK);
    ck_assert_int_eq(ta_review_schedule_clear_triggers(s), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trigger(s, TA_TRIGGER_RSP, 0, 0, 30), TA_OK);
    compute();
    ck_assert_int_eq(ta_review_schedule_trigger(&kind, &fired, s, find("RSP")), TA_OK);
    ck_assert_int_eq(kind, TA_TRIGGER_RSP);
    ck_assert_int_eq(ymd(fired), 20260930);
    ck_assert_int_eq(due_of("RSP"), 20261030);
    ck_assert_int_eq(trigger_of("ONDAY"), TA_TRIGGER_NONE);
}
END_TEST

/* Rule: consecutive quarters run across a year end (December then March),
 * and a segment quarter ending on the authorisation day does not count. */
START_TEST(segment_run_crosses_the_year_end)
{
    ta_date fired;
    ta_review_trigger kind;
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "YE", "", D(2026, 4, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "ONDAY", "", D(2026, 6, 30)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "YE", D(2027, 12, 31), 4, TA_NO, TA_NO),
                     TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "YE", D(2028, 3, 31), 4, TA_NO, TA_NO),
                     TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "ONDAY", D(2026, 6, 30), 4, TA_NO, TA_NO),
                     TA_OK);
    ck_assert_int_eq(ta_review_schedule_clear_triggers(s), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trigger(s, TA_TRIGGER_SEGMENT, 2, 2, 0), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trigger(s, TA_TRIGGER_SEGMENT, 3, 1, 7), TA_OK);
    compute();
    ck_assert_int_eq(ta_review_schedule_trigger(&kind, &fired, s, find("YE")), TA_OK);
    ck_assert_int_eq(kind, TA_TRIGGER_SEGMENT);
    ck_assert_int_eq(ymd(fired), 20271231); /* the one-quarter trigger, 7 days later */
    ck_assert_int_eq(due_of("YE"), 20280107);
    ck_assert_int_eq(trigger_of("ONDAY"), TA_TRIGGER_NONE);
    ck_assert_int_eq(ta_review_schedule_clear_triggers(s), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trigger(s, TA_TRIGGER_SEGMENT, 2, 2, 0), TA_OK);
    compute();
    ck_assert_int_eq(due_of("YE"), 20280331);
}
END_TEST

/* Rule: clearing the triggers removes the default set: evidence that every
 * default trigger would act on moves nothing. */
START_TEST(cleared_triggers_fire_nothing)
{
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "ALL", "", D(2026, 4, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "ALL", D(2026, 6, 30), 4, TA_YES, TA_NO),
                     TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "ALL", D(2026, 9, 30), 5, TA_YES, TA_YES),
                     TA_OK);
    compute();
    ck_assert_int_ne(trigger_of("ALL"), TA_TRIGGER_NONE);
    ck_assert_int_eq(ta_review_schedule_clear_triggers(s), TA_OK);
    compute();
    ck_assert_int_eq(trigger_of("ALL"), TA_TRIGGER_NONE);
    ck_assert_int_eq(due_of("ALL"), 20310401);
}
END_TEST

/* Rule: results are ordered by due date, then code, dropped trusts last
 * whatever their due date. */
START_TEST(results_in_due_order_dropped_last)
{
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "LATE", "", D(2026, 9, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "GONE", "", D(2026, 1, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "B", "", D(2026, 5, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "A", "", D(2026, 5, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_set_end(s, "GONE", D(2027, 1, 1), NULL), TA_OK);
    compute();
    ck_assert_str_eq(ta_review_schedule_code(s, 0), "A");
    ck_assert_str_eq(ta_review_schedule_code(s, 1), "B");
    ck_assert_str_eq(ta_review_schedule_code(s, 2), "LATE");
    ck_assert_str_eq(ta_review_schedule_code(s, 3), "GONE");
}
END_TEST

/* Evidence is checked before it is kept: an unknown trust, an impossible or
 * mid-quarter date (named in the message), and each flag alone. */
START_TEST(evidence_arguments_checked_one_by_one)
{
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "EV", "", D(2026, 4, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "NOPE", D(2026, 6, 30), 1, TA_NO, TA_NO),
                     TA_ENOTFOUND);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "EV", D(2026, 6, 31), 1, TA_NO, TA_NO),
                     TA_EINVAL);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "EV", D(2026, 5, 31), 1, TA_NO, TA_NO),
                     TA_EINVAL);
    ck_assert_ptr_nonnull(strstr(ta_review_schedule_error(s), "2026-05-31"));
    ck_assert_int_eq(
        ta_review_schedule_add_evidence(s, "EV", D(2026, 6, 30), 1, (ta_tristate)7, TA_NO),
        TA_EINVAL);
    ck_assert_int_eq(
        ta_review_schedule_add_evidence(s, "EV", D(2026, 6, 30), 1, TA_NO, (ta_tristate)7),
        TA_EINVAL);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "EV", D(2026, 6, 30), 1, TA_NO, TA_NO),
                     TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "EV", D(2026, 6, 30), 2, TA_NO, TA_NO),
                     TA_EDUPLICATE);
}
END_TEST

/* ---- review schedule: parameter ranges at both ends ------------------- */

START_TEST(interval_years_one_to_one_hundred)
{
    ck_assert_int_eq(ta_review_schedule_set_interval_years(s, 0), TA_EINVAL);
    ck_assert_int_eq(ta_review_schedule_set_interval_years(s, 101), TA_EINVAL);
    ck_assert_int_eq(ta_review_schedule_set_interval_years(s, 100), TA_OK);
    ck_assert_int_eq(ta_review_schedule_set_interval_years(s, 1), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "Y1", "", D(2026, 4, 1)), TA_OK);
    compute();
    ck_assert_int_eq(due_of("Y1"), 20270401);
}
END_TEST

START_TEST(evidence_segment_zero_to_five)
{
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "SG", "", D(2026, 4, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "SG", D(2026, 6, 30), -1, TA_NO, TA_NO),
                     TA_EINVAL);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "SG", D(2026, 6, 30), 6, TA_NO, TA_NO),
                     TA_EINVAL);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "SG", D(2026, 6, 30), 0, TA_NO, TA_NO),
                     TA_OK); /* 0: unknown */
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "SG", D(2026, 9, 30), 5, TA_NO, TA_NO),
                     TA_OK);
}
END_TEST

START_TEST(trigger_parameter_ranges)
{
    ta_review_trigger seg = TA_TRIGGER_SEGMENT, def = TA_TRIGGER_DEFICIT;
    ck_assert_int_eq(ta_review_schedule_add_trigger(s, seg, 0, 1, 0), TA_EINVAL);
    ck_assert_int_eq(ta_review_schedule_add_trigger(s, seg, 5, 1, 0), TA_EINVAL);
    ck_assert_int_eq(ta_review_schedule_add_trigger(s, seg, 1, 1, 0), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trigger(s, seg, 4, 1, 0), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trigger(s, seg, 2, 0, 0), TA_EINVAL);
    ck_assert_int_eq(ta_review_schedule_add_trigger(s, seg, 2, 21, 0), TA_EINVAL);
    ck_assert_int_eq(ta_review_schedule_add_trigger(s, seg, 2, 20, 0), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trigger(s, def, 0, 0, -1), TA_EINVAL);
    ck_assert_int_eq(ta_review_schedule_add_trigger(s, def, 0, 0, 3661), TA_EINVAL);
    ck_assert_int_eq(ta_review_schedule_add_trigger(s, def, 0, 0, 3660), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trigger(s, def, 1, 0, 0), TA_EINVAL);
    ck_assert_int_eq(ta_review_schedule_add_trigger(s, def, 0, 1, 0), TA_EINVAL);
}
END_TEST

/* ---- review schedule: what a caller sees after each call --------------- */

/* Each call that changes an input discards the computed results: reading
 * them again is TA_ESTATE until the next compute. */
enum { N_CHANGES = 13 };

static ta_status change(int k)
{
    size_t added;
    switch (k) {
    case 0:
        return ta_review_schedule_set_interval_years(s, 4);
    case 1:
        return ta_review_schedule_set_feb29_rule(s, TA_FEB29_TO_MAR1);
    case 2:
        return ta_review_schedule_set_today(s, D(2027, 1, 4));
    case 3:
        return ta_review_schedule_holidays(s) ? TA_OK : TA_ENOMEM;
    case 4:
        return ta_review_schedule_add_trust(s, "NEW", "", D(2026, 5, 1));
    case 5:
        return ta_review_schedule_add_review(s, "CH", D(2027, 5, 5));
    case 6:
        return ta_review_schedule_set_end(s, "CH", D(2040, 1, 1), NULL);
    case 7:
        return ta_review_schedule_add_evidence(s, "CH", D(2026, 9, 30), 1, TA_NO, TA_NO);
    case 8:
        return ta_review_schedule_clear_triggers(s);
    case 9:
        return ta_review_schedule_add_trigger(s, TA_TRIGGER_RSP, 0, 0, 5);
    case 10:
        return ta_review_schedule_add_sitting(s, D(2031, 3, 4));
    case 11:
        return ta_review_schedule_add_sittings_weekly(&added, s, D(2031, 3, 9), D(2031, 3, 13),
                                                      TA_WEEKDAY_BIT(TA_TUESDAY));
    default:
        return ta_review_schedule_set_capacity(s, 2);
    }
}

START_TEST(every_change_discards_the_results)
{
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "CH", "", D(2026, 4, 1)), TA_OK);
    for (int k = 0; k < N_CHANGES; k++) {
        compute();
        ck_assert_uint_gt(ta_review_schedule_count(s), 0);
        ck_assert_int_eq(change(k), TA_OK);
        ck_assert_msg(ta_review_schedule_count(s) == 0 &&
                          ta_review_schedule_due(&(ta_date){0}, NULL, s, 0) == TA_ESTATE,
                      "change %d left stale results readable", k);
    }
}
END_TEST

/* A successful call leaves no error text from an earlier failure. */
/* Rule: a review that would fall due after 9999-12-31 is TA_ERANGE, naming
 * the trust, and its file, line and column when it was read from text. */
START_TEST(a_due_date_after_9999_names_where_the_trust_came_from)
{
    static const char text[] = "Trust_code,Trust_name,Authorised_on,Last_reviewed_on\n"
                               "RLATE,Late,2000-01-01,9996-01-01\n";
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RCALL", "", D(9995, 6, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_ERANGE);
    ck_assert_str_eq(ta_review_schedule_error(s), "trust RCALL: the review falls due after 9999");
    teardown();
    setup();
    ck_assert_int_eq(ta_review_schedule_read_buffer(s, text, sizeof text - 1, "T.csv"), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_ERANGE);
    ck_assert_str_eq(ta_review_schedule_error(s),
                     "T.csv:2:23: trust RLATE: the review falls due after 9999");
    /* A review on the authorisation day: the clock runs from the
     * authorisation, and its cell is the one named. */
    teardown();
    setup();
    {
        static const char same[] = "Trust_code,Trust_name,Authorised_on,Last_reviewed_on\n"
                                   "RSAME,Same,9996-01-01,9996-01-01\n";
        ck_assert_int_eq(ta_review_schedule_read_buffer(s, same, sizeof same - 1, "T.csv"), TA_OK);
        ck_assert_int_eq(ta_review_schedule_compute(s), TA_ERANGE);
        ck_assert_str_eq(ta_review_schedule_error(s),
                         "T.csv:2:12: trust RSAME: the review falls due after 9999");
    }
}
END_TEST

/* Rule: an export checks each of its out-pointers on its own, and clears
 * the other. */
START_TEST(export_checks_each_out_pointer)
{
    const char *text = "x";
    size_t len = 7;
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RA", "", D(2020, 1, 1)), TA_OK);
    compute();
    ck_assert_int_eq(ta_review_schedule_to_csv(&text, NULL, s), TA_EINVAL);
    ck_assert_ptr_null(text);
    ck_assert_str_eq(ta_review_schedule_error(s), "text or len is NULL");
    ck_assert_int_eq(ta_review_schedule_to_csv(NULL, &len, s), TA_EINVAL);
    ck_assert_uint_eq(len, 0);
    ck_assert_int_eq(ta_review_schedule_to_csv(&text, &len, s), TA_OK);
    ck_assert_uint_eq(strlen(text), len);
}
END_TEST

START_TEST(a_successful_call_clears_the_error)
{
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "CH", "", D(2026, 4, 1)), TA_OK);
    for (int k = 0; k < N_CHANGES; k++) {
        ck_assert_int_eq(ta_review_schedule_set_interval_years(s, 0), TA_EINVAL);
        ck_assert_str_ne(ta_review_schedule_error(s), "");
        if (k == 3) /* the holiday accessor sets no error; compute does */
            compute();
        else
            ck_assert_int_eq(change(k), TA_OK);
        ck_assert_msg(strcmp(ta_review_schedule_error(s), "") == 0,
                      "change %d kept the error \"%s\"", k, ta_review_schedule_error(s));
    }
    ck_assert_int_eq(ta_review_schedule_set_today(s, D(2027, 2, 30)), TA_EINVAL);
    ck_assert_int_eq(ta_review_schedule_set_capacity(s, 1), TA_OK);
    ck_assert_str_eq(ta_review_schedule_error(s), "");
}
END_TEST

/* Rule: as above for the exports and the reader: a CSV or iCalendar export,
 * or a read, that succeeds after a refused call leaves no error text. */
START_TEST(exports_and_reads_clear_the_error)
{
    static const char more[] = "Trust_code,Trust_name,Authorised_on,Last_reviewed_on\n"
                               "RD,,2026-04-01,\n";
    const char *text = NULL;
    size_t len = 0;
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "CH", "", D(2026, 4, 1)), TA_OK);
    compute();
    for (int k = 0; k < 3; k++) {
        ta_status st = TA_EINVAL;
        ck_assert_int_eq(ta_review_schedule_set_interval_years(s, 0), TA_EINVAL);
        ck_assert_str_ne(ta_review_schedule_error(s), "");
        if (k == 0)
            st = ta_review_schedule_to_csv(&text, &len, s);
        else if (k == 1)
            st = ta_review_schedule_to_ics(&text, &len, s, "20260101T000000Z");
        else
            st = ta_review_schedule_read_buffer(s, more, strlen(more), "more.csv");
        ck_assert_int_eq(st, TA_OK);
        ck_assert_msg(strcmp(ta_review_schedule_error(s), "") == 0, "call %d kept the error \"%s\"",
                      k, ta_review_schedule_error(s));
    }
}
END_TEST

/* Rule: an end date is checked like every date, for a trust the schedule
 * holds: 30 February is refused and changes nothing. */
START_TEST(end_date_is_checked)
{
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "EN", "", D(2026, 4, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_set_end(s, "EN", D(2027, 2, 30), NULL), TA_EINVAL);
    ck_assert_str_ne(ta_review_schedule_error(s), "");
    compute();
    ck_assert_int_eq(due_of("EN"), 20310401);
}
END_TEST

/* Rule: an end date or a review date before the authorisation is
 * inconsistent; one on the authorisation day itself is accepted. */
START_TEST(end_or_review_on_the_authorisation_day_is_accepted)
{
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "SAME", "", D(2026, 4, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_set_end(s, "SAME", D(2026, 3, 31), NULL), TA_EINCONSISTENT);
    ck_assert_int_eq(ta_review_schedule_add_review(s, "SAME", D(2026, 3, 31)), TA_EINCONSISTENT);
    ck_assert_int_eq(ta_review_schedule_add_review(s, "SAME", D(2026, 4, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_set_end(s, "SAME", D(2026, 4, 1), NULL), TA_OK);
    compute();
    ck_assert_int_eq(ta_review_schedule_dropped(s, find("SAME")), 1);
    ck_assert_str_eq(ta_review_schedule_note(s, find("SAME")),
                     "ceases to exist on 2026-04-01, so it is dropped from scheduling");
}
END_TEST

/* Rule: the panel sittings are kept in date order whatever order they are
 * given in, and a date given twice is refused, whether it is the first, a
 * middle or the last sitting. Placement shows the order: with one review a
 * sitting, the earliest due date takes the earliest sitting. A guarding
 * allocator shows a read or write before the first sitting. */
START_TEST(sittings_given_out_of_order_are_sorted_and_checked)
{
    ag_state g = {0};
    ta_allocator al = ag_allocator(&g);
    ta_review_schedule *own = NULL;
    const char *code[3] = {"A3", "A4", "A5"};
    ck_assert_int_eq(ta_review_schedule_new(&own, &al), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_sitting(own, D(2031, 3, 5)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_sitting(own, D(2031, 3, 5)), TA_EDUPLICATE);
    ck_assert_str_eq(ta_review_schedule_error(own), "sitting on 2031-03-05 given twice");
    ck_assert_int_eq(ta_review_schedule_add_sitting(own, D(2031, 3, 3)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_sitting(own, D(2031, 3, 4)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_sitting(own, D(2031, 3, 3)), TA_EDUPLICATE);
    ck_assert_int_eq(ta_review_schedule_add_sitting(own, D(2031, 3, 4)), TA_EDUPLICATE);
    ck_assert_int_eq(ta_review_schedule_add_sitting(own, D(2031, 3, 5)), TA_EDUPLICATE);
    for (int k = 0; k < 3; k++)
        ck_assert_int_eq(ta_review_schedule_add_trust(own, code[k], "", D(2026, 3, 3 + k)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(own), TA_OK);
    ck_assert_uint_eq(ta_review_schedule_count(own), 3);
    for (size_t i = 0; i < 3; i++) {
        int placed = 0;
        int32_t late = -1;
        ta_date at;
        ck_assert_int_eq(ta_review_schedule_placement(&placed, &at, &late, own, i), TA_OK);
        ck_assert_str_eq(ta_review_schedule_code(own, i), code[i]);
        ck_assert_int_eq(placed, 1);
        ck_assert_int_eq(ymd(at), 20310303 + (int)i);
        ck_assert_int_eq(late, 0);
    }
    ta_review_schedule_free(own);
    ck_assert_uint_eq(g.overruns, 0);
    ck_assert_uint_eq(g.live, 0);
}
END_TEST

/* Rule: a sitting must be a working day by the holiday calendar, which knows
 * the years 1978 to 9999: a date before them is refused with the calendar's
 * own error, not called a non-working day, and nothing is added. */
START_TEST(a_sitting_outside_the_holiday_years_is_refused)
{
    size_t added = 99;
    ck_assert_int_eq(ta_review_schedule_add_sitting(s, D(1977, 12, 30)), TA_ERANGE);
    ck_assert_ptr_null(strstr(ta_review_schedule_error(s), "not a working day"));
    ck_assert_str_eq(ta_review_schedule_error(s),
                     ta_holidays_error(ta_review_schedule_holidays(s)));
    ck_assert_int_eq(
        ta_review_schedule_add_sittings_weekly(&added, s, D(1977, 12, 26), D(1978, 1, 6), 0x7F),
        TA_ERANGE);
    ck_assert_uint_eq(added, 0);
}
END_TEST

/* Rule: with no sittings given, the schedule sits on every working day from
 * today, as many days as the reviews need (capacity 2: three reviews take two
 * days, Friday 7 and Monday 10 March 2031), and writes nothing past them. */
START_TEST(working_day_sittings_are_as_many_as_needed)
{
    ag_state g = {0};
    ta_allocator al = ag_allocator(&g);
    ta_review_schedule *own = NULL;
    const int want[3] = {20310307, 20310307, 20310310};
    ck_assert_int_eq(ta_review_schedule_new(&own, &al), TA_OK);
    ck_assert_int_eq(ta_review_schedule_set_capacity(own, 2), TA_OK);
    ck_assert_int_eq(ta_review_schedule_set_today(own, D(2031, 3, 7)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trust(own, "B1", "", D(2026, 3, 3)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trust(own, "B2", "", D(2026, 3, 4)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trust(own, "B3", "", D(2026, 3, 5)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(own), TA_OK);
    for (size_t i = 0; i < 3; i++) {
        int placed = 0;
        int32_t late = -1;
        ta_date at;
        ck_assert_int_eq(ta_review_schedule_placement(&placed, &at, &late, own, i), TA_OK);
        ck_assert_int_eq(placed, 1);
        ck_assert_int_eq(ymd(at), want[i]);
    }
    ta_review_schedule_free(own);
    ck_assert_uint_eq(g.overruns, 0);
    ck_assert_uint_eq(g.live, 0);
}
END_TEST

/* Rule: working-day sittings start today, else on the earliest due date, and
 * must end by 9999-12-31; the error names the start and which it was (today
 * is a parameter, TA_EINVAL; the earliest due date is input, TA_ERANGE). The
 * last working days held are 29, 30 and 31 December 9999 (Christmas and
 * Boxing Day fall on the weekend before and move to 27 and 28 December). */
START_TEST(working_day_sittings_past_9999_name_their_start)
{
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "Z1", "", D(9994, 12, 30)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "Z2", "", D(9994, 12, 31)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "Z3", "", D(9994, 12, 31)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_ERANGE);
    ck_assert_str_eq(ta_review_schedule_error(s),
                     "3 sittings from 9999-12-30 (the earliest due date) run past the end of 9999");
    ck_assert_int_eq(ta_review_schedule_set_today(s, D(9999, 12, 29)), TA_OK);
    compute();
    ck_assert_int_eq(ta_review_schedule_set_today(s, D(9999, 12, 30)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_EINVAL);
    ck_assert_str_eq(ta_review_schedule_error(s),
                     "3 sittings from 9999-12-30 (today) run past the end of 9999");
}
END_TEST

/* Rule: an empty schedule needs no memory to compute: it succeeds even when
 * the allocator would refuse the next request. */
START_TEST(an_empty_schedule_computes_without_memory)
{
    af_counter c = {0};
    ta_allocator al = af_allocator(&c);
    ta_review_schedule *own = NULL;
    ck_assert_int_eq(ta_review_schedule_new(&own, &al), TA_OK);
    c.fail_at = c.calls + 1;
    ck_assert_int_eq(ta_review_schedule_compute(own), TA_OK);
    ck_assert_int_eq(c.failed, 0);
    ck_assert_uint_eq(ta_review_schedule_count(own), 0);
    ta_review_schedule_free(own);
    ck_assert_uint_eq(c.live, 0);
}
END_TEST

/* Rule: the result getters answer an index past the results, or no handle,
 * with TA_EINVAL (TA_ESTATE only before compute) and zeroed outputs; each
 * output pointer may be NULL on its own. */
START_TEST(getters_answer_a_bad_index_or_handle_alike)
{
    ta_date d = {1, 1, 1};
    int placed = 7;
    int32_t late = 7;
    ta_tristate ov = TA_NO;
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "OD", "", D(2020, 1, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_set_today(s, D(2026, 1, 1)), TA_OK);
    compute();
    ck_assert_ptr_null(ta_review_schedule_code(NULL, 0));
    ck_assert_ptr_null(ta_review_schedule_code(s, 1));
    ck_assert_int_eq(ta_review_schedule_placement(&placed, &d, &late, s, 1), TA_EINVAL);
    ck_assert_int_eq(placed, 0);
    ck_assert_int_eq(ymd(d), 0);
    ck_assert_int_eq(late, 0);
    d = D(1, 1, 1);
    ck_assert_int_eq(ta_review_schedule_placement(NULL, &d, NULL, NULL, 0), TA_EINVAL);
    ck_assert_int_eq(ymd(d), 0);
    ck_assert_int_eq(ta_review_schedule_overdue(&ov, NULL, s, 0), TA_OK);
    ck_assert_int_eq(ov, TA_YES);
    ck_assert_int_eq(ta_review_schedule_placement(&placed, NULL, NULL, s, 0), TA_OK);
    ck_assert_int_eq(placed, 1);
}
END_TEST

/* Rule: a weekday mask names one to seven weekdays (bits 0x01 to 0x7F):
 * 0 and 0x80 are refused; Mondays alone (0x01) and every day (0x7F) are
 * masks, every day giving the working days only (April 2031: 22 weekdays,
 * less Good Friday and Easter Monday). */
START_TEST(weekday_mask_limits)
{
    size_t added = 99;
    ck_assert_int_eq(
        ta_review_schedule_add_sittings_weekly(&added, s, D(2031, 3, 1), D(2031, 3, 31), 0),
        TA_EINVAL);
    ck_assert_uint_eq(added, 0); /* a failed call added nothing and says so */
    ck_assert_int_eq(
        ta_review_schedule_add_sittings_weekly(&added, s, D(2031, 3, 1), D(2031, 3, 31), 0x80),
        TA_EINVAL);
    ck_assert_int_eq(ta_review_schedule_add_sittings_weekly(
                         &added, s, D(2031, 3, 1), D(2031, 3, 31), TA_WEEKDAY_BIT(TA_MONDAY)),
                     TA_OK);
    ck_assert_uint_eq(added, 5);
    ck_assert_int_eq(
        ta_review_schedule_add_sittings_weekly(&added, s, D(2031, 4, 1), D(2031, 4, 30), 0x7F),
        TA_OK);
    ck_assert_uint_eq(added, 20);
    /* A range of one day is a range; one that ends the day before it starts is not. */
    ck_assert_int_eq(
        ta_review_schedule_add_sittings_weekly(&added, s, D(2031, 5, 6), D(2031, 5, 6), 0x7F),
        TA_OK);
    ck_assert_uint_eq(added, 1);
    ck_assert_int_eq(
        ta_review_schedule_add_sittings_weekly(&added, s, D(2031, 5, 8), D(2031, 5, 7), 0x7F),
        TA_EINVAL);
    ck_assert_str_eq(ta_review_schedule_error(s), "the sitting range ends before it starts");
    /* Each end of the range is checked, the first alone as well as the last. */
    ck_assert_int_eq(
        ta_review_schedule_add_sittings_weekly(&added, s, D(2031, 2, 30), D(2031, 3, 31), 0x7F),
        TA_EINVAL);
    ck_assert_str_eq(ta_review_schedule_error(s), "first sitting date 2031-2-30 is not a date");
    ck_assert_int_eq(
        ta_review_schedule_add_sittings_weekly(&added, s, D(2031, 3, 1), D(2031, 2, 30), 0x7F),
        TA_EINVAL);
    ck_assert_str_eq(ta_review_schedule_error(s), "last sitting date 2031-2-30 is not a date");
}
END_TEST

/* ---- segmentation: quantile cut-offs ---------------------------------- */

static int cmp_double(const void *pa, const void *pb)
{
    double a = *(const double *)pa, b = *(const double *)pb;
    return a < b ? -1 : a > b;
}

/* R's quantile type 7 (h = (n - 1) p) or type 6 (h = (n + 1) p - 1) over a
 * sorted copy, clamped at the ends: the definition, not the library's code. */
static double reference_quantile(const double *sorted, size_t n, double p, ta_quantile q)
{
    double h = q == TA_QUANTILE_TYPE6 ? (double)(n + 1) * p - 1.0 : (double)(n - 1) * p;
    size_t i;
    if (h <= 0)
        return sorted[0];
    if (h >= (double)(n - 1))
        return sorted[n - 1];
    i = (size_t)floor(h);
    return sorted[i] + (h - (double)i) * (sorted[i + 1] - sorted[i]);
}

/* A small deterministic generator (xorshift) for the populations. */
static uint32_t next_random(uint32_t *state)
{
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *state = x;
}

/* The selection works on a copy made with the host allocator: a guarding one
 * (alloc_guard.h) shows a read or write one element outside the copy or the
 * output, which a plain malloc would let pass by the luck of the memory. */
static void check_quantiles(const double *values, size_t n, size_t n_out, ta_quantile q)
{
    double sorted[400], *out;
    ag_state g = {0};
    ta_allocator al = ag_allocator(&g);
    memcpy(sorted, values, n * sizeof *values);
    qsort(sorted, n, sizeof *sorted, cmp_double);
    out = ag_malloc(&g, n_out * sizeof *out);
    ck_assert_ptr_nonnull(out);
    ck_assert_int_eq(ta_quantile_cutoffs(out, n_out, values, n, q, &al), TA_OK);
    for (size_t k = 0; k < n_out; k++) {
        double want = reference_quantile(sorted, n, (double)(k + 1) / (double)(n_out + 1), q);
        ck_assert_msg(fabs(out[k] - want) < 1e-12,
                      "n %zu, quantile %zu of %zu, type %d: %.17g != %.17g", n, k + 1, n_out,
                      (int)q, out[k], want);
    }
    ag_free(&g, out);
    ck_assert_msg(g.overruns == 0 && g.live == 0,
                  "n %zu, %zu cut-offs, type %d: %zu blocks overrun, %zu live", n, n_out, (int)q,
                  g.overruns, g.live);
}

/* Rule: cut-offs are quantiles of the population. Every size from 1 to 300,
 * values with many ties (rounded averages) and without, both definitions,
 * one to seven cut-offs: large sizes go through the partitioning selection,
 * small ones through its insertion sort, one to three values of type 6 past
 * the last order statistic. */
START_TEST(quantile_cutoffs_equal_a_full_sort)
{
    double values[400];
    uint32_t state = 20251231u;
    for (size_t n = 1; n <= 300; n++) {
        for (int ties = 0; ties < 2; ties++) {
            for (size_t i = 0; i < n; i++) {
                uint32_t r = next_random(&state);
                values[i] = ties ? 1.0 + (double)(r % 7) * 0.25 : 1.0 + (double)(r % 300001) / 1e5;
            }
            for (size_t n_out = 1; n_out <= 7; n_out += 2) {
                check_quantiles(values, n, n_out, TA_QUANTILE_TYPE7);
                check_quantiles(values, n, n_out, TA_QUANTILE_TYPE6);
            }
        }
    }
}
END_TEST

/* Type 6 past the ends, worked by hand: quartiles of {1, 2} are 1, 1.5, 2 and
 * of {1, 2, 4} are 1, 2, 4; type 7 of {1, 2, 4} is 1.5, 2, 3. */
START_TEST(quantile_cutoffs_by_hand)
{
    const double two[2] = {2, 1}, three[3] = {4, 1, 2};
    double out[3];
    ck_assert_int_eq(ta_quantile_cutoffs(out, 3, two, 2, TA_QUANTILE_TYPE6, NULL), TA_OK);
    ck_assert_double_eq(out[0], 1.0);
    ck_assert_double_eq(out[1], 1.5);
    ck_assert_double_eq(out[2], 2.0);
    ck_assert_int_eq(ta_quantile_cutoffs(out, 3, three, 3, TA_QUANTILE_TYPE6, NULL), TA_OK);
    ck_assert_double_eq(out[0], 1.0);
    ck_assert_double_eq(out[1], 2.0);
    ck_assert_double_eq(out[2], 4.0);
    ck_assert_int_eq(ta_quantile_cutoffs(out, 3, three, 3, TA_QUANTILE_TYPE7, NULL), TA_OK);
    ck_assert_double_eq(out[0], 1.5);
    ck_assert_double_eq(out[1], 2.0);
    ck_assert_double_eq(out[2], 3.0);
}
END_TEST

/* Rule: an average within 1e-9 of a cut-off counts as on it (binary noise in
 * an average that is a decimal on the cut-off), and exactly 1e-9 away still
 * does: ties-better keeps it in the better segment, ties-worse moves it down. */
START_TEST(segment_tolerance_edges)
{
    const double cut[1] = {2.0};
    int seg = 0;
    ck_assert_int_eq(ta_rule_segment(&seg, 2.0 + 1e-9, cut, 1, TA_CUTOFF_TIES_BETTER), TA_OK);
    ck_assert_int_eq(seg, 1);
    ck_assert_int_eq(ta_rule_segment(&seg, 2.0 + 1e-6, cut, 1, TA_CUTOFF_TIES_BETTER), TA_OK);
    ck_assert_int_eq(seg, 2);
    ck_assert_int_eq(ta_rule_segment(&seg, 2.0 - 1e-9, cut, 1, TA_CUTOFF_TIES_WORSE), TA_OK);
    ck_assert_int_eq(seg, 2);
    ck_assert_int_eq(ta_rule_segment(&seg, 2.0 - 1e-6, cut, 1, TA_CUTOFF_TIES_WORSE), TA_OK);
    ck_assert_int_eq(seg, 1);
}
END_TEST

/* ---- league: the rank rule -------------------------------------------- */

/* Rule: trusts share a rank only when both the segment and the rounded
 * average are equal. A trust capped to segment 3 for deficit with the same
 * average as a segment 1 trust ranks after it, not beside it. */
/* Rule: ta_rule_segment's cut-offs must be strictly ascending: two equal
 * cut-offs (an empty segment between them) are refused, as a descending pair
 * is; a pair a hair apart is taken. */
START_TEST(segment_equal_cutoffs_refused)
{
    const double equal[] = {2.0, 2.5, 2.5}, apart[] = {2.0, 2.5, 2.5000001};
    int seg = 0;
    ck_assert_int_eq(ta_rule_segment(&seg, 2.2, equal, 3, TA_CUTOFF_TIES_BETTER), TA_EINVAL);
    ck_assert_int_eq(ta_rule_segment(&seg, 2.2, equal, 3, TA_CUTOFF_TIES_WORSE), TA_EINVAL);
    ck_assert_int_eq(seg, 0);
    ck_assert_int_eq(ta_rule_segment(&seg, 2.2, apart, 3, TA_CUTOFF_TIES_BETTER), TA_OK);
    ck_assert_int_eq(seg, 2);
}
END_TEST

START_TEST(a_tie_needs_the_same_segment)
{
    const int segments[4] = {1, 3, 1, 3};
    const double averages[4] = {1.50, 1.50, 1.504, 1.496};
    uint32_t ranks[4] = {0, 0, 0, 0};
    ck_assert_int_eq(ta_rule_ranks(ranks, segments, averages, 4, 2, NULL), TA_OK);
    ck_assert_uint_eq(ranks[0], 1);
    ck_assert_uint_eq(ranks[2], 1); /* 1.504 rounds to 1.50: a true tie */
    ck_assert_uint_eq(ranks[1], 3);
    ck_assert_uint_eq(ranks[3], 3); /* 1.496 rounds to 1.50, same segment 3 */
}
END_TEST

int main(void)
{
    Suite *su = suite_create("rule_boundaries");
    TCase *review = tcase_create("review");
    TCase *rules = tcase_create("segment_and_rank");
    SRunner *sr;
    int failed;
    tcase_add_checked_fixture(review, setup, teardown);
    tcase_add_test(review, trigger_landing_on_the_regular_due_date_moves_nothing);
    tcase_add_test(review, segment_equal_to_worse_than_does_not_fire);
    tcase_add_test(review, evidence_on_the_authorisation_day_does_not_count);
    tcase_add_test(review, ceasing_exactly_on_the_due_date_or_today_drops_the_trust);
    tcase_add_test(review, rsp_trigger_fires_on_entry);
    tcase_add_test(review, segment_run_crosses_the_year_end);
    tcase_add_test(review, cleared_triggers_fire_nothing);
    tcase_add_test(review, results_in_due_order_dropped_last);
    tcase_add_test(review, evidence_arguments_checked_one_by_one);
    tcase_add_test(review, interval_years_one_to_one_hundred);
    tcase_add_test(review, evidence_segment_zero_to_five);
    tcase_add_test(review, trigger_parameter_ranges);
    tcase_add_test(review, every_change_discards_the_results);
    tcase_add_test(review, a_successful_call_clears_the_error);
    tcase_add_test(review, exports_and_reads_clear_the_error);
    tcase_add_test(review, end_date_is_checked);
    tcase_add_test(review, getters_answer_a_bad_index_or_handle_alike);
    tcase_add_test(review, working_day_sittings_past_9999_name_their_start);
    tcase_add_test(review, an_empty_schedule_computes_without_memory);
    tcase_add_test(review, working_day_sittings_are_as_many_as_needed);
    tcase_add_test(review, a_sitting_outside_the_holiday_years_is_refused);
    tcase_add_test(review, sittings_given_out_of_order_are_sorted_and_checked);
    tcase_add_test(review, end_or_review_on_the_authorisation_day_is_accepted);
    tcase_add_test(review, weekday_mask_limits);
    tcase_add_test(review, export_checks_each_out_pointer);
    tcase_add_test(review, a_due_date_after_9999_names_where_the_trust_came_from);
    tcase_set_timeout(rules, 60);
    tcase_add_test(rules, quantile_cutoffs_equal_a_full_sort);
    tcase_add_test(rules, quantile_cutoffs_by_hand);
    tcase_add_test(rules, segment_tolerance_edges);
    tcase_add_test(rules, a_tie_needs_the_same_segment);
    tcase_add_test(rules, segment_equal_cutoffs_refused);
    suite_add_tcase(su, review);
    suite_add_tcase(su, rules);
    sr = srunner_create(su);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
