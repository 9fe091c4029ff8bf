/*
 * trustassess league: the league tables of a published NOF file.
 *
 * Each quarter x trust type is its own assessment, ranked separately; rows
 * come by quarter (file order), trust type (byte order, as the library orders
 * a league), then league order. The columns are those of NHS England's
 * published league table (issue 3 fixes them: other programs read them), so
 * the output can be compared with the published table cell by cell; --detail
 * appends the figures behind each row.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "output.h"

static const char *const columns[] = {
    "Quarter", "Region", "Trust_type", "Trust_subtype", "Trust_code", "Trust_name", "Average_score",
    "Likely_range_of_average_score", "Segment", "Trust_in_financial_deficit", "Rank",
    "Likely_range_of_rank",
    /* --detail */
    "Unadjusted_segment", "Final_segment", "Domain_score_access", "Domain_score_patient_safety",
    "Domain_score_finance_productivity", "Domain_score_people_workforce",
    "Domain_score_effectiveness_experience", "Reason"};
enum { N_PLAIN = 12, N_DETAIL = 20, COL_DOMAINS = 14, N_DOMAINS = 5 };
static const char *const domain_keys[N_DOMAINS] = {"access", "patient_safety",
                                                   "finance_productivity", "people_workforce",
                                                   "effectiveness_experience"};

void cli_league_help(FILE *out)
{
    fputs("usage: trustassess league FILE [--quarter Q] [--trust-type T] [--cutoffs SPEC]\n"
          "                         [--from-values] [--framework CSV]\n"
          "                         [--format F] [--columns A,B] [--bom] [--detail]\n"
          "                         [-o OUT]\n"
          "                         [--likely-ranges [--replicates N] [--seed S] [--threads T]]\n"
          "\n"
          "League tables of NHS England's published NOF file FILE ('-' = standard input),\n"
          "one per quarter and trust type, each ranked separately.\n"
          "\n"
          "  --quarter Q       only quarter Q: the Quarter column's text (\"Q4 2025/26\"),\n"
          "                    or its first word (\"Q4\") when only one year has it\n"
          "  --trust-type T    only trust type T (the Trust_type column's text)\n"
          "  --cutoffs SPEC    segment cut-offs: A,B,C (numbers), 'published' (read off\n"
          "                    the published averages and segments), or 'quartiles'\n"
          "                    (QUARTILE.INC of the quarter's rounded averages, all trust\n"
          "                    types pooled); default 'published', an error when the\n"
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
          "  --detail          add unadjusted and final segments, domain scores, reason\n"
          "  --likely-ranges   fill the likely-range columns by bootstrap: each trust's\n"
          "                    metric scores resampled (default 10000 replicates, seed 1,\n"
          "                    1 thread; the same seed gives the same ranges on any number\n"
          "                    of threads), central 95% of the replicates\n"
          "  -o OUT            write OUT atomically instead of standard output\n",
          out);
}

typedef struct league_args {
    const char *file, *quarter, *type, *framework;
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
    v = strtoull(text, &end, 10);
    if (*end || v < min || v > max)
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
            if (la->file)
                return cli_usage_error(cmd, "one FILE only (\"%s\" is a second)", arg);
            la->file = arg;
            continue;
        }
        if (m < 0)
            return cli_usage_error(cmd, "%s needs a value", arg);
    }
    if (!la->file)
        return cli_usage_error(cmd, "no FILE given ('-' reads standard input)");
    if (!la->likely && (la->replicates || la->seed_given || la->threads))
        return cli_usage_error(cmd, "--replicates, --seed and --threads go with --likely-ranges");
    return cli_output_check(&la->output);
}

/* "lo to hi" as NHS England writes the likely ranges: no trailing zeros
 * ("1.2 to 1.89"). */
static void range_text(char *buf, size_t size, double lo, double hi, int decimals)
{
    char a[40], b[40];
    double x[2] = {lo, hi};
    char *t[2] = {a, b};
    for (int k = 0; k < 2; k++) {
        size_t n;
        if (ta_format_decimal(t[k], sizeof a, x[k], decimals) != TA_OK) {
            t[k][0] = '\0';
            continue;
        }
        n = strlen(t[k]);
        while (n > 0 && strchr(t[k], '.') && (t[k][n - 1] == '0' || t[k][n - 1] == '.'))
            t[k][--n] = '\0';
    }
    snprintf(buf, size, "%s to %s", a, b);
}

/* The deficit flag as the published table writes it, typed as a boolean. */
static void deficit_cell(cli_table *t, cli_cell *row, size_t col, ta_tristate flag)
{
    if (flag != TA_UNKNOWN)
        cli_cell_bool(t, row, col, flag == TA_YES, flag == TA_YES ? "Yes" : "No");
}

static int add_rows(cli_table *t, const ta_assessment *a, const ta_framework *fw,
                    const size_t *domain_index, int detail, int likely)
{
    int decimals = ta_framework_decimals(fw);
    for (size_t pos = 0; pos < ta_assessment_league_count(a); pos++) {
        size_t i;
        int unadjusted, adjusted, final_segment;
        uint32_t rank;
        double avg;
        cli_cell *row;
        if (ta_assessment_league_entry(&i, a, pos) != TA_OK ||
            ta_assessment_average(a, i, NULL, &avg, NULL) != TA_OK ||
            ta_assessment_segments(a, i, &unadjusted, &adjusted, &final_segment) != TA_OK ||
            ta_assessment_rank(a, i, &rank) != TA_OK)
            return cli_error(CLI_INPUT, "%s", ta_assessment_error(a));
        if (!(row = cli_table_add_row(t)))
            break;
        cli_cell_text(t, row, 0, ta_assessment_period(a));
        cli_cell_text(t, row, 1, ta_assessment_trust_field(a, i, TA_FIELD_REGION));
        cli_cell_text(t, row, 2, ta_assessment_trust_field(a, i, TA_FIELD_TYPE));
        cli_cell_text(t, row, 3, ta_assessment_trust_field(a, i, TA_FIELD_SUBTYPE));
        cli_cell_text(t, row, 4, ta_assessment_trust_code(a, i));
        cli_cell_text(t, row, 5, ta_assessment_trust_field(a, i, TA_FIELD_NAME));
        cli_cell_decimal(t, row, 6, avg, decimals);
        cli_cell_int(t, row, 8, adjusted);
        deficit_cell(t, row, 9, ta_assessment_trust_flag(a, i, TA_FLAG_FINANCIAL_DEFICIT));
        cli_cell_int(t, row, 10, (long long)rank);
        if (likely) {
            double lo, hi;
            uint32_t rlo, rhi;
            char text[96];
            if (ta_assessment_likely_average_range(a, i, &lo, &hi) != TA_OK ||
                ta_assessment_likely_rank_range(a, i, &rlo, &rhi) != TA_OK)
                return cli_error(CLI_INPUT, "%s", ta_assessment_error(a));
            range_text(text, sizeof text, lo, hi, decimals);
            cli_cell_range(t, row, 7, text, lo, hi);
            snprintf(text, sizeof text, "%u to %u", (unsigned)rlo, (unsigned)rhi);
            cli_cell_range(t, row, 11, text, rlo, rhi);
        }
        if (!detail)
            continue;
        cli_cell_int(t, row, 12, unadjusted);
        if (final_segment > 0)
            cli_cell_int(t, row, 13, final_segment);
        for (size_t d = 0; d < N_DOMAINS; d++) {
            int has = 0;
            double score;
            if (domain_index[d] != (size_t)-1 &&
                ta_assessment_domain_score(a, i, domain_index[d], &has, &score) == TA_OK && has)
                cli_cell_decimal(t, row, COL_DOMAINS + d, score, decimals);
        }
        {
            char reason[512];
            if (ta_assessment_reason_text(a, i, reason, sizeof reason, NULL) == TA_OK)
                cli_cell_text(t, row, 19, reason);
        }
    }
    return CLI_OK;
}

/* Index of each --detail domain column's domain in the framework, or -1. */
static void find_domains(size_t *index, const ta_framework *fw)
{
    for (size_t k = 0; k < N_DOMAINS; k++) {
        index[k] = (size_t)-1;
        for (size_t d = 0; d < ta_framework_domain_count(fw); d++) {
            const char *key = NULL;
            if (ta_framework_domain_info(fw, d, &key, NULL, NULL) == TA_OK && key &&
                strcmp(key, domain_keys[k]) == 0)
                index[k] = d;
        }
    }
}

static int check_type(const cli_input *in, const char *type)
{
    cli_buf b = {0};
    int rc;
    for (size_t i = 0; i < ta_nhse_file_trust_type_count(in->file); i++)
        if (strcmp(ta_nhse_file_trust_type(in->file, i), type) == 0)
            return CLI_OK;
    for (size_t i = 0; i < ta_nhse_file_trust_type_count(in->file); i++)
        cli_buf_printf(&b, "%s\"%s\"", i ? ", " : "", ta_nhse_file_trust_type(in->file, i));
    rc = cli_usage_error("league", "--trust-type \"%s\" is not in the file (it has: %s)", type,
                         b.data ? b.data : "none");
    cli_buf_free(&b);
    return rc;
}

int cli_league_run(int argc, char **argv)
{
    league_args la = {0};
    cli_input in = {0};
    cli_table t;
    cli_buf out = {0};
    const char **types = NULL, *only_period = NULL;
    size_t ntypes = 0, domain_index[N_DOMAINS], nsets = 0;
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
    cli_table_init(&t, la.detail ? N_DETAIL : N_PLAIN, columns);
    if ((rc = cli_input_open(&in, "league", la.file, la.framework)) != CLI_OK)
        goto done;
    if (la.quarter && (rc = cli_find_period(&only_period, &in, "league", la.quarter)) != CLI_OK)
        goto done;
    if (la.type) {
        if ((rc = check_type(&in, la.type)) != CLI_OK)
            goto done;
        types = malloc(sizeof *types);
        ntypes = types ? 1 : (size_t)-1;
        if (types)
            types[0] = la.type;
    } else {
        ntypes = cli_sorted_types(&types, &in);
    }
    if (ntypes == (size_t)-1) {
        rc = cli_error(CLI_INPUT, "out of memory");
        goto done;
    }
    find_domains(domain_index, in.fw);
    for (size_t p = 0; rc == CLI_OK && p < ta_nhse_file_period_count(in.file); p++) {
        const char *period = ta_nhse_file_period(in.file, p), *origin;
        double cutoffs[CLI_MAX_CUTOFFS];
        size_t n;
        if (only_period && strcmp(period, only_period) != 0)
            continue;
        if ((rc = cli_period_cutoffs(cutoffs, &n, &in, period, &origin)) != CLI_OK)
            break;
        if (!sets && !(sets = calloc(ta_nhse_file_period_count(in.file), sizeof *sets))) {
            rc = cli_error(CLI_INPUT, "out of memory");
            break;
        }
        sets[nsets].period = period;
        sets[nsets].n = n < CLI_MAX_CUTOFFS ? n : CLI_MAX_CUTOFFS;
        memcpy(sets[nsets].values, cutoffs, sets[nsets].n * sizeof *cutoffs);
        nsets++;
        for (size_t k = 0; rc == CLI_OK && k < ntypes; k++) {
            ta_assessment *a = NULL;
            if ((rc = cli_assess(&a, &in, period, types[k], cutoffs, n)) == CLI_OK && a &&
                la.likely &&
                ta_assessment_likely_ranges(a, la.replicates ? (uint32_t)la.replicates : 10000,
                                            0.95, la.seed_given ? la.seed : 1,
                                            la.threads ? (unsigned)la.threads : 1) != TA_OK)
                rc = cli_error(CLI_INPUT, "%s", ta_assessment_error(a));
            if (rc == CLI_OK && a)
                rc = add_rows(&t, a, in.fw, domain_index, la.detail, la.likely);
            ta_assessment_free(a);
        }
    }
    if (rc == CLI_OK &&
        (la.output.format == CLI_FORMAT_HTML || la.output.format == CLI_FORMAT_SVG)) {
        rc = cli_league_picture(&out, la.output.format, &t, sets, nsets);
    } else if (rc == CLI_OK) {
        cli_sheet sheet = {"League", &t};
        rc = cli_output_write(&out, &la.output, &sheet, 1, cli_nhse_attribution,
                              cli_nhse_attribution_count);
    }
    if (rc == CLI_OK)
        rc = cli_output_emit(&la.output, &out);
done:
    free(sets);
    free(types);
    cli_buf_free(&out);
    cli_table_free(&t);
    cli_input_close(&in);
    return rc;
}
