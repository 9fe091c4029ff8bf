/*
 * The words of a screen's verdicts (ta_eligibility, ta_criterion_outcome),
 * export formats and levels (ta_screen_format, ta_screen_level).
 *
 * In a file of their own because both the screen's getters (screen.c) and
 * its exports (export.c) print them, and neither should depend on the other.
 */
#include "trustassess/eligibility.h"

const char *ta_eligibility_name(ta_eligibility verdict)
{
    switch (verdict) {
    case TA_ELIGIBLE:
        return "eligible";
    case TA_CLOSE:
        return "close";
    case TA_NOT_ELIGIBLE:
        return "not eligible";
    }
    return "";
}

const char *ta_criterion_outcome_name(ta_criterion_outcome outcome)
{
    switch (outcome) {
    case TA_MET:
        return "met";
    case TA_NOT_MET:
        return "not met";
    case TA_NO_EVIDENCE:
        return "no evidence";
    }
    return "";
}

const char *ta_screen_format_name(ta_screen_format v)
{
    switch (v) {
    case TA_SCREEN_CSV:
        return "csv";
    case TA_SCREEN_TABLE:
        return "table";
    case TA_SCREEN_JSON:
        return "json";
    }
    return "";
}

const char *ta_screen_level_name(ta_screen_level v)
{
    switch (v) {
    case TA_LEVEL_AFT:
        return "aft";
    case TA_LEVEL_IHO:
        return "iho";
    }
    return "";
}
