/*
 * The trustassess command: reading a published file and assessing it.
 *
 * What `league` and `explain` share: the framework (the built-in preset or a
 * catalogue file), the published file (a path or "-" for standard input, read
 * whole into memory), finding a quarter, choosing each quarter's cut-offs
 * (--cutoffs) and making and running the assessment of one quarter and trust
 * type. Every rule is the library's; this file only routes arguments to it and
 * its messages to stderr.
 */
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
                                   "--cutoffs: expected A,B,C, published or quartiles, "
                                   "not \"%s\"",
                                   spec);
        memcpy(num, p, len);
        num[len] = '\0';
        if (ta_parse_decimal(&c->values[c->n], num) != TA_OK)
            return cli_usage_error(cmd,
                                   "--cutoffs: \"%s\" is not a number (expected A,B,C, "
                                   "published or quartiles)",
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
    if (ta_framework_builder_load_csv(b, framework_path) != TA_OK ||
        ta_framework_builder_build(b, &in->fw) != TA_OK)
        rc = cli_error(CLI_INPUT, "%s", ta_framework_builder_error(b));
    ta_framework_builder_free(b);
    return rc;
}

/* Given cut-offs must be ones the framework accepts: checked on an empty
 * assessment so that the library's own rule and message apply. */
static int check_given_cutoffs(cli_input *in, const char *cmd)
{
    ta_assessment *a = NULL;
    size_t want = (size_t)(ta_framework_segment_count(in->fw) - 1);
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

static int read_stdin(ta_nhse_file *f)
{
    cli_buf b = {0};
    char chunk[65536];
    size_t n;
    int rc = CLI_OK;
    while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0)
        cli_buf_add(&b, chunk, n);
    if (ferror(stdin))
        rc = cli_error(CLI_INPUT, "<stdin>: read error");
    else if (b.failed)
        rc = cli_error(CLI_INPUT, "<stdin>: out of memory");
    else if (ta_nhse_file_read_buffer(f, "<stdin>", b.data ? b.data : "", b.len) != TA_OK)
        rc = cli_error(CLI_INPUT, "%s", ta_nhse_file_error(f));
    cli_buf_free(&b);
    return rc;
}

int cli_input_open(cli_input *in, const char *cmd, const char *path, const char *framework_path)
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
    if (strcmp(path, "-") == 0)
        return read_stdin(in->file);
    if (ta_nhse_file_read(in->file, path) != TA_OK)
        return cli_error(CLI_INPUT, "%s", ta_nhse_file_error(in->file));
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
    rc = cli_usage_error(cmd, "--quarter \"%s\" names no single quarter of the file (it has: %s)",
                         text, b.data ? b.data : "none");
    cli_buf_free(&b);
    return rc;
}

static int quartile_cutoffs(double *cutoffs, size_t n, cli_input *in, const char *period)
{
    const char **types = NULL;
    size_t ntypes = cli_sorted_types(&types, in), count = 0, cap = 0;
    double *values = NULL;
    int rc = CLI_OK;
    ta_status st;
    if (ntypes == (size_t)-1)
        return cli_error(CLI_INPUT, "out of memory");
    /* The rounded averages of every segmented trust of the quarter, each
     * assessed with its own type as the league tables are. */
    for (size_t t = 0; rc == CLI_OK && t < ntypes; t++) {
        ta_assessment *a = NULL;
        if ((rc = cli_assess(&a, in, period, types[t], NULL, 0)) != CLI_OK || !a)
            continue;
        for (size_t i = 0; rc == CLI_OK && i < ta_assessment_trust_count(a); i++) {
            double avg;
            if (ta_assessment_average(a, i, NULL, &avg, NULL) != TA_OK)
                continue; /* not segmented */
            if (count == cap) {
                double *p = realloc(values, (cap = cap ? 2 * cap : 128) * sizeof *p);
                if (!p) {
                    rc = cli_error(CLI_INPUT, "out of memory");
                    break;
                }
                values = p;
            }
            values[count++] = avg;
        }
        ta_assessment_free(a);
    }
    if (rc == CLI_OK && count == 0)
        rc = cli_error(CLI_INPUT, "%s: no trust has a score, so there are no quartiles", period);
    if (rc == CLI_OK &&
        (st = ta_quantile_cutoffs(cutoffs, n, values, count, TA_QUANTILE_TYPE7, NULL)) != TA_OK)
        rc = cli_error(CLI_INPUT, "%s: quartiles: %s", period, ta_strerror(st));
    free(values);
    free(types);
    return rc;
}

int cli_period_cutoffs(double *cutoffs, size_t *n, cli_input *in, const char *period,
                       const char **origin)
{
    ta_status st;
    *n = (size_t)(ta_framework_segment_count(in->fw) - 1);
    switch (in->cutoffs.kind) {
    case CLI_CUTOFFS_GIVEN:
        memcpy(cutoffs, in->cutoffs.values, *n * sizeof *cutoffs);
        *origin = "given with --cutoffs";
        return CLI_OK;
    case CLI_CUTOFFS_QUARTILES:
        *origin = "quartiles (QUARTILE.INC) of the quarter's rounded averages";
        return quartile_cutoffs(cutoffs, *n, in, period);
    case CLI_CUTOFFS_DEFAULT:
    case CLI_CUTOFFS_PUBLISHED:
        break;
    }
    *origin = "read off the published averages and segments";
    st = ta_nhse_file_published_cutoffs(cutoffs, *n, in->file, period);
    if (st == TA_ENOTFOUND && in->cutoffs.kind == CLI_CUTOFFS_DEFAULT)
        return cli_error(CLI_INPUT, "%s; give --cutoffs A,B,C or --cutoffs quartiles",
                         ta_nhse_file_error(in->file));
    if (st != TA_OK)
        return cli_error(CLI_INPUT, "%s", ta_nhse_file_error(in->file));
    return CLI_OK;
}

int cli_assess(ta_assessment **out, cli_input *in, const char *period, const char *type,
               const double *cutoffs, size_t n)
{
    ta_assessment *a = NULL;
    *out = NULL;
    if (ta_nhse_file_assessment(&a, in->file, period, type, in->source) != TA_OK)
        return cli_error(CLI_INPUT, "%s", ta_nhse_file_error(in->file));
    if (ta_assessment_trust_count(a) == 0) {
        ta_assessment_free(a);
        return CLI_OK;
    }
    if ((n > 0 && ta_assessment_set_cutoffs(a, n, cutoffs) != TA_OK) ||
        ta_assessment_run(a) != TA_OK) {
        int rc = cli_error(CLI_INPUT, "%s: %s", period, ta_assessment_error(a));
        ta_assessment_free(a);
        return rc;
    }
    *out = a;
    return CLI_OK;
}

static int compare_text(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

size_t cli_sorted_types(const char ***types, const cli_input *in)
{
    size_t n = ta_nhse_file_trust_type_count(in->file);
    *types = malloc((n ? n : 1) * sizeof **types);
    if (!*types)
        return (size_t)-1;
    for (size_t i = 0; i < n; i++)
        (*types)[i] = ta_nhse_file_trust_type(in->file, i);
    qsort(*types, n, sizeof **types, compare_text);
    return n;
}
