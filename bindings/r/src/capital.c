/*
 * capital_route(): the £100m rule for a column of amounts.
 *
 * One proposal per element, checked under the built-in "capital-2025" rule
 * set (ta_capital_proposal_check); the route, approvers, documents, headroom
 * and reasons are the library's output text (ta_capital_proposal_output), so
 * R shows what the command prints. Money is text both ways and is parsed and
 * formatted only by money.h: "£99,999,999.99" is exactly 9999999999 pence.
 */
#include <stdio.h>
#include <string.h>

#include "glue.h"

/* Frees both handles (before an R error, or at the end). */
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
        if (same_name(text, ta_capital_status_name((ta_ft_status)s)))
            return (ta_ft_status)s;
    release(pg, rg);
    tar_raisef(TA_EINVAL, "status[%lld] \"%s\" is not \"%s\", \"%s\" or \"%s\"", (long long)i + 1,
               text, ta_capital_status_name(TA_NHS_TRUST),
               ta_capital_status_name(TA_FOUNDATION_TRUST),
               ta_capital_status_name(TA_ADVANCED_FOUNDATION_TRUST));
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

SEXP tar_capital_route(SEXP amount, SEXP status, SEXP savings, SEXP funding, SEXP segment,
                       SEXP distress)
{
    R_xlen_t n = XLENGTH(amount);
    SEXP rg, pg, out;
    ta_capital_rules *rules = NULL;
    ta_capital_proposal *p = NULL;
    ta_status st;
    if (TYPEOF(amount) != STRSXP || TYPEOF(status) != STRSXP || TYPEOF(savings) != STRSXP ||
        TYPEOF(funding) != STRSXP || TYPEOF(segment) != INTSXP || TYPEOF(distress) != LGLSXP ||
        XLENGTH(status) != n || XLENGTH(savings) != n || XLENGTH(funding) != n ||
        XLENGTH(segment) != n || XLENGTH(distress) != n)
        tar_raise(TA_EINVAL, "internal: capital_route arguments not recycled");
    rg = PROTECT(tar_guard_new(TAR_CAPITAL_RULES));
    if ((st = ta_capital_rules_preset(&rules, "capital-2025", NULL)) != TA_OK)
        tar_raisef(st, "capital-2025: %s", ta_strerror(st));
    R_SetExternalPtrAddr(rg, rules);
    pg = PROTECT(tar_guard_new(TAR_CAPITAL_PROPOSAL));
    if ((st = ta_capital_proposal_new(&p, "TRUST", "scheme", NULL)) != TA_OK) {
        tar_guard_free(rg);
        tar_raise(st, ta_strerror(st));
    }
    R_SetExternalPtrAddr(pg, p);
    out = PROTECT(Rf_allocVector(VECSXP, N_OUT));
    for (int c = 0; c < N_OUT; c++)
        SET_VECTOR_ELT(out, c, Rf_allocVector(STRSXP, n));
    for (R_xlen_t i = 0; i < n; i++) {
        static const ta_capital_output fields[] = {TA_OUT_ROUTE, TA_OUT_APPROVERS, TA_OUT_DOCUMENTS,
                                                   TA_OUT_HEADROOM, TA_OUT_REASONS};
        char text[TA_MONEY_BUFSIZE];
        int64_t pence, saved;
        int seg = INTEGER(segment)[i], dis = LOGICAL(distress)[i];
        ta_ft_status fts;
        ta_capital_funding fund;
        if (STRING_ELT(amount, i) == NA_STRING) {
            for (int c = 0; c < N_OUT; c++)
                SET_STRING_ELT(VECTOR_ELT(out, c), i, NA_STRING);
            continue;
        }
        if (STRING_ELT(savings, i) == NA_STRING) {
            release(pg, rg);
            tar_raisef(TA_EINVAL, "savings[%lld] is NA", (long long)i + 1);
        }
        pence = money(amount, i, "amount", pg, rg);
        saved = money(savings, i, "savings", pg, rg);
        fts = status_of(status, i, pg, rg);
        fund = funding_of(funding, i, pg, rg);
        check(ta_capital_proposal_set_amount(p, pence), pg, rg, i);
        check(ta_capital_proposal_set_savings(p, saved), pg, rg, i);
        check(ta_capital_proposal_set_status(p, fts), pg, rg, i);
        check(ta_capital_proposal_set_funding(p, fund), pg, rg, i);
        check(ta_capital_proposal_set_segment(p, seg == NA_INTEGER ? 0 : seg), pg, rg, i);
        check(ta_capital_proposal_set_distress(p, dis == NA_LOGICAL ? TA_UNKNOWN
                                                  : dis             ? TA_YES
                                                                    : TA_NO),
              pg, rg, i);
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
    }
    release(pg, rg);
    UNPROTECT(3);
    return out;
}
