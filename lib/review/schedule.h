/*
 * Internal: the review schedule's data, shared by its three source files
 * (schedule.c: trusts, triggers and the computation; schedule_csv.c: reading
 * TRUSTS.csv; export.c: CSV and iCalendar out). Dates inside are Rata Die day
 * numbers, 0 meaning "none".
 */
#ifndef TAI_REVIEW_SCHEDULE_H
#define TAI_REVIEW_SCHEDULE_H

#include "common/error.h"
#include "common/strmap.h"
#include "ics_text.h"
#include "trustassess/review.h"

typedef struct tai_evidence {
    int32_t quarter; /* year * 4 + quarter - 1: consecutive quarters differ by 1 */
    int32_t end;     /* the quarter end day */
    int32_t segment; /* 1..5, 0 unknown */
    ta_tristate deficit, rsp;
} tai_evidence;

typedef struct tai_review_trust {
    char *code, *name;
    int32_t authorised, last_review, ends;
    char *end_note;         /* NULL if none */
    char *file;             /* the file the trust was read from, NULL if added by a call */
    size_t line, column;    /* there: the row and the column of the date due dates count from */
    tai_evidence *evidence; /* ascending quarter */
    size_t n_evidence, cap_evidence;
} tai_review_trust;

typedef struct tai_trigger_rule {
    ta_review_trigger kind;
    int32_t worse_than, quarters, lead_days;
} tai_trigger_rule;

typedef struct tai_review_result {
    size_t trust;
    int32_t due, regular_due, fired, sitting, late;
    ta_review_trigger trigger;
    int placed, dropped;
    char *note; /* "" allowed, never NULL after compute */
} tai_review_result;

struct ta_review_schedule {
    ta_allocator alloc;
    tai_error err;
    int32_t interval_years;
    ta_feb29_rule feb29;
    int32_t today; /* 0 = none */
    int32_t capacity;
    ta_holidays *holidays;
    tai_review_trust *trusts;
    size_t n_trusts, cap_trusts;
    tai_strmap codes; /* code -> index in trusts */
    tai_trigger_rule *triggers;
    size_t n_triggers, cap_triggers;
    int32_t *sittings; /* explicit sittings, strictly ascending */
    size_t n_sittings, cap_sittings;
    tai_review_result *results;
    size_t n_results;
    int computed;
    tai_text out; /* the last export */
};

/* Checks a trust code: 1..16 printable ASCII bytes, no spaces. */
int tai_review_code_ok(const char *code);

/* Discards computed results: every change to the inputs makes them stale. */
void tai_review_changed(ta_review_schedule *s);

#endif /* TAI_REVIEW_SCHEDULE_H */
