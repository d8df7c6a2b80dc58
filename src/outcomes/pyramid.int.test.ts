// The population pyramid from a population Parquet file in the warehouse (DuckDB), through the API.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../platform/testing/test-app.ts';
import { openDuck } from '../analytics/duckdb.ts';
import { datasetDir } from '../analytics/warehouse/schema.ts';

let t: TestApp;
let dataDir: string;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'wcc-pyramid-'));
  const dir = datasetDir(dataDir, 'population');
  mkdirSync(dir, { recursive: true });
  const duck = await openDuck({ threads: 1 });
  // 5C2 as PCT rows (single year 0 and 1-4 merge into 0-4); England from two small areas.
  await duck.run(`COPY (
    SELECT 2008 AS year, '5C2' AS area_code, 'pct' AS area_type, NULL AS area_name, sex, band AS age_band, lo::SMALLINT AS age_lower, NULL::SMALLINT AS age_upper, pop::DOUBLE AS population, 'x' AS import_id
    FROM (VALUES ('M', '0', 0, 100), ('M', '1-4', 1, 300), ('F', '0-4', 0, 380), ('M', '5-9', 5, 200), ('F', '90+', 90, 20), ('M', 'all', 0, 9999)) v(sex, band, lo, pop)
    UNION ALL
    SELECT 2008, code, 'lsoa01', NULL, sex, '0-4', 0, 4, pop, 'x' FROM (VALUES ('E01000001', 'M', 50.0), ('E01000002', 'F', 150.0)) w(code, sex, pop)
  ) TO '${join(dir, 'test.parquet')}' (FORMAT parquet)`);
  duck.close();
  t = await startTestApp({ dataDir });
});
after(async () => {
  await t?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('population pyramid', () => {
  it('sums five-year bands by sex as shares, beside England\'s shares', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/areas/5C2/population?period=2008-09' });
    assert.equal(res.statusCode, 200, res.body);
    const p = res.json();
    assert.equal(p.year, 2008);
    assert.equal(p.total, 1000);
    const m04 = p.bands.find((b: { sex: string; band: string }) => b.sex === 'M' && b.band === '0-4');
    assert.equal(m04.population, 400);
    assert.equal(m04.share, 0.4);
    assert.equal(m04.englandShare, 0.25);
    assert.ok(p.bands.some((b: { band: string }) => b.band === '90+'));
    const svg = await t.app.inject({ method: 'GET', url: '/api/areas/5C2/charts/pyramid?format=svg' });
    assert.equal(svg.statusCode, 200);
    assert.match(svg.body, /Population of Barking &amp; Dagenham PCT by age and sex/);
  });

  it('answers 404 for an area without population rows', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/areas/5ND/population' });
    assert.equal(res.statusCode, 404);
  });
});
