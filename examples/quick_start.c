/* quick_start: the README's C example, built and run by the tests. */
#include <stdio.h>
#include <trustassess.h>

int main(void)
{
    ta_framework *fw = NULL;
    ta_nhse_file *file = NULL;
    ta_assessment *a = NULL;
    double cutoffs[3];
    ta_framework_preset(&fw, "nof-2025-26", NULL);
    ta_nhse_file_new(&file, fw, NULL);
    if (ta_nhse_file_read_file(file, TA_DATA_FILE) != TA_OK ||
        ta_nhse_file_published_cutoffs(cutoffs, 3, file, "Q4 2025/26") != TA_OK ||
        ta_nhse_file_assessment(&a, file, "Q4 2025/26", NULL, TA_FROM_SCORES) != TA_OK)
        return fprintf(stderr, "%s\n", ta_nhse_file_error(file)), 1;
    ta_assessment_set_cutoffs(a, 3, cutoffs);
    ta_assessment_run(a);
    for (size_t pos = 0, i; pos < 5 && ta_assessment_league_entry(&i, a, pos) == TA_OK; pos++) {
        uint32_t rank;
        int segment;
        char avg[16], why[160];
        double rounded;
        ta_assessment_rank(&rank, a, i);
        ta_assessment_segments(NULL, &segment, NULL, a, i);
        ta_assessment_average(NULL, &rounded, NULL, a, i);
        ta_decimal_format(avg, sizeof avg, rounded, 2);
        ta_assessment_reason_text(why, sizeof why, NULL, a, i);
        printf("%u %d %s %s: %s\n", (unsigned)rank, segment, avg, ta_assessment_trust_code(a, i),
               why);
    }
    ta_assessment_free(a);
    ta_nhse_file_free(file);
    ta_framework_free(fw);
    return 0;
}
