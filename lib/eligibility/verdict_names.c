/*
 * The words of a screen's verdicts (ta_eligibility, ta_criterion_outcome).
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
