// Import one file or a batch: hash each, skip those whose bytes were already imported as the same
// kind, validate and transform each whole in DuckDB, then record every file's provenance (and
// PostgreSQL rows) in one transaction and move its Parquet into place. Nothing is written when any row
// of any file in the batch is invalid, unless skipInvalid (then a reject file is written per file).
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { createHash, randomUUID } from 'node:crypto';
import { basename, join } from 'node:path';
import type { Principal } from '../../platform/auth/policy.ts';
import { recordAudit } from '../../platform/audit.ts';
import { withTransaction, type Db } from '../../platform/db.ts';
import { openDuck } from '../duckdb.ts';
import { datasetDir, importFile as warehouseFile, type DatasetName } from '../warehouse/schema.ts';
import { specFor, type KindOptions } from './kinds.ts';
import { runRecordImport, type Progress } from './record-import.ts';
import { findImport, insertImport, type ImportRecord } from './repo.ts';
import type { ImportKind, RecordSpec } from './spec.ts';
import { formatError, loadMacros } from './stage.ts';

export interface ImportDeps {
  db: Db;
  dataDir: string;
}

export interface ImportRequest {
  kind: ImportKind;
  /** Path of the file to read. */
  file: string;
  /** Name used in messages and provenance (default: the path as given). */
  fileName?: string;
  skipInvalid?: boolean;
  options?: KindOptions;
  actor: Principal | null;
  /** Recorded as created_by when there is no signed-in actor (the CLI passes the OS user). */
  createdBy?: string | null;
  /** Where --skip-invalid writes rejected rows (default `<file>.rejects.csv`). */
  rejectFile?: string;
  /** DuckDB memory limit (default 3GB). */
  memoryLimit?: string;
}

/** `withheld`: the file was valid, but another file of its batch was not, so nothing was written. */
export type ImportStatus = 'imported' | 'unchanged' | 'invalid' | 'withheld';

export interface ImportResult {
  status: ImportStatus;
  kind: ImportKind;
  fileName: string;
  sha256: string;
  importId: string | null;
  rowsRead: number;
  rowsWritten: number;
  rowsRejected: number;
  errorCount: number;
  /** The first 100 errors as `file:row:column: reason`. */
  errors: string[];
  rejectFile: string | null;
  parquetFile: string | null;
  previous: ImportRecord | null;
  message: string;
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A file that passed: its Parquet sits at a temporary name until the batch commits. */
interface Prepared {
  req: ImportRequest;
  fileName: string;
  sha256: string;
  importId: string;
  dataset: string;
  rowsRead: number;
  rowsWritten: number;
  rowsRejected: number;
  errorCount: number;
  errors: string[];
  rejectFile: string | null;
  tmpParquet: string | null;
  datasetName: DatasetName | null;
  landed: Record<string, unknown>[] | null;
  land: RecordSpec['land'];
}

function emptyResult(req: ImportRequest, fileName: string, sha256: string) {
  return {
    kind: req.kind, fileName, sha256, rowsRead: 0, rowsWritten: 0, rowsRejected: 0, errorCount: 0, errors: [] as string[],
    rejectFile: null, parquetFile: null, previous: null,
  };
}

/** Hash, check for a previous import, then validate and transform in DuckDB (no PostgreSQL writes). */
async function prepareFile(deps: ImportDeps, req: ImportRequest, progress: Progress): Promise<ImportResult | Prepared> {
  const fileName = req.fileName ?? req.file;
  progress(0, 'hashing');
  const sha256 = await sha256OfFile(req.file);
  const base = emptyResult(req, fileName, sha256);
  const previous = await findImport(deps.db, sha256, req.kind);
  if (previous) {
    progress(1, 'unchanged');
    return { ...base, status: 'unchanged', importId: previous.id, previous,
      message: `${fileName}: already imported as ${previous.id} on ${previous.createdAt} (${previous.rowsWritten} rows); nothing changed` };
  }
  const spec = specFor(req.kind, basename(fileName), req.options ?? {});
  const importId = randomUUID();
  const workDir = join(deps.dataDir, 'tmp', `import-${importId}`);
  await mkdir(workDir, { recursive: true });
  let tmpParquet: string | null = null;
  if (spec.dataset) {
    await mkdir(datasetDir(deps.dataDir, spec.dataset), { recursive: true });
    tmpParquet = join(datasetDir(deps.dataDir, spec.dataset), `.${importId}.parquet.tmp`);
  }
  const duck = await openDuck({ tempDirectory: join(workDir, 'spill'), memoryLimit: req.memoryLimit ?? '3GB' });
  let keepParquet = false;
  try {
    await loadMacros(duck);
    const scaled: Progress = (f, m) => progress(0.1 + f * 0.8, m);
    progress(0.1, 'reading');
    const outcome = await runRecordImport({
      duck, spec, file: req.file, importId, tmpParquet, rejectFile: req.rejectFile ?? `${req.file}.rejects.csv`,
      stagePath: join(workDir, 'stage.parquet'),
      skipInvalid: req.skipInvalid ?? false, progress: scaled,
    });
    const errors = outcome.errors.map((e) => formatError(fileName, e));
    const counts = { rowsRead: outcome.rowsRead, rowsRejected: outcome.rowsRejected, errorCount: outcome.errorCount, errors };
    if (!outcome.written) {
      return { ...base, ...counts, status: 'invalid', importId: null,
        message: `${fileName}: ${outcome.errorCount} error(s) in ${outcome.rowsRejected} row(s); nothing was imported` };
    }
    const landed = spec.land ? await duck.all(`SELECT * FROM (${spec.transform}) t`) : null;
    keepParquet = true;
    progress(0.92, 'validated');
    return {
      req, fileName, sha256, importId, ...counts, rowsWritten: landed ? landed.length : outcome.rowsWritten,
      dataset: spec.dataset ?? (req.kind === 'indicator-values' ? 'indicator_values' : 'la_pct'),
      rejectFile: outcome.rejectFile, tmpParquet, datasetName: spec.dataset, landed, land: spec.land,
    };
  } finally {
    duck.close();
    if (tmpParquet && !keepParquet) await rm(tmpParquet, { force: true });
    await rm(workDir, { recursive: true, force: true });
  }
}

/** One transaction for the batch's provenance, PostgreSQL rows and audit; then the Parquet files move into place. */
async function commitBatch(deps: ImportDeps, ready: Prepared[]): Promise<ImportResult[]> {
  const recorded = await withTransaction(deps.db, async (client) => {
    const ok: boolean[] = [];
    for (const p of ready) {
      const inserted = await insertImport(client, {
        id: p.importId, kind: p.req.kind, dataset: p.dataset, fileName: basename(p.fileName), sha256: p.sha256,
        rowsRead: p.rowsRead, rowsWritten: p.rowsWritten, rowsRejected: p.rowsRejected, rejectFile: p.rejectFile,
        options: { ...(p.req.options ?? {}), skipInvalid: p.req.skipInvalid ?? false }, createdBy: p.req.actor?.userId ?? p.req.createdBy ?? null,
      });
      ok.push(inserted);
      if (!inserted) continue;
      if (p.land && p.landed) await p.land(client, p.landed, p.importId);
      await recordAudit(client, {
        actor: p.req.actor, action: 'analytics.import', objectType: 'data_import', objectId: p.importId,
        after: { kind: p.req.kind, fileName: basename(p.fileName), sha256: p.sha256, rowsWritten: p.rowsWritten, rowsRejected: p.rowsRejected },
      });
    }
    return ok;
  });
  const results: ImportResult[] = [];
  for (const [i, p] of ready.entries()) {
    const base = emptyResult(p.req, p.fileName, p.sha256);
    if (!recorded[i]) {
      if (p.tmpParquet) await rm(p.tmpParquet, { force: true });
      const other = await findImport(deps.db, p.sha256, p.req.kind);
      results.push({ ...base, status: 'unchanged', importId: other?.id ?? null, previous: other,
        message: `${p.fileName}: the same bytes were imported by another file or process at the same time; nothing changed` });
      continue;
    }
    let parquetFile: string | null = null;
    if (p.datasetName && p.tmpParquet) {
      parquetFile = warehouseFile(deps.dataDir, p.datasetName, p.importId);
      await rename(p.tmpParquet, parquetFile);
    }
    const rejected = p.rowsRejected > 0 ? `; ${p.rowsRejected} row(s) rejected → ${p.rejectFile}` : '';
    results.push({ ...base, status: 'imported', importId: p.importId, rowsRead: p.rowsRead, rowsWritten: p.rowsWritten,
      rowsRejected: p.rowsRejected, errorCount: p.errorCount, errors: p.errors, rejectFile: p.rejectFile, parquetFile,
      message: `${p.fileName}: imported ${p.rowsWritten} row(s) as ${p.importId}${rejected}` });
  }
  return results;
}

/**
 * Import several files of one kind as one batch (e.g. the parts a two-worker generator writes): each is
 * validated and transformed in turn, then all are recorded in one transaction. When any file has
 * invalid rows (and skipInvalid is off) nothing of the batch is written: the valid files come back
 * `withheld`. Files already imported come back `unchanged` and do not stop the others.
 * `progress(file index, fraction of that file, stage)`.
 */
export async function importFiles(
  deps: ImportDeps, reqs: ImportRequest[], progress: (index: number, fraction: number, stage: string) => void = () => undefined,
): Promise<ImportResult[]> {
  const outcomes: (ImportResult | Prepared)[] = [];
  try {
    for (const [i, req] of reqs.entries()) outcomes.push(await prepareFile(deps, req, (f, m) => progress(i, f, m)));
    const ready = outcomes.filter((o): o is Prepared => !('status' in o));
    const failed = outcomes.some((o) => 'status' in o && o.status === 'invalid');
    if (failed) {
      return outcomes.map((o) => 'status' in o ? o : {
        ...emptyResult(o.req, o.fileName, o.sha256), status: 'withheld' as const, importId: null, rowsRead: o.rowsRead,
        message: `${o.fileName}: valid (${o.rowsWritten} row(s)) but not imported: another file of the batch is invalid`,
      });
    }
    reqs.forEach((_, i) => progress(i, 0.95, 'recording'));
    const committed = ready.length > 0 ? await commitBatch(deps, ready) : [];
    const results = outcomes.map((o) => 'status' in o ? o : committed.shift() as ImportResult);
    reqs.forEach((_, i) => progress(i, 1, results[i]?.status ?? 'done'));
    return results;
  } finally {
    // Whatever was not moved into place (a withheld batch, a failed transaction) is removed.
    for (const o of outcomes) if (!('status' in o) && o.tmpParquet) await rm(o.tmpParquet, { force: true });
  }
}

/** Import one file (a batch of one). */
export async function importFile(deps: ImportDeps, req: ImportRequest, progress: Progress = () => undefined): Promise<ImportResult> {
  const [result] = await importFiles(deps, [req], (_i, f, m) => progress(f, m));
  return result as ImportResult;
}
