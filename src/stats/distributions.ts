/**
 * Numerical building blocks shared by every statistics method: normal, Student t and chi-square
 * quantiles, the normal CDF and Poisson tail probabilities. The normal quantile is our own AS 241;
 * the rest come from the stdlib-js packages (ports of well-tested Cephes / Boost algorithms).
 */
import chisquareQuantileLib from '@stdlib/stats-base-dists-chisquare-quantile';
import tQuantileLib from '@stdlib/stats-base-dists-t-quantile';
import normalCdfLib from '@stdlib/stats-base-dists-normal-cdf';
import gammainc from '@stdlib/math-base-special-gammainc';

export { normalQuantile, normaliseConfidence, twoSidedZ } from './normal-quantile.ts';

/** Standard normal CDF Φ(x). */
export function normalCdf(x: number): number {
  return normalCdfLib(x, 0, 1);
}

/** p-quantile of Student's t with df degrees of freedom (df > 0; NaN otherwise). */
export function tQuantile(p: number, df: number): number {
  if (!(df > 0)) return NaN;
  return tQuantileLib(p, df);
}

/** p-quantile of the chi-square distribution with k degrees of freedom; k = 0 gives 0 (R's convention). */
export function chiSquareQuantile(p: number, k: number): number {
  if (Number.isNaN(p) || Number.isNaN(k) || p < 0 || p > 1 || k < 0) return NaN;
  if (k === 0) return 0;
  return chisquareQuantileLib(p, k);
}

/** Upper-tail chi-square quantile: the x with P(X > x) = p (R's `qchisq(p, k, lower.tail = FALSE)`). */
export function chiSquareUpperQuantile(p: number, k: number): number {
  return chiSquareQuantile(1 - p, k);
}

/** P(X ≤ k) for X ~ Poisson(lambda), computed as the regularised upper incomplete gamma Q(k+1, λ). */
export function poissonLowerTail(k: number, lambda: number): number {
  if (Number.isNaN(k) || Number.isNaN(lambda) || lambda < 0) return NaN;
  const kk = Math.floor(k);
  if (kk < 0) return 0;
  if (lambda === 0) return 1;
  return gammainc(lambda, kk + 1, true, true);
}

/** P(X ≥ k) for X ~ Poisson(lambda), computed as the regularised lower incomplete gamma P(k, λ). */
export function poissonUpperTail(k: number, lambda: number): number {
  if (Number.isNaN(k) || Number.isNaN(lambda) || lambda < 0) return NaN;
  const kk = Math.ceil(k);
  if (kk <= 0) return 1;
  if (lambda === 0) return 0;
  return gammainc(lambda, kk, true, false);
}
