// Documents attached to a sealed bid. The file and its name are sealed with the competition's data key
// like the bid itself: ciphertext on disk (by its checksum), the name and type sealed in the database.
// Before the deadline the supplier gets a receipt (digest and size) and nobody can read the file; after
// it, the same rules as the bid: the PCT once opened, evaluators after declaring, the supplier its own,
// a rival 404 always.
import { withTransaction, type Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Principal } from '../platform/auth/policy.ts';
import { checkMayRead, loadCompetition, requireSomeRole, requireStatus, viewerOf } from './access.ts';
import { openingKey, sealingKey } from './bid-keys.ts';
import type { BidKek } from './bid-kek.ts';
import { checkDocument } from './file-type.ts';
import { readStoredFile, storeFile } from './file-store.ts';
import { seal, sealBytes, sha256Of, unseal, unsealBytes } from './sealing.ts';

export interface AttachmentReceipt { id: string; supplierId: string; digest: string; sizeBytes: number; uploadedAt: string }
export interface Attachment extends AttachmentReceipt { fileName: string; mediaType: string }

const fileAad = (id: string, supplierId: string) => `${id}/${supplierId}/attachment`;
const metaAad = (id: string, supplierId: string) => `${id}/${supplierId}/attachment-meta`;
const receiptOf = (r: Record<string, any>): AttachmentReceipt => ({
  id: r.id, supplierId: r.supplier_id, digest: r.digest, sizeBytes: r.size_bytes, uploadedAt: r.uploaded_at.toISOString(),
});

export async function attachToBid(db: Db, dataDir: string, kek: BidKek, p: Principal, id: string, supplierId: string,
  file: { fileName: string; bytes: Buffer }): Promise<AttachmentReceipt> {
  const check = checkDocument(file.fileName, file.bytes);
  if (!check.ok) throw new AppError('invalid', 'The document cannot be attached.', [{ path: 'file', message: check.reason }]);
  return withTransaction(db, async (client) => {
    const c = await loadCompetition(client, id, true);
    const v = await viewerOf(client, p, c);
    requireSomeRole(v);
    if (!v.supplierIds.includes(supplierId)) throw new AppError('forbidden', 'Only an invited supplier can attach documents, to its own bid.');
    requireStatus(c, 'tendering');
    if (new Date() >= c.bid_deadline!) throw new AppError('conflict', 'The deadline for bids has passed.');
    const key = await sealingKey(client, kek, id);
    const storageKey = await storeFile(dataDir, 'sealed', sealBytes(key, file.bytes, fileAad(id, supplierId)));
    const meta = seal(key, JSON.stringify({ fileName: check.fileName, mediaType: check.mediaType }), metaAad(id, supplierId));
    const { rows } = await client.query(
      `INSERT INTO procurement_bid_attachments (competition_id, supplier_id, sealed_meta, size_bytes, digest, storage_key, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`, [id, supplierId, meta, file.bytes.length, sha256Of(file.bytes), storageKey, p.userId]);
    const receipt = receiptOf(rows[0]);
    // Like the bid: the audit trail holds the digest, never the name or the content.
    await recordAudit(client, { actor: p, action: 'procurement.bid.attach', objectType: 'procurement_competition', objectId: id, orgCode: c.pct_code,
      after: { supplierId, attachmentId: receipt.id, digest: receipt.digest, sizeBytes: receipt.sizeBytes } });
    return receipt;
  });
}

/** Receipts: a supplier its own at any time; the PCT and evaluators after the deadline; a rival 404. */
export async function listAttachmentReceipts(db: Db, p: Principal | null, id: string, supplierId: string): Promise<AttachmentReceipt[]> {
  const c = await loadCompetition(db, id);
  const v = await viewerOf(db, p, c);
  requireSomeRole(v);
  const own = v.supplierIds.includes(supplierId);
  if (!own && !(v.pct || v.evaluator)) throw new AppError('not_found', 'There is no such bid.');
  if (!own && (c.bid_deadline === null || new Date() < c.bid_deadline)) throw new AppError('forbidden', 'Bids are sealed until the deadline.');
  const { rows } = await db.query('SELECT * FROM procurement_bid_attachments WHERE competition_id = $1 AND supplier_id = $2 ORDER BY uploaded_at, id', [id, supplierId]);
  return rows.map(receiptOf);
}

/** Names and types of a bid's attachments, for those who may read the bid (after the deadline). */
export async function openAttachmentList(db: Db, kek: BidKek, id: string, supplierId: string): Promise<Attachment[]> {
  const { rows } = await db.query('SELECT * FROM procurement_bid_attachments WHERE competition_id = $1 AND supplier_id = $2 ORDER BY uploaded_at, id', [id, supplierId]);
  if (!rows.length) return [];
  const key = await openingKey(db, kek, id);
  return rows.map((r) => ({ ...receiptOf(r), ...(JSON.parse(unseal(key, r.sealed_meta, metaAad(id, supplierId))) as { fileName: string; mediaType: string }) }));
}

export async function downloadAttachment(db: Db, dataDir: string, kek: BidKek, p: Principal | null, id: string, supplierId: string, attachmentId: string)
  : Promise<Attachment & { bytes: Buffer }> {
  const c = await loadCompetition(db, id);
  checkMayRead(c, await viewerOf(db, p, c), supplierId);
  if (!/^[0-9a-f-]{36}$/.test(attachmentId)) throw new AppError('not_found', 'There is no such document.');
  const { rows } = await db.query('SELECT * FROM procurement_bid_attachments WHERE id = $1 AND competition_id = $2 AND supplier_id = $3', [attachmentId, id, supplierId]);
  if (!rows[0]) throw new AppError('not_found', 'There is no such document.');
  const key = await openingKey(db, kek, id);
  const bytes = unsealBytes(key, await readStoredFile(dataDir, 'sealed', rows[0].storage_key), fileAad(id, supplierId));
  if (sha256Of(bytes) !== rows[0].digest) throw new AppError('unavailable', 'The document does not match its receipt.');
  const meta = JSON.parse(unseal(key, rows[0].sealed_meta, metaAad(id, supplierId))) as { fileName: string; mediaType: string };
  return { ...receiptOf(rows[0]), ...meta, bytes };
}
