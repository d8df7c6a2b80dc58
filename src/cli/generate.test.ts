import { test } from 'node:test';
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { parseAdmissionScale, parseWorkers, parseYears } from './generate.ts';

test('--workers defaults to the number of CPUs and refuses anything but a whole number from 1 to 64', () => {
  assert.equal(parseWorkers(undefined), Math.min(availableParallelism(), 16));
  assert.equal(parseWorkers('2'), 2);
  for (const bad of ['0', '-1', '1.5', 'two', '65']) assert.throws(() => parseWorkers(bad), /--workers must be a whole number/);
});

test('--admission-scale takes a positive number up to 10', () => {
  assert.equal(parseAdmissionScale('1.3'), 1.3);
  for (const bad of ['0', '-2', 'x', '11', 'NaN']) assert.throws(() => parseAdmissionScale(bad), /--admission-scale must be/);
});

test('--years accepts YYYY or YYYY-YYYY within 2001-2012', () => {
  assert.deepEqual(parseYears('2003-2010'), [2003, 2010]);
  assert.deepEqual(parseYears('2008'), [2008, 2008]);
  assert.throws(() => parseYears('2010-2003'), /first <= last/);
  assert.throws(() => parseYears('08'), /YYYY/);
});

test('wcc generate --workers 2 writes the importers\' files and its manifest, and says how many workers ran', async () => {
  const { execFile } = await import('node:child_process');
  const { mkdtempSync, readFileSync, existsSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'wcc-cli-gen-'));
  const bin = new URL('../../bin/wcc.js', import.meta.url).pathname;
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    execFile(process.execPath, [bin, 'generate', '--people', '4000', '--years', '2008', '--seed', '5', '--out', dir, '--workers', '2'],
      { timeout: 120_000 }, (err, _out, errText) => resolve({ code: err ? (err as { code?: number }).code ?? 1 : 0, stderr: errText }));
  });
  assert.equal(code, 0, stderr);
  assert.match(stderr, /wrote 8 files for [\d,]+ people \(incl\. births\) to .* with 2 worker\(s\)/);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { people: number; files: { file: string; rows: number }[] };
  assert.equal(manifest.people, 4000);
  assert.ok(manifest.files.find((f) => f.file === 'hes_apc_0809.csv')!.rows > 500);
  assert.ok(!existsSync(join(dir, '.parts')));
  rmSync(dir, { recursive: true, force: true });
});

test('wcc generate refuses a bad --workers before writing anything', async () => {
  const { execFile } = await import('node:child_process');
  const { existsSync } = await import('node:fs');
  const bin = new URL('../../bin/wcc.js', import.meta.url).pathname;
  const out = `/tmp/wcc-cli-gen-never-${process.pid}`;
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    execFile(process.execPath, [bin, 'generate', '--people', '10', '--out', out, '--workers', '0'], { timeout: 60_000 },
      (err, _out, errText) => resolve({ code: err ? (err as { code?: number }).code ?? 1 : 0, stderr: errText }));
  });
  assert.notEqual(code, 0);
  assert.match(stderr, /--workers must be a whole number from 1 to 64/);
  assert.ok(!existsSync(out));
});
