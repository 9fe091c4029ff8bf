/*
 * The trustassess command: tables as an Excel workbook (--format xlsx).
 *
 * Analysts open results in Excel, so a workbook carries the types a CSV file
 * loses: numbers are numbers (shown with the decimals the command printed),
 * money is currency, dates are dates; text stays text (the deficit flag's
 * "Yes"/"No" and the likely ranges' "1.21 to 1.9" as NHS England writes them,
 * so that the sheet saved as CSV is the command's CSV). Each table is a sheet
 * with a bold, frozen header row, an autofilter and columns as wide as their
 * text; a last sheet, "About", holds the data's source and licence.
 *
 * libxlsxwriter (Debian libxlsxwriter-dev) is used here, in the command, and
 * never in the library. It writes to a named file only, so the workbook is
 * written to a private temporary file, read back into the output buffer and
 * removed; the buffer then goes through the same atomic -o write as any
 * other output.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "cli.h"
#include "output.h"

enum { MAX_WIDTH = 60, SHEET_NAME_MAX = 31 };

/* Display width of UTF-8 text (code points). */
static size_t text_width(const char *s)
{
    size_t w = 0;
    for (; s && *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            w++;
    return w;
}

/* Decimal places of a number's text ("2.06" -> 2, "17" -> 0). */
static int decimals_of(const char *text)
{
    const char *dot = strchr(text, '.');
    return dot ? (int)strlen(dot + 1) : 0;
}

typedef struct formats {
    lxw_format *header, *date, *money, *number[7]; /* number[d]: d decimals */
} formats;

static lxw_format *number_format(lxw_workbook *wb, formats *f, int decimals)
{
    static const char *const patterns[] = {"0",      "0.0",     "0.00",    "0.000",
                                           "0.0000", "0.00000", "0.000000"};
    if (decimals < 0)
        decimals = 0;
    if (decimals > 6)
        decimals = 6;
    if (!f->number[decimals]) {
        f->number[decimals] = workbook_add_format(wb);
        format_set_num_format(f->number[decimals], patterns[decimals]);
    }
    return f->number[decimals];
}

static lxw_error write_cell(lxw_workbook *wb, lxw_worksheet *ws, formats *f, lxw_row_t r,
                            lxw_col_t c, const cli_cell *cell)
{
    double x;
    ta_date d;
    switch (cell->kind) {
    case CLI_CELL_NULL:
        return LXW_NO_ERROR;
    case CLI_CELL_NUMBER:
        if (ta_decimal_parse(&x, cell->text) != TA_OK)
            break;
        return worksheet_write_number(ws, r, c, x, number_format(wb, f, decimals_of(cell->text)));
    case CLI_CELL_MONEY:
        if (ta_decimal_parse(&x, cell->text) != TA_OK)
            break;
        return worksheet_write_number(ws, r, c, x, f->money);
    case CLI_CELL_DATE: {
        lxw_datetime dt = {0};
        if (ta_date_parse(&d, cell->text, strlen(cell->text)) != TA_OK)
            break;
        dt.year = d.year;
        dt.month = d.month;
        dt.day = d.day;
        return worksheet_write_datetime(ws, r, c, &dt, f->date);
    }
    case CLI_CELL_TEXT:
    case CLI_CELL_BOOL:
    case CLI_CELL_RANGE:
    case CLI_CELL_LIST:
        break;
    }
    return worksheet_write_string(ws, r, c, cell->text, NULL);
}

/* A sheet name Excel accepts: at most 31 characters, none of []:*?/\. */
static void sheet_name(char *buf, size_t size, const char *name)
{
    size_t n = 0;
    for (const char *p = name; *p && n + 1 < size && n < SHEET_NAME_MAX; p++)
        buf[n++] = strchr("[]:*?/\\", *p) ? '_' : *p;
    buf[n] = '\0';
}

static lxw_error write_sheet(lxw_workbook *wb, formats *f, const cli_sheet *s)
{
    const cli_table *t = s->table;
    char name[SHEET_NAME_MAX + 1];
    lxw_worksheet *ws;
    lxw_error err = LXW_NO_ERROR;
    sheet_name(name, sizeof name, s->name);
    if (!(ws = workbook_add_worksheet(wb, name)))
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    for (size_t c = 0; c < t->ncols && !err; c++) {
        size_t w = text_width(t->names[c]);
        err = worksheet_write_string(ws, 0, (lxw_col_t)c, t->names[c], f->header);
        for (size_t r = 0; r < t->nrows && !err; r++) {
            const cli_cell *cell = &t->cells[r * t->ncols + c];
            size_t cw = cell->kind == CLI_CELL_DATE ? 10 : text_width(cell->text);
            if (cw > w)
                w = cw;
            err = write_cell(wb, ws, f, (lxw_row_t)(r + 1), (lxw_col_t)c, cell);
        }
        if (!err)
            err = worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
                                       (double)(w > MAX_WIDTH ? MAX_WIDTH : w) + 2, NULL);
    }
    worksheet_freeze_panes(ws, 1, 0);
    if (!err && t->ncols > 0)
        err = worksheet_autofilter(ws, 0, 0, (lxw_row_t)t->nrows, (lxw_col_t)(t->ncols - 1));
    return err;
}

static lxw_error write_about(lxw_workbook *wb, formats *f, const char *const *about, size_t nabout)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, "About");
    char line[128];
    lxw_error err;
    if (!ws)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    err = worksheet_write_string(ws, 0, 0, "About this workbook", f->header);
    for (size_t k = 0; k < nabout && !err; k++)
        err = worksheet_write_string(ws, (lxw_row_t)(k + 1), 0, about[k], NULL);
    snprintf(line, sizeof line, "Written by trustassess %s (libtrustassess).", ta_version_string());
    if (!err)
        err = worksheet_write_string(ws, (lxw_row_t)(nabout + 1), 0, line, NULL);
    if (!err)
        err = worksheet_set_column(ws, 0, 0, 120, NULL);
    return err;
}

/* The whole of the file at path into b. */
static int slurp(cli_buf *b, const char *path)
{
    FILE *fp = fopen(path, "rb");
    char chunk[65536];
    size_t n;
    int ok;
    if (!fp)
        return 0;
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
        cli_buf_add(b, chunk, n);
    ok = !ferror(fp) && !b->failed;
    fclose(fp);
    return ok;
}

int cli_xlsx_write(cli_buf *b, const cli_sheet *sheets, size_t n, const char *const *about,
                   size_t nabout)
{
    const char *dir = getenv("TMPDIR");
    char path[4096];
    lxw_workbook *wb;
    formats f = {0};
    lxw_error err = LXW_NO_ERROR;
    int fd, ok;
    if (!dir || !*dir)
        dir = "/tmp";
    if (snprintf(path, sizeof path, "%s/trustassess-xlsx.XXXXXX", dir) >= (int)sizeof path)
        return cli_error(CLI_INPUT, "TMPDIR is too long");
    if ((fd = mkstemp(path)) < 0)
        return cli_error(CLI_INPUT, "cannot make a temporary file in %s: %s", dir, strerror(errno));
    close(fd);
    if (!(wb = workbook_new(path))) {
        unlink(path);
        return cli_error(CLI_INPUT, "cannot start a workbook (out of memory?)");
    }
    f.header = workbook_add_format(wb);
    format_set_bold(f.header);
    format_set_bottom(f.header, LXW_BORDER_THIN);
    f.date = workbook_add_format(wb);
    format_set_num_format(f.date, "yyyy-mm-dd");
    f.money = workbook_add_format(wb);
    format_set_num_format(f.money, "[$\xC2\xA3-809]#,##0.00");
    for (size_t k = 0; k < n && !err; k++)
        err = write_sheet(wb, &f, &sheets[k]);
    if (!err)
        err = write_about(wb, &f, about, nabout);
    if (err) {
        workbook_close(wb);
        unlink(path);
        return cli_error(CLI_INPUT, "writing the workbook: %s", lxw_strerror(err));
    }
    if ((err = workbook_close(wb)) != LXW_NO_ERROR) {
        unlink(path);
        return cli_error(CLI_INPUT, "writing the workbook: %s", lxw_strerror(err));
    }
    ok = slurp(b, path);
    unlink(path);
    return ok ? CLI_OK : cli_error(CLI_INPUT, "reading back the workbook failed");
}
