/*
 * Money text <-> int64_t pence (the grammar is in include/trustassess/money.h).
 *
 * Parsing is done in two passes: a syntax pass that finds the integer digits,
 * the fraction digits and the suffix (so the scale is known before any digit is
 * used), then an arithmetic pass that accumulates digits into a uint64_t with
 * explicit overflow checks. No floating point anywhere: a money figure that
 * went through a double could come back one penny out.
 */
#include "trustassess/money.h"

#include <string.h>

#define POUND_0 ((char)0xC2)
#define POUND_1 ((char)0xA3)

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* *acc = *acc * 10 + digit, or 0 on overflow past `max`. */
static int acc_digit(uint64_t *acc, int digit, uint64_t max)
{
    if (*acc > (max - (uint64_t)digit) / 10u)
        return 0;
    *acc = *acc * 10u + (uint64_t)digit;
    return 1;
}

/* Parses text[0..len) into a magnitude and a sign. */
static ta_status parse_money(const char *s, size_t len, uint64_t *magnitude, int *negative)
{
    size_t i = 0, end = len;
    while (i < end && (s[i] == ' ' || s[i] == '\t'))
        i++;
    while (end > i && (s[end - 1] == ' ' || s[end - 1] == '\t'))
        end--;
    *negative = 0;
    if (i < end && s[i] == '-') {
        *negative = 1;
        i++;
    }
    if (i + 1 < end && s[i] == POUND_0 && s[i + 1] == POUND_1)
        i += 2;

    /* Syntax pass: integer part (plain or grouped), fraction, suffix. */
    size_t int_start = i;
    size_t run = 0; /* digits since the start or the last comma */
    int grouped = 0;
    while (i < end && (is_digit(s[i]) || s[i] == ',')) {
        if (s[i] == ',') {
            if (run == 0 || (grouped ? run != 3 : run > 3))
                return TA_EPARSE;
            grouped = 1;
            run = 0;
        } else {
            run++;
        }
        i++;
    }
    size_t int_end = i;
    if (run == 0 || (grouped && run != 3))
        return TA_EPARSE; /* no digits, trailing comma or a short last group */
    size_t frac_start = i, frac_end = i;
    if (i < end && s[i] == '.') {
        i++;
        frac_start = i;
        while (i < end && is_digit(s[i]))
            i++;
        frac_end = i;
        if (frac_end == frac_start)
            return TA_EPARSE; /* "5." */
    }
    int scale = 2; /* decimal places of a pound in pence, plus the suffix's */
    size_t rest = end - i;
    if (rest == 1 && (s[i] == 'k' || s[i] == 'K'))
        scale += 3;
    else if (rest == 1 && (s[i] == 'm' || s[i] == 'M'))
        scale += 6;
    else if (rest == 2 && (s[i] == 'b' || s[i] == 'B') && (s[i + 1] == 'n' || s[i + 1] == 'N') &&
             !(s[i] == 'b' && s[i + 1] == 'N'))
        scale += 9;
    else if (rest != 0)
        return TA_EPARSE;
    size_t n_frac = frac_end - frac_start;
    if (scale == 2 && n_frac > 2)
        return TA_EPARSE;

    /* Arithmetic pass. */
    const uint64_t max = (uint64_t)INT64_MAX;
    uint64_t acc = 0;
    int range = 0;
    for (size_t k = int_start; k < int_end; k++) {
        if (s[k] != ',' && !acc_digit(&acc, s[k] - '0', max))
            range = 1;
    }
    for (size_t k = 0; k < n_frac; k++) {
        int d = s[frac_start + k] - '0';
        if ((int)k < scale) {
            if (!range && !acc_digit(&acc, d, max))
                range = 1;
        } else if (d != 0) {
            return TA_ERANGE; /* fractional pence */
        }
    }
    for (int k = (int)n_frac; k < scale; k++) {
        if (!range && !acc_digit(&acc, 0, max))
            range = 1;
    }
    if (range)
        return TA_ERANGE;
    *magnitude = acc;
    return TA_OK;
}

ta_status ta_money_parse_n(int64_t *pence_out, const char *text, size_t len)
{
    if (pence_out == NULL || text == NULL)
        return TA_EINVAL;
    uint64_t mag;
    int negative;
    ta_status st = parse_money(text, len, &mag, &negative);
    if (st != TA_OK)
        return st;
    if (negative)
        return TA_ERANGE;
    *pence_out = (int64_t)mag;
    return TA_OK;
}

ta_status ta_money_parse(int64_t *pence_out, const char *text)
{
    if (text == NULL)
        return TA_EINVAL;
    return ta_money_parse_n(pence_out, text, strlen(text));
}

ta_status ta_money_parse_signed(int64_t *pence_out, const char *text)
{
    if (pence_out == NULL || text == NULL)
        return TA_EINVAL;
    uint64_t mag;
    int negative;
    ta_status st = parse_money(text, strlen(text), &mag, &negative);
    if (st != TA_OK)
        return st;
    *pence_out = negative ? -(int64_t)mag : (int64_t)mag;
    return TA_OK;
}

ta_status ta_money_format(char *buf, size_t size, int64_t pence, unsigned flags)
{
    if (buf == NULL || (flags & ~(TA_MONEY_POUND | TA_MONEY_GROUPED)) != 0)
        return TA_EINVAL;
    /* The magnitude as unsigned, so INT64_MIN needs no special case. */
    uint64_t mag = pence < 0 ? (uint64_t)0 - (uint64_t)pence : (uint64_t)pence;
    char digits[24];
    size_t nd = 0;
    do {
        digits[nd++] = (char)('0' + (int)(mag % 10u));
        mag /= 10u;
    } while (mag != 0 || nd < 3); /* at least "0.0d" */

    char out[TA_MONEY_BUFSIZE];
    size_t n = 0;
    if (pence < 0)
        out[n++] = '-';
    if (flags & TA_MONEY_POUND) {
        out[n++] = POUND_0;
        out[n++] = POUND_1;
    }
    size_t n_int = nd - 2; /* digits[] is least significant first */
    for (size_t k = 0; k < n_int; k++) {
        size_t left = n_int - k; /* integer digits still to write, this one included */
        if ((flags & TA_MONEY_GROUPED) && k > 0 && left % 3 == 0)
            out[n++] = ',';
        out[n++] = digits[nd - 1 - k];
    }
    out[n++] = '.';
    out[n++] = digits[1];
    out[n++] = digits[0];
    if (n + 1 > size) {
        if (size > 0)
            buf[0] = '\0';
        return TA_ERANGE;
    }
    memcpy(buf, out, n);
    buf[n] = '\0';
    return TA_OK;
}
