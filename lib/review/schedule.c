/*
 * The review schedule (ta_review_schedule): trusts, evidence, early-review
 * triggers, the panel calendar, and the computation that joins them.
 *
 * The five-year rule lives in one place, due_of(): the later of the
 * authorisation and the last review, plus the interval, under the 29
 * February rule. Triggers can only bring that date forward, never push it
 * back: the earliest candidate wins, and among equal candidates the trigger
 * added first. Placement is earliest deadline first (panel.c, with the
 * argument that it is optimal). Inputs are validated as they are added, so
 * ta_review_schedule_compute fails only for lack of memory or when a date
 * leaves the years 1..9999.
 */
#include <stdlib.h>
#include <string.h>

#include "common/alloc.h"
#include "panel.h"
#include "schedule.h"

#define TAI_TEXT_MAX 200
#define TAI_CODE_MAX 16

static void fmt(int32_t rd, char *buf)
{
    ta_date d;
    (void)ta_date_from_days(&d, rd);
    (void)ta_date_format(buf, TA_DATE_TEXT_SIZE, d);
}

static int32_t rd_of(ta_date d)
{
    int32_t rd = 0;
    (void)ta_date_to_days(&rd, d);
    return rd;
}

int tai_review_code_ok(const char *code)
{
    size_t len = strlen(code);
    if (len == 0 || len > TAI_CODE_MAX)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (code[i] <= ' ' || code[i] > '~')
            return 0;
    return 1;
}

static void free_results(ta_review_schedule *s)
{
    for (size_t i = 0; i < s->n_results; i++)
        tai_free(&s->alloc, s->results[i].note);
    tai_free(&s->alloc, s->results);
    s->results = NULL;
    s->n_results = 0;
    s->computed = 0;
}

void tai_review_changed(ta_review_schedule *s)
{
    free_results(s);
}

ta_status ta_review_schedule_new(ta_review_schedule **out, const ta_allocator *alloc)
{
    ta_allocator a;
    ta_review_schedule *s;
    if (!out)
        return TA_EINVAL;
    *out = NULL;
    if (tai_alloc_init(&a, alloc) != TA_OK)
        return TA_EINVAL;
    s = tai_calloc(&a, 1, sizeof *s);
    if (!s)
        return TA_ENOMEM;
    s->alloc = a;
    s->interval_years = 5;
    s->feb29 = TA_FEB29_TO_FEB28;
    s->capacity = 1;
    tai_strmap_init(&s->codes, &s->alloc);
    tai_text_init(&s->out, &s->alloc);
    if (ta_holidays_new(&s->holidays, &s->alloc) != TA_OK ||
        /* The default trigger set, our reading (docs/review.md). */
        ta_review_schedule_add_trigger(s, TA_TRIGGER_SEGMENT, 2, 2, 90) != TA_OK ||
        ta_review_schedule_add_trigger(s, TA_TRIGGER_DEFICIT, 0, 0, 180) != TA_OK ||
        ta_review_schedule_add_trigger(s, TA_TRIGGER_RSP, 0, 0, 30) != TA_OK) {
        ta_review_schedule_free(s);
        return TA_ENOMEM;
    }
    *out = s;
    return TA_OK;
}

void ta_review_schedule_free(ta_review_schedule *s)
{
    if (!s)
        return;
    free_results(s);
    for (size_t i = 0; i < s->n_trusts; i++) {
        tai_free(&s->alloc, s->trusts[i].code);
        tai_free(&s->alloc, s->trusts[i].name);
        tai_free(&s->alloc, s->trusts[i].end_note);
        tai_free(&s->alloc, s->trusts[i].file);
        tai_free(&s->alloc, s->trusts[i].evidence);
    }
    tai_free(&s->alloc, s->trusts);
    tai_strmap_free(&s->codes);
    tai_free(&s->alloc, s->triggers);
    tai_free(&s->alloc, s->sittings);
    tai_text_free(&s->out);
    ta_holidays_free(s->holidays);
    tai_free(&s->alloc, s);
}

const char *ta_review_schedule_error(const ta_review_schedule *s)
{
    return s ? s->err.msg : "";
}

ta_status ta_review_schedule_set_interval_years(ta_review_schedule *s, int32_t years)
{
    if (!s)
        return TA_EINVAL;
    tai_error_clear(&s->err);
    if (years < 1 || years > 100)
        return tai_error_set(&s->err, TA_EINVAL, "interval of %d years is outside 1 to 100",
                             (int)years);
    s->interval_years = years;
    tai_review_changed(s);
    return TA_OK;
}

ta_status ta_review_schedule_set_feb29_rule(ta_review_schedule *s, ta_feb29_rule rule)
{
    if (!s)
        return TA_EINVAL;
    tai_error_clear(&s->err);
    if (rule != TA_FEB29_TO_FEB28 && rule != TA_FEB29_TO_MAR1)
        return tai_error_set(&s->err, TA_EINVAL, "unknown 29 February rule %d", (int)rule);
    s->feb29 = rule;
    tai_review_changed(s);
    return TA_OK;
}

static ta_status check_date(ta_review_schedule *s, ta_date d, const char *what)
{
    if (!ta_date_is_valid(d))
        return tai_error_set(&s->err, TA_EINVAL, "%s %d-%d-%d is not a date", what, (int)d.year,
                             (int)d.month, (int)d.day);
    return TA_OK;
}

ta_status ta_review_schedule_set_today(ta_review_schedule *s, ta_date today)
{
    ta_status st;
    if (!s)
        return TA_EINVAL;
    tai_error_clear(&s->err);
    if ((st = check_date(s, today, "today")) != TA_OK)
        return st;
    s->today = rd_of(today);
    tai_review_changed(s);
    return TA_OK;
}

ta_holidays *ta_review_schedule_holidays(ta_review_schedule *s)
{
    if (!s)
        return NULL;
    tai_review_changed(s); /* the caller may now change which days are working days */
    return s->holidays;
}

/* The trust with `code`, with a message when there is none. */
static ta_status find(ta_review_schedule *s, const char *code, tai_review_trust **t)
{
    size_t i;
    *t = NULL;
    if (!code)
        return tai_error_set(&s->err, TA_EINVAL, "trust code is NULL");
    if (!tai_strmap_get(&s->codes, code, strlen(code), &i))
        return tai_error_set(&s->err, TA_ENOTFOUND, "no trust with code %s", code);
    *t = &s->trusts[i];
    return TA_OK;
}

ta_status ta_review_schedule_add_trust(ta_review_schedule *s, const char *code, const char *name,
                                       ta_date authorised_on)
{
    tai_review_trust *t;
    int existed = 0;
    ta_status st;
    if (!s)
        return TA_EINVAL;
    tai_error_clear(&s->err);
    if (!code || !tai_review_code_ok(code))
        return tai_error_set(&s->err, TA_EINVAL,
                             "trust code must be 1 to 16 printable ASCII characters without "
                             "spaces");
    if (!name || strlen(name) > TAI_TEXT_MAX)
        return tai_error_set(&s->err, TA_EINVAL, "trust %s: name is NULL or over 200 bytes", code);
    if ((st = check_date(s, authorised_on, "authorisation date")) != TA_OK)
        return st;
    if (tai_strmap_get(&s->codes, code, strlen(code), NULL))
        return tai_error_set(&s->err, TA_EDUPLICATE, "trust %s is already in the schedule", code);
    if (tai_grow(&s->alloc, (void **)&s->trusts, &s->cap_trusts, s->n_trusts + 1,
                 sizeof *s->trusts) != TA_OK)
        return tai_error_set(&s->err, TA_ENOMEM, "out of memory adding trust %s", code);
    t = &s->trusts[s->n_trusts];
    memset(t, 0, sizeof *t);
    t->code = tai_strdup(&s->alloc, code);
    t->name = tai_strdup(&s->alloc, name);
    if (!t->code || !t->name ||
        tai_strmap_put(&s->codes, code, strlen(code), s->n_trusts, &existed, NULL) != TA_OK) {
        tai_free(&s->alloc, t->code);
        tai_free(&s->alloc, t->name);
        return tai_error_set(&s->err, TA_ENOMEM, "out of memory adding trust %s", code);
    }
    t->authorised = rd_of(authorised_on);
    s->n_trusts++;
    tai_review_changed(s);
    return TA_OK;
}

ta_status ta_review_schedule_add_review(ta_review_schedule *s, const char *code,
                                        ta_date reviewed_on)
{
    tai_review_trust *t;
    ta_status st;
    char a[TA_DATE_TEXT_SIZE], r[TA_DATE_TEXT_SIZE];
    if (!s)
        return TA_EINVAL;
    tai_error_clear(&s->err);
    if ((st = find(s, code, &t)) != TA_OK || (st = check_date(s, reviewed_on, "review date")))
        return st;
    if (rd_of(reviewed_on) < t->authorised) {
        fmt(rd_of(reviewed_on), r);
        fmt(t->authorised, a);
        return tai_error_set(&s->err, TA_EINCONSISTENT,
                             "trust %s: review on %s is before its authorisation on %s", code, r,
                             a);
    }
    if (rd_of(reviewed_on) > t->last_review)
        t->last_review = rd_of(reviewed_on);
    tai_review_changed(s);
    return TA_OK;
}

ta_status ta_review_schedule_set_end(ta_review_schedule *s, const char *code, ta_date ceases_on,
                                     const char *note)
{
    tai_review_trust *t;
    ta_status st;
    char *copy = NULL;
    char a[TA_DATE_TEXT_SIZE], e[TA_DATE_TEXT_SIZE];
    if (!s)
        return TA_EINVAL;
    tai_error_clear(&s->err);
    if ((st = find(s, code, &t)) != TA_OK || (st = check_date(s, ceases_on, "end date")))
        return st;
    if (note && strlen(note) > TAI_TEXT_MAX)
        return tai_error_set(&s->err, TA_EINVAL, "trust %s: end note is over 200 bytes", code);
    if (rd_of(ceases_on) < t->authorised) {
        fmt(rd_of(ceases_on), e);
        fmt(t->authorised, a);
        return tai_error_set(&s->err, TA_EINCONSISTENT,
                             "trust %s: end on %s is before its authorisation on %s", code, e, a);
    }
    if (note && *note && !(copy = tai_strdup(&s->alloc, note)))
        return tai_error_set(&s->err, TA_ENOMEM, "out of memory setting an end date");
    tai_free(&s->alloc, t->end_note);
    t->end_note = copy;
    t->ends = rd_of(ceases_on);
    tai_review_changed(s);
    return TA_OK;
}

static int valid_tristate(ta_tristate v)
{
    return v == TA_UNKNOWN || v == TA_NO || v == TA_YES;
}

ta_status ta_review_schedule_add_evidence(ta_review_schedule *s, const char *code,
                                          ta_date quarter_end, int32_t segment, ta_tristate deficit,
                                          ta_tristate rsp)
{
    tai_review_trust *t;
    ta_status st;
    tai_evidence ev;
    size_t at;
    char q[TA_DATE_TEXT_SIZE];
    if (!s)
        return TA_EINVAL;
    tai_error_clear(&s->err);
    if ((st = find(s, code, &t)) != TA_OK || (st = check_date(s, quarter_end, "quarter end")))
        return st;
    fmt(rd_of(quarter_end), q);
    if (quarter_end.month % 3 != 0 ||
        quarter_end.day != ta_date_days_in_month(quarter_end.year, quarter_end.month))
        return tai_error_set(&s->err, TA_EINVAL,
                             "trust %s: %s is not the end of a calendar quarter", code, q);
    if (segment < 0 || segment > 5)
        return tai_error_set(&s->err, TA_EINVAL,
                             "trust %s: segment %d is outside 1 to 5 (0 for unknown)", code,
                             (int)segment);
    if (!valid_tristate(deficit) || !valid_tristate(rsp))
        return tai_error_set(&s->err, TA_EINVAL, "trust %s: a flag is not a ta_tristate", code);
    ev.quarter = quarter_end.year * 4 + quarter_end.month / 3 - 1;
    ev.end = rd_of(quarter_end);
    ev.segment = segment;
    ev.deficit = deficit;
    ev.rsp = rsp;
    for (at = 0; at < t->n_evidence && t->evidence[at].quarter < ev.quarter; at++)
        ;
    if (at < t->n_evidence && t->evidence[at].quarter == ev.quarter)
        return tai_error_set(&s->err, TA_EDUPLICATE, "trust %s: quarter ending %s given twice",
                             code, q);
    if (tai_grow(&s->alloc, (void **)&t->evidence, &t->cap_evidence, t->n_evidence + 1,
                 sizeof *t->evidence) != TA_OK)
        return tai_error_set(&s->err, TA_ENOMEM, "out of memory adding evidence");
    memmove(&t->evidence[at + 1], &t->evidence[at], (t->n_evidence - at) * sizeof *t->evidence);
    t->evidence[at] = ev;
    t->n_evidence++;
    tai_review_changed(s);
    return TA_OK;
}

ta_status ta_review_schedule_clear_triggers(ta_review_schedule *s)
{
    if (!s)
        return TA_EINVAL;
    tai_error_clear(&s->err);
    s->n_triggers = 0;
    tai_review_changed(s);
    return TA_OK;
}

ta_status ta_review_schedule_add_trigger(ta_review_schedule *s, ta_review_trigger kind,
                                         int32_t worse_than, int32_t quarters, int32_t lead_days)
{
    tai_trigger_rule *r;
    if (!s)
        return TA_EINVAL;
    tai_error_clear(&s->err);
    if (kind != TA_TRIGGER_SEGMENT && kind != TA_TRIGGER_DEFICIT && kind != TA_TRIGGER_RSP)
        return tai_error_set(&s->err, TA_EINVAL, "unknown trigger kind %d", (int)kind);
    if (lead_days < 0 || lead_days > 3660)
        return tai_error_set(&s->err, TA_EINVAL, "lead time of %d days is outside 0 to 3660",
                             (int)lead_days);
    if (kind == TA_TRIGGER_SEGMENT &&
        (worse_than < 1 || worse_than > 4 || quarters < 1 || quarters > 20))
        return tai_error_set(&s->err, TA_EINVAL,
                             "segment trigger needs worse_than 1 to 4 and quarters 1 to 20");
    if (kind != TA_TRIGGER_SEGMENT && (worse_than != 0 || quarters != 0))
        return tai_error_set(&s->err, TA_EINVAL,
                             "only the segment trigger takes worse_than and quarters");
    if (tai_grow(&s->alloc, (void **)&s->triggers, &s->cap_triggers, s->n_triggers + 1,
                 sizeof *s->triggers) != TA_OK)
        return tai_error_set(&s->err, TA_ENOMEM, "out of memory adding a trigger");
    r = &s->triggers[s->n_triggers++];
    r->kind = kind;
    r->worse_than = worse_than;
    r->quarters = quarters;
    r->lead_days = lead_days;
    tai_review_changed(s);
    return TA_OK;
}

/* Inserts rd into the sorted sittings; *added = 0 when it was there. The
 * place is found by stepping back from the end: sittings added in date order
 * (as ta_review_schedule_add_sittings_weekly adds them) take no step, so a
 * century of daily sittings is built in linear time, and a step back costs no
 * more than the memmove that follows it. */
static ta_status insert_sitting(ta_review_schedule *s, int32_t rd, int *added)
{
    size_t at = s->n_sittings;
    *added = 0;
    while (at > 0 && s->sittings[at - 1] > rd)
        at--;
    if (at > 0 && s->sittings[at - 1] == rd)
        return TA_OK;
    if (tai_grow(&s->alloc, (void **)&s->sittings, &s->cap_sittings, s->n_sittings + 1,
                 sizeof *s->sittings) != TA_OK)
        return tai_error_set(&s->err, TA_ENOMEM, "out of memory adding a sitting");
    memmove(&s->sittings[at + 1], &s->sittings[at], (s->n_sittings - at) * sizeof *s->sittings);
    s->sittings[at] = rd;
    s->n_sittings++;
    *added = 1;
    return TA_OK;
}

/* Whether d is a working day, with the holiday calendar's message on failure. */
static ta_status working_day(ta_review_schedule *s, ta_date d, int *working)
{
    ta_status st = ta_holidays_is_working_day(working, s->holidays, d);
    if (st != TA_OK)
        return tai_error_set(&s->err, st, "%s", ta_holidays_error(s->holidays));
    return TA_OK;
}

ta_status ta_review_schedule_add_sitting(ta_review_schedule *s, ta_date d)
{
    int working = 0, added = 0;
    ta_status st;
    char text[TA_DATE_TEXT_SIZE];
    if (!s)
        return TA_EINVAL;
    tai_error_clear(&s->err);
    if ((st = check_date(s, d, "sitting")) != TA_OK || (st = working_day(s, d, &working)))
        return st;
    (void)ta_date_format(text, sizeof text, d);
    if (!working)
        return tai_error_set(&s->err, TA_EINVAL, "sitting on %s: not a working day in England",
                             text);
    if ((st = insert_sitting(s, rd_of(d), &added)) != TA_OK)
        return st;
    if (!added)
        return tai_error_set(&s->err, TA_EDUPLICATE, "sitting on %s given twice", text);
    tai_review_changed(s);
    return TA_OK;
}

ta_status ta_review_schedule_add_sittings_weekly(size_t *added, ta_review_schedule *s, ta_date from,
                                                 ta_date to, unsigned weekdays)
{
    ta_status st;
    size_t count = 0;
    if (added)
        *added = 0;
    if (!s)
        return TA_EINVAL;
    tai_error_clear(&s->err);
    if ((st = check_date(s, from, "first sitting date")) != TA_OK ||
        (st = check_date(s, to, "last sitting date")) != TA_OK)
        return st;
    if (weekdays == 0 || weekdays > 0x7Fu)
        return tai_error_set(&s->err, TA_EINVAL, "weekday mask %u names no weekday or a bad one",
                             weekdays);
    if (ta_date_compare(from, to) > 0)
        return tai_error_set(&s->err, TA_EINVAL, "the sitting range ends before it starts");
    for (int32_t rd = rd_of(from); rd <= rd_of(to); rd++) {
        ta_date d;
        ta_weekday wd;
        int working = 0, was_added = 0;
        (void)ta_date_from_days(&d, rd);
        (void)ta_date_weekday(&wd, d);
        if (!(weekdays & TA_WEEKDAY_BIT(wd)))
            continue;
        if ((st = working_day(s, d, &working)) != TA_OK)
            return st;
        if (!working)
            continue;
        if ((st = insert_sitting(s, rd, &was_added)) != TA_OK)
            return st;
        count += (size_t)was_added;
    }
    if (added)
        *added = count;
    tai_review_changed(s);
    return TA_OK;
}

ta_status ta_review_schedule_set_capacity(ta_review_schedule *s, int32_t per_sitting)
{
    if (!s)
        return TA_EINVAL;
    tai_error_clear(&s->err);
    if (per_sitting < 1)
        return tai_error_set(&s->err, TA_EINVAL, "capacity per sitting must be at least 1, not %d",
                             (int)per_sitting);
    s->capacity = per_sitting;
    tai_review_changed(s);
    return TA_OK;
}

/* The regular due date: the later of authorisation and last review, plus the
 * interval (the five-year rule). */
static ta_status due_of(ta_review_schedule *s, const tai_review_trust *t, int32_t *due)
{
    ta_date base, d;
    int32_t from = t->last_review > t->authorised ? t->last_review : t->authorised;
    (void)ta_date_from_days(&base, from);
    if (ta_date_add_years(&d, base, s->interval_years, s->feb29) != TA_OK) {
        if (t->file)
            return tai_error_set(&s->err, TA_ERANGE,
                                 "%s:%zu:%zu: trust %s: the review falls due after 9999", t->file,
                                 t->line, t->column, t->code);
        return tai_error_set(&s->err, TA_ERANGE, "trust %s: the review falls due after 9999",
                             t->code);
    }
    *due = rd_of(d);
    return TA_OK;
}

/* The quarter end on which `rule` fires for t after `base`, or 0. */
static int32_t fires_on(const tai_trigger_rule *rule, const tai_review_trust *t, int32_t base)
{
    int32_t run = 0;
    const tai_evidence *last = NULL; /* the quarter before e in the list */
    for (size_t i = 0; i < t->n_evidence; last = &t->evidence[i++]) {
        const tai_evidence *e = &t->evidence[i];
        /* last when it is the quarter just before e (no gap), else NULL */
        const tai_evidence *prev = last && last->quarter == e->quarter - 1 ? last : NULL;
        switch (rule->kind) {
        case TA_TRIGGER_SEGMENT:
            if (e->end <= base || e->segment == 0 || e->segment <= rule->worse_than)
                run = 0;
            else
                run = prev && run > 0 ? run + 1 : 1;
            if (run >= rule->quarters)
                return e->end;
            break;
        case TA_TRIGGER_DEFICIT:
            if (e->end > base && e->deficit == TA_YES)
                return e->end;
            break;
        case TA_TRIGGER_RSP:
            if (e->end > base && e->rsp == TA_YES && !(prev && prev->rsp == TA_YES))
                return e->end;
            break;
        case TA_TRIGGER_NONE:
            break;
        }
    }
    return 0;
}

static int cmp_result(const void *a, const void *b, const ta_review_schedule *s)
{
    const tai_review_result *x = a, *y = b;
    if (x->dropped != y->dropped)
        return x->dropped - y->dropped;
    if (x->due != y->due)
        return x->due < y->due ? -1 : 1;
    return strcmp(s->trusts[x->trust].code, s->trusts[y->trust].code);
}

/* Insertion sort: qsort has no context argument and there is no global state;
 * schedules hold tens to hundreds of trusts. */
static void sort_results(ta_review_schedule *s)
{
    for (size_t i = 1; i < s->n_results; i++) {
        tai_review_result r = s->results[i];
        size_t j = i;
        while (j > 0 && cmp_result(&s->results[j - 1], &r, s) > 0) {
            s->results[j] = s->results[j - 1];
            j--;
        }
        s->results[j] = r;
    }
}

/* Due date, trigger and drop decision of one trust; r is zeroed (calloc). */
static ta_status evaluate(ta_review_schedule *s, size_t i, tai_review_result *r)
{
    const tai_review_trust *t = &s->trusts[i];
    int32_t base = t->last_review > t->authorised ? t->last_review : t->authorised;
    ta_status st;
    r->trust = i;
    if ((st = due_of(s, t, &r->regular_due)) != TA_OK)
        return st;
    r->due = r->regular_due;
    for (size_t k = 0; k < s->n_triggers; k++) {
        int32_t fired = fires_on(&s->triggers[k], t, base);
        if (fired && (int64_t)fired + s->triggers[k].lead_days < r->due) {
            r->due = fired + s->triggers[k].lead_days;
            r->trigger = s->triggers[k].kind;
            r->fired = fired;
        }
    }
    r->dropped = t->ends && (t->ends <= r->due || (s->today && t->ends <= s->today));
    return TA_OK;
}

static ta_status make_note(ta_review_schedule *s, tai_review_result *r)
{
    const tai_review_trust *t = &s->trusts[r->trust];
    tai_text note;
    char e[TA_DATE_TEXT_SIZE];
    ta_status st = TA_OK;
    tai_text_init(&note, &s->alloc);
    if (t->ends) {
        fmt(t->ends, e);
        st = tai_text_puts(&note, "ceases to exist on ");
        if (st == TA_OK)
            st = tai_text_puts(&note, e);
        if (st == TA_OK && r->dropped)
            st = tai_text_puts(&note, ", so it is dropped from scheduling");
        if (st == TA_OK && t->end_note) {
            st = tai_text_puts(&note, ": ");
            if (st == TA_OK)
                st = tai_text_puts(&note, t->end_note);
        }
    } else if (!r->placed) {
        st = tai_text_puts(&note, "no panel sitting left");
    }
    if (st == TA_OK)
        st = tai_text_append(&note, "", 0);
    if (st != TA_OK) {
        tai_text_free(&note);
        return tai_error_set(&s->err, TA_ENOMEM, "out of memory writing a note");
    }
    r->note = note.data; /* owned by the result now */
    return TA_OK;
}

/* The sittings to place `jobs` reviews on: the explicit ones, else every
 * working day from today (else from the first due date), as many as needed. */
static ta_status sittings_for(ta_review_schedule *s, size_t jobs, int32_t **days, size_t *m)
{
    size_t need;
    ta_date d;
    int working = 0;
    ta_status st;
    *days = NULL;
    *m = 0;
    if (s->n_sittings > 0 || jobs == 0) {
        *days = s->sittings;
        *m = s->n_sittings;
        return TA_OK;
    }
    need = (jobs + (size_t)s->capacity - 1) / (size_t)s->capacity;
    *days = tai_calloc(&s->alloc, need, sizeof **days);
    if (!*days)
        return tai_error_set(&s->err, TA_ENOMEM, "out of memory making sittings");
    (void)ta_date_from_days(&d, s->today ? s->today : s->results[0].due);
    if ((st = working_day(s, d, &working)) != TA_OK)
        goto fail;
    for (size_t k = 0; k < need; k++) {
        if ((k > 0 || !working) && ta_holidays_next_working_day(&d, s->holidays, d) != TA_OK) {
            ta_date start;
            char text[16];
            (void)ta_date_from_days(&start, s->today ? s->today : s->results[0].due);
            (void)ta_date_format(text, sizeof text, start);
            /* today is a parameter (TA_EINVAL); the earliest due date is input */
            st = tai_error_set(&s->err, s->today ? TA_EINVAL : TA_ERANGE,
                               "%zu sittings from %s (%s) run past the end of 9999", need, text,
                               s->today ? "today" : "the earliest due date");
            goto fail;
        }
        (*days)[k] = rd_of(d);
    }
    *m = need;
    return TA_OK;
fail:
    tai_free(&s->alloc, *days);
    *days = NULL;
    return st;
}

ta_status ta_review_schedule_compute(ta_review_schedule *s)
{
    size_t jobs = 0, m = 0, *slot = NULL;
    int32_t *days = NULL;
    ta_status st = TA_OK;
    if (!s)
        return TA_EINVAL;
    tai_error_clear(&s->err);
    free_results(s);
    if (s->n_trusts > 0) {
        s->results = tai_calloc(&s->alloc, s->n_trusts, sizeof *s->results);
        if (!s->results)
            return tai_error_set(&s->err, TA_ENOMEM, "out of memory computing the schedule");
    }
    s->n_results = s->n_trusts;
    for (size_t i = 0; i < s->n_trusts && st == TA_OK; i++)
        st = evaluate(s, i, &s->results[i]);
    if (st != TA_OK)
        goto done;
    sort_results(s);
    while (jobs < s->n_results && !s->results[jobs].dropped)
        jobs++;
    if ((st = sittings_for(s, jobs, &days, &m)) != TA_OK)
        goto done;
    if (jobs > 0 && !(slot = tai_calloc(&s->alloc, jobs, sizeof *slot))) {
        st = tai_error_set(&s->err, TA_ENOMEM, "out of memory placing reviews");
        goto done;
    }
    tai_panel_edf(jobs, m, (size_t)s->capacity, slot);
    for (size_t j = 0; j < jobs; j++) {
        tai_review_result *r = &s->results[j];
        if (slot[j] == TAI_PANEL_UNPLACED)
            continue;
        r->placed = 1;
        r->sitting = days[slot[j]];
        r->late = r->sitting > r->due ? r->sitting - r->due : 0;
    }
    for (size_t i = 0; i < s->n_results && st == TA_OK; i++)
        st = make_note(s, &s->results[i]);
done:
    tai_free(&s->alloc, slot);
    if (days != s->sittings)
        tai_free(&s->alloc, days);
    if (st != TA_OK) {
        free_results(s);
        return st;
    }
    s->computed = 1;
    return TA_OK;
}

/* The result i, or NULL (with no message: the getters are const). */
static const tai_review_result *result(const ta_review_schedule *s, size_t i)
{
    if (!s || !s->computed || i >= s->n_results)
        return NULL;
    return &s->results[i];
}

size_t ta_review_schedule_count(const ta_review_schedule *s)
{
    return s && s->computed ? s->n_results : 0;
}

const char *ta_review_schedule_code(const ta_review_schedule *s, size_t i)
{
    const tai_review_result *r = result(s, i);
    return r ? s->trusts[r->trust].code : NULL;
}

const char *ta_review_schedule_name(const ta_review_schedule *s, size_t i)
{
    const tai_review_result *r = result(s, i);
    return r ? s->trusts[r->trust].name : NULL;
}

static void set_date(ta_date *out, int32_t rd)
{
    if (!out)
        return;
    out->year = out->month = out->day = 0;
    if (rd)
        (void)ta_date_from_days(out, rd);
}

ta_status ta_review_schedule_due(ta_date *due, ta_date *regular_due, const ta_review_schedule *s,
                                 size_t i)
{
    const tai_review_result *r = result(s, i);
    set_date(due, r ? r->due : 0);
    set_date(regular_due, r ? r->regular_due : 0);
    return r ? TA_OK : s && !s->computed ? TA_ESTATE : TA_EINVAL;
}

ta_status ta_review_schedule_trigger(ta_review_trigger *kind, ta_date *fired_on,
                                     const ta_review_schedule *s, size_t i)
{
    const tai_review_result *r = result(s, i);
    if (kind)
        *kind = r ? r->trigger : TA_TRIGGER_NONE;
    set_date(fired_on, r ? r->fired : 0);
    return r ? TA_OK : s && !s->computed ? TA_ESTATE : TA_EINVAL;
}

ta_status ta_review_schedule_placement(int *placed, ta_date *sitting, int32_t *late_days,
                                       const ta_review_schedule *s, size_t i)
{
    const tai_review_result *r = result(s, i);
    if (placed)
        *placed = r ? r->placed : 0;
    set_date(sitting, r && r->placed ? r->sitting : 0);
    if (late_days)
        *late_days = r && r->placed ? r->late : 0;
    return r ? TA_OK : s && !s->computed ? TA_ESTATE : TA_EINVAL;
}

ta_status ta_review_schedule_overdue(ta_tristate *overdue, int32_t *days,
                                     const ta_review_schedule *s, size_t i)
{
    const tai_review_result *r = result(s, i);
    if (overdue)
        *overdue = TA_UNKNOWN;
    if (days)
        *days = 0;
    if (!r)
        return s && !s->computed ? TA_ESTATE : TA_EINVAL;
    if (!s->today)
        return TA_OK;
    if (overdue)
        *overdue = r->due < s->today ? TA_YES : TA_NO;
    if (days && r->due < s->today)
        *days = s->today - r->due;
    return TA_OK;
}

int ta_review_schedule_dropped(const ta_review_schedule *s, size_t i)
{
    const tai_review_result *r = result(s, i);
    return r ? r->dropped : 0;
}

const char *ta_review_schedule_note(const ta_review_schedule *s, size_t i)
{
    const tai_review_result *r = result(s, i);
    return r ? r->note : NULL;
}

const char *ta_review_trigger_name(ta_review_trigger kind)
{
    switch (kind) {
    case TA_TRIGGER_NONE:
        return "none";
    case TA_TRIGGER_SEGMENT:
        return "segment";
    case TA_TRIGGER_DEFICIT:
        return "deficit";
    case TA_TRIGGER_RSP:
        return "recovery support programme";
    }
    return "";
}
