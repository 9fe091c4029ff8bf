/*
 * league_from_csv: print one quarter's league table from NHS England's
 * published NOF file, recomputed from the published metric scores.
 *
 *   league_from_csv FILE "Q4 2025/26"
 *
 * The shortest complete use of the library: a preset framework, a file
 * handle, an assessment of the quarter with the cut-offs NHS England's own
 * published segments imply, and results in league order.
 */
#include <stdio.h>

#include <trustassess.h>

int main(int argc, char **argv)
{
    ta_framework *fw = NULL;
    ta_nhse_file *file = NULL;
    ta_assessment *a = NULL;
    double cutoffs[3];
    int rc = 1;
    if (argc != 3) {
        fprintf(stderr, "usage: %s FILE QUARTER\n", argv[0]);
        return 2;
    }
    if (ta_framework_preset(&fw, "nof-2025-26", NULL) != TA_OK ||
        ta_nhse_file_new(&file, fw, NULL) != TA_OK)
        goto done;
    if (ta_nhse_file_read_file(file, argv[1]) != TA_OK ||
        ta_nhse_file_published_cutoffs(cutoffs, 3, file, argv[2]) != TA_OK ||
        ta_nhse_file_assessment(&a, file, argv[2], NULL, TA_FROM_SCORES) != TA_OK) {
        fprintf(stderr, "%s\n", ta_nhse_file_error(file));
        goto done;
    }
    if (ta_assessment_set_cutoffs(a, 3, cutoffs) != TA_OK || ta_assessment_run(a) != TA_OK) {
        fprintf(stderr, "%s\n", ta_assessment_error(a));
        goto done;
    }
    printf("%-4s %-7s %-5s %s\n", "Rank", "Segment", "Score", "Trust");
    for (size_t pos = 0; pos < ta_assessment_league_count(a); pos++) {
        size_t i;
        uint32_t rank;
        int segment;
        double average;
        ta_assessment_league_entry(&i, a, pos);
        ta_assessment_rank(&rank, a, i);
        ta_assessment_segments(NULL, &segment, NULL, a, i);
        ta_assessment_average(NULL, &average, NULL, a, i);
        printf("%4u %7d %5.2f %s\n", (unsigned)rank, segment, average,
               ta_assessment_trust_field(a, i, TA_FIELD_NAME));
    }
    rc = 0;
done:
    ta_assessment_free(a);
    ta_nhse_file_free(file);
    ta_framework_free(fw);
    return rc;
}
