/*
 * The trustassess command: building output in memory and writing it.
 *
 * A subcommand builds its whole output in a cli_buf and writes it only when it
 * has succeeded, so a failure never leaves half a table on standard output or
 * in a file. `-o FILE` writes a temporary file in FILE's directory and renames
 * it over FILE, so FILE is either untouched or complete; FILE keeps its mode,
 * owner and group, a symbolic link is followed (and kept), and a device or
 * FIFO is written in place rather than replaced.
 *
 * Tabular results are a cli_table of typed cells (each with the text CSV
 * shows and, for numbers, money, dates, flags, ranges and lists, the type that
 * JSON and xlsx keep), written as CSV (RFC 4180, LF, UTF-8, a BOM on request),
 * typed JSON, an xlsx workbook (xlsx.c) or aligned text fitted to the
 * terminal. Every command reaches them through one set of options
 * (output_format.c). Numbers are made into text by the library's
 * locale-independent ta_decimal_format, never by printf("%f").
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

/* Writes the buffer to `path` (atomically when it is a regular file or does
 * not exist; in place when it is a device or FIFO), or to standard output when
 * path is NULL or "-". Returns CLI_OK, or CLI_INPUT after a message naming the
 * path; on failure a regular file at `path` is left as it was. */
int cli_emit(const cli_buf *b, const char *path);

/* What a cell holds. Each kind has one text (what CSV and the table print)
 * and, where the kind has one, a typed value for JSON and xlsx:
 *   NULL    nothing: CSV empty, JSON null, xlsx blank
 *   TEXT    text: a JSON string
 *   NUMBER  a number written as is (JSON number, xlsx number with as many
 *           decimals as the text has)
 *   MONEY   pounds as plain text ("-0.01"): JSON number, xlsx currency
 *   DATE    YYYY-MM-DD: JSON string, xlsx date
 *   BOOL    "Yes"/"No" (or any text) with a truth value: JSON true/false
 *   RANGE   "1.21 to 1.9" with its two bounds: JSON [lo, hi]
 *   LIST    "a | b" with its separator: a JSON array of strings (of numbers
 *           when `truth` is set: cli_cell_number_list) */
typedef enum cli_cell_kind {
    CLI_CELL_NULL = 0,
    CLI_CELL_TEXT,
    CLI_CELL_NUMBER,
    CLI_CELL_MONEY,
    CLI_CELL_DATE,
    CLI_CELL_BOOL,
    CLI_CELL_RANGE,
    CLI_CELL_LIST
} cli_cell_kind;

typedef struct cli_cell {
    cli_cell_kind kind;
    char *text;
    int truth;       /* BOOL; LIST: the items are numbers */
    double bound[2]; /* RANGE: low and high */
    const char *sep; /* LIST: the separator (static text) */
} cli_cell;

typedef struct cli_table {
    size_t ncols;
    const char *const *names; /* column names (not copied) */
    cli_cell *cells;          /* nrows x ncols */
    size_t nrows, cap;
    int failed;
} cli_table;

/* Output formats: the same set for every command (cli_output_option); a
 * command refuses the ones it cannot give (html and svg: a picture, league). */
typedef enum cli_format {
    CLI_FORMAT_CSV = 0,
    CLI_FORMAT_TABLE,
    CLI_FORMAT_JSON,
    CLI_FORMAT_XLSX,
    CLI_FORMAT_HTML,
    CLI_FORMAT_SVG,
    CLI_FORMAT_ICS /* reviews only: an iCalendar file */
} cli_format;

void cli_table_init(cli_table *t, size_t ncols, const char *const *names);
void cli_table_free(cli_table *t);
/* Appends a row of null cells; returns its first cell, or NULL when out of memory. */
cli_cell *cli_table_add_row(cli_table *t);
/* Cell setters: text ("" and NULL make a null cell), a decimal with `decimals`
 * places (ta_decimal_format), an integer. They record failure in t->failed. */
void cli_cell_text(cli_table *t, cli_cell *row, size_t col, const char *text);
void cli_cell_decimal(cli_table *t, cli_cell *row, size_t col, double x, int decimals);
void cli_cell_int(cli_table *t, cli_cell *row, size_t col, long long x);
/* A number in its short form (cli_format_short), for computed values. */
void cli_cell_short(cli_table *t, cli_cell *row, size_t col, double x);

/* A cell holding "Yes"/"No"-style text with its truth value (JSON true/false). */
void cli_cell_bool(cli_table *t, cli_cell *row, size_t col, int truth, const char *text);
/* Money as plain pounds ("1234.50", "-0.01"): a JSON number, currency in xlsx. */
void cli_cell_money(cli_table *t, cli_cell *row, size_t col, const char *pounds);
/* A civil date, written YYYY-MM-DD: a date in xlsx. */
void cli_cell_date(cli_table *t, cli_cell *row, size_t col, const char *text);
/* A range: its text as NHS England writes it ("1.21 to 1.9") and its bounds. */
void cli_cell_range(cli_table *t, cli_cell *row, size_t col, const char *text, double lo,
                    double hi);

/* Items joined by `sep` (static text, e.g. " | "): a JSON array of strings. */
void cli_cell_list(cli_table *t, cli_cell *row, size_t col, const char *text, const char *sep);
/* The same with numbers as items ("2.02; 2.29"): a JSON array of numbers. */
void cli_cell_number_list(cli_table *t, cli_cell *row, size_t col, const char *text,
                          const char *sep);

/* Writes t as CSV, aligned text (TABLE) or JSON. Other formats are written by
 * cli_output_write (output_format.c). bom: CSV starts with a UTF-8 BOM. */
void cli_table_write(cli_buf *b, const cli_table *t, cli_format format);
void cli_table_write_csv(cli_buf *b, const cli_table *t, int bom);
void cli_json_string(cli_buf *b, const char *s);
/* The JSON value of one cell (null, a number, a string, true/false, [lo, hi]). */
void cli_json_cell(cli_buf *b, const cli_cell *cell);

/* x as a short decimal: up to 6 places, trailing zeros removed ("2.0055", "3"). */
void cli_format_short(char *buf, size_t size, double x);

/* ---- the output contract (output_format.c) ------------------------------ */

/* The width a table must fit: $COLUMNS when set, else the terminal's when
 * standard output is one, else 0 (no limit). */
size_t cli_terminal_width(void);

#define CLI_FORMATS_TABULAR                                                                        \
    ((1u << CLI_FORMAT_CSV) | (1u << CLI_FORMAT_TABLE) | (1u << CLI_FORMAT_JSON) |                 \
     (1u << CLI_FORMAT_XLSX))

/* One command's output options, parsed the same way by every command:
 *   --format F         csv, table (or text), json, xlsx, html, svg, ics
 *   --bom, --excel     CSV starts with a UTF-8 byte order mark (Excel reads "£")
 *   --columns A,B,...  only these columns, in this order
 *   -o OUT, --output   write OUT (atomically) instead of standard output
 *   --encoding E       input files are utf-8 (default) or windows-1252 */
typedef struct cli_output {
    const char *cmd;  /* for messages */
    unsigned formats; /* bit (1u << f) for each format the command gives */
    cli_format format;
    int format_given; /* --format was given (a command may default to a text block) */
    int bom;
    const char *columns;
    const char *path;
    int encoding; /* cli_encoding of the command's input files */
} cli_output;

/* A named table: one sheet of a workbook, one key of a JSON object. */
typedef struct cli_sheet {
    const char *name;
    const cli_table *table;
} cli_sheet;

void cli_output_init(cli_output *o, const char *cmd, unsigned formats, cli_format def);
/* Matches argv[*i] against the options above. Returns 0 when it is another
 * argument; 1 when consumed, with *rc CLI_OK or a usage error's exit code. */
int cli_output_option(cli_output *o, int argc, char **argv, int *i, int *rc);
/* After parsing: refuses --bom without csv and --columns naming nothing
 * (checked against the first sheet when written). */
int cli_output_check(const cli_output *o);

/* Writes the sheets in o's format: csv and table give the first sheet (the
 * command's main table), json an object of arrays keyed by sheet name when
 * there are several, xlsx a workbook with a sheet each and an "About" sheet
 * of `about` lines (source, licence, command). --columns applies to the first
 * sheet. Returns CLI_OK or an error's exit code (reported). */
int cli_output_write(cli_buf *b, const cli_output *o, const cli_sheet *sheets, size_t n,
                     const char *const *about, size_t nabout);
/* cli_emit to o->path, refusing to write a workbook to a terminal. */
int cli_output_emit(const cli_output *o, const cli_buf *b);
/* The lines of the About sheet for NHS England's published data. */
extern const char *const cli_nhse_attribution[];
extern const size_t cli_nhse_attribution_count;

/* The xlsx workbook of the sheets (xlsx.c), in b. */
int cli_xlsx_write(cli_buf *b, const cli_sheet *sheets, size_t n, const char *const *about,
                   size_t nabout);

#endif /* TRUSTASSESS_CLI_OUTPUT_H */
