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

const char *ta_status_name(ta_status v)
{
    switch (v) {
    case TA_OK:
        return "TA_OK";
    case TA_EINVAL:
        return "TA_EINVAL";
    case TA_ENOMEM:
        return "TA_ENOMEM";
    case TA_ENOTFOUND:
        return "TA_ENOTFOUND";
    case TA_EDUPLICATE:
        return "TA_EDUPLICATE";
    case TA_EPARSE:
        return "TA_EPARSE";
    case TA_EIO:
        return "TA_EIO";
    case TA_ERANGE:
        return "TA_ERANGE";
    case TA_ESTATE:
        return "TA_ESTATE";
    case TA_EINCONSISTENT:
        return "TA_EINCONSISTENT";
    }
    return "";
}

const char *ta_tristate_name(ta_tristate v)
{
    switch (v) {
    case TA_UNKNOWN:
        return "unknown";
    case TA_NO:
        return "no";
    case TA_YES:
        return "yes";
    }
    return "";
}
