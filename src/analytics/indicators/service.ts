// `compute`: every computed indicator × period whose inputs changed (or all with force), each written in
// its own transaction. Inputs = the engine version, the definition (and the one it builds on), the
// import ids of the rows it reads for that period and the period's area tree, so a new import (or a
// reorganisation) recomputes only what it touches.
// What needs computing is done a period at a time as one batch (batch.ts): each dataset is scanned
// once for all of the period's indicators, and the area tree and deprivation groups are built once
// per distinct tree.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDuck } from '../duckdb.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { loadCatalogue } from './catalogue.ts';
import type { IndicatorDefinition } from './definition-schema.ts';
import { openSession } from './engine.ts';
import { computeBatch, type ScanTiming } from './batch.ts';
import { getInputsKeys, loadAreaTree, replaceValues, syncCatalogue } from './repo.ts';
import { createAreaMap, createDatasetViews, createDeprivationGroups, type AreaTree } from './warehouse-views.ts';
import { inventory, type Inventory } from './inventory.ts';

/** Bump when the engine's SQL or arithmetic changes, so every value is recomputed once. */
export const ENGINE_VERSION = 'indicators-11';

export interface ComputeOptions { indicator?: string; year?: number; force?: boolean; computedBy?: string | null }
export interface ComputeSummary {
  /** ms: the indicator's own roll-up plus its share of the period's shared scan */
  computed: { indicatorId: string; period: string; values: number; ms: number }[];
  skipped: number;
  /** the shared scans: one per dataset (and readmissions, alcohol weights) and period */
  scans: ScanTiming[];
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

/** What a value depends on: the engine, the definition(s), the imports it reads and the area tree it rolls up to. */
function inputsKey(def: IndicatorDefinition, base: IndicatorDefinition, importIds: string[], tree: AreaTree): string {
  return createHash('sha256').update(JSON.stringify([ENGINE_VERSION, def, base === def ? null : base, importIds, tree])).digest('hex');
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
  const summary: ComputeSummary = { computed: [], skipped: 0, scans: [], totalMs: 0 };
  try {
    await createDatasetViews(duck, deps.dataDir);
    const inv = await inventory(duck, deps.dataDir);
    const periodsOfTarget = targets.map((def) => {
      const base = source(def, catalogue);
      return { def, base, periods: opts.year !== undefined ? [periodOfYear(base, opts.year)] : periodsOf(base, inv) };
    });
    // The organisation tree of each period is an input too: a value computed on another tree (or on none)
    // is computed again.
    const trees = new Map<string, AreaTree>();
    for (const date of new Set(periodsOfTarget.flatMap((t) => t.periods.map(treeDate)))) {
      const tree = await loadAreaTree(deps.db, date);
      if (tree.pcts.length === 0) {
        throw new AppError('invalid', `No PCTs in the organisation tree as of ${date}: load the reference organisations first (wcc start, or any wcc command, loads them from the shared data).`);
      }
      trees.set(date, tree);
    }
    const work = periodsOfTarget.flatMap(({ def, base, periods }) => periods.map((period) => {
      const ids = inputsOf(base, period, inv);
      return { def, period, ids, key: inputsKey(def, base, ids, trees.get(treeDate(period))!) };
    }));
    // Incremental: only what has no computation with the same inputs key.
    const known = opts.force ? new Map<string, string>() : await getInputsKeys(deps.db, targets.map((d) => d.id));
    const todo = work.filter((w) => known.get(`${w.def.id}|${w.period}`) !== w.key);
    summary.skipped = work.length - todo.length;
    let done = summary.skipped;
    // Periods in the order of their trees, so the area tree is rebuilt only when it changes.
    const periods = [...new Set(todo.map((w) => w.period))].sort((a, b) => treeDate(a).localeCompare(treeDate(b)) || a.localeCompare(b));
    const session = openSession(duck);
    let treeFor = '';
    for (const period of periods) {
      const items = new Map(todo.filter((w) => w.period === period).map((w) => [w.def.id, w]));
      await progress(done, work.length, `${period}: reading ${items.size} indicator(s)`);
      const tree = trees.get(treeDate(period))!;
      const treeKey = JSON.stringify(tree);
      if (treeKey !== treeFor) {
        await createAreaMap(duck, tree);
        await createDeprivationGroups(duck);
        session.populationYear = undefined; // rolled up on the old tree
        treeFor = treeKey;
      }
      const scans = await computeBatch(session, [...items.values()].map((w) => w.def), period, catalogue, async (def, values, ms) => {
        const w = items.get(def.id)!;
        await replaceValues(deps.db, { indicatorId: def.id, period, inputsKey: w.key, importIds: w.ids, durationMs: ms, computedBy: opts.computedBy ?? null }, values);
        summary.computed.push({ indicatorId: def.id, period, values: values.length, ms });
        await progress(++done, work.length, `${def.id} ${period}`);
      });
      summary.scans.push(...scans);
    }
    await progress(work.length, work.length, 'done');
  } finally {
    duck.close();
  }
  summary.totalMs = performance.now() - started;
  return summary;
}
