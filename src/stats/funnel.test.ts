import { test } from 'node:test';
import assert from 'node:assert/strict';
import { funnelLimits, funnelSignificance, funnelPoint, poissonFunnel, proportionLimits, type FunnelOptions } from './funnel.ts';
import { poissonLowerTail, poissonUpperTail } from './distributions.ts';
import { wilsonLower, wilsonUpper } from './intervals.ts';
import { normalQuantile } from './normal-quantile.ts';

const opts = (o: Partial<FunnelOptions>): FunnelOptions => ({ statistic: 'proportion', ratioType: 'count', rateType: 'dsr', multiplier: 1, years: 1, ...o });

test('Poisson funnel bisection finds the mean whose tail equals p', () => {
  const lo = poissonFunnel(20, 0.025, 'low');
  const hi = poissonFunnel(20, 0.025, 'high');
  assert.ok(Math.abs(poissonUpperTail(20, lo) - 0.025) < 1e-5, `P(X≥20|${lo})`);
  assert.ok(Math.abs(poissonLowerTail(20, hi) - 0.025) < 1e-5, `P(X≤20|${hi})`);
  assert.ok(lo < 20 && hi > 20);
});

test('proportion funnel limits are the proportions whose Wilson interval just reaches the average', () => {
  const av = 0.2, n = 500, z = normalQuantile(0.975);
  const { low, high } = proportionLimits(av, n, 0.975, 1);
  assert.ok(Math.abs(wilsonUpper(low * n, n, z, 0.95) - av) < 1e-12, `low ${low}`);
  assert.ok(Math.abs(wilsonLower(high * n, n, z, 0.95) - av) < 1e-12, `high ${high}`);
  assert.ok(low < av && high > av);
});

test('limits table has 100 increasing x values and limits that narrow as x grows', () => {
  const rows = [100, 400, 900, 2000].map((d, i) => ({ numerator: [20, 90, 170, 400][i], denominator: d, rate: NaN }));
  const t = funnelLimits(rows, opts({ statistic: 'proportion', multiplier: 100 }));
  assert.equal(t.length, 100);
  for (let i = 1; i < 100; i++) assert.ok(t[i].x > t[i - 1].x);
  assert.ok(t[99].x >= 2100);
  assert.ok(t[99].upper2s - t[99].lower2s < t[0].upper2s - t[0].lower2s);
  assert.ok(Math.abs(t[0].baseline - (680 / 3400) * 100) < 1e-12);
  const ratio = funnelLimits([{ numerator: 50, denominator: 40, rate: NaN }, { numerator: 30, denominator: 35, rate: NaN }], opts({ statistic: 'ratio', ratioType: 'isr' }));
  assert.ok(ratio.every((r) => r.lower2s < 100 && r.upper2s > 100 && r.lower3s < r.lower2s));
});

test('significance labels follow the published order for proportions, ratios and DSRs', () => {
  const rows = [{ numerator: 10, denominator: 1000, rate: NaN }, { numerator: 200, denominator: 1000, rate: NaN }, { numerator: 100, denominator: 1000, rate: NaN }, { numerator: 70, denominator: 1000, rate: NaN }];
  assert.deepEqual(funnelSignificance(rows, opts({})), ['Low (0.001)', 'High (0.001)', 'Not significant', 'Low (0.025)']);
  const ratios = [{ numerator: 150, denominator: 100, rate: NaN }, { numerator: 3, denominator: 4, rate: NaN }];
  assert.deepEqual(funnelSignificance(ratios, opts({ statistic: 'ratio' })), ['High (0.001)', 'Not significant']);
  const dsr = [{ numerator: 5, denominator: NaN, rate: 50 }, { numerator: 500, denominator: NaN, rate: 900 }, { numerator: 500, denominator: NaN, rate: 450 }];
  const s = funnelSignificance(dsr, opts({ statistic: 'rate', rateType: 'dsr', multiplier: 100000 }));
  assert.equal(s[0], 'Not applicable for events less than 10 for dsrs');
  assert.equal(s[1], 'High (0.001)');
  assert.equal(s[2], 'Low (0.001)');
});

test('funnel points derive the per-year denominator and blank DSRs under 10 events', () => {
  assert.deepEqual(funnelPoint({ numerator: 50, denominator: NaN, rate: 500 }, opts({ statistic: 'rate', multiplier: 100000, years: 2 })), { chart: 500, denominatorDerived: 5000 });
  assert.ok(Number.isNaN(funnelPoint({ numerator: 5, denominator: NaN, rate: 500 }, opts({ statistic: 'rate', multiplier: 100000 })).chart));
  assert.deepEqual(funnelPoint({ numerator: 0, denominator: 3000, rate: 0 }, opts({ statistic: 'rate', rateType: 'crude', multiplier: 100000, years: 3 })), { chart: 0, denominatorDerived: 1000 });
});
