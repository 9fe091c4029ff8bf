/*
 * The capital check: which route a scheme takes, who approves, what paperwork.
 *
 * This file is the one place the capital rules live. Each rule is one small
 * function: the compared amount (VAT, whole-life cost), the light route (the
 * £100m test with status, funding and savings), the delegated limit (status,
 * distress, NOF segment), the HM Treasury limit and the documents.
 * decide_tier() applies them without text so a split scheme can ask
 * "which tier would this part reach alone?" cheaply. tai_capital_judge
 * decides the whole verdict the same way, then walks a table of reasons:
 * each reason is a small function that writes one sentence, citing each
 * figure's source, or says it does not apply.
 */
#include <string.h>

#include "capital_internal.h"
#include "common/alloc.h"
#include "common/number.h"

/* ---- the rules ---------------------------------------------------------- */

ta_status tai_capital_compared(const ta_capital_rules *r, const ta_capital_proposal *p,
                               int64_t *out)
{
    int64_t base = (r->value[TA_CP_WHOLE_LIFE] && p->whole_life >= 0) ? p->whole_life : p->amount;
    int64_t vat = r->value[TA_CP_VAT_INCLUDED] ? p->vat : 0;
    if (base > INT64_MAX - vat)
        return TA_ERANGE;
    *out = base + vat;
    return TA_OK;
}

/* The largest compared amount under the light threshold (-1 if none). */
static int64_t light_max(const ta_capital_rules *r)
{
    int64_t t = r->value[TA_CP_LIGHT_THRESHOLD];
    return r->value[TA_CP_LIGHT_INCLUSIVE] ? t : t - 1;
}

static int light_status_ok(const ta_capital_rules *r, const ta_capital_proposal *p)
{
    return (r->value[TA_CP_LIGHT_STATUSES] >> (int)p->status) & 1;
}

static int light_funding_ok(const ta_capital_rules *r, const ta_capital_proposal *p)
{
    return (r->value[TA_CP_LIGHT_FUNDING] >> (int)p->funding) & 1;
}

/* The financial year (its starting year) of a day: 1 April to 31 March. */
static int32_t financial_year(int32_t rd)
{
    ta_date d;
    (void)ta_date_from_days(&d, rd);
    return d.month >= 4 ? d.year : d.year - 1;
}

/* Whether the savings per year decide (a date and at least one year given). */
static int by_year(const ta_capital_proposal *p)
{
    return p->date != 0 && p->n_years > 0;
}

/* The own savings the light route counts: "money they've saved since last
 * year" (A1) is, with a date and savings per financial year, the years from
 * the date's year back TA_CP_SAVINGS_YEARS years (saturating: no amount
 * compared can exceed INT64_MAX); else the stated figure. */
static int64_t savings_counted(const ta_capital_rules *r, const ta_capital_proposal *p)
{
    int64_t sum = 0;
    int32_t last, first;
    if (!by_year(p))
        return p->savings;
    last = financial_year(p->date);
    first = last - (int32_t)r->value[TA_CP_SAVINGS_YEARS];
    for (size_t k = 0; k < p->n_years; k++)
        if (p->years[k] >= first && p->years[k] <= last)
            sum = p->year_pence[k] > INT64_MAX - sum ? INT64_MAX : sum + p->year_pence[k];
    return sum;
}

static int savings_ok(const ta_capital_rules *r, const ta_capital_proposal *p, int64_t compared)
{
    return !r->value[TA_CP_LIGHT_NEEDS_SAVINGS] || savings_counted(r, p) >= compared;
}

/* Sound finances (A1; the tests are our reading): each test closes the light
 * route on a known fact; an unknown fact closes it only under
 * TA_CP_LIGHT_UNKNOWN_FINANCES. */
static int flag_ok(const ta_capital_rules *r, ta_capital_param rule, ta_tristate flag)
{
    if (!r->value[rule])
        return 1;
    return flag == TA_NO || (flag == TA_UNKNOWN && !r->value[TA_CP_LIGHT_UNKNOWN_FINANCES]);
}

static int segment_ok(const ta_capital_rules *r, const ta_capital_proposal *p)
{
    int64_t max = r->value[TA_CP_LIGHT_MAX_SEGMENT];
    if (max == 0)
        return 1;
    if (p->segment == 0)
        return !r->value[TA_CP_LIGHT_UNKNOWN_FINANCES];
    return p->segment <= max;
}

static int finances_ok(const ta_capital_rules *r, const ta_capital_proposal *p)
{
    return flag_ok(r, TA_CP_LIGHT_NO_DISTRESS, p->distress) &&
           flag_ok(r, TA_CP_LIGHT_NO_DEFICIT, p->deficit) && segment_ok(r, p);
}

static int in_distress(const ta_capital_rules *r, const ta_capital_proposal *p)
{
    return p->distress == TA_YES || (p->distress == TA_UNKNOWN && r->value[TA_CP_UNKNOWN_DISTRESS]);
}

/* The parameter holding the trust's delegated limit. */
static ta_capital_param limit_param(const ta_capital_rules *r, const ta_capital_proposal *p)
{
    if (p->segment >= 1) { /* 1 to 5: the setter and the reader refuse others */
        ta_capital_param seg = (ta_capital_param)(TA_CP_LIMIT_SEGMENT_1 + p->segment - 1);
        if (r->value[seg] >= 0)
            return seg;
    }
    if (p->status == TA_NHS_TRUST)
        return TA_CP_LIMIT_NHS_TRUST;
    return in_distress(r, p) ? TA_CP_LIMIT_FT_DISTRESS : TA_CP_LIMIT_FT;
}

static int over(const ta_capital_rules *r, int64_t compared, int64_t limit)
{
    return r->value[TA_CP_TIER_INCLUSIVE] ? compared >= limit : compared > limit;
}

static int takes_light(const ta_capital_rules *r, const ta_capital_proposal *p, int64_t compared)
{
    return light_status_ok(r, p) && light_funding_ok(r, p) && finances_ok(r, p) &&
           savings_ok(r, p, compared) && compared <= light_max(r);
}

/* The tier a compared amount reaches, without any text. */
static ta_capital_tier decide_tier(const ta_capital_rules *r, const ta_capital_proposal *p,
                                   int64_t compared)
{
    if (takes_light(r, p, compared))
        return TA_TIER_LIGHT;
    if (over(r, compared, r->value[TA_CP_HMT_LIMIT]))
        return TA_TIER_HMT;
    if (over(r, compared, r->value[limit_param(r, p)]))
        return TA_TIER_JISC;
    return TA_TIER_BOARD;
}

/* ---- sentences ---------------------------------------------------------- */

static ta_status text_add(ta_capital_proposal *p, const char *s, size_t *offset)
{
    size_t n = strlen(s);
    void *buf = p->text.buf;
    if (tai_grow(&p->alloc, &buf, &p->text.cap, p->text.len + n + 1, 1) != TA_OK)
        return TA_ENOMEM;
    p->text.buf = buf;
    memcpy(p->text.buf + p->text.len, s, n + 1);
    if (offset != NULL)
        *offset = p->text.len;
    p->text.len += n + 1;
    return TA_OK;
}

/* Keeps one reason (room for every reason is asserted beside the table). */
static ta_status reason(ta_capital_proposal *p, const char *rule, const tai_error *sentence)
{
    p->reason_rule[p->n_reasons] = rule;
    ta_status st = text_add(p, sentence->msg, &p->reason_off[p->n_reasons]);
    if (st == TA_OK)
        p->n_reasons++;
    return st;
}

typedef struct money_text {
    char s[TA_MONEY_BUFSIZE];
} money_text;

static money_text money(int64_t pence)
{
    money_text m;
    ta_money_format(m.s, sizeof m.s, pence, TA_MONEY_POUND | TA_MONEY_GROUPED);
    return m;
}

static const char *src(const ta_capital_rules *r, ta_capital_param p)
{
    return r->source[p];
}

static const char *const tier_names[] = {"light route", "trust board tier", "JISC tier",
                                         "HM Treasury tier"};

static const ta_capital_param tier_docs[] = {TA_CP_DOCS_LIGHT, TA_CP_DOCS_BOARD, TA_CP_DOCS_JISC,
                                             TA_CP_DOCS_HMT};

/* The TA_DOC_ names of docs joined by sep, or "none": four names of three
 * letters and three separators of at most two bytes fit 64 bytes. */
typedef struct docs_text {
    char s[64];
} docs_text;

static docs_text docs_of(unsigned docs, const char *sep)
{
    docs_text t = {""};
    size_t n = 0;
    for (unsigned k = 0; docs >> k; k++) {
        if (!(docs & (1u << k)))
            continue;
        if (n++ > 0)
            strcat(t.s, sep);
        strcat(t.s, ta_capital_document_name(1u << k));
    }
    if (n == 0)
        strcpy(t.s, "none");
    return t;
}

/* ---- the verdict -------------------------------------------------------- */

/* What the reasons of one verdict read: the proposal (its verdict already
 * decided), the rules and the amounts compared. */
typedef struct judgement {
    const ta_capital_proposal *p;
    const ta_capital_rules *r;
    int64_t compared, own_compared;
    size_t parts;
    ta_capital_tier alone; /* the tier this part would reach on its own */
} judgement;

/* Decides the verdict on p without any text: savings counted, headroom,
 * tier, route, documents and, for a part of a split scheme, the flag. */
static void decide(ta_capital_proposal *p, judgement *j)
{
    const ta_capital_rules *r = j->r;
    p->savings_counted = savings_counted(r, p);
    p->compared = j->compared;
    p->has_headroom = light_status_ok(r, p) && light_funding_ok(r, p) && finances_ok(r, p);
    if (p->has_headroom) {
        int64_t largest = light_max(r);
        if (r->value[TA_CP_LIGHT_NEEDS_SAVINGS] && p->savings_counted < largest)
            largest = p->savings_counted;
        p->largest_light = largest;
        p->headroom = largest - j->compared; /* largest >= -1 and compared >= 0: no overflow */
    }
    p->tier = decide_tier(r, p, j->compared);
    p->route = p->tier == TA_TIER_LIGHT ? TA_ROUTE_LIGHT : TA_ROUTE_STANDARD;
    p->docs = (unsigned)r->value[tier_docs[p->tier]];
    j->alone = decide_tier(r, p, j->own_compared); /* a lone part: own == compared */
    p->split_flagged = p->tier > j->alone;
}

/* The reasons. Each writes its sentence into msg and returns 1, or returns 0
 * when it does not apply to this verdict. */

static int amount_basis(const judgement *j, tai_error *msg)
{
    const ta_capital_proposal *p = j->p;
    const ta_capital_rules *r = j->r;
    money_text own = money(j->own_compared), amount = money(p->amount), vat = money(p->vat);
    money_text wl = money(p->whole_life);
    int whole = r->value[TA_CP_WHOLE_LIFE] && p->whole_life >= 0;
    const char *src_basis = src(r, TA_CP_WHOLE_LIFE), *src_vat = src(r, TA_CP_VAT_INCLUDED);
    int same_source = strcmp(src_basis, src_vat) == 0, with_vat = (int)r->value[TA_CP_VAT_INCLUDED];
    tai_error_set(msg, TA_OK, "The amount compared is %s: %s of %s, %s%s (%s%s%s).", own.s,
                  whole ? "whole-life cost" : "capital cost", whole ? wl.s : amount.s,
                  with_vat ? "plus VAT of " : "VAT not counted", with_vat ? vat.s : "", src_basis,
                  same_source ? "" : "; ", same_source ? "" : src_vat);
    return 1;
}

static int no_whole_life(const judgement *j, tai_error *msg)
{
    if (!j->r->value[TA_CP_WHOLE_LIFE] || j->p->whole_life >= 0)
        return 0;
    tai_error_set(msg, TA_OK, "No whole-life cost was given, so the capital cost is compared.");
    return 1;
}

static int split_total(const judgement *j, tai_error *msg)
{
    money_text c = money(j->compared);
    if (j->parts <= 1)
        return 0;
    tai_error_set(msg, TA_OK,
                  "Scheme %s of trust %s has %zu parts totalling %s, so the route is decided on "
                  "the total.",
                  j->p->scheme_ref, j->p->trust_code, j->parts, c.s);
    return 1;
}

static int register_status(const judgement *j, tai_error *msg)
{
    if (!j->p->register_note.msg[0])
        return 0;
    tai_error_set(msg, TA_OK, "%s", j->p->register_note.msg);
    return 1;
}

static int light_status(const judgement *j, tai_error *msg)
{
    const ta_capital_proposal *p = j->p;
    const ta_capital_rules *r = j->r;
    char allowed[160];
    ta_capital_rules_value_text(allowed, sizeof allowed, r, TA_CP_LIGHT_STATUSES);
    if (light_status_ok(r, p))
        tai_error_set(msg, TA_OK, "A trust with status %s may take the light route (%s).",
                      ta_ft_status_name(p->status), src(r, TA_CP_LIGHT_STATUSES));
    else
        tai_error_set(msg, TA_OK,
                      "A trust with status %s may not take the light route; only %s may (%s).",
                      ta_ft_status_name(p->status), allowed, src(r, TA_CP_LIGHT_STATUSES));
    return 1;
}

/* Whether an unknown financial fact closes the light route, in words. */
static const char *unknown_closes_words(const ta_capital_rules *r)
{
    return r->value[TA_CP_LIGHT_UNKNOWN_FINANCES] ? "closes" : "does not close";
}

static const char *unknown_closes_setting(const ta_capital_rules *r)
{
    return r->value[TA_CP_LIGHT_UNKNOWN_FINANCES] ? "yes" : "no";
}

/* The sentence of one sound-finances flag (distress or deficit). */
static int finance_flag(const judgement *j, tai_error *msg, ta_capital_param rule, ta_tristate v,
                        const char *what, const char *title)
{
    static const char *const flag_words[] = {"unknown", "no", "yes"};
    const ta_capital_rules *r = j->r;
    if (!r->value[rule])
        return 0;
    if (v == TA_UNKNOWN)
        tai_error_set(msg, TA_OK,
                      "Whether the trust is in %s is not known, which %s the light route "
                      "(light_unknown_finances = %s: %s).",
                      what, unknown_closes_words(r), unknown_closes_setting(r),
                      src(r, TA_CP_LIGHT_UNKNOWN_FINANCES));
    else
        tai_error_set(
            msg, TA_OK, "%s: %s, so the trust %s the sound finances the light route needs (%s).",
            title, flag_words[v + 1], v == TA_YES ? "does not show" : "may show", src(r, rule));
    return 1;
}

static int light_distress(const judgement *j, tai_error *msg)
{
    return finance_flag(j, msg, TA_CP_LIGHT_NO_DISTRESS, j->p->distress, "financial distress",
                        "Financial distress");
}

static int light_deficit(const judgement *j, tai_error *msg)
{
    return finance_flag(j, msg, TA_CP_LIGHT_NO_DEFICIT, j->p->deficit, "financial deficit",
                        "Financial deficit");
}

static int light_segment(const judgement *j, tai_error *msg)
{
    const ta_capital_proposal *p = j->p;
    const ta_capital_rules *r = j->r;
    char seg[8], max[8];
    if (!r->value[TA_CP_LIGHT_MAX_SEGMENT])
        return 0;
    ta_capital_rules_value_text(max, sizeof max, r, TA_CP_LIGHT_MAX_SEGMENT);
    seg[0] = (char)('0' + p->segment);
    seg[1] = '\0';
    if (p->segment == 0)
        tai_error_set(msg, TA_OK,
                      "The trust's NOF segment is not known, which %s the light route "
                      "(light_unknown_finances = %s: %s).",
                      unknown_closes_words(r), unknown_closes_setting(r),
                      src(r, TA_CP_LIGHT_UNKNOWN_FINANCES));
    else
        tai_error_set(msg, TA_OK,
                      "NOF segment %s is %s segment %s, the worst that may take the light route "
                      "(%s).",
                      seg,
                      p->segment <= r->value[TA_CP_LIGHT_MAX_SEGMENT] ? "within" : "worse than",
                      max, src(r, TA_CP_LIGHT_MAX_SEGMENT));
    return 1;
}

static int light_funding(const judgement *j, tai_error *msg)
{
    const ta_capital_rules *r = j->r;
    char allowed[160];
    ta_capital_rules_value_text(allowed, sizeof allowed, r, TA_CP_LIGHT_FUNDING);
    tai_error_set(msg, TA_OK, "%s funding %s the trust's own savings (counted: %s) (%s).",
                  ta_capital_funding_name(j->p->funding),
                  light_funding_ok(r, j->p) ? "counts as" : "does not count as", allowed,
                  src(r, TA_CP_LIGHT_FUNDING));
    return 1;
}

static int savings_since(const judgement *j, tai_error *msg)
{
    const ta_capital_proposal *p = j->p;
    const ta_capital_rules *r = j->r;
    money_text sv = money(p->savings_counted);
    char from[8], to[8];
    int32_t last, first;
    if (!by_year(p))
        return 0;
    last = financial_year(p->date);
    first = last - (int32_t)r->value[TA_CP_SAVINGS_YEARS];
    (void)tai_format_fixed(from, sizeof from, (double)first, 0);
    (void)tai_format_fixed(to, sizeof to, (double)last, 0);
    tai_error_set(msg, TA_OK,
                  "Own savings counted are those built up in the financial years starting 1 April "
                  "%s to 1 April %s: %s (savings_years %d: %s).",
                  from, to, sv.s, (int)r->value[TA_CP_SAVINGS_YEARS], src(r, TA_CP_SAVINGS_YEARS));
    return 1;
}

static int light_savings(const judgement *j, tai_error *msg)
{
    const ta_capital_proposal *p = j->p;
    const ta_capital_rules *r = j->r;
    money_text sv = money(p->savings_counted), c = money(j->compared);
    if (!r->value[TA_CP_LIGHT_NEEDS_SAVINGS])
        return 0;
    if (savings_ok(r, p, j->compared)) {
        tai_error_set(msg, TA_OK, "Savings available of %s cover the %s (%s).", sv.s, c.s,
                      src(r, TA_CP_LIGHT_NEEDS_SAVINGS));
    } else {
        money_text short_by = money(j->compared - p->savings_counted);
        tai_error_set(msg, TA_OK, "Savings available of %s are %s short of the %s (%s).", sv.s,
                      short_by.s, c.s, src(r, TA_CP_LIGHT_NEEDS_SAVINGS));
    }
    return 1;
}

static int light_threshold(const judgement *j, tai_error *msg)
{
    const ta_capital_rules *r = j->r;
    money_text t = money(r->value[TA_CP_LIGHT_THRESHOLD]), c = money(j->compared);
    int incl = (int)r->value[TA_CP_LIGHT_INCLUSIVE];
    int under = j->compared <= light_max(r);
    tai_error_set(
        msg, TA_OK, "%s is %s the light-route threshold of %s (%s; comparison %s: %s).", c.s,
        under ? (incl ? "at or under" : "less than") : (incl ? "over" : "not less than"), t.s,
        src(r, TA_CP_LIGHT_THRESHOLD), incl ? "<=" : "<", src(r, TA_CP_LIGHT_INCLUSIVE));
    return 1;
}

static int light_route(const judgement *j, tai_error *msg)
{
    if (j->p->tier != TA_TIER_LIGHT)
        return 0;
    tai_error_set(msg, TA_OK,
                  "The scheme takes the light route with much reduced paperwork (A1); the trust "
                  "board approves it alone (our reading: A1 does not say who approves).");
    return 1;
}

/* Whose delegated limit parameter lp is, in words. */
static const char *limit_whose(const ta_capital_proposal *p, ta_capital_param lp)
{
    if (lp >= TA_CP_LIMIT_SEGMENT_1 && lp <= TA_CP_LIMIT_SEGMENT_5)
        return "a trust in its NOF segment";
    if (lp == TA_CP_LIMIT_NHS_TRUST)
        return "an NHS trust";
    if (lp == TA_CP_LIMIT_FT_DISTRESS)
        return p->distress == TA_YES ? "a foundation trust in financial distress"
                                     : "a foundation trust whose distress is unknown, counted as "
                                       "in distress";
    return "a foundation trust not in financial distress";
}

static int delegated_limit(const judgement *j, tai_error *msg)
{
    const ta_capital_proposal *p = j->p;
    const ta_capital_rules *r = j->r;
    if (p->tier == TA_TIER_LIGHT)
        return 0;
    ta_capital_param lp = limit_param(r, p);
    money_text lim = money(r->value[lp]), c = money(j->compared);
    int jisc = over(r, j->compared, r->value[lp]);
    tai_error_set(msg, TA_OK,
                  "The delegated limit of %s is %s (%s); %s is %s it (comparison %s: %s), so %s.",
                  limit_whose(p, lp), lim.s, src(r, lp), c.s, jisc ? "over" : "within",
                  r->value[TA_CP_TIER_INCLUSIVE] ? ">=" : ">", src(r, TA_CP_TIER_INCLUSIVE),
                  jisc ? "JISC (NHS England and DHSC) must approve after the trust board (C1)"
                       : "the trust board approves (C1)");
    return 1;
}

static int hmt_limit(const judgement *j, tai_error *msg)
{
    const ta_capital_rules *r = j->r;
    if (j->p->tier == TA_TIER_LIGHT)
        return 0;
    money_text hmt = money(r->value[TA_CP_HMT_LIMIT]), c = money(j->compared);
    int hmt_tier = j->p->tier == TA_TIER_HMT;
    tai_error_set(msg, TA_OK, "%s is %s the HM Treasury limit of %s (%s)%s.", c.s,
                  hmt_tier ? "over" : "within", hmt.s, src(r, TA_CP_HMT_LIMIT),
                  hmt_tier ? ", so HM Treasury must also approve" : "");
    return 1;
}

static int documents(const judgement *j, tai_error *msg)
{
    docs_text docs = docs_of(j->p->docs, ", ");
    tai_error_set(msg, TA_OK, "Documents for the %s: %s (%s).", tier_names[j->p->tier], docs.s,
                  src(j->r, tier_docs[j->p->tier]));
    return 1;
}

static int split_part(const judgement *j, tai_error *msg)
{
    money_text own = money(j->own_compared);
    if (!j->p->split_flagged)
        return 0;
    tai_error_set(msg, TA_OK,
                  "On its own this part (%s) would reach the %s, but the split scheme as a whole "
                  "reaches the %s.",
                  own.s, tier_names[j->alone], tier_names[j->p->tier]);
    return 1;
}

/* The reasons of a verdict, in the order they are given: the amount, the
 * light route's tests, then the tier and its documents. */
static const struct {
    const char *rule;
    int (*write)(const judgement *j, tai_error *msg);
} reasons[] = {
    {"amount.basis", amount_basis},   {"amount.basis", no_whole_life},
    {"portfolio.split", split_total}, {"status.register", register_status},
    {"light.status", light_status},   {"light.distress", light_distress},
    {"light.deficit", light_deficit}, {"light.segment", light_segment},
    {"light.funding", light_funding}, {"light.savings-since", savings_since},
    {"light.savings", light_savings}, {"light.threshold", light_threshold},
    {"light.route", light_route},     {"standard.delegated-limit", delegated_limit},
    {"standard.hmt", hmt_limit},      {"documents", documents},
    {"portfolio.split", split_part},
};

_Static_assert(sizeof reasons / sizeof *reasons <= TAI_CAPITAL_MAX_REASONS,
               "a proposal has room for every reason");

/* The output texts: route, approvers, documents, headroom and the reasons
 * joined ("rule: sentence | ..."). */
static ta_status write_outputs(ta_capital_proposal *p)
{
    char line[160];
    money_text h = money(p->headroom);
    size_t total = 1;
    void *buf;
    char *out;
    if (text_add(p, ta_capital_route_name(p->route), &p->out_off[TA_OUT_ROUTE]) != TA_OK)
        return TA_ENOMEM;
    line[0] = '\0';
    for (size_t i = 0; i <= (size_t)(p->tier == TA_TIER_LIGHT ? 0 : p->tier - 1); i++) {
        if (i > 0)
            strcat(line, "; ");
        strcat(line, ta_capital_body_name((ta_capital_body)i));
    }
    if (text_add(p, line, &p->out_off[TA_OUT_APPROVERS]) != TA_OK)
        return TA_ENOMEM;
    docs_text docs = docs_of(p->docs, "; ");
    if (text_add(p, docs.s, &p->out_off[TA_OUT_DOCUMENTS]) != TA_OK ||
        text_add(p, p->has_headroom ? h.s : "", &p->out_off[TA_OUT_HEADROOM]) != TA_OK)
        return TA_ENOMEM;
    /* Reasons joined: sum the lengths first, then build in place. */
    for (size_t i = 0; i < p->n_reasons; i++)
        total += strlen(" | ") + strlen(p->reason_rule[i]) + strlen(": ") +
                 strlen(p->text.buf + p->reason_off[i]);
    buf = p->text.buf;
    if (tai_grow(&p->alloc, &buf, &p->text.cap, p->text.len + total, 1) != TA_OK)
        return TA_ENOMEM;
    p->text.buf = buf;
    out = p->text.buf + p->text.len;
    p->out_off[TA_OUT_REASONS] = p->text.len;
    out[0] = '\0';
    for (size_t i = 0; i < p->n_reasons; i++) {
        if (i > 0)
            strcat(out, " | ");
        strcat(out, p->reason_rule[i]);
        strcat(out, ": ");
        strcat(out, p->text.buf + p->reason_off[i]);
    }
    /* The reasons are the verdict's last text: text.len is not read again
     * until the next check or free gives the text back. */
    return TA_OK;
}

ta_status tai_capital_judge(ta_capital_proposal *p, const ta_capital_rules *r, int64_t compared,
                            size_t parts, int64_t own_compared)
{
    judgement j = {p, r, compared, own_compared, parts, TA_TIER_LIGHT};
    tai_error msg;
    ta_status st = TA_OK;
    tai_capital_proposal_forget(p);
    if (p->status_needed && !p->register_note.msg[0])
        return tai_error_set(&p->err, TA_ESTATE,
                             "%s/%s (line %zu) has no trust status: give Trust_status or apply a "
                             "register",
                             p->trust_code, p->scheme_ref, p->line);
    decide(p, &j);
    for (size_t k = 0; k < sizeof reasons / sizeof *reasons && st == TA_OK; k++)
        if (reasons[k].write(&j, &msg))
            st = reason(p, reasons[k].rule, &msg);
    if (st == TA_OK)
        st = write_outputs(p);
    /* On failure `checked` stays 0 (forgotten above), so no getter reads the
     * half-written verdict; its text is given back at the next check or free. */
    if (st != TA_OK)
        return tai_error_set(&p->err, st, "out of memory writing the verdict of %s/%s",
                             p->trust_code, p->scheme_ref);
    p->checked = 1;
    tai_error_clear(&p->err);
    return TA_OK;
}

ta_status ta_capital_proposal_check(ta_capital_proposal *p, const ta_capital_rules *r)
{
    if (p == NULL)
        return TA_EINVAL;
    if (r == NULL)
        return tai_error_set(&p->err, TA_EINVAL, "capital rule set is NULL");
    int64_t compared;
    if (tai_capital_compared(r, p, &compared) != TA_OK) {
        tai_capital_proposal_forget(p);
        return tai_error_set(&p->err, TA_ERANGE,
                             "the amount of %s/%s plus its VAT overflows 64-bit pence",
                             p->trust_code, p->scheme_ref);
    }
    return tai_capital_judge(p, r, compared, 1, compared);
}
