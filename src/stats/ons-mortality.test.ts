import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseCsvText, csvObjects } from './io/csv-text.ts';
import { addDsrBand, dsrFromSums, emptyDsrSums } from './dsr.ts';
import { ESP2013, ESP2013_BANDS } from './esp2013.ts';

const DIR = '/work/shared/data/mortality/';
const load = (f: string) => csvObjects(parseCsvText(readFileSync(DIR + f, 'utf8')));

/** ESP2013 all-cause mortality rate per 100,000 for one area and sex, from the ONS 2014 files. */
function agestandardisedMortality(code: string, sex: string): number {
  const deaths = new Map<string, number>();
  for (const r of load('ons_deaths_2014_by_la_age_sex.csv')) {
    if (r.area_code !== code || r.sex !== sex || r.age_band === 'All ages') continue;
    const band = r.age_band === 'Under 1' || r.age_band === '1-4' ? '0-4' : r.age_band;
    deaths.set(band, (deaths.get(band) ?? 0) + Number(r.deaths));
  }
  const pops = new Map<string, number>();
  for (const r of load('ons_mye2_population_2014_by_la_5yr_age_sex.csv')) {
    if (r.area_code === code && r.sex === sex && r.age_band !== 'All ages') pops.set(r.age_band, Number(r.population));
  }
  const esp = load('european_standard_population_2013.csv');
  assert.deepEqual(esp.map((r) => Number(r.EuropeanStandardPopulation)), [...ESP2013], 'built-in ESP2013 matches the ONS file');
  const sums = emptyDsrSums();
  for (let i = 0; i < ESP2013_BANDS.length; i++) {
    const band = ESP2013_BANDS[i];
    assert.ok(deaths.has(band) && pops.has(band), `${code} has band ${band}`);
    addDsrBand(sums, deaths.get(band)!, pops.get(band)!, ESP2013[i]);
  }
  return dsrFromSums(sums, [0.95], 100000).value;
}

for (const [code, name, published] of [
  ['E92000001', 'England', 1113.8],
  ['E06000047', 'County Durham', 1230.0],
  ['E08000025', 'Birmingham', 1308.5],
] as const) {
  test(`2014 male age-standardised mortality for ${name} reproduces ONS's ${published} within 0.3%`, () => {
    const rate = agestandardisedMortality(code, 'Male');
    assert.ok(Math.abs(rate - published) / published < 0.003, `${name}: ${rate} vs ${published}`);
  });
}
