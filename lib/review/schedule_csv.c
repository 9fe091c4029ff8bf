/*
 * Reading TRUSTS.csv into a review schedule (ta_review_schedule_read_buffer, and
 * ta_review_schedule_read_file through the one file wrapper, lib/common/file.h).
 *
 * The file is all or nothing: every row is read and checked first (dates,
 * codes, duplicates within the file and against trusts already added, a
 * review before the authorisation), into a list of rows and a new code map
 * holding the old codes and the new. Only when everything passed are the rows
 * appended (their space reserved beforehand) and the maps swapped, a step that
 * cannot fail, so a bad row or a failed allocation leaves the schedule as it
 * was. Messages are "NAME:LINE:COLUMN: ..." so the row can be found.
 */
#include <string.h>

#include "common/alloc.h"
#include "common/csv.h"
#include "common/file.h"
#include "schedule.h"

enum { COL_CODE, COL_NAME, COL_AUTHORISED, COL_REVIEWED, COL_CEASES, N_COLS };

static const char *const column_names[N_COLS] = {"Trust_code", "Trust_name", "Authorised_on",
                                                 "Last_reviewed_on", "Ceases_on"};

typedef struct reader {
    ta_review_schedule *s;
    tai_csv csv;
    const char *name;
    size_t col[N_COLS]; /* field index of each column; (size_t)-1 when absent */
    tai_review_trust *rows;
    size_t n_rows, cap_rows;
    tai_strmap codes; /* old codes and new */
} reader;

/* Field i of the current record ("" when the record is short). */
static const char *field(reader *r, int c, size_t *len)
{
    size_t i = r->col[c];
    if (i == (size_t)-1 || i >= tai_csv_field_count(&r->csv)) {
        *len = 0;
        return "";
    }
    return tai_csv_field(&r->csv, i, len);
}

static size_t column_of(reader *r, int c)
{
    size_t i = r->col[c];
    return i < tai_csv_field_count(&r->csv) ? tai_csv_field_column(&r->csv, i) : 1;
}

/* Parses column c as a date into *rd; an empty optional field gives 0. */
static ta_status date_field(reader *r, int c, int optional, int32_t *rd)
{
    size_t len;
    const char *text = field(r, c, &len);
    ta_date d;
    *rd = 0;
    if (len == 0 && optional)
        return TA_OK;
    if (ta_date_parse(&d, text, len) != TA_OK)
        return tai_error_set(&r->s->err, TA_EPARSE,
                             "%s:%zu:%zu: %s \"%s\" is not a date (YYYY-MM-DD)", r->name,
                             tai_csv_record_line(&r->csv), column_of(r, c), column_names[c], text);
    (void)ta_date_to_days(rd, d);
    return TA_OK;
}

static ta_status read_header(reader *r)
{
    int has;
    ta_status st;
    memset(r->col, 0xff, sizeof r->col); /* every column (size_t)-1: absent */
    if ((st = tai_csv_next(&r->csv, &has, &r->s->err)) != TA_OK)
        return st;
    if (!has)
        return tai_error_set(&r->s->err, TA_EPARSE, "%s: empty file, no header", r->name);
    for (size_t i = 0; i < tai_csv_field_count(&r->csv); i++) {
        const char *h = tai_csv_field(&r->csv, i, NULL);
        for (int c = 0; c < N_COLS; c++)
            if (strcmp(h, column_names[c]) == 0 && r->col[c] == (size_t)-1)
                r->col[c] = i;
    }
    for (int c = 0; c < COL_CEASES; c++)
        if (r->col[c] == (size_t)-1)
            return tai_error_set(&r->s->err, TA_EPARSE, "%s:%zu: the header has no %s column",
                                 r->name, tai_csv_record_line(&r->csv), column_names[c]);
    return TA_OK;
}

/* Checks the current record and appends it to r->rows. */
static ta_status read_row(reader *r)
{
    ta_review_schedule *s = r->s;
    size_t line = tai_csv_record_line(&r->csv), len, name_len;
    const char *code = field(r, COL_CODE, &len);
    const char *name = field(r, COL_NAME, &name_len);
    tai_review_trust row;
    ta_status st;
    char a[TA_DATE_TEXT_SIZE], b[TA_DATE_TEXT_SIZE];
    memset(&row, 0, sizeof row);
    if (!tai_review_code_ok(code))
        return tai_error_set(&s->err, TA_EPARSE,
                             "%s:%zu:%zu: Trust_code \"%s\" must be 1 to 16 printable ASCII "
                             "characters without spaces",
                             r->name, line, column_of(r, COL_CODE), code);
    if (name_len > 200)
        return tai_error_set(&s->err, TA_EPARSE, "%s:%zu:%zu: Trust_name is over 200 bytes",
                             r->name, line, column_of(r, COL_NAME));
    if ((st = date_field(r, COL_AUTHORISED, 0, &row.authorised)) != TA_OK ||
        (st = date_field(r, COL_REVIEWED, 1, &row.last_review)) != TA_OK ||
        (st = date_field(r, COL_CEASES, 1, &row.ends)) != TA_OK)
        return st;
    for (int c = COL_REVIEWED; c <= COL_CEASES; c++) {
        int32_t when = c == COL_REVIEWED ? row.last_review : row.ends;
        ta_date d;
        if (!when || when >= row.authorised)
            continue;
        (void)ta_date_from_days(&d, when);
        (void)ta_date_format(a, sizeof a, d);
        (void)ta_date_from_days(&d, row.authorised);
        (void)ta_date_format(b, sizeof b, d);
        return tai_error_set(&s->err, TA_EINCONSISTENT,
                             "%s:%zu:%zu: trust %s: %s %s is before Authorised_on %s", r->name,
                             line, column_of(r, c), code, column_names[c], a, b);
    }
    if (tai_strmap_get(&r->codes, code, len, NULL))
        return tai_error_set(&s->err, TA_EDUPLICATE,
                             "%s:%zu:%zu: trust %s appears twice (or is already in the "
                             "schedule)",
                             r->name, line, column_of(r, COL_CODE), code);
    if (tai_grow(&s->alloc, (void **)&r->rows, &r->cap_rows, r->n_rows + 1, sizeof *r->rows) !=
            TA_OK ||
        !(row.code = tai_strdup(&s->alloc, code)) || !(row.name = tai_strdup(&s->alloc, name)) ||
        !(row.file = tai_strdup(&s->alloc, r->name)) ||
        tai_strmap_put(&r->codes, code, len, s->n_trusts + r->n_rows, NULL, NULL) != TA_OK) {
        tai_free(&s->alloc, row.code);
        tai_free(&s->alloc, row.name);
        tai_free(&s->alloc, row.file);
        return tai_error_set(&s->err, TA_ENOMEM, "%s:%zu: out of memory", r->name, line);
    }
    row.line = line;
    row.column = column_of(r, row.last_review > row.authorised ? COL_REVIEWED : COL_AUTHORISED);
    r->rows[r->n_rows++] = row;
    return TA_OK;
}

static ta_status read_all(reader *r)
{
    ta_review_schedule *s = r->s;
    ta_status st;
    int has;
    for (size_t i = 0; i < s->n_trusts; i++)
        if (tai_strmap_put(&r->codes, s->trusts[i].code, strlen(s->trusts[i].code), i, NULL,
                           NULL) != TA_OK)
            return tai_error_set(&s->err, TA_ENOMEM, "%s: out of memory", r->name);
    if ((st = read_header(r)) != TA_OK)
        return st;
    for (;;) {
        if ((st = tai_csv_next(&r->csv, &has, &s->err)) != TA_OK)
            return st;
        if (!has)
            break;
        if (tai_csv_record_blank(&r->csv))
            continue;
        if ((st = read_row(r)) != TA_OK)
            return st;
    }
    if (tai_grow(&s->alloc, (void **)&s->trusts, &s->cap_trusts, s->n_trusts + r->n_rows,
                 sizeof *s->trusts) != TA_OK)
        return tai_error_set(&s->err, TA_ENOMEM, "%s: out of memory", r->name);
    return TA_OK;
}

ta_status ta_review_schedule_read_buffer(ta_review_schedule *s, const char *data, size_t len,
                                         const char *name)
{
    reader r;
    ta_status st;
    tai_strmap old;
    if (!s)
        return TA_EINVAL;
    tai_error_clear(&s->err);
    if (!data && len > 0)
        return tai_error_set(&s->err, TA_EINVAL, "data is NULL");
    memset(&r, 0, sizeof r);
    r.s = s;
    r.name = name ? name : "input";
    tai_csv_init(&r.csv, &s->alloc, r.name, data ? data : "", len);
    tai_strmap_init(&r.codes, &s->alloc);
    st = read_all(&r);
    tai_csv_free(&r.csv);
    if (st != TA_OK) {
        for (size_t i = 0; i < r.n_rows; i++) {
            tai_free(&s->alloc, r.rows[i].code);
            tai_free(&s->alloc, r.rows[i].name);
            tai_free(&s->alloc, r.rows[i].file);
        }
        tai_free(&s->alloc, r.rows);
        tai_strmap_free(&r.codes);
        return st;
    }
    for (size_t i = 0; i < r.n_rows; i++)
        s->trusts[s->n_trusts++] = r.rows[i];
    tai_free(&s->alloc, r.rows);
    old = s->codes;
    s->codes = r.codes;
    tai_strmap_free(&old);
    tai_review_changed(s);
    return TA_OK;
}

/* ta_review_schedule_read_buffer as a tai_buffer_parser. */
static ta_status parse_buffer(void *s, const char *data, size_t len, const char *name)
{
    return ta_review_schedule_read_buffer(s, data, len, name);
}

ta_status ta_review_schedule_read_file(ta_review_schedule *s, const char *path)
{
    if (!s)
        return TA_EINVAL;
    /* Every path sets the message: a failure here, or the buffer reader. */
    return tai_parse_file(&s->alloc, path, &s->err, parse_buffer, s);
}
