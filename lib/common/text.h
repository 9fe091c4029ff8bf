/*
 * Internal: the one growing string of the library, and the field encoders
 * every text output shares (an RFC 4180 CSV field, a JSON string).
 *
 * Exports, reasons and sentences are built piecewise into a tai_text. Its
 * status is sticky: the first failure is kept, later appends do nothing and
 * every call returns the status so far, so a caller may check each append
 * (the review exports do) or write a sentence as a run of appends and check
 * once at the end (the eligibility reasons do). Numbers are written through
 * tai_format_fixed, never printf, so the output does not depend on a locale.
 */
#ifndef TAI_TEXT_H
#define TAI_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "trustassess/common.h"

typedef struct tai_text {
    const ta_allocator *alloc;
    char *data; /* NUL-terminated once anything was appended */
    size_t len, cap;
    ta_status st; /* first failure, sticky */
} tai_text;

void tai_text_init(tai_text *t, const ta_allocator *alloc);
/* Empties the text and its status, keeping the memory. */
void tai_text_clear(tai_text *t);
void tai_text_free(tai_text *t);
/* Each append returns the text's status after it (TA_OK, or the first failure). */
ta_status tai_text_append(tai_text *t, const char *s, size_t len);
ta_status tai_text_puts(tai_text *t, const char *s);
/* Appends n copies of the character c. */
ta_status tai_text_pad(tai_text *t, char c, size_t n);
/* The decimal digits of n (with '-' when negative). */
ta_status tai_text_int(tai_text *t, int64_t n);
/* x with 2 decimals, or up to 6 when it needs more (1.8625), so every printed
 * figure can be redone from the text. */
ta_status tai_text_figure(tai_text *t, double x);
/* YYYY-MM-DD. */
ta_status tai_text_date(tai_text *t, ta_date d);
/* s as one RFC 4180 field: quoted (with "" for ") when it holds , " CR or LF. */
ta_status tai_text_csv_field(tai_text *t, const char *s);
/* s as a JSON string with its quotes (", \ and control characters escaped). */
ta_status tai_text_json_string(tai_text *t, const char *s);
/* A copy of the text (allocated; "" when empty), or NULL after a failure. */
char *tai_text_dup(const tai_text *t);

#endif /* TAI_TEXT_H */
