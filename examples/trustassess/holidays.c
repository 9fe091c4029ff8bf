/*
 * trustassess holidays: the bank holidays of England and Wales, as days off.
 *
 * A table of Date and Name, one row per day off of each year asked for, in
 * date order, exactly as ta_holidays_list gives them: a holiday that falls on a
 * weekend appears once, on its substitute weekday, named "... (substitute
 * day)", as GOV.UK lists them; the built-in one-off proclamations (2002, 2011,
 * 2012, 2020, 2022, 2023 and earlier) are included. The rules live in the
 * library (docs/review.md); this file only parses the years and writes the
 * table in the format asked for (CSV with a header row by default).
 */
#include <string.h>

#include "cli.h"
#include "output.h"

void cli_holidays_help(FILE *out)
{
    fprintf(out,
            "usage: trustassess holidays YEAR [YEAR2] [--format csv|table|json|xlsx] [--bom]\n"
            "                            [--columns A,B] [-o OUT]\n"
            "\n"
            "The days off for the bank holidays of England and Wales in YEAR (or YEAR to\n"
            "YEAR2), columns Date (YYYY-MM-DD) and Name, as GOV.UK lists them: a holiday on a\n"
            "weekend is listed once, on its substitute weekday, named '(substitute day)'.\n"
            "One-off proclamations (2002, 2011, 2012, 2020, 2022, 2023, ...) are included.\n"
            "Years %d to %d.\n"
            "\n"
            "  --format F        csv (default), table, json, xlsx (dates as dates)\n"
            "  --columns A,B     only these columns\n"
            "  --bom, --excel    start the CSV with a UTF-8 BOM, so that Excel reads it\n"
            "  -o OUT            write OUT atomically instead of standard output\n",
            TA_HOLIDAYS_FIRST_YEAR, TA_HOLIDAYS_LAST_YEAR);
}

/* A year argument: 1 to 4 decimal digits, nothing else. */
static int parse_year(int32_t *year, const char *text)
{
    size_t n = strlen(text);
    int32_t y = 0;
    if (n == 0 || n > 4)
        return 0;
    for (size_t k = 0; k < n; k++) {
        if (text[k] < '0' || text[k] > '9')
            return 0;
        y = y * 10 + (text[k] - '0');
    }
    *year = y;
    return 1;
}

int cli_holidays_run(int argc, char **argv)
{
    static const char cmd[] = "holidays";
    static const char *const names[] = {"Date", "Name"};
    const char *years[2] = {NULL, NULL};
    cli_output o;
    cli_table t;
    int32_t from, to;
    size_t nyears = 0;
    ta_holidays *h = NULL;
    cli_buf out = {0};
    int rc = CLI_OK;
    cli_output_init(&o, cmd, CLI_FORMATS_TABULAR, CLI_FORMAT_CSV);
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];
        int m;
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            cli_holidays_help(stdout);
            return CLI_OK;
        }
        if (cli_output_option(&o, argc, argv, &i, &m)) {
            if (m != CLI_OK)
                return m;
        } else if (cli_is_option(arg)) {
            return cli_usage_error(cmd, "unknown option \"%s\"", arg);
        } else {
            if (nyears == 2)
                return cli_usage_error(cmd, "give YEAR or YEAR YEAR2 (\"%s\" is a third)", arg);
            years[nyears++] = arg;
        }
    }
    if (nyears == 0)
        return cli_usage_error(cmd, "no YEAR given");
    if (!parse_year(&from, years[0]))
        return cli_usage_error(cmd, "YEAR \"%s\" is not a year", years[0]);
    to = from;
    if (nyears == 2 && !parse_year(&to, years[1]))
        return cli_usage_error(cmd, "YEAR2 \"%s\" is not a year", years[1]);
    if (to < from)
        return cli_usage_error(cmd, "YEAR2 %d is before YEAR %d", (int)to, (int)from);
    if (from < TA_HOLIDAYS_FIRST_YEAR || to > TA_HOLIDAYS_LAST_YEAR)
        return cli_usage_error(cmd, "years must lie in %d to %d", TA_HOLIDAYS_FIRST_YEAR,
                               TA_HOLIDAYS_LAST_YEAR);
    if ((rc = cli_output_check(&o)) != CLI_OK)
        return rc;
    if (ta_holidays_new(&h, NULL) != TA_OK)
        return cli_error(CLI_INPUT, "out of memory");
    cli_table_init(&t, 2, names);
    for (int32_t y = from; rc == CLI_OK && y <= to; y++) {
        size_t count = 0;
        if (ta_holidays_list(&count, h, y) != TA_OK) {
            rc = cli_error(CLI_INPUT, "%d: %s", (int)y, ta_holidays_error(h));
            break;
        }
        for (size_t k = 0; k < count; k++) {
            ta_date d;
            const char *name = NULL;
            char text[TA_DATE_TEXT_SIZE];
            cli_cell *row;
            if (ta_holidays_entry(&d, &name, h, k) != TA_OK ||
                ta_date_format(text, sizeof text, d) != TA_OK) {
                rc = cli_error(CLI_INPUT, "%d: %s", (int)y, ta_holidays_error(h));
                break;
            }
            if ((row = cli_table_add_row(&t)) != NULL) {
                cli_cell_date(&t, row, 0, text);
                cli_cell_text(&t, row, 1, name);
            }
        }
    }
    if (rc == CLI_OK) {
        static const char *const about[] = {
            "Bank holidays of England and Wales by the rules of the Banking and Financial "
            "Dealings Act 1971 and the proclamations listed at gov.uk/bank-holidays "
            "(Open Government Licence v3.0)."};
        cli_sheet sheet = {"Holidays", &t};
        rc = cli_output_write(&out, &o, &sheet, 1, about, 1);
    }
    if (rc == CLI_OK)
        rc = cli_output_emit(&o, &out);
    cli_buf_free(&out);
    cli_table_free(&t);
    ta_holidays_free(h);
    return rc;
}
