/*
 * The trustassess command: error messages and option matching.
 *
 * Options are matched by hand ("--name VALUE" and "--name=VALUE") rather than
 * with getopt_long, which is a GNU extension and permutes argv; the command
 * has few options per subcommand and every subcommand parses its own.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "trustassess: %s%s", cmd ? cmd : "", cmd ? ": " : "");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    if (cmd)
        fprintf(stderr, "\nTry 'trustassess help %s'.\n", cmd);
    else
        fprintf(stderr, "\nTry 'trustassess --help'.\n");
    return CLI_USAGE;
}

int cli_error(int code, const char *fmt, ...)
{
    va_list ap;
    fputs("trustassess: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return code;
}

int cli_option_value(int argc, char **argv, int *i, const char *name, const char **value)
{
    const char *arg = argv[*i];
    size_t len = strlen(name);
    if (strncmp(arg, name, len) != 0)
        return 0;
    if (arg[len] == '=') {
        *value = arg + len + 1;
        return 1;
    }
    if (arg[len] != '\0')
        return 0;
    if (*i + 1 >= argc)
        return -1;
    *value = argv[++*i];
    return 1;
}

int cli_is_option(const char *arg)
{
    return arg[0] == '-' && arg[1] != '\0';
}
