// Who may see and do what in a PCT's assessment. The policy (src/platform/auth/policy.ts) gives the actions;
// this adds the assurance rules: a panel member sees only the PCTs they are assigned to, and a PCT's
// assessment is private to the PCT, its SHA and the national team until the publication date.
import type pg from 'pg';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { authorize, can, hasRole, scopeOfRole, type Action, type Principal } from '../platform/auth/policy.ts';
import { getOrganisation, shaOf } from '../orgs/index.ts';

export interface PctTarget { orgCode: string; shaCode: string }

/** The PCT and its SHA; not_found for anything that is not a PCT. */
export async function pctTarget(db: Db | pg.ClientBase, orgCode: string): Promise<PctTarget> {
  const code = orgCode.toUpperCase();
  const org = await getOrganisation(db, code);
  const sha = org?.type === 'pct' ? await shaOf(db, code) : null;
  if (!sha) throw new AppError('not_found', `There is no PCT ${code}.`);
  return { orgCode: code, shaCode: sha };
}

export async function isPanelMember(db: Db | pg.ClientBase, cycleId: string, orgCode: string, userId: string): Promise<boolean> {
  const { rows } = await db.query(
    'SELECT 1 FROM assurance_panel_members WHERE cycle_id = $1 AND org_code = $2 AND user_id = $3', [cycleId, orgCode, userId]);
  return rows.length > 0;
}

/** Whether the principal may read the PCT's unpublished assessment: its own staff, its SHA's lead, the national team, assigned panel members. */
export async function canSeeAssessment(db: Db | pg.ClientBase, p: Principal | null, cycleId: string, t: PctTarget): Promise<boolean> {
  if (!p) return false;
  if (hasRole(p, 'national_admin')) return true;
  if (hasRole(p, 'sha_assurance_lead', t.shaCode)) return true;
  if (p.roles.some((g) => scopeOfRole[g.role] === 'pct' && g.orgCode === t.orgCode)) return true;
  if (can(p, 'assurance:panel-score', t)) return isPanelMember(db, cycleId, t.orgCode, p.userId);
  return false;
}

/** Throws 401 for the public and 404 for others, so an unpublished assessment's existence does not leak. */
export async function requireSeeAssessment(db: Db | pg.ClientBase, p: Principal | null, cycleId: string, t: PctTarget): Promise<void> {
  if (await canSeeAssessment(db, p, cycleId, t)) return;
  if (!p) throw new AppError('unauthorised', 'Sign in to see this assessment.');
  throw new AppError('not_found', `There is no assessment of ${t.orgCode} that you may see.`);
}

export function requireAction(p: Principal | null, action: Action, t: Partial<PctTarget> = {}): Principal {
  authorize(p, action, t);
  return p as Principal;
}
