/** Byar's and exact Poisson limits and the Wilson score interval (STATISTICS.md, common conventions). */
import { chiSquareQuantile } from './distributions.ts';
import { byarsLower, byarsUpper } from './byars.ts';

export { byarsLower, byarsUpper };

/** Exact Poisson lower limit χ²_{α/2}(2o)/2 at confidence c. */
export function exactLower(o: number, c: number): number {
  return chiSquareQuantile((1 - c) / 2, 2 * o) / 2;
}

/** Exact Poisson upper limit χ²_{1−α/2}(2o+2)/2 at confidence c. */
export function exactUpper(o: number, c: number): number {
  return chiSquareQuantile(c + (1 - c) / 2, 2 * o + 2) / 2;
}

/** Wilson score lower limit for x of n at confidence c (z its two-sided quantile); 0 when c = 1. */
export function wilsonLower(x: number, n: number, z: number, c: number): number {
  if (c === 1) return 0;
  return (2 * x + z * z - z * Math.sqrt(z * z + 4 * x * (1 - x / n))) / (2 * (n + z * z));
}

/** Wilson score upper limit; 1 when c = 1. */
export function wilsonUpper(x: number, n: number, z: number, c: number): number {
  if (c === 1) return 1;
  return (2 * x + z * z + z * Math.sqrt(z * z + 4 * x * (1 - x / n))) / (2 * (n + z * z));
}

/** Poisson limits for a count o: exact when o < 10, Byar's otherwise (as phe_rate and the ISR methods). */
export function poissonLimits(o: number, c: number, z: number): { lower: number; upper: number; method: 'Exact' | 'Byars' } {
  if (o < 10) return { lower: exactLower(o, c), upper: exactUpper(o, c), method: 'Exact' };
  return { lower: byarsLower(o, z), upper: byarsUpper(o, z), method: 'Byars' };
}
