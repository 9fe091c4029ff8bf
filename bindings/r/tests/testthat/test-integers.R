# Integer arguments are range-checked before they reach C (issue 19): nothing
# is truncated or wrapped. One test per kind of integer argument; each also
# checks that a value in range gives the right answer.

aft <- "Advanced foundation trust"

test_that("capital_route's segment (C int) must be a whole number from 0 to 5", {
    ok <- capital_route("\u00a350m", aft, savings = "\u00a3200m", segment = 2)
    expect_identical(ok$Route, "light")
    for (bad in list(2.5, -1, 6, 2^40, 2^31)) {
        expect_error(capital_route("\u00a350m", aft, savings = "\u00a3200m", segment = bad),
                     "segment must be a whole number from 0 \\(unknown\\) to 5",
                     class = "trustassess_range_error")
    }
    expect_identical(capital_route("\u00a350m", aft, savings = "\u00a3200m",
                                   segment = NA)$Route, "light")
})

test_that("league_table's replicates (uint32), seed (uint64) and threads are range-checked", {
    f <- read_nhse_csv(data_file())
    on.exit(close_nhse(f))
    expect_error(league_table(f, "Q4 2025/26", likely_ranges = TRUE, replicates = 2^32),
                 "replicates must be a whole number", class = "trustassess_invalid_error")
    expect_error(league_table(f, "Q4 2025/26", likely_ranges = TRUE, replicates = 10.5),
                 "replicates must be a whole number", class = "trustassess_invalid_error")
    expect_error(league_table(f, "Q4 2025/26", likely_ranges = TRUE, seed = -1),
                 "seed must be a whole number", class = "trustassess_invalid_error")
    expect_error(league_table(f, "Q4 2025/26", likely_ranges = TRUE, seed = 2^64),
                 "seed must be a whole number", class = "trustassess_invalid_error")
    expect_error(league_table(f, "Q4 2025/26", likely_ranges = TRUE, threads = 2^32),
                 "threads must be a whole number", class = "trustassess_invalid_error")
    t <- league_table(f, "Q4 2025/26", likely_ranges = TRUE, replicates = 50, seed = 2^53,
                      threads = 1)
    expect_equal(nrow(t), 61L)
})
