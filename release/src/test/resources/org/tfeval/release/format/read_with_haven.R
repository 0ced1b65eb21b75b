# Test helper: reads a file the way researchers do and writes what R sees, for the Java tests.
# Usage: Rscript read_with_haven.R <kind> <input> <data.csv> <meta.csv>
#   kind: dta (haven::read_dta), sav (read_sav, user_na = FALSE), sav_user (user_na = TRUE),
#         xpt (read_xpt), setup_r (source() an R setup script; its data frame is the result).
# data.csv: one column per variable; numbers as %.17g, dates as ISO, tagged NA as ".a", NA as "".
# meta.csv: variable, what (class, label, value, na_value, na_range), code, text.
args <- commandArgs(trailingOnly = TRUE)
kind <- args[1]; input <- args[2]; data_out <- args[3]; meta_out <- args[4]
suppressMessages(library(haven))
d <- switch(kind,
  dta = read_dta(input),
  sav = read_sav(input, user_na = FALSE),
  sav_user = read_sav(input, user_na = TRUE),
  xpt = read_xpt(input),
  setup_r = {
    e <- new.env()
    sys.source(input, envir = e)
    get(ls(e)[1], envir = e)
  },
  stop("unknown kind ", kind))

code_text <- function(v) {
  v <- as.numeric(v)
  tag <- na_tag(v)
  ifelse(is.na(v), ifelse(is.na(tag), "", paste0(".", tag)), sprintf("%.17g", v))
}

cell <- function(x) {
  if (inherits(x, "Date")) {
    s <- code_text(unclass(x))
    ok <- !is.na(unclass(x))
    s[ok] <- format(x[ok], "%Y-%m-%d")
    s
  } else if (is.numeric(x)) {
    code_text(unclass(x))
  } else {
    s <- as.character(x)
    s[is.na(s)] <- ""
    s
  }
}

out <- as.data.frame(lapply(d, cell), stringsAsFactors = FALSE, check.names = FALSE)
names(out) <- names(d)
write.csv(out, data_out, row.names = FALSE, fileEncoding = "UTF-8")

meta <- list()
add <- function(...) meta[[length(meta) + 1]] <<- c(...)
add("", "dataset_label", "", if (is.null(attr(d, "label"))) "" else attr(d, "label"))
for (n in names(d)) {
  x <- d[[n]]
  add(n, "class", "", paste(class(x), collapse = " "))
  if (!is.null(attr(x, "label"))) add(n, "label", "", attr(x, "label"))
  labs <- attr(x, "labels")
  if (!is.null(labs)) for (i in seq_along(labs)) add(n, "value", code_text(unclass(labs)[i]), names(labs)[i])
  for (v in attr(x, "na_values")) add(n, "na_value", sprintf("%.17g", v), "")
  nr <- attr(x, "na_range")
  if (!is.null(nr)) add(n, "na_range", paste(sprintf("%.17g", nr), collapse = ":"), "")
}
m <- do.call(rbind, meta)
colnames(m) <- c("variable", "what", "code", "text")
write.csv(m, meta_out, row.names = FALSE, fileEncoding = "UTF-8")
