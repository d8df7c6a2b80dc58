// Survey-submission benchmark: 200 stakeholders answer at once through POST /api/survey/{token} on a real
// HTTP listener (loopback), each with their own one-time link; p50/p95/max latency, then the rows are
// counted to prove no response was lost. Limits: p95 ≤ 200 ms, 200 of 200 stored.
// Run: node --import tsx bench/survey.ts [--n 200] [--rounds 3]
import os from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/platform/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import { JobQueue } from '../src/platform/jobs.ts';
import { seedDemoUsers } from '../src/platform/demo.ts';
import { loadPrincipal } from '../src/platform/auth/users.ts';
import { loadReferenceOrganisations } from '../src/orgs/index.ts';
import { startTestDatabase } from '../src/platform/testing/test-database.ts';
import { sharedDataDir } from '../src/platform/testing/test-app.ts';
import { syncAssuranceFrameworks } from '../src/assurance/index.ts';
import { openCycle } from '../src/assurance/cycle-service.ts';
import { addStakeholders } from '../src/assurance/survey-service.ts';
import { Worker } from 'node:worker_threads';

const clientCode = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: workerData.requests.length });
const url = new URL(workerData.base);
const one = (r) => new Promise((resolve) => {
  const start = performance.now();
  const req = http.request({ host: url.hostname, port: url.port, path: r.path, method: 'POST', agent,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(r.body) } }, (res) => {
    res.resume();
    res.on('end', () => resolve({ ms: performance.now() - start, status: res.statusCode }));
  });
  req.on('error', () => resolve({ ms: performance.now() - start, status: 0 }));
  req.end(r.body);
});
(async () => {
  // Open the connections first (as a browser population would have them), then send every answer at once.
  await Promise.all(workerData.requests.map(() => new Promise((resolve) => { const q = http.request({ host: url.hostname, port: url.port, path: '/api/health', agent }, (res) => { res.resume(); res.on('end', resolve); }); q.on('error', resolve); q.end(); })));
  const t0 = performance.now();
  const results = [];
  if (workerData.sequential) for (const r of workerData.requests) results.push(await one(r));
  else results.push(...await Promise.all(workerData.requests.map(one)));
  parentPort.postMessage({ results, wall: performance.now() - t0 });
  agent.destroy();
})();
`;

function fire(base: string, requests: { path: string; body: string }[], sequential = false): Promise<{ times: number[]; created: number; wall: number }> {
  return new Promise((resolve, reject) => {
    const w = new Worker(clientCode, { eval: true, workerData: { base, requests, sequential } });
    w.once('message', (m: { results: { ms: number; status: number }[]; wall: number }) => {
      resolve({ times: m.results.map((r) => r.ms), created: m.results.filter((r) => r.status === 201).length, wall: m.wall });
      void w.terminate();
    });
    w.once('error', reject);
  });
}

const arg = (name: string, fallback: number) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : fallback; };
const n = arg('n', 200), rounds = arg('rounds', 3);
const database = await startTestDatabase();
const dataDir = mkdtempSync(join(tmpdir(), 'wcc-bench-survey-'));
const config = { ...loadConfig({ NODE_ENV: 'test' }), sharedDataDir, databaseUrl: database.url, logLevel: 'silent', dataDir };
await loadReferenceOrganisations(database.db, sharedDataDir);
await seedDemoUsers(database.db);
await syncAssuranceFrameworks(database.db);
const app = await buildApp({ db: database.db, config, jobs: new JobQueue(database.db), version: 'bench' });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const admin = await loadPrincipal(database.db, (await database.db.query("SELECT id FROM users WHERE email = 'admin@wcc.example'")).rows[0].id);
const commissioner = await loadPrincipal(database.db, (await database.db.query("SELECT id FROM users WHERE email = 'commissioner@wcc.example'")).rows[0].id);
const now = Date.now(), day = 86_400_000;
const groups = ['local-authority', 'gp-practices', 'providers', 'patient-groups', 'voluntary-sector'];
console.log(`machine: ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, Node ${process.version}, pool max 10, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('| round | concurrent | p50 ms | p95 ms | max ms | wall ms | 201s | rows stored | p95 ≤ 200 ms |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (let r = 0; r <= rounds; r++) {
  const cycle = await openCycle(database.db, admin, { year: `${2000 + r}-${String(r + 1).padStart(2, '0')}`, frameworkId: 'wcc', frameworkVersion: '2009-10', timetable: {
    selfAssessmentDeadline: new Date(now + 20 * day).toISOString(), surveyOpens: new Date(now - day).toISOString(), surveyCloses: new Date(now + 10 * day).toISOString(),
    panelsFrom: new Date(now + 21 * day).toISOString().slice(0, 10), panelsTo: new Date(now + 22 * day).toISOString().slice(0, 10),
    calibrationBy: new Date(now + 23 * day).toISOString().slice(0, 10), publicationAt: new Date(now + 30 * day).toISOString() } });
  const { stakeholders } = await addStakeholders(database.db, commissioner, cycle.id, '5C2',
    [...Array(n)].map((_, i) => ({ name: `Stakeholder ${i}`, email: `s${i}@r${r}.example`, group: groups[i % groups.length] })));
  const bodies = await Promise.all(stakeholders.map(async (s) => {
    const form = await (await fetch(`${base}/api/survey/${s.token}`)).json() as { items: { id: string; kind: string }[] };
    return JSON.stringify({ answers: form.items.map((it, k) => (it.kind === 'likert' ? { itemId: it.id, value: 1 + ((k + s.token.length) % 5) } : { itemId: it.id, text: 'More joined-up commissioning, please.' })) });
  }));
  // The load comes from a worker thread (its own event loop, so the other core), with plain node:http and
  // a keep-alive agent: the server's event loop is not also running 200 clients.
  // Round 0 sends the answers one after another: the service time of one submission on this machine now.
  const { times, created, wall } = await fire(base, stakeholders.map((s, i) => ({ path: `/api/survey/${s.token}`, body: bodies[i] })), r === 0);
  const stored = (await database.db.query('SELECT count(*) AS n FROM assurance_survey_responses WHERE cycle_id = $1', [cycle.id])).rows[0].n;
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)];
  console.log(`| ${r === 0 ? '0 (one at a time)' : r} | ${r === 0 ? 1 : n} | ${q(0.5).toFixed(0)} | ${q(0.95).toFixed(0)} | ${times[times.length - 1].toFixed(0)} | ${wall.toFixed(0)} | ${created} | ${stored} | ${q(0.95) <= 200 && stored === n ? 'yes' : 'NO'} |`);
}
await app.close();
await database.stop();
rmSync(dataDir, { recursive: true, force: true });
