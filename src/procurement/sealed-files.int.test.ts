// Files through the API and PostgreSQL: a supplier's framework documents (itself and NHS staff, 404 for a
// rival) and documents attached to sealed bids (nobody reads one before the deadline; ciphertext on disk;
// the database refuses late attachments); and the bid key held outside the database: reading the keys
// table directly does not decrypt a bid.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../platform/testing/test-app.ts';
import { buildApp } from '../platform/app.ts';
import { seedProcurementDemo } from './seed.ts';
import { bidKekPath, loadBidKek, unwrapDataKey } from './bid-kek.ts';
import { unseal } from './sealing.ts';
import { docx, multipart, pdf, tenderedCompetition } from './test-helpers.ts';

let t: TestApp;
const dataDir = mkdtempSync(join(tmpdir(), 'wcc-procurement-files-'));
const as: Record<string, Record<string, string>> = {};
let id = '';
const SECRET_FILE = 'Tribal pricing model, commercially confidential';

before(async () => {
  t = await startTestApp({ dataDir });
  await seedProcurementDemo(t.database.db);
  for (const [k, email] of Object.entries({
    pct: 'commissioner@wcc.example', admin: 'admin@wcc.example', tribal: 'supplier@wcc.example', bupa: 'supplier.bupa@wcc.example',
    ev1: 'evaluator.one@wcc.example', sha: 'sha.lead@wcc.example',
  })) as[k] = await t.signIn(email);
  id = await tenderedCompetition(t, as.pct!, 'Files and sealing');
});
after(async () => { await t?.stop(); rmSync(dataDir, { recursive: true, force: true }); });

const upload = (who: string, url: string, fields: Record<string, string>, file: { name: string; bytes: Buffer } | null) => {
  const m = multipart(fields, file);
  return t.app.inject({ method: 'POST', url: `/api/procurement${url}`, payload: m.payload, headers: { ...as[who], ...m.headers } });
};
const get = (who: string, url: string) => t.app.inject({ method: 'GET', url: `/api/procurement${url}`, headers: as[who] });

test('a supplier uploads a framework document; itself and NHS staff download it, a rival gets 404', async () => {
  const up = await upload('tribal', '/suppliers/SUP-TRIBAL/files', { frameworkId: 'FESC', title: 'Insurance certificate 2008' }, { name: 'insurance.pdf', bytes: pdf('Tribal insurance') });
  assert.equal(up.statusCode, 201, up.body);
  const file = up.json();
  assert.equal(file.mediaType, 'application/pdf');
  assert.match(file.sha256, /^[0-9a-f]{64}$/);
  assert.ok(statSync(join(dataDir, 'procurement', 'files', file.sha256.slice(0, 2), file.sha256)).isFile(), 'stored by checksum');
  for (const who of ['tribal', 'pct', 'admin']) {
    const d = await get(who, `/supplier-files/${file.id}`);
    assert.equal(d.statusCode, 200, who);
    assert.ok(d.rawPayload.toString('latin1').includes('Tribal insurance'));
    assert.match(String(d.headers['content-disposition']), /attachment; filename="insurance.pdf"/);
  }
  const rival = await get('bupa', `/supplier-files/${file.id}`);
  assert.equal(rival.statusCode, 404);
  assert.equal(rival.body.includes('insurance'), false);
  assert.equal((await t.app.inject({ method: 'GET', url: `/api/procurement/supplier-files/${file.id}` })).statusCode, 401, 'the public must sign in');
  const list = await get('sha', '/suppliers/SUP-TRIBAL/documents');
  assert.deepEqual(list.json().files.map((f: { title: string }) => f.title), ['Insurance certificate 2008']);
  assert.equal(list.json().documents.length, 2, 'text declarations are kept');
  assert.equal((await get('bupa', '/suppliers/SUP-TRIBAL/documents')).statusCode, 404);
});

test('uploads are refused clearly: another supplier, a disguised file, no file, a framework the supplier is not on', async () => {
  assert.equal((await upload('bupa', '/suppliers/SUP-TRIBAL/files', { frameworkId: 'FESC', title: 'x' }, { name: 'a.pdf', bytes: pdf('x') })).statusCode, 403);
  const exe = await upload('tribal', '/suppliers/SUP-TRIBAL/files', { frameworkId: 'FESC', title: 'x' }, { name: 'cert.pdf', bytes: Buffer.from('MZ\x90\x00\x03', 'latin1') });
  assert.equal(exe.statusCode, 400);
  assert.deepEqual(exe.json().errors, [{ path: 'file', message: 'The file must be a PDF, DOCX, XLSX, ODT or PNG document.' }]);
  const renamed = await upload('tribal', '/suppliers/SUP-TRIBAL/files', { frameworkId: 'FESC', title: 'x' }, { name: 'cert.docx', bytes: pdf('x') });
  assert.match(renamed.json().errors[0].message, /content is PDF but its name ends \.docx/);
  const none = await upload('tribal', '/suppliers/SUP-TRIBAL/files', { frameworkId: 'FESC', title: '' }, null);
  assert.equal(none.statusCode, 400);
  assert.deepEqual(none.json().errors, [{ path: 'title', message: 'Enter a title for the document.' }, { path: 'file', message: 'Choose a file to upload.' }], 'every problem at once');
  const wrong = await upload('tribal', '/suppliers/SUP-TRIBAL/files', { frameworkId: 'NOPE', title: '' }, { name: 'a.pdf', bytes: pdf('x') });
  assert.deepEqual(wrong.json().errors.map((e: { path: string }) => e.path), ['frameworkId', 'title']);
});

test('a bid attachment is sealed: a receipt for the bidder, 403 for everyone before the deadline, 404 for a rival', async () => {
  const put = await t.app.inject({ method: 'PUT', url: `/api/procurement/competitions/${id}/bids/SUP-TRIBAL`, headers: as.tribal, payload: { response: 'Our bid', pricePounds: 90000, documents: [] } });
  assert.equal(put.statusCode, 200, put.body);
  const up = await upload('tribal', `/competitions/${id}/bids/SUP-TRIBAL/attachments`, {}, { name: 'pricing-model.docx', bytes: docx(SECRET_FILE) });
  assert.equal(up.statusCode, 201, up.body);
  const receipt = up.json();
  assert.equal(up.body.includes('pricing-model'), false, 'the receipt does not even repeat the name');
  assert.equal((await upload('bupa', `/competitions/${id}/bids/SUP-TRIBAL/attachments`, {}, { name: 'x.pdf', bytes: pdf('sabotage') })).statusCode, 403);
  assert.deepEqual((await get('tribal', `/competitions/${id}/bids/SUP-TRIBAL/attachments`)).json().receipts.map((r: { id: string }) => r.id), [receipt.id]);
  assert.equal((await get('pct', `/competitions/${id}/bids/SUP-TRIBAL/attachments`)).statusCode, 403, 'the PCT does not learn about attachments early');
  for (const who of ['admin', 'pct', 'ev1', 'tribal']) {
    const r = await get(who, `/competitions/${id}/bids/SUP-TRIBAL/attachments/${receipt.id}`);
    assert.equal(r.statusCode, 403, `${who} read a sealed attachment`);
    assert.equal(r.body.includes(SECRET_FILE), false);
  }
  assert.equal((await get('bupa', `/competitions/${id}/bids/SUP-TRIBAL/attachments/${receipt.id}`)).statusCode, 404);
  assert.equal((await get('bupa', `/competitions/${id}/bids/SUP-TRIBAL/attachments`)).statusCode, 404);
  // At rest: ciphertext on disk and sealed metadata in the database.
  const sealedDir = join(dataDir, 'procurement', 'sealed');
  for (const sub of readdirSync(sealedDir)) for (const f of readdirSync(join(sealedDir, sub))) {
    assert.equal(readFileSync(join(sealedDir, sub, f)).includes(Buffer.from('pricing model')), false);
  }
  const row = (await t.database.db.query('SELECT sealed_meta FROM procurement_bid_attachments WHERE id = $1', [receipt.id])).rows[0];
  assert.equal((row.sealed_meta as Buffer).includes(Buffer.from('pricing-model')), false);
});

test('the keys table holds wrapped keys: a direct SQL read cannot decrypt a bid, even after the deadline', async () => {
  const db = t.database.db;
  const kekFile = bidKekPath(dataDir);
  assert.equal(statSync(kekFile).mode & 0o777, 0o600, 'the key file is readable by its owner only');
  await db.query(`UPDATE procurement_competitions SET bid_deadline = now() - interval '1 second' WHERE id = $1`, [id]);
  const { rows: [k] } = await db.query('SELECT data_key, wrapped_by FROM procurement_bid_keys WHERE competition_id = $1', [id]);
  const { rows: [b] } = await db.query(`SELECT sealed_content FROM procurement_bids WHERE competition_id = $1 AND supplier_id = 'SUP-TRIBAL'`, [id]);
  const released = (await db.query('SELECT procurement_bid_key($1) AS k', [id])).rows[0].k as Buffer;
  assert.equal((k.data_key as Buffer).length, 60);
  assert.deepEqual(released, k.data_key, 'after the deadline the database releases only the wrapped key');
  // Every 32-byte window of what the database holds, tried as the AES key: none opens the bid.
  for (let off = 0; off + 32 <= released.length; off++) {
    assert.throws(() => unseal(released.subarray(off, off + 32), b.sealed_content, `${id}/SUP-TRIBAL`), Error, `window at ${off}`);
  }
  // With the key-encryption key from outside the database it opens: the wrapping is the only difference.
  const kek = loadBidKek(dataDir, {});
  assert.equal(k.wrapped_by, kek.id);
  assert.equal(JSON.parse(unseal(unwrapDataKey(kek, released, id), b.sealed_content, `${id}/SUP-TRIBAL`)).response, 'Our bid');
});

test('after the deadline: the database refuses late attachments; the PCT opens and downloads; a rival still gets 404', async () => {
  const late = await upload('tribal', `/competitions/${id}/bids/SUP-TRIBAL/attachments`, {}, { name: 'late.pdf', bytes: pdf('late') });
  assert.equal(late.statusCode, 409);
  await assert.rejects(t.database.db.query(
    `INSERT INTO procurement_bid_attachments (competition_id, supplier_id, sealed_meta, size_bytes, digest, storage_key) VALUES ($1, 'SUP-TRIBAL', '\\x00', 1, repeat('a', 64), 'x')`, [id]), /bids are closed/);
  assert.equal((await t.app.inject({ method: 'POST', url: `/api/procurement/competitions/${id}/open-bids`, headers: as.pct })).json().opened, 1);
  const bid = (await get('pct', `/competitions/${id}/bids/SUP-TRIBAL`)).json();
  assert.deepEqual(bid.attachments.map((a: { fileName: string }) => a.fileName), ['pricing-model.docx']);
  const d = await get('pct', `/competitions/${id}/bids/SUP-TRIBAL/attachments/${bid.attachments[0].id}`);
  assert.equal(d.statusCode, 200);
  assert.ok(d.rawPayload.toString('latin1').includes(SECRET_FILE));
  assert.equal(d.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  assert.equal((await get('tribal', `/competitions/${id}/bids/SUP-TRIBAL/attachments/${bid.attachments[0].id}`)).statusCode, 200, 'the bidder reads its own');
  assert.equal((await get('bupa', `/competitions/${id}/bids/SUP-TRIBAL/attachments/${bid.attachments[0].id}`)).statusCode, 404);
  const audit = await t.database.db.query(`SELECT after::text AS a FROM audit_log WHERE action = 'procurement.bid.attach'`);
  assert.equal(audit.rows.length, 1);
  assert.equal(audit.rows[0].a.includes('pricing-model'), false, 'the audit trail holds the digest, not the name');
});

test('bids sealed under another key-encryption key are refused clearly, not mis-decrypted', async () => {
  const other = mkdtempSync(join(tmpdir(), 'wcc-procurement-otherkek-'));
  // A second server on the same database whose data folder holds a different key file.
  const app2 = await buildApp({ db: t.database.db, config: { ...t.config, dataDir: other }, jobs: t.jobs, version: 'test' });
  try {
    const r = await app2.inject({ method: 'GET', url: `/api/procurement/competitions/${id}/bids/SUP-TRIBAL`, headers: as.pct });
    assert.equal(r.statusCode, 503);
    assert.match(r.json().detail, /different key-encryption key/);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/procurement/competitions/${id}/bids/SUP-TRIBAL`, headers: as.pct })).statusCode, 200, 'the right key still opens it');
  } finally {
    await app2.close();
    rmSync(other, { recursive: true, force: true });
  }
});

test('a key stored before migration 0620 (the seeded historical call-off) is wrapped the first time it is used', async () => {
  const db = t.database.db;
  const { rows: [c] } = await db.query(`SELECT id FROM procurement_competitions WHERE reference = 'FESC-5PD-001'`);
  const before = (await db.query('SELECT wrapped_by, length(data_key) AS n FROM procurement_bid_keys WHERE competition_id = $1', [c.id])).rows[0];
  assert.deepEqual([before.wrapped_by, before.n], [null, 32]);
  const r = await get('admin', `/competitions/${c.id}/bids/SUP-UNITEDHEALTH`);
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().response, 'Illustrative response from SUP-UNITEDHEALTH');
  const after = (await db.query('SELECT wrapped_by, length(data_key) AS n FROM procurement_bid_keys WHERE competition_id = $1', [c.id])).rows[0];
  assert.deepEqual([after.wrapped_by, after.n], [loadBidKek(dataDir, {}).id, 60]);
  assert.equal((await get('admin', `/competitions/${c.id}/bids/SUP-HUMANA`)).json().pricePounds, 2_100_000, 'and still opens under the wrapped key');
});
