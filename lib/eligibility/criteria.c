/*
 * Criteria sets: the handle, its builder calls and what can be read back.
 *
 * Every criterion, whether added in code, read from CSV or part of a built-in
 * set, passes through one add function per kind, which validates it and
 * writes its canonical Parameters text; so the three ways of making a set
 * cannot disagree. Domains and metrics are names here: they are resolved
 * against the framework when a screen runs, because a set does not belong to
 * one framework.
 */
#include <math.h>
#include <string.h>

#include "common/alloc.h"
#include "eligibility_internal.h"

static const char *const kind_names[] = {"segment_at_most",
                                         "no_deficit",
                                         "not_in_rsp",
                                         "domain_score_at_most",
                                         "domain_in_top_quartile",
                                         "metric_better_than_peer_median",
                                         "supplied",
                                         "supplied"};

const char *ta_criterion_kind_name(ta_criterion_kind kind)
{
    /* a negative kind converts to a size_t far past the table */
    if ((size_t)kind >= sizeof kind_names / sizeof *kind_names)
        return "";
    return kind_names[kind];
}

const char *ta_cqc_rating_name(ta_cqc_rating rating)
{
    switch (rating) {
    case TA_CQC_OUTSTANDING:
        return "outstanding";
    case TA_CQC_GOOD:
        return "good";
    case TA_CQC_REQUIRES_IMPROVEMENT:
        return "requires improvement";
    case TA_CQC_INADEQUATE:
        return "inadequate";
    }
    return "";
}

int tai_criteria_id_ok(const char *id)
{
    size_t n = 0;
    for (const char *p = id; *p; p++, n++) {
        char ch = *p;
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '_' || ch == '-'))
            return 0;
    }
    return n >= 1 && n <= 32;
}

static void criterion_free(const ta_allocator *a, tai_criterion *c)
{
    tai_free(a, c->id);
    tai_free(a, c->name);
    tai_free(a, c->params);
    tai_free(a, c->source);
    tai_free(a, c->reading);
    tai_free(a, c->ref);
    tai_free(a, c->where);
}

ta_status ta_criteria_new(ta_criteria **out, const char *name, const ta_allocator *alloc)
{
    ta_allocator a;
    ta_criteria *c;
    if (!out)
        return TA_EINVAL;
    *out = NULL;
    if (!name || !*name || strlen(name) > 64 || tai_alloc_init(&a, alloc) != TA_OK)
        return TA_EINVAL;
    c = tai_calloc(&a, 1, sizeof *c);
    if (!c)
        return TA_ENOMEM;
    c->alloc = a;
    if (!(c->name = tai_strdup(&c->alloc, name))) {
        tai_free(&a, c);
        return TA_ENOMEM;
    }
    *out = c;
    return TA_OK;
}

void tai_criteria_truncate(ta_criteria *c, size_t n_keep)
{
    while (c->n > n_keep)
        criterion_free(&c->alloc, &c->items[--c->n]);
}

void ta_criteria_free(ta_criteria *c)
{
    ta_allocator a;
    if (!c)
        return;
    a = c->alloc;
    tai_criteria_truncate(c, 0);
    tai_free(&a, c->items);
    tai_free(&a, c->name);
    tai_free(&a, c);
}

const char *ta_criteria_error(const ta_criteria *c)
{
    return c ? c->err.msg : "";
}

const char *ta_criteria_name(const ta_criteria *c)
{
    return c ? c->name : NULL;
}

size_t ta_criteria_count(const ta_criteria *c)
{
    return c ? c->n : 0;
}

/* Criterion i of c, or NULL if c is NULL or i out of range (a const handle takes no message). */
static const tai_criterion *at(const ta_criteria *c, size_t i)
{
    return c && i < c->n ? &c->items[i] : NULL;
}

const char *ta_criteria_criterion_id(const ta_criteria *c, size_t i)
{
    const tai_criterion *x = at(c, i);
    return x ? x->id : NULL;
}

const char *ta_criteria_criterion_name(const ta_criteria *c, size_t i)
{
    const tai_criterion *x = at(c, i);
    return x ? x->name : NULL;
}

ta_status ta_criteria_criterion_kind(ta_criterion_kind *kind, const ta_criteria *c, size_t i)
{
    const tai_criterion *x = at(c, i);
    if (!x || !kind)
        return TA_EINVAL;
    *kind = x->kind;
    return TA_OK;
}

const char *ta_criteria_criterion_parameters(const ta_criteria *c, size_t i)
{
    const tai_criterion *x = at(c, i);
    return x ? x->params : NULL;
}

const char *ta_criteria_criterion_source(const ta_criteria *c, size_t i)
{
    const tai_criterion *x = at(c, i);
    return x ? x->source : NULL;
}

const char *ta_criteria_criterion_reading(const ta_criteria *c, size_t i)
{
    const tai_criterion *x = at(c, i);
    return x ? x->reading : NULL;
}

static tai_criterion *find(const ta_criteria *c, const char *id)
{
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->items[i].id, id) == 0)
            return &c->items[i];
    return NULL;
}

/* Checks what every kind shares and appends a criterion with the canonical
 * Parameters text `params` and reference `ref` (may be NULL). */
static ta_status add(ta_criteria *c, const char *id, const char *name, ta_criterion_kind kind,
                     const char *ref, tai_text *params, tai_criterion **out)
{
    tai_criterion x;
    ta_status st = params->st;
    *out = NULL;
    memset(&x, 0, sizeof x);
    if (st == TA_OK &&
        tai_grow(&c->alloc, (void **)&c->items, &c->cap, c->n + 1, sizeof *c->items) != TA_OK)
        st = TA_ENOMEM;
    if (st == TA_OK) {
        x.kind = kind;
        x.id = tai_strdup(&c->alloc, id);
        x.name = tai_strdup(&c->alloc, name);
        x.params = tai_text_dup(params);
        x.source = tai_strdup(&c->alloc, "");
        x.reading = tai_strdup(&c->alloc, "");
        x.ref = tai_strdup(&c->alloc, ref ? ref : "");
        if (!x.id || !x.name || !x.params || !x.source || !x.reading || !x.ref)
            st = TA_ENOMEM;
    }
    tai_text_free(params);
    if (st != TA_OK) {
        criterion_free(&c->alloc, &x);
        return tai_error_set(&c->err, st, "out of memory adding criterion %s", id);
    }
    c->items[c->n] = x;
    *out = &c->items[c->n++];
    return TA_OK;
}

/* The checks of id and name, before any kind-specific check. */
static ta_status check_common(ta_criteria *c, const char *id, const char *name)
{
    if (!id || !tai_criteria_id_ok(id))
        return tai_error_set(&c->err, TA_EINVAL,
                             "criterion id \"%s\" must be 1 to 32 letters, digits, _ or -",
                             id ? id : "(null)");
    if (!name || !*name || strlen(name) > 200)
        return tai_error_set(&c->err, TA_EINVAL, "criterion %s: name must be 1 to 200 bytes", id);
    if (find(c, id))
        return tai_error_set(&c->err, TA_EDUPLICATE, "criterion %s is already in the set", id);
    return TA_OK;
}

static ta_status check_ref(ta_criteria *c, const char *id, const char *what, const char *ref)
{
    if (!ref || !tai_criteria_id_ok(ref))
        return tai_error_set(&c->err, TA_EINVAL,
                             "criterion %s: %s \"%s\" must be 1 to 32 letters, digits, _ or -", id,
                             what, ref ? ref : "(null)");
    return TA_OK;
}

ta_status ta_criteria_add_segment_at_most(ta_criteria *c, const char *id, const char *name,
                                          int segment, int quarters)
{
    tai_criterion *x;
    tai_text p;
    ta_status st;
    if (!c)
        return TA_EINVAL;
    tai_error_clear(&c->err);
    if ((st = check_common(c, id, name)) != TA_OK)
        return st;
    if (segment < 1 || segment > 9)
        return tai_error_set(&c->err, TA_EINVAL, "criterion %s: segment %d is not 1..9", id,
                             segment);
    if (quarters < 1 || quarters > 40)
        return tai_error_set(&c->err, TA_EINVAL, "criterion %s: quarters %d is not 1..40", id,
                             quarters);
    tai_text_init(&p, &c->alloc);
    tai_text_puts(&p, "segment=");
    tai_text_int(&p, segment);
    tai_text_puts(&p, ";quarters=");
    tai_text_int(&p, quarters);
    if ((st = add(c, id, name, TA_CRITERION_SEGMENT_AT_MOST, NULL, &p, &x)) != TA_OK)
        return st;
    x->segment = segment;
    x->quarters = quarters;
    return TA_OK;
}

static ta_status add_flag(ta_criteria *c, const char *id, const char *name, ta_criterion_kind k)
{
    tai_criterion *x;
    tai_text p;
    ta_status st;
    if (!c)
        return TA_EINVAL;
    tai_error_clear(&c->err);
    if ((st = check_common(c, id, name)) != TA_OK)
        return st;
    tai_text_init(&p, &c->alloc);
    return add(c, id, name, k, NULL, &p, &x);
}

ta_status ta_criteria_add_no_deficit(ta_criteria *c, const char *id, const char *name)
{
    return add_flag(c, id, name, TA_CRITERION_NO_DEFICIT);
}

ta_status ta_criteria_add_not_in_rsp(ta_criteria *c, const char *id, const char *name)
{
    return add_flag(c, id, name, TA_CRITERION_NOT_IN_RSP);
}

ta_status ta_criteria_add_domain_score_at_most(ta_criteria *c, const char *id, const char *name,
                                               const char *domain, double threshold)
{
    tai_criterion *x;
    tai_text p;
    ta_status st;
    if (!c)
        return TA_EINVAL;
    tai_error_clear(&c->err);
    if ((st = check_common(c, id, name)) != TA_OK ||
        (st = check_ref(c, id, "domain", domain)) != TA_OK)
        return st;
    if (!isfinite(threshold) || threshold < 1.0 || threshold > 4.0)
        return tai_error_set(&c->err, TA_EINVAL,
                             "criterion %s: threshold must be a number from 1 to 4", id);
    tai_text_init(&p, &c->alloc);
    tai_text_puts(&p, "domain=");
    tai_text_puts(&p, domain);
    tai_text_puts(&p, ";threshold=");
    tai_text_figure(&p, threshold);
    if ((st = add(c, id, name, TA_CRITERION_DOMAIN_SCORE_AT_MOST, domain, &p, &x)) != TA_OK)
        return st;
    x->threshold = threshold;
    return TA_OK;
}

static ta_status add_ref(ta_criteria *c, const char *id, const char *name, ta_criterion_kind k,
                         const char *key, const char *what, const char *ref)
{
    tai_criterion *x;
    tai_text p;
    ta_status st;
    if (!c)
        return TA_EINVAL;
    tai_error_clear(&c->err);
    if ((st = check_common(c, id, name)) != TA_OK || (st = check_ref(c, id, what, ref)) != TA_OK)
        return st;
    tai_text_init(&p, &c->alloc);
    tai_text_puts(&p, key);
    tai_text_puts(&p, "=");
    tai_text_puts(&p, ref);
    return add(c, id, name, k, ref, &p, &x);
}

ta_status ta_criteria_add_domain_top_quartile(ta_criteria *c, const char *id, const char *name,
                                              const char *domain)
{
    return add_ref(c, id, name, TA_CRITERION_DOMAIN_TOP_QUARTILE, "domain", "domain", domain);
}

ta_status ta_criteria_add_better_than_peer_median(ta_criteria *c, const char *id, const char *name,
                                                  const char *metric)
{
    return add_ref(c, id, name, TA_CRITERION_BETTER_THAN_PEER_MEDIAN, "metric", "metric", metric);
}

ta_status ta_criteria_add_supplied_judgement(ta_criteria *c, const char *id, const char *name,
                                             const char *key)
{
    return add_ref(c, id, name, TA_CRITERION_SUPPLIED_JUDGEMENT, "judgement", "judgement key", key);
}

ta_status ta_criteria_add_cqc_rating(ta_criteria *c, const char *id, const char *name,
                                     ta_cqc_rating at_least)
{
    static const char *const words[] = {"", "outstanding", "good", "requires_improvement",
                                        "inadequate"};
    tai_criterion *x;
    tai_text p;
    ta_status st;
    if (!c)
        return TA_EINVAL;
    tai_error_clear(&c->err);
    if ((st = check_common(c, id, name)) != TA_OK)
        return st;
    if (at_least < TA_CQC_OUTSTANDING || at_least > TA_CQC_INADEQUATE)
        return tai_error_set(&c->err, TA_EINVAL, "criterion %s: unknown CQC rating %d", id,
                             (int)at_least);
    tai_text_init(&p, &c->alloc);
    tai_text_puts(&p, "cqc_at_least=");
    tai_text_puts(&p, words[at_least]);
    if ((st = add(c, id, name, TA_CRITERION_CQC_RATING, NULL, &p, &x)) != TA_OK)
        return st;
    x->cqc = at_least;
    return TA_OK;
}

static ta_status set_text(ta_criteria *c, const char *id, const char *text, int reading)
{
    tai_criterion *x;
    char *copy, **slot;
    if (!c)
        return TA_EINVAL;
    tai_error_clear(&c->err);
    if (!id || !text)
        return tai_error_set(&c->err, TA_EINVAL, "criterion id and text must not be NULL");
    if (strlen(text) > 1000)
        return tai_error_set(&c->err, TA_EINVAL, "criterion %s: text over 1000 bytes", id);
    if (!(x = find(c, id)))
        return tai_error_set(&c->err, TA_ENOTFOUND, "no criterion %s in the set", id);
    if (!(copy = tai_strdup(&c->alloc, text)))
        return tai_error_set(&c->err, TA_ENOMEM, "out of memory");
    slot = reading ? &x->reading : &x->source;
    tai_free(&c->alloc, *slot);
    *slot = copy;
    return TA_OK;
}

ta_status ta_criteria_set_source(ta_criteria *c, const char *id, const char *source)
{
    return set_text(c, id, source, 0);
}

ta_status ta_criteria_set_reading(ta_criteria *c, const char *id, const char *reading)
{
    return set_text(c, id, reading, 1);
}
