// Staging and validation in DuckDB: read the file once (all VARCHAR) into a `stage` table of the
// needed columns with line numbers, then one query yields (line, column, reason) for every bad cell.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { sqlIdentifier, sqlLiteral, type Duck } from '../duckdb.ts';
import type { CellError, Check, SourceColumn } from './spec.ts';

const MACROS = readFileSync(new URL('./macros.sql', import.meta.url), 'utf8');

export async function loadMacros(duck: Duck): Promise<void> {
  await duck.run(MACROS);
}

export function isParquet(file: string): boolean {
  return /\.parquet$/i.test(file);
}

/** The table function reading a source file, every column as text. */
export function sourceRelation(file: string): string {
  return isParquet(file)
    ? `read_parquet(${sqlLiteral(file)})`
    // RFC 4180 quoting stated, not sniffed: a quoted name with a comma ("Kingston upon Hull, City of")
    // may first appear far beyond the sniffer's sample. The delimiter comes from the header line.
    : `read_csv(${sqlLiteral(file)}, all_varchar = true, header = true, delim = ${sqlLiteral(delimiterOf(file))}, quote = '"', escape = '"', sample_size = 20480)`;
}

/** ',' unless the header line is split by '|' (NHS Digital HES extracts) or tabs. */
export function delimiterOf(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(65536);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    const header = buffer.subarray(0, n).toString('utf8').split(/\r?\n/)[0] ?? '';
    const count = (ch: string) => header.split(ch).length - 1;
    const best = [',', '|', '\t', ';'].map((d) => [d, count(d)] as const).sort((a, b) => b[1] - a[1])[0];
    return best && best[1] > 0 ? best[0] : ',';
  } finally {
    closeSync(fd);
  }
}

export async function readHeader(duck: Duck, file: string): Promise<string[]> {
  const rows = await duck.all<{ column_name: string }>(`DESCRIBE SELECT * FROM ${sourceRelation(file)}`);
  return rows.map((r) => r.column_name);
}

const normal = (name: string): string => name.trim().toUpperCase();

/** Match wanted columns to header names (case and surrounding spaces ignored, aliases allowed). */
export function resolveColumns(header: string[], columns: SourceColumn[]): { found: Map<string, string>; missing: string[] } {
  const byNormal = new Map<string, string>();
  for (const h of header) if (!byNormal.has(normal(h))) byNormal.set(normal(h), h);
  const found = new Map<string, string>();
  const missing: string[] = [];
  for (const column of columns) {
    const actual = [column.name, ...(column.aliases ?? [])].map((n) => byNormal.get(normal(n))).find((h) => h !== undefined);
    if (actual !== undefined) found.set(column.name, actual);
    else if (column.required) missing.push(column.name);
  }
  return { found, missing };
}

const TRIM_CHARS = "' ' || chr(9) || chr(13) || chr(10)";

/** The staged columns: text, blanks as NULL, trimmed unless the column says not, absent ones NULL. */
export function stageColumns(columns: SourceColumn[], found: Map<string, string>): string[] {
  return columns.map((c) => {
    const actual = found.get(c.name);
    if (actual === undefined) return `CAST(NULL AS VARCHAR) AS ${sqlIdentifier(c.name)}`;
    const text = `CAST(${sqlIdentifier(actual)} AS VARCHAR)`;
    return `NULLIF(${c.trim === false ? text : `trim(${text}, ${TRIM_CHARS})`}, '') AS ${sqlIdentifier(c.name)}`;
  });
}

/**
 * View `stage(_line, <columns>)`: text, blanks as NULL, absent optional columns NULL. `_line` is the
 * line in a CSV file (header = 1) or the 1-based row of a Parquet file. A CSV file is first copied, in
 * parallel and in order, to a Parquet file of the needed columns (`stagePath`), whose row numbers give
 * the lines; validation and transform then scan that copy in parallel. Returns the number of data rows.
 */
export async function stageFile(
  duck: Duck, file: string, columns: SourceColumn[], found: Map<string, string>, stagePath: string,
  onProgress: (fraction: number) => void = () => undefined,
): Promise<number> {
  const select = stageColumns(columns, found);
  if (isParquet(file)) {
    await duck.run(`CREATE OR REPLACE VIEW stage AS
      SELECT file_row_number + 1 AS _line, ${select.join(', ')} FROM read_parquet(${sqlLiteral(file)}, file_row_number = true)`);
  } else {
    await duck.runWithProgress(`COPY (SELECT ${select.join(', ')} FROM ${sourceRelation(file)})
      TO ${sqlLiteral(stagePath)} (FORMAT parquet, COMPRESSION snappy)`, onProgress);
    await duck.run(`CREATE OR REPLACE VIEW stage AS
      SELECT file_row_number + 2 AS _line, * EXCLUDE (file_row_number) FROM read_parquet(${sqlLiteral(stagePath)}, file_row_number = true)`);
  }
  const [row] = await duck.all<{ n: number }>('SELECT count(*) AS n FROM stage');
  return row?.n ?? 0;
}

/**
 * The one query that lists every bad cell, in a single scan of `stage`: rows with any bad cell are
 * kept, and each becomes one (line, column, reason) per failing rule. `found` maps spec names to the
 * header's spelling.
 */
export function errorsQuery(checks: Check[], found: Map<string, string>): string {
  const active = checks.filter((c) => found.has(c.column));
  if (active.length === 0) return 'SELECT CAST(NULL AS BIGINT) AS _line, CAST(NULL AS VARCHAR) AS col, CAST(NULL AS VARCHAR) AS reason WHERE false';
  const bad = (c: Check) => `coalesce(${c.bad}, true)`;
  const items = active.map((c) => `CASE WHEN ${bad(c)} THEN {'col': ${sqlLiteral(found.get(c.column) ?? c.column)},
      'reason': ${sqlLiteral(c.reason)} || coalesce(': ' || left(CAST(${sqlIdentifier(c.column)} AS VARCHAR), 40), '')} END`);
  return `SELECT _line, e.col AS col, e.reason AS reason FROM (
      SELECT _line, unnest(list_filter([${items.join(',\n')}], x -> x IS NOT NULL)) AS e
      FROM stage WHERE ${active.map(bad).join('\n OR ')}
    )`;
}

export interface Validation {
  errorCount: number;
  rejectedRows: number;
  first: CellError[];
}

/** Run the checks into table `errors` and create view `valid_rows` (stage minus rejected lines). */
export async function validateStage(
  duck: Duck, checks: Check[], found: Map<string, string>, limit = 100, onProgress: (fraction: number) => void = () => undefined,
): Promise<Validation> {
  await duck.runWithProgress(`CREATE OR REPLACE TABLE errors AS ${errorsQuery(checks, found)}`, onProgress);
  await duck.run(`CREATE OR REPLACE VIEW valid_rows AS
    SELECT * FROM stage WHERE _line NOT IN (SELECT _line FROM errors)`);
  const [counts] = await duck.all<{ n: number; lines: number }>('SELECT count(*) AS n, count(DISTINCT _line) AS lines FROM errors');
  const first = await duck.all<{ _line: number; col: string; reason: string }>(
    'SELECT _line, col, reason FROM errors ORDER BY _line, col LIMIT $1', [limit]);
  return {
    errorCount: counts?.n ?? 0,
    rejectedRows: counts?.lines ?? 0,
    first: first.map((e) => ({ line: Number(e._line), column: e.col, reason: e.reason })),
  };
}

/** Write the rejected lines, whole, with `_line` and `_errors`, as CSV. */
export async function writeRejects(duck: Duck, file: string, rejectPath: string): Promise<void> {
  const lineOffset = isParquet(file) ? 0 : 1;
  await duck.run(`COPY (
      SELECT r._line, r._errors, src.* EXCLUDE (_line)
      FROM (SELECT row_number() OVER () + ${lineOffset} AS _line, * FROM ${sourceRelation(file)}) src
      JOIN (SELECT _line, string_agg(col || ': ' || reason, '; ' ORDER BY col) AS _errors FROM errors GROUP BY _line) r
        USING (_line)
      ORDER BY r._line
    ) TO ${sqlLiteral(rejectPath)} (HEADER, DELIMITER ',')`);
}

export function formatError(fileName: string, e: CellError): string {
  return `${fileName}:${e.line}:${e.column}: ${e.reason}`;
}

/** DuckDB's CSV reader error for a malformed line, as a cell error when it names the line. */
export function malformedError(error: unknown): CellError {
  const message = error instanceof Error ? error.message : String(error);
  const line = /line (\d+)/i.exec(message)?.[1];
  const firstLine = message.split('\n').find((l) => l.trim().length > 0) ?? message;
  return { line: line ? Number(line) : 0, column: '-', reason: `malformed file: ${firstLine.slice(0, 200)}` };
}
