library(testthat)
library(trustassess)

test_check("trustassess")
