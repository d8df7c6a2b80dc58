import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseCsvText, csvObjects } from './io/csv-text.ts';
import { byarsLower, byarsUpper, wilsonLower, wilsonUpper } from './intervals.ts';
import { twoSidedZ } from './normal-quantile.ts';
import { proportion, crudeRate } from './proportion.ts';
import { MeanAccumulator } from './mean.ts';
import { addDsrBand, dsrFromSums, emptyDsrSums } from './dsr.ts';
import { addIsrBand, emptyIsrSums, isRate, isRatio } from './isr.ts';
import { lifeTable } from './life-expectancy.ts';
import { assignQuantiles } from './quantile.ts';

const DIR = '/work/shared/validation/phe/';
const load = (f: string) => csvObjects(parseCsvText(readFileSync(DIR + f, 'utf8')));
const num = (s: string | undefined) => (s === undefined || s === '' ? NaN : Number(s));

/** Asserts a relative match, treating empty/NA as NaN which must match NaN. */
function near(actual: number, expectedCell: string | undefined, rel: number, label: string): void {
  const e = num(expectedCell);
  if (Number.isNaN(e)) { assert.ok(Number.isNaN(actual), `${label}: expected NA, got ${actual}`); return; }
  const tol = rel * Math.max(Math.abs(e), 1e-300);
  assert.ok(Math.abs(actual - e) <= tol, `${label}: got ${actual}, expected ${e} (rel ${Math.abs(actual - e) / Math.abs(e)})`);
}
const levelsFor = (c: string) => (c === '' ? [0.95, 0.998] : [Number(c)]);

test('Byar\'s limits match byars_ci.csv', () => {
  for (const r of load('byars_ci.csv')) {
    const z = twoSidedZ(Number(r.confidence));
    near(byarsLower(Number(r.x), z), r.r_lower, 1e-9, `${r.case_id} lower`);
    near(byarsUpper(Number(r.x), z), r.r_upper, 1e-9, `${r.case_id} upper`);
  }
});

test('Wilson limits match wilson_ci.csv, including the 100% level', () => {
  for (const r of load('wilson_ci.csv')) {
    const c = Number(r.confidence);
    const z = twoSidedZ(c);
    near(wilsonLower(Number(r.x), Number(r.n), z, c), r.r_lower, 1e-9, `${r.case_id} lower`);
    near(wilsonUpper(Number(r.x), Number(r.n), z, c), r.r_upper, 1e-9, `${r.case_id} upper`);
  }
});

const CI4 = ['lower95_0cl', 'upper95_0cl', 'lower99_8cl', 'upper99_8cl'];

test('proportions and crude rates match proportion_wilson.csv and rate_byars_exact.csv', () => {
  for (const [file, fn] of [['proportion_wilson.csv', proportion], ['rate_byars_exact.csv', crudeRate]] as const) {
    for (const r of load(file)) {
      const est = fn(num(r.x), num(r.n), [0.95, 0.998], Number(r.multiplier));
      near(est.value, r.r_value, 1e-9, `${r.case_id} value`);
      CI4.forEach((c, i) => near(est.limits[i], r[`r_${c}`], 1e-9, `${r.case_id} ${c}`));
      if (r.r_method) assert.equal(est.method, r.r_method);
    }
  }
});

test('grouped proportions and rates (summed x, n; NA in → NA out) match the _grouped files', () => {
  for (const [file, fn] of [['proportion_wilson_grouped.csv', proportion], ['rate_byars_exact_grouped.csv', crudeRate]] as const) {
    const rows = load(file);
    assert.ok(rows.some((r) => r.x_sum === ''), 'fixture has NA cases');
    for (const r of rows) {
      const est = fn(num(r.x_sum), num(r.n_sum), [Number(r.confidence)], Number(r.multiplier));
      near(est.value, r.r_value, 1e-9, `${r.area} value`);
      near(est.limits[0], r.r_lowercl, 1e-9, `${r.area} lower`);
      near(est.limits[1], r.r_uppercl, 1e-9, `${r.area} upper`);
    }
  }
});

test('means with Student t limits match mean_expected.csv', () => {
  const input = load('mean_input.csv');
  for (const r of load('mean_expected.csv')) {
    const acc = new MeanAccumulator();
    for (const row of input) if (r.group === 'No grouping' || row.area === r.group) acc.add(Number(row.values));
    const m = acc.result([0.95, 0.998]);
    near(m.valueSum, r.r_value_sum, 1e-9, `${r.group} sum`);
    near(m.valueCount, r.r_value_count, 0, `${r.group} count`);
    near(m.stdev, r.r_stdev, 1e-9, `${r.group} sd`);
    near(m.value, r.r_value, 1e-9, `${r.group} value`);
    CI4.forEach((c, i) => near(m.limits[i], r[`r_${c}`], 1e-9, `${r.group} ${c}`));
  }
});

test('DSRs with Dobson limits match dsr_expected.csv, including suppression below 10 events', () => {
  const input = load('dsr_input.csv');
  let checked = 0;
  for (const r of load('dsr_expected.csv').filter((e) => e.input_file === 'dsr_input.csv')) {
    const s = emptyDsrSums();
    for (const row of input) if (row.area === r.area) addDsrBand(s, num(row.count), Number(row.pop), Number(row.stdpop));
    const d = dsrFromSums(s, [0.95, 0.998], Number(r.multiplier));
    near(d.totalCount, r.r_total_count, 0, `${r.case_id} count`);
    near(d.totalPop, r.r_total_pop, 0, `${r.case_id} pop`);
    near(d.value, r.r_value, 1e-9, `${r.case_id} value`);
    CI4.forEach((c, i) => near(d.limits[i], r[`r_${c}`], 1e-9, `${r.case_id} ${c}`));
    checked++;
  }
  assert.equal(checked, 8);
});

test('indirectly standardised ratios and rates match isratio_expected.csv and israte_expected.csv', () => {
  for (const [file, isRateFile] of [['isratio_expected.csv', false], ['israte_expected.csv', true]] as const) {
    for (const r of load(file)) {
      const s = emptyIsrSums();
      for (const row of load(r.input_file)) if (row.area === r.area) addIsrBand(s, num(row.count), num(row.pop), num(row.refcount), num(row.refpop));
      const res = isRateFile ? isRate(s, [0.95, 0.998], Number(r.multiplier)) : isRatio(s, [0.95, 0.998], Number(r.refvalue));
      near(res.observed, r.r_observed, 1e-9, `${r.case_id} observed`);
      near(res.expected, r.r_expected, 1e-9, `${r.case_id} expected`);
      if (isRateFile) near(res.refRate, r.r_ref_rate, 1e-9, `${r.case_id} ref rate`);
      near(res.value, r.r_value, 1e-9, `${r.case_id} value`);
      CI4.forEach((c, i) => near(res.limits[i], r[`r_${c}`], 1e-9, `${r.case_id} ${c}`));
      assert.equal(res.method, r.r_method);
    }
  }
});

test('observed totals given separately give the same ISRatio as age-specific counts', () => {
  const input = load('isr_input.csv');
  const ratios = load('isratio_expected.csv');
  for (const t of load('isr_observed_totals.csv')) {
    const s = emptyIsrSums();
    for (const row of input) if (row.area === t.area) addIsrBand(s, NaN, num(row.pop), num(row.refcount), num(row.refpop));
    const res = isRatio(s, [0.95, 0.998], 1, Number(t.observed_total));
    const e = ratios.find((r) => r.area === t.area && r.refvalue === '1')!;
    near(res.value, e.r_value, 1e-9, `${t.area} value`);
    near(res.limits[3], e.r_upper99_8cl, 1e-9, `${t.area} upper99.8`);
  }
});

test('life expectancy matches life_expectancy_expected.csv to 1e-6, with suppression rules', () => {
  const input = load('life_expectancy_input.csv');
  const expected = load('life_expectancy_expected.csv');
  const groups = [...new Set(input.map((r) => `${r.case}\u0000${r.area}`))];
  for (const g of groups) {
    const [kase, area] = g.split('\u0000');
    const bands = input.filter((r) => r.case === kase && r.area === area)
      .map((r) => ({ startAge: Number(r.startage), deaths: Number(r.deaths), pops: Number(r.pops) }))
      .sort((a, b) => a.startAge - b.startAge);
    // each case is one call in the reference; a call whose only group is invalid reports no pops_used
    const caseGroups = groups.filter((x) => x.startsWith(kase + '\u0000')).length;
    const rows = lifeTable(bands, [0.95, 0.998], caseGroups > 1);
    for (const row of rows) {
      const e = expected.find((x) => x.case === kase && x.area === area && Number(x.startage) === row.startAge)!;
      const label = `${kase}/${area}/${row.startAge}`;
      near(row.value, e.r_value, 1e-6, `${label} value`);
      CI4.forEach((c, i) => near(row.limits[i], e[`r_${c}`], 1e-6, `${label} ${c}`));
      near(row.popsUsed, e.r_pops_used, 0, `${label} pops_used`);
      near(row.deathsUsed, e.r_dths_used, 0, `${label} dths_used`);
    }
  }
});

test('quantiles match quantile.csv for every case, grouping and invert form', () => {
  const rows = load('quantile.csv');
  const groups = new Map<string, Record<string, string>[]>();
  for (const r of rows) {
    const cols = r.group_by ? r.group_by.split(',').map((c) => c.trim()) : [];
    const key = [r.case, ...cols.map((c) => r[c])].join('\u0000');
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(r);
  }
  for (const g of groups.values()) {
    const inv = g[0].invert.startsWith('field:') ? g[0][g[0].invert.slice(6)] === 'TRUE' : g[0].invert === 'TRUE';
    const q = assignQuantiles(g.map((r) => num(r.Value)), Number(g[0].nquantiles), inv);
    g.forEach((r, i) => near(q[i], r.r_quantile, 0, `${r.case} ${r.AreaCode}`));
  }
});
