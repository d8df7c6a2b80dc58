import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openDuck, sqlLiteral } from '../duckdb.ts';
import { loadReferenceData, sharedDataDir } from '../generator/reference-data.ts';
import { builtinLaPct } from '../import/reference/imd.ts';
import { BUILTIN_LA_PCT } from '../import/reference/la-pct.ts';
import { LA_PCT_FILE, pctOfSmallArea, readLaPct, smallAreaPctSql } from './la-pct.ts';

const ref = loadReferenceData();
const table = readLaPct();
const imd2007 = join(sharedDataDir(), 'reference/imd2007_lsoa01_england.csv');
const imd2010 = join(sharedDataDir(), 'reference/imd2010_lsoa01_england_scores.csv');

/** Small area → PCT as the importer's SQL rule gives it for an IMD file (every LSOA of every LA). */
async function importerSmallAreaPcts(file: string, laColumn: string): Promise<Map<string, string>> {
  const duck = await openDuck({ threads: 1, memoryLimit: '256MB' });
  try {
    const rows = await duck.all<{ lsoa: string; pct: string | null }>(`
      SELECT i.lsoa01_code AS lsoa, ${smallAreaPctSql('lp', `upper(i.${laColumn})`, 'i.lsoa01_code')} AS pct
      FROM read_csv(${sqlLiteral(file)}, all_varchar = true) i
      LEFT JOIN read_csv(${sqlLiteral(LA_PCT_FILE)}, all_varchar = true) lp ON lp.la_code = upper(i.${laColumn})`);
    return new Map(rows.map((r) => [r.lsoa, r.pct ?? '']));
  } finally {
    duck.close();
  }
}

test('one LA → PCT table: the importer reads the same file as the generator, one row per LA, PCTs of 2008/09', () => {
  assert.equal(BUILTIN_LA_PCT, LA_PCT_FILE);
  const codes = table.map((e) => e.laCode);
  assert.equal(new Set(codes).size, codes.length, 'no LA twice');
  const pcts = new Set(ref.pcts.map((p) => p.code));
  for (const e of table) for (const p of [e.pctCode, ...e.splitPctCodes]) assert.ok(pcts.has(p), `${e.laCode} ${e.laName}: ${p} is not a 2008/09 PCT`);
  // the 354 LAs of 2007 (every one the generator populates) and the 10 unitaries of 2009
  assert.equal(new Set(ref.areas.map((a) => a.ladCode)).size, 354);
  assert.equal(table.length, 364);
});

test('the generator and the importer agree on every LA (split LAs: listed under the first PCT of the split)', () => {
  const importer = new Map(builtinLaPct().map((r) => [r.la_code, r]));
  const entries = new Map(table.map((e) => [e.laCode, e]));
  const generated = new Map<string, string[]>();
  for (const a of [...ref.areas].sort((x, y) => x.lsoa.localeCompare(y.lsoa))) {
    const list = generated.get(a.ladCode) ?? [];
    if (list[list.length - 1] !== a.pctCode) list.push(a.pctCode);
    generated.set(a.ladCode, list);
  }
  for (const [la, pctsInOrder] of generated) {
    const imp = importer.get(la);
    assert.ok(imp, `${la} missing from the importer's table`);
    const e = entries.get(la)!;
    if (e.splitPctCodes.length === 0) assert.deepEqual(pctsInOrder, [imp.pct_code], `${la} ${e.laName}`);
    else {
      assert.equal(imp.match, 'split');
      assert.deepEqual(pctsInOrder, e.splitPctCodes, `${la} ${e.laName}: generator's PCTs in LSOA order`);
      assert.equal(imp.pct_code, e.splitPctCodes[0]);
    }
  }
  // the documented exceptions
  assert.deepEqual(generated.get('00CN'), ['5PG', '5MX', '5M1']);
  assert.deepEqual(generated.get('26UH'), ['5P3']);
  assert.deepEqual(generated.get('26UK'), ['5P4']);
});

test('the SQL rule puts every one of the 32,482 small areas of IMD 2007 in the generator\'s PCT, Birmingham thirds included', async () => {
  const sql = await importerSmallAreaPcts(imd2007, 'lad07_code');
  assert.equal(sql.size, 32482);
  const differ = ref.areas.filter((a) => sql.get(a.lsoa) !== a.pctCode).map((a) => a.lsoa);
  assert.deepEqual(differ, []);
  const brum = ref.areas.filter((a) => a.ladCode === '00CN');
  const sizes = ['5PG', '5MX', '5M1'].map((p) => brum.filter((a) => a.pctCode === p).length);
  assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `Birmingham thirds ${sizes}`);
  // and the TypeScript rule is the same function of position
  const e = table.find((x) => x.laCode === '00CN')!;
  assert.deepEqual([0, brum.length - 1].map((i) => pctOfSmallArea(e, i, brum.length)), ['5PG', '5M1']);
});

test('with IMD 2010\'s 2009 LA codes only Vale Royal differs: it joined Cheshire West and Chester (listed under 5NN) but was in 5NP', async () => {
  const sql = await importerSmallAreaPcts(imd2010, 'lad09_code');
  const differ = ref.areas.filter((a) => sql.get(a.lsoa) !== a.pctCode);
  assert.deepEqual([...new Set(differ.map((a) => `${a.ladName}:${a.pctCode}→${sql.get(a.lsoa)}`))], ['Vale Royal:5NP→5NN']);
  assert.equal(differ.length, ref.areas.filter((a) => a.ladCode === '13UH').length);
  assert.equal(table.find((x) => x.laCode === '00EW')!.match, 'split');
});
