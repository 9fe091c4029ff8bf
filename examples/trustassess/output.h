/*
 * The trustassess command: building output in memory and writing it.
 *
 * A subcommand builds its whole output in a cli_buf and writes it only when it
 * has succeeded, so a failure never leaves half a table on standard output or
 * in a file. `-o FILE` writes a temporary file in FILE's directory and renames
 * it over FILE, so FILE is either untouched or complete.
 *
 * Tabular results are a cli_table of text cells, written as CSV (RFC 4180,
 * LF, UTF-8 without BOM), JSON (an array of objects, empty cells as null) or
 * aligned text for a terminal. Numbers are made into text by the library's
 * locale-independent ta_format_decimal, never by printf("%f").
 */
#ifndef TRUSTASSESS_CLI_OUTPUT_H
#define TRUSTASSESS_CLI_OUTPUT_H

#include <stddef.h>

/* A growable byte buffer; `failed` is set when memory ran out. */
typedef struct cli_buf {
    char *data;
    size_t len, cap;
    int failed;
} cli_buf;

void cli_buf_add(cli_buf *b, const char *s, size_t n);
void cli_buf_puts(cli_buf *b, const char *s);
void cli_buf_printf(cli_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cli_buf_free(cli_buf *b);

/* Writes the buffer to `path` atomically, or to standard output when path is
 * NULL or "-". Returns CLI_OK, or CLI_INPUT after a message naming the path. */
int cli_emit(const cli_buf *b, const char *path);

/* What a cell holds: nothing (CSV empty, JSON null), text, or a number whose
 * text is written as is (JSON number). */
typedef enum cli_cell_kind { CLI_CELL_NULL = 0, CLI_CELL_TEXT, CLI_CELL_NUMBER } cli_cell_kind;

typedef struct cli_cell {
    cli_cell_kind kind;
    char *text;
} cli_cell;

typedef struct cli_table {
    size_t ncols;
    const char *const *names; /* column names (not copied) */
    cli_cell *cells;          /* nrows x ncols */
    size_t nrows, cap;
    int failed;
} cli_table;

typedef enum cli_format { CLI_FORMAT_CSV = 0, CLI_FORMAT_TABLE, CLI_FORMAT_JSON } cli_format;

void cli_table_init(cli_table *t, size_t ncols, const char *const *names);
void cli_table_free(cli_table *t);
/* Appends a row of null cells; returns its first cell, or NULL when out of memory. */
cli_cell *cli_table_add_row(cli_table *t);
/* Cell setters: text ("" and NULL make a null cell), a decimal with `decimals`
 * places (ta_format_decimal), an integer. They record failure in t->failed. */
void cli_cell_text(cli_table *t, cli_cell *row, size_t col, const char *text);
void cli_cell_decimal(cli_table *t, cli_cell *row, size_t col, double x, int decimals);
void cli_cell_int(cli_table *t, cli_cell *row, size_t col, long long x);
/* A number in its short form (cli_format_short), for computed values. */
void cli_cell_short(cli_table *t, cli_cell *row, size_t col, double x);

void cli_table_write(cli_buf *b, const cli_table *t, cli_format format);
void cli_json_string(cli_buf *b, const char *s);

/* x as a short decimal: up to 6 places, trailing zeros removed ("2.0055", "3"). */
void cli_format_short(char *buf, size_t size, double x);

/* Parses "csv", "table", "json" (and "text" as table when allow_text). */
int cli_format_parse(cli_format *f, const char *text, int allow_text);

#endif /* TRUSTASSESS_CLI_OUTPUT_H */
