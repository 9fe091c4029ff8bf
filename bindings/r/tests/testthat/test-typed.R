# Typed results (issue 17, part 3): numbers, logicals and Dates, not text.

nof_file <- function() {
    system.file("extdata", "mental-health-and-community-trust-data-q1-q4.csv",
                package = "trustassess", mustWork = TRUE)
}

test_that("capital headroom is numeric: pounds, and exact pence", {
    r <- capital_route(c("\u00a399,999,999.99", "\u00a3100m"), "Advanced foundation trust",
                       savings = "\u00a32bn", reasons = TRUE)
    expect_identical(names(r), c("Amount", "Route", "Approvers", "Documents", "Headroom",
                                 "Reasons", "Amount_pence", "Headroom_pence"))
    expect_true(is.numeric(r$Headroom) && is.numeric(r$Headroom_pence))
    expect_identical(r$Headroom_pence, c(0, -1))
    expect_equal(r$Headroom, c(0, -0.01))
    expect_identical(r$Amount_pence[2], 1e10)
    expect_error(capital_route("\u00a3100,000,000,000,000", "NHS trust", "\u00a30"),
                 "too large for an exact R number", class = "trustassess_range_error")
})

test_that("eligibility has logical Eligible and IHO_eligible columns", {
    x <- read_nhse_csv(nof_file())
    on.exit(close_nhse(x))
    e <- eligibility(x, preset = "aft-2025", iho = FALSE)
    expect_type(e$Eligible, "logical")
    expect_type(e$IHO_eligible, "logical")
    expect_identical(e$Eligible, e$Verdict == "eligible")
    expect_true(all(is.na(e$IHO_eligible)))
    expect_setequal(e$Trust_code[e$Verdict == "close"],
                    c("RKL", "RLY", "RRE", "RV3", "RW4", "RY7", "RYY"))
    both <- eligibility(x, as_of = "Q1 2025/26")
    expect_false(anyNA(both$IHO_eligible))
    expect_identical(both$IHO_eligible, both$IHO_verdict == "eligible")
})

test_that("verification counts are integers and figures doubles", {
    x <- read_nhse_csv(nof_file())
    on.exit(close_nhse(x))
    v <- verify_nhse(x, quarter = "Q1 2025/26")
    for (col in c("Checked", "Agreed", "Explained", "Unexplained"))
        expect_type(v$summary[[col]], "integer")
    expect_type(v$differences$Published, "double")
    expect_type(v$differences$Computed, "double")
    expect_type(v$unchecked$Count, "integer")
    expect_identical(sum(v$summary$Explained), nrow(v$differences))
})

test_that("review and status dates are Dates", {
    due <- review_due(as.Date("2020-02-29"))
    expect_s3_class(due, "Date")
    expect_identical(due, as.Date("2025-02-28"))
})
