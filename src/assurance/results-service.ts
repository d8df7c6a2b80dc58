// Ratings and consequences, and what is published. Before the publication date (and national
// confirmation) a PCT's results are visible only to those who may see its assessment; afterwards to all.
import type { Db } from '../platform/db.ts';
import { withTransaction } from '../platform/db.ts';
import { recordAudit } from '../platform/audit.ts';
import { AppError } from '../platform/errors.ts';
import type { Principal } from '../platform/auth/policy.ts';
import { getPolicy, loadCycleScorecards } from './repo.ts';
import { proposeAutonomy } from './autonomy.ts';
import { wccLeague, type LeagueRow } from './league.ts';
import { assuranceOpenData, type Cell } from './open-data.ts';
import { isPublished } from './timetable.ts';
import { getCycle, type Cycle } from './cycle-repo.ts';
import { canSeeAssessment, pctTarget, requireAction } from './access.ts';
import type { Scorecard } from './scorecard.ts';
import type { WccFramework } from './framework.ts';

export const published = (cycle: Cycle, now: Date) => cycle.confirmedAt !== null && isPublished(cycle.timetable, now);

/** Proposes earned-autonomy statuses from the policy data and stores them for the national team to confirm. */
export async function computeAutonomy(db: Db, actor: Principal | null, cycleRef: string) {
  const p = requireAction(actor, 'assurance:manage');
  const cycle = await getCycle(db, cycleRef);
  if (cycle.confirmedAt) throw new AppError('conflict', 'This cycle\'s ratings are already confirmed.');
  if (!cycle.policyId || !cycle.policyVersion) throw new AppError('invalid', 'This cycle has no earned-autonomy policy.');
  const { framework, scorecards, incomplete } = await loadCycleScorecards(db, cycle.id);
  if (!scorecards.length) throw new AppError('conflict', 'No PCT has a complete set of agreed scores yet.');
  const policy = await getPolicy(db, cycle.policyId, cycle.policyVersion);
  if (!policy) throw new AppError('not_found', `Policy ${cycle.policyId}@${cycle.policyVersion} is not stored.`);
  const proposal = proposeAutonomy(framework as WccFramework, policy, scorecards, await previousRanks(db, cycle));
  await withTransaction(db, async (c) => {
    await c.query('DELETE FROM assurance_autonomy WHERE cycle_id = $1', [cycle.id]);
    for (const d of proposal.decisions) {
      await c.query(
        `INSERT INTO assurance_autonomy (cycle_id, org_code, proposed_status, reasons, offers, development_focus) VALUES ($1, $2, $3, $4, $5, $6)`,
        [cycle.id, d.orgCode, d.status, JSON.stringify(d.reasons), JSON.stringify(d.offers), JSON.stringify(d.developmentFocus)]);
    }
    await recordAudit(c, { actor: p, action: 'assurance.autonomy.compute', objectType: 'assurance_cycle', objectId: cycle.id, after: { counts: proposal.counts, warnings: proposal.warnings } });
  });
  return { ...proposal, incomplete };
}

/** The national administrator confirms (or changes, with a reason) each status; the cycle is then confirmed. */
export async function confirmAutonomy(db: Db, actor: Principal | null, cycleRef: string, changes: { orgCode: string; status: string; reason: string }[], now: Date) {
  const p = requireAction(actor, 'assurance:manage');
  const cycle = await getCycle(db, cycleRef);
  if (cycle.confirmedAt) throw new AppError('conflict', 'This cycle\'s ratings are already confirmed.');
  const policy = cycle.policyId && cycle.policyVersion ? await getPolicy(db, cycle.policyId, cycle.policyVersion) : null;
  const statuses = new Set(policy?.statuses.map((s) => s.id) ?? []);
  return withTransaction(db, async (c) => {
    const { rows } = await c.query('SELECT org_code, proposed_status FROM assurance_autonomy WHERE cycle_id = $1 FOR UPDATE', [cycle.id]);
    if (!rows.length) throw new AppError('conflict', 'Compute the autonomy proposals first.');
    for (const ch of changes) {
      if (!statuses.has(ch.status)) throw new AppError('invalid', `Unknown status "${ch.status}".`, [{ path: 'changes', message: `unknown status ${ch.status}` }]);
      if (!ch.reason.trim()) throw new AppError('invalid', 'Give a reason for changing a proposed status.', [{ path: 'changes', message: 'reason required' }]);
    }
    const byOrg = new Map(changes.map((ch) => [ch.orgCode.toUpperCase(), ch]));
    for (const r of rows) {
      const ch = byOrg.get(r.org_code);
      await c.query('UPDATE assurance_autonomy SET status = $3, change_reason = $4, confirmed_by = $5, confirmed_at = $6 WHERE cycle_id = $1 AND org_code = $2',
        [cycle.id, r.org_code, ch?.status ?? r.proposed_status, ch?.reason.trim() ?? null, p.userId, now]);
    }
    await c.query("UPDATE assurance_cycles SET confirmed_at = $2, confirmed_by = $3, status = 'confirmed' WHERE id = $1", [cycle.id, now, p.userId]);
    await recordAudit(c, { actor: p, action: 'assurance.autonomy.confirm', objectType: 'assurance_cycle', objectId: cycle.id, after: { changes, confirmed: rows.length } });
    return { confirmed: rows.length, changed: changes.length };
  });
}

async function previousRanks(db: Db, cycle: Cycle): Promise<Map<string, number>> {
  if (!cycle.previousCycleId) return new Map();
  const prev = await getCycle(db, cycle.previousCycleId);
  if (!prev.confirmedAt) return new Map();
  const { framework, scorecards } = await loadCycleScorecards(db, prev.id);
  return new Map(wccLeague(framework as WccFramework, scorecards).map((r) => [r.orgCode, r.rank]));
}

export interface Results {
  cycle: Cycle; framework: WccFramework; league: LeagueRow[]; scorecards: Scorecard[];
  autonomy: Map<string, { status: string | null; proposed: string; reasons: string[]; offers: string[]; focus: { number: number; title: string; level: number }[] }>;
  segments: Map<string, number>; previous: Map<string, Scorecard>;
}

/** Everything a results view needs, without access checks (callers check). */
export async function loadResults(db: Db, cycleRef: string): Promise<Results> {
  const cycle = await getCycle(db, cycleRef);
  const { framework, scorecards } = await loadCycleScorecards(db, cycle.id);
  const league = wccLeague(framework as WccFramework, scorecards, await previousRanks(db, cycle));
  const { rows } = await db.query('SELECT * FROM assurance_autonomy WHERE cycle_id = $1', [cycle.id]);
  const autonomy = new Map(rows.map((r) => [r.org_code as string, { status: r.status, proposed: r.proposed_status, reasons: r.reasons, offers: r.offers, focus: r.development_focus }]));
  // Segments: status groups numbered by their mean league rank, best first (data-driven: no status is named in code).
  const rankOf = new Map(league.map((l) => [l.orgCode, l.rank]));
  const groups = new Map<string, number[]>();
  for (const [org, a] of autonomy) if (a.status) groups.set(a.status, [...(groups.get(a.status) ?? []), rankOf.get(org) ?? 0]);
  const order = [...groups].map(([s, ranks]) => [s, ranks.reduce((x, y) => x + y, 0) / ranks.length] as const).sort((a, b) => a[1] - b[1]).map(([s]) => s);
  const segments = new Map([...autonomy].filter(([, a]) => a.status).map(([org, a]) => [org, order.indexOf(a.status as string) + 1]));
  let previous = new Map<string, Scorecard>();
  if (cycle.previousCycleId) {
    const prev = await getCycle(db, cycle.previousCycleId);
    if (prev.confirmedAt) previous = new Map((await loadCycleScorecards(db, prev.id)).scorecards.map((s) => [s.orgCode, s]));
  }
  return { cycle, framework: framework as WccFramework, league, scorecards, autonomy, segments, previous };
}

export async function openData(db: Db, cycleRef: string, now: Date): Promise<{ columns: string[]; rows: Record<string, Cell>[] }> {
  const r = await loadResults(db, cycleRef);
  if (!published(r.cycle, now)) throw new AppError('not_found', `The ${r.cycle.year} assurance results are not published yet.`);
  return assuranceOpenData({ framework: r.framework, year: r.cycle.year, scorecards: r.scorecards, league: r.league,
    autonomyStatus: new Map([...r.autonomy].filter(([, a]) => a.status).map(([o, a]) => [o, a.status as string])), segments: r.segments });
}

/** The published league table with change since last year; before publication only the national team sees it. */
export async function leagueTable(db: Db, principal: Principal | null, cycleRef: string, now: Date) {
  const r = await loadResults(db, cycleRef);
  if (!published(r.cycle, now)) requireAction(principal, 'assurance:manage');
  const policy = r.cycle.policyId && r.cycle.policyVersion ? await getPolicy(db, r.cycle.policyId, r.cycle.policyVersion) : null;
  const title = (id: string | null) => (id ? policy?.statuses.find((s) => s.id === id)?.title ?? id : null);
  return {
    year: r.cycle.year, published: published(r.cycle, now), publicationAt: r.cycle.timetable.publicationAt,
    rows: r.league.map((l) => {
      const s = r.scorecards.find((x) => x.orgCode === l.orgCode) as Scorecard;
      const prev = r.previous.get(l.orgCode);
      const levels = Object.values(s.competencyLevels);
      const meanLevel = levels.reduce((a, b) => a + b, 0) / levels.length;
      const prevLevels = prev ? Object.values(prev.competencyLevels) : [];
      return { ...l, governanceOverall: s.governanceOverall, meanLevel, competencyLevels: s.competencyLevels,
        segment: r.segments.get(l.orgCode) ?? null, autonomyStatus: r.autonomy.get(l.orgCode)?.status ?? null,
        autonomyTitle: title(r.autonomy.get(l.orgCode)?.status ?? null),
        previousGovernance: prev?.governanceOverall ?? null,
        meanLevelChange: prev ? meanLevel - prevLevels.reduce((a, b) => a + b, 0) / prevLevels.length : null };
    }),
  };
}

/** Whether this principal may see this PCT's results now. */
export async function canSeeResults(db: Db, principal: Principal | null, cycle: Cycle, orgCode: string, now: Date): Promise<boolean> {
  return published(cycle, now) || canSeeAssessment(db, principal, cycle.id, await pctTarget(db, orgCode));
}
