/*
 * The trustassess command: what its source files share.
 *
 * The command is a thin shell over the public API: it parses arguments, asks
 * the library, and formats what the library answers (no NOF rule lives here).
 * main.c holds the table of subcommands; each subcommand is one file with a
 * run function (argv after the subcommand's name) and a help function, so a
 * new subcommand is one new file and one line in the table. Every run
 * function returns one of the exit codes below, having printed at most one
 * error line (and a hint) on stderr.
 */
#ifndef TRUSTASSESS_CLI_H
#define TRUSTASSESS_CLI_H

#include <stdio.h>

#include <trustassess.h>

/* Exit codes: the command's contract (issue 3, trustassess(1)). */
enum {
    CLI_OK = 0,     /* success */
    CLI_DIFFER = 1, /* a verification found an unexplained difference */
    CLI_USAGE = 2,  /* bad arguments, or an argument naming nothing in the file */
    CLI_INPUT = 3   /* unreadable or malformed input, or output that cannot be written */
};

/* One subcommand: `trustassess NAME ...`. */
typedef struct cli_command {
    const char *name;
    const char *summary;               /* one line for `trustassess --help` */
    int (*run)(int argc, char **argv); /* argv[0] is the first argument after NAME */
    void (*help)(FILE *out);           /* the text of `trustassess help NAME` */
} cli_command;

/* The subcommands (one file each). */
int cli_league_run(int argc, char **argv);
void cli_league_help(FILE *out);
int cli_verify_run(int argc, char **argv);
void cli_verify_help(FILE *out);
int cli_explain_run(int argc, char **argv);
void cli_explain_help(FILE *out);
int cli_framework_run(int argc, char **argv);
void cli_framework_help(FILE *out);
int cli_eligibility_run(int argc, char **argv);
void cli_eligibility_help(FILE *out);
int cli_capital_run(int argc, char **argv);
void cli_capital_help(FILE *out);
int cli_reviews_run(int argc, char **argv);
void cli_reviews_help(FILE *out);
int cli_holidays_run(int argc, char **argv);
void cli_holidays_help(FILE *out);
int cli_status_run(int argc, char **argv);
void cli_status_help(FILE *out);

/* ---- the status register (status.c) ----------------------------------- */

/* A register read from EVENTS.csv at `path` ("-" = standard input). Returns
 * CLI_OK, or CLI_INPUT after a message; *out is freed by the caller either way. */
int cli_register_open(ta_register **out, const char *cmd_name, const char *path);
/* The date of the register's latest event (0001-01-01 when empty). */
ta_date cli_register_latest(const ta_register *r);
/* Whether CSV text's header has an Event column (an events file). */
int cli_is_events_csv(const char *data, size_t len);

/* ---- messages (args.c) ------------------------------------------------ */

/* "trustassess: CMD: message" and "Try 'trustassess help CMD'." on stderr;
 * returns CLI_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "trustassess: message" on stderr; returns `code`. */
int cli_error(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * Matches argv[*i] against option `name` taking a value, as "--name VALUE" or
 * "--name=VALUE". Returns 0 when argv[*i] is another argument, 1 with *value
 * set (and *i moved past the value), or -1 when the value is missing.
 */
int cli_option_value(int argc, char **argv, int *i, const char *name, const char **value);
/* Whether argv[i] is an option (starts with '-' and is not "-" itself). */
int cli_is_option(const char *arg);

/* The name of names[0..n) nearest to `text` when it is near enough to be a
 * slip of the keyboard, else NULL (suggest.c). */
const char *cli_suggest(const char *text, const char *const *names, size_t n);

/* ---- inputs (input.c) ------------------------------------------------- */

struct cli_buf;

/* The text encoding of input files (encoding.c): UTF-8, or Windows-1252 (what
 * Excel's plain "CSV (Comma delimited)" saves) when --encoding says so. */
typedef enum cli_encoding { CLI_ENCODING_UTF8 = 0, CLI_ENCODING_WINDOWS_1252 } cli_encoding;
/* Parses "utf-8" or "windows-1252" (and cp1252); 0 when neither. */
int cli_encoding_parse(cli_encoding *e, const char *text);
/* Checks that b holds UTF-8 (an error naming line, column and byte, with how
 * to save the file as CSV UTF-8), or decodes it from Windows-1252 into UTF-8
 * in place. Returns CLI_OK or CLI_INPUT after the message. */
int cli_decode_input(struct cli_buf *b, const char *name, cli_encoding encoding);

/* Reads the whole of `path` ("-" = standard input) into b, as UTF-8 text
 * (cli_decode_input). Returns CLI_OK, or CLI_INPUT after a message naming the
 * path (b is then freed). */
int cli_read_all(struct cli_buf *b, const char *path);
/* The same, reading the file in the given encoding. */
int cli_read_all_as(struct cli_buf *b, const char *path, cli_encoding encoding);
/* How `path` is named in messages: "<stdin>" for "-", else the path. */
const char *cli_input_name(const char *path);

/* How segment cut-offs are chosen (--cutoffs). */
typedef enum cli_cutoff_kind {
    CLI_CUTOFFS_DEFAULT = 0, /* published when the quarter has them, else an error */
    CLI_CUTOFFS_PUBLISHED,
    CLI_CUTOFFS_QUARTILES,
    CLI_CUTOFFS_GIVEN,
    CLI_CUTOFFS_QUARTILES_TYPE,
    CLI_CUTOFFS_FIXED
} cli_cutoff_kind;

#define CLI_MAX_CUTOFFS 8

typedef struct cli_cutoffs {
    cli_cutoff_kind kind;
    const char *spec; /* the argument, for messages */
    size_t n;         /* CLI_CUTOFFS_GIVEN: the numbers */
    double values[CLI_MAX_CUTOFFS];
} cli_cutoffs;

/* A framework and a published file read against it. */
typedef struct cli_input {
    ta_framework *fw;
    ta_nhse_file *file;
    ta_nhse_source source;
    cli_cutoffs cutoffs;
    cli_encoding encoding; /* of the file (--encoding) */
} cli_input;

/* Parses a --cutoffs argument (numbers are checked against the framework by
 * cli_input_open). Returns CLI_OK or a usage error. */
int cli_cutoffs_parse(cli_cutoffs *c, const char *cmd, const char *spec);

/* The FILE arguments of a command. */
#define CLI_MAX_FILES 64
typedef struct cli_files {
    const char *paths[CLI_MAX_FILES];
    size_t n;
} cli_files;

/* Adds a FILE argument ("-" = standard input, at most once); a usage error
 * when there are too many. */
int cli_files_add(cli_files *fs, const char *cmd, const char *path);

/* Makes the framework (the preset, or the catalogue at framework_path) and
 * reads every file, merged by quarter by the library. Checks given cut-offs
 * against the framework. On failure reports and returns the exit code;
 * cli_input_close is safe either way. */
int cli_input_open(cli_input *in, const char *cmd, const cli_files *files,
                   const char *framework_path);
void cli_input_close(cli_input *in);

/* The period named by `text` (exact or first word), or an error (CLI_USAGE). */
int cli_find_period(const char **period, const cli_input *in, const char *cmd, const char *text);

/* Where the cut-offs come from under in->cutoffs, for messages (static text). */
const char *cli_cutoff_origin(const cli_input *in);

/* The library's league of the input under in->cutoffs and in->source, for
 * one quarter (NULL = all) and trust type (NULL = all), with likely ranges
 * when replicates > 0 (central 95%), run. On failure reports and returns the
 * exit code (the published-cut-offs hint when the default finds none). */
int cli_league_make(ta_league **out, cli_input *in, const char *cmd, const char *period,
                    const char *type, uint32_t replicates, uint64_t seed, unsigned threads);

/* A quarter's cut-offs, for the league-table picture. */
typedef struct cli_league_cutoffs {
    const char *period;
    size_t n;
    double values[CLI_MAX_CUTOFFS];
} cli_league_cutoffs;

struct cli_table;
/* The league table t (the league command's columns) as a caterpillar plot per
 * quarter and trust type: a self-contained html page (plots and tables) or
 * one svg image (html.c). format is CLI_FORMAT_HTML or CLI_FORMAT_SVG. */
int cli_league_picture(struct cli_buf *b, int format, const struct cli_table *t,
                       const cli_league_cutoffs *sets, size_t nsets);

#endif /* TRUSTASSESS_CLI_H */
