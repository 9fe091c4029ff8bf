/*
 * Drives the builder, trust and assessment APIs from a byte stream: each byte
 * picks an operation, the following bytes its arguments (metric IDs by index
 * or as arbitrary text, doubles that may be NaN, infinite or huge, enum values
 * outside their range, indices past the end, NULL pointers). Nothing may
 * crash, leak or leave a failed call without a message; after every
 * successful run the results are read back in full.
 *
 * The trusts and the assessment use the built-in preset (shared, built once);
 * a second part of the stream drives a framework builder with bad values.
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

/* A metric ID: usually one the framework knows (score or raw ID), else text. */
static const char *metric_id(fuzz_cursor *c, char *buf, size_t max)
{
    uint8_t k = fuzz_u8(c);
    size_t nm = ta_framework_metric_count(fw);
    if (k < 200 && nm > 0) {
        const char *raw;
        size_t m = k % nm;
        if (k & 1)
            return ta_framework_metric_id(fw, m);
        raw = ta_framework_metric_raw_id(fw, m);
        return raw != NULL && raw[0] ? raw : ta_framework_metric_id(fw, m);
    }
    if (k < 210)
        return NULL;
    return fuzz_string(c, buf, max);
}

static void read_all(ta_assessment *a)
{
    size_t n = ta_assessment_trust_count(a) + 2;
    double cut[8];
    size_t count = 0;
    (void)ta_assessment_cutoffs(cut, 8, &count, a);
    for (size_t i = 0; i < n; i++) {
        int seg = 0, u, adj, fin, has;
        double x, y, s;
        size_t ns, needed;
        uint32_t rank;
        ta_reason why;
        char buf[64];
        (void)ta_assessment_is_segmented(&seg, a, i);
        (void)ta_assessment_average(&x, &y, &ns, a, i);
        (void)ta_assessment_segments(&u, &adj, &fin, a, i);
        (void)ta_assessment_rank(&rank, a, i);
        (void)ta_assessment_reason(&why, a, i);
        (void)ta_assessment_reason_text(buf, sizeof buf, &needed, a, i);
        (void)ta_assessment_reason_text(NULL, 0, &needed, a, i);
        (void)ta_assessment_distance_to_better(&x, a, i);
        (void)ta_assessment_domain_score(&has, &s, a, i, i % 7);
        (void)ta_assessment_metric_score(&has, &s, a, i, i * 3);
        (void)ta_assessment_trust_field(a, i, (ta_trust_field)(i % 6));
        (void)ta_assessment_trust_flag(a, i, (ta_flag)(i % 3));
    }
    for (size_t p = 0; p <= ta_assessment_league_count(a); p++) {
        size_t idx;
        (void)ta_assessment_league_entry(&idx, a, p);
    }
    for (size_t k = 0; k <= ta_assessment_note_count(a); k++)
        (void)ta_assessment_note(a, k);
}

static void drive_builder(fuzz_cursor *c)
{
    ta_framework_builder *b = NULL;
    ta_framework *built = NULL;
    char s1[24], s2[24], s3[24];
    double arr[16];
    if (ta_framework_builder_new(&b, fuzz_u8(c) & 1 ? "b" : NULL, NULL) != TA_OK)
        return;
    for (int ops = 0; ops < 64 && fuzz_more(c); ops++) {
        ta_status st = TA_OK;
        uint8_t op = fuzz_u8(c) % 16;
        size_t n = fuzz_u8(c) % 20;
        for (size_t i = 0; i < 16; i++)
            arr[i] = i < n ? fuzz_double(c) : 0.0;
        switch (op) {
        case 0:
            st = ta_framework_builder_add_domain(b, fuzz_string(c, s1, 8), "D",
                                                 fuzz_string(c, s2, 8));
            break;
        case 1:
            st = ta_framework_builder_add_metric(b, fuzz_string(c, s1, 8), "M",
                                                 fuzz_string(c, s2, 8),
                                                 (ta_scoring)(fuzz_u8(c) % 7 - 1));
            break;
        case 2:
            st = ta_framework_builder_set_raw_id(b, fuzz_string(c, s1, 8), fuzz_string(c, s2, 8));
            break;
        case 3:
            st = ta_framework_builder_set_direction(b, fuzz_string(c, s1, 8),
                                                    (ta_direction)fuzz_u8(c));
            break;
        case 4:
            st = ta_framework_builder_set_in_average(b, fuzz_string(c, s1, 8), (int)fuzz_u8(c) - 1);
            break;
        case 5:
            st = ta_framework_builder_set_standard(b, fuzz_string(c, s1, 8), arr[0]);
            break;
        case 6:
            st = ta_framework_builder_set_bands(b, fuzz_string(c, s1, 8), n, n ? arr : NULL);
            break;
        case 7:
            st = ta_framework_builder_set_combination(
                b, fuzz_string(c, s1, 8), fuzz_string(c, s2, 8), fuzz_string(c, s3, 8), arr);
            break;
        case 8:
            st = ta_framework_builder_add_figure(b, (ta_figure)(fuzz_u8(c) % 9 - 1),
                                                 fuzz_string(c, s1, 8), "F");
            break;
        case 9:
            st = ta_framework_builder_set_cutoffs(b, n, n ? arr : NULL);
            break;
        case 10:
            st = ta_framework_builder_set_cutoff_quartiles(b, (ta_quantile)fuzz_u8(c));
            break;
        case 11:
            st = ta_framework_builder_set_cutoff_rule(b, (ta_cutoff_rule)((int)fuzz_u8(c) - 1));
            break;
        case 12:
            st = ta_framework_builder_set_deficit_cap(b, (int)fuzz_u8(c) - 2);
            break;
        case 13:
            st = ta_framework_builder_set_rsp_segment(b, (int)fuzz_u8(c) - 2);
            break;
        case 14:
            st = ta_framework_builder_set_decimals(b, (int)fuzz_u8(c) - 2);
            break;
        default:
            st = ta_framework_builder_build(&built, b);
            FUZZ_CHECK((st == TA_OK) == (built != NULL), "build status %d", (int)st);
            ta_framework_free(built);
            built = NULL;
            break;
        }
        FUZZ_CHECK_MESSAGE(st, ta_framework_builder_error(b));
    }
    ta_framework_builder_free(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_cursor c = {data, size, 0};
    ta_assessment *a = NULL;
    ta_trust *t = NULL;
    char s1[24], s2[24];
    int runs = 0;

    if (size > 0 && data[0] == 0xFF) {
        c.pos = 1;
        drive_builder(&c);
        return 0;
    }
    FUZZ_CHECK(ta_assessment_new(&a, fw, NULL) == TA_OK, "assessment");
    for (int ops = 0; ops < 256 && fuzz_more(&c); ops++) {
        ta_status st = TA_OK;
        const char *msg = NULL;
        uint8_t op = fuzz_u8(&c) % 14;
        switch (op) {
        case 0: /* a new trust (replacing the current one) */
            ta_trust_free(t);
            t = NULL;
            st = ta_trust_new(&t, fw, fuzz_string(&c, s1, 20), NULL);
            FUZZ_CHECK((st == TA_OK) == (t != NULL), "trust_new status %d", (int)st);
            st = TA_OK; /* a constructor's status is its whole message */
            break;
        case 1:
            if (t == NULL)
                break;
            st = ta_trust_set_value(t, metric_id(&c, s1, 12), fuzz_double(&c));
            msg = ta_trust_error(t);
            break;
        case 2:
            if (t == NULL)
                break;
            st = ta_trust_set_score(t, metric_id(&c, s1, 12), fuzz_double(&c));
            msg = ta_trust_error(t);
            break;
        case 3:
            if (t == NULL)
                break;
            st = ta_trust_set_rank(t, metric_id(&c, s1, 12), fuzz_u8(&c), fuzz_u8(&c));
            msg = ta_trust_error(t);
            break;
        case 4:
            if (t == NULL)
                break;
            st = ta_trust_set_flag(t, (ta_flag)(fuzz_u8(&c) % 4 - 1),
                                   (ta_tristate)((int)(fuzz_u8(&c) % 5) - 2));
            (void)ta_trust_set_ft_status(t, (ta_ft_status)(fuzz_u8(&c) % 5 - 1));
            (void)ta_trust_set_field(t, (ta_trust_field)(fuzz_u8(&c) % 6 - 1),
                                     fuzz_u8(&c) < 20 ? NULL : fuzz_string(&c, s2, 20));
            msg = ta_trust_error(t);
            break;
        case 5:
            if (t == NULL)
                break;
            st = ta_assessment_add_trust(a, t);
            msg = ta_assessment_error(a);
            break;
        case 6: { /* bulk columns */
            const char *codes[4], *ids[4];
            double nums[4];
            char cb[4][8], ib[4][12];
            size_t n = fuzz_u8(&c) % 5;
            for (size_t i = 0; i < n; i++) {
                codes[i] = fuzz_string(&c, cb[i], 8);
                ids[i] = metric_id(&c, ib[i], 12);
                nums[i] = fuzz_double(&c);
            }
            st = ta_assessment_add_columns(a, n, n ? codes : NULL, n ? ids : NULL, n ? nums : NULL,
                                           (ta_input_kind)(fuzz_u8(&c) % 3));
            msg = ta_assessment_error(a);
            break;
        }
        case 7:
            st = ta_assessment_set_trust_field(a, fuzz_string(&c, s1, 8),
                                               (ta_trust_field)(fuzz_u8(&c) % 6 - 1),
                                               fuzz_string(&c, s2, 20));
            msg = ta_assessment_error(a);
            break;
        case 8:
            st = ta_assessment_set_trust_flag(a, fuzz_string(&c, s1, 8), (ta_flag)(fuzz_u8(&c) % 3),
                                              (ta_tristate)((int)(fuzz_u8(&c) % 4) - 1));
            msg = ta_assessment_error(a);
            break;
        case 9: {
            double cut[6];
            size_t n = fuzz_u8(&c) % 7;
            for (size_t i = 0; i < n; i++)
                cut[i] = fuzz_double(&c);
            st = ta_assessment_set_cutoffs(a, n, n ? cut : NULL);
            msg = ta_assessment_error(a);
            break;
        }
        case 10:
            if (runs++ > 8)
                break;
            st = ta_assessment_run(a);
            msg = ta_assessment_error(a);
            read_all(a);
            break;
        case 11:
            st = ta_assessment_set_period(a, fuzz_u8(&c) < 10 ? NULL : fuzz_string(&c, s1, 20));
            msg = ta_assessment_error(a);
            break;
        case 12: { /* pure helpers */
            double vals[8], out[4], r;
            size_t n = fuzz_u8(&c) % 9;
            for (size_t i = 0; i < n; i++)
                vals[i] = fuzz_double(&c);
            (void)ta_quantile_cutoffs(out, fuzz_u8(&c) % 5, vals, n, (ta_quantile)(fuzz_u8(&c) % 9),
                                      NULL);
            (void)ta_decimal_round(&r, fuzz_double(&c), (int)(fuzz_u8(&c) % 10) - 2);
            char buf[40];
            (void)ta_decimal_format(buf, fuzz_u8(&c) % 40, fuzz_double(&c),
                                    (int)(fuzz_u8(&c) % 12) - 1);
            break;
        }
        default:
            if (t != NULL) {
                int hv, hs;
                double v, s;
                (void)ta_trust_metric_value(&hv, &v, t, metric_id(&c, s1, 12));
                (void)ta_trust_metric_score(&hs, &s, t, metric_id(&c, s1, 12));
                (void)ta_trust_clear_metric(t, metric_id(&c, s1, 12));
            }
            break;
        }
        FUZZ_CHECK_MESSAGE(st, msg);
    }
    ta_trust_free(t);
    ta_assessment_free(a);
    return 0;
}
