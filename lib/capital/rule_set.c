/*
 * Capital rule sets: parameters with sources, the preset, and the rules file.
 *
 * The built-in preset is itself rules-file text read by the same loader, so
 * the figures a user sees in `docs/capital.md`, in a rules file and in the
 * library are one set of figures with one reader. Each parameter's domain is
 * checked in one place (check_value) for the setters and the file alike.
 */
#include <string.h>

#include "capital_internal.h"
#include "common/alloc.h"
#include "common/csv.h"
#include "common/file.h"

/* ---- the preset --------------------------------------------------------- */

static const char preset_capital_2025[] = "Parameter,Value,Source\n"
                                          "light_threshold,\"100,000,000.00\",A1\n"
                                          "light_comparison,<,our reading\n"
                                          "light_statuses,Advanced foundation trust,A1\n"
                                          "light_funding,Own savings,A1; our reading\n"
                                          "light_needs_savings,yes,our reading\n"
                                          "limit_nhs_trust,\"25,000,000.00\",C1\n"
                                          "limit_ft_distress,\"25,000,000.00\",C1\n"
                                          "limit_ft,\"50,000,000.00\",C1\n"
                                          "limit_segment_1,none,placeholder\n"
                                          "limit_segment_2,none,placeholder\n"
                                          "limit_segment_3,none,placeholder\n"
                                          "limit_segment_4,none,placeholder\n"
                                          "limit_segment_5,none,placeholder\n"
                                          "hmt_limit,\"300,000,000.00\",C2; C4\n"
                                          "tier_comparison,>,our reading\n"
                                          "vat_included,yes,our reading\n"
                                          "whole_life_cost,no,our reading\n"
                                          "unknown_distress,yes,our reading\n"
                                          "documents_light,BJC,our reading\n"
                                          "documents_board,BJC,C3; our reading\n"
                                          "documents_jisc,SOC;OBC;FBC,C3\n"
                                          "documents_hmt,SOC;OBC;FBC,C3\n"
                                          "light_no_distress,yes,A1; our reading\n"
                                          "light_no_deficit,yes,A1; our reading\n"
                                          "light_max_segment,2,our reading\n"
                                          "light_unknown_finances,no,our reading\n"
                                          "savings_years,1,A1; our reading\n";

/* The table ends with a NULL name, which every lookup walks to: no index is
 * compared with a count, so none can read past the table. */
static const struct {
    const char *name;
    const char *text;
} presets[] = {{"capital-2025", preset_capital_2025}, {NULL, NULL}};

size_t ta_capital_rules_preset_count(void)
{
    return sizeof presets / sizeof *presets - 1;
}

const char *ta_capital_rules_preset_name(size_t i)
{
    for (size_t k = 0; presets[k].name; k++)
        if (k == i)
            return presets[k].name;
    return NULL;
}

/* ---- parameter names and kinds ------------------------------------------ */

typedef enum kind {
    K_MONEY,
    K_MONEY_OPT,
    K_LT,
    K_GT,
    K_STATUSES,
    K_FUNDING,
    K_YESNO,
    K_DOCS,
    K_SEGMENT, /* 0..5, "any" = 0 */
    K_YEARS    /* 0..50 */
} kind;

static const struct {
    const char *name;
    kind kind;
    const char *description;
} params[TA_CAPITAL_PARAM_COUNT] = {
    {"light_threshold", K_MONEY, "An amount under this threshold may take the light route."},
    {"light_comparison", K_LT, "Whether the light threshold is strict (<) or inclusive (<=)."},
    {"light_statuses", K_STATUSES, "The trust statuses that may take the light route."},
    {"light_funding", K_FUNDING, "The funding that counts as the trust's own savings."},
    {"light_needs_savings", K_YESNO, "Whether the savings available must cover the amount."},
    {"limit_nhs_trust", K_MONEY, "The delegated limit of an NHS trust."},
    {"limit_ft_distress", K_MONEY,
     "The delegated limit of a foundation trust in financial distress."},
    {"limit_ft", K_MONEY,
     "The delegated limit of a foundation trust (advanced or not) not in financial distress."},
    {"limit_segment_1", K_MONEY_OPT, "The delegated limit of a trust in NOF segment 1, if set."},
    {"limit_segment_2", K_MONEY_OPT, "The delegated limit of a trust in NOF segment 2, if set."},
    {"limit_segment_3", K_MONEY_OPT, "The delegated limit of a trust in NOF segment 3, if set."},
    {"limit_segment_4", K_MONEY_OPT, "The delegated limit of a trust in NOF segment 4, if set."},
    {"limit_segment_5", K_MONEY_OPT, "The delegated limit of a trust in NOF segment 5, if set."},
    {"hmt_limit", K_MONEY, "Above this HM Treasury must also approve."},
    {"tier_comparison", K_GT, "Whether a tier is needed over a limit (>) or at or over it (>=)."},
    {"vat_included", K_YESNO, "Whether VAT is added to the amount compared."},
    {"whole_life_cost", K_YESNO,
     "Whether the whole-life cost is compared instead of the capital cost."},
    {"unknown_distress", K_YESNO, "Whether an unknown distress flag counts as financial distress."},
    {"documents_light", K_DOCS, "The documents the light route needs."},
    {"documents_board", K_DOCS, "The documents a scheme within the delegated limit needs."},
    {"documents_jisc", K_DOCS, "The documents a scheme over the delegated limit needs."},
    {"documents_hmt", K_DOCS, "The documents a scheme over the HM Treasury limit needs."},
    {"light_no_distress", K_YESNO,
     "Whether a trust in financial distress is refused the light route (sound finances)."},
    {"light_no_deficit", K_YESNO,
     "Whether a trust in financial deficit is refused the light route (sound finances)."},
    {"light_max_segment", K_SEGMENT,
     "The worst NOF segment that may take the light route (any: no limit)."},
    {"light_unknown_finances", K_YESNO,
     "Whether an unknown distress, deficit or segment closes the light route."},
    {"savings_years", K_YEARS,
     "With savings per financial year, the years counted before the scheme's own year."},
};

static int valid_param(ta_capital_param p)
{
    return (int)p >= 0 && (int)p < TA_CAPITAL_PARAM_COUNT;
}

const char *ta_capital_param_name(ta_capital_param p)
{
    return valid_param(p) ? params[p].name : "";
}

const char *ta_capital_param_description(ta_capital_param p)
{
    return valid_param(p) ? params[p].description : "";
}

/* The names of each set, in the order of its enum or bits, ending in NULL so
 * that a lookup walks to the end and never reads one past. */
static const char *const status_names[] = {"NHS trust", "Foundation trust",
                                           "Advanced foundation trust", NULL};
static const char *const funding_names[] = {"Own savings", "National", "Mixed", NULL};

const char *ta_ft_status_name(ta_ft_status status)
{
    return (int)status >= 0 && (int)status <= 2 ? status_names[status] : "";
}

const char *ta_capital_funding_name(ta_capital_funding funding)
{
    return (int)funding >= 0 && (int)funding <= 2 ? funding_names[funding] : "";
}

const char *ta_capital_route_name(ta_capital_route route)
{
    return route == TA_ROUTE_LIGHT ? "light" : route == TA_ROUTE_STANDARD ? "standard" : "";
}

const char *ta_capital_body_name(ta_capital_body body)
{
    switch (body) {
    case TA_BODY_TRUST_BOARD:
        return "Trust board";
    case TA_BODY_JISC:
        return "JISC (NHS England and DHSC)";
    case TA_BODY_HM_TREASURY:
        return "HM Treasury";
    }
    return "";
}

static const char *const doc_names[] = {"SOC", "OBC", "FBC", "BJC", NULL};

const char *ta_capital_document_name(unsigned doc)
{
    for (unsigned k = 0; k < 4; k++) {
        if (doc == (1u << k))
            return doc_names[k];
    }
    return "";
}

/* ---- small text helpers shared by the module ---------------------------- */

int tai_capital_valid_name(const char *s)
{
    size_t n = 0;
    if (s == NULL)
        return 0;
    for (; s[n] != '\0'; n++) {
        if ((unsigned char)s[n] < 0x20 || (unsigned char)s[n] > 0x7E || n >= TAI_CAPITAL_NAME_MAX)
            return 0;
    }
    return n > 0;
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static void trim(const char **s, size_t *len)
{
    while (*len > 0 && (**s == ' ' || **s == '\t')) {
        (*s)++;
        (*len)--;
    }
    while (*len > 0 && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
        (*len)--;
}

int tai_capital_word_eq(const char *s, size_t len, const char *word)
{
    trim(&s, &len);
    size_t n = strlen(word);
    if (n != len)
        return 0;
    for (size_t k = 0; k < n; k++) {
        if (lower(s[k]) != lower(word[k]))
            return 0;
    }
    return 1;
}

int tai_capital_parse_status(const char *s, size_t len, ta_ft_status *out)
{
    for (int k = 0; status_names[k]; k++) {
        if (tai_capital_word_eq(s, len, status_names[k])) {
            *out = (ta_ft_status)k;
            return 1;
        }
    }
    return 0;
}

ta_status ta_ft_status_parse(ta_ft_status *out, const char *text)
{
    if (!out || !text)
        return TA_EINVAL;
    return tai_capital_parse_status(text, strlen(text), out) ? TA_OK : TA_EPARSE;
}

ta_status ta_capital_funding_parse(ta_capital_funding *out, const char *text)
{
    if (!out || !text)
        return TA_EINVAL;
    return tai_capital_parse_funding(text, strlen(text), out) ? TA_OK : TA_EPARSE;
}

int tai_capital_parse_funding(const char *s, size_t len, ta_capital_funding *out)
{
    for (int k = 0; funding_names[k]; k++) {
        if (tai_capital_word_eq(s, len, funding_names[k])) {
            *out = (ta_capital_funding)k;
            return 1;
        }
    }
    return 0;
}

/* ---- values ------------------------------------------------------------- */

static int check_value(ta_capital_param p, int64_t v)
{
    switch (params[p].kind) {
    case K_MONEY:
        return v >= 0;
    case K_MONEY_OPT:
        return v >= -1;
    case K_LT:
    case K_GT:
    case K_YESNO:
        return v == 0 || v == 1;
    case K_STATUSES:
    case K_FUNDING:
        return v >= 0 && v <= 7;
    case K_DOCS:
        return v >= 0 && v <= (int64_t)TA_DOC_ALL;
    case K_SEGMENT:
        return v >= 0 && v <= 5;
    case K_YEARS:
        return v >= 0 && v <= 50;
    }
    return 0;
}

static int valid_source(const char *s)
{
    size_t n = 0;
    if (s == NULL)
        return 0;
    for (; s[n] != '\0'; n++) {
        if ((unsigned char)s[n] < 0x20 || (unsigned char)s[n] > 0x7E || n >= TAI_CAPITAL_SOURCE_MAX)
            return 0;
    }
    return n > 0;
}

/* Parses rules-file text for parameter p. 0 if malformed. */
static int parse_value(ta_capital_param p, const char *s, size_t len, int64_t *out)
{
    const char *t = s;
    size_t n = len;
    trim(&t, &n);
    switch (params[p].kind) {
    case K_MONEY_OPT:
        if (n == 0 || tai_capital_word_eq(t, n, "none")) {
            *out = -1;
            return 1;
        }
        /* fall through */
    case K_MONEY:
        return ta_money_parse_n(out, t, n) == TA_OK;
    case K_LT:
        *out = tai_capital_word_eq(t, n, "<=") ? 1 : 0;
        return tai_capital_word_eq(t, n, "<") || *out == 1;
    case K_GT:
        *out = tai_capital_word_eq(t, n, ">=") ? 1 : 0;
        return tai_capital_word_eq(t, n, ">") || *out == 1;
    case K_YESNO:
        *out = tai_capital_word_eq(t, n, "yes") ? 1 : 0;
        return tai_capital_word_eq(t, n, "no") || *out == 1;
    case K_SEGMENT:
    case K_YEARS:
        if (params[p].kind == K_SEGMENT && tai_capital_word_eq(t, n, "any")) {
            *out = 0;
            return 1;
        }
        if (n == 0 || n > 2)
            return 0;
        *out = 0;
        for (size_t k = 0; k < n; k++) {
            if (t[k] < '0' || t[k] > '9')
                return 0;
            *out = *out * 10 + (t[k] - '0');
        }
        return check_value(p, *out);
    case K_STATUSES:
    case K_FUNDING:
    case K_DOCS:
        break;
    }
    /* A ';'-separated set, or "none". */
    *out = 0;
    if (tai_capital_word_eq(t, n, "none"))
        return 1;
    size_t start = 0;
    for (size_t k = 0; k <= n; k++) {
        if (k < n && t[k] != ';')
            continue;
        const char *item = t + start;
        size_t item_len = k - start;
        int bit = -1;
        if (params[p].kind == K_STATUSES) {
            ta_ft_status st;
            if (tai_capital_parse_status(item, item_len, &st))
                bit = (int)st;
        } else if (params[p].kind == K_FUNDING) {
            ta_capital_funding f;
            if (tai_capital_parse_funding(item, item_len, &f))
                bit = (int)f;
        } else {
            for (int d = 0; doc_names[d]; d++) {
                if (tai_capital_word_eq(item, item_len, doc_names[d]))
                    bit = d;
            }
        }
        if (bit < 0)
            return 0;
        *out |= (int64_t)1 << bit;
        start = k + 1;
    }
    return 1;
}

/* ---- the handle --------------------------------------------------------- */

static ta_status load_text(ta_capital_rules *r, const char *data, size_t len, const char *name);

/* A rule set named `name` holding the values of preset i (complete rules-file
 * text, read by the same loader as a user's file). */
static ta_status rules_create(ta_capital_rules **out, const char *name, size_t i,
                              const ta_allocator *alloc)
{
    ta_allocator a;
    if (out == NULL)
        return TA_EINVAL;
    *out = NULL;
    if (!tai_capital_valid_name(name) || tai_alloc_init(&a, alloc) != TA_OK)
        return TA_EINVAL;
    ta_capital_rules *r = tai_calloc(&a, 1, sizeof *r);
    if (r == NULL)
        return TA_ENOMEM;
    r->alloc = a;
    strcpy(r->name, name);
    ta_status st = load_text(r, presets[i].text, strlen(presets[i].text), presets[i].name);
    if (st != TA_OK) {
        tai_free(&a, r);
        return st == TA_ENOMEM ? TA_ENOMEM : TA_EINVAL;
    }
    *out = r;
    return TA_OK;
}

ta_status ta_capital_rules_new(ta_capital_rules **out, const char *name, const ta_allocator *alloc)
{
    return rules_create(out, name, 0, alloc); /* the "capital-2025" values */
}

ta_status ta_capital_rules_preset(ta_capital_rules **out, const char *name,
                                  const ta_allocator *alloc)
{
    if (out == NULL)
        return TA_EINVAL;
    *out = NULL;
    if (name == NULL)
        return TA_EINVAL;
    for (size_t i = 0; presets[i].name; i++) {
        if (strcmp(presets[i].name, name) == 0)
            return rules_create(out, name, i, alloc);
    }
    return TA_ENOTFOUND;
}

void ta_capital_rules_free(ta_capital_rules *r)
{
    if (r == NULL)
        return;
    ta_allocator a = r->alloc;
    tai_free(&a, r);
}

const char *ta_capital_rules_error(const ta_capital_rules *r)
{
    return r == NULL ? "" : r->err.msg;
}

const char *ta_capital_rules_name(const ta_capital_rules *r)
{
    return r == NULL ? NULL : r->name;
}

ta_status ta_capital_rules_set(ta_capital_rules *r, ta_capital_param p, int64_t value,
                               const char *source)
{
    if (r == NULL)
        return TA_EINVAL;
    if (!valid_param(p))
        return tai_error_set(&r->err, TA_EINVAL, "unknown capital rule parameter %d", (int)p);
    if (!valid_source(source))
        return tai_error_set(&r->err, TA_EINVAL,
                             "the source of %s must be 1 to %d printable characters",
                             params[p].name, TAI_CAPITAL_SOURCE_MAX);
    if (!check_value(p, value))
        return tai_error_set(&r->err, TA_ERANGE, "the value given for %s is outside its domain",
                             params[p].name);
    r->value[p] = value;
    strcpy(r->source[p], source);
    tai_error_clear(&r->err);
    return TA_OK;
}

ta_status ta_capital_rules_get(int64_t *value, const char **source, const ta_capital_rules *r,
                               ta_capital_param p)
{
    if (r == NULL || !valid_param(p))
        return TA_EINVAL;
    if (value != NULL)
        *value = r->value[p];
    if (source != NULL)
        *source = r->source[p];
    return TA_OK;
}

/* Appends s to buf[*n..size); 0 if it does not fit. */
static int put(char *buf, size_t size, size_t *n, const char *s)
{
    size_t len = strlen(s);
    if (*n + len + 1 > size)
        return 0;
    memcpy(buf + *n, s, len + 1);
    *n += len;
    return 1;
}

ta_status ta_capital_rules_value_text(char *buf, size_t size, const ta_capital_rules *r,
                                      ta_capital_param p)
{
    if (r == NULL || !valid_param(p) || buf == NULL || size == 0)
        return TA_EINVAL;
    int64_t v = r->value[p];
    size_t n = 0;
    int ok = 1; /* every case writes buf whole, from its start, or fails */
    switch (params[p].kind) {
    case K_MONEY_OPT:
        if (v < 0) {
            ok = put(buf, size, &n, "none");
            break;
        }
        /* fall through */
    case K_MONEY:
        return ta_money_format(buf, size, v, TA_MONEY_POUND | TA_MONEY_GROUPED);
    case K_LT:
        ok = put(buf, size, &n, v ? "<=" : "<");
        break;
    case K_GT:
        ok = put(buf, size, &n, v ? ">=" : ">");
        break;
    case K_YESNO:
        ok = put(buf, size, &n, v ? "yes" : "no");
        break;
    case K_SEGMENT:
    case K_YEARS: {
        char digits[3] = {(char)('0' + v / 10), (char)('0' + v % 10), '\0'};
        ok = put(buf, size, &n,
                 params[p].kind == K_SEGMENT && v == 0 ? "any"
                 : v < 10                              ? digits + 1
                                                       : digits);
        break;
    }
    case K_STATUSES:
    case K_FUNDING:
    case K_DOCS: {
        const char *const *names = params[p].kind == K_STATUSES  ? status_names
                                   : params[p].kind == K_FUNDING ? funding_names
                                                                 : doc_names;
        /* Documents are listed in the order a scheme produces them: SOC, OBC, FBC, BJC. */
        for (int k = 0; names[k] && ok; k++) {
            if (!(v & ((int64_t)1 << k)))
                continue;
            ok = (n == 0 || put(buf, size, &n, ";")) && put(buf, size, &n, names[k]);
        }
        if (ok && n == 0)
            ok = put(buf, size, &n, "none");
        break;
    }
    }
    if (!ok) {
        buf[0] = '\0';
        return TA_ERANGE;
    }
    return TA_OK;
}

static int find_param(const char *s, size_t len, ta_capital_param *out)
{
    for (int k = 0; k < TA_CAPITAL_PARAM_COUNT; k++) {
        if (tai_capital_word_eq(s, len, params[k].name)) {
            *out = (ta_capital_param)k;
            return 1;
        }
    }
    return 0;
}

ta_status ta_capital_rules_set_text(ta_capital_rules *r, const char *param, const char *value,
                                    const char *source)
{
    if (r == NULL)
        return TA_EINVAL;
    if (param == NULL || value == NULL)
        return tai_error_set(&r->err, TA_EINVAL, "parameter name and value must not be NULL");
    ta_capital_param p;
    if (!find_param(param, strlen(param), &p))
        return tai_error_set(&r->err, TA_ENOTFOUND, "unknown capital rule parameter \"%s\"", param);
    int64_t v;
    if (!parse_value(p, value, strlen(value), &v))
        return tai_error_set(&r->err, TA_EPARSE, "\"%s\" is not a valid value for %s", value,
                             params[p].name);
    return ta_capital_rules_set(r, p, v, source);
}

/* ---- the rules file ----------------------------------------------------- */

static ta_status load_text(ta_capital_rules *r, const char *data, size_t len, const char *name)
{
    tai_csv csv;
    int has;
    ta_status st;
    size_t col_param = 0, col_value = 0, col_source = 0;
    int seen_param = 0, seen_value = 0, seen_source = 0;
    int64_t value[TA_CAPITAL_PARAM_COUNT];
    char source[TA_CAPITAL_PARAM_COUNT][TAI_CAPITAL_SOURCE_MAX + 1];
    memcpy(value, r->value, sizeof value);
    memcpy(source, r->source, sizeof source);

    tai_csv_init(&csv, &r->alloc, name, data, len);
    st = tai_csv_next(&csv, &has, &r->err);
    if (st != TA_OK)
        goto done;
    if (!has) {
        st = tai_error_set(&r->err, TA_EPARSE, "%s: empty rules file (no header)", name);
        goto done;
    }
    for (size_t c = 0; c < tai_csv_field_count(&csv); c++) {
        size_t flen;
        const char *f = tai_csv_field(&csv, c, &flen);
        int *seen = tai_capital_word_eq(f, flen, "Parameter") ? &seen_param
                    : tai_capital_word_eq(f, flen, "Value")   ? &seen_value
                    : tai_capital_word_eq(f, flen, "Source")  ? &seen_source
                                                              : NULL;
        if (seen == NULL)
            continue; /* other columns (notes) are ignored */
        if (*seen) {
            st = tai_error_set(&r->err, TA_EPARSE, "%s:%zu:%zu: column \"%s\" given twice", name,
                               tai_csv_record_line(&csv), tai_csv_field_column(&csv, c), f);
            goto done;
        }
        *seen = 1;
        if (seen == &seen_param)
            col_param = c;
        else if (seen == &seen_value)
            col_value = c;
        else
            col_source = c;
    }
    if (!seen_param || !seen_value || !seen_source) {
        st = tai_error_set(&r->err, TA_EPARSE,
                           "%s:%zu: the header must name the columns Parameter, Value and Source",
                           name, tai_csv_record_line(&csv));
        goto done;
    }
    for (;;) {
        st = tai_csv_next(&csv, &has, &r->err);
        if (st != TA_OK || !has)
            break;
        size_t nf = tai_csv_field_count(&csv), line = tai_csv_record_line(&csv);
        size_t plen, vlen;
        if (nf == 1 && tai_csv_field(&csv, 0, &plen) != NULL && plen == 0)
            continue; /* blank line */
        if (nf <= col_param || nf <= col_value || nf <= col_source) {
            st = tai_error_set(&r->err, TA_EPARSE, "%s:%zu: the row has %zu fields, too few", name,
                               line, nf);
            break;
        }
        const char *pname = tai_csv_field(&csv, col_param, &plen);
        const char *vtext = tai_csv_field(&csv, col_value, &vlen);
        const char *src = tai_csv_field(&csv, col_source, NULL);
        ta_capital_param p;
        int64_t v;
        if (!find_param(pname, plen, &p)) {
            st = tai_error_set(&r->err, TA_ENOTFOUND, "%s:%zu:%zu: unknown parameter \"%s\"", name,
                               line, tai_csv_field_column(&csv, col_param), pname);
            break;
        }
        if (!parse_value(p, vtext, vlen, &v) || !check_value(p, v)) {
            st = tai_error_set(&r->err, TA_EPARSE, "%s:%zu:%zu: \"%s\" is not a valid value for %s",
                               name, line, tai_csv_field_column(&csv, col_value), vtext,
                               params[p].name);
            break;
        }
        if (!valid_source(src)) {
            st = tai_error_set(&r->err, TA_EPARSE,
                               "%s:%zu:%zu: the source of %s must be 1 to %d printable characters",
                               name, line, tai_csv_field_column(&csv, col_source), params[p].name,
                               TAI_CAPITAL_SOURCE_MAX);
            break;
        }
        value[p] = v;
        strcpy(source[p], src);
    }
done:
    tai_csv_free(&csv);
    if (st == TA_OK) {
        memcpy(r->value, value, sizeof value);
        memcpy(r->source, source, sizeof source);
        tai_error_clear(&r->err);
    }
    return st;
}

ta_status ta_capital_rules_read_buffer(ta_capital_rules *r, const char *data, size_t len,
                                       const char *name)
{
    if (r == NULL)
        return TA_EINVAL;
    if (data == NULL && len > 0)
        return tai_error_set(&r->err, TA_EINVAL, "rules data is NULL");
    return load_text(r, data == NULL ? "" : data, len, name == NULL ? "rules" : name);
}

static ta_status parse_buffer(void *r, const char *data, size_t len, const char *name)
{
    return load_text(r, data, len, name);
}

ta_status ta_capital_rules_read_file(ta_capital_rules *r, const char *path)
{
    if (r == NULL)
        return TA_EINVAL;
    if (path == NULL)
        return tai_error_set(&r->err, TA_EINVAL, "rules file path is NULL");
    return tai_parse_file(&r->alloc, path, &r->err, parse_buffer, r);
}

const char *ta_capital_tier_name(ta_capital_tier v)
{
    switch (v) {
    case TA_TIER_LIGHT:
        return "light";
    case TA_TIER_BOARD:
        return "board";
    case TA_TIER_JISC:
        return "jisc";
    case TA_TIER_HMT:
        return "hmt";
    }
    return "";
}

const char *ta_capital_output_name(ta_capital_output v)
{
    switch (v) {
    case TA_OUT_ROUTE:
        return "route";
    case TA_OUT_APPROVERS:
        return "approvers";
    case TA_OUT_DOCUMENTS:
        return "documents";
    case TA_OUT_HEADROOM:
        return "headroom";
    case TA_OUT_REASONS:
        return "reasons";
    }
    return "";
}
