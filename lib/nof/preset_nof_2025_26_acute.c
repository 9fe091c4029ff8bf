/*
 * The built-in preset "nof-2025-26-acute": NHS Oversight Framework 2025/26 for
 * acute trusts, as a framework catalogue (framework_csv.c).
 *
 * NHS England publishes no per-metric acute data we could read, so this
 * catalogue is assembled from what is stated and labelled row by row in its
 * Source column:
 *   S1  the NOF 2025/26 methodology manual (26 June 2025): bookend scoring,
 *       the one weighting (three infection rates, one third each), missing
 *       scores excluded, bespoke brackets for the CQC safe rating, and the
 *       worked example's metrics (18 and 52 weeks, cancer 28 and 62 days, A&E
 *       4 and 12 hours, the two finance scores, two staff survey scores, CQC
 *       safe rating; a trust at 80.4% in 4 hours, 82.6% in 62 days and 81.5%
 *       in 28 days scores 1.00: each meets its standard);
 *   S2  the technical metric specification 2025/26 (its opening: OF0023
 *       scored 1.00-4.00 on the % value, higher is better; OF0106);
 *   our reading: metric IDs other than OF0023/OF0106 as seen in public code
 *       (low confidence), the standards (the 2025/26 planning guidance's
 *       March 2026 targets), directions and domains. Each is a parameter.
 * The settings, domains and result figures are those of "nof-2025-26": one
 * national set of cut-offs for every trust type. Metrics the manual names
 * but whose IDs we could not read (52-week waits) are left out, so an acute
 * file's other metric rows are read and kept but not scored from values.
 */
#include "presets.h"

/* A catalogue is one string, longer than the 4095 characters C99 promises
 * every compiler accepts; GCC and Clang (the compilers this builds with)
 * take any length. */
#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Woverlength-strings"
#endif

const char tai_preset_nof_2025_26_acute[] =
    "Record,Id,Name,Domain,Raw_id,Direction,Scoring,In_average,Parameters,Weight,Source\n"
    "framework,nof-2025-26-acute,NHS Oversight Framework 2025/26 (acute trusts),,,,,,,,\n"
    "trust_type,,Acute trust,,,,,,,,\n"
    "setting,cutoffs,,,,,,,quartiles type7,,\n"
    "setting,cutoff_rule,,,,,,,ties_better,,\n"
    "setting,deficit_cap,,,,,,,3,,\n"
    "setting,rsp_segment,,,,,,,5,,\n"
    "setting,decimals,,,,,,,2,,\n"
    "domain,OF4000,Access to services,access,,,,,,,\n"
    "domain,OF4002,Patient safety,patient_safety,,,,,,,\n"
    "domain,OF4003,Finance and productivity,finance_productivity,,,,,,,\n"
    "domain,OF4004,People and workforce,people_workforce,,,,,,,\n"
    "domain,OF4005,Effectiveness and experience,effectiveness_experience,,,,,,,\n"
    "figure,OF5002,Average metric score,,,,,,average,,\n"
    "figure,OF5003,Unadjusted segment,,,,,,unadjusted_segment,,\n"
    "figure,OF5000,Adjusted segment,,,,,,adjusted_segment,,\n"
    "figure,OF5005,Final segment score override,,,,,,final_segment,,\n"
    "figure,OF5004,Financial override,,,,,,deficit_flag,,\n"
    "figure,OF5007,Is the organisation in the Recovery Support Programme?,,,,,,rsp_flag,,\n"
    "figure,OF4100,Access to services domain segment,,,,,,other,,\n"
    "figure,OF4102,Patient safety domain segment,,,,,,other,,\n"
    "figure,OF4103,Finance and productivity domain segment,,,,,,other,,\n"
    "figure,OF4104,People and workforce domain segment,,,,,,other,,\n"
    "figure,OF4105,Effectiveness and experience domain segment,,,,,,other,,\n"
    "metric,OF1023,Percentage of cases where a patient is waiting 18 weeks or less for elective "
    "treatment,access,OF0023,higher,rank,yes,,,"
    "S2: scored 1.00-4.00 on the % value ranked high to low (higher is better)\n"
    "metric,OF1106,Difference between planned and actual 18 week performance,access,OF0106,"
    "higher,rank,yes,,,S2: scored (manual); bookends and direction: our reading\n"
    "metric,OF1010,Percentage of patients told their cancer diagnosis outcome within 28 days,"
    "access,OF0010,higher,standard,yes,standard=80,,"
    "S1 standard bookends (worked example); ID and the 80% standard: our reading\n"
    "metric,OF1011,Percentage of cancer treatments started within 62 days,access,OF0011,higher,"
    "standard,yes,standard=75,,"
    "S1 standard bookends (worked example); ID and the 75% standard: our reading\n"
    "metric,OF1013,Percentage of patients managed in A&E within 4 hours,access,OF0013,higher,"
    "standard,yes,standard=78,,"
    "S1 standard bookends (worked example); ID and the 78% standard: our reading\n"
    "metric,OF1014,Percentage of patients spending over 12 hours in A&E,access,OF0014,lower,"
    "rank,yes,,,S1 worked example (scored 1.00-4.00); ID and domain: our reading\n"
    "metric,OF1020,MRSA infection rate,patient_safety,OF0020,lower,rank,yes,,1/3,"
    "S1: the three infection rates each scored and weighted one third; ID: our reading\n"
    "metric,OF1048,E. coli infection rate,patient_safety,OF0048,lower,rank,yes,,1/3,"
    "S1: the three infection rates each scored and weighted one third; ID: our reading\n"
    "metric,OF1088,C. difficile infection rate,patient_safety,OF0088,lower,rank,yes,,1/3,"
    "S1: the three infection rates each scored and weighted one third; ID: our reading\n"
    "metric,OF1061,NHS Staff survey - raising concerns sub-score,patient_safety,OF0061,higher,"
    "rank,yes,,,S1 worked example (staff survey safety score); ID as in NHS England's CSV\n"
    "metric,OF1067,CQC safe inspection,patient_safety,OF0067,lower,bracketed,yes,"
    "cuts=1 2 3;scores=1 2 3 4,,"
    "S1 bespoke brackets (a Good rating scores 2.00); the coding 1 Outstanding 2 Good "
    "3 Requires improvement 4 Inadequate: our reading\n"
    "metric,OF1079,Planned surplus/deficit,finance_productivity,OF0079,higher,banded,no,"
    "cuts=0 -1 -2,,S1 worked example; bands: our reading (as for mental health trusts)\n"
    "metric,OF1081,Variance year-to-date to financial plan,finance_productivity,OF0081,higher,"
    "banded,no,cuts=0 -0.5 -1,,S1 worked example; bands: our reading\n"
    "metric,OF1080,Combined finance,finance_productivity,,,combined,yes,"
    "first=OF1079;second=OF1081;table=1 1 2 3 2 0 0 0 2 3 0 4 2 3 0 4,,"
    "our reading: the pairs observed in the 2025/26 mental health data; 0 = not known\n"
    "metric,OF1085,Implied productivity,finance_productivity,OF0085,higher,rank,yes,,,"
    "our reading: ID and direction from public code (low confidence)\n"
    "metric,OF1082,Sickness absence rate,people_workforce,OF0082,lower,rank,yes,,,"
    "S1 bookends 1.00-4.00; ID as in NHS England's CSV (pooled across trust types)\n"
    "metric,OF1084,NHS staff survey engagement theme sub-score,people_workforce,OF0084,higher,"
    "rank,yes,,,S1 worked example (engagement score); ID as in NHS England's CSV\n";
