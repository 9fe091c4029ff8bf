/*
 * Internal: what the analysis files (likely_range.c, whatif.c) share.
 *
 * Both split independent work (replicates, trusts) over an optional number of
 * threads. The split is by contiguous index ranges fixed by the count alone,
 * and every unit of work writes only its own outputs, so a result never
 * depends on how many threads ran or in which order they were scheduled.
 */
#ifndef TAI_ANALYSIS_INTERNAL_H
#define TAI_ANALYSIS_INTERNAL_H

#include <stddef.h>

#include "trustassess/common.h"

#define TAI_MAX_THREADS 256

/* Work on units [begin, end) as worker `worker`; returns TA_OK or a status. */
typedef ta_status (*tai_work_fn)(void *ctx, unsigned worker, size_t begin, size_t end);

/* Calls fn over [0, n) split into `threads` contiguous ranges (threads <= 1:
 * one call on the calling thread; never more ranges than units). The first
 * failing status wins; TA_EIO if a thread cannot be started. */
ta_status tai_parallel_for(size_t n, unsigned threads, tai_work_fn fn, void *ctx);

/* The number of ranges tai_parallel_for will use (>= 1), so callers can
 * allocate per-worker scratch. */
unsigned tai_parallel_workers(size_t n, unsigned threads);

#endif /* TAI_ANALYSIS_INTERNAL_H */
