/*
 * libtrustassess: the status register of advanced foundation trusts.
 *
 * Earned autonomy is a life cycle, not a field: NHS England nominates; an
 * independent panel assesses; a DHSC function authorises a trust as an
 * advanced foundation trust (AFT), and may deauthorise and reauthorise it;
 * an AFT is reviewed "at least every five years". A ta_register holds the
 * dated events of each trust and answers, for any date, the trust's status
 * ("NHS trust", "Foundation trust", "Advanced foundation trust", as the
 * capital rules name them), since when it holds it, and when its next
 * review is due.
 *
 * Events of one trust are added in date order (equal dates in the order
 * given). An impossible sequence is refused with TA_EINCONSISTENT and a
 * message saying why: deauthorising or reviewing a trust that is not an AFT,
 * authorising an AFT again without a deauthorisation, "authorised" after a
 * deauthorisation (that is "reauthorised"), "reauthorised" for a trust never
 * authorised, "ft_authorised" for a foundation trust, any event after
 * "ceased", or a date before the trust's previous event.
 *
 * Rules, each a setter with its default (docs/review.md):
 *   - next review due: the later of the last (re)authorisation and the last
 *     review, plus 5 years (NHS England guide for applicants: "re-assessed
 *     every 5 years at a minimum"), 29 February -> 28 February (our reading);
 *   - after a deauthorisation the trust is a foundation trust (our reading:
 *     no source says what status a deauthorised trust keeps).
 * A query date before a trust's first event has no status (known = 0).
 *
 * Queries only read the register, so one that is no longer changed may be
 * shared between threads. Strings returned are owned by the register, valid
 * until it is changed or freed. Nothing reads a clock.
 */
#ifndef TRUSTASSESS_REGISTER_H
#define TRUSTASSESS_REGISTER_H

#include "common.h"
#include "date.h"
#include "review.h"
#include "trust.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ta_register ta_register;

/* The events of the life cycle. The CSV Event column names them as
 * ta_register_event_name gives (matched without regard to ASCII case). */
typedef enum ta_register_event {
    TA_EVENT_NOMINATED = 0,     /* "nominated": by NHS England, for assessment */
    TA_EVENT_AUTHORISED = 1,    /* "authorised": as an advanced foundation trust */
    TA_EVENT_REVIEWED = 2,      /* "reviewed": an AFT's periodic review, status kept */
    TA_EVENT_DEAUTHORISED = 3,  /* "deauthorised": AFT status taken away */
    TA_EVENT_REAUTHORISED = 4,  /* "reauthorised": AFT again after a deauthorisation */
    TA_EVENT_FT_AUTHORISED = 5, /* "ft_authorised": authorised as a foundation trust */
    TA_EVENT_CEASED = 6         /* "ceased": merged or dissolved; nothing may follow */
} ta_register_event;

/* An empty register with the default rules. */
TA_API ta_status ta_register_new(ta_register **out, const ta_allocator *alloc);
TA_API void ta_register_free(ta_register *r);
/* The message of the last failed call ("" if none). */
TA_API const char *ta_register_error(const ta_register *r);

/* Years between reviews, 1..100 (default 5). */
TA_API ta_status ta_register_set_interval_years(ta_register *r, int32_t years);
/* What 29 February plus the interval is in a common year (default 28 February). */
TA_API ta_status ta_register_set_feb29_rule(ta_register *r, ta_feb29_rule rule);
/* The status a deauthorised trust holds: TA_NHS_TRUST or TA_FOUNDATION_TRUST
 * (default, our reading). TA_EINVAL for TA_ADVANCED_FOUNDATION_TRUST. Set it
 * before adding events: "ft_authorised" after a deauthorisation is checked
 * against it. */
TA_API ta_status ta_register_set_deauthorised_status(ta_register *r, ta_ft_status status);

/* Adds an event of trust `code` (1..16 printable ASCII bytes without spaces)
 * on `on`. `name` (may be NULL or "", 0..200 bytes) names the trust the first
 * time it is given; `note` (may be NULL, 0..500 bytes) is kept with the
 * event. TA_EINCONSISTENT (with the reason) for an impossible sequence. */
TA_API ta_status ta_register_add_event(ta_register *r, const char *code, const char *name,
                                       ta_date on, ta_register_event event, const char *note);

/* Reads events from CSV text: a header naming Trust_code, Date and Event (any
 * order, names matched without regard to ASCII case), optionally Trust_name
 * and Note; other columns are ignored; blank lines are skipped. Dates are
 * YYYY-MM-DD. All or nothing: on error the register is unchanged and the
 * message reads "NAME:LINE:COLUMN: what". */
TA_API ta_status ta_register_read_buffer(ta_register *r, const char *data, size_t len,
                                         const char *name);
TA_API ta_status ta_register_read_file(ta_register *r, const char *path);

/* Trusts in the order they were first added. */
TA_API size_t ta_register_trust_count(const ta_register *r);
TA_API const char *ta_register_trust_code(const ta_register *r, size_t i); /* NULL out of range */
TA_API const char *ta_register_trust_name(const ta_register *r, size_t i); /* "" when not given */
/* The index of trust `code`; TA_ENOTFOUND when the register does not hold it. */
TA_API ta_status ta_register_find(size_t *index, const ta_register *r, const char *code);

/* Trust i's events in order: count, and event k's date, kind and note ("" if
 * none). Out-pointers may be NULL. */
TA_API size_t ta_register_event_count(const ta_register *r, size_t i);
TA_API ta_status ta_register_event_info(ta_date *on, ta_register_event *event, const char **note,
                                        const ta_register *r, size_t i, size_t k);

/* Trust i's state at the end of day `on`, every event dated on or before it
 * counted. *known = 0 when it has no event by then (the others are then
 * TA_NHS_TRUST and {0,0,0}). *status: the status held (for a trust that has
 * ceased, the status it last held); *since: the date of the event that gave
 * it ({0,0,0} when no event changed the status, e.g. a trust only
 * nominated). Out-pointers may be NULL. */
TA_API ta_status ta_register_status_on(int *known, ta_ft_status *status, ta_date *since,
                                       const ta_register *r, size_t i, ta_date on);
/* *ceased = 1 when trust i has ceased by the end of day `on`, else 0 (also
 * when it has no event by then). TA_EINVAL for a NULL ceased or a bad argument. */
TA_API ta_status ta_register_ceased_on(int *ceased, const ta_register *r, size_t i, ta_date on);
/* When trust i, an AFT on `on`, is next due for review: *has_due = 1 and
 * *due; *has_due = 0 when it is not an AFT on `on` (or has ceased), or when
 * the due date would fall after 9999-12-31 (ta_register_reasons says so). */
TA_API ta_status ta_register_review_due(int *has_due, ta_date *due, const ta_register *r, size_t i,
                                        ta_date on);
/* One line saying how trust i came to its state on `on`: its events by then
 * and, for an AFT, the rule behind the review date. Written into buf
 * (NUL-terminated, truncated to size); *needed (if not NULL) receives the full
 * length without the NUL. */
TA_API ta_status ta_register_reasons(char *buf, size_t size, size_t *needed, const ta_register *r,
                                     size_t i, ta_date on);
/* The date of trust i's last event ({0,0,0} if none). */
TA_API ta_status ta_register_last_date(ta_date *on, const ta_register *r, size_t i);

/* "nominated", "authorised", ... (static; "" for an unknown value), and the
 * inverse, matched without regard to ASCII case or surrounding spaces
 * (TA_EPARSE for other text). */
TA_API const char *ta_register_event_name(ta_register_event event);
TA_API ta_status ta_register_event_parse(ta_register_event *out, const char *text);

/* Adds to review schedule s every trust of r that is an AFT on `on`: its
 * authorisation date is its last (re)authorisation, its reviews since then are
 * added, and a "ceased" event after `on` becomes its end date. Trusts the
 * schedule already holds are TA_EDUPLICATE (nothing added). */
TA_API ta_status ta_review_schedule_add_register(ta_review_schedule *s, const ta_register *r,
                                                 ta_date on);

#ifdef __cplusplus
}
#endif

#endif /* TRUSTASSESS_REGISTER_H */
