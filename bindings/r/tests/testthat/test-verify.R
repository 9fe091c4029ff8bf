test_that("the published figures verify, differences explained by rounding", {
    x <- read_nhse_csv(data_file())
    v <- verify_nhse(x)
    expect_true(v$ok)
    expect_named(v, c("summary", "differences", "unchecked", "ok"))
    expect_identical(names(v$summary), c("Quarter", "Figure", "Mode", "Checked", "Agreed",
                                         "Explained", "Unexplained"))
    expect_identical(names(v$differences), c("Quarter", "Trust_code", "Figure", "Mode",
                                             "Published", "Computed", "Verdict", "Reason"))
    expect_true(all(v$summary$Unexplained == 0L))
    expect_true(all(v$differences$Verdict == "explained"))
    expect_identical(sum(v$summary$Explained), nrow(v$differences))
    expect_setequal(unique(v$summary$Quarter), periods(x))
    expect_true(all(v$summary$Mode %in% c("step-by-step", "end-to-end")))
})

test_that("differences name real trusts of the file", {
    x <- read_nhse_csv(data_file())
    v <- verify_nhse(x, quarter = "Q4 2025/26")
    codes <- league_table(x)$Trust_code
    expect_true(nrow(v$differences) > 0)
    expect_true(all(v$differences$Trust_code %in% codes))
    # the four Q4 averages NHS England rounded from unrounded scores
    avg <- v$differences[v$differences$Figure == "OF5002" &
                         v$differences$Mode == "end-to-end", ]
    expect_setequal(avg$Trust_code, c("RXE", "RNK", "RWV", "RX2"))
    expect_true(all(abs(avg$Published - avg$Computed) <= 0.01 + 1e-9))
    expect_true(all(v$summary$Quarter == "Q4 2025/26"))
})
