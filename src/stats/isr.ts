/** Sections 5 and 6 (calculate_ISRatio, calculate_ISRate): indirectly standardised ratio and rate. */
import { poissonLimits } from './intervals.ts';
import { twoSidedZ } from './normal-quantile.ts';

/** Per-group sums: observed Σx (na.rm), expected Σ(x_ref/n_ref)·n (NA terms → 0), reference totals. */
export interface IsrSums {
  observed: number;
  expected: number;
  refCount: number;
  refPop: number;
}

export function emptyIsrSums(): IsrSums {
  return { observed: 0, expected: 0, refCount: 0, refPop: 0 };
}

export function addIsrBand(s: IsrSums, x: number, n: number, xRef: number, nRef: number): void {
  if (!Number.isNaN(x)) s.observed += x;
  const term = (xRef / nRef) * n;
  if (!Number.isNaN(term)) s.expected += term;
  if (!Number.isNaN(xRef)) s.refCount += xRef;
  if (!Number.isNaN(nRef)) s.refPop += nRef;
}

export interface IsrResult {
  observed: number;
  expected: number;
  refRate: number;
  value: number;
  limits: number[];
  method: 'Exact' | 'Byars';
}

function scaled(observed: number, expected: number, scale: number, levels: readonly number[]): Pick<IsrResult, 'value' | 'limits' | 'method'> {
  const limits: number[] = [];
  let method: 'Exact' | 'Byars' = 'Byars';
  for (const c of levels) {
    const l = poissonLimits(observed, c, twoSidedZ(c));
    method = l.method;
    limits.push((l.lower / expected) * scale, (l.upper / expected) * scale);
  }
  return { value: (observed / expected) * scale, limits, method };
}

/** ISRatio: O/E·refvalue; observedTotal (if given) replaces Σx. */
export function isRatio(s: IsrSums, levels: readonly number[], refValue = 1, observedTotal?: number): IsrResult {
  const o = observedTotal ?? s.observed;
  return { observed: o, expected: s.expected, refRate: NaN, ...scaled(o, s.expected, refValue, levels) };
}

/** ISRate: O/E·ref_rate with ref_rate = Σx_ref/Σn_ref·m. */
export function isRate(s: IsrSums, levels: readonly number[], multiplier = 100000, observedTotal?: number): IsrResult {
  const o = observedTotal ?? s.observed;
  const refRate = (s.refCount / s.refPop) * multiplier;
  return { observed: o, expected: s.expected, refRate, ...scaled(o, s.expected, refRate, levels) };
}
