/**
 * Section 18 — Absolute Gradient Index: the slope index of inequality (section 9, identity scale,
 * transform = FALSE) fitted to the small areas inside one commissioner, each placed at its *national*
 * deprivation position (0 = most deprived nationally, 1 = least), so gradients compare across areas.
 * Fit: y√a = β₀√a + β₁b√a with a = P/ΣP; AGI = β₁·m; RII = (β₀ + β₁)/β₀ (inverted when m < 0).
 * Limits by seeded Monte-Carlo: draw yᵢ ~ N(yᵢ, SEᵢ), refit, take the sorted slopes at round(R·α/2) and
 * round(R·(1 − α/2)) (1-based). Same seed, same limits; R's own random numbers are not reproduced.
 */
import { normaliseConfidence } from './distributions.ts';

export interface SmallArea {
  /** National relative deprivation position in [0, 1]; see `nationalPosition`. */
  nationalRank: number;
  population: number;
  value: number;
  se?: number | null;
}

export interface AgiOptions { multiplier?: number; repetitions?: number; confidence?: number; seed?: number }
export interface AgiResult {
  agi: number; rii: number; intercept: number; areas: number;
  lowerCl: number | null; upperCl: number | null; riiLowerCl: number | null; riiUpperCl: number | null;
}

/** Relative position of national deprivation rank r of N (1 = most deprived): (r − 0.5)/N. */
export function nationalPosition(rank: number, total: number): number {
  if (!(rank >= 1 && rank <= total)) throw new Error(`deprivation rank ${rank} must lie between 1 and ${total}`);
  return (rank - 0.5) / total;
}

function fit(b: readonly number[], a: readonly number[], y: readonly number[]): { b0: number; b1: number } {
  // Weighted least squares with weights a (Σa = 1): slope = Σa(b − b̄)(y − ȳ)/Σa(b − b̄)².
  let bBar = 0; let yBar = 0;
  for (let i = 0; i < b.length; i++) { bBar += a[i] * b[i]; yBar += a[i] * y[i]; }
  let sbb = 0; let sby = 0;
  for (let i = 0; i < b.length; i++) { sbb += a[i] * (b[i] - bBar) ** 2; sby += a[i] * (b[i] - bBar) * (y[i] - yBar); }
  const b1 = sby / sbb;
  return { b0: yBar - b1 * bBar, b1 };
}

/** Seeded uniform generator (mulberry32). */
export function seededUniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seededNormal(seed: number): () => number {
  const u = seededUniform(seed);
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

export function calculateAgi(areas: readonly SmallArea[], options: AgiOptions = {}): AgiResult {
  const m = options.multiplier ?? 1;
  areas.forEach((s, i) => {
    if (!(s.nationalRank >= 0 && s.nationalRank <= 1)) throw new Error(`small area ${i}: national rank ${s.nationalRank} must lie in [0, 1]`);
    if (!(s.population > 0)) throw new Error(`small area ${i}: population must be positive, got ${s.population}`);
    if (!Number.isFinite(s.value)) throw new Error(`small area ${i}: value is not a number`);
  });
  if (areas.length < 2 || new Set(areas.map((s) => s.nationalRank)).size < 2) {
    throw new Error('the AGI needs at least two small areas at different national ranks');
  }
  const total = areas.reduce((acc, s) => acc + s.population, 0);
  const a = areas.map((s) => s.population / total);
  const b = areas.map((s) => s.nationalRank);
  const y = areas.map((s) => s.value);
  const { b0, b1 } = fit(b, a, y);
  const rii = (q0: number, q1: number) => (m < 0 ? q0 / (q0 + q1) : (q0 + q1) / q0);
  const out: AgiResult = { agi: b1 * m, rii: rii(b0, b1), intercept: b0, areas: areas.length, lowerCl: null, upperCl: null, riiLowerCl: null, riiUpperCl: null };
  const reps = options.repetitions ?? 0;
  if (reps <= 0) return out;
  const c = normaliseConfidence(options.confidence ?? 0.95);
  if (Number.isNaN(c)) throw new Error(`confidence level ${options.confidence} must be between 0.9 and 1 (or 90 and 100)`);
  const se = areas.map((s, i) => {
    if (s.se == null || !(s.se >= 0)) throw new Error(`small area ${i}: limits need a non-negative standard error`);
    return s.se;
  });
  const draw = seededNormal(options.seed ?? 1);
  const slopes: number[] = []; const riis: number[] = [];
  for (let r = 0; r < reps; r++) {
    const sim = y.map((v, i) => v + se[i] * draw());
    const f = fit(b, a, sim);
    slopes.push(f.b1 * m); riis.push(rii(f.b0, f.b1));
  }
  const pick = (xs: number[], p: number) => xs.sort((u, v) => u - v)[Math.max(1, Math.round(reps * p)) - 1];
  const alpha = 1 - c;
  const [lo, hi] = [pick(slopes, alpha / 2), pick(slopes, 1 - alpha / 2)];
  out.lowerCl = m < 0 ? hi : lo; out.upperCl = m < 0 ? lo : hi;
  out.riiLowerCl = pick(riis, alpha / 2); out.riiUpperCl = pick(riis, 1 - alpha / 2);
  return out;
}
