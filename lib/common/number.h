/*
 * Internal: locale-independent number text.
 *
 * R, spreadsheets and many hosts call setlocale(); with a comma-decimal locale
 * strtod() and printf("%f") change meaning. Everything the library reads or
 * writes as a number goes through these two functions instead, which never
 * consult the locale.
 */
#ifndef TAI_NUMBER_H
#define TAI_NUMBER_H

#include <stddef.h>

#include "trustassess/common.h"

/* Parses exactly `len` bytes of s as a decimal number: optional sign, digits,
 * optional '.' and digits, optional exponent (e/E, sign, digits). At least one
 * digit; no spaces, no "inf"/"nan", no hex. Correctly rounded. TA_EPARSE for
 * malformed text, TA_ERANGE when the value overflows a double. */
ta_status tai_parse_double(const char *s, size_t len, double *out);

/* Parses exactly `len` bytes as a non-negative decimal integer <= max. */
ta_status tai_parse_uint(const char *s, size_t len, unsigned long long max,
                         unsigned long long *out);

/* Writes x with exactly `decimals` (0..9) decimals, rounded half up (ties away
 * from zero, x taken as the decimal it is within 1e-9 of), '.' as the point,
 * "-" only for a non-zero negative result. Returns the length written
 * (excluding the NUL), or -1 if x is not finite, |x| >= 1e15 or size is too
 * small. */
int tai_format_fixed(char *buf, size_t size, double x, int decimals);

/* x rounded half up to `decimals` (0..9) with the same tolerance. */
double tai_round_half_up(double x, int decimals);

#endif /* TAI_NUMBER_H */
