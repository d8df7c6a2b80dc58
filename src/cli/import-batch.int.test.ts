// `wcc import hes-apc part1 part2` as a user runs it: the parts land as one batch, and an invalid part
// stops the whole batch (exit 2, nothing recorded) with the row errors of the part that failed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestDatabase, type TestDatabase } from '../platform/testing/test-database.ts';
import { runCommand } from './testing/run-command.ts';

const SHARED = process.env.WCC_SHARED_DATA ?? join(import.meta.dirname, '../../../shared/data');
const APC = join(SHARED, 'hes', 'artificial_hes_apc_0102.csv');

let tdb: TestDatabase;
let dir: string;
before(async () => {
  tdb = await startTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'wcc-cli-batch-'));
});
after(async () => {
  await tdb?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `wcc <args>` in a child process, as a user would. */
const wcc = (args: string[]) => runCommand('import.ts', args, { DATABASE_URL: tdb.url, WCC_DATA_DIR: join(dir, 'data') });

/** The APC file's header plus lines [from, to) as a part file. */
function part(name: string, from: number, to: number, edit: (line: string) => string = (l) => l): string {
  const lines = readFileSync(APC, 'utf8').trimEnd().split('\n');
  const file = join(dir, name);
  writeFileSync(file, [lines[0], ...lines.slice(from, to).map(edit)].join('\n') + '\n');
  return file;
}

const recorded = async () => (await tdb.db.query('SELECT count(*)::int AS n, coalesce(sum(rows_written), 0)::int AS rows FROM data_imports')).rows[0];

test('an invalid part stops the batch: exit 2, its row errors, the valid part withheld, nothing recorded', async () => {
  const p1 = part('bad_part1.csv', 1, 6);
  const p2 = part('bad_part2.csv', 6, 11, (l) => l.replace(/^[^,]*/, '20x8'));
  const r = await wcc(['import', 'hes-apc', p1, p2]);
  assert.equal(r.code, 2, r.err);
  assert.match(r.err, new RegExp(`${p2}:2:FYEAR: not a financial year`));
  assert.match(r.err, /bad_part1\.csv: valid \(5 row\(s\)\) but not imported: another file of the batch is invalid/);
  assert.deepEqual(await recorded(), { n: 0, rows: 0 });
});

test('two parts import as one batch', async () => {
  const p1 = part('part1.csv', 1, 6);
  const p2 = part('part2.csv', 6, 11);
  const r = await wcc(['import', 'hes-apc', p1, p2]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /part1\.csv: imported 5 row\(s\)/);
  assert.match(r.out, /part2\.csv: imported 5 row\(s\)/);
  assert.deepEqual(await recorded(), { n: 2, rows: 10 });
});
