/*
 * Tests of lib/common/number.c: locale-independent parsing and the rounding
 * rule. Parsing is checked bitwise against strtod in the "C" locale (for
 * fixed edge cases and for many random decimal strings), printing against
 * half-up rounding done in integers, and both again under a comma-decimal
 * locale to prove the host's setlocale cannot change them.
 */
#include <check.h>
#include <float.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/number.h"

/* Deterministic xorshift64* so every run tests the same strings. */
static uint64_t next_random(uint64_t *state)
{
    uint64_t x = *state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return x * UINT64_C(2685821657736338717);
}

static int same_bits(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

static ta_status parse(const char *s, double *out)
{
    return tai_parse_double(s, strlen(s), out);
}

/* tai_parse_double(s) must equal strtod(s) in the "C" locale, bit for bit. */
static void check_against_strtod(const char *s)
{
    double expected, got = 0;
    ta_status st;

    expected = strtod(s, NULL);
    st = parse(s, &got);
    /* Check records every passing ck_assert with a write(), so loops test
     * with if and only call into Check on failure. */
    if (isinf(expected)) {
        if (st != TA_ERANGE)
            ck_abort_msg("%s: status %d, expected TA_ERANGE", s, (int)st);
        return;
    }
    if (st != TA_OK || !same_bits(got, expected))
        ck_abort_msg("%s: status %d, got %.17g expected %.17g", s, (int)st, got, expected);
}

START_TEST(test_parse_values)
{
    static const struct {
        const char *text;
        double value;
    } cases[] = {
        {"0.0", 0.0},
        {"-1.23", -1.23},
        {"33.0", 33.0},
        {"+7", 7.0},
        {"5.", 5.0},
        {".5", 0.5},
        {"-.5", -0.5},
        {"1e3", 1000.0},
        {"1E-2", 0.01},
        {"1.5e+2", 150.0},
        {"007", 7.0},
        {"0.1", 0.1},
        {"100.00", 100.0},
        {"2.54", 2.54},
        {"9.03", 9.03},
        {"0e999", 0.0},
        {"123456789012345678", 123456789012345678.0},
    };
    size_t i;
    double v;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        v = -99;
        ck_assert_int_eq(parse(cases[i].text, &v), TA_OK);
        ck_assert_msg(same_bits(v, cases[i].value), "%s gave %.17g", cases[i].text, v);
    }
    /* Exactly len bytes are read. */
    ck_assert_int_eq(tai_parse_double("2.54xyz", 4, &v), TA_OK);
    ck_assert(same_bits(v, 2.54));
    ck_assert_int_eq(tai_parse_double("12", 1, &v), TA_OK);
    ck_assert(same_bits(v, 1.0));
}
END_TEST

/* An exponent ends at len too: the digits of the exponent are read only up to
 * len, not from the bytes after it (number.c:120). */
START_TEST(test_parse_exponent_stops_at_len)
{
    double v = 0;

    ck_assert_int_eq(tai_parse_double("1e57", 3, &v), TA_OK);
    ck_assert(same_bits(v, 1e5));
    ck_assert_int_eq(tai_parse_double("2.5E-12", 6, &v), TA_OK);
    ck_assert(same_bits(v, 2.5e-1));
}
END_TEST

START_TEST(test_parse_negative_zero)
{
    double v = 1;

    ck_assert_int_eq(parse("-0", &v), TA_OK);
    ck_assert(v == 0.0 && signbit(v));
    ck_assert_int_eq(parse("-0.000e5", &v), TA_OK);
    ck_assert(v == 0.0 && signbit(v));
    ck_assert_int_eq(parse("0", &v), TA_OK);
    ck_assert(v == 0.0 && !signbit(v));
}
END_TEST

START_TEST(test_parse_rejects)
{
    static const char *bad[] = {"",      "+",     "-",   ".",     "-.",  "e5",   "1e",
                                "1e+",   " 1",    "1 ",  "inf",   "nan", "-inf", "Infinity",
                                "0x10",  "1.2.3", "1,5", "1e5.0", "--1", "1-",   "+-1",
                                "1e--2", "1f",    "\t1", "1\n",   "١"};
    size_t i;
    double v = 42;

    for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(parse(bad[i], &v) == TA_EPARSE, "accepted \"%s\"", bad[i]);
    ck_assert_int_eq(tai_parse_double("1\0", 2, &v), TA_EPARSE);
    ck_assert(v == 42); /* untouched on failure */
    ck_assert_int_eq(tai_parse_double(NULL, 0, &v), TA_EINVAL);
    ck_assert_int_eq(tai_parse_double("1", 1, NULL), TA_EINVAL);
}
END_TEST

START_TEST(test_parse_range)
{
    double v = 42;

    ck_assert_int_eq(parse("1e309", &v), TA_ERANGE);
    ck_assert_int_eq(parse("-1e400", &v), TA_ERANGE);
    ck_assert_int_eq(parse("1.7976931348623159e308", &v), TA_ERANGE);
    ck_assert_int_eq(parse("1e99999999999999999999999", &v), TA_ERANGE);
    ck_assert(v == 42);
    ck_assert_int_eq(parse("1.7976931348623157e308", &v), TA_OK);
    ck_assert(v == DBL_MAX);
    ck_assert_int_eq(parse("2.2250738585072014e-308", &v), TA_OK);
    ck_assert(v == DBL_MIN);
    ck_assert_int_eq(parse("4.9406564584124654e-324", &v), TA_OK);
    ck_assert(v == ldexp(1.0, -1074));
    /* Underflow is not an error: the value rounds to zero. */
    ck_assert_int_eq(parse("1e-400", &v), TA_OK);
    ck_assert(v == 0.0 && !signbit(v));
    ck_assert_int_eq(parse("-1e-99999999999999999999", &v), TA_OK);
    ck_assert(v == 0.0 && signbit(v));
}
END_TEST

START_TEST(test_parse_hard_cases)
{
    static const char *cases[] = {
        "9007199254740993",
        "9007199254740995",
        "2.2250738585072011e-308",
        "2.4703282292062327e-324",
        "2.4703282292062328e-324",
        "1.7976931348623158e308",
        "0.1e-322",
        "123456789012345678901234567890",
        "1e23",
        "8.98846567431158e307",
        "4503599627370496.5",
        "4503599627370497.5",
        "0.30000000000000004",
        "2.2250738585072012e-308",
        "1e-22",
        "1e22",
        "9007199254740992e22",
    };
    char big[2100];
    double v;
    size_t i;

    ck_assert_ptr_nonnull(setlocale(LC_NUMERIC, "C"));
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_against_strtod(cases[i]);
    /* 2^53 + 1 is a tie that rounds to even; one far non-zero digit breaks it
     * upwards, which only keeping enough digits (plus a sticky one) gets right. */
    memset(big, '0', sizeof big);
    memcpy(big, "9007199254740993.", 17);
    big[2000] = '1';
    big[2001] = '\0';
    ck_assert_int_eq(parse(big, &v), TA_OK);
    ck_assert(v == 9007199254740994.0);
    check_against_strtod(big);
    big[2000] = '0';
    ck_assert_int_eq(parse(big, &v), TA_OK);
    ck_assert(v == 9007199254740992.0);
    /* Many leading zeros do not count as significant digits. */
    memset(big, '0', 1500);
    memcpy(big, "0.", 2);
    memcpy(big + 1500, "123e1501", 9);
    ck_assert_int_eq(parse(big, &v), TA_OK);
    ck_assert(same_bits(v, 123.0));
}
END_TEST

/* Two million digits and an exponent that brings them back: the exponent must
 * not saturate before the digits' own shift is taken into account. */
START_TEST(test_parse_huge_text)
{
    size_t n = 2000000;
    char *s = malloc(n + 16);
    double v = 0;

    ck_assert_ptr_nonnull(s);
    s[0] = '1';
    memset(s + 1, '0', n - 1);
    strcpy(s + n, "e-1999990");
    ck_assert_int_eq(parse(s, &v), TA_OK);
    ck_assert(v == 1e9);
    strcpy(s + n, "e-1");
    ck_assert_int_eq(parse(s, &v), TA_ERANGE);
    memcpy(s, "0.", 2);
    s[n - 1] = '1';
    strcpy(s + n, "e1999990");
    ck_assert_int_eq(parse(s, &v), TA_OK);
    ck_assert(v == 1e-8);
    free(s);
}
END_TEST

/* Random decimal strings in several shapes, compared with strtod bitwise. */
START_TEST(test_parse_random_vs_strtod)
{
    uint64_t state = UINT64_C(0x9E3779B97F4A7C15);
    char s[128];
    int n, i, k, digits;

    ck_assert_ptr_nonnull(setlocale(LC_NUMERIC, "C"));
    for (i = 0; i < 200000; i++) {
        n = 0;
        if (next_random(&state) % 2)
            s[n++] = '-';
        digits = 1 + (int)(next_random(&state) % (i % 4 == 0 ? 40 : 20));
        for (k = 0; k < digits; k++)
            s[n++] = (char)('0' + next_random(&state) % 10);
        if (next_random(&state) % 3 != 0) {
            int at = 1 + (int)(next_random(&state) % (uint64_t)digits);
            memmove(s + (n - digits) + at + 1, s + (n - digits) + at, (size_t)(digits - at));
            s[(n - digits) + at] = '.';
            n++;
        }
        switch (next_random(&state) % 4) {
        case 0:
            break;
        case 1:
            n += sprintf(s + n, "e%d", (int)(next_random(&state) % 45) - 22);
            break;
        case 2:
            n += sprintf(s + n, "e%d", (int)(next_random(&state) % 700) - 350);
            break;
        default:
            n += sprintf(s + n, "E+%d", (int)(next_random(&state) % 330));
            break;
        }
        s[n] = '\0';
        check_against_strtod(s);
    }
}
END_TEST

/* Rule: the parser reads the len bytes it is given and no more: text that
 * goes on past len (a '.', an exponent's digits) changes nothing. */
START_TEST(test_parse_reads_only_len_bytes)
{
    double v = 0;

    ck_assert_int_eq(tai_parse_double("5.", 1, &v), TA_OK);
    ck_assert(v == 5.0);
    ck_assert_int_eq(tai_parse_double("5.25", 1, &v), TA_OK);
    ck_assert(v == 5.0);
    ck_assert_int_eq(tai_parse_double("1e5", 2, &v), TA_EPARSE);
    ck_assert_int_eq(tai_parse_double("1e+5", 3, &v), TA_EPARSE);
    ck_assert_int_eq(tai_parse_double("-5", 0, &v), TA_EPARSE);
    ck_assert_int_eq(tai_parse_double("25", 1, &v), TA_OK);
    ck_assert(v == 2.0);
    /* On the heap, so that a read past the end is a sanitizer error. */
    {
        char *p = malloc(2);
        ck_assert_ptr_nonnull(p);
        memcpy(p, "+5", 2);
        ck_assert_int_eq(tai_parse_double(p + 2, 0, &v), TA_EPARSE);
        ck_assert_int_eq(tai_parse_double(p, 1, &v), TA_EPARSE);
        ck_assert_int_eq(tai_parse_double(p, 2, &v), TA_OK);
        ck_assert(v == 5.0);
        free(p);
    }
}
END_TEST

START_TEST(test_parse_uint)
{
    unsigned long long v = 7;

    ck_assert_int_eq(tai_parse_uint("0", 1, 10, &v), TA_OK);
    ck_assert_uint_eq(v, 0);
    ck_assert_int_eq(tai_parse_uint("00123", 5, 1000, &v), TA_OK);
    ck_assert_uint_eq(v, 123);
    ck_assert_int_eq(tai_parse_uint("18446744073709551615", 20, ULLONG_MAX, &v), TA_OK);
    ck_assert(v == ULLONG_MAX);
    v = 7;
    ck_assert_int_eq(tai_parse_uint("18446744073709551616", 20, ULLONG_MAX, &v), TA_ERANGE);
    ck_assert_int_eq(tai_parse_uint("99999999999999999999999", 23, ULLONG_MAX, &v), TA_ERANGE);
    ck_assert_int_eq(tai_parse_uint("100", 3, 99, &v), TA_ERANGE);
    ck_assert_int_eq(tai_parse_uint("99", 2, 99, &v), TA_OK);
    ck_assert_uint_eq(v, 99);
    v = 7;
    ck_assert_int_eq(tai_parse_uint("", 0, 99, &v), TA_EPARSE);
    ck_assert_int_eq(tai_parse_uint("+1", 2, 99, &v), TA_EPARSE);
    ck_assert_int_eq(tai_parse_uint("-1", 2, 99, &v), TA_EPARSE);
    ck_assert_int_eq(tai_parse_uint(" 1", 2, 99, &v), TA_EPARSE);
    ck_assert_int_eq(tai_parse_uint("1.0", 3, 99, &v), TA_EPARSE);
    ck_assert_int_eq(tai_parse_uint("99999999999999999999x", 21, ULLONG_MAX, &v), TA_EPARSE);
    ck_assert_uint_eq(v, 7);
    ck_assert_int_eq(tai_parse_uint("12", 1, 99, &v), TA_OK);
    ck_assert_uint_eq(v, 1);
    ck_assert_int_eq(tai_parse_uint(NULL, 0, 99, &v), TA_EINVAL);
    ck_assert_int_eq(tai_parse_uint("1", 1, 99, NULL), TA_EINVAL);
}
END_TEST

static void check_format(double x, int decimals, const char *expected)
{
    char buf[64];
    int n = tai_format_fixed(buf, sizeof buf, x, decimals);

    ck_assert_msg(n == (int)strlen(expected), "%.17g at %d: length %d, expected \"%s\"", x,
                  decimals, n, expected);
    ck_assert_str_eq(buf, expected);
}

START_TEST(test_format_ties)
{
    check_format(3.085, 2, "3.09");
    check_format(2.0055, 2, "2.01");
    check_format(2.675, 2, "2.68");
    check_format(1.005, 2, "1.01");
    check_format(0.285, 2, "0.29");
    check_format(0.045, 2, "0.05");
    check_format(0.125, 2, "0.13");
    check_format(-0.125, 2, "-0.13");
    check_format(-2.675, 2, "-2.68");
    check_format(-2.5, 0, "-3");
    check_format(2.5, 0, "3");
    check_format(0.5, 0, "1");
    check_format(1.5, 0, "2");
    check_format(99.995, 2, "100.00");
    check_format(9.9995, 3, "10.000");
    check_format(1.0000000005, 9, "1.000000001");
    /* Within 1e-9 of a tie counts as the tie; further away does not. */
    check_format(2.6749999995, 2, "2.68");
    check_format(2.674999998, 2, "2.67");
    check_format(1.00000000049, 9, "1.000000000");
    check_format(0.4999999, 0, "0");
}
END_TEST

START_TEST(test_format_values)
{
    char buf[8];

    check_format(2.5, 2, "2.50");
    check_format(0.1, 1, "0.1");
    check_format(33.0, 0, "33");
    check_format(1e-12, 2, "0.00");
    check_format(-0.001, 2, "0.00");
    check_format(-0.0, 2, "0.00");
    check_format(0.0, 0, "0");
    check_format(-1234567.891, 2, "-1234567.89");
    check_format(123.456, 0, "123");
    check_format(0.000000001, 9, "0.000000001");
    check_format(999999999999999.0, 0, "999999999999999");
    check_format(-999999999999999.0, 1, "-999999999999999.0");
    /* The tolerance never exceeds a thousandth of the last place. */
    check_format(100000000000000.35, 0, "100000000000000");
    check_format(100000000000000.5, 0, "100000000000001");
    ck_assert_int_eq(tai_format_fixed(buf, sizeof buf, 1e15, 0), -1);
    ck_assert_int_eq(tai_format_fixed(buf, sizeof buf, -1e15, 0), -1);
    ck_assert_int_eq(tai_format_fixed(buf, sizeof buf, NAN, 2), -1);
    ck_assert_int_eq(tai_format_fixed(buf, sizeof buf, INFINITY, 2), -1);
    ck_assert_int_eq(tai_format_fixed(buf, sizeof buf, 1.0, 10), -1);
    ck_assert_int_eq(tai_format_fixed(buf, sizeof buf, 1.0, -1), -1);
    /* "2.50" needs five bytes with its NUL. */
    ck_assert_int_eq(tai_format_fixed(buf, 4, 2.5, 2), -1);
    ck_assert_int_eq(tai_format_fixed(buf, 5, 2.5, 2), 4);
    ck_assert_str_eq(buf, "2.50");
    ck_assert_int_eq(tai_format_fixed(NULL, 0, 2.5, 2), -1);
}
END_TEST

/* Every decimal k / 10^(d+1) rounded to d places must match integer half-up. */
START_TEST(test_format_random_ties)
{
    uint64_t state = 12345;
    char text[64], expected[64], got[64];
    double x;
    int i, d;

    for (i = 0; i < 100000; i++) {
        long long k = (long long)(next_random(&state) % 100000000);
        long long scale = 1, q;
        int negative = (int)(next_random(&state) % 2);
        d = (int)(next_random(&state) % 6);
        for (int j = 0; j <= d; j++)
            scale *= 10;
        /* x is the decimal k / scale, written with d + 1 decimals. */
        snprintf(text, sizeof text, "%s%lld.%0*lld", negative ? "-" : "", k / scale, d + 1,
                 k % scale);
        if (tai_parse_double(text, strlen(text), &x) != TA_OK)
            ck_abort_msg("cannot parse %s", text);
        q = (k + 5) / 10; /* half up on the magnitude: ties away from zero */
        if (d == 0)
            snprintf(expected, sizeof expected, "%s%lld", negative && q ? "-" : "", q);
        else
            snprintf(expected, sizeof expected, "%s%lld.%0*lld", negative && q ? "-" : "",
                     q / (scale / 10), d, q % (scale / 10));
        if (tai_format_fixed(got, sizeof got, x, d) != (int)strlen(expected) ||
            strcmp(got, expected) != 0)
            ck_abort_msg("%s at %d: got %s expected %s", text, d, got, expected);
    }
}
END_TEST

/* Rule: the tie tolerance is at most a thousandth of the last printed
 * place, that thousandth included: 4.99e-7 at 6 decimals is 0.499 units,
 * exactly a thousandth short of the tie, and rounds up; 4.98e-7 does not. */
START_TEST(test_format_tolerance_edge)
{
    char buf[32];

    ck_assert_int_eq(tai_format_fixed(buf, sizeof buf, 4.99e-7, 6), 8);
    ck_assert_str_eq(buf, "0.000001");
    ck_assert_int_eq(tai_format_fixed(buf, sizeof buf, -4.99e-7, 6), 9);
    ck_assert_str_eq(buf, "-0.000001");
    ck_assert_int_eq(tai_format_fixed(buf, sizeof buf, 4.98e-7, 6), 8);
    ck_assert_str_eq(buf, "0.000000");
    /* Each limit of the formatter on its own: not finite, too many decimals. */
    ck_assert_int_eq(tai_format_fixed(buf, sizeof buf, INFINITY, 2), -1);
    ck_assert_int_eq(tai_format_fixed(buf, sizeof buf, -INFINITY, 2), -1);
    ck_assert_int_eq(tai_format_fixed(buf, sizeof buf, NAN, 2), -1);
    ck_assert_int_eq(tai_format_fixed(buf, sizeof buf, 1.0, 10), -1);
    ck_assert_int_eq(tai_format_fixed(buf, sizeof buf, 1.0, -1), -1);
    ck_assert_int_eq(tai_format_fixed(buf, sizeof buf, 1e15, 0), -1);
    ck_assert_int_eq(tai_format_fixed(buf, sizeof buf, 999999999999999.0, 0), 15);
}
END_TEST

START_TEST(test_round_half_up)
{
    ck_assert(tai_round_half_up(2.675, 2) == 2.68);
    ck_assert(tai_round_half_up(3.085, 2) == 3.09);
    ck_assert(tai_round_half_up(-2.5, 0) == -3.0);
    ck_assert(tai_round_half_up(0.285, 2) == 0.29);
    ck_assert(tai_round_half_up(2.0055, 3) == 2.006);
    ck_assert(tai_round_half_up(1.23456789, 4) == 1.2346);
    ck_assert(tai_round_half_up(123456789.123456789, 6) == 123456789.123457);
    ck_assert(tai_round_half_up(1e-12, 2) == 0.0);
    ck_assert(tai_round_half_up(-0.001, 2) == 0.0 && !signbit(tai_round_half_up(-0.001, 2)));
    ck_assert(tai_round_half_up(-0.0, 2) == 0.0 && !signbit(tai_round_half_up(-0.0, 2)));
    ck_assert(tai_round_half_up(-0.4, 0) == 0.0 && !signbit(tai_round_half_up(-0.4, 0)));
    /* Between 2^51 and 2^52 doubles have halves, which round away from zero. */
    ck_assert(tai_round_half_up(3000000000000000.5, 0) == 3000000000000001.0);
    ck_assert(tai_round_half_up(-3000000000000000.5, 0) == -3000000000000001.0);
    ck_assert(tai_round_half_up(1e300, 2) == 1e300);
    ck_assert(isinf(tai_round_half_up(INFINITY, 2)));
    ck_assert(isnan(tai_round_half_up(NAN, 2)));
    ck_assert(isnan(tai_round_half_up(1.0, 10)));
    ck_assert(isnan(tai_round_half_up(1.0, -1)));
}
END_TEST

/* Rule: tai_round_half_up gives the double of the decimal tai_format_fixed
 * prints, on both sides of its fast path's limit (2^53 units of the last
 * place) and where the units would overflow 64 bits (18446744074 at 9
 * decimals is 1.8446744074e19 units, above 2^64). */
START_TEST(test_round_half_up_fast_path_limit)
{
    char text[64];
    double v = 0;

    for (int d = 1; d <= 9; d++) { /* at 0 decimals the limit is past tai_format_fixed's 1e15 */
        double limit = 9007199254740992.0 / pow(10, d);
        for (int k = -3; k <= 3; k++) {
            double x = floor(limit) + k + 0.5;
            int n = tai_format_fixed(text, sizeof text, x, d);
            ck_assert_int_gt(n, 0);
            ck_assert_int_eq(tai_parse_double(text, (size_t)n, &v), TA_OK);
            ck_assert_msg(tai_round_half_up(x, d) == v && tai_round_half_up(-x, d) == -v,
                          "%.17g at %d decimals: %.17g, printed %s", x, d, tai_round_half_up(x, d),
                          text);
        }
    }
    ck_assert(tai_round_half_up(18446744074.0, 9) == 18446744074.0);
    ck_assert(tai_round_half_up(18446744074.25, 9) == 18446744074.25);
    ck_assert(tai_round_half_up(-18446744074.0, 9) == -18446744074.0);
}
END_TEST

/* The host's locale must not change what is parsed or printed. */
START_TEST(test_locale_independent)
{
    char buf[32];
    double v = 0;
    const char *de = setlocale(LC_ALL, "de_DE.UTF-8");

    ck_assert_msg(de != NULL, "the de_DE.UTF-8 locale is missing (localedef -i de_DE -f UTF-8 "
                              "de_DE.UTF-8)");
    ck_assert_str_eq(localeconv()->decimal_point, ",");
    ck_assert(strtod("2.54", NULL) == 2.0); /* the locale really is in force */
    ck_assert_int_eq(parse("2.54", &v), TA_OK);
    ck_assert(same_bits(v, 2.54));
    ck_assert_int_eq(parse("2,54", &v), TA_EPARSE);
    /* The strtod_l path (more than 2^53 in the mantissa) too. */
    ck_assert_int_eq(parse("0.12345678901234567890123", &v), TA_OK);
    ck_assert(same_bits(v, 0.12345678901234567890123));
    ck_assert_int_eq(parse("1.5e-300", &v), TA_OK);
    ck_assert(same_bits(v, 1.5e-300));
    ck_assert_int_eq(tai_format_fixed(buf, sizeof buf, 2.5, 2), 4);
    ck_assert_str_eq(buf, "2.50");
    ck_assert_int_eq(tai_format_fixed(buf, sizeof buf, -1234567.891, 2), 11);
    ck_assert_str_eq(buf, "-1234567.89");
    ck_assert(tai_round_half_up(123456789.123456789, 6) == 123456789.123457);
    ck_assert_ptr_nonnull(setlocale(LC_ALL, "C"));
}
END_TEST

static Suite *number_suite(void)
{
    Suite *s = suite_create("number");
    TCase *tc = tcase_create("core");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_parse_values);
    tcase_add_test(tc, test_parse_negative_zero);
    tcase_add_test(tc, test_parse_rejects);
    tcase_add_test(tc, test_parse_range);
    tcase_add_test(tc, test_parse_hard_cases);
    tcase_add_test(tc, test_parse_huge_text);
    tcase_add_test(tc, test_parse_random_vs_strtod);
    tcase_add_test(tc, test_parse_uint);
    tcase_add_test(tc, test_parse_reads_only_len_bytes);
    tcase_add_test(tc, test_format_ties);
    tcase_add_test(tc, test_format_values);
    tcase_add_test(tc, test_format_random_ties);
    tcase_add_test(tc, test_round_half_up);
    tcase_add_test(tc, test_format_tolerance_edge);
    tcase_add_test(tc, test_round_half_up_fast_path_limit);
    tcase_add_test(tc, test_locale_independent);
    tcase_add_test(tc, test_parse_exponent_stops_at_len);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(number_suite());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
