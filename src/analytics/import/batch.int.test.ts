// Several files of one kind import as one batch (the parts a two-worker generator writes): all are
// checked before any is recorded; one invalid part withholds the others; a re-run changes nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestDatabase, type TestDatabase } from '../../platform/testing/test-database.ts';
import { openDuck } from '../duckdb.ts';
import { datasetDir, datasetGlob } from '../warehouse/schema.ts';
import { importFiles } from './service.ts';

const SHARED = process.env.WCC_SHARED_DATA ?? join(import.meta.dirname, '../../../../shared/data');
const APC = join(SHARED, 'hes', 'artificial_hes_apc_0809_first23rows.csv');

let tdb: TestDatabase;
let dataDir: string;
let scratch: string;
before(async () => {
  tdb = await startTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'wcc-batch-data-'));
  scratch = mkdtempSync(join(tmpdir(), 'wcc-batch-files-'));
});
after(async () => {
  await tdb?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

/** Splits the 23-row APC file into two Parquet parts (rows 1–12, 13–23), optionally spoiling one SEX in part 2. */
async function parts(prefix: string, spoil = false): Promise<[string, string]> {
  const files: [string, string] = [join(scratch, `${prefix}_part1.parquet`), join(scratch, `${prefix}_part2.parquet`)];
  const duck = await openDuck();
  try {
    await duck.run(`CREATE TABLE src AS SELECT row_number() OVER () AS n, * FROM read_csv('${APC}', all_varchar = true)`);
    await duck.run(`COPY (SELECT * EXCLUDE (n) FROM src WHERE n <= 12 ORDER BY n) TO '${files[0]}' (FORMAT parquet)`);
    await duck.run(`COPY (SELECT * EXCLUDE (n) REPLACE (CASE WHEN ${spoil} AND n = 15 THEN 'X' ELSE SEX END AS SEX)
      FROM src WHERE n > 12 ORDER BY n) TO '${files[1]}' (FORMAT parquet)`);
  } finally {
    duck.close();
  }
  return files;
}

const provenance = async () => (await tdb.db.query('SELECT count(*)::int AS n FROM data_imports')).rows[0].n as number;
const warehouseFiles = () => existsSync(datasetDir(dataDir, 'apc')) ? readdirSync(datasetDir(dataDir, 'apc')) : [];
const req = (file: string) => ({ kind: 'hes-apc' as const, file, fileName: file.split('/').at(-1), actor: null, createdBy: 'test' });

test('an invalid part withholds the whole batch: nothing written, the valid part says why', async () => {
  const [p1, p2] = await parts('bad', true);
  const results = await importFiles({ db: tdb.db, dataDir }, [req(p1), req(p2)]);
  assert.deepEqual(results.map((r) => r.status), ['withheld', 'invalid']);
  assert.match(results[0]?.message ?? '', /bad_part1\.parquet: valid \(12 row\(s\)\) but not imported: another file of the batch is invalid/);
  assert.deepEqual(results[1]?.errors, ['bad_part2.parquet:3:SEX: sex must be 0, 1, 2, 9, M or F: X']);
  assert.equal(await provenance(), 0);
  assert.deepEqual(warehouseFiles(), []);
});

test('two parts import as one batch: both recorded, every row once, and a re-run changes nothing', async () => {
  const [p1, p2] = await parts('good');
  const stages = new Set<string>();
  const results = await importFiles({ db: tdb.db, dataDir }, [req(p1), req(p2)], (i, _f, stage) => stages.add(`${i}:${stage}`));
  assert.deepEqual(results.map((r) => r.status), ['imported', 'imported'], results.map((r) => r.message).join('\n'));
  assert.deepEqual(results.map((r) => r.rowsWritten), [12, 11]);
  assert.ok(stages.has('0:hashing') && stages.has('1:hashing'));
  assert.equal(await provenance(), 2);
  assert.equal(warehouseFiles().length, 2);
  const duck = await openDuck();
  try {
    const [row] = await duck.all<{ n: number; keys: number; ids: number }>(
      `SELECT count(*) AS n, count(DISTINCT episode_key) AS keys, count(DISTINCT import_id) AS ids FROM read_parquet('${datasetGlob(dataDir, 'apc')}')`);
    assert.deepEqual(row, { n: 23, keys: 23, ids: 2 });
  } finally {
    duck.close();
  }
  const again = await importFiles({ db: tdb.db, dataDir }, [req(p1), req(p2)]);
  assert.deepEqual(again.map((r) => r.status), ['unchanged', 'unchanged']);
  assert.equal(await provenance(), 2);
});

test('the same bytes twice in one batch are recorded once', async () => {
  const p1 = APC; // the CSV itself: not imported yet in this database
  const copy = join(scratch, 'dup_copy.csv');
  copyFileSync(p1, copy);
  const before = await provenance();
  const results = await importFiles({ db: tdb.db, dataDir }, [req(p1), req(copy)]);
  assert.deepEqual(results.map((r) => r.status), ['imported', 'unchanged']);
  assert.equal(await provenance(), before + 1);
  assert.equal(warehouseFiles().filter((f) => f.endsWith('.tmp')).length, 0);
});
