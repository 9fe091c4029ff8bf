test_that("a missing file is an I/O error with the library's message", {
    expect_error(read_nhse_csv(file.path(tempdir(), "no-such-file.csv")),
                 "no-such-file.csv: no such file", class = "trustassess_io_error")
    expect_error(read_nhse_csv(c("a", NA)), "one or more file names",
                 class = "trustassess_invalid_error")
    expect_error(read_nhse_csv(character(0)), "one or more file names",
                 class = "trustassess_invalid_error")
})

test_that("a malformed CSV names the file, line and column", {
    unterminated <- broken_copy(3, function(l) sub(",[^,]*$", ",\"33.0", l))
    expect_error(read_nhse_csv(unterminated),
                 paste0(basename(unterminated), ":3:[0-9]+: quoted field is not terminated"),
                 class = "trustassess_parse_error")
    text_value <- broken_copy(5, function(l) sub(",%,[0-9.]+,", ",%,abc,", l))
    expect_error(read_nhse_csv(text_value),
                 paste0(basename(text_value), ":5:251: Value is not a number: \"abc\""),
                 class = "trustassess_parse_error")
    e <- tryCatch(read_nhse_csv(text_value), trustassess_error = function(e) e)
    expect_identical(e$status, "TA_EPARSE")
})

test_that("an unknown quarter lists the file's quarters", {
    x <- read_nhse_csv(data_file())
    expect_error(league_table(x, "Q9 2030/31"),
                 "\"Q9 2030/31\" names no single quarter of the file \\(it has: Q1 2025/26, ",
                 class = "trustassess_notfound_error")
    expect_error(verify_nhse(x, "Q5"), "names no single quarter",
                 class = "trustassess_notfound_error")
    expect_error(league_table(x, "Q4", trust_type = "Acute trust"),
                 "\"Acute trust\" is not in the file \\(it has: \"Mental health and community trust\"\\)",
                 class = "trustassess_notfound_error")
    expect_error(league_table(x, quarter = 4), "quarter must be a single string",
                 class = "trustassess_invalid_error")
})

test_that("bad cut-offs are R errors with the library's message", {
    x <- read_nhse_csv(data_file())
    expect_error(league_table(x, "Q4", cutoffs = "abc"),
                 "cutoffs must be \"published\", \"quartiles\", \"quartiles-by-type\", \"fixed\" or a numeric vector",
                 class = "trustassess_invalid_error")
    expect_error(league_table(x, "Q4", cutoffs = c("1.8", "2.2", "2.6")),
                 "numeric vector", class = "trustassess_invalid_error")
    expect_error(league_table(x, "Q4", cutoffs = c(2, 2.5)),
                 "the framework has 3 cut-offs, not 2", class = "trustassess_invalid_error")
    expect_error(league_table(x, "Q4", cutoffs = numeric(0)),
                 "the framework has 3 cut-offs, not 0", class = "trustassess_invalid_error")
    expect_error(league_table(x, "Q4", cutoffs = c(2.6, 2.2, 1.8)),
                 "cut-offs must be strictly ascending", class = "trustassess_invalid_error")
    expect_error(league_table(x, "Q4", cutoffs = c(1.8, 2.2, 5)),
                 "cut-off 3 must be a number from 1 to 4", class = "trustassess_range_error")
    expect_error(league_table(x, "Q4", cutoffs = c(1.8, NA, 2.6)),
                 "cut-off 2 is not a finite number", class = "trustassess_invalid_error")
    expect_error(league_table(x, "Q4", from_values = NA), "TRUE or FALSE",
                 class = "trustassess_invalid_error")
})

test_that("the library version is checked at load", {
    expect_true(trustassess:::.check_version(200L, "0.2.0"))
    expect_true(trustassess:::.check_version(209L, "0.2.9"))
    expect_error(trustassess:::.check_version(100L, "0.1.0"),
                 "libtrustassess 0.1.0 is loaded, but this package needs 0.2.x",
                 class = "trustassess_version_error")
    expect_error(trustassess:::.check_version(10100L, "1.1.0"), "needs 0.2.x",
                 class = "trustassess_version_error")
    v <- trustassess_version()
    expect_identical(v$number %/% 100L, 2L)
    expect_match(v$string, "^0\\.2\\.[0-9]+$")
})
