/*
 * The built-in preset "nof-2025-26-ambulance": NHS Oversight Framework 2025/26
 * for ambulance trusts, as a framework catalogue (framework_csv.c).
 *
 * Only the metrics every provider type shares, whose IDs appear in NHS
 * England's published files, are here, each with its source (S1 = the NOF
 * 2025/26 methodology manual; "our reading" where it is silent). The
 * ambulance-specific operational metrics (response times) are scored by NHS
 * England too, but their IDs and standards were not in anything we could
 * read: add them with the builder or a catalogue file (docs/framework-csv.md)
 * once known. Settings, domains and figures are those of "nof-2025-26".
 */
#include "presets.h"

/* A catalogue is one string, longer than the 4095 characters C99 promises
 * every compiler accepts; GCC and Clang (the compilers this builds with)
 * take any length. */
#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Woverlength-strings"
#endif

const char tai_preset_nof_2025_26_ambulance[] =
    "Record,Id,Name,Domain,Raw_id,Direction,Scoring,In_average,Parameters,Weight,Source\n"
    "framework,nof-2025-26-ambulance,NHS Oversight Framework 2025/26 (ambulance trusts),,,,,,,,\n"
    "trust_type,,Ambulance trust,,,,,,,,\n"
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
    "metric,OF1061,NHS Staff survey - raising concerns sub-score,patient_safety,OF0061,higher,"
    "rank,yes,,,S1 bookends 1.00-4.00; ID as in NHS England's CSV; direction: our reading\n"
    "metric,OF1067,CQC safe inspection,patient_safety,OF0067,lower,bracketed,yes,"
    "cuts=1 2 3;scores=1 2 3 4,,"
    "S1 bespoke brackets (a Good rating scores 2.00); the coding 1 Outstanding 2 Good "
    "3 Requires improvement 4 Inadequate: our reading\n"
    "metric,OF1079,Planned surplus/deficit,finance_productivity,OF0079,higher,banded,no,"
    "cuts=0 -1 -2,,our reading: bands as for mental health trusts\n"
    "metric,OF1081,Variance year-to-date to financial plan,finance_productivity,OF0081,higher,"
    "banded,no,cuts=0 -0.5 -1,,our reading: bands as for mental health trusts\n"
    "metric,OF1080,Combined finance,finance_productivity,,,combined,yes,"
    "first=OF1079;second=OF1081;table=1 1 2 3 2 0 0 0 2 3 0 4 2 3 0 4,,"
    "our reading: the pairs observed in the 2025/26 mental health data; 0 = not known\n"
    "metric,OF1082,Sickness absence rate,people_workforce,OF0082,lower,rank,yes,,,"
    "S1 bookends 1.00-4.00; ID as in NHS England's CSV (pooled across trust types)\n"
    "metric,OF1084,NHS staff survey engagement theme sub-score,people_workforce,OF0084,higher,"
    "rank,yes,,,S1 bookends 1.00-4.00; ID as in NHS England's CSV; direction: our reading\n";
