/*
 * The review schedule (ta_review_schedule): the five-year rule and 29
 * February, overdue reviews, early-review triggers, trusts that cease, the
 * panel calendar (EDF against an exhaustive search on seeded random cases),
 * TRUSTS.csv errors naming the row, CSV and iCalendar output (escaping and
 * folding at exactly 75 octets), and an allocation-failure sweep.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/alloc.h"
#include "review/ics_text.h"
#include "review/panel.h"
#include "trustassess/review.h"

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

/* The index of the result for `code`. */
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

static int due_of(const char *code)
{
    ta_date due;
    ck_assert_int_eq(ta_review_schedule_due(&due, NULL, s, find(code)), TA_OK);
    return ymd(due);
}

START_TEST(five_year_rule)
{
    ta_date due, regular;
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RWX", "Example", D(2026, 4, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RAA", "Reviewed", D(2020, 1, 10)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_review(s, "RAA", D(2029, 6, 15)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_review(s, "RAA", D(2024, 6, 15)), TA_OK);
    ck_assert_uint_eq(ta_review_schedule_count(s), 0); /* none before compute */
    ck_assert_int_eq(ta_review_schedule_due(&due, &regular, s, 0), TA_ESTATE);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    ck_assert_int_eq(due_of("RWX"), 20310401);
    ck_assert_int_eq(due_of("RAA"), 20340615); /* the latest review counts */
    ck_assert_int_eq(ta_review_schedule_due(&due, &regular, s, find("RWX")), TA_OK);
    ck_assert_int_eq(ymd(regular), 20310401);
    ck_assert_str_eq(ta_review_schedule_code(s, 0), "RWX"); /* ordered by due date */
    ck_assert_int_eq(ta_review_schedule_set_interval_years(s, 3), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    ck_assert_int_eq(due_of("RWX"), 20290401);
    ck_assert_int_eq(ta_review_schedule_set_interval_years(s, 0), TA_EINVAL);
}
END_TEST

START_TEST(feb29_authorisation)
{
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RLP", "Leap", D(2024, 2, 29)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    ck_assert_int_eq(due_of("RLP"), 20290228);
    ck_assert_int_eq(ta_review_schedule_set_feb29_rule(s, TA_FEB29_TO_MAR1), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    ck_assert_int_eq(due_of("RLP"), 20290301);
    ck_assert_int_eq(ta_review_schedule_set_interval_years(s, 4), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    ck_assert_int_eq(due_of("RLP"), 20280229);
    ck_assert_int_eq(ta_review_schedule_set_feb29_rule(s, (ta_feb29_rule)2), TA_EINVAL);
}
END_TEST

START_TEST(overdue_against_today)
{
    ta_tristate o;
    int32_t days = -1;
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RWX", "Example", D(2026, 4, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    ck_assert_int_eq(ta_review_schedule_overdue(&o, &days, s, 0), TA_OK);
    ck_assert_int_eq(o, TA_UNKNOWN);
    ck_assert_int_eq(ta_review_schedule_set_today(s, D(2031, 5, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    ck_assert_int_eq(ta_review_schedule_overdue(&o, &days, s, 0), TA_OK);
    ck_assert_int_eq(o, TA_YES);
    ck_assert_int_eq(days, 30);
    ck_assert_int_eq(ta_review_schedule_set_today(s, D(2031, 4, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    ck_assert_int_eq(ta_review_schedule_overdue(&o, &days, s, 0), TA_OK);
    ck_assert_int_eq(o, TA_NO); /* due today is not overdue */
    ck_assert_int_eq(days, 0);
    ck_assert_int_eq(ta_review_schedule_set_today(s, D(2031, 2, 29)), TA_EINVAL);
}
END_TEST

START_TEST(bad_input_named)
{
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RWX", "Example", D(2026, 4, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RWX", "Again", D(2026, 4, 1)), TA_EDUPLICATE);
    ck_assert_ptr_nonnull(strstr(ta_review_schedule_error(s), "RWX"));
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "R X", "Space", D(2026, 4, 1)), TA_EINVAL);
    ck_assert_int_eq(ta_review_schedule_add_trust(s, " RX", "Space first", D(2026, 4, 1)),
                     TA_EINVAL); /* the first byte is checked too */
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RBB", "Bad", D(2026, 2, 30)), TA_EINVAL);
    ck_assert_ptr_nonnull(strstr(ta_review_schedule_error(s), "2026-2-30"));
    ck_assert_int_eq(ta_review_schedule_add_review(s, "RWX", D(2025, 1, 1)), TA_EINCONSISTENT);
    ck_assert_str_eq(ta_review_schedule_error(s),
                     "trust RWX: review on 2025-01-01 is before its authorisation on 2026-04-01");
    ck_assert_int_eq(ta_review_schedule_add_review(s, "NOPE", D(2027, 1, 1)), TA_ENOTFOUND);
    ck_assert_int_eq(ta_review_schedule_set_capacity(s, 0), TA_EINVAL);
    ck_assert_str_eq(ta_review_schedule_error(s), "capacity per sitting must be at least 1, not 0");
    ck_assert_int_eq(ta_review_schedule_add_sitting(s, D(2031, 12, 25)), TA_EINVAL);
    ck_assert_str_eq(ta_review_schedule_error(s),
                     "sitting on 2031-12-25: not a working day in England");
    ck_assert_int_eq(ta_review_schedule_add_sitting(s, D(2031, 3, 1)), TA_EINVAL); /* Saturday */
    ck_assert_int_eq(ta_review_schedule_add_sitting(s, D(2031, 3, 4)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_sitting(s, D(2031, 3, 4)), TA_EDUPLICATE);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "RWX", D(2027, 5, 31), 3, TA_NO, TA_NO),
                     TA_EINVAL);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "RWX", D(2027, 6, 30), 6, TA_NO, TA_NO),
                     TA_EINVAL);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "RWX", D(2027, 6, 30), 3, TA_NO, TA_NO),
                     TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "RWX", D(2027, 6, 30), 3, TA_NO, TA_NO),
                     TA_EDUPLICATE);
    ck_assert_int_eq(ta_review_schedule_add_trigger(s, TA_TRIGGER_SEGMENT, 0, 2, 90), TA_EINVAL);
    ck_assert_int_eq(ta_review_schedule_add_trigger(s, TA_TRIGGER_DEFICIT, 0, 0, -1), TA_EINVAL);
    ck_assert_int_eq(ta_review_schedule_add_trigger(s, (ta_review_trigger)9, 0, 0, 1), TA_EINVAL);
    ck_assert_int_eq(ta_review_schedule_set_end(s, "RWX", D(2026, 1, 1), NULL), TA_EINCONSISTENT);
    ck_assert_str_eq(ta_review_schedule_error(s),
                     "trust RWX: end on 2026-01-01 is before its authorisation on 2026-04-01");
    ck_assert_int_eq(ta_review_schedule_set_end(s, "RWX", D(2024, 12, 31), NULL), TA_EINCONSISTENT);
    ck_assert_str_eq(ta_review_schedule_error(s),
                     "trust RWX: end on 2024-12-31 is before its authorisation on 2026-04-01");
    ck_assert_int_eq(ta_review_schedule_new(NULL, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_review_schedule_compute(NULL), TA_EINVAL);
    ck_assert_ptr_null(ta_review_schedule_code(s, 0)); /* not computed */
    ta_review_schedule_free(NULL);
}
END_TEST

START_TEST(triggers_bring_reviews_forward)
{
    ta_review_trigger kind;
    ta_date fired, due, regular;
    /* Default set: segment worse than 2 for 2 quarters (+90 days), deficit (+180), RSP (+30). */
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RSG", "Segment", D(2026, 4, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RDF", "Deficit", D(2026, 4, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RRS", "RSP", D(2026, 4, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RGP", "Gap", D(2026, 4, 1)), TA_OK);
    /* Evidence before the authorisation does not count. */
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "RSG", D(2025, 12, 31), 4, TA_NO, TA_NO),
                     TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "RSG", D(2026, 3, 31), 4, TA_NO, TA_NO),
                     TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "RSG", D(2027, 9, 30), 3, TA_NO, TA_NO),
                     TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "RSG", D(2027, 6, 30), 3, TA_NO, TA_NO),
                     TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "RSG", D(2028, 3, 31), 2, TA_YES, TA_NO),
                     TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "RDF", D(2028, 3, 31), 2, TA_YES, TA_NO),
                     TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "RRS", D(2028, 6, 30), 5, TA_NO, TA_YES),
                     TA_OK);
    /* Two bad quarters that are not consecutive do not fire the segment trigger. */
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "RGP", D(2027, 6, 30), 4, TA_NO, TA_NO),
                     TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "RGP", D(2027, 12, 31), 4, TA_NO, TA_NO),
                     TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);

    ck_assert_int_eq(ta_review_schedule_trigger(&kind, &fired, s, find("RSG")), TA_OK);
    ck_assert_int_eq(kind, TA_TRIGGER_SEGMENT);
    ck_assert_int_eq(ymd(fired), 20270930);
    ck_assert_int_eq(due_of("RSG"), 20271229); /* 30 September 2027 + 90 days */
    ck_assert_int_eq(ta_review_schedule_trigger(&kind, &fired, s, find("RDF")), TA_OK);
    ck_assert_int_eq(kind, TA_TRIGGER_DEFICIT);
    ck_assert_int_eq(due_of("RDF"), 20280927); /* 31 March 2028 + 180 days */
    ck_assert_int_eq(ta_review_schedule_trigger(&kind, &fired, s, find("RRS")), TA_OK);
    ck_assert_int_eq(kind, TA_TRIGGER_RSP);
    ck_assert_int_eq(due_of("RRS"), 20280730);
    ck_assert_int_eq(ta_review_schedule_trigger(&kind, &fired, s, find("RGP")), TA_OK);
    ck_assert_int_eq(kind, TA_TRIGGER_NONE);
    ck_assert_int_eq(ymd(fired), 0);
    ck_assert_int_eq(ta_review_schedule_due(&due, &regular, s, find("RGP")), TA_OK);
    ck_assert_int_eq(ymd(due), 20310401);

    /* A review after the evidence resets it; with no triggers nothing moves. */
    ck_assert_int_eq(ta_review_schedule_add_review(s, "RSG", D(2027, 10, 15)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    ck_assert_int_eq(due_of("RSG"), 20280927); /* now the deficit of March 2028 */
    ck_assert_int_eq(ta_review_schedule_clear_triggers(s), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trigger(s, TA_TRIGGER_SEGMENT, 3, 1, 0), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    ck_assert_int_eq(due_of("RSG"), 20321015);
    ck_assert_int_eq(due_of("RDF"), 20310401);
    ck_assert_int_eq(due_of("RRS"), 20280630); /* segment 5 > 3 for one quarter, lead 0 */
    ck_assert_int_eq(due_of("RGP"), 20270630);
    ck_assert_str_eq(ta_review_trigger_name(TA_TRIGGER_RSP), "recovery support programme");
}
END_TEST

START_TEST(trust_that_ceases)
{
    size_t n = 0;
    int placed = 1;
    /* Norfolk Community Health and Care (RY3) and Cambridgeshire Community
     * Services (RYV) propose to merge on 1 April 2026. */
    ck_assert_int_eq(
        ta_review_schedule_add_trust(s, "RY3", "Norfolk Community Health and Care", D(2026, 1, 15)),
        TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RWX", "Example", D(2026, 4, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_set_end(s, "RY3", D(2026, 4, 1), "merged with RYV"), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    n = ta_review_schedule_count(s);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(ta_review_schedule_code(s, 1), "RY3"); /* dropped trusts last */
    ck_assert_int_eq(ta_review_schedule_dropped(s, 1), 1);
    ck_assert_int_eq(ta_review_schedule_dropped(s, 0), 0);
    ck_assert_int_eq(ta_review_schedule_placement(&placed, NULL, NULL, s, 1), TA_OK);
    ck_assert_int_eq(placed, 0);
    {
        /* A review not placed has no sitting (the zero date) and no lateness. */
        ta_date sitting = {2000, 1, 1};
        int32_t late = 99;
        ck_assert_int_eq(ta_review_schedule_placement(&placed, &sitting, &late, s, 1), TA_OK);
        ck_assert_int_eq(sitting.year, 0);
        ck_assert_int_eq(sitting.month, 0);
        ck_assert_int_eq(sitting.day, 0);
        ck_assert_int_eq(late, 0);
    }
    ck_assert_str_eq(ta_review_schedule_note(s, 1),
                     "ceases to exist on 2026-04-01, so it is dropped from scheduling: merged "
                     "with RYV");
    ck_assert_str_eq(ta_review_schedule_note(s, 0), "");
}
END_TEST

START_TEST(panel_meets_deadlines_then_minimises_lateness)
{
    ta_date sitting;
    int placed;
    int32_t late;
    size_t added = 0;
    /* Three reviews due 3, 4 and 5 March 2031; Tuesday sittings from 4 March, one a sitting. */
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RA1", "A", D(2026, 3, 3)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RA2", "B", D(2026, 3, 4)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RA3", "C", D(2026, 3, 5)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_sittings_weekly(
                         &added, s, D(2031, 3, 4), D(2031, 3, 31), TA_WEEKDAY_BIT(TA_TUESDAY)),
                     TA_OK);
    ck_assert_uint_eq(added, 4);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    ck_assert_int_eq(ta_review_schedule_placement(&placed, &sitting, &late, s, 0), TA_OK);
    ck_assert_int_eq(ymd(sitting), 20310304);
    ck_assert_int_eq(late, 1);
    ck_assert_int_eq(ta_review_schedule_placement(&placed, &sitting, &late, s, 1), TA_OK);
    ck_assert_int_eq(ymd(sitting), 20310311);
    ck_assert_int_eq(late, 7);
    ck_assert_int_eq(ta_review_schedule_placement(&placed, &sitting, &late, s, 2), TA_OK);
    ck_assert_int_eq(ymd(sitting), 20310318);
    ck_assert_int_eq(late, 13);
    /* Capacity 3 at the first sitting: only the review due on 3 March is late. */
    ck_assert_int_eq(ta_review_schedule_set_capacity(s, 3), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    ck_assert_int_eq(ta_review_schedule_placement(&placed, &sitting, &late, s, 2), TA_OK);
    ck_assert_int_eq(ymd(sitting), 20310304);
    ck_assert_int_eq(late, 0);
    /* Without explicit sittings every working day from today is one. */
    ta_review_schedule_free(s);
    ck_assert_int_eq(ta_review_schedule_new(&s, NULL), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RA1", "A", D(2026, 12, 24)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RA2", "B", D(2026, 12, 24)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    ck_assert_int_eq(ta_review_schedule_placement(&placed, &sitting, &late, s, 0), TA_OK);
    ck_assert_int_eq(ymd(sitting), 20311224); /* the first due date, a Wednesday */
    ck_assert_int_eq(ta_review_schedule_placement(&placed, &sitting, &late, s, 1), TA_OK);
    ck_assert_int_eq(ymd(sitting), 20311229); /* after Christmas and Boxing Day */
    ck_assert_int_eq(late, 5);
    /* Explicit sittings that run out leave the latest deadlines unplaced. */
    ck_assert_int_eq(ta_review_schedule_add_sitting(s, D(2031, 12, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    ck_assert_int_eq(ta_review_schedule_placement(&placed, &sitting, &late, s, 1), TA_OK);
    ck_assert_int_eq(placed, 0);
    ck_assert_str_eq(ta_review_schedule_note(s, 1), "no panel sitting left");
}
END_TEST

/* xorshift32: a seeded generator, so every run checks the same cases. */
static uint32_t rng_next(uint32_t *state)
{
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *state = x;
}

/* The least maximum lateness over every placement of jobs k.. on sittings
 * with `left` places each. */
static int32_t best_max_lateness(const int32_t *due, size_t n, size_t k, const int32_t *sit,
                                 size_t m, int32_t *left, int32_t so_far)
{
    int32_t best = INT32_MAX;
    if (k == n)
        return so_far;
    for (size_t j = 0; j < m; j++) {
        if (left[j] == 0)
            continue;
        left[j]--;
        int32_t l = sit[j] - due[k];
        int32_t r = best_max_lateness(due, n, k + 1, sit, m, left, l > so_far ? l : so_far);
        left[j]++;
        if (r < best)
            best = r;
    }
    return best;
}

START_TEST(edf_is_optimal_against_exhaustive_search)
{
    uint32_t state = 20260401u;
    int feasible_cases = 0, infeasible_cases = 0;
    for (int c = 0; c < 400; c++) {
        size_t n = 1 + rng_next(&state) % 6, m = 0, count = 0;
        int32_t cap = (int32_t)(1 + rng_next(&state) % 3);
        int32_t due[6], sit[8], left[8], edf = INT32_MIN, best;
        ta_date base;
        char code[8];
        ta_review_schedule_free(s);
        ck_assert_int_eq(ta_review_schedule_new(&s, NULL), TA_OK);
        ck_assert_int_eq(ta_review_schedule_set_capacity(s, cap), TA_OK);
        for (size_t j = 0; j < n; j++) {
            ta_date_add_days(&base, D(2026, 3, 1), (int32_t)(rng_next(&state) % 30));
            code[0] = 'R';
            code[1] = (char)('A' + j);
            code[2] = '\0';
            ck_assert_int_eq(ta_review_schedule_add_trust(s, code, "", base), TA_OK);
        }
        /* Up to 8 sittings on random working days in March and April 2031, enough places. */
        while (m < 8 && (m * (size_t)cap < n || rng_next(&state) % 3 != 0)) {
            ta_date d;
            ta_date_add_days(&d, D(2031, 3, 1), (int32_t)(rng_next(&state) % 45));
            if (ta_review_schedule_add_sitting(s, d) == TA_OK)
                ta_date_to_days(&sit[m++], d);
        }
        ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
        count = ta_review_schedule_count(s);
        ck_assert_uint_eq(count, n);
        for (size_t j = 0; j < n; j++) {
            ta_date dd, sd;
            int placed = 0;
            int32_t late = -1, d_rd, s_rd;
            ck_assert_int_eq(ta_review_schedule_due(&dd, NULL, s, j), TA_OK);
            ck_assert_int_eq(ta_review_schedule_placement(&placed, &sd, &late, s, j), TA_OK);
            ck_assert_int_eq(placed, 1);
            ta_date_to_days(&d_rd, dd);
            ta_date_to_days(&s_rd, sd);
            ck_assert_int_eq(late, s_rd > d_rd ? s_rd - d_rd : 0);
            due[j] = d_rd;
            if (s_rd - d_rd > edf)
                edf = s_rd - d_rd;
        }
        for (size_t j = 0; j < m; j++)
            left[j] = cap;
        best = best_max_lateness(due, n, 0, sit, m, left, INT32_MIN);
        ck_assert_msg(edf == best, "case %d: EDF max lateness %d, exhaustive %d", c, (int)edf,
                      (int)best);
        if (edf <= 0)
            feasible_cases++;
        else
            infeasible_cases++;
    }
    ck_assert_int_gt(feasible_cases, 0);
    ck_assert_int_gt(infeasible_cases, 0);
}
END_TEST

static const char trusts_csv[] =
    "\xEF\xBB\xBFTrust_code,Trust_name,Authorised_on,Last_reviewed_on,Region\r\n"
    "RWX,\"Example, \"\"Quoted\"\" Trust\",2026-04-01,,North\r\n"
    "RY3,Norfolk Community Health and Care NHS Trust,2026-01-15,,East\r\n"
    "RAA,Reviewed Trust,2020-02-29,2024-02-29,London\r\n"
    "\r\n";

START_TEST(read_trusts_csv)
{
    size_t n = 0;
    ck_assert_int_eq(
        ta_review_schedule_read_buffer(s, trusts_csv, sizeof trusts_csv - 1, "TRUSTS.csv"), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    n = ta_review_schedule_count(s);
    ck_assert_uint_eq(n, 3);
    ck_assert_int_eq(due_of("RAA"), 20290228);
    ck_assert_int_eq(due_of("RY3"), 20310115);
    ck_assert_str_eq(ta_review_schedule_name(s, find("RWX")), "Example, \"Quoted\" Trust");
    /* Reading the same file again: every code is a duplicate; nothing is added. */
    ck_assert_int_eq(
        ta_review_schedule_read_buffer(s, trusts_csv, sizeof trusts_csv - 1, "TRUSTS.csv"),
        TA_EDUPLICATE);
    ck_assert_str_eq(ta_review_schedule_error(s),
                     "TRUSTS.csv:2:1: trust RWX appears twice (or is already in the schedule)");
}
END_TEST

/* Rule: _read_file reads the same text from a file, its messages naming the
 * path; an unreadable path is TA_EIO and keeps nothing; NULLs are TA_EINVAL. */
START_TEST(read_trusts_file)
{
    char path[] = "/tmp/ta_trusts_XXXXXX";
    char want[128];
    int fd = mkstemp(path);
    FILE *fp;
    ck_assert_int_ge(fd, 0);
    fp = fdopen(fd, "wb");
    ck_assert_ptr_nonnull(fp);
    ck_assert_uint_eq(fwrite(trusts_csv, 1, sizeof trusts_csv - 1, fp), sizeof trusts_csv - 1);
    fclose(fp);
    ck_assert_int_eq(ta_review_schedule_read_file(s, "/nonexistent/TRUSTS.csv"), TA_EIO);
    ck_assert_ptr_nonnull(strstr(ta_review_schedule_error(s), "/nonexistent/TRUSTS.csv"));
    ck_assert_int_eq(ta_review_schedule_read_file(s, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_review_schedule_read_file(NULL, path), TA_EINVAL);
    ck_assert_int_eq(ta_review_schedule_read_file(s, path), TA_OK);
    ck_assert_str_eq(ta_review_schedule_error(s), ""); /* the earlier failure's text is gone */
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    ck_assert_uint_eq(ta_review_schedule_count(s), 3);
    ck_assert_int_eq(due_of("RAA"), 20290228);
    ck_assert_int_eq(ta_review_schedule_read_file(s, path), TA_EDUPLICATE);
    snprintf(want, sizeof want, "%s:2:1: trust RWX appears twice (or is already in the schedule)",
             path);
    ck_assert_str_eq(ta_review_schedule_error(s), want);
    ck_assert_int_eq(unlink(path), 0);
}
END_TEST

/* Reads text and expects `status` and exactly `message`, with nothing kept. */
static void bad_csv(const char *text, ta_status status, const char *message)
{
    size_t n = 99;
    ck_assert_int_eq(ta_review_schedule_read_buffer(s, text, strlen(text), "TRUSTS.csv"), status);
    ck_assert_str_eq(ta_review_schedule_error(s), message);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    n = ta_review_schedule_count(s);
    ck_assert_uint_eq(n, 0);
}

START_TEST(bad_trusts_csv_names_the_row)
{
    static const char head[] = "Trust_code,Trust_name,Authorised_on,Last_reviewed_on\n";
    char text[512];
    strcpy(text, head);
    strcat(text, "RWX,A,2026-04-01,\nRBB,B,2026-02-30,\n");
    bad_csv(text, TA_EPARSE,
            "TRUSTS.csv:3:7: Authorised_on \"2026-02-30\" is not a date (YYYY-MM-DD)");
    strcpy(text, head);
    strcat(text, "RWX,A,2026-04-01,2025-04-01\n");
    bad_csv(text, TA_EINCONSISTENT,
            "TRUSTS.csv:2:18: trust RWX: Last_reviewed_on 2025-04-01 is before Authorised_on "
            "2026-04-01");
    strcpy(text, head);
    strcat(text, "RWX,A,2026-04-01,\nRBB,B,2026-04-01,\nRWX,C,2027-01-01,\n");
    bad_csv(text, TA_EDUPLICATE,
            "TRUSTS.csv:4:1: trust RWX appears twice (or is already in the schedule)");
    bad_csv("Trust_code,Trust_name,Authorised_on\nRWX,A,2026-04-01\n", TA_EPARSE,
            "TRUSTS.csv:1: the header has no Last_reviewed_on column");
    strcpy(text, head);
    strcat(text, "RWX,A,01/04/2026,\n");
    bad_csv(text, TA_EPARSE,
            "TRUSTS.csv:2:7: Authorised_on \"01/04/2026\" is not a date (YYYY-MM-DD)");
    strcpy(text, head);
    strcat(text, "RWX,A,2026-04-01,\"\n");
    ck_assert_int_eq(ta_review_schedule_read_buffer(s, text, strlen(text), "TRUSTS.csv"),
                     TA_EPARSE);
    ck_assert_ptr_nonnull(strstr(ta_review_schedule_error(s), "TRUSTS.csv:2:"));
    bad_csv("", TA_EPARSE, "TRUSTS.csv: empty file, no header");
    /* No data is refused whenever a length says there is some (one byte
     * included). */
    ck_assert_int_eq(ta_review_schedule_read_buffer(s, NULL, 1, "TRUSTS.csv"), TA_EINVAL);
    ck_assert_str_eq(ta_review_schedule_error(s), "data is NULL");
    ck_assert_int_eq(ta_review_schedule_read_buffer(s, NULL, 0, "TRUSTS.csv"), TA_EPARSE);
    ck_assert_str_eq(ta_review_schedule_error(s), "TRUSTS.csv: empty file, no header");
    /* A record cut short reads its missing cells as empty: an optional date
     * left out is none, a required one is named as missing. */
    strcpy(text, head);
    strcat(text, "RWX,A,2026-04-01\n");
    ck_assert_msg(ta_review_schedule_read_buffer(s, text, strlen(text), "TRUSTS.csv") == TA_OK,
                  "%s", ta_review_schedule_error(s));
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    ck_assert_uint_eq(ta_review_schedule_count(s), 1);
    ta_review_schedule_free(s);
    ck_assert_int_eq(ta_review_schedule_new(&s, NULL), TA_OK);
    strcpy(text, head);
    strcat(text, "RWX,A\n");
    bad_csv(text, TA_EPARSE, "TRUSTS.csv:2:1: Authorised_on \"\" is not a date (YYYY-MM-DD)");
}
END_TEST

/* Rules of TRUSTS.csv's reader: Trust_code is a required column like the
 * others; a Trust_name of 200 bytes is kept and one of 201 is refused; a
 * review (or ceasing) on the authorisation date itself is not "before" it. */
START_TEST(trusts_csv_edges)
{
    static const char head[] = "Trust_code,Trust_name,Authorised_on,Last_reviewed_on,Ceases_on\n";
    char text[1024], name[202];
    bad_csv("Trust_name,Authorised_on,Last_reviewed_on\nA,2026-04-01,\n", TA_EPARSE,
            "TRUSTS.csv:1: the header has no Trust_code column");
    memset(name, 'n', 201);
    name[201] = '\0';
    snprintf(text, sizeof text, "%sRWX,%s,2026-04-01,,\n", head, name);
    bad_csv(text, TA_EPARSE, "TRUSTS.csv:2:5: Trust_name is over 200 bytes");
    name[200] = '\0';
    snprintf(text, sizeof text, "%sRWX,%s,2026-04-01,2026-04-01,2026-04-01\n", head, name);
    ck_assert_msg(ta_review_schedule_read_buffer(s, text, strlen(text), "TRUSTS.csv") == TA_OK,
                  "%s", ta_review_schedule_error(s));
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    ck_assert_uint_eq(ta_review_schedule_count(s), 1);
    ck_assert_str_eq(ta_review_schedule_name(s, 0), name);
}
END_TEST

/* Rule: reading TRUSTS.csv changes the schedule, so results computed before it
 * are dropped (the count is 0 until the next compute, never the stale one). */
START_TEST(read_trusts_csv_drops_old_results)
{
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RZZ", "First", D(2026, 4, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    ck_assert_uint_eq(ta_review_schedule_count(s), 1);
    ck_assert_int_eq(
        ta_review_schedule_read_buffer(s, trusts_csv, sizeof trusts_csv - 1, "TRUSTS.csv"), TA_OK);
    ck_assert_uint_eq(ta_review_schedule_count(s), 0);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    ck_assert_uint_eq(ta_review_schedule_count(s), 4);
}
END_TEST

START_TEST(csv_export)
{
    const char *text = NULL;
    size_t len = 0;
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RWX", "Example, Trust", D(2026, 4, 1)),
                     TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RSG", "Segment", D(2026, 4, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "RSG", D(2027, 6, 30), 3, TA_NO, TA_NO),
                     TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "RSG", D(2027, 9, 30), 4, TA_NO, TA_NO),
                     TA_OK);
    ck_assert_int_eq(ta_review_schedule_to_csv(&text, &len, s), TA_ESTATE);
    ck_assert_int_eq(ta_review_schedule_set_today(s, D(2028, 1, 4)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    ck_assert_int_eq(ta_review_schedule_to_csv(&text, &len, s), TA_OK);
    ck_assert_str_eq(text, "Trust_code,Trust_name,Due_on,Regular_due_on,Scheduled_on,Late_days,"
                           "Overdue_days,Trigger,Trigger_fired_on,Note\n"
                           "RSG,Segment,2027-12-29,2031-04-01,2028-01-04,6,6,segment,2027-09-30,\n"
                           "RWX,\"Example, Trust\",2031-04-01,2031-04-01,2028-01-05,0,0,,,\n");
    ck_assert_uint_eq(len, strlen(text));
}
END_TEST

/* Rule: the CSV export leaves a cell empty when there is nothing to say:
 * no Overdue_days without a today, no Scheduled_on or Late_days for a
 * review no sitting could take (one sitting of capacity 1, two reviews). */
START_TEST(csv_export_empty_cells)
{
    const char *text = NULL;
    size_t len = 0;
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RA", "", D(2026, 4, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RB", "", D(2026, 4, 2)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_sitting(s, D(2031, 3, 4)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_set_capacity(s, 1), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    ck_assert_int_eq(ta_review_schedule_to_csv(&text, &len, s), TA_OK);
    ck_assert_str_eq(text, "Trust_code,Trust_name,Due_on,Regular_due_on,Scheduled_on,Late_days,"
                           "Overdue_days,Trigger,Trigger_fired_on,Note\n"
                           "RA,,2031-04-01,2031-04-01,2031-03-04,0,,,,\n"
                           "RB,,2031-04-02,2031-04-02,,,,,,no panel sitting left\n");
}
END_TEST

/* Rule: DTSTAMP is YYYYMMDDTHHMMSSZ with a real date and time, each part
 * checked at its edges: 23:59:60 (a leap second) is a time, 24, 60 minutes
 * and 61 seconds are not; a 9 is a digit; a wrong length, T or Z is refused. */
START_TEST(ics_dtstamp_edges)
{
    static const char *const good[] = {"20291231T235960Z", "99991231T235959Z", "20260101T000000Z"};
    static const char *const bad[] = {"20260401T250000Z", "20260401T236000Z", "20260401T235961Z",
                                      "20260401T240000Z", "20260401T000000",  "20260401T0000000Z",
                                      "20260401X000000Z", "20260401T000000X", "2026040AT000000Z",
                                      "20260401T00000:Z"};
    const char *text = NULL;
    size_t len = 0;
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RWX", "", D(2026, 4, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    for (size_t k = 0; k < sizeof good / sizeof good[0]; k++)
        ck_assert_msg(ta_review_schedule_to_ics(&text, &len, s, good[k]) == TA_OK, "%s: %s",
                      good[k], ta_review_schedule_error(s));
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++)
        ck_assert_msg(ta_review_schedule_to_ics(&text, &len, s, bad[k]) == TA_EINVAL, "%s", bad[k]);
}
END_TEST

/* Rule: a review placed on 9999-12-31, the last day the library holds, has
 * no DTEND (the day after): the iCalendar export says so (TA_ERANGE), and
 * the CSV export, which needs no day after, is written. */
START_TEST(ics_sitting_on_the_last_day)
{
    const char *text = NULL;
    size_t len = 0;
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RZ", "", D(9994, 12, 31)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_sitting(s, D(9999, 12, 31)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    ck_assert_int_eq(ta_review_schedule_to_ics(&text, &len, s, "20260101T000000Z"), TA_ERANGE);
    ck_assert_str_eq(ta_review_schedule_error(s), "a sitting on 9999-12-31 has no DTEND");
    ck_assert_int_eq(ta_review_schedule_to_csv(&text, &len, s), TA_OK);
    ck_assert_ptr_nonnull(strstr(text, "RZ,,9999-12-31,9999-12-31,9999-12-31,0,"));
}
END_TEST

/* Rule: a trust code may hold '~' (the last printable ASCII character) and
 * a name or an end note may be exactly 200 bytes; on a computed schedule an
 * index at the count is EINVAL (not ESTATE), with both dates of the due query
 * zeroed. */
START_TEST(code_name_and_index_limits)
{
    char name[202];
    ta_date due = {9, 9, 9}, regular = {9, 9, 9};
    ta_tristate od = TA_YES;
    memset(name, 'n', 200);
    name[200] = '\0';
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "R~1", name, D(2026, 4, 1)), TA_OK);
    name[200] = 'n';
    name[201] = '\0';
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "R2", name, D(2026, 4, 1)), TA_EINVAL);
    /* An end note too may be exactly 200 bytes, not 201 (schedule.c:261). */
    ck_assert_int_eq(ta_review_schedule_set_end(s, "R~1", D(2027, 4, 1), name), TA_EINVAL);
    ck_assert_str_eq(ta_review_schedule_error(s), "trust R~1: end note is over 200 bytes");
    name[200] = '\0';
    ck_assert_int_eq(ta_review_schedule_set_end(s, "R~1", D(2027, 4, 1), name), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    ck_assert_int_eq(ta_review_schedule_due(&due, &regular, s, 1), TA_EINVAL);
    ck_assert_int_eq(due.year * 10000 + due.month * 100 + due.day, 0);
    ck_assert_int_eq(regular.year * 10000 + regular.month * 100 + regular.day, 0);
    ck_assert_int_eq(ta_review_schedule_overdue(&od, NULL, s, 1), TA_EINVAL);
    ck_assert_int_eq(ta_review_schedule_due(&due, &regular, s, 0), TA_OK);
    ck_assert_int_eq(due.year, 2031);
    /* Rule: a trust code is 1 to 16 printable characters. */
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "", "Empty", D(2026, 4, 1)), TA_EINVAL);
    ck_assert_int_eq(
        ta_review_schedule_add_trust(s, "R2345678901234567", "Seventeen", D(2026, 4, 1)),
        TA_EINVAL);
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "R234567890123456", "Sixteen", D(2026, 4, 1)),
                     TA_OK);
}
END_TEST

START_TEST(ics_export)
{
    const char *text = NULL;
    size_t len = 0;
    ck_assert_int_eq(
        ta_review_schedule_add_trust(s, "RWX",
                                     "Example; \"Long\", Trust\\Foundation with a name far longer "
                                     "than seventy-five octets",
                                     D(2026, 4, 1)),
        TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    ck_assert_int_eq(ta_review_schedule_to_ics(&text, &len, s, "20260401T000000Z"), TA_OK);
    ck_assert_str_eq(text, "BEGIN:VCALENDAR\r\n"
                           "VERSION:2.0\r\n"
                           "PRODID:-//libtrustassess//AFT review schedule//EN\r\n"
                           "CALSCALE:GREGORIAN\r\n"
                           "METHOD:PUBLISH\r\n"
                           "BEGIN:VEVENT\r\n"
                           "UID:review-RWX-20310401@libtrustassess\r\n"
                           "DTSTAMP:20260401T000000Z\r\n"
                           "DTSTART;VALUE=DATE:20310401\r\n"
                           "DTEND;VALUE=DATE:20310402\r\n"
                           /* 75 octets, then the continuation */
                           "SUMMARY:AFT review: Example\\; \"Long\"\\, Trust\\\\Foundation "
                           "with a name far lo\r\n"
                           " nger than seventy-five octets (RWX)\r\n"
                           "DESCRIPTION:Review due on 2031-04-01.\r\n"
                           "END:VEVENT\r\n"
                           "END:VCALENDAR\r\n");
    {
        /* Rule: each export is written afresh, never after the last one's
         * text: a second calendar (after a CSV export) is the same calendar. */
        size_t first_len = len;
        ck_assert_int_eq(ta_review_schedule_to_csv(&text, &len, s), TA_OK);
        ck_assert_int_eq(ta_review_schedule_to_ics(&text, &len, s, "20260401T000000Z"), TA_OK);
        ck_assert_uint_eq(len, first_len);
        ck_assert_int_eq(strncmp(text, "BEGIN:VCALENDAR\r\n", 17), 0);
    }
    ck_assert_int_eq(ta_review_schedule_to_ics(&text, &len, s, "20260401T240000Z"), TA_EINVAL);
    ck_assert_int_eq(ta_review_schedule_to_ics(&text, &len, s, "20260230T000000Z"), TA_EINVAL);
    ck_assert_int_eq(ta_review_schedule_to_ics(&text, &len, s, "2026-04-01"), TA_EINVAL);
    ck_assert_int_eq(ta_review_schedule_to_ics(&text, &len, s, NULL), TA_EINVAL);
    ck_assert_ptr_null(text);
}
END_TEST

/* Rule: the iCalendar DESCRIPTION of a review a trigger brought forward says
 * when it fell due, how late the sitting is (one day, or days), and from
 * which regular date which trigger moved it, each sentence ending in a full
 * stop, then the trust's note. */
START_TEST(ics_description_of_a_fired_trigger)
{
    const char *text = NULL;
    size_t len = 0;
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RSG", "Segment", D(2026, 4, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "RSG", D(2027, 6, 30), 3, TA_NO, TA_NO),
                     TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_evidence(s, "RSG", D(2027, 9, 30), 4, TA_NO, TA_NO),
                     TA_OK);
    ck_assert_int_eq(ta_review_schedule_set_end(s, "RSG", D(2040, 1, 1), "Merging"), TA_OK);
    ck_assert_int_eq(ta_review_schedule_set_today(s, D(2028, 1, 4)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    ck_assert_int_eq(ta_review_schedule_to_ics(&text, &len, s, "20280101T000000Z"), TA_OK);
    ck_assert_ptr_nonnull(strstr(
        text, "DESCRIPTION:Review due on 2027-12-29.\\nLate by 6 days.\\nBrought forward fro\r\n"
              " m 2031-04-01 by the segment trigger\\, fired on 2027-09-30.\\nceases to exis\r\n"
              " t on 2040-01-01: Merging\r\nEND:VEVENT\r\n"));
    /* One day late is "day", not "days". */
    ck_assert_int_eq(ta_review_schedule_set_today(s, D(2027, 12, 30)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    ck_assert_int_eq(ta_review_schedule_to_ics(&text, &len, s, "20280101T000000Z"), TA_OK);
    ck_assert_ptr_nonnull(
        strstr(text, "DESCRIPTION:Review due on 2027-12-29.\\nLate by 1 day.\\nBrought"));
}
END_TEST

/* Rule (tai_panel_edf): job j goes to sitting j / capacity while sittings
 * last, every job from the first is written, and with no sitting at all
 * every job is unplaced. */
START_TEST(edf_writes_every_slot)
{
    size_t slot[5], fill;
    memset(&fill, 0x5a, sizeof fill);
    memset(slot, 0x5a, sizeof slot);
    tai_panel_edf(5, 2, 2, slot);
    ck_assert_uint_eq(slot[0], 0);
    ck_assert_uint_eq(slot[1], 0);
    ck_assert_uint_eq(slot[2], 1);
    ck_assert_uint_eq(slot[3], 1);
    ck_assert_uint_eq(slot[4], TAI_PANEL_UNPLACED);
    memset(slot, 0x5a, sizeof slot);
    tai_panel_edf(2, 0, 1, slot);
    ck_assert_uint_eq(slot[0], TAI_PANEL_UNPLACED);
    ck_assert_uint_eq(slot[1], TAI_PANEL_UNPLACED);
    ck_assert_uint_eq(slot[2], fill); /* n = 2: nothing past the jobs */
}
END_TEST

START_TEST(ics_folding_and_escaping)
{
    ta_allocator a;
    tai_text t;
    char line[200];
    ck_assert_int_eq(tai_alloc_init(&a, NULL), TA_OK);
    tai_text_init(&t, &a);
    /* Exactly 75 octets: one line, no fold. */
    memset(line, 'x', 75);
    ck_assert_int_eq(tai_text_ics_line(&t, line, 75), TA_OK);
    ck_assert_uint_eq(t.len, 77);
    ck_assert_str_eq(t.data + 75, "\r\n");
    /* 76 octets: 75, then a continuation of one space and one octet. */
    tai_text_clear(&t);
    memset(line, 'x', 76);
    ck_assert_int_eq(tai_text_ics_line(&t, line, 76), TA_OK);
    ck_assert_uint_eq(t.len, 75 + 2 + 1 + 1 + 2);
    ck_assert_int_eq(memcmp(t.data + 75, "\r\n x\r\n", 6), 0);
    /* 75 + 74 + 1: continuation lines hold 74 octets after their space. */
    tai_text_clear(&t);
    memset(line, 'x', 150);
    ck_assert_int_eq(tai_text_ics_line(&t, line, 150), TA_OK);
    ck_assert_int_eq(memcmp(t.data + 75, "\r\n ", 3), 0);
    ck_assert_int_eq(memcmp(t.data + 75 + 3 + 74, "\r\n x\r\n", 6), 0);
    /* A two-octet UTF-8 character (é) on octets 75-76 moves whole to the next line. */
    tai_text_clear(&t);
    memset(line, 'x', 74);
    memcpy(line + 74, "\xC3\xA9yz", 4);
    ck_assert_int_eq(tai_text_ics_line(&t, line, 78), TA_OK);
    ck_assert_int_eq(memcmp(t.data + 74, "\r\n \xC3\xA9yz\r\n", 9), 0);
    /* A four-octet character straddling the fold. */
    tai_text_clear(&t);
    memset(line, 'x', 73);
    memcpy(line + 73, "\xF0\x9F\x8F\xA5", 4);
    ck_assert_int_eq(tai_text_ics_line(&t, line, 77), TA_OK);
    ck_assert_int_eq(memcmp(t.data + 73, "\r\n \xF0\x9F\x8F\xA5\r\n", 9), 0);
    /* Invalid UTF-8 with no character start within reach (continuation
     * octets only, after an ASCII octet before the line): folded at 75 anyway. */
    tai_text_clear(&t);
    line[0] = 'a';
    memset(line + 1, 0x80, 100);
    ck_assert_int_eq(tai_text_ics_line(&t, line + 1, 100), TA_OK);
    ck_assert_uint_eq(t.len, 75 + 2 + 1 + 25 + 2);
    ck_assert_int_eq(memcmp(t.data + 75, "\r\n \x80", 4), 0);
    ck_assert_int_eq(memcmp(t.data + 103, "\r\n", 2), 0);
    /* TEXT escaping. */
    tai_text_clear(&t);
    ck_assert_int_eq(tai_text_ics_escape(&t, "a,b;c\\d\ne\r\nf\rg"), TA_OK);
    ck_assert_str_eq(t.data, "a\\,b\\;c\\\\d\\ne\\nf\\ng");
    tai_text_clear(&t);
    ck_assert_int_eq(tai_text_csv_field(&t, "say \"hi\""), TA_OK);
    ck_assert_str_eq(t.data, "\"say \"\"hi\"\"\"");
    tai_text_free(&t);
}
END_TEST

/* An allocator that fails the n-th allocation and counts live blocks. */
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

/* The whole workflow; the first failing status. */
static ta_status workflow(const ta_allocator *a)
{
    ta_review_schedule *sch = NULL;
    const char *text;
    size_t len, added;
    ta_status st;
    if ((st = ta_review_schedule_new(&sch, a)) != TA_OK)
        return st;
    if ((st = ta_review_schedule_read_buffer(sch, trusts_csv, sizeof trusts_csv - 1, "T.csv")) ||
        (st = ta_review_schedule_add_trust(sch, "RSG", "Segment", D(2026, 4, 1))) ||
        (st = ta_review_schedule_add_evidence(sch, "RSG", D(2027, 6, 30), 3, TA_NO, TA_NO)) ||
        (st = ta_review_schedule_add_evidence(sch, "RSG", D(2027, 9, 30), 4, TA_NO, TA_NO)) ||
        (st = ta_review_schedule_add_review(sch, "RWX", D(2027, 1, 4))) ||
        (st = ta_review_schedule_set_end(sch, "RY3", D(2026, 4, 1), "merged")) ||
        (st = ta_holidays_add(ta_review_schedule_holidays(sch), D(2027, 12, 31), "Extra")) ||
        (st = ta_holidays_remove(ta_review_schedule_holidays(sch), D(2028, 1, 3))) ||
        (st = ta_review_schedule_add_trigger(sch, TA_TRIGGER_RSP, 0, 0, 10)) ||
        (st = ta_review_schedule_compute(sch)) ||
        (st = ta_review_schedule_to_csv(&text, &len, sch)) ||
        (st = ta_review_schedule_to_ics(&text, &len, sch, "20260101T000000Z")) ||
        (st = ta_review_schedule_add_sittings_weekly(&added, sch, D(2028, 1, 1), D(2030, 12, 31),
                                                     TA_WEEKDAY_BIT(TA_TUESDAY))) ||
        (st = ta_review_schedule_compute(sch)) ||
        (st = ta_review_schedule_to_ics(&text, &len, sch, "20260101T000000Z"))) {
        ta_review_schedule_free(sch);
        return st;
    }
    {
        ta_holidays *h = ta_review_schedule_holidays(sch);
        size_t n;
        st = ta_holidays_list(&n, h, 2027);
    }
    ta_review_schedule_free(sch);
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
    ck_assert_int_gt(total, 20);
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

/* Rule: an export that is written clears the message a refused call left on
 * the schedule, CSV and iCalendar alike. */
START_TEST(a_written_export_clears_the_last_error)
{
    const char *text = NULL;
    size_t len = 0;
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RWX", "", D(2026, 4, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    ck_assert_int_eq(ta_review_schedule_to_csv(NULL, &len, s), TA_EINVAL);
    ck_assert_str_eq(ta_review_schedule_error(s), "text or len is NULL");
    ck_assert_int_eq(ta_review_schedule_to_csv(&text, &len, s), TA_OK);
    ck_assert_str_eq(ta_review_schedule_error(s), "");
    ck_assert_int_eq(ta_review_schedule_to_ics(&text, &len, s, "20260401"), TA_EINVAL);
    ck_assert_str_eq(ta_review_schedule_error(s),
                     "DTSTAMP \"20260401\" is not a UTC date-time YYYYMMDDTHHMMSSZ");
    ck_assert_int_eq(ta_review_schedule_to_ics(&text, &len, s, "20260401T000000Z"), TA_OK);
    ck_assert_str_eq(ta_review_schedule_error(s), "");
}
END_TEST

/* Rule: DTSTAMP's time is six digits: a character just below '0' in the hour
 * is refused, though it would make an hour under 24. */
START_TEST(ics_dtstamp_time_is_digits)
{
    const char *text = NULL;
    size_t len = 0;
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RWX", "", D(2026, 4, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    ck_assert_int_eq(ta_review_schedule_to_ics(&text, &len, s, "20260401T/00000Z"), TA_EINVAL);
    ck_assert_int_eq(ta_review_schedule_to_ics(&text, &len, s, "20260401T0/0000Z"), TA_EINVAL);
    ck_assert_int_eq(ta_review_schedule_to_ics(&text, &len, s, "20260401T00000/Z"), TA_EINVAL);
}
END_TEST

/* Rule: the UID is TEXT-escaped like the other values: a ';' in a trust code
 * is written "\;". */
START_TEST(ics_uid_escapes_the_trust_code)
{
    const char *text = NULL;
    size_t len = 0;
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "A;B", "", D(2026, 4, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    ck_assert_int_eq(ta_review_schedule_to_ics(&text, &len, s, "20260401T000000Z"), TA_OK);
    ck_assert_msg(strstr(text, "\r\nUID:review-A\\;B-20310401@libtrustassess\r\n") != NULL, "%s",
                  text);
}
END_TEST

int main(void)
{
    Suite *su = suite_create("review");
    TCase *tc = tcase_create("core");
    SRunner *sr;
    int failed;
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, five_year_rule);
    tcase_add_test(tc, read_trusts_file);
    tcase_add_test(tc, feb29_authorisation);
    tcase_add_test(tc, overdue_against_today);
    tcase_add_test(tc, bad_input_named);
    tcase_add_test(tc, triggers_bring_reviews_forward);
    tcase_add_test(tc, trust_that_ceases);
    tcase_add_test(tc, panel_meets_deadlines_then_minimises_lateness);
    tcase_add_test(tc, edf_is_optimal_against_exhaustive_search);
    tcase_add_test(tc, read_trusts_csv);
    tcase_add_test(tc, bad_trusts_csv_names_the_row);
    tcase_add_test(tc, trusts_csv_edges);
    tcase_add_test(tc, read_trusts_csv_drops_old_results);
    tcase_add_test(tc, csv_export);
    tcase_add_test(tc, ics_export);
    tcase_add_test(tc, code_name_and_index_limits);
    tcase_add_test(tc, csv_export_empty_cells);
    tcase_add_test(tc, ics_dtstamp_edges);
    tcase_add_test(tc, ics_sitting_on_the_last_day);
    tcase_add_test(tc, ics_folding_and_escaping);
    tcase_add_test(tc, edf_writes_every_slot);
    tcase_add_test(tc, ics_description_of_a_fired_trigger);
    tcase_add_test(tc, allocation_failure_sweep);
    tcase_add_test(tc, a_written_export_clears_the_last_error);
    tcase_add_test(tc, ics_dtstamp_time_is_digits);
    tcase_add_test(tc, ics_uid_escapes_the_trust_code);
    suite_add_tcase(su, tc);
    sr = srunner_create(su);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
