// Evidence document metadata in PostgreSQL; the bytes live under <dataDir>/evidence/<sha256 prefix>/<sha256>.
import type pg from 'pg';
import type { Db } from '../platform/db.ts';

export interface EvidenceRow {
  id: string; documentType: string; title: string; fileName: string; mediaType: string; sizeBytes: number;
  sha256: string; subCriteria: string[]; needsReview: boolean; carriedForward: boolean; uploadedAt: string;
}

const toRow = (r: Record<string, any>): EvidenceRow => ({
  id: r.id, documentType: r.document_type, title: r.title, fileName: r.file_name, mediaType: r.media_type,
  sizeBytes: r.size_bytes, sha256: r.sha256, subCriteria: r.sub_criteria, needsReview: r.needs_review,
  carriedForward: r.carried_from !== null, uploadedAt: new Date(r.uploaded_at).toISOString(),
});

export async function listEvidence(db: Db | pg.ClientBase, cycleId: string, orgCode: string): Promise<EvidenceRow[]> {
  const { rows } = await db.query(
    `SELECT * FROM assurance_evidence WHERE cycle_id = $1 AND org_code = $2 AND withdrawn_at IS NULL ORDER BY document_type, uploaded_at`,
    [cycleId, orgCode]);
  return rows.map(toRow);
}

export async function getEvidence(db: Db | pg.ClientBase, id: string): Promise<(EvidenceRow & { cycleId: string; orgCode: string; storageKey: string }) | null> {
  const { rows } = await db.query('SELECT * FROM assurance_evidence WHERE id = $1 AND withdrawn_at IS NULL', [id]);
  return rows.length ? { ...toRow(rows[0]), cycleId: rows[0].cycle_id, orgCode: rows[0].org_code, storageKey: rows[0].storage_key } : null;
}

export async function insertEvidence(c: pg.ClientBase, e: {
  cycleId: string; orgCode: string; documentType: string; title: string; fileName: string; mediaType: string;
  sizeBytes: number; sha256: string; storageKey: string; subCriteria: string[]; uploadedBy: string; uploadedAt: Date;
}): Promise<EvidenceRow> {
  const { rows } = await c.query(
    `INSERT INTO assurance_evidence (cycle_id, org_code, document_type, title, file_name, media_type, size_bytes, sha256, storage_key,
       sub_criteria, uploaded_by, uploaded_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING *`,
    [e.cycleId, e.orgCode, e.documentType, e.title, e.fileName, e.mediaType, e.sizeBytes, e.sha256, e.storageKey, e.subCriteria, e.uploadedBy, e.uploadedAt]);
  return toRow(rows[0]);
}
