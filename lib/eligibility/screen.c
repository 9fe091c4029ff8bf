/*
 * The screen handle: its evidence, supplied evidence, the run and results.
 *
 * The evidence is borrowed (a read file, or run assessments); from a file one
 * assessment per period is built, only for its list of trusts and their
 * flags, so both sources are walked alike (evidence.c). The trusts screened
 * are those of the last period, copied with their supplied evidence, which
 * survives reruns. A run computes every result of both levels into new
 * storage and swaps it in only when everything succeeded, so a failed run
 * leaves the previous results readable.
 */
#include <string.h>

#include "common/alloc.h"
#include "eligibility_internal.h"
#include "trustassess/date.h"

static void level_free(const ta_allocator *a, tai_level *l, size_t n_trusts)
{
    if (l->results)
        for (size_t i = 0; i < n_trusts * l->n_criteria; i++) {
            tai_free(a, l->results[i].reason);
            tai_free(a, l->results[i].change);
        }
    for (size_t k = 0; l->ids && l->names && k < l->n_criteria; k++) {
        tai_free(a, l->ids[k]);
        tai_free(a, l->names[k]);
    }
    for (size_t i = 0; l->changes && i < n_trusts; i++)
        tai_free(a, l->changes[i]);
    tai_free(a, l->ids);
    tai_free(a, l->names);
    tai_free(a, l->results);
    tai_free(a, l->verdicts);
    tai_free(a, l->counts);
    tai_free(a, l->changes);
    memset(l, 0, sizeof *l);
}

void ta_screen_free(ta_screen *s)
{
    ta_allocator a;
    if (!s)
        return;
    a = s->alloc;
    level_free(&a, &s->levels[0], s->n_trusts);
    level_free(&a, &s->levels[1], s->n_trusts);
    for (size_t i = 0; s->trusts && i < s->n_trusts; i++) {
        tai_screen_trust *t = &s->trusts[i];
        for (size_t j = 0; j < t->n_judgements; j++) {
            tai_free(&a, t->judgements[j].key);
            tai_free(&a, t->judgements[j].note);
        }
        tai_free(&a, t->judgements);
        tai_free(&a, t->code);
        tai_free(&a, t->name);
        tai_free(&a, t->type);
    }
    tai_free(&a, s->trusts);
    for (size_t q = 0; s->owned && q < s->n_periods; q++)
        ta_assessment_free(s->owned[q]);
    for (size_t q = 0; s->labels && q < s->n_periods; q++)
        tai_free(&a, s->labels[q]);
    tai_free(&a, s->owned);
    tai_free(&a, s->labels);
    tai_free(&a, s->periods);
    tai_strmap_free(&s->trust_map);
    tai_text_free(&s->out);
    tai_free(&a, s);
}

const char *ta_screen_error(const ta_screen *s)
{
    return s ? s->err.msg : "";
}

static ta_status screen_alloc(ta_screen **out, const ta_framework *fw, size_t n,
                              const ta_allocator *alloc)
{
    ta_allocator a;
    ta_screen *s;
    if (tai_alloc_init(&a, alloc) != TA_OK)
        return TA_EINVAL;
    if (!(s = tai_calloc(&a, 1, sizeof *s)))
        return TA_ENOMEM;
    s->alloc = a;
    s->fw = fw;
    s->n_periods = n;
    tai_strmap_init(&s->trust_map, &s->alloc);
    tai_text_init(&s->out, &s->alloc);
    s->periods = tai_calloc(&s->alloc, n, sizeof *s->periods);
    s->labels = tai_calloc(&s->alloc, n, sizeof *s->labels);
    if (!s->periods || !s->labels) {
        ta_screen_free(s);
        return TA_ENOMEM;
    }
    *out = s;
    return TA_OK;
}

/* Copies the trusts of the last period. */
static ta_status copy_trusts(ta_screen *s)
{
    size_t q = s->n_periods - 1, n = tai_ev_trust_count(s, q);
    if (!(s->trusts = tai_calloc(&s->alloc, n, sizeof *s->trusts)))
        return TA_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        tai_screen_trust *t = &s->trusts[i];
        const char *name = ta_assessment_trust_field(s->periods[q], i, TA_FIELD_NAME);
        int existed = 0;
        t->code = tai_strdup(&s->alloc, tai_ev_trust_code(s, q, i));
        t->name = tai_strdup(&s->alloc, name ? name : "");
        t->type = tai_strdup(&s->alloc, tai_ev_trust_type(s, q, i));
        s->n_trusts = i + 1;
        if (!t->code || !t->name || !t->type ||
            tai_strmap_put(&s->trust_map, t->code, strlen(t->code), i, &existed, NULL) != TA_OK)
            return TA_ENOMEM;
    }
    return TA_OK;
}

/* A screen over the first n periods of a file (n >= 1). */
static ta_status new_nhse(ta_screen **out, const ta_framework *fw, ta_nhse_file *file, size_t n,
                          const ta_allocator *alloc)
{
    ta_screen *s = NULL;
    ta_status st;
    if ((st = screen_alloc(&s, fw, n, alloc)) != TA_OK)
        return st;
    s->file = file;
    if (!(s->owned = tai_calloc(&s->alloc, n, sizeof *s->owned))) {
        ta_screen_free(s);
        return TA_ENOMEM;
    }
    for (size_t q = 0; q < n; q++) {
        const char *label = ta_nhse_file_period(file, q);
        if (!(s->labels[q] = tai_strdup(&s->alloc, label ? label : ""))) {
            ta_screen_free(s);
            return TA_ENOMEM;
        }
        st = ta_nhse_file_assessment(&s->owned[q], file, label, NULL, TA_FROM_SCORES);
        if (st != TA_OK) {
            ta_screen_free(s);
            return st == TA_ENOMEM ? TA_ENOMEM : TA_EINVAL;
        }
        s->periods[q] = s->owned[q];
    }
    if ((st = copy_trusts(s)) != TA_OK) {
        ta_screen_free(s);
        return st;
    }
    *out = s;
    return TA_OK;
}

ta_status ta_screen_new_nhse(ta_screen **out, const ta_framework *fw, ta_nhse_file *file,
                             const ta_allocator *alloc)
{
    size_t n;
    if (!out)
        return TA_EINVAL;
    *out = NULL;
    if (!fw || !file || (n = ta_nhse_file_period_count(file)) == 0)
        return TA_EINVAL;
    return new_nhse(out, fw, file, n, alloc);
}

ta_status ta_screen_new_nhse_as_of(ta_screen **out, const ta_framework *fw, ta_nhse_file *file,
                                   const char *period, const ta_allocator *alloc)
{
    size_t n, q;
    ta_date end;
    ta_status st;
    if (!out)
        return TA_EINVAL;
    *out = NULL;
    if (!fw || !file || !period || (n = ta_nhse_file_period_count(file)) == 0)
        return TA_EINVAL;
    for (q = 0; q < n; q++) {
        const char *label = ta_nhse_file_period(file, q);
        if (label && strcmp(label, period) == 0)
            break;
    }
    if (q == n)
        return TA_ENOTFOUND;
    if ((st = new_nhse(out, fw, file, q + 1, alloc)) != TA_OK)
        return st;
    if (ta_nhse_period_end(&end, period) == TA_OK) {
        (*out)->has_as_of = 1;
        (*out)->as_of = end;
    }
    return TA_OK;
}

ta_status ta_screen_new_assessments(ta_screen **out, const ta_framework *fw, size_t n,
                                    const ta_assessment *const *quarters, const ta_allocator *alloc)
{
    ta_screen *s = NULL;
    ta_status st;
    if (!out)
        return TA_EINVAL;
    *out = NULL;
    if (!fw || !quarters || n == 0 || n > 1000)
        return TA_EINVAL;
    for (size_t q = 0; q < n; q++) {
        int seg;
        if (!quarters[q])
            return TA_EINVAL;
        /* An empty quarter answers TA_EINVAL here (it has no trust 0), never TA_ESTATE. */
        if (ta_assessment_is_segmented(&seg, quarters[q], 0) == TA_ESTATE)
            return TA_ESTATE; /* not run */
    }
    if ((st = screen_alloc(&s, fw, n, alloc)) != TA_OK)
        return st;
    for (size_t q = 0; q < n; q++) {
        const char *label = ta_assessment_period(quarters[q]);
        s->periods[q] = quarters[q];
        if (!(s->labels[q] = tai_strdup(&s->alloc, label ? label : ""))) {
            ta_screen_free(s);
            return TA_ENOMEM;
        }
    }
    if ((st = copy_trusts(s)) != TA_OK) {
        ta_screen_free(s);
        return st;
    }
    *out = s;
    return TA_OK;
}

/* Discards results after a change of inputs. */
static void invalidate(ta_screen *s)
{
    level_free(&s->alloc, &s->levels[0], s->n_trusts);
    level_free(&s->alloc, &s->levels[1], s->n_trusts);
    s->has_run = 0;
    s->has_iho = 0;
}

ta_status ta_screen_set_as_of(ta_screen *s, ta_date as_of)
{
    if (!s)
        return TA_EINVAL;
    tai_error_clear(&s->err);
    if (!ta_date_is_valid(as_of))
        return tai_error_set(&s->err, TA_EINVAL, "the as-of date is not a valid date");
    invalidate(s);
    s->has_as_of = 1;
    s->as_of = as_of;
    return TA_OK;
}

ta_status ta_screen_set_quarters(ta_screen *s, int quarters)
{
    if (!s)
        return TA_EINVAL;
    tai_error_clear(&s->err);
    if (quarters < 0 || quarters > 40)
        return tai_error_set(&s->err, TA_EINVAL, "quarters %d is not 0..40", quarters);
    invalidate(s);
    s->quarters = quarters;
    return TA_OK;
}

static ta_status find_trust(ta_screen *s, const char *code, tai_screen_trust **t)
{
    size_t i;
    if (!code)
        return tai_error_set(&s->err, TA_EINVAL, "trust code is NULL");
    if (!tai_strmap_get(&s->trust_map, code, strlen(code), &i))
        return tai_error_set(&s->err, TA_ENOTFOUND, "trust %s is not in the screened period %s",
                             code, s->labels[s->n_periods - 1]);
    *t = &s->trusts[i];
    return TA_OK;
}

ta_status ta_screen_supply_judgement(ta_screen *s, const char *code, const char *key,
                                     ta_tristate value, const char *note)
{
    tai_screen_trust *t = NULL;
    tai_judgement *j = NULL;
    char *note_copy, *key_copy = NULL;
    ta_status st;
    if (!s)
        return TA_EINVAL;
    tai_error_clear(&s->err);
    if (!key || !tai_criteria_id_ok(key))
        return tai_error_set(&s->err, TA_EINVAL,
                             "judgement key must be 1 to 32 letters, digits, _ or -");
    if (value != TA_YES && value != TA_NO && value != TA_UNKNOWN)
        return tai_error_set(&s->err, TA_EINVAL, "judgement value %d is not a ta_tristate",
                             (int)value);
    if (note && strlen(note) > 500)
        return tai_error_set(&s->err, TA_EINVAL, "judgement note is over 500 bytes");
    if ((st = find_trust(s, code, &t)) != TA_OK)
        return st;
    for (size_t i = 0; i < t->n_judgements; i++)
        if (strcmp(t->judgements[i].key, key) == 0)
            j = &t->judgements[i];
    invalidate(s);
    if (value == TA_UNKNOWN) {
        if (j) {
            tai_free(&s->alloc, j->key);
            tai_free(&s->alloc, j->note);
            *j = t->judgements[--t->n_judgements];
        }
        return TA_OK;
    }
    if (!(note_copy = tai_strdup(&s->alloc, note ? note : "")) ||
        (!j && (!(key_copy = tai_strdup(&s->alloc, key)) ||
                tai_grow(&s->alloc, (void **)&t->judgements, &t->cap_judgements,
                         t->n_judgements + 1, sizeof *t->judgements) != TA_OK))) {
        tai_free(&s->alloc, note_copy);
        tai_free(&s->alloc, key_copy);
        return tai_error_set(&s->err, TA_ENOMEM, "out of memory");
    }
    if (!j) {
        j = &t->judgements[t->n_judgements++];
        j->key = key_copy;
        j->note = NULL;
    }
    tai_free(&s->alloc, j->note);
    j->note = note_copy;
    j->value = value;
    return TA_OK;
}

ta_status ta_screen_supply_cqc(ta_screen *s, const char *code, ta_cqc_rating rating,
                               ta_date rated_on)
{
    tai_screen_trust *t = NULL;
    ta_status st;
    if (!s)
        return TA_EINVAL;
    tai_error_clear(&s->err);
    if (rating < TA_CQC_OUTSTANDING || rating > TA_CQC_INADEQUATE)
        return tai_error_set(&s->err, TA_EINVAL, "unknown CQC rating %d", (int)rating);
    if (!ta_date_is_valid(rated_on))
        return tai_error_set(&s->err, TA_EINVAL, "the CQC rating date is not a valid date");
    if ((st = find_trust(s, code, &t)) != TA_OK)
        return st;
    invalidate(s);
    t->has_cqc = 1;
    t->cqc = rating;
    t->cqc_date = rated_on;
    return TA_OK;
}

/* ---- the run --------------------------------------------------------------- */

static ta_eligibility verdict_of(const size_t counts[3])
{
    if (counts[1] + counts[2] == 0)
        return TA_ELIGIBLE;
    return counts[1] + counts[2] == 1 ? TA_CLOSE : TA_NOT_ELIGIBLE;
}

/* Screens every trust against set c into l. `gate` (may be NULL): the AFT
 * level, whose verdict must be eligible for this level's to be better than
 * not eligible. */
static ta_status run_level(ta_screen *s, const ta_criteria *c, tai_level *l, const tai_level *gate)
{
    size_t n = s->n_trusts, k = c->n;
    ta_status st;
    l->n_criteria = k;
    l->ids = tai_calloc(&s->alloc, k, sizeof *l->ids);
    l->names = tai_calloc(&s->alloc, k, sizeof *l->names);
    l->results = tai_calloc(&s->alloc, n, k * sizeof *l->results);
    l->verdicts = tai_calloc(&s->alloc, n, sizeof *l->verdicts);
    l->counts = tai_calloc(&s->alloc, 3 * n, sizeof *l->counts);
    l->changes = tai_calloc(&s->alloc, n, sizeof *l->changes);
    if (!l->ids || !l->names || !l->results || !l->verdicts || !l->counts || !l->changes)
        return tai_error_set(&s->err, TA_ENOMEM, "out of memory");
    for (size_t j = 0; j < k; j++)
        if (!(l->ids[j] = tai_strdup(&s->alloc, c->items[j].id)) ||
            !(l->names[j] = tai_strdup(&s->alloc, c->items[j].name)))
            return tai_error_set(&s->err, TA_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) {
        size_t *counts = &l->counts[3 * i];
        const tai_result *failing = NULL;
        size_t failing_k = 0;
        tai_text ch;
        for (size_t j = 0; j < k; j++) {
            tai_result *r = &l->results[i * k + j];
            if ((st = tai_rule_apply(s, &c->items[j], &s->trusts[i], r)) != TA_OK)
                return st;
            counts[r->outcome]++;
            if (r->outcome != TA_MET) {
                failing = r;
                failing_k = j;
            }
        }
        l->verdicts[i] = verdict_of(counts);
        tai_text_init(&ch, &s->alloc);
        if (gate && gate->verdicts[i] != TA_ELIGIBLE) {
            l->verdicts[i] = TA_NOT_ELIGIBLE;
        } else if (l->verdicts[i] == TA_CLOSE) {
            tai_text_puts(&ch, l->names[failing_k]);
            tai_text_puts(&ch, failing->outcome == TA_NO_EVIDENCE ? " (no evidence): needs "
                                                                  : " (not met): needs ");
            tai_text_puts(&ch, failing->change);
        }
        l->changes[i] = tai_text_dup(&ch);
        tai_text_free(&ch);
        if (!l->changes[i])
            return tai_error_set(&s->err, TA_ENOMEM, "out of memory");
    }
    return TA_OK;
}

ta_status ta_screen_run(ta_screen *s, const ta_criteria *aft, const ta_criteria *iho)
{
    tai_level levels[2];
    ta_status st;
    if (!s)
        return TA_EINVAL;
    tai_error_clear(&s->err);
    if (!aft)
        return tai_error_set(&s->err, TA_EINVAL, "the AFT criteria set is NULL");
    if (aft->n == 0 || (iho && iho->n == 0))
        return tai_error_set(&s->err, TA_EINVAL, "criteria set %s is empty",
                             aft->n == 0 ? aft->name : iho->name);
    memset(levels, 0, sizeof levels);
    st = run_level(s, aft, &levels[0], NULL);
    if (st == TA_OK && iho)
        st = run_level(s, iho, &levels[1], &levels[0]);
    tai_peers_clear(s); /* the peer statistics live for one run, on every path */
    if (st != TA_OK) {
        level_free(&s->alloc, &levels[0], s->n_trusts);
        level_free(&s->alloc, &levels[1], s->n_trusts);
        return st;
    }
    invalidate(s);
    s->levels[0] = levels[0];
    s->levels[1] = levels[1];
    s->has_iho = iho != NULL;
    s->has_run = 1;
    return TA_OK;
}

/* ---- results ----------------------------------------------------------------- */

size_t ta_screen_trust_count(const ta_screen *s)
{
    return s ? s->n_trusts : 0;
}

ta_status ta_screen_find_trust(size_t *index_out, const ta_screen *s, const char *code)
{
    size_t i;
    if (!index_out || !s || !code)
        return TA_EINVAL;
    if (!tai_strmap_get(&s->trust_map, code, strlen(code), &i))
        return TA_ENOTFOUND;
    *index_out = i;
    return TA_OK;
}

const char *ta_screen_trust_code(const ta_screen *s, size_t i)
{
    return s && i < s->n_trusts ? s->trusts[i].code : NULL;
}

const char *ta_screen_trust_name(const ta_screen *s, size_t i)
{
    return s && i < s->n_trusts ? s->trusts[i].name : NULL;
}

const char *ta_screen_trust_type(const ta_screen *s, size_t i)
{
    return s && i < s->n_trusts ? s->trusts[i].type : NULL;
}

size_t ta_screen_period_count(const ta_screen *s)
{
    return s ? s->n_periods : 0;
}

const char *ta_screen_period(const ta_screen *s, size_t q)
{
    return s && q < s->n_periods ? s->labels[q] : NULL;
}

/* The level's results, or NULL before a run / for a bad level. */
static const tai_level *level_of(const ta_screen *s, ta_screen_level level)
{
    if (!s || !s->has_run || (level != TA_LEVEL_AFT && level != TA_LEVEL_IHO))
        return NULL;
    return &s->levels[level];
}

size_t ta_screen_criterion_count(const ta_screen *s, ta_screen_level level)
{
    const tai_level *l = level_of(s, level);
    return l ? l->n_criteria : 0;
}

const char *ta_screen_criterion_id(const ta_screen *s, ta_screen_level level, size_t k)
{
    const tai_level *l = level_of(s, level);
    return l && k < l->n_criteria ? l->ids[k] : NULL;
}

const char *ta_screen_criterion_name(const ta_screen *s, ta_screen_level level, size_t k)
{
    const tai_level *l = level_of(s, level);
    return l && k < l->n_criteria ? l->names[k] : NULL;
}

/* Checks (s, level, i) for a result call: TA_EINVAL, TA_ESTATE or TA_OK. */
static ta_status check(const ta_screen *s, ta_screen_level level, size_t i, const tai_level **l)
{
    if (!s || (level != TA_LEVEL_AFT && level != TA_LEVEL_IHO))
        return TA_EINVAL;
    if (!s->has_run || (level == TA_LEVEL_IHO && !s->has_iho))
        return TA_ESTATE;
    if (i >= s->n_trusts)
        return TA_EINVAL;
    *l = &s->levels[level];
    return TA_OK;
}

ta_status ta_screen_verdict(ta_eligibility *verdict, const ta_screen *s, ta_screen_level level,
                            size_t i)
{
    const tai_level *l;
    ta_status st = check(s, level, i, &l);
    if (st != TA_OK)
        return st;
    if (!verdict)
        return TA_EINVAL;
    *verdict = l->verdicts[i];
    return TA_OK;
}

ta_status ta_screen_verdict_counts(size_t *met, size_t *not_met, size_t *no_evidence,
                                   const ta_screen *s, ta_screen_level level, size_t i)
{
    const tai_level *l;
    ta_status st = check(s, level, i, &l);
    if (st != TA_OK)
        return st;
    if (met)
        *met = l->counts[3 * i];
    if (not_met)
        *not_met = l->counts[3 * i + 1];
    if (no_evidence)
        *no_evidence = l->counts[3 * i + 2];
    return TA_OK;
}

const char *ta_screen_change(const ta_screen *s, ta_screen_level level, size_t i)
{
    const tai_level *l;
    return check(s, level, i, &l) == TA_OK ? l->changes[i] : NULL;
}

/* Criterion k's result for trust i at `level`, as check() with k in range. */
static ta_status result_at(const tai_result **out, const ta_screen *s, ta_screen_level level,
                           size_t i, size_t k)
{
    const tai_level *l;
    ta_status st = check(s, level, i, &l);
    if (st != TA_OK)
        return st;
    if (k >= l->n_criteria)
        return TA_EINVAL;
    *out = &l->results[i * l->n_criteria + k];
    return TA_OK;
}

ta_status ta_screen_result_outcome(ta_criterion_outcome *outcome, const ta_screen *s,
                                   ta_screen_level level, size_t i, size_t k)
{
    const tai_result *r;
    ta_status st = result_at(&r, s, level, i, k);
    if (st != TA_OK)
        return st;
    if (!outcome)
        return TA_EINVAL;
    *outcome = r->outcome;
    return TA_OK;
}

ta_status ta_screen_result_value(int *has_value, double *value, const ta_screen *s,
                                 ta_screen_level level, size_t i, size_t k)
{
    const tai_result *r;
    ta_status st = result_at(&r, s, level, i, k);
    if (st != TA_OK)
        return st;
    if (has_value)
        *has_value = r->has_value;
    if (value)
        *value = r->value;
    return TA_OK;
}

ta_status ta_screen_result_threshold(int *has_threshold, double *threshold, const ta_screen *s,
                                     ta_screen_level level, size_t i, size_t k)
{
    const tai_result *r;
    ta_status st = result_at(&r, s, level, i, k);
    if (st != TA_OK)
        return st;
    if (has_threshold)
        *has_threshold = r->has_threshold;
    if (threshold)
        *threshold = r->threshold;
    return TA_OK;
}

ta_status ta_screen_result_period(size_t *period, const ta_screen *s, ta_screen_level level,
                                  size_t i, size_t k)
{
    const tai_result *r;
    ta_status st = result_at(&r, s, level, i, k);
    if (st != TA_OK)
        return st;
    if (!period)
        return TA_EINVAL;
    *period = r->period;
    return TA_OK;
}

const char *ta_screen_result_reason(const ta_screen *s, ta_screen_level level, size_t i, size_t k)
{
    const tai_result *r;
    return result_at(&r, s, level, i, k) == TA_OK ? r->reason : NULL;
}

ta_status ta_screen_export(const char **text, size_t *len, ta_screen *s, ta_screen_format format,
                           const char *code)
{
    ta_status st;
    if (text)
        *text = NULL;
    if (len)
        *len = 0;
    if (!s)
        return TA_EINVAL;
    tai_error_clear(&s->err);
    if (!text)
        return tai_error_set(&s->err, TA_EINVAL, "text is NULL");
    if (format != TA_SCREEN_CSV && format != TA_SCREEN_TABLE && format != TA_SCREEN_JSON)
        return tai_error_set(&s->err, TA_EINVAL, "unknown format %d", (int)format);
    if (!s->has_run)
        return tai_error_set(&s->err, TA_ESTATE, "the screen has not been run");
    if (code) {
        size_t i;
        if (ta_screen_find_trust(&i, s, code) != TA_OK)
            return tai_error_set(&s->err, TA_ENOTFOUND, "trust %s is not in the screen", code);
    }
    if ((st = tai_screen_write(s, format, code)) != TA_OK)
        return st;
    *text = s->out.data ? s->out.data : "";
    if (len)
        *len = s->out.len;
    return TA_OK;
}
