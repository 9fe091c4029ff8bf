/*
 * Internal: reading a whole file into memory, and the one wrapper every
 * `_read_file(path)`-style call is made of (read the file, parse the buffer,
 * free it).
 */
#ifndef TAI_FILE_H
#define TAI_FILE_H

#include <stddef.h>

#include "error.h"
#include "trustassess/common.h"

/* Reads the file at path into a new buffer (NUL-terminated; *len excludes the
 * NUL). TA_EIO with "PATH: reason" on failure. */
ta_status tai_read_file(const ta_allocator *a, const char *path, char **data, size_t *len,
                        tai_error *err);

/* A parser of a whole buffer: what a module's `_read_buffer` does, with the
 * handle passed as handle. */
typedef ta_status (*tai_buffer_parser)(void *handle, const char *data, size_t len,
                                       const char *name);

/* Reads the file at path, hands its bytes to parse(handle, data, len, path)
 * and frees them; returns parse's status. A NULL path is TA_EINVAL with
 * "path is NULL" and a failed read TA_EIO, both in err; the parser reports
 * its own errors. */
ta_status tai_parse_file(const ta_allocator *a, const char *path, tai_error *err,
                         tai_buffer_parser parse, void *handle);

#endif /* TAI_FILE_H */
