# Oracle for Poisson rate models with offset(log(exposure)): R's glm on ../robust/few_clusters_8.csv
# (simulated by ../robust/make_few_cluster_fixtures.R). Writes poisson_offset.json: estimates, standard
# errors, deviance, null deviance (R's: the intercept-only model with the same offset) and profile
# likelihood intervals (confint).
# Usage: Rscript make_poisson_offset_fixture.R  (in this folder)
suppressPackageStartupMessages(library(jsonlite))
d <- read.csv("../robust/few_clusters_8.csv")
f <- count ~ x + strong + offset(log(exposure))
m <- glm(f, family = poisson, data = d, control = glm.control(epsilon = 1e-14, maxit = 100))
ci <- suppressMessages(confint(m))
out <- list(file = "../robust/few_clusters_8.csv", formula = "count ~ x + strong + offset(log(exposure))",
            terms = c("intercept", "x", "strong"), estimates = unname(coef(m)),
            std_errors = unname(sqrt(diag(vcov(m)))), deviance = deviance(m), null_deviance = m$null.deviance,
            ci_low = unname(ci[, 1]), ci_high = unname(ci[, 2]), r_version = R.version.string)
writeLines(toJSON(out, auto_unbox = TRUE, digits = 15, pretty = TRUE), "poisson_offset.json")
