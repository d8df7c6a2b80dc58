// The all-cause DSR through the whole engine (warehouse Parquet → generated query → src/stats) on the
// ONS 2014 deaths and mid-year population for local authorities, against ONS's published rates.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDuck, sqlLiteral, type Duck } from '../duckdb.ts';
import { datasetDir } from '../warehouse/schema.ts';
import { loadCatalogue } from './catalogue.ts';
import { computeIndicator, openSession } from './engine.ts';
import type { IndicatorValue } from './compute-values.ts';
import { prepareWarehouse } from './warehouse-views.ts';
import { tempDataDir } from './testing/fixtures.ts';

const MORTALITY = join(process.env.WCC_SHARED_DATA ?? '../shared/data', 'mortality');
let dataDir: string;
let duck: Duck;
let values: IndicatorValue[];

// The importers' normalised shape (src/analytics/warehouse/schema.ts), written here from the ONS files.
const BANDED = (valueColumn: string, file: string) => `
  SELECT 2014 AS year, area_code, CASE WHEN regexp_matches(area_code, '^E0[6-9]') THEN 'la' ELSE 'other' END AS area_type,
    area_name, CASE sex WHEN 'Male' THEN 'M' ELSE 'F' END AS sex,
    CASE age_band WHEN 'Under 1' THEN '0' WHEN 'All ages' THEN 'all' ELSE age_band END AS age_band,
    CASE WHEN age_band IN ('Under 1', 'All ages') THEN 0 ELSE regexp_extract(age_band, '^([0-9]+)')::SMALLINT END AS age_lower,
    CASE WHEN age_band = 'Under 1' THEN 0 WHEN age_band IN ('90+', 'All ages') THEN NULL
         ELSE regexp_extract(age_band, '-([0-9]+)$', 1)::SMALLINT END AS age_upper,
    ${valueColumn}, 'ons-2014' AS import_id
  FROM read_csv(${sqlLiteral(join(MORTALITY, file))}, header = true)`;

before(async () => {
  dataDir = tempDataDir();
  duck = await openDuck({ threads: 1, memoryLimit: '512MB' });
  for (const [dataset, column, file] of [
    ['ons_deaths', 'deaths::INTEGER AS deaths', 'ons_deaths_2014_by_la_age_sex.csv'],
    ['population', 'population::DOUBLE AS population', 'ons_mye2_population_2014_by_la_5yr_age_sex.csv'],
  ] as const) {
    mkdirSync(datasetDir(dataDir, dataset), { recursive: true });
    await duck.run(`COPY (${BANDED(column, file)}) TO ${sqlLiteral(join(datasetDir(dataDir, dataset), 'ons.parquet'))} (FORMAT parquet)`);
  }
  await prepareWarehouse(duck, dataDir, { pcts: [] });
  const catalogue = loadCatalogue();
  values = await computeIndicator(openSession(duck), catalogue.find((d) => d.id === 'mortality-all-cause')!, '2014', catalogue);
});

after(() => {
  duck?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

for (const [code, name, published] of [
  ['ENG', 'England', 1113.8],
  ['E06000047', 'County Durham', 1230.0],
  ['E08000025', 'Birmingham', 1308.5],
] as const) {
  test(`2014 male all-cause DSR for ${name} through the engine is within 0.3% of ONS's ${published}`, () => {
    const v = values.find((x) => x.areaCode === code && x.breakdown === 'male');
    assert.ok(v && v.value !== null, `no value for ${code}`);
    assert.ok(Math.abs(v.value - published) / published < 0.003, `${name}: ${v.value} vs ${published}`);
    assert.ok(v.limits[0]! < v.value && v.limits[1]! > v.value);
  });
}

test('local authorities are benchmarked against England with polarity (lower mortality is better)', () => {
  const birmingham = values.find((x) => x.areaCode === 'E08000025' && x.breakdown === 'male')!;
  assert.equal(birmingham.areaType, 'la');
  assert.ok(birmingham.comparedToEngland === 'worse' || birmingham.comparedToEngland === 'worst', String(birmingham.comparedToEngland));
});
