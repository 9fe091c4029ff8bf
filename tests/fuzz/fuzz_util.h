/*
 * Shared helpers of the libFuzzer harnesses: a cursor over the fuzzer's bytes
 * and a check that aborts (so libFuzzer records a crash) when a promise of the
 * API is broken without a sanitizer noticing, e.g. a failed call with an empty
 * message or a round trip that does not come back.
 *
 * Header-only and static so that each harness stays one translation unit.
 */
#ifndef TA_FUZZ_UTIL_H
#define TA_FUZZ_UTIL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trustassess.h"

#define FUZZ_CHECK(cond, ...)                                                                      \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, #cond);               \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fputc('\n', stderr);                                                                   \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

/* A failed call must leave a readable, non-empty, NUL-terminated message. */
#define FUZZ_CHECK_MESSAGE(st, msg)                                                                \
    FUZZ_CHECK((st) == TA_OK || ((msg) != NULL && (msg)[0] != '\0'),                               \
               "status %d without a message", (int)(st))

typedef struct fuzz_cursor {
    const uint8_t *data;
    size_t size;
    size_t pos;
} fuzz_cursor;

static inline int fuzz_more(const fuzz_cursor *c)
{
    return c->pos < c->size;
}

static inline uint8_t fuzz_u8(fuzz_cursor *c)
{
    return c->pos < c->size ? c->data[c->pos++] : 0;
}

static inline uint32_t fuzz_u32(fuzz_cursor *c)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; i++)
        v = (v << 8) | fuzz_u8(c);
    return v;
}

/* Any double, NaN and infinities included: half of the time a small "sane"
 * value (so that runs get past argument checks), otherwise raw bits. */
static inline double fuzz_double(fuzz_cursor *c)
{
    uint8_t kind = fuzz_u8(c);
    if (kind < 128)
        return 1.0 + (double)(kind % 64) / 20.0; /* 1.00 .. 4.15 */
    if (kind < 192)
        return (double)(int32_t)fuzz_u32(c) / 100.0;
    uint64_t bits = ((uint64_t)fuzz_u32(c) << 32) | fuzz_u32(c);
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

/* A NUL-terminated string of up to `max - 1` bytes taken from the stream
 * (length first). */
static inline const char *fuzz_string(fuzz_cursor *c, char *buf, size_t max)
{
    size_t n = fuzz_u8(c) % max;
    size_t i = 0;
    for (; i < n && fuzz_more(c); i++)
        buf[i] = (char)fuzz_u8(c);
    buf[i] = '\0';
    return buf;
}

#endif /* TA_FUZZ_UTIL_H */
