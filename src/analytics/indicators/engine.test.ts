import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Duck } from '../duckdb.ts';
import { openDuck } from '../duckdb.ts';
import { parseCsvObjects } from '../../platform/csv.ts';
import { CODELIST_DIR, loadCatalogue } from './catalogue.ts';
import { computeIndicator, openSession, type EngineSession } from './engine.ts';
import type { IndicatorValue } from './compute-values.ts';
import { prepareWarehouse } from './warehouse-views.ts';
import { tempDataDir, writeDataset } from './testing/fixtures.ts';

const catalogue = loadCatalogue();
const def = (id: string) => catalogue.find((d) => d.id === id)!;
let dataDir: string;
let duck: Duck;
let session: EngineSession;

const pop: [string, string, number, number, number][] = [
  // lsoa, sex, age_lower, age_upper, population
  ['LA1', 'M', 65, 69, 1000], ['LA1', 'F', 65, 69, 1100], ['LA1', 'M', 70, 74, 800], ['LA1', 'F', 70, 74, 900],
  ['LA2', 'M', 65, 69, 500], ['LA2', 'F', 65, 69, 600], ['LA2', 'M', 70, 74, 400], ['LA2', 'F', 70, 74, 500],
  ['LB1', 'M', 65, 69, 2000], ['LB1', 'F', 65, 69, 2100], ['LB1', 'M', 70, 74, 1500], ['LB1', 'F', 70, 74, 1600],
  ['LB2', 'M', 65, 69, 300], ['LB2', 'F', 65, 69, 300], ['LB2', 'M', 70, 74, 200], ['LB2', 'F', 70, 74, 250],
];

function apc(n: number, r: Record<string, unknown>): Record<string, unknown>[] {
  return Array.from({ length: n }, () => ({ fyear: '2008-09', epiorder: 1, admission_class: 'emergency', patient_class: '1', ...r }));
}

before(async () => {
  dataDir = tempDataDir();
  duck = await openDuck({ threads: 1, memoryLimit: '512MB' });
  await writeDataset(duck, dataDir, 'imd', [
    { imd_year: 2007, lsoa01: 'LA1', pct_code: '5AA', score: 40, rank: 1, decile: 1, quintile: 1 },
    { imd_year: 2007, lsoa01: 'LA2', pct_code: '5AA', score: 10, rank: 3, decile: 8, quintile: 4 },
    { imd_year: 2007, lsoa01: 'LB1', pct_code: '5BB', score: 30, rank: 2, decile: 3, quintile: 2 },
    { imd_year: 2007, lsoa01: 'LB2', pct_code: '5BB', score: 5, rank: 4, decile: 10, quintile: 5 },
  ]);
  await writeDataset(duck, dataDir, 'population', pop.map(([lsoa, sex, lo, hi, n]) => ({
    year: 2008, area_code: lsoa, area_type: 'lsoa01', sex, age_band: `${lo}-${hi}`, age_lower: lo, age_upper: hi, population: n,
  })));
  await writeDataset(duck, dataDir, 'apc', [
    ...apc(6, { residence_pct: '5AA', lsoa01: 'LA1', sex: 'M', age: 67, diagnoses: ['S720'] }),
    ...apc(4, { residence_pct: '5AA', lsoa01: 'LA2', sex: 'F', age: 72, diagnoses: ['S721', 'I10X'] }),
    ...apc(2, { residence_pct: '5AA', lsoa01: 'LA1', sex: 'M', age: 71, diagnoses: ['S722'] }),
    ...apc(3, { residence_pct: '5BB', lsoa01: 'LB1', sex: 'F', age: 66, diagnoses: ['S720'] }),
    // hip fracture codes in a secondary position or as an elective admission do not count
    ...apc(1, { residence_pct: '5AA', lsoa01: 'LA1', sex: 'M', age: 68, diagnoses: ['I219', 'S720'] }),
    ...apc(1, { residence_pct: '5AA', lsoa01: 'LA1', sex: 'M', age: 68, admission_class: 'elective', diagnoses: ['S720'] }),
    // day cases: two day cases and two ordinary elective admissions in 5AA
    ...apc(2, { residence_pct: '5AA', lsoa01: 'LA2', sex: 'F', age: 69, admission_class: 'elective', patient_class: '2', diagnoses: ['H251'] }),
    ...apc(1, { residence_pct: '5AA', lsoa01: 'LA2', sex: 'F', age: 69, admission_class: 'elective', patient_class: '1', diagnoses: ['M171'] }),
    // alcohol: wholly attributable primary; partial primary with a wholly attributable secondary
    ...apc(1, { residence_pct: '5BB', lsoa01: 'LB2', sex: 'M', age: 70, diagnoses: ['F102'] }),
    ...apc(1, { residence_pct: '5BB', lsoa01: 'LB2', sex: 'M', age: 72, admission_class: 'elective', diagnoses: ['C189', 'K703'] }),
    // readmissions and length of stay, 2009-10: p1 is readmitted after 15 days, p2 after 40
    { fyear: '2009-10', person_id: 'p1', episode_key: '1', epiorder: 1, admission_class: 'emergency', patient_class: '1', residence_pct: '5AA', sex: 'M', age: 50, admission_date: '2009-05-01', discharge_date: '2009-05-05', length_of_stay: 4 },
    { fyear: '2009-10', person_id: 'p1', episode_key: '2', epiorder: 1, admission_class: 'emergency', patient_class: '1', residence_pct: '5AA', sex: 'M', age: 50, admission_date: '2009-05-20', discharge_date: '2009-05-22', length_of_stay: 2 },
    { fyear: '2009-10', person_id: 'p2', episode_key: '3', epiorder: 1, admission_class: 'emergency', patient_class: '1', residence_pct: '5AA', sex: 'F', age: 60, admission_date: '2009-06-01', discharge_date: '2009-06-03', length_of_stay: 2 },
    { fyear: '2009-10', person_id: 'p2', episode_key: '4', epiorder: 1, admission_class: 'emergency', patient_class: '1', residence_pct: '5AA', sex: 'F', age: 60, admission_date: '2009-07-13', discharge_date: '2009-07-23', length_of_stay: 10 },
  ]);
  await writeDataset(duck, dataDir, 'ae', [
    ...Array.from({ length: 15 }, () => ({ fyear: '2008-09', residence_pct: '5AA', lsoa01: 'LA1', sex: 'F', age: 30, duration_minutes: 120 })),
    ...Array.from({ length: 5 }, () => ({ fyear: '2008-09', residence_pct: '5AA', lsoa01: 'LA2', sex: 'F', age: 30, duration_minutes: 300 })),
  ]);
  await prepareWarehouse(duck, dataDir, { pcts: [{ code: '5AA', shaCode: 'Q30' }, { code: '5BB', shaCode: 'Q30' }, { code: '5CC', shaCode: 'Q31' }] });
  session = openSession(duck);
});

after(() => {
  duck?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const find = (vs: IndicatorValue[], area: string, breakdown = 'persons') => {
  const v = vs.find((x) => x.areaCode === area && x.breakdown === breakdown);
  assert.ok(v, `no value for ${area} ${breakdown}`);
  return v;
};
const close = (a: number | null, b: number, tol = 1e-9) => assert.ok(a !== null && Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} ≠ ${b}`);

test('hip fractures 65+: DSR per PCT, SHA and England equals the hand-computed ESP2013 rate', async () => {
  const vs = await computeIndicator(session, def('hip-fractures-65-plus'), '2008-09', catalogue);
  const a = find(vs, '5AA');
  assert.equal(a.numerator, 12);
  assert.equal(a.denominator, 3200 + 2600);
  close(a.value, ((6 / 3200) * 5500 + (6 / 2600) * 5000) / 10500 * 1e5);
  const sha = find(vs, 'Q30');
  assert.equal(sha.numerator, 15);
  close(sha.value, ((9 / 7900) * 5500 + (6 / 6150) * 5000) / 10500 * 1e5);
  close(find(vs, 'ENG').value, sha.value!);
  assert.ok(a.limits[0]! < a.value! && a.value! < a.limits[1]!, '95% limits around the value');
  assert.ok(a.limits[2]! < a.limits[0]! && a.limits[3]! > a.limits[1]!, '99.8% limits are wider');
});

test('a DSR with fewer than 10 events is suppressed with the reason, keeping its counts', async () => {
  const vs = await computeIndicator(session, def('hip-fractures-65-plus'), '2008-09', catalogue);
  const b = find(vs, '5BB');
  assert.equal(b.numerator, 3);
  assert.equal(b.value, null);
  assert.deepEqual(b.limits, [null, null, null, null]);
  assert.match(b.note ?? '', /fewer than 10/);
  assert.equal(b.comparedToEngland, 'not-compared');
});

test('deprivation quintile within the PCT counts only the small areas of that quintile', async () => {
  const vs = await computeIndicator(session, def('hip-fractures-65-plus'), '2008-09', catalogue);
  const q1 = find(vs, '5AA', 'imd_quintile_1');
  assert.equal(q1.numerator, 8); // LA1 (the more deprived of 5AA's two small areas)
  assert.equal(q1.denominator, 1000 + 1100 + 800 + 900);
  assert.equal(find(vs, '5AA', 'imd_quintile_2').numerator, 4);
  assert.equal(find(vs, '5AA', 'male').numerator, 8);
  assert.equal(find(vs, '5AA', 'female').numerator, 4);
});

test('day-case rate is a Wilson proportion of elective admissions', async () => {
  const vs = await computeIndicator(session, def('day-case-rate'), '2008-09', catalogue);
  const a = find(vs, '5AA');
  assert.equal(a.numerator, 2);
  assert.equal(a.denominator, 4); // two day cases, the ordinary one, and the elective hip admission
  close(a.value, 50);
});

test('A&E: crude rate per 1,000 and the share within 4 hours', async () => {
  const rate = find(await computeIndicator(session, def('ae-attendances'), '2008-09', catalogue), '5AA');
  assert.equal(rate.numerator, 20);
  assert.equal(rate.denominator, 5800);
  close(rate.value, (20 / 5800) * 1000);
  const share = find(await computeIndicator(session, def('ae-within-4-hours'), '2008-09', catalogue), '5AA');
  assert.equal(share.numerator, 15);
  assert.equal(share.denominator, 20);
  close(share.value, 75);
  // Wilson 95% lower limit for 15/20
  const z = 1.959963984540054;
  close(share.limits[0], ((2 * 15 + z * z - z * Math.sqrt(z * z + 4 * 15 * (1 - 15 / 20))) / (2 * (20 + z * z))) * 100, 1e-9);
});

test('alcohol-related admissions are weighted by the PHE fractions: narrow takes the primary, broad the highest', async () => {
  const aaf = parseCsvObjects(readFileSync(join(CODELIST_DIR, 'phe_aaf_by_icd10_4char_age_sex.csv'), 'utf8'), 'aaf');
  const colon = Number(aaf.find((r) => r.ICD10_Code === 'C18' && r.Sex === 'Male' && r.Age_group === '65-74 years')!.Fraction);
  assert.ok(colon > 0 && colon < 1);
  const narrow = find(await computeIndicator(session, def('admissions-alcohol-narrow'), '2008-09', catalogue), '5BB');
  close(narrow.numerator, 1 + colon);
  const broad = find(await computeIndicator(session, def('admissions-alcohol-broad'), '2008-09', catalogue), '5BB');
  close(broad.numerator, 2);
});

test('emergency readmissions within 30 days and mean length of stay', async () => {
  const re = find(await computeIndicator(session, def('readmissions-30-day'), '2009-10', catalogue), '5AA');
  assert.equal(re.numerator, 1);
  assert.equal(re.denominator, 4);
  close(re.value, 25);
  const los = find(await computeIndicator(session, def('mean-length-of-stay'), '2009-10', catalogue), '5AA');
  close(los.value, 4.5);
  const sd = Math.sqrt((0.25 + 6.25 + 6.25 + 30.25) / 3);
  close(los.limits[1], 4.5 + 3.182446305284263 * sd / 2, 1e-6);
});

test('PCTs are benchmarked against their SHA and England; England is never compared with itself', async () => {
  const vs = await computeIndicator(session, def('ae-within-4-hours'), '2008-09', catalogue);
  assert.equal(find(vs, 'ENG').comparedToEngland, 'not-compared');
  const a = find(vs, '5AA');
  assert.equal(a.parentCode, 'Q30');
  assert.equal(a.comparedToEngland, 'similar'); // 5AA is all of England's A&E activity here
  const q = find(vs, '5AA', 'imd_quintile_1'); // 15 of 15 within 4 hours against the PCT's 75%
  assert.equal(q.comparedToParent, 'better');
});
