// Share and build through the API and PostgreSQL: the library's full-text search and editor approval,
// event capacity, learning sets visible to members only, and support matched to a PCT's weakest
// competencies with uptake against next year's change.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../platform/testing/test-app.ts';
import { seedProcurementDemo } from '../procurement/index.ts';

let t: TestApp;
const as: Record<string, Record<string, string>> = {};

before(async () => {
  t = await startTestApp();
  await seedProcurementDemo(t.database.db);
  for (const [k, email] of Object.entries({ pct: 'commissioner@wcc.example', admin: 'admin@wcc.example', durham: 'durham@wcc.example', supplier: 'supplier@wcc.example', facilitator: 'facilitator@wcc.example', sha: 'sha.lead@wcc.example' })) {
    as[k] = await t.signIn(email);
  }
});
after(async () => { await t?.stop(); });

const call = async (who: string | null, method: 'GET' | 'POST', url: string, payload?: unknown) => {
  const res = await t.app.inject({ method, url: `/api/support${url}`, headers: who ? as[who] : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: res.body ? res.json() : null };
};

test('the library searches approved case studies by words (stemmed), competency and setting', async () => {
  const r = await call(null, 'GET', '/case-studies?q=' + encodeURIComponent('sports facility lottery'));
  assert.equal(r.status, 200);
  assert.equal(r.body.caseStudies.length, 1);
  assert.match(r.body.caseStudies[0].title, /Sport England/);
  assert.ok(r.body.caseStudies[0].rank > 0);
  assert.equal((await call(null, 'GET', '/case-studies?q=' + encodeURIComponent('palliative -hospice'))).body.caseStudies.length, 0, 'websearch syntax excludes words');
  assert.equal((await call(null, 'GET', '/case-studies?competency=4')).body.caseStudies.length, 1);
  const plan = await t.database.db.query(`EXPLAIN SELECT id FROM support_case_studies WHERE search @@ websearch_to_tsquery('english', 'x')`);
  assert.ok(plan.rows.length > 0);
  const idx = await t.database.db.query(`SELECT indexdef FROM pg_indexes WHERE indexname = 'support_case_studies_search'`);
  assert.match(idx.rows[0].indexdef, /USING gin \(search\)/);
});

test('a PCT submits a case study; only the editor approves it; then everyone finds it', async () => {
  const body = { pctCode: '5C2', title: 'Invoice validation saves money', summary: 'Checking acute invoices against activity.', body: 'We validated every invoice line.', outcome: '£1.2m recovered', setting: 'urban', competencies: [11] };
  assert.equal((await call('durham', 'POST', '/case-studies', body)).status, 403, 'not for another PCT');
  const s = await call('pct', 'POST', '/case-studies', body);
  assert.equal(s.status, 201);
  assert.equal((await call(null, 'GET', '/case-studies?q=invoice')).body.caseStudies.length, 0, 'not public until approved');
  assert.equal((await call('pct', 'POST', `/case-studies/${s.body.id}/review`, { decision: 'approved', note: '' })).status, 403);
  assert.equal((await call('admin', 'GET', '/case-studies?status=submitted')).body.caseStudies.length, 1);
  assert.equal((await call('admin', 'POST', `/case-studies/${s.body.id}/review`, { decision: 'approved', note: 'Good' })).status, 200);
  assert.equal((await call(null, 'GET', '/case-studies?q=invoices')).body.caseStudies.length, 1);
});

test('event registration stops at capacity', async () => {
  const e = await call('admin', 'POST', '/events', { title: 'Small workshop', kind: 'workshop', description: '', venue: 'York', startsAt: '2030-01-01T10:00:00Z', capacity: 1, competencies: [9] });
  assert.equal(e.status, 201);
  assert.equal((await call('pct', 'POST', '/events', { title: 'x', kind: 'workshop', description: '', venue: 'y', startsAt: '2030-01-01T10:00:00Z', capacity: 1, competencies: [] })).status, 403);
  assert.equal((await call('pct', 'POST', `/events/${e.body.id}/registrations`)).body.placesLeft, 0);
  assert.equal((await call('pct', 'POST', `/events/${e.body.id}/registrations`)).status, 409);
  const full = await call('durham', 'POST', `/events/${e.body.id}/registrations`);
  assert.equal(full.status, 409);
  assert.match(full.body.detail, /full/);
});

test('a learning set and its notes are visible to its members only', async () => {
  const formed = await call('durham', 'POST', '/learning-sets', { leadPctCode: '5ND', partnerPctCodes: ['5HG', '5PP'], facilitatorEmail: 'facilitator@wcc.example', title: 'Stratifying risk', focus: 'Risk models', competencies: [5] });
  assert.equal(formed.status, 201);
  assert.equal((await call('durham', 'POST', '/learning-sets', { leadPctCode: '5ND', partnerPctCodes: ['5HG', '5ND'], facilitatorEmail: 'facilitator@wcc.example', title: 'x', focus: 'y', competencies: [] })).status, 400);
  const id = formed.body.id;
  assert.equal((await call('facilitator', 'POST', `/learning-sets/${id}/meetings`, { meetsOn: '2008-09-01', topic: 'First meeting', notes: 'Confidential notes' })).status, 201);
  assert.equal((await call('durham', 'GET', `/learning-sets/${id}`)).body.meetings[0].notes, 'Confidential notes');
  for (const who of ['pct', 'admin', 'supplier', 'sha']) {
    assert.equal((await call(who, 'GET', `/learning-sets/${id}`)).status, 404, `${who} is not a member`);
    assert.equal((await call(who, 'POST', `/learning-sets/${id}/meetings`, { meetsOn: '2008-09-02', topic: 'x', notes: 'y' })).status, 404);
  }
  assert.equal((await call(null, 'GET', `/learning-sets/${id}`)).status, 401);
});

test("support is matched to a PCT's weakest competencies; uptake is shown against next year's change", async () => {
  const r = await call('pct', 'GET', '/recommendations/5C2');
  assert.equal(r.status, 200);
  assert.equal(r.body.year, '2009-10');
  assert.equal(r.body.source, 'support_demo');
  const weakest = r.body.weakest as number[];
  assert.ok(weakest.length >= 3);
  for (const c of weakest) assert.equal(r.body.scores.find((s: { competency: number }) => s.competency === c).level, 2);
  assert.ok(r.body.lots.length > 0);
  for (const l of r.body.lots) assert.ok(l.addresses.every((c: number) => weakest.includes(c)));
  assert.equal((await call('durham', 'GET', '/recommendations/5C2')).status, 403);
  const u = await call('admin', 'GET', '/uptake');
  const row = u.body.pcts.find((p: { pctCode: string; year: string }) => p.pctCode === '5C2' && p.year === '2008-09');
  assert.equal(row.nextYear, '2009-10');
  assert.equal(row.uptake.events, 2);
  assert.equal(row.uptake.learningSets, 1);
  assert.equal(row.meanLevelChange, 0.55);
  assert.equal((await call('pct', 'GET', '/uptake')).body.pcts.every((p: { pctCode: string }) => p.pctCode === '5C2'), true);
});
