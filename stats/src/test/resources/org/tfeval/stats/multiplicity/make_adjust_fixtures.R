# Oracle for org.tfeval.stats.multiplicity.Adjustment: R's p.adjust(p, "holm") and p.adjust(p, "BH"),
# on fixed p-value vectors including ties, a 1, and an NA (a test not done).
# Usage: Rscript make_adjust_fixtures.R > p_adjust.json
suppressPackageStartupMessages(library(jsonlite))
ps <- list(c(0.0024, 0.01, 0.03, 0.04, 0.2, 0.5),
           c(0.05, 0.05, 0.001, 0.9, 1, 0.03, 0.004, 0.012, 0.3, 0.07, 0.0002),
           c(0.02, NA, 0.01, 0.4))
cases <- lapply(ps, function(p) list(p = p, holm = p.adjust(p, "holm"), bh = p.adjust(p, "BH")))
cat(toJSON(list(oracle = paste("R", getRversion(), "stats::p.adjust"), cases = cases),
  auto_unbox = TRUE, digits = NA, na = "null"))
