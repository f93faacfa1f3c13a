# Reference forecasts from R's forecast package (ets, auto.arima, thetaf) for the Trendcast bench
# (tests/bench/run.ts). Usage:
#   Rscript tests/bench/r-models.R <train.csv> <h> <m> <out.csv> [limit] [maxlen]
# <train.csv> has columns series_id,date,value (extra columns are ignored), ordered by date.
# Only the last <maxlen> points are used (the engine's MAX_FIT_POINTS, so both see the same data).
# For m > 24 auto.arima searches no seasonal AR/MA terms (max.P = max.Q = 0), as the engine does:
# with them one weekly fit takes ~80 s in R.
# Writes series_id,model,step,mean,lo80,hi80,lo95,hi95,seconds (seconds = fit + forecast time).
args <- commandArgs(trailingOnly = TRUE)
suppressPackageStartupMessages(library(forecast))
inp <- args[1]
h <- as.integer(args[2])
m <- as.integer(args[3])
out <- args[4]
limit <- if (length(args) >= 5 && args[5] != "all") as.integer(args[5]) else NA
maxlen <- if (length(args) >= 6) as.integer(args[6]) else NA
d <- read.csv(inp, colClasses = c(series_id = "character"))
ids <- unique(d$series_id)
if (!is.na(limit)) ids <- head(ids, limit)
groups <- split(d$value, factor(d$series_id, levels = unique(d$series_id)))
con <- file(out, "w")
writeLines("series_id,model,step,mean,lo80,hi80,lo95,hi95,seconds", con)
i <- 0
for (id in ids) {
  i <- i + 1
  v <- groups[[id]]
  if (!is.na(maxlen)) v <- tail(v, maxlen)
  y <- ts(v, frequency = m)
  for (model in c("ets", "arima", "theta")) {
    t0 <- proc.time()[["elapsed"]]
    fc <- tryCatch(suppressWarnings({
      if (model == "ets") forecast(ets(y), h = h, level = c(80, 95))
      else if (model == "arima") {
        fit <- if (m > 24) auto.arima(y, max.P = 0, max.Q = 0) else auto.arima(y)
        forecast(fit, h = h, level = c(80, 95))
      }
      else thetaf(y, h = h, level = c(80, 95))
    }), error = function(e) NULL)
    el <- proc.time()[["elapsed"]] - t0
    if (is.null(fc)) next
    lines <- sprintf("%s,%s,%d,%.10g,%.10g,%.10g,%.10g,%.10g,%.4f", id, model, seq_len(h),
      as.numeric(fc$mean), as.numeric(fc$lower[, 1]), as.numeric(fc$upper[, 1]),
      as.numeric(fc$lower[, 2]), as.numeric(fc$upper[, 2]), el)
    writeLines(lines, con)
  }
  flush(con)
  if (i %% 10 == 0) message(sprintf("R: %d/%d series", i, length(ids)))
}
close(con)
