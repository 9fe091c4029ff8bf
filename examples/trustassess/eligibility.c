/*
 * trustassess eligibility: the earned-autonomy screen (advanced foundation
 * trusts, and Integrated Health Organisations on top).
 *
 * A thin shell over ta_screen: it reads the file, makes the criteria sets (the
 * built-in aft-2025 and iho-2025, or files given with --criteria / --iho),
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
    fputs("usage: trustassess eligibility FILE [--quarters N] [--criteria CSV] [--iho CSV]\n"
          "                              [--no-iho] [--trust CODE] [--format csv|table|json]\n"
          "                              [--framework CSV] [-o OUT]\n"
          "\n"
          "Screens every trust of FILE's last quarter against the advanced foundation\n"
          "trust criteria (default: the built-in set aft-2025, our reading of the\n"
          "published criteria) using every quarter of FILE as evidence, and, for trusts\n"
          "that pass, against the stricter IHO criteria (default: iho-2025). Per trust:\n"
          "eligible (every criterion met), close (exactly one not met or without\n"
          "evidence: what would have to change), or not eligible. No evidence is never\n"
          "counted as met. The screen is an aid to the panel's judgement, not the\n"
          "decision. See docs/eligibility.md.\n"
          "\n"
          "  --quarters N      segment criteria look at the last N quarters (1..40)\n"
          "  --criteria CSV    the AFT criteria from a file (Id,Name,Kind,Parameters,...)\n"
          "  --iho CSV         the IHO criteria from a file; --no-iho screens AFT only\n"
          "  --trust CODE      one trust (table format: every criterion with its reason)\n"
          "  --format F        csv (default), table, json\n"
          "  --framework CSV   the framework catalogue FILE was published under\n"
          "  -o OUT            write to OUT (atomically) instead of standard output\n",
          out);
}

typedef struct elig_args {
    const char *file, *criteria, *iho, *trust, *framework, *out;
    int quarters, no_iho;
    cli_format format;
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
        else if ((m = cli_option_value(argc, argv, &i, "--trust", &v)) != 0)
            ea->trust = v;
        else if ((m = cli_option_value(argc, argv, &i, "--framework", &v)) != 0)
            ea->framework = v;
        else if ((m = cli_option_value(argc, argv, &i, "-o", &v)) != 0 ||
                 (m = cli_option_value(argc, argv, &i, "--output", &v)) != 0)
            ea->out = v;
        else if ((m = cli_option_value(argc, argv, &i, "--format", &v)) != 0) {
            if (m > 0 && !cli_format_parse(&ea->format, v, 0))
                return cli_usage_error(cmd, "--format must be csv, table or json, not \"%s\"", v);
        } else if (strcmp(arg, "--no-iho") == 0) {
            ea->no_iho = 1;
            continue;
        } else if (cli_is_option(arg)) {
            return cli_usage_error(cmd, "unknown option \"%s\"", arg);
        } else {
            if (ea->file)
                return cli_usage_error(cmd, "one FILE only (\"%s\" is a second)", arg);
            ea->file = arg;
            continue;
        }
        if (m < 0)
            return cli_usage_error(cmd, "%s needs a value", arg);
    }
    if (!ea->file)
        return cli_usage_error(cmd, "no FILE given ('-' reads standard input)");
    if (ea->no_iho && ea->iho)
        return cli_usage_error(cmd, "--iho and --no-iho exclude each other");
    return CLI_OK;
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
    if (ta_criteria_load_csv(*out, path) != TA_OK)
        return cli_error(CLI_INPUT, "%s", ta_criteria_error(*out));
    return CLI_OK;
}

static const ta_screen_format formats[] = {TA_SCREEN_CSV, TA_SCREEN_TABLE, TA_SCREEN_JSON};

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
    if ((rc = parse(&ea, argc, argv)) != CLI_OK)
        return rc;
    if ((rc = cli_input_open(&in, "eligibility", ea.file, ea.framework)) != CLI_OK ||
        (rc = make_criteria(&aft, "aft-2025", ea.criteria)) != CLI_OK ||
        (!ea.no_iho && (rc = make_criteria(&iho, "iho-2025", ea.iho)) != CLI_OK))
        goto done;
    if (ta_nhse_file_period_count(in.file) == 0) {
        rc = cli_error(CLI_INPUT, "%s: the file has no rows", ea.file);
        goto done;
    }
    if ((st = ta_screen_new_nhse(&s, in.fw, in.file, NULL)) != TA_OK) {
        rc = cli_error(CLI_INPUT, "%s", ta_strerror(st));
        goto done;
    }
    if (ea.trust && ta_screen_find_trust(&index, s, ea.trust) != TA_OK) {
        rc = cli_usage_error("eligibility", "no trust \"%s\" in %s", ea.trust,
                             ta_screen_period(s, ta_screen_period_count(s) - 1));
        goto done;
    }
    if ((ea.quarters && ta_screen_set_quarters(s, ea.quarters) != TA_OK) ||
        ta_screen_run(s, aft, iho) != TA_OK ||
        ta_screen_export(s, formats[ea.format], ea.trust, &text, &len) != TA_OK) {
        /* Criteria naming a domain or metric the framework lacks end here. */
        rc = cli_error(CLI_INPUT, "%s", ta_screen_error(s));
        goto done;
    }
    cli_buf_add(&out, text, len);
    rc = out.failed ? cli_error(CLI_INPUT, "out of memory") : cli_emit(&out, ea.out);
done:
    ta_screen_free(s);
    ta_criteria_free(aft);
    ta_criteria_free(iho);
    cli_buf_free(&out);
    cli_input_close(&in);
    return rc;
}
