/*
 * Reading a proposals CSV (the `trustassess capital` input) into a portfolio.
 *
 * The reader is all-or-nothing unless the caller asks to keep going: it
 * validates every row, recording each bad one with its line and column, and
 * only then either adds the good rows (TA_CAPITAL_KEEP_GOING) or removes what
 * it added. Every input cell is kept on its proposal so that output can repeat
 * the input columns exactly as written.
 */
#include <string.h>

#include "capital_internal.h"
#include "common/alloc.h"
#include "common/csv.h"
#include "common/file.h"

enum col {
    C_SCHEME_REF,
    C_TRUST_CODE,
    C_TRUST_STATUS,
    C_AMOUNT,
    C_FUNDING,
    C_SAVINGS,
    C_SCHEME_NAME,
    C_SEGMENT,
    C_DISTRESS,
    C_VAT,
    C_WHOLE_LIFE,
    C_DEFICIT,
    C_DATE,
    N_COLS
};
#define N_REQUIRED 6

static const char *const col_names[N_COLS] = {
    "Scheme_ref",  "Trust_code",      "Trust_status",
    "Amount",      "Funding",         "Own_savings_available",
    "Scheme_name", "NOF_segment",     "Financial_distress",
    "VAT",         "Whole_life_cost", "Financial_deficit",
    "Date"};

#define MAX_YEAR_COLUMNS 64

typedef struct reader {
    ta_capital_portfolio *pf;
    tai_csv csv;
    const char *name;
    size_t col[N_COLS];                /* index of each known column, or SIZE_MAX */
    size_t year_col[MAX_YEAR_COLUMNS]; /* Savings_YYYY_YY columns */
    int32_t year[MAX_YEAR_COLUMNS];    /* ... and the financial year each starts */
    size_t n_year_cols;
    ta_status first_status;
    tai_error first; /* the first error, for the portfolio's message */
} reader;

static ta_status record(reader *rd, ta_status st, size_t line, size_t column, const tai_error *e)
{
    ta_capital_portfolio *pf = rd->pf;
    void *buf = pf->row_errors;
    if (tai_grow(&pf->alloc, &buf, &pf->row_errors_cap, pf->n_row_errors + 1,
                 sizeof *pf->row_errors) != TA_OK)
        return TA_ENOMEM;
    pf->row_errors = buf;
    tai_row_error *re = &pf->row_errors[pf->n_row_errors++];
    re->line = line;
    re->column = column;
    re->status = st;
    memcpy(re->msg, e->msg, sizeof re->msg);
    if (rd->first_status == TA_OK) {
        rd->first_status = st;
        rd->first = *e;
    }
    return TA_OK;
}

/* "Savings_2025_26" (any ASCII case): own savings of the financial year
 * starting 1 April 2025. The second year must follow the first. */
static int year_column(const char *f, size_t len, int32_t *year)
{
    int32_t y = 0;
    if (len != 15 || !tai_capital_word_eq(f, 8, "Savings_") || f[12] != '_')
        return 0;
    for (size_t k = 8; k < 12; k++) {
        if (f[k] < '0' || f[k] > '9')
            return 0;
        y = y * 10 + (f[k] - '0');
    }
    /* With f[14] a digit, only a digit f[13] can give the two digits of (y + 1) % 100. */
    if (f[14] < '0' || f[14] > '9' || y < 1 || y > 9998 ||
        (f[13] - '0') * 10 + (f[14] - '0') != (y + 1) % 100)
        return 0;
    *year = y;
    return 1;
}

/* Reads the header: finds the known columns and checks it against an earlier one;
 * sets *new_columns (which the caller starts at 0) when this header set them. */
static ta_status read_header(reader *rd, tai_error *e, int *new_columns)
{
    ta_capital_portfolio *pf = rd->pf;
    tai_csv *csv = &rd->csv;
    int has;
    ta_status st = tai_csv_next(csv, &has, e);
    if (st != TA_OK)
        return st;
    if (!has)
        return tai_error_set(e, TA_EPARSE, "%s: empty file, no header", rd->name);
    size_t nf = tai_csv_field_count(csv);
    for (int k = 0; k < N_COLS; k++)
        rd->col[k] = SIZE_MAX;
    rd->n_year_cols = 0;
    for (size_t c = 0; c < nf; c++) {
        size_t len;
        const char *f = tai_csv_field(csv, c, &len);
        int32_t year;
        if (year_column(f, len, &year)) {
            if (rd->n_year_cols == MAX_YEAR_COLUMNS)
                return tai_error_set(e, TA_EPARSE, "%s:1:%zu: more than %d Savings_ columns",
                                     rd->name, tai_csv_field_column(csv, c), MAX_YEAR_COLUMNS);
            for (size_t k = 0; k < rd->n_year_cols; k++)
                if (rd->year[k] == year)
                    return tai_error_set(e, TA_EPARSE, "%s:1:%zu: column %s given twice", rd->name,
                                         tai_csv_field_column(csv, c), tai_csv_field(csv, c, NULL));
            rd->year_col[rd->n_year_cols] = c;
            rd->year[rd->n_year_cols++] = year;
            continue;
        }
        for (int k = 0; k < N_COLS; k++) {
            if (!tai_capital_word_eq(f, len, col_names[k]))
                continue;
            if (rd->col[k] != SIZE_MAX)
                return tai_error_set(e, TA_EPARSE, "%s:1:%zu: column %s given twice", rd->name,
                                     tai_csv_field_column(csv, c), col_names[k]);
            rd->col[k] = c;
        }
    }
    for (int k = 0; k < N_REQUIRED; k++) {
        if (rd->col[k] == SIZE_MAX)
            return tai_error_set(e, TA_EPARSE, "%s:1: missing required column %s", rd->name,
                                 col_names[k]);
    }
    if (pf->columns) { /* an earlier file set them */
        int same = pf->n_columns == nf;
        for (size_t c = 0; same && c < nf; c++)
            same = strcmp(pf->columns[c], tai_csv_field(csv, c, NULL)) == 0;
        if (!same)
            return tai_error_set(e, TA_EINCONSISTENT,
                                 "%s:1: the columns differ from those of the file read before",
                                 rd->name);
        return TA_OK; /* *new_columns stays 0 */
    }
    pf->columns = tai_calloc(&pf->alloc, nf, sizeof *pf->columns);
    if (pf->columns == NULL)
        return tai_error_set(e, TA_ENOMEM, "out of memory reading %s", rd->name);
    pf->n_columns = nf;
    *new_columns = 1;
    for (size_t c = 0; c < nf; c++) {
        pf->columns[c] = tai_strdup(&pf->alloc, tai_csv_field(csv, c, NULL));
        if (pf->columns[c] == NULL)
            return tai_error_set(e, TA_ENOMEM, "out of memory reading %s", rd->name);
    }
    return TA_OK;
}

/* Field k of the current row (known column), with its column number. */
static const char *field(reader *rd, int k, size_t *len, size_t *column)
{
    size_t c = rd->col[k];
    *column = tai_csv_field_column(&rd->csv, c);
    return tai_csv_field(&rd->csv, c, len);
}

static int is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] != ' ' && s[i] != '\t')
            return 0;
    }
    return 1;
}

static ta_status money_field(reader *rd, int k, int optional, int64_t *out, size_t line,
                             size_t *bad_col, tai_error *e)
{
    size_t len, column;
    const char *s = field(rd, k, &len, &column);
    if (optional && is_blank(s, len)) {
        *out = -1;
        return TA_OK;
    }
    ta_status st = ta_money_parse_n(out, s, len);
    if (st == TA_OK)
        return TA_OK;
    *bad_col = column;
    if (st == TA_ERANGE)
        return tai_error_set(e, st,
                             "%s:%zu:%zu: %s \"%s\" is negative, has fractional pence or exceeds "
                             "£92,233,720,368,547,758.07",
                             rd->name, line, column, col_names[k], s);
    return tai_error_set(e, st,
                         "%s:%zu:%zu: %s \"%s\" is not an amount such as £99,999,999.99, "
                         "99999999.99 or £100m",
                         rd->name, line, column, col_names[k], s);
}

/* A yes/no column (any ASCII case); empty, or a column not given, is unknown. */
static ta_status flag_field(reader *rd, int k, ta_tristate *out, size_t line, size_t *bad_col,
                            tai_error *e)
{
    size_t len, column;
    *out = TA_UNKNOWN;
    if (rd->col[k] == SIZE_MAX)
        return TA_OK;
    const char *s = field(rd, k, &len, &column);
    if (tai_capital_word_eq(s, len, "yes"))
        *out = TA_YES;
    else if (tai_capital_word_eq(s, len, "no"))
        *out = TA_NO;
    else if (!is_blank(s, len)) {
        *bad_col = column;
        return tai_error_set(e, TA_EPARSE, "%s:%zu:%zu: %s \"%s\" is not yes, no or empty",
                             rd->name, line, column, col_names[k], s);
    }
    return TA_OK;
}

/* Validates the current row and builds its proposal. On a row error, *bad_col
 * and e describe it and *out is NULL with the returned status. */
static ta_status parse_row(reader *rd, size_t line, ta_capital_proposal **out, size_t *bad_col,
                           tai_error *e)
{
    ta_capital_portfolio *pf = rd->pf;
    tai_csv *csv = &rd->csv;
    size_t nf = tai_csv_field_count(csv), len, column;
    const char *s;
    *out = NULL;
    *bad_col = 0;
    if (nf != pf->n_columns)
        return tai_error_set(e, TA_EPARSE, "%s:%zu: the row has %zu fields, the header has %zu",
                             rd->name, line, nf, pf->n_columns);
    const char *code = field(rd, C_TRUST_CODE, &len, &column);
    if (!tai_capital_valid_name(code)) {
        *bad_col = column;
        return tai_error_set(e, TA_EPARSE,
                             "%s:%zu:%zu: Trust_code must be 1 to %d printable characters",
                             rd->name, line, column, TAI_CAPITAL_NAME_MAX);
    }
    const char *ref = field(rd, C_SCHEME_REF, &len, &column);
    if (!tai_capital_valid_name(ref)) {
        *bad_col = column;
        return tai_error_set(e, TA_EPARSE,
                             "%s:%zu:%zu: Scheme_ref must be 1 to %d printable characters",
                             rd->name, line, column, TAI_CAPITAL_NAME_MAX);
    }
    ta_ft_status status = TA_NHS_TRUST;
    int32_t date = 0;
    size_t date_column = 0;
    if (rd->col[C_DATE] != SIZE_MAX) {
        s = field(rd, C_DATE, &len, &column);
        date_column = column;
        if (!is_blank(s, len)) {
            ta_date d;
            if (ta_date_parse(&d, s, len) != TA_OK) {
                *bad_col = column;
                return tai_error_set(e, TA_EPARSE,
                                     "%s:%zu:%zu: Date \"%s\" is not a date (YYYY-MM-DD)", rd->name,
                                     line, column, s);
            }
            (void)ta_date_to_days(&date, d);
        }
    }
    s = field(rd, C_TRUST_STATUS, &len, &column);
    int status_given = !(date && is_blank(s, len));
    if (status_given && !tai_capital_parse_status(s, len, &status)) {
        *bad_col = column;
        return tai_error_set(e, TA_EPARSE,
                             "%s:%zu:%zu: Trust_status \"%s\" is not NHS trust, Foundation trust "
                             "or Advanced foundation trust",
                             rd->name, line, column, s);
    }
    ta_capital_funding funding;
    s = field(rd, C_FUNDING, &len, &column);
    if (!tai_capital_parse_funding(s, len, &funding)) {
        *bad_col = column;
        return tai_error_set(e, TA_EPARSE,
                             "%s:%zu:%zu: Funding \"%s\" is not Own savings, National or Mixed",
                             rd->name, line, column, s);
    }
    int64_t amount, savings, vat = 0, whole = -1;
    ta_status st;
    if ((st = money_field(rd, C_AMOUNT, 0, &amount, line, bad_col, e)) != TA_OK ||
        (st = money_field(rd, C_SAVINGS, 0, &savings, line, bad_col, e)) != TA_OK)
        return st;
    if (rd->col[C_VAT] != SIZE_MAX &&
        (st = money_field(rd, C_VAT, 1, &vat, line, bad_col, e)) != TA_OK)
        return st;
    if (rd->col[C_WHOLE_LIFE] != SIZE_MAX &&
        (st = money_field(rd, C_WHOLE_LIFE, 1, &whole, line, bad_col, e)) != TA_OK)
        return st;
    int segment = 0;
    if (rd->col[C_SEGMENT] != SIZE_MAX) {
        s = field(rd, C_SEGMENT, &len, &column);
        if (!is_blank(s, len)) {
            const char *t = s;
            while (*t == ' ' || *t == '\t')
                t++;
            size_t tl = strlen(t);
            while (tl > 0 && (t[tl - 1] == ' ' || t[tl - 1] == '\t'))
                tl--;
            if (tl != 1 || t[0] < '0' || t[0] > '5') {
                *bad_col = column;
                return tai_error_set(e, TA_EPARSE, "%s:%zu:%zu: NOF_segment \"%s\" is not 0 to 5",
                                     rd->name, line, column, s);
            }
            segment = t[0] - '0';
        }
    }
    ta_tristate distress, deficit;
    if ((st = flag_field(rd, C_DISTRESS, &distress, line, bad_col, e)) != TA_OK ||
        (st = flag_field(rd, C_DEFICIT, &deficit, line, bad_col, e)) != TA_OK)
        return st;
    /* The years given (blank cells left out), in column order. */
    int32_t years[MAX_YEAR_COLUMNS];
    int64_t year_pence[MAX_YEAR_COLUMNS];
    size_t n_years = 0;
    for (size_t k = 0; k < rd->n_year_cols; k++) {
        s = tai_csv_field(csv, rd->year_col[k], &len);
        column = tai_csv_field_column(csv, rd->year_col[k]);
        if (is_blank(s, len))
            continue;
        st = ta_money_parse_n(&year_pence[n_years], s, len);
        if (st != TA_OK) {
            *bad_col = column;
            return tai_error_set(e, st == TA_ERANGE ? TA_ERANGE : TA_EPARSE,
                                 "%s:%zu:%zu: %s \"%s\" is not an amount of savings", rd->name,
                                 line, column, pf->columns[rd->year_col[k]], s);
        }
        years[n_years++] = rd->year[k];
    }

    ta_capital_proposal *p;
    if (tai_capital_proposal_create(&p, &pf->alloc, code, ref) != TA_OK)
        return TA_ENOMEM;
    p->status = p->given = status;
    p->funding = funding;
    p->amount = amount;
    p->savings = savings;
    p->vat = vat < 0 ? 0 : vat;
    p->whole_life = whole;
    p->segment = segment;
    p->distress = distress;
    p->deficit = deficit;
    p->status_given = status_given;
    p->status_needed = !status_given;
    p->date = date;
    _Static_assert(MAX_YEAR_COLUMNS <= TAI_CAPITAL_MAX_YEARS, "a proposal holds every column");
    memcpy(p->years, years, n_years * sizeof *years);
    memcpy(p->year_pence, year_pence, n_years * sizeof *year_pence);
    p->n_years = n_years;
    p->line = line;
    p->date_column = date_column;
    if ((p->file = tai_strdup(&pf->alloc, rd->name)) == NULL) {
        ta_capital_proposal_free(p);
        return TA_ENOMEM;
    }
    if (rd->col[C_SCHEME_NAME] != SIZE_MAX) {
        char *name = tai_strdup(&pf->alloc, field(rd, C_SCHEME_NAME, &len, &column));
        if (name == NULL) {
            ta_capital_proposal_free(p);
            return TA_ENOMEM;
        }
        tai_free(&pf->alloc, p->scheme_name);
        p->scheme_name = name;
    }
    p->cells = tai_calloc(&pf->alloc, nf, sizeof *p->cells);
    if (p->cells == NULL) {
        ta_capital_proposal_free(p);
        return TA_ENOMEM;
    }
    p->n_cells = nf;
    for (size_t c = 0; c < nf; c++) {
        p->cells[c] = tai_strdup(&pf->alloc, tai_csv_field(csv, c, NULL));
        if (p->cells[c] == NULL) {
            ta_capital_proposal_free(p);
            return TA_ENOMEM;
        }
    }
    *out = p;
    return TA_OK;
}

ta_status ta_capital_portfolio_read_buffer(ta_capital_portfolio *pf, const char *data, size_t len,
                                           const char *name, unsigned flags)
{
    if (pf == NULL)
        return TA_EINVAL;
    if ((data == NULL && len > 0) || (flags & ~TA_CAPITAL_KEEP_GOING) != 0)
        return tai_error_set(&pf->err, TA_EINVAL, "proposals data is NULL or flags are unknown");
    reader rd;
    memset(&rd, 0, sizeof rd);
    rd.pf = pf;
    rd.name = name == NULL ? "proposals" : name;
    tai_csv_init(&rd.csv, &pf->alloc, rd.name, data == NULL ? "" : data, len);
    size_t start = pf->count;
    int new_columns = 0;
    tai_error e;
    e.msg[0] = '\0';
    ta_status st = read_header(&rd, &e, &new_columns);
    while (st == TA_OK) {
        int has;
        st = tai_csv_next(&rd.csv, &has, &e);
        if (st != TA_OK) {
            /* A syntax error: the reader cannot find the next row, so the read ends.
             * It is recorded where the message puts it (an unterminated quote: where
             * the quote opened), not where the reader stopped. */
            if (st != TA_ENOMEM && record(&rd, st, rd.csv.err_line, rd.csv.err_column, &e) != TA_OK)
                st = TA_ENOMEM;
            break;
        }
        if (!has)
            break;
        size_t line = tai_csv_record_line(&rd.csv), flen;
        const char *f0 = tai_csv_field(&rd.csv, 0, &flen);
        if (tai_csv_field_count(&rd.csv) == 1 && is_blank(f0, flen))
            continue;
        ta_capital_proposal *p;
        size_t bad_col;
        ta_status rs = parse_row(&rd, line, &p, &bad_col, &e);
        if (rs == TA_ENOMEM) {
            st = tai_error_set(&e, TA_ENOMEM, "out of memory reading %s", rd.name);
            break;
        }
        if (rs != TA_OK) {
            if (record(&rd, rs, line, bad_col, &e) != TA_OK) {
                st = tai_error_set(&e, TA_ENOMEM, "out of memory reading %s", rd.name);
                break;
            }
            continue;
        }
        if (tai_capital_portfolio_push(pf, p) != TA_OK) {
            ta_capital_proposal_free(p);
            st = tai_error_set(&e, TA_ENOMEM, "out of memory reading %s", rd.name);
            break;
        }
    }
    tai_csv_free(&rd.csv);
    if (st == TA_OK && rd.first_status != TA_OK && !(flags & TA_CAPITAL_KEEP_GOING)) {
        st = rd.first_status;
        e = rd.first;
    }
    if (st != TA_OK) {
        /* Nothing of this read stays, except the recorded row errors. */
        while (pf->count > start)
            ta_capital_proposal_free(pf->items[--pf->count]);
        if (new_columns) {
            for (size_t c = 0; c < pf->n_columns; c++)
                tai_free(&pf->alloc, pf->columns[c]);
            tai_free(&pf->alloc, pf->columns);
            pf->columns = NULL;
            pf->n_columns = 0;
        }
        pf->err = e;
        return st;
    }
    tai_error_clear(&pf->err);
    return TA_OK;
}

/* The portfolio and the flags of one read, for tai_parse_file. */
typedef struct read_call {
    ta_capital_portfolio *pf;
    unsigned flags;
} read_call;

static ta_status parse_buffer(void *call, const char *data, size_t len, const char *name)
{
    read_call *c = call;
    return ta_capital_portfolio_read_buffer(c->pf, data, len, name, c->flags);
}

ta_status ta_capital_portfolio_read_file(ta_capital_portfolio *pf, const char *path, unsigned flags)
{
    read_call call = {pf, flags};
    if (pf == NULL)
        return TA_EINVAL;
    if (path == NULL)
        return tai_error_set(&pf->err, TA_EINVAL, "proposals file path is NULL");
    return tai_parse_file(&pf->alloc, path, &pf->err, parse_buffer, &call);
}
