// Computes one indicator for one period on a prepared DuckDB connection: generate the query, run it,
// compute values and limits with src/stats, derive the inequality measures, benchmark.
import type { Duck } from '../duckdb.ts';
import { calculateAgi } from '../../stats/agi.ts';
import { twoSidedZ } from '../../stats/distributions.ts';
import type { IndicatorDefinition } from './definition-schema.ts';
import { DEP_CODE, buildIndicatorQuery, type BandScheme, type DeprivationGroups, type ScanColumns } from './query-builder.ts';
import { computeValues, groupCells, type IndicatorValue, type QueryRow } from './compute-values.ts';
import { benchmarkValues } from './benchmark.ts';
import { createAlcoholFractions } from './warehouse-views.ts';

export function bandSchemeOf(def: IndicatorDefinition): BandScheme {
  if (def.method === 'dsr' || def.method === 'isr') return 'esp';
  if (def.method === 'life-expectancy') return 'le';
  return 'none';
}

/** Per-connection state: which code-list tables have been loaded, which year's population is cached. */
export interface EngineSession {
  duck: Duck;
  loaded: Set<string>;
  /** the year rolled up in pop_areas (batch.ts) for the current area tree; undefined when none */
  populationYear?: number;
}

export function openSession(duck: Duck): EngineSession {
  return { duck, loaded: new Set() };
}

/**
 * Where a computation reads its counts: by default its own query over the Parquet; within a batch
 * (batch.ts), the shared scans' cells (by numerator definition id) and the year's cached population.
 */
export interface CountSource {
  scans?: Map<string, ScanColumns>;
  cachedPopulation?: boolean;
}

export async function ensureAlcoholFractions(s: EngineSession, def: IndicatorDefinition): Promise<void> {
  const w = def.numerator?.weighting;
  if (w && !s.loaded.has(`aaf:${w.fractions.file}`)) {
    await createAlcoholFractions(s.duck, w.fractions.file);
    s.loaded.add(`aaf:${w.fractions.file}`);
  }
}

async function runQuery(s: EngineSession, def: IndicatorDefinition, period: string, groups: DeprivationGroups, src: CountSource): Promise<QueryRow[]> {
  const scan = src.scans?.get(def.id);
  if (!scan) await ensureAlcoholFractions(s, def);
  const q = buildIndicatorQuery(def, { period, bands: bandSchemeOf(def), groups, scan, cachedPopulation: src.cachedPopulation });
  // Columns rather than row objects, numbers rather than strings: a DSR returns a row per area,
  // breakdown and age band (~25,000); the areas' codes are read once from area_map.
  const [reader, areaReader] = [await s.duck.connection.runAndReadAll(q.sql, q.params as never),
    await s.duck.connection.runAndReadAll('SELECT area_id, any_value(area_code) AS code, any_value(area_type) AS type, any_value(parent_code) AS parent FROM area_map GROUP BY area_id')];
  const a = areaReader.getColumnsObjectJS() as { area_id: number[]; code: string[]; type: string[]; parent: (string | null)[] };
  const areas = new Map(a.area_id.map((id, i) => [Number(id), { code: a.code[i], type: a.type[i], parent: a.parent[i] }]));
  const c = reader.getColumnsObjectJS() as Record<string, unknown[]>;
  const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
  return c.area_id.map((id, i) => {
    const area = areas.get(Number(id))!;
    const k = Number(c.k[i]);
    return {
      area_code: area.code, area_type: area.type, parent_code: area.parent,
      split: k === 0 ? 'all' : k < DEP_CODE ? 'sex' : 'dep', sex: k === 1 ? 'M' : k === 2 ? 'F' : null, dep: k >= DEP_CODE ? k - DEP_CODE : null,
      band: Number(c.band[i]), x: num(c.x[i]), n: num(c.n[i]), s: num(c.s?.[i]), ss: num(c.ss?.[i]),
    };
  });
}

/** Life expectancy by deprivation group within each area, as values keyed by area. */
async function lifeExpectancyByGroup(s: EngineSession, base: IndicatorDefinition, period: string, groups: DeprivationGroups, src: CountSource) {
  const rows = await runQuery(s, base, period, groups, src);
  const cells = groupCells(base, rows, groups);
  const byArea = new Map<string, { area: IndicatorValue; groups: Map<number, IndicatorValue> }>();
  const pops = new Map<string, number>();
  for (const c of cells) pops.set(`${c.areaCode}|${c.breakdown}`, [...c.bands.values()].reduce((t, b) => t + b.n, 0));
  for (const v of computeValues(base, period, cells)) {
    const entry = byArea.get(v.areaCode) ?? { area: v, groups: new Map() };
    if (v.breakdown.startsWith('imd_')) entry.groups.set(Number(v.breakdown.split('_').pop()), v);
    else entry.area = v;
    byArea.set(v.areaCode, entry);
  }
  return { byArea, pops };
}

const se95 = (v: IndicatorValue) => (v.limits[0] !== null && v.limits[1] !== null ? (v.limits[1] - v.limits[0]) / (2 * twoSidedZ(0.95)) : null);

function inequalityValue(def: IndicatorDefinition, period: string, area: IndicatorValue, value: number | null, lower: number | null, upper: number | null, note: string | null): IndicatorValue {
  return {
    indicatorId: def.id, areaCode: area.areaCode, areaType: area.areaType, parentCode: area.parentCode, period,
    breakdown: def.breakdowns[0], numerator: null, denominator: null, value, limits: [lower, upper, null, null],
    comparedToEngland: null, comparedToParent: null, note: value === null ? (note ?? def.suppression.reason) : note,
  };
}

async function computeInequality(s: EngineSession, def: IndicatorDefinition, base: IndicatorDefinition, period: string, src: CountSource): Promise<IndicatorValue[]> {
  const groups: DeprivationGroups = def.deprivationGroups === 'decile' ? 'decile' : 'quintile';
  const k = groups === 'decile' ? 10 : 5;
  const { byArea, pops } = await lifeExpectancyByGroup(s, base, period, groups, src);
  const out: IndicatorValue[] = [];
  for (const { area, groups: g } of byArea.values()) {
    const present = [...g.values()].filter((v) => v.value !== null && se95(v) !== null);
    if (present.length < k) {
      out.push(inequalityValue(def, period, area, null, null, null, `${def.suppression.reason} (${present.length} of ${k} groups)`));
      continue;
    }
    if (def.method === 'gap') {
      const most = g.get(1)!; const least = g.get(k)!;
      const gap = least.value! - most.value!;
      const se = Math.sqrt(se95(most)! ** 2 + se95(least)! ** 2);
      const z = twoSidedZ(0.95);
      out.push(inequalityValue(def, period, area, gap, gap - z * se, gap + z * se, null));
      continue;
    }
    // SII: relative rank = cumulative population midpoint of each group, most deprived first.
    const ordered = [...g.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
    const popOf = (v: IndicatorValue) => pops.get(`${v.areaCode}|${v.breakdown}`) ?? 0;
    const total = ordered.reduce((t, v) => t + popOf(v), 0);
    let cum = 0;
    const points = ordered.map((v) => {
      const a = popOf(v) / total;
      const b = cum + a / 2;
      cum += a;
      return { nationalRank: b, population: popOf(v), value: v.value!, se: se95(v)! };
    });
    const r = calculateAgi(points, { repetitions: 10000, confidence: 0.95, seed: 20080401 });
    out.push(inequalityValue(def, period, area, r.agi, r.lowerCl, r.upperCl, null));
  }
  return out;
}

/** The definition whose numerator an indicator counts: itself, or for an SII or gap the one it is based on. */
export function numeratorDefinition(def: IndicatorDefinition, catalogue: IndicatorDefinition[]): IndicatorDefinition {
  if (def.method !== 'sii' && def.method !== 'gap') return def;
  const base = catalogue.find((d) => d.id === def.basedOn);
  if (!base) throw new Error(`${def.id}: basedOn ${def.basedOn} is not in the catalogue`);
  return base;
}

/**
 * Every value of one indicator for one period, benchmarked. On its own it is one generated query over
 * the Parquet; `src` points it at a batch's shared scans instead (batch.ts).
 */
export async function computeIndicator(s: EngineSession, def: IndicatorDefinition, period: string, catalogue: IndicatorDefinition[], src: CountSource = {}): Promise<IndicatorValue[]> {
  if (!def.computed) throw new Error(`${def.id} is uploaded, not computed`);
  let values: IndicatorValue[];
  if (def.method === 'sii' || def.method === 'gap') {
    values = await computeInequality(s, def, numeratorDefinition(def, catalogue), period, src);
  } else {
    const rows = await runQuery(s, def, period, 'quintile', src);
    values = computeValues(def, period, groupCells(def, rows));
  }
  return benchmarkValues(def, values);
}
