// The audit trail: every change of state records who, when, what, and the state before and after.
// Call recordAudit inside the same transaction as the change it describes.
import type pg from 'pg';
import type { Principal } from './auth/policy.ts';

export interface AuditEntry {
  actor: Principal | null;
  action: string;
  objectType: string;
  objectId: string;
  orgCode?: string | null;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(client: pg.ClientBase, e: AuditEntry): Promise<void> {
  await client.query(
    `INSERT INTO audit_log (actor_id, actor_email, action, object_type, object_id, org_code, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      e.actor?.userId ?? null,
      e.actor?.email ?? null,
      e.action,
      e.objectType,
      e.objectId,
      e.orgCode ?? null,
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
    ],
  );
}

export interface AuditRow {
  id: number;
  at: string;
  actorEmail: string | null;
  action: string;
  objectType: string;
  objectId: string;
  orgCode: string | null;
  before: unknown;
  after: unknown;
}

/** Audit rows, newest first, limited to what `scope` may read (organisations and the PCTs of SHAs). */
export async function listAudit(
  db: pg.Pool,
  filter: { objectType?: string; objectId?: string; orgCode?: string; limit: number; beforeId?: number },
  scope: { all: boolean; orgCodes: string[]; shaCodes: string[] },
): Promise<AuditRow[]> {
  const { rows } = await db.query(
    `SELECT a.id, a.at, a.actor_email, a.action, a.object_type, a.object_id, a.org_code, a.before, a.after
       FROM audit_log a
      WHERE ($1::text IS NULL OR a.object_type = $1)
        AND ($2::text IS NULL OR a.object_id = $2)
        AND ($3::text IS NULL OR a.org_code = $3)
        AND ($4::bigint IS NULL OR a.id < $4)
        AND ($5::boolean
             OR a.org_code = ANY($6::text[])
             OR a.org_code = ANY($7::text[])
             OR a.org_code IN (SELECT h.child_code FROM organisation_hierarchy h WHERE h.parent_code = ANY($7::text[])))
      ORDER BY a.id DESC
      LIMIT $8`,
    [filter.objectType ?? null, filter.objectId ?? null, filter.orgCode ?? null, filter.beforeId ?? null,
      scope.all, scope.orgCodes, scope.shaCodes, filter.limit],
  );
  return rows.map((r) => ({
    id: r.id, at: r.at.toISOString(), actorEmail: r.actor_email, action: r.action, objectType: r.object_type,
    objectId: r.object_id, orgCode: r.org_code, before: r.before, after: r.after,
  }));
}
