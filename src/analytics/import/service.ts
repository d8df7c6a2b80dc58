// Import one file: hash it, skip it when the same bytes were already imported as the same kind,
// validate it whole in DuckDB, then write Parquet and/or PostgreSQL rows and the provenance row.
// Nothing is written when any row is invalid, unless skipInvalid (then a reject file is written too).
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { createHash, randomUUID } from 'node:crypto';
import { basename, join } from 'node:path';
import type { Principal } from '../../platform/auth/policy.ts';
import { recordAudit } from '../../platform/audit.ts';
import { withTransaction, type Db } from '../../platform/db.ts';
import { openDuck } from '../duckdb.ts';
import { datasetDir, importFile as warehouseFile } from '../warehouse/schema.ts';
import { specFor, type KindOptions } from './kinds.ts';
import { runRecordImport, type Progress } from './record-import.ts';
import { findImport, insertImport, type ImportRecord } from './repo.ts';
import type { ImportKind } from './spec.ts';
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

export type ImportStatus = 'imported' | 'unchanged' | 'invalid';

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

export async function importFile(deps: ImportDeps, req: ImportRequest, progress: Progress = () => undefined): Promise<ImportResult> {
  const fileName = req.fileName ?? req.file;
  progress(0, 'hashing');
  const sha256 = await sha256OfFile(req.file);
  const base = {
    kind: req.kind, fileName, sha256, rowsRead: 0, rowsWritten: 0, rowsRejected: 0, errorCount: 0, errors: [] as string[],
    rejectFile: null, parquetFile: null, previous: null,
  };
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
    const rowsWritten = landed ? landed.length : outcome.rowsWritten;
    progress(0.92, 'recording');
    const inserted = await withTransaction(deps.db, async (client) => {
      const ok = await insertImport(client, {
        id: importId, kind: req.kind, dataset: spec.dataset ?? (req.kind === 'indicator-values' ? 'indicator_values' : 'la_pct'),
        fileName: basename(fileName), sha256, rowsRead: outcome.rowsRead, rowsWritten, rowsRejected: outcome.rowsRejected,
        rejectFile: outcome.rejectFile, options: { ...(req.options ?? {}), skipInvalid: req.skipInvalid ?? false },
        createdBy: req.actor?.userId ?? req.createdBy ?? null,
      });
      if (!ok) return false;
      if (spec.land && landed) await spec.land(client, landed, importId);
      await recordAudit(client, {
        actor: req.actor, action: 'analytics.import', objectType: 'data_import', objectId: importId,
        after: { kind: req.kind, fileName: basename(fileName), sha256, rowsWritten, rowsRejected: outcome.rowsRejected },
      });
      return true;
    });
    if (!inserted) {
      const other = await findImport(deps.db, sha256, req.kind);
      return { ...base, status: 'unchanged', importId: other?.id ?? null, previous: other,
        message: `${fileName}: imported by another process at the same time; nothing changed` };
    }
    let parquetFile: string | null = null;
    if (spec.dataset && tmpParquet) {
      parquetFile = warehouseFile(deps.dataDir, spec.dataset, importId);
      await rename(tmpParquet, parquetFile);
      keepParquet = true;
    }
    progress(1, 'imported');
    const rejected = outcome.rowsRejected > 0 ? `; ${outcome.rowsRejected} row(s) rejected → ${outcome.rejectFile}` : '';
    return { ...base, ...counts, status: 'imported', importId, rowsWritten, rejectFile: outcome.rejectFile, parquetFile,
      message: `${fileName}: imported ${rowsWritten} row(s) as ${importId}${rejected}` };
  } finally {
    duck.close();
    if (tmpParquet && !keepParquet) await rm(tmpParquet, { force: true });
    await rm(workDir, { recursive: true, force: true });
  }
}
