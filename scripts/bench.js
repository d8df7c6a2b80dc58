#!/usr/bin/env node
// `npm run bench [-- name …]`: runs each bench/*.ts (or those whose names contain an argument) one
// after the other, each in its own process, and prints what it prints (Markdown for docs/BENCHMARKS.md).
// Benchmarks are never part of `npm test`: speed is measured here, on a quiet machine.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

const filters = process.argv.slice(2);
const benches = readdirSync('bench').filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort()
  .filter((f) => filters.length === 0 || filters.some((p) => f.includes(p)));
console.log(`# wcc benchmarks — ${new Date().toISOString()}`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
let failed = 0;
for (const file of benches) {
  console.log(`\n## bench/${file}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', `bench/${file}`], { stdio: 'inherit' });
  if (r.status !== 0) { failed++; console.log(`bench/${file} exited with ${r.status}`); }
}
process.exit(failed ? 1 : 0);
