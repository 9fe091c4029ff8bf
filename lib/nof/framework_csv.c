/*
 * The framework catalogue file: a methodology as one CSV file.
 *
 * Columns (header required, exactly these, in this order):
 *   Record,Id,Name,Domain,Raw_id,Direction,Scoring,In_average,Parameters[,Weight,Source]
 * (the two last columns may be left off: files written before they existed
 * stay valid). Record is one of:
 *   framework  Id = the framework's name
 *   domain     Id = the published domain score ID, Name, Domain = its key
 *   figure     Id = a published result ID, Name, Parameters = its kind:
 *              average | unadjusted_segment | adjusted_segment |
 *              final_segment | deficit_flag | rsp_flag | other
 *   metric     Id = score ID, Name, Domain key, Raw_id (may be empty),
 *              Direction higher|lower, Scoring supplied|rank|standard_capped|
 *              banded|combined|standard|floor|bracketed, In_average yes|no,
 *              Parameters:
 *                standard=70                          (standard_capped, standard)
 *                floor=70                             (floor)
 *                cuts=0 -1 -2                         (banded, best band first)
 *                cuts=1 2 3;scores=1 2 3 4            (bracketed)
 *                first=OF1079;second=OF1081;table=16 scores, row-major, 0 = unknown
 *              Weight = a fraction "1/3" or whole number (empty = 1),
 *              Source = where the definition comes from
 *   pool       Id = metric score ID, Name = period ("Q3 2025/26"),
 *              Parameters = pool size, Source = where the figure comes from
 *   trust_type Name = a Trust_type text the framework scores
 *   setting    Id = cutoffs (Parameters "quartiles type7", "quartiles type6" or
 *              ascending numbers "2.06 2.33 2.70"), cutoff_rule (ties_better |
 *              ties_worse), deficit_cap, rsp_segment, decimals (integers)
 * Lines whose Record is empty are ignored (blank separator lines).
 *
 * Each row is turned into the same builder calls a C program would make, so
 * the file and the API cannot disagree; errors are the builder's, prefixed with
 * file, line and column. Built-in presets are catalogue text too.
 */
#include <string.h>

#include "common/csv.h"
#include "common/file.h"
#include "common/number.h"
#include "common/alloc.h"
#include "framework_internal.h"

enum {
    COL_RECORD,
    COL_ID,
    COL_NAME,
    COL_DOMAIN,
    COL_RAW,
    COL_DIRECTION,
    COL_SCORING,
    COL_IN_AVERAGE,
    COL_PARAMETERS,
    COL_WEIGHT,
    COL_SOURCE,
    N_COLS
};

/* Files of the first layout end at Parameters. */
#define N_COLS_FIRST (COL_PARAMETERS + 1)

static const char *const header[N_COLS] = {"Record",     "Id",        "Name",    "Domain",
                                           "Raw_id",     "Direction", "Scoring", "In_average",
                                           "Parameters", "Weight",    "Source"};

typedef struct reader {
    ta_framework_builder *b;
    tai_csv *csv;
    const char *name;
    size_t n_cols; /* N_COLS or N_COLS_FIRST, as the header says */
} reader;

/* Prefixes the builder's message with the row's location. */
static ta_status at(reader *r, size_t col, ta_status st)
{
    char msg[TAI_ERROR_SIZE];
    memcpy(msg, r->b->err.msg, sizeof msg);
    return tai_error_set(&r->b->err, st, "%s:%zu:%zu: %s", r->name, tai_csv_record_line(r->csv),
                         tai_csv_field_column(r->csv, col), msg);
}

static ta_status fail(reader *r, size_t col, ta_status st, const char *what, const char *text)
{
    return tai_error_set(&r->b->err, st, "%s:%zu:%zu: %s \"%s\"", r->name,
                         tai_csv_record_line(r->csv), tai_csv_field_column(r->csv, col), what,
                         text);
}

static const char *field(reader *r, size_t col)
{
    return col < r->n_cols ? tai_csv_field(r->csv, col, NULL) : "";
}

/* Parses up to max space-separated numbers from text; *n counts those
 * parsed, whatever the answer, so callers need not initialise it. */
static ta_status parse_numbers(const char *text, double *out, size_t max, size_t *n)
{
    const char *p = text;
    *n = 0;
    for (;;) {
        const char *start;
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        start = p;
        while (*p && *p != ' ')
            p++;
        if (*n == max)
            return TA_ERANGE;
        if (tai_parse_double(start, (size_t)(p - start), &out[*n]) != TA_OK)
            return TA_EPARSE;
        (*n)++;
    }
    return TA_OK;
}

/* Finds "key=" in a ;-separated parameter list; copies its value into buf. */
static int parameter(const char *params, const char *key, char *buf, size_t size)
{
    size_t klen = strlen(key);
    const char *p = params;
    while (*p) {
        const char *end = strchr(p, ';');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        while (*p == ' ') { /* stops at the segment's ';' or end at the latest */
            p++;
            len--;
        }
        if (len > klen && strncmp(p, key, klen) == 0 && p[klen] == '=') {
            size_t vlen = len - klen - 1;
            if (vlen >= size)
                return 0;
            memcpy(buf, p + klen + 1, vlen);
            buf[vlen] = '\0';
            return 1;
        }
        if (!end)
            break;
        p = end + 1;
    }
    return 0;
}

/* The Weight column: "1/3" or a whole number. */
static ta_status read_weight(reader *r, const char *id)
{
    const char *w = field(r, COL_WEIGHT), *slash = strchr(w, '/');
    unsigned long long num, den = 1; /* num: set by the parse, or the row is refused */
    ta_status st;
    if (tai_parse_uint(w, slash ? (size_t)(slash - w) : strlen(w), 1000, &num) != TA_OK ||
        (slash && tai_parse_uint(slash + 1, strlen(slash + 1), 1000, &den) != TA_OK))
        return fail(r, COL_WEIGHT, TA_EPARSE, "expected a weight such as 1/3 or 1, not", w);
    if ((st = ta_framework_builder_set_weight(r->b, id, (unsigned)num, (unsigned)den)) != TA_OK)
        return at(r, COL_WEIGHT, st);
    return TA_OK;
}

static ta_status read_metric(reader *r)
{
    ta_framework_builder *b = r->b;
    const char *id = field(r, COL_ID), *scoring_text = field(r, COL_SCORING);
    const char *dir = field(r, COL_DIRECTION), *avg = field(r, COL_IN_AVERAGE);
    const char *params = field(r, COL_PARAMETERS);
    static const char *const scorings[] = {"supplied", "rank",     "standard_capped", "banded",
                                           "combined", "standard", "floor",           "bracketed"};
    int scoring = -1;
    char buf[256];
    ta_status st = TA_OK;
    for (int i = 0; i < 8; i++)
        if (strcmp(scoring_text, scorings[i]) == 0)
            scoring = i;
    if (scoring < 0)
        return fail(r, COL_SCORING, TA_EPARSE, "unknown scoring rule", scoring_text);
    if ((st = ta_framework_builder_add_metric(b, id, field(r, COL_NAME), field(r, COL_DOMAIN),
                                              (ta_scoring)scoring)) != TA_OK)
        return at(r, COL_ID, st);
    {
        /* the row's Parameters, for what only the build finds (a combination of
         * unknown metrics, a banded metric without cut points) */
        tai_metric *m = &b->def.metrics[b->def.n_metrics - 1];
        tai_error e;
        tai_error_set(&e, TA_OK, "%s:%zu:%zu", r->name, tai_csv_record_line(r->csv),
                      tai_csv_field_column(r->csv, COL_PARAMETERS));
        if (!(m->where = tai_strdup(&b->def.alloc, e.msg)))
            return at(r, COL_ID, tai_error_set(&b->err, TA_ENOMEM, "out of memory"));
    }
    if (field(r, COL_RAW)[0] &&
        (st = ta_framework_builder_set_raw_id(b, id, field(r, COL_RAW))) != TA_OK)
        return at(r, COL_RAW, st);
    if (strcmp(dir, "higher") == 0 || strcmp(dir, "lower") == 0)
        st = ta_framework_builder_set_direction(
            b, id, dir[0] == 'h' ? TA_HIGHER_IS_BETTER : TA_LOWER_IS_BETTER);
    else if (dir[0] != '\0')
        return fail(r, COL_DIRECTION, TA_EPARSE, "direction must be higher or lower, not", dir);
    if (st != TA_OK)
        return at(r, COL_DIRECTION, st);
    if (strcmp(avg, "yes") != 0 && strcmp(avg, "no") != 0)
        return fail(r, COL_IN_AVERAGE, TA_EPARSE, "In_average must be yes or no, not", avg);
    if ((st = ta_framework_builder_set_in_average(b, id, avg[0] == 'y')) != TA_OK)
        return at(r, COL_IN_AVERAGE, st);
    if (field(r, COL_WEIGHT)[0] && (st = read_weight(r, id)) != TA_OK)
        return st;
    if (field(r, COL_SOURCE)[0] &&
        (st = ta_framework_builder_set_source(b, id, field(r, COL_SOURCE))) != TA_OK)
        return at(r, COL_SOURCE, st);
    if (scoring == TA_SCORING_STANDARD_CAPPED || scoring == TA_SCORING_STANDARD ||
        scoring == TA_SCORING_FLOOR) {
        const char *key = scoring == TA_SCORING_FLOOR ? "floor" : "standard";
        double standard;
        if (!parameter(params, key, buf, sizeof buf) ||
            tai_parse_double(buf, strlen(buf), &standard) != TA_OK)
            return tai_error_set(&b->err, TA_EPARSE, "%s:%zu:%zu: expected %s=NUMBER in \"%s\"",
                                 r->name, tai_csv_record_line(r->csv),
                                 tai_csv_field_column(r->csv, COL_PARAMETERS), key, params);
        if ((st = ta_framework_builder_set_standard(b, id, standard)) != TA_OK)
            return at(r, COL_PARAMETERS, st);
    } else if (scoring == TA_SCORING_BRACKETED) {
        double cuts[TAI_MAX_CUTS], scores[TAI_MAX_BRACKETS];
        size_t n, n_scores;
        char sbuf[256];
        if (!parameter(params, "cuts", buf, sizeof buf) ||
            parse_numbers(buf, cuts, TAI_MAX_CUTS, &n) != TA_OK || n == 0 ||
            !parameter(params, "scores", sbuf, sizeof sbuf) ||
            parse_numbers(sbuf, scores, TAI_MAX_BRACKETS, &n_scores) != TA_OK || n_scores != n + 1)
            return fail(r, COL_PARAMETERS, TA_EPARSE,
                        "expected cuts=NUMBERS;scores=one more NUMBER in", params);
        if ((st = ta_framework_builder_set_brackets(b, id, n, cuts, scores)) != TA_OK)
            return at(r, COL_PARAMETERS, st);
    } else if (scoring == TA_SCORING_BANDED) {
        double cuts[TAI_MAX_CUTS];
        size_t n;
        if (!parameter(params, "cuts", buf, sizeof buf) ||
            parse_numbers(buf, cuts, TAI_MAX_CUTS, &n) != TA_OK || n == 0)
            return fail(r, COL_PARAMETERS, TA_EPARSE, "expected cuts=NUMBERS in", params);
        if ((st = ta_framework_builder_set_bands(b, id, n, cuts)) != TA_OK)
            return at(r, COL_PARAMETERS, st);
    } else if (scoring == TA_SCORING_COMBINED) {
        char first[TAI_ID_MAX], second[TAI_ID_MAX];
        double table[TAI_COMBO_CELLS];
        size_t n;
        if (!parameter(params, "first", first, sizeof first) ||
            !parameter(params, "second", second, sizeof second) ||
            !parameter(params, "table", buf, sizeof buf) ||
            parse_numbers(buf, table, TAI_COMBO_CELLS, &n) != TA_OK || n != TAI_COMBO_CELLS)
            return fail(r, COL_PARAMETERS, TA_EPARSE,
                        "expected first=ID;second=ID;table=16 NUMBERS in", params);
        if ((st = ta_framework_builder_set_combination(b, id, first, second, table)) != TA_OK)
            return at(r, COL_PARAMETERS, st);
    }
    return TA_OK;
}

static ta_status read_setting(reader *r)
{
    ta_framework_builder *b = r->b;
    const char *key = field(r, COL_ID), *value = field(r, COL_PARAMETERS);
    ta_status st;
    if (strcmp(key, "cutoffs") == 0) {
        double cutoffs[TAI_MAX_CUTOFFS];
        size_t n;
        if (strcmp(value, "quartiles type7") == 0)
            st = ta_framework_builder_set_cutoff_quartiles(b, TA_QUANTILE_TYPE7);
        else if (strcmp(value, "quartiles type6") == 0)
            st = ta_framework_builder_set_cutoff_quartiles(b, TA_QUANTILE_TYPE6);
        else if (parse_numbers(value, cutoffs, TAI_MAX_CUTOFFS, &n) == TA_OK && n > 0)
            st = ta_framework_builder_set_cutoffs(b, n, cutoffs);
        else
            return fail(r, COL_PARAMETERS, TA_EPARSE,
                        "cutoffs must be \"quartiles type7\", \"quartiles type6\" or numbers, not",
                        value);
    } else if (strcmp(key, "cutoff_rule") == 0) {
        if (strcmp(value, "ties_better") == 0)
            st = ta_framework_builder_set_cutoff_rule(b, TA_CUTOFF_TIES_BETTER);
        else if (strcmp(value, "ties_worse") == 0)
            st = ta_framework_builder_set_cutoff_rule(b, TA_CUTOFF_TIES_WORSE);
        else
            return fail(r, COL_PARAMETERS, TA_EPARSE,
                        "cutoff_rule must be ties_better or ties_worse, not", value);
    } else if (strcmp(key, "deficit_cap") == 0 || strcmp(key, "rsp_segment") == 0 ||
               strcmp(key, "decimals") == 0) {
        unsigned long long v;
        if (tai_parse_uint(value, strlen(value), 99, &v) != TA_OK)
            return fail(r, COL_PARAMETERS, TA_EPARSE, "expected a whole number, not", value);
        if (key[0] == 'd' && key[1] == 'e' && key[2] == 'f')
            st = ta_framework_builder_set_deficit_cap(b, (int)v);
        else if (key[0] == 'r')
            st = ta_framework_builder_set_rsp_segment(b, (int)v);
        else
            st = ta_framework_builder_set_decimals(b, (int)v);
    } else {
        return fail(r, COL_ID, TA_EPARSE, "unknown setting", key);
    }
    return st == TA_OK ? TA_OK : at(r, COL_PARAMETERS, st);
}

static ta_status read_figure(reader *r)
{
    static const char *const kinds[] = {"average",       "unadjusted_segment", "adjusted_segment",
                                        "final_segment", "deficit_flag",       "rsp_flag",
                                        "other"};
    const char *kind = field(r, COL_PARAMETERS);
    ta_status st;
    for (int i = 0; i < 7; i++)
        if (strcmp(kind, kinds[i]) == 0) {
            st = ta_framework_builder_add_figure(r->b, (ta_figure)i, field(r, COL_ID),
                                                 field(r, COL_NAME));
            return st == TA_OK ? TA_OK : at(r, COL_ID, st);
        }
    return fail(r, COL_PARAMETERS, TA_EPARSE, "unknown figure kind", kind);
}

static ta_status read_framework_name(reader *r)
{
    tai_framework_def *def = &r->b->def;
    char *name = tai_strdup(&def->alloc, field(r, COL_ID));
    if (!name)
        return tai_error_set(&r->b->err, TA_ENOMEM, "out of memory");
    tai_free(&def->alloc, def->name);
    def->name = name;
    return TA_OK;
}

static ta_status read_pool(reader *r)
{
    const char *n_text = field(r, COL_PARAMETERS);
    unsigned long long n;
    ta_status st;
    if (tai_parse_uint(n_text, strlen(n_text), 100000, &n) != TA_OK)
        return fail(r, COL_PARAMETERS, TA_EPARSE, "expected a pool size (a whole number), not",
                    n_text);
    st = ta_framework_builder_set_pool(r->b, field(r, COL_ID), field(r, COL_NAME), (unsigned)n,
                                       field(r, COL_SOURCE));
    return st == TA_OK ? TA_OK : at(r, COL_ID, st);
}

static ta_status read_row(reader *r)
{
    const char *record = field(r, COL_RECORD);
    ta_status st;
    if (record[0] == '\0')
        return TA_OK;
    if (strcmp(record, "metric") == 0)
        return read_metric(r);
    if (strcmp(record, "domain") == 0) {
        st = ta_framework_builder_add_domain(r->b, field(r, COL_DOMAIN), field(r, COL_NAME),
                                             field(r, COL_ID));
        return st == TA_OK ? TA_OK : at(r, COL_DOMAIN, st);
    }
    if (strcmp(record, "figure") == 0)
        return read_figure(r);
    if (strcmp(record, "setting") == 0)
        return read_setting(r);
    if (strcmp(record, "framework") == 0)
        return read_framework_name(r);
    if (strcmp(record, "pool") == 0)
        return read_pool(r);
    if (strcmp(record, "trust_type") == 0) {
        st = ta_framework_builder_add_trust_type(r->b, field(r, COL_NAME));
        return st == TA_OK ? TA_OK : at(r, COL_NAME, st);
    }
    return fail(r, COL_RECORD, TA_EPARSE, "unknown record type", record);
}

ta_status ta_framework_builder_read_buffer(ta_framework_builder *b, const char *data, size_t len,
                                           const char *name)
{
    tai_csv csv;
    reader r;
    int has = 0;
    ta_status st;
    if (!b)
        return TA_EINVAL;
    if (!name || (!data && len > 0))
        return tai_error_set(&b->err, TA_EINVAL, "name or data is NULL");
    tai_csv_init(&csv, &b->def.alloc, name, data ? data : "", len);
    r.b = b;
    r.csv = &csv;
    r.name = name;
    r.n_cols = N_COLS;
    st = tai_csv_next(&csv, &has, &b->err);
    if (st == TA_OK && !has)
        st = tai_error_set(&b->err, TA_EPARSE, "%s: empty catalogue (no header)", name);
    if (st == TA_OK && tai_csv_field_count(&csv) == N_COLS_FIRST)
        r.n_cols = N_COLS_FIRST;
    for (size_t i = 0; st == TA_OK && i < N_COLS; i++)
        if (tai_csv_field_count(&csv) != r.n_cols ||
            (i < r.n_cols && strcmp(field(&r, i), header[i]) != 0))
            st = tai_error_set(&b->err, TA_EPARSE,
                               "%s:1: the header must be "
                               "Record,Id,Name,Domain,Raw_id,Direction,Scoring,In_average,"
                               "Parameters,Weight,Source (the last two may be left off)",
                               name);
    while (st == TA_OK) {
        st = tai_csv_next(&csv, &has, &b->err);
        if (st != TA_OK || !has)
            break;
        if (tai_csv_field_count(&csv) == 1 && field(&r, 0)[0] == '\0')
            continue;
        if (tai_csv_field_count(&csv) != r.n_cols)
            st = tai_error_set(&b->err, TA_EPARSE, "%s:%zu:1: expected %zu fields, found %zu", name,
                               tai_csv_record_line(&csv), r.n_cols, tai_csv_field_count(&csv));
        else
            st = read_row(&r);
    }
    tai_csv_free(&csv);
    return st;
}

static ta_status parse_buffer(void *b, const char *data, size_t len, const char *name)
{
    return ta_framework_builder_read_buffer(b, data, len, name);
}

ta_status ta_framework_builder_read_file(ta_framework_builder *b, const char *path)
{
    if (!b)
        return TA_EINVAL;
    return tai_parse_file(&b->def.alloc, path, &b->err, parse_buffer, b);
}
