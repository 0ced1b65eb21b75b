# Median survival and its interval from R survival::survfit (summary(fit)$table), for every
# kaplan-meier case of reference/r and both conf.types.
# Usage: Rscript make_median_fixtures.R /path/to/shared/reference > km_medians.json
suppressPackageStartupMessages({library(jsonlite); library(survival)})
ref <- commandArgs(trailingOnly = TRUE)[1]
out <- list()
for (case in list.dirs(file.path(ref, "r"), full.names = FALSE, recursive = FALSE)) {
  e <- fromJSON(file.path(ref, "r", case, "expected.json"))
  if (!identical(e$model, "kaplan-meier")) next
  d <- read.csv(file.path(ref, "r", case, "data.csv"), stringsAsFactors = FALSE)
  for (ct in c("log", "log-log")) {
    f <- survfit(as.formula(sprintf("Surv(%s, %s) ~ %s", e$time, e$event, e$strata)), data = d, conf.type = ct)
    tb <- summary(f)$table
    out[[length(out) + 1]] <- list(case = case, conf_type = ct, strata = rownames(tb),
      median = unname(tb[, "median"]), lcl = unname(tb[, "0.95LCL"]), ucl = unname(tb[, "0.95UCL"]))
  }
}
cat(toJSON(list(cases = out, tolerance = 1e-12), auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "string"))
