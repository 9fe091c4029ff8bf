/*
 * Peer statistics of a screen run: the median or quartiles of one figure over
 * the trusts of one type in one quarter, computed once and kept.
 *
 * A criterion such as "OF0086 below the peer median" is applied to every
 * trust, and every trust of a type has the same peers. Recomputing the
 * statistic per trust made a screen quadratic (1e6 rows took minutes); here
 * the first request for a (quarter, figure) groups that quarter's trusts by
 * type in one pass and stores the statistic of every type, so a run is
 * O(n log n). The cache lives for one run (ta_screen_run frees it with
 * tai_peers_clear on every path out) and is keyed by bytes in a string map,
 * so many trust types cost no more than few.
 */
#include <string.h>

#include "common/alloc.h"
#include "eligibility_internal.h"

/* What a statistic is of: the figure and the statistic asked for. Its bytes
 * are the key, so it has no padding bytes (of unknown value). */
typedef struct peer_what {
    size_t q, idx, n_out;
    int domain, raw;
} peer_what;
_Static_assert(sizeof(peer_what) == 3 * sizeof(size_t) + 2 * sizeof(int),
               "peer_what has padding bytes");

/* The key "T" + what + type for one type's statistic, or "A" + what + "" for
 * the marker that the whole quarter was computed; a malloc'd buffer in *key. */
static ta_status make_key(ta_screen *s, char **key, size_t *len, char tag, const peer_what *w,
                          const char *type)
{
    size_t lt = strlen(type);
    *len = 1 + sizeof *w + lt;
    if (!(*key = tai_malloc(&s->alloc, *len)))
        return tai_error_set(&s->err, TA_ENOMEM, "out of memory");
    (*key)[0] = tag;
    memcpy(*key + 1, w, sizeof *w);
    memcpy(*key + 1 + sizeof *w, type, lt);
    return TA_OK;
}

/* Stores one statistic under `key` (taking nothing from it). */
static ta_status store(ta_screen *s, const char *key, size_t len, double value, size_t n_peers)
{
    if (tai_grow(&s->alloc, (void **)&s->peer_stats, &s->peer_stats_cap, s->n_peer_stats + 1,
                 sizeof *s->peer_stats) != TA_OK ||
        tai_strmap_put(&s->peer_map, key, len, s->n_peer_stats, NULL, NULL) != TA_OK)
        return tai_error_set(&s->err, TA_ENOMEM, "out of memory");
    s->peer_stats[s->n_peer_stats].value = value;
    s->peer_stats[s->n_peer_stats].n_peers = n_peers;
    s->n_peer_stats++;
    return TA_OK;
}

/* Computes the statistic of w for every trust type of quarter w->q. */
static ta_status compute_quarter(ta_screen *s, const peer_what *w)
{
    size_t n = tai_ev_trust_count(s, w->q), n_groups = 0, k = 0;
    double *vals = tai_calloc(&s->alloc, n, sizeof *vals);
    double *sorted = tai_calloc(&s->alloc, n, sizeof *sorted);
    size_t *group = tai_calloc(&s->alloc, n, sizeof *group);
    size_t *first = tai_calloc(&s->alloc, n + 1, sizeof *first); /* per group, then offsets */
    size_t *member = tai_calloc(&s->alloc, n, sizeof *member);   /* a trust of each group */
    tai_strmap types;
    ta_status st = TA_OK;
    char *key = NULL;
    size_t len;
    tai_strmap_init(&types, &s->alloc);
    if (!vals || !sorted || !group || !first || !member) {
        st = tai_error_set(&s->err, TA_ENOMEM, "out of memory");
        goto done;
    }
    /* one pass: each trust with the figure, its value and its type's group */
    for (size_t i = 0; i < n && st == TA_OK; i++) {
        const char *type = tai_ev_trust_type(s, w->q, i), *code = tai_ev_trust_code(s, w->q, i);
        int has, existed; /* each set by the call that takes its address */
        size_t g;
        double v;
        st = w->domain ? tai_ev_domain(s, w->q, code, w->idx, &has, &v)
                       : tai_ev_metric(s, w->q, code, w->idx, w->raw, &has, &v);
        if (st != TA_OK || !has)
            continue;
        if (tai_strmap_put(&types, type, strlen(type), n_groups, &existed, &g) != TA_OK) {
            st = tai_error_set(&s->err, TA_ENOMEM, "out of memory");
            break;
        }
        if (!existed) {
            g = n_groups++;
            member[g] = i;
        }
        vals[k] = v;
        group[k++] = g;
        first[g + 1]++;
    }
    /* the values grouped by type (a counting sort), then each group's statistic */
    for (size_t g = 1; st == TA_OK && g <= n_groups; g++)
        first[g] += first[g - 1]; /* first[g]: where group g starts; first[n_groups] is k */
    for (size_t j = 0; st == TA_OK && j < first[n_groups]; j++)
        sorted[first[group[j]]++] = vals[j];
    for (size_t g = 0; st == TA_OK && g < n_groups; g++) {
        size_t from = g ? first[g - 1] : 0, count = first[g] - from;
        double quants[3] = {0, 0, 0};
        if (count >= 2 && (st = ta_quantile_cutoffs(quants, w->n_out, sorted + from, count,
                                                    TA_QUANTILE_TYPE7, &s->alloc)) != TA_OK) {
            tai_error_set(&s->err, st, "out of memory");
            break;
        }
        if ((st = make_key(s, &key, &len, 'T', w, tai_ev_trust_type(s, w->q, member[g]))) !=
                TA_OK ||
            (st = store(s, key, len, quants[0], count)) != TA_OK)
            break;
        tai_free(&s->alloc, key);
        key = NULL;
    }
    if (st == TA_OK && (st = make_key(s, &key, &len, 'A', w, "")) == TA_OK)
        st = store(s, key, len, 0, 0);
done:
    tai_free(&s->alloc, key);
    tai_strmap_free(&types);
    tai_free(&s->alloc, vals);
    tai_free(&s->alloc, sorted);
    tai_free(&s->alloc, group);
    tai_free(&s->alloc, first);
    tai_free(&s->alloc, member);
    return st;
}

ta_status tai_peer_quantile(ta_screen *s, const char *type, int domain, size_t idx, int raw,
                            size_t q, size_t n_out, double *out, size_t *n_peers)
{
    peer_what w = {q, idx, n_out, domain, raw};
    char *key = NULL;
    size_t len, at;
    ta_status st;
    *n_peers = 0;
    if (!s->peer_map_ready) {
        tai_strmap_init(&s->peer_map, &s->alloc);
        s->peer_map_ready = 1;
    }
    if ((st = make_key(s, &key, &len, 'A', &w, "")) != TA_OK)
        return st;
    if (!tai_strmap_get(&s->peer_map, key, len, &at))
        st = compute_quarter(s, &w);
    tai_free(&s->alloc, key);
    if (st != TA_OK || (st = make_key(s, &key, &len, 'T', &w, type)) != TA_OK)
        return st;
    if (tai_strmap_get(&s->peer_map, key, len, &at)) {
        *out = s->peer_stats[at].value;
        *n_peers = s->peer_stats[at].n_peers;
    }
    tai_free(&s->alloc, key);
    return TA_OK;
}

void tai_peers_clear(ta_screen *s)
{
    if (s->peer_map_ready)
        tai_strmap_free(&s->peer_map);
    s->peer_map_ready = 0;
    tai_free(&s->alloc, s->peer_stats);
    s->peer_stats = NULL;
    s->n_peer_stats = s->peer_stats_cap = 0;
}
