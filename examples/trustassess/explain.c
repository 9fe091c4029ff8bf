/*
 * trustassess explain: how one trust's segment and rank came about.
 *
 * Walks the library's results for one trust in the order of the method:
 * metric scores (and whether each enters the average), domain scores, the
 * average unrounded and rounded, the cut-offs the run used, the unadjusted,
 * adjusted and final segments with the library's reason, the rank within the
 * trust type, and how far the average is from the next better segment. The
 * trust is assessed with the other trusts of its type, exactly as `league`
 * does with the same options, so the two always agree.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "output.h"

void cli_explain_help(FILE *out)
{
    fputs("usage: trustassess explain FILE... --trust CODE [--quarter Q] [--cutoffs SPEC]\n"
          "                          [--from-values] [--framework CSV]\n"
          "                          [--format table|csv|json|xlsx] [-o OUT]\n"
          "\n"
          "How trust CODE's segment and rank came about in quarter Q (default: the last\n"
          "quarter of FILE): metric by metric, domain scores, average, cut-offs, segments,\n"
          "rank, and how far its average is from the next better segment; each cut-off\n"
          "with the interval the published segments of every FILE put it in and the\n"
          "trusts that bound it.\n"
          "--cutoffs, --from-values and --framework are as for 'trustassess league'.\n"
          "\n"
          "  --format F        table (default: the readable account), csv (the metric\n"
          "                    table), json (summary, metrics and domains, typed), xlsx\n"
          "                    (a sheet each)\n"
          "  --bom, --excel    start the CSV with a UTF-8 BOM, so that Excel reads it\n"
          "  --encoding E      the input is utf-8 (default) or windows-1252 (Excel's\n"
          "                    plain \"CSV (Comma delimited)\")\n",
          out);
}

typedef struct explain_args {
    cli_files files;
    const char *trust, *quarter, *framework;
    cli_output output;
} explain_args;

static int parse(explain_args *ea, cli_input *in, int argc, char **argv)
{
    static const char cmd[] = "explain";
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i], *v = NULL;
        int m;
        if ((m = cli_option_value(argc, argv, &i, "--trust", &v)) != 0)
            ea->trust = v;
        else if ((m = cli_option_value(argc, argv, &i, "--quarter", &v)) != 0)
            ea->quarter = v;
        else if ((m = cli_option_value(argc, argv, &i, "--framework", &v)) != 0)
            ea->framework = v;
        else if (cli_output_option(&ea->output, argc, argv, &i, &m)) {
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
        } else if (cli_is_option(arg)) {
            return cli_usage_error(cmd, "unknown option \"%s\"", arg);
        } else {
            int rc;
            if ((rc = cli_files_add(&ea->files, cmd, arg)) != CLI_OK)
                return rc;
            continue;
        }
        if (m < 0)
            return cli_usage_error(cmd, "%s needs a value", arg);
    }
    if (ea->files.n == 0)
        return cli_usage_error(cmd, "no FILE given ('-' reads standard input)");
    if (!ea->trust)
        return cli_usage_error(cmd, "--trust CODE is required");
    return cli_output_check(&ea->output);
}

static const char *const metric_names[] = {"Metric", "Domain", "Score", "In_average", "Name"};
static const char *const domain_names[] = {"Domain", "Figure", "Score", "Name"};
static const char *const summary_names[] = {"Trust_code",
                                            "Trust_name",
                                            "Quarter",
                                            "Trust_type",
                                            "Average_unrounded",
                                            "Average_score",
                                            "Scores_averaged",
                                            "Cutoffs",
                                            "Unadjusted_segment",
                                            "Adjusted_segment",
                                            "Final_segment",
                                            "Trust_in_financial_deficit",
                                            "Recovery_support",
                                            "Reason",
                                            "Rank",
                                            "League_size",
                                            "Distance_to_better_segment"};
enum { N_SUMMARY = sizeof summary_names / sizeof summary_names[0] };

static void metric_table(cli_table *out, const ta_assessment *a, size_t i, const ta_framework *fw)
{
    int decimals = ta_framework_decimals(fw);
    cli_table t = *out;
    for (size_t m = 0; m < ta_framework_metric_count(fw); m++) {
        const char *name = ta_framework_metric_name(fw, m);
        const char *domain = ta_framework_metric_domain(fw, m);
        int in_average = 0, has = 0;
        double score;
        cli_cell *row;
        if (ta_framework_metric_in_average(&in_average, fw, m) != TA_OK ||
            ta_assessment_metric_score(&has, &score, a, i, m) != TA_OK ||
            !(row = cli_table_add_row(&t)))
            continue;
        cli_cell_text(&t, row, 0, ta_framework_metric_id(fw, m));
        cli_cell_text(&t, row, 1, domain);
        if (has)
            cli_cell_decimal(&t, row, 2, score, decimals);
        if (has)
            cli_cell_bool(&t, row, 3, in_average, in_average ? "yes" : "no");
        else
            cli_cell_text(&t, row, 3, "no score");
        cli_cell_text(&t, row, 4, name);
    }
    *out = t;
}

static void domain_table(cli_table *out, const ta_assessment *a, size_t i, const ta_framework *fw)
{
    cli_table t = *out;
    for (size_t d = 0; d < ta_framework_domain_count(fw); d++) {
        const char *key = NULL, *name = NULL, *id = NULL;
        int has = 0;
        double score;
        cli_cell *row;
        if (ta_framework_domain_info(&key, &name, &id, fw, d) != TA_OK ||
            ta_assessment_domain_score(&has, &score, a, i, d) != TA_OK ||
            !(row = cli_table_add_row(&t)))
            continue;
        cli_cell_text(&t, row, 0, key);
        cli_cell_text(&t, row, 1, id);
        if (has)
            cli_cell_decimal(&t, row, 2, score, ta_framework_decimals(fw));
        cli_cell_text(&t, row, 3, name);
    }
    *out = t;
}

static void tristate_cell(cli_table *t, cli_cell *row, size_t col, ta_tristate v)
{
    if (v != TA_UNKNOWN)
        cli_cell_bool(t, row, col, v == TA_YES, v == TA_YES ? "Yes" : "No");
}

/* The account's figures as one typed row (json, xlsx). */
static void summary_row(cli_table *t, const ta_assessment *a, size_t i, const ta_framework *fw)
{
    int decimals = ta_framework_decimals(fw), segmented = 0, unadjusted, adjusted, final_segment;
    double unrounded, rounded, cutoffs[CLI_MAX_CUTOFFS], distance;
    size_t n_scores, n_cut = 0;
    uint32_t rank;
    char text[512];
    cli_cell *row = cli_table_add_row(t);
    if (!row)
        return;
    cli_cell_text(t, row, 0, ta_assessment_trust_code(a, i));
    cli_cell_text(t, row, 1, ta_assessment_trust_field(a, i, TA_FIELD_NAME));
    cli_cell_text(t, row, 2, ta_assessment_period(a));
    cli_cell_text(t, row, 3, ta_assessment_trust_field(a, i, TA_FIELD_TYPE));
    tristate_cell(t, row, 11, ta_assessment_trust_flag(a, i, TA_FLAG_FINANCIAL_DEFICIT));
    tristate_cell(t, row, 12, ta_assessment_trust_flag(a, i, TA_FLAG_RECOVERY_SUPPORT));
    ta_assessment_is_segmented(&segmented, a, i);
    if (!segmented)
        return;
    ta_assessment_average(&unrounded, &rounded, &n_scores, a, i);
    cli_cell_short(t, row, 4, unrounded);
    cli_cell_decimal(t, row, 5, rounded, decimals);
    cli_cell_int(t, row, 6, (long long)n_scores);
    ta_assessment_cutoffs(cutoffs, CLI_MAX_CUTOFFS, &n_cut, a);
    text[0] = '\0';
    for (size_t k = 0; k < n_cut && k < CLI_MAX_CUTOFFS; k++) {
        char num[64];
        ta_decimal_format(num, sizeof num, cutoffs[k], decimals);
        snprintf(text + strlen(text), sizeof text - strlen(text), "%s%s", k ? "; " : "", num);
    }
    cli_cell_number_list(t, row, 7, text, "; ");
    ta_assessment_segments(&unadjusted, &adjusted, &final_segment, a, i);
    cli_cell_int(t, row, 8, unadjusted);
    cli_cell_int(t, row, 9, adjusted);
    if (final_segment > 0)
        cli_cell_int(t, row, 10, final_segment);
    if (ta_assessment_reason_text(text, sizeof text, NULL, a, i) == TA_OK)
        cli_cell_text(t, row, 13, text);
    if (ta_assessment_rank(&rank, a, i) == TA_OK)
        cli_cell_int(t, row, 14, (long long)rank);
    cli_cell_int(t, row, 15, (long long)ta_assessment_league_count(a));
    if (unadjusted > 1 && ta_assessment_distance_to_better(&distance, a, i) == TA_OK)
        cli_cell_decimal(t, row, 16, distance, decimals);
}

static const char *tristate_text(ta_tristate t)
{
    return t == TA_YES ? "yes" : t == TA_NO ? "no" : "unknown (not published)";
}

static void segment_part(cli_buf *b, const ta_assessment *a, size_t i, const ta_framework *fw,
                         const char *origin)
{
    int decimals = ta_framework_decimals(fw), unadjusted, adjusted, final_segment;
    double unrounded, rounded, cutoffs[CLI_MAX_CUTOFFS], distance;
    size_t n_scores, n_cut = 0;
    uint32_t rank;
    char num[64], reason[512];
    ta_assessment_average(&unrounded, &rounded, &n_scores, a, i);
    cli_format_short(num, sizeof num, unrounded);
    if (n_scores == 0) /* a league table's trust: its published average, no scores */
        cli_buf_printf(b, "%-28s%s, as published (the league table gives no metric scores); ",
                       "Average score:", num);
    else
        cli_buf_printf(b, "%-28s%s, the mean of %zu scores; ", "Average score:", num, n_scores);
    ta_decimal_format(num, sizeof num, rounded, decimals);
    cli_buf_printf(b, "rounded half up: %s\n", num);
    ta_assessment_cutoffs(cutoffs, CLI_MAX_CUTOFFS, &n_cut, a);
    cli_buf_printf(b, "%-28s", "Cut-offs:");
    for (size_t k = 0; k < n_cut && k < CLI_MAX_CUTOFFS; k++) {
        ta_decimal_format(num, sizeof num, cutoffs[k], decimals);
        cli_buf_printf(b, "%s%s", k ? ", " : "", num);
    }
    cli_buf_printf(b, " (%s)\n", origin);
    ta_assessment_segments(&unadjusted, &adjusted, &final_segment, a, i);
    cli_buf_printf(b, "%-28sunadjusted %d, adjusted %d, final ", "Segments:", unadjusted, adjusted);
    if (final_segment > 0)
        cli_buf_printf(b, "%d\n", final_segment);
    else
        cli_buf_puts(b, "unknown\n");
    cli_buf_printf(b, "%-28s%s\n", "Financial deficit:",
                   tristate_text(ta_assessment_trust_flag(a, i, TA_FLAG_FINANCIAL_DEFICIT)));
    cli_buf_printf(b, "%-28s%s\n", "Recovery Support Programme:",
                   tristate_text(ta_assessment_trust_flag(a, i, TA_FLAG_RECOVERY_SUPPORT)));
    if (ta_assessment_reason_text(reason, sizeof reason, NULL, a, i) == TA_OK)
        cli_buf_printf(b, "%-28s%s\n", "Reason:", reason);
    ta_assessment_rank(&rank, a, i);
    cli_buf_printf(b, "%-28s%u of %zu (%s)\n", "Rank:", (unsigned)rank,
                   ta_assessment_league_count(a), ta_assessment_trust_field(a, i, TA_FIELD_TYPE));
    if (ta_assessment_distance_to_better(&distance, a, i) != TA_OK)
        return;
    if (unadjusted <= 1) {
        cli_buf_printf(b, "%-28snone (unadjusted segment 1 is the best)\n", "Better segment:");
        return;
    }
    ta_decimal_format(num, sizeof num, distance, decimals);
    cli_buf_printf(b,
                   "%-28sthe rounded average must fall by %s to reach "
                   "unadjusted segment %d\n",
                   "Better segment:", num, unadjusted - 1);
}

/* Where the published segments of every file put each cut-off, and the
 * trusts that bound it (the library's ta_nhse_file_cutoff_limit). */
static void interval_part(cli_buf *b, cli_input *in, const char *period, size_t n_cut)
{
    int decimals = ta_framework_decimals(in->fw);
    int worse = ta_framework_cutoff_rule(in->fw) == TA_CUTOFF_TIES_WORSE;
    for (size_t k = 0; k < n_cut; k++) {
        int has_lo = 0, has_hi = 0;
        double lo = 0, hi = 0;
        char num[64], label[64];
        if (ta_nhse_file_cutoff_limit(&has_lo, &lo, in->file, period, k, 0) != TA_OK ||
            ta_nhse_file_cutoff_limit(&has_hi, &hi, in->file, period, k, 1) != TA_OK ||
            (!has_lo && !has_hi))
            continue;
        snprintf(label, sizeof label, "Cut-off %zu is known in:", k + 1);
        cli_buf_printf(b, "%-28s%s", label, worse ? "(" : "[");
        if (has_lo && ta_decimal_format(num, sizeof num, lo, decimals) == TA_OK)
            cli_buf_puts(b, num);
        cli_buf_puts(b, ", ");
        if (has_hi && ta_decimal_format(num, sizeof num, hi, decimals) == TA_OK)
            cli_buf_puts(b, num);
        cli_buf_puts(b, worse ? "]" : ")");
        for (int upper = 0; upper < 2; upper++) {
            size_t count = 0;
            const char *code = NULL;
            if ((upper ? !has_hi : !has_lo) ||
                ta_nhse_file_cutoff_bound(NULL, &count, in->file, period, k, upper, 0) != TA_OK ||
                count == 0)
                continue;
            cli_buf_puts(b, upper ? "; above: " : "; at or below: ");
            for (size_t j = 0; j < count; j++) {
                ta_nhse_file_cutoff_bound(&code, &count, in->file, period, k, upper, j);
                cli_buf_printf(b, "%s%s", j ? " " : "", code ? code : "");
            }
        }
        cli_buf_puts(b, "\n");
    }
}

/* A --trust code the quarter does not have: a usage error with the nearest
 * code of the quarter ("did you mean") when there is one near enough. */
static int no_trust(const ta_league *l, const char *code, const char *period)
{
    size_t count = 0, k = 0;
    const char **codes;
    const char *near = NULL;
    int rc;
    for (size_t b = 0; b < ta_league_block_count(l); b++) {
        const ta_assessment *x = NULL;
        if (ta_league_block(NULL, NULL, &x, l, b) == TA_OK)
            count += ta_assessment_trust_count(x);
    }
    if ((codes = malloc((count ? count : 1) * sizeof *codes)) != NULL) {
        for (size_t b = 0; b < ta_league_block_count(l); b++) {
            const ta_assessment *x = NULL;
            if (ta_league_block(NULL, NULL, &x, l, b) != TA_OK)
                continue;
            for (size_t i = 0; i < ta_assessment_trust_count(x) && k < count; i++)
                codes[k++] = ta_assessment_trust_code(x, i);
        }
        near = cli_suggest(code, codes, k);
    }
    if (near)
        rc = cli_usage_error("explain", "no trust \"%s\" in %s; did you mean \"%s\"?", code, period,
                             near);
    else
        rc = cli_usage_error("explain", "no trust \"%s\" in %s", code, period);
    free(codes);
    return rc;
}

static int explain(cli_buf *b, cli_input *in, const char *period, const char *code,
                   const cli_output *o)
{
    cli_table metrics, domains, summary;
    ta_league *l = NULL;
    const ta_assessment *a = NULL;
    const char *origin = cli_cutoff_origin(in);
    size_t i = 0;
    int rc, segmented = 0;
    /* The library's league of the quarter: the trust is assessed among its
     * own type with the quarter's cut-offs, exactly as `league` does. */
    if ((rc = cli_league_make(&l, in, "explain", period, NULL, 0, 0, 0)) != CLI_OK)
        return rc;
    for (size_t k = 0; !a && k < ta_league_block_count(l); k++) {
        const ta_assessment *x = NULL;
        if (ta_league_block(NULL, NULL, &x, l, k) == TA_OK &&
            ta_assessment_find_trust(&i, x, code) == TA_OK)
            a = x;
    }
    if (!a) {
        rc = no_trust(l, code, period);
        ta_league_free(l);
        return rc;
    }
    cli_table_init(&metrics, 5, metric_names);
    cli_table_init(&domains, 4, domain_names);
    cli_table_init(&summary, N_SUMMARY, summary_names);
    metric_table(&metrics, a, i, in->fw);
    domain_table(&domains, a, i, in->fw);
    if (o->format_given && o->format != CLI_FORMAT_TABLE) {
        cli_sheet sheets[3] = {{"metrics", &metrics}, {"domains", &domains}, {"summary", &summary}};
        summary_row(&summary, a, i, in->fw);
        rc = cli_output_write(b, o, sheets, 3, cli_nhse_attribution, cli_nhse_attribution_count);
        goto done;
    }
    cli_buf_printf(b, "%s %s, %s\n", ta_assessment_trust_code(a, i),
                   ta_assessment_trust_field(a, i, TA_FIELD_NAME), period);
    cli_buf_printf(b, "%s, %s, %s\n", ta_assessment_trust_field(a, i, TA_FIELD_TYPE),
                   ta_assessment_trust_field(a, i, TA_FIELD_SUBTYPE),
                   ta_assessment_trust_field(a, i, TA_FIELD_REGION));
    cli_buf_printf(b, "Scores from the %s\n\n",
                   in->source == TA_FROM_VALUES ? "raw values (OF0xxx), scored by the framework"
                                                : "published metric scores (OF1xxx)");
    cli_table_write(b, &metrics, CLI_FORMAT_TABLE);
    cli_buf_puts(b, "\n");
    cli_table_write(b, &domains, CLI_FORMAT_TABLE);
    cli_buf_puts(b, "\n");
    ta_assessment_is_segmented(&segmented, a, i);
    if (segmented) {
        segment_part(b, a, i, in->fw, origin);
        interval_part(b, in, period, ta_framework_segment_count(in->fw) - 1);
    } else {
        cli_buf_puts(b, "Not segmented: no score that enters the average.\n");
    }
    for (size_t k = 0; k < ta_assessment_note_count(a); k++)
        cli_buf_printf(b, "Note: %s\n", ta_assessment_note(a, k));
done:
    cli_table_free(&metrics);
    cli_table_free(&domains);
    cli_table_free(&summary);
    ta_league_free(l);
    return rc;
}

int cli_explain_run(int argc, char **argv)
{
    explain_args ea = {0};
    cli_input in = {0};
    cli_buf out = {0};
    const char *period = NULL;
    size_t np;
    int rc;
    for (int i = 0; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            cli_explain_help(stdout);
            return CLI_OK;
        }
    cli_output_init(&ea.output, "explain", CLI_FORMATS_TABULAR, CLI_FORMAT_TABLE);
    if ((rc = parse(&ea, &in, argc, argv)) != CLI_OK)
        return rc;
    in.encoding = (cli_encoding)ea.output.encoding;
    if ((rc = cli_input_open(&in, "explain", &ea.files, ea.framework)) != CLI_OK)
        goto done;
    np = ta_nhse_file_period_count(in.file);
    if (ea.quarter)
        rc = cli_find_period(&period, &in, "explain", ea.quarter);
    else if (np > 0)
        period = ta_nhse_file_period(in.file, np - 1);
    else
        rc = cli_error(CLI_INPUT, "%s: the file has no rows", ea.files.paths[0]);
    if (rc == CLI_OK)
        rc = explain(&out, &in, period, ea.trust, &ea.output);
    if (rc == CLI_OK)
        rc = cli_output_emit(&ea.output, &out);
done:
    cli_buf_free(&out);
    cli_input_close(&in);
    return rc;
}
