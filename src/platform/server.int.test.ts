// `wcc start` as a real process: embedded database, clean Ctrl-C, data reused on the next start, the
// CLI attaching to the running server's database, and DATABASE_URL pointing at another server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded.ts';

const bin = resolve(import.meta.dirname, '../../bin/wcc.js');
// NODE_TEST_CONTEXT would make the child think it is a test file of this runner.
const { NODE_TEST_CONTEXT: _ctx, ...parentEnv } = process.env;
const baseEnv = { ...parentEnv, WCC_BUILD_WEB: 'false', WCC_DEMO_DATA: 'false', PORT: '0', LOG_LEVEL: 'warn', DATABASE_URL: '' };

// Generous limits: CI is a busy 2-core machine, and the first start creates a cluster and loads reference data.
const START_MS = 150_000;
const STOP_MS = 60_000;
const CLI_MS = 120_000;

const children = new Set<ChildProcess>();
process.on('exit', () => { for (const c of children) c.kill('SIGKILL'); });

interface Started { child: ChildProcess; url: string; output: () => string }

function startWcc(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [bin, 'start'], { env: { ...baseEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let out = '';
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`wcc start did not come up within ${START_MS / 1000} s:\n${out}`)), START_MS);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = out.match(/wcc is running at (http:\/\/localhost:\d+)/);
      if (m && out.includes('Press Ctrl-C to stop.')) { clearTimeout(timer); resolveStart({ child, url: m[1], output: () => out }); }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`wcc start exited with ${code}:\n${out}`)); });
  });
}

function stopWcc(s: Started): Promise<number | null> {
  return new Promise((resolveStop, reject) => {
    const timer = setTimeout(() => reject(new Error(`wcc did not stop within ${STOP_MS / 1000} s of Ctrl-C:\n${s.output()}`)), STOP_MS);
    s.child.removeAllListeners('exit');
    s.child.on('exit', (code) => { clearTimeout(timer); resolveStop(code); });
    s.child.kill('SIGINT');
  });
}

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...baseEnv, ...env } });
    children.add(child);
    let stdout = ''; let stderr = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`wcc ${args.join(' ')} did not finish within ${CLI_MS / 1000} s:\n${stdout}${stderr}`)); }, CLI_MS);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => { clearTimeout(timer); children.delete(child); resolveRun({ code, stdout, stderr }); });
  });
}

const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };

/** Polls `check` until it holds or `ms` pass, and returns its last answer (for the caller to assert). */
async function eventually(check: () => boolean, ms = 30_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return check();
}

test('start, use, Ctrl-C and start again on the embedded database', { timeout: 600_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wcc-start-'));
  chmodSync(dataDir, 0o755); // as root, the server runs as 'postgres', which must reach the folder
  const env = { WCC_DATA_DIR: dataDir };
  try {
    const first = await startWcc(env);
    assert.match(first.output(), /Demo accounts created/);
    assert.match(first.output(), /admin@wcc\.example/);
    const health = await (await fetch(`${first.url}/api/health`)).json();
    assert.equal(health.database.status, 'ok');
    const pids = readFileSync(join(dataDir, 'pg/cluster/postmaster.pid'), 'utf8');
    const postmaster = Number(pids.split('\n')[0]);
    assert.ok(alive(postmaster));

    // The CLI attaches to the running server's database.
    const added = await runCli(['users', 'add', '--email', 'cli.user@wcc.example', '--name', 'CLI User', '--role', 'pct_analyst:5C2', '--password', 'cli-password-123'], env);
    assert.equal(added.code, 0, added.stderr);
    const badRole = await runCli(['users', 'add', '--email', 'x@wcc.example', '--name', 'X', '--role', 'wizard', '--password', 'cli-password-123'], env);
    assert.equal(badRole.code, 2);
    assert.match(badRole.stderr, /unknown role "wizard"/);
    const pcts = await runCli(['orgs', 'list', '--type', 'pct', '--as-of', '2009-04-01', '--format', 'csv'], env);
    assert.equal(pcts.code, 0, pcts.stderr);
    assert.equal(pcts.stdout.trim().split('\n').length - 1, 152);
    const badDate = await runCli(['orgs', 'list', '--as-of', '1 April 2009'], env);
    assert.equal(badDate.code, 2);

    assert.equal(await stopWcc(first), 0);
    // PostgreSQL has shut down when the app exits; the process itself may take a moment longer to go.
    assert.equal(await eventually(() => !alive(postmaster)), true, 'the embedded PostgreSQL stopped with the app');
    assert.equal(existsSync(join(dataDir, 'pg/cluster/postmaster.pid')), false);

    const second = await startWcc(env);
    assert.doesNotMatch(second.output(), /Demo accounts created/, 'the second start reuses the data');
    const signIn = await fetch(`${second.url}/api/session`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'cli.user@wcc.example', password: 'cli-password-123' }),
    });
    assert.equal(signIn.status, 200, 'the user added through the CLI survived the restart');
    assert.equal(await stopWcc(second), 0);
  } finally {
    for (const c of children) c.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('with DATABASE_URL the app uses that PostgreSQL and starts no embedded server', { timeout: 300_000 }, async () => {
  const serverDir = mkdtempSync(join(tmpdir(), 'wcc-external-pg-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'wcc-external-data-'));
  const external = await startEmbeddedPostgres(serverDir, { persistent: false });
  try {
    const app = await startWcc({ WCC_DATA_DIR: dataDir, DATABASE_URL: external.url });
    const health = await (await fetch(`${app.url}/api/health`)).json();
    assert.equal(health.status, 'ok');
    assert.equal(existsSync(join(dataDir, 'pg')), false, 'no embedded cluster was created');
    const client = new pg.Client({ connectionString: external.url });
    await client.connect();
    const { rows } = await client.query("SELECT count(*)::int AS n FROM organisations WHERE type = 'pct'");
    await client.end();
    assert.equal(rows[0].n, 153, 'the reference organisations were loaded into the external server');
    assert.equal(await stopWcc(app), 0);
  } finally {
    await external.stop();
    rmSync(serverDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
});
