/*
 * Civil dates (include/trustassess/date.h): leap and century years, year
 * ends, the Rata Die mapping over the whole range, strict ISO 8601 text, the
 * month clamp and the 29 February rule.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "trustassess/date.h"

static ta_date D(int y, int m, int d)
{
    ta_date r = {y, m, d};
    return r;
}

#define ck_assert_date(got, y, m, d)                                                               \
    do {                                                                                           \
        ck_assert_int_eq((got).year, (y));                                                         \
        ck_assert_int_eq((got).month, (m));                                                        \
        ck_assert_int_eq((got).day, (d));                                                          \
    } while (0)

/* Rule: each month's length, in a common and a leap year: its last day is
 * valid and the day after it is not. */
START_TEST(every_month_length)
{
    static const int32_t common[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int32_t m = 1; m <= 12; m++)
        for (int32_t y = 2023; y <= 2024; y++) {
            int32_t n = common[m - 1] + (m == 2 && y == 2024);
            ck_assert_int_eq(ta_date_days_in_month(y, m), n);
            ck_assert(ta_date_is_valid(D(y, m, n)));
            ck_assert(!ta_date_is_valid(D(y, m, n + 1)));
        }
}
END_TEST

START_TEST(leap_and_century_years)
{
    ck_assert_int_eq(ta_date_is_leap_year(2000), 1);
    ck_assert_int_eq(ta_date_is_leap_year(1900), 0);
    ck_assert_int_eq(ta_date_is_leap_year(2100), 0);
    ck_assert_int_eq(ta_date_is_leap_year(2400), 1);
    ck_assert_int_eq(ta_date_is_leap_year(2024), 1);
    ck_assert_int_eq(ta_date_is_leap_year(2023), 0);
    ck_assert_int_eq(ta_date_is_leap_year(0), 0);
    ck_assert_int_eq(ta_date_days_in_month(2000, 2), 29);
    ck_assert_int_eq(ta_date_days_in_month(1900, 2), 28);
    ck_assert_int_eq(ta_date_days_in_month(2100, 2), 28);
    ck_assert_int_eq(ta_date_days_in_month(2023, 4), 30);
    ck_assert_int_eq(ta_date_days_in_month(2023, 13), 0);
    ck_assert_int_eq(ta_date_is_valid(D(2024, 2, 29)), 1);
    ck_assert_int_eq(ta_date_is_valid(D(2023, 2, 29)), 0);
    ck_assert_int_eq(ta_date_is_valid(D(2024, 2, 30)), 0);
    ck_assert_int_eq(ta_date_is_valid(D(1900, 2, 29)), 0);
    ck_assert_int_eq(ta_date_is_valid(D(0, 1, 1)), 0);
    ck_assert_int_eq(ta_date_is_valid(D(10000, 1, 1)), 0);
    ck_assert_int_eq(ta_date_is_valid(D(2023, 4, 31)), 0);
    ck_assert_int_eq(ta_date_is_valid(D(2023, 1, 0)), 0);
}
END_TEST

START_TEST(parse_is_strict)
{
    ta_date d;
    ck_assert_int_eq(ta_date_parse(&d, "2024-02-29", 10), TA_OK);
    ck_assert_date(d, 2024, 2, 29);
    ck_assert_int_eq(ta_date_parse(&d, "2023-02-29", 10), TA_ERANGE);
    ck_assert_date(d, 0, 0, 0);
    ck_assert_int_eq(ta_date_parse(&d, "2023-02-30", 10), TA_ERANGE);
    ck_assert_int_eq(ta_date_parse(&d, "0000-01-01", 10), TA_ERANGE);
    ck_assert_int_eq(ta_date_parse(&d, "2023-13-01", 10), TA_ERANGE);
    ck_assert_int_eq(ta_date_parse(&d, "2023-2-01", 9), TA_EPARSE);
    ck_assert_int_eq(ta_date_parse(&d, "2023-02-01x", 11), TA_EPARSE);
    ck_assert_int_eq(ta_date_parse(&d, "2023/02/01", 10), TA_EPARSE);
    ck_assert_int_eq(ta_date_parse(&d, " 023-02-01", 10), TA_EPARSE);
    ck_assert_int_eq(ta_date_parse(&d, "+023-02-01", 10), TA_EPARSE);
    ck_assert_int_eq(ta_date_parse(&d, "20230201", 8), TA_EPARSE);
    ck_assert_int_eq(ta_date_parse(&d, "2023-02-01", 0), TA_EPARSE);
    ck_assert_int_eq(ta_date_parse(&d, NULL, 10), TA_EINVAL);
    ck_assert_int_eq(ta_date_parse(NULL, "2023-02-01", 10), TA_EINVAL);
    /* Only `len` bytes are read: the rest of a longer buffer is not looked at. */
    ck_assert_int_eq(ta_date_parse(&d, "1999-12-31,rest", 10), TA_OK);
    ck_assert_date(d, 1999, 12, 31);
}
END_TEST

START_TEST(format_round_trips)
{
    char buf[TA_DATE_TEXT_SIZE];
    ck_assert_int_eq(ta_date_format(buf, sizeof buf, D(1, 1, 1)), TA_OK);
    ck_assert_str_eq(buf, "0001-01-01");
    ck_assert_int_eq(ta_date_format(buf, sizeof buf, D(9999, 12, 31)), TA_OK);
    ck_assert_str_eq(buf, "9999-12-31");
    ck_assert_int_eq(ta_date_format(buf, 10, D(2026, 4, 1)), TA_EINVAL);
    ck_assert_str_eq(buf, ""); /* a buffer too small is left empty, never half a date */
    /* ... down to a buffer of one byte, which has room for the NUL only */
    buf[0] = 'x';
    ck_assert_int_eq(ta_date_format(buf, 1, D(2026, 4, 1)), TA_EINVAL);
    ck_assert_int_eq(buf[0], '\0');
    buf[0] = 'x';
    ck_assert_int_eq(ta_date_format(buf, 0, D(2026, 4, 1)), TA_EINVAL);
    ck_assert_int_eq(buf[0], 'x'); /* size 0: not a byte written */
    ck_assert_int_eq(ta_date_format(buf, sizeof buf, D(2023, 2, 29)), TA_EINVAL);
    ck_assert_str_eq(buf, "");
    ck_assert_int_eq(ta_date_format(NULL, 11, D(2026, 4, 1)), TA_EINVAL);
}
END_TEST

START_TEST(day_numbers_cover_the_range)
{
    int32_t n = 0, first_bad = 0;
    int bad = 0;
    ta_date d, prev;
    ck_assert_int_eq(ta_date_to_days(&n, D(1, 1, 1)), TA_OK);
    ck_assert_int_eq(n, 1);
    ck_assert_int_eq(ta_date_to_days(&n, D(1970, 1, 1)), TA_OK);
    ck_assert_int_eq(n, 719163);
    ck_assert_int_eq(ta_date_to_days(&n, D(2000, 1, 1)), TA_OK);
    ck_assert_int_eq(n, 730120);
    ck_assert_int_eq(ta_date_to_days(&n, D(9999, 12, 31)), TA_OK);
    ck_assert_int_eq(n, 3652059);
    ck_assert_int_eq(ta_date_to_days(&n, D(2023, 2, 29)), TA_EINVAL);
    ck_assert_int_eq(ta_date_from_days(&d, 0), TA_ERANGE);
    ck_assert_int_eq(ta_date_from_days(&d, 3652060), TA_ERANGE);
    /* Every day maps back to itself and follows the previous day by one. The
     * loop counts failures and asserts once: an assertion per day is slow. */
    prev = D(1, 1, 1);
    for (int32_t i = 1; i <= 3652059; i++) {
        int ok = ta_date_from_days(&d, i) == TA_OK && ta_date_to_days(&n, d) == TA_OK && n == i;
        if (ok && i > 1)
            ok = (d.year == prev.year && d.month == prev.month && d.day == prev.day + 1) ||
                 (d.year == prev.year && d.month == prev.month + 1 && d.day == 1 &&
                  prev.day == ta_date_days_in_month(prev.year, prev.month)) ||
                 (d.year == prev.year + 1 && d.month == 1 && d.day == 1 && prev.month == 12 &&
                  prev.day == 31);
        if (!ok && bad++ == 0)
            first_bad = i;
        prev = d;
    }
    ck_assert_msg(bad == 0, "%d days fail, the first is day %d", bad, (int)first_bad);
}
END_TEST

START_TEST(differences_and_year_ends)
{
    int32_t n = 0;
    ta_date d;
    ck_assert_int_eq(ta_date_diff_days(&n, D(2000, 2, 28), D(2000, 3, 1)), TA_OK);
    ck_assert_int_eq(n, 2);
    ck_assert_int_eq(ta_date_diff_days(&n, D(1900, 2, 28), D(1900, 3, 1)), TA_OK);
    ck_assert_int_eq(n, 1);
    ck_assert_int_eq(ta_date_diff_days(&n, D(2100, 2, 28), D(2100, 3, 1)), TA_OK);
    ck_assert_int_eq(n, 1);
    ck_assert_int_eq(ta_date_diff_days(&n, D(2024, 1, 1), D(2023, 1, 1)), TA_OK);
    ck_assert_int_eq(n, -365);
    ck_assert_int_eq(ta_date_diff_days(&n, D(2026, 4, 1), D(2031, 4, 1)), TA_OK);
    ck_assert_int_eq(n, 1826);
    ck_assert_int_eq(ta_date_diff_days(&n, D(2026, 4, 31), D(2031, 4, 1)), TA_EINVAL);
    ck_assert_int_eq(ta_date_add_days(&d, D(2023, 12, 31), 1), TA_OK);
    ck_assert_date(d, 2024, 1, 1);
    ck_assert_int_eq(ta_date_add_days(&d, D(2024, 1, 1), -1), TA_OK);
    ck_assert_date(d, 2023, 12, 31);
    ck_assert_int_eq(ta_date_add_days(&d, D(2024, 2, 28), 1), TA_OK);
    ck_assert_date(d, 2024, 2, 29);
    ck_assert_int_eq(ta_date_add_days(&d, D(9999, 12, 31), 1), TA_ERANGE);
    ck_assert_date(d, 0, 0, 0);
    ck_assert_int_eq(ta_date_add_days(&d, D(1, 1, 1), -1), TA_ERANGE);
    ck_assert_int_eq(ta_date_add_days(&d, D(2000, 1, 1), INT32_MAX), TA_ERANGE);
    ck_assert_int_eq(ta_date_compare(D(2024, 1, 1), D(2023, 12, 31)), 1);
    ck_assert_int_eq(ta_date_compare(D(2023, 12, 31), D(2024, 1, 1)), -1);
    ck_assert_int_eq(ta_date_compare(D(2023, 11, 30), D(2023, 12, 1)), -1);
    ck_assert_int_eq(ta_date_compare(D(2023, 12, 2), D(2023, 12, 1)), 1);
    ck_assert_int_eq(ta_date_compare(D(2023, 12, 1), D(2023, 12, 1)), 0);
}
END_TEST

START_TEST(weekdays)
{
    ta_weekday w;
    ck_assert_int_eq(ta_date_weekday(&w, D(1, 1, 1)), TA_OK);
    ck_assert_int_eq(w, TA_MONDAY);
    ck_assert_int_eq(ta_date_weekday(&w, D(2000, 1, 1)), TA_OK);
    ck_assert_int_eq(w, TA_SATURDAY);
    ck_assert_int_eq(ta_date_weekday(&w, D(2024, 2, 29)), TA_OK);
    ck_assert_int_eq(w, TA_THURSDAY);
    ck_assert_int_eq(ta_date_weekday(&w, D(2026, 4, 1)), TA_OK);
    ck_assert_int_eq(w, TA_WEDNESDAY);
    ck_assert_int_eq(ta_date_weekday(&w, D(9999, 12, 31)), TA_OK);
    ck_assert_int_eq(w, TA_FRIDAY);
    ck_assert_int_eq(ta_date_weekday(&w, D(2023, 2, 29)), TA_EINVAL);
    ck_assert_int_eq(ta_date_weekday(NULL, D(2023, 2, 28)), TA_EINVAL);
}
END_TEST

START_TEST(months_clamp)
{
    ta_date d;
    ck_assert_int_eq(ta_date_add_months(&d, D(2024, 1, 31), 1), TA_OK);
    ck_assert_date(d, 2024, 2, 29);
    ck_assert_int_eq(ta_date_add_months(&d, D(2023, 1, 31), 1), TA_OK);
    ck_assert_date(d, 2023, 2, 28);
    ck_assert_int_eq(ta_date_add_months(&d, D(2023, 5, 31), -1), TA_OK);
    ck_assert_date(d, 2023, 4, 30);
    ck_assert_int_eq(ta_date_add_months(&d, D(2023, 12, 15), 1), TA_OK);
    ck_assert_date(d, 2024, 1, 15);
    ck_assert_int_eq(ta_date_add_months(&d, D(2024, 1, 15), -13), TA_OK);
    ck_assert_date(d, 2022, 12, 15);
    ck_assert_int_eq(ta_date_add_months(&d, D(2024, 2, 29), 12), TA_OK);
    ck_assert_date(d, 2025, 2, 28);
    ck_assert_int_eq(ta_date_add_months(&d, D(9999, 12, 1), 1), TA_ERANGE);
    ck_assert_int_eq(ta_date_add_months(&d, D(1, 1, 1), -1), TA_ERANGE);
    ck_assert_int_eq(ta_date_add_months(&d, D(2000, 1, 1), INT32_MIN), TA_ERANGE);
    ck_assert_int_eq(ta_date_add_months(NULL, D(2000, 1, 1), 1), TA_EINVAL);
}
END_TEST

/* Rule: the first and last dates at every edge: year 1 January is the
 * first month (one month back from February of year 1 reaches it), a year
 * before year 1 is out of range, and a refused call leaves 0 in its
 * out-parameter, never what was there. */
START_TEST(edges_of_the_calendar)
{
    ta_date d;
    int32_t n = 99;
    ck_assert_int_eq(ta_date_add_months(&d, D(1, 2, 1), -1), TA_OK);
    ck_assert_date(d, 1, 1, 1);
    ck_assert_int_eq(ta_date_add_years(&d, D(2, 6, 1), -1, TA_FEB29_TO_FEB28), TA_OK);
    ck_assert_date(d, 1, 6, 1);
    ck_assert_int_eq(ta_date_add_years(&d, D(1, 6, 1), -1, TA_FEB29_TO_FEB28), TA_ERANGE);
    ck_assert_date(d, 0, 0, 0);
    ck_assert_int_eq(ta_date_add_years(&d, D(9999, 6, 1), 1, TA_FEB29_TO_FEB28), TA_ERANGE);
    ck_assert_int_eq(ta_date_to_days(&n, D(2023, 2, 29)), TA_EINVAL);
    ck_assert_int_eq(n, 0);
    n = 99;
    ck_assert_int_eq(ta_date_diff_days(&n, D(2023, 2, 29), D(2023, 3, 1)), TA_EINVAL);
    ck_assert_int_eq(n, 0);
    n = 99;
    ck_assert_int_eq(ta_date_diff_days(&n, D(2023, 3, 1), D(2023, 2, 29)), TA_EINVAL);
    ck_assert_int_eq(n, 0);
}
END_TEST

/* Day, month and year arithmetic reach both ends of the calendar exactly:
 * 0001-01-01 and 9999-12-31 are dates, one day beyond is TA_ERANGE. */
START_TEST(arithmetic_reaches_both_ends)
{
    ta_date d;
    ck_assert_int_eq(ta_date_add_days(&d, D(9999, 12, 30), 1), TA_OK);
    ck_assert_date(d, 9999, 12, 31);
    ck_assert_int_eq(ta_date_add_days(&d, D(9999, 12, 31), 1), TA_ERANGE);
    ck_assert_date(d, 0, 0, 0);
    ck_assert_int_eq(ta_date_add_days(&d, D(1, 1, 2), -1), TA_OK);
    ck_assert_date(d, 1, 1, 1);
    ck_assert_int_eq(ta_date_add_days(&d, D(1, 1, 1), -1), TA_ERANGE);
    ck_assert_int_eq(ta_date_add_months(&d, D(9999, 11, 30), 1), TA_OK);
    ck_assert_date(d, 9999, 12, 30);
    ck_assert_int_eq(ta_date_add_months(&d, D(9999, 12, 1), 1), TA_ERANGE);
    ck_assert_int_eq(ta_date_add_months(&d, D(1, 1, 31), -1), TA_ERANGE);
    ck_assert_int_eq(ta_date_add_years(&d, D(9998, 12, 31), 1, TA_FEB29_TO_FEB28), TA_OK);
    ck_assert_date(d, 9999, 12, 31);
}
END_TEST

START_TEST(feb29_rule)
{
    ta_date d;
    ck_assert_int_eq(ta_date_add_years(&d, D(2024, 2, 29), 5, TA_FEB29_TO_FEB28), TA_OK);
    ck_assert_date(d, 2029, 2, 28);
    ck_assert_int_eq(ta_date_add_years(&d, D(2024, 2, 29), 5, TA_FEB29_TO_MAR1), TA_OK);
    ck_assert_date(d, 2029, 3, 1);
    ck_assert_int_eq(ta_date_add_years(&d, D(2024, 2, 29), 4, TA_FEB29_TO_MAR1), TA_OK);
    ck_assert_date(d, 2028, 2, 29);
    ck_assert_int_eq(ta_date_add_years(&d, D(2096, 2, 29), 4, TA_FEB29_TO_FEB28), TA_OK);
    ck_assert_date(d, 2100, 2, 28);
    ck_assert_int_eq(ta_date_add_years(&d, D(1996, 2, 29), 4, TA_FEB29_TO_MAR1), TA_OK);
    ck_assert_date(d, 2000, 2, 29);
    ck_assert_int_eq(ta_date_add_years(&d, D(2023, 3, 1), 5, TA_FEB29_TO_FEB28), TA_OK);
    ck_assert_date(d, 2028, 3, 1);
    ck_assert_int_eq(ta_date_add_years(&d, D(2024, 2, 29), -1, TA_FEB29_TO_FEB28), TA_OK);
    ck_assert_date(d, 2023, 2, 28);
    ck_assert_int_eq(ta_date_add_years(&d, D(9996, 1, 1), 5, TA_FEB29_TO_FEB28), TA_ERANGE);
    ck_assert_int_eq(ta_date_add_years(&d, D(2024, 2, 29), 5, (ta_feb29_rule)7), TA_EINVAL);
    ck_assert_int_eq(ta_date_add_years(&d, D(2023, 2, 29), 5, TA_FEB29_TO_FEB28), TA_EINVAL);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("date");
    TCase *tc = tcase_create("core");
    SRunner *sr;
    int failed;
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, leap_and_century_years);
    tcase_add_test(tc, every_month_length);
    tcase_add_test(tc, edges_of_the_calendar);
    tcase_add_test(tc, arithmetic_reaches_both_ends);
    tcase_add_test(tc, parse_is_strict);
    tcase_add_test(tc, format_round_trips);
    tcase_add_test(tc, day_numbers_cover_the_range);
    tcase_add_test(tc, differences_and_year_ends);
    tcase_add_test(tc, weekdays);
    tcase_add_test(tc, months_clamp);
    tcase_add_test(tc, feb29_rule);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
