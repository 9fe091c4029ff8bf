/*
 * A growing string with a sticky status (see etext.h).
 */
#include "etext.h"

#include <math.h>
#include <string.h>

#include "common/alloc.h"
#include "common/number.h"
#include "trustassess/date.h"

void tai_etext_init(tai_etext *t, const ta_allocator *alloc)
{
    t->alloc = alloc;
    t->data = NULL;
    t->len = t->cap = 0;
    t->st = TA_OK;
}

void tai_etext_clear(tai_etext *t)
{
    t->len = 0;
    t->st = TA_OK;
    if (t->data)
        t->data[0] = '\0';
}

void tai_etext_free(tai_etext *t)
{
    tai_free(t->alloc, t->data);
    tai_etext_init(t, t->alloc);
}

void tai_etext_append(tai_etext *t, const char *s, size_t len)
{
    if (t->st != TA_OK)
        return;
    if (len > (size_t)-1 - t->len - 1 ||
        tai_grow(t->alloc, (void **)&t->data, &t->cap, t->len + len + 1, 1) != TA_OK) {
        t->st = TA_ENOMEM;
        return;
    }
    memcpy(t->data + t->len, s, len);
    t->len += len;
    t->data[t->len] = '\0';
}

void tai_etext_puts(tai_etext *t, const char *s)
{
    tai_etext_append(t, s, strlen(s));
}

void tai_etext_pad(tai_etext *t, char c, size_t n)
{
    while (n-- > 0)
        tai_etext_append(t, &c, 1);
}

void tai_etext_int(tai_etext *t, int64_t n)
{
    char buf[32];
    int len = tai_format_fixed(buf, sizeof buf, (double)n, 0);
    if (len < 0) {
        t->st = t->st == TA_OK ? TA_ERANGE : t->st;
        return;
    }
    tai_etext_append(t, buf, (size_t)len);
}

void tai_etext_figure(tai_etext *t, double x)
{
    char buf[48];
    int decimals = 2, len;
    while (decimals < 6 && fabs(x - tai_round_half_up(x, decimals)) > 1e-9)
        decimals++;
    len = tai_format_fixed(buf, sizeof buf, x, decimals);
    if (len < 0) {
        t->st = t->st == TA_OK ? TA_ERANGE : t->st;
        return;
    }
    tai_etext_append(t, buf, (size_t)len);
}

void tai_etext_date(tai_etext *t, ta_date d)
{
    char buf[TA_DATE_TEXT_SIZE];
    if (ta_date_format(d, buf, sizeof buf) != TA_OK) {
        t->st = t->st == TA_OK ? TA_ERANGE : t->st;
        return;
    }
    tai_etext_puts(t, buf);
}

void tai_etext_csv_field(tai_etext *t, const char *s)
{
    if (strpbrk(s, ",\"\r\n") == NULL) {
        tai_etext_puts(t, s);
        return;
    }
    tai_etext_append(t, "\"", 1);
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            tai_etext_append(t, "\"", 1);
        tai_etext_append(t, p, 1);
    }
    tai_etext_append(t, "\"", 1);
}

void tai_etext_json_string(tai_etext *t, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    tai_etext_append(t, "\"", 1);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        char esc[7] = {'\\', 'u', '0', '0', 0, 0, 0};
        if (*p == '"' || *p == '\\') {
            tai_etext_append(t, "\\", 1);
            tai_etext_append(t, (const char *)p, 1);
        } else if (*p == '\n') {
            tai_etext_append(t, "\\n", 2);
        } else if (*p < 0x20) {
            esc[4] = hex[*p >> 4];
            esc[5] = hex[*p & 15];
            tai_etext_append(t, esc, 6);
        } else {
            tai_etext_append(t, (const char *)p, 1);
        }
    }
    tai_etext_append(t, "\"", 1);
}

char *tai_etext_dup(const tai_etext *t)
{
    if (t->st != TA_OK)
        return NULL;
    return tai_strndup(t->alloc, t->data ? t->data : "", t->len);
}
