# Likely ranges in league_table(): seeded and reproducible, each trust inside
# its ranges, the command's text, bad arguments as classed conditions.

all_columns <- c("Quarter", "Region", "Trust_type", "Trust_subtype", "Trust_code", "Trust_name",
                 "Average_score", "Likely_range_of_average_score", "Segment",
                 "Trust_in_financial_deficit", "Rank", "Likely_range_of_rank",
                 "Average_score_low", "Average_score_high", "Rank_low", "Rank_high")

# "lo to hi" -> c(lo, hi)
bounds <- function(text) {
    parts <- strsplit(text, " to ", fixed = TRUE)
    stopifnot(all(lengths(parts) == 2L))
    matrix(as.numeric(unlist(parts)), ncol = 2L, byrow = TRUE)
}

test_that("likely ranges fill the two columns as character 'lo to hi'", {
    x <- read_nhse_csv(data_file())
    t <- league_table(x, "Q4", likely_ranges = TRUE, replicates = 2000L)
    expect_identical(names(t), all_columns)
    expect_type(t$Likely_range_of_average_score, "character")
    expect_type(t$Likely_range_of_rank, "character")
    expect_false(anyNA(t$Likely_range_of_average_score))
    expect_true(all(grepl("^[0-9]+(\\.[0-9]*[1-9])? to [0-9]+(\\.[0-9]*[1-9])?$",
                          t$Likely_range_of_average_score)))  # no trailing zeros
    expect_true(all(grepl("^[0-9]+ to [0-9]+$", t$Likely_range_of_rank)))
    # everything else as without likely ranges
    plain <- league_table(x, "Q4")
    other <- setdiff(all_columns, c("Likely_range_of_average_score", "Likely_range_of_rank",
                                    "Average_score_low", "Average_score_high", "Rank_low",
                                    "Rank_high"))
    expect_identical(t[other], plain[other])
    expect_true(all(is.na(plain$Likely_range_of_average_score)))
    expect_type(plain$Likely_range_of_rank, "character")
})

test_that("each trust's average and rank lie inside its ranges", {
    x <- read_nhse_csv(data_file())
    t <- league_table(x, likely_ranges = TRUE)  # every quarter, default 10000 replicates
    avg <- bounds(t$Likely_range_of_average_score)
    rk <- bounds(t$Likely_range_of_rank)
    expect_true(all(avg[, 1] <= t$Average_score + 1e-9 & t$Average_score <= avg[, 2] + 1e-9))
    expect_true(all(rk[, 1] >= 1 & rk[, 1] <= t$Rank & t$Rank <= rk[, 2]))
    expect_true(all(rk[, 2] <= table(t$Quarter)[t$Quarter]))
    expect_true(any(avg[, 1] < avg[, 2]))  # not degenerate
    # the typed bounds are the text's numbers
    expect_identical(t$Average_score_low, avg[, 1])
    expect_identical(t$Average_score_high, avg[, 2])
    expect_identical(t$Rank_low, as.integer(rk[, 1]))
    expect_identical(t$Rank_high, as.integer(rk[, 2]))
})

test_that("the same seed gives the same ranges on any number of threads", {
    x <- read_nhse_csv(data_file())
    a <- league_table(x, "Q4", likely_ranges = TRUE, replicates = 3000L, seed = 42)
    expect_identical(league_table(x, "Q4", likely_ranges = TRUE, replicates = 3000L,
                                  seed = 42, threads = 2L), a)
    expect_identical(league_table(x, "Q4", likely_ranges = TRUE, replicates = 3000,
                                  seed = 42L, threads = 4), a)
    expect_identical(league_table(read_nhse_csv(data_file()), "Q4", likely_ranges = TRUE,
                                  replicates = 3000L, seed = 42), a)
    b <- league_table(x, "Q4", likely_ranges = TRUE, replicates = 3000L, seed = 43)
    expect_false(identical(a$Likely_range_of_average_score, b$Likely_range_of_average_score))
    # the defaults are the command's: 10000 replicates, seed 1
    expect_identical(league_table(x, "Q4", likely_ranges = TRUE),
                     league_table(x, "Q4", likely_ranges = TRUE, replicates = 10000L,
                                  seed = 1, threads = 1L))
})

test_that("bad likely-range arguments are trustassess_invalid_error", {
    x <- read_nhse_csv(data_file())
    lt <- function(...) league_table(x, "Q4", likely_ranges = TRUE, ...)
    e <- expect_error(lt(replicates = 0L), class = "trustassess_invalid_error")
    expect_identical(e$status, "TA_EINVAL")
    expect_error(lt(replicates = 1e7 + 1), class = "trustassess_invalid_error")
    expect_error(lt(replicates = -1), class = "trustassess_invalid_error")
    expect_error(lt(replicates = 2.5), class = "trustassess_invalid_error")
    expect_error(lt(replicates = NA), class = "trustassess_invalid_error")
    expect_error(lt(replicates = c(10, 20)), class = "trustassess_invalid_error")
    expect_error(lt(replicates = "100"), class = "trustassess_invalid_error")
    expect_error(lt(seed = -1), class = "trustassess_invalid_error")
    expect_error(lt(seed = Inf), class = "trustassess_invalid_error")
    expect_error(lt(threads = 257L), class = "trustassess_invalid_error")
    expect_error(lt(threads = NA_integer_), class = "trustassess_invalid_error")
    expect_error(league_table(x, "Q4", likely_ranges = NA),
                 class = "trustassess_invalid_error")
    expect_error(league_table(x, "Q4", likely_ranges = "yes"),
                 class = "trustassess_invalid_error")
    # checked even when not used
    expect_error(league_table(x, "Q4", replicates = -5), class = "trustassess_invalid_error")
})

# The command, when there is one: $TRUSTASSESS_CLI, else the `trustassess`
# installed beside the library pkg-config finds (scripts/test-r.sh installs
# both into one prefix). Without a command this comparison is not defined
# (scripts/test-r.sh compares the table without likely ranges itself);
# TA_REQUIRE_CLI=1 makes a missing command a failure.
find_cli <- function() {
    cli <- Sys.getenv("TRUSTASSESS_CLI")
    if (!nzchar(cli) && nzchar(Sys.which("pkg-config"))) {
        prefix <- suppressWarnings(tryCatch(
            system2("pkg-config", c("--variable=prefix", "trustassess"), stdout = TRUE,
                    stderr = FALSE), error = function(e) character(0)))
        if (length(prefix) == 1L && nzchar(prefix))
            cli <- file.path(prefix, "bin", "trustassess")
    }
    if (nzchar(cli) && file.exists(cli)) cli else ""
}
cli <- find_cli()
if (!nzchar(cli) && identical(Sys.getenv("TA_REQUIRE_CLI"), "1")) {
    test_that("the trustassess command is found (TA_REQUIRE_CLI=1)", {
        fail("TA_REQUIRE_CLI=1 but no trustassess command: set TRUSTASSESS_CLI")
    })
}
if (nzchar(cli)) {
    test_that("likely ranges equal the command's CSV cell for cell", {
        x <- read_nhse_csv(data_file())
        cases <- list(
            list(args = c("--quarter", "Q4 2025/26"), r = list(quarter = "Q4 2025/26")),
            list(args = c("--replicates", "700", "--seed", "9", "--threads", "3"),
                 r = list(replicates = 700L, seed = 9)),
            list(args = c("--quarter", "Q2", "--cutoffs", "quartiles", "--seed",
                          "9007199254740992"),
                 r = list(quarter = "Q2", cutoffs = "quartiles", seed = 2^53)))
        for (case in cases) {
            out <- tempfile(fileext = ".csv")
            status <- system2(cli, c("league", shQuote(data_file()), "--likely-ranges",
                                     shQuote(case$args), "-o", shQuote(out)))
            expect_identical(status, 0L)
            command <- read.csv(out, colClasses = "character", na.strings = "",
                                check.names = FALSE, encoding = "UTF-8")
            mine <- do.call(league_table, c(list(x, likely_ranges = TRUE), case$r))
            expect_identical(names(command), names(mine)[seq_along(command)])
            expect_identical(nrow(command), nrow(mine))
            expect_gt(nrow(mine), 10L)
            for (col in c("Trust_code", "Likely_range_of_average_score",
                          "Likely_range_of_rank", "Quarter", "Trust_name"))
                expect_identical(command[[col]], mine[[col]], info = paste(case$args, col))
            expect_identical(command$Average_score, sprintf("%.2f", mine$Average_score))
            expect_identical(as.integer(command$Rank), mine$Rank)
            expect_identical(as.integer(command$Segment), mine$Segment)
            unlink(out)
        }
    })
}
