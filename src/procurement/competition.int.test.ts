// A mini-competition through the API and PostgreSQL, from business case to award and contract, as the
// PCT, three suppliers and two evaluators; sealed bids tried early by everyone; a rival's bid and files;
// the OCDS output validated against the official 1.1.5 schemas.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../platform/testing/test-app.ts';
import { seedProcurementDemo } from './seed.ts';
import { codelist, createOcdsValidator } from './ocds-validate.ts';

let t: TestApp;
const dataDir = mkdtempSync(join(tmpdir(), 'wcc-procurement-'));
const as: Record<string, Record<string, string>> = {};
let id = '';
const SECRET = 'Our method: a bespoke segmentation model';

before(async () => {
  t = await startTestApp({ dataDir });
  await seedProcurementDemo(t.database.db);
  for (const [k, email] of Object.entries({
    pct: 'commissioner@wcc.example', admin: 'admin@wcc.example', tribal: 'supplier@wcc.example', bupa: 'supplier.bupa@wcc.example',
    mck: 'supplier.mckinsey@wcc.example', ev1: 'evaluator.one@wcc.example', ev2: 'evaluator.two@wcc.example', durham: 'durham@wcc.example',
  })) as[k] = await t.signIn(email);
});
after(async () => { await t?.stop(); rmSync(dataDir, { recursive: true, force: true }); });

const call = async (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
  const res = await t.app.inject({ method, url: `/api${url}`, headers: as[who], ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: res.body ? res.json() : null, raw: res.body };
};
const bid = (price: number, text: string) => ({ response: text, pricePounds: price, documents: [{ name: 'method.txt', text: `${text} (document)` }] });
const past = (column: string) => t.database.db.query(`UPDATE procurement_competitions SET ${column} = now() - interval '1 second' WHERE id = $1`, [id]);

test('the framework lists FESC from 5 October 2007 with five lots and 14 suppliers', async () => {
  const r = await call('tribal', 'GET', '/procurement/frameworks');
  const fesc = r.body.frameworks.find((f: { id: string }) => f.id === 'FESC');
  assert.equal(fesc.startsOn, '2007-10-05');
  assert.equal(fesc.lots.length, 5);
  assert.equal(r.body.suppliers.length, 14);
  assert.equal(fesc.excludesPatientCare, true);
});

test('business case, board approval and tender invite every supplier in the lot', async () => {
  const created = await call('pct', 'POST', '/procurement/competitions', { pctCode: '5C2', frameworkId: 'FESC', lotCode: 'AP', title: 'Needs assessment and risk stratification', need: 'We cannot stratify risk.', competencies: [5, 6], budgetPounds: 250000 });
  assert.equal(created.status, 201, created.raw);
  id = created.body.id;
  assert.equal((await call('durham', 'GET', `/procurement/competitions/${id}`)).status, 404, 'another PCT does not see it');
  assert.equal((await call('pct', 'POST', `/procurement/competitions/${id}/tender`, { requirement: 'x', qualityWeight: 70, criteria: [{ key: 'method', title: 'Method', weight: 70 }], contractMonths: 24, bidDeadline: new Date(Date.now() + 3600e3).toISOString() })).status, 409, 'no tender before board approval');
  assert.equal((await call('pct', 'POST', `/procurement/competitions/${id}/approval`, { approvedOn: '2008-05-20', minute: 'Board minute 08/112' })).status, 200);
  const bad = await call('pct', 'POST', `/procurement/competitions/${id}/tender`, { requirement: 'x', qualityWeight: 70, criteria: [{ key: 'method', title: 'Method', weight: 60 }], contractMonths: 24, bidDeadline: new Date(Date.now() + 3600e3).toISOString() });
  assert.equal(bad.status, 400);
  assert.match(bad.body.detail, /add up to 60, not the quality weight 70/);
  const tender = await call('pct', 'POST', `/procurement/competitions/${id}/tender`, {
    requirement: 'A JSNA refresh with risk stratification of every registered patient.', qualityWeight: 70,
    criteria: [{ key: 'method', title: 'Method', weight: 40 }, { key: 'team', title: 'Team and experience', weight: 30 }], contractMonths: 36,
    bidDeadline: new Date(Date.now() + 3600e3).toISOString(),
  });
  assert.equal(tender.status, 200, tender.raw);
  assert.deepEqual(tender.body.invited, ['SUP-BUPA', 'SUP-CAIRN', 'SUP-MCKINSEY', 'SUP-MERIDIAN', 'SUP-NAVIGANT', 'SUP-TRIBAL', 'SUP-UNITEDHEALTH']);
  assert.equal((await call('pct', 'POST', `/procurement/competitions/${id}/evaluators`, { emails: ['evaluator.one@wcc.example', 'evaluator.two@wcc.example'] })).status, 200);
});

test('clarifications are shared with every bidder without saying who asked', async () => {
  const q = await call('tribal', 'POST', `/procurement/competitions/${id}/clarifications`, { supplierId: 'SUP-TRIBAL', question: 'Is GP practice data in scope?' });
  assert.equal(q.status, 201);
  assert.equal((await call('bupa', 'GET', `/procurement/competitions/${id}/clarifications`)).body.clarifications.length, 0, 'unanswered questions are not shared');
  assert.equal((await call('pct', 'POST', `/procurement/competitions/${id}/clarifications/${q.body.id}/answer`, { answer: 'Yes, all 38 practices.' })).status, 200);
  const seen = await call('bupa', 'GET', `/procurement/competitions/${id}/clarifications`);
  assert.equal(seen.body.clarifications[0].answer, 'Yes, all 38 practices.');
  assert.equal(seen.raw.includes('TRIBAL'), false, 'the asker is not named');
  assert.equal((await call('bupa', 'POST', `/procurement/competitions/${id}/clarifications`, { supplierId: 'SUP-TRIBAL', question: 'pretend' })).status, 403);
});

test('three suppliers bid; a supplier cannot bid for another', async () => {
  assert.equal((await call('tribal', 'PUT', `/procurement/competitions/${id}/bids/SUP-TRIBAL`, bid(200000, SECRET))).status, 200);
  assert.equal((await call('bupa', 'PUT', `/procurement/competitions/${id}/bids/SUP-BUPA`, bid(150000, 'BUPA response'))).status, 200);
  const r = await call('mck', 'PUT', `/procurement/competitions/${id}/bids/SUP-MCKINSEY`, bid(250000, 'McKinsey response'));
  assert.equal(r.status, 200);
  assert.match(r.body.digest, /^[0-9a-f]{64}$/);
  assert.equal((await call('bupa', 'PUT', `/procurement/competitions/${id}/bids/SUP-TRIBAL`, bid(1, 'sabotage'))).status, 403);
  const receipts = await call('pct', 'GET', `/procurement/competitions/${id}/bids`);
  assert.deepEqual(receipts.body.receipts, [], 'the PCT does not even learn who bid before the deadline');
});

test('before the deadline nobody reads a bid: admin, PCT, evaluator, the bidder itself; a rival gets 404', async () => {
  for (const who of ['admin', 'pct', 'ev1', 'tribal']) {
    const r = await call(who, 'GET', `/procurement/competitions/${id}/bids/SUP-TRIBAL`);
    assert.equal(r.status, 403, `${who} read a sealed bid`);
    assert.equal(r.raw.includes(SECRET), false);
  }
  assert.equal((await call('bupa', 'GET', `/procurement/competitions/${id}/bids/SUP-TRIBAL`)).status, 404);
  assert.equal((await call('admin', 'POST', `/procurement/competitions/${id}/open-bids`)).status, 403);
  assert.equal((await call('pct', 'POST', `/procurement/competitions/${id}/open-bids`)).status, 403);
});

test('the database keeps bids sealed too: ciphertext at rest, no content in the view, no key before the deadline', async () => {
  const db = t.database.db;
  const raw = await db.query('SELECT sealed_content FROM procurement_bids WHERE competition_id = $1', [id]);
  assert.equal(raw.rows.length, 3);
  for (const r of raw.rows) assert.equal((r.sealed_content as Buffer).includes(Buffer.from('response')), false);
  const view = await db.query('SELECT sealed_content FROM procurement_bids_opened WHERE competition_id = $1', [id]);
  assert.deepEqual(view.rows.map((r) => r.sealed_content), [null, null, null]);
  await assert.rejects(db.query('SELECT procurement_bid_key($1)', [id]), /sealed until the deadline/);
});

test('after the deadline: no late bids; bids open; a rival still gets 404; evaluators must declare first', async () => {
  await past('bid_deadline');
  assert.equal((await call('tribal', 'PUT', `/procurement/competitions/${id}/bids/SUP-TRIBAL`, bid(1000, 'late'))).status, 409);
  await assert.rejects(t.database.db.query(`UPDATE procurement_bids SET digest = 'x' WHERE competition_id = $1`, [id]), /bids are closed/);
  assert.equal((await call('pct', 'GET', `/procurement/competitions/${id}/bids/SUP-TRIBAL`)).status, 409, 'not before the opening');
  assert.equal((await call('pct', 'POST', `/procurement/competitions/${id}/open-bids`)).body.opened, 3);
  const read = await call('pct', 'GET', `/procurement/competitions/${id}/bids/SUP-TRIBAL`);
  assert.equal(read.body.response, SECRET);
  assert.equal((await call('bupa', 'GET', `/procurement/competitions/${id}/bids/SUP-TRIBAL`)).status, 404);
  assert.equal((await call('tribal', 'GET', `/procurement/competitions/${id}/bids/SUP-TRIBAL`)).body.pricePounds, 200000);
  assert.equal((await call('ev1', 'GET', `/procurement/competitions/${id}/bids/SUP-TRIBAL`)).status, 403, 'no reading before declaring');
});

test('evaluators declare conflicts, score independently, and see others only after submitting', async () => {
  const scores = (map: Record<string, [number, number]>) => ({ scores: Object.entries(map).flatMap(([s, [m, tm]]) => [
    { supplierId: s, criterion: 'method', score: m, comment: '' }, { supplierId: s, criterion: 'team', score: tm, comment: '' }]) });
  assert.equal((await call('ev1', 'POST', `/procurement/competitions/${id}/scores`, scores({ 'SUP-TRIBAL': [5, 5] }))).status, 403, 'declare first');
  assert.equal((await call('ev1', 'POST', `/procurement/competitions/${id}/declaration`, { conflicts: [], note: 'None' })).status, 200);
  assert.equal((await call('ev2', 'POST', `/procurement/competitions/${id}/declaration`, { conflicts: ['SUP-MCKINSEY'], note: 'Former employee' })).status, 200);
  assert.equal((await call('ev2', 'GET', `/procurement/competitions/${id}/bids/SUP-MCKINSEY`)).status, 403, 'conflicted evaluator cannot read that bid');
  assert.equal((await call('ev1', 'POST', `/procurement/competitions/${id}/scores`, scores({ 'SUP-TRIBAL': [5, 4], 'SUP-BUPA': [3, 3], 'SUP-MCKINSEY': [4, 5] }))).status, 200);
  assert.notEqual((await call('ev1', 'GET', `/procurement/competitions/${id}/evaluation`)).body.scores, null);
  assert.equal((await call('ev2', 'GET', `/procurement/competitions/${id}/evaluation`)).body.scores, null, 'ev2 has not submitted');
  assert.equal((await call('pct', 'GET', `/procurement/competitions/${id}/evaluation`)).body.scores, null, 'the PCT waits for every evaluator');
  assert.equal((await call('ev2', 'POST', `/procurement/competitions/${id}/scores`, scores({ 'SUP-TRIBAL': [5, 5], 'SUP-BUPA': [3, 2], 'SUP-MCKINSEY': [4, 5] }))).status, 400, 'cannot score a conflicted bid');
  assert.equal((await call('ev2', 'POST', `/procurement/competitions/${id}/scores`, scores({ 'SUP-TRIBAL': [5, 5], 'SUP-BUPA': [3, 2] }))).status, 200);
  assert.equal((await call('pct', 'GET', `/procurement/competitions/${id}/evaluation`)).body.scores.length, 10);
  assert.equal((await call('tribal', 'GET', `/procurement/competitions/${id}/evaluation`)).status, 403);
});

test('moderation with rationale ranks by quality and price formula; preferred bidder; standstill; award', async () => {
  const agreed = [['SUP-TRIBAL', 5, 5], ['SUP-BUPA', 3, 3], ['SUP-MCKINSEY', 4, 5]].flatMap(([s, m, tm]) => [
    { supplierId: s, criterion: 'method', score: m, rationale: 'Panel agreed' }, { supplierId: s, criterion: 'team', score: tm, rationale: 'Panel agreed' }]);
  const mod = await call('pct', 'POST', `/procurement/competitions/${id}/moderation`, { agreed });
  assert.equal(mod.status, 200, mod.raw);
  // Tribal 70 + 150/200×30 = 92.5; McKinsey 32 + 30 + 18 = 80; BUPA 42 + 30 = 72.
  assert.deepEqual(mod.body.ranking.map((r: { supplierId: string; total: number }) => [r.supplierId, r.total]), [['SUP-TRIBAL', 92.5], ['SUP-MCKINSEY', 80], ['SUP-BUPA', 72]]);
  const pref = await call('pct', 'POST', `/procurement/competitions/${id}/preferred-bidder`);
  assert.equal(pref.body.supplierId, 'SUP-TRIBAL');
  assert.equal(Math.round((Date.parse(pref.body.standstillEndsAt) - Date.now()) / 86_400_000), 10);
  const awardBody = { startsOn: '2008-07-01', deliverables: ['JSNA refresh', 'Risk model'], kpis: [{ code: 'K1', title: 'Practices covered (%)', direction: 'higher', target: 95, tolerance: 5 }] };
  assert.equal((await call('pct', 'POST', `/procurement/competitions/${id}/award`, awardBody)).status, 409, 'not during standstill');
  await past('standstill_ends_at');
  const award = await call('pct', 'POST', `/procurement/competitions/${id}/award`, awardBody);
  assert.equal(award.status, 200, award.raw);
  const k = await call('pct', 'GET', `/procurement/contracts/${award.body.contractId}`);
  assert.equal(k.body.valuePounds, 200000);
  assert.equal(k.body.endsOn, '2011-06-30');
  const cid = award.body.contractId;
  assert.equal((await call('tribal', 'POST', `/procurement/contracts/${cid}/kpi-reports`, { kpiCode: 'K1', period: '2008-09-Q3', value: 92, note: '' })).body.rag, 'amber');
  assert.equal((await call('bupa', 'GET', `/procurement/contracts/${cid}`)).status, 404);
  const tooLong = await call('pct', 'POST', `/procurement/contracts/${cid}/variations`, { kind: 'extension', description: 'Two more years', newEndsOn: '2013-06-30', newValue: 300000, agreedOn: '2010-01-10' });
  assert.equal(tooLong.status, 400);
  assert.match(tooLong.body.detail, /up to 48 months/);
  assert.equal((await call('pct', 'POST', `/procurement/contracts/${cid}/variations`, { kind: 'extension', description: 'Twelve months more', newEndsOn: '2012-06-30', newValue: 260000, agreedOn: '2010-01-10' })).status, 200);
  assert.equal((await call('pct', 'POST', `/procurement/contracts/${cid}/termination`, { terminatedOn: '2011-06-30', reason: 'Ended a year early by agreement' })).status, 200);
  const perf = await call('admin', 'GET', '/procurement/supplier-performance');
  const tribal = perf.body.suppliers.find((s: { supplierId: string }) => s.supplierId === 'SUP-TRIBAL');
  assert.deepEqual([tribal.contracts, tribal.terminated, tribal.kpiReports.amber], [1, 1, 1]);
  assert.equal((await call('bupa', 'GET', '/procurement/supplier-performance')).body.suppliers.length, 1, 'a supplier sees only itself');
});

test('every step is in the audit trail', async () => {
  const { rows } = await t.database.db.query(`SELECT DISTINCT action FROM audit_log WHERE object_id = $1`, [id]);
  const actions = rows.map((r) => r.action).sort();
  for (const a of ['procurement.business_case.create', 'procurement.business_case.approve', 'procurement.tender.publish', 'procurement.clarification.ask',
    'procurement.clarification.answer', 'procurement.bid.submit', 'procurement.bids.open', 'procurement.evaluator.declare', 'procurement.scores.submit',
    'procurement.moderation.record', 'procurement.preferred_bidder.name', 'procurement.award']) assert.ok(actions.includes(a), `missing ${a}`);
  const bidAudit = await t.database.db.query(`SELECT after::text AS a FROM audit_log WHERE action = 'procurement.bid.submit'`);
  assert.equal(bidAudit.rows.some((r) => r.a.includes(SECRET)), false, 'no bid content in the audit trail');
});

test('OCDS release and record packages are valid 1.1.5, link call-offs to the framework, and carry no bid content', async () => {
  const v = createOcdsValidator(t.config.sharedDataDir);
  const rel = await call('tribal', 'GET', '/ocds/releases');
  assert.equal(rel.status, 200);
  assert.deepEqual(v.validateReleasePackage(rel.body), []);
  const rec = await call('tribal', 'GET', '/ocds/records');
  assert.deepEqual(v.validateRecordPackage(rec.body), []);
  const tags = rel.body.releases.flatMap((r: { tag: string[] }) => r.tag);
  for (const tag of ['tender', 'award', 'contract', 'contractAmendment', 'contractTermination']) assert.ok(tags.includes(tag), `no ${tag} release`);
  const callOff = rec.body.records.find((r: { ocid: string }) => r.ocid.endsWith('FESC-5C2-001'));
  const related = callOff.compiledRelease.relatedProcesses[0];
  assert.deepEqual(related.relationship, ['framework']);
  assert.ok(codelist(t.config.sharedDataDir, 'relatedProcess').includes(related.relationship[0]));
  assert.ok(rec.body.records.some((r: { ocid: string }) => r.ocid === related.identifier), 'the framework has a record of its own');
  assert.equal(callOff.compiledRelease.contracts[0].status, 'terminated');
  for (const s of [SECRET, 'BUPA response', 'Panel agreed']) assert.equal(rel.raw.includes(s), false);
  assert.equal(rel.raw.includes('150000'), false, 'losing prices are not published');
  const file = await t.app.inject({ method: 'GET', url: '/api/ocds/releases?download=true' });
  assert.match(String(file.headers['content-disposition']), /attachment; filename="wcc-ocds-releases.json"/);
});

test("a supplier's files are seen by itself and commissioners, never by a rival", async () => {
  assert.equal((await call('tribal', 'GET', '/procurement/suppliers/SUP-TRIBAL/documents')).body.documents.length, 2);
  assert.equal((await call('pct', 'GET', '/procurement/suppliers/SUP-TRIBAL/documents')).status, 200);
  assert.equal((await call('bupa', 'GET', '/procurement/suppliers/SUP-TRIBAL/documents')).status, 404);
  assert.equal((await call('bupa', 'POST', '/procurement/suppliers/SUP-TRIBAL/documents', { frameworkId: 'FESC', kind: 'document', title: 'x', body: 'y' })).status, 403);
});

test('the demo register holds the Northamptonshire call-off that ended a year early, visible to its SHA but not to London', async () => {
  const all = (await call('admin', 'GET', '/procurement/contracts')).body.contracts;
  const nh = all.find((k: { pctCode: string }) => k.pctCode === '5PD');
  assert.equal(nh.status, 'terminated');
  assert.equal(nh.terminatedOn, '2010-05-31');
  assert.match(nh.terminationReason, /a year early/);
  const london = (await call('pct', 'GET', '/procurement/contracts')).body.contracts;
  assert.equal(london.some((k: { pctCode: string }) => k.pctCode === '5PD'), false);
  const detail = await call('admin', 'GET', `/procurement/contracts/${nh.id}`);
  assert.deepEqual(detail.body.reports.map((r: { rag: string }) => r.rag), ['green', 'amber', 'red']);
});
