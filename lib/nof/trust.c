/*
 * Trusts: one organisation's evidence for one period.
 *
 * A trust is checked against its framework as it is filled in, so an unknown
 * metric ID or an impossible score fails at the call that gave it, with a
 * message on the trust, rather than later inside an assessment.
 */
#include "trust_internal.h"

#include <math.h>
#include <string.h>

#include "common/alloc.h"
#include "framework_internal.h"

int tai_trust_code_valid(const char *code)
{
    size_t n = 0;
    if (!code)
        return 0;
    for (; code[n]; n++)
        if (code[n] <= ' ' || code[n] > '~' || code[n] == ',' || code[n] == '"')
            return 0;
    return n > 0 && n <= TAI_CODE_MAX;
}

ta_status ta_trust_new(ta_trust **out, const ta_framework *fw, const char *code,
                       const ta_allocator *alloc)
{
    ta_allocator a;
    ta_trust *t;
    size_t n;
    if (!out)
        return TA_EINVAL;
    *out = NULL;
    if (!fw || !tai_trust_code_valid(code) || tai_alloc_init(&a, alloc) != TA_OK)
        return TA_EINVAL;
    n = fw->def.n_metrics;
    t = tai_calloc(&a, 1, sizeof *t);
    if (!t)
        return TA_ENOMEM;
    t->alloc = a;
    t->fw = fw;
    strcpy(t->code, code);
    t->flags[0] = t->flags[1] = TA_UNKNOWN;
    t->ft_status = TA_NHS_TRUST;
    t->values = tai_calloc(&a, n, sizeof *t->values);
    t->scores = tai_calloc(&a, n, sizeof *t->scores);
    t->ranks = tai_calloc(&a, n, sizeof *t->ranks);
    t->pools = tai_calloc(&a, n, sizeof *t->pools);
    for (size_t i = 0; i < TAI_N_FIELDS; i++)
        t->fields[i] = tai_strdup(&a, "");
    if (!t->values || !t->scores || !t->ranks || !t->pools || !t->fields[0] || !t->fields[1] ||
        !t->fields[2] || !t->fields[3]) {
        ta_trust_free(t);
        return TA_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        t->values[i] = t->scores[i] = NAN;
    *out = t;
    return TA_OK;
}

void ta_trust_free(ta_trust *t)
{
    ta_allocator a;
    if (!t)
        return;
    a = t->alloc;
    for (size_t i = 0; i < TAI_N_FIELDS; i++)
        tai_free(&a, t->fields[i]);
    tai_free(&a, t->values);
    tai_free(&a, t->scores);
    tai_free(&a, t->ranks);
    tai_free(&a, t->pools);
    tai_free(&a, t);
}

const char *ta_trust_error(const ta_trust *t)
{
    return t ? t->err.msg : "invalid argument: NULL trust";
}

const char *ta_trust_code(const ta_trust *t)
{
    return t ? t->code : NULL;
}

ta_status ta_trust_set_field(ta_trust *t, ta_trust_field field, const char *value)
{
    char *copy;
    if (!t)
        return TA_EINVAL;
    if ((int)field < 0 || (int)field >= TAI_N_FIELDS)
        return tai_error_set(&t->err, TA_EINVAL, "unknown trust field %d", (int)field);
    if (!value)
        return tai_error_set(&t->err, TA_EINVAL, "trust %s: field value is NULL", t->code);
    if (!(copy = tai_strdup(&t->alloc, value)))
        return tai_error_set(&t->err, TA_ENOMEM, "out of memory");
    tai_free(&t->alloc, t->fields[field]);
    t->fields[field] = copy;
    return TA_OK;
}

const char *ta_trust_field_value(const ta_trust *t, ta_trust_field field)
{
    if (!t || (int)field < 0 || (int)field >= TAI_N_FIELDS)
        return NULL;
    return t->fields[field];
}

ta_status ta_trust_set_ft_status(ta_trust *t, ta_ft_status status)
{
    if (!t)
        return TA_EINVAL;
    if (status != TA_NHS_TRUST && status != TA_FOUNDATION_TRUST &&
        status != TA_ADVANCED_FOUNDATION_TRUST)
        return tai_error_set(&t->err, TA_EINVAL, "unknown foundation-trust status %d", (int)status);
    t->ft_status = status;
    return TA_OK;
}

ta_ft_status ta_trust_ft_status(const ta_trust *t)
{
    return t ? t->ft_status : TA_NHS_TRUST;
}

ta_status ta_trust_set_flag(ta_trust *t, ta_flag flag, ta_tristate value)
{
    if (!t)
        return TA_EINVAL;
    if ((int)flag < 0 || (int)flag >= TAI_N_FLAGS)
        return tai_error_set(&t->err, TA_EINVAL, "unknown trust flag %d", (int)flag);
    if (value != TA_UNKNOWN && value != TA_NO && value != TA_YES)
        return tai_error_set(&t->err, TA_EINVAL, "flag value must be TA_UNKNOWN, TA_NO or TA_YES");
    t->flags[flag] = value;
    return TA_OK;
}

ta_tristate ta_trust_flag(const ta_trust *t, ta_flag flag)
{
    if (!t || (int)flag < 0 || (int)flag >= TAI_N_FLAGS)
        return TA_UNKNOWN;
    return t->flags[flag];
}

/* The metric an ID names (score or raw ID), or an error on the trust. */
static ta_status metric_of(ta_trust *t, const char *id, size_t *index)
{
    int kind;
    if (!id)
        return tai_error_set(&t->err, TA_EINVAL, "trust %s: metric ID is NULL", t->code);
    if (!tai_framework_lookup(&t->fw->def, id, index, &kind) ||
        (kind != TAI_ID_SCORE && kind != TAI_ID_RAW))
        return tai_error_set(&t->err, TA_ENOTFOUND,
                             "trust %s: unknown metric \"%s\" in "
                             "framework \"%s\"",
                             t->code, id, t->fw->def.name);
    return TA_OK;
}

ta_status ta_trust_set_value(ta_trust *t, const char *id, double value)
{
    size_t m;
    ta_status st;
    if (!t)
        return TA_EINVAL;
    if ((st = metric_of(t, id, &m)) != TA_OK)
        return st;
    if (!isfinite(value))
        return tai_error_set(&t->err, TA_EINVAL,
                             "trust %s: the value of %s is not a finite "
                             "number",
                             t->code, id);
    t->values[m] = value;
    return TA_OK;
}

ta_status ta_trust_set_score(ta_trust *t, const char *id, double score)
{
    size_t m;
    ta_status st;
    if (!t)
        return TA_EINVAL;
    if ((st = metric_of(t, id, &m)) != TA_OK)
        return st;
    if (!isfinite(score))
        return tai_error_set(&t->err, TA_EINVAL,
                             "trust %s: the score of %s is not a finite "
                             "number",
                             t->code, id);
    if (score < 1 || score > 4)
        return tai_error_set(&t->err, TA_ERANGE, "trust %s: the score of %s must be from 1 to 4",
                             t->code, id);
    t->scores[m] = score;
    return TA_OK;
}

ta_status ta_trust_set_rank(ta_trust *t, const char *id, uint32_t rank, uint32_t pool_size)
{
    size_t m;
    ta_status st;
    if (!t)
        return TA_EINVAL;
    if ((st = metric_of(t, id, &m)) != TA_OK)
        return st;
    if (pool_size < 2 || rank < 1 || rank > pool_size)
        return tai_error_set(&t->err, TA_ERANGE,
                             "trust %s: rank %u of %u for %s is impossible "
                             "(need 1 <= rank <= pool size, pool size >= 2)",
                             t->code, (unsigned)rank, (unsigned)pool_size, id);
    t->ranks[m] = rank;
    t->pools[m] = pool_size;
    return TA_OK;
}

ta_status ta_trust_clear_metric(ta_trust *t, const char *id)
{
    size_t m;
    ta_status st;
    if (!t)
        return TA_EINVAL;
    if ((st = metric_of(t, id, &m)) != TA_OK)
        return st;
    t->values[m] = t->scores[m] = NAN;
    t->ranks[m] = t->pools[m] = 0;
    return TA_OK;
}

/* The index of metric `id` (a score or raw-value ID) in *m, or the status to return. */
static ta_status lookup_metric(size_t *m, const ta_trust *t, const char *id)
{
    int kind;
    if (!t || !id)
        return TA_EINVAL;
    if (!tai_framework_lookup(&t->fw->def, id, m, &kind) ||
        (kind != TAI_ID_SCORE && kind != TAI_ID_RAW))
        return TA_ENOTFOUND;
    return TA_OK;
}

ta_status ta_trust_metric_value(int *has_value, double *value, const ta_trust *t, const char *id)
{
    size_t m;
    ta_status st = lookup_metric(&m, t, id);
    if (st != TA_OK)
        return st;
    if (has_value)
        *has_value = !isnan(t->values[m]);
    if (value && !isnan(t->values[m]))
        *value = t->values[m];
    return TA_OK;
}

ta_status ta_trust_metric_score(int *has_score, double *score, const ta_trust *t, const char *id)
{
    size_t m;
    ta_status st = lookup_metric(&m, t, id);
    if (st != TA_OK)
        return st;
    if (has_score)
        *has_score = !isnan(t->scores[m]);
    if (score && !isnan(t->scores[m]))
        *score = t->scores[m];
    return TA_OK;
}

const char *ta_trust_field_name(ta_trust_field v)
{
    switch (v) {
    case TA_FIELD_NAME:
        return "name";
    case TA_FIELD_TYPE:
        return "type";
    case TA_FIELD_SUBTYPE:
        return "subtype";
    case TA_FIELD_REGION:
        return "region";
    }
    return "";
}

const char *ta_flag_name(ta_flag v)
{
    switch (v) {
    case TA_FLAG_FINANCIAL_DEFICIT:
        return "financial_deficit";
    case TA_FLAG_RECOVERY_SUPPORT:
        return "recovery_support";
    }
    return "";
}
