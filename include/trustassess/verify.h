/*
 * libtrustassess: verifying NHS England's published figures.
 *
 * A verification recomputes the published results of a NOF file and says,
 * figure by figure, whether they agree. It works two ways:
 *
 *   TA_STEP_BY_STEP  each rule applied to the published figures of the step
 *                    before: domain scores and the average from the published
 *                    metric scores; the unadjusted segment from the published
 *                    average and the cut-offs the published segments imply;
 *                    the adjusted segment from the published unadjusted
 *                    segment and deficit flag; the final segment from the
 *                    published adjusted segment and RSP flag; the rank from
 *                    the published adjusted segments and averages.
 *   TA_END_TO_END    every figure from the published metric scores alone
 *                    (cut-offs as above).
 *
 * NHS England computes with unrounded metric scores and publishes them at 2
 * decimals, so an average computed from the published scores can differ from
 * the published one. Such a difference is TA_EXPLAINED when the published
 * value A equals round-half-up(x) for some x within 0.005 x (number of
 * decimals' unit / 2) of the mean m of the published scores, i.e. when each
 * input may be off by up to half a unit of its last decimal. A segment or rank
 * difference is explained when it follows from explained average differences
 * (the step-by-step figure agrees). Anything else is TA_UNEXPLAINED.
 */
#ifndef TRUSTASSESS_VERIFY_H
#define TRUSTASSESS_VERIFY_H

#include "common.h"
#include "nhse.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ta_verification ta_verification;

typedef enum ta_verify_mode { TA_STEP_BY_STEP = 0, TA_END_TO_END = 1 } ta_verify_mode;

/* The name of a ta_verify_mode value ("step-by-step", "end-to-end"); "" for a value outside the
 * enum. Static storage. */
TA_API const char *ta_verify_mode_name(ta_verify_mode v);

typedef enum ta_verdict {
    TA_AGREES = 0,
    TA_EXPLAINED = 1,  /* differs only as the rounding of the inputs explains */
    TA_UNEXPLAINED = 2 /* differs beyond what rounding explains */
} ta_verdict;

/* The name of a ta_verdict value ("agrees", "explained", "unexplained"); "" for a value outside the
 * enum. Static storage. */
TA_API const char *ta_verdict_name(ta_verdict v);

/* A verification of file f (which must have been read and must outlive it). */
TA_API ta_status ta_verification_new(ta_verification **out, ta_nhse_file *f,
                                     const ta_allocator *alloc);
TA_API void ta_verification_free(ta_verification *v);
TA_API const char *ta_verification_error(const ta_verification *v);

/* Verifies one period (its exact text) or, with NULL, every period of the
 * file. Replaces the results of an earlier run. */
TA_API ta_status ta_verification_run(ta_verification *v, const char *period);

/* Per (period, figure, mode): how many published figures were checked, how
 * many agree, how many differ with an explanation, one summary entry each,
 * read by index k < ta_verification_summary_count. Figure IDs are the
 * framework's ("OF5002", "OF4000", ...); the league rank is "OF5000 Rank". */
TA_API size_t ta_verification_summary_count(const ta_verification *v);
/* Summary entry k's period label and figure ID, owned by the verification;
 * NULL if k is out of range. */
TA_API const char *ta_verification_summary_period(const ta_verification *v, size_t k);
TA_API const char *ta_verification_summary_figure(const ta_verification *v, size_t k);
/* Summary entry k's verification mode; TA_EINVAL if k is out of range or mode is NULL. */
TA_API ta_status ta_verification_summary_mode(ta_verify_mode *mode, const ta_verification *v,
                                              size_t k);
/* Summary entry k's counts: figures checked, agreeing, and differing with an
 * explanation. Any out-pointer may be NULL; TA_EINVAL if k is out of range. */
TA_API ta_status ta_verification_summary_counts(size_t *checked, size_t *agreed, size_t *explained,
                                                const ta_verification *v, size_t k);

/* Each difference k < ta_verification_difference_count: where, both values,
 * the verdict and a one-line reason. */
TA_API size_t ta_verification_difference_count(const ta_verification *v);
/* Difference k's period label, trust code, figure ID and one-line reason,
 * owned by the verification; NULL if k is out of range. */
TA_API const char *ta_verification_difference_period(const ta_verification *v, size_t k);
TA_API const char *ta_verification_difference_trust_code(const ta_verification *v, size_t k);
TA_API const char *ta_verification_difference_figure(const ta_verification *v, size_t k);
TA_API const char *ta_verification_difference_reason(const ta_verification *v, size_t k);
/* Difference k's verification mode; TA_EINVAL if k is out of range or mode is NULL. */
TA_API ta_status ta_verification_difference_mode(ta_verify_mode *mode, const ta_verification *v,
                                                 size_t k);
/* Difference k's published and computed values (either out-pointer may be
 * NULL); TA_EINVAL if k is out of range. */
TA_API ta_status ta_verification_difference_values(double *published, double *computed,
                                                   const ta_verification *v, size_t k);
/* Difference k's verdict; TA_EINVAL if k is out of range or verdict is NULL. */
TA_API ta_status ta_verification_difference_verdict(ta_verdict *verdict, const ta_verification *v,
                                                    size_t k);

/* Published figures the verification does not check (e.g. domain segments,
 * raw values, metric scores whose pool is wider than the file), as (period,
 * figure ID, how many), one entry per reason. Metric scores are checked
 * where the file holds what they follow from: banded and bracketed scores
 * from their raw values, combined scores from their components, rank-scored
 * ones from the raw values when the file holds the whole comparison pool
 * (ties broken by the published Rank), a floor's 4.00 and a standard's 1.00
 * always; they appear in the summary under their score ID. */
TA_API size_t ta_verification_unchecked_count(const ta_verification *v);
TA_API ta_status ta_verification_unchecked(const char **period, const char **figure, size_t *count,
                                           const ta_verification *v, size_t k);

/* Why unchecked entry k was not checked (one reason per entry: a figure of a
 * period may have several entries, e.g. "pool of 205 trusts; this file has
 * 61", "a supplied score: no rule derives it", "a raw value: an input to its
 * score"); NULL if k is out of range. Owned by the verification. */
TA_API const char *ta_verification_unchecked_reason(const ta_verification *v, size_t k);

/* What the run noted while reconstructing unrounded scores (a pool size
 * inferred, a published score that fixes no rank, ranks not unique): count,
 * and note k's text (NULL if out of range). */
TA_API size_t ta_verification_note_count(const ta_verification *v);
TA_API const char *ta_verification_note(const ta_verification *v, size_t k);

/* TA_OK when no difference is unexplained; TA_EINCONSISTENT otherwise. */
TA_API ta_status ta_verification_status(const ta_verification *v);

#ifdef __cplusplus
}
#endif

#endif /* TRUSTASSESS_VERIFY_H */
