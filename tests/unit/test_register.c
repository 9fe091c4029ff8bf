/*
 * The status register (ta_register): the life cycle of issue 16 (authorised,
 * deauthorised, reauthorised, with the review date restarting), status on any
 * date including the days either side of each event, every impossible
 * sequence refused with the file and line named, reads that are all or
 * nothing, the review clock (reviews, 29 February, the interval), trusts that
 * cease, the register into a review schedule, and an allocation-failure
 * sweep.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc_fail.h"
#include "trustassess/register.h"

static ta_date D(int y, int m, int d)
{
    ta_date r = {y, m, d};
    return r;
}

static int ymd(ta_date d)
{
    return d.year * 10000 + d.month * 100 + d.day;
}

static ta_register *r;

static void setup(void)
{
    ck_assert_int_eq(ta_register_new(&r, NULL), TA_OK);
}

static void teardown(void)
{
    ta_register_free(r);
    r = NULL;
}

static ta_status read_text(const char *text)
{
    return ta_register_read_buffer(r, text, strlen(text), "events.csv");
}

static size_t index_of(const char *code)
{
    size_t i = (size_t)-1;
    ck_assert_int_eq(ta_register_find(&i, r, code), TA_OK);
    return i;
}

/* Status on a date: 0 unknown, else 1 + ta_ft_status; 10 added when ceased. */
static int status_on(const char *code, ta_date on)
{
    int known = -1, ceased = -1;
    ta_ft_status st = (ta_ft_status)-1;
    ck_assert_int_eq(ta_register_status_on(&known, &st, NULL, r, index_of(code), on), TA_OK);
    ck_assert_int_eq(ta_register_ceased_on(&ceased, r, index_of(code), on), TA_OK);
    return known ? 1 + (int)st + 10 * ceased : 0;
}

static int due_on(const char *code, ta_date on)
{
    int has = -1;
    ta_date due = {9, 9, 9};
    ck_assert_int_eq(ta_register_review_due(&has, &due, r, index_of(code), on), TA_OK);
    return has ? ymd(due) : 0;
}

enum { NONE = 0, NHS = 1, FT = 2, AFT = 3 };

static const char life[] = "Trust_code,Trust_name,Date,Event,Note\n"
                           "RXX,Example Trust,2025-11-12,nominated,wave 1\n"
                           "RXX,,2026-04-01,Authorised,\n"
                           "RXX,,2027-06-30,DEAUTHORISED,finances\n"
                           "RXX,,2028-01-10,reauthorised,\n";

START_TEST(life_cycle_of_the_issue)
{
    ta_date since;
    ck_assert_int_eq(read_text(life), TA_OK);
    ck_assert_str_eq(ta_register_trust_name(r, 0), "Example Trust");
    ck_assert_uint_eq(ta_register_event_count(r, 0), 4);
    ck_assert_int_eq(status_on("RXX", D(2025, 11, 11)), NONE);
    ck_assert_int_eq(status_on("RXX", D(2025, 11, 12)), NHS);
    ck_assert_int_eq(status_on("RXX", D(2026, 3, 31)), NHS);
    ck_assert_int_eq(status_on("RXX", D(2026, 4, 1)), AFT);
    ck_assert_int_eq(due_on("RXX", D(2026, 4, 1)), 20310401);
    ck_assert_int_eq(status_on("RXX", D(2027, 6, 29)), AFT);
    ck_assert_int_eq(status_on("RXX", D(2027, 6, 30)), FT);
    ck_assert_int_eq(status_on("RXX", D(2027, 7, 1)), FT);
    ck_assert_int_eq(due_on("RXX", D(2027, 7, 1)), 0);
    ck_assert_int_eq(status_on("RXX", D(2028, 1, 9)), FT);
    ck_assert_int_eq(status_on("RXX", D(2028, 1, 10)), AFT);
    ck_assert_int_eq(due_on("RXX", D(2028, 1, 10)), 20330110);
    ck_assert_int_eq(ta_register_status_on(NULL, NULL, &since, r, 0, D(2027, 7, 1)), TA_OK);
    ck_assert_int_eq(ymd(since), 20270630);
    ck_assert_int_eq(ta_register_status_on(NULL, NULL, &since, r, 0, D(2026, 1, 1)), TA_OK);
    ck_assert_int_eq(ymd(since), 0); /* only nominated: no status-changing event */
    /* Rule: a trust's last event date is its latest event's. */
    ck_assert_int_eq(ta_register_last_date(&since, r, 0), TA_OK);
    ck_assert_int_eq(ymd(since), 20280110);
}
END_TEST

START_TEST(reasons_say_how)
{
    char buf[600];
    size_t needed = 0;
    ck_assert_int_eq(read_text(life), TA_OK);
    ck_assert_int_eq(ta_register_reasons(buf, sizeof buf, &needed, r, 0, D(2028, 2, 1)), TA_OK);
    ck_assert_ptr_nonnull(strstr(buf, "deauthorised 2027-06-30 (finances): a foundation trust"));
    ck_assert_ptr_nonnull(strstr(buf, "next review due 2033-01-10: 5 years after the "
                                      "reauthorisation on 2028-01-10"));
    ck_assert_uint_eq(needed, strlen(buf));
    /* The whole line: every event by then, "; " between them, then the rule. */
    ck_assert_str_eq(buf, "nominated 2025-11-12 (wave 1); authorised 2026-04-01; deauthorised "
                          "2027-06-30 (finances): a foundation trust from then (our reading); "
                          "reauthorised 2028-01-10; next review due 2033-01-10: 5 years after the "
                          "reauthorisation on 2028-01-10 (NHS England guide for applicants: "
                          "re-assessed every 5 years at a minimum)");
    /* Arguments: a trust index at the count, or no buffer with a size, is refused;
     * no buffer and size 0 only measures. */
    ck_assert_int_eq(ta_register_reasons(buf, sizeof buf, &needed, r, 1, D(2028, 2, 1)), TA_EINVAL);
    ck_assert_int_eq(ta_register_reasons(NULL, 5, &needed, r, 0, D(2028, 2, 1)), TA_EINVAL);
    ck_assert_int_eq(ta_register_reasons(NULL, 0, &needed, r, 0, D(2028, 2, 1)), TA_OK);
    ck_assert_uint_eq(needed, strlen(buf));
    /* Truncation: the full length is still reported. */
    ck_assert_int_eq(ta_register_reasons(buf, 10, &needed, r, 0, D(2028, 2, 1)), TA_OK);
    ck_assert_uint_eq(strlen(buf), 9);
    ck_assert_uint_gt(needed, 100);
    ck_assert_int_eq(ta_register_reasons(buf, sizeof buf, NULL, r, 0, D(2020, 1, 1)), TA_OK);
    ck_assert_str_eq(buf, "no event on or before this date");
    /* A review due after 9999-12-31: no due date, and the reasons say why. */
    ck_assert_int_eq(read_text("Trust_code,Date,Event\nRFAR,9995-01-01,authorised\n"), TA_OK);
    ck_assert_int_eq(due_on("RFAR", D(9995, 1, 1)), 0);
    ck_assert_int_eq(ta_register_reasons(buf, sizeof buf, NULL, r, index_of("RFAR"), D(9995, 1, 1)),
                     TA_OK);
    ck_assert_str_eq(buf, "authorised 9995-01-01; next review due 5 years after 9995-01-01, which "
                          "is after 9999-12-31 (the last date this library holds): no due date "
                          "given");
    ck_assert_int_eq(read_text("Trust_code,Date,Event\nRNEAR,9994-12-31,authorised\n"), TA_OK);
    ck_assert_int_eq(due_on("RNEAR", D(9995, 1, 1)), 99991231);
}
END_TEST

/* Rule: ta_register_reasons stores what fits and always ends the text: a
 * buffer of needed + 1 bytes holds the whole line, one of needed bytes holds
 * all but its last character, and nothing is written past the size. */
START_TEST(reasons_fill_the_buffer_exactly)
{
    char full[600], buf[600];
    size_t needed = 0, again = 0;
    ck_assert_int_eq(read_text(life), TA_OK);
    ck_assert_int_eq(ta_register_reasons(full, sizeof full, &needed, r, 0, D(2028, 2, 1)), TA_OK);
    ck_assert_uint_gt(needed, 100);
    ck_assert_uint_lt(needed + 2, sizeof buf);
    memset(buf, 'x', sizeof buf);
    ck_assert_int_eq(ta_register_reasons(buf, needed + 1, &again, r, 0, D(2028, 2, 1)), TA_OK);
    ck_assert_uint_eq(again, needed);
    ck_assert_str_eq(buf, full);
    ck_assert_int_eq(buf[needed + 1], 'x');
    memset(buf, 'x', sizeof buf);
    ck_assert_int_eq(ta_register_reasons(buf, needed, &again, r, 0, D(2028, 2, 1)), TA_OK);
    ck_assert_uint_eq(again, needed);
    ck_assert_uint_eq(strlen(buf), needed - 1);
    ck_assert_int_eq(strncmp(buf, full, needed - 1), 0);
    ck_assert_int_eq(buf[needed], 'x');
    memset(buf, 'x', sizeof buf);
    ck_assert_int_eq(ta_register_reasons(buf, 1, &again, r, 0, D(2028, 2, 1)), TA_OK);
    ck_assert_int_eq(buf[0], '\0');
    ck_assert_int_eq(buf[1], 'x');
}
END_TEST

/* Rule: a trust code is printable ASCII without spaces ('!' to '~'), a name
 * at most 200 bytes and a note at most 500; the interval is 1 to 100 years;
 * an event number past the last has no name; event names are read without
 * regard to case, spaces and tabs around them ignored. */
START_TEST(codes_names_and_notes_at_their_limits)
{
    char name[202], note[502];
    ta_register_event kind = TA_EVENT_CEASED;
    ck_assert_int_eq(ta_register_add_event(r, "!~", NULL, D(2026, 2, 1), TA_EVENT_NOMINATED, NULL),
                     TA_OK);
    ck_assert_int_eq(ta_register_add_event(r, "A B", NULL, D(2026, 2, 1), TA_EVENT_NOMINATED, NULL),
                     TA_EINVAL);
    ck_assert_int_eq(
        ta_register_add_event(r, "A\x7f", NULL, D(2026, 2, 1), TA_EVENT_NOMINATED, NULL),
        TA_EINVAL);
    /* Rule: an event number one past "ceased" is refused, named in the message,
     * before the row's other cells are looked at (here a code with a space). */
    ck_assert_int_eq(ta_register_add_event(r, "R E", NULL, D(2026, 2, 1),
                                           (ta_register_event)(TA_EVENT_CEASED + 1), NULL),
                     TA_EINVAL);
    ck_assert_str_eq(ta_register_error(r), "unknown event 7");
    memset(name, 'n', sizeof name - 1);
    name[201] = '\0';
    ck_assert_int_eq(ta_register_add_event(r, "RN", name, D(2026, 2, 1), TA_EVENT_NOMINATED, NULL),
                     TA_EINVAL);
    ck_assert_str_eq(ta_register_error(r), "Trust_name is over 200 bytes");
    name[200] = '\0';
    ck_assert_int_eq(ta_register_add_event(r, "RN", name, D(2026, 2, 1), TA_EVENT_NOMINATED, NULL),
                     TA_OK);
    ck_assert_str_eq(ta_register_trust_name(r, index_of("RN")), name);
    memset(note, 'o', sizeof note - 1);
    note[501] = '\0';
    ck_assert_int_eq(ta_register_add_event(r, "RO", NULL, D(2026, 2, 1), TA_EVENT_NOMINATED, note),
                     TA_EINVAL);
    ck_assert_str_eq(ta_register_error(r), "Note is over 500 bytes");
    note[500] = '\0';
    ck_assert_int_eq(ta_register_add_event(r, "RO", NULL, D(2026, 2, 1), TA_EVENT_NOMINATED, note),
                     TA_OK);
    ck_assert_int_eq(ta_register_set_interval_years(r, 1), TA_OK);
    ck_assert_int_eq(ta_register_add_event(r, "RI", NULL, D(2026, 2, 1), TA_EVENT_AUTHORISED, NULL),
                     TA_OK);
    ck_assert_int_eq(due_on("RI", D(2026, 2, 1)), 20270201);
    ck_assert_str_eq(ta_register_event_name(TA_EVENT_CEASED), "ceased");
    ck_assert_str_eq(ta_register_event_name((ta_register_event)7), "");
    ck_assert_int_eq(ta_register_event_parse(&kind, "\t AUTHORISED\t "), TA_OK);
    ck_assert_int_eq(kind, TA_EVENT_AUTHORISED);
    ck_assert_int_eq(ta_register_event_parse(&kind, "Nominated"), TA_OK);
    ck_assert_int_eq(kind, TA_EVENT_NOMINATED);
    ck_assert_int_eq(ta_register_event_parse(&kind, "ceased\t"), TA_OK);
    ck_assert_int_eq(kind, TA_EVENT_CEASED);
    ck_assert_int_eq(ta_register_event_parse(&kind, "cease"), TA_EPARSE);
    ck_assert_int_eq(ta_register_event_parse(&kind, "ceasedx"), TA_EPARSE);
    ck_assert_int_eq(ta_register_event_parse(&kind, ""), TA_EPARSE);
    ck_assert_int_eq(ta_register_event_parse(&kind, " \t"), TA_EPARSE);
}
END_TEST

/* Rule: ta_register_find refuses each NULL argument on its own, a known
 * code included; a date before a trust's first event is unknown, an NHS
 * trust, with no date since. */
START_TEST(find_and_status_before_the_first_event)
{
    size_t i = 99;
    int known = -1;
    ta_ft_status status = TA_ADVANCED_FOUNDATION_TRUST;
    ta_date since = {1, 1, 1};
    ck_assert_int_eq(read_text(life), TA_OK);
    ck_assert_int_eq(ta_register_find(NULL, r, "RXX"), TA_EINVAL);
    ck_assert_int_eq(ta_register_find(&i, NULL, "RXX"), TA_EINVAL);
    ck_assert_int_eq(ta_register_find(&i, r, NULL), TA_EINVAL);
    ck_assert_uint_eq(i, 99);
    ck_assert_int_eq(ta_register_status_on(&known, &status, &since, r, 0, D(2020, 1, 1)), TA_OK);
    ck_assert_int_eq(known, 0);
    ck_assert_int_eq(status, TA_NHS_TRUST);
    ck_assert_int_eq(ymd(since), 0);
}
END_TEST

START_TEST(reviews_restart_the_clock)
{
    ck_assert_int_eq(read_text("Trust_code,Date,Event\n"
                               "RA1,2024-02-29,authorised\n"
                               "RA1,2027-05-05,reviewed\n"
                               "RB2,2024-02-29,authorised\n"),
                     TA_OK);
    ck_assert_int_eq(due_on("RA1", D(2027, 5, 4)), 20290228);
    ck_assert_int_eq(due_on("RA1", D(2027, 5, 5)), 20320505);
    ck_assert_int_eq(due_on("RB2", D(2025, 1, 1)), 20290228);
    ck_assert_int_eq(ta_register_set_feb29_rule(r, TA_FEB29_TO_MAR1), TA_OK);
    ck_assert_int_eq(due_on("RB2", D(2025, 1, 1)), 20290301);
    ck_assert_int_eq(ta_register_set_interval_years(r, 3), TA_OK);
    ck_assert_int_eq(due_on("RA1", D(2027, 5, 5)), 20300505);
    ck_assert_int_eq(ta_register_set_interval_years(r, 0), TA_EINVAL);
    ck_assert_int_eq(ta_register_set_interval_years(r, 101), TA_EINVAL);
    ck_assert_int_eq(ta_register_set_interval_years(r, 100), TA_OK);
}
END_TEST

START_TEST(foundation_trust_and_ceasing)
{
    ck_assert_int_eq(read_text("Trust_code,Date,Event,Note\n"
                               "RY3,2025-11-12,nominated,\n"
                               "RY3,2026-01-01,ft_authorised,\n"
                               "RY3,2026-03-01,authorised,\n"
                               "RY3,2026-04-01,ceased,merged with RYV\n"),
                     TA_OK);
    ck_assert_int_eq(status_on("RY3", D(2026, 1, 1)), FT);
    ck_assert_int_eq(status_on("RY3", D(2026, 3, 31)), AFT);
    ck_assert_int_eq(due_on("RY3", D(2026, 3, 31)), 20310301);
    ck_assert_int_eq(status_on("RY3", D(2026, 4, 1)), 10 + AFT); /* ceased, last held AFT */
    ck_assert_int_eq(due_on("RY3", D(2026, 4, 1)), 0);
    ck_assert_int_eq(ta_register_set_deauthorised_status(r, TA_ADVANCED_FOUNDATION_TRUST),
                     TA_EINVAL);
}
END_TEST

/* Rule: each impossible sequence has its status and its whole message: file,
 * line, column, the trust, both dates where two meet and the status it had.
 * The register keeps what it had. */
START_TEST(impossible_sequences_name_the_row)
{
    static const struct {
        const char *rows, *needle;
        ta_status st;
    } cases[] = {
        {"RZ1,2026-01-01,deauthorised\n", "events.csv:3:", TA_EINCONSISTENT},
        {"RZ1,2026-01-01,reviewed\n",
         "events.csv:3:16: trust RZ1: reviewed on 2026-01-01, but it is an NHS trust then, not an "
         "advanced foundation trust",
         TA_EINCONSISTENT},
        {"RZA,2026-01-01,ft_authorised\nRZA,2026-02-01,deauthorised\n",
         "events.csv:4:16: trust RZA: deauthorised on 2026-02-01, but it is a foundation trust "
         "then, not an advanced foundation trust",
         TA_EINCONSISTENT},
        {"RZ2,2026-01-01,authorised\nRZ2,2026-02-01,authorised\n",
         "events.csv:4:16: trust RZ2: authorised on 2026-02-01, but it is already an advanced "
         "foundation trust (since 2026-01-01) and has not been deauthorised",
         TA_EINCONSISTENT},
        {"RZ2,2026-01-01,authorised\nRZ2,2026-02-01,deauthorised\nRZ2,2026-03-01,authorised\n",
         "events.csv:5:16: trust RZ2: authorised on 2026-03-01 after a deauthorisation: that is "
         "\"reauthorised\"",
         TA_EINCONSISTENT},
        {"RZ3,2026-01-01,reauthorised\n",
         "events.csv:3:16: trust RZ3: reauthorised on 2026-01-01, but it was never authorised: the "
         "first authorisation is \"authorised\"",
         TA_EINCONSISTENT},
        {"RZ4,2026-01-01,ft_authorised\nRZ4,2026-02-01,ft_authorised\n",
         "events.csv:4:16: trust RZ4: ft_authorised on 2026-02-01, but it is already a foundation "
         "trust",
         TA_EINCONSISTENT},
        /* Out of order: the Date is the cell at fault (column 5, not the Event's 16). */
        {"RZ5,2026-02-01,nominated\nRZ5,2026-01-01,authorised\n",
         "events.csv:4:5: trust RZ5: authorised on 2026-01-01 is out of order: its previous event "
         "is on 2026-02-01",
         TA_EINCONSISTENT},
        {"RZ6,2026-01-01,ceased\nRZ6,2025-12-01,nominated\n", "events.csv:4:16: trust RZ6",
         TA_EINCONSISTENT},
        {"RZ6,2026-01-01,ceased\nRZ6,2026-02-01,nominated\n",
         "events.csv:4:16: trust RZ6: nominated on 2026-02-01 follows its ceasing: no event may "
         "follow \"ceased\"",
         TA_EINCONSISTENT},
        /* A repeated row: the same event of one trust twice on one day. */
        {"RZ9,2026-01-01,authorised\nRZ9,2027-01-01,reviewed\nRZ9,2027-01-01,reviewed\n",
         "events.csv:5:16: trust RZ9: reviewed on 2027-01-01 is given twice", TA_EINCONSISTENT},
        {"RZ9,2026-01-01,nominated\nRZ9,2026-01-01,nominated\n",
         "events.csv:4:16: trust RZ9: nominated on 2026-01-01 is given twice", TA_EINCONSISTENT},
        {"RZ7,2026-02-30,nominated\n", "events.csv:3:5: Date \"2026-02-30\"", TA_EPARSE},
        {"RZ8,2026-02-01,promoted\n", "Event \"promoted\" is not one of", TA_EPARSE},
        {"R Z,2026-02-01,nominated\n", "Trust_code \"R Z\"", TA_EPARSE},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char text[512];
        ta_status st;
        snprintf(text, sizeof text, "Trust_code,Date,Event\nRKEEP,2025-01-01,nominated\n%s",
                 cases[k].rows);
        ta_register_free(r);
        ck_assert_int_eq(ta_register_new(&r, NULL), TA_OK);
        ck_assert_int_eq(read_text("Trust_code,Date,Event\nRKEEP,2024-01-01,ft_authorised\n"),
                         TA_OK);
        st = read_text(text);
        ck_assert_msg(st == cases[k].st, "case %zu: status %d", k, (int)st);
        ck_assert_msg(strstr(ta_register_error(r), cases[k].needle), "case %zu: %s", k,
                      ta_register_error(r));
        /* All or nothing: only the first read's trust and event remain. */
        ck_assert_uint_eq(ta_register_trust_count(r), 1);
        ck_assert_uint_eq(ta_register_event_count(r, 0), 1);
        ck_assert_int_eq(status_on("RKEEP", D(2025, 6, 1)), FT);
    }
}
END_TEST

START_TEST(bad_headers_and_arguments)
{
    ck_assert_int_eq(read_text(""), TA_EPARSE);
    ck_assert_int_eq(read_text("Trust_code,Event\n"), TA_EPARSE);
    ck_assert_str_eq(ta_register_error(r), "events.csv:1: the header has no Date column");
    /* The Event column, the last one required, is checked too. */
    ck_assert_int_eq(read_text("Trust_code,Date,Note\nRA1,2026-01-01,x\n"), TA_EPARSE);
    ck_assert_str_eq(ta_register_error(r), "events.csv:1: the header has no Event column");
    /* A column given twice (any case): refused, never the first copy silently used. */
    ck_assert_int_eq(read_text("Trust_code,Date,Event,TRUST_CODE\nRA9,2026-01-01,authorised,RB9\n"),
                     TA_EDUPLICATE);
    ck_assert_str_eq(ta_register_error(r),
                     "events.csv:1:23: column \"Trust_code\" appears twice (first at column 1)");
    ck_assert_int_eq(ta_register_trust_count(r), 0);
    /* No data is refused whenever a length says there is some (one byte
     * included); no data of length 0 is an empty file. */
    ck_assert_int_eq(ta_register_read_buffer(r, NULL, 1, "events.csv"), TA_EINVAL);
    ck_assert_str_eq(ta_register_error(r), "data is NULL");
    ck_assert_int_eq(ta_register_read_buffer(r, NULL, 0, "events.csv"), TA_EPARSE);
    ck_assert_str_eq(ta_register_error(r), "events.csv: empty file, no header");
    /* A record cut short before its Event: the missing cell is blamed on
     * column 1, the record's start. */
    ck_assert_int_eq(read_text("Trust_code,Date,Event\nRA0,2026-01-01\n"), TA_EPARSE);
    ck_assert_str_eq(ta_register_error(r),
                     "events.csv:2:1: Event \"\" is not one of nominated, authorised, reviewed, "
                     "deauthorised, reauthorised, ft_authorised, ceased");
    ck_assert_int_eq(read_text("trust_code,DATE,event\n\nRA1,2026-01-01,  Authorised \n"), TA_OK);
    ck_assert_int_eq(status_on("RA1", D(2026, 1, 1)), AFT);
    ck_assert_int_eq(ta_register_add_event(r, "RA1", NULL, D(2026, 13, 1), TA_EVENT_REVIEWED, NULL),
                     TA_EINVAL);
    ck_assert_int_eq(
        ta_register_add_event(r, "RA1", NULL, D(2026, 2, 1), (ta_register_event)7, NULL),
        TA_EINVAL);
    ck_assert_int_eq(
        ta_register_add_event(NULL, "RA1", NULL, D(2026, 2, 1), TA_EVENT_REVIEWED, NULL),
        TA_EINVAL);
    ck_assert_int_eq(ta_register_status_on(NULL, NULL, NULL, r, 1, D(2026, 1, 1)), TA_EINVAL);
    {
        int ceased = -1;
        ck_assert_int_eq(ta_register_ceased_on(&ceased, r, 1, D(2026, 1, 1)), TA_EINVAL);
        ck_assert_int_eq(ta_register_ceased_on(NULL, r, 0, D(2026, 1, 1)), TA_EINVAL);
        ck_assert_int_eq(ta_register_ceased_on(&ceased, r, 0, D(2026, 2, 30)), TA_EINVAL);
        ck_assert_int_eq(ta_register_ceased_on(&ceased, NULL, 0, D(2026, 1, 1)), TA_EINVAL);
        /* Rule: before a trust's first event nothing has happened: not ceased. */
        ck_assert_int_eq(ta_register_ceased_on(&ceased, r, 0, D(2025, 12, 31)), TA_OK);
        ck_assert_int_eq(ceased, 0);
    }
    /* A trust code is 1 to 16 characters: 16 are taken, 17 and none refused
     * (register.c:44). */
    ck_assert_int_eq(
        ta_register_add_event(r, "ABCDEFGHIJKLMNOP", NULL, D(2026, 2, 1), TA_EVENT_NOMINATED, NULL),
        TA_OK);
    ck_assert_int_eq(ta_register_add_event(r, "ABCDEFGHIJKLMNOPQ", NULL, D(2026, 2, 1),
                                           TA_EVENT_NOMINATED, NULL),
                     TA_EINVAL);
    ck_assert_str_eq(ta_register_error(r), "Trust_code \"ABCDEFGHIJKLMNOPQ\" must be 1 to 16 "
                                           "printable ASCII characters without spaces");
    ck_assert_int_eq(ta_register_add_event(r, "", NULL, D(2026, 2, 1), TA_EVENT_NOMINATED, NULL),
                     TA_EINVAL);
    ck_assert_int_eq(ta_register_read_file(r, "/nonexistent/events.csv"), TA_EIO);
    ck_assert_str_eq(ta_register_event_name(TA_EVENT_FT_AUTHORISED), "ft_authorised");
    ck_assert_str_eq(ta_register_event_name((ta_register_event)9), "");
    ck_assert_uint_eq(ta_register_trust_count(NULL), 0); /* no register holds no trust */
    ta_register_free(NULL);
}
END_TEST

START_TEST(register_into_schedule)
{
    ta_review_schedule *s = NULL;
    size_t n = 0;
    ta_date due;
    ck_assert_int_eq(read_text(life), TA_OK);
    ck_assert_int_eq(read_text("Trust_code,Date,Event,Note\n"
                               "RY3,2026-03-01,authorised,\n"
                               "RY3,2027-03-01,reviewed,\n"
                               "RY3,2029-04-01,ceased,merged\n"
                               "RFT,2025-01-01,ft_authorised,\n"),
                     TA_OK);
    ck_assert_int_eq(ta_review_schedule_new(&s, NULL), TA_OK);
    /* On 2027-07-01 RXX is deauthorised: only RY3 is scheduled. */
    ck_assert_int_eq(ta_review_schedule_add_register(s, r, D(2027, 7, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    n = ta_review_schedule_count(s);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(ta_review_schedule_code(s, 0), "RY3");
    ck_assert_int_eq(ta_review_schedule_due(&due, NULL, s, 0), TA_OK);
    ck_assert_int_eq(ymd(due), 20320301); /* five years after the review */
    ck_assert_int_eq(ta_review_schedule_add_register(s, r, D(2027, 7, 1)), TA_EDUPLICATE);
    ta_review_schedule_free(s);
    ck_assert_int_eq(ta_review_schedule_new(&s, NULL), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_register(s, r, D(2028, 6, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    n = ta_review_schedule_count(s);
    ck_assert_uint_eq(n, 2);
    ck_assert_int_eq(ta_review_schedule_due(&due, NULL, s, 1), TA_OK);
    ck_assert_str_eq(ta_review_schedule_code(s, 1), "RY3"); /* dropped: ceases first */
    ck_assert_int_eq(ta_review_schedule_dropped(s, 1), 1);
    ck_assert_int_eq(ta_review_schedule_due(&due, NULL, s, 0), TA_OK);
    ck_assert_int_eq(ymd(due), 20330110);
    ta_review_schedule_free(s);
}
END_TEST

static ta_status workflow(const ta_allocator *a)
{
    ta_register *w = NULL;
    ta_status st = ta_register_new(&w, a);
    if (st != TA_OK)
        return st;
    if ((st = ta_register_read_buffer(w, life, strlen(life), "life")) == TA_OK)
        st = ta_register_add_event(w, "RNEW", "New", D(2029, 1, 1), TA_EVENT_NOMINATED, "n");
    if (st == TA_OK)
        st = ta_register_read_buffer(w, life, strlen(life), "again"); /* fails: order */
    if (st == TA_EINCONSISTENT)
        st = ta_register_trust_count(w) == 2 ? TA_OK : TA_ERANGE;
    ta_register_free(w);
    return st;
}

/* Rule: a call that succeeds leaves no error text ("" after it), whatever
 * the call before it left: each setter, an event added and a read, each
 * after a refused interval. Event names are matched with both arguments
 * checked (TA_EINVAL for either NULL), and blank text is no event. */
START_TEST(a_successful_call_clears_the_error)
{
    static const char events[] = "Trust_code,Date,Event\nB,2020-01-01,nominated\n";
    ta_register_event e = TA_EVENT_REVIEWED;
    char *blank;

    for (int k = 0; k < 5; k++) {
        ta_status st = TA_EINVAL;
        ck_assert_int_eq(ta_register_set_interval_years(r, 0), TA_EINVAL);
        ck_assert_str_ne(ta_register_error(r), "");
        switch (k) {
        case 0:
            st = ta_register_set_interval_years(r, 5);
            break;
        case 1:
            st = ta_register_set_feb29_rule(r, TA_FEB29_TO_MAR1);
            break;
        case 2:
            st = ta_register_set_deauthorised_status(r, TA_NHS_TRUST);
            break;
        case 3:
            st = ta_register_add_event(r, "A", "Alpha", D(2020, 1, 1), TA_EVENT_NOMINATED, NULL);
            break;
        case 4:
            st = ta_register_read_buffer(r, events, strlen(events), "e.csv");
            break;
        }
        ck_assert_int_eq(st, TA_OK);
        ck_assert_msg(strcmp(ta_register_error(r), "") == 0, "call %d kept the error \"%s\"", k,
                      ta_register_error(r));
    }
    ck_assert_uint_eq(ta_register_trust_count(r), 2);

    ck_assert_int_eq(ta_register_event_parse(NULL, "nominated"), TA_EINVAL);
    ck_assert_int_eq(ta_register_event_parse(&e, NULL), TA_EINVAL);
    ck_assert_int_eq(e, TA_EVENT_REVIEWED);
    ck_assert_int_eq(ta_register_event_parse(&e, " \tNominated\t "), TA_OK);
    ck_assert_int_eq(e, TA_EVENT_NOMINATED);
    /* On the heap, so that a read before the text is a sanitizer error. */
    blank = malloc(3);
    ck_assert_ptr_nonnull(blank);
    memcpy(blank, " \t", 3);
    ck_assert_int_eq(ta_register_event_parse(&e, blank), TA_EPARSE);
    ck_assert_int_eq(ta_register_event_parse(&e, blank + 2), TA_EPARSE);
    free(blank);
}
END_TEST

/* Rule: events of one trust on the same day are in order (only an earlier
 * date is out of order); an advanced foundation trust that has not been
 * deauthorised can be neither authorised, reauthorised, nominated nor
 * ft_authorised, each refused with that reason. */
START_TEST(same_day_events_and_aft_refusals)
{
    static const char *const kinds[] = {"authorised", "reauthorised", "nominated", "ft_authorised"};
    ck_assert_int_eq(read_text("Trust_code,Date,Event\nRS1,2026-01-01,nominated\n"
                               "RS1,2026-01-01,authorised\n"),
                     TA_OK);
    ck_assert_int_eq(status_on("RS1", D(2026, 1, 1)), AFT);
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        char text[256], expected[256];
        snprintf(text, sizeof text,
                 "Trust_code,Date,Event\nRT%zu,2026-01-01,authorised\nRT%zu,2026-02-01,%s\n", k, k,
                 kinds[k]);
        snprintf(expected, sizeof expected,
                 "events.csv:3:16: trust RT%zu: %s on 2026-02-01, but it is already an advanced "
                 "foundation trust (since 2026-01-01) and has not been deauthorised",
                 k, kinds[k]);
        ck_assert_int_eq(read_text(text), TA_EINCONSISTENT);
        ck_assert_str_eq(ta_register_error(r), expected);
    }
}
END_TEST

/* Rule: a trust's events read back in order, each with its own date, kind
 * and note (out-pointers may be NULL); an index at the count (of trusts or
 * of a trust's events) is refused. */
START_TEST(events_read_back_in_order)
{
    static const struct {
        ta_date on;
        ta_register_event kind;
        const char *note;
    } ev[] = {
        {{2025, 3, 1}, TA_EVENT_NOMINATED, "first"},
        {{2026, 1, 1}, TA_EVENT_AUTHORISED, NULL},
        {{2027, 6, 30}, TA_EVENT_REVIEWED, "second"},
    };
    size_t i;
    ta_date on;
    ta_register_event kind;
    const char *note;

    ck_assert_int_eq(ta_register_add_event(r, "RB0", NULL, D(2025, 1, 1), TA_EVENT_NOMINATED, NULL),
                     TA_OK);
    for (size_t k = 0; k < 3; k++)
        ck_assert_int_eq(ta_register_add_event(r, "RB1", "Bravo", ev[k].on, ev[k].kind, ev[k].note),
                         TA_OK);
    i = index_of("RB1");
    ck_assert_uint_eq(i, 1);
    ck_assert_uint_eq(ta_register_event_count(r, i), 3);
    for (size_t k = 0; k < 3; k++) {
        ck_assert_int_eq(ta_register_event_info(&on, &kind, &note, r, i, k), TA_OK);
        ck_assert_int_eq(ymd(on), ymd(ev[k].on));
        ck_assert_int_eq(kind, ev[k].kind);
        ck_assert_str_eq(note, ev[k].note ? ev[k].note : "");
    }
    ck_assert_int_eq(ta_register_event_info(NULL, NULL, NULL, r, i, 2), TA_OK);
    ck_assert_int_eq(ta_register_event_info(&on, &kind, &note, r, i, 3), TA_EINVAL);
    ck_assert_int_eq(ta_register_event_info(&on, &kind, &note, r, 2, 0), TA_EINVAL);
    ck_assert_uint_eq(ta_register_event_count(r, 2), 0);
    ck_assert_str_eq(ta_register_trust_code(r, 1), "RB1");
    ck_assert_ptr_null(ta_register_trust_code(r, 2));
    ck_assert_str_eq(ta_register_trust_name(r, 1), "Bravo");
    ck_assert_str_eq(ta_register_trust_name(r, 0), "");
    ck_assert_ptr_null(ta_register_trust_name(r, 2));
}
END_TEST

/* Rule: a register goes into a schedule all or nothing: an AFT of the
 * register already in the schedule is refused (whichever trust of the
 * register it is, the first included) and nothing is added; a trust that is
 * not an AFT may share a code with the schedule; an AFT's own events only
 * (never another trust's ceasing) give its reviews and end. */
START_TEST(register_into_schedule_edges)
{
    ta_review_schedule *s = NULL;
    ta_date due;
    ck_assert_int_eq(read_text("Trust_code,Date,Event\n"
                               "RB,2026-02-01,authorised\n"
                               "RA,2026-01-01,authorised\n"),
                     TA_OK);
    ck_assert_int_eq(ta_review_schedule_new(&s, NULL), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RB", "", D(2025, 1, 1)), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_register(s, r, D(2027, 1, 1)), TA_EDUPLICATE);
    ck_assert_str_eq(ta_review_schedule_error(s),
                     "trust RB of the register is already in the schedule: nothing added");
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    ck_assert_uint_eq(ta_review_schedule_count(s), 1);
    ta_review_schedule_free(s);

    ta_register_free(r);
    ck_assert_int_eq(ta_register_new(&r, NULL), TA_OK);
    ck_assert_int_eq(read_text("Trust_code,Date,Event\n"
                               "RZ,2027-01-01,ceased\n"
                               "RF,2025-01-01,ft_authorised\n"
                               "RC,2026-04-01,authorised\n"),
                     TA_OK);
    ck_assert_int_eq(ta_review_schedule_new(&s, NULL), TA_OK);
    ck_assert_int_eq(ta_review_schedule_add_trust(s, "RF", "", D(2025, 6, 1)), TA_OK);
    ck_assert_msg(ta_review_schedule_add_register(s, r, D(2028, 1, 1)) == TA_OK, "%s",
                  ta_review_schedule_error(s));
    ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
    ck_assert_uint_eq(ta_review_schedule_count(s), 2);
    ck_assert_str_eq(ta_review_schedule_code(s, 1), "RC");
    ck_assert_int_eq(ta_review_schedule_dropped(s, 1), 0);
    ck_assert_int_eq(ta_review_schedule_due(&due, NULL, s, 1), TA_OK);
    ck_assert_int_eq(ymd(due), 20310401);
    ta_review_schedule_free(s);

    /* A review counts from its own day on, never before it. */
    ck_assert_int_eq(read_text("Trust_code,Date,Event\n"
                               "RV,2026-04-01,authorised\n"
                               "RV,2029-01-01,reviewed\n"),
                     TA_OK);
    for (int k = 0; k < 3; k++) {
        static const int on[3] = {20281231, 20290101, 20290102};
        static const int expected[3] = {20310401, 20340101, 20340101};
        ta_date d = D(on[k] / 10000, on[k] / 100 % 100, on[k] % 100);
        size_t i;
        ck_assert_int_eq(ta_review_schedule_new(&s, NULL), TA_OK);
        ck_assert_int_eq(ta_review_schedule_add_register(s, r, d), TA_OK);
        ck_assert_int_eq(ta_review_schedule_compute(s), TA_OK);
        for (i = 0; i < ta_review_schedule_count(s); i++)
            if (strcmp(ta_review_schedule_code(s, i), "RV") == 0)
                break;
        ck_assert_uint_lt(i, ta_review_schedule_count(s));
        ck_assert_int_eq(ta_review_schedule_due(&due, NULL, s, i), TA_OK);
        ck_assert_msg(ymd(due) == expected[k], "on %d: due %d", on[k], ymd(due));
        ta_review_schedule_free(s);
    }
}
END_TEST

/* Rule: the trust index at the count is refused by every query even where
 * the register's memory still holds a trust there (one a failed read added
 * and took back). */
START_TEST(index_at_the_count_after_a_rollback)
{
    ta_date on;
    ta_register_event kind;
    const char *note;
    char buf[64];
    ck_assert_int_eq(read_text("Trust_code,Date,Event\nRA,2026-01-01,nominated\n"), TA_OK);
    ck_assert_int_eq(read_text("Trust_code,Date,Event\nRB,2026-01-01,authorised\n"
                               "RB,2026-02-30,reviewed\n"),
                     TA_EPARSE);
    ck_assert_uint_eq(ta_register_trust_count(r), 1);
    ck_assert_ptr_null(ta_register_trust_code(r, 1));
    ck_assert_ptr_null(ta_register_trust_name(r, 1));
    ck_assert_uint_eq(ta_register_event_count(r, 1), 0);
    ck_assert_int_eq(ta_register_event_info(&on, &kind, &note, r, 1, 0), TA_EINVAL);
    ck_assert_int_eq(ta_register_last_date(&on, r, 1), TA_EINVAL);
    ck_assert_int_eq(ta_register_reasons(buf, sizeof buf, NULL, r, 1, D(2026, 6, 1)), TA_EINVAL);
    ck_assert_str_eq(ta_register_trust_code(r, 0), "RA");
}
END_TEST

/* Rule: a trust that a failed read added is gone by its code too: find says
 * not found, and a later read that adds another trust at the same index
 * does not make the old code find it. */
START_TEST(a_rolled_back_trust_is_not_found)
{
    size_t i = 99;
    ck_assert_int_eq(read_text("Trust_code,Date,Event\nRB,2026-01-01,authorised\n"
                               "RB,2026-02-30,reviewed\n"),
                     TA_EPARSE);
    ck_assert_int_eq(ta_register_find(&i, r, "RB"), TA_ENOTFOUND);
    ck_assert_int_eq(read_text("Trust_code,Date,Event\nRC,2026-01-01,nominated\n"), TA_OK);
    ck_assert_int_eq(ta_register_find(&i, r, "RB"), TA_ENOTFOUND);
    ck_assert_int_eq(ta_register_find(&i, r, "RC"), TA_OK);
    ck_assert_uint_eq(i, 0);
}
END_TEST

START_TEST(allocation_failure_sweep)
{
    af_counter c = {0, 0, 0, 0};
    ta_allocator a = af_allocator(&c);
    size_t total;
    ck_assert_int_eq(workflow(&a), TA_OK);
    ck_assert_uint_eq(c.live, 0);
    total = c.calls;
    ck_assert_uint_gt(total, 5);
    for (size_t n = 1; n <= total; n++) {
        ta_status st;
        c.calls = 0;
        af_fail_in(&c, n);
        st = workflow(&a);
        ck_assert_msg(st == TA_ENOMEM, "failing allocation %zu gave status %d", n, (int)st);
        ck_assert_msg(c.live == 0, "failing allocation %zu leaks %zu blocks", n, c.live);
    }
}
END_TEST

int main(void)
{
    Suite *su = suite_create("register");
    TCase *tc = tcase_create("core");
    SRunner *sr;
    int failed;
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, life_cycle_of_the_issue);
    tcase_add_test(tc, reasons_say_how);
    tcase_add_test(tc, reviews_restart_the_clock);
    tcase_add_test(tc, foundation_trust_and_ceasing);
    tcase_add_test(tc, impossible_sequences_name_the_row);
    tcase_add_test(tc, bad_headers_and_arguments);
    tcase_add_test(tc, register_into_schedule);
    tcase_add_test(tc, a_successful_call_clears_the_error);
    tcase_add_test(tc, same_day_events_and_aft_refusals);
    tcase_add_test(tc, events_read_back_in_order);
    tcase_add_test(tc, register_into_schedule_edges);
    tcase_add_test(tc, index_at_the_count_after_a_rollback);
    tcase_add_test(tc, a_rolled_back_trust_is_not_found);
    tcase_add_test(tc, reasons_fill_the_buffer_exactly);
    tcase_add_test(tc, codes_names_and_notes_at_their_limits);
    tcase_add_test(tc, find_and_status_before_the_first_event);
    tcase_add_test(tc, allocation_failure_sweep);
    suite_add_tcase(su, tc);
    sr = srunner_create(su);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
