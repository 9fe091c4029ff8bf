/*
 * capital_route(): the £100m rule for a column of amounts.
 *
 * One proposal per element, checked under the built-in "capital-2025" rule
 * set (ta_capital_proposal_check), with its finances (distress, deficit,
 * segment), VAT and date; with an events file (a status register) a dated
 * element takes its trust's status on its date (ta_capital_proposal_apply_register); the route,
 * approvers, documents, headroom and reasons are the library's output text
 * (ta_capital_proposal_output), so R shows what the command prints. Money is text both ways and is
 * parsed and formatted only by money.h: "£99,999,999.99" is exactly 9999999999 pence.
 * The amount and the headroom also come as numbers of pence (doubles, exact
 * below 2^53 pence, about £90 trillion; a larger magnitude is a range error
 * rather than a rounded number), so R can compute with them.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "glue.h"

/* Frees the handles (before an R error, or at the end). A register read from
 * an events file is left to its guard's finalizer on an error path. */
static void release(SEXP proposal_guard, SEXP rules_guard)
{
    tar_guard_free(proposal_guard);
    tar_guard_free(rules_guard);
}

/* ASCII case-insensitive equality, for the status and funding names. */
static int same_name(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = (char)(*a >= 'A' && *a <= 'Z' ? *a + 32 : *a);
        char y = (char)(*b >= 'A' && *b <= 'Z' ? *b + 32 : *b);
        if (x != y)
            return 0;
    }
    return *a == *b;
}

static int64_t money(SEXP v, R_xlen_t i, const char *arg, SEXP pg, SEXP rg)
{
    const char *text = Rf_translateCharUTF8(STRING_ELT(v, i));
    int64_t pence = 0;
    ta_status st = ta_money_parse(&pence, text);
    if (st != TA_OK) {
        release(pg, rg);
        tar_raisef(st, "%s[%lld] \"%s\": %s", arg, (long long)i + 1, text, ta_strerror(st));
    }
    return pence;
}

static ta_ft_status status_of(SEXP v, R_xlen_t i, SEXP pg, SEXP rg)
{
    const char *text;
    if (STRING_ELT(v, i) == NA_STRING) {
        release(pg, rg);
        tar_raisef(TA_EINVAL, "status[%lld] is NA", (long long)i + 1);
    }
    text = Rf_translateCharUTF8(STRING_ELT(v, i));
    for (int s = TA_NHS_TRUST; s <= TA_ADVANCED_FOUNDATION_TRUST; s++)
        if (same_name(text, ta_ft_status_name((ta_ft_status)s)))
            return (ta_ft_status)s;
    release(pg, rg);
    tar_raisef(TA_EINVAL, "status[%lld] \"%s\" is not \"%s\", \"%s\" or \"%s\"", (long long)i + 1,
               text, ta_ft_status_name(TA_NHS_TRUST), ta_ft_status_name(TA_FOUNDATION_TRUST),
               ta_ft_status_name(TA_ADVANCED_FOUNDATION_TRUST));
}

static ta_capital_funding funding_of(SEXP v, R_xlen_t i, SEXP pg, SEXP rg)
{
    const char *text;
    if (STRING_ELT(v, i) == NA_STRING) {
        release(pg, rg);
        tar_raisef(TA_EINVAL, "funding[%lld] is NA", (long long)i + 1);
    }
    text = Rf_translateCharUTF8(STRING_ELT(v, i));
    for (int f = TA_FUNDING_OWN_SAVINGS; f <= TA_FUNDING_MIXED; f++)
        if (same_name(text, ta_capital_funding_name((ta_capital_funding)f)))
            return (ta_capital_funding)f;
    release(pg, rg);
    tar_raisef(TA_EINVAL, "funding[%lld] \"%s\" is not \"%s\", \"%s\" or \"%s\"", (long long)i + 1,
               text, ta_capital_funding_name(TA_FUNDING_OWN_SAVINGS),
               ta_capital_funding_name(TA_FUNDING_NATIONAL),
               ta_capital_funding_name(TA_FUNDING_MIXED));
}

enum { OUT_AMOUNT, OUT_ROUTE, OUT_APPROVERS, OUT_DOCUMENTS, OUT_HEADROOM, OUT_REASONS, N_OUT };
/* The numeric columns after the text ones: amount and headroom in pence. */
enum { NUM_AMOUNT = N_OUT, NUM_HEADROOM, N_ALL };

/* Largest magnitude of pence a double holds exactly (2^53). */
#define EXACT_PENCE 9007199254740992LL

/* `pence` as a double, or a range error when a double cannot hold it exactly. */
static double pence_real(int64_t pence, SEXP pg, SEXP rg, R_xlen_t i)
{
    if (pence > EXACT_PENCE || pence < -EXACT_PENCE) {
        release(pg, rg);
        tar_raisef(TA_ERANGE, "amount[%lld]: %lld pence is too large for an exact R number",
                   (long long)i + 1, (long long)pence);
    }
    return (double)pence;
}

/* Fails with the proposal's message (copied, then both guards freed). */
static void check(ta_status st, SEXP proposal_guard, SEXP rules_guard, R_xlen_t i)
{
    char msg[TAR_MSG];
    if (st == TA_OK)
        return;
    snprintf(msg, sizeof msg, "amount[%lld]: %s", (long long)i + 1,
             ta_capital_proposal_error(R_ExternalPtrAddr(proposal_guard)));
    release(proposal_guard, rules_guard);
    tar_raise(st, msg);
}

static ta_tristate tri(int v)
{
    return v == NA_LOGICAL ? TA_UNKNOWN : v ? TA_YES : TA_NO;
}

SEXP tar_capital_route(SEXP amount, SEXP status, SEXP savings, SEXP funding, SEXP segment,
                       SEXP distress, SEXP deficit, SEXP vat, SEXP date, SEXP events, SEXP trust)
{
    R_xlen_t n = XLENGTH(amount);
    SEXP rg, pg, out, register_guard;
    ta_capital_rules *rules = NULL;
    ta_register *reg = NULL;
    const char *events_path = tar_string(events, "events", 1);
    ta_status st;
    if (TYPEOF(amount) != STRSXP || TYPEOF(status) != STRSXP || TYPEOF(savings) != STRSXP ||
        TYPEOF(funding) != STRSXP || TYPEOF(segment) != INTSXP || TYPEOF(distress) != LGLSXP ||
        TYPEOF(deficit) != LGLSXP || TYPEOF(vat) != STRSXP || TYPEOF(date) != REALSXP ||
        TYPEOF(trust) != STRSXP || XLENGTH(status) != n || XLENGTH(savings) != n ||
        XLENGTH(funding) != n || XLENGTH(segment) != n || XLENGTH(distress) != n ||
        XLENGTH(deficit) != n || XLENGTH(vat) != n || XLENGTH(date) != n || XLENGTH(trust) != n)
        tar_raise(TA_EINVAL, "internal: capital_route arguments not recycled");
    rg = PROTECT(tar_guard_new(TAR_CAPITAL_RULES));
    if ((st = ta_capital_rules_preset(&rules, "capital-2025", NULL)) != TA_OK)
        tar_raisef(st, "capital-2025: %s", ta_strerror(st));
    R_SetExternalPtrAddr(rg, rules);
    register_guard = PROTECT(tar_guard_new(TAR_REGISTER));
    if (events_path) {
        char msg[TAR_MSG];
        if ((st = ta_register_new(&reg, NULL)) != TA_OK) {
            tar_guard_free(rg);
            tar_raise(st, ta_strerror(st));
        }
        R_SetExternalPtrAddr(register_guard, reg);
        if ((st = ta_register_read_file(reg, events_path)) != TA_OK) {
            snprintf(msg, sizeof msg, "%s", ta_register_error(reg));
            tar_guard_free(register_guard);
            tar_guard_free(rg);
            tar_raise(st, msg);
        }
    }
    pg = PROTECT(tar_guard_new(TAR_CAPITAL_PROPOSAL));
    out = PROTECT(Rf_allocVector(VECSXP, N_ALL));
    for (int c = 0; c < N_OUT; c++)
        SET_VECTOR_ELT(out, c, Rf_allocVector(STRSXP, n));
    for (int c = N_OUT; c < N_ALL; c++)
        SET_VECTOR_ELT(out, c, Rf_allocVector(REALSXP, n));
    for (R_xlen_t i = 0; i < n; i++) {
        static const ta_capital_output fields[] = {TA_OUT_ROUTE, TA_OUT_APPROVERS, TA_OUT_DOCUMENTS,
                                                   TA_OUT_HEADROOM, TA_OUT_REASONS};
        char text[TA_MONEY_BUFSIZE];
        int64_t pence, saved, compared, largest, headroom;
        int has_headroom;
        int seg = INTEGER(segment)[i];
        double days = REAL(date)[i];
        ta_date d = {0, 0, 0};
        const char *code = STRING_ELT(trust, i) == NA_STRING
                               ? "TRUST"
                               : Rf_translateCharUTF8(STRING_ELT(trust, i));
        int from_register = reg && R_FINITE(days);
        ta_capital_proposal *p = NULL;
        if (STRING_ELT(amount, i) == NA_STRING) {
            for (int c = 0; c < N_OUT; c++)
                SET_STRING_ELT(VECTOR_ELT(out, c), i, NA_STRING);
            for (int c = N_OUT; c < N_ALL; c++)
                REAL(VECTOR_ELT(out, c))[i] = NA_REAL;
            continue;
        }
        if (STRING_ELT(savings, i) == NA_STRING) {
            release(pg, rg);
            tar_raisef(TA_EINVAL, "savings[%lld] is NA", (long long)i + 1);
        }
        pence = money(amount, i, "amount", pg, rg);
        saved = money(savings, i, "savings", pg, rg);
        if (R_FINITE(days) && ta_date_from_days(&d, (int32_t)floor(days) + 719163) != TA_OK) {
            release(pg, rg);
            tar_raisef(TA_ERANGE, "date[%lld] is outside years 1 to 9999", (long long)i + 1);
        }
        tar_guard_free(pg);
        if ((st = ta_capital_proposal_new(&p, code, "scheme", NULL)) != TA_OK) {
            release(pg, rg);
            tar_raisef(TA_EINVAL, "trust[%lld] \"%s\" is not a trust code", (long long)i + 1, code);
        }
        R_SetExternalPtrAddr(pg, p);
        if (!(from_register && STRING_ELT(status, i) == NA_STRING))
            check(ta_capital_proposal_set_status(p, status_of(status, i, pg, rg)), pg, rg, i);
        check(ta_capital_proposal_set_amount(p, pence), pg, rg, i);
        check(ta_capital_proposal_set_savings(p, saved), pg, rg, i);
        check(ta_capital_proposal_set_funding(p, funding_of(funding, i, pg, rg)), pg, rg, i);
        check(ta_capital_proposal_set_segment(p, seg == NA_INTEGER ? 0 : seg), pg, rg, i);
        check(ta_capital_proposal_set_distress(p, tri(LOGICAL(distress)[i])), pg, rg, i);
        check(ta_capital_proposal_set_deficit(p, tri(LOGICAL(deficit)[i])), pg, rg, i);
        check(ta_capital_proposal_set_vat(
                  p, STRING_ELT(vat, i) == NA_STRING ? 0 : money(vat, i, "vat", pg, rg)),
              pg, rg, i);
        check(ta_capital_proposal_set_date(p, d), pg, rg, i);
        if (from_register)
            check(ta_capital_proposal_apply_register(p, reg), pg, rg, i);
        check(ta_capital_proposal_check(p, rules), pg, rg, i);
        if ((st = ta_money_format(text, sizeof text, pence, TA_MONEY_POUND | TA_MONEY_GROUPED)) !=
            TA_OK) {
            release(pg, rg);
            tar_raise(st, ta_strerror(st));
        }
        SET_STRING_ELT(VECTOR_ELT(out, OUT_AMOUNT), i, tar_mkchar(text));
        for (int c = OUT_ROUTE; c < N_OUT; c++) {
            const char *v = ta_capital_proposal_output(p, fields[c - OUT_ROUTE]);
            if (!v)
                check(TA_ESTATE, pg, rg, i);
            SET_STRING_ELT(VECTOR_ELT(out, c), i,
                           c == OUT_HEADROOM && v[0] == '\0' ? NA_STRING : tar_mkchar(v));
        }
        check(ta_capital_proposal_compared(&compared, p), pg, rg, i);
        check(ta_capital_proposal_headroom(&has_headroom, &largest, &headroom, p), pg, rg, i);
        {
            double *amount_pence = REAL(VECTOR_ELT(out, NUM_AMOUNT));
            double *headroom_pence = REAL(VECTOR_ELT(out, NUM_HEADROOM));
            amount_pence[i] = pence_real(pence, pg, rg, i);
            headroom_pence[i] = has_headroom ? pence_real(headroom, pg, rg, i) : NA_REAL;
        }
    }
    release(pg, rg);
    tar_guard_free(register_guard);
    UNPROTECT(4);
    return out;
}
