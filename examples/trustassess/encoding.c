/*
 * The trustassess command: the text encoding of input files.
 *
 * Every input is UTF-8 (NHS England publishes UTF-8, with a byte order mark).
 * Excel's plain "CSV (Comma delimited)" saves Windows-1252 instead, where "£"
 * is the single byte 0xA3; read as UTF-8 that byte is an error, and the
 * library would reject "£99,999,999.99" as not an amount without saying why.
 * So the command checks the bytes first: a file that is not UTF-8 gets an
 * error naming the line and column of the first bad byte and saying how to
 * save the file as "CSV UTF-8", or to give --encoding windows-1252, which
 * decodes the file from Windows-1252 into UTF-8 before the library reads it.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "output.h"

/* Length of the UTF-8 sequence at p (1..4), or 0 when it is not valid
 * (overlong forms, surrogates and code points above U+10FFFF are invalid). */
static size_t utf8_length(const unsigned char *p, size_t left)
{
    unsigned c = p[0];
    size_t n;
    unsigned cp;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF)
        n = 3, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 4, cp = c & 0x07;
    else
        return 0;
    if (left < n)
        return 0;
    for (size_t k = 1; k < n; k++) {
        if ((p[k] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[k] & 0x3F);
    }
    if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    return n;
}

/* Windows-1252's bytes 0x80-0x9F as Unicode code points (0: undefined);
 * 0xA0-0xFF are Latin-1, the same code points. */
static const unsigned short cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

static void put_utf8(cli_buf *b, unsigned cp)
{
    char s[3];
    if (cp < 0x800) {
        s[0] = (char)(0xC0 | (cp >> 6));
        s[1] = (char)(0x80 | (cp & 0x3F));
        cli_buf_add(b, s, 2);
    } else {
        s[0] = (char)(0xE0 | (cp >> 12));
        s[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        s[2] = (char)(0x80 | (cp & 0x3F));
        cli_buf_add(b, s, 3);
    }
}

static int decode_cp1252(cli_buf *b, const char *name)
{
    cli_buf out = {0};
    size_t line = 1, col = 1;
    for (size_t i = 0; i < b->len; i++) {
        unsigned char c = (unsigned char)b->data[i];
        unsigned cp = c < 0x80 ? c : c < 0xA0 ? cp1252_high[c - 0x80] : c;
        if (cp == 0) {
            cli_buf_free(&out);
            return cli_error(CLI_INPUT,
                             "%s:%zu:%zu: byte 0x%02X is not a character of Windows-1252, so "
                             "the file is in neither UTF-8 nor Windows-1252",
                             name, line, col, c);
        }
        if (cp < 0x80)
            cli_buf_add(&out, (const char *)&c, 1);
        else
            put_utf8(&out, cp);
        if (c == '\n')
            line++, col = 1;
        else
            col++;
    }
    if (out.failed) {
        cli_buf_free(&out);
        return cli_error(CLI_INPUT, "%s: out of memory", name);
    }
    cli_buf_free(b);
    *b = out;
    return CLI_OK;
}

int cli_decode_input(cli_buf *b, const char *name, cli_encoding encoding)
{
    size_t line = 1, col = 1;
    /* A UTF-16 byte order mark (Excel's "Unicode Text"): neither encoding
     * reads it, and Windows-1252 would turn it into "\xFF\xFE" and NULs. */
    if (b->len >= 2 && (((unsigned char)b->data[0] == 0xFF && (unsigned char)b->data[1] == 0xFE) ||
                        ((unsigned char)b->data[0] == 0xFE && (unsigned char)b->data[1] == 0xFF)))
        return cli_error(CLI_INPUT,
                         "%s:1:1: the file is UTF-16 (it starts with the byte order mark 0x%02X "
                         "0x%02X, as Excel's \"Unicode Text\" does): save it as \"CSV UTF-8 "
                         "(Comma delimited)\"",
                         name, (unsigned char)b->data[0], (unsigned char)b->data[1]);
    if (encoding == CLI_ENCODING_WINDOWS_1252)
        return decode_cp1252(b, name);
    for (size_t i = 0; i < b->len;) {
        size_t n = utf8_length((const unsigned char *)b->data + i, b->len - i);
        if (n == 0)
            return cli_error(CLI_INPUT,
                             "%s:%zu:%zu: the file is not UTF-8 (byte 0x%02X); it looks like "
                             "Excel's \"CSV (Comma delimited)\" (Windows-1252): save it as "
                             "\"CSV UTF-8 (Comma delimited)\", or give --encoding windows-1252",
                             name, line, col, (unsigned char)b->data[i]);
        if (b->data[i] == '\n')
            line++, col = 1;
        else
            col++;
        i += n;
    }
    return CLI_OK;
}

int cli_encoding_parse(cli_encoding *e, const char *text)
{
    static const char *const utf8[] = {"utf-8", "utf8", "UTF-8", "UTF8"};
    static const char *const cp1252[] = {"windows-1252", "cp1252", "Windows-1252", "CP1252"};
    for (size_t k = 0; k < 4; k++) {
        if (strcmp(text, utf8[k]) == 0) {
            *e = CLI_ENCODING_UTF8;
            return 1;
        }
        if (strcmp(text, cp1252[k]) == 0) {
            *e = CLI_ENCODING_WINDOWS_1252;
            return 1;
        }
    }
    return 0;
}
