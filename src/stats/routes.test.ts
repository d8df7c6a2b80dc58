import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { errorHandler } from '../platform/http/problem.ts';
import type { AppDeps } from '../platform/app.ts';
import { statsRoutes } from './routes.ts';

async function app() {
  const a = Fastify();
  a.setErrorHandler(errorHandler);
  await a.register(statsRoutes, { prefix: '/api/stats', deps: {} as AppDeps });
  return a;
}

test('POST /api/stats/proportion returns the same numbers as the library, grouped', async () => {
  const a = await app();
  const res = await a.inject({ method: 'POST', url: '/api/stats/proportion', payload: {
    rows: [{ area: 'A', x: 1, n: 100 }, { area: 'A', x: 1, n: 100 }, { area: 'B', x: '40', n: 200 }], groupBy: ['area'], confidence: 95,
  } });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.deepEqual(body.columns, ['area', 'x', 'n', 'value', 'lowercl', 'uppercl', 'note']);
  assert.equal(body.rows[0].value, 0.01);
  assert.equal(body.rows[0].lowercl, 0.002746658133544438); // proportion_wilson_grouped.csv Area1
  assert.equal(body.rows[1].uppercl, 0.2608551865653788);
});

test('bad input gives 400 problem details naming the row and column', async () => {
  const a = await app();
  const res = await a.inject({ method: 'POST', url: '/api/stats/rate', payload: { rows: [{ x: 5, n: 10 }, { x: -2, n: 10 }] } });
  assert.equal(res.statusCode, 400);
  const body = res.json();
  assert.deepEqual(body.errors, [{ path: '/rows/1/x', message: 'negative value -2' }]);
  assert.match(res.headers['content-type'] as string, /problem\+json/);
});

test('unknown methods and options are rejected by the schema', async () => {
  const a = await app();
  assert.equal((await a.inject({ method: 'POST', url: '/api/stats/nope', payload: { rows: [] } })).statusCode, 400);
  assert.equal((await a.inject({ method: 'POST', url: '/api/stats/rate', payload: { rows: [], bogus: 1 } })).statusCode, 400);
});

test('sections 13–20 are reachable through the API with the CLI\'s options, grouped by the caller', async () => {
  const a = await app();
  const post = async (method: string, payload: object) => {
    const res = await a.inject({ method: 'POST', url: `/api/stats/${method}`, payload });
    assert.equal(res.statusCode, 200, `${method}: ${res.body}`);
    return res.json() as { columns: string[]; rows: Record<string, string | number | null>[] };
  };
  const compare = await post('compare', { rows: [
    { period: 2008, area_code: 'A', value: 40, lower95_0cl: 38, upper95_0cl: 42, lower99_8cl: 36, upper99_8cl: 44, benchmark: 50 },
    { period: 2009, area_code: 'A', value: 60, lower95_0cl: 58, upper95_0cl: 62, lower99_8cl: 56, upper99_8cl: 64, benchmark: 50 },
  ], groupBy: ['period'], polarity: 'low-is-good', confidence: [95, 99.8] });
  assert.deepEqual(compare.columns, ['period', 'area_code', 'comparison', 'outcome', 'rag']);
  assert.deepEqual(compare.rows.map((r) => r.outcome), ['best', 'worst']);
  const trend = await post('trend', { rows: [10, 12, 14, 16, 18].map((v) => ({ value: v, lower95_0cl: v - 0.98, upper95_0cl: v + 0.98 })), polarity: 'high-is-good' });
  assert.equal(trend.rows[0].marker, 'increasing-and-getting-better');
  const spc = await post('spc', { rows: [10, 12, 11, 13, 12].map((value) => ({ value })), polarity: 'high-is-good', target: 16, screenOutliers: true });
  assert.equal(spc.rows[4].assurance, 'consistently-fail');
  const targets = await post('targets', { rows: [], baseline: 100, target: 80, years: 5, shape: 'linear' });
  assert.deepEqual(targets.rows.map((r) => r.milestone), [100, 96, 92, 88, 84, 80]);
  const od = await post('overdispersion', { rows: [0.1, 0.2, 0.3, 0.4, 0.5].map((value) => ({ value, se: 0.05 })), theta: 0.3 });
  assert.ok(Math.abs((od.rows[0].phi as number) - 5.696) < 1e-9);
  const agi = await post('agi', { rows: [0.1, 0.5, 0.9].map((r) => ({ national_rank: r, population: 10, value: 5 + 10 * r, se: 0.5 })), repetitions: 1000, seed: 3 });
  assert.ok(Math.abs((agi.rows[0].agi as number) - 10) < 1e-9);
  const peers = await post('peers', { rows: [{ code: 'A', imd: 1 }, { code: 'B', imd: 2 }, { code: 'C', imd: 4 }], area: 'C', variables: ['imd'], k: 1, weights: [2] });
  assert.equal(peers.rows[0].peer, 'B');
  const kappa = await post('kappa', { rows: [['1', '1'], ['1', '2'], ['2', '2'], ['2', '2']].map(([x, y]) => ({ rater_a: x, rater_b: y })), weights: 'none', categories: ['1', '2'] });
  assert.ok(Math.abs((kappa.rows[0].kappa as number) - 0.5) < 1e-12);
  const competency = await post('competency', { rows: [2, 2, 4, 4].map((level) => ({ level })), rule: 'minimum' });
  assert.equal(competency.rows[0].level, 2);
  const rag = await post('rag-rollup', { rows: [{ rating: 'green' }, { rating: 'amber' }], rule: 'worst' });
  assert.equal(rag.rows[0].rating, 'amber');
  const score = await post('metric-score', { rows: [{ value: 5 }, { value: 35 }], thresholds: [10, 20, 30], polarity: 'low-is-good' });
  assert.deepEqual(score.rows.map((r) => r.score), [1, 4]);
  const seg = await post('segments', { rows: [{ code: 'A', score: 4 }, { code: 'B', score: 1 }], cutPoints: [1.5, 2.5, 3.5] });
  assert.deepEqual(seg.rows.map((r) => [r.code, r.segment, r.rank]), [['B', 1, 1], ['A', 4, 2]]);
});

test('views: bad rows give 400 naming the row (within all rows, not the group) and column', async () => {
  const a = await app();
  const res = await a.inject({ method: 'POST', url: '/api/stats/spc', payload: { rows: [{ u: 'A', value: 1 }, { u: 'B', value: 2 }, { u: 'B', value: 'x' }], groupBy: ['u'] } });
  assert.equal(res.statusCode, 400);
  assert.deepEqual(res.json().errors, [{ path: '/rows/2/value', message: '"x" is not a number' }]);
  const opt = await a.inject({ method: 'POST', url: '/api/stats/compare', payload: { rows: [], polarity: 'up' } });
  assert.equal(opt.statusCode, 400);
});

test('isratio takes observedTotals; israte reports bad totals at /observedTotals', async () => {
  const a = await app();
  const rows = [{ area: 'A', pop: 1000, refcount: 50, refpop: 10000 }, { area: 'A', pop: 2000, refcount: 200, refpop: 20000 }];
  const ok = await a.inject({ method: 'POST', url: '/api/stats/isratio', payload: { rows, groupBy: ['area'], observedTotals: [{ area: 'A', count: 30 }] } });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().rows[0].observed, 30);
  assert.equal(ok.json().rows[0].value, 30 / 25);
  const bad = await a.inject({ method: 'POST', url: '/api/stats/israte', payload: { rows, groupBy: ['area'], observedTotals: [{ area: 'A', count: 'many' }] } });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(bad.json().errors, [{ path: '/observedTotals/0/count', message: '"many" is not a number' }]);
});

test('sii returns the intercept when asked', async () => {
  const a = await app();
  const res = await a.inject({ method: 'POST', url: '/api/stats/sii', payload: {
    rows: [1, 2, 3, 4, 5].map((q) => ({ quantile: q, population: 100, value: 50 - 5 * q, se: 1 })), intercept: true, repetitions: 100 } });
  assert.equal(res.statusCode, 200, res.body);
  assert.ok(res.json().columns.includes('intercept'));
  assert.ok(Math.abs(res.json().rows[0].intercept - 47.5) < 1e-9);
});
