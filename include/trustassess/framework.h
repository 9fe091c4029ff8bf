/*
 * libtrustassess: frameworks, the methodology as data.
 *
 * A ta_framework says how trusts are scored and segmented: its metric
 * catalogue (ID, domain, direction, scoring rule, whether the metric enters the
 * average), its domains, how segment cut-offs are found, the deficit cap, the
 * Recovery Support Programme segment and the rounding. Next year's manual is a
 * new framework (a preset or a catalogue CSV file), not new code.
 *
 * A framework is immutable once built and may be shared by any number of
 * threads and assessments. It must outlive every ta_trust and ta_assessment
 * made with it.
 *
 * Frameworks are made three ways:
 *   ta_framework_preset(&fw, "nof-2025-26", NULL)           built-in preset
 *   builder + ta_framework_builder_read_file(b, "file.csv")  catalogue file
 *   builder + ta_framework_builder_add_* / _set_*           in code
 * The catalogue file format is documented in docs/framework-csv.md; the
 * built-in presets are themselves catalogue text (ta_framework_preset_text).
 */
#ifndef TRUSTASSESS_FRAMEWORK_H
#define TRUSTASSESS_FRAMEWORK_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ta_framework ta_framework;
typedef struct ta_framework_builder ta_framework_builder;

/* Which way a metric's raw value is better. */
typedef enum ta_direction { TA_HIGHER_IS_BETTER = 1, TA_LOWER_IS_BETTER = 2 } ta_direction;

/* The name of a ta_direction value ("higher", "lower"); "" for a value outside the enum.
 * Static storage. */
TA_API const char *ta_direction_name(ta_direction v);

/* How a metric's score (1.00 best .. 4.00 worst) is obtained. */
typedef enum ta_scoring {
    /* The score is given (e.g. CQC-based metrics); no raw value is used. */
    TA_SCORING_SUPPLIED = 0,
    /* score = 1 + 3 (rank - 1) / (n - 1), rank 1 best in the metric's direction,
     * ties sharing the best rank, n = trusts ranked together. */
    TA_SCORING_RANK = 1,
    /* As TA_SCORING_RANK, but a value that misses the standard scores 4.00. */
    TA_SCORING_STANDARD_CAPPED = 2,
    /* Cut points split the raw value into bands scored 1, 2, 3, ... */
    TA_SCORING_BANDED = 3,
    /* Looked up from the scores of two other metrics. */
    TA_SCORING_COMBINED = 4,
    /* Bookend scoring with a standard (NOF 2025/26 manual): a value meeting the
     * standard scores 1.00; the others are spread 2.00 (best) .. 4.00 (worst)
     * by rank among themselves, ties taking the best score of their cluster. */
    TA_SCORING_STANDARD = 5,
    /* Bookend scoring with a floor: a value failing the floor scores 4.00; the
     * others are spread 1.00 .. 3.00 by rank among themselves. (Without a
     * standard or a floor, the manual's bookends are TA_SCORING_RANK's.) */
    TA_SCORING_FLOOR = 6,
    /* Bespoke brackets (e.g. the CQC safe rating): cut points split the raw
     * value into brackets, each with its own score. */
    TA_SCORING_BRACKETED = 7
} ta_scoring;

/* The name of a ta_scoring value ("supplied", "rank", "standard_capped", ...); "" for a value
 * outside the enum. Static storage. */
TA_API const char *ta_scoring_name(ta_scoring v);

/* Where a value exactly on a segment cut-off falls. */
typedef enum ta_cutoff_rule {
    TA_CUTOFF_TIES_BETTER = 0, /* average <= cut-off takes the better segment (default) */
    TA_CUTOFF_TIES_WORSE = 1   /* average <  cut-off takes the better segment */
} ta_cutoff_rule;

/* The name of a ta_cutoff_rule value ("ties_better", "ties_worse"); "" for a value outside the
 * enum. Static storage. */
TA_API const char *ta_cutoff_rule_name(ta_cutoff_rule v);

/* How segment cut-offs are found when none are given explicitly. */
typedef enum ta_quantile {
    /* Excel QUARTILE.INC, R quantile type 7: h = (n - 1) p, linear interpolation. */
    TA_QUANTILE_TYPE7 = 7,
    /* Excel QUARTILE.EXC, R type 6: h = (n + 1) p, clamped to the data. */
    TA_QUANTILE_TYPE6 = 6
} ta_quantile;

/* The name of a ta_quantile value ("type7", "type6"); "" for a value outside the enum.
 * Static storage. */
TA_API const char *ta_quantile_name(ta_quantile v);

/* Published result figures a framework names, so that a published file's rows
 * can be recognised and checked. TA_FIGURE_OTHER marks IDs that are read and
 * kept but not computed (e.g. domain segments). */
typedef enum ta_figure {
    TA_FIGURE_AVERAGE = 0,            /* average metric score (OF5002) */
    TA_FIGURE_UNADJUSTED_SEGMENT = 1, /* OF5003 */
    TA_FIGURE_ADJUSTED_SEGMENT = 2,   /* after the deficit cap (OF5000) */
    TA_FIGURE_FINAL_SEGMENT = 3,      /* after the Recovery Support Programme (OF5005) */
    TA_FIGURE_DEFICIT_FLAG = 4,       /* financial override flag (OF5004) */
    TA_FIGURE_RSP_FLAG = 5,           /* Recovery Support Programme flag (OF5007) */
    TA_FIGURE_OTHER = 6
} ta_figure;

/* The name of a ta_figure value ("average", "unadjusted_segment", "adjusted_segment", ...); "" for
 * a value outside the enum. Static storage. */
TA_API const char *ta_figure_name(ta_figure v);

/* ---- presets ---------------------------------------------------------- */

/* Builds a built-in framework by name ("nof-2025-26"). TA_ENOTFOUND for an
 * unknown name. *out is NULL on failure. */
TA_API ta_status ta_framework_preset(ta_framework **out, const char *name,
                                     const ta_allocator *alloc);

/* The catalogue CSV text of a built-in preset, or NULL for an unknown name.
 * Static storage: never free it. */
TA_API const char *ta_framework_preset_text(const char *name);

/* The number of built-in presets and the name of preset i (static storage). */
TA_API size_t ta_framework_preset_count(void);
TA_API const char *ta_framework_preset_name(size_t i);

/* Frees a framework; NULL is a no-op. Trusts and assessments made on it must go first. */
TA_API void ta_framework_free(ta_framework *fw);

/* ---- reading a framework ---------------------------------------------- */

/* The framework's name (owned by the framework). */
TA_API const char *ta_framework_name(const ta_framework *fw);

/* The number of metrics (0 for NULL). */
TA_API size_t ta_framework_metric_count(const ta_framework *fw);
/* The score ID of metric i (e.g. "OF1005"); NULL if i is out of range. */
TA_API const char *ta_framework_metric_id(const ta_framework *fw, size_t i);
/* Looks a metric up by its score ID or its raw-value ID; TA_ENOTFOUND if absent. */
TA_API ta_status ta_framework_metric_index(size_t *index_out, const ta_framework *fw,
                                           const char *id);
/* Metric i's name, the key of its domain and its raw-value ID ("" for a
 * metric without a raw value), owned by the framework; NULL if i is out of
 * range. */
TA_API const char *ta_framework_metric_name(const ta_framework *fw, size_t i);
TA_API const char *ta_framework_metric_domain(const ta_framework *fw, size_t i);
TA_API const char *ta_framework_metric_raw_id(const ta_framework *fw, size_t i);
/* Metric i's scoring method, direction, and whether it counts in the average
 * (1 or 0). TA_EINVAL if i is out of range or the out-pointer is NULL. */
TA_API ta_status ta_framework_metric_scoring(ta_scoring *scoring, const ta_framework *fw, size_t i);
TA_API ta_status ta_framework_metric_direction(ta_direction *direction, const ta_framework *fw,
                                               size_t i);
TA_API ta_status ta_framework_metric_in_average(int *in_average, const ta_framework *fw, size_t i);
/* Metric i's weight in the average and its domain score, as the exact
 * fraction numerator / denominator (1 / 1 unless set). */
TA_API ta_status ta_framework_metric_weight(unsigned *numerator, unsigned *denominator,
                                            const ta_framework *fw, size_t i);
/* Where metric i's definition comes from ("" if not given): the manual's
 * section, or "our reading: ..." where the manual is silent. Owned by the
 * framework. */
TA_API const char *ta_framework_metric_source(const ta_framework *fw, size_t i);
/* Metric i's threshold: the standard (TA_SCORING_STANDARD,
 * TA_SCORING_STANDARD_CAPPED) or the floor (TA_SCORING_FLOOR). TA_ENOTFOUND
 * for a metric scored otherwise. */
TA_API ta_status ta_framework_metric_threshold(double *out, const ta_framework *fw, size_t i);

/* The comparison pool of metric i in period (a quarter's exact text, e.g.
 * "Q3 2025/26"): how many trusts NHS England ranked together (for
 * TA_SCORING_STANDARD / TA_SCORING_FLOOR: how many were spread between the
 * bookends), and where the figure comes from (owned by the framework). A
 * rank-scaled score s published at 2 decimals then fixes the rank r and the
 * unrounded score whenever the score step exceeds 0.01. TA_ENOTFOUND when
 * the framework holds no pool size for that metric and period. */
TA_API ta_status ta_framework_metric_pool(unsigned *pool, const char **source,
                                          const ta_framework *fw, size_t i, const char *period);
/* Whether the framework holds a pool size for metric i in any period. */
TA_API int ta_framework_metric_has_pools(const ta_framework *fw, size_t i);

/* The trust types the framework scores (the Trust_type texts of NHS
 * England's files, e.g. "Mental health and community trust" and its first
 * quarter's name "Non-acute hospital trust"); none = any type. */
TA_API size_t ta_framework_trust_type_count(const ta_framework *fw);
TA_API const char *ta_framework_trust_type(const ta_framework *fw, size_t i);
/* Whether the framework scores trust type `type` (1 also when it names none). */
TA_API int ta_framework_scores_trust_type(const ta_framework *fw, const char *type);

/* The number of domains (0 for NULL). */
TA_API size_t ta_framework_domain_count(const ta_framework *fw);
/* Domain i's key ("access"), name, and published score ID ("OF4000"). */
TA_API ta_status ta_framework_domain_info(const char **key, const char **name,
                                          const char **score_id, const ta_framework *fw, size_t i);

/* The number of scored segments (cut-off count + 1; 4 for NOF 2025/26). */
TA_API size_t ta_framework_segment_count(const ta_framework *fw);
/* The cap for a trust in financial deficit (0 = none), the Recovery Support
 * Programme segment (0 = none), and the rounding in decimals. */
TA_API int ta_framework_deficit_cap(const ta_framework *fw);
TA_API int ta_framework_rsp_segment(const ta_framework *fw);
TA_API int ta_framework_decimals(const ta_framework *fw);
TA_API ta_cutoff_rule ta_framework_cutoff_rule(const ta_framework *fw);
/* Explicit cut-offs: writes min(n, count) of them and the count to *count (0
 * when the framework computes cut-offs as quantiles of the population). */
TA_API ta_status ta_framework_cutoffs(double *cutoffs, size_t n, size_t *count,
                                      const ta_framework *fw);
/* The published ID of a result figure (NULL if the framework names none). */
TA_API const char *ta_framework_figure_id(const ta_framework *fw, ta_figure kind);

/* ---- the builder ------------------------------------------------------ */

/* A fresh, empty builder: no metrics, no domains; 4 segments with cut-offs by
 * TA_QUANTILE_TYPE7 quartiles, ties to the better segment, deficit cap 3,
 * Recovery Support Programme segment 5, 2 decimals. */
TA_API ta_status ta_framework_builder_new(ta_framework_builder **out, const char *name,
                                          const ta_allocator *alloc);
TA_API void ta_framework_builder_free(ta_framework_builder *b);
/* The message of the builder's last failed call ("" if none). */
TA_API const char *ta_framework_builder_error(const ta_framework_builder *b);

/* A domain: key (short, e.g. "access"), display name, published score ID. */
TA_API ta_status ta_framework_builder_add_domain(ta_framework_builder *b, const char *key,
                                                 const char *name, const char *score_id);

/* A metric scored into domain_key (which must exist). It enters the average
 * by default, direction TA_HIGHER_IS_BETTER. */
TA_API ta_status ta_framework_builder_add_metric(ta_framework_builder *b, const char *metric_id,
                                                 const char *name, const char *domain_key,
                                                 ta_scoring scoring);
/* The ID of the raw value the score comes from (e.g. "OF0005" for "OF1005"). */
TA_API ta_status ta_framework_builder_set_raw_id(ta_framework_builder *b, const char *metric_id,
                                                 const char *raw_id);
TA_API ta_status ta_framework_builder_set_direction(ta_framework_builder *b, const char *metric_id,
                                                    ta_direction dir);
/* Whether the metric's score enters the average metric score (and its domain score). */
TA_API ta_status ta_framework_builder_set_in_average(ta_framework_builder *b, const char *metric_id,
                                                     int in_average);
/* TA_SCORING_STANDARD_CAPPED: the standard. A value worse than it (in the
 * metric's direction) scores 4.00; a value equal to it meets it.
 * TA_SCORING_STANDARD: a value meeting it (equal or better) scores 1.00. */
TA_API ta_status ta_framework_builder_set_standard(ta_framework_builder *b, const char *metric_id,
                                                   double standard);
/* TA_SCORING_FLOOR: the floor. A value worse than it scores 4.00; a value
 * equal to it meets it. (TA_SCORING_STANDARD takes its standard from
 * ta_framework_builder_set_standard: a value equal to it meets it.) */
TA_API ta_status ta_framework_builder_set_floor(ta_framework_builder *b, const char *metric_id,
                                                double floor_value);
/* TA_SCORING_BRACKETED: n (1..8) cut points, ordered from the best bracket
 * to the worst as for bands, and the n + 1 brackets' scores (each 1..4). A
 * value equal to a cut point falls in the better bracket. */
TA_API ta_status ta_framework_builder_set_brackets(ta_framework_builder *b, const char *metric_id,
                                                   size_t n, const double *cuts,
                                                   const double *scores);
/* The metric's weight in the average and its domain score: the exact fraction
 * numerator / denominator (both 1..1000). NHS England weights the three
 * infection rates one third each. Default 1 / 1. */
TA_API ta_status ta_framework_builder_set_weight(ta_framework_builder *b, const char *metric_id,
                                                 unsigned numerator, unsigned denominator);
/* Where the metric's definition comes from (free text, up to 255 bytes). */
TA_API ta_status ta_framework_builder_set_source(ta_framework_builder *b, const char *metric_id,
                                                 const char *source);
/* The comparison pool size of the metric in `period` (2..100000 trusts) and
 * where it comes from (may be NULL); setting a period twice replaces it. */
TA_API ta_status ta_framework_builder_set_pool(ta_framework_builder *b, const char *metric_id,
                                               const char *period, unsigned pool,
                                               const char *source);
/* Adds a trust type the framework scores (see ta_framework_trust_type). */
TA_API ta_status ta_framework_builder_add_trust_type(ta_framework_builder *b, const char *type);

/* TA_SCORING_BANDED: n (1..8) cut points, ordered from the best band to the
 * worst (descending for TA_HIGHER_IS_BETTER, ascending otherwise). A value
 * equal to a cut point falls in the better band. Band k scores k (1-based). */
TA_API ta_status ta_framework_builder_set_bands(ta_framework_builder *b, const char *metric_id,
                                                size_t n, const double *cuts);
/* TA_SCORING_COMBINED: the score is table[4 * (s1 - 1) + (s2 - 1)] where s1 and
 * s2 are the whole-number scores (1..4) of metrics first_id and second_id; a
 * table entry of 0 means "not known", and a trust that needs it is left
 * unscored on this metric with a note. */
TA_API ta_status ta_framework_builder_set_combination(ta_framework_builder *b,
                                                      const char *metric_id, const char *first_id,
                                                      const char *second_id,
                                                      const double table[16]);

/* Names the published ID of a result figure. Each kind but TA_FIGURE_OTHER at
 * most once; IDs are unique across metrics, domains and figures. */
TA_API ta_status ta_framework_builder_add_figure(ta_framework_builder *b, ta_figure kind,
                                                 const char *id, const char *name);

/* Explicit segment cut-offs (n of them, 1 to 8, strictly ascending, in
 * [1, 4]); the framework then has n + 1 segments. */
TA_API ta_status ta_framework_builder_set_cutoffs(ta_framework_builder *b, size_t n,
                                                  const double *cutoffs);
/* Cut-offs as the quartiles of the assessed trusts' rounded averages (all
 * trust types pooled), under the named quantile definition. */
TA_API ta_status ta_framework_builder_set_cutoff_quartiles(ta_framework_builder *b,
                                                           ta_quantile definition);
TA_API ta_status ta_framework_builder_set_cutoff_rule(ta_framework_builder *b, ta_cutoff_rule rule);
/* Segment cap for a trust in financial deficit (1..segments, or 0 for none). */
TA_API ta_status ta_framework_builder_set_deficit_cap(ta_framework_builder *b, int segment);
/* Final segment of a trust in the Recovery Support Programme (0 = none). */
TA_API ta_status ta_framework_builder_set_rsp_segment(ta_framework_builder *b, int segment);
/* Decimals of published averages and scores (0..6), rounded half up. */
TA_API ta_status ta_framework_builder_set_decimals(ta_framework_builder *b, int decimals);

/* Adds the definitions of a catalogue CSV file / buffer to the builder.
 * Errors name the file, line and column. `name` labels the buffer in messages.
 * On failure the rows before the failing one stay in the builder (they were
 * each valid): to retry a corrected file, start from a new builder. */
TA_API ta_status ta_framework_builder_read_file(ta_framework_builder *b, const char *path);
TA_API ta_status ta_framework_builder_read_buffer(ta_framework_builder *b, const char *data,
                                                  size_t len, const char *name);

/* Validates the definitions and makes an immutable framework (allocated with the
 * builder's allocator). The builder stays usable. */
TA_API ta_status ta_framework_builder_build(ta_framework **out, ta_framework_builder *b);

#ifdef __cplusplus
}
#endif

#endif /* TRUSTASSESS_FRAMEWORK_H */
