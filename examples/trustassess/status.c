/*
 * trustassess status: each trust's status on a date from its dated events
 * (nominated, authorised, reviewed, deauthorised, reauthorised, ft_authorised,
 * ceased), with the next review due of an advanced foundation trust.
 *
 * The library's register (trustassess/register.h) holds the sequence rules,
 * the status on a date and the review rule; this file reads EVENTS.csv into
 * it (cli_register_open, shared with `reviews` and `capital --events`) and
 * writes one row per trust.
 */
#include <string.h>

#include "cli.h"
#include "output.h"

static const char cmd[] = "status";

void cli_status_help(FILE *out)
{
    fputs("usage: trustassess status EVENTS.csv [--on YYYY-MM-DD]\n"
          "                          [--format csv|table|json|xlsx] [--bom] [--columns A,B]\n"
          "                          [-o OUT]\n"
          "\n"
          "Each trust's status on a date from its dated events: NHS trust, Foundation\n"
          "trust or Advanced foundation trust (Ceased once it has merged or closed),\n"
          "since when, and an advanced foundation trust's next review due (five years\n"
          "after its authorisation or last review).\n"
          "EVENTS.csv ('-' = standard input) has the columns Trust_code, Date\n"
          "(YYYY-MM-DD) and Event, optionally Trust_name and Note. Event is one of\n"
          "nominated, authorised (as an advanced foundation trust), reviewed,\n"
          "deauthorised, reauthorised, ft_authorised (as a foundation trust), ceased\n"
          "(any case). An impossible sequence (deauthorising a trust that is not an\n"
          "advanced foundation trust, authorising one twice, dates out of order) is an\n"
          "input error naming the file and line.\n"
          "\n"
          "  --on DATE     the date (default: the latest event in the file)\n"
          "  --format F    csv (default), table, json, xlsx (dates as dates); columns\n"
          "                Trust_code, Trust_name, Status, Since, Next_review_due, Reasons\n"
          "  --columns A,B only these columns; --bom: a UTF-8 BOM first, for Excel\n"
          "  -o OUT        write OUT atomically instead of standard output\n",
          out);
}

int cli_register_open(ta_register **out, const char *cmd_name, const char *path)
{
    cli_buf in = {0};
    int rc;
    *out = NULL;
    if (ta_register_new(out, NULL) != TA_OK)
        return cli_error(CLI_INPUT, "out of memory");
    if ((rc = cli_read_all(&in, path)) != CLI_OK)
        return rc;
    if (ta_register_read_buffer(*out, in.data ? in.data : "", in.len, cli_input_name(path)) !=
        TA_OK)
        rc = cli_error(CLI_INPUT, "%s: %s", cmd_name, ta_register_error(*out));
    cli_buf_free(&in);
    return rc;
}

ta_date cli_register_latest(const ta_register *r)
{
    ta_date latest = {1, 1, 1};
    for (size_t i = 0; i < ta_register_trust_count(r); i++) {
        ta_date d;
        if (ta_register_last_date(&d, r, i) == TA_OK && ta_date_compare(d, latest) > 0)
            latest = d;
    }
    return latest;
}

int cli_is_events_csv(const char *data, size_t len)
{
    /* The header's fields, compared without regard to ASCII case. */
    size_t k = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        k = 3;
    while (k < len && data[k] != '\n' && data[k] != '\r') {
        size_t start = k, n;
        while (k < len && data[k] != ',' && data[k] != '\n' && data[k] != '\r')
            k++;
        n = k - start;
        if (n >= 2 && data[start] == '"' && data[k - 1] == '"')
            start++, n -= 2;
        if (n == 5) {
            size_t j = 0;
            while (j < 5 && (data[start + j] | 0x20) == "event"[j])
                j++;
            if (j == 5)
                return 1;
        }
        if (k < len && data[k] == ',')
            k++;
    }
    return 0;
}

static void date_cell(cli_table *t, cli_cell *row, size_t col, ta_date d)
{
    char text[TA_DATE_TEXT_SIZE];
    if (d.year && ta_date_format(text, sizeof text, d) == TA_OK)
        cli_cell_date(t, row, col, text);
}

static int write_rows(const ta_register *r, ta_date on, const cli_output *o, cli_buf *out)
{
    static const char *const names[] = {"Trust_code", "Trust_name",      "Status",
                                        "Since",      "Next_review_due", "Reasons"};
    cli_table t;
    cli_table_init(&t, 6, names);
    for (size_t i = 0; i < ta_register_trust_count(r); i++) {
        int known = 0, ceased = 0, has_due = 0;
        ta_ft_status status = TA_NHS_TRUST;
        ta_date since, due;
        size_t needed = 0;
        char reasons[2048];
        cli_cell *row;
        /* Ceased: Since is the day it ceased, its last event (none may follow),
         * not the day it took the status it last held. */
        if (ta_register_status_on(&known, &status, &since, r, i, on) != TA_OK ||
            ta_register_ceased_on(&ceased, r, i, on) != TA_OK ||
            (ceased && ta_register_last_date(&since, r, i) != TA_OK) ||
            ta_register_review_due(&has_due, &due, r, i, on) != TA_OK ||
            ta_register_reasons(reasons, sizeof reasons, &needed, r, i, on) != TA_OK) {
            cli_table_free(&t);
            return cli_error(CLI_INPUT, "%s: %s", cmd, ta_register_error(r));
        }
        if (!(row = cli_table_add_row(&t)))
            break;
        cli_cell_text(&t, row, 0, ta_register_trust_code(r, i));
        cli_cell_text(&t, row, 1, ta_register_trust_name(r, i));
        if (known)
            cli_cell_text(&t, row, 2, ceased ? "Ceased" : ta_ft_status_name(status));
        if (known)
            date_cell(&t, row, 3, since);
        if (has_due)
            date_cell(&t, row, 4, due);
        cli_cell_text(&t, row, 5, reasons);
    }
    if (t.failed) {
        cli_table_free(&t);
        return cli_error(CLI_INPUT, "out of memory");
    }
    {
        static const char *const about[] = {
            "Status of each trust on the date asked for, from its dated events, by "
            "libtrustassess's register (see its documentation for the rules and their sources)."};
        cli_sheet sheet = {"Status", &t};
        int rc = cli_output_write(out, o, &sheet, 1, about, 1);
        cli_table_free(&t);
        return rc;
    }
}

int cli_status_run(int argc, char **argv)
{
    const char *file = NULL, *on_text = NULL;
    cli_output o;
    ta_register *r = NULL;
    ta_date on;
    cli_buf out = {0};
    int rc;
    cli_output_init(&o, cmd, CLI_FORMATS_TABULAR, CLI_FORMAT_CSV);
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i], *v = NULL;
        int m;
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            cli_status_help(stdout);
            return CLI_OK;
        }
        if ((m = cli_option_value(argc, argv, &i, "--on", &v)) != 0)
            on_text = v;
        else if (cli_output_option(&o, argc, argv, &i, &m)) {
            if (m != CLI_OK)
                return m;
            continue;
        } else if (cli_is_option(arg)) {
            return cli_usage_error(cmd, "unknown option \"%s\"", arg);
        } else {
            if (file)
                return cli_usage_error(cmd, "one EVENTS.csv only (\"%s\" is a second)", arg);
            file = arg;
            continue;
        }
        if (m < 0)
            return cli_usage_error(cmd, "%s needs a value", arg);
    }
    if (!file)
        return cli_usage_error(cmd, "no EVENTS.csv given ('-' reads standard input)");
    if ((rc = cli_output_check(&o)) != CLI_OK)
        return rc;
    if (on_text && ta_date_parse(&on, on_text, strlen(on_text)) != TA_OK)
        return cli_usage_error(cmd, "--on \"%s\" is not a date (YYYY-MM-DD)", on_text);
    if ((rc = cli_register_open(&r, cmd, file)) == CLI_OK) {
        if (!on_text)
            on = cli_register_latest(r);
        if ((rc = write_rows(r, on, &o, &out)) == CLI_OK)
            rc = cli_output_emit(&o, &out);
    }
    cli_buf_free(&out);
    ta_register_free(r);
    return rc;
}
