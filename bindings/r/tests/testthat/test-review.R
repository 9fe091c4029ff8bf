test_that("reviews fall due five years on, 29 February becoming 28 February", {
    due <- review_due(as.Date(c("2024-02-29", "2025-04-01", "2020-12-31")))
    expect_s3_class(due, "Date")
    expect_identical(due, as.Date(c("2029-02-28", "2030-04-01", "2025-12-31")))
})

test_that("the last review counts when there is one; NA gives NA", {
    due <- review_due(as.Date(c("2020-01-15", "2021-06-30", NA)),
                      last_review = as.Date(c("2023-03-01", NA, NA)))
    expect_identical(due, as.Date(c("2028-03-01", "2026-06-30", NA)))
    expect_identical(review_due(c("2025-04-01", "2026-01-02")),
                     as.Date(c("2030-04-01", "2031-01-02")))
    expect_identical(review_due(as.Date(character(0))), as.Date(character(0)))
})

test_that("a review before the authorisation is an R error", {
    expect_error(review_due(as.Date(c("2020-01-01", "2025-04-01")),
                            as.Date(c(NA, "2020-01-01"))),
                 "trust #2: review on 2020-01-01 is before its authorisation on 2025-04-01",
                 class = "trustassess_inconsistent_error")
    expect_error(review_due(as.Date("9996-01-01")), "after 9999",
                 class = "trustassess_range_error")
    expect_error(review_due(42), "Date vector", class = "trustassess_invalid_error")
})
