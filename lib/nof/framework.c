/*
 * Frameworks and their builder.
 *
 * The builder and the framework share one plain-data layout
 * (tai_framework_def). The builder edits a def in place; building validates it
 * and deep-copies it into a framework, which is never written again. That is
 * what makes a framework safe to share between threads without locks, and
 * lets one builder make several frameworks (e.g. a preset with one setting
 * changed).
 */
#include "framework_internal.h"

#include <math.h>
#include <string.h>

#include "common/alloc.h"

/* ---- the def: init, free, copy ---------------------------------------- */

static void def_init(tai_framework_def *def, const ta_allocator *alloc)
{
    memset(def, 0, sizeof *def);
    def->alloc = *alloc;
    tai_strmap_init(&def->ids, &def->alloc);
    def->n_cutoffs = 3;
    def->cutoffs_explicit = 0;
    def->quantile = TA_QUANTILE_TYPE7;
    def->cutoff_rule = TA_CUTOFF_TIES_BETTER;
    def->deficit_cap = 3;
    def->rsp_segment = 5;
    def->decimals = 2;
}

static void metric_free(const ta_allocator *a, tai_metric *m)
{
    tai_free(a, m->id);
    tai_free(a, m->raw_id);
    tai_free(a, m->name);
    tai_free(a, m->combo_first);
    tai_free(a, m->combo_second);
    tai_free(a, m->source);
    tai_free(a, m->where);
    for (size_t i = 0; i < m->n_pools; i++) {
        tai_free(a, m->pools[i].period);
        tai_free(a, m->pools[i].source);
    }
    tai_free(a, m->pools);
}

static void def_free(tai_framework_def *def)
{
    const ta_allocator *a = &def->alloc;
    for (size_t i = 0; i < def->n_metrics; i++)
        metric_free(a, &def->metrics[i]);
    for (size_t i = 0; i < def->n_domains; i++) {
        tai_free(a, def->domains[i].key);
        tai_free(a, def->domains[i].name);
        tai_free(a, def->domains[i].score_id);
    }
    for (size_t i = 0; i < def->n_figures; i++) {
        tai_free(a, def->figures[i].id);
        tai_free(a, def->figures[i].name);
    }
    for (size_t i = 0; i < def->n_trust_types; i++)
        tai_free(a, def->trust_types[i]);
    tai_free(a, def->trust_types);
    tai_free(a, def->metrics);
    tai_free(a, def->domains);
    tai_free(a, def->figures);
    tai_free(a, def->name);
    tai_strmap_free(&def->ids);
}

static ta_status register_id(tai_framework_def *def, const char *id, size_t index, int kind)
{
    int existed = 0;
    ta_status st =
        tai_strmap_put(&def->ids, id, strlen(id), index * 4 + (size_t)kind, &existed, NULL);
    if (st != TA_OK)
        return st;
    return existed ? TA_EDUPLICATE : TA_OK;
}

/* Deep copy of src into dst (initialised with dst's allocator by the caller). */
static ta_status def_copy(tai_framework_def *dst, const tai_framework_def *src)
{
    const ta_allocator *a = &dst->alloc;
    ta_status st = TA_ENOMEM;
    dst->name = tai_strdup(a, src->name ? src->name : "");
    dst->metrics = tai_calloc(a, src->n_metrics, sizeof *dst->metrics);
    dst->domains = tai_calloc(a, src->n_domains, sizeof *dst->domains);
    dst->figures = tai_calloc(a, src->n_figures, sizeof *dst->figures);
    if (!dst->name || !dst->metrics || !dst->domains || !dst->figures)
        return TA_ENOMEM;
    dst->metrics_cap = src->n_metrics;
    dst->domains_cap = src->n_domains;
    dst->figures_cap = src->n_figures;
    for (size_t i = 0; i < src->n_domains; i++) {
        const tai_domain *s = &src->domains[i];
        tai_domain *d = &dst->domains[i];
        dst->n_domains = i + 1;
        d->key = tai_strdup(a, s->key);
        d->name = tai_strdup(a, s->name);
        d->score_id = tai_strdup(a, s->score_id);
        if (!d->key || !d->name || !d->score_id)
            return TA_ENOMEM;
        if (d->score_id[0] && (st = register_id(dst, d->score_id, i, TAI_ID_DOMAIN)) != TA_OK)
            return st;
    }
    for (size_t i = 0; i < src->n_metrics; i++) {
        const tai_metric *s = &src->metrics[i];
        tai_metric *d = &dst->metrics[i];
        dst->n_metrics = i + 1;
        *d = *s;
        d->where = NULL; /* for the builder's messages only */
        d->id = tai_strdup(a, s->id);
        d->raw_id = tai_strdup(a, s->raw_id);
        d->name = tai_strdup(a, s->name);
        d->combo_first = s->combo_first ? tai_strdup(a, s->combo_first) : NULL;
        d->combo_second = s->combo_second ? tai_strdup(a, s->combo_second) : NULL;
        d->source = tai_strdup(a, s->source);
        d->pools = NULL;
        d->n_pools = d->pools_cap = 0;
        if (!d->id || !d->raw_id || !d->name || (s->combo_first && !d->combo_first) ||
            (s->combo_second && !d->combo_second) || !d->source)
            return TA_ENOMEM;
        if (s->n_pools && !(d->pools = tai_calloc(a, s->n_pools, sizeof *d->pools)))
            return TA_ENOMEM;
        d->pools_cap = s->n_pools;
        for (size_t k = 0; k < s->n_pools; k++) {
            d->n_pools = k + 1;
            d->pools[k].size = s->pools[k].size;
            d->pools[k].period = tai_strdup(a, s->pools[k].period);
            d->pools[k].source = tai_strdup(a, s->pools[k].source);
            if (!d->pools[k].period || !d->pools[k].source)
                return TA_ENOMEM;
        }
        if ((st = register_id(dst, d->id, i, TAI_ID_SCORE)) != TA_OK)
            return st;
        if (d->raw_id[0] && (st = register_id(dst, d->raw_id, i, TAI_ID_RAW)) != TA_OK)
            return st;
    }
    for (size_t i = 0; i < src->n_figures; i++) {
        const tai_figure *s = &src->figures[i];
        tai_figure *d = &dst->figures[i];
        dst->n_figures = i + 1;
        d->kind = s->kind;
        d->id = tai_strdup(a, s->id);
        d->name = tai_strdup(a, s->name);
        if (!d->id || !d->name)
            return TA_ENOMEM;
        if ((st = register_id(dst, d->id, i, TAI_ID_FIGURE)) != TA_OK)
            return st;
    }
    if (src->n_trust_types &&
        !(dst->trust_types = tai_calloc(a, src->n_trust_types, sizeof *dst->trust_types)))
        return TA_ENOMEM;
    dst->trust_types_cap = src->n_trust_types;
    for (size_t i = 0; i < src->n_trust_types; i++) {
        dst->n_trust_types = i + 1;
        if (!(dst->trust_types[i] = tai_strdup(a, src->trust_types[i])))
            return TA_ENOMEM;
    }
    dst->weighted = src->weighted;
    dst->weight_lcm = src->weight_lcm;
    dst->n_cutoffs = src->n_cutoffs;
    memcpy(dst->cutoffs, src->cutoffs, sizeof dst->cutoffs);
    dst->cutoffs_explicit = src->cutoffs_explicit;
    dst->quantile = src->quantile;
    dst->cutoff_rule = src->cutoff_rule;
    dst->deficit_cap = src->deficit_cap;
    dst->rsp_segment = src->rsp_segment;
    dst->decimals = src->decimals;
    return TA_OK;
}

int tai_framework_lookup(const tai_framework_def *def, const char *id, size_t *index, int *kind)
{
    size_t v;
    if (!id || !tai_strmap_get(&def->ids, id, strlen(id), &v))
        return 0;
    if (index)
        *index = v / 4;
    if (kind)
        *kind = (int)(v % 4);
    return 1;
}

size_t tai_framework_figure(const tai_framework_def *def, ta_figure kind)
{
    for (size_t i = 0; i < def->n_figures; i++)
        if (def->figures[i].kind == kind)
            return i;
    return (size_t)-1;
}

unsigned tai_metric_pool(const tai_metric *m, const char *period)
{
    for (size_t i = 0; period && i < m->n_pools; i++)
        if (strcmp(m->pools[i].period, period) == 0)
            return m->pools[i].size;
    return 0;
}

int tai_scoring_ranks(ta_scoring s)
{
    return s == TA_SCORING_RANK || s == TA_SCORING_STANDARD_CAPPED || s == TA_SCORING_STANDARD ||
           s == TA_SCORING_FLOOR;
}

void tai_bookends(ta_scoring s, double *lo, double *hi)
{
    *lo = s == TA_SCORING_STANDARD ? 2.0 : 1.0;
    *hi = s == TA_SCORING_FLOOR ? 3.0 : 4.0;
}

double tai_framework_scale(const tai_framework_def *def)
{
    static const double powers[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
    return powers[def->decimals];
}

/* ---- the builder ------------------------------------------------------ */

ta_status ta_framework_builder_new(ta_framework_builder **out, const char *name,
                                   const ta_allocator *alloc)
{
    ta_allocator a;
    ta_framework_builder *b;
    if (!out)
        return TA_EINVAL;
    *out = NULL;
    if (!name || tai_alloc_init(&a, alloc) != TA_OK)
        return TA_EINVAL;
    b = tai_calloc(&a, 1, sizeof *b);
    if (!b)
        return TA_ENOMEM;
    def_init(&b->def, &a);
    b->def.name = tai_strdup(&a, name);
    if (!b->def.name) {
        def_free(&b->def);
        tai_free(&a, b);
        return TA_ENOMEM;
    }
    *out = b;
    return TA_OK;
}

void ta_framework_builder_free(ta_framework_builder *b)
{
    ta_allocator a;
    if (!b)
        return;
    a = b->def.alloc;
    def_free(&b->def);
    tai_free(&a, b);
}

const char *ta_framework_builder_error(const ta_framework_builder *b)
{
    return b ? b->err.msg : "invalid argument: NULL builder";
}

/* Checks an ID's form: 1..63 printable ASCII characters without spaces or commas. */
static int valid_id(const char *id)
{
    size_t n = 0;
    if (!id)
        return 0;
    for (; id[n]; n++)
        if (id[n] <= ' ' || id[n] > '~' || id[n] == ',')
            return 0;
    return n > 0 && n < TAI_ID_MAX;
}

static ta_status check_new_id(ta_framework_builder *b, const char *id, const char *what)
{
    if (!valid_id(id))
        return tai_error_set(&b->err, TA_EINVAL,
                             "%s ID \"%s\" must be 1 to 63 printable characters without spaces",
                             what, id ? id : "(null)");
    if (tai_framework_lookup(&b->def, id, NULL, NULL))
        return tai_error_set(&b->err, TA_EDUPLICATE, "ID \"%s\" is already defined", id);
    return TA_OK;
}

/* The metric a setter names, or NULL with the error set. */
static tai_metric *find_metric(ta_framework_builder *b, const char *metric_id, ta_status *st)
{
    size_t index;
    int kind;
    if (!tai_framework_lookup(&b->def, metric_id, &index, &kind) || kind != TAI_ID_SCORE) {
        *st = tai_error_set(&b->err, TA_ENOTFOUND, "unknown metric \"%s\"",
                            metric_id ? metric_id : "(null)");
        return NULL;
    }
    *st = TA_OK;
    return &b->def.metrics[index];
}

ta_status ta_framework_builder_add_domain(ta_framework_builder *b, const char *key,
                                          const char *name, const char *score_id)
{
    tai_framework_def *def;
    tai_domain *d;
    ta_status st;
    if (!b)
        return TA_EINVAL;
    def = &b->def;
    if (!name)
        return tai_error_set(&b->err, TA_EINVAL, "domain name is NULL");
    if (!valid_id(key))
        return tai_error_set(&b->err, TA_EINVAL, "domain key \"%s\" is not a valid ID",
                             key ? key : "(null)");
    for (size_t i = 0; i < def->n_domains; i++)
        if (strcmp(def->domains[i].key, key) == 0)
            return tai_error_set(&b->err, TA_EDUPLICATE, "domain \"%s\" is already defined", key);
    if (score_id && score_id[0] && (st = check_new_id(b, score_id, "domain score")) != TA_OK)
        return st;
    if (tai_grow(&def->alloc, (void **)&def->domains, &def->domains_cap, def->n_domains + 1,
                 sizeof *def->domains) != TA_OK)
        return tai_error_set(&b->err, TA_ENOMEM, "out of memory adding domain \"%s\"", key);
    d = &def->domains[def->n_domains];
    memset(d, 0, sizeof *d);
    d->key = tai_strdup(&def->alloc, key);
    d->name = tai_strdup(&def->alloc, name);
    d->score_id = tai_strdup(&def->alloc, score_id ? score_id : "");
    if (!d->key || !d->name || !d->score_id ||
        (d->score_id[0] && register_id(def, d->score_id, def->n_domains, TAI_ID_DOMAIN) != TA_OK)) {
        tai_free(&def->alloc, d->key);
        tai_free(&def->alloc, d->name);
        tai_free(&def->alloc, d->score_id);
        return tai_error_set(&b->err, TA_ENOMEM, "out of memory adding domain \"%s\"", key);
    }
    def->n_domains++;
    return TA_OK;
}

ta_status ta_framework_builder_add_metric(ta_framework_builder *b, const char *metric_id,
                                          const char *name, const char *domain_key,
                                          ta_scoring scoring)
{
    tai_framework_def *def;
    tai_metric *m;
    size_t domain = (size_t)-1;
    ta_status st;
    if (!b)
        return TA_EINVAL;
    def = &b->def;
    if ((st = check_new_id(b, metric_id, "metric")) != TA_OK)
        return st;
    if (!name)
        return tai_error_set(&b->err, TA_EINVAL, "metric \"%s\": name is NULL", metric_id);
    if (scoring < TA_SCORING_SUPPLIED || scoring > TA_SCORING_BRACKETED)
        return tai_error_set(&b->err, TA_EINVAL, "metric \"%s\": unknown scoring rule %d",
                             metric_id, (int)scoring);
    for (size_t i = 0; domain_key && i < def->n_domains; i++)
        if (strcmp(def->domains[i].key, domain_key) == 0)
            domain = i;
    if (domain == (size_t)-1)
        return tai_error_set(&b->err, TA_ENOTFOUND, "metric \"%s\": unknown domain \"%s\"",
                             metric_id, domain_key ? domain_key : "(null)");
    if (tai_grow(&def->alloc, (void **)&def->metrics, &def->metrics_cap, def->n_metrics + 1,
                 sizeof *def->metrics) != TA_OK)
        return tai_error_set(&b->err, TA_ENOMEM, "out of memory adding metric \"%s\"", metric_id);
    m = &def->metrics[def->n_metrics];
    memset(m, 0, sizeof *m);
    m->id = tai_strdup(&def->alloc, metric_id);
    m->raw_id = tai_strdup(&def->alloc, "");
    m->name = tai_strdup(&def->alloc, name);
    m->domain = domain;
    m->scoring = scoring;
    m->direction = TA_HIGHER_IS_BETTER;
    m->in_average = 1;
    m->weight_num = m->weight_den = 1;
    m->source = tai_strdup(&def->alloc, "");
    if (!m->id || !m->raw_id || !m->name || !m->source ||
        register_id(def, m->id, def->n_metrics, TAI_ID_SCORE) != TA_OK) {
        metric_free(&def->alloc, m);
        return tai_error_set(&b->err, TA_ENOMEM, "out of memory adding metric \"%s\"", metric_id);
    }
    def->n_metrics++;
    return TA_OK;
}

ta_status ta_framework_builder_set_raw_id(ta_framework_builder *b, const char *metric_id,
                                          const char *raw_id)
{
    ta_status st;
    tai_metric *m;
    char *copy;
    if (!b)
        return TA_EINVAL;
    if (!(m = find_metric(b, metric_id, &st)))
        return st;
    if (m->raw_id[0])
        return tai_error_set(&b->err, TA_EDUPLICATE, "metric \"%s\" already has raw ID \"%s\"",
                             metric_id, m->raw_id);
    if ((st = check_new_id(b, raw_id, "raw value")) != TA_OK)
        return st;
    copy = tai_strdup(&b->def.alloc, raw_id);
    if (!copy || register_id(&b->def, raw_id, (size_t)(m - b->def.metrics), TAI_ID_RAW) != TA_OK) {
        tai_free(&b->def.alloc, copy);
        return tai_error_set(&b->err, TA_ENOMEM, "out of memory");
    }
    tai_free(&b->def.alloc, m->raw_id);
    m->raw_id = copy;
    return TA_OK;
}

ta_status ta_framework_builder_set_direction(ta_framework_builder *b, const char *metric_id,
                                             ta_direction dir)
{
    ta_status st;
    tai_metric *m;
    if (!b)
        return TA_EINVAL;
    if (!(m = find_metric(b, metric_id, &st)))
        return st;
    if (dir != TA_HIGHER_IS_BETTER && dir != TA_LOWER_IS_BETTER)
        return tai_error_set(&b->err, TA_EINVAL, "metric \"%s\": unknown direction %d", metric_id,
                             (int)dir);
    m->direction = dir;
    return TA_OK;
}

ta_status ta_framework_builder_set_in_average(ta_framework_builder *b, const char *metric_id,
                                              int in_average)
{
    ta_status st;
    tai_metric *m;
    if (!b)
        return TA_EINVAL;
    if (!(m = find_metric(b, metric_id, &st)))
        return st;
    m->in_average = in_average != 0;
    return TA_OK;
}

ta_status ta_framework_builder_set_standard(ta_framework_builder *b, const char *metric_id,
                                            double standard)
{
    ta_status st;
    tai_metric *m;
    if (!b)
        return TA_EINVAL;
    if (!(m = find_metric(b, metric_id, &st)))
        return st;
    if (!isfinite(standard))
        return tai_error_set(&b->err, TA_EINVAL, "metric \"%s\": the standard must be finite",
                             metric_id);
    m->standard = standard;
    m->has_threshold = 1;
    return TA_OK;
}

ta_status ta_framework_builder_set_floor(ta_framework_builder *b, const char *metric_id,
                                         double floor_value)
{
    return ta_framework_builder_set_standard(b, metric_id, floor_value);
}

/* Checks n cut points from the best band to the worst, as bands and brackets take them. */
static ta_status check_cuts(ta_framework_builder *b, const tai_metric *m, size_t n,
                            const double *cuts)
{
    if (!cuts || n < 1 || n > TAI_MAX_CUTS)
        return tai_error_set(&b->err, TA_EINVAL, "metric \"%s\": give 1 to %d cut points", m->id,
                             TAI_MAX_CUTS);
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(cuts[i]))
            return tai_error_set(&b->err, TA_EINVAL, "metric \"%s\": cut point %zu is not finite",
                                 m->id, i + 1);
        if (i > 0 &&
            (m->direction == TA_HIGHER_IS_BETTER ? cuts[i] >= cuts[i - 1] : cuts[i] <= cuts[i - 1]))
            return tai_error_set(&b->err, TA_EINVAL,
                                 "metric \"%s\": cut points must run from the best band to the "
                                 "worst (%s)",
                                 m->id,
                                 m->direction == TA_HIGHER_IS_BETTER ? "descending" : "ascending");
    }
    return TA_OK;
}

ta_status ta_framework_builder_set_brackets(ta_framework_builder *b, const char *metric_id,
                                            size_t n, const double *cuts, const double *scores)
{
    ta_status st;
    tai_metric *m;
    if (!b)
        return TA_EINVAL;
    if (!(m = find_metric(b, metric_id, &st)))
        return st;
    if ((st = check_cuts(b, m, n, cuts)) != TA_OK)
        return st;
    if (!scores)
        return tai_error_set(&b->err, TA_EINVAL, "metric \"%s\": give %zu bracket scores",
                             metric_id, n + 1);
    for (size_t i = 0; i <= n; i++)
        if (!(scores[i] >= 1 && scores[i] <= 4))
            return tai_error_set(&b->err, TA_ERANGE,
                                 "metric \"%s\": bracket score %zu must be from 1 to 4", metric_id,
                                 i + 1);
    memcpy(m->cuts, cuts, n * sizeof *cuts);
    memcpy(m->bracket_scores, scores, (n + 1) * sizeof *scores);
    m->n_cuts = n;
    return TA_OK;
}

ta_status ta_framework_builder_set_weight(ta_framework_builder *b, const char *metric_id,
                                          unsigned numerator, unsigned denominator)
{
    ta_status st;
    tai_metric *m;
    if (!b)
        return TA_EINVAL;
    if (!(m = find_metric(b, metric_id, &st)))
        return st;
    if (numerator < 1 || numerator > 1000 || denominator < 1 || denominator > 1000)
        return tai_error_set(&b->err, TA_ERANGE,
                             "metric \"%s\": weight %u/%u must have both parts from 1 to 1000",
                             metric_id, numerator, denominator);
    m->weight_num = numerator;
    m->weight_den = denominator;
    b->def.weighted = 0;
    for (size_t i = 0; i < b->def.n_metrics; i++)
        if (b->def.metrics[i].weight_num != b->def.metrics[i].weight_den)
            b->def.weighted = 1;
    return TA_OK;
}

/* Copies text (at most TAI_SOURCE_MAX - 1 bytes) into *slot. */
static ta_status replace_text(ta_framework_builder *b, char **slot, const char *text,
                              const char *what)
{
    char *copy;
    if (!text)
        return tai_error_set(&b->err, TA_EINVAL, "%s is NULL", what);
    if (strlen(text) >= TAI_SOURCE_MAX)
        return tai_error_set(&b->err, TA_ERANGE, "%s is longer than %d bytes", what,
                             TAI_SOURCE_MAX - 1);
    if (!(copy = tai_strdup(&b->def.alloc, text)))
        return tai_error_set(&b->err, TA_ENOMEM, "out of memory");
    tai_free(&b->def.alloc, *slot);
    *slot = copy;
    return TA_OK;
}

ta_status ta_framework_builder_set_source(ta_framework_builder *b, const char *metric_id,
                                          const char *source)
{
    ta_status st;
    tai_metric *m;
    if (!b)
        return TA_EINVAL;
    if (!(m = find_metric(b, metric_id, &st)))
        return st;
    return replace_text(b, &m->source, source, "the source");
}

ta_status ta_framework_builder_set_pool(ta_framework_builder *b, const char *metric_id,
                                        const char *period, unsigned pool, const char *source)
{
    ta_status st;
    tai_metric *m;
    tai_pool *p = NULL;
    if (!b)
        return TA_EINVAL;
    if (!(m = find_metric(b, metric_id, &st)))
        return st;
    if (!period || !period[0] || strlen(period) >= TAI_SOURCE_MAX)
        return tai_error_set(&b->err, TA_EINVAL, "metric \"%s\": a pool needs a period", metric_id);
    if (pool < 2 || pool > 100000)
        return tai_error_set(&b->err, TA_ERANGE,
                             "metric \"%s\": pool size %u must be from 2 to 100000", metric_id,
                             pool);
    for (size_t i = 0; i < m->n_pools; i++)
        if (strcmp(m->pools[i].period, period) == 0)
            p = &m->pools[i];
    if (!p) {
        if (tai_grow(&b->def.alloc, (void **)&m->pools, &m->pools_cap, m->n_pools + 1,
                     sizeof *m->pools) != TA_OK)
            return tai_error_set(&b->err, TA_ENOMEM, "out of memory");
        p = &m->pools[m->n_pools];
        memset(p, 0, sizeof *p);
        if (!(p->period = tai_strdup(&b->def.alloc, period)) ||
            !(p->source = tai_strdup(&b->def.alloc, ""))) {
            tai_free(&b->def.alloc, p->period);
            return tai_error_set(&b->err, TA_ENOMEM, "out of memory");
        }
        m->n_pools++;
    }
    p->size = pool;
    return source ? replace_text(b, &p->source, source, "the pool's source") : TA_OK;
}

ta_status ta_framework_builder_add_trust_type(ta_framework_builder *b, const char *type)
{
    tai_framework_def *def;
    char *copy;
    if (!b)
        return TA_EINVAL;
    def = &b->def;
    if (!type || !type[0] || strlen(type) >= TAI_SOURCE_MAX)
        return tai_error_set(&b->err, TA_EINVAL, "a trust type must be 1 to %d bytes",
                             TAI_SOURCE_MAX - 1);
    for (size_t i = 0; i < def->n_trust_types; i++)
        if (strcmp(def->trust_types[i], type) == 0)
            return tai_error_set(&b->err, TA_EDUPLICATE, "trust type \"%s\" is already named",
                                 type);
    if (tai_grow(&def->alloc, (void **)&def->trust_types, &def->trust_types_cap,
                 def->n_trust_types + 1, sizeof *def->trust_types) != TA_OK ||
        !(copy = tai_strdup(&def->alloc, type)))
        return tai_error_set(&b->err, TA_ENOMEM, "out of memory");
    def->trust_types[def->n_trust_types++] = copy;
    return TA_OK;
}

ta_status ta_framework_builder_set_bands(ta_framework_builder *b, const char *metric_id, size_t n,
                                         const double *cuts)
{
    ta_status st;
    tai_metric *m;
    if (!b)
        return TA_EINVAL;
    if (!(m = find_metric(b, metric_id, &st)))
        return st;
    if ((st = check_cuts(b, m, n, cuts)) != TA_OK)
        return st;
    memcpy(m->cuts, cuts, n * sizeof *cuts);
    m->n_cuts = n;
    return TA_OK;
}

ta_status ta_framework_builder_set_combination(ta_framework_builder *b, const char *metric_id,
                                               const char *first_id, const char *second_id,
                                               const double table[16])
{
    ta_status st;
    tai_metric *m;
    char *first, *second;
    if (!b)
        return TA_EINVAL;
    if (!(m = find_metric(b, metric_id, &st)))
        return st;
    if (!table || !valid_id(first_id) || !valid_id(second_id))
        return tai_error_set(&b->err, TA_EINVAL,
                             "metric \"%s\": a combination needs two metric IDs and a table",
                             metric_id);
    for (int i = 0; i < TAI_COMBO_CELLS; i++)
        if (!(table[i] == 0 || (table[i] >= 1 && table[i] <= 4)))
            return tai_error_set(&b->err, TA_ERANGE,
                                 "metric \"%s\": table entry %d must be 0 (unknown) or 1 to 4",
                                 metric_id, i + 1);
    first = tai_strdup(&b->def.alloc, first_id);
    second = tai_strdup(&b->def.alloc, second_id);
    if (!first || !second) {
        tai_free(&b->def.alloc, first);
        tai_free(&b->def.alloc, second);
        return tai_error_set(&b->err, TA_ENOMEM, "out of memory");
    }
    tai_free(&b->def.alloc, m->combo_first);
    tai_free(&b->def.alloc, m->combo_second);
    m->combo_first = first;
    m->combo_second = second;
    memcpy(m->combo_table, table, sizeof m->combo_table);
    return TA_OK;
}

ta_status ta_framework_builder_add_figure(ta_framework_builder *b, ta_figure kind, const char *id,
                                          const char *name)
{
    tai_framework_def *def;
    tai_figure *f;
    ta_status st;
    if (!b)
        return TA_EINVAL;
    def = &b->def;
    if (kind < TA_FIGURE_AVERAGE || kind > TA_FIGURE_OTHER)
        return tai_error_set(&b->err, TA_EINVAL, "unknown figure kind %d", (int)kind);
    if (kind != TA_FIGURE_OTHER && tai_framework_figure(def, kind) != (size_t)-1)
        return tai_error_set(&b->err, TA_EDUPLICATE, "figure kind %d is already named", (int)kind);
    if ((st = check_new_id(b, id, "figure")) != TA_OK)
        return st;
    if (tai_grow(&def->alloc, (void **)&def->figures, &def->figures_cap, def->n_figures + 1,
                 sizeof *def->figures) != TA_OK)
        return tai_error_set(&b->err, TA_ENOMEM, "out of memory");
    f = &def->figures[def->n_figures];
    f->kind = kind;
    f->id = tai_strdup(&def->alloc, id);
    f->name = tai_strdup(&def->alloc, name ? name : "");
    if (!f->id || !f->name || register_id(def, id, def->n_figures, TAI_ID_FIGURE) != TA_OK) {
        tai_free(&def->alloc, f->id);
        tai_free(&def->alloc, f->name);
        return tai_error_set(&b->err, TA_ENOMEM, "out of memory");
    }
    def->n_figures++;
    return TA_OK;
}

ta_status ta_framework_builder_set_cutoffs(ta_framework_builder *b, size_t n, const double *cutoffs)
{
    if (!b)
        return TA_EINVAL;
    if (!cutoffs || n < 1 || n > TAI_MAX_CUTOFFS)
        return tai_error_set(&b->err, TA_EINVAL, "give 1 to %d cut-offs", TAI_MAX_CUTOFFS);
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(cutoffs[i]))
            return tai_error_set(&b->err, TA_EINVAL, "cut-off %zu is not a finite number", i + 1);
        if (cutoffs[i] < 1 || cutoffs[i] > 4)
            return tai_error_set(&b->err, TA_ERANGE, "cut-off %zu must be a number from 1 to 4",
                                 i + 1);
        if (i > 0 && cutoffs[i] <= cutoffs[i - 1])
            return tai_error_set(&b->err, TA_EINVAL, "cut-offs must be strictly ascending");
    }
    memcpy(b->def.cutoffs, cutoffs, n * sizeof *cutoffs);
    b->def.n_cutoffs = n;
    b->def.cutoffs_explicit = 1;
    return TA_OK;
}

ta_status ta_framework_builder_set_cutoff_quartiles(ta_framework_builder *b, ta_quantile definition)
{
    if (!b)
        return TA_EINVAL;
    if (definition != TA_QUANTILE_TYPE7 && definition != TA_QUANTILE_TYPE6)
        return tai_error_set(&b->err, TA_EINVAL, "unknown quantile definition %d", (int)definition);
    b->def.n_cutoffs = 3;
    b->def.cutoffs_explicit = 0;
    b->def.quantile = definition;
    return TA_OK;
}

ta_status ta_framework_builder_set_cutoff_rule(ta_framework_builder *b, ta_cutoff_rule rule)
{
    if (!b)
        return TA_EINVAL;
    if (rule != TA_CUTOFF_TIES_BETTER && rule != TA_CUTOFF_TIES_WORSE)
        return tai_error_set(&b->err, TA_EINVAL, "unknown cut-off rule %d", (int)rule);
    b->def.cutoff_rule = rule;
    return TA_OK;
}

ta_status ta_framework_builder_set_deficit_cap(ta_framework_builder *b, int segment)
{
    if (!b)
        return TA_EINVAL;
    if (segment < 0 || segment > TAI_MAX_CUTOFFS + 1)
        return tai_error_set(&b->err, TA_ERANGE, "deficit cap %d is not a segment", segment);
    b->def.deficit_cap = segment;
    return TA_OK;
}

ta_status ta_framework_builder_set_rsp_segment(ta_framework_builder *b, int segment)
{
    if (!b)
        return TA_EINVAL;
    if (segment < 0 || segment > TAI_MAX_CUTOFFS + 2)
        return tai_error_set(&b->err, TA_ERANGE,
                             "Recovery Support Programme segment %d is out "
                             "of range",
                             segment);
    b->def.rsp_segment = segment;
    return TA_OK;
}

ta_status ta_framework_builder_set_decimals(ta_framework_builder *b, int decimals)
{
    if (!b)
        return TA_EINVAL;
    if (decimals < 0 || decimals > 6)
        return tai_error_set(&b->err, TA_ERANGE, "decimals must be 0 to 6, not %d", decimals);
    b->def.decimals = decimals;
    return TA_OK;
}

/* Checks what single setters cannot: rules complete, combinations resolvable,
 * caps within the segments. Resolves combination component indexes. */
static uint64_t gcd(uint64_t a, uint64_t b)
{
    while (b) {
        uint64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

static ta_status validate(ta_framework_builder *b, tai_framework_def *def)
{
    int segments = (int)def->n_cutoffs + 1;
    uint64_t lcm = 1;
    for (size_t i = 0; i < def->n_metrics; i++) {
        uint64_t d = def->metrics[i].weight_den; /* >= 1: the weight setter refuses 0 */
        lcm = lcm / gcd(lcm, d) * d;
        /* At most 999999: 1000000 itself (2^6 5^6) is the common multiple of no set
         * of denominators, which are at most 1000 (5^5 > 1000). */
        if (lcm > 999999)
            return tai_error_set(&b->err, TA_EINCONSISTENT,
                                 "the weights' denominators have a "
                                 "common multiple above 1000000: use fewer distinct ones");
    }
    def->weight_lcm = (uint32_t)lcm;
    if (def->n_metrics == 0)
        return tai_error_set(&b->err, TA_EINVAL, "framework \"%s\" has no metrics", def->name);
    if (def->deficit_cap > segments)
        return tai_error_set(&b->err, TA_EINCONSISTENT, "deficit cap %d is beyond the %d segments",
                             def->deficit_cap, segments);
    if (def->rsp_segment != 0 && def->rsp_segment <= segments - 1)
        return tai_error_set(&b->err, TA_EINCONSISTENT,
                             "the Recovery Support Programme segment %d must be at least %d",
                             def->rsp_segment, segments);
    for (size_t i = 0; i < def->n_metrics; i++) {
        tai_metric *m = &def->metrics[i];
        /* "FILE:LINE: " before the message when the metric came from a catalogue */
        const char *at = m->where ? m->where : "", *sep = m->where ? ": " : "";
        if (m->scoring == TA_SCORING_BANDED && m->n_cuts == 0)
            return tai_error_set(&b->err, TA_EINCONSISTENT,
                                 "%s%smetric \"%s\" is banded but has no cut points", at, sep,
                                 m->id);
        if (m->scoring == TA_SCORING_BANDED && m->n_cuts > 3)
            return tai_error_set(&b->err, TA_EINCONSISTENT,
                                 "%s%smetric \"%s\" has more than 3 cut points: band scores "
                                 "would pass 4",
                                 at, sep, m->id);
        if ((m->scoring == TA_SCORING_STANDARD || m->scoring == TA_SCORING_FLOOR ||
             m->scoring == TA_SCORING_STANDARD_CAPPED) &&
            !m->has_threshold)
            return tai_error_set(&b->err, TA_EINCONSISTENT, "%s%smetric \"%s\" needs its %s", at,
                                 sep, m->id, m->scoring == TA_SCORING_FLOOR ? "floor" : "standard");
        if (m->scoring == TA_SCORING_BRACKETED && m->n_cuts == 0)
            return tai_error_set(&b->err, TA_EINCONSISTENT,
                                 "%s%smetric \"%s\" is bracketed but has no brackets", at, sep,
                                 m->id);
        if (m->scoring == TA_SCORING_COMBINED) {
            size_t f, s;
            int fk = -1, sk = -1;
            if (!m->combo_first)
                return tai_error_set(&b->err, TA_EINCONSISTENT,
                                     "%s%smetric \"%s\" is combined but has no combination "
                                     "table",
                                     at, sep, m->id);
            if (!tai_framework_lookup(def, m->combo_first, &f, &fk) || fk != TAI_ID_SCORE ||
                !tai_framework_lookup(def, m->combo_second, &s, &sk) || sk != TAI_ID_SCORE)
                return tai_error_set(&b->err, TA_ENOTFOUND,
                                     "%s%smetric \"%s\" combines unknown metrics \"%s\" and "
                                     "\"%s\"",
                                     at, sep, m->id, m->combo_first, m->combo_second);
            if (def->metrics[f].scoring == TA_SCORING_COMBINED ||
                def->metrics[s].scoring == TA_SCORING_COMBINED || f == i || s == i)
                return tai_error_set(&b->err, TA_EINCONSISTENT,
                                     "%s%smetric \"%s\" combines a combined metric", at, sep,
                                     m->id);
            m->combo_first_index = f;
            m->combo_second_index = s;
        }
    }
    return TA_OK;
}

ta_status ta_framework_builder_build(ta_framework **out, ta_framework_builder *b)
{
    ta_framework *fw;
    ta_status st;
    if (!out)
        return b ? tai_error_set(&b->err, TA_EINVAL, "out is NULL") : TA_EINVAL;
    *out = NULL;
    if (!b)
        return TA_EINVAL;
    if ((st = validate(b, &b->def)) != TA_OK)
        return st;
    fw = tai_calloc(&b->def.alloc, 1, sizeof *fw);
    if (!fw)
        return tai_error_set(&b->err, TA_ENOMEM, "out of memory building the framework");
    def_init(&fw->def, &b->def.alloc);
    if ((st = def_copy(&fw->def, &b->def)) != TA_OK) {
        ta_framework_free(fw);
        return tai_error_set(&b->err, st, "out of memory building the framework");
    }
    tai_error_clear(&b->err);
    *out = fw;
    return TA_OK;
}

void ta_framework_free(ta_framework *fw)
{
    ta_allocator a;
    if (!fw)
        return;
    a = fw->def.alloc;
    def_free(&fw->def);
    tai_free(&a, fw);
}

/* ---- reading a framework ---------------------------------------------- */

const char *ta_framework_name(const ta_framework *fw)
{
    return fw ? fw->def.name : NULL;
}

size_t ta_framework_metric_count(const ta_framework *fw)
{
    return fw ? fw->def.n_metrics : 0;
}

/* Metric i of fw, or NULL if fw is NULL or i out of range. */
static const tai_metric *metric_at(const ta_framework *fw, size_t i)
{
    return fw && i < fw->def.n_metrics ? &fw->def.metrics[i] : NULL;
}

const char *ta_framework_metric_id(const ta_framework *fw, size_t i)
{
    const tai_metric *m = metric_at(fw, i);
    return m ? m->id : NULL;
}

ta_status ta_framework_metric_index(size_t *index_out, const ta_framework *fw, const char *id)
{
    size_t index;
    int kind;
    if (!index_out || !fw || !id)
        return TA_EINVAL;
    if (!tai_framework_lookup(&fw->def, id, &index, &kind) ||
        (kind != TAI_ID_SCORE && kind != TAI_ID_RAW))
        return TA_ENOTFOUND;
    *index_out = index;
    return TA_OK;
}

const char *ta_framework_metric_name(const ta_framework *fw, size_t i)
{
    const tai_metric *m = metric_at(fw, i);
    return m ? m->name : NULL;
}

const char *ta_framework_metric_domain(const ta_framework *fw, size_t i)
{
    const tai_metric *m = metric_at(fw, i);
    return m ? fw->def.domains[m->domain].key : NULL;
}

const char *ta_framework_metric_raw_id(const ta_framework *fw, size_t i)
{
    const tai_metric *m = metric_at(fw, i);
    return m ? m->raw_id : NULL;
}

ta_status ta_framework_metric_scoring(ta_scoring *scoring, const ta_framework *fw, size_t i)
{
    const tai_metric *m = metric_at(fw, i);
    if (!m || !scoring)
        return TA_EINVAL;
    *scoring = m->scoring;
    return TA_OK;
}

ta_status ta_framework_metric_direction(ta_direction *direction, const ta_framework *fw, size_t i)
{
    const tai_metric *m = metric_at(fw, i);
    if (!m || !direction)
        return TA_EINVAL;
    *direction = m->direction;
    return TA_OK;
}

ta_status ta_framework_metric_in_average(int *in_average, const ta_framework *fw, size_t i)
{
    const tai_metric *m = metric_at(fw, i);
    if (!m || !in_average)
        return TA_EINVAL;
    *in_average = m->in_average;
    return TA_OK;
}

size_t ta_framework_domain_count(const ta_framework *fw)
{
    return fw ? fw->def.n_domains : 0;
}

ta_status ta_framework_domain_info(const char **key, const char **name, const char **score_id,
                                   const ta_framework *fw, size_t i)
{
    if (!fw || i >= fw->def.n_domains)
        return TA_EINVAL;
    if (key)
        *key = fw->def.domains[i].key;
    if (name)
        *name = fw->def.domains[i].name;
    if (score_id)
        *score_id = fw->def.domains[i].score_id;
    return TA_OK;
}

size_t ta_framework_segment_count(const ta_framework *fw)
{
    return fw ? fw->def.n_cutoffs + 1 : 0;
}

int ta_framework_deficit_cap(const ta_framework *fw)
{
    return fw ? fw->def.deficit_cap : 0;
}

int ta_framework_rsp_segment(const ta_framework *fw)
{
    return fw ? fw->def.rsp_segment : 0;
}

int ta_framework_decimals(const ta_framework *fw)
{
    return fw ? fw->def.decimals : 0;
}

ta_cutoff_rule ta_framework_cutoff_rule(const ta_framework *fw)
{
    return fw ? fw->def.cutoff_rule : TA_CUTOFF_TIES_BETTER;
}

ta_status ta_framework_cutoffs(double *cutoffs, size_t n, size_t *count, const ta_framework *fw)
{
    size_t have;
    if (!fw || !count || (n > 0 && !cutoffs))
        return TA_EINVAL;
    have = fw->def.cutoffs_explicit ? fw->def.n_cutoffs : 0;
    for (size_t i = 0; i < have && i < n; i++)
        cutoffs[i] = fw->def.cutoffs[i];
    *count = have;
    return TA_OK;
}

const char *ta_framework_figure_id(const ta_framework *fw, ta_figure kind)
{
    size_t i;
    if (!fw || kind == TA_FIGURE_OTHER)
        return NULL;
    i = tai_framework_figure(&fw->def, kind);
    return i == (size_t)-1 ? NULL : fw->def.figures[i].id;
}

ta_status ta_framework_metric_weight(unsigned *numerator, unsigned *denominator,
                                     const ta_framework *fw, size_t i)
{
    if (!fw || i >= fw->def.n_metrics)
        return TA_EINVAL;
    if (numerator)
        *numerator = fw->def.metrics[i].weight_num;
    if (denominator)
        *denominator = fw->def.metrics[i].weight_den;
    return TA_OK;
}

const char *ta_framework_metric_source(const ta_framework *fw, size_t i)
{
    const tai_metric *m = metric_at(fw, i);
    return m ? m->source : NULL;
}

ta_status ta_framework_metric_threshold(double *out, const ta_framework *fw, size_t i)
{
    const tai_metric *m;
    if (!fw || i >= fw->def.n_metrics || !out)
        return TA_EINVAL;
    m = &fw->def.metrics[i];
    if (m->scoring != TA_SCORING_STANDARD && m->scoring != TA_SCORING_FLOOR &&
        m->scoring != TA_SCORING_STANDARD_CAPPED)
        return TA_ENOTFOUND;
    *out = m->standard;
    return TA_OK;
}

ta_status ta_framework_metric_pool(unsigned *pool, const char **source, const ta_framework *fw,
                                   size_t i, const char *period)
{
    const tai_metric *m;
    if (!fw || i >= fw->def.n_metrics || !period || !pool)
        return TA_EINVAL;
    m = &fw->def.metrics[i];
    for (size_t k = 0; k < m->n_pools; k++)
        if (strcmp(m->pools[k].period, period) == 0) {
            *pool = m->pools[k].size;
            if (source)
                *source = m->pools[k].source;
            return TA_OK;
        }
    return TA_ENOTFOUND;
}

int ta_framework_metric_has_pools(const ta_framework *fw, size_t i)
{
    const tai_metric *m = metric_at(fw, i);
    return m && m->n_pools > 0;
}

size_t ta_framework_trust_type_count(const ta_framework *fw)
{
    return fw ? fw->def.n_trust_types : 0;
}

const char *ta_framework_trust_type(const ta_framework *fw, size_t i)
{
    return fw && i < fw->def.n_trust_types ? fw->def.trust_types[i] : NULL;
}

int ta_framework_scores_trust_type(const ta_framework *fw, const char *type)
{
    if (!fw || !type)
        return 0;
    if (fw->def.n_trust_types == 0)
        return 1;
    for (size_t i = 0; i < fw->def.n_trust_types; i++)
        if (strcmp(fw->def.trust_types[i], type) == 0)
            return 1;
    return 0;
}

const char *ta_direction_name(ta_direction v)
{
    switch (v) {
    case TA_HIGHER_IS_BETTER:
        return "higher";
    case TA_LOWER_IS_BETTER:
        return "lower";
    }
    return "";
}

const char *ta_cutoff_rule_name(ta_cutoff_rule v)
{
    switch (v) {
    case TA_CUTOFF_TIES_BETTER:
        return "ties_better";
    case TA_CUTOFF_TIES_WORSE:
        return "ties_worse";
    }
    return "";
}

const char *ta_quantile_name(ta_quantile v)
{
    switch (v) {
    case TA_QUANTILE_TYPE7:
        return "type7";
    case TA_QUANTILE_TYPE6:
        return "type6";
    }
    return "";
}

const char *ta_scoring_name(ta_scoring v)
{
    switch (v) {
    case TA_SCORING_SUPPLIED:
        return "supplied";
    case TA_SCORING_RANK:
        return "rank";
    case TA_SCORING_STANDARD_CAPPED:
        return "standard_capped";
    case TA_SCORING_BANDED:
        return "banded";
    case TA_SCORING_COMBINED:
        return "combined";
    case TA_SCORING_STANDARD:
        return "standard";
    case TA_SCORING_FLOOR:
        return "floor";
    case TA_SCORING_BRACKETED:
        return "bracketed";
    }
    return "";
}

const char *ta_figure_name(ta_figure v)
{
    switch (v) {
    case TA_FIGURE_AVERAGE:
        return "average";
    case TA_FIGURE_UNADJUSTED_SEGMENT:
        return "unadjusted_segment";
    case TA_FIGURE_ADJUSTED_SEGMENT:
        return "adjusted_segment";
    case TA_FIGURE_FINAL_SEGMENT:
        return "final_segment";
    case TA_FIGURE_DEFICIT_FLAG:
        return "deficit_flag";
    case TA_FIGURE_RSP_FLAG:
        return "rsp_flag";
    case TA_FIGURE_OTHER:
        return "other";
    }
    return "";
}
