/*
 * NHS England's published file from R: reading it, its quarters and trust
 * types, league tables and verification.
 *
 * league_table() does what the `trustassess league` command does, through the
 * same public calls, so the two give the same rows: one assessment per
 * quarter x trust type (types in byte order), cut-offs per quarter read off
 * the published segments, given, or ta_quantile_cutoffs (QUARTILE.INC) of the
 * quarter's rounded averages with every trust type pooled; rows in the
 * library's league order. With likely ranges, each of those assessments gets
 * ta_assessment_likely_ranges (central 95%, the command's interval) and the
 * two likely-range columns are the command's text ("1.2 to 1.89", "1 to 11").
 * The R side only turns the columns into a data.frame.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "glue.h"

#define MAX_CUTOFFS 16

enum { CUTOFFS_PUBLISHED = 0, CUTOFFS_QUARTILES = 1, CUTOFFS_GIVEN = 2 };

/* The likely ranges to compute (replicates = 0: none). */
typedef struct likely_spec {
    uint32_t replicates;
    uint64_t seed;
    unsigned threads;
} likely_spec;

/* The handle's contents. */
static tar_nhse *get(SEXP handle)
{
    return tar_guard_get(handle, TAR_NHSE, "trustassess_nhse");
}

SEXP tar_version(void)
{
    SEXP out = PROTECT(Rf_allocVector(VECSXP, 2));
    SET_VECTOR_ELT(out, 0, Rf_ScalarInteger(ta_version()));
    SET_VECTOR_ELT(out, 1, Rf_mkString(ta_version_string()));
    UNPROTECT(1);
    return out;
}

SEXP tar_nhse_read(SEXP path)
{
    const char *p = tar_string(path, "path", 0);
    SEXP guard = PROTECT(tar_guard_new(TAR_NHSE));
    tar_nhse *h = calloc(1, sizeof *h);
    ta_status st;
    char msg[TAR_MSG];
    if (!h)
        tar_raise(TA_ENOMEM, "out of memory");
    R_SetExternalPtrAddr(guard, h);
    if ((st = ta_framework_preset(&h->fw, "nof-2025-26", NULL)) != TA_OK ||
        (st = ta_nhse_file_new(&h->file, h->fw, NULL)) != TA_OK) {
        tar_guard_free(guard);
        tar_raisef(st, "%s", ta_strerror(st));
    }
    if ((st = ta_nhse_file_read(h->file, p)) != TA_OK) {
        snprintf(msg, sizeof msg, "%s", ta_nhse_file_error(h->file));
        tar_guard_free(guard);
        tar_raise(st, msg);
    }
    UNPROTECT(1);
    return guard;
}

SEXP tar_nhse_close(SEXP handle)
{
    get(handle); /* checks the kind; closing twice is "handle is closed" */
    tar_guard_free(handle);
    return R_NilValue;
}

SEXP tar_nhse_is_open(SEXP handle)
{
    if (TYPEOF(handle) != EXTPTRSXP)
        tar_raise(TA_EINVAL, "not a trustassess_nhse handle");
    return Rf_ScalarLogical(R_ExternalPtrAddr(handle) != NULL);
}

/* list(periods, trust_types, rows) */
SEXP tar_nhse_info(SEXP handle)
{
    tar_nhse *h = get(handle);
    size_t np = ta_nhse_file_period_count(h->file), nt = ta_nhse_file_trust_type_count(h->file);
    SEXP out = PROTECT(Rf_allocVector(VECSXP, 3));
    SEXP periods = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)np));
    SEXP types = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)nt));
    for (size_t i = 0; i < np; i++)
        SET_STRING_ELT(periods, (R_xlen_t)i, tar_mkchar(ta_nhse_file_period(h->file, i)));
    for (size_t i = 0; i < nt; i++)
        SET_STRING_ELT(types, (R_xlen_t)i, tar_mkchar(ta_nhse_file_trust_type(h->file, i)));
    SET_VECTOR_ELT(out, 0, periods);
    SET_VECTOR_ELT(out, 1, types);
    SET_VECTOR_ELT(out, 2, Rf_ScalarReal((double)ta_nhse_file_row_count(h->file)));
    UNPROTECT(3);
    return out;
}

/* The exact text of the quarter `text` names (ta_nhse_file_find_period), or an
 * R error listing the file's quarters. */
static const char *find_period(const tar_nhse *h, const char *text)
{
    size_t index, used;
    char msg[TAR_MSG];
    ta_status st = ta_nhse_file_find_period(&index, h->file, text);
    if (st == TA_OK)
        return ta_nhse_file_period(h->file, index);
    used = (size_t)snprintf(msg, sizeof msg,
                            "quarter \"%s\" names no single quarter of the file (it has: ", text);
    for (size_t i = 0; i < ta_nhse_file_period_count(h->file) && used < sizeof msg; i++)
        used += (size_t)snprintf(msg + used, sizeof msg - used, "%s%s", i ? ", " : "",
                                 ta_nhse_file_period(h->file, i));
    if (used < sizeof msg)
        snprintf(msg + used, sizeof msg - used, ")");
    tar_raise(st, msg);
}

SEXP tar_nhse_find_period(SEXP handle, SEXP text)
{
    tar_nhse *h = get(handle);
    return Rf_ScalarString(tar_mkchar(find_period(h, tar_string(text, "quarter", 0))));
}

/* ---- league tables ------------------------------------------------------ */

static int compare_text(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* A run assessment of `period` and `type` in `guard` (NULL inside when the
 * quarter has no trust of the type). n = 0: the framework's own cut-offs. */
static ta_assessment *assess(SEXP guard, tar_nhse *h, const char *period, const char *type,
                             ta_nhse_source source, const double *cutoffs, size_t n,
                             const likely_spec *likely)
{
    ta_assessment *a = NULL;
    ta_status st;
    char msg[TAR_MSG];
    tar_guard_free(guard);
    if ((st = ta_nhse_file_assessment(&a, h->file, period, type, source)) != TA_OK) {
        snprintf(msg, sizeof msg, "%s", ta_nhse_file_error(h->file));
        tar_raise(st, msg);
    }
    R_SetExternalPtrAddr(guard, a);
    if (ta_assessment_trust_count(a) == 0) {
        tar_guard_free(guard);
        return NULL;
    }
    if ((n > 0 && (st = ta_assessment_set_cutoffs(a, n, cutoffs)) != TA_OK) ||
        (st = ta_assessment_run(a)) != TA_OK ||
        (likely && (st = ta_assessment_likely_ranges(a, likely->replicates, 0.95, likely->seed,
                                                     likely->threads)) != TA_OK)) {
        snprintf(msg, sizeof msg, "%s: %s", period, ta_assessment_error(a));
        tar_guard_free(guard);
        tar_raise(st, msg);
    }
    return a;
}

/* Quartile cut-offs of a quarter: the rounded averages of every segmented
 * trust, each assessed with its own type, pooled. */
static void quartiles(double *cutoffs, size_t n, tar_nhse *h, const char *period,
                      const char *const *types, size_t ntypes, ta_nhse_source source)
{
    /* A file has at least one row per trust of a quarter. */
    size_t count = 0, cap = ta_nhse_file_row_count(h->file);
    double *values = (double *)R_alloc(cap ? cap : 1, sizeof *values);
    SEXP guard = PROTECT(tar_guard_new(TAR_ASSESSMENT));
    ta_status st;
    for (size_t t = 0; t < ntypes; t++) {
        ta_assessment *a = assess(guard, h, period, types[t], source, NULL, 0, NULL);
        for (size_t i = 0; a && i < ta_assessment_trust_count(a) && count < cap; i++) {
            double avg;
            if (ta_assessment_average(a, i, NULL, &avg, NULL) == TA_OK)
                values[count++] = avg; /* else not segmented */
        }
    }
    tar_guard_free(guard);
    UNPROTECT(1);
    if (count == 0)
        tar_raisef(TA_ENOTFOUND, "%s: no trust has a score, so there are no quartiles", period);
    if ((st = ta_quantile_cutoffs(cutoffs, n, values, count, TA_QUANTILE_TYPE7, NULL)) != TA_OK)
        tar_raisef(st, "%s: quartiles: %s", period, ta_strerror(st));
}

/* Cut-offs given by the user must be ones the framework accepts: checked on an
 * empty assessment so that the library's rule and message apply. */
static void check_given(tar_nhse *h, const double *cutoffs, size_t n)
{
    SEXP guard = PROTECT(tar_guard_new(TAR_ASSESSMENT));
    ta_assessment *a = NULL;
    ta_status st;
    char msg[TAR_MSG];
    if ((st = ta_assessment_new(&a, h->fw, NULL)) != TA_OK)
        tar_raise(st, ta_strerror(st));
    R_SetExternalPtrAddr(guard, a);
    if ((st = ta_assessment_set_cutoffs(a, n, cutoffs)) != TA_OK) {
        snprintf(msg, sizeof msg, "cutoffs: %s", ta_assessment_error(a));
        tar_guard_free(guard);
        tar_raise(st, msg);
    }
    tar_guard_free(guard);
    UNPROTECT(1);
}

enum {
    COL_QUARTER,
    COL_REGION,
    COL_TYPE,
    COL_SUBTYPE,
    COL_CODE,
    COL_NAME,
    COL_AVERAGE,
    COL_AVERAGE_RANGE,
    COL_SEGMENT,
    COL_DEFICIT,
    COL_RANK,
    COL_RANK_RANGE,
    N_COLS
};

/* "lo to hi" as NHS England writes the likely ranges and the command prints
 * them: each bound by ta_format_decimal, then without trailing zeros
 * ("1.2 to 1.89"). */
static void range_text(char *buf, size_t size, double lo, double hi, int decimals)
{
    char a[40], b[40];
    double x[2] = {lo, hi};
    char *t[2] = {a, b};
    for (int k = 0; k < 2; k++) {
        size_t n;
        if (ta_format_decimal(t[k], sizeof a, x[k], decimals) != TA_OK) {
            t[k][0] = '\0';
            continue;
        }
        n = strlen(t[k]);
        while (n > 0 && strchr(t[k], '.') && (t[k][n - 1] == '0' || t[k][n - 1] == '.'))
            t[k][--n] = '\0';
    }
    snprintf(buf, size, "%s to %s", a, b);
}

/* The 12 columns of one assessment's league (held by `guard`), in league
 * order; the likely-range columns are NA unless `likely`. */
static SEXP league_rows(SEXP guard, const ta_assessment *a, int decimals, int likely)
{
    size_t n = ta_assessment_league_count(a);
    R_xlen_t rn = (R_xlen_t)n;
    SEXP cols = PROTECT(Rf_allocVector(VECSXP, N_COLS));
    static const SEXPTYPE types[N_COLS] = {STRSXP,  STRSXP, STRSXP, STRSXP, STRSXP, STRSXP,
                                           REALSXP, STRSXP, INTSXP, STRSXP, INTSXP, STRSXP};
    char msg[TAR_MSG];
    for (int c = 0; c < N_COLS; c++)
        SET_VECTOR_ELT(cols, c, Rf_allocVector(types[c], rn));
    for (size_t pos = 0; pos < n; pos++) {
        R_xlen_t r = (R_xlen_t)pos;
        size_t i;
        int adjusted;
        uint32_t rank;
        double avg;
        double lo = 0, hi = 0;
        uint32_t rlo = 0, rhi = 0;
        char text[96];
        ta_status st;
        ta_tristate deficit;
        if ((st = ta_assessment_league_entry(&i, a, pos)) != TA_OK ||
            (st = ta_assessment_average(a, i, NULL, &avg, NULL)) != TA_OK ||
            (st = ta_assessment_segments(a, i, NULL, &adjusted, NULL)) != TA_OK ||
            (st = ta_assessment_rank(a, i, &rank)) != TA_OK ||
            (likely && (st = ta_assessment_likely_average_range(a, i, &lo, &hi)) != TA_OK) ||
            (likely && (st = ta_assessment_likely_rank_range(a, i, &rlo, &rhi)) != TA_OK)) {
            snprintf(msg, sizeof msg, "%s", ta_assessment_error(a));
            tar_guard_free(guard);
            tar_raise(st, msg);
        }
        deficit = ta_assessment_trust_flag(a, i, TA_FLAG_FINANCIAL_DEFICIT);
        SET_STRING_ELT(VECTOR_ELT(cols, COL_QUARTER), r, tar_mkchar(ta_assessment_period(a)));
        SET_STRING_ELT(VECTOR_ELT(cols, COL_REGION), r,
                       tar_mkchar(ta_assessment_trust_field(a, i, TA_FIELD_REGION)));
        SET_STRING_ELT(VECTOR_ELT(cols, COL_TYPE), r,
                       tar_mkchar(ta_assessment_trust_field(a, i, TA_FIELD_TYPE)));
        SET_STRING_ELT(VECTOR_ELT(cols, COL_SUBTYPE), r,
                       tar_mkchar(ta_assessment_trust_field(a, i, TA_FIELD_SUBTYPE)));
        SET_STRING_ELT(VECTOR_ELT(cols, COL_CODE), r, tar_mkchar(ta_assessment_trust_code(a, i)));
        SET_STRING_ELT(VECTOR_ELT(cols, COL_NAME), r,
                       tar_mkchar(ta_assessment_trust_field(a, i, TA_FIELD_NAME)));
        REAL(VECTOR_ELT(cols, COL_AVERAGE))[r] = avg;
        if (likely) {
            range_text(text, sizeof text, lo, hi, decimals);
            SET_STRING_ELT(VECTOR_ELT(cols, COL_AVERAGE_RANGE), r, Rf_mkChar(text));
        } else {
            SET_STRING_ELT(VECTOR_ELT(cols, COL_AVERAGE_RANGE), r, NA_STRING);
        }
        INTEGER(VECTOR_ELT(cols, COL_SEGMENT))[r] = adjusted;
        SET_STRING_ELT(VECTOR_ELT(cols, COL_DEFICIT), r,
                       deficit == TA_YES  ? Rf_mkChar("Yes")
                       : deficit == TA_NO ? Rf_mkChar("No")
                                          : NA_STRING);
        INTEGER(VECTOR_ELT(cols, COL_RANK))[r] = (int)rank;
        if (likely) {
            snprintf(text, sizeof text, "%u to %u", (unsigned)rlo, (unsigned)rhi);
            SET_STRING_ELT(VECTOR_ELT(cols, COL_RANK_RANGE), r, Rf_mkChar(text));
        } else {
            SET_STRING_ELT(VECTOR_ELT(cols, COL_RANK_RANGE), r, NA_STRING);
        }
    }
    UNPROTECT(1);
    return cols;
}

/* A whole number in [lo, hi] from a length-one numeric (R has no 64-bit
 * integer: whole doubles up to 2^53 stand for one), else an error naming arg. */
static double whole_number(SEXP x, const char *arg, double lo, double hi)
{
    double v;
    if ((TYPEOF(x) != REALSXP && TYPEOF(x) != INTSXP) || XLENGTH(x) != 1)
        tar_raisef(TA_EINVAL, "%s must be a single number", arg);
    v = TYPEOF(x) == INTSXP ? (INTEGER(x)[0] == NA_INTEGER ? NAN : (double)INTEGER(x)[0])
                            : REAL(x)[0];
    if (!(v >= lo && v <= hi) || v != floor(v))
        tar_raisef(TA_EINVAL, "%s must be a whole number from %.0f to %.0f", arg, lo, hi);
    return v;
}

/* A list of column lists, one per quarter x trust type that has trusts, in
 * row order; R binds them. likely_ranges: TRUE/FALSE; replicates, seed and
 * threads as the command's --replicates, --seed and --threads. */
SEXP tar_league(SEXP handle, SEXP quarter, SEXP trust_type, SEXP kind, SEXP cutoffs,
                SEXP from_values, SEXP likely_ranges, SEXP replicates, SEXP seed, SEXP threads)
{
    tar_nhse *h = get(handle);
    const char *only_period = NULL, *only_type = tar_string(trust_type, "trust_type", 1);
    const char *q = tar_string(quarter, "quarter", 1);
    ta_nhse_source source;
    likely_spec likely;
    int with_likely;
    size_t ntypes, nperiods, ncut = (size_t)(ta_framework_segment_count(h->fw) - 1), nchunk = 0;
    int k;
    double cuts[MAX_CUTOFFS];
    const char **types;
    SEXP chunks, guard;

    if (TYPEOF(kind) != INTSXP || XLENGTH(kind) != 1 || INTEGER(kind)[0] < CUTOFFS_PUBLISHED ||
        INTEGER(kind)[0] > CUTOFFS_GIVEN)
        tar_raise(TA_EINVAL, "internal: bad cut-off kind");
    k = INTEGER(kind)[0];
    if (TYPEOF(from_values) != LGLSXP || XLENGTH(from_values) != 1 ||
        LOGICAL(from_values)[0] == NA_LOGICAL)
        tar_raise(TA_EINVAL, "from_values must be TRUE or FALSE");
    source = LOGICAL(from_values)[0] ? TA_FROM_VALUES : TA_FROM_SCORES;
    if (TYPEOF(likely_ranges) != LGLSXP || XLENGTH(likely_ranges) != 1 ||
        LOGICAL(likely_ranges)[0] == NA_LOGICAL)
        tar_raise(TA_EINVAL, "likely_ranges must be TRUE or FALSE");
    /* Checked whether or not used; the library checks the ranges it allows
     * (replicates 1 .. 10^7, threads at most 256). */
    likely.replicates = (uint32_t)whole_number(replicates, "replicates", 0, 4294967295.0);
    likely.seed = (uint64_t)whole_number(seed, "seed", 0, 9007199254740992.0);
    likely.threads = (unsigned)whole_number(threads, "threads", 0, 4294967295.0);
    with_likely = LOGICAL(likely_ranges)[0];
    if (ncut > MAX_CUTOFFS)
        tar_raise(TA_EINVAL, "the framework has more segments than this package handles");
    if (k == CUTOFFS_GIVEN) {
        if (TYPEOF(cutoffs) != REALSXP)
            tar_raise(TA_EINVAL, "cutoffs must be \"published\", \"quartiles\" or a numeric "
                                 "vector");
        if (XLENGTH(cutoffs) == 0) /* n = 0 would mean "the framework's own" */
            tar_raisef(TA_EINVAL, "cutoffs: the framework has %zu cut-offs, not 0", ncut);
        check_given(h, REAL(cutoffs), (size_t)XLENGTH(cutoffs)); /* the count too */
        memcpy(cuts, REAL(cutoffs), ncut * sizeof *cuts);
    }
    if (q)
        only_period = find_period(h, q);
    if (only_type) {
        int found = 0;
        for (size_t i = 0; i < ta_nhse_file_trust_type_count(h->file); i++)
            found |= strcmp(ta_nhse_file_trust_type(h->file, i), only_type) == 0;
        if (!found)
            tar_raisef(TA_ENOTFOUND, "no trust type \"%s\" in the file", only_type);
    }

    /* Every trust type in byte order (for quartiles and the league), held in
     * R memory so that an error cannot leak it. */
    ntypes = ta_nhse_file_trust_type_count(h->file);
    types = (const char **)R_alloc(ntypes ? ntypes : 1, sizeof *types);
    for (size_t i = 0; i < ntypes; i++)
        types[i] = ta_nhse_file_trust_type(h->file, i);
    qsort(types, ntypes, sizeof *types, compare_text);

    nperiods = ta_nhse_file_period_count(h->file);
    chunks = PROTECT(Rf_allocVector(VECSXP, (R_xlen_t)(nperiods * (ntypes ? ntypes : 1))));
    guard = PROTECT(tar_guard_new(TAR_ASSESSMENT));
    for (size_t p = 0; p < nperiods; p++) {
        const char *period = ta_nhse_file_period(h->file, p);
        ta_status st;
        if (only_period && strcmp(period, only_period) != 0)
            continue;
        if (k == CUTOFFS_QUARTILES) {
            quartiles(cuts, ncut, h, period, types, ntypes, source);
        } else if (k == CUTOFFS_PUBLISHED &&
                   (st = ta_nhse_file_published_cutoffs(cuts, ncut, h->file, period)) != TA_OK) {
            char msg[TAR_MSG];
            snprintf(msg, sizeof msg, "%s%s", ta_nhse_file_error(h->file),
                     st == TA_ENOTFOUND ? "; give cutoffs = c(A, B, C) or cutoffs = \"quartiles\""
                                        : "");
            tar_raise(st, msg);
        }
        for (size_t t = 0; t < ntypes; t++) {
            ta_assessment *a;
            SEXP cols;
            if (only_type && strcmp(types[t], only_type) != 0)
                continue;
            if (!(a = assess(guard, h, period, types[t], source, cuts, ncut,
                             with_likely ? &likely : NULL)))
                continue;
            cols = league_rows(guard, a, ta_framework_decimals(h->fw), with_likely);
            SET_VECTOR_ELT(chunks, (R_xlen_t)nchunk++, cols);
            tar_guard_free(guard);
        }
    }
    UNPROTECT(2);
    return Rf_lengthgets(chunks, (R_xlen_t)nchunk);
}

/* ---- verification ------------------------------------------------------- */

static const char *mode_name(ta_verify_mode m)
{
    return m == TA_STEP_BY_STEP ? "step-by-step" : "end-to-end";
}

static const char *verdict_name(ta_verdict v)
{
    return v == TA_AGREES ? "agrees" : v == TA_EXPLAINED ? "explained" : "unexplained";
}

/* list(summary = list(cols), differences = list(cols), unchecked = list(cols), ok) */
SEXP tar_verify(SEXP handle, SEXP quarter)
{
    tar_nhse *h = get(handle);
    const char *q = tar_string(quarter, "quarter", 1), *period = q ? find_period(h, q) : NULL;
    SEXP guard = PROTECT(tar_guard_new(TAR_VERIFICATION)), out, sum, dif, unc;
    ta_verification *v = NULL;
    ta_status st;
    size_t ns, nd, nu;
    char msg[TAR_MSG];
    if ((st = ta_verification_new(&v, h->file, NULL)) != TA_OK)
        tar_raise(st, ta_strerror(st));
    R_SetExternalPtrAddr(guard, v);
    if ((st = ta_verification_run(v, period)) != TA_OK) {
        snprintf(msg, sizeof msg, "%s", ta_verification_error(v));
        tar_guard_free(guard);
        tar_raise(st, msg);
    }
    ns = ta_verification_summary_count(v);
    nd = ta_verification_difference_count(v);
    nu = ta_verification_unchecked_count(v);
    out = PROTECT(Rf_allocVector(VECSXP, 4));
    sum = Rf_allocVector(VECSXP, 7);
    SET_VECTOR_ELT(out, 0, sum);
    dif = Rf_allocVector(VECSXP, 8);
    SET_VECTOR_ELT(out, 1, dif);
    unc = Rf_allocVector(VECSXP, 3);
    SET_VECTOR_ELT(out, 2, unc);
    for (int c = 0; c < 7; c++)
        SET_VECTOR_ELT(sum, c, Rf_allocVector(c < 3 ? STRSXP : INTSXP, (R_xlen_t)ns));
    for (int c = 0; c < 8; c++)
        SET_VECTOR_ELT(dif, c, Rf_allocVector(c == 4 || c == 5 ? REALSXP : STRSXP, (R_xlen_t)nd));
    for (int c = 0; c < 3; c++)
        SET_VECTOR_ELT(unc, c, Rf_allocVector(c < 2 ? STRSXP : INTSXP, (R_xlen_t)nu));
    for (size_t k = 0; k < ns; k++) {
        const char *per, *fig;
        ta_verify_mode mode;
        size_t checked, agreed, explained;
        R_xlen_t r = (R_xlen_t)k;
        if (ta_verification_summary(v, k, &per, &fig, &mode, &checked, &agreed, &explained) !=
            TA_OK)
            continue;
        SET_STRING_ELT(VECTOR_ELT(sum, 0), r, tar_mkchar(per));
        SET_STRING_ELT(VECTOR_ELT(sum, 1), r, tar_mkchar(fig));
        SET_STRING_ELT(VECTOR_ELT(sum, 2), r, tar_mkchar(mode_name(mode)));
        INTEGER(VECTOR_ELT(sum, 3))[r] = (int)checked;
        INTEGER(VECTOR_ELT(sum, 4))[r] = (int)agreed;
        INTEGER(VECTOR_ELT(sum, 5))[r] = (int)explained;
        INTEGER(VECTOR_ELT(sum, 6))[r] = (int)(checked - agreed - explained);
    }
    for (size_t k = 0; k < nd; k++) {
        const char *per, *code, *fig, *reason;
        ta_verify_mode mode;
        double published, computed;
        ta_verdict verdict;
        R_xlen_t r = (R_xlen_t)k;
        if (ta_verification_difference(v, k, &per, &code, &fig, &mode, &published, &computed,
                                       &verdict, &reason) != TA_OK)
            continue;
        SET_STRING_ELT(VECTOR_ELT(dif, 0), r, tar_mkchar(per));
        SET_STRING_ELT(VECTOR_ELT(dif, 1), r, tar_mkchar(code));
        SET_STRING_ELT(VECTOR_ELT(dif, 2), r, tar_mkchar(fig));
        SET_STRING_ELT(VECTOR_ELT(dif, 3), r, tar_mkchar(mode_name(mode)));
        REAL(VECTOR_ELT(dif, 4))[r] = published;
        REAL(VECTOR_ELT(dif, 5))[r] = computed;
        SET_STRING_ELT(VECTOR_ELT(dif, 6), r, tar_mkchar(verdict_name(verdict)));
        SET_STRING_ELT(VECTOR_ELT(dif, 7), r, tar_mkchar(reason));
    }
    for (size_t k = 0; k < nu; k++) {
        const char *per, *fig;
        size_t count;
        R_xlen_t r = (R_xlen_t)k;
        if (ta_verification_unchecked(v, k, &per, &fig, &count) != TA_OK)
            continue;
        SET_STRING_ELT(VECTOR_ELT(unc, 0), r, tar_mkchar(per));
        SET_STRING_ELT(VECTOR_ELT(unc, 1), r, tar_mkchar(fig));
        INTEGER(VECTOR_ELT(unc, 2))[r] = (int)count;
    }
    SET_VECTOR_ELT(out, 3, Rf_ScalarLogical(ta_verification_status(v) == TA_OK));
    tar_guard_free(guard);
    UNPROTECT(2);
    return out;
}
