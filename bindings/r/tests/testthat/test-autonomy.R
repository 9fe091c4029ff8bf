data_file <- function(name) {
    p <- system.file("extdata", name, package = "trustassess")
    expect_true(nzchar(p))
    p
}

life <- function() {
    f <- tempfile(fileext = ".csv")
    writeLines(c("Trust_code,Trust_name,Date,Event", "RXX,Example Trust,2026-04-01,authorised",
                 "RXX,,2027-06-30,Deauthorised", "RXX,,2028-01-10,REAUTHORISED"), f)
    f
}

test_that("the register: deauthorised, then an AFT again with a new review date", {
    f <- life()
    s <- aft_status(f, on = as.Date("2027-07-01"))
    expect_identical(s$Status, "Foundation trust")
    expect_identical(s$Since, as.Date("2027-06-30"))
    expect_true(is.na(s$Next_review_due))
    s <- aft_status(f)
    expect_identical(s$Status, "Advanced foundation trust")
    expect_identical(s$Next_review_due, as.Date("2033-01-10"))
    expect_match(s$Reasons, "reauthorisation on 2028-01-10")
    expect_true(is.na(aft_status(f, on = "2026-03-31")$Status))
    # Ceased: Since is the day it ceased, not the day of its last status.
    cf <- tempfile(fileext = ".csv")
    writeLines(c("Trust_code,Date,Event", "RC,2026-04-01,authorised", "RC,2027-05-02,ceased"), cf)
    s <- aft_status(cf, on = "2028-01-01")
    expect_identical(s$Status, "Ceased")
    expect_identical(s$Since, as.Date("2027-05-02"))
    bad <- tempfile(fileext = ".csv")
    writeLines(c("Trust_code,Date,Event", "RZ,2026-01-01,deauthorised"), bad)
    expect_error(aft_status(bad), class = "trustassess_inconsistent_error")
    expect_error(aft_status(bad), "csv:2:")
})

test_that("capital follows finances and the register", {
    aft <- "Advanced foundation trust"
    r <- capital_route("\u00a390m", aft, "\u00a3120m", distress = c(TRUE, NA, FALSE),
                       segment = c(0L, 4L, 1L))
    expect_identical(r$Route, c("standard", "standard", "light"))
    expect_identical(capital_route("\u00a390m", aft, "\u00a3120m", deficit = TRUE)$Route,
                     "standard")
    expect_identical(capital_route("\u00a399m", aft, "\u00a3120m", vat = "\u00a32m")$Route,
                     "standard")
    f <- life()
    r <- capital_route("\u00a390m", NA, "\u00a3120m", distress = FALSE, segment = 1L,
                       date = c("2027-07-15", "2028-01-10"), events = f, trust = "RXX",
                       reasons = TRUE)
    expect_identical(r$Route, c("standard", "light"))
    expect_match(r$Reasons[1], "register gives status Foundation trust")
    expect_error(capital_route("\u00a390m", NA, "\u00a3120m", date = "2025-01-01",
                               events = f, trust = "RXX"),
                 class = "trustassess_notfound_error")
})

test_that("eligibility: the nominees are eligible as of Q1 2025/26 on all-yes evidence", {
    x <- read_nhse_csv(data_file("mental-health-and-community-trust-data-q1-q4.csv"))
    on.exit(close_nhse(x))
    codes <- eligibility(x, as_of = "Q1 2025/26", iho = FALSE)$Trust_code
    ev <- tempfile(fileext = ".csv")
    keys <- c("partnership", "capability_assessment", "icb_support", "region_support",
              "financial_plan_agreed")
    rows <- c(as.vector(outer(codes, keys, function(c, k) paste0(c, ",", k, ",yes"))),
              paste0(codes, ",cqc_rating,good"))
    writeLines(c("Trust_code,Judgement,Value", rows), ev)
    e <- eligibility(x, as_of = "Q1 2025/26", evidence = ev, iho = FALSE)
    expect_identical(nrow(e), 61L)
    nominees <- c("RWX", "RDY", "RYX", "RP1", "RY3", "RYV")
    expect_true(all(e$Verdict[match(nominees, e$Trust_code)] == "eligible"))
    expect_identical(sum(e$Verdict == "eligible"), 24L)
    expect_identical(sum(e$Verdict == "close"), 3L)
    old <- eligibility(x, preset = "aft-2025", iho = FALSE)
    expect_false(any(old$Verdict[match(nominees, old$Trust_code)] == "eligible"))
    expect_error(eligibility(x, as_of = "Q9 2025/26"), class = "trustassess_notfound_error")
})
