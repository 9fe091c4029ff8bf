/*
 * The built-in criteria sets, as criteria-file text (criteria_csv.c).
 *
 * "aft-2025" is OUR READING of the published authorisation criteria for
 * advanced foundation trusts (A2, the 10 Year Health Plan: "excellent
 * delivery on waiting times, access, quality of care and financial
 * management, as well as higher levels of productivity than their peers", and
 * a partnership record; A3, NHS England's guide for applicants: eligibility
 * measured by the NHS Oversight Framework, CQC ratings and the Provider
 * Capability Assessment). No source turns those words into thresholds; every
 * number below is ours and says so in its Our_reading column. "iho-2025" is
 * stricter, for Integrated Health Organisation contracts (A2: "the very
 * best"), and is screened only for AFT-eligible trusts.
 *
 * Keeping the sets as text means they are printed, diffed and edited as the
 * same file a user passes with --criteria.
 */
#include <string.h>

#include "eligibility_internal.h"

static const char aft_2025[] =
    "Id,Name,Kind,Parameters,Source,Our_reading\n"
    "segment,Adjusted NOF segment 1 or 2 in each of the last 4 quarters,segment_at_most,"
    "segment=2;quarters=4,"
    "\"A2 (excellent delivery overall); A3 (eligibility measured by the NHS Oversight "
    "Framework)\","
    "\"Our reading: 'excellent delivery' as the top two of four segments, sustained for a "
    "year (four quarters), after the deficit cap\"\n"
    "no_deficit,No financial deficit (NOF financial override flag OF5004 is 0),no_deficit,,"
    "\"A2 (excellent delivery on financial management); A1 (sound finances)\","
    "\"Our reading: the financial override flag of the latest quarter that publishes it\"\n"
    "not_in_rsp,Not in the Recovery Support Programme (OF5007 is 0),not_in_rsp,,"
    "\"A2 (regions use the NOF to decide where intervention and support are needed)\","
    "\"Our reading: a trust receiving intensive support is not one to be given earned "
    "autonomy; the flag is published for Q1-Q2 2025/26 only\"\n"
    "access,Access to services domain score (OF4000) at most 2.50,domain_score_at_most,"
    "domain=OF4000;threshold=2.50,"
    "\"A2 (excellent delivery on waiting times and access)\","
    "\"Our reading: 2.50 is the middle of the 1.00-4.00 score scale, so the trust scores in "
    "the better half on access metrics on average, in the latest quarter\"\n"
    "safety,Patient safety domain score (OF4002) at most 2.50,domain_score_at_most,"
    "domain=OF4002;threshold=2.50,"
    "\"A2 (excellent delivery on quality of care); A3 (high-quality care)\","
    "\"Our reading: as for access; the NOF already carries CQC-based metrics, so no separate "
    "CQC rating is required for AFT\"\n"
    "experience,Effectiveness and experience domain score (OF4005) at most 2.50,"
    "domain_score_at_most,domain=OF4005;threshold=2.50,"
    "\"A2 (excellent delivery on quality of care); A3 (high-quality care)\","
    "\"Our reading: as for access\"\n"
    "productivity,Relative difference in costs (OF0086) below the peer median,"
    "metric_better_than_peer_median,metric=OF0086,"
    "\"A2 (higher levels of productivity than their peers)\","
    "\"Our reading: OF0086 (lower is better) strictly below the median of trusts of the same "
    "type in the latest quarter; the issue names this metric for mental health and community "
    "trusts\"\n"
    "partnership,Partnership record (supplied judgement),supplied,judgement=partnership,"
    "\"A2 (a proven track record of, and commitment to, working in partnership)\","
    "\"Stated criterion; no published figure measures it, so it is a judgement the caller "
    "supplies (yes or no)\"\n";

/* "aft-guide": the criteria as NHS England's guide for applicants names them
 * (A3: executive summary, paragraphs 3 and 4, and annex 1; A4: Assessing
 * provider capability, guidance for NHS trust boards, 26 August 2025),
 * back-tested against the nominations of 12 November 2025 on the data of Q1
 * 2025/26 (docs/eligibility.md). The figures the guide names without a
 * threshold (the NOF, CQC ratings) take ours; the rest are judgements the
 * caller supplies, because no published figure shows them. */
static const char aft_guide[] =
    "Id,Name,Kind,Parameters,Source,Our_reading\n"
    "nof_segment,Adjusted NOF segment 1 or 2 in the latest quarter,segment_at_most,"
    "segment=2;quarters=1,"
    "\"A3 para 3: delivering the public's priorities and value for money, as measured by the NHS "
    "Oversight Framework\","
    "\"Our reading: the top two of four segments (after the deficit cap) in the quarter screened; "
    "all six nominated mental health and community trusts were in segment 1 or 2 in Q1 "
    "2025/26\"\n"
    "no_deficit,No financial deficit (NOF financial override flag OF5004 is 0),no_deficit,,"
    "\"A3 (financially sustainable, with a focus on productivity improvement: the third "
    "assessment question); A1 (sound finances)\","
    "\"Our reading: the financial override flag of the latest quarter that publishes it\"\n"
    "not_in_rsp,Not in the Recovery Support Programme (OF5007 is 0),not_in_rsp,,"
    "\"A3 para 3 (only the highest performers may apply)\","
    "\"Our reading: a trust receiving intensive support is not among the highest performers; "
    "the flag is published for Q1-Q2 2025/26 only\"\n"
    "safety,Patient safety domain score (OF4002) at most 2.50,domain_score_at_most,"
    "domain=OF4002;threshold=2.50,"
    "\"A3 (high-quality services with robust quality governance: the second assessment "
    "question)\","
    "\"Our reading: the NOF's patient safety domain in the better half of the 1.00-4.00 scale "
    "in the latest quarter; every nominee met it in Q1 2025/26 (worst 2.39)\"\n"
    "cqc,Current CQC rating good or outstanding (supplied),supplied,cqc_at_least=good,"
    "\"A3 para 3: providing high quality care to patients, as measured by CQC ratings\","
    "\"Our reading: good or better, and current (a rating older than the CQC's maximum interval "
    "for it is no evidence); supplied as cqc_rating\"\n"
    "capability,Provider Capability Assessment shows excellent leadership (supplied),supplied,"
    "judgement=capability_assessment,"
    "\"A3 para 3: excellent leadership, as per their Provider Capability Assessment; A4: boards "
    "self-assess each year in six areas and the NHS England region forms a view of capability\","
    "\"Stated criterion; the assessment is not published as a figure, so it is a judgement "
    "supplied as capability_assessment (yes or no)\"\n"
    "icb_support,Integrated care board supports the application (supplied),supplied,"
    "judgement=icb_support,"
    "\"A3 para 4: NHS England will assess providers that meet these criteria and have ... "
    "integrated care board (ICB) support\",\"Stated criterion; supplied as icb_support\"\n"
    "region_support,NHS England region supports the application (supplied),supplied,"
    "judgement=region_support,"
    "\"A3 para 4: ... and have NHS England Regional team ... support\","
    "\"Stated criterion; supplied as region_support\"\n"
    "financial_plan,Medium-term financial plan agreed with the ICB and region (supplied),"
    "supplied,judgement=financial_plan_agreed,"
    "\"A3 annex 1: a medium-term financial plan agreed with the ICB and the NHS England region\","
    "\"Stated criterion; supplied as financial_plan_agreed\"\n"
    "partnership,Works well with others (supplied judgement),supplied,judgement=partnership,"
    "\"A3 para 4: the process will look at how well a trust works with others; A2 (a proven "
    "track record of working in partnership)\","
    "\"Stated criterion; no published figure measures it, so it is supplied as partnership\"\n";

static const char iho_2025[] =
    "Id,Name,Kind,Parameters,Source,Our_reading\n"
    "segment,Adjusted NOF segment 1 in each of the last 4 quarters,segment_at_most,"
    "segment=1;quarters=4,"
    "\"A2 (the very best new FTs, able to meet core standards)\","
    "\"Our reading: the top segment for a year\"\n"
    "no_deficit,No financial deficit (OF5004 is 0),no_deficit,,"
    "\"A2 (remain financially sustainable over time)\",\"Our reading: as for AFT\"\n"
    "not_in_rsp,Not in the Recovery Support Programme (OF5007 is 0),not_in_rsp,,"
    "\"A2\",\"Our reading: as for AFT\"\n"
    "access,Access to services domain score (OF4000) in the peer top quartile,"
    "domain_in_top_quartile,domain=OF4000,\"A2 (the very best)\","
    "\"Our reading: at or below the lower quartile of trusts of the same type\"\n"
    "safety,Patient safety domain score (OF4002) in the peer top quartile,"
    "domain_in_top_quartile,domain=OF4002,\"A2 (the very best; core standards)\","
    "\"Our reading: as for access\"\n"
    "experience,Effectiveness and experience domain score (OF4005) in the peer top quartile,"
    "domain_in_top_quartile,domain=OF4005,\"A2 (the very best)\",\"Our reading: as for access\"\n"
    "productivity,Relative difference in costs (OF0086) below the peer median,"
    "metric_better_than_peer_median,metric=OF0086,\"A2 (higher productivity than peers)\","
    "\"Our reading: as for AFT\"\n"
    "partnership,Partnership record (supplied judgement),supplied,judgement=partnership,"
    "\"A2 (form partnerships)\",\"Stated criterion; supplied by the caller\"\n"
    "population_health,Improving population health (supplied judgement),supplied,"
    "judgement=population_health,\"A2 (improve population health)\","
    "\"Stated criterion; no published figure measures it, so it is supplied\"\n"
    "cqc,Current CQC rating good or outstanding (supplied),supplied,cqc_at_least=good,"
    "\"A3 (eligibility measured by CQC ratings); CQC inspection intervals\","
    "\"Our reading: good or better, and current: a rating older than the CQC's maximum "
    "interval for it (outstanding 5 years, good 3.5, requires improvement 2, inadequate 1) "
    "is no evidence\"\n";

/* The table ends with a NULL name, which every lookup walks to: no index is
 * compared with a count, so none can read past the table. */
static const struct {
    const char *name, *text;
} presets[] = {
    {"aft-2025", aft_2025}, {"iho-2025", iho_2025}, {"aft-guide", aft_guide}, {NULL, NULL}};

size_t ta_criteria_preset_count(void)
{
    return sizeof presets / sizeof *presets - 1;
}

const char *ta_criteria_preset_name(size_t i)
{
    for (size_t k = 0; presets[k].name; k++)
        if (k == i)
            return presets[k].name;
    return NULL;
}

const char *ta_criteria_preset_text(const char *name)
{
    if (!name)
        return NULL;
    for (size_t k = 0; presets[k].name; k++)
        if (strcmp(presets[k].name, name) == 0)
            return presets[k].text;
    return NULL;
}

ta_status ta_criteria_preset(ta_criteria **out, const char *name, const ta_allocator *alloc)
{
    const char *text;
    ta_status st;
    if (!out)
        return TA_EINVAL;
    *out = NULL;
    if (!name)
        return TA_EINVAL;
    if (!(text = ta_criteria_preset_text(name)))
        return TA_ENOTFOUND;
    if ((st = ta_criteria_new(out, name, alloc)) != TA_OK)
        return st;
    st = ta_criteria_read_buffer(*out, text, strlen(text), name);
    if (st != TA_OK) {
        /* Built-in text is checked by the tests: only memory can fail here. */
        ta_criteria_free(*out);
        *out = NULL;
        return TA_ENOMEM;
    }
    return TA_OK;
}
