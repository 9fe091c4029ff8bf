/*
 * Internal: a growing string for the eligibility module's sentences and
 * exports.
 *
 * Reasons, changes and exports are built piecewise; a sticky status means a
 * sentence can be written as a run of appends and checked once at the end
 * (the first failure is kept and later appends do nothing). Figures are
 * written through tai_format_fixed, never printf, with as many decimals as
 * the figure needs (2 to 6), so a printed median of 1.8625 is not shown as
 * 1.86 and every verdict can be redone from the printed figures.
 */
#ifndef TAI_ELIG_ETEXT_H
#define TAI_ELIG_ETEXT_H

#include <stddef.h>
#include <stdint.h>

#include "trustassess/common.h"

typedef struct tai_etext {
    const ta_allocator *alloc;
    char *data; /* NUL-terminated once anything was appended */
    size_t len, cap;
    ta_status st; /* first failure, sticky */
} tai_etext;

void tai_etext_init(tai_etext *t, const ta_allocator *alloc);
/* Empties the text and its status, keeping the memory. */
void tai_etext_clear(tai_etext *t);
void tai_etext_free(tai_etext *t);
void tai_etext_append(tai_etext *t, const char *s, size_t len);
void tai_etext_puts(tai_etext *t, const char *s);
/* Appends n copies of the character c. */
void tai_etext_pad(tai_etext *t, char c, size_t n);
void tai_etext_int(tai_etext *t, int64_t n);
/* x with 2 decimals, or up to 6 when it needs more (1.8625). */
void tai_etext_figure(tai_etext *t, double x);
/* YYYY-MM-DD. */
void tai_etext_date(tai_etext *t, ta_date d);
/* s as one RFC 4180 field (quoted when it holds , " CR or LF). */
void tai_etext_csv_field(tai_etext *t, const char *s);
/* s as a JSON string with its quotes. */
void tai_etext_json_string(tai_etext *t, const char *s);
/* A copy of the text (allocated; "" when empty), or NULL on failure. */
char *tai_etext_dup(const tai_etext *t);

#endif /* TAI_ELIG_ETEXT_H */
