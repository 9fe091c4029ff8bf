/*
 * Internal: reading a whole file into memory.
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

#endif /* TAI_FILE_H */
