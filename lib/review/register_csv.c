/*
 * Reading EVENTS.csv into a status register (ta_register_read_buffer/_csv).
 *
 * Columns Trust_code, Date and Event are required, Trust_name and Note
 * optional, matched without regard to ASCII case; other columns are ignored.
 * Each row goes through the same sequence rules as ta_register_add_event, in
 * file order, so a message names the row that made the sequence impossible.
 * The read is all or nothing: a mark taken first is rolled back on any error.
 */
#include <string.h>

#include "common/alloc.h"
#include "common/csv.h"
#include "common/file.h"
#include "register_internal.h"

enum { COL_CODE, COL_DATE, COL_EVENT, COL_NAME, COL_NOTE, N_COLS };

static const char *const column_names[N_COLS] = {"Trust_code", "Date", "Event", "Trust_name",
                                                 "Note"};

typedef struct reader {
    ta_register *r;
    tai_csv csv;
    const char *name;
    size_t col[N_COLS];
} reader;

/* c in lower case when it is an ASCII capital letter. */
static int ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : (unsigned char)c;
}

static int same_ascii_nocase(const char *a, const char *b)
{
    for (;; a++, b++) {
        int x = ascii_lower(*a);
        if (x != ascii_lower(*b))
            return 0;
        if (x == '\0')
            return 1;
    }
}

static const char *field(const reader *rd, int c, size_t *len)
{
    size_t i = rd->col[c];
    if (i == (size_t)-1 || i >= tai_csv_field_count(&rd->csv)) {
        if (len)
            *len = 0;
        return "";
    }
    return tai_csv_field(&rd->csv, i, len);
}

static size_t column_of(const reader *rd, int c)
{
    size_t i = rd->col[c];
    /* An absent column's (size_t)-1 is past every record's count too. */
    return i < tai_csv_field_count(&rd->csv) ? tai_csv_field_column(&rd->csv, i) : 1;
}

static ta_status read_header(reader *rd)
{
    int has;
    ta_status st;
    memset(rd->col, 0xff, sizeof rd->col); /* every column (size_t)-1: absent */
    if ((st = tai_csv_next(&rd->csv, &has, &rd->r->err)) != TA_OK)
        return st;
    if (!has)
        return tai_error_set(&rd->r->err, TA_EPARSE, "%s: empty file, no header", rd->name);
    for (size_t i = 0; i < tai_csv_field_count(&rd->csv); i++) {
        const char *h = tai_csv_field(&rd->csv, i, NULL);
        for (int c = 0; c < N_COLS; c++) {
            if (!same_ascii_nocase(h, column_names[c]))
                continue;
            /* Which copy would be meant is anyone's guess: refuse, never pick one. */
            if (rd->col[c] != (size_t)-1)
                return tai_error_set(
                    &rd->r->err, TA_EDUPLICATE,
                    "%s:%zu:%zu: column \"%s\" appears twice (first at column %zu)", rd->name,
                    tai_csv_record_line(&rd->csv), tai_csv_field_column(&rd->csv, i),
                    column_names[c], tai_csv_field_column(&rd->csv, rd->col[c]));
            rd->col[c] = i;
        }
    }
    for (int c = 0; c <= COL_EVENT; c++)
        if (rd->col[c] == (size_t)-1)
            return tai_error_set(&rd->r->err, TA_EPARSE, "%s:%zu: the header has no %s column",
                                 rd->name, tai_csv_record_line(&rd->csv), column_names[c]);
    return TA_OK;
}

/* The cell an impossible sequence is blamed on: the Date when the row is out
 * of order (the check that follows a ceasing comes first), else the Event. */
static int inconsistent_column(const ta_register *r, reader *rd, int32_t on)
{
    size_t t;
    const char *code = field(rd, COL_CODE, NULL);
    if (tai_strmap_get(&r->codes, code, strlen(code), &t) && !r->trusts[t].state.ceased &&
        on < r->trusts[t].last_on)
        return COL_DATE;
    return COL_EVENT;
}

static ta_status read_row(reader *rd)
{
    ta_register *r = rd->r;
    size_t line = tai_csv_record_line(&rd->csv), len;
    const char *date_text = field(rd, COL_DATE, &len);
    const char *event_text = field(rd, COL_EVENT, NULL);
    ta_register_event kind;
    ta_date d;
    int32_t on;
    ta_status st;
    char msg[TAI_ERROR_SIZE];
    if (ta_date_parse(&d, date_text, len) != TA_OK)
        return tai_error_set(&r->err, TA_EPARSE,
                             "%s:%zu:%zu: Date \"%s\" is not a date (YYYY-MM-DD)", rd->name, line,
                             column_of(rd, COL_DATE), date_text);
    (void)ta_date_to_days(&on, d);
    if (ta_register_event_parse(&kind, event_text) != TA_OK)
        return tai_error_set(&r->err, TA_EPARSE,
                             "%s:%zu:%zu: Event \"%s\" is not one of nominated, authorised, "
                             "reviewed, deauthorised, reauthorised, ft_authorised, ceased",
                             rd->name, line, column_of(rd, COL_EVENT), event_text);
    st = tai_register_add(r, field(rd, COL_CODE, NULL), field(rd, COL_NAME, NULL), on, kind,
                          field(rd, COL_NOTE, NULL));
    if (st == TA_OK)
        return TA_OK;
    memcpy(msg, r->err.msg, sizeof msg);
    return tai_error_set(
        &r->err, st == TA_EINVAL ? TA_EPARSE : st, "%s:%zu:%zu: %s", rd->name, line,
        column_of(rd, st == TA_EINCONSISTENT ? inconsistent_column(r, rd, on) : COL_CODE), msg);
}

static ta_status read_all(reader *rd)
{
    ta_status st;
    int has;
    if ((st = read_header(rd)) != TA_OK)
        return st;
    for (;;) {
        if ((st = tai_csv_next(&rd->csv, &has, &rd->r->err)) != TA_OK)
            return st;
        if (!has)
            return TA_OK;
        if (tai_csv_record_blank(&rd->csv))
            continue;
        if ((st = read_row(rd)) != TA_OK)
            return st;
    }
}

ta_status ta_register_read_buffer(ta_register *r, const char *data, size_t len, const char *name)
{
    reader rd;
    tai_reg_mark mark;
    ta_status st;
    if (!r)
        return TA_EINVAL;
    tai_error_clear(&r->err);
    if (!data && len > 0)
        return tai_error_set(&r->err, TA_EINVAL, "data is NULL");
    if (tai_register_mark(r, &mark) != TA_OK)
        return tai_error_set(&r->err, TA_ENOMEM, "out of memory");
    rd.r = r;
    rd.name = name ? name : "input";
    tai_csv_init(&rd.csv, &r->alloc, rd.name, data ? data : "", len);
    st = read_all(&rd);
    tai_csv_free(&rd.csv);
    if (st != TA_OK)
        tai_register_rollback(r, &mark);
    tai_register_mark_free(r, &mark);
    return st;
}

static ta_status parse_buffer(void *r, const char *data, size_t len, const char *name)
{
    return ta_register_read_buffer(r, data, len, name);
}

ta_status ta_register_read_file(ta_register *r, const char *path)
{
    if (!r)
        return TA_EINVAL;
    /* Every path sets the message: a failure here, or the buffer reader. */
    return tai_parse_file(&r->alloc, path, &r->err, parse_buffer, r);
}
