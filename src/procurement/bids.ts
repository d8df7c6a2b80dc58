// Sealed bids. Before the deadline nobody reads a bid: not the PCT, not an administrator, not the
// supplier who sent it (they get a receipt: time and SHA-256 digest). The service refuses, the database
// view shows no content and the database refuses the decryption key until the deadline. A supplier
// never sees a rival's bid (404, before and after).
import type pg from 'pg';
import { withTransaction, type Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Principal } from '../platform/auth/policy.ts';
import { loadCompetition, requirePctWriter, requireSomeRole, requireStatus, viewerOf, type CompetitionRow, type Viewer } from './access.ts';
import { digestOf, seal, unseal } from './sealing.ts';

export interface BidContent {
  response: string;
  pricePounds: number;
  documents: { name: string; text: string }[];
}

export interface BidReceipt { supplierId: string; submittedAt: string; digest: string }

const aadOf = (competitionId: string, supplierId: string) => `${competitionId}/${supplierId}`;

async function dataKey(client: pg.ClientBase | pg.Pool, competitionId: string): Promise<Buffer> {
  try {
    const { rows } = await client.query('SELECT procurement_bid_key($1) AS k', [competitionId]);
    return rows[0].k as Buffer;
  } catch (err) {
    if ((err as { code?: string }).code === '42501') throw new AppError('forbidden', 'Bids are sealed until the deadline.');
    throw err;
  }
}

/** The key before the deadline, for sealing only: read straight from its table, never returned. */
async function sealingKey(client: pg.ClientBase | pg.Pool, competitionId: string): Promise<Buffer> {
  const { rows } = await client.query('SELECT data_key FROM procurement_bid_keys WHERE competition_id = $1', [competitionId]);
  return rows[0].data_key as Buffer;
}

export async function submitBid(db: Db, p: Principal, id: string, supplierId: string, content: BidContent): Promise<BidReceipt> {
  return withTransaction(db, async (client) => {
    const c = await loadCompetition(client, id, true);
    const v = await viewerOf(client, p, c);
    requireSomeRole(v);
    if (!v.supplierIds.includes(supplierId)) throw new AppError('forbidden', 'Only an invited supplier can bid, for itself.');
    requireStatus(c, 'tendering');
    if (new Date() >= c.bid_deadline!) throw new AppError('conflict', 'The deadline for bids has passed.');
    const plaintext = JSON.stringify(content);
    const digest = digestOf(plaintext);
    const sealed = seal(await sealingKey(client, id), plaintext, aadOf(id, supplierId));
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
export async function openBids(db: Db, p: Principal, id: string): Promise<{ opened: number }> {
  return withTransaction(db, async (client) => {
    const c = await loadCompetition(client, id, true);
    requirePctWriter(await viewerOf(client, p, c));
    requireStatus(c, 'tendering');
    if (new Date() < c.bid_deadline!) throw new AppError('forbidden', `Bids are sealed until the deadline (${c.bid_deadline!.toISOString()}).`);
    const key = await dataKey(client, id);
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

function checkMayRead(c: CompetitionRow, v: Viewer, supplierId: string): void {
  requireSomeRole(v);
  const ownSupplier = v.supplierIds.includes(supplierId);
  const staff = v.pct || v.evaluator !== null;
  // A supplier learns nothing about a rival's bid, not even that it exists.
  if (!staff && !ownSupplier) throw new AppError('not_found', 'There is no such bid.');
  if (c.bid_deadline === null || new Date() < c.bid_deadline) throw new AppError('forbidden', 'Bids are sealed until the deadline.');
  if (ownSupplier) return;
  if (c.bids_opened_at === null) throw new AppError('conflict', 'The bids have not been opened yet.');
  if (v.evaluator) {
    if (!v.evaluator.declaredAt) throw new AppError('forbidden', 'Declare any conflicts of interest before reading bids.');
    if (v.evaluator.conflicts.includes(supplierId)) throw new AppError('forbidden', 'You declared a conflict of interest with this supplier.');
  }
}

export async function readBid(db: Db, p: Principal | null, id: string, supplierId: string): Promise<BidContent & BidReceipt> {
  const c = await loadCompetition(db, id);
  const v = await viewerOf(db, p, c);
  checkMayRead(c, v, supplierId);
  const { rows } = await db.query(
    'SELECT supplier_id, submitted_at, digest, sealed_content FROM procurement_bids_opened WHERE competition_id = $1 AND supplier_id = $2', [id, supplierId]);
  if (!rows[0]) throw new AppError('not_found', 'There is no such bid.');
  if (rows[0].sealed_content === null) throw new AppError('forbidden', 'Bids are sealed until the deadline.');
  const content = JSON.parse(unseal(await dataKey(db, id), rows[0].sealed_content, aadOf(id, supplierId))) as BidContent;
  return { ...content, supplierId, submittedAt: rows[0].submitted_at.toISOString(), digest: rows[0].digest };
}
