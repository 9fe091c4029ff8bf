/*
 * trustassess: the command-line face of libtrustassess.
 *
 *   trustassess league FILE ...      league tables of a published NOF file
 *   trustassess verify FILE ...      check the published figures against the rules
 *   trustassess explain FILE ...     how one trust's segment and rank came about
 *   trustassess framework ...        the built-in framework catalogues
 *   trustassess capital ...          capital scheme routes under the £100m rule
 *   trustassess status EVENTS.csv    each trust's status on a date
 *   trustassess reviews TRUSTS.csv   the five-yearly review schedule
 *   trustassess holidays YEAR        bank holidays of England and Wales
 *
 * main() only dispatches: the table below maps a subcommand's name to its run
 * and help functions, each in its own file. A new subcommand is a new file and
 * one line here. Exit codes are those of cli.h (the contract of issue 3).
 */
#include <string.h>

#include "cli.h"

static const cli_command commands[] = {
    {"league", "league tables of a published NOF file", cli_league_run, cli_league_help},
    {"verify", "check a file's published figures against the published method", cli_verify_run,
     cli_verify_help},
    {"explain", "how one trust's segment and rank came about", cli_explain_run, cli_explain_help},
    {"framework", "list or print the built-in framework catalogues", cli_framework_run,
     cli_framework_help},
    {"eligibility", "screen trusts against the AFT and IHO criteria", cli_eligibility_run,
     cli_eligibility_help},
    {"capital", "the route, approvers and paperwork of capital schemes (the £100m rule)",
     cli_capital_run, cli_capital_help},
    {"status", "each trust's status on a date from its dated events", cli_status_run,
     cli_status_help},
    {"reviews", "five-yearly review schedule of advanced foundation trusts", cli_reviews_run,
     cli_reviews_help},
    {"holidays", "bank holidays of England and Wales, as GOV.UK lists them", cli_holidays_run,
     cli_holidays_help},
};
enum { N_COMMANDS = sizeof commands / sizeof commands[0] };

static const cli_command *find_command(const char *name)
{
    for (size_t k = 0; k < N_COMMANDS; k++)
        if (strcmp(commands[k].name, name) == 0)
            return &commands[k];
    return NULL;
}

static void help(FILE *out)
{
    fputs("usage: trustassess COMMAND [ARGS]\n"
          "       trustassess help COMMAND | --help | --version\n"
          "\n"
          "NHS Oversight Framework 2025/26 segmentation and league tables, from NHS\n"
          "England's published files; capital routes and review schedules of advanced\n"
          "foundation trusts.\n"
          "\n"
          "Commands:\n",
          out);
    for (size_t k = 0; k < N_COMMANDS; k++)
        fprintf(out, "  %-10s %s\n", commands[k].name, commands[k].summary);
    fputs("\n"
          "FILE may be '-' for standard input. Exit status: 0 success, 1 a verification\n"
          "found an unexplained difference, 2 usage error, 3 input or output error.\n"
          "See trustassess(1).\n",
          out);
}

int main(int argc, char **argv)
{
    const cli_command *c;
    if (argc < 2)
        return cli_usage_error(NULL, "no command given");
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        help(stdout);
        return CLI_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("trustassess %s\n", ta_version_string());
        return CLI_OK;
    }
    if (strcmp(argv[1], "help") == 0) {
        if (argc == 2) {
            help(stdout);
            return CLI_OK;
        }
        if (argc > 3)
            return cli_usage_error(NULL, "help takes one command name");
        if (!(c = find_command(argv[2])))
            return cli_usage_error(NULL, "no command \"%s\"", argv[2]);
        c->help(stdout);
        return CLI_OK;
    }
    if (!(c = find_command(argv[1])))
        return cli_usage_error(NULL, "no command \"%s\"", argv[1]);
    return c->run(argc - 2, argv + 2);
}
