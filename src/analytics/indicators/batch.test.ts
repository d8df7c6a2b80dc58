// The shared-scan batch gives exactly what each indicator's own query gives: the whole catalogue is
// computed both ways on a pseudo-random warehouse and every value, limit, comparison and note compared.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { openDuck, type Duck } from '../duckdb.ts';
import { loadCatalogue } from './catalogue.ts';
import { computeBatch, type ScanTiming } from './batch.ts';
import { computeIndicator, openSession } from './engine.ts';
import type { IndicatorValue } from './compute-values.ts';
import { prepareWarehouse } from './warehouse-views.ts';
import { tempDataDir } from './testing/fixtures.ts';
import { RANDOM_TREE, writeRandomWarehouse } from './testing/random-warehouse.ts';

const catalogue = loadCatalogue();
const computed = catalogue.filter((d) => d.computed);
const PERIODS = [
  { period: '2008', type: 'calendar-year' },
  { period: '2008-09', type: 'financial-year' },
  { period: '2009-10', type: 'financial-year' }, // PCT-level population with a 0-4 band
] as const;
let dataDir: string;
let duck: Duck;
const alone = new Map<string, IndicatorValue[]>();
const batched = new Map<string, IndicatorValue[]>();
const scans = new Map<string, ScanTiming[]>();

before(async () => {
  dataDir = tempDataDir();
  duck = await openDuck({ threads: 2, memoryLimit: '1GB' });
  await writeRandomWarehouse(duck, dataDir);
  await prepareWarehouse(duck, dataDir, RANDOM_TREE);
  const session = openSession(duck);
  for (const { period, type } of PERIODS) {
    const defs = computed.filter((d) => d.periodType === type);
    for (const def of defs) alone.set(`${def.id} ${period}`, await computeIndicator(session, def, period, catalogue));
    scans.set(period, await computeBatch(session, defs, period, catalogue, async (def, values) => {
      assert.ok(!batched.has(`${def.id} ${period}`), `${def.id} ${period} computed twice`);
      batched.set(`${def.id} ${period}`, values);
    }));
  }
});

after(() => {
  duck?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const sameNumber = (a: number | null, b: number | null, what: string) => {
  assert.equal(a === null, b === null, `${what}: ${a} vs ${b}`);
  if (a !== null && b !== null) assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);
};

test('the batch computes every computed indicator once per period', () => {
  assert.deepEqual([...batched.keys()].sort(), [...alone.keys()].sort());
  assert.equal(alone.size, computed.filter((d) => d.periodType === 'financial-year').length * 2 + computed.filter((d) => d.periodType === 'calendar-year').length);
});

test('every value, limit, comparison and note is the same as each indicator computed on its own', () => {
  let compared = 0;
  let withValue = 0;
  for (const [key, own] of alone) {
    const shared = new Map(batched.get(key)!.map((v) => [`${v.areaType}|${v.areaCode}|${v.breakdown}`, v]));
    assert.equal(shared.size, own.length, `${key}: ${shared.size} values against ${own.length}`);
    for (const v of own) {
      const what = `${key} ${v.areaCode} ${v.breakdown}`;
      const w = shared.get(`${v.areaType}|${v.areaCode}|${v.breakdown}`);
      assert.ok(w, `${what}: missing from the batch`);
      assert.deepEqual([w.parentCode, w.period, w.comparedToEngland, w.comparedToParent, w.note],
        [v.parentCode, v.period, v.comparedToEngland, v.comparedToParent, v.note], what);
      sameNumber(w.numerator, v.numerator, `${what} numerator`);
      sameNumber(w.denominator, v.denominator, `${what} denominator`);
      sameNumber(w.value, v.value, `${what} value`);
      v.limits.forEach((l, i) => sameNumber(w.limits[i], l, `${what} limit ${i}`));
      compared++;
      if (v.value !== null) withValue++;
    }
  }
  // The comparison means something only if the warehouse gives values, not just suppressions.
  assert.ok(compared > 1000, `${compared} values compared`);
  assert.ok(withValue > compared / 2, `${withValue} of ${compared} values are not suppressed`);
});

test('every indicator has values somewhere in the test warehouse', () => {
  for (const def of computed) {
    const values = PERIODS.flatMap(({ period }) => alone.get(`${def.id} ${period}`) ?? []);
    assert.ok(values.some((v) => v.value !== null), `${def.id} has no unsuppressed value`);
  }
});

test('each dataset is scanned once per period; readmissions and alcohol weights have scans of their own', () => {
  assert.deepEqual(scans.get('2008')!.map((s) => s.label), ['deaths']);
  const fy = scans.get('2008-09')!.map((s) => s.label);
  assert.equal(fy.length, 5, fy.join('; '));
  assert.deepEqual(fy.filter((l) => !l.includes(' ')).sort(), ['hes_ae', 'hes_apc', 'hes_op']);
  assert.ok(fy.some((l) => l.startsWith('hes_apc readmissions')));
  const alcohol = scans.get('2008-09')!.find((s) => s.label.startsWith('hes_apc alcohol'))!;
  assert.deepEqual(alcohol.indicators.sort(), ['admissions-alcohol-broad', 'admissions-alcohol-narrow']);
  const deaths = scans.get('2008')![0].indicators;
  assert.equal(deaths.length, computed.filter((d) => d.periodType === 'calendar-year').length, 'SII and gap reuse the life-expectancy counts');
});
