/*
 * The public face of lib/common/number.c: locale-independent decimal text for
 * callers (the command line, bindings) that must print and read numbers the
 * way the library does.
 */
#include <math.h>
#include <string.h>

#include "number.h"

ta_status ta_decimal_parse(double *out, const char *text)
{
    if (!out || !text)
        return TA_EINVAL;
    return tai_parse_double(text, strlen(text), out);
}

ta_status ta_decimal_format(char *buf, size_t size, double x, int decimals)
{
    if (!buf || decimals < 0 || decimals > 9 || !isfinite(x) || fabs(x) >= 1e15)
        return TA_EINVAL;
    return tai_format_fixed(buf, size, x, decimals) == -1 ? TA_ERANGE : TA_OK;
}
