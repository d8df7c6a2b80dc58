// What the warehouse holds: for each dataset, its periods and the imports that gave rows for each.
// The incremental computation keys every indicator × period by these import ids. Read from the Parquet
// footers (each row group's minimum and maximum of the period and import_id columns), not from the rows:
// at national volume (≈ 100M HES rows a year) grouping every row cost seconds on every run. A file whose
// row groups each hold one period and one import is known from its footer alone; any other file (mixed
// row groups, or no statistics) is read for its distinct pairs.
import { join } from 'node:path';
import type { Duck } from '../duckdb.ts';
import { datasetDir, type DatasetName } from '../warehouse/schema.ts';
import { hasParquet } from './warehouse-views.ts';

/** dataset → period → import ids (sorted) */
export type Inventory = Map<string, Map<string, string[]>>;

const PERIOD_COLUMN: Partial<Record<DatasetName, string>> = {
  apc: 'fyear', op: 'fyear', ae: 'fyear', deaths: 'year', births: 'year', population: 'year', ons_deaths: 'year',
};

/** The (period, import id) pairs of one dataset's files; periods 'all' for datasets without one (IMD). */
async function datasetInventory(duck: Duck, dataDir: string, ds: DatasetName): Promise<Map<string, string[]>> {
  const out = new Map<string, Set<string>>();
  if (!hasParquet(dataDir, ds)) return new Map();
  const glob = join(datasetDir(dataDir, ds), '*.parquet');
  const period = PERIOD_COLUMN[ds];
  const cols = period ? [period, 'import_id'] : ['import_id'];
  // (the column names are this module's constants, not input)
  const groups = await duck.all<{ file: string; rg: number; col: string; lo: string | null; hi: string | null }>(
    `SELECT file_name AS file, row_group_id AS rg, path_in_schema AS col, stats_min_value AS lo, stats_max_value AS hi
     FROM parquet_metadata($1) WHERE path_in_schema IN (${cols.map((c) => `'${c}'`).join(', ')})`, [glob]);
  // Per file and row group: the single value of each column, or null when the group holds several (or none).
  const files = new Map<string, Map<number, Record<string, string | null>>>();
  for (const g of groups) {
    const rgs = files.get(g.file) ?? new Map<number, Record<string, string | null>>();
    files.set(g.file, rgs);
    const rg = rgs.get(Number(g.rg)) ?? {};
    rgs.set(Number(g.rg), rg);
    rg[g.col] = g.lo !== null && g.lo === g.hi ? g.lo : null;
  }
  const add = (p: string, id: string) => out.set(p, (out.get(p) ?? new Set()).add(id));
  for (const [file, rgs] of files) {
    const single = [...rgs.values()].every((rg) => cols.every((c) => typeof rg[c] === 'string'));
    if (single) {
      for (const rg of rgs.values()) add(period ? rg[period]! : 'all', rg.import_id!);
      continue;
    }
    const rows = await duck.all<{ p: string | null; id: string | null }>(
      `SELECT DISTINCT ${period ? `${period}::VARCHAR` : `'all'`} AS p, import_id AS id FROM read_parquet($1)`, [file]);
    for (const r of rows) if (r.p !== null && r.id !== null) add(r.p, r.id);
  }
  return new Map([...out].map(([p, ids]) => [p, [...ids].sort()]));
}

export async function inventory(duck: Duck, dataDir: string): Promise<Inventory> {
  const inv: Inventory = new Map();
  for (const ds of ['apc', 'op', 'ae', 'deaths', 'births', 'population', 'ons_deaths', 'imd'] as DatasetName[]) {
    inv.set(ds, await datasetInventory(duck, dataDir, ds));
  }
  return inv;
}
