// Test and benchmark helper: generate a synthetic England into a temporary folder and land it in the
// warehouse with the importers' own DuckDB half (runRecordImport: same validation, same Parquet schema),
// skipping only the PostgreSQL provenance rows. Cached per (people, years, seed) within os.tmpdir().
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDuck } from '../../analytics/duckdb.ts';
import { runGenerator } from '../../analytics/generator/index.ts';
import { specFor } from '../../analytics/import/kinds.ts';
import { runRecordImport } from '../../analytics/import/record-import.ts';
import { loadMacros } from '../../analytics/import/stage.ts';
import type { ImportKind } from '../../analytics/import/spec.ts';
import { importFile } from '../../analytics/warehouse/schema.ts';

export const SHARED_IMD_2007 = new URL('../../../../shared/data/reference/imd2007_lsoa01_england.csv', import.meta.url).pathname;

export interface SyntheticWarehouse { dataDir: string; sourceDir: string }

const KIND_OF: [RegExp, ImportKind][] = [
  [/^hes_apc_/, 'hes-apc'], [/^hes_op_/, 'hes-op'], [/^hes_ae_/, 'hes-ae'], [/^deaths_/, 'deaths'], [/^population_/, 'ons-population'],
];

/** Imports every generator file of `sourceDir` (and the shared IMD 2007) into `<dataDir>/warehouse`. */
export async function landGeneratedFiles(sourceDir: string, dataDir: string, onFile: (name: string) => void = () => undefined): Promise<void> {
  const files: [string, ImportKind][] = [[SHARED_IMD_2007, 'imd']];
  for (const name of readdirSync(sourceDir).sort()) {
    const kind = KIND_OF.find(([re]) => re.test(name))?.[1];
    if (kind) files.push([join(sourceDir, name), kind]);
  }
  await landFiles(files, dataDir, onFile);
}

/** Imports files of the given kinds into `<dataDir>/warehouse` (no PostgreSQL provenance). */
export async function landFiles(files: [string, ImportKind][], dataDir: string, onFile: (name: string) => void = () => undefined): Promise<void> {
  for (const [i, [file, kind]] of files.entries()) {
    onFile(file);
    const id = `synthetic-${String(i).padStart(3, '0')}`;
    const duck = await openDuck({ memoryLimit: '1GB' });
    try {
      await loadMacros(duck);
      const spec = specFor(kind, file, {});
      const target = importFile(dataDir, spec.dataset!, id);
      mkdirSync(join(target, '..'), { recursive: true });
      // stagePath is for importer versions that stage to a Parquet file; older ones ignore it.
      const args = { duck, spec, file, importId: id, tmpParquet: target, rejectFile: join(dataDir, `${id}.rejects.csv`),
        stagePath: join(dataDir, `${id}.stage.parquet`), skipInvalid: true, progress: () => undefined };
      const out = await runRecordImport(args);
      if (!out.written) throw new Error(`${file}: ${out.errorCount} errors, e.g. ${JSON.stringify(out.errors[0])}`);
    } finally {
      duck.close();
      rmSync(join(dataDir, `${id}.stage.parquet`), { force: true });
    }
  }
}

export async function syntheticWarehouse(people: number, years: [number, number], seed: number): Promise<SyntheticWarehouse> {
  const root = join(tmpdir(), `wcc-needs-${people}-${years[0]}-${years[1]}-${seed}`);
  const sourceDir = join(root, 'source');
  const dataDir = join(root, 'data');
  const done = join(root, 'READY');
  if (existsSync(done)) {
    // Keep the cache ours: drop any other import (e.g. a server that loaded demo data into this folder).
    const warehouse = join(dataDir, 'warehouse');
    for (const ds of existsSync(warehouse) ? readdirSync(warehouse) : []) {
      for (const f of readdirSync(join(warehouse, ds))) if (!f.startsWith('synthetic-')) rmSync(join(warehouse, ds, f), { force: true, recursive: true });
    }
    return { dataDir, sourceDir };
  }
  mkdirSync(sourceDir, { recursive: true });
  await runGenerator({ people, firstYear: years[0], lastYear: years[1], seed, outDir: sourceDir });
  await landGeneratedFiles(sourceDir, dataDir);
  writeFileSync(done, new Date().toISOString());
  return { dataDir, sourceDir };
}
