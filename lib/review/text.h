/*
 * Internal: a growing string and the text encodings the review exports need.
 *
 * The exports build their whole output in one tai_text owned by the
 * schedule, so a host gets one buffer it can write anywhere. The encoders
 * (an RFC 4180 CSV field, RFC 5545 TEXT escaping and line folding) are here,
 * apart from the schedule, so the tests can reach each rule on its own (the
 * fold at exactly 75 octets, a UTF-8 sequence on the fold).
 */
#ifndef TAI_REVIEW_TEXT_H
#define TAI_REVIEW_TEXT_H

#include <stddef.h>

#include "trustassess/common.h"

typedef struct tai_text {
    const ta_allocator *alloc;
    char *data; /* NUL-terminated once anything was appended */
    size_t len, cap;
} tai_text;

void tai_text_init(tai_text *t, const ta_allocator *alloc);
/* Empties the text, keeping its memory. */
void tai_text_clear(tai_text *t);
ta_status tai_text_append(tai_text *t, const char *s, size_t len);
ta_status tai_text_puts(tai_text *t, const char *s);
/* The decimal digits of n (with '-' when negative), through tai_format_fixed. */
ta_status tai_text_int(tai_text *t, int64_t n);
void tai_text_free(tai_text *t);

/* s as one CSV field: quoted (with "" for ") when it holds , " CR or LF. */
ta_status tai_text_csv_field(tai_text *t, const char *s);
/* s with RFC 5545 TEXT escaping: \ ; , become \\ \; \, and a line break
 * (CRLF, LF or a lone CR) becomes \n. */
ta_status tai_text_ics_escape(tai_text *t, const char *s);
/* Appends the content line line[0..len-1] folded for RFC 5545: physical
 * lines of at most 75 octets before the CRLF (continuations start with one
 * space), never splitting a UTF-8 sequence. */
ta_status tai_text_ics_line(tai_text *t, const char *line, size_t len);

#endif /* TAI_REVIEW_TEXT_H */
