/*
 * trustassess league: the league tables of published NOF files.
 *
 * The library's league object (ta_league) does the work: each quarter x trust
 * type is its own assessment, ranked separately, with one set of cut-offs per
 * quarter; rows come by quarter (file order), trust type (byte order), then
 * league order. The columns are those of NHS England's published league table
 * (issue 3 fixes them: other programs read them), so the output can be
 * compared with the published table cell by cell; --detail appends the
 * figures behind each row. This file only copies the library's cells out.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "output.h"

void cli_league_help(FILE *out)
{
    fputs("usage: trustassess league FILE... [--quarter Q] [--trust-type T] [--cutoffs SPEC]\n"
          "                         [--from-values] [--framework CSV]\n"
          "                         [--format F] [--columns A,B] [--bom] [--detail]\n"
          "                         [-o OUT]\n"
          "                         [--likely-ranges [--replicates N] [--seed S] [--threads T]]\n"
          "\n"
          "League tables of NHS England's published NOF files ('-' = standard input):\n"
          "data files and league-table files, any trust types, merged by quarter; one\n"
          "table per quarter and trust type, each ranked separately, with one set of\n"
          "cut-offs per quarter.\n"
          "\n"
          "  --quarter Q       only quarter Q: the Quarter column's text (\"Q4 2025/26\"),\n"
          "                    or its first word (\"Q4\") when only one year has it\n"
          "  --trust-type T    only trust type T (the Trust_type column's text)\n"
          "  --cutoffs SPEC    segment cut-offs: A,B,C (numbers), 'published' (read off\n"
          "                    the published averages and segments of every FILE),\n"
          "                    'quartiles' (QUARTILE.INC of the quarter's rounded\n"
          "                    averages, all trust types pooled), 'quartiles-by-type'\n"
          "                    (each type's own), or 'fixed' (the framework's fixed\n"
          "                    thresholds); default 'published', an error when the\n"
          "                    quarter has no published segments\n"
          "  --from-values     score metrics from the raw values (OF0xxx) instead of the\n"
          "                    published scores (OF1xxx)\n"
          "  --framework CSV   a framework catalogue file instead of the built-in preset\n"
          "                    (start from 'trustassess framework --dump nof-2025-26')\n"
          "  --format F        csv (default; the published table's columns), table (fits\n"
          "                    the terminal, empty columns left out), json (typed),\n"
          "                    xlsx (an Excel workbook; with -o), html (a page with a\n"
          "                    caterpillar plot per quarter and trust type and the table\n"
          "                    beneath), svg (the plots alone)\n"
          "  --columns A,B     only these columns, in this order\n"
          "  --bom, --excel    start the CSV with a UTF-8 BOM, so that Excel reads it\n"
          "  --encoding E      the input is utf-8 (default) or windows-1252 (Excel's\n"
          "                    plain \"CSV (Comma delimited)\")\n"
          "  --detail          add unadjusted and final segments, domain scores, reason,\n"
          "                    and each cut-off with the interval the published segments\n"
          "                    put it in and the trusts that bound it\n"
          "  --likely-ranges   fill the likely-range columns by bootstrap: each trust's\n"
          "                    metric scores resampled (default 10000 replicates, seed 1,\n"
          "                    1 thread; the same seed gives the same ranges on any number\n"
          "                    of threads), central 95% of the replicates\n"
          "  -o OUT            write OUT atomically instead of standard output\n",
          out);
}

typedef struct league_args {
    cli_files files;
    const char *quarter, *type, *framework;
    cli_output output;
    int detail;
    int likely;     /* --likely-ranges */
    int seed_given; /* --seed (0 is a seed like any other) */
    unsigned long long replicates, seed, threads;
} league_args;

/* A whole-number option value within [min, max]. */
static int parse_count(unsigned long long *out, const char *option, const char *text,
                       unsigned long long min, unsigned long long max)
{
    char *end = NULL;
    unsigned long long v;
    if (!text[0] || text[0] == '-' || text[0] == '+')
        return cli_usage_error("league", "%s needs a whole number, not \"%s\"", option, text);
    errno = 0;
    v = strtoull(text, &end, 10);
    /* strtoull answers ULLONG_MAX with ERANGE for a larger number: refused, not clamped */
    if (*end || errno == ERANGE || v < min || v > max)
        return cli_usage_error("league", "%s must be a whole number from %llu to %llu, not \"%s\"",
                               option, min, max, text);
    *out = v;
    return CLI_OK;
}

static int parse(league_args *la, cli_input *in, int argc, char **argv)
{
    static const char cmd[] = "league";
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i], *v = NULL;
        int m;
        if ((m = cli_option_value(argc, argv, &i, "--quarter", &v)) != 0)
            la->quarter = v;
        else if ((m = cli_option_value(argc, argv, &i, "--trust-type", &v)) != 0)
            la->type = v;
        else if ((m = cli_option_value(argc, argv, &i, "--framework", &v)) != 0)
            la->framework = v;
        else if (cli_output_option(&la->output, argc, argv, &i, &m)) {
            if (m != CLI_OK)
                return m;
            continue;
        } else if ((m = cli_option_value(argc, argv, &i, "--cutoffs", &v)) != 0) {
            int rc;
            if (m > 0 && (rc = cli_cutoffs_parse(&in->cutoffs, cmd, v)) != CLI_OK)
                return rc;
        } else if (strcmp(arg, "--from-values") == 0) {
            in->source = TA_FROM_VALUES;
            continue;
        } else if ((m = cli_option_value(argc, argv, &i, "--replicates", &v)) != 0) {
            int rc;
            if (m > 0 && (rc = parse_count(&la->replicates, arg, v, 1, 10000000)) != CLI_OK)
                return rc;
        } else if ((m = cli_option_value(argc, argv, &i, "--seed", &v)) != 0) {
            int rc;
            if (m > 0 && (rc = parse_count(&la->seed, arg, v, 0, UINT64_MAX)) != CLI_OK)
                return rc;
            la->seed_given = 1;
        } else if ((m = cli_option_value(argc, argv, &i, "--threads", &v)) != 0) {
            int rc;
            if (m > 0 && (rc = parse_count(&la->threads, arg, v, 1, 256)) != CLI_OK)
                return rc;
        } else if (strcmp(arg, "--likely-ranges") == 0) {
            la->likely = 1;
            continue;
        } else if (strcmp(arg, "--detail") == 0) {
            la->detail = 1;
            continue;
        } else if (cli_is_option(arg)) {
            return cli_usage_error(cmd, "unknown option \"%s\"", arg);
        } else {
            int rc;
            if ((rc = cli_files_add(&la->files, cmd, arg)) != CLI_OK)
                return rc;
            continue;
        }
        if (m < 0)
            return cli_usage_error(cmd, "%s needs a value", arg);
    }
    if (la->files.n == 0)
        return cli_usage_error(cmd, "no FILE given ('-' reads standard input)");
    if (!la->likely && (la->replicates || la->seed_given || la->threads))
        return cli_usage_error(cmd, "--replicates, --seed and --threads go with --likely-ranges");
    return cli_output_check(&la->output);
}

/* The library's cells, as the command's typed cells. */
static void add_rows(cli_table *t, const ta_league *l, size_t ncols, int decimals)
{
    for (size_t r = 0; r < ta_league_row_count(l); r++) {
        cli_cell *row = cli_table_add_row(t);
        if (!row)
            return;
        for (size_t c = 0; c < ncols; c++) {
            ta_column_kind kind = TA_COLUMN_TEXT;
            const char *text = ta_league_cell(l, r, c);
            int has = 0;
            double lo = 0, hi = 0;
            ta_league_column(NULL, &kind, c);
            ta_league_cell_number(&has, &lo, &hi, l, r, c);
            if (!has)
                cli_cell_text(t, row, c, text);
            else if (kind == TA_COLUMN_YES_NO)
                cli_cell_bool(t, row, c, lo != 0, text);
            else if (kind == TA_COLUMN_RANGE)
                cli_cell_range(t, row, c, text, lo, hi);
            else if (kind == TA_COLUMN_DECIMAL)
                cli_cell_decimal(t, row, c, lo, decimals);
            else
                cli_cell_int(t, row, c, (long long)lo);
        }
    }
}

/* Each quarter's cut-offs (its first block's), for the picture. */
static int picture_cutoffs(cli_league_cutoffs **sets, size_t *nsets, const ta_league *l)
{
    size_t nb = ta_league_block_count(l);
    if (!(*sets = calloc(nb ? nb : 1, sizeof **sets)))
        return cli_error(CLI_INPUT, "out of memory");
    for (size_t b = 0; b < nb; b++) {
        const char *quarter = NULL;
        const ta_assessment *a = NULL;
        cli_league_cutoffs *c = &(*sets)[*nsets];
        ta_league_block(&quarter, NULL, &a, l, b);
        if (*nsets > 0 && strcmp((*sets)[*nsets - 1].period, quarter) == 0)
            continue;
        c->period = quarter;
        ta_assessment_cutoffs(c->values, CLI_MAX_CUTOFFS, &c->n, a);
        if (c->n > CLI_MAX_CUTOFFS)
            c->n = CLI_MAX_CUTOFFS;
        (*nsets)++;
    }
    return CLI_OK;
}

int cli_league_run(int argc, char **argv)
{
    league_args la = {0};
    cli_input in = {0};
    cli_table t;
    cli_buf out = {0};
    ta_league *l = NULL;
    const char *names[32];
    size_t ncols, nsets = 0;
    cli_league_cutoffs *sets = NULL;
    int rc;
    for (int i = 0; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            cli_league_help(stdout);
            return CLI_OK;
        }
    cli_output_init(&la.output, "league",
                    CLI_FORMATS_TABULAR | (1u << CLI_FORMAT_HTML) | (1u << CLI_FORMAT_SVG),
                    CLI_FORMAT_CSV);
    if ((rc = parse(&la, &in, argc, argv)) != CLI_OK)
        return rc;
    in.encoding = (cli_encoding)la.output.encoding;
    ncols = la.detail ? ta_league_column_count() : TA_LEAGUE_PLAIN_COLUMNS;
    for (size_t c = 0; c < ncols && c < 32; c++)
        ta_league_column(&names[c], NULL, c);
    cli_table_init(&t, ncols, names);
    if ((rc = cli_input_open(&in, "league", &la.files, la.framework)) == CLI_OK &&
        (rc = cli_league_make(&l, &in, "league", la.quarter, la.type,
                              la.likely ? (la.replicates ? (uint32_t)la.replicates : 10000) : 0,
                              la.seed_given ? la.seed : 1,
                              la.threads ? (unsigned)la.threads : 1)) == CLI_OK) {
        cli_sheet sheet = {"League", &t};
        add_rows(&t, l, ncols, ta_framework_decimals(in.fw));
        if (la.output.format == CLI_FORMAT_HTML || la.output.format == CLI_FORMAT_SVG) {
            if ((rc = picture_cutoffs(&sets, &nsets, l)) == CLI_OK)
                rc = cli_league_picture(&out, la.output.format, &t, sets, nsets);
        } else {
            rc = cli_output_write(&out, &la.output, &sheet, 1, cli_nhse_attribution,
                                  cli_nhse_attribution_count);
        }
    }
    if (rc == CLI_OK)
        rc = cli_output_emit(&la.output, &out);
    free(sets);
    ta_league_free(l);
    cli_buf_free(&out);
    cli_table_free(&t);
    cli_input_close(&in);
    return rc;
}
