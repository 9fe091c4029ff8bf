/*
 * Prints the library's days off of England and Wales for the years given on
 * the command line (FIRST [LAST]), one "YYYY-MM-DD,Name" line each, and the
 * Easter Sunday of each year as "YYYY-MM-DD,Easter Sunday (derived)" taken as
 * Good Friday + 2 days. check_holidays.py compiles it against the built static
 * library and compares its output with independent sources.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trustassess/review.h"

int main(int argc, char **argv)
{
    ta_holidays *h = NULL;
    int first, last;
    if (argc < 2)
        return 2;
    first = atoi(argv[1]);
    last = argc > 2 ? atoi(argv[2]) : first;
    if (ta_holidays_new(&h, NULL) != TA_OK)
        return 1;
    for (int y = first; y <= last; y++) {
        size_t n = 0;
        if (ta_holidays_list(&n, h, y) != TA_OK) {
            fprintf(stderr, "%s\n", ta_holidays_error(h));
            ta_holidays_free(h);
            return 1;
        }
        for (size_t i = 0; i < n; i++) {
            ta_date d;
            const char *name;
            char text[TA_DATE_TEXT_SIZE];
            ta_holidays_entry(&d, &name, h, i);
            ta_date_format(text, sizeof text, d);
            printf("%s,%s\n", text, name);
            if (strcmp(name, "Good Friday") == 0) {
                ta_date e;
                ta_date_add_days(&e, d, 2);
                ta_date_format(text, sizeof text, e);
                printf("%s,Easter Sunday (derived)\n", text);
            }
        }
    }
    ta_holidays_free(h);
    return 0;
}
