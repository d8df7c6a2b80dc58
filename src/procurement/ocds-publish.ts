// Publishes OCDS releases when a step happens (inside its transaction) and reads them back as packages.
import type pg from 'pg';
import type { Db } from '../platform/db.ts';
import { callOffRelease, frameworkRelease, recordPackage, releasePackage, ocidOf, type CallOffState, type CallOffTag, type Json } from './ocds.ts';

async function insertRelease(client: pg.ClientBase, ocid: string, tag: string, at: Date, build: (id: string, date: string) => Json): Promise<void> {
  const { rows } = await client.query('SELECT count(*)::int AS n FROM ocds_releases WHERE ocid = $1', [ocid]);
  const releaseId = `${ocid}-${String(rows[0].n + 1).padStart(2, '0')}-${tag}`;
  const date = at.toISOString();
  await client.query('INSERT INTO ocds_releases (ocid, release_id, released_at, release) VALUES ($1, $2, $3, $4)',
    [ocid, releaseId, date, JSON.stringify(build(releaseId, date))]);
}

export async function publishFramework(client: pg.ClientBase, frameworkId: string, at: Date): Promise<void> {
  const f = (await client.query('SELECT * FROM procurement_frameworks WHERE id = $1', [frameworkId])).rows[0];
  const lots = (await client.query('SELECT lot_code, title FROM procurement_lots WHERE framework_id = $1 ORDER BY lot_code', [frameworkId])).rows;
  const suppliers = (await client.query(
    `SELECT DISTINCT s.id, s.name FROM procurement_lot_suppliers ls JOIN procurement_suppliers s ON s.id = ls.supplier_id
      WHERE ls.framework_id = $1 ORDER BY s.id`, [frameworkId])).rows;
  await insertRelease(client, ocidOf(frameworkId), 'framework', at, (id, date) => frameworkRelease({
    id: f.id, title: f.title, description: f.description, buyerName: f.buyer_name, startsOn: f.starts_on, endsOn: f.ends_on,
    maxCallOffMonths: f.max_call_off_months, lots: lots.map((l) => ({ code: l.lot_code, title: l.title })),
    suppliers: suppliers.map((s) => ({ id: s.id, name: s.name })),
  }, id, date));
}

async function callOffState(client: pg.ClientBase, competitionId: string): Promise<CallOffState> {
  const { rows: [c] } = await client.query(
    `SELECT c.*, o.name AS pct_name, f.title AS framework_title, l.title AS lot_title
       FROM procurement_competitions c JOIN organisations o ON o.code = c.pct_code
       JOIN procurement_frameworks f ON f.id = c.framework_id
       JOIN procurement_lots l ON l.framework_id = c.framework_id AND l.lot_code = c.lot_code
      WHERE c.id = $1`, [competitionId]);
  const opened = c.bids_opened_at !== null;
  const tenderers = opened ? (await client.query(
    `SELECT s.id, s.name FROM procurement_bids b JOIN procurement_suppliers s ON s.id = b.supplier_id
      WHERE b.competition_id = $1 ORDER BY s.id`, [competitionId])).rows.map((r) => ({ id: r.id, name: r.name })) : null;
  const k = (await client.query(
    `SELECT k.*, s.name AS supplier_name FROM procurement_contracts k JOIN procurement_suppliers s ON s.id = k.supplier_id
      WHERE k.competition_id = $1`, [competitionId])).rows[0];
  const amendments = k ? (await client.query(
    `SELECT id, created_at, description, kind FROM procurement_variations WHERE contract_id = $1 ORDER BY created_at`, [k.id])).rows : [];
  const awardValue = k ? Number(amendments.length ? (await client.query(
    'SELECT old_value FROM procurement_variations WHERE contract_id = $1 ORDER BY created_at LIMIT 1', [k.id])).rows[0].old_value : k.value_pounds) : 0;
  return {
    reference: c.reference, title: c.title, requirement: c.requirement ?? '', pct: { id: c.pct_code, name: c.pct_name },
    frameworkId: c.framework_id, frameworkTitle: c.framework_title, lot: { code: c.lot_code, title: c.lot_title },
    budget: Number(c.budget_pounds), qualityWeight: c.quality_weight ?? 0, criteria: c.criteria ?? [],
    tenderPublishedAt: c.tender_published_at.toISOString(), bidDeadline: c.bid_deadline.toISOString(),
    tenderStatus: c.status === 'cancelled' ? 'cancelled' : opened ? 'complete' : 'active',
    tenderers,
    award: k ? { date: c.awarded_at.toISOString(), supplier: { id: k.supplier_id, name: k.supplier_name }, value: awardValue, startsOn: k.starts_on, endsOn: amendments.length ? (await client.query(
      'SELECT old_ends_on FROM procurement_variations WHERE contract_id = $1 ORDER BY created_at LIMIT 1', [k.id])).rows[0].old_ends_on : k.ends_on } : null,
    contract: k ? {
      id: `${c.reference}-contract`, status: k.status === 'terminated' ? 'terminated' : 'active', dateSigned: k.signed_at.toISOString(),
      startsOn: k.starts_on, endsOn: k.status === 'terminated' ? k.terminated_on : k.ends_on, value: Number(k.value_pounds),
      amendments: amendments.map((a) => ({ id: a.id, date: a.created_at.toISOString(), description: a.description, rationale: a.kind })),
    } : null,
  };
}

export async function publishCallOff(client: pg.ClientBase, competitionId: string, tag: CallOffTag, at: Date): Promise<void> {
  const state = await callOffState(client, competitionId);
  await insertRelease(client, ocidOf(state.reference), tag, at, (id, date) => callOffRelease(state, tag, id, date));
}

async function stored(db: Db, ocid?: string): Promise<{ ocid: string; release: Json }[]> {
  const { rows } = await db.query(
    'SELECT ocid, release FROM ocds_releases WHERE ($1::text IS NULL OR ocid = $1) ORDER BY seq', [ocid ?? null]);
  return rows;
}

export async function releasePackageOf(db: Db, uri: string, ocid?: string): Promise<Json | null> {
  const rows = await stored(db, ocid);
  return rows.length ? releasePackage(rows.map((r) => r.release), uri, new Date().toISOString()) : null;
}

export async function recordPackageOf(db: Db, uri: string, ocid?: string): Promise<Json | null> {
  const rows = await stored(db, ocid);
  return rows.length ? recordPackage(rows, uri, new Date().toISOString()) : null;
}
