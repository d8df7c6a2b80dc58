// Sign-in, sessions and lockout. The cookie carries a random token; the database keeps its SHA-256.
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../errors.ts';
import { withTransaction, type Db } from '../db.ts';
import { recordAudit } from '../audit.ts';
import { decoyHash, verifyPassword } from './password.ts';
import { loadPrincipal } from './users.ts';
import type { Principal } from './policy.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export interface SessionInfo {
  principal: Principal;
  csrfToken: string;
  expiresAt: string;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function signIn(db: Db, email: string, password: string, ttlMinutes: number): Promise<SessionInfo & { token: string }> {
  const normalised = email.trim().toLowerCase();
  const { rows } = await db.query(
    'SELECT id, password_hash, locked_until > now() AS locked, disabled FROM users WHERE email = $1', [normalised]);
  const user = rows[0];
  const ok = await verifyPassword(password, user?.password_hash ?? decoyHash);
  if (user?.locked) {
    throw new AppError('rate_limited', `This account is locked after ${MAX_FAILED_LOGINS} failed sign-ins. Try again in ${LOCKOUT_MINUTES} minutes or ask an administrator to reset the password.`);
  }
  if (!user || !ok || user.disabled) {
    if (user) {
      await withTransaction(db, async (client) => {
        const r = await client.query(
          `UPDATE users SET failed_logins = failed_logins + 1,
                  locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) END
            WHERE id = $1 RETURNING failed_logins`, [user.id, MAX_FAILED_LOGINS, LOCKOUT_MINUTES]);
        if (r.rows[0].failed_logins >= MAX_FAILED_LOGINS) {
          await recordAudit(client, { actor: null, action: 'user.locked', objectType: 'user', objectId: user.id, after: { failedLogins: r.rows[0].failed_logins } });
        }
      });
    }
    throw new AppError('unauthorised', 'The email address or password is not right.');
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  return withTransaction(db, async (client) => {
    await client.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [user.id]);
    const { rows: s } = await client.query(
      `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(mins => $4)) RETURNING expires_at`,
      [hashToken(token), user.id, csrfToken, ttlMinutes]);
    // Housekeeping: expired sessions of this user go.
    await client.query('DELETE FROM sessions WHERE user_id = $1 AND expires_at < now()', [user.id]);
    const principal = (await loadPrincipal(client, user.id))!;
    await recordAudit(client, { actor: principal, action: 'session.create', objectType: 'user', objectId: user.id });
    return { token, csrfToken, principal, expiresAt: s[0].expires_at.toISOString() };
  });
}

export async function sessionFromToken(db: Db, token: string): Promise<SessionInfo | null> {
  const { rows } = await db.query(
    `UPDATE sessions SET last_seen_at = now() WHERE token_hash = $1 AND expires_at > now()
     RETURNING user_id, csrf_token, expires_at`, [hashToken(token)]);
  const s = rows[0];
  if (!s) return null;
  const principal = await loadPrincipal(db, s.user_id);
  if (!principal) return null;
  return { principal, csrfToken: s.csrf_token, expiresAt: s.expires_at.toISOString() };
}

export async function signOut(db: Db, token: string, principal: Principal): Promise<void> {
  await withTransaction(db, async (client) => {
    await client.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
    await recordAudit(client, { actor: principal, action: 'session.end', objectType: 'user', objectId: principal.userId });
  });
}
