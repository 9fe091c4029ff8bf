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
 * and the mean is formed from the exact integer sum.
 *
 * Weights (the manual's one exception: three infection rates at one third
 * each) are exact fractions: each is scaled by the least common multiple of
 * the weights' denominators to a whole number, so a weighted mean is again an
 * exact integer sum over an exact integer total.
 */
#include <math.h>

#include "assessment_internal.h"

/* nearbyint(y), without the library call: adding and subtracting 1.5 x 2^52
 * rounds |y| < 2^51 to an integer in the current rounding mode, as nearbyint
 * does (same result, bit for bit; the volatile-free form is safe because C11
 * without FENV_ACCESS lets the compiler assume the default mode, the mode
 * nearbyint also sees). Every y here is a score (1 .. 4, checked where it is
 * given or computed) times a scale of at most 10^6, far inside that range. */
static double round_integer(double y)
{
    const double magic = 6755399441055744.0; /* 1.5 x 2^52 */
    return (y + magic) - magic;
}

/* A running mean that keeps decimal inputs exact (see the file comment). */
typedef struct mean {
    double scale, exact_sum, other_sum;
    size_t n;
} mean;

/* Adds x with whole-number weight w (1 for an unweighted mean). */
static void mean_add_weighted(mean *m, double x, double w)
{
    double k = round_integer(x * m->scale);
    if (fabs(x * m->scale - k) <= 1e-9 * m->scale)
        m->exact_sum += w * k;
    else
        m->other_sum += w * x;
    m->n++;
}

static void mean_add(mean *m, double x)
{
    mean_add_weighted(m, x, 1.0);
}

static double mean_value(const mean *m)
{
    return (m->exact_sum + m->other_sum * m->scale) / ((double)m->n * m->scale);
}

/* The weighted form of tai_mean_scores (see the file comment). */
static size_t weighted_mean(const tai_framework_def *def, const double *row, size_t domain,
                            double *out)
{
    mean m = {tai_framework_scale(def), 0, 0, 0};
    double lcm = (double)def->weight_lcm, total = 0;
    for (size_t i = 0; i < def->n_metrics; i++) {
        const tai_metric *metric = &def->metrics[i];
        if (isnan(row[i]) || !metric->in_average ||
            (domain != (size_t)-1 && metric->domain != domain))
            continue;
        double w = lcm / metric->weight_den * metric->weight_num;
        mean_add_weighted(&m, row[i], w);
        total += w;
    }
    *out = (m.exact_sum + m.other_sum * m.scale) / (total * m.scale);
    return m.n;
}

double tai_mean_of(const double *scores, size_t n, int decimals)
{
    static const double scales[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
    mean m = {scales[decimals], 0, 0, 0};
    for (size_t i = 0; i < n; i++)
        mean_add(&m, scores[i]);
    return mean_value(&m);
}

size_t tai_mean_scores(const tai_framework_def *def, const double *row, size_t domain, double *out)
{
    mean m = {tai_framework_scale(def), 0, 0, 0};
    if (def->weighted)
        return weighted_mean(def, row, domain, out);
    for (size_t i = 0; i < def->n_metrics; i++) {
        const tai_metric *metric = &def->metrics[i];
        if (isnan(row[i]) || !metric->in_average ||
            (domain != (size_t)-1 && metric->domain != domain))
            continue;
        mean_add(&m, row[i]);
    }
    *out = mean_value(&m);
    return m.n;
}

/* The same rule in two halves for callers that form means of other lists
 * of scores one draw at a time (the bootstrap's resamples). */
void tai_mean_add(double x, double scale, double *exact_sum, double *other_sum)
{
    mean m = {scale, *exact_sum, *other_sum, 0};
    mean_add(&m, x);
    *exact_sum = m.exact_sum;
    *other_sum = m.other_sum;
}

double tai_mean_finish(double exact_sum, double other_sum, size_t n, double scale)
{
    mean m = {scale, exact_sum, other_sum, n};
    return mean_value(&m);
}
