/*
 * Likely ranges: a bootstrap of each trust's own metric scores, and the
 * thread split the analysis files share.
 *
 * NHS England publishes a "likely range" beside each league table average and
 * rank; the domain notes find its half-width near 1.85 standard errors of the
 * trust's own scores, which is what a 95% bootstrap of those scores gives.
 * So a replicate resamples every segmented trust's scores entering the
 * average (same count, with replacement) and then applies the library's
 * rules, each from the one function that owns it: the mean (tai_mean_add /
 * tai_mean_finish), the rounding (tai_round_half_up), the segment
 * (tai_segment_of with the run's cut-offs), the deficit cap
 * (tai_apply_deficit_cap) and the rank rule (tai_rank_entries).
 *
 * Reproducibility on any number of threads comes from the random numbers, not
 * from locking: the draws of trust t in replicate r are a splitmix64 counter
 * stream keyed by (seed, r, t), so they are the same whichever thread computes
 * replicate r. Threads take contiguous blocks of replicates and write only
 * their own columns of the replicate table (trust-major, so each trust's
 * replicates are contiguous for the quantile selection that follows).
 *
 * Cost: R x (draws + one rank of the segmented trusts); the quantiles come
 * from a count per distinct value (rounded averages and ranks span few), in
 * linear time per trust. Memory: 12 bytes per trust and replicate.
 */
#define TA_EXPERIMENTAL /* the likely ranges and what-if (trustassess/analysis.h) */

#include <math.h>
#include <pthread.h>
#include <stddef.h>
#include <string.h>

#include "analysis_internal.h"
#include "assessment_internal.h"
#include "common/alloc.h"
#include "common/number.h"
#include "trustassess/analysis.h"

/* ---- threads ------------------------------------------------------------ */

unsigned tai_parallel_workers(size_t n, unsigned threads)
{
    unsigned w = (size_t)threads < n ? threads : (unsigned)n;
    return w + (w == 0); /* 0 threads, or nothing to do: this thread alone */
}

typedef struct worker_job {
    tai_work_fn fn;
    void *ctx;
    unsigned worker;
    size_t begin, end;
    ta_status status;
} worker_job;

static void *worker_main(void *p)
{
    worker_job *job = p;
    job->status = job->fn(job->ctx, job->worker, job->begin, job->end);
    return NULL;
}

ta_status tai_parallel_for(size_t n, unsigned threads, tai_work_fn fn, void *ctx)
{
    unsigned workers = tai_parallel_workers(n, threads), started = 0; /* >= 1 */
    worker_job jobs[TAI_MAX_THREADS] = {{.fn = NULL}};
    pthread_t ids[TAI_MAX_THREADS];
    ta_status st = TA_OK;
    for (unsigned w = 0; w < workers; w++) {
        jobs[w].fn = fn;
        jobs[w].ctx = ctx;
        jobs[w].worker = w;
        jobs[w].begin = n * w / workers;
        jobs[w].end = n * (w + 1) / workers;
        jobs[w].status = TA_OK;
    }
    /* Workers 1.. run on new threads, worker 0 on this one (a single worker
     * starts no thread). */
    for (unsigned w = 1; w < workers; w++, started++)
        if (pthread_create(&ids[w], NULL, worker_main, &jobs[w]) != 0) {
            st = TA_EIO;
            break;
        }
    if (st == TA_OK)
        worker_main(&jobs[0]);
    for (unsigned w = 1; w <= started; w++)
        pthread_join(ids[w], NULL);
    for (unsigned w = 0; st == TA_OK && w < workers; w++)
        st = jobs[w].status;
    return st;
}

/* ---- random numbers ----------------------------------------------------- */

#define GOLDEN UINT64_C(0x9e3779b97f4a7c15)

static uint64_t mix64(uint64_t z)
{
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

/* The stream of (seed, replicate, trust): splitmix64 from a mixed key. */
static uint64_t stream_key(uint64_t seed, uint64_t replicate, uint64_t trust)
{
    return mix64(mix64(mix64(seed + GOLDEN) ^ (replicate + GOLDEN)) ^ (trust + GOLDEN));
}

static uint32_t next32(uint64_t *state)
{
    *state += GOLDEN;
    return (uint32_t)(mix64(*state) >> 32);
}

/* A uniform draw from 0 .. k-1 (Lemire's multiply and reject; no bias). */
static uint32_t draw_below(uint64_t *state, uint32_t k)
{
    uint64_t m = (uint64_t)next32(state) * k;
    uint32_t low = (uint32_t)m;
    if (low < k) {
        uint32_t threshold = (uint32_t)(-k) % k;
        while (low < threshold) {
            m = (uint64_t)next32(state) * k;
            low = (uint32_t)m;
        }
    }
    return (uint32_t)(m >> 32);
}

/* ---- the bootstrap ------------------------------------------------------ */

/* One segmented trust's part of a replicate. */
typedef struct boot_trust {
    size_t trust;        /* index in the assessment */
    size_t first, count; /* its scores' parts in exact[] / other[] */
    ta_tristate deficit;
} boot_trust;

typedef struct boot {
    const ta_assessment *a;
    const boot_trust *trusts;
    size_t n;                    /* segmented trusts */
    const double *exact, *other; /* each score as tai_mean_add splits it */
    uint64_t seed;
    size_t replicates;
    int64_t *keys; /* n x replicates, trust-major */
    uint32_t *ranks;
    tai_rank_entry **scratch; /* one entry array per worker */
} boot;

static ta_status run_replicates(void *ctx, unsigned worker, size_t begin, size_t end)
{
    const boot *b = ctx;
    const ta_assessment *a = b->a;
    const tai_framework_def *def = &a->fw->def;
    double scale = tai_framework_scale(def);
    tai_rank_entry *entries = b->scratch[worker];
    for (size_t r = begin; r < end; r++) {
        for (size_t j = 0; j < b->n; j++) {
            const boot_trust *bt = &b->trusts[j];
            uint64_t state = stream_key(b->seed, r, bt->trust);
            double exact_sum = 0, other_sum = 0, rounded = a->results[bt->trust].rounded;
            int segment;
            for (size_t d = 0; d < bt->count; d++) {
                size_t k = bt->first + draw_below(&state, (uint32_t)bt->count);
                exact_sum += b->exact[k];
                other_sum += b->other[k];
            }
            if (bt->count > 0)
                rounded = tai_round_half_up(tai_mean_finish(exact_sum, other_sum, bt->count, scale),
                                            def->decimals);
            segment = tai_segment_of(rounded, a->cutoffs, a->n_cutoffs, def->cutoff_rule);
            entries[j].item = j;
            entries[j].group = a->results[bt->trust].type_order;
            entries[j].segment = tai_apply_deficit_cap(segment, bt->deficit, def->deficit_cap);
            entries[j].key = (int64_t)nearbyint(rounded * scale);
            entries[j].name = a->trusts[bt->trust].fields[TA_FIELD_NAME];
            entries[j].code = a->trusts[bt->trust].code;
            b->keys[j * b->replicates + r] = entries[j].key;
        }
        tai_rank_entries(entries, b->n);
        for (size_t j = 0; j < b->n; j++)
            b->ranks[entries[j].item * b->replicates + r] = entries[j].rank;
    }
    return TA_OK;
}

/* The k-th smallest (0-based) of x[0..n-1], reordering x: Wirth's selection
 * (Hoare partitions around x[k]), linear on average. */
static int64_t select_kth(int64_t *x, size_t n, size_t k)
{
    ptrdiff_t lo = 0, hi = (ptrdiff_t)n - 1, kk = (ptrdiff_t)k;
    while (lo < hi) {
        int64_t pivot = x[kk];
        ptrdiff_t i = lo, j = hi;
        do {
            while (x[i] < pivot)
                i++;
            while (pivot < x[j])
                j--;
            if (i <= j) {
                int64_t t = x[i];
                x[i] = x[j];
                x[j] = t;
                i++;
                j--;
            }
        } while (i <= j);
        if (j < kk)
            lo = i;
        if (kk < i)
            hi = j;
    }
    return x[kk];
}

/* 0-based positions of the interval's bounds among n sorted replicates:
 * k_lo = max(1, ceil(n alpha)), k_hi = ceil(n (1 - alpha)) (1-based). */
static void bound_positions(size_t n, double interval, size_t *lo, size_t *hi)
{
    double alpha = (1.0 - interval) / 2.0;
    double klo = ceil((double)n * alpha - 1e-9), khi = ceil((double)n * (1.0 - alpha) - 1e-9);
    if (klo < 1)
        klo = 1;
    if (khi < klo)
        khi = klo;
    if (khi > (double)n)
        khi = (double)n;
    *lo = (size_t)klo - 1;
    *hi = (size_t)khi - 1;
}

/* The k_lo-th and k_hi-th smallest (0-based) of x[0..n-1]. Replicate values
 * are rounded averages or ranks, so they span few distinct integers: a count
 * per value (counts[], span entries) finds both in O(n + span); a wider
 * span falls back to selection. */
#define COUNT_SPAN 4096

static void select_pair(int64_t *x, size_t n, size_t k_lo, size_t k_hi, size_t *counts, int64_t *lo,
                        int64_t *hi)
{
    int64_t min = x[0], max = x[0];
    size_t seen = 0, v = 0;
    for (size_t r = 1; r < n; r++) {
        min = x[r] < min ? x[r] : min;
        max = x[r] > max ? x[r] : max;
    }
    if ((uint64_t)(max - min) >= COUNT_SPAN) {
        *lo = select_kth(x, n, k_lo);
        *hi = select_kth(x, n, k_hi);
        return;
    }
    memset(counts, 0, ((size_t)(max - min) + 1) * sizeof *counts);
    for (size_t r = 0; r < n; r++)
        counts[x[r] - min]++;
    for (; seen + counts[v] <= k_lo; v++)
        seen += counts[v];
    *lo = min + (int64_t)v;
    for (; seen + counts[v] <= k_hi; v++)
        seen += counts[v];
    *hi = min + (int64_t)v;
}

typedef struct quantiles {
    const boot *b;
    struct tai_likely *out;
    size_t pos_lo, pos_hi;
    int64_t **scratch; /* one column per worker */
    size_t **counts;   /* COUNT_SPAN counters per worker */
} quantiles;

static ta_status select_bounds(void *ctx, unsigned worker, size_t begin, size_t end)
{
    const quantiles *q = ctx;
    size_t R = q->b->replicates;
    int64_t *col = q->scratch[worker];
    for (size_t j = begin; j < end; j++) {
        size_t t = q->b->trusts[j].trust;
        int64_t *keys = &q->b->keys[j * R];
        const uint32_t *ranks = &q->b->ranks[j * R];
        int64_t rlo, rhi;
        if (q->b->trusts[j].count == 0)
            continue; /* a given average: ranked with the others, no range of its own */
        select_pair(keys, R, q->pos_lo, q->pos_hi, q->counts[worker], &q->out->avg_lo[t],
                    &q->out->avg_hi[t]);
        for (size_t r = 0; r < R; r++)
            col[r] = ranks[r];
        select_pair(col, R, q->pos_lo, q->pos_hi, q->counts[worker], &rlo, &rhi);
        q->out->rank_lo[t] = (uint32_t)rlo;
        q->out->rank_hi[t] = (uint32_t)rhi;
        q->out->has[t] = 1;
    }
    return TA_OK;
}

/* Splits every segmented trust's in-average scores for the draws. */
static ta_status prepare(ta_assessment *a, boot *b, boot_trust **trusts, double **exact,
                         double **other)
{
    const tai_framework_def *def = &a->fw->def;
    double scale = tai_framework_scale(def);
    size_t n = 0, n_scores = 0, nm = a->n_metrics;
    for (size_t t = 0; t < a->n_trusts; t++)
        if (tai_segmented(&a->results[t])) {
            n++;
            n_scores += a->results[t].n_scores;
        }
    *trusts = tai_calloc(&a->alloc, n, sizeof **trusts);
    *exact = tai_calloc(&a->alloc, n_scores, sizeof **exact);
    *other = tai_calloc(&a->alloc, n_scores, sizeof **other);
    if (!*trusts || !*exact || !*other)
        return TA_ENOMEM;
    n = n_scores = 0;
    for (size_t t = 0; t < a->n_trusts; t++) {
        boot_trust *bt = &(*trusts)[n];
        if (!tai_segmented(&a->results[t]))
            continue; /* a trust with a given average has count 0: held fixed */
        bt->trust = t;
        bt->first = n_scores;
        bt->deficit = a->trusts[t].flags[TA_FLAG_FINANCIAL_DEFICIT];
        for (size_t m = 0; m < nm; m++) {
            double x = a->scores[t * nm + m];
            if (isnan(x) || !def->metrics[m].in_average)
                continue;
            tai_mean_add(x, scale, &(*exact)[n_scores], &(*other)[n_scores]);
            n_scores++;
        }
        bt->count = n_scores - bt->first;
        n++;
    }
    b->trusts = *trusts;
    b->n = n;
    b->exact = *exact;
    b->other = *other;
    return TA_OK;
}

ta_status ta_assessment_likely_ranges(ta_assessment *a, uint32_t replicates, double interval,
                                      uint64_t seed, unsigned threads)
{
    boot b;
    quantiles q;
    boot_trust *trusts = NULL;
    double *exact = NULL, *other = NULL;
    struct tai_likely *l = NULL;
    unsigned workers;
    ta_status st;
    if (!a)
        return TA_EINVAL;
    if (replicates == 0 || replicates > 10000000u)
        return tai_error_set(&a->err, TA_EINVAL, "replicates must be from 1 to 10000000");
    if (!(interval > 0.0 && interval < 1.0))
        return tai_error_set(&a->err, TA_EINVAL,
                             "the interval must lie strictly between 0 "
                             "and 1");
    if (threads > TAI_MAX_THREADS)
        return tai_error_set(&a->err, TA_EINVAL, "at most %d threads", TAI_MAX_THREADS);
    if ((st = ta_assessment_run(a)) != TA_OK)
        return st;
    tai_likely_free(a);
    memset(&b, 0, sizeof b);
    memset(&q, 0, sizeof q);
    b.a = a;
    b.seed = seed;
    b.replicates = replicates;
    st = prepare(a, &b, &trusts, &exact, &other);
    if (st == TA_OK && b.n > (size_t)-1 / sizeof(int64_t) / replicates)
        st = TA_ENOMEM;
    workers = tai_parallel_workers(replicates, threads);
    if (st == TA_OK) {
        size_t cells = b.n * replicates;
        /* Every cell is written by its replicate: no zeroing. */
        b.keys = tai_reallocarray(&a->alloc, NULL, cells, sizeof *b.keys);
        b.ranks = tai_reallocarray(&a->alloc, NULL, cells, sizeof *b.ranks);
        b.scratch = tai_calloc(&a->alloc, workers, sizeof *b.scratch);
        q.scratch = tai_calloc(&a->alloc, workers, sizeof *q.scratch);
        q.counts = tai_calloc(&a->alloc, workers, sizeof *q.counts);
        l = tai_calloc(&a->alloc, 1, sizeof *l);
        if (!b.keys || !b.ranks || !b.scratch || !q.scratch || !q.counts || !l)
            st = TA_ENOMEM;
    }
    for (unsigned w = 0; st == TA_OK && w < workers; w++) {
        b.scratch[w] = tai_calloc(&a->alloc, b.n, sizeof **b.scratch);
        q.scratch[w] = tai_calloc(&a->alloc, replicates, sizeof **q.scratch);
        q.counts[w] = tai_calloc(&a->alloc, COUNT_SPAN, sizeof **q.counts);
        if (!b.scratch[w] || !q.scratch[w] || !q.counts[w])
            st = TA_ENOMEM;
    }
    if (st == TA_OK) {
        l->n_trusts = a->n_trusts;
        l->avg_lo = tai_calloc(&a->alloc, a->n_trusts, sizeof *l->avg_lo);
        l->avg_hi = tai_calloc(&a->alloc, a->n_trusts, sizeof *l->avg_hi);
        l->rank_lo = tai_calloc(&a->alloc, a->n_trusts, sizeof *l->rank_lo);
        l->rank_hi = tai_calloc(&a->alloc, a->n_trusts, sizeof *l->rank_hi);
        l->has = tai_calloc(&a->alloc, a->n_trusts, sizeof *l->has);
        if (!l->avg_lo || !l->avg_hi || !l->rank_lo || !l->rank_hi || !l->has)
            st = TA_ENOMEM;
    }
    if (st == TA_OK)
        st = tai_parallel_for(replicates, threads, run_replicates, &b);
    if (st == TA_OK) {
        q.b = &b;
        q.out = l;
        bound_positions(replicates, interval, &q.pos_lo, &q.pos_hi);
        /* At most `workers` ranges again, so each has a scratch column. */
        st = tai_parallel_for(b.n, workers, select_bounds, &q);
    }
    for (unsigned w = 0; b.scratch && w < workers; w++)
        tai_free(&a->alloc, b.scratch[w]);
    for (unsigned w = 0; q.scratch && w < workers; w++)
        tai_free(&a->alloc, q.scratch[w]);
    for (unsigned w = 0; q.counts && w < workers; w++)
        tai_free(&a->alloc, q.counts[w]);
    tai_free(&a->alloc, q.counts);
    tai_free(&a->alloc, b.scratch);
    tai_free(&a->alloc, q.scratch);
    tai_free(&a->alloc, b.keys);
    tai_free(&a->alloc, b.ranks);
    tai_free(&a->alloc, trusts);
    tai_free(&a->alloc, exact);
    tai_free(&a->alloc, other);
    if (st != TA_OK) {
        if (l) {
            a->likely = l;
            tai_likely_free(a);
        }
        return tai_error_set(&a->err, st,
                             st == TA_ENOMEM ? "out of memory computing likely ranges"
                                             : "cannot start a thread for likely ranges");
    }
    a->likely = l;
    tai_error_clear(&a->err);
    return TA_OK;
}
