import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStatsCli } from './stats-run.ts';
import { parseCsvText } from '../stats/io/csv-text.ts';

const PHE = '/work/shared/validation/phe/';
const dir = mkdtempSync(join(tmpdir(), 'wcc-stats-'));

/** Runs the command with stderr captured; returns exit code and stderr text. */
async function run(method: string, opts: Record<string, string | boolean>): Promise<{ code: number; stderr: string }> {
  const original = process.stderr.write.bind(process.stderr);
  let stderr = '';
  process.stderr.write = ((s: string) => { stderr += s; return true; }) as typeof process.stderr.write;
  try {
    return { code: await runStatsCli(method, opts), stderr };
  } finally {
    process.stderr.write = original;
  }
}

test('dsr over the 1,000,008-row input matches the R output to 1e-9', async () => {
  const out = join(dir, 'dsr1m.csv');
  const r = await run('dsr', { input: PHE + 'dsr_1m_input.csv.gz', output: out, standard: 'esp2013', groupBy: 'area', confidence: '95,99.8' });
  assert.equal(r.code, 0, r.stderr);
  const ours = parseCsvText(readFileSync(out, 'utf8'));
  const ref = parseCsvText(gunzipSync(readFileSync(PHE + 'dsr_1m_r_output.csv.gz')).toString('utf8'));
  assert.equal(ours.rows.length, ref.rows.length);
  const byArea = new Map(ours.rows.map((row) => [row[0], row]));
  let checked = 0;
  for (const refRow of ref.rows) {
    const row = byArea.get(refRow[0]);
    assert.ok(row, `area ${refRow[0]} present`);
    for (let c = 1; c < ref.header.length; c++) {
      const i = ours.header.indexOf(ref.header[c]);
      const e: number = refRow[c] === '' ? NaN : Number(refRow[c]);
      const a: number = row![i] === '' ? NaN : Number(row![i]);
      if (Number.isNaN(e)) assert.ok(Number.isNaN(a), `${refRow[0]} ${ref.header[c]} NA`);
      else if (Math.abs(a - e) > 1e-9 * Math.abs(e)) assert.fail(`${refRow[0]} ${ref.header[c]}: ${a} vs ${e}`);
      checked++;
    }
  }
  assert.ok(checked > 52632 * 6);
});

function csv(name: string, text: string): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

const BANDS = ['0-4', '5-9', '10-14', '15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49', '50-54', '55-59', '60-64', '65-69', '70-74', '75-79', '80-84', '85-89', '90+'];

for (const [label, method, text, opts, expect] of [
  ['a negative count', 'rate', 'area,x,n\nA,5,100\nB,-1,100\n', {}, /row 2, column "x": negative value -1/],
  ['x greater than n for a proportion', 'proportion', 'x,n\n101,100\n', {}, /row 1, column "x": numerator 101 is greater than denominator 100/],
  ['a non-numeric cell', 'rate', 'x,n\n5,abc\n', {}, /row 1, column "n": "abc" is not a number/],
  ['an unknown group-by column', 'rate', 'x,n\n5,10\n', { groupBy: 'area' }, /column "area": unknown column "area" in --group-by/],
  ['a missing required column', 'mean', 'value\n5\n', {}, /column "x": required column "x" not found/],
  ['a duplicate age band', 'dsr', `area,ageband,count,pop\n${BANDS.map((b) => `A,${b},5,100`).join('\n')}\nA,0-4,1,10\n`, { standard: 'esp2013', groupBy: 'area' }, /row 20, column "ageband": duplicate age band 0-4/],
  ['a missing age band', 'dsr', `area,ageband,count,pop\n${BANDS.slice(1).map((b) => `A,${b},5,100`).join('\n')}\n`, { standard: 'esp2013', groupBy: 'area' }, /group A is missing age bands 0-4/],
] as const) {
  test(`rejects ${label} with exit code 2, naming file, row and column, writing nothing`, async () => {
    const input = csv(`bad-${method}.csv`, text);
    const out = join(dir, `bad-${method}-out.csv`);
    const r = await run(method, { input, output: out, ...opts });
    assert.equal(r.code, 2);
    assert.match(r.stderr, expect);
    assert.ok(r.stderr.includes(input), 'names the file');
    assert.equal(existsSync(out), false, 'no partial output');
  });
}

test('writes shortest round-trip numbers, published CI names and a note for suppressed rows', async () => {
  const input = csv('dsr-small.csv', `area,ageband,count,pop\n${BANDS.map((b) => `A,${b},5,100`).join('\n')}\n${BANDS.map((b) => `B,${b},0,100`).join('\n')}\n`);
  const out = join(dir, 'dsr-small-out.csv');
  const r = await run('dsr', { input, output: out, standard: 'esp2013', groupBy: 'area' });
  assert.equal(r.code, 0, r.stderr);
  const t = parseCsvText(readFileSync(out, 'utf8'));
  assert.deepEqual(t.header, ['area', 'total_count', 'total_pop', 'value', 'lowercl', 'uppercl', 'note']);
  assert.equal(t.rows[0][3], String(5000));
  assert.equal(t.rows[1][3], '');
  assert.equal(t.rows[1][6], 'dsr NA for total count < 10');
});
