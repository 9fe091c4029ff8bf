/*
 * Tests of lib/common/csv.c: RFC 4180 records, line and column numbers,
 * each malformation's exact message, allocation failures, and NHS England's
 * 2.3 MB data file read whole.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/alloc.h"
#include "common/csv.h"
#include "common/file.h"

/* An allocator that counts live blocks and calls, and fails call number fail_at. */
typedef struct counter {
    size_t live, calls, fail_at;
} counter;

static void *count_malloc(void *ctx, size_t size)
{
    counter *c = ctx;
    void *p;

    if (++c->calls == c->fail_at)
        return NULL;
    p = malloc(size);
    if (p != NULL)
        c->live++;
    return p;
}

static void *count_realloc(void *ctx, void *ptr, size_t size)
{
    counter *c = ctx;

    if (ptr == NULL)
        return count_malloc(ctx, size);
    if (++c->calls == c->fail_at)
        return NULL;
    return realloc(ptr, size);
}

static void count_free(void *ctx, void *ptr)
{
    counter *c = ctx;

    if (ptr != NULL)
        c->live--;
    free(ptr);
}

static ta_allocator counting(counter *c)
{
    ta_allocator a = {count_malloc, count_realloc, count_free, c};
    return a;
}

/* Renders every record as "[f1][f2]\n"; returns the status of the last call. */
static ta_status render(const char *data, size_t len, char *out, size_t out_size, size_t *records)
{
    ta_allocator a;
    tai_csv r;
    tai_error err;
    ta_status st;
    int has;
    size_t n = 0, i, flen;
    const char *f;

    tai_alloc_init(&a, NULL);
    tai_csv_init(&r, &a, "t.csv", data, len);
    out[0] = '\0';
    *records = 0;
    while ((st = tai_csv_next(&r, &has, &err)) == TA_OK && has) {
        (*records)++;
        for (i = 0; i < tai_csv_field_count(&r); i++) {
            f = tai_csv_field(&r, i, &flen);
            ck_assert_uint_eq(strlen(f), flen);
            ck_assert_uint_lt(n + flen + 3, out_size);
            out[n++] = '[';
            memcpy(out + n, f, flen);
            n += flen;
            out[n++] = ']';
        }
        out[n++] = '\n';
        out[n] = '\0';
    }
    tai_csv_free(&r);
    return st;
}

static void check_records(const char *data, const char *expected, size_t expected_records)
{
    char out[1024];
    size_t records;

    ck_assert_int_eq(render(data, strlen(data), out, sizeof out, &records), TA_OK);
    ck_assert_str_eq(out, expected);
    ck_assert_uint_eq(records, expected_records);
}

/* Parses data (len bytes) expecting TA_EPARSE with exactly `message`. */
static void check_error(const char *name, const char *data, size_t len, const char *message)
{
    ta_allocator a;
    tai_csv r;
    tai_error err;
    int has = 1;
    ta_status st;

    tai_alloc_init(&a, NULL);
    tai_csv_init(&r, &a, name, data, len);
    while ((st = tai_csv_next(&r, &has, &err)) == TA_OK && has)
        ;
    ck_assert_int_eq(st, TA_EPARSE);
    ck_assert_str_eq(err.msg, message);
    ck_assert_uint_eq(tai_csv_field_count(&r), 0);
    /* After an error the reader reports the end of the data. */
    ck_assert_int_eq(tai_csv_next(&r, &has, &err), TA_OK);
    ck_assert_int_eq(has, 0);
    tai_csv_free(&r);
}

START_TEST(test_line_ends)
{
    check_records("a,b\nc,d\n", "[a][b]\n[c][d]\n", 2);
    check_records("a,b\nc,d", "[a][b]\n[c][d]\n", 2);
    check_records("a,b\r\nc,d\r\n", "[a][b]\n[c][d]\n", 2);
    check_records("a,b\rc,d\r", "[a][b]\n[c][d]\n", 2);
    check_records("a\r\n\r\nb", "[a]\n[]\n[b]\n", 3);
    check_records("a\n\nb\n", "[a]\n[]\n[b]\n", 3);
    check_records("\n", "[]\n", 1);
    check_records("", "", 0);
}
END_TEST

START_TEST(test_bom)
{
    ta_allocator a;
    tai_csv r;
    tai_error err;
    int has;
    const char *data = "\xEF\xBB\xBFh1,h2\n1,2\n";

    check_records(data, "[h1][h2]\n[1][2]\n", 2);
    check_records("\xEF\xBB\xBF", "", 0);
    /* Only a leading BOM is skipped. */
    check_records("a\n\357\273\277b", "[a]\n[\357\273\277b]\n", 2);
    tai_alloc_init(&a, NULL);
    tai_csv_init(&r, &a, "t.csv", data, strlen(data));
    ck_assert_int_eq(tai_csv_next(&r, &has, &err), TA_OK);
    ck_assert_int_eq(has, 1);
    ck_assert_uint_eq(tai_csv_field_column(&r, 0), 1);
    ck_assert_uint_eq(tai_csv_field_column(&r, 1), 4);
    tai_csv_free(&r);
}
END_TEST

START_TEST(test_quotes)
{
    check_records("\"a,b\",c\n", "[a,b][c]\n", 1);
    check_records("\"he said \"\"hi\"\"\",x", "[he said \"hi\"][x]\n", 1);
    check_records("\"\",\"\"\"\"", "[][\"]\n", 1);
    check_records("\"a\"\r\n\"b\"\r", "[a]\n[b]\n", 2);
    check_records("x,\"\"", "[x][]\n", 1);
}
END_TEST

START_TEST(test_empty_fields)
{
    check_records(",,\n", "[][][]\n", 1);
    check_records("a,,b", "[a][][b]\n", 1);
    check_records("a,", "[a][]\n", 1);
    check_records(",a\n,\n", "[][a]\n[][]\n", 2);
}
END_TEST

START_TEST(test_embedded_newlines)
{
    ta_allocator a;
    tai_csv r;
    tai_error err;
    int has;
    size_t len;
    const char *data = "\"l1\nl2\r\nl3\",x\ny,\"z\"\n";

    check_records(data, "[l1\nl2\r\nl3][x]\n[y][z]\n", 2);
    tai_alloc_init(&a, NULL);
    tai_csv_init(&r, &a, "t.csv", data, strlen(data));
    ck_assert_int_eq(tai_csv_next(&r, &has, &err), TA_OK);
    ck_assert_int_eq(tai_csv_record_line(&r), 1);
    ck_assert_str_eq(tai_csv_field(&r, 0, &len), "l1\nl2\r\nl3");
    ck_assert_uint_eq(len, 9);
    ck_assert_uint_eq(tai_csv_field_column(&r, 0), 1);
    ck_assert_uint_eq(tai_csv_field_column(&r, 1), 5); /* `l3",x` on line 3 */
    ck_assert_int_eq(tai_csv_next(&r, &has, &err), TA_OK);
    ck_assert_int_eq(has, 1);
    ck_assert_uint_eq(tai_csv_record_line(&r), 4);
    ck_assert_uint_eq(tai_csv_field_column(&r, 1), 3);
    ck_assert_int_eq(tai_csv_next(&r, &has, &err), TA_OK);
    ck_assert_int_eq(has, 0);
    tai_csv_free(&r);
}
END_TEST

START_TEST(test_fields_and_columns)
{
    ta_allocator a;
    tai_csv r;
    tai_error err;
    int has;
    size_t len = 99;
    const char *data = "ab,\"cd\",e\n";

    tai_alloc_init(&a, NULL);
    tai_csv_init(&r, &a, "t.csv", data, strlen(data));
    ck_assert_int_eq(tai_csv_next(&r, &has, &err), TA_OK);
    ck_assert_uint_eq(tai_csv_field_count(&r), 3);
    ck_assert_uint_eq(tai_csv_field_column(&r, 0), 1);
    ck_assert_uint_eq(tai_csv_field_column(&r, 1), 4);
    ck_assert_uint_eq(tai_csv_field_column(&r, 2), 9);
    ck_assert_str_eq(tai_csv_field(&r, 1, &len), "cd");
    ck_assert_uint_eq(len, 2);
    ck_assert_str_eq(tai_csv_field(&r, 2, NULL), "e");
    ck_assert_ptr_null(tai_csv_field(&r, 3, &len));
    ck_assert_uint_eq(len, 0);
    ck_assert_uint_eq(tai_csv_field_column(&r, 3), 0);
    tai_csv_free(&r);
    tai_csv_free(&r); /* a freed reader may be freed again */
    tai_csv_free(NULL);
}
END_TEST

START_TEST(test_errors)
{
    check_error("t.csv", "ab,c\"d,e\n", 9, "t.csv:1:5: quote inside an unquoted field");
    check_error("t.csv", "x\nab,\"cd\"e\n", 11,
                "t.csv:2:8: unexpected character after closing quote");
    check_error("t.csv", "\"a\" ,b", 6, "t.csv:1:4: unexpected character after closing quote");
    check_error("t.csv", "a,b\nc,\"d\ne,f\n", 13, "t.csv:2:3: quoted field is not terminated");
    check_error("t.csv", "\"", 1, "t.csv:1:1: quoted field is not terminated");
    check_error("t.csv", "a,b\nc\0d\n", 8, "t.csv:2:2: NUL byte in input");
    check_error("t.csv", "\"a\0\"", 4, "t.csv:1:3: NUL byte in input");
    /* inside quotes on a later line: the column counts from that line's start */
    check_error("t.csv", "x\n\"ab\0\"", 7, "t.csv:2:4: NUL byte in input");
    /* A quote that spans lines and is followed by text: reported where it
     * was opened (an unterminated quote that swallowed lines), naming the
     * quote that closed it. */
    check_error("t.csv", "\"a\nb\"x", 6,
                "t.csv:1:1: quoted field is not terminated (the quote on line 2, column 2 that "
                "would close it is followed by text)");
    check_error("t.csv", "h\nk,\"a\r\nb\"\"\r\nc\"x\n", 17,
                "t.csv:2:3: quoted field is not terminated (the quote on line 4, column 2 that "
                "would close it is followed by text)");
    /* Not UTF-8: a stray continuation byte, an overlong form, a surrogate,
     * a code point above U+10FFFF, a sequence cut short; valid text passes. */
    check_error("t.csv", "a,b\nc,d\200e\n", 11, "t.csv:2:4: invalid UTF-8");
    check_error("t.csv", "\"x\ny\300\257\"\n", 8, "t.csv:2:2: invalid UTF-8");
    /* Inside a quoted field a CRLF, a lone CR and a lone LF each end one line. */
    check_error("t.csv", "\"x\r\nyz\300\257\"\n", 10, "t.csv:2:3: invalid UTF-8");
    check_error("t.csv", "\"x\ryz\300\257\"\n", 9, "t.csv:2:3: invalid UTF-8");
    check_error("t.csv", "\"\r\n\r\n\n\r\300\"", 9, "t.csv:5:1: invalid UTF-8");
    check_error("t.csv", "a\r\n\"\r\nb\300\"", 9, "t.csv:3:2: invalid UTF-8");
    check_error("t.csv", "\355\240\200", 3, "t.csv:1:1: invalid UTF-8");
    check_error("t.csv", "ab\364\220\200\200", 6, "t.csv:1:3: invalid UTF-8");
    check_error("t.csv", "\r\r\342\202", 4, "t.csv:3:1: invalid UTF-8");
    /* A sequence cut short by len, though the bytes after len would finish it. */
    check_error("t.csv", "a\342\202\254", 3, "t.csv:1:2: invalid UTF-8");
    check_records("\303\251,\342\202\254\n\360\237\230\200,\355\237\277\n",
                  "[\303\251][\342\202\254]\n[\360\237\230\200][\355\237\277]\n", 2);
    check_error("t.csv", "\357\273\277a\"", 5, "t.csv:1:2: quote inside an unquoted field");
    check_error(NULL, "a\"", 2, "input:1:2: quote inside an unquoted field");
}
END_TEST

/* Records parsed with every allocation failing in turn: ENOMEM or success,
 * never a leak, and success gives the same records. */
START_TEST(test_enomem)
{
    const char *data = "a,\"b,\"\"c\"\"\",d\n"
                       "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19\n"
                       "\"long quoted field with\nnewline and more text to force growth\",x\n";
    size_t fail_at, failures = 0;

    for (fail_at = 1;; fail_at++) {
        counter c = {0, 0, fail_at};
        ta_allocator a = counting(&c);
        tai_csv r;
        tai_error err;
        int has;
        size_t records = 0;
        ta_status st;

        tai_csv_init(&r, &a, "t.csv", data, strlen(data));
        size_t fields_left;

        while ((st = tai_csv_next(&r, &has, &err)) == TA_OK && has)
            records++;
        fields_left = tai_csv_field_count(&r);
        tai_csv_free(&r);
        ck_assert_uint_eq(c.live, 0);
        if (c.calls < fail_at) { /* nothing failed */
            ck_assert_int_eq(st, TA_OK);
            ck_assert_uint_eq(records, 3);
            break;
        }
        ck_assert_int_eq(st, TA_ENOMEM);
        ck_assert_str_eq(err.msg, "t.csv: out of memory reading CSV");
        ck_assert_uint_eq(fields_left, 0); /* like a parse error: no half-read record */
        ck_assert_int_eq(tai_csv_next(&r, &has, &err), TA_OK);
        ck_assert_int_eq(has, 0);
        tai_csv_free(&r);
        failures++;
    }
    ck_assert_uint_ge(failures, 4);
}
END_TEST

START_TEST(test_real_file)
{
    counter c = {0, 0, 0};
    ta_allocator a = counting(&c);
    tai_csv r;
    tai_error err;
    char *data;
    size_t len, records = 0, bad_width = 0, reader_calls, flen;
    int has;
    ta_status st;

    ck_assert_int_eq(
        tai_read_file(&a, TA_TEST_DATA_DIR "/mental-health-and-community-trust-data-q1-q4.csv",
                      &data, &len, &err),
        TA_OK);
    reader_calls = c.calls;
    tai_csv_init(&r, &a, "mh.csv", data, len);
    while ((st = tai_csv_next(&r, &has, &err)) == TA_OK && has) {
        if (records == 0) {
            ck_assert_str_eq(tai_csv_field(&r, 0, &flen), "Quarter");
            ck_assert_uint_eq(flen, 7);
            ck_assert_str_eq(tai_csv_field(&r, 16, NULL), "Rank");
        } else if (records == 1) {
            ck_assert_str_eq(tai_csv_field(&r, 4, NULL), "R1A");
            ck_assert_str_eq(tai_csv_field(&r, 12, NULL), "9.03");
            ck_assert_str_eq(tai_csv_field(&r, 16, NULL), "33.0");
            ck_assert_uint_eq(tai_csv_record_line(&r), 2);
        }
        if (tai_csv_field_count(&r) != 17)
            bad_width++;
        records++;
    }
    ck_assert_int_eq(st, TA_OK);
    ck_assert_uint_eq(records, 8772);
    ck_assert_uint_eq(bad_width, 0);
    /* Buffers are reused: a handful of allocations for 150 000 fields. */
    ck_assert_uint_le(c.calls - reader_calls, 32);
    tai_csv_free(&r);
    tai_free(&a, data);
    ck_assert_uint_eq(c.live, 0);
}
END_TEST

/* Rule: the reader reads the len bytes it is given and not one more, at
 * every place that looks ahead (the end of a plain field, a quoted field, a
 * doubled quote, a CR before LF inside quotes): each buffer below goes on
 * past len with bytes that would change the records if they were read. */
START_TEST(test_reads_only_len_bytes)
{
    char out[256];
    size_t records;

    check_error("t.csv", "\"abxyz\"", 3, "t.csv:1:1: quoted field is not terminated");
    check_error("t.csv", "k,\"a\r\nb\"", 5, "t.csv:1:3: quoted field is not terminated");
    ck_assert_int_eq(render("ab,cd", 4, out, sizeof out, &records), TA_OK);
    ck_assert_str_eq(out, "[ab][c]\n");
    ck_assert_uint_eq(records, 1);
    ck_assert_int_eq(render("\"a\"\"b\"", 3, out, sizeof out, &records), TA_OK);
    ck_assert_str_eq(out, "[a]\n");
    ck_assert_uint_eq(records, 1);
    ck_assert_int_eq(render("a,b\r\nc", 4, out, sizeof out, &records), TA_OK);
    ck_assert_str_eq(out, "[a][b]\n");
    ck_assert_uint_eq(records, 1);
    /* An empty last field, and the last record without a line break: the
     * byte after len (a quote, a byte that is not UTF-8) is not looked at. */
    ck_assert_int_eq(render("a,\"b\"", 2, out, sizeof out, &records), TA_OK);
    ck_assert_str_eq(out, "[a][]\n");
    ck_assert_uint_eq(records, 1);
    ck_assert_int_eq(render("ab\377", 2, out, sizeof out, &records), TA_OK);
    ck_assert_str_eq(out, "[ab]\n");
    ck_assert_uint_eq(records, 1);
    ck_assert_int_eq(render("ab\r\377", 3, out, sizeof out, &records), TA_OK);
    ck_assert_str_eq(out, "[ab]\n");
    ck_assert_uint_eq(records, 1);
}
END_TEST

/* The RFC 3629 table written out (section 4), independently of the reader:
 * the index of the first byte of s[0 .. n-1] that does not start a
 * well-formed sequence, or n when all are well formed. */
static size_t first_invalid_utf8(const unsigned char *s, size_t n)
{
    static const struct {
        unsigned char lead_lo, lead_hi, second_lo, second_hi, need;
    } forms[] = {
        {0xC2, 0xDF, 0x80, 0xBF, 2}, {0xE0, 0xE0, 0xA0, 0xBF, 3}, {0xE1, 0xEC, 0x80, 0xBF, 3},
        {0xED, 0xED, 0x80, 0x9F, 3}, {0xEE, 0xEF, 0x80, 0xBF, 3}, {0xF0, 0xF0, 0x90, 0xBF, 4},
        {0xF1, 0xF3, 0x80, 0xBF, 4}, {0xF4, 0xF4, 0x80, 0x8F, 4},
    };
    size_t k = 0;

    while (k < n) {
        size_t f, m, step = 0;
        if (s[k] < 0x80) {
            k++;
            continue;
        }
        for (f = 0; f < sizeof forms / sizeof forms[0]; f++)
            if (s[k] >= forms[f].lead_lo && s[k] <= forms[f].lead_hi)
                break;
        if (f < sizeof forms / sizeof forms[0] && k + forms[f].need <= n &&
            s[k + 1] >= forms[f].second_lo && s[k + 1] <= forms[f].second_hi) {
            step = forms[f].need;
            for (m = 2; m < forms[f].need; m++)
                if (s[k + m] < 0x80 || s[k + m] > 0xBF)
                    step = 0;
        }
        if (step == 0)
            return k;
        k += step;
    }
    return n;
}

/* Rule: a record is refused, at the first byte that is not, unless it is
 * UTF-8 as RFC 3629 defines it: every lead byte from 0x80 to 0xFF, followed
 * by bytes at the edges of each form's ranges, whole or cut short by the end
 * of the data, against the table above. */
START_TEST(test_utf8_forms)
{
    static const unsigned char second[] = {0x41, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0};
    static const unsigned char later[] = {0x41, 0x80, 0xBF, 0xC0};
    size_t checked = 0, refused = 0;

    for (unsigned lead = 0x80; lead <= 0xFF; lead++)
        for (size_t i = 0; i < sizeof second; i++)
            for (size_t j = 0; j < sizeof later; j++)
                for (size_t k = 0; k < sizeof later; k++) {
                    const unsigned char b[4] = {(unsigned char)lead, second[i], later[j], later[k]};
                    for (size_t len = 1; len <= 4; len++) {
                        ta_allocator a;
                        tai_csv r;
                        tai_error err;
                        int has = 0;
                        size_t bad = first_invalid_utf8(b, len);
                        ta_status st;
                        char expected[64];

                        tai_alloc_init(&a, NULL);
                        tai_csv_init(&r, &a, "t.csv", (const char *)b, len);
                        st = tai_csv_next(&r, &has, &err);
                        if (bad == len) {
                            if (st != TA_OK || !has)
                                ck_abort_msg("%02X %02X %02X %02X (%zu bytes) refused: %s", b[0],
                                             b[1], b[2], b[3], len, err.msg);
                        } else {
                            snprintf(expected, sizeof expected, "t.csv:1:%zu: invalid UTF-8",
                                     bad + 1);
                            if (st != TA_EPARSE || strcmp(err.msg, expected) != 0)
                                ck_abort_msg("%02X %02X %02X %02X (%zu bytes): status %d, "
                                             "expected \"%s\"",
                                             b[0], b[1], b[2], b[3], len, (int)st, expected);
                            refused++;
                        }
                        tai_csv_free(&r);
                        checked++;
                    }
                }
    ck_assert_uint_eq(checked, 128 * 8 * 4 * 4 * 4);
    ck_assert_uint_gt(refused, 0);
    ck_assert_uint_lt(refused, checked);
}
END_TEST

/* Rule: a field index at or past the current record's count has no text and
 * column 0, even where an earlier, longer record had a field. */
START_TEST(test_field_index_past_count)
{
    const char *data = "a,b,c\nd,e\n";
    ta_allocator a;
    tai_csv r;
    tai_error err;
    int has = 0;
    size_t len = 7;

    tai_alloc_init(&a, NULL);
    tai_csv_init(&r, &a, "t.csv", data, strlen(data));
    ck_assert_int_eq(tai_csv_next(&r, &has, &err), TA_OK);
    ck_assert_uint_eq(tai_csv_field_column(&r, 2), 5);
    ck_assert_int_eq(tai_csv_next(&r, &has, &err), TA_OK);
    ck_assert_int_eq(has, 1);
    ck_assert_uint_eq(tai_csv_field_count(&r), 2);
    ck_assert_uint_eq(tai_csv_field_column(&r, 1), 3);
    ck_assert_uint_eq(tai_csv_field_column(&r, 2), 0);
    ck_assert_ptr_null(tai_csv_field(&r, 2, &len));
    ck_assert_uint_eq(len, 0);
    tai_csv_free(&r);
}
END_TEST

static Suite *csv_suite(void)
{
    Suite *s = suite_create("csv");
    TCase *tc = tcase_create("core");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_line_ends);
    tcase_add_test(tc, test_bom);
    tcase_add_test(tc, test_quotes);
    tcase_add_test(tc, test_empty_fields);
    tcase_add_test(tc, test_embedded_newlines);
    tcase_add_test(tc, test_fields_and_columns);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_enomem);
    tcase_add_test(tc, test_real_file);
    tcase_add_test(tc, test_reads_only_len_bytes);
    tcase_add_test(tc, test_utf8_forms);
    tcase_add_test(tc, test_field_index_past_count);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(csv_suite());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
