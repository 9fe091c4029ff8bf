/*
 * The trustassess command: the league table as a picture (--format html, svg).
 *
 * NHS England shows each trust's average score with its likely range as a
 * caterpillar plot, coloured by segment, with the cut-offs drawn; this file
 * draws the same from the league table the command has built (cli_table), so
 * the picture and the CSV are the same figures. One plot per quarter and
 * trust type: trusts left to right in league order, a dot at the average, a
 * vertical bar over the likely range (with --likely-ranges), dashed lines at
 * the cut-offs. Every mark carries a <title> (trust code and name, average,
 * range, segment, rank), which browsers show on hover and screen readers
 * read. The html page is self-contained (inline SVG and CSS, no script, no
 * font or image fetched; a Content-Security-Policy forbids any fetch) and
 * puts the table beneath each plot as its text alternative. svg is the plots
 * alone, one standalone image.
 *
 * Coordinates are written with ta_decimal_format, never printf("%f"), so the
 * picture is the same bytes in any locale.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "output.h"

enum { LEFT = 56, RIGHT = 96, TOP = 40, PLOT_H = 260, BOTTOM = 48, STEP = 14, MIN_W = 480 };

/* Colours of segments 1..5 (colour-blind-safe diverging: green to purple), and
 * of a trust with no segment. */
static const char *const segment_colour[] = {"#9e9e9e", "#1a9850", "#91cf60",
                                             "#fc8d59", "#d73027", "#762a83"};

typedef struct columns {
    size_t quarter, type, code, name, average, range, segment, rank, rank_range, deficit;
} columns;

static size_t find_column(const cli_table *t, const char *name)
{
    for (size_t c = 0; c < t->ncols; c++)
        if (strcmp(t->names[c], name) == 0)
            return c;
    return (size_t)-1;
}

static const cli_cell *cell(const cli_table *t, size_t r, size_t c)
{
    static const cli_cell none = {CLI_CELL_NULL, NULL, 0, {0, 0}, NULL};
    return c == (size_t)-1 ? &none : &t->cells[r * t->ncols + c];
}

static const char *text_of(const cli_table *t, size_t r, size_t c)
{
    const char *s = cell(t, r, c)->text;
    return s ? s : "";
}

static int number_of(double *x, const cli_table *t, size_t r, size_t c)
{
    const cli_cell *k = cell(t, r, c);
    return k->kind == CLI_CELL_NUMBER && ta_decimal_parse(x, k->text) == TA_OK;
}

/* XML text or attribute value with &, <, > and " escaped. */
static void xml(cli_buf *b, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&':
            cli_buf_puts(b, "&amp;");
            break;
        case '<':
            cli_buf_puts(b, "&lt;");
            break;
        case '>':
            cli_buf_puts(b, "&gt;");
            break;
        case '"':
            cli_buf_puts(b, "&quot;");
            break;
        default:
            cli_buf_add(b, s, 1);
        }
    }
}

/* A coordinate with one decimal, locale-independent. */
static const char *num(char *buf, size_t size, double x)
{
    if (ta_decimal_format(buf, size, x, 1) != TA_OK)
        snprintf(buf, size, "0");
    return buf;
}

typedef struct scale {
    double lo, hi; /* score range shown */
} scale;

static double y_of(const scale *s, double v)
{
    return TOP + (s->hi - v) / (s->hi - s->lo) * PLOT_H;
}

/* Rows [from, to) of one quarter and trust type. */
static void plot(cli_buf *b, const cli_table *t, const columns *c, size_t from, size_t to,
                 const cli_league_cutoffs *cut, double y0)
{
    char n1[32], n2[32], n3[32], n4[32], n5[32];
    size_t n = to - from;
    double width = LEFT + (double)n * STEP + RIGHT;
    scale s = {4.0, 1.0};
    if (width < MIN_W)
        width = MIN_W;
    for (size_t r = from; r < to; r++) {
        double avg;
        const cli_cell *range = cell(t, r, c->range);
        if (number_of(&avg, t, r, c->average)) {
            s.lo = avg < s.lo ? avg : s.lo;
            s.hi = avg > s.hi ? avg : s.hi;
        }
        if (range->kind == CLI_CELL_RANGE) {
            s.lo = range->bound[0] < s.lo ? range->bound[0] : s.lo;
            s.hi = range->bound[1] > s.hi ? range->bound[1] : s.hi;
        }
    }
    for (size_t k = 0; cut && k < cut->n; k++) {
        s.lo = cut->values[k] < s.lo ? cut->values[k] : s.lo;
        s.hi = cut->values[k] > s.hi ? cut->values[k] : s.hi;
    }
    if (s.hi <= s.lo) {
        s.lo = 1.0;
        s.hi = 4.0;
    }
    /* whole half-points around the data */
    s.lo = (double)(long)(s.lo * 2.0) / 2.0;
    s.hi = (double)(long)(s.hi * 2.0 + 0.999999) / 2.0;
    if (s.hi - s.lo < 0.5)
        s.hi = s.lo + 0.5;
    cli_buf_printf(b, "<g class=\"plot\" transform=\"translate(0,%s)\">\n", num(n1, sizeof n1, y0));
    cli_buf_puts(b, "<text class=\"heading\" x=\"8\" y=\"18\">");
    xml(b, text_of(t, from, c->quarter));
    cli_buf_puts(b, ", ");
    xml(b, text_of(t, from, c->type));
    cli_buf_printf(b, ": %zu trusts</text>\n", n);
    /* legend */
    for (int seg = 1; seg <= 5; seg++)
        cli_buf_printf(b,
                       "<rect x=\"%s\" y=\"8\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                       "<text class=\"small\" x=\"%s\" y=\"17\">Segment %d</text>\n",
                       num(n1, sizeof n1, width - 5 * 78 + (seg - 1) * 78), segment_colour[seg],
                       num(n2, sizeof n2, width - 5 * 78 + (seg - 1) * 78 + 13), seg);
    /* axes and grid */
    for (double v = s.lo; v <= s.hi + 1e-9; v += 0.5) {
        double y = y_of(&s, v);
        cli_buf_printf(b,
                       "<line class=\"grid\" x1=\"%d\" x2=\"%s\" y1=\"%s\" y2=\"%s\"/>"
                       "<text class=\"small\" x=\"%d\" y=\"%s\" text-anchor=\"end\">%s</text>\n",
                       LEFT, num(n1, sizeof n1, width - RIGHT + 8), num(n2, sizeof n2, y),
                       num(n3, sizeof n3, y), LEFT - 6, num(n4, sizeof n4, y + 4),
                       num(n5, sizeof n5, v));
    }
    cli_buf_printf(b,
                   "<text class=\"small\" transform=\"translate(14,%s) rotate(-90)\" "
                   "text-anchor=\"middle\">Average score (lower is better)</text>\n",
                   num(n1, sizeof n1, TOP + PLOT_H / 2.0));
    cli_buf_printf(b,
                   "<text class=\"small\" x=\"%d\" y=\"%d\">Trusts in league order "
                   "(rank 1 on the left)</text>\n",
                   LEFT, TOP + PLOT_H + 34);
    /* cut-offs */
    for (size_t k = 0; cut && k < cut->n; k++) {
        double y = y_of(&s, cut->values[k]);
        char v[32];
        ta_decimal_format(v, sizeof v, cut->values[k], 2);
        cli_buf_printf(b,
                       "<g class=\"cutoff\"><title>Cut-off %s: an average at or below it "
                       "is in segment %zu or better</title>"
                       "<line x1=\"%d\" x2=\"%s\" y1=\"%s\" y2=\"%s\"/>"
                       "<text class=\"small\" x=\"%s\" y=\"%s\">cut-off %s</text></g>\n",
                       v, k + 1, LEFT, num(n1, sizeof n1, width - RIGHT + 8), num(n2, sizeof n2, y),
                       num(n3, sizeof n3, y), num(n4, sizeof n4, width - RIGHT + 12),
                       num(n5, sizeof n5, y + 4), v);
    }
    /* marks */
    for (size_t r = from; r < to; r++) {
        double avg, seg = 0, x = LEFT + ((double)(r - from) + 0.5) * STEP;
        const cli_cell *range = cell(t, r, c->range);
        int segment;
        if (!number_of(&avg, t, r, c->average))
            continue;
        number_of(&seg, t, r, c->segment);
        segment = seg >= 1 && seg <= 5 ? (int)seg : 0;
        cli_buf_puts(b, "<g class=\"mark\" data-trust=\"");
        xml(b, text_of(t, r, c->code));
        cli_buf_puts(b, "\"><title>");
        xml(b, text_of(t, r, c->code));
        cli_buf_puts(b, " ");
        xml(b, text_of(t, r, c->name));
        cli_buf_puts(b, ": average ");
        xml(b, text_of(t, r, c->average));
        if (range->kind == CLI_CELL_RANGE) {
            cli_buf_puts(b, ", likely range ");
            xml(b, range->text);
        }
        cli_buf_puts(b, ", segment ");
        xml(b, *text_of(t, r, c->segment) ? text_of(t, r, c->segment) : "none");
        cli_buf_printf(b, ", rank %s of %zu", text_of(t, r, c->rank), n);
        if (cell(t, r, c->rank_range)->kind == CLI_CELL_RANGE) {
            cli_buf_puts(b, " (likely ");
            xml(b, text_of(t, r, c->rank_range));
            cli_buf_puts(b, ")");
        }
        if (cell(t, r, c->deficit)->kind == CLI_CELL_BOOL && cell(t, r, c->deficit)->truth)
            cli_buf_puts(b, ", in financial deficit");
        cli_buf_puts(b, "</title>");
        if (range->kind == CLI_CELL_RANGE)
            cli_buf_printf(b, "<line x1=\"%s\" x2=\"%s\" y1=\"%s\" y2=\"%s\" stroke=\"%s\"/>",
                           num(n1, sizeof n1, x), num(n2, sizeof n2, x),
                           num(n3, sizeof n3, y_of(&s, range->bound[0])),
                           num(n4, sizeof n4, y_of(&s, range->bound[1])), segment_colour[segment]);
        cli_buf_printf(b, "<circle cx=\"%s\" cy=\"%s\" r=\"4.5\" fill=\"%s\"/></g>\n",
                       num(n1, sizeof n1, x), num(n2, sizeof n2, y_of(&s, avg)),
                       segment_colour[segment]);
    }
    cli_buf_puts(b, "</g>\n");
}

static double plot_width(size_t n)
{
    double w = LEFT + (double)n * STEP + RIGHT;
    return w < MIN_W ? MIN_W : w;
}

/* The end of the group of rows starting at `from` (same quarter and type). */
static size_t group_end(const cli_table *t, const columns *c, size_t from)
{
    size_t r = from + 1;
    while (r < t->nrows && strcmp(text_of(t, r, c->quarter), text_of(t, from, c->quarter)) == 0 &&
           strcmp(text_of(t, r, c->type), text_of(t, from, c->type)) == 0)
        r++;
    return r;
}

static const cli_league_cutoffs *cutoffs_of(const char *quarter, const cli_league_cutoffs *sets,
                                            size_t nsets)
{
    for (size_t k = 0; k < nsets; k++)
        if (strcmp(sets[k].period, quarter) == 0)
            return &sets[k];
    return NULL;
}

static void svg_open(cli_buf *b, double width, double height, int standalone)
{
    char w[32], h[32];
    num(w, sizeof w, width);
    num(h, sizeof h, height);
    cli_buf_printf(b,
                   "<svg %swidth=\"%s\" height=\"%s\" viewBox=\"0 0 %s %s\" role=\"img\" "
                   "aria-label=\"League table: average score and likely range of each trust, "
                   "coloured by segment\">\n",
                   standalone ? "xmlns=\"http://www.w3.org/2000/svg\" " : "", w, h, w, h);
    cli_buf_puts(b, "<style>text{font-family:sans-serif;font-size:13px;fill:#222}"
                    ".small{font-size:11px}.heading{font-weight:bold}"
                    ".grid{stroke:#e0e0e0}.cutoff line{stroke:#555;stroke-dasharray:5 4}"
                    ".mark line{stroke-width:2}.mark circle{stroke:#fff;stroke-width:1}"
                    "</style>\n");
}

static void html_table(cli_buf *b, const cli_table *t, size_t from, size_t to)
{
    cli_buf_puts(b, "<table>\n<thead><tr>");
    for (size_t c = 0; c < t->ncols; c++) {
        cli_buf_puts(b, "<th scope=\"col\">");
        xml(b, t->names[c]);
        cli_buf_puts(b, "</th>");
    }
    cli_buf_puts(b, "</tr></thead>\n<tbody>\n");
    for (size_t r = from; r < to; r++) {
        cli_buf_puts(b, "<tr>");
        for (size_t c = 0; c < t->ncols; c++) {
            const cli_cell *k = cell(t, r, c);
            cli_buf_puts(b, k->kind == CLI_CELL_NUMBER ? "<td class=\"n\">" : "<td>");
            xml(b, k->text);
            cli_buf_puts(b, "</td>");
        }
        cli_buf_puts(b, "</tr>\n");
    }
    cli_buf_puts(b, "</tbody>\n</table>\n");
}

int cli_league_picture(cli_buf *b, int format, const cli_table *t, const cli_league_cutoffs *sets,
                       size_t nsets)
{
    columns c;
    double width = MIN_W, height = 0;
    c.quarter = find_column(t, "Quarter");
    c.type = find_column(t, "Trust_type");
    c.code = find_column(t, "Trust_code");
    c.name = find_column(t, "Trust_name");
    c.average = find_column(t, "Average_score");
    c.range = find_column(t, "Likely_range_of_average_score");
    c.segment = find_column(t, "Segment");
    c.rank = find_column(t, "Rank");
    c.rank_range = find_column(t, "Likely_range_of_rank");
    c.deficit = find_column(t, "Trust_in_financial_deficit");
    if (c.quarter == (size_t)-1 || c.type == (size_t)-1 || c.code == (size_t)-1 ||
        c.average == (size_t)-1)
        return cli_error(CLI_USAGE, "a picture needs the Quarter, Trust_type, Trust_code and "
                                    "Average_score columns");
    if (t->failed)
        return cli_error(CLI_INPUT, "out of memory");
    if (format == CLI_FORMAT_SVG) {
        for (size_t r = 0; r < t->nrows; r = group_end(t, &c, r)) {
            double w = plot_width(group_end(t, &c, r) - r);
            width = w > width ? w : width;
            height += TOP + PLOT_H + BOTTOM;
        }
        cli_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg_open(b, width, height > 0 ? height : 40, 1);
        height = 0;
        for (size_t r = 0, end; r < t->nrows; r = end) {
            end = group_end(t, &c, r);
            plot(b, t, &c, r, end, cutoffs_of(text_of(t, r, c.quarter), sets, nsets), height);
            height += TOP + PLOT_H + BOTTOM;
        }
        cli_buf_puts(b, "</svg>\n");
        return b->failed ? cli_error(CLI_INPUT, "out of memory") : CLI_OK;
    }
    cli_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                    "style-src 'unsafe-inline'\">\n"
                    "<title>NHS Oversight Framework league table</title>\n"
                    "<style>body{font-family:sans-serif;margin:1.5em;color:#222}"
                    "figure{margin:0 0 1em 0;overflow-x:auto}"
                    "table{border-collapse:collapse;font-size:12px;margin-bottom:2.5em}"
                    "th,td{border-bottom:1px solid #ddd;padding:2px 6px;text-align:left}"
                    "td.n{text-align:right}caption{text-align:left;font-weight:bold}</style>\n"
                    "</head>\n<body>\n<h1>NHS Oversight Framework league table</h1>\n"
                    "<p>Each trust's average score (dot) and likely range (bar), coloured by "
                    "segment, trusts in league order; dashed lines are the segment cut-offs. "
                    "Hover over a mark for the trust. The table beneath each plot holds the "
                    "same figures.</p>\n");
    for (size_t r = 0, end; r < t->nrows; r = end) {
        end = group_end(t, &c, r);
        cli_buf_puts(b, "<section>\n<h2>");
        xml(b, text_of(t, r, c.quarter));
        cli_buf_puts(b, ": ");
        xml(b, text_of(t, r, c.type));
        cli_buf_puts(b, "</h2>\n<figure>\n");
        svg_open(b, plot_width(end - r), TOP + PLOT_H + BOTTOM, 0);
        plot(b, t, &c, r, end, cutoffs_of(text_of(t, r, c.quarter), sets, nsets), 0);
        cli_buf_puts(b, "</svg>\n</figure>\n");
        html_table(b, t, r, end);
        cli_buf_puts(b, "</section>\n");
    }
    cli_buf_puts(b, "<footer><p>Source: NHS England, NHS Oversight Framework 2025/26 "
                    "segmentation and league tables. Contains public sector information "
                    "licensed under the Open Government Licence v3.0. Figures recomputed by "
                    "libtrustassess.</p></footer>\n</body>\n</html>\n");
    return b->failed ? cli_error(CLI_INPUT, "out of memory") : CLI_OK;
}
