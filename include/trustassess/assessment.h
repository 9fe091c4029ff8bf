/*
 * libtrustassess: an assessment, one period's segmentation and league table.
 *
 * A ta_assessment applies one framework to the trusts of one period:
 *
 *   metric scores -> average and domain scores -> unadjusted segment (cut-offs)
 *   -> deficit cap (adjusted segment) -> Recovery Support Programme (final
 *   segment) -> rank within trust type.
 *
 * Feed it trusts (ta_assessment_add_trust copies each one) or columns of
 * (trust code, metric ID, number) for bulk input, call ta_assessment_run(),
 * then read results by trust index (the order trusts were first added) or in
 * league order. Changing the inputs after a run discards the results; reading
 * results before a run is TA_ESTATE.
 *
 * Rules, each implemented in one place (see README "Rules implemented"):
 *   - the average is the plain mean of the trust's scores of metrics that enter
 *     the average; a domain score the mean of that domain's such scores;
 *   - averages are rounded half up to the framework's decimals; segments and
 *     ranks use the rounded average;
 *   - rank = 1 + number of trusts of the same type with a strictly better
 *     (adjusted segment, rounded average) pair, lower being better.
 * A trust with no score that enters the average is not segmented or ranked.
 *
 * Not thread-safe per handle: use one assessment per thread (they may share a
 * framework). Strings returned are owned by the assessment and valid until the
 * inputs change or it is freed. Reading results from several threads at once
 * is safe; changing inputs or running is not.
 */
#ifndef TRUSTASSESS_ASSESSMENT_H
#define TRUSTASSESS_ASSESSMENT_H

#include "common.h"
#include "framework.h"
#include "trust.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ta_assessment ta_assessment;

/* What a number in bulk input is. */
typedef enum ta_input_kind { TA_INPUT_VALUE = 0, TA_INPUT_SCORE = 1 } ta_input_kind;

/* The name of a ta_input_kind value ("value", "score"); "" for a value outside the enum.
 * Static storage. */
TA_API const char *ta_input_kind_name(ta_input_kind v);

/* Which rule settled the final segment. */
typedef enum ta_reason {
    TA_REASON_NONE = 0,        /* not segmented (no scores) */
    TA_REASON_CUTOFF = 1,      /* the average against the cut-offs */
    TA_REASON_DEFICIT_CAP = 2, /* raised to the cap for a trust in financial deficit */
    TA_REASON_RSP = 3          /* Recovery Support Programme */
} ta_reason;

/* The name of a ta_reason value ("none", "cutoff", "deficit_cap", ...); "" for a value outside the
 * enum. Static storage. */
TA_API const char *ta_reason_name(ta_reason v);

/* A new, empty assessment under framework fw (which must outlive it); alloc NULL = malloc. */
TA_API ta_status ta_assessment_new(ta_assessment **out, const ta_framework *fw,
                                   const ta_allocator *alloc);
/* Frees the assessment and everything it owns; NULL is a no-op. */
TA_API void ta_assessment_free(ta_assessment *a);
/* The message of the assessment's last failed call ("" if none). */
TA_API const char *ta_assessment_error(const ta_assessment *a);

/* A free-text period label, e.g. "Q4 2025/26" (copied). It names the
 * framework's comparison pool sizes of the period (ta_framework_metric_pool),
 * so setting it discards the results of an earlier run. */
TA_API ta_status ta_assessment_set_period(ta_assessment *a, const char *period);
TA_API const char *ta_assessment_period(const ta_assessment *a);

/* Copies the trust in. A trust code already present is TA_EDUPLICATE. The trust
 * must have been made with the assessment's framework (else TA_EINVAL). */
TA_API ta_status ta_assessment_add_trust(ta_assessment *a, const ta_trust *t);

/* Bulk input: n rows of (trust code, metric ID, number). A trust code not yet
 * present adds a trust (type ""; set fields with ta_assessment_set_trust_*).
 * A (trust, metric, kind) given twice, an unknown metric ID, a NaN or infinite
 * number, or a score outside [1, 4] fails the whole call with the row index in
 * the message, and leaves the assessment as it was. */
TA_API ta_status ta_assessment_add_columns(ta_assessment *a, size_t n,
                                           const char *const *trust_codes,
                                           const char *const *metric_ids, const double *numbers,
                                           ta_input_kind kind);
TA_API ta_status ta_assessment_set_trust_field(ta_assessment *a, const char *code,
                                               ta_trust_field field, const char *value);
TA_API ta_status ta_assessment_set_trust_flag(ta_assessment *a, const char *code, ta_flag flag,
                                              ta_tristate value);

/* With scores_only = 1 the assessment uses only the scores it is given
 * (ta_trust_set_score, TA_INPUT_SCORE, ta_trust_set_rank): raw values are
 * ignored and no rule derives a score (a combined metric is not computed from
 * its components), so a metric without a given score is left out, never
 * imputed. This is how a published file's scores are assessed. Default 0. */
TA_API ta_status ta_assessment_set_scores_only(ta_assessment *a, int scores_only);

/* Given (published, 2-decimal) scores of a rank-scored metric are replaced by
 * the unrounded scores NHS England averaged, when the framework holds the
 * metric's comparison pool size for the assessment's period
 * (ta_framework_metric_pool): the pool and the rounded score fix the rank.
 * For a period without a pool size, a metric with pool sizes elsewhere gets
 * the smallest that fits every given score (a note says so). Where a score
 * fixes no rank, or ranks are not unique at the published decimals, the given
 * score is kept and a note says so. reconstruct = 0 keeps every given score
 * as given. Default 1. */
TA_API ta_status ta_assessment_set_reconstruct(ta_assessment *a, int reconstruct);

/* Explicit cut-offs for this assessment (n = segments - 1, strictly
 * ascending), overriding the framework's. n = 0 returns to the framework's. */
TA_API ta_status ta_assessment_set_cutoffs(ta_assessment *a, size_t n, const double *cutoffs);

/* Scores every metric, segments and ranks. Idempotent. */
TA_API ta_status ta_assessment_run(ta_assessment *a);

/* The cut-offs the last run used: writes min(n, count) of them, count to *count. */
TA_API ta_status ta_assessment_cutoffs(double *cutoffs, size_t n, size_t *count,
                                       const ta_assessment *a);

/* ---- results, by trust index (0 .. count - 1, in order first added) ---- */

/* The number of trusts added (0 for NULL). */
TA_API size_t ta_assessment_trust_count(const ta_assessment *a);
/* The index of the trust with ODS code `code`; TA_ENOTFOUND if none. */
TA_API ta_status ta_assessment_find_trust(size_t *index_out, const ta_assessment *a,
                                          const char *code);
/* NULL if i is out of range. */
TA_API const char *ta_assessment_trust_code(const ta_assessment *a, size_t i);
TA_API const char *ta_assessment_trust_field(const ta_assessment *a, size_t i,
                                             ta_trust_field field);
TA_API ta_tristate ta_assessment_trust_flag(const ta_assessment *a, size_t i, ta_flag flag);

/* Whether trust i has a segment (at least one score entering the average). */
TA_API ta_status ta_assessment_is_segmented(int *segmented, const ta_assessment *a, size_t i);
/* The average metric score, unrounded and rounded half up to the framework's
 * decimals, and how many scores it is the mean of. Any out-pointer may be
 * NULL. TA_ENOTFOUND for a trust that is not segmented. */
TA_API ta_status ta_assessment_average(double *unrounded, double *rounded, size_t *n_scores,
                                       const ta_assessment *a, size_t i);
/* Segments: unadjusted (cut-offs), adjusted (deficit cap), final (Recovery
 * Support Programme; 0 when the RSP flag is unknown). */
TA_API ta_status ta_assessment_segments(int *unadjusted, int *adjusted, int *final_segment,
                                        const ta_assessment *a, size_t i);
/* Rank within the trust's type: 1 best; ties share a rank. */
TA_API ta_status ta_assessment_rank(uint32_t *rank, const ta_assessment *a, size_t i);
/* The rule that settled the final segment (the adjusted one when the final is
 * unknown). */
TA_API ta_status ta_assessment_reason(ta_reason *reason, const ta_assessment *a, size_t i);
/* A one-sentence explanation of trust i's segment, e.g. "average 2.11 is above
 * cut-off 2.04 and at or below cut-off 2.33: segment 2", written into buf
 * (NUL-terminated, truncated to size); *needed (if not NULL) receives the full
 * length without the NUL. */
TA_API ta_status ta_assessment_reason_text(char *buf, size_t size, size_t *needed,
                                           const ta_assessment *a, size_t i);
/* How far the rounded average must fall to reach the next better unadjusted
 * segment (0 in segment 1). A deficit cap is not lifted by a better score. */
TA_API ta_status ta_assessment_distance_to_better(double *distance, const ta_assessment *a,
                                                  size_t i);
/* Domain d's score (mean of the trust's scores in that domain entering the
 * average); *has = 0 and TA_OK when the trust has none there. */
TA_API ta_status ta_assessment_domain_score(int *has, double *score, const ta_assessment *a,
                                            size_t i, size_t d);
/* Metric m's score for trust i (m indexes ta_framework_metric_id); *has = 0
 * when the trust has no score for it. */
TA_API ta_status ta_assessment_metric_score(int *has, double *score, const ta_assessment *a,
                                            size_t i, size_t m);

/* ---- league order ----------------------------------------------------- */

/* Segmented trusts in league order: by trust type (byte order of the text),
 * rank, name, code. */
TA_API size_t ta_assessment_league_count(const ta_assessment *a);
TA_API ta_status ta_assessment_league_entry(size_t *index_out, const ta_assessment *a,
                                            size_t position);

/* ---- notes ------------------------------------------------------------ */

/* Things the run could not do but did not fail on (e.g. a combined score whose
 * component pair has no known table entry): count, and note k's text. */
TA_API size_t ta_assessment_note_count(const ta_assessment *a);
TA_API const char *ta_assessment_note(const ta_assessment *a, size_t k);

/* After a run: whether metric `metric` was scored from raw values ranked
 * within fewer trusts than the framework's comparison pool for the
 * assessment's period (ta_framework_metric_pool; for a standard or a floor,
 * the trusts between the bookends): *narrower = 1, with the pool size and
 * how many were ranked, and the run also notes it. Such scores are not NHS
 * England's: a rank among the trusts given is not a rank in the national
 * pool. *narrower = 0 when the pool is complete, unknown or not used.
 * TA_EINCONSISTENT before a run. pool and ranked may be NULL. */
TA_API ta_status ta_assessment_metric_pool_gap(int *narrower, unsigned *pool, size_t *ranked,
                                               const ta_assessment *a, size_t metric);

/* ---- pure helpers (no handle) ------------------------------------------ */

/* Quantile cut-offs of a population: out[k] = quantile (k + 1) / (n_out + 1)
 * of values[0 .. n - 1] under `definition` (n_out = 3 gives the quartiles).
 * NaN/inf or n = 0 is TA_EINVAL. A zero is a zero: -0 is read as 0, so a
 * cut-off never comes back as -0. A working copy of the values is made with
 * `alloc` (NULL = malloc). */
TA_API ta_status ta_quantile_cutoffs(double *out, size_t n_out, const double *values, size_t n,
                                     ta_quantile definition, const ta_allocator *alloc);

#ifdef __cplusplus
}
#endif

#endif /* TRUSTASSESS_ASSESSMENT_H */
