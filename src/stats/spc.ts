/**
 * Section 15 — XmR chart with the NHS *Making Data Count* rules, following NHSRplotthedots' documented
 * behaviour: limits per re-based segment; special cause when a point is outside the process limits, part
 * of a run of 7 on one side of the mean, part of 7 strictly rising or falling points, or one of two of
 * three consecutive points close to a limit (beyond 2σ but inside 3σ) with all three on the same side of
 * the mean. A special-cause point is improvement or concern by its side of the mean (so a rising trend
 * that starts below the mean starts as "concern", as in NHSRplotthedots).
 */
import type { Polarity } from './compare.ts';

export const XMR_LIMIT = 2.66;
export const MR_SCREEN = 3.267;
export const RUN_LENGTH = 7;
export const MINIMUM_POINTS = 12;

export type SpcRule = 'astronomical' | 'shift' | 'trend' | 'two-in-three';
export type PointType =
  | 'common-cause' | 'special-cause-improvement' | 'special-cause-concern'
  | 'special-cause-neutral-high' | 'special-cause-neutral-low';
export type VariationIcon =
  | 'common-cause' | 'improvement-high' | 'improvement-low' | 'concern-high' | 'concern-low'
  | 'neutral-high' | 'neutral-low';
export type AssuranceType = 'consistently-pass' | 'consistently-fail' | 'inconsistent';

export interface SpcOptions {
  polarity: Polarity;
  /** Drop moving ranges above 3.267·mean(MR) before averaging (default true, as NHSRplotthedots). */
  screenOutliers?: boolean;
  /** Indices of points that start a new segment (a known change point): limits are re-based there. */
  rebaseAt?: readonly number[];
  target?: number | null;
}

export interface SpcPoint {
  index: number;
  value: number;
  segment: number;
  movingRange: number | null;
  mean: number;
  lowerLimit: number;
  upperLimit: number;
  oneSigma: number;
  rules: SpcRule[];
  pointType: PointType;
}

export interface SpcResult {
  points: SpcPoint[];
  variation: VariationIcon | null;
  assurance: AssuranceType | null;
  warnings: string[];
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Mean of the moving ranges, after dropping those above 3.267·mean when screening. */
export function averageMovingRange(movingRanges: readonly number[], screenOutliers: boolean): number {
  if (movingRanges.length === 0) return NaN;
  const first = mean(movingRanges);
  if (!screenOutliers) return first;
  const kept = movingRanges.filter((mr) => !(mr > MR_SCREEN * first));
  return mean(kept);
}

/**
 * Points 7 at a time whose last `windowSize` signs are all equal and non-zero: sides of the mean for a
 * shift (7 signs), or steps between points for a trend (6 steps span 7 points).
 */
function pointsInRuns(signs: readonly number[], windowSize: number): Set<number> {
  const out = new Set<number>();
  for (let end = RUN_LENGTH - 1; end < signs.length; end++) {
    const window = signs.slice(end - windowSize + 1, end + 1);
    if (window[0] !== 0 && window.every((s) => s === window[0])) {
      for (let i = end - (RUN_LENGTH - 1); i <= end; i++) out.add(i);
    }
  }
  return out;
}

function segmentRules(y: readonly number[], centre: number, amr: number): SpcRule[][] {
  const n = y.length;
  const limit = XMR_LIMIT * amr;
  const near = 2 * (XMR_LIMIT / 3) * amr;
  const side = y.map((v) => Math.sign(v - centre));
  const outside = y.map((v) => v > centre + limit || v < centre - limit);
  const close = y.map((v, i) => !outside[i] && (v > centre + near || v < centre - near));
  // A shift: 7 points strictly on the same side (a point on the mean breaks it).
  const shift = pointsInRuns(side, RUN_LENGTH);
  // A trend: 7 points, i.e. 6 steps, all rising or all falling (an equal value breaks it).
  const steps = y.map((v, i) => (i === 0 ? 0 : Math.sign(v - y[i - 1])));
  const trend = pointsInRuns(steps, RUN_LENGTH - 1);
  const twoInThree = new Set<number>();
  for (let s = 0; s + 2 < n; s++) {
    const w = [s, s + 1, s + 2];
    const sameSide = Math.abs(side[s] + side[s + 1] + side[s + 2]) === 3;
    if (sameSide && w.filter((i) => close[i]).length >= 2) for (const i of w) if (close[i]) twoInThree.add(i);
  }
  return y.map((_, i) => {
    const rules: SpcRule[] = [];
    if (outside[i]) rules.push('astronomical');
    if (shift.has(i)) rules.push('shift');
    if (trend.has(i)) rules.push('trend');
    if (twoInThree.has(i)) rules.push('two-in-three');
    return rules;
  });
}

function classifyPoint(rules: SpcRule[], side: number, polarity: Polarity): PointType {
  if (rules.length === 0) return 'common-cause';
  if (polarity === 'no-judgement') return side > 0 ? 'special-cause-neutral-high' : 'special-cause-neutral-low';
  const improving = polarity === 'high-is-good' ? 1 : -1;
  return side === improving ? 'special-cause-improvement' : 'special-cause-concern';
}

/** Variation icon from the last point, as Making Data Count's icons. */
export function variationIcon(last: PointType, polarity: Polarity): VariationIcon {
  const high = polarity === 'high-is-good';
  switch (last) {
    case 'common-cause': return 'common-cause';
    case 'special-cause-improvement': return high ? 'improvement-high' : 'improvement-low';
    case 'special-cause-concern': return high ? 'concern-low' : 'concern-high';
    case 'special-cause-neutral-high': return 'neutral-high';
    case 'special-cause-neutral-low': return 'neutral-low';
  }
}

/** Target assurance from the latest limits: a target beyond a limit is always or never met. */
export function assuranceOf(target: number | null | undefined, lowerLimit: number, upperLimit: number, polarity: Polarity): AssuranceType | null {
  if (target == null || !Number.isFinite(target) || polarity === 'no-judgement') return null;
  const increasing = polarity === 'high-is-good';
  if (target > upperLimit) return increasing ? 'consistently-fail' : 'consistently-pass';
  if (target < lowerLimit) return increasing ? 'consistently-pass' : 'consistently-fail';
  return 'inconsistent';
}

/** XmR chart of a series ordered in time. */
export function calculateXmr(values: readonly number[], options: SpcOptions): SpcResult {
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new Error(`SPC value at position ${i} is not a number`);
  });
  const screen = options.screenOutliers ?? true;
  const starts = [...new Set([0, ...(options.rebaseAt ?? [])])].sort((a, b) => a - b);
  for (const s of starts) {
    if (!Number.isInteger(s) || s < 0 || s >= Math.max(values.length, 1)) {
      throw new Error(`re-base point ${s} is not a position in the series of ${values.length} values`);
    }
  }
  const warnings: string[] = [];
  const points: SpcPoint[] = [];
  starts.forEach((start, segment) => {
    const end = starts[segment + 1] ?? values.length;
    const y = values.slice(start, end);
    if (y.length < MINIMUM_POINTS) warnings.push(`segment ${segment} has ${y.length} points; at least ${MINIMUM_POINTS} are advised`);
    const centre = mean(y);
    const mrs = y.slice(1).map((v, i) => Math.abs(v - y[i]));
    const amr = y.length > 1 ? averageMovingRange(mrs, screen) : 0;
    const sigma = (XMR_LIMIT / 3) * amr;
    const rules = segmentRules(y, centre, amr);
    y.forEach((v, i) => {
      points.push({
        index: start + i, value: v, segment, movingRange: i === 0 ? null : mrs[i - 1], mean: centre,
        lowerLimit: centre - XMR_LIMIT * amr, upperLimit: centre + XMR_LIMIT * amr, oneSigma: sigma,
        rules: rules[i], pointType: classifyPoint(rules[i], Math.sign(v - centre), options.polarity),
      });
    });
  });
  const last = points[points.length - 1];
  return {
    points,
    variation: last ? variationIcon(last.pointType, options.polarity) : null,
    assurance: last ? assuranceOf(options.target, last.lowerLimit, last.upperLimit, options.polarity) : null,
    warnings,
  };
}
