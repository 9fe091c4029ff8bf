/*
 * libtrustassess: five-yearly reviews of advanced foundation trusts.
 *
 * Two handles:
 *
 *   ta_holidays          the bank holidays of England and Wales, computed from
 *                        their rules for 1978..9999 (the current set of eight
 *                        dates has stood since the early May holiday began in
 *                        1978), plus the built-in one-off proclamations, plus
 *                        dates the caller adds or removes; working-day
 *                        arithmetic on top.
 *   ta_review_schedule   trusts (authorisation, last review, an optional end
 *                        date), quarterly evidence, early-review triggers and
 *                        a panel calendar -> for each trust the date its next
 *                        review is due, why, and the sitting it is placed on;
 *                        exported as CSV or iCalendar (RFC 5545).
 *
 * The rules and which of them are our reading (each a setter with that
 * default) are in docs/review.md. Nothing reads a clock: "today" and the
 * iCalendar DTSTAMP are arguments. Strings returned are owned by the handle,
 * valid until the next call that changes it, or its _free().
 */
#ifndef TRUSTASSESS_REVIEW_H
#define TRUSTASSESS_REVIEW_H

#include "common.h"
#include "date.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* English working days                                                      */
/* ------------------------------------------------------------------------ */

typedef struct ta_holidays ta_holidays;

/* First and last year the rules are computed for; a date outside them is
 * TA_ERANGE in every ta_holidays_* call. */
#define TA_HOLIDAYS_FIRST_YEAR 1978
#define TA_HOLIDAYS_LAST_YEAR 9999

/* England and Wales: the rules and the built-in proclamations (docs/review.md). */
TA_API ta_status ta_holidays_new(ta_holidays **out, const ta_allocator *alloc);
TA_API void ta_holidays_free(ta_holidays *h);
/* The message of the last failed call ("" if none). */
TA_API const char *ta_holidays_error(const ta_holidays *h);

/* Makes a weekday a holiday named `name` (1..200 bytes, copied). A weekend
 * date is TA_EINVAL (it is no working day already); a date that already is a
 * holiday is TA_EDUPLICATE. */
TA_API ta_status ta_holidays_add(ta_holidays *h, ta_date d, const char *name);
/* Makes a holiday (from the rules, a proclamation or ta_holidays_add) a
 * working day again. TA_ENOTFOUND when d is not a holiday. */
TA_API ta_status ta_holidays_remove(ta_holidays *h, ta_date d);

/* *out = 1 when d is Monday..Friday and not a holiday, else 0. */
TA_API ta_status ta_holidays_is_working_day(int *out, ta_holidays *h, ta_date d);
/* The first working day strictly after / before d. */
TA_API ta_status ta_holidays_next_working_day(ta_date *out, ta_holidays *h, ta_date d);
TA_API ta_status ta_holidays_previous_working_day(ta_date *out, ta_holidays *h, ta_date d);
/* d moved by n working days: n > 0 is the n-th working day after d, n < 0
 * the |n|-th before it, n = 0 is d itself (working day or not). */
TA_API ta_status ta_holidays_add_working_days(ta_date *out, ta_holidays *h, ta_date d, int32_t n);

/* Lists the days off of `year` in date order, as GOV.UK lists them: a
 * holiday that falls on a weekend appears once, on its substitute weekday,
 * named "<name> (substitute day)". *count receives the number of entries,
 * read with ta_holidays_entry until the next ta_holidays_list. */
TA_API ta_status ta_holidays_list(size_t *count, ta_holidays *h, int32_t year);
TA_API ta_status ta_holidays_entry(ta_date *date, const char **name, const ta_holidays *h,
                                   size_t i);

/* ------------------------------------------------------------------------ */
/* Review schedule                                                           */
/* ------------------------------------------------------------------------ */

typedef struct ta_review_schedule ta_review_schedule;

/* What brought a review forward. */
typedef enum ta_review_trigger {
    TA_TRIGGER_NONE = 0,    /* due on the regular interval */
    TA_TRIGGER_SEGMENT = 1, /* adjusted segment worse than N for K consecutive quarters */
    TA_TRIGGER_DEFICIT = 2, /* a quarter with the financial-deficit flag set */
    TA_TRIGGER_RSP = 3      /* entry to the Recovery Support Programme */
} ta_review_trigger;

/* Bits of a weekday mask for ta_review_schedule_add_sittings_weekly. */
#define TA_WEEKDAY_BIT(wd) (1u << ((unsigned)(wd)-1u))

/* An empty schedule: interval 5 years, TA_FEB29_TO_FEB28, no today, the
 * default trigger set (docs/review.md), England and Wales holidays, no
 * explicit sittings, capacity 1. */
TA_API ta_status ta_review_schedule_new(ta_review_schedule **out, const ta_allocator *alloc);
TA_API void ta_review_schedule_free(ta_review_schedule *s);
TA_API const char *ta_review_schedule_error(const ta_review_schedule *s);

/* --- parameters ------------------------------------------------------- */

/* Years between reviews, 1..100 (default 5: "at least every five years"). */
TA_API ta_status ta_review_schedule_set_interval_years(ta_review_schedule *s, int32_t years);
TA_API ta_status ta_review_schedule_set_feb29_rule(ta_review_schedule *s, ta_feb29_rule rule);
/* The date overdue reviews are counted against; without it nothing is overdue. */
TA_API ta_status ta_review_schedule_set_today(ta_review_schedule *s, ta_date today);
/* The schedule's holiday calendar, to add or remove dates (owned by the
 * schedule). Calling it discards computed results. Sittings already added are
 * not checked again. */
TA_API ta_holidays *ta_review_schedule_holidays(ta_review_schedule *s);

/* --- trusts ----------------------------------------------------------- */

/* A trust authorised on `authorised_on`. code: 1..16 printable ASCII bytes
 * without spaces; name may be "" (both copied). TA_EDUPLICATE for a code
 * already added. */
TA_API ta_status ta_review_schedule_add_trust(ta_review_schedule *s, const char *code,
                                              const char *name, ta_date authorised_on);
/* A review held on `reviewed_on` (any number; the latest counts). A review
 * before the authorisation is TA_EINCONSISTENT. */
TA_API ta_status ta_review_schedule_add_review(ta_review_schedule *s, const char *code,
                                               ta_date reviewed_on);
/* The trust ceases to exist on `ceases_on` (merger, dissolution): from that
 * date it is dropped from scheduling, with `note` (may be NULL) in its result.
 * Before the authorisation is TA_EINCONSISTENT. */
TA_API ta_status ta_review_schedule_set_end(ta_review_schedule *s, const char *code,
                                            ta_date ceases_on, const char *note);
/* One quarter of evidence. quarter_end must be 31 March, 30 June, 30
 * September or 31 December; segment is the adjusted NOF segment 1..5, or 0
 * when unknown. A quarter given twice is TA_EDUPLICATE. */
TA_API ta_status ta_review_schedule_add_evidence(ta_review_schedule *s, const char *code,
                                                 ta_date quarter_end, int32_t segment,
                                                 ta_tristate deficit, ta_tristate rsp);

/* Reads trusts from CSV text with a header naming at least Trust_code,
 * Trust_name, Authorised_on and Last_reviewed_on (any order, other columns
 * ignored; optional Ceases_on). Dates are YYYY-MM-DD; Last_reviewed_on and
 * Ceases_on may be empty. `name` labels messages ("NAME:LINE:COLUMN: ..."). On
 * error nothing from the text is kept. */
TA_API ta_status ta_review_schedule_read_buffer(ta_review_schedule *s, const char *data, size_t len,
                                                const char *name);
/* The same from the file at `path` (messages name it). TA_EIO when it cannot
 * be read, TA_EINVAL for a NULL path. */
TA_API ta_status ta_review_schedule_read_file(ta_review_schedule *s, const char *path);

/* --- early-review triggers (our reading) ------------------------------ */

/* Removes every trigger (the default set included). */
TA_API ta_status ta_review_schedule_clear_triggers(ta_review_schedule *s);
/* Adds a trigger. lead_days (0..3660): the review falls due that many days
 * after the quarter end on which the trigger fires, if that is earlier than
 * the regular due date. For TA_TRIGGER_SEGMENT, segment worse (greater) than
 * `worse_than` (1..4) for `quarters` (1..20) consecutive quarters; the other
 * kinds take worse_than = 0 and quarters = 0. Only evidence after the last
 * review (or the authorisation) counts. */
TA_API ta_status ta_review_schedule_add_trigger(ta_review_schedule *s, ta_review_trigger kind,
                                                int32_t worse_than, int32_t quarters,
                                                int32_t lead_days);

/* --- panel calendar --------------------------------------------------- */

/* A sitting on d; a non-working day is TA_EINVAL, a repeat TA_EDUPLICATE. */
TA_API ta_status ta_review_schedule_add_sitting(ta_review_schedule *s, ta_date d);
/* A sitting on every working day from..to (inclusive) whose weekday is in
 * `weekdays` (TA_WEEKDAY_BIT(TA_TUESDAY) | ...); non-working days and dates
 * already sittings are skipped. *added (may be NULL) receives the count. */
TA_API ta_status ta_review_schedule_add_sittings_weekly(size_t *added, ta_review_schedule *s,
                                                        ta_date from, ta_date to,
                                                        unsigned weekdays);
/* Reviews per sitting, >= 1 (0 is TA_EINVAL). Default 1. */
TA_API ta_status ta_review_schedule_set_capacity(ta_review_schedule *s, int32_t per_sitting);

/* --- results ---------------------------------------------------------- */

/* Computes every due date and places the reviews on sittings: earliest
 * deadline first, which meets every deadline when any placement does and
 * otherwise minimises the maximum lateness. Without explicit sittings every
 * working day from `today` (else from the earliest due date) is a sitting.
 * With explicit sittings, reviews beyond their capacity stay unplaced.
 * TA_ERANGE when a due date falls after 9999; TA_EINVAL when `today` is so
 * late that the working days left before the end of 9999 cannot hold the
 * default sittings (an argument to change), TA_ERANGE when the earliest due
 * date is (the input's). */
TA_API ta_status ta_review_schedule_compute(ta_review_schedule *s);

/* Number of results (one per trust, ordered by due date then code; dropped
 * trusts last). TA_ESTATE before ta_review_schedule_compute. */
TA_API size_t ta_review_schedule_count(const ta_review_schedule *s);
TA_API const char *ta_review_schedule_code(const ta_review_schedule *s, size_t i);
TA_API const char *ta_review_schedule_name(const ta_review_schedule *s, size_t i);
/* due: when the review is due; regular_due: last review (or authorisation)
 * plus the interval, before any trigger. Either pointer may be NULL. */
TA_API ta_status ta_review_schedule_due(ta_date *due, ta_date *regular_due,
                                        const ta_review_schedule *s, size_t i);
/* Which trigger moved the review (TA_TRIGGER_NONE if none) and the quarter end
 * it fired on. Either pointer may be NULL. */
TA_API ta_status ta_review_schedule_trigger(ta_review_trigger *kind, ta_date *fired_on,
                                            const ta_review_schedule *s, size_t i);
/* *placed = 1 with the sitting and days late (0 when on time), else 0 (a
 * dropped trust, or no sitting left). Any pointer may be NULL. */
TA_API ta_status ta_review_schedule_placement(int *placed, ta_date *sitting, int32_t *late_days,
                                              const ta_review_schedule *s, size_t i);
/* TA_YES with the days overdue (today - due) when due is before today,
 * TA_NO when not, TA_UNKNOWN when no today was set. */
TA_API ta_status ta_review_schedule_overdue(ta_tristate *overdue, int32_t *days,
                                            const ta_review_schedule *s, size_t i);
/* 1 when the trust ceased before its review could be held. */
TA_API int ta_review_schedule_dropped(const ta_review_schedule *s, size_t i);
/* A note on the result ("" if none), e.g. why a trust was dropped. */
TA_API const char *ta_review_schedule_note(const ta_review_schedule *s, size_t i);
/* A short English label of a trigger kind ("" for an unknown value). */
TA_API const char *ta_review_trigger_name(ta_review_trigger kind);

/* --- exports ---------------------------------------------------------- */

/* The results as CSV (RFC 4180, LF line ends): Trust_code, Trust_name, Due_on,
 * Regular_due_on, Scheduled_on, Late_days, Overdue_days, Trigger,
 * Trigger_fired_on, Note. *text (NUL-terminated, *len bytes) is owned by the
 * schedule until the next export, compute or free. */
TA_API ta_status ta_review_schedule_to_csv(const char **text, size_t *len, ta_review_schedule *s);
/* The placed reviews as an iCalendar (RFC 5545) VCALENDAR, CRLF line ends,
 * lines folded at 75 octets: one all-day VEVENT per placed review on its
 * sitting, UID "review-<code>-<YYYYMMDD due>@libtrustassess", DTSTAMP `dtstamp`
 * (exactly YYYYMMDDTHHMMSSZ, UTC). Text as for _to_csv. */
TA_API ta_status ta_review_schedule_to_ics(const char **text, size_t *len, ta_review_schedule *s,
                                           const char *dtstamp);

#ifdef __cplusplus
}
#endif

#endif /* TRUSTASSESS_REVIEW_H */
