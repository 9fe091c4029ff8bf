# NHS England's published NOF file: reading it and the handle's helpers.

read_nhse_csv <- function(path) {
    if (!is.character(path) || length(path) < 1L || anyNA(path))
        .ta_stop("invalid", "path must be one or more file names")
    handle <- .Call(tar_nhse_read, path.expand(path))
    structure(list(handle = handle, path = path), class = "trustassess_nhse")
}

.handle <- function(x) {
    if (!inherits(x, "trustassess_nhse"))
        .ta_stop("invalid", "x must be a trustassess_nhse object from read_nhse_csv()")
    x$handle
}

periods <- function(x) .Call(tar_nhse_info, .handle(x))[[1L]]

trust_types <- function(x) .Call(tar_nhse_info, .handle(x))[[2L]]

close_nhse <- function(x) {
    .Call(tar_nhse_close, .handle(x))
    invisible(NULL)
}

close.trustassess_nhse <- function(con, ...) close_nhse(con)

is_open <- function(x) .Call(tar_nhse_is_open, .handle(x))

print.trustassess_nhse <- function(x, ...) {
    if (!is_open(x)) {
        cat("<trustassess_nhse: ", paste(x$path, collapse = ", "), " (closed)>\n", sep = "")
    } else {
        info <- .Call(tar_nhse_info, x$handle)
        cat("<trustassess_nhse: ", paste(x$path, collapse = ", "), ">\n", sep = "")
        cat("  rows:        ", format(info[[3L]], big.mark = ","), "\n", sep = "")
        cat("  quarters:    ", paste(info[[1L]], collapse = ", "), "\n", sep = "")
        cat("  trust types: ", paste(info[[2L]], collapse = ", "), "\n", sep = "")
    }
    invisible(x)
}
