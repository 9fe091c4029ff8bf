/*
 * Fuzzes the framework catalogue reader (ta_framework_builder_read_buffer)
 * with arbitrary definitions, then the builder's validation, and when a
 * framework comes out, assesses a tiny population with it: five trusts, every
 * metric given a value and, for supplied-score metrics, a score, so that the
 * scoring rules (rank, capped, banded, combined), cut-offs and caps all run on
 * whatever the definitions say.
 */
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void assess(const ta_framework *fw)
{
    ta_assessment *a = NULL;
    size_t nm = ta_framework_metric_count(fw);
    char code[8];
    ta_status st;

    /* Every reader must answer for every index, and NULL past the end. */
    (void)ta_framework_name(fw);
    FUZZ_CHECK(ta_framework_metric_id(fw, nm) == NULL, "metric past the end");
    for (size_t d = 0; d < ta_framework_domain_count(fw); d++) {
        const char *key, *name, *sid;
        FUZZ_CHECK(ta_framework_domain_info(&key, &name, &sid, fw, d) == TA_OK, "domain %zu", d);
    }
    for (int k = 0; k <= TA_FIGURE_OTHER; k++)
        (void)ta_framework_figure_id(fw, (ta_figure)k);

    FUZZ_CHECK(ta_assessment_new(&a, fw, NULL) == TA_OK, "assessment");
    for (int t = 0; t < 5; t++) {
        ta_trust *tr = NULL;
        snprintf(code, sizeof code, "T%d", t);
        FUZZ_CHECK(ta_trust_new(&tr, fw, code, NULL) == TA_OK, "trust");
        (void)ta_trust_set_flag(tr, TA_FLAG_FINANCIAL_DEFICIT, t == 1 ? TA_YES : TA_NO);
        (void)ta_trust_set_flag(tr, TA_FLAG_RECOVERY_SUPPORT, t == 2 ? TA_YES : TA_NO);
        for (size_t m = 0; m < nm; m++) {
            const char *id = ta_framework_metric_id(fw, m);
            ta_scoring sc;
            FUZZ_CHECK(id != NULL, "metric %zu", m);
            FUZZ_CHECK(ta_framework_metric_scoring(&sc, fw, m) == TA_OK, "scoring");
            if (sc == TA_SCORING_SUPPLIED)
                st = ta_trust_set_score(tr, id, 1.0 + (double)((t + (int)m) % 4));
            else
                st = ta_trust_set_value(tr, id, (double)((t * 7 + (int)m * 3) % 11) - 2.5);
            FUZZ_CHECK_MESSAGE(st, ta_trust_error(tr));
        }
        FUZZ_CHECK(ta_assessment_add_trust(a, tr) == TA_OK, "%s", ta_assessment_error(a));
        ta_trust_free(tr);
    }
    st = ta_assessment_run(a);
    FUZZ_CHECK_MESSAGE(st, ta_assessment_error(a));
    if (st == TA_OK) {
        for (size_t i = 0; i < ta_assessment_trust_count(a); i++) {
            int u = 0, adj = 0, fin = 0;
            char buf[200];
            if (ta_assessment_segments(&u, &adj, &fin, a, i) == TA_OK)
                FUZZ_CHECK(u >= 1 && u <= (int)ta_framework_segment_count(fw), "segment %d", u);
            (void)ta_assessment_reason_text(buf, sizeof buf, NULL, a, i);
        }
    }
    ta_assessment_free(a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ta_framework_builder *b = NULL;
    ta_framework *fw = NULL;
    ta_status st;

    FUZZ_CHECK(ta_framework_builder_new(&b, "fuzz", NULL) == TA_OK, "builder");
    st = ta_framework_builder_read_buffer(b, (const char *)data, size, "fuzz.csv");
    FUZZ_CHECK_MESSAGE(st, ta_framework_builder_error(b));
    st = ta_framework_builder_build(&fw, b);
    FUZZ_CHECK_MESSAGE(st, ta_framework_builder_error(b));
    FUZZ_CHECK((st == TA_OK) == (fw != NULL), "status %d with framework %p", (int)st, (void *)fw);
    if (fw != NULL)
        assess(fw);
    ta_framework_free(fw);
    ta_framework_builder_free(b);
    return 0;
}
