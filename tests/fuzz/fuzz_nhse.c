/*
 * Fuzzes the reader of NHS England's published NOF files and everything
 * downstream of it: ta_nhse_file_read_buffer, then for each period (a few at
 * most) an assessment from the published scores and one from the raw values,
 * run and read back in full, the published cut-offs, and a verification of
 * the whole file.
 *
 * The framework (the built-in preset) is built once and shared, as a host
 * would. Checks beyond the sanitizers: failed calls leave a message, results
 * read after a successful run are in range.
 */
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static ta_framework *fw;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    FUZZ_CHECK(ta_framework_preset(&fw, "nof-2025-26", NULL) == TA_OK, "preset");
    return 0;
}

static void read_results(ta_assessment *a)
{
    size_t n = ta_assessment_trust_count(a);
    int segments = (int)ta_framework_segment_count(fw);
    char buf[256];
    for (size_t i = 0; i <= n; i++) {
        int seg = 0, u = 0, adj = 0, fin = 0;
        double unr = 0, rounded = 0, dist = 0;
        size_t ns = 0, needed = 0;
        uint32_t rank = 0;
        ta_reason why;
        ta_status st = ta_assessment_is_segmented(&seg, a, i);
        if (i == n) {
            FUZZ_CHECK(st != TA_OK, "trust index %zu of %zu accepted", i, n);
            FUZZ_CHECK(ta_assessment_trust_code(a, i) == NULL, "code past the end");
            break;
        }
        FUZZ_CHECK(st == TA_OK, "is_segmented: %s", ta_assessment_error(a));
        (void)ta_assessment_trust_code(a, i);
        (void)ta_assessment_trust_field(a, i, TA_FIELD_NAME);
        if (!seg)
            continue;
        FUZZ_CHECK(ta_assessment_average(&unr, &rounded, &ns, a, i) == TA_OK, "average");
        FUZZ_CHECK(rounded >= 1.0 && rounded <= 4.0, "average %g", rounded);
        FUZZ_CHECK(ta_assessment_segments(&u, &adj, &fin, a, i) == TA_OK, "segments");
        FUZZ_CHECK(u >= 1 && u <= segments, "segment %d", u);
        FUZZ_CHECK(ta_assessment_rank(&rank, a, i) == TA_OK && rank >= 1, "rank");
        FUZZ_CHECK(ta_assessment_reason(&why, a, i) == TA_OK, "reason");
        FUZZ_CHECK(ta_assessment_reason_text(buf, sizeof buf, &needed, a, i) == TA_OK, "text");
        FUZZ_CHECK(strlen(buf) < sizeof buf, "reason text");
        (void)ta_assessment_distance_to_better(&dist, a, i);
        for (size_t d = 0; d < ta_framework_domain_count(fw); d++) {
            int has = 0;
            double s = 0;
            FUZZ_CHECK(ta_assessment_domain_score(&has, &s, a, i, d) == TA_OK, "domain");
        }
    }
    for (size_t p = 0; p < ta_assessment_league_count(a); p++) {
        size_t idx = 0;
        FUZZ_CHECK(ta_assessment_league_entry(&idx, a, p) == TA_OK && idx < n, "league");
    }
    for (size_t k = 0; k < ta_assessment_note_count(a); k++)
        FUZZ_CHECK(ta_assessment_note(a, k) != NULL, "note %zu", k);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ta_nhse_file *f = NULL;
    ta_status st;

    FUZZ_CHECK(ta_nhse_file_new(&f, fw, NULL) == TA_OK, "new");
    st = ta_nhse_file_read_buffer(f, (const char *)data, size, "fuzz.csv");
    FUZZ_CHECK_MESSAGE(st, ta_nhse_file_error(f));
    if (st == TA_OK) {
        size_t periods = ta_nhse_file_period_count(f);
        for (size_t p = 0; p < periods && p < 3; p++) {
            const char *period = ta_nhse_file_period(f, p);
            double cut[8];
            size_t idx = 0;
            FUZZ_CHECK(period != NULL, "period %zu", p);
            FUZZ_CHECK(ta_nhse_file_find_period(&idx, f, period) == TA_OK, "find %s", period);
            (void)ta_nhse_file_published_cutoffs(cut, 8, f, period);
            for (int src = 0; src < 2; src++) {
                ta_assessment *a = NULL;
                const char *type = ta_nhse_file_trust_type_count(f) > 0 && src
                                       ? ta_nhse_file_trust_type(f, 0)
                                       : NULL;
                st = ta_nhse_file_assessment(&a, f, period, type, (ta_nhse_source)src);
                FUZZ_CHECK_MESSAGE(st, ta_nhse_file_error(f));
                if (st != TA_OK)
                    continue;
                st = ta_assessment_run(a);
                FUZZ_CHECK_MESSAGE(st, ta_assessment_error(a));
                if (st == TA_OK)
                    read_results(a);
                ta_assessment_free(a);
            }
        }
        ta_verification *v = NULL;
        FUZZ_CHECK(ta_verification_new(&v, f, NULL) == TA_OK, "verification");
        st = ta_verification_run(v, NULL);
        FUZZ_CHECK_MESSAGE(st, ta_verification_error(v));
        if (st == TA_OK) {
            (void)ta_verification_status(v);
            for (size_t k = 0; k < ta_verification_difference_count(v); k++) {
                ta_verify_mode mode;
                double pub, comp;
                ta_verdict verdict;
                FUZZ_CHECK(ta_verification_difference_period(v, k) &&
                               ta_verification_difference_trust_code(v, k) &&
                               ta_verification_difference_figure(v, k) &&
                               ta_verification_difference_reason(v, k),
                           "difference %zu text", k);
                FUZZ_CHECK(ta_verification_difference_mode(&mode, v, k) == TA_OK &&
                               ta_verification_difference_values(&pub, &comp, v, k) == TA_OK &&
                               ta_verification_difference_verdict(&verdict, v, k) == TA_OK,
                           "difference %zu", k);
            }
        }
        ta_verification_free(v);
    }
    ta_nhse_file_free(f);
    return 0;
}
