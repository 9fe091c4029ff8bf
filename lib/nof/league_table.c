/*
 * The league tables of NHS England's published files (ta_league).
 *
 * The one place that turns a read file into league-table rows: which quarters
 * and trust types, which cut-offs, one assessment per quarter x trust type,
 * likely ranges, and the cells of NHS England's columns. The command and the
 * bindings only pass options in and cells out, so they cannot drift apart.
 * Every rule is the nof module's: the assessment segments and ranks, the
 * reader finds published cut-offs, ta_quantile_cutoffs makes quartiles;
 * this file only sequences them and writes cells.
 */
#define TA_EXPERIMENTAL /* the likely ranges and what-if (trustassess/analysis.h) */

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "common/alloc.h"
#include "common/error.h"
#include "published.h"
#include "assessment_internal.h"
#include "trustassess/analysis.h"
#include "trustassess/league.h"

enum { N_PLAIN = TA_LEAGUE_PLAIN_COLUMNS, COL_DOMAINS = 14, N_DOMAINS = 5, N_COLUMNS = 22 };

static const struct column {
    const char *name;
    ta_column_kind kind;
} columns[N_COLUMNS] = {
    {"Quarter", TA_COLUMN_TEXT},
    {"Region", TA_COLUMN_TEXT},
    {"Trust_type", TA_COLUMN_TEXT},
    {"Trust_subtype", TA_COLUMN_TEXT},
    {"Trust_code", TA_COLUMN_TEXT},
    {"Trust_name", TA_COLUMN_TEXT},
    {"Average_score", TA_COLUMN_DECIMAL},
    {"Likely_range_of_average_score", TA_COLUMN_RANGE},
    {"Segment", TA_COLUMN_INTEGER},
    {"Trust_in_financial_deficit", TA_COLUMN_YES_NO},
    {"Rank", TA_COLUMN_INTEGER},
    {"Likely_range_of_rank", TA_COLUMN_RANGE},
    {"Unadjusted_segment", TA_COLUMN_INTEGER},
    {"Final_segment", TA_COLUMN_INTEGER},
    {"Domain_score_access", TA_COLUMN_DECIMAL},
    {"Domain_score_patient_safety", TA_COLUMN_DECIMAL},
    {"Domain_score_finance_productivity", TA_COLUMN_DECIMAL},
    {"Domain_score_people_workforce", TA_COLUMN_DECIMAL},
    {"Domain_score_effectiveness_experience", TA_COLUMN_DECIMAL},
    {"Reason", TA_COLUMN_TEXT},
    {"Cutoffs", TA_COLUMN_TEXT},
    {"Warnings", TA_COLUMN_TEXT},
};

/* The framework domain keys of the domain-score columns. */
static const char *const domain_keys[N_DOMAINS] = {"access", "patient_safety",
                                                   "finance_productivity", "people_workforce",
                                                   "effectiveness_experience"};

typedef struct cell {
    char *text; /* NULL = empty */
    int has;
    double lo, hi;
} league_cell;

typedef struct block {
    size_t quarter, type; /* indexes into the file's periods and types */
    ta_assessment *a;
} league_block;

typedef struct row {
    size_t block, trust;
} league_row;

struct ta_league {
    ta_allocator alloc;
    ta_nhse_file *f;
    tai_error err;
    size_t *quarters, n_quarters, quarters_cap; /* selected (file indexes) */
    size_t *types, n_types, types_cap;
    ta_nhse_source source;
    ta_cutoff_policy policy;
    size_t n_given;
    double given[TAI_MAX_CUTOFFS];
    uint32_t replicates;
    double interval;
    uint64_t seed;
    unsigned threads;
    /* results */
    league_block *blocks;
    size_t n_blocks, blocks_cap;
    league_row *rows;
    league_cell *cells; /* n_rows x N_COLUMNS */
    size_t n_rows, rows_cap;
};

ta_status ta_league_new(ta_league **out, ta_nhse_file *f, const ta_allocator *alloc)
{
    ta_allocator a;
    ta_league *l;
    if (!out)
        return TA_EINVAL;
    *out = NULL;
    if (!f || !f->has_read || tai_alloc_init(&a, alloc) != TA_OK)
        return TA_EINVAL;
    if (!(l = tai_calloc(&a, 1, sizeof *l)))
        return TA_ENOMEM;
    l->alloc = a;
    l->f = f;
    l->source = TA_FROM_SCORES;
    l->policy = TA_CUTOFFS_PUBLISHED;
    *out = l;
    return TA_OK;
}

static void clear_results(ta_league *l)
{
    for (size_t b = 0; b < l->n_blocks; b++)
        ta_assessment_free(l->blocks[b].a);
    for (size_t i = 0; i < l->n_rows * N_COLUMNS; i++)
        tai_free(&l->alloc, l->cells[i].text);
    tai_free(&l->alloc, l->blocks);
    tai_free(&l->alloc, l->rows);
    tai_free(&l->alloc, l->cells);
    l->blocks = NULL;
    l->rows = NULL;
    l->cells = NULL;
    l->n_blocks = l->blocks_cap = l->n_rows = l->rows_cap = 0;
}

void ta_league_free(ta_league *l)
{
    ta_allocator a;
    if (!l)
        return;
    a = l->alloc;
    clear_results(l);
    tai_free(&a, l->quarters);
    tai_free(&a, l->types);
    tai_free(&a, l);
}

const char *ta_league_error(const ta_league *l)
{
    return l ? l->err.msg : "invalid argument: NULL league";
}

/* ---- options ------------------------------------------------------------ */

/* Whether i is one of the n indexes of list. */
static int in_list(const size_t *list, size_t n, size_t i)
{
    for (size_t k = 0; k < n; k++)
        if (list[k] == i)
            return 1;
    return 0;
}

/* Adds index i to a selection once (the membership test that selects). */
static ta_status select_index(ta_league *l, size_t **list, size_t *n, size_t *cap, size_t i)
{
    if (in_list(*list, *n, i))
        return TA_OK;
    if (tai_grow(&l->alloc, (void **)list, cap, *n + 1, sizeof **list) != TA_OK)
        return tai_error_set(&l->err, TA_ENOMEM, "out of memory");
    (*list)[(*n)++] = i;
    return TA_OK;
}

/* "A", "B", "C" of a list of texts, into buf (size > 0): the first snprintf,
 * or "none"'s for no texts, writes buf from its first byte. */
static void list_texts(char *buf, size_t size, char *const *texts, size_t n, int quote)
{
    size_t used = 0;
    for (size_t i = 0; i < n && used < size; i++)
        used += (size_t)snprintf(buf + used, size - used, quote ? "%s\"%s\"" : "%s%s",
                                 i ? ", " : "", texts[i]);
    if (n == 0)
        snprintf(buf, size, "none");
}

ta_status ta_league_select_quarter(ta_league *l, const char *quarter)
{
    size_t p;
    char list[400];
    if (!l)
        return TA_EINVAL;
    if (!quarter)
        return tai_error_set(&l->err, TA_EINVAL, "quarter is NULL");
    if (ta_nhse_file_find_period(&p, l->f, quarter) != TA_OK) {
        list_texts(list, sizeof list, l->f->periods, l->f->n_periods, 0);
        return tai_error_set(&l->err, TA_ENOTFOUND,
                             "\"%s\" names no single quarter of the file (it has: %s)", quarter,
                             list);
    }
    return select_index(l, &l->quarters, &l->n_quarters, &l->quarters_cap, p);
}

ta_status ta_league_select_trust_type(ta_league *l, const char *trust_type)
{
    size_t t;
    char list[600];
    if (!l)
        return TA_EINVAL;
    if (!trust_type)
        return tai_error_set(&l->err, TA_EINVAL, "trust type is NULL");
    if (!tai_strmap_get(&l->f->type_map, trust_type, strlen(trust_type), &t)) {
        list_texts(list, sizeof list, l->f->types, l->f->n_types, 1);
        return tai_error_set(&l->err, TA_ENOTFOUND, "\"%s\" is not in the file (it has: %s)",
                             trust_type, list);
    }
    return select_index(l, &l->types, &l->n_types, &l->types_cap, t);
}

ta_status ta_league_set_source(ta_league *l, ta_nhse_source source)
{
    if (!l)
        return TA_EINVAL;
    if (source != TA_FROM_SCORES && source != TA_FROM_VALUES)
        return tai_error_set(&l->err, TA_EINVAL, "unknown source %d", (int)source);
    l->source = source;
    return TA_OK;
}

ta_status ta_league_set_cutoff_policy(ta_league *l, ta_cutoff_policy policy)
{
    if (!l)
        return TA_EINVAL;
    if ((int)policy < TA_CUTOFFS_PUBLISHED || policy > TA_CUTOFFS_FIXED)
        return tai_error_set(&l->err, TA_EINVAL, "unknown cut-off policy %d", (int)policy);
    if (policy == TA_CUTOFFS_GIVEN && l->n_given == 0)
        return tai_error_set(&l->err, TA_ESTATE, "no cut-offs given: use ta_league_set_cutoffs");
    if (policy == TA_CUTOFFS_FIXED && !l->f->fw->def.cutoffs_explicit)
        return tai_error_set(&l->err, TA_EINVAL, "framework \"%s\" has no fixed cut-offs",
                             l->f->fw->def.name);
    l->policy = policy;
    return TA_OK;
}

ta_status ta_league_set_cutoffs(ta_league *l, size_t n, const double *cutoffs)
{
    ta_assessment *a = NULL;
    ta_status st;
    if (!l)
        return TA_EINVAL;
    if (!cutoffs)
        return tai_error_set(&l->err, TA_EINVAL, "cut-offs are NULL");
    if (n != l->f->fw->def.n_cutoffs)
        return tai_error_set(&l->err, TA_EINVAL, "the framework has %zu cut-offs, not %zu",
                             l->f->fw->def.n_cutoffs, n);
    /* The assessment's own check and message. */
    if ((st = ta_assessment_new(&a, l->f->fw, &l->alloc)) != TA_OK)
        return tai_error_set(&l->err, st, "out of memory");
    if ((st = ta_assessment_set_cutoffs(a, n, cutoffs)) != TA_OK)
        tai_error_set(&l->err, st, "%s", ta_assessment_error(a));
    ta_assessment_free(a);
    if (st != TA_OK)
        return st;
    memcpy(l->given, cutoffs, n * sizeof *cutoffs);
    l->n_given = n;
    l->policy = TA_CUTOFFS_GIVEN;
    return TA_OK;
}

ta_status ta_league_set_likely_ranges(ta_league *l, uint32_t replicates, double interval,
                                      uint64_t seed, unsigned threads)
{
    if (!l)
        return TA_EINVAL;
    if (replicates > 10000000 || threads > 256 ||
        (replicates > 0 && !(interval > 0 && interval < 1)))
        return tai_error_set(&l->err, TA_EINVAL,
                             "likely ranges need 1 to 10000000 replicates, an interval strictly "
                             "between 0 and 1 and at most 256 threads");
    l->replicates = replicates;
    l->interval = interval;
    l->seed = seed;
    l->threads = threads;
    return TA_OK;
}

/* ---- the run ------------------------------------------------------------ */

/* The assessment of quarter p and type t, not run; NULL (and TA_OK) when
 * the quarter has no trust of the type. */
static ta_status assessment_of(ta_league *l, size_t p, size_t t, ta_assessment **out)
{
    ta_status st = ta_nhse_file_assessment(out, l->f, l->f->periods[p], l->f->types[t], l->source);
    if (st != TA_OK)
        return tai_error_set(&l->err, st, "%s", ta_nhse_file_error(l->f));
    if (ta_assessment_trust_count(*out) == 0) {
        ta_assessment_free(*out);
        *out = NULL;
    }
    return TA_OK;
}

/* Quantile cut-offs of the rounded averages of quarter p's trusts of type t,
 * or of every type (t = (size_t)-1), each assessed with its own type. */
static ta_status quantiles(ta_league *l, size_t p, size_t t, double *cutoffs)
{
    const tai_framework_def *def = &l->f->fw->def;
    double *values = NULL;
    size_t count = 0, cap = 0;
    ta_status st = TA_OK;
    for (size_t k = 0; st == TA_OK && k < l->f->n_types; k++) {
        ta_assessment *a = NULL;
        if ((t != (size_t)-1 && k != t) || (st = assessment_of(l, p, k, &a)) != TA_OK || !a)
            continue;
        if ((st = ta_assessment_run(a)) != TA_OK)
            tai_error_set(&l->err, st, "%s: %s", l->f->periods[p], ta_assessment_error(a));
        for (size_t i = 0; st == TA_OK && i < ta_assessment_trust_count(a); i++) {
            double avg;
            if (ta_assessment_average(NULL, &avg, NULL, a, i) != TA_OK)
                continue; /* not segmented */
            if (tai_grow(&l->alloc, (void **)&values, &cap, count + 1, sizeof *values) != TA_OK)
                st = tai_error_set(&l->err, TA_ENOMEM, "out of memory");
            else
                values[count++] = avg;
        }
        ta_assessment_free(a);
    }
    if (st == TA_OK && count == 0)
        st = tai_error_set(&l->err, TA_ENOTFOUND,
                           "%s: no trust has a score, so there are no quartiles", l->f->periods[p]);
    if (st == TA_OK && (st = ta_quantile_cutoffs(cutoffs, def->n_cutoffs, values, count,
                                                 def->quantile, &l->alloc)) != TA_OK)
        tai_error_set(&l->err, st, "%s: quartiles: %s", l->f->periods[p], ta_strerror(st));
    tai_free(&l->alloc, values);
    return st;
}

/* Quarter p's cut-offs under a policy that does not depend on the type. */
static ta_status quarter_cutoffs(ta_league *l, size_t p, double *cutoffs)
{
    const tai_framework_def *def = &l->f->fw->def;
    ta_status st;
    switch (l->policy) {
    case TA_CUTOFFS_GIVEN:
        memcpy(cutoffs, l->given, l->n_given * sizeof *cutoffs);
        return TA_OK;
    case TA_CUTOFFS_FIXED:
        memcpy(cutoffs, def->cutoffs, def->n_cutoffs * sizeof *cutoffs);
        return TA_OK;
    case TA_CUTOFFS_QUARTILES_ALL:
        return quantiles(l, p, (size_t)-1, cutoffs);
    case TA_CUTOFFS_QUARTILES_TYPE:
        return TA_OK; /* per type */
    case TA_CUTOFFS_PUBLISHED:
        break;
    }
    st = ta_nhse_file_published_cutoffs(cutoffs, def->n_cutoffs, l->f, l->f->periods[p]);
    if (st != TA_OK)
        tai_error_set(&l->err, st, "%s", ta_nhse_file_error(l->f));
    return st;
}

/* Sets a cell's text (a copy; NULL or "" = empty) and numbers. */
static ta_status set_cell(ta_league *l, league_cell *c, const char *text, int has, double lo,
                          double hi)
{
    c->has = has;
    c->lo = lo;
    c->hi = hi;
    if (!text || !text[0])
        return TA_OK;
    return (c->text = tai_strdup(&l->alloc, text)) ? TA_OK : TA_ENOMEM;
}

/* A text cell: no number behind it (ta_league_cell_number reads lo and hi
 * only when has is set). */
static ta_status set_text(ta_league *l, league_cell *c, const char *text)
{
    return set_cell(l, c, text, 0, 0, 0);
}

static ta_status set_decimal(ta_league *l, league_cell *c, double x)
{
    char num[48];
    if (ta_decimal_format(num, sizeof num, x, l->f->fw->def.decimals) != TA_OK)
        return TA_EINVAL;
    return set_cell(l, c, num, 1, x, x);
}

static ta_status set_int(ta_league *l, league_cell *c, long long x)
{
    char num[32];
    snprintf(num, sizeof num, "%lld", x);
    return set_cell(l, c, num, 1, (double)x, (double)x);
}

/* A number as NHS England writes a likely range's end: no trailing zeros. */
static void short_decimal(char *buf, size_t size, double x, int decimals)
{
    size_t n;
    if (ta_decimal_format(buf, size, x, decimals) != TA_OK) {
        buf[0] = '\0';
        return;
    }
    n = strlen(buf);
    while (n > 0 && strchr(buf, '.') && (buf[n - 1] == '0' || buf[n - 1] == '.'))
        buf[--n] = '\0';
}

static ta_status set_range(ta_league *l, league_cell *c, double lo, double hi, int decimals)
{
    char a[48], b[48], text[112];
    short_decimal(a, sizeof a, lo, decimals);
    short_decimal(b, sizeof b, hi, decimals);
    snprintf(text, sizeof text, "%s to %s", a, b);
    return set_cell(l, c, text, 1, lo, hi);
}

/* The row's warnings: each of its scores ranked from values within fewer
 * trusts than NHS England's pool, and a combined score the table lacks. */
static void warnings_text(const ta_assessment *a, size_t i, char *buf, size_t size)
{
    const tai_framework_def *def = &a->fw->def;
    size_t used = 0;
    *buf = '\0';
    for (size_t m = 0; m < def->n_metrics; m++) { /* used < size throughout */
        const tai_metric *metric = &def->metrics[m];
        /* All but has are read only where the call given them has set them. */
        int narrower, has = 0, h1, h2;
        unsigned pool;
        size_t ranked;
        double s;
        tai_error e = {{0}}; /* all zero: empty, and every byte after the text is 0 */
        ta_assessment_metric_score(&has, &s, a, i, m);
        if (has && ta_assessment_metric_pool_gap(&narrower, &pool, &ranked, a, m) == TA_OK &&
            narrower)
            tai_error_set(&e, TA_OK, "%s%s ranked within %zu of a pool of %u", used ? "; " : "",
                          metric->id, ranked, pool);
        else if (!has && metric->scoring == TA_SCORING_COMBINED &&
                 ta_assessment_metric_score(&h1, &s, a, i, metric->combo_first_index) == TA_OK &&
                 ta_assessment_metric_score(&h2, &s, a, i, metric->combo_second_index) == TA_OK &&
                 h1 && h2)
            tai_error_set(&e, TA_OK, "%s%s not scored: the table lacks its %s and %s pair",
                          used ? "; " : "", metric->id, metric->combo_first, metric->combo_second);
        if (e.msg[0]) {
            size_t len = strlen(e.msg);
            if (used + len >= size)
                break;
            memcpy(buf + used, e.msg, len + 1);
            used += len;
        }
    }
}

/* Appends the rows of block b. */
static ta_status add_rows(ta_league *l, size_t b, const size_t *domain_index)
{
    const ta_assessment *a = l->blocks[b].a;
    const char *period = l->f->periods[l->blocks[b].quarter];
    int decimals = l->f->fw->def.decimals;
    char cut[1024], reason[512], warnings[1024];
    league_cell *cells;
    ta_status st = TA_OK;
    size_t n = ta_assessment_league_count(a);
    if ((st = tai_nhse_cutoff_text(l->f, l->blocks[b].quarter, a->cutoffs, a->n_cutoffs, cut,
                                   sizeof cut)) != TA_OK)
        return tai_error_set(&l->err, st, "%s", ta_nhse_file_error(l->f));
    if (tai_grow(&l->alloc, (void **)&l->rows, &l->rows_cap, l->n_rows + n, sizeof *l->rows) !=
        TA_OK)
        return tai_error_set(&l->err, TA_ENOMEM, "out of memory");
    if (!(cells = tai_reallocarray(&l->alloc, l->cells, l->rows_cap, N_COLUMNS * sizeof *l->cells)))
        return tai_error_set(&l->err, TA_ENOMEM, "out of memory");
    l->cells = cells;
    for (size_t pos = 0; st == TA_OK && pos < n; pos++) {
        size_t i;
        int unadjusted, adjusted, final_segment;
        uint32_t rank, rlo, rhi;
        double avg, lo, hi;
        ta_tristate deficit;
        league_cell *c = &l->cells[l->n_rows * N_COLUMNS];
        memset(c, 0, N_COLUMNS * sizeof *c);
        l->rows[l->n_rows].block = b;
        ta_assessment_league_entry(&i, a, pos);
        l->rows[l->n_rows].trust = i;
        l->n_rows++; /* counted now so that its cells are freed whatever follows */
        ta_assessment_average(NULL, &avg, NULL, a, i);
        ta_assessment_segments(&unadjusted, &adjusted, &final_segment, a, i);
        ta_assessment_rank(&rank, a, i);
        deficit = ta_assessment_trust_flag(a, i, TA_FLAG_FINANCIAL_DEFICIT);
        st = set_text(l, &c[0], period);
        if (st == TA_OK)
            st = set_text(l, &c[1], ta_assessment_trust_field(a, i, TA_FIELD_REGION));
        if (st == TA_OK)
            st = set_text(l, &c[2], ta_assessment_trust_field(a, i, TA_FIELD_TYPE));
        if (st == TA_OK)
            st = set_text(l, &c[3], ta_assessment_trust_field(a, i, TA_FIELD_SUBTYPE));
        if (st == TA_OK)
            st = set_text(l, &c[4], ta_assessment_trust_code(a, i));
        if (st == TA_OK)
            st = set_text(l, &c[5], ta_assessment_trust_field(a, i, TA_FIELD_NAME));
        if (st == TA_OK)
            st = set_decimal(l, &c[6], avg);
        if (st == TA_OK)
            st = set_int(l, &c[8], adjusted);
        if (st == TA_OK && deficit != TA_UNKNOWN)
            st = set_cell(l, &c[9], deficit == TA_YES ? "Yes" : "No", 1, deficit == TA_YES,
                          deficit == TA_YES);
        if (st == TA_OK)
            st = set_int(l, &c[10], rank);
        if (st == TA_OK && l->replicates &&
            ta_assessment_likely_average_range(&lo, &hi, a, i) == TA_OK &&
            ta_assessment_likely_rank_range(&rlo, &rhi, a, i) == TA_OK) {
            st = set_range(l, &c[7], lo, hi, decimals);
            if (st == TA_OK)
                st = set_range(l, &c[11], rlo, rhi, 0);
        }
        if (st == TA_OK)
            st = set_int(l, &c[12], unadjusted);
        if (st == TA_OK && final_segment > 0)
            st = set_int(l, &c[13], final_segment);
        for (size_t d = 0; st == TA_OK && d < N_DOMAINS; d++) {
            int has; /* set by the call when it returns TA_OK */
            double score;
            if (domain_index[d] != (size_t)-1 &&
                ta_assessment_domain_score(&has, &score, a, i, domain_index[d]) == TA_OK && has)
                st = set_decimal(l, &c[COL_DOMAINS + d], score);
        }
        if (st == TA_OK && ta_assessment_reason_text(reason, sizeof reason, NULL, a, i) == TA_OK)
            st = set_text(l, &c[19], reason);
        if (st == TA_OK)
            st = set_text(l, &c[20], cut);
        warnings_text(a, i, warnings, sizeof warnings);
        if (st == TA_OK && warnings[0])
            st = set_text(l, &c[21], warnings);
    }
    if (st != TA_OK)
        tai_error_set(&l->err, st, "out of memory");
    return st;
}

/* Index of each domain-score column's domain in the framework, or -1. */
static void find_domains(const ta_league *l, size_t *index)
{
    const tai_framework_def *def = &l->f->fw->def;
    for (size_t k = 0; k < N_DOMAINS; k++) {
        index[k] = (size_t)-1;
        for (size_t d = 0; d < def->n_domains; d++)
            if (strcmp(def->domains[d].key, domain_keys[k]) == 0)
                index[k] = d;
    }
}

/* Whether i is selected: an empty selection selects every index. */
static int selected(const size_t *list, size_t n, size_t i)
{
    return n == 0 || in_list(list, n, i);
}

/* The file's trust types in byte order of their text (the league's order). */
static ta_status sorted_types(ta_league *l, size_t **order)
{
    size_t n = l->f->n_types;
    if (!(*order = tai_calloc(&l->alloc, n, sizeof **order)))
        return tai_error_set(&l->err, TA_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) { /* insertion: a handful of types */
        size_t j = i;
        while (j > 0 && strcmp(l->f->types[(*order)[j - 1]], l->f->types[i]) > 0) {
            (*order)[j] = (*order)[j - 1];
            j--;
        }
        (*order)[j] = i;
    }
    return TA_OK;
}

/* The assessment of block (p, t) with its cut-offs, run, appended. */
static ta_status run_block(ta_league *l, size_t p, size_t t, const double *cutoffs)
{
    const tai_framework_def *def = &l->f->fw->def;
    double own[TAI_MAX_CUTOFFS];
    ta_assessment *a = NULL;
    ta_status st;
    if ((st = assessment_of(l, p, t, &a)) != TA_OK || !a)
        return st;
    if (l->policy == TA_CUTOFFS_QUARTILES_TYPE && (st = quantiles(l, p, t, own)) != TA_OK) {
        ta_assessment_free(a);
        return st;
    }
    if (l->policy == TA_CUTOFFS_QUARTILES_TYPE)
        cutoffs = own;
    if ((st = ta_assessment_set_cutoffs(a, def->n_cutoffs, cutoffs)) != TA_OK ||
        (st = ta_assessment_run(a)) != TA_OK ||
        (l->replicates && (st = ta_assessment_likely_ranges(a, l->replicates, l->interval, l->seed,
                                                            l->threads)) != TA_OK)) {
        tai_error_set(&l->err, st, "%s: %s", l->f->periods[p], ta_assessment_error(a));
        ta_assessment_free(a);
        return st;
    }
    if (tai_grow(&l->alloc, (void **)&l->blocks, &l->blocks_cap, l->n_blocks + 1,
                 sizeof *l->blocks) != TA_OK) {
        ta_assessment_free(a);
        return tai_error_set(&l->err, TA_ENOMEM, "out of memory");
    }
    l->blocks[l->n_blocks].quarter = p;
    l->blocks[l->n_blocks].type = t;
    l->blocks[l->n_blocks++].a = a;
    return TA_OK;
}

ta_status ta_league_run(ta_league *l)
{
    size_t *order = NULL, domain_index[N_DOMAINS];
    ta_status st;
    if (!l)
        return TA_EINVAL;
    clear_results(l);
    if ((st = sorted_types(l, &order)) != TA_OK)
        return st;
    find_domains(l, domain_index);
    for (size_t p = 0; st == TA_OK && p < l->f->n_periods; p++) {
        double cutoffs[TAI_MAX_CUTOFFS];
        size_t first = l->n_blocks;
        if (!selected(l->quarters, l->n_quarters, p))
            continue;
        if ((st = quarter_cutoffs(l, p, cutoffs)) != TA_OK)
            break;
        for (size_t k = 0; st == TA_OK && k < l->f->n_types; k++)
            if (selected(l->types, l->n_types, order[k]))
                st = run_block(l, p, order[k], cutoffs);
        for (size_t b = first; st == TA_OK && b < l->n_blocks; b++)
            st = add_rows(l, b, domain_index);
    }
    tai_free(&l->alloc, order);
    if (st != TA_OK)
        clear_results(l);
    else
        tai_error_clear(&l->err);
    return st;
}

/* ---- results ------------------------------------------------------------ */

size_t ta_league_column_count(void)
{
    return N_COLUMNS;
}

ta_status ta_league_column(const char **name, ta_column_kind *kind, size_t c)
{
    if (c >= N_COLUMNS)
        return TA_EINVAL;
    if (name)
        *name = columns[c].name;
    if (kind)
        *kind = columns[c].kind;
    return TA_OK;
}

size_t ta_league_block_count(const ta_league *l)
{
    return l ? l->n_blocks : 0;
}

ta_status ta_league_block(const char **quarter, const char **trust_type,
                          const ta_assessment **assessment, const ta_league *l, size_t b)
{
    if (!l || b >= l->n_blocks)
        return TA_EINVAL;
    if (quarter)
        *quarter = l->f->periods[l->blocks[b].quarter];
    if (trust_type)
        *trust_type = l->f->types[l->blocks[b].type];
    if (assessment)
        *assessment = l->blocks[b].a;
    return TA_OK;
}

size_t ta_league_row_count(const ta_league *l)
{
    return l ? l->n_rows : 0;
}

const char *ta_league_cell(const ta_league *l, size_t row, size_t col)
{
    const league_cell *c;
    if (!l || row >= l->n_rows || col >= N_COLUMNS)
        return NULL;
    c = &l->cells[row * N_COLUMNS + col];
    return c->text ? c->text : "";
}

ta_status ta_league_cell_number(int *has, double *lo, double *hi, const ta_league *l, size_t row,
                                size_t col)
{
    const league_cell *c;
    if (!l || row >= l->n_rows || col >= N_COLUMNS || !has)
        return TA_EINVAL;
    c = &l->cells[row * N_COLUMNS + col];
    *has = c->has;
    if (lo)
        *lo = c->has ? c->lo : NAN;
    if (hi)
        *hi = c->has ? c->hi : NAN;
    return TA_OK;
}

ta_status ta_league_row_trust(size_t *block, size_t *trust, const ta_league *l, size_t row)
{
    if (!l || row >= l->n_rows)
        return TA_EINVAL;
    if (block)
        *block = l->rows[row].block;
    if (trust)
        *trust = l->rows[row].trust;
    return TA_OK;
}

const char *ta_cutoff_policy_name(ta_cutoff_policy v)
{
    switch (v) {
    case TA_CUTOFFS_PUBLISHED:
        return "published";
    case TA_CUTOFFS_GIVEN:
        return "given";
    case TA_CUTOFFS_QUARTILES_ALL:
        return "quartiles_all";
    case TA_CUTOFFS_QUARTILES_TYPE:
        return "quartiles_type";
    case TA_CUTOFFS_FIXED:
        return "fixed";
    }
    return "";
}

const char *ta_column_kind_name(ta_column_kind v)
{
    switch (v) {
    case TA_COLUMN_TEXT:
        return "text";
    case TA_COLUMN_DECIMAL:
        return "decimal";
    case TA_COLUMN_INTEGER:
        return "integer";
    case TA_COLUMN_YES_NO:
        return "yes_no";
    case TA_COLUMN_RANGE:
        return "range";
    }
    return "";
}
