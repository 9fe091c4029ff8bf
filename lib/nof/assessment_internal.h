/*
 * Internal: the layout of an assessment and the steps of a run.
 *
 * The handle is in assessment.c, input in assessment_input.c, the run in
 * assessment_run.c and the getters in assessment_results.c.
 *
 * Inputs are kept column-friendly for bulk use: one row of n_metrics doubles
 * per trust for raw values and for supplied scores (NaN = not given), and a
 * sparse list for the rarely supplied external ranks. A run fills the score
 * matrix and one tai_result per trust; each step of the method is one
 * function in its own file:
 *   scoring.c  metric scores (rank scaling, standards, bands, combinations)
 *   average.c  average and domain scores, and their rounding
 *   segment.c  cut-offs, segments, the deficit cap and the RSP segment
 *   league.c   ranks within trust type and league order
 */
#ifndef TAI_ASSESSMENT_INTERNAL_H
#define TAI_ASSESSMENT_INTERNAL_H

#include "common/error.h"
#include "common/strmap.h"
#include "framework_internal.h"
#include "trust_internal.h"
#include "trustassess/assessment.h"

typedef struct tai_trust_row {
    char code[TAI_CODE_MAX + 1];
    char *fields[TAI_N_FIELDS];
    ta_ft_status ft_status;
    ta_tristate flags[TAI_N_FLAGS];
    double given_average; /* a published average, used without scores (NaN = none) */
} tai_trust_row;

typedef struct tai_rank_input {
    size_t trust, metric;
    uint32_t rank, pool;
} tai_rank_input;

typedef struct tai_result {
    double average;    /* unrounded mean */
    double rounded;    /* rounded half up to the framework's decimals */
    int64_t key;       /* rounded * 10^decimals, exact: what segments and ranks compare */
    uint32_t n_scores; /* scores the average is the mean of */
    int given;         /* no score: the average is the trust's given (published) one */
    uint32_t rank;
    int unadjusted, adjusted, final_segment;
    ta_reason reason;
    size_t type_order; /* position of the trust's type in byte order of types */
} tai_result;

/* code_index.c: trust code -> row, over the rows' own codes (no key copies).
 * Reserve room for `count` codes in all before inserting; an insert cannot
 * fail then. */
typedef struct tai_code_slot {
    size_t hash;
    size_t row_plus1; /* 0 = empty */
} tai_code_slot;

typedef struct tai_code_index {
    const ta_allocator *alloc;
    tai_code_slot *slots;
    size_t cap; /* slots; the caller's reservations keep it under 70% full */
} tai_code_index;

size_t tai_code_hash(const char *code);
void tai_code_index_init(tai_code_index *x, const ta_allocator *alloc);
void tai_code_index_free(tai_code_index *x);
int tai_code_index_find(const tai_code_index *x, const tai_trust_row *rows, const char *code,
                        size_t hash, size_t *row);
ta_status tai_code_index_reserve(tai_code_index *x, size_t count);
void tai_code_index_insert(tai_code_index *x, size_t hash, size_t row);

/* A chunk of the pool that holds an assessment's field texts
 * (assessment_input.c; freed with the handle in assessment.c). */
typedef struct tai_text_chunk {
    struct tai_text_chunk *next;
    size_t used, cap;
    char data[];
} tai_text_chunk;

/* A note the run wants to record; returns TA_ENOMEM or TA_OK. */
typedef struct tai_notes {
    const ta_allocator *alloc;
    char **items;
    size_t count, cap;
} tai_notes;

ta_status tai_notes_add(tai_notes *notes, const char *text);
void tai_notes_clear(tai_notes *notes);

struct ta_assessment {
    ta_allocator alloc;
    const ta_framework *fw;
    tai_error err;
    char *period;
    size_t n_metrics;
    size_t n_trusts, trusts_cap;
    tai_trust_row *trusts;
    tai_code_index codes;
    tai_text_chunk *texts; /* the field texts (see field_copy) */
    double *values;        /* trusts_cap * n_metrics */
    double *supplied;      /* trusts_cap * n_metrics */
    tai_rank_input *ranks;
    size_t n_ranks, ranks_cap;
    int scores_only;      /* use given scores only: no rule derives a score */
    int no_reconstruct;   /* keep given scores as given (reconstruct.c) */
    size_t n_cutoffs_set; /* explicit cut-offs for this assessment (0 = framework's) */
    double cutoffs_set[TAI_MAX_CUTOFFS];
    /* results of the last run */
    int has_run;
    double *scores; /* n_trusts * n_metrics, NaN = none */
    tai_result *results;
    size_t *league;
    size_t n_league; /* set by each run's ranking; read only while has_run */
    size_t n_cutoffs;
    double cutoffs[TAI_MAX_CUTOFFS];
    tai_notes notes;
    size_t *ranked;            /* per metric: trusts ranked from values when the framework's pool
                                  for the period is wider (0 = no gap); NULL when none is */
    struct tai_likely *likely; /* likely_range.c: the last likely ranges, or NULL */
};

/* The last likely ranges (likely_range.c fills them, likely_result.c reads
 * and frees them): per trust, the rounded average as an exact key. */
struct tai_likely {
    size_t n_trusts;
    int64_t *avg_lo, *avg_hi; /* rounded average as an exact key; per trust */
    uint32_t *rank_lo, *rank_hi;
    unsigned char *has;
};

/* likely_result.c: frees a->likely (discarded with the results). */
void tai_likely_free(ta_assessment *a);

/* assessment.c: discards the last run's results (every change to the
 * inputs does, so a result never describes other inputs). */
void tai_assessment_discard(ta_assessment *a);

/* assessment_input.c: the readers' bulk path (lib/io). Appends trust `code`
 * with its four fields (as ta_trust_field), two flags (as ta_flag) and rows of
 * n_metrics values and supplied scores (NaN = none; NULL = no row), as
 * ta_assessment_add_trust does for a trust holding the same. The caller has
 * checked what the ta_trust setters check (finite numbers, scores in [1, 4]).
 * TA_EINVAL for an invalid code, TA_EDUPLICATE, TA_ENOMEM (the assessment is
 * then as it was); no message is set. */
ta_status tai_assessment_add_row(ta_assessment *a, const char *code, char *const *fields,
                                 const ta_tristate *flags, const double *values,
                                 const double *scores);

/* Whether a result has a segment: an average from scores or a given one. */
static inline int tai_segmented(const tai_result *r)
{
    return r->n_scores > 0 || r->given;
}

/* assessment_input.c: the published average of trust t, which segments and ranks
 * it when it has no metric score entering the average (NaN clears it). The
 * readers' path for league-table files; no message is set. */
void tai_assessment_set_given_average(ta_assessment *a, size_t t, double average);

/* scoring.c: the scoring rules, and filling scores[n_trusts * n_metrics]
 * from an assessment's inputs with them. */
/* The score between a rank-scored metric's bookends (1..4, 2..4 or 1..3) of a
 * trust with `better` trusts strictly better among the n ranked. */
double tai_bookend_score(ta_scoring scoring, size_t better, size_t n);
double tai_bracket_score(const tai_metric *m, double value);
int tai_misses_standard(ta_direction direction, double standard, double value);
double tai_band_score(const double *cuts, size_t n_cuts, ta_direction direction, double value);
ta_status tai_score_metrics(ta_assessment *a, double *scores);

/* reconstruct.c: replaces given rank-scored scores in scores[] by the
 * unrounded scores their pool sizes fix (notes say where they do not). */
ta_status tai_reconstruct_scores(ta_assessment *a, double *scores);

/* average.c: the mean of row's scores over metrics entering the average
 * (domain = (size_t)-1) or over one domain's such metrics. Returns the count;
 * *mean is the unrounded mean (scores a decimal within 1e-9 of a multiple of
 * 10^-decimals are taken as that decimal), NaN (0 / 0) when the count is 0. */
size_t tai_mean_scores(const tai_framework_def *def, const double *row, size_t domain,
                       double *mean);
/* The same mean in two halves: add each score x (scale = 10^decimals) to the
 * exact or other sum, then divide by the count n. */
void tai_mean_add(double x, double scale, double *exact_sum, double *other_sum);
double tai_mean_finish(double exact_sum, double other_sum, size_t n, double scale);
/* The mean of scores[0..n-1] (n > 0) under the same exactness rule. */
double tai_mean_of(const double *scores, size_t n, int decimals);

/* segment.c */
ta_status tai_cutoffs_from_population(double *out, size_t n_out, double *values, size_t n,
                                      ta_quantile definition);
int tai_segment_of(double rounded, const double *cutoffs, size_t n_cutoffs, ta_cutoff_rule rule);
int tai_apply_deficit_cap(int segment, ta_tristate deficit, int cap);
int tai_apply_rsp(int adjusted, ta_tristate rsp, int rsp_segment);
double tai_distance_to_better(double rounded, int unadjusted, const double *cutoffs,
                              ta_cutoff_rule rule, int decimals);

/* league.c: the rank rule. Sorts entries into league order (group, segment,
 * key, name, code) and sets each rank: 1 + the number of entries of the same
 * group with a strictly better (segment, key) pair. */
typedef struct tai_rank_entry {
    size_t item;  /* the caller's index */
    size_t group; /* ranks restart per group (trust type) */
    int segment;
    int64_t key; /* rounded average as an exact integer */
    const char *name;
    const char *code;
    uint32_t rank; /* out */
} tai_rank_entry;

void tai_rank_entries(tai_rank_entry *entries, size_t n);

/* Ranks within type and league order for the segmented trusts. */
ta_status tai_rank_league(ta_assessment *a);

#endif /* TAI_ASSESSMENT_INTERNAL_H */
