// A small DuckDB helper shared by the importers and the indicator engine: one in-process database per
// job, bounded threads and memory, spilling to a temp folder, parameters passed as values (never
// spliced into SQL).
import { mkdirSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';

export interface DuckOptions {
  /** Database file; ':memory:' (default) for a throwaway database. */
  path?: string;
  /** Worker threads (default 2: the machine has two cores). */
  threads?: number;
  /** e.g. '3GB' (default); DuckDB spills to tempDirectory beyond it. */
  memoryLimit?: string;
  tempDirectory?: string;
  /** Keep rows in insertion order (default true). Work whose SQL orders explicitly can turn it off so large
   *  CREATE TABLE … AS and COPY statements stream and spill instead of buffering to keep the order. */
  preserveInsertionOrder?: boolean;
}

export type Params = DuckDBValue[] | Record<string, DuckDBValue>;

export interface Duck {
  connection: DuckDBConnection;
  /** Run a statement; returns nothing. */
  run(sql: string, params?: Params): Promise<void>;
  /** Run a statement while reporting DuckDB's own progress estimate (0–1) every half second. */
  runWithProgress(sql: string, onProgress: (fraction: number) => void, params?: Params): Promise<void>;
  /** Like `all`, reporting DuckDB's progress estimate (0–1) every half second (e.g. COPY's row count). */
  allWithProgress<T = Record<string, unknown>>(sql: string, onProgress: (fraction: number) => void, params?: Params): Promise<T[]>;
  /** Rows as plain objects; BIGINT/HUGEINT become numbers when safe, DATE becomes 'YYYY-MM-DD'. */
  all<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T[]>;
  close(): void;
}

export async function openDuck(options: DuckOptions = {}): Promise<Duck> {
  const config: Record<string, string> = {
    threads: String(options.threads ?? 2),
    memory_limit: options.memoryLimit ?? '3GB',
    preserve_insertion_order: String(options.preserveInsertionOrder ?? true),
  };
  if (options.tempDirectory) {
    mkdirSync(options.tempDirectory, { recursive: true });
    config.temp_directory = options.tempDirectory;
  }
  const instance = await DuckDBInstance.create(options.path ?? ':memory:', config);
  const connection = await instance.connect();
  // Track query progress (read through connection.progress) without printing a bar of DuckDB's own.
  await connection.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
  return {
    connection,
    async run(sql, params) {
      await connection.run(sql, params);
    },
    async runWithProgress(sql, onProgress, params) {
      const timer = setInterval(() => {
        const pct = connection.progress.percentage;
        if (pct >= 0) onProgress(Math.min(1, pct / 100));
      }, 500);
      try {
        await connection.run(sql, params);
      } finally {
        clearInterval(timer);
      }
    },
    async allWithProgress<T>(sql: string, onProgress: (fraction: number) => void, params?: Params): Promise<T[]> {
      const timer = setInterval(() => {
        const pct = connection.progress.percentage;
        if (pct >= 0) onProgress(Math.min(1, pct / 100));
      }, 500);
      try {
        const reader = await connection.runAndReadAll(sql, params);
        return reader.getRowObjectsJS().map((row) => normaliseRow(row) as T);
      } finally {
        clearInterval(timer);
      }
    },
    async all<T>(sql: string, params?: Params): Promise<T[]> {
      const reader = await connection.runAndReadAll(sql, params);
      return reader.getRowObjectsJS().map((row) => normaliseRow(row) as T);
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

function normaliseRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key] = normaliseValue(value);
  return out;
}

function normaliseValue(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value;
  }
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(normaliseValue);
  return value;
}

/** A string literal for the few places DuckDB does not take parameters (COPY … TO 'path'). */
export function sqlLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A quoted identifier for column names read from a file header. */
export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
