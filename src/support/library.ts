// The good-practice library: case studies by competency, outcome and setting, searched with PostgreSQL
// full text (websearch_to_tsquery over a GIN-indexed tsvector), submitted by PCTs and approved by an
// editor (the national team).
import { withTransaction, type Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { recordAudit } from '../platform/audit.ts';
import { can, hasRole, readableScope, type Principal } from '../platform/auth/policy.ts';

export interface CaseStudyInput { pctCode: string; title: string; summary: string; body: string; outcome: string; setting: string; competencies: number[] }

const toCase = (r: Record<string, any>) => ({
  id: r.id, pctCode: r.pct_code, pctName: r.pct_name, title: r.title, summary: r.summary, body: r.body, outcome: r.outcome,
  setting: r.setting, competencies: r.competencies, status: r.status, submittedAt: r.submitted_at.toISOString(),
  ...(r.rank !== undefined ? { rank: Math.round(Number(r.rank) * 1000) / 1000 } : {}),
});

export async function submitCaseStudy(db: Db, p: Principal, c: CaseStudyInput) {
  const sha = (await db.query('SELECT parent_code FROM organisation_hierarchy WHERE child_code = $1 ORDER BY valid_from DESC LIMIT 1', [c.pctCode])).rows[0]?.parent_code ?? null;
  if (!can(p, 'org-data:write', { orgCode: c.pctCode, shaCode: sha })) throw new AppError('forbidden', 'A PCT submits its own case studies.');
  return withTransaction(db, async (client) => {
    const { rows } = await client.query(
      `INSERT INTO support_case_studies (pct_code, title, summary, body, outcome, setting, competencies, submitted_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, [c.pctCode, c.title, c.summary, c.body, c.outcome, c.setting, c.competencies, p.userId]);
    await recordAudit(client, { actor: p, action: 'support.case_study.submit', objectType: 'support_case_study', objectId: rows[0].id, orgCode: c.pctCode, after: c });
    return { id: rows[0].id as string };
  });
}

export async function reviewCaseStudy(db: Db, p: Principal, id: string, decision: 'approved' | 'rejected', note: string) {
  if (!hasRole(p, 'national_admin')) throw new AppError('forbidden', 'Only an editor (the national team) approves case studies.');
  await withTransaction(db, async (client) => {
    const { rows } = await client.query(
      `UPDATE support_case_studies SET status = $2, reviewed_by = $3, reviewed_at = now(), review_note = $4
        WHERE id = $1 AND status = 'submitted' RETURNING pct_code`, [id, decision, p.userId, note]);
    if (!rows[0]) throw new AppError('not_found', 'There is no case study waiting for review with that id.');
    await recordAudit(client, { actor: p, action: `support.case_study.${decision === 'approved' ? 'approve' : 'reject'}`, objectType: 'support_case_study', objectId: id, orgCode: rows[0].pct_code, after: { status: decision, note } });
  });
}

export interface LibraryQuery { q?: string; competency?: number; setting?: string; status?: 'approved' | 'submitted' }

/** Approved case studies for everyone; submitted ones for the editor and the PCT that sent them. */
export async function searchCaseStudies(db: Db, p: Principal | null, f: LibraryQuery) {
  const status = f.status ?? 'approved';
  const scope = readableScope(p);
  const editor = hasRole(p, 'national_admin');
  const { rows } = await db.query(
    `SELECT s.*, o.name AS pct_name, CASE WHEN $1::text IS NULL THEN NULL ELSE ts_rank(s.search, websearch_to_tsquery('english', $1)) END AS rank
       FROM support_case_studies s JOIN organisations o ON o.code = s.pct_code
      WHERE s.status = $2
        AND ($1::text IS NULL OR s.search @@ websearch_to_tsquery('english', $1))
        AND ($3::int IS NULL OR $3::smallint = ANY(s.competencies))
        AND ($4::text IS NULL OR s.setting = $4)
        AND ($2 = 'approved' OR $5::boolean OR s.pct_code = ANY($6::text[]))
      ORDER BY rank DESC NULLS LAST, s.submitted_at DESC LIMIT 100`,
    [f.q?.trim() || null, status, f.competency ?? null, f.setting ?? null, editor, scope.orgCodes]);
  return rows.map((r) => (r.rank === null ? toCase({ ...r, rank: undefined }) : toCase(r)));
}
