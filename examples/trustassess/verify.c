/*
 * trustassess verify: check a published file's figures against the method.
 *
 * The library's ta_verification recomputes the published results step by step
 * and end to end and gives a verdict per difference; this file only lays its
 * answers out: agreement per quarter, figure and mode, then every difference
 * with both values, the verdict and the library's reason, then the published
 * figures that are not checked. The exit status is the verification's: 0 when
 * every difference is explained by rounding (or there is none), 1 otherwise.
 *
 * text and json have three sections; csv is one table whose Section column
 * says which (summary, difference, unchecked), so it stays one valid CSV file.
 */
#include <string.h>

#include "cli.h"
#include "output.h"

void cli_verify_help(FILE *out)
{
    fputs("usage: trustassess verify FILE... [--quarter Q] [--framework CSV]\n"
          "                         [--format table|csv|json|xlsx] [--bom] [-o OUT]\n"
          "\n"
          "Recompute the published figures of the FILEs ('-' = standard input; data and\n"
          "league-table files of any trust types, merged by quarter): domain scores\n"
          "(OF4000-OF4005), the average (OF5002), the unadjusted, adjusted and final\n"
          "segments (OF5003, OF5000, OF5005) and the league rank (OF5000's Rank column),\n"
          "step by step (each rule on the published figures of the step before) and end\n"
          "to end (from the published metric scores). A difference is 'explained' when\n"
          "rounding of the published 2-decimal inputs accounts for it.\n"
          "\n"
          "  --quarter Q       only quarter Q (as for league)\n"
          "  --framework CSV   a framework catalogue file instead of the built-in preset\n"
          "  --format F        table (default; also 'text'), csv (one table, its Section\n"
          "                    column says which part), json, xlsx (a sheet per part)\n"
          "  --bom, --excel    start the CSV with a UTF-8 BOM, so that Excel reads it\n"
          "  --encoding E      the input is utf-8 (default) or windows-1252 (Excel's\n"
          "                    plain \"CSV (Comma delimited)\")\n"
          "  -o OUT            write OUT atomically instead of standard output\n"
          "\n"
          "Exit status 0 when every figure agrees or differs only as rounding explains,\n"
          "1 when a difference is unexplained.\n",
          out);
}

static const char *mode_text(ta_verify_mode m)
{
    return m == TA_STEP_BY_STEP ? "step-by-step" : "end-to-end";
}

static const char *verdict_text(ta_verdict v)
{
    return v == TA_AGREES ? "agrees" : v == TA_EXPLAINED ? "explained" : "unexplained";
}

static const char *const summary_cols[] = {"Quarter", "Figure",    "Mode",       "Checked",
                                           "Agreed",  "Explained", "Unexplained"};
static const char *const diff_cols[] = {"Quarter",   "Trust_code", "Figure",  "Mode",
                                        "Published", "Computed",   "Verdict", "Reason"};
static const char *const unchecked_cols[] = {"Quarter", "Figure", "Count", "Reason"};
static const char *const all_cols[] = {
    "Section",   "Quarter",     "Figure",      "Mode",      "Trust_code", "Checked", "Agreed",
    "Explained", "Unexplained", "Not_checked", "Published", "Computed",   "Verdict", "Reason"};
enum {
    A_SECTION,
    A_QUARTER,
    A_FIGURE,
    A_MODE,
    A_TRUST,
    A_CHECKED,
    A_AGREED,
    A_EXPLAINED,
    A_UNEXPLAINED,
    A_NOT_CHECKED,
    A_PUBLISHED,
    A_COMPUTED,
    A_VERDICT,
    A_REASON,
    A_N
};

typedef struct report {
    cli_table summary, diffs, unchecked, all;
    size_t totals[2][4]; /* per mode: checked, agreed, explained, unexplained */
    size_t not_checked;  /* published figures no check read */
} report;

static void fill(report *r, const ta_verification *v)
{
    for (size_t k = 0; k < ta_verification_summary_count(v); k++) {
        const char *period = ta_verification_summary_period(v, k);
        const char *figure = ta_verification_summary_figure(v, k);
        ta_verify_mode mode;
        size_t checked, agreed, explained, unexplained;
        cli_cell *s, *a;
        if (ta_verification_summary_mode(&mode, v, k) != TA_OK ||
            ta_verification_summary_counts(&checked, &agreed, &explained, v, k) != TA_OK)
            continue;
        unexplained = checked - agreed - explained;
        if (mode != TA_STEP_BY_STEP && mode != TA_END_TO_END)
            continue;
        r->totals[mode][0] += checked;
        r->totals[mode][1] += agreed;
        r->totals[mode][2] += explained;
        r->totals[mode][3] += unexplained;
        if ((s = cli_table_add_row(&r->summary)) != NULL) {
            cli_cell_text(&r->summary, s, 0, period);
            cli_cell_text(&r->summary, s, 1, figure);
            cli_cell_text(&r->summary, s, 2, mode_text(mode));
            cli_cell_int(&r->summary, s, 3, (long long)checked);
            cli_cell_int(&r->summary, s, 4, (long long)agreed);
            cli_cell_int(&r->summary, s, 5, (long long)explained);
            cli_cell_int(&r->summary, s, 6, (long long)unexplained);
        }
        if ((a = cli_table_add_row(&r->all)) != NULL) {
            cli_cell_text(&r->all, a, A_SECTION, "summary");
            cli_cell_text(&r->all, a, A_QUARTER, period);
            cli_cell_text(&r->all, a, A_FIGURE, figure);
            cli_cell_text(&r->all, a, A_MODE, mode_text(mode));
            cli_cell_int(&r->all, a, A_CHECKED, (long long)checked);
            cli_cell_int(&r->all, a, A_AGREED, (long long)agreed);
            cli_cell_int(&r->all, a, A_EXPLAINED, (long long)explained);
            cli_cell_int(&r->all, a, A_UNEXPLAINED, (long long)unexplained);
        }
    }
    for (size_t k = 0; k < ta_verification_difference_count(v); k++) {
        const char *period = ta_verification_difference_period(v, k);
        const char *code = ta_verification_difference_trust_code(v, k);
        const char *figure = ta_verification_difference_figure(v, k);
        const char *reason = ta_verification_difference_reason(v, k);
        ta_verify_mode mode;
        ta_verdict verdict;
        double published, computed;
        cli_cell *d, *a;
        if (ta_verification_difference_mode(&mode, v, k) != TA_OK ||
            ta_verification_difference_values(&published, &computed, v, k) != TA_OK ||
            ta_verification_difference_verdict(&verdict, v, k) != TA_OK)
            continue;
        if ((d = cli_table_add_row(&r->diffs)) != NULL) {
            cli_cell_text(&r->diffs, d, 0, period);
            cli_cell_text(&r->diffs, d, 1, code);
            cli_cell_text(&r->diffs, d, 2, figure);
            cli_cell_text(&r->diffs, d, 3, mode_text(mode));
            cli_cell_short(&r->diffs, d, 4, published);
            cli_cell_short(&r->diffs, d, 5, computed);
            cli_cell_text(&r->diffs, d, 6, verdict_text(verdict));
            cli_cell_text(&r->diffs, d, 7, reason);
        }
        if ((a = cli_table_add_row(&r->all)) != NULL) {
            cli_cell_text(&r->all, a, A_SECTION, "difference");
            cli_cell_text(&r->all, a, A_QUARTER, period);
            cli_cell_text(&r->all, a, A_FIGURE, figure);
            cli_cell_text(&r->all, a, A_MODE, mode_text(mode));
            cli_cell_text(&r->all, a, A_TRUST, code);
            cli_cell_short(&r->all, a, A_PUBLISHED, published);
            cli_cell_short(&r->all, a, A_COMPUTED, computed);
            cli_cell_text(&r->all, a, A_VERDICT, verdict_text(verdict));
            cli_cell_text(&r->all, a, A_REASON, reason);
        }
    }
    for (size_t k = 0; k < ta_verification_unchecked_count(v); k++) {
        const char *period, *figure;
        size_t count;
        cli_cell *u, *a;
        const char *reason = ta_verification_unchecked_reason(v, k);
        if (ta_verification_unchecked(&period, &figure, &count, v, k) != TA_OK)
            continue;
        r->not_checked += count;
        if ((u = cli_table_add_row(&r->unchecked)) != NULL) {
            cli_cell_text(&r->unchecked, u, 0, period);
            cli_cell_text(&r->unchecked, u, 1, figure);
            cli_cell_int(&r->unchecked, u, 2, (long long)count);
            cli_cell_text(&r->unchecked, u, 3, reason);
        }
        if ((a = cli_table_add_row(&r->all)) != NULL) {
            cli_cell_text(&r->all, a, A_SECTION, "unchecked");
            cli_cell_text(&r->all, a, A_QUARTER, period);
            cli_cell_text(&r->all, a, A_FIGURE, figure);
            cli_cell_int(&r->all, a, A_NOT_CHECKED, (long long)count);
            cli_cell_text(&r->all, a, A_REASON, reason);
        }
    }
}

static void write_text(cli_buf *b, const report *r, const ta_verification *v, int ok)
{
    cli_table_write(b, &r->summary, CLI_FORMAT_TABLE);
    cli_buf_puts(b, "\nDifferences:");
    if (r->diffs.nrows == 0) {
        cli_buf_puts(b, " none\n");
    } else {
        cli_buf_puts(b, "\n");
        cli_table_write(b, &r->diffs, CLI_FORMAT_TABLE);
    }
    cli_buf_puts(b, "\nNot checked:");
    if (r->unchecked.nrows == 0) {
        cli_buf_puts(b, " none\n");
    } else {
        cli_buf_puts(b, "\n");
        cli_table_write(b, &r->unchecked, CLI_FORMAT_TABLE);
    }
    if (ta_verification_note_count(v) > 0) {
        cli_buf_puts(b, "\nNotes (unrounded scores):\n");
        for (size_t k = 0; k < ta_verification_note_count(v); k++)
            cli_buf_printf(b, "  %s\n", ta_verification_note(v, k));
    }
    cli_buf_puts(b, "\n");
    for (int m = 0; m < 2; m++)
        cli_buf_printf(b, "%s: %zu checked, %zu agree, %zu explained, %zu unexplained\n",
                       m == TA_STEP_BY_STEP ? "Step by step" : "End to end", r->totals[m][0],
                       r->totals[m][1], r->totals[m][2], r->totals[m][3]);
    cli_buf_printf(b, "Not checked: %zu published figures (see the table above for why)\n",
                   r->not_checked);
    if (!ok)
        cli_buf_puts(b, "Result: some differences are not explained by rounding\n");
    else if (r->not_checked > 0)
        cli_buf_puts(b, "Result: every figure checked agrees or differs only as rounding "
                        "explains; the figures not checked are listed above\n");
    else
        cli_buf_puts(b, "Result: every figure agrees or differs only as rounding explains\n");
}

static void write_json(cli_buf *b, const report *r, int ok)
{
    cli_buf_printf(b, "{\"result\": \"%s\",\n\"summary\": ", ok ? "ok" : "unexplained");
    cli_table_write(b, &r->summary, CLI_FORMAT_JSON);
    cli_buf_puts(b, ",\n\"differences\": ");
    cli_table_write(b, &r->diffs, CLI_FORMAT_JSON);
    cli_buf_puts(b, ",\n\"unchecked\": ");
    cli_table_write(b, &r->unchecked, CLI_FORMAT_JSON);
    cli_buf_puts(b, "}\n");
}

int cli_verify_run(int argc, char **argv)
{
    static const char cmd[] = "verify";
    const char *quarter = NULL, *framework = NULL;
    cli_files files = {0};
    const char *period = NULL;
    cli_output o;
    cli_input in = {0};
    ta_verification *v = NULL;
    report r;
    cli_buf out = {0};
    int rc, ok;
    cli_output_init(&o, cmd, CLI_FORMATS_TABULAR, CLI_FORMAT_TABLE);
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i], *val = NULL;
        int m;
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            cli_verify_help(stdout);
            return CLI_OK;
        }
        if ((m = cli_option_value(argc, argv, &i, "--quarter", &val)) != 0)
            quarter = val;
        else if ((m = cli_option_value(argc, argv, &i, "--framework", &val)) != 0)
            framework = val;
        else if (cli_output_option(&o, argc, argv, &i, &m)) {
            if (m != CLI_OK)
                return m;
            continue;
        } else if (cli_is_option(arg)) {
            return cli_usage_error(cmd, "unknown option \"%s\"", arg);
        } else {
            if ((rc = cli_files_add(&files, cmd, arg)) != CLI_OK)
                return rc;
            continue;
        }
        if (m < 0)
            return cli_usage_error(cmd, "%s needs a value", arg);
    }
    if (files.n == 0)
        return cli_usage_error(cmd, "no FILE given ('-' reads standard input)");
    if ((rc = cli_output_check(&o)) != CLI_OK)
        return rc;
    if (o.columns && o.format != CLI_FORMAT_CSV)
        return cli_usage_error(cmd, "--columns applies to --format csv (one table)");
    cli_table_init(&r.summary, 7, summary_cols);
    cli_table_init(&r.diffs, 8, diff_cols);
    cli_table_init(&r.unchecked, 4, unchecked_cols);
    r.not_checked = 0;
    cli_table_init(&r.all, A_N, all_cols);
    memset(r.totals, 0, sizeof r.totals);
    in.encoding = (cli_encoding)o.encoding;
    if ((rc = cli_input_open(&in, cmd, &files, framework)) != CLI_OK)
        goto done;
    if (quarter && (rc = cli_find_period(&period, &in, cmd, quarter)) != CLI_OK)
        goto done;
    if (ta_verification_new(&v, in.file, NULL) != TA_OK) {
        rc = cli_error(CLI_INPUT, "out of memory");
        goto done;
    }
    if (ta_verification_run(v, period) != TA_OK) {
        rc = cli_error(CLI_INPUT, "%s", ta_verification_error(v));
        goto done;
    }
    ok = ta_verification_status(v) == TA_OK;
    fill(&r, v);
    if (o.format == CLI_FORMAT_CSV) {
        cli_sheet all = {"Verification", &r.all};
        rc = cli_output_write(&out, &o, &all, 1, NULL, 0);
    } else if (o.format == CLI_FORMAT_XLSX) {
        cli_sheet sheets[3] = {
            {"Summary", &r.summary}, {"Differences", &r.diffs}, {"Not checked", &r.unchecked}};
        rc =
            cli_output_write(&out, &o, sheets, 3, cli_nhse_attribution, cli_nhse_attribution_count);
    } else if (o.format == CLI_FORMAT_JSON) {
        write_json(&out, &r, ok);
    } else {
        write_text(&out, &r, v, ok);
    }
    if (r.summary.failed || r.diffs.failed || r.unchecked.failed || r.all.failed)
        out.failed = 1;
    if (rc == CLI_OK)
        rc = cli_output_emit(&o, &out);
    if (rc == CLI_OK && !ok)
        rc = CLI_DIFFER;
done:
    cli_buf_free(&out);
    cli_table_free(&r.summary);
    cli_table_free(&r.diffs);
    cli_table_free(&r.unchecked);
    cli_table_free(&r.all);
    ta_verification_free(v);
    cli_input_close(&in);
    return rc;
}
