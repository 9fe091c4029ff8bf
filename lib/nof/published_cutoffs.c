/*
 * Segment cut-offs read off NHS England's published segments.
 *
 * NHS England does not publish its cut-offs, only each trust's average and
 * segment; the cut-offs are one national set per quarter shared by every
 * trust type, so every file given (the long data files, the league tables)
 * narrows them. A trust whose average is A and whose unadjusted segment is
 * known to lie in [s_lo, s_hi] says, for cut-off k (between segments k and
 * k + 1): c_k >= A when s_hi <= k, and c_k < A when s_lo > k (with ties going
 * to the better segment; the other way round under TA_CUTOFF_TIES_WORSE). The
 * unadjusted segment is the published one where a file has it (OF5003);
 * otherwise it follows from the adjusted segment and the deficit flag: the cap
 * only raises a segment to the cap, so an adjusted segment other than the cap,
 * or the cap without a deficit, is the unadjusted one, and the cap with a
 * deficit (or an unknown flag) says only "at most the cap". So a capped trust
 * bounds a cut-off only where its unadjusted segment is known.
 *
 * The interval each cut-off is known to lie in is the highest average from
 * below and the lowest from above; the value chosen is its published end (the
 * highest average at or below the cut-off when ties go to the better segment,
 * the lowest above it otherwise), as the single-file reader always chose.
 * Bounds that cross are an input error naming a trust on each side.
 */
#include <string.h>

#include "common/number.h"
#include "published.h"
#include "framework_internal.h"

typedef struct bounds {
    size_t n;                            /* cut-offs */
    size_t i_avg, i_unadj, i_adj, i_def; /* the framework's figure indexes */
    int has_lo[TAI_MAX_CUTOFFS], has_hi[TAI_MAX_CUTOFFS];
    double lo[TAI_MAX_CUTOFFS], hi[TAI_MAX_CUTOFFS];
    const tai_nhse_figure *lo_fig[TAI_MAX_CUTOFFS], *hi_fig[TAI_MAX_CUTOFFS]; /* first bounds */
    int seen[TAI_MAX_SEGMENTS]; /* a trust known to be in segment s + 1 */
} bounds;

/* The range [*lo, *hi] of unadjusted segments entry e may have, and its
 * published average; *avg = NULL when the entry bounds nothing. */
static void entry_range(ta_nhse_file *f, const bounds *b, size_t e, int *lo, int *hi,
                        const tai_nhse_figure **avg)
{
    const tai_nhse_figure *unadj, *adj, *deficit;
    int cap = f->fw->def.deficit_cap, s;
    if (!(*avg = tai_nhse_entry_figure_at(f, e, b->i_avg)))
        return;
    unadj = tai_nhse_entry_figure_at(f, e, b->i_unadj);
    adj = unadj ? NULL : tai_nhse_entry_figure_at(f, e, b->i_adj);
    if (!unadj && !adj) {
        *avg = NULL;
        return;
    }
    deficit = unadj ? NULL : tai_nhse_entry_figure_at(f, e, b->i_def);
    s = (int)(unadj ? unadj : adj)->value; /* the reader checked it is a segment */
    *lo = *hi = s;
    if (!unadj && cap > 0 && s == cap && !(deficit && deficit->value == 0))
        *lo = 1; /* capped or not: at most the cap */
}

/* Whether an entry whose unadjusted segment lies in [lo, hi] bounds cut-off k
 * (between segments k + 1 and k + 2) from above (upper = 1: it is in segment
 * k + 2 or worse) or from below (upper = 0: in segment k + 1 or better). */
static int bounds_cutoff(int lo, int hi, size_t k, int upper)
{
    return upper ? (size_t)lo >= k + 2 : (size_t)hi <= k + 1;
}

static void find_bounds(ta_nhse_file *f, size_t p, bounds *b)
{
    const tai_framework_def *def = &f->fw->def;
    memset(b, 0, sizeof *b);
    b->n = def->n_cutoffs;
    b->i_avg = tai_framework_figure(def, TA_FIGURE_AVERAGE);
    b->i_unadj = tai_framework_figure(def, TA_FIGURE_UNADJUSTED_SEGMENT);
    b->i_adj = tai_framework_figure(def, TA_FIGURE_ADJUSTED_SEGMENT);
    b->i_def = tai_framework_figure(def, TA_FIGURE_DEFICIT_FLAG);
    for (size_t e = 0; e < f->n_entries; e++) {
        const tai_nhse_figure *avg;
        int lo, hi;
        if (f->entries[e].period != p)
            continue;
        entry_range(f, b, e, &lo, &hi, &avg);
        if (!avg)
            continue;
        if (lo == hi)
            b->seen[lo - 1] = 1;
        for (size_t k = 0; k < b->n; k++) {
            if (bounds_cutoff(lo, hi, k, 0) && (!b->has_lo[k] || avg->value > b->lo[k])) {
                b->has_lo[k] = 1;
                b->lo[k] = avg->value;
                b->lo_fig[k] = avg;
            }
            if (bounds_cutoff(lo, hi, k, 1) && (!b->has_hi[k] || avg->value < b->hi[k])) {
                b->has_hi[k] = 1;
                b->hi[k] = avg->value;
                b->hi_fig[k] = avg;
            }
        }
    }
}

/* The period's index, or an error. */
static ta_status period_index(ta_nhse_file *f, const char *period, size_t *p)
{
    if (!tai_strmap_get(&f->period_map, period, strlen(period), p))
        return tai_error_set(&f->err, TA_ENOTFOUND, "no quarter \"%s\" in the file", period);
    return TA_OK;
}

ta_status ta_nhse_file_published_cutoffs(double *cutoffs, size_t n, ta_nhse_file *f,
                                         const char *period)
{
    const tai_framework_def *def;
    size_t p;
    bounds b;
    ta_status st;
    if (!f)
        return TA_EINVAL;
    def = &f->fw->def;
    if (!cutoffs || !period || n != def->n_cutoffs)
        return tai_error_set(&f->err, TA_EINVAL,
                             "give room for exactly %zu cut-offs and a "
                             "period",
                             def->n_cutoffs);
    if ((st = period_index(f, period, &p)) != TA_OK)
        return st;
    if (tai_framework_figure(def, TA_FIGURE_AVERAGE) == (size_t)-1 ||
        (tai_framework_figure(def, TA_FIGURE_UNADJUSTED_SEGMENT) == (size_t)-1 &&
         tai_framework_figure(def, TA_FIGURE_ADJUSTED_SEGMENT) == (size_t)-1))
        return tai_error_set(&f->err, TA_ENOTFOUND,
                             "the framework names no average or "
                             "segment figure");
    find_bounds(f, p, &b);
    for (size_t k = 0; k < b.n; k++) {
        if (b.has_lo[k] && b.has_hi[k] && b.lo[k] >= b.hi[k]) {
            const tai_nhse_figure *x = b.lo_fig[k], *y = b.hi_fig[k];
            char num_lo[40];
            char num_hi[40];
            tai_format_fixed(num_lo, sizeof num_lo, b.lo[k], def->decimals);
            tai_format_fixed(num_hi, sizeof num_hi, b.hi[k], def->decimals);
            return tai_error_set(
                &f->err, TA_EINCONSISTENT,
                "%s: published segments overlap at cut-off %zu: trust %s (%s:%zu) has average "
                "%s in segment %zu or better, but trust %s (%s:%zu) has average %s in segment "
                "%zu or worse",
                period, k + 1, f->entries[x->entry].code, f->files[x->file], x->line, num_lo, k + 1,
                f->entries[y->entry].code, f->files[y->file], y->line, num_hi, k + 2);
        }
    }
    for (size_t s = 0; s <= b.n; s++)
        if (!b.seen[s])
            return tai_error_set(&f->err, TA_ENOTFOUND,
                                 "%s: no trust has published unadjusted "
                                 "segment %zu",
                                 period, s + 1);
    for (size_t k = 0; k < b.n; k++)
        cutoffs[k] = def->cutoff_rule == TA_CUTOFF_TIES_WORSE ? b.hi[k] : b.lo[k];
    return TA_OK;
}

/* The checks of a query about side `upper` of cut-off k of `period` (not
 * NULL), then the period's index and bounds. */
static ta_status cutoff_query(bounds *b, size_t *p, ta_nhse_file *f, const char *period, size_t k,
                              int upper)
{
    ta_status st;
    if (upper != 0 && upper != 1)
        return tai_error_set(&f->err, TA_EINVAL, "upper must be 0 or 1, not %d", upper);
    if (k >= f->fw->def.n_cutoffs)
        return tai_error_set(&f->err, TA_EINVAL, "cut-off %zu: the framework has %zu", k,
                             f->fw->def.n_cutoffs);
    if ((st = period_index(f, period, p)) != TA_OK)
        return st;
    find_bounds(f, *p, b);
    return TA_OK;
}

ta_status ta_nhse_file_cutoff_limit(int *has, double *average, ta_nhse_file *f, const char *period,
                                    size_t k, int upper)
{
    size_t p = 0; /* set by cutoff_query on success; 0 keeps the analyzer sure of it */
    bounds b;
    ta_status st;
    if (!f)
        return TA_EINVAL;
    if (!period || !has || !average)
        return tai_error_set(&f->err, TA_EINVAL, "period or an out-pointer is NULL");
    if ((st = cutoff_query(&b, &p, f, period, k, upper)) != TA_OK)
        return st;
    *has = upper ? b.has_hi[k] : b.has_lo[k];
    *average = upper ? b.hi[k] : b.lo[k];
    return TA_OK;
}

ta_status ta_nhse_file_cutoff_bound(const char **code, size_t *count, ta_nhse_file *f,
                                    const char *period, size_t k, int upper, size_t j)
{
    size_t p = 0, found = 0; /* p: as in ta_nhse_file_cutoff_limit */
    bounds b;
    ta_status st;
    if (!f)
        return TA_EINVAL;
    if (!period || !count)
        return tai_error_set(&f->err, TA_EINVAL, "period or count is NULL");
    if ((st = cutoff_query(&b, &p, f, period, k, upper)) != TA_OK)
        return st;
    if (code)
        *code = NULL;
    for (size_t e = 0; e < f->n_entries && (upper ? b.has_hi[k] : b.has_lo[k]); e++) {
        const tai_nhse_figure *avg;
        int lo, hi;
        if (f->entries[e].period != p)
            continue;
        entry_range(f, &b, e, &lo, &hi, &avg);
        if (!avg)
            continue;
        if (bounds_cutoff(lo, hi, k, upper) && avg->value == (upper ? b.hi[k] : b.lo[k])) {
            if (found == j && code)
                *code = f->entries[e].code;
            found++;
        }
    }
    *count = found;
    return TA_OK;
}

/* x with up to `decimals` places and no trailing zeros. */
static void short_text(char *buf, size_t size, double x, int decimals)
{
    size_t n;
    tai_format_fixed(buf, size, x, decimals);
    n = strlen(buf);
    while (n > 0 && strchr(buf, '.') && (buf[n - 1] == '0' || buf[n - 1] == '.'))
        buf[--n] = '\0';
}

/* Appends to buf (truncating at size). */
static void append(char *buf, size_t size, size_t *used, const char *text)
{
    size_t len = strlen(text);
    if (*used + 1 >= size)
        return;
    if (len > size - 1 - *used)
        len = size - 1 - *used;
    memcpy(buf + *used, text, len);
    *used += len;
    buf[*used] = '\0';
}

ta_status tai_nhse_cutoff_text(ta_nhse_file *f, size_t p, const double *values, size_t n, char *buf,
                               size_t size)
{
    const tai_framework_def *def = &f->fw->def;
    int worse = def->cutoff_rule == TA_CUTOFF_TIES_WORSE;
    size_t used = 0;
    bounds b;
    if (size == 0)
        return TA_OK;
    buf[0] = '\0';
    find_bounds(f, p, &b);
    for (size_t k = 0; k < n && k < b.n; k++) {
        char num[48];
        append(buf, size, &used, k ? "; " : "");
        short_text(num, sizeof num, values[k], 6);
        append(buf, size, &used, num);
        if (!b.has_lo[k] && !b.has_hi[k])
            continue;
        append(buf, size, &used, worse ? " in (" : " in [");
        if (b.has_lo[k]) {
            short_text(num, sizeof num, b.lo[k], def->decimals);
            append(buf, size, &used, num);
        }
        append(buf, size, &used, ", ");
        if (b.has_hi[k]) {
            short_text(num, sizeof num, b.hi[k], def->decimals);
            append(buf, size, &used, num);
        }
        append(buf, size, &used, worse ? "]" : ")");
        /* The trusts on each side, in file order: one pass per side. */
        for (int upper = 0; upper < 2; upper++) {
            if (upper ? !b.has_hi[k] : !b.has_lo[k])
                continue;
            append(buf, size, &used, upper ? " above:" : " below:");
            for (size_t e = 0; e < f->n_entries; e++) {
                const tai_nhse_figure *avg;
                int lo, hi;
                if (f->entries[e].period != p)
                    continue;
                entry_range(f, &b, e, &lo, &hi, &avg);
                if (!avg)
                    continue;
                if (upper ? ((size_t)lo >= k + 2 && avg->value == b.hi[k])
                          : ((size_t)hi <= k + 1 && avg->value == b.lo[k])) {
                    append(buf, size, &used, " ");
                    append(buf, size, &used, f->entries[e].code);
                }
            }
        }
    }
    return TA_OK;
}
