// Draws from low/likely/high ranges: triangular (inverse CDF) and PERT (a beta on [low, high] with
// shape 1 + 4·(likely−low)/(high−low)), gammas by Marsaglia & Tsang. Seeded through SeededRandom.
import type { SeededRandom } from '../../stats/rng.ts';

export interface Range { low: number; likely: number; high: number }
export type RangeShape = 'triangular' | 'pert';

export function checkRange(r: Range): string | null {
  if (![r.low, r.likely, r.high].every(Number.isFinite)) return 'low, likely and high must be numbers';
  if (!(r.low <= r.likely && r.likely <= r.high)) return 'needs low ≤ likely ≤ high';
  return null;
}

export function drawTriangular(rng: SeededRandom, r: Range): number {
  const { low: a, likely: c, high: b } = r;
  if (b === a) return a;
  const u = rng.uniform();
  const f = (c - a) / (b - a);
  return u < f ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
}

function drawGamma(rng: SeededRandom, shape: number): number {
  if (shape < 1) return drawGamma(rng, shape + 1) * Math.pow(rng.uniform() || Number.MIN_VALUE, 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number, v: number;
    do { x = rng.normal(); v = 1 + c * x; } while (v <= 0);
    v = v * v * v;
    const u = rng.uniform();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

export function drawPert(rng: SeededRandom, r: Range): number {
  const { low: a, likely: m, high: b } = r;
  if (b === a) return a;
  const alpha = 1 + (4 * (m - a)) / (b - a);
  const beta = 1 + (4 * (b - m)) / (b - a);
  const x = drawGamma(rng, alpha);
  const y = drawGamma(rng, beta);
  return a + (b - a) * (x / (x + y));
}

export function drawRange(rng: SeededRandom, r: Range, shape: RangeShape): number {
  return shape === 'pert' ? drawPert(rng, r) : drawTriangular(rng, r);
}

/** Means, for tests and reports: triangular (a+m+b)/3, PERT (a+4m+b)/6. */
export function rangeMean(r: Range, shape: RangeShape): number {
  return shape === 'pert' ? (r.low + 4 * r.likely + r.high) / 6 : (r.low + r.likely + r.high) / 3;
}
