# The capital investment route of a column of amounts.

capital_route <- function(amount, status, savings, funding = "Own savings", segment = 0L,
                          distress = NA, reasons = FALSE, deficit = NA, vat = NA,
                          date = NA, events = NULL, trust = NA) {
    chr <- function(v, arg) {
        if (is.factor(v)) v <- as.character(v)
        if (!is.character(v) && !(is.logical(v) && all(is.na(v))))
            .ta_stop("invalid", sprintf(paste0(
                "%s must be money as text, e.g. \"\u00a399,999,999.99\" or \"\u00a31.5m\" ",
                "(numbers are not accepted, so that no amount is rounded)"), arg))
        as.character(v)
    }
    amount <- chr(amount, "amount")
    savings <- chr(savings, "savings")
    if (!is.character(status)) status <- as.character(status)
    if (!is.character(funding)) funding <- as.character(funding)
    if (!is.numeric(segment) && !all(is.na(segment)))
        .ta_stop("invalid", "segment must be a number from 0 (unknown) to 5")
    # checked here: as.integer() would truncate 2.5 and turn 2^40 into NA
    bad <- !is.na(segment) & !(segment >= 0 & segment <= 5 & segment == trunc(segment))
    if (any(bad))
        .ta_stop("range", sprintf("segment must be a whole number from 0 (unknown) to 5, not %s",
                                  format(segment[bad][1L], digits = 15L)))
    if (!is.logical(distress))
        .ta_stop("invalid", "distress must be TRUE, FALSE or NA")
    if (!is.logical(deficit))
        .ta_stop("invalid", "deficit must be TRUE, FALSE or NA")
    vat <- if (is.logical(vat) && all(is.na(vat))) as.character(vat) else chr(vat, "vat")
    if (!inherits(date, "Date")) {
        if (is.character(date) || (is.logical(date) && all(is.na(date))))
            date <- as.Date(date, format = "%Y-%m-%d")
        else
            .ta_stop("invalid", "date must be a Date vector (or \"YYYY-MM-DD\" text)")
    }
    if (!is.null(events) && (!is.character(events) || length(events) != 1L || is.na(events)))
        .ta_stop("invalid", "events must be the path of an events CSV file, or NULL")
    if (is.factor(trust)) trust <- as.character(trust)
    if (!is.character(trust)) trust <- as.character(trust)
    if (!is.logical(reasons) || length(reasons) != 1L || is.na(reasons))
        .ta_stop("invalid", "reasons must be TRUE or FALSE")
    args <- list(amount = amount, status = status, savings = savings, funding = funding,
                 segment = segment, distress = distress, deficit = deficit, vat = vat,
                 date = date, trust = trust)
    lens <- lengths(args)
    n <- if (any(lens == 0L)) 0L else max(lens)
    for (a in names(args)) {
        if (n > 0L && n %% lens[[a]] != 0L)
            .ta_stop("invalid", sprintf(
                "%s has %d elements, which does not divide %d (the longest argument)",
                a, lens[[a]], n))
    }
    rep_n <- function(v) rep_len(v, n)
    r <- .Call(tar_capital_route, rep_n(amount), rep_n(status), rep_n(savings), rep_n(funding),
               rep_n(as.integer(segment)), rep_n(distress), rep_n(deficit),
               rep_n(as.character(vat)), rep_n(as.double(unclass(date))),
               if (is.null(events)) NULL else path.expand(events), rep_n(trust))
    # Headroom as a number of pounds (as the command's JSON gives it); the exact
    # integer pence of the amount and the headroom in Amount_pence and Headroom_pence.
    r[[5L]] <- r[[8L]] / 100
    df <- .new_df(r, c("Amount", "Route", "Approvers", "Documents", "Headroom", "Reasons",
                       "Amount_pence", "Headroom_pence"))
    if (reasons) df else df[, -6L]
}
