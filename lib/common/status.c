/*
 * Status texts and the runtime version.
 *
 * The texts are static so that ta_strerror can be called after any failure,
 * including an out-of-memory one, from any thread.
 */
#include "trustassess/common.h"

const char *ta_strerror(ta_status status)
{
    switch (status) {
    case TA_OK:
        return "success";
    case TA_EINVAL:
        return "invalid argument";
    case TA_ENOMEM:
        return "out of memory";
    case TA_ENOTFOUND:
        return "not found";
    case TA_EDUPLICATE:
        return "duplicate identifier";
    case TA_EPARSE:
        return "malformed input";
    case TA_EIO:
        return "input/output error";
    case TA_ERANGE:
        return "value out of range";
    case TA_ESTATE:
        return "operation not valid in the handle's current state";
    case TA_EINCONSISTENT:
        return "inconsistent inputs";
    }
    return "unknown status";
}

int ta_version(void)
{
    return TA_VERSION_NUMBER;
}

const char *ta_version_string(void)
{
    return TA_VERSION_STRING;
}
