/*
 * Assessments from published figures (ta_nhse_file_assessment).
 *
 * An assessment is built from each trust's figures in one internal call per
 * trust (metric indexes were resolved when the file was read), which gives
 * exactly what a C caller gets by building ta_trust handles and adding them,
 * and refuses what those setters refuse, with their messages.
 */
#include <math.h>
#include <string.h>

#include "assessment_internal.h"
#include "common/alloc.h"
#include "published.h"
#include "trust_internal.h"

/* The average a league table published for entry e, given to the
 * assessment's last trust: the trust is segmented and ranked on it when it
 * has no metric score (a league table publishes none). An average from a
 * data file is not: there a trust without scores is not segmented. */
static void given_average(const ta_nhse_file *f, ta_assessment *a, size_t e)
{
    const tai_nhse_figure *avg = tai_nhse_entry_figure(f, e, TA_FIGURE_AVERAGE);
    if (avg && f->layouts[avg->file] == TAI_LAYOUT_LEAGUE)
        tai_assessment_set_given_average(a, a->n_trusts - 1, avg->value);
}

/* Each trust's row of values and scores filled straight from its figures
 * (whose metric indexes were resolved when the file was read) and appended in
 * one internal call, with no ta_trust handle, no lookup of an ID string and
 * no copy of a field that is empty. It refuses what the public setters
 * (ta_trust_new, ta_trust_set_score) would refuse, with their messages and
 * the cell's place: an invalid trust code, a score outside 1 to 4 (figures
 * are finite numbers, checked when read). A row holds no value cell of its
 * own choosing: a trust without raw values gets NaN cells, which read as no
 * value. */
static ta_status build(ta_nhse_file *f, ta_assessment *a, size_t p, size_t type,
                       ta_nhse_source source)
{
    const tai_framework_def *def = &f->fw->def;
    size_t nm = def->n_metrics, i_deficit, i_rsp;
    double *values, *scores;
    ta_status st = TA_OK;
    values = tai_calloc(&f->alloc, 2 * nm, sizeof *values); /* nm >= 1: a framework has metrics */
    if (!values)
        return TA_ENOMEM;
    scores = values + nm;
    i_deficit = tai_framework_figure(def, TA_FIGURE_DEFICIT_FLAG);
    i_rsp = tai_framework_figure(def, TA_FIGURE_RSP_FLAG);
    for (size_t e = 0; st == TA_OK && e < f->n_entries; e++) {
        const tai_nhse_entry *en = &f->entries[e];
        ta_tristate flags[2] = {TA_UNKNOWN, TA_UNKNOWN};
        int has_scores = 0;
        if (en->period != p || (type != (size_t)-1 && en->type != type))
            continue;
        if (!tai_trust_code_valid(en->code))
            st = tai_error_set(&f->err, TA_EINVAL, "%s:%zu: invalid trust code \"%s\"",
                               f->files[en->file], en->line, en->code);
        for (size_t m = 0; m < nm; m++)
            values[m] = scores[m] = NAN;
        for (size_t k = f->entry_start[e]; st == TA_OK && k < f->entry_start[e + 1]; k++) {
            const tai_nhse_figure *fig = &f->figures[f->by_entry[k]];
            if (source == TA_FROM_SCORES && fig->id_kind != TAI_ID_FIGURE &&
                fig->id_kind != TAI_ID_SCORE)
                break; /* only raw values follow (index_by_entry) */
            if (fig->id_kind == TAI_ID_FIGURE) {
                if (fig->id_index == i_deficit)
                    flags[TA_FLAG_FINANCIAL_DEFICIT] = fig->value != 0 ? TA_YES : TA_NO;
                else if (fig->id_index == i_rsp)
                    flags[TA_FLAG_RECOVERY_SUPPORT] = fig->value != 0 ? TA_YES : TA_NO;
            } else if (fig->id_kind == TAI_ID_SCORE &&
                       (source == TA_FROM_SCORES ||
                        def->metrics[fig->id_index].scoring == TA_SCORING_SUPPLIED)) {
                if (fig->value < 1 || fig->value > 4)
                    st = tai_error_set(&f->err, TA_ERANGE,
                                       "%s:%zu:%zu: trust %s: the score of %s must be from 1 to 4",
                                       f->files[fig->file], fig->line, fig->column, en->code,
                                       def->metrics[fig->id_index].id);
                scores[fig->id_index] = fig->value;
                has_scores = 1;
            } else if (fig->id_kind == TAI_ID_RAW && source == TA_FROM_VALUES) {
                values[fig->id_index] = fig->value;
            }
        }
        if (st == TA_OK)
            st = tai_assessment_add_row(a, en->code, en->fields, flags, values,
                                        has_scores ? scores : NULL);
        if (st == TA_OK)
            given_average(f, a, e);
    }
    tai_free(&f->alloc, values);
    return st;
}

ta_status ta_nhse_file_assessment(ta_assessment **out, ta_nhse_file *f, const char *period,
                                  const char *trust_type, ta_nhse_source source)
{
    ta_assessment *a = NULL;
    size_t p, type = (size_t)-1;
    ta_status st;
    if (!out)
        return f ? tai_error_set(&f->err, TA_EINVAL, "out is NULL") : TA_EINVAL;
    *out = NULL;
    if (!f)
        return TA_EINVAL;
    if (!period)
        return tai_error_set(&f->err, TA_EINVAL, "period is NULL");
    if (source != TA_FROM_SCORES && source != TA_FROM_VALUES)
        return tai_error_set(&f->err, TA_EINVAL, "unknown source %d", (int)source);
    if (!tai_strmap_get(&f->period_map, period, strlen(period), &p))
        return tai_error_set(&f->err, TA_ENOTFOUND, "no quarter \"%s\" in the file", period);
    if (trust_type && !tai_strmap_get(&f->type_map, trust_type, strlen(trust_type), &type))
        return tai_error_set(&f->err, TA_ENOTFOUND, "no trust type \"%s\" in the file", trust_type);
    /* With the file's framework and allocator, only the build refuses
     * anything but memory (with its own message). */
    if ((st = ta_assessment_new(&a, f->fw, &f->alloc)) == TA_OK &&
        (st = ta_assessment_set_period(a, period)) == TA_OK &&
        (st = ta_assessment_set_scores_only(a, source == TA_FROM_SCORES)) == TA_OK)
        st = build(f, a, p, type, source);
    if (st == TA_ENOMEM)
        tai_error_set(&f->err, st, "out of memory building the assessment");
    if (st != TA_OK) {
        ta_assessment_free(a);
        return st;
    }
    *out = a;
    return TA_OK;
}

const char *ta_nhse_source_name(ta_nhse_source v)
{
    switch (v) {
    case TA_FROM_SCORES:
        return "scores";
    case TA_FROM_VALUES:
        return "values";
    }
    return "";
}
