// SQL for outcome cycles, selections, choices (trajectories) and comments.
import type pg from 'pg';
import type { Db } from '../platform/db.ts';
import type { CycleConfig, SelectionStatus } from './selection-model.ts';

export interface ChoiceRow {
  indicatorId: string; mandated: boolean; breakdown: string; baselinePeriod: string; baselineValue: number; targetValue: number;
  targetBasis: string; shape: 'linear' | 'constant-percentage'; milestones: number[]; rationale: string;
}
export interface CommentRow { id: number; kind: string; body: string; authorEmail: string | null; at: string }
export interface SelectionRow {
  id: string; cycleYear: string; orgCode: string; status: SelectionStatus; submittedAt: string | null; decidedAt: string | null;
  updatedAt: string; choices: ChoiceRow[]; comments: CommentRow[];
}

type Q = Db | pg.ClientBase;
const toCycle = (r: any): CycleConfig & { assuranceCycleId: string | null } => ({
  year: r.year, baselinePeriod: r.baseline_period, trajectoryYears: r.trajectory_years, localOutcomes: r.local_outcomes,
  mandated: r.mandated, assuranceCycleId: r.assurance_cycle_id,
});

export async function listCycles(db: Q) {
  const { rows } = await db.query('SELECT * FROM outcome_cycles ORDER BY year DESC');
  return rows.map(toCycle);
}

export async function getCycle(db: Q, year: string) {
  const { rows } = await db.query('SELECT * FROM outcome_cycles WHERE year = $1', [year]);
  return rows[0] ? toCycle(rows[0]) : null;
}

export async function insertCycle(db: Q, c: CycleConfig): Promise<boolean> {
  const r = await db.query(
    `INSERT INTO outcome_cycles (year, baseline_period, trajectory_years, local_outcomes, mandated) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (year) DO NOTHING`, [c.year, c.baselinePeriod, c.trajectoryYears, c.localOutcomes, c.mandated]);
  return (r.rowCount ?? 0) > 0;
}

const toChoice = (r: any): ChoiceRow => ({
  indicatorId: r.indicator_id, mandated: r.mandated, breakdown: r.breakdown, baselinePeriod: r.baseline_period,
  baselineValue: r.baseline_value, targetValue: r.target_value, targetBasis: r.target_basis, shape: r.shape,
  milestones: r.milestones, rationale: r.rationale,
});

export async function getSelection(db: Q, year: string, orgCode: string, forUpdate = false): Promise<SelectionRow | null> {
  const { rows } = await db.query(`SELECT * FROM outcome_selections WHERE cycle_year = $1 AND org_code = $2${forUpdate ? ' FOR UPDATE' : ''}`, [year, orgCode]);
  const s = rows[0];
  if (!s) return null;
  const choices = await db.query('SELECT * FROM outcome_choices WHERE selection_id = $1 ORDER BY mandated DESC, indicator_id', [s.id]);
  const comments = await db.query('SELECT id, kind, body, author_email, at FROM outcome_comments WHERE selection_id = $1 ORDER BY id', [s.id]);
  return {
    id: s.id, cycleYear: s.cycle_year, orgCode: s.org_code, status: s.status,
    submittedAt: s.submitted_at?.toISOString() ?? null, decidedAt: s.decided_at?.toISOString() ?? null, updatedAt: s.updated_at.toISOString(),
    choices: choices.rows.map(toChoice),
    comments: comments.rows.map((c) => ({ id: c.id, kind: c.kind, body: c.body, authorEmail: c.author_email, at: c.at.toISOString() })),
  };
}

export async function createSelection(db: Q, year: string, orgCode: string): Promise<string> {
  await db.query('INSERT INTO outcome_selections (cycle_year, org_code) VALUES ($1, $2) ON CONFLICT DO NOTHING', [year, orgCode]);
  const { rows } = await db.query('SELECT id FROM outcome_selections WHERE cycle_year = $1 AND org_code = $2', [year, orgCode]);
  return rows[0].id;
}

export async function replaceChoices(client: pg.ClientBase, selectionId: string, choices: ChoiceRow[]): Promise<void> {
  await client.query('DELETE FROM outcome_choices WHERE selection_id = $1', [selectionId]);
  for (const c of choices) {
    await client.query(
      `INSERT INTO outcome_choices (selection_id, indicator_id, mandated, breakdown, baseline_period, baseline_value, target_value,
         target_basis, shape, milestones, rationale) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [selectionId, c.indicatorId, c.mandated, c.breakdown, c.baselinePeriod, c.baselineValue, c.targetValue, c.targetBasis, c.shape, c.milestones, c.rationale]);
  }
}

export async function setStatus(client: pg.ClientBase, id: string, status: SelectionStatus, userId: string, step: 'save' | 'submit' | 'decide'): Promise<void> {
  await client.query(
    `UPDATE outcome_selections SET status = $2, updated_at = now(),
       submitted_at = CASE WHEN $4 = 'submit' THEN now() ELSE submitted_at END, submitted_by = CASE WHEN $4 = 'submit' THEN $3::uuid ELSE submitted_by END,
       decided_at = CASE WHEN $4 = 'decide' THEN now() ELSE decided_at END, decided_by = CASE WHEN $4 = 'decide' THEN $3::uuid ELSE decided_by END
     WHERE id = $1`, [id, status, userId, step]);
}

export async function addComment(client: Q, selectionId: string, kind: string, body: string, author: { userId: string; email: string } | null): Promise<void> {
  await client.query('INSERT INTO outcome_comments (selection_id, kind, body, author_id, author_email) VALUES ($1, $2, $3, $4, $5)',
    [selectionId, kind, body, author?.userId ?? null, author?.email ?? null]);
}

/** The most recent cycle's trajectory of an organisation for an indicator (approved or not). */
export async function latestTrajectory(db: Q, orgCode: string, indicatorId: string) {
  const { rows } = await db.query(
    `SELECT s.cycle_year, s.status, c.* FROM outcome_choices c JOIN outcome_selections s ON s.id = c.selection_id
     WHERE s.org_code = $1 AND c.indicator_id = $2 ORDER BY s.cycle_year DESC LIMIT 1`, [orgCode, indicatorId]);
  return rows[0] ? { ...toChoice(rows[0]), cycleYear: rows[0].cycle_year as string, status: rows[0].status as SelectionStatus } : null;
}

/** Every selection of a cycle with its choices (for SHA and national dashboards). */
export async function selectionsOfCycle(db: Q, year: string) {
  const { rows } = await db.query(
    `SELECT s.org_code, s.status, c.* FROM outcome_selections s LEFT JOIN outcome_choices c ON c.selection_id = s.id
     WHERE s.cycle_year = $1 ORDER BY s.org_code, c.indicator_id`, [year]);
  const by = new Map<string, { orgCode: string; status: SelectionStatus; choices: ChoiceRow[] }>();
  for (const r of rows) {
    const s = by.get(r.org_code) ?? { orgCode: r.org_code as string, status: r.status as SelectionStatus, choices: [] as ChoiceRow[] };
    if (r.indicator_id) s.choices.push(toChoice(r));
    by.set(r.org_code, s);
  }
  return [...by.values()];
}
