// Provenance of imports (table data_imports).
import type { ClientBase } from 'pg';
import type { Db } from '../../platform/db.ts';

export interface ImportRecord {
  id: string;
  kind: string;
  dataset: string | null;
  fileName: string;
  sha256: string;
  rowsRead: number;
  rowsWritten: number;
  rowsRejected: number;
  rejectFile: string | null;
  options: Record<string, unknown>;
  createdBy: string | null;
  createdAt: string;
}

function toRecord(r: Record<string, any>): ImportRecord {
  return {
    id: r.id, kind: r.kind, dataset: r.dataset, fileName: r.file_name, sha256: r.sha256, rowsRead: Number(r.rows_read),
    rowsWritten: Number(r.rows_written), rowsRejected: Number(r.rows_rejected), rejectFile: r.reject_file,
    options: r.options ?? {}, createdBy: r.created_by,
    createdAt: r.created_at instanceof Date ? r.created_at.toISOString() : String(r.created_at),
  };
}

export async function findImport(db: Db | ClientBase, sha256: string, kind: string): Promise<ImportRecord | null> {
  const { rows } = await db.query('SELECT * FROM data_imports WHERE sha256 = $1 AND kind = $2', [sha256, kind]);
  return rows[0] ? toRecord(rows[0]) : null;
}

/** Inserts the provenance row; false when the same file and kind is already recorded (a race). */
export async function insertImport(client: ClientBase, r: Omit<ImportRecord, 'createdAt'>): Promise<boolean> {
  const { rowCount } = await client.query(
    `INSERT INTO data_imports (id, kind, dataset, file_name, sha256, rows_read, rows_written, rows_rejected, reject_file, options, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (sha256, kind) DO NOTHING`,
    [r.id, r.kind, r.dataset, r.fileName, r.sha256, r.rowsRead, r.rowsWritten, r.rowsRejected, r.rejectFile,
      JSON.stringify(r.options), r.createdBy]);
  return rowCount === 1;
}

export async function listImports(db: Db, opts: { kind?: string; limit?: number } = {}): Promise<ImportRecord[]> {
  const { rows } = await db.query(
    `SELECT * FROM data_imports WHERE ($1::text IS NULL OR kind = $1) ORDER BY created_at DESC, id LIMIT $2`,
    [opts.kind ?? null, Math.min(opts.limit ?? 100, 1000)]);
  return rows.map(toRecord);
}
