/*
 * The trustassess command: "did you mean" for names a user types.
 *
 * A mistyped quarter ("Q4 2025/2026"), trust type, trust code ("RWXX") or
 * column name gets the nearest name the file has, by edit distance
 * (over bytes, with adjacent transpositions, letters compared without case), when it is near
 * enough to be a slip: at most a third of the longer name's length, and at
 * least 1 and at most 4 edits. Nothing is suggested for a name that is far
 * from everything, so the message never points at an unrelated name.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int same_letter(char x, char y)
{
    return tolower((unsigned char)x) == tolower((unsigned char)y);
}

/* Edit distance of a and b with adjacent transpositions ("Rnak" is one edit
 * from "Rank"), or (size_t)-1 when out of memory. */
static size_t distance(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b), w = nb + 1, result;
    size_t *d = malloc((na + 1) * w * sizeof *d);
    if (!d)
        return (size_t)-1;
    for (size_t i = 0; i <= na; i++)
        d[i * w] = i;
    for (size_t j = 0; j <= nb; j++)
        d[j] = j;
    for (size_t i = 1; i <= na; i++)
        for (size_t j = 1; j <= nb; j++) {
            size_t best = d[(i - 1) * w + j - 1] + (same_letter(a[i - 1], b[j - 1]) ? 0 : 1);
            if (d[(i - 1) * w + j] + 1 < best)
                best = d[(i - 1) * w + j] + 1;
            if (d[i * w + j - 1] + 1 < best)
                best = d[i * w + j - 1] + 1;
            if (i > 1 && j > 1 && same_letter(a[i - 1], b[j - 2]) &&
                same_letter(a[i - 2], b[j - 1]) && d[(i - 2) * w + j - 2] + 1 < best)
                best = d[(i - 2) * w + j - 2] + 1;
            d[i * w + j] = best;
        }
    result = d[na * w + nb];
    free(d);
    return result;
}

const char *cli_suggest(const char *text, const char *const *names, size_t n)
{
    const char *best = NULL;
    size_t best_d = (size_t)-1;
    for (size_t k = 0; k < n; k++) {
        size_t d, longer, limit;
        if (!names[k])
            continue;
        d = distance(text, names[k]);
        longer = strlen(text) > strlen(names[k]) ? strlen(text) : strlen(names[k]);
        limit = longer / 3;
        if (limit < 1)
            limit = 1;
        if (limit > 4)
            limit = 4;
        if (d <= limit && d < best_d) {
            best = names[k];
            best_d = d;
        }
    }
    return best;
}
