// The artificial HES files as they are (../shared/data/hes): they import, link by PSEUDO_HESID into
// person-level events, and, spanning years that are not consecutive, training says why it cannot run.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLinkage, type Linkage } from './linkage.ts';
import { trainModel } from './train.ts';
import { landFiles } from './testing/synthetic-warehouse.ts';

const HES = new URL('../../../shared/data/hes/', import.meta.url).pathname;
let dataDir: string;
let link: Linkage;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'wcc-needs-artificial-'));
  await landFiles([
    [join(HES, 'artificial_hes_apc_0102.csv'), 'hes-apc'], [join(HES, 'artificial_hes_apc_0809_first23rows.csv'), 'hes-apc'],
    [join(HES, 'artificial_hes_op_0304_first1000.csv'), 'hes-op'], [join(HES, 'artificial_hes_ae_0708_first1000.csv'), 'hes-ae'],
  ], dataDir);
  link = await openLinkage({ dataDir, memoryLimit: '512MB' });
});
after(() => { link?.close(); rmSync(dataDir, { recursive: true, force: true }); });

test('artificial HES records link into person-level events with their settings', async () => {
  const rows = await link.duck.all<{ setting: string; n: number; people: number }>(
    'SELECT setting, count(*) AS n, count(DISTINCT person_id) AS people FROM events GROUP BY setting ORDER BY setting');
  assert.deepEqual(rows.map((r) => r.setting), ['ae', 'apc', 'op']);
  for (const r of rows) assert.ok(r.n > 0 && r.people > 0 && r.people <= r.n);
  const [neg] = await link.duck.all<{ n: number }>('SELECT count(*) AS n FROM events WHERE cost < 0 OR cost IS NULL');
  assert.equal(neg!.n, 0);
});

test('training explains that it needs three consecutive financial years', async () => {
  await assert.rejects(trainModel(link), /at least three financial years/);
});
