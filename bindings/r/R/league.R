# League tables and verification of a published file.

.league_columns <- c("Quarter", "Region", "Trust_type", "Trust_subtype", "Trust_code",
                     "Trust_name", "Average_score", "Likely_range_of_average_score", "Segment",
                     "Trust_in_financial_deficit", "Rank", "Likely_range_of_rank")

league_table <- function(x, quarter = NULL, trust_type = NULL, cutoffs = "published",
                         from_values = FALSE, likely_ranges = FALSE, replicates = 10000L,
                         seed = 1, threads = 1L) {
    h <- .handle(x)
    kind <- NULL
    values <- numeric(0)
    policies <- c(published = 0L, quartiles = 1L, "quartiles-by-type" = 3L, fixed = 4L)
    if (is.character(cutoffs) && length(cutoffs) == 1L && !is.na(cutoffs) &&
        cutoffs %in% names(policies)) {
        kind <- policies[[cutoffs]]
    } else if (is.numeric(cutoffs) && !is.factor(cutoffs)) {
        kind <- 2L
        values <- as.double(cutoffs)
    } else {
        .ta_stop("invalid", paste0("cutoffs must be \"published\", \"quartiles\", ",
                                   "\"quartiles-by-type\", \"fixed\" or a numeric ",
                                   "vector of cut-offs, not ", deparse1(cutoffs)))
    }
    if (!is.logical(from_values) || length(from_values) != 1L || is.na(from_values))
        .ta_stop("invalid", "from_values must be TRUE or FALSE")
    if (!is.logical(likely_ranges) || length(likely_ranges) != 1L || is.na(likely_ranges))
        .ta_stop("invalid", "likely_ranges must be TRUE or FALSE")
    nums <- list(replicates = replicates, seed = seed, threads = threads)
    for (arg in names(nums)) {
        v <- nums[[arg]]
        if (!is.numeric(v) || is.factor(v) || length(v) != 1L || is.na(v))
            .ta_stop("invalid", paste0(arg, " must be a single whole number, not ",
                                       deparse1(v)))
    }
    chunks <- .Call(tar_league, h, quarter, trust_type, kind, values, from_values,
                    likely_ranges, replicates, seed, threads)
    cols <- lapply(seq_along(.league_columns), function(j) {
        parts <- lapply(chunks, `[[`, j)
        if (length(parts)) do.call(c, parts) else
            vector(c("character", "character", "character", "character", "character",
                     "character", "double", "character", "integer", "character", "integer",
                     "character")[j], 0L)
    })
    out <- .league_typed(.new_df(cols, .league_columns))
    attr(out, "warnings") <- attr(chunks, "warnings")
    out
}

verify_nhse <- function(x, quarter = NULL) {
    r <- .Call(tar_verify, .handle(x), quarter)
    summary <- .new_df(r[[1L]], c("Quarter", "Figure", "Mode", "Checked", "Agreed",
                                  "Explained", "Unexplained"))
    differences <- .new_df(r[[2L]], c("Quarter", "Trust_code", "Figure", "Mode", "Published",
                                      "Computed", "Verdict", "Reason"))
    unchecked <- .new_df(r[[3L]], c("Quarter", "Figure", "Count", "Reason"))
    list(summary = summary, differences = differences, unchecked = unchecked, ok = r[[4L]],
         notes = r[[5L]])
}
