/*
 * A handle's error message, formatted without the C library's printf.
 *
 * printf takes its decimal point and digit grouping from the host's locale
 * (and the host may call setlocale at any time), so the few conversions a
 * message needs are written here by hand: %s, %d, %u, %zu, %c and %%. Numbers
 * with decimals are turned into text by tai_format_fixed before they get here.
 *
 * The message lives in the handle's fixed buffer, so reporting an error never
 * allocates. Text that does not fit is cut at a UTF-8 character boundary, so a
 * truncated message is still valid UTF-8 for bindings that decode it. A
 * conversion this formatter does not know is copied literally and consumes no
 * argument.
 */
#include "error.h"

#include <stdarg.h>
#include <stddef.h>

/* The message being written: at most TAI_ERROR_SIZE - 1 bytes, then a NUL. */
typedef struct msg_out {
    char *buf;
    size_t len;
    int truncated;
} msg_out;

static void put_char(msg_out *o, char c)
{
    if (o->len < TAI_ERROR_SIZE - 1)
        o->buf[o->len++] = c;
    else
        o->truncated = 1;
}

static void put_str(msg_out *o, const char *s)
{
    while (*s != '\0')
        put_char(o, *s++);
}

static void put_unsigned(msg_out *o, unsigned long long v)
{
    char digits[24];
    size_t n = 0;

    do {
        digits[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    while (n > 0)
        put_char(o, digits[--n]);
}

static void put_int(msg_out *o, int v)
{
    if (v < 0) {
        put_char(o, '-');
        /* -(v + 1) + 1 avoids negating INT_MIN. */
        put_unsigned(o, (unsigned long long)(-(v + 1)) + 1);
    } else {
        put_unsigned(o, (unsigned long long)v);
    }
}

/* Drops an incomplete UTF-8 sequence left at the end by truncation. Truncation
 * leaves the buffer full (len is TAI_ERROR_SIZE - 1), so the 4 bytes back from
 * the end that a sequence can take are all in it. */
static void trim_partial_utf8(msg_out *o)
{
    size_t lead = o->len;
    size_t need;
    unsigned char c;

    while (((unsigned char)o->buf[lead - 1] & 0xC0) == 0x80 && o->len - lead < 3)
        lead--;
    c = (unsigned char)o->buf[lead - 1];
    if (c < 0xC0)
        return; /* ASCII or a stray continuation byte: nothing to repair */
    need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (o->len - (lead - 1) < need)
        o->len = lead - 1;
}

ta_status tai_error_set(tai_error *e, ta_status status, const char *fmt, ...)
{
    msg_out o;
    va_list ap;
    const char *p;
    const char *s;

    if (e == NULL)
        return status;
    o.buf = e->msg;
    o.len = 0;
    o.truncated = 0;
    va_start(ap, fmt);
    for (p = fmt != NULL ? fmt : ""; *p != '\0'; p++) {
        if (*p != '%') {
            put_char(&o, *p);
            continue;
        }
        switch (p[1]) {
        case 's':
            s = va_arg(ap, const char *);
            put_str(&o, s != NULL ? s : "(null)");
            p++;
            break;
        case 'd':
            put_int(&o, va_arg(ap, int));
            p++;
            break;
        case 'u':
            put_unsigned(&o, va_arg(ap, unsigned int));
            p++;
            break;
        case 'c':
            put_char(&o, (char)va_arg(ap, int));
            p++;
            break;
        case '%':
            put_char(&o, '%');
            p++;
            break;
        case 'z':
            if (p[2] == 'u') {
                put_unsigned(&o, va_arg(ap, size_t));
                p += 2;
            } else {
                put_char(&o, '%');
            }
            break;
        default:
            put_char(&o, '%');
            break;
        }
    }
    va_end(ap);
    if (o.truncated)
        trim_partial_utf8(&o);
    o.buf[o.len] = '\0';
    return status;
}

void tai_error_clear(tai_error *e)
{
    if (e != NULL)
        e->msg[0] = '\0';
}
