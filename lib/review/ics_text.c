/*
 * RFC 5545 TEXT escaping and line folding (see ics_text.h).
 */
#include "ics_text.h"

#define TAI_ICS_FOLD 75

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
