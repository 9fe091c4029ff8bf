/*
 * The criteria file: a criteria set as one CSV file.
 *
 * Header (any order; other columns are ignored): Id, Name, Kind, Parameters,
 * and optionally Source and Our_reading. One criterion a row:
 *   Kind                            Parameters
 *   segment_at_most                 segment=2;quarters=4
 *   no_deficit, not_in_rsp          (empty)
 *   domain_score_at_most            domain=OF4000;threshold=2.50
 *   domain_in_top_quartile          domain=OF4000
 *   metric_better_than_peer_median  metric=OF0086
 *   supplied                        judgement=partnership | cqc_at_least=good
 * (CQC ratings: outstanding, good, requires_improvement, inadequate.) Blank
 * lines are skipped.
 *
 * Each row becomes the builder call a C program would make, so the file and
 * the API cannot disagree. The file is all or nothing: on the first error the
 * criteria it added are removed and the message names file, line and column.
 * The built-in sets are criteria text too (presets.c).
 */
#include <stdio.h>
#include <string.h>

#include "common/alloc.h"
#include "common/csv.h"
#include "common/file.h"
#include "common/number.h"
#include "eligibility_internal.h"

enum { COL_ID, COL_NAME, COL_KIND, COL_PARAMS, COL_SOURCE, COL_READING, N_COLS };

static const char *const column_names[N_COLS] = {"Id",         "Name",   "Kind",
                                                 "Parameters", "Source", "Our_reading"};

#define MAX_PARAMS 4
#define PARAMS_SIZE 1024

typedef struct reader {
    ta_criteria *c;
    tai_csv csv;
    const char *name;
    size_t col[N_COLS];
    /* the current row's parameters, split in place in `buf` */
    char buf[PARAMS_SIZE];
    const char *keys[MAX_PARAMS], *values[MAX_PARAMS];
    int used[MAX_PARAMS];
    size_t n_params;
} reader;

static const char *field(reader *r, int c)
{
    size_t i = r->col[c];
    if (i == (size_t)-1 || i >= tai_csv_field_count(&r->csv))
        return "";
    return tai_csv_field(&r->csv, i, NULL);
}

static size_t column_of(reader *r, int c)
{
    size_t i = r->col[c];
    return i < tai_csv_field_count(&r->csv) ? tai_csv_field_column(&r->csv, i) : 1;
}

static ta_status fail(reader *r, int c, ta_status st, const char *what, const char *text)
{
    return tai_error_set(&r->c->err, st, "%s:%zu:%zu: %s: %s \"%s\"", r->name,
                         tai_csv_record_line(&r->csv), column_of(r, c), column_names[c], what,
                         text);
}

/* Prefixes the builder's message with the row's location. */
static ta_status at(reader *r, int c, ta_status st)
{
    char msg[TAI_ERROR_SIZE];
    memcpy(msg, r->c->err.msg, sizeof msg);
    return tai_error_set(&r->c->err, st, "%s:%zu:%zu: %s", r->name, tai_csv_record_line(&r->csv),
                         column_of(r, c), msg);
}

static char *trim(char *s)
{
    char *e;
    while (*s == ' ')
        s++;
    e = s + strlen(s);
    while (e > s && e[-1] == ' ')
        *--e = '\0';
    return s;
}

/* Splits the Parameters field into key=value pairs. */
static ta_status split_params(reader *r)
{
    const char *text = field(r, COL_PARAMS);
    char *p;
    r->n_params = 0;
    if (strlen(text) >= PARAMS_SIZE)
        return fail(r, COL_PARAMS, TA_EPARSE, "over 1023 bytes", "...");
    memcpy(r->buf, text, strlen(text) + 1);
    p = r->buf;
    while (*trim(p)) {
        char *semi = strchr(p, ';'), *eq;
        if (semi)
            *semi = '\0';
        eq = strchr(p, '=');
        if (!eq || r->n_params == MAX_PARAMS)
            return fail(r, COL_PARAMS, TA_EPARSE,
                        !eq ? "expected key=value" : "too many parameters in", trim(p));
        *eq = '\0';
        r->keys[r->n_params] = trim(p);
        r->values[r->n_params] = trim(eq + 1);
        r->used[r->n_params] = 0;
        for (size_t i = 0; i < r->n_params; i++)
            if (strcmp(r->keys[i], r->keys[r->n_params]) == 0)
                return fail(r, COL_PARAMS, TA_EDUPLICATE, "parameter given twice", r->keys[i]);
        r->n_params++;
        if (!semi)
            break;
        p = semi + 1;
    }
    return TA_OK;
}

/* The value of parameter `key` ("" and *found = 0 when absent). */
static const char *param(reader *r, const char *key, int *found)
{
    for (size_t i = 0; i < r->n_params; i++)
        if (strcmp(r->keys[i], key) == 0) {
            r->used[i] = 1;
            *found = 1;
            return r->values[i];
        }
    *found = 0;
    return "";
}

static ta_status need(reader *r, const char *key, const char **value)
{
    int found;
    *value = param(r, key, &found);
    if (!found)
        return fail(r, COL_PARAMS, TA_EPARSE, "missing parameter", key);
    return TA_OK;
}

static ta_status need_int(reader *r, const char *key, int lo, int hi, int *out)
{
    const char *v;
    unsigned long long n;
    ta_status st;
    if ((st = need(r, key, &v)) != TA_OK)
        return st;
    if (tai_parse_uint(v, strlen(v), (unsigned long long)hi, &n) != TA_OK || (int)n < lo)
        return fail(r, COL_PARAMS, TA_EPARSE, key, v);
    *out = (int)n;
    return TA_OK;
}

/* Every parameter given must have been used. */
static ta_status no_extra(reader *r, const char *kind)
{
    for (size_t i = 0; i < r->n_params; i++)
        if (!r->used[i]) {
            char what[96];
            snprintf(what, sizeof what, "unknown parameter for %s", kind);
            return fail(r, COL_PARAMS, TA_EPARSE, what, r->keys[i]);
        }
    return TA_OK;
}

static ta_status parse_rating(reader *r, const char *v, ta_cqc_rating *out)
{
    static const char *const words[] = {"outstanding", "good", "requires_improvement",
                                        "inadequate"};
    for (int i = 0; i < 4; i++)
        if (strcmp(v, words[i]) == 0) {
            *out = (ta_cqc_rating)(i + 1);
            return TA_OK;
        }
    return fail(r, COL_PARAMS, TA_EPARSE,
                "cqc_at_least must be outstanding, good, requires_improvement or inadequate", v);
}

/* Makes the builder call for the current row. */
static ta_status add_row(reader *r, const char *id, const char *name, const char *kind)
{
    ta_criteria *c = r->c;
    const char *v = NULL;
    ta_status st;
    int seg = 0, quarters = 0, found = 0;
    if (strcmp(kind, "segment_at_most") == 0) {
        if ((st = need_int(r, "segment", 1, 9, &seg)) != TA_OK ||
            (st = need_int(r, "quarters", 1, 40, &quarters)) != TA_OK ||
            (st = no_extra(r, kind)) != TA_OK)
            return st;
        st = ta_criteria_add_segment_at_most(c, id, name, seg, quarters);
    } else if (strcmp(kind, "no_deficit") == 0 || strcmp(kind, "not_in_rsp") == 0) {
        if ((st = no_extra(r, kind)) != TA_OK)
            return st;
        st = strcmp(kind, "no_deficit") == 0 ? ta_criteria_add_no_deficit(c, id, name)
                                             : ta_criteria_add_not_in_rsp(c, id, name);
    } else if (strcmp(kind, "domain_score_at_most") == 0) {
        const char *t;
        double threshold;
        if ((st = need(r, "domain", &v)) != TA_OK || (st = need(r, "threshold", &t)) != TA_OK ||
            (st = no_extra(r, kind)) != TA_OK)
            return st;
        if (tai_parse_double(t, strlen(t), &threshold) != TA_OK)
            return fail(r, COL_PARAMS, TA_EPARSE, "threshold is not a number", t);
        st = ta_criteria_add_domain_score_at_most(c, id, name, v, threshold);
    } else if (strcmp(kind, "domain_in_top_quartile") == 0) {
        if ((st = need(r, "domain", &v)) != TA_OK || (st = no_extra(r, kind)) != TA_OK)
            return st;
        st = ta_criteria_add_domain_top_quartile(c, id, name, v);
    } else if (strcmp(kind, "metric_better_than_peer_median") == 0) {
        if ((st = need(r, "metric", &v)) != TA_OK || (st = no_extra(r, kind)) != TA_OK)
            return st;
        st = ta_criteria_add_better_than_peer_median(c, id, name, v);
    } else if (strcmp(kind, "supplied") == 0) {
        v = param(r, "judgement", &found);
        if (found) {
            if ((st = no_extra(r, kind)) != TA_OK)
                return st;
            st = ta_criteria_add_supplied_judgement(c, id, name, v);
        } else {
            ta_cqc_rating rating = TA_CQC_GOOD;
            v = param(r, "cqc_at_least", &found);
            if (!found)
                return fail(r, COL_PARAMS, TA_EPARSE,
                            "supplied needs judgement=KEY or cqc_at_least=RATING, got",
                            field(r, COL_PARAMS));
            if ((st = parse_rating(r, v, &rating)) != TA_OK || (st = no_extra(r, kind)) != TA_OK)
                return st;
            st = ta_criteria_add_cqc_rating(c, id, name, rating);
        }
    } else {
        return fail(r, COL_KIND, TA_EPARSE, "unknown kind", kind);
    }
    if (st == TA_EDUPLICATE)
        return at(r, COL_ID, st);
    if (st == TA_OK) {
        /* where the criterion came from, for errors found only when it is
         * applied (a metric or domain the screen's framework lacks) */
        tai_error e;
        tai_error_set(&e, TA_OK, "%s:%zu:%zu", r->name, tai_csv_record_line(&r->csv),
                      column_of(r, COL_PARAMS));
        if (!(c->items[c->n - 1].where = tai_strdup(&c->alloc, e.msg)))
            st = TA_ENOMEM;
    }
    return st == TA_OK ? TA_OK : at(r, st == TA_ENOMEM ? COL_ID : COL_PARAMS, st);
}

static ta_status read_row(reader *r)
{
    ta_criteria *c = r->c;
    const char *id = field(r, COL_ID), *name = field(r, COL_NAME), *kind = field(r, COL_KIND);
    ta_status st;
    if (!tai_criteria_id_ok(id))
        return fail(r, COL_ID, TA_EPARSE, "must be 1 to 32 letters, digits, _ or -, got", id);
    if (!*name || strlen(name) > 200)
        return fail(r, COL_NAME, TA_EPARSE, "must be 1 to 200 bytes, got", name);
    if ((st = split_params(r)) != TA_OK || (st = add_row(r, id, name, kind)) != TA_OK)
        return st;
    if ((st = ta_criteria_set_source(c, id, field(r, COL_SOURCE))) != TA_OK)
        return at(r, COL_SOURCE, st);
    if ((st = ta_criteria_set_reading(c, id, field(r, COL_READING))) != TA_OK)
        return at(r, COL_READING, st);
    return TA_OK;
}

static ta_status read_all(reader *r)
{
    ta_status st;
    int has = 0;
    for (int i = 0; i < N_COLS; i++)
        r->col[i] = (size_t)-1;
    if ((st = tai_csv_next(&r->csv, &has, &r->c->err)) != TA_OK)
        return st;
    if (!has)
        return tai_error_set(&r->c->err, TA_EPARSE, "%s: empty file, no header", r->name);
    for (size_t i = 0; i < tai_csv_field_count(&r->csv); i++) {
        const char *h = tai_csv_field(&r->csv, i, NULL);
        for (int k = 0; k < N_COLS; k++)
            if (strcmp(h, column_names[k]) == 0) {
                if (r->col[k] != (size_t)-1)
                    return tai_error_set(&r->c->err, TA_EPARSE, "%s:1:%zu: column %s appears twice",
                                         r->name, tai_csv_field_column(&r->csv, i), h);
                r->col[k] = i;
            }
    }
    for (int k = 0; k <= COL_PARAMS; k++)
        if (r->col[k] == (size_t)-1)
            return tai_error_set(&r->c->err, TA_EPARSE, "%s:1:1: the header has no %s column",
                                 r->name, column_names[k]);
    for (;;) {
        size_t len = 0;
        if ((st = tai_csv_next(&r->csv, &has, &r->c->err)) != TA_OK)
            return st;
        if (!has)
            return TA_OK;
        if (tai_csv_field_count(&r->csv) == 1)
            (void)tai_csv_field(&r->csv, 0, &len);
        if (tai_csv_field_count(&r->csv) == 1 && len == 0)
            continue; /* a blank line */
        if ((st = read_row(r)) != TA_OK)
            return st;
    }
}

ta_status ta_criteria_read_buffer(ta_criteria *c, const char *data, size_t len, const char *name)
{
    reader *r;
    ta_status st;
    size_t n_before;
    if (!c)
        return TA_EINVAL;
    tai_error_clear(&c->err);
    if (!data && len > 0)
        return tai_error_set(&c->err, TA_EINVAL, "data is NULL");
    if (!(r = tai_calloc(&c->alloc, 1, sizeof *r)))
        return tai_error_set(&c->err, TA_ENOMEM, "out of memory");
    r->c = c;
    r->name = name ? name : "input";
    n_before = c->n;
    tai_csv_init(&r->csv, &c->alloc, r->name, data ? data : "", len);
    st = read_all(r);
    tai_csv_free(&r->csv);
    tai_free(&c->alloc, r);
    if (st != TA_OK)
        tai_criteria_truncate(c, n_before);
    return st;
}

static ta_status parse_buffer(void *c, const char *data, size_t len, const char *name)
{
    return ta_criteria_read_buffer(c, data, len, name);
}

ta_status ta_criteria_read_file(ta_criteria *c, const char *path)
{
    if (!c)
        return TA_EINVAL;
    tai_error_clear(&c->err);
    return tai_parse_file(&c->alloc, path, &c->err, parse_buffer, c);
}
