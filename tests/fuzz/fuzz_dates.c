/*
 * Fuzzes civil dates and the review module's inputs. The first byte picks:
 *
 *   0  ta_date_parse on the rest (not NUL-terminated): what parses must
 *      format back to the same ten bytes and survive the day-number round trip.
 *   1  date arithmetic and working days driven by the bytes: any int32 fields
 *      (impossible dates, year 0, month 13), any day/month/year offsets.
 *   2  a review schedule's TRUSTS.csv (ta_review_schedule_read_buffer), then a
 *      little evidence and a trigger, compute, every result, CSV and iCalendar.
 */
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static ta_date any_date(fuzz_cursor *c)
{
    ta_date d;
    uint8_t k = fuzz_u8(c);
    if (k < 200) { /* mostly plausible dates, so that arithmetic runs */
        d.year = 1970 + (int32_t)(fuzz_u8(c) % 90);
        d.month = 1 + (int32_t)(fuzz_u8(c) % 12);
        d.day = 1 + (int32_t)(fuzz_u8(c) % 31);
    } else {
        d.year = (int32_t)fuzz_u32(c);
        d.month = (int32_t)fuzz_u32(c);
        d.day = (int32_t)fuzz_u32(c);
    }
    return d;
}

static int32_t any_offset(fuzz_cursor *c)
{
    uint8_t k = fuzz_u8(c);
    return k < 128 ? (int32_t)fuzz_u8(c) - 128 : (int32_t)fuzz_u32(c);
}

static void parse(const char *s, size_t len)
{
    ta_date d, back;
    int32_t days = 0;
    char buf[TA_DATE_TEXT_SIZE];
    ta_status st = ta_date_parse(&d, s, len);
    if (st != TA_OK) {
        FUZZ_CHECK(st == TA_EPARSE || st == TA_ERANGE, "status %d", (int)st);
        FUZZ_CHECK(d.year == 0 && d.month == 0 && d.day == 0, "*out not zeroed on failure");
        return;
    }
    FUZZ_CHECK(len == 10, "parsed %zu bytes", len);
    FUZZ_CHECK(ta_date_format(buf, sizeof buf, d) == TA_OK, "format");
    FUZZ_CHECK(memcmp(buf, s, 10) == 0, "'%.10s' formats as '%s'", s, buf);
    FUZZ_CHECK(ta_date_to_days(&days, d) == TA_OK, "to_days");
    FUZZ_CHECK(ta_date_from_days(&back, days) == TA_OK && ta_date_compare(d, back) == 0,
               "day-number round trip");
}

static void arithmetic(fuzz_cursor *c)
{
    ta_holidays *h = NULL;
    FUZZ_CHECK(ta_holidays_new(&h, NULL) == TA_OK, "holidays");
    for (int ops = 0; ops < 32 && fuzz_more(c); ops++) {
        ta_date d = any_date(c), e = any_date(c), out;
        int32_t n = any_offset(c), diff;
        ta_weekday wd;
        int w;
        size_t count;
        ta_status st = TA_OK;
        switch (fuzz_u8(c) % 12) {
        case 0:
            (void)ta_date_add_days(&out, d, n);
            break;
        case 1:
            (void)ta_date_add_months(&out, d, n);
            break;
        case 2:
            (void)ta_date_add_years(&out, d, n, (ta_feb29_rule)(fuzz_u8(c) % 3));
            break;
        case 3:
            (void)ta_date_diff_days(&diff, d, e);
            (void)ta_date_compare(d, e);
            break;
        case 4:
            (void)ta_date_weekday(&wd, d);
            (void)ta_date_from_days(&out, n);
            break;
        case 5:
            st = ta_holidays_is_working_day(&w, h, d);
            break;
        case 6:
            st = ta_holidays_next_working_day(&out, h, d);
            break;
        case 7:
            st = ta_holidays_previous_working_day(&out, h, d);
            break;
        case 8:
            st = ta_holidays_add_working_days(&out, h, d, n % 5000);
            break;
        case 9:
            st = ta_holidays_add(h, d, fuzz_u8(c) & 1 ? "Extra" : NULL);
            break;
        case 10:
            st = ta_holidays_remove(h, d);
            break;
        default:
            st = ta_holidays_list(&count, h, d.year);
            if (st == TA_OK)
                for (size_t i = 0; i < count; i++) {
                    const char *name;
                    FUZZ_CHECK(ta_holidays_entry(&out, &name, h, i) == TA_OK, "entry");
                }
            break;
        }
        FUZZ_CHECK_MESSAGE(st, ta_holidays_error(h));
    }
    ta_holidays_free(h);
}

static void schedule(const char *text, size_t len)
{
    ta_review_schedule *s = NULL;
    ta_status st;
    size_t count = 0;
    const ta_date today = {2026, 6, 30}, q = {2026, 3, 31};
    FUZZ_CHECK(ta_review_schedule_new(&s, NULL) == TA_OK, "schedule");
    st = ta_review_schedule_read_buffer(s, text, len, "TRUSTS.csv");
    FUZZ_CHECK_MESSAGE(st, ta_review_schedule_error(s));
    (void)ta_review_schedule_set_today(s, today);
    (void)ta_review_schedule_add_trigger(s, TA_TRIGGER_SEGMENT, 2, 1, 90);
    st = ta_review_schedule_compute(s);
    FUZZ_CHECK_MESSAGE(st, ta_review_schedule_error(s));
    if (st == TA_OK && ta_review_schedule_count(s) > 0) {
        /* evidence for the first trust, then compute again */
        const char *code = ta_review_schedule_code(s, 0);
        FUZZ_CHECK(code != NULL, "code 0");
        (void)ta_review_schedule_add_evidence(s, code, q, 4, TA_YES, TA_NO);
        st = ta_review_schedule_compute(s);
        FUZZ_CHECK_MESSAGE(st, ta_review_schedule_error(s));
    }
    if (st == TA_OK) {
        count = ta_review_schedule_count(s);
        const char *out;
        size_t n;
        for (size_t i = 0; i < count; i++) {
            ta_date due, reg, on;
            ta_review_trigger kind;
            int placed;
            int32_t late;
            ta_tristate od;
            FUZZ_CHECK(ta_review_schedule_due(&due, &reg, s, i) == TA_OK, "due");
            FUZZ_CHECK(ta_review_schedule_trigger(&kind, &on, s, i) == TA_OK, "trigger");
            FUZZ_CHECK(ta_review_schedule_placement(&placed, &on, &late, s, i) == TA_OK, "placed");
            FUZZ_CHECK(ta_review_schedule_overdue(&od, &late, s, i) == TA_OK, "overdue");
            FUZZ_CHECK(ta_review_schedule_name(s, i) != NULL, "name");
            FUZZ_CHECK(ta_review_schedule_note(s, i) != NULL, "note");
        }
        st = ta_review_schedule_to_csv(&out, &n, s);
        FUZZ_CHECK(st == TA_OK && strlen(out) == n, "csv: %s", ta_review_schedule_error(s));
        st = ta_review_schedule_to_ics(&out, &n, s, "20260630T120000Z");
        FUZZ_CHECK(st == TA_OK && strlen(out) == n, "ics: %s", ta_review_schedule_error(s));
    }
    ta_review_schedule_free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_cursor c = {data, size, 1};
    if (size == 0)
        return 0;
    switch (data[0] % 3) {
    case 0:
        parse((const char *)data + 1, size - 1);
        break;
    case 1:
        arithmetic(&c);
        break;
    default:
        schedule((const char *)data + 1, size - 1);
        break;
    }
    return 0;
}
