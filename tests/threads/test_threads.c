/*
 * Concurrency test: many threads assessing over ONE shared framework.
 *
 * framework.h promises that a built framework is immutable and may be shared
 * by any number of threads and assessments; capital.h promises the same of a
 * rule set no longer changed. Files, assessments, verifications and proposals
 * are per thread. So each thread here gets its own copy of the published
 * file's bytes, reads it into its own ta_nhse_file against the shared
 * framework, and assesses every quarter (from the published scores and from
 * the raw values) several times, verifies the file, and checks capital
 * proposals against the shared rule set. Every result is digested as text and
 * must equal the digest of the same work done on the main thread first.
 *
 * Built and run under ThreadSanitizer by scripts/tsan.sh (its own build
 * directory); plain C11 + pthreads, no test framework, exit status 0 = pass.
 *
 *   test_threads DATA_FILE [THREADS [ITERATIONS]]
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trustassess.h"

#define DIGEST_SIZE (1u << 20)

static const ta_framework *shared_fw;
static const ta_capital_rules *shared_rules;
static const char *file_bytes;
static size_t file_len;
static int iterations = 3;

typedef struct digest {
    char *buf;
    size_t len;
} digest;

static void dg(digest *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#include <stdarg.h>
static void dg(digest *d, const char *fmt, ...)
{
    va_list ap;
    int n;
    if (d->len >= DIGEST_SIZE - 1)
        return;
    va_start(ap, fmt);
    n = vsnprintf(d->buf + d->len, DIGEST_SIZE - d->len, fmt, ap);
    va_end(ap);
    if (n > 0)
        d->len += (size_t)n < DIGEST_SIZE - d->len ? (size_t)n : DIGEST_SIZE - d->len - 1;
}

static void dg_assessment(digest *d, ta_assessment *a)
{
    char text[256];
    dg(d, "%s n=%zu league=%zu notes=%zu\n", ta_assessment_period(a), ta_assessment_trust_count(a),
       ta_assessment_league_count(a), ta_assessment_note_count(a));
    for (size_t p = 0; p < ta_assessment_league_count(a); p++) {
        size_t i = 0;
        double unrounded = 0, rounded = 0;
        int u = 0, adj = 0, fin = 0;
        uint32_t rank = 0;
        if (ta_assessment_league_entry(&i, a, p) != TA_OK ||
            ta_assessment_average(&unrounded, &rounded, NULL, a, i) != TA_OK ||
            ta_assessment_segments(&u, &adj, &fin, a, i) != TA_OK ||
            ta_assessment_rank(&rank, a, i) != TA_OK ||
            ta_assessment_reason_text(text, sizeof text, NULL, a, i) != TA_OK) {
            dg(d, "error %s\n", ta_assessment_error(a));
            continue;
        }
        dg(d, "%zu %s %.17g %.2f %d %d %d %u %s\n", p, ta_assessment_trust_code(a, i), unrounded,
           rounded, u, adj, fin, (unsigned)rank, text);
    }
}

/* One full pass: read the file, assess every period both ways, verify,
 * check proposals. Returns 0 on success (digest filled). */
static int work(digest *d)
{
    ta_nhse_file *f = NULL;
    ta_verification *v = NULL;
    char *copy = malloc(file_len);
    int rc = 0;
    if (copy == NULL)
        return 1;
    memcpy(copy, file_bytes, file_len); /* this thread's own copy of the data */
    if (ta_nhse_file_new(&f, shared_fw, NULL) != TA_OK ||
        ta_nhse_file_read_buffer(f, copy, file_len, "data.csv") != TA_OK) {
        fprintf(stderr, "reading: %s\n", f ? ta_nhse_file_error(f) : "no handle");
        rc = 1;
        goto done;
    }
    for (size_t p = 0; p < ta_nhse_file_period_count(f); p++) {
        for (int src = 0; src < 2; src++) {
            ta_assessment *a = NULL;
            if (ta_nhse_file_assessment(&a, f, ta_nhse_file_period(f, p), NULL,
                                        (ta_nhse_source)src) != TA_OK ||
                ta_assessment_run(a) != TA_OK) {
                fprintf(stderr, "assessing: %s\n",
                        a ? ta_assessment_error(a) : ta_nhse_file_error(f));
                ta_assessment_free(a);
                rc = 1;
                goto done;
            }
            dg_assessment(d, a);
            ta_assessment_free(a);
        }
    }
    if (ta_verification_new(&v, f, NULL) != TA_OK || ta_verification_run(v, NULL) != TA_OK) {
        fprintf(stderr, "verifying: %s\n", v ? ta_verification_error(v) : "no handle");
        rc = 1;
        goto done;
    }
    dg(d, "verification %zu %zu %d\n", ta_verification_summary_count(v),
       ta_verification_difference_count(v), (int)ta_verification_status(v));
    for (int k = 0; k < 8; k++) {
        static const int64_t amounts[] = {1,          9999999999,   10000000000, 10000000001,
                                          2500000000, 500000000000, 0,           99999999999};
        ta_capital_proposal *p = NULL;
        if (ta_capital_proposal_new(&p, "RAA", "S1", NULL) != TA_OK) {
            rc = 1;
            goto done;
        }
        ta_capital_proposal_set_status(p, (ta_ft_status)(k % 3));
        ta_capital_proposal_set_amount(p, amounts[k]);
        ta_capital_proposal_set_savings(p, amounts[(k + 3) % 8]);
        if (ta_capital_proposal_check(p, shared_rules) != TA_OK)
            dg(d, "capital error %s\n", ta_capital_proposal_error(p));
        else
            dg(d, "capital %s | %s | %s\n", ta_capital_proposal_output(p, TA_OUT_ROUTE),
               ta_capital_proposal_output(p, TA_OUT_APPROVERS),
               ta_capital_proposal_output(p, TA_OUT_HEADROOM));
        ta_capital_proposal_free(p);
    }
done:
    ta_verification_free(v);
    ta_nhse_file_free(f);
    free(copy);
    return rc;
}

static digest reference;

typedef struct job {
    int id;
    int failures;
} job;

static void *thread_main(void *arg)
{
    job *j = arg;
    digest d;
    d.buf = malloc(DIGEST_SIZE);
    if (d.buf == NULL) {
        j->failures++;
        return NULL;
    }
    for (int it = 0; it < iterations; it++) {
        d.len = 0;
        d.buf[0] = '\0';
        if (work(&d) != 0 || d.len != reference.len || memcmp(d.buf, reference.buf, d.len) != 0) {
            fprintf(stderr,
                    "thread %d, iteration %d: results differ from the single-threaded "
                    "ones\n",
                    j->id, it);
            j->failures++;
        }
    }
    free(d.buf);
    return NULL;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    char *buf = NULL;
    long n;
    if (fp == NULL || fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) < 0 ||
        fseek(fp, 0, SEEK_SET) != 0 || (buf = malloc((size_t)n + 1)) == NULL ||
        fread(buf, 1, (size_t)n, fp) != (size_t)n) {
        if (fp)
            fclose(fp);
        free(buf);
        return NULL;
    }
    fclose(fp);
    *len = (size_t)n;
    return buf;
}

int main(int argc, char **argv)
{
    ta_framework *fw = NULL;
    ta_capital_rules *rules = NULL;
    int n_threads = argc > 2 ? atoi(argv[2]) : 8;
    pthread_t *threads;
    job *jobs;
    int failures = 0;
    char *bytes;

    if (argc < 2 || n_threads < 1 || n_threads > 256) {
        fprintf(stderr, "usage: test_threads DATA_FILE [THREADS [ITERATIONS]]\n");
        return 2;
    }
    if (argc > 3)
        iterations = atoi(argv[3]);
    if ((bytes = read_all(argv[1], &file_len)) == NULL) {
        fprintf(stderr, "test_threads: cannot read %s\n", argv[1]);
        return 2;
    }
    file_bytes = bytes;
    if (ta_framework_preset(&fw, "nof-2025-26", NULL) != TA_OK ||
        ta_capital_rules_preset(&rules, "capital-2025", NULL) != TA_OK) {
        fprintf(stderr, "test_threads: presets failed\n");
        return 1;
    }
    shared_fw = fw;
    shared_rules = rules;

    reference.buf = malloc(DIGEST_SIZE);
    if (reference.buf == NULL || work(&reference) != 0) {
        fprintf(stderr, "test_threads: the single-threaded pass failed\n");
        return 1;
    }
    if (reference.len < 1000 || reference.len >= DIGEST_SIZE - 1) {
        fprintf(stderr, "test_threads: implausible reference digest (%zu bytes)\n", reference.len);
        return 1;
    }

    threads = calloc((size_t)n_threads, sizeof *threads);
    jobs = calloc((size_t)n_threads, sizeof *jobs);
    if (!threads || !jobs)
        return 1;
    for (int i = 0; i < n_threads; i++) {
        jobs[i].id = i;
        if (pthread_create(&threads[i], NULL, thread_main, &jobs[i]) != 0) {
            fprintf(stderr, "test_threads: pthread_create failed\n");
            return 1;
        }
    }
    for (int i = 0; i < n_threads; i++) {
        pthread_join(threads[i], NULL);
        failures += jobs[i].failures;
    }
    printf("test_threads: %d threads x %d passes over one framework (%zu-byte digest each): "
           "%d differ\n",
           n_threads, iterations, reference.len, failures);
    free(threads);
    free(jobs);
    free(reference.buf);
    ta_capital_rules_free(rules);
    ta_framework_free(fw);
    free(bytes);
    return failures == 0 ? 0 : 1;
}
