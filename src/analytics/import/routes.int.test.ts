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
