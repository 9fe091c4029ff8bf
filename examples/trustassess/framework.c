/*
 * trustassess framework: the built-in framework catalogues.
 *
 * A framework is data (docs/framework-csv.md): the built-in presets are
 * catalogue text, and `--dump NAME` prints it so that a new year's framework
 * can start from this year's and be used with `league --framework FILE`.
 * `--check FILE` builds a catalogue file and reports its first error.
 * `--metrics NAME` lists a preset's (or a catalogue file's) metrics, each
 * with its scoring rule, weight and source.
 */
#include <string.h>

#include "cli.h"
#include "output.h"

void cli_framework_help(FILE *out)
{
    fputs("usage: trustassess framework [--list]\n"
          "       trustassess framework --dump NAME [-o OUT]\n"
          "       trustassess framework --check CSV\n"
          "       trustassess framework --metrics NAME [--format F] [-o OUT]\n"
          "\n"
          "  --list        the names of the built-in frameworks, one a line (default)\n"
          "  --dump NAME   print built-in framework NAME as a catalogue CSV file\n"
          "  --check CSV   build catalogue file CSV; quiet when it is valid\n"
          "  --metrics NAME  the metrics of built-in framework NAME (or of catalogue\n"
          "                file NAME), one a row: ID, name, domain, trust types,\n"
          "                scoring, threshold, weight and source\n"
          "  --format F    csv (default), table, json or xlsx, for --metrics (with\n"
          "                --bom, --columns and -o as for every command)\n"
          "  -o OUT        write OUT atomically instead of standard output\n",
          out);
}

static int check(const char *path)
{
    ta_framework_builder *b = NULL;
    ta_framework *fw = NULL;
    int rc = CLI_OK;
    if (ta_framework_builder_new(&b, path, NULL) != TA_OK)
        return cli_error(CLI_INPUT, "out of memory");
    if (ta_framework_builder_read_file(b, path) != TA_OK ||
        ta_framework_builder_build(&fw, b) != TA_OK)
        rc = cli_error(CLI_INPUT, "%s", ta_framework_builder_error(b));
    ta_framework_free(fw);
    ta_framework_builder_free(b);
    return rc;
}

static const char *const metric_columns[] = {"Framework", "Trust_types", "Metric_ID",  "Name",
                                             "Domain",    "Raw_id",      "Direction",  "Scoring",
                                             "Threshold", "Weight",      "In_average", "Source"};
#define N_METRIC_COLUMNS (sizeof metric_columns / sizeof metric_columns[0])

/* The framework called `name`: a preset, else a catalogue file. */
static int load(ta_framework **fw, const char *name)
{
    ta_framework_builder *b = NULL;
    int rc = CLI_OK;
    if (ta_framework_preset_text(name))
        return ta_framework_preset(fw, name, NULL) == TA_OK ? CLI_OK
                                                            : cli_error(CLI_INPUT, "out of memory");
    if (ta_framework_builder_new(&b, name, NULL) != TA_OK)
        return cli_error(CLI_INPUT, "out of memory");
    if (ta_framework_builder_read_file(b, name) != TA_OK ||
        ta_framework_builder_build(fw, b) != TA_OK)
        rc = cli_error(CLI_INPUT, "%s", ta_framework_builder_error(b));
    ta_framework_builder_free(b);
    return rc;
}

static void metric_rows(cli_table *t, const ta_framework *fw)
{
    cli_buf types = {0};
    for (size_t k = 0; k < ta_framework_trust_type_count(fw); k++)
        cli_buf_printf(&types, "%s%s", k ? "; " : "", ta_framework_trust_type(fw, k));
    for (size_t i = 0; i < ta_framework_metric_count(fw); i++) {
        const char *name = "", *domain = "", *raw = "";
        ta_scoring scoring = TA_SCORING_SUPPLIED;
        ta_direction dir = TA_HIGHER_IS_BETTER;
        int in_avg = 0;
        unsigned num = 1, den = 1;
        double threshold = 0;
        char weight[32];
        cli_cell *row = cli_table_add_row(t);
        if (!row)
            break;
        name = ta_framework_metric_name(fw, i);
        domain = ta_framework_metric_domain(fw, i);
        raw = ta_framework_metric_raw_id(fw, i);
        ta_framework_metric_scoring(&scoring, fw, i);
        ta_framework_metric_direction(&dir, fw, i);
        ta_framework_metric_in_average(&in_avg, fw, i);
        ta_framework_metric_weight(&num, &den, fw, i);
        cli_cell_text(t, row, 0, ta_framework_name(fw));
        cli_cell_text(t, row, 1, types.data ? types.data : "");
        cli_cell_text(t, row, 2, ta_framework_metric_id(fw, i));
        cli_cell_text(t, row, 3, name);
        cli_cell_text(t, row, 4, domain);
        cli_cell_text(t, row, 5, raw);
        cli_cell_text(t, row, 6, raw[0] ? ta_direction_name(dir) : "");
        cli_cell_text(t, row, 7, ta_scoring_name(scoring));
        if (ta_framework_metric_threshold(&threshold, fw, i) == TA_OK)
            cli_cell_short(t, row, 8, threshold);
        if (den == 1)
            snprintf(weight, sizeof weight, "%u", num);
        else
            snprintf(weight, sizeof weight, "%u/%u", num, den);
        cli_cell_text(t, row, 9, weight);
        cli_cell_text(t, row, 10, in_avg ? "yes" : "no");
        cli_cell_text(t, row, 11, ta_framework_metric_source(fw, i));
    }
    cli_buf_free(&types);
}

static int list_metrics(const char *name, const cli_output *o)
{
    static const char *const about[] = {
        "Metric catalogues of the NHS Oversight Framework 2025/26 as built-in frameworks: each "
        "metric's Source says what NHS England's methodology manual or technical specification "
        "states and what is our reading where they are silent."};
    ta_framework *fw = NULL;
    cli_table t;
    cli_buf out = {0};
    int rc = load(&fw, name);
    if (rc != CLI_OK)
        return rc;
    cli_table_init(&t, N_METRIC_COLUMNS, metric_columns);
    metric_rows(&t, fw);
    if (t.failed) {
        rc = cli_error(CLI_INPUT, "out of memory");
    } else {
        cli_sheet sheet = {"Metrics", &t};
        rc = cli_output_write(&out, o, &sheet, 1, about, 1);
        if (rc == CLI_OK)
            rc = cli_output_emit(o, &out);
    }
    cli_buf_free(&out);
    cli_table_free(&t);
    ta_framework_free(fw);
    return rc;
}

/* Whether --metrics is among the arguments: its listing takes the output
 * options every command shares, the other forms keep their own. */
static int metrics_wanted(int argc, char **argv)
{
    for (int i = 0; i < argc; i++)
        if (strcmp(argv[i], "--metrics") == 0)
            return 1;
    return 0;
}

int cli_framework_run(int argc, char **argv)
{
    static const char cmd[] = "framework";
    const char *dump = NULL, *check_path = NULL, *out_path = NULL, *metrics = NULL;
    cli_output o;
    cli_buf out = {0};
    int rc;
    cli_output_init(&o, cmd, CLI_FORMATS_TABULAR, CLI_FORMAT_CSV);
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i], *v = NULL;
        int m;
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            cli_framework_help(stdout);
            return CLI_OK;
        }
        if (strcmp(arg, "--list") == 0)
            continue;
        if ((m = cli_option_value(argc, argv, &i, "--dump", &v)) != 0)
            dump = v;
        else if ((m = cli_option_value(argc, argv, &i, "--check", &v)) != 0)
            check_path = v;
        else if ((m = cli_option_value(argc, argv, &i, "--metrics", &v)) != 0)
            metrics = v;
        else if (metrics_wanted(argc, argv) && cli_output_option(&o, argc, argv, &i, &m)) {
            if (m != CLI_OK)
                return m;
            continue;
        } else if ((m = cli_option_value(argc, argv, &i, "-o", &v)) != 0 ||
                   (m = cli_option_value(argc, argv, &i, "--output", &v)) != 0)
            out_path = v;
        else
            return cli_usage_error(cmd, "unexpected argument \"%s\"", arg);
        if (m < 0)
            return cli_usage_error(cmd, "%s needs a value", arg);
    }
    if ((dump != NULL) + (check_path != NULL) + (metrics != NULL) > 1)
        return cli_usage_error(cmd, "give one of --dump, --check and --metrics");
    if (metrics) {
        if ((rc = cli_output_check(&o)) != CLI_OK)
            return rc;
        return list_metrics(metrics, &o);
    }
    if (check_path)
        return check(check_path);
    if (dump) {
        const char *text = ta_framework_preset_text(dump);
        if (!text)
            return cli_usage_error(cmd, "no built-in framework \"%s\" (see --list)", dump);
        cli_buf_puts(&out, text);
    } else {
        for (size_t k = 0; k < ta_framework_preset_count(); k++)
            cli_buf_printf(&out, "%s\n", ta_framework_preset_name(k));
    }
    rc = cli_emit(&out, out_path);
    cli_buf_free(&out);
    return rc;
}
