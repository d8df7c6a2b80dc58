// The demo data job: a synthetic England of about 500,000 people over 2003–2010 is generated in the
// importers' formats, imported through the same import service as real files, and the indicator
// catalogue is computed for every area and year; then features that need indicator values seed their
// examples. It runs in the job queue after start-up, so the app is usable at once and
// GET /api/jobs/{id} shows the progress.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { JobHandler } from '../platform/jobs.ts';
import type { Db } from '../platform/db.ts';
import { Worker } from 'node:worker_threads';
import { importFile } from '../analytics/import/service.ts';
import type { ImportKind } from '../analytics/import/spec.ts';
import { computeIndicators } from '../analytics/indicators/index.ts';
import { seedDemo as seedOutcomesDemo } from '../outcomes/index.ts';

export const DEMO_DATA_JOB = 'demo.data';
export const DEMO_PEOPLE = 500_000;
export const DEMO_SEED = 2008;

const kindByPrefix: [string, ImportKind][] = [
  ['hes_apc_', 'hes-apc'], ['hes_op_', 'hes-op'], ['hes_ae_', 'hes-ae'],
  ['deaths_', 'deaths'], ['population_', 'ons-population'], ['births_', 'births'],
];

/** The import kind of a generated file, from its name (null for ground truth, tariff and manifest). */
export function kindOfGeneratedFile(name: string): ImportKind | null {
  return kindByPrefix.find(([prefix]) => name.startsWith(prefix))?.[1] ?? null;
}

/**
 * True when the demo data should be loaded: no demo job has succeeded or is under way, and either
 * nothing was imported yet or an earlier demo job failed (imports are idempotent, so it resumes).
 */
export async function demoDataNeeded(db: Db): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT NOT EXISTS (SELECT 1 FROM jobs WHERE kind = $1 AND status IN ('queued', 'running', 'succeeded'))
        AND (NOT EXISTS (SELECT 1 FROM data_imports) OR EXISTS (SELECT 1 FROM jobs WHERE kind = $1 AND status = 'failed'))
        AS needed`, [DEMO_DATA_JOB]);
  return rows[0].needed;
}

/** The generator in a worker thread (it is synchronous), reporting up to 30% of the job's progress. */
function generateInWorker(outDir: string, people: number, progress: (done: number, total?: number, message?: string) => Promise<void>): Promise<string[]> {
  return new Promise((resolveFiles, reject) => {
    // A plain-JavaScript entry that registers the TypeScript loader in the worker's own thread.
    const worker = new Worker(new URL('./generate-worker.js', import.meta.url), { workerData: { outDir, people, seed: DEMO_SEED } });
    let last = 0;
    worker.on('message', (m: { progress?: number; files?: string[]; error?: string }) => {
      if (m.progress !== undefined && Math.floor(m.progress * 30) > last) {
        last = Math.floor(m.progress * 30);
        void progress(last, 100, 'Generating a synthetic England');
      }
      if (m.files) resolveFiles(m.files);
      if (m.error) reject(new Error(m.error));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => { if (code !== 0) reject(new Error(`the generator worker stopped with code ${code}`)); });
  });
}

export function demoDataJobHandler(opts: { dataDir: string; sharedDataDir: string; people?: number }): JobHandler {
  return async ({ db, progress }) => {
    const outDir = join(opts.dataDir, 'demo', 'england');
    const manifest = join(outDir, 'manifest.json');
    let files: string[];
    if (existsSync(manifest)) {
      // The manifest names files relative to its folder.
      files = (JSON.parse(readFileSync(manifest, 'utf8')).files as { file: string }[]).map((f) => resolve(outDir, f.file));
    } else {
      await progress(0, 100, 'Generating a synthetic England (about 500,000 people, 2003–2010)');
      files = (await generateInWorker(outDir, opts.people ?? DEMO_PEOPLE, progress)).map((f) => resolve(outDir, f));
    }
    const imports: [ImportKind, string][] = [
      ['imd', join(opts.sharedDataDir, 'reference/imd2007_lsoa01_england.csv')],
      ['imd', join(opts.sharedDataDir, 'reference/imd2010_lsoa01_england_scores.csv')],
      ...files.flatMap((f): [ImportKind, string][] => {
        const kind = kindOfGeneratedFile(f.split('/').pop()!);
        return kind ? [[kind, f]] : [];
      }),
    ];
    for (const [i, [kind, file]] of imports.entries()) {
      await progress(30 + Math.round((i / imports.length) * 40), 100, `Importing ${file.split('/').pop()}`);
      const r = await importFile({ db, dataDir: opts.dataDir }, { kind, file, actor: null, createdBy: 'demo' });
      if (r.status === 'invalid') throw new Error(`demo import of ${file} failed: ${r.errors.slice(0, 3).join('; ')}`);
    }
    const summary = await computeIndicators({ db, dataDir: opts.dataDir }, { computedBy: null }, (done, total, message) =>
      progress(70 + Math.round((done / Math.max(total, 1)) * 28), 100, message));
    await seedOutcomesDemo(db);
    return { imported: imports.length, indicatorsComputed: summary.computed.length };
  };
}
