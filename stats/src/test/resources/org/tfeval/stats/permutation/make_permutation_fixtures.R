# Oracle for org.tfeval.stats.permutation.SitePermutationTest: a plain enumeration with combn() of every
# assignment of n1 of n sites to the arm; statistic mean(arm) - mean(rest); two-sided p = share of
# assignments with |T| >= |T_obs| (relative tolerance 1e-9 for ties). Written independently of the Java
# (no shared code): combn order and a vectorized statistic.
# Usage: Rscript make_permutation_fixtures.R > site_permutation.json
suppressPackageStartupMessages(library(jsonlite))
set.seed(11)
perm <- function(v, arm) {
  n <- length(v); n1 <- sum(arm)
  t0 <- mean(v[arm]) - mean(v[!arm])
  cmb <- combn(n, n1)
  ts <- apply(cmb, 2, function(i) mean(v[i]) - mean(v[-i]))
  list(values = v, arm = arm, difference = t0,
       p = mean(abs(ts) >= abs(t0) * (1 - 1e-9) - 1e-9), assignments = ncol(cmb))
}
cases <- list(
  perm(c(0.9, 0.85, 0.8, 0.75, 0.3, 0.25, 0.2, 0.1), c(TRUE, TRUE, TRUE, TRUE, FALSE, FALSE, FALSE, FALSE)),
  perm(round(runif(8), 4), c(TRUE, FALSE, TRUE, FALSE, TRUE, FALSE, FALSE, FALSE)),
  perm(round(runif(10), 4), c(rep(TRUE, 3), rep(FALSE, 7))),
  perm(c(0.5, 0.5, 0.5, 0.2, 0.5, 0.8), c(TRUE, TRUE, FALSE, FALSE, FALSE, TRUE)))
cat(toJSON(list(oracle = paste("R", getRversion(), "combn enumeration"), cases = cases),
  auto_unbox = TRUE, digits = NA))
