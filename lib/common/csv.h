/*
 * Internal: an RFC 4180 CSV reader over bytes in memory.
 *
 * It accepts what NHS England and spreadsheets write: a UTF-8 byte-order mark
 * at the start (skipped), CRLF or LF line ends (a lone CR also ends a line),
 * quoted fields with "" for a quote and embedded commas and line breaks, empty
 * fields, and a missing line end after the last record. It rejects, naming the
 * line and column (1-based, in bytes), a quote inside an unquoted field,
 * characters after a closing quote, an unterminated quoted field, a NUL byte
 * and bytes that are not UTF-8 (RFC 3629). Fields are copied NUL-terminated
 * into the reader's buffer, valid until the next call to tai_csv_next.
 */
#ifndef TAI_CSV_H
#define TAI_CSV_H

#include <stddef.h>

#include "error.h"
#include "trustassess/common.h"

typedef struct tai_csv {
    const ta_allocator *alloc;
    const char *name; /* file name for messages (not copied) */
    const char *data;
    size_t len;
    size_t pos;
    size_t line;                 /* line number of the next byte to read (1-based) */
    size_t line_start;           /* offset of that line's first byte */
    size_t record_line;          /* line the current record started on */
    size_t err_line, err_column; /* where the last syntax error is (its message's LINE:COLUMN) */
    char *buf;                   /* field bytes, each NUL-terminated */
    size_t buf_len, buf_cap;
    size_t *offsets; /* offset of field i in buf */
    size_t *columns; /* byte column where field i starts */
    size_t *lengths; /* length of field i */
    size_t n_fields, fields_cap;
} tai_csv;

/* Starts reading data[0 .. len-1]; name labels messages. No allocation yet. */
void tai_csv_init(tai_csv *r, const ta_allocator *alloc, const char *name, const char *data,
                  size_t len);
/* Reads the next record. *has_record = 0 at the end of the data. A blank line
 * (no bytes at all) is a record with one empty field. On error the message is
 * "NAME:LINE:COLUMN: what". */
ta_status tai_csv_next(tai_csv *r, int *has_record, tai_error *err);
size_t tai_csv_field_count(const tai_csv *r);
/* 1 when the current record is a blank line (one empty field), else 0. */
int tai_csv_record_blank(const tai_csv *r);
/* Field i's text, NUL-terminated; *len (if not NULL) receives its length. */
const char *tai_csv_field(const tai_csv *r, size_t i, size_t *len);
/* The line the current record started on, and field i's starting column. */
size_t tai_csv_record_line(const tai_csv *r);
size_t tai_csv_field_column(const tai_csv *r, size_t i);
void tai_csv_free(tai_csv *r);

#endif /* TAI_CSV_H */
