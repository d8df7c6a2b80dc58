import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assuranceOf, averageMovingRange, calculateXmr, variationIcon, type SpcRule } from './spc.ts';

const near = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a} vs ${b}`);
const flagged = (values: number[], rule: SpcRule, polarity: 'high-is-good' | 'low-is-good' | 'no-judgement' = 'high-is-good') =>
  calculateXmr(values, { polarity }).points.filter((p) => p.rules.includes(rule)).map((p) => p.index);

test('limits are mean ± 2.66·mean(MR), one sigma 2.66/3·mean(MR)', () => {
  // mean 11.6; MRs 2,1,2,1 → 1.5; limits 11.6 ± 3.99
  const r = calculateXmr([10, 12, 11, 13, 12], { polarity: 'high-is-good' });
  const p = r.points[4];
  near(p.mean, 11.6, 'mean'); near(p.upperLimit, 15.59, 'upper'); near(p.lowerLimit, 7.61, 'lower');
  near(p.oneSigma, 1.33, 'sigma');
  assert.equal(r.points[0].movingRange, null);
  assert.equal(r.points[1].movingRange, 2);
  assert.match(r.warnings[0], /5 points; at least 12/);
});

test('screening drops moving ranges above 3.267·mean(MR) before averaging', () => {
  const mrs = [1, 1, 1, 1, 1, 1, 1, 39]; // mean 5.75, threshold 18.785 → 39 dropped → 1
  near(averageMovingRange(mrs, true), 1, 'screened');
  near(averageMovingRange(mrs, false), 5.75, 'unscreened');
  const values = [10, 11, 10, 11, 10, 11, 10, 11, 50];
  const screened = calculateXmr(values, { polarity: 'high-is-good' });
  near(screened.points[8].upperLimit, 134 / 9 + 2.66, 'screened upper');
  assert.deepEqual(screened.points[8].rules, ['astronomical']);
  assert.equal(screened.points[8].pointType, 'special-cause-improvement');
  assert.equal(screened.variation, 'improvement-high');
  const raw = calculateXmr(values, { polarity: 'high-is-good', screenOutliers: false });
  near(raw.points[8].upperLimit, 134 / 9 + 2.66 * 5.75, 'unscreened upper');
});

test('shift: 7 points on one side of the mean; 6 are not enough', () => {
  // mean 34/14; MRs all 1 except 2 at the join; 2σ band ±1.91 holds every point.
  const shift = [1, 2, 1, 2, 1, 2, 1, 3, 4, 3, 4, 3, 4, 3];
  assert.deepEqual(flagged(shift, 'shift'), shift.map((_, i) => i));
  const r = calculateXmr(shift, { polarity: 'low-is-good' });
  assert.equal(r.points[0].pointType, 'special-cause-improvement');
  assert.equal(r.points[13].pointType, 'special-cause-concern');
  assert.equal(r.variation, 'concern-high');
  assert.deepEqual(flagged([1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4], 'shift'), []);
  // a point exactly on the mean breaks the run: mean of this series is 0
  assert.deepEqual(flagged([-1, -2, -1, -2, -1, -2, 0, -1, 1, 2, 1, 2, 1, 3], 'shift'), []);
});

test('trend: 7 points rising or falling, classified by side of the mean as NHSRplotthedots does', () => {
  const rising = [3, 1, 3, 1, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 1, 3, 1];
  assert.deepEqual(flagged(rising, 'trend'), [4, 5, 6, 7, 8, 9, 10]);
  assert.deepEqual(flagged(rising, 'shift'), []);
  const types = calculateXmr(rising, { polarity: 'high-is-good' }).points.map((p) => p.pointType);
  assert.deepEqual(types.slice(4, 11), [
    'special-cause-concern', 'special-cause-concern', 'special-cause-concern',
    'special-cause-improvement', 'special-cause-improvement', 'special-cause-improvement', 'special-cause-improvement',
  ]);
  // falling runs count too, and a turning point can end one trend and start the next
  const peak = [1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1];
  assert.deepEqual(flagged(peak, 'trend'), peak.map((_, i) => i));
  // an equal value breaks a trend
  assert.deepEqual(flagged([1, 2, 3, 3, 4, 5, 6, 7, 1, 2], 'trend'), []);
});

test('two of three beyond 2σ on the same side, with the third point on that side too', () => {
  // 40 points alternating 10/12 keep mean(MR) near 2, so 2σ ≈ mean + 3.8 and 3σ ≈ mean + 5.7.
  const base = Array.from({ length: 40 }, (_, i) => (i % 2 ? 12 : 10));
  const values = [...base, 15.5, 11.8, 15.5, 10, 12];
  const r = calculateXmr(values, { polarity: 'high-is-good', screenOutliers: false });
  const p = r.points[40];
  const band = p.mean + 2 * p.oneSigma;
  assert.ok(15.5 > band && 15.5 < p.upperLimit, `15.5 should lie between ${band} and ${p.upperLimit}`);
  assert.ok(11.8 > p.mean && 11.8 < band, '11.8 sits above the mean but inside 2σ');
  assert.deepEqual(r.points.filter((q) => q.rules.length > 0).map((q) => `${q.index}:${q.rules}`), ['40:two-in-three', '42:two-in-three']);
  // same two points but the middle one below the mean: not a two-in-three (NHSRplotthedots' all-same-side rule)
  const split = [...base, 15.5, 10, 15.5, 10, 12];
  const s = calculateXmr(split, { polarity: 'high-is-good', screenOutliers: false });
  assert.ok(s.points[41].value < s.points[41].mean);
  assert.deepEqual(s.points.filter((q) => q.rules.length > 0).map((q) => q.index), []);
});

test('target assurance against the latest limits, mirrored for lower-is-better', () => {
  const table: [number | null, 'high-is-good' | 'low-is-good' | 'no-judgement', string | null][] = [
    [16, 'high-is-good', 'consistently-fail'], [7, 'high-is-good', 'consistently-pass'], [12, 'high-is-good', 'inconsistent'],
    [16, 'low-is-good', 'consistently-pass'], [7, 'low-is-good', 'consistently-fail'], [15.59, 'low-is-good', 'inconsistent'],
    [16, 'no-judgement', null], [null, 'high-is-good', null],
  ];
  for (const [target, polarity, want] of table) {
    assert.equal(assuranceOf(target, 7.61, 15.59, polarity), want, `${target} ${polarity}`);
    assert.equal(calculateXmr([10, 12, 11, 13, 12], { polarity, target }).assurance, want, `xmr ${target} ${polarity}`);
  }
});

test('re-basing computes limits per segment and starts moving ranges afresh', () => {
  const r = calculateXmr([1, 2, 1, 2, 1, 11, 12, 11, 12, 11], { polarity: 'high-is-good', rebaseAt: [5] });
  near(r.points[0].mean, 1.4, 'first mean'); near(r.points[9].mean, 11.4, 'second mean');
  assert.equal(r.points[5].movingRange, null);
  assert.equal(r.points[5].segment, 1);
  near(r.points[9].upperLimit, 11.4 + 2.66, 'second upper');
  assert.throws(() => calculateXmr([1, 2, 3], { polarity: 'high-is-good', rebaseAt: [7] }), /re-base point 7/);
  assert.throws(() => calculateXmr([1, NaN], { polarity: 'high-is-good' }), /position 1/);
});

test('variation icons by polarity', () => {
  assert.equal(variationIcon('common-cause', 'low-is-good'), 'common-cause');
  assert.equal(variationIcon('special-cause-improvement', 'low-is-good'), 'improvement-low');
  assert.equal(variationIcon('special-cause-concern', 'high-is-good'), 'concern-low');
  assert.equal(calculateXmr([1, 2, 1, 2, 1, 2, 1, 3, 4, 3, 4, 3, 4, 3], { polarity: 'no-judgement' }).variation, 'neutral-high');
});
