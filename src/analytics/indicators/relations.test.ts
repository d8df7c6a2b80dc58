// The two relations with rules of their own, on hand-built records: readmissions (spells, the next
// emergency admission across the year end) and alcohol-attributable weighting (each record weighted once,
// even when another record is identical), through an indicator's own query and through a shared scan.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDuck, type Duck } from '../duckdb.ts';
import { parseCsvObjects } from '../../platform/csv.ts';
import { CODELIST_DIR, loadCatalogue } from './catalogue.ts';
import { computeIndicator, openSession, type EngineSession } from './engine.ts';
import { computeBatch } from './batch.ts';
import type { IndicatorValue } from './compute-values.ts';
import { prepareWarehouse } from './warehouse-views.ts';
import { tempDataDir, writeDataset } from './testing/fixtures.ts';

const catalogue = loadCatalogue();
const def = (id: string) => catalogue.find((d) => d.id === id)!;
let dataDir: string;
let duck: Duck;
let session: EngineSession;

// Fractions for men aged 35-44 (age 40): an external cause partly attributable, and a partly
// attributable condition that is not an external cause; a code with no fraction at all.
const aaf = parseCsvObjects(readFileSync(join(CODELIST_DIR, 'phe_aaf_by_icd10_4char_age_sex.csv'), 'utf8'), 'aaf')
  .filter((r) => r.Sex === 'Male' && r.Age_group === '35-44 years');
const partial = (external: boolean) => {
  const r = aaf.find((x) => x.ICD10_Code.length === 4 && (x.ICD10_Code >= 'V') === external && Number(x.Fraction) > 0 && Number(x.Fraction) < 1)!;
  return { code: r.ICD10_Code, fraction: Number(r.Fraction) };
};
const ext = partial(true);
const cond = partial(false);
const NONE = 'R104';

type Row = Record<string, unknown>;
const episode = (person: string, key: string, admitted: string, discharged: string | null, r: Row = {}): Row => ({
  fyear: admitted < '2010-04-01' ? '2009-10' : '2010-11', person_id: person, episode_key: key, epiorder: 1, admission_class: 'emergency',
  patient_class: '1', residence_pct: '5AA', lsoa01: 'LA1', sex: 'F', age: 50, admission_date: admitted, discharge_date: discharged, ...r,
});
const drinker = (diagnoses: string[]): Row => ({
  fyear: '2008-09', epiorder: 1, admission_class: 'emergency', patient_class: '1', residence_pct: '5AA', lsoa01: 'LA1', sex: 'M', age: 40, diagnoses,
});

before(async () => {
  assert.ok(!aaf.some((r) => NONE.startsWith(r.ICD10_Code)), `${NONE} has no alcohol-attributable fraction`);
  dataDir = tempDataDir();
  duck = await openDuck({ threads: 1, memoryLimit: '512MB' });
  await writeDataset(duck, dataDir, 'imd', [{ imd_year: 2007, lsoa01: 'LA1', pct_code: '5AA', score: 40, rank: 1, decile: 1, quintile: 1 }]);
  await writeDataset(duck, dataDir, 'population', [2008, 2009].flatMap((year) => ['M', 'F'].map((sex) => (
    { year, area_code: 'LA1', area_type: 'lsoa01', sex, age_band: '40-44', age_lower: 40, age_upper: 44, population: 10_000 }))));
  await writeDataset(duck, dataDir, 'apc', [
    // p3: a spell of two episodes ending 20 August; the next emergency admission 21 days later counts
    // (36 days after the first episode's discharge).
    episode('p3', 'a1', '2009-08-01', '2009-08-05'),
    episode('p3', 'a2', '2009-08-01', '2009-08-20', { epiorder: 2 }),
    episode('p3', 'b', '2009-09-10', '2009-09-12'),
    // p7: the first episode has no discharge date; a later episode whose order is unknown ends the
    // spell on 25 June; an emergency admission on 20 July is a readmission.
    episode('p7', 'j1', '2009-06-01', null),
    episode('p7', 'j2', '2009-06-01', '2009-06-25', { epiorder: null }),
    episode('p7', 'k', '2009-07-20', '2009-07-21'),
    // p4: discharged 25 March 2010, readmitted as an emergency on 4 April, in the next financial year.
    episode('p4', 'c', '2010-03-20', '2010-03-25'),
    episode('p4', 'd', '2010-04-04', '2010-04-06'),
    // p5: an elective admission 5 days later is not a readmission; the next emergency is 50 days later.
    episode('p5', 'e', '2009-06-01', '2009-06-03'),
    episode('p5', 'f', '2009-06-08', '2009-06-09', { admission_class: 'elective' }),
    episode('p5', 'g', '2009-07-29', '2009-07-30'),
    // p6: an elective admission in the next year is not a readmission either.
    episode('p6', 'h', '2010-03-01', '2010-03-02'),
    episode('p6', 'i', '2010-04-05', '2010-04-06', { admission_class: 'elective' }),
    // alcohol, 2008-09: two identical wholly attributable records; an external cause in second place;
    // a partly attributable condition in second place; two wholly attributable codes in one record.
    drinker(['F102']), drinker(['F102']),
    drinker([NONE, ext.code]),
    drinker([NONE, cond.code]),
    drinker(['K703', 'F102']),
  ]);
  await prepareWarehouse(duck, dataDir, { pcts: [{ code: '5AA', shaCode: 'Q30' }] });
  session = openSession(duck);
});

after(() => {
  duck?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const pct = (vs: IndicatorValue[]) => {
  const v = vs.find((x) => x.areaCode === '5AA' && x.breakdown === 'persons');
  assert.ok(v, 'no value for 5AA');
  return v;
};

test('a readmission follows the end of the whole spell, may fall in the next year, and must be an emergency', async () => {
  const v = pct(await computeIndicator(session, def('readmissions-30-day'), '2009-10', catalogue));
  // Spells of 2009-10 (first episodes): a1, b, c, e, f, g, h, j1, k; readmitted: a1 (p3), c (p4), j1 (p7).
  assert.equal(v.denominator, 9);
  assert.equal(v.numerator, 3);
});

test('alcohol weighting: each record once, narrow takes the primary or an external cause, broad the highest', async () => {
  const narrow = 2 + ext.fraction + 0 + 1;
  const broad = 2 + ext.fraction + cond.fraction + 1;
  const own = new Map([
    ['admissions-alcohol-narrow', pct(await computeIndicator(session, def('admissions-alcohol-narrow'), '2008-09', catalogue)).numerator],
    ['admissions-alcohol-broad', pct(await computeIndicator(session, def('admissions-alcohol-broad'), '2008-09', catalogue)).numerator],
  ]);
  assert.ok(Math.abs(own.get('admissions-alcohol-narrow')! - narrow) < 1e-9, `narrow ${own.get('admissions-alcohol-narrow')} ≠ ${narrow}`);
  assert.ok(Math.abs(own.get('admissions-alcohol-broad')! - broad) < 1e-9, `broad ${own.get('admissions-alcohol-broad')} ≠ ${broad}`);
  // The shared scan (both measures from one unnesting) gives the same numerators.
  const shared = new Map<string, number | null>();
  const scans = await computeBatch(session, [def('admissions-alcohol-narrow'), def('admissions-alcohol-broad')], '2008-09', catalogue,
    async (d, values) => { shared.set(d.id, pct(values).numerator); });
  assert.equal(scans.length, 1);
  assert.deepEqual(shared, own);
});

test('two readmission indicators share one scan and give what each gives on its own', async () => {
  const all = def('readmissions-30-day');
  // The same measure for emergency admissions only: discharges after an emergency admission.
  const emergency = {
    ...all, id: 'readmissions-30-day-after-emergency',
    numerator: { ...all.numerator!, admissionMethod: ['emergency'] }, denominator: { ...all.denominator!, admissionMethod: ['emergency'] },
  } as typeof all;
  const shared = new Map<string, IndicatorValue>();
  const scans = await computeBatch(session, [all, emergency], '2009-10', catalogue, async (d, values) => { shared.set(d.id, pct(values)); });
  assert.equal(scans.length, 1, 'one scan for both');
  assert.deepEqual(scans[0].indicators.sort(), [all.id, emergency.id].sort());
  assert.deepEqual([shared.get(all.id)!.numerator, shared.get(all.id)!.denominator], [3, 9]);
  // f (elective) is not a discharge after an emergency admission.
  assert.deepEqual([shared.get(emergency.id)!.numerator, shared.get(emergency.id)!.denominator], [3, 8]);
  for (const d of [all, emergency]) {
    const own = pct(await computeIndicator(session, d, '2009-10', catalogue));
    assert.deepEqual([own.numerator, own.denominator, own.value, own.limits], [shared.get(d.id)!.numerator, shared.get(d.id)!.denominator, shared.get(d.id)!.value, shared.get(d.id)!.limits]);
  }
});
