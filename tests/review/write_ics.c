/*
 * Writes the iCalendar export of a small fixed schedule to standard output,
 * for check_ics.py to parse with an independent iCalendar parser. The trust
 * names exercise TEXT escaping (, ; \ and a line break), UTF-8 and folding.
 */
#include <stdio.h>

#include "trustassess/review.h"

static ta_date D(int y, int m, int d)
{
    ta_date r = {y, m, d};
    return r;
}

int main(void)
{
    ta_review_schedule *s = NULL;
    const char *text = NULL;
    size_t len = 0;
    int ok = ta_review_schedule_new(&s, NULL) == TA_OK &&
             ta_review_schedule_add_trust(s, "RWX", "Plain Trust", D(2026, 4, 1)) == TA_OK &&
             ta_review_schedule_add_trust(s, "RCOM", "Commas, semicolons; and \\ backslash",
                                          D(2026, 4, 1)) == TA_OK &&
             ta_review_schedule_add_trust(s, "RNL", "Two\nlines", D(2026, 12, 24)) == TA_OK &&
             ta_review_schedule_add_trust(s, "RUTF",
                                          "Ysbyty \xC3\xA9\xC3\xA9\xC3\xA9 Gwynedd "
                                          "\xE2\x80\x94 a name long enough to fold over "
                                          "seventy-five octets \xF0\x9F\x8F\xA5",
                                          D(2026, 12, 24)) == TA_OK &&
             ta_review_schedule_add_evidence(s, "RWX", D(2027, 6, 30), 3, TA_NO, TA_NO) == TA_OK &&
             ta_review_schedule_add_evidence(s, "RWX", D(2027, 9, 30), 4, TA_NO, TA_NO) == TA_OK &&
             ta_review_schedule_set_today(s, D(2027, 10, 1)) == TA_OK &&
             ta_review_schedule_compute(s) == TA_OK &&
             ta_review_schedule_to_ics(&text, &len, s, "20271001T000000Z") == TA_OK;
    if (ok)
        fwrite(text, 1, len, stdout);
    else
        fprintf(stderr, "%s\n", ta_review_schedule_error(s));
    ta_review_schedule_free(s);
    return ok ? 0 : 1;
}
