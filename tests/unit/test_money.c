/*
 * Check suite for money text (trustassess/money.h): the grammar's accepted and
 * rejected forms, exact suffix scaling, overflow at INT64_MAX pence, and
 * format/parse round trips over many seeded random amounts.
 */
#include <check.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "trustassess/money.h"

static int64_t parsed(const char *s)
{
    int64_t v = -12345;
    ck_assert_int_eq(ta_money_parse(&v, s), TA_OK);
    return v;
}

static ta_status parse_status(const char *s)
{
    int64_t v = 777;
    ta_status st = ta_money_parse(&v, s);
    if (st != TA_OK)
        ck_assert_int_eq(v, 777); /* untouched on failure */
    return st;
}

START_TEST(parse_plain_and_grouped)
{
    ck_assert_int_eq(parsed("£99,999,999.99"), INT64_C(9999999999));
    ck_assert_int_eq(parsed("99999999.99"), INT64_C(9999999999));
    ck_assert_int_eq(parsed("99999999"), INT64_C(9999999900));
    ck_assert_int_eq(parsed("£100,000,000.00"), INT64_C(10000000000));
    ck_assert_int_eq(parsed("0"), 0);
    ck_assert_int_eq(parsed("0.01"), 1);
    ck_assert_int_eq(parsed("1.5"), 150);
    ck_assert_int_eq(parsed("  £1,000  "), 100000);
    ck_assert_int_eq(parsed("999"), 99900);
    ck_assert_int_eq(parsed("1,000"), 100000);
}
END_TEST

START_TEST(parse_suffixes_exact)
{
    ck_assert_int_eq(parsed("£100m"), INT64_C(10000000000));
    ck_assert_int_eq(parsed("£1.5bn"), INT64_C(150000000000));
    ck_assert_int_eq(parsed("£250k"), INT64_C(25000000));
    ck_assert_int_eq(parsed("£1.5m"), INT64_C(150000000));
    ck_assert_int_eq(parsed("1.5M"), INT64_C(150000000));
    ck_assert_int_eq(parsed("2BN"), INT64_C(200000000000));
    ck_assert_int_eq(parsed("2Bn"), INT64_C(200000000000));
    ck_assert_int_eq(parsed("£1.23456789m"), INT64_C(123456789));
    ck_assert_int_eq(parsed("£1.2345678m"), INT64_C(123456780));
    ck_assert_int_eq(parsed("£1.50000000000000000000m"), INT64_C(150000000));
    ck_assert_int_eq(parsed("£0.00001k"), 1);
    ck_assert_int_eq(parsed("£1,500m"), INT64_C(150000000000));
    ck_assert_int_eq(parsed("£100bn"), INT64_C(10000000000000));
}
END_TEST

START_TEST(parse_rejects_malformed)
{
    const char *bad[] = {"",          " ",      "£",      "abc",       "1.505", "1.",
                         ".5",        "1,00",   "1,0000", "12345,678", ",100",  "100,",
                         "1,000.5,0", "£ 100",  "100 m",  "1e6",       "+5",    "1.5x",
                         "1.5mm",     "bn",     "1bN",    "GBP100",    "£-5",   "--5",
                         "1..5",      "1,,000", "0x10",   "1.5 0",     "\xC2"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(parse_status(bad[i]) == TA_EPARSE, "accepted \"%s\"", bad[i]);
    /* half a pound sign after a digit: the sign is the two bytes C2 A3 together */
    ck_assert_int_eq(parse_status("9\xA3"
                                  "5"),
                     TA_EPARSE);
}
END_TEST

START_TEST(parse_rejects_out_of_range)
{
    ck_assert_int_eq(parse_status("£92,233,720,368,547,758.08"), TA_ERANGE);
    ck_assert_int_eq(parsed("£92,233,720,368,547,758.07"), INT64_MAX);
    ck_assert_int_eq(parse_status("99999999999999999999999999"), TA_ERANGE);
    ck_assert_int_eq(parse_status("£100000000bn"), TA_ERANGE);
    ck_assert_int_eq(parse_status("£92233720.36854775808bn"), TA_ERANGE);
    ck_assert_int_eq(parse_status("£1.234567891m"), TA_ERANGE); /* fractional pence */
    ck_assert_int_eq(parse_status("£0.000001k"), TA_ERANGE);
    ck_assert_int_eq(parse_status("-£0.01"), TA_ERANGE);
    ck_assert_int_eq(parse_status("-0"), TA_ERANGE);
    ck_assert_int_eq(parse_status("-5"), TA_ERANGE);
}
END_TEST

START_TEST(parse_signed_and_args)
{
    int64_t v;
    ck_assert_int_eq(ta_money_parse_signed(&v, "-£0.01"), TA_OK);
    ck_assert_int_eq(v, -1);
    ck_assert_int_eq(ta_money_parse_signed(&v, "-£92,233,720,368,547,758.07"), TA_OK);
    ck_assert_int_eq(v, -INT64_MAX);
    ck_assert_int_eq(ta_money_parse_signed(&v, "-£92,233,720,368,547,758.08"), TA_ERANGE);
    ck_assert_int_eq(ta_money_parse_signed(&v, "£5"), TA_OK);
    ck_assert_int_eq(v, 500);
    ck_assert_int_eq(ta_money_parse(NULL, "1"), TA_EINVAL);
    ck_assert_int_eq(ta_money_parse(&v, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_money_parse_signed(NULL, "1"), TA_EINVAL);
    ck_assert_int_eq(ta_money_parse_n(&v, "12345", 3), TA_OK);
    ck_assert_int_eq(v, 12300);
    ck_assert_int_eq(ta_money_parse_n(&v, NULL, 0), TA_EINVAL);
}
END_TEST

/* Rule: ta_money_parse_n reads the len bytes it is given and no more, at
 * each look-ahead: the digits of a fraction, a suffix, blanks. Buffers on the
 * heap, so that a read past len is also a sanitizer error. */
START_TEST(parse_n_reads_only_len_bytes)
{
    int64_t v = -1;
    char *p = malloc(8);
    ck_assert_ptr_nonnull(p);
    memcpy(p, "5.55k  ", 8);
    ck_assert_int_eq(ta_money_parse_n(&v, p, 3), TA_OK);
    ck_assert_int_eq(v, 550);
    ck_assert_int_eq(ta_money_parse_n(&v, p, 4), TA_OK);
    ck_assert_int_eq(v, 555);
    ck_assert_int_eq(ta_money_parse_n(&v, p, 1), TA_OK);
    ck_assert_int_eq(v, 500);
    ck_assert_int_eq(ta_money_parse_n(&v, p + 5, 2), TA_EPARSE);
    ck_assert_int_eq(ta_money_parse_n(&v, p + 6, 1), TA_EPARSE);
    ck_assert_int_eq(ta_money_parse_n(&v, p + 7, 0), TA_EPARSE);
    free(p);
}
END_TEST

START_TEST(format_cases)
{
    char b[TA_MONEY_BUFSIZE];
    const unsigned pg = TA_MONEY_POUND | TA_MONEY_GROUPED;
    ck_assert_int_eq(ta_money_format(b, sizeof b, INT64_C(9999999999), pg), TA_OK);
    ck_assert_str_eq(b, "£99,999,999.99");
    ck_assert_int_eq(ta_money_format(b, sizeof b, INT64_C(9999999999), TA_MONEY_PLAIN), TA_OK);
    ck_assert_str_eq(b, "99999999.99");
    ck_assert_int_eq(ta_money_format(b, sizeof b, -1, pg), TA_OK);
    ck_assert_str_eq(b, "-£0.01");
    ck_assert_int_eq(ta_money_format(b, sizeof b, 0, TA_MONEY_POUND), TA_OK);
    ck_assert_str_eq(b, "£0.00");
    ck_assert_int_eq(ta_money_format(b, sizeof b, 100000, TA_MONEY_GROUPED), TA_OK);
    ck_assert_str_eq(b, "1,000.00");
    ck_assert_int_eq(ta_money_format(b, sizeof b, 99999, TA_MONEY_GROUPED), TA_OK);
    ck_assert_str_eq(b, "999.99");
    ck_assert_int_eq(ta_money_format(b, sizeof b, INT64_MAX, pg), TA_OK);
    ck_assert_str_eq(b, "£92,233,720,368,547,758.07");
    ck_assert_int_eq(ta_money_format(b, sizeof b, INT64_MIN, pg), TA_OK);
    ck_assert_str_eq(b, "-£92,233,720,368,547,758.08");
    ck_assert_int_eq(ta_money_format(b, 6, 12345, TA_MONEY_PLAIN), TA_ERANGE);
    ck_assert_str_eq(b, "");
    /* Too small, even of size 1: the buffer holds "" afterwards, never old text. */
    memcpy(b, "xyz", 4);
    ck_assert_int_eq(ta_money_format(b, 1, 12345, TA_MONEY_PLAIN), TA_ERANGE);
    ck_assert_str_eq(b, "");
    memcpy(b, "xyz", 4);
    ck_assert_int_eq(ta_money_format(b, 0, 12345, TA_MONEY_PLAIN), TA_ERANGE);
    ck_assert_str_eq(b, "xyz");
    ck_assert_int_eq(ta_money_format(b, 7, 12345, TA_MONEY_PLAIN), TA_OK);
    ck_assert_str_eq(b, "123.45");
    ck_assert_int_eq(ta_money_format(NULL, 10, 1, 0), TA_EINVAL);
    ck_assert_int_eq(ta_money_format(b, sizeof b, 1, 4u), TA_EINVAL);
}
END_TEST

static uint64_t splitmix64(uint64_t *state)
{
    uint64_t z = (*state += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

START_TEST(round_trips)
{
    uint64_t seed = 20251112;
    char b[TA_MONEY_BUFSIZE];
    for (int i = 0; i < 200000; i++) {
        uint64_t r = splitmix64(&seed);
        /* Spread magnitudes over every number of digits. */
        int64_t v = (int64_t)(r >> (1 + splitmix64(&seed) % 63));
        if (i % 3 == 0)
            v = -v;
        unsigned flags = (unsigned)(i % 4);
        int64_t back = 0, unsigned_back = 0;
        /* Plain ifs: a ck_assert per iteration costs a write() each. */
        if (ta_money_format(b, sizeof b, v, flags) != TA_OK ||
            ta_money_parse_signed(&back, b) != TA_OK || back != v)
            ck_abort_msg("%lld (flags %u) formats as \"%s\" and parses back as %lld", (long long)v,
                         flags, b, (long long)back);
        if (v >= 0 && (ta_money_parse(&unsigned_back, b) != TA_OK || unsigned_back != v))
            ck_abort_msg("\"%s\" parses unsigned as %lld", b, (long long)unsigned_back);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("money");
    TCase *tc = tcase_create("money");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, parse_plain_and_grouped);
    tcase_add_test(tc, parse_suffixes_exact);
    tcase_add_test(tc, parse_rejects_malformed);
    tcase_add_test(tc, parse_rejects_out_of_range);
    tcase_add_test(tc, parse_signed_and_args);
    tcase_add_test(tc, format_cases);
    tcase_add_test(tc, parse_n_reads_only_len_bytes);
    tcase_add_test(tc, round_trips);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? 0 : 1;
}
