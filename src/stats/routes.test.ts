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
