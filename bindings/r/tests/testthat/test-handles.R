test_that("a handle knows its file", {
    x <- read_nhse_csv(data_file())
    expect_s3_class(x, "trustassess_nhse")
    expect_true(is_open(x))
    expect_identical(periods(x), c("Q1 2025/26", "Q2 2025/26", "Q3 2025/26", "Q4 2025/26"))
    expect_output(print(x), "Q1 2025/26, Q2 2025/26, Q3 2025/26, Q4 2025/26")
    expect_output(print(x), "rows: +8,771")
})

test_that("a closed handle is an R error, never a crash", {
    x <- read_nhse_csv(data_file())
    y <- x # copies share the handle
    close_nhse(x)
    expect_false(is_open(y))
    expect_error(periods(y), "^handle is closed$", class = "trustassess_closed_error")
    expect_error(trust_types(x), "handle is closed", class = "trustassess_closed_error")
    expect_error(league_table(y, "Q4"), "handle is closed", class = "trustassess_closed_error")
    expect_error(verify_nhse(y), "handle is closed", class = "trustassess_closed_error")
    expect_error(close(y), "handle is closed", class = "trustassess_closed_error")
    expect_output(print(y), "(closed)", fixed = TRUE)
})

test_that("close() is the S3 method", {
    x <- read_nhse_csv(data_file())
    expect_null(close(x))
    expect_false(is_open(x))
})

test_that("a handle from a saved session is closed, not stale", {
    x <- read_nhse_csv(data_file())
    path <- tempfile(fileext = ".rds")
    saveRDS(x, path)
    y <- readRDS(path)
    expect_false(is_open(y))
    expect_error(league_table(y, "Q4"), "handle is closed", class = "trustassess_closed_error")
    expect_true(is_open(x))
})

test_that("something that is not a handle is an R error", {
    expect_error(periods(list()), "trustassess_nhse", class = "trustassess_invalid_error")
    expect_error(league_table("file.csv", "Q4"), class = "trustassess_invalid_error")
    fake <- structure(list(handle = NULL, path = "x"), class = "trustassess_nhse")
    expect_error(periods(fake), "not a trustassess_nhse handle",
                 class = "trustassess_invalid_error")
})

test_that("handles the collector frees leave nothing behind", {
    for (i in 1:5) read_nhse_csv(data_file())
    expect_silent(gc())
    x <- read_nhse_csv(data_file())
    expect_identical(nrow(league_table(x, "Q4")), 61L)
})
