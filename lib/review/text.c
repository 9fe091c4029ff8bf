/*
 * A growing string with CSV and iCalendar encoders (see text.h).
 */
#include "text.h"

#include <string.h>

#include "common/alloc.h"
#include "common/number.h"

#define TAI_ICS_FOLD 75

void tai_text_init(tai_text *t, const ta_allocator *alloc)
{
    t->alloc = alloc;
    t->data = NULL;
    t->len = t->cap = 0;
}

void tai_text_clear(tai_text *t)
{
    t->len = 0;
    if (t->data)
        t->data[0] = '\0';
}

ta_status tai_text_append(tai_text *t, const char *s, size_t len)
{
    if (len > (size_t)-1 - t->len - 1)
        return TA_ENOMEM;
    if (tai_grow(t->alloc, (void **)&t->data, &t->cap, t->len + len + 1, 1) != TA_OK)
        return TA_ENOMEM;
    memcpy(t->data + t->len, s, len);
    t->len += len;
    t->data[t->len] = '\0';
    return TA_OK;
}

ta_status tai_text_puts(tai_text *t, const char *s)
{
    return tai_text_append(t, s, strlen(s));
}

ta_status tai_text_int(tai_text *t, int64_t n)
{
    char buf[32];
    int len = tai_format_fixed(buf, sizeof buf, (double)n, 0);
    if (len < 0)
        return TA_ERANGE;
    return tai_text_append(t, buf, (size_t)len);
}

void tai_text_free(tai_text *t)
{
    tai_free(t->alloc, t->data);
    tai_text_init(t, t->alloc);
}

ta_status tai_text_csv_field(tai_text *t, const char *s)
{
    ta_status st;
    if (strpbrk(s, ",\"\r\n") == NULL)
        return tai_text_puts(t, s);
    if ((st = tai_text_append(t, "\"", 1)) != TA_OK)
        return st;
    for (const char *p = s; *p; p++) {
        if (*p == '"' && (st = tai_text_append(t, "\"", 1)) != TA_OK)
            return st;
        if ((st = tai_text_append(t, p, 1)) != TA_OK)
            return st;
    }
    return tai_text_append(t, "\"", 1);
}

ta_status tai_text_ics_escape(tai_text *t, const char *s)
{
    ta_status st = TA_OK;
    for (const char *p = s; *p && st == TA_OK; p++) {
        switch (*p) {
        case '\\':
            st = tai_text_append(t, "\\\\", 2);
            break;
        case ';':
            st = tai_text_append(t, "\\;", 2);
            break;
        case ',':
            st = tai_text_append(t, "\\,", 2);
            break;
        case '\r':
            if (p[1] == '\n')
                p++;
            st = tai_text_append(t, "\\n", 2);
            break;
        case '\n':
            st = tai_text_append(t, "\\n", 2);
            break;
        default:
            st = tai_text_append(t, p, 1);
        }
    }
    return st;
}

ta_status tai_text_ics_line(tai_text *t, const char *line, size_t len)
{
    size_t pos = 0, room = TAI_ICS_FOLD;
    ta_status st;
    for (;;) {
        size_t take = len - pos;
        if (take > room) {
            take = room;
            /* Back off to the start of a UTF-8 sequence (never a 10xxxxxx byte). */
            while (take > 0 && ((unsigned char)line[pos + take] & 0xC0) == 0x80)
                take--;
            if (take == 0) /* no character start within reach: invalid UTF-8, fold anyway */
                take = room;
        }
        if ((st = tai_text_append(t, line + pos, take)) != TA_OK)
            return st;
        pos += take;
        if ((st = tai_text_append(t, "\r\n", 2)) != TA_OK)
            return st;
        if (pos >= len)
            return TA_OK;
        if ((st = tai_text_append(t, " ", 1)) != TA_OK)
            return st;
        room = TAI_ICS_FOLD - 1;
    }
}
