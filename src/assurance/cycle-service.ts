// Opening a cycle, amending its timetable, SHA reopenings, and the cycle overview each actor works from.
import type { Db } from '../platform/db.ts';
import { withTransaction } from '../platform/db.ts';
import { recordAudit } from '../platform/audit.ts';
import { AppError } from '../platform/errors.ts';
import { hasRole, type Principal } from '../platform/auth/policy.ts';
import { checkTimetable, phaseAt, type Timetable } from './timetable.ts';
import { cycleFromRow, getCycle, listCycles, type Cycle } from './cycle-repo.ts';
import { pctTarget, requireAction } from './access.ts';

export interface OpenCycleInput { year: string; frameworkId: string; frameworkVersion: string; policyId?: string; policyVersion?: string; timetable: Timetable }

export async function openCycle(db: Db, actor: Principal | null, input: OpenCycleInput): Promise<Cycle> {
  const p = requireAction(actor, 'assurance:manage');
  const errors = checkTimetable(input.timetable).map((e) => ({ path: `timetable/${e.path}`, message: e.message }));
  if (errors.length) throw new AppError('invalid', 'The timetable is not in order.', errors);
  const f = await db.query('SELECT era FROM assurance_frameworks WHERE framework_id = $1 AND version = $2', [input.frameworkId, input.frameworkVersion]);
  if (!f.rows.length) throw new AppError('invalid', `There is no framework ${input.frameworkId}@${input.frameworkVersion}.`, [{ path: 'frameworkVersion', message: 'unknown framework version' }]);
  let policy: [string | null, string | null] = [input.policyId ?? null, input.policyVersion ?? null];
  if (!policy[0]) {
    const pol = await db.query('SELECT policy_id, version FROM assurance_policies WHERE framework_id = $1 AND version = $2 LIMIT 1', [input.frameworkId, input.frameworkVersion]);
    if (pol.rows.length) policy = [pol.rows[0].policy_id, pol.rows[0].version];
  }
  return withTransaction(db, async (c) => {
    const dup = await c.query('SELECT 1 FROM assurance_cycles WHERE framework_id = $1 AND year = $2', [input.frameworkId, input.year]);
    if (dup.rows.length) throw new AppError('conflict', `A ${input.frameworkId} cycle for ${input.year} is already open.`);
    const prev = await c.query('SELECT id FROM assurance_cycles WHERE framework_id = $1 AND year < $2 ORDER BY year DESC LIMIT 1', [input.frameworkId, input.year]);
    const t = input.timetable;
    const { rows } = await c.query(
      `INSERT INTO assurance_cycles (year, framework_id, framework_version, policy_id, policy_version, previous_cycle_id,
         self_assessment_deadline, survey_opens, survey_closes, panels_from, panels_to, calibration_by, publication_at, created_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14) RETURNING *`,
      [input.year, input.frameworkId, input.frameworkVersion, policy[0], policy[1], prev.rows[0]?.id ?? null,
        t.selfAssessmentDeadline, t.surveyOpens, t.surveyCloses, t.panelsFrom, t.panelsTo, t.calibrationBy, t.publicationAt, p.userId]);
    const cycle = cycleFromRow(rows[0]);
    await recordAudit(c, { actor: p, action: 'assurance.cycle.open', objectType: 'assurance_cycle', objectId: cycle.id, after: cycle });
    return cycle;
  });
}

export async function amendTimetable(db: Db, actor: Principal | null, cycleRef: string, timetable: Timetable): Promise<Cycle> {
  const p = requireAction(actor, 'assurance:manage');
  const errors = checkTimetable(timetable).map((e) => ({ path: `timetable/${e.path}`, message: e.message }));
  if (errors.length) throw new AppError('invalid', 'The timetable is not in order.', errors);
  const before = await getCycle(db, cycleRef);
  return withTransaction(db, async (c) => {
    const t = timetable;
    const { rows } = await c.query(
      `UPDATE assurance_cycles SET self_assessment_deadline = $2, survey_opens = $3, survey_closes = $4, panels_from = $5,
         panels_to = $6, calibration_by = $7, publication_at = $8 WHERE id = $1 RETURNING *`,
      [before.id, t.selfAssessmentDeadline, t.surveyOpens, t.surveyCloses, t.panelsFrom, t.panelsTo, t.calibrationBy, t.publicationAt]);
    const after = cycleFromRow(rows[0]);
    await recordAudit(c, { actor: p, action: 'assurance.cycle.timetable', objectType: 'assurance_cycle', objectId: before.id,
      before: before.timetable, after: after.timetable });
    return after;
  });
}

/** An SHA reopens a PCT's self-assessment after the deadline, with a reason, until a time. */
export async function reopenSelfAssessment(db: Db, actor: Principal | null, cycleRef: string, orgCode: string,
  input: { reason: string; until: string }, now: Date): Promise<{ id: string; until: string }> {
  const cycle = await getCycle(db, cycleRef);
  const t = await pctTarget(db, orgCode);
  const p = requireAction(actor, 'assurance:run', t);
  if (!input.reason.trim()) throw new AppError('invalid', 'Give a reason for reopening.', [{ path: 'reason', message: 'required' }]);
  if (!(Date.parse(input.until) > now.getTime())) throw new AppError('invalid', 'A reopening must end in the future.', [{ path: 'until', message: 'must be in the future' }]);
  return withTransaction(db, async (c) => {
    const { rows } = await c.query(
      `INSERT INTO assurance_reopenings (cycle_id, org_code, reason, until, reopened_by, reopened_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, [cycle.id, t.orgCode, input.reason.trim(), input.until, p.userId, now]);
    await c.query("UPDATE assurance_self_assessments SET status = 'draft', submitted_at = NULL, submitted_by = NULL WHERE cycle_id = $1 AND org_code = $2", [cycle.id, t.orgCode]);
    await recordAudit(c, { actor: p, action: 'assurance.self.reopen', objectType: 'assurance_self_assessment', objectId: `${cycle.id}:${t.orgCode}`,
      orgCode: t.orgCode, after: { reason: input.reason.trim(), until: input.until } });
    return { id: rows[0].id as string, until: new Date(input.until).toISOString() };
  });
}

export interface PctProgress {
  orgCode: string; name: string; shaCode: string; selfAssessment: 'not_started' | 'draft' | 'submitted';
  stakeholders: number; responses: number; panelMembers: number; panelSubmitted: number; agreedItems: number;
}

/** The cycle with its phase and, for the principal, the PCTs they work on. */
export async function cycleOverview(db: Db, principal: Principal | null, cycleRef: string, now: Date)
  : Promise<{ cycle: Cycle; phase: string; pcts: PctProgress[]; panelAssignments: string[] }> {
  const cycle = await getCycle(db, cycleRef);
  const p = principal;
  const national = hasRole(p, 'national_admin');
  const shas = (p?.roles ?? []).filter((g) => g.role === 'sha_assurance_lead').map((g) => g.orgCode as string);
  const pcts = (p?.roles ?? []).filter((g) => ['pct_commissioner', 'pct_analyst', 'pct_board_member'].includes(g.role)).map((g) => g.orgCode as string);
  const { rows: assigned } = await db.query('SELECT org_code FROM assurance_panel_members WHERE cycle_id = $1 AND user_id = $2', [cycle.id, p?.userId ?? null]);
  const panelAssignments = assigned.map((r) => r.org_code as string);
  const { rows } = await db.query(
    `SELECT o.code, o.name, h.parent_code AS sha,
            sa.status,
            (SELECT count(*) FROM assurance_stakeholders s WHERE s.cycle_id = $1 AND s.org_code = o.code) AS stakeholders,
            (SELECT count(*) FROM assurance_survey_responses r WHERE r.cycle_id = $1 AND r.org_code = o.code) AS responses,
            (SELECT count(*) FROM assurance_panel_members m WHERE m.cycle_id = $1 AND m.org_code = o.code) AS members,
            (SELECT count(*) FROM assurance_panel_members m WHERE m.cycle_id = $1 AND m.org_code = o.code AND m.submitted_at IS NOT NULL) AS submitted,
            (SELECT count(*) FROM assurance_agreed_scores a WHERE a.cycle_id = $1 AND a.org_code = o.code) AS agreed
       FROM organisations o
       JOIN organisation_hierarchy h ON h.child_code = o.code AND h.valid_from <= $6::date AND (h.valid_to IS NULL OR h.valid_to >= $6::date)
       LEFT JOIN assurance_self_assessments sa ON sa.cycle_id = $1 AND sa.org_code = o.code
      WHERE o.type = 'pct' AND o.valid_from <= $6::date AND (o.valid_to IS NULL OR o.valid_to >= $6::date)
        AND ($2::boolean OR h.parent_code = ANY($3::text[]) OR o.code = ANY($4::text[]) OR o.code = ANY($5::text[]))
      ORDER BY h.parent_code, o.name`, [cycle.id, national, shas, pcts, panelAssignments, `${cycle.year.slice(0, 4)}-04-01`]);
  return {
    cycle, phase: phaseAt(cycle.timetable, now), panelAssignments,
    pcts: rows.map((r) => ({ orgCode: r.code, name: r.name, shaCode: r.sha, selfAssessment: r.status ?? 'not_started',
      stakeholders: r.stakeholders, responses: r.responses, panelMembers: r.members, panelSubmitted: r.submitted, agreedItems: r.agreed })),
  };
}

export { listCycles };
