/*
 * Civil-date arithmetic (include/trustassess/date.h).
 *
 * Everything goes through one pair of conversions, date <-> Rata Die day
 * number, written after Howard Hinnant's days_from_civil / civil_from_days
 * (a year starting on 1 March puts the leap day last, so month lengths are a
 * closed formula). Day arithmetic, differences and weekdays are then integer
 * arithmetic on day numbers, and only month/year arithmetic needs the clamp
 * and the 29 February rule, each written once here.
 */
#include "trustassess/date.h"

#define TAI_RD_MAX 3652059 /* 9999-12-31 */
/* Day 0 of the shifted-year scheme (0000-03-01) is Rata Die -305. */
#define TAI_RD_SHIFT 305

static const ta_date zero_date = {0, 0, 0};

int ta_date_is_leap_year(int32_t year)
{
    if (year < 1 || year > 9999)
        return 0;
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int32_t ta_date_days_in_month(int32_t year, int32_t month)
{
    static const int32_t lengths[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1 || year > 9999 || month < 1 || month > 12)
        return 0;
    if (month == 2 && ta_date_is_leap_year(year))
        return 29;
    return lengths[month - 1];
}

int ta_date_is_valid(ta_date d)
{
    int32_t n = ta_date_days_in_month(d.year, d.month);
    return n > 0 && d.day >= 1 && d.day <= n;
}

/* Rata Die of a valid date. */
static int32_t days_of(ta_date d)
{
    int32_t y = d.year - (d.month <= 2);          /* >= 0 */
    int32_t era = y / 400;                        /* y >= 0, so no floor trouble */
    int32_t yoe = y - era * 400;                  /* 0 .. 399 */
    int32_t mp = (d.month + 9) % 12;              /* March = 0 .. February = 11 */
    int32_t doy = (153 * mp + 2) / 5 + d.day - 1; /* 0 .. 365 */
    int32_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - TAI_RD_SHIFT;
}

/* The date of a day number in 1 .. TAI_RD_MAX. */
static ta_date date_of(int32_t rd)
{
    int32_t z = rd + TAI_RD_SHIFT;
    int32_t era = z / 146097;
    int32_t doe = z - era * 146097;
    int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int32_t mp = (5 * doy + 2) / 153;
    ta_date d;
    d.day = doy - (153 * mp + 2) / 5 + 1;
    d.month = mp < 10 ? mp + 3 : mp - 9;
    d.year = yoe + era * 400 + (d.month <= 2);
    return d;
}

ta_status ta_date_parse(ta_date *out, const char *s, size_t len)
{
    int32_t v[3] = {0, 0, 0};
    static const size_t widths[3] = {4, 2, 2};
    size_t pos = 0;
    ta_date d;
    if (out)
        *out = zero_date;
    if (!out || !s)
        return TA_EINVAL;
    if (len != 10)
        return TA_EPARSE;
    for (int f = 0; f < 3; f++) {
        if (f > 0) {
            if (s[pos] != '-')
                return TA_EPARSE;
            pos++;
        }
        for (size_t i = 0; i < widths[f]; i++, pos++) {
            if (s[pos] < '0' || s[pos] > '9')
                return TA_EPARSE;
            v[f] = v[f] * 10 + (s[pos] - '0');
        }
    }
    d.year = v[0];
    d.month = v[1];
    d.day = v[2];
    if (!ta_date_is_valid(d))
        return TA_ERANGE;
    *out = d;
    return TA_OK;
}

ta_status ta_date_format(char *buf, size_t size, ta_date d)
{
    int32_t v[3];
    static const int widths[3] = {4, 2, 2};
    size_t pos = 0;
    if (!buf || size < TA_DATE_TEXT_SIZE) {
        if (buf && size > 0)
            buf[0] = '\0';
        return TA_EINVAL;
    }
    if (!ta_date_is_valid(d)) {
        buf[0] = '\0';
        return TA_EINVAL;
    }
    v[0] = d.year;
    v[1] = d.month;
    v[2] = d.day;
    for (int f = 0; f < 3; f++) {
        if (f > 0)
            buf[pos++] = '-';
        for (int i = widths[f] - 1; i >= 0; i--) {
            buf[pos + (size_t)i] = (char)('0' + v[f] % 10);
            v[f] /= 10;
        }
        pos += (size_t)widths[f];
    }
    buf[pos] = '\0';
    return TA_OK;
}

ta_status ta_date_to_days(int32_t *out, ta_date d)
{
    if (out)
        *out = 0;
    if (!out || !ta_date_is_valid(d))
        return TA_EINVAL;
    *out = days_of(d);
    return TA_OK;
}

ta_status ta_date_from_days(ta_date *out, int32_t days)
{
    if (!out)
        return TA_EINVAL;
    *out = zero_date;
    if (days < 1 || days > TAI_RD_MAX)
        return TA_ERANGE;
    *out = date_of(days);
    return TA_OK;
}

ta_status ta_date_diff_days(int32_t *out, ta_date a, ta_date b)
{
    if (out)
        *out = 0;
    if (!out || !ta_date_is_valid(a) || !ta_date_is_valid(b))
        return TA_EINVAL;
    *out = days_of(b) - days_of(a);
    return TA_OK;
}

int ta_date_compare(ta_date a, ta_date b)
{
    if (a.year != b.year)
        return a.year < b.year ? -1 : 1;
    if (a.month != b.month)
        return a.month < b.month ? -1 : 1;
    if (a.day != b.day)
        return a.day < b.day ? -1 : 1;
    return 0;
}

ta_status ta_date_weekday(ta_weekday *out, ta_date d)
{
    if (!out)
        return TA_EINVAL;
    *out = TA_MONDAY;
    if (!ta_date_is_valid(d))
        return TA_EINVAL;
    /* Day 1 (0001-01-01) was a Monday. */
    *out = (ta_weekday)((days_of(d) - 1) % 7 + 1);
    return TA_OK;
}

ta_status ta_date_add_days(ta_date *out, ta_date d, int32_t days)
{
    int64_t rd;
    if (!out)
        return TA_EINVAL;
    *out = zero_date;
    if (!ta_date_is_valid(d))
        return TA_EINVAL;
    rd = (int64_t)days_of(d) + days;
    if (rd < 1 || rd > TAI_RD_MAX)
        return TA_ERANGE;
    *out = date_of((int32_t)rd);
    return TA_OK;
}

ta_status ta_date_add_months(ta_date *out, ta_date d, int32_t months)
{
    int64_t index; /* months since January of year 0 */
    ta_date r;
    int32_t last;
    if (!out)
        return TA_EINVAL;
    *out = zero_date;
    if (!ta_date_is_valid(d))
        return TA_EINVAL;
    index = (int64_t)d.year * 12 + (d.month - 1) + months;
    if (index < 12 || index > (int64_t)9999 * 12 + 11)
        return TA_ERANGE;
    r.year = (int32_t)(index / 12);
    r.month = (int32_t)(index % 12) + 1;
    last = ta_date_days_in_month(r.year, r.month);
    r.day = d.day > last ? last : d.day; /* past the month's end: its last day */
    *out = r;
    return TA_OK;
}

ta_status ta_date_add_years(ta_date *out, ta_date d, int32_t years, ta_feb29_rule rule)
{
    int64_t y;
    ta_date r;
    if (!out)
        return TA_EINVAL;
    *out = zero_date;
    if (!ta_date_is_valid(d) || (rule != TA_FEB29_TO_FEB28 && rule != TA_FEB29_TO_MAR1))
        return TA_EINVAL;
    y = (int64_t)d.year + years;
    if (y < 1 || y > 9999)
        return TA_ERANGE;
    r.year = (int32_t)y;
    r.month = d.month;
    r.day = d.day;
    if (r.month == 2 && r.day == 29 && !ta_date_is_leap_year(r.year)) {
        if (rule == TA_FEB29_TO_FEB28) {
            r.day = 28;
        } else {
            r.month = 3;
            r.day = 1;
        }
    }
    *out = r;
    return TA_OK;
}

const char *ta_weekday_name(ta_weekday v)
{
    switch (v) {
    case TA_MONDAY:
        return "Monday";
    case TA_TUESDAY:
        return "Tuesday";
    case TA_WEDNESDAY:
        return "Wednesday";
    case TA_THURSDAY:
        return "Thursday";
    case TA_FRIDAY:
        return "Friday";
    case TA_SATURDAY:
        return "Saturday";
    case TA_SUNDAY:
        return "Sunday";
    }
    return "";
}

const char *ta_feb29_rule_name(ta_feb29_rule v)
{
    switch (v) {
    case TA_FEB29_TO_FEB28:
        return "feb28";
    case TA_FEB29_TO_MAR1:
        return "mar1";
    }
    return "";
}
