# Oracle for RecordedDrawWeightsTest: the weighted share of cases with a trafficking charge under the design of a
# recorded draw, by R's survey package. Input weighted_share_cases.csv (beside this script): one row per coded case
# of the standard synthetic study, its task force, its weight N / drawn-entries-coded from the recorded draw, and its
# status (NA = a missing code, left out of the denominator by domain estimation). One-stage cluster sample, task
# force as the cluster, no fpc: svydesign(ids = ~tf, weights = ~w); svymean and svyciprop(method = "logit") with
# df = degf (task forces - 1); the same with equal weights for the unweighted clustered column.
# Usage: Rscript make_weighted_share_fixture.R > weighted_share.json   (in this folder)
suppressPackageStartupMessages({library(jsonlite); library(survey)})
d <- read.csv("weighted_share_cases.csv")
est <- function(des) {
  s <- subset(des, !is.na(y))
  list(mean = unname(coef(svymean(~y, s))), ci = unname(as.numeric(attr(svyciprop(~y, s, method = "logit"), "ci"))))
}
w <- est(svydesign(ids = ~tf, weights = ~w, data = d))
u <- est(svydesign(ids = ~tf, weights = ~rep(1, nrow(d)), data = d))
cat(toJSON(list(oracle = paste("R", getRversion(), "survey", packageVersion("survey")),
                mean = w$mean, logit = w$ci, unweighted_mean = u$mean, unweighted_logit = u$ci),
           auto_unbox = TRUE, digits = NA, pretty = TRUE))
