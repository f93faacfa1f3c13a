# R's automatic ETS (forecast::ets + forecast) timed per series, for tests/bench/speed.ts. Usage:
#   Rscript tests/bench/r-ets-speed.R <train.csv> <h> <m> <out.csv> [maxlen]
# <train.csv> has columns series_id,date,value ordered by date; only the last <maxlen> points are used
# (the engine's MAX_FIT_POINTS). Writes series_id,step,mean,elapsed,cpu: elapsed and CPU seconds
# (user + system of this process) of ets() + forecast() for that series, R start-up and I/O excluded.
args <- commandArgs(trailingOnly = TRUE)
suppressPackageStartupMessages(library(forecast))
h <- as.integer(args[2])
m <- as.integer(args[3])
maxlen <- if (length(args) >= 5) as.integer(args[5]) else NA
d <- read.csv(args[1], colClasses = c(series_id = "character"))
groups <- split(d$value, factor(d$series_id, levels = unique(d$series_id)))
# warm-up (byte compilation, first-call costs) on a series R never reports
invisible(forecast(ets(ts(groups[[1]], frequency = m)), h = h))
con <- file(args[4], "w")
writeLines("series_id,step,mean,elapsed,cpu", con)
for (id in names(groups)) {
  v <- groups[[id]]
  if (!is.na(maxlen)) v <- tail(v, maxlen)
  y <- ts(v, frequency = m)
  t0 <- proc.time()
  fc <- tryCatch(suppressWarnings(forecast(ets(y), h = h, level = c(80, 95))), error = function(e) NULL)
  t1 <- proc.time() - t0
  if (is.null(fc)) next
  writeLines(sprintf("%s,%d,%.10g,%.4f,%.4f", id, seq_len(h), as.numeric(fc$mean),
    t1[["elapsed"]], t1[["user.self"]] + t1[["sys.self"]]), con)
}
close(con)
