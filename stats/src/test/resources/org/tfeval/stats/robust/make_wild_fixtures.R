# Naive reference implementation of the wild cluster bootstrap p-values that tfeval computes with
# linear-algebra shortcuts. Every Rademacher sign pattern is enumerated (8 clusters -> 256 patterns), so
# the p-values are exact for the bootstrap distribution and seed-free.
#  - OLS, WCR (Cameron, Gelbach and Miller 2008): impose b_j = 0, refit lm() on y* = fitted0 + v_g * resid0
#    for every pattern, t* from sandwich::vcovCL(type = "HC1"); p = mean(|t*| >= |t|).
#  - Logit, score bootstrap (Kline and Santos 2012): restricted glm() with b_j = 0, cluster scores
#    S_g = X_g'(y_g - mu0_g), a_g = (H^-1 S_g)_j with H = X'WX at mu0; t* = sum v a / sqrt(sum v^2 a^2).
# Usage: Rscript make_wild_fixtures.R /path/to/shared/reference > wild_bootstrap.json
suppressPackageStartupMessages({library(jsonlite); library(sandwich)})
ref <- commandArgs(trailingOnly = TRUE)[1]
d <- read.csv(file.path(ref, "r", "logit_cases_226", "data.csv"), stringsAsFactors = FALSE)
formula <- "prosecuted ~ ht_type + minor_victim + federal"
X <- model.matrix(as.formula(formula), d); y <- d$prosecuted
cl <- factor(d$site); G <- nlevels(cl); g <- as.integer(cl)
V <- as.matrix(expand.grid(rep(list(c(1, -1)), G)))
terms <- c("intercept", "ht_type=sex", "minor_victim", "federal")
ols <- sapply(seq_len(ncol(X)), function(j) {
  f <- lm(y ~ X - 1); t0 <- coef(f)[j] / sqrt(diag(vcovCL(f, cluster = cl, type = "HC1")))[j]
  r <- lm(y ~ X[, -j] - 1); yt <- fitted(r); u <- resid(r)
  ts <- apply(V, 1, function(v) {
    ys <- yt + v[g] * u; fs <- lm(ys ~ X - 1)
    coef(fs)[j] / sqrt(diag(vcovCL(fs, cluster = cl, type = "HC1")))[j]
  })
  mean(abs(ts) >= abs(t0) * (1 - 1e-12))
})
score <- sapply(seq_len(ncol(X)), function(j) {
  r <- glm.fit(X[, -j, drop = FALSE], y, family = binomial(), control = glm.control(epsilon = 1e-14, maxit = 100))
  mu <- r$fitted.values; w <- mu * (1 - mu)
  Hinv <- solve(crossprod(X, w * X))
  S <- rowsum(X * (y - mu), g)
  a <- drop(S %*% Hinv[, j])
  t0 <- sum(a) / sqrt(sum(a^2))
  ts <- apply(V, 1, function(v) sum(v * a) / sqrt(sum(v^2 * a^2)))
  mean(abs(ts) >= abs(t0) * (1 - 1e-12))
})
cat(toJSON(list(case = "logit_cases_226", formula = formula, cluster = "site", clusters = G,
  patterns = nrow(V), terms = terms, ols_wcr_p = unname(ols), logit_score_p = unname(score)),
  auto_unbox = TRUE, digits = NA, pretty = TRUE))
