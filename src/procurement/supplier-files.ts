// Framework documents a supplier uploads as files (insurance certificate, quality accreditation…).
// Only the supplier itself uploads; the supplier and NHS staff (PCT, SHA, national) download; another
// supplier gets 404, for the list and for each file, and never learns whether a file exists.
import { withTransaction, type Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Principal } from '../platform/auth/policy.ts';
import { supplierIdsOf } from './access.ts';
import { maySeeSupplierFiles } from './frameworks.ts';
import { checkDocument } from './file-type.ts';
import { readStoredFile, storeFile } from './file-store.ts';
import { sha256Of } from './sealing.ts';

export interface SupplierFile { id: string; frameworkId: string; title: string; fileName: string; mediaType: string; sizeBytes: number; sha256: string; uploadedAt: string }

const toFile = (r: Record<string, any>): SupplierFile => ({
  id: r.id, frameworkId: r.framework_id, title: r.title, fileName: r.file_name, mediaType: r.media_type, sizeBytes: r.size_bytes,
  sha256: r.sha256, uploadedAt: r.uploaded_at.toISOString(),
});

export async function uploadSupplierFile(db: Db, dataDir: string, p: Principal, supplierId: string,
  input: { frameworkId: string; title: string; fileName: string; bytes: Buffer | null }): Promise<SupplierFile> {
  if (!supplierIdsOf(p).includes(supplierId)) throw new AppError('forbidden', 'A supplier files its own documents.');
  const errors: { path: string; message: string }[] = [];
  const onFramework = await db.query(
    'SELECT 1 FROM procurement_lot_suppliers WHERE framework_id = $1 AND supplier_id = $2 LIMIT 1', [input.frameworkId, supplierId]);
  if (!onFramework.rowCount) errors.push({ path: 'frameworkId', message: 'Choose a framework you are on.' });
  const title = input.title.trim();
  if (!title) errors.push({ path: 'title', message: 'Enter a title for the document.' });
  else if (title.length > 200) errors.push({ path: 'title', message: 'The title must be 200 characters or fewer.' });
  const bytes = input.bytes;
  const check = bytes ? checkDocument(input.fileName, bytes) : { ok: false as const, reason: 'Choose a file to upload.' };
  if (!check.ok) errors.push({ path: 'file', message: check.reason });
  if (errors.length || !check.ok || !bytes) throw new AppError('invalid', 'The document cannot be accepted.', errors);
  const storageKey = await storeFile(dataDir, 'files', bytes);
  return withTransaction(db, async (client) => {
    const { rows } = await client.query(
      `INSERT INTO procurement_supplier_files (framework_id, supplier_id, title, file_name, media_type, size_bytes, sha256, storage_key, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
      [input.frameworkId, supplierId, title, check.fileName, check.mediaType, bytes.length, sha256Of(bytes), storageKey, p.userId]);
    const f = toFile(rows[0]);
    await recordAudit(client, { actor: p, action: 'procurement.supplier_file.upload', objectType: 'procurement_supplier', objectId: supplierId,
      after: { id: f.id, frameworkId: f.frameworkId, title: f.title, fileName: f.fileName, sha256: f.sha256, sizeBytes: f.sizeBytes } });
    return f;
  });
}

export async function listSupplierFiles(db: Db, p: Principal | null, supplierId: string): Promise<SupplierFile[]> {
  if (!maySeeSupplierFiles(p, supplierId)) throw new AppError('not_found', 'There is no such supplier file.');
  const { rows } = await db.query('SELECT * FROM procurement_supplier_files WHERE supplier_id = $1 ORDER BY uploaded_at, id', [supplierId]);
  return rows.map(toFile);
}

export async function downloadSupplierFile(db: Db, dataDir: string, p: Principal | null, id: string): Promise<SupplierFile & { bytes: Buffer }> {
  if (!/^[0-9a-f-]{36}$/.test(id)) throw new AppError('not_found', 'There is no such file.');
  const { rows } = await db.query('SELECT * FROM procurement_supplier_files WHERE id = $1', [id]);
  if (!rows[0] || !maySeeSupplierFiles(p, rows[0].supplier_id)) throw new AppError('not_found', 'There is no such file.');
  const bytes = await readStoredFile(dataDir, 'files', rows[0].storage_key);
  if (sha256Of(bytes) !== rows[0].sha256) throw new AppError('unavailable', 'The stored file does not match its checksum.');
  return { ...toFile(rows[0]), bytes };
}
