// Demo accounts for a fresh database: one per role, so a new user can sign in as each actor.
import type { Db } from './db.ts';
import { createUser } from './auth/users.ts';
import type { RoleGrant } from './auth/policy.ts';

export const DEMO_PASSWORD = 'world-class-2008';

export const demoUsers: { email: string; displayName: string; roles: RoleGrant[] }[] = [
  { email: 'admin@wcc.example', displayName: 'Nadia Shah (national team)', roles: [{ role: 'national_admin', orgCode: null }] },
  { email: 'sha.lead@wcc.example', displayName: 'Simon Lee (London SHA assurance lead)', roles: [{ role: 'sha_assurance_lead', orgCode: 'Q36' }] },
  { email: 'panel@wcc.example', displayName: 'Priya Patel (London SHA panel)', roles: [{ role: 'sha_panel_member', orgCode: 'Q36' }] },
  { email: 'commissioner@wcc.example', displayName: 'Chris Morgan (Barking & Dagenham PCT)', roles: [{ role: 'pct_commissioner', orgCode: '5C2' }] },
  { email: 'analyst@wcc.example', displayName: 'Ann Lewis (Barking & Dagenham PCT analyst)', roles: [{ role: 'pct_analyst', orgCode: '5C2' }] },
  { email: 'board@wcc.example', displayName: 'Bob Evans (Barking & Dagenham PCT board)', roles: [{ role: 'pct_board_member', orgCode: '5C2' }] },
  { email: 'durham@wcc.example', displayName: 'Dee Hall (County Durham PCT commissioner and analyst)', roles: [{ role: 'pct_commissioner', orgCode: '5ND' }, { role: 'pct_analyst', orgCode: '5ND' }] },
  { email: 'supplier@wcc.example', displayName: 'Sam Price (framework supplier)', roles: [{ role: 'framework_supplier', orgCode: 'SUP-TRIBAL' }] },
];

/** Creates the demo accounts when the database has no users at all; returns whether it did. */
export async function seedDemoUsers(db: Db): Promise<boolean> {
  const { rows } = await db.query('SELECT count(*) AS n FROM users');
  if (rows[0].n > 0) return false;
  for (const u of demoUsers) await createUser(db, { ...u, password: DEMO_PASSWORD }, null);
  return true;
}
