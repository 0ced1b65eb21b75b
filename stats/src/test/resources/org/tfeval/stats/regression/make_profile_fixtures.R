# Fixtures for profile-likelihood intervals (tfeval stats, regression package).
# Usage: Rscript make_profile_fixtures.R /path/to/shared/reference > profile_intervals.json
# Independent of tfeval's algorithms:
#  - GLM: each limit solves deviance(glm with the coefficient fixed through an offset) - deviance(fit)
#    = qchisq(0.95, 1) by uniroot (tol 1e-12); R's glm with epsilon 1e-14 does every constrained fit.
#  - Firth: the penalized log-likelihood l(b) + log|X'WX|/2 is coded directly and maximised over the free
#    coefficients by optim(BFGS, numerical gradients, reltol 1e-15); limits by uniroot; the p-value is the
#    penalized likelihood-ratio test of b_j = 0 (logistf's definition).
suppressPackageStartupMessages(library(jsonlite))
args <- commandArgs(trailingOnly = TRUE)
ref <- if (length(args) >= 1) args[1] else "../../../../../../../../../shared/reference"
ctl <- glm.control(epsilon = 1e-14, maxit = 200)
q <- qchisq(0.95, 1)

# tfeval term names, as in reference/r/make_reference.R
term_names <- function(fit_names, data) {
  sapply(fit_names, function(n) {
    if (n == "(Intercept)") return("intercept")
    for (col in names(data)) {
      if ((is.character(data[[col]]) || is.factor(data[[col]])) && startsWith(n, col)) {
        lev <- substring(n, nchar(col) + 1)
        if (lev %in% as.character(unique(data[[col]]))) return(paste0(col, "=", lev))
      }
    }
    n
  }, USE.NAMES = FALSE)
}

glm_profile <- function(case) {
  e <- fromJSON(file.path(ref, "r", case, "expected.json"))
  d <- read.csv(file.path(ref, "r", case, "data.csv"), stringsAsFactors = FALSE)
  fam <- if (e$model == "logit") binomial() else poisson()
  f <- glm(as.formula(e$formula), family = fam, data = d, control = ctl)
  X <- model.matrix(f); y <- f$y
  dev0 <- deviance(f); se <- sqrt(diag(vcov(f)))
  lims <- lapply(seq_along(coef(f)), function(j) {
    g <- function(b) {
      off <- b * X[, j]
      Xr <- X[, -j, drop = FALSE]
      fr <- glm.fit(Xr, y, family = fam, offset = off, control = ctl)
      fr$deviance - dev0 - q
    }
    b <- coef(f)[j]
    lo <- uniroot(g, c(b - 8 * se[j], b), tol = 1e-12)$root
    hi <- uniroot(g, c(b, b + 8 * se[j]), tol = 1e-12)$root
    list(term = term_names(colnames(X)[j], d), ci_low = lo, ci_high = hi)
  })
  list(case = case, model = e$model, formula = e$formula, confidence = 0.95, coefficients = lims)
}

firth_profile <- function(case) {
  e <- fromJSON(file.path(ref, "r", case, "expected.json"))
  d <- read.csv(file.path(ref, "r", case, "data.csv"), stringsAsFactors = FALSE)
  X <- model.matrix(as.formula(e$formula), d); y <- d[[all.vars(as.formula(e$formula))[1]]]
  pl <- function(b) {
    eta <- drop(X %*% b); mu <- plogis(eta); w <- mu * (1 - mu)
    sum(y * eta - log1p(exp(eta))) + 0.5 * determinant(crossprod(X, w * X), logarithm = TRUE)$modulus[1]
  }
  b0 <- e$coefficients$estimate
  full <- optim(b0, function(b) -pl(b), method = "BFGS", control = list(reltol = 1e-15, maxit = 5000))
  bhat <- full$par; l0 <- -full$value
  prof <- function(j, v) {
    start <- bhat[-j]
    o <- optim(start, function(bb) { b <- numeric(length(bhat)); b[j] <- v; b[-j] <- bb; -pl(b) },
               method = "BFGS", control = list(reltol = 1e-15, maxit = 5000))
    -o$value
  }
  se <- e$coefficients$std_error
  lims <- lapply(seq_along(bhat), function(j) {
    g <- function(v) 2 * (l0 - prof(j, v)) - q
    lo <- uniroot(g, c(bhat[j] - 10 * se[j], bhat[j]), tol = 1e-10)$root
    hi <- uniroot(g, c(bhat[j], bhat[j] + 10 * se[j]), tol = 1e-10)$root
    stat <- max(0, 2 * (l0 - prof(j, 0)))
    list(term = term_names(colnames(X)[j], d), estimate = bhat[j], ci_low = lo, ci_high = hi,
         p_value = pchisq(stat, 1, lower.tail = FALSE))
  })
  list(case = case, model = "firth", formula = e$formula, confidence = 0.95, coefficients = lims)
}

out <- list(
  note = paste("GLM limits: uniroot on constrained glm deviances; Firth: direct penalized likelihood,",
               "optim BFGS + uniroot; tfeval term names"),
  glm = lapply(c("logit_cases_226", "logit_infert", "poisson_warpbreaks"), glm_profile),
  firth = lapply(c("firth_cases_226", "firth_separated_60"), firth_profile),
  tolerance = list(glm = 1e-8, firth = 1e-5))
cat(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE))
