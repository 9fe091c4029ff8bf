/*
 * trustassess reviews: the five-yearly review schedule of advanced foundation
 * trusts, as CSV, an iCalendar file or a table.
 *
 * The library does the work (trustassess/review.h): it reads TRUSTS.csv,
 * computes each due date with the early-review triggers, places the reviews
 * on panel sittings on English working days, and writes the CSV and the
 * iCalendar text. This file routes the options to it:
 *
 *   --nof FILE      NHS England's published NOF file, read with the
 *                   nof-2025-26 preset; each quarter of each trust of the
 *                   schedule becomes evidence: adjusted segment (OF5000),
 *                   deficit flag (OF5004) and RSP flag (OF5007) where
 *                   published, the flags as the library reads them into an
 *                   assessment.
 *   --sittings SPEC weekly:DAYS[:FROM..TO] or dates:D1,D2,... (see help).
 *   --today, --capacity, --dtstamp: the schedule's parameters.
 * A quarter's evidence is dated at the quarter's end (ta_nhse_period_end).
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "output.h"

void cli_reviews_help(FILE *out)
{
    fputs("usage: trustassess reviews TRUSTS.csv|EVENTS.csv [--nof FILE]\n"
          "                          [--today YYYY-MM-DD] [--sittings SPEC] [--capacity N]\n"
          "                          [--format csv|ics|table|json|xlsx] [--bom]\n"
          "                          [--dtstamp STAMP] [-o OUT]\n"
          "\n"
          "When each advanced foundation trust's next review is due (at least every five\n"
          "years, earlier when a trigger fires) and the panel sitting it is placed on.\n"
          "TRUSTS.csv ('-' = standard input) has the columns Trust_code, Trust_name,\n"
          "Authorised_on, Last_reviewed_on (may be empty) and optionally Ceases_on\n"
          "(a merger or dissolution); dates are YYYY-MM-DD. An events file (columns\n"
          "Trust_code, Date, Event: see trustassess help status) is read too: the trusts\n"
          "that are advanced foundation trusts on --today (else on the latest event),\n"
          "from their last authorisation, with their reviews and a later ceasing.\n"
          "\n"
          "  --nof FILE        NHS England's published NOF file: each quarter's adjusted\n"
          "                    segment (OF5000), deficit (OF5004) and Recovery Support\n"
          "                    Programme (OF5007) flags feed the early-review triggers\n"
          "  --today DATE      count overdue reviews against DATE (default: none)\n"
          "  --sittings SPEC   panel sittings (default: every working day):\n"
          "                      weekly:MON,WED[:FROM..TO]  those weekdays, working days\n"
          "                        only, FROM to TO (default: from --today, else the\n"
          "                        first due date, to a year after the last due date)\n"
          "                      dates:2026-01-05,2026-01-07  these working days\n"
          "  --capacity N      reviews per sitting (default 1)\n"
          "  --format F        csv (default), ics (iCalendar), table, json, xlsx (dates\n"
          "                    as dates)\n"
          "  --bom, --excel    start the CSV with a UTF-8 BOM, so that Excel reads it\n"
          "  --encoding E      the input is utf-8 (default) or windows-1252 (Excel's\n"
          "                    plain \"CSV (Comma delimited)\")\n"
          "  --dtstamp STAMP   the iCalendar DTSTAMP, YYYYMMDDTHHMMSSZ (default: --today,\n"
          "                    else the first due date, at 00:00:00 UTC)\n"
          "  -o OUT            write OUT atomically instead of standard output\n",
          out);
}

typedef struct reviews_args {
    const char *file, *nof, *today_text, *sittings, *capacity, *dtstamp;
    cli_output output;
    int has_today;
    ta_date today;
} reviews_args;

static const char cmd[] = "reviews";

static int parse_date_arg(ta_date *d, const char *option, const char *text)
{
    if (ta_date_parse(d, text, strlen(text)) != TA_OK)
        return cli_usage_error(cmd, "%s \"%s\" is not a date (YYYY-MM-DD)", option, text);
    return CLI_OK;
}

static int parse(reviews_args *ra, int argc, char **argv)
{
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i], *v = NULL;
        int m;
        if ((m = cli_option_value(argc, argv, &i, "--nof", &v)) != 0)
            ra->nof = v;
        else if ((m = cli_option_value(argc, argv, &i, "--today", &v)) != 0)
            ra->today_text = v;
        else if ((m = cli_option_value(argc, argv, &i, "--sittings", &v)) != 0)
            ra->sittings = v;
        else if ((m = cli_option_value(argc, argv, &i, "--capacity", &v)) != 0)
            ra->capacity = v;
        else if ((m = cli_option_value(argc, argv, &i, "--dtstamp", &v)) != 0)
            ra->dtstamp = v;
        else if (cli_output_option(&ra->output, argc, argv, &i, &m)) {
            if (m != CLI_OK)
                return m;
            continue;
        } else if (cli_is_option(arg)) {
            return cli_usage_error(cmd, "unknown option \"%s\"", arg);
        } else {
            if (ra->file)
                return cli_usage_error(cmd, "one TRUSTS.csv only (\"%s\" is a second)", arg);
            ra->file = arg;
            continue;
        }
        if (m < 0)
            return cli_usage_error(cmd, "%s needs a value", arg);
    }
    if (!ra->file)
        return cli_usage_error(cmd, "no TRUSTS.csv given ('-' reads standard input)");
    if (ra->nof && strcmp(ra->nof, "-") == 0 && strcmp(ra->file, "-") == 0)
        return cli_usage_error(cmd, "TRUSTS.csv and --nof cannot both be standard input");
    if (ra->dtstamp && ra->output.format != CLI_FORMAT_ICS)
        return cli_usage_error(cmd, "--dtstamp applies to --format ics only");
    if (ra->today_text) {
        int rc = parse_date_arg(&ra->today, "--today", ra->today_text);
        if (rc != CLI_OK)
            return rc;
        ra->has_today = 1;
    }
    if (ra->output.columns && ra->output.format == CLI_FORMAT_ICS)
        return cli_usage_error(cmd, "--columns does not apply to --format ics");
    return cli_output_check(&ra->output);
}

/* ---- --nof: quarterly evidence ---------------------------------------------- */

/* One quarter's evidence for every trust of the schedule that the file has. */
static int add_quarter(ta_review_schedule *s, cli_input *in, const char *name, const char *period)
{
    ta_assessment *a = NULL;
    ta_date end;
    int rc = CLI_OK;
    if (ta_nhse_period_end(&end, period) != TA_OK)
        return cli_error(CLI_INPUT, "%s: quarter \"%s\" is not of the form Qn YYYY/YY", name,
                         period);
    if (ta_nhse_file_assessment(&a, in->file, period, NULL, TA_FROM_SCORES) != TA_OK)
        return cli_error(CLI_INPUT, "%s", ta_nhse_file_error(in->file));
    for (size_t i = 0; rc == CLI_OK && i < ta_assessment_trust_count(a); i++) {
        const char *code = ta_assessment_trust_code(a, i);
        int has = 0;
        double value = 0;
        int32_t segment = 0;
        ta_status st;
        if (ta_nhse_file_published(&has, &value, in->file, period, code, "OF5000") != TA_OK) {
            rc = cli_error(CLI_INPUT, "%s", ta_nhse_file_error(in->file));
            break;
        }
        if (has) {
            if (!(value >= 0 && value <= 5 && value == (double)(int32_t)value)) {
                const char *file = name;
                size_t line = 0, column = 0;
                (void)ta_nhse_file_published_at(&file, &line, &column, in->file, period, code,
                                                "OF5000");
                rc = cli_error(CLI_INPUT,
                               "%s:%zu:%zu: %s, trust %s: OF5000 (adjusted segment) is not a "
                               "segment",
                               file, line, column, period, code);
                break;
            }
            segment = (int32_t)value;
        }
        st = ta_review_schedule_add_evidence(
            s, code, end, segment, ta_assessment_trust_flag(a, i, TA_FLAG_FINANCIAL_DEFICIT),
            ta_assessment_trust_flag(a, i, TA_FLAG_RECOVERY_SUPPORT));
        if (st == TA_ENOTFOUND)
            continue; /* a trust the schedule does not hold */
        if (st != TA_OK)
            rc = cli_error(CLI_INPUT, "%s: %s: %s", name, period, ta_review_schedule_error(s));
    }
    ta_assessment_free(a);
    return rc;
}

static int add_evidence(ta_review_schedule *s, const char *path)
{
    cli_input in = {0};
    cli_files files = {{path}, 1};
    int rc = cli_input_open(&in, cmd, &files, NULL);
    for (size_t p = 0; rc == CLI_OK && p < ta_nhse_file_period_count(in.file); p++)
        rc = add_quarter(s, &in, cli_input_name(path), ta_nhse_file_period(in.file, p));
    cli_input_close(&in);
    return rc;
}

/* ---- --sittings ------------------------------------------------------------- */

/* "MON,WED" -> weekday bits; 0 when malformed. */
static unsigned parse_weekdays(const char *text, size_t len)
{
    static const char *const names[5] = {"MON", "TUE", "WED", "THU", "FRI"};
    unsigned bits = 0;
    size_t k = 0;
    while (k < len) {
        int found = 0;
        for (int d = 0; d < 5; d++)
            if (len - k >= 3 && memcmp(text + k, names[d], 3) == 0) {
                bits |= TA_WEEKDAY_BIT(TA_MONDAY + d);
                found = 1;
            }
        if (!found)
            return 0;
        k += 3;
        if (k < len && text[k++] != ',')
            return 0;
        if (k == len && text[k - 1] == ',')
            return 0;
    }
    return bits;
}

/* The first and last due dates of the trusts still to be reviewed; 0 when
 * there is none. The schedule must have been computed. */
static int due_range(const ta_review_schedule *s, ta_date *first, ta_date *last)
{
    size_t n = 0;
    int any = 0;
    n = ta_review_schedule_count(s);
    for (size_t i = 0; i < n; i++) {
        ta_date due;
        if (ta_review_schedule_dropped(s, i) || ta_review_schedule_due(&due, NULL, s, i) != TA_OK)
            continue;
        if (!any || ta_date_compare(due, *first) < 0)
            *first = due;
        if (!any || ta_date_compare(due, *last) > 0)
            *last = due;
        any = 1;
    }
    return any;
}

static int weekly(ta_review_schedule *s, const reviews_args *ra, const char *spec)
{
    const char *range = strchr(spec, ':');
    size_t days_len = range ? (size_t)(range - spec) : strlen(spec);
    unsigned bits = parse_weekdays(spec, days_len);
    ta_date from, to;
    if (!bits)
        return cli_usage_error(cmd,
                               "--sittings weekly:DAYS: DAYS is a comma-separated list of MON, "
                               "TUE, WED, THU, FRI, not \"%.*s\"",
                               (int)days_len, spec);
    if (range) {
        const char *dots = strstr(range + 1, "..");
        if (!dots || ta_date_parse(&from, range + 1, (size_t)(dots - range - 1)) != TA_OK ||
            ta_date_parse(&to, dots + 2, strlen(dots + 2)) != TA_OK)
            return cli_usage_error(cmd,
                                   "--sittings weekly:DAYS:FROM..TO: \"%s\" is not "
                                   "YYYY-MM-DD..YYYY-MM-DD",
                                   range + 1);
        if (ta_date_compare(to, from) < 0)
            return cli_usage_error(cmd, "--sittings: %s ends before it starts", range + 1);
    } else {
        /* The default range: a computed schedule's due dates are known before
         * any sitting is added (sittings change placements, not due dates). */
        ta_date first = {0, 0, 0}, last = {0, 0, 0};
        if (ta_review_schedule_compute(s) != TA_OK)
            return cli_error(CLI_INPUT, "%s", ta_review_schedule_error(s));
        if (!due_range(s, &first, &last))
            return CLI_OK; /* nothing to place */
        from = ra->has_today ? ra->today : first;
        if (ta_date_compare(from, last) > 0)
            last = from;
        if (ta_date_add_years(&to, last, 1, TA_FEB29_TO_FEB28) != TA_OK)
            return cli_error(CLI_INPUT, "--sittings: the range runs past 9999-12-31");
    }
    if (ta_review_schedule_add_sittings_weekly(NULL, s, from, to, bits) != TA_OK)
        return cli_usage_error(cmd, "--sittings %s: %s", spec, ta_review_schedule_error(s));
    return CLI_OK;
}

static int dates(ta_review_schedule *s, const char *list)
{
    const char *p = list;
    for (;;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        ta_date d;
        if (ta_date_parse(&d, p, len) != TA_OK)
            return cli_usage_error(cmd, "--sittings dates: \"%.*s\" is not a date (YYYY-MM-DD)",
                                   (int)len, p);
        if (ta_review_schedule_add_sitting(s, d) != TA_OK)
            return cli_usage_error(cmd, "--sittings dates: %s", ta_review_schedule_error(s));
        if (!end)
            return CLI_OK;
        p = end + 1;
    }
}

static int sittings(ta_review_schedule *s, const reviews_args *ra)
{
    const char *spec = ra->sittings;
    if (strncmp(spec, "weekly:", 7) == 0)
        return weekly(s, ra, spec + 7);
    if (strncmp(spec, "dates:", 6) == 0)
        return dates(s, spec + 6);
    return cli_usage_error(cmd,
                           "--sittings must be weekly:DAYS[:FROM..TO] or dates:D1,D2,..., not "
                           "\"%s\"",
                           spec);
}

/* ---- output ------------------------------------------------------------------ */

static void date_cell(cli_table *t, cli_cell *row, size_t col, ta_date d)
{
    char text[TA_DATE_TEXT_SIZE];
    if (ta_date_format(text, sizeof text, d) == TA_OK)
        cli_cell_date(t, row, col, text);
}

/* The library's CSV columns, from its accessors, typed (dates, day counts)
 * for table, json and xlsx. */
static int table(const ta_review_schedule *s, const reviews_args *ra, cli_buf *out)
{
    static const char *const names[] = {
        "Trust_code", "Trust_name",   "Due_on",  "Regular_due_on",   "Scheduled_on",
        "Late_days",  "Overdue_days", "Trigger", "Trigger_fired_on", "Note"};
    static const char *const about[] = {
        "Five-yearly reviews of advanced foundation trusts, scheduled on working days of "
        "England and Wales by libtrustassess (see its docs/review.md for the rules and "
        "their sources)."};
    cli_table t;
    cli_sheet sheet = {"Reviews", NULL};
    size_t n = 0;
    int rc;
    cli_table_init(&t, 10, names);
    n = ta_review_schedule_count(s);
    for (size_t i = 0; i < n; i++) {
        ta_date due, regular, sitting, fired;
        ta_review_trigger kind = TA_TRIGGER_NONE;
        ta_tristate overdue = TA_UNKNOWN;
        int placed = 0;
        int32_t late = 0, days = 0;
        cli_cell *row;
        if (ta_review_schedule_due(&due, &regular, s, i) != TA_OK ||
            ta_review_schedule_trigger(&kind, &fired, s, i) != TA_OK ||
            ta_review_schedule_placement(&placed, &sitting, &late, s, i) != TA_OK ||
            ta_review_schedule_overdue(&overdue, &days, s, i) != TA_OK) {
            cli_table_free(&t);
            return cli_error(CLI_INPUT, "%s", ta_review_schedule_error(s));
        }
        if (!(row = cli_table_add_row(&t)))
            break;
        cli_cell_text(&t, row, 0, ta_review_schedule_code(s, i));
        cli_cell_text(&t, row, 1, ta_review_schedule_name(s, i));
        date_cell(&t, row, 2, due);
        date_cell(&t, row, 3, regular);
        if (placed) {
            date_cell(&t, row, 4, sitting);
            cli_cell_int(&t, row, 5, late);
        }
        if (overdue != TA_UNKNOWN)
            cli_cell_int(&t, row, 6, overdue == TA_YES ? days : 0);
        if (kind != TA_TRIGGER_NONE) {
            cli_cell_text(&t, row, 7, ta_review_trigger_name(kind));
            date_cell(&t, row, 8, fired);
        }
        cli_cell_text(&t, row, 9, ta_review_schedule_note(s, i));
    }
    sheet.table = &t;
    rc = cli_output_write(out, &ra->output, &sheet, 1, about, 1);
    cli_table_free(&t);
    return rc;
}

/* DTSTAMP by default: --today, else the first due date, at 00:00:00 UTC, so
 * that the same input gives the same bytes. */
static void default_dtstamp(char *buf, size_t size, const ta_review_schedule *s,
                            const reviews_args *ra)
{
    ta_date d = {1970, 1, 1}, last;
    if (ra->has_today) {
        d = ra->today;
    } else if (!due_range(s, &d, &last) && ta_review_schedule_count(s) > 0) {
        (void)ta_review_schedule_due(&d, NULL, s, 0); /* every trust dropped */
    }
    snprintf(buf, size, "%04d%02d%02dT000000Z", (int)d.year, (int)d.month, (int)d.day);
}

static int write_output(ta_review_schedule *s, const reviews_args *ra, cli_buf *out)
{
    const char *text = NULL;
    size_t len = 0;
    ta_status st;
    if (ra->output.format != CLI_FORMAT_CSV && ra->output.format != CLI_FORMAT_ICS)
        return table(s, ra, out);
    if (ra->output.format == CLI_FORMAT_CSV && ra->output.columns)
        return table(s, ra, out);
    if (ra->output.format == CLI_FORMAT_ICS) {
        char stamp[32];
        if (!ra->dtstamp)
            default_dtstamp(stamp, sizeof stamp, s, ra);
        st = ta_review_schedule_to_ics(&text, &len, s, ra->dtstamp ? ra->dtstamp : stamp);
        if (st == TA_EINVAL && ra->dtstamp)
            return cli_usage_error(cmd, "--dtstamp \"%s\": %s", ra->dtstamp,
                                   ta_review_schedule_error(s));
    } else {
        st = ta_review_schedule_to_csv(&text, &len, s);
        if (ra->output.bom)
            cli_buf_puts(out, "\xEF\xBB\xBF");
    }
    if (st != TA_OK)
        return cli_error(CLI_INPUT, "%s", ta_review_schedule_error(s));
    cli_buf_add(out, text, len);
    return CLI_OK;
}

/* A --capacity argument: decimal digits only (the library checks the value). */
static int parse_capacity(int32_t *n, const char *text)
{
    long v = 0;
    if (!*text || strlen(text) > 9)
        return 0;
    for (const char *p = text; *p; p++) {
        if (*p < '0' || *p > '9')
            return 0;
        v = v * 10 + (*p - '0');
    }
    *n = (int32_t)v;
    return 1;
}

/* An events file (the status register): the trusts that are advanced
 * foundation trusts on --today, else on the date of the latest event. */
static int read_events(ta_review_schedule *s, const reviews_args *ra, const cli_buf *in)
{
    ta_register *r = NULL;
    int rc = CLI_OK;
    if (ta_register_new(&r, NULL) != TA_OK)
        return cli_error(CLI_INPUT, "out of memory");
    if (ta_register_read_buffer(r, in->data ? in->data : "", in->len, cli_input_name(ra->file)) !=
        TA_OK)
        rc = cli_error(CLI_INPUT, "%s", ta_register_error(r));
    else if (ta_review_schedule_add_register(
                 s, r, ra->has_today ? ra->today : cli_register_latest(r)) != TA_OK)
        rc = cli_error(CLI_INPUT, "%s", ta_review_schedule_error(s));
    ta_register_free(r);
    return rc;
}

int cli_reviews_run(int argc, char **argv)
{
    reviews_args ra = {0};
    ta_review_schedule *s = NULL;
    cli_buf in = {0}, out = {0};
    ta_status st;
    int rc;
    for (int i = 0; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            cli_reviews_help(stdout);
            return CLI_OK;
        }
    cli_output_init(&ra.output, cmd, CLI_FORMATS_TABULAR | (1u << CLI_FORMAT_ICS), CLI_FORMAT_CSV);
    if ((rc = parse(&ra, argc, argv)) != CLI_OK)
        return rc;
    if (ta_review_schedule_new(&s, NULL) != TA_OK)
        return cli_error(CLI_INPUT, "out of memory");
    if (ra.capacity) {
        int32_t n = 0;
        if (!parse_capacity(&n, ra.capacity)) {
            rc = cli_usage_error(cmd, "--capacity \"%s\" is not a whole number", ra.capacity);
            goto done;
        }
        if (ta_review_schedule_set_capacity(s, n) != TA_OK) {
            rc =
                cli_usage_error(cmd, "--capacity %s: %s", ra.capacity, ta_review_schedule_error(s));
            goto done;
        }
    }
    if (ra.has_today && ta_review_schedule_set_today(s, ra.today) != TA_OK) {
        rc = cli_usage_error(cmd, "--today %s: %s", ra.today_text, ta_review_schedule_error(s));
        goto done;
    }
    if ((rc = cli_read_all_as(&in, ra.file, (cli_encoding)ra.output.encoding)) != CLI_OK)
        goto done;
    if (cli_is_events_csv(in.data ? in.data : "", in.len)) {
        if ((rc = read_events(s, &ra, &in)) != CLI_OK)
            goto done;
    } else if (ta_review_schedule_read_buffer(s, in.data ? in.data : "", in.len,
                                              cli_input_name(ra.file)) != TA_OK) {
        rc = cli_error(CLI_INPUT, "%s", ta_review_schedule_error(s));
        goto done;
    }
    if (ra.nof && (rc = add_evidence(s, ra.nof)) != CLI_OK)
        goto done;
    if (ra.sittings && (rc = sittings(s, &ra)) != CLI_OK)
        goto done;
    if ((st = ta_review_schedule_compute(s)) != TA_OK) {
        /* TA_EINVAL: --today leaves too few working days before 9999 */
        rc = st == TA_EINVAL ? cli_usage_error(cmd, "--today %s: %s", ra.today_text,
                                               ta_review_schedule_error(s))
                             : cli_error(CLI_INPUT, "%s", ta_review_schedule_error(s));
        goto done;
    }
    if ((rc = write_output(s, &ra, &out)) == CLI_OK)
        rc = cli_output_emit(&ra.output, &out);
done:
    cli_buf_free(&in);
    cli_buf_free(&out);
    ta_review_schedule_free(s);
    return rc;
}
