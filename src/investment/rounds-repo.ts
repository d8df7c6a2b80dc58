// SQL for prioritisation rounds, their criteria and their options.
import type pg from 'pg';
import type { Db } from '../platform/db.ts';
import type { OptionInput, RoundInput, RoundUpdate } from './schemas.ts';

export interface Round {
  id: number; orgCode: string; title: string; firstYear: string; budgets: number[]; objective: 'qalys' | 'weighted';
  thresholdLow: number; thresholdHigh: number; outcomes: string[]; status: 'open' | 'scoring' | 'agreed' | 'decided'; createdAt: string;
}
export interface CriterionRow { code: string; name: string; description: string; swingPoints: number; position: number }
export interface OptionRow extends Required<Omit<OptionInput, 'description' | 'activityChange'>> { id: number; roundId: number; description: string; activityChange: string }

type Q = Db | pg.ClientBase;

const roundOf = (r: Record<string, any>): Round => ({
  id: Number(r.id), orgCode: r.org_code, title: r.title, firstYear: r.first_year, budgets: r.budgets.map(Number), objective: r.objective,
  thresholdLow: Number(r.threshold_low), thresholdHigh: Number(r.threshold_high), outcomes: r.outcomes, status: r.status, createdAt: r.created_at.toISOString(),
});

export async function insertRound(q: Q, r: RoundInput, userId: string | null): Promise<Round> {
  const { rows } = await q.query(
    `INSERT INTO investment_rounds (org_code, title, first_year, budgets, objective, threshold_low, threshold_high, outcomes, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
    [r.orgCode, r.title, r.firstYear, r.budgets, r.objective ?? 'qalys', r.thresholdLow ?? 20000, r.thresholdHigh ?? 30000, r.outcomes ?? [], userId]);
  return roundOf(rows[0]);
}

export async function getRound(q: Q, id: number): Promise<Round | null> {
  const { rows } = await q.query(`SELECT * FROM investment_rounds WHERE id = $1`, [id]);
  return rows[0] ? roundOf(rows[0]) : null;
}

export async function listRounds(q: Q, scope: { all: boolean; orgCodes: string[]; shaCodes: string[] }, orgCode: string | null): Promise<Round[]> {
  const { rows } = await q.query(
    `SELECT r.* FROM investment_rounds r
      WHERE ($1::text IS NULL OR r.org_code = $1)
        AND ($2::boolean OR r.org_code = ANY($3::text[])
             OR r.org_code IN (SELECT child_code FROM organisation_hierarchy WHERE parent_code = ANY($4::text[])))
      ORDER BY r.created_at DESC`,
    [orgCode, scope.all, scope.orgCodes, scope.shaCodes]);
  return rows.map(roundOf);
}

export async function updateRound(q: Q, id: number, u: RoundUpdate): Promise<Round> {
  const { rows } = await q.query(
    `UPDATE investment_rounds SET title = coalesce($2, title), budgets = coalesce($3, budgets), objective = coalesce($4, objective),
            threshold_low = coalesce($5, threshold_low), threshold_high = coalesce($6, threshold_high),
            outcomes = coalesce($7, outcomes), status = coalesce($8, status)
      WHERE id = $1 RETURNING *`,
    [id, u.title ?? null, u.budgets ?? null, u.objective ?? null, u.thresholdLow ?? null, u.thresholdHigh ?? null, u.outcomes ?? null, u.status ?? null]);
  return roundOf(rows[0]);
}

export async function listCriteria(q: Q, roundId: number): Promise<CriterionRow[]> {
  const { rows } = await q.query(`SELECT code, name, description, swing_points, position FROM investment_criteria WHERE round_id = $1 ORDER BY position`, [roundId]);
  return rows.map((r) => ({ code: r.code, name: r.name, description: r.description, swingPoints: Number(r.swing_points), position: r.position }));
}

export async function replaceCriteria(q: Q, roundId: number, criteria: { code: string; name: string; description?: string; swingPoints: number }[]): Promise<void> {
  await q.query(`DELETE FROM investment_criteria WHERE round_id = $1`, [roundId]);
  for (const [i, c] of criteria.entries()) {
    await q.query(`INSERT INTO investment_criteria (round_id, code, name, description, swing_points, position) VALUES ($1, $2, $3, $4, $5, $6)`,
      [roundId, c.code, c.name, c.description ?? '', c.swingPoints, i + 1]);
  }
}

const optionOf = (r: Record<string, any>): OptionRow => ({
  id: Number(r.id), roundId: Number(r.round_id), code: r.code, title: r.title, programme: r.programme, kind: r.kind, description: r.description,
  recurringCosts: r.recurring_costs.map(Number), nonRecurringCosts: r.nonrecurring_costs.map(Number), activityChange: r.activity_change,
  qalyLow: Number(r.qaly_low), qalyLikely: Number(r.qaly_likely), qalyHigh: Number(r.qaly_high),
  costLowFactor: Number(r.cost_low_factor), costHighFactor: Number(r.cost_high_factor), outcomes: r.outcomes, inequalities: r.inequalities,
  risk: r.risk, strategicFit: r.strategic_fit, evidence: r.evidence, mustDo: r.must_do, requires: r.requires, excludes: r.excludes,
});

export async function listOptions(q: Q, roundId: number): Promise<OptionRow[]> {
  const { rows } = await q.query(`SELECT * FROM investment_options WHERE round_id = $1 ORDER BY code`, [roundId]);
  return rows.map(optionOf);
}

export async function getOption(q: Q, id: number): Promise<OptionRow | null> {
  const { rows } = await q.query(`SELECT * FROM investment_options WHERE id = $1`, [id]);
  return rows[0] ? optionOf(rows[0]) : null;
}

/** Inserts or (same round and code) updates an option. */
export async function upsertOption(q: Q, roundId: number, o: OptionInput): Promise<OptionRow> {
  const { rows } = await q.query(
    `INSERT INTO investment_options (round_id, code, title, programme, kind, description, recurring_costs, nonrecurring_costs, activity_change,
        qaly_low, qaly_likely, qaly_high, cost_low_factor, cost_high_factor, outcomes, inequalities, risk, strategic_fit, evidence, must_do, requires, excludes)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
     ON CONFLICT (round_id, code) DO UPDATE SET title = EXCLUDED.title, programme = EXCLUDED.programme, kind = EXCLUDED.kind,
        description = EXCLUDED.description, recurring_costs = EXCLUDED.recurring_costs, nonrecurring_costs = EXCLUDED.nonrecurring_costs,
        activity_change = EXCLUDED.activity_change, qaly_low = EXCLUDED.qaly_low, qaly_likely = EXCLUDED.qaly_likely, qaly_high = EXCLUDED.qaly_high,
        cost_low_factor = EXCLUDED.cost_low_factor, cost_high_factor = EXCLUDED.cost_high_factor, outcomes = EXCLUDED.outcomes,
        inequalities = EXCLUDED.inequalities, risk = EXCLUDED.risk, strategic_fit = EXCLUDED.strategic_fit, evidence = EXCLUDED.evidence,
        must_do = EXCLUDED.must_do, requires = EXCLUDED.requires, excludes = EXCLUDED.excludes, updated_at = now()
     RETURNING *`,
    [roundId, o.code, o.title, o.programme, o.kind, o.description ?? '', o.recurringCosts, o.nonRecurringCosts, o.activityChange ?? '',
      o.qalyLow, o.qalyLikely, o.qalyHigh, o.costLowFactor ?? 0.9, o.costHighFactor ?? 1.2, JSON.stringify(o.outcomes ?? []),
      o.inequalities ?? 'neutral', o.risk ?? 'medium', o.strategicFit ?? 3, JSON.stringify(o.evidence ?? []), o.mustDo ?? false, o.requires ?? [], o.excludes ?? []]);
  return optionOf(rows[0]);
}

export async function deleteOption(q: Q, id: number): Promise<void> {
  await q.query(`DELETE FROM investment_options WHERE id = $1`, [id]);
}
