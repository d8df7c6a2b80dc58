// Benchmarks every value against England and its parent (the SHA for a PCT, England for an SHA) with
// src/stats/compare: the area's 95% and 99.8% intervals against the benchmark value, polarity-aware.
// Deprivation segments are compared with their own area's total (never with another area's segment).
import { compareByConfidenceInterval, judgeComparison, type Polarity as StatsPolarity } from '../../stats/compare.ts';
import type { IndicatorDefinition } from './definition-schema.ts';
import type { IndicatorValue } from './compute-values.ts';
import { ENGLAND_CODE } from './warehouse-views.ts';
import { levelsOf } from './compute-values.ts';

const POLARITY: Record<IndicatorDefinition['polarity'], StatsPolarity> = {
  'lower-is-better': 'low-is-good',
  'higher-is-better': 'high-is-good',
  'no-judgement': 'no-judgement',
};

function compare(def: IndicatorDefinition, v: IndicatorValue, benchmark: IndicatorValue | undefined): string {
  if (!benchmark || benchmark === v || v.value === null || benchmark.value === null) return 'not-compared';
  const levels = levelsOf(def);
  const intervals = levels.map((c) => (c === 0.95
    ? { lower: v.limits[0], upper: v.limits[1] }
    : { lower: v.limits[2], upper: v.limits[3] }));
  const cmp = compareByConfidenceInterval({
    intervals, benchmark: benchmark.value,
    areaCode: `${v.areaCode}|${v.breakdown}`, benchmarkCode: `${benchmark.areaCode}|${benchmark.breakdown}`,
  });
  return judgeComparison(cmp, POLARITY[def.polarity]);
}

/** Fills comparedToEngland and comparedToParent in place and returns the values. */
export function benchmarkValues(def: IndicatorDefinition, values: IndicatorValue[]): IndicatorValue[] {
  const byKey = new Map(values.map((v) => [`${v.areaCode}|${v.breakdown}`, v]));
  for (const v of values) {
    const segment = v.breakdown.startsWith('imd_');
    const england = byKey.get(`${ENGLAND_CODE}|${v.breakdown}`);
    v.comparedToEngland = v.areaCode === ENGLAND_CODE ? 'not-compared' : compare(def, v, england);
    const parent = segment
      ? byKey.get(`${v.areaCode}|${def.numerator?.sex && def.numerator.sex !== 'persons' ? def.numerator.sex : 'persons'}`)
      : v.parentCode ? byKey.get(`${v.parentCode}|${v.breakdown}`) : undefined;
    v.comparedToParent = !segment && !v.parentCode ? 'not-compared' : compare(def, v, parent);
  }
  return values;
}
