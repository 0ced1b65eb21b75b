# Reference implementation (written from the literature, not from tfeval's code) of the wild cluster
# bootstrap with few clusters, and the fixtures it makes: few_clusters_<G>.csv and few_clusters.json.
#  - OLS, restricted wild cluster bootstrap (WCR; Cameron, Gelbach and Miller 2008; Roodman, MacKinnon,
#    Nielsen and Webb 2019, "Fast and wild", sec. 3): impose b_j = b0, y* = Xr br + b0 x_j + v_g u_g,
#    refit by least squares for every weight pattern, t* = (b*_j - b0) / se_CR1; p = mean(|t*| >= |t|).
#  - Logit and Poisson score bootstrap (Kline and Santos 2012; Roodman et al. 2019 sec. 3.5): restricted
#    ML fit with b_j = b0 (offset), S_g = X_g'(y_g - mu0_g), a_g = (H^-1 S_g)_j, H = X' diag(V(mu0)) X;
#    t* = sum v_g a_g / sqrt(sum v_g^2 a_g^2), p = mean(|t*| >= |t|), t the statistic at v = 1.
#  - Weights (Webb 2014; MacKinnon and Webb 2018): Rademacher enumeration only when 2/2^G is at most a
#    fifth of the level 0.05; otherwise Webb's six points, all 6^G patterns enumerated for G <= 5, so
#    the p-values are exact and seed-free. Smallest attainable p-value: 2 / (number of patterns).
#  - Intervals: the set of b0 not rejected at 5%, by bisection on each side: doubling steps from one CR1
#    standard error out to 50, then 60 halvings; a side where p never falls below 0.05 (or where the
#    restricted fit stops existing: singular information) is unbounded (Inf).
# Data: simulated here (seeded), 5 and 8 clusters; 'strong' is a binary covariate with 9 of 10 ones
# having y = 1, so fitted probabilities reach 1 when its coefficient is held far from the estimate.
# Usage: Rscript make_few_cluster_fixtures.R  (in this folder; writes the csv files and few_clusters.json)
suppressPackageStartupMessages(library(jsonlite))

make_data <- function(G, n_per, seed) {
  set.seed(seed)
  n <- G * n_per
  site <- rep(sprintf("s%d", seq_len(G)), each = n_per)
  u <- rep(rnorm(G, 0, 0.4), each = n_per)
  x <- round(rnorm(n), 3)
  strong <- rep(0, n); strong[sample(n, 10)] <- 1
  eta <- -0.4 + 0.7 * x + u
  y <- rbinom(n, 1, plogis(eta))
  ones <- which(strong == 1); y[ones] <- 1; y[ones[1]] <- 0
  exposure <- round(runif(n, 1, 6), 2)
  count <- rpois(n, exposure * exp(-0.5 + 0.3 * x + u))
  score <- round(1 + 0.5 * x + 0.8 * strong + u + rnorm(n), 4)
  data.frame(site, x, strong, y, count, exposure, score)
}

weights_for <- function(G) {
  if (2 / 2^G <= 0.2 * 0.05) pts <- c(1, -1) else pts <- c(1, -1, sqrt(0.5), -sqrt(0.5), sqrt(1.5), -sqrt(1.5))
  # rows = patterns, cluster 1 the fastest digit, pattern 1 all ones
  as.matrix(expand.grid(rep(list(pts), G)))
}

cr1_se <- function(X, res, w, cl) {
  # res: y - mu (GLM) or OLS residuals; w: working weights
  n <- nrow(X); k <- ncol(X); G <- nlevels(cl)
  bread <- solve(crossprod(X * sqrt(w)))
  meat <- Reduce(`+`, lapply(split(seq_len(n), cl), function(i) {
    s <- colSums(X[i, , drop = FALSE] * res[i]); s %o% s
  }))
  sqrt(diag(bread %*% meat %*% bread) * G / (G - 1) * (n - 1) / (n - k))
}

ols_p <- function(X, y, cl, j, b0, V) {
  G <- nlevels(cl); g <- as.integer(cl)
  fit <- lm.fit(X, y); se <- cr1_se(X, fit$residuals, rep(1, nrow(X)), cl)[j]
  t0 <- (fit$coefficients[j] - b0) / se
  yr <- y - b0 * X[, j]
  r <- if (ncol(X) > 1) lm.fit(X[, -j, drop = FALSE], yr) else list(residuals = yr, fitted.values = 0 * yr)
  base <- y - r$residuals
  ts <- apply(V, 1, function(v) {
    ys <- base + v[g] * r$residuals
    f <- lm.fit(X, ys)
    (f$coefficients[j] - b0) / cr1_se(X, f$residuals, rep(1, nrow(X)), cl)[j]
  })
  mean(abs(ts) >= abs(t0) * (1 - 1e-12))
}

glm_restricted_mu <- function(X, y, j, b0, family) {
  off <- b0 * X[, j]
  Xr <- X[, -j, drop = FALSE]
  f <- tryCatch(suppressWarnings(glm.fit(Xr, y, offset = off, family = family,
                                          control = glm.control(epsilon = 1e-12, maxit = 200))),
                error = function(e) NULL)
  if (is.null(f) || !f$converged) return(NULL)
  eta <- drop(Xr %*% f$coefficients) + off
  if (family$family == "binomial") plogis(eta) else exp(eta)
}

score_p <- function(X, y, cl, j, b0, V, family) {
  mu <- glm_restricted_mu(X, y, j, b0, family)
  if (is.null(mu)) return(NA)
  vf <- if (family$family == "binomial") mu * (1 - mu) else mu
  H <- crossprod(X * sqrt(vf))
  Hinv <- tryCatch(solve(H, tol = 1e-14), error = function(e) NULL)
  if (is.null(Hinv)) return(NA)
  S <- rowsum(X * (y - mu), cl)
  a <- drop(S %*% Hinv[j, ])
  if (!(sum(a^2) > 0)) return(NA)
  t0 <- sum(a) / sqrt(sum(a^2))
  ts <- drop(V %*% a) / sqrt(drop(V^2 %*% a^2))
  mean(abs(ts) >= abs(t0) * (1 - 1e-12))
}

limit <- function(pfun, est, se, dir, alpha = 0.05) {
  inner <- est; step <- se; outer <- est + dir * step; po <- pfun(outer)
  while (!is.na(po) && po >= alpha && step < 50 * se) {
    inner <- outer; step <- min(2 * step, 50 * se); outer <- est + dir * step; po <- pfun(outer)
  }
  if (is.na(po) || po >= alpha) return(dir * Inf)
  for (it in 1:60) {
    mid <- (inner + outer) / 2; pm <- pfun(mid)
    if (is.na(pm)) return(dir * Inf)
    if (pm < alpha) outer <- mid else inner <- mid
  }
  (inner + outer) / 2
}

one_case <- function(G, seed, with_limits) {
  d <- make_data(G, 12, seed)
  file <- sprintf("few_clusters_%d.csv", G)
  write.csv(d, file, row.names = FALSE, quote = FALSE)
  cl <- factor(d$site); V <- weights_for(G)
  X <- model.matrix(~ x + strong, d)
  out <- list(file = file, clusters = G, patterns = nrow(V),
              weights = if (ncol(V) > 0 && length(unique(c(V))) == 2) "RADEMACHER" else "WEBB",
              floor = 2 / nrow(V), terms = c("intercept", "x", "strong"))
  out$ols_formula <- "score ~ x + strong"
  out$ols_p <- sapply(1:3, function(j) ols_p(X, d$score, cl, j, 0, V))
  out$logit_formula <- "y ~ x + strong"
  lfit <- glm.fit(X, d$y, family = binomial(), control = glm.control(epsilon = 1e-12, maxit = 200))
  out$logit_estimates <- unname(lfit$coefficients)
  out$logit_p <- sapply(1:3, function(j) score_p(X, d$y, cl, j, 0, V, binomial()))
  if (with_limits) {
    se <- cr1_se(X, d$y - lfit$fitted.values, lfit$fitted.values * (1 - lfit$fitted.values), cl)
    lim <- sapply(1:3, function(j) {
      pf <- function(b) score_p(X, d$y, cl, j, b, V, binomial())
      c(limit(pf, lfit$coefficients[j], se[j], -1), limit(pf, lfit$coefficients[j], se[j], +1))
    })
    out$logit_low <- sapply(lim[1, ], function(v) if (is.finite(v)) v else if (v > 0) "Inf" else "-Inf")
    out$logit_high <- sapply(lim[2, ], function(v) if (is.finite(v)) v else if (v > 0) "Inf" else "-Inf")
  }
  out$poisson_formula <- "count ~ x + strong"
  out$poisson_p <- sapply(1:3, function(j) score_p(X, d$count, cl, j, 0, V, poisson()))
  out
}

res <- list(g5 = one_case(5, 101, TRUE), g8 = one_case(8, 202, TRUE))
writeLines(toJSON(res, auto_unbox = TRUE, digits = 15, pretty = TRUE), "few_clusters.json")
