/*
 * The trustassess R package's C glue: what every .Call entry point shares.
 *
 * Two ideas keep the glue safe against R's non-local exits (an R error
 * longjmps over C frames):
 *
 *   - Every library handle lives in an R external pointer ("guard") from the
 *     moment it is made, with a C finalizer that frees it. An R error or an
 *     allocation failure anywhere in a call therefore leaks nothing: the
 *     garbage collector frees what the call could not. Normal paths free
 *     handles at once with tar_guard_free().
 *   - Errors are raised only by tar_raise(), which takes a message the caller
 *     has already copied out of the failed handle (into a stack buffer, or a
 *     static string), so handles can be freed before R unwinds. The condition
 *     has class c("trustassess_<status>_error", "trustassess_error", "error",
 *     "condition") and a `status` field ("TA_EPARSE"), for tryCatch().
 *
 * The glue never prints, exits or aborts.
 */
#ifndef TAR_GLUE_H
#define TAR_GLUE_H

#include <R.h>
#include <Rinternals.h>

#include <trustassess.h>

/* What a guard holds; the tag of its external pointer is this number. */
enum tar_kind {
    TAR_NHSE = 1, /* tar_nhse: framework + published file, the user's handle */
    TAR_ASSESSMENT,
    TAR_LEAGUE,
    TAR_VERIFICATION,
    TAR_CAPITAL_RULES,
    TAR_CAPITAL_PROPOSAL,
    TAR_REVIEW_SCHEDULE,
    TAR_REGISTER,
    TAR_CRITERIA,
    TAR_SCREEN
};

/* A "trustassess_nhse" handle: the framework the file was read with, which
 * must outlive the file. */
typedef struct tar_nhse {
    ta_framework *fw;
    ta_nhse_file *file;
} tar_nhse;

/* Status used for errors the glue finds itself (a closed handle). */
#define TAR_CLOSED (-1)

/* Message buffers: long enough for any library message (which are one
 * sentence) plus context. */
#define TAR_MSG 2048

/* A new, empty guard of `kind` (address NULL), not protected. */
SEXP tar_guard_new(enum tar_kind kind);
/* Frees what the guard holds now and empties it; an empty guard is a no-op. */
void tar_guard_free(SEXP guard);
/* The guard's address, or an R error of class trustassess_closed_error when
 * it was freed (or comes from a saved session), or trustassess_invalid_error
 * when x is not a guard of `kind`. */
void *tar_guard_get(SEXP x, enum tar_kind kind, const char *what);

/* Raises the R condition for `status` (a ta_status or TAR_CLOSED). */
NORET void tar_raise(int status, const char *message);
/* As tar_raise, with printf-style formatting into a stack buffer. */
NORET void tar_raisef(int status, const char *fmt, ...);

/* Argument helpers: a single non-NA string (translated to UTF-8), or
 * NULL for R's NULL when `optional`. Errors name `arg`. */
const char *tar_string(SEXP x, const char *arg, int optional);
/* A CHARSXP from UTF-8 text (NA_STRING for NULL). */
SEXP tar_mkchar(const char *text);

/* Entry points (registered in init.c). */
SEXP tar_version(void);
SEXP tar_nhse_read(SEXP path);
SEXP tar_nhse_close(SEXP handle);
SEXP tar_nhse_is_open(SEXP handle);
SEXP tar_nhse_info(SEXP handle);
SEXP tar_nhse_find_period(SEXP handle, SEXP text);
SEXP tar_league(SEXP handle, SEXP quarter, SEXP trust_type, SEXP kind, SEXP cutoffs,
                SEXP from_values, SEXP likely_ranges, SEXP replicates, SEXP seed, SEXP threads);
SEXP tar_verify(SEXP handle, SEXP quarter);
SEXP tar_capital_route(SEXP amount, SEXP status, SEXP savings, SEXP funding, SEXP segment,
                       SEXP distress, SEXP deficit, SEXP vat, SEXP date, SEXP events, SEXP trust);
SEXP tar_aft_status(SEXP events, SEXP on);
SEXP tar_eligibility(SEXP handle, SEXP as_of, SEXP evidence, SEXP preset, SEXP iho);
SEXP tar_review_due(SEXP authorised_on, SEXP last_review);

#endif /* TAR_GLUE_H */
