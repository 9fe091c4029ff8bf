# The package's plumbing: the library version check at load, and the small
# helpers the exported functions share. No rule of the framework lives in R:
# every figure comes from the C library through the .Call glue in src/.

# The C library this package is written against: 0.2.x (a 0.x minor release
# may break the ABI).
.ta_required <- c(major = 0L, minor = 2L)

.check_version <- function(number, text = as.character(number)) {
    major <- number %/% 10000L
    minor <- (number %/% 100L) %% 100L
    if (major != .ta_required[["major"]] || minor != .ta_required[["minor"]]) {
        stop(structure(class = c("trustassess_version_error", "trustassess_error", "error",
                                 "condition"),
                       list(message = sprintf(paste0(
                           "libtrustassess %s is loaded, but this package needs %d.%d.x; ",
                           "install a matching libtrustassess and reinstall the package"),
                           text, .ta_required[["major"]], .ta_required[["minor"]]),
                           call = NULL)))
    }
    invisible(TRUE)
}

.onLoad <- function(libname, pkgname) {
    v <- .Call(tar_version)
    .check_version(v[[1L]], v[[2L]])
}

# The version of the C library in use (exported: trustassess_version()).
trustassess_version <- function() {
    v <- .Call(tar_version)
    list(number = v[[1L]], string = v[[2L]])
}

# A data.frame from a named list of equal-length columns, without conversion.
.new_df <- function(cols, names) {
    names(cols) <- names
    n <- if (length(cols)) length(cols[[1L]]) else 0L
    structure(cols, class = "data.frame", row.names = .set_row_names(n))
}

# An R condition of the package's classes, for argument errors found in R.
.ta_stop <- function(stem, message) {
    stop(structure(class = c(paste0("trustassess_", stem, "_error"), "trustassess_error",
                             "error", "condition"),
                   list(message = message, call = sys.call(-1L))))
}
