// The warehouse inventory from Parquet footers: a file of one period and import is known from its row
// groups' statistics; a file whose row group mixes periods is read; rows without a period are not a period.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { openDuck, type Duck } from '../duckdb.ts';
import { inventory } from './inventory.ts';
import { tempDataDir, writeDataset } from './testing/fixtures.ts';

let dataDir: string;
let duck: Duck;

before(async () => {
  dataDir = tempDataDir();
  duck = await openDuck({ threads: 1, memoryLimit: '512MB' });
  const apc = (fyear: string | null, importId: string) => ({ fyear, import_id: importId, epiorder: 1 });
  await writeDataset(duck, dataDir, 'apc', [apc('2008-09', 'imp-a'), apc('2008-09', 'imp-a')], 'imp-a');
  await writeDataset(duck, dataDir, 'apc', [apc('2008-09', 'imp-b'), apc('2009-10', 'imp-b'), apc(null, 'imp-b')], 'imp-b');
  await writeDataset(duck, dataDir, 'population', [{ year: 2008, import_id: 'imp-p', area_code: 'E1', population: 5 }], 'imp-p');
  await writeDataset(duck, dataDir, 'imd', [{ imd_year: 2007, import_id: 'imp-i', lsoa01: 'L1' }], 'imp-i');
});

after(() => {
  duck?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('periods and their imports, from footers where a file is uniform and from rows where it is not', async () => {
  const inv = await inventory(duck, dataDir);
  assert.deepEqual(Object.fromEntries(inv.get('apc')!), { '2008-09': ['imp-a', 'imp-b'], '2009-10': ['imp-b'] });
  assert.deepEqual(Object.fromEntries(inv.get('population')!), { 2008: ['imp-p'] });
  assert.deepEqual(Object.fromEntries(inv.get('imd')!), { all: ['imp-i'] });
  assert.equal(inv.get('op')!.size, 0, 'a dataset with no files has no periods');
});
