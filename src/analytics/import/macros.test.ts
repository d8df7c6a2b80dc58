// The HES conventions as DuckDB macros, table-driven.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openDuck, type Duck } from '../duckdb.ts';
import { loadMacros } from './stage.ts';

let duck: Duck;
before(async () => { duck = await openDuck({ memoryLimit: '256MB' }); await loadMacros(duck); });
after(() => duck.close());

async function cases(macro: string, table: [string | null, unknown][]): Promise<void> {
  for (const [input, expected] of table) {
    const [row] = await duck.all<{ v: unknown }>(`SELECT ${macro}(CAST($1 AS VARCHAR)) AS v`, [input]);
    assert.deepEqual(row?.v, expected, `${macro}(${input})`);
  }
}

test('financial years in HES and ONS forms become YYYY-YY; a calendar year is not one', async () => {
  await cases('wcc_fyear', [['0809', '2008-09'], ['9900', '1999-00'], ['200809', '2008-09'], ['2008-09', '2008-09'],
    ['2008/09', '2008-09'], ['2008-2009', '2008-09'], ['2008', null], ['0810', null], ['x', null]]);
});

test('ages: whole years 0-120, 7001-7007 are infants, anything else is not an age', async () => {
  await cases('wcc_age', [['42', 42], ['42.0', 42], ['7001', 0], ['7007', 0], ['0', 0], ['120', 120], ['121', null],
    ['7008', null], ['42.5', null], ['-1', null], ['old', null], [null, null]]);
  await cases('wcc_age_ok', [['7004.0', true], [null, true], ['7008', false], ['abc', false]]);
});

test('dates: HES sentinels are null, not errors; impossible dates are errors', async () => {
  await cases('wcc_date', [['2008-05-01', '2008-05-01'], ['1800-01-01', null], ['1801-01-01', null], ['20080501', '2008-05-01'],
    ['01/05/2008', '2008-05-01'], ['2008-05-01 00:00:00', '2008-05-01']]);
  await cases('wcc_date_ok', [['1801-01-01', true], ['2008-13-45', false], ['yesterday', false], [null, true]]);
});

test('sex: 1/2 (or M/F) → M/F, 0 and 9 → unknown, others are errors', async () => {
  await cases('wcc_sex', [['1', 'M'], ['2', 'F'], ['0', null], ['9', null], ['m', 'M']]);
  await cases('wcc_sex_ok', [['0', true], ['9', true], ['3', false], ['X', false]]);
});

test('ICD-10 codes become four characters; procedures drop - and & padding', async () => {
  await cases('wcc_icd10', [['I10X', 'I10X'], ['I10', 'I10X'], ['I21.9', 'I219'], ['i219', 'I219'], ['-', null], ['7999', '7999'], ['K703D', 'K703']]);
  await cases('wcc_icd10_ok', [['I219', true], ['-', true], ['HELLO!', false], ['I2', false]]);
  await cases('wcc_opcs', [['-   ', null], ['&\t ', null], ['X352', 'X352'], ['8   ', '8']]);
  await cases('wcc_opcs_ok', [['-   ', true], ['W37.1', true], ['W3712', false]]);
});

test('age bands and area types of ONS files', async () => {
  await cases('wcc_age_band', [['All ages', 'all'], ['Under 1', '0'], ['1-4', '1-4'], ['90+', '90+'], ['90 and over', '90+'], ['old', null]]);
  await cases('wcc_area_type', [['E06000001', 'la'], ['E10000002', 'county'], ['E12000001', 'region'], ['E92000001', 'england'],
    ['E01000001', 'lsoa01'], ['5QC', 'pct'], ['Q30', 'sha'], ['E18000001', 'sha'], ['K04000001', 'england_wales'], ['OUTSIDE_EW', 'other']]);
});

test('the CSV delimiter comes from the header line (NHS Digital extracts are pipe-delimited)', async () => {
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const { delimiterOf } = await import('./stage.ts');
  const dir = mkdtempSync(join(tmpdir(), 'wcc-delim-'));
  try {
    const cases: [string, string][] = [['FYEAR|EPIKEY|SEX\n0809|1|2\n', '|'], ['a,b,"c|d"\n', ','], ['a\tb\tc\n', '\t'], ['single\n', ',']];
    for (const [i, [text, expected]] of cases.entries()) {
      writeFileSync(join(dir, `${i}.csv`), text);
      assert.equal(delimiterOf(join(dir, `${i}.csv`)), expected);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the fast paths agree with the general rules (FYEAR check, ICD-10, OPCS-4)', async () => {
  await cases('wcc_fyear_ok', [['0809', true], ['9900', true], ['200809', true], ['2008-09', true], ['2008/09', true],
    ['2008', false], ['0810', false], ['x', false], [null, false]]);
  await cases('wcc_icd10', [['I219', 'I219'], ['I10X', 'I10X'], ['I10', 'I10X'], ['-', null], [' i21.9 ', 'I219'], ['I219D', 'I219']]);
  await cases('wcc_icd10_ok', [['I219', true], ['-', true], ['i219', true], ['I21$', false]]);
  await cases('wcc_opcs', [['W401', 'W401'], ['-', null], ['-   ', null], ['w40.1', 'W401'], ['&\t ', null]]);
  await cases('wcc_opcs_ok', [['W401', true], ['-', true], ['W40123', false], ['W4$', false]]);
});
