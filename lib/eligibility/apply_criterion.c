/*
 * The rules: one criterion applied to one trust, with the figures behind the
 * outcome, a reason sentence and, when not met, what would have to change.
 *
 * Each kind is one function here and nowhere else. Shared rules:
 *   - a figure comes from the latest screened period in which the trust has
 *     it; when that is not the last period the reason says where it came
 *     from and, for a flag no trust has in later periods, for which quarters
 *     it is published at all ("published for Q1-Q2 only; taken from Q2");
 *   - peers are the trusts of the same trust type in that period with the
 *     figure, the trust itself included; quartile and median are
 *     QUARTILE.INC (ta_quantile_cutoffs, TA_QUANTILE_TYPE7);
 *   - "at most" includes the threshold, "better than the median" excludes
 *     it; both allow TAI_ELIG_EPS for binary rounding of decimal figures;
 *   - missing evidence is TA_NO_EVIDENCE, never met.
 */
#include <string.h>

#include "common/alloc.h"
#include "eligibility_internal.h"
#include "trustassess/date.h"

typedef struct build {
    ta_screen *s;
    const tai_criterion *c;
    const tai_screen_trust *t;
    tai_result *r;
    tai_text reason, change;
} build;

static void outcome(build *b, ta_criterion_outcome o)
{
    b->r->outcome = o;
}

/* The figure behind the outcome. A result starts with none, no threshold
 * and no period (tai_rule_apply), so a rule says only what it has. */
static void value_of(build *b, double value)
{
    b->r->has_value = 1;
    b->r->value = value;
}

/* The threshold the figure was held to. */
static void held_to(build *b, double threshold)
{
    b->r->has_threshold = 1;
    b->r->threshold = threshold;
}

/* The period label's first word ("Q2" of "Q2 2025/26"). */
static void period_word(tai_text *t, const char *label)
{
    const char *sp = strchr(label, ' ');
    tai_text_append(t, label, sp ? (size_t)(sp - label) : strlen(label));
}

/* " (taken from Q3 2025/26, the latest quarter with it)" when q is not the last. */
static void taken_from(build *b, size_t q)
{
    if (q + 1 == b->s->n_periods)
        return;
    tai_text_puts(&b->reason, " (taken from ");
    tai_text_puts(&b->reason, b->s->labels[q]);
    tai_text_puts(&b->reason, ", the latest quarter with it)");
}

/* ---- segment history ---------------------------------------------------- */

static ta_status segment_rule(build *b)
{
    ta_screen *s = b->s;
    const tai_criterion *c = b->c;
    int k = s->quarters ? s->quarters : c->quarters, worst = 0;
    size_t first, worst_q = 0, missing_q = (size_t)-1;
    int segs[40], has[40];
    ta_status st;
    if ((size_t)k > s->n_periods) {
        outcome(b, TA_NO_EVIDENCE);
        held_to(b, c->segment);
        tai_text_puts(&b->reason, "needs the adjusted segment in each of the last ");
        tai_text_int(&b->reason, k);
        tai_text_puts(&b->reason, " quarters, but ");
        tai_text_int(&b->reason, (int64_t)s->n_periods);
        tai_text_puts(&b->reason, s->n_periods == 1 ? " quarter is" : " quarters are");
        tai_text_puts(&b->reason, " screened");
        tai_text_puts(&b->change, "adjusted segments for more quarters");
        return TA_OK;
    }
    first = s->n_periods - (size_t)k;
    for (size_t q = first; q < s->n_periods; q++) {
        size_t j = q - first;
        if ((st = tai_ev_segment(s, q, b->t->code, &has[j], &segs[j])) != TA_OK)
            return st;
        if (!has[j])
            missing_q = q;
        else if (segs[j] >= worst) {
            worst = segs[j];
            worst_q = q;
        }
    }
    if (worst > c->segment) {
        outcome(b, TA_NOT_MET);
        value_of(b, worst);
        held_to(b, c->segment);
        b->r->period = worst_q;
        tai_text_puts(&b->reason, "adjusted segment ");
        tai_text_int(&b->reason, worst);
        tai_text_puts(&b->reason, " in ");
        tai_text_puts(&b->reason, s->labels[worst_q]);
        tai_text_puts(&b->reason, " is worse than ");
        tai_text_int(&b->reason, c->segment);
    } else if (missing_q != (size_t)-1) {
        outcome(b, TA_NO_EVIDENCE);
        held_to(b, c->segment);
        b->r->period = missing_q;
        tai_text_puts(&b->reason, "no adjusted segment for ");
        tai_text_puts(&b->reason, s->labels[missing_q]);
    } else {
        outcome(b, TA_MET);
        value_of(b, worst);
        held_to(b, c->segment);
        b->r->period = worst_q;
        tai_text_puts(&b->reason, "adjusted segment at most ");
        tai_text_int(&b->reason, c->segment);
    }
    tai_text_puts(&b->reason,
                  b->r->outcome == TA_MET ? " in each of the last " : "; needs at most ");
    if (b->r->outcome != TA_MET) {
        tai_text_int(&b->reason, c->segment);
        tai_text_puts(&b->reason, " in each of the last ");
    }
    tai_text_int(&b->reason, k);
    tai_text_puts(&b->reason, k == 1 ? " quarter (" : " quarters (");
    for (size_t q = first; q < s->n_periods; q++) {
        size_t j = q - first;
        if (q > first)
            tai_text_puts(&b->reason, ", ");
        tai_text_puts(&b->reason, s->labels[q]);
        tai_text_puts(&b->reason, ": ");
        if (has[j])
            tai_text_int(&b->reason, segs[j]);
        else
            tai_text_puts(&b->reason, "none");
    }
    tai_text_puts(&b->reason, ")");
    tai_text_puts(&b->change, "adjusted segment at most ");
    tai_text_int(&b->change, c->segment);
    tai_text_puts(&b->change, " in each of the last ");
    tai_text_int(&b->change, k);
    tai_text_puts(&b->change, k == 1 ? " quarter" : " quarters");
    if (b->r->outcome == TA_NOT_MET) {
        tai_text_puts(&b->change, " (it was ");
        tai_text_int(&b->change, worst);
        tai_text_puts(&b->change, " in ");
        tai_text_puts(&b->change, s->labels[worst_q]);
        tai_text_puts(&b->change, ")");
    } else if (b->r->outcome == TA_NO_EVIDENCE) {
        tai_text_puts(&b->change, ", with a segment published for ");
        tai_text_puts(&b->change, s->labels[missing_q]);
    }
    return TA_OK;
}

/* ---- flags --------------------------------------------------------------- */

/* Whether any trust of period q has the flag. */
static int flag_published(const ta_screen *s, size_t q, ta_flag flag)
{
    for (size_t i = 0; i < tai_ev_trust_count(s, q); i++)
        if (ta_assessment_trust_flag(s->periods[q], i, flag) != TA_UNKNOWN)
            return 1;
    return 0;
}

/* "Q1-Q2" (a run of periods) or "Q1, Q3" (otherwise): the periods publishing it. */
static void published_periods(build *b, ta_flag flag)
{
    const ta_screen *s = b->s;
    size_t lo = (size_t)-1, hi = 0, n = 0;
    for (size_t q = 0; q < s->n_periods; q++)
        if (flag_published(s, q, flag)) {
            if (lo == (size_t)-1)
                lo = q;
            hi = q;
            n++;
        }
    if (n == hi - lo + 1 && n > 1) {
        period_word(&b->reason, s->labels[lo]);
        tai_text_puts(&b->reason, "-");
        period_word(&b->reason, s->labels[hi]);
        return;
    }
    for (size_t q = 0, k = 0; q < s->n_periods; q++)
        if (flag_published(s, q, flag)) {
            if (k++)
                tai_text_puts(&b->reason, ", ");
            period_word(&b->reason, s->labels[q]);
        }
}

static ta_status flag_rule(build *b, ta_flag flag)
{
    ta_screen *s = b->s;
    const char *what = flag == TA_FLAG_FINANCIAL_DEFICIT ? "financial override (deficit) flag"
                                                         : "Recovery Support Programme flag";
    ta_tristate v = TA_UNKNOWN;
    size_t q = s->n_periods;
    while (q-- > 0) {
        (void)tai_ev_flag(s, q, b->t->code, flag, &v);
        if (v != TA_UNKNOWN)
            break;
    }
    tai_text_puts(&b->change, "the ");
    tai_text_puts(&b->change, what);
    tai_text_puts(&b->change, " to be 0");
    if (v == TA_UNKNOWN) {
        outcome(b, TA_NO_EVIDENCE);
        held_to(b, 0);
        tai_text_puts(&b->reason, "no ");
        tai_text_puts(&b->reason, what);
        tai_text_puts(&b->reason, " published for the trust in any screened quarter");
        tai_text_puts(&b->change, " in a published quarter");
        return TA_OK;
    }
    outcome(b, v == TA_NO ? TA_MET : TA_NOT_MET);
    value_of(b, v == TA_YES ? 1 : 0);
    held_to(b, 0);
    b->r->period = q;
    tai_text_puts(&b->reason, what);
    tai_text_puts(&b->reason, v == TA_YES ? " 1 in " : " 0 in ");
    tai_text_puts(&b->reason, s->labels[q]);
    if (flag == TA_FLAG_FINANCIAL_DEFICIT)
        tai_text_puts(&b->reason, v == TA_YES ? ": in financial deficit (segment capped)"
                                              : ": not in financial deficit");
    else
        tai_text_puts(&b->reason, v == TA_YES ? ": in the Recovery Support Programme"
                                              : ": not in the Recovery Support Programme");
    if (q + 1 < s->n_periods) {
        int later = 0;
        for (size_t k = q + 1; k < s->n_periods; k++)
            later |= flag_published(s, k, flag);
        tai_text_puts(&b->reason, " (");
        if (later) {
            tai_text_puts(&b->reason, "not published for the trust in ");
            tai_text_puts(&b->reason, s->labels[s->n_periods - 1]);
        } else {
            tai_text_puts(&b->reason, "published for ");
            published_periods(b, flag);
            tai_text_puts(&b->reason, " only");
        }
        tai_text_puts(&b->reason, "; taken from ");
        tai_text_puts(&b->reason, s->labels[q]);
        tai_text_puts(&b->reason, ")");
    }
    return TA_OK;
}

/* ---- domain scores and metrics: resolving names --------------------------- */

static ta_status resolve_domain(build *b, size_t *d)
{
    const char *key, *id; /* both set by each call that succeeds */
    for (size_t i = 0; ta_framework_domain_info(&key, NULL, &id, b->s->fw, i) == TA_OK; i++) {
        if ((key && strcmp(key, b->c->ref) == 0) || (id && strcmp(id, b->c->ref) == 0)) {
            *d = i;
            return TA_OK;
        }
    }
    return tai_error_set(
        &b->s->err, TA_ENOTFOUND, "%s%scriterion %s: the framework has no domain \"%s\"",
        b->c->where ? b->c->where : "", b->c->where ? ": " : "", b->c->id, b->c->ref);
}

/* "Access to services domain score (OF4000)" */
static void domain_label(tai_text *t, const ta_framework *fw, size_t d)
{
    const char *name = NULL, *id = NULL;
    (void)ta_framework_domain_info(NULL, &name, &id, fw, d);
    tai_text_puts(t, name ? name : "");
    tai_text_puts(t, " domain score");
    if (id && *id) {
        tai_text_puts(t, " (");
        tai_text_puts(t, id);
        tai_text_puts(t, ")");
    }
}

/* The latest period in which the trust has the figure; n_periods when none. */
static ta_status latest(build *b, int domain, size_t idx, int raw, double *v, size_t *q_out)
{
    ta_screen *s = b->s;
    size_t q = s->n_periods;
    ta_status st;
    while (q-- > 0) {
        int has = 0;
        st = domain ? tai_ev_domain(s, q, b->t->code, idx, &has, v)
                    : tai_ev_metric(s, q, b->t->code, idx, raw, &has, v);
        if (st != TA_OK)
            return st;
        if (has) {
            *q_out = q;
            return TA_OK;
        }
    }
    *q_out = s->n_periods;
    return TA_OK;
}

/* The peers' quantile (n_out = 1: median; 3: quartiles, out[0] the lower). */
static ta_status peer_quantile(build *b, int domain, size_t idx, int raw, size_t q, size_t n_out,
                               double *out, size_t *n_peers)
{
    return tai_peer_quantile(b->s, b->t->type, domain, idx, raw, q, n_out, out, n_peers);
}

static void peers_text(build *b, size_t n)
{
    tai_text_puts(&b->reason, " (");
    tai_text_int(&b->reason, (int64_t)n);
    tai_text_puts(&b->reason, " trusts of type ");
    tai_text_puts(&b->reason, b->t->type[0] ? b->t->type : "(none)");
}

static void no_figure(build *b, void (*label)(tai_text *, const ta_framework *, size_t), size_t idx,
                      const char *metric_label)
{
    outcome(b, TA_NO_EVIDENCE);
    tai_text_puts(&b->reason, "no ");
    if (label)
        label(&b->reason, b->s->fw, idx);
    else
        tai_text_puts(&b->reason, metric_label);
    tai_text_puts(&b->reason, " for the trust in any screened quarter");
    tai_text_puts(&b->change, "a published ");
    if (label)
        label(&b->change, b->s->fw, idx);
    else
        tai_text_puts(&b->change, metric_label);
}

/* ---- domain score against a threshold or the peer lower quartile ---------- */

static ta_status domain_rule(build *b, int quartile)
{
    ta_screen *s = b->s;
    size_t d = 0, q, n_peers = 0;
    double v, limit = b->c->threshold;
    ta_status st;
    if ((st = resolve_domain(b, &d)) != TA_OK || (st = latest(b, 1, d, 0, &v, &q)) != TA_OK)
        return st;
    if (q == s->n_periods) {
        if (!quartile)
            held_to(b, limit);
        no_figure(b, domain_label, d, NULL);
        return TA_OK;
    }
    if (quartile) {
        if ((st = peer_quantile(b, 1, d, 0, q, 3, &limit, &n_peers)) != TA_OK)
            return st;
        if (n_peers < 2) {
            outcome(b, TA_NO_EVIDENCE);
            value_of(b, v);
            b->r->period = q;
            tai_text_puts(&b->reason, "fewer than 2 trusts of the same type have the ");
            domain_label(&b->reason, s->fw, d);
            tai_text_puts(&b->reason, " in ");
            tai_text_puts(&b->reason, s->labels[q]);
            tai_text_puts(&b->change, "peers to compare with");
            return TA_OK;
        }
    }
    outcome(b, v <= limit + TAI_ELIG_EPS ? TA_MET : TA_NOT_MET);
    value_of(b, v);
    held_to(b, limit);
    b->r->period = q;
    domain_label(&b->reason, s->fw, d);
    tai_text_puts(&b->reason, " ");
    tai_text_figure(&b->reason, v);
    tai_text_puts(&b->reason, " in ");
    tai_text_puts(&b->reason, s->labels[q]);
    tai_text_puts(&b->reason, b->r->outcome == TA_MET ? " is at or below " : " is above ");
    tai_text_puts(&b->reason, quartile ? "the peer lower quartile " : "");
    tai_text_figure(&b->reason, limit);
    if (quartile) {
        peers_text(b, n_peers);
        tai_text_puts(&b->reason, "; lower is better)");
    }
    taken_from(b, q);
    domain_label(&b->change, s->fw, d);
    tai_text_puts(&b->change, " to improve from ");
    tai_text_figure(&b->change, v);
    tai_text_puts(&b->change, " to ");
    tai_text_figure(&b->change, limit);
    tai_text_puts(&b->change, " or below");
    if (b->r->outcome == TA_NOT_MET) {
        tai_text_puts(&b->change, " (by ");
        tai_text_figure(&b->change, v - limit);
        tai_text_puts(&b->change, ")");
    }
    return TA_OK;
}

/* ---- a metric against the peer median ------------------------------------ */

static ta_status median_rule(build *b)
{
    ta_screen *s = b->s;
    size_t m, q, n_peers = 0;
    const char *score_id, *name;
    ta_direction dir = TA_LOWER_IS_BETTER;
    int raw, better;
    double v, med;
    ta_status st;
    tai_text label;
    if (ta_framework_metric_index(&m, s->fw, b->c->ref) != TA_OK)
        return tai_error_set(
            &s->err, TA_ENOTFOUND, "%s%scriterion %s: the framework has no metric \"%s\"",
            b->c->where ? b->c->where : "", b->c->where ? ": " : "", b->c->id, b->c->ref);
    score_id = ta_framework_metric_id(s->fw, m);
    name = ta_framework_metric_name(s->fw, m);
    (void)ta_framework_metric_direction(&dir, s->fw, m);
    raw = strcmp(score_id, b->c->ref) != 0;
    if (!raw)
        dir = TA_LOWER_IS_BETTER; /* scores: 1.00 best */
    tai_text_init(&label, &s->alloc);
    tai_text_puts(&label, b->c->ref);
    tai_text_puts(&label, raw ? " " : " score of ");
    tai_text_puts(&label, name);
    if ((st = label.st) != TA_OK) {
        tai_text_free(&label);
        return tai_error_set(&s->err, st, "out of memory");
    }
    if (raw && !s->file) {
        outcome(b, TA_NO_EVIDENCE);
        tai_text_puts(&b->reason, label.data);
        tai_text_puts(&b->reason, " is a raw value, which an assessment does not carry (name "
                                  "the score ID ");
        tai_text_puts(&b->reason, score_id);
        tai_text_puts(&b->reason, " to screen assessments)");
        tai_text_puts(&b->change, "a criterion on the score ID ");
        tai_text_puts(&b->change, score_id);
        tai_text_free(&label);
        return TA_OK;
    }
    if ((st = latest(b, 0, m, raw, &v, &q)) != TA_OK) {
        tai_text_free(&label);
        return st;
    }
    if (q == s->n_periods) {
        no_figure(b, NULL, 0, label.data);
        tai_text_free(&label);
        return TA_OK;
    }
    if ((st = peer_quantile(b, 0, m, raw, q, 1, &med, &n_peers)) != TA_OK) {
        tai_text_free(&label);
        return st;
    }
    if (n_peers < 2) {
        outcome(b, TA_NO_EVIDENCE);
        value_of(b, v);
        b->r->period = q;
        tai_text_puts(&b->reason, "fewer than 2 trusts of the same type have ");
        tai_text_puts(&b->reason, label.data);
        tai_text_puts(&b->reason, " in ");
        tai_text_puts(&b->reason, s->labels[q]);
        tai_text_puts(&b->change, "peers to compare with");
        tai_text_free(&label);
        return TA_OK;
    }
    better = dir == TA_LOWER_IS_BETTER ? v < med - TAI_ELIG_EPS : v > med + TAI_ELIG_EPS;
    outcome(b, better ? TA_MET : TA_NOT_MET);
    value_of(b, v);
    held_to(b, med);
    b->r->period = q;
    tai_text_puts(&b->reason, label.data);
    tai_text_puts(&b->reason, " ");
    tai_text_figure(&b->reason, v);
    tai_text_puts(&b->reason, " in ");
    tai_text_puts(&b->reason, s->labels[q]);
    tai_text_puts(&b->reason, better ? " is " : " is not ");
    tai_text_puts(&b->reason, dir == TA_LOWER_IS_BETTER ? "below" : "above");
    tai_text_puts(&b->reason, " the peer median ");
    tai_text_figure(&b->reason, med);
    peers_text(b, n_peers);
    tai_text_puts(&b->reason,
                  dir == TA_LOWER_IS_BETTER ? "; lower is better" : "; higher is better");
    tai_text_puts(&b->reason, better ? ")" : "; equal to the median is not better)");
    taken_from(b, q);
    tai_text_puts(&b->change, label.data);
    tai_text_puts(&b->change, dir == TA_LOWER_IS_BETTER ? " to fall below the peer median "
                                                        : " to rise above the peer median ");
    tai_text_figure(&b->change, med);
    tai_text_puts(&b->change, " (from ");
    tai_text_figure(&b->change, v);
    tai_text_puts(&b->change, ")");
    tai_text_free(&label);
    return TA_OK;
}

/* ---- supplied evidence ----------------------------------------------------- */

static ta_status judgement_rule(build *b)
{
    const tai_judgement *j = NULL;
    for (size_t i = 0; i < b->t->n_judgements; i++)
        if (strcmp(b->t->judgements[i].key, b->c->ref) == 0)
            j = &b->t->judgements[i];
    if (!j) {
        outcome(b, TA_NO_EVIDENCE);
        held_to(b, 1);
        tai_text_puts(&b->reason, "no ");
        tai_text_puts(&b->reason, b->c->ref);
        tai_text_puts(&b->reason, " judgement supplied");
        tai_text_puts(&b->change, "a supplied ");
        tai_text_puts(&b->change, b->c->ref);
        tai_text_puts(&b->change, " judgement of yes");
        return TA_OK;
    }
    outcome(b, j->value == TA_YES ? TA_MET : TA_NOT_MET);
    value_of(b, j->value == TA_YES ? 1 : 0);
    held_to(b, 1);
    tai_text_puts(&b->reason, b->c->ref);
    tai_text_puts(&b->reason,
                  j->value == TA_YES ? " judgement supplied: yes" : " judgement supplied: no");
    if (j->note && *j->note) {
        tai_text_puts(&b->reason, " (");
        tai_text_puts(&b->reason, j->note);
        tai_text_puts(&b->reason, ")");
    }
    tai_text_puts(&b->change, "the supplied ");
    tai_text_puts(&b->change, b->c->ref);
    tai_text_puts(&b->change, " judgement to be yes");
    return TA_OK;
}

/* Months a CQC rating stays current: the CQC's maximum interval between
 * inspections for that rating (domain notes, "CQC inspection cadence"). */
static int32_t cqc_months(ta_cqc_rating r)
{
    switch (r) {
    case TA_CQC_OUTSTANDING:
        return 60;
    case TA_CQC_GOOD:
        return 42;
    case TA_CQC_REQUIRES_IMPROVEMENT:
        return 24;
    case TA_CQC_INADEQUATE:
        return 12;
    }
    return 0;
}

static ta_status cqc_rule(build *b)
{
    const ta_screen *s = b->s;
    const tai_screen_trust *t = b->t;
    ta_date until;
    if (t->has_cqc)
        value_of(b, (double)t->cqc);
    held_to(b, (double)b->c->cqc);
    tai_text_puts(&b->change, "a current supplied CQC rating of ");
    tai_text_puts(&b->change, ta_cqc_rating_name(b->c->cqc));
    tai_text_puts(&b->change, " or better");
    if (!t->has_cqc) {
        outcome(b, TA_NO_EVIDENCE);
        tai_text_puts(&b->reason, "no CQC rating supplied");
        return TA_OK;
    }
    tai_text_puts(&b->reason, "CQC rating ");
    tai_text_puts(&b->reason, ta_cqc_rating_name(t->cqc));
    tai_text_puts(&b->reason, " of ");
    tai_text_date(&b->reason, t->cqc_date);
    tai_text_puts(&b->reason, " (supplied)");
    if (!s->has_as_of) {
        outcome(b, TA_NO_EVIDENCE);
        tai_text_puts(&b->reason, ", but no as-of date was set to judge whether it is current");
        return TA_OK;
    }
    if (ta_date_compare(t->cqc_date, s->as_of) > 0) {
        outcome(b, TA_NO_EVIDENCE);
        tai_text_puts(&b->reason, " is dated after the as-of date ");
        tai_text_date(&b->reason, s->as_of);
        return TA_OK;
    }
    if (ta_date_add_months(&until, t->cqc_date, cqc_months(t->cqc)) != TA_OK)
        until = (ta_date){9999, 12, 31};
    if (ta_date_compare(s->as_of, until) > 0) {
        outcome(b, TA_NO_EVIDENCE);
        tai_text_puts(&b->reason, " is stale on ");
        tai_text_date(&b->reason, s->as_of);
    } else {
        outcome(b, t->cqc <= b->c->cqc ? TA_MET : TA_NOT_MET);
        tai_text_puts(&b->reason, " is current on ");
        tai_text_date(&b->reason, s->as_of);
    }
    tai_text_puts(&b->reason, " (a rating of ");
    tai_text_puts(&b->reason, ta_cqc_rating_name(t->cqc));
    tai_text_puts(&b->reason, " is current for ");
    tai_text_int(&b->reason, cqc_months(t->cqc));
    tai_text_puts(&b->reason, " months, to ");
    tai_text_date(&b->reason, until);
    tai_text_puts(&b->reason, ")");
    if (b->r->outcome != TA_NO_EVIDENCE) {
        tai_text_puts(&b->reason, b->r->outcome == TA_MET ? " and is " : " and is worse than ");
        tai_text_puts(&b->reason, b->r->outcome == TA_MET ? "at least " : "");
        tai_text_puts(&b->reason, ta_cqc_rating_name(b->c->cqc));
    }
    return TA_OK;
}

ta_status tai_rule_apply(ta_screen *s, const tai_criterion *c, const tai_screen_trust *t,
                         tai_result *r)
{
    build b;
    ta_status st;
    memset(r, 0, sizeof *r);
    r->period = (size_t)-1;
    b.s = s;
    b.c = c;
    b.t = t;
    b.r = r;
    tai_text_init(&b.reason, &s->alloc);
    tai_text_init(&b.change, &s->alloc);
    switch (c->kind) {
    case TA_CRITERION_SEGMENT_AT_MOST:
        st = segment_rule(&b);
        break;
    case TA_CRITERION_NO_DEFICIT:
        st = flag_rule(&b, TA_FLAG_FINANCIAL_DEFICIT);
        break;
    case TA_CRITERION_NOT_IN_RSP:
        st = flag_rule(&b, TA_FLAG_RECOVERY_SUPPORT);
        break;
    case TA_CRITERION_DOMAIN_SCORE_AT_MOST:
        st = domain_rule(&b, 0);
        break;
    case TA_CRITERION_DOMAIN_TOP_QUARTILE:
        st = domain_rule(&b, 1);
        break;
    case TA_CRITERION_BETTER_THAN_PEER_MEDIAN:
        st = median_rule(&b);
        break;
    case TA_CRITERION_SUPPLIED_JUDGEMENT:
        st = judgement_rule(&b);
        break;
    case TA_CRITERION_CQC_RATING:
        st = cqc_rule(&b);
        break;
    default:
        st = tai_error_set(&s->err, TA_EINVAL, "criterion %s has an unknown kind", c->id);
    }
    if (st == TA_OK &&
        (b.reason.st != TA_OK || b.change.st != TA_OK || !(r->reason = tai_text_dup(&b.reason)) ||
         !(r->change = tai_text_dup(&b.change))))
        st = tai_error_set(&s->err, TA_ENOMEM, "out of memory");
    tai_text_free(&b.reason);
    tai_text_free(&b.change);
    if (st != TA_OK) {
        tai_free(&s->alloc, r->reason);
        tai_free(&s->alloc, r->change);
        r->reason = r->change = NULL;
    }
    return st;
}
