import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assessProgress, bestAnnualImprovement, bestFractionValue, impliedAnnualChange, isTargetMet, judgeAgainstMilestone,
  percentileType7, proposeStretchTargets, trajectoryMilestones, type TrajectoryShape,
} from './targets.ts';

const near = (a: number, b: number, what: string, tol = 1e-9) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

test('linear and constant-percentage milestones (hand-computed)', () => {
  assert.deepEqual(trajectoryMilestones(100, 80, 5, 'linear'), [100, 96, 92, 88, 84, 80]);
  const pct = trajectoryMilestones(100, 81, 2, 'constant-percentage');
  near(pct[1], 90, 'year 1 of 100→81 over 2 years'); assert.equal(pct[2], 81);
  near(impliedAnnualChange(100, 81, 2, 'constant-percentage'), -0.1, 'percentage change');
  near(impliedAnnualChange(100, 80, 5, 'linear'), -4, 'linear change');
  assert.throws(() => trajectoryMilestones(0, 5, 5, 'constant-percentage'), /positive baseline/);
  assert.throws(() => trajectoryMilestones(1, 5, 0, 'linear'), /whole number/);
});

test('property: every trajectory starts at its baseline, reaches its target in year 5 and is monotone', () => {
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let k = 0; k < 200; k++) {
    const v0 = 1 + rand() * 1000;
    const vT = 1 + rand() * 1000;
    for (const shape of ['linear', 'constant-percentage'] as TrajectoryShape[]) {
      const m = trajectoryMilestones(v0, vT, 5, shape);
      assert.equal(m.length, 6);
      near(m[0], v0, 'start', 1e-9 * v0);
      assert.equal(m[5], vT);
      for (let t = 1; t <= 5; t++) assert.ok(vT >= v0 ? m[t] >= m[t - 1] - 1e-9 : m[t] <= m[t - 1] + 1e-9, `${shape} monotone`);
      if (shape === 'constant-percentage') {
        const r = impliedAnnualChange(v0, vT, 5, shape);
        for (let t = 1; t <= 5; t++) near(m[t] / m[t - 1], 1 + r, 'constant ratio', 1e-9);
      }
    }
  }
});

test('percentiles follow R type 7 and best quartile/decile follow polarity', () => {
  const v = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  near(percentileType7(v, 0.25), 3.25, 'q25'); // R: quantile(1:10, .25) = 3.25
  near(percentileType7(v, 0.9), 9.1, 'q90'); // R: quantile(1:10, .9) = 9.1
  near(bestFractionValue(v, 0.25, 'high-is-good'), 7.75, 'best quartile, high good');
  near(bestFractionValue(v, 0.25, 'low-is-good'), 3.25, 'best quartile, low good');
  assert.equal(bestFractionValue(v, 0, 'low-is-good'), 1);
  assert.equal(bestFractionValue(v, 0, 'high-is-good'), 10);
});

test('target kinds: value, strict, range, percentile, better than England', () => {
  const o = { value: 52, lower: 48, upper: 56 };
  assert.equal(isTargetMet({ kind: 'value', value: 50 }, o, 'high-is-good'), true);
  assert.equal(isTargetMet({ kind: 'value', value: 50, strict: true }, o, 'high-is-good'), false);
  assert.equal(isTargetMet({ kind: 'value', value: 47, strict: true }, o, 'high-is-good'), true);
  assert.equal(isTargetMet({ kind: 'value', value: 57, strict: true }, o, 'low-is-good'), true);
  assert.equal(isTargetMet({ kind: 'range', low: 45, high: 55 }, o, 'high-is-good'), true);
  assert.equal(isTargetMet({ kind: 'range', low: 45, high: 55, strict: true }, o, 'high-is-good'), false);
  assert.equal(isTargetMet({ kind: 'percentile', comparatorValues: [40, 45, 50, 55, 60], bestFraction: 0.25 }, o, 'high-is-good'), false);
  assert.equal(isTargetMet({ kind: 'percentile', comparatorValues: [40, 45, 50, 55, 60], bestFraction: 0.25 }, o, 'low-is-good'), false);
  assert.equal(isTargetMet({ kind: 'percentile', comparatorValues: [50, 60, 70, 80, 90], bestFraction: 0.25 }, o, 'low-is-good'), true);
  assert.equal(isTargetMet({ kind: 'better-than-england-last-year', englandValue: 52 }, o, 'high-is-good'), false);
  assert.equal(isTargetMet({ kind: 'better-than-england-last-year', englandValue: 51.9 }, o, 'high-is-good'), true);
  assert.throws(() => isTargetMet({ kind: 'value', value: 1, strict: true }, { value: 2 }, 'high-is-good'), /confidence interval/);
});

test('stretch proposals compare the implied change with the best improvement seen', () => {
  // low is good; comparators 1..10 → best quartile 3.25, best decile 1.9, best observed 1; baseline 8 over 5 years.
  const histories = [[10, 9, 8], [6, 6, 5], [9, 10, 10]]; // yearly improvements 1, 0.5, -0.5 → best 1
  assert.equal(bestAnnualImprovement(histories, 'low-is-good'), 1);
  const p = proposeStretchTargets({ baseline: 8, comparatorValues: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], polarity: 'low-is-good', years: 5, comparatorHistories: histories });
  assert.deepEqual(p.map((x) => x.basis), ['best-quartile', 'best-decile', 'best-observed']);
  near(p[0].target, 3.25, 'quartile'); near(p[1].target, 1.9, 'decile'); near(p[2].target, 1, 'observed');
  near(p[0].annualChangeLinear, -0.95, 'quartile change');
  near(p[0].ratioToBestSeen ?? NaN, 0.95, 'ratio to best seen');
  near(p[2].ratioToBestSeen ?? NaN, 1.4, 'best observed needs 1.4× the best improvement');
  near(p[2].annualChangePercent ?? NaN, (1 / 8) ** 0.2 - 1, 'percentage');
});

test('on/off trajectory judged with the CI against the milestone', () => {
  assert.equal(judgeAgainstMilestone({ value: 90, lower: 85, upper: 95 }, 92, 'low-is-good'), 'on-trajectory');
  assert.equal(judgeAgainstMilestone({ value: 99, lower: 96, upper: 102 }, 92, 'low-is-good'), 'off-trajectory');
  assert.equal(judgeAgainstMilestone({ value: 80, lower: 76, upper: 84 }, 92, 'low-is-good'), 'ahead-of-trajectory');
  assert.equal(judgeAgainstMilestone({ value: 80, lower: 76, upper: 84 }, 92, 'high-is-good'), 'off-trajectory');
  assert.equal(judgeAgainstMilestone({ value: 80 }, 92, 'high-is-good'), 'not-assessed');
  const got = assessProgress({ latest: { value: 90, lower: 85, upper: 95 }, milestone: 92, polarity: 'low-is-good', target: 80, spcLimits: { lower: 82, upper: 98 } });
  assert.deepEqual(got, { status: 'on-trajectory', assurance: 'consistently-fail' });
});
