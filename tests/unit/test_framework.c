/*
 * Tests of lib/nof's frameworks (include/trustassess/framework.h): the built-in
 * NOF 2025/26 preset fact by fact, its catalogue text read back through a
 * builder, every builder check with its message, catalogue-file errors with
 * their exact file:line:column prefix, and an allocation-failure sweep over
 * building the preset.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc_fail.h"
#include "alloc_guard.h"
#include "nof/framework_internal.h"
#include "trustassess/assessment.h"
#include "trustassess/framework.h"

#define PRESET "nof-2025-26"
#define HEADER "Record,Id,Name,Domain,Raw_id,Direction,Scoring,In_average,Parameters\n"

/* Fails with the message shown unless `text` contains `word`. */
#define assert_has(text, word)                                                                     \
    ck_assert_msg(strstr((text), (word)) != NULL, "\"%s\" does not contain \"%s\"", (text), (word))

/* A builder with domain "d1" and one rank-scored metric "M1" (raw "V1"). */
/* Metric i of fw through its accessors (each must answer for an index in
 * range); any out-pointer may be NULL. */
static void metric_info(const char **name, const char **domain, const char **raw,
                        ta_scoring *scoring, ta_direction *dir, int *in_avg, const ta_framework *fw,
                        size_t i)
{
    ta_scoring sc;
    ta_direction d;
    int a;
    const char *text[3] = {ta_framework_metric_name(fw, i), ta_framework_metric_domain(fw, i),
                           ta_framework_metric_raw_id(fw, i)};
    const char **out[3] = {name, domain, raw};
    for (int j = 0; j < 3; j++) {
        ck_assert_ptr_nonnull(text[j]);
        if (out[j])
            *out[j] = text[j];
    }
    ck_assert_int_eq(ta_framework_metric_scoring(&sc, fw, i), TA_OK);
    ck_assert_int_eq(ta_framework_metric_direction(&d, fw, i), TA_OK);
    ck_assert_int_eq(ta_framework_metric_in_average(&a, fw, i), TA_OK);
    if (scoring)
        *scoring = sc;
    if (dir)
        *dir = d;
    if (in_avg)
        *in_avg = a;
}

static ta_framework_builder *small_builder(void)
{
    ta_framework_builder *b = NULL;
    ck_assert_int_eq(ta_framework_builder_new(&b, "small", NULL), TA_OK);
    ck_assert_ptr_nonnull(b);
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "d1", "Domain one", "D1"), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "M1", "Metric one", "d1", TA_SCORING_RANK),
                     TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_raw_id(b, "M1", "V1"), TA_OK);
    return b;
}

/* ---- the preset ------------------------------------------------------- */

START_TEST(test_preset_facts)
{
    static const char *const keys[5] = {"access", "patient_safety", "finance_productivity",
                                        "people_workforce", "effectiveness_experience"};
    static const char *const score_ids[5] = {"OF4000", "OF4002", "OF4003", "OF4004", "OF4005"};
    ta_framework *fw = NULL;
    const char *key, *name, *score_id, *raw, *domain;
    ta_scoring scoring;
    ta_direction dir;
    int in_avg, n_in_avg = 0;
    size_t i, idx, idx2, count = 99;
    double cut[3];

    ck_assert_int_eq(ta_framework_preset(&fw, PRESET, NULL), TA_OK);
    ck_assert_ptr_nonnull(fw);
    ck_assert_str_eq(ta_framework_name(fw), PRESET);
    ck_assert_uint_eq(ta_framework_metric_count(fw), 14);
    ck_assert_uint_eq(ta_framework_domain_count(fw), 5);
    for (i = 0; i < 5; i++) {
        ck_assert_int_eq(ta_framework_domain_info(&key, &name, &score_id, fw, i), TA_OK);
        ck_assert_str_eq(key, keys[i]);
        ck_assert_str_eq(score_id, score_ids[i]);
        ck_assert_uint_gt(strlen(name), 0);
    }
    ck_assert_int_eq(ta_framework_domain_info(&key, NULL, NULL, fw, 5), TA_EINVAL);
    ck_assert_str_eq(ta_framework_metric_id(fw, 0), "OF1005");
    ck_assert_ptr_null(ta_framework_metric_id(fw, 14));

    /* Only OF1079 and OF1081 stay out of the average. */
    for (i = 0; i < 14; i++) {
        metric_info(NULL, NULL, NULL, NULL, NULL, &in_avg, fw, i);
        n_in_avg += in_avg;
    }
    ck_assert_int_eq(n_in_avg, 12);
    ck_assert_int_eq(ta_framework_metric_index(&idx, fw, "OF1079"), TA_OK);
    metric_info(NULL, &domain, &raw, &scoring, &dir, &in_avg, fw, idx);
    ck_assert_int_eq(in_avg, 0);
    ck_assert_int_eq(scoring, TA_SCORING_BANDED);
    ck_assert_str_eq(domain, "finance_productivity");
    ck_assert_str_eq(raw, "OF0079");
    ck_assert_int_eq(ta_framework_metric_index(&idx, fw, "OF1081"), TA_OK);
    metric_info(NULL, NULL, NULL, &scoring, NULL, &in_avg, fw, idx);
    ck_assert_int_eq(in_avg, 0);
    ck_assert_int_eq(scoring, TA_SCORING_BANDED);
    ck_assert_int_eq(ta_framework_metric_index(&idx, fw, "OF1080"), TA_OK);
    metric_info(NULL, NULL, &raw, &scoring, NULL, &in_avg, fw, idx);
    ck_assert_int_eq(scoring, TA_SCORING_COMBINED);
    ck_assert_int_eq(in_avg, 1);
    ck_assert_str_eq(raw, "");

    /* OF1057 has a floor (the manual's bookends 1.00-3.00, failing 4.00), higher is
     * better; OF1005 rank-scored, lower is better. */
    ck_assert_int_eq(ta_framework_metric_index(&idx, fw, "OF1057"), TA_OK);
    metric_info(&name, &domain, &raw, &scoring, &dir, &in_avg, fw, idx);
    ck_assert_int_eq(scoring, TA_SCORING_FLOOR);
    ck_assert_int_eq(dir, TA_HIGHER_IS_BETTER);
    ck_assert_str_eq(raw, "OF0057");
    ck_assert_str_eq(domain, "effectiveness_experience");
    ck_assert_str_eq(name, "Urgent Community Response 2-hour performance");
    ck_assert_int_eq(ta_framework_metric_index(&idx, fw, "OF1005"), TA_OK);
    ck_assert_uint_eq(idx, 0);
    metric_info(NULL, NULL, NULL, &scoring, &dir, NULL, fw, idx);
    ck_assert_int_eq(scoring, TA_SCORING_RANK);
    ck_assert_int_eq(dir, TA_LOWER_IS_BETTER);
    ck_assert_int_eq(ta_framework_metric_index(&idx, fw, "OF1067"), TA_OK);
    metric_info(NULL, NULL, &raw, &scoring, NULL, NULL, fw, idx);
    ck_assert_int_eq(scoring, TA_SCORING_SUPPLIED);
    ck_assert_str_eq(raw, "");

    /* The raw-value ID resolves to its metric; domain and figure IDs are not metrics. */
    ck_assert_int_eq(ta_framework_metric_index(&idx2, fw, "OF0005"), TA_OK);
    ck_assert_uint_eq(idx2, 0);
    ck_assert_int_eq(ta_framework_metric_index(&idx2, fw, "OF0057"), TA_OK);
    ck_assert_int_eq(ta_framework_metric_index(&idx, fw, "OF1057"), TA_OK);
    ck_assert_uint_eq(idx, idx2);
    ck_assert_int_eq(ta_framework_metric_index(&idx, fw, "OF9999"), TA_ENOTFOUND);
    ck_assert_int_eq(ta_framework_metric_index(&idx, fw, "OF4000"), TA_ENOTFOUND);
    ck_assert_int_eq(ta_framework_metric_index(&idx, fw, "OF5002"), TA_ENOTFOUND);
    ck_assert_int_eq(ta_framework_metric_index(&idx, fw, "of1005"), TA_ENOTFOUND);
    ck_assert_int_eq(ta_framework_metric_index(NULL, fw, "OF1005"), TA_EINVAL);
    ck_assert_int_eq(ta_framework_metric_index(&idx, NULL, "OF1005"), TA_EINVAL);
    ck_assert_int_eq(ta_framework_metric_index(&idx, fw, NULL), TA_EINVAL);
    {
        /* Every metric accessor refuses an index at the count (14). */
        ta_scoring sc;
        ta_direction d;
        int a;
        ck_assert_uint_eq(ta_framework_metric_count(fw), 14);
        ck_assert_ptr_null(ta_framework_metric_name(fw, 14));
        ck_assert_ptr_null(ta_framework_metric_domain(fw, 14));
        ck_assert_ptr_null(ta_framework_metric_raw_id(fw, 14));
        ck_assert_int_eq(ta_framework_metric_scoring(&sc, fw, 14), TA_EINVAL);
        ck_assert_int_eq(ta_framework_metric_direction(&d, fw, 14), TA_EINVAL);
        ck_assert_int_eq(ta_framework_metric_in_average(&a, fw, 14), TA_EINVAL);
        ck_assert_int_eq(ta_framework_metric_scoring(NULL, fw, 0), TA_EINVAL);
        ck_assert_int_eq(ta_framework_metric_direction(NULL, fw, 0), TA_EINVAL);
        ck_assert_int_eq(ta_framework_metric_in_average(NULL, fw, 0), TA_EINVAL);
        ck_assert_ptr_null(ta_framework_metric_name(NULL, 0));
    }

    ck_assert_str_eq(ta_framework_figure_id(fw, TA_FIGURE_AVERAGE), "OF5002");
    ck_assert_str_eq(ta_framework_figure_id(fw, TA_FIGURE_UNADJUSTED_SEGMENT), "OF5003");
    ck_assert_str_eq(ta_framework_figure_id(fw, TA_FIGURE_ADJUSTED_SEGMENT), "OF5000");
    ck_assert_str_eq(ta_framework_figure_id(fw, TA_FIGURE_FINAL_SEGMENT), "OF5005");
    ck_assert_str_eq(ta_framework_figure_id(fw, TA_FIGURE_DEFICIT_FLAG), "OF5004");
    ck_assert_str_eq(ta_framework_figure_id(fw, TA_FIGURE_RSP_FLAG), "OF5007");
    ck_assert_ptr_null(ta_framework_figure_id(fw, TA_FIGURE_OTHER));

    ck_assert_uint_eq(ta_framework_segment_count(fw), 4);
    ck_assert_int_eq(ta_framework_deficit_cap(fw), 3);
    ck_assert_int_eq(ta_framework_rsp_segment(fw), 5);
    ck_assert_int_eq(ta_framework_decimals(fw), 2);
    ck_assert_int_eq(ta_framework_cutoff_rule(fw), TA_CUTOFF_TIES_BETTER);
    /* Quartiles: no explicit cut-offs. */
    ck_assert_int_eq(ta_framework_cutoffs(cut, 3, &count, fw), TA_OK);
    ck_assert_uint_eq(count, 0);
    ck_assert_int_eq(ta_framework_cutoffs(cut, 3, NULL, fw), TA_EINVAL);
    ck_assert_int_eq(ta_framework_cutoffs(NULL, 3, &count, fw), TA_EINVAL);

    ck_assert_uint_eq(ta_framework_preset_count(), 3);
    ck_assert_str_eq(ta_framework_preset_name(0), PRESET);
    ck_assert_str_eq(ta_framework_preset_name(1), "nof-2025-26-acute");
    ck_assert_str_eq(ta_framework_preset_name(2), "nof-2025-26-ambulance");
    ck_assert_ptr_null(ta_framework_preset_name(3));
    ta_framework_free(fw);
}
END_TEST

START_TEST(test_preset_unknown)
{
    ta_framework *fw = (ta_framework *)&fw; /* a non-NULL sentinel */

    ck_assert_int_eq(ta_framework_preset(&fw, "nof-2024-25", NULL), TA_ENOTFOUND);
    ck_assert_ptr_null(fw);
    fw = (ta_framework *)&fw;
    ck_assert_int_eq(ta_framework_preset(&fw, "", NULL), TA_ENOTFOUND);
    ck_assert_ptr_null(fw);
    fw = (ta_framework *)&fw;
    ck_assert_int_eq(ta_framework_preset(&fw, NULL, NULL), TA_EINVAL);
    ck_assert_ptr_null(fw);
    ck_assert_int_eq(ta_framework_preset(NULL, PRESET, NULL), TA_EINVAL);
    ck_assert_ptr_null(ta_framework_preset_text("nof-2024-25"));
    ck_assert_ptr_null(ta_framework_preset_text(NULL));
    ck_assert_ptr_nonnull(ta_framework_preset_text(PRESET));
    /* A NULL handle reads as nothing. */
    ck_assert_ptr_null(ta_framework_name(NULL));
    ck_assert_uint_eq(ta_framework_metric_count(NULL), 0);
    ck_assert_uint_eq(ta_framework_domain_count(NULL), 0);
    ck_assert_uint_eq(ta_framework_segment_count(NULL), 0);
    ck_assert_ptr_null(ta_framework_figure_id(NULL, TA_FIGURE_AVERAGE));
    ta_framework_free(NULL);
    ta_framework_builder_free(NULL);
}
END_TEST

/* The preset's catalogue text, read through a builder, gives the same framework. */
START_TEST(test_preset_text_round_trip)
{
    const char *text = ta_framework_preset_text(PRESET);
    ta_framework_builder *b = NULL;
    ta_framework *fw = NULL, *copy = NULL;
    size_t i, na, nb;
    double ca[8], cb[8];

    ck_assert_ptr_nonnull(text);
    ck_assert_int_eq(ta_framework_preset(&fw, PRESET, NULL), TA_OK);
    ck_assert_int_eq(ta_framework_builder_new(&b, "copy", NULL), TA_OK);
    ck_assert_int_eq(ta_framework_builder_read_buffer(b, text, strlen(text), "preset.csv"), TA_OK);
    ck_assert_str_eq(ta_framework_builder_error(b), "");
    ck_assert_int_eq(ta_framework_builder_build(&copy, b), TA_OK);
    ta_framework_builder_free(b); /* the framework owns its own copy of everything */

    ck_assert_str_eq(ta_framework_name(copy), ta_framework_name(fw));
    ck_assert_uint_eq(ta_framework_metric_count(copy), ta_framework_metric_count(fw));
    for (i = 0; i < ta_framework_metric_count(fw); i++) {
        const char *n1, *n2, *d1, *d2, *r1, *r2;
        ta_scoring s1, s2;
        ta_direction dir1, dir2;
        int a1, a2;
        size_t j;
        ck_assert_str_eq(ta_framework_metric_id(copy, i), ta_framework_metric_id(fw, i));
        metric_info(&n1, &d1, &r1, &s1, &dir1, &a1, fw, i);
        metric_info(&n2, &d2, &r2, &s2, &dir2, &a2, copy, i);
        ck_assert_str_eq(n1, n2);
        ck_assert_str_eq(d1, d2);
        ck_assert_str_eq(r1, r2);
        ck_assert_int_eq(s1, s2);
        ck_assert_int_eq(dir1, dir2);
        ck_assert_int_eq(a1, a2);
        if (r1[0]) {
            ck_assert_int_eq(ta_framework_metric_index(&j, copy, r1), TA_OK);
            ck_assert_uint_eq(j, i);
        }
    }
    ck_assert_uint_eq(ta_framework_domain_count(copy), ta_framework_domain_count(fw));
    for (i = 0; i < ta_framework_domain_count(fw); i++) {
        const char *k1, *k2, *n1, *n2, *s1, *s2;
        ck_assert_int_eq(ta_framework_domain_info(&k1, &n1, &s1, fw, i), TA_OK);
        ck_assert_int_eq(ta_framework_domain_info(&k2, &n2, &s2, copy, i), TA_OK);
        ck_assert_str_eq(k1, k2);
        ck_assert_str_eq(n1, n2);
        ck_assert_str_eq(s1, s2);
    }
    for (int k = TA_FIGURE_AVERAGE; k < TA_FIGURE_OTHER; k++)
        ck_assert_str_eq(ta_framework_figure_id(copy, (ta_figure)k),
                         ta_framework_figure_id(fw, (ta_figure)k));
    ck_assert_uint_eq(ta_framework_segment_count(copy), ta_framework_segment_count(fw));
    ck_assert_int_eq(ta_framework_deficit_cap(copy), ta_framework_deficit_cap(fw));
    ck_assert_int_eq(ta_framework_rsp_segment(copy), ta_framework_rsp_segment(fw));
    ck_assert_int_eq(ta_framework_decimals(copy), ta_framework_decimals(fw));
    ck_assert_int_eq(ta_framework_cutoff_rule(copy), ta_framework_cutoff_rule(fw));
    ck_assert_int_eq(ta_framework_cutoffs(ca, 8, &na, fw), TA_OK);
    ck_assert_int_eq(ta_framework_cutoffs(cb, 8, &nb, copy), TA_OK);
    ck_assert_uint_eq(na, nb);
    ta_framework_free(copy);
    ta_framework_free(fw);
}
END_TEST

/* ---- the builder ------------------------------------------------------ */

START_TEST(test_builder_null_arguments)
{
    ta_framework_builder *b = (ta_framework_builder *)&b;
    ta_framework *fw = (ta_framework *)&fw;
    ta_allocator bad = {NULL, NULL, NULL, NULL};
    double cuts[1] = {1};
    double table[16] = {0};

    ck_assert_int_eq(ta_framework_builder_new(NULL, "x", NULL), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_new(&b, NULL, NULL), TA_EINVAL);
    ck_assert_ptr_null(b);
    b = (ta_framework_builder *)&b;
    ck_assert_int_eq(ta_framework_builder_new(&b, "x", &bad), TA_EINVAL);
    ck_assert_ptr_null(b);
    ck_assert_int_eq(ta_framework_builder_add_domain(NULL, "d", "D", "X"), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_add_metric(NULL, "M", "M", "d", TA_SCORING_RANK),
                     TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_set_raw_id(NULL, "M", "V"), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_set_direction(NULL, "M", TA_LOWER_IS_BETTER), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_set_in_average(NULL, "M", 0), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_set_standard(NULL, "M", 1), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_set_bands(NULL, "M", 1, cuts), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_set_combination(NULL, "M", "A", "B", table), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_add_figure(NULL, TA_FIGURE_AVERAGE, "F", "F"), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_set_cutoffs(NULL, 1, cuts), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_set_cutoff_quartiles(NULL, TA_QUANTILE_TYPE7), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_set_cutoff_rule(NULL, TA_CUTOFF_TIES_WORSE), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_set_deficit_cap(NULL, 3), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_set_rsp_segment(NULL, 5), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_set_decimals(NULL, 2), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_read_file(NULL, "x.csv"), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_read_buffer(NULL, "", 0, "x"), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_build(&fw, NULL), TA_EINVAL);
    ck_assert_ptr_null(fw);
    ck_assert_ptr_nonnull(ta_framework_builder_error(NULL));

    b = small_builder();
    ck_assert_int_eq(ta_framework_builder_add_domain(b, NULL, "D", "X"), TA_EINVAL);
    assert_has(ta_framework_builder_error(b), "domain key");
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "d2", NULL, "X"), TA_EINVAL);
    assert_has(ta_framework_builder_error(b), "name");
    ck_assert_int_eq(ta_framework_builder_add_metric(b, NULL, "M", "d1", TA_SCORING_RANK),
                     TA_EINVAL);
    assert_has(ta_framework_builder_error(b), "(null)");
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "M2", NULL, "d1", TA_SCORING_RANK),
                     TA_EINVAL);
    assert_has(ta_framework_builder_error(b), "name is NULL");
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "M2", "M2", NULL, TA_SCORING_RANK),
                     TA_ENOTFOUND);
    ck_assert_int_eq(ta_framework_builder_set_raw_id(b, NULL, "V"), TA_ENOTFOUND);
    ck_assert_int_eq(ta_framework_builder_set_bands(b, "M1", 1, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_set_cutoffs(b, 1, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_read_file(b, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_read_buffer(b, "", 0, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_read_buffer(b, NULL, 5, "x"), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_build(NULL, b), TA_EINVAL);
    /* None of that spoiled the builder. */
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_OK);
    ck_assert_uint_eq(ta_framework_metric_count(fw), 1);
    ta_framework_free(fw);
    ta_framework_builder_free(b);
}
END_TEST

START_TEST(test_builder_invalid_ids)
{
    ta_framework_builder *b = small_builder();
    ta_framework *fw = NULL;
    char id63[64], id64[65];

    memset(id63, 'A', 63);
    id63[63] = '\0';
    memset(id64, 'B', 64);
    id64[64] = '\0';
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "OF 1", "x", "d1", TA_SCORING_RANK),
                     TA_EINVAL);
    assert_has(ta_framework_builder_error(b), "without spaces");
    assert_has(ta_framework_builder_error(b), "\"OF 1\"");
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "", "x", "d1", TA_SCORING_RANK), TA_EINVAL);
    assert_has(ta_framework_builder_error(b), "1 to 63");
    ck_assert_int_eq(ta_framework_builder_add_metric(b, id64, "x", "d1", TA_SCORING_RANK),
                     TA_EINVAL);
    assert_has(ta_framework_builder_error(b), "1 to 63");
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "A,B", "x", "d1", TA_SCORING_RANK),
                     TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "A\tB", "x", "d1", TA_SCORING_RANK),
                     TA_EINVAL);
    /* The printable range runs from '!' to '~' inclusive: DEL and a byte above are refused. */
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "!~", "x", "d1", TA_SCORING_RANK), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "A\x7f", "x", "d1", TA_SCORING_RANK),
                     TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "A\xc3\xa9", "x", "d1", TA_SCORING_RANK),
                     TA_EINVAL);
    /* 63 characters is the longest ID. */
    ck_assert_int_eq(ta_framework_builder_add_metric(b, id63, "x", "d1", TA_SCORING_RANK), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_raw_id(b, id63, "V 1"), TA_EINVAL);
    assert_has(ta_framework_builder_error(b), "raw value ID");
    ck_assert_int_eq(ta_framework_builder_set_raw_id(b, id63, ""), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "has space", "D", ""), TA_EINVAL);
    assert_has(ta_framework_builder_error(b), "has space");
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "", "D", ""), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "d2", "D", "bad id"), TA_EINVAL);
    assert_has(ta_framework_builder_error(b), "domain score ID");
    ck_assert_int_eq(ta_framework_builder_add_figure(b, TA_FIGURE_AVERAGE, "F 1", "x"), TA_EINVAL);
    assert_has(ta_framework_builder_error(b), "figure ID");
    ck_assert_int_eq(ta_framework_builder_add_figure(b, TA_FIGURE_AVERAGE, NULL, "x"), TA_EINVAL);

    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_OK);
    ck_assert_uint_eq(ta_framework_metric_count(fw), 3);
    ck_assert_str_eq(ta_framework_metric_id(fw, 1), "!~");
    ck_assert_str_eq(ta_framework_metric_id(fw, 2), id63);
    ck_assert_uint_eq(ta_framework_domain_count(fw), 1);
    ta_framework_free(fw);
    ta_framework_builder_free(b);
}
END_TEST

START_TEST(test_builder_duplicates)
{
    ta_framework_builder *b = small_builder();
    ta_framework *fw = NULL;
    size_t idx;

    ck_assert_int_eq(ta_framework_builder_add_metric(b, "M1", "again", "d1", TA_SCORING_RANK),
                     TA_EDUPLICATE);
    assert_has(ta_framework_builder_error(b), "already defined");
    assert_has(ta_framework_builder_error(b), "M1");
    /* A metric ID equal to a raw, domain-score or figure ID is a duplicate too. */
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "V1", "x", "d1", TA_SCORING_RANK),
                     TA_EDUPLICATE);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "D1", "x", "d1", TA_SCORING_RANK),
                     TA_EDUPLICATE);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "M2", "Two", "d1", TA_SCORING_RANK), TA_OK);
    /* A raw ID already used by another metric, or by a score ID. */
    ck_assert_int_eq(ta_framework_builder_set_raw_id(b, "M2", "V1"), TA_EDUPLICATE);
    assert_has(ta_framework_builder_error(b), "\"V1\" is already defined");
    ck_assert_int_eq(ta_framework_builder_set_raw_id(b, "M2", "M1"), TA_EDUPLICATE);
    /* A second raw ID for the same metric. */
    ck_assert_int_eq(ta_framework_builder_set_raw_id(b, "M1", "V9"), TA_EDUPLICATE);
    assert_has(ta_framework_builder_error(b), "already has raw ID");
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "d1", "again", "D9"), TA_EDUPLICATE);
    assert_has(ta_framework_builder_error(b), "domain \"d1\" is already defined");
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "d2", "Two", "M1"), TA_EDUPLICATE);
    ck_assert_int_eq(ta_framework_builder_add_figure(b, TA_FIGURE_AVERAGE, "F1", "avg"), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_figure(b, TA_FIGURE_AVERAGE, "F2", "avg"),
                     TA_EDUPLICATE);
    assert_has(ta_framework_builder_error(b), "already named");
    ck_assert_int_eq(ta_framework_builder_add_figure(b, TA_FIGURE_OTHER, "F1", "x"), TA_EDUPLICATE);
    /* TA_FIGURE_OTHER may be given any number of times. */
    ck_assert_int_eq(ta_framework_builder_add_figure(b, TA_FIGURE_OTHER, "F3", "x"), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_figure(b, TA_FIGURE_OTHER, "F4", "x"), TA_OK);

    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_OK);
    ck_assert_uint_eq(ta_framework_metric_count(fw), 2);
    ck_assert_str_eq(ta_framework_figure_id(fw, TA_FIGURE_AVERAGE), "F1");
    ck_assert_int_eq(ta_framework_metric_index(&idx, fw, "V1"), TA_OK);
    ck_assert_uint_eq(idx, 0);
    ck_assert_int_eq(ta_framework_metric_index(&idx, fw, "V9"), TA_ENOTFOUND);
    ta_framework_free(fw);
    ta_framework_builder_free(b);
}
END_TEST

START_TEST(test_builder_unknown_names_and_enums)
{
    ta_framework_builder *b = small_builder();

    ck_assert_int_eq(ta_framework_builder_add_metric(b, "M2", "x", "nowhere", TA_SCORING_RANK),
                     TA_ENOTFOUND);
    assert_has(ta_framework_builder_error(b), "unknown domain \"nowhere\"");
    ck_assert_int_eq(ta_framework_builder_set_direction(b, "M9", TA_LOWER_IS_BETTER), TA_ENOTFOUND);
    assert_has(ta_framework_builder_error(b), "unknown metric \"M9\"");
    /* A raw ID is not a metric to a setter. */
    ck_assert_int_eq(ta_framework_builder_set_in_average(b, "V1", 0), TA_ENOTFOUND);
    ck_assert_int_eq(ta_framework_builder_set_standard(b, "M9", 70), TA_ENOTFOUND);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "M2", "x", "d1", (ta_scoring)8), TA_EINVAL);
    assert_has(ta_framework_builder_error(b), "scoring");
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "M2", "x", "d1", (ta_scoring)-1),
                     TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_set_direction(b, "M1", (ta_direction)0), TA_EINVAL);
    assert_has(ta_framework_builder_error(b), "direction");
    ck_assert_int_eq(ta_framework_builder_set_direction(b, "M1", (ta_direction)3), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_set_cutoff_rule(b, (ta_cutoff_rule)2), TA_EINVAL);
    assert_has(ta_framework_builder_error(b), "cut-off rule");
    ck_assert_int_eq(ta_framework_builder_set_cutoff_quartiles(b, (ta_quantile)5), TA_EINVAL);
    assert_has(ta_framework_builder_error(b), "quantile");
    ck_assert_int_eq(ta_framework_builder_add_figure(b, (ta_figure)7, "F", "x"), TA_EINVAL);
    assert_has(ta_framework_builder_error(b), "figure kind");
    ck_assert_int_eq(ta_framework_builder_set_standard(b, "M1", NAN), TA_EINVAL);
    assert_has(ta_framework_builder_error(b), "finite");
    ck_assert_int_eq(ta_framework_builder_set_standard(b, "M1", INFINITY), TA_EINVAL);
    ta_framework_builder_free(b);
}
END_TEST

/* Rules at their limits: lower-is-better cut points strictly ascend (two
 * equal make an empty band); a weight's parts run from 1 to 1000 each; a
 * pool's period is shorter than the source limit (256 with its terminator). */
START_TEST(test_builder_setter_limits)
{
    ta_framework_builder *b = small_builder();
    const double equal[2] = {1, 1};
    char period[258];

    ck_assert_int_eq(ta_framework_builder_add_metric(b, "B1", "x", "d1", TA_SCORING_BANDED), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_direction(b, "B1", TA_LOWER_IS_BETTER), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_bands(b, "B1", 2, equal), TA_EINVAL);
    assert_has(ta_framework_builder_error(b), "ascending");

    ck_assert_int_eq(ta_framework_builder_set_weight(b, "M1", 1, 1), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_weight(b, "M1", 1000, 1000), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_weight(b, "M1", 0, 1), TA_ERANGE);
    ck_assert_int_eq(ta_framework_builder_set_weight(b, "M1", 1, 0), TA_ERANGE);
    ck_assert_int_eq(ta_framework_builder_set_weight(b, "M1", 1001, 1), TA_ERANGE);
    ck_assert_int_eq(ta_framework_builder_set_weight(b, "M1", 1, 1001), TA_ERANGE);
    assert_has(ta_framework_builder_error(b), "1 to 1000");

    memset(period, 'Q', sizeof period);
    period[255] = '\0';
    ck_assert_int_eq(ta_framework_builder_set_pool(b, "M1", period, 10, NULL), TA_OK);
    period[255] = 'Q';
    period[256] = '\0';
    ck_assert_int_eq(ta_framework_builder_set_pool(b, "M1", period, 10, NULL), TA_EINVAL);
    assert_has(ta_framework_builder_error(b), "needs a period");
    ta_framework_builder_free(b);
}
END_TEST

/* Rules at the first element and one past the last: the first cut point must
 * be finite and the first bracket score from 1 to 4 like the others; each
 * metric and trust type accessor answers NULL (or 0) at the count, here on
 * a framework built through a guarded allocator, where an entry read past
 * the last would be guard bytes (all bits set, so never NULL); a cut-off
 * query with no room (NULL, 0) only counts. */
START_TEST(test_builder_first_and_past_the_end)
{
    ag_state g = {0};
    ta_allocator al = ag_allocator(&g);
    ta_framework_builder *b = NULL;
    ta_framework *fw = NULL;
    const double nan_first[2] = {NAN, 1}, cuts[2] = {2, 1}, bad_first[3] = {5, 2, 3};
    const double good[3] = {1, 2.5, 4};
    const double cutoffs[2] = {2, 3};
    size_t n, count = 99;

    ck_assert_int_eq(ta_framework_builder_new(&b, "guarded", &al), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "d1", "Domain one", "D1"), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "M1", "x", "d1", TA_SCORING_BANDED), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "M2", "y", "d1", TA_SCORING_BRACKETED),
                     TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_bands(b, "M1", 2, nan_first), TA_EINVAL);
    assert_has(ta_framework_builder_error(b), "cut point 1 is not finite");
    ck_assert_int_eq(ta_framework_builder_set_bands(b, "M1", 2, cuts), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_brackets(b, "M2", 2, cuts, bad_first), TA_ERANGE);
    { /* Rule: a bracket score is from 1 to 4, both included; 0.5 and 4.5 are not. */
        const double low[3] = {1, 2, 0.5}, high[3] = {4, 2, 4.5};
        ck_assert_int_eq(ta_framework_builder_set_brackets(b, "M2", 2, cuts, low), TA_ERANGE);
        ck_assert_str_eq(ta_framework_builder_error(b),
                         "metric \"M2\": bracket score 3 must be from 1 to 4");
        ck_assert_int_eq(ta_framework_builder_set_brackets(b, "M2", 2, cuts, high), TA_ERANGE);
    }
    ck_assert_int_eq(ta_framework_builder_set_brackets(b, "M2", 2, cuts, good), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_pool(b, "M2", "Q1", 10, NULL), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_trust_type(b, "Type A"), TA_OK);
    { /* Rule: a trust type is 1 to 255 bytes. */
        char type[257];
        memset(type, 't', 256);
        type[256] = '\0';
        ck_assert_int_eq(ta_framework_builder_add_trust_type(b, type), TA_EINVAL);
        assert_has(ta_framework_builder_error(b), "a trust type must be 1 to 255 bytes");
        type[255] = '\0';
        ck_assert_int_eq(ta_framework_builder_add_trust_type(b, type), TA_OK);
    }
    ck_assert_int_eq(ta_framework_builder_set_cutoffs(b, 2, cutoffs), TA_OK);
    ck_assert_msg(ta_framework_builder_build(&fw, b) == TA_OK, "%s", ta_framework_builder_error(b));
    n = ta_framework_metric_count(fw);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(ta_framework_metric_id(fw, n - 1), "M2");
    ck_assert(ta_framework_metric_has_pools(fw, n - 1));
    ck_assert(!ta_framework_metric_has_pools(fw, 0));
    ck_assert_ptr_null(ta_framework_metric_id(fw, n));
    ck_assert_ptr_null(ta_framework_metric_name(fw, n));
    ck_assert_ptr_null(ta_framework_metric_source(fw, n));
    ck_assert(!ta_framework_metric_has_pools(fw, n));
    ck_assert_uint_eq(ta_framework_trust_type_count(fw), 2);
    ck_assert_str_eq(ta_framework_trust_type(fw, 0), "Type A");
    ck_assert_uint_eq(strlen(ta_framework_trust_type(fw, 1)), 255);
    ck_assert_ptr_null(ta_framework_trust_type(fw, 2));
    ck_assert_int_eq(ta_framework_cutoffs(NULL, 0, &count, fw), TA_OK);
    ck_assert_uint_eq(count, 2);
    ta_framework_free(fw);
    ta_framework_builder_free(b);
    ck_assert_uint_eq(g.overruns, 0);
    ck_assert_uint_eq(g.live, 0);
}
END_TEST

/* Rule: a framework's decimal scale is 10 to the power of its decimals, for
 * each of 0 to 6 (the unit that averages and scores are rounded to). */
START_TEST(test_decimal_scale)
{
    ta_framework_builder *b = small_builder();
    double expected = 1;

    for (int d = 0; d <= 6; d++, expected *= 10) {
        ta_framework *fw = NULL;
        ck_assert_int_eq(ta_framework_builder_set_decimals(b, d), TA_OK);
        ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_OK);
        ck_assert_double_eq(tai_framework_scale(&fw->def), expected);
        ta_framework_free(fw);
    }
    ta_framework_builder_free(b);
}
END_TEST

START_TEST(test_builder_bands)
{
    ta_framework_builder *b = small_builder();
    ta_framework *fw = (ta_framework *)&fw;
    const double desc[3] = {0, -1, -2}, asc[3] = {0, 1, 2}, equal[2] = {1, 1};
    const double with_nan[2] = {1, NAN}, four[4] = {3, 2, 1, 0}, nine[9] = {0};

    ck_assert_int_eq(ta_framework_builder_add_metric(b, "B1", "x", "d1", TA_SCORING_BANDED), TA_OK);
    /* Higher is better (the default): cut points must descend. */
    ck_assert_int_eq(ta_framework_builder_set_bands(b, "B1", 3, asc), TA_EINVAL);
    assert_has(ta_framework_builder_error(b), "descending");
    ck_assert_int_eq(ta_framework_builder_set_bands(b, "B1", 2, equal), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_set_bands(b, "B1", 3, desc), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_direction(b, "B1", TA_LOWER_IS_BETTER), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_bands(b, "B1", 3, desc), TA_EINVAL);
    assert_has(ta_framework_builder_error(b), "ascending");
    ck_assert_int_eq(ta_framework_builder_set_bands(b, "B1", 3, asc), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_bands(b, "B1", 2, with_nan), TA_EINVAL);
    assert_has(ta_framework_builder_error(b), "not finite");
    ck_assert_int_eq(ta_framework_builder_set_bands(b, "B1", 0, asc), TA_EINVAL);
    assert_has(ta_framework_builder_error(b), "1 to 8");
    ck_assert_int_eq(ta_framework_builder_set_bands(b, "B1", 9, nine), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_OK);
    ta_framework_free(fw);

    /* Four cut points make five bands: scores would pass 4. */
    ck_assert_int_eq(ta_framework_builder_set_direction(b, "B1", TA_HIGHER_IS_BETTER), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_bands(b, "B1", 4, four), TA_OK);
    fw = (ta_framework *)&fw;
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_EINCONSISTENT);
    ck_assert_ptr_null(fw);
    assert_has(ta_framework_builder_error(b), "more than 3 cut points");
    assert_has(ta_framework_builder_error(b), "B1");

    /* A banded metric with no cut points at all. */
    ck_assert_int_eq(ta_framework_builder_set_bands(b, "B1", 3, four), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "B2", "x", "d1", TA_SCORING_BANDED), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_EINCONSISTENT);
    assert_has(ta_framework_builder_error(b), "\"B2\" is banded but has no cut points");
    ck_assert_int_eq(ta_framework_builder_set_bands(b, "B2", 1, four), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_OK);
    ck_assert_uint_eq(ta_framework_metric_count(fw), 3);
    ta_framework_free(fw);
    ta_framework_builder_free(b);
}
END_TEST

/* Rule: a combination table is exactly 16 entries (4 x 4); the check of its
 * entries reads no further. The table sits in a guarded block, where a read
 * of a 17th entry would find a NaN and reject a valid table. */
START_TEST(test_builder_combination_reads_16_entries)
{
    ag_state g = {0};
    ta_framework_builder *b = small_builder();
    double *table = ag_malloc(&g, 16 * sizeof *table);

    ck_assert_ptr_nonnull(table);
    for (int i = 0; i < 16; i++)
        table[i] = 4 - i % 4;
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "M2", "x", "d1", TA_SCORING_RANK), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "C1", "x", "d1", TA_SCORING_COMBINED),
                     TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_combination(b, "C1", "M1", "M2", table), TA_OK);
    ag_free(&g, table);
    ck_assert_uint_eq(g.overruns, 0);
    ck_assert_uint_eq(g.live, 0);
    ta_framework_builder_free(b);
}
END_TEST

START_TEST(test_builder_combination)
{
    ta_framework_builder *b = small_builder();
    ta_framework *fw = (ta_framework *)&fw;
    double table[16];

    for (int i = 0; i < 16; i++)
        table[i] = 1 + i % 4;
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "M2", "x", "d1", TA_SCORING_RANK), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "C1", "x", "d1", TA_SCORING_COMBINED),
                     TA_OK);
    /* Combined without a table. */
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_EINCONSISTENT);
    ck_assert_ptr_null(fw);
    assert_has(ta_framework_builder_error(b), "no combination table");
    /* Entries must be 0 (unknown) or 1..4. */
    table[5] = 4.5;
    ck_assert_int_eq(ta_framework_builder_set_combination(b, "C1", "M1", "M2", table), TA_ERANGE);
    assert_has(ta_framework_builder_error(b), "entry 6");
    table[5] = 0.5;
    ck_assert_int_eq(ta_framework_builder_set_combination(b, "C1", "M1", "M2", table), TA_ERANGE);
    table[5] = NAN;
    ck_assert_int_eq(ta_framework_builder_set_combination(b, "C1", "M1", "M2", table), TA_ERANGE);
    table[5] = 0;
    ck_assert_int_eq(ta_framework_builder_set_combination(b, "C1", NULL, "M2", table), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_set_combination(b, "C1", "M1", "M2", NULL), TA_EINVAL);
    /* Components are resolved at build: unknown ones are TA_ENOTFOUND there. */
    ck_assert_int_eq(ta_framework_builder_set_combination(b, "C1", "M1", "OF9999", table), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_ENOTFOUND);
    ck_assert_ptr_null(fw);
    assert_has(ta_framework_builder_error(b), "OF9999");
    /* A raw ID is not a metric score to combine. */
    ck_assert_int_eq(ta_framework_builder_set_combination(b, "C1", "V1", "M2", table), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_ENOTFOUND);
    ck_assert_int_eq(ta_framework_builder_set_combination(b, "C1", "M2", "V1", table), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_ENOTFOUND); /* second, too */
    ck_assert_ptr_null(fw);
    assert_has(ta_framework_builder_error(b),
               "metric \"C1\" combines unknown metrics \"M2\" and \"V1\"");
    /* Combining a combined metric (itself). */
    ck_assert_int_eq(ta_framework_builder_set_combination(b, "C1", "C1", "M2", table), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_EINCONSISTENT);
    assert_has(ta_framework_builder_error(b), "combines a combined metric");
    ck_assert_int_eq(ta_framework_builder_set_combination(b, "C1", "M1", "M2", table), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_OK);
    ck_assert_ptr_nonnull(fw);
    ck_assert_str_eq(ta_framework_builder_error(b), "");
    ta_framework_free(fw);
    ta_framework_builder_free(b);
}
END_TEST

START_TEST(test_builder_cutoffs)
{
    ta_framework_builder *b = small_builder();
    ta_framework *fw = NULL;
    const double ok[2] = {2.0, 3.0}, down[2] = {3.0, 2.0}, same[2] = {2.5, 2.5};
    const double low[2] = {0.99, 2}, high[2] = {2, 4.01}, nan2[2] = {2, NAN}, nine[9] = {0};
    const double edges[2] = {1, 4};
    double got[4] = {0};
    size_t count = 0;

    ck_assert_int_eq(ta_framework_builder_set_cutoffs(b, 2, down), TA_EINVAL);
    assert_has(ta_framework_builder_error(b), "strictly ascending");
    ck_assert_int_eq(ta_framework_builder_set_cutoffs(b, 2, same), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_set_cutoffs(b, 2, low), TA_ERANGE);
    assert_has(ta_framework_builder_error(b), "from 1 to 4");
    ck_assert_int_eq(ta_framework_builder_set_cutoffs(b, 2, high), TA_ERANGE);
    assert_has(ta_framework_builder_error(b), "cut-off 2");
    ck_assert_int_eq(ta_framework_builder_set_cutoffs(b, 2, nan2), TA_EINVAL);
    assert_has(ta_framework_builder_error(b), "cut-off 2 is not a finite number");
    { /* Rule: cut-offs are counted from 1 in messages. */
        const double nan1[2] = {NAN, 2};
        ck_assert_int_eq(ta_framework_builder_set_cutoffs(b, 2, nan1), TA_EINVAL);
        assert_has(ta_framework_builder_error(b), "cut-off 1 is not a finite number");
    }
    ck_assert_int_eq(ta_framework_builder_set_cutoffs(b, 0, ok), TA_EINVAL);
    ck_assert_int_eq(ta_framework_builder_set_cutoffs(b, 9, nine), TA_EINVAL);
    assert_has(ta_framework_builder_error(b), "give 1 to 8 cut-offs");
    { /* the limit itself: 8 cut-offs (9 segments) are taken, a ninth is refused */
        const double eight[9] = {1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.0};
        ck_assert_int_eq(ta_framework_builder_set_cutoffs(b, 8, eight), TA_OK);
        ck_assert_int_eq(ta_framework_builder_set_cutoffs(b, 9, eight), TA_EINVAL);
        assert_has(ta_framework_builder_error(b), "give 1 to 8 cut-offs");
    }
    ck_assert_int_eq(ta_framework_builder_set_cutoffs(b, 2, edges), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_cutoffs(b, 2, ok), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_cutoff_rule(b, TA_CUTOFF_TIES_WORSE), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_OK);
    ck_assert_uint_eq(ta_framework_segment_count(fw), 3);
    ck_assert_int_eq(ta_framework_cutoff_rule(fw), TA_CUTOFF_TIES_WORSE);
    ck_assert_int_eq(ta_framework_cutoffs(got, 4, &count, fw), TA_OK);
    ck_assert_uint_eq(count, 2);
    ck_assert_double_eq(got[0], 2.0);
    ck_assert_double_eq(got[1], 3.0);
    /* Room for one: one written, the count still 2. */
    got[0] = got[1] = 0;
    ck_assert_int_eq(ta_framework_cutoffs(got, 1, &count, fw), TA_OK);
    ck_assert_uint_eq(count, 2);
    ck_assert_double_eq(got[0], 2.0);
    ck_assert_double_eq(got[1], 0.0);
    ta_framework_free(fw);
    /* Back to quartiles: 4 segments, no explicit cut-offs. */
    ck_assert_int_eq(ta_framework_builder_set_cutoff_quartiles(b, TA_QUANTILE_TYPE6), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_OK);
    ck_assert_uint_eq(ta_framework_segment_count(fw), 4);
    ck_assert_int_eq(ta_framework_cutoffs(got, 4, &count, fw), TA_OK);
    ck_assert_uint_eq(count, 0);
    ta_framework_free(fw);
    ta_framework_builder_free(b);
}
END_TEST

START_TEST(test_builder_caps_and_decimals)
{
    ta_framework_builder *b = small_builder();
    ta_framework *fw = (ta_framework *)&fw;
    const double two[2] = {2.0, 3.0};

    ck_assert_int_eq(ta_framework_builder_set_decimals(b, 7), TA_ERANGE);
    assert_has(ta_framework_builder_error(b), "decimals must be 0 to 6");
    ck_assert_int_eq(ta_framework_builder_set_decimals(b, -1), TA_ERANGE);
    ck_assert_int_eq(ta_framework_builder_set_deficit_cap(b, -1), TA_ERANGE);
    assert_has(ta_framework_builder_error(b), "deficit cap -1");
    ck_assert_int_eq(ta_framework_builder_set_rsp_segment(b, -1), TA_ERANGE);
    assert_has(ta_framework_builder_error(b), "Recovery Support Programme");

    /* A cap of 5 is beyond the default 4 segments: found at build. */
    ck_assert_int_eq(ta_framework_builder_set_deficit_cap(b, 5), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_EINCONSISTENT);
    ck_assert_ptr_null(fw);
    assert_has(ta_framework_builder_error(b), "beyond the 4 segments");
    /* With 3 segments, cap 4 is beyond too, and RSP segment 2 lies inside them. */
    ck_assert_int_eq(ta_framework_builder_set_cutoffs(b, 2, two), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_deficit_cap(b, 4), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_EINCONSISTENT);
    assert_has(ta_framework_builder_error(b), "beyond the 3 segments");
    ck_assert_int_eq(ta_framework_builder_set_deficit_cap(b, 3), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_rsp_segment(b, 2), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_EINCONSISTENT);
    assert_has(ta_framework_builder_error(b), "must be at least 3");

    ck_assert_int_eq(ta_framework_builder_set_rsp_segment(b, 0), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_deficit_cap(b, 0), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_decimals(b, 6), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_OK);
    ck_assert_int_eq(ta_framework_deficit_cap(fw), 0);
    ck_assert_int_eq(ta_framework_rsp_segment(fw), 0);
    ck_assert_int_eq(ta_framework_decimals(fw), 6);
    ta_framework_free(fw);
    ck_assert_int_eq(ta_framework_builder_set_decimals(b, 0), TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_rsp_segment(b, 3), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_OK);
    ck_assert_int_eq(ta_framework_decimals(fw), 0);
    ck_assert_int_eq(ta_framework_rsp_segment(fw), 3);
    ta_framework_free(fw);
    ta_framework_builder_free(b);
}
END_TEST

START_TEST(test_builder_defaults_and_no_metrics)
{
    ta_framework_builder *b = NULL;
    ta_framework *fw = (ta_framework *)&fw;

    ck_assert_int_eq(ta_framework_builder_new(&b, "empty", NULL), TA_OK);
    ck_assert_str_eq(ta_framework_builder_error(b), "");
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_EINVAL);
    ck_assert_ptr_null(fw);
    assert_has(ta_framework_builder_error(b), "no metrics");
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "d", "D", NULL), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "M", "M", "d", TA_SCORING_SUPPLIED), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_OK);
    ck_assert_str_eq(ta_framework_name(fw), "empty");
    ck_assert_uint_eq(ta_framework_segment_count(fw), 4);
    ck_assert_int_eq(ta_framework_deficit_cap(fw), 3);
    ck_assert_int_eq(ta_framework_rsp_segment(fw), 5);
    ck_assert_int_eq(ta_framework_decimals(fw), 2);
    ck_assert_int_eq(ta_framework_cutoff_rule(fw), TA_CUTOFF_TIES_BETTER);
    ck_assert_ptr_null(ta_framework_figure_id(fw, TA_FIGURE_AVERAGE));
    {
        const char *key, *name, *score_id, *raw;
        ta_direction dir;
        int in_avg;
        ck_assert_int_eq(ta_framework_domain_info(&key, &name, &score_id, fw, 0), TA_OK);
        ck_assert_str_eq(score_id, "");
        metric_info(NULL, NULL, &raw, NULL, &dir, &in_avg, fw, 0);
        ck_assert_str_eq(raw, "");
        ck_assert_int_eq(dir, TA_HIGHER_IS_BETTER);
        ck_assert_int_eq(in_avg, 1);
    }
    ta_framework_free(fw);
    ta_framework_builder_free(b);
}
END_TEST

/* A builder stays usable after a failed call and after building; each build is
 * an independent framework. */
START_TEST(test_builder_reuse)
{
    ta_framework_builder *b = small_builder();
    ta_framework *fw1 = NULL, *fw2 = NULL, *fw3 = NULL;
    const char *name;
    ta_direction dir;

    ck_assert_int_eq(ta_framework_builder_add_metric(b, "M1", "dup", "d1", TA_SCORING_RANK),
                     TA_EDUPLICATE);
    ck_assert_int_eq(ta_framework_builder_build(&fw1, b), TA_OK);
    ck_assert_str_eq(ta_framework_builder_error(b), "");
    ck_assert_int_eq(ta_framework_builder_build(&fw2, b), TA_OK);
    ck_assert_ptr_ne(fw1, fw2);
    ck_assert_ptr_ne(ta_framework_metric_id(fw1, 0), ta_framework_metric_id(fw2, 0));
    /* Change the builder: the frameworks already made do not change. */
    ck_assert_int_eq(ta_framework_builder_set_direction(b, "M1", TA_LOWER_IS_BETTER), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "M2", "Two", "d1", TA_SCORING_SUPPLIED),
                     TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw3, b), TA_OK);
    ta_framework_free(fw1);
    ck_assert_uint_eq(ta_framework_metric_count(fw2), 1);
    metric_info(&name, NULL, NULL, NULL, &dir, NULL, fw2, 0);
    ck_assert_str_eq(name, "Metric one");
    ck_assert_int_eq(dir, TA_HIGHER_IS_BETTER);
    ck_assert_uint_eq(ta_framework_metric_count(fw3), 2);
    metric_info(NULL, NULL, NULL, NULL, &dir, NULL, fw3, 0);
    ck_assert_int_eq(dir, TA_LOWER_IS_BETTER);
    /* The frameworks outlive the builder. */
    ta_framework_builder_free(b);
    ck_assert_str_eq(ta_framework_metric_id(fw3, 1), "M2");
    ck_assert_str_eq(ta_framework_name(fw2), "small");
    ta_framework_free(fw2);
    ta_framework_free(fw3);
}
END_TEST

/* ---- catalogue files -------------------------------------------------- */

/* The 1-based byte column of field k (0-based) of a line without quotes. */
static size_t column_of(const char *line, int k)
{
    size_t col = 1;
    for (const char *p = line; k > 0 && *p; p++, col++)
        if (*p == ',')
            k--;
    return col;
}

/* Loads HEADER + body into a fresh small builder as "cat.csv"; checks status
 * and that the message starts "cat.csv:LINE:COL: " and contains `word`. */
static void expect_catalogue_error(const char *body, ta_status want, size_t line, size_t col,
                                   const char *word)
{
    ta_framework_builder *b = small_builder();
    char text[2048], prefix[64];
    const char *msg;
    snprintf(text, sizeof text, "%s%s", HEADER, body);
    ck_assert_int_eq(ta_framework_builder_read_buffer(b, text, strlen(text), "cat.csv"), want);
    msg = ta_framework_builder_error(b);
    snprintf(prefix, sizeof prefix, "cat.csv:%zu:%zu: ", line, col);
    ck_assert_msg(strncmp(msg, prefix, strlen(prefix)) == 0, "\"%s\" does not start \"%s\"", msg,
                  prefix);
    assert_has(msg, word);
    ta_framework_builder_free(b);
}

/* The cut-offs a catalogue's "cutoffs" setting gives an assessment of three
 * trusts whose rank scores (and averages) are 1, 2.5 and 4. */
static void catalogue_cutoffs(const char *setting, double out[3])
{
    ta_framework_builder *b = small_builder();
    ta_framework *fw = NULL;
    ta_assessment *a = NULL;
    char text[512];
    const char *codes[3] = {"A", "B", "C"}, *ids[3] = {"V1", "V1", "V1"};
    const double values[3] = {10, 20, 30};
    size_t n = 0;
    snprintf(text, sizeof text, "%ssetting,cutoffs,,,,,,,%s\n", HEADER, setting);
    ck_assert_msg(ta_framework_builder_read_buffer(b, text, strlen(text), "cat.csv") == TA_OK, "%s",
                  ta_framework_builder_error(b));
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_OK);
    ck_assert_int_eq(ta_assessment_new(&a, fw, NULL), TA_OK);
    ck_assert_int_eq(ta_assessment_add_columns(a, 3, codes, ids, values, TA_INPUT_VALUE), TA_OK);
    ck_assert_int_eq(ta_assessment_run(a), TA_OK);
    ck_assert_int_eq(ta_assessment_cutoffs(out, 3, &n, a), TA_OK);
    ck_assert_uint_eq(n, 3);
    ta_assessment_free(a);
    ta_framework_free(fw);
    ta_framework_builder_free(b);
}

/* Rule: a catalogue's cut-offs setting "quartiles type7" and "quartiles
 * type6" choose those quantile definitions: of 1, 2.5, 4, type 7 gives 1.75,
 * 2.5, 3.25 and type 6 gives 1, 2.5, 4. */
START_TEST(test_catalogue_quartile_settings)
{
    double cut[3];
    catalogue_cutoffs("quartiles type7", cut);
    ck_assert_double_eq_tol(cut[0], 1.75, 1e-12);
    ck_assert_double_eq_tol(cut[1], 2.5, 1e-12);
    ck_assert_double_eq_tol(cut[2], 3.25, 1e-12);
    catalogue_cutoffs("quartiles type6", cut);
    ck_assert_double_eq_tol(cut[0], 1.0, 1e-12);
    ck_assert_double_eq_tol(cut[1], 2.5, 1e-12);
    ck_assert_double_eq_tol(cut[2], 4.0, 1e-12);
}
END_TEST

/* Rule: a Source of one character is a source; brackets of one cut point
 * (two scores) are taken; a Weight of "2" is 2/1; a cut-offs setting with no number is a parse
 * error of its cell, not a builder refusal. */
START_TEST(test_catalogue_smallest_cells)
{
    static const char text[] =
        "Record,Id,Name,Domain,Raw_id,Direction,Scoring,In_average,Parameters,Weight,Source\n"
        "metric,M2,Two,d1,V2,higher,bracketed,no,cuts=2;scores=1 4,,S\n"
        "metric,M3,Three,d1,V3,higher,rank,yes,,2,S\n";
    ta_framework_builder *b = small_builder();
    ta_framework *fw = NULL;
    size_t i;
    unsigned num = 0, den = 0;
    ck_assert_msg(ta_framework_builder_read_buffer(b, text, sizeof text - 1, "cat.csv") == TA_OK,
                  "%s", ta_framework_builder_error(b));
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_OK);
    ck_assert_int_eq(ta_framework_metric_index(&i, fw, "M2"), TA_OK);
    ck_assert_str_eq(ta_framework_metric_source(fw, i), "S");
    /* A whole-number Weight (no slash) is that number over 1. */
    ck_assert_int_eq(ta_framework_metric_index(&i, fw, "M3"), TA_OK);
    ck_assert_int_eq(ta_framework_metric_weight(&num, &den, fw, i), TA_OK);
    ck_assert_uint_eq(num, 2);
    ck_assert_uint_eq(den, 1);
    ta_framework_free(fw);
    ta_framework_builder_free(b);
    expect_catalogue_error("setting,cutoffs,,,,,,,\n", TA_EPARSE, 2, 23,
                           "cutoffs must be \"quartiles type7\", \"quartiles type6\" or numbers, "
                           "not \"\"");
}
END_TEST

START_TEST(test_catalogue_errors)
{
    const char *l;
    ta_framework_builder *b;

    expect_catalogue_error("metrik,M2,Two,d1,,higher,rank,yes,\n", TA_EPARSE, 2, 1,
                           "unknown record type \"metrik\"");
    /* Rule: only an empty Record is a blank line; one letter is a record. */
    expect_catalogue_error("x,M2,Two,d1,,higher,rank,yes,\n", TA_EPARSE, 2, 1,
                           "unknown record type \"x\"");
    /* Line numbers count blank lines. */
    expect_catalogue_error("\n\nmetrik,M2,Two,d1,,higher,rank,yes,\n", TA_EPARSE, 4, 1, "metrik");
    l = "metric,M2,Two,d1,,higher,ranked,yes,\n";
    expect_catalogue_error(l, TA_EPARSE, 2, column_of(l, 6), "unknown scoring rule \"ranked\"");
    l = "metric,M2,Two,d1,V2,higher,standard_capped,yes,standard=seventy\n";
    expect_catalogue_error(l, TA_EPARSE, 2, column_of(l, 8), "standard=NUMBER");
    l = "metric,M2,Two,d1,V2,higher,standard_capped,yes,\n";
    expect_catalogue_error(l, TA_EPARSE, 2, column_of(l, 8), "standard=NUMBER");
    l = "metric,M2,Two,d1,V2,higher,banded,no,cuts=0 x\n";
    expect_catalogue_error(l, TA_EPARSE, 2, column_of(l, 8), "cuts=NUMBERS");
    l = "metric,M2,Two,d1,V2,higher,banded,no,cuts=0 1 2\n";
    expect_catalogue_error(l, TA_EINVAL, 2, column_of(l, 8), "descending");
    l = "metric,M2,Two,d1,V2,higher,banded,no,cuts=1 2 3 4 5 6 7 8 9\n";
    expect_catalogue_error(l, TA_EPARSE, 2, column_of(l, 8), "cuts=NUMBERS");
    l = "metric,M2,Two,d1,V2,higher,rank,maybe,\n";
    expect_catalogue_error(l, TA_EPARSE, 2, column_of(l, 7),
                           "In_average must be yes or no, not \"maybe\"");
    l = "metric,M2,Two,d1,V2,higher,rank,,\n";
    expect_catalogue_error(l, TA_EPARSE, 2, column_of(l, 7), "In_average");
    l = "metric,M2,Two,d1,V2,up,rank,yes,\n";
    expect_catalogue_error(l, TA_EPARSE, 2, column_of(l, 5), "higher or lower");
    l = "metric,M2,Two,nowhere,V2,higher,rank,yes,\n";
    expect_catalogue_error(l, TA_ENOTFOUND, 2, column_of(l, 1), "unknown domain \"nowhere\"");
    l = "metric,M1,Again,d1,,higher,rank,yes,\n";
    expect_catalogue_error(l, TA_EDUPLICATE, 2, column_of(l, 1), "already defined");
    l = "metric,M2,Two,d1,V1,higher,rank,yes,\n";
    expect_catalogue_error(l, TA_EDUPLICATE, 2, column_of(l, 4), "\"V1\"");
    l = "metric,M2,Two,d1,,,combined,yes,first=M1;table=1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1\n";
    expect_catalogue_error(l, TA_EPARSE, 2, column_of(l, 8), "first=ID;second=ID");
    l = "metric,M2,Two,d1,,,combined,yes,first=M1;second=M1;table=1 2 3\n";
    expect_catalogue_error(l, TA_EPARSE, 2, column_of(l, 8), "16 NUMBERS");
    l = "metric,M2,Two,d1,,,combined,yes,first=M1;second=M1;table=1 1 1 1 1 1 1 1 1 1 1 1 1 1 "
        "1 9\n";
    expect_catalogue_error(l, TA_ERANGE, 2, column_of(l, 8), "entry 16");
    expect_catalogue_error("metric,M2\n", TA_EPARSE, 2, 1, "expected 9 fields, found 2");
    l = "setting,speed,,,,,,,3\n";
    expect_catalogue_error(l, TA_EPARSE, 2, column_of(l, 1), "unknown setting \"speed\"");
    l = "setting,decimals,,,,,,,7\n";
    expect_catalogue_error(l, TA_ERANGE, 2, column_of(l, 8), "decimals must be 0 to 6");
    l = "setting,decimals,,,,,,,two\n";
    expect_catalogue_error(l, TA_EPARSE, 2, column_of(l, 8), "whole number");
    l = "setting,cutoffs,,,,,,,quartiles type9\n";
    expect_catalogue_error(l, TA_EPARSE, 2, column_of(l, 8), "quartiles type7");
    l = "setting,cutoffs,,,,,,,3 2\n";
    expect_catalogue_error(l, TA_EINVAL, 2, column_of(l, 8), "strictly ascending");
    l = "setting,cutoffs,,,,,,,2 5\n";
    expect_catalogue_error(l, TA_ERANGE, 2, column_of(l, 8), "from 1 to 4");
    l = "setting,cutoff_rule,,,,,,,ties_even\n";
    expect_catalogue_error(l, TA_EPARSE, 2, column_of(l, 8), "ties_better or ties_worse");
    l = "figure,F1,Average,,,,,,averages\n";
    expect_catalogue_error(l, TA_EPARSE, 2, column_of(l, 8), "unknown figure kind \"averages\"");
    l = "domain,D2,Two,d1,,,,,\n";
    expect_catalogue_error(l, TA_EDUPLICATE, 2, column_of(l, 3), "\"d1\"");
    /* The error line after good lines. */
    l = "metric,M2,Two,d1,V2,lower,rank,no,\nmetric,M3,Three,d1,V3,lower,rank,yes,\n"
        "metric,M4,Four,d1,V4,lower,rank,Yes,\n";
    expect_catalogue_error(l, TA_EPARSE, 4, column_of("metric,M4,Four,d1,V4,lower,rank,Yes,", 7),
                           "\"Yes\"");

    /* A wrong header names line 1; an empty text has no header. */
    b = small_builder();
    l = "Record,Id,Name,Domain,Raw,Direction,Scoring,In_average,Parameters\n";
    ck_assert_int_eq(ta_framework_builder_read_buffer(b, l, strlen(l), "cat.csv"), TA_EPARSE);
    ck_assert_int_eq(strncmp(ta_framework_builder_error(b), "cat.csv:1: the header must be ", 30),
                     0);
    l = "Record,Id,Name,Domain,Raw_id,Direction,Scoring,In_average\n";
    ck_assert_int_eq(ta_framework_builder_read_buffer(b, l, strlen(l), "cat.csv"), TA_EPARSE);
    ck_assert_int_eq(strncmp(ta_framework_builder_error(b), "cat.csv:1: ", 11), 0);
    ck_assert_int_eq(ta_framework_builder_read_buffer(b, "", 0, "cat.csv"), TA_EPARSE);
    ck_assert_str_eq(ta_framework_builder_error(b), "cat.csv: empty catalogue (no header)");
    /* Bad CSV quoting is reported by the CSV layer with the name and line. */
    l = HEADER "metric,\"M2,Two,d1,,higher,rank,yes,\n";
    ck_assert_int_eq(ta_framework_builder_read_buffer(b, l, strlen(l), "cat.csv"), TA_EPARSE);
    ck_assert_int_eq(strncmp(ta_framework_builder_error(b), "cat.csv:2:", 10), 0);
    ta_framework_builder_free(b);
}
END_TEST

/* A catalogue written to a file, read by path: a whole framework, and the
 * path in messages. */
START_TEST(test_catalogue_file)
{
    static const char text[] =
        "\xEF\xBB\xBF" HEADER "framework,tiny-2030,A tiny framework,,,,,,\r\n"
        "setting,cutoffs,,,,,,,1.5 2.5\r\n"
        "setting,cutoff_rule,,,,,,,ties_worse\r\n"
        "setting,deficit_cap,,,,,,,2\r\n"
        "setting,rsp_segment,,,,,,,0\r\n"
        "setting,decimals,,,,,,,1\r\n"
        ",,,,,,,,\r\n"
        "domain,X100,Ex,ex,,,,,\r\n"
        "figure,X500,Avg,,,,,,average\r\n"
        "metric,X1,\"Rank, lower\",ex,X0,lower,rank,yes,\r\n"
        "metric,X2,Capped,ex,X02,higher,standard_capped,no,standard=70.5\r\n"
        "metric,X3,Banded,ex,X03,lower,banded,yes,cuts=1 2\r\n";
    char path[] = "/tmp/ta_catalogue_XXXXXX";
    int fd = mkstemp(path);
    FILE *fp;
    ta_framework_builder *b = NULL;
    ta_framework *fw = NULL;
    const char *name, *raw;
    ta_direction dir;
    ta_scoring scoring;
    int in_avg;
    double cut[2];
    size_t count, idx;
    char msg[512];

    ck_assert_int_ge(fd, 0);
    fp = fdopen(fd, "wb");
    ck_assert_ptr_nonnull(fp);
    ck_assert_uint_eq(fwrite(text, 1, sizeof text - 1, fp), sizeof text - 1);
    fclose(fp);
    ck_assert_int_eq(ta_framework_builder_new(&b, "unnamed", NULL), TA_OK);
    ck_assert_int_eq(ta_framework_builder_read_file(b, path), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_OK);
    ck_assert_str_eq(ta_framework_name(fw), "tiny-2030");
    ck_assert_uint_eq(ta_framework_metric_count(fw), 3);
    ck_assert_uint_eq(ta_framework_segment_count(fw), 3);
    ck_assert_int_eq(ta_framework_cutoffs(cut, 2, &count, fw), TA_OK);
    ck_assert_uint_eq(count, 2);
    ck_assert_double_eq(cut[0], 1.5);
    ck_assert_double_eq(cut[1], 2.5);
    ck_assert_int_eq(ta_framework_cutoff_rule(fw), TA_CUTOFF_TIES_WORSE);
    ck_assert_int_eq(ta_framework_deficit_cap(fw), 2);
    ck_assert_int_eq(ta_framework_rsp_segment(fw), 0);
    ck_assert_int_eq(ta_framework_decimals(fw), 1);
    ck_assert_str_eq(ta_framework_figure_id(fw, TA_FIGURE_AVERAGE), "X500");
    metric_info(&name, NULL, &raw, &scoring, &dir, &in_avg, fw, 0);
    ck_assert_str_eq(name, "Rank, lower");
    ck_assert_str_eq(raw, "X0");
    ck_assert_int_eq(dir, TA_LOWER_IS_BETTER);
    ck_assert_int_eq(ta_framework_metric_index(&idx, fw, "X02"), TA_OK);
    metric_info(NULL, NULL, NULL, &scoring, NULL, &in_avg, fw, idx);
    ck_assert_int_eq(scoring, TA_SCORING_STANDARD_CAPPED);
    ck_assert_int_eq(in_avg, 0);
    ta_framework_free(fw);

    /* Loading it again: every ID is now a duplicate, named by path, line and column. */
    ck_assert_int_eq(ta_framework_builder_read_file(b, path), TA_EDUPLICATE);
    snprintf(msg, sizeof msg, "%s:9:", path);
    ck_assert_int_eq(strncmp(ta_framework_builder_error(b), msg, strlen(msg)), 0);
    ta_framework_builder_free(b);
    unlink(path);

    ck_assert_int_eq(ta_framework_builder_new(&b, "x", NULL), TA_OK);
    ck_assert_int_eq(ta_framework_builder_read_file(b, path), TA_EIO);
    assert_has(ta_framework_builder_error(b), path);
    ta_framework_builder_free(b);
}
END_TEST

/* ---- allocation failure ----------------------------------------------- */

START_TEST(test_preset_allocation_failure)
{
    size_t n, failures = 0;

    for (n = 1;; n++) {
        af_counter c = {0};
        ta_allocator a = af_allocator(&c);
        ta_framework *fw = (ta_framework *)&fw;
        ta_status st;

        af_fail_in(&c, n);
        st = ta_framework_preset(&fw, PRESET, &a);
        if (!c.failed) {
            ck_assert_int_eq(st, TA_OK);
            ck_assert_uint_eq(ta_framework_metric_count(fw), 14);
            ck_assert_str_eq(ta_framework_figure_id(fw, TA_FIGURE_AVERAGE), "OF5002");
            ta_framework_free(fw);
            ck_assert_uint_eq(c.live, 0);
            break;
        }
        failures++;
        ck_assert_msg(st == TA_ENOMEM, "allocation %zu failed: status %d", n, (int)st);
        ck_assert_ptr_null(fw);
        ck_assert_msg(c.live == 0, "allocation %zu failed: %zu blocks leaked", n, c.live);
    }
    ck_assert_uint_gt(failures, 10);
}
END_TEST

/* A builder survives a failed allocation in each of its calls. */
START_TEST(test_builder_allocation_failure)
{
    for (size_t n = 1;; n++) {
        af_counter c = {0};
        ta_allocator a = af_allocator(&c);
        ta_framework_builder *b = NULL;
        ta_framework *fw = NULL;
        const double cuts[2] = {0, -1};
        ta_status st;

        ck_assert_int_eq(ta_framework_builder_new(&b, "x", &a), TA_OK);
        af_fail_in(&c, n);
        st = ta_framework_builder_add_domain(b, "d", "D", "D1");
        if (st == TA_OK)
            st = ta_framework_builder_add_metric(b, "M", "M", "d", TA_SCORING_BANDED);
        if (st == TA_OK)
            st = ta_framework_builder_set_raw_id(b, "M", "V");
        if (st == TA_OK)
            st = ta_framework_builder_set_bands(b, "M", 2, cuts);
        if (st == TA_OK)
            st = ta_framework_builder_add_figure(b, TA_FIGURE_AVERAGE, "F", "avg");
        if (st == TA_OK)
            st = ta_framework_builder_build(&fw, b);
        if (!c.failed) {
            ck_assert_int_eq(st, TA_OK);
            ta_framework_free(fw);
            ta_framework_builder_free(b);
            ck_assert_uint_eq(c.live, 0);
            break;
        }
        ck_assert_msg(st == TA_ENOMEM, "allocation %zu failed: status %d", n, (int)st);
        ck_assert_ptr_null(fw);
        /* The builder is still usable: what failed can be given again. */
        af_fail_in(&c, 0);
        ta_framework_builder_add_domain(b, "d", "D", "D1");
        ta_framework_builder_add_metric(b, "M", "M", "d", TA_SCORING_BANDED);
        ta_framework_builder_set_raw_id(b, "M", "V");
        ck_assert_int_eq(ta_framework_builder_set_bands(b, "M", 2, cuts), TA_OK);
        ta_framework_builder_add_figure(b, TA_FIGURE_AVERAGE, "F", "avg");
        ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_OK);
        ck_assert_uint_eq(ta_framework_metric_count(fw), 1);
        ck_assert_str_eq(ta_framework_figure_id(fw, TA_FIGURE_AVERAGE), "F");
        ta_framework_free(fw);
        ta_framework_builder_free(b);
        ck_assert_msg(c.live == 0, "allocation %zu failed: %zu blocks leaked", n, c.live);
    }
}
END_TEST

/* Rule: a Weight "1/3" is one third: the number before the slash over the one
 * after it. */
START_TEST(test_catalogue_reads_a_fraction_weight)
{
    static const char text[] =
        "Record,Id,Name,Domain,Raw_id,Direction,Scoring,In_average,Parameters,Weight,Source\n"
        "metric,M2,Two,d1,V2,higher,rank,yes,,2/3,S\n";
    ta_framework_builder *b = small_builder();
    ta_framework *fw = NULL;
    size_t i;
    unsigned num = 0, den = 0;
    ck_assert_msg(ta_framework_builder_read_buffer(b, text, sizeof text - 1, "cat.csv") == TA_OK,
                  "%s", ta_framework_builder_error(b));
    ck_assert_int_eq(ta_framework_builder_build(&fw, b), TA_OK);
    ck_assert_int_eq(ta_framework_metric_index(&i, fw, "M2"), TA_OK);
    ck_assert_int_eq(ta_framework_metric_weight(&num, &den, fw, i), TA_OK);
    ck_assert_uint_eq(num, 2);
    ck_assert_uint_eq(den, 3);
    ta_framework_free(fw);
    ta_framework_builder_free(b);
}
END_TEST

/* Rule: bracketed Parameters need at least one cut point and exactly one
 * score more than cut points; anything else is a parse error of the cell. */
START_TEST(test_catalogue_brackets_need_cuts_and_one_more_score)
{
    const char *l = "metric,M2,Two,d1,V2,higher,bracketed,no,cuts=;scores=1\n";
    expect_catalogue_error(l, TA_EPARSE, 2, column_of(l, 8),
                           "expected cuts=NUMBERS;scores=one more NUMBER in \"cuts=;scores=1\"");
    l = "metric,M2,Two,d1,V2,higher,bracketed,no,cuts=2 3;scores=1 4\n";
    expect_catalogue_error(l, TA_EPARSE, 2, column_of(l, 8),
                           "expected cuts=NUMBERS;scores=one more NUMBER in");
    l = "metric,M2,Two,d1,V2,higher,bracketed,no,cuts=2;scores=1 3 4\n";
    expect_catalogue_error(l, TA_EPARSE, 2, column_of(l, 8),
                           "expected cuts=NUMBERS;scores=one more NUMBER in");
}
END_TEST

static Suite *framework_suite(void)
{
    Suite *s = suite_create("framework");
    TCase *tc = tcase_create("core");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_preset_facts);
    tcase_add_test(tc, test_preset_unknown);
    tcase_add_test(tc, test_preset_text_round_trip);
    tcase_add_test(tc, test_builder_null_arguments);
    tcase_add_test(tc, test_builder_invalid_ids);
    tcase_add_test(tc, test_builder_duplicates);
    tcase_add_test(tc, test_builder_unknown_names_and_enums);
    tcase_add_test(tc, test_builder_bands);
    tcase_add_test(tc, test_decimal_scale);
    tcase_add_test(tc, test_builder_first_and_past_the_end);
    tcase_add_test(tc, test_builder_setter_limits);
    tcase_add_test(tc, test_builder_combination);
    tcase_add_test(tc, test_builder_combination_reads_16_entries);
    tcase_add_test(tc, test_builder_cutoffs);
    tcase_add_test(tc, test_builder_caps_and_decimals);
    tcase_add_test(tc, test_builder_defaults_and_no_metrics);
    tcase_add_test(tc, test_builder_reuse);
    tcase_add_test(tc, test_catalogue_errors);
    tcase_add_test(tc, test_catalogue_smallest_cells);
    tcase_add_test(tc, test_catalogue_quartile_settings);
    tcase_add_test(tc, test_catalogue_file);
    tcase_add_test(tc, test_preset_allocation_failure);
    tcase_add_test(tc, test_builder_allocation_failure);
    tcase_add_test(tc, test_catalogue_reads_a_fraction_weight);
    tcase_add_test(tc, test_catalogue_brackets_need_cuts_and_one_more_score);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(framework_suite());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
