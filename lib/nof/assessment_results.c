/*
 * Assessments: results. The getters of what an assessment holds (its trusts,
 * their fields and flags, the period) and of what its last run found
 * (averages, segments, ranks, reasons, cut-offs, league order, notes). A
 * result asked for before a run, or after a change to the inputs, is refused
 * (TA_ESTATE; TA_EINCONSISTENT from ta_assessment_metric_pool_gap): results
 * never describe inputs other than the current ones.
 */
#include "assessment_internal.h"

#include <math.h>

#include "common/number.h"

const char *ta_assessment_period(const ta_assessment *a)
{
    return a ? a->period : NULL;
}

ta_status ta_assessment_cutoffs(double *cutoffs, size_t n, size_t *count, const ta_assessment *a)
{
    if (!a || !count || (n > 0 && !cutoffs))
        return TA_EINVAL;
    if (!a->has_run)
        return TA_ESTATE;
    for (size_t k = 0; k < a->n_cutoffs && k < n; k++)
        cutoffs[k] = a->cutoffs[k];
    *count = a->n_cutoffs;
    return TA_OK;
}

size_t ta_assessment_trust_count(const ta_assessment *a)
{
    return a ? a->n_trusts : 0;
}

ta_status ta_assessment_find_trust(size_t *index_out, const ta_assessment *a, const char *code)
{
    if (!index_out || !a || !code)
        return TA_EINVAL;
    return tai_code_index_find(&a->codes, a->trusts, code, tai_code_hash(code), index_out)
               ? TA_OK
               : TA_ENOTFOUND;
}

const char *ta_assessment_trust_code(const ta_assessment *a, size_t i)
{
    return a && i < a->n_trusts ? a->trusts[i].code : NULL;
}

const char *ta_assessment_trust_field(const ta_assessment *a, size_t i, ta_trust_field field)
{
    if (!a || i >= a->n_trusts || (int)field < 0 || (int)field >= TAI_N_FIELDS)
        return NULL;
    return a->trusts[i].fields[field];
}

ta_tristate ta_assessment_trust_flag(const ta_assessment *a, size_t i, ta_flag flag)
{
    if (!a || i >= a->n_trusts || (int)flag < 0 || (int)flag >= TAI_N_FLAGS)
        return TA_UNKNOWN;
    return a->trusts[i].flags[flag];
}

/* The result of trust i after a run, or a status. */
static ta_status result_of(const ta_assessment *a, size_t i, const tai_result **r)
{
    if (!a || i >= a->n_trusts)
        return TA_EINVAL;
    if (!a->has_run)
        return TA_ESTATE;
    *r = &a->results[i];
    return TA_OK;
}

/* As result_of, for a trust that has a segment (TA_ENOTFOUND otherwise). */
static ta_status segmented_result_of(const ta_assessment *a, size_t i, const tai_result **r)
{
    ta_status st = result_of(a, i, r);
    if (st == TA_OK && !tai_segmented(*r))
        return TA_ENOTFOUND;
    return st;
}

ta_status ta_assessment_is_segmented(int *segmented, const ta_assessment *a, size_t i)
{
    const tai_result *r;
    ta_status st;
    if (!segmented)
        return TA_EINVAL;
    if ((st = result_of(a, i, &r)) != TA_OK)
        return st;
    *segmented = tai_segmented(r);
    return TA_OK;
}

ta_status ta_assessment_average(double *unrounded, double *rounded, size_t *n_scores,
                                const ta_assessment *a, size_t i)
{
    const tai_result *r;
    ta_status st;
    if ((st = segmented_result_of(a, i, &r)) != TA_OK)
        return st;
    if (unrounded)
        *unrounded = r->average;
    if (rounded)
        *rounded = r->rounded;
    if (n_scores)
        *n_scores = r->n_scores;
    return TA_OK;
}

ta_status ta_assessment_segments(int *unadjusted, int *adjusted, int *final_segment,
                                 const ta_assessment *a, size_t i)
{
    const tai_result *r;
    ta_status st;
    if ((st = segmented_result_of(a, i, &r)) != TA_OK)
        return st;
    if (unadjusted)
        *unadjusted = r->unadjusted;
    if (adjusted)
        *adjusted = r->adjusted;
    if (final_segment)
        *final_segment = r->final_segment;
    return TA_OK;
}

ta_status ta_assessment_rank(uint32_t *rank, const ta_assessment *a, size_t i)
{
    const tai_result *r;
    ta_status st;
    if (!rank)
        return TA_EINVAL;
    if ((st = segmented_result_of(a, i, &r)) != TA_OK)
        return st;
    *rank = r->rank;
    return TA_OK;
}

ta_status ta_assessment_reason(ta_reason *reason, const ta_assessment *a, size_t i)
{
    const tai_result *r;
    ta_status st;
    if (!reason)
        return TA_EINVAL;
    if ((st = result_of(a, i, &r)) != TA_OK)
        return st;
    *reason = r->reason;
    return TA_OK;
}

/* Appends text to buf at *len, counting what does not fit. */
static void append(char *buf, size_t size, size_t *len, const char *text)
{
    for (; *text; text++, (*len)++)
        if (*len + 1 < size)
            buf[*len] = *text;
}

/* Appends x with at least `decimals` decimals and up to 6, without trailing
 * zeros beyond `decimals` (so a quartile cut-off 2.0625 shows in full). x is
 * a rounded average or a cut-off, finite and from 1 to 4, so the formatting
 * cannot fail. */
static void append_number(char *buf, size_t size, size_t *len, double x, int decimals)
{
    char num[40];
    int n = tai_format_fixed(num, sizeof num, x, 6), keep = n - (6 - decimals);
    while (n > keep && num[n - 1] == '0')
        num[--n] = '\0';
    if (decimals == 0 && num[n - 1] == '.')
        num[--n] = '\0';
    append(buf, size, len, num);
}

ta_status ta_assessment_reason_text(char *buf, size_t size, size_t *needed, const ta_assessment *a,
                                    size_t i)
{
    const tai_result *r;
    size_t len = 0;
    int d, cap;
    char seg[] = "?"; /* a segment digit, set before each use */
    ta_status st;
    if (!buf && size > 0)
        return TA_EINVAL;
    if ((st = result_of(a, i, &r)) != TA_OK)
        return st;
    d = a->fw->def.decimals;
    cap = a->fw->def.deficit_cap;
    if (!tai_segmented(r)) {
        append(buf, size, &len, "not segmented: no metric score enters the average");
    } else {
        append(buf, size, &len, r->given ? "published average " : "average ");
        append_number(buf, size, &len, r->rounded, d);
        if (r->unadjusted > 1) {
            append(buf, size, &len, " is above cut-off ");
            append_number(buf, size, &len, a->cutoffs[r->unadjusted - 2], d);
        }
        if ((size_t)r->unadjusted <= a->n_cutoffs) {
            append(buf, size, &len, r->unadjusted > 1 ? " and" : "");
            append(buf, size, &len, " at or below cut-off ");
            append_number(buf, size, &len, a->cutoffs[r->unadjusted - 1], d);
        }
        seg[0] = (char)('0' + r->unadjusted);
        append(buf, size, &len, ": segment ");
        append(buf, size, &len, seg);
        if (r->reason == TA_REASON_DEFICIT_CAP) {
            seg[0] = (char)('0' + cap);
            append(buf, size, &len, "; capped at segment ");
            append(buf, size, &len, seg);
            append(buf, size, &len, " for financial deficit");
        }
        if (r->reason == TA_REASON_RSP) {
            seg[0] = (char)('0' + r->final_segment);
            append(buf, size, &len, "; segment ");
            append(buf, size, &len, seg);
            append(buf, size, &len, " in the Recovery Support Programme");
        } else if (r->final_segment == 0) {
            append(buf, size, &len,
                   "; final segment unknown: no Recovery Support Programme "
                   "flag");
        }
    }
    if (size > 0)
        buf[len < size ? len : size - 1] = '\0';
    if (needed)
        *needed = len;
    return TA_OK;
}

ta_status ta_assessment_distance_to_better(double *distance, const ta_assessment *a, size_t i)
{
    const tai_result *r;
    ta_status st;
    if (!distance)
        return TA_EINVAL;
    if ((st = segmented_result_of(a, i, &r)) != TA_OK)
        return st;
    *distance = tai_distance_to_better(r->rounded, r->unadjusted, a->cutoffs,
                                       a->fw->def.cutoff_rule, a->fw->def.decimals);
    return TA_OK;
}

ta_status ta_assessment_domain_score(int *has, double *score, const ta_assessment *a, size_t i,
                                     size_t d)
{
    const tai_result *r;
    double mean;
    ta_status st;
    if (!has || !score)
        return TA_EINVAL;
    if ((st = result_of(a, i, &r)) != TA_OK)
        return st;
    if (d >= a->fw->def.n_domains)
        return TA_EINVAL;
    *has = tai_mean_scores(&a->fw->def, &a->scores[i * a->n_metrics], d, &mean) > 0;
    if (*has)
        *score = mean;
    return TA_OK;
}

ta_status ta_assessment_metric_score(int *has, double *score, const ta_assessment *a, size_t i,
                                     size_t m)
{
    const tai_result *r;
    ta_status st;
    double x;
    if (!has || !score)
        return TA_EINVAL;
    if ((st = result_of(a, i, &r)) != TA_OK)
        return st;
    if (m >= a->n_metrics)
        return TA_EINVAL;
    x = a->scores[i * a->n_metrics + m];
    *has = !isnan(x);
    if (*has)
        *score = x;
    return TA_OK;
}

size_t ta_assessment_league_count(const ta_assessment *a)
{
    return a && a->has_run ? a->n_league : 0;
}

ta_status ta_assessment_league_entry(size_t *index_out, const ta_assessment *a, size_t position)
{
    if (!index_out || !a)
        return TA_EINVAL;
    if (!a->has_run)
        return TA_ESTATE;
    if (position >= a->n_league)
        return TA_EINVAL;
    *index_out = a->league[position];
    return TA_OK;
}

size_t ta_assessment_note_count(const ta_assessment *a)
{
    return a ? a->notes.count : 0;
}

const char *ta_assessment_note(const ta_assessment *a, size_t k)
{
    return a && k < a->notes.count ? a->notes.items[k] : NULL;
}

ta_status ta_assessment_metric_pool_gap(int *narrower, unsigned *pool, size_t *ranked,
                                        const ta_assessment *a, size_t metric)
{
    if (!a || !narrower || metric >= a->n_metrics)
        return TA_EINVAL;
    if (!a->has_run)
        return tai_error_set((tai_error *)&a->err, TA_EINCONSISTENT,
                             "the assessment has not been run since its last change");
    *narrower = a->ranked && a->ranked[metric] > 0;
    if (pool)
        *pool = *narrower ? tai_metric_pool(&a->fw->def.metrics[metric], a->period) : 0;
    if (ranked)
        *ranked = *narrower ? a->ranked[metric] : 0;
    return TA_OK;
}

const char *ta_reason_name(ta_reason v)
{
    switch (v) {
    case TA_REASON_NONE:
        return "none";
    case TA_REASON_CUTOFF:
        return "cutoff";
    case TA_REASON_DEFICIT_CAP:
        return "deficit_cap";
    case TA_REASON_RSP:
        return "rsp";
    }
    return "";
}
