/*
 * oracle_driver: the library's side of the differential test (public API only).
 *
 *   oracle_driver [--cutoffs] FILE scores|values [C1 C2 C3]
 *
 * Reads FILE with the "nof-2025-26" preset; for each quarter and trust type of
 * the file builds an assessment from the published scores (as given: no
 * reconstruction) or from the raw values, sets the three cut-offs when given (else the framework's
 * quartile default, per assessment), runs it and prints one CSV line per trust:
 *
 *   quarter,trust_type,code,n_scores,unrounded,rounded,unadjusted,adjusted,
 *   final,rank,access,patient_safety,finance_productivity,people_workforce,
 *   effectiveness_experience
 *
 * unrounded and the domain scores with 9 decimals, rounded with 2 (all with
 * ta_decimal_format); a trust that is not segmented has n_scores 0 and empty
 * result fields; final is 0 when the Recovery Support Programme flag is
 * unknown. With --cutoffs, each assessment is preceded by the line
 * "cutoffs,quarter,trust_type,C1,C2,C3" giving the cut-offs the run used (9
 * decimals). Quarter, trust type and code must not contain commas or quotes.
 */
#include <stdio.h>
#include <string.h>

#include <trustassess.h>

static const char *const domain_keys[5] = {"access", "patient_safety", "finance_productivity",
                                           "people_workforce", "effectiveness_experience"};

static int fmt(char *buf, size_t size, double x, int decimals)
{
    ta_status st = ta_decimal_format(buf, size, x, decimals);
    if (st != TA_OK) {
        fprintf(stderr, "ta_decimal_format(%.17g): %s\n", x, ta_strerror(st));
        return -1;
    }
    return 0;
}

static int print_assessment(ta_assessment *a, const size_t *domains, const char *quarter,
                            const char *type)
{
    for (size_t i = 0; i < ta_assessment_trust_count(a); i++) {
        int segmented = 0;
        ta_status st = ta_assessment_is_segmented(&segmented, a, i);
        if (st != TA_OK) {
            fprintf(stderr, "is_segmented: %s\n", ta_strerror(st));
            return -1;
        }
        printf("%s,%s,%s,", quarter, type, ta_assessment_trust_code(a, i));
        if (!segmented) {
            printf("0,,,,,,,,,,,\n");
            continue;
        }
        double unrounded, rounded;
        size_t n_scores;
        int unadjusted, adjusted, final_segment;
        uint32_t rank;
        char b1[64], b2[64];
        if ((st = ta_assessment_average(&unrounded, &rounded, &n_scores, a, i)) != TA_OK ||
            (st = ta_assessment_segments(&unadjusted, &adjusted, &final_segment, a, i)) != TA_OK ||
            (st = ta_assessment_rank(&rank, a, i)) != TA_OK) {
            fprintf(stderr, "\nresults of %s: %s\n", ta_assessment_trust_code(a, i),
                    ta_strerror(st));
            return -1;
        }
        if (fmt(b1, sizeof b1, unrounded, 9) || fmt(b2, sizeof b2, rounded, 2))
            return -1;
        printf("%zu,%s,%s,%d,%d,%d,%u", n_scores, b1, b2, unadjusted, adjusted, final_segment,
               (unsigned)rank);
        for (size_t k = 0; k < 5; k++) {
            int has = 0;
            double score;
            if ((st = ta_assessment_domain_score(&has, &score, a, i, domains[k])) != TA_OK) {
                fprintf(stderr, "\ndomain score: %s\n", ta_strerror(st));
                return -1;
            }
            if (has) {
                if (fmt(b1, sizeof b1, score, 9))
                    return -1;
                printf(",%s", b1);
            } else {
                printf(",");
            }
        }
        printf("\n");
    }
    return 0;
}

static int print_cutoffs(const ta_assessment *a, const char *quarter, const char *type)
{
    double used[3];
    size_t count = 0;
    char buf[64];
    ta_status st = ta_assessment_cutoffs(used, 3, &count, a);
    if (st != TA_OK) {
        fprintf(stderr, "cutoffs: %s\n", ta_strerror(st));
        return -1;
    }
    printf("cutoffs,%s,%s", quarter, type);
    for (size_t k = 0; k < count && k < 3; k++) {
        if (fmt(buf, sizeof buf, used[k], 9))
            return -1;
        printf(",%s", buf);
    }
    printf("\n");
    return 0;
}

int main(int argc, char **argv)
{
    ta_framework *fw = NULL;
    ta_nhse_file *file = NULL;
    ta_nhse_source source;
    double cutoffs[3];
    size_t domains[5];
    int rc = 1;
    int show_cutoffs = 0;
    if (argc > 1 && strcmp(argv[1], "--cutoffs") == 0) {
        show_cutoffs = 1;
        argv++;
        argc--;
    }
    if ((argc != 3 && argc != 6) ||
        (strcmp(argv[2], "scores") != 0 && strcmp(argv[2], "values") != 0)) {
        fprintf(stderr, "usage: %s FILE scores|values [C1 C2 C3]\n", argv[0]);
        return 2;
    }
    source = strcmp(argv[2], "values") == 0 ? TA_FROM_VALUES : TA_FROM_SCORES;
    for (int k = 0; argc == 6 && k < 3; k++) {
        if (ta_decimal_parse(&cutoffs[k], argv[3 + k]) != TA_OK) {
            fprintf(stderr, "bad cut-off: %s\n", argv[3 + k]);
            return 2;
        }
    }
    if (ta_framework_preset(&fw, "nof-2025-26", NULL) != TA_OK ||
        ta_nhse_file_new(&file, fw, NULL) != TA_OK) {
        fprintf(stderr, "cannot make the framework or file handle\n");
        goto done;
    }
    for (size_t k = 0; k < 5; k++) {
        size_t d, nd = ta_framework_domain_count(fw);
        for (d = 0; d < nd; d++) {
            const char *key = NULL;
            if (ta_framework_domain_info(&key, NULL, NULL, fw, d) == TA_OK &&
                strcmp(key, domain_keys[k]) == 0)
                break;
        }
        if (d == nd) {
            fprintf(stderr, "the preset has no domain %s\n", domain_keys[k]);
            goto done;
        }
        domains[k] = d;
    }
    if (ta_nhse_file_read_file(file, argv[1]) != TA_OK) {
        fprintf(stderr, "%s\n", ta_nhse_file_error(file));
        goto done;
    }
    for (size_t p = 0; p < ta_nhse_file_period_count(file); p++) {
        const char *quarter = ta_nhse_file_period(file, p);
        for (size_t t = 0; t < ta_nhse_file_trust_type_count(file); t++) {
            const char *type = ta_nhse_file_trust_type(file, t);
            ta_assessment *a = NULL;
            ta_status st = ta_nhse_file_assessment(&a, file, quarter, type, source);
            if (st != TA_OK) {
                fprintf(stderr, "assessment %s / %s: %s: %s\n", quarter, type, ta_strerror(st),
                        ta_nhse_file_error(file));
                goto done;
            }
            /* The populations are random, not NHS England's rank-scaled scores:
             * the oracle checks the averaging rules on the scores as given, so
             * no score is reconstructed from the preset's pool sizes. */
            if (ta_assessment_set_reconstruct(a, 0) != TA_OK ||
                (argc == 6 && ta_assessment_set_cutoffs(a, 3, cutoffs) != TA_OK) ||
                ta_assessment_run(a) != TA_OK) {
                fprintf(stderr, "run %s / %s: %s\n", quarter, type, ta_assessment_error(a));
                ta_assessment_free(a);
                goto done;
            }
            if (show_cutoffs && print_cutoffs(a, quarter, type) != 0) {
                ta_assessment_free(a);
                goto done;
            }
            int bad = print_assessment(a, domains, quarter, type);
            ta_assessment_free(a);
            if (bad)
                goto done;
        }
    }
    rc = 0;
done:
    ta_nhse_file_free(file);
    ta_framework_free(fw);
    return rc;
}
