// Action learning sets: a PCT forms a set with two PCTs of its choice and a facilitator. The set, its
// meetings and notes are visible to members only (staff of the three PCTs and the facilitator); anyone
// else gets 404, administrators included.
import type pg from 'pg';
import { withTransaction, type Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { recordAudit } from '../platform/audit.ts';
import { can, type Principal } from '../platform/auth/policy.ts';

const pctCodesOf = (p: Principal | null) => (p?.roles ?? []).filter((g) => g.role.startsWith('pct_') && g.orgCode).map((g) => g.orgCode!);

export interface SetInput { leadPctCode: string; partnerPctCodes: string[]; facilitatorEmail: string; title: string; focus: string; competencies: number[] }

export async function formSet(db: Db, p: Principal, s: SetInput) {
  if (!can(p, 'org-data:write', { orgCode: s.leadPctCode }) || !pctCodesOf(p).includes(s.leadPctCode)) throw new AppError('forbidden', "A PCT's own staff form its action learning sets.");
  const partners = [...new Set(s.partnerPctCodes)];
  if (partners.length !== 2 || partners.includes(s.leadPctCode)) throw new AppError('invalid', 'Choose two other PCTs.', [{ path: 'partnerPctCodes', message: 'must be two PCTs other than your own' }]);
  return withTransaction(db, async (client) => {
    const ok = await client.query(`SELECT count(*)::int AS n FROM organisations WHERE type = 'pct' AND code = ANY($1::text[])`, [partners]);
    if (ok.rows[0].n !== 2) throw new AppError('invalid', 'Both partners must be PCTs.', [{ path: 'partnerPctCodes', message: 'must be PCT codes' }]);
    const f = await client.query('SELECT id FROM users WHERE email = $1 AND NOT disabled', [s.facilitatorEmail.toLowerCase()]);
    if (!f.rows[0]) throw new AppError('invalid', `No user has the email ${s.facilitatorEmail}.`, [{ path: 'facilitatorEmail', message: 'is not a user' }]);
    const { rows } = await client.query(
      `INSERT INTO support_learning_sets (title, focus, competencies, lead_pct_code, facilitator_user_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, [s.title, s.focus, s.competencies, s.leadPctCode, f.rows[0].id, p.userId]);
    for (const code of [s.leadPctCode, ...partners]) await client.query('INSERT INTO support_learning_set_pcts (set_id, pct_code) VALUES ($1, $2)', [rows[0].id, code]);
    await recordAudit(client, { actor: p, action: 'support.learning_set.form', objectType: 'support_learning_set', objectId: rows[0].id, orgCode: s.leadPctCode, after: s });
    return { id: rows[0].id as string };
  });
}

async function requireMember(client: pg.ClientBase | Db, p: Principal | null, setId: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/.test(setId)) throw new AppError('not_found', 'There is no such learning set.');
  const { rows } = await client.query(
    `SELECT 1 FROM support_learning_sets s WHERE s.id = $1 AND (s.facilitator_user_id = $2
        OR EXISTS (SELECT 1 FROM support_learning_set_pcts m WHERE m.set_id = s.id AND m.pct_code = ANY($3::text[])))`,
    [setId, p?.userId ?? null, pctCodesOf(p)]);
  if (!rows[0]) throw new AppError('not_found', 'There is no such learning set.');
}

/** The sets the user is a member of. */
export async function mySets(db: Db, p: Principal | null) {
  const { rows } = await db.query(
    `SELECT s.id, s.title, s.focus, s.competencies, s.lead_pct_code, u.display_name AS facilitator,
            array_agg(m.pct_code ORDER BY m.pct_code) AS pcts
       FROM support_learning_sets s JOIN users u ON u.id = s.facilitator_user_id JOIN support_learning_set_pcts m ON m.set_id = s.id
      WHERE s.facilitator_user_id = $1 OR s.id IN (SELECT set_id FROM support_learning_set_pcts WHERE pct_code = ANY($2::text[]))
      GROUP BY s.id, u.display_name ORDER BY s.created_at`, [p?.userId ?? null, pctCodesOf(p)]);
  return rows.map((r) => ({ id: r.id, title: r.title, focus: r.focus, competencies: r.competencies, leadPctCode: r.lead_pct_code, facilitator: r.facilitator, pctCodes: r.pcts }));
}

export async function setDetail(db: Db, p: Principal | null, setId: string) {
  await requireMember(db, p, setId);
  const set = (await mySets(db, p)).find((s) => s.id === setId)!;
  const { rows } = await db.query(
    `SELECT m.id, m.meets_on, m.topic, m.notes, u.display_name FROM support_learning_set_meetings m LEFT JOIN users u ON u.id = m.written_by
      WHERE m.set_id = $1 ORDER BY m.meets_on`, [setId]);
  return { ...set, meetings: rows.map((r) => ({ id: r.id, meetsOn: r.meets_on, topic: r.topic, notes: r.notes, writtenBy: r.display_name })) };
}

export async function addMeeting(db: Db, p: Principal, setId: string, m: { meetsOn: string; topic: string; notes: string }) {
  return withTransaction(db, async (client) => {
    await requireMember(client, p, setId);
    const { rows } = await client.query(
      'INSERT INTO support_learning_set_meetings (set_id, meets_on, topic, notes, written_by) VALUES ($1, $2, $3, $4, $5) RETURNING id', [setId, m.meetsOn, m.topic, m.notes, p.userId]);
    await recordAudit(client, { actor: p, action: 'support.learning_set.meeting', objectType: 'support_learning_set', objectId: setId, after: { meetingId: rows[0].id, meetsOn: m.meetsOn, topic: m.topic } });
    return { id: rows[0].id as string };
  });
}
