/*
 * Guards (library handles in R external pointers with finalizers), the R
 * conditions raised for library statuses, and argument helpers.
 *
 * Shaped so that no C memory can leak on an R error: a handle is put in a
 * guard before anything else can fail, and the finalizer frees whatever a
 * guard still holds when R collects it. A user-visible handle that was closed,
 * or that comes back from a saved workspace (external pointers are saved as
 * NULL), is the R error "handle is closed", never a dereference.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "glue.h"

static void free_contents(enum tar_kind kind, void *p)
{
    switch (kind) {
    case TAR_NHSE: {
        tar_nhse *h = p;
        ta_nhse_file_free(h->file); /* before the framework it was read with */
        ta_framework_free(h->fw);
        free(h);
        break;
    }
    case TAR_ASSESSMENT:
        ta_assessment_free(p);
        break;
    case TAR_LEAGUE:
        ta_league_free(p);
        break;
    case TAR_VERIFICATION:
        ta_verification_free(p);
        break;
    case TAR_CAPITAL_RULES:
        ta_capital_rules_free(p);
        break;
    case TAR_CAPITAL_PROPOSAL:
        ta_capital_proposal_free(p);
        break;
    case TAR_REVIEW_SCHEDULE:
        ta_review_schedule_free(p);
        break;
    case TAR_REGISTER:
        ta_register_free(p);
        break;
    case TAR_CRITERIA:
        ta_criteria_free(p);
        break;
    case TAR_SCREEN:
        ta_screen_free(p);
        break;
    }
}

static int guard_kind(SEXP x)
{
    SEXP tag;
    if (TYPEOF(x) != EXTPTRSXP)
        return 0;
    tag = R_ExternalPtrTag(x);
    if (TYPEOF(tag) != INTSXP || XLENGTH(tag) != 1)
        return 0;
    return INTEGER(tag)[0];
}

void tar_guard_free(SEXP guard)
{
    int kind = guard_kind(guard);
    void *p = kind ? R_ExternalPtrAddr(guard) : NULL;
    if (!p)
        return;
    R_ClearExternalPtr(guard);
    free_contents((enum tar_kind)kind, p);
}

static void finalize(SEXP guard)
{
    tar_guard_free(guard);
}

SEXP tar_guard_new(enum tar_kind kind)
{
    SEXP tag = PROTECT(Rf_ScalarInteger((int)kind));
    SEXP p = PROTECT(R_MakeExternalPtr(NULL, tag, R_NilValue));
    R_RegisterCFinalizerEx(p, finalize, TRUE);
    UNPROTECT(2);
    return p;
}

void *tar_guard_get(SEXP x, enum tar_kind kind, const char *what)
{
    void *p;
    if (guard_kind(x) != (int)kind)
        tar_raisef(TA_EINVAL, "not a %s handle", what);
    p = R_ExternalPtrAddr(x);
    if (!p)
        tar_raise(TAR_CLOSED, "handle is closed");
    return p;
}

/* The R class stem of each status, by value (the status's name is the
 * library's, ta_status_name). Designated, so that scripts/check-r-enums.py
 * (run by scripts/test-r.sh) can check that it names every constant of the
 * headers' ta_status. */
static const char *const stems[] = {[TA_OK] = "ok",
                                    [TA_EINVAL] = "invalid",
                                    [TA_ENOMEM] = "nomem",
                                    [TA_ENOTFOUND] = "notfound",
                                    [TA_EDUPLICATE] = "duplicate",
                                    [TA_EPARSE] = "parse",
                                    [TA_EIO] = "io",
                                    [TA_ERANGE] = "range",
                                    [TA_ESTATE] = "state",
                                    [TA_EINCONSISTENT] = "inconsistent"};

void tar_raise(int status, const char *message)
{
    char cls[64];
    const char *stem, *name;
    SEXP cond, nms, klass, call;
    if (status == TAR_CLOSED) {
        stem = "closed";
        name = ta_status_name(TA_ESTATE);
    } else if (status > 0 && status < (int)(sizeof stems / sizeof *stems)) {
        stem = stems[status];
        name = ta_status_name((ta_status)status);
    } else {
        stem = "unknown";
        name = "unknown";
    }
    snprintf(cls, sizeof cls, "trustassess_%s_error", stem);
    cond = PROTECT(Rf_allocVector(VECSXP, 3));
    SET_VECTOR_ELT(cond, 0, Rf_ScalarString(tar_mkchar(message)));
    SET_VECTOR_ELT(cond, 1, R_NilValue);
    SET_VECTOR_ELT(cond, 2, Rf_mkString(name));
    nms = PROTECT(Rf_allocVector(STRSXP, 3));
    SET_STRING_ELT(nms, 0, Rf_mkChar("message"));
    SET_STRING_ELT(nms, 1, Rf_mkChar("call"));
    SET_STRING_ELT(nms, 2, Rf_mkChar("status"));
    Rf_setAttrib(cond, R_NamesSymbol, nms);
    klass = PROTECT(Rf_allocVector(STRSXP, 4));
    SET_STRING_ELT(klass, 0, Rf_mkChar(cls));
    SET_STRING_ELT(klass, 1, Rf_mkChar("trustassess_error"));
    SET_STRING_ELT(klass, 2, Rf_mkChar("error"));
    SET_STRING_ELT(klass, 3, Rf_mkChar("condition"));
    Rf_setAttrib(cond, R_ClassSymbol, klass);
    call = PROTECT(Rf_lang2(Rf_install("stop"), cond));
    Rf_eval(call, R_BaseEnv);
    UNPROTECT(4); /* not reached: stop() does not return */
    Rf_error("%s", message);
}

void tar_raisef(int status, const char *fmt, ...)
{
    char msg[TAR_MSG];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    tar_raise(status, msg);
}

const char *tar_string(SEXP x, const char *arg, int optional)
{
    if (optional && x == R_NilValue)
        return NULL;
    if (TYPEOF(x) != STRSXP || XLENGTH(x) != 1 || STRING_ELT(x, 0) == NA_STRING)
        tar_raisef(TA_EINVAL, "%s must be a single string%s", arg, optional ? " or NULL" : "");
    return Rf_translateCharUTF8(STRING_ELT(x, 0));
}

SEXP tar_mkchar(const char *text)
{
    return text ? Rf_mkCharCE(text, CE_UTF8) : NA_STRING;
}
