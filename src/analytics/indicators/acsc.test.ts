// Emergency admissions for ambulatory care sensitive conditions on hand-built admissions: conditions
// of the primary diagnosis only, conditions in any position (the source list's rule), and the
// exclusions and the required secondary diagnosis.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { openDuck, type Duck } from '../duckdb.ts';
import { loadCatalogue } from './catalogue.ts';
import { computeIndicator, openSession, type EngineSession } from './engine.ts';
import { prepareWarehouse } from './warehouse-views.ts';
import { tempDataDir, writeDataset } from './testing/fixtures.ts';

const catalogue = loadCatalogue();
let dataDir: string;
let duck: Duck;
let session: EngineSession;

const admission = (diagnoses: string[], r: Record<string, unknown> = {}) => ({
  fyear: '2008-09', epiorder: 1, admission_class: 'emergency', patient_class: '1', residence_pct: '5AA', lsoa01: 'LA1', sex: 'F', age: 40, diagnoses, ...r,
});

before(async () => {
  dataDir = tempDataDir();
  duck = await openDuck({ threads: 1, memoryLimit: '512MB' });
  await writeDataset(duck, dataDir, 'imd', [{ imd_year: 2007, lsoa01: 'LA1', pct_code: '5AA', score: 40, rank: 1, decile: 1, quintile: 1 }]);
  await writeDataset(duck, dataDir, 'population', ['M', 'F'].map((sex) => (
    { year: 2008, area_code: 'LA1', area_type: 'lsoa01', sex, age_band: '40-44', age_lower: 40, age_upper: 44, population: 10_000 })));
  await writeDataset(duck, dataDir, 'apc', [
    admission(['J459']), // asthma, primary: counts
    admission(['R104', 'E101']), // diabetes complication in second place (any position): counts
    admission(['R104', 'J459']), // asthma in second place (primary only): does not count
    admission(['J181', 'D571']), // pneumonia with sickle-cell disease: excluded
    admission(['D571', 'J181']), // pneumonia second, sickle-cell disease first: excluded too
    admission(['I209'], { procedures: ['K401'] }), // angina with a cardiac procedure: excluded
    admission(['I209'], { procedures: [] }), // angina without a procedure: counts
    admission(['J209', 'J449']), // acute bronchitis with COPD second: counts
    admission(['J209']), // acute bronchitis alone: does not count
    admission(['J459'], { admission_class: 'elective' }), // not an emergency
  ]);
  await prepareWarehouse(duck, dataDir, { pcts: [{ code: '5AA', shaCode: 'Q30' }] });
  session = openSession(duck);
});

after(() => {
  duck?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('ACSC: primary-only and any-position conditions, exclusions and a required secondary diagnosis', async () => {
  const vs = await computeIndicator(session, catalogue.find((d) => d.id === 'admissions-acsc')!, '2008-09', catalogue);
  const v = vs.find((x) => x.areaCode === '5AA' && x.breakdown === 'persons');
  assert.equal(v?.numerator, 4);
});
