/*
 * Reading a whole file into memory.
 *
 * The inputs are NHS England's CSV files, a few megabytes at most, and the
 * CSV reader wants them contiguous, so a file is read in one buffer with
 * stdio in binary mode (no newline translation, portable to Windows). The
 * size from fstat only sizes the first allocation; reading continues until
 * end of file, so pipes and files that grow while read are handled too.
 *
 * Messages are "PATH: reason" with fixed English reasons chosen from errno:
 * strerror() is not thread-safe and strerror_r() translates by LC_MESSAGES,
 * and the library's messages must not depend on the locale. Failures to open
 * or read are TA_EIO; the allocator returning NULL is TA_ENOMEM, as
 * everywhere else.
 */
#include "file.h"

#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>

#include "alloc.h"

/* First buffer size when the file's size is not known (a pipe, say). */
#define TAI_READ_CHUNK 65536

static const char *reason(int errnum, const char *fallback)
{
    switch (errnum) {
    case ENOENT:
        return "no such file or directory";
    case EACCES:
        return "permission denied";
    case EISDIR:
        return "is a directory";
    case ENOTDIR:
        return "a component of the path is not a directory";
    case ENAMETOOLONG:
        return "file name too long";
    case ELOOP:
        return "too many symbolic links";
    case EMFILE:
    case ENFILE:
        return "too many open files";
    default:
        return fallback;
    }
}

ta_status tai_read_file(const ta_allocator *a, const char *path, char **data, size_t *len,
                        tai_error *err)
{
    FILE *f;
    struct stat st;
    void *buf = NULL;
    size_t cap, n = 0, got;
    int errnum;

    if (data != NULL)
        *data = NULL;
    if (len != NULL)
        *len = 0;
    if (a == NULL || path == NULL || data == NULL || len == NULL)
        return tai_error_set(err, TA_EINVAL, "tai_read_file: NULL argument");
    f = fopen(path, "rb"); /* POSIX: a failed fopen always sets errno */
    if (f == NULL)
        return tai_error_set(err, TA_EIO, "%s: %s", path, reason(errno, "cannot open file"));
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0 &&
        (unsigned long long)st.st_size < (unsigned long long)SIZE_MAX - 1)
        cap = (size_t)st.st_size + 1; /* +1 so end of file is seen without growing */
    else
        cap = TAI_READ_CHUNK;
    buf = tai_malloc(a, cap);
    if (buf == NULL) {
        fclose(f);
        return tai_error_set(err, TA_ENOMEM, "%s: out of memory", path);
    }
    for (;;) {
        got = fread((char *)buf + n, 1, cap - n, f);
        n += got;
        if (n < cap)
            break; /* end of file or an error; ferror tells which */
        if (tai_grow(a, &buf, &cap, cap + 1, 1) != TA_OK) {
            fclose(f);
            tai_free(a, buf);
            return tai_error_set(err, TA_ENOMEM, "%s: out of memory", path);
        }
    }
    if (ferror(f)) {
        errnum = errno;
        fclose(f);
        tai_free(a, buf);
        return tai_error_set(err, TA_EIO, "%s: %s", path, reason(errnum, "read error"));
    }
    fclose(f);
    /* The loop stopped with n < cap, so there is room for the NUL. */
    ((char *)buf)[n] = '\0';
    *data = buf;
    *len = n;
    return TA_OK;
}

ta_status tai_parse_file(const ta_allocator *a, const char *path, tai_error *err,
                         tai_buffer_parser parse, void *handle)
{
    char *data = NULL;
    size_t len = 0;
    ta_status st;
    if (!path)
        return tai_error_set(err, TA_EINVAL, "path is NULL");
    if ((st = tai_read_file(a, path, &data, &len, err)) != TA_OK)
        return st;
    st = parse(handle, data, len, path);
    tai_free(a, data);
    return st;
}
