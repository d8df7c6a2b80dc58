#!/usr/bin/env node
// Runs every *.test.ts under src/ and e2e/ with Node's test runner (tsx for TypeScript) and ends with
// the line "N passed, N failed" that CI reads. Arguments narrow the run to matching paths.
//
// Test files run one at a time on a 2-core machine (one fewer than the cores, at least one;
// TEST_CONCURRENCY overrides): browser tests each start PostgreSQL, a server and Chromium, and running
// two of them beside each other on a busy CI machine buys little time for a lot of flakiness. A test
// that hangs fails after TEST_TIMEOUT_MS (15 minutes) instead of using up CI's time.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

function findTests(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(path).isDirectory()) findTests(path, out);
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

function positiveInt(value, fallback, name) {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`${name} must be a whole number of at least 1, not "${value}"`);
    console.log('0 passed, 0 failed');
    process.exit(1);
  }
  return n;
}

const filters = process.argv.slice(2);
const roots = ['src', 'e2e'].filter((d) => { try { return statSync(d).isDirectory(); } catch { return false; } });
const files = roots.flatMap((d) => findTests(d)).sort()
  .filter((f) => filters.length === 0 || filters.some((p) => f.includes(p)));
if (files.length === 0) {
  console.error('no test files matched');
  console.log('0 passed, 0 failed');
  process.exit(1);
}
const concurrency = positiveInt(process.env.TEST_CONCURRENCY, Math.max(1, availableParallelism() - 1), 'TEST_CONCURRENCY');
const timeout = positiveInt(process.env.TEST_TIMEOUT_MS, 15 * 60_000, 'TEST_TIMEOUT_MS');
const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec',
  `--test-concurrency=${concurrency}`, `--test-timeout=${timeout}`, ...files], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, NODE_ENV: 'test' },
});

// Read the reporter's lines as they stream: the totals ("ℹ pass 3") and, in the "failing tests" section
// that follows them, where each failure is ("test at file:line") and its name ("✖ name (12ms)").
const totals = {};
const failures = [];
let inFailures = false;
let where = null;
let partial = '';
function readLine(raw) {
  const line = raw.replace(/\x1b\[[0-9;]*m/g, '').trimEnd();
  const total = line.match(/^ℹ (tests|pass|fail|cancelled|skipped|todo) (\d+)$/);
  if (total) totals[total[1]] = Number(total[2]);
  if (line === '✖ failing tests:') inFailures = true;
  if (!inFailures) return;
  const at = line.match(/^test at (.+?)(?::\d+:\d+)?$/);   // positions are in tsx's output, so keep the file
  if (at) where = at[1];
  const failed = line.match(/^✖ (.+?)(?: \([\d.]+m?s\))?$/);
  if (failed && line !== '✖ failing tests:') {
    failures.push(`${where ? `${where}: ` : ''}${failed[1]}`);
    where = null;
  }
}
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const lines = (partial + chunk.toString()).split('\n');
  partial = lines.pop() ?? '';
  for (const line of lines) readLine(line);
});
child.on('close', (code, signal) => {
  if (partial) readLine(partial);
  const passed = totals.pass ?? 0;
  const failed = (totals.fail ?? 0) + (totals.cancelled ?? 0);
  if (failures.length) {
    console.log(`\nFailed (${failures.length}; the errors are above):`);
    for (const f of failures) console.log(`  ✖ ${f}`);
  }
  if (code !== 0 && failed === 0) console.log(`\nThe test runner exited with ${signal ?? `code ${code}`} without reporting a failed test.`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code === 0 && failed === 0 && passed > 0 ? 0 : 1);
});
