/**
 * The generator's entry points: `runGenerator` (CLI, benchmark) and `generateDemo` (start-up demo).
 * Both write CSV (or Parquet) files, the ground truth, the tariff and manifest.json into one folder.
 * With `workers` > 1 the PCTs are split between worker threads (parallel/generate-in-parts.ts) and the
 * parts joined in PCT order, so the files are byte-identical whatever the worker count.
 */
import { rmSync } from 'node:fs';
import { writeManifest, writeSharedFiles } from './generate-england.js';
import type { SinkSummary } from './csv-sink.js';
import { generateInParts } from './parallel/generate-in-parts.js';
import { joinCsvParts } from './parallel/join-csv-parts.js';
import { convertToParquet } from './parquet-convert.js';

export interface RunOptions {
  people: number; firstYear: number; lastYear: number; seed: number; outDir: string; format?: 'csv' | 'parquet';
  /** worker threads, each a contiguous PCT range (default 1: this thread) */
  workers?: number;
  /** multiplier on emergency and elective admission rates (default 1 = calibrated; docs/GENERATOR.md) */
  admissionScale?: number;
  onProgress?: (done: number, total: number, pctCode: string) => void;
  /** called when the rows are written and the files are being joined or converted */
  onStage?: (stage: 'joining' | 'converting') => void;
  /** Parquet rows per row group (default DuckDB's 122,880) */
  parquetRowGroupSize?: number;
}
export interface RunResult { outDir: string; people: number; personRows: number; seconds: number; workers: number; files: { file: string; rows: number; bytes: number; sha256: string }[] }

export async function runGenerator(o: RunOptions): Promise<RunResult> {
  const t0 = Date.now();
  const workers = o.workers ?? 1;
  if (o.admissionScale !== undefined && !(o.admissionScale > 0 && o.admissionScale <= 10)) throw new Error('admissionScale must be > 0 and <= 10');
  const r = await generateInParts({ people: o.people, firstYear: o.firstYear, lastYear: o.lastYear, seed: o.seed, outDir: o.outDir,
    workers, admissionScale: o.admissionScale, onProgress: o.onProgress });
  let files: SinkSummary[];
  if (o.format === 'parquet') {
    o.onStage?.('converting');
    // one whole CSV per dataset, so the Parquet bytes do not depend on where the parts ended
    files = await convertToParquet(r.datasets.map((d) => joinCsvParts(d, { hash: false })), { rowGroupSize: o.parquetRowGroupSize });
  } else {
    if (workers > 1) o.onStage?.('joining');
    files = r.datasets.map((d) => joinCsvParts(d));
  }
  if (r.partsDir) rmSync(r.partsDir, { recursive: true, force: true });
  files.push(...writeSharedFiles(o.outDir, o.seed, r.reference));
  const seconds = (Date.now() - t0) / 1000;
  writeManifest(o.outDir, { seed: o.seed, people: o.people, firstYear: o.firstYear, lastYear: o.lastYear, format: o.format ?? 'csv', admissionScale: o.admissionScale ?? 1 }, files, seconds);
  return { outDir: o.outDir, people: o.people, personRows: r.personRows, seconds, workers, files };
}

/** The small demo `npm start` loads into an empty database: about 500,000 people over 2003–2010. */
export async function generateDemo(outDir: string, opts: { people?: number; years?: [number, number]; seed?: number; onProgress?: (done: number, total: number, pctCode: string) => void } = {}): Promise<RunResult> {
  const [firstYear, lastYear] = opts.years ?? [2003, 2010];
  return runGenerator({ people: opts.people ?? 500_000, firstYear, lastYear, seed: opts.seed ?? 2008, outDir, onProgress: opts.onProgress });
}
