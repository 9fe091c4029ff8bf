/*
 * Supplied evidence from a CSV file (ta_screen_read_evidence_buffer): the judgements
 * the published figures cannot show (issue 16).
 *
 * Columns Trust_code, Judgement and Value (any order, names in any ASCII
 * case), optionally Date and Note. A judgement key is any criterion key
 * (partnership, capability_assessment, icb_support, region_support,
 * financial_plan_agreed, ...) with Value yes, no or empty (unknown);
 * "cqc_rating" takes outstanding, good, requires_improvement or inadequate
 * (spaces or underscores), with Date the day it was published; an undated
 * rating is taken as published on the screen's as-of date (our reading:
 * current). The file is parsed and checked whole first (every trust must be
 * one the screen holds, and no judgement of a trust given twice: a later row
 * would silently replace the earlier one), then applied, so a bad row changes
 * nothing.
 */
#include <stdio.h>
#include <string.h>

#include "common/alloc.h"
#include "common/csv.h"
#include "common/file.h"
#include "common/strmap.h"
#include "eligibility_internal.h"
#include "trustassess/date.h"

enum { COL_CODE, COL_KEY, COL_VALUE, COL_DATE, COL_NOTE, N_COLS };

static const char *const col_names[N_COLS] = {"Trust_code", "Judgement", "Value", "Date", "Note"};

typedef struct row {
    char *code, *key, *note;
    int is_cqc;
    ta_tristate value;
    ta_cqc_rating rating;
    int has_date;
    ta_date date;
    size_t line, key_column;
} row;

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* A character as words compare it: ASCII lower case, '_' as ' '. */
static int fold(int c)
{
    c = lower(c);
    return c == '_' ? ' ' : c;
}

/* s, blanks (spaces, tabs) around it aside, equals word as fold() sees them. */
static int word_eq(const char *s, const char *word)
{
    while (*s == ' ' || *s == '\t')
        s++;
    for (; *word; s++, word++)
        if (fold((unsigned char)*s) != fold((unsigned char)*word))
            return 0;
    while (*s == ' ' || *s == '\t')
        s++;
    return *s == '\0';
}

static void rows_free(ta_screen *s, row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        tai_free(&s->alloc, rows[i].code);
        tai_free(&s->alloc, rows[i].key);
        tai_free(&s->alloc, rows[i].note);
    }
    tai_free(&s->alloc, rows);
}

/* The current record's field at index col ("" when the header has no such
 * column, col being (size_t)-1, or the record is shorter) and, in *col_no,
 * its column (1 when there is none). */
static const char *cell(const tai_csv *csv, size_t col, size_t *col_no)
{
    *col_no = 1;
    if (col >= tai_csv_field_count(csv))
        return "";
    *col_no = tai_csv_field_column(csv, col);
    return tai_csv_field(csv, col, NULL);
}

static ta_status parse_row(ta_screen *s, const tai_csv *csv, const size_t *col, const char *name,
                           row *out)
{
    const char *f[N_COLS];
    size_t line = tai_csv_record_line(csv), col_no[N_COLS], len;
    f[COL_CODE] = cell(csv, col[COL_CODE], &col_no[COL_CODE]);
    f[COL_KEY] = cell(csv, col[COL_KEY], &col_no[COL_KEY]);
    f[COL_VALUE] = cell(csv, col[COL_VALUE], &col_no[COL_VALUE]);
    f[COL_DATE] = cell(csv, col[COL_DATE], &col_no[COL_DATE]);
    f[COL_NOTE] = cell(csv, col[COL_NOTE], &col_no[COL_NOTE]);
    memset(out, 0, sizeof *out);
    out->line = line;
    out->key_column = col_no[COL_KEY];
    if (!tai_strmap_get(&s->trust_map, f[COL_CODE], strlen(f[COL_CODE]), NULL))
        return tai_error_set(&s->err, TA_ENOTFOUND,
                             "%s:%zu:%zu: trust \"%s\" is not in the screened period %s", name,
                             line, col_no[COL_CODE], f[COL_CODE], s->labels[s->n_periods - 1]);
    if (!tai_criteria_id_ok(f[COL_KEY]))
        return tai_error_set(&s->err, TA_EPARSE,
                             "%s:%zu:%zu: Judgement \"%s\" must be 1 to 32 letters, digits, _ or -",
                             name, line, col_no[COL_KEY], f[COL_KEY]);
    out->is_cqc = strcmp(f[COL_KEY], "cqc_rating") == 0;
    if (out->is_cqc) {
        static const ta_cqc_rating ratings[] = {TA_CQC_OUTSTANDING, TA_CQC_GOOD,
                                                TA_CQC_REQUIRES_IMPROVEMENT, TA_CQC_INADEQUATE};
        int found = 0;
        for (size_t k = 0; k < 4 && !found; k++)
            if (word_eq(f[COL_VALUE], ta_cqc_rating_name(ratings[k]))) {
                out->rating = ratings[k];
                found = 1;
            }
        if (!found)
            return tai_error_set(&s->err, TA_EPARSE,
                                 "%s:%zu:%zu: cqc_rating \"%s\" is not outstanding, good, "
                                 "requires_improvement or inadequate",
                                 name, line, col_no[COL_VALUE], f[COL_VALUE]);
    } else if (word_eq(f[COL_VALUE], "yes")) {
        out->value = TA_YES;
    } else if (word_eq(f[COL_VALUE], "no")) {
        out->value = TA_NO;
    } else if (word_eq(f[COL_VALUE], "")) {
        out->value = TA_UNKNOWN;
    } else {
        return tai_error_set(&s->err, TA_EPARSE,
                             "%s:%zu:%zu: Value \"%s\" of judgement %s is not yes, no or empty",
                             name, line, col_no[COL_VALUE], f[COL_VALUE], f[COL_KEY]);
    }
    len = strlen(f[COL_DATE]);
    if (len > 0) {
        if (ta_date_parse(&out->date, f[COL_DATE], len) != TA_OK)
            return tai_error_set(&s->err, TA_EPARSE,
                                 "%s:%zu:%zu: Date \"%s\" is not a date (YYYY-MM-DD)", name, line,
                                 col_no[COL_DATE], f[COL_DATE]);
        out->has_date = 1;
    }
    if (strlen(f[COL_NOTE]) > 500)
        return tai_error_set(&s->err, TA_EPARSE, "%s:%zu:%zu: Note is over 500 bytes", name, line,
                             col_no[COL_NOTE]);
    if (out->is_cqc && !out->has_date && !s->has_as_of)
        return tai_error_set(&s->err, TA_EPARSE,
                             "%s:%zu:%zu: an undated cqc_rating needs the screen's as-of date",
                             name, line, col_no[COL_DATE]);
    if (!(out->code = tai_strdup(&s->alloc, f[COL_CODE])) ||
        !(out->key = tai_strdup(&s->alloc, f[COL_KEY])) ||
        !(out->note = tai_strdup(&s->alloc, f[COL_NOTE])))
        return tai_error_set(&s->err, TA_ENOMEM, "out of memory");
    return TA_OK;
}

static ta_status read_rows(ta_screen *s, tai_csv *csv, const char *name, row **rows, size_t *n)
{
    size_t col[N_COLS], cap = 0;
    int has = 0;
    ta_status st;
    memset(col, 0xff, sizeof col); /* every column (size_t)-1: not in the header */
    if ((st = tai_csv_next(csv, &has, &s->err)) != TA_OK)
        return st;
    if (!has)
        return tai_error_set(&s->err, TA_EPARSE, "%s: empty file, no header", name);
    for (size_t i = 0; i < tai_csv_field_count(csv); i++)
        for (int c = 0; c < N_COLS; c++) {
            if (!word_eq(tai_csv_field(csv, i, NULL), col_names[c]) ||
                strchr(tai_csv_field(csv, i, NULL), ' ') != NULL)
                continue;
            /* Which copy would be meant is anyone's guess: refuse, never pick one. */
            if (col[c] != (size_t)-1)
                return tai_error_set(&s->err, TA_EDUPLICATE,
                                     "%s:1:%zu: column \"%s\" appears twice (first at column %zu)",
                                     name, tai_csv_field_column(csv, i), col_names[c],
                                     tai_csv_field_column(csv, col[c]));
            col[c] = i;
        }
    for (int c = 0; c <= COL_VALUE; c++)
        if (col[c] == (size_t)-1)
            return tai_error_set(&s->err, TA_EPARSE, "%s:1: the header has no %s column", name,
                                 col_names[c]);
    for (;;) {
        if ((st = tai_csv_next(csv, &has, &s->err)) != TA_OK)
            return st;
        if (!has)
            return TA_OK;
        if (tai_csv_record_blank(csv))
            continue;
        if (tai_grow(&s->alloc, (void **)rows, &cap, *n + 1, sizeof **rows) != TA_OK)
            return tai_error_set(&s->err, TA_ENOMEM, "out of memory");
        st = parse_row(s, csv, col, name, &(*rows)[*n]);
        (*n)++; /* freed either way */
        if (st != TA_OK)
            return st;
    }
}

/* A judgement of a trust given twice (a CQC rating included) is an error
 * naming both rows: which of the two counts would depend on the row order. */
static ta_status check_repeats(ta_screen *s, const row *rows, size_t n, const char *name)
{
    tai_strmap seen;
    ta_status st = TA_OK;
    char key[128];
    tai_strmap_init(&seen, &s->alloc);
    for (size_t i = 0; st == TA_OK && i < n; i++) {
        const row *r = &rows[i];
        size_t first; /* tai_strmap_put sets both when it succeeds */
        int existed;
        /* A trust code has no space (the screen's codes are checked when
         * read) and a key is at most 32 bytes, so "CODE KEY" is unambiguous. */
        (void)snprintf(key, sizeof key, "%s %s", r->code, r->key);
        if (tai_strmap_put(&seen, key, strlen(key), r->line, &existed, &first) != TA_OK)
            st = tai_error_set(&s->err, TA_ENOMEM, "out of memory");
        else if (existed)
            st = tai_error_set(&s->err, TA_EPARSE,
                               "%s:%zu:%zu: trust %s: judgement %s is given twice (first on "
                               "line %zu)",
                               name, r->line, r->key_column, r->code, r->key, first);
    }
    tai_strmap_free(&seen);
    return st;
}

ta_status ta_screen_read_evidence_buffer(ta_screen *s, const char *data, size_t len,
                                         const char *name)
{
    tai_csv csv;
    row *rows = NULL;
    size_t n = 0;
    ta_status st;
    if (!s)
        return TA_EINVAL;
    tai_error_clear(&s->err);
    if (!data && len > 0)
        return tai_error_set(&s->err, TA_EINVAL, "data is NULL");
    name = name ? name : "evidence";
    tai_csv_init(&csv, &s->alloc, name, data ? data : "", len);
    st = read_rows(s, &csv, name, &rows, &n);
    tai_csv_free(&csv);
    if (st == TA_OK)
        st = check_repeats(s, rows, n, name);
    for (size_t i = 0; st == TA_OK && i < n; i++) {
        const row *r = &rows[i];
        st = r->is_cqc
                 ? ta_screen_supply_cqc(s, r->code, r->rating, r->has_date ? r->date : s->as_of)
                 : ta_screen_supply_judgement(s, r->code, r->key, r->value, r->note);
    }
    rows_free(s, rows, n);
    return st;
}

static ta_status parse_buffer(void *s, const char *data, size_t len, const char *name)
{
    return ta_screen_read_evidence_buffer(s, data, len, name);
}

ta_status ta_screen_read_evidence_file(ta_screen *s, const char *path)
{
    if (!s)
        return TA_EINVAL;
    tai_error_clear(&s->err);
    return tai_parse_file(&s->alloc, path, &s->err, parse_buffer, s);
}
