// Sealed bids. Before the deadline nobody reads a bid: not the PCT, not an administrator, not the
// supplier who sent it (they get a receipt: time and SHA-256 digest). The service refuses, the database
// view shows no content and the database refuses the decryption key until the deadline. A supplier
// never sees a rival's bid (404, before and after).
import { withTransaction, type Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Principal } from '../platform/auth/policy.ts';
import { checkMayRead, loadCompetition, requirePctWriter, requireSomeRole, requireStatus, viewerOf } from './access.ts';
import { openAttachmentList, type Attachment } from './bid-attachments.ts';
import { digestOf, seal, unseal } from './sealing.ts';
import { openingKey, sealingKey } from './bid-keys.ts';
import type { BidKek } from './bid-kek.ts';

export interface BidContent {
  response: string;
  pricePounds: number;
  documents: { name: string; text: string }[];
}

export interface BidReceipt { supplierId: string; submittedAt: string; digest: string }

export const aadOf = (competitionId: string, supplierId: string) => `${competitionId}/${supplierId}`;

export async function submitBid(db: Db, kek: BidKek, p: Principal, id: string, supplierId: string, content: BidContent): Promise<BidReceipt> {
  return withTransaction(db, async (client) => {
    const c = await loadCompetition(client, id, true);
    const v = await viewerOf(client, p, c);
    requireSomeRole(v);
    if (!v.supplierIds.includes(supplierId)) throw new AppError('forbidden', 'Only an invited supplier can bid, for itself.');
    requireStatus(c, 'tendering');
    if (new Date() >= c.bid_deadline!) throw new AppError('conflict', 'The deadline for bids has passed.');
    const plaintext = JSON.stringify(content);
    const digest = digestOf(plaintext);
    const sealed = seal(await sealingKey(client, kek, id), plaintext, aadOf(id, supplierId));
    const { rows } = await client.query(
      `INSERT INTO procurement_bids (competition_id, supplier_id, sealed_content, digest, submitted_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (competition_id, supplier_id) DO UPDATE SET sealed_content = $3, digest = $4, submitted_by = $5, submitted_at = now()
       RETURNING submitted_at`, [id, supplierId, sealed, digest, p.userId]);
    // The audit trail records that a bid arrived and its digest, never its content.
    await recordAudit(client, { actor: p, action: 'procurement.bid.submit', objectType: 'procurement_competition', objectId: id, orgCode: c.pct_code, after: { supplierId, digest } });
    return { supplierId, submittedAt: rows[0].submitted_at.toISOString(), digest };
  });
}

/** Receipts a user may see: their own supplier's; the PCT sees who bid only after the deadline. */
export async function listReceipts(db: Db, p: Principal | null, id: string): Promise<BidReceipt[]> {
  const c = await loadCompetition(db, id);
  const v = await viewerOf(db, p, c);
  requireSomeRole(v);
  const afterDeadline = c.bid_deadline !== null && new Date() >= c.bid_deadline;
  const seeAll = (v.pct || v.evaluator !== null) && afterDeadline;
  const { rows } = await db.query(
    `SELECT supplier_id, submitted_at, digest FROM procurement_bids
      WHERE competition_id = $1 AND ($2::boolean OR supplier_id = ANY($3::text[])) ORDER BY supplier_id`, [id, seeAll, v.supplierIds]);
  return rows.map((r) => ({ supplierId: r.supplier_id, submittedAt: r.submitted_at.toISOString(), digest: r.digest }));
}

/** Opening the bids, after the deadline: an audited step that copies the prices out for the formula. */
export async function openBids(db: Db, kek: BidKek, p: Principal, id: string): Promise<{ opened: number }> {
  return withTransaction(db, async (client) => {
    const c = await loadCompetition(client, id, true);
    requirePctWriter(await viewerOf(client, p, c));
    requireStatus(c, 'tendering');
    if (new Date() < c.bid_deadline!) throw new AppError('forbidden', `Bids are sealed until the deadline (${c.bid_deadline!.toISOString()}).`);
    const key = await openingKey(client, kek, id);
    const { rows } = await client.query('SELECT supplier_id, sealed_content FROM procurement_bids_opened WHERE competition_id = $1', [id]);
    for (const r of rows) {
      const content = JSON.parse(unseal(key, r.sealed_content, aadOf(id, r.supplier_id))) as BidContent;
      await client.query('INSERT INTO procurement_opened_prices (competition_id, supplier_id, price_pounds) VALUES ($1, $2, $3)', [id, r.supplier_id, content.pricePounds]);
    }
    await client.query(`UPDATE procurement_competitions SET status = 'bids_opened', bids_opened_at = now() WHERE id = $1`, [id]);
    await recordAudit(client, { actor: p, action: 'procurement.bids.open', objectType: 'procurement_competition', objectId: id, orgCode: c.pct_code, after: { opened: rows.map((r) => r.supplier_id) } });
    return { opened: rows.length };
  });
}

export async function readBid(db: Db, kek: BidKek, p: Principal | null, id: string, supplierId: string): Promise<BidContent & BidReceipt & { attachments: Attachment[] }> {
  const c = await loadCompetition(db, id);
  const v = await viewerOf(db, p, c);
  checkMayRead(c, v, supplierId);
  const { rows } = await db.query(
    'SELECT supplier_id, submitted_at, digest, sealed_content FROM procurement_bids_opened WHERE competition_id = $1 AND supplier_id = $2', [id, supplierId]);
  if (!rows[0]) throw new AppError('not_found', 'There is no such bid.');
  if (rows[0].sealed_content === null) throw new AppError('forbidden', 'Bids are sealed until the deadline.');
  const content = JSON.parse(unseal(await openingKey(db, kek, id), rows[0].sealed_content, aadOf(id, supplierId))) as BidContent;
  const attachments = await openAttachmentList(db, kek, id, supplierId);
  return { ...content, supplierId, submittedAt: rows[0].submitted_at.toISOString(), digest: rows[0].digest, attachments };
}
