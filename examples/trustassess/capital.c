/*
 * trustassess capital: the route of capital schemes under the £100m rule.
 *
 * Three forms, all answered by the library (trustassess/capital.h):
 *
 *   capital PROPOSALS.csv   a portfolio read from a proposals file and checked
 *                           as a whole (parts sharing a scheme reference are
 *                           judged on their total); the output repeats the
 *                           input columns and adds Route, Approvers,
 *                           Documents, Headroom and Reasons.
 *   capital --status ...    one proposal from options, as a readable block.
 *   capital --rules-table   the rule set with every parameter's source.
 *
 * Every row error of a proposals file is reported (file, line, column) and
 * the exit status is 3; the output is written only with --keep-going, and
 * then holds the good rows. Headroom is written plain ("0.00", "-0.01") so
 * that it reads back as a number; the block shows amounts with "£" and
 * thousands separators. No rule lives here: the route, approvers, documents,
 * headroom and reasons are the library's, and so is the rule set.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "output.h"

#define CLI_CAPITAL_PRESET "capital-2025"

void cli_capital_help(FILE *out)
{
    fputs("usage: trustassess capital PROPOSALS.csv [--rules CSV] [--format F] [--bom]\n"
          "                          [--columns A,B] [--keep-going] [-o OUT]\n"
          "       trustassess capital --status STATUS --amount AMOUNT --savings AMOUNT\n"
          "                          [--funding F] [--distress D] [--deficit D]\n"
          "                          [--segment N] [--vat AMOUNT] [--date DATE]\n"
          "                          [--events EVENTS.csv --trust CODE]\n"
          "                          [--rules CSV] [--format F] [-o OUT]\n"
          "       trustassess capital PROPOSALS.csv --events EVENTS.csv ...\n"
          "       trustassess capital --rules-table [--rules CSV] [--format F] [-o OUT]\n"
          "\n"
          "Which route a capital scheme takes (light paperwork under £100m for advanced\n"
          "foundation trusts spending their own savings, else the standard route), who\n"
          "approves it, what documents it needs, the headroom under the light route,\n"
          "and every rule that decided it.\n"
          "\n"
          "PROPOSALS.csv ('-' = standard input) has the columns Scheme_ref, Trust_code,\n"
          "Trust_status, Amount, Funding, Own_savings_available (optional Scheme_name,\n"
          "NOF_segment, Financial_distress, VAT, Whole_life_cost; others are repeated).\n"
          "The output repeats the input columns and adds Route, Approvers, Documents,\n"
          "Headroom (pounds, two decimals; negative when over) and Reasons.\n"
          "\n"
          "  --rules CSV       a rules file (Parameter,Value,Source) over the built-in\n"
          "                    'capital-2025' rule set\n"
          "  --format F        csv (default; one proposal: a readable block), table,\n"
          "                    json (typed: Headroom a number), xlsx (money as currency)\n"
          "  --columns A,B     only these columns, in this order\n"
          "  --bom, --excel    start the CSV with a UTF-8 BOM, so that Excel reads it\n"
          "  --encoding E      PROPOSALS.csv is utf-8 (default) or windows-1252 (Excel's\n"
          "                    plain \"CSV (Comma delimited)\")\n"
          "  --keep-going      write the good rows even when some rows have errors: OUT\n"
          "                    is replaced by the good rows alone (the errors are still\n"
          "                    reported and the exit status is 3)\n"
          "  --status STATUS   one proposal: 'NHS trust', 'Foundation trust' or\n"
          "                    'Advanced foundation trust'\n"
          "  --amount AMOUNT   its amount: 99999999.99, £99,999,999.99, £100m, £1.5bn\n"
          "  --savings AMOUNT  its own savings available\n"
          "  --funding F       'Own savings' (default), 'National' or 'Mixed'\n"
          "  --distress D      yes, no or unknown (default): financial distress\n"
          "  --deficit D       yes, no or unknown (default): financial deficit\n"
          "  --segment N       the trust's NOF segment, 1 to 5 (default unknown)\n"
          "  --vat AMOUNT      VAT on the amount (counted when the rules say so)\n"
          "  --date DATE       the scheme's date (YYYY-MM-DD)\n"
          "  --events FILE     a status register (see trustassess help status): the\n"
          "                    trust's status on the scheme's date replaces the status\n"
          "                    given; with a file, rows with a Date take it; one\n"
          "                    proposal needs --trust and --date\n"
          "  --trust CODE      one proposal: the trust code (for --events)\n"
          "  --rules-table     print the rule set: Parameter, Value, Source, Description\n"
          "                    (the CSV form reads back with --rules)\n"
          "  -o OUT            write OUT atomically instead of standard output\n",
          out);
}

typedef struct capital_args {
    const char *file, *rules, *status, *amount, *savings, *funding;
    const char *distress, *deficit, *segment, *vat, *date, *events, *trust;
    cli_output output;
    int keep_going, rules_table;
} capital_args;

static int parse(capital_args *ca, int argc, char **argv)
{
    static const char cmd[] = "capital";
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i], *v = NULL;
        int m;
        if ((m = cli_option_value(argc, argv, &i, "--rules", &v)) != 0)
            ca->rules = v;
        else if (cli_output_option(&ca->output, argc, argv, &i, &m)) {
            if (m != CLI_OK)
                return m;
            continue;
        } else if ((m = cli_option_value(argc, argv, &i, "--status", &v)) != 0)
            ca->status = v;
        else if ((m = cli_option_value(argc, argv, &i, "--amount", &v)) != 0)
            ca->amount = v;
        else if ((m = cli_option_value(argc, argv, &i, "--savings", &v)) != 0)
            ca->savings = v;
        else if ((m = cli_option_value(argc, argv, &i, "--funding", &v)) != 0)
            ca->funding = v;
        else if ((m = cli_option_value(argc, argv, &i, "--distress", &v)) != 0)
            ca->distress = v;
        else if ((m = cli_option_value(argc, argv, &i, "--deficit", &v)) != 0)
            ca->deficit = v;
        else if ((m = cli_option_value(argc, argv, &i, "--segment", &v)) != 0)
            ca->segment = v;
        else if ((m = cli_option_value(argc, argv, &i, "--vat", &v)) != 0)
            ca->vat = v;
        else if ((m = cli_option_value(argc, argv, &i, "--date", &v)) != 0)
            ca->date = v;
        else if ((m = cli_option_value(argc, argv, &i, "--events", &v)) != 0)
            ca->events = v;
        else if ((m = cli_option_value(argc, argv, &i, "--trust", &v)) != 0)
            ca->trust = v;
        else if (strcmp(arg, "--keep-going") == 0) {
            ca->keep_going = 1;
            continue;
        } else if (strcmp(arg, "--rules-table") == 0) {
            ca->rules_table = 1;
            continue;
        } else if (cli_is_option(arg)) {
            return cli_usage_error(cmd, "unknown option \"%s\"", arg);
        } else {
            if (ca->file)
                return cli_usage_error(cmd, "one PROPOSALS.csv only (\"%s\" is a second)", arg);
            ca->file = arg;
            continue;
        }
        if (m < 0)
            return cli_usage_error(cmd, "%s needs a value", arg);
    }
    {
        int single = ca->status || ca->amount || ca->savings || ca->funding || ca->distress ||
                     ca->deficit || ca->segment || ca->vat || ca->date || ca->trust;
        if (ca->rules_table + single + (ca->file != NULL) > 1)
            return cli_usage_error(cmd, "give PROPOSALS.csv, one proposal (--status ...) or "
                                        "--rules-table, not more than one");
        if (single && !((ca->status || ca->events) && ca->amount && ca->savings))
            return cli_usage_error(cmd, "one proposal needs --status (or --events), --amount and "
                                        "--savings");
        if (single && ca->events && !(ca->trust && ca->date))
            return cli_usage_error(cmd, "--events with one proposal needs --trust and --date");
        /* --trust only names the trust to look up: alone it would be ignored. */
        if (ca->trust && !ca->events)
            return cli_usage_error(cmd, "--trust names the trust to look up in --events; give "
                                        "--events");
        if (ca->events && ca->rules_table)
            return cli_usage_error(cmd, "--events applies to proposals, not --rules-table");
        if (!ca->rules_table && !single && !ca->file)
            return cli_usage_error(cmd, "no PROPOSALS.csv given ('-' reads standard input)");
        if (ca->keep_going && !ca->file)
            return cli_usage_error(cmd, "--keep-going applies to a PROPOSALS.csv file");
    }
    return cli_output_check(&ca->output);
}

/* The built-in rule set, with the rules file read over it. */
static int make_rules(ta_capital_rules **out, const char *path)
{
    ta_status st;
    if (!path) {
        st = ta_capital_rules_preset(out, CLI_CAPITAL_PRESET, NULL);
        return st == TA_OK
                   ? CLI_OK
                   : cli_error(CLI_INPUT, "rule set %s: %s", CLI_CAPITAL_PRESET, ta_strerror(st));
    }
    if ((st = ta_capital_rules_new(out, path, NULL)) != TA_OK)
        return cli_error(CLI_INPUT, "%s: %s", path, ta_strerror(st));
    if (ta_capital_rules_read_file(*out, path) != TA_OK)
        return cli_error(CLI_INPUT, "%s", ta_capital_rules_error(*out));
    return CLI_OK;
}

static const char *const capital_about[] = {
    "Capital routes by the rule set shown with --rules-table; each rule's source is "
    "given there (NHS England and DHSC guidance on advanced foundation trusts)."};

/* ---- --rules-table ------------------------------------------------------ */

static int rules_table(const capital_args *ca, const ta_capital_rules *r, cli_buf *out)
{
    static const char *const names[] = {"Parameter", "Value", "Source", "Description"};
    cli_table t;
    cli_table_init(&t, 4, names);
    for (int k = 0; k < TA_CAPITAL_PARAM_COUNT; k++) {
        ta_capital_param p = (ta_capital_param)k;
        const char *source = NULL;
        char value[256];
        cli_cell *row;
        if (ta_capital_rules_get(NULL, &source, r, p) != TA_OK ||
            ta_capital_rules_value_text(value, sizeof value, r, p) != TA_OK) {
            cli_table_free(&t);
            return cli_error(CLI_INPUT, "%s", ta_capital_rules_error(r));
        }
        if (!(row = cli_table_add_row(&t)))
            break;
        cli_cell_text(&t, row, 0, ta_capital_param_name(p));
        cli_cell_text(&t, row, 1, value);
        cli_cell_text(&t, row, 2, source);
        cli_cell_text(&t, row, 3, ta_capital_param_description(p));
    }
    {
        cli_sheet sheet = {"Rules", &t};
        int rc = cli_output_write(out, &ca->output, &sheet, 1, capital_about, 1);
        cli_table_free(&t);
        return rc;
    }
}

/* ---- one proposal --------------------------------------------------------- */

static int parse_money(int64_t *pence, const char *option, const char *text)
{
    ta_status st = ta_money_parse(pence, text);
    if (st == TA_ERANGE)
        return cli_usage_error(
            "capital", "%s \"%s\" is negative, has fractional pence or is too large", option, text);
    if (st != TA_OK)
        return cli_usage_error("capital",
                               "%s \"%s\" is not an amount such as £99,999,999.99, "
                               "99999999.99 or £100m",
                               option, text);
    return CLI_OK;
}

static void block_money(cli_buf *b, const char *label, int64_t pence)
{
    char text[TA_MONEY_BUFSIZE];
    if (ta_money_format(text, sizeof text, pence, TA_MONEY_POUND | TA_MONEY_GROUPED) != TA_OK)
        snprintf(text, sizeof text, "?");
    cli_buf_printf(b, "%-11s%s\n", label, text);
}

/* Headroom as plain pounds ("0.00", "-0.01"); "" when the light route is closed. */
static int headroom_text(char *buf, size_t size, const ta_capital_proposal *p)
{
    int64_t largest, headroom;
    int has = 0;
    buf[0] = '\0';
    if (ta_capital_proposal_headroom(&has, &largest, &headroom, p) != TA_OK)
        return 0;
    if (has && ta_money_format(buf, size, headroom, TA_MONEY_PLAIN) != TA_OK)
        return 0;
    return 1;
}

/* One proposal as a one-row table (--format given): the block's fields typed. */
static int proposal_table(const capital_args *ca, const ta_capital_proposal *p, ta_ft_status status,
                          ta_capital_funding funding, int64_t amount, int64_t savings,
                          int64_t compared, const char *headroom, cli_buf *out)
{
    static const char *const names[] = {
        "Trust_status", "Funding", "Amount",    "Own_savings_available",
        "Compared",     "Route",   "Approvers", "Documents",
        "Headroom",     "Reasons"};
    const int64_t money[3] = {amount, savings, compared};
    cli_table t;
    cli_cell *row;
    int rc;
    cli_table_init(&t, 10, names);
    if ((row = cli_table_add_row(&t)) != NULL) {
        cli_cell_text(&t, row, 0, ta_ft_status_name(status));
        cli_cell_text(&t, row, 1, ta_capital_funding_name(funding));
        for (size_t k = 0; k < 3; k++) {
            char text[TA_MONEY_BUFSIZE];
            if (ta_money_format(text, sizeof text, money[k], TA_MONEY_PLAIN) == TA_OK)
                cli_cell_money(&t, row, 2 + k, text);
        }
        cli_cell_text(&t, row, 5, ta_capital_proposal_output(p, TA_OUT_ROUTE));
        cli_cell_list(&t, row, 6, ta_capital_proposal_output(p, TA_OUT_APPROVERS), "; ");
        cli_cell_list(&t, row, 7, ta_capital_proposal_output(p, TA_OUT_DOCUMENTS), "; ");
        cli_cell_money(&t, row, 8, headroom);
        cli_cell_list(&t, row, 9, ta_capital_proposal_output(p, TA_OUT_REASONS), " | ");
    }
    {
        cli_sheet sheet = {"Capital", &t};
        rc = cli_output_write(out, &ca->output, &sheet, 1, capital_about, 1);
    }
    cli_table_free(&t);
    return rc;
}

/* yes, no or unknown. */
static int parse_flag(ta_tristate *out, const char *option, const char *text)
{
    if (strcmp(text, "yes") == 0)
        *out = TA_YES;
    else if (strcmp(text, "no") == 0)
        *out = TA_NO;
    else if (strcmp(text, "unknown") == 0)
        *out = TA_UNKNOWN;
    else
        return cli_usage_error("capital", "%s must be yes, no or unknown, not \"%s\"", option,
                               text);
    return CLI_OK;
}

/* The finances, date and register options of one proposal. */
static int one_proposal_extras(const capital_args *ca, ta_capital_proposal *p)
{
    static const char cmd[] = "capital";
    ta_tristate distress = TA_UNKNOWN, deficit = TA_UNKNOWN;
    int rc;
    if ((ca->distress && (rc = parse_flag(&distress, "--distress", ca->distress)) != CLI_OK) ||
        (ca->deficit && (rc = parse_flag(&deficit, "--deficit", ca->deficit)) != CLI_OK))
        return rc;
    if (ta_capital_proposal_set_distress(p, distress) != TA_OK ||
        ta_capital_proposal_set_deficit(p, deficit) != TA_OK)
        return cli_error(CLI_INPUT, "%s", ta_capital_proposal_error(p));
    if (ca->segment) {
        if (strlen(ca->segment) != 1 || ca->segment[0] < '1' || ca->segment[0] > '5')
            return cli_usage_error(cmd, "--segment must be 1 to 5, not \"%s\"", ca->segment);
        (void)ta_capital_proposal_set_segment(p, ca->segment[0] - '0');
    }
    if (ca->vat) {
        int64_t vat;
        if ((rc = parse_money(&vat, "--vat", ca->vat)) != CLI_OK)
            return rc;
        (void)ta_capital_proposal_set_vat(p, vat);
    }
    if (ca->date) {
        ta_date d;
        if (ta_date_parse(&d, ca->date, strlen(ca->date)) != TA_OK)
            return cli_usage_error(cmd, "--date \"%s\" is not a date (YYYY-MM-DD)", ca->date);
        (void)ta_capital_proposal_set_date(p, d);
    }
    if (ca->events) {
        ta_register *reg = NULL;
        rc = cli_register_open(&reg, cmd, ca->events);
        if (rc == CLI_OK && ta_capital_proposal_apply_register(p, reg) != TA_OK)
            rc = cli_error(CLI_INPUT, "%s: %s", ca->events, ta_capital_proposal_error(p));
        ta_register_free(reg);
        return rc;
    }
    return CLI_OK;
}

static int one_proposal(const capital_args *ca, const ta_capital_rules *r, cli_buf *out)
{
    static const char cmd[] = "capital";
    ta_capital_proposal *p = NULL;
    ta_ft_status status = TA_NHS_TRUST;
    ta_capital_funding funding = TA_FUNDING_OWN_SAVINGS;
    int64_t amount, savings, compared = 0, largest, headroom;
    int has = 0, rc;
    char head[TA_MONEY_BUFSIZE];
    if (ca->status && ta_ft_status_parse(&status, ca->status) != TA_OK)
        return cli_usage_error(cmd,
                               "--status \"%s\" is not NHS trust, Foundation trust or Advanced "
                               "foundation trust",
                               ca->status);
    if (ca->funding && ta_capital_funding_parse(&funding, ca->funding) != TA_OK)
        return cli_usage_error(cmd, "--funding \"%s\" is not Own savings, National or Mixed",
                               ca->funding);
    if ((rc = parse_money(&amount, "--amount", ca->amount)) != CLI_OK ||
        (rc = parse_money(&savings, "--savings", ca->savings)) != CLI_OK)
        return rc;
    if (ca->trust && ta_capital_proposal_new(&p, ca->trust, "-", NULL) != TA_OK)
        return cli_usage_error(cmd, "--trust \"%s\" is not a trust code", ca->trust);
    if (!p && ta_capital_proposal_new(&p, "-", "-", NULL) != TA_OK)
        return cli_error(CLI_INPUT, "out of memory");
    if (ca->status)
        (void)ta_capital_proposal_set_status(p, status);
    if ((rc = one_proposal_extras(ca, p)) != CLI_OK) {
        ta_capital_proposal_free(p);
        return rc;
    }
    status = ta_capital_proposal_status(p); /* the register's, with --events */
    if (ta_capital_proposal_set_funding(p, funding) != TA_OK ||
        ta_capital_proposal_set_amount(p, amount) != TA_OK ||
        ta_capital_proposal_set_savings(p, savings) != TA_OK ||
        ta_capital_proposal_check(p, r) != TA_OK ||
        ta_capital_proposal_compared(&compared, p) != TA_OK ||
        ta_capital_proposal_headroom(&has, &largest, &headroom, p) != TA_OK ||
        !headroom_text(head, sizeof head, p)) {
        rc = cli_error(CLI_INPUT, "%s", ta_capital_proposal_error(p));
        ta_capital_proposal_free(p);
        return rc;
    }
    if (ca->output.format_given) {
        rc = proposal_table(ca, p, status, funding, amount, savings, compared, has ? head : NULL,
                            out);
        ta_capital_proposal_free(p);
        return rc;
    }
    cli_buf_printf(out, "%-11s%s\n", "Status:", ta_ft_status_name(status));
    cli_buf_printf(out, "%-11s%s\n", "Funding:", ta_capital_funding_name(funding));
    block_money(out, "Amount:", amount);
    block_money(out, "Savings:", savings);
    block_money(out, "Compared:", compared);
    cli_buf_printf(out, "%-11s%s\n", "Route:", ta_capital_proposal_output(p, TA_OUT_ROUTE));
    cli_buf_printf(out, "%-11s%s\n", "Approvers:", ta_capital_proposal_output(p, TA_OUT_APPROVERS));
    cli_buf_printf(out, "%-11s%s\n", "Documents:", ta_capital_proposal_output(p, TA_OUT_DOCUMENTS));
    cli_buf_printf(out, "%-11s%s\n", "Headroom:", has ? head : "none (light route closed)");
    cli_buf_puts(out, "Reasons:\n");
    for (size_t k = 0; k < ta_capital_proposal_reason_count(p); k++) {
        const char *id = NULL, *sentence = NULL;
        if (ta_capital_proposal_reason(&id, &sentence, p, k) == TA_OK)
            cli_buf_printf(out, "  %s: %s\n", id, sentence);
    }
    ta_capital_proposal_free(p);
    return CLI_OK;
}

/* ---- a proposals file ------------------------------------------------------ */

static const char *const added[] = {"Route", "Approvers", "Documents", "Headroom", "Reasons"};
enum { N_ADDED = 5 };

static int read_portfolio(ta_capital_portfolio *pf, const capital_args *ca)
{
    unsigned flags = ca->keep_going ? TA_CAPITAL_KEEP_GOING : 0u;
    ta_status st;
    size_t nerr;
    {
        /* Read whole and checked (or decoded) as text first: a file saved by
         * Excel as Windows-1252 is named as such, not as a bad amount. */
        cli_buf in = {0};
        int rc = cli_read_all_as(&in, ca->file, (cli_encoding)ca->output.encoding);
        if (rc != CLI_OK)
            return rc;
        st = ta_capital_portfolio_read_buffer(pf, in.data ? in.data : "", in.len,
                                              cli_input_name(ca->file), flags);
        cli_buf_free(&in);
    }
    nerr = ta_capital_portfolio_row_error_count(pf);
    for (size_t k = 0; k < nerr; k++) {
        const char *message = ta_capital_portfolio_row_error_message(pf, k);
        if (message)
            cli_error(CLI_INPUT, "%s", message);
    }
    if (st != TA_OK && nerr == 0)
        return cli_error(CLI_INPUT, "%s", ta_capital_portfolio_error(pf));
    return st != TA_OK || nerr > 0 ? CLI_INPUT : CLI_OK;
}

static int portfolio(const capital_args *ca, const ta_capital_rules *r, cli_buf *out)
{
    ta_capital_portfolio *pf = NULL;
    const char **names = NULL;
    size_t ncols, n;
    cli_table t;
    int rc, read_rc;
    if (ta_capital_portfolio_new(&pf, NULL) != TA_OK)
        return cli_error(CLI_INPUT, "out of memory");
    read_rc = read_portfolio(pf, ca);
    if (read_rc != CLI_OK && !ca->keep_going) {
        ta_capital_portfolio_free(pf);
        return read_rc;
    }
    if (ca->events) {
        ta_register *reg = NULL;
        rc = cli_register_open(&reg, "capital", ca->events);
        /* The message names the file, line and Date cell of the row. */
        if (rc == CLI_OK && ta_capital_portfolio_apply_register(pf, reg) != TA_OK)
            rc = cli_error(CLI_INPUT, "capital: %s", ta_capital_portfolio_error(pf));
        ta_register_free(reg);
        if (rc != CLI_OK) {
            ta_capital_portfolio_free(pf);
            return rc;
        }
    }
    /* --keep-going: a file that could not be read at all (a bad header, a CSV
     * syntax error) holds no rows either; there is nothing to write. */
    ncols = ta_capital_portfolio_column_count(pf);
    if (ncols == 0) {
        ta_capital_portfolio_free(pf);
        return read_rc;
    }
    if (ta_capital_portfolio_check(pf, r) != TA_OK) {
        rc = cli_error(CLI_INPUT, "%s", ta_capital_portfolio_error(pf));
        ta_capital_portfolio_free(pf);
        return rc;
    }
    if (!(names = malloc((ncols + N_ADDED) * sizeof *names))) {
        ta_capital_portfolio_free(pf);
        return cli_error(CLI_INPUT, "out of memory");
    }
    for (size_t c = 0; c < ncols; c++)
        names[c] = ta_capital_portfolio_column_name(pf, c);
    for (size_t c = 0; c < N_ADDED; c++)
        names[ncols + c] = added[c];
    cli_table_init(&t, ncols + N_ADDED, names);
    n = ta_capital_portfolio_count(pf);
    rc = CLI_OK;
    for (size_t i = 0; rc == CLI_OK && i < n; i++) {
        const ta_capital_proposal *p = ta_capital_portfolio_proposal(pf, i);
        char head[TA_MONEY_BUFSIZE];
        cli_cell *row = cli_table_add_row(&t);
        if (!row)
            break;
        for (size_t c = 0; c < ncols; c++)
            cli_cell_text(&t, row, c, ta_capital_portfolio_cell(pf, i, c));
        if (!headroom_text(head, sizeof head, p)) {
            rc = cli_error(CLI_INPUT, "%s", ta_capital_proposal_error(p));
            break;
        }
        cli_cell_text(&t, row, ncols + 0, ta_capital_proposal_output(p, TA_OUT_ROUTE));
        cli_cell_list(&t, row, ncols + 1, ta_capital_proposal_output(p, TA_OUT_APPROVERS), "; ");
        cli_cell_list(&t, row, ncols + 2, ta_capital_proposal_output(p, TA_OUT_DOCUMENTS), "; ");
        cli_cell_money(&t, row, ncols + 3, head);
        cli_cell_list(&t, row, ncols + 4, ta_capital_proposal_output(p, TA_OUT_REASONS), " | ");
    }
    if (rc == CLI_OK) {
        cli_sheet sheet = {"Capital", &t};
        rc = cli_output_write(out, &ca->output, &sheet, 1, capital_about, 1);
    }
    cli_table_free(&t);
    free(names);
    ta_capital_portfolio_free(pf);
    return rc == CLI_OK ? read_rc : rc;
}

int cli_capital_run(int argc, char **argv)
{
    capital_args ca = {0};
    ta_capital_rules *r = NULL;
    cli_buf out = {0};
    int rc;
    for (int i = 0; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            cli_capital_help(stdout);
            return CLI_OK;
        }
    cli_output_init(&ca.output, "capital", CLI_FORMATS_TABULAR, CLI_FORMAT_CSV);
    if ((rc = parse(&ca, argc, argv)) != CLI_OK)
        return rc;
    if ((rc = make_rules(&r, ca.rules)) != CLI_OK)
        goto done;
    if (ca.rules_table)
        rc = rules_table(&ca, r, &out);
    else if (ca.file)
        rc = portfolio(&ca, r, &out);
    else
        rc = one_proposal(&ca, r, &out);
    /* With --keep-going the good rows are written although rows had errors. */
    if (rc == CLI_OK || (rc == CLI_INPUT && ca.keep_going && out.len > 0)) {
        int emit_rc = cli_output_emit(&ca.output, &out);
        if (emit_rc != CLI_OK)
            rc = emit_rc;
    }
done:
    cli_buf_free(&out);
    ta_capital_rules_free(r);
    return rc;
}
