/*
 * The trustassess command: reading published files and making their league.
 *
 * What `league`, `explain`, `verify` and `eligibility` share: the framework
 * (the built-in preset or a catalogue file), the published files (paths, or
 * "-" once for standard input, read whole into memory and merged by quarter
 * by the library), finding a quarter, and the library's league object
 * (ta_league) with the --cutoffs and --from-values options. Every rule and
 * all the orchestration are the library's; this file only routes arguments
 * to it and its messages to stderr.
 */
#define TA_EXPERIMENTAL /* the likely ranges and what-if (trustassess/analysis.h) */

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "output.h"

#define CLI_PRESET "nof-2025-26"

int cli_cutoffs_parse(cli_cutoffs *c, const char *cmd, const char *spec)
{
    const char *p = spec;
    memset(c, 0, sizeof *c);
    c->spec = spec;
    if (strcmp(spec, "published") == 0) {
        c->kind = CLI_CUTOFFS_PUBLISHED;
        return CLI_OK;
    }
    if (strcmp(spec, "quartiles") == 0) {
        c->kind = CLI_CUTOFFS_QUARTILES;
        return CLI_OK;
    }
    if (strcmp(spec, "quartiles-by-type") == 0) {
        c->kind = CLI_CUTOFFS_QUARTILES_TYPE;
        return CLI_OK;
    }
    if (strcmp(spec, "fixed") == 0) {
        c->kind = CLI_CUTOFFS_FIXED;
        return CLI_OK;
    }
    c->kind = CLI_CUTOFFS_GIVEN;
    for (;;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char num[64];
        if (c->n == CLI_MAX_CUTOFFS)
            return cli_usage_error(cmd, "--cutoffs: more than %d numbers in \"%s\"",
                                   CLI_MAX_CUTOFFS, spec);
        if (len == 0 || len >= sizeof num)
            return cli_usage_error(cmd,
                                   "--cutoffs: expected A,B,C, published, quartiles, "
                                   "quartiles-by-type or fixed, not \"%s\"",
                                   spec);
        memcpy(num, p, len);
        num[len] = '\0';
        if (ta_decimal_parse(&c->values[c->n], num) != TA_OK)
            return cli_usage_error(cmd,
                                   "--cutoffs: \"%s\" is not a number (expected A,B,C, "
                                   "published, quartiles, quartiles-by-type or fixed)",
                                   num);
        c->n++;
        if (!end)
            return CLI_OK;
        p = end + 1;
    }
}

static int make_framework(cli_input *in, const char *framework_path)
{
    ta_framework_builder *b = NULL;
    ta_status st;
    int rc = CLI_OK;
    if (!framework_path) {
        st = ta_framework_preset(&in->fw, CLI_PRESET, NULL);
        return st == TA_OK ? CLI_OK
                           : cli_error(CLI_INPUT, "preset %s: %s", CLI_PRESET, ta_strerror(st));
    }
    if ((st = ta_framework_builder_new(&b, framework_path, NULL)) != TA_OK)
        return cli_error(CLI_INPUT, "%s: %s", framework_path, ta_strerror(st));
    if (ta_framework_builder_read_file(b, framework_path) != TA_OK ||
        ta_framework_builder_build(&in->fw, b) != TA_OK)
        rc = cli_error(CLI_INPUT, "%s", ta_framework_builder_error(b));
    ta_framework_builder_free(b);
    return rc;
}

/* Given cut-offs must be ones the framework accepts: checked on an empty
 * assessment so that the library's own rule and message apply. */
static int check_given_cutoffs(cli_input *in, const char *cmd)
{
    ta_assessment *a = NULL;
    size_t want = ta_framework_segment_count(in->fw) - 1;
    int rc = CLI_OK;
    if (in->cutoffs.n != want)
        return cli_usage_error(cmd,
                               "--cutoffs: the framework has %zu segments, so give %zu "
                               "cut-offs, not %zu",
                               want + 1, want, in->cutoffs.n);
    if (ta_assessment_new(&a, in->fw, NULL) != TA_OK)
        return cli_error(CLI_INPUT, "out of memory");
    if (ta_assessment_set_cutoffs(a, in->cutoffs.n, in->cutoffs.values) != TA_OK)
        rc = cli_usage_error(cmd, "--cutoffs %s: %s", in->cutoffs.spec, ta_assessment_error(a));
    ta_assessment_free(a);
    return rc;
}

/* The file (or standard input) read whole and checked or decoded as text
 * before the library reads it, so that a file saved by Excel as Windows-1252
 * gets a message that says so. */
static int read_file(ta_nhse_file *f, const char *path, cli_encoding encoding)
{
    cli_buf b = {0};
    int rc = cli_read_all_as(&b, path, encoding);
    if (rc == CLI_OK &&
        ta_nhse_file_add_buffer(f, b.data ? b.data : "", b.len, cli_input_name(path)) != TA_OK)
        rc = cli_error(CLI_INPUT, "%s", ta_nhse_file_error(f));
    cli_buf_free(&b);
    return rc;
}

int cli_files_add(cli_files *fs, const char *cmd, const char *path)
{
    if (fs->n == CLI_MAX_FILES)
        return cli_usage_error(cmd, "at most %d files", CLI_MAX_FILES);
    for (size_t i = 0; i < fs->n; i++)
        if (strcmp(path, "-") == 0 && strcmp(fs->paths[i], "-") == 0)
            return cli_usage_error(cmd, "standard input ('-') can be read only once");
    fs->paths[fs->n++] = path;
    return CLI_OK;
}

const char *cli_input_name(const char *path)
{
    return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

int cli_read_all(cli_buf *b, const char *path)
{
    return cli_read_all_as(b, path, CLI_ENCODING_UTF8);
}

int cli_read_all_as(cli_buf *b, const char *path, cli_encoding encoding)
{
    FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    char chunk[65536];
    size_t n;
    int rc = CLI_OK;
    if (!fp && errno == ENOENT) /* as the library words it */
        return cli_error(CLI_INPUT, "%s: no such file or directory", path);
    if (!fp)
        return cli_error(CLI_INPUT, "%s: cannot open: %s", path, strerror(errno));
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
        cli_buf_add(b, chunk, n);
    if (ferror(fp))
        rc = cli_error(CLI_INPUT, "%s: read error", cli_input_name(path));
    else if (b->failed)
        rc = cli_error(CLI_INPUT, "%s: out of memory", cli_input_name(path));
    if (fp != stdin)
        fclose(fp);
    if (rc == CLI_OK)
        rc = cli_decode_input(b, cli_input_name(path), encoding);
    if (rc != CLI_OK)
        cli_buf_free(b);
    return rc;
}

int cli_input_open(cli_input *in, const char *cmd, const cli_files *files,
                   const char *framework_path)
{
    int rc;
    if ((rc = make_framework(in, framework_path)) != CLI_OK)
        return rc;
    if (in->cutoffs.kind == CLI_CUTOFFS_GIVEN && (rc = check_given_cutoffs(in, cmd)) != CLI_OK)
        return rc;
    if (ta_framework_segment_count(in->fw) - 1 > CLI_MAX_CUTOFFS)
        return cli_error(CLI_INPUT, "the framework has more segments than this command handles");
    if (ta_nhse_file_new(&in->file, in->fw, NULL) != TA_OK)
        return cli_error(CLI_INPUT, "out of memory");
    for (size_t i = 0; i < files->n; i++)
        if ((rc = read_file(in->file, files->paths[i], in->encoding)) != CLI_OK)
            return rc;
    return CLI_OK;
}

void cli_input_close(cli_input *in)
{
    ta_nhse_file_free(in->file);
    ta_framework_free(in->fw);
    in->file = NULL;
    in->fw = NULL;
}

/* The file's quarters as "A, B, C" for messages. */
static void list_periods(cli_buf *b, const ta_nhse_file *f)
{
    for (size_t i = 0; i < ta_nhse_file_period_count(f); i++) {
        if (i)
            cli_buf_puts(b, ", ");
        cli_buf_puts(b, ta_nhse_file_period(f, i));
    }
}

int cli_find_period(const char **period, const cli_input *in, const char *cmd, const char *text)
{
    size_t index;
    cli_buf b = {0};
    int rc;
    if (ta_nhse_file_find_period(&index, in->file, text) == TA_OK) {
        *period = ta_nhse_file_period(in->file, index);
        return CLI_OK;
    }
    list_periods(&b, in->file);
    {
        size_t n = ta_nhse_file_period_count(in->file);
        const char **names = malloc((n ? n : 1) * sizeof *names);
        const char *near = NULL;
        for (size_t i = 0; names && i < n; i++)
            names[i] = ta_nhse_file_period(in->file, i);
        if (names)
            near = cli_suggest(text, names, n);
        if (near)
            rc = cli_usage_error(cmd,
                                 "--quarter \"%s\" is not a quarter of the file; did you mean "
                                 "\"%s\"? (it has: %s)",
                                 text, near, b.data ? b.data : "none");
        else
            rc = cli_usage_error(
                cmd, "--quarter \"%s\" names no single quarter of the file (it has: %s)", text,
                b.data ? b.data : "none");
        free(names);
    }
    cli_buf_free(&b);
    return rc;
}

const char *cli_cutoff_origin(const cli_input *in)
{
    switch (in->cutoffs.kind) {
    case CLI_CUTOFFS_GIVEN:
        return "given with --cutoffs";
    case CLI_CUTOFFS_QUARTILES:
        return "quartiles (QUARTILE.INC) of the quarter's rounded averages";
    case CLI_CUTOFFS_QUARTILES_TYPE:
        return "quartiles (QUARTILE.INC) of the rounded averages of the trust's type";
    case CLI_CUTOFFS_FIXED:
        return "the framework's fixed thresholds";
    case CLI_CUTOFFS_DEFAULT:
    case CLI_CUTOFFS_PUBLISHED:
        break;
    }
    return "read off the published averages and segments";
}

/* A --trust-type the file does not have: a usage error with the nearest
 * type ("did you mean") or the list of the file's types. */
static int check_type(const cli_input *in, const char *cmd, const char *type)
{
    size_t n = ta_nhse_file_trust_type_count(in->file);
    const char **names = malloc((n ? n : 1) * sizeof *names);
    const char *near = NULL;
    cli_buf b = {0};
    int rc;
    for (size_t i = 0; i < n; i++)
        if (strcmp(ta_nhse_file_trust_type(in->file, i), type) == 0) {
            free(names);
            return CLI_OK;
        }
    for (size_t i = 0; names && i < n; i++) {
        names[i] = ta_nhse_file_trust_type(in->file, i);
        cli_buf_printf(&b, "%s\"%s\"", i ? ", " : "", names[i]);
    }
    if (names)
        near = cli_suggest(type, names, n);
    if (near)
        rc = cli_usage_error(cmd, "--trust-type \"%s\" is not in the file; did you mean \"%s\"?",
                             type, near);
    else
        rc = cli_usage_error(cmd, "--trust-type \"%s\" is not in the file (it has: %s)", type,
                             b.data ? b.data : "none");
    free(names);
    cli_buf_free(&b);
    return rc;
}

int cli_league_make(ta_league **out, cli_input *in, const char *cmd, const char *period,
                    const char *type, uint32_t replicates, uint64_t seed, unsigned threads)
{
    static const ta_cutoff_policy policy[] = {[CLI_CUTOFFS_DEFAULT] = TA_CUTOFFS_PUBLISHED,
                                              [CLI_CUTOFFS_PUBLISHED] = TA_CUTOFFS_PUBLISHED,
                                              [CLI_CUTOFFS_QUARTILES] = TA_CUTOFFS_QUARTILES_ALL,
                                              [CLI_CUTOFFS_QUARTILES_TYPE] =
                                                  TA_CUTOFFS_QUARTILES_TYPE,
                                              [CLI_CUTOFFS_FIXED] = TA_CUTOFFS_FIXED,
                                              [CLI_CUTOFFS_GIVEN] = TA_CUTOFFS_GIVEN};
    ta_league *l = NULL;
    ta_status st;
    int rc = CLI_OK;
    *out = NULL;
    if (period && (rc = cli_find_period(&period, in, cmd, period)) != CLI_OK)
        return rc;
    if (type && (rc = check_type(in, cmd, type)) != CLI_OK)
        return rc;
    if (ta_league_new(&l, in->file, NULL) != TA_OK)
        return cli_error(CLI_INPUT, "out of memory");
    if (type && ta_league_select_trust_type(l, type) != TA_OK)
        rc = cli_usage_error(cmd, "--trust-type %s", ta_league_error(l));
    else if (period && ta_league_select_quarter(l, period) != TA_OK)
        rc = cli_usage_error(cmd, "--quarter %s", ta_league_error(l));
    else if (ta_league_set_source(l, in->source) != TA_OK ||
             (in->cutoffs.kind == CLI_CUTOFFS_GIVEN
                  ? ta_league_set_cutoffs(l, in->cutoffs.n, in->cutoffs.values)
                  : ta_league_set_cutoff_policy(l, policy[in->cutoffs.kind])) != TA_OK ||
             (replicates &&
              ta_league_set_likely_ranges(l, replicates, 0.95, seed, threads) != TA_OK))
        rc = cli_usage_error(cmd, "%s", ta_league_error(l));
    else if ((st = ta_league_run(l)) == TA_ENOTFOUND && in->cutoffs.kind == CLI_CUTOFFS_DEFAULT)
        rc = cli_error(CLI_INPUT, "%s; give --cutoffs A,B,C or --cutoffs quartiles",
                       ta_league_error(l));
    else if (st != TA_OK)
        rc = cli_error(CLI_INPUT, "%s", ta_league_error(l));
    if (rc != CLI_OK) {
        ta_league_free(l);
        return rc;
    }
    /* What the run could not know, on standard error: a metric ranked within
     * fewer trusts than NHS England's pool (--from-values), a finance pair the
     * combination table lacks, a published score that fixes no rank. */
    for (size_t b = 0; b < ta_league_block_count(l); b++) {
        const ta_assessment *a = NULL;
        ta_league_block(NULL, NULL, &a, l, b);
        for (size_t k = 0; k < ta_assessment_note_count(a); k++)
            fprintf(stderr, "trustassess: %s: warning: %s\n", cmd, ta_assessment_note(a, k));
    }
    *out = l;
    return CLI_OK;
}
