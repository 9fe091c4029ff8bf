/*
 * NHS England's published NOF segmentation file.
 *
 * The file is long: one row per quarter x trust x metric. Reading it does
 * three things and no more: it checks every row (columns present, numbers
 * well formed, Metric_ID known to the framework, no (quarter, trust, metric)
 * given twice, a trust's type the same on all its rows of a quarter), keeps
 * every figure in a table keyed by (quarter, trust, ID), and remembers each
 * (quarter, trust) with its descriptive fields. An assessment is built from
 * each trust's figures in one internal call per trust (metric indexes were
 * resolved when the file was read), which gives exactly what a C caller gets
 * by building ta_trust handles and adding them; the public path is kept and
 * taken whenever the fast one meets input the setters would refuse, so
 * errors and their messages are the public API's.
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
#include "nof/assessment_internal.h"
#include "nof/framework_internal.h"
#include "nhse_internal.h"

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

ta_status ta_nhse_file_new(ta_nhse_file **out, const ta_framework *fw, const ta_allocator *alloc)
{
    ta_allocator a;
    ta_nhse_file *f;
    if (!out)
        return TA_EINVAL;
    *out = NULL;
    if (!fw || tai_alloc_init(&a, alloc) != TA_OK)
        return TA_EINVAL;
    if (!(f = tai_calloc(&a, 1, sizeof *f)))
        return TA_ENOMEM;
    f->alloc = a;
    f->fw = fw;
    tai_strmap_init(&f->period_map, &f->alloc);
    tai_strmap_init(&f->type_map, &f->alloc);
    tai_strmap_init(&f->entry_map, &f->alloc);
    tai_strmap_init(&f->figure_map, &f->alloc);
    *out = f;
    return TA_OK;
}

void tai_nhse_release(ta_nhse_file *f)
{
    const ta_allocator *a = &f->alloc;
    for (size_t i = 0; i < f->n_files; i++)
        tai_free(a, f->files[i]);
    tai_free(a, f->files);
    tai_free(a, f->layouts);
    for (size_t i = 0; i < f->n_periods; i++)
        tai_free(a, f->periods[i]);
    for (size_t i = 0; i < f->n_types; i++)
        tai_free(a, f->types[i]);
    for (size_t i = 0; i < f->n_entries; i++) {
        tai_free(a, f->entries[i].code);
        for (size_t k = 0; k < 4; k++)
            tai_free(a, f->entries[i].fields[k]);
    }
    tai_free(a, f->periods);
    tai_free(a, f->types);
    tai_free(a, f->entries);
    tai_free(a, f->figures);
    tai_free(a, f->by_entry);
    tai_free(a, f->entry_start);
    tai_strmap_free(&f->period_map);
    tai_strmap_free(&f->type_map);
    tai_strmap_free(&f->entry_map);
    tai_strmap_free(&f->figure_map);
}

/* Frees everything read, leaving an empty handle. */
static void clear(ta_nhse_file *f)
{
    tai_nhse_release(f);
    f->by_entry = f->entry_start = NULL;
    f->files = NULL;
    f->layouts = NULL;
    f->n_files = 0;
    f->periods = f->types = NULL;
    f->entries = NULL;
    f->figures = NULL;
    f->n_periods = f->periods_cap = f->n_types = f->types_cap = 0;
    f->n_entries = f->entries_cap = f->n_figures = f->figures_cap = f->n_rows = 0;
    tai_strmap_init(&f->period_map, &f->alloc);
    tai_strmap_init(&f->type_map, &f->alloc);
    tai_strmap_init(&f->entry_map, &f->alloc);
    tai_strmap_init(&f->figure_map, &f->alloc);
}

void ta_nhse_file_free(ta_nhse_file *f)
{
    ta_allocator a;
    if (!f)
        return;
    a = f->alloc;
    tai_nhse_release(f);
    tai_free(&a, f);
}

const char *ta_nhse_file_error(const ta_nhse_file *f)
{
    return f ? f->err.msg : "invalid argument: NULL file";
}

/* ---- reading ---------------------------------------------------------- */

ta_status tai_nhse_intern(ta_nhse_file *f, tai_strmap *map, char ***list, size_t *n, size_t *cap,
                          const char *text, size_t *index)
{
    size_t len = strlen(text);
    char *copy;
    if (tai_strmap_get(map, text, len, index))
        return TA_OK;
    if (tai_grow(&f->alloc, (void **)list, cap, *n + 1, sizeof **list) != TA_OK ||
        !(copy = tai_strdup(&f->alloc, text)))
        return TA_ENOMEM;
    if (tai_strmap_put(map, text, len, *n, NULL, NULL) != TA_OK) {
        tai_free(&f->alloc, copy);
        return TA_ENOMEM;
    }
    (*list)[*n] = copy;
    *index = (*n)++;
    return TA_OK;
}

size_t tai_nhse_key(char *buf, size_t size, const char *a, const char *b, const char *c)
{
    size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
    if (la + lb + lc + 2 > size)
        return 0;
    memcpy(buf, a, la);
    buf[la] = '\x1f';
    memcpy(buf + la + 1, b, lb);
    buf[la + 1 + lb] = '\x1f';
    memcpy(buf + la + 2 + lb, c, lc);
    return la + lb + lc + 2;
}

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
        r->col[c] = (size_t)-1;
        if (!column_needed(r->layout, c))
            continue;
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
    memset(e, 0, sizeof *e);
    e->period = p;
    e->type = t;
    e->line = tai_csv_record_line(r->csv);
    e->code = tai_strdup(&f->alloc, code);
    for (size_t k = 0; k < 4; k++)
        e->fields[k] = tai_strdup(&f->alloc, cell(r, field_cols[k], NULL));
    f->n_entries++; /* counted now so that clear() frees it whatever follows */
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
                              int has_rank, double rk, size_t col)
{
    const tai_framework_def *def = &r->f->fw->def;
    ta_figure kind = id_kind == TAI_ID_FIGURE ? def->figures[id_index].kind : TA_FIGURE_OTHER;
    size_t max = 4, bad = r->layout == TAI_LAYOUT_LONG ? COL_VALUE : col;
    int ok = 1;
    if (kind == TA_FIGURE_AVERAGE)
        ok = v >= 1 && v <= 4;
    else if (kind == TA_FIGURE_UNADJUSTED_SEGMENT || kind == TA_FIGURE_ADJUSTED_SEGMENT) {
        max = def->n_cutoffs + 1;
        ok = v >= 1 && v <= (double)max && v == (double)(long)v; /* cast only once in range */
    }
    if (ok && has_rank && !(rk >= 1 && rk <= 1e9 && rk == (double)(long)rk)) {
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
 * `id` (framework index and kind), value and optional rank; `col` is the
 * column named in messages. */
static ta_status add_figure(row_reader *r, size_t entry_index, const char *id, size_t id_index,
                            int id_kind, double v, int has_rank, double rk, size_t col)
{
    ta_nhse_file *f = r->f;
    size_t klen, existing;
    int existed = 0;
    char key[TAI_NHSE_KEY_MAX];
    tai_nhse_figure *fig;
    ta_status st;
    if ((st = check_figure(r, id, id_index, id_kind, v, has_rank, rk, col)) != TA_OK)
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
    fig->entry = entry_index;
    fig->id_index = id_index;
    fig->id_kind = id_kind;
    fig->value = v;
    fig->has_rank = has_rank;
    fig->rank = rk;
    fig->line = tai_csv_record_line(r->csv);
    fig->column =
        tai_csv_field_column(r->csv, r->col[r->layout == TAI_LAYOUT_LONG ? COL_VALUE : col]);
    fig->file = 0;
    return TA_OK;
}

static ta_status read_row(row_reader *r)
{
    ta_nhse_file *f = r->f;
    const char *id = cell(r, COL_METRIC, NULL), *value, *rank;
    size_t vlen, rlen, entry_index, id_index;
    int id_kind;
    ta_status st;
    double v, rk = 0;
    if (!tai_framework_lookup(&f->fw->def, id, &id_index, &id_kind)) {
        tai_error_set(&f->err, TA_ENOTFOUND,
                      "%s:%zu:%zu: unknown Metric_ID \"%s\" (framework "
                      "\"%s\" does not define it)",
                      r->name, tai_csv_record_line(r->csv),
                      tai_csv_field_column(r->csv, r->col[COL_METRIC]), id, f->fw->def.name);
        return TA_ENOTFOUND;
    }
    value = cell(r, COL_VALUE, &vlen);
    rank = cell(r, COL_RANK, &rlen);
    if (vlen == 0)
        return TA_OK; /* an empty Value publishes nothing */
    if ((st = tai_parse_double(value, vlen, &v)) != TA_OK)
        return row_error(r, COL_VALUE, st, "Value is not a number:", value);
    if (id_kind == TAI_ID_FIGURE && v != 0 && v != 1 &&
        (f->fw->def.figures[id_index].kind == TA_FIGURE_DEFICIT_FLAG ||
         f->fw->def.figures[id_index].kind == TA_FIGURE_RSP_FLAG))
        return tai_error_set(&f->err, TA_ERANGE, "%s:%zu:%zu: %s is a flag, 0 or 1, not \"%s\"",
                             r->name, tai_csv_record_line(r->csv),
                             tai_csv_field_column(r->csv, r->col[COL_VALUE]), id, value);
    if (rlen > 0 && (st = tai_parse_double(rank, rlen, &rk)) != TA_OK)
        return row_error(r, COL_RANK, st, "Rank is not a number:", rank);
    if ((st = row_entry(r, &entry_index)) != TA_OK)
        return st;
    return add_figure(r, entry_index, id, id_index, id_kind, v, rlen > 0, rk, COL_METRIC);
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
    const tai_framework_def *def = &r->f->fw->def;
    const char *deficit = cell(r, COL_DEFICIT, NULL);
    size_t e = 0, i_avg = tai_framework_figure(def, TA_FIGURE_AVERAGE),
           i_seg = tai_framework_figure(def, TA_FIGURE_ADJUSTED_SEGMENT),
           i_def = tai_framework_figure(def, TA_FIGURE_DEFICIT_FLAG);
    int has_avg, has_seg, has_rank, has_def = deficit[0] != '\0';
    double avg = 0, seg = 0, rank = 0, flag = 0;
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
                         def->name);
    if ((st = row_entry(r, &e)) != TA_OK)
        return st;
    if (has_avg && (st = add_figure(r, e, def->figures[i_avg].id, i_avg, TAI_ID_FIGURE, avg, 0, 0,
                                    COL_AVERAGE)) != TA_OK)
        return st;
    if (has_seg && (st = add_figure(r, e, def->figures[i_seg].id, i_seg, TAI_ID_FIGURE, seg,
                                    has_rank, rank, COL_SEGMENT)) != TA_OK)
        return st;
    if (has_def)
        st =
            add_figure(r, e, def->figures[i_def].id, i_def, TAI_ID_FIGURE, flag, 0, 0, COL_DEFICIT);
    return st;
}

/* The group of a figure within its entry's run of by_entry: result figures
 * (average, segments, flags), then metric scores, then raw values. */
static int figure_group(const tai_nhse_figure *fig)
{
    return fig->id_kind == TAI_ID_FIGURE ? 0 : fig->id_kind == TAI_ID_SCORE ? 1 : 2;
}

/* Groups figure indexes by entry so that a trust's figures are found in O(1).
 * Within an entry the result figures come first, then the scores, then the
 * raw values, each group in file order: entry_figure, which the published
 * cut-offs and flags call twice per trust, scans only the few result
 * figures, and an assessment from scores stops at the first raw value
 * instead of walking all of them. */
ta_status tai_nhse_index(ta_nhse_file *f)
{
    f->entry_start = tai_calloc(&f->alloc, f->n_entries + 1, sizeof *f->entry_start);
    f->by_entry = tai_calloc(&f->alloc, f->n_figures ? f->n_figures : 1, sizeof *f->by_entry);
    if (!f->entry_start || !f->by_entry)
        return tai_error_set(&f->err, TA_ENOMEM, "out of memory indexing the file");
    for (size_t i = 0; i < f->n_figures; i++)
        f->entry_start[f->figures[i].entry + 1]++;
    for (size_t e = 0; e < f->n_entries; e++)
        f->entry_start[e + 1] += f->entry_start[e];
    for (int pass = 0; pass < 3; pass++)
        for (size_t i = 0; i < f->n_figures; i++)
            if (figure_group(&f->figures[i]) == pass)
                f->by_entry[f->entry_start[f->figures[i].entry]++] = i;
    /* entry_start[e] now holds the end of e's run: shift back by one entry. */
    for (size_t e = f->n_entries; e > 0; e--)
        f->entry_start[e] = f->entry_start[e - 1];
    f->entry_start[0] = 0;
    return TA_OK;
}

ta_status ta_nhse_file_read_buffer(ta_nhse_file *f, const char *data, size_t len, const char *name)
{
    tai_csv csv;
    row_reader r;
    int has = 0;
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
        clear(f);
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

/* ---- what was read ---------------------------------------------------- */

size_t ta_nhse_file_row_count(const ta_nhse_file *f)
{
    return f ? f->n_rows : 0;
}

size_t ta_nhse_file_period_count(const ta_nhse_file *f)
{
    return f ? f->n_periods : 0;
}

const char *ta_nhse_file_period(const ta_nhse_file *f, size_t i)
{
    return f && i < f->n_periods ? f->periods[i] : NULL;
}

size_t ta_nhse_file_trust_type_count(const ta_nhse_file *f)
{
    return f ? f->n_types : 0;
}

const char *ta_nhse_file_trust_type(const ta_nhse_file *f, size_t i)
{
    return f && i < f->n_types ? f->types[i] : NULL;
}

ta_status ta_nhse_file_find_period(size_t *index_out, const ta_nhse_file *f, const char *text)
{
    size_t found = (size_t)-1, len;
    if (!index_out || !f || !text)
        return TA_EINVAL;
    if (tai_strmap_get(&f->period_map, text, strlen(text), index_out))
        return TA_OK;
    len = strlen(text);
    for (size_t i = 0; len > 0 && i < f->n_periods; i++) {
        const char *p = f->periods[i];
        if (strncmp(p, text, len) == 0 && p[len] == ' ') {
            if (found != (size_t)-1)
                return TA_ENOTFOUND; /* ambiguous: several years */
            found = i;
        }
    }
    if (found == (size_t)-1)
        return TA_ENOTFOUND;
    *index_out = found;
    return TA_OK;
}

const tai_nhse_figure *tai_nhse_find_figure(const ta_nhse_file *f, const char *period,
                                            const char *code, const char *id)
{
    char key[512];
    size_t klen = tai_nhse_key(key, sizeof key, period, code, id), index;
    if (klen == 0 || !tai_strmap_get(&f->figure_map, key, klen, &index))
        return NULL;
    return &f->figures[index];
}

ta_status ta_nhse_file_published(int *has, double *value, int *has_rank, double *rank,
                                 const ta_nhse_file *f, const char *period, const char *code,
                                 const char *id)
{
    const tai_nhse_figure *fig;
    if (!f || !period || !code || !id || !has)
        return TA_EINVAL;
    fig = tai_nhse_find_figure(f, period, code, id);
    *has = fig != NULL;
    if (has_rank)
        *has_rank = fig && fig->has_rank;
    if (fig && value)
        *value = fig->value;
    if (fig && fig->has_rank && rank)
        *rank = fig->rank;
    return TA_OK;
}

ta_status ta_nhse_file_published_at(const char **file, size_t *line, size_t *column,
                                    const ta_nhse_file *f, const char *period, const char *code,
                                    const char *id)
{
    const tai_nhse_figure *fig;
    if (!f || !period || !code || !id)
        return TA_EINVAL;
    if (!(fig = tai_nhse_find_figure(f, period, code, id)))
        return TA_ENOTFOUND;
    if (file)
        *file = f->files[fig->file];
    if (line)
        *line = fig->line;
    if (column)
        *column = fig->column;
    return TA_OK;
}

ta_status ta_nhse_period_end(ta_date *end, const char *label)
{
    static const int month[4] = {6, 9, 12, 3}, day[4] = {30, 30, 31, 31};
    int q, year = 0;
    if (!end || !label)
        return TA_EINVAL;
    if (strlen(label) != 10 || label[0] != 'Q' || label[1] < '1' || label[1] > '4' ||
        label[2] != ' ' || label[7] != '/')
        return TA_EPARSE;
    for (int k = 3; k < 10; k++)
        if (k != 7 && (label[k] < '0' || label[k] > '9'))
            return TA_EPARSE;
    for (int k = 3; k < 7; k++)
        year = year * 10 + (label[k] - '0');
    if ((label[8] - '0') * 10 + (label[9] - '0') != (year + 1) % 100 || year < 1 || year > 9998)
        return TA_EPARSE;
    q = label[1] - '1';
    end->year = q == 3 ? year + 1 : year;
    end->month = month[q];
    end->day = day[q];
    return TA_OK;
}

/* ---- assessments ------------------------------------------------------ */

/* Entry e's figure of result figure index `figure` (as tai_framework_figure
 * gives), or NULL: a scan of the entry's own result figures, which
 * index_by_entry put first, cheaper than building a composite key and
 * hashing it. */
const tai_nhse_figure *tai_nhse_entry_figure_at(const ta_nhse_file *f, size_t e, size_t figure)
{
    if (figure == (size_t)-1)
        return NULL;
    for (size_t k = f->entry_start[e]; k < f->entry_start[e + 1]; k++) {
        const tai_nhse_figure *fig = &f->figures[f->by_entry[k]];
        if (fig->id_kind != TAI_ID_FIGURE)
            return NULL; /* the result figures are over */
        if (fig->id_index == figure)
            return fig;
    }
    return NULL;
}

const tai_nhse_figure *tai_nhse_entry_figure(const ta_nhse_file *f, size_t e, ta_figure kind)
{
    return tai_nhse_entry_figure_at(f, e, tai_framework_figure(&f->fw->def, kind));
}

const char *tai_nhse_figure_id(const ta_nhse_file *f, const tai_nhse_figure *fig)
{
    const tai_framework_def *def = &f->fw->def;
    switch (fig->id_kind) {
    case TAI_ID_SCORE:
        return def->metrics[fig->id_index].id;
    case TAI_ID_RAW:
        return def->metrics[fig->id_index].raw_id;
    case TAI_ID_DOMAIN:
        return def->domains[fig->id_index].score_id;
    default:
        return def->figures[fig->id_index].id;
    }
}

/* The flag a published 0/1 figure gives, TA_UNKNOWN when absent. */
static ta_tristate published_flag(const ta_nhse_file *f, size_t e, ta_figure kind)
{
    const tai_nhse_figure *fig =
        tai_nhse_entry_figure_at(f, e, tai_framework_figure(&f->fw->def, kind));
    if (!fig)
        return TA_UNKNOWN;
    return fig->value != 0 ? TA_YES : TA_NO;
}

/* Sets one figure on a trust according to the source. */
static ta_status give_figure(const ta_nhse_file *f, ta_trust *t, const tai_nhse_figure *fig,
                             ta_nhse_source source)
{
    const tai_metric *m;
    if (fig->id_kind != TAI_ID_SCORE && fig->id_kind != TAI_ID_RAW)
        return TA_OK;
    m = &f->fw->def.metrics[fig->id_index];
    if (fig->id_kind == TAI_ID_SCORE &&
        (source == TA_FROM_SCORES || m->scoring == TA_SCORING_SUPPLIED))
        return ta_trust_set_score(t, m->id, fig->value);
    if (fig->id_kind == TAI_ID_RAW && source == TA_FROM_VALUES)
        return ta_trust_set_value(t, m->id, fig->value);
    return TA_OK;
}

/* The average a league table published for entry e, given to the
 * assessment's last trust: the trust is segmented and ranked on it when it
 * has no metric score (a league table publishes none). An average from a
 * data file is not: there a trust without scores is not segmented. */
static void given_average(const ta_nhse_file *f, ta_assessment *a, size_t e)
{
    const tai_nhse_figure *avg = tai_nhse_entry_figure(f, e, TA_FIGURE_AVERAGE);
    if (avg && f->layouts[avg->file] == TAI_LAYOUT_LEAGUE)
        tai_assessment_set_given_average(a, a->n_trusts - 1, avg->value);
}

static ta_status build_trust(ta_nhse_file *f, ta_assessment *a, size_t e_index,
                             ta_nhse_source source, ta_trust **scratch)
{
    const tai_nhse_entry *e = &f->entries[e_index];
    ta_trust *t = NULL;
    ta_status st = ta_trust_new(&t, f->fw, e->code, &f->alloc);
    for (size_t k = 0; st == TA_OK && k < 4; k++)
        st = ta_trust_set_field(t, (ta_trust_field)k, e->fields[k]);
    if (st == TA_OK)
        st = ta_trust_set_flag(t, TA_FLAG_FINANCIAL_DEFICIT,
                               published_flag(f, e_index, TA_FIGURE_DEFICIT_FLAG));
    if (st == TA_OK)
        st = ta_trust_set_flag(t, TA_FLAG_RECOVERY_SUPPORT,
                               published_flag(f, e_index, TA_FIGURE_RSP_FLAG));
    for (size_t k = f->entry_start[e_index]; st == TA_OK && k < f->entry_start[e_index + 1]; k++) {
        const tai_nhse_figure *fig = &f->figures[f->by_entry[k]];
        st = give_figure(f, t, fig, source);
        if (st != TA_OK && st != TA_ENOMEM)
            tai_error_set(&f->err, st, "%s:%zu:%zu: %s", f->files[fig->file], fig->line,
                          fig->column, ta_trust_error(t));
    }
    if (st == TA_OK && (st = ta_assessment_add_trust(a, t)) != TA_OK)
        tai_error_set(&f->err, st, "%s", ta_assessment_error(a));
    if (st == TA_OK)
        given_average(f, a, e_index);
    *scratch = t;
    return st;
}

/* The fast path: each trust's row of values and scores filled straight from
 * its figures (whose metric indexes were resolved when the file was read)
 * and appended in one internal call, with no ta_trust handle, no lookup of
 * an ID string and no copy of a field that is empty. It gives the assessment
 * the public path gives; for anything the public setters would refuse (a
 * score outside 1 to 4, an invalid trust code) it returns TA_EINVAL without a
 * message, and the caller redoes the build on the public path, which fails
 * with its usual message. TA_ENOMEM is returned as such. */
static ta_status build_fast(ta_nhse_file *f, ta_assessment *a, size_t p, size_t type,
                            ta_nhse_source source)
{
    const tai_framework_def *def = &f->fw->def;
    size_t nm = def->n_metrics, i_deficit, i_rsp, n_trusts = 0;
    double *values, *scores;
    ta_status st = TA_OK;
    values = tai_calloc(&f->alloc, nm ? 2 * nm : 2, sizeof *values);
    if (!values)
        return TA_ENOMEM;
    scores = values + nm;
    i_deficit = tai_framework_figure(def, TA_FIGURE_DEFICIT_FLAG);
    i_rsp = tai_framework_figure(def, TA_FIGURE_RSP_FLAG);
    for (size_t e = 0; e < f->n_entries; e++) /* room for them all at once */
        n_trusts += f->entries[e].period == p && (type == (size_t)-1 || f->entries[e].type == type);
    if (tai_assessment_reserve(a, n_trusts) != TA_OK) {
        tai_free(&f->alloc, values);
        return TA_ENOMEM;
    }
    for (size_t e = 0; st == TA_OK && e < f->n_entries; e++) {
        const tai_nhse_entry *en = &f->entries[e];
        ta_tristate flags[2] = {TA_UNKNOWN, TA_UNKNOWN};
        int has_values = 0, has_scores = 0;
        if (en->period != p || (type != (size_t)-1 && en->type != type))
            continue;
        for (size_t m = 0; m < nm; m++)
            values[m] = scores[m] = NAN;
        for (size_t k = f->entry_start[e]; st == TA_OK && k < f->entry_start[e + 1]; k++) {
            const tai_nhse_figure *fig = &f->figures[f->by_entry[k]];
            if (source == TA_FROM_SCORES && figure_group(fig) == 2)
                break; /* only raw values follow (index_by_entry) */
            if (fig->id_kind == TAI_ID_FIGURE) {
                if (fig->id_index == i_deficit)
                    flags[TA_FLAG_FINANCIAL_DEFICIT] = fig->value != 0 ? TA_YES : TA_NO;
                else if (fig->id_index == i_rsp)
                    flags[TA_FLAG_RECOVERY_SUPPORT] = fig->value != 0 ? TA_YES : TA_NO;
            } else if (fig->id_kind == TAI_ID_SCORE &&
                       (source == TA_FROM_SCORES ||
                        def->metrics[fig->id_index].scoring == TA_SCORING_SUPPLIED)) {
                if (fig->value < 1 || fig->value > 4)
                    st = TA_EINVAL;
                scores[fig->id_index] = fig->value;
                has_scores = 1;
            } else if (fig->id_kind == TAI_ID_RAW && source == TA_FROM_VALUES) {
                values[fig->id_index] = fig->value;
                has_values = 1;
            }
        }
        if (st == TA_OK)
            st = tai_assessment_add_row(a, en->code, en->fields, flags, has_values ? values : NULL,
                                        has_scores ? scores : NULL);
        if (st == TA_OK)
            given_average(f, a, e);
    }
    tai_free(&f->alloc, values);
    return st;
}

ta_status ta_nhse_file_assessment(ta_assessment **out, ta_nhse_file *f, const char *period,
                                  const char *trust_type, ta_nhse_source source)
{
    ta_assessment *a = NULL;
    size_t p, type = (size_t)-1;
    ta_status st;
    if (!out)
        return f ? tai_error_set(&f->err, TA_EINVAL, "out is NULL") : TA_EINVAL;
    *out = NULL;
    if (!f)
        return TA_EINVAL;
    if (!period)
        return tai_error_set(&f->err, TA_EINVAL, "period is NULL");
    if (source != TA_FROM_SCORES && source != TA_FROM_VALUES)
        return tai_error_set(&f->err, TA_EINVAL, "unknown source %d", (int)source);
    if (!tai_strmap_get(&f->period_map, period, strlen(period), &p))
        return tai_error_set(&f->err, TA_ENOTFOUND, "no quarter \"%s\" in the file", period);
    if (trust_type && !tai_strmap_get(&f->type_map, trust_type, strlen(trust_type), &type))
        return tai_error_set(&f->err, TA_ENOTFOUND, "no trust type \"%s\" in the file", trust_type);
    if ((st = ta_assessment_new(&a, f->fw, &f->alloc)) != TA_OK)
        return tai_error_set(&f->err, st, "cannot make an assessment: %s", ta_strerror(st));
    if ((st = ta_assessment_set_period(a, period)) != TA_OK ||
        (st = ta_assessment_set_scores_only(a, source == TA_FROM_SCORES)) != TA_OK)
        tai_error_set(&f->err, st, "%s", ta_assessment_error(a));
    if (st == TA_OK) {
        st = build_fast(f, a, p, type, source);
        if (st == TA_OK) {
            *out = a;
            return TA_OK;
        }
        if (st == TA_ENOMEM) {
            ta_assessment_free(a);
            return tai_error_set(&f->err, st, "out of memory building the assessment");
        }
        /* Start again on the public path, for its message. */
        ta_assessment_free(a);
        a = NULL;
        if ((st = ta_assessment_new(&a, f->fw, &f->alloc)) != TA_OK)
            return tai_error_set(&f->err, st, "cannot make an assessment: %s", ta_strerror(st));
        if ((st = ta_assessment_set_period(a, period)) != TA_OK)
            tai_error_set(&f->err, st, "%s", ta_assessment_error(a));
    }
    for (size_t e = 0; st == TA_OK && e < f->n_entries; e++) {
        ta_trust *t = NULL;
        if (f->entries[e].period != p || (trust_type && f->entries[e].type != type))
            continue;
        st = build_trust(f, a, e, source, &t);
        ta_trust_free(t);
    }
    if (st != TA_OK) {
        if (st == TA_ENOMEM)
            tai_error_set(&f->err, st, "out of memory building the assessment");
        ta_assessment_free(a);
        return st;
    }
    *out = a;
    return TA_OK;
}

const char *ta_nhse_source_name(ta_nhse_source v)
{
    switch (v) {
    case TA_FROM_SCORES:
        return "scores";
    case TA_FROM_VALUES:
        return "values";
    }
    return "";
}
