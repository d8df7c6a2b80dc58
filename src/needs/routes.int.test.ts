// /api/risk over PostgreSQL: a model trained and everyone scored on a synthetic England, then who may
// see what — patient-level lists only for the PCT's own commissioners and analysts, each view and
// export audited, aggregates suppressed under 5 — and the train job.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../platform/testing/test-app.ts';
import { syntheticWarehouse } from './testing/synthetic-warehouse.ts';
import { scoreAndStore, trainAndStore } from './service.ts';

let t: TestApp;

before(async () => {
  const w = await syntheticWarehouse(20_000, [2006, 2009], 7);
  t = await startTestApp({ dataDir: w.dataDir });
  await trainAndStore({ db: t.database.db, dataDir: w.dataDir }, { createdBy: 'test' });
  await scoreAndStore({ db: t.database.db, dataDir: w.dataDir }, { createdBy: 'test' });
});
after(async () => { await t?.stop(); });

const get = async (url: string, email?: string) => t.app.inject({ method: 'GET', url, headers: email ? await t.signIn(email) : {} });

test('the model page data: held-out AUROC beats the baseline, with calibration and fairness', async () => {
  const res = await get('/api/risk/model', 'board@wcc.example');
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.model.version, 1);
  assert.ok(body.model.auroc > body.model.baselineAuroc + 0.05);
  assert.equal(body.performance.calibration.length, 10);
  assert.ok(body.performance.fairness.length >= 10);
  assert.ok(body.coefficients.some((c: { name: string }) => c.name === 'ltc_copd'));
});

test('a PCT commissioner sees their case-finding list as pseudonyms, and the view is audited', async () => {
  const res = await get('/api/risk/areas/5C2/patients?limit=10', 'commissioner@wcc.example');
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.ok(body.total > 0 && body.patients.length > 0);
  assert.match(body.patients[0].pseudonym, /^[0-9A-F]{16}$/);
  assert.ok(!('name' in body.patients[0]));
  assert.ok(body.patients[0].risk >= body.patients[body.patients.length - 1].risk);
  const { rows } = await t.database.db.query(`SELECT actor_email, org_code, after FROM audit_log WHERE action = 'risk.patients.view' ORDER BY id DESC LIMIT 1`);
  assert.equal(rows[0].actor_email, 'commissioner@wcc.example');
  assert.equal(rows[0].org_code, '5C2');
  assert.equal(rows[0].after.rows, body.patients.length);
});

test('patient lists are refused to other PCTs, board members, SHA and national roles, and the public', async () => {
  assert.equal((await get('/api/risk/areas/5C2/patients', 'durham@wcc.example')).statusCode, 403);
  assert.equal((await get('/api/risk/areas/5C2/patients', 'board@wcc.example')).statusCode, 403);
  assert.equal((await get('/api/risk/areas/5C2/patients', 'sha.lead@wcc.example')).statusCode, 403);
  assert.equal((await get('/api/risk/areas/5C2/patients', 'admin@wcc.example')).statusCode, 403);
  assert.equal((await get('/api/risk/areas/5C2/patients.csv', 'durham@wcc.example')).statusCode, 403);
  assert.equal((await get('/api/risk/areas/5C2/patients')).statusCode, 401);
});

test('an analyst exports a filtered list as CSV, and the export is audited', async () => {
  const res = await get('/api/risk/areas/5C2/patients.csv?tier=low', 'analyst@wcc.example');
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /text\/csv/);
  const lines = res.body.trim().split('\n');
  assert.match(lines[0]!, /^pseudonym,risk,tier,segment/);
  assert.ok(lines.slice(1).every((l) => l.split(',')[2] === 'low'));
  const { rows } = await t.database.db.query(`SELECT after FROM audit_log WHERE action = 'risk.patients.export' AND actor_email = 'analyst@wcc.example'`);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].after.filters.tier, 'low');
  assert.equal(rows[0].after.rows, lines.length - 1);
});

test('population views are aggregates with counts under 5 suppressed, readable within scope', async () => {
  const res = await get('/api/risk/areas/5C2', 'board@wcc.example');
  assert.equal(res.statusCode, 200);
  const v = res.json().views;
  assert.equal(v.area, '5C2');
  for (const cell of v.pyramid) assert.ok(cell.people === null || cell.people >= 5 || cell.people === 0, `cell ${JSON.stringify(cell)}`);
  assert.ok(v.pyramid.some((c: { suppressed: boolean }) => c.suppressed));
  const eng = (await get('/api/risk/areas/ENG', 'durham@wcc.example')).json().views;
  assert.ok(eng.concentration.top1 > 0 && eng.concentration.top1 < eng.concentration.top5 && eng.concentration.top5 < eng.concentration.top20);
  assert.ok(eng.opportunity.length === 0 || eng.opportunity.every((o: { gap: number | null }) => o.gap === null || o.gap >= 0));
  assert.equal((await get('/api/risk/areas/5C2', 'durham@wcc.example')).statusCode, 403);
});

test('only a national administrator may start training; the job stores a new version', async () => {
  const analyst = await t.signIn('analyst@wcc.example');
  assert.equal((await t.app.inject({ method: 'POST', url: '/api/risk/train', headers: analyst, payload: {} })).statusCode, 403);
  const admin = await t.signIn('admin@wcc.example');
  const res = await t.app.inject({ method: 'POST', url: '/api/risk/train', headers: admin, payload: { lambda: 5 } });
  assert.equal(res.statusCode, 202);
  const { jobId } = res.json();
  let job;
  for (let i = 0; i < 600; i++) {
    job = await t.jobs.get(jobId);
    if (job && (job.status === 'succeeded' || job.status === 'failed')) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(job?.status, 'succeeded', job?.error ?? '');
  const models = (await get('/api/risk/models', 'board@wcc.example')).json().models;
  assert.deepEqual(models.map((m: { version: number }) => m.version), [2, 1]);
  assert.equal(models[0].lambda, 5);
});
