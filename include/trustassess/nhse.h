/*
 * libtrustassess: reading NHS England's published NOF files.
 *
 * NHS England publishes the segmentation data as a long-format CSV, one row per
 * trust x metric x quarter (UTF-8 with a byte-order mark, RFC 4180 quoting,
 * CRLF or LF). A ta_nhse_file reads one such file against a framework, whose
 * catalogue says what each Metric_ID is: a raw value (OF0xxx), a metric score
 * (OF1xxx), a domain score (OF4000..), or a published result (OF5000 adjusted
 * segment, OF5002 average, OF5003 unadjusted segment, OF5004 financial
 * override flag, OF5005 final segment, OF5007 Recovery Support Programme flag).
 * A Metric_ID the framework does not know is an error naming the line.
 *
 * From it, an assessment per period (and optionally trust type) is built from
 * the published scores or from the raw values, and the published figures stay
 * available beside it for verification.
 *
 * Parsing is locale-independent. Errors name the file, line and column.
 * The framework must outlive the file handle.
 */
#ifndef TRUSTASSESS_NHSE_H
#define TRUSTASSESS_NHSE_H

#include "assessment.h"
#include "common.h"
#include "framework.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ta_nhse_file ta_nhse_file;

/* Where an assessment built from the file takes its metric scores. */
typedef enum ta_nhse_source {
    TA_FROM_SCORES = 0, /* the published metric scores (OF1xxx) only: a score
                           not published is left out, never derived */
    TA_FROM_VALUES = 1  /* raw values (OF0xxx) scored by the framework's rules;
                           supplied-score metrics still come from OF1xxx */
} ta_nhse_source;

TA_API ta_status ta_nhse_file_new(ta_nhse_file **out, const ta_framework *fw,
                                  const ta_allocator *alloc);
TA_API void ta_nhse_file_free(ta_nhse_file *f);
/* The message of the last failed call ("" if none). */
TA_API const char *ta_nhse_file_error(const ta_nhse_file *f);

/* Reads a file (once per handle). On failure the handle holds nothing. */
TA_API ta_status ta_nhse_file_read(ta_nhse_file *f, const char *path);
/* Reads bytes already in memory; `name` labels them in messages. */
TA_API ta_status ta_nhse_file_read_buffer(ta_nhse_file *f, const char *name, const char *data,
                                          size_t len);

/* Rows read, and the periods (Quarter column) and trust types in file order. */
TA_API size_t ta_nhse_file_row_count(const ta_nhse_file *f);
TA_API size_t ta_nhse_file_period_count(const ta_nhse_file *f);
TA_API const char *ta_nhse_file_period(const ta_nhse_file *f, size_t i);
TA_API size_t ta_nhse_file_trust_type_count(const ta_nhse_file *f);
TA_API const char *ta_nhse_file_trust_type(const ta_nhse_file *f, size_t i);

/* Finds a period by its exact text ("Q4 2025/26") or, when exactly one
 * period of the file has it as its first word, by that word ("Q4"). */
TA_API ta_status ta_nhse_file_find_period(size_t *index_out, const ta_nhse_file *f,
                                          const char *text);

/* An assessment of one period's trusts (of one type, or all when trust_type is
 * NULL), not yet run, allocated with the file's allocator. Trusts carry their
 * name, type, subtype, region and the OF5004 / OF5007 flags (unknown where
 * not published). With TA_FROM_VALUES, rank-scored metrics are ranked within
 * the trusts of the assessment. */
TA_API ta_status ta_nhse_file_assessment(ta_assessment **out, ta_nhse_file *f,
                                         const char *period, const char *trust_type,
                                         ta_nhse_source source);

/* A published figure: the Value (and Rank, when the row has one) of `id` for
 * trust `code` in `period`. *has = 0 when no such row exists. Either number
 * out-pointer may be NULL; *has_rank = 0 when the Rank cell is empty. */
TA_API ta_status ta_nhse_file_published(const ta_nhse_file *f, const char *period,
                                        const char *code, const char *id, int *has,
                                        double *value, int *has_rank, double *rank);

/* Cut-offs read off the published results of a period: cut-off k = the highest
 * published average (OF5002) of a trust in published unadjusted segment k
 * (OF5003). TA_EINCONSISTENT if segments overlap, TA_ENOTFOUND if the period
 * has no such rows or a segment has no trust. Writes `segments - 1` values. */
TA_API ta_status ta_nhse_file_published_cutoffs(double *cutoffs, size_t n, ta_nhse_file *f,
                                                const char *period);

#ifdef __cplusplus
}
#endif

#endif /* TRUSTASSESS_NHSE_H */
