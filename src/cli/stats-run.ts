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
    await readCsvRows(openCsvSource(file), (header) => {
      runner = createRunner(header, options, (cells) => out.row(cells));
      out.row(runner.columns);
      return (row) => runner!.add(row);
    });
    (runner as MethodRunner | null)?.finish();
    out.end();
    if (fd >= 0) { closeSync(fd); fd = -1; renameSync(tmp!, output!); }
    else if (pending.length) await new Promise<void>((resolve) => process.stdout.write(Buffer.concat(pending), () => resolve()));
    return 0;
  } catch (e) {
    if (fd >= 0) closeSync(fd);
    if (tmp) { try { unlinkSync(tmp); } catch { /* not created */ } }
    process.stderr.write(`wcc stats ${method}: ${describeError(e, file)}\n`);
    return 2;
  }
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
