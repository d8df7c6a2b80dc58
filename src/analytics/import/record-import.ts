// The DuckDB half of a record-level import: stage, validate, and (when allowed) write the valid rows
// as Parquet in the warehouse schema plus a reject file. No PostgreSQL here; the service records
// provenance and moves the file into place.
import { sqlIdentifier, sqlLiteral, type Duck } from '../duckdb.ts';
import { DATASETS } from '../warehouse/schema.ts';
import type { CellError, RecordSpec, SourceColumn, Check } from './spec.ts';
import { rm } from 'node:fs/promises';
import { malformedError, readHeader, resolveColumns, sourceRelation, stageColumns, stageFile, validateStage, writeRejects } from './stage.ts';

export type Progress = (fraction: number, message: string) => void;

export interface ValidatedFile {
  rowsRead: number;
  rowsRejected: number;
  errorCount: number;
  errors: CellError[];
}

/** Stage and validate any file against columns and checks; leaves `stage`, `errors`, `valid_rows`. */
export async function stageAndValidate(
  duck: Duck, file: string, columns: SourceColumn[], checks: Check[], stagePath: string, progress: Progress,
): Promise<ValidatedFile> {
  let header: string[];
  try {
    header = await readHeader(duck, file);
  } catch (error) {
    return { rowsRead: 0, rowsRejected: 0, errorCount: 1, errors: [malformedError(error)] };
  }
  const { found, missing } = resolveColumns(header, columns);
  if (missing.length > 0) {
    const errors = missing.map((name) => ({ line: 1, column: name, reason: 'missing column' }));
    return { rowsRead: 0, rowsRejected: 0, errorCount: errors.length, errors };
  }
  progress(0.05, 'reading');
  let rowsRead: number;
  try {
    rowsRead = await stageFile(duck, file, columns, found, stagePath, (f) => progress(0.05 + 0.4 * f, 'reading'));
  } catch (error) {
    return { rowsRead: 0, rowsRejected: 0, errorCount: 1, errors: [malformedError(error)] };
  }
  progress(0.5, 'validating');
  const v = await validateStage(duck, checks, found, 100, (f) => progress(0.5 + 0.15 * f, 'validating'));
  progress(0.65, v.errorCount > 0 ? `${v.errorCount} errors` : 'valid');
  return { rowsRead, rowsRejected: v.rejectedRows, errorCount: v.errorCount, errors: v.first };
}

export interface RecordOutcome extends ValidatedFile {
  /** True when the valid rows may be written (no errors, or skipInvalid). */
  written: boolean;
  rowsWritten: number;
  /** Set when rows were written: the temporary Parquet file to move into the warehouse. */
  tmpParquet: string | null;
  rejectFile: string | null;
}

/** The SELECT list that turns transformed rows into the dataset's Parquet schema. */
function datasetSelect(spec: RecordSpec, importId: string): string {
  if (!spec.dataset) throw new Error(`${spec.kind} has no warehouse dataset`);
  return DATASETS[spec.dataset]
    .map((c) => c.name === 'import_id'
      ? `CAST(${sqlLiteral(importId)} AS VARCHAR) AS import_id`
      : `CAST(${sqlIdentifier(c.name)} AS ${c.type}) AS ${sqlIdentifier(c.name)}`)
    .join(', ');
}

/** The marker DuckDB's error() raises when the one-pass import meets an invalid row. */
const INVALID_ROW = 'wcc: invalid row';

/**
 * The one-pass import for the common case of a valid file: read the source once (a CSV is parsed
 * once, a Parquet file read in place), check every cell rule and transform in the same scan, straight
 * into the temporary Parquet file. The first invalid row aborts the query (DuckDB's error()), and the
 * caller falls back to the detailed path, which stages the file and lists every bad cell with its
 * line. Returns null when the fast path does not apply or did not finish (nothing usable was written).
 */
export async function importInOnePass(opts: {
  duck: Duck; spec: RecordSpec; file: string; importId: string; tmpParquet: string; progress: Progress;
}): Promise<number | null> {
  const { duck, spec, file } = opts;
  // Kinds whose transform needs line numbers (later lines win) or that also land rows in PostgreSQL
  // (small reference files, whose transform the service reruns over valid_rows) use the staged path.
  if (!spec.dataset || spec.land || /\b_line\b/.test(spec.transform)) return null;
  // Every row read must reach the error() check and the output (rows read = rows written): only a
  // row-for-row transform qualifies, so a filter cannot hide an invalid row from the check.
  if (/\b(where|group\s+by|distinct|qualify|join|union|limit|having)\b/i.test(spec.transform)) return null;
  let header: string[];
  try {
    header = await readHeader(duck, file);
  } catch {
    return null;
  }
  const { found, missing } = resolveColumns(header, spec.columns);
  if (missing.length > 0) return null;
  const active = spec.checks.filter((c) => found.has(c.column));
  const anyBad = active.length === 0 ? 'false' : active.map((c) => `coalesce(${c.bad}, true)`).join('\n OR ');
  await duck.run(`CREATE OR REPLACE VIEW stage AS SELECT ${stageColumns(spec.columns, found).join(', ')} FROM ${sourceRelation(file)}`);
  await duck.run(`CREATE OR REPLACE VIEW valid_rows AS
    SELECT * FROM stage WHERE CASE WHEN ${anyBad} THEN error(${sqlLiteral(INVALID_ROW)}) ELSE true END`);
  opts.progress(0.05, 'checking and writing');
  try {
    const [row] = await duck.allWithProgress<{ Count: number }>(`COPY (SELECT ${datasetSelect(spec, opts.importId)} FROM (${spec.transform}) t)
      TO ${sqlLiteral(opts.tmpParquet)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`,
    (f) => opts.progress(0.05 + 0.9 * f, 'checking and writing'));
    return Number(row?.Count ?? 0);
  } catch (error) {
    // An invalid row, or a file DuckDB cannot read as declared: the staged path reports either exactly.
    await rm(opts.tmpParquet, { force: true });
    if (!(error instanceof Error)) throw error;
    return null;
  } finally {
    await duck.run('DROP VIEW IF EXISTS valid_rows; DROP VIEW IF EXISTS stage');
  }
}

export async function runRecordImport(opts: {
  duck: Duck; spec: RecordSpec; file: string; importId: string; tmpParquet: string | null; rejectFile: string;
  /** Where a CSV file's needed columns are staged as Parquet (in the job's work folder). */
  stagePath: string;
  skipInvalid: boolean; progress: Progress;
}): Promise<RecordOutcome> {
  const { duck, spec, file } = opts;
  // With --skip-invalid the caller expects bad rows, and a one pass that stops at the first of them
  // would only add a scan (measured: 48 instead of 22 CPU-s at 2M rows), so it goes straight to the staged path.
  if (opts.tmpParquet && !opts.skipInvalid) {
    const written = await importInOnePass({ duck, spec, file, importId: opts.importId, tmpParquet: opts.tmpParquet, progress: opts.progress });
    if (written !== null) {
      opts.progress(0.95, 'written');
      return { rowsRead: written, rowsRejected: 0, errorCount: 0, errors: [], written: true, rowsWritten: written,
        tmpParquet: opts.tmpParquet, rejectFile: null };
    }
    opts.progress(0.05, 'invalid rows: listing them');
  }
  const v = await stageAndValidate(duck, file, spec.columns, spec.checks, opts.stagePath, opts.progress);
  const none = { ...v, written: false, rowsWritten: 0, tmpParquet: null, rejectFile: null };
  const structural = v.errors.some((e) => e.column === '-' || e.reason === 'missing column');
  if (structural || (v.errorCount > 0 && !opts.skipInvalid)) return none;

  opts.progress(0.7, 'writing');
  if (spec.dataset && opts.tmpParquet) {
    await duck.runWithProgress(`COPY (SELECT ${datasetSelect(spec, opts.importId)} FROM (${spec.transform}) t) TO ${sqlLiteral(opts.tmpParquet)}
      (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`, (f) => opts.progress(0.7 + 0.25 * f, 'writing'));
  }
  let rejectFile: string | null = null;
  if (v.errorCount > 0) {
    await writeRejects(duck, file, opts.rejectFile);
    rejectFile = opts.rejectFile;
  }
  opts.progress(0.95, 'written');
  return { ...v, written: true, rowsWritten: v.rowsRead - v.rowsRejected, tmpParquet: opts.tmpParquet, rejectFile };
}
