// The import routes on their own: a Fastify instance with the platform's error handler, a principal
// chosen per request by a test header, the real job queue and a throwaway database.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { errorHandler } from '../../platform/http/problem.ts';
import { JobQueue } from '../../platform/jobs.ts';
import { loadConfig, type Config } from '../../platform/config.ts';
import type { Principal } from '../../platform/auth/policy.ts';
import { startTestDatabase, type TestDatabase } from '../../platform/testing/test-database.ts';
import { importRoutes } from './routes.ts';

const SHARED = join(import.meta.dirname, '../../../../shared/data');
const principals: Record<string, Principal> = {
  admin: { userId: '00000000-0000-4000-8000-000000000001', email: 'admin@x', displayName: 'Admin', roles: [{ role: 'national_admin', orgCode: null }] },
  analyst: { userId: '00000000-0000-4000-8000-000000000002', email: 'analyst@x', displayName: 'Analyst', roles: [{ role: 'pct_analyst', orgCode: '5C2' }] },
  board: { userId: '00000000-0000-4000-8000-000000000003', email: 'board@x', displayName: 'Board', roles: [{ role: 'pct_board_member', orgCode: '5C2' }] },
  otherAnalyst: { userId: '00000000-0000-4000-8000-000000000004', email: 'analyst5nd@x', displayName: 'Other analyst', roles: [{ role: 'pct_analyst', orgCode: '5ND' }] },
};

let tdb: TestDatabase;
let jobs: JobQueue;
let app: FastifyInstance;
let dataDir: string;

before(async () => {
  tdb = await startTestDatabase();
  for (const p of Object.values(principals)) {
    await tdb.db.query('INSERT INTO users (id, email, display_name, password_hash) VALUES ($1, $2, $3, $4)', [p.userId, p.email, p.displayName, 'x']);
  }
  dataDir = mkdtempSync(join(tmpdir(), 'wcc-import-routes-'));
  const config: Config = { ...loadConfig({ NODE_ENV: 'test' }), dataDir, databaseUrl: tdb.url, logLevel: 'silent' };
  jobs = new JobQueue(tdb.db, { pollMs: 50 });
  app = Fastify({ logger: { level: process.env.TEST_LOG ?? "silent" } });
  app.setErrorHandler(errorHandler);
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    const who = request.headers['x-test-user'];
    request.principal = typeof who === 'string' ? principals[who] ?? null : null;
  });
  await app.register(importRoutes, { prefix: '/api/imports', deps: { db: tdb.db, config, jobs, version: 'test' } });
  await app.ready();
  await jobs.start();
});
after(async () => {
  await app?.close();
  await jobs?.stop();
  await tdb?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer }) {
  const boundary = '----wcctest' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`));
    parts.push(file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function waitForJob(id: string): Promise<{ status: string; result: any; progressDone: number }> {
  for (let i = 0; i < 200; i++) {
    const job = await jobs.get(id);
    if (job && (job.status === 'succeeded' || job.status === 'failed')) return job as any;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('job did not finish');
}

describe('POST /api/imports', () => {
  const aeFile = () => ({ name: 'artificial_hes_ae_0708_first1000.csv', content: readFileSync(join(SHARED, 'hes', 'artificial_hes_ae_0708_first1000.csv')) });

  test('a national administrator uploads a file and the job imports it with progress', async () => {
    const body = multipart({ kind: 'hes-ae' }, aeFile());
    const res = await app.inject({ method: 'POST', url: '/api/imports', headers: { ...body.headers, 'x-test-user': 'admin' }, payload: body.payload });
    assert.equal(res.statusCode, 202, res.body);
    const job = await waitForJob(res.json().jobId);
    assert.equal(job.status, 'succeeded');
    assert.equal(job.result.status, 'imported');
    assert.equal(job.result.rowsWritten, 1000);
    assert.equal(job.progressDone, 100);
    const list = await app.inject({ method: 'GET', url: '/api/imports', headers: { 'x-test-user': 'admin' } });
    assert.equal(list.json().imports[0].fileName, 'artificial_hes_ae_0708_first1000.csv');
    assert.equal(list.json().imports[0].createdBy, principals.admin?.userId);
  });

  test('a PCT analyst may import for their own PCT but not nationally or for another PCT', async () => {
    const csv = Buffer.from('year,lsoa01,pct_code,sex,births\n2008,E01000027,5C2,M,12\n');
    const own = multipart({ kind: 'births', orgCode: '5C2' }, { name: 'births.csv', content: csv });
    const ok = await app.inject({ method: 'POST', url: '/api/imports', headers: { ...own.headers, 'x-test-user': 'analyst' }, payload: own.payload });
    assert.equal(ok.statusCode, 202, ok.body);
    assert.equal((await waitForJob(ok.json().jobId)).result.status, 'imported');
    for (const fields of [{ kind: "births" }, { kind: "births", orgCode: "5ND" }] as Record<string, string>[]) {
      const b = multipart(fields, { name: 'births2.csv', content: csv });
      const res = await app.inject({ method: 'POST', url: '/api/imports', headers: { ...b.headers, 'x-test-user': 'analyst' }, payload: b.payload });
      assert.equal(res.statusCode, 403);
    }
  });

  test('the public gets 401 and a board member 403', async () => {
    const b = multipart({ kind: 'hes-ae' }, aeFile());
    assert.equal((await app.inject({ method: 'POST', url: '/api/imports', headers: b.headers, payload: b.payload })).statusCode, 401);
    const c = multipart({ kind: 'hes-ae' }, aeFile());
    assert.equal((await app.inject({ method: 'POST', url: '/api/imports', headers: { ...c.headers, 'x-test-user': 'board' }, payload: c.payload })).statusCode, 403);
    assert.equal((await app.inject({ method: 'GET', url: '/api/imports', headers: { 'x-test-user': 'board' } })).statusCode, 403);
  });

  test('an unknown kind is a 400 problem naming the field', async () => {
    const b = multipart({ kind: 'nonsense' }, aeFile());
    const res = await app.inject({ method: 'POST', url: '/api/imports', headers: { ...b.headers, 'x-test-user': 'admin' }, payload: b.payload });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().errors[0].path, 'kind');
  });

  test('an invalid upload ends the job with its row errors and writes nothing', async () => {
    const csv = Buffer.from('year,lsoa01,pct_code,sex,births\n2008,E01000027,5C2,M,12\n2008,NOTANLSOA,5C2,F,3\n');
    const b = multipart({ kind: 'births' }, { name: 'bad_births.csv', content: csv });
    const res = await app.inject({ method: 'POST', url: '/api/imports', headers: { ...b.headers, 'x-test-user': 'admin' }, payload: b.payload });
    const job = await waitForJob(res.json().jobId);
    assert.equal(job.result.status, 'invalid');
    assert.deepEqual(job.result.errors, ['bad_births.csv:3:lsoa01: not an LSOA code (E01nnnnnn): NOTANLSOA']);
    const { rows } = await tdb.db.query(`SELECT count(*)::int AS n FROM data_imports WHERE file_name = 'bad_births.csv'`);
    assert.equal(rows[0].n, 0);
  });
});

async function upload(who: string, fields: Record<string, string>, file: { name: string; content: Buffer }) {
  const b = multipart(fields, file);
  const res = await app.inject({ method: 'POST', url: '/api/imports', headers: { ...b.headers, 'x-test-user': who }, payload: b.payload });
  assert.equal(res.statusCode, 202, res.body);
  return waitForJob(res.json().jobId);
}
const listAs = async (who: string) => {
  const res = await app.inject({ method: 'GET', url: '/api/imports?limit=1000', headers: { 'x-test-user': who } });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().imports as { id: string; fileName: string; orgCode: string | null; hasRejectFile: boolean; createdByName: string | null; sha256: string; rowsWritten: number; rowsRejected: number }[];
};

describe('GET /api/imports/{id}/rejects', () => {
  const csv = Buffer.from('year,lsoa01,pct_code,sex,births\n2009,E01000027,5C2,M,12\n2009,NOTANLSOA,5C2,F,3\n2009,E01000028,5C2,X,4\n');
  let importId = '';

  before(async () => {
    const job = await upload('admin', { kind: 'births', skipInvalid: 'true' }, { name: 'some_bad_births.csv', content: csv });
    assert.equal(job.result.status, 'imported');
    assert.equal(job.result.rowsWritten, 1);
    assert.equal(job.result.rowsRejected, 2);
    importId = job.result.importId;
  });

  test('the provenance row says a reject file is kept and names who imported it', async () => {
    const row = (await listAs('admin')).find((r) => r.id === importId);
    assert.ok(row, 'the import is listed');
    assert.equal(row.hasRejectFile, true);
    assert.equal(row.createdByName, 'Admin');
    assert.equal(row.rowsRejected, 2);
    assert.equal(row.orgCode, null);
  });

  test('whoever imported the file downloads the rejected rows with their errors', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/imports/${importId}/rejects`, headers: { 'x-test-user': 'admin' } });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /^text\/csv/);
    assert.match(String(res.headers['content-disposition']), /attachment; filename="some_bad_births.rejects.csv"/);
    const lines = res.body.trim().split(/\r?\n/);
    assert.equal(lines.length, 3, res.body);
    assert.match(lines[0]!, /_errors/);
    assert.match(res.body, /NOTANLSOA/);
    assert.match(res.body, /E01000028/);
    assert.doesNotMatch(res.body, /E01000027/);
    const audit = await tdb.db.query(`SELECT actor_email FROM audit_log WHERE action = 'analytics.import.rejects.download' AND object_id = $1`, [importId]);
    assert.equal(audit.rowCount, 1, 'the download of rejected rows is audited');
  });

  test('another PCT analyst is told there is no such import; a board member 403; the public 401', async () => {
    const url = `/api/imports/${importId}/rejects`;
    assert.equal((await app.inject({ method: 'GET', url, headers: { 'x-test-user': 'analyst' } })).statusCode, 404);
    assert.equal((await app.inject({ method: 'GET', url, headers: { 'x-test-user': 'board' } })).statusCode, 403);
    assert.equal((await app.inject({ method: 'GET', url })).statusCode, 401);
  });

  test('an import without a reject file, an unknown id and a malformed id', async () => {
    const clean = (await listAs('admin')).find((r) => r.fileName === 'artificial_hes_ae_0708_first1000.csv');
    assert.ok(clean);
    assert.equal(clean.hasRejectFile, false);
    const none = await app.inject({ method: 'GET', url: `/api/imports/${clean.id}/rejects`, headers: { 'x-test-user': 'admin' } });
    assert.equal(none.statusCode, 404);
    assert.match(none.json().detail, /no reject file/);
    const unknown = await app.inject({ method: 'GET', url: '/api/imports/00000000-0000-4000-8000-00000000abcd/rejects', headers: { 'x-test-user': 'admin' } });
    assert.equal(unknown.statusCode, 404);
    const bad = await app.inject({ method: 'GET', url: '/api/imports/not-a-uuid/rejects', headers: { 'x-test-user': 'admin' } });
    assert.equal(bad.statusCode, 400);
  });
});

describe('GET /api/imports lists a PCT\'s uploads to that PCT only', () => {
  test('an analyst sees national imports and their PCT\'s; another PCT\'s analyst does not see them', async () => {
    const csv = Buffer.from('year,lsoa01,pct_code,sex,births\n2010,E01000027,5C2,F,7\n');
    const job = await upload('analyst', { kind: 'births', orgCode: '5c2' }, { name: 'births_5c2_2010.csv', content: csv });
    assert.equal(job.result.status, 'imported');
    const own = (await listAs('analyst')).find((r) => r.id === job.result.importId);
    assert.equal(own?.orgCode, '5C2');
    assert.equal(own?.createdByName, 'Analyst');
    assert.ok((await listAs('admin')).some((r) => r.id === job.result.importId), 'national administrators see every import');
    const other = await listAs('otherAnalyst');
    assert.ok(!other.some((r) => r.id === job.result.importId), 'hidden from another PCT');
    assert.ok(other.some((r) => r.fileName === 'artificial_hes_ae_0708_first1000.csv'), 'national imports are listed to every importer');
    assert.ok(other.every((r) => r.orgCode === null || r.orgCode === '5ND'));
  });
});
