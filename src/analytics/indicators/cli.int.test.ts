// `wcc indicators compute` as a user runs it, on a pseudo-random warehouse of three real PCTs: the whole
// catalogue in batches, written to PostgreSQL, then incremental — nothing twice, a new period or a new
// import recomputes only what it touches.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startTestDatabase, type TestDatabase } from '../../platform/testing/test-database.ts';
import { loadReferenceOrganisations } from '../../orgs/index.ts';
import { openDuck, type Duck } from '../duckdb.ts';
import { loadCatalogue } from './catalogue.ts';
import { computeIndicator, openSession } from './engine.ts';
import { findValues } from './repo.ts';
import { prepareWarehouse } from './warehouse-views.ts';
import { tempDataDir, writeDataset } from './testing/fixtures.ts';
import { writeRandomWarehouse } from './testing/random-warehouse.ts';

const SHARED = process.env.WCC_SHARED_DATA ?? join(import.meta.dirname, '../../../../shared/data');
const PCTS: [string, string, string] = ['5ND', '5J9', '5QC']; // Q30, Q30, Q38
const catalogue = loadCatalogue();
const computed = catalogue.filter((d) => d.computed);
const ofType = (t: string) => computed.filter((d) => d.periodType === t).length;
let tdb: TestDatabase;
let dataDir: string;
let duck: Duck;

before(async () => {
  tdb = await startTestDatabase();
  await loadReferenceOrganisations(tdb.db, SHARED);
  dataDir = tempDataDir();
  duck = await openDuck({ threads: 1, memoryLimit: '512MB' });
  await writeRandomWarehouse(duck, dataDir, PCTS);
});
after(async () => {
  duck?.close();
  await tdb?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const RUNNER = `
  const { Command } = await import('commander');
  const { register } = await import(${JSON.stringify(join(import.meta.dirname, '../../cli/indicators.ts'))});
  const { reportError } = await import(${JSON.stringify(join(import.meta.dirname, '../../cli/main.ts'))});
  const program = new Command('wcc').exitOverride();
  register(program);
  try { await program.parseAsync(process.argv.slice(1), { from: 'user' }); } catch (err) { process.exitCode = reportError(err); }
  process.exit(process.exitCode ?? 0);
`;

function wcc(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', RUNNER, ...args],
      { env: { ...process.env, DATABASE_URL: tdb.url, WCC_DATA_DIR: dataDir, WCC_SHARED_DATA: SHARED }, cwd: join(import.meta.dirname, '../../..') },
      (error, out, err) => resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }));
  });
}

const summaryOf = (out: string) => {
  const m = /(\d+) computed, (\d+) unchanged/.exec(out);
  assert.ok(m, out);
  return { computed: Number(m[1]), unchanged: Number(m[2]) };
};

test('compute --year 2008 writes the whole catalogue for 2008 and 2008-09, the same values as each indicator alone', async () => {
  const r = await wcc(['indicators', 'compute', '--year', '2008']);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(summaryOf(r.out), { computed: ofType('financial-year') + ofType('calendar-year'), unchanged: 0 });
  const { rows } = await tdb.db.query(`SELECT period, count(*)::int AS n FROM indicator_computations GROUP BY period ORDER BY period`);
  assert.deepEqual(rows, [{ period: '2008', n: ofType('calendar-year') }, { period: '2008-09', n: ofType('financial-year') }]);
  // What was written is what the engine gives for one indicator on its own.
  await prepareWarehouse(duck, dataDir, { pcts: [{ code: '5J9', shaCode: 'Q30' }, { code: '5ND', shaCode: 'Q30' }, { code: '5QC', shaCode: 'Q38' }] });
  for (const [id, period] of [['admissions-acsc', '2008-09'], ['life-expectancy-gap-female', '2008'], ['mean-length-of-stay', '2008-09']]) {
    const own = await computeIndicator(openSession(duck), catalogue.find((d) => d.id === id)!, period, catalogue);
    const stored = await findValues(tdb.db, { indicatorId: id, period });
    assert.equal(stored.length, own.length, id);
    for (const v of own) {
      const s = stored.find((x) => x.area_code === v.areaCode && x.breakdown === v.breakdown);
      assert.ok(s, `${id} ${v.areaCode} ${v.breakdown} not stored`);
      assert.equal(s.value === null, v.value === null, `${id} ${v.areaCode} ${v.breakdown}`);
      if (v.value !== null) assert.ok(Math.abs(Number(s.value) - v.value) <= 1e-9 * Math.abs(v.value), `${id} ${v.areaCode}: ${s.value} vs ${v.value}`);
      assert.equal(s.note, v.note);
    }
  }
});

test('run again: nothing changed, nothing computed', async () => {
  const r = await wcc(['indicators', 'compute', '--year', '2008']);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(summaryOf(r.out), { computed: 0, unchanged: ofType('financial-year') + ofType('calendar-year') });
});

test('without --year only the period not yet computed (2009-10, APC only) is computed', async () => {
  const r = await wcc(['indicators', 'compute']);
  assert.equal(r.code, 0, r.err);
  const apc = computed.filter((d) => d.numerator?.dataset === 'hes_apc').length;
  assert.deepEqual(summaryOf(r.out), { computed: apc, unchanged: ofType('financial-year') + ofType('calendar-year') });
  assert.match(r.out, /admissions-emergency +2009-10/);
});

test('a new A&E import recomputes only the A&E indicators of its period', async () => {
  await writeDataset(duck, dataDir, 'ae', Array.from({ length: 30 }, (_, i) => ({
    fyear: '2009-10', residence_pct: '5ND', lsoa01: 'E01000001', sex: 'F', age: 20 + i, duration_minutes: 100 + i * 10, import_id: 'ae2',
  })), 'ae2');
  const r = await wcc(['indicators', 'compute']);
  assert.equal(r.code, 0, r.err);
  const ae = computed.filter((d) => d.numerator?.dataset === 'hes_ae').map((d) => d.id).sort();
  assert.deepEqual([...r.out.matchAll(/^(\S+) +2009-10 /gm)].map((m) => m[1]).sort(), ae);
  assert.equal(summaryOf(r.out).computed, ae.length);
  const v = await findValues(tdb.db, { indicatorId: 'ae-attendances', period: '2009-10', area: '5ND', breakdown: 'persons' });
  assert.equal(v[0].numerator, 30);
});

test('an unknown indicator is refused with a clear message', async () => {
  const r = await wcc(['indicators', 'compute', '--indicator', 'no-such-indicator']);
  assert.notEqual(r.code, 0);
  assert.match(r.err, /no indicator no-such-indicator/);
});
