/*
 * Internal: the iCalendar text encodings the review exports need, written
 * into the common growing string (common/text.h).
 *
 * The encoders (RFC 5545 TEXT escaping and line folding) are here, apart
 * from the schedule, so the tests can reach each rule on its own (the fold
 * at exactly 75 octets, a UTF-8 sequence on the fold).
 */
#ifndef TAI_REVIEW_ICS_TEXT_H
#define TAI_REVIEW_ICS_TEXT_H

#include <stddef.h>

#include "common/text.h"

/* s with RFC 5545 TEXT escaping: \ ; , become \\ \; \, and a line break
 * (CRLF, LF or a lone CR) becomes \n. */
ta_status tai_text_ics_escape(tai_text *t, const char *s);
/* Appends the content line line[0..len-1] folded for RFC 5545: physical
 * lines of at most 75 octets before the CRLF (continuations start with one
 * space), never splitting a UTF-8 sequence. */
ta_status tai_text_ics_line(tai_text *t, const char *line, size_t len);

#endif /* TAI_REVIEW_ICS_TEXT_H */
