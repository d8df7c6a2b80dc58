// Reading competitions: the list a user may see and one competition as their part in it allows —
// the PCT sees the business case, suppliers the requirement, evaluators what they need to score.
import type { Db } from '../platform/db.ts';
import { readableScope, type Principal } from '../platform/auth/policy.ts';
import { loadCompetition, requireSomeRole, supplierIdsOf, viewerOf } from './access.ts';

export async function listCompetitions(db: Db, p: Principal | null) {
  const scope = readableScope(p);
  const { rows } = await db.query(
    `SELECT c.id, c.reference, c.title, c.pct_code, o.name AS pct_name, c.status, c.lot_code, c.bid_deadline
       FROM procurement_competitions c JOIN organisations o ON o.code = c.pct_code
      WHERE $1::boolean OR c.pct_code = ANY($2::text[])
         OR c.pct_code IN (SELECT child_code FROM organisation_hierarchy WHERE parent_code = ANY($3::text[]))
         OR c.id IN (SELECT competition_id FROM procurement_invitations WHERE supplier_id = ANY($4::text[]))
         OR c.id IN (SELECT competition_id FROM procurement_evaluators WHERE user_id = $5)
      ORDER BY c.created_at DESC`, [scope.all, scope.orgCodes, scope.shaCodes, supplierIdsOf(p), p?.userId ?? null]);
  return rows.map((r) => ({
    id: r.id, reference: r.reference, title: r.title, pctCode: r.pct_code, pctName: r.pct_name, status: r.status, lotCode: r.lot_code,
    bidDeadline: r.bid_deadline?.toISOString() ?? null,
  }));
}

export async function competitionDetail(db: Db, p: Principal | null, id: string, now = new Date()) {
  const c = await loadCompetition(db, id);
  const v = await viewerOf(db, p, c);
  requireSomeRole(v);
  const names = (await db.query(
    `SELECT o.name AS pct_name, f.title AS framework_title, l.title AS lot_title, s.name AS preferred_name
       FROM organisations o, procurement_frameworks f, procurement_lots l
       LEFT JOIN procurement_suppliers s ON s.id = $4
      WHERE o.code = $1 AND f.id = $2 AND l.framework_id = $2 AND l.lot_code = $3`,
    [c.pct_code, c.framework_id, c.lot_code, c.preferred_supplier_id])).rows[0];
  const invited = v.pct ? (await db.query(
    `SELECT s.id, s.name FROM procurement_invitations i JOIN procurement_suppliers s ON s.id = i.supplier_id
      WHERE i.competition_id = $1 ORDER BY s.name`, [id])).rows.map((r) => ({ id: r.id, name: r.name })) : null;
  const contract = (await db.query('SELECT id FROM procurement_contracts WHERE competition_id = $1', [id])).rows[0];
  return {
    id: c.id, reference: c.reference, title: c.title, status: c.status, pctCode: c.pct_code, pctName: names.pct_name,
    frameworkId: c.framework_id, frameworkTitle: names.framework_title, lotCode: c.lot_code, lotTitle: names.lot_title,
    businessCase: v.pct ? {
      need: c.need, competencies: c.competencies, budgetPounds: Number(c.budget_pounds),
      boardApprovedOn: c.board_approved_on, boardMinute: c.board_minute,
    } : null,
    requirement: c.requirement, qualityWeight: c.quality_weight, priceWeight: c.quality_weight === null ? null : 100 - c.quality_weight,
    criteria: c.criteria, contractMonths: c.contract_months,
    bidDeadline: c.bid_deadline?.toISOString() ?? null,
    sealed: c.bid_deadline === null || now < c.bid_deadline,
    bidsOpenedAt: c.bids_opened_at?.toISOString() ?? null,
    preferredBidder: c.preferred_supplier_id && (v.pct || v.evaluator || c.status === 'awarded' || v.supplierIds.length)
      ? { id: c.preferred_supplier_id, name: names.preferred_name as string } : null,
    standstillEndsAt: c.standstill_ends_at?.toISOString() ?? null,
    awardedAt: c.awarded_at?.toISOString() ?? null,
    contractId: contract?.id ?? null,
    invited,
    you: {
      pct: v.pct, pctWriter: v.pctWriter, supplierIds: v.supplierIds,
      evaluator: v.evaluator ? { declared: v.evaluator.declaredAt !== null, conflicts: v.evaluator.conflicts, submitted: v.evaluator.submittedAt !== null } : null,
    },
  };
}
