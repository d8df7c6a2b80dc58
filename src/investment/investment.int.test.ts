// The investment API end to end on a fresh database: imports, programme budgets, a round from
// options to board paper with panel visibility rules, the plan and the risk rating, and access.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../platform/testing/test-app.ts';
import { seedInvestmentDemo, financialRiskRating } from './index.ts';

let t: TestApp;
let h: Record<string, Record<string, string>> = {};
before(async () => {
  t = await startTestApp();
  for (const who of ['commissioner', 'analyst', 'board', 'durham', 'panel', 'admin']) h[who] = await t.signIn(`${who}@wcc.example`);
});
after(async () => { await t?.stop(); });

const call = (who: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({ method, url: `/api/investment${url}`, headers: h[who], ...(payload === undefined ? {} : { payload: payload as object }) });

test('a spend file with one bad row writes nothing and names the line; a good one is imported and audited', async () => {
  const bad = await call('analyst', 'POST', '/imports/spend', { fileName: 'bad.csv', csv: 'org_code,year,programme,spend_gbp\n5C2,2008-09,10,1000\n5C2,2008-09,77,5\n' });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().errors[0].path, 'line 3/programme');
  const { rows } = await t.database.db.query(`SELECT count(*)::int AS n FROM investment_spend`);
  assert.equal(rows[0].n, 0);
  const other = await call('analyst', 'POST', '/imports/spend', { fileName: 'x.csv', csv: 'org_code,year,programme,spend_gbp\n5ND,2008-09,10,1000\n' });
  assert.equal(other.statusCode, 403);
  const good = await call('analyst', 'POST', '/imports/spend', { fileName: 'good.csv', csv: 'org_code,year,programme,spend_gbp\n5C2,2007-08,10,1000\n5C2,2007-08,2,500\n' });
  assert.equal(good.statusCode, 200, good.body);
  assert.equal(good.json().rows, 2);
  const audit = await t.database.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'investment.import-spend' AND org_code = '5C2'`);
  assert.equal(audit.rows[0].n, 1);
});

test('the demo seed gives 5C2 a programme budget per weighted head and a spend-against-outcome quadrant', async () => {
  assert.equal(await seedInvestmentDemo(t.database.db), true);
  assert.equal(await seedInvestmentDemo(t.database.db), false);
  const pb = await call('board', 'GET', '/programme-budget?org=5C2&year=2008-09');
  assert.equal(pb.statusCode, 200, pb.body);
  const circ = pb.json().lines.find((l: { programme: string }) => l.programme === '10');
  assert.ok(Math.abs(circ.perHead - circ.spend / pb.json().population) < 1e-9);
  assert.ok(circ.perWeightedHead > 0 && pb.json().weightedPopulation > 0);
  const so = await call('commissioner', 'GET', '/spend-outcome?org=5C2&year=2008-09&programme=10&peers=sha');
  assert.equal(so.statusCode, 200, so.body);
  const me = so.json().points.find((p: { isSubject: boolean }) => p.isSubject);
  const expected = `${me.spendPerHead > so.json().spendMedian ? 'high' : 'low'}-spend-${me.outcome < so.json().outcomeMedian ? 'good' : 'poor'}-outcome`;
  assert.equal(me.quadrant, expected);
  assert.equal(me.quadrant, 'low-spend-poor-outcome');
  const svg = await call('commissioner', 'GET', '/spend-outcome.svg?org=5C2&year=2008-09&programme=10&peers=sha');
  assert.equal(svg.statusCode, 200);
  assert.match(svg.body, /^<svg[\s\S]*spend against outcome/);
});

test('a full round: options, criteria, independent scoring, agreement, optimisation, Monte Carlo, plan, board paper', async () => {
  const created = await call('commissioner', 'POST', '/rounds', { orgCode: '5C2', title: 'Test round', firstYear: '2009-10', budgets: [500e3, 500e3, 500e3, 500e3, 500e3], outcomes: ['mortality-cvd-under-75'] });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id;
  assert.equal((await call('board', 'POST', `/rounds/${id}/options`, { code: 'A', title: 'Option A', programme: '10', kind: 'investment', recurringCosts: [1, 1, 1, 1, 1], nonRecurringCosts: [0, 0, 0, 0, 0], qalyLow: 1, qalyLikely: 2, qalyHigh: 3 })).statusCode, 403);
  assert.equal((await call('durham', 'GET', `/rounds/${id}`)).statusCode, 404);
  const opt = (code: string, cost: number, q: number, extra: object = {}) => call('analyst', 'POST', `/rounds/${id}/options`, { code, title: `Option ${code}`, programme: '10', kind: 'investment', recurringCosts: [cost, cost, cost, cost, cost], nonRecurringCosts: [0, 0, 0, 0, 0], qalyLow: q / 2, qalyLikely: q, qalyHigh: q * 1.5, outcomes: [{ indicatorId: 'mortality-cvd-under-75', trajectory: [-1, -1, -1, -1, -1] }], ...extra });
  for (const r of [await opt('A', 300e3, 20), await opt('B', 250e3, 12), await opt('C', 250e3, 11, { requires: ['B'] }), await opt('D', 100e3, 1)]) assert.equal(r.statusCode, 200, r.body);
  assert.equal((await call('commissioner', 'PUT', `/rounds/${id}/criteria`, { criteria: [{ code: 'health', name: 'Health gain', swingPoints: 100 }, { code: 'fit', name: 'Fit', swingPoints: 25 }] })).statusCode, 200);
  assert.equal((await call('commissioner', 'PUT', `/rounds/${id}`, { status: 'scoring' })).statusCode, 200);
  const detail = (await call('panel', 'GET', `/rounds/${id}`)).json();
  assert.equal(detail.criteria[0].weight, 0.8);
  const optA = detail.options.find((o: { code: string }) => o.code === 'A');
  assert.equal(optA.costPerQaly, 1.5e6 / 20);
  // Independent scoring: the board member cannot see the analyst's scores until submitting.
  assert.equal((await call('analyst', 'PUT', `/rounds/${id}/panel/scores`, { scores: [{ optionId: optA.id, criterion: 'health', score: 8 }] })).statusCode, 200);
  assert.equal((await call('analyst', 'POST', `/rounds/${id}/panel/submit`)).statusCode, 200);
  assert.equal((await call('analyst', 'PUT', `/rounds/${id}/panel/scores`, { scores: [{ optionId: optA.id, criterion: 'health', score: 2 }] })).statusCode, 409);
  await call('board', 'PUT', `/rounds/${id}/panel/scores`, { scores: [{ optionId: optA.id, criterion: 'health', score: 6 }] });
  const hidden = (await call('board', 'GET', `/rounds/${id}/panel`)).json();
  assert.equal(hidden.all, null);
  assert.deepEqual(hidden.mine.map((s: { score: number }) => s.score), [6]);
  const shown = (await call('board', 'POST', `/rounds/${id}/panel/submit`)).json();
  assert.deepEqual(shown.all.map((s: { score: number }) => s.score).sort(), [6, 8]);
  assert.equal((await call('board', 'PUT', `/rounds/${id}/panel/agreed`, { scores: [{ optionId: optA.id, criterion: 'health', score: 7, rationale: 'x' }] })).statusCode, 403);
  assert.equal((await call('commissioner', 'PUT', `/rounds/${id}/panel/agreed`, { scores: [{ optionId: optA.id, criterion: 'health', score: 7, rationale: 'Between the two, NICE evidence' }] })).statusCode, 200);
  // Budget £500k a year: A (20) + D (1) = 400k, or B + C (23) = 500k. C requires B. Optimum B + C.
  const run = await call('commissioner', 'POST', `/rounds/${id}/optimise`);
  assert.equal(run.statusCode, 200, run.body);
  assert.deepEqual(run.json().chosen.sort(), ['B', 'C']);
  const mc = await call('analyst', 'POST', `/rounds/${id}/monte-carlo`, { draws: 100, seed: 3 });
  assert.equal(mc.statusCode, 200, mc.body);
  assert.equal(mc.json().probabilityIn.length, 4);
  assert.ok(mc.json().probabilityIn.every((p: number) => p >= 0 && p <= 1));
  const plan = await call('commissioner', 'PUT', '/plans', { orgCode: '5C2', firstYear: '2010-11', roundId: id, inputs: {
    allocation: 10e6, baselineByProgramme: { 10: 9e6 }, efficiency: [0, 0, 0, 0, 0], contingencyPct: 1, nonRecurringIncome: [0, 0, 0, 0, 0],
    scenarios: [{ name: 'central', allocationGrowth: [0, 0, 0, 0, 0], costGrowth: [0, 0, 0, 0, 0] }] } });
  assert.equal(plan.statusCode, 200, plan.body);
  const y1 = plan.json().scenarios[0].years[0];
  assert.equal(y1.investmentRecurring, 500e3);
  assert.equal(y1.surplus, 10e6 - 9e6 - 500e3 - 100e3);
  const rating = await financialRiskRating(t.database.db, '5C2', '2012-13');
  assert.equal(rating?.firstYear, '2010-11');
  assert.equal(rating?.rating, 4);
  assert.equal(await financialRiskRating(t.database.db, '5ND', '2012-13'), null);
  const paper = await call('board', 'GET', `/rounds/${id}/board-paper`);
  assert.deepEqual(paper.json().outcomeEffects[0].changeByYear, [-2, -2, -2, -2, -2]);
  const pdf = await call('board', 'GET', `/rounds/${id}/board-paper.pdf`);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  const audit = await t.database.db.query(`SELECT action FROM audit_log WHERE object_id = $1 AND object_type = 'investment_round'`, [String(id)]);
  assert.ok(['investment.round-create', 'investment.criteria-set', 'investment.panel-agree', 'investment.optimise'].every((a) => audit.rows.some((r) => r.action === a)));
});
