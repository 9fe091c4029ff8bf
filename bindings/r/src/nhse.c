/*
 * NHS England's published file from R: reading it, its quarters and trust
 * types, league tables and verification.
 *
 * league_table() is the library's league object (ta_league), which the
 * `trustassess league` command also calls, so the two give the same rows:
 * options go in, the cells of the published columns come out (likely ranges
 * as the command writes them, "1.2 to 1.89", "1 to 11"). Several files read
 * together are merged by quarter by the library. The R side only turns the
 * columns into a data.frame.
 */
#define TA_EXPERIMENTAL /* the likely ranges and what-if (trustassess/analysis.h) */

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "glue.h"

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
    if (TYPEOF(path) != STRSXP || XLENGTH(path) < 1)
        tar_raise(TA_EINVAL, "path must be one or more file names");
    /* Several files are merged by quarter (ta_nhse_file_add_file). */
    for (R_xlen_t i = 0; i < XLENGTH(path); i++) {
        if (STRING_ELT(path, i) == NA_STRING) {
            tar_guard_free(guard);
            tar_raise(TA_EINVAL, "path must not be NA");
        }
        if ((st = ta_nhse_file_add_file(h->file, Rf_translateCharUTF8(STRING_ELT(path, i)))) !=
            TA_OK) {
            snprintf(msg, sizeof msg, "%s", ta_nhse_file_error(h->file));
            tar_guard_free(guard);
            tar_raise(st, msg);
        }
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

enum { N_COLS = 12 };

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

/* Raises the league's message for status st (and frees the league). */
static void league_fail(SEXP guard, ta_league *l, ta_status st, const char *hint)
{
    char msg[TAR_MSG];
    snprintf(msg, sizeof msg, "%s%s", ta_league_error(l), hint);
    tar_guard_free(guard);
    tar_raise(st, msg);
}

/* The published table's 12 columns of the league's rows, typed as R columns:
 * text cells as character (NA when empty), decimals as double, integers as
 * integer, "Yes"/"No" as character. */
static SEXP league_columns(const ta_league *l)
{
    size_t n = ta_league_row_count(l);
    SEXP cols = PROTECT(Rf_allocVector(VECSXP, N_COLS));
    for (size_t c = 0; c < N_COLS; c++) {
        ta_column_kind kind = TA_COLUMN_TEXT;
        SEXP col;
        ta_league_column(NULL, &kind, c);
        col = Rf_allocVector(kind == TA_COLUMN_DECIMAL   ? REALSXP
                             : kind == TA_COLUMN_INTEGER ? INTSXP
                                                         : STRSXP,
                             (R_xlen_t)n);
        SET_VECTOR_ELT(cols, (R_xlen_t)c, col);
        for (size_t r = 0; r < n; r++) {
            const char *text = ta_league_cell(l, r, c);
            int has = 0;
            double x = 0;
            ta_league_cell_number(&has, &x, NULL, l, r, c);
            if (kind == TA_COLUMN_DECIMAL)
                REAL(col)[r] = has ? x : NA_REAL;
            else if (kind == TA_COLUMN_INTEGER)
                INTEGER(col)[r] = has ? (int)x : NA_INTEGER;
            else
                SET_STRING_ELT(col, (R_xlen_t)r, text[0] ? tar_mkchar(text) : NA_STRING);
        }
    }
    UNPROTECT(1);
    return cols;
}

/* The library's league (ta_league) of the file: a list of one column list
 * (none when there are no rows), which R binds. kind: 0 published, 1
 * quartiles of all types, 2 given numbers, 3 quartiles of each type, 4 the
 * framework's fixed thresholds. likely_ranges: TRUE/FALSE; replicates, seed
 * and threads as the command's --replicates, --seed and --threads. */
SEXP tar_league(SEXP handle, SEXP quarter, SEXP trust_type, SEXP kind, SEXP cutoffs,
                SEXP from_values, SEXP likely_ranges, SEXP replicates, SEXP seed, SEXP threads)
{
    static const ta_cutoff_policy policy[] = {TA_CUTOFFS_PUBLISHED, TA_CUTOFFS_QUARTILES_ALL,
                                              TA_CUTOFFS_GIVEN, TA_CUTOFFS_QUARTILES_TYPE,
                                              TA_CUTOFFS_FIXED};
    tar_nhse *h = get(handle);
    const char *only_type = tar_string(trust_type, "trust_type", 1);
    const char *q = tar_string(quarter, "quarter", 1);
    uint32_t n_rep;
    uint64_t n_seed;
    unsigned n_threads;
    int k;
    ta_league *l = NULL;
    ta_status st;
    SEXP guard, out;

    if (TYPEOF(kind) != INTSXP || XLENGTH(kind) != 1 || INTEGER(kind)[0] < 0 ||
        INTEGER(kind)[0] > 4)
        tar_raise(TA_EINVAL, "internal: bad cut-off kind");
    k = INTEGER(kind)[0];
    if (TYPEOF(from_values) != LGLSXP || XLENGTH(from_values) != 1 ||
        LOGICAL(from_values)[0] == NA_LOGICAL)
        tar_raise(TA_EINVAL, "from_values must be TRUE or FALSE");
    if (TYPEOF(likely_ranges) != LGLSXP || XLENGTH(likely_ranges) != 1 ||
        LOGICAL(likely_ranges)[0] == NA_LOGICAL)
        tar_raise(TA_EINVAL, "likely_ranges must be TRUE or FALSE");
    /* Checked whether or not used; the library checks the ranges it allows
     * (replicates 1 .. 10^7, threads at most 256). */
    n_rep = (uint32_t)whole_number(replicates, "replicates", 0, 4294967295.0);
    n_seed = (uint64_t)whole_number(seed, "seed", 0, 9007199254740992.0);
    n_threads = (unsigned)whole_number(threads, "threads", 0, 4294967295.0);
    if (k == 2 && TYPEOF(cutoffs) != REALSXP)
        tar_raise(TA_EINVAL, "cutoffs must be \"published\", \"quartiles\" or a numeric vector");
    if (q)
        find_period(h, q); /* the R error listing the file's quarters */

    guard = PROTECT(tar_guard_new(TAR_LEAGUE));
    if ((st = ta_league_new(&l, h->file, NULL)) != TA_OK) {
        tar_guard_free(guard);
        tar_raise(st, ta_strerror(st));
    }
    R_SetExternalPtrAddr(guard, l);
    if (q && (st = ta_league_select_quarter(l, q)) != TA_OK)
        league_fail(guard, l, st, "");
    if (only_type && (st = ta_league_select_trust_type(l, only_type)) != TA_OK)
        league_fail(guard, l, st, "");
    if ((st = ta_league_set_source(l, LOGICAL(from_values)[0] ? TA_FROM_VALUES : TA_FROM_SCORES)) !=
        TA_OK)
        league_fail(guard, l, st, "");
    if (k == 2) {
        if ((st = ta_league_set_cutoffs(l, (size_t)XLENGTH(cutoffs), REAL(cutoffs))) != TA_OK) {
            char msg[TAR_MSG];
            snprintf(msg, sizeof msg, "cutoffs: %s", ta_league_error(l));
            tar_guard_free(guard);
            tar_raise(st, msg);
        }
    } else if ((st = ta_league_set_cutoff_policy(l, policy[k])) != TA_OK) {
        league_fail(guard, l, st, "");
    }
    if (LOGICAL(likely_ranges)[0] &&
        (st = ta_league_set_likely_ranges(l, n_rep, 0.95, n_seed, n_threads)) != TA_OK)
        league_fail(guard, l, st, "");
    if (LOGICAL(likely_ranges)[0] && n_rep == 0) { /* 0 would turn them off */
        tar_guard_free(guard);
        tar_raise(TA_EINVAL, "replicates must be a whole number from 1 to 10000000");
    }
    if ((st = ta_league_run(l)) != TA_OK)
        league_fail(guard, l, st,
                    st == TA_ENOTFOUND && k == 0
                        ? "; give cutoffs = c(A, B, C) or cutoffs = \"quartiles\""
                        : "");
    out = PROTECT(Rf_allocVector(VECSXP, ta_league_row_count(l) > 0));
    if (ta_league_row_count(l) > 0)
        SET_VECTOR_ELT(out, 0, league_columns(l));
    {
        /* The blocks' notes (a wider pool, a missing finance pair): attribute "warnings". */
        size_t nn = 0, k = 0;
        SEXP notes;
        for (size_t b = 0; b < ta_league_block_count(l); b++) {
            const ta_assessment *a = NULL;
            ta_league_block(NULL, NULL, &a, l, b);
            nn += ta_assessment_note_count(a);
        }
        notes = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)nn));
        for (size_t b = 0; b < ta_league_block_count(l); b++) {
            const ta_assessment *a = NULL;
            ta_league_block(NULL, NULL, &a, l, b);
            for (size_t j = 0; j < ta_assessment_note_count(a); j++)
                SET_STRING_ELT(notes, (R_xlen_t)k++, tar_mkchar(ta_assessment_note(a, j)));
        }
        Rf_setAttrib(out, Rf_install("warnings"), notes);
        UNPROTECT(1);
    }
    tar_guard_free(guard);
    UNPROTECT(2);
    return out;
}

/* ---- verification ------------------------------------------------------- */

/* list(summary = list(cols), differences = list(cols), unchecked = list(cols), ok, notes) */
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
    out = PROTECT(Rf_allocVector(VECSXP, 5));
    sum = Rf_allocVector(VECSXP, 7);
    SET_VECTOR_ELT(out, 0, sum);
    dif = Rf_allocVector(VECSXP, 8);
    SET_VECTOR_ELT(out, 1, dif);
    unc = Rf_allocVector(VECSXP, 4);
    SET_VECTOR_ELT(out, 2, unc);
    for (int c = 0; c < 7; c++)
        SET_VECTOR_ELT(sum, c, Rf_allocVector(c < 3 ? STRSXP : INTSXP, (R_xlen_t)ns));
    for (int c = 0; c < 8; c++)
        SET_VECTOR_ELT(dif, c, Rf_allocVector(c == 4 || c == 5 ? REALSXP : STRSXP, (R_xlen_t)nd));
    for (int c = 0; c < 4; c++)
        SET_VECTOR_ELT(unc, c, Rf_allocVector(c == 2 ? INTSXP : STRSXP, (R_xlen_t)nu));
    for (size_t k = 0; k < ns; k++) {
        const char *per = ta_verification_summary_period(v, k);
        const char *fig = ta_verification_summary_figure(v, k);
        ta_verify_mode mode;
        size_t checked, agreed, explained;
        R_xlen_t r = (R_xlen_t)k;
        if (ta_verification_summary_mode(&mode, v, k) != TA_OK ||
            ta_verification_summary_counts(&checked, &agreed, &explained, v, k) != TA_OK)
            continue;
        SET_STRING_ELT(VECTOR_ELT(sum, 0), r, tar_mkchar(per));
        SET_STRING_ELT(VECTOR_ELT(sum, 1), r, tar_mkchar(fig));
        SET_STRING_ELT(VECTOR_ELT(sum, 2), r, tar_mkchar(ta_verify_mode_name(mode)));
        INTEGER(VECTOR_ELT(sum, 3))[r] = (int)checked;
        INTEGER(VECTOR_ELT(sum, 4))[r] = (int)agreed;
        INTEGER(VECTOR_ELT(sum, 5))[r] = (int)explained;
        INTEGER(VECTOR_ELT(sum, 6))[r] = (int)(checked - agreed - explained);
    }
    for (size_t k = 0; k < nd; k++) {
        const char *per = ta_verification_difference_period(v, k);
        const char *code = ta_verification_difference_trust_code(v, k);
        const char *fig = ta_verification_difference_figure(v, k);
        const char *reason = ta_verification_difference_reason(v, k);
        ta_verify_mode mode;
        double published, computed;
        ta_verdict verdict;
        R_xlen_t r = (R_xlen_t)k;
        if (ta_verification_difference_mode(&mode, v, k) != TA_OK ||
            ta_verification_difference_values(&published, &computed, v, k) != TA_OK ||
            ta_verification_difference_verdict(&verdict, v, k) != TA_OK)
            continue;
        SET_STRING_ELT(VECTOR_ELT(dif, 0), r, tar_mkchar(per));
        SET_STRING_ELT(VECTOR_ELT(dif, 1), r, tar_mkchar(code));
        SET_STRING_ELT(VECTOR_ELT(dif, 2), r, tar_mkchar(fig));
        SET_STRING_ELT(VECTOR_ELT(dif, 3), r, tar_mkchar(ta_verify_mode_name(mode)));
        REAL(VECTOR_ELT(dif, 4))[r] = published;
        REAL(VECTOR_ELT(dif, 5))[r] = computed;
        SET_STRING_ELT(VECTOR_ELT(dif, 6), r, tar_mkchar(ta_verdict_name(verdict)));
        SET_STRING_ELT(VECTOR_ELT(dif, 7), r, tar_mkchar(reason));
    }
    for (size_t k = 0; k < nu; k++) {
        const char *per, *fig;
        size_t count;
        R_xlen_t r = (R_xlen_t)k;
        if (ta_verification_unchecked(&per, &fig, &count, v, k) != TA_OK)
            continue;
        SET_STRING_ELT(VECTOR_ELT(unc, 0), r, tar_mkchar(per));
        SET_STRING_ELT(VECTOR_ELT(unc, 1), r, tar_mkchar(fig));
        INTEGER(VECTOR_ELT(unc, 2))[r] = (int)count;
        SET_STRING_ELT(VECTOR_ELT(unc, 3), r, tar_mkchar(ta_verification_unchecked_reason(v, k)));
    }
    SET_VECTOR_ELT(out, 3, Rf_ScalarLogical(ta_verification_status(v) == TA_OK));
    {
        size_t nn = ta_verification_note_count(v);
        SEXP notes = Rf_allocVector(STRSXP, (R_xlen_t)nn);
        SET_VECTOR_ELT(out, 4, notes);
        for (size_t k = 0; k < nn; k++)
            SET_STRING_ELT(notes, (R_xlen_t)k, tar_mkchar(ta_verification_note(v, k)));
    }
    tar_guard_free(guard);
    UNPROTECT(2);
    return out;
}
