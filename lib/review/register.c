/*
 * The status register (ta_register): dated events per trust, the sequence
 * rules, and the status and review date on any day.
 *
 * The sequence rules live in one function, apply(): it takes a trust's state
 * before an event and gives the state after it or the reason the event is
 * impossible. The five-year rule of the register lives in
 * tai_register_due(). Each event keeps the state it leaves, so queries never
 * replay rules and a query date between events reads the earlier event's
 * state. Reads are made all or nothing by a mark taken before and a rollback
 * on failure (register_csv.c).
 */
#include <string.h>

#include "common/alloc.h"
#include "common/number.h"
#include "register_internal.h"

#define TAI_REG_NAME_MAX 200
#define TAI_REG_NOTE_MAX 500

static const char *const event_names[] = {"nominated",    "authorised",   "reviewed",
                                          "deauthorised", "reauthorised", "ft_authorised",
                                          "ceased"};
enum { N_EVENT_NAMES = sizeof event_names / sizeof *event_names };

static const char *status_text(ta_ft_status s)
{
    return s == TA_ADVANCED_FOUNDATION_TRUST ? "an advanced foundation trust"
           : s == TA_FOUNDATION_TRUST        ? "a foundation trust"
                                             : "an NHS trust";
}

static void fmt(int32_t rd, char *buf)
{
    ta_date d;
    if (ta_date_from_days(&d, rd) != TA_OK || ta_date_format(buf, TA_DATE_TEXT_SIZE, d) != TA_OK)
        memcpy(buf, "?", 2);
}

static int code_ok(const char *code)
{
    size_t len = strlen(code);
    if (len == 0 || len > 16)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (code[i] <= ' ' || code[i] > '~')
            return 0;
    return 1;
}

const char *ta_register_event_name(ta_register_event event)
{
    return (unsigned)event < N_EVENT_NAMES ? event_names[event] : "";
}

static int ascii_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

ta_status ta_register_event_parse(ta_register_event *out, const char *text)
{
    size_t len;
    if (!out || !text)
        return TA_EINVAL;
    while (*text == ' ' || *text == '\t')
        text++;
    len = strlen(text);
    while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
        len--;
    for (size_t k = 0; k < N_EVENT_NAMES; k++) {
        size_t i = 0;
        if (strlen(event_names[k]) != len)
            continue;
        while (i < len && ascii_lower((unsigned char)text[i]) == event_names[k][i])
            i++;
        if (i == len) {
            *out = (ta_register_event)k;
            return TA_OK;
        }
    }
    return TA_EPARSE;
}

ta_status ta_register_new(ta_register **out, const ta_allocator *alloc)
{
    ta_allocator a;
    ta_register *r;
    if (!out)
        return TA_EINVAL;
    *out = NULL;
    if (tai_alloc_init(&a, alloc) != TA_OK)
        return TA_EINVAL;
    if (!(r = tai_calloc(&a, 1, sizeof *r)))
        return TA_ENOMEM;
    r->alloc = a;
    r->interval_years = 5;
    r->feb29 = TA_FEB29_TO_FEB28;
    r->deauthorised_status = TA_FOUNDATION_TRUST;
    tai_strmap_init(&r->codes, &r->alloc);
    *out = r;
    return TA_OK;
}

void ta_register_free(ta_register *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n_trusts; i++) {
        tai_free(&r->alloc, r->trusts[i].code);
        tai_free(&r->alloc, r->trusts[i].name);
    }
    for (size_t k = 0; k < r->n_events; k++)
        tai_free(&r->alloc, r->events[k].note);
    tai_free(&r->alloc, r->trusts);
    tai_free(&r->alloc, r->events);
    tai_strmap_free(&r->codes);
    tai_free(&r->alloc, r);
}

const char *ta_register_error(const ta_register *r)
{
    return r ? r->err.msg : "";
}

ta_status ta_register_set_interval_years(ta_register *r, int32_t years)
{
    if (!r)
        return TA_EINVAL;
    tai_error_clear(&r->err);
    if (years < 1 || years > 100)
        return tai_error_set(&r->err, TA_EINVAL, "interval of %d years is outside 1 to 100",
                             (int)years);
    r->interval_years = years;
    return TA_OK;
}

ta_status ta_register_set_feb29_rule(ta_register *r, ta_feb29_rule rule)
{
    if (!r)
        return TA_EINVAL;
    tai_error_clear(&r->err);
    if (rule != TA_FEB29_TO_FEB28 && rule != TA_FEB29_TO_MAR1)
        return tai_error_set(&r->err, TA_EINVAL, "unknown 29 February rule %d", (int)rule);
    r->feb29 = rule;
    return TA_OK;
}

ta_status ta_register_set_deauthorised_status(ta_register *r, ta_ft_status status)
{
    if (!r)
        return TA_EINVAL;
    tai_error_clear(&r->err);
    if (status != TA_NHS_TRUST && status != TA_FOUNDATION_TRUST)
        return tai_error_set(&r->err, TA_EINVAL,
                             "a deauthorised trust is an NHS trust or a foundation trust, not "
                             "status %d",
                             (int)status);
    r->deauthorised_status = status;
    return TA_OK;
}

/* ---- the sequence rules ----------------------------------------------------- */

/* The state after event `kind` on `on`, or TA_EINCONSISTENT with the reason;
 * last_on is the day of the trust's last event, NULL for a new trust. */
static ta_status apply(ta_register *r, const char *code, const tai_reg_state *before,
                       const int32_t *last_on, ta_register_event kind, int32_t on,
                       tai_reg_state *after)
{
    const char *ev = ta_register_event_name(kind);
    char d[TA_DATE_TEXT_SIZE], d2[TA_DATE_TEXT_SIZE];
    int aft = before->status == TA_ADVANCED_FOUNDATION_TRUST;
    fmt(on, d);
    *after = *before;
    if (before->ceased)
        return tai_error_set(&r->err, TA_EINCONSISTENT,
                             "trust %s: %s on %s follows its ceasing: no event may follow "
                             "\"ceased\"",
                             code, ev, d);
    if (last_on && on < *last_on) {
        fmt(*last_on, d2);
        return tai_error_set(&r->err, TA_EINCONSISTENT,
                             "trust %s: %s on %s is out of order: its previous event is on %s",
                             code, ev, d, d2);
    }
    if (aft && (kind == TA_EVENT_AUTHORISED || kind == TA_EVENT_REAUTHORISED ||
                kind == TA_EVENT_NOMINATED || kind == TA_EVENT_FT_AUTHORISED)) {
        fmt(before->since, d2);
        return tai_error_set(&r->err, TA_EINCONSISTENT,
                             "trust %s: %s on %s, but it is already an advanced foundation trust "
                             "(since %s) and has not been deauthorised",
                             code, ev, d, d2);
    }
    switch (kind) {
    case TA_EVENT_NOMINATED:
        after->nominated = on;
        break;
    case TA_EVENT_AUTHORISED:
    case TA_EVENT_REAUTHORISED:
        if (kind == TA_EVENT_AUTHORISED && before->ever_aft)
            return tai_error_set(&r->err, TA_EINCONSISTENT,
                                 "trust %s: authorised on %s after a deauthorisation: that is "
                                 "\"reauthorised\"",
                                 code, d);
        if (kind == TA_EVENT_REAUTHORISED && !before->ever_aft)
            return tai_error_set(&r->err, TA_EINCONSISTENT,
                                 "trust %s: reauthorised on %s, but it was never authorised: the "
                                 "first authorisation is \"authorised\"",
                                 code, d);
        after->status = TA_ADVANCED_FOUNDATION_TRUST;
        after->since = after->review_base = after->authorised = on;
        after->ever_aft = 1;
        after->reauthorised = kind == TA_EVENT_REAUTHORISED;
        after->nominated = 0;
        break;
    case TA_EVENT_REVIEWED:
    case TA_EVENT_DEAUTHORISED:
        if (!aft)
            return tai_error_set(&r->err, TA_EINCONSISTENT,
                                 "trust %s: %s on %s, but it is %s then, not an advanced "
                                 "foundation trust",
                                 code, ev, d, status_text(before->status));
        if (kind == TA_EVENT_REVIEWED) {
            after->review_base = on;
        } else {
            after->status = r->deauthorised_status;
            after->since = on;
            after->review_base = after->authorised = 0;
        }
        break;
    case TA_EVENT_FT_AUTHORISED:
        if (before->status != TA_NHS_TRUST)
            return tai_error_set(&r->err, TA_EINCONSISTENT,
                                 "trust %s: ft_authorised on %s, but it is already %s", code, d,
                                 status_text(before->status));
        after->status = TA_FOUNDATION_TRUST;
        after->since = on;
        break;
    case TA_EVENT_CEASED:
        after->ceased = 1;
        after->review_base = 0;
        break;
    default:
        return tai_error_set(&r->err, TA_EINVAL, "unknown event %d", (int)kind);
    }
    return TA_OK;
}

static ta_status text_ok(ta_register *r, const char *what, const char *s, size_t max)
{
    if (s && strlen(s) > max)
        return tai_error_set(&r->err, TA_EINVAL, "%s is over %zu bytes", what, max);
    return TA_OK;
}

ta_status tai_register_add(ta_register *r, const char *code, const char *name, int32_t on,
                           ta_register_event kind, const char *note)
{
    size_t t, len = strlen(code);
    int is_new;
    tai_reg_trust *tr;
    tai_reg_event *e;
    tai_reg_state before, after;
    ta_status st;
    if (!code_ok(code))
        return tai_error_set(&r->err, TA_EINVAL,
                             "Trust_code \"%s\" must be 1 to 16 printable ASCII characters "
                             "without spaces",
                             code);
    if ((st = text_ok(r, "Trust_name", name, TAI_REG_NAME_MAX)) != TA_OK ||
        (st = text_ok(r, "Note", note, TAI_REG_NOTE_MAX)) != TA_OK)
        return st;
    is_new = !tai_strmap_get(&r->codes, code, len, &t);
    memset(&before, 0, sizeof before);
    before.status = TA_NHS_TRUST;
    if (!is_new)
        before = r->trusts[t].state;
    /* The same event twice on one day is a repeated row, not two events. A
     * trust in the map has at least one event, so its last is always set. */
    if (!is_new && r->trusts[t].last_on == on && r->events[r->trusts[t].last].kind == kind) {
        char d[TA_DATE_TEXT_SIZE];
        fmt(on, d);
        return tai_error_set(&r->err, TA_EINCONSISTENT, "trust %s: %s on %s is given twice", code,
                             ta_register_event_name(kind), d);
    }
    if ((st = apply(r, code, &before, is_new ? NULL : &r->trusts[t].last_on, kind, on, &after)) !=
        TA_OK)
        return st;
    if (tai_grow(&r->alloc, (void **)&r->events, &r->cap_events, r->n_events + 1,
                 sizeof *r->events) != TA_OK ||
        (is_new && tai_grow(&r->alloc, (void **)&r->trusts, &r->cap_trusts, r->n_trusts + 1,
                            sizeof *r->trusts) != TA_OK))
        return tai_error_set(&r->err, TA_ENOMEM, "out of memory");
    e = &r->events[r->n_events];
    memset(e, 0, sizeof *e);
    if (note && *note && !(e->note = tai_strdup(&r->alloc, note)))
        return tai_error_set(&r->err, TA_ENOMEM, "out of memory");
    if (is_new) {
        tr = &r->trusts[r->n_trusts];
        memset(tr, 0, sizeof *tr);
        if (!(tr->code = tai_strdup(&r->alloc, code)) ||
            tai_strmap_put(&r->codes, code, len, r->n_trusts, NULL, NULL) != TA_OK) {
            tai_free(&r->alloc, tr->code);
            tai_free(&r->alloc, e->note);
            return tai_error_set(&r->err, TA_ENOMEM, "out of memory");
        }
        t = r->n_trusts++;
        tr->first = r->n_events;
    }
    tr = &r->trusts[t];
    if (name && *name && !tr->name && !(tr->name = tai_strdup(&r->alloc, name))) {
        /* The trust (if new) stays, with no event: remove it again. */
        if (is_new) {
            tai_strmap_remove(&r->codes, code, len);
            tai_free(&r->alloc, tr->code);
            r->n_trusts--;
        }
        tai_free(&r->alloc, e->note);
        return tai_error_set(&r->err, TA_ENOMEM, "out of memory");
    }
    e->on = on;
    e->kind = kind;
    e->after = after;
    if (tr->count > 0)
        r->events[tr->last].next = r->n_events;
    tr->last = r->n_events++;
    tr->count++;
    tr->state = after;
    tr->last_on = on;
    return TA_OK;
}

ta_status ta_register_add_event(ta_register *r, const char *code, const char *name, ta_date on,
                                ta_register_event event, const char *note)
{
    int32_t rd;
    if (!r)
        return TA_EINVAL;
    tai_error_clear(&r->err);
    if (!code)
        return tai_error_set(&r->err, TA_EINVAL, "code is NULL");
    if (ta_date_to_days(&rd, on) != TA_OK)
        return tai_error_set(&r->err, TA_EINVAL, "the event date is not a date");
    if ((unsigned)event >= N_EVENT_NAMES)
        return tai_error_set(&r->err, TA_EINVAL, "unknown event %d", (int)event);
    return tai_register_add(r, code, name, rd, event, note);
}

/* ---- marks: undoing a read -------------------------------------------------- */

ta_status tai_register_mark(ta_register *r, tai_reg_mark *m)
{
    m->n_trusts = r->n_trusts;
    m->n_events = r->n_events;
    m->saved = NULL;
    if (r->n_trusts == 0)
        return TA_OK;
    if (!(m->saved = tai_calloc(&r->alloc, r->n_trusts, sizeof *m->saved)))
        return TA_ENOMEM;
    memcpy(m->saved, r->trusts, r->n_trusts * sizeof *m->saved);
    return TA_OK;
}

void tai_register_rollback(ta_register *r, tai_reg_mark *m)
{
    for (size_t i = m->n_trusts; i < r->n_trusts; i++) {
        tai_strmap_remove(&r->codes, r->trusts[i].code, strlen(r->trusts[i].code));
        tai_free(&r->alloc, r->trusts[i].code);
        tai_free(&r->alloc, r->trusts[i].name);
    }
    for (size_t i = 0; i < m->n_trusts; i++) {
        if (!m->saved[i].name && r->trusts[i].name)
            tai_free(&r->alloc, r->trusts[i].name);
        r->trusts[i] = m->saved[i];
    }
    for (size_t k = m->n_events; k < r->n_events; k++)
        tai_free(&r->alloc, r->events[k].note);
    r->n_trusts = m->n_trusts;
    r->n_events = m->n_events;
}

void tai_register_mark_free(ta_register *r, tai_reg_mark *m)
{
    tai_free(&r->alloc, m->saved);
    m->saved = NULL;
}

/* ---- queries ------------------------------------------------------------------ */

size_t ta_register_trust_count(const ta_register *r)
{
    return r ? r->n_trusts : 0;
}

const char *ta_register_trust_code(const ta_register *r, size_t i)
{
    return r && i < r->n_trusts ? r->trusts[i].code : NULL;
}

const char *ta_register_trust_name(const ta_register *r, size_t i)
{
    if (!r || i >= r->n_trusts)
        return NULL;
    return r->trusts[i].name ? r->trusts[i].name : "";
}

ta_status ta_register_find(size_t *index, const ta_register *r, const char *code)
{
    size_t t;
    if (!index || !r || !code)
        return TA_EINVAL;
    if (!tai_strmap_get(&r->codes, code, strlen(code), &t))
        return TA_ENOTFOUND;
    *index = t;
    return TA_OK;
}

size_t ta_register_event_count(const ta_register *r, size_t i)
{
    return r && i < r->n_trusts ? r->trusts[i].count : 0;
}

/* The index of trust t's event k (k < count). */
static size_t event_index(const ta_register *r, size_t t, size_t k)
{
    size_t e = r->trusts[t].first;
    while (k-- > 0)
        e = r->events[e].next;
    return e;
}

ta_status ta_register_event_info(ta_date *on, ta_register_event *event, const char **note,
                                 const ta_register *r, size_t i, size_t k)
{
    const tai_reg_event *e;
    if (!r || i >= r->n_trusts || k >= r->trusts[i].count)
        return TA_EINVAL;
    e = &r->events[event_index(r, i, k)];
    if (on)
        (void)ta_date_from_days(on, e->on);
    if (event)
        *event = e->kind;
    if (note)
        *note = e->note ? e->note : "";
    return TA_OK;
}

int tai_register_state_on(const ta_register *r, size_t t, int32_t on, tai_reg_state *state)
{
    const tai_reg_trust *tr = &r->trusts[t];
    size_t e = tr->first;
    int found = 0;
    for (size_t k = 0; k < tr->count; k++) {
        if (r->events[e].on > on)
            break;
        *state = r->events[e].after;
        found = 1;
        e = r->events[e].next;
    }
    return found;
}

int32_t tai_register_due(const ta_register *r, const tai_reg_state *st)
{
    ta_date base, due;
    int32_t rd = 0;
    if (!st->review_base) /* not an AFT, or ceased (register_internal.h) */
        return 0;
    if (ta_date_from_days(&base, st->review_base) != TA_OK ||
        ta_date_add_years(&due, base, r->interval_years, r->feb29) != TA_OK ||
        ta_date_to_days(&rd, due) != TA_OK)
        return 0;
    return rd;
}

static ta_status query_args(const ta_register *r, size_t i, ta_date on, int32_t *rd)
{
    if (!r || i >= r->n_trusts || ta_date_to_days(rd, on) != TA_OK)
        return TA_EINVAL;
    return TA_OK;
}

ta_status ta_register_status_on(int *known, ta_ft_status *status, ta_date *since,
                                const ta_register *r, size_t i, ta_date on)
{
    tai_reg_state st;
    int32_t rd;
    int found;
    ta_date zero = {0, 0, 0};
    if (query_args(r, i, on, &rd) != TA_OK)
        return TA_EINVAL;
    memset(&st, 0, sizeof st);
    st.status = TA_NHS_TRUST;
    found = tai_register_state_on(r, i, rd, &st);
    if (known)
        *known = found;
    if (status)
        *status = st.status;
    if (since) {
        *since = zero;
        if (st.since)
            (void)ta_date_from_days(since, st.since);
    }
    return TA_OK;
}

ta_status ta_register_ceased_on(int *ceased, const ta_register *r, size_t i, ta_date on)
{
    tai_reg_state st;
    int32_t rd;
    if (query_args(r, i, on, &rd) != TA_OK || !ceased)
        return TA_EINVAL;
    memset(&st, 0, sizeof st);
    (void)tai_register_state_on(r, i, rd, &st);
    *ceased = st.ceased;
    return TA_OK;
}

ta_status ta_register_review_due(int *has_due, ta_date *due, const ta_register *r, size_t i,
                                 ta_date on)
{
    tai_reg_state st;
    int32_t rd, d = 0;
    if (query_args(r, i, on, &rd) != TA_OK)
        return TA_EINVAL;
    if (tai_register_state_on(r, i, rd, &st))
        d = tai_register_due(r, &st);
    if (has_due)
        *has_due = d != 0;
    if (due) {
        due->year = due->month = due->day = 0;
        if (d)
            (void)ta_date_from_days(due, d);
    }
    return TA_OK;
}

ta_status ta_register_last_date(ta_date *on, const ta_register *r, size_t i)
{
    if (!r || i >= r->n_trusts || !on)
        return TA_EINVAL;
    on->year = on->month = on->day = 0;
    if (r->trusts[i].count)
        (void)ta_date_from_days(on, r->trusts[i].last_on);
    return TA_OK;
}

/* A bounded writer: counts every byte, stores what fits (the last stored
 * byte is then overwritten by the terminator when the text is cut). */
typedef struct line_buf {
    char *buf;
    size_t size, len;
} line_buf;

static void put(line_buf *b, const char *s)
{
    for (; *s; s++, b->len++)
        if (b->len < b->size)
            b->buf[b->len] = *s;
}

ta_status ta_register_reasons(char *buf, size_t size, size_t *needed, const ta_register *r,
                              size_t i, ta_date on)
{
    line_buf b = {buf, size, 0};
    int32_t rd, due;
    char d[TA_DATE_TEXT_SIZE], years[16];
    tai_reg_state st;
    size_t e;
    int found = 0;
    if (query_args(r, i, on, &rd) != TA_OK || (!buf && size > 0))
        return TA_EINVAL;
    e = r->trusts[i].first;
    for (size_t k = 0; k < r->trusts[i].count; k++, e = r->events[e].next) {
        const tai_reg_event *ev = &r->events[e];
        if (ev->on > rd)
            break;
        fmt(ev->on, d);
        if (found)
            put(&b, "; ");
        put(&b, ta_register_event_name(ev->kind));
        put(&b, " ");
        put(&b, d);
        if (ev->note) {
            put(&b, " (");
            put(&b, ev->note);
            put(&b, ")");
        }
        if (ev->kind == TA_EVENT_DEAUTHORISED)
            put(&b, r->deauthorised_status == TA_FOUNDATION_TRUST
                        ? ": a foundation trust from then (our reading)"
                        : ": an NHS trust from then (our reading)");
        st = ev->after;
        found = 1;
    }
    if (!found)
        put(&b, "no event on or before this date");
    else if ((due = tai_register_due(r, &st)) != 0) {
        fmt(due, d);
        put(&b, "; next review due ");
        put(&b, d);
        put(&b, ": ");
        (void)tai_format_fixed(years, sizeof years, (double)r->interval_years, 0);
        put(&b, years);
        put(&b, " years after the ");
        put(&b, st.review_base != st.authorised ? "last review"
                : st.reauthorised               ? "reauthorisation"
                                                : "authorisation");
        fmt(st.review_base, d);
        put(&b, " on ");
        put(&b, d);
        put(&b, " (NHS England guide for applicants: re-assessed every 5 years at a minimum)");
    } else if (st.review_base) {
        /* Never an empty due date without a word: it is past the calendar. */
        (void)tai_format_fixed(years, sizeof years, (double)r->interval_years, 0);
        fmt(st.review_base, d);
        put(&b, "; next review due ");
        put(&b, years);
        put(&b, " years after ");
        put(&b, d);
        put(&b,
            ", which is after 9999-12-31 (the last date this library holds): no due date given");
    }
    if (size)
        buf[b.len < size ? b.len : size - 1] = '\0';
    if (needed)
        *needed = b.len;
    return TA_OK;
}
