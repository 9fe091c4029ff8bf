/*
 * Tests of lib/common's alloc, error, strmap and file: the allocator
 * contract (copies, zero sizes, overflow, failure leaving state intact), the
 * hand-written message formatter, the hash map at 100 000 keys and under
 * allocation failure, and whole-file reading.
 */
#include <check.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/alloc.h"
#include "common/error.h"
#include "common/file.h"
#include "common/strmap.h"
#include "common/text.h"

/* Counts live blocks and calls, records misuse, and fails call number fail_at. */
typedef struct counter {
    size_t live, calls, fail_at;
    size_t mallocs, reallocs, frees;
    size_t zero_sizes, null_reallocs, null_frees;
    size_t last_size;
} counter;

static void *count_malloc(void *ctx, size_t size)
{
    counter *c = ctx;
    void *p;

    c->mallocs++;
    c->last_size = size;
    if (size == 0)
        c->zero_sizes++;
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

    c->reallocs++;
    c->last_size = size;
    if (size == 0)
        c->zero_sizes++;
    if (ptr == NULL)
        c->null_reallocs++;
    if (++c->calls == c->fail_at)
        return NULL;
    return realloc(ptr, size);
}

static void count_free(void *ctx, void *ptr)
{
    counter *c = ctx;

    c->frees++;
    if (ptr == NULL)
        c->null_frees++;
    else
        c->live--;
    free(ptr);
}

static ta_allocator counting(counter *c)
{
    ta_allocator a = {count_malloc, count_realloc, count_free, c};
    return a;
}

START_TEST(test_alloc_init)
{
    counter c = {0};
    ta_allocator src = counting(&c), dst, std;
    void *p;

    ck_assert_int_eq(tai_alloc_init(&dst, &src), TA_OK);
    ck_assert_ptr_eq(dst.ctx, &c);
    ck_assert(dst.malloc_fn == count_malloc && dst.realloc_fn == count_realloc &&
              dst.free_fn == count_free);
    ck_assert_int_eq(tai_alloc_init(&std, NULL), TA_OK);
    ck_assert(std.malloc_fn != NULL && std.realloc_fn != NULL && std.free_fn != NULL);
    p = tai_malloc(&std, 10);
    ck_assert_ptr_nonnull(p);
    p = tai_realloc(&std, p, 100000);
    ck_assert_ptr_nonnull(p);
    tai_free(&std, p);
    src.malloc_fn = NULL;
    ck_assert_int_eq(tai_alloc_init(&dst, &src), TA_EINVAL);
    src = counting(&c);
    src.realloc_fn = NULL;
    ck_assert_int_eq(tai_alloc_init(&dst, &src), TA_EINVAL);
    src = counting(&c);
    src.free_fn = NULL;
    ck_assert_int_eq(tai_alloc_init(&dst, &src), TA_EINVAL);
    ck_assert_int_eq(tai_alloc_init(NULL, NULL), TA_EINVAL);
}
END_TEST

START_TEST(test_alloc_contract)
{
    counter c = {0};
    ta_allocator a = counting(&c);
    unsigned char *p, *q;
    size_t i;

    /* Size 0 asks for one byte; realloc of NULL is malloc; free of NULL is skipped. */
    p = tai_malloc(&a, 0);
    ck_assert_ptr_nonnull(p);
    ck_assert_uint_eq(c.last_size, 1);
    p = tai_realloc(&a, p, 0);
    ck_assert_ptr_nonnull(p);
    ck_assert_uint_eq(c.last_size, 1);
    tai_free(&a, p);
    p = tai_realloc(&a, NULL, 16);
    ck_assert_ptr_nonnull(p);
    ck_assert_uint_eq(c.null_reallocs, 0);
    ck_assert_uint_eq(c.mallocs, 2);
    tai_free(&a, p);
    tai_free(&a, NULL);
    ck_assert_uint_eq(c.null_frees, 0);
    ck_assert_uint_eq(c.zero_sizes, 0);

    p = tai_calloc(&a, 100, 3);
    ck_assert_ptr_nonnull(p);
    for (i = 0; i < 300; i++)
        ck_assert_uint_eq(p[i], 0);
    c.calls = 0;
    ck_assert_ptr_null(tai_calloc(&a, SIZE_MAX / 2, 3));
    ck_assert_ptr_null(tai_reallocarray(&a, p, SIZE_MAX / 4, 8));
    ck_assert_uint_eq(c.calls, 0); /* overflow is caught before the allocator */
    p[299] = 7;                    /* and p is still valid */
    q = tai_reallocarray(&a, p, 200, 3);
    ck_assert_ptr_nonnull(q);
    ck_assert_uint_eq(c.last_size, 600);
    ck_assert_uint_eq(q[299], 7);
    /* A failing realloc leaves the block as it was. */
    c.fail_at = c.calls + 1;
    ck_assert_ptr_null(tai_realloc(&a, q, 1000));
    ck_assert_uint_eq(q[299], 7);
    tai_free(&a, q);
    ck_assert_uint_eq(c.live, 0);
}
END_TEST

START_TEST(test_strdup)
{
    counter c = {0};
    ta_allocator a = counting(&c);
    char *s;

    s = tai_strdup(&a, "hello");
    ck_assert_str_eq(s, "hello");
    tai_free(&a, s);
    s = tai_strndup(&a, "hello", 3);
    ck_assert_str_eq(s, "hel");
    ck_assert_uint_eq(c.last_size, 4);
    tai_free(&a, s);
    s = tai_strndup(&a, "hi", 10);
    ck_assert_str_eq(s, "hi");
    tai_free(&a, s);
    s = tai_strdup(&a, "");
    ck_assert_str_eq(s, "");
    tai_free(&a, s);
    ck_assert_ptr_null(tai_strdup(&a, NULL));
    ck_assert_ptr_null(tai_strndup(&a, NULL, 3));
    c.fail_at = c.calls + 1;
    ck_assert_ptr_null(tai_strdup(&a, "x"));
    ck_assert_uint_eq(c.live, 0);
}
END_TEST

START_TEST(test_grow)
{
    counter c = {0};
    ta_allocator a = counting(&c);
    void *array = NULL;
    size_t cap = 0, calls;

    ck_assert_int_eq(tai_grow(&a, &array, &cap, 1, sizeof(int)), TA_OK);
    ck_assert_uint_eq(cap, 8);
    ((int *)array)[7] = 42;
    calls = c.calls;
    ck_assert_int_eq(tai_grow(&a, &array, &cap, 8, sizeof(int)), TA_OK);
    ck_assert_uint_eq(c.calls, calls); /* already big enough: no call */
    ck_assert_int_eq(tai_grow(&a, &array, &cap, 9, sizeof(int)), TA_OK);
    ck_assert_uint_eq(cap, 16);
    ck_assert_int_eq(tai_grow(&a, &array, &cap, 100, sizeof(int)), TA_OK);
    ck_assert_uint_eq(cap, 128);
    ck_assert_int_eq(((int *)array)[7], 42);
    /* Failure and overflow leave array and capacity as they were. */
    c.fail_at = c.calls + 1;
    ck_assert_int_eq(tai_grow(&a, &array, &cap, 129, sizeof(int)), TA_ENOMEM);
    ck_assert_uint_eq(cap, 128);
    ck_assert_int_eq(((int *)array)[7], 42);
    ck_assert_int_eq(tai_grow(&a, &array, &cap, SIZE_MAX / 2, sizeof(int)), TA_ENOMEM);
    ck_assert_uint_eq(cap, 128);
    ck_assert_int_eq(((int *)array)[7], 42);
    tai_free(&a, array);
    ck_assert_uint_eq(c.live, 0);
}
END_TEST

START_TEST(test_error_format)
{
    tai_error e;

    ck_assert_int_eq(
        tai_error_set(&e, TA_EPARSE, "%s:%d:%u: %zu%c %% done", "f.csv", -12, 34u, (size_t)56, 'x'),
        TA_EPARSE);
    ck_assert_str_eq(e.msg, "f.csv:-12:34: 56x % done");
    tai_error_set(&e, TA_EINVAL, "%d %d %u %zu", INT_MIN, INT_MAX, UINT_MAX, SIZE_MAX);
    ck_assert_str_eq(e.msg, "-2147483648 2147483647 4294967295 18446744073709551615");
    tai_error_set(&e, TA_EINVAL, "%d|%u|%zu", 0, 0u, (size_t)0);
    ck_assert_str_eq(e.msg, "0|0|0");
    tai_error_set(&e, TA_EINVAL, "name %s", (const char *)NULL);
    ck_assert_str_eq(e.msg, "name (null)");
    /* Unknown conversions are copied and take no argument. */
    tai_error_set(&e, TA_EINVAL, "%x %zd %f %s 100%", "ok");
    ck_assert_str_eq(e.msg, "%x %zd %f ok 100%");
    ck_assert_int_eq(tai_error_set(&e, TA_OK, NULL), TA_OK);
    ck_assert_str_eq(e.msg, "");
    tai_error_set(&e, TA_EIO, "x");
    tai_error_clear(&e);
    ck_assert_str_eq(e.msg, "");
    ck_assert_int_eq(tai_error_set(NULL, TA_ENOMEM, "%s", "x"), TA_ENOMEM);
    tai_error_clear(NULL);
}
END_TEST

START_TEST(test_error_truncation)
{
    tai_error e;
    char long_text[700];

    memset(long_text, 'a', sizeof long_text - 1);
    long_text[sizeof long_text - 1] = '\0';
    tai_error_set(&e, TA_EINVAL, "%s and more", long_text);
    ck_assert_uint_eq(strlen(e.msg), TAI_ERROR_SIZE - 1);
    /* 510 bytes then a two-byte character: it does not fit and is dropped whole. */
    long_text[510] = '\0';
    tai_error_set(&e, TA_EINVAL, "%s\xC3\xA9", long_text);
    ck_assert_uint_eq(strlen(e.msg), 510);
    /* 509 bytes then the same character: it fits exactly. */
    long_text[509] = '\0';
    tai_error_set(&e, TA_EINVAL, "%s\xC3\xA9", long_text);
    ck_assert_uint_eq(strlen(e.msg), 511);
    ck_assert_str_eq(e.msg + 509, "\xC3\xA9");
    /* A four-byte character cut after two bytes. */
    tai_error_set(&e, TA_EINVAL, "%s--\xF0\x9F\x98\x80", long_text);
    ck_assert_uint_eq(strlen(e.msg), 511);
    ck_assert_str_eq(e.msg + 509, "--");
    tai_error_set(&e, TA_EINVAL, "%s-\xF0\x9F\x98\x80", long_text);
    ck_assert_uint_eq(strlen(e.msg), 510);
}
END_TEST

START_TEST(test_strmap_basic)
{
    counter c = {0};
    ta_allocator a = counting(&c);
    tai_strmap m;
    size_t v = 99;
    int existed = -1;
    char key[4] = "R1A";

    tai_strmap_init(&m, &a);
    ck_assert_int_eq(tai_strmap_get(&m, "x", 1, &v), 0);
    ck_assert_int_eq(tai_strmap_put(&m, key, 3, 7, &existed, &v), TA_OK);
    ck_assert_int_eq(existed, 0);
    ck_assert_uint_eq(v, 7);
    key[0] = 'Z'; /* the map holds its own copy */
    ck_assert_int_eq(tai_strmap_get(&m, "R1A", 3, &v), 1);
    ck_assert_uint_eq(v, 7);
    ck_assert_int_eq(tai_strmap_get(&m, "Z1A", 3, &v), 0);
    ck_assert_int_eq(tai_strmap_get(&m, "R1", 2, &v), 0);
    /* Existing key: nothing changes, the stored value is reported. */
    ck_assert_int_eq(tai_strmap_put(&m, "R1A", 3, 8, &existed, &v), TA_OK);
    ck_assert_int_eq(existed, 1);
    ck_assert_uint_eq(v, 7);
    ck_assert_int_eq(tai_strmap_put(&m, "R1A", 3, 9, NULL, NULL), TA_OK);
    ck_assert_uint_eq(m.count, 1);
    /* Keys are byte strings: NUL bytes and the empty key are keys like any other. */
    ck_assert_int_eq(tai_strmap_put(&m, "a\0b", 3, 1, &existed, NULL), TA_OK);
    ck_assert_int_eq(tai_strmap_put(&m, "a\0c", 3, 2, &existed, NULL), TA_OK);
    ck_assert_int_eq(existed, 0);
    ck_assert_int_eq(tai_strmap_put(&m, "a", 1, 3, &existed, NULL), TA_OK);
    ck_assert_int_eq(existed, 0);
    ck_assert_int_eq(tai_strmap_put(&m, NULL, 0, 4, &existed, NULL), TA_OK);
    ck_assert_int_eq(existed, 0);
    ck_assert_int_eq(tai_strmap_get(&m, "a\0b", 3, &v), 1);
    ck_assert_uint_eq(v, 1);
    ck_assert_int_eq(tai_strmap_get(&m, "a\0c", 3, &v), 1);
    ck_assert_uint_eq(v, 2);
    ck_assert_int_eq(tai_strmap_get(&m, "a", 1, &v), 1);
    ck_assert_uint_eq(v, 3);
    ck_assert_int_eq(tai_strmap_get(&m, "", 0, &v), 1);
    ck_assert_uint_eq(v, 4);
    ck_assert_int_eq(tai_strmap_get(&m, "a", 1, NULL), 1);
    ck_assert_int_eq(tai_strmap_put(&m, NULL, 2, 5, &existed, NULL), TA_EINVAL);
    ck_assert_uint_eq(m.count, 5);
    tai_strmap_free(&m);
    ck_assert_uint_eq(c.live, 0);
    ck_assert_int_eq(tai_strmap_get(&m, "a", 1, &v), 0); /* freed map is empty and usable */
    tai_strmap_free(&m);
    tai_strmap_free(NULL);
}
END_TEST

START_TEST(test_strmap_100k)
{
    counter c = {0};
    ta_allocator a = counting(&c);
    tai_strmap m;
    char key[32];
    size_t i, v, found = 0, wrong = 0;
    int n, existed;

    tai_strmap_init(&m, &a);
    for (i = 0; i < 100000; i++) {
        n = snprintf(key, sizeof key, "key-%zu", i * 7919);
        if (tai_strmap_put(&m, key, (size_t)n, i, &existed, NULL) != TA_OK || existed)
            ck_abort_msg("put %s failed", key);
    }
    ck_assert_uint_eq(m.count, 100000);
    ck_assert_uint_eq(m.cap & (m.cap - 1), 0); /* a power of two */
    ck_assert_uint_le(m.count * 10, m.cap * 7);
    ck_assert_uint_eq(m.cap, 262144);
    for (i = 0; i < 100000; i++) {
        n = snprintf(key, sizeof key, "key-%zu", i * 7919);
        if (tai_strmap_get(&m, key, (size_t)n, &v))
            found++;
        if (v != i)
            wrong++;
        n = snprintf(key, sizeof key, "key-%zu", i * 7919 + 1);
        if (tai_strmap_get(&m, key, (size_t)n, &v))
            wrong++;
    }
    ck_assert_uint_eq(found, 100000);
    ck_assert_uint_eq(wrong, 0);
    tai_strmap_free(&m);
    ck_assert_uint_eq(c.live, 0);
}
END_TEST

/* 1000 inserts with each allocation failing in turn: ENOMEM leaves the map
 * with exactly the keys inserted so far, and nothing leaks. */
START_TEST(test_strmap_enomem)
{
    size_t fail_at, failures = 0;

    for (fail_at = 1;; fail_at++) {
        counter c = {0};
        ta_allocator a = counting(&c);
        tai_strmap m;
        char key[16];
        size_t i, v, inserted = 0, missing = 0;
        ta_status st = TA_OK;
        int n;

        c.fail_at = fail_at;
        tai_strmap_init(&m, &a);
        for (i = 0; i < 1000 && st == TA_OK; i++) {
            n = snprintf(key, sizeof key, "k%zu", i);
            st = tai_strmap_put(&m, key, (size_t)n, i, NULL, NULL);
            if (st == TA_OK)
                inserted++;
        }
        ck_assert_uint_eq(m.count, inserted);
        for (i = 0; i < inserted; i++) {
            n = snprintf(key, sizeof key, "k%zu", i);
            if (!tai_strmap_get(&m, key, (size_t)n, &v) || v != i)
                missing++;
        }
        ck_assert_uint_eq(missing, 0);
        n = snprintf(key, sizeof key, "k%zu", inserted);
        ck_assert_int_eq(tai_strmap_get(&m, key, (size_t)n, &v), 0);
        tai_strmap_free(&m);
        ck_assert_uint_eq(c.live, 0);
        if (st == TA_OK) {
            ck_assert_uint_eq(inserted, 1000);
            break;
        }
        ck_assert_int_eq(st, TA_ENOMEM);
        failures++;
        if (fail_at > 40)
            fail_at += 97; /* key copies fail alike; sample them */
    }
    ck_assert_uint_ge(failures, 20);
}
END_TEST

START_TEST(test_read_file)
{
    counter c = {0};
    ta_allocator a = counting(&c);
    tai_error err;
    char *data = (char *)1;
    size_t len = 1;
    const char *path = TA_TEST_DATA_DIR "/mental-health-and-community-trust-data-q1-q4.csv";
    FILE *f;
    long size;

    ck_assert_int_eq(tai_read_file(&a, path, &data, &len, &err), TA_OK);
    f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
    size = ftell(f);
    fclose(f);
    ck_assert_uint_eq(len, (size_t)size);
    ck_assert_uint_gt(len, 2000000);
    ck_assert_int_eq(data[len], '\0');
    ck_assert_int_eq(memcmp(data, "\xEF\xBB\xBFQuarter,", 11), 0);
    ck_assert_int_eq(memcmp(data + len - 2, "\r\n", 2), 0); /* binary: CRLF kept */
    ck_assert_uint_eq(c.live, 1);
    /* A regular file is read into one block of its size + 1, never grown. */
    ck_assert_uint_eq(c.mallocs, 1);
    ck_assert_uint_eq(c.reallocs, 0);
    ck_assert_uint_eq(c.last_size, len + 1);
    tai_free(&a, data);
    ck_assert_uint_eq(c.live, 0);
}
END_TEST

START_TEST(test_read_file_binary_and_empty)
{
    counter c = {0};
    ta_allocator a = counting(&c);
    tai_error err;
    char path[] = "/tmp/ta_test_common_XXXXXX";
    char *data;
    size_t len;
    int fd;
    FILE *f;

    fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    ck_assert_int_eq(tai_read_file(&a, path, &data, &len, &err), TA_OK);
    ck_assert_uint_eq(len, 0);
    ck_assert_int_eq(data[0], '\0');
    /* An empty regular file takes one byte (its NUL), not a read chunk. */
    ck_assert_uint_eq(c.mallocs, 1);
    ck_assert_uint_eq(c.reallocs, 0);
    ck_assert_uint_eq(c.last_size, 1);
    tai_free(&a, data);
    f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite("a\0b\r\n\032c", 1, 7, f), 7);
    fclose(f);
    ck_assert_int_eq(tai_read_file(&a, path, &data, &len, &err), TA_OK);
    ck_assert_uint_eq(len, 7);
    ck_assert_int_eq(memcmp(data, "a\0b\r\n\032c", 8), 0);
    tai_free(&a, data);
    unlink(path);
}
END_TEST

/* Rule: only a regular file's size sizes the first block; a file whose size
 * fstat does not give (a character device reports 0) starts with a read
 * chunk, so it is not read one byte at a time. */
START_TEST(test_read_file_device_starts_with_a_chunk)
{
    counter c = {0};
    ta_allocator a = counting(&c);
    tai_error err;
    char *data;
    size_t len = 1;

    ck_assert_int_eq(tai_read_file(&a, "/dev/null", &data, &len, &err), TA_OK);
    ck_assert_uint_eq(len, 0);
    ck_assert_int_eq(data[0], '\0');
    ck_assert_uint_eq(c.mallocs, 1);
    ck_assert_uint_eq(c.reallocs, 0);
    ck_assert_uint_ge(c.last_size, 4096);
    tai_free(&a, data);
    ck_assert_uint_eq(c.live, 0);
}
END_TEST

START_TEST(test_read_file_errors)
{
    counter c = {0};
    ta_allocator a = counting(&c);
    tai_error err;
    char *data = (char *)1;
    size_t len = 1;

    ck_assert_int_eq(tai_read_file(&a, "/nonexistent/dir/x.csv", &data, &len, &err), TA_EIO);
    ck_assert_str_eq(err.msg, "/nonexistent/dir/x.csv: no such file or directory");
    ck_assert_ptr_null(data);
    ck_assert_uint_eq(len, 0);
    ck_assert_int_eq(tai_read_file(&a, TA_TEST_DATA_DIR, &data, &len, &err), TA_EIO);
    ck_assert_str_eq(err.msg, TA_TEST_DATA_DIR ": is a directory");
    ck_assert_ptr_null(data);
    ck_assert_int_eq(tai_read_file(&a, NULL, &data, &len, &err), TA_EINVAL);
    ck_assert_int_eq(tai_read_file(&a, "x", NULL, &len, &err), TA_EINVAL);
    /* The allocator failing is TA_ENOMEM, with nothing left allocated. */
    c.fail_at = c.calls + 1;
    ck_assert_int_eq(
        tai_read_file(&a, TA_TEST_DATA_DIR "/aft-nominated-2025.csv", &data, &len, &err),
        TA_ENOMEM);
    ck_assert_str_eq(err.msg, TA_TEST_DATA_DIR "/aft-nominated-2025.csv: out of memory");
    ck_assert_ptr_null(data);
    ck_assert_uint_eq(c.live, 0);
}
END_TEST

/* The lowest free file descriptor: what the next open would get. */
static int next_fd(void)
{
    int fd = open("/dev/null", O_RDONLY);
    ck_assert_int_ge(fd, 0);
    close(fd);
    return fd;
}

/* Rule: a read that fails closes its file on every path: the first block
 * refused, the block refused when a file outgrows its reported size (a /proc
 * file reports 0 bytes), and a read error (a directory). */
START_TEST(test_read_file_failures_close_the_file)
{
    counter c = {0};
    ta_allocator a = counting(&c);
    tai_error err;
    char *data;
    size_t len;
    int before = next_fd();

    c.fail_at = c.calls + 1; /* the first block */
    ck_assert_int_eq(
        tai_read_file(&a, TA_TEST_DATA_DIR "/aft-nominated-2025.csv", &data, &len, &err),
        TA_ENOMEM);
    ck_assert_int_eq(next_fd(), before);
    c.fail_at = c.calls + 2; /* the first growth: one byte reported as 0 is read */
    ck_assert_int_eq(tai_read_file(&a, "/proc/self/status", &data, &len, &err), TA_ENOMEM);
    ck_assert_str_eq(err.msg, "/proc/self/status: out of memory");
    ck_assert_uint_eq(c.live, 0);
    ck_assert_int_eq(next_fd(), before);
    c.fail_at = 0;
    ck_assert_int_eq(tai_read_file(&a, TA_TEST_DATA_DIR, &data, &len, &err), TA_EIO);
    ck_assert_int_eq(next_fd(), before);
    /* and one that succeeds through growth reads the whole file, then closes it */
    ck_assert_int_eq(tai_read_file(&a, "/proc/self/status", &data, &len, &err), TA_OK);
    ck_assert_int_eq(strncmp(data, "Name:", 5), 0);
    ck_assert_uint_eq(strlen(data), len);
    tai_free(&a, data);
    ck_assert_int_eq(next_fd(), before);
}
END_TEST

/* Rule: removing a key (linear probing's deletion, no tombstones) leaves
 * every other key findable with its value, wherever the probe runs lie,
 * including runs that wrap from the last slot to the first. 300 sets of 11
 * keys in a 16-slot table, each key removed in turn from a fresh map. */
START_TEST(test_strmap_remove)
{
    counter c = {0};
    ta_allocator a = counting(&c);
    size_t wrapped = 0, lost = 0, kept_wrong = 0;

    for (unsigned set = 0; set < 300; set++) {
        for (unsigned victim = 0; victim < 11; victim++) {
            tai_strmap m;
            char key[32];
            size_t v;
            int n;

            tai_strmap_init(&m, &a);
            for (unsigned k = 0; k < 11; k++) {
                n = snprintf(key, sizeof key, "s%u-k%u", set, k);
                ck_assert_int_eq(tai_strmap_put(&m, key, (size_t)n, k, NULL, NULL), TA_OK);
            }
            ck_assert_uint_eq(m.cap, 16);
            /* A key in slot 0 away from its home slot: its run wrapped round. */
            if (m.slots[0].key != NULL && (m.slots[0].hash & 15) != 0)
                wrapped++;
            n = snprintf(key, sizeof key, "s%u-k%u", set, victim);
            ck_assert_int_eq(tai_strmap_remove(&m, key, (size_t)n), 1);
            ck_assert_int_eq(tai_strmap_remove(&m, key, (size_t)n), 0);
            ck_assert_int_eq(tai_strmap_get(&m, key, (size_t)n, &v), 0);
            ck_assert_uint_eq(m.count, 10);
            for (unsigned k = 0; k < 11; k++) {
                if (k == victim)
                    continue;
                n = snprintf(key, sizeof key, "s%u-k%u", set, k);
                if (!tai_strmap_get(&m, key, (size_t)n, &v))
                    lost++;
                else if (v != k)
                    kept_wrong++;
            }
            tai_strmap_free(&m);
        }
    }
    ck_assert_uint_eq(lost, 0);
    ck_assert_uint_eq(kept_wrong, 0);
    ck_assert_uint_gt(wrapped, 100);
    ck_assert_uint_eq(c.live, 0);
}
END_TEST

/* Rule: removal from a map never used, or with a NULL key of non-zero
 * length, finds nothing; the empty key is a key like any other. */
START_TEST(test_strmap_remove_edges)
{
    counter c = {0};
    ta_allocator a = counting(&c);
    tai_strmap m;
    size_t v;

    tai_strmap_init(&m, &a);
    ck_assert_int_eq(tai_strmap_remove(&m, "a", 1), 0);
    ck_assert_int_eq(tai_strmap_remove(&m, "", 0), 0);
    ck_assert_uint_eq(m.cap, 0);
    ck_assert_int_eq(tai_strmap_put(&m, "", 0, 1, NULL, NULL), TA_OK);
    ck_assert_int_eq(tai_strmap_put(&m, "a", 1, 2, NULL, NULL), TA_OK);
    ck_assert_int_eq(tai_strmap_remove(&m, NULL, 1), 0);
    ck_assert_uint_eq(m.count, 2);
    ck_assert_int_eq(tai_strmap_remove(&m, NULL, 0), 1);
    ck_assert_int_eq(tai_strmap_get(&m, "", 0, &v), 0);
    ck_assert_int_eq(tai_strmap_get(&m, "a", 1, &v), 1);
    ck_assert_uint_eq(v, 2);
    ck_assert_uint_eq(m.count, 1);
    tai_strmap_free(&m);
    ck_assert_uint_eq(c.live, 0);
}
END_TEST

/* Rule: freeing a text leaves it empty and reusable (no pointer to the freed
 * block is kept), so a second free or a new append after it is safe. */
START_TEST(test_text_free_leaves_an_empty_text)
{
    tai_text t;
    ta_allocator a;
    ck_assert_int_eq(tai_alloc_init(&a, NULL), TA_OK);
    tai_text_init(&t, &a);
    ck_assert_int_eq(tai_text_puts(&t, "a growing string"), TA_OK);
    ck_assert_str_eq(t.data, "a growing string");
    tai_text_free(&t);
    ck_assert_ptr_null(t.data);
    ck_assert_uint_eq(t.len, 0);
    ck_assert_uint_eq(t.cap, 0);
    ck_assert_ptr_eq(t.alloc, &a);
    ck_assert_int_eq(tai_text_puts(&t, "again"), TA_OK);
    ck_assert_str_eq(t.data, "again");
    tai_text_free(&t);
    tai_text_free(&t);
    ck_assert_ptr_null(t.data);
}
END_TEST

/* Rule: an append whose length would overflow the text's size (len + its
 * length + the NUL past SIZE_MAX) is TA_ENOMEM before a byte is copied, and
 * the text keeps what it had. */
START_TEST(test_text_append_refuses_an_overflowing_length)
{
    tai_text t;
    ta_allocator a;
    ck_assert_int_eq(tai_alloc_init(&a, NULL), TA_OK);
    tai_text_init(&t, &a);
    ck_assert_int_eq(tai_text_puts(&t, "a"), TA_OK);
    ck_assert_int_eq(tai_text_append(&t, "x", SIZE_MAX - 1), TA_ENOMEM); /* 1 + (MAX-1) + 1 */
    ck_assert_uint_eq(t.len, 1);
    ck_assert_str_eq(t.data, "a");
    tai_text_clear(&t);
    ck_assert_int_eq(tai_text_puts(&t, "ab"), TA_OK);
    ck_assert_int_eq(tai_text_append(&t, "x", SIZE_MAX - 2), TA_ENOMEM); /* 2 + (MAX-2) + 1 */
    ck_assert_str_eq(t.data, "ab");
    tai_text_free(&t);
}
END_TEST

/* Rule (text.h): clearing a text empties it (the data reads "" again, not
 * the old bytes) and forgets a failure, so the same text can be reused. */
START_TEST(test_text_clear_empties_and_forgets_a_failure)
{
    tai_text t;
    ta_allocator a;
    ck_assert_int_eq(tai_alloc_init(&a, NULL), TA_OK);
    tai_text_init(&t, &a);
    ck_assert_int_eq(tai_text_puts(&t, "old"), TA_OK);
    tai_text_clear(&t);
    ck_assert_uint_eq(t.len, 0);
    ck_assert_str_eq(t.data, "");
    ck_assert_int_eq(tai_text_int(&t, INT64_C(1000000000000000)), TA_ERANGE);
    ck_assert_int_eq(tai_text_puts(&t, "lost"), TA_ERANGE);
    ck_assert_ptr_null(tai_text_dup(&t));
    tai_text_clear(&t);
    ck_assert_int_eq(t.st, TA_OK);
    ck_assert_int_eq(tai_text_puts(&t, "new"), TA_OK);
    ck_assert_str_eq(t.data, "new");
    tai_text_free(&t);
}
END_TEST

/* Rule (text.h): tai_text_pad appends exactly n copies of the character, and
 * tai_text_int writes the whole number with no decimals (up to the
 * formatter's 1e15 limit, past which it is TA_ERANGE and the text keeps it). */
START_TEST(test_text_pad_and_int)
{
    tai_text t;
    ta_allocator a;
    ck_assert_int_eq(tai_alloc_init(&a, NULL), TA_OK);
    tai_text_init(&t, &a);
    ck_assert_int_eq(tai_text_pad(&t, '.', 0), TA_OK);
    ck_assert_uint_eq(t.len, 0);
    ck_assert_int_eq(tai_text_pad(&t, '.', 3), TA_OK);
    ck_assert_int_eq(tai_text_int(&t, 123), TA_OK);
    ck_assert_int_eq(tai_text_int(&t, -45), TA_OK);
    ck_assert_int_eq(tai_text_int(&t, INT64_C(999999999999999)), TA_OK);
    ck_assert_str_eq(t.data, "...123-45999999999999999");
    ck_assert_int_eq(tai_text_int(&t, INT64_C(-1000000000000000)), TA_ERANGE);
    ck_assert_int_eq(t.st, TA_ERANGE);
    tai_text_free(&t);
}
END_TEST

/* Rule (text.h): a figure has 2 decimals, or as many up to 6 as it needs to be
 * redone from the text; past 6 it is rounded at 6; beyond the formatter's
 * range it is TA_ERANGE. */
START_TEST(test_text_figure_decimals)
{
    tai_text t;
    ta_allocator a;
    ck_assert_int_eq(tai_alloc_init(&a, NULL), TA_OK);
    tai_text_init(&t, &a);
    ck_assert_int_eq(tai_text_figure(&t, 1.5), TA_OK);
    ck_assert_int_eq(tai_text_puts(&t, " "), TA_OK);
    ck_assert_int_eq(tai_text_figure(&t, 1.8625), TA_OK);
    ck_assert_int_eq(tai_text_puts(&t, " "), TA_OK);
    ck_assert_int_eq(tai_text_figure(&t, 0.123456), TA_OK);
    ck_assert_int_eq(tai_text_puts(&t, " "), TA_OK);
    ck_assert_int_eq(tai_text_figure(&t, 2.1234567), TA_OK);
    ck_assert_int_eq(tai_text_puts(&t, " "), TA_OK);
    ck_assert_int_eq(tai_text_figure(&t, -3.25), TA_OK);
    ck_assert_str_eq(t.data, "1.50 1.8625 0.123456 2.123457 -3.25");
    ck_assert_int_eq(tai_text_figure(&t, 1e15), TA_ERANGE);
    ck_assert_int_eq(t.st, TA_ERANGE);
    tai_text_free(&t);
}
END_TEST

/* Rule (text.h): a JSON string is quoted; " and \ are escaped with a
 * backslash, LF as \n, other control characters as \u00XX (two lower-case hex
 * digits), and every other byte (UTF-8 included) is copied. */
START_TEST(test_text_json_string)
{
    tai_text t;
    ta_allocator a;
    ck_assert_int_eq(tai_alloc_init(&a, NULL), TA_OK);
    tai_text_init(&t, &a);
    ck_assert_int_eq(tai_text_json_string(&t, "a\"b\\c\nd\x01\x1f\t\xc2\xa3"), TA_OK);
    ck_assert_str_eq(t.data, "\"a\\\"b\\\\c\\nd\\u0001\\u001f\\u0009\xc2\xa3\"");
    ck_assert_uint_eq(t.len, strlen(t.data));
    tai_text_clear(&t);
    ck_assert_int_eq(tai_text_json_string(&t, ""), TA_OK);
    ck_assert_str_eq(t.data, "\"\"");
    tai_text_free(&t);
}
END_TEST

/* Rule (strmap.h): a lookup in a map never grown finds nothing; a NULL key
 * with length 0 is the empty key, and a NULL key with a length is refused
 * by every call (get and remove find nothing, put is TA_EINVAL). */
START_TEST(test_strmap_null_and_empty_keys)
{
    tai_strmap m;
    ta_allocator a;
    size_t v = 99;
    ck_assert_int_eq(tai_alloc_init(&a, NULL), TA_OK);
    tai_strmap_init(&m, &a);
    ck_assert_int_eq(tai_strmap_get(&m, "x", 1, &v), 0);
    ck_assert_int_eq(tai_strmap_get(&m, NULL, 0, &v), 0);
    ck_assert_int_eq(tai_strmap_remove(&m, "x", 1), 0);
    ck_assert_uint_eq(v, 99);
    ck_assert_int_eq(tai_strmap_put(&m, NULL, 0, 7, NULL, NULL), TA_OK);
    ck_assert_int_eq(tai_strmap_get(&m, NULL, 0, &v), 1);
    ck_assert_uint_eq(v, 7);
    ck_assert_int_eq(tai_strmap_get(&m, "", 0, &v), 1);
    ck_assert_int_eq(tai_strmap_get(&m, NULL, 1, &v), 0);
    ck_assert_int_eq(tai_strmap_put(&m, NULL, 1, 8, NULL, NULL), TA_EINVAL);
    ck_assert_int_eq(tai_strmap_remove(&m, NULL, 1), 0);
    ck_assert_uint_eq(m.count, 1);
    ck_assert_int_eq(tai_strmap_remove(&m, NULL, 0), 1);
    ck_assert_uint_eq(m.count, 0);
    ck_assert_int_eq(tai_strmap_get(&m, "", 0, &v), 0);
    tai_strmap_free(&m);
}
END_TEST

/* Rule (error.c): a message cut at the buffer's end keeps every whole UTF-8
 * character and drops a character cut short (two or three of its four
 * bytes, two of three), while continuation bytes with no lead byte before
 * them are kept as they are (nothing to repair). */
START_TEST(test_error_truncation_keeps_whole_characters)
{
    tai_error e;
    char text[TAI_ERROR_SIZE + 16];

    memset(&e, 0, sizeof e);
    memset(text, 'a', sizeof text);
    strcpy(text + 508, "\xF0\x9F\x98\x80!"); /* 3 of the 4 bytes fit */
    tai_error_set(&e, TA_EINVAL, "%s", text);
    ck_assert_uint_eq(strlen(e.msg), 508);
    strcpy(text + 507, "\xF0\x9F\x98\x80!"); /* all 4 fit, the ! does not */
    tai_error_set(&e, TA_EINVAL, "%s", text);
    ck_assert_uint_eq(strlen(e.msg), 511);
    ck_assert_str_eq(e.msg + 507, "\xF0\x9F\x98\x80");
    memset(text, 'a', sizeof text);
    strcpy(text + 509, "\xE2\x82\xAC!"); /* 2 of the 3 bytes of a euro sign fit */
    tai_error_set(&e, TA_EINVAL, "%s", text);
    ck_assert_uint_eq(strlen(e.msg), 509);
    strcpy(text + 508, "\xE2\x82\xAC!");
    tai_error_set(&e, TA_EINVAL, "%s", text);
    ck_assert_uint_eq(strlen(e.msg), 511);
    ck_assert_str_eq(e.msg + 508, "\xE2\x82\xAC");
    memset(text, 'a', sizeof text);
    strcpy(text + 509, "\xC3\xA9!"); /* both bytes of a two-byte e acute fit, the ! does not */
    tai_error_set(&e, TA_EINVAL, "%s", text);
    ck_assert_uint_eq(strlen(e.msg), 511);
    ck_assert_str_eq(e.msg + 509, "\xC3\xA9");
    memset(text, 'a', sizeof text);
    memset(text + 505, 0x80, 8); /* stray continuation bytes: not a character to drop */
    text[513] = '\0';
    tai_error_set(&e, TA_EINVAL, "%s", text);
    ck_assert_uint_eq(strlen(e.msg), 511);
    ck_assert_uint_eq((unsigned char)e.msg[510], 0x80);
    memset(text, 'a', sizeof text);
    strcpy(text + 510, "\xC0\x80"); /* 0xC0 is a lead byte too (if never a valid one) */
    tai_error_set(&e, TA_EINVAL, "%s", text);
    ck_assert_uint_eq(strlen(e.msg), 510);
    /* Only a cut is repaired: a short message keeps what it was given. */
    tai_error_set(&e, TA_EINVAL, "ab\xC3");
    ck_assert_str_eq(e.msg, "ab\xC3");
}
END_TEST

/* Rule (alloc.c): tai_grow doubles the capacity while doubling cannot
 * overflow; above SIZE_MAX / 2 it asks for exactly the size needed. A failed
 * request leaves the array and capacity as they were. */
START_TEST(test_grow_near_the_top)
{
    counter c = {0};
    ta_allocator a = counting(&c);
    void *array = NULL;
    size_t cap = SIZE_MAX / 3 + 1;

    c.fail_at = 1;
    ck_assert_int_eq(tai_grow(&a, &array, &cap, cap + 1, 1), TA_ENOMEM);
    ck_assert_uint_eq(c.last_size, (SIZE_MAX / 3 + 1) * 2);
    ck_assert_uint_eq(cap, SIZE_MAX / 3 + 1);
    cap = SIZE_MAX / 2 + 1;
    c.fail_at = c.calls + 1;
    ck_assert_int_eq(tai_grow(&a, &array, &cap, cap + 1, 1), TA_ENOMEM);
    ck_assert_uint_eq(c.last_size, SIZE_MAX / 2 + 2);
    ck_assert_uint_eq(cap, SIZE_MAX / 2 + 1);
    ck_assert_ptr_null(array);
    ck_assert_uint_eq(c.live, 0);
}
END_TEST

static Suite *common_suite(void)
{
    Suite *s = suite_create("common");
    TCase *tc = tcase_create("core");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_alloc_init);
    tcase_add_test(tc, test_alloc_contract);
    tcase_add_test(tc, test_strdup);
    tcase_add_test(tc, test_grow);
    tcase_add_test(tc, test_error_format);
    tcase_add_test(tc, test_error_truncation);
    tcase_add_test(tc, test_strmap_basic);
    tcase_add_test(tc, test_strmap_100k);
    tcase_add_test(tc, test_strmap_enomem);
    tcase_add_test(tc, test_strmap_remove);
    tcase_add_test(tc, test_strmap_remove_edges);
    tcase_add_test(tc, test_read_file);
    tcase_add_test(tc, test_read_file_binary_and_empty);
    tcase_add_test(tc, test_read_file_device_starts_with_a_chunk);
    tcase_add_test(tc, test_read_file_errors);
    tcase_add_test(tc, test_read_file_failures_close_the_file);
    tcase_add_test(tc, test_text_free_leaves_an_empty_text);
    tcase_add_test(tc, test_text_append_refuses_an_overflowing_length);
    tcase_add_test(tc, test_text_clear_empties_and_forgets_a_failure);
    tcase_add_test(tc, test_text_pad_and_int);
    tcase_add_test(tc, test_text_figure_decimals);
    tcase_add_test(tc, test_text_json_string);
    tcase_add_test(tc, test_strmap_null_and_empty_keys);
    tcase_add_test(tc, test_error_truncation_keeps_whole_characters);
    tcase_add_test(tc, test_grow_near_the_top);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(common_suite());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
