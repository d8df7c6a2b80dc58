import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assignQuantiles, checkLevels, combineLevels, compareByConfidenceInterval, compareIntervalWithValue,
  compareProportionBySpc, compareRateBySpc, exactPoissonLimits, judgeComparison, judgeQuantile,
  ragOfOutcome, wilsonLimits, type Comparison, type Polarity, type BenchmarkOutcome,
} from './compare.ts';

const close = (a: number, b: number, tol: number, what: string) =>
  assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

test('one level: CI wholly below, across or above the benchmark value', () => {
  const cases: [number, number, number, string][] = [
    [10, 19.9, 20, 'lower'], [10, 20, 20, 'similar'], [20, 30, 20, 'similar'], [20.1, 30, 20, 'higher'],
  ];
  for (const [lower, upper, b, want] of cases) {
    assert.equal(compareIntervalWithValue({ lower, upper }, b), want, `${lower}-${upper} vs ${b}`);
  }
  assert.equal(compareIntervalWithValue({ lower: null, upper: 3 }, 2), 'not-compared');
  assert.equal(compareIntervalWithValue({ lower: 1, upper: 3 }, null), 'not-compared');
});

test('two levels: 99.8% interval excluding the benchmark gives much-lower / much-higher', () => {
  const b = 50;
  const cases: [[number, number], [number, number], Comparison][] = [
    [[40, 45], [38, 49], 'much-lower'], [[40, 45], [38, 52], 'lower'], [[45, 55], [40, 60], 'similar'],
    [[52, 60], [49, 62], 'higher'], [[52, 60], [51, 62], 'much-higher'],
  ];
  for (const [ci95, ci998, want] of cases) {
    const got = compareByConfidenceInterval({
      intervals: [{ lower: ci95[0], upper: ci95[1] }, { lower: ci998[0], upper: ci998[1] }], benchmark: b,
    });
    assert.equal(got, want, JSON.stringify([ci95, ci998]));
  }
  assert.equal(combineLevels(['not-compared', 'lower']), 'not-compared');
});

test('an area is never benchmarked against itself', () => {
  const got = compareByConfidenceInterval({
    intervals: [{ lower: 1, upper: 2 }], benchmark: 10, areaCode: 'E92000001', benchmarkCode: 'E92000001',
  });
  assert.equal(got, 'not-compared');
});

test('polarity maps the comparison, no polarity reports higher/lower', () => {
  const table: [Comparison, Polarity, BenchmarkOutcome][] = [
    ['much-higher', 'high-is-good', 'best'], ['higher', 'high-is-good', 'better'], ['lower', 'high-is-good', 'worse'],
    ['much-lower', 'high-is-good', 'worst'], ['much-higher', 'low-is-good', 'worst'], ['higher', 'low-is-good', 'worse'],
    ['lower', 'low-is-good', 'better'], ['much-lower', 'low-is-good', 'best'], ['similar', 'low-is-good', 'similar'],
    ['much-lower', 'no-judgement', 'lower'], ['higher', 'no-judgement', 'higher'], ['not-compared', 'high-is-good', 'not-compared'],
  ];
  for (const [c, p, want] of table) assert.equal(judgeComparison(c, p), want, `${c} ${p}`);
  assert.equal(ragOfOutcome('worst'), 'red');
  assert.equal(ragOfOutcome('better'), 'green');
  assert.equal(ragOfOutcome('similar'), 'amber');
  assert.equal(ragOfOutcome('higher'), 'grey');
});

test('Wilson limits match Newcombe (1998) worked examples', () => {
  // Newcombe, Stat Med 1998;17:857–72, Table II: 81/263 → 0.2553–0.3662; 15/148 → 0.0624–0.1605.
  const a = wilsonLimits(81, 263, 0.95);
  close(a.lower, 0.2553, 5e-5, '81/263 lower'); close(a.upper, 0.3662, 5e-5, '81/263 upper');
  const b = wilsonLimits(15, 148, 0.95);
  close(b.lower, 0.0624, 5e-5, '15/148 lower'); close(b.upper, 0.1605, 5e-5, '15/148 upper');
});

test('exact Poisson limits for 10 events are 4.795–18.390 (Garwood)', () => {
  const lim = exactPoissonLimits(10, 0.95);
  close(lim.lower, 4.7954, 1e-4, 'lower'); close(lim.upper, 18.3904, 1e-4, 'upper');
});

test('SPC for proportions compares x/n with Wilson limits around n·p₀', () => {
  // E = 263·0.3 = 78.9: 95% limits 0.2478–0.3579, 99.8% limits 0.2209–0.3931 (Wilson at x = E).
  assert.equal(compareProportionBySpc({ x: 81, n: 263, benchmarkProportion: 0.3, levels: [0.95] }), 'similar');
  assert.equal(compareProportionBySpc({ x: 100, n: 263, benchmarkProportion: 0.3, levels: [0.95, 0.998] }), 'higher');
  assert.equal(compareProportionBySpc({ x: 110, n: 263, benchmarkProportion: 0.3, levels: [0.95, 0.998] }), 'much-higher');
  assert.equal(compareProportionBySpc({ x: 55, n: 263, benchmarkProportion: 0.3, levels: [0.95, 0.998] }), 'much-lower');
  assert.equal(compareProportionBySpc({ x: 60, n: 263, benchmarkProportion: 0.3, levels: [0.95, 0.998] }), 'lower');
  assert.throws(() => compareProportionBySpc({ x: 1, n: 2, benchmarkProportion: 1.5, levels: [0.95] }), /between 0 and 1/);
});

test('SPC for rates compares observed events with exact Poisson limits around the expected', () => {
  // Around E = 10 the 95% limits are 4.795 and 18.39.
  assert.equal(compareRateBySpc({ observed: 4, expected: 10, levels: [95] }), 'lower');
  assert.equal(compareRateBySpc({ observed: 18, expected: 10, levels: [95] }), 'similar');
  assert.equal(compareRateBySpc({ observed: 19, expected: 10, levels: [95, 99.8] }), 'higher');
  assert.equal(compareRateBySpc({ observed: 40, expected: 10, levels: [95, 99.8] }), 'much-higher');
});

test('quintiles follow the section 8 rule with ascending ranks', () => {
  const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  assert.deepEqual(assignQuantiles(values, 5), [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  assert.deepEqual(assignQuantiles([3, null, 1, 2, 4], 4), [3, null, 1, 2, 4]);
  assert.deepEqual(assignQuantiles([1, 2], 5), [null, null]);
  assert.equal(judgeQuantile(5, 5, 'high-is-good'), 'best');
  assert.equal(judgeQuantile(5, 5, 'low-is-good'), 'worst');
  assert.equal(judgeQuantile(3, 5, 'low-is-good'), 'middle');
  assert.equal(judgeQuantile(1, 4, 'no-judgement'), 'lowest');
  assert.equal(judgeQuantile(3, 4, 'low-is-good'), 'worse');
});

test('confidence levels are checked and normalised', () => {
  assert.deepEqual(checkLevels([95, 99.8]), [0.95, 0.998]);
  assert.throws(() => checkLevels([0.998, 0.95]), /narrower/);
  assert.throws(() => checkLevels([0.5]), /between 0.9 and 1/);
  assert.throws(() => checkLevels([]), /one or two/);
});
