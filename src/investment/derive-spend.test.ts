import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ActivityCosts, deriveProgrammeSpend } from './derive-spend.ts';
import { loadProgrammeCategories } from './programmes.ts';

const tariff = new Map([
  ['EB10Z', { hrg: 'EB10Z', description: 'MI', setting: 'emergency', programme: 'Circulation', cost: 2000, trimDays: 5, excessBedDay: 200 }],
  ['OPFUZ', { hrg: 'OPFUZ', description: 'OP', setting: 'op_followup', programme: 'Other', cost: 100, trimDays: 0, excessBedDay: 0 }],
]);

test('costs a spell once, with excess bed days, by primary diagnosis, and grosses up by the non-hospital share', () => {
  const c = new ActivityCosts(tariff, loadProgrammeCategories());
  const base = { FYEAR: '0809', PCTCODE_HIS: '5C2', SUSHRG: 'EB10Z', DIAG_4_01: 'I219', CLASSPAT: '1' };
  assert.equal(c.add('apc', { ...base, EPIORDER: '1', SPELDUR: '8' }), 2000 + 3 * 200);
  assert.equal(c.add('apc', { ...base, EPIORDER: '2', SPELDUR: '8' }), 0);
  assert.equal(c.add('apc', { ...base, EPIORDER: '1', SPELDUR: '0', CLASSPAT: '2' }), 1600);
  assert.equal(c.add('op', { FYEAR: '0809', PCTCODE_HIS: '5C2', SUSHRG: 'OPFUZ', ATTENDED: '5' }), 100);
  assert.equal(c.add('op', { FYEAR: '0809', PCTCODE_HIS: '5C2', SUSHRG: 'OPFUZ', ATTENDED: '2' }), 0);
  const rows = c.toSpend(new Map([['10', 0.2], ['23', 0.5]]));
  assert.deepEqual(rows, [
    { orgCode: '5C2', year: '2008-09', programme: '10', spend: Math.round(4200 / 0.8) },
    { orgCode: '5C2', year: '2008-09', programme: '23', spend: 200 },
  ]);
});

test('reads HES files by name and refuses a file it cannot place', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'derive-'));
  try {
    const apc = join(dir, 'hes_apc_0809.csv');
    writeFileSync(apc, 'FYEAR,EPIORDER,SPELDUR,CLASSPAT,PCTCODE_HIS,DIAG_4_01,SUSHRG\n0809,1,1,1,5C2,J440,DZ21Z\n');
    const rows = await deriveProgrammeSpend([apc]);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.programme, '11');
    assert.ok(rows[0]!.spend > 0);
    await assert.rejects(deriveProgrammeSpend([join(dir, 'mystery.csv')]), /cannot tell/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
