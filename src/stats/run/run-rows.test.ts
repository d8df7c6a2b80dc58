import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseCsvText, csvObjects } from '../io/csv-text.ts';
import { runStatsOnRows } from './run-rows.ts';
import { STATS_METHODS } from './options.ts';

const load = (f: string) => csvObjects(parseCsvText(readFileSync('/work/shared/validation/phe/' + f, 'utf8')));

test('life expectancy through the engine (grouped by case and area) matches the R output', async () => {
  const expected = load('life_expectancy_expected.csv');
  const out = await runStatsOnRows('life-expectancy', load('life_expectancy_input.csv').filter((r) => r.case === 'LE2_widecis_and_deaths_gt_pops'),
    { groupBy: ['case', 'area'], confidence: [95, 99.8] });
  assert.ok(out.columns.includes('lower99_8cl'));
  assert.equal(out.rows.length, 40);
  for (const cells of out.rows) {
    const row = Object.fromEntries(out.columns.map((c, i) => [c, cells[i]]));
    const e = expected.find((x) => x.case === row.case && x.area === row.area && Number(x.startage) === row.startage)!;
    for (const c of ['value', 'lower95_0cl', 'upper99_8cl', 'pops_used']) {
      const want = e[`r_${c}`];
      if (want === '') assert.equal(row[c], null, `${row.area} ${row.startage} ${c}`);
      else assert.ok(Math.abs((row[c] as number) - Number(want)) <= 1e-6 * Math.abs(Number(want)), `${row.area} ${row.startage} ${c}`);
    }
  }
});

test('quantiles through the engine keep input order and read invert from a column', async () => {
  const rows = load('quantile.csv').filter((r) => r.case === 'Q1');
  const out = await runStatsOnRows('quantile', rows, { groupBy: ['IndSexRef', 'ParentCode'], invert: 'Polarity', map: { value: 'Value' } });
  const qi = out.columns.indexOf('quantile');
  out.rows.forEach((cells, i) => assert.equal(cells[qi], rows[i].r_quantile === '' ? null : Number(rows[i].r_quantile), `row ${i}`));
});

test('every documented method is reachable through the shared engine', async () => {
  const inputs: Record<string, [Record<string, string | number>[], object]> = {
    proportion: [[{ x: 5, n: 100 }], {}], rate: [[{ x: 5, n: 100 }], {}], mean: [[{ x: 1 }, { x: 3 }], {}],
    dsr: [load('dsr_input.csv'), { groupBy: ['area'] }],
    isratio: [load('isr_input.csv'), { groupBy: ['area'] }], israte: [load('isr_input.csv'), { groupBy: ['area'] }],
    'life-expectancy': [load('life_expectancy_input.csv').filter((r) => r.case === 'LE1_reference'), {}],
    quantile: [[1, 2, 3, 4, 5].map((v) => ({ value: v })), { quantiles: 5 }],
    sii: [[1, 2, 3, 4, 5].map((q) => ({ quantile: q, population: 100, value: 50 - 5 * q, se: 1 })), { repetitions: 1000, rii: true }],
    'funnel-limits': [[{ numerator: 5, denominator: 100 }, { numerator: 30, denominator: 400 }], { statistic: 'proportion' }],
    'funnel-significance': [[{ numerator: 5, denominator: 100 }, { numerator: 30, denominator: 400 }], { statistic: 'proportion' }],
    'funnel-points': [[{ numerator: 50, rate: 500 }], { rateType: 'dsr' }],
    compare: [[{ area_code: 'A', value: 40, lowercl: 38, uppercl: 42, benchmark: 50 }], { confidence: [95] }],
    trend: [[10, 12, 14, 16, 18].map((v) => ({ value: v, lower95_0cl: v - 1, upper95_0cl: v + 1 })), {}],
    spc: [[10, 12, 11, 13, 12].map((value) => ({ value })), {}],
    targets: [[{ value: 10 }, { value: 20 }, { value: 30 }, { value: 40 }], { mode: 'stretch', baseline: 25 }],
    overdispersion: [[0.1, 0.2, 0.3].map((value) => ({ value, se: 0.05 })), {}],
    agi: [[0.1, 0.5, 0.9].map((r) => ({ national_rank: r, population: 10, value: 5 + 10 * r, se: 1 })), { repetitions: 100 }],
    peers: [[{ code: 'A', imd: 1 }, { code: 'B', imd: 2 }], { area: 'A', variables: ['imd'], k: 1 }],
    kappa: [[{ rater_a: '1', rater_b: '1' }, { rater_a: '2', rater_b: '1' }, { rater_a: '2', rater_b: '2' }], {}],
    competency: [[{ level: 2 }, { level: 3 }], {}],
    'rag-rollup': [[{ rating: 'green' }, { rating: 'amber' }], {}],
    'metric-score': [[{ value: 12 }], { thresholds: [10, 20, 30] }],
    segments: [[{ code: 'A', score: 1 }, { code: 'B', score: 3 }], { cutPoints: [1.5, 2.5, 3.5] }],
  };
  for (const method of STATS_METHODS) {
    const [rows, options] = inputs[method];
    const out = await runStatsOnRows(method, rows, options);
    assert.ok(out.rows.length > 0, method);
    assert.ok(out.rows.some((r) => r.some((c) => typeof c === 'number' || (typeof c === 'string' && c.length > 0))), method);
  }
});
