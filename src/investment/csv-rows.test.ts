import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isFinancialYear, parseOutcomeCsv, parsePopulationCsv, parseSpendCsv } from './csv-rows.ts';

const programmes = new Set(Array.from({ length: 23 }, (_, i) => String(i + 1)));

test('reads spend rows, with £ signs and thousands separators allowed', () => {
  const r = parseSpendCsv('org_code,year,programme,spend_gbp\n5C2,2008-09,10,"£31,200,000"\n5C2,2008-09,2,25000000\n', programmes);
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.rows, [{ orgCode: '5C2', year: '2008-09', programme: '10', spend: 31_200_000 }, { orgCode: '5C2', year: '2008-09', programme: '2', spend: 25_000_000 }]);
});

test('names the line and column of every bad spend row', () => {
  const r = parseSpendCsv('org_code,year,programme,spend_gbp\n5C2,2008-10,10,1\n5C2,2008-09,99,1\n5C2,2008-09,3,lots\n', programmes);
  assert.deepEqual(r.errors.map((e) => [e.line, e.column]), [[2, 'year'], [3, 'programme'], [4, 'spend_gbp']]);
  assert.match(r.errors[1]!.message, /no programme budgeting category "99"/);
});

test('refuses a missing column and a repeated row', () => {
  assert.match(parseSpendCsv('org_code,year,spend_gbp\n5C2,2008-09,1\n', programmes).errors[0]!.message, /missing column "programme"/);
  const dup = parseSpendCsv('org_code,year,programme,spend_gbp\n5C2,2008-09,1,1\n5C2,2008-09,1,2\n', programmes);
  assert.equal(dup.errors.length, 1);
  assert.equal(dup.errors[0]!.line, 3);
});

test('population rows need a known age band, a sex and a count of at least zero', () => {
  const r = parsePopulationCsv('org_code,year,age_band,sex,population\n5C2,2008-09,0-4,female,100\n5C2,2008-09,0-5,male,1\n5C2,2008-09,0-4,other,1\n5C2,2008-09,5-14,male,-3\n', new Set(['0-4', '5-14']));
  assert.equal(r.rows.length, 1);
  assert.deepEqual(r.errors.map((e) => e.column), ['age_band', 'sex', 'population']);
});

test('outcome rows and financial years', () => {
  assert.equal(parseOutcomeCsv('indicator_id,org_code,period,value\nmortality-cvd-under-75,5C2,2008,95.2\n').rows[0]!.value, 95.2);
  assert.equal(isFinancialYear('2009-10'), true);
  assert.equal(isFinancialYear('1999-00'), true);
  assert.equal(isFinancialYear('2009-11'), false);
});
