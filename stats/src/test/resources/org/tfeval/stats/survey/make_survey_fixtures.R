# Oracle for org.tfeval.stats.survey.ClusterMean: R's survey package on one-stage cluster samples with
# weights, svydesign(ids = ~cluster, weights = ~w); svymean (linearization SE, clusters with replacement,
# no fpc) and svyciprop(method = "logit" / "mean") with df = degf(design) = clusters - 1.
# Three data sets, generated here with a fixed seed and written into the fixture with their answers:
#   - "unequal": 8 clusters of 12-40 rows, weights frame/sample per cluster (fractions 8%-15%);
#   - "missing": as "unequal" with 10% of y missing (domain estimation on subset(design, !is.na(y)));
#   - "domain": as "unequal" with the rows of clusters 0 and 1 outside the domain (y missing): they still count
#     in the variance (zero totals) but not in degf, as survey computes a subset design;
#   - "zero": a 0/1 variable with no events (estimate 0, SE 0; R's logit interval is degenerate, about 1e-12,
#     and tfeval reports none, so only estimate and SE are compared).
# Usage: Rscript make_survey_fixtures.R > survey_means.json
suppressPackageStartupMessages({library(jsonlite); library(survey)})
set.seed(20261206)
make <- function() {
  G <- 8; n <- sample(12:40, G, replace = TRUE); frac <- runif(G, 0.08, 0.15)
  cl <- rep(seq_len(G) - 1, n); w <- rep(round(n / frac) / n, n)
  p <- plogis(rnorm(G, -0.5, 0.8)); y <- rbinom(length(cl), 1, p[cl + 1])
  data.frame(cluster = cl, w = w, y = y)
}
answer <- function(name, d) {
  full <- svydesign(ids = ~cluster, weights = ~w, data = d)
  des <- subset(full, !is.na(y))
  m <- svymean(~y, des)
  lo <- svyciprop(~y, des, method = "logit")
  me <- svyciprop(~y, des, method = "mean")
  list(name = name, cluster = d$cluster, w = d$w, y = ifelse(is.na(d$y), NA, d$y),
       mean = unname(coef(m)), se = unname(as.numeric(SE(m))), df = degf(des),
       logit = unname(as.numeric(attr(lo, "ci"))), mean_ci = unname(pmin(1, pmax(0, as.numeric(attr(me, "ci"))))))
}
d1 <- make()
d2 <- make(); d2$y[sample(nrow(d2), round(nrow(d2) / 10))] <- NA
d3 <- make(); d3$y <- 0
d4 <- make(); d4$y[d4$cluster %in% c(0, 1)] <- NA
cases <- list(answer("unequal", d1), answer("missing", d2), answer("zero", d3), answer("domain", d4))
cat(toJSON(list(oracle = paste("R", getRversion(), "survey", packageVersion("survey")), cases = cases),
  auto_unbox = TRUE, digits = NA, pretty = FALSE, na = "null"))
