/** Runs one `wcc stats` invocation: parse options, stream the CSV through the runner, write atomically. */
import { closeSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { StatsInputError } from '../stats/confidence.ts';
import { CsvChunker } from '../stats/io/csv-writer.ts';
import { openCsvSource, readCsvRows } from '../stats/io/read-csv.ts';
import { loadRunner } from '../stats/run/create-runner.ts';
import { isStatsMethod, STATS_METHODS } from '../stats/run/options.ts';
import type { MethodRunner } from '../stats/run/runner.ts';
import { parseCliOptions } from './stats-options.ts';

const STDOUT_BUFFER_LIMIT = 64 << 20;

/** Returns the exit code: 0 success, 2 bad input or options. */
export async function runStatsCli(method: string, raw: Record<string, string | boolean | undefined>): Promise<number> {
  const file = String(raw.input ?? '');
  const output = typeof raw.output === 'string' ? raw.output : undefined;
  const tmp = output ? `${output}.tmp-${process.pid}` : undefined;
  let fd = -1;
  try {
    if (!isStatsMethod(method)) throw new StatsInputError(null, `unknown method "${method}" (one of ${STATS_METHODS.join(', ')})`);
    const options = parseCliOptions(raw);
    if (typeof raw.observedTotals === 'string') options.observedTotals = await readCsvRecords(raw.observedTotals);
    const createRunner = await loadRunner(method);
    const pending: Buffer[] = [];
    let pendingSize = 0;
    if (tmp) fd = openSync(tmp, 'w');
    const write = (chunk: Buffer): void => {
      if (fd >= 0) { writeSync(fd, chunk); return; }
      // stdout: hold output until the run succeeds, unless it grows past the limit
      pending.push(chunk);
      pendingSize += chunk.length;
      if (pendingSize > STDOUT_BUFFER_LIMIT) { process.stdout.write(Buffer.concat(pending)); pending.length = 0; pendingSize = 0; }
    };
    const out = new CsvChunker(write);
    let runner: MethodRunner | null = null;
    // the header goes out with the first row (or at the end): some methods know their columns only then
    let headerDone = false;
    const header = (): void => { if (!headerDone) { headerDone = true; out.row(runner!.columns); } };
    await readCsvRows(openCsvSource(file), (columns) => {
      runner = createRunner(columns, options, (cells) => { header(); out.row(cells); });
      return (row) => runner!.add(row);
    });
    (runner as MethodRunner | null)?.finish();
    if (runner) header();
    out.end();
    if (fd >= 0) { closeSync(fd); fd = -1; renameSync(tmp!, output!); }
    else if (pending.length) await new Promise<void>((resolve) => process.stdout.write(Buffer.concat(pending), () => resolve()));
    return 0;
  } catch (e) {
    if (fd >= 0) closeSync(fd);
    if (tmp) { try { unlinkSync(tmp); } catch { /* not created */ } }
    const where = e instanceof StatsInputError && e.source === 'observedTotals' ? String(raw.observedTotals) : file;
    process.stderr.write(`wcc stats ${method}: ${describeError(e, where)}\n`);
    return 2;
  }
}

/** A small CSV (plain or .gz) as records of text cells, '' and NA as null; errors name this file. */
async function readCsvRecords(file: string): Promise<Record<string, string | null>[]> {
  const rows: Record<string, string | null>[] = [];
  try {
    await readCsvRows(openCsvSource(file), (header) => (row) => {
      const r: Record<string, string | null> = {};
      header.forEach((h, i) => { const t = row.text(i); r[h] = t === '' || t === 'NA' ? null : t; });
      rows.push(r);
    });
  } catch (e) {
    if (e instanceof StatsInputError) throw new StatsInputError(e.column, e.reason, e.row, 'observedTotals');
    const err = e as NodeJS.ErrnoException;
    throw new StatsInputError(null, err?.code === 'ENOENT' ? 'file not found' : err?.code === 'Z_DATA_ERROR' ? 'not a valid gzip file' : err?.message ?? String(e), null, 'observedTotals');
  }
  return rows;
}

export function describeError(e: unknown, file: string): string {
  if (e instanceof StatsInputError) {
    const where = [file, e.row !== null ? (e.row === 0 ? 'header' : `row ${e.row}`) : null, e.column !== null ? `column "${e.column}"` : null]
      .filter(Boolean).join(', ');
    return `${where}: ${e.reason}`;
  }
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return `${file}: file not found`;
  if (err?.code === 'Z_DATA_ERROR') return `${file}: not a valid gzip file`;
  return `${file}: ${err?.message ?? String(e)}`;
}
