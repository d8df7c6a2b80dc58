import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGenerator } from '../run-generator.js';

const tmp = (name: string) => mkdtempSync(join(tmpdir(), `wcc-gen-par-${name}-`));
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Every file in the folder but the manifest (which records the run time) → its SHA-256 on disk. */
function hashesOnDisk(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).filter((f) => f !== 'manifest.json').sort().map((f) => [f, sha(join(dir, f))]));
}

for (const format of ['csv', 'parquet'] as const) {
  test(`${format}: two workers write byte-identical files (data and ground truth) to one worker for the same seed`, async () => {
    // small row groups, so the Parquet files have several (where a multi-threaded or multi-file COPY would cut them differently)
    const opts = { people: 20_000, firstYear: 2007, lastYear: 2008, seed: 41, format, parquetRowGroupSize: 2048 };
    const one = tmp(`${format}-1`);
    const two = tmp(`${format}-2`);
    const r1 = await runGenerator({ ...opts, outDir: one, workers: 1 });
    const progress: number[] = [];
    const r2 = await runGenerator({ ...opts, outDir: two, workers: 2, onProgress: (done) => progress.push(done) });
    const h1 = hashesOnDisk(one);
    const h2 = hashesOnDisk(two);
    const ext = format === 'csv' ? 'csv' : 'parquet';
    for (const f of [`hes_apc_0809.${ext}`, `hes_op_0708.${ext}`, `hes_ae_0809.${ext}`, `deaths_2008.${ext}`, `population_2007.${ext}`,
      `births_2008.${ext}`, `ground_truth_people.${ext}`, 'ground_truth_pct.csv', 'tariff.csv']) assert.ok(h1[f], `${f} written`);
    assert.deepEqual(h2, h1);
    assert.ok(!existsSync(join(two, '.parts')), 'part files are removed');
    assert.equal(r2.personRows, r1.personRows);
    // the manifest's hashes and row counts are those of the joined files
    const manifest = JSON.parse(readFileSync(join(two, 'manifest.json'), 'utf8')) as { files: { file: string; rows: number; sha256: string }[] };
    for (const f of manifest.files) assert.equal(f.sha256, h2[f.file], `manifest hash of ${f.file}`);
    assert.deepEqual(manifest.files.map((f) => [f.file, f.rows]), r1.files.map((f) => [f.file.split('/').pop(), f.rows]));
    // progress from both workers adds up to everyone, never backwards
    assert.ok(progress.length >= 2);
    assert.equal(progress[progress.length - 1], 20_000);
    for (let i = 1; i < progress.length; i++) assert.ok(progress[i] >= progress[i - 1]);
    if (format === 'parquet') assert.ok(await rowGroups(join(two, 'hes_op_0809.parquet')) >= 3, 'several row groups');
    rmSync(one, { recursive: true, force: true });
    rmSync(two, { recursive: true, force: true });
  });
}

async function rowGroups(file: string): Promise<number> {
  const { openDuck, sqlLiteral } = await import('../../duckdb.ts');
  const duck = await openDuck({ threads: 1, memoryLimit: '256MB' });
  try {
    const [r] = await duck.all<{ n: number }>(`SELECT count(DISTINCT row_group_id) AS n FROM parquet_metadata(${sqlLiteral(file)})`);
    return Number(r.n);
  } finally {
    duck.close();
  }
}

test('a CSV file joined from parts has one header and every row of each part', async () => {
  const dir = tmp('rows');
  const r = await runGenerator({ people: 6000, firstYear: 2008, lastYear: 2008, seed: 9, outDir: dir, workers: 3 });
  const apc = readFileSync(join(dir, 'hes_apc_0809.csv'), 'utf8').trimEnd().split('\n');
  assert.equal(apc.filter((l) => l.startsWith('FYEAR,')).length, 1);
  assert.equal(apc.length - 1, r.files.find((f) => f.file.endsWith('hes_apc_0809.csv'))!.rows);
  // rows stay in PCT order: each PCT's rows are contiguous
  const pcts = apc.slice(1).map((l) => l.split(',')[21]);
  const seen = new Set<string>();
  for (let i = 0; i < pcts.length; i++) if (i === 0 || pcts[i] !== pcts[i - 1]) { assert.ok(!seen.has(pcts[i]), `${pcts[i]} appears in two runs`); seen.add(pcts[i]); }
  assert.ok(seen.size > 100);
  rmSync(dir, { recursive: true, force: true });
});
