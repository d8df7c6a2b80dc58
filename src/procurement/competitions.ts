// A mini-competition from business case to tender: the business case, the board's approval, the
// requirement with weighted criteria, invitations to every supplier in the lot, and clarifications
// shared with every bidder without saying who asked.
import { withTransaction, type Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { recordAudit } from '../platform/audit.ts';
import { authorize, type Principal } from '../platform/auth/policy.ts';
import { loadCompetition, requirePctWriter, requireSomeRole, requireStatus, shaOf, viewerOf } from './access.ts';
import { checkWeights, type Criterion } from './evaluation.ts';
import { createBidKey } from './bid-keys.ts';
import type { BidKek } from './bid-kek.ts';
import { publishCallOff } from './ocds-publish.ts';

export interface BusinessCase {
  pctCode: string; frameworkId: string; lotCode: string; title: string; need: string; competencies: number[]; budgetPounds: number;
}

export async function createCompetition(db: Db, p: Principal, b: BusinessCase): Promise<{ id: string; reference: string }> {
  return withTransaction(db, async (client) => {
    authorize(p, 'org-data:write', { orgCode: b.pctCode, shaCode: await shaOf(client, b.pctCode) });
    const pct = await client.query(`SELECT 1 FROM organisations WHERE code = $1 AND type = 'pct'`, [b.pctCode]);
    if (!pct.rowCount) throw new AppError('invalid', `${b.pctCode} is not a PCT`, [{ path: 'pctCode', message: 'is not a PCT code' }]);
    const lot = await client.query(
      `SELECT f.ends_on FROM procurement_lots l JOIN procurement_frameworks f ON f.id = l.framework_id
        WHERE l.framework_id = $1 AND l.lot_code = $2`, [b.frameworkId, b.lotCode]);
    if (!lot.rowCount) throw new AppError('invalid', 'There is no such lot on that framework.', [{ path: 'lotCode', message: 'is not a lot of the framework' }]);
    const bad = b.competencies.find((c) => !Number.isInteger(c) || c < 1 || c > 11);
    if (bad !== undefined) throw new AppError('invalid', 'Competencies are numbered 1 to 11.', [{ path: 'competencies', message: 'must be from 1 to 11' }]);
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`procurement-ref-${b.pctCode}`]);
    const n = (await client.query('SELECT count(*)::int AS n FROM procurement_competitions WHERE pct_code = $1 AND framework_id = $2', [b.pctCode, b.frameworkId])).rows[0].n;
    const reference = `${b.frameworkId}-${b.pctCode}-${String(n + 1).padStart(3, '0')}`;
    const { rows } = await client.query(
      `INSERT INTO procurement_competitions (reference, pct_code, framework_id, lot_code, title, need, competencies, budget_pounds, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [reference, b.pctCode, b.frameworkId, b.lotCode, b.title, b.need, b.competencies, b.budgetPounds, p.userId]);
    await recordAudit(client, { actor: p, action: 'procurement.business_case.create', objectType: 'procurement_competition', objectId: rows[0].id, orgCode: b.pctCode, after: { reference, ...b } });
    return { id: rows[0].id, reference };
  });
}

export async function recordBoardApproval(db: Db, p: Principal, id: string, approvedOn: string, minute: string): Promise<void> {
  await withTransaction(db, async (client) => {
    const c = await loadCompetition(client, id, true);
    requirePctWriter(await viewerOf(client, p, c));
    requireStatus(c, 'draft');
    await client.query(`UPDATE procurement_competitions SET status = 'approved', board_approved_on = $2, board_minute = $3 WHERE id = $1`, [id, approvedOn, minute]);
    await recordAudit(client, { actor: p, action: 'procurement.business_case.approve', objectType: 'procurement_competition', objectId: id, orgCode: c.pct_code, before: { status: c.status }, after: { status: 'approved', approvedOn, minute } });
  });
}

export interface Requirement { requirement: string; qualityWeight: number; criteria: Criterion[]; contractMonths: number; bidDeadline: string }

/** Publishes the requirement, invites every supplier in the lot and seals bids under a new key. */
export async function publishRequirement(db: Db, kek: BidKek, p: Principal, id: string, r: Requirement, now = new Date()): Promise<{ invited: string[] }> {
  const problems = checkWeights(r.qualityWeight, r.criteria);
  if (problems.length) throw new AppError('invalid', problems.join('; '), problems.map((m) => ({ path: 'criteria', message: m })));
  const deadline = new Date(r.bidDeadline);
  if (Number.isNaN(deadline.getTime()) || deadline <= now) throw new AppError('invalid', 'The bid deadline must be in the future.', [{ path: 'bidDeadline', message: 'must be in the future' }]);
  return withTransaction(db, async (client) => {
    const c = await loadCompetition(client, id, true);
    requirePctWriter(await viewerOf(client, p, c));
    requireStatus(c, 'approved');
    const max = (await client.query('SELECT max_call_off_months FROM procurement_frameworks WHERE id = $1', [c.framework_id])).rows[0].max_call_off_months;
    if (r.contractMonths > max) throw new AppError('invalid', `The framework allows call-offs of up to ${max} months.`, [{ path: 'contractMonths', message: `must be at most ${max}` }]);
    await client.query(
      `UPDATE procurement_competitions SET status = 'tendering', requirement = $2, quality_weight = $3, criteria = $4,
              contract_months = $5, bid_deadline = $6, tender_published_at = $7 WHERE id = $1`,
      [id, r.requirement, r.qualityWeight, JSON.stringify(r.criteria), r.contractMonths, deadline, now]);
    const { rows } = await client.query(
      `INSERT INTO procurement_invitations (competition_id, supplier_id)
       SELECT $1, supplier_id FROM procurement_lot_suppliers WHERE framework_id = $2 AND lot_code = $3
       RETURNING supplier_id`, [id, c.framework_id, c.lot_code]);
    await createBidKey(client, kek, id);
    const invited = rows.map((x) => x.supplier_id as string).sort();
    await recordAudit(client, { actor: p, action: 'procurement.tender.publish', objectType: 'procurement_competition', objectId: id, orgCode: c.pct_code, after: { ...r, invited } });
    await publishCallOff(client, id, 'tender', now);
    return { invited };
  });
}

export async function extendDeadline(db: Db, p: Principal, id: string, newDeadline: string): Promise<void> {
  await withTransaction(db, async (client) => {
    const c = await loadCompetition(client, id, true);
    requirePctWriter(await viewerOf(client, p, c));
    requireStatus(c, 'tendering');
    const d = new Date(newDeadline);
    if (!(d > c.bid_deadline!) || !(c.bid_deadline! > new Date())) throw new AppError('conflict', 'A deadline can only be moved later, before it has passed.');
    await client.query('UPDATE procurement_competitions SET bid_deadline = $2 WHERE id = $1', [id, d]);
    await recordAudit(client, { actor: p, action: 'procurement.tender.extend', objectType: 'procurement_competition', objectId: id, orgCode: c.pct_code, before: { bidDeadline: c.bid_deadline }, after: { bidDeadline: d } });
  });
}

export async function askClarification(db: Db, p: Principal, id: string, supplierId: string, question: string): Promise<string> {
  return withTransaction(db, async (client) => {
    const c = await loadCompetition(client, id);
    const v = await viewerOf(client, p, c);
    requireSomeRole(v);
    if (!v.supplierIds.includes(supplierId)) throw new AppError('forbidden', 'Only an invited supplier can ask a clarification question.');
    requireStatus(c, 'tendering');
    const { rows } = await client.query(
      'INSERT INTO procurement_clarifications (competition_id, asked_by_supplier, question) VALUES ($1, $2, $3) RETURNING id', [id, supplierId, question]);
    await recordAudit(client, { actor: p, action: 'procurement.clarification.ask', objectType: 'procurement_competition', objectId: id, orgCode: c.pct_code, after: { clarificationId: rows[0].id, supplierId, question } });
    return rows[0].id;
  });
}

export async function answerClarification(db: Db, p: Principal, id: string, clarificationId: string, answer: string): Promise<void> {
  await withTransaction(db, async (client) => {
    const c = await loadCompetition(client, id);
    requirePctWriter(await viewerOf(client, p, c));
    const { rowCount } = await client.query(
      `UPDATE procurement_clarifications SET answer = $3, answered_at = now() WHERE id = $2 AND competition_id = $1`, [id, clarificationId, answer]);
    if (!rowCount) throw new AppError('not_found', 'There is no such clarification question.');
    await recordAudit(client, { actor: p, action: 'procurement.clarification.answer', objectType: 'procurement_competition', objectId: id, orgCode: c.pct_code, after: { clarificationId, answer } });
  });
}

/** Answered questions for everyone taking part, without the asker; the PCT also sees unanswered ones. */
export async function listClarifications(db: Db, p: Principal | null, id: string) {
  const client = db;
  const c = await loadCompetition(client, id);
  const v = await viewerOf(client, p, c);
  requireSomeRole(v);
  const { rows } = await client.query(
    `SELECT id, question, answer, asked_at, answered_at FROM procurement_clarifications
      WHERE competition_id = $1 AND ($2::boolean OR answer IS NOT NULL) ORDER BY asked_at`, [id, v.pct]);
  return rows.map((r) => ({ id: r.id, question: r.question, answer: r.answer, askedAt: r.asked_at.toISOString(), answeredAt: r.answered_at?.toISOString() ?? null }));
}

export async function cancelCompetition(db: Db, p: Principal, id: string, reason: string): Promise<void> {
  await withTransaction(db, async (client) => {
    const c = await loadCompetition(client, id, true);
    requirePctWriter(await viewerOf(client, p, c));
    requireStatus(c, 'draft', 'approved', 'tendering', 'bids_opened', 'moderated', 'standstill');
    await client.query(`UPDATE procurement_competitions SET status = 'cancelled' WHERE id = $1`, [id]);
    await recordAudit(client, { actor: p, action: 'procurement.competition.cancel', objectType: 'procurement_competition', objectId: id, orgCode: c.pct_code, before: { status: c.status }, after: { status: 'cancelled', reason } });
    if (c.tender_published_at) await publishCallOff(client, id, 'tenderCancellation', new Date());
  });
}
