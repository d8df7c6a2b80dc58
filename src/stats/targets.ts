/**
 * Section 16 — targets, trajectories, stretch proposals and progress. "Met" means at or beyond the
 * target in the good direction; the strict option asks the whole confidence interval to be there.
 */
import { compareIntervalWithValue, type Polarity } from './compare.ts';
import { assuranceOf, type AssuranceType } from './spc.ts';

export type TrajectoryShape = 'linear' | 'constant-percentage';
export type GoodDirection = Exclude<Polarity, 'no-judgement'>;

export type Target =
  | { kind: 'value'; value: number; strict?: boolean }
  | { kind: 'range'; low: number; high: number; strict?: boolean }
  | { kind: 'percentile'; comparatorValues: number[]; bestFraction: number; strict?: boolean }
  | { kind: 'better-than-england-last-year'; englandValue: number; strict?: boolean };

export interface Observation { value: number; lower?: number | null; upper?: number | null }

/** Milestones v₀ … v_T for years 0 … T: linear, or a constant percentage change each year. */
export function trajectoryMilestones(baseline: number, target: number, years: number, shape: TrajectoryShape): number[] {
  if (!Number.isInteger(years) || years < 1) throw new Error(`trajectory years must be a whole number ≥ 1, got ${years}`);
  if (shape === 'constant-percentage' && !(baseline > 0 && target > 0)) {
    throw new Error(`a constant-percentage trajectory needs positive baseline and target, got ${baseline} and ${target}`);
  }
  return Array.from({ length: years + 1 }, (_, t) => {
    if (t === years) return target;
    return shape === 'linear' ? baseline + ((target - baseline) * t) / years : baseline * (target / baseline) ** (t / years);
  });
}

/** The yearly change a trajectory implies: absolute per year (linear) or fractional per year (percentage). */
export function impliedAnnualChange(baseline: number, target: number, years: number, shape: TrajectoryShape): number {
  if (!(years > 0)) throw new Error(`years must be positive, got ${years}`);
  if (shape === 'linear') return (target - baseline) / years;
  if (!(baseline > 0 && target > 0)) throw new Error('a percentage change needs positive baseline and target');
  return (target / baseline) ** (1 / years) - 1;
}

/** Percentile of values by R's default (type 7: linear interpolation between order statistics). */
export function percentileType7(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('no comparator values to take a percentile of');
  if (!(p >= 0 && p <= 1)) throw new Error(`percentile ${p} must lie between 0 and 1`);
  const v = [...values].sort((a, b) => a - b);
  const h = (v.length - 1) * p;
  const lo = Math.floor(h);
  return v[lo] + (h - lo) * ((v[Math.min(lo + 1, v.length - 1)] ?? v[lo]) - v[lo]);
}

/** The value the best `fraction` of areas reach (0.25 → best quartile, 0 → best observed), by polarity. */
export function bestFractionValue(values: readonly number[], fraction: number, polarity: GoodDirection): number {
  return percentileType7(values, polarity === 'high-is-good' ? 1 - fraction : fraction);
}

/** Is a value at or beyond the threshold in the good direction? */
function reaches(x: number, threshold: number, polarity: GoodDirection): boolean {
  return polarity === 'high-is-good' ? x >= threshold : x <= threshold;
}

function worstEnd(o: Observation, polarity: GoodDirection, strict: boolean): number {
  if (!strict) return o.value;
  const end = polarity === 'high-is-good' ? o.lower : o.upper;
  if (end == null || !Number.isFinite(end)) throw new Error('a strict target needs the confidence interval');
  return end;
}

/** Whether an observation meets a target. */
export function isTargetMet(target: Target, o: Observation, polarity: GoodDirection): boolean {
  const strict = target.strict ?? false;
  switch (target.kind) {
    case 'value': return reaches(worstEnd(o, polarity, strict), target.value, polarity);
    case 'better-than-england-last-year': {
      const x = worstEnd(o, polarity, strict);
      return polarity === 'high-is-good' ? x > target.englandValue : x < target.englandValue;
    }
    case 'percentile':
      return reaches(worstEnd(o, polarity, strict), bestFractionValue(target.comparatorValues, target.bestFraction, polarity), polarity);
    case 'range': {
      const lo = strict ? o.lower : o.value;
      const hi = strict ? o.upper : o.value;
      if (lo == null || hi == null) throw new Error('a strict target needs the confidence interval');
      return lo >= target.low && hi <= target.high;
    }
  }
}

export type StretchBasis = 'best-quartile' | 'best-decile' | 'best-observed';
export interface StretchProposal {
  basis: StretchBasis;
  target: number;
  annualChangeLinear: number;
  annualChangePercent: number | null;
  /** Implied yearly improvement ÷ best yearly improvement seen (> 1: faster than any comparator managed). */
  ratioToBestSeen: number | null;
}

/**
 * Best average yearly improvement among comparators, each series ordered by year (oldest first):
 * (last − first)/(years spanned), signed so that improvement is positive. Null when no series has two points.
 */
export function bestAnnualImprovement(histories: readonly (readonly number[])[], polarity: GoodDirection): number | null {
  const sign = polarity === 'high-is-good' ? 1 : -1;
  const rates = histories.filter((h) => h.length >= 2).map((h) => (sign * (h[h.length - 1] - h[0])) / (h.length - 1));
  return rates.length ? Math.max(...rates) : null;
}

/** Stretch targets for an area: best quartile, best decile and best observed among comparators. */
export function proposeStretchTargets(input: {
  baseline: number; comparatorValues: number[]; polarity: GoodDirection; years: number;
  comparatorHistories?: number[][];
}): StretchProposal[] {
  const best = input.comparatorHistories ? bestAnnualImprovement(input.comparatorHistories, input.polarity) : null;
  const sign = input.polarity === 'high-is-good' ? 1 : -1;
  const bases: [StretchBasis, number][] = [['best-quartile', 0.25], ['best-decile', 0.1], ['best-observed', 0]];
  return bases.map(([basis, fraction]) => {
    const target = bestFractionValue(input.comparatorValues, fraction, input.polarity);
    const linear = impliedAnnualChange(input.baseline, target, input.years, 'linear');
    const percent = input.baseline > 0 && target > 0 ? impliedAnnualChange(input.baseline, target, input.years, 'constant-percentage') : null;
    return { basis, target, annualChangeLinear: linear, annualChangePercent: percent, ratioToBestSeen: best && best > 0 ? (sign * linear) / best : null };
  });
}

export type TrajectoryStatus = 'ahead-of-trajectory' | 'on-trajectory' | 'off-trajectory' | 'not-assessed';

/** On/off trajectory: the latest CI against that year's milestone, as a benchmark comparison. */
export function judgeAgainstMilestone(o: Observation, milestone: number, polarity: GoodDirection): TrajectoryStatus {
  const c = compareIntervalWithValue({ lower: o.lower ?? null, upper: o.upper ?? null }, milestone);
  if (c === 'not-compared') return 'not-assessed';
  if (c === 'similar') return 'on-trajectory';
  return (c === 'higher') === (polarity === 'high-is-good') ? 'ahead-of-trajectory' : 'off-trajectory';
}

/** Progress for one year: milestone status plus the SPC assurance of the target (from the XmR limits). */
export function assessProgress(input: {
  latest: Observation; milestone: number; polarity: GoodDirection; target: number;
  spcLimits?: { lower: number; upper: number } | null;
}): { status: TrajectoryStatus; assurance: AssuranceType | null } {
  const lim = input.spcLimits;
  return {
    status: judgeAgainstMilestone(input.latest, input.milestone, input.polarity),
    assurance: lim ? assuranceOf(input.target, lim.lower, lim.upper, input.polarity) : null,
  };
}
