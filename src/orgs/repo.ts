// Organisation queries. "As of a date" is one query over validity ranges of organisations and links.
import type pg from 'pg';
import type { Db } from '../platform/db.ts';
import type { HierarchyRow, OrganisationRow } from './reference.ts';

export interface Organisation {
  code: string;
  name: string;
  type: 'england' | 'sha' | 'pct';
  onsCode: string | null;
  validFrom: string;
  validTo: string | null;
  successorCode: string | null;
  parentCode: string | null;
}

const columns = `o.code, o.name, o.type, o.ons_code, o.valid_from, o.valid_to, o.successor_code`;
const toOrg = (r: any): Organisation => ({
  code: r.code, name: r.name, type: r.type, onsCode: r.ons_code, validFrom: r.valid_from, validTo: r.valid_to,
  successorCode: r.successor_code, parentCode: r.parent_code ?? null,
});

export async function upsertOrganisations(client: pg.ClientBase, orgs: OrganisationRow[], hierarchy: HierarchyRow[]): Promise<number> {
  let changed = 0;
  for (const o of orgs) {
    const r = await client.query(
      `INSERT INTO organisations (code, name, type, ons_code, valid_from, valid_to, successor_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, type = EXCLUDED.type, ons_code = EXCLUDED.ons_code,
         valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to, successor_code = EXCLUDED.successor_code
       WHERE (organisations.name, organisations.type, organisations.ons_code, organisations.valid_from, organisations.valid_to, organisations.successor_code)
             IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.type, EXCLUDED.ons_code, EXCLUDED.valid_from, EXCLUDED.valid_to, EXCLUDED.successor_code)`,
      [o.code, o.name, o.type, o.onsCode, o.validFrom, o.validTo, o.successorCode]);
    changed += r.rowCount ?? 0;
  }
  for (const h of hierarchy) {
    const r = await client.query(
      `INSERT INTO organisation_hierarchy (child_code, parent_code, valid_from, valid_to) VALUES ($1, $2, $3, $4)
       ON CONFLICT (child_code, valid_from) DO UPDATE SET parent_code = EXCLUDED.parent_code, valid_to = EXCLUDED.valid_to
       WHERE (organisation_hierarchy.parent_code, organisation_hierarchy.valid_to) IS DISTINCT FROM (EXCLUDED.parent_code, EXCLUDED.valid_to)`,
      [h.childCode, h.parentCode, h.validFrom, h.validTo]);
    changed += r.rowCount ?? 0;
  }
  return changed;
}

export interface OrgFilter {
  type?: string;
  parent?: string;
  asOf?: string;
  search?: string;
}

/** Organisations matching the filter; with asOf, only those (and parent links) valid on that date. */
export async function findOrganisations(db: Db | pg.ClientBase, f: OrgFilter): Promise<Organisation[]> {
  const { rows } = await db.query(
    `SELECT ${columns}, h.parent_code
       FROM organisations o
       LEFT JOIN LATERAL (
         SELECT parent_code FROM organisation_hierarchy h
          WHERE h.child_code = o.code
            AND ($3::date IS NULL OR (h.valid_from <= $3 AND (h.valid_to IS NULL OR h.valid_to >= $3)))
          ORDER BY h.valid_from DESC LIMIT 1) h ON true
      WHERE ($1::text IS NULL OR o.type = $1)
        AND ($2::text IS NULL OR h.parent_code = $2)
        AND ($3::date IS NULL OR (o.valid_from <= $3 AND (o.valid_to IS NULL OR o.valid_to >= $3)))
        AND ($4::text IS NULL OR o.name ILIKE '%' || $4 || '%' OR o.code ILIKE $4)
      ORDER BY CASE o.type WHEN 'england' THEN 0 WHEN 'sha' THEN 1 ELSE 2 END, o.code`,
    [f.type ?? null, f.parent ?? null, f.asOf ?? null, f.search ?? null]);
  return rows.map(toOrg);
}

export async function getOrganisation(db: Db | pg.ClientBase, code: string, asOf?: string): Promise<Organisation | null> {
  const { rows } = await db.query(
    `SELECT ${columns},
            (SELECT parent_code FROM organisation_hierarchy h WHERE h.child_code = o.code
               AND ($2::date IS NULL OR (h.valid_from <= $2 AND (h.valid_to IS NULL OR h.valid_to >= $2)))
             ORDER BY h.valid_from DESC LIMIT 1) AS parent_code
       FROM organisations o WHERE o.code = $1`, [code, asOf ?? null]);
  return rows[0] ? toOrg(rows[0]) : null;
}

export async function describeOrganisations(db: Db, codes: string[]): Promise<Map<string, { name: string; type: string }>> {
  if (codes.length === 0) return new Map();
  const { rows } = await db.query('SELECT code, name, type FROM organisations WHERE code = ANY($1)', [codes]);
  return new Map(rows.map((r) => [r.code, { name: r.name, type: r.type }]));
}

/** The SHA a PCT sits in on a date (or latest), for policy decisions. */
export async function shaOf(db: Db | pg.ClientBase, code: string): Promise<string | null> {
  const org = await getOrganisation(db, code);
  if (!org) return null;
  if (org.type === 'sha') return org.code;
  return org.type === 'pct' ? org.parentCode : null;
}
