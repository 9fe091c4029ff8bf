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
 * come from an ordinary assessment of the file (which works from the
 * unrounded scores the framework's pool sizes reconstruct; its notes are
 * kept here).
 *
 * Metric scores are checked where the file holds what they follow from: a
 * banded or bracketed score from its raw value; a combined score from its
 * two published components; a rank-scored one from the raw values when the
 * file holds the whole comparison pool (ties broken by the published Rank
 * column), and a floor's or standard's fixed score (4.00 below a floor, 1.00
 * at a standard) in any case. Every other published score is "not checked",
 * with the reason (the pool is wider than the file, the score is supplied).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "common/alloc.h"
#include "common/number.h"
#include "published.h"
#include "assessment_internal.h"
#include "trust_internal.h"
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
    const char *reason; /* static text or an entry of reasons */
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
    tai_notes reasons; /* reason texts made for this run (unchecked points into it) */
    tai_notes notes;   /* the assessments' notes, prefixed with nothing: they name the period */
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
    v->reasons.alloc = &v->alloc;
    v->notes.alloc = &v->alloc;
    *out = v;
    return TA_OK;
}

static void reset(ta_verification *v)
{
    v->n_summaries = v->n_diffs = v->n_unchecked = 0;
    tai_notes_clear(&v->reasons);
    tai_notes_clear(&v->notes);
}

void ta_verification_free(ta_verification *v)
{
    ta_allocator a;
    if (!v)
        return;
    a = v->alloc;
    tai_notes_clear(&v->reasons);
    tai_notes_clear(&v->notes);
    tai_free(&a, v->reasons.items);
    tai_free(&a, v->notes.items);
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
                        const char *figure, ta_verify_mode mode, double published, double computed,
                        ta_verdict verdict, const char *reason)
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
    if (tai_grow(&v->alloc, (void **)&v->diffs, &v->diffs_cap, v->n_diffs + 1, sizeof *v->diffs) !=
        TA_OK)
        return TA_ENOMEM;
    d = &v->diffs[v->n_diffs++];
    d->period = period;
    (void)snprintf(d->code, sizeof d->code, "%s", code);
    d->figure = figure;
    d->mode = mode;
    d->published = published;
    d->computed = computed;
    d->verdict = verdict;
    (void)snprintf(d->reason, sizeof d->reason, "%s", reason);
    return TA_OK;
}

/* ---- the explanation test --------------------------------------------- */

/* Whether x is from lo to hi, allowing for the binary error of decimals. */
static int within(double x, double lo, double hi)
{
    return x >= lo - 1e-9 && x <= hi + 1e-9;
}

/* Whether published A is round-half-up(x) for some x within half a unit of
 * the last decimal of m (the mean of inputs each off by up to half a unit). */
static int rounding_explains(double published, double mean, int decimals)
{
    double unit = 1.0, lo, hi;
    for (int i = 0; i < decimals; i++)
        unit /= 10.0;
    lo = tai_round_half_up(mean - unit / 2, decimals);
    hi = tai_round_half_up(mean + unit / 2, decimals);
    return within(published, lo, hi);
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
    const ta_figure kinds[] = {TA_FIGURE_AVERAGE,          TA_FIGURE_UNADJUSTED_SEGMENT,
                               TA_FIGURE_ADJUSTED_SEGMENT, TA_FIGURE_FINAL_SEGMENT,
                               TA_FIGURE_DEFICIT_FLAG,     TA_FIGURE_RSP_FLAG};
    const tai_nhse_figure *found[6];
    memset(p, 0, sizeof *p);
    for (int k = 0; k < 6; k++) {
        size_t i = tai_framework_figure(def, kinds[k]);
        found[k] =
            i == (size_t)-1 ? NULL : tai_nhse_find_figure(f, period, code, def->figures[i].id);
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
                verdict == TA_AGREES ? ""
                                     : "the rule applied to the published figures of the "
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
        reason = by_missing ? lacks
                            : "the rule applied to the published figures of the step "
                              "before gives another rank";
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

/* Counts one published figure of (period, figure) not checked, for `reason`
 * (static text, or text this run keeps in v->reasons). */
static ta_status add_unchecked(ta_verification *v, const char *period, const char *figure,
                               const char *reason)
{
    unchecked *u = NULL;
    for (size_t k = 0; k < v->n_unchecked && !u; k++)
        if (v->unchecked[k].period == period && v->unchecked[k].figure == figure &&
            strcmp(v->unchecked[k].reason, reason) == 0)
            u = &v->unchecked[k];
    if (!u) {
        if (tai_grow(&v->alloc, (void **)&v->unchecked, &v->unchecked_cap, v->n_unchecked + 1,
                     sizeof *v->unchecked) != TA_OK)
            return TA_ENOMEM;
        u = &v->unchecked[v->n_unchecked++];
        u->period = period;
        u->figure = figure;
        u->reason = reason;
        u->count = 0;
    }
    u->count++;
    return TA_OK;
}

/* A reason text kept for the run (NULL when out of memory). */
static const char *keep_reason(ta_verification *v, const char *text)
{
    for (size_t i = 0; i < v->reasons.count; i++)
        if (strcmp(v->reasons.items[i], text) == 0)
            return v->reasons.items[i];
    if (tai_notes_add(&v->reasons, text) != TA_OK)
        return NULL;
    return v->reasons.items[v->reasons.count - 1];
}

/* Published figures of the period that no check reads: inputs and figures
 * the framework keeps but does not compute. (Metric scores are counted by
 * check_metric_scores, which knows which of them it checked.) */
static ta_status count_unchecked(ta_verification *v, size_t period_index)
{
    const ta_nhse_file *f = v->f;
    const tai_framework_def *def = &f->fw->def;
    ta_status st = TA_OK;
    for (size_t i = 0; st == TA_OK && i < f->n_figures; i++) {
        const tai_nhse_figure *fig = &f->figures[i];
        const char *id, *reason;
        if (f->entries[fig->entry].period != period_index || fig->id_kind == TAI_ID_DOMAIN ||
            fig->id_kind == TAI_ID_SCORE)
            continue;
        if (fig->id_kind == TAI_ID_FIGURE) {
            ta_figure kind = def->figures[fig->id_index].kind;
            if (kind == TA_FIGURE_AVERAGE || kind == TA_FIGURE_UNADJUSTED_SEGMENT ||
                kind == TA_FIGURE_ADJUSTED_SEGMENT || kind == TA_FIGURE_FINAL_SEGMENT)
                continue;
            id = def->figures[fig->id_index].id;
            reason = kind == TA_FIGURE_DEFICIT_FLAG || kind == TA_FIGURE_RSP_FLAG
                         ? "an input: a determination, not derived from the figures"
                         : "kept, but the framework does not compute it";
        } else {
            id = def->metrics[fig->id_index].raw_id;
            reason = "a raw value: an input to its score";
        }
        st = add_unchecked(v, f->periods[period_index], id, reason);
    }
    return st;
}

/* ---- metric scores ---------------------------------------------------- */

/* One trust's raw value of a metric in the period, with its published score. */
typedef struct raw_row {
    const char *code;
    double value, rank;
    int has_rank;
    const tai_nhse_figure *score;
} raw_row;

/* Records a metric-score comparison in both modes (a score is the first step
 * of either). */
static ta_status record_score(ta_verification *v, const char *period, const char *code,
                              const char *figure, double published, double computed, int decimals,
                              const char *why_not)
{
    ta_verdict verdict = fabs(tai_round_half_up(computed, decimals) - published) <= 1e-9
                             ? TA_AGREES
                             : TA_UNEXPLAINED;
    ta_status st = TA_OK;
    for (int mode = TA_STEP_BY_STEP; st == TA_OK && mode <= TA_END_TO_END; mode++)
        st = record(v, period, code, figure, (ta_verify_mode)mode, published,
                    tai_round_half_up(computed, decimals), verdict,
                    verdict == TA_AGREES ? "" : why_not);
    return st;
}

/* Whether raw row x is strictly better than y: by value in the metric's
 * direction, then by the published Rank where both have one. */
static int better(const tai_metric *m, const raw_row *x, const raw_row *y)
{
    if (x->value != y->value)
        return m->direction == TA_HIGHER_IS_BETTER ? x->value > y->value : x->value < y->value;
    return x->has_rank && y->has_rank && x->rank < y->rank;
}

/* Checks metric m's published scores in period p (see the file comment). */
static ta_status check_metric(ta_verification *v, size_t p, size_t m, raw_row *rows)
{
    const ta_nhse_file *f = v->f;
    const tai_framework_def *def = &f->fw->def;
    const tai_metric *metric = &def->metrics[m];
    const char *period = f->periods[p];
    size_t n_rows = 0, spread = 0;
    unsigned pool;
    int whole;
    char text[TAI_ERROR_SIZE];
    tai_error e;
    ta_status st = TA_OK;

    /* Every published score of the period, with its raw value when published. */
    for (size_t i = 0; i < f->n_figures; i++) {
        const tai_nhse_figure *fig = &f->figures[i];
        const tai_nhse_entry *en = &f->entries[fig->entry];
        if (en->period != p || fig->id_kind != TAI_ID_SCORE || fig->id_index != m)
            continue;
        rows[n_rows].code = en->code;
        rows[n_rows].score = fig;
        rows[n_rows].has_rank = 0;
        rows[n_rows].value = NAN;
        if (metric->raw_id[0]) {
            const tai_nhse_figure *raw = tai_nhse_find_figure(f, period, en->code, metric->raw_id);
            if (raw) {
                rows[n_rows].value = raw->value;
                rows[n_rows].has_rank = raw->has_rank;
                rows[n_rows].rank = raw->rank;
            }
        }
        n_rows++;
    }
    /* Trusts of the file between a rank-scored metric's bookends (counted for
     * every metric: the others never reach the rows that read it). */
    for (size_t i = 0; i < f->n_figures; i++) {
        const tai_nhse_figure *fig = &f->figures[i];
        if (f->entries[fig->entry].period != p || fig->id_kind != TAI_ID_RAW || fig->id_index != m)
            continue;
        if ((metric->scoring != TA_SCORING_FLOOR && metric->scoring != TA_SCORING_STANDARD) ||
            tai_misses_standard(metric->direction, metric->standard, fig->value) ==
                (metric->scoring == TA_SCORING_STANDARD))
            spread++;
    }
    /* No pool data: the framework ranks within the trusts given. */
    pool = metric->n_pools ? tai_metric_pool(metric, period) : (unsigned)spread;
    /* A row that reaches the rank test has a raw value the spread counted
     * (raw IDs are unique), so an empty spread never meets a pool of 0. */
    whole = pool == spread;

    for (size_t i = 0; st == TA_OK && i < n_rows; i++) {
        const raw_row *r = &rows[i];
        double published = r->score->value;
        const char *reason = NULL;
        if (metric->scoring == TA_SCORING_SUPPLIED) {
            reason = "a supplied score: no rule derives it";
        } else if (metric->scoring == TA_SCORING_COMBINED) {
            const tai_nhse_figure *a1 = tai_nhse_find_figure(
                f, period, r->code, def->metrics[metric->combo_first_index].id);
            const tai_nhse_figure *a2 = tai_nhse_find_figure(
                f, period, r->code, def->metrics[metric->combo_second_index].id);
            /* Whole scores only; the assessment made from the file has
             * refused any score outside 1 to 4 before this runs. */
            int w1 = a1 && a1->value == floor(a1->value) ? (int)a1->value : 0;
            int w2 = a2 && a2->value == floor(a2->value) ? (int)a2->value : 0;
            double x = w1 && w2 ? metric->combo_table[4 * (w1 - 1) + (w2 - 1)] : 0;
            if (!w1 || !w2) {
                reason = "a component score is not published";
            } else if (x == 0) {
                tai_error_set(&e, TA_OK, "the table has no entry for %s = %d and %s = %d",
                              metric->combo_first, w1, metric->combo_second, w2);
                memcpy(text, e.msg, sizeof text);
                if (!(reason = keep_reason(v, text)))
                    return TA_ENOMEM;
            } else {
                st = record_score(v, period, r->code, metric->id, published, x, def->decimals,
                                  "the combination table gives another score");
            }
        } else if (isnan(r->value)) {
            reason = "no raw value published";
        } else if (metric->scoring == TA_SCORING_BANDED) {
            st = record_score(
                v, period, r->code, metric->id, published,
                tai_band_score(metric->cuts, metric->n_cuts, metric->direction, r->value),
                def->decimals, "the bands give another score");
        } else if (metric->scoring == TA_SCORING_BRACKETED) {
            st = record_score(v, period, r->code, metric->id, published,
                              tai_bracket_score(metric, r->value), def->decimals,
                              "the brackets give another score");
        } else if ((metric->scoring == TA_SCORING_FLOOR ||
                    metric->scoring == TA_SCORING_STANDARD_CAPPED) &&
                   tai_misses_standard(metric->direction, metric->standard, r->value)) {
            st = record_score(v, period, r->code, metric->id, published, 4.0, def->decimals,
                              "fails the floor, but does not score 4.00");
        } else if (metric->scoring == TA_SCORING_STANDARD &&
                   !tai_misses_standard(metric->direction, metric->standard, r->value)) {
            st = record_score(v, period, r->code, metric->id, published, 1.0, def->decimals,
                              "meets the standard, but does not score 1.00");
        } else if (whole) {
            /* Trusts better than r in its spread: those meeting a standard
             * are not in a standard's spread (one missing a floor or a
             * capped standard is never better than r, which meets it). */
            size_t k = 0;
            for (size_t j = 0; j < n_rows; j++)
                if (j != i && !isnan(rows[j].value) && better(metric, &rows[j], r) &&
                    !(metric->scoring == TA_SCORING_STANDARD &&
                      !tai_misses_standard(metric->direction, metric->standard, rows[j].value)))
                    k++;
            st = record_score(v, period, r->code, metric->id, published,
                              tai_bookend_score(metric->scoring, k, pool), def->decimals,
                              "its rank among the file's trusts gives another score");
        } else if (metric->scoring == TA_SCORING_FLOOR) {
            /* The spread's positions need the whole pool; its bookends do not. */
            double lo, hi;
            tai_bookends(metric->scoring, &lo, &hi);
            st = record_score(v, period, r->code, metric->id, published,
                              within(published, lo, hi) ? published : hi, def->decimals,
                              "meets the floor, but scores outside 1.00-3.00");
        } else {
            tai_error_set(&e, TA_OK, "pool of %u trusts; this file has %zu", pool, spread);
            memcpy(text, e.msg, sizeof text);
            if (pool == 0)
                reason = "no pool size for this quarter";
            else if (!(reason = keep_reason(v, text)))
                return TA_ENOMEM;
        }
        if (st == TA_OK && reason)
            st = add_unchecked(v, period, metric->id, reason);
    }
    return st;
}

static ta_status check_metric_scores(ta_verification *v, size_t p)
{
    const tai_framework_def *def = &v->f->fw->def;
    raw_row *rows = tai_calloc(&v->alloc, v->f->n_entries, sizeof *rows);
    ta_status st = rows ? TA_OK : TA_ENOMEM;
    for (size_t m = 0; st == TA_OK && m < def->n_metrics; m++)
        st = check_metric(v, p, m, rows);
    tai_free(&v->alloc, rows);
    return st;
}

/* Step-by-step ranks from the published adjusted segments and averages;
 * ranks (zeroed by the caller) stays 0 for a trust without both. */
static ta_status step_ranks(ta_verification *v, ta_assessment *a, const published_row *pub,
                            uint32_t *ranks)
{
    const tai_framework_def *def = &v->f->fw->def;
    double scale = tai_framework_scale(def);
    size_t n = ta_assessment_trust_count(a), m = 0;
    tai_rank_entry *entries = tai_calloc(&v->alloc, n, sizeof *entries);
    if (!entries)
        return TA_ENOMEM;
    for (size_t i = 0; i < n; i++) {
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
    pub = tai_calloc(&v->alloc, n, sizeof *pub);
    ranks = tai_calloc(&v->alloc, n, sizeof *ranks);
    explained = tai_calloc(&v->alloc, n, sizeof *explained);
    /* One per type of the file: a quarter's trusts have no other types (every
     * type is interned as its row is read), so each type_order is below it. */
    type_explained = tai_calloc(&v->alloc, f->n_types, sizeof *type_explained);
    type_ranked = tai_calloc(&v->alloc, f->n_types, sizeof *type_ranked);
    type_max_rank = tai_calloc(&v->alloc, f->n_types, sizeof *type_max_rank);
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
            double mean; /* written when has is */
            if (!fig)
                continue;
            ta_assessment_domain_score(&has, &mean, a, i, d);
            if (!has)
                st = record(v, period, code, def->domains[d].score_id, TA_STEP_BY_STEP, fig->value,
                            NAN, TA_UNEXPLAINED,
                            "published, but the trust has no "
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
            st = check_segment(
                v, period, code, adj_id, q->adjusted,
                tai_apply_deficit_cap((int)q->unadjusted, q->deficit, def->deficit_cap),
                r->adjusted, explained[i]);
        /* A league table publishes no unadjusted segment: the adjusted one
         * from the published average, the cut-offs and the deficit flag. */
        if (st == TA_OK && q->has_adjusted && !q->has_unadjusted && q->has_avg && adj_id)
            st = check_segment(v, period, code, adj_id, q->adjusted,
                               tai_apply_deficit_cap(tai_segment_of(q->avg, cutoffs, def->n_cutoffs,
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
        st = check_metric_scores(v, p);
    if (st == TA_OK)
        st = count_unchecked(v, p);
    for (size_t k = 0; st == TA_OK && k < ta_assessment_note_count(a); k++)
        st = tai_notes_add(&v->notes, ta_assessment_note(a, k));
    /* Only memory can fail here: the cut-offs come from published averages
     * the reader checked (1 to 4) and the bounds made strictly ascending. */
    if (st != TA_OK)
        tai_error_set(&v->err, st, "verifying %s: %s", period, ta_strerror(st));
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

const char *ta_verification_summary_period(const ta_verification *v, size_t k)
{
    return v && k < v->n_summaries ? v->summaries[k].period : NULL;
}

const char *ta_verification_summary_figure(const ta_verification *v, size_t k)
{
    return v && k < v->n_summaries ? v->summaries[k].figure : NULL;
}

ta_status ta_verification_summary_mode(ta_verify_mode *mode, const ta_verification *v, size_t k)
{
    if (!mode || !v || k >= v->n_summaries)
        return TA_EINVAL;
    *mode = v->summaries[k].mode;
    return TA_OK;
}

ta_status ta_verification_summary_counts(size_t *checked, size_t *agreed, size_t *explained,
                                         const ta_verification *v, size_t k)
{
    const summary *s;
    if (!v || k >= v->n_summaries)
        return TA_EINVAL;
    s = &v->summaries[k];
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

const char *ta_verification_difference_period(const ta_verification *v, size_t k)
{
    return v && k < v->n_diffs ? v->diffs[k].period : NULL;
}

const char *ta_verification_difference_trust_code(const ta_verification *v, size_t k)
{
    return v && k < v->n_diffs ? v->diffs[k].code : NULL;
}

const char *ta_verification_difference_figure(const ta_verification *v, size_t k)
{
    return v && k < v->n_diffs ? v->diffs[k].figure : NULL;
}

ta_status ta_verification_difference_mode(ta_verify_mode *mode, const ta_verification *v, size_t k)
{
    if (!mode || !v || k >= v->n_diffs)
        return TA_EINVAL;
    *mode = v->diffs[k].mode;
    return TA_OK;
}

ta_status ta_verification_difference_values(double *published, double *computed,
                                            const ta_verification *v, size_t k)
{
    if (!v || k >= v->n_diffs)
        return TA_EINVAL;
    if (published)
        *published = v->diffs[k].published;
    if (computed)
        *computed = v->diffs[k].computed;
    return TA_OK;
}

ta_status ta_verification_difference_verdict(ta_verdict *verdict, const ta_verification *v,
                                             size_t k)
{
    if (!verdict || !v || k >= v->n_diffs)
        return TA_EINVAL;
    *verdict = v->diffs[k].verdict;
    return TA_OK;
}

const char *ta_verification_difference_reason(const ta_verification *v, size_t k)
{
    return v && k < v->n_diffs ? v->diffs[k].reason : NULL;
}

size_t ta_verification_unchecked_count(const ta_verification *v)
{
    return v ? v->n_unchecked : 0;
}

ta_status ta_verification_unchecked(const char **period, const char **figure, size_t *count,
                                    const ta_verification *v, size_t k)
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

const char *ta_verification_unchecked_reason(const ta_verification *v, size_t k)
{
    return v && k < v->n_unchecked ? v->unchecked[k].reason : NULL;
}

size_t ta_verification_note_count(const ta_verification *v)
{
    return v ? v->notes.count : 0;
}

const char *ta_verification_note(const ta_verification *v, size_t k)
{
    return v && k < v->notes.count ? v->notes.items[k] : NULL;
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

const char *ta_verify_mode_name(ta_verify_mode v)
{
    switch (v) {
    case TA_STEP_BY_STEP:
        return "step-by-step";
    case TA_END_TO_END:
        return "end-to-end";
    }
    return "";
}

const char *ta_verdict_name(ta_verdict v)
{
    switch (v) {
    case TA_AGREES:
        return "agrees";
    case TA_EXPLAINED:
        return "explained";
    case TA_UNEXPLAINED:
        return "unexplained";
    }
    return "";
}
