# Earned autonomy (issue 16): the status register and the eligibility screen.

aft_status <- function(events, on = NULL) {
    if (!is.character(events) || length(events) != 1L || is.na(events))
        .ta_stop("invalid", "events must be the path of an events CSV file")
    if (!is.null(on)) {
        if (is.character(on)) on <- as.Date(on, format = "%Y-%m-%d")
        if (!inherits(on, "Date") || length(on) != 1L || is.na(on))
            .ta_stop("invalid", "on must be one Date (or \"YYYY-MM-DD\" text)")
    }
    r <- .Call(tar_aft_status, path.expand(events),
               if (is.null(on)) NA_real_ else as.double(unclass(on)))
    r[[4L]] <- structure(r[[4L]], class = "Date")
    r[[5L]] <- structure(r[[5L]], class = "Date")
    .new_df(r, c("Trust_code", "Trust_name", "Status", "Since", "Next_review_due", "Reasons"))
}

eligibility <- function(x, as_of = NULL, evidence = NULL, preset = "aft-guide", iho = TRUE) {
    one <- function(v, arg) {
        if (!is.null(v) && (!is.character(v) || length(v) != 1L || is.na(v)))
            .ta_stop("invalid", sprintf("%s must be one string or NULL", arg))
        v
    }
    one(as_of, "as_of")
    one(evidence, "evidence")
    if (is.null(preset)) .ta_stop("invalid", "preset must be a criteria set name")
    one(preset, "preset")
    if (!is.logical(iho) || length(iho) != 1L || is.na(iho))
        .ta_stop("invalid", "iho must be TRUE or FALSE")
    csv <- .Call(tar_eligibility, .handle(x), as_of,
                 if (is.null(evidence)) NULL else path.expand(evidence), preset, iho)
    df <- utils::read.csv(text = csv, stringsAsFactors = FALSE, check.names = FALSE,
                          colClasses = "character", na.strings = character(0),
                          encoding = "UTF-8")
    # typed: whether eligible as logicals (IHO_eligible NA without an IHO screen)
    df$Eligible <- df$Verdict == "eligible"
    df$IHO_eligible <- ifelse(df$IHO_verdict == "", NA, df$IHO_verdict == "eligible")
    df
}
