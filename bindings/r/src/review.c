/*
 * review_due(): when each trust's next five-yearly review falls due.
 *
 * A review schedule (review.h) with one trust per element, authorised on
 * authorised_on[i] and, where given, last reviewed on last_review[i]; the due
 * date is the schedule's (interval, 29 February rule, latest review counts),
 * so no rule is restated here. R Dates are days since 1970-01-01; the library
 * converts to and from civil dates (Rata Die day 719163 is 1970-01-01).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "glue.h"

#define RD_1970 719163

static ta_date to_date(SEXP guard, double days, const char *arg, R_xlen_t i)
{
    ta_date d;
    ta_status st;
    double rd = floor(days) + RD_1970;
    if (rd < 1 || rd > 3652059) {
        tar_guard_free(guard);
        tar_raisef(TA_ERANGE, "%s[%lld]: %s (years 1 to 9999)", arg, (long long)i + 1,
                   ta_strerror(TA_ERANGE));
    }
    if ((st = ta_date_from_days(&d, (int32_t)rd)) != TA_OK) {
        tar_guard_free(guard);
        tar_raisef(st, "%s[%lld]: %s", arg, (long long)i + 1, ta_strerror(st));
    }
    return d;
}

static void check(ta_status st, SEXP guard)
{
    char msg[TAR_MSG];
    if (st == TA_OK)
        return;
    snprintf(msg, sizeof msg, "%s", ta_review_schedule_error(R_ExternalPtrAddr(guard)));
    tar_guard_free(guard);
    tar_raise(st, msg);
}

SEXP tar_review_due(SEXP authorised_on, SEXP last_review)
{
    R_xlen_t n = XLENGTH(authorised_on), added = 0;
    SEXP guard, out;
    ta_review_schedule *s = NULL;
    ta_status st;
    size_t count;
    if (TYPEOF(authorised_on) != REALSXP || TYPEOF(last_review) != REALSXP ||
        XLENGTH(last_review) != n)
        tar_raise(TA_EINVAL, "internal: review_due arguments not recycled");
    out = PROTECT(Rf_allocVector(REALSXP, n));
    for (R_xlen_t i = 0; i < n; i++)
        REAL(out)[i] = NA_REAL;
    guard = PROTECT(tar_guard_new(TAR_REVIEW_SCHEDULE));
    if ((st = ta_review_schedule_new(&s, NULL)) != TA_OK)
        tar_raise(st, ta_strerror(st));
    R_SetExternalPtrAddr(guard, s);
    for (R_xlen_t i = 0; i < n; i++) {
        char code[32];
        double auth = REAL(authorised_on)[i], last = REAL(last_review)[i];
        if (!R_FINITE(auth))
            continue;                                           /* NA in, NA out */
        snprintf(code, sizeof code, "#%lld", (long long)i + 1); /* "trust #3: ..." in messages */
        check(ta_review_schedule_add_trust(s, code, "", to_date(guard, auth, "authorised_on", i)),
              guard);
        if (R_FINITE(last))
            check(ta_review_schedule_add_review(s, code, to_date(guard, last, "last_review", i)),
                  guard);
        added++;
    }
    if (added > 0) {
        check(ta_review_schedule_compute(s), guard);
        count = ta_review_schedule_count(s);
        for (size_t k = 0; k < count; k++) {
            const char *code = ta_review_schedule_code(s, k);
            ta_date due;
            int32_t days;
            long long i = code ? strtoll(code + 1, NULL, 10) - 1 : -1;
            check(ta_review_schedule_due(&due, NULL, s, k), guard);
            check(ta_date_to_days(&days, due), guard);
            if (i >= 0 && i < n)
                REAL(out)[i] = (double)days - RD_1970;
        }
    }
    tar_guard_free(guard);
    UNPROTECT(2);
    return out;
}
