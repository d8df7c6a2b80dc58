/**
 * Section 14 — Fingertips recent-trend marker. The last five points, each weighted by 1/SE² with
 * SE = (upper95 − lower95)/3.92; weighted least-squares slope b with SE_b = 1/√Σw(t − t̄)²; the trend is
 * significant when (b/SE_b)² > 9.5495 (χ²₁ at p = 0.002) and the slope keeps its sign when each point is
 * dropped in turn.
 */
import type { BenchmarkOutcome, Polarity } from './compare.ts';

export const TREND_POINTS = 5;
/** χ² with 1 d.f. at p = 0.002 (= 3.0902²). */
export const TREND_CHI_SQUARE_THRESHOLD = 9.5495;

export type TrendDirection = 'increasing' | 'decreasing' | 'no-significant-change' | 'cannot-be-calculated';
export type TrendMarker =
  | 'increasing-and-getting-better' | 'increasing-and-getting-worse'
  | 'decreasing-and-getting-better' | 'decreasing-and-getting-worse'
  | 'increasing' | 'decreasing' | 'no-significant-change' | 'cannot-be-calculated';

export interface TrendPoint {
  value: number | null;
  lower95: number | null;
  upper95: number | null;
  /** Position on the time axis (e.g. the year); defaults to the point's index. */
  period?: number;
}

export interface TrendResult {
  direction: TrendDirection;
  marker: TrendMarker;
  slope: number | null;
  slopeSe: number | null;
  chiSquare: number | null;
  pointsUsed: number;
  /** Why the trend could not be calculated, when it could not. */
  note: string | null;
}

interface Fit { slope: number; slopeSe: number }

/** Weighted least-squares slope of y on t with weights w (known variances: SE_b = 1/√Sₜₜ). */
export function weightedSlope(t: readonly number[], y: readonly number[], w: readonly number[]): Fit {
  const sw = w.reduce((a, b) => a + b, 0);
  const tBar = t.reduce((a, ti, i) => a + w[i] * ti, 0) / sw;
  const yBar = y.reduce((a, yi, i) => a + w[i] * yi, 0) / sw;
  let stt = 0;
  let sty = 0;
  for (let i = 0; i < t.length; i++) {
    stt += w[i] * (t[i] - tBar) ** 2;
    sty += w[i] * (t[i] - tBar) * (y[i] - yBar);
  }
  return { slope: sty / stt, slopeSe: 1 / Math.sqrt(stt) };
}

function finite(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

function cannot(note: string, pointsUsed: number): TrendResult {
  return { direction: 'cannot-be-calculated', marker: 'cannot-be-calculated', slope: null, slopeSe: null, chiSquare: null, pointsUsed, note };
}

/** Recent trend of a series ordered oldest first; uses the last five points. */
export function calculateRecentTrend(series: readonly TrendPoint[], polarity: Polarity = 'no-judgement'): TrendResult {
  const indexed = series.map((p, i) => ({ ...p, period: p.period ?? i }));
  const last = indexed.slice(-TREND_POINTS);
  if (last.length < TREND_POINTS) return cannot(`needs ${TREND_POINTS} points, got ${last.length}`, last.length);
  for (const p of last) {
    if (!finite(p.value) || !finite(p.lower95) || !finite(p.upper95)) {
      return cannot(`period ${p.period} lacks a value or 95% limits`, last.length);
    }
    if (!(p.upper95 > p.lower95)) return cannot(`period ${p.period} has a zero-width confidence interval`, last.length);
  }
  const t = last.map((p) => p.period);
  const y = last.map((p) => p.value as number);
  const w = last.map((p) => (3.92 / ((p.upper95 as number) - (p.lower95 as number))) ** 2);
  const fit = weightedSlope(t, y, w);
  const chiSquare = (fit.slope / fit.slopeSe) ** 2;
  const sign = Math.sign(fit.slope);
  let significant = chiSquare > TREND_CHI_SQUARE_THRESHOLD && sign !== 0;
  for (let drop = 0; significant && drop < last.length; drop++) {
    const keep = (_: number, i: number) => i !== drop;
    const sub = weightedSlope(t.filter(keep), y.filter(keep), w.filter(keep));
    if (Math.sign(sub.slope) !== sign) significant = false;
  }
  const direction: TrendDirection = !significant ? 'no-significant-change' : sign > 0 ? 'increasing' : 'decreasing';
  return { direction, marker: judgeTrend(direction, polarity), slope: fit.slope, slopeSe: fit.slopeSe, chiSquare, pointsUsed: last.length, note: null };
}

/** Adds polarity: increasing is getting better when high is good, worse when low is good. */
export function judgeTrend(direction: TrendDirection, polarity: Polarity): TrendMarker {
  if (direction === 'no-significant-change' || direction === 'cannot-be-calculated') return direction;
  if (polarity === 'no-judgement') return direction;
  const better = (direction === 'increasing') === (polarity === 'high-is-good');
  return `${direction}-and-getting-${better ? 'better' : 'worse'}`;
}

/** The classic red-red flag: worse (or worst) than the benchmark and getting worse. */
export function isWorseAndGettingWorse(outcome: BenchmarkOutcome, marker: TrendMarker): boolean {
  return (outcome === 'worse' || outcome === 'worst') && marker.endsWith('getting-worse');
}
