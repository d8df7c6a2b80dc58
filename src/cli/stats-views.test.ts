/** Sections 13–20 and the option gaps (ISR observed totals, SII intercept) through `wcc stats`. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStatsCli } from './stats-run.ts';
import { parseCsvText } from '../stats/io/csv-text.ts';
import { STATS_METHODS } from '../stats/run/options.ts';

const dir = mkdtempSync(join(tmpdir(), 'wcc-stats-views-'));
const root = join(import.meta.dirname, '..', '..');

function csv(name: string, text: string): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

/** Runs in-process with stderr captured; returns exit code, stderr and the output table. */
async function run(method: string, text: string, opts: Record<string, string | boolean> = {}) {
  const input = csv(`${method}-${Math.random().toString(36).slice(2)}.csv`, text);
  const output = `${input}.out.csv`;
  const original = process.stderr.write.bind(process.stderr);
  let stderr = '';
  process.stderr.write = ((s: string) => { stderr += s; return true; }) as typeof process.stderr.write;
  let code: number;
  try {
    code = await runStatsCli(method, { input, output, ...opts });
  } finally {
    process.stderr.write = original;
  }
  const table = existsSync(output) ? parseCsvText(readFileSync(output, 'utf8')) : null;
  const col = (name: string) => table!.rows.map((r) => r[table!.header.indexOf(name)]);
  return { code, stderr, table, col, input, output };
}

test('compare: CI against the benchmark at two levels, per group, with polarity', async () => {
  const r = await run('compare', 'period,area_code,value,lower95_0cl,upper95_0cl,lower99_8cl,upper99_8cl,benchmark\n'
    + '2008,A,40,38,42,36,44,50\n2008,B,49,45,53,43,55,50\n2009,A,60,58,62,56,64,50\n', { groupBy: 'period', polarity: 'high-is-good', confidence: '95,99.8' });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.table!.header, ['period', 'area_code', 'comparison', 'outcome', 'rag']);
  assert.deepEqual(r.col('outcome'), ['worst', 'similar', 'best']);
  assert.deepEqual(r.col('rag'), ['red', 'amber', 'green']);
});

test('compare: quintiles rank within each group', async () => {
  const r = await run('compare', `g,area_code,value\n${[1, 2, 3, 4, 5].map((v) => `X,a${v},${v}`).join('\n')}\n${[5, 4, 3, 2, 1].map((v) => `Y,b${v},${v * 10}`).join('\n')}\n`,
    { groupBy: 'g', method: 'quintiles', polarity: 'low-is-good' });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.col('quantile'), ['1', '2', '3', '4', '5', '5', '4', '3', '2', '1']);
  assert.deepEqual(r.col('outcome').slice(0, 5), ['best', 'better', 'middle', 'worse', 'worst']);
});

test('trend: increasing and getting worse for low-is-good', async () => {
  const r = await run('trend', `period,value,lower95_0cl,upper95_0cl\n${[10, 12, 14, 16, 18].map((v, i) => `${2004 + i},${v},${v - 0.98},${v + 0.98}`).join('\n')}\n`, { polarity: 'low-is-good' });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.col('marker'), ['increasing-and-getting-worse']);
  assert.equal(Number(r.col('slope')[0]), 2);
});

test('spc: limits, rules and assurance per group; --no-screen-outliers reaches the method', async () => {
  const rows = [10, 12, 11, 13, 12];
  const r = await run('spc', `unit,value\n${rows.map((v) => `U1,${v}`).join('\n')}\n${rows.map((v) => `U2,${v * 2}`).join('\n')}\n`, { groupBy: 'unit', polarity: 'high-is-good', target: '16' });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.table!.rows.length, 10);
  assert.ok(Math.abs(Number(r.col('upper_limit')[4]) - 15.59) < 1e-9);
  assert.ok(Math.abs(Number(r.col('upper_limit')[9]) - 31.18) < 1e-9);
  assert.deepEqual([r.col('assurance')[4], r.col('assurance')[9]], ['consistently-fail', 'inconsistent']); // U2: 23.2 ± 7.98 holds 16
  const spike = [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 40, 10];
  const screened = await run('spc', `value\n${spike.join('\n')}\n`);
  const kept = await run('spc', `value\n${spike.join('\n')}\n`, { screenOutliers: false });
  assert.equal(kept.code, 0, kept.stderr);
  assert.ok(Number(kept.col('upper_limit')[0]) > Number(screened.col('upper_limit')[0]), 'unscreened moving ranges widen the limits');
});

test('targets: linear trajectory milestones and stretch proposals', async () => {
  const t = await run('targets', 'value\n', { baseline: '100', target: '80', years: '5' });
  assert.equal(t.code, 0, t.stderr);
  assert.deepEqual(t.col('milestone'), ['100', '96', '92', '88', '84', '80']);
  const s = await run('targets', `value\n${[10, 20, 30, 40, 50].join('\n')}\n`, { mode: 'stretch', baseline: '25', polarity: 'high-is-good' });
  assert.equal(s.code, 0, s.stderr);
  assert.equal(s.col('target')[s.col('basis').indexOf('best-observed')], '50');
  const bad = await run('targets', 'value\n', { target: '80' });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /option baseline is required/);
});

test('overdispersion: phi and widened limits', async () => {
  const r = await run('overdispersion', `value,se\n${[0.1, 0.2, 0.3, 0.4, 0.5].map((v) => `${v},0.05`).join('\n')}\n`, { theta: '0.3' });
  assert.equal(r.code, 0, r.stderr);
  assert.ok(Math.abs(Number(r.col('phi')[0]) - 5.696) < 1e-9);
  assert.ok(r.table!.header.includes('upper99_8cl'));
});

test('agi: slope on national positions, seeded limits reproducible', async () => {
  const text = `national_rank,population,value,se\n${[0.1, 0.5, 0.9].map((p) => `${p},10,${5 + 10 * p},0.5`).join('\n')}\n`;
  const a = await run('agi', text, { repetitions: '1000', seed: '7', confidence: '95' });
  const b = await run('agi', text, { repetitions: '1000', seed: '7', confidence: '95' });
  assert.equal(a.code, 0, a.stderr);
  assert.ok(Math.abs(Number(a.col('agi')[0]) - 10) < 1e-9);
  assert.deepEqual(a.table, b.table);
  assert.ok(Number(a.col('agi_lowercl')[0]) < 10 && Number(a.col('agi_uppercl')[0]) > 10);
});

test('peers: nearest areas with --map and --variables', async () => {
  const r = await run('peers', 'org,imd,age\nA,1,30\nB,2,31\nC,9,60\n', { map: 'code=org', area: 'A', variables: 'imd,age', k: '1' });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.col('peer'), ['B']);
  assert.ok(r.table!.header.includes('contribution_age'));
});

test('kappa: per panel, with weights', async () => {
  const pairs = [['1', '1'], ['1', '2'], ['2', '2'], ['2', '2']];
  const r = await run('kappa', `panel,rater_a,rater_b\n${pairs.map(([a, b]) => `P,${a},${b}`).join('\n')}\n${pairs.map(([a]) => `Q,${a},${a}`).join('\n')}\n`, { groupBy: 'panel', weights: 'linear' });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.col('panel'), ['P', 'Q']);
  assert.ok(Math.abs(Number(r.col('kappa')[0]) - 0.5) < 1e-12);
  assert.equal(Number(r.col('kappa')[1]), 1);
});

test('competency: level by rule per competency', async () => {
  const text = 'competency,level\nC1,2\nC1,2\nC1,4\nC1,4\nC2,1\nC2,4\n';
  const median = await run('competency', text, { groupBy: 'competency' });
  assert.equal(median.code, 0, median.stderr);
  assert.deepEqual(median.col('level'), ['2', '1']);
  const mean = await run('competency', text, { groupBy: 'competency', rule: 'floor-of-mean' });
  assert.deepEqual(mean.col('level'), ['3', '2']);
});

test('rag-rollup: any red → red, all green → green, else amber', async () => {
  const r = await run('rag-rollup', 'area,rating\nA,green\nA,amber\nB,green\nB,Red\nC,green\n', { groupBy: 'area' });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.col('rating'), ['amber', 'red', 'green']);
  const bad = await run('rag-rollup', 'rating\ngreen\npurple\n');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /row 2, column "rating": "purple" is not red, amber or green/);
});

test('metric-score and segments: scores 1–4, mean → segment, overrides and league rank', async () => {
  const m = await run('metric-score', 'code,value\nA,35\nB,25\nC,15\nD,5\n', { thresholds: '10,20,30', polarity: 'high-is-good' });
  assert.equal(m.code, 0, m.stderr);
  assert.deepEqual(m.col('score'), ['1', '2', '3', '4']);
  const s = await run('segments', 'code,score,finance_cap,intensive_support\nA,1,,\nA,1,,\nB,2,3,\nB,3,,\nC,4,,TRUE\nC,4,,\n', { cutPoints: '1.5,2.5,3.5' });
  assert.equal(s.code, 0, s.stderr);
  assert.deepEqual(s.col('code'), ['A', 'B', 'C']);
  assert.deepEqual(s.col('base_segment'), ['1', '2', '4']);
  assert.deepEqual(s.col('segment'), ['1', '3', '5']);
  assert.deepEqual(s.col('rank'), ['1', '2', '3']);
  const bad = await run('segments', 'code,score\nA,1\n', { cutPoints: '3,2,1' });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /segment cut-points must ascend/);
});

for (const [label, method, text, opts, expect] of [
  ['a non-numeric value', 'spc', 'unit,value\nU,1\nV,2\nV,x\n', { groupBy: 'unit' }, /row 3, column "value": "x" is not a number/],
  ['a missing required column', 'overdispersion', 'value\n1\n', {}, /column "se": required column "se" not found/],
  ['an empty rating', 'kappa', 'rater_a,rater_b\n1,2\n2,\n', {}, /row 2, column "rater_b": missing value/],
  ['a bad option value', 'compare', 'value\n1\n', { polarity: 'up' }, /--polarity must be one of high-is-good, low-is-good, no-judgement/],
  ['an area not among the rows', 'peers', 'code,imd\nA,1\nB,2\n', { area: 'Z', variables: 'imd' }, /area Z is not among the areas given/],
] as const) {
  test(`views reject ${label} with exit code 2 and no output`, async () => {
    const r = await run(method, text, opts);
    assert.equal(r.code, 2);
    assert.match(r.stderr, expect);
    assert.ok(r.stderr.includes(r.input), 'names the file');
    assert.equal(r.table, null, 'no partial output');
  });
}

const ISR = 'area,band,pop,refcount,refpop\nA,1,1000,50,10000\nA,2,2000,200,20000\nB,1,500,50,10000\nB,2,500,200,20000\n';

test('isratio with --observed-totals uses the totals in place of the count column', async () => {
  const totals = csv('totals.csv', 'area,count\nB,12\nA,30\n');
  const r = await run('isratio', ISR, { groupBy: 'area', observedTotals: totals });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.col('observed'), ['30', '12']);
  // expected A = 50/10000·1000 + 200/20000·2000 = 25; B = 2.5 + 5 = 7.5
  assert.deepEqual(r.col('value').map(Number), [30 / 25, 12 / 7.5]);
  const withCounts = await run('isratio', 'area,band,count,pop,refcount,refpop\nA,1,10,1000,50,10000\nA,2,20,2000,200,20000\n', { groupBy: 'area' });
  assert.equal(withCounts.col('value')[0], r.col('value')[0], 'same result as age-specific counts summing to the total');
});

test('israte with --observed-totals: a group without a total is NA with a note; bad totals name the totals file', async () => {
  const r = await run('israte', ISR, { groupBy: 'area', observedTotals: csv('totals-a.csv', 'area,count\nA,30\n') });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.col('value')[1], '');
  assert.equal(r.col('note')[1], 'no observed total for this group');
  const totals = csv('totals-bad.csv', 'area,count\nA,30\nB,-4\n');
  const bad = await run('israte', ISR, { groupBy: 'area', observedTotals: totals });
  assert.equal(bad.code, 2);
  assert.ok(bad.stderr.includes(`${totals}, row 2, column "count": negative value -4`), bad.stderr);
  assert.equal(bad.table, null);
});

test('sii --intercept reports the intercept β₀ (identity scale)', async () => {
  // value = 50 − 5q over equal quintiles: relative ranks 0.1…0.9, so value = 47.5 − 25·b: β₀ = 47.5, SII = −25
  const text = `quantile,population,value,se\n${[1, 2, 3, 4, 5].map((q) => `${q},100,${50 - 5 * q},1`).join('\n')}\n`;
  const r = await run('sii', text, { intercept: true, repetitions: '100' });
  assert.equal(r.code, 0, r.stderr);
  assert.ok(Math.abs(Number(r.col('intercept')[0]) - 47.5) < 1e-9);
  assert.ok(Math.abs(Number(r.col('sii')[0]) + 25) < 1e-9);
});

/** `wcc stats` through bin/wcc.js as its own process: exit codes and help. */
function wcc(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [join(root, 'bin', 'wcc.js'), ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
}

test('bin/wcc.js stats --help lists every method with its columns and options', () => {
  const r = wcc(['stats', '--help']);
  assert.equal(r.status, 0, r.stderr);
  for (const m of STATS_METHODS) assert.match(r.stdout, new RegExp(`\\n  ${m} +\\S`), `lists ${m}`);
  assert.match(r.stdout, /columns: rater_a, rater_b/);
  assert.match(r.stdout, /--observed-totals <file>/);
  assert.match(r.stdout, /options: .*--intercept/);
});

test('bin/wcc.js stats: 0 on success (stdout CSV), 2 on bad input with nothing written', () => {
  const ok = wcc(['stats', 'kappa', '--input', csv('k.csv', 'rater_a,rater_b\n1,1\n2,2\n1,2\n')]);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /^kappa,observed_agreement,expected_agreement,n\n/);
  const out = join(dir, 'never.csv');
  const bad = wcc(['stats', 'spc', '--input', csv('s.csv', 'value\n1\nabc\n'), '--output', out]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /row 2, column "value": "abc" is not a number/);
  assert.equal(existsSync(out), false);
  const unknown = wcc(['stats', 'nope', '--input', csv('n.csv', 'x\n1\n')]);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown method "nope"/);
});
