/*
 * Verification of NHS England's published figures.
 *
 * Two questions, answered separately because they fail for different reasons:
 *   step by step  does each published figure follow from the published
 *                 figures of the step before by the framework's rule? (a "no"
 *                 is a rule we have wrong, or an error in the publication)
 *   end to end    do the published scores alone give every published figure?
 *                 (a "no" can come from NHS England computing with unrounded
 *                 scores, which is what the explanation test looks for)
 * The rules are not re-implemented here: segments, the cap, the RSP segment
 * and the rank rule are the nof module's functions, and end-to-end figures
 * come from an ordinary assessment of the file.
 */
#include <math.h>
#include <string.h>

#include "common/alloc.h"
#include "common/number.h"
#include "nhse_internal.h"
#include "nof/assessment_internal.h"
#include "nof/trust_internal.h"
#include "trustassess/verify.h"

#define RANK_FIGURE "OF5000 Rank"

typedef struct summary {
    const char *period, *figure;
    ta_verify_mode mode;
    size_t checked, agreed, explained;
} summary;

typedef struct difference {
    const char *period, *figure; /* owned by the file and the framework */
    char code[TAI_CODE_MAX + 1]; /* a copy: the assessment it came from is freed */
    ta_verify_mode mode;
    double published, computed;
    ta_verdict verdict;
    char reason[160];
} difference;

typedef struct unchecked {
    const char *period, *figure;
    size_t count;
} unchecked;

struct ta_verification {
    ta_allocator alloc;
    ta_nhse_file *f;
    tai_error err;
    summary *summaries;
    size_t n_summaries, summaries_cap;
    difference *diffs;
    size_t n_diffs, diffs_cap;
    unchecked *unchecked;
    size_t n_unchecked, unchecked_cap;
};

ta_status ta_verification_new(ta_verification **out, ta_nhse_file *f, const ta_allocator *alloc)
{
    ta_allocator a;
    ta_verification *v;
    if (!out)
        return TA_EINVAL;
    *out = NULL;
    if (!f || !f->has_read || tai_alloc_init(&a, alloc) != TA_OK)
        return TA_EINVAL;
    if (!(v = tai_calloc(&a, 1, sizeof *v)))
        return TA_ENOMEM;
    v->alloc = a;
    v->f = f;
    *out = v;
    return TA_OK;
}

static void reset(ta_verification *v)
{
    v->n_summaries = v->n_diffs = v->n_unchecked = 0;
}

void ta_verification_free(ta_verification *v)
{
    ta_allocator a;
    if (!v)
        return;
    a = v->alloc;
    tai_free(&a, v->summaries);
    tai_free(&a, v->diffs);
    tai_free(&a, v->unchecked);
    tai_free(&a, v);
}

const char *ta_verification_error(const ta_verification *v)
{
    return v ? v->err.msg : "invalid argument: NULL verification";
}

/* ---- recording -------------------------------------------------------- */

static summary *summary_of(ta_verification *v, const char *period, const char *figure,
                           ta_verify_mode mode)
{
    summary *s;
    for (size_t i = 0; i < v->n_summaries; i++) {
        s = &v->summaries[i];
        if (s->period == period && strcmp(s->figure, figure) == 0 && s->mode == mode)
            return s;
    }
    if (tai_grow(&v->alloc, (void **)&v->summaries, &v->summaries_cap, v->n_summaries + 1,
                 sizeof *v->summaries) != TA_OK)
        return NULL;
    s = &v->summaries[v->n_summaries++];
    memset(s, 0, sizeof *s);
    s->period = period;
    s->figure = figure;
    s->mode = mode;
    return s;
}

/* Records one comparison. */
static ta_status record(ta_verification *v, const char *period, const char *code,
                        const char *figure, ta_verify_mode mode, double published,
                        double computed, ta_verdict verdict, const char *reason)
{
    summary *s = summary_of(v, period, figure, mode);
    difference *d;
    if (!s)
        return TA_ENOMEM;
    s->checked++;
    if (verdict == TA_AGREES) {
        s->agreed++;
        return TA_OK;
    }
    if (verdict == TA_EXPLAINED)
        s->explained++;
    if (tai_grow(&v->alloc, (void **)&v->diffs, &v->diffs_cap, v->n_diffs + 1,
                 sizeof *v->diffs) != TA_OK)
        return TA_ENOMEM;
    d = &v->diffs[v->n_diffs++];
    d->period = period;
    strncpy(d->code, code, sizeof d->code - 1);
    d->code[sizeof d->code - 1] = '\0';
    d->figure = figure;
    d->mode = mode;
    d->published = published;
    d->computed = computed;
    d->verdict = verdict;
    strncpy(d->reason, reason, sizeof d->reason - 1);
    d->reason[sizeof d->reason - 1] = '\0';
    return TA_OK;
}

/* ---- the explanation test --------------------------------------------- */

/* Whether published A is round-half-up(x) for some x within half a unit of
 * the last decimal of m (the mean of inputs each off by up to half a unit). */
static int rounding_explains(double published, double mean, int decimals)
{
    double unit = 1.0, lo, hi;
    for (int i = 0; i < decimals; i++)
        unit /= 10.0;
    lo = tai_round_half_up(mean - unit / 2, decimals);
    hi = tai_round_half_up(mean + unit / 2, decimals);
    return published >= lo - 1e-9 && published <= hi + 1e-9;
}

static int same(double a, double b)
{
    return fabs(a - b) <= 1e-9;
}

/* A score-type figure (average, domain score): computed from the published
 * metric scores, the same in both modes. Returns via *differs whether it
 * differs (explained) so segment and rank differences can be traced to it. */
static ta_status check_score(ta_verification *v, const char *period, const char *code,
                             const char *figure, double published, double mean, int decimals,
                             int *explained_difference)
{
    double rounded = tai_round_half_up(mean, decimals);
    ta_verdict verdict = TA_AGREES;
    const char *reason = "";
    ta_status st = TA_OK;
    if (!same(rounded, published)) {
        if (rounding_explains(published, mean, decimals)) {
            verdict = TA_EXPLAINED;
            reason = "within the rounding of the published 2-decimal metric scores";
            *explained_difference = 1;
        } else {
            verdict = TA_UNEXPLAINED;
            reason = "beyond what the rounding of the published scores explains";
        }
    }
    for (int mode = TA_STEP_BY_STEP; st == TA_OK && mode <= TA_END_TO_END; mode++)
        st = record(v, period, code, figure, (ta_verify_mode)mode, published, rounded, verdict,
                    reason);
    return st;
}

/* ---- one period ------------------------------------------------------- */

typedef struct published_row {
    int has_avg, has_unadjusted, has_adjusted, has_final, has_rank;
    double avg, unadjusted, adjusted, final_segment, rank;
    ta_tristate deficit, rsp;
} published_row;

static void read_published(const ta_nhse_file *f, const char *period, const char *code,
                           published_row *p)
{
    const tai_framework_def *def = &f->fw->def;
    const ta_figure kinds[] = {TA_FIGURE_AVERAGE, TA_FIGURE_UNADJUSTED_SEGMENT,
                               TA_FIGURE_ADJUSTED_SEGMENT, TA_FIGURE_FINAL_SEGMENT,
                               TA_FIGURE_DEFICIT_FLAG, TA_FIGURE_RSP_FLAG};
    const tai_nhse_figure *found[6];
    memset(p, 0, sizeof *p);
    for (int k = 0; k < 6; k++) {
        size_t i = tai_framework_figure(def, kinds[k]);
        found[k] = i == (size_t)-1 ? NULL
                                   : tai_nhse_find_figure(f, period, code, def->figures[i].id);
    }
    if ((p->has_avg = found[0] != NULL))
        p->avg = found[0]->value;
    if ((p->has_unadjusted = found[1] != NULL))
        p->unadjusted = found[1]->value;
    if ((p->has_adjusted = found[2] != NULL)) {
        p->adjusted = found[2]->value;
        if ((p->has_rank = found[2]->has_rank))
            p->rank = found[2]->rank;
    }
    if ((p->has_final = found[3] != NULL))
        p->final_segment = found[3]->value;
    p->deficit = found[4] ? (found[4]->value != 0 ? TA_YES : TA_NO) : TA_UNKNOWN;
    p->rsp = found[5] ? (found[5]->value != 0 ? TA_YES : TA_NO) : TA_UNKNOWN;
}

/* A segment figure: step-by-step value `step`, end-to-end value `end`. */
static ta_status check_segment(ta_verification *v, const char *period, const char *code,
                               const char *figure, double published, int step, int end,
                               int average_explained)
{
    ta_status st;
    ta_verdict verdict = same(step, published) ? TA_AGREES : TA_UNEXPLAINED;
    st = record(v, period, code, figure, TA_STEP_BY_STEP, published, step, verdict,
                verdict == TA_AGREES ? "" : "the rule applied to the published figures of the "
                                            "step before gives another segment");
    if (st != TA_OK)
        return st;
    if (same(end, published))
        verdict = TA_AGREES;
    else if (average_explained && same(step, published))
        verdict = TA_EXPLAINED;
    else
        verdict = TA_UNEXPLAINED;
    return record(v, period, code, figure, TA_END_TO_END, published, end, verdict,
                  verdict == TA_EXPLAINED ? "follows from the explained difference in the average"
                  : verdict == TA_UNEXPLAINED ? "differs and no explained average accounts for it"
                                              : "");
}

/* The league rank: as check_segment, and a published rank above the
 * computed one by at most the number of trusts of the type the file lacks
 * (`missing`: NHS England ranked them, the file does not have them) is
 * explained by them. */
static ta_status check_rank(ta_verification *v, const char *period, const char *code,
                            double published, int step, int end, int average_explained,
                            size_t missing)
{
    static const char lacks[] = "the file lacks trusts of this type that the published ranks count";
    ta_verdict verdict = TA_AGREES;
    const char *reason = "";
    ta_status st;
    if (!same(step, published)) {
        int by_missing = published > step && published <= step + (double)missing;
        verdict = by_missing ? TA_EXPLAINED : TA_UNEXPLAINED;
        reason = by_missing ? lacks : "the rule applied to the published figures of the step "
                                      "before gives another segment";
    }
    if ((st = record(v, period, code, RANK_FIGURE, TA_STEP_BY_STEP, published, step, verdict,
                     reason)) != TA_OK)
        return st;
    verdict = TA_AGREES;
    reason = "";
    if (same(end, published)) {
    } else if (published > end && published <= end + (double)missing) {
        verdict = TA_EXPLAINED;
        reason = lacks;
    } else if (average_explained && same(step, published)) {
        verdict = TA_EXPLAINED;
        reason = "follows from the explained difference in the average";
    } else {
        verdict = TA_UNEXPLAINED;
        reason = "differs and no explained average accounts for it";
    }
    return record(v, period, code, RANK_FIGURE, TA_END_TO_END, published, end, verdict, reason);
}

static ta_status count_unchecked(ta_verification *v, size_t period_index)
{
    const ta_nhse_file *f = v->f;
    const tai_framework_def *def = &f->fw->def;
    for (size_t i = 0; i < f->n_figures; i++) {
        const tai_nhse_figure *fig = &f->figures[i];
        const char *id;
        unchecked *u = NULL;
        if (f->entries[fig->entry].period != period_index || fig->id_kind == TAI_ID_DOMAIN)
            continue;
        if (fig->id_kind == TAI_ID_FIGURE) {
            ta_figure kind = def->figures[fig->id_index].kind;
            if (kind == TA_FIGURE_AVERAGE || kind == TA_FIGURE_UNADJUSTED_SEGMENT ||
                kind == TA_FIGURE_ADJUSTED_SEGMENT || kind == TA_FIGURE_FINAL_SEGMENT)
                continue;
            id = def->figures[fig->id_index].id;
        } else if (fig->id_kind == TAI_ID_SCORE) {
            id = def->metrics[fig->id_index].id;
        } else {
            id = def->metrics[fig->id_index].raw_id;
        }
        for (size_t k = 0; k < v->n_unchecked && !u; k++)
            if (v->unchecked[k].period == f->periods[period_index] &&
                v->unchecked[k].figure == id)
                u = &v->unchecked[k];
        if (!u) {
            if (tai_grow(&v->alloc, (void **)&v->unchecked, &v->unchecked_cap,
                         v->n_unchecked + 1, sizeof *v->unchecked) != TA_OK)
                return TA_ENOMEM;
            u = &v->unchecked[v->n_unchecked++];
            u->period = f->periods[period_index];
            u->figure = id;
            u->count = 0;
        }
        u->count++;
    }
    return TA_OK;
}

/* Step-by-step ranks from the published adjusted segments and averages. */
static ta_status step_ranks(ta_verification *v, ta_assessment *a, const published_row *pub,
                            uint32_t *ranks)
{
    const tai_framework_def *def = &v->f->fw->def;
    double scale = tai_framework_scale(def);
    size_t n = ta_assessment_trust_count(a), m = 0;
    tai_rank_entry *entries = tai_calloc(&v->alloc, n ? n : 1, sizeof *entries);
    if (!entries)
        return TA_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        ranks[i] = 0;
        if (!pub[i].has_adjusted || !pub[i].has_avg)
            continue;
        entries[m].item = i;
        entries[m].group = a->results[i].type_order;
        entries[m].segment = (int)pub[i].adjusted;
        entries[m].key = (int64_t)nearbyint(pub[i].avg * scale);
        entries[m].name = ta_assessment_trust_field(a, i, TA_FIELD_NAME);
        entries[m].code = ta_assessment_trust_code(a, i);
        m++;
    }
    tai_rank_entries(entries, m);
    for (size_t k = 0; k < m; k++)
        ranks[entries[k].item] = entries[k].rank;
    tai_free(&v->alloc, entries);
    return TA_OK;
}

static ta_status verify_period(ta_verification *v, size_t p)
{
    ta_nhse_file *f = v->f;
    const tai_framework_def *def = &f->fw->def;
    const char *period = f->periods[p];
    double cutoffs[TAI_MAX_CUTOFFS];
    ta_assessment *a = NULL;
    published_row *pub = NULL;
    uint32_t *ranks = NULL;
    int *explained = NULL, have_cutoffs, *type_explained = NULL;
    size_t *type_ranked = NULL, *type_max_rank = NULL;
    size_t n;
    ta_status st;
    const char *avg_id = ta_framework_figure_id(f->fw, TA_FIGURE_AVERAGE);
    const char *unadj_id = ta_framework_figure_id(f->fw, TA_FIGURE_UNADJUSTED_SEGMENT);
    const char *adj_id = ta_framework_figure_id(f->fw, TA_FIGURE_ADJUSTED_SEGMENT);
    const char *final_id = ta_framework_figure_id(f->fw, TA_FIGURE_FINAL_SEGMENT);

    st = ta_nhse_file_published_cutoffs(cutoffs, def->n_cutoffs, f, period);
    if (st == TA_EINCONSISTENT)
        return tai_error_set(&v->err, st, "%s", ta_nhse_file_error(f));
    have_cutoffs = st == TA_OK;
    if ((st = ta_nhse_file_assessment(&a, f, period, NULL, TA_FROM_SCORES)) != TA_OK)
        return tai_error_set(&v->err, st, "%s", ta_nhse_file_error(f));
    if (have_cutoffs)
        st = ta_assessment_set_cutoffs(a, def->n_cutoffs, cutoffs);
    if (st == TA_OK)
        st = ta_assessment_run(a);
    n = ta_assessment_trust_count(a);
    pub = tai_calloc(&v->alloc, n ? n : 1, sizeof *pub);
    ranks = tai_calloc(&v->alloc, n ? n : 1, sizeof *ranks);
    explained = tai_calloc(&v->alloc, n ? n : 1, sizeof *explained);
    type_explained = tai_calloc(&v->alloc, f->n_types + 1, sizeof *type_explained);
    type_ranked = tai_calloc(&v->alloc, f->n_types + 1, sizeof *type_ranked);
    type_max_rank = tai_calloc(&v->alloc, f->n_types + 1, sizeof *type_max_rank);
    if (st == TA_OK &&
        (!pub || !ranks || !explained || !type_explained || !type_ranked || !type_max_rank))
        st = TA_ENOMEM;

    /* Averages and domain scores. */
    for (size_t i = 0; st == TA_OK && i < n; i++) {
        const char *code = ta_assessment_trust_code(a, i);
        const tai_result *r = &a->results[i];
        read_published(f, period, code, &pub[i]);
        for (size_t d = 0; st == TA_OK && d < def->n_domains; d++) {
            const tai_nhse_figure *fig =
                def->domains[d].score_id[0]
                    ? tai_nhse_find_figure(f, period, code, def->domains[d].score_id)
                    : NULL;
            int has = 0, ignored = 0;
            double mean = 0;
            if (!fig)
                continue;
            ta_assessment_domain_score(a, i, d, &has, &mean);
            if (!has)
                st = record(v, period, code, def->domains[d].score_id, TA_STEP_BY_STEP,
                            fig->value, NAN, TA_UNEXPLAINED, "published, but the trust has no "
                                                             "score in this domain");
            else
                st = check_score(v, period, code, def->domains[d].score_id, fig->value, mean,
                                 def->decimals, &ignored);
        }
        if (st == TA_OK && pub[i].has_avg && avg_id && !r->given) {
            if (r->n_scores == 0)
                st = record(v, period, code, avg_id, TA_STEP_BY_STEP, pub[i].avg, NAN,
                            TA_UNEXPLAINED, "published, but the trust has no metric score");
            else
                st = check_score(v, period, code, avg_id, pub[i].avg, r->average, def->decimals,
                                 &explained[i]);
            if (explained[i])
                type_explained[r->type_order] = 1;
        }
    }
    /* How many trusts of each type NHS England ranked that the file lacks:
     * at least the highest published rank less the trusts ranked here. */
    for (size_t i = 0; st == TA_OK && i < n; i++) {
        size_t t = a->results[i].type_order;
        if (!pub[i].has_rank)
            continue;
        type_ranked[t]++;
        if (pub[i].rank > (double)type_max_rank[t])
            type_max_rank[t] = (size_t)pub[i].rank;
    }
    /* Segments and ranks need the cut-offs. */
    if (st == TA_OK && have_cutoffs)
        st = step_ranks(v, a, pub, ranks);
    for (size_t i = 0; st == TA_OK && have_cutoffs && i < n; i++) {
        const char *code = ta_assessment_trust_code(a, i);
        const tai_result *r = &a->results[i];
        const published_row *q = &pub[i];
        if (!tai_segmented(r))
            continue;
        if (q->has_unadjusted && q->has_avg && unadj_id)
            st = check_segment(v, period, code, unadj_id, q->unadjusted,
                               tai_segment_of(q->avg, cutoffs, def->n_cutoffs, def->cutoff_rule),
                               r->unadjusted, explained[i]);
        if (st == TA_OK && q->has_adjusted && q->has_unadjusted && adj_id)
            st = check_segment(v, period, code, adj_id, q->adjusted,
                               tai_apply_deficit_cap((int)q->unadjusted, q->deficit,
                                                     def->deficit_cap),
                               r->adjusted, explained[i]);
        /* A league table publishes no unadjusted segment: the adjusted one
         * from the published average, the cut-offs and the deficit flag. */
        if (st == TA_OK && q->has_adjusted && !q->has_unadjusted && q->has_avg && adj_id)
            st = check_segment(v, period, code, adj_id, q->adjusted,
                               tai_apply_deficit_cap(tai_segment_of(q->avg, cutoffs,
                                                                    def->n_cutoffs,
                                                                    def->cutoff_rule),
                                                     q->deficit, def->deficit_cap),
                               r->adjusted, explained[i]);
        if (st == TA_OK && q->has_final && q->has_adjusted && final_id)
            st = check_segment(v, period, code, final_id, q->final_segment,
                               tai_apply_rsp((int)q->adjusted, q->rsp, def->rsp_segment),
                               r->final_segment, explained[i]);
        if (st == TA_OK && q->has_rank)
            st = check_rank(v, period, code, q->rank, (int)ranks[i], (int)r->rank,
                            type_explained[r->type_order],
                            type_max_rank[r->type_order] > type_ranked[r->type_order]
                                ? type_max_rank[r->type_order] - type_ranked[r->type_order]
                                : 0);
    }
    if (st == TA_OK)
        st = count_unchecked(v, p);
    if (st == TA_ENOMEM)
        tai_error_set(&v->err, st, "out of memory verifying %s", period);
    else if (st != TA_OK)
        tai_error_set(&v->err, st, "%s", ta_assessment_error(a));
    tai_free(&v->alloc, pub);
    tai_free(&v->alloc, ranks);
    tai_free(&v->alloc, explained);
    tai_free(&v->alloc, type_explained);
    tai_free(&v->alloc, type_ranked);
    tai_free(&v->alloc, type_max_rank);
    ta_assessment_free(a);
    return st;
}

ta_status ta_verification_run(ta_verification *v, const char *period)
{
    size_t p;
    ta_status st = TA_OK;
    if (!v)
        return TA_EINVAL;
    reset(v);
    if (period) {
        if (ta_nhse_file_find_period(&p, v->f, period) != TA_OK ||
            strcmp(v->f->periods[p], period) != 0)
            return tai_error_set(&v->err, TA_ENOTFOUND, "no quarter \"%s\" in the file", period);
        st = verify_period(v, p);
    } else {
        for (p = 0; st == TA_OK && p < v->f->n_periods; p++)
            st = verify_period(v, p);
    }
    if (st != TA_OK)
        reset(v);
    else
        tai_error_clear(&v->err);
    return st;
}

/* ---- results ---------------------------------------------------------- */

size_t ta_verification_summary_count(const ta_verification *v)
{
    return v ? v->n_summaries : 0;
}

ta_status ta_verification_summary(const ta_verification *v, size_t k, const char **period,
                                  const char **figure, ta_verify_mode *mode, size_t *checked,
                                  size_t *agreed, size_t *explained)
{
    const summary *s;
    if (!v || k >= v->n_summaries)
        return TA_EINVAL;
    s = &v->summaries[k];
    if (period)
        *period = s->period;
    if (figure)
        *figure = s->figure;
    if (mode)
        *mode = s->mode;
    if (checked)
        *checked = s->checked;
    if (agreed)
        *agreed = s->agreed;
    if (explained)
        *explained = s->explained;
    return TA_OK;
}

size_t ta_verification_difference_count(const ta_verification *v)
{
    return v ? v->n_diffs : 0;
}

ta_status ta_verification_difference(const ta_verification *v, size_t k, const char **period,
                                     const char **trust_code, const char **figure,
                                     ta_verify_mode *mode, double *published, double *computed,
                                     ta_verdict *verdict, const char **reason)
{
    const difference *d;
    if (!v || k >= v->n_diffs)
        return TA_EINVAL;
    d = &v->diffs[k];
    if (period)
        *period = d->period;
    if (trust_code)
        *trust_code = d->code;
    if (figure)
        *figure = d->figure;
    if (mode)
        *mode = d->mode;
    if (published)
        *published = d->published;
    if (computed)
        *computed = d->computed;
    if (verdict)
        *verdict = d->verdict;
    if (reason)
        *reason = d->reason;
    return TA_OK;
}

size_t ta_verification_unchecked_count(const ta_verification *v)
{
    return v ? v->n_unchecked : 0;
}

ta_status ta_verification_unchecked(const ta_verification *v, size_t k, const char **period,
                                    const char **figure, size_t *count)
{
    if (!v || k >= v->n_unchecked)
        return TA_EINVAL;
    if (period)
        *period = v->unchecked[k].period;
    if (figure)
        *figure = v->unchecked[k].figure;
    if (count)
        *count = v->unchecked[k].count;
    return TA_OK;
}

ta_status ta_verification_status(const ta_verification *v)
{
    if (!v)
        return TA_EINVAL;
    for (size_t k = 0; k < v->n_diffs; k++)
        if (v->diffs[k].verdict == TA_UNEXPLAINED)
            return TA_EINCONSISTENT;
    return TA_OK;
}
