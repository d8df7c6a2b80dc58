// Who may see and change a PCT's investment data: the PCT itself, its SHA and the national team read;
// the PCT's commissioners and analysts (and the national team) change. Objects of organisations a
// user may not read answer 404, so their existence does not leak.
import type pg from 'pg';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { can, requirePrincipal, type Principal } from '../platform/auth/policy.ts';
import { shaOf } from '../orgs/index.ts';

export async function targetOf(db: Db | pg.ClientBase, orgCode: string) {
  return { orgCode, shaCode: await shaOf(db, orgCode) };
}

export async function requireRead(db: Db, principal: Principal | null, orgCode: string, what = 'investment round'): Promise<Principal> {
  const p = requirePrincipal(principal);
  if (!can(p, 'org-data:read', await targetOf(db, orgCode))) throw new AppError('not_found', `There is no such ${what}.`);
  return p;
}

export async function requireWrite(db: Db, principal: Principal | null, orgCode: string, what = 'investment round'): Promise<Principal> {
  const p = await requireRead(db, principal, orgCode, what);
  if (!can(p, 'org-data:write', { orgCode })) throw new AppError('forbidden', `Only ${orgCode}'s commissioners and analysts can change this.`);
  return p;
}
