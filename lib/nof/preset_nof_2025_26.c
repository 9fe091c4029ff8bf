/*
 * The built-in preset "nof-2025-26": NHS Oversight Framework 2025/26 for mental
 * health and community trusts (the first quarter's files call the group
 * "Non-acute hospital trust"), as a framework catalogue (framework_csv.c).
 *
 * Every metric row says where it comes from in its Source column. S1 is NHS
 * England's NOF 2025/26 methodology manual (26 June 2025): bookend scoring
 * (rank 1.00-4.00; with a standard 1.00 then 2.00-4.00; with a floor 1.00-3.00
 * then 4.00), no weighting but the infection rates, missing scores excluded,
 * the deficit cap at segment 3, segment 5 for the Provider Improvement
 * Programme. Metric IDs, names and domains are those of NHS England's
 * published segmentation CSV. What neither says was read off the published
 * data and is labelled "our reading" (README, docs/nof-2025-26.md); each such
 * rule is a parameter of this text:
 *   - directions of the rank-scored metrics (from the published scores);
 *   - OF1057: a floor at 70% (every trust below it scores 4.00 and no trust
 *     at or above it more than 3.00, in all four quarters);
 *   - OF1079 bands cut at 0, -1, -2 (% of income); OF1081 at 0, -0.5, -1;
 *   - OF1080 = table of (OF1079, OF1081) scores: only the pairs observed in
 *     the 2025/26 data are filled in, the others are 0 ("not known");
 *   - cut-offs: quartiles (Excel QUARTILE.INC) of the segmented trusts' rounded
 *     averages; a trust exactly on a cut-off takes the better segment;
 *   - the comparison pool sizes per metric and quarter (pool rows): the
 *     smallest pool that fits every published 2-decimal score of the quarter
 *     (for OF1057, the trusts spread between the floor's bookends); with them
 *     every published Q2-Q4 average, domain score, segment and rank follows
 *     from the unrounded scores (reconstruct.c). OF1061 and OF1084 are ranked
 *     within the file's 61 trusts.
 * The acute and ambulance catalogues are the presets "nof-2025-26-acute" and
 * "nof-2025-26-ambulance".
 */
#include "presets.h"

/* A catalogue is one string, longer than the 4095 characters C99 promises
 * every compiler accepts; GCC and Clang (the compilers this builds with)
 * take any length. */
#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Woverlength-strings"
#endif

const char tai_preset_nof_2025_26[] =
    "Record,Id,Name,Domain,Raw_id,Direction,Scoring,In_average,Parameters,Weight,Source\n"
    "framework,nof-2025-26,NHS Oversight Framework 2025/26 (mental health and community trusts),"
    ",,,,,,,\n"
    "trust_type,,Mental health and community trust,,,,,,,,\n"
    "trust_type,,Non-acute hospital trust,,,,,,,,\n"
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
    "metric,OF1005,Percentage of patients waiting over 52 weeks for community services,"
    "access,OF0005,lower,rank,yes,,,"
    "S1 bookends 1.00-4.00 (no standard or floor); ID/name/domain: NHS England's CSV; "
    "direction: our reading of the published scores\n"
    "metric,OF1041,Annual change in the number of children and young people accessing "
    "NHS-funded MH services,access,OF0041,higher,rank,yes,,,"
    "S1 bookends 1.00-4.00; ID/name/domain: NHS England's CSV; direction: our reading\n"
    "metric,OF1016,Percentage of patients in mental health crisis to receive face-to-face "
    "contact within 24 hours,patient_safety,OF0016,higher,rank,yes,,,"
    "S1 bookends 1.00-4.00; ID/name/domain: NHS England's CSV; direction: our reading\n"
    "metric,OF1061,NHS Staff survey - raising concerns sub-score,patient_safety,OF0061,higher,"
    "rank,yes,,,S1 bookends 1.00-4.00; ID/name/domain: NHS England's CSV; direction: our "
    "reading (exact within the file's 61 trusts)\n"
    "metric,OF1067,CQC safe inspection,patient_safety,,,supplied,yes,,,"
    "S1 bespoke brackets (CQC safe rating); published as a score\n"
    "metric,OF1079,Planned surplus/deficit,finance_productivity,OF0079,higher,banded,no,"
    "cuts=0 -1 -2,,our reading: bands read off the published scores (% of income); "
    "not in the average (NHS England's CSV)\n"
    "metric,OF1081,Variance year-to-date to financial plan,finance_productivity,OF0081,higher,"
    "banded,no,cuts=0 -0.5 -1,,our reading: bands read off the published scores; "
    "not in the average\n"
    "metric,OF1080,Combined finance,finance_productivity,,,combined,yes,"
    "first=OF1079;second=OF1081;table=1 1 2 3 2 0 0 0 2 3 0 4 2 3 0 4,,"
    "our reading: the pairs observed in the 2025/26 data; 0 = not known\n"
    "metric,OF1086,Relative difference in costs,finance_productivity,OF0086,lower,rank,yes,,,"
    "S1 bookends 1.00-4.00; ID/name/domain: NHS England's CSV; direction: our reading\n"
    "metric,OF1082,Sickness absence rate,people_workforce,OF0082,lower,rank,yes,,,"
    "S1 bookends 1.00-4.00; ID/name/domain: NHS England's CSV; direction: our reading\n"
    "metric,OF1084,NHS staff survey engagement theme sub-score,people_workforce,OF0084,higher,"
    "rank,yes,,,S1 bookends 1.00-4.00; ID/name/domain: NHS England's CSV; direction: our "
    "reading (exact within the file's 61 trusts)\n"
    "metric,OF1035,CQC community mental health survey satisfaction rate,"
    "effectiveness_experience,,,supplied,yes,,,published as a score (ID/name/domain: NHS "
    "England's CSV)\n"
    "metric,OF1057,Urgent Community Response 2-hour performance,effectiveness_experience,"
    "OF0057,higher,floor,yes,floor=70,,"
    "S1 floor bookends (failing 4.00; the rest 1.00-3.00); the 70% floor: our reading of the "
    "published scores\n"
    "metric,OF1063,Percentage of inpatients with >60 day length of stay,"
    "effectiveness_experience,OF0063,lower,rank,yes,,,"
    "S1 bookends 1.00-4.00; ID/name/domain: NHS England's CSV; direction: our reading\n"
    "pool,OF1005,Q1 2025/26,,,,,,121,,inferred: fitted to the published scores\n"
    "pool,OF1005,Q2 2025/26,,,,,,120,,inferred: fitted to the published scores\n"
    "pool,OF1005,Q3 2025/26,,,,,,118,,inferred: fitted to the published scores\n"
    "pool,OF1005,Q4 2025/26,,,,,,120,,inferred: fitted to the published scores\n"
    "pool,OF1016,Q1 2025/26,,,,,,46,,inferred: fitted to the published scores\n"
    "pool,OF1016,Q2 2025/26,,,,,,50,,inferred: fitted to the published scores\n"
    "pool,OF1016,Q3 2025/26,,,,,,49,,inferred: fitted to the published scores\n"
    "pool,OF1016,Q4 2025/26,,,,,,47,,inferred: fitted to the published scores\n"
    "pool,OF1041,Q1 2025/26,,,,,,68,,inferred: fitted to the published scores\n"
    "pool,OF1041,Q2 2025/26,,,,,,70,,inferred: fitted to the published scores\n"
    "pool,OF1041,Q3 2025/26,,,,,,70,,inferred: fitted to the published scores\n"
    "pool,OF1041,Q4 2025/26,,,,,,70,,inferred: fitted to the published scores\n"
    "pool,OF1057,Q1 2025/26,,,,,,80,,inferred: trusts between the floor bookends; fitted to the "
    "published scores\n"
    "pool,OF1057,Q2 2025/26,,,,,,83,,inferred: trusts between the floor bookends; fitted to the "
    "published scores\n"
    "pool,OF1057,Q3 2025/26,,,,,,80,,inferred: trusts between the floor bookends; fitted to the "
    "published scores\n"
    "pool,OF1057,Q4 2025/26,,,,,,84,,inferred: trusts between the floor bookends; fitted to the "
    "published scores\n"
    "pool,OF1061,Q1 2025/26,,,,,,61,,data: the file's 61 trusts (exact from the raw values)\n"
    "pool,OF1061,Q2 2025/26,,,,,,61,,data: the file's 61 trusts (exact from the raw values)\n"
    "pool,OF1061,Q3 2025/26,,,,,,61,,data: the file's 61 trusts (exact from the raw values)\n"
    "pool,OF1061,Q4 2025/26,,,,,,61,,data: the file's 61 trusts (exact from the raw values)\n"
    "pool,OF1063,Q1 2025/26,,,,,,48,,inferred: fitted to the published scores\n"
    "pool,OF1063,Q2 2025/26,,,,,,48,,inferred: fitted to the published scores\n"
    "pool,OF1063,Q3 2025/26,,,,,,48,,inferred: fitted to the published scores\n"
    "pool,OF1063,Q4 2025/26,,,,,,48,,inferred: fitted to the published scores\n"
    "pool,OF1082,Q1 2025/26,,,,,,205,,inferred: fitted to the published scores (all trust types "
    "pooled)\n"
    "pool,OF1082,Q2 2025/26,,,,,,205,,inferred: fitted to the published scores (all trust types "
    "pooled)\n"
    "pool,OF1082,Q3 2025/26,,,,,,205,,inferred: fitted to the published scores (all trust types "
    "pooled)\n"
    "pool,OF1082,Q4 2025/26,,,,,,205,,inferred: fitted to the published scores (all trust types "
    "pooled)\n"
    "pool,OF1084,Q1 2025/26,,,,,,61,,data: the file's 61 trusts (exact from the raw values)\n"
    "pool,OF1084,Q2 2025/26,,,,,,61,,data: the file's 61 trusts (exact from the raw values)\n"
    "pool,OF1084,Q3 2025/26,,,,,,61,,data: the file's 61 trusts (exact from the raw values)\n"
    "pool,OF1084,Q4 2025/26,,,,,,61,,data: the file's 61 trusts (exact from the raw values)\n"
    "pool,OF1086,Q1 2025/26,,,,,,70,,inferred: fitted to the published scores\n"
    "pool,OF1086,Q2 2025/26,,,,,,71,,inferred: fitted to the published scores\n"
    "pool,OF1086,Q3 2025/26,,,,,,71,,inferred: fitted to the published scores\n"
    "pool,OF1086,Q4 2025/26,,,,,,71,,inferred: fitted to the published scores\n";
