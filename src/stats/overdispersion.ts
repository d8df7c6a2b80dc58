/**
 * Section 17 — funnel-plot overdispersion (Spiegelhalter 2005, Qual Saf Health Care 14:347–51).
 * zᵢ = (yᵢ − θ)/sᵢ, winsorised at the 10th and 90th percentiles (R type 7); φ = Σz²/k; when kφ > k − 1
 * an additive random effect τ² = max(0, (kφ − (k − 1)) / (Σw − Σw²/Σw)), w = 1/s², widens the limits
 * to θ ± z·√(s² + τ²). φ and τ² are always reported so users can see whether the funnel was widened.
 */
import { normaliseConfidence, twoSidedZ } from './distributions.ts';
import { percentileType7 } from './targets.ts';

export interface OverdispersionUnit { y: number; s: number }

export interface OverdispersionOptions {
  /** Target θ; defaults to the inverse-variance weighted mean Σwy/Σw. */
  theta?: number;
  /** Fraction winsorised at each end (default 0.1). */
  winsorise?: number;
  /** Confidence levels for the limits (default 95% and 99.8%). */
  levels?: number[];
}

export interface OverdispersionUnitResult {
  z: number;
  zWinsorised: number;
  /** z with τ² added to the variance: (y − θ)/√(s² + τ²). */
  zAdjusted: number;
  limits: { level: number; lower: number; upper: number }[];
}

export interface OverdispersionResult {
  theta: number;
  k: number;
  phi: number;
  tau2: number;
  overdispersed: boolean;
  winsorisedBelow: number;
  winsorisedAbove: number;
  units: OverdispersionUnitResult[];
}

export function estimateOverdispersion(units: readonly OverdispersionUnit[], options: OverdispersionOptions = {}): OverdispersionResult {
  const k = units.length;
  if (k < 2) throw new Error(`overdispersion needs at least 2 units, got ${k}`);
  units.forEach((u, i) => {
    if (!Number.isFinite(u.y)) throw new Error(`unit ${i}: value y is not a number`);
    if (!(u.s > 0) || !Number.isFinite(u.s)) throw new Error(`unit ${i}: standard error s must be positive, got ${u.s}`);
  });
  const fraction = options.winsorise ?? 0.1;
  if (!(fraction >= 0 && fraction < 0.5)) throw new Error(`winsorising fraction ${fraction} must lie in [0, 0.5)`);
  const levels = (options.levels ?? [0.95, 0.998]).map((c) => {
    const v = normaliseConfidence(c);
    if (Number.isNaN(v)) throw new Error(`confidence level ${c} must be between 0.9 and 1 (or 90 and 100)`);
    return v;
  });
  const w = units.map((u) => 1 / (u.s * u.s));
  const sumW = w.reduce((a, b) => a + b, 0);
  const theta = options.theta ?? units.reduce((a, u, i) => a + w[i] * u.y, 0) / sumW;
  const z = units.map((u) => (u.y - theta) / u.s);
  const below = percentileType7(z, fraction);
  const above = percentileType7(z, 1 - fraction);
  const zw = z.map((v) => Math.min(Math.max(v, below), above));
  const phi = zw.reduce((a, v) => a + v * v, 0) / k;
  const overdispersed = k * phi > k - 1;
  const sumW2 = w.reduce((a, b) => a + b * b, 0);
  const tau2 = overdispersed ? Math.max(0, (k * phi - (k - 1)) / (sumW - sumW2 / sumW)) : 0;
  return {
    theta, k, phi, tau2, overdispersed,
    winsorisedBelow: z.filter((v) => v < below).length,
    winsorisedAbove: z.filter((v) => v > above).length,
    units: units.map((u, i) => {
      const sd = Math.sqrt(u.s * u.s + tau2);
      return {
        z: z[i], zWinsorised: zw[i], zAdjusted: (u.y - theta) / sd,
        limits: levels.map((level) => {
          const q = twoSidedZ(level);
          return { level, lower: theta - q * sd, upper: theta + q * sd };
        }),
      };
    }),
  };
}
