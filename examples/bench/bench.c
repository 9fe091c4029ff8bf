/*
 * trustassess_bench: the figures of issue 10, for the record.
 *
 *   trustassess_bench [--quick] [--cpu] [--data FILE] [--threads N]
 *
 * Prints a readable report and one machine-readable line per figure,
 * "BENCH <name> <value> <unit>". It is not a test: nothing here passes or
 * fails. Timings are wall-clock (CLOCK_MONOTONIC; --cpu: CPU time of the
 * process, all threads, for a loaded machine); small jobs are repeated
 * and the median is reported, so a stray interrupt does not move a figure.
 *
 * Data: NHS England's published mental health and community trust file (the
 * path of the copy in tests/data is compiled in; --data overrides), its acute
 * Q3 league table (129 trusts, --acute overrides), a synthetic ambulance
 * league table of ten trusts (no ambulance file is bundled) and
 * synthetic trusts on a synthetic 20-metric rank-scored framework built with
 * the builder API. Synthetic values come from a fixed-seed generator, so every
 * run assesses the same trusts. The scaling runs each happen in a child
 * process, so the peak resident size of the largest (getrusage of the
 * children) is that run's alone.
 *
 * Only the public API is used, as a host program would.
 */
#define TA_EXPERIMENTAL /* the likely ranges and what-if (trustassess/analysis.h) */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <trustassess.h>
#include <trustassess/analysis.h>

#ifndef TA_BENCH_DATA
#define TA_BENCH_DATA "tests/data/mental-health-and-community-trust-data-q1-q4.csv"
#endif
#ifndef TA_BENCH_ACUTE
#define TA_BENCH_ACUTE "tests/data/acute-trust-league-table-q3-2025-26.csv"
#endif

#define N_METRICS 20
#define QUARTER "Q4 2025/26"

/* Ten ambulance trusts of Q3 2025/26 in NHS England's league-table layout,
 * made up: averages inside the published Q3 cut-offs' intervals (2.06, 2.35,
 * 2.70), so that the three files agree on one national set. */
static const char ambulance_q3[] =
    "Quarter,Region,Trust_type,Trust_subtype,Trust_code,Trust_name,Average_score,"
    "Likely_range_of_average_score,Segment,Trust_in_financial_deficit,Rank,"
    "Likely_range_of_rank\r\n"
    "Q3 2025/26,,Ambulance trust,,ZA1,Ambulance One,1.80,,1.0,No,1.0,\r\n"
    "Q3 2025/26,,Ambulance trust,,ZA2,Ambulance Two,2.00,,1.0,No,2.0,\r\n"
    "Q3 2025/26,,Ambulance trust,,ZA3,Ambulance Three,2.20,,2.0,No,3.0,\r\n"
    "Q3 2025/26,,Ambulance trust,,ZA4,Ambulance Four,2.30,,2.0,No,4.0,\r\n"
    "Q3 2025/26,,Ambulance trust,,ZA5,Ambulance Five,2.40,,3.0,No,5.0,\r\n"
    "Q3 2025/26,,Ambulance trust,,ZA6,Ambulance Six,2.50,,3.0,No,6.0,\r\n"
    "Q3 2025/26,,Ambulance trust,,ZA7,Ambulance Seven,2.10,,3.0,Yes,7.0,\r\n"
    "Q3 2025/26,,Ambulance trust,,ZA8,Ambulance Eight,2.65,,3.0,No,8.0,\r\n"
    "Q3 2025/26,,Ambulance trust,,ZA9,Ambulance Nine,2.90,,4.0,No,9.0,\r\n"
    "Q3 2025/26,,Ambulance trust,,ZB0,Ambulance Ten,3.10,,4.0,Yes,10.0,\r\n";

/* Wall clock, or with --cpu the process's CPU time (all threads): on a
 * loaded machine the latter shows what the library costs, the former what a
 * user waits. */
static clockid_t bench_clock = CLOCK_MONOTONIC;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(bench_clock, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int by_double(const void *pa, const void *pb)
{
    double a = *(const double *)pa, b = *(const double *)pb;
    return a < b ? -1 : a > b;
}

static double median(double *x, size_t n)
{
    qsort(x, n, sizeof *x, by_double);
    return n % 2 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2;
}

static void bench_line(const char *name, double value, const char *unit)
{
    printf("BENCH %s %.6g %s\n", name, value, unit);
    fflush(stdout);
}

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "trustassess_bench: %s: %s\n", what, detail);
    exit(1);
}

/* ---- synthetic data ----------------------------------------------------- */

static uint64_t rng_next(uint64_t *s)
{
    uint64_t z = (*s += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

static double rng_unit(uint64_t *s)
{
    return (double)(rng_next(s) >> 11) * 0x1.0p-53;
}

static const char *const metric_ids[N_METRICS] = {"M01", "M02", "M03", "M04", "M05", "M06", "M07",
                                                  "M08", "M09", "M10", "M11", "M12", "M13", "M14",
                                                  "M15", "M16", "M17", "M18", "M19", "M20"};
static const char *const raw_ids[N_METRICS] = {"R01", "R02", "R03", "R04", "R05", "R06", "R07",
                                               "R08", "R09", "R10", "R11", "R12", "R13", "R14",
                                               "R15", "R16", "R17", "R18", "R19", "R20"};
static const char *const types[3] = {"Acute trust", "Ambulance trust",
                                     "Mental health and community trust"};

/* 20 rank-scored metrics in 4 domains, default quartile cut-offs. */
static ta_framework *synthetic_framework(void)
{
    ta_framework_builder *b = NULL;
    ta_framework *fw = NULL;
    static const char *const domains[4] = {"access", "safety", "finance", "people"};
    static const char *const domain_ids[4] = {"D1", "D2", "D3", "D4"};
    int ok = ta_framework_builder_new(&b, "synthetic-20", NULL) == TA_OK;
    for (int d = 0; ok && d < 4; d++)
        ok = ta_framework_builder_add_domain(b, domains[d], domains[d], domain_ids[d]) == TA_OK;
    for (int m = 0; ok && m < N_METRICS; m++)
        ok = ta_framework_builder_add_metric(b, metric_ids[m], metric_ids[m], domains[m % 4],
                                             TA_SCORING_RANK) == TA_OK &&
             ta_framework_builder_set_raw_id(b, metric_ids[m], raw_ids[m]) == TA_OK &&
             ta_framework_builder_set_direction(
                 b, metric_ids[m], m % 2 ? TA_LOWER_IS_BETTER : TA_HIGHER_IS_BETTER) == TA_OK;
    if (!ok || ta_framework_builder_build(&fw, b) != TA_OK)
        die("synthetic framework", b ? ta_framework_builder_error(b) : "no builder");
    ta_framework_builder_free(b);
    return fw;
}

/* Writes trust code number i ("S0000001") into buf (9 bytes). */
static void trust_code(char *buf, size_t i)
{
    buf[0] = 'S';
    for (int k = 7; k >= 1; k--, i /= 10)
        buf[k] = (char)('0' + i % 10);
    buf[8] = '\0';
}

/* Columns for trusts [first, first + n): every trust has 18 to 20 of the
 * metrics (about 5% missing), as values (normal-ish, each trust with its own
 * level) or as scores (two-decimal numbers in [1, 4]). */
typedef struct columns {
    char *codes; /* 9 bytes per trust */
    const char **code_ptr, **id_ptr;
    double *numbers;
    size_t n_rows, cap_rows;
} columns;

static void columns_fill(columns *c, size_t first, size_t n, ta_input_kind kind)
{
    if (n * N_METRICS > c->cap_rows) {
        c->cap_rows = n * N_METRICS;
        c->codes = realloc(c->codes, n * 9);
        c->code_ptr = realloc(c->code_ptr, c->cap_rows * sizeof *c->code_ptr);
        c->id_ptr = realloc(c->id_ptr, c->cap_rows * sizeof *c->id_ptr);
        c->numbers = realloc(c->numbers, c->cap_rows * sizeof *c->numbers);
        if (!c->codes || !c->code_ptr || !c->id_ptr || !c->numbers)
            die("synthetic data", "out of memory");
    }
    c->n_rows = 0;
    for (size_t t = 0; t < n; t++) {
        uint64_t s = (first + t) * UINT64_C(0x2545f4914f6cdd1d) + 12345;
        double level = rng_unit(&s) * 2 - 1;
        char *code = c->codes + t * 9;
        trust_code(code, first + t);
        for (int m = 0; m < N_METRICS; m++) {
            double u = rng_unit(&s), x;
            if (u < 0.05)
                continue;
            x = level + (rng_unit(&s) + rng_unit(&s) + rng_unit(&s) - 1.5);
            if (kind == TA_INPUT_SCORE)
                x = round((2.5 + 0.9 * x) * 100) / 100;
            if (kind == TA_INPUT_SCORE && x < 1)
                x = 1;
            if (kind == TA_INPUT_SCORE && x > 4)
                x = 4;
            c->code_ptr[c->n_rows] = code;
            c->id_ptr[c->n_rows] = kind == TA_INPUT_SCORE ? metric_ids[m] : raw_ids[m];
            c->numbers[c->n_rows] = kind == TA_INPUT_VALUE ? 50 + 10 * x : x;
            c->n_rows++;
        }
    }
}

static void columns_free(columns *c)
{
    free(c->codes);
    free(c->code_ptr);
    free(c->id_ptr);
    free(c->numbers);
}

/* Adds the columns and each trust's type and deficit flag (1 in 5). */
static void add_synthetic(ta_assessment *a, columns *c, size_t first, size_t n, ta_input_kind kind)
{
    if (ta_assessment_add_columns(a, c->n_rows, c->code_ptr, c->id_ptr, c->numbers, kind) != TA_OK)
        die("add_columns", ta_assessment_error(a));
    for (size_t t = 0; t < n; t++) {
        const char *code = c->codes + t * 9;
        size_t i = first + t;
        if (ta_assessment_set_trust_field(a, code, TA_FIELD_TYPE, types[i % 3]) != TA_OK ||
            ta_assessment_set_trust_flag(a, code, TA_FLAG_FINANCIAL_DEFICIT,
                                         i % 5 == 0 ? TA_YES : TA_NO) != TA_OK)
            die("trust fields", ta_assessment_error(a));
    }
}

/* A national quarter: n trusts from scores or values, run. */
static ta_assessment *synthetic_quarter(const ta_framework *fw, columns *c, size_t n,
                                        ta_input_kind kind)
{
    ta_assessment *a = NULL;
    if (ta_assessment_new(&a, fw, NULL) != TA_OK)
        die("assessment", "cannot create");
    columns_fill(c, 0, n, kind);
    add_synthetic(a, c, 0, n, kind);
    if (ta_assessment_run(a) != TA_OK)
        die("run", ta_assessment_error(a));
    return a;
}

/* ---- the figures -------------------------------------------------------- */

/* The three files of a national quarter read into one handle: the published
 * data file, the acute league table and the ambulance table; seconds. */
static double national_read_once(const ta_framework *fw, const char *data, const char *acute,
                                 ta_nhse_file **keep)
{
    ta_nhse_file *f = NULL;
    double t0 = now_s(), t1;
    if (ta_nhse_file_new(&f, fw, NULL) != TA_OK)
        die("file", "cannot create");
    if (ta_nhse_file_add_file(f, data) != TA_OK || ta_nhse_file_add_file(f, acute) != TA_OK ||
        ta_nhse_file_add_buffer(f, ambulance_q3, sizeof ambulance_q3 - 1, "ambulance") != TA_OK)
        die("national files", ta_nhse_file_error(f));
    t1 = now_s();
    if (keep)
        *keep = f;
    else
        ta_nhse_file_free(f);
    return t1 - t0;
}

/* The national Q3 league of all three types (ta_league: published cut-offs
 * read off every file, one assessment per type, rows); seconds. */
static double national_league_once(ta_nhse_file *f, size_t *rows)
{
    ta_league *l = NULL;
    double t0 = now_s(), t1;
    if (ta_league_new(&l, f, NULL) != TA_OK || ta_league_select_quarter(l, "Q3 2025/26") != TA_OK ||
        ta_league_run(l) != TA_OK)
        die("national league", l ? ta_league_error(l) : "cannot create");
    t1 = now_s();
    *rows = ta_league_row_count(l);
    ta_league_free(l);
    return t1 - t0;
}

/* The published Q4 league from the parsed file: build + cut-offs + run. */
static double q4_once(ta_nhse_file *f, ta_assessment **keep)
{
    ta_assessment *a = NULL;
    double cutoffs[3], t0 = now_s(), t1;
    if (ta_nhse_file_assessment(&a, f, QUARTER, NULL, TA_FROM_SCORES) != TA_OK ||
        ta_nhse_file_published_cutoffs(cutoffs, 3, f, QUARTER) != TA_OK)
        die("Q4 assessment", ta_nhse_file_error(f));
    if (ta_assessment_set_cutoffs(a, 3, cutoffs) != TA_OK || ta_assessment_run(a) != TA_OK)
        die("Q4 run", ta_assessment_error(a));
    t1 = now_s();
    if (keep)
        *keep = a;
    else
        ta_assessment_free(a);
    return t1 - t0;
}

static double csv_once(const ta_framework *fw, const char *path)
{
    ta_nhse_file *f = NULL;
    double t0 = now_s(), t1;
    if (ta_nhse_file_new(&f, fw, NULL) != TA_OK)
        die("file", "cannot create");
    if (ta_nhse_file_read_file(f, path) != TA_OK)
        die("read", ta_nhse_file_error(f));
    q4_once(f, NULL);
    t1 = now_s();
    ta_nhse_file_free(f);
    return t1 - t0;
}

/* n synthetic trusts x 20 metrics from values to the league table, fed in
 * chunks of 10 000 trusts; seconds. */
static double scale_once(const ta_framework *fw, size_t n)
{
    columns c = {0};
    ta_assessment *a = NULL;
    size_t chunk = 10000;
    double t0 = now_s(), t1;
    if (ta_assessment_new(&a, fw, NULL) != TA_OK)
        die("assessment", "cannot create");
    for (size_t first = 0; first < n; first += chunk) {
        size_t k = n - first < chunk ? n - first : chunk;
        columns_fill(&c, first, k, TA_INPUT_VALUE);
        add_synthetic(a, &c, first, k, TA_INPUT_VALUE);
    }
    if (ta_assessment_run(a) != TA_OK)
        die("run", ta_assessment_error(a));
    t1 = now_s();
    if (ta_assessment_league_count(a) != n)
        die("scale", "not every trust is in the league");
    ta_assessment_free(a);
    columns_free(&c);
    return t1 - t0;
}

/* Runs scale_once in a child; its time and, via getrusage of the children,
 * the peak resident size so far (MiB). */
static double scale_in_child(const ta_framework *fw, size_t n, double *peak_mib)
{
    int fds[2];
    pid_t pid;
    double t = -1;
    struct rusage ru;
    if (pipe(fds) != 0)
        die("pipe", "failed");
    fflush(stdout);
    pid = fork();
    if (pid < 0)
        die("fork", "failed");
    if (pid == 0) {
        close(fds[0]);
        t = scale_once(fw, n);
        if (write(fds[1], &t, sizeof t) != (ssize_t)sizeof t)
            _exit(1);
        _exit(0);
    }
    close(fds[1]);
    if (read(fds[0], &t, sizeof t) != (ssize_t)sizeof t)
        die("scale", "the child failed");
    close(fds[0]);
    waitpid(pid, NULL, 0);
    getrusage(RUSAGE_CHILDREN, &ru);
    *peak_mib = (double)ru.ru_maxrss / 1024.0; /* Linux: KiB */
    return t;
}

/* The published file at `path` with its data rows repeated, each copy's
 * trust codes suffixed with the copy number, until it has at least `want`
 * data rows: *rows of them in *copies copies. The trust code is the fifth
 * field, and the fields before it hold no comma or quote. */
static char *big_file(const char *path, size_t want, size_t *rows, size_t *copies)
{
    FILE *fp = fopen(path, "rb");
    char *text, *out, *body;
    long len;
    size_t per_copy = 0, cap, n = 0;
    if (!fp)
        die(path, "cannot open");
    fseek(fp, 0, SEEK_END);
    len = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    text = calloc((size_t)len + 1, 1);
    if (!text || fread(text, 1, (size_t)len, fp) != (size_t)len)
        die(path, "cannot read");
    fclose(fp);
    body = strchr(text, '\n') + 1;
    for (const char *p = body; *p; p++)
        per_copy += *p == '\n';
    *copies = (want + per_copy - 1) / per_copy;
    *rows = *copies * per_copy;
    cap = (size_t)len * (*copies + 1) + *rows * 8;
    if (!(out = malloc(cap)))
        die("big file", "out of memory");
    memcpy(out, text, (size_t)(body - text));
    n = (size_t)(body - text);
    for (size_t k = 0; k < *copies; k++)
        for (const char *line = body; *line;) {
            const char *end = strchr(line, '\n'), *p = line;
            size_t ln = end ? (size_t)(end - line) + 1 : strlen(line);
            for (int f = 0; f < 5; f++)
                p = strchr(p, ',') + 1; /* just past the code */
            memcpy(out + n, line, (size_t)(p - 1 - line));
            n += (size_t)(p - 1 - line);
            n += (size_t)sprintf(out + n, "X%zu,", k);
            memcpy(out + n, p, ln - (size_t)(p - line));
            n += ln - (size_t)(p - line);
            line += ln;
        }
    out[n] = '\0';
    free(text);
    return out;
}

int main(int argc, char **argv)
{
    const char *data = TA_BENCH_DATA, *acute = TA_BENCH_ACUTE;
    int quick = 0;
    unsigned threads = (unsigned)sysconf(_SC_NPROCESSORS_ONLN);
    ta_framework *nof = NULL, *syn;
    ta_nhse_file *file = NULL;
    ta_assessment *a;
    columns c = {0};
    double *times, t0, peak = 0;
    size_t runs;
    long file_size;
    FILE *fp;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--quick") == 0)
            quick = 1;
        else if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
            data = argv[++i];
        else if (strcmp(argv[i], "--acute") == 0 && i + 1 < argc)
            acute = argv[++i];
        else if (strcmp(argv[i], "--cpu") == 0)
            bench_clock = CLOCK_PROCESS_CPUTIME_ID;
        else if (strcmp(argv[i], "--threads") == 0 && i + 1 < argc)
            threads = (unsigned)strtoul(argv[++i], NULL, 10);
        else {
            fprintf(stderr,
                    "usage: %s [--quick] [--cpu] [--data FILE] [--acute FILE] [--threads N]\n",
                    argv[0]);
            return 2;
        }
    }
    if (threads < 1)
        threads = 1;
    if (!(fp = fopen(data, "rb")))
        die(data, "cannot open");
    fseek(fp, 0, SEEK_END);
    file_size = ftell(fp);
    fclose(fp);
    printf("libtrustassess %s benchmark%s; data %s (%.2f MB); threads %u; %s time\n",
           ta_version_string(), quick ? " (quick)" : "", data, (double)file_size / 1e6, threads,
           bench_clock == CLOCK_MONOTONIC ? "wall" : "CPU");

    if (ta_framework_preset(&nof, "nof-2025-26", NULL) != TA_OK ||
        ta_nhse_file_new(&file, nof, NULL) != TA_OK)
        die("preset", "cannot create");
    if (ta_nhse_file_read_file(file, data) != TA_OK)
        die("read", ta_nhse_file_error(file));
    syn = synthetic_framework();
    runs = quick ? 501 : 5001;
    times = calloc(runs, sizeof *times);

    /* 1. The published Q4 league table, file already parsed. */
    for (size_t r = 0; r < 50; r++)
        q4_once(file, NULL); /* warm-up */
    for (size_t r = 0; r < runs; r++)
        times[r] = q4_once(file, NULL);
    printf("Q4 league table from the parsed file (61 trusts): median of %zu runs\n", runs);
    bench_line("q4_table_us", median(times, runs) * 1e6, "us");

    /* 2. A national quarter, 230 trusts x 20 metrics: input + run, and run alone. */
    for (int kind = 0; kind < 2; kind++) {
        ta_input_kind k = kind == 0 ? TA_INPUT_SCORE : TA_INPUT_VALUE;
        double *run_times = calloc(runs, sizeof *run_times);
        columns_fill(&c, 0, 230, k);
        for (size_t r = 0; r < runs; r++) {
            double t1;
            a = NULL;
            t0 = now_s();
            ta_assessment_new(&a, syn, NULL);
            add_synthetic(a, &c, 0, 230, k);
            t1 = now_s();
            if (ta_assessment_run(a) != TA_OK)
                die("run", ta_assessment_error(a));
            times[r] = now_s() - t0;
            run_times[r] = now_s() - t1;
            ta_assessment_free(a);
        }
        printf("national quarter from %s (230 x 20): input (add_columns + types + flags) and "
               "run, median of %zu\n",
               kind == 0 ? "scores" : "values", runs);
        bench_line(kind == 0 ? "national_quarter_us" : "quarter_from_values_us",
                   median(times, runs) * 1e6, "us");
        bench_line(kind == 0 ? "national_quarter_run_us" : "quarter_from_values_run_us",
                   median(run_times, runs) * 1e6, "us");
        free(run_times);
    }

    /* 3. Reading and scoring the published file. */
    {
        size_t n = quick ? 5 : 21;
        for (size_t r = 0; r < n; r++)
            times[r] = csv_once(nof, data);
        t0 = median(times, n);
        printf("read + parse + assess Q4 of the published file: median of %zu, %.0f MB/s\n", n,
               (double)file_size / 1e6 / t0);
        bench_line("csv_read_score_ms", t0 * 1e3, "ms");
        bench_line("csv_read_mb_per_s", (double)file_size / 1e6 / t0, "MB/s");
    }

    /* 3b. A national quarter of all three trust types from NHS England's
     * files: reading and merging the three, and the league of Q3. */
    {
        size_t n = quick ? 5 : 21, rows = 0, league_runs = quick ? 101 : 1001;
        ta_nhse_file *national = NULL;
        for (size_t r = 0; r < n; r++)
            times[r] = national_read_once(nof, data, acute, NULL);
        bench_line("national_files_read_ms", median(times, n) * 1e3, "ms");
        national_read_once(nof, data, acute, &national);
        for (size_t r = 0; r < 20; r++)
            national_league_once(national, &rows); /* warm-up */
        for (size_t r = 0; r < league_runs; r++)
            times[r] = national_league_once(national, &rows);
        printf("national league of Q3 2025/26, all three types (%zu trusts: mental health and "
               "community, acute, ambulance), ta_league from the merged files: median of %zu\n",
               rows, league_runs);
        bench_line("national_league_q3_us", median(times, league_runs) * 1e6, "us");
        ta_nhse_file_free(national);
    }

    /* 4. Likely ranges and what-if on the national quarter from scores. */
    {
        uint32_t reps = quick ? 1000 : 10000;
        size_t n_out = 230 * N_METRICS;
        double *out = calloc(n_out, sizeof *out);
        a = synthetic_quarter(syn, &c, 230, TA_INPUT_SCORE);
        t0 = now_s();
        if (ta_assessment_likely_ranges(a, reps, 0.95, 42, threads) != TA_OK)
            die("likely ranges", ta_assessment_error(a));
        t0 = now_s() - t0;
        printf("likely ranges, 230 trusts, %u replicates, %u threads\n", (unsigned)reps, threads);
        bench_line(quick ? "likely_ranges_1k_s" : "likely_ranges_10k_s", t0, "s");
        if (!quick && threads > 1) {
            t0 = now_s();
            ta_assessment_likely_ranges(a, reps, 0.95, 42, 1);
            bench_line("likely_ranges_10k_1thread_s", now_s() - t0, "s");
        }
        for (size_t r = 0; r < 21; r++) {
            t0 = now_s();
            if (ta_assessment_whatif_batch(out, n_out, a, threads) != TA_OK)
                die("what-if", "batch failed");
            times[r] = now_s() - t0;
        }
        printf("what-if batch, 230 trusts x 20 metrics, %u threads, median of 21\n", threads);
        bench_line("whatif_batch_ms", median(times, 21) * 1e3, "ms");
        ta_assessment_free(a);
        if (!quick) {
            ta_assessment *q4 = NULL;
            q4_once(file, &q4);
            t0 = now_s();
            ta_assessment_likely_ranges(q4, 10000, 0.95, 42, threads);
            bench_line("likely_ranges_10k_q4_s", now_s() - t0, "s");
            ta_assessment_free(q4);
        }
        free(out);
    }

    /* 5. Scaling from raw values, each size in its own process. */
    {
        static const char *const names[4] = {"scale_1e3_s", "scale_1e4_s", "scale_1e5_s",
                                             "scale_1e6_s"};
        size_t sizes[4] = {1000, 10000, 100000, 1000000};
        int top = quick ? 2 : 4;
        printf("scaling: n trusts x 20 metrics from raw values to the league table\n");
        for (int k = 0; k < top; k++) {
            double t = scale_in_child(syn, sizes[k], &peak);
            bench_line(names[k], t, "s");
            printf("  %zu trusts: %.3f us per trust\n", sizes[k], t / (double)sizes[k] * 1e6);
        }
        if (!quick)
            bench_line("scale_1e6_peak_mib", peak, "MiB");
    }

    /* 6. Eligibility over a 1e6-row file (issue 19): the published file's
     * trusts copied under new codes until the file has a million rows, read
     * and screened against aft-2025 and iho-2025 (peer statistics once per
     * quarter and type). */
    {
        size_t rows = 0, copies;
        double t_read, t_screen;
        char *big = big_file(data, quick ? 100000 : 1000000, &rows, &copies);
        ta_nhse_file *bf = NULL;
        ta_screen *sc = NULL;
        ta_criteria *aft = NULL, *iho = NULL;
        t0 = now_s();
        if (ta_nhse_file_new(&bf, nof, NULL) != TA_OK ||
            ta_nhse_file_read_buffer(bf, big, strlen(big), "big.csv") != TA_OK)
            die("big file", bf ? ta_nhse_file_error(bf) : "cannot create");
        t_read = now_s() - t0;
        t0 = now_s();
        if (ta_criteria_preset(&aft, "aft-2025", NULL) != TA_OK ||
            ta_criteria_preset(&iho, "iho-2025", NULL) != TA_OK ||
            ta_screen_new_nhse(&sc, nof, bf, NULL) != TA_OK || ta_screen_run(sc, aft, iho) != TA_OK)
            die("eligibility", sc ? ta_screen_error(sc) : "cannot create");
        t_screen = now_s() - t0;
        printf("eligibility: %zu rows (%zu copies of the file's trusts), read %.2f s, screen "
               "%.2f s\n",
               rows, copies, t_read, t_screen);
        bench_line(quick ? "eligibility_1e5_rows_s" : "eligibility_1e6_rows_s", t_read + t_screen,
                   "s");
        ta_screen_free(sc);
        ta_criteria_free(aft);
        ta_criteria_free(iho);
        ta_nhse_file_free(bf);
        free(big);
    }

    /* 7. The review panel calendar (issue 19): 100 years of daily sittings
     * (every working day), then a schedule computed over them. */
    {
        ta_review_schedule *rs = NULL;
        ta_date from = {2026, 1, 1}, to = {2125, 12, 31}, auth = {2021, 4, 1};
        size_t added = 0;
        t0 = now_s();
        if (ta_review_schedule_new(&rs, NULL) != TA_OK ||
            ta_review_schedule_add_trust(rs, "RX1", "Trust one", auth) != TA_OK ||
            ta_review_schedule_add_sittings_weekly(&added, rs, from, to, 0x1Fu) != TA_OK ||
            ta_review_schedule_compute(rs) != TA_OK)
            die("panel calendar", rs ? ta_review_schedule_error(rs) : "cannot create");
        t0 = now_s() - t0;
        printf("panel calendar: %zu daily sittings over 100 years, added and scheduled\n", added);
        bench_line("panel_calendar_100y_daily_s", t0, "s");
        ta_review_schedule_free(rs);
    }

    columns_free(&c);
    free(times);
    ta_nhse_file_free(file);
    ta_framework_free(syn);
    ta_framework_free(nof);
    return 0;
}
