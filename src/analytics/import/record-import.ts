// The DuckDB half of a record-level import: stage, validate, and (when allowed) write the valid rows
// as Parquet in the warehouse schema plus a reject file. No PostgreSQL here; the service records
// provenance and moves the file into place.
import { sqlIdentifier, sqlLiteral, type Duck } from '../duckdb.ts';
import { DATASETS } from '../warehouse/schema.ts';
import type { CellError, RecordSpec, SourceColumn, Check } from './spec.ts';
import { malformedError, readHeader, resolveColumns, stageFile, validateStage, writeRejects } from './stage.ts';

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

export async function runRecordImport(opts: {
  duck: Duck; spec: RecordSpec; file: string; importId: string; tmpParquet: string | null; rejectFile: string;
  /** Where a CSV file's needed columns are staged as Parquet (in the job's work folder). */
  stagePath: string;
  skipInvalid: boolean; progress: Progress;
}): Promise<RecordOutcome> {
  const { duck, spec, file } = opts;
  const v = await stageAndValidate(duck, file, spec.columns, spec.checks, opts.stagePath, opts.progress);
  const none = { ...v, written: false, rowsWritten: 0, tmpParquet: null, rejectFile: null };
  const structural = v.errors.some((e) => e.column === '-' || e.reason === 'missing column');
  if (structural || (v.errorCount > 0 && !opts.skipInvalid)) return none;

  opts.progress(0.7, 'writing');
  if (spec.dataset && opts.tmpParquet) {
    const select = DATASETS[spec.dataset]
      .map((c) => c.name === 'import_id'
        ? `CAST(${sqlLiteral(opts.importId)} AS VARCHAR) AS import_id`
        : `CAST(${sqlIdentifier(c.name)} AS ${c.type}) AS ${sqlIdentifier(c.name)}`)
      .join(', ');
    await duck.runWithProgress(`COPY (SELECT ${select} FROM (${spec.transform}) t) TO ${sqlLiteral(opts.tmpParquet)}
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
