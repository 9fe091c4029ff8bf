/*
 * Locale-independent number text: parsing decimals and integers, and printing
 * fixed-point decimals with the library's one rounding rule.
 *
 * strtod and printf("%f") follow LC_NUMERIC, which hosts (R, spreadsheets)
 * change under our feet, so neither is called with the process locale.
 *
 * Parsing. tai_parse_double checks the grammar itself (sign, digits, optional
 * '.', digits, optional exponent; "5." and ".5" are accepted, "." is not) and
 * gathers the significant digits. NHS England's figures ("33.0", "-1.23") have
 * few digits, so almost every value takes Clinger's fast path: a mantissa of at
 * most 2^53 times or divided by an exact power of ten up to 10^22 is one IEEE
 * operation, hence correctly rounded. Anything else is rewritten as
 * "DIGITSeEXP" and handed to strtod_l with a "C" locale object made and freed
 * within the call (glibc returns a static object for "C", so this does not
 * allocate there; should newlocale fail, the result is TA_ENOMEM). strtod_l
 * is a GNU/BSD extension, which is why this file alone defines _GNU_SOURCE.
 * At most 800 significant digits are passed on, plus a '1' standing for any
 * non-zero digits dropped after them: every midpoint between two doubles has
 * at most 767 significant digits, so this cannot change which way a value
 * rounds. Overflow to infinity is TA_ERANGE;
 * underflow gives the correctly rounded subnormal or zero with TA_OK. The sign
 * is kept on zero: "-0" parses to -0.0, as strtod does.
 *
 * Printing. Half up (ties away from zero) is meant on the decimal a figure
 * was written as, but 2.675 is stored as 2.67499999999999982..., so the tie
 * test allows a tolerance: |x| is within 1e-9 (or 4 * DBL_EPSILON relative,
 * whichever is larger) of a tie, but never more than a thousandth of the last
 * printed place, so at 9 decimals or near 1e15 only real ties round up. The
 * integer and fractional parts are split first (exactly) so every quantity
 * fits a uint64_t and the text is built from integers. tai_round_half_up
 * gives the correctly rounded double of the printed decimal: for values whose
 * rounded decimal is below 2^53 units of the last place it divides that exact
 * integer by the exact power of ten (one correctly rounded IEEE operation,
 * no text; averages are rounded this way millions of times by the
 * bootstrap), otherwise it prints and parses back.
 */
#define _GNU_SOURCE

#include "number.h"

#include <float.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Significant digits handed to strtod_l (see above: more than 767). */
#define TAI_MAX_DIGITS 800
/* Room for sign, the digits, a sticky digit, 'e', exponent sign and digits. */
#define TAI_NUMBUF (TAI_MAX_DIGITS + 16)
/* An exponent is read up to TAI_EXP_LIMIT + len and then saturates: still far
 * beyond overflow or underflow after the digits' own shift (at most len), and
 * it cannot overflow a long long. */
#define TAI_EXP_LIMIT 100000LL

static const double pow10_d[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

static const uint64_t pow10_u[10] = {1,      10,      100,      1000,      10000,
                                     100000, 1000000, 10000000, 100000000, 1000000000};

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* strtod of text (NUL-terminated "[-]DIGITSeEXP") in the "C" locale. */
static ta_status parse_with_c_locale(const char *text, double *out)
{
    locale_t c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    double v;

    if (c_locale == (locale_t)0)
        return TA_ENOMEM;
    v = strtod_l(text, NULL, c_locale);
    freelocale(c_locale);
    if (isinf(v))
        return TA_ERANGE;
    *out = v;
    return TA_OK;
}

ta_status tai_parse_double(const char *s, size_t len, double *out)
{
    char text[TAI_NUMBUF];
    size_t i = 0, k, digits_start, digits_end, n_int, n_frac = 0, n_sig = 0, n_text;
    long long exp10 = 0, exp_limit, e;
    uint64_t mant = 0;
    int negative = 0, sticky = 0, exp_negative = 0;

    if (s == NULL || out == NULL)
        return TA_EINVAL;
    if (i < len && (s[i] == '+' || s[i] == '-'))
        negative = s[i++] == '-';
    digits_start = i;
    while (i < len && is_digit(s[i]))
        i++;
    n_int = i - digits_start;
    if (i < len && s[i] == '.') {
        k = ++i;
        while (i < len && is_digit(s[i]))
            i++;
        n_frac = i - k;
    }
    digits_end = i;
    if (n_int + n_frac == 0)
        return TA_EPARSE; /* no digit at all: "", "+", "." */
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < len && (s[i] == '+' || s[i] == '-'))
            exp_negative = s[i++] == '-';
        if (i == len || !is_digit(s[i]))
            return TA_EPARSE;
        exp_limit =
            TAI_EXP_LIMIT + (len < (size_t)(LLONG_MAX / 20) ? (long long)len : LLONG_MAX / 20);
        for (; i < len && is_digit(s[i]); i++)
            if (exp10 < exp_limit)
                exp10 = exp10 * 10 + (s[i] - '0');
        if (exp_negative)
            exp10 = -exp10;
    }
    if (i != len)
        return TA_EPARSE;

    /* Significant digits: the first 19 into mant, the first 800 into text. */
    n_text = 0;
    if (negative)
        text[n_text++] = '-';
    for (k = digits_start; k < digits_end; k++) {
        if (s[k] == '.' || (n_sig == 0 && s[k] == '0'))
            continue;
        if (n_sig < 19)
            mant = mant * 10 + (uint64_t)(s[k] - '0');
        if (n_sig < TAI_MAX_DIGITS)
            text[n_text++] = s[k];
        else if (s[k] != '0')
            sticky = 1;
        n_sig++;
    }
    if (n_sig == 0) {
        *out = negative ? -0.0 : 0.0;
        return TA_OK;
    }
    /* value = DIGITS * 10^e, DIGITS being all n_sig significant digits. */
    e = exp10 - (long long)n_frac;
    /* The leading digit's power of ten decides overflow and total underflow. */
    if (e + (long long)n_sig - 1 > DBL_MAX_10_EXP)
        return TA_ERANGE;
    if (e + (long long)n_sig - 1 < DBL_MIN_10_EXP - DBL_DIG - 10) {
        *out = negative ? -0.0 : 0.0;
        return TA_OK;
    }
    /* Clinger's fast path: both operands exact, so one rounding. A mantissa
     * of at most 2^53 has at most 16 digits, so mant holds all of them. */
    if (mant <= (UINT64_C(1) << 53) && e >= -22 && e <= 22) {
        double v = (double)mant;
        v = e < 0 ? v / pow10_d[-e] : v * pow10_d[e];
        *out = negative ? -v : v;
        return TA_OK;
    }
    if (n_sig > TAI_MAX_DIGITS) {
        e += (long long)(n_sig - TAI_MAX_DIGITS);
        if (sticky) {
            text[n_text++] = '1';
            e--;
        }
    }
    text[n_text++] = 'e';
    if (e < 0) {
        text[n_text++] = '-';
        e = -e;
    }
    k = n_text;
    do {
        text[n_text++] = (char)('0' + e % 10);
        e /= 10;
    } while (e != 0);
    text[n_text] = '\0';
    for (i = n_text - 1; k < i; k++, i--) { /* the exponent's digits came out reversed */
        char c = text[k];
        text[k] = text[i];
        text[i] = c;
    }
    return parse_with_c_locale(text, out);
}

ta_status tai_parse_uint(const char *s, size_t len, unsigned long long max, unsigned long long *out)
{
    unsigned long long v = 0;
    size_t i;

    if (s == NULL || out == NULL)
        return TA_EINVAL;
    if (len == 0)
        return TA_EPARSE;
    for (i = 0; i < len; i++)
        if (!is_digit(s[i]))
            return TA_EPARSE;
    for (i = 0; i < len; i++) {
        unsigned d = (unsigned)(s[i] - '0');
        if (v > (ULLONG_MAX - d) / 10)
            return TA_ERANGE;
        v = v * 10 + d;
    }
    if (v > max)
        return TA_ERANGE;
    *out = v;
    return TA_OK;
}

/* Writes x rounded half up to `decimals` (0..9); needs |x| < 2^53 and finite.
 * Returns the length, or -1 if buf (size bytes with the NUL) is too small. */
/* |x| rounded half up to `decimals`: its integer part and its fraction as
 * an integer number of 10^-decimals. The one place the rounding happens. */
static void round_parts(double x, int decimals, uint64_t *ip_out, uint64_t *frac_out)
{
    double a = fabs(x);
    uint64_t ip = (uint64_t)a;
    double scaled = (a - (double)ip) * pow10_d[decimals];
    uint64_t frac = (uint64_t)scaled;
    double tol = (a * 4 * DBL_EPSILON > 1e-9 ? a * 4 * DBL_EPSILON : 1e-9) * pow10_d[decimals];

    if (tol > 1e-3)
        tol = 1e-3;
    if (scaled - (double)frac >= 0.5 - tol)
        frac++;
    if (frac >= pow10_u[decimals]) {
        frac -= pow10_u[decimals];
        ip++;
    }
    *ip_out = ip;
    *frac_out = frac;
}

static int format_rounded(char *buf, size_t size, double x, int decimals)
{
    char text[40];
    uint64_t ip, frac;
    size_t n = 0, start;
    int d;

    round_parts(x, decimals, &ip, &frac);
    if (x < 0 && (ip != 0 || frac != 0))
        text[n++] = '-';
    start = n;
    do {
        text[n++] = (char)('0' + ip % 10);
        ip /= 10;
    } while (ip != 0);
    for (size_t lo = start, hi = n - 1; lo < hi; lo++, hi--) {
        char c = text[lo];
        text[lo] = text[hi];
        text[hi] = c;
    }
    if (decimals > 0) {
        text[n++] = '.';
        for (d = decimals - 1; d >= 0; d--)
            text[n++] = (char)('0' + frac / pow10_u[d] % 10);
    }
    if (buf == NULL || size < n + 1)
        return -1;
    memcpy(buf, text, n);
    buf[n] = '\0';
    return (int)n;
}

int tai_format_fixed(char *buf, size_t size, double x, int decimals)
{
    if (decimals < 0 || decimals > 9 || !isfinite(x) || fabs(x) >= 1e15)
        return -1;
    return format_rounded(buf, size, x, decimals);
}

/* Non-finite x, and |x| >= 2^53 (already an integer), come back unchanged;
 * decimals outside 0..9 give NaN. -0.001 to 2 decimals gives +0.0. */
double tai_round_half_up(double x, int decimals)
{
    char text[40];
    double y;
    int n;

    if (decimals < 0 || decimals > 9)
        return NAN;
    if (!isfinite(x) || fabs(x) >= 9007199254740992.0)
        return x;
    /* Fast path, same result: when the rounded decimal as an integer count of
     * 10^-decimals is below 2^53, that integer and 10^decimals are exact
     * doubles and one IEEE division gives the correctly rounded double of
     * the decimal, which is what printing and parsing back gives. */
    if (fabs(x) < 9007199254740992.0 / pow10_d[decimals] - 1) {
        uint64_t ip, frac, k;
        round_parts(x, decimals, &ip, &frac);
        k = ip * pow10_u[decimals] + frac;
        if (k < UINT64_C(9007199254740992)) {
            y = (double)k / pow10_d[decimals];
            /* 0 - y, not -y: a negative x that rounds to zero gives +0,
             * as the slow path's parse of "0" does. */
            return signbit(x) ? 0 - y : y;
        }
    }
    n = format_rounded(text, sizeof text, x, decimals);
    if (tai_parse_double(text, (size_t)n, &y) != TA_OK)
        return NAN; /* only if the "C" locale object cannot be made */
    return y;
}
