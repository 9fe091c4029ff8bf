/*
 * libtrustassess: capital-investment routes, the £100m light-paperwork rule.
 *
 * Three handles:
 *
 *   ta_capital_rules      the rule set: thresholds in pence, who and what
 *                         funding may take the light route, the standard
 *                         route's delegated limits and tiers, the documents
 *                         each tier needs. Every parameter carries the id of
 *                         its source (A1, C1, C2, C3, C4, "our reading" or
 *                         "placeholder"; see docs/capital.md).
 *   ta_capital_proposal   one scheme of one trust, and after a check its
 *                         verdict: route, approvers, documents, headroom and
 *                         every rule that decided it.
 *   ta_capital_portfolio  several proposals (e.g. one trust's capital plan, or
 *                         a proposals CSV file); parts sharing a scheme
 *                         reference are judged on their total.
 *
 * Rule sets are made with ta_capital_rules_preset(&r, "capital-2025", NULL),
 * or ta_capital_rules_new() and the setters, or a rules CSV file
 * (ta_capital_rules_read_file; format in docs/capital.md). Checks only read a
 * rule set, so one that is no longer changed may be shared between threads.
 *
 * Amounts are int64_t pence (see trustassess/money.h for text). Strings
 * passed in are copied; strings returned are owned by the handle and valid
 * until the next call that changes it, or its _free.
 */
#ifndef TRUSTASSESS_CAPITAL_H
#define TRUSTASSESS_CAPITAL_H

#include "common.h"
#include "date.h"
#include "money.h"
#include "register.h"
#include "trust.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ta_capital_rules ta_capital_rules;
typedef struct ta_capital_proposal ta_capital_proposal;
typedef struct ta_capital_portfolio ta_capital_portfolio;

/* How a scheme is funded. */
typedef enum ta_capital_funding {
    TA_FUNDING_OWN_SAVINGS = 0, /* the trust's own savings since the reference date */
    TA_FUNDING_NATIONAL = 1,    /* a national allocation */
    TA_FUNDING_MIXED = 2        /* partly each (or other sources) */
} ta_capital_funding;

typedef enum ta_capital_route {
    TA_ROUTE_LIGHT = 0,   /* the AFT light-paperwork route */
    TA_ROUTE_STANDARD = 1 /* the business-case approval route */
} ta_capital_route;

/* Tiers, lightest first: a check reaches exactly one. */
typedef enum ta_capital_tier {
    TA_TIER_LIGHT = 0, /* light route: the trust board alone, reduced paperwork */
    TA_TIER_BOARD = 1, /* standard route within the delegated limit: the trust board */
    TA_TIER_JISC = 2,  /* over the delegated limit: also JISC (NHS England and DHSC) */
    TA_TIER_HMT = 3    /* over the HM Treasury limit: also HM Treasury */
} ta_capital_tier;

/* The name of a ta_capital_tier value ("light", "board", "jisc", ...); "" for a value outside the
 * enum. Static storage. */
TA_API const char *ta_capital_tier_name(ta_capital_tier v);

/* Approving bodies, in the order a scheme goes to them. */
typedef enum ta_capital_body {
    TA_BODY_TRUST_BOARD = 0,
    TA_BODY_JISC = 1, /* NHS England and DHSC Joint Investment Sub-Committee */
    TA_BODY_HM_TREASURY = 2
} ta_capital_body;

/* Business-case documents (bits; combine with |). */
#define TA_DOC_SOC 1u /* strategic outline case */
#define TA_DOC_OBC 2u /* outline business case */
#define TA_DOC_FBC 4u /* full business case */
#define TA_DOC_BJC 8u /* business justification case (smaller schemes) */
#define TA_DOC_ALL 15u

/* Rule-set parameters. Every value is an int64_t: pence for amounts (-1 =
 * not set, for the per-segment limits), 0/1 for yes/no, bits for sets. */
typedef enum ta_capital_param {
    TA_CP_LIGHT_THRESHOLD = 0,     /* pence; A1 "less than £100 million" */
    TA_CP_LIGHT_INCLUSIVE = 1,     /* 0: light if amount < threshold; 1: <= */
    TA_CP_LIGHT_STATUSES = 2,      /* bits 1 << ta_ft_status that may take the light route */
    TA_CP_LIGHT_FUNDING = 3,       /* bits 1 << ta_capital_funding that count as own savings */
    TA_CP_LIGHT_NEEDS_SAVINGS = 4, /* 1: savings available must cover the amount */
    TA_CP_LIMIT_NHS_TRUST = 5,     /* delegated limit of an NHS trust, pence */
    TA_CP_LIMIT_FT_DISTRESS = 6,   /* of a foundation trust in financial distress */
    TA_CP_LIMIT_FT = 7,            /* of a foundation trust not in distress (AFTs too) */
    TA_CP_LIMIT_SEGMENT_1 = 8,     /* per NOF segment (C2 table 1), -1 = not set; */
    TA_CP_LIMIT_SEGMENT_2 = 9,     /*   when set, replaces the three limits above for */
    TA_CP_LIMIT_SEGMENT_3 = 10,    /*   a trust in that segment */
    TA_CP_LIMIT_SEGMENT_4 = 11,
    TA_CP_LIMIT_SEGMENT_5 = 12,
    TA_CP_HMT_LIMIT = 13,        /* HM Treasury capital delegated limit, pence */
    TA_CP_TIER_INCLUSIVE = 14,   /* 0: a tier is needed when amount > limit; 1: >= */
    TA_CP_VAT_INCLUDED = 15,     /* 1: the proposal's VAT is added to the amount compared */
    TA_CP_WHOLE_LIFE = 16,       /* 1: whole-life cost is compared (when given) */
    TA_CP_UNKNOWN_DISTRESS = 17, /* 1: an unknown distress flag counts as distress */
    TA_CP_DOCS_LIGHT = 18,       /* TA_DOC_* bits each tier needs */
    TA_CP_DOCS_BOARD = 19,
    TA_CP_DOCS_JISC = 20,
    TA_CP_DOCS_HMT = 21,
    /* Sound finances for the light route (A1: trusts that "prove ... sound
     * finances"; the tests are our reading). */
    TA_CP_LIGHT_NO_DISTRESS = 22,      /* 1: a trust in financial distress may not take it */
    TA_CP_LIGHT_NO_DEFICIT = 23,       /* 1: a trust in financial deficit may not take it */
    TA_CP_LIGHT_MAX_SEGMENT = 24,      /* worst NOF segment that may take it, 1..5; 0 = any */
    TA_CP_LIGHT_UNKNOWN_FINANCES = 25, /* 1: unknown distress, deficit or segment closes it */
    /* "Money they've saved since last year" (A1): with a scheme date and savings
     * per financial year, the years counted are the date's financial year and
     * the N before it (0..50). */
    TA_CP_SAVINGS_YEARS = 26
} ta_capital_param;
#define TA_CAPITAL_PARAM_COUNT 27

/* ---- rule sets ---------------------------------------------------------- */

/* Built-in rule sets by name ("capital-2025"). TA_ENOTFOUND for an unknown
 * name. */
TA_API ta_status ta_capital_rules_preset(ta_capital_rules **out, const char *name,
                                         const ta_allocator *alloc);
TA_API size_t ta_capital_rules_preset_count(void);
TA_API const char *ta_capital_rules_preset_name(size_t i);

/* A rule set named `name` holding the "capital-2025" values, to be changed
 * with the setters or a rules file. */
TA_API ta_status ta_capital_rules_new(ta_capital_rules **out, const char *name,
                                      const ta_allocator *alloc);
TA_API void ta_capital_rules_free(ta_capital_rules *r);
/* The message of the rule set's last failed call ("" if none). */
TA_API const char *ta_capital_rules_error(const ta_capital_rules *r);
TA_API const char *ta_capital_rules_name(const ta_capital_rules *r);

/* Sets a parameter and the id of its source (1..63 printable characters,
 * e.g. "C1"). TA_EINVAL for a bad parameter or source, TA_ERANGE for a value
 * outside the parameter's domain (negative amount, a bit outside its set). */
TA_API ta_status ta_capital_rules_set(ta_capital_rules *r, ta_capital_param p, int64_t value,
                                      const char *source);
/* A parameter's value and source (owned by the rule set). Out-pointers may be
 * NULL. */
TA_API ta_status ta_capital_rules_get(int64_t *value, const char **source,
                                      const ta_capital_rules *r, ta_capital_param p);
/* The parameter's value as rules-file text (e.g. "£100,000,000.00", "<",
 * "Advanced foundation trust", "SOC;OBC;FBC", "none"). */
TA_API ta_status ta_capital_rules_value_text(char *buf, size_t size, const ta_capital_rules *r,
                                             ta_capital_param p);
/* Sets a parameter from rules-file text (the name as ta_capital_param_name). */
TA_API ta_status ta_capital_rules_set_text(ta_capital_rules *r, const char *param,
                                           const char *value, const char *source);
/* Reads a rules CSV (columns Parameter,Value,Source; more columns ignored)
 * from memory or a file, over the current values. On failure the rule set is
 * unchanged and the message names file, line and column. */
TA_API ta_status ta_capital_rules_read_buffer(ta_capital_rules *r, const char *data, size_t len,
                                              const char *name);
TA_API ta_status ta_capital_rules_read_file(ta_capital_rules *r, const char *path);

/* A parameter's rules-file name ("light_threshold") and a one-sentence
 * description; "" for a bad parameter. Static storage. */
TA_API const char *ta_capital_param_name(ta_capital_param p);
TA_API const char *ta_capital_param_description(ta_capital_param p);

/* Static names: "light"/"standard"; "Trust board", "JISC (NHS England and
 * DHSC)", "HM Treasury"; "SOC", "OBC", "FBC", "BJC" for a single TA_DOC_ bit;
 * "Own savings"/"National"/"Mixed"; "NHS trust"/"Foundation trust"/
 * "Advanced foundation trust". "" for a bad value. */
TA_API const char *ta_capital_route_name(ta_capital_route route);
TA_API const char *ta_capital_body_name(ta_capital_body body);
TA_API const char *ta_capital_document_name(unsigned doc);
TA_API const char *ta_capital_funding_name(ta_capital_funding funding);

/* The inverse of ta_capital_funding_name: the text matched without regard to
 * ASCII case or surrounding spaces, as the proposals CSV reader matches it.
 * TA_EPARSE for any other text. */
TA_API ta_status ta_capital_funding_parse(ta_capital_funding *out, const char *text);

/* ---- proposals ---------------------------------------------------------- */

/* A proposal of trust `trust_code` for scheme `scheme_ref` (each 1..64
 * printable characters). Defaults: NHS trust, segment 0 (unknown), distress
 * unknown, amount 0, VAT 0, no whole-life cost, own-savings funding, savings
 * available 0, not checked. */
TA_API ta_status ta_capital_proposal_new(ta_capital_proposal **out, const char *trust_code,
                                         const char *scheme_ref, const ta_allocator *alloc);
TA_API void ta_capital_proposal_free(ta_capital_proposal *p);
TA_API const char *ta_capital_proposal_error(const ta_capital_proposal *p);

/* The trust code and scheme reference given to ta_capital_proposal_new. */
TA_API const char *ta_capital_proposal_trust_code(const ta_capital_proposal *p);
TA_API const char *ta_capital_proposal_scheme_ref(const ta_capital_proposal *p);

/* Setters. Each one discards an earlier verdict. Amounts are pence >= 0
 * (TA_ERANGE otherwise); segment 0..5 (0 = unknown); enums outside their
 * values are TA_EINVAL. */
TA_API ta_status ta_capital_proposal_set_scheme_name(ta_capital_proposal *p, const char *name);
TA_API ta_status ta_capital_proposal_set_status(ta_capital_proposal *p, ta_ft_status status);
TA_API ta_status ta_capital_proposal_set_segment(ta_capital_proposal *p, int segment);
TA_API ta_status ta_capital_proposal_set_distress(ta_capital_proposal *p, ta_tristate distress);
TA_API ta_status ta_capital_proposal_set_amount(ta_capital_proposal *p, int64_t pence);
TA_API ta_status ta_capital_proposal_set_vat(ta_capital_proposal *p, int64_t pence);
/* A negative value removes the whole-life cost. */
TA_API ta_status ta_capital_proposal_set_whole_life_cost(ta_capital_proposal *p, int64_t pence);
TA_API ta_status ta_capital_proposal_set_funding(ta_capital_proposal *p,
                                                 ta_capital_funding funding);
TA_API ta_status ta_capital_proposal_set_savings(ta_capital_proposal *p, int64_t pence);

/* Getters, one per setter above: the values as set (defaults when unset). */
TA_API const char *ta_capital_proposal_scheme_name(const ta_capital_proposal *p);
TA_API ta_ft_status ta_capital_proposal_status(const ta_capital_proposal *p);
TA_API int ta_capital_proposal_segment(const ta_capital_proposal *p);
TA_API ta_tristate ta_capital_proposal_distress(const ta_capital_proposal *p);
TA_API int64_t ta_capital_proposal_amount(const ta_capital_proposal *p);
TA_API int64_t ta_capital_proposal_vat(const ta_capital_proposal *p);
TA_API int64_t ta_capital_proposal_whole_life_cost(const ta_capital_proposal *p); /* -1 = none */
TA_API ta_capital_funding ta_capital_proposal_funding(const ta_capital_proposal *p);
TA_API int64_t ta_capital_proposal_savings(const ta_capital_proposal *p);

/* The trust's financial deficit flag (default unknown), for the light route's
 * sound-finances test. */
TA_API ta_status ta_capital_proposal_set_deficit(ta_capital_proposal *p, ta_tristate deficit);
TA_API ta_tristate ta_capital_proposal_deficit(const ta_capital_proposal *p);
/* The date of the scheme (its decision). {0,0,0} removes it; another
 * impossible date is TA_EINVAL. *has = 0 when none. A status taken from a
 * register was that of the old date: it is dropped (the status given, or the
 * default, is back) until a register is applied again. */
TA_API ta_status ta_capital_proposal_set_date(ta_capital_proposal *p, ta_date date);
TA_API ta_status ta_capital_proposal_date(int *has, ta_date *date, const ta_capital_proposal *p);
/* Own savings built up in the financial year starting 1 April `year`
 * (1..9998), pence >= 0; a negative amount removes the year. With a date and
 * at least one year given, the savings counted are those of the date's
 * financial year and the TA_CP_SAVINGS_YEARS years before it, instead of the
 * stated figure (ta_capital_proposal_set_savings). At most 64 years. */
TA_API ta_status ta_capital_proposal_set_year_savings(ta_capital_proposal *p, int32_t year,
                                                      int64_t pence);
/* The savings the light route counted in the last check (the stated figure or
 * the sum of the years); TA_ESTATE before a check. */
TA_API ta_status ta_capital_proposal_savings_counted(int64_t *pence, const ta_capital_proposal *p);
/* Takes the trust's status on the proposal's date from register reg
 * (trustassess/register.h), replacing the status given; the verdict's reasons
 * say so, and whether a status given (by the setter or a Trust_status cell,
 * never by an earlier register read) disagreed. TA_ESTATE without a date,
 * TA_ENOTFOUND (with a message) when the register has no event of the trust on
 * or before the date, TA_EINCONSISTENT when the trust has ceased by then. */
TA_API ta_status ta_capital_proposal_apply_register(ta_capital_proposal *p, const ta_register *reg);

/* ---- the check ---------------------------------------------------------- */

/* Decides the route of one proposal under rule set r and keeps the verdict on
 * the proposal. TA_ERANGE (with a message) if the compared amount overflows. */
TA_API ta_status ta_capital_proposal_check(ta_capital_proposal *p, const ta_capital_rules *r);

/* The verdict; each is TA_ESTATE (with a message) before a check. */
TA_API ta_status ta_capital_proposal_route(ta_capital_route *route, ta_capital_tier *tier,
                                           const ta_capital_proposal *p);
/* Approving bodies in order (the trust board first). */
TA_API size_t ta_capital_proposal_approver_count(const ta_capital_proposal *p);
TA_API ta_status ta_capital_proposal_approver(ta_capital_body *body, const ta_capital_proposal *p,
                                              size_t i);
/* TA_DOC_* bits of the documents required. */
TA_API ta_status ta_capital_proposal_documents(unsigned *docs, const ta_capital_proposal *p);
/* The amount compared with the thresholds (after the VAT and whole-life
 * rules, and the scheme total in a portfolio). TA_EINVAL for a NULL
 * out-pointer. */
TA_API ta_status ta_capital_proposal_compared(int64_t *compared, const ta_capital_proposal *p);
/* Whether the light route is open at all (status and funding); the largest
 * compared amount that would still take it; headroom = largest - compared
 * (negative when over). When the light route is closed, *has_headroom is 0
 * and the others are 0. Any out-pointer may be NULL. */
TA_API ta_status ta_capital_proposal_headroom(int *has_headroom, int64_t *largest_light,
                                              int64_t *headroom, const ta_capital_proposal *p);
/* Every rule that decided the verdict, in the order applied: a rule id (e.g.
 * "light.threshold") and one sentence naming its figures and source. */
TA_API size_t ta_capital_proposal_reason_count(const ta_capital_proposal *p);
TA_API ta_status ta_capital_proposal_reason(const char **rule_id, const char **sentence,
                                            const ta_capital_proposal *p, size_t i);
/* 1 if a portfolio check judged this part on its scheme's total and the total
 * took a heavier route than the part alone would have. */
TA_API int ta_capital_proposal_split_flagged(const ta_capital_proposal *p);

/* The verdict as output text, as the command prints it. */
typedef enum ta_capital_output {
    TA_OUT_ROUTE = 0,     /* "light" or "standard" */
    TA_OUT_APPROVERS = 1, /* "Trust board; JISC (NHS England and DHSC)" */
    TA_OUT_DOCUMENTS = 2, /* "SOC; OBC; FBC" */
    TA_OUT_HEADROOM = 3,  /* "-£0.01", or "" when the light route is closed */
    TA_OUT_REASONS = 4    /* the sentences, each "rule_id: sentence", joined by " | " */
} ta_capital_output;

/* The name of a ta_capital_output value ("route", "approvers", "documents", ...); "" for a value
 * outside the enum. Static storage. */
TA_API const char *ta_capital_output_name(ta_capital_output v);
/* NULL (with a message) before a check or for a bad field. */
TA_API const char *ta_capital_proposal_output(const ta_capital_proposal *p,
                                              ta_capital_output field);

/* ---- portfolios --------------------------------------------------------- */

/* A new, empty portfolio of proposals; alloc NULL = malloc. */
TA_API ta_status ta_capital_portfolio_new(ta_capital_portfolio **out, const ta_allocator *alloc);
/* Frees the portfolio and its proposals; NULL is a no-op. */
TA_API void ta_capital_portfolio_free(ta_capital_portfolio *pf);
/* The message of the portfolio's last failed call ("" if none). */
TA_API const char *ta_capital_portfolio_error(const ta_capital_portfolio *pf);

/* Adds a new proposal (defaults as ta_capital_proposal_new) owned by the
 * portfolio; *out (may be NULL) receives it, valid until the portfolio is
 * freed. */
TA_API ta_status ta_capital_portfolio_add(ta_capital_proposal **out, ta_capital_portfolio *pf,
                                          const char *trust_code, const char *scheme_ref);
TA_API size_t ta_capital_portfolio_count(const ta_capital_portfolio *pf);
TA_API ta_capital_proposal *ta_capital_portfolio_proposal(const ta_capital_portfolio *pf, size_t i);

/* Checks every proposal. Proposals with the same trust code and scheme
 * reference are parts of one scheme: each part is judged on the parts' total
 * compared amount, with a reason saying so, and flagged when the total takes a
 * heavier route than the part alone. TA_ERANGE if a total overflows. */
TA_API ta_status ta_capital_portfolio_check(ta_capital_portfolio *pf, const ta_capital_rules *r);

/* ta_capital_proposal_apply_register for every proposal with a date. Stops
 * at the first failure, with a message naming the proposal's input line. */
TA_API ta_status ta_capital_portfolio_apply_register(ta_capital_portfolio *pf,
                                                     const ta_register *reg);

/* Reading a proposals CSV. Required columns (any order, names matched without
 * regard to ASCII case): Scheme_ref, Trust_code, Trust_status ("NHS trust",
 * "Foundation trust", "Advanced foundation trust"), Amount and
 * Own_savings_available (money text), Funding ("Own savings", "National",
 * "Mixed"). Optional: Scheme_name, NOF_segment (0..5, "" = 0), Financial_distress
 * ("yes", "no", "" = unknown), VAT and Whole_life_cost (money, "" = none),
 * Financial_deficit ("yes", "no", "" = unknown), Date (YYYY-MM-DD, "" =
 * none) and Savings_YYYY_YY (money, "" = none: the own savings built up in
 * that financial year, e.g. Savings_2025_26). Trust_status may be empty in a
 * row with a Date: the status then comes from a register
 * (ta_capital_portfolio_apply_register), and a check without one is
 * TA_ESTATE. Other columns are kept for output. Blank lines are skipped.
 *
 * Without TA_CAPITAL_KEEP_GOING a file with any row error adds nothing and
 * fails with the first error; every row error is still recorded. With it,
 * good rows are added, bad rows are recorded and the call returns TA_OK. A
 * CSV syntax error or a bad header ends the read either way. Messages read
 * "NAME:LINE:COLUMN: what". A portfolio reads one header: a second file must
 * have the same columns (TA_EINCONSISTENT otherwise). */
#define TA_CAPITAL_KEEP_GOING 1u
TA_API ta_status ta_capital_portfolio_read_buffer(ta_capital_portfolio *pf, const char *data,
                                                  size_t len, const char *name, unsigned flags);
TA_API ta_status ta_capital_portfolio_read_file(ta_capital_portfolio *pf, const char *path,
                                                unsigned flags);
/* Row errors of the reads so far: row error i's line, 1-based column (0 =
 * the whole row) and status (any out-pointer may be NULL; TA_ERANGE when i
 * is out of range), and its message ("NAME:LINE:COLUMN: what", owned by the
 * portfolio; NULL when i is out of range). */
TA_API size_t ta_capital_portfolio_row_error_count(const ta_capital_portfolio *pf);
TA_API ta_status ta_capital_portfolio_row_error(size_t *line, size_t *column, ta_status *status,
                                                const ta_capital_portfolio *pf, size_t i);
TA_API const char *ta_capital_portfolio_row_error_message(const ta_capital_portfolio *pf, size_t i);

/* The columns read (the input's header, in order) and proposal i's text in
 * column c ("" for proposals added in code). The input line of proposal i
 * (0 if added in code). */
TA_API size_t ta_capital_portfolio_column_count(const ta_capital_portfolio *pf);
TA_API const char *ta_capital_portfolio_column_name(const ta_capital_portfolio *pf, size_t c);
TA_API const char *ta_capital_portfolio_cell(const ta_capital_portfolio *pf, size_t i, size_t c);
TA_API size_t ta_capital_portfolio_line(const ta_capital_portfolio *pf, size_t i);

#ifdef __cplusplus
}
#endif

#endif /* TRUSTASSESS_CAPITAL_H */
