// Framework administration through the API: the national team adds a framework with its lots and terms,
// admits suppliers (new or existing) to a lot; others are refused; bad input names the field; the new
// framework is published in OCDS and the packages stay valid against the 1.1.5 schemas.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../platform/testing/test-app.ts';
import { seedProcurementDemo } from './seed.ts';
import { createOcdsValidator } from './ocds-validate.ts';

let t: TestApp;
const dataDir = mkdtempSync(join(tmpdir(), 'wcc-procurement-admin-'));
const as: Record<string, Record<string, string>> = {};

before(async () => {
  t = await startTestApp({ dataDir });
  await seedProcurementDemo(t.database.db);
  for (const [k, email] of Object.entries({ admin: 'admin@wcc.example', pct: 'commissioner@wcc.example', tribal: 'supplier@wcc.example' })) as[k] = await t.signIn(email);
});
after(async () => { await t?.stop(); rmSync(dataDir, { recursive: true, force: true }); });

const call = async (who: string | null, method: 'GET' | 'POST', url: string, payload?: object) => {
  const res = await t.app.inject({ method, url: `/api${url}`, headers: who ? as[who] : {}, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.body ? res.json() : null, raw: res.body };
};

const framework = {
  id: 'CSU-2010', title: 'Commissioning support 2010', description: 'Successor to FESC (illustrative).', buyerName: 'Department of Health',
  startsOn: '2010-04-01', endsOn: '2014-03-31', maxCallOffMonths: 36, terms: 'No direct patient care. Call-offs by mini-competition.', excludesPatientCare: true,
  lots: [
    { code: 'INF', title: 'Information and intelligence', description: '', competencies: [5, 6], supplierIds: ['SUP-TRIBAL'] },
    { code: 'PROC', title: 'Procurement support', description: '', competencies: [7], supplierIds: [] },
  ],
};

test('only the national team adds a framework', async () => {
  assert.equal((await call(null, 'POST', '/procurement/frameworks', framework)).status, 401);
  assert.equal((await call('pct', 'POST', '/procurement/frameworks', framework)).status, 403);
  assert.equal((await call('tribal', 'POST', '/procurement/frameworks', framework)).status, 403);
});

test('bad input is refused with the field named, and nothing is stored', async () => {
  const backwards = await call('admin', 'POST', '/procurement/frameworks', { ...framework, endsOn: '2009-01-01' });
  assert.equal(backwards.status, 400);
  assert.deepEqual(backwards.body.errors, [{ path: 'endsOn', message: 'The end date must be after the start date.' }]);
  const twice = await call('admin', 'POST', '/procurement/frameworks', { ...framework, lots: [framework.lots[0], framework.lots[0]] });
  assert.deepEqual(twice.body.errors, [{ path: 'lots/1/code', message: 'Lot code INF is used twice.' }]);
  const noLots = await call('admin', 'POST', '/procurement/frameworks', { ...framework, lots: [] });
  assert.equal(noLots.status, 400);
  assert.match(noLots.body.errors[0].path, /lots/);
  const fesc = await call('admin', 'POST', '/procurement/frameworks', { ...framework, id: 'FESC' });
  assert.deepEqual(fesc.body.errors, [{ path: 'id', message: 'A framework with the identifier FESC already exists.' }]);
  const unknown = await call('admin', 'POST', '/procurement/frameworks', { ...framework, lots: [{ ...framework.lots[0], supplierIds: ['SUP-NOBODY'] }] });
  assert.equal(unknown.status, 400);
  assert.equal((await call('admin', 'GET', '/procurement/frameworks')).body.frameworks.some((f: { id: string }) => f.id === 'CSU-2010'), false);
});

test('the administrator adds a framework, its lots and terms; it is listed for everyone', async () => {
  const r = await call('admin', 'POST', '/procurement/frameworks', framework);
  assert.equal(r.status, 201, r.raw);
  const listed = (await call(null, 'GET', '/procurement/frameworks')).body.frameworks.find((f: { id: string }) => f.id === 'CSU-2010');
  assert.deepEqual([listed.startsOn, listed.endsOn, listed.maxCallOffMonths, listed.excludesPatientCare], ['2010-04-01', '2014-03-31', 36, true]);
  assert.deepEqual(listed.lots.map((l: { code: string; supplierIds: string[] }) => [l.code, l.supplierIds]), [['INF', ['SUP-TRIBAL']], ['PROC', []]]);
});

test('the administrator admits an existing and a new supplier to a lot; others are refused', async () => {
  assert.equal((await call('pct', 'POST', '/procurement/frameworks/CSU-2010/lots/PROC/suppliers', { supplierId: 'SUP-BUPA' })).status, 403);
  assert.equal((await call('admin', 'POST', '/procurement/frameworks/CSU-2010/lots/PROC/suppliers', { supplierId: 'SUP-BUPA' })).status, 201);
  const again = await call('admin', 'POST', '/procurement/frameworks/CSU-2010/lots/PROC/suppliers', { supplierId: 'SUP-BUPA' });
  assert.deepEqual(again.body.errors, [{ path: 'supplierId', message: 'SUP-BUPA is already in lot PROC.' }]);
  const nameless = await call('admin', 'POST', '/procurement/frameworks/CSU-2010/lots/PROC/suppliers', { supplierId: 'SUP-NEWCO' });
  assert.deepEqual(nameless.body.errors, [{ path: 'name', message: 'Enter the name of the new supplier.' }]);
  assert.equal((await call('admin', 'POST', '/procurement/frameworks/CSU-2010/lots/PROC/suppliers', { supplierId: 'SUP-NEWCO', name: 'NewCo Commissioning (fictional)' })).status, 201);
  assert.equal((await call('admin', 'POST', '/procurement/frameworks/CSU-2010/lots/NOPE/suppliers', { supplierId: 'SUP-BUPA' })).status, 404);
  const lot = (await call('admin', 'GET', '/procurement/frameworks')).body.frameworks.find((f: { id: string }) => f.id === 'CSU-2010').lots[1];
  assert.deepEqual(lot.supplierIds, ['SUP-BUPA', 'SUP-NEWCO']);
  const audit = await t.database.db.query(`SELECT action FROM audit_log WHERE object_id = 'CSU-2010' ORDER BY id`);
  assert.deepEqual(audit.rows.map((r) => r.action), ['procurement.framework.create', 'procurement.framework.admit_supplier', 'procurement.framework.admit_supplier']);
});

test('the new framework is in the OCDS output with its admitted suppliers, and the packages validate', async () => {
  const v = createOcdsValidator(t.config.sharedDataDir);
  const rel = await call(null, 'GET', '/ocds/releases');
  assert.deepEqual(v.validateReleasePackage(rel.body), []);
  const rec = await call(null, 'GET', '/ocds/records');
  assert.deepEqual(v.validateRecordPackage(rec.body), []);
  const record = rec.body.records.find((r: { ocid: string }) => r.ocid.endsWith('CSU-2010'));
  assert.ok(record, 'the framework has a record');
  assert.equal(record.releases.length, 3, 'published when added and on each admission');
  const names = record.compiledRelease.parties.map((p: { name: string }) => p.name);
  for (const n of ['NewCo Commissioning (fictional)', 'Department of Health']) assert.ok(names.includes(n), `missing ${n}`);
});

test('OpenAPI at /api/docs describes the procurement and support answers, not open objects', async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
  const answer = (path: string, method = 'get', status = '200') => doc.paths[path]?.[method]?.responses?.[status]?.content?.['application/json']?.schema;
  const props = (path: string, method?: string, status?: string) => Object.keys(answer(path, method, status)?.properties ?? {}).sort();
  assert.ok(props('/api/procurement/competitions/{id}').includes('sealed'));
  assert.ok(props('/api/procurement/competitions/{id}/bids/{supplierId}').includes('attachments'));
  assert.deepEqual(props('/api/procurement/suppliers/{supplierId}/documents'), ['documents', 'files']);
  assert.deepEqual(props('/api/procurement/competitions/{id}/evaluation'), ['evaluators', 'moderated', 'ranking', 'scores']);
  assert.ok(props('/api/procurement/contracts/{id}').includes('kpis'));
  assert.ok(props('/api/procurement/suppliers/{supplierId}/files', 'post', '201').includes('sha256'));
  assert.ok(props('/api/support/recommendations/{pctCode}').includes('weakest'));
  assert.deepEqual(props('/api/support/uptake'), ['pcts']);
});
