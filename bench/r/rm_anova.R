# R's time for the same analysis as `trinn stats rm-anova` (docs/benchmarks.md, "Statistics").
#   Rscript bench/r/rm_anova.R FILE.csv          # FILE from scripts/gen-rm-data.py (id,t0,t3,t12,t18)
suppressMessages(library(car))
d <- read.csv(commandArgs(TRUE)[1])
Y <- as.matrix(d[, c("t0", "t3", "t12", "t18")])
s <- summary(Anova(lm(Y ~ 1), idata = data.frame(time = factor(1:4)), idesign = ~time, type = "III"), multivariate = TRUE)
print(s$univariate.tests)
