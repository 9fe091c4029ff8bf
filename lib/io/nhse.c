/*
 * Reading NHS England's published NOF segmentation files (bytes -> the
 * published figures of nof/published.h).
 *
 * The data file is long: one row per quarter x trust x metric; the league
 * table has one row per trust. Reading does three things and no more: it
 * checks every row (columns present, numbers well formed, Metric_ID known to
 * the framework, no (quarter, trust, metric) given twice, a trust's type the
 * same on all its rows of a quarter), keeps every figure in the store keyed
 * by (quarter, trust, ID), and remembers each (quarter, trust) with its
 * descriptive fields. Everything done with the figures afterwards (the
 * assessments, the cut-offs, verification) is nof's.
 *
 * Numbers are parsed without the locale; every error names file, line and
 * column.
 */
#include <math.h>
#include <string.h>

#include "common/alloc.h"
#include "common/csv.h"
#include "common/error.h"
#include "common/file.h"
#include "common/number.h"
#include "common/strmap.h"
#include "nof/published.h"

/* The columns read. The long layout has Quarter .. Rank; the league-table
 * layout has Quarter (Reporting_date in the first quarter's files) .. Trust_name,
 * Rank, Average_score, Segment and Trust_in_financial_deficit. */
enum {
    COL_QUARTER,
    COL_REGION,
    COL_TYPE,
    COL_SUBTYPE,
    COL_CODE,
    COL_NAME,
    COL_METRIC,
    COL_VALUE,
    COL_RANK,
    COL_AVERAGE,
    COL_SEGMENT,
    COL_DEFICIT,
    N_COLS
};

static const char *const column_names[N_COLS] = {
    "Quarter",    "Region",        "Trust_type", "Trust_subtype",
    "Trust_code", "Trust_name",    "Metric_ID",  "Value",
    "Rank",       "Average_score", "Segment",    "Trust_in_financial_deficit"};

/* Whether a layout reads column c. */
static int column_needed(int layout, size_t c)
{
    if (layout == TAI_LAYOUT_LONG)
        return c <= COL_RANK;
    return c != COL_METRIC && c != COL_VALUE;
}

/* ---- reading ---------------------------------------------------------- */

typedef struct row_reader {
    ta_nhse_file *f;
    tai_csv *csv;
    const char *name;
    int layout;         /* TAI_LAYOUT_* */
    size_t col[N_COLS]; /* CSV field index of each needed column */
} row_reader;

static ta_status row_error(row_reader *r, size_t col, ta_status st, const char *what,
                           const char *text)
{
    return tai_error_set(&r->f->err, st, "%s:%zu:%zu: %s \"%s\"", r->name,
                         tai_csv_record_line(r->csv), tai_csv_field_column(r->csv, r->col[col]),
                         what, text);
}

static const char *cell(row_reader *r, size_t col, size_t *len)
{
    return tai_csv_field(r->csv, r->col[col], len);
}

/* The header field named `name`, or (size_t)-1; *again is the field index of
 * a second field of that name, or (size_t)-1. */
static size_t find_column2(row_reader *r, const char *name, size_t *again)
{
    size_t n = tai_csv_field_count(r->csv), col = (size_t)-1;
    *again = (size_t)-1;
    for (size_t i = 0; i < n; i++)
        if (strcmp(tai_csv_field(r->csv, i, NULL), name) == 0) {
            if (col == (size_t)-1)
                col = i;
            else if (*again == (size_t)-1)
                *again = i;
        }
    return col;
}

static size_t find_column(row_reader *r, const char *name)
{
    size_t again;
    return find_column2(r, name, &again);
}

/* The layout (a league table has Average_score and no Metric_ID) and where
 * each column it reads is. */
static ta_status find_columns(row_reader *r)
{
    r->layout =
        find_column(r, "Metric_ID") == (size_t)-1 && find_column(r, "Average_score") != (size_t)-1
            ? TAI_LAYOUT_LEAGUE
            : TAI_LAYOUT_LONG;
    for (size_t c = 0; c < N_COLS; c++) {
        const char *name = column_names[c];
        size_t again;
        if (!column_needed(r->layout, c))
            continue; /* its index stays unread */
        r->col[c] = find_column2(r, name, &again);
        if (r->col[c] == (size_t)-1 && c == COL_QUARTER && r->layout == TAI_LAYOUT_LEAGUE)
            r->col[c] = find_column2(r, name = "Reporting_date", &again);
        if (r->col[c] == (size_t)-1)
            return tai_error_set(&r->f->err, TA_EPARSE, "%s:1: missing column \"%s\"", r->name,
                                 column_names[c]);
        /* Which copy would be meant is anyone's guess: refuse, never pick one. */
        if (again != (size_t)-1)
            return tai_error_set(&r->f->err, TA_EDUPLICATE,
                                 "%s:1:%zu: column \"%s\" appears twice (first at column %zu)",
                                 r->name, tai_csv_field_column(r->csv, again), name,
                                 tai_csv_field_column(r->csv, r->col[c]));
    }
    return TA_OK;
}

/* The (period, trust) entry of the current row, creating it on first sight. */
static ta_status row_entry(row_reader *r, size_t *entry_index)
{
    ta_nhse_file *f = r->f;
    const char *period = cell(r, COL_QUARTER, NULL), *code = cell(r, COL_CODE, NULL);
    const char *type = cell(r, COL_TYPE, NULL);
    char key[TAI_NHSE_KEY_MAX];
    size_t lq = strlen(period), lc = strlen(code), klen, p, t;
    tai_nhse_entry *e;
    static const size_t field_cols[4] = {COL_NAME, COL_TYPE, COL_SUBTYPE, COL_REGION};
    /* Room for the longest figure ID too, so that add_figure's key fits. */
    if (lq + lc + TAI_ID_MAX + 2 > sizeof key)
        return tai_error_set(&f->err, TA_EPARSE,
                             "%s:%zu:%zu: %s is too long (%zu bytes; the quarter and trust code "
                             "together may have at most %zu)",
                             r->name, tai_csv_record_line(r->csv),
                             tai_csv_field_column(r->csv, r->col[lq > lc ? COL_QUARTER : COL_CODE]),
                             lq > lc ? "Quarter" : "Trust_code", lq > lc ? lq : lc,
                             sizeof key - TAI_ID_MAX - 2);
    if (lq == 0 || type[0] == '\0')
        return tai_error_set(&f->err, TA_EPARSE, "%s:%zu:%zu: empty %s", r->name,
                             tai_csv_record_line(r->csv),
                             tai_csv_field_column(r->csv, r->col[lq == 0 ? COL_QUARTER : COL_TYPE]),
                             lq == 0 ? "Quarter" : "Trust_type");
    klen = tai_nhse_key(key, sizeof key, period, code, "");
    if (tai_strmap_get(&f->entry_map, key, klen, entry_index)) {
        e = &f->entries[*entry_index];
        if (strcmp(e->fields[TA_FIELD_TYPE], type) != 0)
            return row_error(
                r, COL_TYPE, TA_EINCONSISTENT,
                "trust type differs from the trust's earlier rows this quarter:", type);
        return TA_OK;
    }
    if (code[0] == '\0')
        return row_error(r, COL_CODE, TA_EPARSE, "empty trust code", code);
    if (tai_nhse_intern(f, &f->period_map, &f->periods, &f->n_periods, &f->periods_cap, period,
                        &p) != TA_OK ||
        tai_nhse_intern(f, &f->type_map, &f->types, &f->n_types, &f->types_cap, type, &t) !=
            TA_OK ||
        tai_grow(&f->alloc, (void **)&f->entries, &f->entries_cap, f->n_entries + 1,
                 sizeof *f->entries) != TA_OK)
        return tai_error_set(&f->err, TA_ENOMEM, "out of memory reading %s", r->name);
    e = &f->entries[f->n_entries];
    *e = (tai_nhse_entry){.period = p, .type = t, .line = tai_csv_record_line(r->csv)};
    e->code = tai_strdup(&f->alloc, code);
    for (size_t k = 0; k < 4; k++)
        e->fields[k] = tai_strdup(&f->alloc, cell(r, field_cols[k], NULL));
    f->n_entries++; /* counted now so that tai_nhse_clear frees it whatever follows */
    if (!e->code || !e->fields[0] || !e->fields[1] || !e->fields[2] || !e->fields[3] ||
        tai_strmap_put(&f->entry_map, key, klen, f->n_entries - 1, NULL, NULL) != TA_OK)
        return tai_error_set(&f->err, TA_ENOMEM, "out of memory reading %s", r->name);
    *entry_index = f->n_entries - 1;
    return TA_OK;
}

/* The published figures every later step relies on, checked where they are
 * read so that the message can name the cell: an average score from 1 to 4,
 * an unadjusted or adjusted segment a whole number from 1 to the
 * framework's segments, a Rank a whole number from 1. Anything else would
 * reach the cut-offs, verify and the league as a silently wrong figure. */
static ta_status check_figure(row_reader *r, const char *id, size_t id_index, int id_kind, double v,
                              const double *rk, size_t col)
{
    ta_figure kind =
        id_kind == TAI_ID_FIGURE ? tai_nhse_figure_kind(r->f, id_index) : TA_FIGURE_OTHER;
    size_t max = 4, bad = r->layout == TAI_LAYOUT_LONG ? COL_VALUE : col;
    int ok = 1;
    if (kind == TA_FIGURE_AVERAGE)
        ok = v >= 1 && v <= 4;
    else if (kind == TA_FIGURE_UNADJUSTED_SEGMENT || kind == TA_FIGURE_ADJUSTED_SEGMENT) {
        max = (size_t)ta_framework_segment_count(r->f->fw);
        ok = v >= 1 && v <= (double)max && v == (double)(long)v; /* cast only once in range */
    }
    if (ok && rk && !(*rk >= 1 && *rk <= 1e9 && *rk == (double)(long)*rk)) {
        ok = 0;
        bad = COL_RANK;
    }
    if (ok)
        return TA_OK;
    if (bad == COL_RANK)
        return tai_error_set(&r->f->err, TA_ERANGE,
                             "%s:%zu:%zu: trust %s: the Rank of %s must be a whole number from 1, "
                             "not \"%s\"",
                             r->name, tai_csv_record_line(r->csv),
                             tai_csv_field_column(r->csv, r->col[bad]), cell(r, COL_CODE, NULL), id,
                             cell(r, bad, NULL));
    return tai_error_set(&r->f->err, TA_ERANGE,
                         "%s:%zu:%zu: trust %s: %s must be %s from 1 to %zu, not \"%s\"", r->name,
                         tai_csv_record_line(r->csv), tai_csv_field_column(r->csv, r->col[bad]),
                         cell(r, COL_CODE, NULL), id,
                         kind == TA_FIGURE_AVERAGE ? "an average score" : "a whole-number segment",
                         max, cell(r, bad, NULL));
}

/* Stores one figure of the current row: trust entry `entry_index`, figure ID
 * `id` (framework index and kind), value and rank (NULL: none); `col` is the
 * column named in messages. */
static ta_status add_figure(row_reader *r, size_t entry_index, const char *id, size_t id_index,
                            int id_kind, double v, const double *rk, size_t col)
{
    ta_nhse_file *f = r->f;
    size_t klen, existing;
    int existed; /* set by tai_strmap_put when it succeeds */
    char key[TAI_NHSE_KEY_MAX];
    tai_nhse_figure *fig;
    ta_status st;
    if ((st = check_figure(r, id, id_index, id_kind, v, rk, col)) != TA_OK)
        return st;
    /* row_entry checked that the quarter, the code and any ID fit */
    klen = tai_nhse_key(key, sizeof key, cell(r, COL_QUARTER, NULL), cell(r, COL_CODE, NULL), id);
    if (tai_grow(&f->alloc, (void **)&f->figures, &f->figures_cap, f->n_figures + 1,
                 sizeof *f->figures) != TA_OK ||
        tai_strmap_put(&f->figure_map, key, klen, f->n_figures, &existed, &existing) != TA_OK)
        return tai_error_set(&f->err, TA_ENOMEM, "out of memory reading %s", r->name);
    if (existed)
        return tai_error_set(&f->err, TA_EDUPLICATE,
                             "%s:%zu:%zu: %s for trust %s in %s is given twice (first on line "
                             "%zu)",
                             r->name, tai_csv_record_line(r->csv),
                             tai_csv_field_column(r->csv, r->col[col]), id, cell(r, COL_CODE, NULL),
                             cell(r, COL_QUARTER, NULL), f->figures[existing].line);
    fig = &f->figures[f->n_figures++];
    /* The fields not named (the file, and the rank when none is given) are 0. */
    *fig = (tai_nhse_figure){.entry = entry_index,
                             .id_index = id_index,
                             .id_kind = id_kind,
                             .value = v,
                             .has_rank = rk != NULL,
                             .line = tai_csv_record_line(r->csv),
                             .column = tai_csv_field_column(
                                 r->csv, r->col[r->layout == TAI_LAYOUT_LONG ? COL_VALUE : col])};
    if (rk)
        fig->rank = *rk;
    return TA_OK;
}

static ta_status read_row(row_reader *r)
{
    ta_nhse_file *f = r->f;
    const char *id = cell(r, COL_METRIC, NULL), *value, *rank;
    size_t vlen, rlen, entry_index, id_index;
    int id_kind;
    ta_status st;
    double v, rk;
    if (!tai_nhse_lookup(f, id, &id_index, &id_kind)) {
        tai_error_set(&f->err, TA_ENOTFOUND,
                      "%s:%zu:%zu: unknown Metric_ID \"%s\" (framework "
                      "\"%s\" does not define it)",
                      r->name, tai_csv_record_line(r->csv),
                      tai_csv_field_column(r->csv, r->col[COL_METRIC]), id,
                      ta_framework_name(f->fw));
        return TA_ENOTFOUND;
    }
    value = cell(r, COL_VALUE, &vlen);
    rank = cell(r, COL_RANK, &rlen);
    if (vlen == 0)
        return TA_OK; /* an empty Value publishes nothing */
    if ((st = tai_parse_double(value, vlen, &v)) != TA_OK)
        return row_error(r, COL_VALUE, st, "Value is not a number:", value);
    if (id_kind == TAI_ID_FIGURE && v != 0 && v != 1 &&
        (tai_nhse_figure_kind(f, id_index) == TA_FIGURE_DEFICIT_FLAG ||
         tai_nhse_figure_kind(f, id_index) == TA_FIGURE_RSP_FLAG))
        return tai_error_set(&f->err, TA_ERANGE, "%s:%zu:%zu: %s is a flag, 0 or 1, not \"%s\"",
                             r->name, tai_csv_record_line(r->csv),
                             tai_csv_field_column(r->csv, r->col[COL_VALUE]), id, value);
    if (rlen > 0 && (st = tai_parse_double(rank, rlen, &rk)) != TA_OK)
        return row_error(r, COL_RANK, st, "Rank is not a number:", rank);
    if ((st = row_entry(r, &entry_index)) != TA_OK)
        return st;
    return add_figure(r, entry_index, id, id_index, id_kind, v, rlen > 0 ? &rk : NULL, COL_METRIC);
}

/* A number cell of a league-table row; *has = 0 when empty. */
static ta_status league_number(row_reader *r, size_t col, int *has, double *x)
{
    size_t len;
    const char *text = cell(r, col, &len);
    *has = len > 0;
    if (len > 0 && tai_parse_double(text, len, x) != TA_OK)
        return row_error(r, col, TA_EPARSE, "not a number:", text);
    return TA_OK;
}

/* A league-table row: the trust's published average (the framework's average
 * figure), its segment (the adjusted segment figure, with the league rank as
 * its Rank, as the long files give it) and its deficit flag ("Yes" / "No"). */
static ta_status read_league_row(row_reader *r)
{
    const ta_framework *fw = r->f->fw;
    const char *deficit = cell(r, COL_DEFICIT, NULL);
    size_t e, i_avg = tai_nhse_figure_index(r->f, TA_FIGURE_AVERAGE),
              i_seg = tai_nhse_figure_index(r->f, TA_FIGURE_ADJUSTED_SEGMENT),
              i_def = tai_nhse_figure_index(r->f, TA_FIGURE_DEFICIT_FLAG);
    int has_avg, has_seg, has_rank, has_def = deficit[0] != '\0';
    double avg, seg, rank, flag;
    ta_status st;
    if ((st = league_number(r, COL_AVERAGE, &has_avg, &avg)) != TA_OK ||
        (st = league_number(r, COL_SEGMENT, &has_seg, &seg)) != TA_OK ||
        (st = league_number(r, COL_RANK, &has_rank, &rank)) != TA_OK)
        return st;
    if (has_def && strcmp(deficit, "Yes") != 0 && strcmp(deficit, "No") != 0)
        return row_error(r, COL_DEFICIT, TA_EPARSE, "expected Yes or No, not", deficit);
    flag = strcmp(deficit, "Yes") == 0;
    if ((has_avg && i_avg == (size_t)-1) || (has_seg && i_seg == (size_t)-1) ||
        (has_def && i_def == (size_t)-1))
        return row_error(r, COL_AVERAGE, TA_ENOTFOUND,
                         "the framework names no average, adjusted segment or deficit figure "
                         "for the columns of",
                         ta_framework_name(fw));
    if ((st = row_entry(r, &e)) != TA_OK)
        return st;
    if (has_avg && (st = add_figure(r, e, ta_framework_figure_id(fw, TA_FIGURE_AVERAGE), i_avg,
                                    TAI_ID_FIGURE, avg, NULL, COL_AVERAGE)) != TA_OK)
        return st;
    if (has_seg &&
        (st = add_figure(r, e, ta_framework_figure_id(fw, TA_FIGURE_ADJUSTED_SEGMENT), i_seg,
                         TAI_ID_FIGURE, seg, has_rank ? &rank : NULL, COL_SEGMENT)) != TA_OK)
        return st;
    if (has_def)
        st = add_figure(r, e, ta_framework_figure_id(fw, TA_FIGURE_DEFICIT_FLAG), i_def,
                        TAI_ID_FIGURE, flag, NULL, COL_DEFICIT);
    return st;
}

ta_status ta_nhse_file_read_buffer(ta_nhse_file *f, const char *data, size_t len, const char *name)
{
    tai_csv csv;
    row_reader r;
    int has; /* tai_csv_next sets it on every path */
    ta_status st;
    if (!f)
        return TA_EINVAL;
    if (!name || (!data && len > 0))
        return tai_error_set(&f->err, TA_EINVAL, "name or data is NULL");
    if (f->has_read)
        return tai_error_set(&f->err, TA_ESTATE, "this handle has already read a file");
    tai_csv_init(&csv, &f->alloc, name, data ? data : "", len);
    memset(&r, 0, sizeof r);
    r.f = f;
    r.csv = &csv;
    r.name = name;
    st = tai_csv_next(&csv, &has, &f->err);
    if (st == TA_OK && !has)
        st = tai_error_set(&f->err, TA_EPARSE, "%s: empty file (no header)", name);
    if (st == TA_OK)
        st = find_columns(&r);
    while (st == TA_OK) {
        size_t n_fields;
        st = tai_csv_next(&csv, &has, &f->err);
        if (st != TA_OK || !has)
            break;
        n_fields = tai_csv_field_count(&csv);
        if (n_fields == 1 && tai_csv_field(&csv, 0, NULL)[0] == '\0')
            continue; /* a blank line */
        f->n_rows++;
        for (size_t c = 0; st == TA_OK && c < N_COLS; c++)
            if (column_needed(r.layout, c) && r.col[c] >= n_fields)
                st = tai_error_set(&f->err, TA_EPARSE,
                                   "%s:%zu: the row has %zu fields; column \"%s\" is missing", name,
                                   tai_csv_record_line(&csv), n_fields, column_names[c]);
        if (st == TA_OK)
            st = r.layout == TAI_LAYOUT_LONG ? read_row(&r) : read_league_row(&r);
    }
    tai_csv_free(&csv);
    if (st == TA_OK && (!(f->files = tai_calloc(&f->alloc, 1, sizeof *f->files)) ||
                        !(f->layouts = tai_calloc(&f->alloc, 1, sizeof *f->layouts)) ||
                        !(f->files[0] = tai_strdup(&f->alloc, name))))
        st = tai_error_set(&f->err, TA_ENOMEM, "out of memory reading %s", name);
    if (st == TA_OK) {
        f->n_files = 1;
        f->layouts[0] = r.layout;
        st = tai_nhse_index(f);
    }
    if (st != TA_OK) {
        tai_nhse_clear(f);
        return st;
    }
    f->has_read = 1;
    tai_error_clear(&f->err);
    return TA_OK;
}

static ta_status parse_read(void *f, const char *data, size_t len, const char *name)
{
    return ta_nhse_file_read_buffer(f, data, len, name);
}

ta_status ta_nhse_file_read_file(ta_nhse_file *f, const char *path)
{
    if (!f)
        return TA_EINVAL;
    if (!path)
        return tai_error_set(&f->err, TA_EINVAL, "path is NULL");
    if (f->has_read)
        return tai_error_set(&f->err, TA_ESTATE, "this handle has already read a file");
    return tai_parse_file(&f->alloc, path, &f->err, parse_read, f);
}
