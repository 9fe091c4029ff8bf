/*
 * League tables: ranks within trust type, and league order.
 *
 * The rank rule (one place): within each trust type, rank = 1 + the number of
 * trusts with a strictly better (adjusted segment, rounded average) pair,
 * lower being better; ties share a rank (1, 2, 3, 4, 4, 6). A trust capped for
 * deficit therefore ranks below every segment-2 trust whatever its average.
 * The rounded average is compared as an exact integer (key), because NHS
 * England ranks on the published 2-decimal average.
 *
 * League order is (type, rank, name, code): one sort gives both.
 */
#include <stdlib.h>
#include <string.h>

#include "assessment_internal.h"
#include "common/alloc.h"

static int league_order(const void *pa, const void *pb)
{
    const tai_rank_entry *a = pa, *b = pb;
    int c;
    if (a->group != b->group)
        return a->group < b->group ? -1 : 1;
    if (a->segment != b->segment)
        return a->segment < b->segment ? -1 : 1;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    if ((c = strcmp(a->name, b->name)) != 0)
        return c;
    return strcmp(a->code, b->code);
}

static int by_text(const void *pa, const void *pb)
{
    return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

/* Sets results[t].type_order: the position of the trust's type among the
 * distinct types in byte order. */
static ta_status order_types(ta_assessment *a)
{
    tai_strmap seen;
    const char **types;
    size_t n_types = 0;
    ta_status st = TA_OK;
    types = tai_calloc(&a->alloc, a->n_trusts ? a->n_trusts : 1, sizeof *types);
    if (!types)
        return TA_ENOMEM;
    tai_strmap_init(&seen, &a->alloc);
    for (size_t t = 0; t < a->n_trusts && st == TA_OK; t++) {
        const char *type = a->trusts[t].fields[TA_FIELD_TYPE];
        int existed = 0;
        st = tai_strmap_put(&seen, type, strlen(type), n_types, &existed, NULL);
        if (st == TA_OK && !existed)
            types[n_types++] = type;
    }
    if (st == TA_OK) {
        qsort(types, n_types, sizeof *types, by_text);
        tai_strmap_free(&seen);
        tai_strmap_init(&seen, &a->alloc);
        for (size_t i = 0; i < n_types && st == TA_OK; i++)
            st = tai_strmap_put(&seen, types[i], strlen(types[i]), i, NULL, NULL);
        for (size_t t = 0; t < a->n_trusts && st == TA_OK; t++) {
            const char *type = a->trusts[t].fields[TA_FIELD_TYPE];
            tai_strmap_get(&seen, type, strlen(type), &a->results[t].type_order);
        }
    }
    tai_strmap_free(&seen);
    tai_free(&a->alloc, types);
    return st;
}

void tai_rank_entries(tai_rank_entry *entries, size_t n)
{
    qsort(entries, n, sizeof *entries, league_order);
    for (size_t i = 0, group_start = 0, first = 0; i < n; i++) {
        tai_rank_entry *e = &entries[i];
        const tai_rank_entry *prev = i > 0 ? &entries[i - 1] : NULL;
        if (!prev || prev->group != e->group)
            group_start = first = i; /* a new type: ranks restart */
        else if (prev->segment != e->segment || prev->key != e->key)
            first = i; /* a strictly worse pair: the rank moves on */
        e->rank = (uint32_t)(first - group_start + 1);
    }
}

ta_status tai_rank_league(ta_assessment *a)
{
    tai_rank_entry *entries;
    size_t n = 0;
    ta_status st;
    if ((st = order_types(a)) != TA_OK)
        return st;
    entries = tai_calloc(&a->alloc, a->n_trusts ? a->n_trusts : 1, sizeof *entries);
    if (!entries)
        return TA_ENOMEM;
    for (size_t t = 0; t < a->n_trusts; t++) {
        const tai_result *r = &a->results[t];
        if (r->n_scores == 0)
            continue;
        entries[n].item = t;
        entries[n].group = r->type_order;
        entries[n].segment = r->adjusted;
        entries[n].key = r->key;
        entries[n].name = a->trusts[t].fields[TA_FIELD_NAME];
        entries[n].code = a->trusts[t].code;
        n++;
    }
    tai_rank_entries(entries, n);
    for (size_t i = 0; i < n; i++) {
        a->results[entries[i].item].rank = entries[i].rank;
        a->league[i] = entries[i].item;
    }
    a->n_league = n;
    tai_free(&a->alloc, entries);
    return TA_OK;
}
