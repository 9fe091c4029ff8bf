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

/* League order: negative, zero or positive as a comes before, with or after b.
 * Each number is compared as (x > y) - (x < y): -1, 0 or 1. */
static int league_order(const tai_rank_entry *a, const tai_rank_entry *b)
{
    int c = (a->group > b->group) - (a->group < b->group);
    if (c == 0)
        c = (a->segment > b->segment) - (a->segment < b->segment);
    if (c == 0)
        c = (a->key > b->key) - (a->key < b->key);
    if (c == 0 && a->name != b->name)
        c = strcmp(a->name, b->name); /* (the same pointer, as every empty name is, is equal) */
    return c != 0 ? c : strcmp(a->code, b->code);
}

/* The sort behind the rank rule. qsort's call through a pointer per
 * comparison and glibc's merge buffer (a malloc per call for a national
 * table) dominated a run and each bootstrap replicate; this is an
 * introsort with the comparison inlined: quicksort on a median of three,
 * insertion sort below 16 entries, heapsort if the recursion gets too deep,
 * so O(n log n) always and no allocation. The order is league_order's, a
 * total order when codes differ, so the result is the one qsort gave. */
static void swap_entries(tai_rank_entry *a, tai_rank_entry *b)
{
    tai_rank_entry t = *a;
    *a = *b;
    *b = t;
}

static void insertion_sort(tai_rank_entry *e, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        tai_rank_entry x = e[i];
        size_t j = i;
        while (j > 0 && league_order(&x, &e[j - 1]) < 0) {
            e[j] = e[j - 1];
            j--;
        }
        e[j] = x;
    }
}

static void sift_down(tai_rank_entry *e, size_t root, size_t n)
{
    for (;;) {
        size_t child = 2 * root + 1;
        if (child >= n)
            return;
        if (child + 1 < n && league_order(&e[child], &e[child + 1]) < 0)
            child++;
        if (league_order(&e[root], &e[child]) >= 0)
            return;
        swap_entries(&e[root], &e[child]);
        root = child;
    }
}

static void heap_sort(tai_rank_entry *e, size_t n)
{
    for (size_t i = n / 2; i-- > 0;)
        sift_down(e, i, n);
    for (size_t end = n; end-- > 1;) {
        swap_entries(&e[0], &e[end]);
        sift_down(e, 0, end);
    }
}

static void intro_sort(tai_rank_entry *e, size_t n, int depth)
{
    while (n > 16) {
        size_t mid = n / 2, i = 0, j = n - 1;
        tai_rank_entry pivot;
        if (depth-- == 0) {
            heap_sort(e, n);
            return;
        }
        /* Median of three (e[0], e[mid], e[j] = the last) to e[mid]. */
        if (league_order(&e[mid], &e[0]) < 0)
            swap_entries(&e[mid], &e[0]);
        if (league_order(&e[j], &e[mid]) < 0) {
            swap_entries(&e[j], &e[mid]);
            if (league_order(&e[mid], &e[0]) < 0)
                swap_entries(&e[mid], &e[0]);
        }
        pivot = e[mid];
        /* Hoare partition: e[0..j] <= pivot <= e[j+1..n-1]. */
        for (;;) {
            while (league_order(&e[i], &pivot) < 0)
                i++;
            while (league_order(&pivot, &e[j]) < 0)
                j--;
            if (i >= j)
                break;
            swap_entries(&e[i], &e[j]);
            i++;
            j--;
        }
        /* Recurse into the left part, loop on the right: the depth budget
         * bounds the recursion whichever part is the larger. */
        intro_sort(e, j + 1, depth);
        e += j + 1;
        n -= j + 1;
    }
    insertion_sort(e, n);
}

typedef struct type_name {
    const char *text;
    size_t id; /* first-seen number */
} type_name;

static int by_text(const void *pa, const void *pb)
{
    return strcmp(((const type_name *)pa)->text, ((const type_name *)pb)->text);
}

/* Sets results[t].type_order: the position of the trust's type among the
 * distinct types in byte order. Each trust's type gets its first-seen number:
 * a trust of the same type as the one before copies it, the first
 * FEW_TYPES distinct types (all there are in NHS data) are found by a string
 * compare each, cheaper than hashing the text, and only further types go
 * through a hash map. The distinct types are then sorted and the numbers
 * mapped to positions. */
#define FEW_TYPES 8

static ta_status order_types(ta_assessment *a)
{
    tai_strmap seen;
    type_name *types;
    size_t n_types = 0, *position = NULL;
    ta_status st = TA_OK;
    types = tai_calloc(&a->alloc, a->n_trusts, sizeof *types);
    if (!types)
        return TA_ENOMEM;
    tai_strmap_init(&seen, &a->alloc);
    for (size_t t = 0; t < a->n_trusts && st == TA_OK; t++) {
        const char *type = a->trusts[t].fields[TA_FIELD_TYPE];
        size_t id = n_types;
        int existed = 0;
        if (t > 0 && strcmp(type, a->trusts[t - 1].fields[TA_FIELD_TYPE]) == 0) {
            a->results[t].type_order = a->results[t - 1].type_order;
            continue;
        }
        for (size_t k = 0; k < n_types && k < FEW_TYPES && !existed; k++)
            if (strcmp(types[k].text, type) == 0)
                id = k, existed = 1;
        if (!existed && n_types >= FEW_TYPES) /* the map holds the types after the first few */
            st = tai_strmap_put(&seen, type, strlen(type), n_types, &existed, &id);
        if (st == TA_OK && !existed) {
            types[n_types].text = type;
            types[n_types].id = n_types;
            n_types++;
        }
        a->results[t].type_order = id; /* the first-seen number for now */
    }
    tai_strmap_free(&seen);
    if (st == TA_OK && !(position = tai_calloc(&a->alloc, n_types, sizeof *position)))
        st = TA_ENOMEM;
    if (st == TA_OK) {
        qsort(types, n_types, sizeof *types, by_text);
        for (size_t i = 0; i < n_types; i++)
            position[types[i].id] = i;
        for (size_t t = 0; t < a->n_trusts; t++)
            a->results[t].type_order = position[a->results[t].type_order];
    }
    tai_free(&a->alloc, position);
    tai_free(&a->alloc, types);
    return st;
}

void tai_rank_entries(tai_rank_entry *entries, size_t n)
{
    int depth = 0; /* twice the bits of n: the quicksort's levels before heapsort */
    for (size_t k = n; k; k >>= 1)
        depth += 2;
    intro_sort(entries, n, depth);
    for (size_t i = 0, group_start = 0, first = 0; i < n; i++) {
        tai_rank_entry *e = &entries[i];
        if (i == 0 || entries[i - 1].group != e->group)
            group_start = first = i; /* a new type: ranks restart */
        else if (entries[i - 1].segment != e->segment || entries[i - 1].key != e->key)
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
    entries = tai_reallocarray(&a->alloc, NULL, a->n_trusts,
                               sizeof *entries); /* entries 0 .. n-1 are set below */
    if (!entries)
        return TA_ENOMEM;
    for (size_t t = 0; t < a->n_trusts; t++) {
        const tai_result *r = &a->results[t];
        if (!tai_segmented(r))
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
