/*
 * libtrustassess: the earned-autonomy screen (advanced foundation trusts and
 * Integrated Health Organisations).
 *
 * The screen is an aid to the independent panel's judgement, never the
 * decision. It answers "on the published evidence, which trusts meet the bar,
 * which are close, and what stands in the way", with the figures behind every
 * answer, so each verdict can be reproduced by hand.
 *
 * Two handles:
 *
 *   ta_criteria  a named set of criteria, each a rule over the evidence
 *                (segment history, deficit and Recovery Support Programme
 *                flags, domain scores against a threshold or the peer
 *                quartile, a metric against the peer median, and evidence
 *                the caller supplies). Built-in sets ("aft-2025", "iho-2025"),
 *                built in code, or read from a CSV file (docs/eligibility.md).
 *                Which criteria are our reading of the published criteria is
 *                said in each criterion's Our_reading text.
 *   ta_screen    the evidence (several quarters of a published NHS England
 *                file, or assessments, one per quarter, oldest first) plus
 *                evidence supplied per trust; run against an AFT criteria set
 *                and optionally an IHO set, it gives per trust and criterion
 *                met / not met / no evidence with the value, threshold,
 *                quarter and a reason sentence, and a verdict.
 *
 * Rules (each in one place in lib/eligibility):
 *   - a figure is taken from the latest screened quarter in which the trust
 *     has it (the Recovery Support Programme flag is published for Q1-Q2 of
 *     2025/26 only, so it comes from Q2 and the reason says so);
 *   - segment criteria use the adjusted segment (after the deficit cap);
 *   - peers are the trusts of the same trust type in the same quarter that
 *     have the figure (the trust itself included); quartiles and medians are
 *     QUARTILE.INC (R type 7);
 *   - "at most" includes the threshold; "better than the peer median" is
 *     strict: equal to the median is not met; comparisons allow 1e-9 for
 *     binary rounding of decimal figures;
 *   - a criterion with no evidence is never met;
 *   - verdict: eligible when every criterion is met; close when exactly one is
 *     not met or has no evidence; otherwise not eligible;
 *   - IHO: the IHO set is screened for every trust, but its verdict is
 *     "not eligible" unless the trust is AFT-eligible.
 *
 * Strings returned are owned by the handle, valid until the next call that
 * changes it, or its _free(). Nothing prints; nothing reads a clock.
 */
#ifndef TRUSTASSESS_ELIGIBILITY_H
#define TRUSTASSESS_ELIGIBILITY_H

#include "assessment.h"
#include "common.h"
#include "framework.h"
#include "nhse.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* Criteria sets                                                             */
/* ------------------------------------------------------------------------ */

typedef struct ta_criteria ta_criteria;

/* The rule a criterion applies. The CSV Kind column names them as shown. */
typedef enum ta_criterion_kind {
    /* segment_at_most: adjusted segment <= N in each of the last K quarters */
    TA_CRITERION_SEGMENT_AT_MOST = 0,
    /* no_deficit: financial override (deficit) flag 0 in the latest quarter publishing it */
    TA_CRITERION_NO_DEFICIT = 1,
    /* not_in_rsp: Recovery Support Programme flag 0 in the latest quarter publishing it */
    TA_CRITERION_NOT_IN_RSP = 2,
    /* domain_score_at_most: domain score <= threshold (1.00 best .. 4.00 worst) */
    TA_CRITERION_DOMAIN_SCORE_AT_MOST = 3,
    /* domain_in_top_quartile: domain score <= the peers' lower quartile */
    TA_CRITERION_DOMAIN_TOP_QUARTILE = 4,
    /* metric_better_than_peer_median: strictly better than the peers' median,
     * in the metric's direction (a score ID: lower is better) */
    TA_CRITERION_BETTER_THAN_PEER_MEDIAN = 5,
    /* supplied (judgement=KEY): a yes/no judgement the caller supplies */
    TA_CRITERION_SUPPLIED_JUDGEMENT = 6,
    /* supplied (cqc_at_least=RATING): a current CQC rating at least RATING */
    TA_CRITERION_CQC_RATING = 7
} ta_criterion_kind;

/* CQC overall ratings, best first. */
typedef enum ta_cqc_rating {
    TA_CQC_OUTSTANDING = 1,
    TA_CQC_GOOD = 2,
    TA_CQC_REQUIRES_IMPROVEMENT = 3,
    TA_CQC_INADEQUATE = 4
} ta_cqc_rating;

/* An empty criteria set named `name` (1..64 bytes, copied). */
TA_API ta_status ta_criteria_new(ta_criteria **out, const char *name, const ta_allocator *alloc);
/* A built-in set: "aft-guide" (the criteria NHS England's guide for
 * applicants names, back-tested against its nominations: docs/eligibility.md),
 * "aft-2025" (the first reading, of the 10 Year Health Plan's words) or
 * "iho-2025". TA_ENOTFOUND otherwise. */
TA_API ta_status ta_criteria_preset(ta_criteria **out, const char *name, const ta_allocator *alloc);
/* The CSV text of a built-in set (static; NULL for an unknown name), the
 * number of built-in sets and the name of set i (NULL out of range). */
TA_API const char *ta_criteria_preset_text(const char *name);
TA_API size_t ta_criteria_preset_count(void);
TA_API const char *ta_criteria_preset_name(size_t i);
TA_API void ta_criteria_free(ta_criteria *c);
/* The message of the last failed call ("" if none). */
TA_API const char *ta_criteria_error(const ta_criteria *c);
TA_API const char *ta_criteria_name(const ta_criteria *c);

/* Builder calls. `id` is 1..32 bytes of letters, digits, '_' and '-', unique
 * in the set (TA_EDUPLICATE); `name` 1..200 bytes. `domain` is a domain key
 * ("access") or its published score ID ("OF4000"); `metric` a metric's score
 * ID ("OF1086") or raw-value ID ("OF0086"); both are checked against the
 * framework when the screen runs. */
TA_API ta_status ta_criteria_add_segment_at_most(ta_criteria *c, const char *id, const char *name,
                                                 int segment, int quarters);
TA_API ta_status ta_criteria_add_no_deficit(ta_criteria *c, const char *id, const char *name);
TA_API ta_status ta_criteria_add_not_in_rsp(ta_criteria *c, const char *id, const char *name);
/* threshold: finite, 1..4. */
TA_API ta_status ta_criteria_add_domain_score_at_most(ta_criteria *c, const char *id,
                                                      const char *name, const char *domain,
                                                      double threshold);
TA_API ta_status ta_criteria_add_domain_top_quartile(ta_criteria *c, const char *id,
                                                     const char *name, const char *domain);
TA_API ta_status ta_criteria_add_better_than_peer_median(ta_criteria *c, const char *id,
                                                         const char *name, const char *metric);
/* key: 1..32 bytes as an id; matched against ta_screen_supply_judgement. */
TA_API ta_status ta_criteria_add_supplied_judgement(ta_criteria *c, const char *id,
                                                    const char *name, const char *key);
TA_API ta_status ta_criteria_add_cqc_rating(ta_criteria *c, const char *id, const char *name,
                                            ta_cqc_rating at_least);
/* Where criterion `id` comes from, and how the library reads it ("" = stated
 * in the source). Each 0..1000 bytes, copied. */
TA_API ta_status ta_criteria_set_source(ta_criteria *c, const char *id, const char *source);
TA_API ta_status ta_criteria_set_reading(ta_criteria *c, const char *id, const char *reading);

/* Adds the criteria of a CSV file / buffer: header Id,Name,Kind,Parameters,
 * Source,Our_reading (docs/eligibility.md). All or nothing; errors name the
 * file, line and column. */
TA_API ta_status ta_criteria_read_file(ta_criteria *c, const char *path);
TA_API ta_status ta_criteria_read_buffer(ta_criteria *c, const char *data, size_t len,
                                         const char *name);

/* The number of criteria in the set (0 for NULL). */
TA_API size_t ta_criteria_count(const ta_criteria *c);
/* Criterion i's ID, name, parameters (the CSV Parameters text,
 * "segment=2;quarters=4"), source and our reading ("" when not given), owned
 * by the set; NULL if i is out of range. */
TA_API const char *ta_criteria_criterion_id(const ta_criteria *c, size_t i);
TA_API const char *ta_criteria_criterion_name(const ta_criteria *c, size_t i);
TA_API const char *ta_criteria_criterion_parameters(const ta_criteria *c, size_t i);
TA_API const char *ta_criteria_criterion_source(const ta_criteria *c, size_t i);
TA_API const char *ta_criteria_criterion_reading(const ta_criteria *c, size_t i);
/* Criterion i's kind; TA_EINVAL if i is out of range or kind is NULL. */
TA_API ta_status ta_criteria_criterion_kind(ta_criterion_kind *kind, const ta_criteria *c,
                                            size_t i);
/* The CSV Kind text of a kind ("segment_at_most"; "" for an unknown value). */
TA_API const char *ta_criterion_kind_name(ta_criterion_kind kind);
/* "outstanding", "good", "requires improvement", "inadequate" ("" otherwise). */
TA_API const char *ta_cqc_rating_name(ta_cqc_rating rating);

/* ------------------------------------------------------------------------ */
/* The screen                                                                */
/* ------------------------------------------------------------------------ */

typedef struct ta_screen ta_screen;

typedef enum ta_criterion_outcome {
    TA_MET = 0,
    TA_NOT_MET = 1,
    TA_NO_EVIDENCE = 2
} ta_criterion_outcome;
typedef enum ta_eligibility { TA_ELIGIBLE = 0, TA_CLOSE = 1, TA_NOT_ELIGIBLE = 2 } ta_eligibility;
/* Which criteria set a result belongs to. */
typedef enum ta_screen_level { TA_LEVEL_AFT = 0, TA_LEVEL_IHO = 1 } ta_screen_level;

/* The name of a ta_screen_level value ("aft", "iho"); "" for a value outside the enum.
 * Static storage. */
TA_API const char *ta_screen_level_name(ta_screen_level v);
typedef enum ta_screen_format {
    TA_SCREEN_CSV = 0,   /* RFC 4180, LF line ends, one row per trust */
    TA_SCREEN_TABLE = 1, /* aligned plain text for a terminal */
    TA_SCREEN_JSON = 2   /* every criterion with its figures */
} ta_screen_format;

/* The name of a ta_screen_format value ("csv", "table", "json"); "" for a value outside the enum.
 * Static storage. */
TA_API const char *ta_screen_format_name(ta_screen_format v);

/* A screen over every period of NHS England's published figures (in file
 * order, oldest first): the adjusted segments, flags, domain scores and
 * metric values published are the evidence. `published` is the figures'
 * handle (nhse.h: filled by ta_nhse_file_read_file or _read_buffer; the
 * screen reads figures from it and never a file) and fw its framework; both must
 * outlive the screen. The trusts screened are those of the last period.
 * TA_EINVAL if it holds no period. */
TA_API ta_status ta_screen_new_nhse(ta_screen **out, const ta_framework *fw,
                                    ta_nhse_file *published, const ta_allocator *alloc);
/* As ta_screen_new_nhse, over the published periods up to and including
 * `period` (its label exactly, e.g. "Q1 2025/26"): the screen sees only what
 * was published by then, and the trusts screened are those of `period`. The
 * as-of date (ta_screen_set_as_of) is set to the quarter's last day when the
 * label is "Qn YYYY/YY". TA_ENOTFOUND when there is no such period. */
TA_API ta_status ta_screen_new_nhse_as_of(ta_screen **out, const ta_framework *fw,
                                          ta_nhse_file *published, const char *period,
                                          const ta_allocator *alloc);
/* A screen over n >= 1 run assessments of fw, one per quarter, oldest first
 * (borrowed: they must outlive the screen and not change). Their computed
 * adjusted segments, flags, domain scores and metric scores are the evidence;
 * an assessment carries no raw values, so a metric criterion needs the score
 * ID. Labels are the assessments' periods. */
TA_API ta_status ta_screen_new_assessments(ta_screen **out, const ta_framework *fw, size_t n,
                                           const ta_assessment *const *quarters,
                                           const ta_allocator *alloc);
TA_API void ta_screen_free(ta_screen *s);
TA_API const char *ta_screen_error(const ta_screen *s);

/* The date supplied CQC ratings are judged current on. Without it a CQC
 * criterion has no evidence. */
TA_API ta_status ta_screen_set_as_of(ta_screen *s, ta_date as_of);
/* Overrides K ("each of the last K quarters") of every segment criterion
 * (1..40); 0 returns to each criterion's own K. */
TA_API ta_status ta_screen_set_quarters(ta_screen *s, int quarters);
/* Supplied evidence for a trust of the last period (TA_ENOTFOUND otherwise).
 * A second call for the same trust and key replaces the first. `note` (may be
 * NULL, 0..500 bytes) is quoted in the reason. TA_UNKNOWN removes it. */
TA_API ta_status ta_screen_supply_judgement(ta_screen *s, const char *code, const char *key,
                                            ta_tristate value, const char *note);
/* A CQC overall rating published on rated_on (replaces an earlier one). */
TA_API ta_status ta_screen_supply_cqc(ta_screen *s, const char *code, ta_cqc_rating rating,
                                      ta_date rated_on);

/* Supplied evidence from CSV text (columns Trust_code, Judgement, Value;
 * optional Date and Note; names in any ASCII case). Judgement is a key of a
 * supplied criterion (partnership, capability_assessment, icb_support,
 * region_support, financial_plan_agreed, ...) with Value yes, no or empty
 * (unknown), or "cqc_rating" with Value outstanding, good,
 * requires_improvement or inadequate and Date the day it was published (an
 * undated rating is taken as published on the as-of date: our reading). Every
 * trust must be one of the screen's (TA_ENOTFOUND). The text is checked whole
 * before anything is supplied; messages read "NAME:LINE:COLUMN: what". Later
 * rows replace earlier ones for the same trust and key. */
TA_API ta_status ta_screen_read_evidence_buffer(ta_screen *s, const char *data, size_t len,
                                                const char *name);
TA_API ta_status ta_screen_read_evidence_file(ta_screen *s, const char *path);

/* Screens every trust of the last period against `aft` and, when iho is not
 * NULL, `iho`. The sets are read during the call only. TA_EINVAL for an empty
 * set; TA_ENOTFOUND (message on the screen) for a domain or metric the
 * framework does not know. Results stay until the next run or a change. */
TA_API ta_status ta_screen_run(ta_screen *s, const ta_criteria *aft, const ta_criteria *iho);

/* ---- results (TA_ESTATE before a run) ---------------------------------- */

/* Trusts in the order of the last period; labels of the screened periods. */
TA_API size_t ta_screen_trust_count(const ta_screen *s);
TA_API ta_status ta_screen_find_trust(size_t *index_out, const ta_screen *s, const char *code);
/* Trust i's code, name and trust type (NULL if i is out of range). */
TA_API const char *ta_screen_trust_code(const ta_screen *s, size_t i);
TA_API const char *ta_screen_trust_name(const ta_screen *s, size_t i);
TA_API const char *ta_screen_trust_type(const ta_screen *s, size_t i);
TA_API size_t ta_screen_period_count(const ta_screen *s);
TA_API const char *ta_screen_period(const ta_screen *s, size_t q);

/* Criteria screened at `level` (0 for TA_LEVEL_IHO without an IHO set), and
 * criterion k's id and name. */
TA_API size_t ta_screen_criterion_count(const ta_screen *s, ta_screen_level level);
TA_API const char *ta_screen_criterion_id(const ta_screen *s, ta_screen_level level, size_t k);
TA_API const char *ta_screen_criterion_name(const ta_screen *s, ta_screen_level level, size_t k);

/* Trust i's verdict at `level`. TA_ESTATE before a run; TA_EINVAL for a bad
 * level, i out of range or a NULL verdict. */
TA_API ta_status ta_screen_verdict(ta_eligibility *verdict, const ta_screen *s,
                                   ta_screen_level level, size_t i);
/* How many criteria trust i met, did not meet and had no evidence for at
 * `level`. Any out-pointer may be NULL; errors as ta_screen_verdict. */
TA_API ta_status ta_screen_verdict_counts(size_t *met, size_t *not_met, size_t *no_evidence,
                                          const ta_screen *s, ta_screen_level level, size_t i);
/* For a close trust, what would have to change (the one criterion and the
 * gap); "" otherwise. NULL for a bad argument. */
TA_API const char *ta_screen_change(const ta_screen *s, ta_screen_level level, size_t i);

/* Criterion k for trust i at `level`, read one part at a time. Each status
 * getter returns TA_ESTATE before a run and TA_EINVAL for a bad level, i or k
 * out of range, or a NULL single out-pointer. The outcome: */
TA_API ta_status ta_screen_result_outcome(ta_criterion_outcome *outcome, const ta_screen *s,
                                          ta_screen_level level, size_t i, size_t k);
/* The figure behind it (*has_value = 0 and *value = 0 when there is none);
 * either out-pointer may be NULL. */
TA_API ta_status ta_screen_result_value(int *has_value, double *value, const ta_screen *s,
                                        ta_screen_level level, size_t i, size_t k);
/* The threshold it was held to (*has_threshold = 0 when there is none; the
 * threshold of a peer criterion is the peer quartile or median); either
 * out-pointer may be NULL. */
TA_API ta_status ta_screen_result_threshold(int *has_threshold, double *threshold,
                                            const ta_screen *s, ta_screen_level level, size_t i,
                                            size_t k);
/* The index of the period the value comes from ((size_t)-1 when none). */
TA_API ta_status ta_screen_result_period(size_t *period, const ta_screen *s, ta_screen_level level,
                                         size_t i, size_t k);
/* The reason sentence, owned by the screen until the next run or change;
 * NULL for a bad argument or before a run. */
TA_API const char *ta_screen_result_reason(const ta_screen *s, ta_screen_level level, size_t i,
                                           size_t k);

/* "eligible", "close", "not eligible"; "met", "not met", "no evidence"
 * ("" for an unknown value). */
TA_API const char *ta_eligibility_name(ta_eligibility verdict);
TA_API const char *ta_criterion_outcome_name(ta_criterion_outcome outcome);

/* The results as text: every trust, or only `code` when not NULL
 * (TA_ENOTFOUND if absent). CSV columns: Trust_code, Trust_name, Trust_type,
 * Verdict, Criteria_met, Criteria_failed, Criteria_no_evidence (criterion IDs
 * separated by ';'), Change, IHO_verdict (empty without an IHO set), Reasons
 * ("id: reason" joined by " | "). *text (NUL-terminated, *len bytes) is owned
 * by the screen until the next export, run or free. */
TA_API ta_status ta_screen_export(const char **text, size_t *len, ta_screen *s,
                                  ta_screen_format format, const char *code);

#ifdef __cplusplus
}
#endif

#endif /* TRUSTASSESS_ELIGIBILITY_H */
