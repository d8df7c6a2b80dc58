/**
 * Converts the generated CSV files to Parquet with DuckDB (COPY … TO … (FORMAT parquet)), keeping every
 * column as text exactly as in the CSV (codes such as FYEAR 0809, LSOA01 and ICD-10 keep leading zeros);
 * the importers cast as they do for CSV. CSV-then-COPY is used because DuckDB's CSV reader is faster than
 * appending row by row from JavaScript.
 *
 * Determinism: a multi-threaded COPY cuts row groups where its threads' batches happen to end, so the
 * same CSV can give different Parquet bytes run to run; and reading several part files cuts them
 * differently from one joined file. So each file is converted by a single-threaded DuckDB from one whole
 * CSV (parts joined first), and the two cores are used by converting two files at once (two lanes,
 * largest files first). Single-threaded conversion also spends less CPU per row than the parallel one.
 */
import { createHash } from 'node:crypto';
import { createReadStream, rmSync, statSync } from 'node:fs';
import type { SinkSummary } from './csv-sink.js';

async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

const quoted = (file: string) => `'${file.replace(/'/g, "''")}'`;

export interface ParquetOptions {
  keepCsv?: boolean;
  /** files converted at once, each by its own single-threaded DuckDB (default 2) */
  lanes?: number;
  /** rows per Parquet row group (DuckDB's default 122,880); smaller in tests to get several groups */
  rowGroupSize?: number;
}

export async function convertToParquet(files: SinkSummary[], opts: ParquetOptions = {}): Promise<SinkSummary[]> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const lanes = Math.max(1, Math.min(opts.lanes ?? 2, files.length));
  const rowGroup = opts.rowGroupSize ? `, ROW_GROUP_SIZE ${Math.floor(opts.rowGroupSize)}` : '';
  const out: SinkSummary[] = files.slice();
  const queue = files.map((f, i) => ({ f, i })).filter(({ f }) => f.file.endsWith('.csv')).sort((a, b) => b.f.bytes - a.f.bytes);
  const lane = async () => {
    const db = await DuckDBInstance.create(':memory:', { threads: '1', memory_limit: '768MB', preserve_insertion_order: 'true' });
    const con = await db.connect();
    try {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const { f, i } = job;
        const target = f.file.replace(/\.csv$/, '.parquet');
        await con.run(`COPY (SELECT * FROM read_csv(${quoted(f.file)}, header = true, all_varchar = true, quote = '"', escape = '"')) TO ${quoted(target)} (FORMAT parquet, COMPRESSION zstd${rowGroup})`);
        if (!opts.keepCsv) rmSync(f.file);
        out[i] = { file: target, rows: f.rows, bytes: statSync(target).size, sha256: await sha256File(target) };
      }
    } finally {
      con.closeSync();
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return out;
}
