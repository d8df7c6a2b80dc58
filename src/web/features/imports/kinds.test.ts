import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IMPORT_KINDS } from '../../../analytics/import/spec.ts';
import { specFor } from '../../../analytics/import/kinds.ts';
import { importKinds, kindInfo } from './kinds.ts';

test('the form offers exactly the kinds the importer accepts, in its order', () => {
  assert.deepEqual(importKinds.map((k) => k.kind), [...IMPORT_KINDS]);
});

test('each kind\'s expected format names every column the importer requires', () => {
  for (const info of importKinds) {
    if (info.kind === 'indicator-values') continue; // its columns come from the mapping
    const spec = specFor(info.kind as (typeof IMPORT_KINDS)[number], 'imd2007_lsoa01_england.csv', {});
    for (const column of spec.columns.filter((c) => c.required)) {
      assert.ok(info.format.toLowerCase().includes(column.name.toLowerCase()), `${info.kind}: "${info.format}" does not name ${column.name}`);
    }
  }
});

test('options appear only for the kinds that use them', () => {
  assert.deepEqual(kindInfo('indicator-values')?.options, ['mapping']);
  assert.deepEqual(kindInfo('imd')?.options, ['imdYear']);
  assert.deepEqual(kindInfo('hes-ae')?.options, []);
  assert.equal(kindInfo('nonsense'), undefined);
});
