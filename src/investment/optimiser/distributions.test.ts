import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SeededRandom } from '../../stats/rng.ts';
import { drawRange, rangeMean, type RangeShape } from './distributions.ts';

for (const shape of ['triangular', 'pert'] as RangeShape[]) {
  test(`${shape} draws stay in range and their mean matches the formula`, () => {
    const rng = new SeededRandom(42);
    const r = { low: 2, likely: 3, high: 10 };
    const n = 40_000;
    let sum = 0, sumSq = 0;
    for (let i = 0; i < n; i++) {
      const x = drawRange(rng, r, shape);
      assert.ok(x >= r.low && x <= r.high, `draw ${x} out of range`);
      sum += x; sumSq += x * x;
    }
    const mean = sum / n;
    const sd = Math.sqrt(sumSq / n - mean * mean);
    const se = sd / Math.sqrt(n);
    assert.ok(Math.abs(mean - rangeMean(r, shape)) < 4 * se, `mean ${mean} vs ${rangeMean(r, shape)}`);
  });
}

test('a degenerate range always gives its value, and the same seed gives the same draws', () => {
  const rng = new SeededRandom(1);
  assert.equal(drawRange(rng, { low: 5, likely: 5, high: 5 }, 'pert'), 5);
  const a = new SeededRandom(9), b = new SeededRandom(9);
  const r = { low: 0, likely: 1, high: 4 };
  for (let i = 0; i < 50; i++) assert.equal(drawRange(a, r, 'pert'), drawRange(b, r, 'pert'));
});
