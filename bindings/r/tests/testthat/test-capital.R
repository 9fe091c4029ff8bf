aft <- "Advanced foundation trust"

test_that("the light route ends just under one hundred million pounds", {
    r <- capital_route(c("\u00a399,999,999.99", "\u00a3100m", "99999999.99"), aft,
                       savings = "\u00a32bn")
    expect_identical(names(r), c("Amount", "Route", "Approvers", "Documents", "Headroom",
                                 "Amount_pence", "Headroom_pence"))
    expect_identical(r$Route, c("light", "standard", "light"))
    expect_identical(r$Amount, c("\u00a399,999,999.99", "\u00a3100,000,000.00",
                                 "\u00a399,999,999.99"))
    # typed: Headroom numeric pounds; the exact pence as numbers too
    expect_type(r$Headroom, "double")
    expect_identical(r$Headroom, c(0, -0.01, 0))
    expect_type(r$Headroom_pence, "double")
    expect_identical(r$Headroom_pence, c(0, -1, 0))
    expect_identical(r$Amount_pence, c(9999999999, 1e10, 9999999999))
    expect_identical(r$Approvers[1], "Trust board")
})

test_that("other trusts and other funding take the standard route", {
    r <- capital_route("\u00a350m", c("NHS trust", "Foundation trust", aft),
                       savings = "\u00a30", funding = c("Own savings", "Own savings", "National"))
    expect_identical(r$Route, rep("standard", 3))
    expect_true(all(is.na(r$Headroom)))
    expect_type(r$Headroom, "double")
    expect_true(all(is.na(r$Headroom_pence)))
    expect_identical(r$Amount_pence, rep(5e9, 3))
    expect_match(r$Approvers, "^Trust board; JISC")
})

test_that("savings short of the amount close the light route", {
    r <- capital_route("\u00a310m", aft, savings = c("\u00a35m", "\u00a310m"))
    expect_identical(r$Route, c("standard", "light"))
})

test_that("NA amounts give NA rows; reasons on request", {
    r <- capital_route(c(NA, "\u00a31k"), aft, "\u00a31m", reasons = TRUE)
    expect_true(all(is.na(r[1, ])))
    expect_identical(r$Route[2], "light")
    expect_match(r$Reasons[2], "light.threshold: ")
})

test_that("bad money is an R error with the library's message", {
    expect_error(capital_route("\u00a3-5", aft, "\u00a30"),
                 "amount[1] \"\u00a3-5\": malformed input", fixed = TRUE,
                 class = "trustassess_parse_error")
    expect_error(capital_route(c("\u00a31", "\u00a399,999,999,999,999,999"), aft, "\u00a30"),
                 "amount[2] \"\u00a399,999,999,999,999,999\": value out of range", fixed = TRUE,
                 class = "trustassess_range_error")
    expect_error(capital_route("\u00a31", aft, "-\u00a31"), "savings[1]", fixed = TRUE,
                 class = "trustassess_range_error")
    expect_error(capital_route(5, aft, "\u00a30"), "money as text",
                 class = "trustassess_invalid_error")
    expect_error(capital_route("\u00a35", "Trust", "\u00a30"),
                 "status[1] \"Trust\" is not", fixed = TRUE, class = "trustassess_invalid_error")
    expect_error(capital_route("\u00a35", aft, "\u00a30", funding = "Loan"),
                 "funding[1] \"Loan\" is not", fixed = TRUE, class = "trustassess_invalid_error")
    expect_error(capital_route(c("\u00a31", "\u00a32", "\u00a33"), c(aft, aft), "\u00a30"),
                 "status has 2 elements", class = "trustassess_invalid_error")
})
