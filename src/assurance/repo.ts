// Framework and policy versions in PostgreSQL. syncAssuranceFrameworks loads the YAML files into the
// database at start-up, idempotently by checksum: new versions are inserted, changed unlocked versions are
// updated, unchanged ones are left alone, and a changed version that a cycle already uses is refused.
import type { Db, DbClient } from '../platform/db.ts';
import { withTransaction } from '../platform/db.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Principal } from '../platform/auth/policy.ts';
import type { Framework, Level, Rag } from './framework.ts';
import { AppError } from '../platform/errors.ts';
import { buildScorecard, type Scorecard, type ScorecardInput } from './scorecard.ts';
import { frameworkKey } from './framework.ts';
import { loadFrameworks, loadPolicies, type LoadedFramework, type LoadedPolicy } from './load-frameworks.ts';
import { parseFramework } from './validate-framework.ts';
import { validateAutonomyPolicy, type AutonomyPolicy } from './autonomy-policy.ts';

export interface SyncReport {
  inserted: string[];
  updated: string[];
  unchanged: string[];
  refused: { key: string; reason: string }[];
}

interface VersionRow { checksum: string; locked_at: Date | null }

/** Loads every framework and policy file and stores new or changed versions. Safe to run at every start. */
export async function syncAssuranceFrameworks(db: Db, actor: Principal | null = null): Promise<{ frameworks: SyncReport; policies: SyncReport }> {
  const frameworks = loadFrameworks();
  const policies = loadPolicies(undefined, frameworks.map((l) => l.framework));
  return { frameworks: await syncFrameworks(db, frameworks, actor), policies: await syncPolicies(db, policies, actor) };
}

export async function syncFrameworks(db: Db, loaded: LoadedFramework[], actor: Principal | null = null): Promise<SyncReport> {
  const report: SyncReport = { inserted: [], updated: [], unchanged: [], refused: [] };
  for (const l of loaded) {
    const f = l.framework;
    await upsertVersion(db, report, frameworkKey(f), l.checksum, actor, 'assurance_framework', {
      insert: (c) => c.query(
        `INSERT INTO assurance_frameworks (framework_id, version, era, title, content, checksum, source)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (framework_id, version) DO NOTHING`,
        [f.id, f.version, f.era, f.title, JSON.stringify(f), l.checksum, l.file]),
      select: (c) => c.query<VersionRow>(
        'SELECT checksum, locked_at FROM assurance_frameworks WHERE framework_id = $1 AND version = $2 FOR UPDATE', [f.id, f.version]),
      update: (c) => c.query(
        `UPDATE assurance_frameworks SET era = $3, title = $4, content = $5, checksum = $6, source = $7, updated_at = now()
         WHERE framework_id = $1 AND version = $2`,
        [f.id, f.version, f.era, f.title, JSON.stringify(f), l.checksum, l.file]),
    });
  }
  return report;
}

export async function syncPolicies(db: Db, loaded: LoadedPolicy[], actor: Principal | null = null): Promise<SyncReport> {
  const report: SyncReport = { inserted: [], updated: [], unchanged: [], refused: [] };
  for (const l of loaded) {
    const p = l.policy;
    await upsertVersion(db, report, `${p.id}@${p.version}`, l.checksum, actor, 'assurance_policy', {
      insert: (c) => c.query(
        `INSERT INTO assurance_policies (policy_id, version, framework_id, title, content, checksum, source)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (policy_id, version) DO NOTHING`,
        [p.id, p.version, p.framework, p.title, JSON.stringify(p), l.checksum, l.file]),
      select: (c) => c.query<VersionRow>(
        'SELECT checksum, locked_at FROM assurance_policies WHERE policy_id = $1 AND version = $2 FOR UPDATE', [p.id, p.version]),
      update: (c) => c.query(
        `UPDATE assurance_policies SET framework_id = $3, title = $4, content = $5, checksum = $6, source = $7, updated_at = now()
         WHERE policy_id = $1 AND version = $2`,
        [p.id, p.version, p.framework, p.title, JSON.stringify(p), l.checksum, l.file]),
    });
  }
  return report;
}

async function upsertVersion(db: Db, report: SyncReport, key: string, checksum: string, actor: Principal | null,
  objectType: string, q: { insert(c: DbClient): Promise<{ rowCount: number | null }>;
    select(c: DbClient): Promise<{ rows: VersionRow[] }>; update(c: DbClient): Promise<unknown> }): Promise<void> {
  await withTransaction(db, async (c) => {
    const inserted = await q.insert(c);
    if (inserted.rowCount === 1) {
      await recordAudit(c, { actor, action: 'assurance.version.loaded', objectType, objectId: key, after: { checksum } });
      report.inserted.push(key);
      return;
    }
    const existing = (await q.select(c)).rows[0];
    if (existing.checksum === checksum) {
      report.unchanged.push(key);
    } else if (existing.locked_at !== null) {
      report.refused.push({ key, reason: `${key} is used by an assurance cycle and cannot change; save the change as a new version` });
    } else {
      await q.update(c);
      await recordAudit(c, { actor, action: 'assurance.version.updated', objectType, objectId: key,
        before: { checksum: existing.checksum }, after: { checksum } });
      report.updated.push(key);
    }
  });
}

export interface FrameworkVersionSummary {
  frameworkId: string; version: string; era: string; title: string; checksum: string; loadedAt: string; locked: boolean;
}

export async function listFrameworkVersions(db: Db): Promise<FrameworkVersionSummary[]> {
  const { rows } = await db.query(
    `SELECT framework_id, version, era, title, checksum, loaded_at, locked_at IS NOT NULL AS locked
       FROM assurance_frameworks ORDER BY framework_id, version`);
  return rows.map((r) => ({ frameworkId: r.framework_id, version: r.version, era: r.era, title: r.title,
    checksum: r.checksum, loadedAt: new Date(r.loaded_at).toISOString(), locked: r.locked }));
}

/** A stored framework version, re-validated into the typed model; null when there is none. */
export async function getFramework(db: Db, frameworkId: string, version: string): Promise<Framework | null> {
  const { rows } = await db.query('SELECT content FROM assurance_frameworks WHERE framework_id = $1 AND version = $2', [frameworkId, version]);
  return rows.length ? parseFramework(rows[0].content, `assurance_frameworks ${frameworkId}@${version}`) : null;
}

export async function getPolicy(db: Db, policyId: string, version: string): Promise<AutonomyPolicy | null> {
  const { rows } = await db.query('SELECT content FROM assurance_policies WHERE policy_id = $1 AND version = $2', [policyId, version]);
  if (!rows.length) return null;
  const r = validateAutonomyPolicy(rows[0].content, `assurance_policies ${policyId}@${version}`);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.file}: ${i.path}: ${i.message}`).join('\n'));
  return r.policy;
}

export interface CycleScorecards {
  framework: Framework;
  scorecards: Scorecard[];
  incomplete: { orgCode: string; problem: string }[];   // PCTs whose agreed scores do not yet cover the framework
}

/** Scorecards for a WCC cycle from the panels' agreed scores; PCTs not fully scored are listed, not guessed. */
export async function loadCycleScorecards(db: Db, cycleId: string): Promise<CycleScorecards> {
  const cycle = await db.query('SELECT framework_id, framework_version FROM assurance_cycles WHERE id = $1', [cycleId]);
  if (!cycle.rows.length) throw new AppError('not_found', `assurance cycle ${cycleId} does not exist`);
  const framework = await getFramework(db, cycle.rows[0].framework_id, cycle.rows[0].framework_version);
  if (!framework) throw new AppError('not_found', `framework ${cycle.rows[0].framework_id}@${cycle.rows[0].framework_version} is not stored`);
  if (framework.era !== 'wcc') throw new AppError('invalid', `cycle ${cycleId} uses an oversight framework; segment it instead`);
  const { rows } = await db.query(
    `SELECT s.org_code, o.name, s.item_kind, s.item, s.level, s.rag
       FROM assurance_agreed_scores s LEFT JOIN organisations o ON o.code = s.org_code
      WHERE s.cycle_id = $1 ORDER BY s.org_code`, [cycleId]);
  const inputs = new Map<string, ScorecardInput>();
  for (const r of rows) {
    const input: ScorecardInput = inputs.get(r.org_code)
      ?? { orgCode: r.org_code, name: r.name ?? undefined, competencyLevels: {}, subIndicatorRatings: {} };
    if (r.item_kind === 'competency') input.competencyLevels[Number(r.item)] = r.level as Level;
    else input.subIndicatorRatings[r.item] = r.rag as Rag;
    inputs.set(r.org_code, input);
  }
  const scorecards: Scorecard[] = [];
  const incomplete: { orgCode: string; problem: string }[] = [];
  for (const input of inputs.values()) {
    try {
      scorecards.push(buildScorecard(framework, input));
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      incomplete.push({ orgCode: input.orgCode, problem: e.message });
    }
  }
  return { framework, scorecards, incomplete };
}
