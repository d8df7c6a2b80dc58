/** Section 9 (phe_sii): slope and relative index of inequality with simulated confidence limits. */
import { SeededRandom } from './rng.ts';

export interface SiiQuantile {
  quantile: number;
  population: number;
  value: number;
  /** standard error; NaN when limits are given instead */
  se: number;
  lowerCl: number;
  upperCl: number;
}

export interface SiiOptions {
  valueType: 0 | 1 | 2;
  transform: boolean;
  multiplier: number;
  repetitions: number;
  levels: readonly number[];
  seed: number;
}

export interface SiiResult {
  sii: number;
  rii: number;
  intercept: number;
  /** lower, upper per level */
  siiLimits: number[];
  riiLimits: number[];
}

const link = (t: 0 | 1 | 2) => (y: number) => (t === 1 ? Math.log(y) : t === 2 ? Math.log(y / (1 - y)) : y);
const inverseLink = (t: 0 | 1 | 2) => (y: number) => (t === 1 ? Math.exp(y) : t === 2 ? 1 / (1 + Math.exp(-y)) : y);

/** Weighted least squares of y on b with weights a (Σa = 1): returns [β₀, β₁]. */
export function weightedFit(a: ArrayLike<number>, b: ArrayLike<number>, y: ArrayLike<number>): [number, number] {
  let mb = 0, my = 0;
  for (let k = 0; k < a.length; k++) { mb += a[k] * b[k]; my += a[k] * y[k]; }
  let sxy = 0, sxx = 0;
  for (let k = 0; k < a.length; k++) { const d = b[k] - mb; sxy += a[k] * d * (y[k] - my); sxx += a[k] * d * d; }
  const b1 = sxy / sxx;
  return [my - b1 * mb, b1];
}

/** Relative ranks: a_k = P_k/ΣP and b_k = cumulative population midpoint. Rows sorted by quantile. */
export function relativeRanks(pops: readonly number[]): { a: number[]; b: number[] } {
  const total = pops.reduce((s, p) => s + p, 0);
  const a = pops.map((p) => p / total);
  const b: number[] = [];
  let cum = 0;
  for (const ak of a) { b.push(cum + ak / 2); cum += ak; }
  return { a, b };
}

/** R's round(): half to even. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

export function slopeIndex(rows: readonly SiiQuantile[], o: SiiOptions): SiiResult {
  const sorted = [...rows].sort((p, q) => p.quantile - q.quantile);
  const { a, b } = relativeRanks(sorted.map((r) => r.population));
  const g = inverseLink(o.valueType);
  const ginv = link(o.valueType);
  const m = o.multiplier;
  const se = sorted.map((r) => (Number.isNaN(r.se) ? (ginv(r.upperCl) - ginv(r.lowerCl)) / (2 * 1.959964) : r.se));
  const yFit = sorted.map((r) => (o.transform ? ginv(r.value) : r.value));
  const [b0, b1] = weightedFit(a, b, yFit);
  const orient = (r: number) => (m < 0 ? 1 / r : r);
  let sii: number, rii: number, intercept: number;
  if (o.transform) {
    sii = (g(b0 + b1) - g(b0)) * m; rii = orient(g(b0 + b1) / g(b0)); intercept = g(b0) * Math.abs(m);
  } else {
    sii = b1 * m; rii = orient((b0 + b1) / b0); intercept = b0;
  }
  const R = o.repetitions;
  const sims = new Float64Array(R), riis = new Float64Array(R);
  const rng = new SeededRandom(o.seed);
  const centre = sorted.map((r) => ginv(r.value));
  const ySim = new Float64Array(sorted.length);
  const h = b0 + b1 / 2;
  for (let i = 0; i < R; i++) {
    for (let k = 0; k < ySim.length; k++) {
      const draw = centre[k] + se[k] * rng.normal();
      ySim[k] = o.transform ? draw : g(draw);
    }
    const [s0, s1] = weightedFit(a, b, ySim);
    if (o.transform) {
      sims[i] = (g(h + s1 / 2) - g(h - s1 / 2)) * m;
      riis[i] = orient(g(s0 + s1) / g(s0));
    } else {
      sims[i] = s1 * m;
      riis[i] = orient((s0 + s1) / s0);
    }
  }
  sims.sort(); riis.sort();
  const siiLimits: number[] = [], riiLimits: number[] = [];
  for (const c of o.levels) {
    const lo = Math.max(1, roundHalfEven((R * (1 - c)) / 2)) - 1;
    const hi = Math.min(R, roundHalfEven(R * (1 - (1 - c) / 2))) - 1;
    siiLimits.push(sims[lo], sims[hi]);
    riiLimits.push(riis[lo], riis[hi]);
  }
  return { sii, rii, intercept, siiLimits, riiLimits };
}
