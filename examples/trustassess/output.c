/*
 * The trustassess command: output buffers, tables in CSV/JSON/text, and the
 * atomic write behind `-o` (see output.h for why output is built in memory).
 *
 * The atomic write uses mkstemp in the target's own directory (a rename is
 * atomic only within one file system), gives the file the permissions a plain
 * creation would have (0666 less the umask, as mkstemp makes 0600), syncs it
 * and renames it over the target. Any failure removes the temporary file.
 */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <trustassess.h>

#include "cli.h"

/* ---- buffers ----------------------------------------------------------- */

static int buf_reserve(cli_buf *b, size_t extra)
{
    size_t need, cap;
    char *p;
    if (b->failed)
        return 0;
    if (extra > (size_t)-1 - b->len - 1) {
        b->failed = 1;
        return 0;
    }
    need = b->len + extra + 1;
    if (need <= b->cap)
        return 1;
    cap = b->cap ? b->cap : 4096;
    while (cap < need)
        cap = cap > (size_t)-1 / 2 ? need : cap * 2;
    p = realloc(b->data, cap);
    if (!p) {
        b->failed = 1;
        return 0;
    }
    b->data = p;
    b->cap = cap;
    return 1;
}

void cli_buf_add(cli_buf *b, const char *s, size_t n)
{
    if (!buf_reserve(b, n))
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void cli_buf_puts(cli_buf *b, const char *s)
{
    cli_buf_add(b, s, strlen(s));
}

void cli_buf_printf(cli_buf *b, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = 1;
        return;
    }
    if (!buf_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void cli_buf_free(cli_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

/* ---- writing ------------------------------------------------------------ */

static int write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static int emit_file(const cli_buf *b, const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) : 0;
    const char *base = slash ? slash + 1 : path;
    char *tmp;
    size_t size;
    int fd, err;
    mode_t mask;
    if (*base == '\0')
        return cli_error(CLI_INPUT, "%s: not a file name", path);
    size = dirlen + strlen(base) + 16;
    tmp = malloc(size);
    if (!tmp)
        return cli_error(CLI_INPUT, "out of memory");
    /* ".NAME.XXXXXX" beside the target: hidden, and in the same file system */
    if (slash)
        snprintf(tmp, size, "%.*s/.%s.XXXXXX", (int)dirlen, path, base);
    else
        snprintf(tmp, size, ".%s.XXXXXX", base);
    fd = mkstemp(tmp);
    if (fd < 0) {
        err = errno;
        free(tmp);
        return cli_error(CLI_INPUT, "%s: cannot create a temporary file beside it: %s", path,
                         strerror(err));
    }
    mask = umask(0);
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0 || write_all(fd, b->data ? b->data : "", b->len) != 0 ||
        fsync(fd) != 0) {
        err = errno;
        close(fd);
        unlink(tmp);
        free(tmp);
        return cli_error(CLI_INPUT, "%s: cannot write: %s", path, strerror(err));
    }
    if (close(fd) != 0 || rename(tmp, path) != 0) {
        err = errno;
        unlink(tmp);
        free(tmp);
        return cli_error(CLI_INPUT, "%s: cannot write: %s", path, strerror(err));
    }
    free(tmp);
    return CLI_OK;
}

int cli_emit(const cli_buf *b, const char *path)
{
    if (b->failed)
        return cli_error(CLI_INPUT, "out of memory");
    if (path && strcmp(path, "-") != 0)
        return emit_file(b, path);
    if ((b->len > 0 && fwrite(b->data, 1, b->len, stdout) != b->len) || fflush(stdout) != 0)
        return cli_error(CLI_INPUT, "cannot write standard output: %s", strerror(errno));
    return CLI_OK;
}

/* ---- tables ------------------------------------------------------------ */

void cli_table_init(cli_table *t, size_t ncols, const char *const *names)
{
    memset(t, 0, sizeof *t);
    t->ncols = ncols;
    t->names = names;
}

void cli_table_free(cli_table *t)
{
    for (size_t k = 0; k < t->nrows * t->ncols; k++)
        free(t->cells[k].text);
    free(t->cells);
    t->cells = NULL;
    t->nrows = t->cap = 0;
}

cli_cell *cli_table_add_row(cli_table *t)
{
    cli_cell *row;
    if (t->failed)
        return NULL;
    if (t->nrows == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        cli_cell *p = realloc(t->cells, cap * t->ncols * sizeof *p);
        if (!p) {
            t->failed = 1;
            return NULL;
        }
        t->cells = p;
        t->cap = cap;
    }
    row = t->cells + t->nrows * t->ncols;
    memset(row, 0, t->ncols * sizeof *row);
    t->nrows++;
    return row;
}

static void set_cell(cli_table *t, cli_cell *row, size_t col, cli_cell_kind kind, const char *text)
{
    char *copy;
    if (!row || col >= t->ncols)
        return;
    free(row[col].text);
    row[col].text = NULL;
    row[col].kind = CLI_CELL_NULL;
    if (!text || !*text)
        return;
    copy = malloc(strlen(text) + 1);
    if (!copy) {
        t->failed = 1;
        return;
    }
    strcpy(copy, text);
    row[col].text = copy;
    row[col].kind = kind;
}

void cli_cell_text(cli_table *t, cli_cell *row, size_t col, const char *text)
{
    set_cell(t, row, col, CLI_CELL_TEXT, text);
}

void cli_cell_decimal(cli_table *t, cli_cell *row, size_t col, double x, int decimals)
{
    char num[64];
    if (ta_format_decimal(num, sizeof num, x, decimals) != TA_OK) {
        t->failed = 1;
        return;
    }
    set_cell(t, row, col, CLI_CELL_NUMBER, num);
}

void cli_cell_int(cli_table *t, cli_cell *row, size_t col, long long x)
{
    char num[32];
    snprintf(num, sizeof num, "%lld", x);
    set_cell(t, row, col, CLI_CELL_NUMBER, num);
}

void cli_cell_short(cli_table *t, cli_cell *row, size_t col, double x)
{
    char num[64];
    cli_format_short(num, sizeof num, x);
    set_cell(t, row, col, CLI_CELL_NUMBER, num);
}

static void csv_field(cli_buf *b, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        cli_buf_puts(b, s);
        return;
    }
    cli_buf_add(b, "\"", 1);
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            cli_buf_add(b, "\"", 1);
        cli_buf_add(b, p, 1);
    }
    cli_buf_add(b, "\"", 1);
}

static void write_csv(cli_buf *b, const cli_table *t)
{
    for (size_t c = 0; c < t->ncols; c++) {
        if (c)
            cli_buf_add(b, ",", 1);
        csv_field(b, t->names[c]);
    }
    cli_buf_add(b, "\n", 1);
    for (size_t r = 0; r < t->nrows; r++) {
        const cli_cell *row = t->cells + r * t->ncols;
        for (size_t c = 0; c < t->ncols; c++) {
            if (c)
                cli_buf_add(b, ",", 1);
            if (row[c].text)
                csv_field(b, row[c].text);
        }
        cli_buf_add(b, "\n", 1);
    }
}

void cli_json_string(cli_buf *b, const char *s)
{
    cli_buf_add(b, "\"", 1);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"':
            cli_buf_puts(b, "\\\"");
            break;
        case '\\':
            cli_buf_puts(b, "\\\\");
            break;
        case '\n':
            cli_buf_puts(b, "\\n");
            break;
        case '\r':
            cli_buf_puts(b, "\\r");
            break;
        case '\t':
            cli_buf_puts(b, "\\t");
            break;
        default:
            if (*p < 0x20)
                cli_buf_printf(b, "\\u%04x", (unsigned)*p);
            else
                cli_buf_add(b, (const char *)p, 1);
        }
    }
    cli_buf_add(b, "\"", 1);
}

static void write_json(cli_buf *b, const cli_table *t)
{
    cli_buf_puts(b, "[");
    for (size_t r = 0; r < t->nrows; r++) {
        const cli_cell *row = t->cells + r * t->ncols;
        cli_buf_puts(b, r ? ",\n  {" : "\n  {");
        for (size_t c = 0; c < t->ncols; c++) {
            if (c)
                cli_buf_puts(b, ", ");
            cli_json_string(b, t->names[c]);
            cli_buf_puts(b, ": ");
            if (row[c].kind == CLI_CELL_NULL)
                cli_buf_puts(b, "null");
            else if (row[c].kind == CLI_CELL_NUMBER)
                cli_buf_puts(b, row[c].text);
            else
                cli_json_string(b, row[c].text);
        }
        cli_buf_puts(b, "}");
    }
    cli_buf_puts(b, t->nrows ? "\n]\n" : "]\n");
}

/* Display width of UTF-8 text: code points, counting no continuation bytes. */
static size_t width(const char *s)
{
    size_t w = 0;
    for (; s && *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            w++;
    return w;
}

static void pad(cli_buf *b, size_t n)
{
    for (size_t k = 0; k < n; k++)
        cli_buf_add(b, " ", 1);
}

static void write_text(cli_buf *b, const cli_table *t)
{
    size_t *w = calloc(t->ncols ? t->ncols : 1, sizeof *w);
    if (!w) {
        b->failed = 1;
        return;
    }
    for (size_t c = 0; c < t->ncols; c++)
        w[c] = width(t->names[c]);
    for (size_t r = 0; r < t->nrows; r++)
        for (size_t c = 0; c < t->ncols; c++) {
            size_t cw = width(t->cells[r * t->ncols + c].text);
            if (cw > w[c])
                w[c] = cw;
        }
    for (size_t r = 0; r <= t->nrows; r++) {
        const cli_cell *row = r ? t->cells + (r - 1) * t->ncols : NULL;
        size_t owed = 0; /* spaces still to write before the next text */
        for (size_t c = 0; c < t->ncols; c++) {
            const char *s = row ? row[c].text : t->names[c];
            size_t sw = width(s);
            int right = row && row[c].kind == CLI_CELL_NUMBER;
            if (c)
                owed += 2;
            if (right)
                owed += w[c] - sw;
            if (s && *s) {
                pad(b, owed);
                cli_buf_puts(b, s);
                owed = 0;
            }
            if (!right)
                owed += w[c] - sw;
        }
        cli_buf_add(b, "\n", 1);
    }
    free(w);
}

void cli_table_write(cli_buf *b, const cli_table *t, cli_format format)
{
    if (t->failed) {
        b->failed = 1;
        return;
    }
    if (format == CLI_FORMAT_JSON)
        write_json(b, t);
    else if (format == CLI_FORMAT_TABLE)
        write_text(b, t);
    else
        write_csv(b, t);
}

void cli_format_short(char *buf, size_t size, double x)
{
    size_t n;
    if (ta_format_decimal(buf, size, x, 6) != TA_OK) {
        snprintf(buf, size, "?");
        return;
    }
    n = strlen(buf);
    if (!strchr(buf, '.'))
        return;
    while (n > 0 && buf[n - 1] == '0')
        buf[--n] = '\0';
    if (n > 0 && buf[n - 1] == '.')
        buf[--n] = '\0';
    if (strcmp(buf, "-0") == 0)
        snprintf(buf, size, "0");
}

int cli_format_parse(cli_format *f, const char *text, int allow_text)
{
    if (strcmp(text, "csv") == 0)
        *f = CLI_FORMAT_CSV;
    else if (strcmp(text, "json") == 0)
        *f = CLI_FORMAT_JSON;
    else if ((allow_text && strcmp(text, "text") == 0) ||
             (!allow_text && strcmp(text, "table") == 0))
        *f = CLI_FORMAT_TABLE;
    else
        return 0;
    return 1;
}
