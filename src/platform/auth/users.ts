// Accounts: create, list, reset passwords, and the principal (user with role grants) behind a session.
import type pg from 'pg';
import { AppError } from '../errors.ts';
import { withTransaction, type Db } from '../db.ts';
import { recordAudit } from '../audit.ts';
import { checkPasswordStrength, hashPassword, verifyPassword } from './password.ts';
import { hashToken } from './sessions.ts';
import { roleNames, scopeOfRole, type Principal, type RoleGrant, type RoleName } from './policy.ts';

export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  roles: RoleGrant[];
}

export interface UserSummary {
  id: string;
  email: string;
  displayName: string;
  roles: RoleGrant[];
  locked: boolean;
}

const orgTypeOfScope = { sha: 'sha', pct: 'pct' } as const;

async function checkGrants(client: pg.ClientBase, roles: RoleGrant[]): Promise<void> {
  for (const [i, g] of roles.entries()) {
    if (!roleNames.includes(g.role)) {
      throw new AppError('invalid', `unknown role "${g.role}"`, [{ path: `roles/${i}/role`, message: `must be one of ${roleNames.join(', ')}` }]);
    }
    const scope = scopeOfRole[g.role];
    if (scope === 'national') {
      if (g.orgCode) throw new AppError('invalid', `${g.role} is a national role and takes no organisation`, [{ path: `roles/${i}/orgCode`, message: 'must be empty for a national role' }]);
      continue;
    }
    if (!g.orgCode) throw new AppError('invalid', `${g.role} needs an organisation`, [{ path: `roles/${i}/orgCode`, message: 'is required for this role' }]);
    if (scope === 'supplier') continue;
    const { rows } = await client.query('SELECT type FROM organisations WHERE code = $1', [g.orgCode]);
    if (rows[0]?.type !== orgTypeOfScope[scope]) {
      throw new AppError('invalid', `${g.role} must be held for ${scope === 'sha' ? 'an SHA' : 'a PCT'}; "${g.orgCode}" is not one`,
        [{ path: `roles/${i}/orgCode`, message: `is not ${scope === 'sha' ? 'an SHA' : 'a PCT'} code` }]);
    }
  }
}

export async function createUser(db: Db, input: NewUser, actor: Principal | null): Promise<UserSummary> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new AppError('invalid', `"${input.email}" is not an email address`, [{ path: 'email', message: 'is not an email address' }]);
  const weak = checkPasswordStrength(input.password);
  if (weak) throw new AppError('invalid', weak, [{ path: 'password', message: weak }]);
  const hash = await hashPassword(input.password);
  return withTransaction(db, async (client) => {
    await checkGrants(client, input.roles);
    const exists = await client.query('SELECT 1 FROM users WHERE email = $1', [email]);
    if (exists.rowCount) throw new AppError('conflict', `a user with email ${email} already exists`);
    const { rows } = await client.query(
      'INSERT INTO users (email, display_name, password_hash) VALUES ($1, $2, $3) RETURNING id',
      [email, input.displayName, hash],
    );
    const id: string = rows[0].id;
    for (const g of input.roles) {
      await client.query('INSERT INTO user_roles (user_id, role, org_code) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [id, g.role, g.orgCode ?? '']);
    }
    const summary = { id, email, displayName: input.displayName, roles: input.roles, locked: false };
    await recordAudit(client, { actor, action: 'user.create', objectType: 'user', objectId: id, after: { email, displayName: input.displayName, roles: input.roles } });
    return summary;
  });
}

export async function resetPassword(db: Db, email: string, password: string, actor: Principal | null): Promise<void> {
  const weak = checkPasswordStrength(password);
  if (weak) throw new AppError('invalid', weak, [{ path: 'password', message: weak }]);
  const hash = await hashPassword(password);
  await withTransaction(db, async (client) => {
    const { rows } = await client.query(
      `UPDATE users SET password_hash = $2, failed_logins = 0, locked_until = NULL, password_changed_at = now()
        WHERE email = $1 RETURNING id`, [email.trim().toLowerCase(), hash]);
    if (!rows[0]) throw new AppError('not_found', `no user has the email ${email}`);
    await client.query('DELETE FROM sessions WHERE user_id = $1', [rows[0].id]);
    await recordAudit(client, { actor, action: 'user.reset-password', objectType: 'user', objectId: rows[0].id, after: { passwordChanged: true, sessionsEnded: true } });
  });
}

export async function listUsers(db: Db): Promise<UserSummary[]> {
  const { rows } = await db.query(
    `SELECT u.id, u.email, u.display_name, (u.locked_until > now()) AS locked,
            COALESCE(json_agg(json_build_object('role', r.role, 'orgCode', NULLIF(r.org_code, '')) ORDER BY r.role, r.org_code)
                     FILTER (WHERE r.role IS NOT NULL), '[]') AS roles
       FROM users u LEFT JOIN user_roles r ON r.user_id = u.id
      GROUP BY u.id ORDER BY u.email`);
  return rows.map((r) => ({ id: r.id, email: r.email, displayName: r.display_name, roles: r.roles, locked: !!r.locked }));
}

export async function loadPrincipal(client: pg.ClientBase | Db, userId: string): Promise<Principal | null> {
  const { rows } = await client.query(
    `SELECT u.id, u.email, u.display_name, r.role, r.org_code
       FROM users u LEFT JOIN user_roles r ON r.user_id = u.id
      WHERE u.id = $1 AND NOT u.disabled ORDER BY r.role, r.org_code`, [userId]);
  if (!rows[0]) return null;
  return {
    userId: rows[0].id,
    email: rows[0].email,
    displayName: rows[0].display_name,
    roles: rows.filter((r) => r.role).map((r) => ({ role: r.role as RoleName, orgCode: r.org_code || null })),
  };
}

export async function changePassword(db: Db, principal: Principal, current: string, next: string, keepSessionToken: string): Promise<void> {
  const { rows } = await db.query('SELECT password_hash FROM users WHERE id = $1', [principal.userId]);
  if (!rows[0] || !(await verifyPassword(current, rows[0].password_hash))) {
    throw new AppError('invalid', 'Your current password is not right.', [{ path: 'body/currentPassword', message: 'is not right' }]);
  }
  const weak = checkPasswordStrength(next);
  if (weak) throw new AppError('invalid', weak, [{ path: 'body/newPassword', message: weak }]);
  const hash = await hashPassword(next);
  await withTransaction(db, async (client) => {
    await client.query('UPDATE users SET password_hash = $2, password_changed_at = now() WHERE id = $1', [principal.userId, hash]);
    await client.query('DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2', [principal.userId, hashToken(keepSessionToken)]);
    await recordAudit(client, { actor: principal, action: 'user.change-password', objectType: 'user', objectId: principal.userId, after: { passwordChanged: true } });
  });
}
