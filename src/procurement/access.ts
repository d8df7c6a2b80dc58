// Who may see and do what on a mini-competition. Every decision for the feature is made here, on top of
// the platform policy: PCT staff act for their PCT, suppliers only for their own invitations and bids,
// evaluators only on the panels they sit on. Anything a user may not know exists is a 404.
import type pg from 'pg';
import { AppError } from '../platform/errors.ts';
import { can, type Principal } from '../platform/auth/policy.ts';

export interface CompetitionRow {
  id: string;
  reference: string;
  pct_code: string;
  framework_id: string;
  lot_code: string;
  title: string;
  status: CompetitionStatus;
  need: string;
  competencies: number[];
  budget_pounds: number;
  board_approved_on: string | null;
  board_minute: string | null;
  requirement: string | null;
  quality_weight: number | null;
  criteria: { key: string; title: string; weight: number }[] | null;
  contract_months: number | null;
  bid_deadline: Date | null;
  tender_published_at: Date | null;
  bids_opened_at: Date | null;
  preferred_supplier_id: string | null;
  standstill_ends_at: Date | null;
  awarded_at: Date | null;
  created_at: Date;
}

export type CompetitionStatus = 'draft' | 'approved' | 'tendering' | 'bids_opened' | 'moderated' | 'standstill' | 'awarded' | 'cancelled';

export interface Viewer {
  /** Reads the PCT's private data (its staff, its SHA, the national team). */
  pct: boolean;
  /** Acts for the PCT (commissioner, analyst, national admin). */
  pctWriter: boolean;
  /** Supplier ids this user acts for that were invited. */
  supplierIds: string[];
  evaluator: { declaredAt: Date | null; conflicts: string[]; submittedAt: Date | null } | null;
}

export function supplierIdsOf(p: Principal | null): string[] {
  return (p?.roles ?? []).filter((g) => g.role === 'framework_supplier' && g.orgCode).map((g) => g.orgCode!);
}

export async function shaOf(client: pg.ClientBase | pg.Pool, pctCode: string): Promise<string | null> {
  const { rows } = await client.query(
    `SELECT parent_code FROM organisation_hierarchy WHERE child_code = $1 ORDER BY valid_from DESC LIMIT 1`, [pctCode]);
  return rows[0]?.parent_code ?? null;
}

export async function loadCompetition(client: pg.ClientBase | pg.Pool, id: string, forUpdate = false): Promise<CompetitionRow> {
  if (!/^[0-9a-f-]{36}$/.test(id)) throw new AppError('not_found', 'There is no such competition.');
  const { rows } = await client.query(`SELECT * FROM procurement_competitions WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  if (!rows[0]) throw new AppError('not_found', 'There is no such competition.');
  return rows[0] as CompetitionRow;
}

export async function viewerOf(client: pg.ClientBase | pg.Pool, p: Principal | null, c: CompetitionRow): Promise<Viewer> {
  const target = { orgCode: c.pct_code, shaCode: await shaOf(client, c.pct_code) };
  const mine = supplierIdsOf(p);
  let supplierIds: string[] = [];
  if (mine.length) {
    const { rows } = await client.query(
      'SELECT supplier_id FROM procurement_invitations WHERE competition_id = $1 AND supplier_id = ANY($2::text[])', [c.id, mine]);
    supplierIds = rows.map((r) => r.supplier_id);
  }
  let evaluator: Viewer['evaluator'] = null;
  if (p) {
    const { rows } = await client.query(
      'SELECT declared_at, conflicts, submitted_at FROM procurement_evaluators WHERE competition_id = $1 AND user_id = $2', [c.id, p.userId]);
    if (rows[0]) evaluator = { declaredAt: rows[0].declared_at, conflicts: rows[0].conflicts ?? [], submittedAt: rows[0].submitted_at };
  }
  return { pct: can(p, 'org-data:read', target), pctWriter: can(p, 'org-data:write', target), supplierIds, evaluator };
}

/** 404 unless the user has some part in the competition. */
export function requireSomeRole(v: Viewer): void {
  if (!v.pct && v.supplierIds.length === 0 && !v.evaluator) throw new AppError('not_found', 'There is no such competition.');
}

export function requirePctWriter(v: Viewer): void {
  requireSomeRole(v);
  if (!v.pctWriter) throw new AppError('forbidden', 'Only the PCT running the competition can do this.');
}

export function requireStatus(c: CompetitionRow, ...allowed: CompetitionStatus[]): void {
  if (!allowed.includes(c.status)) {
    throw new AppError('conflict', `The competition is ${c.status.replace('_', ' ')}; this step needs it to be ${allowed.join(' or ').replace('_', ' ')}.`);
  }
}

/** Who may read a bid (and its attachments): a rival never (404); nobody before the deadline (403). */
export function checkMayRead(c: CompetitionRow, v: Viewer, supplierId: string): void {
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
