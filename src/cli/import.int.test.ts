// `wcc import` as a user runs it: errors on stderr as file:row:column: reason, exit code 2 and nothing
// written for an invalid file; a second run of the same file says it changed nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestDatabase, type TestDatabase } from '../platform/testing/test-database.ts';
import { runCommand } from './testing/run-command.ts';

let tdb: TestDatabase;
let dir: string;

before(async () => {
  tdb = await startTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'wcc-cli-import-'));
});
after(async () => {
  await tdb?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `wcc <args>` in a child process, as a user would. */
const wcc = (args: string[]) => runCommand('import.ts', args, { DATABASE_URL: tdb.url, WCC_DATA_DIR: join(dir, 'data') });

test('an invalid file prints row errors, exits 2 and records nothing', async () => {
  const file = join(dir, 'births_bad.csv');
  writeFileSync(file, 'year,lsoa01,pct_code,sex,births\n2008,E01000001,5K7,M,12\n20x8,E01000001,5K7,Q,3\n');
  const r = await wcc(['import', 'births', file]);
  assert.equal(r.code, 2);
  assert.match(r.err, new RegExp(`${file}:3:sex: sex must be M, F or P: Q`));
  assert.match(r.err, new RegExp(`${file}:3:year: must be a whole number 1900-2100: 20x8`));
  assert.match(r.err, /2 error\(s\) in 1 row\(s\); nothing was imported/);
  const { rows } = await tdb.db.query('SELECT count(*)::int AS n FROM data_imports');
  assert.equal(rows[0].n, 0);
});

test('a valid file imports once; the second run changes nothing and says so', async () => {
  const file = join(dir, 'births_ok.csv');
  writeFileSync(file, 'year,lsoa01,pct_code,sex,births\n2008,E01000001,5K7,M,12\n2008,E01000001,5K7,F,11\n');
  const first = await wcc(['import', 'births', file]);
  assert.equal(first.code, 0, first.err);
  assert.match(first.out, /imported 2 row\(s\)/);
  const second = await wcc(['import', 'births', file]);
  assert.equal(second.code, 0);
  assert.match(second.out, /already imported as .*nothing changed/);
  const { rows } = await tdb.db.query(`SELECT count(*)::int AS n, min(created_by) AS who FROM data_imports`);
  assert.equal(rows[0].n, 1);
  assert.match(rows[0].who, /^cli:/);
});
