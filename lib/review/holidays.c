/*
 * Bank holidays of England and Wales and working-day arithmetic (ta_holidays).
 *
 * A year's days off are computed, never stored: the eight rule-based dates
 * (Banking and Financial Dealings Act 1971 and the 1978 early May holiday),
 * with the weekend substitutes worked out the way GOV.UK lists them, then
 * the built-in proclamations of that year, then the caller's removals and
 * additions. Computing is a few dozen integer operations and needs no memory,
 * so the working-day questions allocate nothing; only ta_holidays_list keeps
 * its answer on the handle. Every list is produced by one function,
 * year_days(), so the listing and the working-day test cannot disagree.
 */
#include <stdlib.h>
#include <string.h>

#include "common/alloc.h"
#include "common/error.h"
#include "trustassess/review.h"

/* Rule dates, substitutes and proclamations of one year never exceed this. */
#define TAI_RULE_DAYS_MAX 16
#define TAI_NAME_MAX 200

typedef struct tai_day_off {
    int32_t rd; /* Rata Die */
    const char *name;
} tai_day_off;

typedef struct tai_added {
    int32_t rd;
    char *name;
} tai_added;

struct ta_holidays {
    ta_allocator alloc;
    tai_error err;
    tai_added *added; /* caller's holidays, any order */
    size_t n_added, cap_added;
    int32_t *removed; /* caller's removals of computed holidays */
    size_t n_removed, cap_removed;
    tai_day_off *list; /* the last ta_holidays_list */
    size_t n_list, cap_list;
};

/*
 * One-off changes by royal proclamation, as GOV.UK (and for 1981, 1995 and
 * 1999 the proclamations in the London Gazette) published them: rule dates
 * moved from from_month/from_day to month/day under `name`, and days added.
 * Documented in docs/review.md.
 */
static const struct tai_proclaimed_move {
    int32_t year, from_month, from_day, month, day;
    const char *name;
} proclaimed_moves[] = {
    {1995, 5, 1, 5, 8, "Early May bank holiday (VE day)"},
    {2002, 5, 27, 6, 4, "Spring bank holiday"},
    {2012, 5, 28, 6, 4, "Spring bank holiday"},
    {2020, 5, 4, 5, 8, "Early May bank holiday (VE day)"},
    {2022, 5, 30, 6, 2, "Spring bank holiday"},
};

static const struct tai_proclaimed_day {
    int32_t year, month, day;
    const char *name;
} proclaimed_days[] = {
    {1981, 7, 29, "Royal wedding"},
    {1999, 12, 31, "Millennium celebrations"},
    {2002, 6, 3, "Golden Jubilee bank holiday"},
    {2011, 4, 29, "Royal wedding"},
    {2012, 6, 5, "Queen's Diamond Jubilee"},
    {2022, 6, 3, "Platinum Jubilee bank holiday"},
    {2022, 9, 19, "Bank Holiday for the State Funeral of Queen Elizabeth II"},
    {2023, 5, 8, "Bank holiday for the coronation of King Charles III"},
};

static int32_t rd_of(int32_t y, int32_t m, int32_t d)
{
    ta_date date = {y, m, d};
    int32_t rd = 0;
    (void)ta_date_to_days(&rd, date);
    return rd;
}

/* ISO weekday of a day number (Rata Die 1 was a Monday). */
static int weekday_of(int32_t rd)
{
    return (int)((rd - 1) % 7 + 1);
}

/* Easter Sunday of a Gregorian year: the anonymous Gregorian algorithm
 * ("Meeus/Jones/Butcher"). */
static int32_t easter_rd(int32_t y)
{
    int32_t a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
    int32_t f = (b + 8) / 25, g = (b - f + 1) / 3;
    int32_t h = (19 * a + b - d - g + 15) % 30;
    int32_t i = c / 4, k = c % 4;
    int32_t l = (32 + 2 * e + 2 * i - h - k) % 7;
    int32_t m = (a + 11 * h + 22 * l) / 451;
    int32_t month = (h + l - 7 * m + 114) / 31;
    int32_t day = (h + l - 7 * m + 114) % 31 + 1;
    return rd_of(y, month, day);
}

/* The first Monday on or after rd. */
static int32_t monday_from(int32_t rd)
{
    return rd + (8 - weekday_of(rd)) % 7;
}

/* The last Monday on or before rd. */
static int32_t monday_until(int32_t rd)
{
    return rd - (weekday_of(rd) + 6) % 7;
}

static void put(tai_day_off *days, size_t *n, int32_t rd, const char *name)
{
    days[*n].rd = rd;
    days[*n].name = name;
    (*n)++;
}

/* The statutory days off of `year` (1978..9999) with substitutes and the
 * built-in proclamations, unsorted. Returns the count (<= TAI_RULE_DAYS_MAX). */
static size_t rule_days(int32_t year, tai_day_off *days)
{
    size_t n = 0;
    int32_t nyd = rd_of(year, 1, 1), easter = easter_rd(year), xmas = rd_of(year, 12, 25);

    switch (weekday_of(nyd)) {
    case TA_SATURDAY:
        put(days, &n, nyd + 2, "New Year's Day (substitute day)");
        break;
    case TA_SUNDAY:
        put(days, &n, nyd + 1, "New Year's Day (substitute day)");
        break;
    default:
        put(days, &n, nyd, "New Year's Day");
    }
    put(days, &n, easter - 2, "Good Friday");
    put(days, &n, easter + 1, "Easter Monday");
    put(days, &n, monday_from(rd_of(year, 5, 1)), "Early May bank holiday");
    put(days, &n, monday_until(rd_of(year, 5, 31)), "Spring bank holiday");
    put(days, &n, monday_until(rd_of(year, 8, 31)), "Summer bank holiday");
    /* Christmas and Boxing Day: a weekend day moves to the next weekday not
     * already taken, Christmas first (GOV.UK 2021: 27 and 28 December). */
    switch (weekday_of(xmas)) {
    case TA_FRIDAY:
        put(days, &n, xmas, "Christmas Day");
        put(days, &n, xmas + 3, "Boxing Day (substitute day)");
        break;
    case TA_SATURDAY:
        put(days, &n, xmas + 2, "Christmas Day (substitute day)");
        put(days, &n, xmas + 3, "Boxing Day (substitute day)");
        break;
    case TA_SUNDAY:
        put(days, &n, xmas + 1, "Boxing Day");
        put(days, &n, xmas + 2, "Christmas Day (substitute day)");
        break;
    default:
        put(days, &n, xmas, "Christmas Day");
        put(days, &n, xmas + 1, "Boxing Day");
    }

    for (size_t p = 0; p < sizeof proclaimed_moves / sizeof *proclaimed_moves; p++) {
        const struct tai_proclaimed_move *pm = &proclaimed_moves[p];
        if (pm->year != year)
            continue;
        for (size_t i = 0; i < n; i++) {
            if (days[i].rd == rd_of(year, pm->from_month, pm->from_day)) {
                days[i].rd = rd_of(year, pm->month, pm->day);
                days[i].name = pm->name;
            }
        }
    }
    for (size_t p = 0; p < sizeof proclaimed_days / sizeof *proclaimed_days; p++)
        if (proclaimed_days[p].year == year)
            put(days, &n, rd_of(year, proclaimed_days[p].month, proclaimed_days[p].day),
                proclaimed_days[p].name);
    return n;
}

static int is_removed(const ta_holidays *h, int32_t rd)
{
    for (size_t i = 0; i < h->n_removed; i++)
        if (h->removed[i] == rd)
            return 1;
    return 0;
}

/* Index+1 of the caller's holiday on rd, or 0. */
static size_t added_index(const ta_holidays *h, int32_t rd)
{
    for (size_t i = 0; i < h->n_added; i++)
        if (h->added[i].rd == rd)
            return i + 1;
    return 0;
}

/* 1 when rd is a computed (rule or proclamation) day off not removed. */
static int is_computed_holiday(const ta_holidays *h, int32_t rd, int32_t year)
{
    tai_day_off days[TAI_RULE_DAYS_MAX];
    size_t n = rule_days(year, days);
    for (size_t i = 0; i < n; i++)
        if (days[i].rd == rd)
            return !is_removed(h, rd);
    return 0;
}

/* Checks d against the supported years; fills *rd. */
static ta_status check_date(ta_holidays *h, ta_date d, int32_t *rd)
{
    char text[TA_DATE_TEXT_SIZE];
    if (!ta_date_is_valid(d))
        return tai_error_set(&h->err, TA_EINVAL, "%d-%d-%d is not a date", (int)d.year,
                             (int)d.month, (int)d.day);
    if (d.year < TA_HOLIDAYS_FIRST_YEAR) {
        (void)ta_date_format(text, sizeof text, d);
        return tai_error_set(&h->err, TA_ERANGE,
                             "%s is before 1978, the first year of the current bank holidays",
                             text);
    }
    (void)ta_date_to_days(rd, d);
    return TA_OK;
}

static int working(const ta_holidays *h, int32_t rd)
{
    ta_date d;
    if (weekday_of(rd) >= TA_SATURDAY)
        return 0;
    if (added_index(h, rd))
        return 0;
    (void)ta_date_from_days(&d, rd);
    return !is_computed_holiday(h, rd, d.year);
}

ta_status ta_holidays_new(ta_holidays **out, const ta_allocator *alloc)
{
    ta_allocator a;
    ta_holidays *h;
    if (!out)
        return TA_EINVAL;
    *out = NULL;
    if (tai_alloc_init(&a, alloc) != TA_OK)
        return TA_EINVAL;
    h = tai_calloc(&a, 1, sizeof *h);
    if (!h)
        return TA_ENOMEM;
    h->alloc = a;
    *out = h;
    return TA_OK;
}

void ta_holidays_free(ta_holidays *h)
{
    if (!h)
        return;
    for (size_t i = 0; i < h->n_added; i++)
        tai_free(&h->alloc, h->added[i].name);
    tai_free(&h->alloc, h->added);
    tai_free(&h->alloc, h->removed);
    tai_free(&h->alloc, h->list);
    tai_free(&h->alloc, h);
}

const char *ta_holidays_error(const ta_holidays *h)
{
    return h ? h->err.msg : "";
}

ta_status ta_holidays_add(ta_holidays *h, ta_date d, const char *name)
{
    int32_t rd = 0;
    size_t len;
    ta_status st;
    char text[TA_DATE_TEXT_SIZE];
    char *copy;
    if (!h)
        return TA_EINVAL;
    tai_error_clear(&h->err);
    if (!name)
        return tai_error_set(&h->err, TA_EINVAL, "holiday name is NULL");
    len = strlen(name);
    if (len == 0 || len > TAI_NAME_MAX)
        return tai_error_set(&h->err, TA_EINVAL, "holiday name must be 1 to %d bytes",
                             TAI_NAME_MAX);
    if ((st = check_date(h, d, &rd)) != TA_OK)
        return st;
    (void)ta_date_format(text, sizeof text, d);
    if (weekday_of(rd) >= TA_SATURDAY)
        return tai_error_set(&h->err, TA_EINVAL, "%s is a weekend day, not a working day", text);
    if (!working(h, rd))
        return tai_error_set(&h->err, TA_EDUPLICATE, "%s is already a holiday", text);
    if (tai_grow(&h->alloc, (void **)&h->added, &h->cap_added, h->n_added + 1, sizeof *h->added) !=
            TA_OK ||
        !(copy = tai_strdup(&h->alloc, name)))
        return tai_error_set(&h->err, TA_ENOMEM, "out of memory adding a holiday");
    h->added[h->n_added].rd = rd;
    h->added[h->n_added].name = copy;
    h->n_added++;
    return TA_OK;
}

ta_status ta_holidays_remove(ta_holidays *h, ta_date d)
{
    int32_t rd = 0;
    size_t i;
    ta_status st;
    char text[TA_DATE_TEXT_SIZE];
    if (!h)
        return TA_EINVAL;
    tai_error_clear(&h->err);
    if ((st = check_date(h, d, &rd)) != TA_OK)
        return st;
    if ((i = added_index(h, rd)) != 0) {
        tai_free(&h->alloc, h->added[i - 1].name);
        h->added[i - 1] = h->added[--h->n_added];
        return TA_OK;
    }
    if (!is_computed_holiday(h, rd, d.year)) {
        (void)ta_date_format(text, sizeof text, d);
        return tai_error_set(&h->err, TA_ENOTFOUND, "%s is not a holiday", text);
    }
    if (tai_grow(&h->alloc, (void **)&h->removed, &h->cap_removed, h->n_removed + 1,
                 sizeof *h->removed) != TA_OK)
        return tai_error_set(&h->err, TA_ENOMEM, "out of memory removing a holiday");
    h->removed[h->n_removed++] = rd;
    return TA_OK;
}

ta_status ta_holidays_is_working_day(int *out, ta_holidays *h, ta_date d)
{
    int32_t rd = 0;
    ta_status st;
    if (out)
        *out = 0;
    if (!h)
        return TA_EINVAL;
    tai_error_clear(&h->err);
    if (!out)
        return tai_error_set(&h->err, TA_EINVAL, "out is NULL");
    if ((st = check_date(h, d, &rd)) != TA_OK)
        return st;
    *out = working(h, rd);
    return TA_OK;
}

/* Moves n working days from d (n may be 0); the shared walk of the three
 * public calls. */
static ta_status walk(ta_holidays *h, ta_date d, int32_t n, ta_date *out)
{
    int32_t rd = 0, step = n < 0 ? -1 : 1;
    int64_t left = n < 0 ? -(int64_t)n : n;
    ta_status st;
    if (!out) {
        if (h)
            tai_error_set(&h->err, TA_EINVAL, "out is NULL");
        return TA_EINVAL;
    }
    out->year = out->month = out->day = 0;
    if (!h)
        return TA_EINVAL;
    tai_error_clear(&h->err);
    if ((st = check_date(h, d, &rd)) != TA_OK)
        return st;
    while (left > 0) {
        rd += step;
        if (rd < rd_of(TA_HOLIDAYS_FIRST_YEAR, 1, 1) || rd > rd_of(TA_HOLIDAYS_LAST_YEAR, 12, 31))
            return tai_error_set(&h->err, TA_ERANGE,
                                 "the working day lies outside the years 1978 to 9999");
        if (working(h, rd))
            left--;
    }
    (void)ta_date_from_days(out, rd);
    return TA_OK;
}

ta_status ta_holidays_next_working_day(ta_date *out, ta_holidays *h, ta_date d)
{
    return walk(h, d, 1, out);
}

ta_status ta_holidays_previous_working_day(ta_date *out, ta_holidays *h, ta_date d)
{
    return walk(h, d, -1, out);
}

ta_status ta_holidays_add_working_days(ta_date *out, ta_holidays *h, ta_date d, int32_t n)
{
    return walk(h, d, n, out);
}

static int cmp_day_off(const void *a, const void *b)
{
    const tai_day_off *x = a, *y = b;
    return (x->rd > y->rd) - (x->rd < y->rd);
}

ta_status ta_holidays_list(size_t *count, ta_holidays *h, int32_t year)
{
    tai_day_off days[TAI_RULE_DAYS_MAX];
    size_t n, needed;
    int32_t first, last;
    if (count)
        *count = 0;
    if (!h)
        return TA_EINVAL;
    tai_error_clear(&h->err);
    h->n_list = 0;
    if (!count)
        return tai_error_set(&h->err, TA_EINVAL, "count is NULL");
    if (year < TA_HOLIDAYS_FIRST_YEAR || year > TA_HOLIDAYS_LAST_YEAR)
        return tai_error_set(&h->err, TA_ERANGE, "year %d is outside 1978 to 9999", (int)year);
    n = rule_days(year, days);
    needed = n + h->n_added;
    if (tai_grow(&h->alloc, (void **)&h->list, &h->cap_list, needed, sizeof *h->list) != TA_OK)
        return tai_error_set(&h->err, TA_ENOMEM, "out of memory listing holidays");
    for (size_t i = 0; i < n; i++)
        if (!is_removed(h, days[i].rd))
            h->list[h->n_list++] = days[i];
    first = rd_of(year, 1, 1);
    last = rd_of(year, 12, 31);
    for (size_t i = 0; i < h->n_added; i++) {
        if (h->added[i].rd >= first && h->added[i].rd <= last) {
            h->list[h->n_list].rd = h->added[i].rd;
            h->list[h->n_list].name = h->added[i].name;
            h->n_list++;
        }
    }
    qsort(h->list, h->n_list, sizeof *h->list, cmp_day_off);
    *count = h->n_list;
    return TA_OK;
}

ta_status ta_holidays_entry(ta_date *date, const char **name, const ta_holidays *h, size_t i)
{
    if (date)
        date->year = date->month = date->day = 0;
    if (name)
        *name = NULL;
    if (!h || i >= h->n_list)
        return TA_EINVAL;
    if (date)
        (void)ta_date_from_days(date, h->list[i].rd);
    if (name)
        *name = h->list[i].name;
    return TA_OK;
}
