/*
 * Internal: the capital module's handles and the functions its files share.
 *
 * The rule set is a flat array of int64_t parameters with a source each, so a
 * rules file, the setters and the preset all write the same storage, and the
 * check reads one place. A proposal keeps its verdict (route, tier, reasons
 * and output texts) in one growable text buffer, addressed by offsets, so a
 * check allocates at most a few times and fails cleanly on ENOMEM.
 */
#ifndef TAI_CAPITAL_INTERNAL_H
#define TAI_CAPITAL_INTERNAL_H

#include <stddef.h>

#include "common/error.h"
#include "trustassess/capital.h"

#define TAI_CAPITAL_NAME_MAX 64   /* rule-set names, trust codes, scheme references */
#define TAI_CAPITAL_SOURCE_MAX 63 /* source ids of parameters */
#define TAI_CAPITAL_MAX_REASONS 24
#define TAI_CAPITAL_MAX_YEARS 64 /* savings per financial year on one proposal */
#define TAI_CAPITAL_OUTPUTS 5

struct ta_capital_rules {
    ta_allocator alloc;
    tai_error err;
    char name[TAI_CAPITAL_NAME_MAX + 1];
    int64_t value[TA_CAPITAL_PARAM_COUNT];
    char source[TA_CAPITAL_PARAM_COUNT][TAI_CAPITAL_SOURCE_MAX + 1];
};

/* The proposal's reason and output texts, NUL-separated in one buffer (a
 * pool of strings read by offset, not the growing string of common/text.h). */
typedef struct tai_capital_texts {
    char *buf;
    size_t len, cap;
} tai_capital_texts;

struct ta_capital_proposal {
    ta_allocator alloc;
    tai_error err;
    char *trust_code, *scheme_ref, *scheme_name;
    ta_ft_status status; /* the status the check reads: given, or the register's */
    ta_ft_status given;  /* the status given (setter, cell), or the default */
    int segment;
    ta_tristate distress;
    int64_t amount, vat, whole_life, savings;
    ta_capital_funding funding;
    ta_tristate deficit;
    int status_given;  /* the status was set (setter or a Trust_status cell), not by a register */
    int status_needed; /* a dated row with Trust_status empty: a register must give it */
    int32_t date;      /* Rata Die day of the scheme's date, 0 = none */
    int32_t years[TAI_CAPITAL_MAX_YEARS]; /* savings per financial year (start year) */
    int64_t year_pence[TAI_CAPITAL_MAX_YEARS];
    size_t n_years;
    tai_error register_note; /* the register's sentence; "" when none was applied */
    int64_t savings_counted; /* set by a check */
    /* Set by the proposals reader: input file, line and cell texts (n_cells of them). */
    char *file;
    size_t line, date_column; /* date_column: of the Date cell, 0 = none */
    char **cells;
    size_t n_cells;
    /* The verdict, valid when checked. */
    int checked;
    ta_capital_route route;
    ta_capital_tier tier;
    unsigned docs;
    int64_t compared, largest_light, headroom;
    int has_headroom, split_flagged;
    tai_capital_texts text;
    const char *reason_rule[TAI_CAPITAL_MAX_REASONS];
    size_t reason_off[TAI_CAPITAL_MAX_REASONS];
    size_t n_reasons;
    size_t out_off[TAI_CAPITAL_OUTPUTS];
};

/* A row the proposals reader rejected. */
typedef struct tai_row_error {
    size_t line, column;
    ta_status status;
    char msg[TAI_ERROR_SIZE];
} tai_row_error;

struct ta_capital_portfolio {
    ta_allocator alloc;
    tai_error err;
    ta_capital_proposal **items;
    size_t count, cap;
    char **columns; /* the header read, n_columns of them (0 before any read) */
    size_t n_columns;
    tai_row_error *row_errors;
    size_t n_row_errors, row_errors_cap;
};

/* Appends a proposal the portfolio will own. */
ta_status tai_capital_portfolio_push(ta_capital_portfolio *pf, ta_capital_proposal *p);

/* Validates an identifier: 1..TAI_CAPITAL_NAME_MAX printable ASCII bytes. */
int tai_capital_valid_name(const char *s);
/* ASCII case-insensitive equality of s[0..len) and the NUL-terminated word. */
int tai_capital_word_eq(const char *s, size_t len, const char *word);

/* Parses a status / funding name (trimmed, any ASCII case); 0 if unknown. */
int tai_capital_parse_status(const char *s, size_t len, ta_ft_status *out);
int tai_capital_parse_funding(const char *s, size_t len, ta_capital_funding *out);

/* Proposal internals used by the portfolio and the reader. */
ta_status tai_capital_proposal_create(ta_capital_proposal **out, const ta_allocator *alloc,
                                      const char *trust_code, const char *scheme_ref);
/* The amount compared with thresholds under r (TA_ERANGE on overflow). */
ta_status tai_capital_compared(const ta_capital_rules *r, const ta_capital_proposal *p,
                               int64_t *out);
/* Builds the full verdict on p for `compared`; parts > 1 says it is one of
 * `parts` parts of a split scheme whose own amount is own_compared. */
ta_status tai_capital_judge(ta_capital_proposal *p, const ta_capital_rules *r, int64_t compared,
                            size_t parts, int64_t own_compared);
void tai_capital_proposal_forget(ta_capital_proposal *p);

#endif /* TAI_CAPITAL_INTERNAL_H */
