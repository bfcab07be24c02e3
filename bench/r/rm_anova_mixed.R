# R's time for the same analysis as `trinn stats rm-anova-mixed` (docs/benchmarks.md, "Statistics").
#   Rscript bench/r/rm_anova_mixed.R FILE.csv    # FILE from scripts/gen-rm-data.py N 3 (id,group,t0,t3,t12,t18)
suppressMessages(library(car))
d <- read.csv(commandArgs(TRUE)[1])
Y <- as.matrix(d[, c("t0", "t3", "t12", "t18")])
g <- factor(d$group)
s <- summary(Anova(lm(Y ~ g, contrasts = list(g = contr.sum)), idata = data.frame(time = factor(1:4)), idesign = ~time, type = "III"), multivariate = TRUE)
print(s$univariate.tests)
