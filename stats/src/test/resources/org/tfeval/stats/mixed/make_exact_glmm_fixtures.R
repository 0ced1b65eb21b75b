# Fixture for tfeval's exact-mode GLMM (ModeIteration.EXACT): lme4::glmer with the PIRLS tolerance
# tightened to 1e-13 (glmerControl(tolPwrss = 1e-13)), so that lme4 evaluates the exact Laplace /
# adaptive-quadrature deviance, for every glmm-logit case of reference/r.
# Usage: Rscript make_exact_glmm_fixtures.R /path/to/shared/reference > glmm_exact.json
suppressPackageStartupMessages({library(jsonlite); library(lme4)})
args <- commandArgs(trailingOnly = TRUE)
ref <- args[1]
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
cases <- list.dirs(file.path(ref, "r"), full.names = FALSE, recursive = FALSE)
out <- list()
for (case in cases) {
  e <- fromJSON(file.path(ref, "r", case, "expected.json"))
  if (!identical(e$model, "glmm-logit")) next
  d <- read.csv(file.path(ref, "r", case, "data.csv"), stringsAsFactors = FALSE)
  f <- glmer(as.formula(paste0(e$formula, " + (1|", e$group, ")")), family = binomial, data = d, nAGQ = e$nagq,
             control = glmerControl(optimizer = "bobyqa", tolPwrss = 1e-13,
                                    optCtrl = list(maxfun = 1e6, rhoend = 1e-12)))
  s <- summary(f)$coefficients
  out[[length(out) + 1]] <- list(case = case, formula = e$formula, group = e$group, nagq = e$nagq,
    coefficients = lapply(seq_len(nrow(s)), function(i)
      list(term = term_names(rownames(s)[i], d), estimate = s[i, 1], std_error = s[i, 2])),
    random_intercept_sd = unname(sqrt(VarCorr(f)[[e$group]][1])), loglik = as.numeric(logLik(f)))
}
cat(toJSON(list(note = "lme4::glmer with glmerControl(tolPwrss = 1e-13): the exact Laplace / AGQ optimum",
                cases = out, tolerance = list(estimate = 1e-6, std_error = 1e-4, random_intercept_sd = 1e-6,
                                              loglik = 1e-8)),
           auto_unbox = TRUE, digits = NA, pretty = TRUE))
