/*
 * The growing string and its CSV and JSON field encoders (see text.h).
 */
#include "text.h"

#include <math.h>
#include <string.h>

#include "alloc.h"
#include "number.h"
#include "trustassess/date.h"

void tai_text_init(tai_text *t, const ta_allocator *alloc)
{
    t->alloc = alloc;
    t->data = NULL;
    t->len = t->cap = 0;
    t->st = TA_OK;
}

void tai_text_clear(tai_text *t)
{
    t->len = 0;
    t->st = TA_OK;
    if (t->data)
        t->data[0] = '\0';
}

void tai_text_free(tai_text *t)
{
    tai_free(t->alloc, t->data);
    tai_text_init(t, t->alloc);
}

/* Records a failure unless an earlier one is kept; returns the status. */
static ta_status fail(tai_text *t, ta_status st)
{
    if (t->st == TA_OK)
        t->st = st;
    return t->st;
}

ta_status tai_text_append(tai_text *t, const char *s, size_t len)
{
    if (t->st != TA_OK)
        return t->st;
    if (len > (size_t)-1 - t->len - 1 ||
        tai_grow(t->alloc, (void **)&t->data, &t->cap, t->len + len + 1, 1) != TA_OK)
        return fail(t, TA_ENOMEM);
    memcpy(t->data + t->len, s, len);
    t->len += len;
    t->data[t->len] = '\0';
    return TA_OK;
}

ta_status tai_text_puts(tai_text *t, const char *s)
{
    return tai_text_append(t, s, strlen(s));
}

ta_status tai_text_pad(tai_text *t, char c, size_t n)
{
    while (n-- > 0)
        tai_text_append(t, &c, 1);
    return t->st;
}

ta_status tai_text_int(tai_text *t, int64_t n)
{
    char buf[32];
    int len = tai_format_fixed(buf, sizeof buf, (double)n, 0);
    if (len == -1) /* tai_format_fixed's only failure value */
        return fail(t, TA_ERANGE);
    return tai_text_append(t, buf, (size_t)len);
}

ta_status tai_text_figure(tai_text *t, double x)
{
    char buf[48];
    int decimals = 2, len;
    while (decimals < 6 && fabs(x - tai_round_half_up(x, decimals)) > 1e-9)
        decimals++;
    len = tai_format_fixed(buf, sizeof buf, x, decimals);
    if (len == -1) /* tai_format_fixed's only failure value */
        return fail(t, TA_ERANGE);
    return tai_text_append(t, buf, (size_t)len);
}

ta_status tai_text_date(tai_text *t, ta_date d)
{
    char buf[TA_DATE_TEXT_SIZE];
    if (ta_date_format(buf, sizeof buf, d) != TA_OK)
        return fail(t, TA_ERANGE);
    return tai_text_puts(t, buf);
}

ta_status tai_text_csv_field(tai_text *t, const char *s)
{
    if (strpbrk(s, ",\"\r\n") == NULL)
        return tai_text_puts(t, s);
    tai_text_append(t, "\"", 1);
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            tai_text_append(t, "\"", 1);
        tai_text_append(t, p, 1);
    }
    return tai_text_append(t, "\"", 1);
}

ta_status tai_text_json_string(tai_text *t, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    tai_text_append(t, "\"", 1);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        char esc[6] = "\\u00"; /* and two hex digits */
        if (*p == '"' || *p == '\\') {
            tai_text_append(t, "\\", 1);
            tai_text_append(t, (const char *)p, 1);
        } else if (*p == '\n') {
            tai_text_append(t, "\\n", 2);
        } else if (*p < 0x20) {
            esc[4] = hex[*p >> 4];
            esc[5] = hex[*p & 15];
            tai_text_append(t, esc, 6);
        } else {
            tai_text_append(t, (const char *)p, 1);
        }
    }
    return tai_text_append(t, "\"", 1);
}

char *tai_text_dup(const tai_text *t)
{
    if (t->st != TA_OK)
        return NULL;
    return tai_strndup(t->alloc, t->data ? t->data : "", t->len);
}
