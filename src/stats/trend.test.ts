import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chiSquareQuantile } from './distributions.ts';
import {
  calculateRecentTrend, isWorseAndGettingWorse, judgeTrend, TREND_CHI_SQUARE_THRESHOLD, weightedSlope,
  type TrendPoint,
} from './trend.ts';

/** Points with SE = se (95% CI width 3.92·se). */
const series = (values: number[], se: number | number[]): TrendPoint[] =>
  values.map((v, i) => {
    const s = Array.isArray(se) ? se[i] : se;
    return { value: v, lower95: v - 1.96 * s, upper95: v + 1.96 * s };
  });

test('the threshold is the χ²₁ quantile at p = 0.002', () => {
  assert.ok(Math.abs(chiSquareQuantile(0.998, 1) - TREND_CHI_SQUARE_THRESHOLD) < 5e-5);
});

test('weighted slope and its SE match hand calculation', () => {
  // t = 0..4, equal weights 4: Stt = 4·10 = 40, slope 2, SE 1/√40.
  const fit = weightedSlope([0, 1, 2, 3, 4], [10, 12, 14, 16, 18], [4, 4, 4, 4, 4]);
  assert.ok(Math.abs(fit.slope - 2) < 1e-12);
  assert.ok(Math.abs(fit.slopeSe - 1 / Math.sqrt(40)) < 1e-12);
  // Unequal weights: t = [0,1,2], y = [0,1,3], w = [1,2,1]: t̄ = 1, ȳ = 1.25, Stt = 2, Sty = 1.25·1 + 1.75·1 = 3 → 1.5.
  const uneq = weightedSlope([0, 1, 2], [0, 1, 3], [1, 2, 1]);
  assert.ok(Math.abs(uneq.slope - 1.5) < 1e-12);
});

test('table of trends', () => {
  const table: { name: string; points: TrendPoint[]; want: string; chi?: number }[] = [
    { name: 'steady rise with tight CIs', points: series([10, 12, 14, 16, 18], 0.5), want: 'increasing', chi: 160 },
    { name: 'steady fall', points: series([18, 16, 14, 12, 10], 0.5), want: 'decreasing', chi: 160 },
    // slope 2, SE_b = 3/√10 → χ² = 4·10/9 = 4.44 < 9.5495
    { name: 'rise with wide CIs', points: series([10, 12, 14, 16, 18], 3), want: 'no-significant-change', chi: 40 / 9 },
    // χ² huge, but dropping the last point leaves a flat line: the sign is not kept.
    { name: 'one jump at the end', points: series([5, 5, 5, 5, 50], 0.5), want: 'no-significant-change' },
    { name: 'only the last five count', points: series([100, 0, 10, 12, 14, 16, 18], 0.5), want: 'increasing', chi: 160 },
  ];
  for (const row of table) {
    const got = calculateRecentTrend(row.points);
    assert.equal(got.direction, row.want, row.name);
    if (row.chi !== undefined) assert.ok(Math.abs((got.chiSquare ?? NaN) - row.chi) < 1e-9, `${row.name}: χ² ${got.chiSquare}`);
  }
});

test('fewer than five points or missing limits cannot be calculated', () => {
  assert.equal(calculateRecentTrend(series([1, 2, 3, 4], 0.1)).direction, 'cannot-be-calculated');
  const gap = series([1, 2, 3, 4, 5], 0.1);
  gap[2] = { value: 3, lower95: null, upper95: null };
  const got = calculateRecentTrend(gap);
  assert.equal(got.direction, 'cannot-be-calculated');
  assert.match(got.note ?? '', /period 2/);
});

test('polarity turns direction into getting better / worse and flags red-red', () => {
  assert.equal(judgeTrend('increasing', 'high-is-good'), 'increasing-and-getting-better');
  assert.equal(judgeTrend('increasing', 'low-is-good'), 'increasing-and-getting-worse');
  assert.equal(judgeTrend('decreasing', 'low-is-good'), 'decreasing-and-getting-better');
  assert.equal(judgeTrend('decreasing', 'no-judgement'), 'decreasing');
  const marker = calculateRecentTrend(series([10, 12, 14, 16, 18], 0.5), 'low-is-good').marker;
  assert.equal(isWorseAndGettingWorse('worse', marker), true);
  assert.equal(isWorseAndGettingWorse('similar', marker), false);
  assert.equal(isWorseAndGettingWorse('worst', 'no-significant-change'), false);
});

test('uses the given periods on the time axis', () => {
  const pts = series([10, 12, 14, 16, 18], 0.5).map((p, i) => ({ ...p, period: 2000 + 2 * i }));
  const got = calculateRecentTrend(pts);
  assert.ok(Math.abs((got.slope ?? NaN) - 1) < 1e-12);
});
