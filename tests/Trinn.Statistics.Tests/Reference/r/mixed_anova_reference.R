# Reference values of MixedRepeatedMeasuresAnovaTests (R 4.x, car 3.x). Run: Rscript mixed_anova_reference.R
suppressMessages(library(car)); options(digits=17)
Y <- matrix(c(
 10,12,15,14,  9,11,11,13, 12,15,18,17,  8, 8,10,12, 11,14,13,16,
 10,13,16,15,  7,10,12,11, 12,12,15,18,  9,12,14,16,
 11,11,12,12, 13,12,14,13, 10,10,11,13,  9,11,10,12, 12,13,13,15, 14,13,15,16), ncol=4, byrow=TRUE)
grp <- factor(c(1,1,1,1,1, 2,2,2,2, 3,3,3,3,3,3))
mod <- lm(Y ~ grp, contrasts=list(grp=contr.sum))
idata <- data.frame(time=factor(1:4))
av <- Anova(mod, idata=idata, idesign=~time, type="III")
s <- summary(av, multivariate=TRUE)
print(s$univariate.tests); print(s$pval.adjustments); print(s$sphericity.tests)
print(s$multivariate.tests$time); print(s$multivariate.tests$`grp:time`)
# Mauchly pieces and HF as SPSS prints it
N <- 15; g <- 3; k <- 4; p <- 3
C <- contr.poly(4); E <- crossprod(residuals(mod) %*% C); S <- E/(N-g)
gg <- sum(diag(S))^2/(p*sum(S*S)); cat("GG", gg, "\n")
cat("HF_spss", (N*p*gg-2)/(p*(N-g-p*gg)), " HF_lecoutre", ((N-g+1)*p*gg-2)/(p*(N-g-p*gg)), "\n")
W <- det(S)/(sum(diag(S))/p)^p; nu <- N-g; rho <- 1-(2*p^2+p+2)/(6*p*nu); chi <- -nu*rho*log(W)
w2 <- (p+2)*(p-1)*(p-2)*(2*p^3+6*p^2+3*p+2)/(288*(nu*p*rho)^2)
P1 <- pchisq(chi,5,lower=F); P2 <- pchisq(chi,9,lower=F)
cat("W", W, "chi", chi, "p_anderson", P1+w2*(P2-P1), "p_first", P1, "\n")
# eigenvalues for time x group
H <- s$multivariate.tests$`grp:time`$SSPH; EE <- s$multivariate.tests$`grp:time`$SSPE
print(Re(eigen(solve(EE) %*% H)$values))
u <- unclass(s$univariate.tests); for (r in rownames(u)) cat(r, sprintf("%.17g", u[r,]), "\n")
pa <- unclass(s$pval.adjustments); for (r in rownames(pa)) cat(r, sprintf("%.17g", pa[r,1:4]), "\n")
cat("mauchly_R_p", sprintf("%.17g", s$sphericity.tests[1,2]), "\n")

# descriptives
for (gi in 1:3) for (j in 1:4) cat("cell", gi, j, sprintf("%.17g", mean(Y[grp==gi,j])), sprintf("%.17g", sd(Y[grp==gi,j])), "\n")

m <- s$multivariate.tests$time; print(names(m)); 
mt <- function(name) { m <- s$multivariate.tests[[name]]; eig <- Re(eigen(solve(m$SSPE) %*% m$SSPH)$values); q <- m$df; dfe <- m$df.residual; print(c(q, dfe))
  for (f in c("Pillai","Wilks","HL","Roy")) { r <- get(f, asNamespace("stats"))(eig, q, dfe); cat(name, f, sprintf("%.17g", c(r, pf(r[2], r[3], r[4], lower.tail=FALSE))), "\n") } }
mt("time"); mt("grp:time")
