/**
 * Section 13 — benchmark comparison (Fingertips RAG). The comparison itself (lower / similar / higher,
 * "much" at the wider of two levels) knows nothing of polarity; `judgeComparison` maps it to
 * better / worse once polarity is known, so the same comparison can be shown with or without judgement.
 */
import { normaliseConfidence, twoSidedZ } from './distributions.ts';
import { exactLower, exactUpper, wilsonLower, wilsonUpper } from './intervals.ts';
import { assignQuantiles as assignGroupQuantiles } from './quantile.ts';

export type Polarity = 'high-is-good' | 'low-is-good' | 'no-judgement';

/** How an area is benchmarked (Fingertips' "comparison method"). */
export type BenchmarkMethod =
  | 'confidence-interval' // the area's CI against the benchmark value
  | 'spc-proportion'      // Wilson limits around the expected count n·p₀
  | 'spc-rate'            // exact Poisson limits around the expected events
  | 'quintiles'           // no CIs: rank the areas into fifths
  | 'quartiles'           // no CIs: rank the areas into quarters
  | 'not-compared';

/** Polarity-free result; "much-" means beyond the benchmark at the wider (second) confidence level too. */
export type Comparison = 'much-lower' | 'lower' | 'similar' | 'higher' | 'much-higher' | 'not-compared';

export type BenchmarkOutcome =
  | 'best' | 'better' | 'similar' | 'worse' | 'worst'      // with polarity
  | 'lower' | 'higher'                                      // no polarity
  | 'middle' | 'lowest' | 'low' | 'high' | 'highest'        // quantile outcomes
  | 'not-compared';

type SingleLevel = 'lower' | 'similar' | 'higher' | 'not-compared';

export interface ConfidenceInterval { lower: number | null; upper: number | null }

function finite(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** Checks and normalises the confidence levels: one level, or exactly two with the first the narrower. */
export function checkLevels(levels: readonly number[]): number[] {
  if (levels.length < 1 || levels.length > 2) {
    throw new Error(`benchmark comparison takes one or two confidence levels, got ${levels.length}`);
  }
  const out = levels.map((c) => {
    const v = normaliseConfidence(c);
    if (Number.isNaN(v)) throw new Error(`confidence level ${c} must be between 0.9 and 1 (or 90 and 100)`);
    return v;
  });
  if (out.length === 2 && !(out[0] < out[1])) {
    throw new Error(`with two confidence levels the first must be the narrower, got ${levels.join(', ')}`);
  }
  return out;
}

/** One level: upper < benchmark → lower; lower > benchmark → higher; else similar. Never CI overlap. */
export function compareIntervalWithValue(ci: ConfidenceInterval, benchmark: number | null): SingleLevel {
  if (!finite(benchmark) || !finite(ci.lower) || !finite(ci.upper)) return 'not-compared';
  if (ci.upper < benchmark) return 'lower';
  if (ci.lower > benchmark) return 'higher';
  return 'similar';
}

/** Combines one or two single-level results (narrower level first) into a polarity-free comparison. */
export function combineLevels(results: readonly SingleLevel[]): Comparison {
  const [narrow, wide] = results;
  if (narrow === undefined || narrow === 'not-compared') return 'not-compared';
  if (wide === undefined || wide === 'not-compared' || wide === 'similar') return narrow;
  // The wider interval excluding the benchmark implies the narrower one does too.
  return wide === 'lower' ? 'much-lower' : 'much-higher';
}

/** Same area as benchmark → not compared (an area is never benchmarked against itself). */
function isSelfComparison(areaCode?: string | null, benchmarkCode?: string | null): boolean {
  return areaCode != null && benchmarkCode != null && areaCode === benchmarkCode;
}

export interface IntervalComparisonInput {
  /** One CI per level, in the order of `levels` (e.g. 95% then 99.8%). */
  intervals: ConfidenceInterval[];
  benchmark: number | null;
  areaCode?: string | null;
  benchmarkCode?: string | null;
}

export function compareByConfidenceInterval(input: IntervalComparisonInput): Comparison {
  if (isSelfComparison(input.areaCode, input.benchmarkCode)) return 'not-compared';
  if (input.intervals.length < 1 || input.intervals.length > 2) {
    throw new Error(`give one or two confidence intervals, got ${input.intervals.length}`);
  }
  return combineLevels(input.intervals.map((ci) => compareIntervalWithValue(ci, input.benchmark)));
}

/** Wilson score limits for x successes in n at two-sided level c (c = 1 gives 0 and 1): the shared formula. */
export function wilsonLimits(x: number, n: number, c: number): { lower: number; upper: number } {
  if (c >= 1) return { lower: 0, upper: 1 };
  const z = twoSidedZ(c);
  return { lower: wilsonLower(x, n, z, c), upper: wilsonUpper(x, n, z, c) };
}

/** Exact Poisson limits for an expected count E: χ²_{α/2}(2E)/2 and χ²_{1−α/2}(2E+2)/2 (the shared formula). */
export function exactPoissonLimits(expected: number, c: number): { lower: number; upper: number } {
  return { lower: exactLower(expected, c), upper: c >= 1 ? Infinity : exactUpper(expected, c) };
}

export interface SpcProportionInput {
  x: number; n: number; benchmarkProportion: number; levels: readonly number[];
  areaCode?: string | null; benchmarkCode?: string | null;
}

/** SPC variant for proportions: the observed proportion x/n against Wilson limits around E = n·p₀. */
export function compareProportionBySpc(input: SpcProportionInput): Comparison {
  if (isSelfComparison(input.areaCode, input.benchmarkCode)) return 'not-compared';
  const { x, n, benchmarkProportion: p0 } = input;
  if (!finite(x) || !finite(n) || !finite(p0) || n <= 0) return 'not-compared';
  if (p0 < 0 || p0 > 1) throw new Error(`benchmark proportion ${p0} must lie between 0 and 1`);
  const observed = x / n;
  return combineLevels(checkLevels(input.levels).map((c) => {
    const lim = wilsonLimits(n * p0, n, c);
    return observed < lim.lower ? 'lower' : observed > lim.upper ? 'higher' : 'similar';
  }));
}

export interface SpcRateInput {
  observed: number; expected: number; levels: readonly number[];
  areaCode?: string | null; benchmarkCode?: string | null;
}

/** SPC variant for rates and DSRs: observed events against exact Poisson limits around the expected events. */
export function compareRateBySpc(input: SpcRateInput): Comparison {
  if (isSelfComparison(input.areaCode, input.benchmarkCode)) return 'not-compared';
  const { observed, expected } = input;
  if (!finite(observed) || !finite(expected) || expected < 0) return 'not-compared';
  return combineLevels(checkLevels(input.levels).map((c) => {
    const lim = exactPoissonLimits(expected, c);
    return observed < lim.lower ? 'lower' : observed > lim.upper ? 'higher' : 'similar';
  }));
}

/**
 * Quantile of each value among all areas (1 = lowest values): section 8's rule (`quantile.ts`) with
 * ascending ranks (ties take the minimum rank); null for missing values or when there are fewer values than groups.
 */
export function assignQuantiles(values: readonly (number | null)[], groups: number): (number | null)[] {
  const q = assignGroupQuantiles(values.map((v) => (finite(v) ? v : NaN)), groups, false);
  return q.map((x) => (Number.isNaN(x) ? null : x));
}

const QUINTILE_LABELS = { judged: ['worst', 'worse', 'middle', 'better', 'best'], plain: ['lowest', 'low', 'middle', 'high', 'highest'] } as const;
const QUARTILE_LABELS = { judged: ['worst', 'worse', 'better', 'best'], plain: ['lowest', 'low', 'high', 'highest'] } as const;

/** Labels quantile q (1 = lowest values) of 5 or 4 by polarity: high-is-good makes the top quantile "best". */
export function judgeQuantile(q: number | null, groups: 4 | 5, polarity: Polarity): BenchmarkOutcome {
  if (q == null) return 'not-compared';
  const labels = groups === 5 ? QUINTILE_LABELS : QUARTILE_LABELS;
  if (polarity === 'no-judgement') return labels.plain[q - 1];
  const index = polarity === 'high-is-good' ? q - 1 : groups - q;
  return labels.judged[index];
}

/** Maps a polarity-free comparison to the outcome shown: better/worse with polarity, higher/lower without. */
export function judgeComparison(comparison: Comparison, polarity: Polarity): BenchmarkOutcome {
  if (comparison === 'not-compared' || comparison === 'similar') return comparison;
  const up = comparison === 'higher' || comparison === 'much-higher';
  const much = comparison === 'much-higher' || comparison === 'much-lower';
  switch (polarity) {
    case 'no-judgement': return up ? 'higher' : 'lower';
    case 'high-is-good': return up ? (much ? 'best' : 'better') : (much ? 'worst' : 'worse');
    case 'low-is-good': return up ? (much ? 'worst' : 'worse') : (much ? 'best' : 'better');
  }
}

export type Rag = 'red' | 'amber' | 'green' | 'grey';

/** RAG colour of an outcome: worse/worst red, better/best green, similar amber, everything else grey. */
export function ragOfOutcome(outcome: BenchmarkOutcome): Rag {
  switch (outcome) {
    case 'worst': case 'worse': return 'red';
    case 'best': case 'better': return 'green';
    case 'similar': return 'amber';
    default: return 'grey';
  }
}
