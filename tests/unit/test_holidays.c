/*
 * Bank holidays of England and Wales and working days (ta_holidays): the
 * substitute rules, Easter, every built-in proclamation, caller changes and
 * working-day arithmetic across Christmas and Easter. The full 2000-2040
 * comparison with independent sources is tests/review/check_holidays.py.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "alloc_guard.h"
#include "trustassess/review.h"

static ta_date D(int y, int m, int d)
{
    ta_date r = {y, m, d};
    return r;
}

static ta_holidays *h;

static void setup(void)
{
    ck_assert_int_eq(ta_holidays_new(&h, NULL), TA_OK);
}

static void teardown(void)
{
    ta_holidays_free(h);
    h = NULL;
}

static int working(int y, int m, int d)
{
    int w = -1;
    ck_assert_int_eq(ta_holidays_is_working_day(&w, h, D(y, m, d)), TA_OK);
    return w;
}

/* Asserts that `year` lists exactly `expected` ("YYYY-MM-DD,Name" lines). */
static void check_year(int year, const char *const *expected, size_t n)
{
    size_t count = 0;
    ck_assert_int_eq(ta_holidays_list(&count, h, year), TA_OK);
    ck_assert_uint_eq(count, n);
    for (size_t i = 0; i < n; i++) {
        ta_date d;
        const char *name;
        char line[128], text[TA_DATE_TEXT_SIZE];
        ck_assert_int_eq(ta_holidays_entry(&d, &name, h, i), TA_OK);
        ta_date_format(text, sizeof text, d);
        strcpy(line, text);
        strcat(line, ",");
        strcat(line, name);
        ck_assert_str_eq(line, expected[i]);
    }
}

START_TEST(year_2022_as_govuk_lists_it)
{
    static const char *const want[] = {
        "2022-01-03,New Year's Day (substitute day)",
        "2022-04-15,Good Friday",
        "2022-04-18,Easter Monday",
        "2022-05-02,Early May bank holiday",
        "2022-06-02,Spring bank holiday",
        "2022-06-03,Platinum Jubilee bank holiday",
        "2022-08-29,Summer bank holiday",
        "2022-09-19,Bank Holiday for the State Funeral of Queen Elizabeth II",
        "2022-12-26,Boxing Day",
        "2022-12-27,Christmas Day (substitute day)",
    };
    check_year(2022, want, sizeof want / sizeof want[0]);
}
END_TEST

START_TEST(christmas_substitutes)
{
    static const char *const y2021[] = {
        "2021-01-01,New Year's Day",
        "2021-04-02,Good Friday",
        "2021-04-05,Easter Monday",
        "2021-05-03,Early May bank holiday",
        "2021-05-31,Spring bank holiday",
        "2021-08-30,Summer bank holiday",
        "2021-12-27,Christmas Day (substitute day)",
        "2021-12-28,Boxing Day (substitute day)",
    };
    check_year(2021, y2021, sizeof y2021 / sizeof y2021[0]);
    /* Christmas on a Friday: Boxing Day moves to Monday 28. */
    ck_assert_int_eq(working(2020, 12, 25), 0);
    ck_assert_int_eq(working(2020, 12, 28), 0);
    ck_assert_int_eq(working(2020, 12, 29), 1);
    /* Christmas on a Saturday (2027): Monday 27 and Tuesday 28. */
    ck_assert_int_eq(working(2027, 12, 27), 0);
    ck_assert_int_eq(working(2027, 12, 28), 0);
    ck_assert_int_eq(working(2027, 12, 29), 1);
    /* New Year's Day on a Saturday (2033): Monday 3 January; on a Sunday (2034): Monday 2. */
    ck_assert_int_eq(working(2033, 1, 3), 0);
    ck_assert_int_eq(working(2034, 1, 2), 0);
    ck_assert_int_eq(working(2034, 1, 3), 1);
}
END_TEST

START_TEST(easter_extremes)
{
    /* Easter 2038 is 25 April (the latest possible); 2285 is 22 March (earliest). */
    ck_assert_int_eq(working(2038, 4, 23), 0);
    ck_assert_int_eq(working(2038, 4, 26), 0);
    ck_assert_int_eq(working(2285, 3, 20), 0);
    ck_assert_int_eq(working(2285, 3, 23), 0);
    ck_assert_int_eq(working(2024, 3, 29), 0);
    ck_assert_int_eq(working(2024, 4, 1), 0);
    ck_assert_int_eq(working(2024, 4, 2), 1);
}
END_TEST

/* Rule: Easter in the years where the algorithm's correction term m is 1
 * (1981, 2049, 2076, 2106, 2133; dates from Oudin's algorithm, computed
 * apart): Good Friday and Easter Monday are off, the Thursday before and
 * the Tuesday after are working days. */
/* Rule: a NULL out is refused with its own message; with no calendar as
 * well, it is refused without one. */
START_TEST(working_day_walk_refuses_a_null_out)
{
    ck_assert_int_eq(ta_holidays_add_working_days(NULL, h, D(2026, 1, 5), 3), TA_EINVAL);
    ck_assert_str_eq(ta_holidays_error(h), "out is NULL");
    ck_assert_int_eq(ta_holidays_add_working_days(NULL, NULL, D(2026, 1, 5), 3), TA_EINVAL);
}
END_TEST

START_TEST(easter_when_the_correction_applies)
{
    static const int easter[][3] = {
        {1981, 4, 19}, {2049, 4, 18}, {2076, 4, 19}, {2106, 4, 18}, {2133, 4, 19}};
    for (size_t k = 0; k < sizeof easter / sizeof easter[0]; k++) {
        int y = easter[k][0], m = easter[k][1], d = easter[k][2];
        ck_assert_msg(working(y, m, d - 3) == 1, "%d: Thursday", y);
        ck_assert_msg(working(y, m, d - 2) == 0, "%d: Good Friday", y);
        ck_assert_msg(working(y, m, d + 1) == 0, "%d: Easter Monday", y);
        ck_assert_msg(working(y, m, d + 2) == 1, "%d: Tuesday", y);
    }
}
END_TEST

/* Easter Sunday by Oudin's algorithm (1940), written apart from the
 * library's Meeus/Jones/Butcher: every quantity here is non-negative, so C's
 * division is the floor the algorithm means. */
static ta_date oudin_easter(int y)
{
    int g = y % 19, c = y / 100;
    int e = (c - c / 4 - (8 * c + 13) / 25 + 19 * g + 15) % 30;
    int i = e - (e / 28) * (1 - (e / 28) * (29 / (e + 1)) * ((21 - g) / 11));
    int j = (y + y / 4 + i + 2 - c + c / 4) % 7;
    int p = i - j;
    return D(y, 3 + (p + 26) / 30, 1 + (p + 27 + (p + 6) / 40) % 31);
}

/* Rule: Good Friday and Easter Monday in every year the calendar holds (1978
 * to 9999) are two days before and one day after Easter Sunday as a second,
 * independent algorithm computes it. */
START_TEST(easter_every_year_against_a_second_algorithm)
{
    for (int y = TA_HOLIDAYS_FIRST_YEAR; y <= TA_HOLIDAYS_LAST_YEAR; y++) {
        ta_date easter = oudin_easter(y), friday, monday, got;
        size_t n = 0, found = 0;
        const char *name;
        ck_assert_int_eq(ta_date_add_days(&friday, easter, -2), TA_OK);
        ck_assert_int_eq(ta_date_add_days(&monday, easter, 1), TA_OK);
        ck_assert_int_eq(ta_holidays_list(&n, h, y), TA_OK);
        for (size_t i = 0; i < n; i++) {
            ck_assert_int_eq(ta_holidays_entry(&got, &name, h, i), TA_OK);
            if (strcmp(name, "Good Friday") == 0) {
                ck_assert_msg(ta_date_compare(got, friday) == 0, "%d: Good Friday", y);
                found++;
            } else if (strcmp(name, "Easter Monday") == 0) {
                ck_assert_msg(ta_date_compare(got, monday) == 0, "%d: Easter Monday", y);
                found++;
            }
        }
        ck_assert_msg(found == 2, "%d: %zu Easter days", y, found);
    }
}
END_TEST

START_TEST(every_builtin_proclamation)
{
    static const int off[][3] = {{1981, 7, 29}, {1995, 5, 8},  {1999, 12, 31}, {2002, 6, 3},
                                 {2002, 6, 4},  {2011, 4, 29}, {2012, 6, 4},   {2012, 6, 5},
                                 {2020, 5, 8},  {2022, 6, 2},  {2022, 6, 3},   {2022, 9, 19},
                                 {2023, 5, 8}};
    /* The rule dates the moves replaced are working days in those years. */
    static const int on[][3] = {
        {1995, 5, 1}, {2002, 5, 27}, {2012, 5, 28}, {2020, 5, 4}, {2022, 5, 30}};
    for (size_t i = 0; i < sizeof off / sizeof off[0]; i++)
        ck_assert_msg(working(off[i][0], off[i][1], off[i][2]) == 0, "%d-%d-%d", off[i][0],
                      off[i][1], off[i][2]);
    for (size_t i = 0; i < sizeof on / sizeof on[0]; i++)
        ck_assert_msg(working(on[i][0], on[i][1], on[i][2]) == 1, "%d-%d-%d", on[i][0], on[i][1],
                      on[i][2]);
    /* In other years the rules stand: early May 2021 is the first Monday. */
    ck_assert_int_eq(working(2021, 5, 3), 0);
    ck_assert_int_eq(working(2021, 5, 10), 1);
}
END_TEST

/* Rule: removing a caller's holiday removes that one alone, wherever it
 * stands among the others, and frees its name: a guarding allocator counts
 * every block back and sees no write outside one. */
START_TEST(removing_an_added_holiday_keeps_the_others)
{
    ag_state g = {0};
    ta_allocator al = ag_allocator(&g);
    ta_holidays *own = NULL;
    int w = -1;
    size_t n = 0;
    ta_date got;
    const char *name;
    ck_assert_int_eq(ta_holidays_new(&own, &al), TA_OK);
    ck_assert_int_eq(ta_holidays_add(own, D(2031, 3, 3), "One"), TA_OK);
    ck_assert_int_eq(ta_holidays_add(own, D(2031, 3, 4), "Two"), TA_OK);
    ck_assert_int_eq(ta_holidays_add(own, D(2031, 3, 5), "Three"), TA_OK);
    ck_assert_int_eq(ta_holidays_remove(own, D(2031, 3, 3)), TA_OK);
    ck_assert_int_eq(ta_holidays_is_working_day(&w, own, D(2031, 3, 3)), TA_OK);
    ck_assert_int_eq(w, 1);
    ck_assert_int_eq(ta_holidays_is_working_day(&w, own, D(2031, 3, 4)), TA_OK);
    ck_assert_int_eq(w, 0);
    ck_assert_int_eq(ta_holidays_is_working_day(&w, own, D(2031, 3, 5)), TA_OK);
    ck_assert_int_eq(w, 0);
    ck_assert_int_eq(ta_holidays_remove(own, D(2031, 3, 5)), TA_OK);
    ck_assert_int_eq(ta_holidays_list(&n, own, 2031), TA_OK);
    ck_assert_int_eq(ta_holidays_entry(&got, &name, own, 0), TA_OK); /* New Year's Day */
    ck_assert_int_eq(ta_holidays_entry(&got, &name, own, 1), TA_OK);
    ck_assert_int_eq(got.month * 100 + got.day, 304);
    ck_assert_str_eq(name, "Two");
    ck_assert_int_eq(ta_holidays_entry(&got, &name, own, 2), TA_OK);
    ck_assert_str_eq(name, "Good Friday");
    /* Rule: either output may be NULL; an entry past the list is refused and
     * leaves the date zeroed and the name NULL. */
    ck_assert_int_eq(ta_holidays_entry(NULL, &name, own, 2), TA_OK);
    ck_assert_str_eq(name, "Good Friday");
    ck_assert_int_eq(ta_holidays_entry(&got, &name, own, n), TA_EINVAL);
    ck_assert_int_eq(got.year + got.month + got.day, 0);
    ck_assert_ptr_null(name);
    ta_holidays_free(own);
    ck_assert_uint_eq(g.overruns, 0);
    ck_assert_uint_eq(g.live, 0);
}
END_TEST

/* Rule: a year's list holds the caller's holidays from 1 January to 31
 * December inclusive: New Year's Day 2031 removed and added back under
 * another name, and 31 December added, are both listed in 2031. */
START_TEST(list_holds_added_days_at_both_ends_of_the_year)
{
    size_t n = 0;
    ta_date got;
    const char *name;
    ck_assert_int_eq(ta_holidays_remove(h, D(2031, 1, 1)), TA_OK);
    ck_assert_int_eq(ta_holidays_add(h, D(2031, 1, 1), "Moved"), TA_OK);
    ck_assert_int_eq(ta_holidays_add(h, D(2031, 12, 31), "Eve"), TA_OK);
    ck_assert_int_eq(ta_holidays_list(&n, h, 2031), TA_OK);
    ck_assert_uint_eq(n, 9); /* the eight rule days less New Year's Day, and the two added */
    ck_assert_int_eq(ta_holidays_entry(&got, &name, h, 0), TA_OK);
    ck_assert_int_eq(got.month * 100 + got.day, 101);
    ck_assert_str_eq(name, "Moved");
    ck_assert_int_eq(ta_holidays_entry(&got, &name, h, n - 1), TA_OK);
    ck_assert_int_eq(got.month * 100 + got.day, 1231);
    ck_assert_str_eq(name, "Eve");
}
END_TEST

START_TEST(working_days_across_christmas_and_easter)
{
    ta_date d;
    ck_assert_int_eq(ta_holidays_add_working_days(&d, h, D(2024, 12, 23), 1), TA_OK);
    ck_assert_int_eq(d.day, 24);
    ck_assert_int_eq(ta_holidays_add_working_days(&d, h, D(2024, 12, 23), 2), TA_OK);
    ck_assert_int_eq(d.month * 100 + d.day, 1227);
    ck_assert_int_eq(ta_holidays_add_working_days(&d, h, D(2021, 12, 24), 1), TA_OK);
    ck_assert_int_eq(d.month * 100 + d.day, 1229);
    ck_assert_int_eq(ta_holidays_add_working_days(&d, h, D(2021, 12, 24), 3), TA_OK);
    ck_assert_int_eq(d.year * 10000 + d.month * 100 + d.day, 20211231);
    ck_assert_int_eq(ta_holidays_add_working_days(&d, h, D(2021, 12, 24), 4), TA_OK);
    ck_assert_int_eq(d.year * 10000 + d.month * 100 + d.day, 20220104);
    ck_assert_int_eq(ta_holidays_add_working_days(&d, h, D(2024, 3, 28), 1), TA_OK);
    ck_assert_int_eq(d.month * 100 + d.day, 402);
    ck_assert_int_eq(ta_holidays_add_working_days(&d, h, D(2024, 4, 2), -1), TA_OK);
    ck_assert_int_eq(d.month * 100 + d.day, 328);
    ck_assert_int_eq(ta_holidays_add_working_days(&d, h, D(2024, 3, 30), 0), TA_OK);
    ck_assert_int_eq(d.month * 100 + d.day, 330);
    ck_assert_int_eq(ta_holidays_next_working_day(&d, h, D(2023, 5, 5)), TA_OK);
    ck_assert_int_eq(d.month * 100 + d.day, 509);
    ck_assert_int_eq(ta_holidays_previous_working_day(&d, h, D(2023, 5, 9)), TA_OK);
    ck_assert_int_eq(d.month * 100 + d.day, 505);
    /* 2024 (leap, starting on a Monday) has 262 weekdays less 8 bank holidays: 254. */
    ck_assert_int_eq(ta_holidays_add_working_days(&d, h, D(2023, 12, 31), 254), TA_OK);
    ck_assert_int_eq(d.year * 10000 + d.month * 100 + d.day, 20241231);
}
END_TEST

START_TEST(caller_changes)
{
    size_t n = 0;
    ta_date d;
    const char *name;
    ck_assert_int_eq(ta_holidays_add(h, D(2031, 6, 2), "Extra day"), TA_OK);
    ck_assert_int_eq(working(2031, 6, 2), 0);
    ck_assert_int_eq(ta_holidays_add(h, D(2031, 6, 2), "Again"), TA_EDUPLICATE);
    ck_assert_int_eq(ta_holidays_add(h, D(2031, 12, 25), "Christmas"), TA_EDUPLICATE);
    ck_assert_int_eq(ta_holidays_add(h, D(2031, 6, 7), "Saturday"), TA_EINVAL);
    ck_assert_ptr_nonnull(strstr(ta_holidays_error(h), "2031-06-07"));
    ck_assert_int_eq(ta_holidays_add(h, D(2031, 6, 3), ""), TA_EINVAL);
    ck_assert_int_eq(ta_holidays_add(h, D(2031, 6, 3), NULL), TA_EINVAL);
    ck_assert_int_eq(ta_holidays_list(&n, h, 2031), TA_OK);
    ck_assert_uint_eq(n, 9);
    ck_assert_int_eq(ta_holidays_entry(&d, &name, h, 5), TA_OK);
    ck_assert_int_eq(d.month * 100 + d.day, 602);
    ck_assert_str_eq(name, "Extra day");
    ck_assert_int_eq(ta_holidays_remove(h, D(2031, 12, 25)), TA_OK);
    ck_assert_int_eq(working(2031, 12, 25), 1);
    ck_assert_int_eq(ta_holidays_remove(h, D(2031, 12, 25)), TA_ENOTFOUND);
    ck_assert_int_eq(ta_holidays_remove(h, D(2031, 6, 2)), TA_OK);
    ck_assert_int_eq(working(2031, 6, 2), 1);
    ck_assert_int_eq(ta_holidays_list(&n, h, 2031), TA_OK);
    ck_assert_uint_eq(n, 7);
    /* A removed holiday may be given back under the caller's name. */
    ck_assert_int_eq(ta_holidays_add(h, D(2031, 12, 25), "Christmas Day"), TA_OK);
    ck_assert_int_eq(working(2031, 12, 25), 0);
    ck_assert_int_eq(ta_holidays_list(&n, h, 2031), TA_OK);
    ck_assert_uint_eq(n, 8);
    ck_assert_int_eq(ta_holidays_entry(&d, &name, h, 8), TA_EINVAL);
}
END_TEST

/* Rule: a call that succeeds leaves no error text ("" after it), whatever
 * the call before it left: each ta_holidays_* call after a refused date. */
START_TEST(a_successful_call_clears_the_error)
{
    for (int k = 0; k < 7; k++) {
        ta_status st = TA_EINVAL;
        ta_date d;
        size_t n;
        int w;
        ck_assert_int_eq(ta_holidays_is_working_day(&w, h, D(1977, 6, 1)), TA_ERANGE);
        ck_assert_str_ne(ta_holidays_error(h), "");
        switch (k) {
        case 0:
            st = ta_holidays_add(h, D(2024, 6, 4), "Extra");
            break;
        case 1:
            st = ta_holidays_remove(h, D(2024, 6, 4));
            break;
        case 2:
            st = ta_holidays_is_working_day(&w, h, D(2024, 6, 4));
            break;
        case 3:
            st = ta_holidays_next_working_day(&d, h, D(2024, 6, 4));
            break;
        case 4:
            st = ta_holidays_previous_working_day(&d, h, D(2024, 6, 4));
            break;
        case 5:
            st = ta_holidays_add_working_days(&d, h, D(2024, 6, 4), 3);
            break;
        case 6:
            st = ta_holidays_list(&n, h, 2024);
            break;
        }
        ck_assert_int_eq(st, TA_OK);
        ck_assert_msg(strcmp(ta_holidays_error(h), "") == 0, "call %d kept the error \"%s\"", k,
                      ta_holidays_error(h));
    }
}
END_TEST

START_TEST(bad_arguments)
{
    int w;
    size_t n;
    ta_date d;
    ck_assert_int_eq(ta_holidays_new(NULL, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_holidays_is_working_day(&w, h, D(2023, 2, 29)), TA_EINVAL);
    ck_assert_int_eq(ta_holidays_is_working_day(&w, h, D(1977, 6, 1)), TA_ERANGE);
    ck_assert_ptr_nonnull(strstr(ta_holidays_error(h), "1977-06-01"));
    /* 1978 itself is in: its New Year's Day (a Sunday) moved to Monday 2 January. */
    ck_assert_int_eq(ta_holidays_is_working_day(&w, h, D(1978, 1, 2)), TA_OK);
    ck_assert_int_eq(w, 0);
    ck_assert_int_eq(ta_holidays_is_working_day(&w, h, D(1978, 1, 3)), TA_OK);
    ck_assert_int_eq(w, 1);
    ck_assert_int_eq(ta_holidays_is_working_day(&w, NULL, D(2023, 2, 28)), TA_EINVAL);
    ck_assert_int_eq(ta_holidays_is_working_day(NULL, h, D(2023, 2, 28)), TA_EINVAL);
    n = 7;
    ck_assert_int_eq(ta_holidays_list(&n, h, 1977), TA_ERANGE);
    ck_assert_uint_eq(n, 0); /* a failed list lists nothing */
    n = 7;
    ck_assert_int_eq(ta_holidays_list(&n, NULL, 2024), TA_EINVAL);
    ck_assert_uint_eq(n, 0);
    ck_assert_int_eq(ta_holidays_list(&n, h, 10000), TA_ERANGE);
    ck_assert_str_eq(ta_holidays_error(h), "year 10000 is outside 1978 to 9999");
    /* The range's own ends are in: 1978 and 9999 list their holidays. */
    ck_assert_int_eq(ta_holidays_list(&n, h, TA_HOLIDAYS_FIRST_YEAR), TA_OK);
    ck_assert_uint_gt(n, 0);
    ck_assert_int_eq(ta_holidays_list(&n, h, TA_HOLIDAYS_LAST_YEAR), TA_OK);
    ck_assert_uint_gt(n, 0);
    ck_assert_int_eq(ta_holidays_list(NULL, h, 2024), TA_EINVAL);
    ck_assert_int_eq(ta_holidays_next_working_day(&d, h, D(9999, 12, 31)), TA_ERANGE);
    ck_assert_int_eq(ta_holidays_previous_working_day(&d, h, D(1978, 1, 2)), TA_ERANGE);
    ck_assert_int_eq(ta_holidays_next_working_day(NULL, h, D(2024, 1, 1)), TA_EINVAL);
    ck_assert_str_eq(ta_holidays_error(NULL), "");
    /* Removing a day that is no holiday names the day. */
    ck_assert_int_eq(ta_holidays_remove(h, D(2024, 6, 4)), TA_ENOTFOUND);
    ck_assert_str_eq(ta_holidays_error(h), "2024-06-04 is not a holiday");
    /* The last day the calendar holds, a Friday, is a working day to walk to. */
    ck_assert_int_eq(ta_holidays_next_working_day(&d, h, D(9999, 12, 30)), TA_OK);
    ck_assert_int_eq(d.year * 10000 + d.month * 100 + d.day, 99991231);
    ck_assert_int_eq(ta_holidays_add_working_days(&d, h, D(9999, 12, 29), 2), TA_OK);
    ck_assert_int_eq(d.year * 10000 + d.month * 100 + d.day, 99991231);
    ta_holidays_free(NULL);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("holidays");
    TCase *tc = tcase_create("core");
    SRunner *sr;
    int failed;
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, year_2022_as_govuk_lists_it);
    tcase_add_test(tc, christmas_substitutes);
    tcase_add_test(tc, easter_extremes);
    tcase_add_test(tc, easter_when_the_correction_applies);
    tcase_add_test(tc, working_day_walk_refuses_a_null_out);
    tcase_add_test(tc, easter_every_year_against_a_second_algorithm);
    tcase_add_test(tc, every_builtin_proclamation);
    tcase_add_test(tc, working_days_across_christmas_and_easter);
    tcase_add_test(tc, caller_changes);
    tcase_add_test(tc, list_holds_added_days_at_both_ends_of_the_year);
    tcase_add_test(tc, removing_an_added_holiday_keeps_the_others);
    tcase_add_test(tc, bad_arguments);
    tcase_add_test(tc, a_successful_call_clears_the_error);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
