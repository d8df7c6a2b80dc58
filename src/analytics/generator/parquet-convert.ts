/**
 * Converts the generated CSV files to Parquet with DuckDB (COPY … TO … (FORMAT parquet)), keeping every
 * column as text exactly as in the CSV (codes such as FYEAR 0809, LSOA01 and ICD-10 keep leading zeros);
 * the importers cast as they do for CSV. CSV-then-COPY is used because DuckDB's CSV reader is multi-
 * threaded and faster than appending row by row from JavaScript.
 */
import { createHash } from 'node:crypto';
import { createReadStream, rmSync, statSync } from 'node:fs';
import type { SinkSummary } from './csv-sink.js';

async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

export async function convertToParquet(files: SinkSummary[], keepCsv = false): Promise<SinkSummary[]> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: '1GB' });
  const con = await db.connect();
  const out: SinkSummary[] = [];
  for (const f of files) {
    if (!f.file.endsWith('.csv')) { out.push(f); continue; }
    const target = f.file.replace(/\.csv$/, '.parquet');
    const src = f.file.replace(/'/g, "''");
    await con.run(`COPY (SELECT * FROM read_csv('${src}', header = true, all_varchar = true, quote = '"', escape = '"')) TO '${target.replace(/'/g, "''")}' (FORMAT parquet, COMPRESSION zstd)`);
    if (!keepCsv) rmSync(f.file);
    out.push({ file: target, rows: f.rows, bytes: statSync(target).size, sha256: await sha256File(target) });
  }
  con.closeSync();
  return out;
}
