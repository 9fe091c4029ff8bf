/*
 * aft_status() and eligibility(): the status register and the earned-autonomy
 * screen (issue 16).
 *
 * aft_status() reads an events file into a ta_register and returns, per
 * trust, the columns of `trustassess status` (the library's status, dates and
 * reason sentence). eligibility() screens a read NHS England file with
 * ta_screen (as of a quarter, with a supplied-evidence file) and returns the
 * library's own CSV export, which R parses, so R shows what the command
 * prints. Handles live in guards (glue.h).
 */
#include <stdio.h>
#include <string.h>

#include "glue.h"

#define RD_1970 719163

static void raise_from(SEXP guard, ta_status st, const char *message)
{
    char msg[TAR_MSG];
    snprintf(msg, sizeof msg, "%s", message);
    tar_guard_free(guard);
    tar_raise(st, msg);
}

SEXP tar_aft_status(SEXP events, SEXP on)
{
    const char *path = tar_string(events, "events", 0);
    SEXP guard = PROTECT(tar_guard_new(TAR_REGISTER)), out, cols[6];
    ta_register *r = NULL;
    ta_status st;
    ta_date day = {1, 1, 1};
    size_t n;
    if ((st = ta_register_new(&r, NULL)) != TA_OK)
        tar_raise(st, ta_strerror(st));
    R_SetExternalPtrAddr(guard, r);
    if ((st = ta_register_read_file(r, path)) != TA_OK)
        raise_from(guard, st, ta_register_error(r));
    n = ta_register_trust_count(r);
    if (TYPEOF(on) == REALSXP && XLENGTH(on) == 1 && R_FINITE(REAL(on)[0])) {
        double rd = REAL(on)[0] + RD_1970;
        if (rd < 1 || rd > 3652059 || ta_date_from_days(&day, (int32_t)rd) != TA_OK)
            raise_from(guard, TA_ERANGE, "on is outside years 1 to 9999");
    } else {
        for (size_t i = 0; i < n; i++) {
            ta_date d;
            if (ta_register_last_date(&d, r, i) == TA_OK && ta_date_compare(d, day) > 0)
                day = d;
        }
    }
    out = PROTECT(Rf_allocVector(VECSXP, 6));
    for (int c = 0; c < 6; c++) {
        cols[c] = Rf_allocVector(c == 3 || c == 4 ? REALSXP : STRSXP, (R_xlen_t)n);
        SET_VECTOR_ELT(out, c, cols[c]);
    }
    for (size_t i = 0; i < n; i++) {
        int known = 0, ceased = 0, has = 0;
        ta_ft_status status = TA_NHS_TRUST;
        ta_date since, due;
        int32_t days;
        size_t needed = 0;
        char reasons[4096];
        /* Ceased: Since is the day it ceased (its last event; none may follow). */
        if (ta_register_status_on(&known, &status, &since, r, i, day) != TA_OK ||
            ta_register_ceased_on(&ceased, r, i, day) != TA_OK ||
            (ceased && ta_register_last_date(&since, r, i) != TA_OK) ||
            ta_register_review_due(&has, &due, r, i, day) != TA_OK ||
            ta_register_reasons(reasons, sizeof reasons, &needed, r, i, day) != TA_OK)
            raise_from(guard, TA_EINVAL, ta_register_error(r));
        SET_STRING_ELT(cols[0], (R_xlen_t)i, tar_mkchar(ta_register_trust_code(r, i)));
        SET_STRING_ELT(cols[1], (R_xlen_t)i, tar_mkchar(ta_register_trust_name(r, i)));
        SET_STRING_ELT(cols[2], (R_xlen_t)i,
                       !known   ? NA_STRING
                       : ceased ? tar_mkchar("Ceased")
                                : tar_mkchar(ta_ft_status_name(status)));
        REAL(cols[3])
        [i] = known && since.year && ta_date_to_days(&days, since) == TA_OK ? (double)days - RD_1970
                                                                            : NA_REAL;
        REAL(cols[4])
        [i] = has && ta_date_to_days(&days, due) == TA_OK ? (double)days - RD_1970 : NA_REAL;
        SET_STRING_ELT(cols[5], (R_xlen_t)i, tar_mkchar(reasons));
    }
    tar_guard_free(guard);
    UNPROTECT(2);
    return out;
}

SEXP tar_eligibility(SEXP handle, SEXP as_of, SEXP evidence, SEXP preset, SEXP iho)
{
    tar_nhse *h = tar_guard_get(handle, TAR_NHSE, "trustassess_nhse");
    const char *period = tar_string(as_of, "as_of", 1);
    const char *evidence_path = tar_string(evidence, "evidence", 1);
    const char *aft_name = tar_string(preset, "preset", 0);
    const char *text = NULL;
    size_t len = 0;
    int with_iho = Rf_asLogical(iho) == TRUE;
    SEXP sg = PROTECT(tar_guard_new(TAR_SCREEN));
    SEXP ag = PROTECT(tar_guard_new(TAR_CRITERIA));
    SEXP ig = PROTECT(tar_guard_new(TAR_CRITERIA));
    ta_screen *s = NULL;
    ta_criteria *aft = NULL, *ihoc = NULL;
    ta_status st;
    char msg[TAR_MSG];
    if ((st = ta_criteria_preset(&aft, aft_name, NULL)) != TA_OK)
        tar_raisef(st, "preset \"%s\": %s", aft_name, ta_strerror(st));
    R_SetExternalPtrAddr(ag, aft);
    if (with_iho) {
        if ((st = ta_criteria_preset(&ihoc, "iho-2025", NULL)) != TA_OK)
            tar_raise(st, ta_strerror(st));
        R_SetExternalPtrAddr(ig, ihoc);
    }
    st = period ? ta_screen_new_nhse_as_of(&s, h->fw, h->file, period, NULL)
                : ta_screen_new_nhse(&s, h->fw, h->file, NULL);
    if (st != TA_OK)
        tar_raisef(st, st == TA_ENOTFOUND ? "as_of: no quarter \"%s\" in the file" : "%s",
                   st == TA_ENOTFOUND ? period : ta_strerror(st));
    R_SetExternalPtrAddr(sg, s);
    if ((evidence_path && (st = ta_screen_read_evidence_file(s, evidence_path)) != TA_OK) ||
        (st = ta_screen_run(s, aft, ihoc)) != TA_OK ||
        (st = ta_screen_export(&text, &len, s, TA_SCREEN_CSV, NULL)) != TA_OK) {
        snprintf(msg, sizeof msg, "%s", ta_screen_error(s));
        tar_guard_free(sg);
        tar_raise(st, msg);
    }
    {
        SEXP out = PROTECT(Rf_allocVector(STRSXP, 1));
        SET_STRING_ELT(out, 0, Rf_mkCharLenCE(text, (int)len, CE_UTF8));
        tar_guard_free(sg);
        tar_guard_free(ag);
        tar_guard_free(ig);
        UNPROTECT(4);
        return out;
    }
}
