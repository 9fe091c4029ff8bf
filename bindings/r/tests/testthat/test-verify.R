test_that("the published figures verify, differences explained by rounding", {
    x <- read_nhse_csv(data_file())
    v <- verify_nhse(x)
    expect_true(v$ok)
    expect_named(v, c("summary", "differences", "unchecked", "ok", "notes"))
    expect_identical(names(v$unchecked), c("Quarter", "Figure", "Count", "Reason"))
    expect_identical(v$notes, character(0))
    # metric scores checked from what the file holds, and agreeing
    ms <- v$summary[grepl("^OF1", v$summary$Figure), ]
    expect_setequal(unique(ms$Figure), c("OF1061", "OF1084", "OF1079", "OF1080", "OF1081",
                                         "OF1057"))
    expect_true(all(ms$Checked > 0 & ms$Agreed == ms$Checked))
    expect_true("pool of 205 trusts; this file has 61" %in%
                v$unchecked$Reason[v$unchecked$Figure == "OF1082"])
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
    v <- verify_nhse(x, quarter = "Q1 2025/26")
    codes <- league_table(x)$Trust_code
    expect_true(nrow(v$differences) > 0)
    expect_true(all(v$differences$Trust_code %in% codes))
    # the three Q1 averages the fitted Q1 pool sizes do not reproduce
    avg <- v$differences[v$differences$Figure == "OF5002" &
                         v$differences$Mode == "end-to-end", ]
    expect_setequal(avg$Trust_code, c("RWX", "RXT", "RY2"))
    expect_true(all(abs(avg$Published - avg$Computed) <= 0.01 + 1e-9))
    expect_true(all(v$summary$Quarter == "Q1 2025/26"))
    # from the unrounded scores, Q4 has no difference at all
    expect_identical(nrow(verify_nhse(x, quarter = "Q4 2025/26")$differences), 0L)
})
