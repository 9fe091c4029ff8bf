/*
 * Fuzzes the RFC 4180 CSV reader (lib/common/csv.h) that every file format of
 * the library goes through.
 *
 * The fuzzer's bytes are the whole file, not NUL-terminated, so ASan catches
 * any read past the end. For each record the harness checks what the reader
 * promises: every field is NUL-terminated at its reported length with no NUL
 * inside, columns are 1-based, lines only grow, and an error leaves a
 * "NAME:LINE:COLUMN: what" message.
 */
#include "common/alloc.h"
#include "common/csv.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ta_allocator a;
    tai_csv r;
    tai_error err;
    int has = 0;
    size_t last_line = 0;
    ta_status st;

    FUZZ_CHECK(tai_alloc_init(&a, NULL) == TA_OK, "alloc init");
    tai_csv_init(&r, &a, "fuzz.csv", (const char *)data, size);
    err.msg[0] = '\0';
    while ((st = tai_csv_next(&r, &has, &err)) == TA_OK && has) {
        size_t n = tai_csv_field_count(&r);
        size_t line = tai_csv_record_line(&r);
        FUZZ_CHECK(n >= 1, "a record has %zu fields", n);
        FUZZ_CHECK(line > last_line, "record line %zu after %zu", line, last_line);
        last_line = line;
        for (size_t i = 0; i < n; i++) {
            size_t len = 0;
            const char *f = tai_csv_field(&r, i, &len);
            FUZZ_CHECK(f != NULL, "field %zu is NULL", i);
            FUZZ_CHECK(strlen(f) == len, "field %zu: strlen %zu, length %zu", i, strlen(f), len);
            FUZZ_CHECK(len <= size, "field longer than the input");
            FUZZ_CHECK(tai_csv_field_column(&r, i) >= 1, "column 0");
        }
    }
    if (st != TA_OK) {
        FUZZ_CHECK(st == TA_EPARSE || st == TA_ENOMEM, "status %d", (int)st);
        FUZZ_CHECK(strncmp(err.msg, "fuzz.csv:", 9) == 0, "message '%s'", err.msg);
    }
    tai_csv_free(&r);
    return 0;
}
