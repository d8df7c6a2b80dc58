// Evidence uploads: type checked by content, at most 20 MB, SHA-256 checksum, stored under
// <dataDir>/evidence by checksum (the same document uploaded twice is stored once), metadata in PostgreSQL.
// Uploading, confirming a carried-forward document and withdrawing one follow the self-assessment's
// editing rule; downloading needs the right to see the PCT's assessment.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile, rename } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../platform/db.ts';
import { withTransaction } from '../platform/db.ts';
import { recordAudit } from '../platform/audit.ts';
import { AppError } from '../platform/errors.ts';
import type { Principal } from '../platform/auth/policy.ts';
import { checkEvidenceFile } from './file-type.ts';
import { cycleFramework, getCycle } from './cycle-repo.ts';
import { pctTarget, requireAction, requireSeeAssessment } from './access.ts';
import { assertEditable, ensureAssessment } from './self-assessment-service.ts';
import { getEvidence, insertEvidence, type EvidenceRow } from './evidence-repo.ts';

export interface UploadInput { documentType: string; title: string; subCriteria: string[]; fileName: string; bytes: Buffer }

export async function uploadEvidence(db: Db, dataDir: string, actor: Principal | null, cycleRef: string, orgCode: string,
  input: UploadInput, now: Date): Promise<EvidenceRow> {
  const cycle = await getCycle(db, cycleRef);
  const t = await pctTarget(db, orgCode);
  const p = requireAction(actor, 'assurance:self-assess', t);
  const f = await cycleFramework(db, cycle);
  const errors: { path: string; message: string }[] = [];
  if (!f.documentTypes.some((d) => d.id === input.documentType)) errors.push({ path: 'documentType', message: `unknown document type "${input.documentType}"` });
  const subs = new Set(f.competencies.flatMap((c) => c.subCriteria.map((s) => s.number)));
  for (const s of input.subCriteria) if (!subs.has(s)) errors.push({ path: 'subCriteria', message: `no sub-criterion ${s}` });
  const check = checkEvidenceFile(input.fileName, input.bytes);
  if (!check.ok) errors.push({ path: 'file', message: check.reason });
  if (errors.length) throw new AppError('invalid', 'The document cannot be accepted.', errors);
  if (!check.ok) throw new Error('unreachable');
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const storageKey = join(sha256.slice(0, 2), sha256);
  const path = join(dataDir, 'evidence', storageKey);
  return withTransaction(db, async (c) => {
    await ensureAssessment(c, cycle, t.orgCode, p);
    await assertEditable(c, cycle, t, now);
    if (!existsSync(path)) {
      await mkdir(join(dataDir, 'evidence', sha256.slice(0, 2)), { recursive: true });
      const tmp = `${path}.${process.pid}.${Date.now()}.part`;
      await writeFile(tmp, input.bytes, { mode: 0o640 });
      await rename(tmp, path);
    }
    const row = await insertEvidence(c, { cycleId: cycle.id, orgCode: t.orgCode, documentType: input.documentType, title: input.title.trim() || input.fileName,
      fileName: input.fileName.replace(/[^\w.\- ()]/g, '_').slice(0, 200), mediaType: check.mediaType, sizeBytes: input.bytes.length, sha256,
      storageKey, subCriteria: input.subCriteria, uploadedBy: p.userId, uploadedAt: now });
    await recordAudit(c, { actor: p, action: 'assurance.evidence.upload', objectType: 'assurance_evidence', objectId: row.id, orgCode: t.orgCode,
      after: { documentType: row.documentType, fileName: row.fileName, sha256, sizeBytes: row.sizeBytes } });
    return row;
  });
}

/** Confirms a carried-forward document for this year ("reviewed") or withdraws a document. */
export async function changeEvidence(db: Db, actor: Principal | null, id: string, change: 'confirm' | 'withdraw', now: Date): Promise<void> {
  const e = await getEvidence(db, id);
  if (!e) throw new AppError('not_found', 'There is no such document.');
  const t = await pctTarget(db, e.orgCode);
  await requireSeeAssessment(db, actor, e.cycleId, t);
  const p = requireAction(actor, 'assurance:self-assess', t);
  const cycle = await getCycle(db, e.cycleId);
  await withTransaction(db, async (c) => {
    await assertEditable(c, cycle, t, now);
    if (change === 'confirm') await c.query('UPDATE assurance_evidence SET needs_review = false WHERE id = $1', [id]);
    else await c.query('UPDATE assurance_evidence SET withdrawn_at = $2 WHERE id = $1', [id, now]);
    await recordAudit(c, { actor: p, action: `assurance.evidence.${change}`, objectType: 'assurance_evidence', objectId: id, orgCode: t.orgCode,
      before: { needsReview: e.needsReview }, after: change === 'confirm' ? { needsReview: false } : { withdrawn: true } });
  });
}

export async function downloadEvidence(db: Db, dataDir: string, principal: Principal | null, id: string)
  : Promise<{ fileName: string; mediaType: string; sha256: string; bytes: Buffer }> {
  const e = await getEvidence(db, id);
  if (!e) throw new AppError('not_found', 'There is no such document.');
  await requireSeeAssessment(db, principal, e.cycleId, await pctTarget(db, e.orgCode));
  const bytes = await readFile(join(dataDir, 'evidence', e.storageKey));
  if (createHash('sha256').update(bytes).digest('hex') !== e.sha256) throw new AppError('unavailable', 'The stored document does not match its checksum.');
  return { fileName: e.fileName, mediaType: e.mediaType, sha256: e.sha256, bytes };
}
