// Sets up the person-level linkage in DuckDB over the warehouse Parquet: views of each dataset (empty
// when nothing was imported), the tariff and condition code lists as tables, then linkage.sql builds
// `events` (every spell, appointment and attendance with its cost) and features.sql the per-person
// features for an index date.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDuck, sqlLiteral, type Duck } from '../analytics/duckdb.ts';
import { columnList, datasetDir, datasetGlob, type DatasetName } from '../analytics/warehouse/schema.ts';
import { loadConditionGroups, type ConditionGroup } from './codelists.ts';

const LINKAGE_SQL = readFileSync(new URL('./linkage.sql', import.meta.url), 'utf8');
const FEATURES_SQL = readFileSync(new URL('./features.sql', import.meta.url), 'utf8');

export const DEFAULT_TARIFF = new URL('../analytics/generator/data/tariff.csv', import.meta.url).pathname;

export interface LinkageOptions {
  dataDir: string;
  /** HRG-like tariff CSV (hrg, description, setting, programme, cost, trim_days, excess_bed_day). */
  tariffFile?: string;
  memoryLimit?: string;
  threads?: number;
  groups?: ConditionGroup[];
}

export interface Linkage {
  duck: Duck;
  groups: ConditionGroup[];
  /** Financial years present in the events, e.g. [2006, 2007] for 2006-07 and 2007-08. */
  years: number[];
  close(): void;
}

function hasFiles(dataDir: string, dataset: DatasetName): boolean {
  const dir = datasetDir(dataDir, dataset);
  return existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.parquet'));
}

async function datasetView(duck: Duck, dataDir: string, dataset: DatasetName): Promise<void> {
  if (hasFiles(dataDir, dataset)) {
    await duck.run(`CREATE OR REPLACE VIEW ${dataset} AS SELECT * FROM read_parquet(${sqlLiteral(datasetGlob(dataDir, dataset))}, union_by_name = true)`);
  } else {
    await duck.run(`CREATE OR REPLACE TABLE ${dataset} (${columnList(dataset)})`);
  }
}

export async function openLinkage(opts: LinkageOptions): Promise<Linkage> {
  const tmp = join(opts.dataDir, 'tmp', `risk-${process.pid}-${Date.now()}`);
  // Every result the risk work reads in order is ordered in its SQL, so insertion order need not be kept:
  // at national scale (250M events) keeping it made DuckDB run out of memory instead of spilling.
  const duck = await openDuck({ memoryLimit: opts.memoryLimit ?? '2GB', threads: opts.threads, tempDirectory: tmp, preserveInsertionOrder: false });
  try {
    for (const d of ['apc', 'op', 'ae', 'deaths', 'imd', 'population'] as const) await datasetView(duck, opts.dataDir, d);
    await duck.run(`CREATE OR REPLACE TABLE tariff AS SELECT hrg, programme, CAST(cost AS DOUBLE) AS cost,
      CAST(trim_days AS INTEGER) AS trim_days, CAST(excess_bed_day AS DOUBLE) AS excess_bed_day
      FROM read_csv(${sqlLiteral(opts.tariffFile ?? DEFAULT_TARIFF)}, header = true)`);
    const groups = opts.groups ?? loadConditionGroups();
    await duck.run('CREATE OR REPLACE TABLE codes (grp VARCHAR, kind VARCHAR, code VARCHAR)');
    for (const g of groups) {
      for (const code of g.codes) await duck.run('INSERT INTO codes VALUES ($1, $2, $3)', [g.id, g.kind, code]);
    }
    await duck.run(LINKAGE_SQL);
    const years = (await duck.all<{ fy: number }>(`SELECT DISTINCT CAST(year(event_date - INTERVAL 3 MONTH) AS INTEGER) AS fy FROM events ORDER BY fy`)).map((r) => r.fy);
    return { duck, groups, years, close: () => duck.close() };
  } catch (error) {
    duck.close();
    throw error;
  }
}

/** Start of financial year `fy` (e.g. 2009 → 2009-04-01). */
export function fyStart(fy: number): string {
  return `${fy}-04-01`;
}

export function fyLabel(fy: number): string {
  return `${fy}-${String((fy + 1) % 100).padStart(2, '0')}`;
}

/**
 * Builds table `name` of person features for predicting financial year `outcomeFy` from the
 * `lookbackYears` financial years before it. The outcome columns are filled when the data cover it.
 */
export async function buildFeatures(link: Linkage, name: string, outcomeFy: number, lookbackYears = 2): Promise<number> {
  const outcomeKnown = link.years.includes(outcomeFy);
  await link.duck.run(FEATURES_SQL, {
    start: fyStart(outcomeFy - lookbackYears), last: fyStart(outcomeFy - 1), index: fyStart(outcomeFy), end: fyStart(outcomeFy + 1),
    outcome_known: outcomeKnown,
  } as never);
  await link.duck.run(`CREATE OR REPLACE TABLE ${name} AS SELECT * FROM person_features`);
  await link.duck.run('DROP TABLE person_features');
  const [row] = await link.duck.all<{ n: number }>(`SELECT count(*) AS n FROM ${name}`);
  return row?.n ?? 0;
}
