import { test } from 'node:test';
import assert from 'node:assert/strict';
import { slopeIndex, relativeRanks, roundHalfEven, weightedFit, type SiiQuantile } from './sii.ts';
import { SeededRandom } from './rng.ts';

const deciles = (f: (b: number) => number, pops = [100, 120, 90, 110, 100, 95, 105, 100, 80, 100], se = 2): SiiQuantile[] => {
  const { b } = relativeRanks(pops);
  return pops.map((p, k) => ({ quantile: k + 1, population: p, value: f(b[k]), se, lowerCl: NaN, upperCl: NaN }));
};
const base = { valueType: 0 as const, transform: false, multiplier: 1, repetitions: 20000, levels: [0.95], seed: 7 };

test('relative ranks are cumulative population midpoints', () => {
  const { a, b } = relativeRanks([1, 1, 2]);
  assert.deepEqual(a, [0.25, 0.25, 0.5]);
  assert.deepEqual(b, [0.125, 0.375, 0.75]);
});

test('an exactly linear gradient gives its slope as SII and (β₀+β₁)/β₀ as RII', () => {
  const r = slopeIndex(deciles((b) => 80 - 30 * b), base);
  assert.ok(Math.abs(r.sii - -30) < 1e-9, `sii ${r.sii}`);
  assert.ok(Math.abs(r.rii - 50 / 80) < 1e-12, `rii ${r.rii}`);
  assert.ok(Math.abs(r.intercept - 80) < 1e-9);
});

test('a negative multiplier flips the SII and inverts the RII', () => {
  const r = slopeIndex(deciles((b) => 80 - 30 * b), { ...base, multiplier: -1 });
  assert.ok(Math.abs(r.sii - 30) < 1e-9);
  assert.ok(Math.abs(r.rii - 80 / 50) < 1e-12);
});

test('transformed rates: SII and RII come from the log-scale fit', () => {
  const r = slopeIndex(deciles((b) => Math.exp(3 + 0.5 * b)), { ...base, valueType: 1, transform: true });
  assert.ok(Math.abs(r.sii - (Math.exp(3.5) - Math.exp(3))) < 1e-9, `sii ${r.sii}`);
  assert.ok(Math.abs(r.rii - Math.exp(0.5)) < 1e-12);
});

test('simulated limits agree with the analytic normal interval of the weighted slope', () => {
  const rows = deciles((b) => 60 - 20 * b);
  const r = slopeIndex(rows, base);
  // β₁ is linear in y: β₁ = Σ cₖ yₖ, so its SD is √Σ cₖ² SEₖ²
  const { a, b } = relativeRanks(rows.map((q) => q.population));
  const mb = a.reduce((s, ak, k) => s + ak * b[k], 0);
  const sxx = a.reduce((s, ak, k) => s + ak * (b[k] - mb) ** 2, 0);
  const sd = Math.sqrt(a.reduce((s, ak, k) => s + ((ak * (b[k] - mb)) / sxx) ** 2 * 4, 0));
  const [lo, hi] = r.siiLimits;
  assert.ok(Math.abs(lo - (r.sii - 1.959964 * sd)) < 0.03 * 1.96 * sd, `lower ${lo}`);
  assert.ok(Math.abs(hi - (r.sii + 1.959964 * sd)) < 0.03 * 1.96 * sd, `upper ${hi}`);
});

test('the same seed reproduces the same limits; another seed differs', () => {
  const rows = deciles((b) => 60 - 20 * b);
  const one = slopeIndex(rows, base), two = slopeIndex(rows, base), other = slopeIndex(rows, { ...base, seed: 8 });
  assert.deepEqual(one.siiLimits, two.siiLimits);
  assert.notDeepEqual(one.siiLimits, other.siiLimits);
});

test('the generator gives standard normal moments and R-style rounding', () => {
  const rng = new SeededRandom(42);
  let s = 0, s2 = 0;
  const n = 200000;
  for (let i = 0; i < n; i++) { const z = rng.normal(); s += z; s2 += z * z; }
  assert.ok(Math.abs(s / n) < 0.01);
  assert.ok(Math.abs(s2 / n - 1) < 0.01);
  assert.equal(roundHalfEven(2.5), 2);
  assert.equal(roundHalfEven(3.5), 4);
  assert.deepEqual(weightedFit([0.5, 0.5], [0, 1], [1, 3]), [1, 2]);
});
