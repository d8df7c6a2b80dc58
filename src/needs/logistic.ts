// Logistic regression with an L2 penalty, fitted by iteratively reweighted least squares (Newton) over
// column-major Float64Arrays. Columns are standardised for fitting; the returned coefficients are on
// the original scale (so scoring needs no means or SDs). Pure: no I/O.

export interface LogisticFit {
  intercept: number;
  coefficients: number[];
  iterations: number;
  converged: boolean;
  /** Penalised log-likelihood per row at the solution. */
  logLikelihood: number;
}

export interface FitOptions { lambda?: number; maxIterations?: number; tolerance?: number }

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Solves A x = b for symmetric positive-definite A (row-major, n×n) by Cholesky. */
export function choleskySolve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      if (i === j) {
        if (s <= 0) throw new Error('matrix is not positive definite');
        l[i * n + i] = Math.sqrt(s);
      } else l[i * n + j] = s / l[j * n + j]!;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * y[k]!;
    y[i] = s / l[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * x[k]!;
    x[i] = s / l[i * n + i]!;
  }
  return x;
}

/** Fits P(y=1) = σ(b0 + Σ bj xj). `columns[j][i]` is feature j of row i; `y[i]` is 0 or 1. */
export function fitLogistic(columns: Float64Array[], y: Float64Array, opts: FitOptions = {}): LogisticFit {
  const n = y.length;
  const p = columns.length;
  const lambda = opts.lambda ?? 1;
  const maxIt = opts.maxIterations ?? 25;
  const tol = opts.tolerance ?? 1e-8;
  const mean = columns.map((c) => c.reduce((s, v) => s + v, 0) / n);
  const sd = columns.map((c, j) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += (c[i]! - mean[j]!) ** 2;
    const v = Math.sqrt(s / n);
    return v > 1e-12 ? v : 1;
  });
  const z = columns.map((c, j) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = (c[i]! - mean[j]!) / sd[j]!;
    return out;
  });
  const d = p + 1; // intercept first
  let beta = new Float64Array(d);
  const prev = y.reduce((s, v) => s + v, 0) / n;
  beta[0] = Math.log(Math.max(prev, 1e-9) / Math.max(1 - prev, 1e-9));
  const eta = new Float64Array(n);
  const w = new Float64Array(n);
  const r = new Float64Array(n);
  let converged = false;
  let it = 0;
  // Penalised log-likelihood at b; fills eta, w and r for the Newton step.
  const evaluateAt = (b: Float64Array): number => {
    eta.fill(b[0]!);
    for (let j = 0; j < p; j++) {
      const col = z[j]!, bj = b[j + 1]!;
      if (bj !== 0) for (let i = 0; i < n; i++) eta[i] += col[i]! * bj;
    }
    let ll = 0;
    for (let i = 0; i < n; i++) {
      const mu = sigmoid(eta[i]!);
      w[i] = Math.max(mu * (1 - mu), 1e-10);
      r[i] = y[i]! - mu;
      ll += y[i]! ? Math.log(Math.max(mu, 1e-300)) : Math.log(Math.max(1 - mu, 1e-300));
    }
    let pen = 0;
    for (let a = 1; a < d; a++) pen += b[a]! * b[a]!;
    return ll - (lambda * pen) / 2;
  };
  let objective = evaluateAt(beta);
  for (; it < maxIt; it++) {
    // Hessian H = XᵀWX + λI (no penalty on the intercept), gradient g = Xᵀr − λβ.
    const h = new Float64Array(d * d);
    const g = new Float64Array(d);
    for (let a = 0; a < d; a++) {
      const ca = a === 0 ? null : z[a - 1]!;
      let gs = 0;
      for (let i = 0; i < n; i++) gs += (ca ? ca[i]! : 1) * r[i]!;
      g[a] = gs - (a > 0 ? lambda * beta[a]! : 0);
      for (let b = 0; b <= a; b++) {
        const cb = b === 0 ? null : z[b - 1]!;
        let s = 0;
        if (ca && cb) for (let i = 0; i < n; i++) s += ca[i]! * cb[i]! * w[i]!;
        else if (ca) for (let i = 0; i < n; i++) s += ca[i]! * w[i]!;
        else for (let i = 0; i < n; i++) s += w[i]!;
        h[a * d + b] = s;
        h[b * d + a] = s;
      }
      if (a > 0) h[a * d + a] += lambda;
    }
    const step = choleskySolve(h, g, d);
    // Newton step with halving until the penalised likelihood does not fall.
    let scale = 1;
    let next = beta;
    let nextObjective = objective;
    for (let half = 0; half < 30; half++, scale /= 2) {
      next = beta.map((b, a) => b + scale * step[a]!);
      nextObjective = evaluateAt(next);
      if (nextObjective >= objective - 1e-12 * Math.abs(objective)) break;
    }
    let maxStep = 0;
    for (let a = 0; a < d; a++) maxStep = Math.max(maxStep, Math.abs(next[a]! - beta[a]!));
    beta = next;
    const gain = nextObjective - objective;
    objective = nextObjective;
    if (maxStep < tol || Math.abs(gain) < tol * Math.max(1, Math.abs(objective)) * 1e-4) { converged = true; it++; break; }
  }
  if (!converged) evaluateAt(beta);
  const ll = objective;
  const coefficients = Array.from({ length: p }, (_, j) => beta[j + 1]! / sd[j]!);
  const intercept = beta[0]! - coefficients.reduce((s, b, j) => s + b * mean[j]!, 0);
  return { intercept, coefficients, iterations: it, converged, logLikelihood: ll / n };
}
