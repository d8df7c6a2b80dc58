// The one-pass import: a valid file is checked and transformed in one scan straight to Parquet; an
// invalid or malformed one leaves nothing behind and hands over to the staged path, which lists every
// bad cell with its line.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDuck, type Duck } from '../duckdb.ts';
import { apcSpec } from './hes/apc.ts';
import { importInOnePass, runRecordImport, stageAndValidate } from './record-import.ts';
import { loadMacros } from './stage.ts';

const SHARED = process.env.WCC_SHARED_DATA ?? join(import.meta.dirname, '../../../../shared/data');
const APC = join(SHARED, 'hes', 'artificial_hes_apc_0809_first23rows.csv');

let dir: string;
let duck: Duck;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wcc-one-pass-'));
  duck = await openDuck();
  await loadMacros(duck);
});
after(() => {
  duck?.close();
  rmSync(dir, { recursive: true, force: true });
});

const stages: string[] = [];
const progress = (_f: number, stage: string) => { if (stages.at(-1) !== stage) stages.push(stage); };

test('a valid file is written in one pass with every row', async () => {
  const out = join(dir, 'ok.parquet');
  const n = await importInOnePass({ duck, spec: apcSpec, file: APC, importId: 'i1', tmpParquet: out, progress });
  assert.equal(n, 23);
  const [row] = await duck.all<{ n: number; ids: number }>(`SELECT count(*) AS n, count(DISTINCT import_id) AS ids FROM read_parquet('${out}') WHERE import_id = 'i1'`);
  assert.deepEqual(row, { n: 23, ids: 1 });
});

test('the one pass and the staged path write the same rows', async () => {
  const one = join(dir, 'one.parquet');
  const staged = join(dir, 'staged.parquet');
  await importInOnePass({ duck, spec: apcSpec, file: APC, importId: 'x', tmpParquet: one, progress });
  const v = await stageAndValidate(duck, APC, apcSpec.columns, apcSpec.checks, join(dir, 'stage.parquet'), progress);
  assert.equal(v.errorCount, 0);
  await duck.run(`COPY (SELECT * FROM (${apcSpec.transform}) t) TO '${staged}' (FORMAT parquet)`);
  const [diff] = await duck.all<{ n: number }>(`SELECT count(*) AS n FROM (
      (SELECT * EXCLUDE (import_id) FROM read_parquet('${one}') EXCEPT ALL SELECT * FROM read_parquet('${staged}'))
      UNION ALL
      (SELECT * FROM read_parquet('${staged}') EXCEPT ALL SELECT * EXCLUDE (import_id) FROM read_parquet('${one}')))`);
  assert.equal(diff?.n, 0);
});

test('an invalid row stops the one pass and leaves no file; the staged path then lists the errors', async () => {
  const file = join(dir, 'bad.csv');
  await duck.run(`COPY (SELECT * REPLACE (CASE WHEN EPIKEY = '69166046174' THEN 'Q' ELSE SEX END AS SEX)
    FROM read_csv('${APC}', all_varchar = true)) TO '${file}' (HEADER)`);
  const out = join(dir, 'bad.parquet');
  assert.equal(await importInOnePass({ duck, spec: apcSpec, file, importId: 'i2', tmpParquet: out, progress }), null);
  assert.equal(existsSync(out), false);
  stages.length = 0;
  const r = await runRecordImport({ duck, spec: apcSpec, file, importId: 'i3', tmpParquet: out, rejectFile: join(dir, 'rejects.csv'),
    stagePath: join(dir, 'stage2.parquet'), skipInvalid: false, progress });
  assert.equal(r.written, false);
  assert.deepEqual(r.errors, [{ line: 9, column: 'SEX', reason: 'sex must be 0, 1, 2, 9, M or F: Q' }]);
  assert.ok(stages.includes('invalid rows: listing them'), stages.join(', '));
  assert.equal(existsSync(out), false);
});

test('a malformed CSV is handed to the staged path, which names it', async () => {
  const file = join(dir, 'malformed.csv');
  const lines = readFileSync(APC, 'utf8').trimEnd().split('\n');
  lines[5] = `${lines[5]},extra,fields`;
  writeFileSync(file, lines.join('\n') + '\n');
  const out = join(dir, 'malformed.parquet');
  assert.equal(await importInOnePass({ duck, spec: apcSpec, file, importId: 'i4', tmpParquet: out, progress }), null);
  const r = await runRecordImport({ duck, spec: apcSpec, file, importId: 'i5', tmpParquet: out, rejectFile: join(dir, 'r.csv'),
    stagePath: join(dir, 'stage3.parquet'), skipInvalid: true, progress });
  assert.equal(r.written, false);
  assert.equal(r.errors[0]?.column, '-');
  assert.match(r.errors[0]?.reason ?? '', /^malformed file/);
});

test('a transform that could drop rows is left to the staged path, so no invalid row escapes the check', async () => {
  const filtered = { ...apcSpec, transform: `${apcSpec.transform}\nWHERE SEX = '1'` };
  const out = join(dir, 'filtered.parquet');
  assert.equal(await importInOnePass({ duck, spec: filtered, file: APC, importId: 'i6', tmpParquet: out, progress }), null);
  assert.equal(existsSync(out), false);
});

test('--skip-invalid expects bad rows and goes straight to the staged path; a valid file takes the one pass', async () => {
  stages.length = 0;
  const skip = await runRecordImport({ duck, spec: apcSpec, file: APC, importId: 'i7', tmpParquet: join(dir, 'skip.parquet'),
    rejectFile: join(dir, 'skip.rejects.csv'), stagePath: join(dir, 'stage4.parquet'), skipInvalid: true, progress });
  assert.equal(skip.rowsWritten, 23);
  assert.ok(stages.includes('validating') && !stages.includes('checking and writing'), stages.join(', '));
  stages.length = 0;
  const plain = await runRecordImport({ duck, spec: apcSpec, file: APC, importId: 'i8', tmpParquet: join(dir, 'plain.parquet'),
    rejectFile: join(dir, 'plain.rejects.csv'), stagePath: join(dir, 'stage5.parquet'), skipInvalid: false, progress });
  assert.equal(plain.rowsWritten, 23);
  assert.ok(stages.includes('checking and writing') && !stages.includes('validating'), stages.join(', '));
});
