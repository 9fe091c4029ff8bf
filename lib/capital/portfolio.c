/*
 * Capital portfolios: several proposals checked together.
 *
 * The one thing a portfolio adds to single checks is the split-scheme rule:
 * parts that share a trust code and scheme reference are one scheme, judged
 * on their total, so dividing a £120m scheme into two £60m parts does not
 * buy the light route. Parts are grouped with a string map (O(n)).
 */
#include <string.h>

#include "capital_internal.h"
#include "common/alloc.h"
#include "common/strmap.h"
#include "common/text.h"

ta_status ta_capital_portfolio_new(ta_capital_portfolio **out, const ta_allocator *alloc)
{
    ta_allocator a;
    if (out == NULL)
        return TA_EINVAL;
    *out = NULL;
    if (tai_alloc_init(&a, alloc) != TA_OK)
        return TA_EINVAL;
    ta_capital_portfolio *pf = tai_calloc(&a, 1, sizeof *pf);
    if (pf == NULL)
        return TA_ENOMEM;
    pf->alloc = a;
    *out = pf;
    return TA_OK;
}

void ta_capital_portfolio_free(ta_capital_portfolio *pf)
{
    if (pf == NULL)
        return;
    ta_allocator a = pf->alloc;
    for (size_t i = 0; i < pf->count; i++)
        ta_capital_proposal_free(pf->items[i]);
    tai_free(&a, pf->items);
    for (size_t c = 0; c < pf->n_columns; c++)
        tai_free(&a, pf->columns[c]);
    tai_free(&a, pf->columns);
    tai_free(&a, pf->row_errors);
    tai_free(&a, pf);
}

const char *ta_capital_portfolio_error(const ta_capital_portfolio *pf)
{
    return pf == NULL ? "" : pf->err.msg;
}

ta_status tai_capital_portfolio_push(ta_capital_portfolio *pf, ta_capital_proposal *p)
{
    void *items = pf->items;
    if (tai_grow(&pf->alloc, &items, &pf->cap, pf->count + 1, sizeof *pf->items) != TA_OK)
        return TA_ENOMEM;
    pf->items = items;
    pf->items[pf->count++] = p;
    return TA_OK;
}

ta_status ta_capital_portfolio_add(ta_capital_proposal **out, ta_capital_portfolio *pf,
                                   const char *trust_code, const char *scheme_ref)
{
    if (out != NULL)
        *out = NULL;
    if (pf == NULL)
        return TA_EINVAL;
    if (!tai_capital_valid_name(trust_code) || !tai_capital_valid_name(scheme_ref))
        return tai_error_set(&pf->err, TA_EINVAL,
                             "trust code and scheme reference must be 1 to %d printable characters",
                             TAI_CAPITAL_NAME_MAX);
    ta_capital_proposal *p;
    if (tai_capital_proposal_create(&p, &pf->alloc, trust_code, scheme_ref) != TA_OK)
        return tai_error_set(&pf->err, TA_ENOMEM, "out of memory adding a proposal");
    if (tai_capital_portfolio_push(pf, p) != TA_OK) {
        ta_capital_proposal_free(p);
        return tai_error_set(&pf->err, TA_ENOMEM, "out of memory adding a proposal");
    }
    if (out != NULL)
        *out = p;
    tai_error_clear(&pf->err);
    return TA_OK;
}

size_t ta_capital_portfolio_count(const ta_capital_portfolio *pf)
{
    return pf == NULL ? 0 : pf->count;
}

ta_capital_proposal *ta_capital_portfolio_proposal(const ta_capital_portfolio *pf, size_t i)
{
    return pf == NULL || i >= pf->count ? NULL : pf->items[i];
}

/* Per proposal: its own compared amount and its scheme group. */
typedef struct part {
    int64_t compared;
    size_t group;
} part;

typedef struct group {
    int64_t total;
    size_t parts;
    size_t first; /* the proposal index of its first part */
} group;

/* Where proposal p came from, for messages: "FILE:LINE" or "" when it was
 * made by calls. */
static void where(char *buf, size_t size, const ta_capital_proposal *p)
{
    size_t n = 0, line = p->line, digits = 1;
    buf[0] = '\0';
    if (!p->file) /* size: every caller passes a few hundred bytes */
        return;
    for (size_t t = line; t >= 10; t /= 10)
        digits++;
    for (const char *c = p->file; *c && n + digits + 2 < size; c++)
        buf[n++] = *c;
    buf[n++] = ':';
    for (size_t k = digits; k > 0; k--, line /= 10)
        buf[n + k - 1] = (char)('0' + line % 10);
    buf[n + digits] = '\0';
}

/* The parts of one scheme are one scheme: they must agree on what decides
 * its route (the trust's status, the funding and the savings available), or
 * the rule would give a light part and a standard part. A part that repeats
 * another exactly (every cell) would be counted twice. */
static ta_status check_part(ta_capital_portfolio *pf, const ta_capital_proposal *first,
                            const ta_capital_proposal *p)
{
    char a[320], b[320];
    const char *what = NULL;
    where(a, sizeof a, first);
    where(b, sizeof b, p);
    if (first->status != p->status || first->status_given != p->status_given)
        what = "Trust_status";
    else if (first->funding != p->funding)
        what = "Funding";
    else if (first->savings != p->savings)
        what = "Own_savings_available";
    if (what)
        return tai_error_set(&pf->err, TA_EINCONSISTENT,
                             "%s: scheme %s of trust %s: this part's %s differs from the part at "
                             "%s (the parts of one scheme must agree)",
                             b[0] ? b : "a part", p->scheme_ref, p->trust_code, what,
                             a[0] ? a : "an earlier part");
    return TA_OK;
}

/* Whether two proposals read from text repeat each other cell for cell. */
static int same_cells(const ta_capital_proposal *x, const ta_capital_proposal *y)
{
    /* Both were read from text, and every row has the header's cells. */
    for (size_t c = 0; c < x->n_cells; c++)
        if (strcmp(x->cells[c], y->cells[c]) != 0)
            return 0;
    return 1;
}

/* Refuses proposal i when an earlier one read from text has the same cells:
 * rows are found by their cells, each followed by 0x1F, in `rows` (the text
 * `row` is reused), so the check is linear; a hit is confirmed cell by cell. */
static ta_status check_repeat(ta_capital_portfolio *pf, tai_strmap *rows, tai_text *row, size_t i)
{
    const ta_capital_proposal *p = pf->items[i];
    size_t other;
    int existed;
    char a[320], here[320];
    tai_text_clear(row);
    for (size_t c = 0; c < p->n_cells; c++) {
        tai_text_puts(row, p->cells[c]);
        tai_text_append(row, "\x1f", 1);
    }
    if (row->st != TA_OK || tai_strmap_put(rows, row->data, row->len, i, &existed, &other) != TA_OK)
        return tai_error_set(&pf->err, TA_ENOMEM, "out of memory checking the portfolio");
    if (!existed || !same_cells(pf->items[other], p))
        return TA_OK;
    /* Both rows were read from text, so both have a file and a line. */
    where(a, sizeof a, pf->items[other]);
    where(here, sizeof here, p);
    return tai_error_set(&pf->err, TA_EDUPLICATE,
                         "%s: this row repeats the row at %s exactly (scheme %s of trust %s "
                         "would be counted twice)",
                         here, a, p->scheme_ref, p->trust_code);
}

ta_status ta_capital_portfolio_check(ta_capital_portfolio *pf, const ta_capital_rules *r)
{
    if (pf == NULL)
        return TA_EINVAL;
    if (r == NULL)
        return tai_error_set(&pf->err, TA_EINVAL, "capital rule set is NULL");
    ta_status st = TA_OK;
    tai_strmap map, rows;
    tai_strmap_init(&map, &pf->alloc);
    tai_strmap_init(&rows, &pf->alloc);
    part *parts = tai_calloc(&pf->alloc, pf->count, sizeof *parts);
    group *groups = tai_calloc(&pf->alloc, pf->count, sizeof *groups);
    tai_text key, row;
    char at[320];
    size_t n_groups = 0;
    tai_text_init(&key, &pf->alloc);
    tai_text_init(&row, &pf->alloc);
    if (parts == NULL || groups == NULL) {
        st = tai_error_set(&pf->err, TA_ENOMEM, "out of memory checking the portfolio");
        goto done;
    }
    for (size_t i = 0; i < pf->count; i++) {
        ta_capital_proposal *p = pf->items[i];
        where(at, sizeof at, p);
        if (tai_capital_compared(r, p, &parts[i].compared) != TA_OK) {
            st = tai_error_set(&pf->err, TA_ERANGE,
                               "%s%sthe amount of %s/%s plus its VAT overflows 64-bit pence", at,
                               at[0] ? ": " : "", p->trust_code, p->scheme_ref);
            goto done;
        }
        /* The key "trust code \x1f scheme ref": neither may hold a control byte. */
        tai_text_clear(&key);
        tai_text_puts(&key, p->trust_code);
        tai_text_append(&key, "\x1f", 1);
        tai_text_puts(&key, p->scheme_ref);
        int existed;
        size_t g;
        if (key.st != TA_OK ||
            tai_strmap_put(&map, key.data, key.len, n_groups, &existed, &g) != TA_OK) {
            st = tai_error_set(&pf->err, TA_ENOMEM, "out of memory checking the portfolio");
            goto done;
        }
        if (p->cells && (st = check_repeat(pf, &rows, &row, i)) != TA_OK)
            goto done;
        if (!existed) {
            g = n_groups++;
            groups[g].first = i;
        } else if ((st = check_part(pf, pf->items[groups[g].first], p)) != TA_OK) {
            goto done;
        }
        parts[i].group = g;
        if (groups[g].total > INT64_MAX - parts[i].compared) {
            st = tai_error_set(&pf->err, TA_ERANGE,
                               "%s%sthe parts of scheme %s of trust %s total more than 64-bit "
                               "pence",
                               at, at[0] ? ": " : "", p->scheme_ref, p->trust_code);
            goto done;
        }
        groups[g].total += parts[i].compared;
        groups[g].parts++;
    }
    for (size_t i = 0; i < pf->count; i++) {
        const group *g = &groups[parts[i].group];
        st = tai_capital_judge(pf->items[i], r, g->total, g->parts, parts[i].compared);
        if (st != TA_OK) {
            tai_error_set(&pf->err, st, "%s", pf->items[i]->err.msg);
            goto done;
        }
    }
    tai_error_clear(&pf->err);
done:
    tai_text_free(&key);
    tai_text_free(&row);
    tai_strmap_free(&rows);
    tai_free(&pf->alloc, parts);
    tai_free(&pf->alloc, groups);
    tai_strmap_free(&map);
    return st;
}

/* ---- rows read from text ------------------------------------------------ */

size_t ta_capital_portfolio_row_error_count(const ta_capital_portfolio *pf)
{
    return pf == NULL ? 0 : pf->n_row_errors;
}

ta_status ta_capital_portfolio_row_error(size_t *line, size_t *column, ta_status *status,
                                         const ta_capital_portfolio *pf, size_t i)
{
    if (pf == NULL)
        return TA_EINVAL;
    if (i >= pf->n_row_errors)
        return TA_ERANGE;
    const tai_row_error *e = &pf->row_errors[i];
    if (line != NULL)
        *line = e->line;
    if (column != NULL)
        *column = e->column;
    if (status != NULL)
        *status = e->status;
    return TA_OK;
}

const char *ta_capital_portfolio_row_error_message(const ta_capital_portfolio *pf, size_t i)
{
    return pf != NULL && i < pf->n_row_errors ? pf->row_errors[i].msg : NULL;
}

size_t ta_capital_portfolio_column_count(const ta_capital_portfolio *pf)
{
    return pf == NULL ? 0 : pf->n_columns;
}

const char *ta_capital_portfolio_column_name(const ta_capital_portfolio *pf, size_t c)
{
    return pf == NULL || c >= pf->n_columns ? NULL : pf->columns[c];
}

const char *ta_capital_portfolio_cell(const ta_capital_portfolio *pf, size_t i, size_t c)
{
    if (pf == NULL || i >= pf->count || c >= pf->n_columns)
        return NULL;
    const ta_capital_proposal *p = pf->items[i];
    return c < p->n_cells ? p->cells[c] : "";
}

size_t ta_capital_portfolio_line(const ta_capital_portfolio *pf, size_t i)
{
    return pf == NULL || i >= pf->count ? 0 : pf->items[i]->line;
}
