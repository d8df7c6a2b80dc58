import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { splitCsvLine, readCsvRecords } from './csv-lines.js';
import { generateEngland } from './generate-england.js';
import { loadReferenceData, sharedDataDir } from './reference-data.js';

const ref = loadReferenceData();
const tmp = (name: string) => mkdtempSync(join(tmpdir(), `wcc-gen-${name}-`));

test('the 2008/09 PCT set is 152 PCTs under 10 SHAs, every PCT populated through small areas', () => {
  assert.equal(ref.pcts.length, 152);
  assert.equal(new Set(ref.pcts.map((p) => p.shaCode)).size, 10);
  const codes = new Set(ref.pcts.map((p) => p.code));
  assert.ok(!codes.has('5QV') && codes.has('5P3') && codes.has('5P4'));
  assert.equal(ref.areas.length, 32482);
  const populated = new Set(ref.areas.map((a) => a.pctCode));
  assert.deepEqual([...populated].sort(), [...codes].sort());
  // Hertfordshire: Stevenage is East and North, Watford is West
  assert.equal(ref.areas.find((a) => a.ladName === 'Stevenage')!.pctCode, '5P3');
  assert.equal(ref.areas.find((a) => a.ladName === 'Watford')!.pctCode, '5P4');
});

test('the same seed writes byte-identical files; another seed does not', () => {
  const opts = { people: 4000, firstYear: 2007, lastYear: 2008, reference: ref };
  const a = generateEngland({ ...opts, seed: 11, outDir: tmp('a') });
  const b = generateEngland({ ...opts, seed: 11, outDir: tmp('b') });
  const c = generateEngland({ ...opts, seed: 12, outDir: tmp('c') });
  const hashes = (r: typeof a) => r.files.map((f) => `${f.file.split('/').pop()}:${f.sha256}`);
  assert.deepEqual(hashes(a), hashes(b));
  const apc = (r: typeof a) => r.files.find((f) => f.file.endsWith('hes_apc_0809.csv'))!.sha256;
  assert.notEqual(apc(a), apc(c));
});

test('HES files use the real HES column names and conventions', () => {
  const dir = tmp('fmt');
  generateEngland({ people: 6000, firstYear: 2008, lastYear: 2008, seed: 5, outDir: dir, reference: ref });
  const realHeader = (f: string) => new Set(splitCsvLine(readFileSync(join(sharedDataDir(), 'hes', f), 'utf8').split('\n')[0]));
  for (const [mine, real] of [['hes_apc_0809.csv', 'artificial_hes_apc_0809_first23rows.csv'], ['hes_op_0809.csv', 'artificial_hes_op_0304_first1000.csv'], ['hes_ae_0809.csv', 'artificial_hes_ae_0708_first1000.csv']]) {
    const lines = readFileSync(join(dir, mine), 'utf8').trimEnd().split('\n');
    const header = splitCsvLine(lines[0]);
    const known = realHeader(real);
    for (const col of header) assert.ok(known.has(col), `${mine}: ${col} is not a real HES column`);
    assert.ok(lines.length > 50, `${mine} has rows`);
    for (const line of lines.slice(1)) assert.equal(splitCsvLine(line).length, header.length);
  }
  const apc = readCsvRecords(join(dir, 'hes_apc_0809.csv'));
  for (const r of apc) {
    assert.equal(r.FYEAR, '0809');
    assert.match(r.ADMIDATE, /^\d{4}-\d{2}-\d{2}$/);
    assert.match(r.DIAG_4_01, /^[A-Z]\d{2}[0-9X]$/);
    assert.ok(r.ADMIDATE >= '2008-04-01' || r.DISDATE >= '2008-04-01');
    assert.ok(r.DISDATE >= '2008-04-01' && r.DISDATE <= '2009-03-31');
    assert.match(r.ADMIMETH, /^(1[123]|2[1-8]|3[12])$/);
    assert.ok(['1', '2', '9'].includes(r.SEX));
  }
  const ae = readCsvRecords(join(dir, 'hes_ae_0809.csv'));
  const within4h = ae.filter((r) => Number(r.DEPDUR) <= 240).length / ae.length;
  assert.ok(within4h > 0.93 && within4h < 0.995, `A&E within 4 hours ${within4h}`);
  const deaths = readCsvRecords(join(dir, 'deaths_2008.csv'));
  assert.ok(deaths.length > 20);
  for (const d of deaths) assert.match(d.underlying_cause, /^[A-Z]\d{2}[0-9X]$/);
  const pop = readCsvRecords(join(dir, 'population_2008.csv'));
  assert.deepEqual(Object.keys(pop[0]), ['year', 'area_code', 'area_name', 'sex', 'age_band', 'population']);
});
