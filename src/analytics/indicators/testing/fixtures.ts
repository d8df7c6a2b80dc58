// Test helpers: write small hand-built warehouse datasets as Parquet in the importers' schema, under a
// temporary folder, so engine tests read exactly what production reads.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDuck, sqlLiteral, type Duck } from '../../duckdb.ts';
import { DATASETS, columnList, datasetDir, type DatasetName } from '../../warehouse/schema.ts';

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'wcc-indicators-'));
}

type Row = Record<string, unknown>;

/** Writes rows (missing columns null) as <dataDir>/warehouse/<dataset>/<name>.parquet. */
export async function writeDataset(duck: Duck, dataDir: string, dataset: DatasetName, rows: Row[], name = 'fixture'): Promise<string> {
  const dir = datasetDir(dataDir, dataset);
  mkdirSync(dir, { recursive: true });
  const table = `fx_${dataset}`;
  await duck.run(`CREATE OR REPLACE TEMP TABLE ${table} (${columnList(dataset)})`);
  const cols = DATASETS[dataset];
  for (const r of rows) {
    const values = cols.map((c) => (r[c.name] === undefined ? null : r[c.name]));
    const placeholders = cols.map((c, i) => `$${i + 1}::${c.type}`).join(', ');
    await duck.run(`INSERT INTO ${table} VALUES (${placeholders})`, values.map((v) => (v === null ? null : Array.isArray(v) ? `[${v.map((x) => `'${x}'`).join(',')}]` : String(v))) as never);
  }
  const file = join(dir, `${name}.parquet`);
  await duck.run(`COPY ${table} TO ${sqlLiteral(file)} (FORMAT parquet)`);
  return file;
}

export async function withDuck<T>(fn: (duck: Duck) => Promise<T>): Promise<T> {
  const duck = await openDuck({ threads: 1, memoryLimit: '512MB' });
  try {
    return await fn(duck);
  } finally {
    duck.close();
  }
}
