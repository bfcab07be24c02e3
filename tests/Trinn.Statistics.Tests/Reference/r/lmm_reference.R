# Reference values of LinearMixedModelTests (R 4.x, nlme, lme4). Run: Rscript lmm_reference.R (from this folder).
source("lmm_exact.R"); suppressMessages({library(nlme); library(lme4)})
d <- data.frame(
 id   = c(1,1,1,1, 2,2,2,2, 3,3,3, 4,4,4,4, 5,5, 6,6,6,6, 7,7,7,7, 8,8,8, 9,9,9,9, 10,10,10,10, 11, 12,12,12,12),
 time = c(0,3,12,18, 0,3,12,18, 0,3,12, 0,3,12,18, 0,3, 0,3,12,18, 0,3,12,18, 0,3,18, 0,3,12,18, 0,3,12,18, 0, 0,3,12,18),
 group= c(1,1,1,1, 1,1,1,1, 1,1,1, 1,1,1,1, 1,1, 2,2,2,2, 2,2,2,2, 2,2,2, 2,2,2,2, 2,2,2,2, 2, 2,2,2,2),
 y    = c(3.1,3.4,3.9,4.0, 2.5,2.9,3.1,3.6, 4.0,4.1,4.6, 3.3,3.2,3.8,4.1, 2.8,3.5, 3.0,3.9,4.5,4.9, 2.2,3.1,3.8,4.4, 3.6,4.0,5.1, 2.9,3.3,4.2,4.6, 3.4,4.1,4.4,5.2, 3.1, 2.7,3.6,4.0,4.7))
show <- function(e, label) { cat("==", label, "\n"); for (i in seq_along(e$beta)) cat(sprintf("%-28s est %.17g se %.17g\n", names(e$beta)[i], e$beta[i], e$se[i]))
  cat(sprintf("tau2 %.17g sigma2 %.17g gamma %.17g\nlogLik %.17g AIC %.17g BIC %.17g\n", e$tau2, e$sigma2, e$gamma, e$logLik, e$AIC, e$BIC)) }
X2 <- model.matrix(~ factor(time)*factor(group), d); X1 <- model.matrix(~ factor(time), d)
show(exact_lmm(d$y, X2, d$id, TRUE), "group REML"); show(exact_lmm(d$y, X2, d$id, FALSE), "group ML")
show(exact_lmm(d$y, X1, d$id, TRUE), "time REML"); show(exact_lmm(d$y, X1, d$id, FALSE), "time ML")
fit <- lme(y ~ factor(time)*factor(group), random=~1|id, data=d, method="REML"); tt <- summary(fit)$tTable
for (i in 1:nrow(tt)) cat(sprintf("nlme %-28s df %g t %.17g p %.17g\n", rownames(tt)[i], tt[i,3], tt[i,4], tt[i,5]))
fit1 <- lme(y ~ factor(time), random=~1|id, data=d, method="REML"); tt <- summary(fit1)$tTable
for (i in 1:nrow(tt)) cat(sprintf("nlme1 %-28s df %g t %.17g p %.17g\n", rownames(tt)[i], tt[i,3], tt[i,4], tt[i,5]))
f4 <- lmer(y ~ factor(time)*factor(group) + (1|id), data=d, REML=FALSE); cat(sprintf("lme4 ML se %.17g\n", summary(f4)$coefficients[,2]))
e <- exact_lmm(d$y, X2, d$id, TRUE); df <- c(23,23,23,23,10,23,23,23); t <- e$beta/e$se
cat(sprintf("exact t %.17g p %.17g\n", t, 2*pt(-abs(t), df)))
e <- exact_lmm(d$y, X2, d$id, FALSE); t <- e$beta/e$se
cat(sprintf("exactML t %.17g p %.17g\n", t, 2*pt(-abs(t), df)))

# Edge cases: a group with one subject; a wave with no variance
# (a) a third group with a single subject (13), observed at all four waves
da <- rbind(d, data.frame(id=13, time=c(0,3,12,18), group=3, y=c(2.4,3.0,3.3,3.9)))
Xa <- model.matrix(~ factor(time)*factor(group), da)
e <- exact_lmm(da$y, Xa, da$id, TRUE)
cat(sprintf("A %-30s est %.17g se %.17g\n", names(e$beta), e$beta, e$se)); cat(sprintf("A tau2 %.17g sigma2 %.17g logLik %.17g AIC %.17g BIC %.17g\n", e$tau2, e$sigma2, e$logLik, e$AIC, e$BIC))
tt <- summary(lme(y ~ factor(time)*factor(group), random=~1|id, data=da))$tTable; cat(sprintf("A nlme %-30s df %g est %.17g\n", rownames(tt), tt[,3], tt[,1]))
# (b) a wave with no variance: every y at time 0 is 3
db <- d; db$y[db$time == 0] <- 3
Xb <- model.matrix(~ factor(time), db)
e <- exact_lmm(db$y, Xb, db$id, TRUE)
cat(sprintf("B %-30s est %.17g se %.17g\n", names(e$beta), e$beta, e$se)); cat(sprintf("B tau2 %.17g sigma2 %.17g logLik %.17g\n", e$tau2, e$sigma2, e$logLik))
tt <- summary(lme(y ~ factor(time), random=~1|id, data=db))$tTable; cat(sprintf("B nlme %-30s df %g est %.17g se %.17g\n", rownames(tt), tt[,3], tt[,1], tt[,2]))
