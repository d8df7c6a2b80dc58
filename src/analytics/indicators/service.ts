// `compute`: every computed indicator × period whose inputs changed (or all with force), each written in
// its own transaction. Inputs = the engine version, the definition (and the one it builds on) and the
// import ids of the rows it reads for that period, so a new import recomputes only what it touches.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDuck, type Duck } from '../duckdb.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { loadCatalogue } from './catalogue.ts';
import type { IndicatorDefinition } from './definition-schema.ts';
import { computeIndicator, openSession } from './engine.ts';
import { getInputsKey, loadAreaTree, replaceValues, syncCatalogue } from './repo.ts';
import { createAreaMap, createDatasetViews, createDeprivationGroups } from './warehouse-views.ts';

/** Bump when the engine's SQL or arithmetic changes, so every value is recomputed once. */
export const ENGINE_VERSION = 'indicators-8';

export interface ComputeOptions { indicator?: string; year?: number; force?: boolean; computedBy?: string | null }
export interface ComputeSummary {
  computed: { indicatorId: string; period: string; values: number; ms: number }[];
  skipped: number;
  totalMs: number;
}
export type Progress = (done: number, total: number, message: string) => void | Promise<void>;

/** Financial year '2008-09' for a start year, or the calendar year. */
export function periodOfYear(def: IndicatorDefinition, year: number): string {
  return def.periodType === 'financial-year' ? `${year}-${String((year + 1) % 100).padStart(2, '0')}` : String(year);
}

/** The date whose organisation tree applies to a period (mid-year). */
export function treeDate(period: string): string {
  return period.includes('-') ? `${period.slice(0, 4)}-10-01` : `${period}-07-01`;
}

type Inventory = Map<string, Map<string, string[]>>; // dataset → period → import ids

async function inventory(duck: Duck): Promise<Inventory> {
  const inv: Inventory = new Map();
  const read = async (name: string, sql: string) => {
    const rows = await duck.all<{ period: string; ids: string[] }>(sql);
    inv.set(name, new Map(rows.map((r) => [String(r.period), r.ids])));
  };
  for (const ds of ['apc', 'op', 'ae']) await read(ds, `SELECT fyear AS period, list(DISTINCT import_id ORDER BY import_id) AS ids FROM wh_${ds} GROUP BY fyear`);
  for (const ds of ['deaths', 'births', 'population', 'ons_deaths']) await read(ds, `SELECT year::VARCHAR AS period, list(DISTINCT import_id ORDER BY import_id) AS ids FROM wh_${ds} GROUP BY year`);
  await read('imd', `SELECT 'all' AS period, list(DISTINCT import_id ORDER BY import_id) AS ids FROM wh_imd`);
  return inv;
}

const NUMERATOR_DATASETS: Record<string, string[]> = {
  hes_apc: ['apc'], hes_op: ['op'], hes_ae: ['ae'], deaths: ['deaths', 'ons_deaths'], births: ['births'],
};

function source(def: IndicatorDefinition, catalogue: IndicatorDefinition[]): IndicatorDefinition {
  return def.basedOn ? catalogue.find((d) => d.id === def.basedOn) ?? def : def;
}

/** Periods with numerator data, and the import ids a computation for a period reads. */
function periodsOf(def: IndicatorDefinition, inv: Inventory): string[] {
  const sets = NUMERATOR_DATASETS[def.numerator?.dataset ?? ''] ?? [];
  return [...new Set(sets.flatMap((ds) => [...(inv.get(ds)?.keys() ?? [])]))].sort();
}

function inputsOf(def: IndicatorDefinition, period: string, inv: Inventory): string[] {
  const ids = new Set<string>();
  const add = (ds: string, p: string) => (inv.get(ds)?.get(p) ?? []).forEach((i) => ids.add(i));
  for (const ds of NUMERATOR_DATASETS[def.numerator?.dataset ?? ''] ?? []) add(ds, period);
  const year = period.slice(0, 4);
  if (def.denominator?.kind === 'population') add('population', year);
  if (def.denominator?.kind === 'births') add('births', year);
  add('imd', 'all');
  return [...ids].sort();
}

function inputsKey(def: IndicatorDefinition, base: IndicatorDefinition, importIds: string[]): string {
  return createHash('sha256').update(JSON.stringify([ENGINE_VERSION, def, base === def ? null : base, importIds])).digest('hex');
}

export async function computeIndicators(deps: { db: Db; dataDir: string }, opts: ComputeOptions, progress: Progress = () => undefined): Promise<ComputeSummary> {
  const started = performance.now();
  const catalogue = loadCatalogue();
  await syncCatalogue(deps.db, catalogue);
  const targets = catalogue.filter((d) => d.computed && (!opts.indicator || d.id === opts.indicator));
  if (opts.indicator && targets.length === 0) {
    const known = catalogue.find((d) => d.id === opts.indicator);
    throw new AppError(known ? 'invalid' : 'not_found', known ? `${opts.indicator} is uploaded, not computed` : `no indicator ${opts.indicator}`);
  }
  const duck = await openDuck({ threads: 2, memoryLimit: '3GB', tempDirectory: join(deps.dataDir, 'tmp', 'duckdb') });
  const summary: ComputeSummary = { computed: [], skipped: 0, totalMs: 0 };
  try {
    await createDatasetViews(duck, deps.dataDir);
    const inv = await inventory(duck);
    // Work list, ordered by period so the area tree is rebuilt only when the period's tree changes.
    const work = targets.flatMap((def) => {
      const base = source(def, catalogue);
      const periods = opts.year !== undefined ? [periodOfYear(base, opts.year)] : periodsOf(base, inv);
      return periods.map((period) => ({ def, base, period, ids: inputsOf(base, period, inv) }));
    }).sort((a, b) => treeDate(a.period).localeCompare(treeDate(b.period)) || a.def.id.localeCompare(b.def.id));
    const session = openSession(duck);
    let treeFor = '';
    for (const [i, w] of work.entries()) {
      await progress(i, work.length, `${w.def.id} ${w.period}`);
      const key = inputsKey(w.def, w.base, w.ids);
      if (!opts.force && (await getInputsKey(deps.db, w.def.id, w.period)) === key) {
        summary.skipped++;
        continue;
      }
      const date = treeDate(w.period);
      if (date !== treeFor) {
        await createAreaMap(duck, await loadAreaTree(deps.db, date));
        await createDeprivationGroups(duck);
        treeFor = date;
      }
      const t0 = performance.now();
      const values = await computeIndicator(session, w.def, w.period, catalogue);
      const ms = performance.now() - t0;
      await replaceValues(deps.db, { indicatorId: w.def.id, period: w.period, inputsKey: key, importIds: w.ids, durationMs: ms, computedBy: opts.computedBy ?? null }, values);
      summary.computed.push({ indicatorId: w.def.id, period: w.period, values: values.length, ms });
    }
    await progress(work.length, work.length, 'done');
  } finally {
    duck.close();
  }
  summary.totalMs = performance.now() - started;
  return summary;
}
