# Reference values of the Wald tests and estimated means in LinearMixedModelTests (R 4.x, nlme). Run from this folder: Rscript lmm_wald.R
source("lmm_exact.R"); suppressMessages({library(nlme)})
d <- data.frame(
 id   = c(1,1,1,1, 2,2,2,2, 3,3,3, 4,4,4,4, 5,5, 6,6,6,6, 7,7,7,7, 8,8,8, 9,9,9,9, 10,10,10,10, 11, 12,12,12,12),
 time = c(0,3,12,18, 0,3,12,18, 0,3,12, 0,3,12,18, 0,3, 0,3,12,18, 0,3,12,18, 0,3,18, 0,3,12,18, 0,3,12,18, 0, 0,3,12,18),
 group= c(1,1,1,1, 1,1,1,1, 1,1,1, 1,1,1,1, 1,1, 2,2,2,2, 2,2,2,2, 2,2,2, 2,2,2,2, 2,2,2,2, 2, 2,2,2,2),
 y    = c(3.1,3.4,3.9,4.0, 2.5,2.9,3.1,3.6, 4.0,4.1,4.6, 3.3,3.2,3.8,4.1, 2.8,3.5, 3.0,3.9,4.5,4.9, 2.2,3.1,3.8,4.4, 3.6,4.0,5.1, 2.9,3.3,4.2,4.6, 3.4,4.1,4.4,5.2, 3.1, 2.7,3.6,4.0,4.7))
fit1 <- lme(y ~ factor(time), random=~1|id, data=d, method="REML")
print(anova(fit1))
a <- anova(fit1); cat(sprintf("nlme F %.17g df %g %g p %.17g\n", a[2,3], a[2,1], a[2,2], a[2,4]))
V <- vcov(fit1); b <- fixef(fit1)
L <- rbind(c(0,1,0,0),c(0,0,1,0),c(0,0,0,1)); F <- t(L%*%b) %*% solve(L%*%V%*%t(L)) %*% (L%*%b) / 3
cat(sprintf("wald nlme %.17g\n", F))
for (j in 1:4) { x <- c(1, rep(0,3)); if (j>1) x[j] <- 1; cat(sprintf("mean %d nlme %.17g se %.17g\n", j, sum(x*b), sqrt(t(x)%*%V%*%x))) }
X1 <- model.matrix(~ factor(time), d)
wald_exact <- function(y, X, id) {
  e <- exact_lmm(y, X, id, TRUE); N <- length(y); p <- ncol(X)
  # Covariance sigma2 (X'H^-1X)^-1 rebuilt from se is not enough (off-diagonals): recompute at the optimum gamma.
  Z <- model.matrix(~ factor(d$id) - 1); H <- diag(N) + e$gamma * Z %*% t(Z); V <- e$sigma2 * solve(t(X) %*% solve(H) %*% X)
  L <- cbind(0, diag(p - 1)); b <- e$beta
  F <- drop(t(L %*% b) %*% solve(L %*% V %*% t(L)) %*% (L %*% b)) / (p - 1)
  list(e = e, V = V, F = F)
}
w <- wald_exact(d$y, X1, d$id)
cat(sprintf("exact F %.17g p %.17g\n", w$F, pf(w$F, 3, 26, lower.tail = FALSE)))
for (j in 1:4) { x <- c(1, rep(0,3)); if (j>1) x[j] <- 1; cat(sprintf("exact mean %d %.17g se %.17g\n", j, sum(x*w$e$beta), sqrt(drop(t(x)%*%w$V%*%x)))) }
fit2 <- lme(y ~ factor(time)*factor(group), random=~1|id, data=d, method="REML")
print(anova(fit2, type="marginal"))
a <- anova(fit2, type="marginal"); cat(sprintf("nlme int F %.17g df %g %g p %.17g\n", a[4,3], a[4,1], a[4,2], a[4,4]))
X2 <- model.matrix(~ factor(time)*factor(group), d)
e <- exact_lmm(d$y, X2, d$id, TRUE); N <- nrow(d); Z <- model.matrix(~ factor(d$id) - 1); H <- diag(N) + e$gamma * Z %*% t(Z); V <- e$sigma2 * solve(t(X2) %*% solve(H) %*% X2)
L <- cbind(matrix(0,3,5), diag(3)); b <- e$beta
F <- drop(t(L %*% b) %*% solve(L %*% V %*% t(L)) %*% (L %*% b)) / 3
cat(sprintf("exact int F %.17g p %.17g\n", F, pf(F, 3, 23, lower.tail=FALSE)))
x <- c(1,1,0,0,1,1,0,0); cat(sprintf("exact cell t3 g2 %.17g se %.17g\n", sum(x*b), sqrt(drop(t(x)%*%V%*%x))))
