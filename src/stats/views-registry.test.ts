import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StatsInputError } from './confidence.ts';
import { statsViews } from './views-registry.ts';

const view = (name: string) => {
  const v = statsViews.find((s) => s.name === name);
  assert.ok(v, `view ${name} is registered`);
  return v;
};

test('every method of sections 13–20 is registered once', () => {
  assert.deepEqual(statsViews.map((v) => v.name), ['compare', 'trend', 'spc', 'targets', 'overdispersion', 'agi', 'peers', 'kappa', 'competency', 'rag-rollup', 'metric-score', 'segments']);
});

test('compare reads the published CI column names and keeps polarity apart', () => {
  const rows: Record<string, string | number | null>[] = [
    { area_code: 'E38000001', value: 40, lower95_0cl: 38, upper95_0cl: 42, lower99_8cl: 36, upper99_8cl: 44, benchmark: 50 },
    { area_code: 'E38000002', value: 49, lower95_0cl: 45, upper95_0cl: 53, lower99_8cl: 43, upper99_8cl: 55, benchmark: 50 },
    { area_code: 'E92000001', benchmark_code: 'E92000001', value: 50, lower95_0cl: 49, upper95_0cl: 51, lower99_8cl: 48, upper99_8cl: 52, benchmark: 60 },
  ];
  const out = view('compare').run(rows, { polarity: 'high-is-good', confidence: [95, 99.8] });
  assert.deepEqual(out.map((r) => [r.comparison, r.outcome, r.rag]), [['much-lower', 'worst', 'red'], ['similar', 'similar', 'amber'], ['not-compared', 'not-compared', 'grey']]);
  assert.throws(() => view('compare').run([{ value: 'abc', lowercl: 1, uppercl: 2, benchmark: 1 }], { confidence: '95', method: 'quintiles' }),
    (e: unknown) => e instanceof StatsInputError && e.row === 1 && e.column === 'value' && e.reason === '"abc" is not a number');
  assert.throws(() => view('compare').run([], { polarity: 'up' }), /option polarity must be one of/);
});

test('spc, trend, targets, overdispersion, agi, peers and kappa run from rows', () => {
  const spc = view('spc').run([10, 12, 11, 13, 12].map((value) => ({ value })), { polarity: 'high-is-good', target: 16 });
  assert.equal(spc[4].assurance, 'consistently-fail');
  assert.ok(Math.abs((spc[4].upper_limit as number) - 15.59) < 1e-9);
  const trend = view('trend').run([10, 12, 14, 16, 18].map((v) => ({ value: v, lower95_0cl: v - 0.98, upper95_0cl: v + 0.98 })), { polarity: 'low-is-good' });
  assert.equal(trend[0].marker, 'increasing-and-getting-worse');
  assert.deepEqual(view('targets').run([], { baseline: 100, target: 80, years: 5 }).map((r) => r.milestone), [100, 96, 92, 88, 84, 80]);
  const od = view('overdispersion').run([0.1, 0.2, 0.3, 0.4, 0.5].map((value) => ({ value, se: 0.05 })), { theta: 0.3 });
  assert.ok(Math.abs((od[0].phi as number) - 5.696) < 1e-9);
  assert.ok('upper99_8cl' in od[0]);
  const agi = view('agi').run([0.1, 0.5, 0.9].map((r) => ({ national_rank: r, population: 10, value: 5 + 10 * r })), {});
  assert.ok(Math.abs((agi[0].agi as number) - 10) < 1e-9);
  const peers = view('peers').run([{ code: 'A', imd: 1 }, { code: 'B', imd: 2 }, { code: 'C', imd: 4 }], { area: 'A', variables: 'imd', k: 1 });
  assert.equal(peers[0].peer, 'B');
  const kappa = view('kappa').run([['1', '1'], ['1', '2'], ['2', '2'], ['2', '2']].map(([a, b]) => ({ rater_a: a, rater_b: b })), {});
  // p_o = 0.75, p_e = 0.5·0.25 + 0.5·0.75 = 0.5 → κ = 0.5
  assert.ok(Math.abs((kappa[0].kappa as number) - 0.5) < 1e-12);
});
