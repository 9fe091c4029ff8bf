# The bundled NHS England files (Open Government Licence v3.0; inst/extdata/NOTICE.md).
data_file <- function() {
    system.file("extdata", "mental-health-and-community-trust-data-q1-q4.csv",
                package = "trustassess", mustWork = TRUE)
}
acute_file <- function() {
    system.file("extdata", "acute-trust-league-table-q3-2025-26.csv",
                package = "trustassess", mustWork = TRUE)
}
published_q4 <- function() {
    read.csv(system.file("extdata", "mental-health-and-community-trust-league-table-q4.csv",
                         package = "trustassess", mustWork = TRUE),
             fileEncoding = "UTF-8-BOM", stringsAsFactors = FALSE)
}
# A copy of the first `n` lines of the data file with line `line` changed by `edit`.
broken_copy <- function(line, edit, n = 20L) {
    l <- readLines(data_file(), n = n, encoding = "UTF-8")
    l[line] <- edit(l[line])
    path <- tempfile(fileext = ".csv")
    writeLines(l, path, useBytes = TRUE)
    path
}
