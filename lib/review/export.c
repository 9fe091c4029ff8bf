/*
 * The review schedule as CSV and as iCalendar (RFC 5545).
 *
 * Both are written whole into the schedule's own growing string (s->out), so
 * a host (the command, a binding) gets one buffer and writes it where it
 * likes; the library never opens a file here. iCalendar events are all-day
 * (VALUE=DATE) on the sitting, with a UID that depends only on the trust code
 * and the due date, so re-running a schedule updates the same events in a
 * calendar rather than adding copies; DTSTAMP is the caller's, so the output
 * is reproducible.
 */
#include <string.h>

#include "schedule.h"

/* Appends the date of day rd as YYYY-MM-DD, or YYYYMMDD when compact. */
static ta_status put_date(tai_text *t, int32_t rd, int compact)
{
    ta_date d;
    char text[TA_DATE_TEXT_SIZE];
    size_t k = 0;
    if (ta_date_from_days(&d, rd) != TA_OK)
        return TA_ERANGE; /* the day after 9999-12-31 */
    (void)ta_date_format(text, sizeof text, d);
    if (!compact)
        return tai_text_puts(t, text);
    for (size_t i = 0; text[i]; i++) /* drop the hyphens */
        if (text[i] != '-')
            text[k++] = text[i];
    text[k] = '\0';
    return tai_text_puts(t, text);
}

static ta_status check_computed(ta_review_schedule *s, const char **text, size_t *len)
{
    if (text)
        *text = NULL;
    if (len)
        *len = 0;
    if (!text || !len)
        return tai_error_set(&s->err, TA_EINVAL, "text or len is NULL");
    if (!s->computed)
        return tai_error_set(&s->err, TA_ESTATE, "call ta_review_schedule_compute first");
    return TA_OK;
}

static ta_status finish(ta_review_schedule *s, ta_status st, const char **text, size_t *len)
{
    if (st == TA_OK)
        st = tai_text_append(&s->out, "", 0);
    if (st != TA_OK) {
        tai_text_clear(&s->out);
        if (st == TA_ERANGE)
            return tai_error_set(&s->err, st, "a sitting on 9999-12-31 has no DTEND");
        return tai_error_set(&s->err, TA_ENOMEM, "out of memory writing the schedule");
    }
    *text = s->out.data;
    *len = s->out.len;
    return TA_OK;
}

ta_status ta_review_schedule_to_csv(const char **text, size_t *len, ta_review_schedule *s)
{
    ta_status st;
    tai_text *t;
    if (!s)
        return TA_EINVAL;
    tai_error_clear(&s->err);
    if ((st = check_computed(s, text, len)) != TA_OK)
        return st;
    t = &s->out;
    tai_text_clear(t);
    st = tai_text_puts(t, "Trust_code,Trust_name,Due_on,Regular_due_on,Scheduled_on,Late_days,"
                          "Overdue_days,Trigger,Trigger_fired_on,Note\n");
    for (size_t i = 0; i < s->n_results && st == TA_OK; i++) {
        const tai_review_result *r = &s->results[i];
        const tai_review_trust *tr = &s->trusts[r->trust];
        st = tai_text_csv_field(t, tr->code);
        if (st == TA_OK)
            st = tai_text_puts(t, ",");
        if (st == TA_OK)
            st = tai_text_csv_field(t, tr->name);
        if (st == TA_OK)
            st = tai_text_puts(t, ",");
        if (st == TA_OK)
            st = put_date(t, r->due, 0);
        if (st == TA_OK)
            st = tai_text_puts(t, ",");
        if (st == TA_OK)
            st = put_date(t, r->regular_due, 0);
        if (st == TA_OK)
            st = tai_text_puts(t, ",");
        if (st == TA_OK && r->placed)
            st = put_date(t, r->sitting, 0);
        if (st == TA_OK)
            st = tai_text_puts(t, ",");
        if (st == TA_OK && r->placed)
            st = tai_text_int(t, r->late);
        if (st == TA_OK)
            st = tai_text_puts(t, ",");
        if (st == TA_OK && s->today)
            st = tai_text_int(t, r->due < s->today ? s->today - r->due : 0);
        if (st == TA_OK)
            st = tai_text_puts(t, ",");
        if (st == TA_OK && r->trigger != TA_TRIGGER_NONE)
            st = tai_text_puts(t, ta_review_trigger_name(r->trigger));
        if (st == TA_OK)
            st = tai_text_puts(t, ",");
        if (st == TA_OK && r->fired)
            st = put_date(t, r->fired, 0);
        if (st == TA_OK)
            st = tai_text_puts(t, ",");
        if (st == TA_OK)
            st = tai_text_csv_field(t, r->note);
        if (st == TA_OK)
            st = tai_text_puts(t, "\n");
    }
    return finish(s, st, text, len);
}

/* 1 when v is YYYYMMDDTHHMMSSZ with a real date and time. */
static int dtstamp_ok(const char *v)
{
    ta_date d;
    char iso[10];
    int hh, ss;
    if (strlen(v) != 16 || v[8] != 'T' || v[15] != 'Z')
        return 0;
    for (int i = 9; i < 15; i++) /* the time's digits (ta_date_parse checks the date's) */
        if (v[i] < '0' || v[i] > '9')
            return 0;
    iso[4] = iso[7] = '-'; /* first: a digit copied one too far would replace one */
    memcpy(iso, v, 4);
    memcpy(iso + 5, v + 4, 2);
    memcpy(iso + 8, v + 6, 2);
    if (ta_date_parse(&d, iso, sizeof iso) != TA_OK)
        return 0;
    hh = (v[9] - '0') * 10 + (v[10] - '0');
    ss = (v[13] - '0') * 10 + (v[14] - '0');
    /* Minutes 00 to 59: their tens digit alone decides. Seconds up to 60, a
     * leap second, which RFC 5545 allows. */
    return hh < 24 && v[11] < '6' && ss <= 60;
}

/* Appends the content line NAME + value (TEXT-escaped when `escape`), folded. */
static ta_status prop(ta_review_schedule *s, tai_text *line, const char *name, const char *value,
                      int escape)
{
    ta_status st;
    tai_text_clear(line);
    st = tai_text_puts(line, name);
    if (st == TA_OK)
        st = escape ? tai_text_ics_escape(line, value) : tai_text_puts(line, value);
    if (st == TA_OK)
        st = tai_text_ics_line(&s->out, line->data, line->len);
    return st;
}

/* One VEVENT; `value` and `line` are scratch texts. */
static ta_status event(ta_review_schedule *s, const tai_review_result *r, const char *dtstamp,
                       tai_text *value, tai_text *line)
{
    const tai_review_trust *tr = &s->trusts[r->trust];
    ta_status st;

    st = prop(s, line, "BEGIN:VEVENT", "", 0);
    tai_text_clear(value);
    if (st == TA_OK)
        st = tai_text_puts(value, "review-");
    if (st == TA_OK)
        st = tai_text_puts(value, tr->code);
    if (st == TA_OK)
        st = tai_text_puts(value, "-");
    if (st == TA_OK)
        st = put_date(value, r->due, 1);
    if (st == TA_OK)
        st = tai_text_puts(value, "@libtrustassess");
    if (st == TA_OK)
        st = prop(s, line, "UID:", value->data, 1);
    if (st == TA_OK)
        st = prop(s, line, "DTSTAMP:", dtstamp, 0);

    tai_text_clear(value);
    if (st == TA_OK)
        st = put_date(value, r->sitting, 1);
    if (st == TA_OK)
        st = prop(s, line, "DTSTART;VALUE=DATE:", value->data, 0);
    tai_text_clear(value);
    if (st == TA_OK)
        st = put_date(value, r->sitting + 1, 1);
    if (st == TA_OK)
        st = prop(s, line, "DTEND;VALUE=DATE:", value->data, 0);

    tai_text_clear(value);
    if (st == TA_OK)
        st = tai_text_puts(value, "AFT review: ");
    if (st == TA_OK)
        st = tai_text_puts(value, *tr->name ? tr->name : tr->code);
    if (st == TA_OK)
        st = tai_text_puts(value, " (");
    if (st == TA_OK)
        st = tai_text_puts(value, tr->code);
    if (st == TA_OK)
        st = tai_text_puts(value, ")");
    if (st == TA_OK)
        st = prop(s, line, "SUMMARY:", value->data, 1);

    tai_text_clear(value);
    if (st == TA_OK)
        st = tai_text_puts(value, "Review due on ");
    if (st == TA_OK)
        st = put_date(value, r->due, 0);
    if (st == TA_OK)
        st = tai_text_puts(value, ".");
    if (st == TA_OK && r->late > 0) {
        st = tai_text_puts(value, "\nLate by ");
        if (st == TA_OK)
            st = tai_text_int(value, r->late);
        if (st == TA_OK)
            st = tai_text_puts(value, r->late == 1 ? " day." : " days.");
    }
    if (st == TA_OK && r->trigger != TA_TRIGGER_NONE) {
        st = tai_text_puts(value, "\nBrought forward from ");
        if (st == TA_OK)
            st = put_date(value, r->regular_due, 0);
        if (st == TA_OK)
            st = tai_text_puts(value, " by the ");
        if (st == TA_OK)
            st = tai_text_puts(value, ta_review_trigger_name(r->trigger));
        if (st == TA_OK)
            st = tai_text_puts(value, " trigger, fired on ");
        if (st == TA_OK)
            st = put_date(value, r->fired, 0);
        if (st == TA_OK)
            st = tai_text_puts(value, ".");
    }
    if (st == TA_OK && *r->note) {
        st = tai_text_puts(value, "\n");
        if (st == TA_OK)
            st = tai_text_puts(value, r->note);
    }
    if (st == TA_OK)
        st = prop(s, line, "DESCRIPTION:", value->data, 1);
    if (st == TA_OK)
        st = prop(s, line, "END:VEVENT", "", 0);
    return st;
}

ta_status ta_review_schedule_to_ics(const char **text, size_t *len, ta_review_schedule *s,
                                    const char *dtstamp)
{
    static const char *const head[] = {"BEGIN:VCALENDAR", "VERSION:2.0",
                                       "PRODID:-//libtrustassess//AFT review schedule//EN",
                                       "CALSCALE:GREGORIAN", "METHOD:PUBLISH"};
    tai_text value, line;
    ta_status st;
    if (!s)
        return TA_EINVAL;
    tai_error_clear(&s->err);
    if ((st = check_computed(s, text, len)) != TA_OK)
        return st;
    if (!dtstamp || !dtstamp_ok(dtstamp))
        return tai_error_set(&s->err, TA_EINVAL,
                             "DTSTAMP \"%s\" is not a UTC date-time YYYYMMDDTHHMMSSZ",
                             dtstamp ? dtstamp : "(null)");
    tai_text_init(&value, &s->alloc);
    tai_text_init(&line, &s->alloc);
    tai_text_clear(&s->out);
    for (size_t i = 0; i < sizeof head / sizeof *head && st == TA_OK; i++)
        st = prop(s, &line, head[i], "", 0);
    for (size_t i = 0; i < s->n_results && st == TA_OK; i++)
        if (s->results[i].placed)
            st = event(s, &s->results[i], dtstamp, &value, &line);
    if (st == TA_OK)
        st = prop(s, &line, "END:VCALENDAR", "", 0);
    tai_text_free(&value);
    tai_text_free(&line);
    return finish(s, st, text, len);
}
