/*
 * The trustassess command: output buffers, tables in CSV/JSON/text, and the
 * atomic write behind `-o` (see output.h for why output is built in memory).
 *
 * The atomic write uses mkstemp in the target's own directory (a rename is
 * atomic only within one file system), gives the file the mode, owner and
 * group of the file it replaces (or, for a new file, the permissions a plain
 * creation would have: 0666 less the umask, as mkstemp makes 0600), syncs it
 * and renames it over the target. Any failure removes the temporary file and
 * leaves the target as it was. `-o` must destroy nothing: a symbolic link is
 * followed (the temporary file is made beside the file it names, and the link
 * stays), and a target that is not a regular file (a device such as /dev/null
 * or /dev/full, a FIFO) is written in place as `> OUT` would, never replaced.
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

/* Follows `path` through symbolic links (at most 40, as the kernel does) to
 * the name that is not a link, which may not exist yet. Returns a malloc'd
 * path, or NULL with errno set. A relative link target is taken relative to
 * the link's own directory. */
static char *follow_links(const char *path)
{
    char *cur = malloc(strlen(path) + 1);
    if (!cur)
        return NULL;
    strcpy(cur, path);
    for (int hops = 0;; hops++) {
        struct stat st;
        char target[4096], *next;
        const char *slash;
        size_t dirlen;
        ssize_t n;
        if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
            return cur; /* a missing name is created, anything else is checked later */
        if (hops == 40) {
            free(cur);
            errno = ELOOP;
            return NULL;
        }
        n = readlink(cur, target, sizeof target - 1);
        if (n < 0 || (size_t)n >= sizeof target - 1) {
            if (n >= 0)
                errno = ENAMETOOLONG;
            free(cur);
            return NULL;
        }
        target[n] = '\0';
        slash = strrchr(cur, '/');
        dirlen = (target[0] != '/' && slash) ? (size_t)(slash - cur) + 1 : 0;
        next = malloc(dirlen + (size_t)n + 1);
        if (!next) {
            free(cur);
            return NULL;
        }
        memcpy(next, cur, dirlen);
        memcpy(next + dirlen, target, (size_t)n + 1);
        free(cur);
        cur = next;
    }
}

/* Writes into what already exists at `path` and is not a regular file (a
 * character device, a FIFO), as the shell's `> path` would: replacing it
 * would destroy a device node or a pipe someone reads. */
static int emit_in_place(const cli_buf *b, const char *shown, const char *path)
{
    int fd, err;
    do
        fd = open(path, O_WRONLY | O_NOCTTY);
    while (fd < 0 && errno == EINTR);
    if (fd < 0)
        return cli_error(CLI_INPUT, "%s: cannot open for writing: %s", shown, strerror(errno));
    if (write_all(fd, b->data ? b->data : "", b->len) != 0) {
        err = errno;
        close(fd);
        return cli_error(CLI_INPUT, "%s: cannot write: %s", shown, strerror(err));
    }
    if (close(fd) != 0)
        return cli_error(CLI_INPUT, "%s: cannot write: %s", shown, strerror(errno));
    return CLI_OK;
}

/* Gives the temporary file `fd` the mode, owner and group of the file it
 * replaces (`old`), or the mode a plain creation would have (0666 less the
 * umask) when there is none. The owner comes first: chown clears set-id bits.
 * Returns 0, or -1 with *what naming the step that failed (errno set). */
static int take_attributes(int fd, const struct stat *old, const char **what)
{
    struct stat now;
    mode_t mask;
    if (!old) {
        mask = umask(0);
        umask(mask);
        *what = "cannot set the mode of the new file";
        return fchmod(fd, 0666 & ~mask);
    }
    *what = "cannot give the new file the owner and group of the old one";
    if (fstat(fd, &now) != 0)
        return -1;
    if ((now.st_uid != old->st_uid || now.st_gid != old->st_gid) &&
        fchown(fd, now.st_uid != old->st_uid ? old->st_uid : (uid_t)-1,
               now.st_gid != old->st_gid ? old->st_gid : (gid_t)-1) != 0)
        return -1;
    *what = "cannot give the new file the mode of the old one";
    return fchmod(fd, old->st_mode & 07777);
}

/* Replaces the regular file at `path` (or creates it) through a temporary
 * file beside it and a rename, so `path` is either untouched or complete. */
static int emit_replace(const cli_buf *b, const char *shown, const char *path,
                        const struct stat *old)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) : 0;
    const char *base = slash ? slash + 1 : path;
    const char *what = "cannot write";
    char *tmp;
    size_t size;
    int fd, err;
    if (*base == '\0')
        return cli_error(CLI_INPUT, "%s: not a file name", shown);
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
        return cli_error(CLI_INPUT, "%s: cannot create a temporary file beside it: %s", shown,
                         strerror(err));
    }
    if (take_attributes(fd, old, &what) != 0 ||
        (what = "cannot write", write_all(fd, b->data ? b->data : "", b->len) != 0) ||
        fsync(fd) != 0) {
        err = errno;
        close(fd);
        unlink(tmp);
        free(tmp);
        return cli_error(CLI_INPUT, "%s: %s: %s", shown, what, strerror(err));
    }
    if (close(fd) != 0 || rename(tmp, path) != 0) {
        err = errno;
        unlink(tmp);
        free(tmp);
        return cli_error(CLI_INPUT, "%s: cannot write: %s", shown, strerror(err));
    }
    free(tmp);
    return CLI_OK;
}

/* `-o path`: follow symbolic links to the file they name (the link stays);
 * write in place into a device or FIFO; refuse a directory; replace a regular
 * file atomically, keeping its mode, owner and group. */
static int emit_file(const cli_buf *b, const char *path)
{
    struct stat st;
    char *real;
    int rc;
    if (*path == '\0') /* -o "": an argument error, as a missing -o value is */
        return cli_error(CLI_USAGE, "-o needs a file name, not \"\"");
    real = follow_links(path);
    if (!real)
        return cli_error(CLI_INPUT, "%s: cannot follow the link: %s", path, strerror(errno));
    if (stat(real, &st) != 0) {
        if (errno == ENOENT)
            rc = emit_replace(b, path, real, NULL);
        else
            rc = cli_error(CLI_INPUT, "%s: %s", path, strerror(errno));
    } else if (S_ISDIR(st.st_mode)) {
        rc = cli_error(CLI_INPUT, "%s: is a directory", path);
    } else if (!S_ISREG(st.st_mode)) {
        rc = emit_in_place(b, path, real);
    } else {
        rc = emit_replace(b, path, real, &st);
    }
    free(real);
    return rc;
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

/* Sets a cell's kind and text; returns the cell, or NULL when it is left
 * null (no text, no such column, or out of memory). */
static cli_cell *set_cell(cli_table *t, cli_cell *row, size_t col, cli_cell_kind kind,
                          const char *text)
{
    char *copy;
    if (!row || col >= t->ncols)
        return NULL;
    free(row[col].text);
    memset(&row[col], 0, sizeof row[col]);
    if (!text || !*text)
        return NULL;
    copy = malloc(strlen(text) + 1);
    if (!copy) {
        t->failed = 1;
        return NULL;
    }
    strcpy(copy, text);
    row[col].text = copy;
    row[col].kind = kind;
    return &row[col];
}

void cli_cell_text(cli_table *t, cli_cell *row, size_t col, const char *text)
{
    set_cell(t, row, col, CLI_CELL_TEXT, text);
}

void cli_cell_decimal(cli_table *t, cli_cell *row, size_t col, double x, int decimals)
{
    char num[64];
    if (ta_decimal_format(num, sizeof num, x, decimals) != TA_OK) {
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

void cli_cell_bool(cli_table *t, cli_cell *row, size_t col, int truth, const char *text)
{
    cli_cell *c = set_cell(t, row, col, CLI_CELL_BOOL, text);
    if (c)
        c->truth = truth != 0;
}

void cli_cell_money(cli_table *t, cli_cell *row, size_t col, const char *pounds)
{
    set_cell(t, row, col, CLI_CELL_MONEY, pounds);
}

void cli_cell_date(cli_table *t, cli_cell *row, size_t col, const char *text)
{
    set_cell(t, row, col, CLI_CELL_DATE, text);
}

void cli_cell_list(cli_table *t, cli_cell *row, size_t col, const char *text, const char *sep)
{
    cli_cell *c = set_cell(t, row, col, CLI_CELL_LIST, text);
    if (c)
        c->sep = sep;
}

void cli_cell_number_list(cli_table *t, cli_cell *row, size_t col, const char *text,
                          const char *sep)
{
    cli_cell *c = set_cell(t, row, col, CLI_CELL_LIST, text);
    if (c) {
        c->sep = sep;
        c->truth = 1;
    }
}

void cli_cell_range(cli_table *t, cli_cell *row, size_t col, const char *text, double lo, double hi)
{
    cli_cell *c = set_cell(t, row, col, CLI_CELL_RANGE, text);
    if (c) {
        c->bound[0] = lo;
        c->bound[1] = hi;
    }
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

void cli_table_write_csv(cli_buf *b, const cli_table *t, int bom)
{
    if (bom)
        cli_buf_puts(b, "\xEF\xBB\xBF");
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

void cli_json_cell(cli_buf *b, const cli_cell *cell)
{
    char lo[64], hi[64];
    switch (cell->kind) {
    case CLI_CELL_NULL:
        cli_buf_puts(b, "null");
        break;
    case CLI_CELL_NUMBER:
    case CLI_CELL_MONEY:
        cli_buf_puts(b, cell->text);
        break;
    case CLI_CELL_BOOL:
        cli_buf_puts(b, cell->truth ? "true" : "false");
        break;
    case CLI_CELL_RANGE:
        cli_format_short(lo, sizeof lo, cell->bound[0]);
        cli_format_short(hi, sizeof hi, cell->bound[1]);
        cli_buf_printf(b, "[%s, %s]", lo, hi);
        break;
    case CLI_CELL_LIST: {
        const char *p = cell->text;
        size_t seplen = strlen(cell->sep);
        cli_buf_puts(b, "[");
        for (;;) {
            double x;
            const char *end = seplen ? strstr(p, cell->sep) : NULL;
            size_t n = end ? (size_t)(end - p) : strlen(p);
            cli_buf item = {0};
            cli_buf_add(&item, p, n);
            if (cell->truth && item.data && ta_decimal_parse(&x, item.data) == TA_OK)
                cli_buf_puts(b, item.data);
            else
                cli_json_string(b, item.data ? item.data : "");
            if (item.failed)
                b->failed = 1;
            cli_buf_free(&item);
            if (!end)
                break;
            cli_buf_puts(b, ", ");
            p = end + seplen;
        }
        cli_buf_puts(b, "]");
        break;
    }
    case CLI_CELL_TEXT:
    case CLI_CELL_DATE:
        cli_json_string(b, cell->text);
        break;
    }
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
            cli_json_cell(b, &row[c]);
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

/* s cut to at most w code points, the last of them "…" when cut; returns the
 * width written. */
static size_t put_fitted(cli_buf *b, const char *s, size_t w)
{
    size_t n = 0;
    const char *p = s;
    if (width(s) <= w) {
        cli_buf_puts(b, s);
        return width(s);
    }
    if (w == 0)
        return 0;
    for (; *p; p++) {
        if (((unsigned char)*p & 0xC0) != 0x80 && n++ == w - 1)
            break;
    }
    cli_buf_add(b, s, (size_t)(p - s));
    cli_buf_puts(b, "\xE2\x80\xA6"); /* U+2026 */
    return w;
}

static int right_aligned(const cli_cell *c)
{
    return c && (c->kind == CLI_CELL_NUMBER || c->kind == CLI_CELL_MONEY);
}

/* Narrows the widest cuttable column, a character at a time, until the row
 * fits `limit` (0: no limit) or no column is above its floor. */
static void narrow(size_t *w, const int *cut, const size_t *floor, size_t ncols, size_t limit)
{
    size_t total = 0, shown = 0;
    for (size_t c = 0; c < ncols; c++)
        if (w[c]) {
            total += w[c];
            shown++;
        }
    if (limit == 0 || shown == 0)
        return;
    total += 2 * (shown - 1);
    while (total > limit) {
        size_t widest = (size_t)-1;
        for (size_t c = 0; c < ncols; c++)
            if (cut[c] && w[c] > floor[c] && (widest == (size_t)-1 || w[c] > w[widest]))
                widest = c;
        if (widest == (size_t)-1)
            return;
        w[widest]--;
        total--;
    }
}

/* Fits the columns to `limit`: first the long texts (names, types) give way,
 * down to 12 characters, while short values (codes, quarters, Yes/No) keep
 * their width and only their headers are cut; then, if still too wide, every
 * text column down to 6. Numbers and dates are never cut. */
static void fit_widths(size_t *w, const int *cut, const size_t *longest, size_t ncols, size_t limit)
{
    enum { LONG_FLOOR = 12, LAST_FLOOR = 6 };
    size_t *floor = calloc(ncols ? ncols : 1, sizeof *floor);
    if (!floor)
        return;
    for (size_t c = 0; c < ncols; c++)
        floor[c] = longest[c] > LONG_FLOOR ? LONG_FLOOR : longest[c] < 4 ? 4 : longest[c];
    narrow(w, cut, floor, ncols, limit);
    for (size_t c = 0; c < ncols; c++)
        floor[c] = LAST_FLOOR;
    narrow(w, cut, floor, ncols, limit);
    free(floor);
}

static void write_text(cli_buf *b, const cli_table *t)
{
    size_t n = t->ncols ? t->ncols : 1;
    size_t *w = calloc(n, sizeof *w), *longest = calloc(n, sizeof *longest);
    int *cut = calloc(n, sizeof *cut);
    if (!w || !cut || !longest) {
        free(w);
        free(cut);
        free(longest);
        b->failed = 1;
        return;
    }
    /* A column is shown when some row has a value in it (or there are no rows). */
    for (size_t c = 0; c < t->ncols; c++) {
        int any = t->nrows == 0;
        size_t cw = width(t->names[c]);
        for (size_t r = 0; r < t->nrows; r++) {
            const cli_cell *cell = &t->cells[r * t->ncols + c];
            size_t vw = width(cell->text);
            if (cell->kind == CLI_CELL_NULL)
                continue;
            any = 1;
            if (vw > cw)
                cw = vw;
            if (vw > longest[c])
                longest[c] = vw;
            if (cell->kind == CLI_CELL_TEXT || cell->kind == CLI_CELL_BOOL ||
                cell->kind == CLI_CELL_LIST)
                cut[c] = 1;
        }
        w[c] = any ? cw : 0;
    }
    fit_widths(w, cut, longest, t->ncols, cli_terminal_width());
    for (size_t r = 0; r <= t->nrows; r++) {
        const cli_cell *row = r ? t->cells + (r - 1) * t->ncols : NULL;
        size_t owed = 0; /* spaces still to write before the next text */
        int first = 1;
        for (size_t c = 0; c < t->ncols; c++) {
            const char *s = row ? row[c].text : t->names[c];
            size_t sw;
            int right = row && right_aligned(&row[c]);
            if (w[c] == 0)
                continue;
            if (!first)
                owed += 2;
            first = 0;
            sw = width(s) < w[c] ? width(s) : w[c];
            if (right)
                owed += w[c] - sw;
            if (s && *s) {
                pad(b, owed);
                put_fitted(b, s, w[c]);
                owed = 0;
            }
            if (!right)
                owed += w[c] - sw;
        }
        cli_buf_add(b, "\n", 1);
    }
    free(w);
    free(cut);
    free(longest);
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
        cli_table_write_csv(b, t, 0);
}

void cli_format_short(char *buf, size_t size, double x)
{
    size_t n;
    if (ta_decimal_format(buf, size, x, 6) != TA_OK) {
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
