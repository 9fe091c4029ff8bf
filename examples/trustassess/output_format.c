/*
 * The trustassess command: one output contract for every command.
 *
 * Every command takes the same output options (--format, --bom/--excel,
 * --columns, -o) through cli_output_option, and writes its tables through
 * cli_output_write, so a format means the same thing everywhere: csv (RFC
 * 4180, optionally with the BOM that Excel needs to read UTF-8), table (fitted
 * to the terminal, empty columns left out), json (typed: numbers, booleans,
 * [low, high] ranges, null), xlsx (xlsx.c). A command lists the formats it
 * gives; a format it cannot give (html, svg: pictures, league only) is a
 * usage error naming the ones it can.
 */
#include "output.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"

static const char *const format_names[] = {"csv", "table", "json", "xlsx", "html", "svg", "ics"};
enum { N_FORMATS = sizeof format_names / sizeof format_names[0] };

const char *const cli_nhse_attribution[] = {
    "Source: NHS England, NHS Oversight Framework 2025/26 segmentation and league tables "
    "(england.nhs.uk/nhs-oversight-framework/segmentation-and-league-tables/).",
    "Contains public sector information licensed under the Open Government Licence v3.0 "
    "(nationalarchives.gov.uk/doc/open-government-licence/version/3/).",
    "Figures recomputed by libtrustassess from the published file; the rules and their "
    "sources are in its documentation."};
const size_t cli_nhse_attribution_count =
    sizeof cli_nhse_attribution / sizeof cli_nhse_attribution[0];

size_t cli_terminal_width(void)
{
    const char *env = getenv("COLUMNS");
    struct winsize ws;
    if (env && *env) {
        char *end = NULL;
        unsigned long v = strtoul(env, &end, 10);
        if (*end == '\0' && v > 0 && v < 100000)
            return (size_t)v;
    }
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    return 0;
}

void cli_output_init(cli_output *o, const char *cmd, unsigned formats, cli_format def)
{
    memset(o, 0, sizeof *o);
    o->cmd = cmd;
    o->formats = formats;
    o->format = def;
}

/* "csv, table, json or xlsx": the formats o gives, for messages. */
static void list_formats(char *buf, size_t size, unsigned formats)
{
    size_t count = 0, seen = 0, len = 0;
    buf[0] = '\0';
    for (int f = 0; f < N_FORMATS; f++)
        count += (formats >> f) & 1u;
    for (int f = 0; f < N_FORMATS && len < size; f++) {
        if (!((formats >> f) & 1u))
            continue;
        seen++;
        len += (size_t)snprintf(buf + len, size - len, "%s%s",
                                seen == 1       ? ""
                                : seen == count ? " or "
                                                : ", ",
                                format_names[f]);
    }
}

int cli_output_option(cli_output *o, int argc, char **argv, int *i, int *rc)
{
    const char *arg = argv[*i], *v = NULL;
    int m;
    *rc = CLI_OK;
    if (strcmp(arg, "--bom") == 0 || strcmp(arg, "--excel") == 0) {
        o->bom = 1;
        return 1;
    }
    if ((m = cli_option_value(argc, argv, i, "-o", &v)) != 0 ||
        (m = cli_option_value(argc, argv, i, "--output", &v)) != 0) {
        o->path = v;
    } else if ((m = cli_option_value(argc, argv, i, "--columns", &v)) != 0) {
        o->columns = v;
    } else if ((m = cli_option_value(argc, argv, i, "--encoding", &v)) != 0) {
        cli_encoding e = CLI_ENCODING_UTF8;
        if (m > 0 && !cli_encoding_parse(&e, v)) {
            *rc =
                cli_usage_error(o->cmd, "--encoding must be utf-8 or windows-1252, not \"%s\"", v);
            return 1;
        }
        o->encoding = (int)e;
    } else if ((m = cli_option_value(argc, argv, i, "--format", &v)) != 0) {
        int found = -1;
        char list[128];
        for (int f = 0; m > 0 && f < N_FORMATS; f++)
            if (strcmp(v, format_names[f]) == 0)
                found = f;
        if (m > 0 && strcmp(v, "text") == 0)
            found = CLI_FORMAT_TABLE;
        if (m > 0 && (found < 0 || !((o->formats >> found) & 1u))) {
            list_formats(list, sizeof list, o->formats);
            *rc = cli_usage_error(o->cmd, "--format must be %s, not \"%s\"", list, v);
            return 1;
        }
        if (m > 0) {
            o->format = (cli_format)found;
            o->format_given = 1;
        }
    } else {
        return 0;
    }
    if (m < 0)
        *rc = cli_usage_error(o->cmd, "%s needs a value", arg);
    return 1;
}

int cli_output_check(const cli_output *o)
{
    if (o->bom && o->format != CLI_FORMAT_CSV)
        return cli_usage_error(o->cmd, "--bom applies to --format csv");
    if (o->columns && !*o->columns)
        return cli_usage_error(o->cmd, "--columns needs at least one column name");
    return CLI_OK;
}

/* strcmp with ASCII letters compared without case (no locale). */
static int strcasecmp_ascii(const char *a, const char *b)
{
    for (;; a++, b++) {
        int x = (unsigned char)*a, y = (unsigned char)*b;
        if (x >= 'A' && x <= 'Z')
            x += 'a' - 'A';
        if (y >= 'A' && y <= 'Z')
            y += 'a' - 'A';
        if (x != y || x == 0)
            return x - y;
    }
}

/* The columns of t named by spec ("A,B,C"), as a table sharing t's cells'
 * texts (sel->cells are shallow copies: free with select_free). */
static int select_columns(cli_table *sel, const char ***names, const cli_table *t, const char *spec,
                          const char *cmd)
{
    size_t n = 1, *index;
    const char *p;
    int rc = CLI_OK;
    for (p = spec; *p; p++)
        n += *p == ',';
    index = malloc(n * sizeof *index);
    *names = malloc(n * sizeof **names);
    memset(sel, 0, sizeof *sel);
    if (!index || !*names) {
        free(index);
        free(*names);
        *names = NULL;
        return cli_error(CLI_INPUT, "out of memory");
    }
    p = spec;
    for (size_t k = 0; k < n && rc == CLI_OK; k++) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char name[128];
        size_t c;
        snprintf(name, sizeof name, "%.*s", (int)(len < sizeof name ? len : sizeof name - 1), p);
        for (c = 0; c < t->ncols; c++)
            if (strcasecmp_ascii(t->names[c], name) == 0)
                break;
        if (c == t->ncols) {
            const char *near = cli_suggest(name, t->names, t->ncols);
            if (near)
                rc = cli_usage_error(cmd, "--columns: no column \"%s\"; did you mean \"%s\"?", name,
                                     near);
            else
                rc = cli_usage_error(cmd, "--columns: no column \"%s\" (the columns are %s, ...)",
                                     name, t->names[0]);
            break;
        }
        index[k] = c;
        (*names)[k] = t->names[c];
        p = end ? end + 1 : p + len;
    }
    if (rc == CLI_OK) {
        sel->ncols = n;
        sel->names = *names;
        sel->nrows = t->nrows;
        sel->cells = malloc((t->nrows ? t->nrows : 1) * n * sizeof *sel->cells);
        if (!sel->cells)
            rc = cli_error(CLI_INPUT, "out of memory");
        for (size_t r = 0; rc == CLI_OK && r < t->nrows; r++)
            for (size_t k = 0; k < n; k++)
                sel->cells[r * n + k] = t->cells[r * t->ncols + index[k]];
    }
    free(index);
    if (rc != CLI_OK) {
        free(*names);
        *names = NULL;
        free(sel->cells);
        sel->cells = NULL;
    }
    return rc;
}

static void write_json_object(cli_buf *b, const cli_sheet *sheets, size_t n)
{
    cli_buf_puts(b, "{");
    for (size_t k = 0; k < n; k++) {
        cli_buf_puts(b, k ? ",\n" : "\n");
        cli_json_string(b, sheets[k].name);
        cli_buf_puts(b, ": ");
        cli_table_write(b, sheets[k].table, CLI_FORMAT_JSON);
        if (b->len > 0 && b->data[b->len - 1] == '\n')
            b->data[--b->len] = '\0';
    }
    cli_buf_puts(b, "\n}\n");
}

int cli_output_write(cli_buf *b, const cli_output *o, const cli_sheet *sheets, size_t n,
                     const char *const *about, size_t nabout)
{
    cli_table sel;
    const char **names = NULL;
    cli_sheet *use = NULL;
    int rc = CLI_OK;
    if (n == 0)
        return CLI_OK;
    for (size_t k = 0; k < n; k++)
        if (sheets[k].table->failed)
            return cli_error(CLI_INPUT, "out of memory");
    use = malloc(n * sizeof *use);
    if (!use)
        return cli_error(CLI_INPUT, "out of memory");
    memcpy(use, sheets, n * sizeof *use);
    if (o->columns) {
        if ((rc = select_columns(&sel, &names, sheets[0].table, o->columns, o->cmd)) != CLI_OK) {
            free(use);
            return rc;
        }
        use[0].table = &sel;
    }
    switch (o->format) {
    case CLI_FORMAT_CSV:
        cli_table_write_csv(b, use[0].table, o->bom);
        break;
    case CLI_FORMAT_JSON:
        if (n == 1)
            cli_table_write(b, use[0].table, CLI_FORMAT_JSON);
        else
            write_json_object(b, use, n);
        break;
    case CLI_FORMAT_XLSX:
        rc = cli_xlsx_write(b, use, n, about, nabout);
        break;
    case CLI_FORMAT_TABLE:
    case CLI_FORMAT_HTML:
    case CLI_FORMAT_SVG:
    case CLI_FORMAT_ICS:
        for (size_t k = 0; k < n; k++) {
            if (n > 1)
                cli_buf_printf(b, "%s%s:\n", k ? "\n" : "", use[k].name);
            cli_table_write(b, use[k].table, CLI_FORMAT_TABLE);
        }
        break;
    }
    if (o->columns) {
        free(sel.cells);
        free(names);
    }
    free(use);
    if (rc == CLI_OK && b->failed)
        rc = cli_error(CLI_INPUT, "out of memory");
    return rc;
}

int cli_output_emit(const cli_output *o, const cli_buf *b)
{
    if (o->format == CLI_FORMAT_XLSX && (!o->path || strcmp(o->path, "-") == 0) &&
        isatty(STDOUT_FILENO))
        return cli_usage_error(o->cmd, "an xlsx workbook is not for a terminal: give -o FILE.xlsx");
    return cli_emit(b, o->path);
}
