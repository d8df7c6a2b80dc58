// Computation into PostgreSQL (idempotent, incremental) and the indicator API, on a real database.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { features } from '../../platform/features.ts';
import { startTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { openDuck, type Duck } from '../duckdb.ts';
import { computeIndicators } from './service.ts';
import { indicatorRoutes } from './routes.ts';
import { valuesToCsv } from './export.ts';
import { findValues, EXPORT_COLUMNS } from './repo.ts';
import { tempDataDir, writeDataset } from './testing/fixtures.ts';

let t: TestApp;
let dataDir: string;
let duck: Duck;

const hip = (n: number, pct: string, lsoa: string, importId: string, fyear = '2008-09') =>
  Array.from({ length: n }, () => ({
    fyear, epiorder: 1, admission_class: 'emergency', patient_class: '1', residence_pct: pct, lsoa01: lsoa, sex: 'F', age: 80,
    diagnoses: ['S720'], import_id: importId,
  }));

before(async () => {
  dataDir = tempDataDir();
  if (!features.some((f) => f.plugin === indicatorRoutes)) features.push({ prefix: '/api/indicators', plugin: indicatorRoutes });
  t = await startTestApp({ dataDir });
  duck = await openDuck({ threads: 1, memoryLimit: '512MB' });
  await writeDataset(duck, dataDir, 'imd', [
    { imd_year: 2007, lsoa01: 'E01000001', pct_code: '5ND', score: 40, rank: 1, decile: 1, quintile: 1, import_id: 'imd' },
    { imd_year: 2007, lsoa01: 'E01000002', pct_code: '5J9', score: 10, rank: 2, decile: 9, quintile: 5, import_id: 'imd' },
  ]);
  await writeDataset(duck, dataDir, 'population', ['E01000001', 'E01000002'].flatMap((lsoa) => [2008, 2009].map((year) => ({
    year, area_code: lsoa, area_type: 'lsoa01', sex: 'F', age_band: '80-84', age_lower: 80, age_upper: 84, population: 5000, import_id: 'pop',
  }))));
  await writeDataset(duck, dataDir, 'apc', [...hip(30, '5ND', 'E01000001', 'apc1'), ...hip(12, '5J9', 'E01000002', 'apc1')], 'apc1');
});

after(async () => {
  duck?.close();
  await t?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const deps = () => ({ db: t.database.db, dataDir });

describe('compute', () => {
  test('writes values for every area and breakdown, then skips them when nothing changed', async () => {
    const first = await computeIndicators(deps(), { indicator: 'hip-fractures-65-plus' });
    assert.deepEqual(first.computed.map((c) => c.period), ['2008-09']);
    const rows = await findValues(t.database.db, { indicatorId: 'hip-fractures-65-plus', breakdown: 'persons' });
    assert.deepEqual(rows.map((r) => r.area_code), ['ENG', 'Q30', '5J9', '5ND']);
    const durham = rows.find((r) => r.area_code === '5ND')!;
    assert.equal(durham.numerator, 30);
    assert.equal(durham.compared_to_parent !== null, true);
    const again = await computeIndicators(deps(), { indicator: 'hip-fractures-65-plus' });
    assert.equal(again.computed.length, 0);
    assert.equal(again.skipped, 1);
  });

  test('--force recomputes to the same rows (delete and insert, never duplicates)', async () => {
    const before = await findValues(t.database.db, { indicatorId: 'hip-fractures-65-plus' });
    const forced = await computeIndicators(deps(), { indicator: 'hip-fractures-65-plus', force: true });
    assert.equal(forced.computed.length, 1);
    const afterRows = await findValues(t.database.db, { indicatorId: 'hip-fractures-65-plus' });
    assert.deepEqual(afterRows, before);
  });

  test('a new import recomputes only the period it brings, and records the imports used', async () => {
    await writeDataset(duck, dataDir, 'apc', hip(11, '5ND', 'E01000001', 'apc2', '2009-10'), 'apc2');
    const s = await computeIndicators(deps(), { indicator: 'hip-fractures-65-plus' });
    assert.deepEqual(s.computed.map((c) => c.period), ['2009-10']);
    assert.equal(s.skipped, 1);
    const { rows } = await t.database.db.query(`SELECT import_ids FROM indicator_computations WHERE indicator_id = 'hip-fractures-65-plus' AND period = '2009-10'`);
    assert.deepEqual(rows[0].import_ids, ['apc2', 'imd', 'pop']);
  });

  test('values computed on another organisation tree are computed again', async () => {
    const db = t.database.db;
    const move = (to: string, from: string) => db.query(`UPDATE organisation_hierarchy SET parent_code = $1 WHERE child_code = '5J9' AND parent_code = $2`, [to, from]);
    const areas = async () => (await findValues(db, { indicatorId: 'hip-fractures-65-plus', period: '2008-09', breakdown: 'persons' })).map((r) => r.area_code);
    assert.deepEqual(await areas(), ['ENG', 'Q30', '5J9', '5ND']);
    assert.ok((await move('Q31', 'Q30')).rowCount! > 0, 'Darlington moved to another SHA');
    try {
      const moved = await computeIndicators(deps(), { indicator: 'hip-fractures-65-plus' });
      assert.deepEqual(moved.computed.map((c) => c.period).sort(), ['2008-09', '2009-10']);
      assert.deepEqual(await areas(), ['ENG', 'Q30', 'Q31', '5J9', '5ND']);
    } finally {
      await move('Q30', 'Q31');
    }
    const back = await computeIndicators(deps(), { indicator: 'hip-fractures-65-plus' });
    assert.equal(back.computed.length, 2);
    assert.deepEqual(await areas(), ['ENG', 'Q30', '5J9', '5ND']);
  });

  test('the export has exactly the published columns', async () => {
    const csv = valuesToCsv(await findValues(t.database.db, { indicatorId: 'hip-fractures-65-plus', period: '2008-09' }));
    const [header, ...lines] = csv.trim().split('\n');
    assert.equal(header, EXPORT_COLUMNS.join(','));
    assert.equal(header, 'indicator_id,area_code,area_type,period,breakdown,numerator,denominator,value,lower95_0cl,upper95_0cl,lower99_8cl,upper99_8cl,compared_to_england,compared_to_parent,note');
    assert.ok(lines.some((l) => l.startsWith('hip-fractures-65-plus,5ND,pct,2008-09,persons,30,')));
  });
});

describe('API', () => {
  test('the catalogue and values are public', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/indicators' })).json();
    assert.ok(list.count >= 25);
    const one = (await t.app.inject({ method: 'GET', url: '/api/indicators/hip-fractures-65-plus' })).json();
    assert.equal(one.definition.method, 'dsr');
    const res = await t.app.inject({ method: 'GET', url: '/api/indicators/hip-fractures-65-plus/values?areaType=pct&period=2008-09&breakdown=persons' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json().values.map((v: { areaCode: string }) => v.areaCode), ['5J9', '5ND']);
  });

  test('an unknown indicator is a 404 and a bad filter a 400', async () => {
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/indicators/no-such-thing/values' })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/indicators/hip-fractures-65-plus/values?period=last-year' })).statusCode, 400);
  });

  test('computing needs a national admin or PCT analyst, and runs as a job', async () => {
    const body = { indicator: 'hip-fractures-65-plus', year: 2008, force: true };
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/indicators/compute', payload: body })).statusCode, 401);
    const commissioner = await t.signIn('commissioner@wcc.example');
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/indicators/compute', payload: body, headers: commissioner })).statusCode, 403);
    const analyst = await t.signIn('analyst@wcc.example');
    const res = await t.app.inject({ method: 'POST', url: '/api/indicators/compute', payload: body, headers: analyst });
    assert.equal(res.statusCode, 202);
    const id = res.json().jobId;
    let job = await t.jobs.get(id);
    for (let i = 0; i < 200 && job && (job.status === 'queued' || job.status === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = await t.jobs.get(id);
    }
    assert.equal(job?.status, 'succeeded', job?.error ?? '');
    assert.deepEqual(job?.result, { computed: 1, skipped: 0, seconds: (job?.result as { seconds: number }).seconds });
  });
});
