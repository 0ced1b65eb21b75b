# Oracle for weighted kappa and the unit-level bootstrap intervals of agreement coefficients, written
# here from the definitions (no irr package in Debian): Cohen's (1968) weighted kappa 1 - sum v p_o /
# sum v p_e with linear |i - j| and quadratic (i - j)^2 disagreement weights on the positions of the
# numerically ordered categories; Krippendorff's alpha (ordinal) from the coincidence matrix
# (Krippendorff 2004; Hayes and Krippendorff 2007). Bootstrap: resample units with replacement,
# recompute, percentile interval (2.5% and 97.5% quantiles, type 1), 5000 draws.
# Data: Hayes and Krippendorff (2007, p. 84), from ../../../../../../../../../shared/reference/agreement
# (copied into hk2007.csv here: one row per unit, one column per observer, blank = not coded).
# Usage: Rscript make_agreement_bootstrap_fixture.R  (in this folder)
suppressPackageStartupMessages(library(jsonlite))
d <- read.csv("hk2007.csv")
cats <- sort(unique(na.omit(unlist(d))))
wkappa <- function(a, b, power) {
  ok <- !is.na(a) & !is.na(b); a <- match(a[ok], cats); b <- match(b[ok], cats); k <- length(cats)
  t <- table(factor(a, 1:k), factor(b, 1:k)) / sum(ok)
  v <- if (power == 0) 1 - diag(k) else abs(outer(1:k, 1:k, "-"))^power
  1 - sum(v * t) / sum(v * outer(rowSums(t), colSums(t)))
}
alpha_ord <- function(m) {
  k <- length(cats); o <- matrix(0, k, k)
  for (u in seq_len(nrow(m))) {
    v <- match(na.omit(unlist(m[u, ])), cats); mu <- length(v)
    if (mu < 2) next
    for (i in seq_along(v)) for (j in seq_along(v)) if (i != j) o[v[i], v[j]] <- o[v[i], v[j]] + 1 / (mu - 1)
  }
  nc <- rowSums(o); n <- sum(nc)
  d2 <- outer(1:k, 1:k, Vectorize(function(c, kk) {
    if (c == kk) return(0); lo <- min(c, kk); hi <- max(c, kk)
    (sum(nc[lo:hi]) - (nc[c] + nc[kk]) / 2)^2 }))
  1 - (sum(o * d2) / n) / (sum(outer(nc, nc) * d2) / (n * (n - 1)))
}
set.seed(2007)
B <- 5000
idx <- replicate(B, sample(nrow(d), replace = TRUE))
q <- function(x) unname(quantile(x[is.finite(x)], c(0.025, 0.975), type = 1))
boot_a <- apply(idx, 2, function(i) alpha_ord(d[i, ]))
boot_k0 <- apply(idx, 2, function(i) wkappa(d$obs1[i], d$obs2[i], 0))
boot_k1 <- apply(idx, 2, function(i) wkappa(d$obs1[i], d$obs2[i], 1))
boot_k2 <- apply(idx, 2, function(i) wkappa(d$obs1[i], d$obs2[i], 2))
out <- list(file = "hk2007.csv", draws = B,
  alpha_ordinal = alpha_ord(d), alpha_ordinal_ci = q(boot_a),
  kappa_obs1_obs2 = wkappa(d$obs1, d$obs2, 0), kappa_ci = q(boot_k0),
  kappa_linear = wkappa(d$obs1, d$obs2, 1), kappa_linear_ci = q(boot_k1),
  kappa_quadratic = wkappa(d$obs1, d$obs2, 2), kappa_quadratic_ci = q(boot_k2))
writeLines(toJSON(out, auto_unbox = TRUE, digits = 15, pretty = TRUE), "agreement_bootstrap.json")
