/*
 * Internal: the layout of criteria sets and screens, shared by the files of
 * the eligibility module (criteria.c, criteria_csv.c, evidence.c,
 * apply_criterion.c, screen.c, export.c).
 *
 * A criterion is plain data: its kind and parameters, plus the canonical
 * Parameters text, so a set built in code and one read from CSV print alike.
 * A screen borrows its evidence (a published file or assessments) and owns
 * everything it computes: one result per (trust, criterion) per level, each
 * with its own reason and change sentences, so exports are pure formatting.
 */
#ifndef TAI_ELIGIBILITY_INTERNAL_H
#define TAI_ELIGIBILITY_INTERNAL_H

#include "common/error.h"
#include "common/strmap.h"
#include "common/text.h"
#include "trustassess/eligibility.h"

/* Comparisons of decimal figures allow this much binary rounding. */
#define TAI_ELIG_EPS 1e-9

typedef struct tai_criterion {
    char *id, *name, *params, *source, *reading;
    ta_criterion_kind kind;
    int segment, quarters; /* segment_at_most */
    double threshold;      /* domain_score_at_most */
    char *ref;             /* domain, metric or judgement key */
    ta_cqc_rating cqc;     /* cqc rating */
    char *where;           /* "FILE:LINE:COLUMN" of its Parameters when read from a file */
} tai_criterion;

struct ta_criteria {
    ta_allocator alloc;
    tai_error err;
    char *name;
    tai_criterion *items;
    size_t n, cap;
};

/* Checks an id (1..32 of [A-Za-z0-9_-]). */
int tai_criteria_id_ok(const char *id);
/* Removes criteria n_keep .. n-1 (used to undo a failed file). */
void tai_criteria_truncate(ta_criteria *c, size_t n_keep);

/* ---- the screen -------------------------------------------------------- */

typedef struct tai_judgement {
    char *key;
    char *note;
    ta_tristate value;
} tai_judgement;

typedef struct tai_screen_trust {
    char *code, *name, *type;
    tai_judgement *judgements;
    size_t n_judgements, cap_judgements;
    int has_cqc;
    ta_cqc_rating cqc;
    ta_date cqc_date;
} tai_screen_trust;

typedef struct tai_result {
    ta_criterion_outcome outcome;
    int has_value, has_threshold;
    double value, threshold;
    size_t period;
    char *reason;
    char *change; /* what would make it met */
} tai_result;

typedef struct tai_level {
    size_t n_criteria;
    char **ids, **names;
    tai_result *results; /* n_trusts * n_criteria, trust-major */
    ta_eligibility *verdicts;
    size_t *counts; /* 3 per trust: met, not met, no evidence */
    char **changes; /* per trust: "" unless close */
} tai_level;

struct ta_screen {
    ta_allocator alloc;
    tai_error err;
    const ta_framework *fw;
    ta_nhse_file *file;            /* NULL over assessments */
    ta_assessment **owned;         /* built from the file */
    const ta_assessment **periods; /* one per quarter, oldest first */
    char **labels;
    size_t n_periods;
    tai_screen_trust *trusts;
    size_t n_trusts;
    tai_strmap trust_map;
    int has_as_of;
    ta_date as_of;
    int quarters;
    int has_run;
    int has_iho;
    tai_level levels[2];
    tai_text out;
    /* peer statistics of the current run (peers.c) */
    tai_strmap peer_map;
    int peer_map_ready;
    struct tai_peer_stat {
        double value;
        size_t n_peers;
    } * peer_stats;
    size_t n_peer_stats, peer_stats_cap;
};

/* ---- evidence (evidence.c): one figure of one trust in one period ------- */

/* The adjusted segment. */
ta_status tai_ev_segment(const ta_screen *s, size_t q, const char *code, int *has, int *segment);
/* A flag: TA_UNKNOWN when not published for the trust in q. */
ta_status tai_ev_flag(const ta_screen *s, size_t q, const char *code, ta_flag flag,
                      ta_tristate *out);
/* Domain d's score. */
ta_status tai_ev_domain(const ta_screen *s, size_t q, const char *code, size_t d, int *has,
                        double *v);
/* Metric m's raw value (raw = 1) or score. */
ta_status tai_ev_metric(const ta_screen *s, size_t q, const char *code, size_t m, int raw, int *has,
                        double *v);
/* The trusts of period q (count, code, type). */
size_t tai_ev_trust_count(const ta_screen *s, size_t q);
const char *tai_ev_trust_code(const ta_screen *s, size_t q, size_t i);
const char *tai_ev_trust_type(const ta_screen *s, size_t q, size_t i);

/* ---- peer statistics (peers.c) -------------------------------------------- */

/* The quantile (n_out = 1: the median; 3: quartiles, *out the lower) of domain
 * idx's score (domain = 1) or metric idx's score or raw value over the trusts
 * of `type` in quarter q that have it, and their count in *n_peers. *out is
 * set when that count is at least 1, and is a quantile only when it is at
 * least 2 (0 for a single peer): callers go by *n_peers. Computed once per run
 * for every type. */
ta_status tai_peer_quantile(ta_screen *s, const char *type, int domain, size_t idx, int raw,
                            size_t q, size_t n_out, double *out, size_t *n_peers);
/* Forgets the statistics and frees their memory (at the end of each run). */
void tai_peers_clear(ta_screen *s);

/* ---- rules (apply_criterion.c): one criterion for one trust ------------- */

/* Fills *r (reason and change allocated with the screen's allocator).
 * TA_ENOTFOUND with a message for an unknown domain or metric; TA_ENOMEM. */
ta_status tai_rule_apply(ta_screen *s, const tai_criterion *c, const tai_screen_trust *t,
                         tai_result *r);

/* ---- export.c ----------------------------------------------------------- */

ta_status tai_screen_write(ta_screen *s, ta_screen_format format, const char *code);

#endif /* TAI_ELIGIBILITY_INTERNAL_H */
