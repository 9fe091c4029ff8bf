/*
 * Internal: a handle's error message.
 *
 * Each handle owns one fixed buffer, so reporting an error never allocates
 * (an out-of-memory error must still be reportable). Messages are formatted
 * without the locale: tai_error_set understands only %s, %d, %u, %zu, %c and
 * %% (numbers with decimals are formatted first with tai_format_fixed).
 */
#ifndef TAI_ERROR_H
#define TAI_ERROR_H

#include "trustassess/common.h"

#define TAI_ERROR_SIZE 512

typedef struct tai_error {
    char msg[TAI_ERROR_SIZE];
} tai_error;

/* Sets the message and returns `status`, so callers write
 * `return tai_error_set(&h->err, TA_EINVAL, "...", ...);`. Truncates safely. */
ta_status tai_error_set(tai_error *e, ta_status status, const char *fmt, ...);
void tai_error_clear(tai_error *e);

#endif /* TAI_ERROR_H */
