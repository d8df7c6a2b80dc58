import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cohensKappa, competencyLevel, rollUpRag, scoreMetric, segmentOrganisations } from './scoring.ts';

const near = (a: number, b: number, what: string, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);
const expand = (cells: [string, string, number][]) => cells.flatMap(([a, b, n]) => Array.from({ length: n }, () => [a, b] as [string, string]));

test("Cohen's kappa reproduces the textbook 2×2 examples", () => {
  // Wikipedia "Cohen's kappa" worked examples: κ = 0.4, 0.1304, 0.2593.
  const table: [[number, number, number, number], number][] = [
    [[20, 5, 10, 15], 0.4], [[45, 15, 25, 15], 0.06 / 0.46], [[25, 35, 5, 35], 0.14 / 0.54],
  ];
  for (const [[yy, yn, ny, nn], want] of table) {
    const pairs = expand([['yes', 'yes', yy], ['yes', 'no', yn], ['no', 'yes', ny], ['no', 'no', nn]]);
    near(cohensKappa(pairs, ['yes', 'no']).kappa, want, `${yy},${yn},${ny},${nn}`);
  }
  near(0.06 / 0.46, 0.1304, 'published rounding', 5e-5);
  near(0.14 / 0.54, 0.2593, 'published rounding', 5e-5);
});

test('weighted kappa on a 3-category table (hand-computed: 7/11, 5/7, 4/5)', () => {
  const pairs = expand([['1', '1', 2], ['1', '2', 1], ['2', '2', 2], ['3', '2', 1], ['3', '3', 2]]);
  const cats = ['1', '2', '3'];
  near(cohensKappa(pairs, cats).kappa, 7 / 11, 'unweighted');
  near(cohensKappa(pairs, cats, 'linear').kappa, 5 / 7, 'linear');
  const q = cohensKappa(pairs, cats, 'quadratic');
  near(q.kappa, 0.8, 'quadratic'); near(q.observedAgreement, 0.9375, 'observed'); near(q.expectedAgreement, 0.6875, 'expected');
});

test('property: with two categories every weighting gives the same kappa; perfect agreement gives 1', () => {
  const pairs = expand([['a', 'a', 7], ['a', 'b', 3], ['b', 'a', 2], ['b', 'b', 9]]);
  const k0 = cohensKappa(pairs, ['a', 'b']).kappa;
  near(cohensKappa(pairs, ['a', 'b'], 'linear').kappa, k0, 'linear');
  near(cohensKappa(pairs, ['a', 'b'], 'quadratic').kappa, k0, 'quadratic');
  near(cohensKappa(expand([['a', 'a', 3], ['b', 'b', 4]]), ['a', 'b']).kappa, 1, 'perfect');
  assert.throws(() => cohensKappa([['a', 'c']], ['a', 'b']), /item 0: rating c/);
  assert.throws(() => cohensKappa(expand([['a', 'a', 3]]), ['a', 'b']), /single category/);
});

test('competency levels by rule', () => {
  const table: [number[], 'median' | 'floor-of-mean' | 'minimum', number][] = [
    [[1, 2, 4], 'median', 2], [[1, 2, 3, 4], 'median', 2], [[2, 3, 3, 4], 'floor-of-mean', 3], [[2, 2, 3], 'floor-of-mean', 2],
    [[3, 4, 2], 'minimum', 2],
  ];
  for (const [levels, rule, want] of table) assert.equal(competencyLevel(levels, rule), want, `${levels} ${rule}`);
  assert.throws(() => competencyLevel([1, 5], 'median'), /sub-criterion 1: level must be/);
});

test('RAG roll-up: any red → red, all green → green, else amber', () => {
  assert.equal(rollUpRag(['green', 'red', 'green']), 'red');
  assert.equal(rollUpRag(['green', 'green']), 'green');
  assert.equal(rollUpRag(['green', 'amber']), 'amber');
  assert.equal(rollUpRag(['amber', 'amber'], 'worst'), 'amber');
});

test('metric scores against thresholds, by polarity', () => {
  assert.deepEqual([96, 93, 90, 80].map((v) => scoreMetric(v, [88, 92, 95], 'high-is-good')), [1, 2, 3, 4]);
  assert.deepEqual([80, 90, 93, 96].map((v) => scoreMetric(v, [88, 92, 95], 'low-is-good')), [1, 2, 3, 4]);
  assert.throws(() => scoreMetric(1, [3, 2, 1], 'low-is-good'), /ascend/);
});

test('segments from mean scores, overrides, and a league table by segment then mean', () => {
  const got = segmentOrganisations([
    { code: 'RX1', metricScores: [1, 1, 2] },           // 1.33 → 1
    { code: 'RX2', metricScores: [1, 1, 2], financeCap: 3 }, // 1.33 → capped at 3
    { code: 'RX3', metricScores: [2, 3, 3] },           // 2.67 → 3
    { code: 'RX4', metricScores: [4, 4, 3] },           // 3.67 → 4
    { code: 'RX5', metricScores: [2, 2, 2], intensiveSupport: true }, // 2 → 5
    { code: 'RX6', metricScores: [2, 3, 3] },           // ties RX3
  ], [1.5, 2.5, 3.5]);
  assert.deepEqual(got.map((r) => `${r.code}:${r.baseSegment}->${r.segment}#${r.rank}`),
    ['RX1:1->1#1', 'RX2:1->3#2', 'RX3:3->3#3', 'RX6:3->3#3', 'RX4:4->4#5', 'RX5:2->5#6']);
  assert.match(got[1].overrides[0], /finance cap/);
  assert.throws(() => segmentOrganisations([{ code: 'A', metricScores: [5] }], [1.5, 2.5, 3.5]), /A: metric score 0/);
});
