// Turns the generated query's rows (numerators and denominators per area, breakdown and age band) into
// indicator values with 95% and 99.8% limits, using src/stats for every method, and applies the
// definition's small-number rule. Pure: no I/O.
import { crudeRate, proportion } from '../../stats/proportion.ts';
import { addDsrBand, dsrFromSums, emptyDsrSums } from '../../stats/dsr.ts';
import { ESP2013 } from '../../stats/esp2013.ts';
import { addIsrBand, emptyIsrSums, isRatio } from '../../stats/isr.ts';
import { LE_START_AGES, lifeTable, lifeTableProblem } from '../../stats/life-expectancy.ts';
import { tQuantile } from '../../stats/distributions.ts';
import type { IndicatorDefinition } from './definition-schema.ts';

export interface QueryRow {
  area_code: string;
  area_type: string;
  parent_code: string | null;
  split: 'all' | 'sex' | 'dep';
  sex: string | null;
  dep: number | null;
  band: number;
  x: number;
  n: number;
  s: number;
  ss: number;
}

export interface IndicatorValue {
  indicatorId: string;
  areaCode: string;
  areaType: string;
  parentCode: string | null;
  period: string;
  breakdown: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  /** lower95, upper95, lower99.8, upper99.8 (null where not computed) */
  limits: [number | null, number | null, number | null, number | null];
  comparedToEngland: string | null;
  comparedToParent: string | null;
  note: string | null;
}

export interface AreaCell {
  areaCode: string;
  areaType: string;
  parentCode: string | null;
  breakdown: string;
  bands: Map<number, { x: number; n: number; s: number; ss: number }>;
}

/** The confidence levels of a definition, narrower first, as fractions. */
export function levelsOf(def: IndicatorDefinition): number[] {
  return def.confidence.map((c) => (c === '95' ? 0.95 : 0.998)).sort((a, b) => a - b);
}

function breakdownOf(def: IndicatorDefinition, r: QueryRow, groups: 'quintile' | 'decile'): string | null {
  const scoped = def.numerator?.sex;
  if (r.split === 'all') return scoped && scoped !== 'persons' ? scoped : 'persons';
  if (r.split === 'sex') return scoped ? null : r.sex === 'M' ? 'male' : 'female';
  return `imd_${groups}_${r.dep}`;
}

function wanted(def: IndicatorDefinition, breakdown: string, groups: 'quintile' | 'decile'): boolean {
  if (breakdown.startsWith('imd_')) return groups === 'decile' || def.breakdowns.includes('imd-quintile');
  return def.breakdowns.includes(breakdown as 'persons');
}

/** Groups query rows into one cell per area and breakdown, with its age bands. */
export function groupCells(def: IndicatorDefinition, rows: QueryRow[], groups: 'quintile' | 'decile' = 'quintile'): AreaCell[] {
  const cells = new Map<string, AreaCell>();
  for (const r of rows) {
    const breakdown = breakdownOf(def, r, groups);
    if (!breakdown || !wanted(def, breakdown, groups)) continue;
    const key = `${r.area_type}|${r.area_code}|${breakdown}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { areaCode: r.area_code, areaType: r.area_type, parentCode: r.parent_code, breakdown, bands: new Map() };
      cells.set(key, cell);
    }
    const b = cell.bands.get(r.band) ?? { x: 0, n: 0, s: 0, ss: 0 };
    b.x += Number(r.x); b.n += Number(r.n); b.s += Number(r.s); b.ss += Number(r.ss);
    cell.bands.set(r.band, b);
  }
  return [...cells.values()];
}

const num = (v: number) => (Number.isFinite(v) ? v : null);

function withLimits(limits: number[], levels: number[]): IndicatorValue['limits'] {
  const out: IndicatorValue['limits'] = [null, null, null, null];
  levels.forEach((c, i) => {
    const at = c === 0.95 ? 0 : 2;
    out[at] = num(limits[2 * i]);
    out[at + 1] = num(limits[2 * i + 1]);
  });
  return out;
}

interface Estimate { numerator: number; denominator: number; value: number; limits: number[]; note: string | null }

function estimate(def: IndicatorDefinition, cell: AreaCell, levels: number[], reference: AreaCell | undefined): Estimate {
  const bands = [...cell.bands.entries()].sort((a, b) => a[0] - b[0]);
  const x = bands.reduce((t, [, b]) => t + b.x, 0);
  const n = bands.reduce((t, [, b]) => t + b.n, 0);
  const none = (note: string, value = NaN): Estimate => ({ numerator: x, denominator: n, value, limits: levels.flatMap(() => [NaN, NaN]), note });
  if (!(n > 0)) return none('no denominator for this area and period');
  const m = def.multiplier;
  switch (def.method) {
    case 'count': return { numerator: x, denominator: n, value: x, limits: levels.flatMap(() => [NaN, NaN]), note: null };
    case 'crude-rate': { const e = crudeRate(x, n, levels, m); return { numerator: x, denominator: n, value: e.value, limits: e.limits, note: null }; }
    case 'proportion': { const e = proportion(x, n, levels, m); return { numerator: x, denominator: n, value: e.value, limits: e.limits, note: null }; }
    case 'dsr': {
      const sums = emptyDsrSums();
      for (const [band, b] of bands) if (b.n > 0) addDsrBand(sums, b.x, b.n, ESP2013[band / 5]);
      const r = dsrFromSums(sums, levels, m);
      return { numerator: x, denominator: n, value: r.value, limits: r.limits, note: r.note || null };
    }
    case 'isr': {
      if (!reference) return none('no England reference rates');
      const sums = emptyIsrSums();
      for (const [band, b] of bands) {
        const ref = reference.bands.get(band);
        if (ref && ref.n > 0) addIsrBand(sums, b.x, b.n, ref.x, ref.n);
      }
      const r = isRatio(sums, levels, m);
      return { numerator: x, denominator: r.expected, value: r.value, limits: r.limits, note: null };
    }
    case 'mean': {
      const s = bands.reduce((t, [, b]) => t + b.s, 0);
      const ss = bands.reduce((t, [, b]) => t + b.ss, 0);
      const mean = s / n;
      const sd = n > 1 ? Math.sqrt(Math.max(0, (ss - (s * s) / n) / (n - 1))) : NaN;
      const limits = levels.flatMap((c) => {
        const half = Math.abs(tQuantile((1 - c) / 2, n - 1)) * sd / Math.sqrt(n);
        return [mean - half, mean + half];
      });
      return { numerator: s, denominator: n, value: mean, limits, note: null };
    }
    case 'life-expectancy': {
      const lb = LE_START_AGES.map((age) => ({ startAge: age, deaths: cell.bands.get(age)?.x ?? 0, pops: cell.bands.get(age)?.n ?? 0 }));
      const problem = lifeTableProblem(lb);
      if (problem) return none(`life expectancy not calculated: ${problem}`);
      const row = lifeTable(lb, levels)[0];
      return { numerator: x, denominator: n, value: row.value, limits: row.limits, note: row.note || null };
    }
    case 'sii': case 'gap':
      throw new Error(`${def.method} is computed from life expectancy by deprivation group, not from counts`);
  }
}

/** Values for every cell, before benchmarking. `reference` gives England's cells for ISR by breakdown. */
export function computeValues(def: IndicatorDefinition, period: string, cells: AreaCell[]): IndicatorValue[] {
  const levels = levelsOf(def);
  const england = new Map(cells.filter((c) => c.areaType === 'england').map((c) => [c.breakdown, c]));
  return cells.map((cell) => {
    const ref = england.get(cell.breakdown.startsWith('imd_') ? 'persons' : cell.breakdown) ?? england.get('persons');
    const e = estimate(def, cell, levels, ref);
    let note = e.note;
    let value = num(e.value);
    let limits = withLimits(e.limits, levels);
    if (def.suppression.minNumerator > 0 && e.numerator < def.suppression.minNumerator) {
      value = null;
      limits = [null, null, null, null];
      note = def.suppression.reason;
    } else if (value === null && note === null) {
      note = 'value could not be calculated';
    } else if (value === null && def.method === 'dsr') {
      note = def.suppression.reason;
    }
    return {
      indicatorId: def.id, areaCode: cell.areaCode, areaType: cell.areaType, parentCode: cell.parentCode, period,
      breakdown: cell.breakdown, numerator: num(e.numerator), denominator: num(e.denominator), value, limits,
      comparedToEngland: null, comparedToParent: null, note,
    };
  });
}
