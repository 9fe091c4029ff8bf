/*
 * trustassess eligibility: the earned-autonomy screen (advanced foundation
 * trusts, and Integrated Health Organisations on top).
 *
 * A thin shell over ta_screen: it reads the file, makes the criteria sets (the
 * built-in aft-guide and iho-2025, or files given with --criteria / --iho),
 * runs the screen over every quarter of the file and writes the library's own
 * export (CSV, table or JSON). Every verdict, reason and "what would have to
 * change" sentence is the library's, so the command, the bindings and the
 * documentation say the same thing. The screen is an aid to the panel's
 * judgement, never the decision; the help text says so.
 */
#include <stdlib.h>
#include <string.h>

#include <trustassess/eligibility.h>

#include "cli.h"
#include "output.h"

void cli_eligibility_help(FILE *out)
{
    fputs("usage: trustassess eligibility FILE... [--quarters N] [--criteria CSV] [--iho CSV]\n"
          "                              [--preset NAME] [--evidence CSV] [--as-of QUARTER]\n"
          "                              [--no-iho] [--trust CODE] [--format F] [--bom]\n"
          "                              [--framework CSV] [-o OUT]\n"
          "\n"
          "Screens every trust of FILE's last quarter against the advanced foundation\n"
          "trust criteria (default: the built-in set aft-guide, the criteria NHS\n"
          "England's guide for applicants names, with our thresholds) using every\n"
          "quarter of FILE as evidence, and, for trusts\n"
          "that pass, against the stricter IHO criteria (default: iho-2025). Per trust:\n"
          "eligible (every criterion met), close (exactly one not met or without\n"
          "evidence: what would have to change), or not eligible. No evidence is never\n"
          "counted as met. The screen is an aid to the panel's judgement, not the\n"
          "decision. See docs/eligibility.md.\n"
          "\n"
          "  --quarters N      segment criteria look at the last N quarters (1..40)\n"
          "  --criteria CSV    the AFT criteria from a file (Id,Name,Kind,Parameters,...)\n"
          "  --preset NAME     a built-in AFT set: aft-guide (default) or aft-2025\n"
          "  --evidence CSV    supplied judgements (Trust_code,Judgement,Value[,Date,Note]):\n"
          "                    capability_assessment, icb_support, region_support,\n"
          "                    financial_plan_agreed, partnership (yes|no), cqc_rating\n"
          "                    (outstanding|good|requires_improvement|inadequate)\n"
          "  --as-of QUARTER   screen with only the quarters published by QUARTER\n"
          "                    (e.g. \"Q1 2025/26\"); CQC ratings are judged on its last day\n"
          "  --iho CSV         the IHO criteria from a file; --no-iho screens AFT only\n"
          "  --trust CODE      one trust (table format: every criterion with its reason)\n"
          "  --format F        csv (default), table, json (typed: each criterion's\n"
          "                    outcome, value and threshold), xlsx (an Excel workbook)\n"
          "  --bom, --excel    start the CSV with a UTF-8 BOM, so that Excel reads it\n"
          "  --encoding E      the input is utf-8 (default) or windows-1252 (Excel's\n"
          "                    plain \"CSV (Comma delimited)\")\n"
          "  --framework CSV   the framework catalogue FILE was published under\n"
          "  -o OUT            write to OUT (atomically) instead of standard output\n",
          out);
}

typedef struct elig_args {
    cli_files files;
    const char *criteria, *iho, *trust, *framework, *preset, *evidence, *as_of;
    int quarters, no_iho;
    cli_output output;
} elig_args;

static int parse(elig_args *ea, int argc, char **argv)
{
    static const char cmd[] = "eligibility";
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i], *v = NULL;
        int m;
        if ((m = cli_option_value(argc, argv, &i, "--quarters", &v)) != 0) {
            char *end = NULL;
            long n = m > 0 ? strtol(v, &end, 10) : 0;
            if (m > 0 && (!*v || *end || n < 1 || n > 40))
                return cli_usage_error(cmd,
                                       "--quarters must be a whole number from 1 to 40, "
                                       "not \"%s\"",
                                       v);
            ea->quarters = (int)n;
        } else if ((m = cli_option_value(argc, argv, &i, "--criteria", &v)) != 0)
            ea->criteria = v;
        else if ((m = cli_option_value(argc, argv, &i, "--iho", &v)) != 0)
            ea->iho = v;
        else if ((m = cli_option_value(argc, argv, &i, "--preset", &v)) != 0)
            ea->preset = v;
        else if ((m = cli_option_value(argc, argv, &i, "--evidence", &v)) != 0)
            ea->evidence = v;
        else if ((m = cli_option_value(argc, argv, &i, "--as-of", &v)) != 0)
            ea->as_of = v;
        else if ((m = cli_option_value(argc, argv, &i, "--trust", &v)) != 0)
            ea->trust = v;
        else if ((m = cli_option_value(argc, argv, &i, "--framework", &v)) != 0)
            ea->framework = v;
        else if (cli_output_option(&ea->output, argc, argv, &i, &m)) {
            if (m != CLI_OK)
                return m;
            continue;
        } else if (strcmp(arg, "--no-iho") == 0) {
            ea->no_iho = 1;
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
    if (ea->preset && ea->criteria)
        return cli_usage_error(cmd, "--preset and --criteria exclude each other");
    if (ea->preset && (!ta_criteria_preset_text(ea->preset) || strncmp(ea->preset, "aft", 3) != 0))
        return cli_usage_error(cmd, "--preset must be aft-guide or aft-2025, not \"%s\"",
                               ea->preset);
    if (ea->no_iho && ea->iho)
        return cli_usage_error(cmd, "--iho and --no-iho exclude each other");
    if (ea->output.columns)
        return cli_usage_error(cmd, "--columns does not apply here (the screen's export is whole)");
    return cli_output_check(&ea->output);
}

/* A criteria set: the preset, or the file at path. */
static int make_criteria(ta_criteria **out, const char *preset, const char *path)
{
    if (!path) {
        if (ta_criteria_preset(out, preset, NULL) != TA_OK)
            return cli_error(CLI_INPUT, "out of memory");
        return CLI_OK;
    }
    if (ta_criteria_new(out, preset[0] == 'a' ? "aft-file" : "iho-file", NULL) != TA_OK)
        return cli_error(CLI_INPUT, "out of memory");
    if (ta_criteria_read_file(*out, path) != TA_OK)
        return cli_error(CLI_INPUT, "%s", ta_criteria_error(*out));
    return CLI_OK;
}

/* The screen's CSV export as a table of text cells, for the workbook. The
 * export is RFC 4180 with a header row; quoted fields may hold commas and
 * doubled quotes (no line breaks). names[] and the cells are allocated. */
static int csv_to_table(cli_table *t, char ***names, const char *text, size_t len)
{
    const char *p = text, *end = text + len;
    size_t ncols = 0, cap = 0, line = 0;
    cli_buf field = {0};
    char **fields = NULL;
    int rc = CLI_OK;
    *names = NULL;
    while (p < end && rc == CLI_OK) {
        size_t n = 0;
        /* one record */
        for (;;) {
            int quoted = p < end && *p == '"';
            field.len = 0;
            cli_buf_add(&field, "", 0);
            if (quoted)
                p++;
            while (p < end) {
                if (quoted && *p == '"' && p + 1 < end && p[1] == '"') {
                    cli_buf_add(&field, "\"", 1);
                    p += 2;
                } else if (quoted && *p == '"') {
                    quoted = 0;
                    p++;
                } else if (!quoted && (*p == ',' || *p == '\n' || *p == '\r')) {
                    break;
                } else {
                    cli_buf_add(&field, p++, 1);
                }
            }
            if (n == cap) {
                char **grown = realloc(fields, (cap = cap ? 2 * cap : 16) * sizeof *grown);
                if (!grown) {
                    field.failed = 1;
                    break;
                }
                fields = grown;
            }
            fields[n] = field.failed ? NULL : strdup(field.data ? field.data : "");
            if (!fields[n++])
                field.failed = 1;
            if (p < end && *p == ',') {
                p++;
                continue;
            }
            while (p < end && (*p == '\r' || *p == '\n'))
                p++;
            break;
        }
        if (field.failed) {
            rc = cli_error(CLI_INPUT, "out of memory");
        } else if (line++ == 0) {
            ncols = n;
            *names = fields;
            fields = NULL;
            cap = 0;
            cli_table_init(t, ncols, (const char *const *)*names);
            continue;
        } else {
            cli_cell *row = cli_table_add_row(t);
            for (size_t k = 0; k < n && k < ncols; k++)
                cli_cell_text(t, row, k, fields[k]);
        }
        for (size_t k = 0; fields && k < n; k++)
            free(fields[k]);
    }
    free(fields);
    cli_buf_free(&field);
    if (rc == CLI_OK && t->failed)
        rc = cli_error(CLI_INPUT, "out of memory");
    return rc;
}

static int write_xlsx(cli_buf *out, const cli_output *o, const char *text, size_t len)
{
    static const char *const about[] = {
        "An aid to the panel's judgement, not the decision: the screen reads the criteria as "
        "libtrustassess's built-in sets (or the files given) and NHS England's published "
        "NOF data.",
        "Contains public sector information licensed under the Open Government Licence v3.0."};
    cli_table t;
    char **names = NULL;
    int rc;
    memset(&t, 0, sizeof t);
    rc = csv_to_table(&t, &names, text, len);
    if (rc == CLI_OK) {
        cli_sheet sheet = {"Eligibility", &t};
        rc = cli_output_write(out, o, &sheet, 1, about, 2);
    }
    cli_table_free(&t);
    for (size_t k = 0; names && k < t.ncols; k++)
        free(names[k]);
    free(names);
    return rc;
}

int cli_eligibility_run(int argc, char **argv)
{
    elig_args ea = {0};
    cli_input in = {0};
    cli_buf out = {0};
    ta_criteria *aft = NULL, *iho = NULL;
    ta_screen *s = NULL;
    const char *text = NULL;
    size_t len = 0, index;
    ta_status st;
    int rc;
    for (int i = 0; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            cli_eligibility_help(stdout);
            return CLI_OK;
        }
    cli_output_init(&ea.output, "eligibility", CLI_FORMATS_TABULAR, CLI_FORMAT_CSV);
    if ((rc = parse(&ea, argc, argv)) != CLI_OK)
        return rc;
    in.encoding = (cli_encoding)ea.output.encoding;
    if ((rc = cli_input_open(&in, "eligibility", &ea.files, ea.framework)) != CLI_OK ||
        (rc = make_criteria(&aft, ea.preset ? ea.preset : "aft-guide", ea.criteria)) != CLI_OK ||
        (!ea.no_iho && (rc = make_criteria(&iho, "iho-2025", ea.iho)) != CLI_OK))
        goto done;
    if (ta_nhse_file_period_count(in.file) == 0) {
        rc = cli_error(CLI_INPUT, "%s: the file has no rows", ea.files.paths[0]);
        goto done;
    }
    st = ea.as_of ? ta_screen_new_nhse_as_of(&s, in.fw, in.file, ea.as_of, NULL)
                  : ta_screen_new_nhse(&s, in.fw, in.file, NULL);
    if (st == TA_ENOTFOUND) {
        rc = cli_usage_error("eligibility", "--as-of: no quarter \"%s\" in the input", ea.as_of);
        goto done;
    }
    if (st != TA_OK) {
        rc = cli_error(CLI_INPUT, "%s", ta_strerror(st));
        goto done;
    }
    if (ea.evidence && ta_screen_read_evidence_file(s, ea.evidence) != TA_OK) {
        rc = cli_error(CLI_INPUT, "%s", ta_screen_error(s));
        goto done;
    }
    if (ea.trust && ta_screen_find_trust(&index, s, ea.trust) != TA_OK) {
        size_t count = ta_screen_trust_count(s);
        const char **codes = malloc((count ? count : 1) * sizeof *codes);
        const char *near = NULL, *last = ta_screen_period(s, ta_screen_period_count(s) - 1);
        for (size_t k = 0; codes && k < count; k++)
            codes[k] = ta_screen_trust_code(s, k);
        if (codes)
            near = cli_suggest(ea.trust, codes, count);
        if (near)
            rc = cli_usage_error("eligibility", "no trust \"%s\" in %s; did you mean \"%s\"?",
                                 ea.trust, last, near);
        else
            rc = cli_usage_error("eligibility", "no trust \"%s\" in %s", ea.trust, last);
        free(codes);
        goto done;
    }
    if ((ea.quarters && ta_screen_set_quarters(s, ea.quarters) != TA_OK) ||
        ta_screen_run(s, aft, iho) != TA_OK ||
        ta_screen_export(&text, &len, s,
                         ea.output.format == CLI_FORMAT_TABLE  ? TA_SCREEN_TABLE
                         : ea.output.format == CLI_FORMAT_JSON ? TA_SCREEN_JSON
                                                               : TA_SCREEN_CSV,
                         ea.trust) != TA_OK) {
        /* Criteria naming a domain or metric the framework lacks end here. */
        rc = cli_error(CLI_INPUT, "%s", ta_screen_error(s));
        goto done;
    }
    if (ea.output.format == CLI_FORMAT_XLSX) {
        rc = write_xlsx(&out, &ea.output, text, len);
    } else {
        if (ea.output.bom)
            cli_buf_puts(&out, "\xEF\xBB\xBF");
        cli_buf_add(&out, text, len);
        rc = out.failed ? cli_error(CLI_INPUT, "out of memory") : CLI_OK;
    }
    if (rc == CLI_OK)
        rc = cli_output_emit(&ea.output, &out);
done:
    ta_screen_free(s);
    ta_criteria_free(aft);
    ta_criteria_free(iho);
    cli_buf_free(&out);
    cli_input_close(&in);
    return rc;
}
