/*
 * libtrustassess: civil dates.
 *
 * Arithmetic on ta_date (common.h): a proleptic Gregorian calendar date with no
 * time and no time zone, years 1 to 9999. Nothing here reads a clock: "today"
 * is always an argument of the call that needs it. Text is ISO 8601 calendar
 * dates, YYYY-MM-DD exactly, parsed and written without the locale.
 *
 * Day numbers are Rata Die: 0001-01-01 is day 1, 9999-12-31 is day 3652059.
 *
 * Every function that takes a date checks it; an impossible date (30 February,
 * month 13, year 0) is TA_EINVAL as an argument and TA_ERANGE when parsed from
 * well-formed text. A result outside years 1..9999 is TA_ERANGE. On failure
 * *out is the zero date {0, 0, 0}.
 */
#ifndef TRUSTASSESS_DATE_H
#define TRUSTASSESS_DATE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ISO 8601 day of the week. */
typedef enum ta_weekday {
    TA_MONDAY = 1,
    TA_TUESDAY = 2,
    TA_WEDNESDAY = 3,
    TA_THURSDAY = 4,
    TA_FRIDAY = 5,
    TA_SATURDAY = 6,
    TA_SUNDAY = 7
} ta_weekday;

/* The name of a ta_weekday value ("Monday", "Tuesday", "Wednesday", ...); "" for a value outside
 * the enum. Static storage. */
TA_API const char *ta_weekday_name(ta_weekday v);

/* What "N years after 29 February" is when the target year is not a leap year. */
typedef enum ta_feb29_rule {
    TA_FEB29_TO_FEB28 = 0, /* 28 February (default: "no later than" the anniversary) */
    TA_FEB29_TO_MAR1 = 1   /* 1 March */
} ta_feb29_rule;

/* The name of a ta_feb29_rule value ("feb28", "mar1"); "" for a value outside the enum.
 * Static storage. */
TA_API const char *ta_feb29_rule_name(ta_feb29_rule v);

/* Length of "YYYY-MM-DD" plus the NUL. */
#define TA_DATE_TEXT_SIZE 11

/* 1 if year (1..9999) is a Gregorian leap year, else 0 (also for a bad year). */
TA_API int ta_date_is_leap_year(int32_t year);
/* Days in the month (28..31), or 0 for a bad year or month. */
TA_API int32_t ta_date_days_in_month(int32_t year, int32_t month);
/* 1 if d is a real date in years 1..9999, else 0. */
TA_API int ta_date_is_valid(ta_date d);

/* Parses exactly `len` bytes of s as YYYY-MM-DD (four-digit year, two-digit
 * month and day, '-' separators, nothing else). TA_EPARSE when the text has
 * another shape, TA_ERANGE when it is well formed but not a date (2023-02-29),
 * TA_EINVAL for NULL. */
TA_API ta_status ta_date_parse(ta_date *out, const char *s, size_t len);
/* Writes YYYY-MM-DD and a NUL into buf (size >= TA_DATE_TEXT_SIZE). */
TA_API ta_status ta_date_format(char *buf, size_t size, ta_date d);

/* The Rata Die day number of d. */
TA_API ta_status ta_date_to_days(int32_t *out, ta_date d);
/* The date of Rata Die day `days` (1 .. 3652059, else TA_ERANGE). */
TA_API ta_status ta_date_from_days(ta_date *out, int32_t days);
/* b - a in days (negative when b is before a). */
TA_API ta_status ta_date_diff_days(int32_t *out, ta_date a, ta_date b);
/* -1, 0 or 1 as a is before, equal to or after b. Fields are compared in
 * order (year, month, day), so the result is defined for any values. */
TA_API int ta_date_compare(ta_date a, ta_date b);
TA_API ta_status ta_date_weekday(ta_weekday *out, ta_date d);

/* d plus `days` days (may be negative). */
TA_API ta_status ta_date_add_days(ta_date *out, ta_date d, int32_t days);
/* d plus `months` calendar months (may be negative). Clamp rule: when the
 * target month is shorter than d's day, the result is the target month's last
 * day (31 January + 1 month = 28 or 29 February; 31 May - 1 month = 30 April). */
TA_API ta_status ta_date_add_months(ta_date *out, ta_date d, int32_t months);
/* d plus `years` years (may be negative). Only 29 February can miss: it
 * becomes 28 February or 1 March of a common year by `rule`. */
TA_API ta_status ta_date_add_years(ta_date *out, ta_date d, int32_t years, ta_feb29_rule rule);

#ifdef __cplusplus
}
#endif

#endif /* TRUSTASSESS_DATE_H */
