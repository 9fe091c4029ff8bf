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
 * NHS England's league-table files are read too (recognised by an
 * Average_score column and no Metric_ID): one row per trust with Quarter
 * (Reporting_date in the first quarter's files), Region, Trust_type,
 * Trust_subtype, Trust_code, Trust_name, Average_score, Segment,
 * Trust_in_financial_deficit ("Yes" / "No") and Rank. Their figures are kept
 * as the long files' would be: Average_score as the framework's average
 * figure (OF5002), Segment as the adjusted segment (OF5000) with Rank as its
 * rank, the deficit as the financial override flag (OF5004). The likely-range
 * columns are not read. A trust from a league table has no metric score: an
 * assessment segments and ranks it on its published average.
 *
 * One handle may hold several files (ta_nhse_file_add_file): NHS England publishes
 * one per trust type, and the cut-offs are one national set per quarter.
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

/* The name of a ta_nhse_source value ("scores", "values"); "" for a value outside the enum.
 * Static storage. */
TA_API const char *ta_nhse_source_name(ta_nhse_source v);

/* A new, empty file handle for framework fw (which must outlive it); alloc NULL = malloc. */
TA_API ta_status ta_nhse_file_new(ta_nhse_file **out, const ta_framework *fw,
                                  const ta_allocator *alloc);
/* Frees the handle and everything read into it; NULL is a no-op. */
TA_API void ta_nhse_file_free(ta_nhse_file *f);
/* The message of the last failed call ("" if none). */
TA_API const char *ta_nhse_file_error(const ta_nhse_file *f);

/* Reads a file (once per handle). On failure the handle holds nothing. */
TA_API ta_status ta_nhse_file_read_file(ta_nhse_file *f, const char *path);
/* Reads bytes already in memory; `name` labels them in messages. */
TA_API ta_status ta_nhse_file_read_buffer(ta_nhse_file *f, const char *data, size_t len,
                                          const char *name);

/* Reads another file into the handle (the first call on a fresh handle is
 * ta_nhse_file_read_file). Its quarters are merged with those read before, new
 * quarters and trust types after the old ones in file order. A (quarter,
 * trust) given by two files is an input error naming both files and the
 * trust (TA_EDUPLICATE), unless one is a data file and the other a league
 * table that agree on the trust's type and on every figure both publish
 * (TA_EINCONSISTENT when they disagree). On failure the handle holds what it
 * held before. */
TA_API ta_status ta_nhse_file_add_file(ta_nhse_file *f, const char *path);
/* As ta_nhse_file_add_file, from bytes in memory labelled `name`. */
TA_API ta_status ta_nhse_file_add_buffer(ta_nhse_file *f, const char *data, size_t len,
                                         const char *name);

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

/* The last day of an NHS England quarter label "Qn YYYY/YY" (financial year
 * April to March: Q1 ends 30 June YYYY, Q2 30 September, Q3 31 December, Q4
 * 31 March of the next year). TA_EPARSE for any other text, including a
 * second year that does not follow the first ("Q1 2025/27"). */
TA_API ta_status ta_nhse_period_end(ta_date *end, const char *period);

/* An assessment of one period's trusts (of one type, or all when trust_type is
 * NULL), not yet run, allocated with the file's allocator. Trusts carry their
 * name, type, subtype, region and the OF5004 / OF5007 flags (unknown where
 * not published). With TA_FROM_VALUES, rank-scored metrics are ranked within
 * the trusts of the assessment. A trust with no metric score from the source
 * but a published average (a league-table row) is segmented and ranked on
 * that average (ta_assessment_average gives it with n_scores = 0). */
TA_API ta_status ta_nhse_file_assessment(ta_assessment **out, ta_nhse_file *f, const char *period,
                                         const char *trust_type, ta_nhse_source source);

/* A published figure: the Value of `id` for trust `code` in `period`.
 * *has = 0 when no such row exists; value may be NULL. */
TA_API ta_status ta_nhse_file_published(int *has, double *value, const ta_nhse_file *f,
                                        const char *period, const char *code, const char *id);
/* The Rank of the same row: *has_rank = 0 when no such row exists or its
 * Rank cell is empty; rank may be NULL. */
TA_API ta_status ta_nhse_file_published_rank(int *has_rank, double *rank, const ta_nhse_file *f,
                                             const char *period, const char *code, const char *id);

/* Where a published figure was read: the name of its file (as given to the
 * read; valid while f lives), its line and the column of its value, so that a
 * caller that finds the figure wrong can point at it. TA_ENOTFOUND when no
 * such row exists. Any out-pointer may be NULL. */
TA_API ta_status ta_nhse_file_published_at(const char **file, size_t *line, size_t *column,
                                           const ta_nhse_file *f, const char *period,
                                           const char *code, const char *id);

/* Cut-offs read off the published results of a period, across every file
 * of the handle and every trust type (one national set): each trust with a
 * published average (OF5002) and a known unadjusted segment bounds the
 * cut-offs around it. The unadjusted segment is the published OF5003, or
 * else the adjusted segment (OF5000) when the deficit cap cannot have raised
 * it (it is not the cap, or the deficit flag OF5004 is 0); a trust at the cap
 * with a deficit counts as "at most the cap". Cut-off k = the highest
 * average of a trust known to be at or below it (under
 * TA_CUTOFF_TIES_WORSE: the lowest average above it). TA_EINCONSISTENT if
 * the bounds cross (the message names a trust on each side, with file and
 * line), TA_ENOTFOUND if the period has no such rows or a segment has no
 * trust known to be in it. Writes `segments - 1` values. */
TA_API ta_status ta_nhse_file_published_cutoffs(double *cutoffs, size_t n, ta_nhse_file *f,
                                                const char *period);

/* One end of the interval cut-off k (0-based) of `period` is known to lie
 * in, from the same published figures: with upper = 0, lo = the highest
 * average of a trust known to be at or below it; with upper = 1, hi = the
 * lowest average of a trust known to be above it (any other upper is
 * TA_EINVAL). The cut-off is in [lo, hi) when ties go to the better segment,
 * (lo, hi] otherwise. *has = 0 when no trust bounds that side. Crossed
 * bounds (lo >= hi) are reported as they are, with TA_OK. */
TA_API ta_status ta_nhse_file_cutoff_limit(int *has, double *average, ta_nhse_file *f,
                                           const char *period, size_t k, int upper);
/* The trusts that bound cut-off k from below (upper = 0: average = *lo) or
 * from above (upper = 1: average = *hi; any other upper is TA_EINVAL): *count
 * of them, and in *code (if not NULL) the code of the j-th in file order (NULL
 * when j >= *count). */
TA_API ta_status ta_nhse_file_cutoff_bound(const char **code, size_t *count, ta_nhse_file *f,
                                           const char *period, size_t k, int upper, size_t j);

#ifdef __cplusplus
}
#endif

#endif /* TRUSTASSESS_NHSE_H */
