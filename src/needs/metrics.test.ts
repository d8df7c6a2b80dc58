import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auroc, calibration, topShares } from './metrics.ts';
import { evaluate } from './evaluate.ts';

const f = (xs: number[]) => Float64Array.from(xs);

test('auroc counts concordant pairs, ties count a half', () => {
  // positives 0.9, 0.4; negatives 0.5, 0.1: pairs (0.9>0.5, 0.9>0.1, 0.4<0.5, 0.4>0.1) = 3/4
  assert.equal(auroc(f([0.9, 0.5, 0.4, 0.1]), f([1, 0, 1, 0])).value, 0.75);
  assert.equal(auroc(f([1, 1, 0, 0]), f([1, 0, 1, 0])).value, 0.5);
  assert.equal(auroc(f([3, 2, 1]), f([1, 1, 0])).value, 1);
});

test('the Hanley–McNeil interval reproduces the published worked value and narrows with more data', () => {
  // Hanley & McNeil (1982) SE with Q1 = A/(2−A), Q2 = 2A²/(1+A): A = 0.8, 50 + 50 cases → 0.0445 by hand.
  const score: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < 50; i++) { score.push(i); y.push(0); }
  for (let i = 0; i < 50; i++) { score.push(i < 40 ? 100 : -1); y.push(1); }
  const a = auroc(f(score), f(y));
  assert.equal(a.value, 0.8);
  const se = (a.upper95 - a.lower95) / (2 * 1.959964);
  assert.ok(Math.abs(se - 0.0445) < 0.0001, `SE ${se}`);
  const twice = auroc(f([...score, ...score]), f([...y, ...y]));
  assert.ok(twice.upper95 - twice.lower95 < a.upper95 - a.lower95);
});

test('topShares gives PPV and sensitivity among the highest-scored people', () => {
  const score = f([0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.0]);
  const y = f([1, 0, 1, 0, 0, 0, 1, 0, 0, 0]);
  const [top10, top50] = topShares(score, y, [10, 50]);
  assert.deepEqual([top10!.people, top10!.events, top10!.ppv], [1, 1, 1]);
  assert.equal(top50!.people, 5);
  assert.equal(top50!.ppv, 2 / 5);
  assert.equal(top50!.sensitivity, 2 / 3);
});

test('calibration bins are deciles from lowest to highest predicted risk', () => {
  const pred = f(Array.from({ length: 100 }, (_, i) => i / 100));
  const y = f(Array.from({ length: 100 }, (_, i) => (i >= 90 ? 1 : 0)));
  const bins = calibration(pred, y);
  assert.equal(bins.length, 10);
  assert.equal(bins[0]!.people, 10);
  assert.equal(bins[9]!.observedRate, 1);
  assert.equal(bins[0]!.observedRate, 0);
  assert.ok(Math.abs(bins[9]!.meanPredicted - 0.945) < 1e-9);
});

test('evaluate reports fairness groups and suppresses groups under 5 people', () => {
  const n = 200;
  const pred = new Float64Array(n), y = new Float64Array(n), base = new Float64Array(n), sex = new Float64Array(n), age = new Float64Array(n), imd = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    pred[i] = (i % 50) / 50; y[i] = i % 50 >= 40 ? 1 : 0; base[i] = i % 2; sex[i] = i % 2 ? 1 : 2;
    age[i] = i < 3 ? 90 : 30; imd[i] = (i % 5) + 1;
  }
  const perf = evaluate({ predicted: pred, y, baseline: base, sex, age, imdQuintile: imd });
  assert.ok(perf.model.auroc.value > perf.baseline.auroc.value);
  const old = perf.fairness.find((g) => g.dimension === 'age_band' && g.group === '85+')!;
  assert.equal(old.suppressed, true);
  assert.equal(old.people, null);
  const women = perf.fairness.find((g) => g.dimension === 'sex' && g.group === 'Female')!;
  assert.equal(women.people, 100);
  assert.equal(perf.fairness.filter((g) => g.dimension === 'imd_quintile').length, 5);
});
