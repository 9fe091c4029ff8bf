/*
 * trustassess framework: the built-in framework catalogues.
 *
 * A framework is data (docs/framework-csv.md): the built-in presets are
 * catalogue text, and `--dump NAME` prints it so that a new year's framework
 * can start from this year's and be used with `league --framework FILE`.
 * `--check FILE` builds a catalogue file and reports its first error.
 */
#include <string.h>

#include "cli.h"
#include "output.h"

void cli_framework_help(FILE *out)
{
    fputs("usage: trustassess framework [--list]\n"
          "       trustassess framework --dump NAME [-o OUT]\n"
          "       trustassess framework --check CSV\n"
          "\n"
          "  --list        the names of the built-in frameworks, one a line (default)\n"
          "  --dump NAME   print built-in framework NAME as a catalogue CSV file\n"
          "  --check CSV   build catalogue file CSV; quiet when it is valid\n"
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
    if (ta_framework_builder_load_csv(b, path) != TA_OK ||
        ta_framework_builder_build(b, &fw) != TA_OK)
        rc = cli_error(CLI_INPUT, "%s", ta_framework_builder_error(b));
    ta_framework_free(fw);
    ta_framework_builder_free(b);
    return rc;
}

int cli_framework_run(int argc, char **argv)
{
    static const char cmd[] = "framework";
    const char *dump = NULL, *check_path = NULL, *out_path = NULL;
    cli_buf out = {0};
    int rc;
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
        else if ((m = cli_option_value(argc, argv, &i, "-o", &v)) != 0 ||
                 (m = cli_option_value(argc, argv, &i, "--output", &v)) != 0)
            out_path = v;
        else
            return cli_usage_error(cmd, "unexpected argument \"%s\"", arg);
        if (m < 0)
            return cli_usage_error(cmd, "%s needs a value", arg);
    }
    if (dump && check_path)
        return cli_usage_error(cmd, "give --dump or --check, not both");
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
