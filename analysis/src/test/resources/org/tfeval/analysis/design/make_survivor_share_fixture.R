# Oracle for DesignBasedTableSharesTest: the design-based share of survivors referred to services, of all survivors
# and of the survivors whose case is of the first type of trafficking (a domain), by R's survey package. Input
# survivor_share_survivors.csv (beside this script): one row per survivor of the standard synthetic study with the
# recorded draw of RecordedDrawWeightsTest: its task force, its weight (its case's weight, N / drawn-entries-coded),
# d = 1 in the domain, and y = referred (NA = a missing code, left out by domain estimation). One-stage cluster
# sample, task force as the cluster, no fpc: svydesign(ids = ~tf, weights = ~w); svymean and
# svyciprop(method = "logit") with df = degf (task forces - 1) on subset() (domain estimation).
# Usage: Rscript make_survivor_share_fixture.R > survivor_share.json   (in this folder)
suppressPackageStartupMessages({library(jsonlite); library(survey)})
d <- read.csv("survivor_share_survivors.csv")
des <- svydesign(ids = ~tf, weights = ~w, data = d)
est <- function(s) {
  list(mean = unname(coef(svymean(~y, s))), logit = unname(as.numeric(attr(svyciprop(~y, s, method = "logit"), "ci"))))
}
cat(toJSON(list(oracle = paste("R", getRversion(), "survey", packageVersion("survey")),
                all = est(subset(des, !is.na(y))), domain = est(subset(des, d == 1 & !is.na(y)))),
           auto_unbox = TRUE, digits = NA, pretty = TRUE))
