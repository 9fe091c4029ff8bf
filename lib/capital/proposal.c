/*
 * Capital proposals: one scheme of one trust, and the verdict a check left on it.
 *
 * Setters validate and then discard the verdict, so a verdict read from a
 * proposal always belongs to its current facts. The verdict's getters are
 * here; the rules that produce it are in check.c.
 */
#include <string.h>

#include "capital_internal.h"
#include "common/alloc.h"

ta_status tai_capital_proposal_create(ta_capital_proposal **out, const ta_allocator *alloc,
                                      const char *trust_code, const char *scheme_ref)
{
    ta_capital_proposal *p = tai_calloc(alloc, 1, sizeof *p);
    if (p == NULL)
        return TA_ENOMEM;
    p->alloc = *alloc;
    p->trust_code = tai_strdup(alloc, trust_code);
    p->scheme_ref = tai_strdup(alloc, scheme_ref);
    p->scheme_name = tai_strdup(alloc, "");
    if (p->trust_code == NULL || p->scheme_ref == NULL || p->scheme_name == NULL) {
        ta_capital_proposal_free(p);
        return TA_ENOMEM;
    }
    p->status = p->given = TA_NHS_TRUST;
    p->distress = TA_UNKNOWN;
    p->deficit = TA_UNKNOWN;
    p->whole_life = -1;
    p->funding = TA_FUNDING_OWN_SAVINGS;
    *out = p;
    return TA_OK;
}

ta_status ta_capital_proposal_new(ta_capital_proposal **out, const char *trust_code,
                                  const char *scheme_ref, const ta_allocator *alloc)
{
    ta_allocator a;
    if (out == NULL)
        return TA_EINVAL;
    *out = NULL;
    if (!tai_capital_valid_name(trust_code) || !tai_capital_valid_name(scheme_ref) ||
        tai_alloc_init(&a, alloc) != TA_OK)
        return TA_EINVAL;
    return tai_capital_proposal_create(out, &a, trust_code, scheme_ref);
}

void tai_capital_proposal_forget(ta_capital_proposal *p)
{
    tai_free(&p->alloc, p->text.buf);
    p->text.buf = NULL;
    p->text.len = p->text.cap = 0;
    p->checked = 0;
    p->n_reasons = 0; /* split_flagged and the verdict's fields: set by every check */
}

void ta_capital_proposal_free(ta_capital_proposal *p)
{
    if (p == NULL)
        return;
    ta_allocator a = p->alloc;
    tai_capital_proposal_forget(p);
    for (size_t i = 0; i < p->n_cells; i++)
        tai_free(&a, p->cells[i]);
    tai_free(&a, p->cells);
    tai_free(&a, p->file);
    tai_free(&a, p->trust_code);
    tai_free(&a, p->scheme_ref);
    tai_free(&a, p->scheme_name);
    tai_free(&a, p);
}

const char *ta_capital_proposal_error(const ta_capital_proposal *p)
{
    return p == NULL ? "" : p->err.msg;
}

const char *ta_capital_proposal_trust_code(const ta_capital_proposal *p)
{
    return p == NULL ? NULL : p->trust_code;
}

const char *ta_capital_proposal_scheme_ref(const ta_capital_proposal *p)
{
    return p == NULL ? NULL : p->scheme_ref;
}

/* ---- setters ------------------------------------------------------------ */

static ta_status changed(ta_capital_proposal *p)
{
    tai_capital_proposal_forget(p);
    tai_error_clear(&p->err);
    return TA_OK;
}

ta_status ta_capital_proposal_set_scheme_name(ta_capital_proposal *p, const char *name)
{
    if (p == NULL)
        return TA_EINVAL;
    if (name == NULL)
        return tai_error_set(&p->err, TA_EINVAL, "scheme name is NULL");
    char *copy = tai_strdup(&p->alloc, name);
    if (copy == NULL)
        return tai_error_set(&p->err, TA_ENOMEM, "out of memory copying the scheme name");
    tai_free(&p->alloc, p->scheme_name);
    p->scheme_name = copy;
    return changed(p);
}

ta_status ta_capital_proposal_set_status(ta_capital_proposal *p, ta_ft_status status)
{
    if (p == NULL)
        return TA_EINVAL;
    if (ta_ft_status_name(status)[0] == '\0')
        return tai_error_set(&p->err, TA_EINVAL, "unknown trust status %d", (int)status);
    p->status = p->given = status;
    p->status_given = 1;
    p->status_needed = 0;
    p->register_note.msg[0] = '\0';
    return changed(p);
}

ta_status ta_capital_proposal_set_segment(ta_capital_proposal *p, int segment)
{
    if (p == NULL)
        return TA_EINVAL;
    if (segment < 0 || segment > 5)
        return tai_error_set(&p->err, TA_ERANGE, "NOF segment %d is not 0 (unknown) to 5", segment);
    p->segment = segment;
    return changed(p);
}

ta_status ta_capital_proposal_set_distress(ta_capital_proposal *p, ta_tristate distress)
{
    if (p == NULL)
        return TA_EINVAL;
    if (distress != TA_UNKNOWN && distress != TA_NO && distress != TA_YES)
        return tai_error_set(&p->err, TA_EINVAL, "distress flag %d is not yes, no or unknown",
                             (int)distress);
    p->distress = distress;
    return changed(p);
}

static ta_status set_money(ta_capital_proposal *p, int64_t *field, int64_t pence, const char *what)
{
    if (p == NULL)
        return TA_EINVAL;
    if (pence < 0)
        return tai_error_set(&p->err, TA_ERANGE, "the %s must not be negative", what);
    *field = pence;
    return changed(p);
}

ta_status ta_capital_proposal_set_amount(ta_capital_proposal *p, int64_t pence)
{
    return set_money(p, p == NULL ? NULL : &p->amount, pence, "amount");
}

ta_status ta_capital_proposal_set_vat(ta_capital_proposal *p, int64_t pence)
{
    return set_money(p, p == NULL ? NULL : &p->vat, pence, "VAT");
}

ta_status ta_capital_proposal_set_whole_life_cost(ta_capital_proposal *p, int64_t pence)
{
    if (p == NULL)
        return TA_EINVAL;
    p->whole_life = pence < 0 ? -1 : pence;
    return changed(p);
}

ta_status ta_capital_proposal_set_funding(ta_capital_proposal *p, ta_capital_funding funding)
{
    if (p == NULL)
        return TA_EINVAL;
    if (ta_capital_funding_name(funding)[0] == '\0')
        return tai_error_set(&p->err, TA_EINVAL, "unknown funding %d", (int)funding);
    p->funding = funding;
    return changed(p);
}

ta_status ta_capital_proposal_set_savings(ta_capital_proposal *p, int64_t pence)
{
    return set_money(p, p == NULL ? NULL : &p->savings, pence, "savings available");
}

/* ---- getters ------------------------------------------------------------ */

const char *ta_capital_proposal_scheme_name(const ta_capital_proposal *p)
{
    return p == NULL ? NULL : p->scheme_name;
}

ta_ft_status ta_capital_proposal_status(const ta_capital_proposal *p)
{
    return p == NULL ? TA_NHS_TRUST : p->status;
}

int ta_capital_proposal_segment(const ta_capital_proposal *p)
{
    return p == NULL ? 0 : p->segment;
}

ta_tristate ta_capital_proposal_distress(const ta_capital_proposal *p)
{
    return p == NULL ? TA_UNKNOWN : p->distress;
}

int64_t ta_capital_proposal_amount(const ta_capital_proposal *p)
{
    return p == NULL ? 0 : p->amount;
}

int64_t ta_capital_proposal_vat(const ta_capital_proposal *p)
{
    return p == NULL ? 0 : p->vat;
}

int64_t ta_capital_proposal_whole_life_cost(const ta_capital_proposal *p)
{
    return p == NULL ? -1 : p->whole_life;
}

ta_capital_funding ta_capital_proposal_funding(const ta_capital_proposal *p)
{
    return p == NULL ? TA_FUNDING_OWN_SAVINGS : p->funding;
}

int64_t ta_capital_proposal_savings(const ta_capital_proposal *p)
{
    return p == NULL ? 0 : p->savings;
}

/* ---- the verdict -------------------------------------------------------- */

/* The error buffer is not part of a proposal's observable facts, so the
 * const getters may report "not checked" on it. */
static ta_status not_checked(const ta_capital_proposal *p)
{
    ta_capital_proposal *q = (ta_capital_proposal *)p;
    return tai_error_set(&q->err, TA_ESTATE, "proposal %s/%s has not been checked since it changed",
                         p->trust_code, p->scheme_ref);
}

ta_status ta_capital_proposal_route(ta_capital_route *route, ta_capital_tier *tier,
                                    const ta_capital_proposal *p)
{
    if (p == NULL)
        return TA_EINVAL;
    if (!p->checked)
        return not_checked(p);
    if (route != NULL)
        *route = p->route;
    if (tier != NULL)
        *tier = p->tier;
    return TA_OK;
}

size_t ta_capital_proposal_approver_count(const ta_capital_proposal *p)
{
    if (p == NULL || !p->checked)
        return 0;
    return p->tier == TA_TIER_HMT ? 3 : p->tier == TA_TIER_JISC ? 2 : 1;
}

ta_status ta_capital_proposal_approver(ta_capital_body *body, const ta_capital_proposal *p,
                                       size_t i)
{
    if (p == NULL || body == NULL)
        return TA_EINVAL;
    if (!p->checked)
        return not_checked(p);
    if (i >= ta_capital_proposal_approver_count(p))
        return TA_ERANGE;
    *body = (ta_capital_body)i; /* bodies are numbered in approval order */
    return TA_OK;
}

ta_status ta_capital_proposal_documents(unsigned *docs, const ta_capital_proposal *p)
{
    if (p == NULL || docs == NULL)
        return TA_EINVAL;
    if (!p->checked)
        return not_checked(p);
    *docs = p->docs;
    return TA_OK;
}

ta_status ta_capital_proposal_compared(int64_t *compared, const ta_capital_proposal *p)
{
    if (p == NULL || compared == NULL)
        return TA_EINVAL;
    if (!p->checked)
        return not_checked(p);
    *compared = p->compared;
    return TA_OK;
}

ta_status ta_capital_proposal_headroom(int *has_headroom, int64_t *largest_light, int64_t *headroom,
                                       const ta_capital_proposal *p)
{
    if (p == NULL)
        return TA_EINVAL;
    if (!p->checked)
        return not_checked(p);
    if (has_headroom != NULL)
        *has_headroom = p->has_headroom;
    if (largest_light != NULL)
        *largest_light = p->has_headroom ? p->largest_light : 0;
    if (headroom != NULL)
        *headroom = p->has_headroom ? p->headroom : 0;
    return TA_OK;
}

size_t ta_capital_proposal_reason_count(const ta_capital_proposal *p)
{
    return p == NULL || !p->checked ? 0 : p->n_reasons;
}

ta_status ta_capital_proposal_reason(const char **rule_id, const char **sentence,
                                     const ta_capital_proposal *p, size_t i)
{
    if (p == NULL)
        return TA_EINVAL;
    if (!p->checked)
        return not_checked(p);
    if (i >= p->n_reasons)
        return TA_ERANGE;
    if (rule_id != NULL)
        *rule_id = p->reason_rule[i];
    if (sentence != NULL)
        *sentence = p->text.buf + p->reason_off[i];
    return TA_OK;
}

int ta_capital_proposal_split_flagged(const ta_capital_proposal *p)
{
    return p != NULL && p->checked && p->split_flagged;
}

const char *ta_capital_proposal_output(const ta_capital_proposal *p, ta_capital_output field)
{
    if (p == NULL || (int)field < 0 || (int)field >= TAI_CAPITAL_OUTPUTS)
        return NULL;
    if (!p->checked) {
        not_checked(p);
        return NULL;
    }
    return p->text.buf + p->out_off[field];
}

/* ---- finances, date and savings per year (issue 16) ---------------------- */

ta_status ta_capital_proposal_set_deficit(ta_capital_proposal *p, ta_tristate deficit)
{
    if (p == NULL)
        return TA_EINVAL;
    if (deficit != TA_UNKNOWN && deficit != TA_NO && deficit != TA_YES)
        return tai_error_set(&p->err, TA_EINVAL, "deficit flag %d is not yes, no or unknown",
                             (int)deficit);
    p->deficit = deficit;
    return changed(p);
}

ta_tristate ta_capital_proposal_deficit(const ta_capital_proposal *p)
{
    return p == NULL ? TA_UNKNOWN : p->deficit;
}

ta_status ta_capital_proposal_set_date(ta_capital_proposal *p, ta_date date)
{
    int32_t rd = 0;
    if (p == NULL)
        return TA_EINVAL;
    if (!(date.year == 0 && date.month == 0 && date.day == 0) &&
        ta_date_to_days(&rd, date) != TA_OK)
        return tai_error_set(&p->err, TA_EINVAL, "the scheme date is not a date");
    p->date = rd;
    /* The register's status was that of the old date: back to the status given. */
    p->status = p->given;
    p->register_note.msg[0] = '\0';
    return changed(p);
}

ta_status ta_capital_proposal_date(int *has, ta_date *date, const ta_capital_proposal *p)
{
    if (p == NULL)
        return TA_EINVAL;
    if (has)
        *has = p->date != 0;
    if (date) {
        date->year = date->month = date->day = 0;
        if (p->date)
            (void)ta_date_from_days(date, p->date);
    }
    return TA_OK;
}

ta_status ta_capital_proposal_set_year_savings(ta_capital_proposal *p, int32_t year, int64_t pence)
{
    size_t k;
    if (p == NULL)
        return TA_EINVAL;
    if (year < 1 || year > 9998)
        return tai_error_set(&p->err, TA_EINVAL, "financial year %d is outside 1 to 9998",
                             (int)year);
    for (k = 0; k < p->n_years && p->years[k] != year; k++)
        ;
    if (pence < 0) {
        if (k < p->n_years) {
            p->years[k] = p->years[p->n_years - 1];
            p->year_pence[k] = p->year_pence[p->n_years - 1];
            p->n_years--;
        }
        return changed(p);
    }
    if (k == p->n_years) {
        if (p->n_years == TAI_CAPITAL_MAX_YEARS)
            return tai_error_set(&p->err, TA_ERANGE, "more than %d financial years of savings",
                                 TAI_CAPITAL_MAX_YEARS);
        p->n_years++;
    }
    p->years[k] = year;
    p->year_pence[k] = pence;
    return changed(p);
}

ta_status ta_capital_proposal_savings_counted(int64_t *pence, const ta_capital_proposal *p)
{
    if (p == NULL || pence == NULL)
        return TA_EINVAL;
    if (!p->checked)
        return TA_ESTATE;
    *pence = p->savings_counted;
    return TA_OK;
}
