# Exact optimum of the random-intercept (restricted) likelihood by a root of the analytic derivative in
# gamma = tau^2/sigma^2, with dense matrices (independent of Trinn's sufficient-statistics code).
exact_lmm <- function(y, X, id, REML=TRUE) {
  N <- length(y); p <- ncol(X); Z <- model.matrix(~ factor(id) - 1); ZZ <- Z %*% t(Z)
  parts <- function(g) {
    H <- diag(N) + g * ZZ; Hi <- solve(H); A <- t(X) %*% Hi %*% X; Ai <- solve(A)
    b <- Ai %*% t(X) %*% Hi %*% y; r <- y - X %*% b; q <- drop(t(r) %*% Hi %*% r)
    list(H=H, Hi=Hi, A=A, Ai=Ai, b=b, r=r, q=q)
  }
  nn <- if (REML) N - p else N
  ll <- function(g) { P <- parts(g); s2 <- P$q/nn
    -0.5 * (nn * log(2*pi*s2) + determinant(P$H)$modulus + (if (REML) determinant(P$A)$modulus else 0) + nn) }
  dll <- function(lg) { g <- exp(lg); P <- parts(g); HiZZ <- P$Hi %*% ZZ
    dq <- -drop(t(P$r) %*% HiZZ %*% P$Hi %*% P$r)
    dA <- if (REML) -sum(diag(P$Ai %*% t(X) %*% HiZZ %*% P$Hi %*% X)) else 0
    g * (-0.5 * (nn * dq / P$q + sum(diag(HiZZ)) + dA)) }
  lg <- uniroot(dll, c(-20, 20), tol=1e-15)$root
  g <- exp(lg); P <- parts(g); s2 <- P$q/nn
  se <- sqrt(diag(s2 * P$Ai))
  l <- ll(g); n_ic <- if (REML) N - p else N
  list(gamma=g, beta=drop(P$b), se=se, sigma2=s2, tau2=g*s2, logLik=l, AIC=-2*l + 2*(p+2), BIC=-2*l + (p+2)*log(n_ic))
}
