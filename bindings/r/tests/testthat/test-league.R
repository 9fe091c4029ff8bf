columns <- c("Quarter", "Region", "Trust_type", "Trust_subtype", "Trust_code", "Trust_name",
             "Average_score", "Likely_range_of_average_score", "Segment",
             "Trust_in_financial_deficit", "Rank", "Likely_range_of_rank",
             "Average_score_low", "Average_score_high", "Rank_low", "Rank_high")

test_that("the Q4 table equals NHS England's published league table", {
    x <- read_nhse_csv(data_file())
    q4 <- league_table(x, quarter = "Q4 2025/26")
    pub <- published_q4()
    expect_identical(names(q4), columns)
    expect_identical(nrow(q4), 61L)
    expect_identical(nrow(pub), 61L)
    # row by row, in the published order
    expect_identical(q4$Trust_code, pub$Trust_code)
    expect_identical(q4$Segment, as.integer(pub$Segment))
    expect_identical(q4$Rank, as.integer(pub$Rank))
    expect_identical(q4$Trust_in_financial_deficit, pub$Trust_in_financial_deficit == "Yes")
    expect_identical(q4$Trust_name, pub$Trust_name)
    expect_identical(q4$Region, pub$Region)
    expect_identical(q4$Trust_subtype, pub$Trust_subtype)
    # averages agree: the unrounded scores the pool sizes reconstruct are the
    # ones NHS England averaged
    expect_identical(q4$Average_score, pub$Average_score)
})

test_that("columns have the documented types", {
    q4 <- league_table(read_nhse_csv(data_file()), quarter = "Q4")
    expect_type(q4$Average_score, "double")
    expect_type(q4$Segment, "integer")
    expect_type(q4$Rank, "integer")
    expect_true(all(is.na(q4$Likely_range_of_average_score)))
    expect_true(all(is.na(q4$Likely_range_of_rank)))
    expect_type(q4$Trust_in_financial_deficit, "logical")
    expect_false(anyNA(q4$Trust_in_financial_deficit))
    expect_true(any(q4$Trust_in_financial_deficit) && !all(q4$Trust_in_financial_deficit))
    expect_type(q4$Average_score_low, "double")
    expect_type(q4$Rank_low, "integer")
    expect_true(all(is.na(q4$Average_score_low) & is.na(q4$Rank_high)))
    expect_s3_class(q4, "ta_league_table")
    expect_true(all(q4$Quarter == "Q4 2025/26"))
    expect_identical(attr(q4, "row.names"), 1:61)
})

test_that("a quarter may be named by its first word", {
    x <- read_nhse_csv(data_file())
    expect_identical(league_table(x, "Q4"), league_table(x, "Q4 2025/26"))
    expect_identical(league_table(x, "Q1")$Quarter[1], "Q1 2025/26")
})

test_that("without a quarter every quarter comes, in file order", {
    x <- read_nhse_csv(data_file())
    all_q <- league_table(x)
    expect_identical(unique(all_q$Quarter), periods(x))
    expect_identical(all_q[all_q$Quarter == "Q4 2025/26", ], league_table(x, "Q4"),
                     ignore_attr = TRUE)
    expect_identical(nrow(all_q), sum(vapply(periods(x), function(q)
        nrow(league_table(x, q)), integer(1))))
})

test_that("a trust type restricts the table", {
    x <- read_nhse_csv(data_file())
    expect_identical(trust_types(x), "Mental health and community trust")
    expect_identical(league_table(x, "Q4", trust_type = "Mental health and community trust"),
                     league_table(x, "Q4"))
})

test_that("quartile cut-offs are QUARTILE.INC of the rounded averages", {
    x <- read_nhse_csv(data_file())
    avg <- league_table(x, "Q4")$Average_score
    q <- unname(quantile(avg, c(0.25, 0.5, 0.75), type = 7))
    by_quartiles <- league_table(x, "Q4", cutoffs = "quartiles")
    expect_identical(by_quartiles, league_table(x, "Q4", cutoffs = q))
    expect_false(identical(by_quartiles$Segment, league_table(x, "Q4")$Segment))
})

test_that("given cut-offs decide the segments of trusts not in deficit", {
    x <- read_nhse_csv(data_file())
    t <- league_table(x, "Q4", cutoffs = c(1.8, 2.2, 2.6))
    free <- !t$Trust_in_financial_deficit
    expect_true(all(t$Segment[free & t$Average_score <= 1.8] == 1L))
    expect_true(all(t$Segment[free & t$Average_score > 1.8 & t$Average_score <= 2.2] == 2L))
    expect_true(all(t$Segment[free & t$Average_score > 2.6] == 4L))
    expect_identical(league_table(x, "Q4", cutoffs = c(18L, 22L, 26L) / 10), t)
})

test_that("raw values can be scored instead of the published scores", {
    x <- read_nhse_csv(data_file())
    v <- league_table(x, "Q4", from_values = TRUE)
    expect_identical(names(v), columns)
    expect_identical(nrow(v), 61L)
    expect_setequal(v$Trust_code, league_table(x, "Q4")$Trust_code)
})

test_that("the table does not depend on LC_NUMERIC", {
    x <- read_nhse_csv(data_file())
    before <- league_table(x, "Q4")
    old <- Sys.getlocale("LC_NUMERIC")
    on.exit(suppressWarnings(Sys.setlocale("LC_NUMERIC", old)), add = TRUE)
    set <- suppressWarnings(Sys.setlocale("LC_NUMERIC", "de_DE.UTF-8"))
    expect_identical(set, "de_DE.UTF-8") # the install scripts generate it; no skipping
    expect_identical(league_table(x, "Q4"), before)
    expect_identical(league_table(read_nhse_csv(data_file()), "Q4"), before)
    expect_identical(league_table(x, "Q4", cutoffs = c(1.8, 2.2, 2.6)),
                     { suppressWarnings(Sys.setlocale("LC_NUMERIC", "C"))
                       league_table(x, "Q4", cutoffs = c(1.8, 2.2, 2.6)) })
})

test_that("several files: the national Q3 league with the acute league table", {
    x <- read_nhse_csv(c(data_file(), acute_file()))
    q3 <- league_table(x, "Q3")
    acute <- read.csv(acute_file(), fileEncoding = "UTF-8-BOM", stringsAsFactors = FALSE)
    expect_identical(nrow(q3), 190L)
    ours <- q3[match(acute$Trust_code, q3$Trust_code), ]
    # every acute trust in its published segment; ranks in the published order,
    # lower by at most the five trusts the file lacks
    expect_identical(ours$Segment, as.integer(acute$Segment))
    expect_true(all(ours$Rank <= acute$Rank & acute$Rank <= ours$Rank + 5))
    expect_identical(order(ours$Rank, ours$Trust_code), order(acute$Rank, acute$Trust_code))
    expect_identical(q3$Segment[q3$Trust_code == "RAS"], 2L)
    expect_true(all(is.na(ours$Region)))
    expect_identical(sum(q3$Trust_type == "Mental health and community trust"), 61L)
    # per type, the acute trusts' own quartiles
    by_type <- league_table(x, "Q3", cutoffs = "quartiles-by-type")
    expect_identical(as.vector(table(by_type$Segment[by_type$Trust_type == "Acute trust"])),
                     c(17L, 9L, 72L, 31L))
    expect_error(read_nhse_csv(c(acute_file(), acute_file())),
                 "trust RBV in Q3 2025/26 is in both", class = "trustassess_duplicate_error")
})

test_that("plot() draws the league table into a PNG", {
    t <- league_table(read_nhse_csv(data_file()), "Q4", likely_ranges = TRUE,
                      replicates = 500L)
    png <- tempfile(fileext = ".png")
    expect_identical(plot(t, file = png), t)
    bytes <- readBin(png, "raw", 16L)
    expect_identical(bytes[1:8], as.raw(c(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)))
    expect_gt(file.size(png), 10000)
    # one row of plots per quarter and trust type: four quarters, four times as tall
    all <- league_table(read_nhse_csv(data_file()))
    png4 <- tempfile(fileext = ".png")
    plot(all, file = png4)
    size <- function(p) {
        b <- readBin(p, "raw", 24L)
        sum(as.integer(b[21:24]) * 256^(3:0))  # IHDR height
    }
    expect_identical(size(png4), 4 * size(png))
    expect_error(plot(t[0, ], file = tempfile()), class = "trustassess_invalid_error")
    unlink(c(png, png4))
})

test_that("from values, each metric with a wider pool is warned of", {
    x <- read_nhse_csv(data_file())
    w <- attr(league_table(x, quarter = "Q4", from_values = TRUE), "warnings")
    expect_length(w, 7L)
    expect_true(all(grepl("ranked within the [0-9]+ trusts given", w)))
    expect_true(any(startsWith(w, "OF1082 Q4 2025/26: ranked within the 61 trusts given, but NHS England ranks a pool of 205")))
    expect_identical(attr(league_table(x, quarter = "Q4"), "warnings"), character(0))
})
