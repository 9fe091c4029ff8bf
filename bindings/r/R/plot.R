# The league table typed for analysis, and its picture (base graphics).
#
# league_table() gives NHS England's published columns (the likely ranges also
# as published text, "1.21 to 1.9") and, typed for analysis, the deficit flag
# as a logical and the likely ranges' bounds as numbers. plot() draws NHS
# England's caterpillar plot, as `trustassess league --format html` does: per
# quarter and trust type, trusts in league order, a dot at each average and a
# bar over its likely range, coloured by segment.

.league_range_columns <- c("Average_score_low", "Average_score_high", "Rank_low", "Rank_high")

# Colours of segments 1-5 (as the command's pictures); grey for none.
.segment_colours <- c("#1a9850", "#91cf60", "#fc8d59", "#d73027", "#762a83")

# "lo to hi" (NA allowed) -> list(lo, hi) of numbers.
.range_bounds <- function(text) {
    lo <- hi <- rep(NA_real_, length(text))
    ok <- !is.na(text)
    if (any(ok)) {
        parts <- strsplit(text[ok], " to ", fixed = TRUE)
        lo[ok] <- as.numeric(vapply(parts, `[`, "", 1L))
        hi[ok] <- as.numeric(vapply(parts, `[`, "", 2L))
    }
    list(lo, hi)
}

# The published columns typed: the deficit flag logical, the range bounds added.
.league_typed <- function(df) {
    df$Trust_in_financial_deficit <- c(Yes = TRUE, No = FALSE)[df$Trust_in_financial_deficit]
    names(df$Trust_in_financial_deficit) <- NULL
    avg <- .range_bounds(df$Likely_range_of_average_score)
    rank <- .range_bounds(df$Likely_range_of_rank)
    df$Average_score_low <- avg[[1L]]
    df$Average_score_high <- avg[[2L]]
    df$Rank_low <- as.integer(rank[[1L]])
    df$Rank_high <- as.integer(rank[[2L]])
    class(df) <- c("ta_league_table", "data.frame")
    df
}

plot.ta_league_table <- function(x, file = NULL, width = 1000, height = NULL, ...) {
    groups <- split(seq_len(nrow(x)), paste(x$Quarter, x$Trust_type, sep = ", "))
    groups <- groups[unique(paste(x$Quarter, x$Trust_type, sep = ", "))]
    if (!length(groups))
        .ta_stop("invalid", "plot: the league table has no rows")
    if (!is.null(file)) {
        if (is.null(height)) height <- 380 * length(groups)
        grDevices::png(file, width = width, height = height)
        on.exit(grDevices::dev.off())
    }
    old <- graphics::par(mfrow = c(length(groups), 1L), mar = c(3, 4.5, 2.5, 1))
    on.exit(graphics::par(old), add = TRUE, after = FALSE)
    for (title in names(groups)) {
        rows <- groups[[title]]
        avg <- x$Average_score[rows]
        lo <- x$Average_score_low[rows]
        hi <- x$Average_score_high[rows]
        seg <- x$Segment[rows]
        colour <- ifelse(!is.na(seg) & seg >= 1L & seg <= 5L,
                         .segment_colours[pmin(pmax(seg, 1L), 5L)], "#9e9e9e")
        ylim <- range(c(avg, lo, hi), na.rm = TRUE)
        xs <- seq_along(rows)
        graphics::plot(xs, avg, type = "n", ylim = ylim, xaxt = "n", xlab = "",
                       ylab = "Average score (lower is better)",
                       main = paste0(title, ": ", length(rows), " trusts"), ...)
        graphics::mtext("Trusts in league order (rank 1 on the left)", side = 1L, line = 1)
        has <- !is.na(lo) & !is.na(hi)
        if (any(has))
            graphics::segments(xs[has], lo[has], xs[has], hi[has], col = colour[has], lwd = 2)
        graphics::points(xs, avg, pch = 19, col = colour)
        graphics::legend("topleft", legend = paste("Segment", 1:5), col = .segment_colours,
                         pch = 19, horiz = TRUE, bty = "n", cex = 0.8)
    }
    invisible(x)
}
