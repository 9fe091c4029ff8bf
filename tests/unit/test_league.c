/*
 * Unit tests of the league object (ta_league) and what it stands on: NHS
 * England's league-table layout, several files in one handle, and cut-offs
 * read off published segments with their intervals.
 *
 * One small national quarter in the league-table layout (two trust types,
 * nine trusts, one of them capped by the deficit rule) whose every figure is
 * worked out by hand in the comments, so each assertion checks a value that
 * could be wrong.
 */
#define TA_EXPERIMENTAL /* the likely ranges and what-if (trustassess/analysis.h) */

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "trustassess.h"

#define HEADER                                                                                     \
    "\xef\xbb\xbfQuarter,Region,Trust_type,Trust_subtype,Trust_code,Trust_name,Average_score,"     \
    "Likely_range_of_average_score,Segment,Trust_in_financial_deficit,Rank,Likely_range_of_rank"   \
    "\r\n"

/* Published cut-offs 2.00 / 2.30 / 2.60 (ties to the better segment):
 *   c1 in [2.00 A2, 2.20 A3), c2 in [2.30 B2, 2.60 A5), c3 in [2.60 A5, 2.80 B3).
 * A4 (2.50, segment 3, deficit) may be capped: it bounds only c3, from below.
 * A6 (3.00, segment 4, deficit) is above the cap: its segment is exact. */
/* Both ends of cut-off k's interval, through ta_nhse_file_cutoff_limit (the
 * two calls must agree on the status). */
static ta_status cutoff_interval(int *has_lo, double *lo, int *has_hi, double *hi, ta_nhse_file *nf,
                                 const char *period, size_t k)
{
    ta_status a = ta_nhse_file_cutoff_limit(has_lo, lo, nf, period, k, 0);
    ta_status b = ta_nhse_file_cutoff_limit(has_hi, hi, nf, period, k, 1);
    ck_assert_int_eq(a, b);
    return a;
}

/* A published figure's value and rank, through both getters (which must agree on the status). */
static ta_status published_with_rank(int *has, double *value, int *has_rank, double *rank,
                                     const ta_nhse_file *nf, const char *period, const char *code,
                                     const char *id)
{
    ta_status a = ta_nhse_file_published(has, value, nf, period, code, id);
    ta_status b = ta_nhse_file_published_rank(has_rank, rank, nf, period, code, id);
    ck_assert_int_eq(a, b);
    return a;
}

static const char national[] =
    HEADER "Q3 2025/26,North,Acute trust,,A1,Alpha One,1.50,1.2 to 1.89,1.0,No,1.0,1 to 3\r\n"
           "Q3 2025/26,North,Acute trust,,A2,Alpha Two,2.00,,1.0,No,2.0,\r\n"
           "Q3 2025/26,North,Acute trust,,A3,Alpha Three,2.20,,2.0,No,3.0,\r\n"
           "Q3 2025/26,North,Acute trust,,A4,Alpha Four,2.50,,3.0,Yes,4.0,\r\n"
           "Q3 2025/26,North,Acute trust,,A5,Alpha Five,2.60,,3.0,No,5.0,\r\n"
           "Q3 2025/26,North,Acute trust,,A6,Alpha Six,3.00,,4.0,Yes,6.0,\r\n"
           "Q3 2025/26,South,Ambulance trust,,B1,Beta One,1.90,,1.0,No,1.0,\r\n"
           "Q3 2025/26,South,Ambulance trust,,B2,\"Beta Two, Ltd\",2.30,,2.0,No,2.0,\r\n"
           "Q3 2025/26,South,Ambulance trust,,B3,Beta Three,2.80,,4.0,No,3.0,\r\n";

static ta_framework *fw;
static ta_nhse_file *file;

static void setup(void)
{
    ck_assert_int_eq(ta_framework_preset(&fw, "nof-2025-26", NULL), TA_OK);
    ck_assert_int_eq(ta_nhse_file_new(&file, fw, NULL), TA_OK);
    ck_assert_msg(ta_nhse_file_add_buffer(file, national, strlen(national), "national.csv") ==
                      TA_OK,
                  "%s", ta_nhse_file_error(file));
}

static void teardown(void)
{
    ta_nhse_file_free(file);
    ta_framework_free(fw);
}

static void assert_has(const char *text, const char *part)
{
    ck_assert_msg(strstr(text, part) != NULL, "\"%s\" lacks \"%s\"", text, part);
}

/* ---- the league-table layout ---------------------------------------------- */

START_TEST(league_layout_figures)
{
    int has = 0, has_rank = 0;
    double value = 0, rank = 0;
    ck_assert_uint_eq(ta_nhse_file_row_count(file), 9);
    ck_assert_uint_eq(ta_nhse_file_period_count(file), 1);
    ck_assert_uint_eq(ta_nhse_file_trust_type_count(file), 2);
    ck_assert_str_eq(ta_nhse_file_trust_type(file, 1), "Ambulance trust");
    /* Average_score -> OF5002; Segment "3.0" with Rank -> OF5000; Yes -> OF5004 = 1. */
    ck_assert_int_eq(
        published_with_rank(&has, &value, &has_rank, &rank, file, "Q3 2025/26", "A4", "OF5002"),
        TA_OK);
    ck_assert(has && !has_rank);
    ck_assert_double_eq(value, 2.50);
    ck_assert_int_eq(
        published_with_rank(&has, &value, &has_rank, &rank, file, "Q3 2025/26", "A4", "OF5000"),
        TA_OK);
    ck_assert(has && has_rank);
    ck_assert_double_eq(value, 3);
    ck_assert_double_eq(rank, 4);
    ck_assert_int_eq(ta_nhse_file_published(&has, &value, file, "Q3 2025/26", "A4", "OF5004"),
                     TA_OK);
    ck_assert(has);
    ck_assert_double_eq(value, 1);
    ck_assert_int_eq(ta_nhse_file_published(&has, &value, file, "Q3 2025/26", "A5", "OF5004"),
                     TA_OK);
    ck_assert_double_eq(value, 0);
    /* No unadjusted segment in a league table. */
    ck_assert_int_eq(ta_nhse_file_published(&has, NULL, file, "Q3 2025/26", "A4", "OF5003"), TA_OK);
    ck_assert(!has);
}
END_TEST

START_TEST(league_layout_first_quarter_and_errors)
{
    static const char q1[] = "Reporting_date,Region,Trust_type,Trust_subtype,Trust_code,"
                             "Trust_name,Average_score,Segment,Trust_in_financial_deficit,Rank\n"
                             "Q1 2025/26,,Non-acute hospital trust,,N1,N,2.10,2.0,No,1.0\n";
    static const char bad_flag[] = "Quarter,Region,Trust_type,Trust_subtype,Trust_code,Trust_name,"
                                   "Average_score,Segment,Trust_in_financial_deficit,Rank\n"
                                   "Q1 2025/26,,T,,N1,N,2.10,2.0,yes,1.0\n";
    static const char bad_number[] = "Quarter,Region,Trust_type,Trust_subtype,Trust_code,"
                                     "Trust_name,Average_score,Segment,"
                                     "Trust_in_financial_deficit,Rank\n"
                                     "Q1 2025/26,,T,,N1,N,2,10,2.0,No,1.0\n";
    ta_nhse_file *f = NULL;
    ck_assert_int_eq(ta_nhse_file_new(&f, fw, NULL), TA_OK);
    ck_assert_int_eq(ta_nhse_file_read_buffer(f, q1, strlen(q1), "q1.csv"), TA_OK);
    ck_assert_str_eq(ta_nhse_file_period(f, 0), "Q1 2025/26");
    ck_assert_str_eq(ta_nhse_file_trust_type(f, 0), "Non-acute hospital trust");
    ta_nhse_file_free(f);
    /* An empty Trust_in_financial_deficit publishes no flag, whatever the
     * cells after it hold. */
    {
        static const char no_flag[] = "Quarter,Region,Trust_type,Trust_subtype,Trust_code,"
                                      "Trust_name,Average_score,Segment,"
                                      "Trust_in_financial_deficit,Rank\n"
                                      "Q1 2025/26,,T,,N1,N,2.10,2.0,,1.0\n";
        ck_assert_int_eq(ta_nhse_file_new(&f, fw, NULL), TA_OK);
        ck_assert_int_eq(ta_nhse_file_read_buffer(f, no_flag, strlen(no_flag), "e.csv"), TA_OK);
        ck_assert_uint_eq(ta_nhse_file_row_count(f), 1);
        ta_nhse_file_free(f);
    }
    ck_assert_int_eq(ta_nhse_file_new(&f, fw, NULL), TA_OK);
    ck_assert_int_eq(ta_nhse_file_read_buffer(f, bad_flag, strlen(bad_flag), "flag.csv"),
                     TA_EPARSE);
    ck_assert_str_eq(ta_nhse_file_error(f), "flag.csv:2:30: expected Yes or No, not \"yes\"");
    ck_assert_uint_eq(ta_nhse_file_period_count(f), 0);
    ta_nhse_file_free(f);
    ck_assert_int_eq(ta_nhse_file_new(&f, fw, NULL), TA_OK);
    /* "2,10" is two fields: the Segment column reads "10"... and Trust_in_financial_deficit
     * "2.0": not Yes or No. */
    ck_assert_int_eq(ta_nhse_file_read_buffer(f, bad_number, strlen(bad_number), "n.csv"),
                     TA_EPARSE);
    assert_has(ta_nhse_file_error(f), "n.csv:2:");
    ta_nhse_file_free(f);
}
END_TEST

/* A league table's Average_score, Segment and Rank cells that no published
 * table could hold are input errors naming the cell, never figures: an
 * average of 9.50 once reached the published cut-offs (and 1e300 printed
 * garbage in their message), a Rank of 3.5 passed verify as "explained". */
START_TEST(league_layout_cells_out_of_range)
{
    static const char head[] = "Quarter,Region,Trust_type,Trust_subtype,Trust_code,Trust_name,"
                               "Average_score,Segment,Trust_in_financial_deficit,Rank\n";
    static const struct {
        const char *row, *message;
    } cases[] = {
        {"Q3 2025/26,,T,,N1,N,9.50,1.0,No,1.0",
         "c.csv:2:21: trust N1: OF5002 must be an average score from 1 to 4, not \"9.50\""},
        {"Q3 2025/26,,T,,N1,N,1e300,1.0,No,1.0",
         "c.csv:2:21: trust N1: OF5002 must be an average score from 1 to 4, not \"1e300\""},
        {"Q3 2025/26,,T,,N1,N,-1,1.0,No,1.0",
         "c.csv:2:21: trust N1: OF5002 must be an average score from 1 to 4, not \"-1\""},
        {"Q3 2025/26,,T,,N1,N,2.10,2.5,No,1.0",
         "c.csv:2:26: trust N1: OF5000 must be a whole-number segment from 1 to 4, not \"2.5\""},
        {"Q3 2025/26,,T,,N1,N,2.10,0,No,1.0",
         "c.csv:2:26: trust N1: OF5000 must be a whole-number segment from 1 to 4, not \"0\""},
        {"Q3 2025/26,,T,,N1,N,2.10,2.0,No,3.5",
         "c.csv:2:33: trust N1: the Rank of OF5000 must be a whole number from 1, not \"3.5\""},
        {"Q3 2025/26,,T,,N1,N,2.10,2.0,No,-3",
         "c.csv:2:33: trust N1: the Rank of OF5000 must be a whole number from 1, not \"-3\""},
    };
    char text[512];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ta_nhse_file *f = NULL;
        snprintf(text, sizeof text, "%s%s\n", head, cases[i].row);
        ck_assert_int_eq(ta_nhse_file_new(&f, fw, NULL), TA_OK);
        ck_assert_int_eq(ta_nhse_file_read_buffer(f, text, strlen(text), "c.csv"), TA_ERANGE);
        ck_assert_str_eq(ta_nhse_file_error(f), cases[i].message);
        ck_assert_uint_eq(ta_nhse_file_period_count(f), 0);
        /* Added to a handle that holds a file: refused, the handle unchanged. */
        ck_assert_int_eq(ta_nhse_file_add_buffer(file, text, strlen(text), "c.csv"), TA_ERANGE);
        ck_assert_str_eq(ta_nhse_file_error(file), cases[i].message);
        ck_assert_uint_eq(ta_nhse_file_row_count(file), 9);
        ta_nhse_file_free(f);
    }
}
END_TEST

/* ---- several files ---------------------------------------------------------- */

START_TEST(files_merge_by_quarter)
{
    static const char long_q4[] =
        "Quarter,Region,Trust_type,Trust_subtype,Trust_code,Trust_name,Metric_ID,Value,Rank\n"
        "Q4 2025/26,,Mental health and community trust,,M1,M,OF5002,2.40,\n"
        "Q3 2025/26,North,Acute trust,,A1,Alpha One,OF5002,1.50,\n"
        "Q3 2025/26,North,Acute trust,,A1,Alpha One,OF5000,1,1\n";
    int has = 0, has_rank = 0;
    double value = 0, rank = 0;
    ck_assert_msg(ta_nhse_file_add_buffer(file, long_q4, strlen(long_q4), "long.csv") == TA_OK,
                  "%s", ta_nhse_file_error(file));
    ck_assert_uint_eq(ta_nhse_file_row_count(file), 12);
    ck_assert_uint_eq(ta_nhse_file_period_count(file), 2);
    ck_assert_str_eq(ta_nhse_file_period(file, 1), "Q4 2025/26");
    ck_assert_uint_eq(ta_nhse_file_trust_type_count(file), 3);
    ck_assert_str_eq(ta_nhse_file_trust_type(file, 2), "Mental health and community trust");
    /* The agreeing figures are kept once. */
    ck_assert_int_eq(
        published_with_rank(&has, &value, &has_rank, &rank, file, "Q3 2025/26", "A1", "OF5000"),
        TA_OK);
    ck_assert(has && has_rank);
    ck_assert_double_eq(rank, 1);
    /* A third file: a trust that the second file gave first is named with
     * that file and line (each merge copies every entry with its file). */
    {
        static const char again[] =
            "Quarter,Region,Trust_type,Trust_subtype,Trust_code,Trust_name,Metric_ID,Value,Rank\n"
            "Q4 2025/26,,Mental health and community trust,,M1,M,OF5002,2.40,\n";
        ck_assert_int_eq(ta_nhse_file_add_buffer(file, again, strlen(again), "again.csv"),
                         TA_EDUPLICATE);
        ck_assert_str_eq(ta_nhse_file_error(file),
                         "trust M1 in Q4 2025/26 is in both long.csv:2 and again.csv:2");
        ck_assert_uint_eq(ta_nhse_file_row_count(file), 12);
    }
    /* A file that merges after one that did not clears the error text. */
    {
        static const char q1[] =
            "Quarter,Region,Trust_type,Trust_subtype,Trust_code,Trust_name,Metric_ID,Value,Rank\n"
            "Q1 2026/27,,Mental health and community trust,,M1,M,OF5002,2.50,\n";
        ck_assert_int_eq(ta_nhse_file_add_buffer(file, q1, strlen(q1), "q1.csv"), TA_OK);
        ck_assert_str_eq(ta_nhse_file_error(file), "");
        ck_assert_uint_eq(ta_nhse_file_period_count(file), 3);
    }
}
END_TEST

/* Rule: a figure two files agree on, only one of them with a Rank, keeps
 * that Rank, whichever file comes first. */
START_TEST(files_merge_a_rank_only_one_gives)
{
    static const char no_rank[] =
        "Quarter,Region,Trust_type,Trust_subtype,Trust_code,Trust_name,Metric_ID,Value,Rank\n"
        "Q3 2025/26,North,Acute trust,,A1,Alpha One,OF5000,1,\n";
    ta_nhse_file *f = NULL;
    int has_rank = 0;
    double rank = 0;
    ck_assert_int_eq(ta_nhse_file_new(&f, fw, NULL), TA_OK);
    ck_assert_int_eq(ta_nhse_file_read_buffer(f, no_rank, strlen(no_rank), "long.csv"), TA_OK);
    ck_assert_int_eq(ta_nhse_file_published_rank(&has_rank, &rank, f, "Q3 2025/26", "A1", "OF5000"),
                     TA_OK);
    ck_assert_int_eq(has_rank, 0);
    ck_assert_msg(ta_nhse_file_add_buffer(f, national, strlen(national), "national.csv") == TA_OK,
                  "%s", ta_nhse_file_error(f));
    ck_assert_int_eq(ta_nhse_file_published_rank(&has_rank, &rank, f, "Q3 2025/26", "A1", "OF5000"),
                     TA_OK);
    ck_assert_int_eq(has_rank, 1);
    ck_assert_double_eq(rank, 1);
    ta_nhse_file_free(f);
}
END_TEST

START_TEST(files_that_disagree_change_nothing)
{
    static const char other[] =
        "Quarter,Region,Trust_type,Trust_subtype,Trust_code,Trust_name,Metric_ID,Value,Rank\n"
        "Q4 2025/26,,Mental health and community trust,,M1,M,OF5002,2.40,\n"
        "Q3 2025/26,North,Acute trust,,A2,Alpha Two,OF5002,2.01,\n";
    static const char retyped[] =
        "Quarter,Region,Trust_type,Trust_subtype,Trust_code,Trust_name,Metric_ID,Value,Rank\n"
        "Q3 2025/26,North,Ambulance trust,,A2,Alpha Two,OF5002,2.00,\n";
    ck_assert_int_eq(ta_nhse_file_add_buffer(file, other, strlen(other), "other.csv"),
                     TA_EINCONSISTENT);
    ck_assert_str_eq(ta_nhse_file_error(file), "national.csv:3 and other.csv:3 disagree on "
                                               "OF5002 of trust A2 in Q3 2025/26: 2 and 2.01");
    ck_assert_uint_eq(ta_nhse_file_period_count(file), 1);
    ck_assert_uint_eq(ta_nhse_file_row_count(file), 9);
    ck_assert_int_eq(ta_nhse_file_add_buffer(file, retyped, strlen(retyped), "retyped.csv"),
                     TA_EINCONSISTENT);
    ck_assert_str_eq(ta_nhse_file_error(file),
                     "national.csv:3 and retyped.csv:2 disagree on the trust type of trust A2 in "
                     "Q3 2025/26: \"Acute trust\" and \"Ambulance trust\"");
    /* A figure with a rank against one without: the values are compared; two
     * ranks of one value: the ranks are, and the message says Rank. */
    {
        static const char value2[] =
            "Quarter,Region,Trust_type,Trust_subtype,Trust_code,Trust_name,Metric_ID,Value,Rank\n"
            "Q3 2025/26,North,Acute trust,,A1,Alpha One,OF5000,2,\n";
        static const char rank2[] =
            "Quarter,Region,Trust_type,Trust_subtype,Trust_code,Trust_name,Metric_ID,Value,Rank\n"
            "Q3 2025/26,North,Acute trust,,A1,Alpha One,OF5000,1,2\n";
        ck_assert_int_eq(ta_nhse_file_add_buffer(file, value2, strlen(value2), "v.csv"),
                         TA_EINCONSISTENT);
        ck_assert_str_eq(ta_nhse_file_error(file), "national.csv:2 and v.csv:2 disagree on "
                                                   "OF5000 of trust A1 in Q3 2025/26: 1 and 2");
        ck_assert_int_eq(ta_nhse_file_add_buffer(file, rank2, strlen(rank2), "r.csv"),
                         TA_EINCONSISTENT);
        ck_assert_str_eq(ta_nhse_file_error(file),
                         "national.csv:2 and r.csv:2 disagree on "
                         "OF5000 Rank of trust A1 in Q3 2025/26: 1 and 2");
    }
    /* The same layout twice: a trust in two files. */
    ck_assert_int_eq(ta_nhse_file_add_buffer(file, national, strlen(national), "again.csv"),
                     TA_EDUPLICATE);
    ck_assert_str_eq(ta_nhse_file_error(file),
                     "trust A1 in Q3 2025/26 is in both national.csv:2 and again.csv:2");
    /* A file that cannot be read: its own message. */
    ck_assert_int_eq(ta_nhse_file_add_buffer(file, "", 0, "empty.csv"), TA_EPARSE);
    assert_has(ta_nhse_file_error(file), "empty.csv");
    ck_assert_int_eq(ta_nhse_file_add_file(file, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_nhse_file_add_file(NULL, "x"), TA_EINVAL);
    ck_assert_uint_eq(ta_nhse_file_row_count(file), 9);
    ck_assert_uint_eq(ta_nhse_file_trust_type_count(file), 2);
}
END_TEST

/* Rule: the figures of a disagreement are written to 6 decimals at most
 * (a 7th is not written), trailing zeros dropped. */
START_TEST(files_that_disagree_to_six_decimals)
{
    static const char close[] =
        "Quarter,Region,Trust_type,Trust_subtype,Trust_code,Trust_name,Metric_ID,Value,Rank\n"
        "Q3 2025/26,North,Acute trust,,A2,Alpha Two,OF5002,2.0000012,\n";
    ck_assert_int_eq(ta_nhse_file_add_buffer(file, close, strlen(close), "close.csv"),
                     TA_EINCONSISTENT);
    ck_assert_str_eq(ta_nhse_file_error(file), "national.csv:3 and close.csv:2 disagree on "
                                               "OF5002 of trust A2 in Q3 2025/26: 2 and 2.000001");
}
END_TEST

/* ---- published cut-offs and their intervals -------------------------------- */

/* Rule: cut-offs are read off published segments only when every segment,
 * the worst included, has a trust; and each out-pointer of the interval query
 * is checked on its own. */
START_TEST(published_cutoffs_need_every_segment)
{
    static const char three[] =
        HEADER "Q3 2025/26,North,Acute trust,,A1,Alpha One,1.50,,1.0,No,1.0,\r\n"
               "Q3 2025/26,North,Acute trust,,A2,Alpha Two,2.20,,2.0,No,2.0,\r\n"
               "Q3 2025/26,North,Acute trust,,A3,Alpha Three,2.60,,3.0,No,3.0,\r\n";
    double cut[3], lo = 0, hi = 0;
    int has_lo = 0, has_hi = 0;
    ta_nhse_file *f = NULL;
    ck_assert_int_eq(ta_nhse_file_new(&f, fw, NULL), TA_OK);
    ck_assert_int_eq(ta_nhse_file_add_buffer(f, three, strlen(three), "three.csv"), TA_OK);
    ck_assert_int_eq(ta_nhse_file_published_cutoffs(cut, 3, f, "Q3 2025/26"), TA_ENOTFOUND);
    ck_assert_str_eq(ta_nhse_file_error(f),
                     "Q3 2025/26: no trust has published unadjusted segment 4");
    ta_nhse_file_free(f);
    ck_assert_int_eq(ta_nhse_file_cutoff_limit(&has_lo, NULL, file, "Q3 2025/26", 1, 0), TA_EINVAL);
    ck_assert_int_eq(ta_nhse_file_cutoff_limit(NULL, &lo, file, "Q3 2025/26", 1, 0), TA_EINVAL);
    ck_assert_int_eq(ta_nhse_file_cutoff_limit(&has_hi, &hi, file, NULL, 1, 1), TA_EINVAL);
    ck_assert_int_eq(ta_nhse_file_cutoff_limit(&has_hi, &hi, file, "Q3 2025/26", 1, 2), TA_EINVAL);
    ck_assert_str_eq(ta_nhse_file_error(file), "upper must be 0 or 1, not 2");
    ck_assert_int_eq(ta_nhse_file_cutoff_limit(&has_hi, &hi, file, "Q3 2025/26", 1, -1), TA_EINVAL);
    ck_assert_int_eq(ta_nhse_file_cutoff_limit(&has_hi, &hi, NULL, "Q3 2025/26", 1, 1), TA_EINVAL);
}
END_TEST

/* Rule: blocks come in byte order of trust type, whatever order the file
 * lists them in; "Type A" and "Type B" differ by one in their last byte. */
START_TEST(blocks_in_byte_order_of_type)
{
    static const char two[] = HEADER "Q3 2025/26,North,Type B,,B1,Beta One,1.50,,1.0,No,1.0,\r\n"
                                     "Q3 2025/26,North,Type A,,A1,Alpha One,1.60,,1.0,No,1.0,\r\n";
    static const double given[3] = {2.0, 2.3, 2.6};
    const char *type = NULL;
    ta_nhse_file *f = NULL;
    ta_league *l = NULL;
    ck_assert_int_eq(ta_nhse_file_new(&f, fw, NULL), TA_OK);
    ck_assert_int_eq(ta_nhse_file_add_buffer(f, two, strlen(two), "two.csv"), TA_OK);
    ck_assert_int_eq(ta_league_new(&l, f, NULL), TA_OK);
    ck_assert_int_eq(ta_league_set_cutoffs(l, 3, given), TA_OK);
    ck_assert_msg(ta_league_run(l) == TA_OK, "%s", ta_league_error(l));
    ck_assert_uint_eq(ta_league_block_count(l), 2);
    ck_assert_int_eq(ta_league_block(NULL, &type, NULL, l, 0), TA_OK);
    ck_assert_str_eq(type, "Type A");
    ck_assert_int_eq(ta_league_block(NULL, &type, NULL, l, 1), TA_OK);
    ck_assert_str_eq(type, "Type B");
    ck_assert_str_eq(ta_league_cell(l, 0, 4), "A1");
    ta_league_free(l);
    ta_nhse_file_free(f);
}
END_TEST

/* Rule (published_cutoffs.c:209): the trust that bounds a cut-off is found
 * in any row of the file, the first included: with A2 (2.00, the lower
 * bound of cut-off 1) first, it is found and counted. */
START_TEST(cutoff_bound_in_the_first_row)
{
    static const char first[] =
        HEADER "Q3 2025/26,North,Acute trust,,A2,Alpha Two,2.00,,1.0,No,2.0,\r\n"
               "Q3 2025/26,North,Acute trust,,A1,Alpha One,1.50,,1.0,No,1.0,\r\n"
               "Q3 2025/26,North,Acute trust,,A3,Alpha Three,2.20,,2.0,No,3.0,\r\n"
               "Q3 2025/26,North,Acute trust,,A5,Alpha Five,2.60,,3.0,No,5.0,\r\n"
               "Q3 2025/26,North,Acute trust,,A6,Alpha Six,3.00,,4.0,Yes,6.0,\r\n"
               "Q3 2025/26,South,Ambulance trust,,B3,Beta Three,2.80,,4.0,No,3.0,\r\n";
    ta_nhse_file *f = NULL;
    const char *code = NULL;
    size_t count = 9;
    ck_assert_int_eq(ta_nhse_file_new(&f, fw, NULL), TA_OK);
    ck_assert_msg(ta_nhse_file_add_buffer(f, first, strlen(first), "first.csv") == TA_OK, "%s",
                  ta_nhse_file_error(f));
    ck_assert_int_eq(ta_nhse_file_cutoff_bound(&code, &count, f, "Q3 2025/26", 0, 0, 0), TA_OK);
    ck_assert_uint_eq(count, 1);
    ck_assert_str_eq(code, "A2");
    ta_nhse_file_free(f);
}
END_TEST

START_TEST(published_cutoffs_and_intervals)
{
    double cut[3], lo = 0, hi = 0;
    int has_lo = 0, has_hi = 0;
    size_t count = 0;
    const char *code = NULL;
    ck_assert_int_eq(ta_nhse_file_published_cutoffs(cut, 3, file, "Q3 2025/26"), TA_OK);
    ck_assert_double_eq(cut[0], 2.00);
    ck_assert_double_eq(cut[1], 2.30);
    ck_assert_double_eq(cut[2], 2.60);
    ck_assert_int_eq(cutoff_interval(&has_lo, &lo, &has_hi, &hi, file, "Q3 2025/26", 1), TA_OK);
    /* A4 (2.50, capped) would make it [2.30, 2.50) if its segment were taken as known. */
    ck_assert(has_lo && has_hi);
    ck_assert_double_eq(lo, 2.30);
    ck_assert_double_eq(hi, 2.60);
    ck_assert_int_eq(ta_nhse_file_cutoff_bound(&code, &count, file, "Q3 2025/26", 1, 0, 0), TA_OK);
    ck_assert_uint_eq(count, 1);
    ck_assert_str_eq(code, "B2");
    ck_assert_int_eq(ta_nhse_file_cutoff_bound(&code, &count, file, "Q3 2025/26", 1, 1, 0), TA_OK);
    ck_assert_str_eq(code, "A5");
    ck_assert_int_eq(ta_nhse_file_cutoff_bound(&code, &count, file, "Q3 2025/26", 1, 1, 1), TA_OK);
    ck_assert_ptr_null(code);
    ck_assert_int_eq(cutoff_interval(&has_lo, &lo, &has_hi, &hi, file, "Q3 2025/26", 2), TA_OK);
    ck_assert_double_eq(lo, 2.60);
    ck_assert_double_eq(hi, 2.80);
    ck_assert_int_eq(cutoff_interval(&has_lo, &lo, &has_hi, &hi, file, "Q3 2025/26", 3), TA_EINVAL);
    ck_assert_int_eq(cutoff_interval(&has_lo, &lo, &has_hi, &hi, file, "Q9", 0), TA_ENOTFOUND);
    ck_assert_int_eq(ta_nhse_file_cutoff_bound(&code, &count, file, "Q3 2025/26", 1, 2, 0),
                     TA_EINVAL);
    ck_assert_str_eq(ta_nhse_file_error(file), "upper must be 0 or 1, not 2");
    ck_assert_int_eq(ta_nhse_file_cutoff_bound(&code, &count, file, "Q3 2025/26", 1, -1, 0),
                     TA_EINVAL);
    ck_assert_int_eq(ta_nhse_file_cutoff_bound(NULL, NULL, file, "Q3 2025/26", 0, 0, 0), TA_EINVAL);
}
END_TEST

START_TEST(crossed_segments_name_the_trusts)
{
    static const char crossed[] = HEADER "Q4 2025/26,,Acute trust,,C1,C,2.00,,2.0,No,1.0,\r\n"
                                         "Q4 2025/26,,Acute trust,,C2,C,1.90,,3.0,No,2.0,\r\n"
                                         "Q4 2025/26,,Acute trust,,C3,C,1.50,,1.0,No,1.0,\r\n"
                                         "Q4 2025/26,,Acute trust,,C4,C,3.00,,4.0,No,1.0,\r\n";
    double cut[3];
    ck_assert_int_eq(ta_nhse_file_add_buffer(file, crossed, strlen(crossed), "crossed.csv"), TA_OK);
    ck_assert_int_eq(ta_nhse_file_published_cutoffs(cut, 3, file, "Q4 2025/26"), TA_EINCONSISTENT);
    ck_assert_str_eq(ta_nhse_file_error(file),
                     "Q4 2025/26: published segments overlap at cut-off 2: trust C1 "
                     "(crossed.csv:2) has average 2.00 in segment 2 or better, but trust C2 "
                     "(crossed.csv:3) has average 1.90 in segment 3 or worse");
}
END_TEST

/* ---- the league ------------------------------------------------------------ */

START_TEST(league_rows_and_cells)
{
    static const char *const codes[9] = {"A1", "A2", "A3", "A4", "A5", "A6", "B1", "B2", "B3"};
    static const char *const segments[9] = {"1", "1", "2", "3", "3", "4", "1", "2", "4"};
    static const char *const ranks[9] = {"1", "2", "3", "4", "5", "6", "1", "2", "3"};
    ta_league *l = NULL;
    const ta_assessment *a = NULL;
    const char *quarter = NULL, *type = NULL, *name = NULL;
    ta_column_kind kind;
    size_t block = 9, trust = 9, n_scores = 9;
    int has = 0, unadjusted = 0;
    double lo = 0, hi = 0, avg = 0;
    ck_assert_int_eq(ta_league_new(&l, file, NULL), TA_OK);
    ck_assert_msg(ta_league_run(l) == TA_OK, "%s", ta_league_error(l));
    ck_assert_uint_eq(ta_league_row_count(l), 9);
    ck_assert_uint_eq(ta_league_block_count(l), 2);
    for (size_t r = 0; r < 9; r++) {
        ck_assert_str_eq(ta_league_cell(l, r, 4), codes[r]);
        ck_assert_str_eq(ta_league_cell(l, r, 8), segments[r]);
        ck_assert_str_eq(ta_league_cell(l, r, 10), ranks[r]);
    }
    ck_assert_str_eq(ta_league_cell(l, 0, 0), "Q3 2025/26");
    ck_assert_str_eq(ta_league_cell(l, 0, 1), "North");
    ck_assert_str_eq(ta_league_cell(l, 7, 5), "Beta Two, Ltd");
    ck_assert_str_eq(ta_league_cell(l, 0, 6), "1.50");
    ck_assert_str_eq(ta_league_cell(l, 3, 9), "Yes");
    ck_assert_str_eq(ta_league_cell(l, 0, 7), ""); /* no likely ranges asked for */
    /* A4: unadjusted 3 from its average, capped at 3 all the same. */
    ck_assert_str_eq(ta_league_cell(l, 3, 12), "3");
    ck_assert_str_eq(ta_league_cell(l, 3, 19),
                     "published average 2.50 is above cut-off 2.30 and at or below cut-off 2.60: "
                     "segment 3; final segment unknown: no Recovery Support Programme flag");
    ck_assert_str_eq(ta_league_cell(l, 0, 20), "2 in [2, 2.2) below: A2 above: A3; 2.3 in "
                                               "[2.3, 2.6) below: B2 above: A5; 2.6 in [2.6, "
                                               "2.8) below: A5 above: B3");
    /* Numbers behind the cells. */
    ck_assert_int_eq(ta_league_cell_number(&has, &lo, &hi, l, 3, 6), TA_OK);
    ck_assert(has);
    ck_assert_double_eq(lo, 2.5);
    ck_assert_int_eq(ta_league_cell_number(&has, &lo, NULL, l, 3, 9), TA_OK);
    ck_assert_double_eq(lo, 1);
    ck_assert_int_eq(ta_league_cell_number(&has, &lo, NULL, l, 4, 9), TA_OK);
    ck_assert(has);
    ck_assert_double_eq(lo, 0);
    /* The deficit cell's number is one value, 1 for Yes and 0 for No: hi is
     * lo (league_table.c:494). */
    ck_assert_int_eq(ta_league_cell_number(&has, &lo, &hi, l, 3, 9), TA_OK);
    ck_assert(lo == 1 && hi == 1);
    ck_assert_int_eq(ta_league_cell_number(&has, &lo, &hi, l, 4, 9), TA_OK);
    ck_assert(lo == 0 && hi == 0);
    ck_assert_int_eq(ta_league_cell_number(&has, &lo, &hi, l, 3, 4), TA_OK);
    ck_assert(!has && isnan(lo));
    ck_assert_int_eq(ta_league_cell_number(&has, NULL, NULL, l, 9, 0), TA_EINVAL);
    /* The column one past the last is refused too, as is a NULL has
     * (league_table.c:687). */
    ck_assert_int_eq(ta_league_cell_number(&has, NULL, NULL, l, 0, ta_league_column_count()),
                     TA_EINVAL);
    ck_assert_int_eq(ta_league_cell_number(NULL, &lo, &hi, l, 0, 6), TA_EINVAL);
    ck_assert_ptr_null(ta_league_cell(l, 0, ta_league_column_count()));
    ck_assert_ptr_null(ta_league_cell(l, 9, 0));
    /* Blocks: the assessment behind a row. */
    ck_assert_int_eq(ta_league_row_trust(&block, &trust, l, 7), TA_OK);
    ck_assert_uint_eq(block, 1);
    ck_assert_int_eq(ta_league_block(&quarter, &type, &a, l, block), TA_OK);
    ck_assert_str_eq(quarter, "Q3 2025/26");
    ck_assert_str_eq(type, "Ambulance trust");
    ck_assert_str_eq(ta_assessment_trust_code(a, trust), "B2");
    ck_assert_int_eq(ta_assessment_average(NULL, &avg, &n_scores, a, trust), TA_OK);
    ck_assert_double_eq(avg, 2.30);
    ck_assert_uint_eq(n_scores, 0); /* the published average: no score */
    ck_assert_int_eq(ta_assessment_segments(&unadjusted, NULL, NULL, a, trust), TA_OK);
    ck_assert_int_eq(unadjusted, 2);
    ck_assert_int_eq(ta_league_block(NULL, NULL, NULL, l, 2), TA_EINVAL);
    ck_assert_int_eq(ta_league_row_trust(NULL, NULL, l, 9), TA_EINVAL);
    /* Columns. */
    ck_assert_uint_eq(ta_league_column_count(), 22);
    ck_assert_int_eq(ta_league_column(&name, &kind, 21), TA_OK);
    ck_assert_str_eq(name, "Warnings"); /* what scoring from values cannot know */
    ck_assert_int_eq(kind, TA_COLUMN_TEXT);
    ck_assert_int_eq(ta_league_column(&name, &kind, 7), TA_OK);
    ck_assert_str_eq(name, "Likely_range_of_average_score");
    ck_assert_int_eq(kind, TA_COLUMN_RANGE);
    ck_assert_int_eq(ta_league_column(&name, NULL, TA_LEAGUE_PLAIN_COLUMNS - 1), TA_OK);
    ck_assert_str_eq(name, "Likely_range_of_rank");
    ck_assert_int_eq(ta_league_column(&name, &kind, 22), TA_EINVAL);
    ta_league_free(l);
}
END_TEST

/* Rule: selections add up, each once: two types selected give both types'
 * rows, and a type selected again adds nothing. */
START_TEST(league_selections_add_up_once)
{
    ta_league *l = NULL;
    ck_assert_int_eq(ta_league_new(&l, file, NULL), TA_OK);
    ck_assert_int_eq(ta_league_select_trust_type(l, "Ambulance trust"), TA_OK);
    ck_assert_int_eq(ta_league_run(l), TA_OK);
    ck_assert_uint_eq(ta_league_row_count(l), 3);
    ck_assert_int_eq(ta_league_select_trust_type(l, "Acute trust"), TA_OK);
    ck_assert_int_eq(ta_league_select_trust_type(l, "Ambulance trust"), TA_OK);
    ck_assert_int_eq(ta_league_select_quarter(l, "Q3"), TA_OK);
    ck_assert_int_eq(ta_league_select_quarter(l, "Q3 2025/26"), TA_OK);
    ck_assert_int_eq(ta_league_run(l), TA_OK);
    ck_assert_uint_eq(ta_league_row_count(l), 9);
    ta_league_free(l);
}
END_TEST

START_TEST(league_selection_and_policies)
{
    ta_league *l = NULL;
    const ta_assessment *a = NULL;
    double cut[3], given[3] = {1.95, 2.25, 2.55};
    size_t n = 0;
    ck_assert_int_eq(ta_league_new(&l, file, NULL), TA_OK);
    /* One type; quarter by its first word. */
    ck_assert_int_eq(ta_league_select_trust_type(l, "Ambulance trust"), TA_OK);
    ck_assert_int_eq(ta_league_select_quarter(l, "Q3"), TA_OK);
    ck_assert_int_eq(ta_league_select_quarter(l, "Q9"), TA_ENOTFOUND);
    ck_assert_str_eq(ta_league_error(l), "\"Q9\" names no single quarter of the file (it has: "
                                         "Q3 2025/26)");
    ck_assert_int_eq(ta_league_select_trust_type(l, "Mental"), TA_ENOTFOUND);
    ck_assert_str_eq(ta_league_error(l), "\"Mental\" is not in the file (it has: \"Acute "
                                         "trust\", \"Ambulance trust\")");
    /* Quartiles of all types pooled: QUARTILE.INC of the nine averages
     * 1.5 1.9 2.0 2.2 2.3 2.5 2.6 2.8 3.0 = 2.0, 2.3, 2.6. */
    ck_assert_int_eq(ta_league_set_cutoff_policy(l, TA_CUTOFFS_QUARTILES_ALL), TA_OK);
    ck_assert_int_eq(ta_league_run(l), TA_OK);
    ck_assert_uint_eq(ta_league_row_count(l), 3);
    ck_assert_int_eq(ta_league_block(NULL, NULL, &a, l, 0), TA_OK);
    ck_assert_int_eq(ta_assessment_cutoffs(cut, 3, &n, a), TA_OK);
    ck_assert_double_eq_tol(cut[0], 2.0, 1e-12);
    ck_assert_double_eq_tol(cut[1], 2.3, 1e-12);
    ck_assert_double_eq_tol(cut[2], 2.6, 1e-12);
    /* Per type: of 1.9 2.3 2.8 = 2.1, 2.3, 2.55; B3 (2.8) stays in segment 4. */
    ck_assert_int_eq(ta_league_set_cutoff_policy(l, TA_CUTOFFS_QUARTILES_TYPE), TA_OK);
    ck_assert_int_eq(ta_league_run(l), TA_OK);
    ck_assert_int_eq(ta_league_block(NULL, NULL, &a, l, 0), TA_OK);
    ck_assert_int_eq(ta_assessment_cutoffs(cut, 3, &n, a), TA_OK);
    ck_assert_double_eq_tol(cut[0], 2.1, 1e-12);
    ck_assert_double_eq_tol(cut[1], 2.3, 1e-12);
    ck_assert_double_eq_tol(cut[2], 2.55, 1e-12);
    ck_assert_str_eq(ta_league_cell(l, 2, 8), "4");
    /* Given: B2 (2.30) above 2.25 and at or below 2.55: segment 3. */
    ck_assert_int_eq(ta_league_set_cutoffs(l, 3, given), TA_OK);
    ck_assert_int_eq(ta_league_run(l), TA_OK);
    ck_assert_str_eq(ta_league_cell(l, 1, 8), "3");
    given[1] = 3;
    ck_assert_int_eq(ta_league_set_cutoffs(l, 3, given), TA_EINVAL);
    assert_has(ta_league_error(l), "ascending");
    ck_assert_int_eq(ta_league_set_cutoffs(l, 2, given), TA_EINVAL);
    ck_assert_str_eq(ta_league_error(l), "the framework has 3 cut-offs, not 2");
    ck_assert_int_eq(ta_league_set_cutoffs(l, 0, given), TA_EINVAL);
    /* The preset has no fixed thresholds. */
    ck_assert_int_eq(ta_league_set_cutoff_policy(l, TA_CUTOFFS_FIXED), TA_EINVAL);
    ck_assert_int_eq(ta_league_set_cutoff_policy(l, (ta_cutoff_policy)9), TA_EINVAL);
    ck_assert_int_eq(ta_league_set_source(l, (ta_nhse_source)7), TA_EINVAL);
    ck_assert_int_eq(ta_league_set_likely_ranges(l, 10, 1.0, 1, 1), TA_EINVAL);
    ck_assert_int_eq(ta_league_set_likely_ranges(l, 10, 0.95, 1, 257), TA_EINVAL);
    ck_assert_int_eq(ta_league_set_likely_ranges(l, 10000001, 0.95, 1, 1), TA_EINVAL);
    /* Likely ranges: a league-table trust has no scores to resample. */
    ck_assert_int_eq(ta_league_set_likely_ranges(l, 50, 0.95, 1, 1), TA_OK);
    ck_assert_int_eq(ta_league_run(l), TA_OK);
    ck_assert_str_eq(ta_league_cell(l, 0, 7), "");
    ta_league_free(l);
}
END_TEST

/* Rule: the Final_segment column is empty when the final segment is unknown
 * (no Recovery Support Programme flag), never "0"; the flagless rows keep
 * their capped segment in Segment and their own in Unadjusted_segment. */
START_TEST(league_unknown_final_segment_is_empty)
{
    ta_league *l = NULL;
    int has = 1;
    ck_assert_int_eq(ta_league_new(&l, file, NULL), TA_OK);
    ck_assert_msg(ta_league_run(l) == TA_OK, "%s", ta_league_error(l));
    ck_assert_uint_eq(ta_league_row_count(l), 9);
    for (size_t r = 0; r < 9; r++) {
        ck_assert_str_eq(ta_league_cell(l, r, 13), "");
        ck_assert_int_eq(ta_league_cell_number(&has, NULL, NULL, l, r, 13), TA_OK);
        ck_assert_int_eq(has, 0);
    }
    ta_league_free(l);
}
END_TEST

/* Rule: the cut-off column's text is cut at 1023 bytes, never written past:
 * 300 trusts tied on the highest average of segment 1 each name themselves
 * in it ("below: T001 T002 ..."), far more than fits. */
START_TEST(league_cutoff_text_is_cut_not_overrun)
{
    static const char tail[] = "Q3 2025/26,North,Acute trust,,U2,U,2.40,,2.0,No,301.0,\r\n"
                               "Q3 2025/26,North,Acute trust,,U3,U,2.70,,3.0,No,302.0,\r\n"
                               "Q3 2025/26,North,Acute trust,,U4,U,3.20,,4.0,No,303.0,\r\n";
    size_t size = sizeof HEADER + 300 * 64 + sizeof tail, len;
    char *text = malloc(size);
    static const char want[] = " T199 T20";
    const char *cell;
    ta_nhse_file *f = NULL;
    ta_league *l = NULL;
    ck_assert_ptr_nonnull(text);
    strcpy(text, HEADER);
    len = strlen(text);
    for (int t = 1; t <= 300; t++)
        len += (size_t)snprintf(text + len, size - len,
                                "Q3 2025/26,North,Acute trust,,T%03d,T,1.50,,1.0,No,1.0,\r\n", t);
    strcpy(text + len, tail);
    ck_assert_int_eq(ta_nhse_file_new(&f, fw, NULL), TA_OK);
    ck_assert_msg(ta_nhse_file_read_buffer(f, text, strlen(text), "many.csv") == TA_OK, "%s",
                  ta_nhse_file_error(f));
    ck_assert_int_eq(ta_league_new(&l, f, NULL), TA_OK);
    ck_assert_msg(ta_league_run(l) == TA_OK, "%s", ta_league_error(l));
    ck_assert_uint_eq(ta_league_row_count(l), 303);
    cell = ta_league_cell(l, 0, 20);
    ck_assert_uint_eq(strlen(cell), 1023);
    /* "1.5 in [1.5, 2.4) below:" (24 bytes), then " T001" and on, 5 bytes a trust: 199 of
     * them, and " T200" cut to " T20". */
    ck_assert(strncmp(cell, "1.5 in [1.5, 2.4) below: T001 T002 ", 35) == 0);
    ck_assert_str_eq(cell + 1023 - strlen(want), want);
    ta_league_free(l);
    ta_nhse_file_free(f);
    free(text);
}
END_TEST

/* Rule (league_table.c:442): the warnings cell holds whole warnings and its
 * 1023 bytes. 25 rank-scored metrics ranked within the file's 3 trusts, each
 * with a pool of 100: the first warning is 40 bytes ("M000001 ranked within
 * 3 of a pool of 100"), each next one 41 with its "; ", so 24 make 983 bytes
 * and the 25th would end exactly at 1024, one byte too many: it is left out. */
START_TEST(league_warnings_fill_the_cell_with_whole_warnings)
{
    static const char header[] =
        "Quarter,Region,Trust_type,Trust_subtype,Trust_code,Trust_name,Domain,Sub-domain,"
        "Metric_ID,Metric_description,Reporting_date,Units,Value,Median_value,Lower_quartile,"
        "Upper_quartile,Rank\n";
    static const char *const codes[3] = {"A", "B", "C"};
    char text[8192], want[1100], id[16], raw[16];
    size_t len, used = 0;
    ta_framework_builder *b = NULL;
    ta_framework *fw25 = NULL;
    ta_nhse_file *f = NULL;
    ta_league *l = NULL;
    ck_assert_int_eq(ta_framework_builder_new(&b, "pools", NULL), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "d", "D", "D1"), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_figure(b, TA_FIGURE_AVERAGE, "AVG", "Average"),
                     TA_OK);
    for (int m = 1; m <= 25; m++) {
        snprintf(id, sizeof id, m == 1 ? "M%06d" : "M%05d", m);
        snprintf(raw, sizeof raw, "V%02d", m);
        ck_assert_int_eq(ta_framework_builder_add_metric(b, id, id, "d", TA_SCORING_RANK), TA_OK);
        ck_assert_int_eq(ta_framework_builder_set_raw_id(b, id, raw), TA_OK);
        ck_assert_int_eq(ta_framework_builder_set_pool(b, id, "Q1 2025/26", 100, "test"), TA_OK);
        if (m < 25)
            used +=
                (size_t)snprintf(want + used, sizeof want - used,
                                 "%s%s ranked within 3 of a pool of 100", m > 1 ? "; " : "", id);
    }
    ck_assert_uint_eq(used, 983);
    ck_assert_msg(ta_framework_builder_build(&fw25, b) == TA_OK, "%s",
                  ta_framework_builder_error(b));
    ta_framework_builder_free(b);
    strcpy(text, header);
    len = strlen(text);
    for (int t = 0; t < 3; t++)
        for (int m = 1; m <= 25; m++)
            len +=
                (size_t)snprintf(text + len, sizeof text - len,
                                 "Q1 2025/26,London,T,,%s,Trust %s,D,,V%02d,V,Jun-25,%%,%d,,,,\n",
                                 codes[t], codes[t], m, 10 * t + m);
    ck_assert_uint_lt(len, sizeof text - 1);
    ck_assert_int_eq(ta_nhse_file_new(&f, fw25, NULL), TA_OK);
    ck_assert_msg(ta_nhse_file_read_buffer(f, text, len, "pools.csv") == TA_OK, "%s",
                  ta_nhse_file_error(f));
    ck_assert_int_eq(ta_league_new(&l, f, NULL), TA_OK);
    ck_assert_int_eq(ta_league_set_source(l, TA_FROM_VALUES), TA_OK);
    ck_assert_int_eq(ta_league_set_cutoff_policy(l, TA_CUTOFFS_QUARTILES_ALL), TA_OK);
    ck_assert_msg(ta_league_run(l) == TA_OK, "%s", ta_league_error(l));
    ck_assert_uint_eq(ta_league_row_count(l), 3);
    for (size_t r = 0; r < 3; r++)
        ck_assert_str_eq(ta_league_cell(l, r, 21), want);
    ta_league_free(l);
    ta_nhse_file_free(f);
    ta_framework_free(fw25);
}
END_TEST

/* Rule: a quarter or trust type not in the file is refused with the list of
 * those the file has, "none" for a file with no rows. */
START_TEST(league_selection_lists_none_of_an_empty_file)
{
    ta_nhse_file *f = NULL;
    ta_league *l = NULL;
    ck_assert_int_eq(ta_nhse_file_new(&f, fw, NULL), TA_OK);
    ck_assert_int_eq(ta_nhse_file_read_buffer(f, HEADER, strlen(HEADER), "empty.csv"), TA_OK);
    ck_assert_int_eq(ta_league_new(&l, f, NULL), TA_OK);
    ck_assert_int_eq(ta_league_select_quarter(l, "Q3 2025/26"), TA_ENOTFOUND);
    ck_assert_str_eq(ta_league_error(l),
                     "\"Q3 2025/26\" names no single quarter of the file (it has: none)");
    ck_assert_int_eq(ta_league_select_trust_type(l, "Acute trust"), TA_ENOTFOUND);
    ck_assert_str_eq(ta_league_error(l), "\"Acute trust\" is not in the file (it has: none)");
    ta_league_free(l);
    ta_nhse_file_free(f);
}
END_TEST

/* Rule: pooled quartiles take the trusts of every type the quarter has; a
 * type with trusts in another quarter only adds nothing (and is no error).
 * Q4's averages 1.5 2.0 2.5 3.0 give QUARTILE.INC 1.875, 2.25, 2.625. */
START_TEST(league_quartiles_skip_a_type_absent_from_the_quarter)
{
    static const char two_quarters[] =
        HEADER "Q3 2025/26,North,Acute trust,,A1,A,1.50,,1.0,No,1.0,\r\n"
               "Q3 2025/26,South,Ambulance trust,,B1,B,2.00,,2.0,No,1.0,\r\n"
               "Q4 2025/26,North,Acute trust,,A1,A,1.50,,1.0,No,1.0,\r\n"
               "Q4 2025/26,North,Acute trust,,A2,A,2.00,,2.0,No,2.0,\r\n"
               "Q4 2025/26,North,Acute trust,,A3,A,2.50,,3.0,No,3.0,\r\n"
               "Q4 2025/26,North,Acute trust,,A4,A,3.00,,4.0,No,4.0,\r\n";
    ta_nhse_file *f = NULL;
    ta_league *l = NULL;
    const ta_assessment *a = NULL;
    double cut[3];
    size_t n = 0;
    ck_assert_int_eq(ta_nhse_file_new(&f, fw, NULL), TA_OK);
    ck_assert_int_eq(ta_nhse_file_read_buffer(f, two_quarters, strlen(two_quarters), "q.csv"),
                     TA_OK);
    ck_assert_int_eq(ta_league_new(&l, f, NULL), TA_OK);
    ck_assert_int_eq(ta_league_select_quarter(l, "Q4"), TA_OK);
    ck_assert_int_eq(ta_league_set_cutoff_policy(l, TA_CUTOFFS_QUARTILES_ALL), TA_OK);
    ck_assert_msg(ta_league_run(l) == TA_OK, "%s", ta_league_error(l));
    ck_assert_uint_eq(ta_league_row_count(l), 4);
    ck_assert_int_eq(ta_league_block(NULL, NULL, &a, l, 0), TA_OK);
    ck_assert_int_eq(ta_assessment_cutoffs(cut, 3, &n, a), TA_OK);
    ck_assert_double_eq_tol(cut[0], 1.875, 1e-12);
    ck_assert_double_eq_tol(cut[1], 2.25, 1e-12);
    ck_assert_double_eq_tol(cut[2], 2.625, 1e-12);
    ta_league_free(l);
    ta_nhse_file_free(f);
}
END_TEST

/* Rule: quartiles of a single scored trust are three equal cut-offs, which
 * no segmentation accepts: the run fails on the ascending check (not on "no
 * trust has a score", which is for a quarter without any). */
START_TEST(league_quartiles_of_a_single_trust)
{
    static const char one[] = HEADER "Q3 2025/26,,Acute trust,,A1,A,1.50,,1.0,No,1.0,\r\n";
    ta_nhse_file *f = NULL;
    ta_league *l = NULL;
    ta_status st;
    ck_assert_int_eq(ta_nhse_file_new(&f, fw, NULL), TA_OK);
    ck_assert_int_eq(ta_nhse_file_read_buffer(f, one, strlen(one), "one.csv"), TA_OK);
    ck_assert_int_eq(ta_league_new(&l, f, NULL), TA_OK);
    ck_assert_int_eq(ta_league_set_cutoff_policy(l, TA_CUTOFFS_QUARTILES_ALL), TA_OK);
    st = ta_league_run(l);
    ck_assert_str_eq(ta_league_error(l), "Q3 2025/26: cut-offs must be strictly ascending");
    ck_assert_int_eq(st, TA_EINVAL);
    ta_league_free(l);
    ta_nhse_file_free(f);
}
END_TEST

/* Rule: no replicates turns the likely ranges off, whatever the interval:
 * the interval is checked only when there are replicates to draw. */
START_TEST(league_likely_ranges_off_ignores_the_interval)
{
    ta_league *l = NULL;
    ck_assert_int_eq(ta_league_new(&l, file, NULL), TA_OK);
    ck_assert_int_eq(ta_league_set_likely_ranges(l, 0, 0.0, 1, 1), TA_OK);
    ck_assert_int_eq(ta_league_set_likely_ranges(l, 0, 1.5, 1, 1), TA_OK);
    ck_assert_int_eq(ta_league_set_likely_ranges(l, 1, 0.0, 1, 1), TA_EINVAL);
    ck_assert_int_eq(ta_league_set_likely_ranges(l, 1, 0.5, 1, 1), TA_OK);
    ta_league_free(l);
}
END_TEST

/* Rule: each Domain_score_* column shows the framework domain of its key, and
 * stays empty when the framework has no domain of that key (here "other",
 * scored, is not one of the five columns; "access" is the first). */
START_TEST(league_domain_columns_follow_their_keys)
{
    static const double fixed[3] = {1.8, 2.4, 2.9};
    static const char scores[] =
        "Quarter,Region,Trust_type,Trust_subtype,Trust_code,Trust_name,Metric_ID,Value,Rank\n"
        "Q3 2025/26,North,Acute trust,,A1,Alpha One,M1,2.00,\n"
        "Q3 2025/26,North,Acute trust,,A1,Alpha One,M2,3.50,\n";
    ta_framework_builder *b = NULL;
    ta_framework *two = NULL;
    ta_nhse_file *f = NULL;
    ta_league *l = NULL;
    const char *name = NULL;
    int found = 0;
    ck_assert_int_eq(ta_framework_builder_new(&b, "two", NULL), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "access", "Access", "D1"), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "other", "Other", "D2"), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "M1", "M", "access", TA_SCORING_SUPPLIED),
                     TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "M2", "N", "other", TA_SCORING_SUPPLIED),
                     TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_figure(b, TA_FIGURE_AVERAGE, "OF5002", "avg"), TA_OK);
    ck_assert_int_eq(
        ta_framework_builder_add_figure(b, TA_FIGURE_ADJUSTED_SEGMENT, "OF5000", "seg"), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_figure(b, TA_FIGURE_DEFICIT_FLAG, "OF5004", "def"),
                     TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_cutoffs(b, 3, fixed), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&two, b), TA_OK);
    ta_framework_builder_free(b);
    ck_assert_int_eq(ta_nhse_file_new(&f, two, NULL), TA_OK);
    ck_assert_int_eq(ta_nhse_file_read_buffer(f, national, strlen(national), "n.csv"), TA_OK);
    ck_assert_msg(ta_nhse_file_add_buffer(f, scores, strlen(scores), "s.csv") == TA_OK, "%s",
                  ta_nhse_file_error(f));
    ck_assert_int_eq(ta_league_new(&l, f, NULL), TA_OK);
    ck_assert_int_eq(ta_league_set_cutoff_policy(l, TA_CUTOFFS_FIXED), TA_OK);
    ck_assert_msg(ta_league_run(l) == TA_OK, "%s", ta_league_error(l));
    ck_assert_uint_eq(ta_league_row_count(l), 9);
    ck_assert_int_eq(ta_league_column(&name, NULL, 14), TA_OK);
    ck_assert_str_eq(name, "Domain_score_access");
    for (size_t r = 0; r < 9; r++) {
        int a1 = strcmp(ta_league_cell(l, r, 4), "A1") == 0;
        ck_assert_str_eq(ta_league_cell(l, r, 14), a1 ? "2.00" : ""); /* others: no scores */
        for (size_t c = 15; c < 19; c++)
            ck_assert_str_eq(ta_league_cell(l, r, c), "");
        found += a1;
    }
    ck_assert_int_eq(found, 1);
    /* Rule: with likely ranges asked for, a trust with metric scores (A1)
     * gets both its likely average and its likely rank range, each in its
     * own column; the Unadjusted_segment column keeps its own figure. */
    ck_assert_int_eq(ta_league_set_likely_ranges(l, 20, 0.9, 1, 1), TA_OK);
    ck_assert_msg(ta_league_run(l) == TA_OK, "%s", ta_league_error(l));
    for (size_t r = 0; r < 9; r++) {
        int a1 = strcmp(ta_league_cell(l, r, 4), "A1") == 0, has = !a1;
        double lo = 0, hi = 0;
        ck_assert_int_eq(ta_league_cell_number(&has, &lo, &hi, l, r, 11), TA_OK);
        ck_assert_int_eq(has, a1);
        if (a1) {
            ck_assert(lo >= 1 && lo <= hi && hi <= 9);
            ck_assert_int_eq(ta_league_cell_number(&has, &lo, &hi, l, r, 7), TA_OK);
            ck_assert_int_eq(has, 1);
            ck_assert_str_eq(ta_league_cell(l, r, 12), ta_league_cell(l, r, 8));
        }
    }
    ta_league_free(l);
    ta_nhse_file_free(f);
    ta_framework_free(two);
}
END_TEST

START_TEST(league_fixed_thresholds_and_errors)
{
    static const double fixed[3] = {1.8, 2.4, 2.9};
    static const char one[] = HEADER "Q3 2025/26,,Acute trust,,A1,A,1.50,,1.0,No,1.0,\r\n";
    ta_framework_builder *b = NULL;
    ta_framework *fixed_fw = NULL;
    ta_nhse_file *f = NULL;
    ta_league *l = NULL;
    ck_assert_int_eq(ta_framework_builder_new(&b, "fixed", NULL), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_domain(b, "d", "D", "D1"), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_metric(b, "M1", "M", "d", TA_SCORING_SUPPLIED),
                     TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_figure(b, TA_FIGURE_AVERAGE, "OF5002", "avg"), TA_OK);
    ck_assert_int_eq(
        ta_framework_builder_add_figure(b, TA_FIGURE_ADJUSTED_SEGMENT, "OF5000", "seg"), TA_OK);
    ck_assert_int_eq(ta_framework_builder_add_figure(b, TA_FIGURE_DEFICIT_FLAG, "OF5004", "def"),
                     TA_OK);
    ck_assert_int_eq(ta_framework_builder_set_cutoffs(b, 3, fixed), TA_OK);
    ck_assert_int_eq(ta_framework_builder_build(&fixed_fw, b), TA_OK);
    ta_framework_builder_free(b);
    ck_assert_int_eq(ta_nhse_file_new(&f, fixed_fw, NULL), TA_OK);
    ck_assert_int_eq(ta_nhse_file_read_buffer(f, national, strlen(national), "n.csv"), TA_OK);
    ck_assert_int_eq(ta_league_new(&l, f, NULL), TA_OK);
    ck_assert_int_eq(ta_league_set_cutoff_policy(l, TA_CUTOFFS_FIXED), TA_OK);
    ck_assert_int_eq(ta_league_run(l), TA_OK);
    /* A3 (2.20) is in segment 2 under 1.8 / 2.4 / 2.9; B3 (2.80) in 3. */
    ck_assert_str_eq(ta_league_cell(l, 2, 8), "2");
    ck_assert_str_eq(ta_league_cell(l, 8, 8), "3");
    ta_league_free(l);
    ta_nhse_file_free(f);
    ta_framework_free(fixed_fw);

    /* No published segments: TA_ENOTFOUND from the published policy, no rows. */
    ck_assert_int_eq(ta_nhse_file_new(&f, fw, NULL), TA_OK);
    ck_assert_int_eq(ta_nhse_file_read_buffer(f, one, strlen(one), "one.csv"), TA_OK);
    ck_assert_int_eq(ta_league_new(&l, f, NULL), TA_OK);
    ck_assert_int_eq(ta_league_run(l), TA_ENOTFOUND);
    ck_assert_str_eq(ta_league_error(l), "Q3 2025/26: no trust has published unadjusted "
                                         "segment 2");
    ck_assert_uint_eq(ta_league_row_count(l), 0);
    ck_assert_int_eq(ta_league_set_cutoff_policy(l, TA_CUTOFFS_GIVEN), TA_ESTATE);
    /* Cut-offs given need nothing published: the run succeeds and clears the
     * last failure's text. */
    {
        const double given[3] = {1.5, 2.5, 3.5};
        ck_assert_int_eq(ta_league_set_cutoffs(l, 3, given), TA_OK);
    }
    ck_assert_int_eq(ta_league_set_cutoff_policy(l, TA_CUTOFFS_GIVEN), TA_OK);
    ck_assert_msg(ta_league_run(l) == TA_OK, "%s", ta_league_error(l));
    ck_assert_str_eq(ta_league_error(l), "");
    ta_league_free(l);
    ta_nhse_file_free(f);

    /* Arguments. */
    ck_assert_int_eq(ta_nhse_file_new(&f, fw, NULL), TA_OK);
    ck_assert_int_eq(ta_league_new(&l, f, NULL), TA_EINVAL); /* not read */
    ck_assert_ptr_null(l);
    ta_nhse_file_free(f);
    ck_assert_int_eq(ta_league_new(NULL, file, NULL), TA_EINVAL);
    ta_league_free(NULL);
    ck_assert_str_eq(ta_league_error(NULL), "invalid argument: NULL league");
    ck_assert_int_eq(ta_league_run(NULL), TA_EINVAL);
    ck_assert_uint_eq(ta_league_row_count(NULL), 0);
    ck_assert_uint_eq(ta_league_block_count(NULL), 0);
    ck_assert_int_eq(ta_league_select_quarter(NULL, "Q3"), TA_EINVAL);
    ck_assert_int_eq(ta_league_new(&l, file, NULL), TA_OK);
    ck_assert_int_eq(ta_league_select_quarter(l, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_league_select_trust_type(l, NULL), TA_EINVAL);
    ck_assert_int_eq(ta_league_set_cutoffs(l, 3, NULL), TA_EINVAL);
    ta_league_free(l);
}
END_TEST

START_TEST(likely_ranges_hold_league_table_trusts_fixed)
{
    /* Three trusts with scores (OF1061 and OF1084, 2.0 to 3.5) and, of the
     * same type and quarter, two from a league table: G1 at 1.00 is better
     * than any draw of the others, G2 at 3.90 worse. Every replicate ranks
     * the scored trusts between them: ranks 2 to 4, never 1 or 5. */
    static const char scored[] =
        "Quarter,Region,Trust_type,Trust_subtype,Trust_code,Trust_name,Metric_ID,Value,Rank\n"
        "Q4 2025/26,,Mental health and community trust,,S1,S,OF1061,2.00,\n"
        "Q4 2025/26,,Mental health and community trust,,S1,S,OF1084,2.50,\n"
        "Q4 2025/26,,Mental health and community trust,,S2,S,OF1061,2.40,\n"
        "Q4 2025/26,,Mental health and community trust,,S2,S,OF1084,3.00,\n"
        "Q4 2025/26,,Mental health and community trust,,S3,S,OF1061,3.00,\n"
        "Q4 2025/26,,Mental health and community trust,,S3,S,OF1084,3.50,\n";
    static const char given[] =
        HEADER "Q4 2025/26,,Mental health and community trust,,G1,G,1.00,,1.0,No,1.0,\r\n"
               "Q4 2025/26,,Mental health and community trust,,G2,G,3.90,,4.0,No,5.0,\r\n";
    static const double cut[3] = {2.0, 2.5, 3.0};
    ta_nhse_file *f = NULL;
    ta_assessment *a = NULL;
    size_t i;
    uint32_t lo = 0, hi = 0;
    double alo = 0, ahi = 0;
    ck_assert_int_eq(ta_nhse_file_new(&f, fw, NULL), TA_OK);
    ck_assert_int_eq(ta_nhse_file_add_buffer(f, scored, strlen(scored), "scored.csv"), TA_OK);
    ck_assert_int_eq(ta_nhse_file_add_buffer(f, given, strlen(given), "given.csv"), TA_OK);
    ck_assert_int_eq(ta_nhse_file_assessment(&a, f, "Q4 2025/26", NULL, TA_FROM_SCORES), TA_OK);
    ck_assert_int_eq(ta_assessment_set_cutoffs(a, 3, cut), TA_OK);
    ck_assert_int_eq(ta_assessment_likely_ranges(a, 400, 0.95, 7, 2), TA_OK);
    for (int k = 1; k <= 3; k++) {
        char code[4] = {'S', (char)('0' + k), '\0', '\0'};
        ck_assert_int_eq(ta_assessment_find_trust(&i, a, code), TA_OK);
        ck_assert_int_eq(ta_assessment_likely_rank_range(&lo, &hi, a, i), TA_OK);
        ck_assert_uint_ge(lo, 2);
        ck_assert_uint_le(hi, 4);
    }
    /* S1's scores 2.00 and 2.50: its draws average 2.00, 2.25 or 2.50. */
    ck_assert_int_eq(ta_assessment_find_trust(&i, a, "S1"), TA_OK);
    ck_assert_int_eq(ta_assessment_likely_average_range(&alo, &ahi, a, i), TA_OK);
    ck_assert_double_eq_tol(alo, 2.00, 1e-9);
    ck_assert_double_eq_tol(ahi, 2.50, 1e-9);
    ck_assert_int_eq(ta_assessment_find_trust(&i, a, "G1"), TA_OK);
    ck_assert_int_eq(ta_assessment_likely_rank_range(&lo, &hi, a, i), TA_ENOTFOUND);
    ck_assert_int_eq(ta_assessment_rank(&lo, a, i), TA_OK);
    ck_assert_uint_eq(lo, 1);
    ta_assessment_free(a);
    ta_nhse_file_free(f);
}
END_TEST

static Suite *league_suite(void)
{
    Suite *s = suite_create("league");
    TCase *tc = tcase_create("league");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, league_layout_figures);
    tcase_add_test(tc, league_layout_first_quarter_and_errors);
    tcase_add_test(tc, league_layout_cells_out_of_range);
    tcase_add_test(tc, files_merge_by_quarter);
    tcase_add_test(tc, files_that_disagree_change_nothing);
    tcase_add_test(tc, files_that_disagree_to_six_decimals);
    tcase_add_test(tc, files_merge_a_rank_only_one_gives);
    tcase_add_test(tc, published_cutoffs_and_intervals);
    tcase_add_test(tc, cutoff_bound_in_the_first_row);
    tcase_add_test(tc, published_cutoffs_need_every_segment);
    tcase_add_test(tc, blocks_in_byte_order_of_type);
    tcase_add_test(tc, crossed_segments_name_the_trusts);
    tcase_add_test(tc, league_rows_and_cells);
    tcase_add_test(tc, league_domain_columns_follow_their_keys);
    tcase_add_test(tc, league_unknown_final_segment_is_empty);
    tcase_add_test(tc, league_selection_and_policies);
    tcase_add_test(tc, league_selections_add_up_once);
    tcase_add_test(tc, league_fixed_thresholds_and_errors);
    tcase_add_test(tc, league_cutoff_text_is_cut_not_overrun);
    tcase_add_test(tc, league_selection_lists_none_of_an_empty_file);
    tcase_add_test(tc, league_quartiles_skip_a_type_absent_from_the_quarter);
    tcase_add_test(tc, likely_ranges_hold_league_table_trusts_fixed);
    tcase_add_test(tc, league_quartiles_of_a_single_trust);
    tcase_add_test(tc, league_likely_ranges_off_ignores_the_interval);
    tcase_add_test(tc, league_warnings_fill_the_cell_with_whole_warnings);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(league_suite());
    int failed;
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
