/*
 * libtrustassess: money as text, exactly.
 *
 * Amounts are int64_t pence everywhere in the library; this header turns text
 * such as "£99,999,999.99" or "£1.5bn" into pence and back. Nothing here uses
 * floating point: every digit is accumulated in integers with overflow checks,
 * so "£99,999,999.99" is 9999999999 pence and never 9999999998.999.
 *
 * Grammar (after ASCII spaces and tabs at both ends are ignored):
 *
 *   money    = [ "-" ] [ "£" ] number [ suffix ]      ("£" is UTF-8 C2 A3)
 *   number   = integer [ "." digit { digit } ]
 *   integer  = digit { digit }                          plain, e.g. 99999999
 *            | digit [digit [digit]] { "," 3*digit }    grouped, e.g. 99,999,999
 *   suffix   = "k" | "K" | "m" | "M" | "bn" | "Bn" | "BN"   (x 1e3, 1e6, 1e9 pounds)
 *
 * No other characters are accepted: no spaces inside, no "+", no "GBP", no
 * exponent. Without a suffix at most two decimals are allowed ("1.5" is
 * £1.50, "1.505" is TA_EPARSE). With a suffix any number of decimals is
 * allowed provided the result is a whole number of pence: "£1.5m" is
 * 150000000 pence, "£1.23456789m" is 123456789 pence, "£1.234567891m" is
 * TA_ERANGE (fractional pence).
 *
 * Status codes: TA_EINVAL for a NULL argument; TA_EPARSE for text outside the
 * grammar; TA_ERANGE for a well-formed amount that is not representable: a
 * magnitude above INT64_MAX pence (£92,233,720,368,547,758.07), fractional
 * pence, or (ta_money_parse only) a negative amount. These functions have no
 * handle, so there is no message beyond ta_strerror(); the readers that use
 * them (e.g. the capital proposals reader) put rich messages on their handles.
 */
#ifndef TRUSTASSESS_MONEY_H
#define TRUSTASSESS_MONEY_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A buffer of this size holds any formatted amount with any flags, including
 * "-£92,233,720,368,547,758.08" and its NUL. */
#define TA_MONEY_BUFSIZE 32

/* Formatting flags for ta_money_format (combine with |). */
#define TA_MONEY_PLAIN 0u   /* "-1234567.89" */
#define TA_MONEY_POUND 1u   /* "£" after any sign: "-£1234567.89" */
#define TA_MONEY_GROUPED 2u /* thousands separated by ",": "1,234,567.89" */

/* Parses a non-negative amount (see the grammar above) into *pence_out. A
 * leading "-" is TA_ERANGE, even for zero. *pence_out is untouched on failure. */
TA_API ta_status ta_money_parse(int64_t *pence_out, const char *text);

/* As ta_money_parse but over exactly `len` bytes (no NUL needed). */
TA_API ta_status ta_money_parse_n(int64_t *pence_out, const char *text, size_t len);

/* As ta_money_parse, but a leading "-" gives a negative amount (magnitude up to
 * INT64_MAX pence). Reads back what ta_money_format writes, e.g. "-£0.01". */
TA_API ta_status ta_money_parse_signed(int64_t *pence_out, const char *text);

/* Writes `pence` as pounds with exactly two decimals, '.' as the point, "-"
 * first for a negative amount, then "£" if TA_MONEY_POUND, thousands grouped
 * if TA_MONEY_GROUPED. Any int64_t is accepted, INT64_MIN included.
 * TA_EINVAL for a NULL buf or unknown flag bits; TA_ERANGE if `size` is too
 * small (buf then holds "" when size > 0). TA_MONEY_BUFSIZE always suffices. */
TA_API ta_status ta_money_format(char *buf, size_t size, int64_t pence, unsigned flags);

#ifdef __cplusplus
}
#endif

#endif /* TRUSTASSESS_MONEY_H */
