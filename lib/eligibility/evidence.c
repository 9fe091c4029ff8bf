/*
 * Evidence: one figure of one trust in one screened period.
 *
 * A screen reads its evidence from one of two places, and this file is the
 * only one that knows which: a published NHS England file (the published
 * adjusted segment, domain scores and metric values, looked up by the IDs the
 * framework names) or run assessments (their computed segments, domain and
 * metric scores). Flags come from the period's assessment in both cases (the
 * file's assessments carry the published OF5004 / OF5007 flags). Each getter
 * says "no figure" rather than failing when a trust or a row is absent: *has
 * is 0, and the figure's out-parameter is left as it was (no caller reads it).
 */
#include <string.h>

#include "eligibility_internal.h"

/* The index of `code` in period q's assessment, or 0 when absent. */
static int find(const ta_screen *s, size_t q, const char *code, size_t *i)
{
    return ta_assessment_find_trust(i, s->periods[q], code) == TA_OK;
}

/* A published figure of the file; *has is already 0. */
static ta_status published(const ta_screen *s, size_t q, const char *code, const char *id, int *has,
                           double *v)
{
    if (!id)
        return TA_OK;
    return ta_nhse_file_published(has, v, s->file, s->labels[q], code, id);
}

ta_status tai_ev_segment(const ta_screen *s, size_t q, const char *code, int *has, int *segment)
{
    size_t i;
    int seg, adjusted; /* each set by the call that takes its address */
    double v;
    ta_status st;
    *has = 0;
    if (s->file) {
        st = published(s, q, code, ta_framework_figure_id(s->fw, TA_FIGURE_ADJUSTED_SEGMENT), has,
                       &v);
        if (st == TA_OK && *has)
            *segment = (int)(v + 0.5);
        return st;
    }
    if (!find(s, q, code, &i))
        return TA_OK;
    if ((st = ta_assessment_is_segmented(&seg, s->periods[q], i)) != TA_OK || !seg)
        return st;
    if ((st = ta_assessment_segments(NULL, &adjusted, NULL, s->periods[q], i)) != TA_OK)
        return st;
    *has = 1;
    *segment = adjusted;
    return TA_OK;
}

ta_status tai_ev_flag(const ta_screen *s, size_t q, const char *code, ta_flag flag,
                      ta_tristate *out)
{
    size_t i;
    *out = TA_UNKNOWN;
    if (find(s, q, code, &i))
        *out = ta_assessment_trust_flag(s->periods[q], i, flag);
    return TA_OK;
}

ta_status tai_ev_domain(const ta_screen *s, size_t q, const char *code, size_t d, int *has,
                        double *v)
{
    size_t i;
    *has = 0;
    if (s->file) {
        const char *id = NULL;
        ta_status st = ta_framework_domain_info(NULL, NULL, &id, s->fw, d);
        if (st != TA_OK)
            return st;
        return published(s, q, code, id && *id ? id : NULL, has, v);
    }
    if (!find(s, q, code, &i))
        return TA_OK;
    return ta_assessment_domain_score(has, v, s->periods[q], i, d);
}

ta_status tai_ev_metric(const ta_screen *s, size_t q, const char *code, size_t m, int raw, int *has,
                        double *v)
{
    size_t i;
    *has = 0;
    if (s->file) {
        const char *id = ta_framework_metric_id(s->fw, m);
        const char *raw_id = ta_framework_metric_raw_id(s->fw, m);
        if (!raw_id)
            return TA_EINVAL;
        return published(s, q, code, raw ? (*raw_id ? raw_id : NULL) : id, has, v);
    }
    if (raw || !find(s, q, code, &i))
        return TA_OK; /* an assessment keeps no raw values */
    return ta_assessment_metric_score(has, v, s->periods[q], i, m);
}

size_t tai_ev_trust_count(const ta_screen *s, size_t q)
{
    return ta_assessment_trust_count(s->periods[q]);
}

const char *tai_ev_trust_code(const ta_screen *s, size_t q, size_t i)
{
    return ta_assessment_trust_code(s->periods[q], i);
}

const char *tai_ev_trust_type(const ta_screen *s, size_t q, size_t i)
{
    const char *t = ta_assessment_trust_field(s->periods[q], i, TA_FIELD_TYPE);
    return t ? t : "";
}
