/*
 * Assessments: input. Trusts one by one (from a ta_trust) or in bulk (the
 * columns of long-format data, the readers' rows), their fields and flags,
 * and the options of a run (period, scores only, reconstruction, cut-offs).
 * Every change discards the last run's results.
 *
 * Bulk input (ta_assessment_add_columns) is all-or-nothing: rows are checked
 * first, new trusts are staged beyond n_trusts, and only a fully valid call
 * is made visible, so a bad row in the middle loses nothing already given.
 */
#include "assessment_internal.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "common/alloc.h"

/* An empty field points here instead of owning a copy of "": most fields of
 * bulk-added trusts stay empty, and four allocations per trust were most of
 * what adding a million trusts cost. Never written through. */
static const char empty_field[1] = "";

/* Field texts live in a pool of chunks owned by the assessment (a->texts),
 * not in an allocation each: a published file's trusts have four fields
 * each, a host sets a type per trust, and a malloc and free per text were a
 * third of building a national table. Texts are freed with the assessment;
 * a replaced text is overwritten in place when the new one fits (see
 * ta_assessment_set_trust_field), so setting a field again and again does
 * not grow the pool. Chunks double from 4 KiB up to 1 MiB. */
#define TEXT_CHUNK_MIN ((size_t)4096)
#define TEXT_CHUNK_MAX ((size_t)1024 * 1024)

/* A field's text as a row stores it: empty_field or a copy in the pool (NULL
 * when out of memory; the pool is then as it was). */
static char *field_copy(ta_assessment *a, const char *text)
{
    size_t len;
    tai_text_chunk *c = a->texts;
    char *copy;
    if (text[0] == '\0')
        return (char *)empty_field;
    len = strlen(text) + 1;
    if (!c || c->cap - c->used < len) {
        size_t cap = c ? c->cap * 2 : TEXT_CHUNK_MIN;
        if (cap > TEXT_CHUNK_MAX)
            cap = TEXT_CHUNK_MAX;
        if (cap < len)
            cap = len;
        if (cap > SIZE_MAX - sizeof *c || !(c = tai_malloc(&a->alloc, sizeof *c + cap)))
            return NULL;
        c->next = a->texts;
        c->used = 0;
        c->cap = cap;
        a->texts = c;
    }
    copy = c->data + c->used;
    memcpy(copy, text, len);
    c->used += len;
    return copy;
}

ta_status ta_assessment_set_period(ta_assessment *a, const char *period)
{
    char *copy;
    if (!a)
        return TA_EINVAL;
    if (!period)
        return tai_error_set(&a->err, TA_EINVAL, "period is NULL");
    if (!(copy = tai_strdup(&a->alloc, period)))
        return tai_error_set(&a->err, TA_ENOMEM, "out of memory");
    tai_free(&a->alloc, a->period);
    a->period = copy;
    tai_assessment_discard(a); /* the period chooses the pool sizes (reconstruct.c, scoring.c) */
    return TA_OK;
}

/* ---- inputs ----------------------------------------------------------- */

/* A trusts_cap x n_metrics array of input cells, all NaN (not given). */
static double *new_cells(ta_assessment *a)
{
    size_t n = a->trusts_cap * a->n_metrics;
    double *cells = tai_reallocarray(&a->alloc, NULL, n, sizeof *cells);
    for (size_t i = 0; cells && i < n; i++)
        cells[i] = NAN;
    return cells;
}

/* The values or supplied-score cells, made on first use: input from scores
 * needs no value cells and input from values no score cells, and at a
 * million trusts each array is 160 MB. NULL when out of memory. */
static double *input_cells(ta_assessment *a, ta_input_kind kind)
{
    double **cells = kind == TA_INPUT_VALUE ? &a->values : &a->supplied;
    if (!*cells)
        *cells = new_cells(a);
    return *cells;
}

/* Makes room for `count` trusts; new input cells are NaN. Rows beyond
 * n_trusts are filled by init_row when used. The rows grow as tai_grow grows
 * any array; the input cells follow (trusts_cap is set once both have). */
/* Grows one input-cell array from old_cap to cap rows, the new cells NaN;
 * an array not made yet (NULL) stays so. */
static ta_status grow_cells(ta_assessment *a, double **cells, size_t old_cap, size_t cap)
{
    size_t nm = a->n_metrics;
    double *grown;
    if (!*cells)
        return TA_OK;
    if (!(grown = tai_reallocarray(&a->alloc, *cells, cap * nm, sizeof *grown)))
        return TA_ENOMEM;
    for (size_t i = old_cap * nm; i < cap * nm; i++)
        grown[i] = NAN;
    *cells = grown;
    return TA_OK;
}

static ta_status reserve_trusts(ta_assessment *a, size_t count)
{
    size_t old_cap = a->trusts_cap, cap = old_cap;
    if (tai_grow(&a->alloc, (void **)&a->trusts, &cap, count, sizeof *a->trusts) != TA_OK)
        return TA_ENOMEM;
    if (cap == old_cap)
        return TA_OK;
    if (cap > SIZE_MAX / a->n_metrics || /* n_metrics >= 1: a framework has metrics */
        grow_cells(a, &a->values, old_cap, cap) != TA_OK ||
        grow_cells(a, &a->supplied, old_cap, cap) != TA_OK)
        return TA_ENOMEM;
    a->trusts_cap = cap;
    return TA_OK;
}

/* Fills row t (beyond or at n_trusts) with a code, empty fields, unknown
 * flags and no given average: every member a reader reads (ft_status is
 * not read: a trust's FT status plays no part in an assessment). */
static void init_row(ta_assessment *a, size_t t, const char *code)
{
    tai_trust_row *row = &a->trusts[t];
    strcpy(row->code, code);
    row->flags[0] = row->flags[1] = TA_UNKNOWN;
    row->given_average = NAN;
    for (size_t f = 0; f < TAI_N_FIELDS; f++)
        row->fields[f] = (char *)empty_field;
}

ta_status ta_assessment_add_trust(ta_assessment *a, const ta_trust *t)
{
    size_t nm, index, n_new_ranks = 0, hash;
    int has_values = 0, has_scores = 0;
    tai_trust_row *row;
    if (!a)
        return TA_EINVAL;
    if (!t)
        return tai_error_set(&a->err, TA_EINVAL, "trust is NULL");
    if (t->fw != a->fw)
        return tai_error_set(&a->err, TA_EINVAL, "trust %s was made with another framework",
                             t->code);
    hash = tai_code_hash(t->code);
    if (tai_code_index_find(&a->codes, a->trusts, t->code, hash, &index))
        return tai_error_set(&a->err, TA_EDUPLICATE, "trust %s is already in the assessment",
                             t->code);
    nm = a->n_metrics;
    for (size_t m = 0; m < nm; m++) {
        n_new_ranks += t->ranks[m] != 0;
        has_values |= !isnan(t->values[m]);
        has_scores |= !isnan(t->scores[m]);
    }
    if (reserve_trusts(a, a->n_trusts + 1) != TA_OK ||
        tai_code_index_reserve(&a->codes, a->n_trusts + 1) != TA_OK ||
        (has_values && !input_cells(a, TA_INPUT_VALUE)) ||
        (has_scores && !input_cells(a, TA_INPUT_SCORE)) ||
        tai_grow(&a->alloc, (void **)&a->ranks, &a->ranks_cap, a->n_ranks + n_new_ranks,
                 sizeof *a->ranks) != TA_OK)
        return tai_error_set(&a->err, TA_ENOMEM, "out of memory adding trust %s", t->code);
    index = a->n_trusts;
    init_row(a, index, t->code);
    row = &a->trusts[index];
    for (size_t f = 0; f < TAI_N_FIELDS; f++) {
        char *copy = field_copy(a, t->fields[f]); /* on failure, copies made stay in the pool */
        if (!copy)
            return tai_error_set(&a->err, TA_ENOMEM, "out of memory adding trust %s", t->code);
        row->fields[f] = copy; /* replaces empty_field */
    }
    tai_code_index_insert(&a->codes, hash, index);
    row->flags[0] = t->flags[0];
    row->flags[1] = t->flags[1];
    for (size_t m = 0; m < nm; m++) {
        if (!isnan(t->values[m]))
            a->values[index * nm + m] = t->values[m];
        if (!isnan(t->scores[m]))
            a->supplied[index * nm + m] = t->scores[m];
    }
    for (size_t m = 0; m < nm; m++)
        if (t->ranks[m]) {
            tai_rank_input *r = &a->ranks[a->n_ranks++];
            r->trust = index;
            r->metric = m;
            r->rank = t->ranks[m];
            r->pool = t->pools[m];
        }
    a->n_trusts++;
    tai_assessment_discard(a);
    return TA_OK;
}

ta_status tai_assessment_add_row(ta_assessment *a, const char *code, char *const *fields,
                                 const ta_tristate *flags, const double *values,
                                 const double *scores)
{
    size_t nm = a->n_metrics, index = a->n_trusts, hash;
    tai_trust_row *row;
    if (!tai_trust_code_valid(code))
        return TA_EINVAL;
    hash = tai_code_hash(code);
    if (tai_code_index_find(&a->codes, a->trusts, code, hash, &index))
        return TA_EDUPLICATE;
    if (reserve_trusts(a, a->n_trusts + 1) != TA_OK ||
        tai_code_index_reserve(&a->codes, a->n_trusts + 1) != TA_OK ||
        (values && !input_cells(a, TA_INPUT_VALUE)) || (scores && !input_cells(a, TA_INPUT_SCORE)))
        return TA_ENOMEM;
    index = a->n_trusts;
    init_row(a, index, code);
    row = &a->trusts[index];
    for (size_t f = 0; f < TAI_N_FIELDS; f++)
        if (!(row->fields[f] = field_copy(a, fields[f])))
            return TA_ENOMEM; /* the row is beyond n_trusts: not in the assessment */
    tai_code_index_insert(&a->codes, hash, index);
    row->flags[0] = flags[0];
    row->flags[1] = flags[1];
    if (values)
        memcpy(&a->values[index * nm], values, nm * sizeof *values);
    if (scores)
        memcpy(&a->supplied[index * nm], scores, nm * sizeof *scores);
    a->n_trusts++;
    tai_assessment_discard(a);
    return TA_OK;
}

void tai_assessment_set_given_average(ta_assessment *a, size_t t, double average)
{
    if (t >= a->n_trusts)
        return;
    a->trusts[t].given_average = isfinite(average) ? average : NAN;
    tai_assessment_discard(a);
}

/* Bulk rows name metrics by string, but a caller passes the same few ID
 * strings (often the same pointers) millions of times. A small direct-mapped
 * cache from the string's address to its metric index skips the hash lookup
 * for a pointer seen before in this call; a pointer is a stable name for its
 * text for the duration of the call. Only IDs that passed the check are
 * cached. */
#define ID_CACHE_SIZE 64

typedef struct id_cache {
    const char *ptr[ID_CACHE_SIZE];
    size_t metric[ID_CACHE_SIZE];
} id_cache;

/* Fibonacci hashing of the address: string literals sit a few bytes apart,
 * so the low bits alone would put neighbours in one slot. */
static size_t id_slot(const char *id)
{
    return (size_t)(((uint64_t)(uintptr_t)id * UINT64_C(0x9e3779b97f4a7c15)) >> 58);
}

/* The metric of a known, checked ID. */
static size_t cached_metric(const ta_assessment *a, id_cache *c, const char *id)
{
    size_t slot = id_slot(id), m = 0;
    if (c->ptr[slot] == id)
        return c->metric[slot];
    tai_framework_lookup(&a->fw->def, id, &m, NULL);
    c->ptr[slot] = id;
    c->metric[slot] = m;
    return m;
}

/* Checks one bulk row; the metric index on success. A row whose code is the
 * previous row's was checked with it (same_code). */
static ta_status check_column_row(ta_assessment *a, id_cache *c, size_t i, const char *code,
                                  int same_code, const char *id, double number, ta_input_kind kind)
{
    int id_kind;
    size_t slot = id_slot(id), metric; /* a NULL id is refused before slot is read */
    if (!same_code && !tai_trust_code_valid(code))
        return tai_error_set(&a->err, TA_EINVAL, "row %zu: invalid trust code \"%s\"", i,
                             code ? code : "(null)");
    if (!id || c->ptr[slot] != id) {
        if (!id || !tai_framework_lookup(&a->fw->def, id, &metric, &id_kind) ||
            (id_kind != TAI_ID_SCORE && id_kind != TAI_ID_RAW))
            return tai_error_set(&a->err, TA_ENOTFOUND, "row %zu: unknown metric \"%s\"", i,
                                 id ? id : "(null)");
        c->ptr[slot] = id;
        c->metric[slot] = metric;
    }
    if (!isfinite(number))
        return tai_error_set(&a->err, TA_EINVAL, "row %zu: trust %s, %s: not a finite number", i,
                             code, id);
    if (kind == TA_INPUT_SCORE && (number < 1 || number > 4))
        return tai_error_set(&a->err, TA_ERANGE,
                             "row %zu: trust %s, %s: a score must be from 1 "
                             "to 4",
                             i, code, id);
    return TA_OK;
}

/* Undoes a failed ta_assessment_add_columns: clears the cells that rows
 * 0 .. written-1 set in trusts already published, and empties the staged rows
 * beyond n_trusts (whose codes are not in a->codes). */
static void undo_columns(ta_assessment *a, size_t written, const char *const *trust_codes,
                         const char *const *metric_ids, double *cells, size_t n_staged)
{
    size_t nm = a->n_metrics;
    for (size_t j = 0; cells && j < written; j++) {
        size_t t, m;
        const char *code = trust_codes[j];
        if (!tai_code_index_find(&a->codes, a->trusts, code, tai_code_hash(code), &t))
            continue; /* a staged trust: emptied below */
        tai_framework_lookup(&a->fw->def, metric_ids[j], &m, NULL);
        cells[t * nm + m] = NAN;
    }
    for (size_t s = 0; s < n_staged; s++) {
        size_t t = a->n_trusts + s;
        for (size_t m = 0; m < nm; m++) { /* either array may not exist yet */
            if (a->values)
                a->values[t * nm + m] = NAN;
            if (a->supplied)
                a->supplied[t * nm + m] = NAN;
        }
    }
}

ta_status ta_assessment_add_columns(ta_assessment *a, size_t n, const char *const *trust_codes,
                                    const char *const *metric_ids, const double *numbers,
                                    ta_input_kind kind)
{
    tai_code_index staged; /* codes new in this call -> row index beyond n_trusts */
    size_t n_staged = 0, nm, i, written = 0, n_runs = 0, runs_cap = 0, run;
    size_t *run_start = NULL, *run_rows;
    const char *prev = NULL; /* the previous row's code, once checked */
    double *cells;
    id_cache cache = {.ptr = {NULL}}; /* no pointer cached: every slot empty */
    ta_status st = TA_OK;
    if (!a)
        return TA_EINVAL;
    if (n > 0 && (!trust_codes || !metric_ids || !numbers))
        return tai_error_set(&a->err, TA_EINVAL, "a column is NULL");
    if (kind != TA_INPUT_VALUE && kind != TA_INPUT_SCORE)
        return tai_error_set(&a->err, TA_EINVAL, "unknown input kind %d", (int)kind);
    /* Check every row and note where each run of rows naming one trust
     * starts, so the passes below go run by run and compare no codes. */
    for (i = 0; i < n; i++) {
        /* Long-format input lists a trust's rows together, so most rows
         * name the trust of the row before (checked with it). */
        int same = prev && trust_codes[i] && strcmp(trust_codes[i], prev) == 0;
        if ((st = check_column_row(a, &cache, i, trust_codes[i], same, metric_ids[i], numbers[i],
                                   kind)) != TA_OK) {
            tai_free(&a->alloc, run_start);
            return st;
        }
        prev = trust_codes[i];
        if (!same) {
            if (tai_grow(&a->alloc, (void **)&run_start, &runs_cap, n_runs + 2,
                         sizeof *run_start) != TA_OK) {
                tai_free(&a->alloc, run_start);
                return tai_error_set(&a->err, TA_ENOMEM, "out of memory adding columns");
            }
            run_start[n_runs++] = i;
        }
    }
    if (run_start)
        run_start[n_runs] = n; /* the end of the last run */
    nm = a->n_metrics;
    /* The row of each run, found once here. */
    if (!(run_rows = tai_reallocarray(&a->alloc, NULL, n_runs, sizeof *run_rows))) {
        tai_free(&a->alloc, run_start);
        return tai_error_set(&a->err, TA_ENOMEM, "out of memory adding columns");
    }
    /* Stage new trusts: each run's code is hashed once, looked up among the
     * published codes, then among those staged so far. */
    tai_code_index_init(&staged, &a->alloc);
    st = tai_code_index_reserve(&staged, n_runs);
    for (run = 0; run < n_runs && st == TA_OK; run++) {
        const char *code = trust_codes[run_start[run]];
        size_t hash, index;
        hash = tai_code_hash(code);
        if (!tai_code_index_find(&a->codes, a->trusts, code, hash, &index) &&
            !tai_code_index_find(&staged, a->trusts, code, hash, &index)) {
            index = a->n_trusts + n_staged;
            st = reserve_trusts(a, index + 1);
            if (st == TA_OK) {
                init_row(a, index, code);
                tai_code_index_insert(&staged, hash, index);
                n_staged++;
            }
        }
        run_rows[run] = index;
    }
    /* Room for the staged codes among the published, so publishing cannot fail. */
    if (st == TA_OK)
        st = tai_code_index_reserve(&a->codes, a->n_trusts + n_staged);
    /* Write the cells, stopping at the first duplicate. */
    cells = st == TA_OK && n > 0 ? input_cells(a, kind) : NULL;
    if (st == TA_OK && n > 0 && !cells)
        st = TA_ENOMEM;
    for (run = 0; run < n_runs && st == TA_OK; run++) {
        double *row = cells + run_rows[run] * nm;
        for (i = run_start[run]; i < run_start[run + 1]; i++) {
            size_t m = cached_metric(a, &cache, metric_ids[i]);
            if (!isnan(row[m])) {
                st = tai_error_set(&a->err, TA_EDUPLICATE,
                                   "row %zu: trust %s already has a %s "
                                   "for %s",
                                   i, trust_codes[i], kind == TA_INPUT_VALUE ? "value" : "score",
                                   a->fw->def.metrics[m].id);
                break;
            }
            row[m] = numbers[i];
            written = i + 1;
        }
    }
    if (st != TA_OK) {
        if (st == TA_ENOMEM)
            tai_error_set(&a->err, TA_ENOMEM, "out of memory adding columns");
        undo_columns(a, written, trust_codes, metric_ids, cells, n_staged);
        tai_code_index_free(&staged);
        tai_free(&a->alloc, run_rows);
        tai_free(&a->alloc, run_start);
        return st;
    }
    tai_free(&a->alloc, run_rows);
    tai_free(&a->alloc, run_start);
    /* Publish the staged trusts (room was reserved above). */
    for (size_t s = 0; s < staged.cap; s++)
        if (staged.slots[s].row_plus1 != 0)
            tai_code_index_insert(&a->codes, staged.slots[s].hash, staged.slots[s].row_plus1 - 1);
    tai_code_index_free(&staged);
    a->n_trusts += n_staged;
    tai_assessment_discard(a);
    return TA_OK;
}

/* The row of trust `code`, through the code index. */
static ta_status find_code(ta_assessment *a, const char *code, size_t *t)
{
    if (!code)
        return tai_error_set(&a->err, TA_EINVAL, "trust code is NULL");
    if (!tai_code_index_find(&a->codes, a->trusts, code, tai_code_hash(code), t))
        return tai_error_set(&a->err, TA_ENOTFOUND, "no trust %s in the assessment", code);
    return TA_OK;
}

ta_status ta_assessment_set_trust_field(ta_assessment *a, const char *code, ta_trust_field field,
                                        const char *value)
{
    size_t t;
    char *copy, *old;
    ta_status st;
    if (!a)
        return TA_EINVAL;
    if ((st = find_code(a, code, &t)) != TA_OK)
        return st;
    if ((int)field < 0 || (int)field >= TAI_N_FIELDS || !value)
        return tai_error_set(&a->err, TA_EINVAL, "bad field or NULL value for trust %s", code);
    old = a->trusts[t].fields[field];
    if (old != empty_field && value[0] != '\0' && strlen(value) <= strlen(old)) {
        memmove(old, value, strlen(value) + 1); /* fits: the pool does not grow */
    } else {
        if (!(copy = field_copy(a, value)))
            return tai_error_set(&a->err, TA_ENOMEM, "out of memory");
        a->trusts[t].fields[field] = copy;
    }
    tai_assessment_discard(a);
    return TA_OK;
}

ta_status ta_assessment_set_trust_flag(ta_assessment *a, const char *code, ta_flag flag,
                                       ta_tristate value)
{
    size_t t;
    ta_status st;
    if (!a)
        return TA_EINVAL;
    if ((st = find_code(a, code, &t)) != TA_OK)
        return st;
    if ((int)flag < 0 || (int)flag >= TAI_N_FLAGS ||
        (value != TA_UNKNOWN && value != TA_NO && value != TA_YES))
        return tai_error_set(&a->err, TA_EINVAL, "bad flag or flag value for trust %s", code);
    a->trusts[t].flags[flag] = value;
    tai_assessment_discard(a);
    return TA_OK;
}

ta_status ta_assessment_set_scores_only(ta_assessment *a, int scores_only)
{
    if (!a)
        return TA_EINVAL;
    a->scores_only = scores_only != 0;
    tai_assessment_discard(a);
    return TA_OK;
}

ta_status ta_assessment_set_reconstruct(ta_assessment *a, int reconstruct)
{
    if (!a)
        return TA_EINVAL;
    a->no_reconstruct = reconstruct == 0;
    tai_assessment_discard(a);
    return TA_OK;
}

ta_status ta_assessment_set_cutoffs(ta_assessment *a, size_t n, const double *cutoffs)
{
    if (!a)
        return TA_EINVAL;
    if (n == 0) {
        a->n_cutoffs_set = 0;
        tai_assessment_discard(a);
        return TA_OK;
    }
    if (!cutoffs)
        return tai_error_set(&a->err, TA_EINVAL, "cut-offs are NULL");
    if (n != a->fw->def.n_cutoffs)
        return tai_error_set(&a->err, TA_EINVAL, "the framework has %zu cut-offs, not %zu",
                             a->fw->def.n_cutoffs, n);
    for (size_t k = 0; k < n; k++) {
        if (!isfinite(cutoffs[k]))
            return tai_error_set(&a->err, TA_EINVAL, "cut-off %zu is not a finite number", k + 1);
        if (cutoffs[k] < 1 || cutoffs[k] > 4)
            return tai_error_set(&a->err, TA_ERANGE, "cut-off %zu must be a number from 1 to 4",
                                 k + 1);
        if (k > 0 && cutoffs[k] <= cutoffs[k - 1])
            return tai_error_set(&a->err, TA_EINVAL, "cut-offs must be strictly ascending");
    }
    memcpy(a->cutoffs_set, cutoffs, n * sizeof *cutoffs);
    a->n_cutoffs_set = n;
    tai_assessment_discard(a);
    return TA_OK;
}

const char *ta_input_kind_name(ta_input_kind v)
{
    switch (v) {
    case TA_INPUT_VALUE:
        return "value";
    case TA_INPUT_SCORE:
        return "score";
    }
    return "";
}
