/**
 * Generates the synthetic England with W worker threads, each taking a contiguous PCT range balanced
 * by population (pct-partition.ts). Worker 0 writes into the output folder, worker k into
 * `.parts/wk/`; every part has the header line. Randomness is keyed by person (and PCT effects by
 * seed), never by worker, so the parts, read in PCT order, are the rows one process writes.
 * With one worker everything runs in this thread (no loader start-up, as before).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SinkSummary } from '../csv-sink.js';
import { generateEngland, type GenerateOptions } from '../generate-england.js';
import { partitionPcts } from '../pct-partition.js';
import { loadReferenceData, type ReferenceData } from '../reference-data.js';

export interface PartsOptions extends Omit<GenerateOptions, 'pctRange' | 'sharedFiles' | 'onProgress'> {
  workers: number;
  onProgress?: (done: number, total: number, pctCode: string) => void;
}
/** One output file and the part files that make it, in PCT order (parts[0] is in the output folder). */
export interface DatasetParts { file: string; parts: SinkSummary[] }
export interface PartsResult { datasets: DatasetParts[]; personRows: number; reference: ReferenceData; partsDir: string | null }

export const PARTS_DIR = '.parts';

export async function generateInParts(o: PartsOptions): Promise<PartsResult> {
  if (!Number.isInteger(o.workers) || o.workers < 1) throw new Error(`workers must be a whole number >= 1, got ${o.workers}`);
  const ref = o.reference ?? loadReferenceData();
  const base = { people: o.people, firstYear: o.firstYear, lastYear: o.lastYear, seed: o.seed, admissionScale: o.admissionScale };
  if (o.workers === 1) {
    const r = generateEngland({ ...base, outDir: o.outDir, reference: ref, sharedFiles: false, onProgress: o.onProgress });
    return { datasets: r.files.map((f) => ({ file: f.file, parts: [f] })), personRows: r.personRows, reference: ref, partsDir: null };
  }
  const ranges = partitionPcts(ref, o.workers);
  const partsDir = join(o.outDir, PARTS_DIR);
  const dirs = ranges.map((_, k) => (k === 0 ? o.outDir : join(partsDir, `w${k}`)));
  for (const d of dirs) mkdirSync(d, { recursive: true });
  const done = ranges.map(() => 0);
  const firstPct = ranges.map(([lo]) => ref.pcts[lo].code);
  let results: WorkerResult[];
  try {
    results = await runWorkers(ranges.map((pctRange, k) => ({ ...base, outDir: dirs[k], pctRange })), (k, n) => {
      done[k] = n;
      o.onProgress?.(done.reduce((s, x) => s + x, 0), o.people, firstPct[k]);
    });
  } catch (err) {
    rmSync(partsDir, { recursive: true, force: true });
    throw err;
  }
  const byName = new Map<string, SinkSummary[]>();
  for (const r of results) for (const f of r.files) byName.set(basename(f.file), [...(byName.get(basename(f.file)) ?? []), f]);
  const datasets = results[0].files.map((f) => ({ file: f.file, parts: byName.get(basename(f.file))! }));
  for (const d of datasets) if (d.parts.length !== ranges.length) throw new Error(`worker parts missing for ${basename(d.file)}`);
  return { datasets, personRows: results.reduce((s, r) => s + r.personRows, 0), reference: ref, partsDir };
}

interface WorkerResult { files: SinkSummary[]; personRows: number }

/** Starts one worker per job; resolves with their results in job order, or rejects (stopping the rest) on the first failure. */
function runWorkers(jobs: Omit<GenerateOptions, 'onProgress' | 'reference'>[], progress: (k: number, done: number) => void): Promise<WorkerResult[]> {
  return new Promise((resolve, reject) => {
    const results: (WorkerResult | undefined)[] = jobs.map(() => undefined);
    let failed = false;
    let remaining = jobs.length;
    const workers: Worker[] = [];
    const fail = (err: Error) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(err);
    };
    jobs.forEach((job, k) => {
      const w = new Worker(new URL('./part-worker.js', import.meta.url), { workerData: job });
      workers.push(w);
      w.on('message', (m: { progress?: number; files?: SinkSummary[]; personRows?: number; error?: string }) => {
        if (m.error !== undefined) fail(new Error(`generator worker ${k}: ${m.error}`));
        else if (m.files) results[k] = { files: m.files, personRows: m.personRows ?? 0 };
        else if (m.progress !== undefined) progress(k, m.progress);
      });
      w.on('error', (err) => fail(err));
      w.on('exit', (code) => {
        if (failed) return;
        if (!results[k]) return fail(new Error(`generator worker ${k} exited (code ${code}) without a result`));
        if (--remaining === 0) resolve(results as WorkerResult[]);
      });
    });
  });
}
