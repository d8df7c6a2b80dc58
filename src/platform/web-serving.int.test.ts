// The built web app is served from disk: the app's HTML for every page path (including "/" and after a
// rebuild), the assets as files, and a missing asset as a 404 rather than the HTML.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { JobQueue } from './jobs.ts';
import { startTestDatabase, type TestDatabase } from './testing/test-database.ts';

let database: TestDatabase;
let app: FastifyInstance;
const webRoot = mkdtempSync(join(tmpdir(), 'wcc-web-'));

before(async () => {
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>wcc</title><div id="root"></div>');
  writeFileSync(join(webRoot, 'assets/app-1.js'), 'console.log(1)');
  database = await startTestDatabase();
  app = await buildApp({ db: database.db, config: { ...loadConfig({ NODE_ENV: 'test' }), logLevel: 'silent' }, jobs: new JobQueue(database.db), version: 'test' }, { webRoot });
});
after(async () => {
  await app.close();
  await database.stop();
  rmSync(webRoot, { recursive: true, force: true });
});

test('the home page and every other page path answer with the app', async () => {
  for (const url of ['/', '/orgs/Q36', '/assurance/2009-10/pcts/5C2']) {
    const res = await app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 200, url);
    assert.match(res.headers['content-type'] as string, /text\/html/, url);
    assert.match(res.body, /<div id="root">/, url);
  }
});

test('assets are served as files, including ones written after start-up', async () => {
  assert.match((await app.inject({ method: 'GET', url: '/assets/app-1.js' })).headers['content-type'] as string, /javascript/);
  writeFileSync(join(webRoot, 'assets/app-2.js'), 'console.log(2)');
  const rebuilt = await app.inject({ method: 'GET', url: '/assets/app-2.js' });
  assert.equal(rebuilt.statusCode, 200);
  assert.equal(rebuilt.body, 'console.log(2)');
});

test('a missing asset is a 404 problem, never the HTML', async () => {
  const res = await app.inject({ method: 'GET', url: '/assets/gone-3.js' });
  assert.equal(res.statusCode, 404);
  assert.match(res.headers['content-type'] as string, /problem\+json/);
});
