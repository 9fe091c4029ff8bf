# Five-yearly review dates of a column of trusts.

review_due <- function(authorised_on, last_review = NA) {
    as_date <- function(v, arg) {
        if (inherits(v, "Date")) return(v)
        if (is.character(v) || (is.logical(v) && all(is.na(v))))
            return(as.Date(v, format = "%Y-%m-%d"))
        .ta_stop("invalid", sprintf("%s must be a Date vector (or \"YYYY-MM-DD\" text)", arg))
    }
    authorised_on <- as_date(authorised_on, "authorised_on")
    last_review <- as_date(last_review, "last_review")
    n <- length(authorised_on)
    if (n > 0L && (length(last_review) == 0L || n %% length(last_review) != 0L))
        .ta_stop("invalid", sprintf(
            "last_review has %d elements; give 1 or a divisor of length(authorised_on) (%d)",
            length(last_review), n))
    due <- .Call(tar_review_due, as.double(unclass(authorised_on)),
                 as.double(unclass(rep_len(last_review, n))))
    structure(due, class = "Date")
}
