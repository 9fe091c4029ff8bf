/*
 * An RFC 4180 CSV reader over bytes already in memory.
 *
 * NHS England's files are a few megabytes and are read whole (file.c), so the
 * reader works on one buffer and tracks line and column itself for messages.
 * Speed comes from not allocating per field: a record's fields are copied,
 * NUL-terminated, into one reusable buffer, with three parallel arrays for
 * offsets, lengths and columns that only grow. Each run of ordinary bytes is
 * found with one table lookup per byte and copied with one memcpy, so a 2.3 MB
 * file takes a few milliseconds.
 *
 * Line numbers count every line break, including those inside quoted fields,
 * so a message points where an editor would. Columns are 1-based bytes from
 * the start of the line; on the first line they are counted after a UTF-8
 * byte-order mark. Text must be UTF-8: a record holding a byte sequence that
 * is not is refused, so no invalid text travels on into the library's output.
 * A message names the file as "NAME:LINE:COLUMN: what"
 * ("input" when no name was given). After an error the reader reports the end
 * of the data, so a caller that ignores the status cannot misread the rest.
 */
#include "csv.h"

#include <string.h>

#include "alloc.h"

/* Bytes that end a run of ordinary field bytes, looked up once per byte:
 * STOP_PLAIN in an unquoted field, STOP_QUOTED inside quotes. */
#define STOP_PLAIN 1
#define STOP_QUOTED 2
static const unsigned char stops[256] = {
    ['\0'] = STOP_PLAIN | STOP_QUOTED,
    ['\n'] = STOP_PLAIN | STOP_QUOTED,
    ['\r'] = STOP_PLAIN | STOP_QUOTED,
    ['"'] = STOP_PLAIN | STOP_QUOTED,
    [','] = STOP_PLAIN,
};

void tai_csv_init(tai_csv *r, const ta_allocator *alloc, const char *name, const char *data,
                  size_t len)
{
    memset(r, 0, sizeof *r);
    r->alloc = alloc;
    r->name = name;
    r->data = data;
    r->len = len;
    r->line = 1;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        r->pos = 3;
        r->line_start = 3;
    }
}

static const char *input_name(const tai_csv *r)
{
    return r->name != NULL ? r->name : "input";
}

/* Both error paths stop the reader (see above). */
static ta_status fail(tai_csv *r, tai_error *err, size_t line, size_t column, const char *what)
{
    r->pos = r->len;
    r->n_fields = 0;
    r->err_line = line;
    r->err_column = column;
    return tai_error_set(err, TA_EPARSE, "%s:%zu:%zu: %s", input_name(r), line, column, what);
}

static ta_status out_of_memory(tai_csv *r, tai_error *err)
{
    r->pos = r->len;
    r->n_fields = 0;
    return tai_error_set(err, TA_ENOMEM, "%s: out of memory reading CSV", input_name(r));
}

/* Appends data[from .. from+n-1] to the field buffer, keeping room for a NUL. */
static ta_status append(tai_csv *r, size_t from, size_t n)
{
    void *buf = r->buf;

    if (tai_grow(r->alloc, &buf, &r->buf_cap, r->buf_len + n + 1, 1) != TA_OK)
        return TA_ENOMEM;
    r->buf = buf;
    memcpy(r->buf + r->buf_len, r->data + from, n);
    r->buf_len += n;
    return TA_OK;
}

/* Makes room for one more field in the three parallel arrays. */
static ta_status reserve_field(tai_csv *r)
{
    size_t cap = r->fields_cap == 0 ? 16 : r->fields_cap * 2;
    size_t *p;

    if (r->n_fields < r->fields_cap)
        return TA_OK;
    /* Each array that grows is kept even if a later one fails: it is only larger. */
    p = tai_reallocarray(r->alloc, r->offsets, cap, sizeof *p);
    if (p == NULL)
        return TA_ENOMEM;
    r->offsets = p;
    p = tai_reallocarray(r->alloc, r->columns, cap, sizeof *p);
    if (p == NULL)
        return TA_ENOMEM;
    r->columns = p;
    p = tai_reallocarray(r->alloc, r->lengths, cap, sizeof *p);
    if (p == NULL)
        return TA_ENOMEM;
    r->lengths = p;
    r->fields_cap = cap;
    return TA_OK;
}

/* Consumes a line break at pos (CRLF, LF or CR) and moves to the next line. */
static void skip_newline(tai_csv *r)
{
    if (r->data[r->pos] == '\r' && r->pos + 1 < r->len && r->data[r->pos + 1] == '\n')
        r->pos++;
    r->pos++;
    r->line++;
    r->line_start = r->pos;
}

/* Reads a quoted field whose opening quote is at pos. */
static ta_status read_quoted(tai_csv *r, tai_error *err)
{
    const char *d = r->data;
    size_t open_line = r->line, open_column = r->pos - r->line_start + 1;
    size_t run;

    r->pos++;
    for (;;) {
        run = r->pos;
        while (run < r->len && !(stops[(unsigned char)d[run]] & STOP_QUOTED))
            run++;
        if (append(r, r->pos, run - r->pos) != TA_OK)
            return TA_ENOMEM;
        r->pos = run;
        if (run == r->len)
            return fail(r, err, open_line, open_column, "quoted field is not terminated");
        if (d[run] == '\0')
            return fail(r, err, r->line, run - r->line_start + 1, "NUL byte in input");
        if (d[run] == '"') {
            if (run + 1 < r->len && d[run + 1] == '"') {
                if (append(r, run, 1) != TA_OK)
                    return TA_ENOMEM;
                r->pos = run + 2;
                continue;
            }
            r->pos = run + 1;
            break;
        }
        /* A line break inside the field is part of its text. */
        skip_newline(r);
        if (append(r, run, r->pos - run) != TA_OK)
            return TA_ENOMEM;
    }
    if (r->pos < r->len && d[r->pos] != ',' && d[r->pos] != '\n' && d[r->pos] != '\r') {
        size_t close_line = r->line, close_column = r->pos - r->line_start;
        if (close_line == open_line)
            return fail(r, err, r->line, r->pos - r->line_start + 1,
                        "unexpected character after closing quote");
        /* A quote that spans lines and is followed by text is almost always
         * an unterminated quote that swallowed lines up to the next quote:
         * report it where it was opened, and say where it ended. */
        fail(r, err, open_line, open_column, "");
        return tai_error_set(err, TA_EPARSE,
                             "%s:%zu:%zu: quoted field is not terminated (the quote on line %zu, "
                             "column %zu that would close it is followed by text)",
                             input_name(r), open_line, open_column, close_line, close_column);
    }
    return TA_OK;
}

/* Reads an unquoted field starting at pos. */
static ta_status read_plain(tai_csv *r, tai_error *err)
{
    const char *d = r->data;
    size_t run = r->pos;

    while (run < r->len && !(stops[(unsigned char)d[run]] & STOP_PLAIN))
        run++;
    if (run < r->len && d[run] == '"')
        return fail(r, err, r->line, run - r->line_start + 1, "quote inside an unquoted field");
    if (run < r->len && d[run] == '\0')
        return fail(r, err, r->line, run - r->line_start + 1, "NUL byte in input");
    if (append(r, r->pos, run - r->pos) != TA_OK)
        return TA_ENOMEM;
    r->pos = run;
    return TA_OK;
}

/* The length of the well-formed UTF-8 sequence at d[0 .. n-1] (RFC 3629: no
 * overlong forms, no surrogates, nothing above U+10FFFF), or 0. d[0] >= 0x80:
 * the caller steps over ASCII itself. */
static size_t utf8_sequence(const unsigned char *d, size_t n)
{
    size_t need;
    unsigned lo = 0x80, hi = 0xBF;
    if (d[0] >= 0xC2 && d[0] <= 0xDF)
        need = 2;
    else if (d[0] >= 0xE0 && d[0] <= 0xEF) {
        need = 3;
        lo = d[0] == 0xE0 ? 0xA0 : 0x80;
        hi = d[0] == 0xED ? 0x9F : 0xBF;
    } else if (d[0] >= 0xF0 && d[0] <= 0xF4) {
        need = 4;
        lo = d[0] == 0xF0 ? 0x90 : 0x80;
        hi = d[0] == 0xF4 ? 0x8F : 0xBF;
    } else
        return 0;
    if (n < need || d[1] < lo || d[1] > hi)
        return 0;
    for (size_t k = 2; k < need; k++)
        if (d[k] < 0x80 || d[k] > 0xBF)
            return 0;
    return need;
}

/* Checks that the record just read, data[from .. r->pos-1], is UTF-8; names
 * the line and column of the first byte that is not. Invalid text is refused
 * here, once, so that no name copied from the input can make the JSON, CSV or
 * iCalendar written from it invalid. */
static ta_status check_utf8(tai_csv *r, size_t from, size_t from_line_start, tai_error *err)
{
    const unsigned char *d = (const unsigned char *)r->data;
    size_t line = r->record_line, line_start = from_line_start;
    for (size_t k = from; k < r->pos;) {
        size_t n;
        if (d[k] < 0x80) {
            /* CR, LF and CRLF each end a line. The LF of a CRLF is found by
             * looking back within the record, never ahead: the byte after
             * the record may lie past the caller's buffer. */
            if (d[k] == '\n' || d[k] == '\r') {
                if (!(d[k] == '\n' && k != from && d[k - 1] == '\r'))
                    line++;
                line_start = k + 1;
            }
            k++;
            continue;
        }
        if ((n = utf8_sequence(d + k, r->len - k)) == 0)
            return fail(r, err, line, k - line_start + 1, "invalid UTF-8");
        k += n;
    }
    return TA_OK;
}

ta_status tai_csv_next(tai_csv *r, int *has_record, tai_error *err)
{
    size_t from = r->pos, from_line_start = r->line_start;
    ta_status st;

    *has_record = 0;
    r->n_fields = 0;
    r->buf_len = 0;
    if (r->pos >= r->len)
        return TA_OK;
    r->record_line = r->line;
    for (;;) {
        if (reserve_field(r) != TA_OK)
            return out_of_memory(r, err);
        r->offsets[r->n_fields] = r->buf_len;
        r->columns[r->n_fields] = r->pos - r->line_start + 1;
        if (r->pos < r->len && r->data[r->pos] == '"')
            st = read_quoted(r, err);
        else
            st = read_plain(r, err);
        if (st == TA_ENOMEM)
            return out_of_memory(r, err);
        if (st != TA_OK)
            return st;
        r->lengths[r->n_fields] = r->buf_len - r->offsets[r->n_fields];
        r->buf[r->buf_len++] = '\0'; /* append() left room for it */
        r->n_fields++;
        if (r->pos < r->len && r->data[r->pos] == ',') {
            r->pos++;
            continue;
        }
        if (r->pos < r->len)
            skip_newline(r);
        break;
    }
    if ((st = check_utf8(r, from, from_line_start, err)) != TA_OK)
        return st;
    *has_record = 1;
    return TA_OK;
}

size_t tai_csv_field_count(const tai_csv *r)
{
    return r->n_fields;
}

int tai_csv_record_blank(const tai_csv *r)
{
    return r->n_fields == 1 && r->lengths[0] == 0;
}

/* NULL (and *len = 0) for i out of range. */
const char *tai_csv_field(const tai_csv *r, size_t i, size_t *len)
{
    if (i >= r->n_fields) {
        if (len != NULL)
            *len = 0;
        return NULL;
    }
    if (len != NULL)
        *len = r->lengths[i];
    return r->buf + r->offsets[i];
}

size_t tai_csv_record_line(const tai_csv *r)
{
    return r->record_line;
}

/* 0 for i out of range. */
size_t tai_csv_field_column(const tai_csv *r, size_t i)
{
    return i < r->n_fields ? r->columns[i] : 0;
}

void tai_csv_free(tai_csv *r)
{
    if (r == NULL)
        return;
    tai_free(r->alloc, r->buf);
    tai_free(r->alloc, r->offsets);
    tai_free(r->alloc, r->columns);
    tai_free(r->alloc, r->lengths);
    r->buf = NULL;
    r->offsets = r->columns = r->lengths = NULL;
    r->buf_len = r->buf_cap = r->n_fields = r->fields_cap = 0;
}
