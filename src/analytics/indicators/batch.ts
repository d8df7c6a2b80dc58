// A batch: several computed indicators of one period from shared scans. Each distinct relation
// (dataset; readmission spells; alcohol weights) is scanned once into a temporary table of cells
// (shared-scan.ts), the year's population is read once (pop_cells), and each indicator's own query then
// rolls those cells up to areas and breakdowns. Values are the same as computeIndicator's on its own.
import { performance } from 'node:perf_hooks';
import type { IndicatorDefinition } from './definition-schema.ts';
import type { IndicatorValue } from './compute-values.ts';
import { bandSchemeOf, computeIndicator, ensureAlcoholFractions, numeratorDefinition, type EngineSession } from './engine.ts';
import { populationYear } from './query-builder.ts';
import { planScans } from './shared-scan.ts';
import { cachePopulation } from './warehouse-views.ts';

export interface ScanTiming { period: string; label: string; indicators: string[]; ms: number }

async function ensurePopulation(s: EngineSession, year: number): Promise<void> {
  if (s.populationYear === year) return;
  await cachePopulation(s.duck, year);
  s.populationYear = year;
}

/**
 * Computes `defs` (computed indicators) for one period, calling `each` with every indicator's values as
 * soon as they are ready (so the caller can write them) and the milliseconds they took (their own
 * roll-up plus their share of the scan), and returns how long each shared scan took.
 * The area tree and deprivation groups for the period must be in place (warehouse-views.ts).
 */
export async function computeBatch(
  s: EngineSession, defs: IndicatorDefinition[], period: string, catalogue: IndicatorDefinition[],
  each: (def: IndicatorDefinition, values: IndicatorValue[], ms: number) => Promise<void>,
): Promise<ScanTiming[]> {
  const numerators = new Map<string, IndicatorDefinition>();
  for (const d of defs) {
    if (!d.computed) throw new Error(`${d.id} is uploaded, not computed`);
    const n = numeratorDefinition(d, catalogue);
    numerators.set(n.id, n);
  }
  const plans = planScans([...numerators.values()], period, bandSchemeOf);
  const timings: ScanTiming[] = [];
  if ([...numerators.values()].some((d) => d.denominator?.kind === 'population')) await ensurePopulation(s, populationYear(period));
  for (const plan of plans) {
    const mine = defs.filter((d) => plan.columns.has(numeratorDefinition(d, catalogue).id));
    if (mine.length === 1) {
      // A scan that would serve one indicator is that indicator's own query: no cells to keep.
      const t0 = performance.now();
      const values = await computeIndicator(s, mine[0], period, catalogue, { cachedPopulation: true });
      const ms = performance.now() - t0;
      timings.push({ period, label: plan.label, indicators: [mine[0].id], ms });
      await each(mine[0], values, ms);
      continue;
    }
    const t0 = performance.now();
    for (const d of numerators.values()) if (plan.columns.has(d.id)) await ensureAlcoholFractions(s, d);
    await s.duck.run(plan.sql, plan.params as never);
    const scanMs = performance.now() - t0;
    timings.push({ period, label: plan.label, indicators: mine.map((d) => d.id), ms: scanMs });
    try {
      for (const def of mine) {
        const t1 = performance.now();
        const values = await computeIndicator(s, def, period, catalogue, { scans: plan.columns, cachedPopulation: true });
        // Its own roll-up and its share of the scan, so the durations add up to the batch's time.
        await each(def, values, performance.now() - t1 + scanMs / mine.length);
      }
    } finally {
      await s.duck.run(`DROP TABLE IF EXISTS ${plan.table}`);
    }
  }
  return timings;
}
