// `wcc risk train | score | report` as a user runs them, on a synthetic England in the warehouse.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestDatabase, type TestDatabase } from '../platform/testing/test-database.ts';
import { syntheticWarehouse } from '../needs/testing/synthetic-warehouse.ts';
import { runCommand } from './testing/run-command.ts';

let tdb: TestDatabase;
let dataDir: string;

before(async () => {
  dataDir = (await syntheticWarehouse(20_000, [2006, 2009], 7)).dataDir;
  tdb = await startTestDatabase();
});
after(async () => { await tdb?.stop(); });

const wcc = (args: string[]) => runCommand('risk.ts', args, { DATABASE_URL: tdb.url, WCC_DATA_DIR: dataDir });

test('score before any model says to train first and exits non-zero', async () => {
  const r = await wcc(['risk', 'score']);
  assert.notEqual(r.code, 0);
  assert.match(r.err, /train one first/);
});

test('train, score and report print the held-out AUROC beside the baseline and the cost shares', async () => {
  const train = await wcc(['risk', 'train']);
  assert.equal(train.code, 0, train.err);
  const m = /AUROC (0\.\d+) .*baseline \(prior-year emergency admissions\) (0\.\d+)/.exec(train.out);
  assert.ok(m, train.out);
  assert.ok(Number(m[1]) > Number(m[2]) + 0.05);
  const score = await wcc(['risk', 'score', '--no-store']);
  assert.equal(score.code, 0, score.err);
  assert.match(score.out, /scored \d+ people for 2010-11 with model v1 \(and [1-9]\d* with no hospital contact/);
  const { rows } = await tdb.db.query('SELECT count(*)::int AS n FROM risk_scores');
  assert.equal(rows[0].n, 0);
  const report = await wcc(['risk', 'report', '--area', '5C2']);
  assert.equal(report.code, 0, report.err);
  assert.match(report.out, /Cost share of the top 1% \d/);
  assert.match(report.out, /imd_quintile/);
});
