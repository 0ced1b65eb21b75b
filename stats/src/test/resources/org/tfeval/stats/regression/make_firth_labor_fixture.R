# Fixture for Firth's logistic regression on a quasi-separated sample with one labor case:
# firth_labor.csv (simulated here, seeded) and firth_labor.json (the maximum of the penalized likelihood).
# Oracle written from Firth (1993) and Heinze and Schemper (2002), independent of tfeval's code:
#   l*(b) = sum y log mu + (1 - y) log(1 - mu) + 1/2 log det(X' W X),  W = diag(mu (1 - mu)),
# maximised by optim(BFGS) with the analytic gradient (the modified score X'(y - mu + h (1/2 - mu)),
# h the hat values), then polished by Newton steps with a finite-difference Hessian of that gradient
# until the gradient is below 1e-11; the json records the final gradient norm.
# 'labor' is 1 for one case only, and that case has y = 1: ordinary ML diverges (quasi-separation).
# Usage: Rscript make_firth_labor_fixture.R  (in this folder)
suppressPackageStartupMessages(library(jsonlite))
set.seed(606)
n <- 60
age <- round(rnorm(n, 30, 8))
minor <- rbinom(n, 1, 0.3)
labor <- rep(0, n)
y <- rbinom(n, 1, plogis(-1 + 0.04 * (age - 30) + 0.9 * minor))
labor[1] <- 1; y[1] <- 1
d <- data.frame(y, age, minor, labor)
write.csv(d, "firth_labor.csv", row.names = FALSE, quote = FALSE)
X <- model.matrix(~ age + minor + labor, d)

pll <- function(b) {
  eta <- drop(X %*% b); mu <- plogis(eta)
  sum(y * plogis(eta, log.p = TRUE) + (1 - y) * plogis(-eta, log.p = TRUE)) +
    0.5 * determinant(crossprod(X * sqrt(mu * (1 - mu))))$modulus
}
grad <- function(b) {
  mu <- plogis(drop(X %*% b)); w <- mu * (1 - mu)
  XW <- X * sqrt(w); h <- rowSums((XW %*% solve(crossprod(XW))) * XW)
  drop(crossprod(X, y - mu + h * (0.5 - mu)))
}
o <- optim(rep(0, ncol(X)), pll, grad, method = "BFGS",
           control = list(fnscale = -1, reltol = 1e-16, maxit = 10000))
b <- o$par
for (it in 1:50) {
  g <- grad(b)
  if (max(abs(g)) < 1e-11) break
  H <- sapply(seq_along(b), function(k) { e <- rep(0, length(b)); e[k] <- 1e-6
    (grad(b + e) - grad(b - e)) / 2e-6 })
  b <- b - solve((H + t(H)) / 2, g)
}
out <- list(file = "firth_labor.csv", formula = "y ~ age + minor + labor",
            terms = c("intercept", "age", "minor", "labor"),
            estimates = unname(b), penalized_loglik = pll(b), gradient_max = max(abs(grad(b))),
            ml_labor_estimate_diverges = suppressWarnings(glm(y ~ age + minor + labor, binomial, d))$coefficients[["labor"]])
writeLines(toJSON(out, auto_unbox = TRUE, digits = 15, pretty = TRUE), "firth_labor.json")
