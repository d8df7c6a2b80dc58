/** Section 1 (phe_proportion) and section 2 (phe_rate): proportion with Wilson CI, crude rate with exact/Byar's CI. */
import { wilsonLower, wilsonUpper, poissonLimits } from './intervals.ts';
import { twoSidedZ } from './normal-quantile.ts';

export interface Estimate {
  value: number;
  /** lower, upper for each confidence level in order; NaN = NA */
  limits: number[];
  method: string | null;
}

/** Proportion x/n·m with Wilson limits at each level. NA (NaN) in → NA out. */
export function proportion(x: number, n: number, levels: readonly number[], multiplier = 1): Estimate {
  if (Number.isNaN(x) || Number.isNaN(n)) return { value: NaN, limits: levels.flatMap(() => [NaN, NaN]), method: null };
  const limits: number[] = [];
  for (const c of levels) {
    const z = twoSidedZ(c);
    limits.push(wilsonLower(x, n, z, c) * multiplier, wilsonUpper(x, n, z, c) * multiplier);
  }
  return { value: (x / n) * multiplier, limits, method: 'Wilson' };
}

/** Crude rate x/n·m; exact χ² limits when x < 10, Byar's otherwise. NA in → NA out. */
export function crudeRate(x: number, n: number, levels: readonly number[], multiplier = 100000): Estimate {
  if (Number.isNaN(x) || Number.isNaN(n)) {
    // as R: the method follows x alone, so a missing n still names it
    const method = Number.isNaN(x) ? null : x < 10 ? 'Exact' : 'Byars';
    return { value: NaN, limits: levels.flatMap(() => [NaN, NaN]), method };
  }
  const limits: number[] = [];
  let method = '';
  for (const c of levels) {
    const l = poissonLimits(x, c, twoSidedZ(c));
    method = l.method;
    limits.push((l.lower / n) * multiplier, (l.upper / n) * multiplier);
  }
  return { value: (x / n) * multiplier, limits, method };
}
