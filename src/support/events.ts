// Events and workshops with registration up to their capacity.
import { withTransaction, type Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { recordAudit } from '../platform/audit.ts';
import { hasRole, type Principal } from '../platform/auth/policy.ts';

export interface EventInput { title: string; kind: 'workshop' | 'conference' | 'webinar' | 'network'; description: string; venue: string; startsAt: string; capacity: number; competencies: number[] }

export async function createEvent(db: Db, p: Principal | null, e: EventInput) {
  if (p && !hasRole(p, 'national_admin')) throw new AppError('forbidden', 'The national team publishes events.');
  return withTransaction(db, async (client) => {
    const { rows } = await client.query(
      `INSERT INTO support_events (title, kind, description, venue, starts_at, capacity, competencies, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, [e.title, e.kind, e.description, e.venue, e.startsAt, e.capacity, e.competencies, p?.userId ?? null]);
    await recordAudit(client, { actor: p, action: 'support.event.create', objectType: 'support_event', objectId: rows[0].id, after: e });
    return { id: rows[0].id as string };
  });
}

export async function listEvents(db: Db, p: Principal | null) {
  const { rows } = await db.query(
    `SELECT e.*, (SELECT count(*) FROM support_event_registrations r WHERE r.event_id = e.id)::int AS registered,
            EXISTS (SELECT 1 FROM support_event_registrations r WHERE r.event_id = e.id AND r.user_id = $1) AS you
       FROM support_events e ORDER BY e.starts_at`, [p?.userId ?? null]);
  return rows.map((r) => ({
    id: r.id, title: r.title, kind: r.kind, description: r.description, venue: r.venue, startsAt: r.starts_at.toISOString(),
    capacity: r.capacity, registered: r.registered, placesLeft: r.capacity - r.registered, competencies: r.competencies, youAreRegistered: r.you,
  }));
}

export async function registerForEvent(db: Db, p: Principal, eventId: string) {
  return withTransaction(db, async (client) => {
    const { rows } = await client.query('SELECT capacity, title FROM support_events WHERE id = $1 FOR UPDATE', [eventId]);
    if (!rows[0]) throw new AppError('not_found', 'There is no such event.');
    const taken = (await client.query('SELECT count(*)::int AS n FROM support_event_registrations WHERE event_id = $1', [eventId])).rows[0].n;
    const already = await client.query('SELECT 1 FROM support_event_registrations WHERE event_id = $1 AND user_id = $2', [eventId, p.userId]);
    if (already.rowCount) throw new AppError('conflict', 'You are already registered.');
    if (taken >= rows[0].capacity) throw new AppError('conflict', 'The event is full.');
    const pct = p.roles.find((g) => g.role.startsWith('pct_'))?.orgCode ?? null;
    await client.query('INSERT INTO support_event_registrations (event_id, user_id, pct_code) VALUES ($1, $2, $3)', [eventId, p.userId, pct]);
    await recordAudit(client, { actor: p, action: 'support.event.register', objectType: 'support_event', objectId: eventId, orgCode: pct, after: { pct } });
    return { placesLeft: rows[0].capacity - taken - 1 };
  });
}
