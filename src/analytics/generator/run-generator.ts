/**
 * The generator's entry points: `runGenerator` (CLI, benchmark) and `generateDemo` (start-up demo).
 * Both write CSV (or Parquet) files, the ground truth, the tariff and manifest.json into one folder.
 */
import { generateEngland, writeManifest } from './generate-england.js';
import { convertToParquet } from './parquet-convert.js';

export interface RunOptions {
  people: number; firstYear: number; lastYear: number; seed: number; outDir: string; format?: 'csv' | 'parquet';
  onProgress?: (done: number, total: number, pctCode: string) => void;
}
export interface RunResult { outDir: string; people: number; personRows: number; seconds: number; files: { file: string; rows: number; bytes: number; sha256: string }[] }

export async function runGenerator(o: RunOptions): Promise<RunResult> {
  const t0 = Date.now();
  const r = generateEngland({ people: o.people, firstYear: o.firstYear, lastYear: o.lastYear, seed: o.seed, outDir: o.outDir, onProgress: o.onProgress });
  const files = o.format === 'parquet' ? await convertToParquet(r.files) : r.files;
  const seconds = (Date.now() - t0) / 1000;
  writeManifest(o.outDir, { seed: o.seed, people: o.people, firstYear: o.firstYear, lastYear: o.lastYear, format: o.format ?? 'csv' }, files, seconds);
  return { outDir: o.outDir, people: o.people, personRows: r.personRows, seconds, files };
}

/** The small demo `npm start` loads into an empty database: about 500,000 people over 2003–2010. */
export async function generateDemo(outDir: string, opts: { people?: number; years?: [number, number]; seed?: number; onProgress?: (done: number, total: number, pctCode: string) => void } = {}): Promise<RunResult> {
  const [firstYear, lastYear] = opts.years ?? [2003, 2010];
  return runGenerator({ people: opts.people ?? 500_000, firstYear, lastYear, seed: opts.seed ?? 2008, outDir, onProgress: opts.onProgress });
}
