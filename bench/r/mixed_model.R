# R's time for the same model as `trinn stats mixed-model` (docs/benchmarks.md, "Statistics"): random intercept per
# subject, categorical time, group and time x group, REML.
#   Rscript bench/r/mixed_model.R LONG.csv [nlme|lme4]   # LONG from scripts/gen-rm-data.py N 3 --long
d <- read.csv(commandArgs(TRUE)[1])
pkg <- if (length(commandArgs(TRUE)) > 1) commandArgs(TRUE)[2] else "nlme"
d$time <- factor(d$time); d$group <- factor(d$group)
if (pkg == "nlme") {
  suppressMessages(library(nlme))
  print(summary(lme(y ~ time * group, random = ~ 1 | id, data = d, method = "REML"))$tTable)
} else {
  suppressMessages(library(lme4))
  print(summary(lmer(y ~ time * group + (1 | id), data = d, REML = TRUE))$coefficients)
}
