/*
 * The average metric score and the domain scores.
 *
 * NHS England's average is the plain, unweighted mean of a trust's available
 * metric scores that enter the average (not a mean of domain means), and a
 * domain score the mean of that domain's such scores. A missing metric is
 * left out, never imputed.
 *
 * Published scores are 2-decimal text; a double such as 3.085 is not exactly
 * 3.085, and the half-up rounding of a mean that is exactly a tie (NHS
 * England's rounding) must see the tie. So a score within 1e-9 of a multiple
 * of 10^-decimals is summed as that integer number of hundredths, exactly,
 * and the mean is formed from the exact integer sum. tai_mean_add and
 * tai_mean_finish are that rule in two halves, for callers that form means of
 * other lists of scores (the bootstrap's resamples, what-if).
 */
#include <math.h>

#include "assessment_internal.h"

void tai_mean_add(double x, double scale, double *exact_sum, double *other_sum)
{
    double k = nearbyint(x * scale);
    if (fabs(x * scale - k) <= 1e-9 * scale)
        *exact_sum += k;
    else
        *other_sum += x;
}

double tai_mean_finish(double exact_sum, double other_sum, size_t n, double scale)
{
    return (exact_sum + other_sum * scale) / ((double)n * scale);
}

size_t tai_mean_scores(const tai_framework_def *def, const double *row, size_t domain,
                       double *mean)
{
    double scale = tai_framework_scale(def);
    double exact_sum = 0, other_sum = 0;
    size_t n = 0;
    for (size_t m = 0; m < def->n_metrics; m++) {
        const tai_metric *metric = &def->metrics[m];
        double x = row[m];
        if (isnan(x) || !metric->in_average || (domain != (size_t)-1 && metric->domain != domain))
            continue;
        tai_mean_add(x, scale, &exact_sum, &other_sum);
        n++;
    }
    if (n > 0)
        *mean = tai_mean_finish(exact_sum, other_sum, n, scale);
    return n;
}
