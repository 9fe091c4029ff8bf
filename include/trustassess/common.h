/*
 * libtrustassess: common types shared by every module.
 *
 * This header defines what every other public header builds on: the status
 * codes every fallible call returns, the optional per-handle allocator, the
 * civil-date value type, the tri-state flag, and the version functions.
 *
 * ABI rules (see README, "ABI policy"):
 *   - Status codes never change value; new codes are only ever appended.
 *   - ta_allocator and ta_date are frozen value types: their layout will not
 *     change while the SONAME is libtrustassess.so.1.
 *   - Every other type is an opaque handle.
 *
 * Error reporting: a constructor (ta_*_new) fails only in ways its status says
 * completely (TA_EINVAL, TA_ENOMEM, TA_ENOTFOUND for an unknown preset name);
 * ta_strerror() gives the text. Operations that can fail in richer ways (reading
 * a file, building a framework, running an assessment) are calls on an existing
 * handle, and leave a message on that handle, read with ta_<noun>_error(). There
 * is no global or thread-local error state.
 */
#ifndef TRUSTASSESS_COMMON_H
#define TRUSTASSESS_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32) && defined(TA_BUILDING_LIBRARY)
#define TA_API __declspec(dllexport)
#elif defined(__GNUC__) && defined(TA_BUILDING_LIBRARY)
#define TA_API __attribute__((visibility("default")))
#else
#define TA_API
#endif

/* The version of the headers. ta_version() gives the library's at run time. */
#define TA_VERSION_MAJOR 0
#define TA_VERSION_MINOR 2
#define TA_VERSION_PATCH 0
#define TA_VERSION_STRING "0.2.0"
#define TA_VERSION_NUMBER (TA_VERSION_MAJOR * 10000 + TA_VERSION_MINOR * 100 + TA_VERSION_PATCH)

/* Result of every fallible call. Values are fixed forever. */
typedef enum ta_status {
    TA_OK = 0,
    TA_EINVAL = 1,       /* an argument is NULL, NaN, infinite or out of range */
    TA_ENOMEM = 2,       /* the allocator returned NULL */
    TA_ENOTFOUND = 3,    /* unknown identifier (metric, trust, preset, period) */
    TA_EDUPLICATE = 4,   /* an identifier given twice (trust, metric, row) */
    TA_EPARSE = 5,       /* malformed text: CSV, number, date, money */
    TA_EIO = 6,          /* a file could not be opened, read or written */
    TA_ERANGE = 7,       /* a value overflows or lies outside its domain */
    TA_ESTATE = 8,       /* the handle is not in a state that allows the call */
    TA_EINCONSISTENT = 9 /* inputs contradict each other (e.g. overlapping segments) */
} ta_status;

/* The name of a ta_status value ("TA_OK", "TA_EINVAL", "TA_ENOMEM", ...); "" for a value outside
 * the enum. Static storage. */
TA_API const char *ta_status_name(ta_status v);

/* A short, static, English description of a status. Never NULL. */
TA_API const char *ta_strerror(ta_status status);

/* Runtime version: TA_VERSION_NUMBER and TA_VERSION_STRING of the built library. */
TA_API int ta_version(void);
TA_API const char *ta_version_string(void);

/*
 * Optional host allocator, given to each handle at creation (NULL = the C
 * library's malloc/realloc/free). The handle keeps a copy of the struct, so it
 * may live on the caller's stack; `ctx` is passed back unchanged. realloc_fn
 * follows C realloc semantics. All three must be set. Frozen layout.
 */
typedef struct ta_allocator {
    void *(*malloc_fn)(void *ctx, size_t size);
    void *(*realloc_fn)(void *ctx, void *ptr, size_t size);
    void (*free_fn)(void *ctx, void *ptr);
    void *ctx;
} ta_allocator;

/* A civil (proleptic Gregorian) date: no time, no time zone. Frozen layout. */
typedef struct ta_date {
    int32_t year;  /* 1 .. 9999 */
    int32_t month; /* 1 .. 12 */
    int32_t day;   /* 1 .. days in month */
} ta_date;

/* A yes/no fact that may also be unknown (e.g. a flag not published that quarter). */
typedef enum ta_tristate { TA_UNKNOWN = -1, TA_NO = 0, TA_YES = 1 } ta_tristate;

/* The name of a ta_tristate value ("unknown", "no", "yes"); "" for a value outside the enum.
 * Static storage. */
TA_API const char *ta_tristate_name(ta_tristate v);

/*
 * Locale-independent number text, as the library reads and writes it: the
 * decimal point is always '.', whatever LC_NUMERIC says.
 */

/* Parses a whole string as a decimal number ("2.06", "-1.5e3"; no spaces, no
 * "inf"/"nan"). TA_EPARSE for malformed text, TA_ERANGE on overflow. */
TA_API ta_status ta_decimal_parse(double *out, const char *text);

/* Writes x with exactly `decimals` (0..9) decimals, rounded half up (x taken
 * as the decimal it is within 1e-9 of: 3.085 gives "3.09"). TA_EINVAL for a
 * non-finite x or |x| >= 1e15, TA_ERANGE if buf is too small. */
TA_API ta_status ta_decimal_format(char *buf, size_t size, double x, int decimals);

/* Rounds x half up (away from zero on ties of the decimal value) to
 * `decimals` (0..6), treating x as the decimal it is within 1e-9 of, as every
 * rounding of the rules does (3.085 gives 3.09). */
TA_API ta_status ta_decimal_round(double *out, double x, int decimals);

#ifdef __cplusplus
}
#endif

#endif /* TRUSTASSESS_COMMON_H */
